import CNcursesw
import CsdashUI
#if canImport(Glibc)
import Glibc
#endif

/// The event loop: poll stdin and the signal pipe with no timeout (0% CPU when idle), feed events through
/// `update`, draw the new frame. The terminal is restored on every way out.
public enum TerminalApp {
    /// `depth` nil: as many colours as the terminal has; `.mono` none. The theme should be the monochrome one
    /// when there is no colour.
    public static func run(state initial: AppState, theme: Theme, depth: ColorDepth?, forceASCII: Bool) throws {
        let signalFD = Signals.install()
        let screen = try Screen(depth: depth)
        defer { screen.close() }
        let glyphs: Glyphs = forceASCII || !screen.utf8 ? .ascii : .unicode
        var state = update(initial, .resize(width: screen.width, height: screen.height))
        screen.draw(AppView.render(state, theme: theme, glyphs: glyphs))
        var fds = [pollfd(fd: cn_stdin_fd(), events: Int16(POLLIN), revents: 0),
                   pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0)]
        while !state.quit {
            let n = poll(&fds, nfds_t(signalFD >= 0 ? 2 : 1), -1)
            if n < 0 && errno != EINTR { break }
            if signalFD >= 0, fds[1].revents & Int16(POLLIN) != 0 { break }
            if fds[0].revents & Int16(POLLHUP | POLLERR) != 0 { break }
            // SIGWINCH interrupts poll; ncurses then reports KEY_RESIZE from wget_wch.
            let events = screen.readKeys()
            if events.isEmpty { continue }
            for e in events {
                if case .resize = e { screen.invalidate() }
                state = update(state, e)
                if state.quit { break }
            }
            if state.quit { break }
            screen.draw(AppView.render(state, theme: theme, glyphs: glyphs))
        }
    }
}
