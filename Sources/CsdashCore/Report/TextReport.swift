import Foundation

/// Plain text for pasting into e-mail or a board paper: aligned columns, one table per panel.
enum TextReport {
    static func render(_ card: Scorecard) -> String {
        var out = ReportWords.header(card) + "\n"
        if let asAt = card.dataAsAt { out += "Data as at \(asAt.endDateText). " }
        out += ReportWords.counts(card) + ".\n"
        let heads = ["Indicator", "Period", "Value", "Target", "Status", "Direction", "Comparators", "Rank", "Variation",
                     "Assurance"]
        for panel in card.dataset.panels {
            let evals = card.indicators(in: panel.id)
            if evals.isEmpty { continue }
            out += "\n" + panel.title + "\n" + String(repeating: "=", count: panel.title.displayWidth) + "\n"
            var rows = [heads]
            for e in evals {
                rows.append([
                    e.indicator.title,
                    (e.current?.period.short ?? "-") + (e.stale ? " (stale)" : ""),
                    ValueFormat.value(e.value, e.indicator),
                    ReportWords.target(e),
                    e.status.rawValue,
                    ReportWords.direction(e.direction),
                    ReportWords.comparators(e, card.dataset),
                    ReportWords.rank(e, card.dataset),
                    ReportWords.variation(e.spc), ReportWords.assurance(e.spc),
                ])
            }
            out += table(rows, rightAligned: [2, 3])
        }
        out += "\n" + ReportWords.spcNote + "\n"
        if !card.risks.isEmpty {
            out += "\nRisks\n=====\n"
            var rows = [["Risk", "Title", "Score", "Trend", "Owner"]]
            for r in card.risks {
                rows.append([r.risk.id, r.risk.title, ReportWords.riskScore(r), ReportWords.riskTrend(r), r.risk.owner])
            }
            out += table(rows, rightAligned: [])
        }
        return out
    }

    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let widths = rows[0].indices.map { c in rows.map { $0[c].displayWidth }.max() ?? 0 }
        var out = ""
        for (i, row) in rows.enumerated() {
            let cells = row.enumerated().map { c, s -> String in
                let pad = String(repeating: " ", count: widths[c] - s.displayWidth)
                return rightAligned.contains(c) && i > 0 ? pad + s : s + pad
            }
            out += cells.joined(separator: "  ").trimmingTrailingSpaces + "\n"
            if i == 0 { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        }
        return out
    }
}

extension String {
    /// The string without trailing spaces.
    public var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
