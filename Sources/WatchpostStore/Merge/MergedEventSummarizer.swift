import WatchpostCore

/// Builds a merged event's summary from its members: the fields of the most precise report, the
/// type most reports give, every claim, and the fatality range of those claims.
enum MergedEventSummarizer {
    struct Member {
        var event: Event
        var reason: String
        var published: Day?
        var ingestedDay: Day?
    }

    static func summarize(id: String, members: [Member]) -> MergedEvent {
        let events = members.map(\.event)
        // The most precise account speaks for place and date: town before area, day before week,
        // then coordinates; ties go to the earliest report so the choice is stable.
        let lead = events.min { a, b in
            (a.geoPrecision.rawValue, a.timePrecision.rawValue, a.latitude == nil ? 1 : 0, a.doc, a.id)
                < (b.geoPrecision.rawValue, b.timePrecision.rawValue, b.latitude == nil ? 1 : 0, b.doc, b.id)
        }!
        let type = mostCommon(events.map(\.eventType), fallback: lead.eventType)
        let subType = mostCommon(events.filter { $0.eventType == type }.map(\.subEventType), fallback: lead.subEventType)
        // Most reports' actor pair; a named actor beats an unknown one.
        let pairs = events.map { Pair(actor1: $0.actor1, actor2: $0.actor2) }
        let named = pairs.filter { $0.actor1 != nil && !($0.actor1!.hasPrefix("Unidentified")) }
        let pair = mostCommon(named.isEmpty ? pairs : named, fallback: Pair(actor1: lead.actor1, actor2: lead.actor2))
        let claims = events.map(Claim.init)
        let status: ClaimStatus = [.confirmed, .reported, .claimed, .disputed].first { s in claims.contains { $0.status == s } } ?? .reported
        let days = members.compactMap { $0.published ?? $0.ingestedDay }
        return MergedEvent(
            id: id, eventType: type, subEventType: subType, date: lead.date, dateEnd: lead.dateEnd,
            timePrecision: lead.timePrecision, actor1: pair.actor1,
            assocActor1: Array(Set(events.flatMap(\.assocActor1))).sorted(), actor2: pair.actor2,
            assocActor2: Array(Set(events.flatMap(\.assocActor2))).sorted(), location: lead.location, admin1: lead.admin1,
            latitude: lead.latitude, longitude: lead.longitude, geoPrecision: lead.geoPrecision,
            fatalities: FatalityRange.of(claims), claimStatus: status, claims: claims,
            links: members.map { MergeLink(report: $0.event.doc, event: $0.event.id, reason: $0.reason) },
            firstReported: days.min(), lastUpdated: days.max(), evidence: lead.evidence)
    }

    struct Pair: Hashable { var actor1: String?; var actor2: String? }

    /// The most frequent value; ties go to the one seen first.
    static func mostCommon<T: Hashable>(_ values: [T], fallback: T) -> T {
        var counts: [T: Int] = [:]
        for v in values { counts[v, default: 0] += 1 }
        var best: T?
        for v in values where best == nil || counts[v]! > counts[best!]! { best = v }
        return best ?? fallback
    }
}
