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
    private let indicatorIDs: [String]
    private var ids: ByteTable
    private var idIndex: [String: Int] = [:]
    private var kinds: [Int32]
    private var builders: [HistoryBuilder]
    private(set) var comparatorNames: [String]
    private var comparatorByKey: [String: Int] = [:]
    private var files: [String] = []
    /// Bodies at least this large are parsed on two threads (below it, starting a thread costs more than it saves).
    static let splitThreshold = 2 << 20

    init(dataset: Dataset, log: DiagnosticLog) {
        self.log = log
        indicatorIDs = dataset.indicators.map(\.id)
        ids = ByteTable(capacity: dataset.indicators.count)
        for (i, ind) in dataset.indicators.enumerated() where idIndex[ind.id] == nil {
            idIndex[ind.id] = i
            ids.set(ind.id, Int32(i))
        }
        kinds = dataset.indicators.map { PeriodCode.kindCode($0.frequency.periodKind) }
        builders = Array(repeating: HistoryBuilder(), count: dataset.indicators.count)
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
        let parser = RowParser(ids: ids, idIndex: idIndex, indicatorIDs: indicatorIDs, kinds: kinds, header: header,
                               series: series, file: file, fileIndex: UInt16(clamping: files.count - 1),
                               indicatorCount: builders.count)
        let body = UnsafeBufferPointer(rebasing: bytes[headerRow.end...])
        for part in RowParser.parse(body, firstLine: headerRow.nextLine, with: parser, threshold: Self.splitThreshold) {
            for d in part.diagnostics { log.items.append(d) }
            // A syntax error stops the reading: the rows after it are suspect (ProblemMarks).
            if part.failed, log.stoppedAt[file] == nil { log.stoppedAt[file] = part.diagnostics.last?.location.line ?? headerRow.line }
            var part = part
            for i in part.touched {
                let b = part.builders[i]
                part.builders[i] = HistoryBuilder()
                builders[i].append(contentsOf: b)
            }
        }
    }

    private mutating func comparatorIndex(_ name: String) -> Int {
        let key = name.lowercased()
        if let i = comparatorByKey[key] { return i }
        comparatorNames.append(name)
        comparatorByKey[key] = comparatorNames.count - 1
        return comparatorNames.count - 1
    }

    /// Sorts each history by period, reports duplicate periods, and hands the histories to the dataset.
    func finish(into dataset: inout Dataset) {
        dataset.comparatorNames = comparatorNames
        for i in dataset.indicators.indices {
            var b = builders[i]
            if !b.isSorted {
                func location(_ file: UInt16, _ line: Int32) -> SourceLocation {
                    SourceLocation(file: Int(file) < files.count ? files[Int(file)] : "", line: Int(line))
                }
                for d in b.sortRemovingDuplicates() {
                    var loc = location(d.fileIndex, d.line)
                    loc.column = "period"
                    log.about(.indicator(dataset.indicators[i].id)) {
                        log.error(loc, "duplicate row for indicator '\(dataset.indicators[i].id)' and period "
                            + "\(d.period.period) (first at \(location(d.firstFileIndex, d.firstLine).text))")
                    }
                }
            }
            dataset.indicators[i].history = b.build(files: files)
        }
    }
}

/// Parses rows of one history file into per-indicator columns. Each thread gets its own copy; the lookup
/// tables are shared read-only.
struct RowParser: @unchecked Sendable {
    let ids: ByteTable
    let idIndex: [String: Int]
    let indicatorIDs: [String]
    let kinds: [Int32]
    let header: HistoryHeader
    let series: [(column: Int, series: Int)]
    let file: String
    let fileIndex: UInt16
    /// Period spellings seen, to their code (`unreadable` when not a period).
    var periods = ByteTable()
    var builders: [HistoryBuilder]
    /// Indicators with rows here, in first-seen order.
    var touched: [Int] = []
    var diagnostics: [Diagnostic] = []
    /// Set when this part's rows could not all be read (a CSV syntax error).
    var failed = false
    private static let unreadable = Int32.min

    init(ids: ByteTable, idIndex: [String: Int], indicatorIDs: [String], kinds: [Int32], header: HistoryHeader,
         series: [(column: Int, series: Int)], file: String, fileIndex: UInt16, indicatorCount: Int) {
        self.ids = ids
        self.idIndex = idIndex
        self.indicatorIDs = indicatorIDs
        self.kinds = kinds
        self.header = header
        self.series = series
        self.file = file
        self.fileIndex = fileIndex
        builders = Array(repeating: HistoryBuilder(), count: indicatorCount)
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

    /// Reads every row of `bytes`; returns the line after the last.
    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) -> Int {
        do {
            return try CSVReader.forEachRow(in: bytes, firstLine: firstLine, atFileStart: false) { add($0) }
        } catch let e as CSVError {
            failed = true
            diagnostics.append(.error(SourceLocation(file: file, line: e.line), e.message))
        } catch {
            failed = true
            diagnostics.append(.error(SourceLocation(file: file), "\(error)"))
        }
        return 0
    }

    /// Renumbers the lines of a second half once the first half's length in lines is known.
    mutating func shiftLines(by offset: Int) {
        guard offset != 0 else { return }
        for k in diagnostics.indices where diagnostics[k].location.line > 0 { diagnostics[k].location.line += offset }
        for i in touched {
            let o = Int32(clamping: offset)
            builders[i].lines.withUnsafeMutableBufferPointer { l in
                for j in l.indices { l[j] &+= o }
            }
        }
    }

    // MARK: One row

    private var lastID: (UnsafePointer<UInt8>?, Int, Int) = (nil, 0, -1)
    private var lastPeriod: (UnsafePointer<UInt8>?, Int, Int32) = (nil, 0, 0)

    /// A problem with a row; `about` is the row's indicator when known (the dashboard then marks it).
    private mutating func error(_ row: CSVRow, _ col: Int?, _ message: String, about index: Int? = nil) {
        diagnostics.append(Diagnostic(.error, SourceLocation(file: file, line: row.line, column: col.map { header.names[$0] }),
                                      message, subject: index.map { .indicator(indicatorIDs[$0]) }))
    }

    @inline(__always)
    private static func same(_ cached: (UnsafePointer<UInt8>?, Int), _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = cached.0, cached.1 == b.count, let q = b.baseAddress else { return false }
        return p == q || memcmp(p, q, b.count) == 0
    }

    @inline(__always)
    private static func trimmed(_ b: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = b.count
        while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
        while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
        return lo == 0 && hi == b.count ? b : UnsafeBufferPointer(rebasing: b[lo..<hi])
    }

    private mutating func indicatorIndex(_ row: CSVRow) -> Int? {
        let col = header.indicator
        let escaped = row.fields[col].escaped
        return row.withField(col) { raw -> Int? in
            let b = RowParser.trimmed(raw)
            if !escaped, RowParser.same((lastID.0, lastID.1), b) { return lastID.2 }
            var index = ids.value(for: b).map(Int.init)
            if index == nil {
                // Not a byte-exact id: try the id as text (other white space trimmed), as the YAML has it.
                index = idIndex[String(decoding: b, as: UTF8.self).trimmingSpaces]
            }
            if let index, !escaped { lastID = (b.baseAddress, b.count, index) }
            return index
        }
    }

    private mutating func periodCode(_ row: CSVRow) -> Int32 {
        let col = header.period
        let escaped = row.fields[col].escaped
        return row.withField(col) { b -> Int32 in
            if !escaped, RowParser.same((lastPeriod.0, lastPeriod.1), b) { return lastPeriod.2 }
            let code: Int32
            if let known = periods.value(for: b) {
                code = known
            } else {
                code = Period.parse(b).map { PeriodCode($0).raw } ?? RowParser.unreadable
                periods.set(b, code)
            }
            if !escaped { lastPeriod = (b.baseAddress, b.count, code) }
            return code
        }
    }

    private mutating func add(_ row: CSVRow) {
        let h = header
        if row.count != h.names.count {
            let about = h.indicator < row.count ? indicatorIndex(row) : nil
            error(row, nil, "row has \(row.count) field\(row.count == 1 ? "" : "s"), the header has \(h.names.count)", about: about)
            return
        }
        guard let index = indicatorIndex(row) else {
            let id = row.trimmed(h.indicator)
            error(row, h.indicator, id.isEmpty ? "empty indicator id" : "unknown indicator '\(id)' (not in indicators.yaml)")
            return
        }
        let code = periodCode(row)
        if code == RowParser.unreadable {
            error(row, h.period, "unreadable period '\(row.trimmed(h.period))' (use 2021-09, 2021/22 Q2 or 2021/22)", about: index)
            return
        }
        if code & 3 != kinds[index] {
            let period = PeriodCode(raw: code).period
            let frequency = Frequency.allCases.first { PeriodCode.kindCode($0.periodKind) == kinds[index] }!
            error(row, h.period, "period '\(row.trimmed(h.period))' is a \(period.kind.rawValue), but indicator "
                + "'\(row.trimmed(h.indicator))' is \(frequency.rawValue) (expects a \(frequency.periodKind.rawValue))", about: index)
            return
        }
        var bad = false
        @inline(__always) func number(_ col: Int) -> Double {
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
        // Comparators of up to four series without an allocation per row.
        var c0 = Double.nan, c1 = Double.nan, c2 = Double.nan, c3 = Double.nan
        var more: [Double] = []
        for (k, s) in series.enumerated() {
            let v = number(s.column)
            switch k {
            case 0: c0 = v
            case 1: c1 = v
            case 2: c2 = v
            case 3: c3 = v
            default: more.append(v)
            }
        }
        if bad { return }
        if builders[index].count == 0 { touched.append(index) }
        for (k, s) in series.enumerated() {
            let v: Double
            switch k {
            case 0: v = c0
            case 1: v = c1
            case 2: v = c2
            case 3: v = c3
            default: v = more[k - 4]
            }
            builders[index].pad(s.series)
            builders[index].comparators[s.series].append(v)
        }
        builders[index].periods.append(PeriodCode(raw: code))
        builders[index].values.append(value)
        builders[index].lines.append(Int32(clamping: row.line))
        builders[index].fileIndices.append(fileIndex)
    }
}
