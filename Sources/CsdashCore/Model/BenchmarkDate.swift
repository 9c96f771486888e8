/// When a benchmark series' figures are for, as the DfE dates them. Most are for the year to 31 March (the
/// reporting year filed as the financial year); some are a census as at a day of the reporting year (the
/// social work workforce at 30 September), set with `as_at:` on the series in indicators.yaml.
public struct BenchmarkDate: Sendable, Equatable {
    public var day: Int
    public var month: Int

    public static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                "September", "October", "November", "December"]
    private static let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    public init?(day: Int, month: Int) {
        guard (1...12).contains(month), (1...Self.days[month - 1]).contains(day) else { return nil }
        self.day = day
        self.month = month
    }

    /// `30 September` or `30 Sep` (any case); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let day = Int(parts[0]) else { return nil }
        let name = parts[1].lowercased()
        guard let m = Self.months.firstIndex(where: { $0.lowercased() == name || $0.prefix(3).lowercased() == name })
        else { return nil }
        self.init(day: day, month: m + 1)
    }

    public var text: String { "\(day) \(Self.months[month - 1])" }
}

extension Indicator {
    /// The DfE's own year of a benchmark figure filed under `year` (a financial year): `year to 31 March 2021`,
    /// or for a census series `census at 30 September 2021` (the DfE's reporting year 2021).
    public func benchmarkYear(_ year: Period) -> String {
        let reporting = year.financialYearStart + 1
        guard let d = benchmarkDate else { return "year to 31 March \(reporting)" }
        return "census at \(d.text) \(reporting)"
    }

    /// For a table's year column: `20/21`, or `Sep 21` for a census series.
    public func benchmarkYearColumn(_ year: Period) -> String {
        guard let d = benchmarkDate else { return year.short }
        return "\(BenchmarkDate.months[d.month - 1].prefix(3)) \(Period.twoDigits(year.financialYearStart + 1))"
    }

    /// As short as a comparator's source note allows: `2020/21`, or `30 Sep 2021` for a census series.
    public func benchmarkYearShort(_ year: Period) -> String {
        guard let d = benchmarkDate else { return year.canonical }
        return "\(d.day) \(BenchmarkDate.months[d.month - 1].prefix(3)) \(year.financialYearStart + 1)"
    }
}
