import Foundation
import Testing
@testable import WatchpostCore

/// Throughput of the date and casualty finders on report text (the dev documents, repeated).
@Suite struct GrammarSpeedTests {
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    @Test func throughput() throws {
        var texts: [String] = []
        for folder in ["corpus/dev", "corpus/dev/synthetic", "corpus/dev/clusters"] {
            guard let url = SharedData.url(folder + "/documents.jsonl") else { continue }
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                if let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                   let text = obj["text"] as? String { texts.append(text) }
            }
        }
        // Without the shared corpus, measure on sentences written here.
        if texts.isEmpty {
            texts = ["On November 10, rebels attacked a post, killing 2 soldiers and wounding 5 others.",
                     "A day later, at least 16 fighters were killed near the town, 30 km north of the city."]
        }
        let sentences = texts.flatMap { GoldMeasureTests.sentences($0) }
        let tokenized = (0..<3).flatMap { _ in sentences.map { Tokenizer.tokenize($0) } }
        let bytes = Double(sentences.reduce(0) { $0 + $1.utf8.count }) * 3
        let dates = try DateResolver.bundled(), casualties = try CasualtyFinder.bundled()
        let published = Day(iso: "2020-06-27")
        var found = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for tokens in tokenized {
                found += dates.mentions(in: tokens, published: published, current: published).count
                found += casualties.mentions(in: tokens).count
            }
        }
        let seconds = Self.seconds(elapsed)
        let dateTime = Self.seconds(clock.measure {
            for tokens in tokenized { found += dates.mentions(in: tokens, published: published, current: published).count }
        })
        let casualtyTime = Self.seconds(clock.measure {
            for tokens in tokenized { found += casualties.mentions(in: tokens).count }
        })
        print("grammar speed: dates alone \(bytes / 1e6 / dateTime) MB/s, casualties alone \(bytes / 1e6 / casualtyTime) MB/s")
        let mbps = bytes / 1_000_000 / max(seconds, 1e-9)
        print("grammar speed: \(Int(bytes)) bytes in \(seconds) s = \(mbps) MB/s (both finders, tokens given; \(found) mentions)")
        #expect(found > 0)
        #expect(seconds > 0)
        // Debug builds on a shared machine: a loose floor; the figure to read is the printed one.
        #expect(mbps > 0.1)
    }
}
