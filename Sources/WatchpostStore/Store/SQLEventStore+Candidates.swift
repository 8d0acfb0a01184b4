import Foundation
import WatchpostCore

/// Candidate events of other reports that share a location key with a new event, grouped by the
/// merged event they are in.
struct CandidateGroup {
    var merged: String
    /// The merged event's consensus day as stored at its last refresh: `.some(day or nil)`; nil
    /// when the row predates the column (the merger then computes it from the members).
    var consensus: Day??
    var events: [Event]
}

extension SQLEventStore {
    /// Days searched around an event for candidates: its own window plus the widest window another
    /// event can have (a month-precision one). The index seeks on this range of days; the stored
    /// windows then keep only the events whose windows overlap.
    static let searchSlackDays = 35

    /// Candidates for `e` through the index `event_cells (cell, day, window_start, window_end)`:
    /// events under one of its location keys (LocationCells.searchKeys), within the day range of
    /// its window (MergeRules.window) widened by `searchSlackDays`, whose own window overlaps its
    /// window, and whose merged event's consensus day (when one is stored) lies in its window.
    ///
    /// The last two conditions are the merger's own (`MergeRules.dateScore` needs overlapping
    /// windows; `merge` skips a merged event whose consensus day is outside the window), applied in
    /// the index so that candidates that could never merge are not read and decoded: merge
    /// decisions are the same as without them.
    func candidates(for e: Event, report: String, in db: any SQLExecutor) throws -> [CandidateGroup] {
        guard let window = MergeRules.window(e) else { return [] }
        let keys = LocationCells.searchKeys(of: e)
        let rows = try db.query("""
            SELECT e.body, l.merged_id, m.consensus_day, m.consensus_known FROM report_events e
            JOIN merge_links l ON l.report_id = e.report_id AND l.event_id = e.event_id
            LEFT JOIN merged_events m ON m.id = l.merged_id
            WHERE (e.report_id, e.event_id) IN (
                SELECT c.report_id, c.event_id FROM event_cells c
                WHERE c.cell IN (\(placeholders(keys.count))) AND c.day BETWEEN ? AND ?
                  AND c.window_start <= ? AND c.window_end >= ? AND c.report_id <> ?)
              AND (m.consensus_known IS NULL OR m.consensus_known = 0 OR m.consensus_day IS NULL
                   OR m.consensus_day BETWEEN ? AND ?)
            ORDER BY l.merged_id, e.report_id, e.ordinal
            """, keys.map(SQLValue.text) + [
                .int(window.lowerBound - Self.searchSlackDays), .int(window.upperBound + Self.searchSlackDays),
                .int(window.upperBound), .int(window.lowerBound), .text(report),
                .int(window.lowerBound), .int(window.upperBound),
            ])
        var grouped: [CandidateGroup] = []
        for row in rows {
            let candidate = try event(from: row)
            let merged = candidate.mergedID ?? ""
            if grouped.last?.merged == merged {
                grouped[grouped.count - 1].events.append(candidate)
            } else {
                let consensus: Day?? = row["consensus_known"].int == 1 ? .some(row["consensus_day"].int.map(Day.init(ordinal:))) : nil
                grouped.append(CandidateGroup(merged: merged, consensus: consensus, events: [candidate]))
            }
        }
        return grouped
    }
}

/// The date windows stored in the candidate index are MergeRules.window at the time of writing.
/// When the window rules change, the stored windows are recomputed on open, so that a rule change
/// flows into candidate search (a stale, narrower window would hide candidates).
enum CandidateWindows {
    /// The windows of a few probe dates (each precision, with and without an end), relative to
    /// their day: equal fingerprints mean equal windows for every event. (`MergeRules.window`
    /// reads only an event's date, end and time precision.)
    static func fingerprint() -> String {
        let day = Day(year: 2020, month: 2, day: 10)!
        var parts: [String] = []
        for precision in [TimePrecision.day, .week, .month] {
            for end in [nil, day.adding(days: 2)] {
                let probe = Event(doc: "", id: "", date: day, dateEnd: end, timePrecision: precision,
                                  eventType: .battles, subEventType: "", evidence: "")
                let w = MergeRules.window(probe).map { "\($0.lowerBound - day.ordinal)...\($0.upperBound - day.ordinal)" } ?? "none"
                parts.append("\(precision.rawValue)\(end == nil ? "" : "+2"):\(w)")
            }
        }
        return "v1 " + parts.joined(separator: " ")
    }

    static let metaKey = "candidate_windows"

    /// Recomputes every stored window when the store's were written under other rules (or before
    /// windows were stored). One transaction; a no-op on an up-to-date store.
    static func refreshIfRulesChanged(_ backend: any SQLBackend, decoder: JSONDecoder) throws {
        let current = fingerprint()
        try backend.transaction { db in
            if db.dialect == .postgres {
                // Workers starting at once: one recomputes, the others wait and find it done.
                try db.execute("SELECT pg_advisory_xact_lock(?)", [.int(7_270_003)])
            }
            let stored = try db.query("SELECT value FROM store_meta WHERE key = ?", [.text(metaKey)]).first?["value"].text
            guard stored != current else { return }
            let rows = try db.query("SELECT body FROM report_events WHERE day IS NOT NULL ORDER BY report_id, event_id")
            for row in rows {
                let e = try decoder.decode(Event.self, from: Data((row["body"].text ?? "{}").utf8))
                guard let window = MergeRules.window(e) else { continue }
                try db.execute("UPDATE event_cells SET window_start = ?, window_end = ? WHERE report_id = ? AND event_id = ?",
                               [.int(window.lowerBound), .int(window.upperBound), .text(e.doc), .text(e.id)])
            }
            try db.execute("DELETE FROM store_meta WHERE key = ?", [.text(metaKey)])
            try db.execute("INSERT INTO store_meta (key, value) VALUES (?, ?)", [.text(metaKey), .text(current)])
        }
    }
}
