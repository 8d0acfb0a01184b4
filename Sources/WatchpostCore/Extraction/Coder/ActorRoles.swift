/// Who acts and who is acted on in one event clause.
struct ActorRoles {
    var actor1: Actor?
    var assoc1: [Actor] = []
    var actor2: Actor?
    var assoc2: [Actor] = []
    /// The victims are unarmed people (decides Attack vs Armed clash).
    var victimsAreCivilians = false
    /// The killed are of this actor's side (a side admitting its losses makes a claim confirmed).
    var victimSide: Actor?
}

/// Assigns actor1/actor2 from the clause's grammar: agent phrases ("by X"), "between A and B",
/// subject before the event word and object after it, passive voice, and the casualty phrase.
struct ActorRoleFinder {
    let victimNouns: [String: VictimClass]
    enum VictimClass: String { case civilian, armed }

    static let passiveAuxiliaries: Set<String> = ["was", "were", "been", "being", "is", "are", "be"]
    static let relativePronouns: Set<String> = ["which", "who", "whom", "whose", "where"]
    static let determiners: Set<String> = ["a", "an", "the", "its", "their", "this", "that", "these", "those"]
    static let targetPrepositions: Set<String> = ["on", "against", "targeting", "at", "with", "toward", "towards", "into"]

    /// "were killed", "had been reportedly killed": an auxiliary right before the event word, or
    /// before an adverb before it. The auxiliary is lower-case ("IS fighters" is not "is").
    static func isPassive(_ t: TaggedSentence, at start: Int) -> Bool {
        func aux(_ i: Int) -> Bool {
            i >= 0 && passiveAuxiliaries.contains(t.word(i)) && t.tokens[i].text == t.tokens[i].text.lowercased()
        }
        return aux(start - 1) || (aux(start - 2) && t.word(start - 1).hasSuffix("ly"))
    }

    /// - Parameters:
    ///   - participants: actor mentions in the clause that can act (sources in attribution position removed),
    ///     generic ones already resolved.
    ///   - claimant: the party the clause is attributed to, if any.
    func assign(_ t: TaggedSentence, trigger: Range<Int>, triggerIsStrong: Bool = false, otherTriggers: [Range<Int>] = [],
                participants: [(mention: ActorMention, actor: Actor)],
                claimant: Actor?, civilians: Actor?) -> ActorRoles {
        var roles = ActorRoles()
        let start = trigger.lowerBound
        let isPassive = Self.isPassive(t, at: start)

        // Casualty phrases: who was killed.
        var victimMentions: [Actor] = []
        var victimWords: [VictimClass] = []
        for c in t.casualties where c.outcome == .killed || c.outcome == .wounded {
            guard let v = c.victimTokens else { continue }
            for p in participants where v.overlaps(p.mention.tokenRange) { victimMentions.append(p.actor) }
            for i in v { if let cls = victimNouns[t.word(i)] { victimWords.append(cls) } }
        }

        // "by X": the agent of a passive or of a noun ("an attack by X", "rockets fired by X").
        let agent = participants.first { p in
            let s = p.mention.tokenRange.lowerBound
            return s > start && (1...2).contains { t.word(s - $0) == "by" }
                && !(victimMentions.contains(p.actor) && victimMentions.count == 1)
                // "..., which had been used by X", "depots used by X": the agent of a relative clause or of
                // another participle, not of the event ("an attack carried out by X" is close enough).
                && !(trigger.upperBound..<s).contains { Self.relativePronouns.contains(t.word($0)) }
                && s - trigger.upperBound <= 5
        }
        // "between A and B".
        if let b = (0..<t.tokens.count).first(where: { t.word($0) == "between" }) {
            let after = participants.filter { $0.mention.tokenRange.lowerBound > b }
            if after.count >= 2 {
                roles.actor1 = after[0].actor
                roles.actor2 = after.first { $0.actor.name != after[0].actor.name }?.actor
            }
        }

        let before = participants.filter { $0.mention.tokenRange.lowerBound < start }
        let after = participants.filter { $0.mention.tokenRange.lowerBound >= trigger.upperBound }

        // "rockets launched by Kordian jets", "Kordian drone strikes": the phrase that holds the
        // event word acts when it is an agent or the word names the act itself (not "Russian
        // aerospace forces responded", where the word is only the actor's name).
        let holder = participants.first { p in
            let r = p.mention.tokenRange
            return r.contains(start) && r.lowerBound < start && (triggerIsStrong || (1...2).contains { t.word(r.lowerBound - $0) == "by" })
        }

        if roles.actor1 == nil {
            if let agent {
                roles.actor1 = agent.actor
            } else if let holder, !victimMentions.contains(holder.actor) {
                roles.actor1 = holder.actor
            } else if isPassive {
                // "18 soldiers were killed": the subject suffered; the claimant, if a party, acted.
                if let claimant, claimant.isArmed, !before.contains(where: { $0.actor.name == claimant.name }) {
                    roles.actor1 = claimant
                }
            } else if !before.isEmpty, before.allSatisfy({ victimMentions.contains($0.actor) }),
                      let other = after.first(where: { Self.targetPrepositions.contains(t.word($0.mention.tokenRange.lowerBound - 1)) }) {
                // "Seven rebels were killed in clashes with government forces": the other side acted —
                // unless the victims' own side tells it ("a soldier was martyred in clashes with X, the
                // ministry said"), which codes its own side first.
                if let claimant, let victims = before.first?.actor, ClaimRules.sameSide(claimant, victims) {
                    roles.actor1 = victims
                    roles.actor2 = other.actor
                } else {
                    roles.actor1 = other.actor
                    roles.actor2 = before.first?.actor
                }
            } else {
                let subjects = before.filter { p in
                    !victimMentions.contains(p.actor)
                        && !Self.targetPrepositions.contains(t.word(p.mention.tokenRange.lowerBound - 1))
                }
                roles.actor1 = subjects.first?.actor
                if roles.actor1 == nil {
                    // "fighting resumed after X attacked Y": the subject of a later event verb.
                    for other in otherTriggers.sorted(by: { $0.lowerBound < $1.lowerBound }) where other.lowerBound > trigger.upperBound {
                        let isOtherPassive = Self.isPassive(t, at: other.lowerBound)
                        if isOtherPassive { continue }
                        // A name after a determiner ("hit a Kordian Army convoy") modifies the object's noun; it is not a subject.
                        if let subject = participants.last(where: { p in
                            p.mention.tokenRange.lowerBound >= trigger.upperBound && p.mention.tokenRange.upperBound <= other.lowerBound
                                && other.lowerBound - p.mention.tokenRange.upperBound <= 3
                                && !Self.targetPrepositions.contains(t.word(p.mention.tokenRange.lowerBound - 1))
                                && !Self.determiners.contains(t.word(p.mention.tokenRange.lowerBound - 1))
                        }) {
                            roles.actor1 = subject.actor
                            break
                        }
                    }
                }
                if roles.actor1 == nil, let claimant, claimant.isArmed { roles.actor1 = claimant }
            }
        }

        if roles.actor2 == nil, let agent, roles.actor1 == agent.actor,
           let subject = before.first(where: { !victimMentions.contains($0.actor) && $0.actor.isArmed }),
           !ClaimRules.sameSide(subject.actor, agent.actor) {
            // "The army foiled an attack launched by X": the subject is who was attacked.
            roles.actor2 = subject.actor
        }
        if roles.actor2 == nil {
            let objectPool = isPassive && agent == nil ? before + after : after + before.filter { victimMentions.contains($0.actor) }
            roles.actor2 = objectPool.first { $0.actor.name != roles.actor1?.name }?.actor
        }
        if roles.actor2 == nil, let v = victimMentions.first(where: { $0.name != roles.actor1?.name }) {
            roles.actor2 = v
        }

        let civilianVictims = victimWords.contains(.civilian) && !victimWords.contains(.armed)
        if roles.actor2 == nil, civilianVictims, let civilians { roles.actor2 = civilians }
        roles.victimsAreCivilians = roles.actor2?.kind == "civilians" || (roles.actor2 == nil && civilianVictims)
            || (civilianVictims && victimMentions.isEmpty && roles.actor2?.isArmed != true)

        // Allies named alongside: others on the subject side join actor1, others on the object side actor2.
        for p in before where p.actor.name != roles.actor1?.name && p.actor.name != roles.actor2?.name
            && !roles.assoc1.contains(p.actor) && !victimMentions.contains(p.actor) && p.actor.isArmed {
            roles.assoc1.append(p.actor)
        }
        for p in after + before.filter({ victimMentions.contains($0.actor) })
            where p.actor.name != roles.actor1?.name && p.actor.name != roles.actor2?.name
            && !roles.assoc2.contains(p.actor) && !roles.assoc1.contains(p.actor) && p.actor.isArmed {
            roles.assoc2.append(p.actor)
        }
        roles.victimSide = victimMentions.first
        return roles
    }
}

extension Actor {
    /// Fights: can be actor1 of a violent event or its armed target.
    var isArmed: Bool {
        ["state_force", "foreign_state_force", "police", "rebel", "jihadist", "militia", "tribal", "kurdish_force",
         "unidentified"].contains(kind)
    }

    /// Speaks about events rather than fighting in them.
    var isSourceOnly: Bool {
        ["monitor", "media", "state_media", "party_media", "local_sources", "rescue", "international_org"].contains(kind)
    }
}
