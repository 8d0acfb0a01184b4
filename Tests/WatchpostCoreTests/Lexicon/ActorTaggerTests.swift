import Testing
@testable import WatchpostCore

/// The tagger's grammar on a made-up lexicon of fictional actors in the fictional Republic of
/// Veldoria, so that editing the real actors.jsonl cannot break these tests.
@Suite struct ActorTaggerTests {
    static let jsonl = """
    {"type":"meta","default_country":"Veldoria"}
    {"id":"vel-army","name":"Military Forces of Veldoria","aliases":["Veldorian Army","regime forces"],"exact_aliases":["VDA"],"kind":"state_force","country":"Veldoria","valid_to":"2020-03-01","successor":"vel-army-2020","party":true}
    {"id":"vel-army-2020","name":"Military Forces of Veldoria (2020-)","aliases":["New Veldorian Army"],"kind":"state_force","country":"Veldoria","valid_from":"2020-03-01","party":true}
    {"id":"kor-army","name":"Military Forces of Kordia","aliases":["Kordian Army"],"kind":"foreign_state_force","country":"Kordia","party":true}
    {"id":"red-hand","name":"Red Hand Front","aliases":["Jabhat al-Yad"],"exact_aliases":["RHF","TIP"],"kind":"jihadist","country":"Veldoria","valid_to":"2016-07-28","successor":"red-hand-2","party":true}
    {"id":"red-hand-2","name":"Crimson Levant Front","aliases":["Jabhat Crimson"],"kind":"jihadist","country":"Veldoria","valid_from":"2016-07-28","valid_to":"2017-01-28","successor":"red-hand-3","party":true}
    {"id":"red-hand-3","name":"Hayat Qirmiz","aliases":["Hay'at Qirmiz"],"exact_aliases":["HQ"],"kind":"jihadist","country":"Veldoria","valid_from":"2017-01-28","party":true}
    {"id":"guardians","name":"Guardians of Dust","aliases":["Hurras al-Ghubar"],"kind":"jihadist","country":"Veldoria","party":true}
    {"id":"kor-backed","name":"Opposition rebels (Kordian-backed)","aliases":["Kordian-backed factions"],"kind":"rebel","country":"Veldoria","sponsor":"Kordia","party":true}
    {"id":"watch","name":"Veldoria Watch","aliases":["the Watch"],"kind":"monitor","country":"Veldoria","party":false}
    {"id":"vel-mod","name":"Ministry of Defence of Veldoria","aliases":["Veldorian Defence Ministry"],"kind":"ministry","country":"Veldoria","side":"vel-army","party":true}
    {"id":"rebels-vel","name":"Rebels (Veldoria)","aliases":[],"kind":"rebel","country":"Veldoria","party":true}
    {"id":"police-old","name":"Police Forces of Veldoria","aliases":["Veldorian police"],"shared_aliases":["Veldorian police"],"kind":"police","country":"Veldoria","valid_to":"2020-03-01","party":true}
    {"id":"police-new","name":"Police Forces of Veldoria (2020-)","aliases":["Veldorian police"],"shared_aliases":["Veldorian police"],"kind":"police","country":"Veldoria","valid_from":"2020-03-01","party":true}
    {"type":"noun","class":"force","forms":["troops","forces","army"]}
    {"type":"noun","class":"weapon","forms":["jets","warplanes","drones","helicopters","fighter jets"]}
    {"type":"noun","class":"armed","forms":["factions","militias"]}
    {"type":"demonym","forms":["Veldorian","regime"],"actors":{"force":"vel-army","weapon":"vel-army"}}
    {"type":"demonym","forms":["Kordian","KR"],"actors":{"force":"kor-army","weapon":"kor-army"}}
    {"type":"demonym","forms":["Kordian-backed"],"actors":{"armed":"kor-backed"}}
    {"type":"generic","forms":["the army","army units","the regime"],"kinds":["state_force"],"defaults":{"Veldoria":"vel-army"}}
    {"type":"generic","forms":["the group","the militants","the terrorists","the fighters"],"kinds":["jihadist","rebel"],"defaults":{}}
    {"type":"generic","forms":["the rebels"],"kinds":["rebel"],"defaults":{"Veldoria":"rebels-vel"}}
    """

    static let lexicon = try! ActorLexicon(jsonl: jsonl)
    static let tagger = ActorTagger(lexicon: lexicon)

    /// "id@text" (generic ones "~id@text") for each mention.
    static func tag(_ sentence: String, _ date: String? = nil) -> [String] {
        tagger.mentions(in: Tokenizer.tokenize(sentence), on: date.flatMap(Day.init(iso:))).map {
            ($0.isGeneric ? "~" : "") + "\($0.actor.id)@\($0.text)"
        }
    }

    @Test(arguments: [
        // names and aliases, hyphens and case folded
        ("The Veldorian army shelled the town.", ["vel-army@Veldorian army"]),
        ("Jabhat al Yad and Hurras al-Ghubar clashed.", ["red-hand@Jabhat al Yad", "guardians@Hurras al-Ghubar"]),
        // demonym + force/weapon noun
        ("Kordian drones struck a depot.", ["kor-army@Kordian drones"]),
        ("Veldorian fighter jets bombed the road.", ["vel-army@Veldorian fighter jets"]),
        ("regime helicopters dropped barrels.", ["vel-army@regime helicopters"]),
        ("Kordian-backed militias advanced.", ["kor-backed@Kordian-backed militias"]),
        // two demonyms on one noun: two mentions
        ("Veldorian and Kordian jets struck.", ["vel-army@Veldorian", "kor-army@Kordian jets"]),
        ("Veldorian, Kordian warplanes struck.", ["vel-army@Veldorian", "kor-army@Kordian warplanes"]),
        // joined by a hyphen: two actors; stacked with none: the first with an actor for the noun
        ("joint Veldorian-Kordian troops", ["vel-army@Veldorian", "kor-army@Kordian troops"]),
        ("Kordian-backed Veldorian militias", ["kor-backed@Kordian-backed Veldorian militias"]),
        // a demonym with no actor for that noun class gives nothing
        ("Veldorian factions met.", []),
        // a demonym alone is not a mention
        ("the Veldorian capital", []),
        // a name beats the grammar on the same span
        ("Kordian-backed factions attacked.", ["kor-backed@Kordian-backed factions"]),
        // case-sensitive short aliases
        ("TIP fighters and the RHF", ["red-hand@TIP", "red-hand@RHF"]),
        ("a tip came from rhf", []),
        ("KR jets struck; kr jets did not.", ["kor-army@KR jets"]),
        // possessives and "of"
        ("HQ's fighters attacked.", ["red-hand-3@HQ"]),
        ("Hay'at Qirmiz's commander was killed.", ["red-hand-3@Hay'at Qirmiz"]),
        ("the fighters of Hurras al-Ghubar withdrew", ["guardians@Hurras al-Ghubar"]),
        // generic references
        ("the army shelled the village", ["~vel-army@the army"]),
        ("army units advanced", ["~vel-army@army units"]),
        ("The group claimed the attack.", ["~generic@The group"]),
        ("the rebels withdrew", ["~rebels-vel@the rebels"]),
        // an alias inside a generic phrase wins
        ("regime forces advanced", ["vel-army@regime forces"]),
    ])
    func grammar(sentence: String, expected: [String]) {
        #expect(Self.tag(sentence) == expected)
    }

    @Test(arguments: [
        // in force on the day: kept
        ("Jabhat al-Yad attacked.", "2015-05-01", "red-hand"),
        // lapsed: follows the successor chain to the name in force
        ("Jabhat al-Yad attacked.", "2016-09-01", "red-hand-2"),
        ("Jabhat al-Yad attacked.", "2019-01-01", "red-hand-3"),
        // a later name used for an earlier day (looking back): kept as written
        ("Hayat Qirmiz attacked.", "2014-01-01", "red-hand-3"),
        // no date: as written
        ("Jabhat al-Yad attacked.", nil, "red-hand"),
        // the state's army before and after the change of government
        ("the army shelled the town", "2019-01-01", "vel-army"),
        ("the army shelled the town", "2021-01-01", "vel-army-2020"),
        // a shared alias picks the actor in force
        ("Veldorian police arrested two men", "2019-01-01", "police-old"),
        ("Veldorian police arrested two men", "2021-01-01", "police-new"),
    ] as [(String, String?, String)])
    func era(sentence: String, date: String?, expected: String) {
        let mentions = Self.tagger.mentions(in: Tokenizer.tokenize(sentence), on: date.flatMap(Day.init(iso:)))
        #expect(mentions.map(\.actor.id) == [expected])
    }

    @Test(arguments: [
        ("Veldoria Watch reported", ActorMention.Role.source),
        ("the Veldorian Defence Ministry said", .both),
        ("the Kordian Army attacked", .actor),
    ])
    func roles(sentence: String, expected: ActorMention.Role) {
        let mentions = Self.tagger.mentions(in: Tokenizer.tokenize(sentence), on: nil)
        #expect(mentions.map(\.role) == [expected])
    }

    @Test func genericCarriesCompatibleKinds() throws {
        let mention = try #require(Self.tagger.mentions(in: Tokenizer.tokenize("the militants fled"), on: nil).first)
        #expect(mention.isGeneric)
        #expect(mention.compatibleKinds == ["jihadist", "rebel"])
    }

    @Test func genericDefaultsFollowTheTheatre() {
        let elsewhere = ActorTagger(lexicon: Self.lexicon, country: "Kordia")
        let mentions = elsewhere.mentions(in: Tokenizer.tokenize("the army shelled"), on: nil)
        #expect(mentions.map(\.actor.id) == ["generic"])
    }

    @Test(arguments: ["Military Forces of Veldoria", "VDA", "veldorian army", "Hay'at Qirmiz", "Hayat Qirmiz's"])
    func lookupByNameOrAlias(name: String) {
        #expect(Self.lexicon.actor(named: name) != nil)
    }

    @Test(arguments: [
        ("{\"id\":\"a\",\"name\":\"A\"}", InputError.Code.missingField),
        ("{\"id\":\"a\",\"name\":\"A\",\"kind\":\"rebel\",\"successor\":\"zz\"}", .invalidField),
        ("{\"id\":\"a\",\"name\":\"A\",\"kind\":\"rebel\",\"valid_to\":\"2020-13-01\"}", .invalidField),
        ("not json", .malformedJSON),
        ("{\"type\":\"spell\"}", .invalidField),
    ])
    func malformedLexiconsAreRejected(line: String, code: InputError.Code) {
        #expect { try ActorLexicon(jsonl: line) } throws: { ($0 as? InputError)?.code == code }
    }
}
