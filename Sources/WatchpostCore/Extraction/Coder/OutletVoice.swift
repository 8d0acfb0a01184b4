import Foundation

/// Recognizes a party's media by its own-voice vocabulary, for outlets the actor lexicon does not
/// know: a state agency calling rebels "armed terrorist groups", a Turkish agency writing
/// "PKK/YPG", a Kurdish one writing "mercenaries" and "occupation army".
struct OutletVoice: Sendable {
    struct Marker: Sendable {
        var side: String
        var isStrong: Bool
    }

    let markers: PhraseMatcher<Marker>
    /// The score one side's vocabulary must reach before an outlet counts as that side's media.
    let threshold: Int

    init(tsv: String, threshold: Int = 4) throws {
        markers = PhraseMatcher(try EventWords.rows(tsv, columns: 2, file: "voices.tsv").map {
            ($0.1[0], Marker(side: $0.1[1], isStrong: $0.1.count > 2 && $0.1[2] == "strong"))
        })
        self.threshold = threshold
    }

    static func bundled() throws -> OutletVoice {
        guard let url = BundledData.url("lexicon/voices.tsv") else {
            throw InputError(.unreadable, input: "voices.tsv", message: "bundled lexicon file missing")
        }
        return try OutletVoice(tsv: String(contentsOf: url, encoding: .utf8))
    }

    /// The side (an actor name from voices.tsv) whose media this document's own voice is, or nil, from
    /// the tokens of the document's sentences.
    /// Quoted words are someone else's voice and do not count. A strong marker scores 2 once; a weak
    /// one scores 1 each time.
    func side(of sentences: [[Token]]) -> String? {
        var strong: [String: Set<String>] = [:]
        var weak: [String: Int] = [:]
        for tokens in sentences {
            var quoted = Set<Int>()
            var open: Int? = nil
            for (i, t) in tokens.enumerated() where t.text == "\"" {
                if let o = open { quoted.formUnion(o...i); open = nil } else { open = i }
            }
            for m in markers.matches(in: tokens) where !m.tokenRange.contains(where: quoted.contains) {
                if m.value.isStrong {
                    strong[m.value.side, default: []].insert(tokens[m.tokenRange].map(\.folded).joined(separator: " "))
                } else {
                    weak[m.value.side, default: 0] += 1
                }
            }
        }
        let sides = Set(strong.keys).union(weak.keys)
        let scored = sides.map { ($0, 2 * (strong[$0]?.count ?? 0) + (weak[$0] ?? 0)) }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= threshold else { return nil }
        return best.0
    }
}
