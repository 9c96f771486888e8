import Foundation

extension ThemeFile {
    /// The theme files (`NAME.yaml`) in some folders, by name; a name in an earlier folder wins.
    /// Folders that do not exist are skipped.
    public static func files(in folders: [String]) -> [String: String] {
        var found: [String: String] = [:]
        for folder in folders.reversed() {
            guard let items = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for item in items where item.hasSuffix(".yaml") || item.hasSuffix(".yml") {
                let name = URL(fileURLWithPath: item).deletingPathExtension().lastPathComponent
                if name.hasPrefix(".") || name.lowercased() == "readme" { continue }
                found[name] = URL(fileURLWithPath: folder).appendingPathComponent(item).path
            }
        }
        return found
    }

    /// The user's theme folder: `$XDG_CONFIG_HOME/csdash/themes`, else `~/.config/csdash/themes`.
    public static func userFolder(environment env: [String: String]) -> String? {
        if let x = env["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x + "/csdash/themes" }
        guard let home = env["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/csdash/themes"
    }

    /// The installed theme folder next to an executable: `PREFIX/share/csdash/Themes` for `PREFIX/bin/csdash`,
    /// or `Themes` beside it (an unpacked `make dist` tarball).
    public static func installedFolders(executable: URL?) -> [String] {
        guard let bin = executable?.resolvingSymlinksInPath().deletingLastPathComponent() else { return [] }
        return [bin.deletingLastPathComponent().appendingPathComponent("share/csdash/Themes").path,
                bin.appendingPathComponent("Themes").path]
    }
}
