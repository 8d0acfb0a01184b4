import Testing
@testable import WatchpostCore

@Suite struct NumberGrammarTests {
    static let grammar = try! NumberGrammar.bundled()

    static func read(_ text: String, article: Bool = false) -> NumberMatch? {
        grammar.number(at: 0, in: Tokenizer.tokenize(text), allowArticle: article)
    }

    static let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    /// Every number from one to ninety-nine, spelled the usual way (hyphenated), and spaced.
    @Test func oneToNinetyNine() {
        for n in 1...99 {
            let word = n < 20 ? Self.units[n] : Self.tens[n / 10] + (n % 10 == 0 ? "" : "-" + Self.units[n % 10])
            #expect(Self.read(word)?.value == n, "\(word)")
            #expect(Self.read(word + " soldiers")?.tokenRange.upperBound == Tokenizer.tokenize(word).count, "\(word)")
            if n > 20, n % 10 != 0 {
                #expect(Self.read(Self.tens[n / 10] + " " + Self.units[n % 10])?.value == n)
            }
        }
    }

    @Test(arguments: [
        ("16", 16), ("2,500", 2500), ("1,000,000", 1_000_000), ("two hundred", 200), ("a hundred", 100),
        ("two hundred and fifty", 250), ("three thousand", 3000), ("two thousand five hundred", 2500),
        ("a dozen", 12), ("two dozen", 24), ("one hundred thousand", 100_000), ("3 million", 3_000_000),
        ("Twenty-Three", 23), ("a thousand", 1000), ("ninety-nine", 99), ("one", 1),
    ])
    func values(_ text: String, _ value: Int) {
        #expect(Self.read(text)?.value == value)
        #expect(Self.read(text)?.qualifier == nil)
    }

    @Test(arguments: [
        ("at least 16", 16, FatalityQualifier.atLeast), ("more than 300", 300, .atLeast), ("over 40", 40, .atLeast),
        ("about 11", 11, .about), ("around twenty", 20, .about), ("nearly 50", 50, .about), ("some 200", 200, .about),
        ("up to 30", 30, .about), ("a total of 111", 111, .exact), ("no fewer than six", 6, .atLeast),
        ("approximately 2,000", 2000, .about),
    ])
    func qualifiers(_ text: String, _ value: Int, _ q: FatalityQualifier) {
        let m = Self.read(text)
        #expect(m?.value == value)
        #expect(m?.qualifier == q)
        #expect(m?.tokenRange == 0..<Tokenizer.tokenize(text).count)
    }

    @Test(arguments: ["several", "dozens", "many", "scores", "hundreds", "thousands", "some", "a few", "a number of"])
    func vagueCountsHaveNoValue(_ text: String) throws {
        let m = try #require(Self.read(text + " people"))
        #expect(m.value == nil)
        #expect(m.tokenRange.upperBound == Tokenizer.tokenize(text).count)
    }

    @Test(arguments: ["14.5", "14,5", "hundred", "dozen", "soldiers", "the"])
    func notCounts(_ text: String) {
        #expect(Self.read(text)?.value == nil)
    }

    @Test func articleCountsOnlyWhereAllowed() {
        #expect(Self.read("a soldier") == nil)
        #expect(Self.read("a soldier", article: true)?.value == 1)
        #expect(Self.read("a soldier", article: true)?.isArticle == true)
        #expect(Self.read("a dozen", article: true)?.isArticle == false)
    }

    @Test(arguments: [("3rd", 3), ("1st", 1), ("twenty-first", 21), ("third", 3), ("31st", 31), ("tenth", 10)])
    func ordinals(_ text: String, _ value: Int) {
        let t = Tokenizer.tokenize(text)
        #expect(Self.grammar.ordinal(at: 0, in: t)?.0 == value)
    }

    /// The machinery on a made-up word list: a different language's words read the same way.
    @Test func madeUpLexicon() {
        let table = GrammarTSV(text: """
        # made up
        uno\tunit\t1
        duo\tunit\t2
        dekko\ttens\t20
        centa\tscale\t100
        minimo\tqualifier\tat_least
        multi\tvague\t0
        """)
        let g = NumberGrammar(table)
        func read(_ s: String) -> NumberMatch? { g.number(at: 0, in: Tokenizer.tokenize(s)) }
        #expect(read("duo centa dekko-uno")?.value == 221)
        #expect(read("minimo duo")?.qualifier == .atLeast)
        #expect(read("multi")?.value == nil)
        #expect(read("multi") != nil)
        #expect(read("two") == nil)
    }
}
