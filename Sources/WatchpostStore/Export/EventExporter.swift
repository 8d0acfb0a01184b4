import Foundation
import WatchpostCore

/// Writes merged or per-report events as JSON Lines, CSV, ACLED-style CSV or GeoJSON.
public enum ExportFormat: String, CaseIterable, Sendable {
    case jsonl, csv, geojson
    case acledCSV = "acled-csv"
}

public enum EventExporter {
    // MARK: merged events

    public static func export(_ events: [MergedEvent], as format: ExportFormat) throws -> String {
        switch format {
        case .jsonl: return try jsonLines(events)
        case .csv, .acledCSV: return acledCSV(events)
        case .geojson: return try geoJSON(events.map { ($0.latitude, $0.longitude, try properties(of: $0)) })
        }
    }

    /// Per-report events (schema fields and `merged_id`).
    public static func export(_ events: [Event], as format: ExportFormat) throws -> String {
        switch format {
        case .jsonl: return try jsonLines(events)
        case .csv, .acledCSV:
            var csv = CSVWriter()
            let columns = ["doc", "id", "merged_id", "event_date", "time_precision", "event_type", "sub_event_type",
                           "actor1", "actor2", "admin1", "location", "latitude", "longitude", "geo_precision",
                           "fatalities", "claimed_by", "claim_status", "source"]
            csv.row(columns)
            for e in events {
                csv.row([e.doc, e.id, e.mergedID ?? "", e.date?.iso ?? "", "\(e.timePrecision.rawValue)", e.eventType.rawValue,
                         e.subEventType, e.actor1 ?? "", e.actor2 ?? "", e.admin1 ?? "", e.location ?? "",
                         e.latitude.map { "\($0)" } ?? "", e.longitude.map { "\($0)" } ?? "", "\(e.geoPrecision.rawValue)",
                         e.fatalities.map(String.init) ?? "", e.claimedBy ?? "", e.claimStatus.rawValue, e.outlet ?? ""])
            }
            return csv.text
        case .geojson:
            return try geoJSON(events.map { e in
                (e.latitude, e.longitude, try JSONSerialization.jsonObject(with: encoder.encode(e)) as? [String: Any] ?? [:])
            })
        }
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    static func jsonLines<T: Encodable>(_ values: [T]) throws -> String {
        try values.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
    }

    /// ACLED's column names where a field matches, then Watchpost's own.
    static let acledColumns = ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
                               "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "admin1", "location", "latitude",
                               "longitude", "geo_precision", "source", "notes", "fatalities",
                               "fatalities_low", "fatalities_high", "claim_status", "claimed_by", "sources_count"]

    static func acledCSV(_ events: [MergedEvent]) -> String {
        var csv = CSVWriter()
        csv.row(acledColumns)
        for m in events {
            csv.row([m.id, m.date?.iso ?? "", m.date.map { String($0.year) } ?? "", "\(m.timePrecision.rawValue)",
                     m.eventType.rawValue, m.subEventType, m.actor1 ?? "", m.assocActor1.joined(separator: "; "),
                     m.actor2 ?? "", m.assocActor2.joined(separator: "; "), m.admin1 ?? "", m.location ?? "",
                     m.latitude.map { String(format: "%.4f", $0) } ?? "", m.longitude.map { String(format: "%.4f", $0) } ?? "",
                     "\(m.geoPrecision.rawValue)", m.sources.joined(separator: "; "), m.evidence,
                     m.fatalities.map { String($0.best) } ?? "", m.fatalities.map { String($0.low) } ?? "",
                     m.fatalities.map { String($0.high) } ?? "", m.claimStatus.rawValue, m.claimants.joined(separator: "; "),
                     "\(m.reports.count)"])
        }
        return csv.text
    }

    static func properties(of m: MergedEvent) throws -> [String: Any] {
        var p = try JSONSerialization.jsonObject(with: encoder.encode(m)) as? [String: Any] ?? [:]
        // Flat properties read better in a GIS attribute table than nested claims.
        p["claims"] = nil
        p["links"] = nil
        p["fatalities"] = nil
        p["fatalities_low"] = m.fatalities?.low
        p["fatalities_best"] = m.fatalities?.best
        p["fatalities_high"] = m.fatalities?.high
        p["sources"] = m.sources.joined(separator: "; ")
        p["claimants"] = m.claimants.joined(separator: "; ")
        p["sources_count"] = m.reports.count
        return p
    }

    /// A FeatureCollection of points (longitude, latitude, WGS 84); events without coordinates get a
    /// null geometry, which GeoJSON allows and QGIS loads as attribute-only rows.
    static func geoJSON(_ items: [(Double?, Double?, [String: Any])]) throws -> String {
        let features: [[String: Any]] = items.map { lat, lon, props in
            var geometry: Any = NSNull()
            if let lat, let lon { geometry = ["type": "Point", "coordinates": [lon, lat]] }
            return ["type": "Feature", "geometry": geometry, "properties": props]
        }
        let collection: [String: Any] = ["type": "FeatureCollection", "features": features]
        let data = try JSONSerialization.data(withJSONObject: collection, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
