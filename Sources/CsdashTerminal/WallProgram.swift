import CsdashCore
import CsdashUI
import Foundation

/// The wall as a terminal program: `WallState`, its update function with the clock passed in, and its view.
public struct WallProgram: TerminalProgram {
    /// The palette (the mono one when there is no colour).
    public let theme: Theme

    public init(theme: Theme) { self.theme = theme }

    public func update(_ state: WallState, _ event: TerminalEvent, now: Date) -> (WallState, [TerminalEffect]) {
        let wallEvent: WallEvent
        switch event {
        case .tick: wallEvent = .tick
        case let .key(key): wallEvent = .key(key)
        case let .resize(width, height): wallEvent = .resize(width: width, height: height)
        case .filesChanged: wallEvent = .filesChanged
        case let .reloaded(outcome): wallEvent = .reloaded(outcome)
        }
        let (next, effects) = CsdashUI.update(state, wallEvent, now: now)
        return (next, effects.map { effect in
            switch effect {
            case .reload: return .reload
            }
        })
    }

    public func view(_ state: WallState, glyphs: Glyphs) -> Buffer { WallView.render(state, theme: theme, glyphs: glyphs) }

    public func quits(_ state: WallState) -> Bool { state.quit }

    public func nextWake(_ state: WallState) -> Date? { state.nextWake }
}
