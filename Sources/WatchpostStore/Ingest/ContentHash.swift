import Crypto
import Foundation
import WatchpostCore

/// The key of a report: SHA-256 of its normalized content, so the same report ingested twice is one.
///
/// Normalized: Unicode NFKC, runs of whitespace (non-breaking spaces too) as one space, trimmed;
/// the outlet and publication date are part of it (one wire text carried by two outlets is two reports).
public enum ContentHash {
    public static func of(_ document: Document) -> String {
        let text = document.text.precomposedStringWithCompatibilityMapping
            .split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let normalized = [document.outlet ?? "", document.published?.iso ?? "", text].joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(normalized.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A short stable id from parts (merged event ids).
    static func shortID(_ parts: String...) -> String {
        let digest = SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8))
        return digest.prefix(6).map { String(format: "%02x", $0) }.joined()
    }
}
