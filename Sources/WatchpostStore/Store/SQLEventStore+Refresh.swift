import Foundation
import WatchpostCore

/// Keeping a merged event's row (`merged_events`: its summary, consensus day and filter columns)
/// in step with its links.
extension SQLEventStore {
    /// Recomputes a merged event's summary from its members, or deletes it when it has none.
    ///
    /// With in-process state (SQLite) the members come from the kept lists: the same members in
    /// the same order as a read, so the same summary. The consensus day the merger checks is
    /// updated at once in the index; the row itself is written once per transaction (`flushRefreshes`),
    /// so a merged event told by several reports of one batch is encoded and written once.
    func refresh(merged id: String, in db: any SQLExecutor) throws {
        guard let local else {
            try writeSummary(of: id, members: try members(of: id, in: db), in: db)
            return
        }
        let members = try currentMembers(of: id, in: db)
        local.index.refreshed(id, exists: !members.isEmpty, consensusDay: Self.consensusDay(members.map(\.event))?.ordinal)
        local.pendingRows.insert(id)
    }

    /// Writes the rows `refresh` deferred. Runs before a transaction commits, and before anything
    /// in it reads `merged_events` through SQL.
    func flushRefreshes(in db: any SQLExecutor) throws {
        guard let local, !local.pendingRows.isEmpty else { return }
        let ids = local.pendingRows.sorted()
        local.pendingRows.removeAll()
        for id in ids { try writeSummary(of: id, members: try currentMembers(of: id, in: db), in: db) }
    }

    /// Writes what was deferred, then forgets the in-process state (before links are rewritten wholesale).
    func dropLocalState(in db: any SQLExecutor) throws {
        try flushRefreshes(in: db)
        local?.reset()
    }

    /// The members of a merged event: from the in-process list when there is one, else read (and kept).
    func currentMembers(of merged: String, in db: any SQLExecutor) throws -> [MergedMembersCache.Member] {
        if let cached = local?.members[merged] { return cached }
        let read = try members(of: merged, in: db)
        local?.members.store(read, for: merged)
        return read
    }

    /// The merged event's row: rewritten in place (an upsert: one index update where a delete and an
    /// insert touched every index twice), or deleted when it has no members left.
    func writeSummary(of id: String, members: [MergedMembersCache.Member], in db: any SQLExecutor) throws {
        guard !members.isEmpty else {
            try db.execute("DELETE FROM merged_events WHERE id = ?", [.text(id)])
            return
        }
        let summary = MergedEventSummarizer.summarize(
            id: id, members: members.map { .init(event: $0.event, reason: $0.reason, published: $0.publishedDay, ingestedDay: $0.ingestedDay) })
        let body = try StoredJSON.mergedEvent(summary) ?? String(decoding: try jsonEncoder.encode(summary), as: UTF8.self)
        let consensus = Self.consensusDay(members.map(\.event))
        try db.execute("""
            INSERT INTO merged_events (id, day, event_type, admin1, latitude, longitude, report_count,
                                       fatalities_low, fatalities_best, fatalities_high, first_reported, last_updated, body,
                                       consensus_day, consensus_known)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
            ON CONFLICT (id) DO UPDATE SET
                day = excluded.day, event_type = excluded.event_type, admin1 = excluded.admin1,
                latitude = excluded.latitude, longitude = excluded.longitude, report_count = excluded.report_count,
                fatalities_low = excluded.fatalities_low, fatalities_best = excluded.fatalities_best,
                fatalities_high = excluded.fatalities_high, first_reported = excluded.first_reported,
                last_updated = excluded.last_updated, body = excluded.body, consensus_day = excluded.consensus_day,
                consensus_known = 1
            """, [.text(id), SQLValue(summary.date?.ordinal), .text(summary.eventType.rawValue), SQLValue(summary.admin1),
                  SQLValue(summary.latitude), SQLValue(summary.longitude), .int(summary.reports.count),
                  SQLValue(summary.fatalities?.low), SQLValue(summary.fatalities?.best), SQLValue(summary.fatalities?.high),
                  SQLValue(summary.firstReported?.iso), SQLValue(summary.lastUpdated?.iso), .text(body),
                  SQLValue(consensus?.ordinal)])
    }
}
