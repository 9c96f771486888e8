/// The formats `csdash report` can write.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, markdown, csv, json, html

    /// The report; `width` is the text format's line width (the others have no width).
    public func render(_ card: Scorecard, width: Int = 100) -> String {
        switch self {
        case .text: return TextReport.render(card, width: width)
        case .markdown: return MarkdownReport.render(card)
        case .csv: return CSVReport.render(card)
        case .json: return JSONReport.render(card)
        case .html: return HTMLReport.render(card)
        }
    }

    /// Writes the report to `sink` in parts as it is made (the JSON report's chart points run to a hundred
    /// megabytes on a large dataset; the other formats are written whole).
    public func write(_ card: Scorecard, width: Int = 100, to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
        if self == .json { return JSONReport.write(card, to: sink) }
        var text = render(card, width: width)
        text.withUTF8 { sink($0) }
    }
}

/// Words and symbols shared by the report formats.
enum ReportWords {
    /// The target as a one-sided bound, as it is judged, with its tolerance named as such (not a gap):
    /// `≥90.0% (tolerance 2.0pp)`, `≤22.5% (tolerance 1.5pp)`, `≥70 (tolerance 2)`.
    static func target(_ e: IndicatorEvaluation) -> String {
        guard let t = e.target else { return "-" }
        let v = ValueFormat.value(t.value, e.indicator, style: .bare)
        let tol = ValueFormat.number(t.tolerance, decimals: e.indicator.decimals) + (e.indicator.unit == .percent ? "pp" : "")
        let tolerance = t.tolerance > 0 ? " (tolerance \(tol))" : ""
        switch e.indicator.polarity {
        case .higher: return "≥" + v + tolerance
        case .lower: return "≤" + v + tolerance
        case .neutral: return v
        }
    }

    /// `England 22.7% (local, Q2 21/22); South West 22.7% (local, Q2 21/22)`: each with its source and period.
    static func comparators(_ e: IndicatorEvaluation, _ d: Dataset) -> String {
        let source = e.current.map { " " + ComparatorSource.of($0, e.indicator, in: d) } ?? ""
        return e.comparators(in: d).map { "\($0.name) \(ValueFormat.value($0.value, e.indicator, style: .bare))" + ($0.value == nil ? "" : source) }
            .joined(separator: "; ")
    }

    /// Rank and quartile for the report: `rank 83/150, Q3, SN 6/11`; when the benchmark is another (annual)
    /// series, its year and value first: `20/21 30.2%: rank 141/149, Q4, SN 10/11`.
    static func rank(_ e: IndicatorEvaluation, _ d: Dataset) -> String {
        guard let b = e.benchmark(in: d) else { return "" }
        let p = b.position
        var parts: [String] = []
        if let r = p.rank, let n = p.rankOf { parts.append("rank \(r)/\(n)") }
        if let q = p.quartile { parts.append("Q\(q)") }
        if let r = p.neighbourRank, let n = p.neighbourRankOf { parts.append("SN \(r)/\(n)") }
        let text = parts.isEmpty ? "not ranked" : parts.joined(separator: ", ")
        if b.series.id == e.indicator.id { return text }
        let y = b.observation.period
        let year = b.series.benchmarkDate == nil ? y.short : "\(y.short) (census \(b.series.benchmarkYearShort(y)))"
        return "\(year) \(ValueFormat.value(b.observation.value, b.series, style: .bare)): \(text)"
    }

    static func riskScore(_ r: RiskEvaluation) -> String {
        guard let c = r.current else { return "not assessed" }
        return "\(r.rating?.name ?? "Unrated") \(c.score) (L\(c.likelihood) x I\(c.impact))"
    }

    static func riskTrend(_ r: RiskEvaluation) -> String {
        switch r.trend {
        case .new: return "new"
        case .same: return "same"
        case .up: return "up from \(r.previousScore ?? 0)"
        case .down: return "down from \(r.previousScore ?? 0)"
        }
    }

    static func header(_ card: Scorecard) -> String {
        let org = card.dataset.organisation.isEmpty ? "" : "\(card.dataset.organisation): "
        return "\(org)\(card.dataset.title), \(card.asAt.long)"
    }

    /// The summary's counts in words; "N no data" (a target but no value up to the quarter) only when there
    /// are some, and never among those "without a target".
    static func counts(_ card: Scorecard) -> String {
        let noData = card.count(.noData)
        return "\(card.count(.better)) better than target, \(card.count(.within)) within tolerance, "
            + "\(card.count(.worse)) worse than target, " + (noData > 0 ? "\(noData) no data, " : "")
            + "\(card.count(.none)) without a target"
    }

    /// The cross-panel list, worst first: `1. Initial visits completed in timescale: 69.5%, target ≥85.0%
    /// (tolerance 3.0pp), 18% short of target`.
    static func worstFirst(_ card: Scorecard) -> [String] {
        card.worstFirst.enumerated().map { k, e in
            var parts = [ValueFormat.value(e.value, e.indicator)]
            if e.target != nil { parts.append("target " + target(e)) }
            parts.append(e.gapWords ?? e.status.phrase)
            return "\(k + 1). \(e.indicator.title): " + parts.joined(separator: ", ")
        }
    }

    static let worstHeading = "Worst first (\(Worst.meaning))"
}

