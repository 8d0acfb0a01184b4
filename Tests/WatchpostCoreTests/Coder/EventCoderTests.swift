import Foundation
import Testing
@testable import WatchpostCore

/// The event coder's rules on sentences written for these tests, with made-up actor, event-word and
/// cue lexicons and the made-up gazetteer of the geo tests (fictional places Zed, Yon, Kafr Lusin, Tell
/// Dam, Saraqib, Qaryah), so that editing the real data files cannot break them. The date and number
/// grammars are the bundled ones: they are grammar, not a vocabulary of the theatre.
@Suite("Event coder rules on made-up lexicons")
struct EventCoderTests {
    static let actors = """
    {"type":"meta","default_country":"Veldoria"}
    {"id":"vel-army","name":"Military Forces of Veldoria","aliases":["Veldorian Army"],"kind":"state_force","country":"Veldoria","side":"vel-army","party":true}
    {"id":"kor-army","name":"Military Forces of Kordia","aliases":["Kordian Army"],"kind":"foreign_state_force","country":"Kordia","side":"kor-army","party":true}
    {"id":"red-hand","name":"Red Hand Front","aliases":["Jabhat al-Yad"],"exact_aliases":["RHF","IS"],"kind":"jihadist","country":"Veldoria","side":"red-hand","party":true}
    {"id":"watch","name":"Veldoria Watch","aliases":["the Watch"],"kind":"monitor","country":"Veldoria","role":"source","party":false}
    {"id":"yad-news","name":"Yad News","aliases":["Yad News Agency"],"kind":"party_media","country":"Veldoria","side":"red-hand","role":"source","party":true}
    {"id":"civilians","name":"Civilians (Veldoria)","aliases":["civilians","residents"],"kind":"civilians","country":"Veldoria","party":false}
    {"id":"protesters","name":"Protesters (Veldoria)","aliases":["protesters","demonstrators"],"kind":"protesters","country":"Veldoria","party":false}
    {"id":"unknown","name":"Unidentified Armed Group (Veldoria)","aliases":["unidentified armed group","gunmen"],"kind":"unidentified","country":"Veldoria","party":true}
    {"id":"vel-rebels","name":"Rebels (Veldoria)","aliases":["Veldorian rebels"],"kind":"rebel","country":"Veldoria","side":"vel-rebels","party":true}
    {"id":"mil-source","name":"A military source","aliases":["a military source","military sources"],"kind":"local_sources","country":null,"role":"source","party":true}
    {"id":"vel-tv","name":"Veldoria TV","aliases":["Veldorian state television"],"kind":"state_media","country":"Veldoria","side":"vel-army","role":"source","party":true}
    {"type":"noun","class":"force","forms":["troops","forces","army","soldiers"]}
    {"type":"noun","class":"weapon","forms":["jets","warplanes","drones","missiles"]}
    {"type":"demonym","forms":["Veldorian"],"actors":{"force":"vel-army","weapon":"vel-army"}}
    {"type":"demonym","forms":["Kordian"],"actors":{"force":"kor-army","weapon":"kor-army"}}
    {"type":"generic","forms":["the army"],"kinds":["state_force"],"defaults":{"Veldoria":"vel-army"}}
    {"type":"generic","forms":["the group","the militants"],"kinds":["jihadist","rebel"],"defaults":{}}
    {"type":"generic","forms":["terrorists","the terrorists","terrorist groups"],"kinds":["jihadist","rebel","unidentified"],"defaults":{"Veldoria":"unknown"}}
    """
    static let eventWords = """
    shelled\tShelling/artillery/missile attack\tstrong
    shelling\tShelling/artillery/missile attack\tstrong
    struck\tShelling/artillery/missile attack\tweak
    car bomb\tRemote explosive/landmine/IED\tstrong
    jets\tAir/drone strike\tweak
    sorties\tAir/drone strike\tweak
    clashes\tArmed clash\tstrong
    attacked\tArmed clash\tweak
    attack\tArmed clash\tweak
    attacks\tArmed clash\tweak
    killed\tKILLING\tweak
    martyred\tKILLING\tweak
    killing\tKILLING\tweak
    captured\tTERRITORY\tweak
    recaptured\tTERRITORY\tstrong
    entered\tTERRITORY\tweak
    deployed\tOther\tstrong
    convoy\tOther\tweak
    counterattack\tArmed clash\tstrong
    truce\tAgreement\tstrong
    truce violations\tArmed clash\tweak
    rallied\tPeaceful protest\tstrong
    protests\tPeaceful protest\tstrong
    protesters\tPeaceful protest\tstrong
    dispersed\tINTERVENTION\tweak
    shot down\tDisrupted weapons use\tstrong
    intercepted\tDisrupted weapons use\tstrong
    missiles\tShelling/artillery/missile attack\tstrong
    drones\tAir/drone strike\tweak
    fired\tShelling/artillery/missile attack\tweak
    """
    static let cues = """
    said\tsay
    confirmed\tconfirm
    claimed\tclaim
    according to\taccording
    citing\taccording
    remain unconfirmed\tdoubt
    could not be independently verified\troutine
    threatened\tirrealis
    denied\tdoubt
    no\tnegation
    since 2015\tbackground
    repelled\tfailed_attack
    only\tcontrary
    believed to be\tsuspect
    hallmarks of\tsuspect
    martyred\town_loss
    rejected\treject
    dismissed\treject
    claim\tclaim_noun
    reports\tclaim_noun
    """
    /// In the Veldorian government's own voice, "terrorists" are the rebels.
    static let voiceNames = "terrorists\tMilitary Forces of Veldoria\tRebels (Veldoria)\nterrorist groups\tMilitary Forces of Veldoria\tRebels (Veldoria)\n"
    static let victims = ["civilians": ActorRoleFinder.VictimClass.civilian, "soldiers": .armed, "soldier": .armed, "people": .civilian]

    static func coder() throws -> EventCoder {
        try EventCoder(words: EventWords(eventWordsTSV: eventWords, cuesTSV: cues), lexicon: ActorLexicon(jsonl: actors),
                       geocoder: GeoMachineryTests.geocoder, dates: .bundled(), casualties: .bundled(),
                       victimNouns: victims, voice: OutletVoice(tsv: "the infidels\tRed Hand Front\tstrong\nthe apostates\tRed Hand Front\tstrong\n"),
                       voiceNames: VoiceNames(tsv: voiceNames))
    }

    static func events(_ text: String, outlet: String? = "Test Wire") throws -> [Event] {
        let doc = Document(id: "t", outlet: outlet, published: Day(iso: "2021-03-10"), text: text)
        return try coder().events(in: TextPreparer.standard().prepare(doc)).events
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var subType: String
        var actor1: String?
        var actor2: String?
        var location: String?
        var fatalities: Int?
        var status: ClaimStatus = .reported
        var testDescription: String { text }
    }

    @Test(arguments: [
        Case(text: "On March 3, the Veldorian Army shelled the village of Kafr Lusin, killing 4 civilians.",
             subType: "Shelling/artillery/missile attack", actor1: "Military Forces of Veldoria",
             actor2: "Civilians (Veldoria)", location: "Kafr Lusin", fatalities: 4),
        Case(text: "The Veldorian Army recaptured Saraqib on Monday.", subType: "Government regains territory",
             actor1: "Military Forces of Veldoria", location: "Saraqib"),
        Case(text: "Despite the truce, Kordian jets struck Saraqib on Tuesday.", subType: "Air/drone strike",
             actor1: "Military Forces of Kordia", location: "Saraqib"),
        Case(text: "Hundreds of protesters rallied in Saraqib on Friday.", subType: "Peaceful protest",
             actor1: "Protesters (Veldoria)", location: "Saraqib"),
        Case(text: "Veldorian troops dispersed protesters in Saraqib on Friday.", subType: "Protest with intervention",
             actor1: "Protesters (Veldoria)", actor2: "Military Forces of Veldoria", location: "Saraqib"),
        Case(text: "Red Hand Front attacked an army post near Tell Dam on Monday, the group said.", subType: "Armed clash",
             actor1: "Red Hand Front", location: "Tell Dam", status: .claimed),
    ])
    func codesOneEvent(_ c: Case) throws {
        let events = try Self.events(c.text)
        try #require(events.count == 1, "\(events.map(\.subEventType))")
        let e = events[0]
        #expect(e.subEventType == c.subType)
        #expect(e.actor1 == c.actor1)
        if let a2 = c.actor2 { #expect(e.actor2 == a2) }
        #expect(e.location == c.location)
        #expect(e.fatalities == c.fatalities)
        #expect(e.claimStatus == c.status)
    }

    @Test(arguments: [
        "The Veldorian Army threatened to shell Saraqib.",
        "There were no clashes in Saraqib on Monday.",
        "Veldoria Watch says 500 people have been killed since 2015.",
        "Red Hand Front claimed 9 attacks in Zed this week.",
        "By shelling Saraqib every night, the Veldorian Army is sending a message to Red Hand Front.",
        "The clashes in Saraqib show how fragile the front has become.",
        "Over the last day, monitors logged 7 truce violations across the provinces of Zed and Yon.",
    ])
    func codesNoEvent(_ text: String) throws {
        #expect(try Self.events(text).isEmpty)
    }

    @Test func listsOfPlacesAreOneEventEach() throws {
        let events = try Self.events("On Monday, Red Hand Front captured the villages of Tell Dam and Qaryah.")
        #expect(events.map(\.location) == ["Tell Dam", "Qaryah"])
        #expect(events.allSatisfy { $0.subEventType == "Non-state actor overtakes territory" && $0.actor1 == "Red Hand Front" })
    }

    @Test func anAirportAndAListOfVillagesTakenTogetherAreOneEventEach() throws {
        let events = try Self.events("On Monday, Red Hand Front captured Saraqib international airport and the villages of Tell Dam and Qaryah.")
        #expect(events.map(\.location) == ["Saraqib international airport", "Tell Dam", "Qaryah"])
    }

    @Test func theGroupClaimsItsEnemysLossesAndDoubtDisputesThem() throws {
        let events = try Self.events("""
        Red Hand Front attacked army positions near Tell Dam on Monday.

        The group claimed that 12 Veldorian soldiers were killed in Qaryah on the same day. The figures remain unconfirmed.
        """)
        let claimed = try #require(events.first { $0.location == "Qaryah" })
        #expect(claimed.actor1 == "Red Hand Front")
        #expect(claimed.actor2 == "Military Forces of Veldoria")
        #expect(claimed.fatalities == 12)
        #expect(claimed.claimedBy == "Red Hand Front")
        #expect(claimed.claimStatus == .disputed)
    }

    @Test func aRoutineCaveatDoesNotDispute() throws {
        let events = try Self.events("Red Hand Front attacked Saraqib on Monday, the group said. The claim could not be independently verified.")
        #expect(events.first?.claimStatus == .claimed)
    }

    @Test func aTollInTheNextSentenceJoinsTheEvent() throws {
        let events = try Self.events("Red Hand Front attacked an army post near Tell Dam on Monday. 3 soldiers were killed.")
        try #require(events.count == 1)
        #expect(events[0].fatalities == 3)
        #expect(events[0].evidenceRanges.count == 2)
    }

    @Test func clausesJoinedByWhileAreTwoEvents() throws {
        let events = try Self.events("On Monday, the Veldorian Army shelled Saraqib, while clashes went on near Tell Dam.")
        #expect(events.map(\.subEventType) == ["Shelling/artillery/missile attack", "Armed clash"])
        #expect(events.map(\.location) == ["Saraqib", "Tell Dam"])
    }

    @Test func aDeniedLinkLeavesThePerpetratorUnknownAndDisputed() throws {
        let events = try Self.events("Red Hand Front denied any link to Monday's car bomb in Saraqib, which killed 3 civilians.")
        try #require(events.count == 1)
        #expect(events[0].subEventType == "Remote explosive/landmine/IED")
        #expect(events[0].actor1 == "Unidentified Armed Group (Veldoria)")
        #expect(events[0].claimStatus == .disputed)
        #expect(events[0].date?.iso == "2021-03-08")  // "Monday's": the possessive folds away
    }

    @Test func aDayAfterDatesTheEarlierEvent() throws {
        let events = try Self.events("""
        On March 5, Red Hand Front attacked an army post near Tell Dam.

        That attack came a day after Kordian jets struck Qaryah.
        """)
        let strike = try #require(events.first { $0.location == "Qaryah" })
        #expect(strike.date?.iso == "2021-03-04")
    }

    @Test func theObjectOfACaptureVerbIsThePlaceEvenWhenUnknown() throws {
        let events = try Self.events("On Monday, the Veldorian Army launched a counterattack recapturing Ostrova.")
        try #require(events.count == 1)
        #expect(events[0].subEventType == "Government regains territory")
        #expect(events[0].location == "Ostrova")
        #expect(events[0].latitude == nil)
    }

    @Test func anUnknownVillageIsKeptAsWrittenAndPlacedNearItsReferencePoint() throws {
        let events = try Self.events("On Monday, gunmen shelled a roadblock in the village of al-Marj, east of Saraqib.")
        try #require(events.count == 1, "\(events.map(\.location))")
        #expect(events[0].location == "al-Marj")
        #expect(events[0].geoPrecision == .near)
        #expect(events[0].admin1 == "Zed")
        #expect(events[0].latitude == 10.3)
    }

    @Test(arguments: [
        ("In Zed, Red Hand Front attacked the village of Kafr Lusin on Monday.", "Kafr Lusin"),
        ("Hundreds of protesters rallied in Saraqib on Friday in solidarity with Qaryah.", "Saraqib"),
        ("In Zed, protesters rallied in solidarity with Qaryah in the village of Kafr Lusin on Friday.", "Kafr Lusin"),
        ("Veldorian troops deployed in Qaryah shelled the village of Tell Dam on Monday.", "Tell Dam"),
        ("Red Hand Front shelled a convoy on the road between Saraqib and Tell Dam, near Qaryah, on Monday.", "Qaryah"),
    ])
    func thePlaceOfTheEventIsNotItsFrameNorItsCause(_ text: String, _ place: String) throws {
        #expect(try Self.events(text).map(\.location) == [place])
    }

    @Test func aQuarterNamedLikeAVillageFarFromTheCityBelongsToTheCity() throws {
        // Farview (Zed) lies ~150 km from Zed city: the Farview quarter of Zed city is not that village.
        let events = try Self.events("In Zed city, Kordian jets struck the Farview neighbourhood on Monday.")
        try #require(events.count == 1)
        #expect(events[0].location == "Farview")
        #expect(events[0].latitude == 10.1)
    }

    @Test func aSquareNamedLikeAFarVillageIsInTheCityOfTheSentence() throws {
        let events = try Self.events("Hundreds of protesters rallied in Farview Square in the centre of Zed city on Friday.")
        try #require(events.count == 1)
        #expect(events[0].latitude == 10.1)
    }

    @Test(arguments: [
        "Kordian jets struck the neighbourhoods of Qaryah and Bab Tuma in Zed city on Monday.",
        "Kordian jets struck the Qaryah and Bab Tuma neighbourhoods in Zed on Monday.",
    ])
    func quartersListedAfterTheirKindBelongToTheCityOfTheSentence(_ text: String) throws {
        let events = try Self.events(text)
        #expect(Set(events.compactMap(\.location)) == ["Qaryah", "Bab Tuma"])
        #expect(events.allSatisfy { $0.admin1 == "Zed" }, "\(events.map { ($0.location ?? "-", $0.admin1 ?? "-") })")
    }

    @Test func aQuarterNamedLikeAFarVillageBelongsToTheCityOfTheSentence() throws {
        let events = try Self.events("In Zed city, Kordian jets struck the Qaryah neighbourhood on Monday.")
        try #require(events.count == 1)
        #expect(events[0].location == "Qaryah")
        #expect(events[0].admin1 == "Zed")
    }

    @Test(arguments: [
        ("The Watch said the attack was repelled.", ClaimStatus.disputed),
        ("Veldoria Watch said only one soldier was wounded.", .disputed),
        ("The Watch said the clashes were repelled.", .disputed),
        ("The Veldorian Army did not respond, the Watch said.", .claimed),
        ("The Veldorian Army claimed that it only lost a truck.", .claimed),
    ])
    func anotherSourcesContraryAccountDisputesAClaim(_ next: String, _ status: ClaimStatus) throws {
        let events = try Self.events("Red Hand Front claimed that it shelled an army post in Saraqib on Monday. " + next)
        try #require(events.count == 1)
        #expect(events[0].claimStatus == status)
        #expect(events[0].claimedBy == "Red Hand Front")
    }

    @Test(arguments: [
        ("The Veldorian Army recaptured Tell Dam, which had been held by Red Hand Front, on Monday.", "Military Forces of Veldoria"),
        ("Jets believed to be Kordian struck Saraqib on Monday.", "Military Forces of Kordia"),
        ("RHF gunmen shelled Saraqib on Monday.", "Red Hand Front"),
        ("Veldorian troops watched as Kordian missiles hit Saraqib on Monday.", "Military Forces of Kordia"),
        ("Gunmen led by Red Hand Front shelled Saraqib on Monday.", "Red Hand Front"),
        ("Kordian jets shelled depots in Saraqib on Monday that were stocked over the winter and used by RHF.", "Military Forces of Kordia"),
        ("Veldorian air defences shot down six of eight missiles fired by Kordian jets at Saraqib on Monday.", "Military Forces of Kordia"),
        ("A car bomb exploded in Saraqib on Monday, killing 3 civilians. The bombing bore the hallmarks of Red Hand Front.", "Red Hand Front"),
        ("A car bomb exploded in Saraqib on Monday, killing 3 civilians. Red Hand Front claimed responsibility.", "Red Hand Front"),
        ("A car bomb exploded in Saraqib on Monday, killing 3 civilians. No group claimed responsibility.", "Unidentified Armed Group (Veldoria)"),
    ])
    func thePerpetratorIsWhoActsOrIsSuspected(_ text: String, _ actor1: String) throws {
        let events = try Self.events(text)
        try #require(events.count == 1, "\(events.map(\.subEventType))")
        #expect(events[0].actor1 == actor1)
    }

    @Test(arguments: [
        "ZED, March 9 (Test Wire) - Kordian jets struck Qaryah on Monday.",
        "Kordian jets struck Qaryah on Monday, the Watch said at a briefing on Tuesday.",
    ])
    func theDaysOfTheDatelineAndOfTheStatementAreNotTheEvents(_ text: String) throws {
        let events = try Self.events(text)
        try #require(events.count == 1)
        #expect(events[0].date?.iso == "2021-03-08")
    }

    @Test(arguments: [
        ("The posts stood by the village of Kafr Lusin.", "Kafr Lusin"),
        ("The shells came from the village of Kafr Lusin.", "Zed"),
    ])
    func theNextSentenceNamesTheVillageOfAnEventPlacedByItsGovernorate(_ next: String, _ place: String) throws {
        let events = try Self.events("Kordian jets shelled army posts in Zed on Monday, killing 5 soldiers. " + next)
        try #require(events.count == 1)
        #expect(events[0].location == place)
        #expect(events[0].admin1 == "Zed")
    }

    @Test func aStrikeThatKilledIsTheStrikeWhateverTheAirDefencesDid() throws {
        let events = try Self.events("Two soldiers were killed on Monday as Veldorian air defences shot down Kordian missiles over Saraqib.")
        try #require(events.count == 1)
        #expect(events[0].subEventType == "Shelling/artillery/missile attack")
    }

    @Test(arguments: [
        ("Veldorian air defences shot down six of eight missiles fired by Kordian jets at Saraqib on Monday.", "Air/drone strike"),
        ("Veldorian air defences shot down two drones launched by Red Hand Front over Saraqib on Monday.", "Disrupted weapons use"),
    ])
    func aStrikePartlyInterceptedIsTheStrike(_ text: String, _ subType: String) throws {
        let events = try Self.events(text)
        try #require(events.count == 1)
        #expect(events[0].subEventType == subType)
    }

    @Test(arguments: [
        "Air defences intercepted four of the missiles.",
        "Kordian jets fired two more missiles at the post.",
        "Officials use the term \"neutralised\" to mean that fighters were killed or captured.",
    ])
    func aSentenceRetellingTheEventJustToldIsNotAnother(_ next: String) throws {
        // A new paragraph under a headline about another town: a retelling coded as an event would
        // take that town and not be collapsed as a restatement of the same place.
        let events = try Self.events("Saraqib fears more strikes\n\nKordian jets fired missiles at an army post in the village of Qaryah on Monday, residents of Saraqib said.\n\n" + next)
        #expect(events.count == 1, "\(events.map(\.subEventType))")
    }

    @Test func areaWordsAfterANameGo() {
        #expect(PlaceChoice.bareName("the Saraqib region") == "Saraqib")
        #expect(PlaceChoice.bareName("Idlib countryside") == "Idlib")
    }

    @Test func gunmenBelongingToANamedGroupAreThatGroupAndTheSubjectTheyAttackedIsActor2() throws {
        let events = try Self.events("The Veldorian Army repelled on Monday an attack launched by gunmen belonging to the so-called \"Red Hand Front\" near Tell Dam.")
        try #require(events.count == 1)
        #expect(events[0].actor1 == "Red Hand Front")
        #expect(events[0].actor2 == "Military Forces of Veldoria")
    }

    @Test func aDatelineIsWhereTheReportWasFiledNotWhereTheEventHappened() throws {
        let events = try Self.events("Saraqib, Test Wire - Red Hand Front shelled army posts in the southern Zed countryside on Monday.")
        try #require(events.count == 1)
        #expect(events[0].location == "Southern Zed")
    }

    @Test func aRaidPlacedNowhereTakesTheTownTheNextSentenceNames() throws {
        let events = try Self.events("Kordian jets shelled a house in the east of the country on Monday. Residents said the shelling targeted the village of Qaryah, east of Saraqib.")
        try #require(events.count == 1)
        #expect(events[0].location == "Qaryah")
    }

    @Test func anEventAfterAfterWithADayOfItsOwnIsAnEventOfItsOwn() throws {
        let events = try Self.events("Red Hand Front recaptured Saraqib on Tuesday after Kordian jets shelled Qaryah on Monday.")
        #expect(events.map(\.location) == ["Saraqib", "Qaryah"])
        #expect(events.map { $0.date?.iso } == ["2021-03-09", "2021-03-08"])
        // Without a day of its own, the "after" phrase is background to the event.
        #expect(try Self.events("Red Hand Front recaptured Saraqib on Tuesday after Kordian jets shelled Qaryah.").count == 1)
    }

    @Test func aRetellingThatNamesTheWeaponGivesTheEventItsSubType() throws {
        let events = try Self.events("Red Hand Front attacked Saraqeb on Monday, killing 5 civilians. The attacks began when a car bomb went off in Saraqib.")
        try #require(events.count == 1, "\(events.map(\.subEventType))")
        #expect(events[0].subEventType == "Remote explosive/landmine/IED")
        #expect(events[0].eventType == .explosions)
    }

    @Test func aFacilityTheGazetteerLacksIsThePlace() throws {
        let events = try Self.events("Red Hand Front attacked the gate of Ostrova prison on Monday.")
        try #require(events.count == 1)
        #expect(events[0].location == "Ostrova")
    }

    @Test(arguments: [("the village of al-Tarbi'a", "al-Tarbi'a"), ("In Douma", "Douma"), ("Raqqa city", "Raqqa"),
                      ("near Tell Dam", "Tell Dam")])
    func placeNamesShedLeadInsButKeepArticles(_ written: String, _ name: String) {
        #expect(PlaceChoice.bareName(written) == name)
    }

    @Test(arguments: [("al-Marj", true), ("Douma", true), ("as-Sukhna", true), ("al-", false), ("the army", false), ("al-qaeda's", false)])
    func aNameIsCapitalizedAfterItsArticle(_ name: String, _ capitalized: Bool) {
        #expect(PlaceChoice.startsCapitalized(name) == capitalized)
    }

    @Test func aGroupWrittenInCapitalsClaimsAndAnIndependentConfirmationConfirms() throws {
        // "IS claimed": the capitals are the group, not the auxiliary "is"; "was confirmed by X": X confirms.
        let claimed = try Self.events("IS claimed that its fighters shelled Saraqib on Friday.")
        #expect(claimed.first?.claimStatus == .claimed)
        #expect(claimed.first?.claimedBy == "Red Hand Front")
        let confirmed = try Self.events("IS claimed that its fighters shelled Saraqib on Friday. The shelling was confirmed by Veldoria Watch.")
        #expect(confirmed.first?.claimStatus == .confirmed)
    }

    @Test func aLaterSourceSpeakingOfSomethingElseLeavesThePartyMediaItsClaim() throws {
        let events = try Self.events("Yad News: Kordian jets shelled Saraqib on Monday. The Veldorian Army did not respond, the Watch said.",
                                     outlet: "Yad News")
        try #require(events.count == 1)
        #expect(events[0].claimedBy == "Yad News")
    }

    @Test func aPartysOwnMediaVoiceIsItsClaim() throws {
        let events = try Self.events("Yad News: Red Hand Front fighters attacked Saraqib on Monday.", outlet: "Yad News")
        #expect(events.first?.claimedBy == "Yad News")
        #expect(events.first?.claimStatus == .claimed)
    }

    @Test(arguments: [
        // A party's media naming an unnamed enemy by its class word: the class it means in that voice.
        ("On Monday terrorists shelled the village of Kafr Lusin, killing 2 civilians.", "Veldoria TV", "Rebels (Veldoria)"),
        ("Terrorist groups shelled the village of Kafr Lusin on Monday.", "Veldoria TV", "Rebels (Veldoria)"),
        // Any other outlet: the word names no one in particular.
        ("On Monday terrorists shelled the village of Kafr Lusin, killing 2 civilians.", "Test Wire", "Unidentified Armed Group (Veldoria)"),
        // The class word without an article does not point back to a party named earlier for something else.
        ("The Red Hand Front signed a truce with the Veldorian Army on Sunday. On Monday terrorists shelled the village of Kafr Lusin.",
         "Veldoria TV", "Rebels (Veldoria)"),
        // "the terrorists" points back to the group named before it.
        ("Red Hand Front fighters attacked Saraqib on Sunday. On Monday the terrorists shelled the village of Kafr Lusin.",
         "Veldoria TV", "Red Hand Front"),
    ])
    func aPartysMediaNameTheirEnemyByAClassWord(_ text: String, _ outlet: String, _ actor1: String) throws {
        let events = try Self.events(text, outlet: outlet)
        let shelling = try #require(events.first { $0.location == "Kafr Lusin" })
        #expect(shelling.actor1 == actor1)
    }

    @Test(arguments: [
        // A party's media calling their own dead martyrs admit their own side's losses: confirmed.
        ("A soldier was martyred on Monday as terrorists attacked a checkpoint near Saraqib.", "Veldoria TV", ClaimStatus.confirmed),
        ("Two soldiers were martyred on Monday when terrorists shelled Saraqib.", "Veldoria TV", .confirmed),
        // Civilians it calls martyrs are not its fighters: an accusation of the enemy, claimed.
        ("Two civilians were martyred on Monday when terrorists shelled Saraqib.", "Veldoria TV", .claimed),
        // No party's voice: reported.
        ("A soldier was martyred on Monday as terrorists attacked a checkpoint near Saraqib.", "Test Wire", .reported),
    ])
    func aPartysOwnMartyrsAreItsOwnLosses(_ text: String, _ outlet: String, _ status: ClaimStatus) throws {
        let event = try #require(try Self.events(text, outlet: outlet).first)
        #expect(event.claimStatus == status)
    }

    @Test(arguments: [
        // A source of no declared side speaks for the side of the party's media that cite it.
        ("Kordian missiles struck Saraqib on Monday, killing two Veldorian soldiers, Veldoria TV said, citing a military source.",
         "Test Wire", ClaimStatus.confirmed),
        // ... or of the party's media that tell it in their own voice.
        ("Kordian missiles struck Saraqib on Monday, killing two Veldorian soldiers, a military source said.", "Veldoria TV", .confirmed),
        // Cited by no party, it stays a party's claim.
        ("Kordian missiles struck Saraqib on Monday, killing two Veldorian soldiers, a military source said.", "Test Wire", .claimed),
        // Martyrs named by a source: its own side's dead, whatever the lexicon makes of "soldiers".
        ("Two Veldorian soldiers were martyred on Monday when Kordian missiles struck Saraqib, a military source said.", "Test Wire", .confirmed),
    ])
    func aSourceOfNoDeclaredSideSpeaksForTheSideThatCitesIt(_ text: String, _ outlet: String, _ status: ClaimStatus) throws {
        let event = try #require(try Self.events(text, outlet: outlet).first)
        #expect(event.claimStatus == status)
    }

    @Test(arguments: [
        "A local journalist said that Kordian jets struck Saraqib on Monday.",
        "Our correspondent said that Kordian jets struck Saraqib on Monday.",
    ])
    func theSubjectOfAReportedClauseIsNotItsSource(_ text: String) throws {
        // "X said that Y did": Y acts in what is said; it does not say it.
        let event = try #require(try Self.events(text).first)
        #expect(event.actor1 == "Military Forces of Kordia")
        #expect(event.claimedBy == nil)
        #expect(event.claimStatus == .reported)
    }

    @Test func troopsEnteringAfterADeploymentAreTheDeploymentMoving() throws {
        let events = try Self.events("""
        On Monday the Kordian Army deployed reinforcements in Zed province, a local journalist said.

        A local journalist said that Kordian troops in 20 vehicles entered the area and drove on to the southern countryside of Zed.
        """)
        #expect(events.count == 1)
        #expect(events.first?.subEventType == "Other")
    }

    @Test func aNeutralReportOfFightingIsNotDisputedByTheAttackFailing() throws {
        let events = try Self.events("""
        Red Hand Front fighters attacked positions of the Veldorian Army near Saraqib on Monday, killing 4 soldiers, the Watch said. \
        The Veldorian Army said it repelled the attack.
        """)
        try #require(events.count == 1)
        let clash = try #require(events.first)
        #expect(clash.claimStatus == .reported)
        #expect(clash.claimedBy == "Veldoria Watch")
    }

    @Test(arguments: [
        ("The Veldorian Army dismissed the claim as a lie.", ClaimStatus.disputed),
        ("The reports were rejected by the Veldorian Army.", .disputed),
        // Rejecting a proposal, an offer or a truce doubts no account.
        ("The Veldorian Army has rejected a Kordian proposal for talks.", .claimed),
        ("The Veldorian Army dismissed its commander in Saraqib.", .claimed),
    ])
    func aRejectedAccountIsDisputedARejectedProposalIsNot(_ next: String, _ status: ClaimStatus) throws {
        let events = try Self.events("Red Hand Front claimed that it shelled an army post in Saraqib on Monday. " + next)
        let shelling = try #require(events.first)
        #expect(shelling.claimStatus == status)
    }

    @Test func fightingDatedOnlyByAYearLongPastIsHistory() throws {
        // Published 2021-03-10: a year in the past frames history, not an event of the report.
        let events = try Self.events("Kordian jets struck Saraqib on Monday. The area saw heavy clashes between the Veldorian Army and Red Hand Front in 2018.")
        #expect(events.count == 1)
        #expect(events.first?.subEventType == "Air/drone strike")
        let thisYear = try Self.events("Heavy clashes between the Veldorian Army and Red Hand Front broke out in Saraqib in March 2021.")
        #expect(thisYear.count == 1)
    }

    @Test func anEventCondemnedByAProtestIsNotReportedByIt() throws {
        // The strikes are what the crowd condemns, named with their author: the event is the protest.
        let events = try Self.events("Hundreds of protesters rallied in Saraqib on Monday to condemn the Kordian missiles that hit the town.")
        #expect(events.count == 1)
        #expect(events.first?.subEventType == "Peaceful protest")
    }

    @Test(arguments: [
        "Red Hand Front fighters shelled Tell Dam on Tuesday. The town has no hospital. Its school is closed. Spies had sought to use the protests, the Red Hand Front said.",
        "Red Hand Front fighters shelled Tell Dam on Tuesday. The town has no hospital. Its school is closed. The protests were set off by a new tax on bread.",
    ])
    func aDefiniteEventNounOfAKindAlreadyToldRefersBack(_ more: String) throws {
        // The protest was told sentences before, then another event: "the protests" is that protest.
        let events = try Self.events("Hundreds of protesters rallied in Saraqib on Monday. " + more)
        #expect(events.filter { $0.subEventType == "Peaceful protest" }.count == 1)
    }

    @Test func aNameInsideTheObjectsNounPhraseIsNotTheSubjectOfALaterEventWord() throws {
        // "a Kordian military convoy": the name modifies the convoy hit, it does not strike.
        let events = try Self.events("On Monday a car bomb hit a Kordian Army convoy near Saraqib.")
        let bombing = try #require(events.first { $0.subEventType == "Remote explosive/landmine/IED" })
        #expect(bombing.actor1 != "Military Forces of Kordia")
        #expect(bombing.actor2 == "Military Forces of Kordia")
    }

    @Test func aPartysTollOfCiviliansAfterAStrikeIsTheStrikesToll() throws {
        let events = try Self.events("On Monday an air strike hit a Kordian Army convoy near Saraqib. Yad News claimed three civilians were killed there.")
        #expect(events.count == 1)
        #expect(events.first?.fatalities == 3)
    }

    @Test func aSourcesTallyAfterAnEventIsNotTheEventsSource() throws {
        let events = try Self.events("Kordian jets struck Saraqib on Monday. According to Yad News, the jets flew 96 sorties that day.")
        let strike = try #require(events.first)
        #expect(strike.claimedBy == nil)
        #expect(strike.claimStatus == .reported)
        let sourced = try Self.events("Kordian jets struck Saraqib on Monday. According to Yad News, 3 civilians were killed.")
        #expect(sourced.first?.claimedBy == "Yad News")
    }

    @Test func aSentenceOpeningWithTheOperationTellsOfTheEventBefore() throws {
        let events = try Self.events("""
        The Veldorian Army recaptured Saraqib on Monday. The town has no hospital. Its school is closed. \
        The operation involved Kordian jets and lasted an hour.
        """)
        #expect(events.count == 1)
        #expect(events.first?.subEventType == "Government regains territory")
    }

    @Test func aPartysEventsInGeneralAreNoEvent() throws {
        // "its attacks" with no day: the group's attacks in general, a habit, not one happening.
        #expect(try Self.events("Red Hand Front is known to exaggerate the toll of its attacks near Saraqib.").isEmpty)
        #expect(try Self.events("Red Hand Front resumed its attacks on Saraqib on Monday.").count == 1)
    }

    @Test func whatHasBeenGoingOnIsNoEventWithoutADay() throws {
        #expect(try Self.events("Kordian jets have been shelling Zed province, most of which Red Hand Front holds.").isEmpty)
        #expect(try Self.events("Kordian jets have been shelling Saraqib since Monday morning.").count == 1)
    }
}
