/// One authority's value for an indicator and year, from `authorities/*.csv`: the strip on the indicator page.
public struct AuthorityValue: Sendable, Equatable {
    public enum Group: String, Sendable, CaseIterable {
        /// The authority the dashboard is about.
        case own = "self"
        /// One of its statistical neighbours.
        case neighbour
        case other = ""
    }

    /// The old LA code and name of the authority and its neighbours (the loader keeps them for those only):
    /// held apart, so that a value is 24 bytes and copied without counting references when it has none. The
    /// sample's 11,500 values took 552 KB (135 fresh pages) with two strings in each.
    private final class Label: Sendable {
        let code: String, name: String
        init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    private var label: Label?
    public var value: Double
    public var group: Group

    public var code: String {
        get { label?.code ?? "" }
        set { label = Self.label(code: newValue, name: name) }
    }

    public var name: String {
        get { label?.name ?? "" }
        set { label = Self.label(code: code, name: newValue) }
    }

    public init(code: String, name: String, value: Double, group: Group = .other) {
        label = Self.label(code: code, name: name)
        self.value = value
        self.group = group
    }

    private static func label(code: String, name: String) -> Label? {
        code.isEmpty && name.isEmpty ? nil : Label(code: code, name: name)
    }

    public static func == (a: AuthorityValue, b: AuthorityValue) -> Bool {
        a.value == b.value && a.group == b.group && a.code == b.code && a.name == b.name
    }
}
