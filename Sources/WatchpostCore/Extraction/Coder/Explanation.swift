/// What the taggers saw in one sentence: the inspectable trace behind `watchpost explain`.
public struct SentenceExplanation: Sendable, Codable {
    public var index: Int
    public var text: String
    public var triggers: [String]
    public var cues: [String]
    public var actors: [String]
    public var places: [String]
    public var dates: [String]
    public var casualties: [String]
}

extension EventCoder {
    /// The tags of every sentence, in order, with the date and places in force as the coder sees them.
    public func explain(_ prepared: PreparedDocument) -> [SentenceExplanation] {
        let run = DocumentRun(prepared: prepared, coder: self)
        var out: [SentenceExplanation] = []
        for (position, sentence) in prepared.sentences.enumerated() {
            let t = run.tag(sentence, position: position)
            func words(_ r: Range<Int>) -> String { t.tokens[r].map(\.text).joined(separator: " ") }
            out.append(SentenceExplanation(
                index: sentence.index, text: sentence.text,
                triggers: t.triggers.map { "\(words($0.tokenRange)) → \(SubTypeRules.key($0.value.signal))\($0.value.isStrong ? "" : " (weak)")" },
                cues: t.cues.map { "\(words($0.tokenRange)) → \($0.value.rawValue)" },
                actors: t.actors.map { "\(words($0.tokenRange)) → \($0.actor.name) [\($0.actor.kind)\($0.isGeneric ? ", generic" : "")]" },
                places: t.places.map { p in
                    "\(words(p.tokenRange)) → " + (p.resolved.map { "\($0.location) (\($0.admin1 ?? "?"), p\($0.precision.rawValue)) \($0.reason)" } ?? "unresolved")
                },
                dates: t.dates.map { "\(words($0.tokenRange)) → \($0.start?.iso ?? "?")\($0.end.map { "..\($0.iso)" } ?? "") p\($0.precision.rawValue) \($0.anchor)" },
                casualties: t.casualties.map { "\(words($0.tokenRange)) → \($0.outcome.rawValue) \($0.count.map(String.init) ?? "?")" }
            ))
            run.read(sentence, position: position)
        }
        return out
    }
}
