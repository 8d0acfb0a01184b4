import Foundation

/// Reads the standard public place tables into the gazetteer format, so a user can load a fuller
/// gazetteer or another country: GeoNames country dumps (19 tab-separated columns) and OCHA
/// populated-place tables (CSV with admin P-codes). Bad rows are reported by file and line; the
/// rest are imported.
public enum GazetteerImporter {
    public struct Report: Sendable {
        public var format: String
        public var imported: Int
        /// Rows of a kind the gazetteer does not keep (GeoNames classes other than P, T, S, L, H).
        public var skipped: Int
        public var errors: [InputError]
    }

    /// The default user gazetteer: `~/.watchpost/gazetteer.tsv`.
    public static var defaultUserGazetteer: URL {
        FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".watchpost/gazetteer.tsv")
    }

    /// Imports `file` (format detected from its first line) and merges it into `userGazetteer`:
    /// rows with an id already there are replaced, the others appended.
    public static func importFile(_ file: URL, into userGazetteer: URL) throws -> Report {
        let text: String
        do { text = try String(contentsOf: file, encoding: .utf8) } catch {
            throw InputError(.unreadable, input: file.path, message: "\(error)")
        }
        let parsed = try parse(text, input: file.path, tables: AdminTables.bundled())
        var existing: [GazetteerFile.Row] = []
        if FileManager.default.fileExists(atPath: userGazetteer.path) {
            let old = GazetteerFile.parse(try String(contentsOf: userGazetteer, encoding: .utf8), input: userGazetteer.path)
            existing = old.rows
        }
        let newIDs = Set(parsed.rows.map(\.place.id))
        let rows = existing.filter { !newIDs.contains($0.place.id) } + parsed.rows
        try FileManager.default.createDirectory(at: userGazetteer.deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        let out = ([GazetteerFile.header.joined(separator: "\t")] + rows.map(GazetteerFile.line)).joined(separator: "\n") + "\n"
        try out.write(to: userGazetteer, atomically: true, encoding: .utf8)
        return parsed.report
    }

    /// Admin1 names for codes: GeoNames admin1 codes and OCHA admin1 P-codes (data files).
    struct AdminTables: Sendable {
        var geonames: [String: String] = [:]  // "SY.09" → "Aleppo"
        var pcodes: [String: String] = [:]    // "SY02" → "Aleppo"

        static func bundled() throws -> AdminTables {
            var t = AdminTables()
            for (path, isGeoNames) in [("gazetteer/geonames_admin1.tsv", true), ("gazetteer/admin1.tsv", false)] {
                guard let url = BundledData.url(path) else { continue }
                for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
                    let f = line.split(separator: "\t").map(String.init)
                    guard f.count >= 3, f[0] != "country" else { continue }
                    if isGeoNames { t.geonames["\(f[0]).\(f[1])"] = f[2] } else { t.pcodes[f[1]] = f[2] }
                }
            }
            return t
        }
    }

    static func parse(_ text: String, input: String, tables: AdminTables) throws
        -> (rows: [GazetteerFile.Row], report: Report) {
        let firstLine = text.prefix { $0 != "\n" }
        if firstLine.split(separator: "\t", omittingEmptySubsequences: false).count == 19 {
            return parseGeoNames(text, input: input, tables: tables)
        }
        if firstLine.lowercased().contains("pcode") {
            return parseOCHA(text, input: input, tables: tables)
        }
        throw InputError(.invalidField, input: input, line: 1,
                         message: "neither a GeoNames dump (19 tab-separated columns) nor an OCHA table (a CSV header with P-codes)")
    }

    // MARK: GeoNames

    static func geoNamesKind(featureClass: String, code: String, population: Int?) -> String? {
        switch featureClass {
        case "P":
            if code == "PPLC" || code == "PPLA" { return "city" }
            if code == "PPLX" { return "neighbourhood" }
            if code.hasPrefix("PPLA") { return "town" }
            return settlementKind(population)
        case "T":
            if code.hasPrefix("MT") { return "mountain" }
            if code == "PASS" || code == "GAP" { return "crossing" }
            return "hill"
        case "S":
            if code.hasPrefix("AIR") { return "airport" }
            if code == "DAM" { return "dam" }
            if code == "RD" || code == "RDJCT" || code == "ST" { return "road" }
            return "base"
        case "L": return "district"
        case "H": return code == "DAM" || code.hasPrefix("RSV") ? "dam" : "water"
        default: return nil
        }
    }

    static func settlementKind(_ population: Int?) -> String {
        switch population ?? 0 {
        case 100_000...: "city"
        case 10_000...: "town"
        default: "village"
        }
    }

    static func parseGeoNames(_ text: String, input: String, tables: AdminTables) -> ([GazetteerFile.Row], Report) {
        var rows: [GazetteerFile.Row] = []
        var report = Report(format: "GeoNames", imported: 0, skipped: 0, errors: [])
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 19 else {
                report.errors.append(InputError(.invalidField, input: input, line: lineNumber,
                                                message: "expected 19 tab-separated columns, found \(f.count)"))
                continue
            }
            guard !f[0].isEmpty, !f[1].isEmpty, let lat = Double(f[4]), let lon = Double(f[5]),
                  (-90...90).contains(lat), (-180...180).contains(lon) else {
                report.errors.append(InputError(.invalidField, input: input, line: lineNumber,
                                                message: "missing id or name, or unreadable latitude/longitude"))
                continue
            }
            let population = Int(f[14]).flatMap { $0 > 0 ? $0 : nil }
            guard let kind = geoNamesKind(featureClass: f[6], code: f[7], population: population) else {
                report.skipped += 1
                continue
            }
            // Latin-script alternate names only: reports are matched in English transliteration.
            let alternates = f[3].split(separator: ",").map(String.init)
                .filter { $0.unicodeScalars.contains { $0.properties.isAlphabetic && $0.value < 0x250 } && !$0.contains("http") }
            let place = Place(id: "gn-\(f[0])", name: f[1], kind: kind,
                              admin1: tables.geonames["\(f[8]).\(f[10])"], admin2: nil, latitude: lat, longitude: lon,
                              population: population, country: f[8])
            rows.append(GazetteerFile.Row(place: place, variants: Array(Set([f[2]] + alternates).subtracting([f[1]])).sorted(),
                                          source: "geonames"))
            report.imported += 1
        }
        return (rows, report)
    }

    // MARK: OCHA

    static func parseOCHA(_ text: String, input: String, tables: AdminTables) -> ([GazetteerFile.Row], Report) {
        var rows: [GazetteerFile.Row] = []
        var report = Report(format: "OCHA populated places", imported: 0, skipped: 0, errors: [])
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let headerLine = lines.first else { return (rows, report) }
        let header = CSVLine.fields(String(headerLine)).map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        func column(_ names: [String]) -> Int? {
            for n in names { if let i = header.firstIndex(of: n) { return i } }
            return nil
        }
        let name = column(["admin4name_en", "pplname_en", "name_en", "featurename", "name", "admin4name"])
        let pcode = column(["admin4pcode", "pcode", "ppl_pcode", "pplpcode"])
        let a1code = column(["admin1pcode", "adm1_pcode"]), a1name = column(["admin1name_en", "adm1_en"])
        let a2name = column(["admin2name_en", "adm2_en"])
        let lat = column(["latitude", "lat", "y"]), lon = column(["longitude", "lon", "long", "x"])
        let pop = column(["population", "pop", "total_population"])
        let alt = column(["alt_name", "alternatenames", "admin4refname_en", "admin4altname_en"])
        let country = column(["admin0pcode", "adm0_pcode", "iso2"])
        guard let name, let lat, let lon else {
            report.errors.append(InputError(.missingField, input: input, line: 1,
                                            message: "an OCHA table needs name, latitude and longitude columns"))
            return (rows, report)
        }
        for (offset, line) in lines.enumerated().dropFirst() {
            let lineNumber = offset + 1
            let raw = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
            if raw.isEmpty { continue }
            let f = CSVLine.fields(raw)
            func value(_ i: Int?) -> String? {
                guard let i, i < f.count else { return nil }
                let v = f[i].trimmingCharacters(in: .whitespaces)
                return v.isEmpty ? nil : v
            }
            guard f.count == header.count, let n = value(name), let la = value(lat).flatMap(Double.init),
                  let lo = value(lon).flatMap(Double.init), (-90...90).contains(la), (-180...180).contains(lo) else {
                report.errors.append(InputError(.invalidField, input: input, line: lineNumber,
                                                message: "expected \(header.count) fields with a name and numeric coordinates"))
                continue
            }
            let code = value(pcode) ?? "line\(lineNumber)"
            let admin1 = value(a1code).flatMap { tables.pcodes[$0] } ?? value(a1name)
            let population = value(pop).flatMap { Int(Double($0) ?? -1) }.flatMap { $0 > 0 ? $0 : nil }
            let cc = value(country).map { String($0.prefix(2)) } ?? String(code.prefix(2))
            let variants = (value(alt) ?? "").split(whereSeparator: { $0 == ";" || $0 == "," }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty && $0 != n }
            let place = Place(id: "ocha-\(code)", name: n, kind: settlementKind(population), admin1: admin1,
                              admin2: value(a2name), latitude: la, longitude: lo, population: population, country: cc)
            rows.append(GazetteerFile.Row(place: place, variants: variants, source: "ocha"))
            report.imported += 1
        }
        return (rows, report)
    }
}

/// One CSV record on one line (RFC 4180 quotes, no embedded newlines). Hand-written rather than
/// SwiftCSV because the importer needs each bad line reported by number while the rest go on,
/// which a whole-file parser that throws does not give.
enum CSVLine {
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? chars.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else {
                    current.append(c)
                }
            } else if c == "\"" && current.isEmpty {
                quoted = true
            } else if c == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }
}
