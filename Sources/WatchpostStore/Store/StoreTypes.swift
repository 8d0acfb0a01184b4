import Foundation
import WatchpostCore

/// One claim an event rests on: who says it, with what status and figure, in which report.
public struct Claim: Sendable, Hashable, Codable {
    public var report: String
    public var event: String
    public var outlet: String?
    /// Who makes the claim (`claimed_by`), nil when the outlet speaks in its own voice.
    public var claimant: String?
    public var status: ClaimStatus
    public var fatalities: Int?
    public var fatalitiesQualifier: FatalityQualifier?

    /// The source a figure is counted under: the claimant, else the outlet, else the report.
    public var source: String { claimant ?? outlet ?? report }

    public init(report: String, event: String, outlet: String?, claimant: String?, status: ClaimStatus,
                fatalities: Int?, fatalitiesQualifier: FatalityQualifier?) {
        self.report = report
        self.event = event
        self.outlet = outlet
        self.claimant = claimant
        self.status = status
        self.fatalities = fatalities
        self.fatalitiesQualifier = fatalitiesQualifier
    }

    init(_ e: Event) {
        self.init(report: e.doc, event: e.id, outlet: e.outlet, claimant: e.claimedBy, status: e.claimStatus,
                  fatalities: e.fatalities, fatalitiesQualifier: e.fatalitiesQualifier)
    }
}

/// Why a report's event sits in its merged event.
public struct MergeLink: Sendable, Hashable, Codable {
    public var report: String
    public var event: String
    /// "founded the merged event", the rules that matched, or an analyst's correction.
    public var reason: String
}

/// The events of many reports about one happening, every claim kept side by side.
public struct MergedEvent: Sendable, Hashable, Codable {
    public var id: String
    public var eventType: EventType
    public var subEventType: String
    public var date: Day?
    public var dateEnd: Day?
    public var timePrecision: TimePrecision
    public var actor1: String?
    public var assocActor1: [String]
    public var actor2: String?
    public var assocActor2: [String]
    public var location: String?
    public var admin1: String?
    public var latitude: Double?
    public var longitude: Double?
    public var geoPrecision: GeoPrecision
    public var fatalities: FatalityRange?
    /// The status of the strongest claim (confirmed > reported > claimed > disputed).
    public var claimStatus: ClaimStatus
    public var claims: [Claim]
    public var links: [MergeLink]
    /// Outlets that published a report of it.
    public var sources: [String] { Array(Set(claims.compactMap(\.outlet))).sorted() }
    /// Who makes claims about it (outlets speaking in their own voice are listed under sources).
    public var claimants: [String] { Array(Set(claims.compactMap(\.claimant))).sorted() }
    public var reports: [String] { Array(Set(claims.map(\.report))).sorted() }
    /// The earliest publication date of its reports, and the latest.
    public var firstReported: Day?
    public var lastUpdated: Day?
    /// A representative sentence (from the most precise report).
    public var evidence: String
}

/// What a query selects; every field optional.
public struct EventFilter: Sendable, Hashable {
    public var since: Day?
    public var until: Day?
    public var type: EventType?
    /// Case-insensitive substring of actor1, actor2 or an associated actor.
    public var actor: String?
    public var admin1: String?
    /// minLon, minLat, maxLon, maxLat.
    public var bbox: (Double, Double, Double, Double)? {
        get { bboxValues.count == 4 ? (bboxValues[0], bboxValues[1], bboxValues[2], bboxValues[3]) : nil }
        set { bboxValues = newValue.map { [$0.0, $0.1, $0.2, $0.3] } ?? [] }
    }
    private var bboxValues: [Double] = []
    /// Case-insensitive substring of the evidence or location.
    public var text: String?

    public init(since: Day? = nil, until: Day? = nil, type: EventType? = nil, actor: String? = nil,
                admin1: String? = nil, text: String? = nil) {
        self.since = since
        self.until = until
        self.type = type
        self.actor = actor
        self.admin1 = admin1
        self.text = text
    }
}

/// What ingesting one report did.
public enum IngestOutcome: Sendable, Hashable {
    /// A new report, with its events stored and merged.
    case added(events: Int)
    /// The same id with new content: its old events were replaced by these.
    case replaced(events: Int)
    /// Already stored with this content (under this id or, for `duplicateOf`, another).
    case unchanged
    case duplicate(of: String)

    public var eventCount: Int {
        switch self {
        case .added(let n), .replaced(let n): return n
        case .unchanged, .duplicate: return 0
        }
    }
}

/// Counts of what a store holds.
public struct StoreCounts: Sendable, Hashable, Codable {
    public var reports: Int
    public var events: Int
    public var mergedEvents: Int
}

public enum StoreError: Error, CustomStringConvertible, Sendable {
    case invalidLocation(String)
    case notFound(String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .invalidLocation(let s): return "not a database location: \(s) (a file path or postgres://user@host/db)"
        case .notFound(let s): return "no such event: \(s)"
        case .unsupported(let s): return s
        }
    }
}
