/// A date expression in a sentence, resolved to days where it can be.
public struct DateMention: Sendable, Hashable {
    public var tokenRange: Range<Int>
    /// The first day (nil when it cannot be resolved: a relative date with no publication date).
    public var start: Day?
    /// The last day of a range; nil for a single day.
    public var end: Day?
    public var precision: TimePrecision
    public var anchor: Anchor

    /// What the expression is counted from, which tells the event coder how far to trust it.
    public enum Anchor: Sendable, Hashable {
        /// Written out: "On November 10", "10 September 2019", "2019-12-01", "Dec. 1".
        case absolute
        /// Counted from the publication date: "yesterday", "on Saturday", "last weekend", "as of June 26".
        case publication
        /// Counted from the date in force: "on the same day" (0), "a day later" (1), "the day before" (-1).
        case previous(days: Int)
        /// Not the event's day: "since 2011", "in 2016", "last year".
        case background
    }

    public init(tokenRange: Range<Int>, start: Day?, end: Day? = nil, precision: TimePrecision, anchor: Anchor) {
        self.tokenRange = tokenRange
        self.start = start
        self.end = end
        self.precision = precision
        self.anchor = anchor
    }
}
