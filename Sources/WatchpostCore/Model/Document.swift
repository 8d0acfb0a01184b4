/// One report as ingested: the raw text is kept whole; every later range points into it.
public struct Document: Sendable, Hashable, Codable {
    /// Stable id: given by the JSON Lines input, or derived from the file path.
    public var id: String
    public var url: String?
    public var outlet: String?
    /// Anchors relative dates ("yesterday", "on Saturday"); may be missing.
    public var published: Day?
    public var title: String?
    /// How `text` is formatted, which decides the cleaner used.
    public var format: Format
    /// The page as scraped: widgets, comments, markup and all.
    public var text: String

    public enum Format: String, Sendable, Hashable, Codable {
        case plain
        case html
    }

    public init(id: String, url: String? = nil, outlet: String? = nil, published: Day? = nil,
                title: String? = nil, format: Format = .plain, text: String) {
        self.id = id
        self.url = url
        self.outlet = outlet
        self.published = published
        self.title = title
        self.format = format
        self.text = text
    }
}
