import Foundation

/// CSV: one row per indicator, then one per risk, for spreadsheets.
/// Indicator columns: panel, id, title, unit, period, value, target, tolerance, status, direction, previous, stale,
/// then one column per comparator series of the dataset.
enum CSVReport {
    static func render(_ card: Scorecard) -> String {
        let comps = card.dataset.comparatorNames
        var out = (["record", "panel", "id", "title", "unit", "period", "value", "target", "tolerance", "status",
                    "direction", "previous", "stale"] + comps).map(field).joined(separator: ",") + "\r\n"
        for e in card.indicators {
            var row = ["indicator", e.indicator.panel, e.indicator.id, e.indicator.title, e.indicator.unit.rawValue,
                       e.current?.period.canonical ?? "", num(e.value), num(e.target?.value), num(e.target?.tolerance),
                       e.status.rawValue, e.direction.rawValue, num(e.previousValue), e.stale ? "true" : "false"]
            for (i, _) in comps.enumerated() {
                row.append(e.indicator.comparators.contains { card.dataset.comparatorIndex($0) == i }
                           ? num(e.current?.comparator(i)) : "")
            }
            out += row.map(field).joined(separator: ",") + "\r\n"
        }
        for r in card.risks {
            let row = ["risk", r.risk.panel ?? "", r.risk.id, r.risk.title, "score", r.current?.period.canonical ?? "",
                       r.score.map(String.init) ?? "", r.risk.target.map(String.init) ?? "", "",
                       r.rating?.name ?? "", r.trend.rawValue, r.previousScore.map(String.init) ?? "", ""]
            out += (row + comps.map { _ in "" }).map(field).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func num(_ v: Double?) -> String { v.map(ValueFormat.plain) ?? "" }

    static func field(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
