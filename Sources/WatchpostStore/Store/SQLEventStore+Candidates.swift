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
    /// `MergeRules.profile(of:)` of each event.
    var profiles: [MergeProfile]
}

extension SQLEventStore {
    /// Days searched around an event for candidates: its own window plus the widest window another
    /// event can have (a month-precision one). The index seeks on this range of days; the stored
    /// windows then keep only the events whose windows overlap.
    static let searchSlackDays = 35

    /// Candidates for `e` through the index `event_cells (cell, window_tier, window_start, …)`:
    /// events under one of its location keys (LocationCells.searchKeys), within the day range of
    /// its window (MergeRules.window) widened by `searchSlackDays`, whose own window overlaps its
    /// window, and whose merged event's consensus day (when one is stored) lies in its window.
    ///
    /// The last two conditions are the merger's own (`MergeRules.dateScore` needs overlapping
    /// windows; `merge` skips a merged event whose consensus day is outside the window), applied in
    /// the index so that candidates that could never merge are not read and decoded: merge
    /// decisions are the same as without them. Per tier of window length, a window that overlaps
    /// starts at most that length before the new window: the index reads only those starts.
    func candidates(for e: Event, report: String, in db: any SQLExecutor) throws -> [CandidateGroup] {
        if let index = local?.index, let window = MergeRules.window(e),
           try cover(RecentEventsIndex.searchedDays(window), in: index, db: db),
           let groups = index.candidates(keys: LocationCells.searchKeys(of: e), window: window, report: report) {
            return groups
        }
        guard let (sql, binds) = Self.candidateQuery(for: e, report: report) else { return [] }
        // The query reads merged events' consensus days: rows deferred in this transaction first.
        try flushRefreshes(in: db)
        let rows = try db.query(sql, binds)
        var grouped: [CandidateGroup] = []
        for row in rows {
            let candidate = try event(from: row)
            let merged = candidate.mergedID ?? ""
            if grouped.last?.merged == merged {
                grouped[grouped.count - 1].events.append(candidate)
                grouped[grouped.count - 1].profiles.append(rules.profile(of: candidate))
            } else {
                let consensus: Day?? = row["consensus_known"].int == 1 ? .some(row["consensus_day"].int.map(Day.init(ordinal:))) : nil
                grouped.append(CandidateGroup(merged: merged, consensus: consensus, events: [candidate],
                                              profiles: [rules.profile(of: candidate)]))
            }
        }
        return grouped
    }

    /// The statement of `candidates` and its values; nil for an undated event (never a candidate).
    static func candidateQuery(for e: Event, report: String) -> (String, [SQLValue])? {
        guard let window = MergeRules.window(e) else { return nil }
        let keys = LocationCells.searchKeys(of: e)
        var tierSQL: [String] = []
        var binds: [SQLValue] = []
        for tier in CandidateWindows.tiers {
            tierSQL.append("""
                SELECT c.report_id, c.event_id FROM event_cells c
                WHERE c.cell IN (\(placeholders(keys.count))) AND c.window_tier = ?
                  AND c.window_start BETWEEN ? AND ? AND c.window_end >= ?
                  AND c.day BETWEEN ? AND ? AND c.report_id <> ?
                """)
            let earliestStart = tier.maxLength.map { window.lowerBound - $0 } ?? Int(Int32.min)
            binds += keys.map(SQLValue.text) + [
                .int(tier.tier), .int(earliestStart), .int(window.upperBound), .int(window.lowerBound),
                .int(window.lowerBound - Self.searchSlackDays), .int(window.upperBound + Self.searchSlackDays), .text(report),
            ]
        }
        return ("""
            SELECT e.body, l.merged_id, m.consensus_day, m.consensus_known
            FROM (\(tierSQL.joined(separator: " UNION "))) found
            JOIN report_events e ON e.report_id = found.report_id AND e.event_id = found.event_id
            JOIN merge_links l ON l.report_id = e.report_id AND l.event_id = e.event_id
            LEFT JOIN merged_events m ON m.id = l.merged_id
            WHERE (m.consensus_known IS NULL OR m.consensus_known = 0 OR m.consensus_day IS NULL
                   OR m.consensus_day BETWEEN ? AND ?)
            ORDER BY l.merged_id, e.report_id, e.ordinal
            """, binds + [.int(window.lowerBound), .int(window.upperBound)])
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
        return "v2 " + parts.joined(separator: " ")
    }

    static let metaKey = "candidate_windows"

    /// Windows are indexed in tiers by their length (last day − first day): a window of at most
    /// `maxLength` days that overlaps [lo, hi] starts in [lo − maxLength, hi]. Most events are
    /// day-precise (tier 0): their search reads the days of the new window only. The last tier
    /// has no bound (long ranges a report gives; rare).
    static let tiers: [(tier: Int, maxLength: Int?)] = [(0, 0), (1, 7), (2, 70), (3, nil)]

    static func tier(of window: ClosedRange<Int>) -> Int {
        let length = window.upperBound - window.lowerBound
        return tiers.first { $0.maxLength.map { length <= $0 } ?? true }!.tier
    }

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
                try db.execute("""
                    UPDATE event_cells SET window_start = ?, window_end = ?, window_tier = ? WHERE report_id = ? AND event_id = ?
                    """, [.int(window.lowerBound), .int(window.upperBound), .int(tier(of: window)), .text(e.doc), .text(e.id)])
            }
            try db.execute("DELETE FROM store_meta WHERE key = ?", [.text(metaKey)])
            try db.execute("INSERT INTO store_meta (key, value) VALUES (?, ?)", [.text(metaKey), .text(current)])
        }
    }
}
