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
            // The first file to give an indicator's values hands them over whole (no value is copied: copying
            // and then freeing 11,000 values cost more than reading them); a later file adds to them.
            guard dataset.authorityValues[id] != nil else {
                dataset.authorityValues[id] = byPeriod
                continue
            }
            for (p, list) in byPeriod { dataset.authorityValues[id, default: [:]][p, default: []].append(contentsOf: list) }
        }
    }

    /// Reads one file without the indicator list (see `Parsed`).
    ///
    /// The header row, and any row holding a quote, go through `CSVReader`; the other rows' fields are found
    /// by `RowSplit` and read from the bytes (a String only for an id or period that changes, and for the
    /// names and codes of the authority and its neighbours). Both give the same rows and the same messages.
    static func read(_ data: Data, file: String) -> Parsed {
        data.withUnsafeBytes { raw in
            var reader = Reader(file: file)
            reader.read(raw.bindMemory(to: UInt8.self))
            return reader.parsed
        }
    }

    /// The state of one `read`.
    private struct Reader {
        let file: String
        var parsed = Parsed()
        var out: [String: [Period: [AuthorityValue]]] = [:]
        /// Set once the row's id is read (it is `lastID`): its later problems count only if the indicator is known.
        var rowHasID = false
        /// The current run of rows naming the same indicator (its "unknown indicator" entry, made when it ends).
        var runOf: String?
        var runAt: SourceLocation
        var runLines: [Int] = []
        var header: [String] = []
        var iCol = 0, pCol = 0, vCol = 0, gCol = 0
        var codeCol: Int?, nameCol: Int?
        /// The last id and period as read, and where their bytes are in the file (nil: compare by text instead,
        /// after a row read through `CSVReader`, whose fields are copies).
        var lastID = "", lastIDAt: UnsafePointer<UInt8>?, lastIDCount = 0
        /// Numbers `lastID`'s distinct values as they come, so that a row compares its id by a number.
        var idNumber = 0, runOfNumber = -1, runIDNumber = -1
        var lastPeriod: Period?, lastPeriodAt: UnsafePointer<UInt8>?, lastPeriodCount = 0
        /// Numbers `lastPeriod`'s readings, as `idNumber` does the ids.
        var periodNumber = 0, runPeriodNumber = -1
        /// Rows come grouped by indicator and year: collect a run, then store it once.
        var run: [AuthorityValue] = []
        var runID = "", runPeriod: Period?

        init(file: String) {
            self.file = file
            runAt = SourceLocation(file: file)
        }

        mutating func closeRun() {
            if let id = runOf, !runLines.isEmpty { parsed.entries.append(.unknownRun(id, runAt, lines: runLines)) }
            runOf = nil
            runOfNumber = -1
            runLines = []
        }

        mutating func problem(_ at: SourceLocation, _ message: String) {
            closeRun()
            let d = Diagnostic.error(at, message)
            parsed.entries.append(rowHasID ? .ifKnown(lastID, d) : .always(d))
        }

        mutating func flush() {
            guard let p = runPeriod, !run.isEmpty else { return }
            if out[runID]?[p] == nil {
                out[runID, default: [:]][p] = run
                let kept = run.count
                run = []
                run.reserveCapacity(kept)
            } else {
                out[runID, default: [:]][p, default: []].append(contentsOf: run)
                run.removeAll(keepingCapacity: true)
            }
        }

        mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
            defer {
                flush()
                rowHasID = false
                closeRun()
                if header.isEmpty { problem(SourceLocation(file: file, line: 1), "the file is empty (no header row)") }
                parsed.values = out
            }
            // The header.
            var body: (end: Int, line: Int, headerLine: Int)?
            do {
                try CSVReader.forEachRow(in: bytes) { row in
                    header = row.strings.map(\.trimmingSpaces)
                    body = (row.end, row.nextLine, row.line)
                    throw CSVReader.Stop()
                }
            } catch let e as CSVError {
                problem(SourceLocation(file: file, line: e.line), e.message)
                return
            } catch {
                problem(SourceLocation(file: file), "\(error)")
                return
            }
            guard let body else { return }
            var m: [String: Int] = [:]
            for (i, n) in header.enumerated() where m[n.lowercased()] == nil { m[n.lowercased()] = i }
            let missing = required.filter { m[$0] == nil }
            if !missing.isEmpty {
                problem(SourceLocation(file: file, line: body.headerLine),
                        "header lacks required column\(missing.count > 1 ? "s" : "") "
                        + missing.map { "'\($0)'" }.joined(separator: ", "))
                return
            }
            iCol = m["indicator"]!
            pCol = m["period"]!
            vCol = m["value"]!
            gCol = m["group"]!
            codeCol = m["old_la_code"] ?? m["new_la_code"]
            nameCol = m["la_name"]
            rows(bytes, from: body.end, line: body.line)
        }

        /// Every row after the header.
        mutating func rows(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, line firstLine: Int) {
            guard let p = bytes.baseAddress else { return }
            let n = bytes.count, columns = header.count
            let starts = UnsafeMutablePointer<Int>.allocate(capacity: columns + 1)
            let ends = UnsafeMutablePointer<Int>.allocate(capacity: columns + 1)
            defer {
                starts.deallocate()
                ends.deallocate()
            }
            var split = RowSplit(p, count: n)
            var i = from, line = firstLine, nextQuote = -1
            var scratch: [UInt8] = []
            while i < n {
                if nextQuote < i {
                    nextQuote = memchr(p + i, 0x22, n - i).map { UnsafeRawPointer(p).distance(to: UnsafeRawPointer($0)) } ?? n
                }
                let rowStart = i
                let (e, after) = split.line(from: i)
                if nextQuote >= e {
                    let fields = split.fields(i, e, columns: columns, starts, ends)
                    i = after
                    let rowLine = line
                    line += 1
                    if fields == 1 && starts[0] == ends[0] { continue }  // blank line
                    row(p, starts, ends, fields: fields, line: rowLine, inFile: true)
                    continue
                }
                // A row with a quote: CSVReader reads it; its fields (quotes removed) are copied into `scratch`.
                var next = (end: n, line: line)
                do {
                    let rest = UnsafeBufferPointer(rebasing: bytes[rowStart...])
                    let last = try CSVReader.forEachRow(in: rest, firstLine: line, atFileStart: false) { r in
                        scratch.removeAll(keepingCapacity: true)
                        for k in 0..<min(r.count, columns) {
                            starts[k] = scratch.count
                            r.withField(k) { scratch.append(contentsOf: $0) }
                            ends[k] = scratch.count
                        }
                        scratch.append(0)  // a base address even when every field is empty
                        scratch.withUnsafeBufferPointer { b in
                            row(b.baseAddress!, starts, ends, fields: r.count, line: r.line, inFile: false)
                        }
                        next = (rowStart + r.end, r.nextLine)
                        throw CSVReader.Stop()
                    }
                    if next.end == n { next.line = last }
                } catch let e as CSVError {
                    rowHasID = false
                    problem(SourceLocation(file: file, line: e.line), e.message)
                    return
                } catch {
                    rowHasID = false
                    problem(SourceLocation(file: file), "\(error)")
                    return
                }
                i = next.end
                line = next.line
            }
        }

        /// A field's text without surrounding white space, as `CSVRow.trimmed` gives it: the ASCII spaces and
        /// tabs dropped from the bytes when what is left starts and ends with a printable ASCII byte, else
        /// `trimmingSpaces` on the whole field.
        static func text(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> String {
            var lo = s, hi = e
            while lo < hi, p[lo] == 0x20 || p[lo] == 0x09 { lo += 1 }
            while hi > lo, p[hi - 1] == 0x20 || p[hi - 1] == 0x09 { hi -= 1 }
            if lo == hi { return String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self).trimmingSpaces }
            if p[lo] > 0x20, p[lo] < 0x7F, p[hi - 1] > 0x20, p[hi - 1] < 0x7F {
                return String(decoding: UnsafeBufferPointer(start: p + lo, count: hi - lo), as: UTF8.self)
            }
            return String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self).trimmingSpaces
        }

        func at(_ col: Int, _ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: header[col]) }

        /// One row: its fields at `starts[k]..<ends[k]` in `p` (the first `min(fields, header.count)` of them).
        mutating func row(_ p: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>,
                          _ ends: UnsafeMutablePointer<Int>, fields: Int, line: Int, inFile: Bool) {
            rowHasID = false
            if fields != header.count {
                problem(SourceLocation(file: file, line: line),
                        "row has \(fields) field\(fields == 1 ? "" : "s"), the header has \(header.count)")
                return
            }
            // Ids and periods repeat row after row: compare bytes, make a String only when they change.
            let ids = starts[iCol], ide = ends[iCol]
            if lastIDAt == nil || lastIDCount == 0 || lastIDCount != ide - ids || memcmp(p + ids, lastIDAt!, lastIDCount) != 0 {
                let text = Reader.text(p, ids, ide)
                if text != lastID || idNumber == 0 {
                    lastID = text
                    idNumber += 1
                }
                lastIDAt = inFile ? p + ids : nil
                lastIDCount = ide - ids
            }
            // "Unknown indicator" is settled in `apply`: runs of rows naming the same id, one entry each.
            if runOfNumber != idNumber {
                closeRun()
                runOf = lastID
                runOfNumber = idNumber
                runAt = at(iCol, line)
            }
            runLines.append(line)
            rowHasID = true
            let ps = starts[pCol], pe = ends[pCol]
            if lastPeriod == nil || lastPeriodAt == nil || lastPeriodCount != pe - ps
                || memcmp(p + ps, lastPeriodAt!, lastPeriodCount) != 0 {
                let pText = Reader.text(p, ps, pe)
                lastPeriod = Period(pText)
                lastPeriodAt = lastPeriod == nil || !inFile ? nil : p + ps
                lastPeriodCount = pe - ps
                periodNumber += 1
                guard let period = lastPeriod else {
                    problem(at(pCol, line), "unreadable period '\(pText)' (use 2021/22)")
                    return
                }
                if period.kind != .financialYear {
                    problem(at(pCol, line), "period '\(pText)' is a \(period.kind.rawValue); authority values are annual (2021/22)")
                    lastPeriod = nil
                    lastPeriodAt = nil
                    return
                }
            }
            guard let period = lastPeriod else { return }
            let value: Double
            let vs = starts[vCol], ve = ends[vCol]
            switch vs == ve ? .missing : RowParser.decimal(p, vs, ve, PowersOfTen.pointer) ?? CSVNumber.parse(UnsafeBufferPointer(start: p + vs, count: ve - vs)) {
            case let .value(v): value = v
            case .missing: return
            case .invalid:
                problem(at(vCol, line), "non-numeric value '\(Reader.text(p, vs, ve))'")
                return
            }
            // Empty, "self" or "neighbour", told apart by length and bytes without a String.
            let group: AuthorityValue.Group
            let gs = starts[gCol], gn = ends[gCol] - gs
            if gn == 0 {
                group = .other
            } else if gn == 4, memcmp(p + gs, "self", 4) == 0 {
                group = .own
            } else if gn == 9, memcmp(p + gs, "neighbour", 9) == 0 {
                group = .neighbour
            } else {
                let g = Reader.text(p, gs, gs + gn).lowercased()
                guard let known = AuthorityValue.Group(rawValue: g) else {
                    problem(at(gCol, line), "group '\(g)' is not one of: self, neighbour, or empty")
                    return
                }
                group = known
            }
            // Names and codes are kept for the authority and its neighbours (the strip labels them).
            var code = "", name = ""
            if group != .other {
                code = codeCol.map { Reader.text(p, starts[$0], ends[$0]) } ?? ""
                name = nameCol.map { Reader.text(p, starts[$0], ends[$0]) } ?? code
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
    }
}
