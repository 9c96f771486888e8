/// The pack's per-indicator and per-risk sections and its "since last quarter" page.
enum HTMLSections {
    /// Drafted and team commentary side by side (one above the other on a phone).
    static func commentary(draft: Draft, team: String?) -> String {
        var out = "<div class=\"commentary\"><section><h4>Draft commentary</h4>"
        out += draft.isEmpty ? "<p class=\"none\">No facts to draft for this quarter.</p>" : "<p>\(h(draft.text))</p>"
        out += "</section><section class=\"team\"><h4>Team commentary</h4>"
        if let team {
            for para in team.split(separator: "\n", omittingEmptySubsequences: true) { out += "<p>\(h(String(para)))</p>" }
        } else {
            out += "<p class=\"none\">No team commentary for this quarter.</p>"
        }
        return out + "</section></div>"
    }

    static func indicator(_ r: IndicatorReport, _ d: Dataset, id: String) -> String {
        let e = r.evaluation, ind = e.indicator
        var out = "<article class=\"indicator\" id=\"\(id)\" aria-labelledby=\"\(id)-h\">"
        out += "<h3 id=\"\(id)-h\">\(h(ind.title))</h3><p class=\"headline\">"
        out += "<span class=\"value\">\(h(ValueFormat.value(e.value, ind, style: .full)))</span> "
        out += h(e.current?.period.short ?? "no data")
        if e.stale { out += " <span class=\"stale\">(stale)</span>" }
        if e.target != nil { out += " · target \(h(ReportWords.target(e)))" }
        out += " · \(HTMLTables.status(e.status))"
        if let p = e.previousValue { out += " · \(h(e.movementWords)) from \(h(ValueFormat.value(p, ind)))" }
        out += "</p>"
        if let chart = SVGChart(e, d, spc: r.spc) {
            out += "<figure>\(chart.svg(id: "\(id)-c"))<figcaption>\(key(chart))</figcaption></figure>"
        }
        out += commentary(draft: r.draft, team: Commentary.team(e))
        if !ind.definition.isEmpty { out += "<p class=\"definition\">Definition: \(h(ind.definition))</p>" }
        if !ind.source.isEmpty { out += "<p class=\"definition\">Source: \(h(ind.source))</p>" }
        return out + "</article>\n"
    }

    /// The chart's key in words, with a swatch (decorative) before each.
    static func key(_ c: SVGChart) -> String {
        func item(_ cls: String, _ text: String) -> String { "<span class=\"key \(cls)\" aria-hidden=\"true\"></span>\(h(text))" }
        var parts = [item("key-value", "Value")]
        if c.targets.contains(where: { $0 != nil }) { parts += [item("key-target", "Target"), item("key-band", "Tolerance")] }
        for (k, comp) in c.comparators.enumerated() {
            parts.append(item("key-comp", "\(comp.name) (\(["dashed", "dash-dot", "long dashes", "dash-dash-dot"][k % 4]))"))
        }
        if c.spc != nil { parts.append(item("key-mean", "Mean (thin line) and process limits (dotted)")) }
        if !c.series.specialCauses.isEmpty { parts.append(item("key-special", "Special cause (ringed)")) }
        var out = parts.joined(separator: " ")
        if c.series.indices.count < c.series.fullCount {
            out += ". \(c.series.indices.count) of \(c.series.fullCount) points drawn (extremes, special causes and the latest kept)"
        }
        return out
    }

    static func risks(_ card: Scorecard) -> String {
        var out = "<section class=\"part\" id=\"risks\" aria-labelledby=\"risks-h\"><h2 id=\"risks-h\">Risk register</h2>"
        out += HTMLTables.register(card) + HTMLTables.heatMap(card)
        for (k, r) in card.risks.enumerated() {
            let id = "risk-\(k + 1)"
            out += "<article class=\"indicator\" id=\"\(id)\" aria-labelledby=\"\(id)-h\">"
            out += "<h3 id=\"\(id)-h\">\(h(r.risk.id)): \(h(r.risk.title))</h3>"
            out += "<p class=\"headline\"><span class=\"value\">\(h(HTMLTables.riskRating(r)))</span> "
            out += "\(h(ReportWords.riskTrend(r)))"
            if !r.risk.owner.isEmpty { out += " · owner: \(h(r.risk.owner))" }
            out += "</p>"
            out += commentary(draft: Commentary.draft(r, in: card), team: Commentary.team(r))
            if !r.risk.description.isEmpty { out += "<p class=\"definition\">\(h(r.risk.description))</p>" }
            out += "</article>\n"
        }
        return out + "</section>\n"
    }

    static func changes(_ card: Scorecard) -> String {
        var out = "<section class=\"part\" id=\"changes\" aria-labelledby=\"changes-h\">"
        out += "<h2 id=\"changes-h\">Since last quarter</h2>"
        guard let c = PackChanges(card) else { return out + "<p>No earlier quarter to compare with.</p></section>\n" }
        let was = c.previousQuarter.short, now = card.asAt.short
        func part(_ title: String, _ heads: [String], _ rows: [[String]]) -> String {
            "<h3>\(h(title))</h3>" + (rows.isEmpty ? "<p>None.</p>" : HTMLTables.table(caption: title, heads: heads, rows: rows))
        }
        out += part("Status changes", ["Indicator", was, now], c.statusChanges.map {
            [h($0.now.indicator.title), HTMLTables.status($0.before), HTMLTables.status($0.now.status)]
        })
        out += part("Newly worse than target", ["Indicator", "Value", "Target"], c.newlyWorse.map {
            [h($0.now.indicator.title), h(ValueFormat.value($0.now.value, $0.now.indicator)), h(ReportWords.target($0.now))]
        })
        out += part("Risk score changes", ["Risk", was, now], c.scoreChanges.map {
            [h("\($0.now.risk.id): \($0.now.risk.title)"), h($0.before.map(String.init) ?? "not assessed"),
             h(HTMLTables.riskRating($0.now))]
        })
        out += part("Target changes", ["Indicator", was, now], c.targetChanges.map { t in
            let ind = t.now.indicator
            return [h(ind.title), h(t.before.map { ValueFormat.value($0.value, ind) } ?? "none"),
                    h(t.now.target.map { ValueFormat.value($0.value, ind) } ?? "none")]
        })
        return out + "</section>\n"
    }
}
