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

"""#),
    ]

    public static func text(_ name: String) -> String? { files.first { $0.name == name }?.text }
}
