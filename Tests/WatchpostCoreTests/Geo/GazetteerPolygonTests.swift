import Foundation
import Testing
@testable import WatchpostCore

/// Every bundled place with coordinates lies in its governorate's OCHA polygon, or is a listed
/// exception (Fixtures/geo/polygon_exceptions.tsv, with a reason). The polygons are not bundled:
/// the test reads them from shared/ and skips when it is absent.
@Suite("Bundled places inside their governorate")
struct GazetteerPolygonTests {
    /// OCHA P-codes of the polygons → the canonical governorate names places carry.
    static func pcodeNames() throws -> [String: String] {
        guard let url = BundledData.url("gazetteer/admin1.tsv") else { return [:] }
        var out: [String: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst() {
            let f = line.split(separator: "\t").map(String.init)
            if f.count == 3 { out[f[1]] = f[2] }
        }
        return out
    }

    /// Even-odd ray casting over every ring of every polygon.
    static func contains(_ polygons: [[[[Double]]]], lat: Double, lon: Double) -> Bool {
        var inside = false
        for polygon in polygons {
            for ring in polygon {
                var j = ring.count - 1
                for i in 0..<ring.count {
                    let (xi, yi, xj, yj) = (ring[i][0], ring[i][1], ring[j][0], ring[j][1])
                    if (yi > lat) != (yj > lat), lon < (xj - xi) * (lat - yi) / (yj - yi) + xi { inside.toggle() }
                    j = i
                }
            }
        }
        return inside
    }

    @Test func placesLieInTheirGovernorate() throws {
        guard let url = SharedData.url("data/geo/ocha_cod_ab/syr_admin1.geojson") else { return }  // shared/ absent
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let names = try Self.pcodeNames()
        var polygons: [String: [[[[Double]]]]] = [:]
        for feature in json["features"] as? [[String: Any]] ?? [] {
            let props = feature["properties"] as? [String: Any] ?? [:]
            let geometry = feature["geometry"] as? [String: Any] ?? [:]
            guard let code = props["ADM1_PCODE"] as? String, let name = names[code] else { continue }
            if geometry["type"] as? String == "MultiPolygon" {
                polygons[name] = geometry["coordinates"] as? [[[[Double]]]] ?? []
            } else {
                polygons[name] = [geometry["coordinates"] as? [[[Double]]] ?? []]
            }
        }
        #expect(polygons.count == 14)
        let exceptionsURL = try #require(Bundle.module.url(forResource: "Fixtures/geo/polygon_exceptions", withExtension: "tsv"))
        let exceptions = Set(try String(contentsOf: exceptionsURL, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: "\t").first.map(String.init) })
        let gazetteer = try Gazetteer.bundled()
        var checked = 0
        var outside: [String] = []
        for p in gazetteer.places where p.country == "SY" && p.kind != "country" {
            guard let lat = p.latitude, let lon = p.longitude, let a1 = p.admin1, let poly = polygons[a1] else { continue }
            checked += 1
            if !Self.contains(poly, lat: lat, lon: lon), !exceptions.contains(p.id) {
                outside.append("\(p.id)\t\(p.name) [\(p.kind)] in \(a1)? (\(lat), \(lon))")
            }
        }
        print("polygon check: \(checked) places, \(outside.count) outside their governorate and not listed")
        for o in outside { print("  \(o)") }
        #expect(outside.isEmpty)
    }
}
