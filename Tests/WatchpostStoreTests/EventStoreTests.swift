import Foundation
import Testing
@testable import WatchpostStore
import WatchpostCore

/// The store suite, run against every backend (PostgreSQL only with WATCHPOST_TEST_POSTGRES).
/// Serialized: the PostgreSQL cases share one database.
@Suite(.serialized) struct EventStoreTests {
    typealias F = Fixtures

    /// Three reports of one strike (one a day late and vague), and a decoy the next day.
    static func scenario(_ store: SQLEventStore) throws {
        _ = try store.ingest(F.document("r1"), events: [F.event("r1", "r1-1", "2020-01-01", fatalities: 9)])
        _ = try store.ingest(F.document("r2", outlet: "Monitor"), events: [F.event("r2", "r2-1", "2020-01-01", location: "Tal Karram", lat: nil, lon: nil, fatalities: 11)])
        _ = try store.ingest(F.document("r3", outlet: "State"), events: [
            F.event("r3", "r3-1", "2020-01-01", actor1: "Northern Army", actor2: "Hill Rebels", fatalities: 27, claimedBy: "Northern Army", status: .claimed),
            F.event("r3", "r3-2", "2020-01-02", fatalities: 2),
        ])
    }

    @Test(arguments: Backend.allCases)
    func mergesReportsOfOneStrikeAndKeepsTheDecoyApart(_ backend: Backend) throws {
        guard let store = try backend.makeStore() else { return }
        defer { store.close() }
        try Self.scenario(store)
        let merged = try store.mergedEvents(EventFilter())
        #expect(merged.count == 2)
        let strike = try #require(merged.first { $0.reports.count == 3 })
        #expect(strike.fatalities == FatalityRange(low: 9, best: 9, high: 27))
        #expect(strike.claims.count == 3)
        #expect(strike.claimants == ["Northern Army"])
        #expect(strike.sources == ["Monitor", "State", "Test Wire"])
        #expect(strike.links.first { $0.report == "r2" }?.reason.contains("same place") == true)
        let perReport = try store.reportEvents(EventFilter())
        #expect(perReport.count == 4)
        #expect(Set(perReport.filter { $0.id != "r3-2" }.compactMap(\.mergedID)) == [strike.id])
    }

    /// Extraction noise: a report telling one strike twice, tellings that bridge, a loosely dated member.
    @Test(arguments: Backend.allCases)
    func aReportsRestatementsJoinTogetherAndSeparateEventsStayApart(_ backend: Backend) throws {
        guard let store = try backend.makeStore() else { return }
        defer { store.close() }
        _ = try store.ingest(F.document("r1"), events: [F.event("r1", "r1-1", "2020-01-01")])
        // r2 tells the strike, restates it region-level, and tells a separate clash 8 km away.
        _ = try store.ingest(F.document("r2", outlet: "Monitor"), events: [
            F.event("r2", "r2-1", "2020-01-01", actor1: "Masked Gunmen"),
            F.event("r2", "r2-2", "2020-01-01", location: "Upland", lat: 35.3, lon: 36.3, geo: .region),
            F.event("r2", "r2-3", "2020-01-01", type: .battles, sub: "Armed clash", actor1: "Hill Rebels", actor2: "Northern Army",
                    location: "Kafr Sud", lat: 35.07, lon: 36.0),
        ])
        let mergedOf = Dictionary(uniqueKeysWithValues: try store.reportEvents(EventFilter()).map { ($0.id, $0.mergedID ?? "") })
        #expect(mergedOf["r2-1"] == mergedOf["r1-1"] && mergedOf["r2-2"] == mergedOf["r1-1"])
        #expect(mergedOf["r2-3"] != mergedOf["r1-1"])
        let strike = try #require(try store.mergedEvent(id: mergedOf["r1-1"]!))
        #expect(strike.links.first { $0.event == "r2-2" }?.reason.contains("its own report") == true)
    }

    @Test(arguments: Backend.allCases)
    func aTellingBridgesTwoMergedEventsUnlessAReportIsInBoth(_ backend: Backend) throws {
        guard let store = try backend.makeStore() else { return }
        defer { store.close() }
        // Two outlets blame different attackers; each founds a merged event.
        _ = try store.ingest(F.document("r1"), events: [F.event("r1", "r1-1", "2020-01-01")])
        _ = try store.ingest(F.document("r2", outlet: "Monitor"), events: [F.event("r2", "r2-1", "2020-01-01", actor1: "Hill Rebels")])
        // One report tells two separate attacks at one place: they stay two merged events.
        _ = try store.ingest(F.document("r3", outlet: "State"), events: [
            F.event("r3", "r3-1", "2020-02-01"), F.event("r3", "r3-2", "2020-02-01", actor1: "Hill Rebels"),
        ])
        func mergedOf() throws -> [String: String] {
            Dictionary(uniqueKeysWithValues: try store.reportEvents(EventFilter()).map { ($0.id, $0.mergedID ?? "") })
        }
        #expect(try mergedOf()["r1-1"] != mergedOf()["r2-1"])
        // A third leaves the attacker unidentified: one strike after all.
        _ = try store.ingest(F.document("r4", outlet: "Fourth"), events: [F.event("r4", "r4-1", "2020-01-01", actor1: "Masked Gunmen")])
        _ = try store.ingest(F.document("r5", outlet: "Fifth"), events: [F.event("r5", "r5-1", "2020-02-01", actor1: "Masked Gunmen")])
        let after = try mergedOf()
        #expect(Set([after["r1-1"], after["r2-1"], after["r4-1"]]).count == 1)
        #expect(after["r3-1"] != after["r3-2"])
        #expect(try store.mergedEvent(id: after["r1-1"]!)?.links.contains { $0.reason.contains("bridged by r4") } == true)
    }

    @Test(arguments: Backend.allCases)
    func aLooselyDatedMemberDoesNotLetTheNextDayIn(_ backend: Backend) throws {
        guard let store = try backend.makeStore() else { return }
        defer { store.close() }
        _ = try store.ingest(F.document("r1"), events: [F.event("r1", "r1-1", "2020-01-01")])
        _ = try store.ingest(F.document("r2"), events: [F.event("r2", "r2-1", "2020-01-02", precision: .week)])
        _ = try store.ingest(F.document("r3"), events: [F.event("r3", "r3-1", "2020-01-02")])
        let mergedOf = Dictionary(uniqueKeysWithValues: try store.reportEvents(EventFilter()).map { ($0.id, $0.mergedID ?? "") })
        #expect(mergedOf["r1-1"] == mergedOf["r2-1"])
        #expect(mergedOf["r3-1"] != mergedOf["r1-1"])
    }

    @Test(arguments: Backend.allCases)
    func reingestingChangesNothingAndAChangedReportReplacesOnlyItsEvents(_ backend: Backend) throws {
        guard let store = try backend.makeStore() else { return }
        defer { store.close() }
        try Self.scenario(store)
        let before = try store.reportEvents(EventFilter())
        #expect(try store.ingest(F.document("r1"), events: [F.event("r1", "r1-1", "2020-01-01", fatalities: 9)]) == .unchanged)
        #expect(try store.reportEvents(EventFilter()) == before)
        #expect(try store.counts() == StoreCounts(reports: 3, events: 4, mergedEvents: 2))
        // r1 corrected: 12 dead, and a second event.
        let outcome = try store.ingest(F.document("r1", text: "Updated report r1."), events: [
            F.event("r1", "r1-1", "2020-01-01", fatalities: 12),
            F.event("r1", "r1-2", "2020-01-01", type: .protests, sub: "Peaceful protest", actor1: "Protesters", actor2: nil),
        ])
        #expect(outcome == .replaced(events: 2))
        #expect(try store.counts() == StoreCounts(reports: 3, events: 5, mergedEvents: 3))
        let strike = try #require(try store.mergedEvents(EventFilter()).first { $0.reports.count == 3 })
        #expect(strike.fatalities?.high == 27 && strike.fatalities?.low == 11)
    }

    @Test(arguments: Backend.allCases)
    func splitAndJoinSurviveLaterIngests(_ backend: Backend) throws {
        guard let store = try backend.makeStore() else { return }
        defer { store.close() }
        try Self.scenario(store)
        let strike = try #require(try store.mergedEvents(EventFilter()).first { $0.reports.count == 3 })
        let parts = try store.split(strike.id)
        #expect(parts.count == 3)
        #expect(try store.counts().mergedEvents == 4)
        // A fourth report of the strike joins one part, never two parts at once.
        _ = try store.ingest(F.document("r4", outlet: "Fourth"), events: [F.event("r4", "r4-1", "2020-01-01")])
        // r2 re-ingested with new content: its cannot-links still hold.
        _ = try store.ingest(F.document("r2", outlet: "Monitor", text: "r2, updated."),
                             events: [F.event("r2", "r2-1", "2020-01-01", location: "Tal Karram", lat: nil, lon: nil, fatalities: 11)])
        let perReport = try store.reportEvents(EventFilter())
        let mergedOf = Dictionary(uniqueKeysWithValues: perReport.map { ($0.id, $0.mergedID ?? "") })
        #expect(Set([mergedOf["r1-1"], mergedOf["r2-1"], mergedOf["r3-1"]]).count == 3)
        // The analyst joins r1 and r2 back; r2 re-ingested again stays with r1.
        let joined = try store.join(mergedOf["r1-1"]!, mergedOf["r2-1"]!)
        _ = try store.ingest(F.document("r2", outlet: "Monitor", text: "r2, updated twice."),
                             events: [F.event("r2", "r2-1", "2020-01-01", location: "Tal Karram", lat: nil, lon: nil, fatalities: 11)])
        let after = Dictionary(uniqueKeysWithValues: try store.reportEvents(EventFilter()).map { ($0.id, $0.mergedID ?? "") })
        #expect(after["r1-1"] == joined && after["r2-1"] == joined)
        #expect(after["r3-1"] != joined)
        #expect(try store.mergedEvent(id: joined)?.links.contains { $0.reason.contains("analyst") } == true)
    }

    @Test(arguments: Backend.allCases)
    func queriesFilterByDateTypeActorPlaceAndText(_ backend: Backend) throws {
        guard let store = try backend.makeStore() else { return }
        defer { store.close() }
        try Self.scenario(store)
        _ = try store.ingest(F.document("r5"), events: [F.event("r5", "r5-1", "2020-03-01", type: .battles, sub: "Armed clash",
                                                                 actor1: "Hill Rebels", actor2: "Northern Army", location: "Far Town",
                                                                 admin1: "Lowland", lat: 33.0, lon: 38.0)])
        func count(_ f: EventFilter) throws -> Int { try store.mergedEvents(f).count }
        #expect(try count(EventFilter(since: Day(iso: "2020-02-01"))) == 1)
        #expect(try count(EventFilter(until: Day(iso: "2020-01-01"))) == 1)
        #expect(try count(EventFilter(type: .battles)) == 1)
        #expect(try count(EventFilter(actor: "hill rebels")) == 1)
        #expect(try count(EventFilter(admin1: "lowland")) == 1)
        #expect(try count(EventFilter(text: "far town")) == 1)
        var box = EventFilter()
        box.bbox = (37.5, 32.5, 38.5, 33.5)
        #expect(try count(box) == 1)
        #expect(try store.reportEvents(EventFilter(since: Day(iso: "2020-01-02"), until: Day(iso: "2020-01-02"))).map(\.id) == ["r3-2"])
    }

    @Test(arguments: Backend.allCases)
    func candidateSearchReadsOnlyTheIndexedNeighbourhood(_ backend: Backend) throws {
        guard let store = try backend.makeStore() else { return }
        defer { store.close() }
        // 200 events spread over years and places; a new one sees only its cell and window.
        for i in 0..<200 {
            let day = Day(iso: "2015-01-01")!.adding(days: i * 11).iso
            _ = try store.ingest(F.document("bulk\(i)", text: "bulk \(i)"),
                                 events: [F.event("bulk\(i)", "b\(i)", day, location: "Place \(i % 17)", admin1: "Region \(i % 7)",
                                                  lat: 32 + Double(i % 9), lon: 36 + Double(i % 5))])
        }
        let probe = F.event("probe", "p", "2016-01-05", location: "Place 3", admin1: "Region 3", lat: 35, lon: 37)
        let seen = try store.backend.transaction { db in try store.candidates(for: probe, report: "probe", in: db) }
        #expect(seen.flatMap(\.events).count <= 10)
    }
}
