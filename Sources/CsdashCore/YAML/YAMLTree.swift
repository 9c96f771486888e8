/// One YAML document, read from libyaml's events into flat arrays: a node is an index into `nodes`, a
/// sequence's items and a mapping's keys and values (alternating) are a range of `children`, a scalar's
/// text is a range of `bytes`. An alias is the index of the node it names, as in Yams, where an alias is
/// that node itself (with the anchor's line).
///
/// It replaces `Yams.compose(yaml:, .basic)`, which built a `Node` per scalar with a `Tag` object and
/// copied mappings while they were read: for the 1M bench's 356 KB `indicators.yaml` reading it this way
/// costs a third of that (docs/benchmark-notes.md). `read` (through `YAMLReader`) reports what Yams reported,
/// in the same words at the same lines: libyaml's syntax errors (context, problem, line), an undefined
/// alias, a second document, duplicate keys (compared as Yams compares nodes), an empty stream.
final class YAMLTree {
    enum Kind: UInt8 { case scalar, sequence, mapping }

    struct Node {
        var kind: Kind
        /// libyaml's scalar style (1 plain, 2 single-quoted, 3 double-quoted, 4 literal, 5 folded).
        var style: UInt8
        /// The explicit tag other than the default (an index into `tags`), or -1: only duplicate keys look at it.
        var tag: Int32
        /// 1-based, like Yams' `Mark.line`.
        var line: Int32
        /// Scalar: offset into `bytes`; sequence or mapping: offset into `children`.
        var start: Int32
        /// Scalar: its length in bytes; sequence: items; mapping: 2 x entries.
        var count: Int32
    }

    let nodes: [Node]
    let children: [Int32]
    let bytes: [UInt8]
    let tags: [String]
    let root: Int32

    init(nodes: [Node], children: [Int32], bytes: [UInt8], tags: [String], root: Int32) {
        self.nodes = nodes
        self.children = children
        self.bytes = bytes
        self.tags = tags
        self.root = root
    }

    /// What reading gives: the tree, an empty stream, or the first problem (its line and its words).
    enum Result {
        case document(YAMLTree)
        case empty
        case failure(line: Int, message: String)
    }

    static let plainStyle: UInt8 = 1

    static func read(_ text: String) -> Result {
        var utf8 = text
        return utf8.withUTF8 { buffer in
            var zero: UInt8 = 0
            return withUnsafePointer(to: &zero) { empty in
                var reader = YAMLReader()
                return reader.read(buffer.baseAddress ?? empty, count: buffer.count, text: text)
            }
        }
    }

    // MARK: Reading the tree

    /// A scalar's text (libyaml has checked that it is UTF-8).
    func text(_ node: Int32) -> String {
        let n = nodes[Int(node)]
        if n.count == 0 { return "" }
        return bytes.withUnsafeBufferPointer { b in
            String(decoding: UnsafeBufferPointer(rebasing: b[Int(n.start)..<Int(n.start + n.count)]), as: UTF8.self)
        }
    }

    /// A scalar's text when it is all printable ASCII (U+0020-U+007E), with the spaces around it dropped when
    /// `trimmed`: then `SafeText` would not change it, and the only whitespace to trim is the space.
    /// Nil otherwise (the caller takes the general path).
    func printableASCII(_ node: Int32, trimmed: Bool) -> String? {
        let n = nodes[Int(node)]
        return bytes.withUnsafeBufferPointer { b -> String? in
            var start = Int(n.start), end = Int(n.start + n.count)
            for i in start..<end where b[i] < 0x20 || b[i] > 0x7E { return nil }
            if trimmed {
                while start < end, b[start] == 0x20 { start += 1 }
                while end > start, b[end - 1] == 0x20 { end -= 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        }
    }

    /// Calls `body` with a scalar's bytes.
    func withBytes<R>(_ node: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let n = nodes[Int(node)]
        return bytes.withUnsafeBufferPointer { b in
            body(UnsafeBufferPointer(rebasing: b[Int(n.start)..<Int(n.start + n.count)]))
        }
    }

    /// A container's children (a mapping's keys and values alternate).
    func child(_ node: Int32, _ i: Int) -> Int32 { children[Int(nodes[Int(node)].start) + i] }
}
