import CsdashCore
import CsdashUI
import Foundation

/// The wall's loop: wake for the next tick (page timer, clock, quit hint, pending reload), a key, a file
/// change or a signal; feed the event through the wall's update function with the real clock; run its
/// effects (a reload reads the data directory here, at the edge); draw. The terminal is restored on every way out.
public enum WallApp {
    /// `depth` nil: as many colours as the terminal has; `.mono` none (then `theme` should be the mono one).
    public static func run(state initial: WallState, directory: String, theme: Theme, depth: ColorDepth? = nil,
                           forceASCII: Bool, forcePolling: Bool = false) throws {
        let signalFD = Signals.install()
        let screen = try Screen(depth: depth)
        defer { screen.close() }
        let glyphs: Glyphs = forceASCII || !screen.utf8 ? .ascii : .unicode
        let loop = EventLoop(signalFD: signalFD, watcher: FileWatcher(directory: directory, forcePolling: forcePolling))
        var state = initial
        var pending: [WallEvent] = [.resize(width: screen.width, height: screen.height)]
        var decoder = KeyDecoder()
        while true {
            // Run every event (and the events its effects produce) before drawing once.
            while !pending.isEmpty {
                let event = pending.removeFirst()
                if case .resize = event { screen.invalidate() }
                let (next, effects) = update(state, event, now: Date())
                state = next
                if state.quit { return }
                for effect in effects {
                    switch effect {
                    case .reload: pending.append(.reloaded(ReloadOutcome.load(directory)))
                    }
                }
            }
            screen.draw(WallView.render(state, theme: theme, glyphs: glyphs))
            // A key sequence cut short waits a moment for its end, then is decided (keys are whole or dropped).
            var deadline = state.nextWake
            if !decoder.pending.isEmpty {
                deadline = min(deadline, Date().addingTimeInterval(decoder.waitingForEscape ? TerminalApp.escapeSeconds : 0.25))
            }
            let wake = loop.wait(until: deadline)
            if wake.signal || wake.hangup { return }
            if wake.filesChanged { pending.append(.filesChanged) }
            if wake.input {
                let input = screen.readInput()
                pending += decoder.feed(input.bytes).map { .key($0) }
                if input.resized { pending.append(.resize(width: screen.width, height: screen.height)) }
            } else if !decoder.pending.isEmpty {
                pending += decoder.flush().map { .key($0) }
            }
            pending.append(.tick)
        }
    }
}
