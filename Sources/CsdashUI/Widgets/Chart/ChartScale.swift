import CsdashCore
import Foundation

/// The value axis of a history chart as rows of equal value height, each row split into the four dot rows of a
/// braille cell. A row holds the values of one bin: `[low, low + step)` when higher is better (or there is no
/// polarity), `(low, low + step]` when lower is better, so a value that only meets the target shares the target's
/// row while a value on the wrong side of it falls in the next row. The step is chosen so that every target (and
/// where possible every tolerance edge) lies on a bin boundary: the target's row then holds no value that misses
/// it, and each label stands in the row of the value it names. Values far beyond a double's exponent range are
/// handled in units of a power of ten, so no difference overflows.
struct ChartScale: Equatable {
    /// Rows from top to bottom of the plot.
    let rows: Int
    /// The value height of one row and the value at the bottom edge of the lowest row, in `unit`s.
    let step: Double
    let bottom: Double
    let unit: Double
    /// The value (in `unit`s) the bins are counted from: zero, or a target when zero does not align it.
    let origin: Double
    /// Whether a value on a bin boundary belongs to the row below it (lower is better).
    let boundaryDown: Bool

    static let dotsPerRow = BrailleCanvas.dotsY

    /// A scale over `values` for a plot `rows` tall, aligning the `anchors` (targets first, then tolerance edges)
    /// to row boundaries when a step that fits allows. Nil when no value is finite.
    init?(_ values: [Double], targets: [Double], edges: [Double], rows wanted: Int, polarity: Polarity) {
        let finite = (values + targets + edges).filter(\.isFinite)
        guard let mn0 = finite.min(), let mx0 = finite.max() else { return nil }
        rows = max(1, wanted)
        boundaryDown = polarity == .lower
        let biggest = max(abs(mn0), abs(mx0))
        unit = biggest > 1e100 ? pow(10, log10(biggest).rounded(.down)) : 1
        let u = unit
        let mn = mn0 / u, mx = mx0 / u
        let ts = targets.filter(\.isFinite).map { $0 / u }, es = edges.filter(\.isFinite).map { $0 / u }
        var span = mx - mn
        if span <= max(abs(mn), abs(mx)) * 1e-9 { span = mn == 0 ? 1 : abs(mn) * 0.1 }
        let raw = span / Double(rows)
        let candidates = Self.steps(from: raw, anchors: ts)
        let down = boundaryDown, rowCount = rows
        // Bins a step needs from `origin`, or nil when it does not fit.
        func fit(_ s: Double, origin: Double) -> (low: Int, count: Int)? {
            let lo = Self.bin(mn, s, origin, down), hi = Self.bin(mx, s, origin, down)
            return hi - lo + 1 <= rowCount ? (lo, hi - lo + 1) : nil
        }
        let tries: [(anchors: [Double], fromZero: Bool)] = [(ts + es, true), (ts + es, false), (ts, true), (ts, false), ([], true)]
        var chosen: (s: Double, origin: Double, low: Int, count: Int)?
        let finest = candidates.first { fit($0, origin: ts.last ?? 0) != nil } ?? candidates.last!
        search: for t in tries {
            // A step that aligns the anchors but is much coarser than needed loses more than it gains.
            for s in candidates where s <= finest * 2.5 + 1e-12 {
                let origin = t.fromZero ? 0 : (t.anchors.first ?? 0)
                guard t.anchors.allSatisfy({ Self.isMultiple($0 - origin, of: s) }), let f = fit(s, origin: origin) else { continue }
                chosen = (s, origin, f.low, f.count)
                break search
            }
        }
        let c = chosen ?? { () -> (Double, Double, Int, Int) in
            let origin = ts.last ?? 0
            let f = fit(finest, origin: origin) ?? (Self.bin(mn, finest, origin, down), rowCount)
            return (finest, origin, f.low, f.count)
        }()
        step = c.s
        origin = c.origin
        // Spare rows split above and below, never taking a scale of non-negative values below zero.
        var low = c.low - (rows - c.count) / 2
        if mn >= 0 { while low < c.low, c.origin + Double(low) * c.s < -1e-9 * c.s { low += 1 } }
        bottom = c.origin + Double(low) * c.s
    }

    /// Candidate row heights, finest first: 1, 2, 2.5 and 5 times powers of ten from below `raw`, and divisors and
    /// multiples of the smallest gap between anchors (targets 88 and 91 align on steps of 3, 1.5, 1, 0.75 ...).
    static func steps(from raw: Double, anchors: [Double]) -> [Double] {
        let magnitude = pow(10, log10(raw).rounded(.down) - 1)
        var out: [Double] = []
        for k in 0..<6 { for m in [1.0, 2, 2.5, 5] { out.append(m * magnitude * pow(10, Double(k))) } }
        let gaps = zip(anchors.sorted(), anchors.sorted().dropFirst()).map { $1 - $0 }.filter { $0 > raw * 1e-6 }
        // Only steps of two significant digits or fewer, so the labels counted in them read plainly (0.75, not 0.667).
        if let d = gaps.min() {
            for n in 1...20 { out += [d / Double(n), d * Double(n)].filter { isMultiple($0, of: pow(10, log10($0).rounded(.down) - 1)) } }
        }
        return out.filter { $0.isFinite && $0 > 0 && $0 >= raw * 0.999 }.sorted()
    }

    /// 1, 2, 2.5, 4 or 5 times a power of ten.
    static func isNice(_ s: Double) -> Bool {
        guard s > 0, s.isFinite else { return false }
        let m = s / pow(10, log10(s).rounded(.down))
        return [1, 2, 2.5, 4, 5, 10].contains { abs(m - $0) < 1e-6 }
    }

    static func isMultiple(_ x: Double, of s: Double) -> Bool {
        let q = x / s
        return abs(q - q.rounded()) < 1e-6
    }

    /// The bin a value falls in, counted from `origin` in steps of `s`.
    static func bin(_ v: Double, _ s: Double, _ origin: Double, _ down: Bool) -> Int {
        let q = min(1e9, max(-1e9, (v - origin) / s))
        let r = q.rounded()
        let exact = abs(q - r) < 1e-6
        if down { return exact ? Int(r) - 1 : Int(q.rounded(.up)) - 1 }
        return exact ? Int(r) : Int(q.rounded(.down))
    }

    var dotRows: Int { rows * Self.dotsPerRow }

    /// The dot row (0 at the top) of a value, clamped to the plot; its sub-row inside the row keeps a rise smaller
    /// than a row visible.
    func dotY(_ v: Double) -> Int {
        guard v.isFinite else { return dotRows / 2 }
        let q = min(Double(dotRows + 1), max(-1, (v / unit - bottom) / step * Double(Self.dotsPerRow)))
        let r = q.rounded()
        let exact = abs(q - r) < 1e-6
        let fromBottom = boundaryDown ? (exact ? Int(r) - 1 : Int(q.rounded(.up)) - 1) : (exact ? Int(r) : Int(q.rounded(.down)))
        return dotRows - 1 - min(dotRows - 1, max(0, fromBottom))
    }

    /// The row (0 at the top) a value is drawn in.
    func row(_ v: Double) -> Int { dotY(v) / Self.dotsPerRow }

    /// The value at the boundary between bins `k` rows above the bottom edge.
    func boundary(_ k: Int) -> Double { (bottom + Double(k) * step) * unit }

    /// Labelled values: row boundaries every few rows counted from the origin (round values when it is zero, else
    /// the target and steps from it), as many as fit in `wanted` besides the rows of `taken` (the targets, labelled
    /// apart), each inside the plot.
    func ticks(wanted: Int, taken: [Double] = []) -> [Double] {
        let takenRows = Set(taken.map(row))
        // The top boundary belongs to no row when values on it go up (the bottom one when they go down).
        let ks = boundaryDown ? 1...rows : 0...(rows - 1)
        func every(_ n: Int) -> [Double] {
            ks.filter { Self.isMultiple(bottom + Double($0) * step - origin, of: step * Double(n)) }.map(boundary)
        }
        // Counted from zero, only round values; counted from a target, any number of rows from it.
        let spacings = (1...max(1, rows)).filter { origin != 0 || Self.isNice(step * Double($0)) }
        // The sparsest spacing within `wanted`, unless it leaves fewer than two labels beside the targets.
        var denser: [Double]?
        for n in spacings {
            let t = every(n), free = t.filter { !takenRows.contains(row($0)) }.count
            if free <= max(2, wanted) { return free < 2 ? denser ?? t : t }
            denser = t
        }
        return denser ?? every(rows)
    }

    /// Decimals that show every label of this scale exactly.
    func decimals(for v: Double) -> Int {
        guard unit == 1, v.isFinite else { return 0 }
        var d = 0, s = abs(v)
        while d < 4, abs(s - s.rounded()) > 1e-6 * max(1, s) { s *= 10; d += 1 }
        return d
    }
}
