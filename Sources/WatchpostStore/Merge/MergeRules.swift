import Foundation
import WatchpostCore

/// Decides whether two events of different reports describe one happening, and says why.
///
/// ACLED's unit is one place, one day, one actor pair, so each of these must be compatible:
/// type (same type, or kinds a clash is often reported as), dates within their precision, places
/// within a distance that grows with geo precision (or one name under a spelling-insensitive
/// key), and actors (a side in common, or one report not naming any).
struct MergeRules: Sendable {
    var sides: ActorSides
    /// Distance (km) under which two places count as one, by the coarser geo precision of the pair.
    var townRadiusKm = 3.0
    var nearRadiusKm = 25.0
    var regionRadiusKm = 80.0

    init(sides: ActorSides = .bundled()) { self.sides = sides }

    /// The verdict score a further merged event needs for a new event to bridge it into the one it
    /// joins: a same-type, same-day, same-place telling with agreeing actors, not a vague one.
    static let bridgeScore = 3.0

    /// Why two events were judged one happening, with a score to rank candidates.
    struct Verdict: Sendable, Equatable {
        var score: Double
        var reasons: [String]
        var explanation: String { String(format: "score %.2f: ", score) + reasons.joined(separator: "; ") }
    }

    /// The verdict for two events, or nil when any dimension rules a merge out.
    func compare(_ a: Event, _ b: Event) -> Verdict? {
        guard let type = typeScore(a, b), let date = dateScore(a, b), let place = placeScore(a, b),
              let actors = actorScore(a, b) else { return nil }
        // Types that differ (a raid as arrests vs a clash) need the place itself, and not two
        // different forces of one side: in the area, or by another force, it is another action.
        if type.score < 0.8 && (place.score < 1 || actors.score == Self.sideOnlyActorScore) { return nil }
        // Two places some km apart are one only when an actor is named alike.
        if place.score < 1 && actors.score < 0.5 { return nil }
        // A region-level telling ("in Deir ez-Zor", "the Idlib countryside") could be any event of
        // that governorate: it joins only when the type and a named actor agree too.
        if place.score <= Self.regionalPlaceScore && (type.score < 0.8 || actors.score < 0.5) { return nil }
        return Verdict(score: type.score + date.score + place.score + actors.score,
                       reasons: [type.reason, date.reason, place.reason, actors.reason])
    }

    // MARK: type

    func typeScore(_ a: Event, _ b: Event) -> (score: Double, reason: String)? {
        if a.eventType == b.eventType {
            return a.subEventType == b.subEventType
                ? (1, "same type (\(a.subEventType))")
                : (0.8, "same type (\(a.eventType.rawValue)), sub-types differ")
        }
        let pair = Set([a.eventType, b.eventType])
        // A clash is often reported by one side as shelling or strikes.
        if pair == [.battles, .explosions] { return (0.5, "battle and remote violence of one clash") }
        if pair == [.protests, .riots] { return (0.5, "protest and riot of one gathering") }
        // A raid: one report counts the detentions, another the exchange of fire.
        if pair == [.battles, .strategicDevelopments], [a, b].contains(where: { $0.subEventType == "Arrests" }) {
            return (0.3, "a raid reported as arrests and as a clash")
        }
        // A strike on civilians is coded as remote violence by some, as an attack by others.
        if pair == [.explosions, .violenceAgainstCivilians] { return (0.3, "strike on civilians coded two ways") }
        // Gunmen killing someone: an attack on a civilian to one report, a clash to another.
        if pair == [.battles, .violenceAgainstCivilians] { return (0.3, "an attack by gunmen coded as a clash") }
        // Missiles shot down: a strike to one report, air defences disrupting it to another.
        if pair == [.explosions, .strategicDevelopments], [a, b].contains(where: { $0.subEventType == "Disrupted weapons use" }) {
            return (0.3, "a strike and its interception")
        }
        return nil
    }

    // MARK: date

    /// The days an event may fall on, given its precision.
    static func window(_ e: Event) -> ClosedRange<Int>? {
        guard let date = e.date else { return nil }
        let end = max(e.dateEnd ?? date, date)
        // A range the report gives is the window itself ("between Sunday and Wednesday").
        if end != date && e.timePrecision != .month { return date.ordinal...end.ordinal }
        switch e.timePrecision {
        case .day: return date.ordinal...end.ordinal
        // Within a few days. A report that does not say when is often dated this way by its
        // publication day, and tells of something up to a few days before it: one day more back.
        case .week: return (date.ordinal - 4)...(end.ordinal + 3)
        case .month: return (date.ordinal - 3)...(end.ordinal + 31)
        }
    }

    func dateScore(_ a: Event, _ b: Event) -> (score: Double, reason: String)? {
        guard let wa = Self.window(a), let wb = Self.window(b), wa.overlaps(wb) else { return nil }
        if a.date == b.date && a.timePrecision == .day && b.timePrecision == .day { return (1, "same day \(a.date!.iso)") }
        return (0.5, "dates overlap within their precision (\(a.date!.iso), \(b.date!.iso))")
    }

    // MARK: place

    /// Two reports naming different forces of one side (Syrian / Russian jets), one side left unnamed.
    static let sideOnlyActorScore = 0.25

    /// Place scores: the place itself, near it, somewhere in one governorate.
    static let regionalPlaceScore = 0.3

    /// An event placed only by its governorate (or not at all). A location named like its
    /// governorate ("Deir ez-Zor") is not taken as regional: it is as often the city itself.
    static func isRegional(_ e: Event) -> Bool { isRegional(e, placeKey: PlaceKey.of(e.location)) }

    static func isRegional(_ e: Event, placeKey: String?) -> Bool { e.geoPrecision == .region || placeKey == nil }

    /// The coarser precision of a pair.
    static func coarserPrecision(_ a: Event, _ b: Event) -> GeoPrecision {
        isRegional(a) || isRegional(b) ? .region : max(a.geoPrecision, b.geoPrecision)
    }

    func placeScore(_ a: Event, _ b: Event) -> (score: Double, reason: String)? {
        // Each place key once (speed only: the same keys `coarserPrecision` computes).
        let ka = PlaceKey.of(a.location), kb = PlaceKey.of(b.location)
        let coarser: GeoPrecision = Self.isRegional(a, placeKey: ka) || Self.isRegional(b, placeKey: kb)
            ? .region : max(a.geoPrecision, b.geoPrecision)
        if let ka, ka == kb {
            if a.admin1 == nil || b.admin1 == nil || a.admin1 == b.admin1 {
                return (coarser == .region ? Self.regionalPlaceScore : 1, "same place (\(a.location!) / \(b.location!))")
            }
        }
        // A region contains only places of its own governorate.
        if coarser == .region, let ra = a.admin1, let rb = b.admin1, ra != rb { return nil }
        if let la = a.latitude, let oa = a.longitude, let lb = b.latitude, let ob = b.longitude {
            let km = Geo.distanceKm(la, oa, lb, ob)
            let radius = coarser == .town ? townRadiusKm : coarser == .near ? nearRadiusKm : regionRadiusKm
            if km <= radius {
                let score = coarser == .region ? Self.regionalPlaceScore : km <= townRadiusKm ? 1 : 0.5
                return (score, String(format: "%.1f km apart (within %.0f km)", km, radius))
            }
            return nil
        }
        // No coordinates for one of them: a vague place may be any place of its governorate.
        if coarser > .town, let ra = a.admin1, ra == b.admin1 {
            return (Self.regionalPlaceScore, "vague place in the same governorate (\(ra))")
        }
        return nil
    }

    // MARK: actors

    func actorScore(_ a: Event, _ b: Event) -> (score: Double, reason: String)? {
        let sa = sides.sides(of: a), sb = sides.sides(of: b)
        if sa.isEmpty || sb.isEmpty { return (0, "one report names no actor") }
        let exact = Set([a.actor1, a.actor2].compactMap { $0 }) == Set([b.actor1, b.actor2].compactMap { $0 })
        if exact { return (1, "same actors") }
        if sa == sb { return (0.7, "actors on the same sides (\(sa.sorted().joined(separator: ", ")))") }
        // One report leaves a side unnamed (or unidentified, or names an ally twice): stronger when
        // an actor is named alike, weaker when only its side is (another force of it may have acted).
        if sa.isSubset(of: sb) || sb.isSubset(of: sa) {
            let na = Self.named(a, sides), nb = Self.named(b, sides)
            return !na.isDisjoint(with: nb)
                ? (0.6, "one report leaves a side unknown") : (Self.sideOnlyActorScore, "one report leaves a side unknown, the other's actor on its side")
        }
        // Who the victims were is what reports of a strike dispute most ("civilians" / "terrorists").
        let common = sa.intersection(sb)
        let differing = sa.symmetricDifference(sb)
        if !common.isEmpty, differing.contains(ActorSides.civilians) {
            return (0.3, "same attacker (\(common.sorted().joined(separator: ", "))), victims described differently")
        }
        // Actor by actor, either way round (one account may reverse who attacked whom): where one
        // report names a side the other leaves unidentified or unnamed.
        if Self.pairsAgree(a, b, same: { sides.side(of: $0) == sides.side(of: $1) }, unknown: { sides.side(of: $0) == ActorSides.unknown }) {
            return (0.2, "compatible actors, one report leaving an actor unidentified")
        }
        return nil
    }
}

extension MergeRules {
    /// An event's actors other than unknown ones, by normalized name.
    static func named(_ e: Event, _ sides: ActorSides) -> Set<String> {
        Set([e.actor1, e.actor2].compactMap { $0 }.filter { sides.side(of: $0) != ActorSides.unknown }.map(ActorSides.normalized))
    }

    /// Whether two actor pairs agree position by position, straight or swapped, an unnamed or
    /// unknown actor agreeing with anyone.
    static func pairsAgree(_ a: Event, _ b: Event, same: (String, String) -> Bool, unknown: (String) -> Bool) -> Bool {
        func agree(_ x: String?, _ y: String?) -> Bool {
            guard let x, let y else { return true }
            return unknown(x) || unknown(y) || same(x, y)
        }
        return (agree(a.actor1, b.actor1) && agree(a.actor2, b.actor2))
            || (agree(a.actor1, b.actor2) && agree(a.actor2, b.actor1))
    }
}

enum Geo {
    /// Great-circle distance (haversine), in km.
    static func distanceKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = 6371.0, rad = Double.pi / 180
        let dLat = (lat2 - lat1) * rad, dLon = (lon2 - lon1) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * r * asin(min(1, sqrt(h)))
    }
}
