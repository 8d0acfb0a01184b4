import Testing
@testable import WatchpostCore

/// Stage by stage on hand-written text, with a small made-up rule set where rules matter.
@Suite struct TextLayerTests {
    static let rules = CleaningRules(
        markers: [.init("comments", .whole, .rest), .init("related", .whole, .list), .init("share", .start, .block)],
        classNames: ["comment": .drop, "share": .drop],
        stopWords: ["the", "a", "in", "of", "on", "and", "to", "was"],
        widgetWords: ["paypal", "cookies"],
        abbreviations: ["dr": .title, "lt": .title, "col": .title, "no": .number, "jan": .month, "u.s": .acronym, "approx": .other])

    @Test(arguments: [
        ("Ma\u{2019}arrat \u{201C}al\u{201D}", "Ma'arrat \"al\""),
        ("a\u{00A0}\u{00A0}b\u{200B}c", "a bc"),
        ("2012\u{2013}2013 \u{2014} x", "2012-2013 - x"),
        ("AT&amp;T &#8217;s &#x41;", "AT&T 's A"),
        ("\u{FF21}\u{FB01}\u{2026}", "Afi..."),
        ("  lead and trail \n", "lead and trail"),
    ])
    func normalizes(_ raw: String, _ expected: String) {
        #expect(Normalizer().normalize(raw).text == expected)
    }

    @Test(arguments: [
        ("Dr. Hadi said Lt. Col. Ali left. Then it rained.", ["Dr. Hadi said Lt. Col. Ali left.", "Then it rained."]),
        ("It hit Observation Post No. 9 in Morek. Nobody died.", ["It hit Observation Post No. 9 in Morek.", "Nobody died."]),
        ("On Jan. 9 they fired 14.5 mm and 14,5 mm rounds.", ["On Jan. 9 they fired 14.5 mm and 14,5 mm rounds."]),
        ("U.S. forces left. They went home.", ["U.S. forces left.", "They went home."]),
        ("It was backed by the U.S. The raid ended.", ["It was backed by the U.S.", "The raid ended."]),
        ("J. Smith wrote it. \"We left.\" He said so.", ["J. Smith wrote it.", "\"We left.\"", "He said so."]),
        ("\"We will fight,\" he said. approx. 20 left", ["\"We will fight,\" he said. approx. 20 left"]),
        ("BEIRUT (Wire) - Shells fell on Monday. Two died!", ["BEIRUT (Wire) - Shells fell on Monday.", "Two died!"]),
        ("Headline without a stop", ["Headline without a stop"]),
    ])
    func splitsSentences(_ text: String, _ expected: [String]) {
        let b = Array(text.utf8)
        let got = SentenceSplitter(rules: Self.rules).split(text).map { String(decoding: b[$0], as: UTF8.self) }
        #expect(got == expected)
    }

    @Test func plainCleanerKeepsArticleAndDropsWidgetsListsAndComments() {
        let page = """
        Made-up Wire
        Home | World | Sport | Video

        Shelling hits the town of Exampleville

        By Staff Writer

        Shelling hit the town on Monday, killing two people, a monitor said.

        Donate with PayPal today
        Share: X | Mail

        Related
        • Another story about a raid
        • A second story

        The army denied the report.

        Comments (2)
        user1: Great article about the war.
        """
        let doc = Document(id: "t", outlet: "Made-up Wire", text: page)
        let prepared = TextPreparer(rules: Self.rules).prepare(doc)
        #expect(prepared.sentences.map(\.text) == [
            "Shelling hits the town of Exampleville",
            "Shelling hit the town on Monday, killing two people, a monitor said.",
            "The army denied the report.",
        ])
        #expect(prepared.sentences[0].isHeading && !prepared.sentences[1].isHeading)
    }

    @Test func htmlCleanerUsesRolesAndClassesAndMapsBackToRawText() {
        let page = """
        <html><head><title>Raid | Wire</title><script>var x = "Shelling hit";</script></head><body>
        <nav><a href="/">Home</a> <a href="/w">World</a></nav>
        <article><h1>Raid on the town</h1>
        <p>Shelling hit the town on Monday, killing <b>two</b> people &amp; a dog.</p>
        <figure><figcaption>Photo of the ruins.</figcaption></figure>
        <div class="share-box">Share this on X.</div>
        <p>The army denied it&#8217;s true.</p></article>
        <section class="comment-list"><p>I disagree with the whole report.</p></section>
        <footer>&copy; Wire</footer></body></html>
        """
        let doc = Document(id: "h", format: .html, text: page)
        let prepared = TextPreparer(rules: Self.rules).prepare(doc)
        #expect(prepared.sentences.map(\.text) == [
            "Raid on the town", "Shelling hit the town on Monday, killing two people & a dog.", "The army denied it's true.",
        ])
        let raw = Array(page.utf8)
        let second = prepared.sentences[1]
        #expect(String(decoding: raw[second.rawRange.range], as: UTF8.self) == "Shelling hit the town on Monday, killing <b>two</b> people &amp; a dog.")
    }

    /// Ranges ordered and disjoint; each raw slice normalizes to the sentence text (for plain text);
    /// the offset map is monotone.
    @Test(arguments: 0..<40)
    func propertiesOfTheTextLayer(_ seed: Int) {
        var rng = SplitMix(seed: UInt64(seed))
        let pieces = ["Shelling", "hit", "Dr.", "U.S.", "14.5", "mm", "\u{201C}we", "left,\u{201D}", "\u{2014}", "caf\u{00E9}",
                      "al-Sham", "\u{00A0}", "No.", "9", "Monday.", "Two", "died!", "\n", "\n\n", "&amp;", "\u{200B}", "ﬁre", "?", "A."]
        var text = ""
        for _ in 0..<(20 + Int(rng.next() % 200)) {
            text += pieces[Int(rng.next() % UInt64(pieces.count))]
            text += rng.next() % 4 == 0 ? "" : " "
        }
        let prepared = TextPreparer(rules: Self.rules).prepare(Document(id: "p", text: text))
        let raw = Array(text.utf8)
        var previousEnd = 0
        for s in prepared.sentences {
            #expect(s.rawRange.start >= previousEnd && s.rawRange.start < s.rawRange.end && s.rawRange.end <= raw.count)
            previousEnd = s.rawRange.end
            let slice = String(decoding: raw[s.rawRange.range], as: UTF8.self)
            #expect(Normalizer().normalize(slice).text == s.text, "\(slice) vs \(s.text)")
        }
        let n = Normalizer().normalize(text)
        var last = 0
        for p in 0...n.map.normalizedCount {
            let r = n.map.rawStart(p)
            #expect(r >= last && n.map.rawEnd(p) >= n.map.rawStart(max(0, p - 1)))
            last = r
        }
    }
}

/// A small seeded generator, so that property cases are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
