import Foundation
import Testing
@testable import WatchpostCore

/// Round 6's byte-level shortcuts must give the answers of the Character-level code they stand before.
@Suite("Byte shortcuts give the Character answers")
struct ByteShortcutTests {
    /// The display name as the Character search makes it (the code the byte cut stands before).
    static func characterDisplayName(_ name: String) -> String {
        var s = Substring(name)
        if let paren = s.firstIndex(of: "("), paren > s.startIndex { s = s[..<paren] }
        if let slash = s.firstIndex(of: "/"), slash > s.startIndex { s = s[..<slash] }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    @Test("display names cut as by Characters", arguments: [
        "Kobanî (Ayn al-Arab)", "Aleppo", "Ras al-Ayn / Serêkaniyê", "(Old) Town", "/slash first", "Tall  ",
        "Qamishli (القامشلي)", "A (\u{301}b) c", "e\u{301} (x)", "Deir ez-Zor/Dayr", "", " ", "  (x)", "Name\u{301} ",
        "Hama (city) / Hamah", "x(y)", "Idlib /Idleb", "Jisr al-Shughur ",
    ])
    func displayName(_ name: String) {
        #expect(Geocoder.displayName(name) == Self.characterDisplayName(name))
    }

    /// Made-up markers: two sharing a first word (file order decides), a wordless one that any block opens.
    static let markers: [CleaningRules.Marker] = [
        .init("share this", .start, .block), .init("comments", .whole, .rest), .init("share", .start, .list),
        .init("related stories", .whole, .list),
    ]

    /// The marker a block opens with, by comparing its words with every marker's in order (what the index replaces).
    static func linearMarker(_ f: BoilerplateFilter.Features, _ markers: [CleaningRules.Marker]) -> CleaningRules.Marker? {
        for m in markers {
            guard f.words.count >= m.words.count, zip(f.words, m.words).allSatisfy({ $0 == $1 }) else { continue }
            switch m.match {
            case .whole:
                if f.words.dropFirst(m.words.count).allSatisfy({ $0.allSatisfy(\.isNumber) }) { return m }
            case .start:
                if !f.endsLikeSentence || f.wordCount <= 6 || f.separatorCount > 0 { return m }
            }
        }
        return nil
    }

    @Test("the marker index finds the marker the linear scan finds", arguments: [
        "Share this: Facebook | X", "Share: Facebook", "Comments (3)", "Comments are closed.", "Related stories",
        "Related", "The rebels shared the town.", "", "share this story with friends and family now please.",
    ])
    func markerIndex(_ text: String) {
        for markers in [Self.markers, Self.markers + [.init("", .start, .block)]] {
            let filter = BoilerplateFilter(rules: CleaningRules(markers: markers))
            let f = filter.features(text)
            #expect(filter.marker(f) == Self.linearMarker(f, markers))
        }
    }

    /// Markers added after the rules were made are indexed too.
    @Test func markersAddedLaterAreFound() {
        var rules = CleaningRules()
        rules.markers.append(.init("comments", .whole, .rest))
        let filter = BoilerplateFilter(rules: rules)
        #expect(filter.marker(filter.features("Comments")) == rules.markers[0])
    }

    /// Made-up folding rules and regions: the prefix gate must keep every span whose key is a region's.
    static let foldRules = """
    article\tal
    word\tdeir\tdayr
    char\tou\tu
    """
    static let regionsTSV = "Great Plain\tthe Plain;Plains of Zed\tZed\t10.5\t20.5\t3\nDeir al-Ahmar Hills\t\tZed\t1\t2\t3\n"

    @Test("spans cut off by the region-key prefixes hold no region", arguments: [
        ["the", "great", "plain", "of", "zed", "and", "plains", "of", "zed"],
        ["deir", "al", "ahmar", "hills", "deir", "al", "ahmar", "hill"],
        ["great", "plains", "great", "plain", "great"],
    ])
    func regionPrefixGate(_ words: [String]) throws {
        let folder = NameFolder(rulesTSV: Self.foldRules)
        let phrases = GeoPhrases(phrasesTSV: "", regionsTSV: Self.regionsTSV, stoplistTSV: "", folder: folder)
        let prefixes = try #require(phrases.regionKeyPrefixes)
        let sentence = SentenceWords(words, folder: folder, phrases: phrases)
        var found = 0
        for lo in words.indices {
            let all = sentence.looseKeys(from: lo, through: words.count)
            let kept = sentence.looseKeys(from: lo, through: words.count, prefixes: prefixes)
            // The kept spans are the longest-first tail of all spans, with the same keys.
            #expect(kept.map { Array($0.key) } == all.suffix(kept.count).map { Array($0.key) })
            for (end, key) in all.prefix(all.count - kept.count) {
                #expect(phrases.region(looseKey: key) == nil, "span \(lo)..<\(end) was cut off but is a region")
            }
            found += kept.count { phrases.region(looseKey: $0.key) != nil }
        }
        #expect(found > 0)
    }

    @Test("the possessive test on bytes answers as String.contains", arguments: [
        "Assad's forces", "Idlib", "Islamic State (IS)", "(", "s'", "'s", "it's", "Ma'arrat", "Kobanî's", "'", "", "'s\u{301}", "al-Sham's",
    ])
    func possessive(_ name: String) {
        #expect(ASCIISearch.contains(name, "'s") == name.contains("'s"))
        #expect(ASCIISearch.contains(name, "(") == name.contains("("))
        #expect(ASCIISearch.contains(name, "") == name.contains(""))
    }

    @Test("JSON Lines are numbered and cut as split on the UTF-8 view cuts them", arguments: [
        "", "\n", "{\"a\": 1}", "{\"a\": 1}\n", "\n\n{}\n  \t\n{\"t\": \"caf\u{E9}\"}\r\n{}", " x\n\u{A0}\n",
    ])
    func jsonLines(_ text: String) {
        var expected: [(Int, String)] = []
        for (n, line) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where line.contains(where: { $0 > 0x20 }) {
            expected.append((n + 1, String(decoding: line, as: UTF8.self)))
        }
        let bytes = Array(text.utf8)
        let got = DocumentReader.nonBlankLines(text).map { ($0.number, String(decoding: bytes[$0.bytes], as: UTF8.self)) }
        #expect(got.map(\.0) == expected.map(\.0))
        #expect(got.map(\.1) == expected.map(\.1))
    }
}

