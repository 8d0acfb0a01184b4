import Foundation

/// What an event word signals: a sub-type, or a class the context settles.
enum TriggerSignal: Hashable, Sendable {
    /// One of ACLED's sub-types, by name.
    case subType(String)
    /// A place changing hands: the actor decides Government regains / Non-state actor overtakes.
    case territory
    /// Killing whose type the victims decide: armed → Armed clash, civilians → Attack.
    case killing
    /// Force used on a protest ("dispersed", "tear gas"): Protest with intervention.
    case intervention
}

/// One entry of `lexicon/event_words.tsv`.
struct Trigger: Hashable, Sendable {
    var signal: TriggerSignal
    /// Strong words name an event by themselves; weak ones need an actor, place or toll beside them.
    var isStrong: Bool
}

/// One entry of `lexicon/cues.tsv`.
enum Cue: String, Hashable, Sendable {
    case say, claim, according, by, doubt, routine, confirm, irrealis, negation, background, contrary, suspect
    /// "repelled", "foiled": contrary to a party's claim of what its attack achieved.
    case failedAttack = "failed_attack"
    /// "rejected", "dismissed": doubt when what is rejected is an account (`claimNoun`).
    case reject
    /// "the claim", "the reports": an account that can be doubted.
    case claimNoun = "claim_noun"
    /// "martyred": the speaker's own side's dead.
    case ownLoss = "own_loss"
}

/// The event-word and cue lexicons, compiled into phrase matchers once.
struct EventWords: Sendable {
    let triggers: PhraseMatcher<Trigger>
    let cues: PhraseMatcher<Cue>

    init(eventWordsTSV: String, cuesTSV: String) throws {
        var triggerEntries: [(phrase: String, value: Trigger)] = []
        for (n, cols) in try EventWords.rows(eventWordsTSV, columns: 3, file: "event_words.tsv") {
            let signal: TriggerSignal
            switch cols[1] {
            case "TERRITORY": signal = .territory
            case "KILLING": signal = .killing
            case "INTERVENTION": signal = .intervention
            default:
                guard EventTaxonomy.type(of: cols[1]) != nil else {
                    throw InputError(.invalidField, input: "event_words.tsv", line: n, message: "unknown sub-type \(cols[1])")
                }
                signal = .subType(cols[1])
            }
            triggerEntries.append((cols[0], Trigger(signal: signal, isStrong: cols[2] == "strong")))
        }
        // Verb forms: a past form in the lexicon ("captured", "shelled") also stands as its -ing form
        // ("capturing", "shelling") unless the lexicon lists that form itself.
        let listed = Set(triggerEntries.map { $0.phrase.lowercased() })
        for entry in triggerEntries where !entry.phrase.contains(" ") && entry.phrase.hasSuffix("ed") && entry.phrase.count > 4 {
            let stem = String(entry.phrase.dropLast(entry.phrase.hasSuffix("eed") ? 1 : 2))
            let ing = (stem.hasSuffix("e") && !stem.hasSuffix("ee") ? String(stem.dropLast()) : stem) + "ing"
            if !listed.contains(ing) { triggerEntries.append((ing, entry.value)) }
        }
        var cueEntries: [(phrase: String, value: Cue)] = []
        for (n, cols) in try EventWords.rows(cuesTSV, columns: 2, file: "cues.tsv") {
            guard let cue = Cue(rawValue: cols[1]) else {
                throw InputError(.invalidField, input: "cues.tsv", line: n, message: "unknown cue class \(cols[1])")
            }
            cueEntries.append((cols[0], cue))
        }
        // One word table for both: a sentence's tokens are looked up once (`ids(of:)`) for the two matchers.
        var table = WordTable()
        triggers = PhraseMatcher(triggerEntries).interned(into: &table)
        cues = PhraseMatcher(cueEntries).interned(into: &table)
        self.table = table
    }

    /// The words of both matchers (the triggers' ids are those of this table: interning only adds).
    let table: WordTable

    /// The sentence's tokens' ids in `table`, for `triggers` and `cues` alike.
    func ids(of tokens: [Token]) -> [WordID] { table.ids(of: tokens) }

    static func bundled() throws -> EventWords {
        func read(_ name: String) throws -> String {
            guard let url = BundledData.url("lexicon/\(name)") else {
                throw InputError(.unreadable, input: name, message: "bundled lexicon file missing")
            }
            return try String(contentsOf: url, encoding: .utf8)
        }
        return try EventWords(eventWordsTSV: read("event_words.tsv"), cuesTSV: read("cues.tsv"))
    }

    /// Non-comment rows of a TSV with at least `columns` fields, with their 1-based line numbers.
    static func rows(_ text: String, columns: Int, file: String) throws -> [(Int, [String])] {
        var out: [(Int, [String])] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cols.count >= columns else {
                throw InputError(.invalidField, input: file, line: i + 1, message: "expected \(columns) tab-separated columns")
            }
            out.append((i + 1, cols))
        }
        return out
    }
}
