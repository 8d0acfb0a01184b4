import Foundation

/// Cuts text into word, number and punctuation tokens with UTF-8 ranges.
///
/// Words keep inner apostrophes ("Hay'at", "Tarbi'a"); hyphens are tokens of their own so that
/// "al-Sham" and "al Sham" match the same lexicon entry; numbers keep their inner separators
/// ("2,500", "14.5", "14,5"), which the number grammar reads.
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []  // UTF-8 offset of each scalar, plus the end
        offsets.reserveCapacity(scalars.count + 1)
        var o = 0
        for s in scalars {
            offsets.append(o)
            o += UTF8.width(s)
        }
        offsets.append(o)

        func isLetter(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || s.properties.generalCategory == .nonspacingMark
        }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isApostrophe(_ s: Unicode.Scalar) -> Bool {
            s == "'" || s == "\u{2019}" || s == "`" || s == "\u{02BF}" || s == "\u{02BE}" || s == "\u{2018}"
        }

        var i = 0
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            if s.properties.isWhitespace {
                i += 1
                continue
            }
            let start = i
            let kind: Token.Kind
            if isDigit(s) {
                kind = .number
                i += 1
                while i < n {
                    if isDigit(scalars[i]) {
                        i += 1
                    } else if (scalars[i] == "." || scalars[i] == ","), i + 1 < n, isDigit(scalars[i + 1]) {
                        i += 2
                    } else {
                        break
                    }
                }
            } else if isLetter(s) {
                kind = .word
                i += 1
                while i < n {
                    if isLetter(scalars[i]) || isDigit(scalars[i]) {
                        i += 1
                    } else if isApostrophe(scalars[i]), i + 1 < n, isLetter(scalars[i + 1]) {
                        i += 2
                    } else {
                        break
                    }
                }
            } else {
                kind = .punctuation
                i += 1
            }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<i])
            let written = String(piece)
            tokens.append(Token(range: offsets[start]..<offsets[i], text: written,
                                folded: kind == .word ? fold(written) : written, kind: kind))
        }
        return tokens
    }

    /// The matching form of a word: lower-case, no diacritics, no apostrophes.
    public static func fold(_ word: String) -> String {
        // Fast path: most report text is ASCII, and Foundation's folding is slow on Linux.
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = [UInt8]()
            bytes.reserveCapacity(word.utf8.count)
            for b in word.utf8 where b != UInt8(ascii: "'") && b != UInt8(ascii: "`") {
                bytes.append((b >= 65 && b <= 90) ? b + 32 : b)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(String.UnicodeScalarView(folded.unicodeScalars.filter {
            !["'", "\u{2019}", "`", "\u{02BF}", "\u{02BE}", "\u{2018}"].contains($0)
        }))
    }
}
