import WatchpostCore

/// When two events of ONE report tell one happening: an extractor may code a headline and its
/// restatement, a village-level and a region-level telling, or a follow-up sentence as separate
/// events. Those should share a merged event; a report's genuinely separate events should not.
///
/// A report does not attribute one strike to two different actors, so actors must agree by name
/// (not merely by side, as across outlets), an unnamed or unidentified actor agreeing with anyone.
/// The day must be the same, and the places one (same name, within the pair's radius, or one the
/// governorate the other lies in).
extension MergeRules {
    func sameReport(_ a: Event, _ b: Event) -> Verdict? {
        guard let date = sameDay(a, b), let place = placeScore(a, b) else { return nil }
        // Two region-level tellings, or one, must name the same governorate.
        if Self.isRegional(a) || Self.isRegional(b), a.admin1 == nil || a.admin1 != b.admin1 { return nil }
        let exactActors = Self.pairsAgree(a, b, same: { ActorSides.normalized($0) == ActorSides.normalized($1) },
                                          unknown: { sides.side(of: $0) == ActorSides.unknown })
        guard exactActors else { return nil }
        // The type may differ within one report (a raid's detentions and its exchange of fire)
        // when the place is the same and a named actor recurs.
        let type: String
        if let t = typeScore(a, b), t.score >= 0.5 || place.score >= 1 {
            type = t.reason
        } else if place.score >= 1, sharesNamedActor(a, b) {
            type = "types differ, same place and a named actor in common"
        } else {
            return nil
        }
        return Verdict(score: 1 + place.score, reasons: ["told again in one report", type, date, place.reason])
    }

    /// One day: the same date, whatever the precision. A week-precise date beside a day-precise
    /// one in the same report refers to another time ("earlier this week").
    func sameDay(_ a: Event, _ b: Event) -> String? {
        guard let da = a.date, da == b.date, (a.dateEnd ?? da) == (b.dateEnd ?? da) else { return nil }
        return "same day"
    }

    func sharesNamedActor(_ a: Event, _ b: Event) -> Bool {
        !Self.named(a, sides).isDisjoint(with: Self.named(b, sides))
    }
}
