import Foundation
import Testing
@testable import WatchpostStore
import WatchpostCore

/// Merging the gold per-report events of the clusters set (a stand-in for extracted events).
@Suite struct GoldMergeTests {
    struct GoldEvent: Decodable { var id: String; var incident: String; var optional: Bool? }

    @Test func goldEventsMergeWithPairwiseF1AboveFloor() throws {
        guard let gold = SharedData.url("corpus/dev/clusters/gold.jsonl"),
              let docs = SharedData.url("corpus/dev/clusters/documents.jsonl") else {
            return  // the shared dev data is not beside this clone: nothing to measure
        }
        let store = try SQLiteEventStore(path: ":memory:")
        defer { store.close() }
        let decoder = JSONDecoder()
        let lines = try String(contentsOf: gold, encoding: .utf8).split(separator: "\n")
        var events: [String: [Event]] = [:]
        var incident: [String: String] = [:]
        for line in lines {
            let e = try GoldEvents.event(from: line)
            let g = try decoder.decode(GoldEvent.self, from: Data(line.utf8))
            events[e.doc, default: []].append(e)
            if g.optional != true { incident[e.id] = g.incident }
        }
        for line in try String(contentsOf: docs, encoding: .utf8).split(separator: "\n") {
            let d = try GoldEvents.document(from: line)
            _ = try store.ingest(d, events: events[d.id] ?? [])
        }
        var merged: [String: String] = [:]
        for e in try store.reportEvents(EventFilter()) { merged[e.id] = e.mergedID }
        let score = PairwiseScore(gold: incident, predicted: merged)
        print("clusters gold merge: pairwise P \(score.precision) R \(score.recall) F1 \(score.f1)")
        #expect(score.f1 >= 0.85)
    }
}

/// Pairwise precision/recall over the items of `gold` (clusters/README.md).
struct PairwiseScore {
    var precision: Double, recall: Double
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    init(gold: [String: String], predicted: [String: String]) {
        let items = gold.keys.sorted()
        var tp = 0, fp = 0, fn = 0
        for (i, a) in items.enumerated() {
            for b in items[(i + 1)...] {
                let g = gold[a] == gold[b]
                let p = predicted[a] != nil && predicted[a] == predicted[b]
                if g && p { tp += 1 } else if p { fp += 1 } else if g { fn += 1 }
            }
        }
        precision = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
        recall = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
    }
}

enum GoldEvents {
    /// A gold line as an `Event`: gold has no evidence ranges, which `Event`'s decoder requires.
    static func event(from line: Substring) throws -> Event {
        try decode(Event.self, line, defaults: ["evidence_ranges": [Any]()])
    }

    /// A documents.jsonl line (plain text) as a `Document`.
    static func document(from line: Substring) throws -> Document {
        try decode(Document.self, line, defaults: ["format": "plain"])
    }

    static func decode<T: Decodable>(_ type: T.Type, _ line: Substring, defaults: [String: Any]) throws -> T {
        var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        for (key, value) in defaults where object[key] == nil || object[key] is NSNull { object[key] = value }
        return try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: object))
    }
}
