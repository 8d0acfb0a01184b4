import Testing
@testable import WatchpostCore

struct CasualtyCase: Sendable, CustomTestStringConvertible {
    var text: String
    /// Expected mentions as (outcome, count, qualifier, parts); count nil for vague.
    var expected: [(CasualtyMention.Outcome, Int?, FatalityQualifier?, [Int])]
    var victims: String? = nil
    var testDescription: String { text }
}

@Suite struct CasualtyFinderTests {
    static let finder = try! CasualtyFinder.bundled()

    static let cases: [CasualtyCase] = [
        .init(text: "Gunmen ambushed a patrol, killing 2 soldiers and wounding 5 others.",
              expected: [(.killed, 2, .exact, [2]), (.wounded, 5, .exact, [5])], victims: "soldiers"),
        .init(text: "At least 16 fighters were killed in the raid.", expected: [(.killed, 16, .atLeast, [16])], victims: "fighters"),
        .init(text: "The group said 18 SAA soldiers and 7 Russian service members had been killed near the village.",
              expected: [(.killed, 25, .exact, [18, 7])], victims: "SAA soldiers and 7 Russian service members"),
        .init(text: "Three soldiers and two defectors were killed, the monitor said.", expected: [(.killed, 5, .exact, [3, 2])]),
        .init(text: "By evening the death toll rose to 23.", expected: [(.killed, 23, .exact, [23])]),
        .init(text: "The blast at the market left 11 dead.", expected: [(.killed, 11, .exact, [11])]),
        .init(text: "The blast left twelve people wounded.", expected: [(.wounded, 12, .exact, [12])]),
        .init(text: "A drone strike killed three civilians on the road.", expected: [(.killed, 3, .exact, [3])], victims: "civilians"),
        .init(text: "Eleven people lost their lives when the bus was hit.", expected: [(.killed, 11, .exact, [11])], victims: "people"),
        .init(text: "The shelling claimed the lives of 40 in a week.", expected: [(.killed, 40, .exact, [40])]),
        .init(text: "Two policemen were martyred in the attack.", expected: [(.killed, 2, .exact, [2])]),
        .init(text: "The hospital recorded 14 fatalities.", expected: [(.killed, 14, .exact, [14])]),
        .init(text: "There were 9 deaths at the camp.", expected: [(.killed, 9, .exact, [9])]),
        .init(text: "Rescuers said 6 bodies were found under the rubble.", expected: [(.killed, 6, .exact, [6])]),
        .init(text: "A child was killed by a stray bullet.", expected: [(.killed, 1, .exact, [1])], victims: "child"),
        .init(text: "A sniper killed a soldier at the crossing.", expected: [(.killed, 1, .exact, [1])], victims: "soldier"),
        .init(text: "Reports spoke of two killed and four wounded.", expected: [(.killed, 2, .exact, [2]), (.wounded, 4, .exact, [4])]),
        .init(text: "The ministry said its jets neutralized 9 terrorists.", expected: [(.neutralized, 9, .exact, [9])]),
        .init(text: "Twenty-four militants were \"neutralized\" in the operation.", expected: [(.neutralized, 24, .exact, [24])]),
        .init(text: "Troops captured 12 in the sweep.", expected: [(.captured, 12, .exact, [12])]),
        .init(text: "Police arrested 30 protesters downtown.", expected: [(.arrested, 30, .exact, [30])]),
        .init(text: "Four fishermen are still missing.", expected: [(.missing, 4, .exact, [4])]),
        .init(text: "Dozens were killed in the bombardment.", expected: [(.killed, nil, nil, [])]),
        .init(text: "Several soldiers were wounded.", expected: [(.wounded, nil, nil, [])]),
        .init(text: "The barrage killed at least 76 people in three neighbourhoods.",
              expected: [(.killed, 76, .atLeast, [76])], victims: "people"),
        .init(text: "Bombs hit the town, killing at least 30 people, among them 12 children, the monitor said.",
              expected: [(.killed, 30, .atLeast, [30])]),
        .init(text: "Shells fell on the square, killing 3 residents, including a woman, and injuring 8 others.",
              expected: [(.killed, 3, .exact, [3]), (.wounded, 8, .exact, [8])]),
        .init(text: "The car bomb killed 5 members of the local police and 2 passers-by.",
              expected: [(.killed, 7, .exact, [5, 2])]),
        .init(text: "Two farmers, including a boy, lost their lives in the blast.", expected: [(.killed, 2, .exact, [2])]),
        .init(text: "A total of 60 fighters were killed and more than 40 others were wounded.",
              expected: [(.killed, 60, .exact, [60]), (.wounded, 40, .atLeast, [40])]),
        .init(text: "About 11 soldiers were killed in the attack.", expected: [(.killed, 11, .about, [11])]),
        .init(text: "One of its medics was killed and two people were wounded.",
              expected: [(.killed, 1, .exact, [1]), (.wounded, 2, .exact, [2])]),
        .init(text: "Gunmen shot dead a 16-year-old boy at the gate.", expected: [(.killed, 1, .exact, [1])]),
        .init(text: "A soldier was killed and three others were injured in the clash.",
              expected: [(.killed, 1, .exact, [1]), (.wounded, 3, .exact, [3])]),
        .init(text: "The rebels said they lost at least 8 fighters.", expected: [(.killed, 8, .atLeast, [8])]),
        .init(text: "Ten civilians were killed or wounded.", expected: [(.other, 10, .exact, [10])]),
        .init(text: "The raid killed 2 guards and 2 drivers.", expected: [(.killed, 4, .exact, [2, 2])]),
        .init(text: "Jets struck the depot, eliminating more than 50 militants.", expected: [(.killed, 50, .atLeast, [50])]),
        .init(text: "Activists said 7 people died of their wounds.", expected: [(.killed, 7, .exact, [7])]),
        // Split across sentences: one mention each; the coder adds them.
        .init(text: "23 attackers were killed. Three defenders also died.",
              expected: [(.killed, 23, .exact, [23]), (.killed, 3, .exact, [3])]),
    ]

    @Test(arguments: cases)
    func finds(_ c: CasualtyCase) {
        let tokens = Tokenizer.tokenize(c.text)
        let found = Self.finder.mentions(in: tokens)
        #expect(found.count == c.expected.count, "\(found)")
        for (m, e) in zip(found, c.expected) {
            #expect(m.outcome == e.0)
            #expect(m.count == e.1)
            #expect(m.qualifier == e.2)
            #expect(m.parts == e.3)
        }
        if let victims = c.victims, let range = found.first?.victimTokens {
            let words = tokens[range].map(\.text).joined(separator: " ")
            #expect(words == Tokenizer.tokenize(victims).map(\.text).joined(separator: " "))
        }
    }

    /// Numbers that count things, name things, or measure: no casualty.
    @Test(arguments: [
        "20 vehicles were destroyed in the strike.",
        "Fighters used a 14.5 mm machine gun.",
        "The town lies 30 km north of the city.",
        "Aircraft performed 96 sorties overnight.",
        "Rebels fired BM-21 rockets at the base.",
        "The militants destroyed a T-62 tank.",
        "Troops left Observation Post No. 9 at dawn.",
        "The talks are based on resolution 2254.",
        "They seized M4 rifles and 3 trucks.",
        "On November 10, the group attacked a post.",
        "The strike came at 10:45 local time.",
        "Militants captured 2 battle tanks.",
        "Hundreds of thousands have fled since 2011.",
        "A convoy of 20 buses and 13 ambulances left the city.",
        "The army captured 12 villages in the east.",
    ])
    func nonCasualties(_ text: String) {
        let found = Self.finder.mentions(in: Tokenizer.tokenize(text))
        #expect(found.allSatisfy { $0.outcome != .killed && $0.outcome != .wounded && $0.outcome != .captured }, "\(found)")
    }

    /// The machinery on a made-up word list, so editing the real lists cannot break it.
    @Test func madeUpLexicon() {
        let words = GrammarTSV(text: """
        zapping\tactive\tkilled
        zapped\tpassive\tkilled
        ouched\tpassive\twounded
        were\taux\t-
        in\tstop\t-
        widgets\tthing\t-
        """)
        let numbers = NumberGrammar(GrammarTSV(text: "two\tunit\t2\nthree\tunit\t3\na\tarticle\t1\nat least\tqualifier\tat_least"))
        let finder = CasualtyFinder(words: words, numbers: numbers, months: ["zeptember"])
        func find(_ s: String) -> [CasualtyMention] { finder.mentions(in: Tokenizer.tokenize(s)) }
        #expect(find("zapping at least three gnomes in town").first?.count == 3)
        #expect(find("zapping at least three gnomes in town").first?.qualifier == .atLeast)
        #expect(find("two elves were ouched").first?.outcome == .wounded)
        #expect(find("two elves and three gnomes were zapped").first?.parts == [2, 3])
        #expect(find("three widgets were zapped").isEmpty)
        #expect(find("Zeptember 3 elves were zapped").first?.count == nil || find("Zeptember 3 elves were zapped").isEmpty)
        #expect(find("killing two elves").isEmpty)
    }
}
