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
    static func parse(_ text: String, input: String) -> (rows: [Row], errors: [InputError]) {
        var rows: [Row] = []
        var errors: [InputError] = []
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            if lineNumber == 1 || line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 11 else {
                errors.append(InputError(.invalidField, input: input, line: lineNumber,
                                         message: "expected 11 tab-separated fields, found \(f.count)"))
                continue
            }
            func opt(_ i: Int) -> String? { f[i].isEmpty ? nil : String(f[i]) }
            let lat = opt(7).flatMap(Double.init), lon = opt(8).flatMap(Double.init)
            if f[1].isEmpty || (opt(7) != nil && lat == nil) || (opt(8) != nil && lon == nil) {
                errors.append(InputError(.invalidField, input: input, line: lineNumber,
                                         message: "empty name or unreadable coordinates"))
                continue
            }
            let place = Place(id: String(f[0]), name: String(f[1]), kind: String(f[3]), admin1: opt(5), admin2: opt(6),
                              latitude: lat, longitude: lon, population: opt(9).flatMap { Int($0) },
                              country: String(f[4]))
            let variants = f[2].split(separator: ";").map(String.init)
            rows.append(Row(place: place, variants: variants, source: String(f[10])))
        }
        return (rows, errors)
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
