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
        /// Written in capitals throughout ("MONITOR"): a header or an acronym, never a near-miss spelling.
        var isAllCaps: Bool
        /// A hyphen stood right before it ("Palmyra-Deir"): where a two-place road name may split.
        var afterHyphen: Bool
    }

    /// What a phrase found in a sentence stands for, before it is resolved in context.
    enum Target {
        case places([Gazetteer.Match])
        case region(GeoPhrases.Region)
        /// A name the gazetteer lacks, kept because its context says it is a place.
        case unknown
        /// "the Aleppo-Damascus road": the road between two places, reported at the first.
        case road(from: [Gazetteer.Match], to: [Gazetteer.Match])
    }

    /// A phrase found before it is resolved in context.
    struct RawMention {
        var units: Range<Int>
        /// The name itself, without lead-in or feature words.
        var name: Range<Int>
        var leadin: GeoPhrases.Phrase?
        var direction: GeoPhrases.Phrase?
        var regionish: Bool          // a region word or region lead came with it
        var feature: GeoPhrases.Phrase?
        var target: Target
        /// Keys to look for near-miss spellings when the exact hits are small places outside the
        /// document's governorates (decided in context).
        var nearKeys: NameFolder.Keys?
        /// Edit-distance hits in running text count only inside the document's governorates.
        var editHitsNeedHint = false
        /// The road's name as written, without "the" ("Aleppo-Damascus road").
        var roadName: String?
    }

    // MARK: - Public API

    /// Every place or region phrase in a sentence, resolved in the given context. Longest match wins.
    public func mentions(in tokens: [Token], context: GeoContext) -> [PlaceMention] {
        let units = Self.units(tokens)
        let raws = scan(units, inRunningText: true)
        return resolveAll(raws, units: units, tokens: tokens, context: context)
    }

    /// Resolve one phrase as written ("the village of al-Tarbi'a", "Kafrlosin", "southern Idlib").
    public func resolve(_ phrase: String, context: GeoContext) -> ResolvedPlace? {
        let tokens = Tokenizer.tokenize(phrase)
        let units = Self.units(tokens)
        let raws = scan(units, inRunningText: false)
        let mentions = resolveAll(raws, units: units, tokens: tokens, context: context)
        if let best = mentions.filter({ $0.resolved != nil })
            .max(by: { $0.tokenRange.count < $1.tokenRange.count }), best.tokenRange.count * 2 >= tokens.count {
            return best.resolved
        }
        // Last resort: the whole phrase, with the fuzzy match.
        let found = gazetteer.anyMatches(gazetteer.folder.keys(phrase))
        guard let top = PlaceScorer.rank(found, in: gazetteer, context: context, impliedKinds: []).first else {
            return mentions.first(where: { $0.resolved != nil })?.resolved
        }
        return resolved(top, precision: precision(of: top.place.kind, atLeast: 1))
    }

    // MARK: - Scanning

    /// How far before its first capitalized word a phrase may start ("in the vicinity of the ...").
    private let reach = 8

    static func units(_ tokens: [Token]) -> [Unit] {
        var units: [Unit] = []
        units.reserveCapacity(tokens.count)
        var hyphen = false
        for (i, t) in tokens.enumerated() {
            if t.kind == .punctuation && (t.text == "-" || t.text == "\u{2010}") {
                // "al-Bab", "Palmyra-Deir": a hyphen joins; "RAQQA - Fighters": a spaced dash separates.
                let spaced = (i > 0 && tokens[i - 1].range.upperBound < t.range.lowerBound)
                    || (i + 1 < tokens.count && tokens[i + 1].range.lowerBound > t.range.upperBound)
                if !spaced {
                    hyphen = true
                    continue
                }
            }
            let isWord = t.kind == .word
            let capital = isWord && t.isCapitalized
            units.append(Unit(token: i, folded: isWord ? t.folded : t.text, isWord: isWord, isCapitalized: capital,
                              isAllCaps: capital && Self.isAllCaps(t.text), afterHyphen: hyphen))
            hyphen = false
        }
        return units
    }

    private static func isAllCaps(_ text: String) -> Bool {
        var letters = 0
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: letters and lower case by byte, without Unicode property tables.
            for b in text.utf8 {
                if b >= 97 && b <= 122 { return false }
                if b >= 65 && b <= 90 { letters += 1 }
            }
            return letters >= 2
        }
        for u in text.unicodeScalars where u.properties.isAlphabetic {
            if u.properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// A name right after a place and list glue (", ", "and", ", and"): a member of the same list.
    struct ListContext {
        /// The lead-in of the list's first member when it names a kind ("the villages of").
        var leadin: GeoPhrases.Phrase?
        /// After "and"/"or": the last member. After a bare comma an unknown name must be followed by more glue.
        var isLast: Bool
    }

    private func scan(_ units: [Unit], inRunningText: Bool) -> [RawMention] {
        let sentence = SentenceWords(units.map(\.folded), folder: gazetteer.folder, phrases: phrases)
        let words = sentence.words
        // The nearest capitalized word at or after each unit: a phrase needs one within reach, so
        // most positions of a sentence are passed over with one comparison.
        var nextCapital = [Int](repeating: units.count + reach + 1, count: units.count + 1)
        for k in stride(from: units.count - 1, through: 0, by: -1) where units[k].isCapitalized { 
            for m in stride(from: k, through: max(0, k - reach), by: -1) where nextCapital[m] > k { nextCapital[m] = k }
        }
        var out: [RawMention] = []
        var list: (start: Int, context: ListContext)?
        var i = 0
        while i < units.count {
            if inRunningText, nextCapital[i] - i > reach {
                i += 1
                continue
            }
            let member = list.flatMap { $0.start == i ? $0.context : nil }
            guard let m = mention(at: i, units: units, sentence, inRunningText: inRunningText, list: member) else {
                i += 1
                continue
            }
            out.append(m)
            i = m.units.upperBound
            list = nil
            if case .region = m.target { continue }
            if m.regionish { continue }
            var g = i
            var glued = false, last = false
            if g < words.count, words[g] == "," { g += 1; glued = true }
            if g < words.count, words[g] == "and" || words[g] == "or" { g += 1; glued = true; last = true }
            if glued {
                let leadin = (m.leadin?.kind != nil ? m.leadin : nil) ?? member?.leadin
                list = (g, ListContext(leadin: leadin, isLast: last))
            }
        }
        return out
    }

    private func mention(at start: Int, units: [Unit], _ w: SentenceWords, inRunningText: Bool,
                         list: ListContext?) -> RawMention? {
        let words = w.words
        // A named region may begin with a grammar word ("east of the Euphrates"): try it first.
        if let (region, end) = namedRegion(at: start, w) {
            return RawMention(units: start..<end, name: start..<end, leadin: nil, direction: nil, regionish: true,
                              feature: nil, target: .region(region))
        }
        var j = start
        var leadin: GeoPhrases.Phrase?
        var direction: GeoPhrases.Phrase?
        var regionish = false
        if let l = match(.leadin, w, at: j) {
            leadin = l
            j += l.words.count
        }
        for _ in 0..<4 {
            if let d = match(.direction, w, at: j), direction == nil {
                direction = d
                j += d.words.count
            } else if let r = match(.regionLead, w, at: j) {
                regionish = true
                j += r.words.count
            } else if j < words.count, words[j] == "the" {
                j += 1
            } else {
                break
            }
        }
        guard j < units.count else { return nil }
        if let (region, end) = namedRegion(at: j, w) {
            return RawMention(units: start..<end, name: j..<end, leadin: leadin, direction: direction, regionish: true,
                              feature: nil, target: .region(region))
        }
        // The name: a run of words, starting capitalized (or with an article glued to a capital).
        let first = j
        let articleFirst = units[j].isWord && w.isArticle(j) && j + 1 < units.count
            && units[j + 1].isCapitalized
        // Not from the middle of a longer name: "Safa" of "Tulul al-Safa" is not a place of its own.
        if articleFirst, j == start, j > 0, units[j - 1].isCapitalized, units[j].afterHyphen == false { return nil }
        if inRunningText, !units[j].isCapitalized, !articleFirst, !(leadin?.kind != nil && units[j].isWord) {
            return nil
        }
        guard units[first].isWord else { return nil }
        var runEnd = first
        while runEnd < units.count, runEnd - first < maxNameWords, units[runEnd].isWord {
            if runEnd > first, inRunningText, !units[runEnd].isCapitalized {
                // lower-case articles inside a name ("Jisr al-Shughur"), then a capital must follow
                guard w.isArticle(runEnd), runEnd + 1 < units.count, units[runEnd + 1].isCapitalized else { break }
            }
            if runEnd > first, !units[runEnd].isCapitalized, match(.regionWord, w, at: runEnd) != nil
                || match(.feature, w, at: runEnd) != nil {
                break
            }
            runEnd += 1
        }
        // A name does not end with an article ("Tulul al-" of a longer name cut at maxNameWords).
        while runEnd > first + 1, w.isArticle(runEnd - 1) { runEnd -= 1 }
        guard runEnd > first else { return nil }
        if first > 0, w.roles[first - 1].contains(.after) { return nil }

        let strongLeadin = leadin?.kind != nil
        // Near-miss spellings need evidence that a place is meant: a lead-in, a list of places, or a
        // phrase given as a place; and a spelling, not a header or acronym in capitals.
        let runAllCaps = (first..<runEnd).allSatisfy { units[$0].isAllCaps || w.isArticle($0) }
        let nearAllowed = (leadin != nil || list != nil || !inRunningText) && !runAllCaps
        let head = articleFirst ? first + 1 : first
        let headKey = w.wordKey(head)
        let nameWordCount = (first..<runEnd).count { !w.isArticle($0) }
        let isCompound = nameWordCount >= 2 && gazetteer.isCompoundHead(headKey)

        if let road = road(first..<runEnd, start: start, units: units, w, leadin: leadin) { return road }

        if gazetteer.mayStartName(headKey) || nearAllowed {
            // Longest span first; a region word glued to the name may itself be a name ("Damascus countryside").
            for end in stride(from: runEnd, to: first, by: -1) {
                let whole = end == runEnd
                // "Hama Military Council" is an actor, but "Tabqa military airport" is a place's feature.
                if end < units.count, w.roles[end].contains(.before),
                   match(.feature, w, at: end) == nil { continue }
                if end - first == 1, !strongLeadin, w.roles[first].contains(.stop) { continue }
                if end - first == 1, w.isArticle(first) { continue }
                // A part of a longer name is not that name's head alone: "Bab Touma" is not al-Bab.
                if !whole, isCompound, end - head == 1 { continue }
                if let rw = match(.regionWord, w, at: end) {
                    let hits = gazetteer.matches(w.keys(first..<(end + rw.words.count)))
                    if !hits.isEmpty {
                        return RawMention(units: start..<(end + rw.words.count), name: first..<(end + rw.words.count),
                                          leadin: leadin, direction: direction, regionish: regionish, feature: nil,
                                          target: .places(hits))
                    }
                }
                let keys = w.keys(first..<end)
                var hits = gazetteer.matches(keys)
                var nearKeys: NameFolder.Keys?
                if whole, nearAllowed {
                    if hits.isEmpty {
                        hits = gazetteer.nearMatches(keys, bounded: inRunningText)
                    } else {
                        nearKeys = keys
                    }
                }
                guard !hits.isEmpty else { continue }
                // A name does not end with an article: "Daraa al-" is not Daraa.
                if end - first >= 2, w.isArticle(end - 1) { continue }
                // "Daraa al-Balad", "Aleppo al-Jadida": a known place with an article and a name the
                // gazetteer lacks is a quarter or part of it, named in full at the known place's point.
                var end = end
                if !whole, runEnd == end + 2, w.isArticle(end), units[end + 1].isCapitalized { end = runEnd }
                var raw = placeMention(start: start, name: first..<end, leadin: leadin, direction: direction,
                                       regionish: regionish, w, target: .places(hits), nearKeys: nearKeys)
                raw.editHitsNeedHint = inRunningText
                return raw
            }
        }
        // "Ghwayran prison", "the Zuhur neighbourhood": a facility or quarter word after a name opens it too.
        let openFeature = match(.feature, w, at: runEnd)?.opensNames == true
        guard inRunningText, leadin?.opensNames == true || list != nil || openFeature,
              isUnknownName(first..<runEnd, units: units, w) else { return nil }
        if let list, !list.isLast, leadin == nil {
            // "A, B, ..." with B unknown: more of the list must follow, or B may be anything capitalized.
            guard runEnd < words.count, words[runEnd] == "," || words[runEnd] == "and" || words[runEnd] == "or" else { return nil }
        }
        return placeMention(start: start, name: first..<runEnd, leadin: leadin ?? list?.leadin, direction: direction,
                            regionish: regionish, w, target: .unknown, nearKeys: nil)
    }

    /// The mention of a name with what follows it: a region word ("countryside") or a feature ("hill").
    private func placeMention(start: Int, name: Range<Int>, leadin: GeoPhrases.Phrase?, direction: GeoPhrases.Phrase?,
                              regionish: Bool, _ w: SentenceWords, target: Target, nearKeys: NameFolder.Keys?) -> RawMention {
        var after = name.upperBound
        var feature: GeoPhrases.Phrase?
        var isRegion = regionish
        if let rw = match(.regionWord, w, at: after) {
            isRegion = true
            after += rw.words.count
        } else if let f = match(.feature, w, at: after) {
            feature = f
            after += f.words.count
        }
        var raw = RawMention(units: start..<after, name: name, leadin: leadin, direction: direction, regionish: isRegion,
                             feature: feature, target: target)
        raw.nearKeys = nearKeys
        if case .unknown = target { raw.units = name }
        return raw
    }

    /// A capitalized run the gazetteer lacks that may still be kept as a place: written as a name
    /// (not in capitals), at least three letters, none of its words an actor's or a common word.
    private func isUnknownName(_ run: Range<Int>, units: [Unit], _ w: SentenceWords) -> Bool {
        guard units[run.lowerBound].isCapitalized || w.isArticle(run.lowerBound) else { return false }
        var letters = 0
        for k in run {
            if units[k].isAllCaps || !w.roles[k].isDisjoint(with: [.stop, .after, .before]) { return false }
            letters += w.words[k].utf8.count
        }
        if w.has(.before, at: run.upperBound) { return false }
        return letters >= 3
    }

    /// "the Palmyra-Deir Ezzor highway", "the Aleppo-Damascus road": two known places joined by a
    /// hyphen before a road word.
    private func road(_ run: Range<Int>, start: Int, units: [Unit], _ w: SentenceWords, leadin: GeoPhrases.Phrase?) -> RawMention? {
        guard run.count >= 2, let f = match(.feature, w, at: run.upperBound), f.kind == "road" else {
            return nil
        }
        for k in (run.lowerBound + 1)..<run.upperBound where units[k].afterHyphen && !w.isArticle(k - 1) && !w.isArticle(k) {
            let from = gazetteer.matches(w.keys(run.lowerBound..<k))
            let to = gazetteer.matches(w.keys(k..<run.upperBound))
            guard !from.isEmpty, !to.isEmpty else { continue }
            let end = run.upperBound + f.words.count
            return RawMention(units: start..<end, name: run.lowerBound..<end, leadin: leadin, direction: nil,
                              regionish: false, feature: f, target: .road(from: from, to: to))
        }
        return nil
    }

    /// A named region ("Eastern Ghouta", "east of the Euphrates") starting at unit `i`; kept per
    /// sentence, as consecutive starts ask for the same positions again.
    private func namedRegion(at i: Int, _ w: SentenceWords) -> (GeoPhrases.Region, Int)? {
        var s = i
        if s < w.count, w.words[s] == "the" { s += 1 }
        // Most starts open no region name: answered by a bit test, before the memo (a class property,
        // whose every read and write pays an exclusivity check).
        guard w.has(.regionFirst, at: s) else { return nil }
        if let known = w.namedRegions[i] { return known.map { (phrases.regions[$0.region], $0.end) } }
        var found: (region: Int, end: Int)?
        for (end, key) in w.looseKeys(from: s, through: min(w.count, s + maxNameWords), longest: phrases.longestRegionKey,
                                      prefixes: phrases.regionKeyPrefixes) {
            if let r = phrases.region(looseKey: key) {
                found = (r, end)
                break
            }
        }
        w.namedRegions[i] = .some(found)
        return found.map { (phrases.regions[$0.region], $0.end) }
    }

    /// `GeoPhrases.match` on the table of `role`, skipped with a bit test when the word starts none of it.
    private func match(_ role: GeoPhrases.Roles, _ w: SentenceWords, at: Int) -> GeoPhrases.Phrase? {
        guard w.has(role, at: at) else { return nil }
        return phrases.match(role, w.ids, at: at)
    }

    // MARK: - Resolving

    private func resolveAll(_ raws: [RawMention], units: [Unit], tokens: [Token], context: GeoContext) -> [PlaceMention] {
        // Governorates named in the sentence are hints for its other names ("Lataminah, in northern Hama").
        var sentenceHints: [String] = []
        for raw in raws {
            switch raw.target {
            case .region(let r): sentenceHints.append(r.admin1)
            case .places(let matches):
                if let m = matches.first, gazetteer.places[m.index].kind == "governorate",
                   raw.regionish || raw.direction != nil, let a1 = gazetteer.places[m.index].admin1 {
                    sentenceHints.append(a1)
                }
            case .unknown, .road: continue
            }
        }
        var ctx = context
        ctx.admin1Hints = sentenceHints + context.admin1Hints
        return raws.map { raw in
            let lo = units[raw.units.lowerBound].token, hi = units[raw.units.upperBound - 1].token
            let text = String(decoding: Self.slice(tokens, lo, hi), as: UTF8.self)
            var raw = raw
            if case .road = raw.target {
                raw.roadName = String(decoding: Self.slice(tokens, units[raw.name.lowerBound].token,
                                                           units[raw.name.upperBound - 1].token), as: UTF8.self)
            }
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
        let implied = Set([raw.leadin?.kind, raw.feature?.kind].compactMap { $0 })
        let matches: [Gazetteer.Match]
        switch raw.target {
        case .region(let r):
            let name = raw.direction.map { "\($0.label) \(r.name)" } ?? r.name
            return (ResolvedPlace(location: name, admin1: r.admin1, latitude: r.latitude, longitude: r.longitude,
                                  precision: GeoPrecision(rawValue: r.precision) ?? .region, place: nil, score: 0.9,
                                  reason: "named region"), true)
        case .unknown:
            return (nil, false)
        case .road(let from, let to):
            return (road(from: from, to: to, raw: raw, context: context), false)
        case .places(var found):
            // A name found only by its consonants or an edit ("the Jabal" ~ Jabbul) is taken only in the
            // governorates the text names: elsewhere it is more likely a word or a place the gazetteer lacks.
            if raw.editHitsNeedHint, !context.admin1Hints.isEmpty, found.allSatisfy({ $0.level >= .skeleton }) {
                let hints = Set(context.admin1Hints.map { gazetteer.canonicalAdmin1($0) })
                found.removeAll { !(gazetteer.places[$0.index].admin1.map(hints.contains) ?? false) }
            }
            matches = found + nearMissesInHintedGovernorates(raw, found, context: context)
        }
        let ranked = PlaceScorer.rank(matches, in: gazetteer, context: context, impliedKinds: implied, reasons: false)
        guard let top = ranked.first else { return (nil, raw.regionish) }
        // A governorate with a direction or a region word is a region: "southern Idlib countryside".
        let governorate = ranked.first { $0.place.kind == "governorate" }
        // "south of Damascus": a direction from a governorate that is one city is a direction from
        // the city, near it, not the whole governorate.
        if top.place.kind == "governorate", raw.leadin?.precision == 2, raw.direction == nil, !raw.regionish {
            return (resolved(top, precision: .near), false)
        }
        if let g = governorate, raw.regionish || raw.direction != nil || top.place.kind == "governorate",
           let a1 = g.place.admin1 {
            return (region(a1, direction: raw.direction, score: g.score), true)
        }
        var p = max(raw.leadin?.precision ?? 1, raw.feature?.precision ?? 1)
        if raw.direction != nil || raw.regionish { p = max(p, 2) }
        var result = resolved(top, precision: precision(of: top.place.kind, atLeast: p))
        result.reason = explain(top, among: matches, context: context, implied: implied)
        return (result, false)
    }

    /// Reasons are words to build, so only the chosen candidate gets them.
    private func explain(_ c: PlaceCandidate, among matches: [Gazetteer.Match], context: GeoContext,
                         implied: Set<String>) -> String {
        guard let m = matches.first(where: { gazetteer.places[$0.index] == c.place }) else { return c.reason }
        return PlaceScorer.rank([m], in: gazetteer, context: context, impliedKinds: implied).first?.reason ?? c.reason
    }

    /// A near-miss spelling in a governorate of the document may beat an exact match far away, but
    /// only when that exact match is a small place (a village of the same name elsewhere, not a city).
    private func nearMissesInHintedGovernorates(_ raw: RawMention, _ found: [Gazetteer.Match],
                                                context: GeoContext) -> [Gazetteer.Match] {
        guard let keys = raw.nearKeys, !context.admin1Hints.isEmpty else { return [] }
        let hints = Set(context.admin1Hints.map { gazetteer.canonicalAdmin1($0) })
        for m in found {
            let p = gazetteer.places[m.index]
            if let a1 = p.admin1, hints.contains(a1) { return [] }
            if PlaceScorer.prominence(p.kind) >= PlaceScorer.prominence("town") { return [] }
        }
        return gazetteer.nearMatches(keys).filter { gazetteer.places[$0.index].admin1.map(hints.contains) ?? false }
    }

    /// A road between two places: reported as written, at the first place, with its governorate.
    private func road(from: [Gazetteer.Match], to: [Gazetteer.Match], raw: RawMention, context: GeoContext) -> ResolvedPlace? {
        guard let a = PlaceScorer.rank(from, in: gazetteer, context: context, impliedKinds: []).first else { return nil }
        let b = PlaceScorer.rank(to, in: gazetteer, context: context, impliedKinds: []).first
        return ResolvedPlace(location: raw.roadName ?? Self.displayName(a.place.name), admin1: a.place.admin1,
                             latitude: a.place.latitude, longitude: a.place.longitude, precision: .near, place: nil,
                             score: min(a.score, b?.score ?? a.score),
                             reason: "road from \(a.place.name) to \(b.map { $0.place.name } ?? "?")")
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
        var utf8 = name
        if let cut = utf8.withUTF8({ b in displayNameEnd(b).map { String(decoding: UnsafeBufferPointer(rebasing: b[..<$0]), as: UTF8.self) } }) {
            return cut
        }
        var s = Substring(name)
        if let paren = s.firstIndex(of: "("), paren > s.startIndex { s = s[..<paren] }
        if let slash = s.firstIndex(of: "/"), slash > s.startIndex { s = s[..<slash] }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// Where `displayName` cuts `name`, found on the bytes: "(", "/" and " " are ASCII, and a byte of
    /// them with ASCII bytes on both sides is a Character of its own, so the byte cut is the Character
    /// cut. Nil (the Character path decides) when a non-ASCII byte touches one of the bytes looked at.
    /// Runs for every place resolved; the Character search cost several thousand instructions a name.
    static func displayNameEnd(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        func alone(_ i: Int) -> Bool { (i == 0 || b[i - 1] < 0x80) && (i + 1 >= b.count || b[i + 1] < 0x80) }
        var end = b.count
        for mark in [UInt8(ascii: "("), UInt8(ascii: "/")] {
            guard let i = b[..<end].firstIndex(of: mark) else { continue }
            guard alone(i) else { return nil }
            if i > 0 { end = i }
        }
        while end > 0, b[end - 1] == 0x20 {
            guard alone(end - 1) else { return nil }
            end -= 1
        }
        return end
    }
}
