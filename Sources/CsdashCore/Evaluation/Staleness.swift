import Foundation

/// Whether the data on a wall is out of date: the newest data file is older than a number of days, or the
/// latest quarter with data is more than one quarter behind today.
public struct Staleness: Sendable, Equatable {
    /// Whole days since the newest data file was saved, when that is more than the limit.
    public var fileAgeDays: Int?
    /// Quarters between the latest quarter with data and the quarter holding today, when more than one.
    public var quartersBehind: Int?

    public var isStale: Bool { fileAgeDays != nil || quartersBehind != nil }

    public static func check(now: Date, newestFile: Date?, latestQuarter: Period?, staleAfterDays: Double,
                             calendar: Calendar) -> Staleness {
        var s = Staleness()
        if let f = newestFile {
            let days = now.timeIntervalSince(f) / 86_400
            if days > staleAfterDays { s.fileAgeDays = Int(days) }
        }
        if let q = latestQuarter {
            let c = calendar.dateComponents([.year, .month], from: now)
            let today = Period.quarter(containingMonthIndex: (c.year ?? 0) * 12 + (c.month ?? 1) - 1)
            let behind = (today.startMonthIndex - q.startMonthIndex) / 3
            if behind > 1 { s.quartersBehind = behind }
        }
        return s
    }
}
