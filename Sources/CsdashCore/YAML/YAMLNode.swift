import Yams

/// Collects the problems found while loading, in the order they were found.
final class DiagnosticLog {
    /// A reference from one item to another, checked once everything is loaded.
    struct Link {
        enum Kind { case indicatorToRisk, riskToIndicator, riskToPanel, indicatorToBenchmark }
        var kind: Kind
        var from: String
        var to: String
        var location: SourceLocation
    }

    var items: [Diagnostic] = []
    var links: [Link] = []
    /// The indicator or risk being read: problems found meanwhile are about it (see `Subject`).
    var subject: Subject?

    func error(_ at: SourceLocation, _ message: String) { items.append(.init(.error, at, message, subject: subject)) }
    func warning(_ at: SourceLocation, _ message: String) { items.append(.init(.warning, at, message, subject: subject)) }

    /// Runs `body` with problems attributed to `subject`.
    func about<R>(_ subject: Subject?, _ body: () -> R) -> R {
        let saved = self.subject
        self.subject = subject
        defer { self.subject = saved }
        return body()
    }
}

/// A YAML node with the file it came from, and typed accessors that report problems at the node's own line
/// instead of failing the whole file.
struct YAMLNode {
    /// The file's name and the log: shared by all of a file's nodes.
    final class Document {
        let file: String
        let log: DiagnosticLog

        init(file: String, log: DiagnosticLog) {
            self.file = file
            self.log = log
        }
    }

    let document: Document
    let node: Yams.Node

    var file: String { document.file }
    var log: DiagnosticLog { document.log }
    /// 1-based, as Yams' `Mark`.
    var line: Int { max(1, node.mark?.line ?? 1) }
    var location: SourceLocation { SourceLocation(file: file, line: line) }

    /// Parses a whole file. A syntax error is reported with its line and column and gives nil.
    static func parse(_ text: String, file: String, log: DiagnosticLog) -> YAMLNode? {
        parse(YAMLTree.read(text), file: file, log: log)
    }

    /// A file already read into a tree (perhaps on another thread): its problems go to `log` here, in order.
    static func parse(_ read: YAMLTree.Result, file: String, log: DiagnosticLog) -> YAMLNode? {
        func report(_ problems: [YAMLProblem]) {
            for p in problems {
                let at = SourceLocation(file: file, line: p.line, character: p.column)
                log.error(at, p.syntax ? "YAML syntax: \(p.message)" : p.message)
            }
        }
        switch read {
        case let .document(tree):
            report(tree.cut)
            return YAMLNode(document: Document(file: file, log: log), node: tree.root)
        case let .empty(cut):
            report(cut)
            log.error(SourceLocation(file: file, line: 1), "the file is empty")
        case let .failure(problems):
            // Lines cut for length come first, then the problem that stopped the reader.
            report(problems)
        }
        return nil
    }

    func child(_ node: Yams.Node) -> YAMLNode { YAMLNode(document: document, node: node) }

    var isScalar: Bool { node.scalar != nil }
    var isMapping: Bool { node.mapping != nil }

    /// The scalar's text as written (after YAML's own unescaping), or nil for a sequence or mapping.
    var scalarText: String? { node.scalar?.string }

    /// The mapping's keys and values as nodes, in file order; nil when this is not a mapping (no error).
    var pairs: [(key: YAMLNode, value: YAMLNode)]? {
        node.mapping.map { m in m.map { (key: child($0.key), value: child($0.value)) } }
    }

    /// The mapping's entries as (key, value); reports an error and gives nil when this is not a mapping.
    func mapping(_ what: String) -> [(key: String, value: YAMLNode)]? {
        guard let m = node.mapping else {
            log.error(location, "\(what) must be a mapping of keys to values")
            return nil
        }
        return m.map { (key: Self.keyName($0.key), value: child($0.value)) }
    }

    /// A key as `mapping` gives it: its text made safe to show (a key that is not a scalar reads as empty).
    private static func keyName(_ key: Yams.Node) -> String {
        guard let s = key.scalar?.string else { return "" }
        return s.utf8.allSatisfy { $0 >= 0x20 && $0 <= 0x7E } ? s : SafeText.line(s)
    }

    /// The sequence's items; a single scalar counts as a list of one; null is an empty list.
    func list(_ what: String) -> [YAMLNode]? {
        switch node {
        case let .sequence(q):
            return q.map(child)
        case .scalar:
            return isNull ? [] : [self]
        case .mapping, .alias:
            log.error(location, "\(what) must be a list")
            return nil
        }
    }

    /// A plain scalar spelt `~`, `null`, `Null`, `NULL` or nothing.
    var isNull: Bool {
        guard let s = node.scalar, s.style == .plain else { return false }
        switch s.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The scalar as one line of text (numbers too, as written), made safe to show (`SafeText.line`):
    /// control characters and direction overrides are made visible, with a warning; line breaks become spaces.
    func string(_ what: String) -> String? {
        // Printable ASCII (the usual case) is already safe: only the spaces around it go.
        return raw(what).map { checked(SafeText.line($0), raw: $0, what) }
    }

    /// Like `string`, but line breaks are kept: for commentary, definitions and descriptions, which wrap.
    func text(_ what: String) -> String? {
        return raw(what).map { checked(SafeText.paragraphs($0), raw: $0, what) }
    }

    private func raw(_ what: String) -> String? {
        guard let s = node.scalar else {
            log.error(location, "\(what) must be a single value")
            return nil
        }
        return s.string.trimmingSpaces
    }

    private func checked(_ safe: String, raw: String, _ what: String) -> String {
        // Printable ASCII (the usual case) is already safe.
        if raw.utf8.allSatisfy({ $0 >= 0x20 && $0 <= 0x7E }) { return raw }
        if safe != raw, SafeText.hasHostileCharacters(raw) {
            log.warning(location, "\(what) holds control or text-direction characters; they are shown as \u{241B} or \u{FFFD}")
        }
        return safe
    }

    func double(_ what: String) -> Double? {
        guard let text = string(what) else { return nil }
        if case let .value(v) = CSVNumber.parse(text) { return v }
        log.error(location, "\(what) must be a number, not '\(text)'")
        return nil
    }

    func int(_ what: String) -> Int? {
        guard let text = string(what) else { return nil }
        if let v = Int(text) { return v }
        log.error(location, "\(what) must be a whole number, not '\(text)'")
        return nil
    }

    func period(_ what: String) -> Period? {
        guard let text = string(what) else { return nil }
        if let p = Period(text) { return p }
        log.error(location, "\(what): unreadable period '\(text)' (use 2021-09, 2021/22 Q2 or 2021/22)")
        return nil
    }

    func strings(_ what: String) -> [String] {
        (list(what) ?? []).compactMap { $0.string(what) }
    }

    /// A list of names, each recorded as a link to check later.
    func links(_ what: String, kind: DiagnosticLog.Link.Kind, from: String) -> [String] {
        (list(what) ?? []).compactMap { item in
            guard let name = item.string(what) else { return nil }
            log.links.append(.init(kind: kind, from: from, to: name, location: item.location))
            return name
        }
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ what: String, _: E.Type) -> E? where E.RawValue == String {
        guard let text = string(what) else { return nil }
        if let v = E(rawValue: text.lowercased()) { return v }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        log.error(location, "\(what) '\(text)' is not one of: \(allowed)")
        return nil
    }
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

/// Reads a mapping's known keys and warns about the rest, so that a misspelt key is not silently ignored.
struct YAMLFields {
    /// In file order; a key given twice (possible only with different tags) takes its last value.
    let entries: [(key: String, value: YAMLNode)]
    let owner: YAMLNode

    init?(_ node: YAMLNode, what: String, known: Set<String>) {
        guard let m = node.mapping(what) else { return nil }
        for (k, v) in m where !known.contains(k) {
            node.log.warning(v.location, "unknown key '\(k)' in \(what) is ignored")
        }
        self.entries = m
        self.owner = node
    }

    subscript(key: String) -> YAMLNode? {
        // A mapping has a dozen keys or so: a search beats hashing every key into a dictionary.
        guard let v = entries.last(where: { $0.key == key })?.value, !v.isNull else { return nil }
        return v
    }

    /// A required value: reports its absence at the owner's line.
    func required(_ key: String, in what: String) -> YAMLNode? {
        if let v = self[key] { return v }
        owner.log.error(owner.location, "\(what) has no '\(key)'")
        return nil
    }
}
