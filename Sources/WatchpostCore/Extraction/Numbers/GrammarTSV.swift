import Foundation

/// The rows of a grammar word list (`phrase<TAB>kind<TAB>value`), comments and blank lines dropped.
///
/// Shared by the date and casualty grammars, whose lists all have this shape.
struct GrammarTSV: Sendable {
    struct Row: Sendable, Hashable {
        var phrase: [String]   // folded tokens, as `Tokenizer` cuts them
        var kind: String
        var value: String
    }

    var rows: [Row]

    init(text: String) {
        var rows: [Row] = []
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 2 else { continue }
            let phrase = Tokenizer.tokenize(String(cols[0])).map(\.folded)
            guard !phrase.isEmpty else { continue }
            rows.append(Row(phrase: phrase, kind: String(cols[1]).trimmingCharacters(in: .whitespaces),
                            value: cols.count > 2 ? String(cols[2]).trimmingCharacters(in: .whitespaces) : ""))
        }
        self.rows = rows
    }

    /// Reads a bundled list, e.g. `lexicon/dates.tsv`.
    static func bundled(_ path: String) throws -> GrammarTSV {
        guard let url = BundledData.url(path) else {
            throw InputError(.unreadable, input: path, message: "bundled word list not found")
        }
        return GrammarTSV(text: try String(contentsOf: url, encoding: .utf8))
    }

    func rows(ofKind kind: String) -> [Row] { rows.filter { $0.kind == kind } }
}

/// Multi-word phrases keyed by their first token, matched longest first at a token position.
struct TokenPhraseTable<Value: Sendable>: Sendable {
    private var byFirst: [String: [(words: [String], value: Value)]] = [:]
    /// The first words again, as a Bloom gate that turns most tokens away without hashing them.
    private var firstGate = WordGate()

    init() {}

    init(_ entries: [([String], Value)]) {
        for (words, value) in entries { insert(words, value) }
    }

    mutating func insert(_ words: [String], _ value: Value) {
        guard let first = words.first else { return }
        byFirst[first, default: []].append((words, value))
        firstGate.insert(first)
        byFirst[first]!.sort { $0.words.count > $1.words.count }
    }

    /// The longest phrase starting at token `i`: its value and the index just past it.
    func match(at i: Int, in tokens: [Token]) -> (value: Value, end: Int)? {
        guard i < tokens.count, firstGate.mayContain(tokens[i].folded), let candidates = byFirst[tokens[i].folded] else { return nil }
        for candidate in candidates where i + candidate.words.count <= tokens.count {
            var ok = true
            for k in 1..<candidate.words.count where tokens[i + k].folded != candidate.words[k] {
                ok = false
                break
            }
            if ok { return (candidate.value, i + candidate.words.count) }
        }
        return nil
    }

    func startsPhrase(_ folded: String) -> Bool { byFirst[folded] != nil }

    /// The words any phrase ends with: a sentence without one cannot hold the phrase.
    var lastWords: Set<String> { Set(byFirst.values.flatMap { $0.map { $0.words[$0.words.count - 1] } }) }

    /// The words any phrase starts with: a scanner's gate.
    var firstWords: Set<String> { Set(byFirst.keys) }
}

extension Token {
    /// True when `next` follows this token with no space between ("10" "th", "BM" "-" "21").
    func touches(_ next: Token) -> Bool { range.upperBound == next.range.lowerBound }
}
