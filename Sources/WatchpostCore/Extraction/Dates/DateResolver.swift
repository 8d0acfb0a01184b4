/// Finds and resolves the date expressions of one sentence.
///
/// Hand-written over tokens (no parser library): a handful of token patterns over the word lists of
/// `lexicon/dates.tsv`, scanned left to right, the first pattern that fits at a position wins.
/// Absolute forms are in `DateResolver+Absolute.swift`; forms counted from the publication date or
/// from the date in force are here.
public struct DateResolver: Sendable {
    enum Rule: Sendable, Hashable {
        case publicationDay(Int), previousDay(Int), publicationWeek(Int), weekend(Int)
        case publicationSpan(Int), publicationMonth(Int), publicationYear(Int)
    }

    let numbers: NumberGrammar
    let months: [String: Int]
    let weekdays: [String: Int]
    let rules: TokenPhraseTable<Rule>
    let units: [String: Int]
    let directions: [String: Int]
    let monthParts: [String: Int]
    let sinceWords: Set<String>
    let backgroundWords: Set<String>
    /// Words a pattern can start at (digits aside): one lookup skips every other token.
    let triggers: Set<String>
    /// Every pattern needs a number or one of these words: a sentence without one is skipped whole.
    let dateWords: Set<String>
    /// The words of every set above, interned: a sentence's tokens are looked up once, and what each
    /// can start (`Starts`) is then an array read.
    let words: WordTable
    /// `Starts` of each word id (digits aside: a number token adds `numberStarts`).
    let startsByID: [Starts]
    /// Most sentences hold no date word: this Bloom gate says so for most tokens without a lookup.
    let dateWordGate: WordGate

    /// The patterns a token can start, and whether it is a trigger or date word. A pattern left out is
    /// one whose first test the token fails, so skipping it changes no result, only the work.
    struct Starts: OptionSet, Sendable {
        let rawValue: UInt16
        /// In `triggers`: some pattern may start here.
        static let trigger = Starts(rawValue: 1 << 0)
        /// In `dateWords`.
        static let dateWord = Starts(rawValue: 1 << 1)
        /// "as of": the word "as".
        static let asOf = Starts(rawValue: 1 << 2)
        static let since = Starts(rawValue: 1 << 3)
        /// A `rules` phrase's first word.
        static let relative = Starts(rawValue: 1 << 4)
        /// A number's first word (`counted` asks `NumberGrammar.number`).
        static let counted = Starts(rawValue: 1 << 5)
        static let weekday = Starts(rawValue: 1 << 6)
        /// Digits, a month, an ordinal's first word, "the", "between", "from" (`absolute`'s forms).
        static let absolute = Starts(rawValue: 1 << 7)
        static let background = Starts(rawValue: 1 << 8)
        /// A part of a month ("early"): `monthOnly` without a preposition needs one.
        static let monthPart = Starts(rawValue: 1 << 9)
    }

    /// What a number token can start besides what its digits start as a word: iso, slashed, day-first
    /// dates and counts.
    static let numberStarts: Starts = [.trigger, .counted, .absolute]

    public static func bundled() throws -> DateResolver {
        DateResolver(words: try GrammarTSV.bundled("lexicon/dates.tsv"), numbers: try NumberGrammar.bundled())
    }

    init(words: GrammarTSV, numbers: NumberGrammar) {
        var months: [String: Int] = [:], weekdays: [String: Int] = [:], units: [String: Int] = [:]
        var directions: [String: Int] = [:], parts: [String: Int] = [:]
        var since: Set<String> = [], background: Set<String> = []
        var rules = TokenPhraseTable<Rule>()
        for row in words.rows {
            let n = Int(row.value) ?? 0
            let head = row.phrase[0]
            switch row.kind {
            case "month": months[head] = n
            case "weekday": weekdays[head] = n
            case "unit": units[head] = n
            case "direction": directions[head] = n
            case "monthpart": parts[head] = n
            case "since": since.insert(head)
            case "background": background.insert(head)
            case "pubday": rules.insert(row.phrase, .publicationDay(n))
            case "prevday": rules.insert(row.phrase, .previousDay(n))
            case "pubweek": rules.insert(row.phrase, .publicationWeek(n))
            case "weekend": rules.insert(row.phrase, .weekend(n))
            case "pubspan": rules.insert(row.phrase, .publicationSpan(n))
            case "pubmonth": rules.insert(row.phrase, .publicationMonth(n))
            case "pubyear": rules.insert(row.phrase, .publicationYear(n))
            default: continue
            }
        }
        self.numbers = numbers
        self.months = months
        self.weekdays = weekdays
        self.rules = rules
        self.units = units
        self.directions = directions
        self.monthParts = parts
        self.sinceWords = since
        self.backgroundWords = background
        self.dateWords = rules.lastWords.union(months.keys).union(weekdays.keys).union(directions.keys)
        self.triggers = rules.firstWords.union(months.keys).union(weekdays.keys).union(since).union(background)
            .union(parts.keys).union(numbers.words.keys).union(["as", "the", "between", "from"])
        var starts: [String: Starts] = [:]
        func mark<S: Sequence>(_ words: S, _ s: Starts) where S.Element == String {
            for w in words { starts[w, default: []].insert(s) }
        }
        mark(triggers, .trigger)
        mark(dateWords, .dateWord)
        mark(["as"], .asOf)
        mark(since, .since)
        mark(rules.firstWords, .relative)
        mark(numbers.startWords, .counted)
        mark(weekdays.keys, .weekday)
        mark(months.keys, .absolute)
        mark(numbers.startWords, .absolute)
        mark(["the", "between", "from"], .absolute)
        mark(background, .background)
        mark(parts.keys, .monthPart)
        let table = WordTable(starts.keys)
        self.words = table
        self.startsByID = table.slots(starts, empty: [])
        self.dateWordGate = WordGate(dateWords)
    }

    /// What each token can start.
    func starts(of tokens: [Token]) -> [Starts] {
        tokens.map { t in
            let s = startsByID[id: words.id(of: t.folded), default: []]
            return t.kind == .number ? s.union(Self.numberStarts) : s
        }
    }

    /// Date expressions in one sentence. `published` anchors relative dates; `current` is the date
    /// in force from the previous sentences (for .previous anchors) and is already applied to `start`.
    /// Within the sentence, a day-precise date becomes the date in force for what follows it.
    public func mentions(in tokens: [Token], published: Day?, current: Day?) -> [DateMention] {
        guard tokens.contains(where: { $0.kind == .number || (dateWordGate.mayContain($0.folded)
            && startsByID[id: words.id(of: $0.folded), default: []].contains(.dateWord)) })
        else { return [] }
        let starts = starts(of: tokens)
        var found: [DateMention] = []
        var inForce = current
        var i = 0
        while i < tokens.count {
            guard let m = mention(at: i, tokens, starts: starts[i], published: published, current: inForce) else {
                i += 1
                continue
            }
            found.append(m)
            if m.precision == .day, m.anchor != .background, let day = m.end ?? m.start { inForce = day }
            i = max(m.tokenRange.upperBound, i + 1)
        }
        return found
    }

    /// - Parameter can: what `tokens[i]` can start (`starts(of:)`): patterns it cannot start are not tried.
    func mention(at i: Int, _ tokens: [Token], starts can: Starts, published: Day?, current: Day?) -> DateMention? {
        let t = tokens[i]
        // Cheap gate: every pattern starts at a number or a listed word.
        guard can.contains(.trigger) else { return nil }
        if can.contains(.asOf), t.folded == "as", i + 2 < tokens.count, tokens[i + 1].folded == "of",
           var m = absolute(at: i + 2, tokens, published: published, current: current) {
            // "as of June 26": a state at a date the report takes as its own.
            m.tokenRange = i..<m.tokenRange.upperBound
            m.anchor = m.anchor == .absolute ? .publication : m.anchor
            return m
        }
        if can.contains(.since), let m = since(at: i, tokens, published: published, current: current) { return m }
        if can.contains(.relative), let m = relative(at: i, tokens, published: published, current: current) { return m }
        if can.contains(.counted), let m = counted(at: i, tokens, published: published, current: current) { return m }
        if can.contains(.weekday), let m = weekday(at: i, tokens, published: published, current: current) { return m }
        if can.contains(.absolute), let m = absolute(at: i, tokens, published: published, current: current) { return m }
        if can.contains(.background) {
            return monthOnly(at: i + 1, tokens, published: published, current: current)
                ?? backgroundYear(at: i + 1, from: i, tokens)
        }
        guard can.contains(.monthPart) else { return nil }
        return monthOnly(at: i, tokens, published: published, current: current, needsContext: true)
    }

    // MARK: - Relative to publication or to the date in force

    func relative(at i: Int, _ tokens: [Token], published: Day?, current: Day?) -> DateMention? {
        guard let (rule, end) = rules.match(at: i, in: tokens) else { return nil }
        let range = i..<end
        switch rule {
        case .publicationDay(let n):
            return DateMention(tokenRange: range, start: published?.adding(days: n), precision: .day, anchor: .publication)
        case .previousDay(let n):
            return DateMention(tokenRange: range, start: current?.adding(days: n), precision: .day, anchor: .previous(days: n))
        case .publicationWeek(let n):
            let monday = published?.mondayOfWeek.adding(days: 7 * n)
            let last = n < 0 ? monday?.adding(days: 6) : published
            return DateMention(tokenRange: range, start: monday, end: last, precision: .week, anchor: .publication)
        case .weekend(let n):
            // The last Saturday before publication (n weekends back), through its Sunday.
            let saturday = published.map { $0.adding(days: -1).last(weekday: 6).adding(days: 7 * (n + 1)) }
            let sunday = saturday.map { s in published.map { min(s.adding(days: 1), $0) } ?? s.adding(days: 1) }
            return DateMention(tokenRange: range, start: saturday, end: sunday, precision: .week, anchor: .publication)
        case .publicationSpan(let n):
            return DateMention(tokenRange: range, start: published?.adding(days: n), end: published,
                               precision: .week, anchor: .publication)
        case .publicationMonth(let n):
            let first = published?.firstOfMonth(adding: n)
            let last = n < 0 ? first?.lastOfMonth : published
            return DateMention(tokenRange: range, start: first, end: last, precision: .month, anchor: .publication)
        case .publicationYear(let n):
            let first = published.flatMap { Day(year: $0.year + n, month: 1, day: 1) }
            let last = published.flatMap { Day(year: $0.year + n, month: 12, day: 31) }
            return DateMention(tokenRange: range, start: first, end: last, precision: .month, anchor: .background)
        }
    }

    /// "two days ago" (from publication), "a day later", "three days earlier" (from the date in force).
    func counted(at i: Int, _ tokens: [Token], published: Day?, current: Day?) -> DateMention? {
        guard let n = numbers.number(at: i, in: tokens, allowArticle: true), let count = n.value, n.qualifier == nil else {
            return nil
        }
        let u = n.tokenRange.upperBound
        guard u + 1 < tokens.count, let unit = units[tokens[u].folded], let direction = directions[tokens[u + 1].folded]
        else { return nil }
        let days = count * unit * direction
        let precision: TimePrecision = unit == 1 ? .day : .week
        if tokens[u + 1].folded == "ago" {
            return DateMention(tokenRange: i..<u + 2, start: published?.adding(days: days), precision: precision,
                               anchor: .publication)
        }
        return DateMention(tokenRange: i..<u + 2, start: current?.adding(days: days), precision: precision,
                           anchor: .previous(days: days))
    }

    /// "on Saturday", "Thursday night": the last such day on or before publication;
    /// "Wednesday 5 June 2013", "Saturday, June 5": the written date.
    func weekday(at i: Int, _ tokens: [Token], published: Day?, current: Day?) -> DateMention? {
        guard let wd = weekdays[tokens[i].folded], tokens[i].isCapitalized else { return nil }
        var j = i + 1
        if j < tokens.count, tokens[j].text == "," { j += 1 }
        if j < tokens.count, var m = absolute(at: j, tokens, published: published, current: current) {
            m.tokenRange = i..<m.tokenRange.upperBound
            return m
        }
        let before = i > 0 ? tokens[i - 1].folded : ""
        if before == "next" || before == "coming" { return nil }  // a forecast, not an event day
        var day = published?.last(weekday: wd)
        if before == "last", let d = day, d == published { day = d.adding(days: -7) }
        return DateMention(tokenRange: i..<i + 1, start: day, precision: .day, anchor: .publication)
    }

    /// "since Saturday", "since November 8": a range to publication; "since 2011": background.
    func since(at i: Int, _ tokens: [Token], published: Day?, current: Day?) -> DateMention? {
        let j = i + 1
        guard j < tokens.count else { return nil }
        if let m = weekday(at: j, tokens, published: published, current: current)
            ?? absolute(at: j, tokens, published: published, current: current), m.precision == .day {
            return DateMention(tokenRange: i..<m.tokenRange.upperBound, start: m.start, end: published,
                               precision: .week, anchor: m.anchor)
        }
        return nil
    }

    /// "in 2016", "since 2011", "in early 2019": a year that is background to the events.
    func backgroundYear(at j: Int, from i: Int, _ tokens: [Token]) -> DateMention? {
        var k = j
        if k < tokens.count, monthParts[tokens[k].folded] != nil { k += 1 }
        guard k < tokens.count, let year = self.year(at: k, tokens) else { return nil }
        return DateMention(tokenRange: i..<k + 1, start: Day(year: year, month: 1, day: 1),
                           end: Day(year: year, month: 12, day: 31), precision: .month, anchor: .background)
    }

    /// A four-digit year standing alone (not "2019-12-01", not "2254").
    func year(at k: Int, _ tokens: [Token]) -> Int? {
        let t = tokens[k]
        guard t.kind == .number, t.text.utf8.count == 4, let y = Int(t.text), (1900...2100).contains(y) else { return nil }
        if k + 1 < tokens.count, ["-", "/", ":"].contains(tokens[k + 1].text), t.touches(tokens[k + 1]) { return nil }
        return y
    }
}
