import Foundation
import Testing
@testable import WatchpostCore

/// The shared JSON string escaper writes what JSONEncoder writes for a lone string, and reads back equal.
@Suite struct JSONStringBytesTests {
    @Test(arguments: [
        "",
        "plain words",
        "a \"quoted\" word and a back\\slash",
        "line one\nline two\ttabbed\r\u{08}\u{0C}",
        "control \u{01} and \u{1F} bytes",
        "slash / stays, non-ASCII stays: Dayr az-Zawr, دير الزور, Ḥamāh",
    ])
    func escapesAsJSONEncoder(text: String) throws {
        var out: [UInt8] = []
        JSONStringBytes.append(text, to: &out)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        #expect(String(decoding: out, as: UTF8.self) == String(decoding: try encoder.encode(text), as: UTF8.self))
        #expect(try JSONDecoder().decode(String.self, from: Data(out)) == text)
    }
}
