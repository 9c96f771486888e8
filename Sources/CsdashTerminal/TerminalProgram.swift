import CsdashCore
import CsdashUI
import Foundation

/// What the terminal loop feeds a program. Time is not a payload: `update` is given `now` with every event.
public enum TerminalEvent: Sendable {
    /// The loop woke with nothing else to report (a deadline passed), or after the events of one wake.
    case tick
    case key(Key)
    case resize(width: Int, height: Int)
    /// Something in the watched data directory changed.
    case filesChanged
    /// The result of the `.reload` effect.
    case reloaded(ReloadOutcome)
}

/// Work a program's update asks the loop to do; its result comes back as an event.
public enum TerminalEffect: Equatable, Sendable {
    /// Re-read the data directory and send `.reloaded`.
    case reload
    /// Put text on the system clipboard (an OSC 52 sequence written after the frame).
    case copy(String)
}

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
