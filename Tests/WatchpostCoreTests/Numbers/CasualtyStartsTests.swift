import Testing
@testable import WatchpostCore

/// The casualty patterns are tried at a token only when it can start them (`CasualtyFinder.Starts`);
/// the patterns left out must be ones that would have found nothing there. Made-up word lists.
@Suite("Casualty patterns skipped by word id find nothing")
struct CasualtyStartsTests {
    static let finder = CasualtyFinder(words: GrammarTSV(text: """
    zapping\tactive\tkilled
    zapped\tpassive\tkilled
    ouched\tpassive\twounded
    zaps\tnoun\tkilled
    leaving\tresult\t-
    zap toll\ttoll\tkilled
    were\taux\t-
    in\tstop\t-
    widgets\tthing\t-
    """), numbers: NumberGrammar(GrammarTSV(text: """
    two\tunit\t2
    three\tunit\t3
    twenty\ttens\t20
    a\tarticle\t1
    at least\tqualifier\tat_least
    several\tvague\t0
    """)), months: ["zeptember"])

    @Test("every position gives what trying all patterns gives", arguments: [
        "Zapping at least three gnomes in town, leaving two elves ouched; the zap toll rose to 12.",
        "Two elves and three gnomes were zapped, 16 zaps, twenty-two widgets were zapped, a gnome was zapped.",
        "Several gnomes were ouched and 4 were zapped on Zeptember 3 after zapping a dozen elves.",
    ])
    func skippedPatternsFindNothing(_ sentence: String) {
        let f = Self.finder
        let tokens = Tokenizer.tokenize(sentence)
        let starts = f.starts(of: tokens)
        let all = CasualtyFinder.Starts(rawValue: .max)
        var found = 0
        for i in tokens.indices where starts[i].contains(.trigger) {
            let trying = f.mention(at: i, tokens, starts: all)
            #expect(f.mention(at: i, tokens, starts: starts[i]) == trying, "at \(i) \(tokens[i].text)")
            if trying != nil { found += 1 }
        }
        #expect(found >= 3)
        #expect(!f.mentions(in: tokens).isEmpty)
    }

    @Test("outcome words count only as words", arguments: [("zaps", true), ("zapped", true), ("gnomes", false)])
    func outcomeWords(_ text: String, _ isOutcome: Bool) {
        #expect(Self.finder.starts(of: Tokenizer.tokenize(text)).first?.contains(.outcome) == isOutcome)
    }
}
