import ArgumentParser
import Foundation
import WatchpostCore
import WatchpostStore

/// `watchpost events`: list merged events (or per-report ones); `events show ID` explains one.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List or show the events in the store.",
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List merged events (default) or per-report events.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var filters: FilterOptions
        @Option(help: "jsonl, csv or geojson.") var format: ExportFormat = .jsonl
        @Flag(help: "List each report's events, with the merged_id of the merged event they belong to.")
        var perReport = false

        func run() throws {
            let store = try store.open()
            defer { store.close() }
            let filter = try filters.filter()
            let text = perReport
                ? try EventExporter.export(store.reportEvents(filter), as: format)
                : try EventExporter.export(store.mergedEvents(filter), as: format)
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a merged event: its claims, reports, and why they were merged.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "A merged event id.") var id: String

        func run() throws {
            let store = try store.open()
            defer { store.close() }
            guard let m = try store.mergedEvent(id: id) else {
                StandardError.write("watchpost: no merged event \(id)")
                throw ExitCode(1)
            }
            var out = """
                \(m.id)  \(m.date?.iso ?? "undated")  \(m.eventType.rawValue) / \(m.subEventType)
                  place: \(m.location ?? "?") (\(m.admin1 ?? "?")), geo precision \(m.geoPrecision.rawValue)
                  actors: \(m.actor1 ?? "?") vs \(m.actor2 ?? "?")
                  fatalities: \(m.fatalities.map { "low \($0.low), best \($0.best), high \($0.high)" } ?? "no figure")
                  first reported \(m.firstReported?.iso ?? "?"), last updated \(m.lastUpdated?.iso ?? "?")
                  sources: \(m.sources.joined(separator: ", "))
                  claimants: \(m.claimants.joined(separator: ", "))
                reports:

                """
            for link in m.links {
                let claim = m.claims.first { $0.report == link.report && $0.event == link.event }
                out += "  \(link.report)/\(link.event)  [\(claim?.outlet ?? "?")]"
                out += " \(claim?.status.rawValue ?? "")\(claim?.claimant.map { " by \($0)" } ?? "")"
                out += "\(claim?.fatalities.map { ", \($0) killed" } ?? "")\n    why: \(link.reason)\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
