// Generated from Themes/*.yaml: do not edit. Edit the YAML file, then run `make themes`.
// ShippedThemesTests fails when this file and Themes/ differ.

/// The shipped themes, compiled in so that every name works wherever the binary is copied.
public enum ShippedThemes {
    public static let files: [(name: String, text: String)] = [
        ("default", #"""
# csdash's default theme, for dark backgrounds. Every role is set here: other themes fall back to these.
# Colours: "#RRGGBB" (quoted), 0-255, an ANSI name (red, bright-blue, ...) or default. See Themes/README.md.
name: default
description: the standard theme, for dark backgrounds
roles:
  text: {fg: default}
  dim-text: {fg: 245}
  accent: {fg: 39, bold: true}
  title: {bold: true}
  banner: {fg: 255, bg: 24, bold: true}
  border: {fg: 240}
  focus-border: {fg: 39, bold: true}
  selection: {bg: 237, bold: true}
  better: {fg: 41}
  within: {fg: 214}
  worse: {fg: 203, bold: true}
  none: {fg: 250}
  stale: {fg: 180}
  target-line: {fg: 75}
  tolerance-band: {fg: 239}
  sparkline: {fg: 110}
  series-1: {fg: 177}
  series-2: {fg: 116}
  series-3: {fg: 223}
  heat-low: {fg: 16, bg: 71}
  heat-moderate: {fg: 16, bg: 221}
  heat-high: {fg: 255, bg: 160, bold: true}
  notice: {fg: 16, bg: 214, bold: true}
  wall-tile: {fg: 245}
  spc-improvement: {fg: 75, bold: true}
  spc-concern: {fg: 214, bold: true}
  spc-neutral: {fg: 177, bold: true}
  spc-mean: {fg: 250}
  spc-limit: {fg: 174}

"""#),
        ("light", #"""
# For light backgrounds: dark, saturated colours that stay readable on white.
name: light
description: dark colours for light (white or cream) backgrounds
roles:
  text: {fg: default}
  dim-text: {fg: 242}
  accent: {fg: 25, bold: true}
  title: {bold: true}
  banner: {fg: 231, bg: 25, bold: true}
  border: {fg: 248}
  focus-border: {fg: 25, bold: true}
  selection: {bg: 253, bold: true}
  better: {fg: 28, bold: true}
  within: {fg: 130, bold: true}
  worse: {fg: 160, bold: true}
  none: {fg: 244}
  stale: {fg: 94}
  target-line: {fg: 26}
  tolerance-band: {fg: 250}
  sparkline: {fg: 67}
  series-1: {fg: 90}
  series-2: {fg: 30}
  series-3: {fg: 94}
  heat-low: {fg: 16, bg: 114}
  heat-moderate: {fg: 16, bg: 222}
  heat-high: {fg: 231, bg: 160, bold: true}
  notice: {fg: 231, bg: 166, bold: true}
  wall-tile: {fg: 244}
  spc-improvement: {fg: 25, bold: true}
  spc-concern: {fg: 130, bold: true}
  spc-neutral: {fg: 90, bold: true}
  spc-mean: {fg: 240}
  spc-limit: {fg: 131}

"""#),
        ("high-contrast", #"""
# For wall displays, projectors and bright rooms: the terminal's own 16 ANSI colours, in bold.
# Because it uses only the ANSI colours it looks the same at 16 colours, and nearly so at 8.
name: high-contrast
description: bold ANSI colours for wall displays and bright rooms
roles:
  text: {fg: default}
  dim-text: {fg: white}
  accent: {fg: bright-yellow, bold: true}
  title: {fg: bright-white, bold: true}
  banner: {fg: black, bg: bright-white, bold: true}
  border: {fg: white}
  focus-border: {fg: bright-yellow, bold: true}
  selection: {bg: blue, bold: true}
  better: {fg: bright-green, bold: true}
  within: {fg: bright-yellow, bold: true}
  worse: {fg: bright-red, bold: true}
  none: {fg: white}
  stale: {fg: bright-magenta, bold: true}
  target-line: {fg: bright-cyan, bold: true}
  tolerance-band: {fg: cyan}
  sparkline: {fg: bright-white}
  series-1: {fg: bright-magenta}
  series-2: {fg: bright-cyan}
  series-3: {fg: bright-blue}
  heat-low: {fg: black, bg: bright-green}
  heat-moderate: {fg: black, bg: bright-yellow}
  heat-high: {fg: bright-white, bg: red, bold: true}
  notice: {fg: black, bg: bright-yellow, bold: true}
  wall-tile: {fg: bright-white}
  spc-improvement: {fg: bright-cyan, bold: true}
  spc-concern: {fg: bright-yellow, bold: true}
  spc-neutral: {fg: bright-magenta, bold: true}
  spc-mean: {fg: bright-white}
  spc-limit: {fg: bright-magenta}

"""#),
        ("colour-blind", #"""
# Safe for red-green colour blindness (about 1 man in 12), from the Okabe-Ito palette:
# better is sky blue, within is yellow and worse is a deep vermillion, so status never rests on red against green,
# and the three also differ in lightness (light yellow, mid blue, dark vermillion) for any colour vision.
name: colour-blind
description: Okabe-Ito colours; status never relies on red against green
roles:
  text: {fg: default}
  dim-text: {fg: 246}
  accent: {fg: "#CC79A7", bold: true}
  title: {bold: true}
  banner: {fg: 231, bg: "#0072B2", bold: true}
  border: {fg: 240}
  focus-border: {fg: "#CC79A7", bold: true}
  selection: {bg: 237, bold: true}
  better: {fg: "#56B4E9"}
  within: {fg: "#F0E442"}
  worse: {fg: "#CC5500", bold: true}
  none: {fg: 250}
  stale: {fg: "#E69F00"}
  target-line: {fg: "#009E73", bold: true}
  tolerance-band: {fg: 239}
  sparkline: {fg: 250}
  series-1: {fg: "#E69F00"}
  series-2: {fg: "#CC79A7"}
  series-3: {fg: "#009E73"}
  heat-low: {fg: 16, bg: "#56B4E9"}
  heat-moderate: {fg: 16, bg: "#F0E442"}
  heat-high: {fg: 231, bg: "#CC5500", bold: true}
  notice: {fg: 16, bg: "#E69F00", bold: true}
  wall-tile: {fg: 250}
  spc-improvement: {fg: "#56B4E9", bold: true}
  spc-concern: {fg: "#E69F00", bold: true}
  spc-neutral: {fg: "#CC79A7", bold: true}
  spc-mean: {fg: 250}
  spc-limit: {fg: "#CC79A7"}

"""#),
        ("mono", #"""
# No colour at all: bold, dim, underline and reverse only. Used whenever there is no colour
# (NO_COLOR, --color never, a terminal without colours). Status is told by its symbol.
# Status is told apart by attributes too: better plain, within underlined, worse bold, no target dim.
# The selection is bold and underlined, not reversed, so a selected row's sparkline is not drawn as a negative.
name: mono
description: attributes only (bold, dim, underline, reverse); what NO_COLOR shows
roles:
  text: {}
  dim-text: {dim: true}
  accent: {bold: true}
  title: {bold: true}
  banner: {reverse: true}
  border: {}
  focus-border: {bold: true}
  selection: {bold: true, underline: true}
  better: {}
  within: {underline: true}
  worse: {bold: true}
  none: {dim: true}
  stale: {}
  target-line: {}
  tolerance-band: {dim: true}
  sparkline: {}
  series-1: {}
  series-2: {}
  series-3: {}
  heat-low: {}
  heat-moderate: {reverse: true}
  heat-high: {bold: true, reverse: true}
  notice: {bold: true, reverse: true}
  wall-tile: {}
  spc-improvement: {bold: true}
  spc-concern: {bold: true, underline: true}
  spc-neutral: {bold: true}
  spc-mean: {dim: true}
  spc-limit: {}

"""#),
    ]

    public static func text(_ name: String) -> String? { files.first { $0.name == name }?.text }

    /// Each theme as its file reads (every shipped theme sets every role), so that no start-up parses them.
    static let compiled: [String: (description: String, styles: [Role: Style])] = [
        "default": ("the standard theme, for dark backgrounds", [
            .text: Style(),
            .muted: Style(fg: .indexed(245)),
            .key: Style(fg: .indexed(39), bold: true),
            .title: Style(bold: true),
            .header: Style(fg: .indexed(255), bg: .indexed(24), bold: true),
            .border: Style(fg: .indexed(240)),
            .focusBorder: Style(fg: .indexed(39), bold: true),
            .selection: Style(bg: .indexed(237), bold: true),
            .better: Style(fg: .indexed(41)),
            .within: Style(fg: .indexed(214)),
            .worse: Style(fg: .indexed(203), bold: true),
            .none: Style(fg: .indexed(250)),
            .stale: Style(fg: .indexed(180)),
            .target: Style(fg: .indexed(75)),
            .band: Style(fg: .indexed(239)),
            .sparkline: Style(fg: .indexed(110)),
            .series1: Style(fg: .indexed(177)),
            .series2: Style(fg: .indexed(116)),
            .series3: Style(fg: .indexed(223)),
            .riskLow: Style(fg: .indexed(16), bg: .indexed(71)),
            .riskModerate: Style(fg: .indexed(16), bg: .indexed(221)),
            .riskHigh: Style(fg: .indexed(255), bg: .indexed(160), bold: true),
            .notice: Style(fg: .indexed(16), bg: .indexed(214), bold: true),
            .wallTile: Style(fg: .indexed(245)),
            .spcImprovement: Style(fg: .indexed(75), bold: true),
            .spcConcern: Style(fg: .indexed(214), bold: true),
            .spcNeutral: Style(fg: .indexed(177), bold: true),
            .spcMean: Style(fg: .indexed(250)),
            .spcLimit: Style(fg: .indexed(174)),
        ]),
        "light": ("dark colours for light (white or cream) backgrounds", [
            .text: Style(),
            .muted: Style(fg: .indexed(242)),
            .key: Style(fg: .indexed(25), bold: true),
            .title: Style(bold: true),
            .header: Style(fg: .indexed(231), bg: .indexed(25), bold: true),
            .border: Style(fg: .indexed(248)),
            .focusBorder: Style(fg: .indexed(25), bold: true),
            .selection: Style(bg: .indexed(253), bold: true),
            .better: Style(fg: .indexed(28), bold: true),
            .within: Style(fg: .indexed(130), bold: true),
            .worse: Style(fg: .indexed(160), bold: true),
            .none: Style(fg: .indexed(244)),
            .stale: Style(fg: .indexed(94)),
            .target: Style(fg: .indexed(26)),
            .band: Style(fg: .indexed(250)),
            .sparkline: Style(fg: .indexed(67)),
            .series1: Style(fg: .indexed(90)),
            .series2: Style(fg: .indexed(30)),
            .series3: Style(fg: .indexed(94)),
            .riskLow: Style(fg: .indexed(16), bg: .indexed(114)),
            .riskModerate: Style(fg: .indexed(16), bg: .indexed(222)),
            .riskHigh: Style(fg: .indexed(231), bg: .indexed(160), bold: true),
            .notice: Style(fg: .indexed(231), bg: .indexed(166), bold: true),
            .wallTile: Style(fg: .indexed(244)),
            .spcImprovement: Style(fg: .indexed(25), bold: true),
            .spcConcern: Style(fg: .indexed(130), bold: true),
            .spcNeutral: Style(fg: .indexed(90), bold: true),
            .spcMean: Style(fg: .indexed(240)),
            .spcLimit: Style(fg: .indexed(131)),
        ]),
        "high-contrast": ("bold ANSI colours for wall displays and bright rooms", [
            .text: Style(),
            .muted: Style(fg: .indexed(7)),
            .key: Style(fg: .indexed(11), bold: true),
            .title: Style(fg: .indexed(15), bold: true),
            .header: Style(fg: .indexed(0), bg: .indexed(15), bold: true),
            .border: Style(fg: .indexed(7)),
            .focusBorder: Style(fg: .indexed(11), bold: true),
            .selection: Style(bg: .indexed(4), bold: true),
            .better: Style(fg: .indexed(10), bold: true),
            .within: Style(fg: .indexed(11), bold: true),
            .worse: Style(fg: .indexed(9), bold: true),
            .none: Style(fg: .indexed(7)),
            .stale: Style(fg: .indexed(13), bold: true),
            .target: Style(fg: .indexed(14), bold: true),
            .band: Style(fg: .indexed(6)),
            .sparkline: Style(fg: .indexed(15)),
            .series1: Style(fg: .indexed(13)),
            .series2: Style(fg: .indexed(14)),
            .series3: Style(fg: .indexed(12)),
            .riskLow: Style(fg: .indexed(0), bg: .indexed(10)),
            .riskModerate: Style(fg: .indexed(0), bg: .indexed(11)),
            .riskHigh: Style(fg: .indexed(15), bg: .indexed(1), bold: true),
            .notice: Style(fg: .indexed(0), bg: .indexed(11), bold: true),
            .wallTile: Style(fg: .indexed(15)),
            .spcImprovement: Style(fg: .indexed(14), bold: true),
            .spcConcern: Style(fg: .indexed(11), bold: true),
            .spcNeutral: Style(fg: .indexed(13), bold: true),
            .spcMean: Style(fg: .indexed(15)),
            .spcLimit: Style(fg: .indexed(13)),
        ]),
        "colour-blind": ("Okabe-Ito colours; status never relies on red against green", [
            .text: Style(),
            .muted: Style(fg: .indexed(246)),
            .key: Style(fg: .rgb(204, 121, 167), bold: true),
            .title: Style(bold: true),
            .header: Style(fg: .indexed(231), bg: .rgb(0, 114, 178), bold: true),
            .border: Style(fg: .indexed(240)),
            .focusBorder: Style(fg: .rgb(204, 121, 167), bold: true),
            .selection: Style(bg: .indexed(237), bold: true),
            .better: Style(fg: .rgb(86, 180, 233)),
            .within: Style(fg: .rgb(240, 228, 66)),
            .worse: Style(fg: .rgb(204, 85, 0), bold: true),
            .none: Style(fg: .indexed(250)),
            .stale: Style(fg: .rgb(230, 159, 0)),
            .target: Style(fg: .rgb(0, 158, 115), bold: true),
            .band: Style(fg: .indexed(239)),
            .sparkline: Style(fg: .indexed(250)),
            .series1: Style(fg: .rgb(230, 159, 0)),
            .series2: Style(fg: .rgb(204, 121, 167)),
            .series3: Style(fg: .rgb(0, 158, 115)),
            .riskLow: Style(fg: .indexed(16), bg: .rgb(86, 180, 233)),
            .riskModerate: Style(fg: .indexed(16), bg: .rgb(240, 228, 66)),
            .riskHigh: Style(fg: .indexed(231), bg: .rgb(204, 85, 0), bold: true),
            .notice: Style(fg: .indexed(16), bg: .rgb(230, 159, 0), bold: true),
            .wallTile: Style(fg: .indexed(250)),
            .spcImprovement: Style(fg: .rgb(86, 180, 233), bold: true),
            .spcConcern: Style(fg: .rgb(230, 159, 0), bold: true),
            .spcNeutral: Style(fg: .rgb(204, 121, 167), bold: true),
            .spcMean: Style(fg: .indexed(250)),
            .spcLimit: Style(fg: .rgb(204, 121, 167)),
        ]),
        "mono": ("attributes only (bold, dim, underline, reverse); what NO_COLOR shows", [
            .text: Style(),
            .muted: Style(dim: true),
            .key: Style(bold: true),
            .title: Style(bold: true),
            .header: Style(reverse: true),
            .border: Style(),
            .focusBorder: Style(bold: true),
            .selection: Style(bold: true, underline: true),
            .better: Style(),
            .within: Style(underline: true),
            .worse: Style(bold: true),
            .none: Style(dim: true),
            .stale: Style(),
            .target: Style(),
            .band: Style(dim: true),
            .sparkline: Style(),
            .series1: Style(),
            .series2: Style(),
            .series3: Style(),
            .riskLow: Style(),
            .riskModerate: Style(reverse: true),
            .riskHigh: Style(bold: true, reverse: true),
            .notice: Style(bold: true, reverse: true),
            .wallTile: Style(),
            .spcImprovement: Style(bold: true),
            .spcConcern: Style(bold: true, underline: true),
            .spcNeutral: Style(bold: true),
            .spcMean: Style(dim: true),
            .spcLimit: Style(),
        ]),
    ]
}
