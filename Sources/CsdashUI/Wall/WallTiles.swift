import CsdashCore

/// A panel page: every indicator of the panel as a tile, its value in large digits where the tile is big enough.
enum WallTiles {
    static func render(_ buf: inout Buffer, _ body: Rect, _ s: WallState, panel: String, part: Int, parts: Int,
                       _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        let all = s.card.indicators(in: panel)
        let per = (all.count + parts - 1) / max(1, parts)
        let list = Array(all.dropFirst(part * per).prefix(per))
        guard !list.isEmpty else {
            buf.put("no indicators in this panel", in: body, row: body.height / 2, align: .center, t[.muted])
            return
        }
        let grid = WallLayout.tileGrid(body, count: list.count)
        // Every tile the same size, the grid centred; every tile's digits the same size, so the page reads evenly.
        let tw = body.width / grid.columns, th = body.height / grid.rows
        let x0 = body.x + (body.width - tw * grid.columns) / 2
        let inner = Rect(x: 0, y: 0, width: tw - 4, height: th - 2)
        let digits = digitSize(list.compactMap(bigText), inner: inner, ascii: g.ascii)
        for (i, e) in list.enumerated() {
            let r = Rect(x: x0 + (i % grid.columns) * tw, y: body.y + (i / grid.columns) * th, width: tw, height: th)
            tile(&buf, r, e, digits: digits, ctx)
        }
    }

    /// The largest digits (rows, scale) in which every value fits a tile's inside; rows 0 means plain text.
    static func digitSize(_ texts: [String], inner: Rect, ascii: Bool) -> (rows: Int, scale: Int) {
        let candidates = [(5, 2), (5, 1), (3, 2), (3, 1)].filter { !(ascii && $0.0 == 3 && $0.1 == 2) }
        for (rows, scale) in candidates where inner.height >= rows + 3 {
            if texts.allSatisfy({ BigDigits.width($0, rows: rows, scale: scale, ascii: ascii) <= inner.width }) {
                return (rows, scale)
            }
        }
        return (0, 1)
    }

    /// Rows of large digits a tile of this size can hold (5, 3, or 0 for plain text).
    static func digitRows(tileWidth: Int, tileHeight: Int, valueWidth: Int, ascii: Bool = false) -> Int {
        let innerW = tileWidth - 4, innerH = tileHeight - 2
        let sample = String(repeating: "8", count: valueWidth)
        if innerH >= 8, BigDigits.width(sample, rows: 5) <= innerW { return 5 }
        if innerH >= 6, BigDigits.width(sample, rows: 3, ascii: ascii) <= innerW { return 3 }
        return 0
    }

    /// The headline in large characters: the number, with `%` for percentages.
    static func bigText(_ e: IndicatorEvaluation) -> String? {
        guard let v = e.value else { return nil }
        return ValueFormat.number(v, decimals: e.indicator.decimals) + (e.indicator.unit == .percent ? "%" : "")
    }

    /// What follows the large number in small text: `per 10,000`, `days`.
    static func unitText(_ e: IndicatorEvaluation) -> String {
        switch e.indicator.unit {
        case .rate: return e.indicator.per.map { "per " + ($0.split(separator: " ").first.map(String.init) ?? $0) } ?? ""
        case .days: return "days"
        default: return ""
        }
    }

    /// `target ≥90.0%, within 2.0pp below` (as the indicator page says it), or shorter (`target ≥90.0%`, `≥90.0%`) to fit `width`.
    static func targetText(_ e: IndicatorEvaluation, _ g: Glyphs, width: Int) -> String {
        guard let tg = e.target else { return "no target" }
        let bound = "target " + Chrome.targetText(e, g)
        var texts = [bound, Chrome.targetText(e, g)]
        if tg.tolerance > 0, e.indicator.polarity != .neutral {
            let tol = ValueFormat.number(tg.tolerance, decimals: e.indicator.decimals)
                + (e.indicator.unit == .percent ? "pp" : "")
            texts.insert(bound + ", within \(tol) " + (e.indicator.polarity == .higher ? "below" : "above"), at: 0)
        }
        return texts.first { $0.count <= width } ?? texts.last!
    }

    /// `↑ from 17.9%` (the arrow coloured by whether the move is good).
    static func directionText(_ e: IndicatorEvaluation, _ g: Glyphs) -> String {
        guard let p = e.previousValue, e.direction != .none else { return "" }
        let arrow = g.arrow(e.direction, polarity: e.indicator.polarity)
        if e.direction == .unchanged { return "\(arrow) unchanged" }
        return "\(arrow) from \(ValueFormat.value(p, e.indicator, style: .bare))"
    }

    static func tile(_ buf: inout Buffer, _ rect: Rect, _ e: IndicatorEvaluation, digits: (rows: Int, scale: Int),
                     _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        let st = t.status(e.status)
        let border = e.status == .none ? t[.wallTile] : st
        buf.render(Box(), in: rect, ctx)
        recolourBorder(&buf, rect, border)
        var inner = Box.inner(rect)
        inner = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        guard inner.width >= 8, inner.height >= 3 else { return }
        // Name line: status symbol, the SPC variation and assurance icons (as on the overview), name, and on the
        // right the stale mark.
        buf[inner.x, inner.y] = e.indicator.dataProblem ? Cell(g.problem, t[.worse].bolded) : Cell(g.status(e.status), st.bolded)
        // As on the overview: the status became worse this quarter.
        if e.becameWorse, !e.indicator.dataProblem { buf[inner.x + 1, inner.y] = Cell(g.becameWorse, t[.worse]) }
        let verdict = SPCVerdict.of(e.indicator, upTo: e.currentIndex)
        buf[inner.x + 2, inner.y] = Cell(g.spcVariation(verdict), t.spc(verdict?.variation ?? .common))
        buf[inner.x + 3, inner.y] = Cell(g.spcAssurance(verdict), t.assurance(verdict?.assurance))
        let nameX = inner.x + 5
        // An indicator whose data failed to load says so instead of "not this quarter" (ProblemMarks).
        let staleMark = e.indicator.dataProblem ? " \(g.problem) data error" : e.stale ? " \(g.stale) not this quarter" : ""
        let nameRoom = inner.width - 5 - (e.stale ? min(staleMark.count, 3) : 0)
        let name = e.indicator.title.count <= nameRoom ? e.indicator.title : e.indicator.short
        buf.put(nameX, inner.y, name.truncated(to: nameRoom, ellipsis: g.ellipsis), t[.title])
        if e.stale {
            // Short of room: the stale mark alone, or for a data error nothing (the ⚠ on the left says it).
            let short = e.indicator.dataProblem ? "" : " \(g.stale)"
            let mark = inner.width - 5 - name.count >= staleMark.count + 1 ? staleMark : short
            buf.put(inner.maxX - mark.count, inner.y, mark, t[.stale])
        }
        // The movement always shows: the target's wording shortens to leave room for it.
        let direction = directionText(e, g)
        let target = targetText(e, g, width: inner.width - (direction.isEmpty ? 0 : direction.count + 2))
        let sparkY = inner.maxY - 1
        let valueText = e.indicator.dataProblem ? "data error (see the banner)"
            : e.status == .noData ? "no data" : ValueFormat.value(e.value, e.indicator)
        let valueStyle = e.status == .none ? t[.text].bolded : st.bolded

        if let big = bigText(e) {
            let rows = digits.rows, scale = digits.scale
            if rows > 0 {
                // Name, digits, target line; below them the history as a chart with the target band where
                // there are 5 rows or more to spare, else a sparkline on the last row.
                let rest = inner.height - (1 + rows + 1)
                let chart = rest >= 6 && inner.width >= 24
                let spare = chart ? (rest >= 10 ? 1 : 0) : rest - 1
                let dy = inner.y + 1 + (chart ? spare : spare / 2)
                let w = BigDigits.width(big, rows: rows, scale: scale, ascii: g.ascii)
                let unit = unitText(e)
                let total = w + (unit.isEmpty ? 0 : unit.count + 1)
                let dx = inner.x + max(0, (inner.width - (total <= inner.width ? total : w)) / 2)
                let end = BigDigits.draw(&buf, x: dx, y: dy, big, rows: rows, scale: scale, ascii: g.ascii, valueStyle)
                if !unit.isEmpty, total <= inner.width { buf.put(end + 1, dy + rows - 1, unit, t[.muted]) }
                if chart {
                    let ty = dy + rows
                    infoLine(&buf, inner, y: ty, target: target, direction: direction, e, ctx)
                    let area = Rect(x: inner.x, y: ty + 2, width: inner.width, height: inner.maxY - ty - 2)
                    if e.visibleHistory.isEmpty {
                        buf.put("no history", in: area, row: area.height / 2, align: .center, t[.muted])
                    } else {
                        // Without comparators: the value against its target band, nothing to decode.
                        buf.render(HistoryChart(e, dataset: Dataset(), legend: false), in: area, ctx)
                    }
                    return
                }
                let ty = dy + rows + (spare > 1 ? 1 : 0)
                infoLine(&buf, inner, y: min(ty, sparkY - 1), target: target, direction: direction, e, ctx)
                spark(&buf, inner, y: sparkY, e, ctx)
                return
            }
        }
        // Plain text: value and target on one line (two when there is room), then the sparkline.
        var x = buf.put(inner.x, inner.y + 1, valueText, valueStyle) + 2
        if inner.height >= 4 {
            infoLine(&buf, inner, y: inner.y + 2, target: target, direction: direction, e, ctx)
        } else {
            x = buf.put(x, inner.y + 1, target, t[.target], limit: inner.maxX - x) + 2
            // The movement in words when it fits, else its arrow alone ("↓" for "↓ from 88.2%").
            let moved = x + direction.count <= inner.maxX ? direction : direction.first.map(String.init) ?? ""
            if x + moved.count <= inner.maxX { buf.put(x, inner.y + 1, moved, t.direction(e.direction)) }
        }
        spark(&buf, inner, y: sparkY, e, ctx)
    }

    static func infoLine(_ buf: inout Buffer, _ inner: Rect, y: Int, target: String, direction: String,
                         _ e: IndicatorEvaluation, _ ctx: RenderContext) {
        let t = ctx.theme
        let x = buf.put(inner.x, y, target, t[.target], limit: inner.width)
        if x + 2 + direction.count <= inner.maxX {
            buf.put(inner.maxX - direction.count, y, direction, t.direction(e.direction))
        }
    }

    /// The history as a sparkline across the tile, the last cell the target level (as on the overview).
    static func spark(_ buf: inout Buffer, _ inner: Rect, y: Int, _ e: IndicatorEvaluation, _ ctx: RenderContext) {
        let t = ctx.theme
        let n = e.visibleHistory.count
        guard n > 0 else {
            buf.put(inner.x, y, "no history", t[.muted])
            return
        }
        let marker = e.target == nil ? 0 : IndicatorSparkline.targetCells
        buf.render(IndicatorSparkline(e), in: Rect(x: inner.x, y: y, width: min(inner.width, n + marker), height: 1), ctx)
    }

    /// The tile's border in its status colour, so a red tile reads as red from across the room.
    static func recolourBorder(_ buf: inout Buffer, _ r: Rect, _ style: Style) {
        guard r.width >= 2, r.height >= 2 else { return }
        for x in r.x..<r.maxX {
            for y in [r.y, r.maxY - 1] where x >= 0 && x < buf.width && y >= 0 && y < buf.height {
                buf[x, y].style = style
            }
        }
        for y in r.y..<r.maxY where y >= 0 && y < buf.height {
            for x in [r.x, r.maxX - 1] where x >= 0 && x < buf.width { buf[x, y].style = style }
        }
    }
}
