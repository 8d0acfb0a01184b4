/// Sentences that add to an event told before, and what the document remembers between sentences.
extension DocumentRun {
    // Word lists asked of every token are static: a literal array in the test was built (and freed) per token.
    static let runningTotalWords = ["since", "total", "toll", "brings", "bringing"]
    static let sequelWords = ["followed", "ensued"]

    /// A sentence with no event word of its own: it may add to the event just before it (its toll,
    /// its source, a doubt or a confirmation), or doubt a party's earlier claims.
    func followUp(_ t: TaggedSentence, attribution: Attribution) {
        let doubted = ClaimRules.doubts(t)
        guard let last = drafts.indices.last, !drafts[last].fromHeading,
              t.sentence.index - drafts[last].sentenceIndex == 1, t.sentence.block - drafts[last].block <= 1
        else { return }
        // A running total ("600 killed since April", "the toll rose to 18") is not this event's toll.
        let cumulative = t.tokens.contains { Self.runningTotalWords.contains($0.folded) }
        let killed = cumulative ? [] : t.casualties.filter { $0.outcome == .killed }
        let counts = killed.compactMap(\.count)
        var changed = false
        if !counts.isEmpty {
            // Apply to every event of the previous sentence's first place only (the toll goes on the first).
            let first = drafts.firstIndex { $0.sentenceIndex == drafts[last].sentenceIndex }!
            let sum = counts.reduce(0, +)
            drafts[first].event.fatalities = (drafts[first].event.fatalities ?? 0) + sum
            if drafts[first].event.fatalitiesQualifier == nil || drafts[first].event.fatalitiesQualifier == .exact {
                drafts[first].event.fatalitiesQualifier = killed.contains { $0.qualifier == .atLeast } ? .atLeast
                    : killed.contains { $0.qualifier == .about } ? .about : .exact
            }
            changed = true
        }
        if let refined = refinedPlace(t, of: drafts[last]) {
            // "Twelve guards died in Zed province. The post stood outside the hamlet of Mirva.": the next
            // sentence names the village of what was placed only by its governorate.
            for i in drafts.indices where drafts[i].sentenceIndex == drafts[last].sentenceIndex {
                drafts[i].event.location = refined.location
                drafts[i].event.latitude = refined.latitude
                drafts[i].event.longitude = refined.longitude
                drafts[i].event.geoPrecision = refined.precision
                drafts[i].event.admin1 = refined.admin1 ?? drafts[i].event.admin1
            }
            changed = true
        }
        if let suspect = suspectedPerpetrator(t)?.actor
            ?? attribution.claimant.flatMap({ $0.isArmed && t.tokens.contains { $0.folded == "responsibility" } ? $0 : nil }) {
            // "X claimed responsibility", "it bore the hallmarks of X": the perpetrator of an event
            // told without one.
            for i in drafts.indices where drafts[i].sentenceIndex == drafts[last].sentenceIndex && coder.isUnnamed(drafts[i].event.actor1) {
                drafts[i].event.actor1 = suspect.name
                changed = true
            }
        }
        if let other = attribution.claimant, isContrary(t, to: drafts[last]) {
            // "X claimed ... . Y said the attack was repelled / nobody was hurt": another source's
            // contrary account disputes what was just told; Y is not its source. A mere counter-claim
            // ("X claimed the strikes hit civilians only") is not an account that disputes.
            for i in drafts.indices where drafts[i].sentenceIndex == drafts[last].sentenceIndex
                && !(drafts[i].claimant.map { ClaimRules.sameSide($0, other) } ?? false) {
                drafts[i].event.claimStatus = .disputed
                changed = true
            }
        } else if let claimant = attribution.claimant, !t.triggers.contains(where: { isCountOfEvents(t, $0.tokenRange) }) {
            // (A source's tally of events — "jets flew 96 sorties that day" — is its own account, not the
            // source of the event told before it.)
            for i in drafts.indices where drafts[i].sentenceIndex == drafts[last].sentenceIndex {
                // A party's own outlet tells the event in its own voice; a later "a source said" takes
                // it over only when it brings the toll, not when it speaks of something else.
                if drafts[i].claimant == nil || (drafts[i].claimant == outletVoice && !counts.isEmpty) {
                    drafts[i].claimant = claimant
                    drafts[i].event.claimedBy = claimant.name
                    if drafts[i].event.claimStatus != .disputed {
                        drafts[i].event.claimStatus = ClaimRules.status(claimant: claimant, doubted: false, confirmed: false,
                                                                        victimSide: drafts[i].victimSide)
                    }
                    changed = true
                } else if t.hasCue(.confirm), !claimant.isParty, drafts[i].event.claimStatus == .claimed {
                    drafts[i].event.claimStatus = .confirmed
                    changed = true
                }
            }
        }
        if changed || doubted {
            for i in drafts.indices where drafts[i].sentenceIndex == drafts[last].sentenceIndex {
                drafts[i].event.evidence += " " + t.sentence.text
                drafts[i].event.evidenceRanges.append(t.sentence.rawRange)
            }
        }
    }

    /// Whether a sentence names a place (not a region) or a day other than the event's.
    static func news(in t: TaggedSentence, after e: Event) -> (place: Bool, day: Bool) {
        let place = t.places.contains { p in p.resolved.map { !samePlace($0, e) && !p.isRegion } ?? false }
        let day = t.dates.contains { $0.anchor != .background && $0.start != nil && $0.start != e.date }
        return (place, day)
    }

    /// A place named again: the same name as the event's, or the same point ("Sweida city" is the
    /// event's "Sweida", which the gazetteer spells Suwayda).
    static func samePlace(_ r: ResolvedPlace, _ e: Event) -> Bool {
        if r.location == e.location { return true }
        if let a = r.latitude, let b = r.longitude, let c = e.latitude, let d = e.longitude {
            return Geo.distanceKm(a, b, c, d) < 1
        }
        return false
    }

    /// "The garrison's commander said the assault had failed at once": another source's contrary account of
    /// the event just told (right after it, no new place or day) is not an event of its own.
    func isCounterAccount(_ t: TaggedSentence, attribution: Attribution) -> Bool {
        // (A report that the attack failed is the other side's telling of it even where it disputes nothing.)
        guard let other = attribution.claimant, !t.hasCue(.claim), t.hasCue(.contrary) || t.hasCue(.failedAttack),
              let last = drafts.last, !last.fromHeading, t.sentence.index - last.sentenceIndex == 1,
              !(last.claimant.map { ClaimRules.sameSide($0, other) } ?? false) else { return false }
        let news = Self.news(in: t, after: last.event)
        return !news.place && !news.day
    }

    /// "The operation ...", "This attack ...": a sentence whose subject is the event told before.
    static func opensWithTheEvent(_ t: TaggedSentence) -> Bool {
        ["the", "this", "these"].contains(t.word(0)) && eventNouns.contains(t.word(1))
    }

    static let eventNouns: Set<String> = ["operation", "incident", "attack", "raid", "strike", "assault", "ambush", "bombing",
                                          "attacks", "raids", "strikes", "assaults", "operations", "assassination", "explosion"]

    /// A contrary account of `draft` in the sentence: "nobody was hurt", "only one was wounded" against
    /// any account; "the attack was repelled" against a party's claim of what its attack achieved (a
    /// neutral report that fighting took place is not contradicted by its failing). A counter-claim
    /// ("X claimed ... only") is not an account that disputes.
    func isContrary(_ t: TaggedSentence, to draft: DraftEvent) -> Bool {
        guard !t.hasCue(.claim) else { return false }
        return t.hasCue(.contrary) || (t.hasCue(.failedAttack) && draft.event.claimStatus == .claimed)
    }

    /// The one town-level place a follow-up sentence names inside the governorate its event was
    /// placed in only by name of the governorate ("in Idlib", "in Daraa province").
    func refinedPlace(_ t: TaggedSentence, of draft: DraftEvent) -> ResolvedPlace? {
        let e = draft.event
        // Placed only by its governorate, or not at all ("in eastern Syria").
        let vague = e.location.map { location in
            e.geoPrecision == .region || e.admin1.map { NameFolder.words(of: location) == NameFolder.words(of: $0) } ?? true
        } ?? true
        guard vague, !t.dates.contains(where: { $0.anchor != .background && $0.start != nil && $0.start != e.date }) else { return nil }
        let admin1 = e.admin1
        let towns = t.places.filter { p in
            guard let r = p.resolved, !p.isRegion, r.precision != .region, admin1 == nil || r.admin1 == admin1,
                  NameFolder.words(of: r.location) != NameFolder.words(of: r.admin1 ?? "") else { return false }
            // Not where fire came from ("launched from positions around X").
            let s = p.tokenRange.lowerBound
            let from = (1...4).contains { PlaceChoice.originWords.contains(t.word(s - $0)) }
                || PlaceChoice.leadWords(p, in: t).contains(where: PlaceChoice.originWords.contains)
            return !from && !PlaceChoice.isReferencePoint(p, in: t)
        }
        guard towns.count == 1, var r = towns[0].resolved else { return nil }
        let written = PlaceChoice.bareName(towns[0].text)
        if !written.isEmpty, written != written.uppercased() { r.location = written }
        return r
    }

    /// The armed actor a suspicion cue names: "believed to be X", "the hallmarks of X", or the
    /// forces of a demonym ("believed to be Russian").
    func suspectedPerpetrator(_ t: TaggedSentence) -> (actor: Actor, range: Range<Int>)? {
        for cue in t.cues where cue.value == .suspect {
            let end = cue.tokenRange.upperBound
            if let named = t.actors.first(where: { !$0.isGeneric && $0.actor.isArmed
                && $0.tokenRange.lowerBound >= end && $0.tokenRange.lowerBound - end <= 3 }) {
                return (named.actor, named.tokenRange)
            }
            if end < t.tokens.count, t.tokens[end].isCapitalized,
               let forces = coder.lexicon.forces(ofDemonym: t.tokens[end].text), forces.isArmed {
                return (forces, end..<end + 1)
            }
        }
        return nil
    }

    /// Who denies is not who is doubted: "X denied", "a claim dismissed by X".
    static let denialVerbs: Set<String> = ["denied", "denies", "deny", "denying", "dismissed", "rejected", "contradicted"]

    /// Doubt about a named party's claims ("the numbers provided by X remain unconfirmed") reaches
    /// every event that party claimed so far and its claims in the next two sentences; doubt naming
    /// no party reaches the event just before.
    func doubt(_ t: TaggedSentence, claimant: Actor?) {
        let doubtCues = ClaimRules.doubtCues(t).filter { $0.tokenRange.contains { Self.denialVerbs.contains(t.word($0)) } }
        let deniers = t.actors.filter { m in
            doubtCues.contains { c in
                (m.tokenRange.upperBound <= c.tokenRange.lowerBound && c.tokenRange.lowerBound - m.tokenRange.upperBound <= 3)
                    || (m.tokenRange.lowerBound >= c.tokenRange.upperBound && m.tokenRange.lowerBound - c.tokenRange.upperBound <= 3
                        && (c.tokenRange.upperBound..<m.tokenRange.lowerBound).contains { t.word($0) == "by" })
            }
        }
        // When the sentence tells whose claim it doubts ("X claimed ..., a claim dismissed by Y"), that
        // claimant is the doubted party; the others named in it are only its subject matter.
        let named: Set<String> = claimant.map { [$0.name] }
            ?? Set(t.actors.filter { m in !deniers.contains { $0.tokenRange == m.tokenRange } }.map { resolve($0).name })
        var hit = false
        for i in drafts.indices where drafts[i].claimant.map({ named.contains($0.name) }) ?? false {
            drafts[i].event.claimStatus = .disputed
            hit = true
        }
        for name in named { doubtedParties[name] = t.sentence.index }
        if !hit, let last = drafts.indices.last, t.sentence.index - drafts[last].sentenceIndex <= 2 {
            drafts[last].event.claimStatus = .disputed
        }
    }

    /// Remembers who fights whom: "clashes between A and B", or two armed actors of different sides
    /// on either side of an event word.
    func recordDyad(_ t: TaggedSentence) {
        // "clashes between A and B"; the actor pairs of coded events are recorded as they are made.
        guard let b = (0..<t.tokens.count).first(where: { t.word($0) == "between" }) else { return }
        let armed = t.actors.filter { $0.tokenRange.lowerBound > b && !isPlaceUse(t, $0) }.map(resolve).filter(\.isArmed)
        guard let first = armed.first, let second = armed.first(where: { !ClaimRules.sameSide($0, first) }) else { return }
        lastDyad = (first, second)
    }

    /// "The death toll of the strike has risen to four": the toll of the event told before, replaced.
    func updatesToll(_ t: TaggedSentence) -> Bool {
        guard t.tokens.contains(where: { $0.folded == "toll" }) else { return false }
        let words = Set(t.tokens.map(\.folded))
        guard words.contains("toll"), !words.isDisjoint(with: ["risen", "rose", "rises", "climbed", "reached", "increased"]),
              !t.places.contains(where: { p in p.resolved.map { r in !drafts.contains { $0.event.location == r.location } } ?? false }),
              let count = t.tokens.indices.reversed().first(where: { t.tokens[$0].kind == .number && t.word($0 - 1) == "to" })
                .flatMap({ Int(t.tokens[$0].text.filter(\.isNumber)) })
                ?? t.casualties.compactMap(\.count).last,
              let last = drafts.indices.last(where: { !drafts[$0].fromHeading }) else { return false }
        if !words.contains("since") {
            drafts[last].event.fatalities = count
            drafts[last].event.evidence += " " + t.sentence.text
            drafts[last].event.evidenceRanges.append(t.sentence.rawRange)
        }
        return true
    }

    /// A sentence that tells more about the event just coded rather than a new one: its event word
    /// is a definite noun ("the attack", "this raid", "the previous one" aside) or a bare toll
    /// ("6 soldiers were killed"), and it names no new place and no new day.
    func isElaboration(_ t: TaggedSentence, chosen: PhraseMatch<Trigger>, live: [PhraseMatch<Trigger>],
                       participants: [(mention: ActorMention, actor: Actor)]) -> Bool {
        guard let last = drafts.last, !last.fromHeading else { return false }
        let s0 = chosen.tokenRange.lowerBound
        // "These clashes show...", "This attack became...": a demonstrative points back to an event told before.
        if ["this", "these", "those"].contains(t.word(s0 - 1)) || (["this", "these", "those"].contains(t.word(s0 - 2)) && t.tokens[s0 - 1].kind == .word) {
            if !t.dates.contains(where: { $0.anchor == .absolute }) { return true }
        }
        // "exploit the protests", "The protests were set off by ...": a definite event noun of a kind the
        // report has coded already, with no new place and no other precise day, refers back to it.
        if !t.word(s0).hasSuffix("ed"), ["the", "these", "those"].contains(t.word(s0 - 1)),
           let kind = SubTypeRules.typeClass(chosen.value.signal),
           let told = drafts.last(where: { !$0.fromHeading && $0.event.eventType == kind }) {
            let newPlace = Self.news(in: t, after: told.event).place
            let otherDay = t.dates.contains { $0.anchor != .background && $0.precision == .day && $0.start != nil && $0.start != told.event.date }
            if !newPlace, !otherDay { return true }
        }
        // "The operation involved helicopters", however far below the event it tells of.
        if Self.opensWithTheEvent(t) {
            let news = Self.news(in: t, after: last.event)
            if !news.place, !news.day { return true }
        }
        guard t.sentence.index - last.sentenceIndex <= 2 else { return false }
        // "The convoy headed towards A and B": a movement told before, now with its destinations.
        if last.event.subEventType == "Other", SubTypeRules.key(chosen.value.signal) == "Other",
           ["the", "this", "that"].contains(t.word(s0 - 1)), !t.dates.contains(where: { $0.anchor == .absolute }) {
            return true
        }
        let (newPlace, newDay) = Self.news(in: t, after: last.event)
        // "The operation lasted two hours", "A gunfight ensued": the event told before.
        if !newPlace, !newDay, Self.opensWithTheEvent(t) || t.tokens.contains(where: { Self.sequelWords.contains($0.folded) }) { return true }
        // "The protesters had gathered ...", "The clashes spread to ...": the same kind of event, referred back to.
        if !newDay, !t.word(s0).hasSuffix("ed"), ["the", "these", "those"].contains(t.word(s0 - 1)),
           let kind = SubTypeRules.typeClass(chosen.value.signal), kind == last.event.eventType {
            return true
        }
        // "the gunmen then shot at the bus", "fighters ambushed the patrol": the event word's
        // object is a definite noun the event just told already named; the same event, retold.
        if !newPlace, !newDay, let kind = SubTypeRules.typeClass(chosen.value.signal), kind == last.event.eventType,
           [.battles, .explosions, .violenceAgainstCivilians].contains(kind) {
            let told = Set(Tokenizer.tokenize(last.event.evidence).filter { $0.kind == .word && !$0.isCapitalized }.map(\.folded))
            let objectStart = chosen.tokenRange.upperBound
            for i in objectStart..<min(t.tokens.count, objectStart + 4) where t.word(i) == "the" {
                let noun = t.word(i + 1)
                if noun.count > 2, !t.tokens[min(i + 1, t.tokens.count - 1)].isCapitalized, told.contains(noun),
                   !t.nameTokens.contains(i + 1) {
                    return true
                }
            }
        }
        // "Air defences intercepted eight of the missiles": the strike just told, partly stopped.
        if !newPlace, !newDay, SubTypeRules.key(chosen.value.signal) == "Disrupted weapons use", last.event.eventType == .explosions {
            return true
        }
        // "20 of its vehicles entered the area": the deployment just told, moving; no place taken.
        if !newPlace, !newDay, last.event.subEventType == "Other", chosen.value.signal == .territory, !chosen.value.isStrong,
           participants.allSatisfy({ $0.actor.name == last.event.actor1 }) {
            return true
        }
        if newPlace || newDay { return false }
        let s = chosen.tokenRange.lowerBound
        let isVerbForm = t.word(s).hasSuffix("ed")
        let definite = !isVerbForm && (["the", "this", "that", "these", "those"].contains(t.word(s - 1))
            || (["the", "this", "that"].contains(t.word(s - 2)) && t.tokens.indices.contains(s - 1) && t.tokens[s - 1].kind == .word))
        // (Named civilians are the victims a toll counts, not a party of a new event.)
        let onlyToll = live.allSatisfy { SubTypeRules.key($0.value.signal) == "KILLING" || !$0.value.isStrong }
            && !participants.contains { !$0.mention.isGeneric && $0.actor.kind != "civilians" }
        return definite || onlyToll
    }

    func remember(_ t: TaggedSentence) {
        // Appended last-to-first, so that the first actor a sentence names (its subject, as a rule)
        // is the one "the group" refers back to.
        for m in t.actors.reversed() where !m.isGeneric && m.actor.isArmed {
            recentActors.removeAll { $0.name == m.actor.name }
            recentActors.append(m.actor)
        }
        var counted = Set<String>()
        for p in t.places {
            guard let r = p.resolved else { continue }
            if p.isRegion || r.precision == .region {
                lastRegion = r
            } else {
                // A place counts once a sentence ("Kobani (Ayn al-Arab)" is one mention); a headline's
                // place counts twice: it names what the report is about.
                let key = r.place?.id ?? r.location
                let weight = counted.insert(key).inserted ? (t.sentence.isHeading ? 2 : 1) : 0
                placeCounts[key] = (r, (placeCounts[key]?.count ?? 0) + weight, placeCounts[key]?.firstSeen ?? placeCounts.count)
                let isDateline = t.sentence.index <= 2 && p.tokenRange.lowerBound == 0
                    && t.tokens[p.tokenRange].allSatisfy { $0.text == $0.text.uppercased() }
                if isDateline { datelinePlace = r }
            }
            if let a = r.admin1 {
                admin1Hints.removeAll { $0 == a }
                admin1Hints.insert(a, at: 0)
            }
            if let place = r.place, !documentPlaces.contains(place) { documentPlaces.append(place) }
        }
        // Most named, earliest first among equals (deterministic whatever the dictionary's order).
        focusPlace = datelinePlace ?? placeCounts.values.filter { $0.count >= 2 }
            .min { ($1.count, $0.firstSeen) < ($0.count, $1.firstSeen) }?.place
        if admin1Hints.count > 4 { admin1Hints.removeLast(admin1Hints.count - 4) }
    }

    /// The side the clause's dead belong to: a named actor among them, else the speaker's own side when
    /// it honours fighters or soldiers as martyrs ("a soldier was martyred" in a ministry's voice).
    func victimSide(_ roles: ActorRoles, killed: [CasualtyMention], in t: TaggedSentence, claimant: Actor?) -> Actor? {
        // The honour says whose dead they are, whatever the words naming them resolve to.
        if let claimant, claimant.isParty, killed.contains(where: { k in
            t.hasCue(.ownLoss, in: k.tokenRange)
                && (k.victimTokens.map { r in r.contains { coder.roles.victimNouns[t.word($0)] == .armed } } ?? false)
        }) {
            return claimant
        }
        return roles.victimSide
    }

    /// A party's source of no declared side ("a military source") speaks for the side of the party's
    /// media citing it in the sentence ("state media said, citing a military source"), else for the
    /// side of the outlet when the outlet is a party's media.
    func sided(_ claimant: Actor, in t: TaggedSentence) -> Actor {
        guard claimant.isParty, claimant.side == nil else { return claimant }
        let citing = t.actors.lazy.map(\.actor).first { $0.isSourceOnly && $0.isParty && $0.side != nil && $0.id != claimant.id }
        guard let side = citing?.side ?? outletVoice?.side else { return claimant }
        return claimant.speaking(for: side)
    }
}

extension Actor {
    /// The same actor, speaking for `side`.
    func speaking(for side: String) -> Actor {
        Actor(id: id, name: name, kind: kind, country: country, affiliation: affiliation, sponsor: sponsor, side: side,
              isParty: isParty, validFrom: validFrom, validTo: validTo, successor: successor)
    }
}
