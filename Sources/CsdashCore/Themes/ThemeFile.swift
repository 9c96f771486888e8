import Foundation

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
