import Foundation

/// A value axis: the range of the data widened to round tick values (1, 2, 2.5 or 5 times a power of
/// ten), and where any value falls on it. Safe for any finite data: ±1e308 (whose difference overflows),
/// a constant series, a single value. Non-finite values are ignored.
public struct Scale: Sendable, Equatable {
    /// The ends of the axis, as the data's units.
    public let low: Double
    public let high: Double
    /// The distance between ticks, and the ticks from low to high.
    public let step: Double
    public let ticks: [Double]
    /// Values are compared after dividing by `unit` (a power of ten), so differences never overflow.
    let unit: Double
    let scaledLow: Double, scaledHigh: Double

    /// A scale over `values` with about `ticks` tick marks (at least 2), widened to round ticks unless
    /// `tight` (a sparkline uses the data's own range). Nil when no value is finite.
    public init?(_ values: [Double], ticks wanted: Int, tight: Bool = false) {
        let finite = values.filter(\.isFinite)
        guard let mn = finite.min(), let mx = finite.max() else { return nil }
        let biggest = max(abs(mn), abs(mx))
        unit = biggest > 1e100 ? pow(10, (log10(biggest)).rounded(.down)) : 1
        var a = mn / unit, b = mx / unit
        if b - a <= max(abs(a), abs(b)) * 1e-9 {
            // A flat series: a band around it.
            let pad = a == 0 ? 1 : abs(a) * 0.05
            a -= pad
            b += pad
        }
        let raw = (b - a) / Double(max(1, wanted - 1))
        let magnitude = pow(10, log10(raw).rounded(.down))
        let norm = raw / magnitude
        let nice: Double = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10
        let s = nice * magnitude
        var lo = tight ? a : (a / s).rounded(.down) * s
        var hi = tight ? b : (b / s).rounded(.up) * s
        if hi <= lo { hi = lo + s }
        // Values that are never negative (rates, percentages) keep an axis that does not go below zero.
        if mn >= 0, lo < 0 { lo = 0 }
        scaledLow = lo
        scaledHigh = hi
        let count = min(50, Int(((hi - lo) / s).rounded()) + 1)
        var t: [Double] = []
        for i in 0..<max(2, count) {
            let v = (lo + Double(i) * s) * unit
            if v.isFinite, lo + Double(i) * s <= hi + s * 1e-9 { t.append(v) }
        }
        ticks = t
        step = s * unit
        low = lo * unit
        high = hi * unit
    }

    /// The scale `Scale([low, high], ticks: 2, tight: true)` gives (the same ends and positions), from the least
    /// and greatest finite value, with no array and no tick marks (`ticks` is empty): what a sparkline, drawn
    /// for every row on screen, needs. Nil when either is not finite.
    init?(tightFrom mn: Double, to mx: Double) {
        guard mn.isFinite, mx.isFinite, mn <= mx else { return nil }
        let biggest = max(abs(mn), abs(mx))
        let u = biggest > 1e100 ? pow(10, (log10(biggest)).rounded(.down)) : 1
        var a = mn / u, b = mx / u
        if b - a <= max(abs(a), abs(b)) * 1e-9 {
            let pad = a == 0 ? 1 : abs(a) * 0.05
            a -= pad
            b += pad
        }
        if b <= a {
            // As the general path: a step above the low end (only reachable for degenerate spans).
            guard let general = Scale([mn, mx], ticks: 2, tight: true) else { return nil }
            self = general
            return
        }
        if mn >= 0, a < 0 { a = 0 }
        unit = u
        scaledLow = a
        scaledHigh = b
        ticks = []
        step = (b - a) * unit
        low = a * unit
        high = b * unit
    }

    /// Where `v` falls: 0 at the low end, 1 at the high end (clamped); 0.5 for a non-finite value.
    public func fraction(_ v: Double) -> Double {
        guard v.isFinite else { return 0.5 }
        let f = (v / unit - scaledLow) / (scaledHigh - scaledLow)
        return f.isFinite ? min(1, max(0, f)) : 0.5
    }

    /// The position of `v` among `count` steps, 0 (low) to count - 1 (high).
    public func position(_ v: Double, of count: Int) -> Int {
        guard count > 1 else { return 0 }
        return Int((fraction(v) * Double(count - 1)).rounded())
    }

    /// Decimals that show every tick exactly (step 2.5 needs 1, step 0.25 needs 2).
    public var tickDecimals: Int {
        guard step.isFinite, step > 0, unit == 1 else { return 0 }
        var d = 0
        var s = step
        while d < 6, abs(s - s.rounded()) > 1e-9 * max(1, abs(s)) { s *= 10; d += 1 }
        return d
    }
}
