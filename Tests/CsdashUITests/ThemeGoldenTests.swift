import CsdashCore
import CsdashUI
import Foundation
import XCTest

/// Styled frames (`csdash snapshot --color always`) of the themes at each colour depth, and every view in ASCII.
/// Compared through `Golden.check` (a difference is written beside the golden file as `.new` and fails).
final class ThemeGoldenTests: XCTestCase {
    func styled(_ theme: String, _ depth: ColorDepth, view: String = "overview", _ w: Int = 100, _ h: Int = 30,
                file: StaticString = #filePath, line: UInt = #line) throws {
        var s = try sampleState(width: w, height: h)
        try s.open(view: view)
        // As the snapshot command does: no colour means the mono palette.
        let palette = depth == .mono ? Theme.monochrome : try ThemeCatalog(folders: []).theme(theme).get()
        let text = AnsiText.colored(AppView.render(s, theme: palette, glyphs: .unicode), depth: depth)
        try Golden.check(text, "themes/\(view.replacingOccurrences(of: ":", with: "-"))-\(theme)-\(depth.name)-\(w)x\(h).ansi",
                    file: file, line: line)
    }

    func testLightAt256() throws { try styled("light", .ansi256) }
    func testColourBlindAt24Bit() throws {
        try styled("colour-blind", .trueColor)
        try styled("colour-blind", .trueColor, view: "indicator:re-referrals-month")
    }
    func testMono() throws { try styled("mono", .mono) }
    func testDefaultAt8() throws { try styled("default", .ansi8) }
    func testHighContrastAt16() throws { try styled("high-contrast", .ansi16, view: "risks") }
    func testDefaultAt256() throws { try styled("default", .ansi256, view: "indicator:initial-decisions") }

    /// The escapes at each depth use only what that depth has.
    func testEscapesStayWithinTheirDepth() throws {
        var s = try sampleState(width: 100, height: 30)
        try s.open(view: "overview")
        let buf = AppView.render(s, theme: try ThemeCatalog(folders: []).theme("colour-blind").get(), glyphs: .unicode)
        let mono = AnsiText.colored(buf, depth: .mono)
        XCTAssertFalse(mono.contains("38;") || mono.contains("48;"), "mono has no colours")
        let eight = AnsiText.colored(buf, depth: .ansi8)
        for m in eight.matches(of: /[34]8;5;(\d+)/) { XCTAssertLessThan(Int(m.1)!, 8, "8 colours: \(m.0)") }
        let sixteen = AnsiText.colored(buf, depth: .ansi16)
        for m in sixteen.matches(of: /[34]8;5;(\d+)/) { XCTAssertLessThan(Int(m.1)!, 16, "16 colours: \(m.0)") }
        XCTAssertFalse(AnsiText.colored(buf, depth: .ansi256).contains("38;2;"), "256 colours: no 24-bit escapes")
        XCTAssertTrue(AnsiText.colored(buf, depth: .trueColor).contains("38;2;"), "24-bit: the theme's #RRGGBB colours")
    }

    /// Every view in ASCII at both sizes, and no golden ASCII frame holds a byte above 127.
    func testEveryViewInASCII() throws {
        for (w, h) in [(80, 24), (160, 48)] {
            for v in GoldenTests.views {
                var s = try sampleState(width: w, height: h)
                try s.open(view: v)
                try Golden.check(AnsiText.plain(AppView.render(s, theme: .monochrome, glyphs: .ascii)),
                            "ascii/\(v.replacingOccurrences(of: ":", with: "-"))-\(w)x\(h).txt")
            }
        }
        let folder = goldenDir.appendingPathComponent("ascii")
        var files = try FileManager.default.contentsOfDirectory(atPath: folder.path).map { folder.appendingPathComponent($0) }
        files += try FileManager.default.contentsOfDirectory(atPath: goldenDir.path).filter { $0.contains("-ascii") }
            .map { goldenDir.appendingPathComponent($0) }
        XCTAssertGreaterThanOrEqual(files.count, 13)
        for f in files {
            let bytes = try Data(contentsOf: f)
            if let i = bytes.firstIndex(where: { $0 > 127 }) {
                XCTFail("\(f.lastPathComponent): byte \(bytes[i]) above 127 at offset \(i - bytes.startIndex)")
            }
        }
    }

    /// Data text with accents, curly quotes and symbols still comes out as ASCII.
    func testDataTextIsFoldedToASCII() throws {
        var s = try sampleState(width: 80, height: 24)
        s.dataset.title = "Café “Résumé” – 5±1 £ 表"
        let text = AnsiText.plain(AppView.render(s, theme: .monochrome, glyphs: .ascii))
        XCTAssertTrue(text.contains("Cafe \"Resume\" - 5+1 L ?"), text.split(separator: "\n").first.map(String.init) ?? "")
        XCTAssertTrue(text.utf8.allSatisfy { $0 < 128 })
    }

    func testKeyLabelsInASCII() {
        XCTAssertEqual(Glyphs.ascii.keyLabel("↑ k"), "Up k")
        XCTAssertEqual(Glyphs.ascii.keyLabel("→ l"), "Right l")
        XCTAssertEqual(Glyphs.unicode.keyLabel("↑ k"), "↑ k")
        let ascii = Glyphs.ascii
        let all = ascii.spark + [ascii.horizontal, ascii.vertical, ascii.better, ascii.within, ascii.worse, ascii.none,
                                 ascii.up, ascii.down, ascii.flat, ascii.stale, ascii.bar] + ascii.comparatorMarks
        XCTAssertTrue(all.allSatisfy(\.isASCII))
        XCTAssertTrue((ascii.bullet + ascii.plusMinus + ascii.separator + ascii.ellipsis).utf8.allSatisfy { $0 < 128 })
    }
}
