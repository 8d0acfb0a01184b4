import Foundation
import WatchpostCore

/// Event and report lines written by other tools (the gold files, documents.jsonl) as the core's
/// types. Their decoders require keys those files leave out: `evidence_ranges` on events,
/// `format` on documents. The defaults are filled in here, in the store, so the core's
/// decoders stay strict for its own output.
public enum SchemaLines {
    /// A schema event line (with `doc`), `evidence_ranges` defaulting to none.
    public static func event(from line: Substring) throws -> Event {
        try decode(Event.self, line, defaults: ["evidence_ranges": [Any]()])
    }

    /// A documents.jsonl line, `format` defaulting to plain text.
    public static func document(from line: Substring) throws -> Document {
        try decode(Document.self, line, defaults: ["format": "plain"])
    }

    static func decode<T: Decodable>(_ type: T.Type, _ line: Substring, defaults: [String: Any]) throws -> T {
        guard var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            return try JSONDecoder().decode(T.self, from: Data(line.utf8))
        }
        for (key, value) in defaults where object[key] == nil || object[key] is NSNull { object[key] = value }
        return try JSONDecoder().decode(T.self, from: JSONSerialization.data(withJSONObject: object))
    }
}
