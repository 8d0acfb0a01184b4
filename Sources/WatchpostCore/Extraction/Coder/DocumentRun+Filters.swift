/// Event words that do not report an event here: quoted, tallied, hedged, negated, background.
extension DocumentRun {
    // Word lists asked of every token are static: a literal array in the test was built (and freed) per token.
    static let seriesWords = ["series", "wave", "string", "spate"]
    static let countStopWords = ["the", "a", "an", "of", "and", "in", "on", "at", "by", "with"]

    /// An event word quoted as a word ("use the word \"neutralised\""), not as a report.
    /// - Parameter wordTalk: where the sentence starts talking about a word, if it does (`wordTalkStart`).
    func isQuotedWord(_ t: TaggedSentence, _ range: Range<Int>, wordTalk: Int?) -> Bool {
        if t.word(range.lowerBound - 1) == "\"" && t.word(range.upperBound) == "\"" { return true }
        return wordTalk.map { $0 < range.lowerBound } ?? false
    }

    static let wordNouns: Set<String> = ["word", "term", "expression", "phrase"]

    /// "Officials use the term \"neutralised\" to mean that fighters were killed or captured": a
    /// sentence about a word explains vocabulary; its event words after that point report nothing.
    /// Found once per clause, not once per event word.
    func wordTalkStart(_ t: TaggedSentence) -> Int? {
        t.tokens.indices.first { t.word($0 + 1) == "\"" && Self.wordNouns.contains(t.tokens[$0].folded) }
    }

    /// "one more in a series of raids", "a wave of arrests": a tally of events, not one.
    func isInSeries(_ t: TaggedSentence, _ range: Range<Int>) -> Bool {
        (1...4).contains { Self.seriesWords.contains(t.word(range.lowerBound - $0)) }
    }

    /// "recapturing Ejaz", "seized Kafr Zita": a capitalized name right after a capture verb is the
    /// place taken, even when neither the gazetteer nor a lead-in says so.
    func withObjectsOfCapture(_ t: TaggedSentence) -> TaggedSentence {
        var t = t
        guard t.triggers.contains(where: { $0.value.signal == .territory }) else {
            // Nothing to add: the places only need to be in sentence order (they almost always are).
            if !zip(t.places, t.places.dropFirst()).allSatisfy({ $0.tokenRange.lowerBound <= $1.tokenRange.lowerBound }) {
                t.places.sort { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
            }
            return t
        }
        let taken = Set(t.places.flatMap { Array($0.tokenRange) } + t.actors.flatMap { Array($0.tokenRange) })
        for trig in t.triggers where trig.value.signal == .territory {
            var i = trig.tokenRange.upperBound
            if t.word(i) == "the" { i += 1 }
            var j = i
            while j < t.tokens.count, !taken.contains(j),
                  t.tokens[j].isCapitalized || (t.tokens[j].text == "-" && j > i) || (["al", "el"].contains(t.word(j)) && j + 1 < t.tokens.count) {
                j += 1
            }
            while j > i, t.tokens[j - 1].text == "-" { j -= 1 }
            guard j > i else { continue }
            let written = t.tokens[i..<j].map(\.text).joined(separator: " ").replacingOccurrences(of: " - ", with: "-")
            t.places.append(PlaceMention(tokenRange: i..<j, text: written, resolved: nil, isRegion: false))
        }
        t.places.sort { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
        return t
    }

    /// An event word inside a prepositional adjunct that only refers to an event told elsewhere:
    /// "despite the truce", "after a four-day battle", "amid clashes", "under the agreement".
    static let negators: Set<String> = ["no", "not", "neither", "nor", "never", "without"]
    static let denials: Set<String> = ["denied", "denies", "deny", "denying"]
    static let adjunctPrepositions: Set<String> = ["despite", "under", "before", "after", "amid", "amidst", "following",
                                                   "during", "since", "violating", "violation", "ahead", "against",
                                                   "condemn", "condemning", "denounce", "denouncing"]
    static let determiners: Set<String> = ["the", "a", "an", "its", "their", "this", "these", "those"]
    static let analysisVerbs: Set<String> = ["indicate", "indicates", "indicated", "show", "shows", "showed", "suggest", "suggests",
                                             "signal", "signals", "mark", "marks", "reflect", "reflects",
                                             "demonstrates", "demonstrate", "highlights", "underlines", "means"]

    /// - Parameter names: the clause's name tokens (`TaggedSentence.nameTokens`), computed once by the caller.
    func isAdjunct(_ t: TaggedSentence, _ range: Range<Int>, names: TokenMask) -> Bool {
        let adjunctPrepositions = Self.adjunctPrepositions
        // "the 2011 protests": an event of another year named as background.
        if range.lowerBound > 0, t.tokens[range.lowerBound - 1].kind == .number, t.tokens[range.lowerBound - 1].text.count == 4,
           let year = Int(t.tokens[range.lowerBound - 1].text), (1900...2100).contains(year) { return true }
        // Walk back over a plain noun phrase ("an intense round of"); a name, a verb form or a
        // punctuation mark ends it ("after HTS attacked" is a clause, not an adjunct).
        // "By deploying reinforcements, Turkey is sending a signal": a means, not a report of the act,
        // up to the comma that closes the phrase.
        if let by = (0..<range.lowerBound).last(where: { t.word($0) == "by" }), t.word(by + 1).hasSuffix("ing"),
           !(by + 1..<range.lowerBound).contains(where: { t.word($0) == "," }) { return true }
        // "The deployment of X came after ...", "The strikes show that ...": a sentence about an event
        // named by its definite subject, judging or placing it; the event was told before.
        let analysisVerbs = Self.analysisVerbs
        if ["the", "this", "these", "that"].contains(t.word(0)), SubTypeRules.typeClass(t.triggers.first?.value.signal ?? .killing) != nil,
           t.triggers.first.map({ $0.tokenRange.lowerBound <= 2 }) == true,
           let verb = (1..<min(t.tokens.count, 20)).first(where: { analysisVerbs.contains(t.word($0)) }),
           range.upperBound <= verb, !(1..<verb).contains(where: { t.word($0) == "," }) {
            return true
        }
        var i = range.lowerBound - 1
        var steps = 0
        while i >= 0, steps < 6 {
            let w = t.word(i)
            if adjunctPrepositions.contains(w) { return true }
            if names.contains(i) {
                // "the Turkish drone attacks": a name after a determiner modifies the noun phrase; a bare
                // name ends it ("after HTS attacked" is a clause).
                var start = i
                while start > 0, names.contains(start - 1) { start -= 1 }
                guard Self.determiners.contains(t.word(start - 1)) else { return false }
                steps += i - start + 1
                i = start - 1
                continue
            }
            if t.tokens[i].kind == .punctuation && w != "-" || w.hasSuffix("ed") { return false }
            i -= 1
            steps += 1
        }
        return false
    }

    /// A sentence looking back over a span ("more than 700 have been killed since then", "have carried
    /// out 2,000 sorties since September 30"): a present perfect with "since" is a tally, not a happening.
    func isRetrospective(_ t: TaggedSentence) -> Bool {
        let words = t.tokens.map(\.folded)
        guard words.contains("since") else { return false }
        // "since Saturday": a span of days, reported as one event with a range, unless it is a total.
        if !words.contains("total"), let published = document.published,
           t.dates.contains(where: { ($0.start.map { published - $0 <= 14 } ?? false) && $0.anchor != .background }) { return false }
        return t.tokens.indices.contains { i in
            (words[i] == "have" || words[i] == "has") && t.tokens[i].text == t.tokens[i].text.lowercased()
                && (1...3).contains { d in i + d < words.count && (words[i + d] == "been" || words[i + d].hasSuffix("ed")) }
        }
    }

    /// "its attacks", "their raids": a weak plural event noun after a possessive speaks of a party's
    /// events in general (a record, a habit), not of one happening; with a day named it is one.
    func isHabitual(_ t: TaggedSentence, _ trigger: PhraseMatch<Trigger>) -> Bool {
        let s = trigger.tokenRange.lowerBound
        return !trigger.value.isStrong && ["its", "their"].contains(t.word(s - 1))
            && t.word(trigger.tokenRange.upperBound - 1).hasSuffix("s")
    }

    /// "have been bombing": what has been going on for some time, not one happening (a day named
    /// makes it one: "have been shelling X since Monday morning").
    func isOngoing(_ t: TaggedSentence, _ trigger: PhraseMatch<Trigger>) -> Bool {
        let s = trigger.tokenRange.lowerBound
        return t.word(s).hasSuffix("ing") && t.word(s - 1) == "been" && ["have", "has", "had"].contains(t.word(s - 2))
    }

    /// An event word counted as a number of events ("9 attacks", "7 ceasefire violations", "96 sorties"):
    /// a tally, not one event.
    func isCountOfEvents(_ t: TaggedSentence, _ range: Range<Int>) -> Bool {
        // Munitions are counted in one attack ("4 mortar shells"); a tally of events names no village.
        if let trigger = t.triggers.first(where: { $0.tokenRange == range }),
           SubTypeRules.remote.contains(SubTypeRules.key(trigger.value.signal)) && trigger.value.isStrong { return false }
        if t.places.contains(where: { !$0.isRegion && $0.resolved?.precision == .town }) { return false }
        // A verb form counts people ("200 people protested"), not events.
        if t.word(range.upperBound - 1).hasSuffix("ed") { return false }
        var i = range.lowerBound - 1
        while i >= 0, t.tokens[i].kind == .word, i >= range.lowerBound - 2,
              !Self.countStopWords.contains(t.word(i)) { i -= 1 }
        guard i >= 0, t.tokens[i].kind == .number else { return false }
        if (i + 1..<range.lowerBound).contains(where: { coder.roles.victimNouns[t.word($0)] != nil }) { return false }
        // "14.5 mm", "No. 9" are not counts; a count is a whole number in digits right before the phrase.
        return !t.tokens[i].text.contains(".") && t.word(i - 1) != "no"
    }

    /// "they" as the subject of the event word ("they also captured", "they shelled").
    func subjectPronoun(_ t: TaggedSentence, before s: Int) -> Int? {
        for i in max(0, s - 3)..<s where ["they", "it"].contains(t.word(i)) {
            let between = (i + 1..<s).map { t.word($0) }
            if between.allSatisfy({ ["also", "then", "later", "had", "have", "reportedly", "again"].contains($0) }) { return i }
        }
        return nil
    }

    /// A country's name used as a place ("in northeastern Syria", "across Turkey"), not as an actor.
    static let locatives: Set<String> = ["in", "across", "into", "inside", "throughout", "to", "from", "within", "of"]

    func isPlaceUse(_ t: TaggedSentence, _ m: ActorMention) -> Bool {
        guard m.tokenRange.count == 1 else { return false }
        let before = t.word(m.tokenRange.lowerBound - 1)
        return Self.locatives.contains(before) || before.hasSuffix("ern")  // "northern", "northeastern"
    }

    /// An event word under a threat, plan, forecast or condition ("threatened to attack", "may lead to
    /// a new offensive": the modal's scope runs to the end of its clause), or negated ("no fighting",
    /// "neither side shelled the town on Monday").
    func isIrrealis(_ t: TaggedSentence, _ range: Range<Int>) -> Bool {
        let routine = t.cues.filter { $0.value == .routine }.map(\.tokenRange)
        func live(_ c: PhraseMatch<Cue>) -> Bool { !routine.contains { $0.overlaps(c.tokenRange) } }
        /// A clause boundary between two positions: a semicolon or colon, or a comma that does not
        /// just separate the names of a list.
        func boundary(_ from: Int, _ to: Int) -> Bool {
            (from..<to).contains { i in
                let w = t.word(i)
                if w == ";" || w == ":" { return true }
                guard w == "," else { return false }
                let next = i + 1 < t.tokens.count ? t.tokens[i + 1] : nil
                let listComma = (i > 0 && t.tokens[i - 1].isCapitalized) && (next.map { $0.isCapitalized || $0.folded == "and" } ?? false)
                return !listComma
            }
        }
        for c in t.cues where c.value == .irrealis && live(c) && c.tokenRange.upperBound <= range.lowerBound {
            if !boundary(c.tokenRange.upperBound, range.lowerBound) { return true }
        }
        let negators = Self.negators, denials = Self.denials
        // "denied that Saraqib had fallen" negates what follows; "denied any link to the bombing" does not.
        for i in max(0, range.lowerBound - 8)..<range.lowerBound
        where negators.contains(t.word(i)) || (denials.contains(t.word(i)) && t.word(i + 1) == "that") {
            if t.cues.contains(where: { $0.value == .routine && $0.tokenRange.contains(i) }) { continue }
            if !boundary(i, range.lowerBound) { return true }
        }
        return false
    }
}
