import Foundation
import Testing
@testable import WatchpostCore

/// The JSON Lines fast path must read every field as the `JSONSerialization` path does, or hand the line over.
@Suite("JSON line fields agree with JSONSerialization")
struct JSONLineFieldsTests {
    @Test("decoded fields equal JSONSerialization's, or the line is handed over", arguments: [
        #"{"id": "a1", "text": "Shells hit \"the\" town.\nTwo died.", "published": "2024-03-05", "outlet": "Wire", "url": "http://x"}"#,
        #"{"text": "No id here", "published": null, "outlet": null}"#,
        #"{"id": 17, "text": "a number id"}"#,
        #"{"id": true, "text": "a boolean id"}"#,
        #"{"id": ["x"], "text": "an array id", "url": 5}"#,
        #"{"id": "b", "text": 12}"#,
        #"{"id": "c", "text": null}"#,
        #"{"id": "d"}"#,
        #"["not", "an", "object"]"#,
        #"{"id": "e", "text": "broken"#,
        #"{"id": "f", "text": "caf\u00e9 \ud83d\ude00", "published": "yesterday", "extra": {"k": [1, 2]}}"#,
        #"{"id": "g", "text": "<html><body><p>page</p></body></html>", "published": 20240305}"#,
    ])
    func agrees(_ line: String) throws {
        let data = Data(line.utf8)
        guard let fields = JSONLineFields.decode(data, with: JSONDecoder()) else {
            // Handed over: then the old path must have something to say that the fast path could not,
            // an error or a number id.
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(object == nil || !(object?["text"] is String) || object?["id"] is NSNumber)
            return
        }
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(fields.text?.string == object["text"] as? String)
        #expect(fields.id?.string == object["id"] as? String)
        #expect(fields.url?.string == object["url"] as? String)
        #expect(fields.outlet?.string == object["outlet"] as? String)
        #expect(fields.published?.string == object["published"] as? String)
        // Absent or null alike, as the reader treats them.
        let publishedGiven = object["published"].map { !($0 is NSNull) } ?? false
        #expect((fields.published != nil) == publishedGiven)
    }

    /// Through the reader: the documents and errors of a file mixing both paths.
    @Test func readerKeepsIdsAndErrors() throws {
        let text = """
        {"id": "a", "text": "One.", "published": "2024-01-02"}
        {"id": 7, "text": "Two."}
        {"text": "Three.", "published": "soon"}
        not json
        """
        var ids: [String] = [], errors: [InputError.Code] = [], days: [Day?] = []
        DocumentReader().readJSONLines(text, name: "t.jsonl") { item in
            switch item {
            case .document(let d): ids.append(d.id); days.append(d.published)
            case .error(let e): errors.append(e.code)
            }
        }
        #expect(ids == ["a", "7", "t.jsonl:3"])
        #expect(days == [Day(iso: "2024-01-02"), nil, nil])
        #expect(errors == [.invalidField, .malformedJSON])
    }
}
