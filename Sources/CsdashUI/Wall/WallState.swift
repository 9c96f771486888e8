import CsdashCore
import Foundation

/// Settings from the command line and the `wall:` section.
public struct WallOptions: Sendable {
    /// Seconds per page when the page sets none.
    public var dwell: Double
    /// Days after which the newest data file is stale.
    public var staleAfterDays: Double
    /// Every key is ignored (only a signal ends the wall).
    public var noKeys: Bool
    /// A fixed quarter to show (`--period`); nil follows the data's opening quarter (`opens_at`, else the
    /// latest with data), across reloads too.
    public var period: Period?
    /// The clock's time zone.
    public var timeZone: TimeZone
    /// `--dwell` / `--stale-after` given on the command line: they beat the data's `wall:` section (and a
    /// `--dwell` every page's own dwell), so an operator's explicit choice always shows.
    public var dwellOverride: Double?
    public var staleAfterOverride: Double?

    public init(dwell: Double = 15, staleAfterDays: Double = 100, noKeys: Bool = false, period: Period? = nil,
                timeZone: TimeZone = .current) {
        self.dwell = dwell
        self.staleAfterDays = staleAfterDays
        self.noKeys = noKeys
        self.period = period
        self.timeZone = timeZone
    }
}

/// The whole state of the wall. It changes only through `update(_:_:now:)`.
public struct WallState: Sendable {
    public static let quitWindow: TimeInterval = 2
    /// At most this many reload problems are kept (the banner names the first; `csdash check` lists all).
    public static let problemLimit = 50

    public private(set) var dataset: Dataset
    public private(set) var card: Scorecard
    public var options: WallOptions
    public var width: Int
    public var height: Int
    /// Position in `pages`.
    public var pageIndex = 0
    public var pageStarted: Date
    public var now: Date
    /// The first `q` was pressed; a second one before this time quits.
    public var quitArmedUntil: Date?
    public var quit = false
    /// Why the last reload failed (the last good data stays on screen); empty when it loaded.
    public var problems: [Diagnostic] = []
    /// The errors of the data the wall started with (partial data: what loaded cleanly is shown, the
    /// indicators whose data failed are marked); cleared by the first clean reload.
    public var startProblems: [Diagnostic] = []
    /// Waits for changed files to go quiet before asking for a reload.
    public var debounce = ReloadDebounce()
    /// When the newest data file was saved (for the stale warning).
    public var newestFile: Date?
    /// How many reloads succeeded (shown nowhere; tests and the e2e check it moves).
    public var reloads = 0

    public init(dataset: Dataset, newestFile: Date?, options: WallOptions, now: Date, width: Int = 80, height: Int = 24) {
        self.dataset = dataset
        self.options = options
        card = Scorecard(dataset: dataset, asAt: WallState.quarter(dataset, options))
        self.newestFile = newestFile
        self.now = now
        pageStarted = now
        self.width = width
        self.height = height
    }

    static func quarter(_ d: Dataset, _ o: WallOptions) -> Period {
        o.period ?? d.openingQuarter ?? Period.quarter(containingMonthIndex: 0)
    }

    public var asAt: Period { card.asAt }

    /// Seconds per page: the `wall:` section's default, else the command line's.
    public var defaultDwell: Double { options.dwellOverride ?? dataset.wall?.dwell ?? options.dwell }

    /// The pages at this size (a panel with more tiles than fit becomes several pages).
    public var pages: [WallPage] { WallPage.expand(self) }

    public var page: WallPage? {
        let p = pages
        return p.isEmpty ? nil : p[min(pageIndex, p.count - 1)]
    }

    public var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = options.timeZone
        return c
    }

    public var staleness: Staleness {
        Staleness.check(now: now, newestFile: newestFile, latestQuarter: dataset.latestQuarter,
                        staleAfterDays: options.staleAfterOverride ?? dataset.wall?.staleAfterDays ?? options.staleAfterDays,
                        calendar: calendar)
    }

    /// The indicators with a target and no value for the quarter shown (the "no data" banner names them).
    public var noData: [IndicatorEvaluation] { card.indicators.filter { $0.status == .noData } }

    /// "press q again to quit" is showing.
    public var quitHint: Bool { quitArmedUntil.map { now < $0 } ?? false }

    /// The next moment the wall must wake without any input: the page timer, the clock's next minute,
    /// the end of the quit hint, or a reload that is due. The loop sleeps until then.
    public var nextWake: Date {
        var t = pageStarted.addingTimeInterval(page?.dwell ?? defaultDwell)
        let minute = (now.timeIntervalSinceReferenceDate / 60).rounded(.down) * 60 + 60
        t = min(t, Date(timeIntervalSinceReferenceDate: minute))
        if let q = quitArmedUntil, q > now { t = min(t, q) }
        if let r = debounce.due { t = min(t, r) }
        return max(t, now)
    }

    /// Puts new data on the wall, keeping the page on screen when it still exists.
    mutating func replace(_ d: Dataset, newestFile: Date?) {
        let current = page
        dataset = d
        card = Scorecard(dataset: d, asAt: WallState.quarter(d, options))
        self.newestFile = newestFile
        let p = pages
        if let current, let i = p.firstIndex(where: { $0.kind == current.kind && $0.part == current.part }) {
            pageIndex = i
        } else {
            pageIndex = p.isEmpty ? 0 : min(pageIndex, p.count - 1)
        }
    }

    /// A measure of everything the state holds that could grow (collections and their contents): the
    /// long-running test checks it stays flat over thousands of page changes and reloads.
    public var footprint: Int {
        dataset.indicators.reduce(0) { $0 + 1 + $1.history.count + $1.targets.count + $1.commentary.count }
            + dataset.risks.reduce(0) { $0 + 1 + $1.history.count } + dataset.panels.count
            + card.indicators.count + card.risks.count + problems.count + (dataset.wall?.pages.count ?? 0)
    }
}
