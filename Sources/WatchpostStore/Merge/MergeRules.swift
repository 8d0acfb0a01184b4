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

    /// Why two events were judged one happening, with a score to rank candidates.
    struct Verdict: Sendable, Equatable {
        var score: Double
        var reasons: [String]
        var explanation: String { reasons.joined(separator: "; ") }
    }

    /// The verdict for two events, or nil when any dimension rules a merge out.
    func compare(_ a: Event, _ b: Event) -> Verdict? {
        guard let type = typeScore(a, b), let date = dateScore(a, b), let place = placeScore(a, b),
              let actors = actorScore(a, b) else { return nil }
        // A weak type link (a raid as arrests vs a clash) needs the place itself, not just the area.
        if type.score < 0.5 && place.score < 1 { return nil }
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
        return nil
    }

    // MARK: date

    /// The days an event may fall on, given its precision.
    static func window(_ e: Event) -> ClosedRange<Int>? {
        guard let date = e.date else { return nil }
        let end = max(e.dateEnd ?? date, date)
        switch e.timePrecision {
        case .day: return date.ordinal...end.ordinal
        case .week: return (date.ordinal - 3)...(end.ordinal + 3)
        case .month: return (date.ordinal - 3)...(end.ordinal + 31)
        }
    }

    func dateScore(_ a: Event, _ b: Event) -> (score: Double, reason: String)? {
        guard let wa = Self.window(a), let wb = Self.window(b), wa.overlaps(wb) else { return nil }
        if a.date == b.date && a.timePrecision == .day && b.timePrecision == .day { return (1, "same day \(a.date!.iso)") }
        return (0.5, "dates overlap within their precision (\(a.date!.iso), \(b.date!.iso))")
    }

    // MARK: place

    func placeScore(_ a: Event, _ b: Event) -> (score: Double, reason: String)? {
        let coarser = max(a.geoPrecision, b.geoPrecision)
        if let ka = PlaceKey.of(a.location), ka == PlaceKey.of(b.location) {
            if a.admin1 == nil || b.admin1 == nil || a.admin1 == b.admin1 {
                return (1, "same place (\(a.location!) / \(b.location!))")
            }
        }
        if let la = a.latitude, let oa = a.longitude, let lb = b.latitude, let ob = b.longitude {
            let km = Geo.distanceKm(la, oa, lb, ob)
            let radius = coarser == .town ? townRadiusKm : coarser == .near ? nearRadiusKm : regionRadiusKm
            if km <= radius {
                return (km <= townRadiusKm ? 1 : 0.5, String(format: "%.1f km apart (within %.0f km)", km, radius))
            }
            return nil
        }
        // No coordinates for one of them: a vague place may be any place of its governorate.
        if coarser > .town, let ra = a.admin1, ra == b.admin1 {
            return (0.3, "vague place in the same governorate (\(ra))")
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
        // One report leaves a side unnamed (or unidentified).
        if sa.isSubset(of: sb) || sb.isSubset(of: sa) { return (0.5, "one report leaves a side unknown") }
        // Who the victims were is what reports of a strike dispute most ("civilians" / "terrorists").
        let common = sa.intersection(sb)
        let differing = sa.symmetricDifference(sb)
        if !common.isEmpty, differing.contains(ActorSides.civilians) {
            return (0.3, "same attacker (\(common.sorted().joined(separator: ", "))), victims described differently")
        }
        return nil
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
