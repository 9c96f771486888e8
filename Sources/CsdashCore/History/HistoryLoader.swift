import Foundation

/// Reads history CSV files into the indicators' histories.
///
/// Built for a million rows: each file is read once as bytes, its header first (`plan`); its body is then read
/// by `HistoryRows` into flat columns (`RowChunk`) that become the histories' storage. A large body is cut at a
/// line break into parts that can be read at once (`DataDirectory` runs them beside indicators.yaml).
///
/// Reading needs nothing from indicators.yaml: ids are numbered as they come, and `finish` maps them to the
/// indicators, checks each row's period form against its indicator's frequency, and reports every problem
/// in file and line order.
struct HistoryLoader {
    /// The rows of one part of one file's body, to be read on any thread.
    struct Job: Sendable {
        let data: Data
        let range: Range<Int>
        let firstLine: Int
        let header: HistoryHeader
        let series: [(column: Int, series: Int)]
        let file: String
        let fileIndex: UInt16

        func read() -> HistoryPart {
            HistoryRows.read(data, range: range, firstLine: firstLine, header: header, series: series, file: file,
                             fileIndex: fileIndex)
        }
    }

    /// A body is cut into parts of at least this many bytes, read at once (below it, another thread costs more
    /// than it saves). More parts than cores let the parts share the cores with indicators.yaml evenly.
    var partSize = 1 << 20
    /// At most this many parts per file.
    var maxParts = 8
    /// Problems found while reading, reported by `finish`.
    private var found: [Diagnostic] = []
    private var chunks: [RowChunk] = []
    private(set) var comparatorNames: [String] = []
    private var comparatorByKey: [String: Int] = [:]
    private var files: [String] = []
    /// Files that stopped being read part-way (a CSV syntax error, a bad header), the line where they stopped,
    /// and their bytes: the indicators the unread part names are marked (`ProblemMarks`).
    private(set) var stopped: [(file: String, line: Int, data: Data)] = []

    /// A file that could not be read, or was refused (over a size or line-length limit): reported with the rest.
    mutating func problem(_ at: SourceLocation, _ why: String) {
        found.append(.error(at, why))
    }

    /// Reads a file's header and gives the parts of its body to read (none when the header stops it).
    mutating func plan(_ data: Data, file: String) -> [Job] {
        let read = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<CSVRows.Header?, CSVError> in
            Result { () throws(CSVError) in try CSVRows.header(raw.bindMemory(to: UInt8.self)) }
        }
        let headerRow: CSVRows.Header
        switch read {
        case let .failure(e):
            found.append(.error(SourceLocation(file: file, line: e.line), e.message))
            stopped.append((file, e.line, data))
            return []
        case .success(nil):
            found.append(.error(SourceLocation(file: file, line: 1), "the file is empty (no header row)"))
            return []
        case let .success(row?):
            headerRow = row
        }
        // Header names become comparator names on screen and in reports: made safe here, once.
        let names = headerRow.names.map { SafeText.clipped(SafeText.line($0)) }
        let log = DiagnosticLog()
        let header = HistoryHeader.read(names, at: SourceLocation(file: file, line: headerRow.line), log: log)
        found += log.items
        guard let header else {
            stopped.append((file, headerRow.line, data))  // no row was read
            return []
        }
        let series = header.comparators.map { (column: $0.column, series: comparatorIndex($0.name)) }
        files.append(file)
        let body = headerRow.end..<data.count
        let fileIndex = UInt16(clamping: files.count - 1)
        func job(_ range: Range<Int>, _ line: Int) -> Job {
            Job(data: data, range: range, firstLine: line, header: header, series: series, file: file, fileIndex: fileIndex)
        }
        let cuts = HistoryLoader.cuts(data, body, parts: min(maxParts, body.count / max(partSize, 1)))
        let bounds = [body.lowerBound] + cuts + [body.upperBound]
        return (0..<bounds.count - 1).map { k in job(bounds[k]..<bounds[k + 1], k == 0 ? headerRow.nextLine : 1) }
    }

    /// Where to cut `body` into about `parts` parts of equal size: just after the first line feed at or after each
    /// share's end (fewer cuts where a share holds no line feed).
    private static func cuts(_ data: Data, _ body: Range<Int>, parts: Int) -> [Int] {
        var cuts: [Int] = []
        guard parts > 1 else { return cuts }
        for k in 1..<parts {
            let from = max(body.lowerBound + body.count * k / parts, cuts.last ?? body.lowerBound)
            guard let lf = data[from..<body.upperBound].firstIndex(of: 0x0A), lf + 1 < body.upperBound else { break }
            if lf + 1 > (cuts.last ?? body.lowerBound) { cuts.append(lf + 1) }
        }
        return cuts
    }

    /// Takes the parts of one file as read (`parts[range]`, in order). When a part before the last did not end
    /// cleanly (a cut fell inside a quoted field, or the part has a syntax error), the parts after it may have
    /// started inside a row: the whole body is read again in one piece, so the result is always that of reading
    /// the file front to back.
    mutating func add(_ parts: inout [HistoryPart], _ range: Range<Int>, of jobs: [Job]) {
        guard let first = jobs.first, let last = jobs.last, !range.isEmpty else { return }
        var mine = range
        if range.count > 1, range.dropLast().contains(where: { parts[$0].failed }) {
            let whole = Job(data: first.data, range: first.range.lowerBound..<last.range.upperBound,
                            firstLine: first.firstLine, header: first.header, series: first.series,
                            file: first.file, fileIndex: first.fileIndex)
            parts[range.lowerBound] = whole.read()
            mine = range.lowerBound..<range.lowerBound + 1
        } else {
            for k in range.dropFirst() { parts[k].shiftLines(by: parts[k - 1].endLine - 1) }
        }
        for k in mine {
            found += parts[k].diagnostics
            chunks.append(parts[k].chunk)
        }
        // A syntax error stops the reading: the rows after it are suspect.
        if let k = mine.first(where: { parts[$0].failed }) {
            stopped.append((first.file, parts[k].diagnostics.last?.location.line ?? first.firstLine, first.data))
        }
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
        let resolved = DiagnosticLog()
        for c in chunks.indices {
            chunks[c].resolve(idIndex: idIndex, kinds: kinds, frequencies: dataset.indicators.map(\.frequency),
                              file: files[Int(chunks[c].fileIndex)], log: resolved)
        }
        log.items += inFileOrder(found + resolved.items)
        found = []
        dataset.comparatorNames = comparatorNames
        let (histories, duplicates) = HistoryAssembly.assemble(chunks, indicators: dataset.indicators.count,
                                                               comparatorCount: comparatorNames.count, files: files)
        chunks = []
        for d in duplicates {
            var loc = d.at
            loc.column = "period"
            let id = dataset.indicators[d.indicator].id
            log.about(.indicator(id)) {
                log.error(loc, "duplicate row for indicator '\(id)' and period \(d.period.period) (first at \(d.first.text))")
            }
        }
        for i in dataset.indicators.indices { dataset.indicators[i].history = histories[i] }
    }

    /// File order, then line order; problems of one line in the order they were found.
    private func inFileOrder(_ items: [Diagnostic]) -> [Diagnostic] {
        let fileOrder = Dictionary(files.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        return items.enumerated().sorted { a, b in
            let fa = fileOrder[a.element.location.file] ?? -1, fb = fileOrder[b.element.location.file] ?? -1
            if fa != fb { return fa < fb }
            if a.element.location.line != b.element.location.line { return a.element.location.line < b.element.location.line }
            return a.offset < b.offset
        }.map(\.element)
    }
}
