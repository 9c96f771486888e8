@testable import CsdashCore
import CsdashFuzz
import Foundation
import XCTest

/// The YAML reader (YAMLTree over Yams, YAMLNode on top): what it logs, where, and what survives a long line.
final class YAMLReaderTests: XCTestCase {
    // MARK: Damaged input

    /// Every YAML file in the repository, and each cut, spliced and sprinkled with YAML's punctuation and
    /// control characters: each reads into a document or into problems placed inside the text.
    func testDamagedFilesGiveProblemsInsideTheText() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var seeds: [String] = []
        for dir in ["sample-data", "Themes", "Tests/Corpus"] {
            let e = FileManager.default.enumerator(at: root.appendingPathComponent(dir), includingPropertiesForKeys: nil)
            while let url = e?.nextObject() as? URL {
                guard url.pathExtension == "yaml", let data = try? Data(contentsOf: url), data.count < 200_000 else { continue }
                seeds.append(DataFile.text(data))
            }
        }
        XCTAssertGreaterThan(seeds.count, 40)
        var rng = SplitMix64(seed: 11)
        let pieces = ["&a ", "*a", "!!str ", "!x ", ": ", "- ", "[", "]", "{", "}", "\"", "'", "#", "\t", "\n", "\u{0}",
                      "\u{1B}", "é", "---\n", "? ", "|\n", ">", "~", "null", "\n  ", "id: a\n", ",", "%"]
        var failures = 0
        for seed in seeds {
            let bytes = Array(seed.utf8)
            for _ in 0..<12 {
                var b = bytes
                switch rng.next() % 3 {
                case 0:  // cut
                    b = Array(b.prefix(Int(rng.next() % UInt64(b.count + 1))))
                case 1:  // delete a run
                    let at = Int(rng.next() % UInt64(b.count + 1))
                    b.removeSubrange(at..<min(b.count, at + Int(rng.next() % 20)))
                default:  // insert punctuation
                    for _ in 0..<3 {
                        let at = Int(rng.next() % UInt64(b.count + 1))
                        b.insert(contentsOf: pieces[Int(rng.next() % UInt64(pieces.count))].utf8, at: at)
                    }
                }
                let text = String(decoding: b, as: UTF8.self)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                if case let .failure(problems) = YAMLTree.read(text) {
                    failures += 1
                    for p in problems {
                        XCTAssertTrue((1...lines).contains(p.line), "\(p) outside \(lines) lines of \(text.debugDescription)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(failures, 50, "the mutations must break some files")
    }

    // MARK: What YAMLNode logs

    func problems(_ text: String) -> [String] {
        let log = DiagnosticLog()
        _ = YAMLNode.parse(text, file: "f.yaml", log: log)
        return log.items.map(\.description)
    }

    func testEmptyFile() {
        XCTAssertEqual(problems(""), ["f.yaml:1: error: the file is empty"])
        XCTAssertEqual(problems("# nothing\n\n"), ["f.yaml:1: error: the file is empty"])
        XCTAssertEqual(problems("---\n"), [], "a document holding an empty scalar is not an empty file")
    }

    func testDuplicateKeysAtTheFirstKeyLine() {
        XCTAssertEqual(problems("a: 1\nb:\n  z: 1\n  y: 2\n  z: 3\n  y: 4\n"),
                       ["f.yaml:4:3: error: YAML syntax: duplicate key 'y', 'z' in one mapping (each key may appear once)"])
        XCTAssertEqual(problems("id: x\n\"id\": y\n"),
                       ["f.yaml:1:1: error: YAML syntax: duplicate key 'id' in one mapping (each key may appear once)"])
        XCTAssertEqual(problems("!foo a: 1\na: 2\n"), [], "a tagged key is another key, as in Yams")
        let keys = (0..<40).map { "key\($0): \($0)\n" }.joined()
        XCTAssertEqual(problems(keys + "key7: again\n"),
                       ["f.yaml:8:1: error: YAML syntax: duplicate key 'key7' in one mapping (each key may appear once)"])
    }

    func testSyntaxErrorsWithLibyamlWordsAndLines() {
        XCTAssertEqual(problems("a: 1\nb: [1, 2\nc: 3\n"),
                       ["f.yaml:3:2: error: YAML syntax: while parsing a flow sequence, did not find expected ',' or ']'"])
        XCTAssertEqual(problems("a: 1\nb: *x\n"), ["f.yaml:2:4: error: YAML syntax: found undefined alias"])
        XCTAssertEqual(problems("a: 1\n---\nb: 2\n"),
                       ["f.yaml:2:1: error: YAML syntax: expected a single document in the stream, but found another document"])
    }

    /// libyaml's reader stops at a control character: the error is placed at its own line and character,
    /// counted past multi-byte characters, CRLF line ends and combining marks.
    func testControlCharacterAtItsLineAndCharacter() {
        XCTAssertEqual(problems("a: 1\nb: x\u{1}y\n"),
                       ["f.yaml:2:5: error: YAML syntax: control characters are not allowed (U+0001)"])
        XCTAssertEqual(problems("a: é\r\nb: 'e\u{301}\u{7}'\n"),
                       ["f.yaml:2:7: error: YAML syntax: control characters are not allowed (U+0007)"])
        XCTAssertEqual(problems("a: 1\n\nc:\n  - \"ok\"\n  - \"x\u{1B}\"\n"),
                       ["f.yaml:5:7: error: YAML syntax: control characters are not allowed (U+001B)"])
    }

    func testAliasesShareTheAnchoredNode() throws {
        let log = DiagnosticLog()
        let root = try XCTUnwrap(YAMLNode.parse("base: &b\n  x: 1\ncopy: *b\nn: &n 5\nm: *n\n", file: "f.yaml", log: log))
        let m = try XCTUnwrap(root.mapping("top"))
        XCTAssertEqual(m.map(\.key), ["base", "copy", "n", "m"])
        XCTAssertEqual(m[1].value.line, 1, "an alias is its anchor's node, with that node's line (the anchor's)")
        XCTAssertEqual(m[1].value.mapping("copy")?.first?.value.int("x"), 1)
        XCTAssertEqual(m[3].value.string("m"), "5")
        XCTAssertEqual(log.items.count, 0)
    }

    func testNullForms() throws {
        let log = DiagnosticLog()
        let root = try XCTUnwrap(YAMLNode.parse("a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: 'null'\ng: nULL\nh: \"\"\n",
                                                file: "f.yaml", log: log))
        let nulls = try XCTUnwrap(root.mapping("top")).map { "\($0.key)=\($0.value.isNull)" }
        XCTAssertEqual(nulls, ["a=true", "b=true", "c=true", "d=true", "e=true", "f=false", "g=false", "h=false"])
    }

    func testPrintableASCIIFastPathMatchesTheGeneralOne() throws {
        let log = DiagnosticLog()
        let root = try XCTUnwrap(YAMLNode.parse("a: '  x y  '\nb: \"\\tx\\u00A0\"\nc: \"e\\u0301 \"\nd: \"\\x1b[2J\"\n",
                                                file: "f.yaml", log: log))
        let m = try XCTUnwrap(root.mapping("top"))
        XCTAssertEqual(m.map { $0.value.string($0.key) }, ["x y", "x", "e\u{301}", "\u{241B}[2J"])
        XCTAssertEqual(log.items.map(\.description),
                       ["f.yaml:4: warning: d holds control or text-direction characters; they are shown as \u{241B} or \u{FFFD}"])
    }

    // MARK: Over-long lines

    func testLongLineLosesOnlyItsValue() throws {
        let limit = YAMLTree.maxLineBytes
        let long = String(repeating: "word ", count: limit / 5 + 10)
        let text = "items:\n  - id: a\n    commentary: \"\(long)\"\n    title: A\n  - id: b\n    title: B\n"
        let log = DiagnosticLog()
        let root = try XCTUnwrap(YAMLNode.parse(text, file: "f.yaml", log: log))
        XCTAssertEqual(log.items.map(\.description), [
            "f.yaml:3: error: line 3 is 1.0 MiB long; csdash reads lines of at most 1 MiB (see docs/data-format.md, "
                + "Limits): its value is left out",
        ])
        let items = try XCTUnwrap(root.mapping("top")?.first?.value.list("items"))
        let first = try XCTUnwrap(YAMLFields(items[0], what: "item", known: ["id", "commentary", "title"]))
        XCTAssertNil(first["commentary"], "the long value is left out")
        XCTAssertEqual(first["title"]?.string("title"), "A")
        XCTAssertEqual(first["title"]?.line, 4, "lines after the cut keep their numbers")
        XCTAssertEqual(items[1].mapping("item")?.map(\.key), ["id", "title"])
    }

    func testEachLongLineIsOneProblemAtItsLine() {
        let long = String(repeating: "x", count: YAMLTree.maxLineBytes + 1)
        // A long plain value, a long list item (emptied: a null item), a long line in a block scalar, and CRLF
        // line ends before them.
        let text = "a: 1\r\nb: \(long)\r\nc:\r\n  - \"\(long)\"\r\nd: |\r\n  \(long)\r\n  kept\r\ne: 5\r\n"
        let (cut, problems) = LongLines.cut(text, limit: YAMLTree.maxLineBytes)
        XCTAssertEqual(problems.map(\.line), [2, 4, 6])
        XCTAssertEqual(cut, "a: 1\r\nb:\r\nc:\r\n\r\nd: |\r\n\r\n  kept\r\ne: 5\r\n")
        XCTAssertEqual(LongLines.cut("a: 1\n", limit: 3).1.map(\.line), [1], "the limit is in bytes, line ends apart")
        XCTAssertEqual(LongLines.cut("a: 1\nb\n", limit: 4).1, [])
    }

    // MARK: Aliases

    func testAliasLimit() {
        let forty = "a: &a 1\n" + (0..<40).map { "k\($0): *a\n" }.joined()
        XCTAssertEqual(problems(forty), [])
        XCTAssertEqual(problems(forty + "more: [*a]\n"),
                       ["f.yaml:42: error: more than 40 aliases (*name) in one file (see docs/data-format.md, Limits)"])
        let emphasis = "a: this is *very* late\nb: |\n  * one\n  *two*\nc: \"x, *y\"\n"
        XCTAssertEqual(AliasLimit.lineOverLimit(String(repeating: emphasis, count: 20).replacingOccurrences(of: "a:", with: "k:")),
                       nil, "a * inside a sentence or after a space is not an alias")
        XCTAssertEqual(AliasLimit.lineOverLimit(String(repeating: "- *x\n", count: 41)), 41)
    }

    /// A key built from nested aliases would make Yams compare billions of nodes: the limit refuses it at once.
    func testAliasBombAsAKeyIsRefusedQuickly() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 0..<8 {
            let name = String(UnicodeScalar(UInt8(98 + i)))
            let previous = String(UnicodeScalar(UInt8(97 + i)))
            text += "\(name): &\(name) [" + Array(repeating: "*" + previous, count: 10).joined(separator: ", ") + "]\n"
        }
        text += "? *i\n: 1\n"
        let start = Date()
        XCTAssertEqual(problems(text).count, 1)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }
}
