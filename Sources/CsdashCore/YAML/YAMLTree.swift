import Foundation
import Yams

/// One YAML document as Yams composes it (`Yams.compose(yaml:, .basic)`: every plain scalar stays text, so
/// `yes` and `0x10` mean what the loaders say they mean). An alias is the node its anchor names, with the
/// anchor's line, and a mapping may not hold a key twice: both are Yams' rules.
///
/// Before composing, any line longer than `maxLineBytes` is cut back to its key (`LongLines`), so that one
/// runaway value is one error at its line and the rest of the file still loads; and a file with more aliases
/// than `AliasLimit` allows is refused.
final class YAMLTree {
    let root: Yams.Node
    /// Problems found before composing (over-long lines), reported with the document's own.
    let cut: [YAMLProblem]

    init(root: Yams.Node, cut: [YAMLProblem]) {
        self.root = root
        self.cut = cut
    }

    /// What reading gives: the tree, an empty stream, or the first problem that stopped it.
    enum Result {
        case document(YAMLTree)
        case empty([YAMLProblem])
        case failure([YAMLProblem])
    }

    /// The longest line read as written; a longer one loses its value (`LongLines`).
    static let maxLineBytes = 1 << 20

    static func read(_ text: String) -> Result {
        let (text, cut) = LongLines.cut(text, limit: maxLineBytes)
        if let line = AliasLimit.lineOverLimit(text) {
            return .failure(cut + [YAMLProblem(line: line, column: 0, message:
                "more than \(AliasLimit.maxAliases) aliases (*name) in one file (see docs/data-format.md, Limits)",
                syntax: false)])
        }
        do {
            guard let root = try Yams.compose(yaml: text, .basic) else { return .empty(cut) }
            return .document(YAMLTree(root: root, cut: cut))
        } catch let error as YamlError {
            return .failure(cut + [YAMLProblem(error, text: text).inside(text)])
        } catch {
            return .failure(cut + [YAMLProblem(line: 1, column: 0, message: "\(error)")])
        }
    }
}

/// A problem in a YAML file's text, at its line and column (1-based; column 0 when unknown), counted in
/// Unicode scalars as libyaml counts them.
struct YAMLProblem: Equatable {
    var line: Int
    var column: Int
    var message: String
    /// libyaml's or Yams' complaint about the text (printed after "YAML syntax:"), not one of csdash's limits.
    var syntax: Bool

    init(line: Int, column: Int, message: String, syntax: Bool = true) {
        self.line = line
        self.column = column
        self.message = message
        self.syntax = syntax
    }

    /// Yams' error in plain words (context and problem, no quoted snippet) at the place it names.
    init(_ error: YamlError, text: String) {
        func words(_ context: YamlError.Context?, _ problem: String) -> String {
            [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            self.init(line: mark.line, column: mark.column, message: words(context, problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            self.init(line: max(1, context.mark.line), column: context.mark.column,
                      message: "duplicate key \(names) in one mapping (each key may appear once)")
        case let .reader(problem, offset, value, _):
            let (line, column) = Self.position(in: text, characterOffset: offset, value: value)
            let what = value >= 0 ? String(format: " (U+%04X)", value) : ""
            self.init(line: line, column: column, message: problem + what)
        default:
            self.init(line: 1, column: 0, message: "\(error)")
        }
    }

    /// libyaml places a problem at the end of a text without a final line break on the line after it:
    /// place it at the end of the last line instead.
    func inside(_ text: String) -> YAMLProblem {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line > lines.count, let last = lines.last else { return self }
        return YAMLProblem(line: lines.count, column: last.unicodeScalars.count + 1, message: message, syntax: syntax)
    }

    /// Where libyaml's reader stopped: Yams gives an offset in characters; failing that, the first place the
    /// offending code point occurs. Line 1, column 0 when neither is known.
    static func position(in text: String, characterOffset: Int?, value: Int32) -> (line: Int, column: Int) {
        var target: String.Index?
        if let characterOffset {
            target = text.index(text.startIndex, offsetBy: characterOffset, limitedBy: text.endIndex)
        }
        if target == nil, value >= 0, let scalar = Unicode.Scalar(UInt32(value)) {
            target = text.unicodeScalars.firstIndex(of: scalar)
        }
        guard let target else { return (1, 0) }
        var line = 1, column = 1
        var previous: Unicode.Scalar?
        for s in text.unicodeScalars[..<target] {
            if s == "\n" {
                if previous != "\r" { line += 1 }
                column = 1
            } else if s == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previous = s
        }
        return (line, column)
    }
}
