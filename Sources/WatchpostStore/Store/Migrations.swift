import Foundation

/// The schema, as named migrations applied in order and recorded in `schema_migrations`.
///
/// Append-only: a migration once released is never edited; a change is a new migration at the end.
/// The SQL is the common ground of SQLite and PostgreSQL (TEXT, BIGINT, DOUBLE PRECISION).
enum Migrations {
    struct Migration {
        var name: String
        var statements: [String]
    }

    static let all: [Migration] = [
        Migration(name: "001_reports_events_claims", statements: [
            """
            CREATE TABLE reports (
                id TEXT PRIMARY KEY, content_hash TEXT NOT NULL, outlet TEXT, published TEXT, url TEXT,
                title TEXT, format TEXT NOT NULL, ingested_at TEXT NOT NULL, raw_text TEXT NOT NULL)
            """,
            "CREATE UNIQUE INDEX reports_content_hash ON reports (content_hash)",
            """
            CREATE TABLE report_events (
                report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE, event_id TEXT NOT NULL,
                ordinal BIGINT NOT NULL, day BIGINT, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
                actor1 TEXT, actor2 TEXT, location TEXT, admin1 TEXT,
                latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, body TEXT NOT NULL,
                PRIMARY KEY (report_id, event_id))
            """,
            "CREATE INDEX report_events_day ON report_events (day)",
            """
            CREATE TABLE claims (
                report_id TEXT NOT NULL, event_id TEXT NOT NULL, outlet TEXT, claimant TEXT, status TEXT NOT NULL,
                fatalities BIGINT, fatalities_qualifier TEXT,
                PRIMARY KEY (report_id, event_id),
                FOREIGN KEY (report_id, event_id) REFERENCES report_events (report_id, event_id) ON DELETE CASCADE)
            """,
        ]),
        Migration(name: "002_merged_events", statements: [
            """
            CREATE TABLE merged_events (
                id TEXT PRIMARY KEY, day BIGINT, event_type TEXT NOT NULL, admin1 TEXT,
                latitude DOUBLE PRECISION, longitude DOUBLE PRECISION, report_count BIGINT NOT NULL,
                fatalities_low BIGINT, fatalities_best BIGINT, fatalities_high BIGINT,
                first_reported TEXT, last_updated TEXT, body TEXT NOT NULL)
            """,
            "CREATE INDEX merged_events_day ON merged_events (day)",
            """
            CREATE TABLE merge_links (
                report_id TEXT NOT NULL, event_id TEXT NOT NULL, merged_id TEXT NOT NULL, reason TEXT NOT NULL,
                PRIMARY KEY (report_id, event_id),
                FOREIGN KEY (report_id, event_id) REFERENCES report_events (report_id, event_id) ON DELETE CASCADE)
            """,
            "CREATE INDEX merge_links_merged ON merge_links (merged_id)",
            // The candidate index: each event under its coarse location keys and day.
            """
            CREATE TABLE event_cells (
                report_id TEXT NOT NULL, event_id TEXT NOT NULL, cell TEXT NOT NULL, day BIGINT NOT NULL,
                PRIMARY KEY (report_id, event_id, cell),
                FOREIGN KEY (report_id, event_id) REFERENCES report_events (report_id, event_id) ON DELETE CASCADE)
            """,
            "CREATE INDEX event_cells_search ON event_cells (cell, day)",
        ]),
        Migration(name: "003_corrections", statements: [
            // Analyst corrections as constraints between report events: must_link or cannot_link.
            """
            CREATE TABLE corrections (
                kind TEXT NOT NULL, a_report TEXT NOT NULL, a_event TEXT NOT NULL,
                b_report TEXT NOT NULL, b_event TEXT NOT NULL, created_at TEXT NOT NULL,
                PRIMARY KEY (a_report, a_event, b_report, b_event))
            """,
            "CREATE INDEX corrections_b ON corrections (b_report, b_event)",
        ]),
        Migration(name: "004_ingest_queue", statements: [
            // Reports waiting for a worker (PostgreSQL scale-out); processed rows stay as a record.
            """
            CREATE TABLE ingest_queue (
                content_hash TEXT PRIMARY KEY, report_id TEXT NOT NULL, document TEXT NOT NULL,
                status TEXT NOT NULL, attempts BIGINT NOT NULL, worker TEXT, enqueued_at TEXT NOT NULL)
            """,
            "CREATE INDEX ingest_queue_pending ON ingest_queue (status, report_id)",
        ]),
        Migration(name: "005_candidate_windows", statements: [
            // Each indexed event's date window (MergeRules.window), so that candidate search reads
            // only events whose windows overlap, not every event within the search slack. Rows of
            // older stores are filled by CandidateWindows.refreshIfRulesChanged on open.
            "ALTER TABLE event_cells ADD COLUMN window_start BIGINT",
            "ALTER TABLE event_cells ADD COLUMN window_end BIGINT",
            "CREATE INDEX event_cells_window ON event_cells (cell, day, window_start, window_end, report_id, event_id)",
            "DROP INDEX event_cells_search",
            // A merged event's consensus day, kept at each refresh, so that a candidate merged event
            // is checked against it without reading its members. consensus_known = 0: written
            // before this column existed (computed from the members then).
            "ALTER TABLE merged_events ADD COLUMN consensus_day BIGINT",
            "ALTER TABLE merged_events ADD COLUMN consensus_known BIGINT NOT NULL DEFAULT 0",
            // Small facts about the store itself, such as which window rules its index was built with.
            "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            // The filtered query of `events` (governorate + type + dates).
            "CREATE INDEX merged_events_filter ON merged_events ((lower(admin1)), event_type, day)",
        ]),
        Migration(name: "006_candidate_window_tiers", statements: [
            // Windows by length (CandidateWindows.tier): a search reads, per tier, only the window
            // starts that can reach its window, not every event within the search slack.
            "ALTER TABLE event_cells ADD COLUMN window_tier BIGINT",
            "CREATE INDEX event_cells_tiered ON event_cells (cell, window_tier, window_start, window_end, day, report_id, event_id)",
            "DROP INDEX event_cells_window",
            // Makes the next open recompute windows and tiers of existing rows.
            "DELETE FROM store_meta WHERE key = 'candidate_windows'",
        ]),
    ]

    /// Applies the migrations not yet recorded, each with its record in one transaction.
    static func migrate(_ backend: any SQLBackend) throws {
        for migration in all {
            try backend.transaction { db in
                if db.dialect == .postgres {
                    // Two workers starting at once: one migrates, the other waits and then sees it done.
                    try db.execute("SELECT pg_advisory_xact_lock(?)", [.int(7_270_001)])
                }
                try db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
                let done = try db.query("SELECT name FROM schema_migrations WHERE name = ?", [.text(migration.name)])
                guard done.isEmpty else { return }
                for statement in migration.statements { try db.execute(statement) }
                try db.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                               [.text(migration.name), .text(Timestamp.now())])
            }
        }
    }
}

enum Timestamp {
    /// A value-type format style, made once: building an ISO8601DateFormatter for every report
    /// cost more than the report's SQL.
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    static func now() -> String { style.format(Date()) }
}
