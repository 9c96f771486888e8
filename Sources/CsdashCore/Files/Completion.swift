import CThreads
import Foundation
#if canImport(Synchronization) && os(Linux)
import Synchronization
#endif

/// Work on another thread that one thread waits for, woken without the scheduler where it can be.
///
/// Waiting by sleeping (a DispatchGroup, a condition) cost 0.4 to 1.3 ms on this kind of machine each time
/// the other thread finished: the waiting core had gone idle, and waking an idle virtual CPU is slow. Loading
/// waits twice before the first frame (for the history thread, then for the authorities thread), and those
/// waits were longer than the work left to do. So `wait` first checks a flag in a loop that gives way to any
/// other thread ready to run (`sched_yield`), so it never takes a core from the work it waits for, and
/// sleeps after 3 ms (a longer wait, on a large file, loses little to waking, and spinning through it would
/// take CPU time from the threads that parse it).
final class Completion: @unchecked Sendable {
    private let group = DispatchGroup()
    #if canImport(Synchronization) && os(Linux)
    private let flag = Atomic<Bool>(false)
    #endif

    init() { group.enter() }

    /// The work is done (call once).
    func signal() {
        #if canImport(Synchronization) && os(Linux)
        flag.store(true, ordering: .releasing)
        #endif
        group.leave()
    }

    func wait() {
        #if canImport(Synchronization) && os(Linux)
        var start = timespec(), now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &start)
        while !flag.load(ordering: .acquiring) {
            sched_yield()
            clock_gettime(CLOCK_MONOTONIC, &now)
            if (now.tv_sec - start.tv_sec) * 1_000_000_000 + (now.tv_nsec - start.tv_nsec) > 3_000_000 { break }
        }
        #endif
        group.wait()
    }

    /// Runs `work` on a thread of its own, started at once; `signal`s when it is done. A plain POSIX thread:
    /// libdispatch's global queue started a worker for the authorities file 1.3 to 2.5 ms after it was queued
    /// (measured on the sample's first frame), and Foundation's `Thread` sets up more than this needs. Should no
    /// thread start, the work is done here.
    ///
    /// The thread starts on another CPU than the one this thread is on, when there is one: left to the
    /// scheduler, it was often queued behind this thread on its CPU, and ran only when this thread waited for
    /// it, up to 3 ms later, while another CPU was idle. Once running it may use every CPU again, as may the
    /// threads it starts (the history loader splits a large file across cores).
    static func thread(_ work: @escaping @Sendable () -> Void) -> Completion {
        let done = Completion()
        var thread = pthread_t()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        var all = csdash_cpus()
        _ = csdash_elsewhere(&attributes, &all)
        let cpus = CPUs(all)
        let body = Unmanaged.passRetained(ThreadBody {
            var all = cpus.set
            csdash_anywhere(&all)
            work()
            done.signal()
        }).toOpaque()
        let started = pthread_create(&thread, &attributes, { arg in
            Unmanaged<ThreadBody>.fromOpaque(arg!).takeRetainedValue().run()
            return nil
        }, body)
        if started == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<ThreadBody>.fromOpaque(body).takeRetainedValue().run()
        }
        return done
    }

    /// The CPUs saved by `csdash_elsewhere`, handed to the new thread.
    private struct CPUs: @unchecked Sendable {
        let set: csdash_cpus
        init(_ set: csdash_cpus) { self.set = set }
    }

    private final class ThreadBody: @unchecked Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }
}
