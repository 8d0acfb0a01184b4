import Foundation

/// The fields of one JSON Lines report, read with `JSONDecoder`.
///
/// `JSONSerialization` built a dictionary of bridged Foundation values for every line, and reading
/// the input cost about a tenth of extracting from it. `JSONDecoder` reads the same fields straight
/// into Swift values. It is taken only where its answer is certainly `JSONSerialization`'s: a line
/// that is a JSON object with a string "text" and no number for "id". Anything else (not JSON, not an
/// object, "text" missing or not a string, an id written as a number, whose spelling `NSNumber`
/// decides) gives nil, and the reader takes the `JSONSerialization` path with its messages.
struct JSONLineFields: Decodable {
    /// A field's JSON value, as far as the reader asks.
    enum Value: Decodable {
        case string(String)
        /// A number or a boolean (`NSNumber` for `JSONSerialization`).
        case number
        /// Null, an array or an object.
        case other

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                self = .other
            } else if let s = try? c.decode(String.self) {
                self = .string(s)
            } else if (try? c.decode(Bool.self)) != nil || (try? c.decode(Double.self)) != nil {
                self = .number
            } else {
                self = .other
            }
        }

        var string: String? {
            if case .string(let s) = self { return s }
            return nil
        }
    }

    /// Absent and null both decode as nil (`decodeIfPresent`): the reader treats them alike.
    var text: Value?
    var id: Value?
    var published: Value?
    var url: Value?
    var outlet: Value?

    /// The fields of `line`, or nil where the `JSONSerialization` path must decide.
    static func decode(_ line: Data, with decoder: JSONDecoder) -> JSONLineFields? {
        guard let fields = try? decoder.decode(JSONLineFields.self, from: line), fields.text?.string != nil else { return nil }
        if case .number? = fields.id { return nil }
        return fields
    }
}
