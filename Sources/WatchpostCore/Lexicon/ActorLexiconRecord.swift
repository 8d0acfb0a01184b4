/// One line of actors.jsonl as written. The file holds four record types (see actors.PROVENANCE.md):
/// actors (no "type"), "demonym", "noun" and "generic" (the grammar's data), and one "meta".
struct ActorLexiconRecord: Decodable {
    var type: String?
    // actor
    var id: String?
    var name: String?
    var aliases: [String]?
    var exact_aliases: [String]?
    var shared_aliases: [String]?
    var kind: String?
    var country: String?
    var affiliation: String?
    var sponsor: String?
    var valid_from: String?
    var valid_to: String?
    var successor: String?
    var side: String?
    var party: Bool?
    var role: String?
    // grammar
    var forms: [String]?
    var actors: [String: String?]?
    var `class`: String?
    var kinds: [String]?
    var defaults: [String: String]?
    // meta
    var default_country: String?
}
