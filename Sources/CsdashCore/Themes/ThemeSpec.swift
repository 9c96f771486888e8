/// One role's look as a theme file gives it. A field left out is nil.
public struct RoleSpec: Hashable, Sendable {
    public var fg: ColourSpec?
    public var bg: ColourSpec?
    public var bold: Bool?
    public var dim: Bool?
    public var reverse: Bool?
    public var underline: Bool?
    public var location: SourceLocation

    /// Nothing set yet; the reader fills in the fields the file gives.
    public init(location: SourceLocation = .none) { self.location = location }
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
