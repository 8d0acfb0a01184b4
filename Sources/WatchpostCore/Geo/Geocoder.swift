import Foundation

/// Finds place and region phrases in tokens and resolves them against a gazetteer.
///
/// The grammar (lead-ins, directions, region words, features) and the stop list are data
/// (`GeoPhrases`); this type holds the mechanism only. A phrase is read as
/// `[lead-in] [direction | region lead | "the"]* NAME [region word | feature]`, longest match first.
public struct Geocoder: Sendable {
    let gazetteer: Gazetteer
    let phrases: GeoPhrases
    /// Longest name, in words, that is tried.
    private let maxNameWords = 6

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        // The phrase files ship with the library; without them the grammar is empty, not broken.
        self.phrases = (try? GeoPhrases.bundled(folder: gazetteer.folder))
            ?? GeoPhrases(phrasesTSV: "", regionsTSV: "", stoplistTSV: "", folder: gazetteer.folder)
    }

    init(gazetteer: Gazetteer, phrases: GeoPhrases) {
        self.gazetteer = gazetteer
        self.phrases = phrases
    }

    /// A token the grammar sees: hyphens are dropped, so "al-Bab" reads as "al Bab".
    struct Unit {
        var token: Int
        var folded: String
        var isWord: Bool
        var isCapitalized: Bool
    }

    /// A phrase found before it is resolved in context.
    struct RawMention {
        var units: Range<Int>
        var leadin: GeoPhrases.Phrase?
        var direction: GeoPhrases.Phrase?
        var regionish: Bool          // a region word or region lead came with it
        var feature: GeoPhrases.Phrase?
        var region: GeoPhrases.Region?
        var matches: [Gazetteer.Match]
    }

    // MARK: - Public API

    /// Every place or region phrase in a sentence, resolved in the given context. Longest match wins.
    public func mentions(in tokens: [Token], context: GeoContext) -> [PlaceMention] {
        let units = Self.units(tokens)
        let raws = scan(units, requireCapital: true)
        return resolveAll(raws, units: units, tokens: tokens, context: context)
    }

    /// Resolve one phrase as written ("the village of al-Tarbi'a", "Kafrlosin", "southern Idlib").
    public func resolve(_ phrase: String, context: GeoContext) -> ResolvedPlace? {
        let tokens = Tokenizer.tokenize(phrase)
        let units = Self.units(tokens)
        let raws = scan(units, requireCapital: false)
        let mentions = resolveAll(raws, units: units, tokens: tokens, context: context)
        if let best = mentions.filter({ $0.resolved != nil })
            .max(by: { $0.tokenRange.count < $1.tokenRange.count }), best.tokenRange.count * 2 >= tokens.count {
            return best.resolved
        }
        // Last resort: the whole phrase, with the fuzzy match.
        let found = gazetteer.matches(gazetteer.folder.keys(phrase), allowFuzzy: true)
        guard let top = PlaceScorer.rank(found, in: gazetteer, context: context, impliedKinds: []).first else {
            return mentions.first(where: { $0.resolved != nil })?.resolved
        }
        return resolved(top, precision: precision(of: top.place.kind, atLeast: 1))
    }

    // MARK: - Scanning

    static func units(_ tokens: [Token]) -> [Unit] {
        var units: [Unit] = []
        units.reserveCapacity(tokens.count)
        for (i, t) in tokens.enumerated() where !(t.kind == .punctuation && (t.text == "-" || t.text == "\u{2010}")) {
            units.append(Unit(token: i, folded: t.kind == .word ? t.folded : t.text, isWord: t.kind == .word,
                              isCapitalized: t.kind == .word && t.isCapitalized))
        }
        return units
    }

    private func scan(_ units: [Unit], requireCapital: Bool) -> [RawMention] {
        let words = units.map(\.folded)
        var out: [RawMention] = []
        var i = 0
        while i < units.count {
            if let m = mention(at: i, units: units, words: words, requireCapital: requireCapital) {
                out.append(m)
                i = m.units.upperBound
            } else {
                i += 1
            }
        }
        return out
    }

    private func mention(at start: Int, units: [Unit], words: [String], requireCapital: Bool) -> RawMention? {
        var j = start
        var leadin: GeoPhrases.Phrase?
        var direction: GeoPhrases.Phrase?
        var regionish = false
        // A named region may begin with a grammar word ("east of the Euphrates"): try it first.
        if let (region, end) = namedRegion(at: start, words: words) {
            return RawMention(units: start..<end, leadin: nil, direction: nil, regionish: true, feature: nil,
                              region: region, matches: [])
        }
        if let l = GeoPhrases.match(phrases.leadins, words, at: j) {
            leadin = l
            j += l.words.count
        }
        for _ in 0..<4 {
            if let d = GeoPhrases.match(phrases.directions, words, at: j), direction == nil {
                direction = d
                j += d.words.count
            } else if let r = GeoPhrases.match(phrases.regionLeads, words, at: j) {
                regionish = true
                j += r.words.count
            } else if j < words.count, words[j] == "the" {
                j += 1
            } else {
                break
            }
        }
        guard j < units.count else { return nil }
        if let (region, end) = namedRegion(at: j, words: words) {
            return RawMention(units: start..<end, leadin: leadin, direction: direction, regionish: true, feature: nil,
                              region: region, matches: [])
        }
        // The name: a run of words, starting capitalized (or with an article glued to a capital).
        var first = j
        if words[j].count <= 3, gazetteer.folder.isArticle(words[j]), j + 1 < units.count, units[j + 1].isCapitalized {
            first = j
        } else if requireCapital && !units[j].isCapitalized && !(leadin?.kind != nil && units[j].isWord) {
            return nil
        }
        guard units[first].isWord else { return nil }
        var runEnd = first
        while runEnd < units.count, runEnd - first < maxNameWords, units[runEnd].isWord {
            if runEnd > first, requireCapital, !units[runEnd].isCapitalized {
                // lower-case articles inside a name ("Jisr al-Shughur"), then a capital must follow
                guard gazetteer.folder.isArticle(words[runEnd]), runEnd + 1 < units.count,
                      units[runEnd + 1].isCapitalized else { break }
            }
            if runEnd > first, GeoPhrases.match(phrases.regionWords, words, at: runEnd) != nil
                || GeoPhrases.match(phrases.features, words, at: runEnd) != nil, !units[runEnd].isCapitalized {
                break
            }
            runEnd += 1
        }
        guard runEnd > first else { return nil }
        if first > 0, phrases.afterBlockers.contains(words[first - 1]) { return nil }
        let strongLeadin = leadin?.kind != nil
        // Longest span first; a region word glued to the name may itself be a name ("Damascus countryside").
        for end in stride(from: runEnd, to: first, by: -1) {
            // "Hama Military Council" is an actor, but "Tabqa military airport" is a place's feature.
            if end < units.count, phrases.beforeBlockers.contains(words[end]),
               GeoPhrases.match(phrases.features, words, at: end) == nil { continue }
            if end - first == 1, !strongLeadin, phrases.stopWords.contains(words[first]) { continue }
            if end - first == 1, gazetteer.folder.isArticle(words[first]) { continue }
            var after = end
            if let rw = GeoPhrases.match(phrases.regionWords, words, at: end) {
                let withWord = gazetteer.folder.keys(words: words[first..<(end + rw.words.count)])
                let hits = gazetteer.matches(withWord, allowSkeleton: false)
                if !hits.isEmpty {
                    return RawMention(units: start..<(end + rw.words.count), leadin: leadin, direction: direction,
                                      regionish: regionish, feature: nil, region: nil, matches: hits)
                }
            }
            let keys = gazetteer.folder.keys(words: words[first..<end])
            let allowSkeleton = keys.skeleton.count >= 4 || strongLeadin
            var hits = gazetteer.matches(keys, allowSkeleton: allowSkeleton)
            if hits.isEmpty, strongLeadin, end == runEnd { hits = gazetteer.matches(keys, allowFuzzy: true) }
            guard !hits.isEmpty || (strongLeadin && end == first + 1) else { continue }
            var feature: GeoPhrases.Phrase?
            var isRegion = regionish
            if let rw = GeoPhrases.match(phrases.regionWords, words, at: after) {
                isRegion = true
                after += rw.words.count
            } else if let f = GeoPhrases.match(phrases.features, words, at: after) {
                feature = f
                after += f.words.count
            }
            return RawMention(units: start..<after, leadin: leadin, direction: direction, regionish: isRegion,
                              feature: feature, region: nil, matches: hits)
        }
        return nil
    }

    private func namedRegion(at i: Int, words: [String]) -> (GeoPhrases.Region, Int)? {
        var s = i
        if s < words.count, words[s] == "the" { s += 1 }
        guard s < words.count, phrases.regionFirstWords.contains(words[s]) else { return nil }
        for end in stride(from: min(words.count, s + maxNameWords), to: s, by: -1) {
            let key = gazetteer.folder.keys(words: words[s..<end]).loose
            if let r = phrases.regionIndex[key] { return (phrases.regions[r], end) }
        }
        return nil
    }

    // MARK: - Resolving

    private func resolveAll(_ raws: [RawMention], units: [Unit], tokens: [Token], context: GeoContext) -> [PlaceMention] {
        // Governorates named in the sentence are hints for its other names ("Lataminah, in northern Hama").
        var sentenceHints: [String] = []
        for raw in raws {
            if let r = raw.region { sentenceHints.append(r.admin1) }
            if let m = raw.matches.first, gazetteer.places[m.index].kind == "governorate",
               raw.regionish || raw.direction != nil, let a1 = gazetteer.places[m.index].admin1 {
                sentenceHints.append(a1)
            }
        }
        var ctx = context
        ctx.admin1Hints = sentenceHints + context.admin1Hints
        return raws.map { raw in
            let lo = units[raw.units.lowerBound].token, hi = units[raw.units.upperBound - 1].token
            let text = String(decoding: Self.slice(tokens, lo, hi), as: UTF8.self)
            let (resolved, isRegion) = resolve(raw, context: ctx)
            return PlaceMention(tokenRange: lo..<(hi + 1), text: text, resolved: resolved, isRegion: isRegion)
        }
    }

    /// The written text from token `lo` to `hi`, spaces as in the original spacing (one space where there was any).
    private static func slice(_ tokens: [Token], _ lo: Int, _ hi: Int) -> [UInt8] {
        var out: [UInt8] = []
        for k in lo...hi {
            if k > lo, tokens[k].range.lowerBound > tokens[k - 1].range.upperBound { out.append(32) }
            out.append(contentsOf: tokens[k].text.utf8)
        }
        return out
    }

    private func resolve(_ raw: RawMention, context: GeoContext) -> (ResolvedPlace?, Bool) {
        if let r = raw.region {
            let name = raw.direction.map { "\($0.label) \(r.name)" } ?? r.name
            return (ResolvedPlace(location: name, admin1: r.admin1, latitude: r.latitude, longitude: r.longitude,
                                  precision: GeoPrecision(rawValue: r.precision) ?? .region, place: nil, score: 0.9,
                                  reason: "named region"), true)
        }
        let implied = Set([raw.leadin?.kind, raw.feature?.kind].compactMap { $0 })
        let ranked = PlaceScorer.rank(raw.matches, in: gazetteer, context: context, impliedKinds: implied)
        guard let top = ranked.first else { return (nil, raw.regionish) }
        // A governorate with a direction or a region word is a region: "southern Idlib countryside".
        let governorate = ranked.first { $0.place.kind == "governorate" }
        if let g = governorate, raw.regionish || raw.direction != nil || top.place.kind == "governorate",
           let a1 = g.place.admin1 {
            return (region(a1, direction: raw.direction, score: g.score), true)
        }
        var p = max(raw.leadin?.precision ?? 1, raw.feature?.precision ?? 1)
        if raw.direction != nil || raw.regionish { p = max(p, 2) }
        let result = resolved(top, precision: precision(of: top.place.kind, atLeast: p))
        return (result, false)
    }

    private func region(_ admin1: String, direction: GeoPhrases.Phrase?, score: Double) -> ResolvedPlace {
        let frame = gazetteer.admin1Frames[admin1]
        var lat = frame?.latitude, lon = frame?.longitude
        if let d = direction?.kind, let f = frame {
            // A quarter of the governorate's extent towards the direction: a point inside that part.
            let dLat = (f.maxLat - f.minLat) / 4, dLon = (f.maxLon - f.minLon) / 4
            // Character lookups: Foundation's String.contains(String) is slow on Linux.
            if d.contains(Character("N")) { lat = f.latitude + dLat }
            if d.contains(Character("S")) { lat = f.latitude - dLat }
            if d.contains(Character("E")) { lon = f.longitude + dLon }
            if d.contains(Character("W")) { lon = f.longitude - dLon }
        }
        let name = direction.map { "\($0.label) \(admin1)" } ?? admin1
        return ResolvedPlace(location: name, admin1: admin1, latitude: lat, longitude: lon, precision: .region,
                             place: nil, score: score, reason: "region of governorate \(admin1)")
    }

    private func precision(of kind: String, atLeast p: Int) -> GeoPrecision {
        let k: Int = switch kind {
        case "governorate", "country": 3
        case "district", "subdistrict", "mountain", "hill", "road": 2
        default: 1
        }
        return GeoPrecision(rawValue: max(k, p)) ?? .region
    }

    private func resolved(_ c: PlaceCandidate, precision: GeoPrecision) -> ResolvedPlace {
        ResolvedPlace(location: Self.displayName(c.place.name), admin1: c.place.admin1, latitude: c.place.latitude,
                      longitude: c.place.longitude, precision: precision, place: c.place, score: c.score,
                      reason: c.reason)
    }

    /// "Kobanî (Ayn al-Arab)" → "Kobanî": the first of a label's alternatives.
    static func displayName(_ name: String) -> String {
        var s = Substring(name)
        if let paren = s.firstIndex(of: "("), paren > s.startIndex { s = s[..<paren] }
        if let slash = s.firstIndex(of: "/"), slash > s.startIndex { s = s[..<slash] }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
