import Foundation

/// The state of one `AuthorityValuesFile.read`: the header, then each row as `CSVRows` hands it over.
///
/// Rows come grouped by indicator and year: an id or period is made a String only when it changes, and the
/// values of a run of rows are stored once.
struct AuthorityRows {
    let file: String
    var parsed = AuthorityValuesFile.Parsed()
    private var out: [String: [Period: [AuthorityValue]]] = [:]
    /// Set once the row's id is read (it is `lastID`): its later problems count only if the indicator is known.
    private var rowHasID = false
    /// The current run of rows naming the same indicator (its "unknown indicator" entry, made when it ends).
    private var runOf: String?
    private var runAt: SourceLocation
    private var runLines: [Int] = []
    private var header: [String] = []
    private var iCol = 0, pCol = 0, vCol = 0, gCol = 0
    private var codeCol: Int?, nameCol: Int?
    /// The last id and period as read, with their bytes; each new one numbered, so that rows compare numbers.
    private var lastID = "", lastIDBytes: [UInt8] = [], idNumber = 0
    private var lastPeriod: Period?, lastPeriodBytes: [UInt8] = [], periodNumber = 0
    private var runOfNumber = -1, runIDNumber = -1, runPeriodNumber = -1
    /// The values of the current run of rows of one indicator and year.
    private var run: [AuthorityValue] = []
    private var runID = "", runPeriod: Period?

    init(file: String) {
        self.file = file
        runAt = SourceLocation(file: file)
    }

    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        defer {
            flush()
            rowHasID = false
            closeRun()
            if header.isEmpty { problem(SourceLocation(file: file, line: 1), "the file is empty (no header row)") }
            parsed.values = out
        }
        do throws(CSVError) {
            guard let h = try CSVRows.header(bytes) else { return }
            header = h.names.map(\.trimmingSpaces)
            guard columns(line: h.line) else { return }
            try CSVRows.forEach(in: bytes, from: h.end, firstLine: h.nextLine, columns: header.count) { row($0) }
        } catch {
            rowHasID = false
            problem(SourceLocation(file: file, line: error.line), error.message)
        }
    }

    /// Finds the columns by name; false (reported) when a required one is missing.
    private mutating func columns(line: Int) -> Bool {
        var m: [String: Int] = [:]
        for (i, n) in header.enumerated() where m[n.lowercased()] == nil { m[n.lowercased()] = i }
        let missing = AuthorityValuesFile.required.filter { m[$0] == nil }
        if !missing.isEmpty {
            problem(SourceLocation(file: file, line: line), "header lacks required column\(missing.count > 1 ? "s" : "") "
                    + missing.map { "'\($0)'" }.joined(separator: ", "))
            return false
        }
        iCol = m["indicator"]!
        pCol = m["period"]!
        vCol = m["value"]!
        gCol = m["group"]!
        codeCol = m["old_la_code"] ?? m["new_la_code"]
        nameCol = m["la_name"]
        return true
    }

    private mutating func closeRun() {
        if let id = runOf, !runLines.isEmpty { parsed.entries.append(.unknownRun(id, runAt, lines: runLines)) }
        runOf = nil
        runOfNumber = -1
        runLines = []
    }

    private mutating func problem(_ at: SourceLocation, _ message: String) {
        closeRun()
        let d = Diagnostic.error(at, message)
        parsed.entries.append(rowHasID ? .ifKnown(lastID, d) : .always(d))
    }

    private mutating func flush() {
        guard let p = runPeriod, !run.isEmpty else { return }
        out[runID, default: [:]][p, default: []].append(contentsOf: run)
        run.removeAll(keepingCapacity: true)
    }

    private func at(_ col: Int, _ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: header[col]) }

    /// One row.
    private mutating func row(_ r: CSVFields) {
        rowHasID = false
        if r.count != header.count {
            problem(SourceLocation(file: file, line: r.line),
                    "row has \(r.count) field\(r.count == 1 ? "" : "s"), the header has \(header.count)")
            return
        }
        readID(r)
        guard let period = readPeriod(r) else { return }
        let value: Double
        switch r.number(vCol) {
        case let .value(v): value = v
        case .missing: return
        case .invalid:
            problem(at(vCol, r.line), "non-numeric value '\(r.text(vCol))'")
            return
        }
        guard let group = readGroup(r) else { return }
        // Names and codes are kept for the authority and its neighbours (the strip labels them).
        var code = "", name = ""
        if group != .other {
            code = codeCol.map { r.text($0) } ?? ""
            name = nameCol.map { r.text($0) } ?? code
        }
        if idNumber != runIDNumber || periodNumber != runPeriodNumber {
            flush()
            runID = lastID
            runIDNumber = idNumber
            runPeriod = period
            runPeriodNumber = periodNumber
        }
        run.append(AuthorityValue(code: code, name: name, value: value, group: group))
    }

    /// The row's id, and its run of rows for "unknown indicator" (settled in `AuthorityValuesFile.apply`).
    private mutating func readID(_ r: CSVFields) {
        if idNumber == 0 || !r.trimmed(iCol, equals: lastIDBytes) {
            let text = r.text(iCol)
            if text != lastID || idNumber == 0 {
                lastID = text
                idNumber += 1
            }
            lastIDBytes = Array(r.trimmed(iCol))
        }
        if runOfNumber != idNumber {
            closeRun()
            runOf = lastID
            runOfNumber = idNumber
            runAt = at(iCol, r.line)
        }
        runLines.append(r.line)
        rowHasID = true
    }

    /// The row's financial year; nil (reported) when it is not one.
    private mutating func readPeriod(_ r: CSVFields) -> Period? {
        if lastPeriod != nil, r.trimmed(pCol, equals: lastPeriodBytes) { return lastPeriod }
        let text = r.text(pCol)
        lastPeriodBytes = Array(r.trimmed(pCol))
        periodNumber += 1
        lastPeriod = Period(text)
        guard let period = lastPeriod else {
            problem(at(pCol, r.line), "unreadable period '\(text)' (use 2021/22)")
            return nil
        }
        if period.kind != .financialYear {
            problem(at(pCol, r.line), "period '\(text)' is a \(period.kind.rawValue); authority values are annual (2021/22)")
            lastPeriod = nil
            return nil
        }
        return period
    }

    /// Empty, "self" or "neighbour"; nil (reported) for anything else.
    private mutating func readGroup(_ r: CSVFields) -> AuthorityValue.Group? {
        let g = r.trimmed(gCol)
        if g.isEmpty { return .other }
        if g.elementsEqual("self".utf8) { return .own }
        if g.elementsEqual("neighbour".utf8) { return .neighbour }
        let text = r.text(gCol).lowercased()
        guard let known = AuthorityValue.Group(rawValue: text) else {
            problem(at(gCol, r.line), "group '\(text)' is not one of: self, neighbour, or empty")
            return nil
        }
        return known
    }
}
