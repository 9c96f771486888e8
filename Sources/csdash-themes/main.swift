import CsdashUI
import Foundation

// `make themes`: writes Sources/CsdashUI/Theme/ShippedThemes.swift from Themes/*.yaml, so that the shipped
// themes are compiled into the binary. Run from the repository's root; ShippedThemesTests and
// CompiledThemesTests fail while the two differ.

/// The shipped themes in the order `t` offers them: these first, then any other file in Themes/ by name.
let preferredOrder = ["default", "light", "high-contrast", "colour-blind", "mono"]

func literal(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

func literal(_ c: Color) -> String {
    switch c {
    case .default: return ".default"
    case let .indexed(i): return ".indexed(\(i))"
    case let .rgb(r, g, b): return ".rgb(\(r), \(g), \(b))"
    }
}

func literal(_ st: Style) -> String {
    var parts: [String] = []
    if st.fg != .default { parts.append("fg: " + literal(st.fg)) }
    if st.bg != .default { parts.append("bg: " + literal(st.bg)) }
    if st.bold { parts.append("bold: true") }
    if st.dim { parts.append("dim: true") }
    if st.reverse { parts.append("reverse: true") }
    if st.underline { parts.append("underline: true") }
    return "Style(" + parts.joined(separator: ", ") + ")"
}

/// The Swift source of `ShippedThemes.swift` for the theme files `texts` (name, file text), in order.
func source(_ texts: [(name: String, text: String)]) throws -> String {
    var out = [
        "// Generated from Themes/*.yaml: do not edit. Edit the YAML file, then run `make themes`.",
        "// ShippedThemesTests fails when this file and Themes/ differ.",
        "",
        "/// The shipped themes, compiled in so that every name works wherever the binary is copied.",
        "public enum ShippedThemes {",
        "    public static let files: [(name: String, text: String)] = [",
    ]
    for (name, text) in texts { out.append("        (\"\(name)\", #\"\"\"\n\(text)\n\"\"\"#),") }
    out += ["    ]", "", "    public static func text(_ name: String) -> String? { files.first { $0.name == name }?.text }", ""]
    out += ["    /// Each theme as its file reads (every shipped theme sets every role), so that no start-up parses them.",
            "    static let compiled: [String: (description: String, styles: [Role: Style])] = ["]
    for (name, text) in texts {
        let t = try Theme.parse(text, file: "\(name).yaml", over: Theme(name: name, styles: [:])).get()
        out.append("        \"\(name)\": (\(literal(t.description)), [")
        for role in Role.allCases { if let st = t.styles[role] { out.append("            .\(role): \(literal(st)),") } }
        out.append("        ]),")
    }
    out += ["    ]", "}"]
    return out.joined(separator: "\n") + "\n"
}

let themes = URL(fileURLWithPath: "Themes")
let target = URL(fileURLWithPath: "Sources/CsdashUI/Theme/ShippedThemes.swift")
do {
    let found = try FileManager.default.contentsOfDirectory(atPath: themes.path)
        .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
    let names = preferredOrder.filter(found.contains) + found.filter { !preferredOrder.contains($0) }.sorted()
    let texts = try names.map { (name: $0, text: try String(contentsOf: themes.appendingPathComponent("\($0).yaml"), encoding: .utf8)) }
    try source(texts).write(to: target, atomically: true, encoding: .utf8)
    print("csdash-themes: wrote \(target.relativePath) (\(names.joined(separator: ", ")))")
} catch {
    FileHandle.standardError.write(Data("csdash-themes: \(error)\n".utf8))
    exit(1)
}
