import ArgumentParser

/// The `watchpost` command: each subcommand parses its arguments and calls the library.
///
/// A synchronous root: every subcommand is synchronous, and Swift's async main runs the process
/// under dispatch_main on Linux, which valgrind (the profiler of BENCHMARKS.md) cannot run.
@main
struct Watchpost: ParsableCommand {
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
            BenchCommand.self,
        ]
    )
}
