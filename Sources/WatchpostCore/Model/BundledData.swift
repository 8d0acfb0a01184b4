import Foundation

/// Where the bundled data files (lexicons, gazetteer) live.
public enum BundledData {
    /// The URL of a file under `Sources/WatchpostCore/Resources`, e.g. `lexicon/actors.jsonl`.
    public static func url(_ relativePath: String) -> URL? {
        guard let base = Bundle.module.resourceURL?.appendingPathComponent("Resources") else { return nil }
        let url = base.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
