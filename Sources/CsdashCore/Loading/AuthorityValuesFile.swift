import Foundation

/// Reads `authorities/*.csv` (written by `csdash import dfe --authorities`): every authority's value per indicator
/// and year, with `group` `self` or `neighbour` marking the authority and its statistical neighbours.
///
/// Columns by name in any order: `indicator`, `period`, `value` and `group` are required; `old_la_code`,
/// `new_la_code` and `la_name` identify the authority. Rows without a value are not needed and are skipped.
enum AuthorityValuesFile {
    static let required = ["indicator", "period", "value", "group"]

    static func load(_ data: Data, file: String, into dataset: inout Dataset, log: DiagnosticLog) {
        var byID: [String: Indicator] = [:]
        for ind in dataset.indicators { byID[ind.id] = ind }
        var out = dataset.authorityValues
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
                    guard let c = cols else {
                        header = row.strings.map(\.trimmingSpaces)
                        var m: [String: Int] = [:]
                        for (i, n) in header.enumerated() where m[n.lowercased()] == nil { m[n.lowercased()] = i }
                        let missing = required.filter { m[$0] == nil }
                        if !missing.isEmpty {
                            log.error(SourceLocation(file: file, line: row.line),
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
                        log.error(SourceLocation(file: file, line: row.line),
                                  "row has \(row.count) field\(row.count == 1 ? "" : "s"), the header has \(header.count)")
                        return
                    }
                    // Ids and periods repeat row after row: compare bytes, make a String only when they change.
                    let idChanged = row.withField(iCol) { !$0.elementsEqual(lastIDBytes) }
                    if idChanged {
                        let id = row.trimmed(iCol)
                        guard byID[id] != nil else {
                            log.error(at("indicator"), "unknown indicator '\(id)' (not in indicators.yaml)")
                            return
                        }
                        lastID = id
                        lastIDBytes = row.withField(iCol) { Array($0) }
                    }
                    let id = lastID
                    if row.withField(pCol, { !$0.elementsEqual(lastPeriodBytes) }) || lastPeriod == nil {
                        let pText = row.trimmed(pCol)
                        lastPeriod = Period(pText)
                        lastPeriodBytes = lastPeriod == nil ? [] : row.withField(pCol) { Array($0) }
                        guard let p = lastPeriod else {
                            log.error(at("period"), "unreadable period '\(pText)' (use 2021/22)")
                            return
                        }
                        if p.kind != .financialYear {
                            log.error(at("period"), "period '\(pText)' is a \(p.kind.rawValue); authority values are annual (2021/22)")
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
                        log.error(at("value"), "non-numeric value '\(row.trimmed(vCol))'")
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
                            log.error(at("group"), "group '\(g)' is not one of: self, neighbour, or empty")
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
                if e.line > 0 { log.error(SourceLocation(file: file, line: e.line), e.message) }
            } catch {
                log.error(SourceLocation(file: file), "\(error)")
            }
            flush()
            if cols == nil, header.isEmpty { log.error(SourceLocation(file: file, line: 1), "the file is empty (no header row)") }
        }
        dataset.authorityValues = out
    }
}
