import ArgumentParser
import Foundation
import WatchpostCore

/// `watchpost gazetteer import|lookup`: extend the user gazetteer, and ask it about a name.
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Import GeoNames or OCHA place tables into the user gazetteer; look names up.",
        subcommands: [Import.self, Lookup.self, Bench.self]
    )

    struct UserGazetteer: ParsableArguments {
        @Option(name: .long, help: "The user gazetteer (default ~/.watchpost/gazetteer.tsv).")
        var userGazetteer: String?

        var url: URL {
            userGazetteer.map { URL(fileURLWithPath: $0) } ?? GazetteerImporter.defaultUserGazetteer
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a GeoNames country dump or an OCHA populated-places CSV to the user gazetteer.")

        @Argument(help: "The file to import (GeoNames .txt or OCHA .csv).")
        var file: String

        @OptionGroup var user: UserGazetteer

        func run() throws {
            let report = try GazetteerImporter.importFile(URL(fileURLWithPath: file), into: user.url)
            for error in report.errors { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
            print("\(report.format): \(report.imported) places imported into \(user.url.path)"
                  + (report.skipped > 0 ? ", \(report.skipped) rows of other feature classes skipped" : "")
                  + (report.errors.isEmpty ? "" : ", \(report.errors.count) bad rows"))
        }
    }

    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the candidates for a name, scored, with why.")

        @Argument(help: "The name as a report writes it.")
        var name: String

        @Option(name: .long, help: "A governorate the name is near (a hint).")
        var near: String?

        @Option(name: .long, help: "How many candidates to print.")
        var limit: Int = 10

        @OptionGroup var user: UserGazetteer

        func run() throws {
            var files: [URL] = []
            if let bundled = BundledData.url("gazetteer/places.tsv") { files.append(bundled) }
            if FileManager.default.fileExists(atPath: user.url.path) { files.append(user.url) }
            let gazetteer = try Gazetteer(files: files)
            let candidates = gazetteer.lookup(name, near: near)
            if candidates.isEmpty { print("no place matches \"\(name)\"") }
            for c in candidates.prefix(limit) {
                let p = c.place
                let point = p.latitude.map { String(format: "%.4f, %.4f", $0, p.longitude ?? 0) } ?? "no point"
                print(String(format: "%.2f", c.score) + "  \(p.name) [\(p.kind)] \(p.admin1 ?? "-") (\(point)) \(p.id): \(c.reason)")
            }
        }
    }

    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time loading the bundled gazetteer and scanning a sentence for places.")

        @Option(name: .long, help: "The sentence to scan.")
        var sentence = "On Tuesday, government forces shelled the outskirts of Kafr Nabl and the village of Sarjah "
            + "in the southern Idlib countryside, while clashes continued near Lataminah in northern Hama."

        @Option(name: .long, help: "How many scans to time.")
        var rounds = 2000

        func run() throws {
            let clock = ContinuousClock()
            var loaded: Gazetteer?
            let load = try clock.measure { loaded = try Gazetteer.bundled() }
            guard let gazetteer = loaded else { return }
            let geocoder = Geocoder(gazetteer: gazetteer)
            let tokens = Tokenizer.tokenize(sentence)
            var found: [PlaceMention] = []
            let scan = clock.measure {
                for _ in 0..<rounds { found = geocoder.mentions(in: tokens, context: GeoContext()) }
            }
            func micros(_ d: Duration) -> Double {
                Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12
            }
            print(String(format: "load %.1f ms; mentions(in:) %.2f µs per call (%d tokens, %d mentions)",
                         micros(load) / 1000, micros(scan) / Double(rounds), tokens.count, found.count))
            for m in found { print("  \(m.text) → \(m.resolved?.location ?? "?") [\(m.resolved?.admin1 ?? "-"), precision \(m.resolved?.precision.rawValue ?? 0)]") }
        }
    }
}
