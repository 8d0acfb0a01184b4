/// A number read from tokens: "2,500", "twenty-three", "a dozen", "at least 16", "dozens".
public struct NumberMatch: Sendable, Hashable {
    /// The value; nil for a count without a figure ("several", "dozens", "many").
    public var value: Int?
    /// The qualifier phrase before it ("at least" → .atLeast); nil when there is none.
    public var qualifier: FatalityQualifier?
    /// Tokens of the whole number, qualifier included.
    public var tokenRange: Range<Int>
    /// The number is the article "a"/"an" (1 only where a noun is counted: "a child was killed").
    public var isArticle: Bool
}

/// Reads numbers written in digits or words, with their qualifiers.
///
/// Hand-written on tokens rather than with a parser library: the grammar is a few token rules over
/// a word table, and it must run at many MB/s over report text.
public struct NumberGrammar: Sendable {
    enum Word: Sendable, Hashable {
        case unit(Int), tens(Int), scale(Int), dozen, article
    }

    let words: [String: Word]
    let ordinals: [String: Int]
    let ordinalSuffixes: Set<String>
    let labels: Set<String>
    let qualifiers: TokenPhraseTable<FatalityQualifier>
    let vague: TokenPhraseTable<Bool>

    public static func bundled() throws -> NumberGrammar {
        NumberGrammar(try GrammarTSV.bundled("lexicon/numbers.tsv"))
    }

    init(_ table: GrammarTSV) {
        var words: [String: Word] = [:]
        var ordinals: [String: Int] = [:]
        var suffixes: Set<String> = []
        var labels: Set<String> = []
        var qualifiers: [([String], FatalityQualifier)] = []
        var vague: [([String], Bool)] = []
        for row in table.rows {
            let n = Int(row.value) ?? 0
            let head = row.phrase[0]
            switch row.kind {
            case "unit": words[head] = .unit(n)
            case "tens": words[head] = .tens(n)
            case "scale": words[head] = .scale(n)
            case "dozen": words[head] = .dozen
            case "article": words[head] = .article
            case "ordinal": ordinals[head] = n
            case "ordinal_suffix": suffixes.insert(head)
            case "label": labels.insert(head)
            case "vague": vague.append((row.phrase, true))
            case "qualifier":
                if let q = FatalityQualifier(rawValue: row.value) { qualifiers.append((row.phrase, q)) }
            default: continue
            }
        }
        self.words = words
        self.ordinals = ordinals
        self.ordinalSuffixes = suffixes
        self.labels = labels
        self.qualifiers = TokenPhraseTable(qualifiers)
        self.vague = TokenPhraseTable(vague)
    }

    /// A number starting at token `i`, with its qualifier; nil when none starts there.
    ///
    /// `allowArticle` lets "a"/"an" count as 1 ("killed a soldier"); callers allow it only where a
    /// noun is being counted. Decimals ("14.5") are measurements and give nil.
    public func number(at i: Int, in tokens: [Token], allowArticle: Bool = false) -> NumberMatch? {
        guard i < tokens.count else { return nil }
        if let (q, after) = qualifiers.match(at: i, in: tokens) {
            var j = after
            while j < tokens.count, tokens[j].text == "\"" { j += 1 }  // killing "more than 20"
            if let (value, end) = cardinal(at: j, in: tokens, allowArticle: false) {
                return NumberMatch(value: value, qualifier: q, tokenRange: i..<end, isArticle: false)
            }
        }
        if let (_, end) = vague.match(at: i, in: tokens), cardinal(at: end, in: tokens, allowArticle: false) == nil {
            // "some" before a figure is a qualifier (handled above); alone it is vague.
            return NumberMatch(value: nil, qualifier: nil, tokenRange: i..<end, isArticle: false)
        }
        if let (value, end) = cardinal(at: i, in: tokens, allowArticle: allowArticle) {
            let article = end == i + 1 && words[tokens[i].folded] == .article
            return NumberMatch(value: value, qualifier: nil, tokenRange: i..<end, isArticle: article)
        }
        return nil
    }

    /// A cardinal in digits or words: its value and the index past it.
    func cardinal(at i: Int, in tokens: [Token], allowArticle: Bool) -> (Int, Int)? {
        var total = 0, current = 0, j = i
        var last: Word? = nil    // the previous number word (nil after digits)
        var sawDigits = false
        scan: while j < tokens.count {
            let t = tokens[j]
            if t.kind == .number {
                guard j == i, let n = Self.integer(t.text) else { break scan }
                current = n
                sawDigits = true
                j += 1
                continue
            }
            if let w = words[t.folded] {
                switch w {
                case .unit(let n):
                    guard !sawDigits, Self.canTakeSmall(after: last, n) else { break scan }
                    current += n
                case .tens(let n):
                    guard !sawDigits, last == nil || Self.isScale(last!) else { break scan }
                    current += n
                case .scale(let s):
                    guard last != nil || sawDigits else { break scan }  // "hundreds" is vague; "hundred" needs a figure
                    if s == 100 {
                        current = max(current, 1) * 100
                    } else {
                        total += max(current, 1) * s
                        current = 0
                    }
                case .dozen:
                    guard last != nil || sawDigits else { break scan }
                    current = max(current, 1) * 12
                case .article:
                    guard j == i else { break scan }
                    // "a hundred", "a dozen"; a lone "a" counts only where the caller allows it.
                    guard j + 1 < tokens.count, let next = words[tokens[j + 1].folded], Self.isScale(next) else {
                        return allowArticle ? (1, j + 1) : nil
                    }
                    current = 1
                }
                last = w
                j += 1
                continue
            }
            // "two hundred and fifty": "and" joins a scale to a smaller number.
            if t.folded == "and", let l = last, Self.isScale(l), j + 1 < tokens.count,
               let next = words[tokens[j + 1].folded], Self.isSmall(next) {
                j += 1
                continue
            }
            // "twenty-three": a hyphen between tens and a unit.
            if t.text == "-", case .tens? = last, j + 1 < tokens.count,
               case .unit(let u)? = words[tokens[j + 1].folded], u < 10 {
                current += u
                last = .unit(u)
                j += 2
                continue
            }
            break
        }
        return j > i ? (total + current, j) : nil
    }

    private static func canTakeSmall(after last: Word?, _ n: Int) -> Bool {
        guard let last else { return true }
        if isScale(last) { return true }
        if case .tens = last { return n < 10 }
        return false
    }

    private static func isScale(_ w: Word) -> Bool {
        if case .scale = w { return true }
        return w == .dozen
    }

    private static func isSmall(_ w: Word) -> Bool {
        switch w {
        case .unit, .tens: return true
        default: return false
        }
    }

    /// "16", "2,500" (thousands groups of three); nil for decimals ("14.5", "14,5").
    static func integer(_ text: String) -> Int? {
        if let n = Int(text) { return n }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.count > 1, !text.contains("."), groups.dropFirst().allSatisfy({ $0.count == 3 }),
              (1...3).contains(groups[0].count) else { return nil }
        return Int(groups.joined())
    }

    /// An ordinal at token `i`: "3rd", "third", "twenty-first", "31st". Returns value and end.
    func ordinal(at i: Int, in tokens: [Token]) -> (Int, Int)? {
        guard i < tokens.count else { return nil }
        let t = tokens[i]
        if t.kind == .number, let n = Int(t.text), i + 1 < tokens.count,
           t.touches(tokens[i + 1]), ordinalSuffixes.contains(tokens[i + 1].folded) {
            return (n, i + 2)
        }
        if let n = ordinals[t.folded] { return (n, i + 1) }
        if case .tens(let tens)? = words[t.folded], i + 2 < tokens.count, tokens[i + 1].text == "-",
           let u = ordinals[tokens[i + 2].folded], u < 10 {
            return (tens + u, i + 3)
        }
        return nil
    }

    /// Every word a number can start with (digits aside): a scanner's gate.
    var startWords: Set<String> {
        Set(words.keys).union(qualifiers.firstWords).union(vague.firstWords).union(ordinals.keys)
    }

    /// "No. 9", "resolution 2254": a word that makes the next number a name.
    func isLabel(_ folded: String) -> Bool { labels.contains(folded) }
}
