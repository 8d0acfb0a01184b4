import ArgumentParser
import Foundation
import WatchpostCore
import WatchpostStore

/// `--db`: the store the command works on.
struct StoreOptions: ParsableArguments {
    @Option(help: "The store: a SQLite file (created on first use) or postgres://user@host/db.")
    var db: String = "watchpost.sqlite"

    func open() throws -> any EventStore { try openStore(db) }
}

/// The filters of `events` and `export`.
struct FilterOptions: ParsableArguments {
    @Option(help: "Events on or after this day (YYYY-MM-DD).") var since: String?
    @Option(help: "Events on or before this day (YYYY-MM-DD).") var until: String?
    @Option(help: "Event type, e.g. Battles.") var type: String?
    @Option(help: "An actor's name, or part of it.") var actor: String?
    @Option(help: "Governorate / first-level region.") var admin1: String?
    @Option(help: "minLon,minLat,maxLon,maxLat") var bbox: String?
    @Option(help: "Words in the evidence or place name.") var text: String?

    func filter() throws -> EventFilter {
        func day(_ s: String?, _ name: String) throws -> Day? {
            guard let s else { return nil }
            guard let d = Day(iso: s) else { throw ValidationError("--\(name) must be YYYY-MM-DD, not '\(s)'") }
            return d
        }
        var f = EventFilter(since: try day(since, "since"), until: try day(until, "until"), actor: actor, admin1: admin1, text: text)
        if let type {
            guard let t = EventType.allCases.first(where: { $0.rawValue.lowercased() == type.lowercased() }) else {
                throw ValidationError("--type must be one of: \(EventType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            f.type = t
        }
        if let bbox {
            let v = bbox.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard v.count == 4 else { throw ValidationError("--bbox must be minLon,minLat,maxLon,maxLat") }
            f.bbox = (v[0], v[1], v[2], v[3])
        }
        return f
    }
}

extension ExportFormat: ExpressibleByArgument {}

enum StandardError {
    static func write(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
