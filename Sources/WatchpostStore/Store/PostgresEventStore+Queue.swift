import Foundation
import WatchpostCore

/// The shared ingest queue: several `watchpost ingest --worker` processes, on several machines,
/// take reports from one table with `FOR UPDATE SKIP LOCKED`; each report is processed once.
extension PostgresEventStore {
    /// Adds reports to the queue; a report already queued (same content) is not queued again.
    /// Returns how many were new.
    @discardableResult
    public func enqueue(_ documents: [Document]) throws -> Int {
        try backend.transaction { db in
            var added = 0
            for document in documents {
                let json = String(decoding: try jsonEncoder.encode(document), as: UTF8.self)
                let rows = try db.query("""
                    INSERT INTO ingest_queue (content_hash, report_id, document, status, attempts, enqueued_at)
                    VALUES (?, ?, ?, 'pending', 0, ?) ON CONFLICT (content_hash) DO NOTHING RETURNING report_id
                    """, [.text(ContentHash.of(document)), .text(document.id), .text(json), .text(Timestamp.now())])
                added += rows.count
            }
            return added
        }
    }

    /// Takes one pending report, extracts, stores and merges it, and marks it done, in one
    /// transaction: a worker that dies leaves the report pending for another. Nil when none is left.
    ///
    /// The merge step holds advisory locks on the 30-day buckets around the report's events, so
    /// two workers never merge into the same stretch of days at once (candidates would race).
    public func processNext(worker: String, extract: (Document) throws -> [Event]) throws -> (Document, IngestOutcome)? {
        try backend.transaction { db in
            guard let row = try db.query("""
                SELECT content_hash, document FROM ingest_queue WHERE status = 'pending'
                ORDER BY report_id, content_hash LIMIT 1 FOR UPDATE SKIP LOCKED
                """).first, let hash = row["content_hash"].text else { return nil }
            let document = try jsonDecoder.decode(Document.self, from: Data((row["document"].text ?? "{}").utf8))
            let events = try extract(document)
            for bucket in Self.lockBuckets(events) {
                try db.execute("SELECT pg_advisory_xact_lock(CAST(? AS INTEGER), CAST(? AS INTEGER))", [.int(7_270_002), .int(bucket)])
            }
            let outcome = try ingest(document, events: events, in: db)
            try db.execute("UPDATE ingest_queue SET status = 'done', attempts = attempts + 1, worker = ? WHERE content_hash = ?",
                           [.text(worker), .text(hash)])
            return (document, outcome)
        }
    }

    /// Sorted (so that workers take them in one order and never deadlock) 30-day buckets covering
    /// every event's candidate window; undated events share bucket -1.
    static func lockBuckets(_ events: [Event]) -> [Int] {
        var buckets = Set<Int>()
        for e in events {
            guard let w = MergeRules.window(e) else { buckets.insert(-1); continue }
            let lo = (w.lowerBound - searchSlackDays) / 30, hi = (w.upperBound + searchSlackDays) / 30
            for b in lo...hi { buckets.insert(b) }
        }
        // A report's old events (a changed report) are replaced under the same locks as its new ones.
        if buckets.isEmpty { buckets.insert(-1) }
        return buckets.sorted()
    }

    /// How many queued reports are pending and done, and the most attempts any one took (1 = exactly once).
    public func queueStatus() throws -> (pending: Int, done: Int, maxAttempts: Int) {
        try backend.transaction { db in
            (try db.scalar("SELECT COUNT(*) AS n FROM ingest_queue WHERE status = 'pending'").int ?? 0,
             try db.scalar("SELECT COUNT(*) AS n FROM ingest_queue WHERE status = 'done'").int ?? 0,
             try db.scalar("SELECT COALESCE(MAX(attempts), 0) AS n FROM ingest_queue").int ?? 0)
        }
    }
}
