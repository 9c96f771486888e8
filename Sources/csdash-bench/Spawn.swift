import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One whole-process run: wall time from spawn to exit, peak resident memory, exit status, and stdout.
struct ProcessRun {
    var seconds: Double
    /// User + system CPU time: unlike wall time, it does not grow while other processes hold the cores.
    var cpuSeconds: Double
    var peakKB: Int
    var status: Int32
    var output: String
}

/// Runs `argv` with posix_spawn and reaps it with wait4 (which gives the child's peak RSS), stdout to a
/// temporary file (or /dev/null), stderr to /dev/null. Timing starts just before the spawn.
func spawn(_ argv: [String], captureOutput: Bool = false, environment: [String: String] = [:]) -> ProcessRun {
    let outPath = captureOutput ? NSTemporaryDirectory() + "csdash-bench-out-\(getpid())" : "/dev/null"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        cArgs.forEach { free($0) }
        cEnv.forEach { free($0) }
    }
    var pid: pid_t = 0
    let t0 = DispatchTime.now().uptimeNanoseconds
    let rc = posix_spawnp(&pid, argv[0], &actions, nil, cArgs, cEnv)
    guard rc == 0 else { return ProcessRun(seconds: .nan, cpuSeconds: .nan, peakKB: 0, status: -1, output: "") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
    var output = ""
    if captureOutput {
        output = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        unlink(outPath)
    }
    let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return ProcessRun(seconds: seconds, cpuSeconds: secs(usage.ru_utime) + secs(usage.ru_stime),
                      peakKB: Int(usage.ru_maxrss), status: exit, output: output)
}

/// The peak resident memory of `argv`, in KB. A child's `ru_maxrss` also counts the memory of the process
/// it was spawned from (until its exec), so the bench (which holds a loaded dataset) starts it through a
/// small Python process instead, whose own few MB stay below any csdash run's.
func peakMemoryKB(_ argv: [String]) -> Int {
    let program = """
    import os, sys
    pid = os.posix_spawn(sys.argv[1], sys.argv[1:], os.environ,
                         file_actions=[(os.POSIX_SPAWN_OPEN, 1, '/dev/null', os.O_WRONLY, 0),
                                       (os.POSIX_SPAWN_OPEN, 2, '/dev/null', os.O_WRONLY, 0)])
    _, status, usage = os.wait4(pid, 0)
    print(usage.ru_maxrss if status == 0 else -1)
    """
    let r = spawn(["python3", "-c", program] + argv, captureOutput: true)
    return Int(r.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
}

/// Best (lowest) of several values, and the median for context.
struct Sample {
    var values: [Double] = []
    mutating func add(_ v: Double) { if v.isFinite { values.append(v) } }
    var best: Double { values.min() ?? .nan }
    var median: Double {
        let s = values.sorted()
        return s.isEmpty ? .nan : s[s.count / 2]
    }
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// This thread's CPU time in seconds (it does not count time spent waiting for a core).
func threadCPU() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}
func seconds(since t0: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9 }
