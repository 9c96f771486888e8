import Foundation

/// Rounding and comparison as the user sees numbers.
public enum Rounding {
    /// Rounds half away from zero to `decimals` places, treating a value within a hair of .5
    /// (e.g. 2.675, stored as 2.67499999...) as the .5 that was written.
    public static func round(_ value: Double, decimals: Int) -> Double {
        // Beyond 2^52 a double has no fractional digits to round, and scaling 1e308 up would overflow to inf.
        guard value.isFinite, abs(value) < 4e15 else { return value }
        let p = decimals >= 0 && decimals < PowersOfTen.values.count ? PowersOfTen.values[decimals] : pow(10, Double(decimals))
        let x = value * p
        let fl = x.rounded(.down)
        let frac = x - fl
        // The written decimal's representation error is relative to its size, but never near half a unit:
        // capped, so a whole 5e8 or 1e15 (frac 0, half a unit from .5) is never taken for a .5 and bumped.
        let eps = min(1e-3, 1e-9 * max(1, abs(x)))
        let r: Double
        if abs(frac - 0.5) <= eps {
            r = x >= 0 ? fl + 1 : fl
        } else {
            r = x.rounded(.toNearestOrAwayFromZero)
        }
        return r / p
    }

    /// `a >= b`, forgiving the last bits of floating-point error (e.g. 22.5 + 0.1).
    public static func atLeast(_ a: Double, _ b: Double) -> Bool {
        a >= b - 1e-9 * max(1, abs(b))
    }

    /// `a <= b`, forgiving the last bits of floating-point error.
    public static func atMost(_ a: Double, _ b: Double) -> Bool {
        a <= b + 1e-9 * max(1, abs(b))
    }

    /// Equal once both are rounded to `decimals`.
    public static func same(_ a: Double, _ b: Double, decimals: Int) -> Bool {
        abs(round(a, decimals: decimals) - round(b, decimals: decimals)) <= 0.5 * pow(10, -Double(decimals) - 3)
    }
}
