import Testing
@testable import WatchpostCore

struct DateCase: Sendable, CustomTestStringConvertible {
    var text: String
    var start: String?
    var end: String? = nil
    var precision: TimePrecision = .day
    var anchor: DateMention.Anchor = .absolute
    var testDescription: String { text }
}

@Suite struct DateResolverTests {
    static let resolver = try! DateResolver.bundled()
    /// A Thursday.
    static let published = Day(iso: "2019-12-12")!
    static let current = Day(iso: "2019-11-10")!

    static func first(_ text: String, published: Day? = DateResolverTests.published, current: Day? = DateResolverTests.current) -> DateMention? {
        resolver.mentions(in: Tokenizer.tokenize(text), published: published, current: current).first
    }

    static func check(_ c: DateCase, published: Day? = DateResolverTests.published) {
        let m = first(c.text, published: published)
        #expect(m != nil)
        guard let m else { return }
        #expect(m.start?.iso == c.start)
        #expect(m.end?.iso == c.end)
        #expect(m.precision == c.precision)
        #expect(m.anchor == c.anchor)
    }

    @Test(arguments: [
        DateCase(text: "On November 10, the group attacked a post.", start: "2019-11-10"),
        DateCase(text: "Troops moved in on 10 September 2019.", start: "2019-09-10"),
        DateCase(text: "The town fell on Nov. 10.", start: "2019-11-10"),
        DateCase(text: "Talks resumed on Dec. 1 in the capital.", start: "2019-12-01"),
        DateCase(text: "The siege began on December 20.", start: "2018-12-20"),
        DateCase(text: "The siege began on November 10th, 2018.", start: "2018-11-10"),
        DateCase(text: "Jets struck on June 25 and June 26 south of the city.", start: "2019-06-25", end: "2019-06-26"),
        DateCase(text: "Jets struck on June 25-26.", start: "2019-06-25", end: "2019-06-26"),
        DateCase(text: "Jets struck on June 25 and 26 near the road.", start: "2019-06-25", end: "2019-06-26"),
        DateCase(text: "Fighting raged between 2 and 5 March.", start: "2019-03-02", end: "2019-03-05"),
        DateCase(text: "Fighting raged from 28 February to 3 March.", start: "2019-02-28", end: "2019-03-03"),
        DateCase(text: "The statement is dated 2019-12-01.", start: "2019-12-01"),
        DateCase(text: "The form is dated 13/11/2019.", start: "2019-11-13"),
        DateCase(text: "It happened on the 3rd of May.", start: "2019-05-03"),
        DateCase(text: "It happened on the third of May.", start: "2019-05-03"),
        DateCase(text: "It happened on the twenty-first of May 2018.", start: "2018-05-21"),
        DateCase(text: "On 26 August, a tunnel bomb went off.", start: "2019-08-26"),
        DateCase(text: "Hama, Wednesday 5 June 2013 (agency) - Units advanced.", start: "2013-06-05"),
        DateCase(text: "Fighting has gone on since November 8.", start: "2019-11-08", end: "2019-12-12", precision: .week),
        DateCase(text: "Protests spread in June 2019.", start: "2019-06-01", end: "2019-06-30", precision: .month),
        DateCase(text: "Protests spread in early June.", start: "2019-06-01", end: "2019-06-10", precision: .month),
        DateCase(text: "Protests spread in late November.", start: "2019-11-21", end: "2019-11-30", precision: .month),
    ])
    func absolute(_ c: DateCase) { Self.check(c) }

    @Test(arguments: [
        DateCase(text: "Clashes erupted today.", start: "2019-12-12", anchor: .publication),
        DateCase(text: "Clashes erupted yesterday.", start: "2019-12-11", anchor: .publication),
        DateCase(text: "Clashes erupted the day before yesterday.", start: "2019-12-10", anchor: .publication),
        DateCase(text: "Rebels attacked on Saturday.", start: "2019-12-07", anchor: .publication),
        DateCase(text: "Rebels attacked on Thursday night.", start: "2019-12-12", anchor: .publication),
        DateCase(text: "Rebels attacked last night.", start: "2019-12-11", anchor: .publication),
        DateCase(text: "Shelling went on overnight.", start: "2019-12-11", anchor: .publication),
        DateCase(text: "Troops entered the city at dawn today.", start: "2019-12-12", anchor: .publication),
        DateCase(text: "Clashes continued this morning.", start: "2019-12-12", anchor: .publication),
        DateCase(text: "A day ago, rebels took a hill.", start: "2019-12-11", anchor: .publication),
        DateCase(text: "Two days ago, rebels took a hill.", start: "2019-12-10", anchor: .publication),
        DateCase(text: "Rebels took a hill last week.", start: "2019-12-02", end: "2019-12-08", precision: .week, anchor: .publication),
        DateCase(text: "Rebels took a hill last weekend.", start: "2019-12-07", end: "2019-12-08", precision: .week, anchor: .publication),
        DateCase(text: "Rebels took a hill earlier this week.", start: "2019-12-09", end: "2019-12-12", precision: .week, anchor: .publication),
        DateCase(text: "Raids intensified in recent days.", start: "2019-12-05", end: "2019-12-12", precision: .week, anchor: .publication),
        DateCase(text: "Over the past 24 hours, jets flew 40 sorties.", start: "2019-12-11", anchor: .publication),
        DateCase(text: "Raids have gone on since Saturday.", start: "2019-12-07", end: "2019-12-12", precision: .week, anchor: .publication),
        DateCase(text: "Raids began earlier this month.", start: "2019-12-01", end: "2019-12-12", precision: .month, anchor: .publication),
        DateCase(text: "Raids began last month.", start: "2019-11-01", end: "2019-11-30", precision: .month, anchor: .publication),
        DateCase(text: "As of June 26 the fighting resumed.", start: "2019-06-26", anchor: .publication),
    ])
    func relativeToPublication(_ c: DateCase) { Self.check(c) }

    @Test(arguments: [
        DateCase(text: "On the same day, jets struck.", start: "2019-11-10", anchor: .previous(days: 0)),
        DateCase(text: "Earlier that day, jets struck.", start: "2019-11-10", anchor: .previous(days: 0)),
        DateCase(text: "Later that day, jets struck.", start: "2019-11-10", anchor: .previous(days: 0)),
        DateCase(text: "A day later, jets struck.", start: "2019-11-11", anchor: .previous(days: 1)),
        DateCase(text: "The next day, jets struck.", start: "2019-11-11", anchor: .previous(days: 1)),
        DateCase(text: "On the following day, jets struck.", start: "2019-11-11", anchor: .previous(days: 1)),
        DateCase(text: "The previous day, jets struck.", start: "2019-11-09", anchor: .previous(days: -1)),
        DateCase(text: "The day before, jets struck.", start: "2019-11-09", anchor: .previous(days: -1)),
        DateCase(text: "Two days later, jets struck.", start: "2019-11-12", anchor: .previous(days: 2)),
        DateCase(text: "Police arrived on the same evening.", start: "2019-11-10", anchor: .previous(days: 0)),
        DateCase(text: "Hours after the raid, jets struck.", start: "2019-11-10", anchor: .previous(days: 0)),
    ])
    func carriedFromPreviousSentences(_ c: DateCase) { Self.check(c) }

    @Test(arguments: [
        DateCase(text: "The war has raged since 2011.", start: "2011-01-01", end: "2011-12-31", precision: .month, anchor: .background),
        DateCase(text: "The base was built in 2016.", start: "2016-01-01", end: "2016-12-31", precision: .month, anchor: .background),
        DateCase(text: "The base was built last year.", start: "2018-01-01", end: "2018-12-31", precision: .month, anchor: .background),
    ])
    func background(_ c: DateCase) { Self.check(c) }

    /// Numbers that are not dates, and words that only look like months.
    @Test(arguments: [
        "10:45 Rebels shelled the town.", "They used a 14.5 mm gun.", "Some 2,500 fighters gathered.",
        "The town is 30 km away.", "Troops left Observation Post No. 9.", "The talks rest on resolution 2254.",
        "Fighting may resume within 10 days.", "Thousands march 5 km to the square.", "The form is dated 10/11/2019.",
    ])
    func notDates(_ text: String) {
        #expect(Self.resolver.mentions(in: Tokenizer.tokenize(text), published: Self.published, current: nil).isEmpty)
    }

    @Test func withoutPublicationAbsoluteFormsStillResolve() {
        Self.check(DateCase(text: "On November 10, 2018, the group attacked.", start: "2018-11-10"), published: nil)
        let relative = Self.first("Rebels attacked yesterday.", published: nil, current: nil)
        #expect(relative?.start == nil)
        #expect(relative?.anchor == .publication)
        #expect(Self.first("On November 10 rebels attacked.", published: nil, current: nil)?.start == nil)
        // With only a date in force, a yearless date takes the nearest year.
        #expect(Self.first("On November 12 rebels attacked.", published: nil, current: Self.current)?.start?.iso == "2019-11-12")
    }

    @Test func theDateInForceMovesWithinASentence() {
        let found = Self.resolver.mentions(in: Tokenizer.tokenize("On June 5 the army attacked, and the next day it withdrew."),
                                           published: Self.published, current: Self.current)
        #expect(found.map { $0.start?.iso } == ["2019-06-05", "2019-06-06"])
    }

    @Test func leapDaysInferTheLastLeapYear() {
        #expect(Self.first("Raids came on February 29.", published: Day(iso: "2019-03-01"))?.start?.iso == "2016-02-29")
    }

    /// The machinery on a made-up word list: another language's words resolve through the same rules.
    @Test func madeUpLexicon() {
        let words = GrammarTSV(text: """
        brumaire\tmonth\t11
        hier\tpubday\t-1
        lendemain\tprevday\t1
        jour\tunit\t1
        jours\tunit\t1
        plus tard\tdirection\t1
        """)
        let numbers = NumberGrammar(GrammarTSV(text: "deux\tunit\t2"))
        let r = DateResolver(words: words, numbers: numbers)
        func first(_ s: String) -> DateMention? {
            r.mentions(in: Tokenizer.tokenize(s), published: Self.published, current: Self.current).first
        }
        #expect(first("Le 10 Brumaire")?.start?.iso == "2019-11-10")
        #expect(first("hier soir")?.start?.iso == "2019-12-11")
        #expect(first("le lendemain")?.anchor == .previous(days: 1))
        #expect(first("Yesterday") == nil)
    }
}
