import Foundation

/// Reads history CSV files into the indicators' observation lists.
///
/// Built for a million rows: the file is read once as bytes, numbers and periods are parsed from the
/// bytes, and the indicator id is looked up only when it differs from the previous row's.
struct HistoryLoader {
    private let log: DiagnosticLog
    private var indexByID: [String: Int] = [:]
    private var ids: [String]
    private var frequencies: [Frequency]
    private var observations: [[Observation]]
    private(set) var comparatorNames: [String]
    private var comparatorByKey: [String: Int] = [:]

    init(dataset: Dataset, log: DiagnosticLog) {
        self.log = log
        for (i, ind) in dataset.indicators.enumerated() { indexByID[ind.id] = i }
        ids = dataset.indicators.map(\.id)
        frequencies = dataset.indicators.map(\.frequency)
        observations = Array(repeating: [], count: dataset.indicators.count)
        comparatorNames = dataset.comparatorNames
        for (i, n) in comparatorNames.enumerated() { comparatorByKey[n.lowercased()] = i }
    }

    private static let required = ["indicator", "period", "value"]

    mutating func load(_ data: Data, file: String) {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            do {
                try parse(bytes, file: file)
            } catch let e as CSVError {
                log.stoppedAt[file] = e.line
                log.error(SourceLocation(file: file, line: e.line), e.message)
            } catch {
                log.error(SourceLocation(file: file), "\(error)")
            }
        }
    }

    private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws {
        var header: [String]? = nil
        var columnOf: [String: Int] = [:]
        var indicatorCol = 0, periodCol = 0, valueCol = 0
        // (column in the file, global comparator index)
        var comparatorCols: [(Int, Int)] = []
        var comparatorWidth = 0
        var lastIDBytes: [UInt8] = []
        var lastIndex: Int? = nil
        var lastPeriodBytes: [UInt8] = []
        var lastPeriod: Period? = nil
        var headerOK = true
        // A row's problems are about its indicator (the dashboard marks it); file-level ones about none.
        defer { log.subject = nil }

        try CSVReader.forEachRow(in: bytes) { row in
            guard headerOK else { return }
            guard let names = header else {
                // Header names become comparator names on screen and in reports: made safe here, once.
                let names = row.strings.map { SafeText.clipped(SafeText.line($0.trimmingSpaces)) }
                header = names
                for (i, n) in names.enumerated() {
                    let key = n.lowercased()
                    if key.isEmpty {
                        log.error(SourceLocation(file: file, line: row.line), "column \(i + 1) has no name")
                        continue
                    }
                    if columnOf[key] != nil {
                        log.error(SourceLocation(file: file, line: row.line), "column '\(n)' appears twice in the header")
                        continue
                    }
                    columnOf[key] = i
                }
                let missing = Self.required.filter { columnOf[$0] == nil }
                if !missing.isEmpty {
                    log.error(SourceLocation(file: file, line: row.line),
                              "header lacks required column\(missing.count > 1 ? "s" : "") \(missing.map { "'\($0)'" }.joined(separator: ", "))")
                    headerOK = false
                    log.stoppedAt[file] = row.line
                    return
                }
                indicatorCol = columnOf["indicator"]!
                periodCol = columnOf["period"]!
                valueCol = columnOf["value"]!
                for (i, n) in names.enumerated() where !n.isEmpty && !Self.required.contains(n.lowercased()) {
                    guard columnOf[n.lowercased()] == i else { continue }
                    comparatorCols.append((i, comparatorIndex(n)))
                }
                comparatorWidth = (comparatorCols.map(\.1).max() ?? -1) + 1
                return
            }
            func at(_ col: Int) -> SourceLocation { SourceLocation(file: file, line: row.line, column: names[col]) }
            log.subject = nil
            if row.count != names.count {
                if indicatorCol < row.count, let i = indexByID[row.trimmed(indicatorCol)] { log.subject = .indicator(ids[i]) }
                log.error(SourceLocation(file: file, line: row.line),
                          "row has \(row.count) field\(row.count == 1 ? "" : "s"), the header has \(names.count)")
                return
            }
            // Indicator: reuse the previous row's lookup when the bytes repeat.
            let index: Int? = row.withField(indicatorCol) { b -> Int? in
                if b.elementsEqual(lastIDBytes) { return lastIndex }
                lastIDBytes = Array(b)
                let id = String(decoding: b, as: UTF8.self).trimmingSpaces
                lastIndex = indexByID[id]
                if lastIndex == nil {
                    lastIDBytes = []
                }
                return lastIndex
            }
            guard let index else {
                let id = row.trimmed(indicatorCol)
                log.error(at(indicatorCol), id.isEmpty ? "empty indicator id" : "unknown indicator '\(id)' (not in indicators.yaml)")
                return
            }
            log.subject = .indicator(ids[index])
            let period: Period? = row.withField(periodCol) { b -> Period? in
                if b.elementsEqual(lastPeriodBytes), let p = lastPeriod { return p }
                guard let p = Period.parse(b) else { return nil }
                lastPeriodBytes = Array(b)
                lastPeriod = p
                return p
            }
            guard let period else {
                log.error(at(periodCol), "unreadable period '\(row.trimmed(periodCol))' (use 2021-09, 2021/22 Q2 or 2021/22)")
                return
            }
            let frequency = frequencies[index]
            if period.kind != frequency.periodKind {
                log.error(at(periodCol), "period '\(row.trimmed(periodCol))' is a \(period.kind.rawValue), but indicator "
                    + "'\(row.trimmed(indicatorCol))' is \(frequency.rawValue) (expects a \(frequency.periodKind.rawValue))")
                return
            }
            var bad = false
            func number(_ col: Int) -> Double? {
                switch row.withField(col, CSVNumber.parse) {
                case let .value(v): return v
                case .missing: return nil
                case .invalid:
                    log.error(at(col), "non-numeric value '\(row.trimmed(col))'")
                    bad = true
                    return nil
                }
            }
            let value = number(valueCol)
            var comps: [Double?] = []
            if comparatorWidth > 0 {
                comps = Array(repeating: nil, count: comparatorWidth)
                for (col, g) in comparatorCols { comps[g] = number(col) }
            }
            if bad { return }
            observations[index].append(Observation(period: period, value: value, comparators: comps,
                                                   source: SourceLocation(file: file, line: row.line)))
        }
        if header == nil {
            log.error(SourceLocation(file: file, line: 1), "the file is empty (no header row)")
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
            var obs = observations[i]
            var sorted = true
            for k in obs.indices.dropFirst() where !(obs[k - 1].period < obs[k].period) {
                sorted = false
                break
            }
            if !sorted {
                // Stable: rows of the same period keep file order, so the first one is kept.
                obs = obs.enumerated().sorted { ($0.element.period, $0.offset) < ($1.element.period, $1.offset) }.map(\.element)
                var kept: [Observation] = []
                kept.reserveCapacity(obs.count)
                for o in obs {
                    if let last = kept.last, last.period == o.period {
                        var loc = o.source
                        loc.column = "period"
                        log.subject = .indicator(dataset.indicators[i].id)
                        defer { log.subject = nil }
                        log.error(loc, "duplicate row for indicator '\(dataset.indicators[i].id)' and period \(o.period) "
                            + "(first at \(last.source.text))")
                        continue
                    }
                    kept.append(o)
                }
                obs = kept
            }
            dataset.indicators[i].history = obs
        }
    }
}
