/// The folded words of one sentence's units, with what the geocoder asks of each worked out once.
///
/// The scan tries many spans per sentence (every start near a capital, every length down from the
/// longest), and each span's keys used to fold its words afresh. Here each word is looked up in the
/// grammar tables once (`roles`), and transliteration-folded at most twice (as a name's first word
/// and as a later one), on first use; a span's keys are then joins of those bytes. Each word's id in
/// `GeoPhrases.words` is looked up once too: roles, articles and phrase matches are read by id.
///
/// A class because the folds fill in while the scan runs; one is made per sentence and dropped with it.
final class SentenceWords {
    let words: [String]
    /// Each word's id in `GeoPhrases.words` (`unknown` for words of no grammar table).
    let ids: [WordID]
    let roles: [GeoPhrases.Roles]
    private let folder: NameFolder
    private var bytes: [[UInt8]?]
    private let articles: [Bool]
    private var firstFolds: [[UInt8]?]
    private var otherFolds: [[UInt8]?]
    /// `Geocoder.namedRegion` per start: nil not tried yet, .some(nil) none there.
    var namedRegions: [(region: Int, end: Int)??]

    init(_ words: [String], folder: NameFolder, phrases: GeoPhrases) {
        self.words = words
        self.folder = folder
        let ids = words.map { phrases.words.id(of: $0) }
        self.ids = ids
        roles = ids.map { phrases.roles(of: $0) }
        articles = words.indices.map { i in
            // `isArticle` compares bytes, the table Strings: for an ASCII word the two agree (an article is
            // lower-case ASCII letters, which no other spelling equals canonically); others are asked directly.
            Self.isASCII(words[i]) ? phrases.isArticle(ids[i]) : folder.isArticle(words[i])
        }
        bytes = Array(repeating: nil, count: words.count)
        firstFolds = Array(repeating: nil, count: words.count)
        otherFolds = Array(repeating: nil, count: words.count)
        namedRegions = Array(repeating: nil, count: words.count + 1)
    }

    var count: Int { words.count }

    private static func isASCII(_ word: String) -> Bool {
        word.utf8.withContiguousStorageIfAvailable { b in !b.contains { $0 >= 0x80 } } ?? word.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Is the word at `i` (in range) in the tables of `role`?
    func has(_ role: GeoPhrases.Roles, at i: Int) -> Bool { i < words.count && roles[i].contains(role) }

    /// As `NameFolder.isArticle`.
    func isArticle(_ i: Int) -> Bool { articles[i] }

    /// As `NameFolder.keys(words: words[range])`.
    func keys(_ range: Range<Int>) -> NameFolder.Keys { builder(range).keys }

    /// As `keys(range).loose`, without building the other two.
    func looseKey(_ range: Range<Int>) -> String { builder(range).looseKey }

    /// The loose keys of `start..<end` for every end from `last` down to `start + 1`, longest first, as
    /// bytes: a name's loose key is its words' folds joined, so the shorter spans are prefixes of one join.
    /// - Parameter longest: no key of more bytes is wanted, when the keys sought are all ASCII: spans
    ///   whose join of folds is ASCII and longer are left out (a longer span only adds to the join).
    func looseKeys(from start: Int, through last: Int, longest: Int? = nil) -> [(end: Int, key: ArraySlice<UInt8>)] {
        var folded: [UInt8] = [], plain: [UInt8] = []
        var foldedEnds: [Int] = [], plainEnds: [Int] = []
        var last = last
        var foldedIsASCII = true
        for i in start..<last {
            if !articles[i] {
                let f = fold(i, isFirst: i == start)
                if foldedIsASCII { for b in f where b >= 0x80 { foldedIsASCII = false; break } }
                folded.append(contentsOf: f)
            }
            if let longest, folded.count > longest, foldedIsASCII {
                last = i
                break
            }
            for b in bytes(i) where b != 32 { plain.append(b) }
            foldedEnds.append(folded.count)
            plainEnds.append(plain.count)
        }
        return stride(from: last, to: start, by: -1).map { end in
            let n = end - start - 1
            // As KeyBuilder: all articles, the plain words without spaces.
            return (end, foldedEnds[n] > 0 ? folded[0..<foldedEnds[n]] : plain[0..<plainEnds[n]])
        }
    }

    private func builder(_ range: Range<Int>) -> NameFolder.KeyBuilder {
        var builder = NameFolder.KeyBuilder()
        for i in range {
            builder.add(bytes(i), loose: articles[i] ? nil : fold(i, isFirst: i == range.lowerBound))
        }
        return builder
    }

    /// As `NameFolder.wordKey(words[i])`.
    func wordKey(_ i: Int) -> String {
        String(decoding: articles[i] ? bytes(i) : fold(i, isFirst: true), as: UTF8.self)
    }

    private func bytes(_ i: Int) -> [UInt8] {
        if let b = bytes[i] { return b }
        let b = Array(words[i].utf8)
        bytes[i] = b
        return b
    }

    private func fold(_ i: Int, isFirst: Bool) -> [UInt8] {
        if isFirst {
            if let f = firstFolds[i] { return f }
            let f = folder.fold(word: bytes(i), isFirst: true)
            firstFolds[i] = f
            return f
        }
        if let f = otherFolds[i] { return f }
        let f = folder.fold(word: bytes(i), isFirst: false)
        otherFolds[i] = f
        return f
    }
}
