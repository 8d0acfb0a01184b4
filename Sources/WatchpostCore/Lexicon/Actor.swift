/// An armed group, force, institution or source that reports name, as the actor lexicon lists it.
public struct Actor: Sendable, Hashable {
    public let id: String
    /// The canonical name (actors.tsv's where the actor is there; ACLED-style otherwise).
    public let name: String
    /// state_force, police, rebel, jihadist, militia, monitor, state_media, ... (actors.PROVENANCE.md).
    public let kind: String
    public let country: String?
    public let affiliation: String?
    public let sponsor: String?
    /// The id of the actor it speaks or fights for (a ministry for its army, Amaq for the Islamic State).
    public let side: String?
    /// A party to the conflict: its claims are *claimed*, not *reported* (ANNOTATION.md).
    public let isParty: Bool
    public let validFrom: Day?
    public let validTo: Day?
    /// The id of the actor that took over its name after `validTo` (Jabhat al-Nusra → Jabhat Fateh al-Sham).
    public let successor: String?

    public init(id: String, name: String, kind: String, country: String? = nil, affiliation: String? = nil,
                sponsor: String? = nil, side: String? = nil, isParty: Bool = true, validFrom: Day? = nil,
                validTo: Day? = nil, successor: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.country = country
        self.affiliation = affiliation
        self.sponsor = sponsor
        self.side = side
        self.isParty = isParty
        self.validFrom = validFrom
        self.validTo = validTo
        self.successor = successor
    }

    /// Whether the name was in force on `day` (an open end counts as in force).
    public func isValid(on day: Day) -> Bool {
        if let validFrom, day < validFrom { return false }
        if let validTo, day >= validTo { return false }
        return true
    }
}

/// One actor named (or referred to) in a sentence.
public struct ActorMention: Sendable, Hashable {
    /// Indices into the tokens given.
    public var tokenRange: Range<Int>
    /// After era resolution: the name in force on that day.
    public var actor: Actor
    /// As written.
    public var text: String
    /// "the army", "the group", "the militants": refers back; `actor` is then only a default.
    public var isGeneric: Bool
    public var role: Role
    /// For a generic mention, the actor kinds it may refer back to (the event coder picks the last
    /// named actor of one of them); empty for named mentions.
    public var compatibleKinds: [String]

    public enum Role: Sendable, Hashable { case actor, source, both }

    public init(tokenRange: Range<Int>, actor: Actor, text: String, isGeneric: Bool, role: Role, compatibleKinds: [String] = []) {
        self.tokenRange = tokenRange
        self.actor = actor
        self.text = text
        self.isGeneric = isGeneric
        self.role = role
        self.compatibleKinds = compatibleKinds
    }
}
