import CNcursesw
import CsdashUI
#if canImport(Glibc)
import Glibc
#endif

/// The event loop: poll stdin and the signal pipe with no timeout (0% CPU when idle), feed events through
/// `update`, draw the new frame. The terminal is restored on every way out.
public enum TerminalApp {
    /// How long a lone Esc waits for the rest of a sequence: `ESCDELAY` (ms) when set, else 25 ms.
    static var escapeDelay: Int32 {
        let env = getenv("ESCDELAY").flatMap { Int32(String(cString: $0)) }
        return max(1, min(1000, env ?? 25))
    }

    /// Runs the dashboard until quit; returns the signal (SIGTERM, SIGHUP, SIGINT) that ended it, if one did.
    @discardableResult
    public static func run(state initial: AppState, theme: Theme, forceASCII: Bool) throws -> Int32? {
        let signalFD = Signals.install()
        let screen = try Screen()
        defer { screen.close() }
        let glyphs: Glyphs = forceASCII || !screen.utf8 ? .ascii : .unicode
        var state = update(initial, .resize(width: screen.width, height: screen.height))
        screen.draw(AppView.render(state, theme: theme, glyphs: glyphs))
        var fds = [pollfd(fd: cn_stdin_fd(), events: Int16(POLLIN), revents: 0),
                   pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0)]
        var decoder = KeyDecoder()
        var emptyReads = 0
        while !state.quit {
            // Wait for input; while a lone Esc is pending only for the Esc delay (then it is the Esc key),
            // while a sequence is cut short a little longer (then it is dropped).
            let timeout: Int32 = decoder.pending.isEmpty ? -1 : decoder.waitingForEscape ? escapeDelay : 250
            for i in fds.indices { fds[i].revents = 0 }
            let n = poll(&fds, nfds_t(signalFD >= 0 ? 2 : 1), timeout)
            if n < 0 && errno != EINTR { break }
            if signalFD >= 0, fds[1].revents & Int16(POLLIN) != 0 {
                var sig: UInt8 = 0
                return read(signalFD, &sig, 1) == 1 ? Int32(sig) : SIGTERM
            }
            // The terminal went away (closed window, dropped ssh): end now, never spin on a dead descriptor.
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return SIGHUP }
            var events: [Event]
            if n == 0 {
                events = decoder.flush().map { .key($0) }
            } else {
                // SIGWINCH interrupts poll; ncurses then reports KEY_RESIZE from wgetch.
                let input = screen.readInput()
                // Readable yet nothing to read, again and again: end of input (a hung-up terminal that
                // reports no POLLHUP). Without this the loop would spin.
                if fds[0].revents & Int16(POLLIN) != 0, input.bytes.isEmpty, !input.resized {
                    emptyReads += 1
                    if emptyReads >= 3 { return SIGHUP }
                } else {
                    emptyReads = 0
                }
                events = decoder.feed(input.bytes).map { .key($0) }
                if input.resized { events.append(.resize(width: screen.width, height: screen.height)) }
            }
            if events.isEmpty { continue }
            for e in events {
                if case .resize = e { screen.invalidate() }
                state = update(state, e)
                if state.quit { break }
            }
            if state.quit { break }
            screen.draw(AppView.render(state, theme: theme, glyphs: glyphs))
        }
        return nil
    }
}
