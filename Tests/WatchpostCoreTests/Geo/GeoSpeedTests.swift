import Foundation
import Testing
@testable import WatchpostCore

/// Load time and scan time, printed (debug builds: figures are upper bounds of a release build).
@Suite("Geo speed")
struct GeoSpeedTests {
    @Test func loadAndScan() throws {
        let clock = ContinuousClock()
        var gazetteer: Gazetteer?
        let load = try clock.measure { gazetteer = try Gazetteer.bundled() }
        let geocoder = Geocoder(gazetteer: try #require(gazetteer))
        let sentence = "On Tuesday, government forces shelled the outskirts of Kafr Nabl and the village of Sarjah "
            + "in the southern Idlib countryside, while clashes continued near Lataminah in northern Hama."
        let tokens = Tokenizer.tokenize(sentence)
        var found: [PlaceMention] = []
        let rounds = 200
        let scan = clock.measure {
            for _ in 0..<rounds { found = geocoder.mentions(in: tokens, context: GeoContext()) }
        }
        let perCall = Double(scan.components.attoseconds) / 1e12 / Double(rounds) + Double(scan.components.seconds) * 1e6 / Double(rounds)
        print("gazetteer load: \(load); \(gazetteer!.count) places; mentions(in:) \(String(format: "%.1f", perCall)) µs per call "
              + "on a \(tokens.count)-token sentence; found \(found.map(\.text))")
        #expect(found.count >= 4)
    }
}
