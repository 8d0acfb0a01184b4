import Foundation
import Testing
@testable import WatchpostCore

/// The second round of geocoder rules, on a small made-up gazetteer (fictional places and country):
/// near-miss spellings need evidence, multi-word names match whole, unknown names come back as
/// written, context decides between twins, two-place roads. Editing the real data cannot break these.
@Suite("Geocoder precision rules on made-up data")
struct GeoPipelinePrecisionTests {
    static let rules = """
    article\tal
    article\tthe
    word\ttell\ttal
    word\ttall\ttal
    suffix\tah\ta
    suffix\teh\ta
    char\tq\tk
    char\tou\tu
    char\to\tu
    char\te\ti
    """
    static let phrases = """
    leadin\tthe village of\t1\tvillage\topen
    leadin\tthe villages of\t1\tvillage\topen
    leadin\tthe neighbourhoods of\t1\tneighbourhood\topen
    leadin\tnear\t1\t\topen
    leadin\tin\t1
    direction\teastern\tEastern\tE
    regionword\tcountryside
    feature\troad\t2\troad
    feature\thighway\t2\troad
    """
    static let regions = "Coastal Road\tM9;M9 highway\tZed\t10.5\t20.5\t2\n"
    static let stoplist = "word\tarmy\nword\tmonday\nbefore\tbrigade\n"

    static func row(_ id: String, _ name: String, _ kind: String, _ admin1: String, _ lat: Double, _ lon: Double,
                    population: Int? = nil) -> GazetteerFile.Row {
        GazetteerFile.Row(place: Place(id: id, name: name, kind: kind, admin1: admin1, admin2: nil, latitude: lat,
                                       longitude: lon, population: population, country: "ZZ"),
                          variants: [], source: "test")
    }

    static let folder = NameFolder(rulesTSV: rules)
    static let gazetteer = Gazetteer(rows: [
        row("zed", "Zed", "governorate", "Zed", 10, 20),
        row("yon", "Yon", "governorate", "Yon", 12, 22),
        row("zed-city", "Zed", "city", "Zed", 10.1, 20.1, population: 200_000),
        row("yon-city", "Yon", "city", "Yon", 12.1, 22.1, population: 150_000),
        // "Bab" heads many names: alone it is one town, but "Bab Tuma" is not that town.
        row("bab", "al-Bab", "city", "Yon", 12.3, 22.3, population: 60_000),
        row("bab1", "Bab Hawa", "crossing", "Yon", 12.31, 22.31),
        row("bab2", "Bab Nasr", "neighbourhood", "Yon", 12.32, 22.32),
        row("bab3", "Bab Sharq", "neighbourhood", "Zed", 10.32, 20.32),
        row("bab4", "Bab Salam", "village", "Zed", 10.33, 20.33),
        // Spelled like a word of an outlet's name.
        row("muntar", "Muntar", "village", "Yon", 12.4, 22.4),
        // One name in two governorates.
        row("duma-zed", "Duma", "village", "Zed", 10.4, 20.4),
        row("duma-yon", "Duma", "city", "Yon", 12.45, 22.45, population: 100_000),
        // A village spelled exactly in a far governorate, a near miss in the near one.
        row("sarmina", "Sarmina", "village", "Zed", 10.5, 20.5),
        row("sarmin-far", "Sarmin", "village", "Yon", 12.5, 22.5),
        // A city far away with the spelling of a near-miss village here.
        row("qarnab", "Qarnab", "city", "Yon", 12.6, 22.6, population: 90_000),
        row("qurnab", "Qurnaba", "village", "Zed", 10.6, 20.6),
        row("tadam", "Tall Adimah", "village", "Zed", 10.7, 20.7),
        row("palm", "Palmara", "city", "Zed", 10.8, 20.8, population: 50_000),
        row("riv", "Rivertown", "town", "Yon", 12.8, 22.8, population: 20_000),
    ], folder: folder)
    static let geocoder = Geocoder(gazetteer: gazetteer, phrases: GeoPhrases(
        phrasesTSV: phrases, regionsTSV: regions, stoplistTSV: stoplist, folder: folder))

    static func mentions(_ sentence: String, hints: [String] = []) -> [PlaceMention] {
        geocoder.mentions(in: Tokenizer.tokenize(sentence), context: GeoContext(admin1Hints: hints))
    }

    struct Case: Sendable, CustomStringConvertible {
        var sentence: String
        var hints: [String] = []
        /// Mention text → expected place id (nil: kept as an unknown name).
        var expected: [(String, String?)]
        var description: String { sentence }
    }

    // MARK: 1. Near-miss spellings need evidence; multi-word names match whole

    @Test(arguments: [
        // A word of an outlet's name, no lead-in: "Monitor" is not Muntar (same skeleton, two edits apart).
        Case(sentence: "The Southern Monitor - daily bulletin", expected: []),
        Case(sentence: "ZED MONITOR DAILY", expected: [("ZED", "zed-city")]),
        // A compound name is matched whole or not at all: "Bab Tuma" is not al-Bab.
        Case(sentence: "A shell fell on Bab Tuma on Monday.", expected: []),
        Case(sentence: "Shells fell near Bab Tuma.", expected: [("Bab Tuma", nil)]),
        Case(sentence: "Shells fell on al-Bab.", expected: [("al-Bab", "bab")]),
        Case(sentence: "Shells fell near Bab Nasr.", expected: [("near Bab Nasr", "bab2")]),
        // A near-miss with a lead-in but too far in spelling is not taken: "Tell Dam" is not Tall Adimah.
        Case(sentence: "Clashes near Tell Dam.", expected: [("Tell Dam", nil)]),
        // A one-edit near miss with a lead-in is taken.
        Case(sentence: "Clashes near Rivertwon.", expected: [("near Rivertwon", "riv")]),
        // The same near miss without a lead-in or list is not.
        Case(sentence: "Rivertwon was calm.", expected: []),
    ])
    func nearMissesNeedEvidence(c: Case) {
        let found = Self.mentions(c.sentence, hints: c.hints)
        #expect(found.map(\.text) == c.expected.map(\.0))
        #expect(found.map { $0.resolved?.place?.id } == c.expected.map(\.1))
    }

    // MARK: 2. Unknown names after lead-ins and in lists

    @Test(arguments: [
        Case(sentence: "Gunmen stormed the village of Istabl on Monday.", expected: [("Istabl", nil)]),
        Case(sentence: "Shelling hit the neighbourhoods of Hanano, Shaar and Duma.",
             expected: [("Hanano", nil), ("Shaar", nil), ("Duma", "duma-yon")]),
        Case(sentence: "Fighting reached Rivertown, Kabbur and Yon.", 
             expected: [("Rivertown", "riv"), ("Kabbur", nil), ("Yon", "yon-city")]),
        // Capitalized words after a place that are not a list go nowhere.
        Case(sentence: "In Rivertown, Army units and Brigade men gathered.", expected: [("In Rivertown", "riv")]),
        // "in" alone does not open a name: it precedes organisations and dates as well.
        Case(sentence: "The talks in Geneva ended.", expected: []),
    ])
    func unknownNamesAreKeptAsWritten(c: Case) {
        let found = Self.mentions(c.sentence)
        #expect(found.map(\.text) == c.expected.map(\.0))
        #expect(found.map { $0.resolved?.place?.id } == c.expected.map(\.1))
        for m in found where m.resolved == nil { #expect(m.isRegion == false) }
    }

    // MARK: 3. Context decides

    @Test(arguments: [
        Case(sentence: "Gunmen stormed the village of Duma.", hints: ["Zed"], expected: [("the village of Duma", "duma-zed")]),
        Case(sentence: "Gunmen stormed the village of Duma.", hints: ["Yon"], expected: [("the village of Duma", "duma-yon")]),
        Case(sentence: "Shelling hit Duma.", expected: [("Duma", "duma-yon")]),
        // A near miss in the document's governorate beats a small exact namesake far away ...
        Case(sentence: "Gunmen stormed the village of Sarmin.", hints: ["Zed"],
             expected: [("the village of Sarmin", "sarmina")]),
        Case(sentence: "Gunmen stormed the village of Sarmin.", hints: ["Yon"],
             expected: [("the village of Sarmin", "sarmin-far")]),
        // ... but not a city.
        Case(sentence: "Troops entered Qarnab.", hints: ["Zed"], expected: [("Qarnab", "qarnab")]),
    ])
    func contextDecides(c: Case) {
        let found = Self.mentions(c.sentence, hints: c.hints)
        #expect(found.map(\.text) == c.expected.map(\.0))
        #expect(found.map { $0.resolved?.place?.id } == c.expected.map(\.1))
    }

    // MARK: 4. Roads

    struct RoadCase: Sendable, CustomStringConvertible {
        var sentence: String
        var location: String
        var admin1: String
        var latitude: Double
        var description: String { sentence }
    }

    @Test(arguments: [
        RoadCase(sentence: "An ambush on the Palmara-Rivertown highway killed two.", location: "Palmara-Rivertown highway",
                 admin1: "Zed", latitude: 10.8),
        RoadCase(sentence: "Traffic stopped on the Yon-Zed road.", location: "Yon-Zed road", admin1: "Yon", latitude: 12.1),
        RoadCase(sentence: "A patrol on the M9 highway was hit.", location: "Coastal Road", admin1: "Zed", latitude: 10.5),
    ])
    func twoPlaceRoads(c: RoadCase) throws {
        let found = Self.mentions(c.sentence)
        let road = try #require(found.first?.resolved)
        #expect(found.count == 1)
        #expect(road.location == c.location)
        #expect(road.precision == .near)
        #expect(road.admin1 == c.admin1)
        #expect(road.latitude == c.latitude)
    }

    // MARK: 5. Keys and index

    @Test(arguments: [("bab", true), ("tal", false), ("rivertown", false)])
    func compoundHeadsComeFromTheGazetteer(word: String, isHead: Bool) {
        #expect(Self.gazetteer.isCompoundHead(Self.folder.wordKey(word)) == isHead)
    }

    @Test(arguments: [("Rivertown", true), ("Palmara", true), ("Monitor", false), ("Tuesday", false)])
    func nameStartsRuleOutMostWords(word: String, starts: Bool) {
        #expect(Self.gazetteer.mayStartName(Self.folder.wordKey(Tokenizer.fold(word))) == starts)
    }
}
