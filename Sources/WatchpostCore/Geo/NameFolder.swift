import Foundation

/// Turns a name into matching keys that forgive transliteration: "Kafrlosin", "Kafr Lusin" and
/// "Kfar Losin" share a key. The rules are data (`gazetteer/transliteration.tsv`); this type only
/// applies them, so another language's habits need another file, not new code.
///
/// Two keys: `loose` (articles dropped, words canonical, endings and letters folded, doubles
/// collapsed, words joined) and `skeleton` (the loose key without the vowels a, i, u), a coarser
/// second chance.
struct NameFolder: Sendable {
    struct Keys: Hashable, Sendable {
        var plain: String     // the folded words joined by spaces: the "exact" form
        var loose: String
        var skeleton: String
    }

    private var articles: Set<[UInt8]> = []
    /// Turns most words away before the set lookup (`isArticle` is asked of every word of a sentence).
    private var articleGate = WordGate()
    private var words: [[UInt8]: [UInt8]] = [:]
    /// Turns most words away before hashing them for `words` (every fold asks it).
    private var wordGate = WordGate()
    private var prefixes: [[UInt8]] = []  // longest first
    private var suffixes: [([UInt8], [UInt8])] = []
    /// Char rules by their first byte (256 slots): one array index per letter instead of a hash.
    private var charsByFirst: [[([UInt8], [UInt8])]] = Array(repeating: [], count: 256)
    /// Whether `charsByFirst` has rules for a byte: read first, as taking a byte's (mostly empty) rule
    /// list out of the array costs a retain and a release for every byte of every word folded.
    private var hasCharRule = [Bool](repeating: false, count: 256)

    init(rulesTSV text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map { Array($0.utf8) }
            guard f.count >= 2 else { continue }
            let to = f.count > 2 ? f[2] : []
            switch String(decoding: f[0], as: UTF8.self) {
            case "article":
                articles.insert(f[1])
                articleGate.insert(String(decoding: f[1], as: UTF8.self))
            case "word":
                words[f[1]] = to
                wordGate.insert(String(decoding: f[1], as: UTF8.self))
            case "prefix": prefixes.append(f[1])
            case "suffix": suffixes.append((f[1], to))
            case "char":
                if let first = f[1].first {
                    charsByFirst[Int(first)].append((f[1], to))
                    hasCharRule[Int(first)] = true
                }
            default: continue
            }
        }
        prefixes.sort { $0.count > $1.count }
    }

    func isArticle(_ folded: String) -> Bool { articleGate.mayContain(folded) && articles.contains(Array(folded.utf8)) }

    /// The articles, as Strings (for tables keyed by word).
    var articleWords: [String] { articles.map { String(decoding: $0, as: UTF8.self) } }

    static func bundled() throws -> NameFolder {
        guard let url = BundledData.url("gazetteer/transliteration.tsv") else {
            throw InputError(.unreadable, input: "gazetteer/transliteration.tsv", message: "bundled file missing")
        }
        return NameFolder(rulesTSV: try String(contentsOf: url, encoding: .utf8))
    }

    /// Keys of a name as written ("Ma'arrat al-Nu'man").
    func keys(_ name: String) -> Keys {
        keys(words: Self.words(of: name))
    }

    /// The folded words of a name: split on anything not a letter or digit.
    static func words(of name: String) -> [String] {
        // Fast path for ASCII names (most of them): split and lower-case bytes.
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [String] = []
            var word: [UInt8] = []
            for b in name.utf8 {
                switch b {
                case 65...90: word.append(b + 32)
                case 97...122, 48...57: word.append(b)
                case UInt8(ascii: "'"), UInt8(ascii: "`"): continue
                default:
                    if !word.isEmpty { out.append(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
                }
            }
            if !word.isEmpty { out.append(String(decoding: word, as: UTF8.self)) }
            return out
        }
        var out: [String] = []
        for piece in name.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "\u{2019}"
            || $0 == "`" || $0 == "\u{2018}" || $0 == "\u{02BF}" || $0 == "\u{02BE}" || $0 == "\u{00B4}") }) {
            let f = Tokenizer.fold(String(piece)).filter { $0 != "\u{00B4}" }
            if !f.isEmpty { out.append(f) }
        }
        return out
    }

    /// The loose key of one word standing first in a name: what `Gazetteer.mayStartName` indexes.
    func wordKey(_ folded: String) -> String {
        let bytes = Array(folded.utf8)
        return String(decoding: articles.contains(bytes) ? bytes : fold(word: bytes, isFirst: true), as: UTF8.self)
    }

    /// Keys of already-folded words (`Token.folded`).
    func keys<S: Sequence>(words input: S) -> Keys where S.Element == String {
        var builder = KeyBuilder()
        for (index, word) in input.enumerated() {
            let bytes = Array(word.utf8)
            let article = articleGate.mayContain(word) && articles.contains(bytes)
            builder.add(bytes[...], loose: article ? nil : fold(word: bytes, isFirst: index == 0)[...])
        }
        return builder.keys
    }

    /// Joins the words of a name into its keys; `WordFolds` feeds it cached folds, `keys(words:)` fresh ones.
    struct KeyBuilder {
        private var plain: [UInt8] = []
        private var loose: [UInt8] = []

        /// One word of the name: its folded bytes, and its transliteration fold (nil for an article).
        mutating func add(_ bytes: ArraySlice<UInt8>, loose folded: ArraySlice<UInt8>?) {
            if !plain.isEmpty { plain.append(32) }
            plain.append(contentsOf: bytes)
            if let folded { loose.append(contentsOf: folded) }
        }

        /// The loose key alone (a named region's index key).
        var looseKey: String { String(decoding: loose.isEmpty ? plain.filter { $0 != 32 } : loose, as: UTF8.self) }

        var keys: Keys {
            let loose = self.loose.isEmpty ? plain.filter { $0 != 32 } : self.loose
            var skeleton: [UInt8] = []
            skeleton.reserveCapacity(loose.count)
            for b in loose where b != 97 && b != 105 && b != 117 {  // a i u
                if skeleton.last != b { skeleton.append(b) }
            }
            return Keys(plain: String(decoding: plain, as: UTF8.self), loose: String(decoding: loose, as: UTF8.self),
                        skeleton: String(decoding: skeleton, as: UTF8.self))
        }
    }

    func fold(word input: [UInt8], isFirst: Bool) -> [UInt8] {
        if wordGate.mayContain(bytes: input), let canonical = words[input] { return canonical }
        var head: [UInt8] = []
        var w = input
        // A canonical word glued to the rest: "kafrnabl", "talkalakh", "deirezzor".
        for p in prefixes where w.count >= p.count + 3 && w.starts(with: p) {
            head = words[p] ?? p
            w = Array(w[p.count...])
            break
        }
        // An article assimilated and glued: "ezzor" (ez-Zor), "arraqqa" (ar-Raqqa), not at a name's start.
        if !isFirst || !head.isEmpty, w.count >= 5, w[0] == 97 || w[0] == 101, w[1] == w[2], Self.isSunLetter(w[1]) {
            w = Array(w[2...])
        }
        for (from, to) in suffixes where w.count > from.count + 1 && w.suffix(from.count).elementsEqual(from) {
            w = Array(w.dropLast(from.count)) + to
            break
        }
        // The char rules, then doubles collapsed (also across the head), in one pass into one buffer.
        var out = head
        out.reserveCapacity(head.count + w.count + 4)
        rewrite(w, into: &out)
        return out
    }

    /// t d r z s n: the letters an article assimilates to ("ez-Zor", "ar-Raqqa"). A switch, not a
    /// literal array, so the check allocates nothing.
    private static func isSunLetter(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "t"), UInt8(ascii: "d"), UInt8(ascii: "r"), UInt8(ascii: "z"), UInt8(ascii: "s"), UInt8(ascii: "n"): true
        default: false
        }
    }

    /// One pass over the word: at each position the first rule (in file order) that matches is
    /// applied; its output is not rewritten again. Each byte written is dropped when it repeats the
    /// last byte of `out`.
    private func rewrite(_ s: [UInt8], into out: inout [UInt8]) {
        @inline(__always) func put(_ b: UInt8) { if out.last != b { out.append(b) } }
        var i = 0
        outer: while i < s.count {
            if hasCharRule[Int(s[i])] {
                let rules = charsByFirst[Int(s[i])]
                for (from, to) in rules where i + from.count <= s.count {
                    var same = true
                    for k in 1..<from.count where s[i + k] != from[k] { same = false; break }
                    if same {
                        for b in to { put(b) }
                        i += from.count
                        continue outer
                    }
                }
            }
            put(s[i])
            i += 1
        }
    }
}
