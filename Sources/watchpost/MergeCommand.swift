import ArgumentParser
import Foundation
import WatchpostStore

/// `watchpost merge split|join`: an analyst corrects a merge; the correction is kept as a
/// constraint (cannot-link / must-link) that later ingests respect.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Correct merges: split a merged event, or join two.",
        subcommands: [Split.self, Join.self]
    )

    struct Split: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Split a merged event into one event per report; they stay apart.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "A merged event id.") var id: String
        func run() throws {
            let store = try store.open()
            defer { store.close() }
            for id in try store.split(id) { print(id) }
        }
    }

    struct Join: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Join two merged events into the first; they stay together.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The merged event to keep.") var first: String
        @Argument(help: "The merged event to fold into it.") var second: String
        func run() throws {
            let store = try store.open()
            defer { store.close() }
            print(try store.join(first, second))
        }
    }
}
