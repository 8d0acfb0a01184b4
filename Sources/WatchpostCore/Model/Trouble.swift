/// Two channels for trouble (DESIGN.md, convention 7).
///
/// An `InputError` stops one unit of work (one file, one JSON Lines line) and names it; the other
/// inputs go on. A `Finding` is reported and work goes on (an unknown place, an ambiguous actor).
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable {
        case unreadable        // the path cannot be opened or read
        case binary            // the content is not text
        case empty             // nothing to read
        case invalidUTF8       // decoded with replacement characters (a warning-level error)
        case malformedJSON     // a JSON Lines line that is not a JSON object
        case missingField      // a JSON Lines object without "text"
        case invalidField      // a field of the wrong type or form ("published": "yesterday")
        case tooLarge          // over the configured size limit
    }

    public var code: Code
    /// The input: a path, `-` for stdin, or a document id.
    public var input: String
    /// 1-based line of the input, where one applies.
    public var line: Int?
    /// 1-based column or byte offset, where one applies.
    public var column: Int?
    public var message: String

    public init(_ code: Code, input: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.code = code
        self.input = input
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = input
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(code.rawValue): \(message)"
    }
}

/// Something worth telling the user that does not stop the work.
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        case unknownPlace = "unknown_place"
        case ambiguousPlace = "ambiguous_place"
        case unknownActor = "unknown_actor"
        case undatedEvent = "undated_event"
        case decodingReplaced = "decoding_replaced"
        case other
    }

    public var kind: Kind
    public var document: String
    public var message: String

    public init(_ kind: Kind, document: String, message: String) {
        self.kind = kind
        self.document = document
        self.message = message
    }

    public var description: String { "\(document): \(kind.rawValue): \(message)" }
}
