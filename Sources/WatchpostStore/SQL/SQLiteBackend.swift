import Foundation
import GRDB

/// SQLite through GRDB: the embedded default, one file, WAL journal so that a `kill -9` loses at
/// most the transaction in flight.
final class SQLiteBackend: SQLBackend, @unchecked Sendable {
    let dialect = SQLDialect.sqlite
    let path: String
    private let queue: DatabaseQueue

    init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // 32 MB of page cache (SQLite's default is 2 MB): ingest touches index pages all over a
            // growing file (content hashes, cells, links); with the default most of them were read
            // back from the OS on every transaction (pread was ~5 % of a 100k-event ingest).
            try db.execute(sql: "PRAGMA cache_size = -32768")
        }
        queue = path == ":memory:" ? try DatabaseQueue(configuration: config) : try DatabaseQueue(path: path, configuration: config)
    }

    func transaction<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        // `write` wraps the closure in BEGIN IMMEDIATE … COMMIT and rolls back on a thrown error.
        // A local box lets the generic result cross GRDB's closure without a Sendable requirement.
        var result: T?
        try queue.inTransaction(.immediate) { db in
            result = try body(Executor(db: db))
            return .commit
        }
        return result!
    }

    func close() { try? queue.close() }

    private struct Executor: SQLExecutor {
        let db: Database
        var dialect: SQLDialect { .sqlite }

        // Statements come from GRDB's per-connection cache: the store runs the same few statements
        // for every report, and parsing them again each time was a good part of an ingest's cost.
        func execute(_ sql: String, _ binds: [SQLValue]) throws {
            try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(binds))
        }

        func query(_ sql: String, _ binds: [SQLValue]) throws -> [SQLRow] {
            let statement = try db.cachedStatement(sql: sql)
            return try Row.fetchAll(statement, arguments: Self.arguments(binds)).map { row in
                var values: [String: SQLValue] = [:]
                for (column, dbValue) in row {
                    switch dbValue.storage {
                    case .null: values[column] = .null
                    case .int64(let v): values[column] = .int(Int(v))
                    case .double(let v): values[column] = .double(v)
                    case .string(let s): values[column] = .text(s)
                    case .blob(let d): values[column] = .text(String(decoding: d, as: UTF8.self))
                    }
                }
                return SQLRow(values: values)
            }
        }

        /// The values as GRDB arguments, through its non-generic initializer: the generic one
        /// (`StatementArguments([DatabaseValue])`) maps with a key path that the runtime builds
        /// anew on every call, unspecialized across modules (perf: ~7 % of the SQLite ingest).
        static func arguments(_ binds: [SQLValue]) -> StatementArguments {
            StatementArguments(binds.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .null: return nil
                case .int(let v): return v
                case .double(let v): return v
                case .text(let s): return s
                }
            })
        }
    }
}
