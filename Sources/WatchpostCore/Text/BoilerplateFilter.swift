/// Decides which blocks of a page are article text, from general signals rather than known strings:
/// section markers (data), sentence-likeness, stop-word density, separators, widget words, the outlet
/// name, bylines and @handles. Shared by the plain-text and HTML cleaners.
struct BoilerplateFilter: Sendable {
    var rules: CleaningRules

    /// What one block looks like, computed once.
    struct Features {
        var words: [Substring] = []          // space-separated, outer punctuation stripped, lower-cased ASCII
        var wordCount: Int { words.count }
        var stopWordCount = 0
        var letterCount = 0
        var separatorCount = 0                // | · • › » ▸ between menu items
        var endsLikeSentence = false          // . ! ? possibly followed by quotes or brackets
        var startsWithQuote = false
        var hasHandle = false                 // an @name token
        var widgetWordCount = 0
        var hasWidgetWord: Bool { widgetWordCount > 0 }
        var isTimestamp = false               // "17:40", "06:10 GMT"
        var capitalizedWordCount = 0
    }

    func features(_ text: String) -> Features {
        var f = Features()
        let bytes = Array(text.utf8)
        var last = bytes.count - 1
        while last >= 0, bytes[last] == UInt8(ascii: "\"") || bytes[last] == UInt8(ascii: "'") || bytes[last] == UInt8(ascii: ")") { last -= 1 }
        if last >= 0 { f.endsLikeSentence = [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?")].contains(bytes[last]) }
        f.startsWithQuote = bytes.first == UInt8(ascii: "\"") || bytes.first == UInt8(ascii: "'")
        // ASCII bytes are counted and cut directly; only text with other scalars pays for Unicode
        // properties and grapheme breaking (this runs on every block of every page).
        let isASCII = bytes.allSatisfy { $0 < 0x80 }
        if isASCII {
            for b in bytes {
                if b == UInt8(ascii: "|") { f.separatorCount += 1 } else if Self.isASCIILetter(b) { f.letterCount += 1 }
            }
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "|", "\u{00B7}", "\u{2022}", "\u{203A}", "\u{25B8}", "\u{25B6}", "\u{2023}": f.separatorCount += 1
                case "\u{00A9}": f.widgetWordCount += 1
                default: if scalar.properties.isAlphabetic { f.letterCount += 1 }
                }
            }
        }
        if Self.spacesSplitCleanly(bytes) {
            f.words.reserveCapacity(bytes.count / 4 + 1)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                if end > start { addWord(bytes[start..<end], to: &f) }
                start = end + 1
            }
        } else {
            for raw in text.split(separator: " ") { addWord(raw, to: &f) }
        }
        f.isTimestamp = Self.isTimestamp(bytes)
        return f
    }

    /// Spaces that are grapheme boundaries on both sides (no non-ASCII scalar touches one), so that
    /// cutting the bytes at spaces gives the same words as cutting the Characters.
    static func spacesSplitCleanly(_ b: [UInt8]) -> Bool {
        for i in b.indices where b[i] == 0x20 {
            if i > 0, b[i - 1] >= 0x80 { return false }
            if i + 1 < b.count, b[i + 1] >= 0x80 { return false }
        }
        return true
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isASCIIAlphanumeric(_ b: UInt8) -> Bool { isASCIILetter(b) || (b >= 0x30 && b <= 0x39) }

    /// One space-separated word (bytes of an ASCII word, or any word as Characters).
    private func addWord(_ raw: ArraySlice<UInt8>, to f: inout Features) {
        guard raw.allSatisfy({ $0 < 0x80 }) else {
            addWord(Substring(String(decoding: raw, as: UTF8.self)), to: &f)
            return
        }
        if raw.first == UInt8(ascii: "@"), raw.count > 1 { f.hasHandle = true }
        var lo = raw.startIndex, hi = raw.endIndex
        while lo < hi, !Self.isASCIIAlphanumeric(raw[lo]) { lo += 1 }
        while hi > lo, !Self.isASCIIAlphanumeric(raw[hi - 1]) { hi -= 1 }
        guard lo < hi else { return }
        if raw[lo] >= UInt8(ascii: "A"), raw[lo] <= UInt8(ascii: "Z") { f.capitalizedWordCount += 1 }
        let lower = String(unsafeUninitializedCapacity: hi - lo) { buffer in
            for k in lo..<hi { buffer[k - lo] = raw[k] >= 65 && raw[k] <= 90 ? raw[k] + 32 : raw[k] }
            return hi - lo
        }
        f.words.append(Substring(lower))
        let kinds = rules.featureWords.kinds(of: lower)
        if kinds.isStop { f.stopWordCount += 1 }
        if kinds.isWidget { f.widgetWordCount += 1 }
    }

    /// One space-separated word, by Characters: the general path for words with non-ASCII letters.
    private func addWord(_ raw: Substring, to f: inout Features) {
        if raw.first == "@", raw.count > 1 { f.hasHandle = true }
        // From the first letter or digit to the last, by index: building a String from a reversed
        // Character sequence cost more than the rest of this function.
        guard let lo = raw.firstIndex(where: { $0.isLetter || $0.isNumber }),
              let hi = raw.lastIndex(where: { $0.isLetter || $0.isNumber }) else { return }
        let w = raw[lo...hi]
        if w.first?.isUppercase == true { f.capitalizedWordCount += 1 }
        let lower = Substring(w.lowercased())
        f.words.append(lower)
        if rules.stopWords.contains(String(lower)) { f.stopWordCount += 1 }
        if rules.widgetWords.contains(String(lower)) { f.widgetWordCount += 1 }
    }

    /// "17:40", "6:10 pm", "06:10 GMT": a live-blog time stamp.
    static func isTimestamp(_ b: [UInt8]) -> Bool {
        var i = 0
        func digits() -> Int { var n = 0; while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1; n += 1 }; return n }
        let h = digits()
        guard (1...2).contains(h), i < b.count, b[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard digits() == 2 else { return false }
        return b.count - i <= 12  // a short zone or am/pm may follow
    }

    /// The marker opening this block, if any.
    func marker(_ f: Features) -> CleaningRules.Marker? {
        for i in rules.markerIndex.candidates(first: f.words.first) {
            let m = rules.markers[i]
            guard f.words.count >= m.words.count, zip(f.words, m.words).allSatisfy({ $0 == $1 }) else { continue }
            switch m.match {
            case .whole:
                // Trailing counts ("Comments (3)", "14 comments") are allowed.
                let rest = f.words.dropFirst(m.words.count)
                if rest.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return m }
            case .start:
                // Only short non-sentences: "Share: Facebook | Twitter", not "Support for the rebels waned."
                if !f.endsLikeSentence || f.wordCount <= 6 || f.separatorCount > 0 { return m }
            }
        }
        // "14 comments": a count then a whole-match marker.
        if f.words.count == 2, f.words[0].allSatisfy(\.isNumber),
           let m = rules.markers.first(where: { $0.match == .whole && $0.words == [String(f.words[1])] }) {
            return m
        }
        return nil
    }

    /// A block of menu items: separators between short items, or capitalized words with no function words.
    func isNavigation(_ f: Features) -> Bool {
        if f.separatorCount >= 2, f.wordCount <= 4 * (f.separatorCount + 1), f.stopWordCount * 4 <= f.wordCount { return true }
        if f.wordCount >= 4, f.stopWordCount == 0, !f.endsLikeSentence, f.capitalizedWordCount == f.wordCount { return true }
        return false
    }

    /// "By Staff Correspondent", "By the JMW monitoring desk": a short byline.
    func isByline(_ f: Features) -> Bool {
        f.words.first == "by" && f.wordCount <= 8 && !f.endsLikeSentence
    }

    func isList(_ f: Features, kind: PageBlock.Kind) -> Bool {
        kind == .listItem || !f.endsLikeSentence
    }

    /// Keeps the article blocks; `outlet` is the page's outlet name, whose masthead line goes.
    func filter(_ blocks: [(PageBlock, NormalizedText)], outlet: String?) -> [CleanBlock] {
        enum Mode { case article, rest, list, tweet }
        var mode = Mode.article
        let outletWords = outlet.map { features(Normalizer().normalize($0).text).words } ?? []
        var kept: [CleanBlock] = []
        for (block, normalized) in blocks {
            if block.startsRest { mode = .rest }
            if mode == .rest { continue }
            guard !normalized.text.isEmpty else { continue }
            let f = features(normalized.text)
            // A marker first: a comment thread may open right after a related list.
            if let m = marker(f) {
                switch m.action {
                case .rest: mode = .rest
                case .list: mode = .list
                case .tweet: mode = .tweet
                case .block: break
                }
                continue
            }
            switch mode {
            case .list where isList(f, kind: block.kind): continue
            case .tweet where f.startsWithQuote || f.hasHandle: continue
            default: mode = .article
            }
            if block.droppedBy != nil { continue }
            if block.kind == .title || block.kind == .heading {
                kept.append(CleanBlock(text: normalized, isHeading: true))
                continue
            }
            if f.letterCount == 0, !f.isTimestamp { continue }           // "0 $", "2,500 $", rules
            // Donation, cookie, copyright lines; one such word in a longer sentence is prose about it.
            if f.hasWidgetWord, f.wordCount <= 30, f.wordCount <= 15 || !f.endsLikeSentence || f.widgetWordCount >= 2 { continue }
            if isNavigation(f) || isByline(f) { continue }
            if !outletWords.isEmpty, f.words == outletWords { continue }  // the masthead
            if f.hasHandle, f.wordCount <= 30 { continue }                // an embedded post or its header
            kept.append(CleanBlock(text: normalized, isHeading: !f.endsLikeSentence))
        }
        return kept
    }
}
