import Foundation

/// Cuts text into word, number and punctuation tokens with UTF-8 ranges.
///
/// Words keep inner apostrophes ("Hay'at", "Tarbi'a"); hyphens are tokens of their own so that
/// "al-Sham" and "al Sham" match the same lexicon entry; numbers keep their inner separators
/// ("2,500", "14.5", "14,5"), which the number grammar reads.
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [Token] {
        var text = text
        // Walks the UTF-8 bytes: ASCII is classified by byte, other scalars are decoded and asked
        // for their Unicode properties (this runs on every sentence, and most report text is ASCII).
        return text.withUTF8 { tokenize(utf8: $0) }
    }

    private static func tokenize(utf8 b: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(b.count / 5)
        let n = b.count

        func scalar(at i: Int) -> (Unicode.Scalar, Int) {
            b[i] < 0x80 ? (Unicode.Scalar(b[i]), 1) : Normalizer.decode(b, at: i, end: n)
        }
        func isLetter(_ s: Unicode.Scalar) -> Bool {
            if s.isASCII { return (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }
            return s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
        }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        func isWhitespace(_ s: Unicode.Scalar) -> Bool {
            if s.isASCII { return s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D) }
            return s.properties.isWhitespace
        }
        func isApostrophe(_ s: Unicode.Scalar) -> Bool {
            s == "'" || s == "\u{2019}" || s == "`" || s == "\u{02BF}" || s == "\u{02BE}" || s == "\u{2018}"
        }

        var i = 0
        while i < n {
            let (s, width) = scalar(at: i)
            if isWhitespace(s) {
                i += width
                continue
            }
            let start = i
            let kind: Token.Kind
            i += width
            if isDigit(s) {
                kind = .number
                while i < n {
                    let c = b[i]
                    if c >= 0x30 && c <= 0x39 {
                        i += 1
                    } else if c == UInt8(ascii: ".") || c == UInt8(ascii: ","), i + 1 < n, b[i + 1] >= 0x30, b[i + 1] <= 0x39 {
                        i += 2
                    } else {
                        break
                    }
                }
            } else if isLetter(s) {
                kind = .word
                while i < n {
                    let (c, w) = scalar(at: i)
                    if isLetter(c) || isDigit(c) {
                        i += w
                    } else if isApostrophe(c), i + w < n, isLetter(scalar(at: i + w).0) {
                        i += w + scalar(at: i + w).1
                    } else {
                        break
                    }
                }
            } else {
                kind = .punctuation
            }
            let piece = UnsafeBufferPointer(rebasing: b[start..<i])
            let written = String(decoding: piece, as: UTF8.self)
            let folded: String
            if kind != .word {
                folded = written
            } else if piece.allSatisfy({ $0 < 0x80 }) {
                folded = foldASCII(piece)
            } else {
                folded = fold(written)
            }
            tokens.append(Token(range: start..<i, text: written, folded: folded, kind: kind))
        }
        return tokens
    }

    /// `fold` of an ASCII word: lower-cased, apostrophes and backticks dropped, a possessive "'s"
    /// dropped ("Thursday's" matches "thursday", "Raqqa's" matches "raqqa").
    private static func foldASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var end = bytes.count
        if end > 3, bytes[end - 1] | 0x20 == UInt8(ascii: "s"), bytes[end - 2] == UInt8(ascii: "'") || bytes[end - 2] == UInt8(ascii: "`") {
            end -= 2
        }
        return String(unsafeUninitializedCapacity: end) { out in
            var k = 0
            for b in bytes[0..<end] where b != UInt8(ascii: "'") && b != UInt8(ascii: "`") {
                out[k] = (b >= 65 && b <= 90) ? b + 32 : b
                k += 1
            }
            return k
        }
    }

    /// The matching form of a word: lower-case, no diacritics, no apostrophes.
    public static func fold(_ word: String) -> String {
        // Fast path: most report text is ASCII, and Foundation's folding is slow on Linux.
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            var word = word
            return word.withUTF8 { foldASCII($0) }
        }
        var word = word
        if word.count > 3, word.hasSuffix("\u{2019}s") || word.hasSuffix("\u{2019}S") { word.removeLast(2) }
        let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter {
            !["'", "\u{2019}", "`", "\u{02BF}", "\u{02BE}", "\u{2018}"].contains($0)
        }))
    }
}
