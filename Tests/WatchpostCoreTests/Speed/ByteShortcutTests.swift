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
}

