import Foundation

/// Reads history CSV files into the indicators' histories.
///
/// Built for a million rows: each file is read once as bytes; indicator ids and period spellings are looked
/// up straight from the bytes in hash tables (a period is parsed once per distinct spelling; an id becomes a
/// String only in an error message); numbers are parsed from the bytes; values go into each indicator's
/// contiguous columns (`HistoryBuilder`). A large file is split at a line break and its halves are parsed on
/// two threads (`RowParser` holds what one thread needs); the halves join in file order.
struct HistoryLoader {
    private let log: DiagnosticLog
    private var ids: ByteTable
    private var idIndex: [String: Int] = [:]
    private var kinds: [Int32]
    private var chunks: [RowChunk] = []
    private(set) var comparatorNames: [String]
    private var comparatorByKey: [String: Int] = [:]
    private var files: [String] = []
    /// Bodies at least this large are parsed on two threads (below it, starting a thread costs more than it saves).
    static let splitThreshold = 2 << 20

    init(dataset: Dataset, log: DiagnosticLog) {
        self.log = log
        ids = ByteTable(capacity: dataset.indicators.count)
        for (i, ind) in dataset.indicators.enumerated() where idIndex[ind.id] == nil {
            idIndex[ind.id] = i
            ids.set(ind.id, Int32(i))
        }
        kinds = dataset.indicators.map { PeriodCode.kindCode($0.frequency.periodKind) }
        comparatorNames = dataset.comparatorNames
        for (i, n) in comparatorNames.enumerated() { comparatorByKey[n.lowercased()] = i }
    }

    mutating func load(_ data: Data, file: String) {
        data.withUnsafeBytes { raw in
            load(raw.bindMemory(to: UInt8.self), file: file)
        }
    }

    mutating func load(_ bytes: UnsafeBufferPointer<UInt8>, file: String) {
        // The header row first, to know the columns.
        var headerRow: (names: [String], line: Int, end: Int, nextLine: Int)?
        do {
            try CSVReader.forEachRow(in: bytes) { row in
                // Header names become comparator names on screen and in reports: made safe here, once.
                headerRow = (row.strings.map { SafeText.clipped(SafeText.line($0)) }, row.line, row.end, row.nextLine)
                throw CSVReader.Stop()
            }
        } catch let e as CSVError {
            log.stoppedAt[file] = e.line
            log.error(SourceLocation(file: file, line: e.line), e.message)
            return
        } catch {
            log.error(SourceLocation(file: file), "\(error)")
            return
        }
        guard let headerRow else {
            log.error(SourceLocation(file: file, line: 1), "the file is empty (no header row)")
            return
        }
        guard let header = HistoryHeader.read(headerRow.names, at: SourceLocation(file: file, line: headerRow.line),
                                              log: log) else {
            log.stoppedAt[file] = headerRow.line  // no row of this file was read
            return
        }
        let series = header.comparators.map { (column: $0.column, series: comparatorIndex($0.name)) }
        files.append(file)
        let body = UnsafeBufferPointer(rebasing: bytes[headerRow.end...])
        let parser = RowParser(ids: ids, idIndex: idIndex, kinds: kinds, header: header,
                               series: series, file: file, fileIndex: UInt16(clamping: files.count - 1))
        for part in RowParser.parse(body, firstLine: headerRow.nextLine, with: parser, threshold: Self.splitThreshold) {
            log.items.append(contentsOf: part.diagnostics)
            // A syntax error stops the reading: the rows after it are suspect (ProblemMarks).
            if part.failed, log.stoppedAt[file] == nil { log.stoppedAt[file] = part.diagnostics.last?.location.line ?? headerRow.line }
            chunks.append(part.chunk)
        }
    }

    private mutating func comparatorIndex(_ name: String) -> Int {
        let key = name.lowercased()
        if let i = comparatorByKey[key] { return i }
        comparatorNames.append(name)
        comparatorByKey[key] = comparatorNames.count - 1
        return comparatorNames.count - 1
    }

    /// Groups the rows by indicator, sorts each history by period, reports duplicate periods, and hands the
    /// histories to the dataset.
    mutating func finish(into dataset: inout Dataset) {
        dataset.comparatorNames = comparatorNames
        let (histories, duplicates) = RowChunk.assemble(chunks, indicators: dataset.indicators.count,
                                                        comparatorCount: comparatorNames.count, files: files)
        chunks = []
        for d in duplicates {
            var loc = d.at
            loc.column = "period"
            log.about(.indicator(dataset.indicators[d.indicator].id)) {
                log.error(loc, "duplicate row for indicator '\(dataset.indicators[d.indicator].id)' and period "
                    + "\(d.period.period) (first at \(d.first.text))")
            }
        }
        for i in dataset.indicators.indices { dataset.indicators[i].history = histories[i] }
    }
}

/// Parses rows of one history file into a `RowChunk`. Each thread gets its own; the lookup tables are shared
/// read-only.
///
/// Rows without quotes take a fast path: one scan for the field boundaries, then the id, period and numbers
/// straight from the bytes. A row with a quoted field, or any row the fast path cannot take as it is (wrong
/// field count, unknown id, bad period or number), goes through `CSVReader` and `add(_:)`, which also
/// writes the error messages, so both paths give the same rows and the same diagnostics.
struct RowParser: @unchecked Sendable {
    let ids: ByteTable
    let idIndex: [String: Int]
    /// Each indicator's id by index: a row's problems name the indicator they are about (`Subject`).
    let indicatorIDs: [String]
    let kinds: [Int32]
    let header: HistoryHeader
    let series: [(column: Int, series: Int)]
    let file: String
    /// What each column is: `indicatorRole`, `periodRole`, `valueRole`, `ignored`, or a comparator's position.
    let roles: [Int]
    var chunk: RowChunk
    /// Period spellings seen, to their code (`unreadable` when not a period).
    var periods = ByteTable()
    var diagnostics: [Diagnostic] = []
    /// Set when this part's rows could not all be read (a CSV syntax error).
    var failed = false
    private static let unreadable = Int32.min
    static let indicatorRole = -1, periodRole = -2, valueRole = -3, ignored = -4

    init(ids: ByteTable, idIndex: [String: Int], kinds: [Int32], header: HistoryHeader,
         series: [(column: Int, series: Int)], file: String, fileIndex: UInt16) {
        self.ids = ids
        self.idIndex = idIndex
        var names = Array(repeating: "", count: (idIndex.values.max() ?? -1) + 1)
        for (id, i) in idIndex { names[i] = id }
        indicatorIDs = names
        self.kinds = kinds
        self.header = header
        self.series = series
        self.file = file
        var roles = Array(repeating: RowParser.ignored, count: header.names.count)
        roles[header.indicator] = RowParser.indicatorRole
        roles[header.period] = RowParser.periodRole
        roles[header.value] = RowParser.valueRole
        for (k, s) in series.enumerated() { roles[s.column] = k }
        self.roles = roles
        chunk = RowChunk(series: series.map(\.series), fileIndex: fileIndex, expectedRows: 0)
    }

    /// Parses `body` (the rows after the header), on two threads when it is at least `threshold` bytes.
    /// The second half starts after a line break near the middle; if the first half does not end cleanly
    /// there (the break was inside a quoted field, or the first half has a syntax error), the body is parsed
    /// again in one piece, so the result is always that of a sequential parse.
    static func parse(_ body: UnsafeBufferPointer<UInt8>, firstLine: Int, with proto: RowParser,
                      threshold: Int) -> [RowParser] {
        if body.count >= threshold, let split = splitPoint(body) {
            nonisolated(unsafe) let a = UnsafeBufferPointer(rebasing: body[..<split])
            nonisolated(unsafe) let b = UnsafeBufferPointer(rebasing: body[split...])
            nonisolated(unsafe) var parts = [proto, proto]
            nonisolated(unsafe) var endLine = 0
            parts.withUnsafeMutableBufferPointer { p in
                nonisolated(unsafe) let p = p
                DispatchQueue.concurrentPerform(iterations: 2) { k in
                    if k == 0 {
                        endLine = p[0].run(a, firstLine: firstLine)
                    } else {
                        _ = p[1].run(b, firstLine: 1)
                    }
                }
            }
            if !parts[0].failed {
                parts[1].shiftLines(by: endLine - 1)
                return parts
            }
        }
        var one = proto
        _ = one.run(body, firstLine: firstLine)
        return [one]
    }

    /// Just after the first line feed at or after the middle, if any.
    private static func splitPoint(_ body: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = body.count / 2
        while i < body.count, body[i] != 0x0A { i += 1 }
        return i + 1 < body.count ? i + 1 : nil
    }

    /// Renumbers the lines of a second half once the first half's length in lines is known.
    mutating func shiftLines(by offset: Int) {
        guard offset != 0 else { return }
        for k in diagnostics.indices where diagnostics[k].location.line > 0 { diagnostics[k].location.line += offset }
        let o = Int32(clamping: offset)
        chunk.line.withUnsafeMutableBufferPointer { l in
            for k in l.indices { l[k] &+= o }
        }
    }

    // MARK: Rows

    /// Reads every row of `bytes`; returns the line after the last.
    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) -> Int {
        guard let p = bytes.baseAddress, !bytes.isEmpty else { return firstLine }
        let expected = min(bytes.count / 16 + 16, 1 << 26)
        chunk = RowChunk(series: chunk.series, fileIndex: chunk.fileIndex, expectedRows: expected)
        let n = bytes.count, columns = header.names.count
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: columns + 1)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: columns + 1)
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: max(1, series.count))
        defer {
            starts.deallocate()
            ends.deallocate()
            scratch.deallocate()
        }
        var i = 0, line = firstLine
        while i < n {
            let rowStart = i
            var fields = 0, quoted = false
            while true {
                if i < n && p[i] == quote {
                    quoted = true
                    break
                }
                let fieldStart = i
                while i < n {
                    let c = p[i]
                    if c == comma || c == lf || c == cr { break }
                    i += 1
                }
                if fields < columns {
                    starts[fields] = fieldStart
                    ends[fields] = i
                }
                fields += 1
                if i < n && p[i] == comma {
                    i += 1
                    if i == n {
                        // A trailing comma at the very end: one more, empty, field.
                        if fields < columns { starts[fields] = n; ends[fields] = n }
                        fields += 1
                        break
                    }
                    continue
                }
                break
            }
            if !quoted {
                if i < n {
                    if p[i] == cr, i + 1 < n, p[i + 1] == lf { i += 2 } else { i += 1 }
                }
                let rowLine = line
                line += 1
                if fields == 1 && starts[0] == ends[0] { continue } // blank line
                if fields == columns && fastRow(p, starts, ends, scratch, line: rowLine) { continue }
            }
            // The general reader, for this one row.
            guard let next = slowRow(bytes, from: rowStart, line: quoted ? line : line - 1) else { return 0 }
            i = next.end
            line = next.line
        }
        return line
    }

    /// Reads one row at `from` with `CSVReader` and `add(_:)`; nil after a syntax error (reported).
    private mutating func slowRow(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, line: Int) -> (end: Int, line: Int)? {
        var result = (end: bytes.count, line: line)
        do {
            let rest = UnsafeBufferPointer(rebasing: bytes[from...])
            let last = try CSVReader.forEachRow(in: rest, firstLine: line, atFileStart: false) { row in
                add(row)
                result = (from + row.end, row.nextLine)
                throw CSVReader.Stop()
            }
            if result.end == bytes.count { result.line = last }
            return result
        } catch let e as CSVError {
            failed = true
            diagnostics.append(.error(SourceLocation(file: file, line: e.line), e.message))
        } catch {
            failed = true
            diagnostics.append(.error(SourceLocation(file: file), "\(error)"))
        }
        return nil
    }

    private var lastID: (UnsafePointer<UInt8>?, Int, Int32) = (nil, 0, -1)
    private var lastPeriod: (UnsafePointer<UInt8>?, Int, Int32) = (nil, 0, 0)

    /// A problem with a row; `about` is the row's indicator when known (the dashboard then marks it).
    private mutating func error(_ row: CSVRow, _ col: Int?, _ message: String, about index: Int32? = nil) {
        let subject = index.flatMap { $0 >= 0 && Int($0) < indicatorIDs.count ? Subject.indicator(indicatorIDs[Int($0)]) : nil }
        diagnostics.append(Diagnostic(.error, SourceLocation(file: file, line: row.line, column: col.map { header.names[$0] }),
                                      message, subject: subject))
    }

    @inline(__always)
    private static func same(_ p: UnsafePointer<UInt8>?, _ count: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p, count == b.count, let q = b.baseAddress else { return false }
        return p == q || memcmp(p, q, count) == 0
    }

    @inline(__always)
    private static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
        return lo == 0 && hi == b.count ? b : UnsafeBufferPointer(rebasing: b[lo..<hi])
    }

    /// The indicator index for an id's bytes (as written, then trimmed of any white space), or -1.
    @inline(__always)
    private mutating func indicatorIndex(_ raw: UnsafeBufferPointer<UInt8>, cache: Bool) -> Int32 {
        let b = RowParser.trimmed(raw)
        if RowParser.same(lastID.0, lastID.1, b) { return lastID.2 }
        var index = ids.value(for: b) ?? -1
        if index < 0, let i = idIndex[String(decoding: b, as: UTF8.self).trimmingSpaces] { index = Int32(i) }
        if index >= 0 && cache { lastID = (b.baseAddress, b.count, index) }
        return index
    }

    @inline(__always)
    private mutating func periodCode(_ b: UnsafeBufferPointer<UInt8>, cache: Bool) -> Int32 {
        if RowParser.same(lastPeriod.0, lastPeriod.1, b) { return lastPeriod.2 }
        let code: Int32
        if let known = periods.value(for: b) {
            code = known
        } else {
            code = Period.parse(b).map { PeriodCode($0).raw } ?? RowParser.unreadable
            periods.set(b, code)
        }
        if cache { lastPeriod = (b.baseAddress, b.count, code) }
        return code
    }

    /// A row without quotes and with the header's number of fields; false (and nothing added) if anything
    /// needs a message, so that the general path reports it.
    @inline(__always)
    private mutating func fastRow(_ p: UnsafePointer<UInt8>, _ starts: UnsafeMutablePointer<Int>,
                                  _ ends: UnsafeMutablePointer<Int>, _ scratch: UnsafeMutablePointer<Double>,
                                  line: Int) -> Bool {
        @inline(__always) func field(_ c: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: p + starts[c], count: ends[c] - starts[c])
        }
        let index = indicatorIndex(field(header.indicator), cache: true)
        if index < 0 { return false }
        let code = periodCode(field(header.period), cache: true)
        if code == RowParser.unreadable || code & 3 != kinds[Int(index)] { return false }
        let value: Double
        switch CSVNumber.parse(field(header.value)) {
        case let .value(v): value = v
        case .missing: value = .nan
        case .invalid: return false
        }
        for k in 0..<series.count {
            switch CSVNumber.parse(field(series[k].column)) {
            case let .value(v): scratch[k] = v
            case .missing: scratch[k] = .nan
            case .invalid: return false
            }
        }
        chunk.startRow(of: index)
        chunk.period.append(PeriodCode(raw: code))
        chunk.value.append(value)
        chunk.line.append(Int32(truncatingIfNeeded: line))
        for k in 0..<series.count { chunk.comparators[k].append(scratch[k]) }
        return true
    }

    /// The general path: any row `CSVReader` hands over. Adds it, or reports what is wrong with it.
    private mutating func add(_ row: CSVRow) {
        let h = header
        if row.count != h.names.count {
            let about: Int32? = h.indicator < row.count ? row.withField(h.indicator) { indicatorIndex($0, cache: false) } : nil
            error(row, nil, "row has \(row.count) field\(row.count == 1 ? "" : "s"), the header has \(h.names.count)", about: about)
            return
        }
        let index = row.withField(h.indicator) { indicatorIndex($0, cache: false) }
        guard index >= 0 else {
            let id = row.trimmed(h.indicator)
            error(row, h.indicator, id.isEmpty ? "empty indicator id" : "unknown indicator '\(id)' (not in indicators.yaml)")
            return
        }
        let code = row.withField(h.period) { periodCode($0, cache: false) }
        if code == RowParser.unreadable {
            error(row, h.period, "unreadable period '\(row.trimmed(h.period))' (use 2021-09, 2021/22 Q2 or 2021/22)", about: index)
            return
        }
        if code & 3 != kinds[Int(index)] {
            let period = PeriodCode(raw: code).period
            let frequency = Frequency.allCases.first { PeriodCode.kindCode($0.periodKind) == kinds[Int(index)] }!
            error(row, h.period, "period '\(row.trimmed(h.period))' is a \(period.kind.rawValue), but indicator "
                + "'\(row.trimmed(h.indicator))' is \(frequency.rawValue) (expects a \(frequency.periodKind.rawValue))", about: index)
            return
        }
        var bad = false
        func number(_ col: Int) -> Double {
            switch row.withField(col, CSVNumber.parse) {
            case let .value(v): return v
            case .missing: return .nan
            case .invalid:
                error(row, col, "non-numeric value '\(row.trimmed(col))'", about: index)
                bad = true
                return .nan
            }
        }
        let value = number(h.value)
        let comps = series.map { number($0.column) }
        if bad { return }
        chunk.startRow(of: index)
        chunk.period.append(PeriodCode(raw: code))
        chunk.value.append(value)
        chunk.line.append(Int32(truncatingIfNeeded: row.line))
        for k in comps.indices { chunk.comparators[k].append(comps[k]) }
    }
}
