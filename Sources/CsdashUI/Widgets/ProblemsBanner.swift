import CsdashCore

/// The "N data problems" banner: one row, in the worse-than-target colour reversed, naming the first
/// problem's file and line and the key that lists them all:
///
///     ! 3 data problems · history/a.csv:4: non-numeric value 'x' · ! lists them
///
/// A plain widget (diagnostics and an area in, cells out) so that every screen that can hold partial data
/// uses the same one: the dashboard's header, the wall display, a failed live reload.
public struct ProblemsBanner: Widget {
    public var diagnostics: [Diagnostic]
    /// The key that lists the problems, named in the banner; nil where there is none (the wall display).
    public var key: String?

    public init(_ diagnostics: [Diagnostic], key: String? = "!") {
        self.diagnostics = diagnostics
        self.key = key
    }

    /// The columns the whole banner takes (0 when there are no errors): callers give it up to this much room.
    public var width: Int { ProblemsBanner.text(diagnostics, key: key).map { $0.displayWidth + 4 } ?? 0 }

    /// The errors among `diagnostics`: warnings do not make a banner.
    public static func problems(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.severity == .error }
    }

    /// `3 data problems` (or `1 data problem`).
    public static func count(_ n: Int) -> String { "\(n) data problem\(n == 1 ? "" : "s")" }

    /// The banner's full text; `key` names the key that lists the problems (nil where there is none,
    /// as on the wall display).
    public static func text(_ diagnostics: [Diagnostic], key: String? = "!") -> String? {
        let errors = problems(diagnostics)
        guard let first = errors.first else { return nil }
        var parts = [count(errors.count), "\(first.location.text): \(first.message)"]
        if let key { parts.append("\(key) lists \(errors.count == 1 ? "it" : "them")") }
        return parts.joined(separator: " · ")
    }

    /// Draws the banner on the first row of `area`, cut to its width (nothing when there are no errors).
    public func render(_ area: Rect, into buf: inout Buffer, _ ctx: RenderContext) {
        guard area.width > 0, area.height > 0, let body = ProblemsBanner.text(diagnostics, key: key) else { return }
        let style = ctx.theme[.worse].reversed.bolded
        // The count and the key matter most: when the row is narrow the first problem's text is cut, not them.
        var text = " ! " + body + " "
        if text.displayWidth > area.width {
            let errors = ProblemsBanner.problems(diagnostics)
            let tail = key.map { " · \($0) lists \(errors.count == 1 ? "it" : "them") " } ?? " "
            let head = " ! " + ProblemsBanner.count(errors.count)
            let room = area.width - head.displayWidth - tail.displayWidth - 3
            let first = "\(errors[0].location.text): \(errors[0].message)"
            text = room >= 8 ? head + " · " + first.truncated(to: room, ellipsis: ctx.glyphs.ellipsis) + tail
                : (head + tail).truncated(to: area.width, ellipsis: ctx.glyphs.ellipsis)
        }
        buf.fill(Rect(x: area.x, y: area.y, width: min(area.width, text.displayWidth), height: 1), " ", style)
        buf.put(area.x, area.y, text, style, limit: area.width)
    }
}
