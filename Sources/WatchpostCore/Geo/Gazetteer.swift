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
    private let skeletonIndex: [String: [Int32]]
    /// Loose keys grouped by length, for the fuzzy last resort.
    private let looseByLength: [Int: [String]]
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
        var plain: [String: [Int32]] = [:], loose: [String: [Int32]] = [:], skeleton: [String: [Int32]] = [:]
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
                let k = folder.keys(name)
                add(k.plain, i, to: &plain)
                add(k.loose, i, to: &loose)
                // Short skeletons ("hm", "sd") match too much to be evidence.
                if k.skeleton.count >= 3 { add(k.skeleton, i, to: &skeleton) }
            }
        }
        self.places = places
        plainIndex = plain
        looseIndex = loose
        skeletonIndex = skeleton
        looseByLength = Dictionary(grouping: loose.keys, by: \.count)
        admin1Frames = Self.frames(places)
        var byKey: [String: String] = [:]
        for row in rows where row.place.kind == "governorate" {
            guard let a1 = row.place.admin1 else { continue }
            for name in [row.place.name, a1] + row.variants { byKey[folder.keys(name).loose] = a1 }
        }
        admin1ByKey = byKey
    }

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

    /// Places whose names match these keys, at the best level that matches anything.
    func matches(_ k: NameFolder.Keys, allowSkeleton: Bool = true, allowFuzzy: Bool = false) -> [Match] {
        var seen = Set<Int32>()
        var out: [Match] = []
        func collect(_ ids: [Int32]?, _ level: MatchLevel) {
            for i in ids ?? [] where seen.insert(i).inserted { out.append(Match(index: Int(i), level: level)) }
        }
        collect(plainIndex[k.plain], .exact)
        collect(looseIndex[k.loose], .loose)
        if out.isEmpty, allowSkeleton { collect(skeletonIndex[k.skeleton], .skeleton) }
        if out.isEmpty, allowFuzzy { out = fuzzy(k.loose) }
        return out
    }

    /// Hand-written bounded Levenshtein over keys of similar length: no listed library offers it,
    /// and it runs only as a last resort on one phrase.
    private func fuzzy(_ key: String) -> [Match] {
        let q = Array(key.utf8)
        guard q.count >= 5 else { return [] }
        let bound = q.count >= 9 ? 2 : 1
        var out: [Match] = []
        var seen = Set<Int32>()
        for len in (q.count - bound)...(q.count + bound) {
            for candidate in looseByLength[len] ?? [] where Self.distance(q, Array(candidate.utf8), bound: bound) <= bound {
                for i in looseIndex[candidate] ?? [] where seen.insert(i).inserted {
                    out.append(Match(index: Int(i), level: .fuzzy))
                }
            }
        }
        return out
    }

    static func distance(_ a: [UInt8], _ b: [UInt8], bound: Int) -> Int {
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > bound { return bound + 1 }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// Candidates for a name, scored, with the reason for each score; best first.
    public func lookup(_ name: String, near admin1: String? = nil) -> [PlaceCandidate] {
        let found = matches(folder.keys(name), allowFuzzy: true)
        let context = GeoContext(admin1Hints: admin1.map { [$0] } ?? [])
        return PlaceScorer.rank(found, in: self, context: context, impliedKinds: [])
    }

    var count: Int { places.count }
}
