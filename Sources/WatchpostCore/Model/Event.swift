/// ACLED's six event types; sub-types are in `EventTaxonomy`.
public enum EventType: String, Sendable, Hashable, Codable, CaseIterable {
    case battles = "Battles"
    case explosions = "Explosions/Remote violence"
    case violenceAgainstCivilians = "Violence against civilians"
    case protests = "Protests"
    case riots = "Riots"
    case strategicDevelopments = "Strategic developments"
}

/// How sure the day is: ACLED's time_precision.
public enum TimePrecision: Int, Sendable, Hashable, Codable, Comparable {
    case day = 1
    case week = 2
    case month = 3
    public static func < (a: TimePrecision, b: TimePrecision) -> Bool { a.rawValue < b.rawValue }
}

/// How precise the place is: ACLED's geo_precision.
public enum GeoPrecision: Int, Sendable, Hashable, Codable, Comparable {
    case town = 1
    case near = 2
    case region = 3
    public static func < (a: GeoPrecision, b: GeoPrecision) -> Bool { a.rawValue < b.rawValue }
}

public enum FatalityQualifier: String, Sendable, Hashable, Codable {
    case exact
    case atLeast = "at_least"
    case about
}

/// Who stands behind an event (ANNOTATION.md, claim_status).
public enum ClaimStatus: String, Sendable, Hashable, Codable {
    case reported, claimed, disputed, confirmed
}

/// A byte range (UTF-8 offsets) into a document's raw text: evidence never drifts from its source.
public struct TextRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }
    public init(_ r: Range<Int>) { self.init(r.lowerBound, r.upperBound) }
    public var range: Range<Int> { start..<end }
    public var description: String { "\(start)..<\(end)" }
}

/// One coded event of one report, in the schema of shared/eval/SCHEMA.md.
public struct Event: Sendable, Hashable, Codable {
    public var doc: String
    public var id: String
    public var date: Day?
    public var dateEnd: Day?
    public var timePrecision: TimePrecision
    public var eventType: EventType
    public var subEventType: String
    public var actor1: String?
    public var assocActor1: [String]
    public var actor2: String?
    public var assocActor2: [String]
    public var location: String?
    public var admin1: String?
    public var latitude: Double?
    public var longitude: Double?
    public var geoPrecision: GeoPrecision
    public var fatalities: Int?
    public var fatalitiesQualifier: FatalityQualifier?
    public var claimedBy: String?
    public var claimStatus: ClaimStatus
    /// The sentence(s) reporting the event, as visible text.
    public var evidence: String
    /// Where the evidence stands in the raw text (UTF-8 offsets), one range per sentence.
    public var evidenceRanges: [TextRange]
    /// The outlet that published the report (not part of the scored schema; used by merging).
    public var outlet: String?
    /// The id of the merged event this report's event belongs to, once stored.
    public var mergedID: String?

    public init(doc: String, id: String, date: Day? = nil, dateEnd: Day? = nil, timePrecision: TimePrecision = .day,
                eventType: EventType, subEventType: String, actor1: String? = nil, assocActor1: [String] = [],
                actor2: String? = nil, assocActor2: [String] = [], location: String? = nil, admin1: String? = nil,
                latitude: Double? = nil, longitude: Double? = nil, geoPrecision: GeoPrecision = .town,
                fatalities: Int? = nil, fatalitiesQualifier: FatalityQualifier? = nil, claimedBy: String? = nil,
                claimStatus: ClaimStatus = .reported, evidence: String, evidenceRanges: [TextRange] = [],
                outlet: String? = nil, mergedID: String? = nil) {
        self.doc = doc
        self.id = id
        self.date = date
        self.dateEnd = dateEnd
        self.timePrecision = timePrecision
        self.eventType = eventType
        self.subEventType = subEventType
        self.actor1 = actor1
        self.assocActor1 = assocActor1
        self.actor2 = actor2
        self.assocActor2 = assocActor2
        self.location = location
        self.admin1 = admin1
        self.latitude = latitude
        self.longitude = longitude
        self.geoPrecision = geoPrecision
        self.fatalities = fatalities
        self.fatalitiesQualifier = fatalitiesQualifier
        self.claimedBy = claimedBy
        self.claimStatus = claimStatus
        self.evidence = evidence
        self.evidenceRanges = evidenceRanges
        self.outlet = outlet
        self.mergedID = mergedID
    }

    enum CodingKeys: String, CodingKey {
        case doc, id, date
        case dateEnd = "date_end"
        case timePrecision = "time_precision"
        case eventType = "event_type"
        case subEventType = "sub_event_type"
        case actor1
        case assocActor1 = "assoc_actor1"
        case actor2
        case assocActor2 = "assoc_actor2"
        case location, admin1, latitude, longitude
        case geoPrecision = "geo_precision"
        case fatalities
        case fatalitiesQualifier = "fatalities_qualifier"
        case claimedBy = "claimed_by"
        case claimStatus = "claim_status"
        case evidence
        case evidenceRanges = "evidence_ranges"
        case outlet
        case mergedID = "merged_id"
    }

    // Explicit nulls: the schema has every field on every line, null where unknown.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(doc, forKey: .doc)
        try c.encode(id, forKey: .id)
        try c.encode(date, forKey: .date)
        try c.encode(dateEnd, forKey: .dateEnd)
        try c.encode(timePrecision, forKey: .timePrecision)
        try c.encode(eventType, forKey: .eventType)
        try c.encode(subEventType, forKey: .subEventType)
        try c.encode(actor1, forKey: .actor1)
        try c.encode(assocActor1, forKey: .assocActor1)
        try c.encode(actor2, forKey: .actor2)
        try c.encode(assocActor2, forKey: .assocActor2)
        try c.encode(location, forKey: .location)
        try c.encode(admin1, forKey: .admin1)
        try c.encode(latitude, forKey: .latitude)
        try c.encode(longitude, forKey: .longitude)
        try c.encode(geoPrecision, forKey: .geoPrecision)
        try c.encode(fatalities, forKey: .fatalities)
        try c.encode(fatalitiesQualifier, forKey: .fatalitiesQualifier)
        try c.encode(claimedBy, forKey: .claimedBy)
        try c.encode(claimStatus, forKey: .claimStatus)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(evidenceRanges, forKey: .evidenceRanges)
        try c.encode(outlet, forKey: .outlet)
        if let mergedID { try c.encode(mergedID, forKey: .mergedID) }
    }
}

/// ACLED's sub-types per type (SCHEMA.md).
public enum EventTaxonomy {
    public static let subTypes: [EventType: [String]] = [
        .battles: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
        .explosions: ["Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                      "Remote explosive/landmine/IED", "Grenade"],
        .violenceAgainstCivilians: ["Sexual violence", "Attack", "Abduction/forced disappearance"],
        .protests: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
        .riots: ["Violent demonstration", "Mob violence"],
        .strategicDevelopments: ["Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                                 "Headquarters or base established", "Looting/property destruction",
                                 "Non-violent transfer of territory", "Other"],
    ]

    /// The type a sub-type belongs to, or nil when it is not one of the 25.
    public static func type(of subType: String) -> EventType? {
        subTypes.first { $0.value.contains(subType) }?.key
    }
}
