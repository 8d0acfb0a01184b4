import Foundation

/// A spelling-insensitive key for a place name, so that transliterations of one name meet:
/// Saraqeb/Saraqib, Kabana/Kabbaneh/Kabani, Es-Sukeylabiya/al-Suqaylabiyah, Thiban/Diban.
///
/// Arabic names reach English with varying vowels, doubled letters, article forms and q/k, th/d,
/// so the key keeps only the consonant skeleton after dropping the article.
enum PlaceKey {
    static func of(_ name: String?) -> String? {
        guard let name, !name.isEmpty else { return nil }
        // The merger asks for keys of the same few names thousands of times per report; most
        // names are ASCII, where folding is lower-casing and the rest can run on bytes.
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiKey(Array(name.utf8)) }
        return foldedKey(name)
    }

    static let articles: Set<String> = ["al", "el", "as", "ash", "es", "ad", "ar", "at", "az", "an", "ad", "ed", "er", "ath", "the"]
    static let digraphs: [(String, String)] = [("kh", "h"), ("gh", "g"), ("sh", "s"), ("th", "d"), ("dh", "d"), ("ph", "f"),
                                               ("q", "k"), ("c", "k"), ("j", "g"), ("z", "s"), ("v", "f"), ("ou", "u")]
    private static let asciiArticles = articles.map { Array($0.utf8) }
    private static let asciiDigraphs = digraphs.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// The key of any name: Foundation's folding, then the same steps as `asciiKey`.
    static func foldedKey(_ name: String) -> String? {
        var s = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        s = s.replacingOccurrences(of: "’", with: "'")
        // Drop a leading article: al-, el-, as-, ash-, es-, ad-, ar-, at-, az-, an- … ("al Kiswah", "Es-Sukeylabiya").
        let words = s.split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard !words.isEmpty else { return nil }
        var kept = words
        if kept.count > 1, articles.contains(kept[0]) { kept.removeFirst() }
        // Inner articles too ("Jubata al-Khashab").
        kept = kept.enumerated().filter { $0.offset == 0 || !articles.contains($0.element) }.map(\.element)
        var joined = kept.joined()
        // Digraphs and letters that transliterations swap.
        for (from, to) in digraphs {
            joined = joined.replacingOccurrences(of: from, with: to)
        }
        // A final -h (Suqaylabiyah, Kabbaneh) is a vowel sign.
        if joined.count > 3, joined.hasSuffix("h") { joined.removeLast() }
        var skeleton = ""
        for ch in joined where !"aeiouyw'".contains(ch) {
            if skeleton.last != ch { skeleton.append(ch) }  // doubled letters
        }
        return skeleton.isEmpty ? nil : skeleton
    }

    /// `foldedKey` for an ASCII name, on bytes in one buffer: lower-cased, split at non-letters,
    /// articles dropped, each digraph rule applied over the whole word in turn (a rule may act on
    /// the output of an earlier one, as `replacingOccurrences` in sequence does), a final -h
    /// dropped, vowels dropped and doubled letters folded. Called for every candidate pair, so it
    /// allocates two small arrays and hashes nothing.
    static func asciiKey(_ bytes: [UInt8]) -> String? {
        var letters: [UInt8] = []
        letters.reserveCapacity(bytes.count)
        var words: [Range<Int>] = []
        var start = 0
        for b in bytes {
            let lower = (b >= 65 && b <= 90) ? b + 32 : b
            if lower >= 97 && lower <= 122 {
                letters.append(lower)
            } else if letters.count > start {
                words.append(start..<letters.count)
                start = letters.count
            }
        }
        if letters.count > start { words.append(start..<letters.count) }
        guard !words.isEmpty else { return nil }
        // The words kept, joined, written over `letters` (never ahead of what is read).
        // A leading article goes (when a name follows); then articles after the first word kept.
        let first = words.count > 1 && isArticle(letters[words[0]]) ? 1 : 0
        var joined = 0
        for n in first..<words.count {
            let word = words[n]
            if n > first, isArticle(letters[word]) { continue }
            for i in word {
                letters[joined] = letters[i]
                joined += 1
            }
        }
        letters.removeLast(letters.count - joined)
        for (from, to) in asciiDigraphs { replace(from, with: to, in: &letters) }
        if letters.count > 3, letters.last == UInt8(ascii: "h") { letters.removeLast() }
        var skeleton: [UInt8] = []
        skeleton.reserveCapacity(letters.count)
        for b in letters where !isDropped(b) {
            if skeleton.last != b { skeleton.append(b) }
        }
        return skeleton.isEmpty ? nil : String(decoding: skeleton, as: UTF8.self)
    }

    private static func isArticle(_ word: ArraySlice<UInt8>) -> Bool {
        asciiArticles.contains { $0.elementsEqual(word) }
    }

    /// Vowels, y and w, and the apostrophe: not part of the skeleton.
    private static func isDropped(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
             UInt8(ascii: "y"), UInt8(ascii: "w"), UInt8(ascii: "'"): return true
        default: return false
        }
    }

    /// Non-overlapping occurrences, left to right, as `replacingOccurrences(of:with:)`, in place:
    /// a replacement is never longer than what it replaces.
    private static func replace(_ from: [UInt8], with to: [UInt8], in s: inout [UInt8]) {
        guard s.count >= from.count, s.contains(from[0]) else { return }
        var read = 0, write = 0
        while read < s.count {
            if read + from.count <= s.count, s[read] == from[0], from.count == 1 || s[read + 1] == from[1] {
                for b in to {
                    s[write] = b
                    write += 1
                }
                read += from.count
            } else {
                s[write] = s[read]
                write += 1
                read += 1
            }
        }
        s.removeLast(s.count - write)
    }
}
