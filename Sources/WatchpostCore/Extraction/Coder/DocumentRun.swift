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
        if ClaimRules.doubts(t) { doubt(t) }
        recordDyad(t)

        let names = t.nameTokensForEvents
        let live = t.triggers.filter { trig in
            !trig.tokenRange.contains(where: names.contains) && !isIrrealis(t, trig.tokenRange) && !isAdjunct(t, trig.tokenRange)
        }
        let explicitDay = t.dates.contains { $0.anchor != .background && $0.start != nil }
        let ongoing = t.hasCue(.background) && !explicitDay
        guard !ongoing, !isRetrospective(t), let chosen = SubTypeRules.choose(live.filter { !isCountOfEvents(t, $0.tokenRange) }) else {
            followUp(t, attribution: attribution)
            return
        }

        let participants: [(mention: ActorMention, actor: Actor)] = t.actors.compactMap { m in
            if let a = attribution.mention, a.tokenRange == m.tokenRange { return nil }
            if isPlaceUse(t, m) { return nil }
            let actor = resolve(m)
            return actor.isSourceOnly ? nil : (m, actor)
        }
        let killed = t.casualties.filter { $0.outcome == .killed }
        if !chosen.value.isStrong && participants.isEmpty && killed.isEmpty {
            followUp(t, attribution: attribution)
            return
        }
        if isElaboration(t, chosen: chosen, live: live, participants: participants) {
            followUp(t, attribution: attribution)
            return
        }

        var roles = coder.roles.assign(t, trigger: chosen.tokenRange, otherTriggers: live.map(\.tokenRange),
                                       participants: participants,
                                       claimant: attribution.claimant, civilians: coder.lexicon.actor(named: "civilians"))
        let actor1IsGovernment = roles.actor1.map { ["state_force", "police", "government"].contains($0.kind) } ?? false
        let (type, subType) = SubTypeRules.settle(chosen.value.signal, all: live, actor1IsGovernment: actor1IsGovernment,
                                                  victimsAreCivilians: roles.victimsAreCivilians, hasKilling: !killed.isEmpty)
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
           !t.places.contains(where: { $0.resolved != nil && !$0.isRegion })
            || t.tokens.contains(where: { ["also", "again", "continued", "ongoing", "previous"].contains($0.folded) })
            || !participants.contains(where: { $0.actor.isArmed && $0.actor.name != roles.actor2?.name }),
           let name = previous.event.actor1, let actor = coder.lexicon.actor(named: name) {
            inheritedClaimant = previous.claimant
            // A clause that names no perpetrator continues the one before it ("Intense fighting was also
            // ongoing near X."): same perpetrator.
            roles.actor1 = actor
            if roles.actor2 == nil, let name2 = previous.event.actor2 { roles.actor2 = coder.lexicon.actor(named: name2) }
        }
        if roles.actor1 == nil, let (a, b) = lastDyad, let target = roles.actor2,
           [.battles, .explosions].contains(type) {
            // "a raid targeting an army position": the army's enemy in this document.
            if target.name == a.name { roles.actor1 = b } else if target.name == b.name { roles.actor1 = a }
        }
        if roles.actor1 == nil, [.battles, .explosions, .violenceAgainstCivilians].contains(type) {
            roles.actor1 = coder.lexicon.actor(named: "unidentified armed group")
        }

        // Protests and riots are coded with the crowd as actor1 and any force used on it as actor2.
        if type == .protests || type == .riots {
            let crowd = coder.lexicon.actor(named: type == .protests ? "protesters" : "rioters")
            let force = [roles.actor1, roles.actor2].compactMap { $0 }.first { $0.isArmed }
            roles.actor1 = crowd
            roles.actor2 = subType == "Peaceful protest" ? nil : force
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
        let status = ClaimRules.status(claimant: claimant, doubted: ClaimRules.doubts(t) || forwardDoubt, confirmed: false,
                                       victimSide: (fatalities ?? 0) > 0 ? roles.victimSide : nil)

        if let published = document.published, let d = dated?.start, published - d > 60 {
            // Months before the report: history told as background ("The revolution began in March 2011").
            followUp(t, attribution: attribution)
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

        var places: [ResolvedPlace?] = PlaceChoice.choose(t, trigger: chosen.tokenRange).compactMap(\.resolved)
        let placeNamed = !places.isEmpty
        if places.isEmpty {
            if let last = lastPlace, sentence.block == last.block {
                places = [last.place]
            } else if let region = lastRegion ?? lastPlace?.place {
                places = [region]
            } else {
                places = [nil]
            }
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
        let killed = t.casualties.filter { $0.outcome == .killed }
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
    mutating func doubt(_ t: TaggedSentence) {
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
        let named = Set(t.actors.filter { m in !deniers.contains { $0.tokenRange == m.tokenRange } }.map { resolve($0).name })
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
        let armed = t.actors.filter { !isPlaceUse(t, $0) }.map(resolve).filter(\.isArmed)
        guard armed.count >= 2 else { return }
        let a = armed[0]
        if let b = armed.first(where: { !ClaimRules.sameSide($0, a) && $0.name != a.name }) { lastDyad = (a, b) }
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
        let newPlace = t.places.contains { p in
            guard let r = p.resolved, !p.isRegion else { return false }
            return r.location != last.event.location
        }
        let newDay = t.dates.contains { d in d.anchor != .background && d.start != nil && d.start != last.event.date }
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
                                                "during", "since", "violating", "violation", "ahead"]
        // Walk back over a plain noun phrase ("an intense round of"); a name, a verb form or a
        // punctuation mark ends it ("after HTS attacked" is a clause, not an adjunct).
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
        return t.tokens.indices.contains { i in
            (words[i] == "have" || words[i] == "has") && t.tokens[i].text == t.tokens[i].text.lowercased()
                && (1...3).contains { d in i + d < words.count && (words[i + d] == "been" || words[i + d].hasSuffix("ed")) }
        }
    }

    /// An event word counted as a number of events ("9 attacks", "7 ceasefire violations", "96 sorties"):
    /// a tally, not one event.
    func isCountOfEvents(_ t: TaggedSentence, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound - 1
        while i >= 0, t.tokens[i].kind == .word, i >= range.lowerBound - 2,
              !["the", "a", "an", "of", "and", "in", "on", "at", "by", "with"].contains(t.word(i)) { i -= 1 }
        guard i >= 0, t.tokens[i].kind == .number else { return false }
        // "14.5 mm", "No. 9" are not counts; a count is a whole number in digits right before the phrase.
        return !t.tokens[i].text.contains(".") && t.word(i - 1) != "no"
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
    /// "neither the army nor Russian forces conducted offensive operations").
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
        let negators: Set<String> = ["no", "not", "neither", "nor", "never", "without", "denied", "denies", "deny", "denying"]
        for i in max(0, range.lowerBound - 8)..<range.lowerBound where negators.contains(t.word(i)) {
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
            if p.isRegion || r.precision == .region { lastRegion = r }
            if let a = r.admin1 {
                admin1Hints.removeAll { $0 == a }
                admin1Hints.insert(a, at: 0)
            }
            if let place = r.place, !documentPlaces.contains(place) { documentPlaces.append(place) }
        }
        if admin1Hints.count > 4 { admin1Hints.removeLast(admin1Hints.count - 4) }
    }

    /// The same happening told twice in neighbouring sentences, once by region ("in southern Idlib")
    /// and once by place ("in the village of X"), is one event: the placed one stays.
    mutating func collapseRegionDuplicates() {
        var drop = Set<Int>()
        for i in drafts.indices where drafts[i].event.geoPrecision == .region && drafts[i].placeNamed {
            let d = drafts[i]
            guard let j = drafts.indices.first(where: { j in
                let e = drafts[j]
                return j != i && !drop.contains(j) && e.event.geoPrecision != .region && abs(e.sentenceIndex - d.sentenceIndex) <= 2
                    && e.event.eventType == d.event.eventType && e.event.date == d.event.date
                    && e.event.admin1 == d.event.admin1
                    && (e.event.actor1 == d.event.actor1 || e.event.actor1 == nil || d.event.actor1 == nil)
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

    /// Headline events that the body reports again are dropped; ids are given in order.
    mutating func finish() -> (events: [Event], findings: [Finding]) {
        collapseRegionDuplicates()
        let body = drafts.filter { !$0.fromHeading }
        let kept = drafts.filter { d in
            guard d.fromHeading else { return true }
            return !body.contains { b in
                b.event.eventType == d.event.eventType
                    && (b.event.location == d.event.location || d.event.location == nil || b.event.admin1 == d.event.admin1)
            }
        }
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
