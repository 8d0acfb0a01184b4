/// One sentence of a cleaned document.
public struct Sentence: Sendable, Hashable {
    /// Position in the document's sentence list (0-based).
    public var index: Int
    /// Normalized visible text (NFKC, straight quotes, plain spaces and dashes).
    public var text: String
    /// Where the sentence stands in the document's raw text (UTF-8 offsets).
    public var rawRange: TextRange
    /// Index of the block (paragraph, list item, heading) the sentence belongs to.
    public var block: Int
    /// A headline or section title rather than body prose.
    public var isHeading: Bool

    public init(index: Int, text: String, rawRange: TextRange, block: Int, isHeading: Bool = false) {
        self.index = index
        self.text = text
        self.rawRange = rawRange
        self.block = block
        self.isHeading = isHeading
    }
}

/// A document after normalization, cleaning and sentence splitting: what the extraction stages read.
public struct PreparedDocument: Sendable {
    public var document: Document
    /// The kept article text, normalized, blocks separated by blank lines.
    public var cleanText: String
    public var sentences: [Sentence]
    public var findings: [Finding]

    public init(document: Document, cleanText: String, sentences: [Sentence], findings: [Finding] = []) {
        self.document = document
        self.cleanText = cleanText
        self.sentences = sentences
        self.findings = findings
    }
}

/// Turns a raw document into clean sentences (normalizer → cleaner → sentence splitter).
public protocol DocumentPreparing: Sendable {
    func prepare(_ document: Document) -> PreparedDocument
}
