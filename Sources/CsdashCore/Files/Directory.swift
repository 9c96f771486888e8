#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory's entries and the working directory, straight from the C library (FileManager's listing and
/// URL's path handling cost more than the loader's reading of the files they name).
enum Directory {
    struct Failure: Error {
        let code: Int32
        /// What the C library says, e.g. "Permission denied".
        var reason: String { String(cString: strerror(code)) }
    }

    /// The names in `path` (not `.` and `..`), in no particular order.
    static func names(_ path: String) -> Result<[String], Failure> {
        guard let dir = opendir(path) else { return .failure(Failure(code: errno)) }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { return .failure(Failure(code: errno)) }
                return .success(names)
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
    }

    /// The working directory, or nil when it cannot be told.
    static func current() -> String? {
        var buf = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buf, buf.count) != nil else { return nil }
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
