import CsdashCore
@testable import CsdashUI
import XCTest
#if canImport(Glibc)
import Glibc
#endif

let corpusDir = repoRoot.appendingPathComponent("Tests/Corpus")

/// Scalars that must never reach a terminal from data: C0 and C1 controls, DEL, direction overrides/isolates.
func hostileScalars(_ s: String, allowNewlines: Bool = false) -> [Unicode.Scalar] {
    s.unicodeScalars.filter { u in
        if allowNewlines && u == "\n" { return false }
        return u.value < 0x20 || (0x7F...0x9F).contains(u.value) || (0x202A...0x202E).contains(u.value)
            || (0x2066...0x2069).contains(u.value) || u.value == 0x200E || u.value == 0x200F || u.value == 0x061C
    }
}

/// Titles with escape sequences, a right-to-left override, CJK, emoji with zero-width joiners and combining
/// accents (Tests/Corpus/extreme/hostile-text), in every view at 80x24 and 200x60.
final class HostileTextTests: XCTestCase {
    static let views = ["overview", "indicator:turnover", "indicator:cjk", "indicator:emoji", "indicator:accents",
                        "risks", "risk:R1", "help"]

    func state(_ w: Int, _ h: Int) throws -> AppState {
        let r = try DataDirectory.load(corpusDir.appendingPathComponent("extreme/hostile-text").path)
        XCTAssertEqual(r.errors, [])
        XCTAssertFalse(r.warnings.isEmpty, "hostile characters are warned about")
        var s = AppState(dataset: r.dataset, asAt: r.dataset.latestQuarter!, width: w, height: h)
        s.problems = r.diagnostics
        return s
    }

    func testEveryViewIsSafeAndAligned() throws {
        for (w, h) in [(80, 24), (200, 60)] {
            for view in Self.views + ["problems"] {
                var s = try state(w, h)
                if view == "problems" { s = update(s, .key(.char("!"))) } else { try s.open(view: view) }
                for glyphs in [Glyphs.unicode, .ascii] {
                    let buf = AppView.render(s, theme: .standard, glyphs: glyphs)
                    let plain = AnsiText.plain(buf)
                    XCTAssertEqual(hostileScalars(plain, allowNewlines: true), [], "\(view) \(w)x\(h)")
                    // Every row takes exactly the terminal's width: no wide character took one cell or was cut.
                    for (y, line) in buf.lines.enumerated() {
                        XCTAssertEqual(line.displayWidth, w, "\(view) \(w)x\(h) row \(y): \(line)")
                    }
                    // The coloured form (snapshot --color always) has only the SGR escapes csdash writes itself.
                    let colored = AnsiText.colored(buf).replacingOccurrences(of: "\u{1B}[", with: "")
                    XCTAssertFalse(colored.unicodeScalars.contains("\u{1B}"), "\(view) \(w)x\(h)")
                }
            }
        }
    }

    func testEscapesAreShownVisibly() throws {
        var s = try state(200, 60)
        try s.open(view: "indicator:turnover")
        let text = AppView.render(s, theme: .monochrome, glyphs: .unicode).text
        XCTAssertTrue(text.contains("Turnover ␛]0;pwned␇␛[2J\u{FFFD}gnp.exe"), text)
        // The definition's line break is kept as a paragraph break; its tab is a space; C1 CSI is visible.
        XCTAssertTrue(text.contains("line two tabbed"), text)
        XCTAssertTrue(text.contains("\u{FFFD}31m C1"), text)
    }

    func testWideCharactersKeepPanelBordersInPlace() throws {
        for w in [80, 120, 200] {
            var s = try state(w, 40)
            s.panelIndex = 1
            let buf = AppView.render(s, theme: .monochrome, glyphs: .unicode)
            // The intl panel's rows (CJK, emoji, accents) end with the panel's right border in the same column.
            let rows = (0..<buf.height).filter { y in
                let l = buf.lines[y]
                return l.hasPrefix("│") && (l.contains("儿童") || l.contains("Family") || l.contains("Évaluations"))
            }
            XCTAssertGreaterThanOrEqual(rows.count, 3, "\(w): \(buf.text)")
            let borderXs = Set(rows.map { y in (0..<buf.width).last { buf[$0, y].char == "│" } })
            XCTAssertEqual(borderXs.count, 1, "\(w): right borders at \(borderXs)\n\(buf.text)")
        }
    }

    /// The width of every scalar in the test data agrees with the C library's wcwidth in a UTF-8 locale,
    /// which is what ncurses uses to place characters.
    func testWidthsAgreeWithWcwidth() throws {
        typealias WcWidth = @convention(c) (Int32) -> Int32  // not exported by the Glibc module
        guard let sym = dlsym(dlopen(nil, RTLD_NOW), "wcwidth") else { throw XCTSkip("no wcwidth") }
        let wcwidth = unsafeBitCast(sym, to: WcWidth.self)
        let saved = String(cString: setlocale(LC_CTYPE, nil))
        defer { setlocale(LC_CTYPE, saved) }
        guard setlocale(LC_CTYPE, "C.UTF-8") != nil, wcwidth(0x4E00) == 2 else { throw XCTSkip("no C.UTF-8 locale") }
        let text = try String(contentsOf: corpusDir.appendingPathComponent("extreme/hostile-text/indicators.yaml"), encoding: .utf8)
            + "儿童👨‍👩‍👧‍👦🇬🇧☺️🌡é́✓≈✗·↑↓†…⎺⎽▁█░◆○×ｆ한국어␛␇�✅🔺👷‍♀️"
        for u in Set(text.unicodeScalars) where u.value >= 0x20 && u.value != 0x7F {
            XCTAssertEqual(TextWidth.of(u), max(0, Int(wcwidth(Int32(bitPattern: u.value)))), "U+\(String(u.value, radix: 16, uppercase: true)) \(u)")
        }
    }

    func testWideClustersTakeAllTheirColumns() {
        var b = Buffer(width: 12, height: 1)
        b.put(0, 0, "a👨‍👩‍👧b")  // 1 + 6 + 1
        XCTAssertEqual(b.lines[0].displayWidth, 12)
        XCTAssertEqual((1...6).filter { b[$0, 0].isContinuation }.count, 5)
        b.put(3, 0, "x")  // into the middle of the family: all of it goes
        XCTAssertEqual(b.lines[0], "a  x   b    ")
        let end = b.put(0, 0, "👨‍👩‍👧", limit: 4)  // does not fit in 4: left out, not cut
        XCTAssertEqual(end, 4)
        XCTAssertEqual(b.lines[0].displayWidth, 12)
    }

    func testBufferNeverCutsAWideCharacterInHalf() {
        var b = Buffer(width: 6, height: 1)
        let end = b.put(0, 0, "ab儿童c", .plain, limit: 3)
        XCTAssertEqual(end, 3)
        XCTAssertEqual(b.lines[0], "ab…   ", "a wide character that does not fit gives way to the ellipsis, not cut")
        b.put(0, 0, "儿童保")
        XCTAssertEqual(b.lines[0], "儿童保")
        b.put(1, 0, "x")  // over the right half of 儿: the left half goes too
        XCTAssertEqual(b.lines[0], " x童保")
        b.put(3, 0, "yz")  // over the left half of 保... and 童's right half
        XCTAssertEqual(b.lines[0].displayWidth, 6)
        XCTAssertEqual(b.lines[0], " x yz ")
    }

    func testTextWidths() {
        XCTAssertEqual("abc".displayWidth, 3)
        XCTAssertEqual("儿童".displayWidth, 4)
        XCTAssertEqual("👨‍👩‍👧‍👦".displayWidth, 8, "a ZWJ family counts as ncurses and wcwidth count it: 2 an emoji")
        XCTAssertEqual("🇬🇧".displayWidth, 2, "a regional indicator is one column")
        XCTAssertEqual("☺️".displayWidth, 1, "a text-style emoji with VS16: wcwidth says 1")
        XCTAssertEqual("🌡".displayWidth, 1)
        XCTAssertEqual("e\u{301}".displayWidth, 1, "a combining accent takes no column of its own")
        XCTAssertEqual("✓≈✗·↑↓†…".displayWidth, 8, "the status glyphs are one column each")
        XCTAssertEqual("ｆｕｌｌ".displayWidth, 8)
        XCTAssertEqual("한국어".displayWidth, 6)
        XCTAssertEqual("儿童保护".truncated(to: 5), "儿童…")
        XCTAssertEqual("儿童保护".padded(to: 6), "儿童… ", "保 would need columns 5-6, and the ellipsis one more")
        XCTAssertEqual("儿童".leftPadded(to: 6), "  儿童")
        XCTAssertEqual(TextWrap.lines("儿童保护计划", width: 5), ["儿童", "保护", "计划"])
    }
}
