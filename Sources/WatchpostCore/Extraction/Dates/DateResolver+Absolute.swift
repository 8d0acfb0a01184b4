/// Dates written out: "November 10", "10 September 2019", "Dec. 1", "the 3rd of May", "June 25-26",
/// "between 2 and 5 March", "2019-12-01", "13/11/2019", and months: "in early June", "June 2019".
extension DateResolver {
    func absolute(at i: Int, _ tokens: [Token], published: Day?, current: Day?) -> DateMention? {
        iso(at: i, tokens) ?? slashed(at: i, tokens)
            ?? monthFirst(at: i, tokens, published: published, current: current)
            ?? dayFirst(at: i, tokens, published: published, current: current)
            ?? bracketedRange(at: i, tokens, published: published, current: current)
    }

    // MARK: - Forms

    /// "2019-12-01".
    func iso(at i: Int, _ tokens: [Token]) -> DateMention? {
        guard i + 4 < tokens.count, let y = year(at: i, tokens) ?? isoYear(at: i, tokens),
              tokens[i + 1].text == "-", tokens[i + 3].text == "-",
              (i..<i + 4).allSatisfy({ tokens[$0].touches(tokens[$0 + 1]) }),
              tokens[i + 2].text.utf8.count == 2, tokens[i + 4].text.utf8.count == 2,
              let m = Int(tokens[i + 2].text), let d = Int(tokens[i + 4].text), let day = Day(year: y, month: m, day: d)
        else { return nil }
        return DateMention(tokenRange: i..<i + 5, start: day, precision: .day, anchor: .absolute)
    }

    private func isoYear(at i: Int, _ tokens: [Token]) -> Int? {
        let t = tokens[i]
        guard t.kind == .number, t.text.utf8.count == 4, let y = Int(t.text), (1900...2100).contains(y) else { return nil }
        return y
    }

    /// "13/11/2019" or "11/13/2019": only when one reading is possible (a part above 12, or both equal).
    func slashed(at i: Int, _ tokens: [Token]) -> DateMention? {
        guard i + 4 < tokens.count, tokens[i + 1].text == "/", tokens[i + 3].text == "/",
              (i..<i + 4).allSatisfy({ tokens[$0].touches(tokens[$0 + 1]) }),
              tokens[i].text.utf8.count <= 2, tokens[i + 2].text.utf8.count <= 2,
              let a = Int(tokens[i].text), let b = Int(tokens[i + 2].text), let y = isoYear(at: i + 4, tokens)
        else { return nil }
        let day: Day?
        if a == b || (a > 12 && b <= 12) {
            day = Day(year: y, month: b, day: a)
        } else if b > 12 && a <= 12 {
            day = Day(year: y, month: a, day: b)
        } else {
            day = nil  // 10/11/2019: November 10 or October 11; better no date than a wrong one
        }
        guard let day else { return nil }
        return DateMention(tokenRange: i..<i + 5, start: day, precision: .day, anchor: .absolute)
    }

    /// "November 10", "Nov. 10th, 2018", "June 25-26", "June 25 and June 26", "June 2019".
    func monthFirst(at i: Int, _ tokens: [Token], published: Day?, current: Day?) -> DateMention? {
        guard let (m1, k) = monthWord(at: i, tokens) else { return nil }
        if k < tokens.count, let y = year(at: k, tokens) {
            let first = Day(year: y, month: m1, day: 1)!
            return DateMention(tokenRange: i..<k + 1, start: first, end: first.lastOfMonth, precision: .month, anchor: .absolute)
        }
        guard let (d1, afterDay) = dayNumber(at: k, tokens) else { return nil }
        var last = afterDay
        var second: (month: Int, day: Int)? = nil
        if let c = connector(at: afterDay, tokens) {
            let (m2, k2) = monthWord(at: c, tokens) ?? (m1, c)
            if let (d2, k3) = dayNumber(at: k2, tokens), k2 != c || plausibleEnd(at: k3, tokens) {
                second = (m2, d2)
                last = k3
            }
        }
        let (y, end) = yearAfter(last, tokens)
        return make(i..<end, (m1, d1), second, year: y, published: published, current: current)
    }

    /// "10 September", "the 3rd of May", "third of May 2019", "25-26 June", "25 June to 2 July".
    func dayFirst(at i: Int, _ tokens: [Token], published: Day?, current: Day?) -> DateMention? {
        let s = tokens[i].folded == "the" ? i + 1 : i
        guard let (d1, k) = dayNumber(at: s, tokens) ?? ordinalWord(at: s, tokens) else { return nil }
        var j = k
        var rangeDay: Int? = nil
        if let c = connector(at: j, tokens), let (d2, k2) = dayNumber(at: c, tokens) ?? ordinalWord(at: c, tokens) {
            rangeDay = d2
            j = k2
        }
        if j < tokens.count, tokens[j].folded == "of" { j += 1 }
        guard let (m1, afterMonth) = monthWord(at: j, tokens) else { return nil }
        if let rangeDay {
            let (y, end) = yearAfter(afterMonth, tokens)
            return make(i..<end, (m1, d1), (m1, rangeDay), year: y, published: published, current: current)
        }
        var last = afterMonth
        var second: (month: Int, day: Int)? = nil
        if let c = connector(at: afterMonth, tokens), let (d2, k2) = dayNumber(at: c, tokens) {
            var k3 = k2
            if k3 < tokens.count, tokens[k3].folded == "of" { k3 += 1 }
            if let (m2, k4) = monthWord(at: k3, tokens) {
                second = (m2, d2)
                last = k4
            }
        }
        let (y, end) = yearAfter(last, tokens)
        return make(i..<end, (m1, d1), second, year: y, published: published, current: current)
    }

    /// "between 2 and 5 March", "from June 25 to June 27": the range with its opening word.
    func bracketedRange(at i: Int, _ tokens: [Token], published: Day?, current: Day?) -> DateMention? {
        guard ["between", "from"].contains(tokens[i].folded), i + 1 < tokens.count,
              var m = monthFirst(at: i + 1, tokens, published: published, current: current)
                ?? dayFirst(at: i + 1, tokens, published: published, current: current),
              m.end != nil else { return nil }
        m.tokenRange = i..<m.tokenRange.upperBound
        return m
    }

    /// "in June", "in early June", "mid-June 2019", "late May": a month, or a third of one.
    /// With `needsContext` (no preposition before it), only a part word can open the form.
    func monthOnly(at j: Int, _ tokens: [Token], published: Day?, current: Day?, needsContext: Bool = false) -> DateMention? {
        var k = j
        guard k < tokens.count else { return nil }
        let part = monthParts[tokens[k].folded]
        if part != nil {
            k += 1
            if k < tokens.count, tokens[k].text == "-" { k += 1 }
        } else if needsContext {
            return nil
        }
        guard let (m, afterMonth) = monthWord(at: k, tokens), dayNumber(at: afterMonth, tokens) == nil else { return nil }
        let firstDay = part ?? 1
        var end = afterMonth
        var y: Int
        if afterMonth < tokens.count, let explicit = year(at: afterMonth, tokens) {
            y = explicit
            end += 1
        } else {
            guard let ref = published ?? current else {
                return DateMention(tokenRange: j..<end, start: nil, precision: .month, anchor: .absolute)
            }
            y = ref.year
            if let d = Day(year: y, month: m, day: firstDay), d > ref { y -= 1 }
        }
        let start = Day(year: y, month: m, day: firstDay)!
        let last = firstDay >= 21 || part == nil ? start.lastOfMonth : start.adding(days: 9)
        return DateMention(tokenRange: j..<end, start: start, end: last, precision: .month, anchor: .absolute)
    }

    // MARK: - Pieces

    /// A month name written capitalized, with an abbreviation's full stop: "November", "Nov.".
    func monthWord(at k: Int, _ tokens: [Token]) -> (Int, Int)? {
        guard k < tokens.count, let m = months[tokens[k].folded], tokens[k].isCapitalized else { return nil }
        if k + 1 < tokens.count, tokens[k + 1].text == ".", tokens[k].touches(tokens[k + 1]), tokens[k].text.count <= 4 {
            return (m, k + 2)
        }
        return (m, k + 1)
    }

    /// A day of the month in digits, with an ordinal suffix if any: "10", "1st", "26th". Not a time ("10:45").
    func dayNumber(at k: Int, _ tokens: [Token]) -> (Int, Int)? {
        guard k < tokens.count, tokens[k].kind == .number, tokens[k].text.utf8.count <= 2,
              let d = Int(tokens[k].text), (1...31).contains(d) else { return nil }
        if let (n, end) = numbers.ordinal(at: k, in: tokens) { return (n, end) }
        if k + 1 < tokens.count, [":", "."].contains(tokens[k + 1].text), tokens[k].touches(tokens[k + 1]),
           k + 2 < tokens.count, tokens[k + 2].kind == .number {
            return nil
        }
        return (d, k + 1)
    }

    /// An ordinal word used as a day: "third", "twenty-first" (only before "of" or a month).
    func ordinalWord(at k: Int, _ tokens: [Token]) -> (Int, Int)? {
        guard k < tokens.count, tokens[k].kind == .word, let (n, end) = numbers.ordinal(at: k, in: tokens),
              (1...31).contains(n), end < tokens.count,
              tokens[end].folded == "of" || months[tokens[end].folded] != nil else { return nil }
        return (n, end)
    }

    /// The word joining the two ends of a day range; returns the index after it.
    func connector(at k: Int, _ tokens: [Token]) -> Int? {
        guard k < tokens.count else { return nil }
        switch tokens[k].folded {
        case "-", "and", "to", "through", "until", "till", "or": return k + 1
        default: return nil
        }
    }

    /// "June 25 and 26 soldiers…" is not a range: after a bare second day, a word must not follow
    /// unless it is one that commonly comes after a date.
    func plausibleEnd(at k: Int, _ tokens: [Token]) -> Bool {
        guard k < tokens.count, tokens[k].kind == .word else { return true }
        return ["in", "on", "at", "near", "when", "as", "after", "before", "the", "and", "respectively", "of",
                "during", "while", "against", "between", "along", "around"].contains(tokens[k].folded)
            || months[tokens[k].folded] != nil
    }

    /// An optional ", 2019" or " 2019" after a date: the year and the index past it.
    func yearAfter(_ k: Int, _ tokens: [Token]) -> (Int?, Int) {
        var j = k
        if j < tokens.count, tokens[j].text == "," { j += 1 }
        if j < tokens.count, let y = year(at: j, tokens) { return (y, j + 1) }
        return (nil, k)
    }

    /// A single day or a range, the year given or inferred as the latest such date not after
    /// publication (or, with no publication date, the nearest to the date in force).
    func make(_ range: Range<Int>, _ first: (month: Int, day: Int), _ second: (month: Int, day: Int)?,
              year: Int?, published: Day?, current: Day?) -> DateMention? {
        // The year written after a range belongs to its end ("25 December - 2 January 2020").
        let startYear: Int?
        let endYear: Int?
        if let year {
            endYear = year
            startYear = (second.map { ($0.month, $0.day) < (first.month, first.day) } ?? false) ? year - 1 : year
        } else if let y = inferYear(month: (second ?? first).month, day: (second ?? first).day,
                                    published: published, current: current) {
            endYear = y
            startYear = (second.map { ($0.month, $0.day) < (first.month, first.day) } ?? false) ? y - 1 : y
        } else {
            guard Day(year: 2000, month: first.month, day: first.day) != nil else { return nil }  // "February 30"
            return DateMention(tokenRange: range, start: nil, precision: .day, anchor: .absolute)
        }
        guard let sy = startYear, let start = Day(year: sy, month: first.month, day: first.day) else { return nil }
        var end: Day? = nil
        if let second, let ey = endYear {
            guard let e = Day(year: ey, month: second.month, day: second.day), e > start else { return nil }
            end = e
        }
        return DateMention(tokenRange: range, start: start, end: end, precision: .day, anchor: .absolute)
    }

    func inferYear(month: Int, day: Int, published: Day?, current: Day?) -> Int? {
        if let published {
            var y = published.year
            if Day(year: y, month: month, day: day).map({ $0 > published }) ?? true { y -= 1 }
            // February 29 of a non-leap year: go back to the last leap year.
            while Day(year: y, month: month, day: day) == nil, y > published.year - 8 { y -= 1 }
            return y
        }
        guard let current else { return nil }
        return (current.year - 1...current.year + 1).min { a, b in
            let da = Day(year: a, month: month, day: min(day, 28)).map { abs($0 - current) } ?? .max
            let db = Day(year: b, month: month, day: min(day, 28)).map { abs($0 - current) } ?? .max
            return da < db
        }
    }
}
