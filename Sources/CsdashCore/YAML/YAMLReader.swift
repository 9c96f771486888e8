import CYaml
import Foundation
import Yams

/// Reads libyaml's events for one document into a `YAMLTree`, with Yams' composer rules: an alias is the
/// node its anchor names (the latest one finished before it), one document only, no duplicate keys.
struct YAMLReader {
    private var nodes: [YAMLTree.Node] = []
    private var children: [Int32] = []
    private var bytes: [UInt8] = []
    private var tags: [String] = []
    private var root: Int32 = 0

    private struct Frame {
        var node: Int32
        /// Where this container's children start on the `pending` stack.
        var base: Int
        var anchor: String?
    }

    mutating func read(_ input: UnsafePointer<UInt8>, count: Int, text: String) -> YAMLTree.Result {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .failure(line: 1, message: "\(YamlError.memory)") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, input, count)
        nodes.reserveCapacity(count / 12)
        children.reserveCapacity(count / 12)
        bytes.reserveCapacity(count / 2)

        var event = yaml_event_t()
        var anchors: [String: Int32] = [:]
        var frames: [Frame] = []
        var pending: [Int32] = []
        pending.reserveCapacity(64)
        // Yams reads the stream's start, a document's start (or the stream's end: no document), one node, the
        // document's end, and then wants the stream's end.
        enum Stage { case streamStart, documentStart, root, documentEnd, streamEnd }
        var stage = Stage.streamStart

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return Self.syntaxError(parser, text: text) }
            defer { yaml_event_delete(&event) }
            let line = Int32(truncatingIfNeeded: event.start_mark.line + 1)
            switch stage {
            case .streamStart:
                stage = .documentStart
                continue
            case .documentStart:
                if event.type == YAML_STREAM_END_EVENT { return .empty }
                stage = .root
                continue
            case .documentEnd:
                stage = .streamEnd
                continue
            case .streamEnd:
                if event.type == YAML_STREAM_END_EVENT { return .document(finish()) }
                // Yams' words: the context "expected a single document in the stream", then the problem.
                return .failure(line: Int(line), message: "expected a single document in the stream, but found another document")
            case .root:
                break
            }
            let finished: Int32
            switch event.type {
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                finished = Int32(truncatingIfNeeded: nodes.count)
                let start = Int32(truncatingIfNeeded: bytes.count)
                if s.length > 0 { bytes.append(contentsOf: UnsafeBufferPointer(start: s.value, count: s.length)) }
                // Yams: a quoted scalar without a tag is a string, and so is a plain one (the basic resolver
                // has no rules); `!` and `!!str` name the same tag.
                let tag = s.quoted_implicit == 1 || s.tag == nil ? -1 : intern(s.tag, default: "tag:yaml.org,2002:str")
                nodes.append(YAMLTree.Node(kind: .scalar, style: UInt8(truncatingIfNeeded: s.style.rawValue), tag: tag,
                                           line: line, start: start, count: Int32(truncatingIfNeeded: s.length)))
                if let a = s.anchor { anchors[Self.string(a)] = finished }
            case YAML_ALIAS_EVENT:
                guard let target = anchors[Self.string(event.data.alias.anchor)] else {
                    return .failure(line: Int(line), message: "found undefined alias")
                }
                finished = target
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let start = event.data.sequence_start  // the same layout as mapping_start
                let tag = start.implicit != 0 || start.tag == nil ? -1
                    : intern(start.tag, default: isMapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq")
                frames.append(Frame(node: Int32(truncatingIfNeeded: nodes.count), base: pending.count,
                                    anchor: start.anchor.map(Self.string)))
                nodes.append(YAMLTree.Node(kind: isMapping ? .mapping : .sequence, style: 0, tag: tag, line: line,
                                           start: 0, count: 0))
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = frames.removeLast()
                let index = Int(frame.node)
                nodes[index].start = Int32(truncatingIfNeeded: children.count)
                nodes[index].count = Int32(truncatingIfNeeded: pending.count - frame.base)
                children.append(contentsOf: pending[frame.base...])
                pending.removeSubrange(frame.base...)
                if nodes[index].kind == .mapping, let failure = duplicateKeys(index) { return failure }
                if let a = frame.anchor { anchors[a] = frame.node }
                finished = frame.node
            default:
                // libyaml ends a document only after its node.
                return .failure(line: Int(line), message: "unexpected YAML event \(event.type.rawValue)")
            }
            if frames.isEmpty {
                root = finished
                stage = .documentEnd
            } else {
                pending.append(finished)
            }
        }
    }

    private func finish() -> YAMLTree {
        return YAMLTree(nodes: nodes, children: children, bytes: bytes, tags: tags, root: root)
    }

    /// The tag's index in `tags`, or -1 when it is the default for the node's kind (Yams resolves the
    /// non-specific `!` to that default).
    private mutating func intern(_ tag: UnsafeMutablePointer<yaml_char_t>?, default name: String) -> Int32 {
        guard let tag else { return -1 }
        let t = Self.string(tag)
        if t == "!" || t == name { return -1 }
        if let i = tags.firstIndex(of: t) { return Int32(i) }
        tags.append(t)
        return Int32(tags.count - 1)
    }

    private static func string(_ p: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(decoding: UnsafeBufferPointer(start: p, count: strlen(UnsafeRawPointer(p).assumingMemoryBound(to: CChar.self))),
               as: UTF8.self)
    }

    /// libyaml's error in the words YAMLNode printed from Yams' `YamlError`: context and problem, at the
    /// problem's line.
    private static func syntaxError(_ parser: yaml_parser_t, text: String) -> YAMLTree.Result {
        func cString(_ p: UnsafePointer<CChar>?) -> String? { p.map { String(cString: $0) } }
        switch parser.error {
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            let words = [cString(parser.context), cString(parser.problem)].compactMap { $0 }.filter { !$0.isEmpty }
            return .failure(line: parser.problem_mark.line + 1, message: words.joined(separator: ", "))
        case YAML_READER_ERROR:
            // As Yams reports it: the offset in characters, the description quoting the line (at line 1).
            let utf8 = text.utf8
            let offset = utf8.index(utf8.startIndex, offsetBy: parser.problem_offset, limitedBy: utf8.endIndex)?
                .samePosition(in: text)
                .map { text.distance(from: text.startIndex, to: $0) }
            let error = YamlError.reader(problem: cString(parser.problem) ?? "", offset: offset,
                                         value: parser.problem_value, yaml: text)
            return .failure(line: 1, message: "\(error)")
        case YAML_MEMORY_ERROR:
            return .failure(line: 1, message: "\(YamlError.memory)")
        default:
            return .failure(line: 1, message: "libyaml error \(parser.error.rawValue)")
        }
    }

    // MARK: Duplicate keys

    /// Yams' check, run when a mapping ends: keys equal as Yams' nodes (same kind and resolved tag; scalars
    /// with equal text as Swift strings, so canonically equivalent spellings match; containers item by item)
    /// are reported together, sorted by their text, at the line of the first key in that order.
    private func duplicateKeys(_ mapping: Int) -> YAMLTree.Result? {
        let n = nodes[mapping]
        let keyCount = Int(n.count) / 2
        if keyCount < 2 { return nil }
        let first = Int(n.start)
        // The common case: untagged ASCII scalars, told apart by a hash of their bytes (equal bytes, equal keys).
        var simple = true
        var signatures: [UInt64] = []
        signatures.reserveCapacity(keyCount)
        bytes.withUnsafeBufferPointer { b in
            for i in 0..<keyCount {
                let k = nodes[Int(children[first + 2 * i])]
                guard k.kind == .scalar, k.tag == -1 else { simple = false; return }
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in b[Int(k.start)..<Int(k.start + k.count)] {
                    if byte >= 0x80 { simple = false; return }
                    h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
                }
                signatures.append(h)
            }
        }
        if simple {
            var clash = false
            if keyCount <= 32 {
                outer: for i in 1..<keyCount {
                    for j in 0..<i where signatures[i] == signatures[j] { clash = true; break outer }
                }
            } else {
                clash = Set(signatures).count != keyCount
            }
            if !clash { return nil }
        }
        return reportDuplicates(mapping)
    }

    /// The general check, for a mapping that may hold duplicates.
    private func reportDuplicates(_ mapping: Int) -> YAMLTree.Result? {
        let n = nodes[mapping]
        let keyCount = Int(n.count) / 2
        let first = Int(n.start)
        func key(_ i: Int) -> Int32 { children[first + 2 * i] }
        // For each key, the first key equal to it; the keys first of a group of more than one are duplicated.
        var duplicated = [Bool](repeating: false, count: keyCount)
        var seen: [ScalarKey: Int] = [:]
        var containers: [Int] = []
        var found = false
        for i in 0..<keyCount {
            let k = key(i)
            let j: Int?
            if nodes[Int(k)].kind == .scalar {
                let sk = ScalarKey(text: text(k), tag: nodes[Int(k)].tag)
                j = seen[sk]
                if j == nil { seen[sk] = i }
            } else {
                j = containers.first { equal(k, key($0)) }
                if j == nil { containers.append(i) }
            }
            if let j {
                duplicated[j] = true
                found = true
            }
        }
        guard found else { return nil }
        // Yams sorts with Node's `<`: scalars by text; any other pair compares as not less.
        let sorted = (0..<keyCount).filter { duplicated[$0] }.map(key).sorted { a, b in
            nodes[Int(a)].kind == .scalar && nodes[Int(b)].kind == .scalar ? text(a) < text(b) : false
        }
        let names = sorted.map { nodes[Int($0)].kind == .scalar ? "'\(text($0))'" : "'<uncovertable>'" }
        return .failure(line: max(1, Int(nodes[Int(sorted[0])].line)),
                        message: "duplicate key \(names.joined(separator: ", ")) in one mapping (each key may appear once)")
    }

    private struct ScalarKey: Hashable {
        var text: String
        var tag: Int32
    }

    private func text(_ node: Int32) -> String {
        let n = nodes[Int(node)]
        return bytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[Int(n.start)..<Int(n.start + n.count)]), as: UTF8.self)
        }
    }

    /// Node equality as in Yams, for keys that are sequences or mappings. A pair of containers found equal is
    /// remembered, so that keys built from aliases (an alias bomb) are not compared exponentially often.
    private func equal(_ a: Int32, _ b: Int32) -> Bool {
        var known = Set<Int64>()
        return equal(a, b, &known)
    }

    private func equal(_ a: Int32, _ b: Int32, _ known: inout Set<Int64>) -> Bool {
        if a == b { return true }
        let x = nodes[Int(a)], y = nodes[Int(b)]
        guard x.kind == y.kind, x.tag == y.tag else { return false }
        if x.kind == .scalar { return text(a) == text(b) }
        guard x.count == y.count else { return false }
        let pair = Int64(a) << 32 | Int64(b)
        if known.contains(pair) { return true }
        for i in 0..<Int(x.count) where !equal(children[Int(x.start) + i], children[Int(y.start) + i], &known) {
            return false
        }
        known.insert(pair)
        return true
    }
}
