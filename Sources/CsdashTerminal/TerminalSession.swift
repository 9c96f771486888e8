import CNcursesw
import CsdashCore
import CsdashUI
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An interactive command's hold on the terminal, from its first moment to its last, and the one loop that
/// runs a `TerminalProgram` (the dashboard, the wall).
///
/// Created first thing, before the data is read, so that nothing typed or sent while the program starts is
/// lost: SIGTERM, SIGHUP and SIGINT end it through the loop from then on, and the terminal stops treating
/// keys as a line (no echo, no line editing, Ctrl-C a key and not a signal), so every byte waits in the
/// terminal's queue for the loop's first look, which comes before the first frame is drawn.
///
/// Every way out ends the same: the terminal restored, then `run` returns nil when the program quit, or the
/// signal that ended it (SIGHUP too when the terminal went away); the commands exit 128 + that signal.
public final class TerminalSession {
    private let signalFD: Int32
    /// The modes the terminal had, put back by `end()`.
    private var original: termios?

    /// Takes the signals and puts the terminal's input in raw mode (the output keeps its line endings, so an
    /// error printed before the screen opens reads as usual).
    public init() {
        signalFD = Signals.install()
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        original = modes
        modes.c_lflag &= ~tcflag_t(ICANON | ECHO | ECHONL | ISIG | IEXTEN)
        modes.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | IGNCR | BRKINT | PARMRK | ISTRIP)
        withUnsafeMutableBytes(of: &modes.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        // TCSADRAIN: waits for output to go, and keeps whatever input has already arrived.
        _ = tcsetattr(STDIN_FILENO, TCSADRAIN, &modes)
    }

    deinit { end() }

    /// Puts back the modes the terminal had before `init`.
    public func end() {
        guard var modes = original else { return }
        _ = tcsetattr(STDIN_FILENO, TCSADRAIN, &modes)
    }

    /// How long a lone Esc waits for the rest of a sequence: `ESCDELAY` (ms) when set, else 25 ms.
    static var escapeSeconds: Double {
        let env = getenv("ESCDELAY").flatMap { Int32(String(cString: $0)) }
        return Double(max(1, min(1000, env ?? 25))) / 1000
    }

    /// How long a key sequence cut short waits for its end before it is dropped (keys are whole or dropped).
    static let cutSequenceSeconds = 0.25

    /// Runs `program` full screen from `initial`. Each wake (input, a signal, a file change, the program's next
    /// deadline) becomes events, each event goes through the program's `update` (and the reload it asks for
    /// is done here, at the edge), then one frame is drawn. With `watch` (the data directory) saved files
    /// become `.filesChanged`. `depth` nil: as many colours as the terminal has; `.mono` none.
    public func run<P: TerminalProgram>(_ program: P, from initial: P.State, depth: ColorDepth?, forceASCII: Bool,
                                        watch: String? = nil, forcePolling: Bool = false) throws -> Int32? {
        // ncurses keeps the modes it finds as the shell's and puts them back when it ends or is suspended.
        end()
        let screen = try Screen(depth: depth)
        defer { screen.close() }
        let glyphs: Glyphs = forceASCII || !screen.utf8 ? .ascii : .unicode
        let wakeups = Wakeups(signalFD: signalFD, watcher: watch.map { FileWatcher(directory: $0, forcePolling: forcePolling) })
        var state = initial
        var decoder = KeyDecoder()
        var emptyReads = 0
        var pending: [TerminalEvent] = [.resize(width: screen.width, height: screen.height)]
        // Text the program asked to copy, written to the terminal after the next frame.
        var copies: [String] = []
        // The first look does not wait: what was typed or sent during start-up is taken before the first frame.
        var deadline: Date? = Date()
        while true {
            let wake = wakeups.wait(until: deadline)
            if wake.signal {
                var sig: UInt8 = 0
                return read(signalFD, &sig, 1) == 1 ? Int32(sig) : SIGTERM
            }
            // The terminal went away (closed window, dropped ssh): end now, never spin on a dead descriptor.
            if wake.hangup { return SIGHUP }
            if wake.input {
                let input = screen.readInput()
                // Readable yet nothing to read, again and again: end of input (a hung-up terminal that
                // reports no POLLHUP). Without this the loop would spin.
                if input.bytes.isEmpty && !input.resized {
                    emptyReads += 1
                    if emptyReads >= 3 { return SIGHUP }
                } else {
                    emptyReads = 0
                }
                pending += decoder.feed(input.bytes).map { .key($0) }
                if input.resized { pending.append(.resize(width: screen.width, height: screen.height)) }
            } else if !decoder.pending.isEmpty, let d = deadline, Date() >= d {
                pending += decoder.flush().map { .key($0) }
            }
            if wake.filesChanged { pending.append(.filesChanged) }
            pending.append(.tick)
            while !pending.isEmpty {
                let event = pending.removeFirst()
                if case .resize = event { screen.invalidate() }
                let (next, effects) = program.update(state, event, now: Date())
                state = next
                if program.quits(state) { return nil }
                for effect in effects {
                    switch effect {
                    case .reload: if let dir = watch { pending.append(.reloaded(ReloadOutcome.load(dir))) }
                    case let .copy(text): copies.append(text)
                    }
                }
            }
            screen.draw(program.view(state, glyphs: glyphs))
            for text in copies {
                let bytes = CopyRequest(serial: 0, text: text).osc52
                _ = bytes.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            }
            copies = []
            // Until the program's next deadline; while a lone Esc is pending only for the Esc delay (then it
            // is the Esc key), while a sequence is cut short a little longer (then it is dropped).
            deadline = program.nextWake(state)
            if !decoder.pending.isEmpty {
                let d = Date().addingTimeInterval(decoder.waitingForEscape ? Self.escapeSeconds : Self.cutSequenceSeconds)
                deadline = deadline.map { min($0, d) } ?? d
            }
        }
    }
}
