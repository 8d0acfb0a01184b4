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
///
/// Trie edges are keyed by `WordID`: a sentence's tokens are looked up in the `WordTable` once, and
/// every step after that is integer work (the root's edges are an array indexed by id).
public struct PhraseMatcher<Value: Sendable>: Sendable {
    private var nodes: [TrieNode]
    private let patterns: [Pattern]
    /// The words of the trie's edges; shared with other matchers after `interned(into:)`.
    private(set) var words: WordTable
    /// The root's child per word id, -1 for none: most tokens start no phrase.
    private var rootChildren: [Int32]

    /// - Parameters:
    ///   - entries: phrases as written; each is tokenized with `Tokenizer`. A token written `<num>`
    ///     matches any number token. Entries whose phrase has no tokens are ignored.
    ///   - caseSensitive: entries for which each text token must be written exactly as in the phrase.
    public init(_ entries: [(phrase: String, value: Value)], caseSensitive: (Value) -> Bool = { _ in false }) {
        var nodes = [TrieNode()]
        var patterns: [Pattern] = []
        var words = WordTable()
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
                    let id = words.intern(folded)
                    if let next = nodes[node].children[id] {
                        node = next
                    } else {
                        nodes.append(TrieNode())
                        nodes[node].children[id] = nodes.count - 1
                        node = nodes.count - 1
                    }
                }
            }
            nodes[node].patternIDs.append(patterns.count)
            patterns.append(Pattern(steps: steps, value: entry.value, caseSensitive: caseSensitive(entry.value)))
        }
        self.nodes = nodes
        self.patterns = patterns
        self.words = words
        self.rootChildren = Self.rootChildren(of: nodes[0], count: words.count)
    }

    /// This matcher with its words interned into `table` (and its edges keyed by those ids), so that
    /// one `table.ids(of:)` per sentence serves it and every other matcher interned there.
    func interned(into table: inout WordTable) -> PhraseMatcher {
        var copy = self
        for n in copy.nodes.indices {
            var children: [WordID: Int] = [:]
            for (id, child) in copy.nodes[n].children { children[table.intern(words.words[id.index])] = child }
            copy.nodes[n].children = children
        }
        copy.words = table
        copy.rootChildren = Self.rootChildren(of: copy.nodes[0], count: table.count)
        return copy
    }

    private static func rootChildren(of root: TrieNode, count: Int) -> [Int32] {
        var out = [Int32](repeating: -1, count: count)
        for (id, child) in root.children { out[id.index] = Int32(child) }
        return out
    }

    /// The root's child for a word id, nil for none (ids past the array: words interned after it).
    @inline(__always)
    private func rootChild(_ id: WordID) -> Int? {
        let child = rootChildren[id: id, default: -1]
        return child < 0 ? nil : Int(child)
    }

    /// Leftmost-longest, non-overlapping matches. Among entries with the same phrase, the first given wins.
    public func matches(in tokens: [Token]) -> [PhraseMatch<Value>] {
        matches(in: tokens, ids: words.ids(of: tokens))
    }

    /// `matches(in:)` with the tokens' ids already looked up in `words` (or a table it was interned into).
    func matches(in tokens: [Token], ids: [WordID]) -> [PhraseMatch<Value>] {
        var found: [PhraseMatch<Value>] = []
        var scratch = WalkScratch()
        var start = 0
        while start < tokens.count {
            guard mayStart(tokens[start], ids[start]) else {
                start += 1
                continue
            }
            var best: (end: Int, pattern: Int)?
            walk(tokens, ids, from: start, &scratch) { end, pattern in
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
        allMatches(in: tokens, ids: words.ids(of: tokens))
    }

    /// `allMatches(in:)` with the tokens' ids already looked up in `words` (or a table it was interned into).
    func allMatches(in tokens: [Token], ids: [WordID]) -> [PhraseMatch<Value>] {
        var found: [PhraseMatch<Value>] = []
        var scratch = WalkScratch()
        for start in tokens.indices where mayStart(tokens[start], ids[start]) {
            var here: [(end: Int, pattern: Int)] = []
            walk(tokens, ids, from: start, &scratch) { here.append(($0, $1)) }
            if here.isEmpty { continue }
            here.sort { ($0.end, $0.pattern) < ($1.end, $1.pattern) }
            found += here.map { PhraseMatch(tokenRange: start..<$0.end, value: patterns[$0.pattern].value) }
        }
        return found
    }

    // MARK: - Walking the trie

    /// Whether a phrase may start at this token: the walk's own first test, made before the walk is
    /// set up (most tokens fail it).
    @inline(__always)
    private func mayStart(_ token: Token, _ id: WordID) -> Bool {
        (token.kind == .number && nodes[0].numberChild != nil) || rootChild(id) != nil
    }

    /// The walk's two work lists, made once per sentence and emptied for each start (keeping their
    /// storage): a walk starts at every token that may begin a phrase, and making the lists afresh
    /// for each was an allocation and a free apiece.
    struct WalkScratch {
        var path: [(index: Int, previous: Int)] = []
        var stack: [(node: Int, next: Int, last: Int)] = []
    }

    /// Calls `report(end, patternID)` for every pattern matching tokens[start..<end].
    private func walk(_ tokens: [Token], _ ids: [WordID], from start: Int, _ scratch: inout WalkScratch,
                      report: (Int, Int) -> Void) {
        guard !Self.isHyphen(tokens[start]) else { return }
        // Most tokens start no phrase: one lookup, and no allocation, settles them.
        let first = tokens[start]
        let numberChild = first.kind == .number ? nodes[0].numberChild : nil
        let wordChild = rootChild(ids[start])
        guard numberChild != nil || wordChild != nil else { return }
        // Depth-first over (node, next token, last matched token); the wildcard edge makes the walk
        // branch, so a small stack instead of a single cursor. The tokens matched so far are a
        // chain of `path` entries (token index, previous entry), shared between branches.
        // The root's step is taken here, with the lookup just made (the root holds no pattern).
        scratch.path.removeAll(keepingCapacity: true)
        scratch.stack.removeAll(keepingCapacity: true)
        scratch.path.append((start, -1))
        // Moved out while walking, so that appends need no exclusivity check on `scratch`; moved back after.
        var path = scratch.path, stack = scratch.stack
        scratch.path = []
        scratch.stack = []
        defer {
            scratch.path = path
            scratch.stack = stack
        }
        if let numberChild { stack.append((numberChild, start + 1, 0)) }
        if let wordChild { stack.append((wordChild, start + 1, 0)) }
        while let (node, next, last) = stack.popLast() {
            for id in nodes[node].patternIDs where accepts(patterns[id], tokens, path, last: last) {
                report(path[last].index + 1, id)
            }
            var i = next
            // Hyphens between phrase tokens are skipped; not before the first one.
            if last >= 0 { while i < tokens.count, Self.isHyphen(tokens[i]) { i += 1 } }
            guard i < tokens.count else { continue }
            let token = tokens[i]
            if token.kind == .number, let child = nodes[node].numberChild {
                path.append((i, last))
                stack.append((child, i + 1, path.count - 1))
            }
            if ids[i] != .unknown, let child = nodes[node].children[ids[i]] {
                path.append((i, last))
                stack.append((child, i + 1, path.count - 1))
            }
        }
    }

    private func accepts(_ pattern: Pattern, _ tokens: [Token], _ path: [(index: Int, previous: Int)], last: Int) -> Bool {
        guard pattern.caseSensitive else { return true }
        var matched: [Int] = []
        var entry = last
        while entry >= 0 {
            matched.append(path[entry].index)
            entry = path[entry].previous
        }
        for (step, index) in zip(pattern.steps, matched.reversed()) {
            if case .word(_, let written) = step, tokens[index].text != written { return false }
        }
        return true
    }

    static func isHyphen(_ token: Token) -> Bool {
        guard token.kind == .punctuation else { return false }
        // By bytes: "-", U+2010, U+2011 (no other spelling is canonically equal to these), without three String compares.
        return token.text.utf8.withContiguousStorageIfAvailable { b in
            (b.count == 1 && b[0] == 0x2D) || (b.count == 3 && b[0] == 0xE2 && b[1] == 0x80 && (b[2] == 0x90 || b[2] == 0x91))
        } ?? (token.text == "-" || token.text == "\u{2010}" || token.text == "\u{2011}")
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
        var children: [WordID: Int] = [:]
        var numberChild: Int?
        var patternIDs: [Int] = []
    }
}
