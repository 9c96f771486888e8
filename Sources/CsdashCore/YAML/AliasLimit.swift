/// A cap on aliases (`*name`) in one YAML file. An alias is the node its anchor names, so nested anchors
/// grow a few lines into billions of nodes; Yams shares them while composing, but compares mapping keys
/// item by item, and a key built from such aliases would take hours. csdash's files need no aliases at
/// all: a few dozen cover any reasonable reuse, and bound what a key can grow to (docs/data-format.md,
/// "Limits").
enum AliasLimit {
    static let maxAliases = 40

    /// The line of the alias over the limit, or nil when there are at most `maxAliases`. An alias is a `*`
    /// followed by an anchor character where a node can start (at the start of a line or after `-`, `:`,
    /// `?`, `[`, `{` or `,` and spaces); a `*` inside a text that looks so is counted too, which can only
    /// count more, never fewer.
    static func lineOverLimit(_ text: String) -> Int? {
        let bytes = text.utf8
        guard bytes.contains(0x2A) else { return nil }
        var count = 0
        var line = 1
        var previous: UInt8 = 0x0A  // the last byte other than a space or tab on this line
        var iterator = bytes.makeIterator()
        var current = iterator.next()
        while let b = current {
            let next = iterator.next()
            switch b {
            case 0x0A:
                line += 1
                previous = 0x0A
            case 0x20, 0x09:
                break
            case 0x2A:
                if "\n-:?[{,".utf8.contains(previous), let n = next, isAnchorCharacter(n) {
                    count += 1
                    if count > maxAliases { return line }
                }
                previous = b
            default:
                previous = b
            }
            current = next
        }
        return nil
    }

    /// Not a space, a line break or a flow indicator (libyaml's anchor names are letters, digits, `-`, `_`).
    private static func isAnchorCharacter(_ b: UInt8) -> Bool {
        !" \t\r\n,[]{}".utf8.contains(b)
    }
}
