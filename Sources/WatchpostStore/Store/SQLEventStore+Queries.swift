import Foundation
import WatchpostCore

extension SQLEventStore {
    public func mergedEvents(_ filter: EventFilter) throws -> [MergedEvent] {
        let (whereSQL, binds) = Self.conditions(filter, day: "day", type: "event_type", admin1: "admin1",
                                                latitude: "latitude", longitude: "longitude")
        return try backend.transaction { db in
            try db.query("SELECT body FROM merged_events \(whereSQL) ORDER BY day, id", binds).map { row in
                try jsonDecoder.decode(MergedEvent.self, from: Data((row["body"].text ?? "{}").utf8))
            }
        }.filter { Self.matches($0, filter) }
    }

    public func mergedEvent(id: String) throws -> MergedEvent? {
        try backend.transaction { db in
            try db.query("SELECT body FROM merged_events WHERE id = ?", [.text(id)]).first.map { row in
                try jsonDecoder.decode(MergedEvent.self, from: Data((row["body"].text ?? "{}").utf8))
            }
        }
    }

    public func reportEvents(_ filter: EventFilter) throws -> [Event] {
        let (whereSQL, binds) = Self.conditions(filter, day: "e.day", type: "e.event_type", admin1: "e.admin1",
                                                latitude: "e.latitude", longitude: "e.longitude")
        return try backend.transaction { db in
            try db.query("""
                SELECT e.body, l.merged_id FROM report_events e
                LEFT JOIN merge_links l ON l.report_id = e.report_id AND l.event_id = e.event_id
                \(whereSQL) ORDER BY e.report_id, e.ordinal
                """, binds).map { try event(from: $0) }
        }.filter { Self.matches($0, filter) }
    }

    /// The filters that map to indexed columns, as bound SQL conditions.
    static func conditions(_ f: EventFilter, day: String, type: String, admin1: String,
                           latitude: String, longitude: String) -> (String, [SQLValue]) {
        var clauses: [String] = []
        var binds: [SQLValue] = []
        if let since = f.since { clauses.append("\(day) >= ?"); binds.append(.int(since.ordinal)) }
        if let until = f.until { clauses.append("\(day) <= ?"); binds.append(.int(until.ordinal)) }
        if let t = f.type { clauses.append("\(type) = ?"); binds.append(.text(t.rawValue)) }
        if let a = f.admin1 { clauses.append("lower(\(admin1)) = ?"); binds.append(.text(a.lowercased())) }
        if let (minLon, minLat, maxLon, maxLat) = f.bbox {
            clauses.append("\(longitude) BETWEEN ? AND ? AND \(latitude) BETWEEN ? AND ?")
            binds += [.double(minLon), .double(maxLon), .double(minLat), .double(maxLat)]
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), binds)
    }

    static func contains(_ haystack: String?, _ needle: String) -> Bool {
        haystack?.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    static func matches(_ m: MergedEvent, _ f: EventFilter) -> Bool {
        if let actor = f.actor {
            let names = [m.actor1, m.actor2] + m.assocActor1 + m.assocActor2 + m.claims.map(\.claimant)
            guard names.contains(where: { contains($0, actor) }) else { return false }
        }
        if let text = f.text, !contains(m.evidence, text), !contains(m.location, text) { return false }
        return true
    }

    static func matches(_ e: Event, _ f: EventFilter) -> Bool {
        if let actor = f.actor {
            let names = [e.actor1, e.actor2] + e.assocActor1 + e.assocActor2
            guard names.contains(where: { contains($0, actor) }) else { return false }
        }
        if let text = f.text, !contains(e.evidence, text), !contains(e.location, text) { return false }
        return true
    }
}
