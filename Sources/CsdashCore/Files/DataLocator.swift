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

    /// This program's executable, for finding what is installed beside it.
    public static var executable: URL? { Bundle.main.executableURL }

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
