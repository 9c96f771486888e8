import CsdashCore

/// The "Needs attention" page: every indicator worse than target, worst first (`Worst`, named in the heading), with how
/// many quarters (years, for an annual indicator) running it has been worse.
enum WallAttention {
    struct Item {
        var evaluation: IndicatorEvaluation
        /// Consecutive quarters, up to and including the one shown, judged worse than target; for an annual
        /// indicator, consecutive years (its own values), so five worse years read "5 years", not "19 quarters".
        var quarters: Int
        var annual = false

        /// `5 quarters`, `this quarter`, `3 years`, `this year`.
        func runText(compact: Bool) -> String {
            if quarters == 0 { return compact ? "no data now" : "no data this quarter" }
            let unit = annual ? "year" : "quarter"
            return quarters == 1 ? "this \(unit)" : "\(quarters) \(unit)s"
        }

        /// Worse for a year or more.
        var long: Bool { annual ? quarters >= 2 : quarters >= 4 }
    }

    /// Worse-than-target indicators, worst first as `Worst` defines it everywhere (furthest from target as a share
    /// of it; ties in the scorecard's order).
    static func items(_ card: Scorecard) -> [Item] {
        Worst.sorted(card.indicators).compactMap { e -> Item? in
            guard e.status == .worse, e.value != nil, e.target != nil else { return nil }
            let annual = e.indicator.frequency == .annual
            return Item(evaluation: e, quarters: annual ? yearsWorse(e) : quartersWorse(e), annual: annual)
        }
    }

    /// How many items there are (without working out how long each has been worse).
    static func count(_ card: Scorecard) -> Int {
        card.indicators.filter { $0.status == .worse && $0.value != nil && $0.target != nil }.count
    }

    /// An annual indicator's run: its own values, latest first, while each was judged worse than target.
    static func yearsWorse(_ e: IndicatorEvaluation) -> Int {
        guard !e.stale else { return 0 }
        var n = 0
        for o in e.visibleHistory.reversed() {
            guard o.value != nil, Evaluator.status(of: o, in: e.indicator) == .worse else { break }
            n += 1
        }
        return n
    }

    /// Walks back quarter by quarter while the indicator, as judged at that quarter, was worse and current.
    static func quartersWorse(_ e: IndicatorEvaluation) -> Int {
        var n = 0
        var q = Period.quarter(containingMonthIndex: e.asAt.endMonthIndex)
        while n < 80 {
            let past = Evaluator.evaluate(e.indicator, asAt: q)
            guard past.status == .worse, !past.stale else { break }
            n += 1
            q = q.previous
        }
        return n
    }

    /// `8.8pp below target (10%)`, or compact `-8.8pp (10%)` (value minus target): the gap in the unit, and in
    /// brackets as the share of the target by which the page is ranked (the column's heading says so).
    static func gapText(_ item: Item, compact: Bool = false) -> String {
        let e = item.evaluation
        let share = e.gapShare.map { " (\($0))" } ?? ""
        guard compact else { return (e.unitGap ?? "") + " target" + share }
        guard let v = e.value, let t = e.target else { return "" }
        return ValueFormat.change(Rounding.round(v - t.value, decimals: e.indicator.decimals), e.indicator) + share
    }

    static func rowsPerPage(_ body: Rect) -> Int { max(1, body.height - 1) }

    static func render(_ buf: inout Buffer, _ body: Rect, _ s: WallState, part: Int, parts: Int,
                       _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        let all = items(s.card)
        guard !all.isEmpty else {
            let msg = "\(g.better) Nothing is worse than target in \(s.asAt.short)"
            buf.put(msg, in: body, row: body.height / 2, align: .center, t[.better].bolded)
            return
        }
        let per = (all.count + parts - 1) / max(1, parts)
        let list = Array(all.dropFirst(part * per).prefix(per))
        let area = Rect(x: body.x + 2, y: body.y, width: body.width - 4, height: body.height)
        // Columns: symbol, name, value, gap, target, quarters worse.
        // Narrow screens: tighter columns ("18.7pp below"), so the names keep their room.
        let compact = area.width < 110
        let gapW = compact ? 17 : 26, targetW = compact ? 9 : 16, runW = compact ? 12 : 18
        // Values in 3-row digits when every row can have 4 lines and the names keep at least 40 cells.
        let scale = g.ascii ? 1 : 2
        let bigW = list.compactMap { WallTiles.bigText($0.evaluation) }
            .map { BigDigits.width($0, rows: 3, scale: scale, ascii: g.ascii) }.max() ?? 0
        let fixed = 2 + gapW + targetW + runW + 4
        let big = area.height - 1 >= list.count * 4 && area.width - fixed - bigW >= 40
        let valueW = big ? max(14, bigW) : compact ? 8 : 14
        var nameW = area.width - fixed - valueW
        var showTarget = true
        if nameW < 24 { showTarget = false; nameW += targetW + 1 }
        let valueCol = area.x + 2 + nameW + 1
        var head = ("Indicator, " + Worst.name).padded(to: nameW + 2) + " " + "Value".leftPadded(to: valueW) + " " + "Gap (% of target)".leftPadded(to: gapW)
        if showTarget { head += " " + "Target".leftPadded(to: targetW) }
        head += " " + "Worse for".leftPadded(to: runW)
        buf.put(area.x, area.y, head, t[.muted], limit: area.width)
        let rowH = big ? 4 : max(1, min(3, (area.height - 1) / max(1, list.count)))
        for (i, item) in list.enumerated() {
            let e = item.evaluation
            let y = area.y + 1 + i * rowH + (big ? 1 : 0)
            guard y < area.maxY else { break }
            let st = t.status(e.status)
            buf[area.x, y] = Cell(g.status(e.status), st.bolded)
            let name = e.indicator.title.count <= nameW ? e.indicator.title : e.indicator.short
            buf.put(area.x + 2, y, name.padded(to: nameW, ellipsis: g.ellipsis), t[.title])
            if big, let text = WallTiles.bigText(e) {
                // Right-aligned in the value column, the middle row level with the name.
                let w = BigDigits.width(text, rows: 3, scale: scale, ascii: g.ascii)
                BigDigits.draw(&buf, x: valueCol + valueW - w, y: y - 1, text, rows: 3, scale: scale, ascii: g.ascii, st.bolded)
            } else {
                buf.put(valueCol, y, ValueFormat.value(e.value, e.indicator).leftPadded(to: valueW), st.bolded)
            }
            var x = valueCol + valueW + 1
            x = buf.put(x, y, gapText(item, compact: compact).leftPadded(to: gapW), st) + 1
            if showTarget { x = buf.put(x, y, Chrome.targetText(e, g).leftPadded(to: targetW), t[.target]) + 1 }
            buf.put(x, y, item.runText(compact: compact).leftPadded(to: runW), item.long ? t[.worse] : t[.text])
        }
    }
}
