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
    /// The path of the missing indicators.yaml, and the data directories found one level inside the one given
    /// (as the user would type them), which the message offers instead.
    case indicatorsMissing(String, inside: [String] = [])
    case unreadable(String, String)

    public var description: String { SafeText.line(text) }

    /// `indicators.yaml is missing`, then where one was found: `(data directories inside: sample-data/x)`.
    public static func missingMessage(_ inside: [String]) -> String {
        guard !inside.isEmpty else { return "indicators.yaml is missing" }
        let one = inside.count == 1
        return "indicators.yaml is missing (\(one ? "a data directory" : "data directories") inside it: "
            + inside.joined(separator: ", ") + ")"
    }

    private var text: String {
        switch self {
        case let .directoryMissing(path): return "\(path): error: no such data directory"
        case let .indicatorsMissing(path, inside): return "\(path): error: " + Self.missingMessage(inside)
        case let .unreadable(path, why): return "\(path): error: cannot read: \(why)"
        }
    }
}

/// Loads a data directory: `indicators.yaml`, every `history/*.csv` and `authorities/*.csv`, and `risks.yaml`
/// if present. It only reads: nothing is ever written into the directory.
///
/// One pipeline: the files are read (`DataDirectoryFiles`), then parsed, checked against each other and marked,
/// the same way whether they came from disk or from memory (the fuzzer and tests). A bad file or row does not
/// stop the load: it is reported, and what loaded cleanly is kept, with the indicators and risks it concerns
/// marked (`ProblemMarks`). When indicators.yaml defines nothing, what depends on it (history and authorities
/// rows, the links in risks.yaml) is skipped with one line saying so, as are the indicators' links to risks when
/// risks.yaml defines nothing. `check`, `report` and `snapshot` refuse
/// data with errors; the dashboard starts with it and shows the problems.
public enum DataDirectory {
    public static func load(_ path: String) throws(LoadFailure) -> LoadResult {
        load(try DataDirectoryFiles.read(path))
    }

    /// What reading the files gave, parsed at once where that is independent work: indicators.yaml (and
    /// then risks.yaml, which needs its panels), the authorities files, and each part of each history file.
    enum Piece: Sendable {
        case indicators(Dataset, [Diagnostic], [DiagnosticLog.Link])
        case authorities([AuthorityValuesFile.Parsed])
        case history(HistoryPart)
    }

    public static func load(_ files: DataDirectoryFiles) -> LoadResult {
        var history = HistoryLoader()
        var jobs: [[HistoryLoader.Job]] = []
        for file in files.history {
            switch file.content {
            case let .unreadable(why): history.problem(SourceLocation(file: file.name), "cannot read: \(why)")
            case let .refused(line, why): history.problem(SourceLocation(file: file.name, line: line), why)
            case let .data(data): jobs.append(history.plan(data, file: file.name))
            }
        }
        let flat = jobs.flatMap { $0 }
        var pieces = Parallel.map(2 + flat.count) { k -> Piece in
            switch k {
            case 0: return parseIndicators(files.indicators)
            case 1: return .authorities(files.authorities.map(readAuthorities))
            default: return .history(flat[k - 2].read())
            }
        }
        let log = DiagnosticLog()
        guard case let .indicators(parsed, items, links) = pieces[0],
              case let .authorities(authorities) = pieces[1] else { preconditionFailure("pieces out of order") }
        var dataset = parsed
        if let why = files.historyProblem { log.error(SourceLocation(file: files.historyFolder), why) }
        log.items += items
        log.links = links
        var parts = pieces.dropFirst(2).map { piece -> HistoryPart in
            guard case let .history(part) = piece else { preconditionFailure("pieces out of order") }
            return part
        }
        pieces = []  // the parts' columns are then held once: renumbering a part's lines does not copy them
        var first = 0
        for file in jobs {
            history.add(&parts, first..<first + file.count, of: file)
            first += file.count
        }
        let definesNothing = dataset.indicators.isEmpty && log.items.contains { $0.severity == .error }
        let suspects = finishHistory(&history, files, definesNothing: definesNothing, into: &dataset, log: log)
        applyAuthorities(authorities, files, definesNothing: definesNothing, into: &dataset, log: log)
        if let risks = files.risks {
            parseRisks(risks, definesNothing: definesNothing, into: &dataset, log: log)
            skipRiskLinksIfRisksFailed(risks.name, indicatorsFile: files.indicators.name, dataset, log: log)
        }
        dataset.folder = files.folder
        CrossChecks.run(&dataset, log: log)
        CrossChecks.panelsForStrays(&dataset)
        BenchmarkChecks.run(dataset, log: log)
        PlausibilityChecks.run(dataset, log: log)
        ProblemMarks.apply(&dataset, diagnostics: log.items, suspects: suspects)
        return LoadResult(dataset: dataset, diagnostics: log.items)
    }

    private static func parseIndicators(_ file: DataDirectoryFiles.File) -> Piece {
        let log = DiagnosticLog()
        var dataset = Dataset()
        switch file.content {
        case .unreadable: break  // `DataDirectoryFiles.read` refuses the directory then
        case let .refused(line, why): log.error(SourceLocation(file: file.name, line: line), why)
        case let .data(data): dataset = IndicatorsFile.parse(DataFile.text(data), file: file.name, log: log)
        }
        return .indicators(dataset, log.items, log.links)
    }

    /// Puts the history rows into the dataset; gives the indicators named in the unread part of a file that
    /// stopped being read.
    private static func finishHistory(_ history: inout HistoryLoader, _ files: DataDirectoryFiles, definesNothing: Bool,
                                      into dataset: inout Dataset, log: DiagnosticLog) -> Set<String> {
        let folder = SourceLocation(file: files.historyFolder)
        if files.history.isEmpty && files.historyProblem == nil {
            log.warning(folder, "no history CSV files: every indicator will show no value")
        }
        if definesNothing {
            // Every row would be "unknown indicator": say it once instead.
            if !files.history.isEmpty {
                log.warning(folder, "history files not checked: indicators.yaml has errors and defines no indicators")
            }
            return []
        }
        history.finish(into: &dataset, log: log)
        // Rows after the point where a file stopped being read were never loaded: their indicators are suspect.
        let known = Set(dataset.indicators.map(\.id))
        var suspects = Set<String>()
        for s in history.stopped {
            suspects.formUnion(ProblemMarks.indicatorIDs(in: s.data, fromLine: s.line, known: known))
        }
        return suspects
    }

    /// One `authorities/*.csv` read without the indicator list, or its problem (reported whatever the indicators).
    private static func readAuthorities(_ file: DataDirectoryFiles.File) -> AuthorityValuesFile.Parsed {
        switch file.content {
        case let .unreadable(why):
            return AuthorityValuesFile.Parsed(entries: [.always(.error(SourceLocation(file: file.name), "cannot read: \(why)"))])
        case let .refused(line, why):
            return AuthorityValuesFile.Parsed(entries: [.always(.error(SourceLocation(file: file.name, line: line), why))])
        case let .data(data):
            return AuthorityValuesFile.read(data, file: file.name)
        }
    }

    private static func applyAuthorities(_ parsed: [AuthorityValuesFile.Parsed], _ files: DataDirectoryFiles,
                                         definesNothing: Bool, into dataset: inout Dataset, log: DiagnosticLog) {
        if definesNothing, let first = files.authorities.first {
            let folder = (first.name as NSString).deletingLastPathComponent
            log.warning(SourceLocation(file: folder),
                        "authorities files not checked: indicators.yaml has errors and defines no indicators")
            return
        }
        for p in parsed { AuthorityValuesFile.apply(p, into: &dataset, log: log) }
    }

    /// When risks.yaml has errors and defines no risks, every indicator's link to a risk would be "unknown
    /// risk": the links are dropped with one line saying so, and the root error stands alone.
    private static func skipRiskLinksIfRisksFailed(_ risksFile: String, indicatorsFile: String, _ dataset: Dataset,
                                                   log: DiagnosticLog) {
        guard dataset.risks.isEmpty,
              log.items.contains(where: { $0.severity == .error && $0.location.file == risksFile }) else { return }
        let links = log.links.count
        log.links.removeAll { $0.kind == .indicatorToRisk }
        if log.links.count < links {
            log.warning(SourceLocation(file: indicatorsFile),
                        "links to risks not checked: risks.yaml has errors and defines no risks")
        }
    }

    private static func parseRisks(_ file: DataDirectoryFiles.File, definesNothing: Bool, into dataset: inout Dataset,
                                   log: DiagnosticLog) {
        switch file.content {
        case let .unreadable(why): log.error(SourceLocation(file: file.name), "cannot read: \(why)")
        case let .refused(line, why): log.error(SourceLocation(file: file.name, line: line), why)
        case let .data(data):
            RisksFile.parse(DataFile.text(data), file: file.name, into: &dataset, log: log)
            if definesNothing {
                // Every link to an indicator or panel would be "unknown": say it once instead.
                let links = log.links.count
                log.links.removeAll { $0.kind == .riskToIndicator || $0.kind == .riskToPanel }
                if log.links.count < links {
                    log.warning(SourceLocation(file: file.name),
                                "links to indicators and panels not checked: indicators.yaml has errors and defines no indicators")
                }
            }
        }
    }
}
