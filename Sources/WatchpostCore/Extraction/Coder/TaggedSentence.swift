/// One sentence with everything the taggers found in it; token ranges index `tokens`.
struct TaggedSentence {
    var sentence: Sentence
    var tokens: [Token]
    var triggers: [PhraseMatch<Trigger>]
    var cues: [PhraseMatch<Cue>]
    var actors: [ActorMention]
    var places: [PlaceMention]
    var dates: [DateMention]
    var casualties: [CasualtyMention]

    /// Folded word at token `i`, or "" out of range.
    func word(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens[i].folded : "" }

    /// Does any cue of `kind` stand in `range` of tokens?
    func hasCue(_ kind: Cue, in range: Range<Int>? = nil) -> Bool {
        cues.contains { cue in cue.value == kind && (range.map { $0.overlaps(cue.tokenRange) } ?? true) }
    }

    /// Token indices covered by names (actors and places): event words inside them are not events
    /// ("Army of Conquest"). Crowds named by an event word ("protesters") stay event words.
    var nameTokens: TokenMask { names(keepingWeaponPhrases: false) }

    /// As `nameTokens`, but a weapon phrase ("Russian jets") names an actor and an air strike at once,
    /// so its event word stays live.
    var nameTokensForEvents: TokenMask { names(keepingWeaponPhrases: true) }

    private func names(keepingWeaponPhrases: Bool) -> TokenMask {
        var s = TokenMask(count: tokens.count)
        for a in actors where !a.isGeneric && !["protesters", "rioters", "civilians"].contains(a.actor.kind) {
            let isWeaponPhrase = keepingWeaponPhrases && triggers.contains { t in
                a.tokenRange.contains(t.tokenRange.lowerBound) && SubTypeRules.remote.contains(SubTypeRules.key(t.value.signal))
            }
            if !isWeaponPhrase { s.insert(a.tokenRange) }
        }
        for p in places { s.insert(p.tokenRange) }
        return s
    }
}

/// The taggers a sentence goes through, in the order DESIGN.md gives.
struct SentenceTagger: Sendable {
    /// "BEIRUT, Oct 21 (Agency) –", "MOSCOW, July 13 –": the dateline's day is the report's, not an
    /// event's. A date right after a place in capitals and a comma, before the agency or a dash.
    static func isDateline(_ d: DateMention, _ tokens: [Token]) -> Bool {
        let s = d.tokenRange.lowerBound, e = d.tokenRange.upperBound
        guard s >= 2, s <= 6, tokens[s - 1].text == ",", tokens[0..<(s - 1)].contains(where: { $0.text.count > 1 && $0.text == $0.text.uppercased() && $0.kind == .word }) else {
            return false
        }
        guard e < tokens.count else { return false }
        return ["(", "–", "—", "-", ":"].contains(tokens[e].text)
    }

    let words: EventWords
    let actors: ActorTagger
    let geocoder: Geocoder
    let dates: DateResolver
    let casualties: CasualtyFinder

    /// "the ministry said on Monday": the day of the statement, not of the event.
    /// "told reporters at a press conference on Monday" too; the words between say where it was said.
    static let speechSetting: Set<String> = ["on", "at", "in", "a", "an", "the", "its", "his", "her", "their", "briefing", "news",
                                             "press", "conference", "statement", "late", "early", "interview", "televised"]

    /// Tags a sentence from its tokens (`Tokenizer.tokenize(sentence.text)`, made once per sentence by
    /// the caller, which also reads them for the outlet's voice).
    func tag(_ sentence: Sentence, tokens: [Token], published: Day?, currentDate: Day?, geo: GeoContext) -> TaggedSentence {
        let wordIDs = words.ids(of: tokens)
        let cueMatches = words.cues.allMatches(in: tokens, ids: wordIDs)
        let speechSetting = Self.speechSetting
        let dateMentions = dates.mentions(in: tokens, published: published, current: currentDate).filter { d in
            let s = d.tokenRange.lowerBound
            let spoken = cueMatches.contains { c in
                (c.value == .say || c.value == .claim) && c.tokenRange.upperBound <= s && s - c.tokenRange.upperBound <= 5
                    && (c.tokenRange.upperBound..<s).allSatisfy { speechSetting.contains(tokens[$0].folded) }
            }
            return !spoken && !Self.isDateline(d, tokens)
        }.map { d -> DateMention in
            // "The raid came two days after jets hit X": X is days before, not after.
            guard case .previous(let n) = d.anchor, n > 0, d.tokenRange.upperBound < tokens.count,
                  tokens[d.tokenRange.upperBound].folded == "after" || tokens[d.tokenRange.upperBound - 1].folded == "after",
                  let start = d.start else { return d }
            var m = d
            m.start = start.adding(days: -2 * n)
            m.end = d.end?.adding(days: -2 * n)
            return m
        }
        let day = dateMentions.first(where: { $0.anchor != .background })?.start ?? currentDate ?? published
        let actorMentions = actors.mentions(in: tokens, on: day)
        let named = Set(actorMentions.filter { !$0.isGeneric }.flatMap { Array($0.tokenRange) })
        return TaggedSentence(
            sentence: sentence,
            tokens: tokens,
            triggers: words.triggers.matches(in: tokens, ids: wordIDs),
            cues: cueMatches,
            actors: actorMentions,
            // A token is a name once: "TAF" is the Turkish army, not the village of Taf.
            places: geocoder.mentions(in: tokens, context: geo).filter { p in !p.tokenRange.contains(where: named.contains) },
            dates: dateMentions,
            casualties: casualties.mentions(in: tokens)
        )
    }
}
