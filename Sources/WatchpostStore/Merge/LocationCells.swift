import Foundation
import WatchpostCore

/// The coarse keys an event is indexed under for candidate search: a 0.5° grid cell when it has
/// coordinates, its governorate, and its place key. Candidate search reads only the events that
/// share a key and fall in the date window, never all events.
enum LocationCells {
    static let cellDegrees = 0.5

    /// The keys to store for an event.
    static func keys(of e: Event) -> [String] {
        var keys: [String] = []
        if let lat = e.latitude, let lon = e.longitude { keys.append(gridKey(lat, lon)) }
        if let admin = e.admin1, !admin.isEmpty { keys.append("a:" + admin.lowercased()) }
        if let place = PlaceKey.of(e.location) { keys.append("p:" + place) }
        if keys.isEmpty { keys.append("x:") }
        return keys
    }

    /// The keys to search for an event's candidates: its own keys and the eight grid cells around its cell.
    static func searchKeys(of e: Event) -> [String] {
        var keys = keys(of: e)
        if let lat = e.latitude, let lon = e.longitude {
            let (i, j) = cell(lat, lon)
            for di in -1...1 { for dj in -1...1 where di != 0 || dj != 0 { keys.append("g:\(i + di):\(j + dj)") } }
        }
        return keys
    }

    static func cell(_ lat: Double, _ lon: Double) -> (Int, Int) {
        (Int((lat / cellDegrees).rounded(.down)), Int((lon / cellDegrees).rounded(.down)))
    }

    static func gridKey(_ lat: Double, _ lon: Double) -> String {
        let (i, j) = cell(lat, lon)
        return "g:\(i):\(j)"
    }
}
