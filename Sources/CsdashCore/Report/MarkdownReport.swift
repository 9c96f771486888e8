import Foundation

/// Markdown: a heading and a table per panel, for board papers and wikis.
enum MarkdownReport {
    static func render(_ card: Scorecard) -> String {
        var out = "# \(ReportWords.header(card))\n\n"
        if let asAt = card.dataAsAt { out += "Data as at \(asAt.endDateText). " }
        out += ReportWords.counts(card) + ".\n"
        let worst = ReportWords.worstFirst(card)
        if !worst.isEmpty { out += "\n## \(ReportWords.worstHeading)\n\n" + worst.map { escape($0) + "\n" }.joined() }
        for panel in card.dataset.panels {
            let evals = card.indicators(in: panel.id)
            if evals.isEmpty { continue }
            out += "\n## \(escape(panel.title))\n\n"
            out += "| Indicator | Period | Value | Target | Status | Direction | Comparators | Rank | Variation | Assurance |\n"
            out += "|---|---|--:|--:|---|---|---|---|---|---|\n"
            let reports = IndicatorReport.of(evals, in: card.dataset)
            for report in reports {
                let e = report.evaluation
                let status = e.status == .worse ? "**worse**" : e.status.rawValue
                let cells = [
                    escape(e.indicator.title),
                    (e.current?.period.short ?? "-") + (e.stale ? " *(stale)*" : ""),
                    ValueFormat.value(e.value, e.indicator),
                    ReportWords.target(e),
                    status,
                    e.movementWords,
                    escape(ReportWords.comparators(e, card.dataset)),
                    escape(ReportWords.rank(e, card.dataset)),
                    ReportWords.variation(report.spc), ReportWords.assurance(report.spc),
                ]
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
            out += ReportCommentary.markdown(ReportCommentary.entries(reports), escape: escape)
        }
        out += "\n" + ReportWords.spcNote + "\n"
        if !card.risks.isEmpty {
            out += "\n## Risks\n\n| Risk | Title | Score | Trend | Owner |\n|---|---|---|---|---|\n"
            for r in card.risks {
                out += "| \(r.risk.id) | \(escape(r.risk.title)) | \(ReportWords.riskScore(r)) | \(ReportWords.riskTrend(r)) | \(escape(r.risk.owner)) |\n"
            }
            out += ReportCommentary.markdown(ReportCommentary.entries(card), escape: escape)
        }
        return out
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
