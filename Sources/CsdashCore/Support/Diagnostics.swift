/// Where something came from: a file and, when known, a line, the character in it and a column name.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: String?
    /// The character within the line, 1-based (0 when unknown): given for YAML syntax errors.
    public var character: Int

    public init(file: String, line: Int = 0, column: String? = nil, character: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
        self.character = character
    }

    /// The same place with its file and column names made safe to print (a file may be named with an
    /// escape sequence; a column name comes from a CSV header).
    var safe: SourceLocation {
        SourceLocation(file: SafeText.clipped(SafeText.line(file), to: 300), line: line,
                       column: column.map { SafeText.clipped(SafeText.line($0), to: 80) }, character: character)
    }

    public static let none = SourceLocation(file: "")

    /// `FILE:LINE:CHARACTER`, `FILE:LINE` or just `FILE`, as far as they are known.
    public var text: String { line > 0 ? "\(file):\(line)" + (character > 0 ? ":\(character)" : "") : file }
}

/// What a problem is about, when it concerns one indicator or risk: the dashboard marks that item as
/// having a data problem instead of showing a value that may be wrong.
public enum Subject: Sendable, Hashable {
    case indicator(String)
    case risk(String)
}

/// A problem found in the data, printed as `FILE:LINE: error: message` (`FILE:LINE:CHARACTER:` when the
/// character is known), the form compilers use.
/// The message and location are made safe to print when the diagnostic is made (`SafeText`), and a
/// message is cut at 600 characters: values quoted from the data cannot smuggle escape sequences or
/// megabytes into the output.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public static let messageLimit = 600

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// The indicator or risk the problem concerns, when known.
    public var subject: Subject?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, subject: Subject? = nil) {
        self.severity = severity
        self.location = location.safe
        self.message = SafeText.clipped(SafeText.line(message), to: Diagnostic.messageLimit)
        self.subject = subject
    }

    public static func error(_ at: SourceLocation, _ message: String) -> Diagnostic { .init(.error, at, message) }
    public static func warning(_ at: SourceLocation, _ message: String) -> Diagnostic { .init(.warning, at, message) }

    public var description: String {
        let column = location.column.map { " (column '\($0)')" } ?? ""
        return "\(location.text): \(severity.rawValue): \(message)\(column)"
    }
}
