/// A reporting period: a calendar month, a quarter of a UK financial year
/// (Q1 = April-June), or a whole financial year (April-March).
///
/// Periods order by the month they end in, then by length (a month before the
/// quarter that ends with it, a quarter before the year that ends with it).
public enum Period: Hashable, Sendable {
    /// A calendar month: `2021-09`.
    case month(year: Int, month: Int)
    /// A quarter of the financial year that starts in April of `startYear`: `2021/22 Q2`.
    case quarter(startYear: Int, quarter: Int)
    /// The financial year April `startYear` to March `startYear + 1`: `2021/22`.
    case financialYear(startYear: Int)

    public enum Kind: String, Sendable {
        case month, quarter, financialYear = "financial year"
    }

    public var kind: Kind {
        switch self {
        case .month: return .month
        case .quarter: return .quarter
        case .financialYear: return .financialYear
        }
    }

    /// Months since year 0 (`year * 12 + month - 1`) of the first month of the period.
    public var startMonthIndex: Int {
        switch self {
        case let .month(y, m): return y * 12 + m - 1
        case let .quarter(y, q): return y * 12 + 3 + (q - 1) * 3
        case let .financialYear(y): return y * 12 + 3
        }
    }

    /// Months since year 0 of the last month of the period.
    public var endMonthIndex: Int {
        switch self {
        case .month: return startMonthIndex
        case .quarter: return startMonthIndex + 2
        case .financialYear: return startMonthIndex + 11
        }
    }

    /// The quarter whose three months contain `monthIndex`.
    public static func quarter(containingMonthIndex index: Int) -> Period {
        let year = index / 12
        let month = index % 12 + 1
        let startYear = month >= 4 ? year : year - 1
        let q = ((month - 4 + 12) % 12) / 3 + 1
        return .quarter(startYear: startYear, quarter: q)
    }

    /// The same period one year earlier.
    public var yearEarlier: Period {
        switch self {
        case let .month(y, m): return .month(year: y - 1, month: m)
        case let .quarter(y, q): return .quarter(startYear: y - 1, quarter: q)
        case let .financialYear(y): return .financialYear(startYear: y - 1)
        }
    }

    /// The next period of the same kind.
    public var next: Period { shifted(by: 1) }
    /// The previous period of the same kind.
    public var previous: Period { shifted(by: -1) }

    public func shifted(by steps: Int) -> Period {
        switch self {
        case let .month(y, m):
            let i = y * 12 + m - 1 + steps
            return .month(year: Int((Double(i) / 12).rounded(.down)), month: ((i % 12) + 12) % 12 + 1)
        case let .quarter(y, q):
            let i = y * 4 + q - 1 + steps
            return .quarter(startYear: Int((Double(i) / 4).rounded(.down)), quarter: ((i % 4) + 4) % 4 + 1)
        case let .financialYear(y):
            return .financialYear(startYear: y + steps)
        }
    }

    /// The financial year this period falls in (by its last month).
    public var financialYearStart: Int {
        if case let .financialYear(y) = self { return y }
        let end = endMonthIndex
        let month = end % 12 + 1
        return month >= 4 ? end / 12 : end / 12 - 1
    }

    /// Canonical form: `2021-09`, `2021/22 Q2`, `2021/22`.
    public var canonical: String {
        switch self {
        case let .month(y, m): return "\(Period.fourDigits(y))-\(m < 10 ? "0" : "")\(m)"
        case let .quarter(y, q): return "\(Period.fyLabel(y)) Q\(q)"
        case let .financialYear(y): return Period.fyLabel(y)
        }
    }

    /// Appends `canonical` as UTF-8, straight from the digits for years 1000 to 9998.
    public func appendCanonical(to bytes: inout [UInt8]) {
        // The last two digits of `v` (0 to 99), by constant divisors.
        func two(_ v: Int) {
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + v / 10))
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + v % 10))
        }
        switch self {
        case let .month(y, m) where (1000...9999).contains(y):
            two(y / 100); two(y % 100); bytes.append(0x2D); two(m)
        case let .quarter(y, q) where (1000...9998).contains(y):
            two(y / 100); two(y % 100); bytes.append(0x2F); two((y + 1) % 100)
            bytes.append(0x20); bytes.append(0x51); bytes.append(UInt8(truncatingIfNeeded: 0x30 + q))
        case let .financialYear(y) where (1000...9998).contains(y):
            two(y / 100); two(y % 100); bytes.append(0x2F); two((y + 1) % 100)
        default:
            bytes.append(contentsOf: canonical.utf8)
        }
    }

    /// Short display form: `Sep 21`, `Q2 21/22`, `21/22`.
    public var short: String {
        switch self {
        case let .month(y, m): return "\(Period.monthNames[m - 1]) \(Period.twoDigits(y))"
        case let .quarter(y, q): return "Q\(q) \(Period.twoDigits(y))/\(Period.twoDigits(y + 1))"
        case let .financialYear(y): return "\(Period.twoDigits(y))/\(Period.twoDigits(y + 1))"
        }
    }

    /// Long display form: `September 2021`, `Q2 2021/22 (Jul-Sep 2021)`, `2021/22`.
    public var long: String {
        switch self {
        case let .month(y, m): return "\(Period.fullMonthNames[m - 1]) \(y)"
        case let .quarter(y, q):
            let s = startMonthIndex, e = endMonthIndex
            return "Q\(q) \(Period.fyLabel(y)) (\(Period.monthNames[s % 12])-\(Period.monthNames[e % 12]) \(e / 12))"
        case let .financialYear(y): return "\(Period.fyLabel(y)) (Apr \(y)-Mar \(y + 1))"
        }
    }

    /// The last day of the period as `30 Sep 2021`.
    public var endDateText: String {
        let e = endMonthIndex
        let y = e / 12, m = e % 12 + 1
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return "\(days[m - 1]) \(Period.monthNames[m - 1]) \(y)"
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let fullMonthNames = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]

    static func twoDigits(_ y: Int) -> String {
        let v = ((y % 100) + 100) % 100
        return v < 10 ? "0\(v)" : "\(v)"
    }

    static func fyLabel(_ y: Int) -> String { "\(fourDigits(y))/\(twoDigits(y + 1))" }

    /// A year as the data writes it, in four digits (`0221`, not `221`), so that every canonical spelling
    /// reads back as the same period (the parser takes four-digit years).
    static func fourDigits(_ y: Int) -> String {
        guard y >= 0, y < 1000 else { return "\(y)" }
        let s = "\(y)"
        return String(repeating: "0", count: 4 - s.count) + s
    }
}

extension Period: Comparable {
    public static func < (a: Period, b: Period) -> Bool {
        if a.endMonthIndex != b.endMonthIndex { return a.endMonthIndex < b.endMonthIndex }
        return a.startMonthIndex > b.startMonthIndex
    }
}

extension Period: CustomStringConvertible {
    public var description: String { canonical }
}

// MARK: - Parsing

extension Period {
    /// Parses `2021-09`, `2021/22 Q2`, `Q2 2021/22`, `2021-22 Q2` and `2021/22`.
    /// Surrounding white space is ignored; `q` may be lower case.
    public init?(_ text: some StringProtocol) {
        var bytes = Array(text.utf8)
        guard let parsed = bytes.withUnsafeMutableBufferPointer({ Period.parse(UnsafeBufferPointer($0)) }) else {
            return nil
        }
        self = parsed
    }

    /// The parser behind `init?(_:)`, working on raw bytes so the CSV loader need not make Strings.
    public static func parse(_ raw: UnsafeBufferPointer<UInt8>) -> Period? {
        var lo = 0, hi = raw.count
        while lo < hi, raw[lo] == 0x20 || raw[lo] == 0x09 { lo += 1 }
        while hi > lo, raw[hi - 1] == 0x20 || raw[hi - 1] == 0x09 { hi -= 1 }
        let n = hi - lo
        @inline(__always) func digit(_ i: Int) -> Int? {
            let c = raw[lo + i]
            return c >= 0x30 && c <= 0x39 ? Int(c - 0x30) : nil
        }
        @inline(__always) func number(_ from: Int, _ count: Int) -> Int? {
            var v = 0
            for i in from..<(from + count) {
                guard let d = digit(i) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        @inline(__always) func isQ(_ i: Int) -> Bool { raw[lo + i] == 0x51 || raw[lo + i] == 0x71 }
        // "YYYY/YY" or "YYYY-YY" starting at i: returns the start year.
        func financialYear(at i: Int) -> Int? {
            guard let y = number(i, 4), raw[lo + i + 4] == 0x2F || raw[lo + i + 4] == 0x2D,
                  let yy = number(i + 5, 2), yy == (y + 1) % 100 else { return nil }
            return y
        }
        switch n {
        case 7:
            // 2021-09 or 2021/22
            guard let y = number(0, 4) else { return nil }
            if raw[lo + 4] == 0x2D, let m = number(5, 2), (1...12).contains(m) {
                return .month(year: y, month: m)
            }
            if raw[lo + 4] == 0x2F, let fy = financialYear(at: 0) { return .financialYear(startYear: fy) }
            return nil
        case 10:
            // 2021/22 Q2, 2021-22 Q2, Q2 2021/22
            if raw[lo + 7] == 0x20, isQ(8), let q = digit(9), (1...4).contains(q), let fy = financialYear(at: 0) {
                return .quarter(startYear: fy, quarter: q)
            }
            if isQ(0), let q = digit(1), (1...4).contains(q), raw[lo + 2] == 0x20, raw[lo + 7] == 0x2F,
               let fy = financialYear(at: 3) {
                return .quarter(startYear: fy, quarter: q)
            }
            return nil
        default:
            return nil
        }
    }
}
