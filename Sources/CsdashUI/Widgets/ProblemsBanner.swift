import CsdashCore

/// The "N data problems" banner: one row, in the worse-than-target colour reversed, naming the first
/// problem's file and line, what the problems mean for the screen (`context`, e.g. a failed reload), and the
/// key that lists them all:
///
///     ! 3 data problems · history/a.csv:4: non-numeric value 'x' (column 'value') · ! lists them
///
/// A plain widget (diagnostics and an area in, cells out) so that every screen that can hold partial data
/// uses the same one: the dashboard's breadcrumb row, the wall display, a failed live reload.
public struct ProblemsBanner: Widget {
    public var diagnostics: [Diagnostic]
    /// The key that lists the problems, named in the banner; nil where there is none (the wall display).
    public var key: String?
    /// What the problems mean for what is on screen, e.g. "reload failed: showing the last good data".
    public var context: String
    /// The data folder: files in it are named relative to it (`history/a.csv`), so an office screen never
    /// shows the server's path.
    public var folder: String

    public init(_ diagnostics: [Diagnostic], key: String? = "!", context: String = "", folder: String = "") {
        self.diagnostics = diagnostics
        self.key = key
        self.context = context
        self.folder = folder
    }

    /// The wall's form: no key to press.
    public init(problems: [Diagnostic], context: String = "", folder: String = "") {
        self.init(problems, key: nil, context: context, folder: folder)
    }

    /// The errors among the diagnostics: warnings do not make a banner.
    public var problems: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    /// `3 data problems` (or `1 data problem`).
    public static func count(_ n: Int) -> String { "\(n) data problem\(n == 1 ? "" : "s")" }

    private var first: String {
        guard let d = problems.first else { return "" }
        let at = d.location.relative(to: folder)
        return "\(at.text): \(d.message)" + (at.column.map { " (column '\($0)')" } ?? "")
    }

    /// The first problem for a narrow row: the file as its last two path parts (`history/a.csv:4`).
    private var shortFirst: String {
        guard let d = problems.first else { return "" }
        let at = d.location.relative(to: folder)
        let parts = at.file.split(separator: "/")
        let file = parts.count > 2 ? parts.suffix(2).joined(separator: "/") : at.file
        return SourceLocation(file: file, line: at.line, character: at.character).text + ": " + d.message
    }

    private var keyText: String? { key.map { "\($0) lists \(problems.count == 1 ? "it" : "them")" } }

    /// The banner's full text ("" when there are no errors):
    /// `3 data problems: history/a.csv:4: non-numeric value 'x' · reload failed: ... · ! lists them`.
    public var text: String { compose(context: true) }

    private func compose(context withContext: Bool, first: String? = nil) -> String {
        guard !problems.isEmpty else { return "" }
        var parts = [ProblemsBanner.count(problems.count) + ": " + (first ?? self.first)]
        if withContext && !context.isEmpty { parts.append(context) }
        if let keyText { parts.append(keyText) }
        return parts.joined(separator: " · ")
    }

    /// The columns the whole banner takes (0 when there are no errors): callers give it up to this much room.
    public var width: Int { problems.isEmpty ? 0 : text.displayWidth + 4 }

    /// Draws the banner on the first row of `area`, cut to its width (nothing when there are no errors).
    /// When the row is narrow the context goes first, then the first problem's message is cut; the count,
    /// the file and line as far as they fit, and the key stay.
    public func render(_ area: Rect, into buf: inout Buffer, _ ctx: RenderContext) {
        guard area.width > 0, area.height > 0, !problems.isEmpty else { return }
        let style = ctx.theme[.worse].reversed.bolded
        let mark = " \(ctx.glyphs.problem) "
        var line = mark + compose(context: true) + " "
        if line.displayWidth > area.width { line = mark + compose(context: false) + " " }
        if line.displayWidth > area.width {
            let fixed = (mark + compose(context: false, first: "") + " ").displayWidth
            let room = area.width - fixed
            line = room >= 8 ? mark + compose(context: false, first: shortFirst.truncated(to: room, ellipsis: ctx.glyphs.ellipsis)) + " "
                : (mark + ProblemsBanner.count(problems.count) + (keyText.map { " · " + $0 } ?? "")).truncated(to: area.width, ellipsis: ctx.glyphs.ellipsis)
        }
        buf.fill(Rect(x: area.x, y: area.y, width: min(area.width, line.displayWidth), height: 1), " ", style)
        buf.put(area.x, area.y, line, style, limit: area.width)
    }
}
