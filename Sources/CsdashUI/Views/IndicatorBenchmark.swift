import CsdashCore

/// The benchmark part of an indicator page: the benchmark year's value and comparators, the position in words,
/// the strip of every authority's value, and the series' recent years with rank and quartile.
extension IndicatorView {
    static func benchmark(_ doc: inout Document, _ e: IndicatorEvaluation, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        guard let b = e.benchmark(in: s.dataset) else { return }
        let series = b.series
        let year = b.observation.period
        let own = b.series.id == e.indicator.id
        doc.wrapped("Benchmark, " + series.benchmarkYear(year) + (own ? "" : ": " + series.title), t[.title])
        // "● 30.2% · ◆ England 22.7% (DfE, 2020/21) · ○ South West 22.7% (DfE, 2020/21) · × Statistical neighbours
        // 21.3% (DfE, 2020/21)": each comparator with its source and year.
        var parts = ["\(g.ascii ? "O" : "●") \(ValueFormat.value(b.observation.value, series, style: .bare))"]
        for (k, c) in b.comparators(in: s.dataset).enumerated() {
            // The same marks as the chart's legend and the tables' headers.
            var text = (k < 3 ? "\(g.comparatorMarks[k]) " : "") + "\(c.name) \(ValueFormat.value(c.value, series, style: .bare))"
            var source = ComparatorSource.dfe(year, series)
            if c.name.lowercased() == "statistical neighbours", let n = b.position.neighboursContributing, n < 10 {
                source.insert(contentsOf: ", \(n) of 10", at: source.index(before: source.endIndex))
            }
            text += " " + source
            parts.append(text)
        }
        doc.wrapped(parts.joined(separator: " · "), t[.text])
        if let words = b.words(polarity: series.polarity) { doc.wrapped(words, t[.text]) }
        strip(&doc, b, s, ctx)
        years(&doc, b, s, ctx)
        doc.blank()
    }

    /// `best 5.0% ▁▂▅█▇●▃▂▲▁ 45.0% worst`: every authority's value that year, ours and our neighbours marked.
    static func strip(_ doc: inout Document, _ b: Benchmark, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        let values = b.authorities(in: s.dataset)
        let strip = BenchmarkStrip(values: values, polarity: b.series.polarity)
        guard let ends = strip.ends else { return }
        let neutral = b.series.polarity == .neutral
        // A pinned outlier beyond an end shows as "<" or ">" before that end's value.
        let clip = strip.endsClipped
        let up = b.series.polarity == .higher
        let leftMark = clip.left ? (up ? ">" : "<") : "", rightMark = clip.right ? (up ? "<" : ">") : ""
        let left = (neutral ? "low " : "best ") + leftMark + ValueFormat.value(ends.left, b.series, style: .bare) + " "
        let right = " " + rightMark + ValueFormat.value(ends.right, b.series, style: .bare) + (neutral ? " high" : " worst")
        let w = doc.width - left.count - right.count
        guard w >= 10 else { return }
        let y = doc.newRow()
        var x = doc.put(0, y, left, t[.muted])
        for c in strip.cells(width: w, ctx) {
            doc.set(x, y, c)
            x += 1
        }
        doc.put(x, y, right, t[.muted])
        let me = values.first { $0.group == .own }?.name ?? "us"
        let neighbours = values.filter { $0.group == .neighbour }.count
        doc.wrapped("\(values.count) authorities · \(g.ascii ? "O" : "●") \(me)"
                    + (neighbours > 0 ? " · \(g.ascii ? "N" : "▲") \(neighbours) statistical neighbours" : ""), t[.muted])
    }

    /// The series' last five years up to the benchmark year: value, comparators, rank and quartile.
    static func years(_ doc: inout Document, _ b: Benchmark, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        let series = b.series
        let comps = b.comparators(in: s.dataset).prefix(3)
        let compW = max(9, min(12, (doc.width - 34) / max(1, comps.count) - 1))
        var head = "Year".padded(to: 7) + "Value".leftPadded(to: 8)
        for (k, c) in comps.enumerated() {
            let name = c.name.count <= compW - 2 ? c.name : ComparatorName.short(c.name)
            head += " " + "\(g.comparatorMarks[k]) \(name)".truncated(to: compW, ellipsis: g.ellipsis).leftPadded(to: compW)
        }
        head += "  Rank".padded(to: 11) + "Q" + "  SN"
        doc.line(head, t[.muted])
        let upTo = series.history.lastIndex { $0.period == b.observation.period } ?? series.history.count - 1
        guard upTo >= 0 else { return }
        for o in series.history[...upTo].suffix(5).reversed() {
            let p = s.dataset.position(of: o)
            let y = doc.newRow()
            var x = doc.put(0, y, series.benchmarkYearColumn(o.period).padded(to: 7), t[.text])
            x = doc.put(x, y, ValueFormat.value(o.value, series, style: .bare).leftPadded(to: 8), t[.text])
            for (k, c) in comps.enumerated() {
                let v = s.dataset.comparatorIndex(c.name).flatMap { o.comparator($0) }
                x = doc.put(x + 1, y, ValueFormat.value(v, series, style: .bare).leftPadded(to: compW), t[HistoryChart.seriesRole(k)])
            }
            let rank = p.rank.map { r in p.rankOf.map { "\(r)/\($0)" } ?? "\(r)" } ?? "-"
            x = doc.put(x + 2, y, rank.padded(to: 9), t[.text])
            x = doc.put(x, y, p.quartile.map { "Q\($0)" } ?? "- ", p.quartile == 4 ? t[.worse] : p.quartile == 1 ? t[.better] : t[.text])
            doc.put(x + 2, y, p.neighbourRank.map { r in p.neighbourRankOf.map { "\(r)/\($0)" } ?? "\(r)" } ?? "-", t[.text])
        }
    }
}
