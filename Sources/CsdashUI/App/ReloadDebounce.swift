import Foundation

/// When to re-read the data after files change: once they have been quiet for `quiet` seconds (so a file
/// still being written is not read half-way), but no later than `limit` seconds after the first change (a
/// directory that never goes quiet is still reloaded). Pure: the caller passes the time. The wall keeps one
/// in its state; the dashboard's loop keeps one at its edge.
public struct ReloadDebounce: Sendable, Equatable {
    public var quiet: TimeInterval
    public var limit: TimeInterval
    /// When the pending reload is due, and when the first unanswered change came in.
    public private(set) var due: Date?
    public private(set) var firstChange: Date?

    public init(quiet: TimeInterval = 0.4, limit: TimeInterval = 1.5) {
        self.quiet = quiet
        self.limit = limit
    }

    /// A file changed at `now`.
    public mutating func changed(at now: Date) {
        let first = firstChange ?? now
        firstChange = first
        due = min(now.addingTimeInterval(quiet), first.addingTimeInterval(limit))
    }

    /// True once, when the reload is due at `now` (and the debounce resets).
    public mutating func fire(at now: Date) -> Bool {
        guard let d = due, now >= d else { return false }
        due = nil
        firstChange = nil
        return true
    }
}
