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

/// A YAML node with the file it came from, and typed accessors that report problems
/// at the node's own line instead of failing the whole file.
struct YAMLNode {
    let node: Node
    let file: String
    let log: DiagnosticLog

    var line: Int { node.mark?.line ?? 0 }
    var location: SourceLocation { SourceLocation(file: file, line: line) }

    /// Parses a whole file. A syntax error is reported with its line and gives nil.
    static func parse(_ text: String, file: String, log: DiagnosticLog) -> YAMLNode? {
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else {
                log.error(SourceLocation(file: file, line: 1), "the file is empty")
                return nil
            }
            return YAMLNode(node: node, file: file, log: log)
        } catch let error as YamlError {
            log.error(SourceLocation(file: file, line: YAMLNode.line(of: error)), "YAML syntax: \(YAMLNode.problem(of: error))")
        } catch {
            log.error(SourceLocation(file: file, line: 1), "YAML syntax: \(error)")
        }
        return nil
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _): return mark.line
        case let .duplicatedKeysInMapping(_, context): return max(1, context.mark.line)
        default: return 1
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _),
             let .composer(context, problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        case let .duplicatedKeysInMapping(duplicates, _):
            return "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping (each key may appear once)"
        default: return "\(error)"
        }
    }

    func child(_ node: Node) -> YAMLNode { YAMLNode(node: node, file: file, log: log) }

    /// The mapping's entries as (key, value); reports an error and gives nil when this is not a mapping.
    func mapping(_ what: String) -> [(key: String, value: YAMLNode)]? {
        guard let m = node.mapping else {
            log.error(location, "\(what) must be a mapping of keys to values")
            return nil
        }
        return m.map { (key: SafeText.line($0.key.scalar?.string ?? ""), value: child($0.value)) }
    }

    /// The sequence's items; a single scalar counts as a list of one; null is an empty list.
    func list(_ what: String) -> [YAMLNode]? {
        if let s = node.sequence { return s.map(child) }
        if isNull { return [] }
        if node.scalar != nil { return [self] }
        log.error(location, "\(what) must be a list")
        return nil
    }

    var isNull: Bool {
        guard let s = node.scalar else { return false }
        return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// The scalar as one line of text (numbers too, as written), made safe to show (`SafeText.line`):
    /// control characters and direction overrides are made visible, with a warning; line breaks become spaces.
    func string(_ what: String) -> String? {
        raw(what).map { checked(SafeText.line($0), raw: $0, what) }
    }

    /// Like `string`, but line breaks are kept: for commentary, definitions and descriptions, which wrap.
    func text(_ what: String) -> String? {
        raw(what).map { checked(SafeText.paragraphs($0), raw: $0, what) }
    }

    private func raw(_ what: String) -> String? {
        guard let s = node.scalar else {
            log.error(location, "\(what) must be a single value")
            return nil
        }
        return s.string.trimmingSpaces
    }

    private func checked(_ safe: String, raw: String, _ what: String) -> String {
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

/// Reads a mapping's known keys and warns about the rest, so that a misspelt key is not silently ignored.
struct YAMLFields {
    let entries: [String: YAMLNode]
    let owner: YAMLNode

    init?(_ node: YAMLNode, what: String, known: Set<String>) {
        guard let m = node.mapping(what) else { return nil }
        var entries: [String: YAMLNode] = [:]
        for (k, v) in m {
            if !known.contains(k) {
                node.log.warning(v.location, "unknown key '\(k)' in \(what) is ignored")
            }
            entries[k] = v
        }
        self.entries = entries
        self.owner = node
    }

    subscript(key: String) -> YAMLNode? {
        guard let v = entries[key], !v.isNull else { return nil }
        return v
    }

    /// A required value: reports its absence at the owner's line.
    func required(_ key: String, in what: String) -> YAMLNode? {
        if let v = self[key] { return v }
        owner.log.error(owner.location, "\(what) has no '\(key)'")
        return nil
    }
}
