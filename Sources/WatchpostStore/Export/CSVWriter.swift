/// RFC 4180 CSV: a field is quoted when it holds a comma, quote or line break, quotes doubled.
///
/// Hand-written: the listed CSV packages (SwiftCSV, CSV.swift) are readers first; writing needs
/// only this escaping rule.
struct CSVWriter {
    private(set) var text = ""

    mutating func row(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",") + "\r\n"
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
