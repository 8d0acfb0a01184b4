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
final class DocumentRun {
    // Word lists asked of every token are static: a literal array in the test was built (and freed) per token.
    static let continuationWords = ["also", "again", "continued", "ongoing", "previous"]
    static let blameDenials = ["denied", "denies", "deny", "denying"]
    static let blameWords = ["any", "involvement", "responsibility", "link", "links", "role"]

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
    /// The tokens of each sentence by its index in the document, made once: the outlet's voice and
    /// the taggers both read them.
    let sentenceTokens: [[Token]]

    init(prepared: PreparedDocument, coder: EventCoder) {
        self.document = prepared.document
        self.coder = coder
        sentenceTokens = prepared.sentences.map { Tokenizer.tokenize($0.text) }
        if let outlet = document.outlet, let actor = coder.lexicon.actor(named: outlet) {
            outletVoice = actor.isParty ? actor : nil
        } else if let outlet = document.outlet, let sideName = coder.voice.side(of: sentenceTokens),
                  let side = coder.lexicon.actor(named: sideName) {
            // An outlet the lexicon does not know, writing in a party's vocabulary: that party's media.
            outletVoice = Actor(id: "outlet:\(outlet)", name: outlet, kind: "party_media", country: side.country,
                                side: side.side ?? side.id, isParty: true)
        } else {
            outletVoice = nil
        }
    }

    /// Reads the document's sentence number `position` (its place in `PreparedDocument.sentences`).
    func read(_ sentence: Sentence, position: Int) {
        let t = tag(sentence, position: position)
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

    /// The sentence's tags with the date and places in force.
    func tag(_ sentence: Sentence, position: Int) -> TaggedSentence {
        let geo = GeoContext(admin1Hints: admin1Hints, documentPlaces: documentPlaces)
        return coder.tagger.tag(sentence, tokens: sentenceTokens[position], published: document.published,
                                currentDate: currentDate?.mention.start, geo: geo)
    }

    /// Codes the event of one clause, or passes the clause on as a follow-up of the event before.
    func code(_ tagged: TaggedSentence, sentence: Sentence, attribution: Attribution, dated: DateMention?, mayFollowUp: Bool) {
        let t = withObjectsOfCapture(tagged)
        let names = t.nameTokensForEvents
        // A loop, not a filter closure: a closure calling these methods would copy the whole run
        // (its tables and drafts) once per trigger.
        var live: [PhraseMatch<Trigger>] = []
        let wordTalk = wordTalkStart(t)
        let explicitDay = t.dates.contains { $0.anchor != .background && $0.start != nil }
        // "Kordian jets have been bombing X": the weak words of a clause that tells what has been going on go with it.
        let ongoingClause = !explicitDay && t.triggers.contains { isOngoing(t, $0) }
        let plainNames = t.nameTokens
        for trig in t.triggers {
            let keep = !isQuotedWord(t, trig.tokenRange, wordTalk: wordTalk) && !isInSeries(t, trig.tokenRange)
                && !trig.tokenRange.contains(where: names.contains) && !isIrrealis(t, trig.tokenRange)
                && !isAdjunct(t, trig.tokenRange, names: plainNames)
                && !(isHabitual(t, trig) && !explicitDay)
                && !(ongoingClause && (isOngoing(t, trig) || !trig.value.isStrong))
                // "captured 5 soldiers", "weapons were seized": people or arms, not a place, changed hands.
                && !(trig.value.signal == .territory && (t.places.isEmpty
                    || t.casualties.contains { $0.outcome == .captured && $0.tokenRange.overlaps(trig.tokenRange) }))
            if keep { live.append(trig) }
        }
        if updatesToll(t) { return }
        // "in 2018" in a report of 2021: history told as background, dated only by a year long past.
        let historical = t.dates.contains { d in
            d.anchor == .background && (d.end ?? d.start).map { end in document.published.map { $0 - end > 60 } ?? false } ?? false
        }
        let ongoing = (t.hasCue(.background) || historical) && !explicitDay
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
        for (n, p) in participants.enumerated() where p.mention.isGeneric || ASCIISearch.contains(p.actor.name, "(") {
            // "IS attackers", "HTS members": a class noun right after a named group is that group.
            if let named = t.actors.first(where: { !$0.isGeneric && $0.actor.isArmed && $0.tokenRange.upperBound == p.mention.tokenRange.lowerBound }) {
                participants[n] = (p.mention, named.actor)
                continue
            }
            let after = p.mention.tokenRange.upperBound
            // "fighters of X", "groups belonging to X", "gunmen affiliated with the so-called X",
            // "fighters led by X".
            let link = t.word(after) == "of" ? 1
                : ["belonging", "affiliated", "loyal", "linked", "allied"].contains(t.word(after))
                    && ["to", "with"].contains(t.word(after + 1)) ? 2
                : ["led", "commanded", "headed"].contains(t.word(after)) && t.word(after + 1) == "by" ? 2 : 0
            if link > 0, let named = t.actors.first(where: { !$0.isGeneric && $0.actor.isArmed
                && $0.tokenRange.lowerBound > after && $0.tokenRange.lowerBound - after <= link + 5 }) {
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
        if !participants.contains(where: { $0.actor.isArmed }), let suspect = suspectedPerpetrator(t) {
            // "warplanes believed to be Russian": the suspected perpetrator acts.
            participants.insert((ActorMention(tokenRange: suspect.range, actor: suspect.actor, text: suspect.actor.name,
                                              isGeneric: true, role: .actor), suspect.actor), at: 0)
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
        if isCounterAccount(t, attribution: attribution) || isElaboration(t, chosen: chosen, live: live, participants: participants) {
            sharpenSubType(by: chosen.value.signal)
            if mayFollowUp { followUp(t, attribution: attribution) }
            return
        }

        var roles = coder.roles.assign(t, trigger: chosen.tokenRange, triggerIsStrong: chosen.value.isStrong,
                                       otherTriggers: live.map(\.tokenRange),
                                       participants: participants,
                                       claimant: attribution.claimant, civilians: coder.civilians)
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
            || t.tokens.contains(where: { Self.continuationWords.contains($0.folded) })
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
            roles.actor1 = coder.unidentified
        }

        // "X denied any link to the bombing": the blamed side denies, so the perpetrator is unknown and
        // the event disputed (ANNOTATION.md, suspected perpetrators).
        var deniedBlame = false
        for i in t.tokens.indices where Self.blameDenials.contains(t.word(i)) && Self.blameWords.contains(t.word(i + 1)) {
            let denier = t.actors.last { $0.tokenRange.upperBound <= i && i - $0.tokenRange.upperBound <= 3 }
            if let denier, resolve(denier).name == roles.actor1?.name || roles.actor1 == nil || roles.actor1?.kind == "unidentified" {
                roles.actor1 = coder.unidentified
                if roles.actor2?.name == resolve(denier).name { roles.actor2 = nil }
                deniedBlame = true
            }
        }
        // Protests and riots are coded with the crowd as actor1 and any force used on it as actor2.
        if type == .protests || type == .riots {
            let crowd = (type == .protests ? coder.protesters : coder.rioters)
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
        claimant = claimant.map { sided($0, in: t) }
        let forwardDoubt = claimant.flatMap { doubtedParties[$0.name] }.map { sentence.index - $0 <= 2 } ?? false
        var status = ClaimRules.status(claimant: claimant, doubted: ClaimRules.doubts(t) || forwardDoubt || deniedBlame, confirmed: false,
                                       victimSide: (fatalities ?? 0) > 0 ? victimSide(roles, killed: killed, in: t, claimant: claimant) : nil)

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
        var places: [ResolvedPlace?] = chosenPlaces.map { place(of: $0, in: t, groupAdmin1: groupAdmin1) }
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
                                       victimSide: (fatalities ?? 0) > 0 ? victimSide(roles, killed: killed, in: t, claimant: c) : nil)
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
}
