import CsdashCore
import CsdashTerminal
import CsdashUI
import Foundation
import XCTest

/// The dashboard as the terminal loop drives it: the effects its update asks for.
final class DashboardProgramTests: XCTestCase {
    let program = DashboardProgram(palettes: [.standard])
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    /// `c` on a page becomes one copy effect carrying the page's draft; the events after it copy nothing more.
    func testCopyRequestBecomesOneCopyEffect() throws {
        var app = try sampleState(width: 160, height: 48)
        try app.open(view: "indicator:initial-decisions")
        var state = DashboardProgram.State(app: app)
        var effects: [TerminalEffect]
        (state, effects) = program.update(state, .key(.char("c")), now: now)
        let draft = Commentary.draft(try XCTUnwrap(state.app.card.indicator("initial-decisions")), in: state.app.dataset).text
        XCTAssertEqual(effects, [.copy(draft)])
        (state, effects) = program.update(state, .tick, now: now)
        XCTAssertEqual(effects, [], "a copy is asked for once")
        (state, effects) = program.update(state, .key(.char("j")), now: now)
        XCTAssertEqual(effects, [])
        (state, effects) = program.update(state, .key(.char("c")), now: now)
        XCTAssertEqual(effects, [.copy(draft)], "a second press copies again")
    }

    /// A change to the data files asks for a reload once they have been quiet for the debounce, not before.
    func testFileChangesAskForOneReloadAfterTheDebounce() throws {
        var state = DashboardProgram.State(app: try sampleState(width: 120, height: 40))
        var effects: [TerminalEffect]
        (state, effects) = program.update(state, .filesChanged, now: now)
        XCTAssertEqual(effects, [])
        let due = try XCTUnwrap(program.nextWake(state))
        XCTAssertGreaterThan(due, now)
        (state, effects) = program.update(state, .tick, now: due.addingTimeInterval(-0.001))
        XCTAssertEqual(effects, [])
        (state, effects) = program.update(state, .tick, now: due)
        XCTAssertEqual(effects, [.reload])
        (state, effects) = program.update(state, .tick, now: due.addingTimeInterval(1))
        XCTAssertEqual(effects, [])
    }
}
