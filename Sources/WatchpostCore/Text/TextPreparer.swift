/// Normalizer → cleaner (plain or HTML) → sentence splitter: a raw document in, clean sentences
/// with ranges into the raw text out.
public struct TextPreparer: DocumentPreparing {
    public var rules: CleaningRules

    public init(rules: CleaningRules) {
        self.rules = rules
    }

    /// The preparer with the bundled data files (Resources/text/).
    public static func standard() throws -> TextPreparer {
        TextPreparer(rules: try .standard())
    }

    public func prepare(_ document: Document) -> PreparedDocument {
        let bytes = Array(document.text.utf8)
        let blocks = bytes.withUnsafeBufferPointer { cleanBlocks($0, format: document.format, outlet: document.outlet) }
        let splitter = SentenceSplitter(rules: rules)
        var sentences: [Sentence] = []
        var cleanText = ""
        cleanText.reserveCapacity(bytes.count / 2)
        for (blockIndex, block) in blocks.enumerated() {
            if blockIndex > 0 { cleanText += "\n\n" }
            cleanText += block.text.text
            let utf8 = Array(block.text.text.utf8)
            for range in splitter.split(block.text.text) {
                let raw = block.text.map.rawRange(range)
                sentences.append(Sentence(index: sentences.count, text: String(decoding: utf8[range], as: UTF8.self),
                                          rawRange: TextRange(raw), block: blockIndex, isHeading: block.isHeading))
            }
        }
        return PreparedDocument(document: document, cleanText: cleanText, sentences: sentences)
    }

    /// The page's article blocks, normalized.
    func cleanBlocks(_ raw: UnsafeBufferPointer<UInt8>, format: Document.Format, outlet: String?) -> [CleanBlock] {
        let pageBlocks: [PageBlock]
        switch format {
        case .plain: pageBlocks = PlainTextCleaner().blocks(raw)
        case .html: pageBlocks = HTMLCleaner(rules: rules).parse(raw).blocks
        }
        var cache = NormalizationCache()
        let normalizer = Normalizer()
        let normalized = pageBlocks.map { block -> (PageBlock, NormalizedText) in
            var text = normalizer.normalize(raw, runs: block.runs, cache: &cache)
            if block.kind == .title { text = Self.withoutSiteName(text) }
            return (block, text)
        }
        return BoilerplateFilter(rules: rules).filter(normalized, outlet: outlet)
    }

    /// "Headline | Outlet" → "Headline": a short last part after " | " is the site's name.
    static func withoutSiteName(_ title: NormalizedText) -> NormalizedText {
        let b = Array(title.text.utf8)
        guard b.count > 3 else { return title }
        for i in stride(from: b.count - 3, through: 1, by: -1) where b[i] == 0x20 && b[i + 2] == 0x20 && b[i + 1] == UInt8(ascii: "|") {
            let tail = b[(i + 3)...].split(separator: 0x20)
            guard tail.count <= 5 else { return title }
            var cut = title
            cut.text = String(decoding: b[..<i], as: UTF8.self)
            cut.map.removeLast(b.count - i)
            return cut
        }
        return title
    }
}
