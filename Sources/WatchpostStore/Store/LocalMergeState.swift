import WatchpostCore

/// What a single-writer store keeps in process between transactions so that merging a new event
/// reads nothing back from the database: the recent candidate index and the members of the merged
/// events it touches (their summaries are recomputed from these, not from re-read rows).
///
/// Both are caches of what the database holds, valid only while no other connection writes: at the
/// start of each write transaction `PRAGMA data_version` (which changes when another connection
/// commits) is compared with the last one seen, and everything is dropped when it moved, when a
/// transaction rolls back, and before the rare operations that rewrite links wholesale (a changed
/// report, split, join). SQLite only; a PostgreSQL store (several workers) has none.
final class LocalMergeState {
    let index: RecentEventsIndex
    let members: MergedMembersCache
    /// Merged events whose row is to be rewritten before the transaction commits (`flushRefreshes`).
    var pendingRows = Set<String>()
    /// Whether the store holds analyst corrections (nil: not yet asked; split and join reset it).
    var storeHasCorrections: Bool?
    private var dataVersion: Int?

    init(capacityDays: Int = 150, mergedCapacity: Int = 40_000) {
        index = RecentEventsIndex(capacityDays: capacityDays)
        members = MergedMembersCache(capacity: mergedCapacity)
    }

    /// Forgets everything (the pending rows too: call after a rollback, or after writing them).
    func reset() {
        index.reset()
        members.reset()
        pendingRows = []
        storeHasCorrections = nil
    }

    /// Drops everything when another connection committed since the last transaction.
    func revalidate(_ db: any SQLExecutor) throws {
        let version = try db.scalar("PRAGMA data_version").int
        if version != dataVersion { reset() }
        dataVersion = version
    }
}

/// The members of merged events, in the order `SQLEventStore.members(of:)` reads them (report id,
/// then ordinal). An entry is complete: every link of that merged event is in it. A merged event
/// that is not cached is read from the database once, then kept up to date as links are written.
final class MergedMembersCache {
    struct Member {
        var event: Event
        var ordinal: Int
        var reason: String
        let published: String?
        let ingested: String
        /// `published` and `ingested` as days, parsed once (every summary of the merged event reads them).
        let publishedDay: Day?
        let ingestedDay: Day?

        init(event: Event, ordinal: Int, reason: String, published: String?, ingested: String) {
            self.event = event
            self.ordinal = ordinal
            self.reason = reason
            self.published = published
            self.ingested = ingested
            publishedDay = published.flatMap(Day.init(iso:))
            ingestedDay = Day(iso: ingested)
        }
    }

    private var members: [String: [Member]] = [:]
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func reset() { members = [:] }

    subscript(merged: String) -> [Member]? { members[merged] }

    /// Keeps a complete member list (bounded: when full it starts over; the database is the truth).
    func store(_ list: [Member], for merged: String) {
        if members.count >= capacity && members[merged] == nil { members.removeAll(keepingCapacity: true) }
        members[merged] = list
    }

    /// A new link, when the merged event's list is cached.
    func add(_ member: Member, to merged: String) {
        guard var list = members[merged] else { return }
        let at = list.firstIndex { Self.precedes(member, $0) } ?? list.count
        list.insert(member, at: at)
        members[merged] = list
    }

    /// A bridge: every link of `from` now points to `into`, its reason extended. When either list is
    /// not cached both are forgotten (read again when refreshed).
    func moved(from: String, into: String, reasonSuffix: String) {
        guard let moving = members[from], let staying = members[into] else {
            members[from] = nil
            members[into] = nil
            return
        }
        let all = staying + moving.map { var m = $0; m.reason += reasonSuffix; return m }
        members[into] = all.sorted(by: Self.precedes)
        members[from] = []
    }

    /// `ORDER BY report_id, ordinal` as SQLite orders text (its UTF-8 bytes).
    static func precedes(_ a: Member, _ b: Member) -> Bool {
        if a.event.doc != b.event.doc { return a.event.doc.utf8.lexicographicallyPrecedes(b.event.doc.utf8) }
        return a.ordinal < b.ordinal
    }
}
