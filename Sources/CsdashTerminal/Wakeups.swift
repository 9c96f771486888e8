import CNcursesw
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the terminal loop waits on: one `poll()` on the terminal's input, the signal pipe and the file
/// watcher, with the time to the next deadline as its timeout. Between wakes the process sleeps in the kernel.
final class Wakeups {
    struct Wake {
        /// SIGTERM, SIGHUP or SIGINT arrived: end, restoring the terminal.
        var signal = false
        /// The terminal went away (hang-up or error on its input).
        var hangup = false
        /// Keys (or a resize) may be waiting.
        var input = false
        /// A data file changed.
        var filesChanged = false
    }

    let signalFD: Int32
    let watcher: FileWatcher?
    private var lastPoll = Date()

    init(signalFD: Int32, watcher: FileWatcher?) {
        self.signalFD = signalFD
        self.watcher = watcher
    }

    /// Sleeps until input, a signal, a file change, or `deadline` (nil: no deadline).
    func wait(until deadline: Date?) -> Wake {
        var fds = [pollfd(fd: cn_stdin_fd(), events: Int16(POLLIN), revents: 0)]
        if signalFD >= 0 { fds.append(pollfd(fd: signalFD, events: Int16(POLLIN), revents: 0)) }
        let watchIndex = fds.count
        if let wfd = watcher?.fd { fds.append(pollfd(fd: wfd, events: Int16(POLLIN), revents: 0)) }
        var until = deadline
        if let interval = watcher?.pollInterval {
            let next = lastPoll.addingTimeInterval(interval)
            until = until.map { min($0, next) } ?? next
        }
        let timeout: Int32 = until.map { Int32(max(0, min(3_600_000, ($0.timeIntervalSinceNow * 1000).rounded(.up)))) } ?? -1
        var w = Wake()
        let n = poll(&fds, nfds_t(fds.count), timeout)
        if n < 0 {
            if errno == EINTR { w.input = true }  // SIGWINCH: ncurses reports KEY_RESIZE on the next read
            else { w.hangup = true }
            return w
        }
        if signalFD >= 0, fds[1].revents & Int16(POLLIN) != 0 { w.signal = true }
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { w.hangup = true }
        if fds[0].revents & Int16(POLLIN) != 0 { w.input = true }
        if let watcher {
            if watcher.fd != nil, watchIndex < fds.count, fds[watchIndex].revents & Int16(POLLIN) != 0 {
                w.filesChanged = watcher.drain()
            } else if let interval = watcher.pollInterval, Date().timeIntervalSince(lastPoll) >= interval {
                lastPoll = Date()
                w.filesChanged = watcher.check()
            }
        }
        return w
    }
}
