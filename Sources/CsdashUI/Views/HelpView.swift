import CsdashCore

/// The `?` overlay: the keys that do something on the page underneath (from the one key table) and what
/// the symbols mean. Bindings go in two columns when one would not fit the height, so none is left out.
enum HelpView {
    /// What the symbols on this page mean (each page's own: the register has no sparklines, the overview no chart).
    static func legend(_ g: Glyphs, _ context: KeyContext = .overview) -> [String] {
        let status = "\(g.worse) worse than target  \(g.within) within tolerance  \(g.better) better  \(g.none) no target  \(g.noData) no data"
        let arrows = "\(g.up) \(g.down) \(g.flat) the way the number moved: green when that is good, red when not"
        let spc = spcLegend(g)
        let riskTrend = "\(g.up) \(g.down) \(g.flat) the score since the last review (up is worse)"
        switch context {
        case .overview:
            return [
                status + "  \(g.becameWorse) became worse",
                arrows,
                "\(g.stale) stale: no value this quarter  \(g.problem) data did not load (! lists them)",
                "History: \(g.spark.first!)..\(g.spark.last!) the values' shape (scaled to them and the target band)  after a gap, \(g.targetLevels.last!) \(g.targetLevels[1]) \(g.targetLevels.first!) the target's level",
            ] + spc
        case .indicator:
            return [
                status,
                arrows,
                "Chart: \(g.point) values  \(g.targetRule) target  \(g.bandFill) tolerance band  \(g.comparatorMarks.map(String.init).joined(separator: " ")) comparators (latest value in the legend)",
                "SPC layers (v hides them): \(g.spcMeanRule) mean  \(g.spcLimitRule) process limits  \(g.markedPoint) a special-cause value",
            ]
        case .risks:
            return [
                "Score: likelihood x impact, 1 to 25, coloured by its band  \(g.problem) part of its entry did not load",
                riskTrend,
                "Heat map: each risk in its likelihood x impact cell  +N: risks the cell has no room to name",
            ]
        case .problems:
            return [
                "Errors first, then warnings, each with its file and line",
                "\(g.problem) on the overview and the register: its data did not load  Enter opens what a problem concerns",
            ]
        case .worst:
            return [
                status,
                "Ranked as the overview's worst-first sort and the reports rank them",
                "The page says how; Enter opens an indicator",
            ]
        case .risk:
            return [
                "Score history: \(g.spark.first!)..\(g.spark.last!) the score on its own scale, 1 to 25",
                riskTrend,
                "Linked indicators: " + status,
            ]
        }
    }

    /// The two SPC icons beside the status: is the latest value a real change, and will the target be met?
    static func spcLegend(_ g: Glyphs) -> [String] {
        func v(_ t: SPCPointType, _ high: Bool) -> Character {
            g.spcVariation(SPCVerdict(variation: t, assurance: nil, tooFew: false, high: high))
        }
        let pair: (SPCPointType) -> String = { g.ascii ? String(v($0, true)) : "\(v($0, true))\(v($0, false))" }
        return [
            "Real change (SPC)? \(pair(.improvement)) better  \(pair(.concern)) worse  \(pair(.neutral)) either way  "
                + "\(v(.common, true)) no, just noise",
            "Target (SPC): P will be met  F will be missed  ~ will hit and miss",
        ]
    }

    /// The legend fitted to `width`: a line too long breaks between its items (at double spaces).
    static func legend(_ g: Glyphs, _ context: KeyContext, width: Int) -> [String] {
        var out: [String] = []
        for line in legend(g, context) {
            var current = ""
            for item in line.components(separatedBy: "  ") {
                let next = current.isEmpty ? item : current + "  " + item
                if next.count > width, !current.isEmpty {
                    out.append(current)
                    current = "  " + item
                } else {
                    current = next
                }
            }
            out.append(current)
        }
        return out
    }

    static func render(_ buf: inout Buffer, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        let context = KeyContext(s.screen)
        let bindings = KeyBindings.available(in: context)
        let w = min(buf.width - 4, 80)
        let legend = legend(g, context, width: w - 4)
        let oneColumn = bindings.count + legend.count + 3 <= buf.height - 2
        let bindingRows = oneColumn ? bindings.count : (bindings.count + 1) / 2
        // A blank row between the keys and the legend when there is room for it.
        let gap = bindingRows + legend.count + 3 <= buf.height - 2 ? 1 : 0
        let needed = bindingRows + legend.count + 2 + gap
        // The box keeps clear of the title and the footer when it fits between them; when not, it covers the
        // footer (whose keys it lists), and the title only if it must.
        let h = min(buf.height, needed)
        let top = h <= buf.height - 2 ? max(1, (buf.height - h) / 2) : (h == buf.height ? 0 : 1)
        let rect = Rect(x: (buf.width - w) / 2, y: top, width: w, height: h)
        buf.fill(rect, " ", .plain)
        buf.render(Box(title: "Keys: \(context.name)", right: "any key closes", focused: true), in: rect, ctx)
        let inner = Box.inner(rect)
        let labelW = max(6, bindings.map { g.keyLabel($0.label).count }.max() ?? 6)
        let columns = inner.columns(oneColumn ? 1 : 2, gap: 1)
        for (i, b) in bindings.enumerated() {
            let col = columns[i / bindingRows]
            let y = inner.y + i % bindingRows
            buf.put(col.x + 1, y, g.keyLabel(b.label).padded(to: labelW), t[.key])
            buf.put(col.x + labelW + 2, y, b.help(on: context), t[.text], limit: col.width - labelW - 2)
        }
        // Never over the bottom border: on a terminal too short for all of it, the legend's last lines are left out.
        let legendRows = max(0, inner.height - bindingRows - gap)
        for (k, text) in legend.prefix(legendRows).enumerated() {
            buf.put(inner.x + 1, inner.y + bindingRows + gap + k, text, t[.text], limit: inner.width - 2)
        }
    }
}

extension Glyphs {
    /// Marks an indicator whose status is worse than at its previous value: not `!`, which is the key for
    /// the data problems and the start of a notice; in ASCII `&`, which no other mark uses.
    var becameWorse: Character { ascii ? "&" : "▾" }
    /// More of a list or page above or below what is shown.
    var moreAbove: String { ascii ? "^" : "▲" }
    var moreBelow: String { ascii ? "v" : "▼" }
}
