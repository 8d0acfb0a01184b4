import Foundation

/// The gazetteer's file format, shared by the bundled file and the user gazetteer:
/// a TSV with a header line, one place a line:
/// `id  name  variants(;)  kind  country  admin1  admin2  latitude  longitude  population  source`.
enum GazetteerFile {
    static let header = ["id", "name", "variants", "kind", "country", "admin1", "admin2", "latitude", "longitude",
                         "population", "source"]

    struct Row: Sendable, Hashable {
        var place: Place
        var variants: [String]
        var source: String
    }

    /// Parses the rows of one file; a malformed line is an error naming the file and line.
    /// Parses the rows of one file; a malformed line is an error naming the file and line.
    /// Works on UTF-8 bytes: start-up parses the whole bundled file, and Character-level splitting
    /// was most of the load time.
    static func parse(_ text: String, input: String) -> (rows: [Row], errors: [InputError]) {
        var rows: [Row] = []
        var errors: [InputError] = []
        var text = text
        text.withUTF8 { bytes in
            var lineNumber = 0
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
                lineNumber += 1
                var end = lineEnd
                if end > lineStart, bytes[end - 1] == 13 { end -= 1 }
                defer { lineStart = lineEnd + 1 }
                if lineNumber == 1 || end == lineStart || bytes[lineStart] == UInt8(ascii: "#") { continue }
                var f: [String] = []
                f.reserveCapacity(11)
                var fieldStart = lineStart
                for i in lineStart...end where i == end || bytes[i] == 9 {
                    f.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<i]), as: UTF8.self))
                    fieldStart = i + 1
                }
                if let row = Self.row(f, input: input, line: lineNumber, errors: &errors) { rows.append(row) }
            }
        }
        return (rows, errors)
    }

    private static func row(_ f: [String], input: String, line: Int, errors: inout [InputError]) -> Row? {
        guard f.count >= 11 else {
            errors.append(InputError(.invalidField, input: input, line: line,
                                     message: "expected 11 tab-separated fields, found \(f.count)"))
            return nil
        }
        func opt(_ i: Int) -> String? { f[i].isEmpty ? nil : f[i] }
        let lat = opt(7).flatMap(Double.init), lon = opt(8).flatMap(Double.init)
        if f[1].isEmpty || (opt(7) != nil && lat == nil) || (opt(8) != nil && lon == nil) {
            errors.append(InputError(.invalidField, input: input, line: line, message: "empty name or unreadable coordinates"))
            return nil
        }
        let place = Place(id: f[0], name: f[1], kind: f[3], admin1: opt(5), admin2: opt(6), latitude: lat, longitude: lon,
                          population: opt(9).flatMap { Int($0) }, country: f[4])
        return Row(place: place, variants: f[2].isEmpty ? [] : f[2].split(separator: ";").map(String.init), source: f[10])
    }

    static func line(_ row: Row) -> String {
        func clean(_ s: String) -> String {
            s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
        }
        let p = row.place
        let fields = [p.id, clean(p.name), row.variants.map { clean($0).replacingOccurrences(of: ";", with: ",") }
            .joined(separator: ";"), p.kind, p.country, p.admin1 ?? "", p.admin2 ?? "",
                      p.latitude.map { String(format: "%.5f", $0) } ?? "", p.longitude.map { String(format: "%.5f", $0) } ?? "",
                      p.population.map(String.init) ?? "", row.source]
        return fields.joined(separator: "\t")
    }
}
