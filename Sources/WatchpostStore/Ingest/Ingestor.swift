import Foundation
import WatchpostCore

/// Extracts and stores reports, one transaction each, or one per batch. The extractor is a closure so that the store
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

    /// Stores reports in one transaction, in order; those already stored with this content are
    /// skipped before extraction. Each report is atomic within the batch, and the batch as a whole:
    /// a crash loses the batch, and ingesting it again redoes it, giving the store a clean run gives.
    public func ingest(batch documents: [Document]) throws -> [IngestOutcome] {
        let hashes = documents.map(ContentHash.of)
        let stored = try store.storedContentHashes(hashes)
        var outcomes = [IngestOutcome?](repeating: nil, count: documents.count)
        var work: [(document: Document, events: [Event])] = []
        var positions: [Int] = []
        for (i, document) in documents.enumerated() {
            if stored.contains(hashes[i]) {
                outcomes[i] = .unchanged
            } else {
                work.append((document, try extract(document)))
                positions.append(i)
            }
        }
        for (position, outcome) in zip(positions, try store.ingest(batch: work)) { outcomes[position] = outcome }
        return outcomes.map { $0! }
    }
}
