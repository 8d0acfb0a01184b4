import Foundation
import Testing
@testable import WatchpostCore

/// The dev gold: every gold location (and each of its alternative spellings) resolved alone.
@Suite("Geocoder on the dev gold")
struct GeoGoldTests {
    struct Rates {
        var names = 0, admin1Right = 0, withPoint = 0, within10 = 0
        var misses: [String] = []
        var admin1Rate: Double { names == 0 ? 0 : Double(admin1Right) / Double(names) }
        var pointRate: Double { withPoint == 0 ? 0 : Double(within10) / Double(withPoint) }
    }

    static func evaluate(main: Bool) throws -> Rates? {
        let files = ["corpus/dev/gold.jsonl", "corpus/dev/synthetic/gold.jsonl", "corpus/dev/clusters/gold.jsonl"]
        let urls = files.compactMap { SharedData.url($0) }
        guard !urls.isEmpty else { return nil }  // shared/ is absent (a user's clone): nothing to measure
        let geocoder = Geocoder(gazetteer: try Gazetteer.bundled())
        var r = Rates()
        for url in urls {
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let location = obj["location"] as? String, let admin1 = obj["admin1"] as? String else { continue }
                let names = main ? [location] : (obj["location_alternatives"] as? [String] ?? [])
                let lat = obj["latitude"] as? Double, lon = obj["longitude"] as? Double
                for name in names {
                    r.names += 1
                    let res = geocoder.resolve(name, context: GeoContext())
                    if res?.admin1 == admin1 { r.admin1Right += 1 } else { r.misses.append("\(name) → \(res?.location ?? "nil") \(res?.admin1 ?? "-") (gold \(admin1))") }
                    if let lat, let lon {
                        r.withPoint += 1
                        if let a = res?.latitude, let b = res?.longitude, Geo.distanceKm(a, b, lat, lon) <= 10 { r.within10 += 1 }
                        else { r.misses.append("\(name): point off (\(res?.location ?? "nil"))") }
                    }
                }
            }
        }
        return r
    }

    @Test func goldLocations() throws {
        guard let r = try Self.evaluate(main: true) else { return }
        print("gold locations: admin1 \(r.admin1Right)/\(r.names) = \(String(format: "%.3f", r.admin1Rate)); "
              + "within 10 km \(r.within10)/\(r.withPoint) = \(String(format: "%.3f", r.pointRate))")
        for m in r.misses.prefix(40) { print("  miss: \(m)") }
        // Floors only move up (measured 0.804 and 0.760 when pinned; context-free, so twins in two
        // governorates and villages missing from the open data are the misses).
        #expect(r.admin1Rate >= 0.78)
        #expect(r.pointRate >= 0.72)
    }

    @Test func goldAlternatives() throws {
        guard let r = try Self.evaluate(main: false) else { return }
        print("gold alternative spellings: admin1 \(r.admin1Right)/\(r.names) = \(String(format: "%.3f", r.admin1Rate)); "
              + "within 10 km \(r.within10)/\(r.withPoint) = \(String(format: "%.3f", r.pointRate))")
        // Measured 0.740 and 0.694 when pinned; alternatives include other places of the event.
        #expect(r.admin1Rate >= 0.71)
        #expect(r.pointRate >= 0.66)
    }
}
