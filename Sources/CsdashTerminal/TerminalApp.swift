import CNcursesw
import CsdashCore
import CsdashUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The dashboard's loop: sleep in `EventLoop` (stdin, the signal pipe, the file watcher; a timeout only
/// while a key sequence or a reload is pending, so 0% CPU when idle), feed events through `update`, draw. The terminal is restored on every way out.
public enum TerminalApp {
    /// How long a lone Esc waits for the rest of a sequence: `ESCDELAY` (ms) when set, else 25 ms.
    static var escapeDelay: Int32 {
        let env = getenv("ESCDELAY").flatMap { Int32(String(cString: $0)) }
        return max(1, min(1000, env ?? 25))
    }

    static var escapeSeconds: Double { Double(escapeDelay) / 1000 }

    /// Runs the dashboard. With `watch` (the data directory) it reloads the data when its files change,
    /// keeping the user's place; a failed reload keeps the last good data and shows a banner.
    /// `palettes` are the palettes of `state.themes`, in the same order (`t` cycles through them); `depth` nil
    /// is as many colours as the terminal has, `.mono` none.
    /// Returns the signal that ended it (SIGTERM, SIGHUP, SIGINT; SIGHUP too when the terminal went away).
    @discardableResult
    public static func run(state initial: AppState, palettes: [Theme], depth: ColorDepth?, forceASCII: Bool,
                           watch: String? = nil, forcePolling: Bool = false) throws -> Int32? {
        func theme(_ s: AppState) -> Theme { palettes.indices.contains(s.themeIndex) ? palettes[s.themeIndex] : .standard }
        let signalFD = Signals.install()
        let screen = try Screen(depth: depth)
        defer { screen.close() }
        let glyphs: Glyphs = forceASCII || !screen.utf8 ? .ascii : .unicode
        var state = update(initial, .resize(width: screen.width, height: screen.height))
        screen.draw(AppView.render(state, theme: theme(state), glyphs: glyphs))
        let loop = EventLoop(signalFD: signalFD, watcher: watch.map { FileWatcher(directory: $0, forcePolling: forcePolling) })
        var decoder = KeyDecoder()
        var debounce = ReloadDebounce()
        var emptyReads = 0
        var copied = state.copyRequest?.serial ?? 0
        while !state.quit {
            // Wait for input, a file change or a signal; while a lone Esc is pending only for the Esc delay
            // (then it is the Esc key), while a sequence is cut short a little longer (then it is dropped);
            // while changed files settle, until the reload is due.
            var deadline = debounce.due
            if !decoder.pending.isEmpty {
                let d = Date().addingTimeInterval(decoder.waitingForEscape ? escapeSeconds : 0.25)
                deadline = deadline.map { min($0, d) } ?? d
            }
            let wake = loop.wait(until: deadline)
            if wake.signal {
                var sig: UInt8 = 0
                return read(signalFD, &sig, 1) == 1 ? Int32(sig) : SIGTERM
            }
            // The terminal went away (closed window, dropped ssh): end now, never spin on a dead descriptor.
            if wake.hangup { return SIGHUP }
            var events: [Event] = []
            if wake.input {
                // SIGWINCH interrupts poll; ncurses then reports KEY_RESIZE from wgetch.
                let input = screen.readInput()
                // Readable yet nothing to read, again and again: end of input (a hung-up terminal that
                // reports no POLLHUP). Without this the loop would spin.
                if input.bytes.isEmpty && !input.resized {
                    emptyReads += 1
                    if emptyReads >= 3 { return SIGHUP }
                } else {
                    emptyReads = 0
                }
                events = decoder.feed(input.bytes).map { .key($0) }
                if input.resized { events.append(.resize(width: screen.width, height: screen.height)) }
            } else if !decoder.pending.isEmpty, deadline.map({ Date() >= $0 }) ?? false {
                events = decoder.flush().map { .key($0) }
            }
            if wake.filesChanged { debounce.changed(at: Date()) }
            if let dir = watch, debounce.fire(at: Date()) {
                events.append(.reloaded(ReloadOutcome.load(dir)))
            }
            if events.isEmpty { continue }
            for e in events {
                if case .resize = e { screen.invalidate() }
                state = update(state, e)
                if state.quit { break }
            }
            if state.quit { break }
            screen.draw(AppView.render(state, theme: theme(state), glyphs: glyphs))
            // A copy the update asked for (`c`): OSC 52 straight to the terminal, after the frame.
            if let c = state.copyRequest, c.serial != copied {
                copied = c.serial
                _ = c.osc52.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            }
        }
        return nil
    }
}
