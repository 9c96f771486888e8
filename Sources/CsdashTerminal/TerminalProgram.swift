import CsdashCore
import CsdashUI
import Foundation

/// A full-screen program that `TerminalSession.run` drives: a state, the pure function that changes it, and
/// the frame it shows. The dashboard and the wall are two of these; they share one loop, one way of reading
/// keys and one way of ending.
public protocol TerminalProgram {
    associatedtype State

    /// The state after `event` at `now`, and the work the loop must do for it.
    func update(_ state: State, _ event: TerminalEvent, now: Date) -> (State, [TerminalEffect])
    /// The frame for `state`.
    func view(_ state: State, glyphs: Glyphs) -> Buffer
    /// The program has ended (the loop restores the terminal and returns).
    func quits(_ state: State) -> Bool
    /// The next moment the state changes without any input (a page timer, a reload that is due); nil for none.
    func nextWake(_ state: State) -> Date?
}
