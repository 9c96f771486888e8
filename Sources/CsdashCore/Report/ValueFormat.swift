import Foundation

/// How values are written for people: `81.2%`, `4,335`, `26.6 per 1,000`, `12 days`.
public enum ValueFormat {
    public enum Style: Sendable { case full, compact, bare }

    /// The number alone, rounded to `decimals`, with thousands separators.
    public static func number(_ v: Double, decimals: Int) -> String {
        if v.isNaN { return "n/a" }
        if v.isInfinite { return v > 0 ? "∞" : "-∞" }  // a difference of two huge values can overflow
        let r = Rounding.round(v, decimals: decimals)
        // From a quadrillion on, digits with separators would fill a column with noise: 1.23e+17.
        if abs(r) >= 1e15 { return String(format: "%.2e", r) }
        let text = String(format: "%.\(decimals)f", abs(r))
        let parts = text.split(separator: ".", maxSplits: 1)
        var intPart = String(parts[0])
        var grouped = ""
        while intPart.count > 3 {
            grouped = "," + intPart.suffix(3) + grouped
            intPart = String(intPart.dropLast(3))
        }
        grouped = intPart + grouped
        let sign = r < 0 && r != 0 ? "-" : ""
        return sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// The value with its unit: full `26.6 per 1,000 children`, compact `26.6 per 1,000`, bare `26.6`.
    public static func value(_ v: Double?, _ ind: Indicator, style: Style = .compact) -> String {
        guard let v else { return "n/a" }
        let n = number(v, decimals: ind.decimals)
        switch (ind.unit, style) {
        case (_, .bare): return ind.unit == .percent ? n + "%" : n
        case (.percent, _): return n + "%"
        case (.count, _), (.number, _): return n
        case (.days, .full): return n + (n == "1" ? " day" : " days")
        case (.days, _): return n + "d"
        case (.rate, .full): return ind.per.map { "\(n) per \($0)" } ?? n
        case (.rate, _): return ind.per.map { "\(n) per \(perNumber($0))" } ?? n
        }
    }

    /// A signed change with the unit: `+3.4pp` for percentages, `-12` for counts.
    public static func change(_ v: Double?, _ ind: Indicator) -> String {
        guard let v else { return "n/a" }
        let n = number(abs(v), decimals: ind.decimals)
        let sign = Rounding.round(v, decimals: ind.decimals) > 0 ? "+" : Rounding.round(v, decimals: ind.decimals) < 0 ? "-" : "±"
        return sign + n + (ind.unit == .percent ? "pp" : "")
    }

    /// `1,000 children` -> `1,000`.
    static func perNumber(_ per: String) -> String {
        String(per.split(separator: " ").first ?? Substring(per))
    }

    /// A number for machine formats: integral values without a fraction, others in shortest form.
    public static func plain(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
