import Foundation
import WatchpostCore

/// Report events decoded from their stored JSON, keyed by that JSON. The merger reads the same
/// stored events again and again (each is a candidate for the reports of its days, and a member
/// whenever its merged event is refreshed); decoding was most of an ingest's cost.
///
/// Keyed by the stored text itself, not by (report, event): a report replaced by another process
/// (PostgreSQL workers) has new text, so a stale entry can never be returned. Bounded: when full it
/// starts over, which costs a few decodes and keeps memory flat on stores of any size.
final class DecodedEventCache: @unchecked Sendable {
    private var events: [String: Event] = [:]
    private let capacity: Int
    private let lock = NSLock()
    private let decoder = JSONDecoder()

    init(capacity: Int = 20_000) { self.capacity = capacity }

    func event(fromJSON body: String) throws -> Event {
        lock.lock()
        defer { lock.unlock() }
        if let cached = events[body] { return cached }
        let decoded = try decoder.decode(Event.self, from: Data(body.utf8))
        if events.count >= capacity { events.removeAll(keepingCapacity: true) }
        events[body] = decoded
        return decoded
    }
}
