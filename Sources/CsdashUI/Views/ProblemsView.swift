import CsdashCore

/// The `!` page: every problem found loading the data, errors first, each with its file and line and the
/// whole message. Arrows move between problems; Enter opens the indicator or risk a problem is about.
enum ProblemsView {
    static func render(_ buf: inout Buffer, _ area: Rect, _ s: AppState, _ ctx: RenderContext) {
        let t = ctx.theme
        let x = area.x + 1, w = area.width - 2
        let errors = s.problemList.filter { $0.severity == .error }
        let warnings = s.problemList.filter { $0.severity == .warning }
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        buf.put(x, area.y, "Data problems: \(plural(errors.count, "error")), \(plural(warnings.count, "warning"))",
                errors.isEmpty ? t[.title] : t[.worse].bolded, limit: w)
        let body = bodyRect(area)
        document(body, s, ctx).blit(into: &buf, body, scroll: s.top.scroll,
                                    selectedLink: s.links.isEmpty ? nil : s.top.selected, ctx)
    }

    static func bodyRect(_ area: Rect) -> Rect {
        Rect(x: area.x + 1, y: area.y + 2, width: area.width - 2, height: area.height - 2)
    }

    /// Measured with the same document that is drawn, so scrolling keeps the selected problem in view.
    static func metrics(_ area: Rect, _ s: AppState, _ ctx: RenderContext) -> PageMetrics {
        let body = bodyRect(area)
        return PageMetrics(document(body, s, ctx), in: body)
    }

    /// The intro, then one link row per problem (errors first) with its message wrapped below it.
    static func document(_ body: Rect, _ s: AppState, _ ctx: RenderContext) -> Document {
        let t = ctx.theme, g = ctx.glyphs
        let w = body.width
        let errors = s.problemList.filter { $0.severity == .error }
        let warnings = s.problemList.filter { $0.severity == .warning }
        let intro = !s.reloadProblems.isEmpty
            ? "The last reload failed: the dashboard shows the data loaded before. Fix the files; it reloads when they change."
            : errors.isEmpty
            ? (warnings.isEmpty ? "No problems: every file loaded cleanly." : "Every file loaded: warnings do not stop anything loading.")
            : "The dashboard shows what loaded cleanly. Items marked \(g.problem) are not judged: their data failed. "
                + "Fix the files (csdash check lists the same problems): the dashboard reloads when they change."
        var doc = Document(width: w)
        doc.wrapped(intro, t[.muted])
        doc.blank()
        for d in s.problemList {
            let y = doc.newRow(link: true)
            let mark: Character = d.severity == .error ? g.worse : g.none
            doc.set(0, y, Cell(mark, d.severity == .error ? t[.worse] : t[.muted]))
            // Named relative to the data folder: the screen may be seen by others than the server's owner.
            var cx = doc.put(2, y, d.location.relative(to: s.dataset.folder).text, t[.key])
            if let column = d.location.column { cx = doc.put(cx, y, " (column '\(column)')", t[.muted]) }
            switch d.subject {
            // Named only when it exists: a row's id may be one indicators.yaml does not define.
            case let .indicator(id)?:
                if let ind = s.dataset.indicator(id) { doc.put(cx + 2, y, "\(g.ascii ? ">" : "›") indicator \(ind.short)", t[.muted]) }
            case let .risk(id)?:
                if s.dataset.risk(id) != nil { doc.put(cx + 2, y, "\(g.ascii ? ">" : "›") risk \(id)", t[.muted]) }
            default: break
            }
            doc.wrapped(d.message, t[.text], indent: 4)
        }
        return doc
    }
}
