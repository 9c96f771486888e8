import CsdashCore
import CsdashUI
import Foundation

/// The wall as a terminal program: `WallState`, its update function with the clock passed in, and its view.
public struct WallProgram: TerminalProgram {
    /// The palette (the mono one when there is no colour).
    public let theme: Theme

    public init(theme: Theme) { self.theme = theme }

    public func update(_ state: WallState, _ event: TerminalEvent, now: Date) -> (WallState, [TerminalEffect]) {
        CsdashUI.update(state, event, now: now)
    }

    public func view(_ state: WallState, glyphs: Glyphs) -> Buffer { WallView.render(state, theme: theme, glyphs: glyphs) }

    public func quits(_ state: WallState) -> Bool { state.quit }

    public func nextWake(_ state: WallState) -> Date? { state.nextWake }
}
