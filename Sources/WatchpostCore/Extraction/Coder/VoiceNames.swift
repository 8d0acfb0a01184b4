import Foundation

/// What a party's own media mean by the class words they call their enemy: in a government's own
/// voice "terrorists" are the armed opposition, in another party's voice another enemy. Read from
/// lexicon/voice_names.tsv: phrase <TAB> the actor whose side the voice speaks for <TAB> the actor
/// the phrase names in that voice. Outside that voice the same word names no one in particular.
struct VoiceNames: Sendable {
    struct Row: Sendable {
        var voice: String
        var actor: String
    }

    /// Rows by lower-cased phrase.
    let rows: [String: [Row]]

    init() { rows = [:] }

    init(tsv: String) throws {
        var rows: [String: [Row]] = [:]
        for (_, cols) in try EventWords.rows(tsv, columns: 3, file: "voice_names.tsv") {
            rows[cols[0].lowercased(), default: []].append(Row(voice: cols[1], actor: cols[2]))
        }
        self.rows = rows
    }

    static func bundled() throws -> VoiceNames {
        guard let url = BundledData.url("lexicon/voice_names.tsv") else {
            throw InputError(.unreadable, input: "voice_names.tsv", message: "bundled lexicon file missing")
        }
        return try VoiceNames(tsv: String(contentsOf: url, encoding: .utf8))
    }

    /// The actor `phrase` names when the outlet speaks for `voiceSide` (a side id), or nil.
    func actor(for phrase: String, voiceSide: String, in lexicon: ActorLexicon) -> Actor? {
        guard let candidates = rows[phrase.lowercased()] else { return nil }
        for row in candidates {
            guard let voice = lexicon.actor(named: row.voice), (voice.side ?? voice.id) == voiceSide else { continue }
            return lexicon.actor(named: row.actor)
        }
        return nil
    }
}
