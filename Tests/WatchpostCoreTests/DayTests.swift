import Testing
@testable import WatchpostCore

@Suite struct DayTests {
    @Test(arguments: [
        ("2019-12-01", 2019, 12, 1),
        ("2020-02-29", 2020, 2, 29),
        ("1999-01-31", 1999, 1, 31),
    ])
    func parsesISO(_ text: String, _ y: Int, _ m: Int, _ d: Int) throws {
        let day = try #require(Day(iso: text))
        #expect(day.year == y && day.month == m && day.day == d)
        #expect(day.iso == text)
    }

    @Test(arguments: ["2019-02-29", "2019-13-01", "19-01-01", "yesterday", ""])
    func rejectsNonDays(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func ordinalRoundTripsAndWeekdays() throws {
        let d = try #require(Day(iso: "2019-12-12"))  // a Thursday
        #expect(d.weekday == 4)
        #expect(Day(ordinal: d.ordinal) == d)
        #expect(d.adding(days: 20).iso == "2020-01-01")
        #expect(d.adding(days: -12).iso == "2019-11-30")
        #expect(Day(iso: "1970-01-01")!.ordinal == 0)
        for o in stride(from: -800_000, to: 800_000, by: 997) {
            #expect(Day(ordinal: o).ordinal == o)
        }
    }
}

@Suite struct TokenizerTests {
    @Test func keepsNumbersAndApostrophesAndSplitsHyphens() {
        let t = Tokenizer.tokenize("Hay'at al-Sham fired 14,5 mm rounds; 2,500 left.")
        #expect(t.map(\.text) == ["Hay'at", "al", "-", "Sham", "fired", "14,5", "mm", "rounds", ";", "2,500", "left", "."])
        #expect(t[0].folded == "hayat")
        #expect(t[5].kind == .number)
    }

    @Test func rangesSliceBackToTheText() {
        let text = "Ma’arrat an-Nu‘man — 3 killed, café closed."
        let utf8 = Array(text.utf8)
        for token in Tokenizer.tokenize(text) {
            #expect(String(decoding: utf8[token.range], as: UTF8.self) == token.text)
        }
        #expect(Tokenizer.fold("Ma’arrat") == "maarrat")
        #expect(Tokenizer.fold("Kobanê") == "kobane")
    }
}
