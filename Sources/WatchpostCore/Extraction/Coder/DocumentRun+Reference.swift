/// Generic mentions ("the group", "the army") resolved to the actors named before them.
extension DocumentRun {
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
        // A party's media calling their enemy by a class word ("terrorists" in a government's own
        // voice) mean that enemy's class; without an article the word names the class, not a party
        // named before for something else.
        let voiced = m.actor.kind == "unidentified" ? outletVoice.flatMap { voice in
            coder.voiceNames.actor(for: m.text, voiceSide: voice.side ?? voice.id, in: coder.lexicon)
                ?? coder.voiceNames.actor(for: Self.withoutArticle(m.text), voiceSide: voice.side ?? voice.id, in: coder.lexicon)
        } : nil
        if !determined, let voiced { return voiced }
        if !m.compatibleKinds.isEmpty {
            if let hit = recentActors.last(where: { m.compatibleKinds.contains($0.kind) }) { return hit }
            return voiced ?? m.actor
        }
        let family = DocumentRun.family(m.actor.kind)
        if let hit = recentActors.last(where: { DocumentRun.family($0.kind) == family || family == "any" }) {
            return hit
        }
        return m.actor
    }

    /// "the terrorists" → "terrorists".
    static func withoutArticle(_ text: String) -> String {
        let lowered = text.lowercased()
        return lowered.hasPrefix("the ") ? String(lowered.dropFirst(4)) : lowered
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
}
