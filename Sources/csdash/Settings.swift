import ArgumentParser
import CsdashCore
import CsdashUI
import Foundation

extension ColorMode: ExpressibleByArgument {}

/// A setting's value and where it came from, for `csdash config`.
struct Sourced<T> {
    var value: T
    var source: String

    /// Where a setting nobody set comes from.
    static var defaultSource: String { "default" }
    /// Nobody set it: the built-in default.
    var isDefault: Bool { source == Self.defaultSource }
}

/// The effective settings: command line, then environment, then the config file, then the defaults.
/// A broken config file named with `--config` is an error (exit 78); the default one falls back to the
/// defaults with a notice on stderr and on screen.
struct Settings {
    var configPath: String?
    /// Set when the config file could not be used: shown on stderr and in the dashboard.
    var notice: String?
    var config: ConfigFile?
    var data: Sourced<String?>
    var theme: Sourced<String>
    var color: Sourced<ColorMode>
    var depth: Sourced<String>
    var ascii: Sourced<Bool>
    var wallDwell: Sourced<Int>
    var wallStaleAfter: Sourced<Int>
    var wallNoKeys: Sourced<Bool>
    let environment: [String: String]

    /// The theme files found (user folder first, then the installed `Themes` folders), listed when asked:
    /// a plain snapshot, which needs no palette, does not list the folders or resolve the executable's path.
    var catalog: ThemeCatalog {
        let folders = (ThemeFile.userFolder(environment: environment).map { [$0] } ?? [])
            + ThemeFile.installedFolders(executable: DataLocator.executable)
        return ThemeCatalog(folders: folders)
    }

    static let exitConfig: Int32 = 78

    /// Reads the config file (`--config` or the default path) and applies the command line over it.
    static func resolve(configOption: String?, dataArgument: String?, dataOption: String?,
                        view: ViewOptions?, environment env: [String: String]) throws -> Settings {
        var config: ConfigFile?
        var notice: String?
        let path = configOption ?? ConfigFile.defaultPath(environment: env)
        if let path {
            switch ConfigFile.load(path: path, environment: env) {
            case let .success(c)?: config = c
            case let .failure(e)?:
                if configOption != nil { throw ExitCodes.fail(exitConfig, e.description + "\ncsdash: the config file \(path) has errors") }
                notice = "\(path) has errors, so the defaults are used (see csdash config)"
                Stderr.print(e.description)
                Stderr.print("csdash: warning: \(notice!)")
            case nil:
                if configOption != nil { throw ExitCodes.fail(exitConfig, "\(path): error: no such config file") }
            }
        }
        func fromFile<T>(_ v: ConfigFile.Value<T>?) -> Sourced<T>? { v.map { Sourced(value: $0.value, source: "config \($0.location.text)") } }
        let defaultSource = Sourced<Bool>.defaultSource

        var data = Sourced<String?>(value: nil, source: "bundled sample data")
        if let d = fromFile(config?.data) { data = Sourced(value: d.value, source: d.source) }
        if let e = env["CSDASH_DATA"], !e.isEmpty { data = Sourced(value: e, source: "environment CSDASH_DATA") }
        if let o = dataOption, !o.isEmpty { data = Sourced(value: o, source: "command line --data") }
        if let a = dataArgument, !a.isEmpty { data = Sourced(value: a, source: "command line DIR") }

        var theme = fromFile(config?.theme) ?? Sourced(value: "default", source: defaultSource)
        if let t = view?.theme { theme = Sourced(value: t, source: "command line --theme") }

        var color = fromFile(config?.color) ?? Sourced(value: ColorMode.auto, source: defaultSource)
        if let c = view?.color { color = Sourced(value: c, source: "command line --color") }

        var depth = fromFile(config?.depth) ?? Sourced(value: "auto", source: defaultSource)
        if let d = view?.depth { depth = Sourced(value: d, source: "command line --depth") }

        var ascii = fromFile(config?.ascii) ?? Sourced(value: false, source: defaultSource)
        if let a = view?.ascii { ascii = Sourced(value: a, source: a ? "command line --ascii" : "command line --no-ascii") }

        return Settings(configPath: path, notice: notice, config: config, data: data, theme: theme, color: color,
                        depth: depth, ascii: ascii,
                        wallDwell: fromFile(config?.wallDwell) ?? Sourced(value: 15, source: defaultSource),
                        wallStaleAfter: fromFile(config?.wallStaleAfter) ?? Sourced(value: 100, source: defaultSource),
                        wallNoKeys: fromFile(config?.wallNoKeys) ?? Sourced(value: false, source: defaultSource),
                        environment: env)
    }

    /// NO_COLOR set and not empty.
    var noColor: Bool { !(environment["NO_COLOR"] ?? "").isEmpty }

    /// The depth asked for by `--depth` or the config file; nil for `auto`.
    var requestedDepth: ColorDepth? { ColorDepth(name: depth.value) }

    /// The chosen theme as a palette. A theme named on the command line that is unknown is a usage error (64),
    /// one whose file is broken a configuration error (78); a theme from the config file falls back to
    /// `default` with a notice.
    mutating func palette(in catalog: ThemeCatalog? = nil) throws -> Theme {
        switch (catalog ?? self.catalog).theme(theme.value) {
        case let .success(t): return t
        case let .failure(e):
            if theme.source.hasPrefix("command line") {
                if case .unknown = e { throw ExitCodes.fail(64, "csdash: \(e.description)") }
                throw ExitCodes.fail(Settings.exitConfig, e.description + "\ncsdash: the theme \(theme.value) has errors")
            }
            let message = "theme '\(theme.value)' from \(theme.source) could not be used, so 'default' is: "
                + (e.description.split(separator: "\n").first.map(String.init) ?? "")
            Stderr.print("csdash: warning: \(message)")
            notice = notice ?? message
            theme = Sourced(value: "default", source: "default (fallback)")
            return .standard
        }
    }

    /// The monochrome palette (the `mono` theme, which a user file may override).
    func monoPalette(in catalog: ThemeCatalog? = nil) -> Theme {
        if case let .success(t) = (catalog ?? self.catalog).theme("mono") { return t }
        return .monochrome
    }
}

