import Foundation
import Testing
@testable import WatchpostCore

/// The speed shortcuts must give the answers of the plain lookups they stand before or replace:
/// the Bloom gate never turns away a word of its set, and a sentence's cached folds build the same
/// name keys as folding each span afresh. Made-up words and rules, so the real data cannot break it.
@Suite("Lookup shortcuts give the plain lookups' answers")
struct LookupShortcutTests {
    static let setWords = ["killed", "wounded", "the", "a", "al", "x", "kobanî", "şam", "\u{212A}elvin", "e\u{301}te"]

    @Test("every word of the set passes the gate", arguments: setWords)
    func memberPasses(_ word: String) {
        #expect(WordGate(Self.setWords).mayContain(word))
    }

    /// Equal as Strings (canonical equivalence) but written with other bytes: the gate must still pass them.
    @Test("canonically equal spellings pass", arguments: [("Kelvin", "\u{212A}elvin"), ("\u{E9}te", "e\u{301}te")])
    func equivalentPasses(_ query: String, _ member: String) {
        #expect(query == member)
        #expect(WordGate([member]).mayContain(query))
    }

    @Test("an empty gate turns ASCII words away", arguments: ["killed", "a", "", "2019"])
    func emptyGateRejects(_ word: String) {
        #expect(!WordGate().mayContain(word))
    }

    /// Most words outside a small set are turned away: the gate is worth its test.
    @Test func mostOutsidersAreTurnedAway() {
        let gate = WordGate(Self.setWords)
        let outsiders = ["soldiers", "village", "near", "rebels", "said", "monday", "attack", "shelling", "town", "army",
                         "forces", "on", "in", "of", "and", "by", "with", "from", "government", "people"]
        #expect(outsiders.filter(gate.mayContain).count <= 4)
    }

    static let rules = """
    article\tal
    article\tez
    word\tkfar\tkafr
    word\tdeir\tdayr
    prefix\tkafr
    suffix\tah\ta
    char\tq\tk
    char\tou\tu
    char\te\ti
    """

    static let sentences: [[String]] = [
        ["the", "village", "of", "kfar", "lousin", "near", "deir", "ez", "zour"],
        ["al", "qaryah", "al", "kabirah", ",", "al"],
        ["ezzour", "kafrnabl", "deir", "al", "ahmar"],
    ]

    @Test("a sentence's cached keys equal NameFolder.keys of every span", arguments: sentences)
    func cachedKeysMatchFreshKeys(_ words: [String]) {
        let folder = NameFolder(rulesTSV: Self.rules)
        let phrases = GeoPhrases(phrasesTSV: "", regionsTSV: "", stoplistTSV: "", folder: folder)
        let sentence = SentenceWords(words, folder: folder, phrases: phrases)
        for lo in words.indices {
            #expect(sentence.wordKey(lo) == folder.wordKey(words[lo]))
            for hi in (lo + 1)...words.count {
                let fresh = folder.keys(words: words[lo..<hi])
                #expect(sentence.keys(lo..<hi) == fresh)
                #expect(sentence.looseKey(lo..<hi) == fresh.loose)
            }
        }
    }

    @Test("the loose keys of a start's spans, longest first, equal NameFolder.keys", arguments: sentences)
    func spanKeysAreTheFreshLooseKeys(_ words: [String]) {
        let folder = NameFolder(rulesTSV: Self.rules)
        let phrases = GeoPhrases(phrasesTSV: "", regionsTSV: "", stoplistTSV: "", folder: folder)
        let sentence = SentenceWords(words, folder: folder, phrases: phrases)
        for lo in words.indices {
            let spans = sentence.looseKeys(from: lo, through: words.count)
            #expect(spans.map(\.end) == Array(stride(from: words.count, to: lo, by: -1)))
            for (end, key) in spans {
                #expect(String(decoding: key, as: UTF8.self) == folder.keys(words: words[lo..<end]).loose)
            }
        }
    }

    @Test("spans left out for length have ASCII keys longer than asked", arguments: [0, 3, 8, 14])
    func spansLeftOutAreTooLong(_ longest: Int) {
        let folder = NameFolder(rulesTSV: Self.rules)
        let phrases = GeoPhrases(phrasesTSV: "", regionsTSV: "", stoplistTSV: "", folder: folder)
        for words in Self.sentences {
            let sentence = SentenceWords(words, folder: folder, phrases: phrases)
            for lo in words.indices {
                let kept = sentence.looseKeys(from: lo, through: words.count, longest: longest)
                let all = sentence.looseKeys(from: lo, through: words.count)
                #expect(kept.map { Array($0.key) } == all.filter { kept.map(\.end).contains($0.end) }.map { Array($0.key) })
                for (end, key) in all where !kept.map(\.end).contains(end) {
                    #expect(key.count > longest && key.allSatisfy { $0 < 0x80 })
                }
            }
        }
    }

    @Test("a region is found by its loose key, as the index finds it", arguments: ["Great Plain", "the Plain", "Plains of Zed"])
    func regionByLooseKey(_ name: String) {
        let folder = NameFolder(rulesTSV: Self.rules)
        let phrases = GeoPhrases(phrasesTSV: "", regionsTSV: "Great Plain\tthe Plain;Plains of Zed\tZed\t10.5\t20.5\t3\n",
                                 stoplistTSV: "", folder: folder)
        let key = folder.keys(name).loose
        #expect(phrases.region(looseKey: ArraySlice(key.utf8)) != nil)
        for variant in [key, String(key.dropLast()), key + "a", "zz"] {
            #expect(phrases.region(looseKey: ArraySlice(variant.utf8)) == phrases.regionIndex[variant])
        }
    }

    @Test("edit distance", arguments: [("saraqib", "saraqeb", 5, 1), ("", "abc", 1, 3), ("abc", "", 1, 2),
                                       ("kafr", "kafr", 1, 0), ("abcdef", "uvwxyz", 1, 2), ("ab", "ba", 2, 2)])
    func distance(_ a: String, _ b: String, _ bound: Int, _ expected: Int) {
        #expect(Gazetteer.distance(Array(a.utf8), Array(b.utf8), bound: bound) == expected)
    }

    /// The one-pass test agrees with the table on every pair of these words and their neighbours.
    @Test func oneEditTestAgreesWithTheTable() {
        let words = ["", "a", "ab", "ba", "abc", "abd", "abdc", "xabc", "abcx", "saraqib", "saraqeb", "sarqib", "saraqibb",
                     "kafrlusin", "kafrlosin", "kfrlusin", "kafrlusn"]
        for a in words {
            for b in words {
                let (x, y) = (Array(a.utf8), Array(b.utf8))
                #expect(Gazetteer.withinOneEdit(x, y) == (Gazetteer.distance(x, y, bound: 1) <= 1), "\(a) / \(b)")
            }
        }
    }
    /// The byte gate for byte-keyed tables: an ASCII word outside the set may be turned away, a member never.
    @Test("the byte gate passes every member", arguments: setWords)
    func byteGatePassesMembers(_ word: String) {
        #expect(WordGate(Self.setWords).mayContain(bytes: Array(word.utf8)))
    }

    /// Lexicon lines cut by bytes must be the lines of the String split and Foundation's trimming.
    @Test("JSON Lines cut by bytes as by Characters", arguments: [
        "", "\n", "a\n", " {\"x\": 1} \t\n\n# note\n\t{}", "\u{00A0}{}\u{3000}\n  x\u{2009} ",
        "é \n  ü\u{301}\n", "a\r\nb\r\n", " \u{00A0} \n",
    ])
    func linesAsCharacters(_ text: String) {
        let plain = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(ActorLexicon.trimmedLines(text) == plain)
    }
}
