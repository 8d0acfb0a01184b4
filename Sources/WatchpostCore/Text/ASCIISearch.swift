import Foundation

/// `String.contains(_:)` for a short ASCII needle, on the bytes.
///
/// On Linux `contains` with a String argument is Foundation's `range(of:)`, several thousand
/// instructions a call; the coder asks it of names in its per-sentence rules. For an ASCII haystack
/// every reading of the test (bytes, scalars, Characters) agrees, so the bytes answer; other text is
/// asked the Foundation way, as before.
enum ASCIISearch {
    static func contains(_ haystack: String, _ needle: StaticString) -> Bool {
        var copy = haystack
        let answer: Bool? = copy.withUTF8 { b in
            guard !b.contains(where: { $0 >= 0x80 }) else { return nil }
            return needle.withUTF8Buffer { n in
                guard n.count > 0 else { return false }  // as Foundation: "" is in no String
                guard b.count >= n.count else { return false }
                return (0...(b.count - n.count)).contains { i in (0..<n.count).allSatisfy { b[i + $0] == n[$0] } }
            }
        }
        return answer ?? haystack.contains(needle.description)
    }
}
