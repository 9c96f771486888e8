import CsdashCore

/// Phrases that must read the same on every page: the one-sided target band, direction of travel, risk trend.
enum Wording {
    /// `target ≥90.0%, within 2.0pp below` (higher is better), `target ≤22.5%, within 1.5pp above`.
    static func target(_ t: Target, _ ind: Indicator, _ g: Glyphs) -> String {
        var text = "target " + ChartBand.bound(t.value, ind, g)
        if t.tolerance > 0, ind.polarity != .neutral {
            text += ", within \(tolerance(t.tolerance, ind)) " + (ind.polarity == .higher ? "below" : "above")
        }
        return text
    }

    /// A tolerance with its unit: `2.0pp` for percentages, `3 days`, `1.5`.
    static func tolerance(_ v: Double, _ ind: Indicator) -> String {
        let n = ValueFormat.number(v, decimals: ind.decimals)
        switch ind.unit {
        case .percent: return n + "pp"
        case .days: return n + (n == "1" ? " day" : " days")
        default: return n
        }
    }

    /// `↑ worse: up from 17.9%`, `↓ better: down from 24.5%`, `↑ up from 4,260` (no good way), `→ same as 88%`.
    static func direction(_ e: IndicatorEvaluation, _ g: Glyphs) -> String {
        let ind = e.indicator
        let from = ValueFormat.value(e.previousValue, ind)
        let arrow = g.arrow(e.direction, polarity: ind.polarity)
        let rising = (e.value ?? 0) > (e.previousValue ?? 0)
        let movement = rising ? "up from " : "down from "
        switch e.direction {
        case .improved: return "\(arrow) better: \(movement)\(from)"
        case .declined: return "\(arrow) worse: \(movement)\(from)"
        case .up: return "\(arrow) up from \(from)"
        case .down: return "\(arrow) down from \(from)"
        case .unchanged: return "\(arrow) same as before (\(from))"
        case .none: return ""
        }
    }

    /// `↑ up from 8`, `↓ down from 12`, `→ same`, `new`.
    static func riskTrend(_ r: RiskEvaluation, _ g: Glyphs) -> String {
        switch r.trend {
        case .up: return "\(g.up) up from \(r.previousScore.map(String.init) ?? "-")"
        case .down: return "\(g.down) down from \(r.previousScore.map(String.init) ?? "-")"
        case .same: return "\(g.flat) same"
        case .new: return "new"
        }
    }
}
