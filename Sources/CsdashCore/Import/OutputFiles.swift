import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the files an import produces, all of them or none: each text goes first to a temporary file beside its
/// target (in the same folder, so that the rename is atomic and a reader never sees half a file), and only when
/// every one is written are they renamed into place. On any failure the temporary files are removed and no target
/// is touched. A file that is replaced keeps its permissions (a read-only one stays read-only).
public enum OutputFiles {
    public struct Failure: Error, Sendable {
        public var path: String
        public var reason: String
    }

    public static func write(_ files: [(path: String, text: String)]) throws(Failure) {
        var written: [(temporary: String, target: String)] = []
        func discard() { for w in written { unlink(w.temporary) } }
        for f in files {
            do throws(Failure) {
                written.append((try temporary(f.text, for: f.path), f.path))
            } catch {
                discard()
                throw error
            }
        }
        for (i, w) in written.enumerated() where rename(w.temporary, w.target) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in written[i...] { unlink(rest.temporary) }
            throw Failure(path: w.target, reason: "cannot write: \(reason)")
        }
    }

    /// The text in a new temporary file in the target's folder, with the mode the target will have.
    private static func temporary(_ text: String, for path: String) throws(Failure) -> String {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var st = stat()
        guard stat(dir, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            throw Failure(path: path, reason: "the directory \(dir) does not exist")
        }
        let mode: mode_t
        if stat(path, &st) == 0 {
            guard st.st_mode & S_IFMT != S_IFDIR else { throw Failure(path: path, reason: "it is a directory") }
            mode = st.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o666 & ~mask
        }
        var template = Array((dir + "/." + url.lastPathComponent + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
        let temp = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: Int32 = 0
        do {
            try FileHandle(fileDescriptor: fd, closeOnDealloc: false).write(contentsOf: Data(text.utf8))
        } catch {
            failure = errno == 0 ? EIO : errno
        }
        if failure == 0, fchmod(fd, mode) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw Failure(path: path, reason: "cannot write: \(String(cString: strerror(failure)))")
        }
        return temp
    }
}
