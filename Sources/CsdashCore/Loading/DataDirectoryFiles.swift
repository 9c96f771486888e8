import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of a data directory as read, before anything in them is parsed: what `DataDirectory.load` works
/// from. Read from disk (`read`), each within the limits (`DataFile`), or made in memory (the fuzzer and tests),
/// with the same limits.
public struct DataDirectoryFiles: Sendable {
    struct File: Sendable {
        /// As shown in messages.
        var name: String
        var content: DataFile.Outcome
    }

    /// The data folder as an absolute path; "" for files made in memory.
    var folder = ""
    var indicators: File
    /// The history folder as shown in messages, and why it could not be read, if so.
    var historyFolder: String
    var historyProblem: String?
    var history: [File]
    var authorities: [File]
    var risks: File?

    /// Files made in memory, named `indicators.yaml`, `history/NAME`, `authorities/NAME` and `risks.yaml`.
    public init(indicators: Data, history: [(name: String, data: Data)], authorities: [(name: String, data: Data)] = [],
                risks: Data? = nil) {
        let yaml = { (data: Data) in DataFile.check(data, maxBytes: DataFile.maxYAMLBytes, checkLines: false) }
        self.indicators = File(name: "indicators.yaml", content: yaml(indicators))
        historyFolder = "history"
        self.history = history.map {
            File(name: "history/" + $0.name, content: DataFile.check($0.data, maxBytes: DataFile.maxCSVBytes))
        }
        self.authorities = authorities.map {
            File(name: "authorities/" + $0.name, content: DataFile.check($0.data, maxBytes: DataFile.maxCSVBytes))
        }
        self.risks = risks.map { File(name: "risks.yaml", content: yaml($0)) }
    }

    /// The folders directly inside `path` that hold an indicators.yaml, as `path/NAME`, sorted (the first 5, then
    /// how many more).
    static func dataDirectories(inside path: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        let base = URL(fileURLWithPath: path, isDirectory: true)
        let found = names.sorted().filter { name in
            !name.hasPrefix(".") && FileManager.default.fileExists(
                atPath: base.appendingPathComponent(name).appendingPathComponent("indicators.yaml").path)
        }
        let sep = path.hasSuffix("/") ? "" : "/"
        let shown = found.prefix(5).map { path + sep + $0 }
        return found.count > 5 ? shown + ["and \(found.count - 5) more"] : shown
    }

    /// Reads the directory at `path`: `indicators.yaml`, every `history/*.csv` and `authorities/*.csv`, and
    /// `risks.yaml` if present. Files are named by their absolute path (`.` and `..` worked out). Only reads: nothing is ever written.
    static func read(_ path: String) throws(LoadFailure) -> DataDirectoryFiles {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .directoryMissing(path)
        }
        let base = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        let indicatorsPath = base.appendingPathComponent("indicators.yaml", isDirectory: false).path
        // lstat does not follow symbolic links: a dangling or looping link is "unreadable", not "missing".
        var st = stat()
        guard lstat(indicatorsPath, &st) == 0 else {
            throw .indicatorsMissing(indicatorsPath, inside: dataDirectories(inside: path))
        }
        let indicators = DataFile.read(indicatorsPath, maxBytes: DataFile.maxYAMLBytes, checkLines: false)
        if case let .unreadable(why) = indicators { throw .unreadable(indicatorsPath, why) }

        let historyFolder = base.appendingPathComponent("history", isDirectory: true)
        var files = DataDirectoryFiles(indicators: Data(), history: [])
        files.folder = base.path
        files.indicators = File(name: indicatorsPath, content: indicators)
        files.historyFolder = historyFolder.path
        switch csvFiles(in: historyFolder) {
        case let .success(list): files.history = list
        case let .failure(why): files.historyProblem = why.message
        }
        files.authorities = (try? csvFiles(in: base.appendingPathComponent("authorities", isDirectory: true)).get()) ?? []
        let risksPath = base.appendingPathComponent("risks.yaml", isDirectory: false).path
        if FileManager.default.fileExists(atPath: risksPath) {
            files.risks = File(name: risksPath,
                               content: DataFile.read(risksPath, maxBytes: DataFile.maxYAMLBytes, checkLines: false))
        }
        return files
    }

    struct FolderProblem: Error {
        var message: String
    }

    /// The `*.csv` files of `folder`, read in name order; none when the folder does not exist.
    private static func csvFiles(in folder: URL) -> Result<[File], FolderProblem> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else { return .success([]) }
        guard isDirectory.boolValue else {
            return .failure(FolderProblem(message: "\(folder.lastPathComponent) must be a directory of CSV files, not a file"))
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            return .failure(FolderProblem(message: "cannot list the directory: \(error.localizedDescription)"))
        }
        return .success(names.filter { $0.lowercased().hasSuffix(".csv") }.sorted().map { name in
            let path = folder.appendingPathComponent(name, isDirectory: false).path
            return File(name: path, content: DataFile.read(path, maxBytes: DataFile.maxCSVBytes))
        })
    }
}
