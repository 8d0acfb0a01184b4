import Foundation
import Testing
@testable import WatchpostCore

/// The grammars measured on the dev gold: how often the evidence's killed-counts add up to the gold
/// fatalities, and how often its first date resolves to the gold day. Floors only move up.
@Suite struct GoldMeasureTests {
    struct Gold: Decodable {
        var doc: String
        var date: String?
        var time_precision: Int
        var fatalities: Int?
        var evidence: String
    }

    struct Doc: Decodable {
        var id: String
        var published: String?
        var text: String
    }

    static func load() throws -> (gold: [Gold], docs: [String: Doc])? {
        var gold: [Gold] = [], docs: [String: Doc] = [:]
        for folder in ["corpus/dev", "corpus/dev/synthetic"] {
            // Skip when the shared dev data is absent (a user's clone).
            guard let g = SharedData.url(folder + "/gold.jsonl"), let d = SharedData.url(folder + "/documents.jsonl") else { return nil }
            let decoder = JSONDecoder()
            for line in try String(contentsOf: g, encoding: .utf8).split(separator: "\n") {
                gold.append(try decoder.decode(Gold.self, from: Data(line.utf8)))
            }
            for line in try String(contentsOf: d, encoding: .utf8).split(separator: "\n") {
                let doc = try decoder.decode(Doc.self, from: Data(line.utf8))
                docs[doc.id] = doc
            }
        }
        return (gold, docs)
    }

    /// A rough sentence split, enough for measuring (the real splitter is another stage).
    static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(text)
        for (k, c) in chars.enumerated() {
            current.append(c)
            let next = k + 1 < chars.count ? chars[k + 1] : " "
            if c == "\n" || (c == "." || c == "!" || c == "?") && next == " " && k + 2 < chars.count && chars[k + 2].isUppercase {
                if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out.append(current) }
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out.append(current) }
        return out
    }

    static func collapsed(_ text: String) -> String {
        var out = ""
        var space = false
        for c in text {
            if c.isWhitespace && !c.isNewline {
                space = true
                continue
            }
            if space, !out.isEmpty { out.append(" ") }
            space = false
            out.append(c)
        }
        return out
    }

    @Test func killedCountsMatchGoldFatalities() throws {
        guard let (gold, _) = try Self.load() else { return }
        let finder = try CasualtyFinder.bundled()
        var total = 0, hits = 0
        var misses: [String] = []
        for g in gold {
            guard let fatalities = g.fatalities else { continue }
            total += 1
            let killed = finder.mentions(in: Tokenizer.tokenize(g.evidence)).filter { $0.outcome == .killed }
            let sum = killed.compactMap(\.count).reduce(0, +)
            if sum == fatalities { hits += 1 } else { misses.append("gold \(fatalities) got \(sum): \(g.evidence.prefix(160))") }
        }
        let rate = Double(hits) / Double(max(total, 1))
        print("casualty measure: \(hits)/\(total) = \(rate)")
        for m in misses { print("  miss: \(m)") }
        #expect(rate >= 0.97)  // measured 0.987 (74/75)
    }

    @Test func firstDateMatchesGoldDay() throws {
        guard let (gold, docs) = try Self.load() else { return }
        let resolver = try DateResolver.bundled()
        var total = 0, hits = 0, withFallback = 0, inForce = 0
        var misses: [String] = []
        for g in gold where g.time_precision == 1 {
            guard let goldDay = g.date.flatMap(Day.init(iso:)), let doc = docs[g.doc] else { continue }
            total += 1
            let published = doc.published.flatMap(Day.init(iso:))
            // The date in force where the evidence starts: read the report up to it.
            var current: Day? = nil
            func advance(_ sentence: String) -> Day? {
                let found = resolver.mentions(in: Tokenizer.tokenize(sentence), published: published, current: current)
                for m in found where m.precision == .day && m.anchor != .background {
                    if let d = m.end ?? m.start { current = d }
                }
                return found.first { $0.anchor != .background && $0.start != nil }?.start
            }
            // Evidence is visible text with whitespace collapsed: search the page the same way.
            let page = Self.collapsed(doc.text)
            if let at = page.range(of: String(Self.collapsed(g.evidence).prefix(60))) {
                for s in Self.sentences(String(page[..<at.lowerBound])) { _ = advance(s) }
            }
            let before = current
            var first: Day? = nil
            for s in Self.sentences(g.evidence) {
                if let d = advance(s), first == nil { first = d }
            }
            if let first, abs(first - goldDay) <= 1 { hits += 1 } else {
                misses.append("gold \(goldDay) got \(first?.iso ?? "none") (pub \(published?.iso ?? "-")): \(g.evidence.prefix(150))")
            }
            // What the coder does without a date in the evidence: the date in force, else publication.
            if abs((first ?? before ?? published ?? goldDay.adding(days: 99)) - goldDay) <= 1 { inForce += 1 }
            if abs((first ?? published ?? goldDay.adding(days: 99)) - goldDay) <= 1 { withFallback += 1 }
        }
        let rate = Double(hits) / Double(max(total, 1))
        print("date measure: \(hits)/\(total) = \(rate); falling back to the date in force \(inForce)/\(total); "
              + "to publication \(withFallback)/\(total)")
        for m in misses { print("  miss: \(m)") }
        // Measured 165/201 (most misses: evidence with no date words); 198/201 with the date in force.
        #expect(rate >= 0.81)
        #expect(Double(inForce) / Double(max(total, 1)) >= 0.97)
    }
}
