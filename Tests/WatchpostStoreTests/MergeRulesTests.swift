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

    /// Rules for extraction noise: types coded two ways, region-level tellings, unidentified
    /// actors, loose dates. Each case is a pair of events of different reports.
    static let noiseCases: [Case] = [
        Case(name: "gunmen's attack coded as a clash, same place",
             other: F.event("b", "b-1", "2020-01-01", type: .battles, sub: "Armed clash", actor1: "Masked Gunmen", actor2: nil), merges: true),
        Case(name: "a strike and its interception, same place",
             other: F.event("b", "b-1", "2020-01-01", type: .strategicDevelopments, sub: "Disrupted weapons use", actor2: nil), merges: true),
        Case(name: "another type 15 km away",
             other: F.event("b", "b-1", "2020-01-01", type: .battles, sub: "Armed clash", location: "Upland hills", lat: 35.13, lon: 36.02, geo: .near), merges: false),
        Case(name: "another type by another force of the same side",
             other: F.event("b", "b-1", "2020-01-01", type: .battles, sub: "Armed clash", actor1: "Northern Army", actor2: nil), merges: false),
        Case(name: "15 km away, only the side in common",
             other: F.event("b", "b-1", "2020-01-01", actor1: "Northern Army", actor2: nil, location: "Upland hills", lat: 35.13, lon: 36.02, geo: .near), merges: false),
        Case(name: "region-level telling, same governorate, type and actors",
             other: F.event("b", "b-1", "2020-01-01", location: "Upland", lat: 35.3, lon: 36.3, geo: .region), merges: true),
        Case(name: "region-level telling of another type",
             other: F.event("b", "b-1", "2020-01-01", type: .battles, sub: "Armed clash", location: "Upland", lat: 35.3, lon: 36.3, geo: .region), merges: false),
        Case(name: "region-level telling without a named actor",
             other: F.event("b", "b-1", "2020-01-01", actor1: "Masked Gunmen", actor2: nil, location: "Upland", lat: 35.3, lon: 36.3, geo: .region), merges: false),
        Case(name: "region of another governorate, 30 km away",
             other: F.event("b", "b-1", "2020-01-01", location: "Lowland", admin1: "Lowland", lat: 35.2, lon: 36.2, geo: .region), merges: false),
        Case(name: "unidentified attacker, other victims",
             other: F.event("b", "b-1", "2020-01-01", actor1: "Masked Gunmen", actor2: "Hill Rebels"), merges: false),
        Case(name: "week-precise publication day four days later",
             other: F.event("b", "b-1", "2020-01-05", precision: .week), merges: true),
        Case(name: "week-precise date four days before",
             other: F.event("b", "b-1", "2019-12-28", precision: .week), merges: false),
    ]

    @Test(arguments: noiseCases)
    func decidesUnderExtractionNoise(_ c: Case) {
        let verdict = F.rules.compare(Self.base, c.other)
        #expect((verdict != nil) == c.merges, "\(c.name): \(verdict?.explanation ?? "no merge")")
    }

    @Test func unidentifiedActorsAreWildcardsPositionByPosition() {
        let named = F.event("a", "a-1", "2020-01-01", actor2: nil)
        let unnamed = F.event("b", "b-1", "2020-01-01", actor1: "Masked Gunmen", actor2: "Civilians")
        #expect(F.rules.actorScore(named, unnamed) != nil)
        let reversed = F.event("b", "b-1", "2020-01-01", actor1: "Hill Rebels", actor2: "Masked Gunmen")
        #expect(F.rules.actorScore(F.event("a", "a-1", "2020-01-01", actor1: "Masked Gunmen", actor2: "Hill Rebels"), reversed) != nil)
    }

    @Test func aGivenRangeIsItsOwnWindow() {
        var ranged = F.event("b", "b-1", "2019-12-28", precision: .week)
        ranged.dateEnd = Day(iso: "2019-12-31")
        #expect(F.rules.compare(Self.base, ranged) == nil)
        ranged.dateEnd = Day(iso: "2020-01-01")
        #expect(F.rules.compare(Self.base, ranged) != nil)
    }

    /// Two events of ONE report: restatements of one happening, or separate happenings.
    static let sameReportCases: [Case] = [
        Case(name: "headline restated, attacker unidentified",
             other: F.event("a", "a-2", "2020-01-01", sub: "Shelling/artillery/missile attack", actor1: "Masked Gunmen", actor2: nil), merges: true),
        Case(name: "region-level telling in its governorate",
             other: F.event("a", "a-2", "2020-01-01", location: "Upland", lat: 35.3, lon: 36.3, geo: .region), merges: true),
        Case(name: "region-level telling of another governorate",
             other: F.event("a", "a-2", "2020-01-01", location: "Lowland", admin1: "Lowland", lat: 35.3, lon: 36.3, geo: .region), merges: false),
        Case(name: "the next day",
             other: F.event("a", "a-2", "2020-01-02"), merges: false),
        Case(name: "earlier in the week",
             other: F.event("a", "a-2", "2019-12-30", precision: .week), merges: false),
        Case(name: "the next village (8 km)",
             other: F.event("a", "a-2", "2020-01-01", location: "Kafr Sud", lat: 35.07, lon: 36.0), merges: false),
        Case(name: "another force of the same side",
             other: F.event("a", "a-2", "2020-01-01", actor1: "Northern Army"), merges: false),
        Case(name: "a raid's detentions beside its strike",
             other: F.event("a", "a-2", "2020-01-01", type: .strategicDevelopments, sub: "Arrests", actor1: nil, actor2: "Civilians"), merges: true),
        Case(name: "a protest the same day in the same town",
             other: F.event("a", "a-2", "2020-01-01", type: .protests, sub: "Peaceful protest", actor1: "Protesters", actor2: nil), merges: false),
    ]

    @Test(arguments: sameReportCases)
    func groupsEventsOfOneReport(_ c: Case) {
        let verdict = F.rules.sameReport(Self.base, c.other)
        #expect((verdict != nil) == c.merges, "\(c.name): \(verdict?.explanation ?? "kept apart")")
    }

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
