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
}
