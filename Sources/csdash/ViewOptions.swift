import ArgumentParser
import CsdashCore
import CsdashUI
import Foundation

/// Options shared by the dashboard and `snapshot`: quarter, glyphs, theme.
struct ViewOptions: ParsableArguments {
    @Option(help: "The quarter to view, as the screen or the data writes it: \"Q2 21/22\", \"2021/22 Q2\", \"Sep 21\", \"2021-09\" (default: the latest quarter with data).")
    var period: String?

    @Flag(help: "ASCII only: sparklines, borders and symbols without UTF-8.")
    var ascii = false

    @Option(help: "A theme name from Themes/ (default, mono) or a path to a theme file.")
    var theme: String?

    func loadTheme(color: Bool) throws -> Theme {
        guard color else { return .monochrome }
        guard let theme else { return .standard }
        let path = theme.contains("/") || theme.hasSuffix(".yaml") ? theme : try findTheme(theme)
        do { return try Theme.load(path: path) } catch {
            throw ExitCodes.fail(65, "\(error)")
        }
    }

    func findTheme(_ name: String) throws -> String {
        let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent()
        var dirs: [URL] = []
        if let exe {
            dirs.append(exe.deletingLastPathComponent().appendingPathComponent("share/csdash/Themes"))
            var d = exe
            for _ in 0..<6 { dirs.append(d.appendingPathComponent("Themes")); d = d.deletingLastPathComponent() }
        }
        for d in dirs {
            let p = d.appendingPathComponent(name + ".yaml").path
            if FileManager.default.fileExists(atPath: p) { return p }
        }
        throw ExitCodes.fail(64, "csdash: no theme '\(name)' (looked for \(name).yaml in Themes/)")
    }
}
