import ArgumentParser
import CsdashCore
import CsdashUI
import Foundation

/// Options shared by the dashboard and `snapshot`: quarter, glyphs, theme, colour.
struct ViewOptions: ParsableArguments {
    @Option(help: "The quarter to view, as the screen or the data writes it: \"Q2 21/22\", \"2021/22 Q2\", \"Sep 21\", \"2021-09\" (default: the latest quarter with data).")
    var period: String?

    @Flag(inversion: .prefixedNo, help: "ASCII only: sparklines, borders and symbols without UTF-8 (--no-ascii overrides the config file).")
    var ascii: Bool?

    @Option(help: ArgumentHelp("A theme: default, light, high-contrast, colour-blind, mono, a NAME.yaml in ~/.config/csdash/themes, or a path to a theme file.",
                               valueName: "name"),
            completion: .list(ThemeCatalog.shippedNames))
    var theme: String?

    @Option(help: ArgumentHelp("auto (colour on a terminal unless NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorMode?

    @Option(help: ArgumentHelp("Colours to use: auto (COLORTERM, then terminfo), 24bit, 256, 16, 8 or mono.", valueName: "depth"),
            completion: .list(ColorDepth.allCases.map(\.name)))
    var depth: String?

    func validate() throws {
        if let depth, depth.lowercased() != "auto", ColorDepth(name: depth) == nil {
            throw ValidationError("--depth must be auto, 24bit, 256, 16, 8 or mono, not '\(depth)'")
        }
    }
}
