/// How an indicator's statistical process control (SPC) chart is worked out, from `spc:` in indicators.yaml.
/// The defaults are those of NHS England's Making Data Count tools: limits from every point, a run or trend
/// of 7, no screening of moving ranges.
public struct SPCOptions: Sendable, Equatable {
    /// Fix each process's limits on its first `baseline` points; later points are judged against them.
    /// nil: the limits come from every point of the process.
    public var baseline: Int?
    /// Periods from which a new process starts (after a known change, such as a new way of counting): each
    /// process gets its own mean and limits, and runs and trends do not cross from one to the next.
    public var recalculateFrom: [Period]
    /// How many points in a row on one side of the mean, or rising or falling, make a signal.
    public var runLength: Int
    /// Drop moving ranges above 3.267 times their mean before the limits are worked out.
    public var screenMovingRanges: Bool

    public static let defaultRunLength = 7
    /// The run lengths a board may choose; below 5 a run of chance alone is too common to mean anything.
    public static let runLengths = 5...12

    public init(baseline: Int? = nil, recalculateFrom: [Period] = [], runLength: Int = SPCOptions.defaultRunLength,
                screenMovingRanges: Bool = false) {
        self.baseline = baseline
        self.recalculateFrom = recalculateFrom
        self.runLength = runLength
        self.screenMovingRanges = screenMovingRanges
    }

    /// Whether limits may differ from point to point (a baseline or a recalculation is set).
    public var hasPhases: Bool { baseline != nil || !recalculateFrom.isEmpty }
}
