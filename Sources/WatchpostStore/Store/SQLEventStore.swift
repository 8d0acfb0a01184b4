import Foundation
import WatchpostCore

/// The store's logic over SQL, shared by both backends. Each public call is one transaction.
public class SQLEventStore: EventStore, @unchecked Sendable {
    let backend: any SQLBackend
    let rules: MergeRules
    let jsonEncoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()
    let jsonDecoder = JSONDecoder()
    let decodedEvents = DecodedEventCache()
    /// The in-process candidate index and member lists (SQLite, one writer); nil: everything through SQL.
    let local: LocalMergeState?

    init(backend: any SQLBackend, rules: MergeRules, local: LocalMergeState? = nil) throws {
        self.backend = backend
        self.rules = rules
        self.local = local
        try Migrations.migrate(backend)
        try CandidateWindows.refreshIfRulesChanged(backend, decoder: jsonDecoder)
    }

    public func close() { backend.close() }

    public func contains(contentHash: String) throws -> Bool {
        try backend.transaction { db in
            try !db.query("SELECT id FROM reports WHERE content_hash = ?", [.text(contentHash)]).isEmpty
        }
    }

    public func ingest(_ document: Document, events: [Event]) throws -> IngestOutcome {
        try writeTransaction { db in try ingest(document, events: events, in: db) }
    }

    public func ingest(batch: [(document: Document, events: [Event])]) throws -> [IngestOutcome] {
        try writeTransaction { db in try batch.map { try ingest($0.document, events: $0.events, in: db) } }
    }

    /// A transaction that writes links or merged events: the in-process state is checked against
    /// other writers first, and dropped when the transaction fails (its changes were rolled back).
    func writeTransaction<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        do {
            return try backend.transaction { db in
                try local?.revalidate(db)
                let result = try body(db)
                try flushRefreshes(in: db)
                return result
            }
        } catch {
            local?.reset()
            throw error
        }
    }

    public func storedContentHashes(_ hashes: [String]) throws -> Set<String> {
        guard !hashes.isEmpty else { return [] }
        return try backend.transaction { db in
            var found = Set<String>()
            // Chunks keep the statement under every backend's limit on bound values.
            for start in stride(from: 0, to: hashes.count, by: 500) {
                let chunk = Array(hashes[start..<min(start + 500, hashes.count)])
                for row in try db.query("SELECT content_hash FROM reports WHERE content_hash IN (\(placeholders(chunk.count)))",
                                        chunk.map(SQLValue.text)) {
                    if let h = row["content_hash"].text { found.insert(h) }
                }
            }
            return found
        }
    }

    public func counts() throws -> StoreCounts {
        try backend.transaction { db in
            StoreCounts(reports: try db.scalar("SELECT COUNT(*) AS n FROM reports").int ?? 0,
                        events: try db.scalar("SELECT COUNT(*) AS n FROM report_events").int ?? 0,
                        mergedEvents: try db.scalar("SELECT COUNT(*) AS n FROM merged_events").int ?? 0)
        }
    }

    // MARK: ingest, inside one transaction

    func ingest(_ document: Document, events: [Event], in db: any SQLExecutor) throws -> IngestOutcome {
        let hash = ContentHash.of(document)
        let existing = try db.query("SELECT content_hash FROM reports WHERE id = ?", [.text(document.id)]).first
        if existing?["content_hash"].text == hash { return .unchanged }
        if let other = try db.query("SELECT id FROM reports WHERE content_hash = ?", [.text(hash)]).first?["id"].text {
            return .duplicate(of: other)
        }
        if existing != nil {
            // Rare: a changed report rewrites links wholesale; the in-process state starts over.
            try dropLocalState(in: db)
            try removeEvents(ofReport: document.id, in: db)
            try db.execute("DELETE FROM reports WHERE id = ?", [.text(document.id)])
        }
        let ingestedAt = Timestamp.now()
        try db.execute("""
            INSERT INTO reports (id, content_hash, outlet, published, url, title, format, ingested_at, raw_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(document.id), .text(hash), SQLValue(document.outlet), SQLValue(document.published?.iso),
                  SQLValue(document.url), SQLValue(document.title), .text(document.format.rawValue),
                  .text(ingestedAt), .text(document.text)])
        let stored = Self.prepared(events, of: document)
        // What the merger derives from each event, once: the index keeps it, the merge uses it.
        let profiles = stored.map(rules.profile(of:))
        try insert(stored, profiles: profiles, in: db)
        try merge(stored, profiles: profiles, report: ReportStamp(id: document.id, published: document.published?.iso, ingested: ingestedAt), in: db)
        return existing == nil ? .added(events: stored.count) : .replaced(events: stored.count)
    }

    /// The events as stored: owned by the document, its outlet filled in, ids unique within it.
    static func prepared(_ events: [Event], of document: Document) -> [Event] {
        var seen = Set<String>()
        return events.enumerated().map { index, event in
            var e = event
            e.doc = document.id
            e.outlet = e.outlet ?? document.outlet
            e.mergedID = nil
            if e.id.isEmpty || seen.contains(e.id) { e.id = "\(document.id)-\(index + 1)" }
            seen.insert(e.id)
            return e
        }
    }

    /// Writes a report's events: its rows in `report_events`, `claims` and `event_cells`, a few
    /// multi-row statements per report instead of five statements per event (each statement's
    /// binding and stepping was a good part of writing an event), and adds them to the in-process index.
    func insert(_ events: [Event], profiles: [MergeProfile], in db: any SQLExecutor) throws {
        var eventRows: [[SQLValue]] = [], claimRows: [[SQLValue]] = [], cellRows: [[SQLValue]] = []
        var indexed: [(event: Event, ordinal: Int, rows: [RecentEventsIndex.CellRow])] = []
        for (ordinal, e) in events.enumerated() {
            let body = try StoredJSON.event(e) ?? String(decoding: try jsonEncoder.encode(e), as: UTF8.self)
            eventRows.append([.text(e.doc), .text(e.id), .int(ordinal), SQLValue(e.date?.ordinal), .text(e.eventType.rawValue),
                              .text(e.subEventType), SQLValue(e.actor1), SQLValue(e.actor2), SQLValue(e.location),
                              SQLValue(e.admin1), SQLValue(e.latitude), SQLValue(e.longitude), .text(body)])
            claimRows.append([.text(e.doc), .text(e.id), SQLValue(e.outlet), SQLValue(e.claimedBy), .text(e.claimStatus.rawValue),
                              SQLValue(e.fatalities), SQLValue(e.fatalitiesQualifier?.rawValue)])
            // Undated events are not indexed: with no day they can never be matched safely.
            if let day = e.date?.ordinal, let window = MergeRules.window(e) {
                let key = EventKey(report: e.doc, event: e.id)
                let rows = LocationCells.keys(of: e).map {
                    RecentEventsIndex.CellRow(key: key, cell: $0, day: day, start: window.lowerBound, end: window.upperBound,
                                              tier: CandidateWindows.tier(of: window))
                }
                for row in rows {
                    cellRows.append([.text(e.doc), .text(e.id), .text(row.cell), .int(day), .int(row.start), .int(row.end), .int(row.tier)])
                }
                indexed.append((e, ordinal, rows))
            }
        }
        try Self.insertRows(into: "report_events (report_id, event_id, ordinal, day, event_type, sub_event_type, actor1, actor2, location, admin1, latitude, longitude, body)",
                            eventRows, in: db)
        try Self.insertRows(into: "claims (report_id, event_id, outlet, claimant, status, fatalities, fatalities_qualifier)",
                            claimRows, in: db)
        try Self.insertRows(into: "event_cells (report_id, event_id, cell, day, window_start, window_end, window_tier)",
                            cellRows, in: db)
        if let index = local?.index {
            for (e, ordinal, rows) in indexed {
                index.add(e, profile: profiles[ordinal], ordinal: ordinal, merged: nil, consensusKnown: false,
                          consensusDay: nil, rows: rows)
            }
        }
    }

    /// `INSERT INTO table (columns) VALUES (…), (…)`, up to 50 rows a statement (well under every
    /// backend's limit on bound values); rows all of one width.
    static func insertRows(into tableAndColumns: String, _ rows: [[SQLValue]], in db: any SQLExecutor) throws {
        guard let width = rows.first?.count else { return }
        let tuple = "(" + placeholders(width) + ")"
        for start in stride(from: 0, to: rows.count, by: 50) {
            let chunk = rows[start..<min(start + 50, rows.count)]
            try db.execute("INSERT INTO \(tableAndColumns) VALUES " + Array(repeating: tuple, count: chunk.count).joined(separator: ", "),
                           Array(chunk.joined()))
        }
    }

    /// Removes a report's events (a changed report): its links go, the merged events they were in
    /// are recomputed, or deleted when nothing is left in them.
    func removeEvents(ofReport report: String, in db: any SQLExecutor) throws {
        let touched = Set(try db.query("SELECT merged_id FROM merge_links WHERE report_id = ?", [.text(report)])
            .compactMap { $0["merged_id"].text })
        for table in ["merge_links", "event_cells", "claims", "report_events"] {
            try db.execute("DELETE FROM \(table) WHERE report_id = ?", [.text(report)])
        }
        for merged in touched.sorted() { try refresh(merged: merged, in: db) }
    }

    // MARK: reading rows

    func event(from row: SQLRow) throws -> Event {
        var e = try decodedEvents.event(fromJSON: row["body"].text ?? "{}")
        e.mergedID = row["merged_id"].text
        return e
    }

    /// The members of a merged event with the publication day and ingest time of their reports.
    func members(of merged: String, in db: any SQLExecutor) throws -> [MergedMembersCache.Member] {
        try db.query("""
            SELECT e.body, e.ordinal, l.merged_id, l.reason, r.published, r.ingested_at
            FROM merge_links l
            JOIN report_events e ON e.report_id = l.report_id AND e.event_id = l.event_id
            JOIN reports r ON r.id = l.report_id
            WHERE l.merged_id = ?
            ORDER BY l.report_id, e.ordinal
            """, [.text(merged)]).map { row in
            MergedMembersCache.Member(event: try event(from: row), ordinal: row["ordinal"].int ?? 0, reason: row["reason"].text ?? "",
                                      published: row["published"].text, ingested: row["ingested_at"].text ?? "")
        }
    }
}

/// SQLite through GRDB: the embedded default (`--db watchpost.sqlite`, created on first use).
public final class SQLiteEventStore: SQLEventStore, @unchecked Sendable {
    /// A file path, or `:memory:`.
    public init(path: String) throws {
        try super.init(backend: try SQLiteBackend(path: path), rules: MergeRules(), local: LocalMergeState())
    }

    /// `inProcessIndex: false` searches candidates and reads members through SQL on every event, as
    /// the PostgreSQL store does: the same merges, slower (the bench's comparison row).
    public init(path: String, inProcessIndex: Bool) throws {
        try super.init(backend: try SQLiteBackend(path: path), rules: MergeRules(), local: inProcessIndex ? LocalMergeState() : nil)
    }

    /// `local: nil` merges through SQL alone, as PostgreSQL does (tests compare the two).
    init(path: String, rules: MergeRules, local: LocalMergeState? = LocalMergeState()) throws {
        try super.init(backend: try SQLiteBackend(path: path), rules: rules, local: local)
    }
}

/// PostgreSQL through postgres-nio (`--db postgres://user@host/db`); also a shared ingest queue.
public final class PostgresEventStore: SQLEventStore, @unchecked Sendable {
    public init(url: String) throws {
        try super.init(backend: try PostgresBackend(url: url), rules: MergeRules())
    }

    init(url: String, rules: MergeRules) throws {
        try super.init(backend: try PostgresBackend(url: url), rules: rules)
    }
}
