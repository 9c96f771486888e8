import CsdashCore

/// The 5x5 likelihood x impact matrix, each cell coloured by the band of its score, with the risks placed in it.
public struct HeatMap: Widget {
    public var risks: [RiskEvaluation]
    public var bands: [RiskBand]
    public var selected: String?

    public init(risks: [RiskEvaluation], bands: [RiskBand], selected: String? = nil) {
        self.risks = risks
        self.bands = bands
        self.selected = selected
    }

    /// The ids of the risks in a cell.
    public func risks(likelihood: Int, impact: Int) -> [String] {
        risks.filter { $0.current?.likelihood == likelihood && $0.current?.impact == impact }.map(\.risk.id)
    }

    /// The ids in a cell on up to `rows` lines of `width`; what does not fit is counted on the last line
    /// ("+2 more", or "CS-02 +2" on a single line).
    static func cellLines(_ ids: [String], width: Int, rows: Int) -> [String] {
        var lines: [String] = []
        var rest = ids[...]
        while let id = rest.first, lines.count < rows {
            var line = id
            rest = rest.dropFirst()
            while let next = rest.first, line.count + 1 + next.count <= width {
                line += " " + next
                rest = rest.dropFirst()
            }
            lines.append(line)
        }
        guard !rest.isEmpty, !lines.isEmpty else { return lines }
        if rows >= 2 {
            // The last line gives way to the count of everything not shown.
            let hidden = rest.count + lines.last!.split(separator: " ").count
            lines[lines.count - 1] = "+\(hidden) more".count <= width ? "+\(hidden) more" : "+\(hidden)"
            return lines
        }
        return ["\(ids[0]) +\(ids.count - 1)"]
    }

    /// Needs 5 rows of matrix, an axis row and a label row; cells are as wide as the space allows (5 to 14)
    /// and two rows high, or as many more as the most crowded cell needs to name all its risks, when the
    /// space allows.
    public func render(_ rect: Rect, into buf: inout Buffer, _ ctx: RenderContext) {
        let theme = ctx.theme
        let labelW = 13
        let cellW = max(5, min(14, (rect.width - labelW) / 5))
        let crowded = (1...5).flatMap { l in (1...5).map { i in risks(likelihood: l, impact: i) } }
            .map { Self.cellLines($0, width: cellW - 1, rows: $0.count).count }.max() ?? 1
        let cellH = max(1, min(max(2, crowded), (rect.height - 3) / 5))
        guard rect.width >= labelW + 25, rect.height >= 5 * cellH + 3 else { return }
        buf.put(rect.x, rect.y, "Likelihood", theme[.muted])
        for l in stride(from: 5, through: 1, by: -1) {
            let y = rect.y + 1 + (5 - l) * cellH
            buf.put(rect.x + labelW - 3, y, "\(l) ", theme[.muted])
            for i in 1...5 {
                let x = rect.x + labelW - 1 + (i - 1) * cellW
                let score = l * i
                let bandIndex = Evaluator.bandIndex(for: score, in: bands) ?? 0
                let style = theme.band(index: bandIndex, of: bands.count)
                buf.fill(Rect(x: x, y: y, width: cellW - 1, height: cellH), " ", style)
                let ids = risks(likelihood: l, impact: i)
                var s = style
                if ids.isEmpty { s.dim = true } else { s.bold = true }
                if let sel = selected, ids.contains(sel) { s.underline = true }
                let lines = ids.isEmpty ? ["\(score)"] : Self.cellLines(ids, width: cellW - 1, rows: cellH)
                for (k, text) in lines.enumerated() {
                    buf.put(text, in: Rect(x: x, y: y + k, width: cellW - 1, height: 1), align: .center, s)
                }
            }
        }
        let axisY = rect.y + 1 + 5 * cellH
        for i in 1...5 {
            let x = rect.x + labelW - 1 + (i - 1) * cellW
            buf.put("\(i)", in: Rect(x: x, y: axisY, width: cellW - 1, height: 1), align: .center, theme[.muted])
        }
        buf.put("Impact", in: Rect(x: rect.x + labelW - 1, y: axisY + 1, width: cellW * 5, height: 1), align: .center, theme[.muted])
    }
}
