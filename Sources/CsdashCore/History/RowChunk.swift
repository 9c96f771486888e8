/// The rows one parser read from one part of one file, in file order, as flat columns, and the runs of
/// consecutive rows that belong to one indicator. Appending a row is a few stores, whatever indicator it
/// belongs to. `assemble` turns the chunks into the indicators' histories.
struct RowChunk: Sendable {
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

    /// Appends a row of `indicator` (this chunk's number for its id); `comparators` in `series` order.
    @inline(__always) mutating func append(indicator: Int32, period code: PeriodCode, value v: Double,
                                           comparators comps: [Double], line l: Int) {
        startRow(of: indicator)
        period.append(code)
        value.append(v)
        line.append(Int32(truncatingIfNeeded: l))
        for k in comps.indices { comparators[k].append(comps[k]) }
    }

    /// Renumbers the lines of a later part of a file once the parts before it are read.
    mutating func shiftLines(by offset: Int) {
        let o = Int32(clamping: offset)
        for k in line.indices { line[k] &+= o }
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
}
