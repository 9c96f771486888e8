import Foundation

/// An indicator's chart as inline SVG: its history, the target as a line with the tolerance band beside it,
/// the comparators as dashed lines and, when present, the statistical mean and limits. The SVG has a title and
/// a text description (value, target, trend) for screen readers; the figure's caption is the key.
struct SVGChart {
    static let width = 480.0, height = 220.0
    static let left = 58.0, right = 14.0, top = 16.0, bottom = 28.0
    /// Dash patterns for the comparator lines, in the indicator's comparator order.
    static let dashes = ["6 4", "10 3 2 3", "12 5", "3 3 8 3"]

    let e: IndicatorEvaluation
    let series: ChartSeries
    let comparators: [(name: String, values: [Double?])]
    let targets: [Target?]
    let spc: SPCLayer.Lines?
    let lo: Double, hi: Double
    let x0: Int, x1: Int

    /// The chart of `e` with `spc`, its SPC analysis (`e.spc`).
    init?(_ e: IndicatorEvaluation, _ d: Dataset, spc analysis: SPCAnalysis?) {
        guard let s = ChartSeries(e, spc: analysis), !s.known.isEmpty else { return nil }
        self.e = e
        series = s
        let h = e.indicator.history
        comparators = e.indicator.comparators.compactMap { name in
            guard let k = d.comparatorIndex(name) else { return nil }
            let vs = s.indices.map { h.comparator(k, at: $0) }
            return vs.contains { $0 != nil } ? (name, vs) : nil
        }
        targets = s.periods.map { e.indicator.target(for: $0)?.rounded(decimals: e.indicator.decimals) }
        spc = SPCLayer.lines(analysis)
        var all = s.known.map(\.1) + comparators.flatMap { $0.values.compactMap { $0 } }
        for t in targets.compactMap({ $0 }) {
            let b = Self.band(t, e.indicator.polarity)
            all += [t.value, t.value + b.0, t.value + b.1]
        }
        if let spc { all += [spc.mean] + [spc.lower, spc.upper].compactMap { $0 } }
        let (a, b) = (all.min()!, all.max()!)
        let pad = a == b ? max(1, abs(a) * 0.1) : (b - a) * 0.08
        lo = a - pad
        hi = b + pad
        x0 = s.periods.first!.endMonthIndex
        x1 = s.periods.last!.endMonthIndex
    }

    /// The tolerance band's offsets from the target: below it when higher is better, above when lower is.
    func band(_ t: Target) -> (Double, Double) { Self.band(t, e.indicator.polarity) }

    static func band(_ t: Target, _ p: Polarity) -> (Double, Double) {
        switch p {
        case .higher: return (-t.tolerance, 0)
        case .lower: return (0, t.tolerance)
        case .neutral: return (0, 0)
        }
    }

    func x(_ i: Int) -> Double {
        let span = Double(max(1, x1 - x0))
        let m = series.periods[i].endMonthIndex
        return Self.left + (Double(m - x0) / span) * (Self.width - Self.left - Self.right)
    }

    func y(_ v: Double) -> Double {
        Self.top + (1 - (v - lo) / (hi - lo)) * (Self.height - Self.top - Self.bottom)
    }

    static func f(_ v: Double) -> String { ValueFormat.fixed(max(0, v), decimals: 1) }

    /// The SVG element; `id` makes its title and description ids unique in the document.
    func svg(id: String) -> String {
        let title = "Chart of \(e.indicator.title), \(series.periods.first!.short) to \(series.periods.last!.short)"
        var out = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" "
            + "aria-labelledby=\"\(id)-t \(id)-d\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title id=\"\(id)-t\">\(h(title))</title><desc id=\"\(id)-d\">\(h(description))</desc>"
        out += axes()
        out += targetLayer()
        out += spcLayer()
        for (k, c) in comparators.enumerated() {
            out += line(c.values, stroke: "#555", width: 1.5, dash: Self.dashes[k % Self.dashes.count])
        }
        out += line(series.values, stroke: "#0b4f9c", width: 2.5, dash: nil)
        out += markers()
        return out + "</svg>"
    }

    /// A polyline through the values, broken where one is missing.
    func line(_ values: [Double?], stroke: String, width: Double, dash: String?) -> String {
        var d = "", pen = false
        for (i, v) in values.enumerated() {
            guard let v else { pen = false; continue }
            d += (pen ? "L" : "M") + Self.f(x(i)) + " " + Self.f(y(v))
            pen = true
        }
        guard !d.isEmpty else { return "" }
        let dashAttr = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        return "<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(width)\"\(dashAttr) "
            + "stroke-linejoin=\"round\"/>"
    }
}
