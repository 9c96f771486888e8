/// One authority's value for an indicator and year, from `authorities/*.csv`: the strip on the indicator page.
public struct AuthorityValue: Sendable, Equatable {
    public enum Group: String, Sendable, CaseIterable {
        /// The authority the dashboard is about.
        case own = "self"
        /// One of its statistical neighbours.
        case neighbour
        case other = ""
    }

    /// The old LA code and name; the loader keeps them for the authority and its neighbours only.
    public var code: String
    public var name: String
    public var value: Double
    public var group: Group

    public init(code: String, name: String, value: Double, group: Group = .other) {
        self.code = code
        self.name = name
        self.value = value
        self.group = group
    }
}
