/// Finds counts of people killed, wounded, captured... in one sentence's tokens.
///
/// Five token patterns, tried at each position, the first that fits wins and the scan goes on after it:
/// - count first: `N [noun phrase] [and N noun phrase]… [aux] outcome` ("18 soldiers and 7 Russians had
///   been killed"), or `N outcome-noun` ("16 deaths");
/// - verb first: `active-verb N [noun phrase] [and N noun phrase]…` ("killing 2 soldiers");
/// - result: `left N [noun phrase] outcome` ("left 11 dead");
/// - toll: `toll … N` ("the death toll rose to 23").
/// Counts of things ("20 vehicles", "30 km") and numbers that are names, codes, dates or measures
/// ("No. 9", "BM-21", "November 10", "14.5 mm") are not casualties.
public struct CasualtyFinder: Sendable {
    typealias Outcome = CasualtyMention.Outcome

    let numbers: NumberGrammar
    let active: TokenPhraseTable<Outcome>
    let passive: TokenPhraseTable<Outcome>
    let nouns: TokenPhraseTable<Outcome>
    let results: TokenPhraseTable<Bool>
    let tolls: TokenPhraseTable<Outcome>
    let auxiliaries: Set<String>
    let stops: Set<String>
    let things: Set<String>
    /// Month names: a number beside one is a date ("November 10", "10 Nov").
    let months: Set<String>
    /// Words a pattern can start at (digits aside): one lookup skips every other token.
    let triggers: Set<String>
    /// Every pattern needs one of these words somewhere: a sentence without one is skipped whole.
    let outcomeWords: Set<String>
    /// The words of the two sets above and of the patterns' first words, interned: a sentence's tokens
    /// are looked up once, and what each can start (`Starts`) is then an array read.
    let words: WordTable
    /// `Starts` of each word id (digits aside: a number token adds `numberStarts`).
    let startsByID: [Starts]
    /// Most sentences hold no outcome word: this Bloom gate says so for most tokens without a lookup.
    let outcomeGate: WordGate

    /// The patterns a token can start, and whether it is a trigger or outcome word. A pattern left out
    /// is one whose first test the token fails, so skipping it changes no result, only the work.
    struct Starts: OptionSet, Sendable {
        let rawValue: UInt8
        /// In `triggers`: some pattern may start here.
        static let trigger = Starts(rawValue: 1 << 0)
        /// In `outcomeWords` (and a word).
        static let outcome = Starts(rawValue: 1 << 1)
        /// An `active` phrase's first word.
        static let verb = Starts(rawValue: 1 << 2)
        /// A `tolls` phrase's first word.
        static let toll = Starts(rawValue: 1 << 3)
        /// A `results` phrase's first word.
        static let result = Starts(rawValue: 1 << 4)
        /// A number's first word (`countFirst` asks `NumberGrammar.number`).
        static let count = Starts(rawValue: 1 << 5)
    }

    /// What a number token can start besides what its digits start as a word.
    static let numberStarts: Starts = [.trigger, .count]

    public static func bundled() throws -> CasualtyFinder {
        let months = try GrammarTSV.bundled("lexicon/dates.tsv").rows(ofKind: "month").map { $0.phrase[0] }
        return CasualtyFinder(words: try GrammarTSV.bundled("lexicon/casualty_words.tsv"),
                              numbers: try NumberGrammar.bundled(), months: Set(months))
    }

    init(words: GrammarTSV, numbers: NumberGrammar, months: Set<String>) {
        var active = TokenPhraseTable<Outcome>(), passive = TokenPhraseTable<Outcome>()
        var nouns = TokenPhraseTable<Outcome>(), results = TokenPhraseTable<Bool>(), tolls = TokenPhraseTable<Outcome>()
        var aux: Set<String> = [], stops: Set<String> = [], things: Set<String> = []
        for row in words.rows {
            let outcome = Outcome(rawValue: row.value) ?? .other
            switch row.kind {
            case "active": active.insert(row.phrase, outcome)
            case "passive": passive.insert(row.phrase, outcome)
            case "noun": nouns.insert(row.phrase, outcome)
            case "result": results.insert(row.phrase, true)
            case "toll": tolls.insert(row.phrase, outcome)
            case "aux": aux.insert(row.phrase[0])
            case "stop": stops.insert(row.phrase[0])
            case "thing": things.insert(row.phrase[0])
            default: continue
            }
        }
        self.numbers = numbers
        self.active = active
        self.passive = passive
        self.nouns = nouns
        self.results = results
        self.tolls = tolls
        self.auxiliaries = aux
        self.stops = stops
        self.things = things
        self.months = months
        self.outcomeWords = active.firstWords.union(passive.firstWords).union(nouns.firstWords).union(tolls.lastWords)
        self.triggers = active.firstWords.union(tolls.firstWords).union(results.firstWords).union(numbers.startWords)
        var starts: [String: Starts] = [:]
        func mark<S: Sequence>(_ words: S, _ s: Starts) where S.Element == String {
            for w in words { starts[w, default: []].insert(s) }
        }
        mark(triggers, .trigger)
        mark(outcomeWords, .outcome)
        mark(active.firstWords, .verb)
        mark(tolls.firstWords, .toll)
        mark(results.firstWords, .result)
        mark(numbers.startWords, .count)
        let table = WordTable(starts.keys)
        self.words = table
        self.startsByID = table.slots(starts, empty: [])
        self.outcomeGate = WordGate(outcomeWords)
    }

    /// What each token can start.
    func starts(of tokens: [Token]) -> [Starts] {
        tokens.map { t in
            let s = startsByID[id: words.id(of: t.folded), default: []]
            switch t.kind {
            case .number: return s.subtracting(.outcome).union(Self.numberStarts)
            case .word: return s
            case .punctuation: return s.subtracting(.outcome)
            }
        }
    }

    public func mentions(in tokens: [Token]) -> [CasualtyMention] {
        guard tokens.contains(where: { $0.kind == .word && outcomeGate.mayContain($0.folded)
            && startsByID[id: words.id(of: $0.folded), default: []].contains(.outcome) }) else { return [] }
        let starts = starts(of: tokens)
        var found: [CasualtyMention] = []
        var i = 0
        while i < tokens.count {
            guard starts[i].contains(.trigger) else {
                i += 1
                continue
            }
            if let m = mention(at: i, tokens, starts: starts[i]) {
                found.append(m)
                i = max(m.tokenRange.upperBound, i + 1)
            } else {
                i += 1
            }
        }
        return found
    }

    /// The first pattern that fits at `i`, of those `tokens[i]` can start (`starts(of:)`).
    func mention(at i: Int, _ tokens: [Token], starts can: Starts) -> CasualtyMention? {
        (can.contains(.verb) ? verbFirst(at: i, tokens) : nil)
            ?? (can.contains(.toll) ? tollFirst(at: i, tokens) : nil)
            ?? (can.contains(.result) ? resultFirst(at: i, tokens) : nil)
            ?? (can.contains(.count) ? countFirst(at: i, tokens) : nil)
    }

    // MARK: - Patterns

    /// `N [noun phrase] [and N noun phrase]… [, including …,] [aux] outcome`, or `N outcome-noun`.
    func countFirst(at i: Int, _ tokens: [Token]) -> CasualtyMention? {
        guard let n = count(at: i, tokens) else { return nil }
        if !n.isArticle, let (outcome, end) = nouns.match(at: n.tokenRange.upperBound, in: tokens) {
            return mention(i..<end, [n], outcome, victims: nil)
        }
        guard let (phraseEnd, victims, counts) = countedPhrases(after: n, tokens) else { return nil }
        if n.isArticle, victims == nil { return nil }
        var k = skipAside(at: phraseEnd, tokens)
        var sawAux = false
        while k < tokens.count, isFunctionWord(tokens[k], in: auxiliaries) || isQuote(tokens[k]) {
            sawAux = sawAux || tokens[k].kind == .word
            k += 1
        }
        guard let (outcome, end) = passive.match(at: k, in: tokens) else { return nil }
        // "2 soldiers killed 3 militants": with no auxiliary, a verb with an object is active.
        if !sawAux, victims != nil, count(at: end, tokens) != nil { return nil }
        var last = end
        var finalOutcome = outcome
        // "were killed or wounded": a joint figure, not a death toll.
        if last + 1 < tokens.count, ["or", "and"].contains(tokens[last].folded),
           let (other, otherEnd) = passive.match(at: last + 1, in: tokens), other != outcome {
            finalOutcome = .other
            last = otherEnd
        }
        while last < tokens.count, isQuote(tokens[last]) { last += 1 }
        return mention(i..<last, counts, finalOutcome, victims: victims)
    }

    /// `active-verb [and active-verb] N [noun phrase] [and N noun phrase]…`.
    func verbFirst(at i: Int, _ tokens: [Token]) -> CasualtyMention? {
        guard let (outcome, after) = active.match(at: i, in: tokens) else { return nil }
        var k = after
        var finalOutcome = outcome
        // "killing and wounding 20": a joint figure.
        if k + 1 < tokens.count, ["and", "or"].contains(tokens[k].folded),
           let (other, otherEnd) = active.match(at: k + 1, in: tokens) {
            if other != outcome { finalOutcome = .other }
            k = otherEnd
        }
        while k < tokens.count, isQuote(tokens[k]) { k += 1 }
        guard let n = count(at: k, tokens), let (end, victims, counts) = countedPhrases(after: n, tokens) else {
            return nil
        }
        if n.isArticle, victims == nil { return nil }
        // "the bodies of 7 of them": people counted already.
        if let v = victims, tokens[i].folded.hasPrefix("bod"), v.count >= 2, tokens[v.lowerBound].folded == "of",
           ["them", "whom", "those"].contains(tokens[v.lowerBound + 1].folded) { return nil }
        var last = end
        while last < tokens.count, isQuote(tokens[last]) { last += 1 }
        return mention(i..<last, counts, finalOutcome, victims: victims)
    }

    /// `left N [noun phrase] outcome`: "left 11 dead", "leaving three people wounded".
    func resultFirst(at i: Int, _ tokens: [Token]) -> CasualtyMention? {
        guard let (_, after) = results.match(at: i, in: tokens), let n = count(at: after, tokens) else { return nil }
        let (k, victims) = nounPhrase(from: n.tokenRange.upperBound, tokens)
        if isThing(victims, tokens) { return nil }
        guard let (outcome, end) = passive.match(at: k, in: tokens) ?? nouns.match(at: k, in: tokens) else { return nil }
        return mention(i..<end, [n], outcome, victims: victims)
    }

    /// `toll … N`: "the death toll rose to 23", "bringing the toll to 40".
    func tollFirst(at i: Int, _ tokens: [Token]) -> CasualtyMention? {
        guard let (outcome, after) = tolls.match(at: i, in: tokens) else { return nil }
        var k = after
        while k < tokens.count, k - after <= 30, tokens[k].kind != .punctuation || tokens[k].text == "-" {
            if k > after, ["to", "at", "reached", "hit", "of", "is", "was", "stands", "exceeded"].contains(tokens[k - 1].folded),
               let n = count(at: k, tokens), !n.isArticle, n.value != nil {
                return mention(i..<n.tokenRange.upperBound, [n], outcome, victims: nil)
            }
            k += 1
        }
        return nil
    }

    // MARK: - Pieces

    /// A number that counts something here: not a name ("No. 9"), a code ("BM-21"), a date, a time
    /// ("10:45"), a compound adjective ("16-year-old") or a measure ("14.5").
    func count(at i: Int, _ tokens: [Token]) -> NumberMatch? {
        guard i < tokens.count, let n = numbers.number(at: i, in: tokens, allowArticle: true) else { return nil }
        let first = n.tokenRange.lowerBound, end = n.tokenRange.upperBound
        if n.isArticle {
            // "a third one", "a few": not one person.
            if numbers.ordinal(at: end, in: tokens) != nil { return nil }
            return n
        }
        if first > 0 {
            let before = tokens[first - 1]
            if numbers.isLabel(before.folded) || months.contains(before.folded) { return nil }
            // "No. 9", "BM-21", "M4/5", "#3": a name or code, not a count.
            if [".", "-", "/", ":", "#"].contains(before.text),
               before.touches(tokens[first]) || (first >= 2 && numbers.isLabel(tokens[first - 2].folded)) {
                return nil
            }
        }
        if end < tokens.count {
            let after = tokens[end]
            if after.text == "%" || months.contains(after.folded) && after.isCapitalized { return nil }
            // "16-year-old", "10:45", "10/11": part of a compound, a time or a date.
            if ["-", ":", "/", "."].contains(after.text), tokens[end - 1].touches(after),
               end + 1 < tokens.count, after.touches(tokens[end + 1]) {
                return nil
            }
        }
        return n
    }

    /// The counted noun phrase after `n` and any `and N noun phrase` addends.
    /// Returns the index past them, the victims' tokens and the counts; nil for things.
    func countedPhrases(after n: NumberMatch, _ tokens: [Token]) -> (Int, Range<Int>?, [NumberMatch])? {
        var (k, victims) = nounPhrase(from: n.tokenRange.upperBound, tokens)
        if isThing(victims, tokens) { return nil }
        var counts = [n]
        while k < tokens.count, isQuote(tokens[k]) { k += 1 }
        while k + 1 < tokens.count, tokens[k].folded == "and", let next = count(at: k + 1, tokens) {
            let (end, more) = nounPhrase(from: next.tokenRange.upperBound, tokens)
            if isThing(more, tokens) || next.isArticle && more == nil { break }
            counts.append(next)
            if let more { victims = (victims?.lowerBound ?? more.lowerBound)..<more.upperBound }
            k = end
        }
        return (k, victims, counts)
    }

    /// Words after a count up to a stop word, an outcome word or punctuation (hyphens inside a
    /// compound like "16-year-old" are kept). At most eight tokens.
    func nounPhrase(from j: Int, _ tokens: [Token]) -> (Int, Range<Int>?) {
        var k = j
        while k < tokens.count, k - j < 10 {
            let t = tokens[k]
            if t.text == "-", k > j, tokens[k - 1].touches(t), k + 1 < tokens.count, t.touches(tokens[k + 1]) {
                k += 1
                continue
            }
            if t.kind == .number, k + 1 < tokens.count, tokens[k + 1].text == "-", t.touches(tokens[k + 1]) {
                k += 1
                continue
            }
            // "members of the Free Valley Brigade (FVB)": an acronym in brackets.
            if t.text == "(", k > j, k + 2 < tokens.count, tokens[k + 2].text == ")" {
                k += 3
                continue
            }
            if k > j, k + 1 < tokens.count, let grown = grows(at: k, tokens) {
                k = grown
                continue
            }
            guard t.kind == .word, t.folded != "and", t.folded != "or", !isFunctionWord(t, in: stops),
                  !isFunctionWord(t, in: auxiliaries),
                  passive.match(at: k, in: tokens) == nil, active.match(at: k, in: tokens) == nil,
                  nouns.match(at: k, in: tokens) == nil
            else { break }
            // An -ing form ends the phrase ("ambulances carrying …"): no tagger here, so spelling decides.
            if t.folded.count > 5, t.folded.hasSuffix("ing"), !things.contains(t.folded) { break }
            k += 1
        }
        return (k, k > j ? j..<k : nil)
    }

    /// Where a noun phrase goes on past a stop word: a place name ("an employee at Damascus airport")
    /// or a second noun ("fighters and prison guards"). Returns the index of the word after the joint.
    func grows(at k: Int, _ tokens: [Token]) -> Int? {
        let t = tokens[k], next = tokens[k + 1]
        guard next.kind == .word, !isFunctionWord(next, in: stops), !isFunctionWord(next, in: auxiliaries),
              active.match(at: k + 1, in: tokens) == nil, passive.match(at: k + 1, in: tokens) == nil,
              numbers.number(at: k + 1, in: tokens, allowArticle: true) == nil else { return nil }
        if ["at", "in", "from", "near"].contains(t.folded), next.isCapitalized { return k + 1 }
        if t.folded == "and", !next.folded.hasSuffix("ed"), !next.folded.hasSuffix("ing") { return k + 1 }
        return nil
    }

    /// ", including a child," / ", among them 28 children,": an aside that adds nothing to the count.
    func skipAside(at k: Int, _ tokens: [Token]) -> Int {
        guard k + 1 < tokens.count, tokens[k].text == ",",
              ["including", "among", "mostly", "most", "many", "some", "one", "all", "both"].contains(tokens[k + 1].folded)
        else { return k }
        var j = k + 2
        while j < tokens.count, j - k < 12 {
            if tokens[j].text == "," { return j + 1 }
            j += 1
        }
        return k
    }

    func isQuote(_ t: Token) -> Bool {
        t.kind == .punctuation && ["\"", "\u{201C}", "\u{201D}", "'", "\u{2018}", "\u{2019}", "\u{AB}", "\u{BB}"].contains(t.text)
    }

    /// A function word, unless written as an acronym ("IS" fighters, not "is").
    func isFunctionWord(_ t: Token, in set: Set<String>) -> Bool {
        set.contains(t.folded) && !(t.text.count >= 2 && t.text.allSatisfy(\.isUppercase))
    }

    /// The phrase's head noun (its last word before any "of …") names a thing, not people.
    func isThing(_ phrase: Range<Int>?, _ tokens: [Token]) -> Bool {
        guard let phrase else { return false }
        let beforeOf = phrase.first { tokens[$0].folded == "of" } ?? phrase.upperBound
        guard let head = (phrase.lowerBound..<beforeOf).last(where: { tokens[$0].kind == .word }) else { return false }
        return things.contains(tokens[head].folded)
    }

    func mention(_ range: Range<Int>, _ counts: [NumberMatch], _ outcome: Outcome, victims: Range<Int>?) -> CasualtyMention {
        let values = counts.compactMap(\.value)
        let complete = values.count == counts.count
        let qualifier: FatalityQualifier? = complete
            ? (counts.contains { $0.qualifier == .atLeast } ? .atLeast
               : counts.contains { $0.qualifier == .about } ? .about : .exact)
            : nil
        return CasualtyMention(tokenRange: range, count: complete ? values.reduce(0, +) : nil,
                               qualifier: qualifier, outcome: outcome, victimTokens: victims,
                               parts: complete ? values : [])
    }
}
