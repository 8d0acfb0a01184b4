import WatchpostCore

/// Analyst corrections. They are stored as constraints between report events, not as edits of
/// merged events, so they hold when later ingests re-merge: a cannot-link keeps two events apart,
/// a must-link puts an event back with its partner.
extension SQLEventStore {
    public func split(_ mergedID: String) throws -> [String] {
        try writeTransaction { db in
            try dropLocalState(in: db)
            let members = try members(of: mergedID, in: db).map(\.event)
            guard !members.isEmpty else { throw StoreError.notFound(mergedID) }
            for (i, a) in members.enumerated() {
                for b in members[(i + 1)...] {
                    try db.execute(Self.forget, Self.pairBinds(a, b) + Self.pairBinds(b, a))
                    try record("cannot_link", a, b, in: db)
                }
            }
            var ids: [String] = []
            for e in members {
                let id = Self.mergedID(founder: e)
                try db.execute("UPDATE merge_links SET merged_id = ?, reason = ? WHERE report_id = ? AND event_id = ?",
                               [.text(id), .text("split out of \(mergedID) by an analyst"), .text(e.doc), .text(e.id)])
                ids.append(id)
            }
            try refresh(merged: mergedID, in: db)
            for id in ids { try refresh(merged: id, in: db) }
            return ids
        }
    }

    public func join(_ first: String, _ second: String) throws -> String {
        try writeTransaction { db in
            try dropLocalState(in: db)
            let a = try members(of: first, in: db).map(\.event)
            let b = try members(of: second, in: db).map(\.event)
            guard !a.isEmpty else { throw StoreError.notFound(first) }
            guard !b.isEmpty else { throw StoreError.notFound(second) }
            for x in a {
                for y in b {
                    try db.execute(Self.forget, Self.pairBinds(x, y) + Self.pairBinds(y, x))
                    try record("must_link", x, y, in: db)
                }
            }
            for y in b {
                try db.execute("UPDATE merge_links SET merged_id = ?, reason = ? WHERE report_id = ? AND event_id = ?",
                               [.text(first), .text("joined from \(second) by an analyst"), .text(y.doc), .text(y.id)])
            }
            try refresh(merged: second, in: db)
            try refresh(merged: first, in: db)
            return first
        }
    }

    static let forget = """
        DELETE FROM corrections WHERE (a_report = ? AND a_event = ? AND b_report = ? AND b_event = ?)
                                   OR (a_report = ? AND a_event = ? AND b_report = ? AND b_event = ?)
        """

    static func pairBinds(_ a: Event, _ b: Event) -> [SQLValue] { [.text(a.doc), .text(a.id), .text(b.doc), .text(b.id)] }

    func record(_ kind: String, _ a: Event, _ b: Event, in db: any SQLExecutor) throws {
        try db.execute("""
            INSERT INTO corrections (kind, a_report, a_event, b_report, b_event, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, [.text(kind)] + Self.pairBinds(a, b) + [.text(Timestamp.now())])
    }
}
