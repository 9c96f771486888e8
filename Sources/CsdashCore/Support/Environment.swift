#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment as a dictionary, read straight from `environ`.
///
/// `ProcessInfo.processInfo.environment` gives the same dictionary but cost about 0.8 M instructions at every
/// start (half the settings' cost before the first frame). As `getenv` does, the first of two entries with the
/// same name wins; an entry without `=` is skipped.
public enum Environment {
    public static func current() -> [String: String] {
        var count = 0
        while environ[count] != nil { count += 1 }
        // Sized once: growing it six times for 40 entries cost more than reading them.
        var env = [String: String](minimumCapacity: count)
        var p = environ
        while let entry = p.pointee {
            let n = strlen(entry)
            if let eq = memchr(entry, 0x3D, n) {
                let k = UnsafeRawPointer(entry).distance(to: UnsafeRawPointer(eq))
                let bytes = UnsafeRawBufferPointer(start: entry, count: n).bindMemory(to: UInt8.self)
                let name = String(decoding: bytes[..<k], as: UTF8.self)
                if env[name] == nil {
                    env[name] = String(decoding: bytes[(k + 1)...], as: UTF8.self)
                }
            }
            p += 1
        }
        return env
    }
}
