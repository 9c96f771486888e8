import CsdashCore
import CsdashUI
import Foundation

/// The dashboard as a terminal program: `AppState` and its update function, plus the debounce that decides
/// when saved data files are re-read.
public struct DashboardProgram: TerminalProgram {
    public struct State {
        public var app: AppState
        public var debounce = ReloadDebounce()

        public init(app: AppState) { self.app = app }
    }

    /// The palettes of `app.themes`, in the same order (`t` cycles through them).
    public let palettes: [Theme]

    public init(palettes: [Theme]) { self.palettes = palettes }

    public func update(_ state: State, _ event: TerminalEvent, now: Date) -> (State, [TerminalEffect]) {
        var s = state
        switch event {
        case .tick: break
        case let .key(key): s.app = CsdashUI.update(s.app, .key(key))
        case let .resize(width, height): s.app = CsdashUI.update(s.app, .resize(width: width, height: height))
        case .filesChanged: s.debounce.changed(at: now)
        case let .reloaded(outcome): s.app = CsdashUI.update(s.app, .reloaded(outcome))
        }
        let reloadDue = s.debounce.fire(at: now)
        var effects: [TerminalEffect] = reloadDue ? [.reload] : []
        // A new copy request from the update (`c`) becomes the copy effect.
        if let c = s.app.copyRequest, c.serial != state.app.copyRequest?.serial { effects.append(.copy(c.text)) }
        return (s, effects)
    }

    public func view(_ state: State, glyphs: Glyphs) -> Buffer {
        let i = state.app.themeIndex
        return AppView.render(state.app, theme: palettes.indices.contains(i) ? palettes[i] : .standard, glyphs: glyphs)
    }

    public func quits(_ state: State) -> Bool { state.app.quit }

    public func nextWake(_ state: State) -> Date? { state.debounce.due }
}
