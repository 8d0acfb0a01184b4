import Foundation
import Testing
@testable import WatchpostStore
import WatchpostCore

/// Two ingest workers drain one PostgreSQL queue: every report is processed exactly once.
// In the serialized store suite: the PostgreSQL cases share one database.
extension EventStoreTests {
    @Test func twoConcurrentWorkersProcessEveryReportOnce() throws {
        guard let url = Backend.postgresURL else {
            print("skipped: the worker test needs WATCHPOST_TEST_POSTGRES (run scripts/ci-postgres.sh)")
            return
        }
        try Backend.resetPostgres(url)
        let setup = try PostgresEventStore(url: url, rules: Fixtures.rules)
        defer { setup.close() }
        let documents = (0..<60).map { Fixtures.document("q\($0)", outlet: "Outlet \($0 % 3)", text: "queued report \($0)") }
        #expect(try setup.enqueue(documents) == 60)
        #expect(try setup.enqueue(documents) == 0)  // queued once, however often it is offered
        // Three reports per strike, strikes on different days, so merges race across workers.
        let extract: @Sendable (Document) -> [Event] = { d in
            let n = Int(d.id.dropFirst())!
            return [Fixtures.event(d.id, "\(d.id)-1", Day(iso: "2021-01-01")!.adding(days: n / 3).iso, fatalities: n)]
        }
        let processed = Counter()
        let group = DispatchGroup()
        for name in ["worker-a", "worker-b"] {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let store = try PostgresEventStore(url: url, rules: Fixtures.rules)
                    defer { store.close() }
                    while try store.processNext(worker: name, extract: extract) != nil { processed.add(name) }
                } catch {
                    processed.fail("\(name): \(String(reflecting: error))")
                }
            }
        }
        group.wait()
        #expect(processed.failures.isEmpty, "\(processed.failures)")
        #expect(processed.total == 60)
        let status = try setup.queueStatus()
        #expect(status.pending == 0 && status.done == 60 && status.maxAttempts == 1)
        #expect(try setup.counts() == StoreCounts(reports: 60, events: 60, mergedEvents: 20))
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var byName: [String: Int] = [:]
    private(set) var failures: [String] = []
    func add(_ name: String) { lock.lock(); byName[name, default: 0] += 1; lock.unlock() }
    func fail(_ message: String) { lock.lock(); failures.append(message); lock.unlock() }
    var total: Int { lock.lock(); defer { lock.unlock() }; return byName.values.reduce(0, +) }
}
