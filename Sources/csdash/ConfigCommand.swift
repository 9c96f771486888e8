import ArgumentParser
import CsdashCore
import CsdashTerminal
import CsdashUI
import Foundation

/// `csdash config`: the effective settings and where each came from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the effective settings and where each came from (command line, environment, config file, default).",
        discussion: """
            The config file is $XDG_CONFIG_HOME/csdash/config.yaml (default ~/.config/csdash/config.yaml), or \
            --config FILE. Keys: data, theme, color (auto, always, never), depth (auto, 24bit, 256, 16, 8, mono), \
            ascii (true/false) and wall: {dwell, stale-after, no-keys}. Command-line flags win over the environment, \
            which wins over the file, which wins over the defaults. Exit status 78 when a file named on the command \
            line has errors.
            """
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var view: ViewOptions

    @Flag(help: "Print a commented config file with every key, to start one from.")
    var example = false

    func run() throws {
        if example {
            print(Self.exampleFile, terminator: "")
            return
        }
        var settings = try data.settings(view)
        let themeName = settings.theme.value
        let catalog = settings.catalog
        _ = try settings.palette(in: catalog)
        let env = settings.environment
        let detected = TerminalColors.depth(environment: env)
        let dashboardDepth = ColorDepth.choose(mode: settings.color.value, noColor: settings.noColor, isTerminal: true,
                                               requested: settings.requestedDepth, detect: { detected })
        var rows: [(String, String, String)] = []
        let configState: String
        if let path = settings.configPath {
            configState = settings.config != nil ? "" : settings.notice != nil ? " (has errors: defaults used)" : " (not found)"
            rows.append(("config file", path + configState, data.config != nil ? "command line --config" : "default"))
        } else {
            rows.append(("config file", "(none: HOME and XDG_CONFIG_HOME are not set)", "default"))
        }
        rows.append(("data", settings.data.value ?? (DataLocator.bundledSample(executable: DataLocator.executable) ?? "(none found)"),
                     settings.data.source))
        let themeValue = settings.theme.value == themeName ? themeName : "\(settings.theme.value) (\(themeName) failed)"
        rows.append(("theme", "\(themeValue) [\(catalog.origin(settings.theme.value))]", settings.theme.source))
        rows.append(("color", settings.color.value.rawValue, settings.color.source))
        rows.append(("depth", settings.depth.value, settings.depth.source))
        rows.append(("  terminal", "\(detected.name) (TERM=\(env["TERM"] ?? ""), COLORTERM=\(env["COLORTERM"] ?? ""))", "detected"))
        rows.append(("  NO_COLOR", settings.noColor ? "set: no colour unless --color always" : "not set", "environment"))
        rows.append(("  dashboard", dashboardDepth == .mono ? "mono (theme mono)" : "\(dashboardDepth.name) colours, at most what terminfo allows",
                     "effective"))
        rows.append(("ascii", settings.ascii.value ? "true" : "false", settings.ascii.source))
        rows.append(("wall.dwell", "\(settings.wallDwell.value) s", settings.wallDwell.source))
        rows.append(("wall.stale-after", "\(settings.wallStaleAfter.value) days", settings.wallStaleAfter.source))
        rows.append(("wall.no-keys", settings.wallNoKeys.value ? "true" : "false", settings.wallNoKeys.source))
        rows.append(("themes", catalog.names.joined(separator: ", "), "built in + " + (ThemeFile.userFolder(environment: env) ?? "")))
        let w0 = rows.map(\.0.count).max() ?? 0, w1 = min(60, rows.map(\.1.count).max() ?? 0)
        for (k, v, src) in rows {
            let pad0 = String(repeating: " ", count: max(0, w0 - k.count))
            let pad1 = String(repeating: " ", count: max(0, w1 - v.count))
            print("\(k)\(pad0)  \(v)\(pad1)  \(src)")
        }
    }

    static let exampleFile = """
        # csdash config: ~/.config/csdash/config.yaml (or $XDG_CONFIG_HOME/csdash/config.yaml).
        # Every key is optional; command-line flags win over this file. 'csdash config' shows the result.
        data: ~/performance/gloucestershire   # the data directory when none is given
        theme: default                        # default, light, high-contrast, colour-blind, mono, or a path
        color: auto                           # auto (colour on a terminal unless NO_COLOR is set), always, never
        depth: auto                           # auto (COLORTERM, then terminfo), 24bit, 256, 16, 8 or mono
        ascii: false                          # true: ASCII symbols only
        wall:
          dwell: 15                           # seconds per page on the wall display
          stale-after: 100                    # days before the wall warns that the data is old
          no-keys: false                      # true: the wall ignores every key

        """
}
