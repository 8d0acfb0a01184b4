import Foundation

/// The geocoder's grammar words and named regions, loaded from data files
/// (`gazetteer/phrases.tsv`, `gazetteer/regions.tsv`, `gazetteer/stoplist.tsv`).
struct GeoPhrases: Sendable {
    struct Phrase: Sendable {
        var words: [String]
        /// `words` interned in `GeoPhrases.words`: phrases are matched by id.
        var ids: [WordID] = []
        var precision: Int
        var kind: String?
        var label: String
        /// A lead-in after which a capitalized name is a place even when the gazetteer lacks it
        /// ("the village of X", "near X"; not "in X", which precedes dates and organisations too).
        var opensNames = false
    }

    struct Region: Sendable {
        var name: String
        var admin1: String
        var latitude: Double
        var longitude: Double
        var precision: Int
    }

    /// Phrases grouped by their first word, longest first.
    private(set) var leadins: [String: [Phrase]] = [:]
    private(set) var directions: [String: [Phrase]] = [:]
    private(set) var regionWords: [String: [Phrase]] = [:]
    private(set) var regionLeads: [String: [Phrase]] = [:]
    private(set) var features: [String: [Phrase]] = [:]
    private(set) var regions: [Region] = []
    private(set) var regionIndex: [String: Int] = [:]
    /// Byte lengths of the region keys, when all are ASCII: an ASCII span key of another length is no
    /// region, found without building its String (an ASCII String equals only the same bytes).
    private var regionKeyLengths: [Bool]? = []
    /// Every leading part of every region key, when all are ASCII: a span whose ASCII key is not one
    /// of these is no region, nor is any longer span from the same start (its key only grows).
    private(set) var regionKeyPrefixes: Set<[UInt8]>?
    /// First folded words of region names, so most tokens are ruled out by one set lookup.
    private(set) var regionFirstWords: Set<String> = []
    private(set) var stopWords: Set<String> = []
    private(set) var afterBlockers: Set<String> = []
    private(set) var beforeBlockers: Set<String> = []
    /// Every table a word stands in, so a sentence's words are looked up once (`SentenceWords`) and
    /// each grammar question after that is a bit test.
    private(set) var roles: [String: Roles] = [:]
    /// The grammar by word id, in one immutable instance: the coder copies its taggers often, and
    /// this way a copy retains one reference for them, not four.
    private final class ByID: Sendable {
        /// Every word of the grammar: phrase words, role words, articles. A sentence's words are looked
        /// up here once (`SentenceWords`); every question after that is asked of the id.
        let words: WordTable
        /// `roles` by word id.
        let roles: [Roles]
        /// `NameFolder.isArticle` by word id.
        let articles: [Bool]
        /// The phrase tables of the first five roles by word id of their first word, longest first.
        let phrases: [[[Phrase]]]

        init(words: WordTable, roles: [Roles], articles: [Bool], phrases: [[[Phrase]]]) {
            self.words = words
            self.roles = roles
            self.articles = articles
            self.phrases = phrases
        }
    }

    private var byID = ByID(words: WordTable(), roles: [], articles: [], phrases: [])

    /// Every word of the grammar (see `ByID.words`).
    var words: WordTable { byID.words }

    /// The tables `word` stands in (most words: none).
    func roles(of word: String) -> Roles { roles(of: words.id(of: word)) }

    /// The tables the word with this id stands in.
    @inline(__always)
    func roles(of id: WordID) -> Roles { byID.roles[id: id, default: []] }

    /// As `folder.isArticle` of the word with this id (articles are interned here).
    @inline(__always)
    func isArticle(_ id: WordID) -> Bool { byID.articles[id: id, default: false] }

    struct Roles: OptionSet, Sendable {
        let rawValue: UInt16
        static let leadin = Roles(rawValue: 1 << 0)
        static let direction = Roles(rawValue: 1 << 1)
        static let regionWord = Roles(rawValue: 1 << 2)
        static let regionLead = Roles(rawValue: 1 << 3)
        static let feature = Roles(rawValue: 1 << 4)
        static let regionFirst = Roles(rawValue: 1 << 5)
        static let stop = Roles(rawValue: 1 << 6)
        static let after = Roles(rawValue: 1 << 7)
        static let before = Roles(rawValue: 1 << 8)
    }

    /// The phrase table of one of the first five roles.
    func table(_ role: Roles) -> [String: [Phrase]] {
        switch role {
        case .leadin: leadins
        case .direction: directions
        case .regionWord: regionWords
        case .regionLead: regionLeads
        case .feature: features
        default: [:]
        }
    }

    /// The longest phrase of the table of `role` (one of the first five) that starts at `ids[at...]`.
    func match(_ role: Roles, _ ids: [WordID], at: Int) -> Phrase? {
        let table: Int = switch role {
        case .leadin: 0
        case .direction: 1
        case .regionWord: 2
        case .regionLead: 3
        case .feature: 4
        default: -1
        }
        guard table >= 0, at < ids.count else { return nil }
        let options = byID.phrases[table][id: ids[at], default: []]
        for o in options.indices {
            let phrase = options[o].ids
            guard at + phrase.count <= ids.count else { continue }
            var k = 1  // phrase[0] is ids[at]: the table's key
            while k < phrase.count, ids[at + k] == phrase[k] { k += 1 }
            if k == phrase.count { return options[o] }
        }
        return nil
    }

    init(phrasesTSV: String, regionsTSV: String, stoplistTSV: String, folder: NameFolder) {
        for f in Self.rows(phrasesTSV) where f.count >= 2 {
            let words = NameFolder.words(of: f[1])
            guard let first = words.first else { continue }
            let p = Phrase(words: words, precision: f.count > 2 ? Int(f[2]) ?? 1 : 1,
                           kind: f.count > 3 && !f[3].isEmpty ? f[3] : nil, label: f.count > 2 ? f[2] : f[1],
                           opensNames: f.count > 4 && f[4] == "open")
            switch f[0] {
            case "leadin": leadins[first, default: []].append(p)
            case "direction": directions[first, default: []].append(Phrase(words: words, precision: 3, kind: f.count > 3 ? f[3] : "C", label: f[2]))
            case "regionword": regionWords[first, default: []].append(p)
            case "regionlead": regionLeads[first, default: []].append(p)
            case "feature": features[first, default: []].append(p)
            default: continue
            }
        }
        for key in leadins.keys { leadins[key]!.sort { $0.words.count > $1.words.count } }
        for key in directions.keys { directions[key]!.sort { $0.words.count > $1.words.count } }
        for key in regionWords.keys { regionWords[key]!.sort { $0.words.count > $1.words.count } }
        for key in regionLeads.keys { regionLeads[key]!.sort { $0.words.count > $1.words.count } }
        for key in features.keys { features[key]!.sort { $0.words.count > $1.words.count } }
        for f in Self.rows(regionsTSV) where f.count >= 6 {
            guard let lat = Double(f[3]), let lon = Double(f[4]) else { continue }
            let i = regions.count
            regions.append(Region(name: f[0], admin1: f[2], latitude: lat, longitude: lon, precision: Int(f[5]) ?? 3))
            for name in [f[0]] + f[1].split(separator: ";").map(String.init) {
                let words = NameFolder.words(of: name)
                regionIndex[folder.keys(words: words).loose] = i
                if let first = words.first(where: { $0 != "the" }) { regionFirstWords.insert(first) }
            }
        }
        for key in regionIndex.keys {
            guard key.utf8.allSatisfy({ $0 < 0x80 }) else { regionKeyLengths = nil; break }
            let n = key.utf8.count
            if n >= regionKeyLengths!.count { regionKeyLengths! += Array(repeating: false, count: n + 1 - regionKeyLengths!.count) }
            regionKeyLengths![n] = true
        }
        if regionKeyLengths != nil {
            var prefixes = Set<[UInt8]>()
            for key in regionIndex.keys {
                let bytes = Array(key.utf8)
                for n in 1...max(1, bytes.count) where n <= bytes.count { prefixes.insert(Array(bytes[..<n])) }
            }
            regionKeyPrefixes = prefixes
        }
        for f in Self.rows(stoplistTSV) where f.count >= 2 {
            let w = Tokenizer.fold(f[1])
            switch f[0] {
            case "word": stopWords.insert(w)
            case "after": afterBlockers.insert(w)
            case "before": beforeBlockers.insert(w)
            default: continue
            }
        }
        func mark<S: Sequence>(_ words: S, _ role: Roles) where S.Element == String {
            for w in words { roles[w, default: []].insert(role) }
        }
        mark(leadins.keys, .leadin)
        mark(directions.keys, .direction)
        mark(regionWords.keys, .regionWord)
        mark(regionLeads.keys, .regionLead)
        mark(features.keys, .feature)
        mark(regionFirstWords, .regionFirst)
        mark(stopWords, .stop)
        mark(afterBlockers, .after)
        mark(beforeBlockers, .before)
        internWords(folder: folder)
    }

    /// Builds `words` and the tables by id from the String-keyed ones.
    private mutating func internWords(folder: NameFolder) {
        var table = WordTable()
        for word in roles.keys { table.intern(word) }
        for word in folder.articleWords { table.intern(word) }
        let tables = [leadins, directions, regionWords, regionLeads, features]
        for t in tables {
            for options in t.values { for p in options { for word in p.words { table.intern(word) } } }
        }
        byID = ByID(words: table, roles: table.slots(roles, empty: []),
                    articles: table.words.map { !$0.isEmpty && folder.isArticle($0) },
                    phrases: tables.map { t in
                        table.slots(t.mapValues { options in options.map { p in
                            var p = p
                            p.ids = p.words.map { table.id(of: $0) }
                            return p
                        } }, empty: [])
                    })
    }

    /// The byte length of the longest region key, when all are ASCII.
    var longestRegionKey: Int? { regionKeyLengths.map { $0.count - 1 } }

    /// The region with this loose key (`regionIndex`), the length checked first.
    func region(looseKey key: ArraySlice<UInt8>) -> Int? {
        if let lengths = regionKeyLengths, key.allSatisfy({ $0 < 0x80 }), key.count >= lengths.count || !lengths[key.count] {
            return nil
        }
        return regionIndex[String(decoding: key, as: UTF8.self)]
    }

    static func bundled(folder: NameFolder) throws -> GeoPhrases {
        func read(_ path: String) throws -> String {
            guard let url = BundledData.url(path) else {
                throw InputError(.unreadable, input: path, message: "bundled file missing")
            }
            return try String(contentsOf: url, encoding: .utf8)
        }
        return GeoPhrases(phrasesTSV: try read("gazetteer/phrases.tsv"), regionsTSV: try read("gazetteer/regions.tsv"),
                          stoplistTSV: try read("gazetteer/stoplist.tsv"), folder: folder)
    }

    private static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The longest phrase of `table` that starts at `words[at...]`.
    static func match(_ table: [String: [Phrase]], _ words: [String], at: Int) -> Phrase? {
        guard at < words.count, let options = table[words[at]] else { return nil }
        // Index loops, not slices and elementsEqual: a first word like "the" opens dozens of phrases.
        for o in options.indices {
            let phrase = options[o].words
            guard at + phrase.count <= words.count else { continue }
            var k = 1  // phrase[0] is words[at]: the table's key
            while k < phrase.count, words[at + k] == phrase[k] { k += 1 }
            if k == phrase.count { return options[o] }
        }
        return nil
    }
}
