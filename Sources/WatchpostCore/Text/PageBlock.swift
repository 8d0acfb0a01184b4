/// A block of a page before cleaning: where its text lies in the raw text and what the page's
/// structure says about it. Plain pages give lines and paragraphs; HTML pages give elements.
struct PageBlock: Sendable {
    enum Kind: Sendable { case paragraph, heading, title, listItem }
    var runs: [Range<Int>]
    var kind: Kind
    /// Why the page structure already rules the block out (an HTML nav, aside, comment class).
    var droppedBy: String?
    /// The page structure says everything from this block on goes (an HTML comment thread).
    var startsRest = false
}

/// A block after normalization and cleaning, ready for sentence splitting.
struct CleanBlock: Sendable {
    var text: NormalizedText
    var isHeading: Bool
}
