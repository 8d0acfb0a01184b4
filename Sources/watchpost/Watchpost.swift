import ArgumentParser

/// The `watchpost` command: each subcommand parses its arguments and calls the library.
@main
struct Watchpost: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watchpost",
        abstract: "Conflict and ceasefire monitor: raw reports in, verified, geocoded, de-duplicated events out.",
        subcommands: [
            // Each subcommand lives in its own file named after it.
            ExtractCommand.self,
            GazetteerCommand.self,
            ExplainCommand.self,
            IngestCommand.self,
            EventsCommand.self,
            ExportCommand.self,
            MergeCommand.self,
        ]
    )
}
