import Foundation
import WatchpostCore
import WatchpostStore

/// Store rows of `watchpost bench`: SQLite ingest rate, merge cost as the store grows, and the
/// latency of a filtered query, on synthetic reports (so that a million events need no corpus).
struct StoreBench {
    /// Stored-event counts at which the merge cost is measured; the query runs at the last one.
    var sizes: [Int]
    /// false: merge through SQL alone (the comparison row; see `SQLiteEventStore(path:inProcessIndex:)`).
    var inProcessIndex = true
    /// New reports ingested (and timed) at each size.
    var probeReports = 200
    /// Reports per transaction, as `watchpost ingest` commits them.
    var batchReports = 100
    var queries = 200

    struct Result {
        var ingestEventsPerSecond: Double
        var mergeCost: [(stored: Int, millisecondsPerEvent: Double)]
        var query: (stored: Int, p50: Double, p99: Double, rows: Double)?
        /// What the store held at the end, and its size on disk (database and WAL).
        var counts: StoreCounts
        var megabytes: Double
    }

    /// Writes synthetic reports into a new SQLite file under `folder`, measuring as it goes.
    func run(in folder: URL, progress: (String) -> Void) throws -> Result {
        let path = folder.appendingPathComponent("bench.sqlite").path
        let store = try SQLiteEventStore(path: path, inProcessIndex: inProcessIndex)
        defer { store.close() }
        var generator = SyntheticReports()
        var stored = 0
        var fillEvents = 0
        var fillSeconds = 0.0
        var mergeCost: [(Int, Double)] = []
        let clock = ContinuousClock()
        for size in sizes.sorted() {
            let start = clock.now
            var added = 0
            while stored < size {
                let batch = (0..<batchReports).map { _ in generator.next() }
                let before = stored
                stored += try store.ingest(batch: batch.map { (document: $0.0, events: $0.1) }).reduce(0) { $0 + $1.eventCount }
                added += stored - before
                if stored / 50_000 != before / 50_000 { progress("store bench: \(stored) events stored") }
            }
            fillSeconds += BenchMeasurements.seconds(clock.now - start)
            fillEvents += added
            // The probe: new reports on top of `size` stored events, timed on their own.
            let probeStart = clock.now
            var probeEvents = 0
            for _ in 0..<(probeReports / batchReports) {
                let batch = (0..<batchReports).map { _ in generator.next() }
                probeEvents += try store.ingest(batch: batch.map { (document: $0.0, events: $0.1) }).reduce(0) { $0 + $1.eventCount }
            }
            stored += probeEvents
            mergeCost.append((size, BenchMeasurements.seconds(clock.now - probeStart) * 1000 / Double(max(1, probeEvents))))
            // Each row as soon as it is measured, so a long run that is stopped still tells.
            progress(String(format: "store bench: at %d stored, %.2f ms per new event; filling so far %.0f events/s",
                            size, mergeCost.last!.1, Double(fillEvents) / fillSeconds))
        }
        // A filtered query: one governorate and one event type over a week, as an analyst asks.
        var latencies: [Double] = []
        var rows = 0
        for q in 0..<queries {
            let from = SyntheticReports.firstDay.adding(days: (q * 37) % max(1, SyntheticReports.days(forReports: generator.reportNumber) - 7))
            let filter = EventFilter(since: from, until: from.adding(days: 6), type: EventType.allCases[q % 3],
                                     admin1: SyntheticReports.admin1s[q % SyntheticReports.admin1s.count])
            let t = clock.now
            rows += try store.mergedEvents(filter).count
            latencies.append(BenchMeasurements.seconds(clock.now - t) * 1000)
        }
        latencies.sort()
        let query = latencies.isEmpty ? nil : (stored, latencies[latencies.count / 2],
                                                latencies[min(latencies.count - 1, latencies.count * 99 / 100)],
                                                Double(rows) / Double(queries))
        let bytes = ["", "-wal"].compactMap { try? FileManager.default.attributesOfItem(atPath: path + $0)[.size] as? Int }.reduce(0, +)
        return Result(ingestEventsPerSecond: Double(fillEvents) / fillSeconds, mergeCost: mergeCost, query: query,
                      counts: try store.counts(), megabytes: Double(bytes) / 1e6)
    }
}

/// Deterministic synthetic reports: 1–3 events each, at a steady rate of reports per day (a store
/// grows by time passing, so a bigger store covers more days, not more events per day), over 14
/// governorates and a few thousand distinctly named places, half of the events retelling a recent
/// one, so that merge candidates are found at a realistic rate (some, not all). Place names must differ after `PlaceKey` (consonant skeleton):
/// "Place 17" and "Place 18" would be one place to the merger and fold the store into a few giants.
struct SyntheticReports {
    static let firstDay = Day(year: 2016, month: 1, day: 1)!
    /// About 200 report events a day: a busy theatre (ACLED's Syria peak is ~100 events a day, each
    /// told by a few reports).
    static let reportsPerDay = 100
    static let places = 3000
    static let admin1s = ["Aleppo", "Idlib", "Hama", "Homs", "Damascus", "Rural Damascus", "Daraa", "Quneitra",
                          "Latakia", "Tartus", "Raqqa", "Deir ez-Zor", "Hasakah", "As-Suwayda"]
    static let actors = ["Military Forces of Syria", "Hayat Tahrir al-Sham", "Islamic State",
                         "Syrian Democratic Forces", "Military Forces of Russia", "Military Forces of Turkey"]
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    private(set) var reportNumber = 0
    /// Events of the last few days, some of which later reports retell.
    private var recent: [Event] = []
    static let recentEvents = 400

    /// The days `count` reports span.
    static func days(forReports count: Int) -> Int { max(1, count / reportsPerDay) }

    /// A small linear congruential generator: the same sequence every run.
    private mutating func random(_ n: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(n))
    }

    /// A pronounceable name whose consonant skeleton is unique to `n`: consonants in mixed radix,
    /// never the same one twice in a row (a doubled letter folds into one).
    static func placeName(_ n: Int) -> String {
        let consonants = Array("bdfklmnprst")
        let vowels = Array("aiu")
        var name = ""
        var rest = n
        var previous: Character?
        for position in 0..<4 {
            let choices = consonants.filter { $0 != previous }
            let c = choices[rest % choices.count]
            rest /= choices.count
            name.append(position == 0 ? Character(c.uppercased()) : c)
            name.append(vowels[(n + position) % vowels.count])
            previous = c
        }
        return name
    }

    mutating func next() -> (Document, [Event]) {
        let id = "bench-\(reportNumber + 1)"
        let published = Self.firstDay.adding(days: reportNumber / Self.reportsPerDay)
        reportNumber += 1
        let document = Document(id: id, outlet: "Outlet \(random(40))", published: published,
                                 text: "Synthetic report \(reportNumber) for the store benchmark.")
        var events: [Event] = []
        for k in 0..<(1 + random(3)) {
            // Half the events retell one of the last few hundred (another outlet, its own figure):
            // a happening is told by two reports on average, so merges and refreshes are exercised.
            if !recent.isEmpty, random(2) == 0 {
                var retold = recent[random(recent.count)]
                retold.doc = id
                retold.id = "e\(k)"
                retold.outlet = document.outlet
                retold.fatalities = random(4) == 0 ? random(20) : retold.fatalities
                retold.evidence = "Synthetic event \(k) of report \(reportNumber), a retelling."
                events.append(retold)
                continue
            }
            let place = random(Self.places)
            let admin1 = Self.admin1s[place % Self.admin1s.count]
            let type = EventType.allCases[random(3)]
            events.append(Event(
                doc: id, id: "e\(k)", date: published.adding(days: -random(3)), eventType: type,
                subEventType: type == .battles ? "Armed clash" : type == .explosions ? "Shelling/artillery/missile attack" : "Attack",
                actor1: Self.actors[random(Self.actors.count)], actor2: Self.actors[random(Self.actors.count)],
                location: Self.placeName(place), admin1: admin1,
                latitude: 32.5 + Double(place % 60) * 0.08, longitude: 35.8 + Double(place / 60) * 0.14,
                fatalities: random(4) == 0 ? random(20) : nil, evidence: "Synthetic event \(k) of report \(reportNumber).",
                outlet: document.outlet))
        }
        for e in events {
            if recent.count < Self.recentEvents { recent.append(e) } else { recent[random(Self.recentEvents)] = e }
        }
        return (document, events)
    }
}
