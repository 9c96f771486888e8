import CsdashCore

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
