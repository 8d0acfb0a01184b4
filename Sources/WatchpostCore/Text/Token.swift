/// A word, number or punctuation mark, with its place in the text it was cut from.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable, Hashable {
        case word
        case number
        case punctuation
    }

    /// UTF-8 offsets into the text that was tokenized.
    public var range: Range<Int>
    /// The token as written.
    public var text: String
    /// Lower-cased, diacritics and apostrophes removed: the form lexicons are matched on.
    public var folded: String
    public var kind: Kind

    public init(range: Range<Int>, text: String, folded: String, kind: Kind) {
        self.range = range
        self.text = text
        self.folded = folded
        self.kind = kind
    }

    /// "Idlib", "SAA", "al-Nusra" written capitalized (the first letter is upper-case).
    public var isCapitalized: Bool {
        // An ASCII first byte answers without Unicode property tables (asked of every word by several taggers).
        if let b = text.utf8.first, b < 0x80 { return b >= 65 && b <= 90 }
        return text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
    }
}
