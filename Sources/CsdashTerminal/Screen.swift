import CNcursesw
import CsdashCore
import CsdashUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that talks to ncursesw: it copies a cell grid to the terminal, sending only the cells that
/// changed since the last frame, and refreshes once per frame.
final class Screen {
    let screen: OpaquePointer
    let win: UnsafeMutablePointer<WINDOW>
    /// What this terminal is sent: the depth asked for, but never more than terminfo says it can show.
    let depth: ColorDepth
    let utf8: Bool
    private var previous: Buffer?
    private var pairs: [UInt64: Int32] = [:]
    private var mapped: [Style: (attrs: attr_t, pair: Int32)] = [:]

    /// `depth` nil: as many colours as the terminal has; `.mono`: none (colour is never started).
    init(depth requested: ColorDepth?) throws {
        setlocale(LC_ALL, "")
        utf8 = cn_locale_is_utf8() != 0
        guard let term = getenv("TERM"), let t = String(validatingCString: term), !t.isEmpty, t != "dumb" else {
            throw TerminalError(description: "TERM is not set or is 'dumb': the dashboard needs a full-screen terminal")
        }
        let name = Screen.terminfoName(t, allowDirect: requested == nil || requested == .trueColor)
        guard let out = fdopen(STDOUT_FILENO, "w"), let inp = fdopen(STDIN_FILENO, "r"),
              let scr = newterm(name, out, inp) else {
            throw TerminalError(description: "the terminal type '\(String(cString: term))' is unknown to ncurses")
        }
        screen = scr
        guard let w = cn_stdscr() else {
            endwin()
            throw TerminalError(description: "ncurses gave no screen")
        }
        win = w
        raw()
        noecho()
        nonl()
        // Raw bytes: escape sequences are decoded whole by CsdashUI's KeyDecoder, not by ncurses.
        keypad(win, false)
        nodelay(win, true)
        curs_set(0)
        let terminal = has_colors() ? ColorDepth.depth(colors: Int(cn_max_colors())) : .mono
        depth = min(requested ?? terminal, terminal)
        if depth != .mono {
            start_color()
            use_default_colors()
        }
    }

    /// The terminfo entry to open. ncurses sends only the colours terminfo describes, so a terminal that says
    /// `COLORTERM=truecolor` under a 256-colour `TERM` (xterm-256color, tmux-256color) is opened with the
    /// direct-colour entry of its family (xterm-direct, tmux-direct) when terminfo has one: then it gets 24-bit.
    static func terminfoName(_ term: String, allowDirect: Bool) -> String {
        let colorterm = (getenv("COLORTERM").flatMap { String(validatingCString: $0) } ?? "").lowercased()
        guard allowDirect, colorterm == "truecolor" || colorterm == "24bit",
              cn_terminfo_colors(term) < 1 << 24 else { return term }
        let family = term.split(separator: "-").first.map(String.init) ?? term
        let direct = family + "-direct"
        return cn_terminfo_colors(direct) >= 1 << 24 ? direct : term
    }

    var width: Int { Int(getmaxx(win)) }
    var height: Int { Int(getmaxy(win)) }

    func close() {
        endwin()
        delscreen(screen)
    }

    /// Draws a frame: after a size change everything, otherwise only the cells that differ.
    func draw(_ frame: Buffer) {
        let buf = frame.joiningBlanks()
        let full = previous.map { $0.width != buf.width || $0.height != buf.height } ?? true
        if full { werase(win) }
        for y in 0..<buf.height {
            var x = 0
            while x < buf.width {
                let cell = buf[x, y]
                // The right half of a wide character goes out with its left half (ncurses advances two columns).
                if cell.isContinuation {
                    x += 1
                    continue
                }
                if !full, let p = previous, p[x, y] == cell {
                    x += 1
                    continue
                }
                // A run of changed cells with one style goes out in one call.
                var text = shown(cell.char)
                var end = x + 1
                while end < buf.width {
                    let next = buf[end, y]
                    if next.isContinuation {
                        end += 1
                        continue
                    }
                    if next.style != cell.style { break }
                    if !full, let p = previous, p[end, y] == next { break }
                    text += shown(next.char)
                    end += 1
                }
                put(y, x, text, cell.style)
                x = end
            }
        }
        previous = buf
        wrefresh(win)
    }

    func invalidate() { previous = nil }

    /// A character as this terminal can show it: as is in a UTF-8 locale; otherwise, where ncurses could
    /// only print it as an escape of several columns, `?` in each column it takes, so columns stay aligned.
    private func shown(_ c: Character) -> String {
        if utf8 || c.isASCII { return String(c) }
        return String(repeating: "?", count: max(1, TextWidth.of(c)))
    }

    private func put(_ y: Int, _ x: Int, _ text: String, _ style: Style) {
        let (attrs, pair) = mapped[style] ?? {
            // The one colour-depth mapping (shared with snapshots), then ncurses attributes and a colour pair.
            let m = depth.map(style)
            var attrs: attr_t = 0
            if m.bold { attrs |= cn_a_bold() }
            if m.dim { attrs |= cn_a_dim() }
            if m.reverse { attrs |= cn_a_reverse() }
            if m.underline { attrs |= cn_a_underline() }
            let entry = (attrs: attrs, pair: depth == .mono ? 0 : pairNumber(m.fg, m.bg))
            mapped[style] = entry
            return entry
        }()
        _ = cn_put(win, Int32(y), Int32(x), text, attrs, pair)
    }

    private func pairNumber(_ fg: Color, _ bg: Color) -> Int32 {
        let f = number(fg), b = number(bg)
        if f == -1 && b == -1 { return 0 }
        let key = UInt64(UInt32(bitPattern: f)) << 32 | UInt64(UInt32(bitPattern: b))
        if let p = pairs[key] { return p }
        let p = alloc_pair(f, b)
        pairs[key] = max(0, p)
        return max(0, p)
    }

    /// A colour (already reduced by `ColorDepth`) as ncurses numbers it: -1 the default; an index; or, on a
    /// direct-colour terminal (`xterm-direct`), 0xRRGGBB for anything above the 8 ANSI colours.
    private func number(_ c: Color) -> Int32 {
        switch c {
        case .default: return -1
        case let .indexed(i):
            guard depth == .trueColor, i >= 8 else { return Int32(i) }
            let (r, g, b) = ColorDepth.rgb(i)
            return Int32(r << 16 | g << 8 | b)
        case let .rgb(r, g, b):
            return Int32(Int(r) << 16 | Int(g) << 8 | Int(b))
        }
    }

    /// Reads every byte waiting, without blocking; `resized` when the terminal changed size (ncurses' own
    /// SIGWINCH handler reports it as KEY_RESIZE).
    func readInput() -> (bytes: [UInt8], resized: Bool) {
        var bytes: [UInt8] = []
        var resized = false
        while true {
            let r = wgetch(win)
            if r == ERR { break }
            if r == KEY_RESIZE { resized = true; continue }
            if (0...255).contains(r) { bytes.append(UInt8(r)) }
        }
        return (bytes, resized)
    }
}
