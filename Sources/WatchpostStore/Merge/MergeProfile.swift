import WatchpostCore

/// What `MergeRules.compare` derives from one event on its own: its date window, place key, actor
/// sides and names. The merger compares each new event with ~25 candidates, and each candidate
/// with many new events while it is recent; deriving these per pair (lower-casing and filtering
/// actor names, folding place names) was most of `compare`'s cost (perf: 15 % of the SQLite ingest,
/// actor sides 5 %, place keys 4 %). A profile is computed once per event and kept beside it in the
/// in-process index.
struct MergeProfile: Sendable {
    var window: ClosedRange<Int>?
    var placeKey: String?
    var isRegional: Bool
    /// `ActorSides.sides(of:)`.
    var sides: Set<String>
    /// The named actors as written (`[actor1, actor2]`, nil left out).
    var actors: Set<String>
    /// `ActorSides.side(of:)` of actor1 and actor2.
    var side1: String?
    var side2: String?
    /// `MergeRules.named`: the actors other than unknown ones, normalized.
    var named: Set<String>
}

extension MergeRules {
    /// Each actor name is normalized once: `sides.sides(of:)`, `sides.side(of:)` and `named` from it.
    func profile(of e: Event) -> MergeProfile {
        let key = PlaceKey.of(e.location)
        let norm1 = e.actor1.map(ActorSides.normalized), norm2 = e.actor2.map(ActorSides.normalized)
        let side1 = norm1.map(sides.side(normalized:)), side2 = norm2.map(sides.side(normalized:))
        var known = Set<String>(), named = Set<String>()
        for (norm, side) in [(norm1, side1), (norm2, side2)] {
            guard let norm, let side, side != ActorSides.unknown else { continue }
            known.insert(side)
            named.insert(norm)
        }
        return MergeProfile(window: Self.window(e), placeKey: key, isRegional: Self.isRegional(e, placeKey: key),
                            sides: known, actors: Set([e.actor1, e.actor2].compactMap { $0 }),
                            side1: side1, side2: side2, named: named)
    }

    /// `compare(a, b)?.score`, from the events' profiles: the same tests in the same order, the
    /// same sum, without the reason texts (the merger builds those, with `compare`, only for the
    /// links it writes). Tested equal to `compare` on random pairs.
    func score(_ a: Event, _ pa: MergeProfile, _ b: Event, _ pb: MergeProfile) -> Double? {
        guard let type = typeScore(a.eventType, a.subEventType, b.eventType, b.subEventType),
              let wa = pa.window, let wb = pb.window, wa.overlaps(wb),
              let place = placeScore(a, pa, b, pb), let actors = actorScore(pa, pb) else { return nil }
        let date: Double = a.date == b.date && a.timePrecision == .day && b.timePrecision == .day ? 1 : 0.5
        if type < 0.8 && (place < 1 || actors == Self.sideOnlyActorScore) { return nil }
        if place < 1 && actors < 0.5 { return nil }
        if place <= Self.regionalPlaceScore && (type < 0.8 || actors < 0.5) { return nil }
        return type + date + place + actors
    }

    /// `typeScore(a, b)?.score`.
    private func typeScore(_ ta: EventType, _ sa: String, _ tb: EventType, _ sb: String) -> Double? {
        if ta == tb { return sa == sb ? 1 : 0.8 }
        func pair(_ x: EventType, _ y: EventType) -> Bool { (ta == x && tb == y) || (ta == y && tb == x) }
        if pair(.battles, .explosions) { return 0.5 }
        if pair(.protests, .riots) { return 0.5 }
        if pair(.battles, .strategicDevelopments), sa == "Arrests" || sb == "Arrests" { return 0.3 }
        if pair(.explosions, .violenceAgainstCivilians) { return 0.3 }
        if pair(.battles, .violenceAgainstCivilians) { return 0.3 }
        if pair(.explosions, .strategicDevelopments), sa == "Disrupted weapons use" || sb == "Disrupted weapons use" { return 0.3 }
        return nil
    }

    /// `placeScore(a, b)?.score`.
    private func placeScore(_ a: Event, _ pa: MergeProfile, _ b: Event, _ pb: MergeProfile) -> Double? {
        let coarser: GeoPrecision = pa.isRegional || pb.isRegional ? .region : max(a.geoPrecision, b.geoPrecision)
        if let ka = pa.placeKey, ka == pb.placeKey {
            if a.admin1 == nil || b.admin1 == nil || a.admin1 == b.admin1 {
                return coarser == .region ? Self.regionalPlaceScore : 1
            }
        }
        if coarser == .region, let ra = a.admin1, let rb = b.admin1, ra != rb { return nil }
        if let la = a.latitude, let oa = a.longitude, let lb = b.latitude, let ob = b.longitude {
            let km = Geo.distanceKm(la, oa, lb, ob)
            let radius = coarser == .town ? townRadiusKm : coarser == .near ? nearRadiusKm : regionRadiusKm
            if km <= radius { return coarser == .region ? Self.regionalPlaceScore : km <= townRadiusKm ? 1 : 0.5 }
            return nil
        }
        if coarser > .town, let ra = a.admin1, ra == b.admin1 { return Self.regionalPlaceScore }
        return nil
    }

    /// `actorScore(a, b)?.score`.
    private func actorScore(_ pa: MergeProfile, _ pb: MergeProfile) -> Double? {
        let sa = pa.sides, sb = pb.sides
        if sa.isEmpty || sb.isEmpty { return 0 }
        if pa.actors == pb.actors { return 1 }
        if sa == sb { return 0.7 }
        if sa.isSubset(of: sb) || sb.isSubset(of: sa) {
            return !pa.named.isDisjoint(with: pb.named) ? 0.6 : Self.sideOnlyActorScore
        }
        if !sa.isDisjoint(with: sb), sa.symmetricDifference(sb).contains(ActorSides.civilians) { return 0.3 }
        // `pairsAgree` on the sides: an unnamed actor agrees with anyone, an unknown one too.
        func agree(_ x: String?, _ y: String?) -> Bool {
            guard let x, let y else { return true }
            return x == ActorSides.unknown || y == ActorSides.unknown || x == y
        }
        if (agree(pa.side1, pb.side1) && agree(pa.side2, pb.side2)) || (agree(pa.side1, pb.side2) && agree(pa.side2, pb.side1)) {
            return 0.2
        }
        return nil
    }
}
