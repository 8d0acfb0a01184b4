import Crypto
import Foundation
import WatchpostCore

/// The key of a report: SHA-256 of its normalized content, so the same report ingested twice is one.
///
/// Normalized: Unicode NFKC, runs of whitespace (non-breaking spaces too) as one space, trimmed;
/// the outlet and publication date are part of it (one wire text carried by two outlets is two reports).
public enum ContentHash {
    public static func of(_ document: Document) -> String {
        let text = normalizedText(document.text)
        let normalized = [document.outlet ?? "", document.published?.iso ?? "", text].joined(separator: "\u{1F}")
        return hex(SHA256.hash(data: Data(normalized.utf8)))
    }

    /// The text NFKC-normalized, whitespace runs as one space, trimmed.
    ///
    /// ASCII text (most reports) takes a byte loop: NFKC leaves ASCII as it is, each ASCII byte is
    /// one Character (but CR LF, which is whitespace either way), and the ASCII whitespace is
    /// tab, LF, VT, FF, CR and space. NFKC over the whole text was most of hashing a report (perf:
    /// ~7 % of the SQLite ingest); the result is the same (tested against `unicodeNormalizedText`).
    static func normalizedText(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? unicodeNormalizedText(text)
    }

    /// The general path of `normalizedText`.
    static func unicodeNormalizedText(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A short stable id from parts (merged event ids).
    static func shortID(_ parts: String...) -> String {
        let digest = SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8))
        return hex(digest.prefix(6))
    }

    /// Lower-case hex, two digits a byte (what `String(format: "%02x")` gives, without formatting
    /// each byte through Foundation: that was most of hashing a short report).
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
