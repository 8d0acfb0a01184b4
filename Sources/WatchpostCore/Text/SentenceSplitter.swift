/// Splits one block of normalized text into sentences (byte ranges into the block's text).
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) before a space and a
/// word that does not start in lower case, except after an abbreviation ("Lt. Col.", "No. 9",
/// "Jan. 9", "U.S. forces"), an initial ("J. Smith") or inside a number ("14.5", "14,5"). The end of
/// a block ends a sentence, so headlines and list items need no final stop. Hand-written over bytes:
/// it runs on every sentence of every report.
struct SentenceSplitter: Sendable {
    var rules: CleaningRules

    func split(_ text: String) -> [Range<Int>] {
        let b = Array(text.utf8)
        var sentences: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < b.count {
            let c = b[i]
            guard c == UInt8(ascii: ".") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?") else { i += 1; continue }
            var j = i + 1
            while j < b.count, [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(b[j]) { j += 1 }
            let runOfStops = j - i
            while j < b.count, [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]")].contains(b[j]) { j += 1 }
            guard j < b.count else { break }
            guard b[j] == 0x20 else { i = j; continue }
            var k = j
            while k < b.count, b[k] == 0x20 { k += 1 }
            guard k < b.count else { break }
            if endsSentence(b, stop: i, single: runOfStops == 1 && c == UInt8(ascii: "."), closedAt: j, next: k) {
                sentences.append(start..<j)
                start = k
            }
            i = k
        }
        if start < b.count { sentences.append(start..<b.count) }
        return sentences.map { trim($0, b) }.filter { !$0.isEmpty }
    }

    private func trim(_ r: Range<Int>, _ b: [UInt8]) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, b[lo] == 0x20 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 { hi -= 1 }
        return lo..<hi
    }

    private func endsSentence(_ b: [UInt8], stop i: Int, single: Bool, closedAt j: Int, next k: Int) -> Bool {
        let (nextScalar, _) = b.withUnsafeBufferPointer { Normalizer.decode($0, at: k, end: $0.count) }
        if nextScalar.properties.isLowercase { return false }
        guard single, j == i + 1 else { return true }  // "?", "!", "...", or a stop inside closing quotes
        // The word before the period, back to a space or an opening bracket or quote.
        var w = i
        while w > 0, b[w - 1] != 0x20, b[w - 1] != UInt8(ascii: "("), b[w - 1] != UInt8(ascii: "\"") { w -= 1 }
        let word = String(decoding: b[w..<i], as: UTF8.self).lowercased()
        let nextIsDigit = nextScalar.properties.numericType != nil
        if let cls = rules.abbreviations[word] {
            switch cls {
            case .title: return false
            case .number, .month: return !nextIsDigit
            case .acronym, .other: return nextWordIsStopWord(b, at: k)
            }
        }
        // Dotted initials not in the list ("U.A.E."): pieces of one or two letters.
        let pieces = word.split(separator: ".", omittingEmptySubsequences: false)
        if pieces.count > 1, pieces.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy(\.isLetter) }) {
            return nextWordIsStopWord(b, at: k)
        }
        // An initial: "J. Smith".
        if word.count == 1, b[w] >= UInt8(ascii: "A"), b[w] <= UInt8(ascii: "Z") { return false }
        return true
    }

    /// A capitalized function word ("The", "In") after "U.S." starts a new sentence; a name does not.
    private func nextWordIsStopWord(_ b: [UInt8], at k: Int) -> Bool {
        var e = k
        while e < b.count, b[e] != 0x20, b[e] != UInt8(ascii: ","), b[e] != UInt8(ascii: ".") { e += 1 }
        return rules.stopWords.contains(String(decoding: b[k..<e], as: UTF8.self).lowercased())
    }
}
