import Foundation
import Testing
@testable import WatchpostCore

/// The accuracy gate: the dev-set figures of shared/eval/score.py, pinned as floors that may only rise.
///
/// Reads ../shared (the dev corpus and the scorer), which a user's clone lacks: skipped there, run in CI.
@Suite struct AccuracyGateTests {
    /// Floors per dev set. Raise them when the extractor improves; never lower them.
    /// Pinned on 2026-11-22 (second session) from the figures printed below, each rounded down to two decimals.
    static let floors: [(set: String, metric: String, floor: Double)] = [
        ("seeds", "detection_f1", 0.96), ("seeds", "strict_f1", 0.92), ("seeds", "event_type_accuracy", 0.99),
        ("seeds", "location_accuracy", 0.96), ("seeds", "admin1_accuracy", 0.99), ("seeds", "date_accuracy", 0.99),
        ("seeds", "actor1_accuracy", 0.99), ("seeds", "fatalities_accuracy", 0.96), ("seeds", "claim_status_accuracy", 0.96),
        ("synthetic", "detection_f1", 0.95), ("synthetic", "strict_f1", 0.79), ("synthetic", "event_type_accuracy", 0.97),
        ("synthetic", "location_accuracy", 0.97), ("synthetic", "admin1_accuracy", 0.95), ("synthetic", "date_accuracy", 0.99),
        ("synthetic", "actor1_accuracy", 0.86), ("synthetic", "fatalities_accuracy", 0.96),
        ("synthetic", "claim_status_accuracy", 0.88),
    ]

    static func score(set: String) throws -> [String: Double]? {
        guard let root = SharedData.root else { return nil }
        let dir = set == "seeds" ? root.appendingPathComponent("corpus/dev")
            : root.appendingPathComponent("corpus/dev/\(set)")
        let docs = dir.appendingPathComponent("documents.jsonl")
        guard FileManager.default.fileExists(atPath: docs.path) else { return nil }

        let pipeline = Pipeline(preparer: try TextPreparer.standard(), extractor: try EventCoder.standard())
        var lines: [String] = []
        let encoder = JSONEncoder()
        try DocumentReader().read([docs.path]) { item in
            guard case .document(let d) = item else { return }
            for e in pipeline.extract(d).events {
                lines.append(String(decoding: try encoder.encode(e), as: UTF8.self))
            }
        }
        let pred = FileManager.default.temporaryDirectory.appendingPathComponent("watchpost-gate-\(set)-\(UUID()).jsonl")
        try lines.joined(separator: "\n").write(to: pred, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: pred) }

        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", root.appendingPathComponent("eval/score.py").path, "--gold",
                       dir.appendingPathComponent("gold.jsonl").path, "--pred", pred.path, "--json"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { return nil }
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        return json.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }

    @Test(arguments: ["seeds", "synthetic"])
    func devSetStaysAboveItsFloors(_ set: String) throws {
        guard let result = try Self.score(set: set) else {
            print("accuracy gate: skipped for \(set) (no ../shared dev corpus or python3 here)")
            return
        }
        print("accuracy gate \(set): " + ["detection_f1", "strict_f1", "event_type_accuracy", "location_accuracy",
                                          "admin1_accuracy", "date_accuracy", "actor1_accuracy", "fatalities_accuracy",
                                          "claim_status_accuracy"].map { "\($0)=\(result[$0] ?? -1)" }.joined(separator: " "))
        for floor in Self.floors where floor.set == set {
            #expect((result[floor.metric] ?? 0) >= floor.floor, "\(set) \(floor.metric) fell below \(floor.floor)")
        }
    }
}
