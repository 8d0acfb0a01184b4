/// One phrase found in a token sequence.
public struct PhraseMatch<Value: Sendable>: Sendable {
    /// Indices into the tokens searched; never starts or ends on a hyphen token.
    public var tokenRange: Range<Int>
    public var value: Value

    public init(tokenRange: Range<Int>, value: Value) {
        self.tokenRange = tokenRange
        self.value = value
    }
}

/// Finds many phrases at once in tokenized text, matching on `Token.folded`.
///
/// Hand-written because no listed package offers a multi-pattern matcher (swift-collections and
/// swift-algorithms have no trie or Aho–Corasick), and the matching rules are token-level ones of
/// our own: hyphens ignored on both sides ("al-Sham" = "al Sham"), a `<num>` wildcard, and
/// per-entry case sensitivity for short aliases that collide with words ("IS", "TIP").
///
/// It is a token trie walked from every start position: phrases are a few tokens long, so the
/// walk is O(tokens × phrase length) with one hash lookup per step, which is as fast as
/// Aho–Corasick here and far simpler to keep correct with wildcards and skipped hyphens.
public struct PhraseMatcher<Value: Sendable>: Sendable {
    private let nodes: [TrieNode]
    private let patterns: [Pattern]

    /// - Parameters:
    ///   - entries: phrases as written; each is tokenized with `Tokenizer`. A token written `<num>`
    ///     matches any number token. Entries whose phrase has no tokens are ignored.
    ///   - caseSensitive: entries for which each text token must be written exactly as in the phrase.
    public init(_ entries: [(phrase: String, value: Value)], caseSensitive: (Value) -> Bool = { _ in false }) {
        var nodes = [TrieNode()]
        var patterns: [Pattern] = []
        for entry in entries {
            let steps = PhraseMatcher.steps(of: entry.phrase)
            guard !steps.isEmpty else { continue }
            var node = 0
            for step in steps {
                switch step {
                case .number:
                    if let next = nodes[node].numberChild {
                        node = next
                    } else {
                        nodes.append(TrieNode())
                        nodes[node].numberChild = nodes.count - 1
                        node = nodes.count - 1
                    }
                case .word(let folded, _):
                    if let next = nodes[node].children[folded] {
                        node = next
                    } else {
                        nodes.append(TrieNode())
                        nodes[node].children[folded] = nodes.count - 1
                        node = nodes.count - 1
                    }
                }
            }
            nodes[node].patternIDs.append(patterns.count)
            patterns.append(Pattern(steps: steps, value: entry.value, caseSensitive: caseSensitive(entry.value)))
        }
        self.nodes = nodes
        self.patterns = patterns
    }

    /// Leftmost-longest, non-overlapping matches. Among entries with the same phrase, the first given wins.
    public func matches(in tokens: [Token]) -> [PhraseMatch<Value>] {
        var found: [PhraseMatch<Value>] = []
        var start = 0
        while start < tokens.count {
            var best: (end: Int, pattern: Int)?
            walk(tokens, from: start) { end, pattern in
                if best == nil || end > best!.end || (end == best!.end && pattern < best!.pattern) {
                    best = (end, pattern)
                }
            }
            if let best {
                found.append(PhraseMatch(tokenRange: start..<best.end, value: patterns[best.pattern].value))
                start = best.end
            } else {
                start += 1
            }
        }
        return found
    }

    /// All matches, overlapping ones included, ordered by start, then end, then entry order.
    public func allMatches(in tokens: [Token]) -> [PhraseMatch<Value>] {
        var found: [PhraseMatch<Value>] = []
        for start in tokens.indices {
            var here: [(end: Int, pattern: Int)] = []
            walk(tokens, from: start) { here.append(($0, $1)) }
            here.sort { ($0.end, $0.pattern) < ($1.end, $1.pattern) }
            found += here.map { PhraseMatch(tokenRange: start..<$0.end, value: patterns[$0.pattern].value) }
        }
        return found
    }

    // MARK: - Walking the trie

    /// Calls `report(end, patternID)` for every pattern matching tokens[start..<end].
    private func walk(_ tokens: [Token], from start: Int, report: (Int, Int) -> Void) {
        guard !Self.isHyphen(tokens[start]) else { return }
        // Depth-first over (node, next token, indices of the text tokens matched so far); the
        // wildcard edge makes the walk branch, so a small stack instead of a single cursor.
        var stack: [(node: Int, next: Int, matched: [Int])] = [(0, start, [])]
        while let (node, next, matched) = stack.popLast() {
            for id in nodes[node].patternIDs where accepts(patterns[id], tokens, matched) {
                report(matched.last! + 1, id)
            }
            var i = next
            // Hyphens between phrase tokens are skipped; not before the first one.
            if !matched.isEmpty { while i < tokens.count, Self.isHyphen(tokens[i]) { i += 1 } }
            guard i < tokens.count else { continue }
            let token = tokens[i]
            if token.kind == .number, let child = nodes[node].numberChild {
                stack.append((child, i + 1, matched + [i]))
            }
            if let child = nodes[node].children[token.folded] {
                stack.append((child, i + 1, matched + [i]))
            }
        }
    }

    private func accepts(_ pattern: Pattern, _ tokens: [Token], _ matched: [Int]) -> Bool {
        guard pattern.caseSensitive else { return true }
        for (step, index) in zip(pattern.steps, matched) {
            if case .word(_, let written) = step, tokens[index].text != written { return false }
        }
        return true
    }

    static func isHyphen(_ token: Token) -> Bool {
        token.kind == .punctuation && (token.text == "-" || token.text == "\u{2010}" || token.text == "\u{2011}")
    }

    /// The phrase as match steps: hyphens dropped, `<num>` turned into the number wildcard.
    static func steps(of phrase: String) -> [Step] {
        let tokens = Tokenizer.tokenize(phrase)
        var steps: [Step] = []
        var i = 0
        while i < tokens.count {
            if i + 2 < tokens.count, tokens[i].text == "<", tokens[i + 1].folded == "num", tokens[i + 2].text == ">" {
                steps.append(.number)
                i += 3
                continue
            }
            if !isHyphen(tokens[i]) { steps.append(.word(folded: tokens[i].folded, written: tokens[i].text)) }
            i += 1
        }
        return steps
    }

    enum Step: Sendable, Hashable {
        case word(folded: String, written: String)
        case number
    }

    private struct Pattern: Sendable {
        var steps: [Step]
        var value: Value
        var caseSensitive: Bool
    }

    private struct TrieNode: Sendable {
        var children: [String: Int] = [:]
        var numberChild: Int?
        var patternIDs: [Int] = []
    }
}
