import Foundation

/// Recognizes a party's media by its own-voice vocabulary, for outlets the actor lexicon does not
/// know: a state agency calling rebels "armed terrorist groups", a Turkish agency writing
/// "PKK/YPG", a Kurdish one writing "mercenaries" and "occupation army".
struct OutletVoice: Sendable {
    let markers: PhraseMatcher<String>
    /// Distinct markers of one side needed before an outlet counts as that side's media.
    let threshold: Int

    init(tsv: String, threshold: Int = 2) throws {
        markers = PhraseMatcher(try EventWords.rows(tsv, columns: 2, file: "voices.tsv").map { ($0.1[0], $0.1[1]) })
        self.threshold = threshold
    }

    static func bundled() throws -> OutletVoice {
        guard let url = BundledData.url("lexicon/voices.tsv") else {
            throw InputError(.unreadable, input: "voices.tsv", message: "bundled lexicon file missing")
        }
        return try OutletVoice(tsv: String(contentsOf: url, encoding: .utf8))
    }

    /// The side (an actor name from voices.tsv) whose media this document's own voice is, or nil.
    /// Quoted words are someone else's voice and do not count.
    func side(of sentences: [Sentence]) -> String? {
        var hits: [String: Set<String>] = [:]
        for s in sentences {
            let tokens = Tokenizer.tokenize(s.text)
            var quoted = Set<Int>()
            var open: Int? = nil
            for (i, t) in tokens.enumerated() where t.text == "\"" {
                if let o = open { quoted.formUnion(o...i); open = nil } else { open = i }
            }
            for m in markers.matches(in: tokens) where !m.tokenRange.contains(where: quoted.contains) {
                let phrase = tokens[m.tokenRange].map(\.folded).joined(separator: " ")
                hits[m.value, default: []].insert(phrase)
            }
        }
        guard let best = hits.max(by: { $0.value.count < $1.value.count }), best.value.count >= threshold else { return nil }
        return best.key
    }
}
