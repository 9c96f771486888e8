import CsdashCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches a data directory for saved files: inotify on Linux (its descriptor joins the terminal loop's
/// poll, so waiting costs nothing), or, elsewhere and where inotify is not available, a comparison of every
/// data file's size and modification time every `pollSeconds`. It only says "something changed"; the
/// program's update function waits for the files to go quiet before reloading (`ReloadDebounce`).
public final class FileWatcher {
    public let directory: String
    /// The inotify descriptor to poll; nil in the poll fallback.
    public private(set) var fd: Int32?
    private var directoryWatch: Int32 = -1
    private var folderWatches: [String: Int32] = [:]
    private var lastStamps: [DataFileStamp]
    private var pendingStamps: [DataFileStamp]?
    /// How often the fallback looks. A change is reported once two looks agree, so at most two intervals
    /// after the last write.
    public static let pollSeconds: TimeInterval = 0.4
    /// How often the fallback looks (nil when inotify is in use).
    public var pollInterval: TimeInterval? { fd == nil ? Self.pollSeconds : nil }

    /// `forcePolling` uses the fallback even where inotify works (tests, and `CSDASH_WATCH=poll`).
    public init(directory: String, forcePolling: Bool = false) {
        self.directory = directory
        lastStamps = DataFiles.stamps(directory)
        guard !forcePolling else { return }
        startWatching()
    }

    deinit {
        if let fd { close(fd) }
    }

    /// Whether a name inside the watched folders is one csdash reads (editors' swap and backup files are not).
    static func relevant(_ name: String) -> Bool {
        let n = name.lowercased()
        return n.isEmpty || n == "indicators.yaml" || n == "risks.yaml" || DataFiles.folders.contains(n) || n.hasSuffix(".csv")
    }

    /// The fallback: true once the files' sizes and times differ from the last report and have stayed the
    /// same for one more look (so a file still being written is not reported yet).
    public func check() -> Bool {
        let now = DataFiles.stamps(directory)
        defer { pendingStamps = now == lastStamps ? nil : now }
        guard now != lastStamps, let pending = pendingStamps, pending == now else { return false }
        lastStamps = now
        return true
    }
}

#if os(Linux)
extension FileWatcher {
    static let mask: UInt32 = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_MODIFY
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Opens inotify on the directory and its folders; leaves `fd` nil (the fallback) when it cannot.
    private func startWatching() {
        let ifd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard ifd >= 0 else { return }
        directoryWatch = inotify_add_watch(ifd, directory, FileWatcher.mask)
        guard directoryWatch >= 0 else {
            close(ifd)
            return
        }
        fd = ifd
        for f in DataFiles.folders { watchFolder(f) }
    }

    /// Watches a folder of CSV files (history/, authorities/), when it exists.
    private func watchFolder(_ name: String) {
        guard let fd else { return }
        let p = URL(fileURLWithPath: directory).appendingPathComponent(name).path
        folderWatches[name] = inotify_add_watch(fd, p, FileWatcher.mask)
    }

    /// Reads the inotify events waiting (call when its descriptor is readable): true when a data file changed.
    public func drain() -> Bool {
        guard let fd else { return false }
        var changed = false
        var lostDirectory = false
        var buffer = [UInt8](repeating: 0, count: 8192)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            var i = 0
            // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
            while i + 16 <= n {
                let wd = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i, as: Int32.self) }
                let mask = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i + 4, as: UInt32.self) }
                let len = Int(buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: i + 12, as: UInt32.self) })
                let nameBytes = buffer[(i + 16)..<min(n, i + 16 + len)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                if FileWatcher.relevant(name) { changed = true }
                if DataFiles.folders.contains(name), mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchFolder(name) }
                // The directory itself was deleted, moved or replaced: its watch is gone.
                if wd == directoryWatch, mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 {
                    lostDirectory = true
                    changed = true
                }
                i += 16 + len
            }
        }
        if lostDirectory { rewatch() }
        return changed
    }

    /// Watches the directory again after it was replaced; while it is missing, falls back to polling (which
    /// notices when it comes back).
    private func rewatch() {
        guard let ifd = fd else { return }
        directoryWatch = inotify_add_watch(ifd, directory, FileWatcher.mask)
        if directoryWatch < 0 {
            close(ifd)
            fd = nil
            lastStamps = DataFiles.stamps(directory)
            return
        }
        for f in DataFiles.folders { watchFolder(f) }
    }
}
#else
extension FileWatcher {
    /// No inotify here: the fallback polls.
    private func startWatching() {}

    /// Never called: there is no descriptor to read.
    public func drain() -> Bool { false }
}
#endif
