@testable import CsdashCore
import Foundation
import XCTest

let themeRoles = ["text", "dim-text", "better", "within", "worse", "selection", "banner"]

final class ThemeFileTests: XCTestCase {
    func parse(_ text: String) -> Result<ThemeSpec, ConfigFileError> {
        ThemeFile.parse(text, file: "t.yaml", roles: themeRoles)
    }

    func errors(_ text: String) -> [String] {
        guard case let .failure(e) = parse(text) else { return [] }
        return e.diagnostics.map(\.description)
    }

    func testColoursAndAttributes() throws {
        let spec = try parse("""
            name: mine
            description: a test
            roles:
              text: {fg: "#1C1c1c", bg: default}
              better: {fg: bright-blue, bold: yes, underline: no}
              within: 214
              worse: red bold
              dim-text: {dim: On}
            """).get()
        XCTAssertEqual(spec.name, "mine")
        XCTAssertEqual(spec.description, "a test")
        XCTAssertEqual(spec.roles["text"]?.fg, .rgb(0x1c, 0x1c, 0x1c))
        XCTAssertEqual(spec.roles["text"]?.bg, .default)
        XCTAssertEqual(spec.roles["better"]?.fg, .indexed(12))
        // Yams reads `yes` as a string: it must mean true, not false.
        XCTAssertEqual(spec.roles["better"]?.bold, true)
        XCTAssertEqual(spec.roles["better"]?.underline, false)
        XCTAssertEqual(spec.roles["within"]?.fg, .indexed(214))
        XCTAssertEqual(spec.roles["worse"]?.fg, .indexed(1))
        XCTAssertEqual(spec.roles["worse"]?.bold, true)
        XCTAssertEqual(spec.roles["dim-text"]?.dim, true)
        XCTAssertEqual(spec.roles["dim-text"]?.location.line, 8)
        XCTAssertNil(spec.roles["selection"])
    }

    func testNameDefaultsToTheFileName() throws {
        let spec = try ThemeFile.parse("roles: {text: {bold: true}}", file: "/x/y/paper.yaml", roles: themeRoles).get()
        XCTAssertEqual(spec.name, "paper")
    }

    func testEveryProblemWithItsLine() {
        let e = errors("""
            name: bad
            roles:
              text: {fg: "#12345g"}
              bettr: {fg: 1}
              worse: {fg: 256, bold: maybe}
              within: {colour: 3}
              selection:
                bg:
            wat: 1
            """)
        XCTAssertEqual(e, [
            "t.yaml:3: error: text.fg: bad colour '#12345g' (use #RRGGBB, 0-255, an ANSI name such as red or bright-blue, or default)",
            "t.yaml:4: error: unknown role 'bettr' (roles: text, dim-text, better, within, worse, selection, banner)",
            "t.yaml:5: error: worse.fg: bad colour '256' (use #RRGGBB, 0-255, an ANSI name such as red or bright-blue, or default)",
            "t.yaml:5: error: worse.bold must be true or false, not 'maybe'",
            "t.yaml:6: error: unknown style key 'colour' in role 'within' (keys: fg, bg, bold, dim, reverse, underline)",
            "t.yaml:8: error: selection.bg has no colour (a # starts a YAML comment: quote it, \"#1c1c1c\")",
            "t.yaml:9: error: unknown key 'wat' (a theme has: name, description, roles)",
        ])
    }

    func testUnquotedHashColour() {
        XCTAssertEqual(errors("roles:\n  text: {fg: 1}\n  selection: {bg: #303030, bold: true}\n  worse:\n    fg: #f00\n"), [
            "t.yaml:3: error: quote colours that start with #, as \"#303030\": unquoted, YAML reads them as a comment",
            "t.yaml:5: error: quote colours that start with #, as \"#f00\": unquoted, YAML reads them as a comment",
        ])
        XCTAssertEqual(errors("# a comment: #303030 is fine here\nroles:\n  text: {fg: \"#303030\"}\n"), [])
        XCTAssertEqual(errors("  # indented: #303030\nroles:\n  # text: {fg: #303030}\n  text: {fg: 1}\n"), [])
    }

    /// The byte-level comment test agrees with trimming Foundation's whitespace and looking for `#`.
    func testCommentLinesAsFoundationSeesThem() {
        for line in ["# c", "  # c", "\t#", "#", "a # c", "", "   ", "\u{A0}# c", "\u{3000}#", "#\u{301} c", "  #\u{301}",
                     "é # c", "\u{A0}x #", " \r# c", "#é"] {
            XCTAssertEqual(ThemeFile.isComment(Substring(line)),
                           line.trimmingCharacters(in: .whitespaces).hasPrefix("#"), line.debugDescription)
        }
    }

    func testSyntaxErrorAndNotAMapping() {
        XCTAssertEqual(errors("roles:\n  text: {fg: 1\n"),
                       ["t.yaml:3:1: error: YAML syntax: while parsing a flow mapping, did not find expected ',' or '}'"])
        XCTAssertEqual(errors("- a\n- b\n"), ["t.yaml:1: error: a theme file must be a mapping of keys to values"])
        XCTAssertEqual(errors("roles:\n  text:\n"), ["t.yaml:2: error: role 'text' has no style (quote #RRGGBB colours: \"#1c1c1c\")"])
    }

    func testMissingFile() {
        guard case let .failure(e) = ThemeFile.load(path: "/nonexistent/x.yaml", roles: themeRoles) else { return XCTFail() }
        XCTAssertEqual(e.description, "/nonexistent/x.yaml: error: no such file")
    }

    func testColourSpec() {
        XCTAssertEqual(ColourSpec("default"), .default)
        XCTAssertEqual(ColourSpec("0"), .indexed(0))
        XCTAssertEqual(ColourSpec("255"), .indexed(255))
        XCTAssertNil(ColourSpec("-1"))
        XCTAssertNil(ColourSpec("256"))
        XCTAssertEqual(ColourSpec("Bright_Cyan"), .indexed(14))
        XCTAssertEqual(ColourSpec("grey"), .indexed(8))
        XCTAssertEqual(ColourSpec("#abc"), .rgb(0xaa, 0xbb, 0xcc))
        XCTAssertEqual(ColourSpec("#00FF7f"), .rgb(0, 255, 0x7f))
        XCTAssertNil(ColourSpec("#00FF7"))
        XCTAssertNil(ColourSpec("purple"))
        // Spaces, tabs and other Unicode spaces around a colour are trimmed (the ASCII fast path skips trimming).
        XCTAssertEqual(ColourSpec(" red\t"), .indexed(1))
        XCTAssertEqual(ColourSpec("\u{A0}#abc\u{3000}"), .rgb(0xaa, 0xbb, 0xcc))
        XCTAssertEqual(ColourSpec("\t12"), .indexed(12))
        XCTAssertNil(ColourSpec(""))
        XCTAssertEqual(ColourSpec.rgb(1, 0xab, 255).text, "#01abff")
    }

    func testFilesInFoldersEarlierWins() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("csdash-themes-\(UUID().uuidString)")
        let a = base.appendingPathComponent("a"), b = base.appendingPathComponent("b")
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: base) }
        for (dir, name) in [(a, "light.yaml"), (b, "light.yaml"), (b, "paper.yml"), (b, "README.yaml"), (b, "notes.txt")] {
            try "name: x\n".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let files = ThemeFile.files(in: [a.path, b.path, "/nonexistent"])
        XCTAssertEqual(files.keys.sorted(), ["light", "paper"])
        XCTAssertEqual(files["light"], a.appendingPathComponent("light.yaml").path)
    }
}

final class ConfigFileTests: XCTestCase {
    let env = ["HOME": "/home/u"]

    func testEveryKeyWithItsLine() throws {
        let c = try ConfigFile.parse("""
            # my settings
            data: ~/perf/glos
            theme: colour-blind
            color: Never
            depth: 256
            ascii: yes
            wall:
              dwell: 30
              stale-after: 120
              no-keys: on
            """, file: "/etc/x/config.yaml", environment: env).get()
        XCTAssertEqual(c.data?.value, "/home/u/perf/glos")
        XCTAssertEqual(c.data?.location.text, "/etc/x/config.yaml:2")
        XCTAssertEqual(c.theme?.value, "colour-blind")
        XCTAssertEqual(c.color?.value, .never)
        XCTAssertEqual(c.color?.location.line, 4)
        XCTAssertEqual(c.depth?.value, "256")
        XCTAssertEqual(c.ascii?.value, true)
        XCTAssertEqual(c.wallDwell?.value, 30)
        XCTAssertEqual(c.wallStaleAfter?.value, 120)
        XCTAssertEqual(c.wallNoKeys?.value, true)
        XCTAssertEqual(c.wallNoKeys?.location.line, 10)
    }

    func testRelativePathsAreFromTheConfigFolderAndThemeNamesStayNames() throws {
        let c = try ConfigFile.parse("data: perf/glos\ntheme: mine/paper.yaml\n", file: "/etc/x/config.yaml", environment: env).get()
        XCTAssertEqual(c.data?.value, "/etc/x/perf/glos")
        XCTAssertEqual(c.theme?.value, "/etc/x/mine/paper.yaml")
        let d = try ConfigFile.parse("theme: light\n", file: "/etc/x/config.yaml", environment: env).get()
        XCTAssertEqual(d.theme?.value, "light")
    }

    func testEmptyOrCommentsOnlyIsNoSettings() throws {
        let c = try ConfigFile.parse("# nothing yet\n\n", file: "c.yaml", environment: env).get()
        XCTAssertNil(c.theme)
        XCTAssertNil(c.color)
    }

    func testErrorsWithLines() {
        guard case let .failure(e) = ConfigFile.parse("""
            color: sometimes
            depth: 1000
            ascii: maybe
            wall:
              dwell: 1
              pages: 3
            theem: light
            """, file: "c.yaml", environment: env) else { return XCTFail("accepted a broken config") }
        XCTAssertEqual(e.diagnostics.map(\.description), [
            "c.yaml:1: error: color 'sometimes' is not one of: auto, always, never",
            "c.yaml:2: error: depth '1000' is not one of: auto, 24bit, truecolor, 256, 16, 8, mono",
            "c.yaml:3: error: ascii must be true or false, not 'maybe'",
            "c.yaml:5: error: wall.dwell 1 must be 2-3600 seconds",
            "c.yaml:6: error: unknown key 'wall.pages' (wall has: dwell, stale-after, no-keys)",
            "c.yaml:7: error: unknown key 'theem' (keys: data, theme, color, depth, ascii, wall)",
        ])
    }

    func testDefaultPath() {
        XCTAssertEqual(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/u"]), "/x/cfg/csdash/config.yaml")
        XCTAssertEqual(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/u"]), "/home/u/.config/csdash/config.yaml")
        XCTAssertEqual(ConfigFile.defaultPath(environment: ["HOME": "/home/u"]), "/home/u/.config/csdash/config.yaml")
        XCTAssertNil(ConfigFile.defaultPath(environment: [:]))
        XCTAssertNil(ConfigFile.load(path: "/nonexistent/config.yaml", environment: [:]))
    }
}
