import Foundation
import Testing

/// `kill -9` during a long ingest, then a re-run: the store equals a clean run's
/// (scripts/crash-test.sh does the work with the built `watchpost` binary).
@Suite struct CrashRecoveryTests {
    @Test func killedIngestRerunEqualsCleanRun() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let binary = root.appendingPathComponent(".build/debug/watchpost").path
        guard let clusters = SharedData.url("corpus/dev/clusters"), FileManager.default.isExecutableFile(atPath: binary) else {
            return  // needs the shared clusters set and a built `watchpost` (swift build)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [root.appendingPathComponent("scripts/crash-test.sh").path, binary, clusters.path, "10"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        #expect(output.contains("stores equal"))
    }
}
