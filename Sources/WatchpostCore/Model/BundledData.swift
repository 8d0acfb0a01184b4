import Foundation

/// Where the bundled data files (lexicons, gazetteer) live.
public enum BundledData {
    /// The URL of a file under `Sources/WatchpostCore/Resources`, e.g. `lexicon/actors.jsonl`.
    public static func url(_ relativePath: String) -> URL? {
        guard let resources = Bundle.module.resourceURL else { return nil }
        // Foundation on Linux already points resourceURL at the bundle's `Resources` folder when it has one.
        let base = resources.lastPathComponent == "Resources" ? resources : resources.appendingPathComponent("Resources")
        let url = base.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
