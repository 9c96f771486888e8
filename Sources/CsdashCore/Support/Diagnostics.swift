/// Where something came from: a file and, when known, a line and a column name.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: String?

    public init(file: String, line: Int = 0, column: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static let none = SourceLocation(file: "")

    /// `FILE:LINE` (or just `FILE` when the line is unknown).
    public var text: String { line > 0 ? "\(file):\(line)" : file }
}

/// A problem found in the data, printed as `FILE:LINE: error: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ at: SourceLocation, _ message: String) -> Diagnostic { .init(.error, at, message) }
    public static func warning(_ at: SourceLocation, _ message: String) -> Diagnostic { .init(.warning, at, message) }

    public var description: String {
        let column = location.column.map { " (column '\($0)')" } ?? ""
        return "\(location.text): \(severity.rawValue): \(message)\(column)"
    }
}
