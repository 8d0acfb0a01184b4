import Foundation
import WatchpostCore

extension SQLEventStore {
    /// A merged event's id: derived from the report event that founded it, so that the same
    /// ingests in the same order give the same ids (a re-run after a crash equals a clean run).
    static func mergedID(founder e: Event) -> String { "m-" + ContentHash.shortID(e.doc, e.id) }

    /// Puts each new event of one report into a merged event.
    ///
    /// First the report's own events that tell one happening (`MergeRules.sameReport`) are grouped:
    /// an extractor's restatements go together. Each group then joins the best compatible merged
    /// event found through the index, or founds a new one; a group compatible with further merged
    /// events (a strong verdict each) bridges them into its own. Two separate groups of one report
    /// never share a merged event, and an analyst's cannot-links are never crossed.
    func merge(_ events: [Event], profiles: [MergeProfile], report stamp: ReportStamp, in db: any SQLExecutor) throws {
        let report = stamp.id
        let keys = events.map { EventKey(report: $0.doc, event: $0.id) }
        // Most stores have no analyst corrections at all: then two queries per event are saved.
        let corrected: Bool
        if let known = local?.storeHasCorrections {
            corrected = known
        } else {
            corrected = try !db.query("SELECT 1 AS x FROM corrections LIMIT 1").isEmpty
            local?.storeHasCorrections = corrected
        }
        var cannot: [Set<EventKey>] = []
        for e in events { cannot.append(corrected ? try partners(of: e, kind: "cannot_link", in: db) : []) }
        let groups = Self.groups(events, cannotLinks: cannot, keys: keys, rules: rules)

        // An option: a group's best link into a merged event. Its score sums the best verdict of
        // each member (more of the report agreeing is more evidence); `strongest` is the best one.
        // The reason text is built only for the options that are written (most verdicts are not):
        // formatting it for every candidate pair was a good share of the merge's time.
        // Candidates are scored from the events' profiles (`MergeRules.score`, the verdict's score);
        // the verdict itself, with its reasons, is recomputed by `compare` for the written ones.
        struct Option {
            var group: Int; var member: Int; var merged: String; var score: Double; var strongest: Double
            var analystReason: String?
            var partner: Event?
        }
        func reasonText(_ o: Option) -> String {
            o.analystReason ?? "with \(o.partner!.doc)/\(o.partner!.id): \(rules.compare(events[o.member], o.partner!)!.explanation)"
        }
        var options: [Option] = []
        var days: [String: Day?] = [:]
        for (g, group) in groups.enumerated() {
            let groupCannot = group.reduce(into: Set<EventKey>()) { $0.formUnion(cannot[$1]) }
            var best: [String: [Int: Option]] = [:]
            func offer(_ o: Option) {
                if best[o.merged]?[o.member].map({ $0.score < o.score }) ?? true { best[o.merged, default: [:]][o.member] = o }
            }
            for index in group {
                let e = events[index]
                // An analyst's join wins over any rule.
                for partner in corrected ? try partners(of: e, kind: "must_link", in: db) : [] {
                    if let merged = try db.query("SELECT merged_id FROM merge_links WHERE report_id = ? AND event_id = ?",
                                                 [.text(partner.report), .text(partner.event)]).first?["merged_id"].text {
                        offer(Option(group: g, member: index, merged: merged, score: 100, strongest: 100,
                                     analystReason: "joined by an analyst with \(partner.report)/\(partner.event)"))
                    }
                }
                for group in try candidates(for: e, report: report, in: db) {
                    let merged = group.merged
                    if !groupCannot.isEmpty, try !memberKeys(of: merged, in: db).isDisjoint(with: groupCannot) { continue }
                    // The merged event's day is what its day-precise reports agree on; a new
                    // telling must fit it, not just one loosely dated member. (Candidate search
                    // already left out merged events whose stored consensus day does not fit.)
                    if days[merged] == nil {
                        days[merged] = try group.consensus ?? consensusDay(of: merged, in: db)
                    }
                    if let day = days[merged] ?? nil, let window = MergeRules.window(e), !window.contains(day.ordinal) { continue }
                    let profile = profiles[index]
                    let verdict = group.events.indices.compactMap { c in
                        rules.score(e, profile, group.events[c], group.profiles[c]).map { (group.events[c], $0) }
                    }.max { $0.1 < $1.1 }
                    if let (partner, score) = verdict {
                        offer(Option(group: g, member: index, merged: merged, score: score, strongest: score, partner: partner))
                    }
                }
            }
            for perMember in best.values {
                var lead = perMember.values.max { ($0.score, $1.member) < ($1.score, $0.member) }!
                lead.strongest = lead.score
                lead.score = perMember.values.reduce(0) { $0 + $1.score }
                options.append(lead)
            }
        }
        // Best pairs first; a group's first option is where it goes, its later strong ones are bridged in.
        options.sort { ($0.score, $1.merged, $1.group) > ($1.score, $0.merged, $0.group) }
        var target: [Int: Option] = [:]
        var bridged: [(into: Option, merged: String, reason: String)] = []
        var taken = Set<String>()
        for option in options where !taken.contains(option.merged) {
            if let into = target[option.group] {
                guard option.strongest >= MergeRules.bridgeScore,
                      try !mustStayApart(option.merged, into.merged, in: db) else { continue }
                bridged.append((into, option.merged, "bridged by \(events[option.member].doc)/\(events[option.member].id) \(reasonText(option))"))
            } else {
                target[option.group] = option
            }
            taken.insert(option.merged)
        }
        var touched = Set<String>()
        // The report's links, written in one statement after the loop (nothing in it reads them).
        var linkRows: [[SQLValue]] = []
        for (g, group) in groups.enumerated() {
            let founder = events[group[0]]
            let merged = target[g]?.merged ?? Self.mergedID(founder: founder)
            if target[g] == nil, let local, local.members[merged] == nil,
               try db.query("SELECT 1 AS x FROM merge_links WHERE merged_id = ? LIMIT 1", [.text(merged)]).isEmpty {
                // A new merged event: its member list starts empty and complete, no read needed at refresh.
                local.members.store([], for: merged)
            }
            for index in group {
                let e = events[index]
                let reason: String
                if let option = target[g], option.member == index {
                    reason = reasonText(option)
                } else if target[g] == nil && index == group[0] {
                    reason = "founded the merged event"
                } else {
                    let lead = target[g].map { events[$0.member] } ?? founder
                    reason = "with \(lead.doc)/\(lead.id), its own report: "
                        + (rules.sameReport(e, lead)?.explanation ?? "told again in one report")
                }
                linkRows.append([.text(e.doc), .text(e.id), .text(merged), .text(reason)])
                if let local {
                    var member = e
                    member.mergedID = merged
                    local.index.linked(EventKey(report: e.doc, event: e.id), to: merged)
                    local.members.add(.init(event: member, ordinal: index, reason: reason, published: stamp.published,
                                            ingested: stamp.ingested), to: merged)
                }
            }
            touched.insert(merged)
        }
        try Self.insertRows(into: "merge_links (report_id, event_id, merged_id, reason)", linkRows, in: db)
        for bridge in bridged {
            try db.execute("UPDATE merge_links SET merged_id = ?, reason = reason || ? WHERE merged_id = ?",
                           [.text(bridge.into.merged), .text("; " + bridge.reason), .text(bridge.merged)])
            local?.index.moved(from: bridge.merged, into: bridge.into.merged)
            local?.members.moved(from: bridge.merged, into: bridge.into.merged, reasonSuffix: "; " + bridge.reason)
            touched.insert(bridge.merged)
        }
        for merged in touched.sorted() { try refresh(merged: merged, in: db) }
    }

    /// The report's events partitioned into groups that tell one happening (transitively), each in
    /// report order; no group holds two events an analyst split apart.
    static func groups(_ events: [Event], cannotLinks: [Set<EventKey>], keys: [EventKey], rules: MergeRules) -> [[Int]] {
        var groups: [[Int]] = []
        for index in events.indices {
            let joinable = groups.indices.filter { g in
                groups[g].contains { rules.sameReport(events[$0], events[index]) != nil }
                    && !groups[g].contains { cannotLinks[$0].contains(keys[index]) || cannotLinks[index].contains(keys[$0]) }
            }
            guard let first = joinable.first else { groups.append([index]); continue }
            // The new event may join two groups: they become one (unless that crosses a cannot-link).
            var merged = groups[first] + [index]
            for g in joinable.dropFirst() where !groups[g].contains(where: { a in merged.contains { cannotLinks[a].contains(keys[$0]) } }) {
                merged += groups[g]
                groups[g] = []
            }
            groups[first] = merged.sorted()
            groups.removeAll { $0.isEmpty }
        }
        return groups
    }

    /// The day most day-precise members of a merged event give (the earliest among equals), or nil.
    func consensusDay(of merged: String, in db: any SQLExecutor) throws -> Day? {
        Self.consensusDay(try currentMembers(of: merged, in: db).map(\.event))
    }


    static func consensusDay(_ members: [Event]) -> Day? {
        let dated = members.filter { $0.timePrecision == .day }.compactMap(\.date)
        var counts: [Day: Int] = [:]
        for d in dated { counts[d, default: 0] += 1 }
        return counts.max { ($0.value, $1.key.ordinal) < ($1.value, $0.key.ordinal) }?.key
    }

    func memberKeys(of merged: String, in db: any SQLExecutor) throws -> Set<EventKey> {
        let rows = try db.query("SELECT report_id, event_id FROM merge_links WHERE merged_id = ?", [.text(merged)])
        return Set(rows.map { EventKey(report: $0["report_id"].text ?? "", event: $0["event_id"].text ?? "") })
    }

    /// Whether two merged events must stay apart even when a new event bridges them: a report
    /// has events in both (its events were judged separate happenings), or an analyst split a
    /// member of one from a member of the other.
    func mustStayApart(_ a: String, _ b: String, in db: any SQLExecutor) throws -> Bool {
        let other = try memberKeys(of: b, in: db)
        let mine = try memberKeys(of: a, in: db)
        if !Set(mine.map(\.report)).isDisjoint(with: other.map(\.report)) { return true }
        for key in mine {
            if try !partners(of: key, kind: "cannot_link", in: db).isDisjoint(with: other) { return true }
        }
        return false
    }

    struct EventKey: Hashable { var report: String; var event: String }

    /// The report whose events are being merged: what its members' links need from its row.
    struct ReportStamp { var id: String; var published: String?; var ingested: String }

    /// The report events an analyst tied to `e` by a constraint of this kind.
    func partners(of e: Event, kind: String, in db: any SQLExecutor) throws -> Set<EventKey> {
        try partners(of: EventKey(report: e.doc, event: e.id), kind: kind, in: db)
    }

    func partners(of key: EventKey, kind: String, in db: any SQLExecutor) throws -> Set<EventKey> {
        let rows = try db.query("""
            SELECT b_report AS r, b_event AS e FROM corrections WHERE kind = ? AND a_report = ? AND a_event = ?
            UNION SELECT a_report AS r, a_event AS e FROM corrections WHERE kind = ? AND b_report = ? AND b_event = ?
            """, [.text(kind), .text(key.report), .text(key.event), .text(kind), .text(key.report), .text(key.event)])
        return Set(rows.map { EventKey(report: $0["r"].text ?? "", event: $0["e"].text ?? "") })
    }
}
