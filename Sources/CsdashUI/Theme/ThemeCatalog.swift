import CsdashCore

/// Why a theme could not be had.
public enum ThemeLookupError: Error, CustomStringConvertible, Sendable {
    /// No shipped theme and no file of that name.
    case unknown(name: String, available: [String])
    /// The file exists but has errors (each with its line).
    case broken(ConfigFileError)

    public var description: String {
        switch self {
        case let .unknown(name, available):
            return "no theme '\(name)' (themes: \(available.joined(separator: ", ")); or give a path to a .yaml file)"
        case let .broken(e): return e.description
        }
    }
}

/// Every theme by name: the five shipped ones (compiled in, so they work wherever the binary is copied) and
/// `NAME.yaml` files in the theme folders, which add themes or override a shipped one of the same name.
public struct ThemeCatalog: Sendable {
    public static let shippedNames = ShippedThemes.files.map(\.name)

    /// Theme files by name, from the folders searched (user folder first).
    public var files: [String: String]

    public init(folders: [String]) {
        files = ThemeFile.files(in: folders)
    }

    /// Every theme name: the shipped ones in their order, then the others alphabetically.
    public var names: [String] {
        Self.shippedNames + files.keys.filter { !Self.shippedNames.contains($0) }.sorted()
    }

    /// A theme by name, or by path when the argument contains `/` or ends in `.yaml`.
    public func theme(_ nameOrPath: String) -> Result<Theme, ThemeLookupError> {
        let isPath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
        if isPath || files[nameOrPath] != nil {
            let path = isPath ? nameOrPath : files[nameOrPath]!
            return ThemeFile.load(path: path, roles: Role.fileNames)
                .map { Theme.resolve($0, over: nameOrPath == "mono" ? .monochrome : .standard) }
                .mapError { .broken($0) }
        }
        // The shipped default over itself is itself: parsed once, for `Theme.standard`.
        if nameOrPath == "default", ShippedThemes.text(nameOrPath) != nil { return .success(.standard) }
        guard ShippedThemes.text(nameOrPath) != nil else {
            return .failure(.unknown(name: nameOrPath, available: names))
        }
        return .success(Theme.shipped(nameOrPath, over: .standard))
    }

    /// Where a theme comes from, for `csdash config`: a file path, or "built in".
    public func origin(_ nameOrPath: String) -> String {
        if let f = files[nameOrPath] { return f }
        return ShippedThemes.text(nameOrPath) != nil ? "built in" : nameOrPath
    }
}
