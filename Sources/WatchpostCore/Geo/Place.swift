/// A named place of a gazetteer: a town, a hill, a crossing, a district or a governorate.
public struct Place: Sendable, Hashable {
    public let id: String
    public let name: String
    public let kind: String
    public let admin1: String?
    public let admin2: String?
    public let latitude: Double?
    public let longitude: Double?
    public let population: Int?
    public let country: String

    public init(id: String, name: String, kind: String, admin1: String?, admin2: String?, latitude: Double?,
                longitude: Double?, population: Int?, country: String) {
        self.id = id
        self.name = name
        self.kind = kind
        self.admin1 = admin1
        self.admin2 = admin2
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.country = country
    }
}

/// One answer of `Gazetteer.lookup`: a place, how well it fits (0...1) and why.
public struct PlaceCandidate: Sendable, Hashable {
    public var place: Place
    public var score: Double
    public var reason: String
}

/// A place mention resolved to what the event reports: a name, a governorate, a point, a precision.
public struct ResolvedPlace: Sendable, Hashable {
    /// The name to report (a common English spelling).
    public var location: String
    public var admin1: String?
    public var latitude: Double?
    public var longitude: Double?
    public var precision: GeoPrecision
    /// nil for a region or an unknown name.
    public var place: Place?
    /// 0...1 confidence.
    public var score: Double
    /// Why this one ("exact key; admin1 hint Hama").
    public var reason: String

    public init(location: String, admin1: String?, latitude: Double?, longitude: Double?, precision: GeoPrecision,
                place: Place?, score: Double, reason: String) {
        self.location = location
        self.admin1 = admin1
        self.latitude = latitude
        self.longitude = longitude
        self.precision = precision
        self.place = place
        self.score = score
        self.reason = reason
    }
}

/// A place or region phrase found in a sentence.
public struct PlaceMention: Sendable, Hashable {
    /// Indices into the tokens given.
    public var tokenRange: Range<Int>
    /// The phrase as written, e.g. "the outskirts of Saraqeb".
    public var text: String
    /// nil when the name is not in the gazetteer (a Finding).
    public var resolved: ResolvedPlace?
    /// A governorate/region phrase rather than a named place.
    public var isRegion: Bool
}

/// What the rest of the document says about where things happen.
public struct GeoContext: Sendable {
    /// Governorates named nearby ("in the northern Hama"), strongest first.
    public var admin1Hints: [String]
    /// Places already resolved in the document (its focus).
    public var documentPlaces: [Place]

    public init(admin1Hints: [String] = [], documentPlaces: [Place] = []) {
        self.admin1Hints = admin1Hints
        self.documentPlaces = documentPlaces
    }
}
