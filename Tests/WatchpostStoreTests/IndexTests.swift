import Foundation
import Testing
@testable import WatchpostStore
import WatchpostCore

/// The machinery behind fast ingest: the byte path of PlaceKey, stored candidate windows and
/// consensus days, batches of reports in one transaction.
// In the serialized store suite: the PostgreSQL cases share one database.
extension EventStoreTests {
@Suite struct IndexTests {
    typealias F = Fixtures

    /// Names made up to hit each step: articles, digraphs made by earlier digraph rules (s + kh),
    /// a final -h, doubled letters, apostrophes, digits, several words.
    static let names = [
        "Tall Karam", "Tal Karram", "al-Suqaylabiyah", "Es-Sukeylabiya", "Kabbaneh", "Kabani", "Thiban", "Diban",
        "Skhira", "Askhabad", "Jubata al-Khashab", "Ma'arrat al-Numan", "Ma’arrat", "Qouzah", "Phouzh", "Deir ez-Zor",
        "Zaghah", "Place 17", "17", "al", "Al Ash", "The Hills", "ash-Shaddadi", "Ghouta", "Dhahr", "Kafr Cuzv",
        "Ouh", "Shhh", "ah", "Achh", "A-B-C", "kasss", "Ashkh", "qh", "Cch",
    ]

    @Test(arguments: names)
    func asciiPlaceKeyEqualsTheFoldingPath(_ name: String) {
        #expect(PlaceKey.asciiKey(Array(name.utf8)) == PlaceKey.foldedKey(name))
    }

    @Test func asciiPlaceKeyEqualsTheFoldingPathOnRandomNames() {
        var state: UInt64 = 42
        let letters = Array("aAbcdeghijkKlmnoOpqsStTuvwyzZh '-’".unicodeScalars.filter(\.isASCII))
        for _ in 0..<2000 {
            var name = ""
            for _ in 0..<(1 + Int(state % 11)) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                name.unicodeScalars.append(letters[Int((state >> 33) % UInt64(letters.count))])
            }
            #expect(PlaceKey.asciiKey(Array(name.utf8)) == PlaceKey.foldedKey(name), "\(name)")
        }
    }

    @Test func nonASCIINamesStillFold() {
        #expect(PlaceKey.of("Ḥamāh") == PlaceKey.of("Hamah"))
    }

    /// Candidate search leaves out events whose date windows cannot overlap, but keeps every one
    /// that can: a month-precise event three weeks before, a week-precise one four days after.
    @Test(arguments: Backend.allCases)
    func candidateSearchKeepsOverlappingWindowsOnly(_ backend: Backend) throws {
        guard let store = try backend.makeStore() else { return }
        defer { store.close() }
        // Villages of one grid cell, 10 km and more apart, so that they do not merge among themselves.
        func village(_ doc: String, _ id: String, _ date: String, _ n: Int, _ precision: TimePrecision = .day) -> Event {
            F.event(doc, id, date, location: ["Kafr Bet", "Dar Tun", "Sib Lak", "Mun Raf", "Hul Gat"][n],
                    lat: 35.05 + Double(n) * 0.09, lon: 36.1, precision: precision)
        }
        let stored = [
            village("d1", "same-day", "2020-03-10", 0),
            village("d2", "day-before", "2020-03-09", 1),
            village("d3", "month", "2020-02-20", 2, .month),
            village("d4", "week-after", "2020-03-14", 3, .week),
            village("d5", "far-week", "2020-03-30", 4, .week),
        ]
        for e in stored {
            _ = try store.ingest(F.document(e.doc, published: "2020-04-01"), events: [e])
        }
        let probe = F.event("probe", "p", "2020-03-10")
        let seen = try store.backend.transaction { db in try store.candidates(for: probe, report: "probe", in: db) }
        #expect(Set(seen.flatMap(\.events).map(\.id)) == ["same-day", "month", "week-after"])
    }

    /// A merged event whose members agree on a day is not offered to an event whose window misses it.
    @Test(arguments: Backend.allCases)
    func storedConsensusDayLeavesOutMergedEventsOfAnotherDay(_ backend: Backend) throws {
        guard let store = try backend.makeStore() else { return }
        defer { store.close() }
        _ = try store.ingest(F.document("a"), events: [F.event("a", "a1", "2020-03-10")])
        _ = try store.ingest(F.document("b"), events: [F.event("b", "b1", "2020-03-10")])
        // Loosely dated, overlapping both days: joins the merged event of the 10th.
        _ = try store.ingest(F.document("c"), events: [F.event("c", "c1", "2020-03-12", precision: .week)])
        let onEleventh = F.event("probe", "p", "2020-03-11")
        let seen = try store.backend.transaction { db in try store.candidates(for: onEleventh, report: "probe", in: db) }
        #expect(seen.isEmpty)
        let onTenth = F.event("probe", "p", "2020-03-10")
        let found = try store.backend.transaction { db in try store.candidates(for: onTenth, report: "probe", in: db) }
        #expect(found.count == 1 && found[0].consensus == .some(Day(iso: "2020-03-10")))
    }

    /// Windows written under other rules (or before windows were stored) are recomputed on open.
    @Test(arguments: Backend.allCases)
    func staleWindowsAreRecomputedOnOpen(_ backend: Backend) throws {
        guard let store = try backend.makeStore() else { return }
        _ = try store.ingest(F.document("a"), events: [F.event("a", "a1", "2020-03-10", precision: .week)])
        try store.backend.transaction { db in
            try db.execute("UPDATE event_cells SET window_start = 0, window_end = 0")
            try db.execute("DELETE FROM store_meta")
        }
        // Written behind the store's back on its own connection (another process would change
        // `data_version`): its in-process index must forget what it mirrored.
        store.local?.reset()
        let probe = F.event("probe", "p", "2020-03-12")
        let before = try store.backend.transaction { db in try store.candidates(for: probe, report: "probe", in: db) }
        #expect(before.isEmpty)
        store.close()

        let reopened: SQLEventStore = switch backend {
        case .sqlite: try SQLiteEventStore(path: (store.backend as! SQLiteBackend).path, rules: F.rules)
        case .postgres: try PostgresEventStore(url: Backend.postgresURL!, rules: F.rules)
        }
        defer { reopened.close() }
        let after = try reopened.backend.transaction { db in try reopened.candidates(for: probe, report: "probe", in: db) }
        #expect(after.flatMap(\.events).map(\.id) == ["a1"])
        let fingerprint = try reopened.backend.transaction { db in
            try db.scalar("SELECT value FROM store_meta WHERE key = ?", [.text(CandidateWindows.metaKey)]).text
        }
        #expect(fingerprint == CandidateWindows.fingerprint())
    }

    /// The candidate search seeks through indexes: a scan of a whole table would make every
    /// ingest slower as the store grows (the merge cost must stay flat).
    @Test(arguments: [TimePrecision.day, .week, .month])
    func candidateSearchNeverScansATable(_ precision: TimePrecision) throws {
        guard let store = try Backend.sqlite.makeStore() else { return }
        defer { store.close() }
        let probe = F.event("probe", "p", "2020-03-12", precision: precision)
        let (sql, binds) = try #require(SQLEventStore.candidateQuery(for: probe, report: "probe"))
        let plan = try store.backend.transaction { db in try db.query("EXPLAIN QUERY PLAN " + sql, binds) }
            .compactMap { $0["detail"].text }
        #expect(plan.contains { $0.contains("USING COVERING INDEX event_cells_tiered") })
        #expect(plan.filter { $0.hasPrefix("SCAN ") && $0 != "SCAN found" }.isEmpty, "\(plan)")
    }
}
}
