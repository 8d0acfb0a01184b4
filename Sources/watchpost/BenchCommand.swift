import ArgumentParser
import Foundation
import WatchpostCore

/// `watchpost bench`: throughput, start-up time and memory of the pipeline, printed as a table
/// (the figures the README quotes; see BENCHMARKS.md for how they were made).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure extraction throughput (one core and all cores), start-up time and peak memory."
    )

    @Option(help: "A JSON Lines corpus to run on (default: Examples/ and the shared dev reports).")
    var corpus: String?

    @Option(help: "Repeat the reports until the corpus holds at least this many MB.")
    var minMB: Int = 20

    @Option(help: "Threads for the all-cores run (default: the active cores).")
    var threads: Int?

    @Option(help: "Spawned `watchpost extract` runs for the start-up time (the median is shown).")
    var startupRuns: Int = 7

    @Flag(help: "Skip the runs that spawn `watchpost extract` (start-up time, extract's own memory).")
    var noSpawn = false

    @Option(help: "Stored-event counts for the store rows, comma-separated (0 skips the store rows).")
    var storeSizes = "10000,100000,1000000"

    @Flag(help: "Only the store rows (no extraction rows).")
    var storeOnly = false

    @Flag(help: "Store rows merging through SQL alone (no in-process candidate index), for comparison.")
    var storeSQLMerge = false

    func run() throws {
        let sizes = storeSizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 > 0 }
        if storeOnly {
            print("watchpost bench: \(BenchMeasurements.machine())")
            print(String(repeating: "-", count: 72))
            try storeRows(sizes: sizes, row: Self.row)
            return
        }
        let sources = corpus.map { [$0] } ?? BenchCorpus.defaultSources()
        let clock = ContinuousClock()
        var pipeline: Pipeline?
        let load = try clock.measure {
            pipeline = Pipeline(preparer: try TextPreparer.standard(), extractor: try makeExtractor())
        }
        guard let pipeline else { return }
        let corpus = try BenchCorpus.load(sources, minimumBytes: minMB * 1_000_000)
        let cores = threads ?? ProcessInfo.processInfo.activeProcessorCount

        let row = Self.row
        print("watchpost bench: \(BenchMeasurements.machine())")
        print("corpus: \(corpus.distinctCount) distinct reports from \(sources.joined(separator: ", ")), repeated to "
              + "\(corpus.documents.count) reports, \(String(format: "%.1f", Double(corpus.byteCount) / 1e6)) MB raw text")
        print(String(repeating: "-", count: 72))
        row("lexicons + gazetteer load (in process)", String(format: "%.3f s", BenchMeasurements.seconds(load)))

        // Warm-up on a few reports, so that lazy first-use costs are not in the single-core figure.
        _ = BenchMeasurements.singleThreaded(pipeline, Array(corpus.documents.prefix(corpus.distinctCount)))
        let single = BenchMeasurements.singleThreaded(pipeline, corpus.documents)
        row("extraction, 1 thread", String(format: "%.2f MB/s, %.0f reports/s, %.2f MB per CPU-second (%d events)",
                                           single.megabytesPerSecond, single.documentsPerSecond,
                                           single.megabytesPerCPUSecond, single.events))
        let all = BenchMeasurements.parallel(pipeline, corpus.documents, threads: cores)
        row("extraction, \(cores) threads", String(format: "%.2f MB/s, %.0f reports/s (%.2fx), %.2f MB per CPU-second",
                                                   all.megabytesPerSecond, all.documentsPerSecond,
                                                   all.megabytesPerSecond / single.megabytesPerSecond,
                                                   all.megabytesPerCPUSecond))
        let perDay = 700_000 / all.documentsPerSecond / 60
        row("700k reports of this mix, \(cores) threads", String(format: "%.1f min", perDay))
        row("peak RSS, bench process", String(format: "%.0f MB (corpus held in memory)", BenchMeasurements.peakResidentMB()))

        if !noSpawn {
            try spawnRows(corpus, row: row)
        }
        if !sizes.isEmpty {
            try storeRows(sizes: sizes, row: row)
        }
    }

    static func row(_ name: String, _ value: String) {
        print(name.padding(toLength: max(46, name.count + 1), withPad: " ", startingAt: 0) + value)
    }

    /// Rows of the SQLite store on synthetic reports (see StoreBench).
    private func storeRows(sizes: [Int], row: (String, String) -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("watchpost-store-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try StoreBench(sizes: sizes, inProcessIndex: !storeSQLMerge).run(in: folder) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        row("SQLite ingest (report + events + merge)", String(format: "%.0f events/s (batches of 100 reports, real merge)",
                                                             result.ingestEventsPerSecond))
        for (stored, ms) in result.mergeCost {
            row("ingest+merge per new event at \(stored) stored", String(format: "%.2f ms", ms))
        }
        row("store at the end", String(format: "%d reports, %d events, %d merged events, %.0f MB",
                                       result.counts.reports, result.counts.events, result.counts.mergedEvents, result.megabytes))
        if let q = result.query {
            row("filtered query at \(q.stored) stored (p50 / p99)",
                String(format: "%.1f ms / %.1f ms (governorate + type + week, %.0f rows)", q.p50, q.p99, q.rows))
        }
    }

    /// Rows measured on separate `watchpost extract` processes: start-up and memory as users see them.
    private func spawnRows(_ corpus: BenchCorpus, row: (String, String) -> Void) throws {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("watchpost-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        // Start-up: one report that yields an event, so the clock stops at the first event line.
        let one = folder.appendingPathComponent("one.jsonl")
        var firstEventReport = 0
        for (i, d) in corpus.documents.prefix(corpus.distinctCount).enumerated() where d.text.utf8.count < 4000 {
            firstEventReport = i
            break
        }
        try BenchCorpus(documents: [corpus.documents[firstEventReport]], sources: [], distinctCount: 1)
            .writeJSONLines(to: one)
        var toFirst: [Double] = []
        var toExit: [Double] = []
        for _ in 0..<startupRuns {
            let r = try BenchMeasurements.spawn(executable, ["extract", one.path])
            if let f = r.toFirstEvent { toFirst.append(f) }
            toExit.append(r.toExit)
        }
        row("start-up to first event (extract, median of \(startupRuns))",
            toFirst.isEmpty ? "no event printed" : String(format: "%.3f s (%.3f s to exit)",
                                                          BenchMeasurements.median(toFirst), BenchMeasurements.median(toExit)))
        row("peak RSS, extract on one report", String(format: "%.0f MB", BenchMeasurements.childrenPeakResidentMB()))

        // The whole corpus through one extract process: streaming, so memory should not grow with it.
        let whole = folder.appendingPathComponent("corpus.jsonl")
        try corpus.writeJSONLines(to: whole)
        let r = try BenchMeasurements.spawn(executable, ["extract", whole.path])
        row("extract process on the whole corpus", String(format: "%.1f s, %.2f MB/s incl. JSON in and out", r.toExit,
                                                          Double(corpus.byteCount) / 1e6 / r.toExit))
        row("peak RSS, extract on the whole corpus", String(format: "%.0f MB", BenchMeasurements.childrenPeakResidentMB()))
    }
}
