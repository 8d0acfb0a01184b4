import Foundation
import Testing
@testable import WatchpostCore

/// The matching and grammar machinery on a small made-up gazetteer, rule set and phrase list, so
/// that editing the real data cannot break these tests. Places and their country are fictional.
@Suite("Geo machinery on made-up data")
struct GeoMachineryTests {
    static let rules = """
    article\tal
    article\tthe
    word\ttell\ttal
    word\ttall\ttal
    word\tkafr\tkafr
    word\tkfar\tkafr
    prefix\tkafr
    prefix\ttall
    suffix\tah\ta
    suffix\teh\ta
    char\tq\tk
    char\tou\tu
    char\to\tu
    char\te\ti
    """
    static let phrases = """
    leadin\tthe village of\t1\tvillage\topen
    leadin\tnear\t1
    leadin\tin\t1
    leadin\tthe outskirts of\t2
    leadin\teast of\t2
    direction\tnorthern\tNorthern\tN
    direction\tsouthern\tSouthern\tS
    regionword\tcountryside
    regionword\tprovince
    regionlead\tthe countryside of
    regionlead\tthe provinces of
    feature\troad\t2\troad
    feature\thill\t2\thill
    feature\tprison\t1\t\topen
    feature\tinternational airport\t1\tairport\topen
    feature\tneighbourhood\t1\tneighbourhood\topen
    """
    static let regions = "Great Plain\tthe Plain;Plains of Zed\tZed\t10.5\t20.5\t3\n"
    static let stoplist = "word\tarmy\nafter\tjaish\nbefore\tbrigade\n"

    static func row(_ id: String, _ name: String, _ kind: String, _ admin1: String, _ lat: Double, _ lon: Double,
                    variants: [String] = [], population: Int? = nil) -> GazetteerFile.Row {
        GazetteerFile.Row(place: Place(id: id, name: name, kind: kind, admin1: admin1, admin2: nil, latitude: lat,
                                       longitude: lon, population: population, country: "ZZ"),
                          variants: variants, source: "test")
    }

    static let folder = NameFolder(rulesTSV: rules)
    static let gazetteer = Gazetteer(rows: [
        row("zed", "Zed", "governorate", "Zed", 10, 20),
        row("yon", "Yon", "governorate", "Yon", 12, 22),
        row("zed-city", "Zed", "city", "Zed", 10.1, 20.1, population: 200_000),
        row("kl-zed", "Kafr Lusin", "village", "Zed", 10.2, 20.2),
        row("kl-yon", "Kafr Lusin", "village", "Yon", 12.2, 22.2),
        row("td", "Tell Dam", "village", "Yon", 12.4, 22.4),
        row("army", "Army", "village", "Yon", 12.5, 22.5),
        row("saraqeb", "Saraqib", "town", "Zed", 10.3, 20.3, population: 30_000),
        row("saraqeb-hill", "Saraqib", "hill", "Yon", 12.6, 22.6),
        row("qarya", "Qaryah", "village", "Yon", 12.7, 22.7),
        row("far", "Farview", "village", "Zed", 9.0, 19.0),
        row("far2", "Farview", "village", "Yon", 12.75, 22.75),
    ], folder: folder)
    static let geocoder = Geocoder(gazetteer: gazetteer, phrases: GeoPhrases(
        phrasesTSV: phrases, regionsTSV: regions, stoplistTSV: stoplist, folder: folder))

    @Test(arguments: [
        ("Kafr Lusin", "Kafrlusin"), ("Kfar Losin", "Kafr Lusin"), ("Tall Dam", "Tell Dam"), ("Tell-Dam", "Talldam"),
        ("al-Qaryah", "Karyeh"), ("Saraqeb", "Saraqib"),
    ])
    func spellingsShareTheLooseKey(a: String, b: String) {
        #expect(Self.folder.keys(a).loose == Self.folder.keys(b).loose)
    }

    @Test(arguments: [("Zed", "Yon"), ("Kafr Lusin", "Kafr Lasin2"), ("Tell Dam", "Dam")])
    func differentNamesKeepDifferentKeys(a: String, b: String) {
        #expect(Self.folder.keys(a).loose != Self.folder.keys(b).loose)
    }

    @Test func cityBeatsGovernorateAndHillOfTheSameName() throws {
        #expect(Self.gazetteer.lookup("Zed").first?.place.id == "zed-city")
        #expect(Self.gazetteer.lookup("Saraqeb").first?.place.id == "saraqeb")
    }

    @Test func admin1HintPicksTheRightTwin() throws {
        #expect(Self.gazetteer.lookup("Kafr Lusin", near: "Yon").first?.place.id == "kl-yon")
        #expect(Self.gazetteer.lookup("Kafr Lusin", near: "Zed").first?.place.id == "kl-zed")
        let reason = try #require(Self.gazetteer.lookup("Kafr Lusin", near: "Yon").first?.reason)
        #expect(reason.contains("admin1 hint Yon"))
    }

    @Test func documentPlacesPickTheNearTwin() {
        let near = Place(id: "x", name: "X", kind: "village", admin1: nil, admin2: nil, latitude: 12.7, longitude: 22.7,
                         population: nil, country: "ZZ")
        let r = Self.geocoder.resolve("Farview", context: GeoContext(documentPlaces: [near]))
        #expect(r?.place?.id == "far2")
    }

    @Test func fuzzyIsALastResortWithALowerScore() throws {
        let exact = try #require(Self.gazetteer.lookup("Farview").first)
        let fuzzy = try #require(Self.gazetteer.lookup("Farviek").first)
        #expect(fuzzy.place.name == "Farview")
        #expect(fuzzy.score < exact.score)
        #expect(fuzzy.reason.contains("fuzzy"))
    }

    struct Case: Sendable, CustomStringConvertible {
        var sentence: String
        var texts: [String]
        var locations: [String?]
        var precisions: [Int]
        var description: String { sentence }
    }

    @Test(arguments: [
        Case(sentence: "Shells hit the village of Tell Dam on Monday.", texts: ["the village of Tell Dam"],
             locations: ["Tell Dam"], precisions: [1]),
        Case(sentence: "Fighting on the outskirts of Saraqeb and near Qaryah.",
             texts: ["the outskirts of Saraqeb", "near Qaryah"], locations: ["Saraqib", "Qaryah"], precisions: [2, 1]),
        Case(sentence: "Jets struck the southern Zed countryside.", texts: ["the southern Zed countryside"],
             locations: ["Southern Zed"], precisions: [3]),
        Case(sentence: "Clashes in the countryside of Zed.", texts: ["in the countryside of Zed"],
             locations: ["Zed"], precisions: [3]),
        Case(sentence: "A raid east of Farview in Zed province.", texts: ["east of Farview", "in Zed province"],
             locations: ["Farview", "Zed"], precisions: [2, 3]),
        Case(sentence: "The Army and Jaish Zed moved into the Plains of Zed.", texts: ["the Plains of Zed"],
             locations: ["Great Plain"], precisions: [3]),
        Case(sentence: "The Zed Brigade shelled the Saraqib road.", texts: ["the Saraqib road"],
             locations: ["Saraqib"], precisions: [2]),
        Case(sentence: "Residents of the village of Nowhereville fled.", texts: ["Nowhereville"],
             locations: [nil], precisions: [0]),
        Case(sentence: "Guards fled Ostrova prison at dawn.", texts: ["Ostrova"], locations: [nil], precisions: [0]),
        Case(sentence: "Shells fell on the al-Midan neighbourhood of Zed.", texts: ["al-Midan", "Zed"],
             locations: [nil, "Zed"], precisions: [0, 1]),
        Case(sentence: "Guards fled the prison at dawn.", texts: [], locations: [], precisions: []),
        Case(sentence: "A raid east of Yon.", texts: ["east of Yon"], locations: ["Yon"], precisions: [2]),
        Case(sentence: "SARAQIB - Troops entered the town.", texts: ["SARAQIB"], locations: ["Saraqib"], precisions: [1]),
        Case(sentence: "Kafr Lusin - Troops entered the town.", texts: ["Kafr Lusin"], locations: ["Kafr Lusin"], precisions: [1]),
        Case(sentence: "Shells hit Saraqib al-Jadida on Monday.", texts: ["Saraqib al-Jadida"], locations: ["Saraqib"], precisions: [1]),
    ])
    func mentionsInSentences(c: Case) {
        let tokens = Tokenizer.tokenize(c.sentence)
        let found = Self.geocoder.mentions(in: tokens, context: GeoContext())
        #expect(found.map(\.text) == c.texts)
        #expect(found.map { $0.resolved?.location } == c.locations)
        #expect(found.map { $0.resolved?.precision.rawValue ?? 0 } == c.precisions)
        for m in found {
            #expect(m.tokenRange.upperBound <= tokens.count)
        }
    }

    @Test(arguments: [("Yon", "Tell Dam"), ("Zed", nil as String?)])
    func aNearMissInRunningTextMustLieInTheGovernorateTheSentenceNames(_ governorate: String, _ location: String?) {
        // "Tall Dum" is Tell Dam only by its consonants; in a sentence about Zed it is not Yon's Tell Dam.
        let tokens = Tokenizer.tokenize("Shells hit the village of Tall Dum in southern \(governorate).")
        let found = Self.geocoder.mentions(in: tokens, context: GeoContext())
        #expect(found.first { $0.text.contains("Dum") }?.resolved?.location == location, "\(found.map { ($0.text, $0.resolved?.location ?? "-") })")
    }

    @Test func aGovernorateNamedInTheSentenceDisambiguatesItsVillages() {
        let tokens = Tokenizer.tokenize("Troops entered the village of Kafr Lusin in northern Yon.")
        let found = Self.geocoder.mentions(in: tokens, context: GeoContext())
        #expect(found.first?.resolved?.place?.id == "kl-yon")
        #expect(found.last?.isRegion == true)
        #expect(found.last?.resolved?.location == "Northern Yon")
    }

    @Test func ofTwoNamesakesTheSeatOfAnAreaOfThatNameWins() throws {
        let gazetteer = Gazetteer(rows: [
            Self.row("a-zed", "Wadi Mir", "village", "Zed", 10.0, 20.0),
            Self.row("b-yon", "Wadi Mir", "village", "Yon", 12.0, 22.0),
            Self.row("w-yon-sub", "Wadi Mir", "subdistrict", "Yon", 12.05, 22.05),
        ], folder: Self.folder)
        let geocoder = Geocoder(gazetteer: gazetteer, phrases: Self.geocoder.phrases)
        #expect(geocoder.resolve("Wadi Mir", context: GeoContext())?.place?.id == "b-yon")
    }

    @Test func regionPointLiesTowardsItsDirection() throws {
        let north = try #require(Self.geocoder.resolve("northern Yon", context: GeoContext()))
        let south = try #require(Self.geocoder.resolve("southern Yon", context: GeoContext()))
        #expect(try #require(north.latitude) > #require(south.latitude))
        #expect(north.precision == .region && north.place == nil)
    }
}
