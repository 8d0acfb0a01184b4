import Foundation

/// A quick "certainly not in the set" test for folded words, to run before a `Set<String>` or
/// `[String: …]` lookup.
///
/// The taggers ask of every token whether it starts a phrase; most tokens start none, and hashing a
/// String for the answer was a large part of their cost. This is a one-hash Bloom filter over the
/// word's length and its first, second and last bytes, read without hashing the whole String: when
/// it says no, the set cannot hold the word; when it says maybe, the caller does the real lookup. So
/// results never change, only how many lookups are made.
///
/// Hand-written because no listed package has a Bloom filter, and this one is a few lines.
struct WordGate: Sendable {
    /// 2^14 bits: a few thousand words leave most bits clear.
    private static let bitCount = 1 << 14
    private var bits = [UInt64](repeating: 0, count: WordGate.bitCount / 64)

    init() {}

    init<S: Sequence>(_ words: S) where S.Element == String {
        for word in words {
            insert(word)
        }
    }

    mutating func insert(_ word: String) {
        if !Self.isASCII(word) { insertSlot(word.decomposedStringWithCanonicalMapping) }
        insertSlot(word)
    }

    private mutating func insertSlot(_ word: String) {
        let h = Self.slot(word)
        bits[h >> 6] |= 1 << UInt64(h & 63)
    }

    /// False only when no word of the set is `word`.
    @inline(__always)
    func mayContain(_ word: String) -> Bool {
        // The bytes in place (native Strings, small ones included, are contiguous UTF-8): the generic
        // `utf8.last` and an iterator cost more than the hash they save.
        if let slot = word.utf8.withContiguousStorageIfAvailable({ Self.asciiSlot($0) }) {
            guard let slot else { return true }
            return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
        }
        guard Self.isASCII(word) else { return true }
        let h = Self.slot(word)
        return bits[h >> 6] & (1 << UInt64(h & 63)) != 0
    }

    /// As `mayContain(String(decoding: bytes, as: UTF8.self))`, for words kept as bytes.
    @inline(__always)
    func mayContain(bytes: [UInt8]) -> Bool {
        guard let slot = bytes.withUnsafeBufferPointer({ Self.asciiSlot($0) }) else { return true }
        return bits[slot >> 6] & (1 << UInt64(slot & 63)) != 0
    }

    /// `slot` of an ASCII word's bytes, nil when a byte is not ASCII.
    @inline(__always)
    private static func asciiSlot(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard count > 0 else { return 0 }
        for b in bytes where b >= 0x80 { return nil }
        return mix(count: count, first: bytes[0], second: count > 1 ? bytes[1] : 0, last: bytes[count - 1])
    }

    @inline(__always)
    private static func mix(count: Int, first: UInt8, second: UInt8, last: UInt8) -> Int {
        let x = UInt64(count) | UInt64(first) << 8 | UInt64(second) << 16 | UInt64(last) << 24
        return Int(truncatingIfNeeded: (x &* 0x9E37_79B9_7F4A_7C15) >> 50)  // the top 14 bits
    }

    @inline(__always)
    private static func isASCII(_ word: String) -> Bool {
        for b in word.utf8 where b >= 0x80 { return false }
        return true
    }

    @inline(__always)
    private static func slot(_ word: String) -> Int {
        let utf8 = word.utf8
        let count = utf8.count
        guard count > 0 else { return 0 }
        let second = count > 1 ? utf8[utf8.index(after: utf8.startIndex)] : 0
        return mix(count: count, first: utf8.first!, second: second, last: utf8.last!)
    }
}
