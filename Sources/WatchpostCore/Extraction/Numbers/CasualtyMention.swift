/// A count of people and what happened to them: "at least 16 fighters were killed".
public struct CasualtyMention: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        case killed, wounded, captured, missing, neutralized, arrested, other
    }

    /// The whole phrase, number to verb (or verb to counted noun).
    public var tokenRange: Range<Int>
    /// The figure; nil for "several", "dozens", "many".
    public var count: Int?
    /// How exact the figure is; nil when there is no figure.
    public var qualifier: FatalityQualifier?
    public var outcome: Outcome
    /// The counted noun phrase ("SAA soldiers", "civilians"); nil when the count stands alone.
    public var victimTokens: Range<Int>?
    /// The addends when the count is a sum ("18 soldiers and 7 Russians" → [18, 7]); else [count].
    public var parts: [Int]

    public init(tokenRange: Range<Int>, count: Int?, qualifier: FatalityQualifier?, outcome: Outcome,
                victimTokens: Range<Int>?, parts: [Int]) {
        self.tokenRange = tokenRange
        self.count = count
        self.qualifier = qualifier
        self.outcome = outcome
        self.victimTokens = victimTokens
        self.parts = parts
    }
}
