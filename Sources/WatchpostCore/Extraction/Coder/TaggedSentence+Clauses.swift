extension TaggedSentence {
    /// The clauses of a sentence that can each report an event of their own: "X shelled A, while
    /// clashes went on in B"; "X struck A; Y shelled B". Each clause keeps the whole sentence (its
    /// evidence) but only the tokens and tags between its boundaries, re-based to the clause.
    func clauses() -> [TaggedSentence] {
        var cuts: [Int] = []
        for i in tokens.indices {
            let w = tokens[i].folded
            if w == ";" { cuts.append(i) }
            // Switches, not array literals: a literal's `contains` allocated an array per token.
            if w == ",", i + 1 < tokens.count {
                switch tokens[i + 1].folded {
                case "while", "whereas", "meanwhile": cuts.append(i)
                default: break
                }
            }
            switch w {
            case "after", "following": if isDatedEventAfter(i) { cuts.append(i) }
            default: break
            }
        }
        guard !cuts.isEmpty else { return [self] }
        var bounds: [Range<Int>] = []
        var start = 0
        for c in cuts {
            if c > start { bounds.append(start..<c) }
            start = c + 1
        }
        if start < tokens.count { bounds.append(start..<tokens.count) }
        // A clause needs an event word of its own; otherwise it stays with the one before it.
        var merged: [Range<Int>] = []
        for b in bounds {
            let hasEvent = triggers.contains { b.contains($0.tokenRange.lowerBound) }
            if let last = merged.last, !hasEvent {
                merged[merged.count - 1] = last.lowerBound..<b.upperBound
            } else {
                merged.append(b)
            }
        }
        return merged.count <= 1 ? [self] : merged.map(slice)
    }

    /// "SDF fighters advanced on Tuesday after coalition strikes on Monday opened a breach": an
    /// event told after "after" with a day of its own, other than the day of the clause before it,
    /// is an event of its own, not a background adjunct.
    func isDatedEventAfter(_ i: Int) -> Bool {
        func day(in r: Range<Int>) -> Day? {
            dates.first { r.contains($0.tokenRange.lowerBound) && $0.anchor != .background && $0.start != nil }?.start
        }
        guard let before = day(in: 0..<i), let after = day(in: (i + 1)..<tokens.count), before != after else { return false }
        return triggers.contains { $0.tokenRange.lowerBound > i && $0.value.isStrong }
    }

    /// The part of the sentence within `r`, its tag ranges shifted to start at 0.
    func slice(_ r: Range<Int>) -> TaggedSentence {
        func inside(_ x: Range<Int>) -> Bool { x.lowerBound >= r.lowerBound && x.upperBound <= r.upperBound }
        func shift(_ x: Range<Int>) -> Range<Int> { (x.lowerBound - r.lowerBound)..<(x.upperBound - r.lowerBound) }
        return TaggedSentence(
            sentence: sentence,
            tokens: Array(tokens[r]),
            triggers: triggers.filter { inside($0.tokenRange) }.map { var m = $0; m.tokenRange = shift(m.tokenRange); return m },
            cues: cues.filter { inside($0.tokenRange) }.map { var m = $0; m.tokenRange = shift(m.tokenRange); return m },
            actors: actors.filter { inside($0.tokenRange) }.map { var m = $0; m.tokenRange = shift(m.tokenRange); return m },
            places: places.filter { inside($0.tokenRange) }.map { var m = $0; m.tokenRange = shift(m.tokenRange); return m },
            dates: dates.filter { inside($0.tokenRange) }.map { var m = $0; m.tokenRange = shift(m.tokenRange); return m },
            casualties: casualties.filter { inside($0.tokenRange) }.map { c in
                var m = c
                m.tokenRange = shift(m.tokenRange)
                m.victimTokens = m.victimTokens.flatMap { inside($0) ? shift($0) : nil }
                return m
            }
        )
    }
}
