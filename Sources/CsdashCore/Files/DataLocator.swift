import Foundation

/// Finds the data directory: the argument, then `--data`, then `$CSDASH_DATA`, then the bundled sample data
/// (installed under `PREFIX/share/csdash`, or found in the source tree above the executable).
public enum DataLocator {
    public static let sampleName = "gloucestershire"

    public static func resolve(argument: String?, option: String?, environment: [String: String],
                               executable: URL?) -> String? {
        if let argument, !argument.isEmpty { return argument }
        if let option, !option.isEmpty { return option }
        if let env = environment["CSDASH_DATA"], !env.isEmpty { return env }
        return bundledSample(executable: executable)
    }

    /// This program's executable, for finding what is installed beside it. On Linux straight from
    /// `/proc/self/exe`: `Bundle.main` costs about 4 M instructions to set up, a tenth of a first frame.
    public static var executable: URL? {
        #if os(Linux)
        var buf = [CChar](repeating: 0, count: 4097)
        let n = readlink("/proc/self/exe", &buf, 4096)
        if n > 0 {
            return URL(fileURLWithPath: String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        #endif
        return Bundle.main.executableURL
    }

    public static func bundledSample(executable: URL?) -> String? {
        guard let exe = executable?.resolvingSymlinksInPath() else { return nil }
        let fm = FileManager.default
        let bin = exe.deletingLastPathComponent()
        var candidates = [
            bin.deletingLastPathComponent().appendingPathComponent("share/csdash/\(sampleName)"),
            bin.appendingPathComponent("sample-data/\(sampleName)"),
        ]
        var dir = bin
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("sample-data/\(sampleName)"))
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("indicators.yaml").path) }?.path
    }
}
