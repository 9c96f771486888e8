import CsdashCore

/// The `?` overlay: every key binding from the one table, and what the symbols mean.
enum HelpView {
    static func render(_ buf: inout Buffer, _ t: Theme, _ g: Glyphs) {
        let bindings = KeyBindings.all
        let legend: [(String, Style)] = [
            ("\(g.better) better than target  \(g.within) within tolerance  \(g.worse) worse  \(g.none) no target", t[.text]),
            ("\(g.up) \(g.down) \(g.flat) the way the number moved: green when that is good, red when not", t[.text]),
            ("\(g.stale) stale: no value for the quarter viewed   last History cell: the target's level", t[.text]),
        ]
        let h = min(buf.height - 2, bindings.count + legend.count + 5)
        let w = min(buf.width - 4, 78)
        let rect = Rect(x: (buf.width - w) / 2, y: max(1, (buf.height - h) / 2), width: w, height: h)
        buf.fill(rect, " ", .plain)
        let inner = buf.box(rect, title: "Keys", right: "any key closes", style: t[.focusBorder], titleStyle: t[.focusBorder], glyphs: g)
        var y = inner.y
        for b in bindings {
            guard y < inner.maxY - legend.count - 1 else { break }
            buf.put(inner.x + 1, y, b.label.padded(to: 8), t[.key])
            buf.put(inner.x + 10, y, b.help, t[.text], limit: inner.width - 11)
            y += 1
        }
        y += 1
        for (text, style) in legend where y < inner.maxY {
            buf.put(inner.x + 1, y, text, style, limit: inner.width - 2)
            y += 1
        }
    }
}
