import CsdashCore

/// The "N data problems" banner: one row, in the worse-than-target colour reversed, naming the first
/// problem's file and line and the key that lists them all:
///
///     ! 3 data problems · history/a.csv:4: non-numeric value 'x' · ! lists them
///
/// A plain widget (diagnostics and an area in, cells out) so that every screen that can hold partial data
/// uses the same one: the dashboard's header, the wall display, a failed live reload.
public enum ProblemsBanner {
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

    /// Draws the banner on the first row of `area`, cut to its width; returns how many columns it used
    /// (0 when there are no errors, and nothing is drawn).
    @discardableResult
    public static func render(_ diagnostics: [Diagnostic], into buf: inout Buffer, _ area: Rect, theme: Theme,
                              glyphs: Glyphs, key: String? = "!") -> Int {
        guard area.width > 0, area.height > 0, let body = text(diagnostics, key: key) else { return 0 }
        let style = theme[.worse].reversed.bolded
        // The count and the key matter most: when the row is narrow the first problem's text is cut, not them.
        var text = " ! " + body + " "
        if text.count > area.width {
            let errors = problems(diagnostics)
            let tail = key.map { " · \($0) lists \(errors.count == 1 ? "it" : "them") " } ?? " "
            let head = " ! " + count(errors.count)
            let room = area.width - head.count - tail.count - 3
            let first = "\(errors[0].location.text): \(errors[0].message)"
            text = room >= 8 ? head + " · " + first.truncated(to: room, ellipsis: glyphs.ellipsis) + tail
                : (head + tail).truncated(to: area.width, ellipsis: glyphs.ellipsis)
        }
        buf.fill(Rect(x: area.x, y: area.y, width: min(area.width, text.count), height: 1), " ", style)
        return buf.put(area.x, area.y, text, style, limit: area.width) - area.x
    }
}
