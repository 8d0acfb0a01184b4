import Foundation

/// Where the bundled data files (lexicons, gazetteer) live.
public enum BundledData {
    /// The URL of a file under `Sources/WatchpostCore/Resources`, e.g. `lexicon/actors.jsonl`.
    public static func url(_ relativePath: String) -> URL? {
        guard let resources = Bundle.module.resourceURL else { return nil }
        // The package copies the folder `Resources` into the bundle. Darwin reports the bundle root as
        // its resourceURL; Linux Foundation takes a bundle with a `Resources` folder for a deep bundle
        // and reports that folder itself. Look in both places.
        for base in [resources.appendingPathComponent("Resources"), resources] {
            let url = base.appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }
}
