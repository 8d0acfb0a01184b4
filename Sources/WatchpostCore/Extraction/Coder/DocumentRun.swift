/// An event of the document being coded, with what later sentences may still change.
struct DraftEvent {
    var event: Event
    var sentenceIndex: Int
    var block: Int
    var fromHeading: Bool
    /// The place was named in the event's own sentence (not carried from an earlier one).
    var placeNamed: Bool = true
    var claimant: Actor?
    var victimSide: Actor?
}

/// The state carried through one document, sentence by sentence: the date in force, the actors
/// named so far (for "the group", "the army"), the places and governorates around, the last claimant.
struct DocumentRun {
    let document: Document
    let coder: EventCoder
    /// The outlet itself as a party's media (state media, a group's agency), which makes its own
    /// voice a claim (ANNOTATION.md, "The outlet's own voice").
    let outletVoice: Actor?

    var currentDate: (mention: DateMention, block: Int)?
    var recentActors: [Actor] = []
    var admin1Hints: [String] = []
    var documentPlaces: [Place] = []
    var lastPlace: (place: ResolvedPlace, block: Int)?
    var lastClaimant: (actor: Actor, sentence: Int)?
    var drafts: [DraftEvent] = []
    var outletVoiceClaimant: Actor? { outletVoice }
    /// The last pair of armed actors seen fighting each other: names the unnamed side of the next clash.
    var lastDyad: (Actor, Actor)?
    /// The most recent region phrase ("southeastern Idlib"), for events whose sentence names no place.
    var lastRegion: ResolvedPlace?
    /// Parties whose claims a recent sentence doubted, with that sentence's index.
    var doubtedParties: [String: Int] = [:]
    /// The document's place: its dateline ("RAQQA –"), else the place it names most often.
    var focusPlace: ResolvedPlace?
    var placeCounts: [String: (place: ResolvedPlace, count: Int, firstSeen: Int)] = [:]
    var datelinePlace: ResolvedPlace?
    /// Named armed actors of the sentence being read, for "X attacked Y, the group said".
    var sentenceActors: [ActorMention] = []
    var findings: [Finding] = []

    init(prepared: PreparedDocument, coder: EventCoder) {
        self.document = prepared.document
        self.coder = coder
        if let outlet = document.outlet, let actor = coder.lexicon.actor(named: outlet) {
            outletVoice = actor.isParty ? actor : nil
        } else if let outlet = document.outlet, let sideName = coder.voice.side(of: prepared.sentences),
                  let side = coder.lexicon.actor(named: sideName) {
            // An outlet the lexicon does not know, writing in a party's vocabulary: that party's media.
            outletVoice = Actor(id: "outlet:\(outlet)", name: outlet, kind: "party_media", country: side.country,
                                side: side.side ?? side.id, isParty: true)
        } else {
            outletVoice = nil
        }
    }

    mutating func read(_ sentence: Sentence) {
        let geo = GeoContext(admin1Hints: admin1Hints, documentPlaces: documentPlaces)
        let t = coder.tagger.tag(sentence, published: document.published, currentDate: currentDate?.mention.start, geo: geo)
        sentenceActors = t.actors.filter { !$0.isGeneric && $0.actor.isArmed }
        let dated = t.dates.first { $0.anchor != .background && $0.start != nil }
        if let dated { currentDate = (dated, sentence.block) }
        defer { remember(t) }

        var attribution = ClaimRules.attribution(t, resolve: resolveClaimant)
        if attribution.claimant == nil, t.hasCue(.say), let last = lastClaimant, sentence.index - last.sentence <= 2 {
            attribution.claimant = last.actor  // "the statement added", "it said"
        }
        if let c = attribution.claimant { lastClaimant = (c, sentence.index) }
        if ClaimRules.doubts(t) { doubt(t, claimant: attribution.claimant) }
        recordDyad(t)

        let clauses = t.clauses()
        for (n, clause) in clauses.enumerated() {
            var clauseAttribution = attribution
            if let m = attribution.mention {
                // The claimant's mention, re-based to the clause it stands in (if it does).
                clauseAttribution.mention = clause.actors.first { $0.text == m.text && $0.actor == m.actor }
            }
            let clauseDated = clause.dates.first { $0.anchor != .background && $0.start != nil } ?? dated
            code(clause, sentence: sentence, attribution: clauseAttribution, dated: clauseDated, mayFollowUp: n == 0)
        }
    }

    /// Codes the event of one clause, or passes the clause on as a follow-up of the event before.
    mutating func code(_ tagged: TaggedSentence, sentence: Sentence, attribution: Attribution, dated: DateMention?, mayFollowUp: Bool) {
        var attribution = attribution
        let t = withObjectsOfCapture(tagged)
        let names = t.nameTokensForEvents
        let live = t.triggers.filter { trig in
            !isQuotedWord(t, trig.tokenRange) && !isInSeries(t, trig.tokenRange)
                && !trig.tokenRange.contains(where: names.contains) && !isIrrealis(t, trig.tokenRange) && !isAdjunct(t, trig.tokenRange)
                // "captured 5 soldiers", "weapons were seized": people or arms, not a place, changed hands.
                && !(trig.value.signal == .territory && (t.places.isEmpty
                    || t.casualties.contains { $0.outcome == .captured && $0.tokenRange.overlaps(trig.tokenRange) }))
        }
        if updatesToll(t) { return }
        let explicitDay = t.dates.contains { $0.anchor != .background && $0.start != nil }
        let ongoing = t.hasCue(.background) && !explicitDay
        guard !ongoing, !isRetrospective(t), let chosen = SubTypeRules.choose(live.filter { !isCountOfEvents(t, $0.tokenRange) }) else {
            if mayFollowUp { followUp(t, attribution: attribution) }
            return
        }

        var participants: [(mention: ActorMention, actor: Actor)] = t.actors.compactMap { m in
            if let a = attribution.mention, a.tokenRange == m.tokenRange { return nil }
            if isPlaceUse(t, m) { return nil }
            let actor = resolve(m)
            return actor.isSourceOnly ? nil : (m, actor)
        }
        // "gunmen believed to belong to X", "warplanes believed to be Russian", "fighters of X": the
        // named actor stands for the unnamed or class-level one.
        for (n, p) in participants.enumerated() where p.mention.isGeneric || p.actor.name.contains("(") {
            let after = p.mention.tokenRange.upperBound
            if t.word(after) == "of", let named = t.actors.first(where: { !$0.isGeneric && $0.actor.isArmed
                && $0.tokenRange.lowerBound > after && $0.tokenRange.lowerBound - after <= 2 }) {
                participants[n] = (p.mention, named.actor)
                continue
            }
            let window = after..<min(t.tokens.count, after + 4)
            guard let cue = window.first(where: { ["believed", "suspected", "thought"].contains(t.word($0)) }) else { continue }
            if let named = t.actors.first(where: { !$0.isGeneric && $0.actor.isArmed
                && $0.tokenRange.lowerBound > cue && $0.tokenRange.lowerBound - cue <= 6 }) {
                participants[n] = (p.mention, named.actor)
            } else if let word = (cue + 1..<min(t.tokens.count, cue + 5)).first(where: { t.tokens[$0].isCapitalized }),
                      let named = coder.lexicon.actor(named: "\(t.tokens[word].text) forces"), named.isArmed {
                // "believed to be Russian": the demonym's forces.
                participants[n] = (p.mention, named)
            }
        }
        if participants.isEmpty, let pronoun = subjectPronoun(t, before: chosen.tokenRange.lowerBound),
           let referent = recentActors.last {
            // "they also captured ...": the last armed actor named.
            participants = [(ActorMention(tokenRange: pronoun..<pronoun + 1, actor: referent, text: t.tokens[pronoun].text,
                                          isGeneric: true, role: .actor), referent)]
        }
        let killed = t.casualties.filter { $0.outcome == .killed }
        if !chosen.value.isStrong && participants.isEmpty && killed.isEmpty {
            if mayFollowUp { followUp(t, attribution: attribution) }
            return
        }
        if isElaboration(t, chosen: chosen, live: live, participants: participants) {
            if mayFollowUp { followUp(t, attribution: attribution) }
            return
        }

        var roles = coder.roles.assign(t, trigger: chosen.tokenRange, otherTriggers: live.map(\.tokenRange),
                                       participants: participants,
                                       claimant: attribution.claimant, civilians: coder.lexicon.actor(named: "civilians"))
        let actor1IsGovernment = roles.actor1.map { ["state_force", "police", "government"].contains($0.kind) } ?? false
        let victimsAreArmed = roles.actor2?.isArmed == true || t.casualties.contains { c in
            c.victimTokens.map { r in r.contains { coder.roles.victimNouns[t.word($0)] == .armed } } ?? false
        } || !chosen.value.isStrong
        let (type, subType) = SubTypeRules.settle(chosen.value.signal, all: live, actor1IsGovernment: actor1IsGovernment,
                                                  victimsAreCivilians: roles.victimsAreCivilians, victimsAreArmed: victimsAreArmed,
                                                  hasKilling: !killed.isEmpty)
        if roles.actor1 == nil, let claimant = attribution.claimant ?? outletVoiceClaimant, claimant.isParty,
           let side = claimant.isArmed ? claimant : claimant.side.flatMap({ coder.lexicon.actor(id: $0) }), side.isArmed,
           [.battles, .explosions, .violenceAgainstCivilians, .strategicDevelopments].contains(type),
           side.name != roles.actor2?.name {
            // A party's agency or ministry speaking of an unnamed perpetrator speaks of its own side's
            // action ("a suicide bomber drove ..., according to Amaq").
            roles.actor1 = side
        }
        var inheritedClaimant: Actor? = nil
        if roles.actor1 == nil, let previous = drafts.last, !previous.fromHeading,
           sentence.index - previous.sentenceIndex <= 1, sentence.block == previous.block, previous.event.eventType == type,
           previous.event.subEventType == subType,
           !t.places.contains(where: { $0.resolved != nil && !$0.isRegion })
            || t.tokens.contains(where: { ["also", "again", "continued", "ongoing", "previous"].contains($0.folded) })
            || !participants.contains(where: { $0.actor.isArmed && $0.actor.name != roles.actor2?.name }),
           let name = previous.event.actor1, let actor = coder.lexicon.actor(named: name) {
            inheritedClaimant = previous.claimant
            // A clause that names no perpetrator continues the one before it ("Heavy fighting also went
            // on at Y."): same perpetrator.
            roles.actor1 = actor
            if roles.actor2 == nil, let name2 = previous.event.actor2 { roles.actor2 = coder.lexicon.actor(named: name2) }
        }
        if roles.actor1 == nil, let (a, b) = lastDyad, let target = roles.actor2,
           [.battles, .explosions].contains(type) {
            // "an ambush on a patrol of the army": the army's enemy in this document. Bombs and mines
            // are planted by non-state groups; an air force's enemy is not their author.
            let other = target.name == a.name ? b : target.name == b.name ? a : nil
            if let other, type == .battles || !["state_force", "foreign_state_force"].contains(other.kind) {
                roles.actor1 = other
            }
        }
        if roles.actor1 == nil, [.battles, .explosions, .violenceAgainstCivilians].contains(type) {
            roles.actor1 = coder.lexicon.actor(named: "unidentified armed group")
        }

        // "X denied any link to the bombing": the blamed side denies, so the perpetrator is unknown and
        // the event disputed (ANNOTATION.md, suspected perpetrators).
        var deniedBlame = false
        for i in t.tokens.indices where ["denied", "denies", "deny", "denying"].contains(t.word(i))
            && ["any", "involvement", "responsibility", "link", "links", "role"].contains(t.word(i + 1)) {
            let denier = t.actors.last { $0.tokenRange.upperBound <= i && i - $0.tokenRange.upperBound <= 3 }
            if let denier, resolve(denier).name == roles.actor1?.name || roles.actor1 == nil || roles.actor1?.kind == "unidentified" {
                roles.actor1 = coder.lexicon.actor(named: "unidentified armed group")
                if roles.actor2?.name == resolve(denier).name { roles.actor2 = nil }
                deniedBlame = true
            }
        }
        // Protests and riots are coded with the crowd as actor1 and any force used on it as actor2.
        if type == .protests || type == .riots {
            let crowd = coder.lexicon.actor(named: type == .protests ? "protesters" : "rioters")
            let force = [roles.actor1, roles.actor2].compactMap { $0 }.first { $0.isArmed }
            if subType == "Excessive force against protesters", let force {
                // Lethal force on a crowd is coded with the force acting on the protesters.
                roles.actor1 = force
                roles.actor2 = crowd
            } else {
                roles.actor1 = crowd
                roles.actor2 = subType == "Peaceful protest" ? nil : force
            }
            roles.assoc1 = []
            roles.assoc2 = []
        }

        // Fatalities: people killed in this clause, summed; "at least"/"about" carried over.
        let counts = killed.compactMap(\.count)
        let fatalities = counts.isEmpty ? nil : counts.reduce(0, +)
        let qualifier: FatalityQualifier? = fatalities == nil ? nil
            : killed.contains { $0.qualifier == .atLeast } ? .atLeast
            : killed.contains { $0.qualifier == .about } ? .about : .exact

        var claimant = attribution.claimant ?? inheritedClaimant
        if claimant == nil, let outletVoice { claimant = outletVoice }
        let forwardDoubt = claimant.flatMap { doubtedParties[$0.name] }.map { sentence.index - $0 <= 2 } ?? false
        var status = ClaimRules.status(claimant: claimant, doubted: ClaimRules.doubts(t) || forwardDoubt || deniedBlame, confirmed: false,
                                       victimSide: (fatalities ?? 0) > 0 ? roles.victimSide : nil)

        if let published = document.published, let d = dated?.start, published - d > 60 {
            // Months before the report: history told as background ("The revolution began in March 2011").
            if mayFollowUp { followUp(t, attribution: attribution) }
            return
        }
        // Date: the clause's own, else the one in force from earlier sentences, else the publication
        // day with week precision.
        var date: Day? = nil, dateEnd: Day? = nil, precision = TimePrecision.month
        if let d = dated ?? currentDate?.mention {
            date = d.start
            dateEnd = d.end
            precision = d.precision
        } else if let published = document.published {
            date = published
            precision = .week
        }

        let chosenPlaces = PlaceChoice.choose(t, trigger: chosen.tokenRange)
        let groupAdmin1 = chosenPlaces.compactMap { $0.resolved?.admin1 }.first
        var places: [ResolvedPlace?] = chosenPlaces.map { mention in
            if var r = mention.resolved {
                // The report's own spelling names the place (the gazetteer gives its point and governorate):
                // it is what an analyst searches the text for, and other spellings are its variants.
                let written = PlaceChoice.bareName(mention.text)
                if !mention.isRegion, r.precision != .region, !written.isEmpty, written != written.uppercased() {
                    r.location = written
                }
                return r
            }
            // Not in the gazetteer: the name as written, in the governorate of its list or of the text.
            findings.append(Finding(.unknownPlace, document: document.id, message: "place not in the gazetteer: \(mention.text)"))
            return ResolvedPlace(location: PlaceChoice.bareName(mention.text), admin1: groupAdmin1 ?? admin1Hints.first, latitude: nil, longitude: nil,
                                 precision: .town, place: nil, score: 0.2, reason: "not in the gazetteer; kept as written")
        }
        let placeNamed = !places.isEmpty
        if places.isEmpty {
            if let last = lastPlace, sentence.block == last.block {
                places = [last.place]
            } else if let focus = focusPlace {
                places = [focus]
            } else if let region = lastRegion ?? lastPlace?.place {
                places = [region]
            } else {
                places = [nil]
            }
        }
        if let a = roles.actor1, let b = roles.actor2, a.isArmed, b.isArmed, !ClaimRules.sameSide(a, b) { lastDyad = (a, b) }
        if claimant == nil, let previous = drafts.last, previous.block == sentence.block,
           sentence.index - previous.sentenceIndex <= 1, previous.event.actor1 == roles.actor1?.name, let c = previous.claimant {
            // One source's paragraph: the next telling by the same perpetrator rests on the same claim.
            claimant = c
            status = ClaimRules.status(claimant: c, doubted: ClaimRules.doubts(t), confirmed: false,
                                       victimSide: (fatalities ?? 0) > 0 ? roles.victimSide : nil)
        }
        for (n, place) in places.enumerated() {
            let event = Event(
                doc: document.id, id: "", date: date, dateEnd: dateEnd, timePrecision: precision,
                eventType: type, subEventType: subType,
                actor1: roles.actor1?.name, assocActor1: roles.assoc1.map(\.name),
                actor2: roles.actor2?.name, assocActor2: roles.assoc2.map(\.name),
                location: place?.location, admin1: place?.admin1 ?? admin1Hints.first,
                latitude: place?.latitude, longitude: place?.longitude, geoPrecision: place?.precision ?? .region,
                fatalities: n == 0 ? fatalities : nil, fatalitiesQualifier: n == 0 ? qualifier : nil,
                claimedBy: claimant?.name, claimStatus: status,
                evidence: sentence.text, evidenceRanges: [sentence.rawRange], outlet: document.outlet)
            drafts.append(DraftEvent(event: event, sentenceIndex: sentence.index, block: sentence.block,
                                     fromHeading: sentence.isHeading, placeNamed: placeNamed, claimant: claimant,
                                     victimSide: roles.victimSide))
        }
        if let first = places.first, let first { lastPlace = (first, sentence.block) }
    }

    /// A sentence with no event word of its own: it may add to the event just before it (its toll,
    /// its source, a doubt or a confirmation), or doubt a party's earlier claims.
    mutating func followUp(_ t: TaggedSentence, attribution: Attribution) {
        let doubted = ClaimRules.doubts(t)
        guard let last = drafts.indices.last, !drafts[last].fromHeading,
              t.sentence.index - drafts[last].sentenceIndex == 1, t.sentence.block - drafts[last].block <= 1
        else { return }
        // A running total ("600 killed since April", "the toll rose to 18") is not this event's toll.
        let cumulative = t.tokens.contains { ["since", "total", "toll", "brings", "bringing"].contains($0.folded) }
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
        if let claimant = attribution.claimant {
            for i in drafts.indices where drafts[i].sentenceIndex == drafts[last].sentenceIndex {
                if drafts[i].claimant == nil || drafts[i].claimant == outletVoice {
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

    /// Doubt about a named party's claims ("the numbers provided by X remain unconfirmed") reaches
    /// every event that party claimed so far and its claims in the next two sentences; doubt naming
    /// no party reaches the event just before.
    mutating func doubt(_ t: TaggedSentence, claimant: Actor?) {
        // Who denies is not who is doubted: "X denied", "a claim dismissed by X".
        let denialVerbs: Set<String> = ["denied", "denies", "deny", "denying", "dismissed", "rejected", "contradicted"]
        let doubtCues = t.cues.filter { $0.value == .doubt && $0.tokenRange.contains { denialVerbs.contains(t.word($0)) } }
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
    mutating func recordDyad(_ t: TaggedSentence) {
        // "clashes between A and B"; the actor pairs of coded events are recorded as they are made.
        guard let b = (0..<t.tokens.count).first(where: { t.word($0) == "between" }) else { return }
        let armed = t.actors.filter { $0.tokenRange.lowerBound > b && !isPlaceUse(t, $0) }.map(resolve).filter(\.isArmed)
        guard let first = armed.first, let second = armed.first(where: { !ClaimRules.sameSide($0, first) }) else { return }
        lastDyad = (first, second)
    }

    /// "The death toll of the strike has risen to four": the toll of the event told before, replaced.
    mutating func updatesToll(_ t: TaggedSentence) -> Bool {
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

    /// An event word quoted as a word ("use the word \"neutralised\""), not as a report.
    func isQuotedWord(_ t: TaggedSentence, _ range: Range<Int>) -> Bool {
        t.word(range.lowerBound - 1) == "\"" && t.word(range.upperBound) == "\""
    }

    /// "the latest in a series of attacks", "a wave of arrests": a tally of events, not one.
    func isInSeries(_ t: TaggedSentence, _ range: Range<Int>) -> Bool {
        (1...4).contains { ["series", "wave", "string", "spate"].contains(t.word(range.lowerBound - $0)) }
    }

    /// "recapturing Ejaz", "seized Kafr Zita": a capitalized name right after a capture verb is the
    /// place taken, even when neither the gazetteer nor a lead-in says so.
    func withObjectsOfCapture(_ t: TaggedSentence) -> TaggedSentence {
        var t = t
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
        guard t.sentence.index - last.sentenceIndex <= 2 else { return false }
        // "The convoy headed towards A and B": a movement told before, now with its destinations.
        if last.event.subEventType == "Other", SubTypeRules.key(chosen.value.signal) == "Other",
           ["the", "this", "that"].contains(t.word(s0 - 1)), !t.dates.contains(where: { $0.anchor == .absolute }) {
            return true
        }
        let newPlace = t.places.contains { p in
            guard let r = p.resolved, !p.isRegion else { return false }
            return r.location != last.event.location
        }
        let newDay = t.dates.contains { d in d.anchor != .background && d.start != nil && d.start != last.event.date }
        // "The operation was carried out with ...", "An exchange of fire followed": the event told before.
        let opener = ["the", "this"].contains(t.word(0)) && ["operation", "incident", "attack", "raid", "strike", "assault", "ambush", "bombing"].contains(t.word(1))
        if !newPlace, !newDay, opener || t.tokens.contains(where: { ["followed", "ensued"].contains($0.folded) }) { return true }
        // "The protesters had gathered ...", "The clashes spread to ...": the same kind of event, referred back to.
        if !newDay, !t.word(s0).hasSuffix("ed"), ["the", "these", "those"].contains(t.word(s0 - 1)),
           let kind = SubTypeRules.typeClass(chosen.value.signal), kind == last.event.eventType {
            return true
        }
        if newPlace || newDay { return false }
        let s = chosen.tokenRange.lowerBound
        let isVerbForm = t.word(s).hasSuffix("ed")
        let definite = !isVerbForm && (["the", "this", "that", "these", "those"].contains(t.word(s - 1))
            || (["the", "this", "that"].contains(t.word(s - 2)) && t.tokens.indices.contains(s - 1) && t.tokens[s - 1].kind == .word))
        let onlyToll = live.allSatisfy { SubTypeRules.key($0.value.signal) == "KILLING" || !$0.value.isStrong }
            && !participants.contains { !$0.mention.isGeneric }
        return definite || onlyToll
    }

    /// An event word inside a prepositional adjunct that only refers to an event told elsewhere:
    /// "despite the truce", "after a four-day battle", "amid clashes", "under the agreement".
    func isAdjunct(_ t: TaggedSentence, _ range: Range<Int>) -> Bool {
        let adjunctPrepositions: Set<String> = ["despite", "under", "before", "after", "amid", "amidst", "following",
                                                "during", "since", "violating", "violation", "ahead", "against",
                                                "condemn", "condemning", "denounce", "denouncing"]
        // "the 2011 protests": an event of another year named as background.
        if range.lowerBound > 0, t.tokens[range.lowerBound - 1].kind == .number, t.tokens[range.lowerBound - 1].text.count == 4,
           let year = Int(t.tokens[range.lowerBound - 1].text), (1900...2100).contains(year) { return true }
        // Walk back over a plain noun phrase ("an intense round of"); a name, a verb form or a
        // punctuation mark ends it ("after HTS attacked" is a clause, not an adjunct).
        // "By deploying reinforcements, Turkey is sending a signal": a means, not a report of the act.
        if t.word(range.lowerBound - 1) == "by", t.word(range.lowerBound).hasSuffix("ing") { return true }
        let names = t.nameTokens
        var i = range.lowerBound - 1
        var steps = 0
        while i >= 0, steps < 6 {
            let w = t.word(i)
            if adjunctPrepositions.contains(w) { return true }
            if names.contains(i) || t.tokens[i].kind == .punctuation && w != "-" || w.hasSuffix("ed") { return false }
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
              !["the", "a", "an", "of", "and", "in", "on", "at", "by", "with"].contains(t.word(i)) { i -= 1 }
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
    func isPlaceUse(_ t: TaggedSentence, _ m: ActorMention) -> Bool {
        guard m.tokenRange.count == 1 else { return false }
        let before = t.word(m.tokenRange.lowerBound - 1)
        let locatives: Set<String> = ["in", "across", "into", "inside", "throughout", "to", "from", "within", "of"]
        return locatives.contains(before) || before.hasSuffix("ern")  // "northern", "northeastern"
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
        let negators: Set<String> = ["no", "not", "neither", "nor", "never", "without"]
        let denials: Set<String> = ["denied", "denies", "deny", "denying"]
        // "denied that Saraqib had fallen" negates what follows; "denied any link to the bombing" does not.
        for i in max(0, range.lowerBound - 8)..<range.lowerBound
        where negators.contains(t.word(i)) || (denials.contains(t.word(i)) && t.word(i + 1) == "that") {
            if t.cues.contains(where: { $0.value == .routine && $0.tokenRange.contains(i) }) { continue }
            if !boundary(i, range.lowerBound) { return true }
        }
        return false
    }

    /// The claimant a mention stands for: a generic one ("X attacked Y, the group said") refers to the
    /// nearest compatible actor named before it in the same sentence, else as `resolve`.
    func resolveClaimant(_ m: ActorMention) -> Actor {
        if m.isGeneric, !m.compatibleKinds.isEmpty,
           let hit = sentenceActors.last(where: { $0.tokenRange.upperBound <= m.tokenRange.lowerBound
               && m.compatibleKinds.contains($0.actor.kind) }) {
            return hit.actor
        }
        return resolve(m)
    }

    /// The actor a mention stands for: itself, or for "the group"/"the army" the last named actor of
    /// a compatible kind.
    func resolve(_ m: ActorMention) -> Actor {
        guard m.isGeneric else { return m.actor }
        // A bare plural with a class of its own ("Rebels fired...", "protesters") names that class;
        // a determiner ("the group", "these factions") or an unnamed class ("militants") refers back.
        let determined = ["the", "this", "that", "these", "those", "its", "their"].contains(m.text.lowercased().split(separator: " ").first.map(String.init) ?? "")
        if !determined, m.actor.kind != "unidentified" { return m.actor }
        if !m.compatibleKinds.isEmpty {
            if let hit = recentActors.last(where: { m.compatibleKinds.contains($0.kind) }) { return hit }
            return m.actor
        }
        let family = DocumentRun.family(m.actor.kind)
        if let hit = recentActors.last(where: { DocumentRun.family($0.kind) == family || family == "any" }) {
            return hit
        }
        return m.actor
    }

    static func family(_ kind: String) -> String {
        switch kind {
        case "state_force", "police": return "state"
        case "rebel", "jihadist", "militia", "tribal", "kurdish_force": return "nonstate"
        case "foreign_state_force": return "foreign"
        case "unidentified": return "any"
        default: return kind
        }
    }

    mutating func remember(_ t: TaggedSentence) {
        // Appended last-to-first, so that the first actor a sentence names (its subject, as a rule)
        // is the one "the group" refers back to.
        for m in t.actors.reversed() where !m.isGeneric && m.actor.isArmed {
            recentActors.removeAll { $0.name == m.actor.name }
            recentActors.append(m.actor)
        }
        for p in t.places {
            guard let r = p.resolved else { continue }
            if p.isRegion || r.precision == .region {
                lastRegion = r
            } else {
                let key = r.place?.id ?? r.location
                placeCounts[key] = (r, (placeCounts[key]?.count ?? 0) + 1, placeCounts[key]?.firstSeen ?? placeCounts.count)
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

    /// The same happening told twice in neighbouring sentences, once by region ("in southern Idlib")
    /// and once by place ("in the village of X"), is one event: the placed one stays.
    mutating func collapseRegionDuplicates() {
        var drop = Set<Int>()
        let unknownName = coder.lexicon.actor(named: "unidentified armed group")?.name
        let unnamed: (String?) -> Bool = { $0 == nil || $0 == unknownName }
        for i in drafts.indices where drafts[i].event.geoPrecision == .region && drafts[i].placeNamed {
            let d = drafts[i]
            guard let j = drafts.indices.first(where: { j in
                let e = drafts[j]
                return j != i && !drop.contains(j) && e.event.geoPrecision != .region && abs(e.sentenceIndex - d.sentenceIndex) <= 2
                    && e.event.eventType == d.event.eventType && e.event.date == d.event.date
                    && e.event.admin1 == d.event.admin1
                    && (e.event.actor1 == d.event.actor1 || unnamed(e.event.actor1) || unnamed(d.event.actor1))
                    && e.sentenceIndex != d.sentenceIndex
            }) else { continue }
            if drafts[j].event.fatalities == nil, let f = d.event.fatalities {
                drafts[j].event.fatalities = f
                drafts[j].event.fatalitiesQualifier = d.event.fatalitiesQualifier
            }
            if d.event.claimStatus == .disputed { drafts[j].event.claimStatus = .disputed }
            drop.insert(i)
        }
        drafts = drafts.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }

    /// ACLED's unit: one place, one day, one actor pair. Two tellings of the same type at the same place
    /// on the same day by the same (or an unnamed) perpetrator are one event: the first stays, with the
    /// larger toll and the later sentences' doubt.
    mutating func collapseRestatements() {
        var drop = Set<Int>()
        let unknownName = coder.lexicon.actor(named: "unidentified armed group")?.name
        let unnamed: (String?) -> Bool = { $0 == nil || $0 == unknownName }
        for j in drafts.indices {
            let e = drafts[j].event
            guard let i = drafts.indices.first(where: { i in
                let d = drafts[i].event
                return i < j && !drop.contains(i) && drafts[i].sentenceIndex != drafts[j].sentenceIndex
                    && d.eventType == e.eventType && d.date == e.date
                    && d.location != nil && d.location == e.location
                    && (d.actor1 == e.actor1 || unnamed(d.actor1) || unnamed(e.actor1))
            }) else { continue }
            if unnamed(drafts[i].event.actor1), !unnamed(e.actor1) { drafts[i].event.actor1 = e.actor1 }
            if let f = e.fatalities, f > (drafts[i].event.fatalities ?? -1) {
                drafts[i].event.fatalities = f
                drafts[i].event.fatalitiesQualifier = e.fatalitiesQualifier
            }
            if e.claimStatus == .disputed { drafts[i].event.claimStatus = .disputed }
            drop.insert(j)
        }
        drafts = drafts.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }

    /// Headline events that the body reports again are dropped; ids are given in order.
    mutating func finish() -> (events: [Event], findings: [Finding]) {
        // A headline announces what the body tells: its events stand only when the body codes none.
        if drafts.contains(where: { !$0.fromHeading }) { drafts.removeAll { $0.fromHeading } }
        collapseRegionDuplicates()
        collapseRestatements()
        let kept = drafts
        var events: [Event] = []
        for (n, d) in kept.enumerated() {
            var e = d.event
            e.id = "\(document.id)-\(n + 1)"
            events.append(e)
            if e.location == nil {
                findings.append(Finding(.unknownPlace, document: document.id, message: "event \(e.id) has no place: \(e.evidence.prefix(80))"))
            }
        }
        return (events, findings)
    }
}
