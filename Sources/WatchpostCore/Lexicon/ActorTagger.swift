/// Finds actor mentions in a sentence's tokens: names and aliases from the lexicon, the
/// demonym + force/weapon noun grammar ("Russian warplanes", "Syrian and Russian jets"), and
/// generic references ("the group", "the army") flagged for the event coder to resolve.
///
/// Era rule (tested in ActorTaggerTests): a name is kept as the text writes it while it was in
/// force on the day, and also when the day is before the name existed (a report looking back). Only
/// when the day is after the name's `valid_to` is it replaced, and only through the explicit
/// `successor` chain: "Jabhat al-Nusra" on 2015-05-01 stays Jabhat al-Nusra, on 2019-01-01 it
/// becomes Hayat Tahrir al-Sham (via Jabhat Fateh al-Sham). Without a date nothing is replaced.
public struct ActorTagger: Sendable {
    public let lexicon: ActorLexicon
    /// Whose defaults generic references take ("the army" → that country's army).
    public let country: String?

    private let names: PhraseMatcher<Int>      // alias index
    private let demonyms: PhraseMatcher<Int>   // demonym index
    private let nouns: PhraseMatcher<String>   // noun class
    private let generics: PhraseMatcher<Int>   // generic index
    /// The words of the four matchers, interned together: a sentence's ids are looked up once for all four.
    private(set) var words: WordTable

    public init(lexicon: ActorLexicon) {
        self.init(lexicon: lexicon, country: nil)
    }

    /// - Parameter country: the theatre of the documents; nil takes the lexicon's default country.
    public init(lexicon: ActorLexicon, country: String?) {
        self.lexicon = lexicon
        self.country = country ?? lexicon.defaultCountry
        let aliases = lexicon.aliases
        var words = WordTable()
        names = PhraseMatcher(aliases.indices.map { (aliases[$0].phrase, $0) }, caseSensitive: { aliases[$0].caseSensitive })
            .interned(into: &words)
        // Grammar forms written in capitals ("US", "IS", "UK") must be written so in the text,
        // or "us" and "is" would match.
        let demonymForms = lexicon.demonyms.map(\.form)
        demonyms = PhraseMatcher(demonymForms.indices.map { (demonymForms[$0], $0) },
                                 caseSensitive: { Self.isAcronym(demonymForms[$0]) }).interned(into: &words)
        let nounEntries = lexicon.nouns.map { (phrase: $0.form, value: $0.nounClass) }
        nouns = PhraseMatcher(nounEntries).interned(into: &words)
        let genericForms = lexicon.generics.map(\.form)
        generics = PhraseMatcher(genericForms.indices.map { (genericForms[$0], $0) },
                                 caseSensitive: { Self.isAcronym(genericForms[$0]) }).interned(into: &words)
        self.words = words
    }

    /// Actor mentions in a sentence's tokens, in text order; `date` picks the era-correct name.
    public func mentions(in tokens: [Token], on date: Day?) -> [ActorMention] {
        // Most sentences have no possessive: then the tokens are shared, not copied one by one.
        let tokens = tokens.contains(where: Self.mayBePossessive) ? tokens.map(Self.strippingPossessive) : tokens
        let ids = words.ids(of: tokens)
        var taken = [Bool](repeating: false, count: tokens.count)
        var found: [ActorMention] = []

        // 1. Names and the demonym grammar compete leftmost-longest; a name wins a tie.
        var candidates: [(range: Range<Int>, rank: Int, make: () -> [ActorMention])] = []
        for m in names.matches(in: tokens, ids: ids) {
            candidates.append((m.tokenRange, 0, { [self] in [named(alias: m.value, m.tokenRange, tokens, date)] }))
        }
        for group in demonymGroups(tokens, ids) {
            candidates.append((group.range, 1, { [self] in group.parts.map { named(actor: $0.actor, $0.range, tokens, date) } }))
        }
        candidates.sort { ($0.range.lowerBound, -$0.range.count, $0.rank) < ($1.range.lowerBound, -$1.range.count, $1.rank) }
        for c in candidates where !c.range.contains(where: { taken[$0] }) {
            c.range.forEach { taken[$0] = true }
            found += c.make()
        }

        // 2. Generic references in what is left, unless they head an "of"/"from" phrase whose
        // named actor is the real mention ("the fighters of Hurras al-Din").
        for m in generics.matches(in: tokens, ids: ids) where !m.tokenRange.contains(where: { taken[$0] }) {
            let next = m.tokenRange.upperBound
            if next + 1 < tokens.count, ["of", "from"].contains(tokens[next].folded), taken[next + 1] { continue }
            found.append(generic(m.value, m.tokenRange, tokens, date))
        }
        return found.sorted { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
    }

    // MARK: - The demonym grammar

    /// demonym (("and" | "," | "or" | "&") demonym)* noun: one part per demonym whose actor for
    /// the noun's class is known.
    private func demonymGroups(_ tokens: [Token], _ ids: [WordID]) -> [(range: Range<Int>, parts: [(actor: Int, range: Range<Int>)])] {
        var longestNoun: [Int: (end: Int, nounClass: String)] = [:]
        for m in nouns.allMatches(in: tokens, ids: ids) where (longestNoun[m.tokenRange.lowerBound]?.end ?? -1) < m.tokenRange.upperBound {
            longestNoun[m.tokenRange.lowerBound] = (m.tokenRange.upperBound, m.value)
        }
        let found = demonyms.matches(in: tokens, ids: ids)
        var groups: [(range: Range<Int>, parts: [(actor: Int, range: Range<Int>)])] = []
        var i = 0
        while i < found.count {
            // Members joined by a connector ("Syrian and Russian", "Russian-Turkish") are each an
            // actor; members stacked with none ("Turkish-backed Syrian") are one actor, the first
            // that has one for the noun's class.
            var members = [[found[i]]]
            var j = i + 1
            while j < found.count, let last = members.last?.last {
                let gap = found[j].tokenRange.lowerBound - last.tokenRange.upperBound
                if gap == 1, ["and", ",", "or", "&", "-", "/"].contains(tokens[last.tokenRange.upperBound].folded) {
                    members.append([found[j]])
                } else if gap == 0 {
                    members[members.count - 1].append(found[j])
                } else {
                    break
                }
                j += 1
            }
            i = j
            let end = members.last!.last!.tokenRange.upperBound
            guard let noun = longestNoun[end] else { continue }
            let parts = members.enumerated().compactMap { k, stack -> (actor: Int, range: Range<Int>)? in
                guard let actor = stack.lazy.compactMap({ lexicon.demonyms[$0.value].actorByClass[noun.nounClass] }).first
                else { return nil }
                let member = (tokenRange: stack.first!.tokenRange.lowerBound..<stack.last!.tokenRange.upperBound, value: 0)
                // The last demonym's mention takes in the noun; earlier ones are the adjective alone.
                let range = k == members.count - 1 ? member.tokenRange.lowerBound..<noun.end : member.tokenRange
                return (actor, range)
            }
            // Two demonyms naming one actor ("Syrian regime and Assad forces") give one mention.
            var seen = Set<Int>()
            let distinct = parts.filter { seen.insert($0.actor).inserted }
            if !distinct.isEmpty { groups.append((members[0][0].tokenRange.lowerBound..<noun.end, distinct)) }
        }
        return groups
    }

    // MARK: - Building mentions

    private func named(alias: Int, _ range: Range<Int>, _ tokens: [Token], _ date: Day?) -> ActorMention {
        let candidates = lexicon.aliases[alias].actorIndices
        // A shared alias ("Syrian police") names the actor in force on the day, if one is.
        let chosen = date.flatMap { d in candidates.first { lexicon.actors[$0].isValid(on: d) } } ?? candidates[0]
        return named(actor: chosen, range, tokens, date)
    }

    private func named(actor index: Int, _ range: Range<Int>, _ tokens: [Token], _ date: Day?) -> ActorMention {
        let resolved = resolveEra(index, on: date)
        return ActorMention(tokenRange: range, actor: lexicon.actors[resolved], text: Self.text(tokens, range),
                            isGeneric: false, role: lexicon.roles[resolved])
    }

    private func generic(_ index: Int, _ range: Range<Int>, _ tokens: [Token], _ date: Day?) -> ActorMention {
        let entry = lexicon.generics[index]
        let text = Self.text(tokens, range)
        if let country, let fallback = entry.defaults[country] {
            let resolved = resolveEra(fallback, on: date)
            return ActorMention(tokenRange: range, actor: lexicon.actors[resolved], text: text, isGeneric: true,
                                role: entry.role ?? lexicon.roles[resolved], compatibleKinds: entry.kinds)
        }
        // No default for this theatre: a placeholder that only says what kind it may refer to.
        let placeholder = Actor(id: "generic", name: text, kind: entry.kinds.first ?? "unidentified", country: country)
        return ActorMention(tokenRange: range, actor: placeholder, text: text, isGeneric: true,
                            role: entry.role ?? .actor, compatibleKinds: entry.kinds)
    }

    /// Follows `successor` while the name had lapsed by `date` (see the era rule above).
    func resolveEra(_ index: Int, on date: Day?) -> Int {
        guard let date else { return index }
        var current = index
        var hops = 0
        while let validTo = lexicon.actors[current].validTo, date >= validTo,
              let next = lexicon.actors[current].successor.flatMap({ lexicon.indexByID[$0] }), hops < 10 {
            current = next
            hops += 1
        }
        return current
    }

    // MARK: - Token helpers

    /// "HTS's" → "HTS" (the tokenizer keeps "'s" inside the word).
    static func strippingPossessive(_ token: Token) -> Token {
        // The byte test first: counting Characters for every word of every sentence is not free.
        guard mayBePossessive(token), token.text.count > 2 else { return token }
        for suffix in ["'s", "\u{2019}s"] where token.text.hasSuffix(suffix) {
            var copy = token
            copy.text = String(token.text.dropLast(2))
            copy.folded = Tokenizer.fold(copy.text)
            return copy
        }
        return token
    }

    /// Ends in the bytes of "'s" or "’s" (E2 80 99 73): a word that `hasSuffix` may find a possessive
    /// in; any other word it cannot, as neither mark nor "s" has another canonical spelling.
    static func mayBePossessive(_ token: Token) -> Bool {
        guard token.kind == .word else { return false }
        return token.text.utf8.withContiguousStorageIfAvailable { b in
            b.count >= 2 && b[b.count - 1] == UInt8(ascii: "s") && (b[b.count - 2] == UInt8(ascii: "'") || b[b.count - 2] == 0x99)
        } ?? (token.text.utf8.last == UInt8(ascii: "s"))
    }

    static func isAcronym(_ form: String) -> Bool {
        let letters = form.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// The mention as written: tokens joined by spaces, hyphens and closing punctuation attached.
    static func text(_ tokens: [Token], _ range: Range<Int>) -> String {
        var out = ""
        for i in range {
            let t = tokens[i]
            if i > range.lowerBound, t.range.lowerBound > tokens[i - 1].range.upperBound { out += " " }
            out += t.text
        }
        return out
    }
}
