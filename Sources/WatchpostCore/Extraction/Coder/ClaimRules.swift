/// Who a clause is attributed to, and how far the report stands behind it (ANNOTATION.md, claims).
struct Attribution {
    /// The mention of the claimant in the sentence (its token range is excluded from the actors).
    var mention: ActorMention?
    var claimant: Actor?
    /// "claimed", "alleged": a partisan claim rather than a plain report.
    var isClaimVerb = false
}

enum ClaimRules {
    /// The claimant of a sentence: the object of "according to"/"citing"/"released by", else the
    /// subject of a speech verb ("X said", "the group claimed"), else its inverted subject ("said X").
    static func attribution(_ t: TaggedSentence, resolve: (ActorMention) -> Actor) -> Attribution {
        let speakers = t.actors
        var result = Attribution()
        let claimVerb = t.cues.contains { $0.value == .claim }
        func nearestAfter(_ pos: Int, within: Int) -> ActorMention? {
            speakers.filter { $0.tokenRange.lowerBound >= pos && $0.tokenRange.lowerBound - pos <= within }
                .min { $0.tokenRange.lowerBound < $1.tokenRange.lowerBound }
        }
        func nearestBefore(_ pos: Int, within: Int) -> ActorMention? {
            speakers.filter { $0.tokenRange.upperBound <= pos && pos - $0.tokenRange.upperBound <= within }
                .max { $0.tokenRange.upperBound < $1.tokenRange.upperBound }
        }
        for cue in t.cues where cue.value == .according || cue.value == .by {
            if let m = nearestAfter(cue.tokenRange.upperBound, within: 6) {
                result.mention = m
                break
            }
        }
        if result.mention == nil {
            // A passive report ("no casualties were reported") names no claimant.
            // The auxiliary is lower-case: "IS claimed" is the group speaking, "is claimed" a passive.
            for cue in t.cues where (cue.value == .say || cue.value == .claim || cue.value == .confirm)
                && !(["was", "were", "been", "be", "is", "are"].contains(t.word(cue.tokenRange.lowerBound - 1))
                     && cue.tokenRange.lowerBound > 0 && !t.tokens[cue.tokenRange.lowerBound - 1].isCapitalized) {
                // The inverted subject ("..., said the ministry") stands right after the verb; after
                // "said that" comes what was said, whose subject acts but does not speak.
                let inverted = t.word(cue.tokenRange.upperBound) == "that" ? nil : nearestAfter(cue.tokenRange.upperBound, within: 3)
                if let m = nearestBefore(cue.tokenRange.lowerBound, within: 4) ?? inverted {
                    result.mention = m
                    break
                }
            }
        }
        if result.mention == nil {
            // "was confirmed by local activists", "were reported by the monitor": the passive's agent.
            for cue in t.cues where (cue.value == .say || cue.value == .confirm || cue.value == .claim)
                && t.word(cue.tokenRange.upperBound) == "by" {
                if let m = nearestAfter(cue.tokenRange.upperBound + 1, within: 3) {
                    result.mention = m
                    break
                }
            }
        }
        if let m = result.mention {
            result.claimant = resolve(m)
        }
        result.isClaimVerb = claimVerb
        return result
    }

    /// Doubt in the sentence that is not a routine caveat ("could not be independently verified").
    static func doubts(_ t: TaggedSentence) -> Bool { !doubtCues(t).isEmpty }

    /// The cues of the sentence that doubt: doubt words outside routine caveats, and rejections of an
    /// account ("dismissed the claim as baseless", "the reports were rejected"; not "rejected a proposal").
    static func doubtCues(_ t: TaggedSentence) -> [PhraseMatch<Cue>] {
        let routine = t.cues.filter { $0.value == .routine }.map(\.tokenRange)
        let accounts = t.cues.filter { $0.value == .claimNoun }.map(\.tokenRange)
        return t.cues.filter { c in
            switch c.value {
            case .doubt: return !routine.contains { $0.overlaps(c.tokenRange) }
            case .reject:
                return accounts.contains { a in
                    (a.lowerBound >= c.tokenRange.upperBound && a.lowerBound - c.tokenRange.upperBound <= 4)
                        || (a.upperBound <= c.tokenRange.lowerBound && c.tokenRange.lowerBound - a.upperBound <= 4)
                }
            default: return false
            }
        }
    }

    /// The status of a claim by `claimant` (nil: the article's own voice, or `outletVoice` when the
    /// outlet is itself a party's media).
    static func status(claimant: Actor?, doubted: Bool, confirmed: Bool, victimSide: Actor?) -> ClaimStatus {
        if doubted { return .disputed }
        guard let claimant else { return .reported }
        if claimant.isParty {
            if let victimSide, sameSide(claimant, victimSide) { return .confirmed }
            return confirmed ? .confirmed : .claimed
        }
        return .reported
    }

    /// Two actors speak for one side: the same actor, or the same declared side.
    static func sameSide(_ a: Actor, _ b: Actor) -> Bool {
        if a.name == b.name { return true }
        if let sa = a.side, let sb = b.side { return sa == sb }
        return false
    }
}
