import Foundation

/// Reads history CSV files into the indicators' histories.
///
/// Built for a million rows: each file is read once as bytes; indicator ids and period spellings are looked
/// up straight from the bytes (a period is parsed once per distinct spelling; an id becomes a String once per
/// distinct id); numbers are parsed from the bytes; rows go into flat columns (`RowChunk`) that become the
/// histories' storage. A large file is split at a line break and its halves are parsed on two threads
/// (`RowParser` holds what one thread needs).
///
/// Loading needs nothing from indicators.yaml: ids are numbered as they come, and `finish` maps them to the
/// indicators, checks each row's period form against its indicator's frequency, and reports every problem
/// in file and line order. So `DataDirectory` reads the CSV files while it parses the YAML.
struct HistoryLoader: @unchecked Sendable {
    /// Problems found while loading, reported by `finish`.
    private let found = DiagnosticLog()
    private var chunks: [RowChunk] = []
    private(set) var comparatorNames: [String] = []
    private var comparatorByKey: [String: Int] = [:]
    private var files: [String] = []
    /// Files that stopped being read part-way (a CSV syntax error, a bad header), the line where they stopped,
    /// and their bytes: the indicators the unread part names are marked (`ProblemMarks`).
    private(set) var stopped: [(file: String, line: Int, data: Data)] = []
    /// Bodies at least this large are parsed on two threads (below it, starting a thread costs more than it saves).
    var splitThreshold = 2 << 20

    init() {}

    mutating func load(_ data: Data, file: String) {
        let stop: Int? = data.withUnsafeBytes { raw in
            load(raw.bindMemory(to: UInt8.self), file: file)
        }
        if let stop { stopped.append((file, stop, data)) }
    }

    /// A file that could not be read, reported with the rest.
    func cannotRead(_ file: String, _ why: String) {
        found.error(SourceLocation(file: file), "cannot read: \(why)")
    }

    /// A file refused before it was read (over a size or line-length limit), reported with the rest.
    func refused(_ at: SourceLocation, _ why: String) {
        found.error(at, why)
    }

    /// Returns the line where reading stopped part-way, if it did.
    @discardableResult
    mutating func load(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> Int? {
        // The header row first, to know the columns.
        var headerRow: (names: [String], line: Int, end: Int, nextLine: Int)?
        do {
            try CSVReader.forEachRow(in: bytes) { row in
                // Header names become comparator names on screen and in reports: made safe here, once.
                headerRow = (row.strings.map { SafeText.clipped(SafeText.line($0)) }, row.line, row.end, row.nextLine)
                throw CSVReader.Stop()
            }
        } catch let e as CSVError {
            found.error(SourceLocation(file: file, line: e.line), e.message)
            return e.line
        } catch {
            found.error(SourceLocation(file: file), "\(error)")
            return 1
        }
        guard let headerRow else {
            found.error(SourceLocation(file: file, line: 1), "the file is empty (no header row)")
            return nil
        }
        guard let header = HistoryHeader.read(headerRow.names, at: SourceLocation(file: file, line: headerRow.line),
                                              log: found) else { return headerRow.line }  // no row was read
        let series = header.comparators.map { (column: $0.column, series: comparatorIndex($0.name)) }
        files.append(file)
        let body = UnsafeBufferPointer(rebasing: bytes[headerRow.end...])
        let parser = RowParser(header: header, series: series, file: file, fileIndex: UInt16(clamping: files.count - 1))
        var stop: Int? = nil
        for part in RowParser.parse(body, firstLine: headerRow.nextLine, with: parser, threshold: splitThreshold) {
            found.items.append(contentsOf: part.diagnostics)
            chunks.append(part.chunk)
            // A syntax error stops the reading: the rows after it are suspect.
            if part.failed, stop == nil { stop = part.diagnostics.last?.location.line ?? headerRow.line }
        }
        return stop
    }

    private mutating func comparatorIndex(_ name: String) -> Int {
        let key = name.lowercased()
        if let i = comparatorByKey[key] { return i }
        comparatorNames.append(name)
        comparatorByKey[key] = comparatorNames.count - 1
        return comparatorNames.count - 1
    }

    /// Maps the rows' ids to the indicators, drops (and reports) rows of unknown indicators or of the wrong
    /// period form, groups the rows by indicator, sorts each history by period, reports duplicate periods,
    /// and hands the histories and every problem found to the dataset and `log`.
    mutating func finish(into dataset: inout Dataset, log: DiagnosticLog) {
        var idIndex: [String: Int] = [:]
        for (i, ind) in dataset.indicators.enumerated() where idIndex[ind.id] == nil { idIndex[ind.id] = i }
        let kinds = dataset.indicators.map { PeriodCode.kindCode($0.frequency.periodKind) }
        for c in chunks.indices {
            chunks[c].resolve(idIndex: idIndex, kinds: kinds, frequencies: dataset.indicators.map(\.frequency),
                              file: files[Int(chunks[c].fileIndex)], log: found)
        }
        // File order, then line order (a problem found by `finish` joins those found while reading).
        let fileOrder = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let sorted = found.items.enumerated().sorted { a, b in
            let fa = fileOrder[a.element.location.file] ?? -1, fb = fileOrder[b.element.location.file] ?? -1
            if fa != fb { return fa < fb }
            if a.element.location.line != b.element.location.line { return a.element.location.line < b.element.location.line }
            return a.offset < b.offset
        }
        log.items.append(contentsOf: sorted.map(\.element))
        found.items = []

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

/// Parses rows of one history file into a `RowChunk`. Each thread gets its own, with its own numbering of ids.
///
/// Rows without quotes take a fast path: one scan for the field boundaries, then the id, period and numbers
/// straight from the bytes. A row with a quoted field, or any row the fast path cannot take as it is (wrong
/// field count, unknown id, bad period or number), goes through `CSVReader` and `add(_:)`, which also
/// writes the error messages, so both paths give the same rows and the same diagnostics.
struct RowParser: @unchecked Sendable {
    /// Ids seen, by their trimmed bytes, to their number in this chunk (`chunk.ids`).
    var ids = ByteTable()
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

    init(header: HistoryHeader, series: [(column: Int, series: Int)], file: String, fileIndex: UInt16) {
        self.header = header
        self.series = series
        self.file = file
        var roles = Array(repeating: RowParser.ignored, count: header.names.count)
        roles[header.indicator] = RowParser.indicatorRole
        roles[header.period] = RowParser.periodRole
        roles[header.value] = RowParser.valueRole
        for (k, s) in series.enumerated() { roles[s.column] = k }
        self.roles = roles
        chunk = RowChunk(series: series.map(\.series), fileIndex: fileIndex, expectedRows: 0,
                         indicatorColumn: header.names[header.indicator], periodColumn: header.names[header.period])
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

    /// Reads every row of `bytes`; returns the line after the last (0 after a syntax error).
    ///
    /// The rows are written through pointers into columns sized in advance (`RowColumns.withPointers`); when
    /// they are full, the columns grow and the reading goes on where it stopped.
    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int) -> Int {
        chunk = RowChunk(series: chunk.series, fileIndex: chunk.fileIndex, expectedRows: 0,
                         indicatorColumn: chunk.indicatorColumn, periodColumn: chunk.periodColumn)
        guard let p = bytes.baseAddress, !bytes.isEmpty else { return firstLine }
        let columns = header.names.count
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: columns + 1)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: columns + 1)
        let fast = FastState(header: header, series: series.map(\.column), end: bytes.count)
        var split = RowSplit(p, count: bytes.count)
        defer {
            starts.deallocate()
            ends.deallocate()
            fast.deallocate()
        }
        var at = Position(i: 0, line: firstLine, nextQuote: -1)
        var cols = RowColumns(series: series.count)
        var capacity = min(bytes.count / 16 + 16, 1 << 26)
        rows = 0
        lastRun = -1
        var result: Int?
        while true {
            cols.resize(to: capacity, keeping: rows)
            let outcome = cols.withPointers { out in
                self.readRows(bytes, &at, &split, out, starts, ends, fast)
            }
            if case let .done(line) = outcome {
                result = line
                break
            } else if case .failed = outcome {
                break
            }
            capacity *= 2
        }
        cols.trim(to: rows)
        chunk.period = cols.period
        chunk.value = cols.value
        chunk.line = cols.line
        chunk.comparators = cols.comparators
        return result ?? 0
    }

    /// Where reading is: the next byte, its line, and the next quote at or after it (-1: not looked for yet).
    struct Position {
        var i: Int
        var line: Int
        var nextQuote: Int
    }

    enum Outcome {
        /// Every row read; the line after the last.
        case done(Int)
        /// The columns are full.
        case full
        /// A syntax error (reported).
        case failed
    }

    /// Rows written so far (`rows` through `ColumnPointers`).
    private var rows = 0

    /// Reads rows from `at` into `out` until the end, a syntax error or full columns.
    ///
    /// A row's line break and fields are found by `RowSplit`. A row holding a quote (anywhere: `memchr` keeps
    /// the next quote's position), or one the fast path cannot take, is read by `slowRow`.
    private mutating func readRows(_ bytes: UnsafeBufferPointer<UInt8>, _ at: inout Position, _ splitAt: inout RowSplit,
                               _ out: ColumnPointers, _ starts: UnsafeMutablePointer<Int>,
                               _ ends: UnsafeMutablePointer<Int>, _ fast: FastState) -> Outcome {
        let p = bytes.baseAddress!, n = bytes.count, columns = header.names.count
        var i = at.i, line = at.line, nextQuote = at.nextQuote
        var split = splitAt  // a local copy: its state can stay in registers
        defer {
            at.i = i
            at.line = line
            at.nextQuote = nextQuote
            splitAt = split
        }
        while i < n {
            if rows >= out.capacity { return .full }
            if nextQuote < i {
                nextQuote = memchr(p + i, 0x22, n - i).map { UnsafeRawPointer(p).distance(to: UnsafeRawPointer($0)) } ?? n
            }
            let rowStart = i
            let (e, after) = split.line(from: i)
            let rowLine = line
            if nextQuote >= e {
                // No quote before the row's end: its fields are as found.
                let fields = split.fields(i, e, columns: columns, starts, ends)
                i = after
                line += 1
                if fields == 1 && starts[0] == ends[0] { continue }  // blank line
                // The fast row (`break fast`: anything that needs a message goes to the general reader).
                fast: if fields == columns {
                    let f = fast
                    // Indicator: the previous row's, else the cache of short ids, else the hash table.
                    var lo = starts[f.indicatorColumn], hi = ends[f.indicatorColumn]
                    while lo < hi, p[lo] == 0x20 || p[lo] == 0x09 { lo &+= 1 }
                    while hi > lo, p[hi &- 1] == 0x20 || p[hi &- 1] == 0x09 { hi &-= 1 }
                    var index: Int32
                    if hi &- lo <= 16 && lo &+ 16 <= f.end {
                        let key = FastState.key(p + lo, hi &- lo)
                        if key == f.lastID.pointee.key {
                            index = f.lastID.pointee.value
                        } else {
                            let slot = f.ids + key.slot(f.idBits)
                            if slot.pointee.key == key {
                                index = slot.pointee.value
                            } else {
                                index = indicatorIndex(UnsafeBufferPointer(start: p + lo, count: hi &- lo), cache: false)
                                slot.pointee = FastState.Entry(key: key, value: index)
                            }
                            f.lastID.pointee = FastState.Entry(key: key, value: index)
                        }
                    } else {
                        index = indicatorIndex(UnsafeBufferPointer(start: p + lo, count: hi &- lo), cache: true)
                    }
                    // Period: the cache of spellings, else parsed once and remembered.
                    let ps = starts[f.periodColumn], pe = ends[f.periodColumn]
                    var code: Int32
                    if pe &- ps <= 16 && ps &+ 16 <= f.end {
                        let key = FastState.key(p + ps, pe &- ps)
                        let slot = f.periods + key.slot(f.periodBits)
                        if slot.pointee.key == key {
                            code = slot.pointee.value
                        } else {
                            code = periodCode(UnsafeBufferPointer(start: p + ps, count: pe &- ps), cache: false)
                            slot.pointee = FastState.Entry(key: key, value: code)
                        }
                    } else {
                        code = periodCode(UnsafeBufferPointer(start: p + ps, count: pe &- ps), cache: false)
                    }
                    if code == RowParser.unreadable { break fast }
                    // Numbers: plain decimals inline, anything else through CSVNumber. Written straight into the columns
                    // (the row counts only once `rows` moves past it).
                    let r = rows
                    guard let value = RowParser.number(p, starts[f.valueColumn], ends[f.valueColumn], f.pow10) else { break fast }
                    for k in 0..<f.seriesCount {
                        let c = f.seriesColumns[k]
                        guard let v = RowParser.number(p, starts[c], ends[c], f.pow10) else { break fast }
                        out.comparators[k][r] = v
                    }
                    store(out, row: r, indicator: index, code: code, value: value, line: rowLine)
                    rows = r &+ 1
                    continue
                }
            }
            // The general reader, for this one row.
            guard let next = slowRow(bytes, from: rowStart, line: rowLine, out) else { return .failed }
            i = next.end
            line = next.line
        }
        return .done(line)
    }

    /// Reads one row at `from` with `CSVReader` and `add(_:)`; nil after a syntax error (reported).
    private mutating func slowRow(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, line: Int,
                                  _ out: ColumnPointers) -> (end: Int, line: Int)? {
        var result = (end: bytes.count, line: line)
        do {
            let rest = UnsafeBufferPointer(rebasing: bytes[from...])
            let last = try CSVReader.forEachRow(in: rest, firstLine: line, atFileStart: false) { row in
                add(row, out)
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

    /// This chunk's number for an id's bytes (trimmed), numbering a new id (and keeping its text) on first sight.
    @inline(__always)
    private mutating func indicatorIndex(_ raw: UnsafeBufferPointer<UInt8>, cache: Bool) -> Int32 {
        let b = RowParser.trimmed(raw)
        if RowParser.same(lastID.0, lastID.1, b) { return lastID.2 }
        var index: Int32
        if let known = ids.value(for: b) {
            index = known
        } else {
            index = Int32(chunk.ids.count)
            chunk.ids.append(String(decoding: b, as: UTF8.self).trimmingSpaces)
            ids.set(b, index)
        }
        if cache { lastID = (b.baseAddress, b.count, index) }
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
            if code != RowParser.unreadable, chunk.spellings[code] == nil {
                chunk.spellings[code] = String(decoding: b, as: UTF8.self).trimmingSpaces
            }
        }
        if cache { lastPeriod = (b.baseAddress, b.count, code) }
        return code
    }

    /// The indicator of the last run of rows (this chunk's number), -1 before the first row.
    private var lastRun: Int32 = -1

    /// Writes row `r`'s period, value and line (the caller writes its comparators), starting a run when its
    /// indicator is not the previous row's.
    @inline(__always)
    private mutating func store(_ out: ColumnPointers, row r: Int, indicator index: Int32, code: Int32, value: Double,
                                line: Int) {
        if index != lastRun {
            chunk.runIndicator.append(index)
            chunk.runStart.append(r)
            lastRun = index
        }
        out.period.unsafelyUnwrapped[r] = PeriodCode(raw: code)
        out.value.unsafelyUnwrapped[r] = value
        out.line.unsafelyUnwrapped[r] = Int32(truncatingIfNeeded: line)
    }

    /// A number field: plain decimals inline, anything else through `CSVNumber`; nil if it is not a number.
    @inline(__always)
    private static func number(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ pow10: UnsafePointer<Double>) -> Double? {
        if s == e { return .nan }
        if case let .value(v)? = decimal(p, s, e, pow10) { return v }
        switch CSVNumber.parse(UnsafeBufferPointer(start: p + s, count: e - s)) {
        case let .value(v): return v
        case .missing: return .nan
        case .invalid: return nil
        }
    }

    /// A plain decimal (`-`, digits, `.`, digits; at most 15 digits) at `s..<e`, as `CSVNumber` reads it;
    /// nil for anything else (which `CSVNumber` then reads). `pow10` is `PowersOfTen.pointer`.
    @inline(__always)
    static func decimal(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int,
                        _ pow10: UnsafePointer<Double>) -> CSVNumber? {
        if s >= e { return nil }
        var q = s, negative = false
        if p[q] == 0x2D { negative = true; q &+= 1 }
        let q0 = q
        var m: UInt64 = 0
        while q < e, p[q] &- 0x30 < 10 {
            m = m &* 10 &+ UInt64(p[q] &- 0x30)
            q &+= 1
        }
        var digits = q &- q0
        var fraction = 0
        if q < e, p[q] == 0x2E {
            q &+= 1
            let f0 = q
            while q < e, p[q] &- 0x30 < 10 {
                m = m &* 10 &+ UInt64(p[q] &- 0x30)
                q &+= 1
            }
            fraction = q &- f0
            digits &+= fraction
        }
        if q == e, digits > 0, digits <= 15 {
            let v = Double(Int64(bitPattern: m)) / pow10[fraction]  // m < 10^15: exact
            return .value(negative ? -v : v)
        }
        return nil
    }

    /// A problem with a row, about the indicator its id names (the dashboard marks that indicator; an id
    /// not in indicators.yaml marks nothing).
    private mutating func error(_ row: CSVRow, _ col: Int?, _ message: String) {
        let about = header.indicator < row.count ? row.trimmed(header.indicator) : ""
        diagnostics.append(Diagnostic(.error, SourceLocation(file: file, line: row.line, column: col.map { header.names[$0] }),
                                      message, subject: about.isEmpty ? nil : .indicator(about)))
    }

    /// The general path: any row `CSVReader` hands over. Adds it, or reports what is wrong with it.
    private mutating func add(_ row: CSVRow, _ out: ColumnPointers) {
        let h = header
        if row.count != h.names.count {
            error(row, nil, "row has \(row.count) field\(row.count == 1 ? "" : "s"), the header has \(h.names.count)")
            return
        }
        let index = row.withField(h.indicator) { indicatorIndex($0, cache: false) }
        let code = row.withField(h.period) { periodCode($0, cache: false) }
        if code == RowParser.unreadable {
            error(row, h.period, "unreadable period '\(row.trimmed(h.period))' (use 2021-09, 2021/22 Q2 or 2021/22)")
            return
        }
        var bad = false
        func number(_ col: Int) -> Double {
            switch row.withField(col, CSVNumber.parse) {
            case let .value(v): return v
            case .missing: return .nan
            case .invalid:
                error(row, col, "non-numeric value '\(row.trimmed(col))'")
                bad = true
                return .nan
            }
        }
        let value = number(h.value)
        let comps = series.map { number($0.column) }
        if bad { return }
        let r = rows  // below the capacity: `rows(...)` checks before each row
        store(out, row: r, indicator: index, code: code, value: value, line: row.line)
        for k in comps.indices { out.comparators[k][r] = comps[k] }
        rows = r + 1
    }
}

/// What the fast path needs, in memory it owns for one `run`: column positions, scratch space, a table of
/// powers of ten, and direct-mapped caches of short ids and period spellings keyed by their bytes as two
/// words, so that most rows need neither a hash nor a memcmp.
struct FastState {
    struct Key: Equatable {
        var w0: UInt64
        var w1: UInt64
        var count: Int

        /// A slot among `1 << bits`: the top bits of a multiplicative hash (the best mixed).
        @inline(__always) func slot(_ bits: Int) -> Int {
            let h = (w0 ^ (w1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: count)) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: h >> UInt64(64 - bits))
        }
    }

    struct Entry {
        var key: Key
        var value: Int32
    }

    /// The caches' sizes: up to 4,096 ids and 8,192 period spellings for a large file, fewer for a small one
    /// (a row is at least a dozen bytes, so a file of n bytes holds at most about n/12 of either): clearing
    /// 384 KB of cache for every small file had cost more than reading it.
    let idBits: Int, periodBits: Int
    let indicatorColumn: Int, periodColumn: Int, valueColumn: Int
    let seriesColumns: UnsafeMutablePointer<Int>
    let seriesCount: Int
    let scratch: UnsafeMutablePointer<Double>
    let pow10 = PowersOfTen.pointer
    let ids: UnsafeMutablePointer<Entry>
    let periods: UnsafeMutablePointer<Entry>
    let lastID: UnsafeMutablePointer<Entry>
    /// The buffer's length: a key is read as two 8-byte words only when 16 bytes lie before it.
    let end: Int

    init(header: HistoryHeader, series: [Int], end: Int) {
        indicatorColumn = header.indicator
        periodColumn = header.period
        valueColumn = header.value
        seriesCount = series.count
        seriesColumns = .allocate(capacity: max(1, series.count))
        for (k, c) in series.enumerated() { seriesColumns[k] = c }
        scratch = .allocate(capacity: max(1, series.count))
        // An impossible key (count -1) marks an empty slot.
        let empty = Entry(key: Key(w0: 0, w1: 0, count: -1), value: 0)
        func bits(_ most: Int) -> Int {
            var b = 6
            while b < most, 1 << b < end / 12 { b += 1 }
            return b
        }
        idBits = bits(12)
        periodBits = bits(13)
        ids = .allocate(capacity: 1 << idBits)
        ids.initialize(repeating: empty, count: 1 << idBits)
        periods = .allocate(capacity: 1 << periodBits)
        periods.initialize(repeating: empty, count: 1 << periodBits)
        lastID = .allocate(capacity: 1)
        lastID.initialize(to: empty)
        self.end = end
    }

    func deallocate() {
        seriesColumns.deallocate()
        scratch.deallocate()
        ids.deallocate()
        periods.deallocate()
        lastID.deallocate()
    }

    /// The first `count` (at most 16) bytes at `p` as two little-endian words, zero beyond `count`.
    /// The caller guarantees that 16 bytes are readable at `p`.
    @inline(__always) static func key(_ p: UnsafePointer<UInt8>, _ count: Int) -> Key {
        let raw = UnsafeRawPointer(p)
        var w0 = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        var w1 = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        if count < 8 {
            w0 &= count == 0 ? 0 : (UInt64.max &>> UInt64(64 &- 8 &* count))
            w1 = 0
        } else if count < 16 {
            w1 &= count == 8 ? 0 : (UInt64.max &>> UInt64(128 &- 8 &* count))
        }
        return Key(w0: w0, w1: w1, count: count)
    }
}
