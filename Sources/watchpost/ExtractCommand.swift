import ArgumentParser
import Foundation
import WatchpostCore

/// `watchpost extract [PATH ...]`: reports in, JSON Lines out (clean text, sentences or events).
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read reports (JSON Lines, plain text, HTML; files, folders or - for stdin) and print JSON Lines."
    )

    enum Stage: String, ExpressibleByArgument, CaseIterable {
        case clean, sentences, events
    }

    @Argument(help: "Files or folders to read; - is stdin (the default).")
    var paths: [String] = []

    @Option(help: "Publication date of plain and HTML reports (YYYY-MM-DD).")
    var published: String?

    @Option(help: "Outlet of plain and HTML reports.")
    var outlet: String?

    @Option(help: "What to print: clean, sentences or events.")
    var stage: Stage = .events

    func validate() throws {
        if let published, Day(iso: published) == nil || published.count != 10 {
            // Usage errors exit with 2 (ArgumentParser's own parse errors use 64).
            FileHandle.standardError.write(Data("watchpost: --published must be a date as YYYY-MM-DD, not '\(published)'\n".utf8))
            throw ExitCode(2)
        }
    }

    struct CleanLine: Encodable {
        var doc: String
        var outlet: String?
        var published: Day?
        var title: String?
        var text: String
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(doc, forKey: .doc)
            try c.encode(outlet, forKey: .outlet)
            try c.encode(published, forKey: .published)
            try c.encode(title, forKey: .title)
            try c.encode(text, forKey: .text)
        }
        enum CodingKeys: String, CodingKey { case doc, outlet, published, title, text }
    }

    struct SentenceLine: Encodable {
        var doc: String
        var index: Int
        var text: String
        var raw_start: Int
        var raw_end: Int
        var block: Int
        var heading: Bool
    }

    func run() throws {
        let preparer = try TextPreparer.standard()
        let pipeline = stage == .events ? Pipeline(preparer: preparer, extractor: try makeExtractor()) : nil
        let reader = DocumentReader(options: .init(published: published.flatMap { Day(iso: $0) }, outlet: outlet))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var out = OutputBuffer()
        var rejected = false
        func emit(_ value: some Encodable) throws {
            out.append(try encoder.encode(value))
        }
        reader.read(paths.isEmpty ? ["-"] : paths) { item in
            switch item {
            case .error(let error):
                out.flush()
                FileHandle.standardError.write(Data("watchpost: \(error.description)\n".utf8))
                if error.code != .invalidUTF8 { rejected = true }
            case .document(let document):
                do {
                    switch stage {
                    case .clean:
                        let p = preparer.prepare(document)
                        try emit(CleanLine(doc: document.id, outlet: document.outlet, published: document.published,
                                           title: document.title, text: p.cleanText))
                    case .sentences:
                        for s in preparer.prepare(document).sentences {
                            try emit(SentenceLine(doc: document.id, index: s.index, text: s.text, raw_start: s.rawRange.start,
                                                  raw_end: s.rawRange.end, block: s.block, heading: s.isHeading))
                        }
                    case .events:
                        for event in pipeline!.extract(document).events { out.append(event) }
                    }
                } catch {
                    FileHandle.standardError.write(Data("watchpost: \(document.id): cannot encode output: \(error)\n".utf8))
                    rejected = true
                }
                out.flush()
            }
        }
        out.flush()
        if rejected { throw ExitCode(1) }
    }
}

/// Lines for stdout, written per document so that output streams as reports are read.
private struct OutputBuffer {
    var bytes: [UInt8] = []
    mutating func append(_ line: Data) {
        bytes.append(contentsOf: line)
        endLine()
    }
    /// An event line, written by `EventJSONWriter` rather than JSONEncoder (see there why).
    mutating func append(_ event: Event) {
        EventJSONWriter.write(event, to: &bytes)
        endLine()
    }
    private mutating func endLine() {
        bytes.append(0x0A)
        if bytes.count > 1 << 16 { flush() }
    }
    mutating func flush() {
        guard !bytes.isEmpty else { return }
        FileHandle.standardOutput.write(Data(bytes))
        bytes.removeAll(keepingCapacity: true)
    }
}
