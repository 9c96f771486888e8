/// An indicator's history, stored as contiguous columns: a packed period code, the value, each comparator
/// series and the row's source, one array each. A million rows take about 34 MB instead of an
/// `Observation` (with its own comparator array and file name) per row.
///
/// It reads as a random-access collection of `Observation`s, sorted by period with at most one per period,
/// so views and reports index it like the array it replaced. Hot paths (evaluation, sparklines) use the
/// column accessors (`period(at:)`, `value(at:)`, `comparator(_:at:)`), which build nothing.
/// A missing value is stored as NaN: the CSV number parser never yields NaN (it rejects non-finite numbers).
public struct History: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// Immutable once built. The CSV loader puts every indicator's rows into one set of columns, each
    /// indicator's rows contiguous; a `History` is a range of them, so copying an `Indicator` costs one retain.
    final class Columns: Sendable {
        let periods: [PeriodCode]
        let values: [Double]
        /// Indexed by comparator series (`Dataset.comparatorNames`), then by row; each as long as `values`,
        /// or empty when the series has no value in these rows.
        let comparators: [[Double]]
        let lines: [Int32]
        /// Each row's file (an index into `files`); empty when every row comes from `singleFile`.
        let fileIndices: [UInt16]
        let singleFile: UInt16
        let files: [String]

        init(periods: [PeriodCode], values: [Double], comparators: [[Double]], lines: [Int32],
             fileIndices: [UInt16], singleFile: UInt16 = 0, files: [String]) {
            self.periods = periods
            self.values = values
            self.comparators = comparators
            self.lines = lines
            self.fileIndices = fileIndices
            self.singleFile = singleFile
            self.files = files
        }

        static let empty = Columns(periods: [], values: [], comparators: [], lines: [], fileIndices: [], files: [])

        @inline(__always) func file(_ k: Int) -> Int { fileIndices.isEmpty ? Int(singleFile) : Int(fileIndices[k]) }
    }

    let columns: Columns
    /// The first row of this history in `columns`.
    let base: Int
    public let count: Int

    init(columns: Columns, base: Int, count: Int) {
        self.columns = columns
        self.base = base
        self.count = count
    }

    public init() { self.init(columns: .empty, base: 0, count: 0) }

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
    public var endIndex: Int { count }

    public subscript(i: Int) -> Observation {
        precondition(i >= 0 && i < count, "History index out of range")
        let k = base + i
        let v = columns.values[k]
        return Observation(period: columns.periods[k].period, value: v.isNaN ? nil : v, row: k, of: columns)
    }

    // MARK: Column access (no allocation)

    @inline(__always) func checked(_ i: Int) -> Int {
        precondition(i >= 0 && i < count, "History index out of range")
        return base + i
    }

    public func period(at i: Int) -> Period { columns.periods[checked(i)].period }
    public func periodCode(at i: Int) -> PeriodCode { columns.periods[checked(i)] }

    public func value(at i: Int) -> Double? {
        let v = columns.values[checked(i)]
        return v.isNaN ? nil : v
    }

    /// The value of comparator series `series` (an index into `Dataset.comparatorNames`) in row `i`.
    public func comparator(_ series: Int, at i: Int) -> Double? {
        let k = checked(i)
        guard series >= 0, series < columns.comparators.count, !columns.comparators[series].isEmpty else { return nil }
        let v = columns.comparators[series][k]
        return v.isNaN ? nil : v
    }

    public func source(at i: Int) -> SourceLocation {
        let k = checked(i)
        let f = columns.file(k)
        return SourceLocation(file: f < columns.files.count ? columns.files[f] : "", line: Int(columns.lines[k]))
    }

    /// The value column, NaN where not available.
    public var rawValues: ArraySlice<Double> { columns.values[base..<base + count] }

    /// The index of the last row whose period ends in or before month `monthIndex` (binary search).
    public func lastIndex(endingByMonth monthIndex: Int) -> Int? {
        let p = columns.periods
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo &+ hi) >> 1
            if p[base + mid].endMonthIndex <= monthIndex { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? lo - 1 : nil
    }

    /// The index of the row for exactly `period` among rows `..<end` (searching from the end).
    public func lastIndex(of period: Period, before end: Int) -> Int? {
        let code = PeriodCode(period)
        let p = columns.periods
        var k = Swift.min(end, count) - 1
        while k >= 0 {
            if p[base + k] == code { return k }
            if p[base + k].endMonthIndex < code.endMonthIndex { return nil }
            k -= 1
        }
        return nil
    }
}

extension History: Equatable {
    public static func == (a: History, b: History) -> Bool {
        if a.columns === b.columns && a.base == b.base && a.count == b.count { return true }
        guard a.count == b.count else { return false }
        let width = Swift.max(a.columns.comparators.count, b.columns.comparators.count)
        func same(_ x: Double?, _ y: Double?) -> Bool { x == y }
        for i in 0..<a.count {
            guard a.periodCode(at: i) == b.periodCode(at: i), same(a.value(at: i), b.value(at: i)),
                  a.source(at: i) == b.source(at: i) else { return false }
            for c in 0..<width where !same(a.comparator(c, at: i), b.comparator(c, at: i)) { return false }
        }
        return true
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

/// Accumulates a history from observations, column by column (for histories built by hand; the CSV loader
/// writes its columns directly, see `RowChunk`).
struct HistoryBuilder {
    var periods: [PeriodCode] = []
    var values: [Double] = []
    var comparators: [[Double]] = []
    var lines: [Int32] = []
    var fileIndices: [UInt16] = []
    var files: [String] = []

    var count: Int { periods.count }

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
                                      fileIndices: fileIndices, files: shared ?? files), base: 0, count: n)
    }
}
