import Foundation

/// A spelling-insensitive key for a place name, so that transliterations of one name meet:
/// Saraqeb/Saraqib, Kabana/Kabbaneh/Kabani, Es-Sukeylabiya/al-Suqaylabiyah, Thiban/Diban.
///
/// Arabic names reach English with varying vowels, doubled letters, article forms and q/k, th/d,
/// so the key keeps only the consonant skeleton after dropping the article.
enum PlaceKey {
    static func of(_ name: String?) -> String? {
        guard let name, !name.isEmpty else { return nil }
        var s = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        s = s.replacingOccurrences(of: "’", with: "'")
        // Drop a leading article: al-, el-, as-, ash-, es-, ad-, ar-, at-, az-, an- … ("al Kiswah", "Es-Sukeylabiya").
        let words = s.split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard !words.isEmpty else { return nil }
        var kept = words
        let articles: Set<String> = ["al", "el", "as", "ash", "es", "ad", "ar", "at", "az", "an", "ad", "ed", "er", "ath", "the"]
        if kept.count > 1, articles.contains(kept[0]) { kept.removeFirst() }
        // Inner articles too ("Jubata al-Khashab").
        kept = kept.enumerated().filter { $0.offset == 0 || !articles.contains($0.element) }.map(\.element)
        var joined = kept.joined()
        // Digraphs and letters that transliterations swap.
        for (from, to) in [("kh", "h"), ("gh", "g"), ("sh", "s"), ("th", "d"), ("dh", "d"), ("ph", "f"),
                           ("q", "k"), ("c", "k"), ("j", "g"), ("z", "s"), ("v", "f"), ("ou", "u")] {
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
}
