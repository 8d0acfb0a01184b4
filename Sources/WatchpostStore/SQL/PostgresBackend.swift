import Foundation
import Logging
import NIOCore
import PostgresNIO

/// PostgreSQL through postgres-nio, for teams and several ingest workers on one database.
///
/// One connection per backend (one per worker process); the store's API is synchronous, so calls
/// wait on postgres-nio's futures, which run on NIO's own event loop threads, never on the caller's.
final class PostgresBackend: SQLBackend, @unchecked Sendable {
    let dialect = SQLDialect.postgres
    private let connection: PostgresConnection
    private let logger = Logger(label: "watchpost.store.postgres")
    private let lock = NSLock()

    /// `postgres://user[:password]@host[:port]/database`
    init(url: String) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql" else {
            throw StoreError.invalidLocation(url)
        }
        let user = components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres"
        let database = components.path.split(separator: "/").first.map(String.init)
        let configuration: PostgresConnection.Configuration
        if let host = components.host, !host.isEmpty {
            configuration = .init(host: host, port: components.port ?? 5432, username: user,
                                  password: components.password, database: database, tls: .disable)
        } else {
            configuration = .init(unixSocketPath: "/var/run/postgresql/.s.PGSQL.\(components.port ?? 5432)",
                                  username: user, password: components.password, database: database)
        }
        connection = try PostgresConnection.connect(
            on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration, id: 1, logger: logger
        ).wait()
    }

    func transaction<T>(_ body: (any SQLExecutor) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let executor = Executor(connection: connection, logger: logger)
        try executor.execute("BEGIN")
        do {
            let result = try body(executor)
            try executor.execute("COMMIT")
            return result
        } catch {
            try? executor.execute("ROLLBACK")
            throw error
        }
    }

    func close() { try? connection.close().wait() }

    private struct Executor: SQLExecutor {
        let connection: PostgresConnection
        let logger: Logger
        var dialect: SQLDialect { .postgres }

        func execute(_ sql: String, _ binds: [SQLValue]) throws { _ = try run(sql, binds) }

        func query(_ sql: String, _ binds: [SQLValue]) throws -> [SQLRow] {
            try run(sql, binds).rows.map { row in
                var values: [String: SQLValue] = [:]
                for cell in row {
                    values[cell.columnName] = try Self.value(of: cell)
                }
                return SQLRow(values: values)
            }
        }

        private func run(_ sql: String, _ binds: [SQLValue]) throws -> PostgresQueryResult {
            var bindings = PostgresBindings(capacity: binds.count)
            for value in binds {
                switch value {
                case .null: bindings.appendNull()
                case .int(let v): bindings.append(v)
                case .double(let v): bindings.append(v)
                case .text(let s): bindings.append(s)
                }
            }
            let query = PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings)
            return try connection.query(query, logger: logger).wait()
        }

        /// `?` → `$1, $2, …` in order.
        static func numbered(_ sql: String) -> String {
            var out = ""
            var n = 0
            for ch in sql {
                if ch == "?" {
                    n += 1
                    out += "$\(n)"
                } else {
                    out.append(ch)
                }
            }
            return out
        }

        static func value(of cell: PostgresCell) throws -> SQLValue {
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int2, .int4, .int8: return .int(try cell.decode(Int.self))
            case .float4, .float8: return .double(try cell.decode(Double.self))
            case .numeric: return .double(Double(try cell.decode(String.self)) ?? 0)
            case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
            default: return .text(try cell.decode(String.self))
            }
        }
    }
}
