import Foundation

/// When to use colour: `auto` (a terminal, and NO_COLOR not set), `always`, or `never`.
public enum ColorMode: String, Sendable, CaseIterable {
    case auto, always, never
}

/// `$XDG_CONFIG_HOME/csdash/config.yaml` (default `~/.config/csdash/config.yaml`): the user's defaults.
///
///     data: ~/performance/gloucestershire   # the data directory when none is given
///     theme: colour-blind                   # a theme name or a path to a theme file
///     color: auto                           # auto, always or never
///     depth: auto                           # auto, 24bit, 256, 16, 8 or mono
///     ascii: false                          # ASCII symbols only
///     wall:
///       dwell: 15                           # seconds per wall page
///       stale-after: 100                    # days before the wall warns that the data is old
///       no-keys: false                      # the wall ignores every key
///
/// Every key is optional. Each value keeps the line it came from, for `csdash config`.
public struct ConfigFile: Sendable {
    /// A value and where in the file it was set.
    public struct Value<T: Sendable>: Sendable {
        public var value: T
        public var location: SourceLocation
    }

    public static let depths = ["auto", "24bit", "truecolor", "256", "16", "8", "mono"]
    public static let dwellRange = 2...3600

    public var path: String
    public var data: Value<String>?
    public var theme: Value<String>?
    public var color: Value<ColorMode>?
    public var depth: Value<String>?
    public var ascii: Value<Bool>?
    public var wallDwell: Value<Int>?
    public var wallStaleAfter: Value<Int>?
    public var wallNoKeys: Value<Bool>?

    public init(path: String) { self.path = path }

    /// Where the config file is: `$XDG_CONFIG_HOME/csdash/config.yaml`, else `$HOME/.config/csdash/config.yaml`.
    public static func defaultPath(environment env: [String: String]) -> String? {
        if let x = env["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x + "/csdash/config.yaml" }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/csdash/config.yaml"
    }

    /// Reads a config file; a missing file is `nil` (not an error), any problem an error with its line.
    public static func load(path: String, environment: [String: String]) -> Result<ConfigFile, ConfigFileError>? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            return .failure(ConfigFileError([.error(SourceLocation(file: path), "cannot be read as UTF-8 text")]))
        }
        return parse(text, file: path, environment: environment)
    }

    public static func parse(_ text: String, file: String, environment: [String: String]) -> Result<ConfigFile, ConfigFileError> {
        let log = DiagnosticLog()
        var config = ConfigFile(path: file)
        let blank = text.split(whereSeparator: \.isNewline).allSatisfy {
            let t = $0.trimmingCharacters(in: .whitespaces)
            return t.isEmpty || t.hasPrefix("#")
        }
        if blank { return .success(config) }
        guard let root = YAMLNode.parse(text, file: file, log: log), let top = root.mapping("the config file") else {
            return .failure(ConfigFileError(log.items))
        }
        for (key, v) in top {
            if v.isNull { continue }
            switch key {
            case "data":
                if let s = v.string("data") { config.data = Value(value: expandHome(s, relativeTo: file, environment), location: v.location) }
            case "theme":
                if let s = v.string("theme") {
                    // A name (`light`) stays a name; a path is taken like `data`.
                    let isPath = s.contains("/") || s.hasSuffix(".yaml") || s.hasSuffix(".yml")
                    config.theme = Value(value: isPath ? expandHome(s, relativeTo: file, environment) : s, location: v.location)
                }
            case "color", "colour":
                if let m = v.enumValue(key, ColorMode.self) { config.color = Value(value: m, location: v.location) }
            case "depth":
                if let s = v.string("depth") {
                    if depths.contains(s.lowercased()) {
                        config.depth = Value(value: s.lowercased(), location: v.location)
                    } else {
                        log.error(v.location, "depth '\(s)' is not one of: \(depths.joined(separator: ", "))")
                    }
                }
            case "ascii":
                if let b = v.bool("ascii") { config.ascii = Value(value: b, location: v.location) }
            case "wall":
                readWall(v, into: &config, log: log)
            default:
                log.error(v.location, "unknown key '\(key)' (keys: data, theme, color, depth, ascii, wall)")
            }
        }
        let errors = log.items.filter { $0.severity == .error }
        return errors.isEmpty ? .success(config) : .failure(ConfigFileError(errors))
    }

    /// The `wall:` section: dwell, stale-after, no-keys.
    private static func readWall(_ v: YAMLNode, into config: inout ConfigFile, log: DiagnosticLog) {
        guard let wall = v.mapping("wall") else { return }
        for (wk, wv) in wall {
            if wv.isNull { continue }
            switch wk {
            case "dwell":
                guard let n = wv.int("wall.dwell") else { continue }
                if dwellRange.contains(n) { config.wallDwell = Value(value: n, location: wv.location) }
                else { log.error(wv.location, "wall.dwell \(n) must be \(dwellRange.lowerBound)-\(dwellRange.upperBound) seconds") }
            case "stale-after":
                guard let n = wv.int("wall.stale-after") else { continue }
                if n >= 1 { config.wallStaleAfter = Value(value: n, location: wv.location) }
                else { log.error(wv.location, "wall.stale-after must be at least 1 day") }
            case "no-keys":
                if let b = wv.bool("wall.no-keys") { config.wallNoKeys = Value(value: b, location: wv.location) }
            default:
                log.error(wv.location, "unknown key 'wall.\(wk)' (wall has: dwell, stale-after, no-keys)")
            }
        }
    }

    /// `~` and `~/x` are the user's home; any other relative path is taken from the config file's folder,
    /// so the file means the same whatever the current directory.
    static func expandHome(_ path: String, relativeTo file: String, _ env: [String: String]) -> String {
        if let home = env["HOME"], !home.isEmpty {
            if path == "~" { return home }
            if path.hasPrefix("~/") { return home + path.dropFirst() }
        }
        if path.hasPrefix("/") || path.hasPrefix("~") { return path }
        return URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(path).standardized.path
    }
}
