import Foundation

/// Places with an index of folded name keys: the bundled gazetteer, extended by user files.
///
/// Lookup tries, in order, the exact folded form, the loose transliteration key, the consonant
/// skeleton, and last a bounded edit distance on the loose key; each level scores lower.
public struct Gazetteer: Sendable {
    let places: [Place]
    let folder: NameFolder
    private let plainIndex: [String: [Int32]]
    private let looseIndex: [String: [Int32]]
    /// Consonant skeleton → the loose keys that have it, so a skeleton hit can be checked by edit distance.
    private let skeletonIndex: [String: [String]]
    /// Loose keys grouped by length and first letter, for the fuzzy last resort; with their bytes,
    /// so the edit-distance scan converts nothing.
    private let looseByLengthAndFirst: [Int: [(key: String, bytes: [UInt8])]]
    /// Loose keys of the first (non-article) word of every name, and every whole loose key: a name
    /// can only start at a word whose key is here ("kafrlosin" is a whole key of "Kafr Losin").
    private let nameStarts: Set<String>
    /// First words that begin many multi-word names ("Bab", "Tall"): a run starting with one names a
    /// place of its own ("Bab Touma"), not the place called by the head word alone.
    private let compoundHeads: Set<String>
    /// Per governorate: centroid and extent, for the representative points of regions.
    let admin1Frames: [String: AdminFrame]
    /// Loose keys of governorate names and their variants → the admin1 name places carry.
    private let admin1ByKey: [String: String]

    struct AdminFrame: Sendable {
        var latitude: Double, longitude: Double
        var minLat: Double, maxLat: Double, minLon: Double, maxLon: Double
    }

    public static func bundled() throws -> Gazetteer {
        guard let url = BundledData.url("gazetteer/places.tsv") else {
            throw InputError(.unreadable, input: "gazetteer/places.tsv", message: "bundled gazetteer missing")
        }
        return try Gazetteer(files: [url])
    }

    /// Loads the bundled format; later files (a user gazetteer) extend earlier ones.
    public init(files: [URL]) throws {
        try self.init(files: files, folder: NameFolder.bundled())
    }

    init(files: [URL], folder: NameFolder) throws {
        var rows: [GazetteerFile.Row] = []
        for url in files {
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw InputError(.unreadable, input: url.path, message: "\(error)")
            }
            let parsed = GazetteerFile.parse(text, input: url.path)
            if let first = parsed.errors.first { throw first }
            rows += parsed.rows
        }
        self.init(rows: rows, folder: folder)
    }

    init(rows: [GazetteerFile.Row], folder: NameFolder) {
        self.folder = folder
        var places: [Place] = []
        var plain: [String: [Int32]] = [:], loose: [String: [Int32]] = [:], skeleton: [String: [String]] = [:]
        var starts = Set<String>(), headCounts: [String: Int] = [:]
        places.reserveCapacity(rows.count)
        plain.reserveCapacity(rows.count * 3)
        loose.reserveCapacity(rows.count * 3)
        skeleton.reserveCapacity(rows.count * 3)
        func add(_ key: String, _ i: Int32, to index: inout [String: [Int32]]) {
            guard !key.isEmpty else { return }
            if let existing = index[key], existing.last == i { return }
            index[key, default: []].append(i)
        }
        for row in rows {
            let i = Int32(places.count)
            places.append(row.place)
            for name in [row.place.name] + row.variants {
                let words = NameFolder.words(of: name)
                let k = folder.keys(words: words)
                add(k.plain, i, to: &plain)
                add(k.loose, i, to: &loose)
                // Short skeletons ("hm", "sd") match too much to be evidence.
                if k.skeleton.count >= 3, !(skeleton[k.skeleton]?.contains(k.loose) ?? false) {
                    skeleton[k.skeleton, default: []].append(k.loose)
                }
                starts.insert(k.loose)
                if let head = words.firstIndex(where: { !folder.isArticle($0) }) {
                    let headKey = folder.wordKey(words[head])
                    starts.insert(headKey)
                    if words.count - head >= 2 { headCounts[headKey, default: 0] += 1 }
                }
            }
        }
        self.places = places
        plainIndex = plain
        looseIndex = loose
        skeletonIndex = skeleton
        looseByLengthAndFirst = Dictionary(grouping: loose.keys, by: { Self.bucket($0.utf8.count, $0.utf8.first ?? 0) })
            .mapValues { keys in keys.map { ($0, Array($0.utf8)) } }
        nameStarts = starts
        compoundHeads = Set(headCounts.filter { $0.value >= Self.compoundHeadMinimum }.keys)
        admin1Frames = Self.frames(places)
        var byKey: [String: String] = [:]
        for row in rows where row.place.kind == "governorate" {
            guard let a1 = row.place.admin1 else { continue }
            for name in [row.place.name, a1] + row.variants { byKey[folder.keys(name).loose] = a1 }
        }
        admin1ByKey = byKey
    }

    /// How many multi-word names must begin with a word for it to be a compound head.
    static let compoundHeadMinimum = 4

    private static func bucket(_ length: Int, _ first: UInt8) -> Int { length << 8 | Int(first) }

    /// Whether a name may start at a word with this key (`NameFolder.wordKey`): one set lookup that
    /// rules out most capitalized words of a sentence before any span is folded.
    func mayStartName(_ wordKey: String) -> Bool { nameStarts.contains(wordKey) }

    /// Whether the word (key) begins many multi-word names, so that alone it is not a name.
    func isCompoundHead(_ wordKey: String) -> Bool { compoundHeads.contains(wordKey) }

    /// The admin1 name places carry for a hint written another way ("Idleb" → "Idlib").
    func canonicalAdmin1(_ hint: String) -> String {
        if admin1Frames[hint] != nil { return hint }
        return admin1ByKey[folder.keys(hint).loose] ?? hint
    }

    private static func frames(_ places: [Place]) -> [String: AdminFrame] {
        var frames: [String: AdminFrame] = [:]
        for p in places {
            guard let a1 = p.admin1, let lat = p.latitude, let lon = p.longitude else { continue }
            if var f = frames[a1] {
                f.minLat = min(f.minLat, lat); f.maxLat = max(f.maxLat, lat)
                f.minLon = min(f.minLon, lon); f.maxLon = max(f.maxLon, lon)
                frames[a1] = f
            } else {
                frames[a1] = AdminFrame(latitude: lat, longitude: lon, minLat: lat, maxLat: lat, minLon: lon, maxLon: lon)
            }
        }
        for p in places where p.kind == "governorate" {
            if let a1 = p.admin1, let lat = p.latitude, let lon = p.longitude { frames[a1]?.latitude = lat; frames[a1]?.longitude = lon }
        }
        return frames
    }

    /// How a name matched.
    enum MatchLevel: Int, Comparable, Sendable {
        case exact = 0, loose, skeleton, fuzzy
        static func < (a: MatchLevel, b: MatchLevel) -> Bool { a.rawValue < b.rawValue }
        var score: Double { [1.0, 0.97, 0.85, 0.7][rawValue] }
        var label: String { ["exact", "transliteration key", "consonant skeleton", "fuzzy"][rawValue] }
    }

    struct Match: Sendable {
        var index: Int
        var level: MatchLevel
    }

    /// Places whose names match these keys exactly or by transliteration key.
    func matches(_ k: NameFolder.Keys) -> [Match] {
        var seen = Set<Int32>()
        var out: [Match] = []
        for i in plainIndex[k.plain] ?? [] where seen.insert(i).inserted { out.append(Match(index: Int(i), level: .exact)) }
        for i in looseIndex[k.loose] ?? [] where seen.insert(i).inserted { out.append(Match(index: Int(i), level: .loose)) }
        return out
    }

    /// Near misses of a name: places whose consonant skeleton is the same, or whose loose key is a
    /// bounded edit away (skeleton hits: one edit up to 8 letters, two from 9, five letters at least;
    /// other spellings: one edit from 5 letters, two from 11). The
    /// bound applies to skeleton hits too: "Monitor" and "Muntar" share a skeleton but not a spelling.
    /// `bounded: false` (a phrase known to be a place) takes every skeleton hit, however far its spelling.
    func nearMatches(_ k: NameFolder.Keys, bounded: Bool = true) -> [Match] {
        let q = Array(k.loose.utf8)
        guard q.count >= 5 || !bounded else { return [] }
        let bound = q.count >= 9 ? 2 : 1
        var seen = Set<Int32>()
        var out: [Match] = []
        for candidate in skeletonIndex[k.skeleton] ?? [] where !bounded || Self.within(bound, q, Array(candidate.utf8)) {
            for i in looseIndex[candidate] ?? [] where seen.insert(i).inserted { out.append(Match(index: Int(i), level: .skeleton)) }
        }
        // In running text edit hits also need the document's governorate (Geocoder): short names have many neighbours.
        let editBound = q.count >= 11 ? 2 : 1
        guard q.count >= 5 else { return out }
        // Same first letter: transliteration folding already unifies first letters, and it keeps the scan short.
        for len in (q.count - editBound)...(q.count + editBound) {
            for candidate in looseByLengthAndFirst[Self.bucket(len, q[0])] ?? []
            where Self.within(editBound, q, candidate.bytes) {
                for i in looseIndex[candidate.key] ?? [] where seen.insert(i).inserted {
                    out.append(Match(index: Int(i), level: .fuzzy))
                }
            }
        }
        return out
    }

    /// Exact or key matches, else the near misses: what a phrase known to be a place may mean.
    func anyMatches(_ k: NameFolder.Keys) -> [Match] {
        let found = matches(k)
        return found.isEmpty ? nearMatches(k, bounded: false) : found
    }

    /// `distance(a, b, bound:) <= bound`; one edit is settled in one pass, without the table.
    static func within(_ bound: Int, _ a: [UInt8], _ b: [UInt8]) -> Bool {
        bound == 1 ? withinOneEdit(a, b) : distance(a, b, bound: bound) <= bound
    }

    /// Levenshtein distance at most 1: equal, one substitution, or one insertion or deletion.
    static func withinOneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1 else { return false }
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        if i == short.count { return true }  // equal, or one letter added at the end
        if short.count == long.count {
            // One substitution at i: the rest must be equal.
            var k = i + 1
            while k < short.count, short[k] == long[k] { k += 1 }
            return k == short.count
        }
        // One letter of the longer skipped at i.
        var k = i
        while k < short.count, short[k] == long[k + 1] { k += 1 }
        return k == short.count
    }

    /// Levenshtein distance, or `bound + 1` once every entry of a row exceeds `bound`. The two rows
    /// live in one stack buffer: this runs for every key of a bucket, and two arrays a call were most of its cost.
    static func distance(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int {
        let n = b.count
        guard !a.isEmpty else { return n }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (n + 1)) { rows in
            var prev = rows.baseAddress!, cur = prev + (n + 1)
            for j in 0...n { prev[j] = j }
            for i in 1...a.count {
                cur[0] = i
                var rowMin = i
                let ai = a[i - 1]
                var j = 1
                while j <= n {
                    let v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai == b[j - 1] ? 0 : 1))
                    cur[j] = v
                    rowMin = min(rowMin, v)
                    j += 1
                }
                if rowMin > bound { return bound + 1 }
                swap(&prev, &cur)
            }
            return prev[n]
        }
    }

    /// Candidates for a name, scored, with the reason for each score; best first.
    public func lookup(_ name: String, near admin1: String? = nil) -> [PlaceCandidate] {
        let found = anyMatches(folder.keys(name))
        let context = GeoContext(admin1Hints: admin1.map { [$0] } ?? [])
        return PlaceScorer.rank(found, in: self, context: context, impliedKinds: [])
    }

    var count: Int { places.count }
}
