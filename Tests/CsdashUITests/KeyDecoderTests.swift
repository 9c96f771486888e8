import CsdashUI
import XCTest

/// Raw bytes, as terminals send them, to keys.
final class KeyDecoderTests: XCTestCase {
    func keys(_ s: String, flush: Bool = true) -> [Key] {
        var d = KeyDecoder()
        var out = d.feed(Array(s.utf8))
        if flush { out += d.flush() }
        return out
    }

    func testPlainKeysAndControls() {
        XCTAssertEqual(keys("jk?q"), [.char("j"), .char("k"), .char("?"), .char("q")])
        XCTAssertEqual(keys("\r\n\t\u{7F}\u{08}\u{03}"), [.enter, .enter, .tab, .backspace, .backspace, .ctrlC])
        XCTAssertEqual(keys("\u{01}\u{1F}"), [], "other control bytes are ignored")
        XCTAssertEqual(keys("é€😀"), [.char("é"), .char("€"), .char("😀")])
    }

    func testArrowsInBothModes() {
        XCTAssertEqual(keys("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D"), [.up, .down, .right, .left])
        XCTAssertEqual(keys("\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD"), [.up, .down, .right, .left])
        XCTAssertEqual(keys("\u{1B}[1;5A\u{1B}[1;2B"), [.up, .down], "modifiers do not change the arrow")
        XCTAssertEqual(keys("\u{1B}[Z"), [.backTab])
        XCTAssertEqual(keys("\u{1B}OM"), [.enter], "keypad Enter")
    }

    func testHomeEndPageVariants() {
        // xterm, PuTTY/rxvt/linux console (1~ 4~ 7~ 8~), SS3.
        for (seq, key) in [("\u{1B}[H", Key.home), ("\u{1B}[F", .end), ("\u{1B}[1~", .home), ("\u{1B}[4~", .end),
                           ("\u{1B}[7~", .home), ("\u{1B}[8~", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
                           ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[5;5~", .pageUp),
                           ("\u{1B}[1;2H", .home)] {
            XCTAssertEqual(keys(seq), [key], seq.debugDescription)
        }
    }

    func testFunctionKeys() {
        XCTAssertEqual(keys("\u{1B}OP\u{1B}[11~\u{1B}[[A"), [.function(1), .function(1), .function(1)])
        XCTAssertEqual(keys("\u{1B}[15~\u{1B}[17~\u{1B}[21~\u{1B}[24~"), [.function(5), .function(6), .function(10), .function(12)])
    }

    func testUnknownSequencesAreDroppedWhole() {
        // The example: ESC [ 9 9 ~ used to arrive as Esc, [, 9, 9, ~ and move the view.
        XCTAssertEqual(keys("\u{1B}[99~"), [])
        XCTAssertEqual(keys("\u{1B}[2~\u{1B}[3~"), [], "Insert and Delete are not bound")
        XCTAssertEqual(keys("\u{1B}[12;40R"), [], "a cursor position report is not F3")
        XCTAssertEqual(keys("\u{1B}[<0;10;5M\u{1B}[M abj"), [.char("j")], "mouse reports, SGR and X10")
        XCTAssertEqual(keys("\u{1B}[?1;2c"), [], "device attributes")
        XCTAssertEqual(keys("\u{1B}Ox"), [], "an unknown SS3 key")
        XCTAssertEqual(keys("\u{1B}O\u{1B}[A"), [.up], "a cut SS3 does not eat the next sequence")
        XCTAssertEqual(keys("\u{1B}x"), [], "Alt+x is not bound")
    }

    func testBracketedPasteIsIgnored() {
        XCTAssertEqual(keys("a\u{1B}[200~q[]]\r\u{1B}[A\u{03}\u{1B}[201~b"), [.char("a"), .char("b")])
        // A paste split over reads.
        var d = KeyDecoder()
        XCTAssertEqual(d.feed(Array("\u{1B}[200~qq".utf8)), [])
        XCTAssertTrue(d.pasting)
        XCTAssertEqual(d.feed(Array("rr\u{1B}[20".utf8)), [])
        XCTAssertEqual(d.feed(Array("1~j".utf8)), [.char("j")])
    }

    func testLoneEscapeWaitsForTheQuietTimeThenArrives() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed([0x1B]), [])
        XCTAssertTrue(d.waitingForEscape)
        XCTAssertEqual(d.flush(), [.escape])
        XCTAssertEqual(keys("\u{1B}\u{1B}"), [.escape, .escape])
        XCTAssertEqual(keys("\u{1B}\u{1B}[A"), [.escape, .up])
    }

    func testSequencesSplitAcrossReads() {
        var d = KeyDecoder()
        XCTAssertEqual(d.feed([0x1B]), [])
        XCTAssertEqual(d.feed(Array("[".utf8)), [])
        XCTAssertFalse(d.waitingForEscape, "a cut sequence is not a lone Esc")
        XCTAssertEqual(d.feed(Array("5".utf8)), [])
        XCTAssertEqual(d.feed(Array("~".utf8)), [.pageUp])
        // UTF-8 cut in the middle.
        let euro = Array("€".utf8)
        XCTAssertEqual(d.feed(euro.prefix(2)), [])
        XCTAssertEqual(d.feed(euro.suffix(1)), [.char("€")])
        // A cut sequence that never completes is dropped, not turned into keys.
        XCTAssertEqual(d.feed(Array("\u{1B}[1".utf8)), [])
        XCTAssertEqual(d.flush(), [])
    }

    func testMalformedBytesAreSkipped() {
        XCTAssertEqual(keys("\u{1B}[\u{1B}[A"), [.up], "a broken CSI does not eat the next sequence")
        var d = KeyDecoder()
        XCTAssertEqual(d.feed([0xFF, 0xC3, 0x28, 0x6A]) + d.flush(), [.char("("), .char("j")])
    }
}
