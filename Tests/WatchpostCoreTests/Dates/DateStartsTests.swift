import Testing
@testable import WatchpostCore

/// The date grammar tries at a token only the patterns the token can start (`DateResolver.Starts`);
/// the patterns it leaves out must be ones that would have found nothing there. Made-up word lists.
@Suite("Date patterns skipped by word id find nothing")
struct DateStartsTests {
    static let resolver = DateResolver(words: GrammarTSV(text: """
    frimaire\tmonth\t3
    frim\tmonth\t3
    lundi\tweekday\t1
    hier\tpubday\t-1
    the next day\tprevday\t1
    last week\tpubweek\t-1
    this weekend\tweekend\t0
    recent days\tpubspan\t-7
    last month\tpubmonth\t-1
    last year\tpubyear\t-1
    day\tunit\t1
    days\tunit\t1
    week\tunit\t7
    ago\tdirection\t-1
    later\tdirection\t1
    early\tmonthpart\t1
    mid\tmonthpart\t11
    since\tsince\t0
    in\tbackground\t0
    """), numbers: NumberGrammar(GrammarTSV(text: """
    two\tunit\t2
    twenty\ttens\t20
    hundred\tscale\t100
    a\tarticle\t1
    third\tordinal\t3
    th\tordinal_suffix\t0
    at least\tqualifier\tat_least
    several\tvague\t0
    """)))

    static let published = Day(iso: "2019-12-12")
    static let current = Day(iso: "2019-12-10")

    @Test("every position gives what trying all patterns gives", arguments: [
        "On Lundi 3 Frimaire 2019 jets struck; two days ago and a week later the next day came.",
        "Since Lundi, as of 5 Frimaire, between 2 and 5 Frimaire, from the third of Frimaire to 9 Frimaire.",
        "In early Frimaire, mid-Frimaire 2018, in 2016, 2019-12-01, 13/11/2019 and the 3rd of Frimaire.",
        "Hier, last week, this weekend, in recent days, last month, last year, at least twenty two days ago.",
        "several days later, a hundred days ago, twenty-two days later, Frim. 4, the 4 Frim 2017",
    ])
    func skippedPatternsFindNothing(_ sentence: String) {
        let r = Self.resolver
        let tokens = Tokenizer.tokenize(sentence)
        let starts = r.starts(of: tokens)
        // Before the id table, these were tried at every trigger; since, background and "as of" were
        // already asked of the word itself, so they keep the token's own bits.
        let everyPattern: DateResolver.Starts = [.relative, .counted, .weekday, .absolute, .monthPart]
        var found = 0
        for i in tokens.indices {
            let skipping = r.mention(at: i, tokens, starts: starts[i], published: Self.published, current: Self.current)
            if starts[i].contains(.trigger) {
                let trying = r.mention(at: i, tokens, starts: starts[i].union(everyPattern), published: Self.published, current: Self.current)
                #expect(skipping == trying, "at \(i) \(tokens[i].text)")
                if trying != nil { found += 1 }
            } else {
                #expect(skipping == nil)
            }
        }
        #expect(found >= 3)
    }

    @Test("a number token can start counts and written dates", arguments: ["12", "2019", "2,500"])
    func numbersStartCountsAndDates(_ text: String) {
        let starts = Self.resolver.starts(of: Tokenizer.tokenize(text))
        #expect(starts.first?.isSuperset(of: DateResolver.numberStarts) == true)
    }
}
