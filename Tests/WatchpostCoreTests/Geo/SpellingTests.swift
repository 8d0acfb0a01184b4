import Foundation
import Testing
@testable import WatchpostCore

/// Spellings of real places across the 14 governorates (Fixtures/geo/spellings.tsv, written for
/// these tests): each must resolve, with no context, to the place its usual name resolves to.
@Suite("Transliteration-tolerant spellings")
struct SpellingTests {
    struct Row: Sendable, CustomStringConvertible {
        var spelling: String, expected: String, admin1: String
        var description: String { "\(spelling) → \(expected) (\(admin1))" }
    }

    static let rows: [Row] = {
        guard let url = Bundle.module.url(forResource: "Fixtures/geo/spellings", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap {
            let f = $0.split(separator: "\t").map(String.init)
            return f.count == 3 ? Row(spelling: f[0], expected: f[1], admin1: f[2]) : nil
        }
    }()

    static let gazetteer = try? Gazetteer.bundled()

    static func near(_ r: ResolvedPlace, _ p: Place) -> Bool {
        guard let a = r.latitude, let b = r.longitude, let c = p.latitude, let d = p.longitude else { return false }
        return Geo.distanceKm(a, b, c, d) <= 12
    }

    @Test func atLeast150SpellingsResolveAt95Percent() throws {
        let gazetteer = try #require(Self.gazetteer)
        let geocoder = Geocoder(gazetteer: gazetteer)
        #expect(Self.rows.count >= 150)
        #expect(Set(Self.rows.map(\.admin1)).count == 14)
        var right = 0
        var wrong: [String] = []
        for row in Self.rows {
            let expected = gazetteer.lookup(row.expected, near: row.admin1).first?.place
            let got = geocoder.resolve(row.spelling, context: GeoContext())
            // The same place can stand twice (a town's map point and its sub-district's centre): right is
            // the expected place itself, or a point of the same governorate within 12 km of it.
            if let expected, let got, got.place?.id == expected.id || (got.admin1 == row.admin1 && Self.near(got, expected)) {
                right += 1
            } else {
                wrong.append("\(row) got \(got?.location ?? "nil") [\(got?.admin1 ?? "-")] \(got?.reason ?? "")")
            }
        }
        let rate = Double(right) / Double(max(1, Self.rows.count))
        print("spellings resolved: \(right)/\(Self.rows.count) = \(String(format: "%.3f", rate))")
        for w in wrong { print("  wrong: \(w)") }
        #expect(rate >= 0.95)
    }
}
