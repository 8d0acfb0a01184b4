import Foundation
import WatchpostCore

/// Filling the in-process candidate index (`RecentEventsIndex`) from the database, a stretch of
/// days at a time, as the reports being ingested move through time.
extension SQLEventStore {
    /// Days read past the searched ones when the index moves forward: reports arrive roughly in
    /// date order, so one read serves the next weeks of ingest instead of one read per day.
    static let readAheadDays = 30

    /// Makes the index cover `days` (reading what it lacks, evicting the oldest days past its
    /// capacity); false when `days` is wider than the index can hold (the search goes to SQL).
    func cover(_ days: ClosedRange<Int>, in index: RecentEventsIndex, db: any SQLExecutor) throws -> Bool {
        guard days.count <= index.capacityDays else { return false }
        if let covered = index.covered, covered.contains(days.lowerBound), covered.contains(days.upperBound) { return true }
        let wanted = days.lowerBound...min(days.upperBound + Self.readAheadDays, days.lowerBound + index.capacityDays - 1)
        if let covered = index.covered {
            let low = min(covered.lowerBound, wanted.lowerBound), high = max(covered.upperBound, wanted.upperBound)
            if high - low + 1 > index.capacityDays {
                // Moving forward drops the oldest days; a jump back in time starts over.
                if wanted.upperBound >= covered.upperBound { index.evict(before: high - index.capacityDays + 1) } else { index.reset() }
            }
        }
        if let covered = index.covered {
            if wanted.lowerBound < covered.lowerBound { try load(wanted.lowerBound...(covered.lowerBound - 1), into: index, db: db) }
            if wanted.upperBound > covered.upperBound { try load((covered.upperBound + 1)...wanted.upperBound, into: index, db: db) }
        } else {
            try load(wanted, into: index, db: db)
        }
        return true
    }

    /// Reads the indexed events of `days` (with their cells, links and merged events' consensus days)
    /// into the index. Both reads seek on `report_events (day)`.
    func load(_ days: ClosedRange<Int>, into index: RecentEventsIndex, db: any SQLExecutor) throws {
        let bounds: [SQLValue] = [.int(days.lowerBound), .int(days.upperBound)]
        var cellsOf: [EventKey: [RecentEventsIndex.CellRow]] = [:]
        for row in try db.query("""
            SELECT c.report_id, c.event_id, c.cell, c.day, c.window_start, c.window_end, c.window_tier
            FROM report_events e JOIN event_cells c ON c.report_id = e.report_id AND c.event_id = e.event_id
            WHERE e.day BETWEEN ? AND ?
            """, bounds) {
            // A row without a window (written before windows were stored) is never found by SQL either.
            guard let day = row["day"].int, let start = row["window_start"].int, let end = row["window_end"].int,
                  let tier = row["window_tier"].int, CandidateWindows.tiers.indices.contains(tier) else { continue }
            let key = EventKey(report: row["report_id"].text ?? "", event: row["event_id"].text ?? "")
            cellsOf[key, default: []].append(.init(key: key, cell: row["cell"].text ?? "", day: day, start: start, end: end, tier: tier))
        }
        index.cover(days)
        for row in try db.query("""
            SELECT e.body, e.ordinal, l.merged_id, m.consensus_day, m.consensus_known
            FROM report_events e
            LEFT JOIN merge_links l ON l.report_id = e.report_id AND l.event_id = e.event_id
            LEFT JOIN merged_events m ON m.id = l.merged_id
            WHERE e.day BETWEEN ? AND ?
            """, bounds) {
            let e = try jsonDecoder.decode(Event.self, from: Data((row["body"].text ?? "{}").utf8))
            let rows = cellsOf[EventKey(report: e.doc, event: e.id)] ?? []
            index.add(e, profile: rules.profile(of: e), ordinal: row["ordinal"].int ?? 0, merged: row["merged_id"].text,
                      consensusKnown: row["consensus_known"].int == 1, consensusDay: row["consensus_day"].int, rows: rows)
        }
    }
}
