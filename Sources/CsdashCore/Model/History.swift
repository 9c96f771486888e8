/// An indicator's history, stored as contiguous columns: a packed period code, the value, each comparator
/// series and the row's source, one array each. A million rows take about 34 MB instead of an
/// `Observation` (with its own comparator array and file name) per row.
///
/// It reads as a random-access collection of `Observation`s, sorted by period with at most one per period,
/// so views and reports index it like the array it replaced. Hot paths (evaluation, sparklines) use the
/// column accessors (`period(at:)`, `value(at:)`, `comparator(_:at:)`), which build nothing.
/// A missing value is stored as NaN: the CSV number parser never yields NaN (it rejects non-finite numbers).
public struct History: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// Immutable once built and shared between copies, so copying an `Indicator` costs one retain.
    final class Columns: Sendable {
        let periods: [PeriodCode]
        let values: [Double]
        /// Indexed by comparator series (`Dataset.comparatorNames`), then by row; each as long as `values`.
        let comparators: [[Double]]
        let lines: [Int32]
        let fileIndices: [UInt16]
        let files: [String]

        init(periods: [PeriodCode], values: [Double], comparators: [[Double]], lines: [Int32],
             fileIndices: [UInt16], files: [String]) {
            self.periods = periods
            self.values = values
            self.comparators = comparators
            self.lines = lines
            self.fileIndices = fileIndices
            self.files = files
        }

        static let empty = Columns(periods: [], values: [], comparators: [], lines: [], fileIndices: [], files: [])
    }

    let columns: Columns

    init(columns: Columns) { self.columns = columns }

    public init() { columns = .empty }

    /// Builds the columns from observations (tests and callers that assemble a history by hand).
    /// They must already be in period order.
    public init(_ observations: some Sequence<Observation>) {
        var b = HistoryBuilder()
        for o in observations { b.append(o) }
        self = b.build()
    }

    public init(arrayLiteral elements: Observation...) { self.init(elements) }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { columns.periods.count }

    public subscript(i: Int) -> Observation {
        Observation(period: period(at: i), value: value(at: i),
                    comparators: columns.comparators.map { $0[i].isNaN ? nil : $0[i] },
                    source: source(at: i))
    }

    // MARK: Column access (no allocation)

    public func period(at i: Int) -> Period { columns.periods[i].period }
    public func value(at i: Int) -> Double? {
        let v = columns.values[i]
        return v.isNaN ? nil : v
    }

    /// The value of comparator series `series` (an index into `Dataset.comparatorNames`) in row `i`.
    public func comparator(_ series: Int, at i: Int) -> Double? {
        guard series >= 0, series < columns.comparators.count else { return nil }
        let v = columns.comparators[series][i]
        return v.isNaN ? nil : v
    }

    public func source(at i: Int) -> SourceLocation {
        let f = Int(columns.fileIndices[i])
        return SourceLocation(file: f < columns.files.count ? columns.files[f] : "", line: Int(columns.lines[i]))
    }

    /// The raw value column, NaN where not available.
    public var rawValues: [Double] { columns.values }

    /// The index of the last row whose period ends in or before month `monthIndex` (binary search).
    public func lastIndex(endingByMonth monthIndex: Int) -> Int? {
        let p = columns.periods
        var lo = 0, hi = p.count
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if p[mid].endMonthIndex <= monthIndex { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? lo - 1 : nil
    }

    /// The index of the row for exactly `period` among rows `..<end` (searching from the end).
    public func lastIndex(of period: Period, before end: Int) -> Int? {
        let code = PeriodCode(period)
        let p = columns.periods
        var k = end - 1
        while k >= 0 {
            if p[k] == code { return k }
            if p[k].endMonthIndex < code.endMonthIndex { return nil }
            k -= 1
        }
        return nil
    }
}

extension History: Equatable {
    public static func == (a: History, b: History) -> Bool {
        if a.columns === b.columns { return true }
        guard a.count == b.count else { return false }
        let ca = a.columns, cb = b.columns
        guard ca.periods == cb.periods, ca.lines == cb.lines else { return false }
        func same(_ x: [Double], _ y: [Double]) -> Bool {
            x.count == y.count && zip(x, y).allSatisfy { $0.bitPattern == $1.bitPattern || $0 == $1 }
        }
        guard same(ca.values, cb.values) else { return false }
        let width = Swift.max(ca.comparators.count, cb.comparators.count)
        let none = [Double](repeating: .nan, count: a.count)
        for c in 0..<width {
            let x = c < ca.comparators.count ? ca.comparators[c] : none
            let y = c < cb.comparators.count ? cb.comparators[c] : none
            guard same(x, y) else { return false }
        }
        return (0..<a.count).allSatisfy { a.source(at: $0) == b.source(at: $0) }
    }
}

/// A period packed in 32 bits: the first month's index (months since year 0) and the kind.
/// Ordered like `Period` when compared through `endMonthIndex` then `startMonthIndex`.
public struct PeriodCode: Hashable, Sendable {
    public let raw: Int32

    public init(_ p: Period) {
        raw = Int32(truncatingIfNeeded: p.startMonthIndex) << 2 | PeriodCode.kindCode(p.kind)
    }

    public init(raw: Int32) { self.raw = raw }

    /// The low two bits of a code: 0 month, 1 quarter, 2 financial year.
    public static func kindCode(_ kind: Period.Kind) -> Int32 {
        switch kind {
        case .month: return 0
        case .quarter: return 1
        case .financialYear: return 2
        }
    }

    @inline(__always) public var startMonthIndex: Int { Int(raw >> 2) }
    @inline(__always) public var endMonthIndex: Int {
        switch raw & 3 {
        case 0: return startMonthIndex
        case 1: return startMonthIndex + 2
        default: return startMonthIndex + 11
        }
    }

    public var period: Period {
        let s = startMonthIndex
        func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
        switch raw & 3 {
        case 0:
            let y = floorDiv(s, 12)
            return .month(year: y, month: s - y * 12 + 1)
        case 1:
            let y = floorDiv(s - 3, 12)
            return .quarter(startYear: y, quarter: (s - 3 - y * 12) / 3 + 1)
        default:
            return .financialYear(startYear: floorDiv(s - 3, 12))
        }
    }

    /// Period order: by end month, then the shorter period first.
    @inline(__always) public static func precedes(_ a: PeriodCode, _ b: PeriodCode) -> Bool {
        let ea = a.endMonthIndex, eb = b.endMonthIndex
        if ea != eb { return ea < eb }
        return a.startMonthIndex > b.startMonthIndex
    }
}

/// Accumulates a history column by column (the CSV loader appends straight from the bytes).
struct HistoryBuilder {
    var periods: [PeriodCode] = []
    var values: [Double] = []
    var comparators: [[Double]] = []
    var lines: [Int32] = []
    var fileIndices: [UInt16] = []
    var files: [String] = []

    var count: Int { periods.count }

    mutating func reserve(_ n: Int, comparators width: Int) {
        periods.reserveCapacity(n)
        values.reserveCapacity(n)
        lines.reserveCapacity(n)
        fileIndices.reserveCapacity(n)
        while comparators.count < width { comparators.append([]) }
        for c in comparators.indices { comparators[c].reserveCapacity(n) }
    }

    /// Pads comparator series `series` with "not available" up to the current row, creating it if needed.
    @inline(__always) mutating func pad(_ series: Int) {
        while comparators.count <= series { comparators.append([]) }
        let n = periods.count
        if comparators[series].count < n {
            comparators[series].append(contentsOf: repeatElement(Double.nan, count: n - comparators[series].count))
        }
    }

    mutating func append(_ o: Observation) {
        for (c, v) in o.comparators.enumerated() {
            pad(c)
            comparators[c].append(v ?? .nan)
        }
        periods.append(PeriodCode(o.period))
        values.append(o.value ?? .nan)
        lines.append(Int32(clamping: o.source.line))
        let f: Int
        if let k = files.lastIndex(of: o.source.file) { f = k } else { files.append(o.source.file); f = files.count - 1 }
        fileIndices.append(UInt16(clamping: f))
    }

    var isSorted: Bool {
        periods.withUnsafeBufferPointer { p in
            var k = 1
            while k < p.count {
                if !PeriodCode.precedes(p[k - 1], p[k]) { return false }
                k += 1
            }
            return true
        }
    }

    /// A row dropped because an earlier row (in file order) has the same period.
    struct Duplicate {
        var period: PeriodCode
        var line: Int32
        var fileIndex: UInt16
        var firstLine: Int32
        var firstFileIndex: UInt16
    }

    /// Sorts the rows by period (stable: rows of the same period keep file order) and keeps the first row
    /// of each period; returns the rows dropped.
    mutating func sortRemovingDuplicates() -> [Duplicate] {
        let n = count
        for c in comparators.indices { pad(c) }
        let order = (0..<n).sorted { a, b in
            let pa = periods[a], pb = periods[b]
            if pa != pb { return PeriodCode.precedes(pa, pb) }
            return a < b
        }
        var keep: [Int] = []
        keep.reserveCapacity(n)
        var dropped: [Duplicate] = []
        for k in order {
            if let last = keep.last, periods[last] == periods[k] {
                dropped.append(Duplicate(period: periods[k], line: lines[k], fileIndex: fileIndices[k],
                                         firstLine: lines[last], firstFileIndex: fileIndices[last]))
                continue
            }
            keep.append(k)
        }
        periods = keep.map { periods[$0] }
        values = keep.map { values[$0] }
        lines = keep.map { lines[$0] }
        fileIndices = keep.map { fileIndices[$0] }
        for c in comparators.indices {
            let col = comparators[c]
            comparators[c] = keep.map { col[$0] }
        }
        return dropped
    }

    /// Appends another builder's rows after this one's (both index the same file table).
    mutating func append(contentsOf other: HistoryBuilder) {
        if count == 0 {
            self = other
            return
        }
        for c in other.comparators.indices {
            pad(c)
            comparators[c].append(contentsOf: other.comparators[c])
        }
        periods.append(contentsOf: other.periods)
        values.append(contentsOf: other.values)
        lines.append(contentsOf: other.lines)
        fileIndices.append(contentsOf: other.fileIndices)
    }

    /// The finished history; `files` overrides the builder's own file table (the loader shares one).
    func build(files shared: [String]? = nil) -> History {
        var comps = comparators
        let n = periods.count
        for c in comps.indices where comps[c].count < n {
            comps[c].append(contentsOf: repeatElement(Double.nan, count: n - comps[c].count))
        }
        // Trailing series that never hold a value are dropped: "not available" either way.
        while let last = comps.last, last.allSatisfy(\.isNaN) { comps.removeLast() }
        if n == 0 { return History() }
        return History(columns: .init(periods: periods, values: values, comparators: comps, lines: lines,
                                      fileIndices: fileIndices, files: shared ?? files))
    }
}
