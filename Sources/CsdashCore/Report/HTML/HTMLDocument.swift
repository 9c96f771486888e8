/// The board pack: one self-contained HTML document (inline CSS and SVG, no script, nothing loaded from any
/// other file or host). A cover, contents, the summary by panel, each panel's indicators with headline, chart
/// and commentary, the risk register with its heat map, and what changed since last quarter.
enum HTMLReport {
    static func render(_ card: Scorecard) -> String {
        let d = card.dataset
        var anchors: [String: String] = [:]
        var panels: [(Panel, [IndicatorEvaluation])] = []
        for p in d.panels {
            let evals = card.indicators(in: p.id)
            if !evals.isEmpty { panels.append((p, evals)) }
        }
        var n = 0
        for (_, evals) in panels {
            for e in evals {
                n += 1
                anchors[e.indicator.id] = "ind-\(n)"
            }
        }
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(h(ReportWords.header(card)))</title>\n<style>\n\(HTMLStyles.css)\n</style>\n</head>\n"
        out += "<body>\n<main>\n"
        out += cover(card)
        out += contents(panels.map(\.0), hasRisks: !card.risks.isEmpty)
        out += "<section class=\"part\" id=\"summary\" aria-labelledby=\"summary-h\">"
        out += "<h2 id=\"summary-h\">Summary</h2><p>\(h(ReportWords.counts(card))).</p>"
        for (p, evals) in panels {
            out += HTMLTables.table(caption: p.title, heads: ["Indicator", "Period", "Value", "Target", "Status", "Change"],
                                    numeric: [2], rows: HTMLTables.summaryRows(evals, anchors: anchors))
        }
        out += "</section>\n"
        let ids = anchors
        for (k, (p, evals)) in panels.enumerated() {
            out += "<section class=\"part\" id=\"panel-\(k + 1)\" aria-labelledby=\"panel-\(k + 1)-h\">"
            out += "<h2 id=\"panel-\(k + 1)-h\">\(h(p.title))</h2>\n"
            IndicatorReport.forEachBatch(evals, in: d, part: { _, r in
                HTMLSections.indicator(r, d, id: ids[r.evaluation.indicator.id]!)
            }) { out += $0.joined() }
            out += "</section>\n"
        }
        if !card.risks.isEmpty { out += HTMLSections.risks(card) }
        out += HTMLSections.changes(card)
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    static func cover(_ card: Scorecard) -> String {
        let d = card.dataset
        var out = "<header class=\"cover\">"
        if !d.organisation.isEmpty { out += "<p class=\"org\">\(h(d.organisation))</p>" }
        out += "<h1>\(h(d.title.isEmpty ? "Performance report" : d.title))</h1>"
        out += "<p class=\"quarter\">\(h(card.asAt.long))</p><dl>"
        if let asAt = card.dataAsAt { out += "<dt>Data as at</dt><dd>\(h(asAt.endDateText))</dd>" }
        out += "<dt>Indicators</dt><dd>\(card.indicators.count): \(h(ReportWords.counts(card)))</dd>"
        if !card.risks.isEmpty { out += "<dt>Risks</dt><dd>\(card.risks.count)</dd>" }
        out += "</dl><p class=\"definition\">The drafted commentary is written by csdash from the figures; "
        out += "the team's commentary is their own.</p></header>\n"
        return out
    }

    static func contents(_ panels: [Panel], hasRisks: Bool) -> String {
        var out = "<nav aria-labelledby=\"contents-h\"><h2 id=\"contents-h\">Contents</h2><ol>"
        out += "<li><a href=\"#summary\">Summary</a></li>"
        for (k, p) in panels.enumerated() { out += "<li><a href=\"#panel-\(k + 1)\">\(h(p.title))</a></li>" }
        if hasRisks { out += "<li><a href=\"#risks\">Risk register</a></li>" }
        return out + "<li><a href=\"#changes\">Since last quarter</a></li></ol></nav>\n"
    }
}
