import Foundation

/// Ranks the places a name matched: how well the name matched, how prominent the place is (a city
/// beats a hill of the same name), the governorate named nearby, the document's other places, and
/// the kind of place the sentence implies ("the village of").
enum PlaceScorer {
    /// How likely a bare name means a place of this kind, other things equal.
    static func prominence(_ kind: String) -> Double {
        switch kind {
        case "city": 1.0
        case "governorate": 0.95
        case "country": 0.9
        case "town": 0.88
        case "district": 0.72
        case "village", "airport", "crossing": 0.66
        case "neighbourhood", "dam": 0.6
        case "subdistrict": 0.5
        case "mountain": 0.55
        case "hill", "road": 0.5
        default: 0.45
        }
    }

    /// The distance to the nearest of `places` (other than `id`), as `compactMap { ... }.min()` without the array.
    private static func nearestDistance(from lat: Double, _ lon: Double, to places: [Place], except id: String) -> Double? {
        var nearest: Double?
        for q in places {
            guard let qa = q.latitude, let qo = q.longitude, q.id != id else { continue }
            let d = Geo.distanceKm(lat, lon, qa, qo)
            if let n = nearest, !(d < n) { continue }
            nearest = d
        }
        return nearest
    }

    static func rank(_ matches: [Gazetteer.Match], in gazetteer: Gazetteer, context: GeoContext,
                     impliedKinds: Set<String>, reasons withReasons: Bool = true) -> [PlaceCandidate] {
        guard !matches.isEmpty else { return [] }
        let hints = context.admin1Hints.map { gazetteer.canonicalAdmin1($0) }
        // Built on first use: most candidates are decided by distance, or the document has no places yet.
        var docAdmin1: Set<String>?
        // The districts and subdistricts among the matches, for the "seat of an area" test of each
        // village: collected once, not searched again for every candidate (it was a loop in a loop).
        var areaPoints: [(latitude: Double, longitude: Double)] = []
        for o in matches {
            let q = gazetteer.places[o.index]
            guard q.kind == "subdistrict" || q.kind == "district", let qa = q.latitude, let qo = q.longitude else { continue }
            areaPoints.append((qa, qo))
        }
        var out: [PlaceCandidate] = []
        out.reserveCapacity(matches.count)
        for m in matches {
            let p = gazetteer.places[m.index]
            // Reasons are built only when asked for: words cost more than the arithmetic.
            var reasons: [String] = []
            if withReasons { reasons.append(m.level.label) }
            var score = m.level.score * (0.72 + 0.28 * prominence(p.kind))
            // A town's population says how often it is meant; an admin area's says nothing of the kind.
            if let pop = p.population, pop > 0, p.kind == "city" || p.kind == "town" || p.kind == "village" {
                score += min(0.04, log10(Double(pop)) / 150)
            }
            if !hints.isEmpty, let a1 = p.admin1 {
                if let rank = hints.firstIndex(of: a1) {
                    score += rank == 0 ? 0.3 : 0.2
                    if withReasons { reasons.append("admin1 hint \(a1)") }
                } else {
                    score -= 0.15
                    if withReasons { reasons.append("not in \(context.admin1Hints[0])") }
                }
            }
            if !context.documentPlaces.isEmpty {
                if let lat = p.latitude, let lon = p.longitude,
                   let d = nearestDistance(from: lat, lon, to: context.documentPlaces, except: p.id), d < 30 {
                    score += 0.15
                    if withReasons { reasons.append("\(Int(d.rounded())) km from a place of the document") }
                } else if let a1 = p.admin1 {
                    let governorates = docAdmin1 ?? Set(context.documentPlaces.compactMap(\.admin1))
                    docAdmin1 = governorates
                    if governorates.contains(a1) {
                        score += 0.06
                        if withReasons { reasons.append("same governorate as the document") }
                    }
                }
            }
            // Of two villages of one name, the one an administrative area is named after (the seat of
            // the "Ein Issa" subdistrict) is the one reports mean.
            if !areaPoints.isEmpty, p.kind == "village" || p.kind == "town" || p.kind == "city",
               let lat = p.latitude, let lon = p.longitude,
               areaPoints.contains(where: { Geo.distanceKm(lat, lon, $0.latitude, $0.longitude) < 15 }) {
                score += 0.05
                if withReasons { reasons.append("seat of an area of the same name") }
            }
            if impliedKinds.contains(p.kind) {
                score += 0.08
                if withReasons { reasons.append("a \(p.kind) as the sentence says") }
            }
            out.append(PlaceCandidate(place: p, score: score, reason: withReasons ? reasons.joined(separator: "; ") : ""))
        }
        // Sorted on the raw score, then clamped: two candidates above 1 keep their order.
        // Ties go to the bigger place, then to the smaller id: the same input always gives the same answer
        // (the fuzzy search walks a hashed dictionary, whose order changes from run to run).
        out.sort {
            if $0.score != $1.score { return $0.score > $1.score }
            if ($0.place.population ?? 0) != ($1.place.population ?? 0) {
                return ($0.place.population ?? 0) > ($1.place.population ?? 0)
            }
            return $0.place.id < $1.place.id
        }
        for i in out.indices { out[i].score = min(1, max(0, out[i].score)) }
        return out
    }
}

/// Small geometry helpers.
enum Geo {
    static func distanceKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = Double.pi / 180
        let x = (lon2 - lon1) * r * cos((lat1 + lat2) / 2 * r)
        return 6371 * (x * x + ((lat2 - lat1) * r) * ((lat2 - lat1) * r)).squareRoot()
    }
}
