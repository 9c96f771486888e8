import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a data directory is read from, with their size and modification time: the wall's "newest
/// file" date for the stale warning, and the signature the poll fallback of the file watcher compares.
public struct DataFileStamp: Sendable, Hashable {
    public var path: String
    public var size: UInt64
    public var modified: Date
}

public enum DataFiles {
    /// The folders of CSV files a data directory is read from.
    public static let folders = ["history", "authorities"]

    /// indicators.yaml, risks.yaml, history/*.csv and authorities/*.csv that exist, sorted by path. Only reads
    /// metadata.
    public static func stamps(_ dir: String) -> [DataFileStamp] {
        let fm = FileManager.default
        let base = URL(fileURLWithPath: dir)
        var paths = ["indicators.yaml", "risks.yaml"].map { base.appendingPathComponent($0).path }
        for folder in DataFiles.folders {
            let f = base.appendingPathComponent(folder)
            let csv = ((try? fm.contentsOfDirectory(atPath: f.path)) ?? []).filter { $0.lowercased().hasSuffix(".csv") }
            paths += csv.map { f.appendingPathComponent($0).path }
        }
        // stat(2) directly: FileManager's attributes also look up owner names and extended attributes, which
        // the poll fallback would pay for several times a second.
        return paths.sorted().compactMap { p in
            var st = stat()
            guard stat(p, &st) == 0 else { return nil }
            #if canImport(Darwin)
            let t = st.st_mtimespec
            #else
            let t = st.st_mtim
            #endif
            let modified = Date(timeIntervalSince1970: Double(t.tv_sec) + Double(t.tv_nsec) / 1e9)
            return DataFileStamp(path: p, size: UInt64(st.st_size), modified: modified)
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
            switch error {
            case let .directoryMissing(p): return .failed([.error(SourceLocation(file: p), "no such data directory")])
            case let .indicatorsMissing(p, inside):
                return .failed([.error(SourceLocation(file: p), LoadFailure.missingMessage(inside))])
            case let .unreadable(p, why): return .failed([.error(SourceLocation(file: p), "cannot read: \(why)")])
            }
        }
    }
}
