import CNcursesw
import CsdashUI

/// What terminfo says about a terminal type, read without opening a screen (for `csdash snapshot --color auto`).
public enum TerminalColors {
    /// The colour depth of the terminal in `env` (COLORTERM, then terminfo's colours for TERM).
    public static func depth(environment env: [String: String]) -> ColorDepth {
        guard let term = env["TERM"], !term.isEmpty, term != "dumb" else { return .mono }
        let n = cn_terminfo_colors(term)
        return ColorDepth.detect(environment: env, terminfoColors: n >= 0 ? Int(n) : (n == -1 ? 0 : nil))
    }
}
