import CsdashCore
import Foundation

/// The one way the wall's state changes: (state, event, now) -> (new state, effects). No I/O; the
/// clock is passed in, and work such as re-reading the data comes back from the edge as an event.
public func update(_ state: WallState, _ event: TerminalEvent, now: Date) -> (WallState, [TerminalEffect]) {
    var s = state
    s.now = now
    var effects: [TerminalEffect] = []
    switch event {
    case .tick:
        break
    case let .key(key):
        s.press(key)
    case let .resize(width, height):
        s.width = width
        s.height = height
        let n = s.pages.count
        if s.pageIndex >= n { s.pageIndex = max(0, n - 1) }
    case .filesChanged:
        s.debounce.changed(at: now)
    case let .reloaded(outcome):
        switch outcome {
        case let .loaded(dataset, newest):
            s.replace(dataset, newestFile: newest)
            s.problems = []
            s.startProblems = []
            s.reloads &+= 1
        case let .failed(problems):
            s.problems = Array(problems.prefix(WallState.problemLimit))
        }
    }
    if s.debounce.fire(at: now) { effects.append(.reload) }
    s.advancePages()
    if let q = s.quitArmedUntil, now >= q { s.quitArmedUntil = nil }
    return (s, effects)
}

extension WallState {
    /// `q` twice within two seconds quits (the first shows a hint); Ctrl-C quits as SIGINT would;
    /// with `--no-keys` every key is ignored; any other key does nothing.
    mutating func press(_ key: Key) {
        guard !options.noKeys else { return }
        switch key {
        case .ctrlC:
            quit = true
        case .char("q"), .char("Q"):
            if let until = quitArmedUntil, now < until {
                quit = true
            } else {
                quitArmedUntil = now.addingTimeInterval(WallState.quitWindow)
            }
        default:
            break
        }
    }

    /// Moves to the next page when the current one has had its dwell (more than one when the loop
    /// slept through several, e.g. a suspended machine: it lands where the schedule says, no catching up).
    mutating func advancePages() {
        let p = pages
        guard !p.isEmpty else { return }
        if pageIndex >= p.count { pageIndex = 0 }
        var guardSteps = 0
        while now.timeIntervalSince(pageStarted) >= p[pageIndex].dwell, guardSteps < p.count {
            pageStarted = pageStarted.addingTimeInterval(p[pageIndex].dwell)
            pageIndex = (pageIndex + 1) % p.count
            guardSteps += 1
        }
        // Asleep for longer than a whole rotation: start the current page now.
        if now.timeIntervalSince(pageStarted) >= p[pageIndex].dwell { pageStarted = now }
    }
}
