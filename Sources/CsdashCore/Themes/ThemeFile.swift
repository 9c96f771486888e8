import Foundation

/// A colour as written in a theme or config file: the terminal's own (`default`), one of the 256 indexed colours
/// (0-255 or an ANSI name such as `red` or `bright-blue`), or 24-bit `#RRGGBB`.
public enum ColourSpec: Hashable, Sendable {
    case `default`
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    /// The 16 ANSI names, in index order (`grey`/`gray` are also accepted for `bright-black`).
    public static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
                                   "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
                                   "bright-magenta", "bright-cyan", "bright-white"]

    /// Reads `default`, `0`-`255`, an ANSI name, `#RRGGBB` or `#RGB`; nil when it is none of those.
    public init?(_ text: String) {
        // Foundation's trimming costs tens of thousands of instructions: skip it when both ends are ASCII
        // other than space and tab (then there is nothing to trim).
        let u = text.utf8
        let bare = u.first.map { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 } == true
            && u.last.map { $0 < 0x80 && $0 != 0x20 && $0 != 0x09 } == true
        let s = (bare ? text : text.trimmingCharacters(in: .whitespaces)).lowercased()
        if s == "default" { self = .default; return }
        if let i = Int(s) {
            guard (0...255).contains(i) else { return nil }
            self = .indexed(UInt8(i)); return
        }
        let name = s.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        if let i = ColourSpec.ansiNames.firstIndex(of: name) { self = .indexed(UInt8(i)); return }
        if name == "grey" || name == "gray" { self = .indexed(8); return }
        if s.hasPrefix("#") {
            let hex = Array(s.dropFirst())
            guard hex.allSatisfy(\.isHexDigit) else { return nil }
            let digits = hex.count == 3 ? hex.flatMap { [$0, $0] } : hex
            guard digits.count == 6, let v = Int(String(digits), radix: 16) else { return nil }
            self = .rgb(UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255))
            return
        }
        return nil
    }

    /// As it would be written in a file.
    public var text: String {
        switch self {
        case .default: return "default"
        case let .indexed(i): return "\(i)"
        case let .rgb(r, g, b):
            return "#" + [r, g, b].map { String($0, radix: 16).leftPadded(2) }.joined()
        }
    }
}

private extension String {
    func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}

/// One role's look as a theme file gives it. A field left out is nil.
public struct RoleSpec: Hashable, Sendable {
    public var fg: ColourSpec?
    public var bg: ColourSpec?
    public var bold: Bool?
    public var dim: Bool?
    public var reverse: Bool?
    public var underline: Bool?
    public var location: SourceLocation

    public init(fg: ColourSpec? = nil, bg: ColourSpec? = nil, bold: Bool? = nil, dim: Bool? = nil,
                reverse: Bool? = nil, underline: Bool? = nil, location: SourceLocation = .none) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
        self.location = location
    }
}

/// A theme file as read: its name, description and the roles it sets (by the name used in the file).
public struct ThemeSpec: Hashable, Sendable {
    public var name: String
    public var description: String
    public var file: String
    public var roles: [String: RoleSpec]

    public init(name: String, description: String = "", file: String, roles: [String: RoleSpec] = [:]) {
        self.name = name
        self.description = description
        self.file = file
        self.roles = roles
    }
}

/// Every problem in a theme or config file, printed one per line as `FILE:LINE: error: message`.
public struct ConfigFileError: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Reads a theme file (see `Themes/README.md`):
///
///     name: light
///     description: dark text on a light background
///     roles:
///       text: {fg: "#1c1c1c"}
///       worse: {fg: red, bold: true}
///       dim-text: 244            # a bare colour is the foreground
///
/// Every problem is reported with its line; unknown roles, unknown keys and bad colours are errors.
public enum ThemeFile {
    static let topKeys: Set<String> = ["name", "description", "roles", "styles"]
    static let styleKeys = ["fg", "bg", "bold", "dim", "reverse", "underline"]

    /// Reads and parses a file. Problems (including an unreadable file) come back as diagnostics.
    public static func load(path: String, roles: [String]) -> Result<ThemeSpec, ConfigFileError> {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read as UTF-8 text" : "no such file"
            return .failure(ConfigFileError([.error(SourceLocation(file: path), reason)]))
        }
        return parse(text, file: path, roles: roles)
    }

    /// Parses a theme's text. `roles` are the role names a file may set; the name defaults to the file's name.
    public static func parse(_ text: String, file: String, roles: [String]) -> Result<ThemeSpec, ConfigFileError> {
        let log = DiagnosticLog()
        let spec = read(text, file: file, roles: roles, log: log)
        let errors = log.items.filter { $0.severity == .error }
        if let spec, errors.isEmpty { return .success(spec) }
        return .failure(ConfigFileError(errors.isEmpty ? log.items : errors))
    }

    static func read(_ text: String, file: String, roles: [String], log: DiagnosticLog) -> ThemeSpec? {
        let known = Set(roles)
        let fallbackName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        // `fg: #303030` unquoted: YAML reads the colour as a comment, and inside {...} the rest of the line
        // too, which gives a baffling syntax error some lines later. Say what it is, at its line.
        var unquoted = false
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // Only a line with a `#` can hold one: the others skip the trimming and the regular expression
            // (compiling it costs more than the file).
            guard line.utf8.contains(0x23) else { continue }
            if isComment(line) { continue }
            if let r = line.range(of: #"[:,{]\s*#[0-9A-Fa-f]{3,6}\b"#, options: .regularExpression) {
                let colour = line[r].drop { $0 != "#" }
                log.error(SourceLocation(file: file, line: i + 1),
                          "quote colours that start with #, as \"\(colour)\": unquoted, YAML reads them as a comment")
                unquoted = true
            }
        }
        if unquoted { return nil }
        guard let root = YAMLNode.parse(text, file: file, log: log) else { return nil }
        guard let top = root.mapping("a theme file") else { return nil }
        var spec = ThemeSpec(name: fallbackName, file: file)
        for (key, value) in top {
            switch key {
            case "name": spec.name = value.string("name") ?? fallbackName
            case "description": spec.description = value.string("description") ?? ""
            case "roles", "styles":
                if value.isNull { continue }
                for (roleName, roleNode) in roleEntries(value) {
                    guard known.contains(roleName) else {
                        log.error(roleNode.location.withLine(roleNode.keyLine),
                                  "unknown role '\(roleName)' (roles: \(roles.joined(separator: ", ")))")
                        continue
                    }
                    if spec.roles[roleName] != nil {
                        log.error(roleNode.location.withLine(roleNode.keyLine), "role '\(roleName)' is set twice")
                    }
                    if let r = role(roleNode.node, name: roleName, log: log) { spec.roles[roleName] = r }
                }
            default:
                log.error(value.location, "unknown key '\(key)' (a theme has: name, description, roles)")
            }
        }
        return spec
    }

    /// Whether the line, after its leading whitespace, starts with `#`. The bytes answer when the first one
    /// after spaces and tabs is ASCII (and so is the one after a `#`); Foundation's trimming, which costs
    /// far more, answers the rest.
    static func isComment(_ line: Substring) -> Bool {
        let bytes = line.utf8
        if let i = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }), bytes[i] < 0x80 {
            guard bytes[i] == 0x23 else { return false }
            let next = bytes.index(after: i)
            if next == bytes.endIndex || bytes[next] < 0x80 { return true }
        }
        return line.trimmingCharacters(in: .whitespaces).hasPrefix("#")
    }

    struct Entry {
        var node: YAMLNode
        var keyLine: Int
        var location: SourceLocation { node.location }
    }

    static func roleEntries(_ node: YAMLNode) -> [(String, Entry)] {
        guard let m = node.pairs else {
            node.log.error(node.location, "roles must be a mapping of role names to styles")
            return []
        }
        return m.map { (k, v) in
            (k.scalarText ?? "", Entry(node: v, keyLine: k.line))
        }
    }

    static func role(_ node: YAMLNode, name: String, log: DiagnosticLog) -> RoleSpec? {
        var r = RoleSpec(location: node.location)
        if node.isNull {
            log.error(node.location, "role '\(name)' has no style (quote #RRGGBB colours: \"#1c1c1c\")")
            return nil
        }
        if node.isScalar {
            // A bare value: a colour for the foreground, or attribute words like `bold underline`.
            guard let text = node.string("role '\(name)'") else { return nil }
            return bare(text, node: node, name: name, log: log)
        }
        guard let m = node.pairs else {
            log.error(node.location, "role '\(name)' must be a colour or a mapping of fg, bg, bold, dim, reverse, underline")
            return nil
        }
        var ok = true
        for (k, v) in m {
            let key = k.scalarText ?? ""
            let value = v
            let at = SourceLocation(file: node.file, line: k.line)
            switch key {
            case "fg", "bg":
                guard let c = colour(value, what: "\(name).\(key)", log: log) else { ok = false; continue }
                if key == "fg" { r.fg = c } else { r.bg = c }
            case "bold", "dim", "reverse", "underline":
                guard let b = value.bool("\(name).\(key)") else { ok = false; continue }
                switch key {
                case "bold": r.bold = b
                case "dim": r.dim = b
                case "reverse": r.reverse = b
                default: r.underline = b
                }
            default:
                log.error(at, "unknown style key '\(key)' in role '\(name)' (keys: \(styleKeys.joined(separator: ", ")))")
                ok = false
            }
        }
        return ok ? r : nil
    }

    static func bare(_ text: String, node: YAMLNode, name: String, log: DiagnosticLog) -> RoleSpec? {
        var r = RoleSpec(location: node.location)
        for word in text.split(separator: " ").map(String.init) {
            switch word.lowercased() {
            case "bold": r.bold = true
            case "dim": r.dim = true
            case "reverse": r.reverse = true
            case "underline": r.underline = true
            default:
                guard r.fg == nil, let c = ColourSpec(word) else {
                    log.error(node.location, "role '\(name)': bad colour '\(word)' (use #RRGGBB, 0-255, an ANSI name such as red or bright-blue, or default)")
                    return nil
                }
                r.fg = c
            }
        }
        return r
    }

    static func colour(_ node: YAMLNode, what: String, log: DiagnosticLog) -> ColourSpec? {
        if node.isNull {
            log.error(node.location, "\(what) has no colour (a # starts a YAML comment: quote it, \"#1c1c1c\")")
            return nil
        }
        guard let text = node.string(what) else { return nil }
        if let c = ColourSpec(text) { return c }
        log.error(node.location, "\(what): bad colour '\(text)' (use #RRGGBB, 0-255, an ANSI name such as red or bright-blue, or default)")
        return nil
    }
}

extension SourceLocation {
    func withLine(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
}

extension YAMLNode {
    /// true/false, yes/no, on/off (any case); anything else is an error.
    func bool(_ what: String) -> Bool? {
        guard let text = string(what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            log.error(location, "\(what) must be true or false, not '\(text)'")
            return nil
        }
    }
}

extension ThemeFile {
    /// The theme files (`NAME.yaml`) in some folders, by name; a name in an earlier folder wins.
    /// Folders that do not exist are skipped.
    public static func files(in folders: [String]) -> [String: String] {
        var found: [String: String] = [:]
        for folder in folders.reversed() {
            guard let items = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for item in items where item.hasSuffix(".yaml") || item.hasSuffix(".yml") {
                let name = URL(fileURLWithPath: item).deletingPathExtension().lastPathComponent
                if name.hasPrefix(".") || name.lowercased() == "readme" { continue }
                found[name] = URL(fileURLWithPath: folder).appendingPathComponent(item).path
            }
        }
        return found
    }

    /// The user's theme folder: `$XDG_CONFIG_HOME/csdash/themes`, else `~/.config/csdash/themes`.
    public static func userFolder(environment env: [String: String]) -> String? {
        if let x = env["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x + "/csdash/themes" }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/csdash/themes"
    }

    /// The installed theme folder next to an executable: `PREFIX/share/csdash/Themes` for `PREFIX/bin/csdash`,
    /// or `Themes` beside it (an unpacked `make dist` tarball).
    public static func installedFolders(executable: URL?) -> [String] {
        guard let bin = executable?.resolvingSymlinksInPath().deletingLastPathComponent() else { return [] }
        return [bin.deletingLastPathComponent().appendingPathComponent("share/csdash/Themes").path,
                bin.appendingPathComponent("Themes").path]
    }
}
