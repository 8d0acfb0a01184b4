import ArgumentParser
import Foundation
import WatchpostStore

/// `watchpost export --format acled-csv|geojson|jsonl|csv`: merged events for other tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export merged events: ACLED-style CSV, GeoJSON (loads in QGIS), JSON Lines or CSV."
    )
    @OptionGroup var store: StoreOptions
    @OptionGroup var filters: FilterOptions
    @Option(help: "acled-csv, geojson, jsonl or csv.") var format: ExportFormat = .acledCSV
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?

    func run() throws {
        let store = try store.open()
        defer { store.close() }
        let text = try EventExporter.export(store.mergedEvents(try filters.filter()), as: format)
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
