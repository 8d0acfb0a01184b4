import WatchpostCore

/// The JSON bodies the store writes (`report_events.body`, `merged_events.body`), written straight
/// into a byte buffer.
///
/// Hand-written on purpose: Foundation's JSONEncoder was 18 % of the SQLite ingest's CPU (perf,
/// release, 8k store: ~0.14 ms of the ~0.75 ms per event), most of it building a keyed container
/// tree per value and sorting and hashing its keys. The two shapes are fixed, so they are emitted
/// directly. Only what `JSONDecoder` reads back matters (bodies are always decoded, never passed
/// through), and it reads back the same values as from JSONEncoder's output: `Event` with every
/// field present (`null` where unknown, as `Event.encode(to:)` writes), `MergedEvent` with its
/// synthesized keys and nil fields left out, doubles as their shortest round-trip text (tested on
/// random values). A non-finite double, which JSONEncoder refuses, is reported as `nil` so that the
/// caller falls back to JSONEncoder and fails as before.
enum StoredJSON {
    /// The stored body of a report event, or nil when it holds a non-finite coordinate.
    static func event(_ e: Event) -> String? {
        var w = Writer()
        w.open()
        w.key("doc"); w.string(e.doc)
        w.key("id"); w.string(e.id)
        w.key("date"); w.optionalString(e.date?.iso)
        w.key("date_end"); w.optionalString(e.dateEnd?.iso)
        w.key("time_precision"); w.integer(e.timePrecision.rawValue)
        w.key("event_type"); w.string(e.eventType.rawValue)
        w.key("sub_event_type"); w.string(e.subEventType)
        w.key("actor1"); w.optionalString(e.actor1)
        w.key("assoc_actor1"); w.strings(e.assocActor1)
        w.key("actor2"); w.optionalString(e.actor2)
        w.key("assoc_actor2"); w.strings(e.assocActor2)
        w.key("location"); w.optionalString(e.location)
        w.key("admin1"); w.optionalString(e.admin1)
        w.key("latitude"); w.optionalDouble(e.latitude)
        w.key("longitude"); w.optionalDouble(e.longitude)
        w.key("geo_precision"); w.integer(e.geoPrecision.rawValue)
        w.key("fatalities"); w.optionalInteger(e.fatalities)
        w.key("fatalities_qualifier"); w.optionalString(e.fatalitiesQualifier?.rawValue)
        w.key("claimed_by"); w.optionalString(e.claimedBy)
        w.key("claim_status"); w.string(e.claimStatus.rawValue)
        w.key("evidence"); w.string(e.evidence)
        w.key("evidence_ranges"); w.openArray()
        for range in e.evidenceRanges {
            w.element(); w.open()
            w.key("start"); w.integer(range.start)
            w.key("end"); w.integer(range.end)
            w.close()
        }
        w.closeArray()
        w.key("outlet"); w.optionalString(e.outlet)
        if let mergedID = e.mergedID { w.key("merged_id"); w.string(mergedID) }
        w.close()
        return w.text
    }

    /// The stored body of a merged event (synthesized `Codable` keys; nil fields left out), or nil
    /// when it holds a non-finite coordinate.
    static func mergedEvent(_ m: MergedEvent) -> String? {
        var w = Writer()
        w.open()
        w.key("id"); w.string(m.id)
        w.key("eventType"); w.string(m.eventType.rawValue)
        w.key("subEventType"); w.string(m.subEventType)
        if let date = m.date { w.key("date"); w.string(date.iso) }
        if let dateEnd = m.dateEnd { w.key("dateEnd"); w.string(dateEnd.iso) }
        w.key("timePrecision"); w.integer(m.timePrecision.rawValue)
        if let actor1 = m.actor1 { w.key("actor1"); w.string(actor1) }
        w.key("assocActor1"); w.strings(m.assocActor1)
        if let actor2 = m.actor2 { w.key("actor2"); w.string(actor2) }
        w.key("assocActor2"); w.strings(m.assocActor2)
        if let location = m.location { w.key("location"); w.string(location) }
        if let admin1 = m.admin1 { w.key("admin1"); w.string(admin1) }
        if let latitude = m.latitude { w.key("latitude"); w.double(latitude) }
        if let longitude = m.longitude { w.key("longitude"); w.double(longitude) }
        w.key("geoPrecision"); w.integer(m.geoPrecision.rawValue)
        if let f = m.fatalities {
            w.key("fatalities"); w.open()
            w.key("low"); w.integer(f.low)
            w.key("best"); w.integer(f.best)
            w.key("high"); w.integer(f.high)
            w.close()
        }
        w.key("claimStatus"); w.string(m.claimStatus.rawValue)
        w.key("claims"); w.openArray()
        for c in m.claims {
            w.element(); w.open()
            w.key("report"); w.string(c.report)
            w.key("event"); w.string(c.event)
            if let outlet = c.outlet { w.key("outlet"); w.string(outlet) }
            if let claimant = c.claimant { w.key("claimant"); w.string(claimant) }
            w.key("status"); w.string(c.status.rawValue)
            if let fatalities = c.fatalities { w.key("fatalities"); w.integer(fatalities) }
            if let q = c.fatalitiesQualifier { w.key("fatalitiesQualifier"); w.string(q.rawValue) }
            w.close()
        }
        w.closeArray()
        w.key("links"); w.openArray()
        for l in m.links {
            w.element(); w.open()
            w.key("report"); w.string(l.report)
            w.key("event"); w.string(l.event)
            w.key("reason"); w.string(l.reason)
            w.close()
        }
        w.closeArray()
        if let first = m.firstReported { w.key("firstReported"); w.string(first.iso) }
        if let last = m.lastUpdated { w.key("lastUpdated"); w.string(last.iso) }
        w.key("evidence"); w.string(m.evidence)
        w.close()
        return w.text
    }

    /// A byte buffer with JSON punctuation: commas go in before every key or element but the first
    /// of its object or array.
    struct Writer {
        private(set) var out: [UInt8] = []
        private var needsComma = false
        /// Set by a non-finite double: the body cannot be JSON.
        private var failed = false

        init() { out.reserveCapacity(1024) }

        var text: String? { failed ? nil : String(decoding: out, as: UTF8.self) }

        mutating func open() { out.append(UInt8(ascii: "{")); needsComma = false }
        mutating func close() { out.append(UInt8(ascii: "}")); needsComma = true }
        mutating func openArray() { out.append(UInt8(ascii: "[")); needsComma = false }
        mutating func closeArray() { out.append(UInt8(ascii: "]")); needsComma = true }

        mutating func element() {
            if needsComma { out.append(UInt8(ascii: ",")) }
            needsComma = false
        }

        mutating func key(_ name: StaticString) {
            if needsComma { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { out.append(contentsOf: $0) }
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
            needsComma = true
        }

        mutating func null() { out.append(contentsOf: "null".utf8) }

        mutating func integer(_ value: Int) { out.append(contentsOf: String(value).utf8) }

        mutating func optionalInteger(_ value: Int?) {
            if let value { integer(value) } else { null() }
        }

        /// The shortest text that reads back as the same Double (Swift's `description`).
        mutating func double(_ value: Double) {
            guard value.isFinite else { failed = true; return null() }
            out.append(contentsOf: value.description.utf8)
        }

        mutating func optionalDouble(_ value: Double?) {
            if let value { double(value) } else { null() }
        }

        mutating func optionalString(_ value: String?) {
            if let value { string(value) } else { null() }
        }

        mutating func strings(_ values: [String]) {
            openArray()
            for value in values { element(); string(value) }
            closeArray()
        }

        /// A JSON string with JSONEncoder's escapes (the escaper is shared with the CLI's event writer).
        mutating func string(_ value: String) {
            JSONStringBytes.append(value, to: &out)
            needsComma = true
        }
    }
}
