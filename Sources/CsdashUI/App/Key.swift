import CsdashCore

/// A key press, decoded from the terminal.
public enum Key: Hashable, Sendable {
    case char(Character)
    case up, down, left, right
    case enter, escape, backspace, tab, backTab
    case pageUp, pageDown, home, end
    /// F1 to F12.
    case function(Int)
    case ctrlC
}

/// What the app reacts to: keys, the terminal changing size, and the data re-read after its files changed.
public enum Event: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    case reloaded(ReloadOutcome)
}
