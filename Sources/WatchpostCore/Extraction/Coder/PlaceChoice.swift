/// Picks the place(s) of an event clause: one event per place of a coordinated list
/// ("the villages of A, B and C"), the most precise place otherwise, never the origin of fire.
enum PlaceChoice {
    // Word lists asked of every token are static: a literal array in the test was built (and freed) per token.
    static let roadWords = ["road", "highway", "motorway"]
    static let solidarityWords = ["solidarity", "support"]

    /// Words that may stand between the names of one list.
    static let listGlue: Set<String> = ["and", ",", "as", "well", "or", "the", "of", "villages", "towns", "village",
                                        "town", "areas", "neighbourhoods", "neighborhoods", "districts", "also", "both"]
    static let originWords: Set<String> = ["from"]
    static let locativeWords: Set<String> = ["in", "at", "near", "into", "on", "of", "around", "outside", "inside",
                                             "towards", "toward", "to", "targeting", "across", "within"]

    /// The chosen places, in text order; empty when the clause names none.
    static func choose(_ t: TaggedSentence, trigger: Range<Int>) -> [PlaceMention] {
        // Names the gazetteer lacks (kept as written after "the village of" or inside a list) count too.
        let actorTokens = Set(t.actors.flatMap { Array($0.tokenRange) })
        let named = t.places.filter { p in
            guard p.resolved == nil else { return true }
            // An unknown name must look like one: capitalized, not an actor's name, not a possessive.
            let name = bareName(p.text)
            return startsCapitalized(name) && !ASCIISearch.contains(name, "'s")
                && !p.tokenRange.contains(where: actorTokens.contains)
        }
        guard !named.isEmpty else { return [] }
        func score(_ p: PlaceMention) -> Int {
            let s = p.tokenRange.lowerBound
            var v = p.resolved == nil ? -1 : 0
            if (1...3).contains(where: { originWords.contains(t.word(s - $0)) }) { v -= 4 }
            // The lead-in may be part of the phrase ("In Qamishlo", "the villages of A") or stand before
            // it ("of Kobane").
            let lead = leadWords(p, in: t)
            if (1...3).contains(where: { locativeWords.contains(t.word(s - $0)) }) || lead.contains(where: locativeWords.contains) { v += 1 }
            // A small place's kind said outright ("the village of A", "the Zahraa neighbourhood") is
            // where things happen; a city or governorate is as often the frame around it.
            if lead.contains(where: smallPlaceKinds.contains) || smallPlaceKinds.contains(t.word(p.tokenRange.upperBound))
                || smallPlaceKinds.contains(t.word(p.tokenRange.upperBound - 1)) { v += 1 }
            // "on the A-B road near C", "the road between A and B, near C": a road and the towns it
            // links frame the place; the settlement named near it is where it happened.
            if t.tokens[p.tokenRange].contains(where: { roadWords.contains($0.folded) }) { v -= 1 }
            if (1...3).contains(where: { t.word(s - $0) == "between" }) || lead.contains("between") { v -= 1 }
            // "jets struck the X neighbourhood", "shelled Tell Dam": the object of the event word is its target.
            if s == trigger.upperBound || s == trigger.upperBound + 1 && t.word(trigger.upperBound) == "the" { v += 1 }
            // "units deployed in X", "the brigade, based in X": where an actor stays, not where it acts.
            if (1...3).contains(where: { stationWords.contains(t.word(s - $0)) }) || lead.contains(where: stationWords.contains) { v -= 1 }
            // "in solidarity with Kobane", "in support of Daraa": the place the event is about, not at.
            if (1...3).contains(where: { solidarityWords.contains(t.word(s - $0)) }) { v -= 2 }
            // "In Daraa, ... the town of Busra": a place named like its governorate yields to a place
            // of that governorate named beside it.
            // (The list is asked first: folding the two names is the costly test.)
            if let r = p.resolved, let a = r.admin1,
               named.contains(where: { o in o.resolved.map { $0.admin1 == a && $0.location != r.location } ?? false && !o.isRegion }),
               r.place?.kind == "governorate" || NameFolder.words(of: r.location) == NameFolder.words(of: a) {
                v -= 1
            }
            // A front or axis ("the Kabani axis") is nearly a place; a governorate region is not.
            if p.isRegion { v -= p.resolved?.precision == .near ? 1 : 2 }
            if isReferencePoint(p, in: t) { v -= 2 }
            // "Lattakia, SAPA -", "Qamishlo -": the dateline says where the report was filed.
            if isDateline(p, in: t) { v -= 2 }
            if (1...2).contains(where: { t.word(s - $0) == "km" || t.word(s - $0) == "kilometres" || t.word(s - $0) == "kilometers" }) { v -= 3 }
            return v
        }
        // The best group: the first mention with the highest score, and the mentions listed with it.
        let scores = named.map(score)
        let best = named.indices.max { a, b in
            scores[a] != scores[b] ? scores[a] < scores[b] : a > b
        }!
        var group = [named[best]]
        var i = best
        // "between A and B, near C": a name with its own lead-in after a bare comma starts another phrase.
        func ownPhrase(_ p: PlaceMention, after previous: PlaceMention) -> Bool {
            let glue = (previous.tokenRange.upperBound..<p.tokenRange.lowerBound).map { t.word($0) }
            return glue == [","] && leadWords(p, in: t).contains(where: locativeWords.contains)
        }
        while i + 1 < named.count, isGlued(t, named[i].tokenRange.upperBound, named[i + 1].tokenRange.lowerBound),
              named[i + 1].isRegion == named[best].isRegion, !isReferencePoint(named[i + 1], in: t),
              !ownPhrase(named[i + 1], after: named[i]) {
            group.append(named[i + 1])
            i += 1
        }
        i = best
        while i > 0, isGlued(t, named[i - 1].tokenRange.upperBound, named[i].tokenRange.lowerBound),
              named[i - 1].isRegion == named[best].isRegion, scores[i - 1] > -3, !isReferencePoint(named[i - 1], in: t),
              !ownPhrase(named[i], after: named[i - 1]) {
            group.insert(named[i - 1], at: 0)
            i -= 1
        }
        return group
    }

    static let smallPlaceKinds: Set<String> = ["village", "villages", "town", "towns", "neighbourhood", "neighbourhoods",
                                               "neighborhood", "neighborhoods", "quarter", "hamlet", "camp"]
    static let stationWords: Set<String> = ["deployed", "based", "stationed", "positioned", "headquartered"]

    /// The lower-case words a place phrase starts with, before its name ("the villages of").
    static func leadWords(_ p: PlaceMention, in t: TaggedSentence) -> [String] {
        var words: [String] = []
        for i in p.tokenRange {
            let token = t.tokens[i]
            if token.isCapitalized && i > p.tokenRange.lowerBound || words.count >= 4 { break }
            if token.isCapitalized, !locativeWords.contains(token.folded) { break }
            words.append(token.folded)
        }
        return words
    }

    static let directions: Set<String> = ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                                          "north-east", "north-west", "south-east", "south-west", "northern", "southern",
                                          "eastern", "western"]

    /// "west of Daraa city", "20 km north of Idlib": a place named to say where another one lies,
    /// not where the event happened (when a place is named beside it).
    static func isReferencePoint(_ p: PlaceMention, in t: TaggedSentence) -> Bool {
        let s = p.tokenRange.lowerBound
        let lead = t.tokens[p.tokenRange].prefix(3).map(\.folded)
        if lead.count >= 2, directions.contains(lead[0]), lead[1] == "of" { return true }
        if t.word(s - 1) == "of", directions.contains(t.word(s - 2)) { return true }
        if t.word(s - 1) == "of", t.word(s - 2) == "-", directions.contains(t.word(s - 3)) { return true }
        return false
    }

    static let quarterWords: Set<String> = ["neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "quarter", "quarters",
                                            "district", "districts", "square", "roundabout"]

    /// A quarter of a town: its kind word right after the name ("the X neighbourhood"), or closing or
    /// opening the list the name stands in ("the A and B neighbourhoods", "the neighbourhoods of A and B").
    static func isQuarter(_ p: PlaceMention, in t: TaggedSentence) -> Bool {
        if quarterWords.contains(t.word(p.tokenRange.upperBound - 1)) || leadWords(p, in: t).contains(where: quarterWords.contains) {
            return true
        }
        func inList(_ i: Int) -> Bool {
            listGlue.contains(t.word(i)) || t.places.contains { $0.tokenRange.contains(i) }
        }
        var j = p.tokenRange.upperBound
        while j < t.tokens.count {
            if quarterWords.contains(t.word(j)) { return true }
            guard inList(j), j - p.tokenRange.upperBound < 8 else { break }
            j += 1
        }
        var i = p.tokenRange.lowerBound - 1
        while i >= 1 {
            if t.word(i) == "of", quarterWords.contains(t.word(i - 1)) { return true }
            guard inList(i), p.tokenRange.lowerBound - i < 8 else { break }
            i -= 1
        }
        return false
    }

    /// The one city (or city-governorate, "in Damascus") the sentence names beside a quarter.
    static func cityOfQuarter(_ p: PlaceMention, in t: TaggedSentence) -> ResolvedPlace? {
        guard isQuarter(p, in: t) else { return nil }
        let cities = t.places.filter { !$0.tokenRange.overlaps(p.tokenRange) }.compactMap { $0.resolved }
            .filter { ($0.place?.kind == "city" || $0.place?.kind == "governorate") && $0.location != p.resolved?.location }
        let distinct = Dictionary(cities.map { ($0.location, $0) }, uniquingKeysWith: { a, _ in a })
        return distinct.count == 1 ? distinct.values.first : nil
    }

    /// The city a quarter ("the X neighbourhood") belongs to, when the sentence names one city and the
    /// namesake the gazetteer found is elsewhere: in another governorate, or well outside the city.
    static func cityAroundQuarter(_ p: PlaceMention, in t: TaggedSentence) -> ResolvedPlace? {
        guard let r = p.resolved, let city = cityOfQuarter(p, in: t) else { return nil }
        if r.admin1 != city.admin1 { return city }
        if city.place?.kind == "city", let a = r.latitude, let b = r.longitude, let c = city.latitude, let d = city.longitude,
           Geo.distanceKm(a, b, c, d) > 15 {
            return city
        }
        return nil
    }

    /// A place that opens the sentence and is followed by a dash, or by a comma and an agency and a
    /// dash, within four words: a dateline.
    static func isDateline(_ p: PlaceMention, in t: TaggedSentence) -> Bool {
        guard p.tokenRange.lowerBound == 0 else { return false }
        let end = p.tokenRange.upperBound
        if dashes.contains(t.word(end)) { return true }
        guard t.word(end) == "," else { return false }
        return (end + 1...end + 4).contains { dashes.contains(t.word($0)) }
    }
    static let dashes: Set<String> = ["-", "–", "—"]

    /// The place a reference phrase points from, to locate a name the gazetteer lacks nearby.
    static func referencePoint(in t: TaggedSentence) -> ResolvedPlace? {
        t.places.first { $0.resolved != nil && !$0.isRegion && isReferencePoint($0, in: t) }?.resolved
    }

    /// "Douma", "al-Yadudah": a name is capitalized, after the Arabic article that may lead it.
    static func startsCapitalized(_ name: String) -> Bool {
        let lowered = name.lowercased()
        let core = articles.first { lowered.hasPrefix($0) && lowered.count > $0.count }.map { name.dropFirst($0.count) } ?? Substring(name)
        return core.unicodeScalars.first?.properties.isUppercase == true
    }

    static let articles = ["al-", "el-", "as-", "ash-", "ad-", "at-", "ar-", "az-", "an-", "adh-", "ath-"]

    /// A place phrase without its lower-case lead-in words ("near Tell Dam" → "Tell Dam").
    static func bareName(_ text: String) -> String {
        var words = text.split(separator: " ")
        // Lead-in words go; an article that starts the name ("al-Tarbi'a") stays.
        while let w = words.first, let c = w.unicodeScalars.first {
            let lowered = w.lowercased()
            guard aroundName.contains(lowered) || (!c.properties.isUppercase && !articles.contains { lowered.hasPrefix($0) }) else { break }
            words.removeFirst()
        }
        while words.count > 1, let w = words.last {
            let lowered = w.lowercased()
            guard aroundName.contains(lowered) || areaWords.contains(lowered) else { break }
            words.removeLast()
        }
        return words.joined(separator: " ")
    }

    /// Lead-in and kind words around a name, whatever their case ("In Douma", "Raqqa city").
    static let aroundName: Set<String> = ["in", "at", "near", "the", "of", "on", "into", "village", "town", "city", "outskirts",
                                          "vicinity", "around", "outside", "inside", "neighbourhood", "neighborhood"]
    /// "the Qamishli region", "Idlib countryside": the area words go, the name stays.
    static let areaWords: Set<String> = ["region", "area", "areas", "countryside", "province", "governorate", "suburbs", "environs"]

    /// Only list glue ("," "and" "the villages of") between two token positions, with a comma or "and".
    static let leadGlue: Set<String> = ["in", "the", "vicinity", "of", "town", "village", "near", "outskirts", "at", "city"]

    static func isGlued(_ t: TaggedSentence, _ from: Int, _ to: Int) -> Bool {
        guard to >= from, to - from <= 8 else { return false }
        let between = (from..<to).map { t.word($0) }
        if between.contains(where: { $0 == "," || $0 == "and" || $0 == "or" }) && between.allSatisfy({ listGlue.contains($0) }) {
            return true
        }
        // "the village of A and near the town of B": a second place with its own lead-in.
        return between.first == "and" && between.dropFirst().allSatisfy { leadGlue.contains($0) }
            && between.contains { ["town", "village", "vicinity", "outskirts"].contains($0) }
    }
}
