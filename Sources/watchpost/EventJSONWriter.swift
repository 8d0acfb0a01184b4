import WatchpostCore

/// Writes one `Event` as one line of JSON, straight into a byte buffer.
///
/// Hand-written on purpose: Foundation's JSONEncoder took ~90 M instructions for the events of 188 KB of
/// reports (about a seventh of the extraction itself), most of it building a keyed container tree per event
/// and hashing its keys. The event schema is fixed (SCHEMA.md), so the writer emits its fields directly.
/// The output parses to the same JSON as `JSONEncoder` with `.withoutEscapingSlashes` and `Event.encode(to:)`:
/// every field present, `null` where unknown, `merged_id` only when set, numbers and string escapes
/// written as JSONEncoder writes them. Keys come in schema order (JSONEncoder's order varied from run to run).
struct EventJSONWriter {
    /// Appends `event` as a JSON object (no newline) to `out`.
    static func write(_ event: Event, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        key("doc", first: true, &out); string(event.doc, &out)
        key("id", &out); string(event.id, &out)
        key("date", &out); optionalString(event.date?.iso, &out)
        key("date_end", &out); optionalString(event.dateEnd?.iso, &out)
        key("time_precision", &out); integer(event.timePrecision.rawValue, &out)
        key("event_type", &out); string(event.eventType.rawValue, &out)
        key("sub_event_type", &out); string(event.subEventType, &out)
        key("actor1", &out); optionalString(event.actor1, &out)
        key("assoc_actor1", &out); strings(event.assocActor1, &out)
        key("actor2", &out); optionalString(event.actor2, &out)
        key("assoc_actor2", &out); strings(event.assocActor2, &out)
        key("location", &out); optionalString(event.location, &out)
        key("admin1", &out); optionalString(event.admin1, &out)
        key("latitude", &out); optionalDouble(event.latitude, &out)
        key("longitude", &out); optionalDouble(event.longitude, &out)
        key("geo_precision", &out); integer(event.geoPrecision.rawValue, &out)
        key("fatalities", &out)
        if let fatalities = event.fatalities { integer(fatalities, &out) } else { null(&out) }
        key("fatalities_qualifier", &out); optionalString(event.fatalitiesQualifier?.rawValue, &out)
        key("claimed_by", &out); optionalString(event.claimedBy, &out)
        key("claim_status", &out); string(event.claimStatus.rawValue, &out)
        key("evidence", &out); string(event.evidence, &out)
        key("evidence_ranges", &out)
        out.append(UInt8(ascii: "["))
        for (i, range) in event.evidenceRanges.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: #"{"start":"#.utf8)
            integer(range.start, &out)
            out.append(contentsOf: #","end":"#.utf8)
            integer(range.end, &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        key("outlet", &out); optionalString(event.outlet, &out)
        if let mergedID = event.mergedID { key("merged_id", &out); string(mergedID, &out) }
        out.append(UInt8(ascii: "}"))
    }

    private static func key(_ name: StaticString, first: Bool = false, _ out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(contentsOf: "\":".utf8)
    }

    private static func null(_ out: inout [UInt8]) { out.append(contentsOf: "null".utf8) }

    private static func integer(_ value: Int, _ out: inout [UInt8]) { out.append(contentsOf: String(value).utf8) }

    /// As JSONEncoder writes a Double: its shortest round-trip description, without a trailing ".0".
    private static func optionalDouble(_ value: Double?, _ out: inout [UInt8]) {
        guard let value else { return null(&out) }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.append(contentsOf: text.utf8)
    }

    private static func optionalString(_ value: String?, _ out: inout [UInt8]) {
        if let value { string(value, &out) } else { null(&out) }
    }

    private static func strings(_ values: [String], _ out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (i, value) in values.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(value, &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A JSON string with JSONEncoder's escapes (the escaper is shared with the store's writer).
    static func string(_ value: String, _ out: inout [UInt8]) {
        JSONStringBytes.append(value, to: &out)
    }
}
