import ArgumentParser
import Foundation
import WatchpostCore
import WatchpostStore

/// `watchpost ingest [--db X] PATH ...`: extract events from reports, store and merge them.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Extract events from reports and add them to the store, merging reports of one event.",
        discussion: """
            Idempotent: a report already stored with the same content is skipped; a changed report replaces \
            its own events. Reports are committed in batches (--batch), each report whole, so an interrupted \
            run is completed by running it again. With --worker (PostgreSQL), the reports go to a shared queue that several \
            worker processes drain together.
            """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "Files or folders of reports (JSON Lines, text, HTML); - is stdin.")
    var paths: [String] = []

    @Option(help: "Publication date of plain and HTML reports (YYYY-MM-DD).")
    var published: String?

    @Option(help: "Outlet of plain and HTML reports.")
    var outlet: String?

    @Option(help: "Take each report's events from this JSON Lines file (schema events with `doc`) instead of extracting them.")
    var events: String?

    @Flag(help: "Share a queue of reports with other workers (PostgreSQL only): enqueue PATHs, then process the queue until it is empty.")
    var worker = false

    @Option(help: "Reports committed together in one transaction (each stays whole: a crash loses at most the batch in flight, and a re-run redoes it).")
    var batch: Int = 100

    @Option(help: "Threads extracting reports at once (default: the active cores); storing and merging keep the input's order.")
    var threads: Int?

    @Flag(help: ArgumentHelp("Merge through SQL alone, without the in-process candidate index (a check: the store must come out the same).",
                             visibility: .hidden))
    var sqlMerge = false

    @Option(help: "This worker's name in the queue's record.")
    var workerName: String = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"

    func run() throws {
        let extract = try makeExtract()
        let store: any EventStore = sqlMerge && !store.db.hasPrefix("postgres")
            ? try SQLiteEventStore(path: store.db, inProcessIndex: false) : try store.open()
        defer { store.close() }
        var progress = Progress()
        var failed = false
        let reader = DocumentReader(options: .init(published: published.flatMap { Day(iso: $0) }, outlet: outlet))

        if worker {
            guard let queue = store as? PostgresEventStore else {
                throw ValidationError("--worker needs a PostgreSQL store (--db postgres://…)")
            }
            var documents: [Document] = []
            if !paths.isEmpty {
                reader.read(paths) { item in
                    switch item {
                    case .document(let d): documents.append(d)
                    case .error(let e): StandardError.write("watchpost: \(e.description)"); failed = true
                    }
                }
                try queue.enqueue(documents)
            }
            while let (_, outcome) = try queue.processNext(worker: workerName, extract: extract) {
                progress.count(outcome)
            }
        } else {
            let ingestor = Ingestor(store: store, extract: extract,
                                    threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
            var storeError: (any Error)?
            var pending: [Document] = []
            func flush() {
                guard storeError == nil, !pending.isEmpty else { return }
                do {
                    for outcome in try ingestor.ingest(batch: pending) { progress.count(outcome) }
                } catch {
                    storeError = error
                }
                pending.removeAll(keepingCapacity: true)
            }
            reader.read(paths.isEmpty ? ["-"] : paths) { item in
                guard storeError == nil else { return }
                switch item {
                case .error(let e):
                    StandardError.write("watchpost: \(e.description)")
                    if e.code != .invalidUTF8 { failed = true }
                case .document(let d):
                    pending.append(d)
                    if pending.count >= max(1, batch) { flush() }
                }
            }
            flush()
            if let storeError { throw storeError }
        }
        progress.finish()
        if failed { throw ExitCode(1) }
    }

    /// The extractor: the pipeline, or the events of a file keyed by report.
    func makeExtract() throws -> @Sendable (Document) throws -> [Event] {
        if let events {
            var byDoc: [String: [Event]] = [:]
            let text = try String(contentsOfFile: events, encoding: .utf8)
            for (n, line) in text.split(separator: "\n").enumerated() where !line.allSatisfy(\.isWhitespace) {
                do {
                    let e = try SchemaLines.event(from: line)
                    byDoc[e.doc, default: []].append(e)
                } catch {
                    throw ValidationError("\(events):\(n + 1): not an event: \(error)")
                }
            }
            let eventsByDoc = byDoc
            return { eventsByDoc[$0.id] ?? [] }
        }
        let pipeline = Pipeline(preparer: try TextPreparer.standard(), extractor: try makeExtractor())
        return { pipeline.extract($0).events }
    }
}

/// Reports and events so far: a live line on a terminal, else one summary line at the end.
struct Progress {
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let live = isatty(STDERR_FILENO) != 0
    private(set) var reports = 0, skipped = 0, events = 0

    mutating func count(_ outcome: IngestOutcome) {
        switch outcome {
        case .added, .replaced: reports += 1
        case .unchanged, .duplicate: skipped += 1
        }
        events += outcome.eventCount
        if live, Date().timeIntervalSince(lastDraw) > 0.2 {
            lastDraw = Date()
            FileHandle.standardError.write(Data("\r\(line())".utf8))
        }
    }

    func line() -> String {
        let seconds = max(Date().timeIntervalSince(start), 0.001)
        return String(format: "ingest: %d reports stored, %d unchanged, %d events, %.1f reports/s",
                      reports, skipped, events, Double(reports + skipped) / seconds)
    }

    func finish() {
        FileHandle.standardError.write(Data(((live ? "\r" : "") + line() + "\n").utf8))
    }
}
