import Foundation

/// Reads `authorities/*.csv` (written by `csdash import dfe --authorities`): every authority's value per indicator
/// and year, with `group` `self` or `neighbour` marking the authority and its statistical neighbours.
///
/// Columns by name in any order: `indicator`, `period`, `value` and `group` are required; `old_la_code`,
/// `new_la_code` and `la_name` identify the authority. Rows without a value are not needed and are skipped.
enum AuthorityValuesFile {
    static let required = ["indicator", "period", "value", "group"]

    /// One file read without the indicator list (so it can be read while `indicators.yaml` is parsed): its values
    /// by indicator id, and its problems in row order, some of them depending on whether a row's indicator is
    /// known. `apply` settles them: exactly what reading the file after the indicators would have said.
    struct Parsed: Sendable {
        enum Entry: Sendable {
            /// A problem whatever the indicators are.
            case always(Diagnostic)
            /// A problem of a row whose indicator is `id`: reported only when `id` is a known indicator (a row with
            /// an unknown indicator is reported for that alone).
            case ifKnown(String, Diagnostic)
            /// Consecutive rows naming indicator `id`: each is "unknown indicator" when `id` is not known.
            case unknownRun(String, SourceLocation, lines: [Int])
        }
        var entries: [Entry] = []
        var values: [String: [Period: [AuthorityValue]]] = [:]
    }

    /// Reads one file and puts it into `dataset` (the indicators must be there already).
    static func load(_ data: Data, file: String, into dataset: inout Dataset, log: DiagnosticLog) {
        apply(read(data, file: file), into: &dataset, log: log)
    }

    /// Logs a read file's problems and stores the values of known indicators.
    static func apply(_ parsed: Parsed, into dataset: inout Dataset, log: DiagnosticLog) {
        var known = Set<String>()
        for ind in dataset.indicators { known.insert(ind.id) }
        for entry in parsed.entries {
            switch entry {
            case let .always(d): log.items.append(d)
            case let .ifKnown(id, d): if known.contains(id) { log.items.append(d) }
            case let .unknownRun(id, at, lines):
                guard !known.contains(id) else { continue }
                for line in lines {
                    var loc = at
                    loc.line = line
                    log.error(loc, "unknown indicator '\(id)' (not in indicators.yaml)")
                }
            }
        }
        for (id, byPeriod) in parsed.values where known.contains(id) {
            for (p, list) in byPeriod { dataset.authorityValues[id, default: [:]][p, default: []].append(contentsOf: list) }
        }
    }

    /// Reads one file without the indicator list (see `Parsed`).
    static func read(_ data: Data, file: String) -> Parsed {
        var parsed = Parsed()
        var out: [String: [Period: [AuthorityValue]]] = [:]
        // The row's indicator once its id is read: its later problems count only if the indicator is known.
        var rowID: String?
        // The current run of rows naming the same indicator (its "unknown indicator" entry, made when it ends).
        var runOf: String?, runAt = SourceLocation(file: file), runLines: [Int] = []
        func closeRun() {
            if let id = runOf, !runLines.isEmpty { parsed.entries.append(.unknownRun(id, runAt, lines: runLines)) }
            runOf = nil
            runLines = []
        }
        func problem(_ at: SourceLocation, _ message: String) {
            closeRun()
            let d = Diagnostic.error(at, message)
            parsed.entries.append(rowID.map { .ifKnown($0, d) } ?? .always(d))
        }
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var cols: [String: Int]?
            var header: [String] = []
            var lastID = ""
            var lastIDBytes: [UInt8] = [], lastPeriodBytes: [UInt8] = []
            var lastPeriod: Period?
            var iCol = 0, pCol = 0, vCol = 0, gCol = 0
            // Rows come grouped by indicator and year: collect a run, then store it once.
            var run: [AuthorityValue] = []
            var runID = "", runPeriod: Period?
            func flush() {
                guard let p = runPeriod, !run.isEmpty else { return }
                out[runID, default: [:]][p, default: []].append(contentsOf: run)
                run.removeAll(keepingCapacity: true)
            }
            var codeCol: Int?, nameCol: Int?
            do {
                try CSVReader.forEachRow(in: bytes) { row in
                    rowID = nil
                    guard let c = cols else {
                        header = row.strings.map(\.trimmingSpaces)
                        var m: [String: Int] = [:]
                        for (i, n) in header.enumerated() where m[n.lowercased()] == nil { m[n.lowercased()] = i }
                        let missing = required.filter { m[$0] == nil }
                        if !missing.isEmpty {
                            problem(SourceLocation(file: file, line: row.line),
                                      "header lacks required column\(missing.count > 1 ? "s" : "") "
                                      + missing.map { "'\($0)'" }.joined(separator: ", "))
                            throw CSVError(line: 0, message: "")
                        }
                        cols = m
                        iCol = m["indicator"]!
                        pCol = m["period"]!
                        vCol = m["value"]!
                        gCol = m["group"]!
                        codeCol = m["old_la_code"] ?? m["new_la_code"]
                        nameCol = m["la_name"]
                        return
                    }
                    func at(_ name: String) -> SourceLocation {
                        SourceLocation(file: file, line: row.line, column: header[c[name]!])
                    }
                    if row.count != header.count {
                        problem(SourceLocation(file: file, line: row.line),
                                  "row has \(row.count) field\(row.count == 1 ? "" : "s"), the header has \(header.count)")
                        return
                    }
                    // Ids and periods repeat row after row: compare bytes, make a String only when they change.
                    let idChanged = row.withField(iCol) { !$0.elementsEqual(lastIDBytes) } || lastIDBytes.isEmpty
                    if idChanged {
                        lastID = row.trimmed(iCol)
                        lastIDBytes = row.withField(iCol) { Array($0) }
                    }
                    let id = lastID
                    // "Unknown indicator" is settled in `apply`: runs of rows naming the same id, one entry each.
                    if runOf != id {
                        closeRun()
                        runOf = id
                        runAt = at("indicator")
                    }
                    runLines.append(row.line)
                    rowID = id
                    if row.withField(pCol, { !$0.elementsEqual(lastPeriodBytes) }) || lastPeriod == nil {
                        let pText = row.trimmed(pCol)
                        lastPeriod = Period(pText)
                        lastPeriodBytes = lastPeriod == nil ? [] : row.withField(pCol) { Array($0) }
                        guard let p = lastPeriod else {
                            problem(at("period"), "unreadable period '\(pText)' (use 2021/22)")
                            return
                        }
                        if p.kind != .financialYear {
                            problem(at("period"), "period '\(pText)' is a \(p.kind.rawValue); authority values are annual (2021/22)")
                            lastPeriod = nil
                            lastPeriodBytes = []
                            return
                        }
                    }
                    guard let period = lastPeriod else { return }
                    let value: Double
                    switch row.withField(vCol, CSVNumber.parse) {
                    case let .value(v): value = v
                    case .missing: return
                    case .invalid:
                        problem(at("value"), "non-numeric value '\(row.trimmed(vCol))'")
                        return
                    }
                    let group: AuthorityValue.Group
                    // Empty, "self" or "neighbour", told apart by length and first byte without a String.
                    let kind = row.withField(gCol) { b -> Int in
                        if b.isEmpty { return 0 }
                        if b.count == 4, b[0] == 0x73, b.elementsEqual("self".utf8) { return 1 }
                        if b.count == 9, b[0] == 0x6E, b.elementsEqual("neighbour".utf8) { return 2 }
                        return 3
                    }
                    switch kind {
                    case 0: group = .other
                    case 1: group = .own
                    case 2: group = .neighbour
                    default:
                        let g = row.trimmed(gCol).lowercased()
                        guard let known = AuthorityValue.Group(rawValue: g) else {
                            problem(at("group"), "group '\(g)' is not one of: self, neighbour, or empty")
                            return
                        }
                        group = known
                    }
                    // Names and codes are kept for the authority and its neighbours (the strip labels them).
                    var code = "", name = ""
                    if group != .other {
                        code = codeCol.map { row.trimmed($0) } ?? ""
                        name = nameCol.map { row.trimmed($0) } ?? code
                    }
                    if id != runID || period != runPeriod {
                        flush()
                        runID = id
                        runPeriod = period
                    }
                    run.append(AuthorityValue(code: code, name: name, value: value, group: group))
                }
            } catch let e as CSVError {
                rowID = nil
                if e.line > 0 { problem(SourceLocation(file: file, line: e.line), e.message) }
            } catch {
                rowID = nil
                problem(SourceLocation(file: file), "\(error)")
            }
            flush()
            rowID = nil
            closeRun()
            if cols == nil, header.isEmpty { problem(SourceLocation(file: file, line: 1), "the file is empty (no header row)") }
        }
        parsed.values = out
        return parsed
    }
}
