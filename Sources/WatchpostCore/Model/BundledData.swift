import Foundation

/// Where the bundled data files (lexicons, gazetteer) live.
public enum BundledData {
    /// The URL of a file under `Sources/WatchpostCore/Resources`, e.g. `lexicon/actors.jsonl`.
    public static func url(_ relativePath: String) -> URL? {
        // `.copy("Resources")` puts the folder at <bundle>/Resources; on Linux Foundation already
        // reports that folder as the bundle's resourceURL, so both places are tried.
        let bases = [Bundle.module.bundleURL.appendingPathComponent("Resources"), Bundle.module.resourceURL].compactMap { $0 }
        for base in bases {
            let url = base.appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }
}
