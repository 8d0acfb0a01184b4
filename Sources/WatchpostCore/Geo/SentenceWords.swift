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
    private let articles: [Bool]
    /// Each word's bytes and folds, appended as they are first asked for; `bytes`, `firstFolds` and
    /// `otherFolds` hold each word's span of it (`Span.none` not asked yet). One flat buffer and
    /// arrays of plain integers, not an optional array per word: those cost a value-witness call per
    /// element to make and again to free, for every sentence, more than the folds they kept.
    ///
    /// `@exclusivity(unchecked)`: every span asked for read and wrote these under a dynamic exclusivity
    /// check (a class's stored properties), several per word; no access here overlaps another (a span
    /// is taken before `store` is read, `store` is appended to from copies), and one instance serves
    /// one sentence on one thread.
    @exclusivity(unchecked) private var store: [UInt8] = []
    @exclusivity(unchecked) private var bytes: [Span]
    @exclusivity(unchecked) private var firstFolds: [Span]
    @exclusivity(unchecked) private var otherFolds: [Span]
    /// `Geocoder.namedRegion` per start: nil not tried yet, .some(nil) none there.
    @exclusivity(unchecked) var namedRegions: [(region: Int, end: Int)??]

    /// Where a word's bytes or fold lie in `store`.
    private struct Span {
        var start: Int32
        var count: Int32
        static let none = Span(start: -1, count: 0)
        var range: Range<Int> { Int(start)..<Int(start + count) }
    }

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
        // Three buffers, not one shared: the first write to a shared one would copy it.
        bytes = Array(repeating: .none, count: words.count)
        firstFolds = Array(repeating: .none, count: words.count)
        otherFolds = Array(repeating: .none, count: words.count)
        store.reserveCapacity(words.count * 8)
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
    /// - Parameter prefixes: the leading parts of every key sought, when all are ASCII: once the join of
    ///   folds is ASCII and none of these, no longer span's key can be sought either, and the words after
    ///   are not folded.
    func looseKeys(from start: Int, through last: Int, longest: Int? = nil,
                   prefixes: Set<[UInt8]>? = nil) -> [(end: Int, key: ArraySlice<UInt8>)] {
        var folded: [UInt8] = [], plain: [UInt8] = []
        var foldedEnds: [Int] = [], plainEnds: [Int] = []
        var last = last
        var foldedIsASCII = true
        for i in start..<last {
            // Spans first, then reads: asking for a span may append to `store`.
            let f = articles[i] ? nil : foldSpan(i, isFirst: i == start)
            let b = bytesSpan(i)
            if let f {
                if foldedIsASCII { for k in f where store[k] >= 0x80 { foldedIsASCII = false; break } }
                folded.append(contentsOf: store[f])
            }
            if let longest, folded.count > longest, foldedIsASCII {
                last = i
                break
            }
            if let prefixes, foldedIsASCII, !folded.isEmpty, !prefixes.contains(folded) {
                last = i
                break
            }
            for k in b where store[k] != 32 { plain.append(store[k]) }
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
            let f = articles[i] ? nil : foldSpan(i, isFirst: i == range.lowerBound)
            let b = bytesSpan(i)
            builder.add(store[b], loose: f.map { store[$0] })
        }
        return builder
    }

    /// As `NameFolder.wordKey(words[i])`.
    func wordKey(_ i: Int) -> String {
        let span = articles[i] ? bytesSpan(i) : foldSpan(i, isFirst: true)
        return String(decoding: store[span], as: UTF8.self)
    }

    /// Where word `i`'s bytes lie in `store`, appended on first use.
    private func bytesSpan(_ i: Int) -> Range<Int> {
        if bytes[i].start >= 0 { return bytes[i].range }
        let start = store.count
        store.append(contentsOf: words[i].utf8)
        bytes[i] = Span(start: Int32(start), count: Int32(store.count - start))
        return bytes[i].range
    }

    /// Where word `i`'s transliteration fold (as a name's first word or a later one) lies in `store`,
    /// folded and appended on first use.
    private func foldSpan(_ i: Int, isFirst: Bool) -> Range<Int> {
        let known = isFirst ? firstFolds[i] : otherFolds[i]
        if known.start >= 0 { return known.range }
        let word = Array(store[bytesSpan(i)])
        let folded = folder.fold(word: word, isFirst: isFirst)
        let span = Span(start: Int32(store.count), count: Int32(folded.count))
        store.append(contentsOf: folded)
        if isFirst { firstFolds[i] = span } else { otherFolds[i] = span }
        return span.range
    }
}
