import Foundation

/// Independent pieces of work run at once on the available cores (`DispatchQueue.concurrentPerform`, which
/// also runs pieces on the calling thread), their results in the order of the pieces.
enum Parallel {
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if count == 1 { return [body(0)] }
        let results = Results<T>(count)
        DispatchQueue.concurrentPerform(iterations: count) { k in results.set(k, body(k)) }
        return results.values
    }

    /// The results as they come in, each written once under a lock.
    private final class Results<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [T?]

        init(_ count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ k: Int, _ value: T) {
            lock.lock()
            slots[k] = value
            lock.unlock()
        }

        var values: [T] {
            lock.lock()
            defer { lock.unlock() }
            return slots.map { $0! }
        }
    }
}
