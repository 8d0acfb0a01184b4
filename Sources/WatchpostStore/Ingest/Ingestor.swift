import Foundation
import WatchpostCore

/// Extracts and stores reports, one transaction each. The extractor is a closure so that the store
/// needs no extractor: tests pass events they build, the CLI passes the real pipeline.
public struct Ingestor {
    public let store: any EventStore
    public let extract: (Document) throws -> [Event]

    public init(store: any EventStore, extract: @escaping (Document) throws -> [Event]) {
        self.store = store
        self.extract = extract
    }

    /// Stores one report; a report already stored with this content is skipped before extraction.
    public func ingest(_ document: Document) throws -> IngestOutcome {
        if try store.contains(contentHash: ContentHash.of(document)) {
            return .unchanged
        }
        return try store.ingest(document, events: try extract(document))
    }
}
