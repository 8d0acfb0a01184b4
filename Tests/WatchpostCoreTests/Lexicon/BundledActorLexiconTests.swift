import Foundation
import Testing
@testable import WatchpostCore

/// The real actors.jsonl: it loads, its ids and aliases are sound, and it covers actors.tsv.
@Suite struct BundledActorLexiconTests {
    static func lines() throws -> [[String: Any]] {
        let url = try #require(BundledData.url("lexicon/actors.jsonl"))
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func everyLineParsesAndLoads() throws {
        let lexicon = try ActorLexicon.bundled()
        let actorLines = try Self.lines().filter { $0["type"] == nil }
        #expect(lexicon.actors.count == actorLines.count)
        #expect(lexicon.actors.count >= 90)
        #expect(Set(lexicon.actors.map(\.id)).count == lexicon.actors.count)
    }

    @Test func aliasesAreUniqueUnlessFlagged() throws {
        var owners: [String: Set<String>] = [:]   // match key → actor ids
        var flagged: [String: Set<String>] = [:]  // match key → ids that flag it as shared
        for line in try Self.lines() where line["type"] == nil {
            let id = try #require(line["id"] as? String)
            let forms = [line["name"] as? String].compactMap { $0 } + (line["aliases"] as? [String] ?? [])
            for form in forms + (line["exact_aliases"] as? [String] ?? []) {
                owners[ActorLexicon.matchKey(ActorLexicon.strippingPossessives(form)), default: []].insert(id)
            }
            for form in line["shared_aliases"] as? [String] ?? [] {
                flagged[ActorLexicon.matchKey(ActorLexicon.strippingPossessives(form)), default: []].insert(id)
            }
        }
        let clashes = owners.filter { $0.value.count > 1 && flagged[$0.key] != $0.value }
        #expect(clashes.isEmpty, "aliases of several actors not flagged shared: \(clashes)")
    }

    @Test func everyVoiceNameRowNamesActorsOfTheLexicon() throws {
        let lexicon = try ActorLexicon.bundled()
        let names = try VoiceNames.bundled()
        #expect(names.rows.count >= 5)
        for (phrase, rows) in names.rows {
            for row in rows {
                #expect(lexicon.actor(named: row.voice) != nil, "voice of \(phrase): \(row.voice)")
                #expect(lexicon.actor(named: row.actor)?.name == row.actor, "actor of \(phrase): \(row.actor)")
            }
        }
    }

    @Test func canonicalNamesOfTheEvaluationResolve() throws {
        guard let url = SharedData.url("eval/actors.tsv") else { return }  // shared data absent: nothing to compare
        let lexicon = try ActorLexicon.bundled()
        let names = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: "\t").first.map(String.init) }
        #expect(names.count > 40)
        let missing = names.filter { lexicon.actor(named: $0)?.name != $0 }
        #expect(missing.isEmpty, "not in the lexicon under that name: \(missing)")
    }

    @Test(arguments: [
        ("Syrian and Russian jets struck Ariha.", "2019-06-01", ["Military Forces of Syria", "Military Forces of Russia"]),
        ("IS cells attacked an SDF post.", "2021-03-01", ["Islamic State", "Syrian Democratic Forces"]),
        ("It is said the tip came late.", "2021-03-01", []),
        ("Jabhat al-Nusra fighters attacked.", "2019-01-01", ["Hayat Tahrir al-Sham"]),
        ("Jabhat al-Nusra fighters attacked.", "2014-01-01", ["Jabhat al-Nusra"]),
        ("General Security forces raided the village.", "2025-03-01", ["Police Forces of Syria (2024-)"]),
        ("Turkish drones hit a YPG position, the Observatory said.", "2020-01-01",
         ["Military Forces of Turkey", "YPG: People's Protection Units", "Syrian Observatory for Human Rights"]),
        ("US-led coalition aircraft struck an ISIS convoy.", "2017-01-01",
         ["Military Forces of the United States", "Islamic State"]),
    ])
    func realSentences(sentence: String, date: String, expected: [String]) throws {
        let tagger = ActorTagger(lexicon: try ActorLexicon.bundled())
        let names = tagger.mentions(in: Tokenizer.tokenize(sentence), on: Day(iso: date)).filter { !$0.isGeneric }.map(\.actor.name)
        #expect(names == expected)
    }
}
