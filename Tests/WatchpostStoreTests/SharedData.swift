import Foundation

/// The team's shared folder (`../shared`: dev corpus, eval, geo data), which a user's clone lacks.
///
/// Tests that read it call `SharedData.root` and skip when it is nil: CI has the folder beside the
/// clone, so there they run. `WATCHPOST_SHARED` overrides the search.
enum SharedData {
    static let root: URL? = {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["WATCHPOST_SHARED"], fm.fileExists(atPath: env) {
            return URL(fileURLWithPath: env)
        }
        // Walk up from this file: the repository's parent holds `shared/` beside the clone.
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        for _ in 0..<6 {
            dir = dir.deletingLastPathComponent()
            let candidate = dir.appendingPathComponent("shared")
            if fm.fileExists(atPath: candidate.appendingPathComponent("eval/SCHEMA.md").path) { return candidate }
        }
        return nil
    }()

    static func url(_ relative: String) -> URL? {
        guard let root else { return nil }
        let url = root.appendingPathComponent(relative)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
