import CNcursesw
#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM, SIGHUP and SIGINT write a byte to a pipe that the event loop polls, so the loop ends
/// normally and restores the terminal (the self-pipe trick: the handler does nothing else).
enum Signals {
    nonisolated(unsafe) static var writeFD: Int32 = -1

    /// Returns the read end of the pipe.
    static func install() -> Int32 {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return -1 }
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        writeFD = fds[1]
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            signal(sig) { _ in
                var b: UInt8 = 1
                _ = write(Signals.writeFD, &b, 1)
            }
        }
        return fds[0]
    }
}
