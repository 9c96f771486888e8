/// The four rules that mark a point as special cause, as Making Data Count applies them (and NHS-R's
/// NHSRplotthedots implements them), each over one process's points in time order.
public struct SPCRules: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Above the upper or below the lower process limit.
    public static let outsideLimits = SPCRules(rawValue: 1)
    /// One of `runLength` or more points in a row on the same side of the mean.
    public static let run = SPCRules(rawValue: 2)
    /// One of `runLength` or more points in a row each higher, or each lower, than the one before.
    public static let trend = SPCRules(rawValue: 4)
    /// In the outer third, in a window of 3 points in a row with at least 2 there, all 3 on one side of the mean.
    public static let twoOfThree = SPCRules(rawValue: 8)

    /// The rules each point of `values` breaks, judged against `limits`.
    static func apply(_ values: ArraySlice<Double>, limits: XmRLimits, runLength: Int) -> [SPCRules] {
        let n = values.count
        var rules = [SPCRules](repeating: [], count: n)
        let side = values.map { sideOfMean($0, limits.mean) }
        markRuns(side, length: runLength, into: &rules)
        markTrends(values, length: runLength, into: &rules)
        guard limits.hasLimits, let lower = limits.lower, let upper = limits.upper,
              let nearLower = limits.nearLower, let nearUpper = limits.nearUpper else { return rules }
        var close = [Bool](repeating: false, count: n)
        for (k, v) in values.enumerated() {
            // A value equal to a limit is inside it (and so in the outer third).
            if v > upper || v < lower {
                rules[k].insert(.outsideLimits)
            } else if v > nearUpper || v < nearLower {
                close[k] = true
            }
        }
        markTwoOfThree(close, side, into: &rules)
        return rules
    }

    /// +1 above the mean, -1 below, 0 exactly on it.
    static func sideOfMean(_ v: Double, _ mean: Double) -> Int8 { v > mean ? 1 : (v < mean ? -1 : 0) }

    /// Marks every point of each stretch of `length` or more points on one side (0, on the mean, breaks a stretch).
    static func markRuns(_ side: [Int8], length: Int, into rules: inout [SPCRules]) {
        var start = 0
        for k in 0...side.count {
            if k < side.count, side[k] != 0, side[k] == side[start] { continue }
            if side.indices.contains(start), side[start] != 0, k - start >= length {
                for j in start..<k { rules[j].insert(.run) }
            }
            start = k
        }
    }

    /// Marks every point of each stretch of `length` or more points each strictly higher (or each strictly
    /// lower) than the one before; an equal value breaks the stretch.
    static func markTrends(_ values: ArraySlice<Double>, length: Int, into rules: inout [SPCRules]) {
        let v = Array(values)
        guard v.count >= 2 else { return }
        var start = 0, direction = 0
        for k in 1...v.count {
            let step = k < v.count ? (v[k] > v[k - 1] ? 1 : (v[k] < v[k - 1] ? -1 : 0)) : 0
            if step != 0, step == direction { continue }
            // The stretch of points start..<k ended.
            if direction != 0, k - start >= length {
                for j in start..<k { rules[j].insert(.trend) }
            }
            start = k - 1
            direction = step
        }
    }

    /// For each window of 3 points in a row with at least 2 in an outer third and all 3 on one side of the
    /// mean, marks the window's points that are in the outer third.
    static func markTwoOfThree(_ close: [Bool], _ side: [Int8], into rules: inout [SPCRules]) {
        guard close.count >= 3 else { return }
        for w in 0...(close.count - 3) {
            let inThird = (close[w] ? 1 : 0) + (close[w + 1] ? 1 : 0) + (close[w + 2] ? 1 : 0)
            let sameSide = side[w] != 0 && side[w] == side[w + 1] && side[w] == side[w + 2]
            guard inThird >= 2, sameSide else { continue }
            for j in w...(w + 2) where close[j] { rules[j].insert(.twoOfThree) }
        }
    }
}
