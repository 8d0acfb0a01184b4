import Foundation
@testable import WatchpostStore
import WatchpostCore

/// The backends the store suite runs on. PostgreSQL needs WATCHPOST_TEST_POSTGRES (a URL; see
/// scripts/ci-postgres.sh) and is skipped, with a note, when it is unset.
enum Backend: String, CaseIterable, CustomStringConvertible {
    case sqlite, postgres
    var description: String { rawValue }

    static var postgresURL: String? { ProcessInfo.processInfo.environment["WATCHPOST_TEST_POSTGRES"] }

    /// A fresh, empty store, or nil (skip) when the backend is not available here.
    func makeStore(rules: MergeRules = Fixtures.rules) throws -> SQLEventStore? {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("wp-\(UUID().uuidString).sqlite").path
            return try SQLiteEventStore(path: path, rules: rules)
        case .postgres:
            guard let url = Self.postgresURL else {
                print("skipped: PostgreSQL tests need WATCHPOST_TEST_POSTGRES (run scripts/ci-postgres.sh)")
                return nil
            }
            try Self.resetPostgres(url)
            return try PostgresEventStore(url: url, rules: rules)
        }
    }

    static func resetPostgres(_ url: String) throws {
        let backend = try PostgresBackend(url: url)
        defer { backend.close() }
        try backend.transaction { db in
            try db.execute("DROP SCHEMA public CASCADE")
            try db.execute("CREATE SCHEMA public")
        }
    }
}

enum Fixtures {
    /// A made-up side table, so that editing the real one cannot break the tests.
    static let sides = ActorSides(table: [
        "Northern Army": "north", "Northern Air Force": "north", "Hill Rebels": "hill",
        "Masked Gunmen": "unknown", "Civilians": "civilians",
    ])
    static let rules = MergeRules(sides: sides)

    static func event(_ doc: String, _ id: String, _ date: String, type: EventType = .explosions,
                      sub: String = "Air/drone strike", actor1: String? = "Northern Air Force",
                      actor2: String? = "Civilians", location: String? = "Tall Karam", admin1: String? = "Upland",
                      lat: Double? = 35.0, lon: Double? = 36.0, geo: GeoPrecision = .town,
                      precision: TimePrecision = .day, fatalities: Int? = nil, claimedBy: String? = nil,
                      status: ClaimStatus = .reported) -> Event {
        Event(doc: doc, id: id, date: Day(iso: date), timePrecision: precision, eventType: type, subEventType: sub,
              actor1: actor1, actor2: actor2, location: location, admin1: admin1, latitude: lat, longitude: lon,
              geoPrecision: geo, fatalities: fatalities, claimedBy: claimedBy, claimStatus: status,
              evidence: "evidence of \(id)")
    }

    static func document(_ id: String, outlet: String = "Test Wire", published: String = "2020-01-02",
                         text: String? = nil) -> Document {
        Document(id: id, outlet: outlet, published: Day(iso: published), text: text ?? "Report \(id) text.")
    }
}
