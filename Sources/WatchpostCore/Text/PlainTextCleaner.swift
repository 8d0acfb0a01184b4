/// Cuts a plain-text page into blocks: paragraphs are separated by blank lines; inside a paragraph
/// each line is its own block (menus, datelines, list items and time stamps sit on lines of their
/// own), except where the text is hard-wrapped: a long line that does not end a sentence,
/// followed by a line that starts in lower case, goes on in the same block.
struct PlainTextCleaner: Sendable {
    func blocks(_ raw: UnsafeBufferPointer<UInt8>) -> [PageBlock] {
        var lines: [Range<Int>] = []
        var start = 0
        for i in 0..<raw.count where raw[i] == 0x0A {
            lines.append(start..<i)
            start = i + 1
        }
        if start < raw.count { lines.append(start..<raw.count) }

        var blocks: [PageBlock] = []
        var previous: Range<Int>?  // the last non-blank line, nil after a blank one
        for line in lines {
            let content = trimmed(line, raw)
            guard !content.isEmpty, !isBlank(content, raw) else {
                previous = nil
                continue
            }
            if let prev = previous, continuesHardWrap(prev, content, raw), !blocks.isEmpty {
                blocks[blocks.count - 1].runs.append(content)
            } else {
                blocks.append(PageBlock(runs: [content], kind: isListItem(content, raw) ? .listItem : .paragraph))
            }
            previous = content
        }
        return blocks
    }

    private func trimmed(_ r: Range<Int>, _ raw: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, raw[lo] == 0x20 || raw[lo] == 0x09 || raw[lo] == 0x0D { lo += 1 }
        while hi > lo, raw[hi - 1] == 0x20 || raw[hi - 1] == 0x09 || raw[hi - 1] == 0x0D { hi -= 1 }
        return lo..<hi
    }

    /// Only spaces of any kind (a line holding a lone no-break space is blank).
    private func isBlank(_ r: Range<Int>, _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            let (s, n) = Normalizer.decode(raw, at: i, end: r.upperBound)
            if s.value > 0x20, Normalizer.fate(of: s) == nil { return false }
            if case .replace? = Normalizer.fate(of: s) { return false }
            i += n
        }
        return true
    }

    private func continuesHardWrap(_ prev: Range<Int>, _ line: Range<Int>, _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        guard prev.count >= 40 else { return false }
        let last = raw[prev.upperBound - 1]
        if [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":")].contains(last) { return false }
        let first = raw[line.lowerBound]
        return first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z")
    }

    /// "• ...", "- ...", "1. ...", "▸ ...": a list line.
    private func isListItem(_ r: Range<Int>, _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        let (s, _) = Normalizer.decode(raw, at: r.lowerBound, end: r.upperBound)
        switch s {
        case "\u{2022}", "\u{25B8}", "\u{25B6}", "\u{00BB}", "\u{2023}", "\u{00B7}", "*": return true
        case "-", "\u{2013}", "\u{2014}": return r.count > 1 && raw[r.lowerBound + UTF8.width(s)] == 0x20
        default:
            var i = r.lowerBound
            while i < r.upperBound, raw[i] >= 48, raw[i] <= 57 { i += 1 }
            return i > r.lowerBound && i + 1 < r.upperBound && (raw[i] == UInt8(ascii: ".") || raw[i] == UInt8(ascii: ")")) && raw[i + 1] == 0x20
        }
    }
}
