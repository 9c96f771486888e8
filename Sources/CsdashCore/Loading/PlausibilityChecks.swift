/// Warnings for values that are probably typed wrong: a percentage outside 0-100, or a value far outside the
/// indicator's own history (most often a percentage typed as a proportion, 0.73 for 73%, as some exports
/// write it). Warnings only: real outliers exist, and the value is still shown and judged.
///
/// "Far outside" is measured robustly, from the series itself, so that one bad value cannot hide itself
/// by moving the yardstick: with m the median of the indicator's values and MAD the median of their
/// distances from m, a value is far outside when
///
///     |value - m| > 6 * max(1.4826 * MAD, 0.1 * |m|, 10^-decimals)
///
/// (1.4826 * MAD estimates the standard deviation of normal data; the floors keep a flat series, whose MAD
/// is 0, from flagging every small move). A series with fewer than 8 values is not judged this way.
/// See docs/data-format.md.
public enum PlausibilityChecks {
    /// Values needed before a series' own spread is trusted.
    public static let minimumValues = 8
    /// How many robust standard deviations from the median count as far outside.
    public static let limit = 6.0
    /// At most this many warnings per indicator; the rest are counted in the last one.
    public static let warningsPerIndicator = 3

    /// One implausible value: its row in the history and what is wrong with it.
    public struct Finding: Sendable, Equatable {
        public var row: Int
        public var message: String
    }

    static func run(_ dataset: Dataset, log: DiagnosticLog) {
        // The indicators are checked 64 at a time on all cores, then reported in order.
        let inds = dataset.indicators, batch = 64
        let batches = Parallel.map((inds.count + batch - 1) / batch) { b in
            var scratch: [Double] = []
            return inds[b * batch..<min(inds.count, (b + 1) * batch)].map { findings($0, scratch: &scratch) }
        }
        for (ind, found) in zip(inds, batches.joined()) {
            guard !found.isEmpty else { continue }
            let shown = found.prefix(warningsPerIndicator)
            for (k, f) in shown.enumerated() {
                var message = f.message
                if k == shown.count - 1, found.count > shown.count {
                    message += " (and \(found.count - shown.count) more of its values like it)"
                }
                var at = ind.history.source(at: f.row)
                at.column = "value"
                log.about(.indicator(ind.id)) { log.warning(at, message) }
            }
        }
    }

    /// The implausible values of one indicator, in row order. One pass copies the values, a selection finds
    /// the median, one pass the distances from it; only a series with a value that may be far outside needs
    /// a second selection (the MAD) and the pass that compares: linear in the series' length.
    public static func findings(_ ind: Indicator) -> [Finding] {
        var scratch: [Double] = []
        return findings(ind, scratch: &scratch)
    }

    static func findings(_ ind: Indicator, scratch: inout [Double]) -> [Finding] {
        let values = ind.history.rawValues
        let percent = ind.unit == .percent
        scratch.removeAll(keepingCapacity: true)
        for v in values where !v.isNaN { scratch.append(v) }
        var band: (median: Double, reach: Double)?
        if scratch.count >= minimumValues {
            let m = median(&scratch)
            var farthest = 0.0
            for i in scratch.indices {
                scratch[i] = abs(scratch[i] - m)
                farthest = max(farthest, scratch[i])
            }
            if farthest > limit * floor(m, ind.decimals), madMayBeBelow(farthest / (limit * 1.4826), scratch) {
                let mad = median(&scratch)
                band = (m, limit * max(1.4826 * mad, floor(m, ind.decimals)))
            }
            // Otherwise no value is farther from the median than the rule allows: nothing to compare.
        }
        guard percent || band != nil else { return [] }
        var out: [Finding] = []
        var name: String { "'\(ind.short)' (\(ind.id))" }
        // The comparisons alone in the loop (a NaN compares false): words only for the values found.
        for (i, v) in values.enumerated() {
            if percent, v < 0 || v > 100 {
                out.append(Finding(row: i, message: "\(name): \(ValueFormat.plain(v))% is outside 0-100 for a percentage"))
            } else if let band, abs(v - band.median) > band.reach {
                let shown = ValueFormat.plain(v)
                var message = "\(name): \(shown) is far outside its own history (median \(ValueFormat.plain(band.median)))"
                if percent, abs(v * 100 - band.median) <= band.reach {
                    message += ": a proportion typed for a percentage? \(shown) would be \(ValueFormat.plain(ValueFormat.derived(v * 100)))%"
                }
                out.append(Finding(row: i, message: message))
            }
        }
        return out
    }

    /// The least spread the rule allows: a tenth of the median, or one step of the indicator's decimals.
    static func floor(_ median: Double, _ decimals: Int) -> Double { max(0.1 * abs(median), pow10(-decimals)) }

    /// Whether the median of the distances `d` may be below `c`. It cannot when at most (n - 1) / 2 of them
    /// are: both middle distances are then at least `c`. A value is far outside only when its distance exceeds
    /// 6 x 1.4826 x MAD, so with `c` the farthest distance over that, a MAD of at least `c` clears the whole
    /// series; this count (one pass) spares the second selection for most series.
    static func madMayBeBelow(_ c: Double, _ d: [Double]) -> Bool {
        var below = 0
        for x in d where x < c { below += 1 }
        return below > (d.count - 1) / 2
    }

    /// The median of `xs` (the mean of the middle two for an even count), found by selection; `xs` is
    /// reordered.
    static func median(_ xs: inout [Double]) -> Double {
        let n = xs.count
        let upper = select(&xs, n / 2)
        guard n % 2 == 0 else { return upper }
        // After selecting index n/2 every element before it is no greater: the lower middle is their maximum.
        var lower = xs[0]
        for i in 1..<(n / 2) where xs[i] > lower { lower = xs[i] }
        return (lower + upper) / 2
    }

    /// The element that would stand at index `k` were `xs` sorted (Hoare's selection with the middle element
    /// as pivot); `xs` is partitioned around it.
    static func select(_ xs: inout [Double], _ k: Int) -> Double {
        var lo = 0, hi = xs.count - 1
        while lo < hi {
            let pivot = xs[(lo + hi) / 2]
            var i = lo, j = hi
            while i <= j {
                while xs[i] < pivot { i += 1 }
                while xs[j] > pivot { j -= 1 }
                if i <= j {
                    xs.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { hi = j } else if k >= i { lo = i } else { return xs[k] }
        }
        return xs[k]
    }

    static func pow10(_ e: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(e) { r *= 10 }
        return e < 0 ? 1 / r : r
    }
}
