import Foundation

/// The rows of one part of one history file's body, as `HistoryRows.read` gives them.
struct HistoryPart: Sendable {
    var chunk: RowChunk
    var diagnostics: [Diagnostic]
    /// Set when the rows could not all be read (a CSV syntax error, the last diagnostic).
    var failed: Bool
    /// The line after the last row read.
    var endLine: Int

    /// Renumbers the lines of a later part of a file once the parts before it are read.
    mutating func shiftLines(by offset: Int) {
        guard offset != 0 else { return }
        endLine += offset
        for k in diagnostics.indices where diagnostics[k].location.line > 0 { diagnostics[k].location.line += offset }
        chunk.shiftLines(by: offset)
    }
}

/// Reads history rows (after the header) into a `RowChunk`: ids and period spellings are looked up straight
/// from the bytes (an id becomes a String once per distinct id, a period is parsed once per distinct
/// spelling), numbers are parsed from the bytes, and each row is appended to flat columns.
///
/// Ids are numbered as they come: `HistoryLoader.finish` maps them to the indicators, so reading needs
/// nothing from indicators.yaml.
struct HistoryRows {
    let header: HistoryHeader
    let file: String
    /// The comparator columns of the file, in series order.
    let seriesColumns: [Int]
    var chunk: RowChunk
    var diagnostics: [Diagnostic] = []
    /// Ids seen, by their trimmed bytes, to their number in this chunk (`chunk.ids`).
    private var ids = ByteTable()
    /// Period spellings seen, to their code (`unreadable` when not a period).
    private var periods = ByteTable()
    /// The previous row's id: rows of one indicator usually come together.
    private var lastID: [UInt8] = []
    private var lastIndex: Int32 = -1
    private var comparatorValues: [Double] = []
    private static let unreadable = Int32.min

    /// Reads the rows in `range` of `data`, the first on line `firstLine`.
    static func read(_ data: Data, range: Range<Int>, firstLine: Int, header: HistoryHeader,
                     series: [(column: Int, series: Int)], file: String, fileIndex: UInt16) -> HistoryPart {
        var rows = HistoryRows(header: header, file: file, seriesColumns: series.map(\.column),
                               chunk: RowChunk(series: series.map(\.series), fileIndex: fileIndex,
                                               expectedRows: range.count / 16,
                                               indicatorColumn: header.names[header.indicator],
                                               periodColumn: header.names[header.period]))
        var failed = false
        let endLine = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Int in
            let bytes = UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self)[range])
            do throws(CSVError) {
                return try CSVRows.forEach(in: bytes, from: 0, firstLine: firstLine, columns: header.names.count) {
                    rows.add($0)
                }
            } catch {
                failed = true
                rows.diagnostics.append(.error(SourceLocation(file: file, line: error.line), error.message))
                return error.line
            }
        }
        return HistoryPart(chunk: rows.chunk, diagnostics: rows.diagnostics, failed: failed, endLine: endLine)
    }

    /// Adds one row, or reports what is wrong with it.
    mutating func add(_ row: CSVFields) {
        let h = header
        if row.count != h.names.count {
            error(row, nil, "row has \(row.count) field\(row.count == 1 ? "" : "s"), the header has \(h.names.count)")
            return
        }
        let index = indicatorIndex(row.trimmed(h.indicator))
        let code = periodCode(row.trimmed(h.period))
        if code == HistoryRows.unreadable {
            error(row, h.period, "unreadable period '\(row.text(h.period))' (use 2021-09, 2021/22 Q2 or 2021/22)")
            return
        }
        var bad = false
        let value = number(row, h.value, &bad)
        comparatorValues.removeAll(keepingCapacity: true)
        for c in seriesColumns { comparatorValues.append(number(row, c, &bad)) }
        if bad { return }
        chunk.append(indicator: index, period: PeriodCode(raw: code), value: value, comparators: comparatorValues,
                     line: row.line)
    }

    /// A number field: NaN when empty or suppressed; reported (and `bad` set) when it is not a number.
    @inline(__always)
    private mutating func number(_ row: CSVFields, _ col: Int, _ bad: inout Bool) -> Double {
        switch row.number(col) {
        case let .value(v): return v
        case .missing: return .nan
        case .invalid:
            error(row, col, "non-numeric value '\(row.text(col))'")
            bad = true
            return .nan
        }
    }

    /// This chunk's number for an id's bytes, numbering a new id (and keeping its text) on first sight.
    @inline(__always)
    private mutating func indicatorIndex(_ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        if lastIndex >= 0, b.sameBytes(as: lastID) { return lastIndex }
        let index: Int32
        if let known = ids.value(for: b) {
            index = known
        } else {
            index = Int32(chunk.ids.count)
            chunk.ids.append(String(decoding: b, as: UTF8.self).trimmingSpaces)
            ids.set(b, index)
        }
        lastID.removeAll(keepingCapacity: true)
        lastID.append(contentsOf: b)
        lastIndex = index
        return index
    }

    /// A period spelling's code, parsed on first sight.
    @inline(__always)
    private mutating func periodCode(_ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let known = periods.value(for: b) { return known }
        let code = Period.parse(b).map { PeriodCode($0).raw } ?? HistoryRows.unreadable
        periods.set(b, code)
        if code != HistoryRows.unreadable, chunk.spellings[code] == nil {
            chunk.spellings[code] = String(decoding: b, as: UTF8.self).trimmingSpaces
        }
        return code
    }

    /// A problem with a row, about the indicator its id names (the dashboard marks that indicator; an id
    /// not in indicators.yaml marks nothing).
    private mutating func error(_ row: CSVFields, _ col: Int?, _ message: String) {
        let about = header.indicator < row.count ? row.text(header.indicator) : ""
        diagnostics.append(Diagnostic(.error, SourceLocation(file: file, line: row.line, column: col.map { header.names[$0] }),
                                      message, subject: about.isEmpty ? nil : .indicator(about)))
    }
}
