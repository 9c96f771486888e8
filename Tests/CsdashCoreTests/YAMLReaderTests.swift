@testable import CsdashCore
import CsdashFuzz
import Foundation
import XCTest
import Yams

/// The YAML reader over libyaml's events (YAMLReader, YAMLTree) against what YAMLNode read through
/// `Yams.compose(yaml:, .basic)` before it: the same tree (kinds, lines, text, styles, tags), the same
/// problems in the same words at the same lines. The reference below is the old YAMLNode.parse.
final class YAMLReaderTests: XCTestCase {
    // MARK: The reference: Yams, as YAMLNode used it

    /// What Yams gives for `text`: a dump of the tree, "empty", or "line: message" as YAMLNode logged it.
    static func reference(_ text: String) -> String {
        do {
            guard let node = try Yams.compose(yaml: text, .basic) else { return "empty" }
            var budget = 20_000
            return dump(node, &budget)
        } catch let error as YamlError {
            return "\(line(of: error)): \(problem(of: error))"
        } catch {
            return "1: \(error)"
        }
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

    /// Kind, line, tag, and a scalar's style and text; at most `budget` nodes (an alias bomb is big).
    private static func dump(_ node: Node, _ budget: inout Int) -> String {
        budget -= 1
        if budget < 0 { return "…" }
        let line = node.mark?.line ?? 0
        let tag = node.tag.description
        switch node {
        case let .scalar(s):
            return "S\(line)/\(s.style.rawValue)/\(tag)/\(s.string.debugDescription)"
        case let .sequence(q):
            return "Q\(line)/\(tag)[" + q.map { dump($0, &budget) }.joined(separator: ",") + "]"
        case let .mapping(m):
            return "M\(line)/\(tag){" + m.map { dump($0.key, &budget) + "=" + dump($0.value, &budget) }
                .joined(separator: ",") + "}"
        case .alias:
            return "alias"
        }
    }

    // MARK: The reader, dumped the same way

    static func read(_ text: String) -> String {
        switch YAMLTree.read(text) {
        case .empty: return "empty"
        case let .failure(line, message): return "\(line): \(message)"
        case let .document(tree):
            var budget = 20_000
            return dump(tree, tree.root, &budget)
        }
    }

    private static func dump(_ tree: YAMLTree, _ i: Int32, _ budget: inout Int) -> String {
        budget -= 1
        if budget < 0 { return "…" }
        let n = tree.nodes[Int(i)]
        let defaults: [YAMLTree.Kind: String] = [.scalar: "tag:yaml.org,2002:str", .sequence: "tag:yaml.org,2002:seq",
                                                 .mapping: "tag:yaml.org,2002:map"]
        let tag = n.tag < 0 ? defaults[n.kind]! : tree.tags[Int(n.tag)]
        switch n.kind {
        case .scalar:
            return "S\(n.line)/\(n.style)/\(tag)/\(tree.text(i).debugDescription)"
        case .sequence:
            return "Q\(n.line)/\(tag)[" + (0..<Int(n.count)).map { dump(tree, tree.child(i, $0), &budget) }
                .joined(separator: ",") + "]"
        case .mapping:
            return "M\(n.line)/\(tag){" + stride(from: 0, to: Int(n.count), by: 2).map {
                dump(tree, tree.child(i, $0), &budget) + "=" + dump(tree, tree.child(i, $0 + 1), &budget)
            }.joined(separator: ",") + "}"
        }
    }

    func assertSame(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Self.read(text), Self.reference(text), "for \(text.debugDescription)", file: file, line: line)
    }

    // MARK: Cases

    static let cases: [String] = [
        "", " \n", "# only a comment\n", "---\n", "--- \n...\n", "~", "null", "a: 1", "- a\n- b\n",
        // Null forms and styles.
        "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: 'null'\ng: \"~\"\nh: nULL\ni: |\n  x\nj: >\n  y\n",
        // Anchors and aliases: a scalar, a mapping, a sequence, an anchor redefined, an alias as a key.
        "a: &x 1\nb: *x\nc: &m {k: v}\nd: *m\ne: &s [1, 2]\nf: *s\n",
        "a: &x 1\nb: &x 2\nc: *x\n",
        "a: &k key\n*k : 2\n",
        "a: *nothing\n",
        "a: &r [1, *r]\n",
        // Duplicate keys: plain, quoted against plain, several (sorted), nested, tags, Unicode equivalence.
        "a: 1\nb: 2\na: 3\n",
        "id: x\n\"id\": y\n",
        "z: 1\ny: 2\nz: 3\ny: 4\n",
        "top:\n  - {k: 1, k: 2}\n",
        "!!str a: 1\na: 2\n",
        "!foo a: 1\na: 2\n",
        "!foo a: 1\n!foo a: 2\n",
        "! a: 1\na: 2\n",
        "caf\u{E9}: 1\ncafe\u{301}: 2\n",
        "[1, 2]: a\n[1, 2]: b\n",
        "{a: 1}: x\n{a: 1}: y\n? [1]\n: z\n",
        "? - a\n: 1\n? - a\n: 2\n",
        // Syntax errors: scanner, parser, bad indentation, an unclosed quote, a tab.
        "a: [1, 2\n", "a: {b: 1\n", "a: 'x\n", "a: b: c\n", "a:\n\t- 1\n", "a:\n  - 1\n - 2\n", "- a\nb: 1\n",
        "a: @x\n", "%YAML 1.1\n%YAML 1.1\n--- a\n", "!<tag:x> a\n", "&a *b\n", "a: !!str\n",
        // Two documents; a second one that is broken.
        "a: 1\n---\nb: 2\n", "--- 1\n--- [\n", "a: 1\n...\n",
        // Control characters and odd text: the reader's errors quote the line.
        "a: \u{0}\n", "a: b\u{1}\n", "a: \u{7F}x\n", "title: \"\\x1b[2J\"\n", "a: \"\\u202E\"\n", "\u{FEFF}a: 1\n",
        "a: x\u{85}y\n", "a: \u{2028}\n", "a: \"\\0\"\n", "k: v\nx: \u{1}\n",
        // Block scalars, multi-line plain scalars, flow collections, long keys.
        "d: |\n  one\n  two\n\ne: >-\n  a\n  b\n", "p: a\n  b\n  c\n", "f: [a, {b: c}, [d]]\n",
        "? long key\n: value\n", "a: \"x\\ny\"\n", "k: 'it''s'\n",
    ]

    func testMatchesYamsOnCases() {
        for text in Self.cases { assertSame(text) }
    }

    /// Mappings of more than 32 keys take another path through the duplicate check.
    func testMatchesYamsOnLargeMappings() {
        let keys = (0..<40).map { "key\($0): \($0)\n" }
        assertSame(keys.joined())
        assertSame(keys.joined() + "key7: again\nkey31: again\n")
        assertSame(keys.joined() + "\"key7\": again\n!t key9: tagged\n")
        assertSame(keys.joined() + "caf\u{E9}: 1\ncafe\u{301}: 2\n")
        assertSame(keys.joined() + "[a]: 1\n[a]: 2\n")
        XCTAssertEqual(problems(keys.joined() + "key7: again\n"),
                       ["f.yaml:8: error: YAML syntax: duplicate key 'key7' in one mapping (each key may appear once)"])
    }

    /// Every YAML file in the repository, and each cut, spliced and sprinkled with YAML's punctuation and
    /// control characters: the reader must agree with Yams on every one.
    func testMatchesYamsOnRepositoryFilesAndMutations() throws {
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
        var compared = 0
        for seed in seeds {
            assertSame(seed)
            let bytes = Array(seed.utf8)
            for _ in 0..<12 {
                var b = bytes
                switch rng.next() % 4 {
                case 0:  // cut
                    b = Array(b.prefix(Int(rng.next() % UInt64(b.count + 1))))
                case 1:  // delete a run
                    let at = Int(rng.next() % UInt64(b.count + 1))
                    b.removeSubrange(at..<min(b.count, at + Int(rng.next() % 20)))
                case 2:  // repeat a line
                    let lines = seed.split(separator: "\n", omittingEmptySubsequences: false)
                    var ls = Array(lines)
                    if !ls.isEmpty {
                        let i = Int(rng.next() % UInt64(ls.count))
                        ls.insert(ls[i], at: i)
                    }
                    b = Array(ls.joined(separator: "\n").utf8)
                default:  // insert punctuation
                    for _ in 0..<3 {
                        let at = Int(rng.next() % UInt64(b.count + 1))
                        b.insert(contentsOf: pieces[Int(rng.next() % UInt64(pieces.count))].utf8, at: at)
                    }
                }
                assertSame(String(decoding: b, as: UTF8.self))
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 400)
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
                       ["f.yaml:4: error: YAML syntax: duplicate key 'y', 'z' in one mapping (each key may appear once)"])
        XCTAssertEqual(problems("id: x\n\"id\": y\n"),
                       ["f.yaml:1: error: YAML syntax: duplicate key 'id' in one mapping (each key may appear once)"])
        XCTAssertEqual(problems("!foo a: 1\na: 2\n"), [], "a tagged key is another key, as in Yams")
    }

    func testSyntaxErrorsWithLibyamlWordsAndLines() {
        XCTAssertEqual(problems("a: 1\nb: [1, 2\nc: 3\n"),
                       ["f.yaml:3: error: YAML syntax: while parsing a flow sequence, did not find expected ',' or ']'"])
        XCTAssertEqual(problems("a: 1\nb: *x\n"), ["f.yaml:2: error: YAML syntax: found undefined alias"])
        XCTAssertEqual(problems("a: 1\n---\nb: 2\n"),
                       ["f.yaml:2: error: YAML syntax: expected a single document in the stream, but found another document"])
    }

    func testControlCharacterIsAReaderError() {
        let p = problems("a: 1\nb: x\u{1}y\n")
        XCTAssertEqual(p.count, 1)
        XCTAssertTrue(p[0].hasPrefix("f.yaml:1: error: YAML syntax: 2:5: error: reader: control characters are not allowed"), "\(p)")
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
}
