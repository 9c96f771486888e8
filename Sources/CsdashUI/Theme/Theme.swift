import CsdashCore
import Foundation
import Yams

/// What a piece of the screen is, so that a theme can colour it.
public enum Role: String, CaseIterable, Sendable {
    case text, muted, title, header, border, focusBorder, selection, key
    case better, within, worse, none
    case target, band, stale
    case riskLow = "risk-low", riskModerate = "risk-moderate", riskHigh = "risk-high"
    case series1 = "series-1", series2 = "series-2", series3 = "series-3"
}

/// Styles for every role. The built-in default matches `Themes/default.yaml`.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var styles: [Role: Style]

    public subscript(role: Role) -> Style { styles[role] ?? .plain }

    public static let standard = Theme(name: "default", styles: [
        .text: Style(),
        .muted: Style(fg: .indexed(245)),
        .title: Style(bold: true),
        .header: Style(fg: .indexed(255), bg: .indexed(24), bold: true),
        .border: Style(fg: .indexed(240)),
        .focusBorder: Style(fg: .indexed(39), bold: true),
        .selection: Style(bg: .indexed(237), bold: true),
        .key: Style(fg: .indexed(39), bold: true),
        .better: Style(fg: .indexed(42)),
        .within: Style(fg: .indexed(214)),
        .worse: Style(fg: .indexed(203), bold: true),
        .none: Style(fg: .indexed(250)),
        .target: Style(fg: .indexed(75)),
        .band: Style(fg: .indexed(239)),
        .stale: Style(fg: .indexed(180)),
        .riskLow: Style(fg: .indexed(16), bg: .indexed(71)),
        .riskModerate: Style(fg: .indexed(16), bg: .indexed(221)),
        .riskHigh: Style(fg: .indexed(255), bg: .indexed(160), bold: true),
        .series1: Style(fg: .indexed(177)),
        .series2: Style(fg: .indexed(116)),
        .series3: Style(fg: .indexed(223)),
    ])

    /// No colour at all: symbols and attributes carry the meaning (NO_COLOR, or `--color never`).
    public static let monochrome = Theme(name: "mono", styles: [
        .title: Style(bold: true), .header: Style(reverse: true), .focusBorder: Style(bold: true),
        .selection: Style(reverse: true), .key: Style(bold: true), .worse: Style(bold: true),
        .muted: Style(dim: true), .riskHigh: Style(bold: true, reverse: true), .riskModerate: Style(reverse: true),
    ])

    public func status(_ s: Status) -> Style {
        switch s {
        case .better: return self[.better]
        case .within: return self[.within]
        case .worse: return self[.worse]
        case .none: return self[.none]
        }
    }

    public func direction(_ d: Direction) -> Style {
        switch d {
        case .improved: return self[.better]
        case .declined: return self[.worse]
        default: return self[.muted]
        }
    }

    /// The style of a risk band by its position (lowest band first).
    public func band(index: Int, of count: Int) -> Style {
        if count <= 1 { return self[.riskModerate] }
        if index == 0 { return self[.riskLow] }
        return index == count - 1 ? self[.riskHigh] : self[.riskModerate]
    }

    /// A band's colour for a mark drawn on the page background (a sparkline point): the band's
    /// background colour as the foreground, or the band's own style where it has no background colour.
    public func bandMark(index: Int, of count: Int) -> Style {
        let b = band(index: index, of: count)
        guard b.bg != .default else { return Style(fg: b.fg, bold: b.bold) }
        return Style(fg: b.bg, bold: b.bold)
    }

    /// Reads a theme file: `name:` and `styles: {ROLE: {fg, bg, bold, dim, reverse, underline}}`.
    /// Colours are 0-255 or `#rrggbb` or `default`. Roles not named keep the standard style.
    public static func load(path: String) throws -> Theme {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ThemeError(path: path, line: 0, message: "cannot read it as UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Reads a theme from its text (`path` names it in errors and gives its default name).
    public static func parse(_ text: String, path: String) throws(ThemeError) -> Theme {
        do { return try parseYAML(text, path: path) } catch let e as ThemeError { throw e } catch let e as YamlError {
            throw ThemeError(path: path, line: { () -> Int in
                switch e {
                case let .scanner(_, _, m, _), let .parser(_, _, m, _), let .composer(_, _, m, _): return m.line
                case let .duplicatedKeysInMapping(_, c): return c.mark.line
                default: return 1
                }
            }(), message: "YAML syntax: \(e)")
        } catch {
            throw ThemeError(path: path, line: 1, message: "\(error)")
        }
    }

    private static func parseYAML(_ text: String, path: String) throws -> Theme {
        guard let root = try Yams.compose(yaml: text, .basic)?.mapping else { throw ThemeError(path: path, line: 1, message: "not a mapping") }
        var theme = Theme.standard
        theme.name = root["name"]?.string ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        guard let styles = root["styles"]?.mapping else { return theme }
        for (k, v) in styles {
            let line = k.mark?.line ?? 0
            guard let key = k.string, let role = Role(rawValue: key) else {
                throw ThemeError(path: path, line: line, message: "unknown role '\(k.string ?? "")' (roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let m = v.mapping else { throw ThemeError(path: path, line: line, message: "style of '\(key)' must be a mapping") }
            var s = Style()
            for (sk, sv) in m {
                let name = sk.string ?? ""
                let value = sv.string ?? ""
                let l = sk.mark?.line ?? line
                switch name {
                case "fg", "bg":
                    guard let c = parseColor(value) else { throw ThemeError(path: path, line: l, message: "bad colour '\(value)'") }
                    if name == "fg" { s.fg = c } else { s.bg = c }
                case "bold": s.bold = value == "true"
                case "dim": s.dim = value == "true"
                case "reverse": s.reverse = value == "true"
                case "underline": s.underline = value == "true"
                default: throw ThemeError(path: path, line: l, message: "unknown style key '\(name)'")
                }
            }
            theme.styles[role] = s
        }
        return theme
    }

    static func parseColor(_ s: String) -> Color? {
        if s == "default" { return .default }
        if let i = Int(s), (0...255).contains(i) { return .indexed(UInt8(i)) }
        if s.hasPrefix("#"), s.count == 7, let v = Int(s.dropFirst(), radix: 16) {
            return .rgb(UInt8(v >> 16 & 255), UInt8(v >> 8 & 255), UInt8(v & 255))
        }
        return nil
    }
}

public struct ThemeError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String
    /// Made safe to print: the message quotes the theme file, which may hold anything.
    public var description: String {
        SafeText.clipped(SafeText.line(line > 0 ? "\(path):\(line): error: \(message)" : "\(path): error: \(message)"),
                         to: Diagnostic.messageLimit)
    }
}
