import Foundation
import Testing
@testable import WatchpostCore

/// The cleaner and splitter against the dev corpus: every gold evidence sentence survives
/// cleaning, and the reader-comment tails of the five seed reports do not.
@Suite struct DevCorpusCleaningTests {
    static let sets = ["corpus/dev", "corpus/dev/synthetic", "corpus/dev/clusters"]

    /// Whitespace collapsed, quotes and dashes straightened: how evidence and clean text are compared.
    static func comparable(_ s: String) -> String {
        let n = Normalizer().normalize(s).text
        return n.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    struct Loaded {
        var prepared: [String: PreparedDocument] = [:]
        var evidence: [(doc: String, text: String)] = []
    }

    static func load(_ set: String) throws -> Loaded? {
        guard let docsURL = SharedData.url("\(set)/documents.jsonl"), let goldURL = SharedData.url("\(set)/gold.jsonl") else { return nil }
        let preparer = try TextPreparer.standard()
        var loaded = Loaded()
        DocumentReader().read([docsURL.path]) { item in
            if case .document(let d) = item { loaded.prepared[d.id] = preparer.prepare(d) }
        }
        for line in try String(contentsOf: goldURL, encoding: .utf8).split(separator: "\n") {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            loaded.evidence.append((o["doc"] as! String, o["evidence"] as! String))
        }
        return loaded
    }

    @Test func goldEvidenceSurvivesCleaningAndSplitsIntoWholeSentences() throws {
        guard SharedData.root != nil else { return }  // no shared dev corpus beside this clone
        var total = 0, survived = 0, whole = 0
        var lost: [String] = []
        for set in Self.sets {
            guard let loaded = try Self.load(set) else { continue }
            for (doc, evidence) in loaded.evidence {
                let prepared = try #require(loaded.prepared[doc], "no document \(doc)")
                total += 1
                let target = Self.comparable(evidence)
                if Self.comparable(prepared.cleanText).contains(target) {
                    survived += 1
                } else {
                    lost.append("\(doc): \(evidence.prefix(90))")
                }
                // Whole sentences: some run of consecutive sentences is exactly the evidence.
                let texts = prepared.sentences.map { Self.comparable($0.text) }
                search: for i in texts.indices {
                    var joined = ""
                    for j in i..<texts.count {
                        joined += (joined.isEmpty ? "" : " ") + texts[j]
                        if joined == target { whole += 1; break search }
                        if !target.hasPrefix(joined) { break }
                    }
                }
            }
        }
        print("gold evidence surviving cleaning: \(survived)/\(total); split as whole sentences: \(whole)/\(total)"
            + " (\(String(format: "%.1f", 100 * Double(whole) / Double(max(total, 1))))%)")
        for l in lost { print("  lost: \(l)") }
        #expect(total > 0)
        #expect(survived == total)
    }

    /// Lines that open a reader-comment thread on many sites; the test looks for them in the raw
    /// text after the last gold evidence, and everything from there on must be gone.
    static let commentOpeners = ["notify of", "view all comments", "comments", "leave a reply", "leave a comment"]

    @Test func seedCommentSectionsAreGone() throws {
        guard SharedData.root != nil else { return }  // no shared dev corpus beside this clone
        guard let loaded = try Self.load("corpus/dev") else { return }
        var docsWithComments = 0, tailLines = 0, leaked: [String] = []
        for (id, prepared) in loaded.prepared.sorted(by: { $0.key < $1.key }) {
            let raw = prepared.document.text
            let utf8 = Array(raw.utf8)
            // The end of the last gold evidence in the raw text (compared on comparable forms line by line).
            let evidenceLines = loaded.evidence.filter { $0.doc == id }.map { Self.comparable($0.text) }
            var offset = 0, lastEvidenceEnd = 0, tailStart: Int?
            for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
                let c = Self.comparable(String(line))
                let end = offset + line.utf8.count
                if !c.isEmpty, evidenceLines.contains(where: { $0.contains(c) || c.contains($0) }) { lastEvidenceEnd = end; tailStart = nil }
                if tailStart == nil, offset >= lastEvidenceEnd, Self.commentOpeners.contains(c.lowercased()) { tailStart = offset }
                offset = end + 1
            }
            guard let tailStart else { continue }
            docsWithComments += 1
            // Nothing kept may come from the tail.
            for s in prepared.sentences where s.rawRange.end > tailStart {
                leaked.append("\(id): \(s.text.prefix(80))")
            }
            let tail = String(decoding: utf8[tailStart...], as: UTF8.self)
            let clean = Self.comparable(prepared.cleanText)
            for line in tail.split(separator: "\n") {
                let c = Self.comparable(String(line))
                guard c.split(separator: " ").count >= 3 else { continue }
                tailLines += 1
                if clean.contains(c) { leaked.append("\(id): \(c.prefix(80))") }
            }
        }
        print("seed reports with a comment section: \(docsWithComments); comment lines checked: \(tailLines); leaked: \(leaked.count)")
        for l in leaked { print("  leaked: \(l)") }
        #expect(docsWithComments >= 3)
        #expect(leaked.isEmpty)
    }
}
