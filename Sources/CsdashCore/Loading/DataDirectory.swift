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

    public var description: String { SafeText.line(text) }

    private var text: String {
        switch self {
        case let .directoryMissing(path): return "\(path): error: no such data directory"
        case let .indicatorsMissing(path): return "\(path): error: indicators.yaml is missing"
        case let .unreadable(path, why): return "\(path): error: cannot read: \(why)"
        }
    }
}

/// Loads a data directory: `indicators.yaml`, every `history/*.csv`, and `risks.yaml` if present.
/// It only reads: nothing is ever written into the directory.
///
/// A bad file or row does not stop the load: it is reported, and what loaded cleanly is kept, with the
/// indicators and risks it concerns marked (`ProblemMarks`). `check`, `report` and `snapshot` refuse data
/// with errors; the dashboard starts with it and shows the problems.
public enum DataDirectory {
    public static func load(_ path: String) throws(LoadFailure) -> LoadResult {
        try load(path, staged: false).early
    }

    /// History files of this many bytes in all are read on a thread of their own.
    static let historyThreadBytes = 256 << 10

    /// Loads the directory but for the values of `authorities/*.csv`, which are still being read when this
    /// returns: see `StagedLoad`.
    public static func loadStaged(_ path: String) throws(LoadFailure) -> StagedLoad {
        try load(path, staged: true)
    }

    /// A load in two steps. `early` is everything but the authorities' values (every authority's value
    /// per year, which only the benchmark strip on an indicator page and the reports read); `complete()`
    /// waits for them and gives exactly what `load` gives. So a frame that does not show them can be drawn
    /// while the largest file is still being read (`csdash snapshot` of the overview), and shown once the
    /// load is known to be clean.
    public final class StagedLoad: @unchecked Sendable {
        /// The load without the authorities' values (when it is complete, the whole of it).
        public let early: LoadResult
        private let path: String
        private let reading: Completion?
        private let authorities: () -> [AuthorityRead]

        fileprivate init(early: LoadResult, path: String, reading: Completion?, authorities: @escaping () -> [AuthorityRead]) {
            self.early = early
            self.path = path
            self.reading = reading
            self.authorities = authorities
        }

        /// The whole load, as `load` gives it. With the authorities files read cleanly that is `early` with
        /// their values (nothing else reads them while loading); should they have any problem, the directory
        /// is loaded again in one step, so that the problems come in `load`'s order with their marks.
        public func complete() throws(LoadFailure) -> LoadResult {
            guard let reading else { return early }
            reading.wait()
            var result = early
            let log = DiagnosticLog()
            for read in authorities() {
                guard case let .parsed(parsed) = read else { return try DataDirectory.load(path) }
                AuthorityValuesFile.apply(parsed, into: &result.dataset, log: log)
            }
            guard log.items.isEmpty else { return try DataDirectory.load(path) }
            return result
        }
    }

    private static func load(_ path: String, staged: Bool) throws(LoadFailure) -> StagedLoad {
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            throw .directoryMissing(path)
        }
        let base = absolutePath(path)
        let indicatorsPath = join(base, "indicators.yaml")
        // lstat does not follow symlinks: a dangling or looping link is "unreadable", not "missing". (Not
        // FileManager.attributesOfItem, which looks up the owner's and group's names in /etc/passwd and
        // /etc/group through NSS on every start.)
        guard lstat(indicatorsPath, &st) == 0 else {
            throw .indicatorsMissing(indicatorsPath)
        }
        // The DfE authority files (hundreds of KB for one council) are the longest read, so their thread starts
        // first: they need the indicator list only to settle "unknown indicator" (`AuthorityValuesFile.apply`).
        let authoritiesDir = join(base, "authorities")
        let authoritiesRead = Box<[AuthorityRead]>([])
        let readingAuthorities = Completion.thread {
            authoritiesRead.value = readAuthorityValues(authoritiesDir)
        }

        let log = DiagnosticLog()
        let historyDir = join(base, "history")
        var csvFiles: [String] = []
        if stat(historyDir, &st) == 0 {
            if st.st_mode & S_IFMT != S_IFDIR {
                log.error(SourceLocation(file: display(historyDir)), "history must be a directory of CSV files, not a file")
            } else {
                switch Directory.names(historyDir) {
                case let .success(names): csvFiles = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted()
                case let .failure(e): log.error(SourceLocation(file: display(historyDir)), "cannot list the directory: \(e.reason)")
                }
            }
        }
        // Large history files are read and parsed on another thread while indicators.yaml is parsed here
        // (HistoryLoader needs the indicators only in `finish`); small ones here after it. A third thread on
        // two cores was often left waiting for one, with the authorities thread queued behind the main thread
        // for a millisecond or two: the sample's few KB of history cost less than that. Each file is read
        // within the limits (DataFile).
        nonisolated(unsafe) var history = HistoryLoader()
        let files = csvFiles
        // risks.yaml is read into a YAML tree on the same thread, after the history files (most of its cost
        // is libyaml's); what it says is worked out and reported below, in the usual order.
        let risksPath = join(base, "risks.yaml")
        nonisolated(unsafe) var risks = RisksRead.absent
        let readHistory: @Sendable () -> Void = {
            for name in files {
                let p = display(join(historyDir, name))
                switch DataFile.read(p, maxBytes: DataFile.maxCSVBytes) {
                case let .unreadable(why): history.cannotRead(p, why)
                case let .refused(line, why): history.refused(SourceLocation(file: p, line: line), why)
                case let .data(data): history.load(data, file: p)
                }
            }
            risks = readRisks(risksPath)
        }
        var historyBytes = 0
        for name in files where stat(join(historyDir, name), &st) == 0 { historyBytes += Int(st.st_size) }
        let reading = historyBytes >= historyThreadBytes ? Completion.thread(readHistory) : nil
        var dataset = Dataset()
        switch DataFile.read(indicatorsPath, maxBytes: DataFile.maxYAMLBytes, checkLines: false) {
        case let .unreadable(why):
            reading?.wait()
            readingAuthorities.wait()
            throw .unreadable(display(indicatorsPath), why)
        case let .refused(line, why): log.error(SourceLocation(file: display(indicatorsPath), line: line), why)
        case let .data(data): dataset = IndicatorsFile.parse(DataFile.text(data), file: display(indicatorsPath), log: log)
        }
        if let reading { reading.wait() } else { readHistory() }
        if !staged { readingAuthorities.wait() }
        if csvFiles.isEmpty && !log.items.contains(where: { $0.location.file == display(historyDir) }) {
            log.warning(SourceLocation(file: display(historyDir)), "no history CSV files: every indicator will show no value")
        }
        var suspects = Set<String>()
        if dataset.indicators.isEmpty && log.items.contains(where: { $0.severity == .error }) {
            // indicators.yaml failed: every history row would be "unknown indicator"; say it once instead.
            if !csvFiles.isEmpty {
                log.warning(SourceLocation(file: display(historyDir)),
                            "history files not checked: indicators.yaml has errors and defines no indicators")
            }
        } else {
            history.finish(into: &dataset, log: log)
            // Rows after the point where a file stopped being read were never loaded: their indicators are suspect.
            let known = Set(dataset.indicators.map(\.id))
            for s in history.stopped {
                suspects.formUnion(ProblemMarks.indicatorIDs(in: s.data, fromLine: s.line, known: known))
            }
        }
        for read in staged ? [] : authoritiesRead.value {
            switch read {
            case let .unreadable(p, why): log.error(SourceLocation(file: p), "cannot read: \(why)")
            case let .refused(at, why): log.error(at, why)
            case let .parsed(parsed): AuthorityValuesFile.apply(parsed, into: &dataset, log: log)
            }
        }

        switch risks {
        case .absent: break
        case let .unreadable(why): log.error(SourceLocation(file: display(risksPath)), "cannot read: \(why)")
        case let .refused(line, why): log.error(SourceLocation(file: display(risksPath), line: line), why)
        case let .read(tree): RisksFile.parse(tree, file: display(risksPath), into: &dataset, log: log)
        }
        dataset.folder = base
        CrossChecks.run(&dataset, log: log)
        BenchmarkChecks.run(dataset, log: log)
        PlausibilityChecks.run(dataset, log: log)
        ProblemMarks.apply(&dataset, diagnostics: log.items, suspects: suspects)
        return StagedLoad(early: LoadResult(dataset: dataset, diagnostics: log.items), path: path,
                          reading: staged ? readingAuthorities : nil, authorities: { authoritiesRead.value })
    }

    /// A value one thread writes and another reads after waiting for it (a DispatchGroup orders the two).
    private final class Box<T>: @unchecked Sendable {
        var value: T
        init(_ value: T) { self.value = value }
    }

    /// `risks.yaml` as read off the main thread: absent, not readable, refused, or read into a YAML tree.
    enum RisksRead {
        case absent
        case unreadable(String)
        case refused(Int, String)
        case read(YAMLTree.Result)
    }

    private static func readRisks(_ path: String) -> RisksRead {
        var st = stat()
        guard stat(path, &st) == 0 else { return .absent }
        switch DataFile.read(path, maxBytes: DataFile.maxYAMLBytes, checkLines: false) {
        case let .unreadable(why): return .unreadable(why)
        case let .refused(line, why): return .refused(line, why)
        case let .data(data): return .read(YAMLTree.read(DataFile.text(data)))
        }
    }

    /// One `authorities/*.csv` as read off the main thread.
    enum AuthorityRead {
        case unreadable(String, String)
        case refused(SourceLocation, String)
        case parsed(AuthorityValuesFile.Parsed)
    }

    /// Every `authorities/*.csv` (written by `csdash import dfe --authorities`), if the folder exists, read within
    /// the limits (DataFile) and without the indicator list.
    private static func readAuthorityValues(_ dir: String) -> [AuthorityRead] {
        let names = ((try? Directory.names(dir).get()) ?? []).filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        return names.map { name in
            let p = display(join(dir, name))
            switch DataFile.read(p, maxBytes: DataFile.maxCSVBytes) {
            case let .unreadable(why): return .unreadable(p, why)
            case let .refused(line, why): return .refused(SourceLocation(file: p, line: line), why)
            case let .data(data): return .parsed(AuthorityValuesFile.read(data, file: p))
            }
        }
    }

    /// Loads a data directory held in memory: the same steps as `load` without the file system (used by
    /// `make fuzz`, and by tests that need no temporary directory). File names are as given.
    public static func parse(indicators: Data, history: [(name: String, data: Data)], risks: Data?) -> LoadResult {
        let log = DiagnosticLog()
        var dataset = IndicatorsFile.parse(DataFile.text(indicators), file: "indicators.yaml", log: log)
        let known = Set(dataset.indicators.map(\.id))
        var suspects = Set<String>()
        var loader = HistoryLoader()
        for (name, data) in history {
            let file = "history/" + name
            if let (line, length) = DataFile.longLine(data) {
                loader.refused(SourceLocation(file: file, line: line), "line \(line) is \(DataFile.megabytes(length)) long")
                continue
            }
            loader.load(data, file: file)
        }
        loader.finish(into: &dataset, log: log)
        for s in loader.stopped {
            suspects.formUnion(ProblemMarks.indicatorIDs(in: s.data, fromLine: s.line, known: known))
        }
        if let risks { RisksFile.parse(DataFile.text(risks), file: "risks.yaml", into: &dataset, log: log) }
        CrossChecks.run(&dataset, log: log)
        BenchmarkChecks.run(dataset, log: log)
        PlausibilityChecks.run(dataset, log: log)
        ProblemMarks.apply(&dataset, diagnostics: log.items, suspects: suspects)
        return LoadResult(dataset: dataset, diagnostics: log.items)
    }


    /// `path` made absolute as `URL(fileURLWithPath:).path` makes it (the paths in messages have always been
    /// so): a relative path from the working directory with `.` and `..` worked out, an absolute one as it is,
    /// without a trailing `/`. A plain path is joined by hand; anything else (`.`, `..`, `//`, `~`) goes
    /// through URL, whose first use costs 0.4 M instructions before the first frame.
    static func absolutePath(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let plain = !trimmed.isEmpty && !trimmed.hasPrefix("~") && trimmed != "/"
            && parts.enumerated().allSatisfy { i, c in (c.isEmpty && i == 0) || (!c.isEmpty && c != "." && c != "..") }
        guard plain else { return URL(fileURLWithPath: path).path }
        if trimmed.hasPrefix("/") { return String(trimmed) }
        guard let cwd = Directory.current(), cwd.hasPrefix("/"), absolutePath(cwd) == cwd else {
            return URL(fileURLWithPath: path).path
        }
        return join(cwd, String(trimmed))
    }

    /// `dir/name`.
    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    /// Paths are shown as given (relative stays relative) but without `./` noise.
    static func display(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }
}
