import Foundation
import Testing
@testable import WatchpostStore
import WatchpostCore

/// The hand-written bodies (`StoredJSON`) must read back, through the store's JSONDecoder, to the
/// same values as JSONEncoder's output does: random events and merged events, with the awkward
/// strings (quotes, backslashes, controls, slashes, non-ASCII) and doubles (tiny, huge, negative zero).
@Suite struct StoredJSONTests {
    /// A small deterministic generator (SplitMix64), so a failure reproduces.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func bool() -> Bool { int(2) == 0 }

        static let pieces = ["a", "Tall Karam", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "ح",
                             "\u{2028}", "😀", "e\u{301}", " ", "</script>", "{\"x\":1}"]
        mutating func string() -> String { (0..<int(6)).map { _ in Self.pieces[int(Self.pieces.count)] }.joined() }
        mutating func optionalString() -> String? { bool() ? string() : nil }

        static let doubles: [Double] = [0, -0.0, 1, -1, 35.123456789, 36.2, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                        0.1 + 0.2, 123456789012345680, -33.87]
        mutating func double() -> Double? {
            switch int(3) {
            case 0: return nil
            case 1: return Self.doubles[int(Self.doubles.count)]
            default: return Double(bitPattern: next() & 0x7FEF_FFFF_FFFF_FFFF) * (bool() ? 1 : -1)
            }
        }
        mutating func day() -> Day? { bool() ? Day(year: 2000 + int(30), month: 1 + int(12), day: 1 + int(28)) : nil }

        mutating func event() -> Event {
            Event(doc: string(), id: string(), date: day(), dateEnd: day(),
                  timePrecision: [.day, .week, .month][int(3)], eventType: EventType.allCases[int(6)],
                  subEventType: string(), actor1: optionalString(), assocActor1: (0..<int(3)).map { _ in string() },
                  actor2: optionalString(), assocActor2: (0..<int(3)).map { _ in string() }, location: optionalString(),
                  admin1: optionalString(), latitude: double(), longitude: double(),
                  geoPrecision: [.town, .near, .region][int(3)], fatalities: bool() ? int(1000) - 10 : nil,
                  fatalitiesQualifier: [nil, .exact, .atLeast, .about][int(4)], claimedBy: optionalString(),
                  claimStatus: [.reported, .claimed, .disputed, .confirmed][int(4)], evidence: string(),
                  evidenceRanges: (0..<int(3)).map { _ in TextRange(int(100), 100 + int(100)) }, outlet: optionalString(),
                  mergedID: optionalString())
        }

        mutating func merged() -> MergedEvent {
            let e = event()
            let claims = (0..<int(4)).map { _ in
                Claim(report: string(), event: string(), outlet: optionalString(), claimant: optionalString(),
                      status: [.reported, .claimed, .disputed, .confirmed][int(4)], fatalities: bool() ? int(50) : nil,
                      fatalitiesQualifier: [nil, .exact, .atLeast, .about][int(4)])
            }
            return MergedEvent(
                id: string(), eventType: e.eventType, subEventType: e.subEventType, date: e.date, dateEnd: e.dateEnd,
                timePrecision: e.timePrecision, actor1: e.actor1, assocActor1: e.assocActor1, actor2: e.actor2,
                assocActor2: e.assocActor2, location: e.location, admin1: e.admin1, latitude: e.latitude,
                longitude: e.longitude, geoPrecision: e.geoPrecision,
                fatalities: bool() ? FatalityRange(low: int(5), best: 5 + int(5), high: 10 + int(10)) : nil,
                claimStatus: e.claimStatus, claims: claims,
                links: (0..<int(4)).map { _ in MergeLink(report: string(), event: string(), reason: string()) },
                firstReported: day(), lastUpdated: day(), evidence: e.evidence)
        }
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    @Test(arguments: [UInt64(1), 2, 3, 99])
    func eventsReadBackAsFromJSONEncoder(seed: UInt64) throws {
        var random = Random(state: seed)
        let decoder = JSONDecoder()
        for _ in 0..<300 {
            let e = random.event()
            let body = try #require(StoredJSON.event(e))
            let viaFoundation = try decoder.decode(Event.self, from: Self.encoder.encode(e))
            let viaStored = try decoder.decode(Event.self, from: Data(body.utf8))
            #expect(viaStored == viaFoundation)
            #expect(viaStored == e)
            // Bit for bit, not just ==: -0.0 == 0.0.
            #expect(viaStored.latitude?.bitPattern == e.latitude?.bitPattern)
            #expect(viaStored.longitude?.bitPattern == e.longitude?.bitPattern)
        }
    }

    @Test(arguments: [UInt64(5), 6, 7, 100])
    func mergedEventsReadBackAsFromJSONEncoder(seed: UInt64) throws {
        var random = Random(state: seed)
        let decoder = JSONDecoder()
        for _ in 0..<300 {
            let m = random.merged()
            let body = try #require(StoredJSON.mergedEvent(m))
            let viaFoundation = try decoder.decode(MergedEvent.self, from: Self.encoder.encode(m))
            let viaStored = try decoder.decode(MergedEvent.self, from: Data(body.utf8))
            #expect(viaStored == viaFoundation)
            #expect(viaStored == m)
            #expect(viaStored.latitude?.bitPattern == m.latitude?.bitPattern)
        }
    }

    /// JSONEncoder refuses a non-finite double; the hand-written path hands such a value back to it.
    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteCoordinatesFallBack(value: Double) {
        var e = Fixtures.event("r1", "e1", "2020-01-02")
        e.latitude = value
        #expect(StoredJSON.event(e) == nil)
        #expect(throws: (any Error).self) { try Self.encoder.encode(e) }
    }
}
