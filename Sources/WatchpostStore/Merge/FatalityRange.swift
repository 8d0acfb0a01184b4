import WatchpostCore

/// Low/best/high fatalities of a merged event from its claims (UCDP's convention).
///
/// - low: the smallest figure any claim gives; high: the largest.
/// - best: the median of the figures of *independent* sources (claims an outlet makes in its own
///   voice, status `reported`), one figure per source. A more credible tier wins when present: a
///   figure `confirmed` by the side that suffered the loss outranks them. With neither, the median
///   of every claimant's figure (party claims, then disputed ones) is the best there is.
public struct FatalityRange: Sendable, Hashable, Codable {
    public var low: Int
    public var best: Int
    public var high: Int

    public init(low: Int, best: Int, high: Int) {
        self.low = low
        self.best = best
        self.high = high
    }

    /// Nil when no claim gives a figure.
    public static func of(_ claims: [Claim]) -> FatalityRange? {
        let figures = claims.compactMap(\.fatalities)
        guard let low = figures.min(), let high = figures.max() else { return nil }
        for tier in [ClaimStatus.confirmed, .reported, .claimed, .disputed] {
            // One figure per source: the largest that source gives (tolls rise as bodies are counted).
            var bySource: [String: Int] = [:]
            for claim in claims where claim.status == tier {
                guard let n = claim.fatalities else { continue }
                bySource[claim.source, default: n] = max(bySource[claim.source] ?? n, n)
            }
            if !bySource.isEmpty {
                return FatalityRange(low: low, best: median(Array(bySource.values)), high: high)
            }
        }
        return FatalityRange(low: low, best: median(figures), high: high)
    }

    /// The median, the lower middle value for an even count (the conservative side).
    static func median(_ values: [Int]) -> Int {
        let sorted = values.sorted()
        return sorted[(sorted.count - 1) / 2]
    }
}
