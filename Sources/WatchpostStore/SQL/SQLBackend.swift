/// The SQL dialect differences the store cares about.
enum SQLDialect: Sendable {
    case sqlite
    case postgres
}

/// Runs statements inside one open transaction. Statements use `?` placeholders; the PostgreSQL
/// backend renumbers them to `$1, $2, …` (no statement of the store has a `?` inside a literal).
protocol SQLExecutor {
    var dialect: SQLDialect { get }
    func execute(_ sql: String, _ binds: [SQLValue]) throws
    func query(_ sql: String, _ binds: [SQLValue]) throws -> [SQLRow]
}

/// A database connection the store writes through: each `transaction` commits as a whole or not at all.
///
/// Synchronous on purpose: GRDB's transactions are synchronous closures, and the store's logic
/// (candidate search, merge decision, writes) must run inside one transaction on either backend.
protocol SQLBackend: AnyObject, Sendable {
    var dialect: SQLDialect { get }
    func transaction<T>(_ body: (any SQLExecutor) throws -> T) throws -> T
    func close()
}

extension SQLExecutor {
    func execute(_ sql: String) throws { try execute(sql, []) }
    func query(_ sql: String) throws -> [SQLRow] { try query(sql, []) }
    func scalar(_ sql: String, _ binds: [SQLValue] = []) throws -> SQLValue {
        try query(sql, binds).first?.values.values.first ?? .null
    }
    /// A `?, ?, ?` list for an `IN (…)` of `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}

func placeholders(_ count: Int) -> String { Array(repeating: "?", count: max(count, 1)).joined(separator: ", ") }
