/// The pack's tables: the summary by panel, the risk register and its heat map, and the changes since last
/// quarter. Every table has a caption and header cells; status is a symbol and a word, never colour alone.
enum HTMLTables {
    static func status(_ s: Status) -> String {
        let (symbol, word): (String, String)
        switch s {
        case .better: (symbol, word) = ("✓", "Better than target")
        case .within: (symbol, word) = ("~", "Within tolerance")
        case .worse: (symbol, word) = ("✗", "Worse than target")
        case .none: (symbol, word) = ("–", "No target")
        case .noData: (symbol, word) = ("?", "No data")
        }
        return "<span class=\"status status-\(s.rawValue)\"><span aria-hidden=\"true\">\(symbol)</span> \(word)</span>"
    }

    /// A table in a horizontally scrollable region (a phone is narrower than most tables); the region can be
    /// focused so it can be scrolled from the keyboard.
    static func table(caption: String, heads: [String], numeric: Set<Int> = [], rows: [[String]],
                      rowHeads: Bool = true, cls: String = "") -> String {
        var out = "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(h(caption))\">"
        out += "<table\(cls.isEmpty ? "" : " class=\"\(cls)\"")><caption>\(h(caption))</caption><thead><tr>"
        for (i, head) in heads.enumerated() {
            out += "<th scope=\"col\"\(numeric.contains(i) ? " class=\"num\"" : "")>\(h(head))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for (i, cell) in row.enumerated() {
                let num = numeric.contains(i) ? " class=\"num\"" : ""
                out += i == 0 && rowHeads ? "<th scope=\"row\">\(cell)</th>" : "<td\(num)>\(cell)</td>"
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div>"
    }

    /// One panel's rows of the summary: cells already escaped.
    static func summaryRows(_ evals: [IndicatorEvaluation], anchors: [String: String]) -> [[String]] {
        evals.map { e in
            let ind = e.indicator
            let name = anchors[ind.id].map { "<a href=\"#\($0)\">\(h(ind.title))</a>" } ?? h(ind.title)
            let period = h(e.current?.period.short ?? "–") + (e.stale ? " <span class=\"stale\">(stale)</span>" : "")
            let change = e.previousValue.map { "\(e.movementWords) from \(ValueFormat.value($0, ind))" }
            return [name, period, h(ValueFormat.value(e.value, ind)), h(ReportWords.target(e)), status(e.status),
                    h(change ?? "–")]
        }
    }

    static func riskRating(_ r: RiskEvaluation) -> String {
        guard let s = r.score else { return "Not assessed" }
        return "\(r.rating?.name ?? "Unrated") (\(s))"
    }

    /// The risk register: one row per risk, highest score first.
    static func register(_ card: Scorecard) -> String {
        let rows = card.risks.enumerated().map { k, r in
            ["<a href=\"#risk-\(k + 1)\">\(h(r.risk.id))</a>", h(r.risk.title), h(r.risk.owner), h(riskRating(r)),
             h(ReportWords.riskTrend(r)), h(r.risk.target.map(String.init) ?? "–")]
        }
        return table(caption: "Risk register, \(card.asAt.short)",
                     heads: ["Risk", "Title", "Owner", "Rating (score)", "Change", "Target score"], rows: rows)
    }

    /// Likelihood (rows, 5 at the top) by impact (columns): each cell names the risks scored there and is shaded
    /// by its band; the key below names the bands.
    static func heatMap(_ card: Scorecard) -> String {
        let bands = card.dataset.riskBands
        var out = "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Risk heat map\">"
        out += "<table class=\"heatmap\"><caption>Risk heat map: likelihood by impact, \(h(card.asAt.short))</caption>"
        out += "<thead><tr><th scope=\"col\">Likelihood</th>"
        for i in 1...5 { out += "<th scope=\"col\">Impact \(i)</th>" }
        out += "</tr></thead><tbody>"
        for l in stride(from: 5, through: 1, by: -1) {
            out += "<tr><th scope=\"row\">\(l)</th>"
            for i in 1...5 {
                let ids = card.risks.filter { $0.current?.likelihood == l && $0.current?.impact == i }.map { h($0.risk.id) }
                let band = Evaluator.bandIndex(for: l * i, in: bands).map { "band-\(min($0, 2))" } ?? "band-none"
                out += "<td class=\"\(band)\">\(ids.joined(separator: "<br>"))</td>"
            }
            out += "</tr>"
        }
        out += "</tbody></table></div><p class=\"definition\">Bands: "
        out += bands.map { "\(h($0.name)) \($0.min)–\($0.max)" }.joined(separator: "; ") + ".</p>"
        return out
    }
}
