import CsdashCore

/// What a piece of the screen is, so that a theme can colour it. The raw value is the name a theme file uses.
public enum Role: String, CaseIterable, Sendable {
    case text
    case muted = "dim-text"
    /// Key names, active filters: the accent colour.
    case key = "accent"
    case title
    /// The top bar: title, quarter and counts.
    case header = "banner"
    case border
    case focusBorder = "focus-border"
    case selection
    case better, within, worse, none, stale
    case target = "target-line"
    case band = "tolerance-band"
    /// Sparkline points that have no status (no target, or a neutral indicator).
    case sparkline
    case series1 = "series-1", series2 = "series-2", series3 = "series-3"
    /// Risk heat-map levels, lowest band first.
    case riskLow = "heat-low", riskModerate = "heat-moderate", riskHigh = "heat-high"
    /// Notices and warnings drawn across the screen (a config file that could not be read, data problems).
    case notice
    /// The frame of a wall tile whose indicator has no status (the others take their status colour).
    case wallTile = "wall-tile"
    /// SPC: special cause improvement, and an assurance that the target will be met ("pass").
    case spcImprovement = "spc-improvement"
    /// SPC: special cause concern, and an assurance that the target will be missed ("fail").
    case spcConcern = "spc-concern"
    /// SPC: special cause variation of an indicator with no polarity.
    case spcNeutral = "spc-neutral"
    /// SPC chart layers: the mean, and the two process limits.
    case spcMean = "spc-mean"
    case spcLimit = "spc-limit"

    /// The role's place in `allCases` (a theme keeps its styles in that order).
    public var index: Int {
        switch self {
        case .text: return 0
        case .muted: return 1
        case .key: return 2
        case .title: return 3
        case .header: return 4
        case .border: return 5
        case .focusBorder: return 6
        case .selection: return 7
        case .better: return 8
        case .within: return 9
        case .worse: return 10
        case .none: return 11
        case .stale: return 12
        case .target: return 13
        case .band: return 14
        case .sparkline: return 15
        case .series1: return 16
        case .series2: return 17
        case .series3: return 18
        case .riskLow: return 19
        case .riskModerate: return 20
        case .riskHigh: return 21
        case .notice: return 22
        case .wallTile: return 23
        case .spcImprovement: return 24
        case .spcConcern: return 25
        case .spcNeutral: return 26
        case .spcMean: return 27
        case .spcLimit: return 28
        }
    }

    /// Older names still read in theme files.
    public static let aliases: [String: Role] = [
        "muted": .muted, "dim": .muted, "key": .key, "header": .header, "focusBorder": .focusBorder,
        "target": .target, "band": .band, "risk-low": .riskLow, "risk-moderate": .riskModerate, "risk-high": .riskHigh,
    ]

    /// Every name a theme file may use for a role.
    public static var fileNames: [String] { allCases.map(\.rawValue) + aliases.keys.sorted() }

    public init?(fileName: String) {
        if let r = Role(rawValue: fileName) { self = r } else if let r = Role.aliases[fileName] { self = r } else { return nil }
    }
}

/// A resolved palette: a style for every role. Built from a theme file over `default`'s styles, so a theme may
/// leave roles out. Views read it by role; `ColorDepth` reduces its colours at output.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var description: String
    /// The style of each role that has one, at the role's `index`: views look a style up for nearly every
    /// cell, and a dictionary keyed by a role hashed the role's name each time.
    private var table: [Style?] = Array(repeating: nil, count: Role.allCases.count)

    /// The roles that have a style.
    public var styles: [Role: Style] {
        get {
            var d: [Role: Style] = [:]
            for role in Role.allCases { if let st = table[role.index] { d[role] = st } }
            return d
        }
        set {
            table = Array(repeating: nil, count: Role.allCases.count)
            for (role, st) in newValue { table[role.index] = st }
        }
    }

    public init(name: String, description: String = "", styles: [Role: Style]) {
        self.name = name
        self.description = description
        self.styles = styles
    }

    /// A theme with no style for any role (every role plain until set).
    public init(name: String, description: String = "") {
        self.name = name
        self.description = description
    }

    public subscript(role: Role) -> Style { table[role.index] ?? .plain }

    /// Gives `role` a style.
    public mutating func set(_ role: Role, _ style: Style) { table[role.index] = style }

    /// The shipped `default` theme (dark background), compiled into the binary.
    public static let standard: Theme = shipped("default", over: Theme(name: "default"))

    /// The shipped `mono` theme: attributes only. Used whenever there is no colour (NO_COLOR, `--color never`).
    public static let monochrome: Theme = shipped("mono", over: Theme(name: "mono"))

    /// A theme file's roles over a base palette (roles the file leaves out keep the base's style).
    public static func resolve(_ spec: ThemeSpec, over base: Theme) -> Theme {
        var t = base
        t.name = spec.name
        t.description = spec.description
        for (name, r) in spec.roles {
            guard let role = Role(fileName: name) else { continue }
            t.set(role, Style(fg: r.fg.map(Color.init) ?? .default, bg: r.bg.map(Color.init) ?? .default,
                              bold: r.bold ?? false, dim: r.dim ?? false,
                              reverse: r.reverse ?? false, underline: r.underline ?? false))
        }
        return t
    }

    /// Parses a theme's text over `default` (or over `base`).
    public static func parse(_ text: String, file: String, over base: Theme = .standard) -> Result<Theme, ConfigFileError> {
        ThemeFile.parse(text, file: file, roles: Role.fileNames).map { resolve($0, over: base) }
    }

    /// A shipped theme over `base`: its compiled-in styles (`ShippedThemes.compiled`, what its file says;
    /// a test keeps the two equal), so no YAML is read.
    static func shipped(_ name: String, over base: Theme) -> Theme {
        guard let c = ShippedThemes.compiled[name] else { return base }
        var t = base
        t.name = name
        t.description = c.description
        for (role, style) in c.styles { t.set(role, style) }
        return t
    }

    public func status(_ s: Status) -> Style {
        switch s {
        case .better: return self[.better]
        case .within: return self[.within]
        case .worse: return self[.worse]
        case .none: return self[.none]
        // No value to judge: the colour of data that is not current.
        case .noData: return self[.stale]
        }
    }

    /// An SPC point type's colour (common cause in the quiet `dim-text`).
    public func spc(_ v: SPCPointType) -> Style { self[Self.spcRoles[v]!] }

    private static let spcRoles: [SPCPointType: Role] = [.improvement: .spcImprovement, .concern: .spcConcern,
                                                         .neutral: .spcNeutral, .common: .muted]

    /// An assurance's colour: pass as improvement, fail as concern, hit and miss as plain text.
    public func assurance(_ a: SPCAssurance?) -> Style {
        switch a {
        case .pass?: return self[.spcImprovement]
        case .fail?: return self[.spcConcern]
        case .inconsistent?: return self[.text]
        case nil: return self[.muted]
        }
    }

    /// A sparkline point: its status colour, or the `sparkline` role when it has no status.
    public func sparkPoint(_ s: Status) -> Style {
        s == .none ? self[.sparkline] : status(s)
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
        guard b.bg != .default else { return Style(fg: b.fg, bold: b.bold, underline: b.underline) }
        return Style(fg: b.bg, bold: b.bold)
    }
}
