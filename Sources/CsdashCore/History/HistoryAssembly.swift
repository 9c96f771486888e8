/// Turns the chunks of rows read from the history files into each indicator's history.
enum HistoryAssembly {
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
    func sortedHistory(indicator: Int, files: [String], duplicates: inout [HistoryAssembly.Duplicate]) -> History {
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
