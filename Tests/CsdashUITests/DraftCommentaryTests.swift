import CsdashCore
import CsdashUI
import Foundation
import XCTest

/// The draft commentary on the indicator and risk pages, and `c`, which asks the terminal to copy it.
final class DraftCommentaryTests: XCTestCase {
    func press(_ s: AppState, _ keys: Key...) -> AppState {
        keys.reduce(s) { update($0, .key($1)) }
    }

    func testCCopiesThePagesDraftAndSaysSo() throws {
        var s = try sampleState(width: 160, height: 48)
        s = press(s, .char("c"))
        XCTAssertNil(s.copyRequest, "the overview has no draft to copy")
        s = press(s, .down, .enter)
        guard case let .indicator(id) = s.screen else { return XCTFail("not on an indicator page") }
        s = press(s, .char("c"))
        let draft = Commentary.draft(try XCTUnwrap(s.card.indicator(id)), in: s.dataset).text
        XCTAssertFalse(draft.isEmpty)
        XCTAssertEqual(s.copyRequest, CopyRequest(serial: 1, text: draft))
        XCTAssertEqual(s.notice, "Draft sent to the clipboard (OSC 52; some terminals ignore it).")
        s = press(s, .char("c"))
        XCTAssertEqual(s.copyRequest?.serial, 2, "each press is a new request")
        s = press(s, .char("r"), .enter, .char("c"))
        guard case let .risk(rid) = s.screen else { return XCTFail("not on a risk page") }
        XCTAssertEqual(s.copyRequest?.text, Commentary.draft(try XCTUnwrap(s.card.risk(rid)), in: s.card).text)
    }

    func testOSC52CarriesTheTextInBase64() {
        XCTAssertEqual(CopyRequest(serial: 1, text: "Man").osc52, Array("\u{1B}]52;c;TWFu\u{07}".utf8))
        XCTAssertEqual(CopyRequest(serial: 1, text: "Ma").osc52, Array("\u{1B}]52;c;TWE=\u{07}".utf8))
        XCTAssertEqual(CopyRequest(serial: 1, text: "81.2% → 90%").osc52,
                       Array("\u{1B}]52;c;\(Data("81.2% → 90%".utf8).base64EncodedString())\u{07}".utf8))
    }

    func testTheIndicatorAndRiskPagesShowTheDraft() throws {
        var s = try sampleState(width: 160, height: 60)
        s = press(s, .down, .down, .enter)
        XCTAssertEqual(s.screen, .indicator("initial-decisions"))
        let frame = AppView.render(s, theme: .standard, glyphs: .unicode).text
        XCTAssertTrue(frame.contains("Draft commentary, Q2 21/22 (c copies)"), frame)
        XCTAssertTrue(frame.contains("Worsened sharply from 88.2%"), frame)
        s = press(s, .char("r"), .enter)
        let risk = AppView.render(s, theme: .standard, glyphs: .unicode).text
        XCTAssertTrue(risk.contains("Draft commentary, Q2 21/22"), risk)
        XCTAssertTrue(risk.contains("Commentary, Q2 21/22"), risk)
    }
}
