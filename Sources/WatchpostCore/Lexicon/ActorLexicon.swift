import Foundation

/// The actors a tagger knows, their aliases, and the data of the actor grammar (demonyms, force and
/// weapon nouns, generic references), read from a JSON Lines file.
public struct ActorLexicon: Sendable {
    /// Every actor, in file order.
    public let actors: [Actor]
    /// The country whose generic defaults apply when a tagger is not told one ("the army" → its army).
    public let defaultCountry: String?

    struct Alias: Sendable {
        var phrase: String
        var actorIndices: [Int]
        var caseSensitive: Bool
    }

    struct Demonym: Sendable {
        var form: String
        /// noun class → actor index
        var actorByClass: [String: Int]
    }

    struct Generic: Sendable {
        var form: String
        var kinds: [String]
        /// country → actor index
        var defaults: [String: Int]
        var role: ActorMention.Role?
    }

    let aliases: [Alias]
    let demonyms: [Demonym]
    /// (form, class)
    let nouns: [(form: String, nounClass: String)]
    let generics: [Generic]
    let roles: [ActorMention.Role]
    let indexByID: [String: Int]
    private let indexByName: [String: Int]

    /// The lexicon shipped in Resources/lexicon/actors.jsonl.
    public static func bundled() throws -> ActorLexicon {
        let path = "lexicon/actors.jsonl"
        guard let url = BundledData.url(path) else {
            throw InputError(.unreadable, input: path, message: "bundled actor lexicon not found")
        }
        return try ActorLexicon(jsonl: String(contentsOf: url, encoding: .utf8), source: path)
    }

    public init(jsonl: String) throws {
        try self.init(jsonl: jsonl, source: "actors.jsonl")
    }

    init(jsonl: String, source: String) throws {
        var records: [(line: Int, record: ActorLexiconRecord)] = []
        let decoder = JSONDecoder()
        for (offset, trimmed) in Self.trimmedLines(jsonl).enumerated() {
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            do {
                records.append((offset + 1, try decoder.decode(ActorLexiconRecord.self, from: Data(trimmed.utf8))))
            } catch {
                throw InputError(.malformedJSON, input: source, line: offset + 1, message: "\(error)")
            }
        }

        func day(_ s: String?, _ line: Int, _ field: String) throws -> Day? {
            guard let s else { return nil }
            guard let d = Day(iso: s) else {
                throw InputError(.invalidField, input: source, line: line, message: "\(field) is not an ISO date: \(s)")
            }
            return d
        }

        // Actors first, so that grammar records can name them by id wherever they stand.
        var actors: [Actor] = []
        var roles: [ActorMention.Role] = []
        var indexByID: [String: Int] = [:]
        var aliasRecords: [(index: Int, record: ActorLexiconRecord)] = []
        var defaultCountry: String?
        for (line, r) in records where r.type == nil || r.type == "actor" || r.type == "meta" {
            if r.type == "meta" {
                defaultCountry = r.default_country
                continue
            }
            guard let id = r.id, let name = r.name, let kind = r.kind else {
                throw InputError(.missingField, input: source, line: line, message: "an actor needs id, name and kind")
            }
            guard indexByID[id] == nil else {
                throw InputError(.invalidField, input: source, line: line, message: "duplicate actor id \(id)")
            }
            indexByID[id] = actors.count
            aliasRecords.append((actors.count, r))
            actors.append(Actor(id: id, name: name, kind: kind, country: r.country, affiliation: r.affiliation,
                                sponsor: r.sponsor, side: r.side, isParty: r.party ?? true,
                                validFrom: try day(r.valid_from, line, "valid_from"),
                                validTo: try day(r.valid_to, line, "valid_to"), successor: r.successor))
            roles.append(try Self.role(r.role, defaultFor: kind, source: source, line: line))
        }
        for (line, r) in records {
            for ref in [r.successor, r.type == nil ? r.side : nil].compactMap({ $0 }) where indexByID[ref] == nil {
                throw InputError(.invalidField, input: source, line: line, message: "unknown actor id \(ref)")
            }
        }

        // Aliases: one entry per distinct matching form; an alias shared by several actors keeps all
        // of them and the tagger picks by date.
        var aliasIndex: [String: Int] = [:]
        var aliases: [Alias] = []
        func addAlias(_ phrase: String, _ actor: Int, exact: Bool) {
            let normalized = ActorLexicon.strippingPossessives(phrase)
            let key = (exact ? "=" + normalized : "~") + ActorLexicon.matchKey(normalized)
            if let existing = aliasIndex[key] {
                if !aliases[existing].actorIndices.contains(actor) { aliases[existing].actorIndices.append(actor) }
            } else {
                aliasIndex[key] = aliases.count
                aliases.append(Alias(phrase: normalized, actorIndices: [actor], caseSensitive: exact))
            }
        }
        for (index, r) in aliasRecords {
            addAlias(actors[index].name, index, exact: false)
            for alias in r.aliases ?? [] { addAlias(alias, index, exact: false) }
            for alias in r.exact_aliases ?? [] { addAlias(alias, index, exact: true) }
        }

        // Grammar records.
        var demonyms: [Demonym] = []
        var nouns: [(String, String)] = []
        var generics: [Generic] = []
        for (line, r) in records {
            func actorIndex(_ id: String) throws -> Int {
                guard let i = indexByID[id] else {
                    throw InputError(.invalidField, input: source, line: line, message: "unknown actor id \(id)")
                }
                return i
            }
            switch r.type {
            case "demonym":
                var byClass: [String: Int] = [:]
                for (nounClass, id) in r.actors ?? [:] {
                    if let id { byClass[nounClass] = try actorIndex(id) }
                }
                for form in r.forms ?? [] { demonyms.append(Demonym(form: Self.strippingPossessives(form), actorByClass: byClass)) }
            case "noun":
                guard let nounClass = r.class else {
                    throw InputError(.missingField, input: source, line: line, message: "a noun record needs a class")
                }
                for form in r.forms ?? [] { nouns.append((form, nounClass)) }
            case "generic":
                var defaults: [String: Int] = [:]
                for (country, id) in r.defaults ?? [:] { defaults[country] = try actorIndex(id) }
                let role = try r.role.map { try Self.role($0, defaultFor: "", source: source, line: line) }
                for form in r.forms ?? [] {
                    generics.append(Generic(form: Self.strippingPossessives(form), kinds: r.kinds ?? [], defaults: defaults, role: role))
                }
            case nil, "actor", "meta":
                break
            case let other?:
                throw InputError(.invalidField, input: source, line: line, message: "unknown record type \(other)")
            }
        }

        var indexByName: [String: Int] = [:]
        for alias in aliases { indexByName[Self.matchKey(alias.phrase)] = indexByName[Self.matchKey(alias.phrase)] ?? alias.actorIndices[0] }
        for (i, actor) in actors.enumerated() { indexByName[Self.matchKey(actor.name)] = i }

        self.actors = actors
        self.roles = roles
        self.indexByID = indexByID
        self.indexByName = indexByName
        self.aliases = aliases
        self.demonyms = demonyms
        self.nouns = nouns
        self.generics = generics
        self.defaultCountry = defaultCountry
    }

    /// The actor with this canonical name or alias (case, hyphens and possessives ignored).
    public func actor(named name: String) -> Actor? {
        indexByName[Self.matchKey(Self.strippingPossessives(name))].map { actors[$0] }
    }

    /// The forces a demonym stands for ("Russian" → the Russian military), from the demonym table.
    public func forces(ofDemonym word: String) -> Actor? {
        let key = Self.matchKey(word)
        guard let d = demonyms.first(where: { Self.matchKey($0.form) == key }) else { return nil }
        return (d.actorByClass["force"] ?? d.actorByClass["weapon"]).map { actors[$0] }
    }

    /// The actor with this id.
    public func actor(id: String) -> Actor? { indexByID[id].map { actors[$0] } }

    /// The lines of a JSON Lines text, each trimmed of `.whitespaces`: as splitting the String at "\n"
    /// and `trimmingCharacters(in: .whitespaces)`, which took ~40 M instructions of start-up for the bundled
    /// file. By bytes when no CR is in the text (a CR LF pair is one Character, so the String split keeps it
    /// whole) and a line's ends are ASCII after trimming spaces and tabs; Foundation trims the rest.
    static func trimmedLines(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        guard !bytes.contains(0x0D) else {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        var lines: [String] = []
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var lo = start, hi = end
            while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
            while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
            if lo < hi, bytes[lo] >= 0x80 || bytes[hi - 1] >= 0x80 {
                // A non-ASCII space may stand at an end: Foundation's trimming, on the untrimmed line.
                lines.append(String(decoding: bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces))
            } else {
                lines.append(String(decoding: bytes[lo..<hi], as: UTF8.self))
            }
            start = end + 1
        }
        return lines
    }

    /// The form names are compared on: folded tokens, hyphens dropped.
    static func matchKey(_ phrase: String) -> String {
        Tokenizer.tokenize(phrase).filter { !PhraseMatcher<Int>.isHyphen($0) }.map(\.folded).joined(separator: " ")
    }

    /// "HTS's" → "HTS", "People's Protection Units" → "People Protection Units": the tagger strips
    /// possessives from text tokens, so lexicon phrases are stripped the same way.
    static func strippingPossessives(_ phrase: String) -> String {
        // Most phrases have no apostrophe before an "s": skip the regular expression (slow on Linux,
        // and run for every alias at start-up) unless the bytes hold one.
        let b = Array(phrase.utf8)
        let mayHavePossessive = b.indices.contains { i in
            b[i] == UInt8(ascii: "s") && i > 0
                && (b[i - 1] == UInt8(ascii: "'") || (i >= 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x80 && b[i - 1] == 0x99))
        }
        guard mayHavePossessive else { return phrase }
        return phrase.replacingOccurrences(of: "(?<=\\p{L})['\u{2019}]s\\b", with: "", options: .regularExpression)
    }

    /// The role a kind of actor plays in a report unless its record says otherwise.
    static func role(_ written: String?, defaultFor kind: String, source: String, line: Int) throws -> ActorMention.Role {
        switch written {
        case "actor": return .actor
        case "source": return .source
        case "both": return .both
        case nil:
            switch kind {
            case "monitor", "media", "state_media", "party_media", "local_sources", "rescue", "international_org": return .source
            case "ministry", "government": return .both
            default: return .actor
            }
        case let other?:
            throw InputError(.invalidField, input: source, line: line, message: "unknown role \(other)")
        }
    }
}
