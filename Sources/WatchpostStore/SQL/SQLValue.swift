/// A value bound into, or read out of, a SQL statement: the small common ground of SQLite and
/// PostgreSQL that the store needs. Every value reaches the database as a bound parameter.
enum SQLValue: Sendable, Hashable {
    case null
    case int(Int)
    case double(Double)
    case text(String)

    init(_ value: String?) { self = value.map(SQLValue.text) ?? .null }
    init(_ value: Int?) { self = value.map(SQLValue.int) ?? .null }
    init(_ value: Double?) { self = value.map(SQLValue.double) ?? .null }

    var int: Int? {
        switch self {
        case .int(let v): return v
        case .double(let v): return Int(v)
        case .text(let s): return Int(s)
        case .null: return nil
        }
    }

    var double: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .double(let v): return v
        case .text(let s): return Double(s)
        case .null: return nil
        }
    }

    var text: String? {
        switch self {
        case .text(let s): return s
        case .int(let v): return String(v)
        case .double(let v): return String(v)
        case .null: return nil
        }
    }
}

/// One result row, by column name.
struct SQLRow: Sendable {
    var values: [String: SQLValue]
    subscript(_ column: String) -> SQLValue { values[column] ?? .null }
}
