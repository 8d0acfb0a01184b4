import Foundation
import WatchpostCore

extension SQLEventStore {
    /// Days searched around an event for candidates: its own window plus the widest window another
    /// event can have (a month-precision one).
    static let searchSlackDays = 35

    /// A merged event's id: derived from the report event that founded it, so that the same
    /// ingests in the same order give the same ids (a re-run after a crash equals a clean run).
    static func mergedID(founder e: Event) -> String { "m-" + ContentHash.shortID(e.doc, e.id) }

    /// Puts each new event of one report into a merged event: the best compatible candidate found
    /// through the index, or a new one. Two events of one report never share a merged event.
    func merge(_ events: [Event], report: String, in db: any SQLExecutor) throws {
        struct Option { var event: Int; var merged: String; var score: Double; var reason: String }
        var options: [Option] = []
        for (index, e) in events.enumerated() {
            let mustLinks = try partners(of: e, kind: "must_link", in: db)
            let cannotLinks = try partners(of: e, kind: "cannot_link", in: db)
            // An analyst's join wins over any rule.
            for partner in mustLinks {
                if let merged = try db.query("SELECT merged_id FROM merge_links WHERE report_id = ? AND event_id = ?",
                                             [.text(partner.report), .text(partner.event)]).first?["merged_id"].text {
                    options.append(Option(event: index, merged: merged, score: 100,
                                          reason: "joined by an analyst with \(partner.report)/\(partner.event)"))
                }
            }
            for (merged, candidates) in try candidates(for: e, report: report, in: db) {
                let memberRows = try db.query("SELECT report_id, event_id FROM merge_links WHERE merged_id = ?", [.text(merged)])
                let memberKeys = Set(memberRows.map { EventKey(report: $0["report_id"].text ?? "", event: $0["event_id"].text ?? "") })
                if memberKeys.contains(where: { $0.report == report }) { continue }
                if !memberKeys.isDisjoint(with: cannotLinks) { continue }
                let best = candidates.compactMap { c in rules.compare(e, c).map { (c, $0) } }
                    .max { $0.1.score < $1.1.score }
                if let (partner, verdict) = best {
                    options.append(Option(event: index, merged: merged, score: verdict.score,
                                          reason: "with \(partner.doc)/\(partner.id): \(verdict.explanation)"))
                }
            }
        }
        // Best pairs first; each event joins one merged event, each merged event takes one event of this report.
        options.sort { ($0.score, $1.merged) > ($1.score, $0.merged) }
        var chosen: [Int: Option] = [:]
        var taken = Set<String>()
        for option in options where chosen[option.event] == nil && !taken.contains(option.merged) {
            chosen[option.event] = option
            taken.insert(option.merged)
        }
        var touched = Set<String>()
        for (index, e) in events.enumerated() {
            let merged: String, reason: String
            if let option = chosen[index] {
                (merged, reason) = (option.merged, option.reason)
            } else {
                (merged, reason) = (Self.mergedID(founder: e), "founded the merged event")
            }
            try db.execute("INSERT INTO merge_links (report_id, event_id, merged_id, reason) VALUES (?, ?, ?, ?)",
                           [.text(e.doc), .text(e.id), .text(merged), .text(reason)])
            touched.insert(merged)
        }
        for merged in touched.sorted() { try refresh(merged: merged, in: db) }
    }

    struct EventKey: Hashable { var report: String; var event: String }

    /// Candidate events of other reports, grouped by merged event: those that share a location key
    /// with `e` and fall in its date window, read through the (cell, day) index.
    func candidates(for e: Event, report: String, in db: any SQLExecutor) throws -> [(String, [Event])] {
        guard let window = MergeRules.window(e) else { return [] }
        let keys = LocationCells.searchKeys(of: e)
        let rows = try db.query("""
            SELECT e.body, l.merged_id FROM report_events e
            JOIN merge_links l ON l.report_id = e.report_id AND l.event_id = e.event_id
            WHERE (e.report_id, e.event_id) IN (
                SELECT c.report_id, c.event_id FROM event_cells c
                WHERE c.cell IN (\(placeholders(keys.count))) AND c.day BETWEEN ? AND ? AND c.report_id <> ?)
            ORDER BY l.merged_id, e.report_id, e.ordinal
            """, keys.map(SQLValue.text) + [.int(window.lowerBound - Self.searchSlackDays),
                                            .int(window.upperBound + Self.searchSlackDays), .text(report)])
        var grouped: [(String, [Event])] = []
        for row in rows {
            let candidate = try event(from: row)
            let merged = candidate.mergedID ?? ""
            if grouped.last?.0 == merged { grouped[grouped.count - 1].1.append(candidate) } else { grouped.append((merged, [candidate])) }
        }
        return grouped
    }

    /// The report events an analyst tied to `e` by a constraint of this kind.
    func partners(of e: Event, kind: String, in db: any SQLExecutor) throws -> Set<EventKey> {
        let rows = try db.query("""
            SELECT b_report AS r, b_event AS e FROM corrections WHERE kind = ? AND a_report = ? AND a_event = ?
            UNION SELECT a_report AS r, a_event AS e FROM corrections WHERE kind = ? AND b_report = ? AND b_event = ?
            """, [.text(kind), .text(e.doc), .text(e.id), .text(kind), .text(e.doc), .text(e.id)])
        return Set(rows.map { EventKey(report: $0["r"].text ?? "", event: $0["e"].text ?? "") })
    }

    /// Recomputes a merged event's summary from its members, or deletes it when it has none.
    func refresh(merged id: String, in db: any SQLExecutor) throws {
        let members = try members(of: id, in: db)
        try db.execute("DELETE FROM merged_events WHERE id = ?", [.text(id)])
        guard !members.isEmpty else { return }
        let summary = MergedEventSummarizer.summarize(
            id: id, members: members.map { .init(event: $0.event, reason: $0.reason, published: $0.published.flatMap(Day.init(iso:)),
                                                  ingestedDay: Day(iso: $0.ingested)) })
        let body = String(decoding: try jsonEncoder.encode(summary), as: UTF8.self)
        try db.execute("""
            INSERT INTO merged_events (id, day, event_type, admin1, latitude, longitude, report_count,
                                       fatalities_low, fatalities_best, fatalities_high, first_reported, last_updated, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(id), SQLValue(summary.date?.ordinal), .text(summary.eventType.rawValue), SQLValue(summary.admin1),
                  SQLValue(summary.latitude), SQLValue(summary.longitude), .int(summary.reports.count),
                  SQLValue(summary.fatalities?.low), SQLValue(summary.fatalities?.best), SQLValue(summary.fatalities?.high),
                  SQLValue(summary.firstReported?.iso), SQLValue(summary.lastUpdated?.iso), .text(body)])
    }
}
