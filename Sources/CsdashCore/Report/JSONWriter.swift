import Foundation

/// A small JSON writer that keeps keys in the order written and indents two spaces; objects written with
/// `inlineObject` stay on one line (`{"period": "2021-09", "value": 81.2}`). It writes UTF-8 bytes into one
/// buffer, which it hands to its sink, if it has one, whenever `flush` finds a megabyte or more in it: a
/// report of a million chart points streams out instead of being held whole.
final class JSONWriter {
    // One writer, used by one caller at a time: no access overlaps another, so the runtime exclusivity check
    // (a call on every access of a class's property) is left out.
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    @exclusivity(unchecked) private var depth = 0
    /// Per open container: nothing written in it yet.
    @exclusivity(unchecked) private var first = [true]
    @exclusivity(unchecked) private var afterKey = false
    /// The depth from which containers are written on one line; nil when none is open.
    @exclusivity(unchecked) private var inlineDepth: Int?
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Void)?
    private static let spaces = [UInt8](repeating: 0x20, count: 256)

    init(sink: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        self.sink = sink
        bytes.reserveCapacity(1 << 16)
    }

    /// Where a writer stands: enough to write an element of its open container apart (on another thread).
    struct Position: Sendable {
        fileprivate var depth: Int
        fileprivate var inlineDepth: Int?
        /// Nothing has been written in the container yet.
        var atFirstElement: Bool
    }

    var position: Position { Position(depth: depth, inlineDepth: inlineDepth, atFirstElement: first[depth]) }

    /// A writer for one element of the container open at `position`, whose `output` is added with
    /// `append(element:)`. `first`: it is the container's first element; `capacity`: the bytes it is expected to
    /// take, reserved at once.
    init(elementAt position: Position, first: Bool, capacity: Int) {
        sink = nil
        bytes.reserveCapacity(capacity)
        depth = position.depth
        self.first = Array(repeating: false, count: position.depth) + [first]
        inlineDepth = position.inlineDepth
    }

    var output: [UInt8] { bytes }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Adds an element written by a writer made with `init(elementAt:first:)`. With a sink, what is written so far
    /// and the element go straight to it (the element is not copied).
    func append(element: [UInt8]) {
        if let sink {
            flush(all: true)
            element.withUnsafeBufferPointer { sink($0) }
        } else {
            bytes.append(contentsOf: element)
        }
        first[depth] = false
    }

    /// Hands what is written so far to the sink once it holds a megabyte or more (`all`: whatever it holds).
    func flush(all: Bool = false) {
        guard let sink, !bytes.isEmpty, all || bytes.count >= 1 << 20 else { return }
        bytes.withUnsafeBufferPointer { sink($0) }
        bytes.removeAll(keepingCapacity: true)
    }

    private func append(_ s: StaticString) {
        bytes.append(s)
    }

    private func append(_ s: String) {
        bytes.append(utf8: s)
    }

    private func newline() {
        bytes.append(0x0A)
        let n = 2 * depth
        if n <= Self.spaces.count {
            Self.spaces.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<n])) }
        } else {
            bytes.append(contentsOf: repeatElement(0x20, count: n))
        }
    }

    private var inline: Bool { inlineDepth.map { depth >= $0 } ?? false }

    private func prefix() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if inline {
            if !first[depth] { append(", ") }
        } else {
            if !first[depth] { bytes.append(0x2C) }
            newline()
        }
        first[depth] = false
    }

    private func open(_ c: UInt8, _ close: UInt8, inline: Bool = false, _ body: () -> Void) {
        prefix()
        bytes.append(c)
        depth += 1
        first.append(true)
        let outer = inlineDepth
        if inline, outer == nil { inlineDepth = depth }
        body()
        let empty = first[depth]
        first.removeLast()
        if !empty, !self.inline { newline(depth - 1) }
        inlineDepth = outer
        depth -= 1
        bytes.append(close)
    }

    private func newline(_ level: Int) {
        let saved = depth
        depth = level
        newline()
        depth = saved
    }

    func object(_ body: () -> Void) { open(0x7B, 0x7D, body) }
    func array(_ body: () -> Void) { open(0x5B, 0x5D, body) }
    /// An object on one line, whatever it holds.
    func inlineObject(_ body: () -> Void) { open(0x7B, 0x7D, inline: true, body) }

    func key(_ k: String) {
        prefix()
        quote(k)
        append(": ")
        afterKey = true
    }

    func string(_ s: String?) {
        prefix()
        if let s { quote(s) } else { append("null") }
    }

    func number(_ v: Double?) {
        prefix()
        JSONNumber.append(v, to: &bytes)
    }

    /// A value that `body` writes as bytes, already valid JSON (a hot loop's one-line objects), after the separator
    /// it needs.
    func raw(_ body: (inout [UInt8]) -> Void) {
        prefix()
        body(&bytes)
    }

    func bool(_ b: Bool) {
        prefix()
        append(b ? "true" : "false")
    }

    private func quote(_ s: String) {
        bytes.append(0x22)
        // Most keys and values are printable ASCII with no quote or backslash: copied as they are.
        var s = s
        let plain = s.withUTF8 { u -> Bool in
            for b in u where b < 0x20 || b >= 0x7F || b == 0x22 || b == 0x5C { return false }
            bytes.append(contentsOf: u)
            return true
        }
        if !plain { append(JSONWriter.escaped(s)) }
        bytes.append(0x22)
    }

    /// The string's contents with JSON escapes (no quotes around it). Controls, DEL, C1, the JavaScript line
    /// separators and direction overrides become \u escapes: the output stays valid JSON and safe to print or
    /// paste into a script.
    static func escaped(_ s: String) -> String {
        SafeText.mapScalars(s) { u in
            if let e = escapes[u] { return e }
            let unsafe = u.value == 0x2028 || u.value == 0x2029 || SafeText.replacement(u) != nil
            return unsafe ? String(format: "\\u%04x", u.value) : nil
        }
    }

    private static let escapes: [Unicode.Scalar: String] = ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r",
                                                            "\t": "\\t"]
}

/// Numbers with at most four decimal places (most values in a history file) written straight as bytes, in the
/// form Swift's own `description` gives them: the shortest decimal that reads back as the same Double.
enum JSONNumber {
    /// Appends `v`, or `null` when it is nil or not finite.
    static func append(_ v: Double?, to bytes: inout [UInt8]) {
        guard let v, v.isFinite else {
            bytes.append("null")
            return
        }
        if !appendShortDecimal(v, to: &bytes) { bytes.append(utf8: ValueFormat.plain(v)) }
    }

    /// Appends `v` when it has a short decimal form (under 10^15 with at most four decimals); false otherwise.
    static func appendShortDecimal(_ v: Double, to bytes: inout [UInt8]) -> Bool {
        for k in 0...4 {
            let scale = PowersOfTen.values[k]
            let m = (v * scale).rounded()
            guard abs(m) < 1e15 else { return false }
            // m / 10^k is correctly rounded, as reading the decimal back is: equal means the decimal reads back as v.
            guard m / scale == v else { continue }
            if m == 0 {
                bytes.append(0x30)
                return true
            }
            if m < 0 { bytes.append(0x2D) }
            var digits = UInt64(abs(m))
            var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
            return withUnsafeMutableBytes(of: &buffer) { raw -> Bool in
                var n = 0
                while digits > 0 || n <= k {
                    raw[23 - n] = UInt8(0x30 + digits % 10)
                    digits /= 10
                    n += 1
                }
                for i in stride(from: n - 1, through: 0, by: -1) {
                    if i == k - 1 { bytes.append(0x2E) }
                    bytes.append(raw[23 - i])
                }
                return true
            }
        }
        return false
    }
}

extension [UInt8] {
    /// Appends a literal's bytes in one copy (appending a `String.UTF8View` goes byte by byte through a generic path).
    mutating func append(_ s: StaticString) {
        s.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends a string's UTF-8 bytes in one copy.
    mutating func append(utf8 s: String) {
        var s = s
        s.withUTF8 { append(contentsOf: $0) }
    }
}
