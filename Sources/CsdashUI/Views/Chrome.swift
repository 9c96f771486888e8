import CsdashCore

/// The frame around every screen: the header (title, where in time, counts), the breadcrumb, the footer of keys.
enum Chrome {
    /// Counts worst first, each in its status colour: `✗14 ≈7 ✓5`. The one order used everywhere.
    static let countOrder: [Status] = [.worse, .within, .better]

    static func counts(_ list: [IndicatorEvaluation], _ ctx: RenderContext, over background: Style? = nil) -> [(String, Style)] {
        // One pass over the statuses, copying no evaluation (a scorecard can hold thousands).
        var n = Array(repeating: 0, count: countOrder.count)
        for i in list.indices {
            if let k = countOrder.firstIndex(of: list[i].status) { n[k] += 1 }
        }
        return counts(n, ctx, over: background)
    }

    /// The same from counts already made, in `countOrder`.
    static func counts(_ n: [Int], _ ctx: RenderContext, over background: Style? = nil) -> [(String, Style)] {
        countOrder.enumerated().map { k, st in
            let style = background.map { ctx.theme.status(st).over($0).bolded } ?? ctx.theme.status(st)
            return ("\(ctx.glyphs.status(st))\(n[k])", style)
        }
    }

    /// `  ∅5 no data`, in words beside the symbol counts (in the status's colour), when some indicator with a
    /// target has no value for the quarter; nil when none has.
    static func noDataCount(_ list: [IndicatorEvaluation], _ ctx: RenderContext, over background: Style? = nil) -> (String, Style)? {
        var n = 0
        for i in list.indices where list[i].status == .noData { n += 1 }
        guard n > 0 else { return nil }
        let style = background.map { ctx.theme.status(.noData).over($0).bolded } ?? ctx.theme.status(.noData)
        return ("  \(ctx.glyphs.noData)\(n) no data", style)
    }

    /// An authority's name without the kind of council: "Gloucestershire County Council" → "Gloucestershire",
    /// "London Borough of Camden" → "Camden". A name that would become empty is kept as it is.
    static func shortOrganisation(_ name: String) -> String {
        var n = name
        for prefix in ["London Borough of ", "Royal Borough of ", "City of "] where n.hasPrefix(prefix) {
            n = String(n.dropFirst(prefix.count))
        }
        for suffix in [" Metropolitan Borough Council", " County Borough Council", " Borough Council", " County Council",
                       " City Council", " District Council", " Council"] where n.hasSuffix(suffix) {
            n = String(n.dropLast(suffix.count))
            break
        }
        return n.isEmpty ? name : n
    }

    /// The dashboard's title without a trailing "Performance", "Dashboard" or "Report".
    static func shortTitle(_ title: String) -> String {
        for suffix in [" Performance", " Dashboard", " Report"] where title.hasSuffix(suffix) && title.count > suffix.count {
            return String(title.dropLast(suffix.count))
        }
        return title
    }

    static func header(_ buf: inout Buffer, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        let w = buf.width
        let hs = t[.header]
        buf.fill(Rect(x: 0, y: 0, width: w, height: 1), " ", hs)
        let org = s.dataset.organisation.isEmpty ? "" : g.bullet + s.dataset.organisation
        // Right side: where in time, the data date when there is room, then the counts.
        var when: [(String, Style)]
        if s.awayFromReportQuarter, let report = s.reportQuarter {
            // Not the quarter reported on: said in words and set apart in the warning colour.
            var warn = hs
            warn.fg = t[.within].fg == .default ? hs.fg : t[.within].fg
            warn.bold = true
            warn.underline = true
            let note = s.asAt < report ? (s.dataset.opensAt == nil ? "latest" : "report") : "report"
            when = [("viewing \(s.asAt.short)", warn), (g.bullet + "\(note) \(report.short)", hs)]
        } else {
            when = [(s.asAt.short, hs.bolded)]
        }
        let date: [(String, Style)] = s.card.dataAsAt.map { [("  data to \($0.endDateText)", hs)] } ?? []
        var counts: [(String, Style)] = [("   ", hs)]
        for (i, c) in Chrome.counts(s.card.indicators, ctx, over: hs).enumerated() {
            counts.append((i == 0 ? c.0 : " " + c.0, c.1))
        }
        if let missing = Chrome.noDataCount(s.card.indicators, ctx, over: hs) { counts.append(missing) }
        func width(_ p: [(String, Style)]) -> Int { p.reduce(0) { $0 + $1.0.count } }
        // The title and organisation shorten in steps a reader still recognises ("Children's Services ·
        // Gloucestershire") before the data date goes, and only then is anything cut with an ellipsis.
        let full = s.dataset.title + org
        let shortOrg = s.dataset.organisation.isEmpty ? "" : g.bullet + Chrome.shortOrganisation(s.dataset.organisation)
        let shortTitle = Chrome.shortTitle(s.dataset.title)
        let lefts = [full, s.dataset.title + shortOrg, shortTitle + shortOrg]
        let fallbacks = [s.dataset.title + shortOrg, shortTitle + shortOrg,
                         s.dataset.organisation.isEmpty ? shortTitle : Chrome.shortOrganisation(s.dataset.organisation)]
        var candidates = lefts.map { ($0, when + date + counts) } + fallbacks.map { ($0, when + counts) }
        if date.isEmpty { candidates = lefts.map { ($0, when + counts) } + fallbacks.map { ($0, when + counts) } }
        let chosen = candidates.first { $0.0.count <= w - width($0.1) - 3 } ?? (full, when + counts)
        let parts = chosen.1
        let leftRoom = max(0, w - width(parts) - 3)
        buf.put(1, 0, chosen.0, hs, limit: leftRoom)
        var x = w - width(parts) - 1
        for (text, style) in parts { x = buf.put(x, 0, text, style) }
    }

    /// `Overview › Social care › Re-referrals`; when it does not fit, the start gives way (`… › Risk CS-01 ›
    /// Re-referrals`) so the page you are on and the way back stay readable. Filters and sort on the right.
    static func breadcrumb(_ buf: inout Buffer, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        // The data-problems banner takes the right of the row (up to two thirds: the crumbs are short, the
        // file and line matter); the crumbs and the filter text the rest.
        var bannerX = buf.width
        let banner = ProblemsBanner(s.problems, folder: s.dataset.folder)
        if banner.width > 0 {
            let w = min(banner.width, max(buf.width / 2, buf.width - 2 - s.breadcrumb.joined(separator: g.separator).displayWidth))
            bannerX = buf.width - w
            buf.render(banner, in: Rect(x: bannerX, y: 1, width: w, height: 1), ctx)
        }
        var right: [String] = []
        if s.screen == .risks {
            if s.editingFilter || !s.riskFilter.isEmpty { right.append("filter: /\(s.riskFilter)\(s.editingFilter ? "_" : "")") }
        } else {
            if s.editingFilter || !s.filter.isEmpty { right.append("filter: /\(s.filter)\(s.editingFilter ? "_" : "")") }
            if s.statusFilter != .all { right.append("showing: \(s.statusFilter.rawValue)") }
            if s.sortOrder != .listed { right.append("sorted: " + s.sortOrder.name) }
        }
        let rightText = right.joined(separator: "   ")
        let room = bannerX - 2 - (rightText.isEmpty ? 0 : rightText.displayWidth + 3)
        var crumbs = s.breadcrumb
        func length(_ c: [String]) -> Int { c.reduce(0) { $0 + $1.displayWidth } + max(0, c.count - 1) * g.separator.displayWidth }
        var cut = false
        while crumbs.count > 1, length(crumbs) + (cut ? g.ellipsis.displayWidth + g.separator.displayWidth : 0) > room {
            crumbs.removeFirst()
            cut = true
        }
        var x = 1
        if cut {
            x = buf.put(x, 1, g.ellipsis, t[.muted], limit: bannerX - 1 - x)
            x = buf.put(x, 1, g.separator, t[.muted], limit: bannerX - 1 - x)
        }
        for (i, c) in crumbs.enumerated() {
            if i > 0 { x = buf.put(x, 1, g.separator, t[.muted], limit: bannerX - 1 - x) }
            x = buf.put(x, 1, c, i == crumbs.count - 1 ? t[.title] : t[.text], limit: bannerX - 1 - x)
        }
        if !rightText.isEmpty {
            let rx = max(x + 2, bannerX - rightText.displayWidth - 1)
            buf.put(rx, 1, rightText, t[.key], limit: bannerX - 1 - rx)
        }
    }

    /// The keys that do something on this page, from the key table; `? help` and `q quit` always fit.
    static func footer(_ buf: inout Buffer, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let y = buf.height - 1
        var x = 1
        if s.editingFilter {
            x = buf.put(x, y, s.screen == .risks ? "type to filter risks" : "type to filter", t[.muted])
            for (k, what) in [("Enter", "keep"), ("Esc", "clear"), ("Backspace", "delete")] {
                x = buf.put(x + 2, y, k, t[.key]); x = buf.put(x + 1, y, what, t[.muted])
            }
            return
        }
        let items = footerItems(s, ctx.glyphs)
        // Which items fit, by priority (help and quit first); shown in the key table's order.
        let priority: [String] = ["help", "quit", "open", "back", "clear", "panel", "quarter", "filter", "risks", "status", "sort", "move", "worst"]
        func need(_ i: FooterItem, gap: Int) -> Int { i.label.count + 1 + i.what.count + gap }
        var chosen = Set<String>()
        var gap = 2
        for g in [2, 1] {
            gap = g
            var room = buf.width - 1
            chosen = []
            for word in priority {
                guard let item = items.first(where: { $0.what == word || $0.what.hasPrefix(word + " ") }) else { continue }
                if need(item, gap: g) <= room { room -= need(item, gap: g); chosen.insert(word) }
            }
            if chosen.count == items.count { break }
            // Two spaces between items keep "Enter open Initial decisions 24h  Esc back" readable: a single
            // space is used only when two would lose one of the keys a reader needs to find their way.
            let needed = items.map { String($0.what.prefix { $0 != " " }) }.filter { ["help", "quit", "open", "back", "clear"].contains($0) }
            if needed.allSatisfy(chosen.contains) { break }
        }
        for item in items where chosen.contains(item.what) || chosen.contains(String(item.what.prefix { $0 != " " })) {
            x = buf.put(x, y, item.label, t[.key])
            x = buf.put(x + 1, y, item.what, t[.muted]) + gap
        }
    }

    struct FooterItem {
        var label: String
        var what: String
    }

    /// The footer's words for this page: bindings marked for the footer that act here (Enter and the
    /// arrows only where there is something to open or move between).
    static func footerItems(_ s: AppState, _ g: Glyphs) -> [FooterItem] {
        let context = KeyContext(s.screen)
        var out: [FooterItem] = []
        for b in KeyBindings.available(in: context) {
            guard let short = b.footer, !short.isEmpty else { continue }
            switch b.action {
            case .enter, .down:
                if context != .overview, s.links.isEmpty { continue }
            case .back:
                if context == .overview {
                    if s.filter.isEmpty && s.statusFilter == .all && s.sortOrder == .listed { continue }
                    out.append(FooterItem(label: "Esc", what: "clear"))
                    continue
                }
            default: break
            }
            let label = b.action == .nextQuarter ? "[ ]" : b.action == .down ? (g.ascii ? "j k" : "↑↓") : b.keys.first.map(keyName) ?? b.label
            var what = short
            // On a page, Enter names what it opens, even when that row is scrolled out of view.
            if b.action == .enter, context == .indicator || context == .risk, let link = s.links[safe: s.top.selected] {
                switch link {
                case let .risk(id): what = "open \(id)"
                case let .indicator(id): what = "open " + (s.dataset.indicator(id)?.short ?? id)
                default: break
                }
            }
            out.append(FooterItem(label: label, what: what))
        }
        return out
    }

    static func keyName(_ k: Key) -> String {
        switch k {
        case let .char(c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        default: return ""
        }
    }

    /// A value's target written as a bound: `≥90.0%` for higher, `≤22.5%` for lower.
    static func targetText(_ e: IndicatorEvaluation, _ g: Glyphs) -> String {
        guard let t = e.target else { return "" }
        return ChartBand.bound(t.value, e.indicator, g)
    }
}

extension Buffer {
    /// Marks a row as selected: the selection background (or reverse video) under the existing characters, and
    /// the selection's bold and underline (the monochrome selection, which must not reverse a sparkline).
    mutating func highlight(_ rect: Rect, _ selection: Style) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) {
                var c = self[x, y]
                // A cell with a background of its own (a score badge) keeps it: its text is chosen to read on it.
                if selection.reverse { c.style.reverse = true } else if c.style.bg == .default { c.style.bg = selection.bg }
                if selection.bold { c.style.bold = true }
                if selection.underline { c.style.underline = true }
                self[x, y] = c
            }
        }
    }
}
