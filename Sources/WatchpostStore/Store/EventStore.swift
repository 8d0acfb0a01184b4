import WatchpostCore

/// Where reports, their events and the merged events live. Two implementations: `SQLiteEventStore`
/// (the embedded default) and `PostgresEventStore` (teams, several ingest workers).
public protocol EventStore: AnyObject, Sendable {
    /// Stores one report and its events and merges them, all in one transaction.
    /// Idempotent: the same content again changes nothing; a changed report replaces its own events.
    func ingest(_ document: Document, events: [Event]) throws -> IngestOutcome
    /// Stores several reports in one transaction, each exactly as `ingest` would, in order: a
    /// crash loses at most the uncommitted batch, and running it again redoes it.
    func ingest(batch: [(document: Document, events: [Event])]) throws -> [IngestOutcome]
    /// Whether a report with this content is already stored (skips extraction on re-runs).
    func contains(contentHash: String) throws -> Bool
    /// The content hashes of these that are stored (one query for a batch).
    func storedContentHashes(_ hashes: [String]) throws -> Set<String>

    func mergedEvents(_ filter: EventFilter) throws -> [MergedEvent]
    func mergedEvent(id: String) throws -> MergedEvent?
    /// The per-report events, each with `mergedID` set.
    func reportEvents(_ filter: EventFilter) throws -> [Event]
    func counts() throws -> StoreCounts

    /// Breaks a merged event into one merged event per report event, and records that they must
    /// stay apart (cannot-link). Returns the new merged ids.
    func split(_ mergedID: String) throws -> [String]
    /// Joins two merged events into the first, and records that they must stay together (must-link).
    func join(_ first: String, _ second: String) throws -> String

    func close()
}

/// Opens the store a `--db` value names: `postgres://…` or a SQLite file path (created on first use).
public func openStore(_ location: String) throws -> any EventStore {
    if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
        return try PostgresEventStore(url: location)
    }
    return try SQLiteEventStore(path: location)
}
