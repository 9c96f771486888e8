import Foundation

/// CSV: one row per indicator, then one per risk, for spreadsheets.
/// Columns: record (indicator or risk), panel, id, title, unit, period, value, target, tolerance, status,
/// direction, previous, stale, then one column per comparator series of the dataset, then the benchmark year:
/// benchmark, benchmark_period, benchmark_value, rank, rank_of, quartile, neighbour_rank, neighbour_rank_of,
/// then the SPC verdict: spc_variation, spc_assurance, spc_mean, spc_lower, spc_upper (empty below 2 points),
/// then draft (the drafted commentary) and commentary (the team's, empty when none).
/// Risk rows put the score in value, its target in target, the rating in status and the trend in direction.
enum CSVReport {
    static let fixedColumns = ["record", "panel", "id", "title", "unit", "period", "value", "target", "tolerance",
                               "status", "direction", "previous", "stale"]

    static func render(_ card: Scorecard) -> String {
        let comps = card.dataset.comparatorSeriesNames
        var lines: [String] = [line(fixedColumns + comps + benchmarkColumns + spcColumns + ["draft", "commentary"])]
        let d = card.dataset
        IndicatorReport.forEachBatch(card.indicators, in: d, part: { _, r in
            let words = [r.draft.text, Commentary.team(r.evaluation) ?? ""]
            return line(indicatorRow(r.evaluation, d) + spcCells(r.spc) + words)
        }) { lines += $0 }
        for r in card.risks {
            lines.append(line(riskRow(r, comparatorCount: comps.count) + [Commentary.draft(r, in: card).text, Commentary.team(r) ?? ""]))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static let benchmarkColumns = ["benchmark", "benchmark_period", "benchmark_value", "rank", "rank_of", "quartile",
                                   "neighbour_rank", "neighbour_rank_of"]

    static func indicatorRow(_ e: IndicatorEvaluation, _ d: Dataset) -> [String] {
        var row = [
            "indicator", e.indicator.panel, e.indicator.id, e.indicator.title, e.indicator.unit.rawValue,
            e.current?.period.canonical ?? "", num(e.value), num(e.target?.value), num(e.target?.tolerance),
            e.status.rawValue, e.direction.rawValue, num(e.previousValue), e.stale ? "true" : "false",
        ]
        var shown = Set<Int>()
        for name in e.indicator.comparators {
            if let i = d.comparatorIndex(name) { shown.insert(i) }
        }
        for name in d.comparatorSeriesNames {
            let i = d.comparatorIndex(name)!
            row.append(shown.contains(i) ? num(e.current?.comparator(i)) : "")
        }
        if let b = e.benchmark(in: d) {
            let p = b.position
            row += [b.series.id, b.observation.period.canonical, num(b.observation.value)]
                + [p.rank, p.rankOf, p.quartile, p.neighbourRank, p.neighbourRankOf].map { $0.map(String.init) ?? "" }
        } else {
            row += Array(repeating: "", count: benchmarkColumns.count)
        }
        return row
    }

    static func riskRow(_ r: RiskEvaluation, comparatorCount: Int) -> [String] {
        var row = [
            "risk", r.risk.panel ?? "", r.risk.id, r.risk.title, "score", r.current?.period.canonical ?? "",
            r.score.map { String($0) } ?? "", r.risk.target.map { String($0) } ?? "", "",
            r.rating?.name ?? "", r.trend.rawValue, r.previousScore.map { String($0) } ?? "", "",
        ]
        row.append(contentsOf: Array(repeating: "", count: comparatorCount + benchmarkColumns.count + spcColumns.count))
        return row
    }

    static let spcColumns = ["spc_variation", "spc_assurance", "spc_mean", "spc_lower", "spc_upper"]

    static func spcCells(_ a: SPCAnalysis?) -> [String] {
        guard let a else { return Array(repeating: "", count: spcColumns.count) }
        let l = a.limits.written
        return [a.variation.rawValue, a.assurance?.rawValue ?? "", num(l.mean), num(l.lower), num(l.upper)]
    }

    static func line(_ cells: [String]) -> String {
        var out: [String] = []
        out.reserveCapacity(cells.count)
        for c in cells { out.append(field(c)) }
        return out.joined(separator: ",")
    }

    static func num(_ v: Double?) -> String {
        guard let v else { return "" }
        return ValueFormat.plain(v)
    }

    /// A cell as written: neutralised against formula injection, then quoted when it holds a comma, quote or line
    /// break.
    static func field(_ cell: String) -> String {
        let s = neutralised(cell)
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// OWASP's guidance on CSV injection: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
    /// would be read by a spreadsheet as a formula, so it gets a leading single quote and is read as text. A
    /// number (`-3.5`, `1e-5`) is left as it is, so it stays a number.
    static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !isNumber(s) else { return s }
        return "'" + s
    }

    /// A plain decimal number as the report writes one: an optional sign, digits with at most one point, and an
    /// optional exponent.
    static func isNumber(_ s: String) -> Bool {
        var chars = Substring(s)
        if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
        let parts = chars.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        let mantissa = parts[0]
        guard !mantissa.isEmpty, mantissa.filter({ $0 == "." }).count <= 1, mantissa.contains(where: \.isASCIIDigit),
              mantissa.allSatisfy({ $0.isASCIIDigit || $0 == "." }) else { return false }
        guard parts.count == 2 else { return true }
        var exponent = parts[1]
        if exponent.first == "-" || exponent.first == "+" { exponent = exponent.dropFirst() }
        return !exponent.isEmpty && exponent.allSatisfy(\.isASCIIDigit)
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
