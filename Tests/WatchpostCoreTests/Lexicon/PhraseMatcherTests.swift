import Foundation
import Testing
@testable import WatchpostCore

/// The matcher on a made-up vocabulary, so that editing real lexicons cannot break these tests.
@Suite struct PhraseMatcherTests {
    struct Entry: Sendable, Hashable {
        var id: String
        var exactCase = false
    }

    static let vocabulary: [(phrase: String, value: Entry)] = [
        ("Blue Lantern", Entry(id: "lantern")),
        ("Blue Lantern Brigade", Entry(id: "brigade")),
        ("Jund al-Zarqa", Entry(id: "zarqa")),
        ("ZZT", Entry(id: "zzt", exactCase: true)),
        ("Fox", Entry(id: "fox", exactCase: true)),
        ("<num> km", Entry(id: "distance")),
        ("Unit <num>", Entry(id: "unit")),
        ("Quill", Entry(id: "quill-1")),
        ("quill", Entry(id: "quill-2")),
    ]

    static let matcher = PhraseMatcher(vocabulary, caseSensitive: { $0.exactCase })

    static func found(_ text: String, all: Bool = false) -> [String] {
        let tokens = Tokenizer.tokenize(text)
        let matches = all ? matcher.allMatches(in: tokens) : matcher.matches(in: tokens)
        return matches.map { m in
            "\(m.value.id):" + m.tokenRange.map { tokens[$0].text }.joined(separator: " ")
        }
    }

    @Test(arguments: [
        ("the Blue Lantern shelled", ["lantern:Blue Lantern"]),
        ("the blue lantern brigade shelled", ["brigade:blue lantern brigade"]),
        // longest wins, and matching resumes after it
        ("Blue Lantern Brigade and Blue Lantern", ["brigade:Blue Lantern Brigade", "lantern:Blue Lantern"]),
        // hyphens are ignored on both sides
        ("Jund al Zarqa", ["zarqa:Jund al Zarqa"]),
        ("Jund al-Zarqa", ["zarqa:Jund al - Zarqa"]),
        ("Jund-al-Zarqa", ["zarqa:Jund - al - Zarqa"]),
        // other punctuation breaks a match
        ("Jund al, Zarqa", []),
        ("Blue. Lantern", []),
        // case-sensitive entries need the written form
        ("ZZT fighters", ["zzt:ZZT"]),
        ("zzt fighters", []),
        ("Zzt fighters", []),
        ("a Fox and a fox", ["fox:Fox"]),
        // the number wildcard
        ("some 12 km away", ["distance:12 km"]),
        ("some 1,500 km away", ["distance:1,500 km"]),
        ("some twelve km away", []),
        ("Unit 400 moved", ["unit:Unit 400"]),
        // same phrase twice: the first entry wins
        ("a Quill", ["quill-1:Quill"]),
        ("", []),
        ("- - -", []),
    ])
    func leftmostLongest(text: String, expected: [String]) {
        #expect(Self.found(text) == expected)
    }

    @Test(arguments: [
        ("Blue Lantern Brigade", ["lantern:Blue Lantern", "brigade:Blue Lantern Brigade"]),
        ("a quill", ["quill-1:quill", "quill-2:quill"]),
        ("Unit 5 km", ["unit:Unit 5", "distance:5 km"]),
    ])
    func overlapping(text: String, expected: [String]) {
        #expect(Self.found(text, all: true) == expected)
    }

    @Test func hyphenIsNeverTheEdgeOfAMatch() {
        let tokens = Tokenizer.tokenize("- Blue Lantern -")
        let ranges = Self.matcher.matches(in: tokens).map(\.tokenRange)
        #expect(ranges == [1..<3])
    }

    // MARK: - Property: agrees with a naive matcher

    /// Compares every pattern at every start position, with no trie: the reference.
    static func naiveAll(_ patterns: [(phrase: String, value: Int)], exactCase: Set<Int>, _ tokens: [Token]) -> [(Range<Int>, Int)] {
        var out: [(Range<Int>, Int)] = []
        for start in tokens.indices where !PhraseMatcher<Int>.isHyphen(tokens[start]) {
            var here: [(Range<Int>, Int)] = []
            for (p, pattern) in patterns.enumerated() {
                let steps = PhraseMatcher<Int>.steps(of: pattern.phrase)
                guard !steps.isEmpty else { continue }
                var i = start
                var ok = true
                for (k, step) in steps.enumerated() {
                    if k > 0 { while i < tokens.count, PhraseMatcher<Int>.isHyphen(tokens[i]) { i += 1 } }
                    guard i < tokens.count else { ok = false; break }
                    switch step {
                    case .number: ok = tokens[i].kind == .number
                    case .word(let folded, let written):
                        ok = tokens[i].folded == folded && (!exactCase.contains(p) || tokens[i].text == written)
                    }
                    if !ok { break }
                    i += 1
                }
                if ok { here.append((start..<i, pattern.value)) }
            }
            here.sort { ($0.0.upperBound, $0.1) < ($1.0.upperBound, $1.1) }
            out += here
        }
        return out
    }

    static func naiveLeftmostLongest(_ all: [(Range<Int>, Int)]) -> [(Range<Int>, Int)] {
        var out: [(Range<Int>, Int)] = []
        var next = 0
        for start in Set(all.map(\.0.lowerBound)).sorted() where start >= next {
            let here = all.filter { $0.0.lowerBound == start }
            let longest = here.map(\.0.upperBound).max()!
            let best = here.filter { $0.0.upperBound == longest }.min { $0.1 < $1.1 }!
            out.append(best)
            next = longest
        }
        return out
    }

    /// SplitMix64: a seeded generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: 0..<40)
    func agreesWithNaiveMatcher(seed: Int) {
        var rng = SplitMix(state: UInt64(seed) &* 7919 &+ 1)
        let words = ["ab", "Ab", "AB", "cd", "ef", "-", ",", "7", "12"]
        func randomText(_ length: Int) -> String {
            (0..<length).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
        }
        let patternWords = ["ab", "AB", "cd", "ef", "<num>", "ab-cd"]
        var patterns: [(phrase: String, value: Int)] = []
        for v in 0..<Int.random(in: 1...8, using: &rng) {
            let n = Int.random(in: 1...3, using: &rng)
            patterns.append(((0..<n).map { _ in patternWords.randomElement(using: &rng)! }.joined(separator: " "), v))
        }
        let exactCase = Set(patterns.indices.filter { _ in Bool.random(using: &rng) })
        let matcher = PhraseMatcher(patterns, caseSensitive: { exactCase.contains($0) })
        for _ in 0..<20 {
            let tokens = Tokenizer.tokenize(randomText(Int.random(in: 0...25, using: &rng)))
            let expectedAll = Self.naiveAll(patterns, exactCase: exactCase, tokens)
            let all = matcher.allMatches(in: tokens)
            #expect(all.map(\.tokenRange) == expectedAll.map(\.0), "patterns \(patterns)")
            #expect(all.map(\.value) == expectedAll.map(\.1))
            let longest = matcher.matches(in: tokens)
            let expectedLongest = Self.naiveLeftmostLongest(expectedAll)
            #expect(longest.map(\.tokenRange) == expectedLongest.map(\.0), "patterns \(patterns)")
            #expect(longest.map(\.value) == expectedLongest.map(\.1))
        }
    }

    // MARK: - Speed

    /// Measures matches/s over 10k tokens with 2,000 phrases; the floor is far below the figure
    /// seen (debug build, shared machine) so that it only catches a collapse.
    @Test func throughputOnTenThousandTokens() {
        var rng = SplitMix(state: 42)
        let syllables = ["ka", "lo", "mir", "tan", "zu", "vel", "dor", "shi"]
        func word() -> String { (0..<2).map { _ in syllables.randomElement(using: &rng)! }.joined() }
        var entries: [(phrase: String, value: Int)] = []
        for v in 0..<2000 {
            entries.append(((0..<Int.random(in: 1...4, using: &rng)).map { _ in word() }.joined(separator: " "), v))
        }
        let matcher = PhraseMatcher(entries)
        let text = (0..<10_000).map { _ in Int.random(in: 0..<10, using: &rng) == 0 ? "," : word() }.joined(separator: " ")
        let tokens = Tokenizer.tokenize(text)
        #expect(tokens.count == 10_000)
        let clock = ContinuousClock()
        var count = 0
        let rounds = 5
        let elapsed = clock.measure {
            for _ in 0..<rounds { count += matcher.matches(in: tokens).count }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let tokensPerSecond = Double(rounds * tokens.count) / seconds
        let matchesPerSecond = Double(count) / seconds
        print("PhraseMatcher: \(Int(tokensPerSecond)) tokens/s, \(Int(matchesPerSecond)) matches/s (\(count / rounds) matches per 10k tokens)")
        #expect(count > 0)
        #expect(tokensPerSecond > 5_000)  // tests run in parallel on a shared 2-core machine
    }
}
