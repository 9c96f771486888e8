import Foundation

/// What loading a data directory gave: the data, and every problem found in it.
public struct LoadResult: Sendable {
    public var dataset: Dataset
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The directory cannot be loaded at all.
public enum LoadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    case directoryMissing(String)
    case indicatorsMissing(String)
    case unreadable(String, String)

    public var description: String {
        switch self {
        case let .directoryMissing(path): return "\(path): error: no such data directory"
        case let .indicatorsMissing(path): return "\(path): error: indicators.yaml is missing"
        case let .unreadable(path, why): return "\(path): error: cannot read: \(why)"
        }
    }
}

/// Loads a data directory: `indicators.yaml`, every `history/*.csv`, and `risks.yaml` if present.
/// It only reads: nothing is ever written into the directory.
public enum DataDirectory {
    public static func load(_ path: String) throws(LoadFailure) -> LoadResult {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
            throw .directoryMissing(path)
        }
        let base = URL(fileURLWithPath: path)
        let indicatorsPath = base.appendingPathComponent("indicators.yaml").path
        guard FileManager.default.fileExists(atPath: indicatorsPath) else { throw .indicatorsMissing(indicatorsPath) }

        let log = DiagnosticLog()
        let historyDir = base.appendingPathComponent("history")
        let csvFiles = ((try? FileManager.default.contentsOfDirectory(atPath: historyDir.path)) ?? [])
            .filter { $0.lowercased().hasSuffix(".csv") }
            .sorted()
        // The history files are read and parsed on another thread while indicators.yaml is parsed here:
        // HistoryLoader needs the indicators only in `finish`.
        nonisolated(unsafe) var history = HistoryLoader()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) {
            for name in csvFiles {
                let p = historyDir.appendingPathComponent(name).path
                do {
                    history.load(try Data(contentsOf: URL(fileURLWithPath: p)), file: display(p))
                } catch {
                    history.cannotRead(display(p), error.localizedDescription)
                }
            }
        }
        // The DfE authority files (hundreds of KB for one council) are read meanwhile too, on a third thread:
        // they need the indicator list only to settle "unknown indicator" (`AuthorityValuesFile.apply`).
        let authoritiesDir = base.appendingPathComponent("authorities")
        nonisolated(unsafe) var authorities: [(file: String, parsed: AuthorityValuesFile.Parsed?)] = []
        DispatchQueue.global().async(group: reading) {
            authorities = readAuthorityValues(authoritiesDir)
        }
        let indicatorsText: String
        do { indicatorsText = try readText(indicatorsPath) } catch {
            reading.wait()
            throw error
        }
        var dataset = IndicatorsFile.parse(indicatorsText, file: display(indicatorsPath), log: log)
        reading.wait()
        if csvFiles.isEmpty {
            log.warning(SourceLocation(file: display(historyDir.path)), "no history CSV files: every indicator will show no value")
        }
        history.finish(into: &dataset, log: log)
        for (file, parsed) in authorities {
            if let parsed {
                AuthorityValuesFile.apply(parsed, into: &dataset, log: log)
            } else {
                log.error(SourceLocation(file: file), "cannot read")
            }
        }

        let risksPath = base.appendingPathComponent("risks.yaml").path
        if FileManager.default.fileExists(atPath: risksPath) {
            RisksFile.parse(try readText(risksPath), file: display(risksPath), into: &dataset, log: log)
        }
        CrossChecks.run(&dataset, log: log)
        BenchmarkChecks.run(dataset, log: log)
        return LoadResult(dataset: dataset, diagnostics: log.items)
    }

    /// Every `authorities/*.csv` (written by `csdash import dfe --authorities`), if the folder exists, read without
    /// the indicator list (nil where a file cannot be read).
    private static func readAuthorityValues(_ dir: URL) -> [(file: String, parsed: AuthorityValuesFile.Parsed?)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        return names.map { name in
            let p = dir.appendingPathComponent(name).path
            return (display(p), FileManager.default.contents(atPath: p).map { AuthorityValuesFile.read($0, file: display(p)) })
        }
    }

    private static func readText(_ path: String) throws(LoadFailure) -> String {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            var bytes = [UInt8](data)
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            return String(decoding: bytes, as: UTF8.self)
        } catch {
            throw .unreadable(path, error.localizedDescription)
        }
    }

    /// Paths are shown as given (relative stays relative) but without `./` noise.
    static func display(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}
