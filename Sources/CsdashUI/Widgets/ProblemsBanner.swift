import CsdashCore

/// A one-line banner for data problems: how many there are and the first one with its file and line.
/// (Placeholder until the shared "N data problems" banner lands; the wall's reload failures use it.)
public struct ProblemsBanner: Widget {
    public var problems: [Diagnostic]
    /// What the problems mean for the screen, e.g. "reload failed, showing the data loaded before".
    public var context: String

    public init(problems: [Diagnostic], context: String = "") {
        self.problems = problems
        self.context = context
    }

    public var text: String {
        guard let first = problems.first else { return "" }
        let n = problems.count
        // The file and line first, so they survive on a narrow screen.
        let message = first.message + (first.location.column.map { " (column '\($0)')" } ?? "")
        return "\(n) data problem\(n == 1 ? "" : "s"): \(first.location.text): \(message)"
            + (context.isEmpty ? "" : " (\(context))")
    }

    public func render(_ rect: Rect, into buf: inout Buffer, _ ctx: RenderContext) {
        guard !problems.isEmpty, !rect.isEmpty else { return }
        let glyphs = ctx.glyphs
        let style = ctx[.worse].reversed.bolded
        buf.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), " ", style)
        let mark = glyphs.ascii ? "!" : "⚠"
        buf.put(rect.x, rect.y, " \(mark) " + text.truncated(to: max(0, rect.width - 4), ellipsis: glyphs.ellipsis), style)
    }
}
