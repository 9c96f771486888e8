import CsdashCore
import CsdashUI
import XCTest

/// `Buffer.joiningBlanks`: the frame the terminal layer sends looks the same as the one the views drew.
final class TerminalFrameTests: XCTestCase {
    let red = Style(fg: .indexed(203), bg: .indexed(237), bold: true)
    let blue = Style(fg: .indexed(75), bg: .indexed(237))
    let green = Style(fg: .indexed(41), bg: .indexed(237))

    func testBlanksBetweenTextTakeTheStyleOnTheirLeft() {
        var b = Buffer(width: 12, height: 1)
        b.put(0, 0, "ab", red)
        b.put(2, 0, "   ", blue)
        b.put(5, 0, "cd", green)
        let j = b.joiningBlanks()
        for x in 2..<5 { XCTAssertEqual(j[x, 0].style, red, "column \(x)") }
        XCTAssertEqual(j[5, 0].style, green)
        XCTAssertEqual(AnsiText.plain(j), AnsiText.plain(b))
    }

    func testBlanksReachingTheRowEndOrStartingItArePlainOnTheirBackground() {
        var b = Buffer(width: 10, height: 2)
        b.put(0, 0, "  ", blue)
        b.put(2, 0, "ab", red)
        b.put(4, 0, "      ", blue)
        b.put(0, 1, "xy", red)
        let j = b.joiningBlanks()
        XCTAssertEqual(j[0, 0].style, Style(bg: .indexed(237)))
        XCTAssertEqual(j[9, 0].style, Style(bg: .indexed(237)))
        XCTAssertEqual(j[4, 0].style, Style(bg: .indexed(237)))
        // Default cells stay default: the terminal erases them.
        XCTAssertEqual(j[5, 1], Cell.blank)
    }

    func testBlanksOnAnotherBackgroundOrAfterReversedTextDoNotJoin() {
        var b = Buffer(width: 10, height: 1)
        b.put(0, 0, "ab", red)
        b.put(2, 0, "  ", Style(fg: .indexed(75)))
        b.put(4, 0, "cd", Style(fg: .indexed(41), reverse: true))
        b.put(6, 0, "  ", blue)
        b.put(8, 0, "ef", red)
        let j = b.joiningBlanks()
        XCTAssertEqual(j[2, 0].style, Style(), "a different background: plain")
        XCTAssertEqual(j[6, 0].style, Style(bg: .indexed(237)), "reversed text on the left shows its colour as background")
    }

    func testReversedAndUnderlinedBlanksKeepTheirStyle() {
        var b = Buffer(width: 8, height: 1)
        let rev = Style(fg: .indexed(75), reverse: true), ul = Style(fg: .indexed(75), underline: true)
        b.put(0, 0, "ab", red)
        b.put(2, 0, "  ", rev)
        b.put(4, 0, "  ", ul)
        b.put(6, 0, "cd", red)
        let j = b.joiningBlanks()
        XCTAssertEqual(j[2, 0].style, rev)
        XCTAssertEqual(j[4, 0].style, ul)
    }

    /// Over every view of the sample: the same characters, and every cell shows the same thing (a blank keeps
    /// its background, reverse and underline; any other cell keeps its whole style).
    func testEveryViewLooksTheSame() throws {
        for view in GoldenTests.views {
            var s = try sampleState(width: 200, height: 60)
            try s.open(view: view)
            let frame = AppView.render(s, theme: .standard, glyphs: .unicode)
            let j = frame.joiningBlanks()
            XCTAssertEqual(AnsiText.plain(j), AnsiText.plain(frame), view)
            var changed = 0
            for y in 0..<frame.height {
                for x in 0..<frame.width {
                    let a = frame[x, y], b = j[x, y]
                    XCTAssertEqual(a.char, b.char)
                    if a.char == " " && !a.style.reverse && !a.style.underline {
                        XCTAssertEqual(a.style.bg, b.style.bg, "\(view) at \(x),\(y)")
                        XCTAssertFalse(b.style.reverse || b.style.underline, "\(view) at \(x),\(y)")
                        if a.style != b.style { changed += 1 }
                    } else {
                        XCTAssertEqual(a.style, b.style, "\(view) at \(x),\(y)")
                    }
                }
            }
            if view == "overview" { XCTAssertGreaterThan(changed, 0, "the overview has coloured blanks to join") }
        }
    }
}

/// `csdash snapshot` writes plain text without building a palette: a frame's text must not depend on the theme.
final class PlainTextThemeTests: XCTestCase {
    let themes: [Theme] = [.monochrome, .standard, Theme(name: "plain", styles: [:])]

    func testEveryViewHasTheSameTextInEveryTheme() throws {
        for (w, h) in [(80, 24), (200, 60)] {
            for view in GoldenTests.views + ["help"] {
                var s = try sampleState(width: w, height: h)
                try s.open(view: view)
                let texts = themes.map { AnsiText.plain(AppView.render(s, theme: $0, glyphs: .unicode)) }
                XCTAssertEqual(Set(texts).count, 1, "\(view) at \(w)x\(h)")
            }
        }
    }

    func testEveryWallPageHasTheSameTextInEveryTheme() throws {
        var s = try wallState(width: 160, height: 48)
        for i in 0..<s.pages.count {
            s.pageIndex = i
            let texts = themes.map { AnsiText.plain(WallView.render(s, theme: $0, glyphs: .unicode)) }
            XCTAssertEqual(Set(texts).count, 1, "wall page \(i + 1)")
        }
    }
}
