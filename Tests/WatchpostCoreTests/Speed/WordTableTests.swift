import Foundation
import Testing
@testable import WatchpostCore

/// Interned word ids must answer as the String-keyed sets and dictionaries they replace: one id per
/// String-equal spelling, no id for an unknown word, ids that never move. Made-up words throughout.
@Suite("Interned word ids answer as the String tables did")
struct WordTableTests {
    static let words = ["killed", "the", "al", "kobanî", "şam", "\u{212A}elvin", "e\u{301}te", "-", "2019"]

    /// Equal as Strings (canonical equivalence) but written with other bytes: one id, as one set entry.
    @Test("canonically equal spellings share an id", arguments: [("Kelvin", "\u{212A}elvin"), ("\u{E9}te", "e\u{301}te")])
    func equivalentSpellingsShareAnID(_ query: String, _ member: String) {
        let table = WordTable(Self.words)
        #expect(query == member)
        #expect(table.id(of: query) != .unknown)
        #expect(table.id(of: query) == table.id(of: member))
    }

    @Test("every word has its own id, and its word back", arguments: words)
    func knownWordsRoundTrip(_ word: String) {
        let table = WordTable(Self.words)
        let id = table.id(of: word)
        #expect(id != .unknown)
        #expect(table.words[id.index] == word)
        #expect(Self.words.filter { table.id(of: $0) == id } == [word])
    }

    @Test("unknown words get the sentinel, never a known word's id",
          arguments: ["wounded", "Killed", "kobani", "", "alkobanî", "2020", "--"])
    func unknownWordsNeverCollide(_ word: String) {
        #expect(WordTable(Self.words).id(of: word) == .unknown)
        #expect(WordTable().id(of: word) == .unknown)
    }

    /// A consumer's tables made from an earlier state of a table stay right as more words come in.
    @Test func idsNeverMove() {
        var table = WordTable(Self.words)
        let before = Self.words.map { table.id(of: $0) }
        let marks = table.marks(["the", "al"])
        for word in ["wounded", "shelled", "the", "x"] { table.intern(word) }
        #expect(Self.words.map { table.id(of: $0) } == before)
        #expect(marks[id: table.id(of: "al"), default: false])
        #expect(!marks[id: table.id(of: "wounded"), default: false])
        #expect(!marks[id: .unknown, default: false])
    }

    @Test func slotsHoldTheDictionaryValues() {
        let dictionary = ["killed": 1, "şam": 2, "e\u{301}te": 3]
        let table = WordTable(Self.words)
        let slots = table.slots(dictionary, empty: 0)
        for word in Self.words + ["\u{E9}te", "unknown"] {
            #expect(slots[id: table.id(of: word), default: 0] == dictionary[word] ?? 0)
        }
    }

    /// The byte table of ASCII words, grown well past its first size: every word found, no other.
    @Test func asciiWordsFindEveryMemberAndNoOther() {
        var table = ASCIIWords()
        let members = (0..<600).map { "w\($0)x" }
        for (k, word) in members.enumerated() { table.insert(Array(word.utf8), WordID(rawValue: UInt32(k + 1))) }
        func id(_ word: String) -> WordID? { Array(word.utf8).withUnsafeBufferPointer { table.id(of: $0) } }
        for (k, word) in members.enumerated() { #expect(id(word) == WordID(rawValue: UInt32(k + 1))) }
        for word in ["w600x", "w1", "x", "", "w12", "W12x"] { #expect(id(word) == .unknown) }
        #expect(id("w1\u{E9}") == nil)  // not ASCII: the dictionary's to answer
    }

    static let sentences = [
        "Fighters of the Northern Brigade shelled al-Bab on Monday",
        "northern brigade, Northern-Brigade and the 4 villages",
        "NB said nb fighters crossed",
    ]

    /// A matcher interned into a shared table (other words in it first) finds what it found alone.
    @Test("a matcher interned into a shared table matches as before", arguments: sentences)
    func internedMatcherMatchesAsBefore(_ sentence: String) {
        let entries: [(phrase: String, value: Int)] = [("Northern Brigade", 0), ("northern brigade fighters", 1),
                                                       ("NB", 2), ("<num> villages", 3), ("al-Bab", 4), ("fighters", 5)]
        let alone = PhraseMatcher(entries, caseSensitive: { $0 == 2 })
        var table = WordTable(["on", "monday", "crossed", "villages", "zzz"])
        let shared = alone.interned(into: &table)
        table.intern("later")
        let tokens = Tokenizer.tokenize(sentence)
        let ids = table.ids(of: tokens)
        let key = { (ms: [PhraseMatch<Int>]) in ms.map { "\($0.tokenRange) \($0.value)" } }
        #expect(key(shared.matches(in: tokens, ids: ids)) == key(alone.matches(in: tokens)))
        #expect(key(shared.allMatches(in: tokens, ids: ids)) == key(alone.allMatches(in: tokens)))
        #expect(!alone.allMatches(in: tokens).isEmpty)
    }

    static let phrasesTSV = """
    leadin\tthe village of\t1\tvillage\topen
    leadin\tnear\t2
    leadin\tthe town of\t1\ttown
    direction\tnorth of\tnorth\tN
    direction\tnorthern\tnorthern\tN
    regionword\tcountryside\t2
    feature\tair base\t1\tairbase
    """

    /// Phrase matches, roles and articles by id equal the String-table answers.
    @Test("geo grammar by id answers as the String tables", arguments: [
        ["near", "the", "village", "of", "al", "kfar", "north", "of", "the", "town", "of", "x"],
        ["the", "town", "of", "the", "village", "air", "base", "countryside", "northern", "al"],
        ["ál", "e\u{301}te", "village", "of", "near", "air", "near"],
    ])
    func geoGrammarByID(_ words: [String]) {
        let folder = NameFolder(rulesTSV: "article\tal\narticle\tel\n")
        let phrases = GeoPhrases(phrasesTSV: Self.phrasesTSV, regionsTSV: "", stoplistTSV: "word\tnear\n", folder: folder)
        let sentence = SentenceWords(words, folder: folder, phrases: phrases)
        let roles: [GeoPhrases.Roles] = [.leadin, .direction, .regionWord, .regionLead, .feature]
        for i in words.indices {
            #expect(sentence.isArticle(i) == folder.isArticle(words[i]))
            #expect(sentence.roles[i] == phrases.roles[words[i]] ?? [])
            for role in roles {
                let byID = phrases.match(role, sentence.ids, at: i)
                let byString = GeoPhrases.match(phrases.table(role), words, at: i)
                #expect(byID?.words == byString?.words)
            }
        }
    }
}
