import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGTERM, SIGHUP and SIGINT write their number to a pipe that the event loop polls, so the loop ends
/// normally and restores the terminal (the self-pipe trick: the handler does nothing else).
///
/// A crash (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE: a Swift runtime trap is SIGILL or SIGTRAP)
/// cannot run the normal shutdown, so its handler does the async-signal-safe minimum: puts back the terminal
/// modes saved at start (echo, canonical input) and writes the sequences that leave the alternate screen and
/// show the cursor; then it hands the signal on to whatever handled it before (Swift's backtracer).
enum Signals {
    // A C signal handler cannot capture anything, so what it needs is global. Each is written once, by
    // `install` on the main thread before the handlers that read it are installed, and never again: no two
    // threads ever race on it, which the compiler cannot see (hence nonisolated(unsafe)).
    nonisolated(unsafe) static var writeFD: Int32 = -1
    nonisolated(unsafe) static var savedModes = termios()
    nonisolated(unsafe) static var haveSavedModes = false
    nonisolated(unsafe) static var previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
    static let crashSignals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// Returns the read end of the pipe.
    static func install() -> Int32 {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return -1 }
        _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
        _ = fcntl(fds[1], F_SETFL, O_NONBLOCK)
        writeFD = fds[1]
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            signal(sig) { sig in
                var b = UInt8(truncatingIfNeeded: sig)
                _ = write(Signals.writeFD, &b, 1)
            }
        }
        // A write to a terminal that has gone away must not kill the process before it can clean up.
        signal(SIGPIPE, SIG_IGN)
        installCrashRestore()
        return fds[0]
    }

    private static func installCrashRestore() {
        haveSavedModes = tcgetattr(STDIN_FILENO, &savedModes) == 0
        for sig in crashSignals {
            var action = sigaction()
            action.handler = { sig, info, context in
                if Signals.haveSavedModes { _ = tcsetattr(STDIN_FILENO, TCSANOW, &Signals.savedModes) }
                let reset: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n"
                _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
                // The handler from before (Swift's backtracer prints where it crashed), then the default
                // action, so the process ends with the signal even when it was sent, not a fault.
                let before = Signals.previous[Int(sig)]
                let plain = unsafeBitCast(before.plainHandler, to: Int.self)
                if plain != unsafeBitCast(SIG_DFL, to: Int.self), plain != unsafeBitCast(SIG_IGN, to: Int.self) {
                    if before.sa_flags & SA_SIGINFO != 0 {
                        before.handler?(sig, info, context)
                    } else {
                        before.plainHandler?(sig)
                    }
                }
                _ = signal(sig, SIG_DFL)
                _ = raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO
            _ = sigaction(sig, &action, previous + Int(sig))
        }
    }
}

/// The two views of a `sigaction`'s handler union, which glibc and Darwin name differently.
extension sigaction {
    #if os(Linux)
    var handler: (@convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void)? {
        get { __sigaction_handler.sa_sigaction }
        set { __sigaction_handler.sa_sigaction = newValue }
    }
    var plainHandler: (@convention(c) (Int32) -> Void)? { __sigaction_handler.sa_handler }
    #else
    var handler: (@convention(c) (Int32, UnsafeMutablePointer<__siginfo>?, UnsafeMutableRawPointer?) -> Void)? {
        get { __sigaction_u.__sa_sigaction }
        set { __sigaction_u.__sa_sigaction = newValue }
    }
    var plainHandler: (@convention(c) (Int32) -> Void)? { __sigaction_u.__sa_handler }
    #endif
}
