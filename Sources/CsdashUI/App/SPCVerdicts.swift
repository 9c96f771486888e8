import CsdashCore
import Foundation

/// Each indicator's SPC verdict as at the scorecard's quarter, worked out the first time a view, filter or sort
/// asks for it and kept until the scorecard changes: a frame asks only for the rows on screen, and a filter or
/// sort by SPC pays for every indicator once, not on every key.
final class SPCVerdicts: @unchecked Sendable {
    // Guarded by `lock`: the state is shared by the copies of an `AppState`, which may be read on any thread.
    private let lock = NSLock()
    private var verdicts: [SPCVerdict??]

    init(count: Int = 0) { verdicts = Array(repeating: nil, count: count) }

    /// The verdict of the evaluation at `position` in the scorecard (nil below 2 values).
    func verdict(_ position: Int, _ e: IndicatorEvaluation) -> SPCVerdict? {
        lock.lock()
        defer { lock.unlock() }
        guard verdicts.indices.contains(position) else { return SPCVerdict.of(e.indicator, upTo: e.currentIndex) }
        if let known = verdicts[position] { return known }
        let v = SPCVerdict.of(e.indicator, upTo: e.currentIndex)
        verdicts[position] = .some(v)
        return v
    }
}
