/// Escaping for the board pack: every piece of text that comes from the data goes through `html`, so a title
/// such as `<script>alert(1)</script>` or `"><img src=x onerror=alert(1)>` shows as text and runs nothing.
enum HTMLEscape {
    /// Text safe inside an element and inside a double- or single-quoted attribute: & < > " ' escaped, and
    /// control characters (other than tab and line feed) and the direction overrides dropped.
    static func html(_ s: String) -> String {
        // Most text is printable ASCII with nothing to escape: returned as it is.
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && !"&<>\"'".utf8.contains($0) }) { return s }
        return SafeText.mapScalars(s) { u in
            if let entity = entities[u] { return entity }
            if u == "\t" || u == "\n" { return nil }
            return SafeText.replacement(u) == nil ? nil : ""
        }
    }

    private static let entities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;",
                                                             "'": "&#39;"]
}

/// Shorthand used by the pack's builders.
@inline(__always) func h(_ s: String) -> String { HTMLEscape.html(s) }
