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
struct WordTable: Sendable {
    private var idByWord: [String: WordID] = [:]
    /// Word of each id; slot 0 (`unknown`) is empty.
    private(set) var words: [String] = [""]
    /// Most tokens are in no table: the gate says so without hashing them.
    private var gate = WordGate()

    init() {}

    init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words { intern(word) }
    }

    /// Ids so far, `unknown` included: a table indexed by id needs this many slots.
    var count: Int { words.count }

    /// The id of `word`, given one if it has none yet.
    @discardableResult
    mutating func intern(_ word: String) -> WordID {
        if let id = idByWord[word] { return id }
        let id = WordID(rawValue: UInt32(words.count))
        idByWord[word] = id
        words.append(word)
        gate.insert(word)
        return id
    }

    /// The id of `word`, `unknown` when the table does not hold it.
    @inline(__always)
    func id(of word: String) -> WordID {
        gate.mayContain(word) ? idByWord[word] ?? .unknown : .unknown
    }

    /// The id of each token's folded form: made once per sentence and shared by the taggers.
    func ids(of tokens: [Token]) -> [WordID] {
        tokens.map { id(of: $0.folded) }
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
