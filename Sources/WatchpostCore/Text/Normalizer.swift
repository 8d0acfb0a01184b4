import CLibXML2
import Foundation

/// A stretch of normalized text with its way back to the raw text.
public struct NormalizedText: Sendable, Hashable {
    public var text: String
    public var map: OffsetMap
}

/// Normalizes raw text into the form every later stage reads, keeping an offset map back.
///
/// - Unicode NFKC (fullwidth letters, ligatures, "…" → "...");
/// - every kind of space (no-break, thin, ideographic, tabs, line breaks) → one plain space,
///   runs collapsed, ends trimmed; zero-width characters and soft hyphens dropped;
/// - curly quotes and apostrophes → `'` and `"`; every dash and minus → `-`;
/// - HTML character references (`&amp;`, `&#8217;`, `&nbsp;`) decoded, in HTML and plain text alike.
///
/// Hand-written over UTF-8 bytes rather than Foundation string calls: it runs over every byte of
/// every report and must keep the pipeline above 5 MB/s. Foundation's NFKC is called only for runs
/// of non-ASCII letters, once per distinct run (cached by the caller's `NormalizationCache`).
public struct Normalizer: Sendable {
    public init() {}

    /// Normalizes one string on its own (offsets relative to the string).
    public func normalize(_ text: String) -> NormalizedText {
        var cache = NormalizationCache()
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { normalize($0, runs: [0..<$0.count], cache: &cache) }
    }

    /// Normalizes the concatenation of `runs` of `raw` (runs in increasing order) as one block.
    func normalize(_ raw: UnsafeBufferPointer<UInt8>, runs: [Range<Int>], cache: inout NormalizationCache) -> NormalizedText {
        var out = Output()
        out.bytes.reserveCapacity(runs.reduce(0) { $0 + $1.count })
        var previousEnd: Int?
        for run in runs {
            // Runs separated by a line break (hard-wrapped lines) or spaced markup are spaced apart.
            if let previousEnd, raw[previousEnd..<run.lowerBound].contains(where: { $0 <= 0x20 }) { out.space(at: previousEnd) }
            previousEnd = run.upperBound
            var i = run.lowerBound
            let end = run.upperBound
            while i < end {
                let b = raw[i]
                if b < 0x80 {
                    if b == UInt8(ascii: "&"), let (scalar, length) = Self.characterReference(raw, at: i, end: end) {
                        out.emit(scalar: scalar, raw: i..<(i + length), cache: &cache)
                        i += length
                    } else if b <= 0x20 || b == 0x7F {
                        out.space(at: i)
                        i += 1
                    } else {
                        // The printable ASCII bytes after it go along in one copy (not "&", which may open a reference).
                        var j = i + 1
                        while j < end, raw[j] > 0x20, raw[j] < 0x7F, raw[j] != UInt8(ascii: "&") { j += 1 }
                        out.copyASCII(raw, i..<j)
                        i = j
                    }
                    continue
                }
                // A run of non-ASCII scalars: the unit NFKC is applied to.
                let runStart = i
                var scalars: [Unicode.Scalar] = []
                var starts: [Int] = []
                while i < end, raw[i] >= 0x80 {
                    let (scalar, length) = Self.decode(raw, at: i, end: end)
                    scalars.append(scalar)
                    starts.append(i)
                    i += length
                }
                out.emitNonASCII(scalars, starts: starts, end: i, runStart: runStart, raw: raw, cache: &cache)
            }
        }
        out.trimTrailingSpace()
        return NormalizedText(text: String(decoding: out.bytes, as: UTF8.self), map: out.map)
    }

    /// Decodes one UTF-8 scalar (the input is valid UTF-8: it came from a Swift String).
    static func decode(_ raw: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(raw[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        var length = 1, value: UInt32 = 0xFFFD
        if b0 & 0xE0 == 0xC0, i + 1 < end {
            length = 2; value = (b0 & 0x1F) << 6 | UInt32(raw[i + 1] & 0x3F)
        } else if b0 & 0xF0 == 0xE0, i + 2 < end {
            length = 3; value = (b0 & 0x0F) << 12 | UInt32(raw[i + 1] & 0x3F) << 6 | UInt32(raw[i + 2] & 0x3F)
        } else if b0 & 0xF8 == 0xF0, i + 3 < end {
            length = 4
            value = (b0 & 0x07) << 18 | UInt32(raw[i + 1] & 0x3F) << 12 | UInt32(raw[i + 2] & 0x3F) << 6 | UInt32(raw[i + 3] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// `&name;`, `&#123;` or `&#x1F;` at `i`: the scalar and the reference's length in bytes.
    static func characterReference(_ raw: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var j = i + 1
        let limit = min(end, i + 34)
        guard j < limit else { return nil }
        if raw[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < limit, raw[j] | 0x20 == UInt8(ascii: "x") { hex = true; j += 1 }
            var value: UInt32 = 0
            let digitsStart = j
            while j < limit, raw[j] != UInt8(ascii: ";") {
                let c = raw[j]
                let digit: UInt32
                switch c {
                case 0x30...0x39: digit = UInt32(c - 0x30)
                case 0x61...0x66 where hex: digit = UInt32(c - 0x61 + 10)
                case 0x41...0x46 where hex: digit = UInt32(c - 0x41 + 10)
                default: return nil
                }
                value = value &* (hex ? 16 : 10) &+ digit
                if value > 0x10FFFF { return nil }
                j += 1
            }
            guard j < limit, j > digitsStart, let scalar = Unicode.Scalar(value) else { return nil }
            return (scalar, j + 1 - i)
        }
        var name: [CChar] = []
        while j < limit, raw[j] != UInt8(ascii: ";") {
            let c = raw[j]
            guard (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) else { return nil }
            name.append(CChar(bitPattern: c))
            j += 1
        }
        guard j < limit, !name.isEmpty else { return nil }
        name.append(0)
        // libxml2 holds the full HTML 4 entity table; no table of our own to keep.
        guard let entity = name.withUnsafeBufferPointer({ htmlEntityLookup(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: xmlChar.self)) }),
              let scalar = Unicode.Scalar(entity.pointee.value)
        else { return nil }
        return (scalar, j + 1 - i)
    }

    /// What one scalar becomes: a space, nothing, or replacement text. Nil: keep it (NFKC decides).
    enum Fate { case space, drop, replace(UInt8) }
    static func fate(of s: Unicode.Scalar) -> Fate? {
        switch s.value {
        case 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x0085: return .space
        case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF, 0x180E: return .drop
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x02BC, 0xFF07: return .replace(UInt8(ascii: "'"))
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036, 0x00AB, 0x00BB, 0xFF02: return .replace(UInt8(ascii: "\""))
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0x2E3A, 0x2E3B: return .replace(UInt8(ascii: "-"))
        case 0x0000...0x001F, 0x007F...0x009F: return .space
        default: return nil
        }
    }
}

/// Results of NFKC per distinct non-ASCII run, owned by one preparation.
struct NormalizationCache {
    var nfkc: [String: [UInt8]] = [:]

    mutating func normalized(_ run: [Unicode.Scalar]) -> [UInt8] {
        var key = String.UnicodeScalarView()
        key.append(contentsOf: run)
        let string = String(key)
        if let hit = nfkc[string] { return hit }
        var bytes: [UInt8] = []
        for s in string.precomposedStringWithCompatibilityMapping.unicodeScalars {
            switch Normalizer.fate(of: s) {
            case .space: bytes.append(0x20)
            case .drop: break
            case .replace(let b): bytes.append(b)
            case nil: bytes.append(contentsOf: String(s).utf8)
            }
        }
        if nfkc.count < 100_000 { nfkc[string] = bytes }
        return bytes
    }
}

/// The normalized bytes being built, with their offset map.
private struct Output {
    var bytes: [UInt8] = []
    var map = OffsetMap()
    /// Raw offset of the first of the spaces waiting to be written, if any.
    var pendingSpace: Int?

    mutating func space(at raw: Int) {
        if pendingSpace == nil { pendingSpace = raw }
    }

    mutating func flushSpace() {
        guard let at = pendingSpace else { return }
        pendingSpace = nil
        guard !bytes.isEmpty else { return }  // leading spaces are trimmed
        bytes.append(0x20)
        // The space stands for the raw byte at `at`: one byte for one, which the map reads the same
        // as a copied byte, so it joins the copied words around it in one segment instead of
        // cutting them into three (a segment per word boundary was most of the normalizer's cost).
        map.appendCopied(count: 1, rawStart: at)
    }

    /// Raw bytes copied as they are: the offset map gets one copied span for them.
    mutating func copyASCII(_ raw: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        if pendingSpace != nil { flushSpace() }
        bytes.append(contentsOf: raw[range])
        map.appendCopied(count: range.count, rawStart: range.lowerBound)
    }

    mutating func emit(scalar: Unicode.Scalar, raw: Range<Int>, cache: inout NormalizationCache) {
        var text: [UInt8]
        switch Normalizer.fate(of: scalar) {
        case .space: space(at: raw.lowerBound); return
        case .drop: return
        case .replace(let b): text = [b]
        case nil: text = scalar.isASCII ? [UInt8(scalar.value)] : cache.normalized([scalar])
        }
        if text == [0x20] { space(at: raw.lowerBound); return }
        flushSpace()
        bytes.append(contentsOf: text)
        map.appendReplaced(count: text.count, raw: raw)
    }

    /// A run of non-ASCII scalars: special characters one by one, the rest through NFKC.
    mutating func emitNonASCII(_ scalars: [Unicode.Scalar], starts: [Int], end: Int, runStart: Int,
                               raw: UnsafeBufferPointer<UInt8>, cache: inout NormalizationCache) {
        var k = 0
        while k < scalars.count {
            let rawStartK = starts[k]
            if let fate = Normalizer.fate(of: scalars[k]) {
                let rawEndK = k + 1 < scalars.count ? starts[k + 1] : end
                switch fate {
                case .space: space(at: rawStartK)
                case .drop: break
                case .replace(let b):
                    flushSpace()
                    bytes.append(b)
                    map.appendReplaced(count: 1, raw: rawStartK..<rawEndK)
                }
                k += 1
                continue
            }
            var m = k
            while m < scalars.count, Normalizer.fate(of: scalars[m]) == nil { m += 1 }
            let rawEndM = m < scalars.count ? starts[m] : end
            let piece = Array(scalars[k..<m])
            let normalized = cache.normalized(piece)
            let rawPiece = UnsafeBufferPointer(rebasing: raw[rawStartK..<rawEndM])
            if !normalized.isEmpty {
                flushSpace()
                if normalized.elementsEqual(rawPiece) {
                    bytes.append(contentsOf: rawPiece)
                    map.appendCopied(count: rawPiece.count, rawStart: rawStartK)
                } else {
                    bytes.append(contentsOf: normalized)
                    map.appendReplaced(count: normalized.count, raw: rawStartK..<rawEndM)
                }
            }
            k = m
        }
    }

    mutating func trimTrailingSpace() {
        pendingSpace = nil
        if bytes.last == 0x20 {
            bytes.removeLast()
            map.removeLast(1)
        }
    }
}
