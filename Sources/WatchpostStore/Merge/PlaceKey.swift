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
    private static let asciiArticles = Set(articles.map { Array($0.utf8) })
    private static let asciiDigraphs = digraphs.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    private static let asciiDropped = Set("aeiouyw'".utf8)

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

    /// `foldedKey` for an ASCII name, on bytes: lower-cased, split at non-letters, articles
    /// dropped, each digraph rule applied over the whole word in turn (a rule may act on the output
    /// of an earlier one, as `replacingOccurrences` in sequence does), a final -h dropped, vowels
    /// dropped and doubled letters folded.
    static func asciiKey(_ bytes: [UInt8]) -> String? {
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        for b in bytes {
            let lower = (b >= 65 && b <= 90) ? b + 32 : b
            if lower >= 97 && lower <= 122 {
                word.append(lower)
            } else if !word.isEmpty {
                words.append(word)
                word = []
            }
        }
        if !word.isEmpty { words.append(word) }
        guard !words.isEmpty else { return nil }
        if words.count > 1, asciiArticles.contains(words[0]) { words.removeFirst() }
        var joined: [UInt8] = []
        for (offset, w) in words.enumerated() where offset == 0 || !asciiArticles.contains(w) { joined += w }
        for (from, to) in asciiDigraphs { joined = replacing(from, with: to, in: joined) }
        if joined.count > 3, joined.last == UInt8(ascii: "h") { joined.removeLast() }
        var skeleton: [UInt8] = []
        for b in joined where !asciiDropped.contains(b) {
            if skeleton.last != b { skeleton.append(b) }
        }
        return skeleton.isEmpty ? nil : String(decoding: skeleton, as: UTF8.self)
    }

    /// Non-overlapping occurrences, left to right, as `replacingOccurrences(of:with:)`.
    private static func replacing(_ from: [UInt8], with to: [UInt8], in s: [UInt8]) -> [UInt8] {
        guard s.count >= from.count else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if i + from.count <= s.count, s[i] == from[0], from.count == 1 || s[i + 1] == from[1] {
                out += to
                i += from.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return out
    }
}
