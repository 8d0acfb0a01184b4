import Foundation
import WatchpostCore

/// Throughput of one run over a corpus.
struct ThroughputResult {
    var threads: Int
    var bytes: Int
    var documents: Int
    var events: Int
    var seconds: Double
    /// Process CPU time (user + system) the run took: on a shared machine, wall time includes
    /// waiting for other processes; CPU time does not.
    var cpuSeconds: Double

    var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
    var megabytesPerCPUSecond: Double { Double(bytes) / 1_000_000 / cpuSeconds }
    var documentsPerSecond: Double { Double(documents) / seconds }
}

/// The measurements of `watchpost bench`, each a plain function so the command only arranges them.
enum BenchMeasurements {
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// The whole pipeline over every document, on this thread.
    static func singleThreaded(_ pipeline: Pipeline, _ documents: [Document]) -> ThroughputResult {
        var events = 0
        let cpu = cpuSeconds()
        let elapsed = ContinuousClock().measure {
            for d in documents { events += pipeline.extract(d).events.count }
        }
        return ThroughputResult(threads: 1, bytes: documents.reduce(0) { $0 + $1.text.utf8.count },
                                documents: documents.count, events: events, seconds: seconds(elapsed),
                                cpuSeconds: cpuSeconds() - cpu)
    }

    /// The whole pipeline with documents dealt round-robin to `threads` workers of Dispatch's
    /// concurrentPerform (the pipeline is a Sendable value: every worker shares the same lexicons
    /// and gazetteer, read-only).
    static func parallel(_ pipeline: Pipeline, _ documents: [Document], threads: Int) -> ThroughputResult {
        let counts = EventCounts(threads)
        let cpu = cpuSeconds()
        let elapsed = ContinuousClock().measure {
            DispatchQueue.concurrentPerform(iterations: threads) { t in
                var n = 0
                for i in stride(from: t, to: documents.count, by: threads) { n += pipeline.extract(documents[i]).events.count }
                counts.set(t, n)
            }
        }
        return ThroughputResult(threads: threads, bytes: documents.reduce(0) { $0 + $1.text.utf8.count },
                                documents: documents.count, events: counts.total, seconds: seconds(elapsed),
                                cpuSeconds: cpuSeconds() - cpu)
    }

    /// One event count per worker; each worker writes only its own slot, so no lock is needed.
    private final class EventCounts: @unchecked Sendable {
        private var slots: UnsafeMutableBufferPointer<Int>
        init(_ n: Int) { slots = .allocate(capacity: n); slots.initialize(repeating: 0) }
        deinit { slots.deallocate() }
        func set(_ i: Int, _ n: Int) { slots[i] = n }
        var total: Int { slots.reduce(0, +) }
    }

    /// What one spawned `watchpost extract` run took: to its first event line, and to its exit.
    struct ChildRun {
        var toFirstEvent: Double?
        var toExit: Double
        var status: Int32
    }

    /// Runs `executable` with `arguments`, timing the first line on its stdout and its exit.
    static func spawn(_ executable: String, _ arguments: [String]) throws -> ChildRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        var firstLine: Double?
        let reader = pipe.fileHandleForReading
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            if firstLine == nil, chunk.contains(0x0A) { firstLine = seconds(clock.now - start) }
        }
        process.waitUntilExit()
        return ChildRun(toFirstEvent: firstLine, toExit: seconds(clock.now - start), status: process.terminationStatus)
    }

    /// User + system CPU time of this process so far, all threads.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }

    static func median(_ values: [Double]) -> Double {
        let s = values.sorted()
        guard !s.isEmpty else { return .nan }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    /// Peak resident memory of this process, in MB (VmHWM; ru_maxrss where /proc is missing).
    static func peakResidentMB() -> Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kb = Double(line.split(separator: " ").dropFirst().first ?? "") {
            return kb / 1024
        }
        return maxRSS(RUSAGE_SELF.rawValue)
    }

    /// Peak resident memory of the largest child waited for so far, in MB.
    static func childrenPeakResidentMB() -> Double { maxRSS(RUSAGE_CHILDREN.rawValue) }

    private static func maxRSS(_ who: Int32) -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(who), &usage)
        return Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
    }

    /// This machine, for the table's header: CPU model, cores, memory, OS.
    static func machine() -> String {
        var cpu = "unknown CPU"
        if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let name = line.split(separator: ":", maxSplits: 1).last {
            cpu = name.trimmingCharacters(in: .whitespaces)
        }
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        return String(format: "%@, %d cores, %.0f GB RAM, %@", cpu, ProcessInfo.processInfo.activeProcessorCount, memory,
                      ProcessInfo.processInfo.operatingSystemVersionString)
    }
}
