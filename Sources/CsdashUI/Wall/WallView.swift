import CsdashCore
import Foundation

/// Draws a wall frame: the header (title, quarter, data as at, clock), the page line (page name and the
/// page indicator `● ○ ○`), the stale and reload banners, and the page. No footer, no selection.
public enum WallView: FrameView {
    public static func draw(_ s: WallState, _ ctx: RenderContext) -> Buffer {
        let t = ctx.theme
        var buf = Buffer(width: s.width, height: s.height)
        if s.width < OverviewLayout.minWidth || s.height < OverviewLayout.minHeight {
            let msg = "terminal too small for the wall: \(s.width)x\(s.height), needs \(OverviewLayout.minWidth)x\(OverviewLayout.minHeight)"
            let lines = TextWrap.lines(msg, width: max(1, s.width))
            for (i, l) in lines.enumerated() {
                buf.put(l, in: Rect(x: 0, y: s.height / 2 - lines.count / 2 + i, width: s.width, height: 1),
                        align: .center, t[.worse])
            }
            return buf
        }
        let f = WallLayout.frame(s)
        header(&buf, f.header, s, ctx)
        pageLine(&buf, f.pageLine, s, ctx)
        var banners = f.banners[...]
        let stale = s.staleness
        if stale.isStale, let r = banners.popFirst() { staleBanner(&buf, r, s, stale, ctx) }
        if !s.noData.isEmpty, let r = banners.popFirst() { noDataBanner(&buf, r, s, ctx) }
        if !s.problems.isEmpty, let r = banners.popFirst() {
            ProblemsBanner(problems: s.problems, context: "reload failed: showing the last good data",
                           folder: s.dataset.folder).render(r, into: &buf, ctx)
        } else if ProblemsBanner(s.startProblems).width > 0, let r = banners.popFirst() {
            ProblemsBanner(problems: s.startProblems, context: "showing what loaded cleanly; csdash check lists them",
                           folder: s.dataset.folder).render(r, into: &buf, ctx)
        }
        guard let page = s.page else { return buf }
        switch page.kind {
        case let .panel(id):
            WallTiles.render(&buf, f.body, s, panel: id, part: page.part, parts: page.parts, ctx)
            spcKey(&buf, ctx)
        case .attention: WallAttention.render(&buf, f.body, s, part: page.part, parts: page.parts, ctx)
        case .risks: WallRisks.render(&buf, f.body, s, ctx)
        }
        return buf
    }

    /// What the tiles' SPC icons mean, on the bottom row when the tiles leave it empty: both lines of the help's
    /// SPC legend when they fit, else the first.
    static func spcKey(_ buf: inout Buffer, _ ctx: RenderContext) {
        let y = buf.height - 1
        guard y > 0, (0..<buf.width).allSatisfy({ buf[$0, y] == Cell() }) else { return }
        let lines = HelpView.spcLegend(ctx.glyphs)
        let both = lines.joined(separator: "    ")
        guard let text = [both, lines[0]].first(where: { $0.count <= buf.width - 2 }) else { return }
        buf.put(text, in: Rect(x: 0, y: y, width: buf.width, height: 1), align: .center, ctx.theme[.muted])
    }

    /// `HH:MM` in the wall's time zone.
    static func clock(_ s: WallState) -> String {
        let c = s.calendar.dateComponents([.hour, .minute], from: s.now)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    static func header(_ buf: inout Buffer, _ r: Rect, _ s: WallState, _ ctx: RenderContext) {
        let t = ctx.theme
        let hs = t[.header]
        buf.fill(r, " ", hs)
        // Narrow screens: tighter separators, so more of the title shows.
        let sep = r.width < 100 ? " · " : "  ·  "
        var right = s.asAt.short
        if let d = s.card.dataAsAt { right += sep + "data as at \(d.endDateText)" }
        right += sep + clock(s) + " "
        let org = s.dataset.organisation.isEmpty ? "" : " · " + s.dataset.organisation
        let leftRoom = max(0, r.width - right.count - 3)
        // The organisation whole, else shortened with the title (as the dashboard's header does:
        // "Children's Services · Gloucestershire"), else the title alone; the title is cut last.
        let short = s.dataset.organisation.isEmpty ? "" : " · " + Chrome.shortOrganisation(s.dataset.organisation)
        let candidates = [s.dataset.title + org, s.dataset.title + short, Chrome.shortTitle(s.dataset.title) + short]
        let left = candidates.first { $0.count <= leftRoom } ?? s.dataset.title
        buf.put(r.x + 1, r.y, left.truncated(to: leftRoom, ellipsis: ctx.glyphs.ellipsis), hs)
        buf.put(r.maxX - right.count, r.y, right, hs)
    }

    /// The page's name on the left; on the right the page dots, or the quit hint while it shows.
    static func pageLine(_ buf: inout Buffer, _ r: Rect, _ s: WallState, _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        let pages = s.pages
        let name = s.page?.title(s.dataset) ?? ""
        if s.quitHint {
            let hint = " press q again to quit "
            buf.put(r.maxX - hint.count - 1, r.y, hint, t[.key].reversed)
        } else {
            let on: Character = g.ascii ? "*" : "●", off: Character = g.ascii ? "o" : "○"
            var dots = pages.indices.map { String($0 == s.pageIndex ? on : off) }.joined(separator: " ")
            if dots.count > r.width / 2 { dots = "page \(s.pageIndex + 1) of \(pages.count)" }
            buf.put(r.maxX - dots.count - 1, r.y, dots, t[.title])
        }
        buf.put(r.x + 1, r.y, name.truncated(to: max(0, r.width / 2 - 2)), t[.title])
    }

    /// `∅ 5 NO DATA for Q2 21/22: CS staff turnover, Social worker turnover, …`: indicators with a target and no
    /// value for the quarter, by short name, as many as fit.
    static func noDataBanner(_ buf: inout Buffer, _ r: Rect, _ s: WallState, _ ctx: RenderContext) {
        let g = ctx.glyphs
        let names = s.noData.map(\.indicator.short)
        let head = " \(g.noData) \(names.count) NO DATA for \(s.asAt.short): "
        var text = head + names.joined(separator: ", ") + " "
        if text.displayWidth > r.width {
            // As many names as fit, then how many more.
            var shown: [String] = []
            for n in names {
                let more = names.count - shown.count - 1
                let next = head + (shown + [n]).joined(separator: ", ") + (more > 0 ? " and \(more) more " : " ")
                if next.displayWidth > r.width { break }
                shown.append(n)
            }
            let more = names.count - shown.count
            text = shown.isEmpty ? " \(g.noData) \(names.count) NO DATA for \(s.asAt.short) "
                : head + shown.joined(separator: ", ") + (more > 0 ? " and \(more) more " : " ")
        }
        let style = ctx.theme.status(.noData).reversed.bolded
        buf.fill(r, " ", style)
        buf.put(r.x, r.y, text.truncated(to: r.width, ellipsis: g.ellipsis), style)
    }

    static func staleBanner(_ buf: inout Buffer, _ r: Rect, _ s: WallState, _ st: Staleness, _ ctx: RenderContext) {
        let t = ctx.theme, g = ctx.glyphs
        var parts: [String] = []
        if let q = st.quartersBehind, let latest = s.dataset.latestQuarter {
            parts.append("latest data \(latest.short) (\(q) quarters ago)")
        }
        if let d = st.fileAgeDays { parts.append("newest file \(d) days old") }
        let mark = g.ascii ? "!" : "⚠"
        var text = " \(mark) DATA MAY BE OUT OF DATE: " + parts.joined(separator: "; ") + " "
        if text.count > r.width { text = " \(mark) OUT OF DATE: " + parts.joined(separator: "; ") + " " }
        let style = t[.stale].reversed.bolded
        buf.fill(r, " ", style)
        buf.put(r.x, r.y, text.truncated(to: r.width, ellipsis: g.ellipsis), style)
    }
}
