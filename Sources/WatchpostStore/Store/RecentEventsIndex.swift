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
    /// One cell row of an indexed event: the event's slot in `slots`, its day and window.
    struct Entry {
        var slot: Int
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
    /// The indexed events by slot. Entries and member sets hold slots, so that a search works on
    /// integers and copies each candidate once, not keys hashed over and over. Not optional, so
    /// that `slots[i].field` reads in place (through an optional the whole entry was copied);
    /// a free slot (`live` false) keeps its last event until it is reused.
    private var slots: [Indexed] = []
    private var live: [Bool] = []
    private var freeSlots: [Int] = []
    private var slotOf: [SQLEventStore.EventKey: Int] = [:]
    private var slotsByDay: [Int: [Int]] = [:]
    /// The covered events of each merged event (to follow a bridge).
    private var membersInRange: [String: Set<Int>] = [:]
    /// Stored consensus days of the merged events of covered events, when the row has one (`consensus_known`).
    private var consensus: [String: Int?] = [:]

    init(capacityDays: Int = 150) { self.capacityDays = capacityDays }

    private static let emptyTiers: [[Entry]] = Array(repeating: [], count: CandidateWindows.tiers.count)

    var isEmpty: Bool { covered == nil }
    var eventCount: Int { slotOf.count }

    func reset() {
        covered = nil
        cells = [:]
        slots = []
        live = []
        freeSlots = []
        slotOf = [:]
        slotsByDay = [:]
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
        guard slotOf[key] == nil else { return }
        let indexed = Indexed(event: event, profile: profile, ordinal: ordinal, merged: merged)
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            slots[slot] = indexed
            live[slot] = true
        } else {
            slot = slots.count
            slots.append(indexed)
            live.append(true)
        }
        slotOf[key] = slot
        slotsByDay[day, default: []].append(slot)
        if let merged {
            membersInRange[merged, default: []].insert(slot)
            if consensusKnown { consensus[merged] = .some(consensusDay) }
        }
        for row in rows {
            let entry = Entry(slot: slot, day: row.day, start: row.start, end: row.end)
            let at = cells[row.cell].map { tiers in Self.firstIndex(in: tiers[row.tier]) { $0.start > row.start } } ?? 0
            // Mutated in place through the dictionary (a copy out and back would copy the whole cell).
            cells[row.cell, default: Self.emptyTiers][row.tier].insert(entry, at: at)
        }
    }

    /// The event was linked into `merged` (a new link).
    func linked(_ key: SQLEventStore.EventKey, to merged: String) {
        guard let slot = slotOf[key] else { return }
        if let old = slots[slot].merged { membersInRange[old]?.remove(slot) }
        slots[slot].merged = merged
        membersInRange[merged, default: []].insert(slot)
    }

    /// Every link of `from` now points to `into` (a bridge).
    func moved(from: String, into: String) {
        guard let moved = membersInRange.removeValue(forKey: from) else { return }
        for slot in moved { slots[slot].merged = into }
        membersInRange[into, default: []].formUnion(moved)
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
        var found: [Int] = []
        for cell in Set(keys) {
            guard let tiers = cells[cell] else { continue }
            for tier in CandidateWindows.tiers {
                let earliestStart = tier.maxLength.map { window.lowerBound - $0 } ?? Int.min
                let entries = tiers[tier.tier]
                var i = Self.firstIndex(in: entries) { $0.start >= earliestStart }
                while i < entries.count, entries[i].start <= window.upperBound {
                    let entry = entries[i]
                    i += 1
                    if entry.end >= window.lowerBound, days.contains(entry.day) { found.append(entry.slot) }
                }
            }
        }
        // One event may be under several of the keys: each once.
        found.sort()
        // Fields read in place (`slots[slot].field`): a copy of the whole entry retains every string of its event.
        var rows: [(merged: String, doc: String, ordinal: Int, slot: Int)] = []
        var previous = -1
        for slot in found where slot != previous {
            previous = slot
            guard slots[slot].event.doc != report, let merged = slots[slot].merged else { continue }
            if case .some(.some(let day)) = consensus[merged], !window.contains(day) { continue }
            rows.append((merged, slots[slot].event.doc, slots[slot].ordinal, slot))
        }
        // ORDER BY merged_id, report_id, ordinal, as SQLite orders text: by its UTF-8 bytes.
        rows.sort { a, b in
            if a.merged != b.merged { return a.merged.utf8.lexicographicallyPrecedes(b.merged.utf8) }
            if a.doc != b.doc { return a.doc.utf8.lexicographicallyPrecedes(b.doc.utf8) }
            return a.ordinal < b.ordinal
        }
        var groups: [CandidateGroup] = []
        for row in rows {
            var e = slots[row.slot].event
            e.mergedID = row.merged
            if groups.last?.merged == row.merged {
                groups[groups.count - 1].events.append(e)
                groups[groups.count - 1].profiles.append(slots[row.slot].profile)
            } else {
                let stored: Day?? = consensus[row.merged].map { $0.map(Day.init(ordinal:)) }
                groups.append(CandidateGroup(merged: row.merged, consensus: stored, events: [e], profiles: [slots[row.slot].profile]))
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
            for slot in slotsByDay.removeValue(forKey: d) ?? [] {
                guard live[slot] else { continue }
                let indexed = slots[slot]
                live[slot] = false
                freeSlots.append(slot)
                slotOf[SQLEventStore.EventKey(report: indexed.event.doc, event: indexed.event.id)] = nil
                if let merged = indexed.merged {
                    membersInRange[merged]?.remove(slot)
                    if membersInRange[merged]?.isEmpty == true {
                        membersInRange[merged] = nil
                        consensus[merged] = nil
                    }
                }
            }
        }
        for (cell, tiers) in cells {
            // A freed slot may be reused: no entry may outlive its event.
            let kept = tiers.map { $0.filter { $0.day >= day && live[$0.slot] } }
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
