import Foundation

/// The files a data directory is read from, with their size and modification time: the wall's "newest
/// file" date for the stale warning, and the signature the poll fallback of the file watcher compares.
public struct DataFileStamp: Sendable, Hashable {
    public var path: String
    public var size: UInt64
    public var modified: Date
}

public enum DataFiles {
    /// indicators.yaml, risks.yaml and history/*.csv that exist, sorted by path. Only reads metadata.
    public static func stamps(_ dir: String) -> [DataFileStamp] {
        let fm = FileManager.default
        let base = URL(fileURLWithPath: dir)
        var paths = ["indicators.yaml", "risks.yaml"].map { base.appendingPathComponent($0).path }
        let history = base.appendingPathComponent("history")
        let csv = ((try? fm.contentsOfDirectory(atPath: history.path)) ?? []).filter { $0.lowercased().hasSuffix(".csv") }
        paths += csv.map { history.appendingPathComponent($0).path }
        return paths.sorted().compactMap { p in
            guard let a = try? fm.attributesOfItem(atPath: p) else { return nil }
            let size = (a[.size] as? NSNumber)?.uint64Value ?? 0
            return DataFileStamp(path: p, size: size, modified: a[.modificationDate] as? Date ?? .distantPast)
        }
    }

    /// The modification time of the most recently saved data file.
    public static func newest(_ dir: String) -> Date? {
        stamps(dir).map(\.modified).max()
    }
}

/// What re-reading a data directory gave: new data to show, or the problems that stop it from being shown.
public enum ReloadOutcome: Sendable {
    case loaded(Dataset, newestFile: Date?)
    case failed([Diagnostic])

    /// Loads `dir` as the dashboard and the wall do at start; errors (not warnings) make it a failure.
    public static func load(_ dir: String) -> ReloadOutcome {
        do {
            let result = try DataDirectory.load(dir)
            let errors = result.errors
            if !errors.isEmpty { return .failed(errors) }
            return .loaded(result.dataset, newestFile: DataFiles.newest(dir))
        } catch {
            return .failed([.error(SourceLocation(file: dir), error.description)])
        }
    }
}
