import ArgumentParser
import Foundation
import WatchpostCore

/// The reports a benchmark runs on: read once, then repeated until the corpus is big enough that
/// a run lasts long enough to time (and that per-run start costs vanish in it).
struct BenchCorpus {
    var documents: [Document]
    /// Where the distinct reports came from, for the table's header.
    var sources: [String]
    /// How many distinct reports were read before repetition.
    var distinctCount: Int

    /// Raw report bytes (the text as scraped, markup included): what MB/s counts.
    var byteCount: Int { documents.reduce(0) { $0 + $1.text.utf8.count } }

    /// The default corpus: the bundled Examples/ and, when the shared dev corpus is there, its reports.
    static func defaultSources() -> [String] {
        var sources: [String] = []
        for file in ["Examples/feed.jsonl", "Examples/monitor_bulletin.html", "Examples/wire_report.txt"]
        where FileManager.default.fileExists(atPath: file) {
            sources.append(file)
        }
        for shared in ["/work/shared", "../shared"] where FileManager.default.fileExists(atPath: shared + "/corpus/dev") {
            for set in ["", "/synthetic", "/clusters"] {
                let file = shared + "/corpus/dev" + set + "/documents.jsonl"
                if FileManager.default.fileExists(atPath: file) { sources.append(file) }
            }
            break
        }
        return sources
    }

    /// Reads `sources` and repeats the reports until they hold at least `minimumBytes` (each copy
    /// gets its own id, so that nothing downstream can tell repeats apart by id).
    static func load(_ sources: [String], minimumBytes: Int) throws -> BenchCorpus {
        var distinct: [Document] = []
        DocumentReader().read(sources) { item in
            if case .document(let d) = item { distinct.append(d) }
        }
        guard !distinct.isEmpty else {
            throw ValidationError("no reports in \(sources.joined(separator: ", "))")
        }
        let distinctBytes = distinct.reduce(0) { $0 + $1.text.utf8.count }
        let copies = max(1, (minimumBytes + distinctBytes - 1) / distinctBytes)
        var documents: [Document] = []
        documents.reserveCapacity(copies * distinct.count)
        for copy in 0..<copies {
            for var d in distinct {
                if copy > 0 { d.id += "#\(copy)" }
                documents.append(d)
            }
        }
        return BenchCorpus(documents: documents, sources: sources, distinctCount: distinct.count)
    }

    /// The corpus as a JSON Lines input file for `watchpost extract`.
    func writeJSONLines(to url: URL, limit: Int? = nil) throws {
        struct Line: Encodable {
            var id: String
            var outlet: String?
            var published: String?
            var text: String
        }
        let encoder = JSONEncoder()
        var data = Data()
        for d in documents.prefix(limit ?? documents.count) {
            data.append(try encoder.encode(Line(id: d.id, outlet: d.outlet, published: d.published?.iso, text: d.text)))
            data.append(0x0A)
        }
        try data.write(to: url)
    }
}
