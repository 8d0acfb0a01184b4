import Testing
@testable import WatchpostStore
import WatchpostCore

/// `MergeRules.score` (from per-event profiles) must give exactly `compare`'s verdict score, nil
/// where it is nil, on random pairs drawn from small pools so that every rule is reached: types and
/// the sub-types the rules name, actors of one side, of two, unknown, civilians, unnamed; places
/// spelled two ways, regional ones, nearby and distant coordinates; every time precision.
@Suite struct MergeProfileTests {
    static let actors: [String?] = [nil, "Northern Army", "Northern Air Force", "Hill Rebels", "Masked Gunmen",
                                    "Civilians", "Valley Militia", "northern army"]
    static let places: [String?] = [nil, "Tall Karam", "Tal Kareem", "Upland", "Saraqeb", "Saraqib", "Kafr Nabl"]
    static let admin1s: [String?] = [nil, "Upland", "Lowland"]
    static let subTypes = ["Air/drone strike", "Armed clash", "Arrests", "Disrupted weapons use", "Attack", "Peaceful protest",
                           "Mob violence", "Shelling/artillery/missile attack"]

    static func event(_ r: inout StoredJSONTests.Random, _ n: Int) -> Event {
        let day = Day(year: 2020, month: 3, day: 1 + r.int(6))!
        let lat: Double? = r.int(4) == 0 ? nil : 35.0 + Double(r.int(100)) / 200
        return Event(doc: "r\(n)", id: "e\(n)", date: r.int(8) == 0 ? nil : day,
                     dateEnd: r.int(6) == 0 ? day.adding(days: r.int(3)) : nil,
                     timePrecision: [.day, .day, .week, .month][r.int(4)], eventType: EventType.allCases[r.int(6)],
                     subEventType: subTypes[r.int(subTypes.count)], actor1: actors[r.int(actors.count)],
                     actor2: actors[r.int(actors.count)], location: places[r.int(places.count)],
                     admin1: admin1s[r.int(admin1s.count)], latitude: lat, longitude: lat.map { $0 + 1 - Double(r.int(3)) / 100 },
                     geoPrecision: [.town, .near, .region][r.int(3)], evidence: "")
    }

    @Test(arguments: [UInt64(1), 17, 2024])
    func scoreEqualsCompareOnRandomPairs(seed: UInt64) {
        var r = StoredJSONTests.Random(state: seed)
        let rules = Fixtures.rules
        var merged = 0
        for n in 0..<4000 {
            let a = Self.event(&r, 2 * n), b = Self.event(&r, 2 * n + 1)
            let expected = rules.compare(a, b)?.score
            #expect(rules.score(a, rules.profile(of: a), b, rules.profile(of: b)) == expected, "\(a) / \(b)")
            if expected != nil { merged += 1 }
        }
        // The pools are tuned so that both outcomes are common.
        #expect(merged > 50)
    }

    static let namePieces = ["Army", "al-", "NDF: ", "z", "Z", "09", " ", "\r\n", "\t", "'", "(", "_", "é", "É", "ß", "²", "٣",
                             "Ⅻ", "İ", "e\u{301}"]

    @Test(arguments: [UInt64(4), 5])
    func normalizedNamesEqualTheCharacterPath(seed: UInt64) {
        var r = StoredJSONTests.Random(state: seed)
        for round in 0..<3000 {
            let pool = round % 2 == 0 ? Array(Self.namePieces.prefix(12)) : Self.namePieces
            let name = (0..<r.int(6)).map { _ in pool[r.int(pool.count)] }.joined()
            #expect(ActorSides.normalized(name) == ActorSides.unicodeNormalized(name), "\(name)")
        }
    }
}
