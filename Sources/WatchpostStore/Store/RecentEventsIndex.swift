import WatchpostCore

/// An in-process mirror of the candidate index (`event_cells`) for a stretch of days around the
/// reports being ingested: each indexed event with its decoded body, ordinal and merged event, and
/// the stored consensus day of those merged events. Candidate search then costs a few dictionary
/// look-ups and binary searches instead of a SQL round trip (the profile's largest share).
///
/// It answers exactly what `SQLEventStore.candidateQuery` answers for the days it covers: the same
/// cells, tiers, window and day conditions, the same exclusion of the report's own events and of
/// merged events whose stored consensus day is outside the window, the same order. Days it does
/// not cover are loaded from the database first (`SQLEventStore+RecentIndex`); a search wider than
/// its capacity goes to SQL.
///
/// Only valid while this process is the only writer: SQLite only, checked with `PRAGMA
/// data_version` at the start of every write transaction and dropped on any rollback (see
/// `LocalMergeState`). PostgreSQL, with several workers writing, keeps the SQL search.
///
/// Memory is bounded by days: when the covered stretch grows past `capacityDays`, the oldest days
/// are evicted (they are re-read from the database if an old report ever needs them).
final class RecentEventsIndex {
    struct Entry {
        var key: SQLEventStore.EventKey
        var day: Int
        var start: Int
        var end: Int
    }

    struct Indexed {
        var event: Event
        /// What the merge rules derive from the event, computed once when it is added.
        var profile: MergeProfile
        var ordinal: Int
        var merged: String?
    }

    /// One stored `event_cells` row.
    struct CellRow {
        var key: SQLEventStore.EventKey
        var cell: String
        var day: Int
        var start: Int
        var end: Int
        var tier: Int
    }

    let capacityDays: Int
    private(set) var covered: ClosedRange<Int>?
    /// Per cell, per window tier: entries sorted by window start (`CandidateWindows.tiers`).
    private var cells: [String: [[Entry]]] = [:]
    private var events: [SQLEventStore.EventKey: Indexed] = [:]
    private var keysByDay: [Int: [SQLEventStore.EventKey]] = [:]
    /// The covered events of each merged event (to follow a bridge).
    private var membersInRange: [String: Set<SQLEventStore.EventKey>] = [:]
    /// Stored consensus days of the merged events of covered events, when the row has one (`consensus_known`).
    private var consensus: [String: Int?] = [:]

    init(capacityDays: Int = 150) { self.capacityDays = capacityDays }

    private static let emptyTiers: [[Entry]] = Array(repeating: [], count: CandidateWindows.tiers.count)

    var isEmpty: Bool { covered == nil }
    var eventCount: Int { events.count }

    func reset() {
        covered = nil
        cells = [:]
        events = [:]
        keysByDay = [:]
        membersInRange = [:]
        consensus = [:]
    }

    // MARK: filling

    /// Marks `days` as covered; the caller has added every stored row of those days.
    func cover(_ days: ClosedRange<Int>) {
        covered = covered.map { min($0.lowerBound, days.lowerBound)...max($0.upperBound, days.upperBound) } ?? days
    }

    /// Adds a stored or newly written event with its cell rows (ignored when its day is not covered).
    func add(_ event: Event, profile: MergeProfile, ordinal: Int, merged: String?, consensusKnown: Bool, consensusDay: Int?,
             rows: [CellRow]) {
        guard let day = event.date?.ordinal, covered?.contains(day) == true else { return }
        let key = SQLEventStore.EventKey(report: event.doc, event: event.id)
        guard events[key] == nil else { return }
        events[key] = Indexed(event: event, profile: profile, ordinal: ordinal, merged: merged)
        keysByDay[day, default: []].append(key)
        if let merged {
            membersInRange[merged, default: []].insert(key)
            if consensusKnown { consensus[merged] = .some(consensusDay) }
        }
        for row in rows {
            let entry = Entry(key: key, day: row.day, start: row.start, end: row.end)
            let at = cells[row.cell].map { tiers in Self.firstIndex(in: tiers[row.tier]) { $0.start > row.start } } ?? 0
            // Mutated in place through the dictionary (a copy out and back would copy the whole cell).
            cells[row.cell, default: Self.emptyTiers][row.tier].insert(entry, at: at)
        }
    }

    /// The event was linked into `merged` (a new link).
    func linked(_ key: SQLEventStore.EventKey, to merged: String) {
        guard var indexed = events[key] else { return }
        if let old = indexed.merged { membersInRange[old]?.remove(key) }
        indexed.merged = merged
        events[key] = indexed
        membersInRange[merged, default: []].insert(key)
    }

    /// Every link of `from` now points to `into` (a bridge).
    func moved(from: String, into: String) {
        guard let keys = membersInRange.removeValue(forKey: from) else { return }
        for key in keys { events[key]?.merged = into }
        membersInRange[into, default: []].formUnion(keys)
        consensus[from] = nil
    }

    /// A merged event's row was rewritten with this consensus day, or deleted (`exists` false).
    func refreshed(_ merged: String, exists: Bool, consensusDay: Int?) {
        guard exists, membersInRange[merged].map({ !$0.isEmpty }) == true else {
            consensus[merged] = nil
            return
        }
        consensus[merged] = .some(consensusDay)
    }

    // MARK: searching

    /// The candidate groups for an event whose window is `window` (as `candidateQuery` finds them),
    /// or nil when the searched days are not all covered.
    func candidates(keys: [String], window: ClosedRange<Int>, report: String) -> [CandidateGroup]? {
        let days = Self.searchedDays(window)
        guard let covered, covered.contains(days.lowerBound), covered.contains(days.upperBound) else { return nil }
        var found = Set<SQLEventStore.EventKey>()
        for cell in Set(keys) {
            guard let tiers = cells[cell] else { continue }
            for tier in CandidateWindows.tiers {
                let earliestStart = tier.maxLength.map { window.lowerBound - $0 } ?? Int.min
                let entries = tiers[tier.tier]
                var i = Self.firstIndex(in: entries) { $0.start >= earliestStart }
                while i < entries.count, entries[i].start <= window.upperBound {
                    let entry = entries[i]
                    i += 1
                    if entry.end >= window.lowerBound, days.contains(entry.day), entry.key.report != report {
                        found.insert(entry.key)
                    }
                }
            }
        }
        var rows: [(merged: String, indexed: Indexed)] = []
        for key in found {
            guard let indexed = events[key], let merged = indexed.merged else { continue }
            if case .some(.some(let day)) = consensus[merged], !window.contains(day) { continue }
            rows.append((merged, indexed))
        }
        // ORDER BY merged_id, report_id, ordinal, as SQLite orders text: by its UTF-8 bytes.
        rows.sort { a, b in
            if a.merged != b.merged { return a.merged.utf8.lexicographicallyPrecedes(b.merged.utf8) }
            if a.indexed.event.doc != b.indexed.event.doc {
                return a.indexed.event.doc.utf8.lexicographicallyPrecedes(b.indexed.event.doc.utf8)
            }
            return a.indexed.ordinal < b.indexed.ordinal
        }
        var groups: [CandidateGroup] = []
        for (merged, indexed) in rows {
            var e = indexed.event
            e.mergedID = merged
            if groups.last?.merged == merged {
                groups[groups.count - 1].events.append(e)
                groups[groups.count - 1].profiles.append(indexed.profile)
            } else {
                let stored: Day?? = consensus[merged].map { $0.map(Day.init(ordinal:)) }
                groups.append(CandidateGroup(merged: merged, consensus: stored, events: [e], profiles: [indexed.profile]))
            }
        }
        return groups
    }

    /// The days of `event_cells.day` a search for this window reads (`candidateQuery`'s day range).
    static func searchedDays(_ window: ClosedRange<Int>) -> ClosedRange<Int> {
        (window.lowerBound - SQLEventStore.searchSlackDays)...(window.upperBound + SQLEventStore.searchSlackDays)
    }

    // MARK: eviction

    /// Drops the days before `day` from the covered stretch.
    func evict(before day: Int) {
        guard let covered, day > covered.lowerBound else { return }
        guard day <= covered.upperBound else { reset(); return }
        for d in covered.lowerBound..<day {
            for key in keysByDay.removeValue(forKey: d) ?? [] {
                guard let indexed = events.removeValue(forKey: key) else { continue }
                if let merged = indexed.merged {
                    membersInRange[merged]?.remove(key)
                    if membersInRange[merged]?.isEmpty == true {
                        membersInRange[merged] = nil
                        consensus[merged] = nil
                    }
                }
            }
        }
        for (cell, tiers) in cells {
            let kept = tiers.map { $0.filter { $0.day >= day } }
            cells[cell] = kept.allSatisfy(\.isEmpty) ? nil : kept
        }
        self.covered = day...covered.upperBound
    }

    /// The first index whose element satisfies `isAtOrAfter` (a predicate false then true along the array).
    static func firstIndex(in entries: [Entry], where isAtOrAfter: (Entry) -> Bool) -> Int {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if isAtOrAfter(entries[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
