import Foundation
import WatchpostCore

/// Which side each actor fights on (Resources/actor_sides.tsv): two reports of one happening may
/// name the same side differently, and an unidentified actor says nothing either way.
struct ActorSides: Sendable {
    static let unknown = "unknown"
    /// The side of civilian victims, whom partisan reports often describe as fighters.
    static let civilians = "civilians"
    private var sideOf: [String: String]

    init(table: [String: String]) {
        sideOf = Dictionary(table.map { (Self.normalized($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads `actor<TAB>side` lines; `#` starts a comment.
    init(tsv: String) {
        var table: [String: String] = [:]
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.count >= 2 { table[fields[0]] = fields[1] }
        }
        self.init(table: table)
    }

    /// The bundled table, or an empty one (every actor its own side) when it cannot be read.
    static func bundled() -> ActorSides {
        guard let url = Bundle.module.url(forResource: "Resources/actor_sides", withExtension: "tsv")
                ?? Bundle.module.resourceURL?.appendingPathComponent("Resources/actor_sides.tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return ActorSides(table: [:]) }
        return ActorSides(tsv: text)
    }

    /// The side of an actor: its table entry, else the actor's own normalized name.
    func side(of actor: String) -> String {
        let key = Self.normalized(actor)
        return sideOf[key] ?? key
    }

    /// The known sides of an event's two actors (unknown and unnamed ones left out). Allies named
    /// alongside are left out: they would make almost any two events of one front look alike.
    func sides(of event: Event) -> Set<String> {
        var out = Set<String>()
        for actor in [event.actor1, event.actor2].compactMap({ $0 }) {
            let side = side(of: actor)
            if side != Self.unknown { out.insert(side) }
        }
        return out
    }

    static func normalized(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
