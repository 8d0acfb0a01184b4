import Testing
@testable import WatchpostStore
import WatchpostCore

@Suite struct MergeRulesTests {
    typealias F = Fixtures

    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var other: Event
        var merges: Bool
        var description: String { name }
    }

    static let base = F.event("a", "a-1", "2020-01-01")

    static let cases: [Case] = [
        Case(name: "same everything", other: F.event("b", "b-1", "2020-01-01"), merges: true),
        Case(name: "next day, same place", other: F.event("b", "b-1", "2020-01-02"), merges: false),
        Case(name: "same day, next village (8 km)", other: F.event("b", "b-1", "2020-01-01", location: "Kafr Sud", lat: 35.07, lon: 36.0), merges: false),
        Case(name: "spelling variant, no coordinates", other: F.event("b", "b-1", "2020-01-01", location: "Tal Karram", lat: nil, lon: nil), merges: true),
        Case(name: "near the town, 15 km", other: F.event("b", "b-1", "2020-01-01", location: "Upland hills", lat: 35.13, lon: 36.02, geo: .near), merges: true),
        Case(name: "this week", other: F.event("b", "b-1", "2019-12-30", precision: .week), merges: true),
        Case(name: "ally's jets", other: F.event("b", "b-1", "2020-01-01", actor1: "Northern Army"), merges: true),
        Case(name: "unknown gunmen", other: F.event("b", "b-1", "2020-01-01", actor1: "Masked Gunmen"), merges: true),
        Case(name: "other actor pair", other: F.event("b", "b-1", "2020-01-01", actor1: "Hill Rebels", actor2: "Farmers"), merges: false),
        Case(name: "clash and shelling", other: F.event("b", "b-1", "2020-01-01", type: .battles, sub: "Armed clash"), merges: true),
        Case(name: "protest is not a strike", other: F.event("b", "b-1", "2020-01-01", type: .protests, sub: "Peaceful protest"), merges: false),
    ]

    @Test(arguments: cases)
    func decides(_ c: Case) {
        let verdict = F.rules.compare(Self.base, c.other)
        #expect((verdict != nil) == c.merges, "\(c.name): \(verdict?.explanation ?? "no merge")")
    }

    @Test(arguments: [
        ("Saraqeb", "Saraqib"), ("Kabana", "Kabbaneh"), ("Es-Sukeylabiya", "al-Suqaylabiyah"),
        ("Thiban", "Diban"), ("Busayra", "al-Busayrah"), ("Jubata al-Khashab", "Jubata al Khashab"),
    ])
    func placeKeysMeet(_ a: String, _ b: String) {
        #expect(PlaceKey.of(a) == PlaceKey.of(b))
    }

    @Test(arguments: [("Saraqib", "Sarmin"), ("Shahba", "Suwayda"), ("Mhardeh", "Suqaylabiyah")])
    func placeKeysDiffer(_ a: String, _ b: String) {
        #expect(PlaceKey.of(a) != PlaceKey.of(b))
    }

    @Test func fatalityRangePrefersIndependentSources() {
        func claim(_ n: Int?, _ status: ClaimStatus, _ who: String?) -> Claim {
            Claim(report: "r\(n ?? -1)", event: "e", outlet: "o\(n ?? -1)", claimant: who, status: status,
                  fatalities: n, fatalitiesQualifier: nil)
        }
        let range = FatalityRange.of([claim(6, .claimed, "State"), claim(18, .reported, nil), claim(8, .reported, nil),
                                      claim(30, .disputed, "Group"), claim(nil, .reported, nil)])
        #expect(range == FatalityRange(low: 6, best: 8, high: 30))
        let confirmed = FatalityRange.of([claim(3, .reported, nil), claim(5, .confirmed, "Army")])
        #expect(confirmed?.best == 5)
        #expect(FatalityRange.of([claim(nil, .reported, nil)]) == nil)
    }
}
