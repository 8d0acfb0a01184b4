import ArgumentParser
import Foundation
import WatchpostCore

/// `watchpost explain PATH`: what the taggers found in each sentence, for analysts checking why an
/// event was (or was not) coded.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show, sentence by sentence, the event words, actors, places, dates and tolls the coder found."
    )

    @Argument(help: "Report files (JSON Lines, text, HTML) or - for stdin.")
    var inputs: [String] = ["-"]

    @Option(help: "Only the document with this id.")
    var doc: String?

    @Option(help: "Publication date (YYYY-MM-DD) for plain files.")
    var published: String?

    func run() throws {
        let coder = try EventCoder.standard()
        let preparer = try TextPreparer.standard()
        var day: Day? = nil
        if let published {
            guard let parsed = Day(iso: published) else {
                throw ValidationError("--published: not a YYYY-MM-DD date: \(published)")
            }
            day = parsed
        }
        DocumentReader(options: .init(published: day)).read(inputs) { item in
            switch item {
            case .error(let e):
                FileHandle.standardError.write(Data("watchpost: \(e)\n".utf8))
            case .document(let d):
                guard doc == nil || d.id == doc else { return }
                let prepared = preparer.prepare(d)
                print("== \(d.id) (\(d.outlet ?? "?"), \(d.published?.iso ?? "undated"))")
                for s in coder.explain(prepared) {
                    print("[\(s.index)] \(s.text)")
                    for (label, items) in [("events", s.triggers), ("cues", s.cues), ("actors", s.actors),
                                           ("places", s.places), ("dates", s.dates), ("tolls", s.casualties)]
                    where !items.isEmpty {
                        print("    \(label): \(items.joined(separator: "; "))")
                    }
                }
            }
        }
    }
}
