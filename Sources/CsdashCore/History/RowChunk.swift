/// The rows one parser read from one part of one file, in file order, as flat columns, and the runs of
/// consecutive rows that belong to one indicator. Appending a row is a few stores, whatever indicator it
/// belongs to. `assemble` turns the chunks into the indicators' histories.
struct RowChunk {
    var period: [PeriodCode] = []
    var value: [Double] = []
    /// One column per comparator series of the file (`series` gives each its global index).
    var comparators: [[Double]]
    var line: [Int32] = []
    /// Runs of rows of one indicator: the indicator and the run's first row. While reading, the indicator is
    /// this chunk's number for the id (an index into `ids`); `resolve` turns it into the dataset's index.
    var runIndicator: [Int32] = []
    var runStart: [Int] = []
    /// The ids as written (trimmed), by this chunk's numbering.
    var ids: [String] = []
    /// A spelling of each period code as written, for messages.
    var spellings: [Int32: String] = [:]
    let series: [Int]
    let fileIndex: UInt16
    /// The header's names of the indicator and period columns, for messages.
    let indicatorColumn: String
    let periodColumn: String

    init(series: [Int], fileIndex: UInt16, expectedRows: Int, indicatorColumn: String, periodColumn: String) {
        self.series = series
        self.fileIndex = fileIndex
        self.indicatorColumn = indicatorColumn
        self.periodColumn = periodColumn
        comparators = Array(repeating: [], count: series.count)
        period.reserveCapacity(expectedRows)
        value.reserveCapacity(expectedRows)
        line.reserveCapacity(expectedRows)
        for k in comparators.indices { comparators[k].reserveCapacity(expectedRows) }
    }

    var count: Int { period.count }

    /// Call before appending a row of `indicator`.
    @inline(__always) mutating func startRow(of indicator: Int32) {
        if runIndicator.last != indicator {
            runIndicator.append(indicator)
            runStart.append(period.count)
        }
    }

    /// Call before writing row `row` of `indicator` through `ColumnPointers` (the columns' counts are not the
    /// row count then).
    @inline(__always) mutating func startRow(of indicator: Int32, at row: Int) {
        if runIndicator.last != indicator {
            runIndicator.append(indicator)
            runStart.append(row)
        }
    }

    private func runEnd(_ r: Int) -> Int { r + 1 < runStart.count ? runStart[r + 1] : count }

    /// Maps this chunk's ids to the dataset's indicators. Rows of an unknown indicator, or whose period is not
    /// of the form the indicator's frequency fixes, are reported and dropped.
    mutating func resolve(idIndex: [String: Int], kinds: [Int32], frequencies: [Frequency], file: String,
                          log: DiagnosticLog) {
        let global = ids.map { idIndex[$0].map { Int32($0) } ?? -1 }
        var keep: [Bool]? = nil
        for r in runIndicator.indices {
            let local = Int(runIndicator[r]), g = global[local]
            let kind = g < 0 ? -1 : kinds[Int(g)]
            let rows = runStart[r]..<runEnd(r)
            // The usual run: a known indicator and every period of its kind; nothing to build or report.
            if g >= 0, period.withUnsafeBufferPointer({ p in rows.allSatisfy { p[$0].raw & 3 == kind } }) { continue }
            for row in rows {
                if g >= 0 && period[row].raw & 3 == kind { continue }
                let at = SourceLocation(file: file, line: Int(line[row]), column: g < 0 ? indicatorColumn : periodColumn)
                if g < 0 {
                    let id = ids[local]
                    log.error(at, id.isEmpty ? "empty indicator id" : "unknown indicator '\(id)' (not in indicators.yaml)")
                } else if period[row].raw & 3 != kinds[Int(g)] {
                    let p = period[row].period, f = frequencies[Int(g)]
                    log.about(.indicator(ids[local])) {
                        log.error(at, "period '\(spellings[period[row].raw] ?? p.canonical)' is a \(p.kind.rawValue), but "
                            + "indicator '\(ids[local])' is \(f.rawValue) (expects a \(f.periodKind.rawValue))")
                    }
                } else {
                    continue
                }
                if keep == nil { keep = Array(repeating: true, count: count) }
                keep![row] = false
            }
        }
        guard let keep else {
            runIndicator = runIndicator.map { global[Int($0)] }
            return
        }
        // Rebuild without the dropped rows.
        var out = RowChunk(series: series, fileIndex: fileIndex, expectedRows: count,
                           indicatorColumn: indicatorColumn, periodColumn: periodColumn)
        for r in runIndicator.indices {
            let g = global[Int(runIndicator[r])]
            for row in runStart[r]..<runEnd(r) where keep[row] {
                out.startRow(of: g)
                out.period.append(period[row])
                out.value.append(value[row])
                out.line.append(line[row])
                for k in comparators.indices { out.comparators[k].append(comparators[k][row]) }
            }
        }
        out.ids = ids
        self = out
    }

    /// A row dropped because an earlier row (in file order) of the same indicator has the same period.
    struct Duplicate {
        var indicator: Int
        var period: PeriodCode
        var at: SourceLocation
        var first: SourceLocation
    }

    /// Turns the chunks into each indicator's history.
    ///
    /// When each indicator's rows are together in the files (one run each, the usual layout), the chunks'
    /// columns become the histories' storage as they are: nothing is copied. An indicator whose rows are in
    /// several runs, or out of period order, gets its rows gathered, sorted (stably) and de-duplicated (the
    /// first row of a period is kept). Files interleaved row by row (say, month by month) take a counting
    /// sort instead: one pass to count each indicator's rows, one to place them.
    static func assemble(_ chunks: [RowChunk], indicators: Int, comparatorCount: Int,
                         files: [String]) -> (histories: [History], duplicates: [Duplicate]) {
        let runs = chunks.reduce(0) { $0 + $1.runIndicator.count }
        if runs > 2 * indicators + 2 * chunks.count {
            return scatter(chunks, indicators: indicators, comparatorCount: comparatorCount, files: files)
        }
        let columns = chunks.map { c -> History.Columns in
            var comps = [[Double]](repeating: [], count: comparatorCount)
            for (s, g) in c.series.enumerated() { comps[g] = c.comparators[s] }
            return History.Columns(periods: c.period, values: c.value, comparators: comps, lines: c.line,
                                   fileIndices: [], singleFile: c.fileIndex, files: files)
        }
        var runsOf = [[(chunk: Int, lo: Int, hi: Int)]](repeating: [], count: indicators)
        for (ci, c) in chunks.enumerated() {
            for r in c.runIndicator.indices {
                let hi = r + 1 < c.runStart.count ? c.runStart[r + 1] : c.count
                runsOf[Int(c.runIndicator[r])].append((ci, c.runStart[r], hi))
            }
        }
        var histories: [History] = []
        histories.reserveCapacity(indicators)
        var duplicates: [Duplicate] = []
        for i in 0..<indicators {
            let list = runsOf[i]
            if list.isEmpty {
                histories.append(History())
                continue
            }
            if list.count == 1 {
                let (c, lo, hi) = list[0]
                if isSorted(columns[c].periods, lo, hi) {
                    histories.append(History(columns: columns[c], base: lo, count: hi - lo))
                    continue
                }
            }
            // Gather the runs in file order, then sort.
            var rows = Gathered(width: comparatorCount)
            for (c, lo, hi) in list { rows.append(columns[c], lo, hi) }
            histories.append(rows.sortedHistory(indicator: i, files: files, duplicates: &duplicates))
        }
        return (histories, duplicates)
    }

    private static func isSorted(_ p: [PeriodCode], _ lo: Int, _ hi: Int) -> Bool {
        p.withUnsafeBufferPointer { p in
            var k = lo + 1
            while k < hi {
                let a = p[k - 1].raw, b = p[k].raw
                // Of one kind (a history usually is), period order is the order of the codes themselves.
                if a & 3 == b & 3 {
                    if a >= b { return false }
                } else if !PeriodCode.precedes(p[k - 1], p[k]) {
                    return false
                }
                k += 1
            }
            return true
        }
    }

    /// Interleaved files: a counting sort of the rows by indicator into one set of columns.
    private static func scatter(_ chunks: [RowChunk], indicators: Int, comparatorCount: Int,
                                files: [String]) -> (histories: [History], duplicates: [Duplicate]) {
        var counts = [Int](repeating: 0, count: indicators + 1)
        for c in chunks {
            for r in c.runIndicator.indices {
                let hi = r + 1 < c.runStart.count ? c.runStart[r + 1] : c.count
                counts[Int(c.runIndicator[r]) + 1] += hi - c.runStart[r]
            }
        }
        var offsets = counts
        for i in 1..<offsets.count { offsets[i] += offsets[i - 1] }
        let total = offsets[indicators]
        var rows = Gathered(width: comparatorCount, capacity: total)
        rows.fill(total, comparators: Set(chunks.flatMap(\.series)))
        var cursor = Array(offsets.prefix(indicators))
        for c in chunks {
            var comps = [[Double]](repeating: [], count: comparatorCount)
            for (s, g) in c.series.enumerated() { comps[g] = c.comparators[s] }
            rows.place(c, comparators: comps, cursor: &cursor)
        }
        let columns = rows.columns(files: files)
        var histories: [History] = []
        var duplicates: [Duplicate] = []
        for i in 0..<indicators {
            let lo = offsets[i], hi = offsets[i + 1]
            if lo == hi {
                histories.append(History())
            } else if isSorted(columns.periods, lo, hi) {
                histories.append(History(columns: columns, base: lo, count: hi - lo))
            } else {
                var one = Gathered(width: comparatorCount)
                one.append(columns, lo, hi)
                histories.append(one.sortedHistory(indicator: i, files: files, duplicates: &duplicates))
            }
        }
        return (histories, duplicates)
    }
}

/// Rows collected column by column, to be sorted by period or placed by a counting sort.
private struct Gathered {
    var periods: [PeriodCode] = []
    var values: [Double] = []
    var comparators: [[Double]]
    var lines: [Int32] = []
    var fileIndices: [UInt16] = []

    init(width: Int, capacity: Int = 0) {
        comparators = Array(repeating: [], count: width)
        periods.reserveCapacity(capacity)
    }

    mutating func append(_ c: History.Columns, _ lo: Int, _ hi: Int) {
        let n = periods.count
        periods.append(contentsOf: c.periods[lo..<hi])
        values.append(contentsOf: c.values[lo..<hi])
        lines.append(contentsOf: c.lines[lo..<hi])
        if c.fileIndices.isEmpty {
            fileIndices.append(contentsOf: repeatElement(c.singleFile, count: hi - lo))
        } else {
            fileIndices.append(contentsOf: c.fileIndices[lo..<hi])
        }
        for g in comparators.indices {
            let src = g < c.comparators.count ? c.comparators[g] : []
            if src.isEmpty {
                if !comparators[g].isEmpty {
                    comparators[g].append(contentsOf: repeatElement(.nan, count: hi - lo))
                }
            } else {
                if comparators[g].count < n { comparators[g].append(contentsOf: repeatElement(.nan, count: n - comparators[g].count)) }
                comparators[g].append(contentsOf: src[lo..<hi])
            }
        }
    }

    /// Sizes every column to `total` rows (comparator series only where some file has them).
    mutating func fill(_ total: Int, comparators used: Set<Int>) {
        periods = Array(repeating: PeriodCode(raw: 0), count: total)
        values = Array(repeating: .nan, count: total)
        lines = Array(repeating: 0, count: total)
        fileIndices = Array(repeating: 0, count: total)
        for g in comparators.indices where used.contains(g) { comparators[g] = Array(repeating: .nan, count: total) }
    }

    /// Places a chunk's rows at each indicator's cursor.
    mutating func place(_ c: RowChunk, comparators comps: [[Double]], cursor: inout [Int]) {
        for r in c.runIndicator.indices {
            let i = Int(c.runIndicator[r])
            let lo = c.runStart[r], hi = r + 1 < c.runStart.count ? c.runStart[r + 1] : c.count
            var k = cursor[i]
            for row in lo..<hi {
                periods[k] = c.period[row]
                values[k] = c.value[row]
                lines[k] = c.line[row]
                fileIndices[k] = c.fileIndex
                for g in comps.indices where !comps[g].isEmpty { comparators[g][k] = comps[g][row] }
                k += 1
            }
            cursor[i] = k
        }
    }

    func columns(files: [String]) -> History.Columns {
        History.Columns(periods: periods, values: values, comparators: comparators, lines: lines,
                        fileIndices: fileIndices, files: files)
    }

    /// Sorts the rows by period (stable) and keeps the first row of each period.
    func sortedHistory(indicator: Int, files: [String], duplicates: inout [RowChunk.Duplicate]) -> History {
        let n = periods.count
        let order = (0..<n).sorted { a, b in
            periods[a] != periods[b] ? PeriodCode.precedes(periods[a], periods[b]) : a < b
        }
        func location(_ r: Int) -> SourceLocation {
            let f = Int(fileIndices[r])
            return SourceLocation(file: f < files.count ? files[f] : "", line: Int(lines[r]))
        }
        var keep: [Int] = []
        keep.reserveCapacity(n)
        for r in order {
            if let last = keep.last, periods[last] == periods[r] {
                duplicates.append(.init(indicator: indicator, period: periods[r], at: location(r), first: location(last)))
                continue
            }
            keep.append(r)
        }
        let comps = comparators.map { col in col.isEmpty ? [] : keep.map { col[$0] } }
        let columns = History.Columns(periods: keep.map { periods[$0] }, values: keep.map { values[$0] },
                                      comparators: comps, lines: keep.map { lines[$0] },
                                      fileIndices: keep.map { fileIndices[$0] }, files: files)
        return History(columns: columns, base: 0, count: keep.count)
    }
}

/// Where `RowParser` writes rows: the columns' storage (see `RowColumns.withPointers`), `capacity` rows each.
struct ColumnPointers {
    let period: UnsafeMutablePointer<PeriodCode>?
    let value: UnsafeMutablePointer<Double>?
    let line: UnsafeMutablePointer<Int32>?
    /// One per comparator series of the chunk.
    let comparators: UnsafeMutablePointer<UnsafeMutablePointer<Double>>
    let capacity: Int
}

/// A chunk's row columns while `RowParser` writes them (they then move into the `RowChunk`).
struct RowColumns {
    var period: [PeriodCode] = []
    var value: [Double] = []
    var comparators: [[Double]]
    var line: [Int32] = []

    init(series: Int) {
        comparators = Array(repeating: [], count: series)
    }

    /// Resizes every row column to `capacity` rows, keeping the first `rows`. The rows after them are left
    /// uninitialized (plain numbers): `RowParser` writes each before the columns are trimmed to what it wrote.
    mutating func resize(to capacity: Int, keeping rows: Int) {
        func resized<T>(_ a: [T]) -> [T] {
            [T](unsafeUninitializedCapacity: capacity) { buf, count in
                if let base = buf.baseAddress {
                    HugePages.advise(UnsafeMutableRawPointer(base), bytes: capacity * MemoryLayout<T>.stride)
                }
                let kept = min(rows, a.count, capacity)
                a.withUnsafeBufferPointer { old in
                    if kept > 0 { buf.baseAddress!.initialize(from: old.baseAddress!, count: kept) }
                }
                count = capacity
            }
        }
        period = resized(period)
        value = resized(value)
        line = resized(line)
        for k in comparators.indices { comparators[k] = resized(comparators[k]) }
    }

    /// Drops the rows from `rows` on (the unwritten end of a `resize`). The storage stays; the rows are kept.
    mutating func trim(to rows: Int) {
        period.removeLast(period.count - rows)
        value.removeLast(value.count - rows)
        line.removeLast(line.count - rows)
        for k in comparators.indices { comparators[k].removeLast(comparators[k].count - rows) }
    }

    /// Calls `body` with pointers to the row columns' storage, all valid for the whole call: `RowParser`
    /// writes a row with a few stores instead of an `append` per column (each a uniqueness and a capacity
    /// check). The columns keep their counts (see `resize`).
    mutating func withPointers<R>(_ body: (ColumnPointers) -> R) -> R {
        // Each column moved into its own variable or box, so that the nested accesses do not overlap.
        var period = self.period, value = self.value, line = self.line
        self.period = []
        self.value = []
        self.line = []
        let boxes = comparators.map(ColumnBox.init)
        comparators = []
        let table = UnsafeMutablePointer<UnsafeMutablePointer<Double>>.allocate(capacity: max(1, boxes.count))
        defer { table.deallocate() }
        func nest(_ k: Int) -> R {
            if k < boxes.count {
                return boxes[k].a.withUnsafeMutableBufferPointer { b in
                    table[k] = b.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!
                    return nest(k + 1)
                }
            }
            return period.withUnsafeMutableBufferPointer { pp in
                value.withUnsafeMutableBufferPointer { vp in
                    line.withUnsafeMutableBufferPointer { lp in
                        body(ColumnPointers(period: pp.baseAddress, value: vp.baseAddress, line: lp.baseAddress,
                                            comparators: table, capacity: min(pp.count, vp.count, lp.count)))
                    }
                }
            }
        }
        let result = nest(0)
        self.period = period
        self.value = value
        self.line = line
        comparators = boxes.map(\.a)
        return result
    }
}

/// One comparator column on its own, for `RowColumns.withPointers`.
private final class ColumnBox {
    var a: [Double]
    init(_ a: [Double]) { self.a = a }
}
