import CsdashCore
@testable import CsdashUI
import XCTest

final class ColorDepthTests: XCTestCase {
    func idx(_ c: Color) -> Int? { if case let .indexed(i) = c { return Int(i) }; return nil }

    func testRGBTo256() {
        XCTAssertEqual(ColorDepth.to256(.rgb(0, 0, 0)), .indexed(16))
        XCTAssertEqual(ColorDepth.to256(.rgb(255, 255, 255)), .indexed(231))
        XCTAssertEqual(ColorDepth.to256(.rgb(255, 0, 0)), .indexed(196))
        XCTAssertEqual(ColorDepth.to256(.rgb(0x5f, 0x87, 0xaf)), .indexed(67))
        XCTAssertEqual(ColorDepth.to256(.rgb(128, 128, 128)), .indexed(244), "a grey goes to the grey ramp")
        XCTAssertEqual(ColorDepth.to256(.rgb(0xD5, 0x5E, 0x00)), .indexed(166))
        XCTAssertEqual(ColorDepth.to256(.rgb(0x56, 0xB4, 0xE9)), .indexed(74))
        XCTAssertEqual(ColorDepth.to256(.indexed(9)), .indexed(9))
        XCTAssertEqual(ColorDepth.to256(.default), .default)
        // Every cube and grey-ramp colour comes back to itself.
        for i in 16...255 {
            let (r, g, b) = ColorDepth.rgb(UInt8(i))
            XCTAssertEqual(ColorDepth.to256(.rgb(UInt8(r), UInt8(g), UInt8(b))), .indexed(UInt8(i)), "\(i)")
        }
    }

    func testTo16KeepsHueAndBrightness() {
        XCTAssertEqual(ColorDepth.to16(.rgb(255, 0, 0)), .indexed(9))
        XCTAssertEqual(ColorDepth.to16(.rgb(205, 0, 0)), .indexed(1))
        XCTAssertEqual(ColorDepth.to16(.indexed(203)), .indexed(9), "salmon red stays red, not grey")
        XCTAssertEqual(ColorDepth.to16(.indexed(214)), .indexed(11), "orange is the nearest of yellow")
        XCTAssertEqual(ColorDepth.to16(.indexed(41)), .indexed(2))
        XCTAssertEqual(ColorDepth.to16(.indexed(24)), .indexed(4), "azure looks blue")
        XCTAssertEqual(ColorDepth.to16(.rgb(0xCC, 0x55, 0x00)), .indexed(1), "a deep vermillion is red")
        XCTAssertEqual(ColorDepth.to16(.rgb(0xE6, 0x9F, 0x00)), .indexed(3), "Okabe-Ito orange is amber")
        XCTAssertEqual(ColorDepth.to16(.indexed(116)), .indexed(6))
        XCTAssertEqual(ColorDepth.to16(.indexed(159)), .indexed(14), "light and bright: the bright cyan")
        XCTAssertEqual(ColorDepth.to16(.indexed(237)), .indexed(8))
        XCTAssertEqual(ColorDepth.to16(.indexed(250)), .indexed(7))
        XCTAssertEqual(ColorDepth.to16(.indexed(16)), .indexed(0))
        XCTAssertEqual(ColorDepth.to16(.indexed(231)), .indexed(15))
        XCTAssertEqual(ColorDepth.to16(.indexed(12)), .indexed(12), "the ANSI 16 are kept")
    }

    func testEightColours() {
        let d = ColorDepth.ansi8
        XCTAssertEqual(d.map(Style(fg: .indexed(9))), Style(fg: .indexed(1), bold: true), "bright becomes bold")
        XCTAssertEqual(d.map(Style(fg: .indexed(203), bold: true)), Style(fg: .indexed(1), bold: true))
        // Grey text (an inactive border, the tolerance band) must not become black on black.
        XCTAssertEqual(d.map(Style(fg: .indexed(240))), Style(fg: .indexed(7), dim: true))
        XCTAssertEqual(d.map(Style(fg: .indexed(239))), Style(fg: .indexed(7), dim: true))
        // A grey background (the selection) cannot be shown: it becomes underline.
        XCTAssertEqual(d.map(Style(bg: .indexed(237), bold: true)), Style(bold: true, underline: true))
        XCTAssertEqual(d.map(Style(fg: .indexed(255), bg: .indexed(24), bold: true)), Style(fg: .indexed(7), bg: .indexed(4), bold: true))
        // A foreground that lands on its background is swapped for one that stands out.
        XCTAssertEqual(d.map(Style(fg: .indexed(10), bg: .indexed(2))), Style(fg: .indexed(0), bg: .indexed(2), bold: true))
        XCTAssertEqual(d.map(Style(fg: .indexed(1), bg: .indexed(160))), Style(fg: .indexed(7), bg: .indexed(1)))
    }

    func testReversedColourBecomesABackground() {
        XCTAssertEqual(ColorDepth.ansi8.map(Style(fg: .indexed(39), bold: true, reverse: true)), Style(fg: .indexed(7), bg: .indexed(4), bold: true))
        XCTAssertEqual(ColorDepth.ansi256.map(Style(fg: .indexed(39), reverse: true)), Style(fg: .indexed(0), bg: .indexed(39)))
        XCTAssertEqual(ColorDepth.trueColor.map(Style(fg: .rgb(0, 0, 80), reverse: true)), Style(fg: .indexed(15), bg: .rgb(0, 0, 80)))
        XCTAssertEqual(ColorDepth.ansi256.map(Style(reverse: true)), Style(reverse: true), "plain reverse video stays")
    }

    func testSameHueOnItselfAt16() {
        XCTAssertEqual(ColorDepth.ansi16.map(Style(fg: .rgb(0x56, 0xB4, 0xE9), bg: .rgb(0, 0x72, 0xB2))),
                       Style(fg: .indexed(15), bg: .indexed(4)), "sky blue on the blue banner becomes white")
        XCTAssertEqual(ColorDepth.ansi16.map(Style(fg: .indexed(11), bg: .indexed(4))), Style(fg: .indexed(11), bg: .indexed(4)))
    }

    func testMonoAndTrueColour() {
        XCTAssertEqual(ColorDepth.mono.map(Style(fg: .indexed(9), bold: true)), Style(bold: true))
        XCTAssertEqual(ColorDepth.mono.map(Style(fg: .indexed(16), bg: .indexed(71))), Style(reverse: true), "a coloured block stays visible")
        let s = Style(fg: .rgb(1, 2, 3), bg: .indexed(200), underline: true)
        XCTAssertEqual(ColorDepth.trueColor.map(s), s)
        XCTAssertEqual(ColorDepth.ansi256.map(s), Style(fg: .indexed(16), bg: .indexed(200), underline: true))
    }

    func testDetect() {
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"], terminfoColors: 256), .trueColor)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "xterm-256color", "COLORTERM": "24bit"], terminfoColors: nil), .trueColor)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "xterm-256color"], terminfoColors: 256), .ansi256)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "xterm-256color"], terminfoColors: nil), .ansi256)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "xterm-16color"], terminfoColors: 16), .ansi16)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "linux"], terminfoColors: 8), .ansi8)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "vt100"], terminfoColors: 0), .mono)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "xterm-direct"], terminfoColors: 16_777_216), .trueColor)
        XCTAssertEqual(ColorDepth.detect(environment: ["TERM": "dumb", "COLORTERM": "truecolor"], terminfoColors: nil), .mono)
        XCTAssertEqual(ColorDepth.detect(environment: [:], terminfoColors: nil), .mono)
        XCTAssertEqual(ColorDepth(name: "truecolor"), .trueColor)
        XCTAssertEqual(ColorDepth(name: "256"), .ansi256)
        XCTAssertNil(ColorDepth(name: "auto"))
    }

    /// --color and NO_COLOR: never is mono; auto is mono with NO_COLOR or off a terminal; always overrides NO_COLOR.
    func testColorModeAndNoColor() {
        func choose(_ m: ColorMode, noColor: Bool = false, tty: Bool = true, requested: ColorDepth? = nil,
                    detected: ColorDepth = .ansi256) -> ColorDepth {
            ColorDepth.choose(mode: m, noColor: noColor, isTerminal: tty, requested: requested, detect: { detected })
        }
        XCTAssertEqual(choose(.never), .mono)
        XCTAssertEqual(choose(.never, requested: .trueColor), .mono)
        XCTAssertEqual(choose(.auto), .ansi256)
        XCTAssertEqual(choose(.auto, noColor: true), .mono)
        XCTAssertEqual(choose(.auto, tty: false), .mono)
        XCTAssertEqual(choose(.auto, requested: .ansi16), .ansi16)
        XCTAssertEqual(choose(.always, noColor: true), .ansi256)
        XCTAssertEqual(choose(.always, noColor: true, tty: false, detected: .ansi8), .ansi8)
        XCTAssertEqual(choose(.always, detected: .mono), .ansi256, "always on an unknown terminal still gives colour")
        XCTAssertEqual(choose(.always, requested: .mono), .mono)
    }
}
