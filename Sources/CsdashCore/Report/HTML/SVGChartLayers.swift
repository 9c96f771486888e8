import Foundation

extension SVGChart {
    /// Gridlines with their values on the left and the first and last periods below.
    func axes() -> String {
        let ind = e.indicator
        // Halved before subtracting so that values near ±1e308 give a finite range; at most a dozen gridlines,
        // counted rather than stepped, so a step too small to move a huge value cannot loop.
        let step = Self.niceStep(hi / 5 - lo / 5)
        var out = "<g font-size=\"13\" fill=\"#333\" font-family=\"Arial,Helvetica,sans-serif\">"
        let first = (lo / step).rounded(.up)
        for k in 0..<12 {
            let v = (first + Double(k)) * step
            guard v <= hi, v.isFinite else { break }
            let yy = Self.f(y(v))
            out += "<line x1=\"\(Self.left)\" x2=\"\(Self.width - Self.right)\" y1=\"\(yy)\" y2=\"\(yy)\" "
                + "stroke=\"#ddd\"/>"
            let label = ValueFormat.value(v, ind, style: .bare)
            out += "<text x=\"\(Self.left - 6)\" y=\"\(Self.f(y(v) + 4))\" text-anchor=\"end\">\(h(label))</text>"
        }
        let base = Self.f(Self.height - 8)
        out += "<text x=\"\(Self.left)\" y=\"\(base)\">\(h(series.periods.first!.short))</text>"
        if series.periods.count > 1 {
            out += "<text x=\"\(Self.width - Self.right)\" y=\"\(base)\" text-anchor=\"end\">"
                + "\(h(series.periods.last!.short))</text>"
        }
        return out + "</g>"
    }

    /// A round step near `raw`: 1, 2, 2.5 or 5 times a power of ten.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let p = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 2.5, 5, 10] where m * p >= raw { return m * p }
        return 10 * p
    }

    /// The tolerance band (grey) and the target (a dark red step line): one rectangle and one segment for each
    /// stretch of periods under the same target, each holding until the next period.
    func targetLayer() -> String {
        var band = "", line = ""
        var i = 0
        while i < targets.count {
            guard let t = targets[i] else {
                i += 1
                continue
            }
            var j = i + 1
            while j < targets.count, targets[j] == t { j += 1 }
            // From the stretch's first point to the next stretch's first point (or a sliver past the last).
            let xa = x(i), xb = j < targets.count ? x(j) : max(x(j - 1), xa + 1)
            let (b0, b1) = self.band(t)
            if b1 - b0 > 0 {
                let ya = y(t.value + b1), yb = y(t.value + b0)
                band += "<rect x=\"\(Self.f(xa))\" y=\"\(Self.f(ya))\" width=\"\(Self.f(xb - xa))\" "
                    + "height=\"\(Self.f(yb - ya))\"/>"
            }
            line += "M\(Self.f(xa)) \(Self.f(y(t.value)))H\(Self.f(xb))"
            i = j
        }
        var out = ""
        if !band.isEmpty { out += "<g fill=\"#e6e6e6\">\(band)</g>" }
        if !line.isEmpty { out += "<path d=\"\(line)\" fill=\"none\" stroke=\"#8a1c1c\" stroke-width=\"2\"/>" }
        return out
    }

    /// The statistical mean (a thin grey line) and the process limits (dotted), when there is an analysis.
    func spcLayer() -> String {
        guard let spc else { return "" }
        var out = ""
        let xa = Self.f(Self.left), xb = Self.f(Self.width - Self.right)
        for (v, dash) in [(spc.mean, ""), (spc.lower, " stroke-dasharray=\"2 3\""), (spc.upper, " stroke-dasharray=\"2 3\"")] {
            guard let v else { continue }
            let yy = Self.f(y(v))
            out += "<line x1=\"\(xa)\" x2=\"\(xb)\" y1=\"\(yy)\" y2=\"\(yy)\" stroke=\"#666\"\(dash)/>"
        }
        return out
    }

    /// Dots on each point when there are few, and the latest point marked with its value.
    func markers() -> String {
        var out = "<g fill=\"#0b4f9c\">"
        let known = series.known
        if known.count <= 40 {
            for (i, v) in known { out += "<circle cx=\"\(Self.f(x(i)))\" cy=\"\(Self.f(y(v)))\" r=\"2.5\"/>" }
        }
        // Special causes ringed: one path of circles.
        var rings = ""
        for i in series.specialCauses {
            guard let v = series.values[i] else { continue }
            rings += "M\(Self.f(x(i) - 5.5)) \(Self.f(y(v)))a5.5 5.5 0 1 0 11 0a5.5 5.5 0 1 0-11 0"
        }
        if !rings.isEmpty { out += "<path d=\"\(rings)\" fill=\"none\" stroke=\"#b34700\" stroke-width=\"2\"/>" }
        if let (i, v) = known.last {
            let label = ValueFormat.value(v, e.indicator)
            out += "<circle cx=\"\(Self.f(x(i)))\" cy=\"\(Self.f(y(v)))\" r=\"4.5\"/>"
            let ly = y(v) < Self.top + 16 ? y(v) + 18 : y(v) - 9
            out += "<text x=\"\(Self.f(x(i)))\" y=\"\(Self.f(ly))\" text-anchor=\"end\" font-size=\"14\" "
                + "font-weight=\"700\" font-family=\"Arial,Helvetica,sans-serif\">\(h(label))</text>"
        }
        return out + "</g>"
    }

    /// What the chart shows, in words: the latest value, the target and status, the change, and the range.
    var description: String {
        let ind = e.indicator
        var parts: [String] = []
        if let v = e.value, let p = e.current?.period {
            var s = "\(ValueFormat.value(v, ind)) in \(p.short)"
            if let t = e.target, let phrase = TargetWords.phrase(e.status) {
                s += ", \(phrase) (\(ValueFormat.value(t.value, ind)))"
            }
            parts.append(s + ".")
        }
        if let facts = SeriesFacts(e, spc: nil), let change = ChangeWords.sentence(facts) { parts.append(change) }
        let known = series.known
        if let low = known.min(by: { $0.1 < $1.1 }), let high = known.max(by: { $0.1 < $1.1 }), known.count > 1 {
            parts.append("From \(series.periods.first!.short) to \(series.periods.last!.short) the lowest was "
                + "\(ValueFormat.value(low.1, ind)) (\(series.periods[low.0].short)) and the highest "
                + "\(ValueFormat.value(high.1, ind)) (\(series.periods[high.0].short)).")
        }
        if !comparators.isEmpty { parts.append("Dashed lines: \(comparators.map(\.name).joined(separator: ", ")).") }
        return parts.joined(separator: " ")
    }
}
