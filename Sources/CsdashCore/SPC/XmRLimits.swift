/// The centre line and process limits of an XmR (individuals and moving range) chart.
///
/// The mean of the values is the centre line; the mean of the moving ranges |x[i] - x[i-1]| times 2.66 gives
/// the process limits either side of it, and two thirds of that width the edge of the "outer third" close to
/// each limit. The arithmetic is done on the values divided by a power of two near the largest of them, which
/// is exact for ordinary numbers and keeps sums and differences of values near ±1e308 finite; a limit that
/// still does not fit in a Double is left out (nil) rather than made infinite.
public struct XmRLimits: Sendable, Equatable {
    public var mean: Double
    /// nil when the limit is beyond the range of a Double.
    public var lower: Double?
    public var upper: Double?
    /// The inner edges of the outer thirds, nil like the limits.
    public var nearLower: Double?
    public var nearUpper: Double?
    /// How many points the limits were worked out from.
    public var fittedCount: Int

    /// Process limits sit 2.66 mean moving ranges from the mean (3 sigma, with 1.128 the d2 constant for n = 2).
    public static let limitFactor = 2.66
    /// The outer third starts two thirds of the way to each limit.
    public static let nearFactor = 2.0 * (2.66 / 3.0)
    /// Moving ranges at or above 3.267 times their mean are dropped when screening.
    public static let screenFactor = 3.267

    /// Whether both limits (and so both outer thirds) are finite numbers.
    public var hasLimits: Bool { lower != nil && upper != nil && nearLower != nil && nearUpper != nil }

    /// Limits from `values` (finite, in time order, at least one). Moving ranges are between neighbours in
    /// `values`, so a period with no value is stepped over: the range spans the gap.
    public static func fit(_ values: ArraySlice<Double>, screen: Bool) -> XmRLimits {
        precondition(!values.isEmpty, "XmR limits need at least one value")
        var largest = 0.0
        for v in values { largest = max(largest, abs(v)) }
        // A power of two: dividing by it and multiplying back are exact.
        // At least the smallest normal power of two, so that its inverse is finite too.
        let scale = largest > 0 && largest.isFinite ? max(Double(sign: .plus, exponent: largest.exponent, significand: 1), 0x1p-1022) : 1
        // Multiplying by the inverse of a power of two gives exactly the quotient, and is quicker.
        let inverse = 1 / scale
        var sum = 0.0
        for v in values { sum += v * inverse }
        let meanScaled = sum / Double(values.count)
        let amrScaled = averageMovingRange(values, inverse: inverse, screen: screen)
        func scaled(_ x: Double) -> Double? {
            let v = x * scale
            return v.isFinite ? v : nil
        }
        return XmRLimits(
            mean: meanScaled * scale,
            lower: scaled(meanScaled - limitFactor * amrScaled),
            upper: scaled(meanScaled + limitFactor * amrScaled),
            nearLower: scaled(meanScaled - nearFactor * amrScaled),
            nearUpper: scaled(meanScaled + nearFactor * amrScaled),
            fittedCount: values.count)
    }

    /// The mean moving range of the scaled values (0 for a single value). Screening drops the ranges at or
    /// above 3.267 times the mean and averages the rest; when every range is zero there is nothing to drop.
    static func averageMovingRange(_ values: ArraySlice<Double>, inverse: Double, screen: Bool) -> Double {
        guard values.count > 1 else { return 0 }
        var total = 0.0
        var previous = values[values.startIndex] * inverse
        for v in values.dropFirst() {
            let x = v * inverse
            total += abs(x - previous)
            previous = x
        }
        let count = Double(values.count - 1)
        let mean = total / count
        guard screen, mean > 0 else { return mean }
        var kept = 0.0, keptCount = 0.0
        previous = values[values.startIndex] * inverse
        for v in values.dropFirst() {
            let x = v * inverse
            let range = abs(x - previous)
            if range < screenFactor * mean {
                kept += range
                keptCount += 1
            }
            previous = x
        }
        return keptCount > 0 ? kept / keptCount : mean
    }
}
