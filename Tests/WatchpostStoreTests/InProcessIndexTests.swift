import Foundation
import Testing
@testable import WatchpostStore
import WatchpostCore

/// The in-process candidate index and member lists of a SQLite store must change nothing: the
/// same reports, merged through them or through SQL alone (as PostgreSQL merges), give the same
/// merged events, links and reasons; and every stored summary equals the one recomputed from its
/// members as read back from the database, whatever order the members arrived in.
@Suite struct InProcessIndexTests {
    typealias F = Fixtures

    /// A small deterministic generator of reports about a few places over a few weeks, with
    /// retellings (other outlets, other figures, other date precisions), so that merges, bridges
    /// and loosely dated members all occur.
    struct Reports {
        var state: UInt64
        var number = 0
        var told: [Event] = []

        init(seed: UInt64) { state = seed | 1 }

        mutating func random(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }

        static let places: [(String, String, Double, Double)] = [
            ("Tall Karam", "Upland", 35.0, 36.0), ("Kafr Sud", "Upland", 35.07, 36.0), ("Birket Nur", "Lowland", 34.2, 37.1),
            ("Ain Dara", "Lowland", 34.25, 37.12), ("Wadi Hamra", "Coast", 33.4, 35.6),
        ]
        static let actors = ["Northern Army", "Northern Air Force", "Hill Rebels", "Masked Gunmen", "Civilians"]

        /// Report ids that do not sort in the order they arrive ("r-10" before "r-9").
        mutating func next(startDay: Int) -> (Document, [Event]) {
            number += 1
            let id = "r-\(number * 7 % 1000)-\(number)"
            let published = Day(ordinal: startDay + number / 4)
            let document = Document(id: id, outlet: "Outlet \(random(5))", published: published, text: "Report \(id).")
            var events: [Event] = []
            for k in 0..<(1 + random(3)) {
                var e: Event
                if !told.isEmpty, random(2) == 0 {
                    e = told[random(told.count)]
                    e.doc = id
                    e.id = "\(id)-\(k)"
                    e.fatalities = random(3) == 0 ? random(30) : e.fatalities
                    if random(4) == 0 { e.timePrecision = [.day, .week, .month][random(3)] }
                    if random(5) == 0 { e.date = e.date?.adding(days: random(3) - 1) }
                    if random(4) == 0 { e.claimedBy = Self.actors[random(2)]; e.claimStatus = .claimed }
                } else {
                    let place = Self.places[random(Self.places.count)]
                    let type: EventType = [.explosions, .battles, .violenceAgainstCivilians][random(3)]
                    e = Event(doc: id, id: "\(id)-\(k)", date: published.adding(days: -random(3)),
                              timePrecision: random(6) == 0 ? .week : .day, eventType: type,
                              subEventType: type == .battles ? "Armed clash" : type == .explosions ? "Air/drone strike" : "Attack",
                              actor1: Self.actors[random(4)], actor2: Self.actors[random(Self.actors.count)],
                              location: place.0, admin1: place.1, latitude: random(5) == 0 ? nil : place.2,
                              longitude: place.3, geoPrecision: random(5) == 0 ? .region : .town,
                              fatalities: random(2) == 0 ? random(20) : nil, evidence: "event \(k) of \(id)")
                }
                events.append(e)
            }
            told.append(contentsOf: events)
            if told.count > 60 { told.removeFirst(told.count - 60) }
            return (document, events)
        }
    }

    static func ingest(_ store: SQLEventStore, seed: UInt64, reports: Int, startDay: Int = Day(year: 2020, month: 1, day: 1)!.ordinal) throws {
        var generator = Reports(seed: seed)
        var batch: [(document: Document, events: [Event])] = []
        for _ in 0..<reports {
            let (d, e) = generator.next(startDay: startDay)
            batch.append((d, e))
            if batch.count == 7 { _ = try store.ingest(batch: batch); batch = [] }
        }
        _ = try store.ingest(batch: batch)
    }

    static func sqliteStore(_ local: LocalMergeState?) throws -> SQLEventStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wp-\(UUID().uuidString).sqlite").path
        return try SQLiteEventStore(path: path, rules: F.rules, local: local)
    }

    @Test(arguments: [(UInt64(1), 20), (7, 15), (42, 4)] as [(UInt64, Int)])
    func inProcessIndexMergesExactlyAsSQLDoes(_ seed: UInt64, _ capacityDays: Int) throws {
        // A small capacity makes the index evict and re-read days while the reports move on.
        let fast = try Self.sqliteStore(LocalMergeState(capacityDays: capacityDays, mergedCapacity: 50))
        let plain = try Self.sqliteStore(nil)
        defer { fast.close(); plain.close() }
        try Self.ingest(fast, seed: seed, reports: 200)
        try Self.ingest(plain, seed: seed, reports: 200)
        let merged = try fast.mergedEvents(EventFilter())
        #expect(merged.count > 40)
        #expect(merged.contains { $0.links.count > 2 })
        #expect(merged == (try plain.mergedEvents(EventFilter())))
        #expect(try fast.reportEvents(EventFilter()) == (try plain.reportEvents(EventFilter())))
    }

    @Test(arguments: [UInt64(3), 11, 29])
    func storedSummaryEqualsTheRecomputeFromItsMembers(_ seed: UInt64) throws {
        let store = try Self.sqliteStore(LocalMergeState())
        defer { store.close() }
        try Self.ingest(store, seed: seed, reports: 200)
        let merged = try store.mergedEvents(EventFilter())
        #expect(merged.contains { $0.links.count > 2 })
        try store.backend.transaction { db in
            for m in merged {
                let members = try store.members(of: m.id, in: db)
                let recomputed = MergedEventSummarizer.summarize(
                    id: m.id, members: members.map { .init(event: $0.event, reason: $0.reason, published: $0.published.flatMap(Day.init(iso:)),
                                                           ingestedDay: Day(iso: $0.ingested)) })
                #expect(recomputed == m)
                let stored = try db.query("SELECT consensus_day FROM merged_events WHERE id = ?", [.text(m.id)]).first?["consensus_day"].int
                #expect(stored == SQLEventStore.consensusDay(members.map(\.event))?.ordinal)
            }
        }
    }

    @Test func anotherWriterOrARollbackDropsTheInProcessState() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wp-\(UUID().uuidString).sqlite").path
        let first = try SQLiteEventStore(path: path, rules: F.rules)
        let second = try SQLiteEventStore(path: path, rules: F.rules)
        defer { first.close(); second.close() }
        _ = try first.ingest(F.document("r1"), events: [F.event("r1", "r1-1", "2020-01-01")])
        #expect(first.local?.index.eventCount == 1)
        // Another process merges a telling of the same strike: the first store must see it.
        _ = try second.ingest(F.document("r2", outlet: "Monitor"), events: [F.event("r2", "r2-1", "2020-01-01")])
        _ = try first.ingest(F.document("r3", outlet: "State"), events: [F.event("r3", "r3-1", "2020-01-01", fatalities: 4)])
        let strike = try #require(try first.mergedEvents(EventFilter()).first)
        #expect(strike.reports == ["r1", "r2", "r3"])
        // A failed transaction leaves nothing behind in process.
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try first.writeTransaction { db in
                _ = try first.ingest(F.document("r4"), events: [F.event("r4", "r4-1", "2020-01-01")], in: db)
                throw Stop()
            }
        }
        #expect(first.local?.index.isEmpty == true)
        _ = try first.ingest(F.document("r5", outlet: "Radio"), events: [F.event("r5", "r5-1", "2020-01-01")])
        #expect(try first.mergedEvents(EventFilter()).first?.reports == ["r1", "r2", "r3", "r5"])
    }
}

/// Report keys and merged ids must not change when their hex is written faster: stored keys of
/// existing stores depend on them.
@Suite struct ContentHashHexTests {
    @Test(arguments: [[UInt8](), [0], [255, 16, 1, 171], Array(0...255)])
    func hexEqualsTheFormattedBytes(_ bytes: [UInt8]) {
        #expect(ContentHash.hex(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
    }
}

/// Report keys of existing stores depend on the normalized text: the ASCII byte loop must give
/// what NFKC and Character whitespace give, on ASCII and non-ASCII texts alike.
@Suite struct ContentHashNormalizationTests {
    static let pieces = ["a", "Word", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{0}", "\u{1C}", "\u{1F}",
                         "\u{7F}", ".", "é", "e\u{301}", "\u{A0}", "\u{2009}", "ﬁ", "２", " \u{301}", "\u{85}"]

    @Test(arguments: [UInt64(1), 2, 3])
    func normalizedTextEqualsTheUnicodePath(seed: UInt64) {
        var r = StoredJSONTests.Random(state: seed)
        for round in 0..<3000 {
            // Half the texts ASCII only (the fast path), half with anything.
            let pool = round % 2 == 0 ? Array(Self.pieces.prefix(15)) : Self.pieces
            let text = (0..<r.int(12)).map { _ in pool[r.int(pool.count)] }.joined()
            #expect(ContentHash.normalizedText(text) == ContentHash.unicodeNormalizedText(text), "\(Array(text.unicodeScalars))")
        }
    }
}
