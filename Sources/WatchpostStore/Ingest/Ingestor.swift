import Foundation
import WatchpostCore

/// Extracts and stores reports, one transaction each, or one per batch. The extractor is a closure so that the store
/// needs no extractor: tests pass events they build, the CLI passes the real pipeline.
public struct Ingestor {
    public let store: any EventStore
    public let extract: @Sendable (Document) throws -> [Event]
    /// Threads extracting the reports of a batch at once (the store then takes them in order, on one).
    public var threads: Int

    public init(store: any EventStore, extract: @escaping @Sendable (Document) throws -> [Event], threads: Int = 1) {
        self.store = store
        self.extract = extract
        self.threads = max(1, threads)
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
    /// Extraction runs on `threads` threads; storing and merging keep the batch's order, so the
    /// store is the same whatever the thread count.
    public func ingest(batch documents: [Document]) throws -> [IngestOutcome] {
        let hashes = documents.map(ContentHash.of)
        let stored = try store.storedContentHashes(hashes)
        let todo = documents.indices.filter { !stored.contains(hashes[$0]) }
        let events = try extractAll(todo.map { documents[$0] })
        var outcomes = [IngestOutcome](repeating: .unchanged, count: documents.count)
        let work = zip(todo, events).map { (document: documents[$0.0], events: $0.1) }
        for (position, outcome) in zip(todo, try store.ingest(batch: work)) { outcomes[position] = outcome }
        return outcomes
    }

    /// The events of each document, in order; the first extraction error is thrown.
    private func extractAll(_ documents: [Document]) throws -> [[Event]] {
        let workers = min(threads, documents.count)
        guard workers > 1 else { return try documents.map(extract) }
        let results = ExtractionResults(count: documents.count)
        let extract = self.extract
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for i in stride(from: worker, to: documents.count, by: workers) {
                results.set(i, Result { try extract(documents[i]) })
            }
        }
        return try results.values().map { try $0.get() }
    }
}

/// Slots the extraction threads fill, each its own index, under a lock.
private final class ExtractionResults: @unchecked Sendable {
    private var slots: [Result<[Event], any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<[Event], any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func values() -> [Result<[Event], any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
