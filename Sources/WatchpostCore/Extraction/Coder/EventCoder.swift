import Foundation

/// Codes events from a prepared document: one event per place, day and actor pair, with its
/// date, actors, place, fatalities and claim (DESIGN.md: the EventCoder stage).
public struct EventCoder: EventExtracting {
    let tagger: SentenceTagger
    let lexicon: ActorLexicon
    let roles: ActorRoleFinder
    let voice: OutletVoice
    let voiceNames: VoiceNames
    /// The theatre's class actors, looked up once: the unnamed perpetrator, civilians, crowds.
    let unidentified: Actor?
    let civilians: Actor?
    let protesters: Actor?
    let rioters: Actor?

    public static func standard() throws -> EventCoder {
        let gazetteer = try Gazetteer.bundled()
        let lexicon = try ActorLexicon.bundled()
        return try EventCoder(words: .bundled(), lexicon: lexicon, geocoder: Geocoder(gazetteer: gazetteer),
                              dates: .bundled(), casualties: .bundled(), victimNouns: bundledVictimNouns(),
                              voice: .bundled(), voiceNames: .bundled())
    }

    init(words: EventWords, lexicon: ActorLexicon, geocoder: Geocoder, dates: DateResolver, casualties: CasualtyFinder,
         victimNouns: [String: ActorRoleFinder.VictimClass], voice: OutletVoice, voiceNames: VoiceNames = VoiceNames()) {
        self.lexicon = lexicon
        self.voice = voice
        self.voiceNames = voiceNames
        unidentified = lexicon.actor(named: "unidentified armed group")
        civilians = lexicon.actor(named: "civilians")
        protesters = lexicon.actor(named: "protesters")
        rioters = lexicon.actor(named: "rioters")
        self.tagger = SentenceTagger(words: words, actors: ActorTagger(lexicon: lexicon), geocoder: geocoder,
                                     dates: dates, casualties: casualties)
        self.roles = ActorRoleFinder(victimNouns: victimNouns)
    }

    static func bundledVictimNouns() throws -> [String: ActorRoleFinder.VictimClass] {
        guard let url = BundledData.url("lexicon/victims.tsv") else {
            throw InputError(.unreadable, input: "victims.tsv", message: "bundled lexicon file missing")
        }
        var out: [String: ActorRoleFinder.VictimClass] = [:]
        for (n, cols) in try EventWords.rows(String(contentsOf: url, encoding: .utf8), columns: 2, file: "victims.tsv") {
            guard let cls = ActorRoleFinder.VictimClass(rawValue: cols[1]) else {
                throw InputError(.invalidField, input: "victims.tsv", line: n, message: "unknown class \(cols[1])")
            }
            out[Tokenizer.fold(cols[0])] = cls
        }
        return out
    }

    /// No perpetrator named, or the unnamed one.
    func isUnnamed(_ actor1: String?) -> Bool { actor1 == nil || actor1 == unidentified?.name }

    public func events(in prepared: PreparedDocument) -> (events: [Event], findings: [Finding]) {
        let run = DocumentRun(prepared: prepared, coder: self)
        for (position, sentence) in prepared.sentences.enumerated() {
            run.read(sentence, position: position)
        }
        return run.finish()
    }
}
