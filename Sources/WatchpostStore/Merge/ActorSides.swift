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
        var sideOf: [String: String] = [:]
        for (actor, side) in table.sorted(by: { $0.key < $1.key }) {
            sideOf[Self.normalized(actor)] = side
            // "NDF: National Defence Forces" is also written without its acronym.
            if let colon = actor.range(of: ": ") {
                let long = Self.normalized(String(actor[colon.upperBound...]))
                if sideOf[long] == nil { sideOf[long] = side }
            }
        }
        self.sideOf = sideOf
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

    /// The side of an actor whose name is already `normalized`.
    func side(normalized key: String) -> String { sideOf[key] ?? key }

    /// Lower-cased letters and digits only. ASCII names (most) take a byte loop: there the letters
    /// are A–Z and a–z and the numbers 0–9 (as `Character` sees them), and lower-casing is a–z;
    /// the Character path was most of profiling an event for the merger (perf: ~10 % of the ingest).
    static func normalized(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
            case 0x80...: return unicodeNormalized(name)
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The general path of `normalized`.
    static func unicodeNormalized(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0.isNumber }
    }
}
