import Foundation

/// A small integer standing for one folded word of a `WordTable`.
///
/// `unknown` (0) stands for every word the table does not hold, so a table indexed by id keeps its
/// slot 0 empty and answers "none" for words no lexicon names.
struct WordID: Hashable, Sendable {
    let rawValue: UInt32

    static let unknown = WordID(rawValue: 0)

    var index: Int { Int(rawValue) }
}

/// Interned words: every folded word some tagger looks up, each with a `WordID`.
///
/// The taggers ask of every token whether it is in their lexicons, trigger tables, cue lists and
/// grammar tables; each asking used to hash the token's String again. Here a sentence's tokens are
/// looked up once (`ids(of:)`), and every table after that is an array or integer-keyed table over
/// ids: a token's question is then an array read.
///
/// Ids are only ever added (`intern`), never changed, so a consumer whose tables were built from an
/// earlier state of a table can read ids from a later one: ids past its tables' end are words it
/// does not know. Words are keys of a `[String: WordID]`, so two spellings String equality takes as
/// equal (canonically equivalent ones) have one id, as they had one entry in the sets this replaces.
///
/// ASCII words, most of report text, are found by their bytes (`ASCIIWords`): String hashing costs
/// ~300 instructions a word, a byte hash a few per byte. Other words go through the dictionary.
///
/// The tables live in one class instance, copied on write: consumers keep a table beside their own,
/// and the coder copies those values often, each copy retaining every array it holds.
struct WordTable: Sendable {
    /// Copy-on-write storage: mutated only through `intern`, after `isKnownUniquelyReferenced`,
    /// hence safe to share between threads (`@unchecked`: the compiler cannot see the uniqueness test),
    /// and with no access to check for exclusivity (`@exclusivity(unchecked)`: every token's lookup
    /// reads these).
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var idByWord: [String: WordID] = [:]
        /// Word of each id; slot 0 (`unknown`) is empty.
        @exclusivity(unchecked) var words: [String] = [""]
        @exclusivity(unchecked) var ascii = ASCIIWords()

        init() {}

        init(copying other: Storage) {
            idByWord = other.idByWord
            words = other.words
            ascii = other.ascii
        }
    }

    private var storage = Storage()

    /// Word of each id; slot 0 (`unknown`) is empty.
    var words: [String] { storage.words }

    init() {}

    init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words { intern(word) }
    }

    /// Ids so far, `unknown` included: a table indexed by id needs this many slots.
    var count: Int { storage.words.count }

    /// The id of `word`, given one if it has none yet.
    @discardableResult
    mutating func intern(_ word: String) -> WordID {
        if let id = storage.idByWord[word] { return id }
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        let id = WordID(rawValue: UInt32(storage.words.count))
        storage.idByWord[word] = id
        storage.words.append(word)
        // An ASCII word is its own canonical form; another word whose canonical (NFC) form is ASCII
        // ("\u{212A}elvin") equals that ASCII spelling, which is looked up by bytes: enter it so.
        let canonical = Array(word.utf8).allSatisfy({ $0 < 0x80 }) ? word : word.precomposedStringWithCanonicalMapping
        if canonical.utf8.allSatisfy({ $0 < 0x80 }) { storage.ascii.insert(Array(canonical.utf8), id) }
        return id
    }

    /// The id of `word`, `unknown` when the table does not hold it.
    @inline(__always)
    func id(of word: String) -> WordID {
        let storage = storage
        if let found = word.utf8.withContiguousStorageIfAvailable({ storage.ascii.id(of: $0) }), let found { return found }
        return storage.idByWord[word] ?? .unknown
    }

    /// The id of each token's folded form: made once per sentence and shared by the taggers.
    func ids(of tokens: [Token]) -> [WordID] {
        let storage = storage
        return tokens.map { t in
            if let found = t.folded.utf8.withContiguousStorageIfAvailable({ storage.ascii.id(of: $0) }), let found { return found }
            return storage.idByWord[t.folded] ?? .unknown
        }
    }

    /// An array indexed by id, `empty` in every slot and `value` at the ids of `entries`: the
    /// integer-keyed form of a `[String: Value]` whose keys are all interned here.
    func slots<Value>(_ entries: [String: Value], empty: Value) -> [Value] {
        var out = [Value](repeating: empty, count: count)
        for (word, value) in entries {
            let id = id(of: word)
            precondition(id != .unknown, "slots of a word not interned: \(word)")
            out[id.index] = value
        }
        return out
    }

    /// `slots` of a set: true at the ids of its words.
    func marks<S: Sequence>(_ words: S) -> [Bool] where S.Element == String {
        var out = [Bool](repeating: false, count: count)
        for word in words {
            let id = id(of: word)
            precondition(id != .unknown, "marks of a word not interned: \(word)")
            out[id.index] = true
        }
        return out
    }
}

extension Array {
    /// The slot of `id`, `empty` past the end (an id interned after this array was made).
    @inline(__always)
    subscript(id id: WordID, default empty: Element) -> Element {
        id.index < count ? self[id.index] : empty
    }
}

/// ASCII words by their bytes: open addressing with linear probing, an FNV-1a hash.
///
/// Hand-written because no listed package has a hash table keyed by byte buffers with a cheap hash;
/// this is the one lookup every tagger makes for every token, so its cost is the taggers' floor. For
/// ASCII text, equal bytes is equal Strings (ASCII is its own canonical form), so answers are the
/// dictionary's.
struct ASCIIWords: Sendable {
    private struct Entry: Sendable {
        var start: Int32
        var count: Int32
        var hash: UInt32
        var id: WordID
    }

    private var bytes: [UInt8] = []
    private var entries: [Entry] = []
    /// Index into `entries` per slot, -1 for empty; a power of two, at most half full.
    private var slots = [Int32](repeating: -1, count: 16)

    /// The id of an ASCII word, `unknown` when absent; nil when `word` is not ASCII (ask the dictionary).
    @inline(__always)
    func id(of word: UnsafeBufferPointer<UInt8>) -> WordID? {
        var h: UInt32 = 2_166_136_261
        for b in word {
            if b >= 0x80 { return nil }
            h = (h ^ UInt32(b)) &* 16_777_619
        }
        let mask = slots.count - 1
        var i = Int(h) & mask
        while true {
            let e = slots[i]
            if e < 0 { return .unknown }
            let entry = entries[Int(e)]
            if entry.hash == h, Int(entry.count) == word.count, equal(entry, word) { return entry.id }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    private func equal(_ entry: Entry, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(entry.start)
        for k in 0..<word.count where bytes[start + k] != word[k] { return false }
        return true
    }

    /// Enters an ASCII word (one not entered yet) with its id.
    mutating func insert(_ word: [UInt8], _ id: WordID) {
        if word.withUnsafeBufferPointer({ self.id(of: $0) }) != .unknown { return }
        if (entries.count + 1) * 2 > slots.count { grow() }
        var h: UInt32 = 2_166_136_261
        for b in word { h = (h ^ UInt32(b)) &* 16_777_619 }
        entries.append(Entry(start: Int32(bytes.count), count: Int32(word.count), hash: h, id: id))
        bytes += word
        place(entries.count - 1)
    }

    private mutating func place(_ e: Int) {
        let mask = slots.count - 1
        var i = Int(entries[e].hash) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = Int32(e)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for e in entries.indices { place(e) }
    }
}
