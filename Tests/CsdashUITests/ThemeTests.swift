import CsdashCore
@testable import CsdashUI
import Foundation
import XCTest

let themesDir = repoRoot.appendingPathComponent("Themes")

final class ShippedThemesTests: XCTestCase {
    /// The compiled-in themes are the files in Themes/, every one of them (`make themes` compiles them in).
    func testCompiledInThemesMatchTheFiles() throws {
        for (name, text) in ShippedThemes.files {
            XCTAssertEqual(text, try String(contentsOf: themesDir.appendingPathComponent("\(name).yaml"), encoding: .utf8),
                           "Themes/\(name).yaml changed: run `make themes` to compile the themes in again")
        }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: themesDir.path).filter { $0.hasSuffix(".yaml") }
        XCTAssertEqual(onDisk.sorted(), ShippedThemes.files.map { "\($0.name).yaml" }.sorted(),
                       "a theme was added or removed in Themes/: run `make themes`")
    }
}

final class CompiledThemesTests: XCTestCase {
    /// The compiled-in styles are what the files say, and the catalog and `Theme.standard`/`.monochrome` give
    /// the same themes as parsing the files would.
    func testCompiledThemesEqualTheParsedFiles() throws {
        for (name, text) in ShippedThemes.files {
            let parsed = try Theme.parse(text, file: "\(name).yaml", over: .standard).get()
            let compiled = try XCTUnwrap(ShippedThemes.compiled[name], name)
            XCTAssertEqual(compiled.styles, parsed.styles, name)
            XCTAssertEqual(compiled.description, parsed.description, name)
            XCTAssertEqual(try ThemeCatalog(folders: []).theme(name).get(), parsed, name)
        }
        XCTAssertEqual(Theme.standard, try Theme.parse(ShippedThemes.text("default")!, file: "default.yaml",
                                                       over: Theme(name: "default", styles: [:])).get())
        XCTAssertEqual(Theme.monochrome, try Theme.parse(ShippedThemes.text("mono")!, file: "mono.yaml",
                                                         over: Theme(name: "mono", styles: [:])).get())
    }
}

final class ThemeTests: XCTestCase {
    static let names = ["default", "light", "high-contrast", "colour-blind", "mono"]

    func shipped(_ name: String) throws -> Theme {
        try ThemeCatalog(folders: []).theme(name).get()
    }

    func testEveryShippedThemeParsesFromItsFile() throws {
        for name in Self.names {
            let path = themesDir.appendingPathComponent("\(name).yaml").path
            let spec = try ThemeFile.load(path: path, roles: Role.fileNames).get()
            XCTAssertEqual(spec.name, name)
            XCTAssertFalse(spec.description.isEmpty, name)
            // Each shipped theme sets every role, in the role names of today (no old aliases).
            XCTAssertEqual(Set(spec.roles.keys), Set(Role.allCases.map(\.rawValue)), name)
            XCTAssertEqual(try shipped(name).name, name)
        }
        XCTAssertEqual(Theme.standard.name, "default")
        XCTAssertEqual(Theme.standard.styles.count, Role.allCases.count)
        XCTAssertEqual(Theme.standard[.worse], Style(fg: .indexed(203), bold: true))
    }

    func testMonoHasNoColourAndStatusDiffersByAttribute() throws {
        let mono = Theme.monochrome
        XCTAssertEqual(mono.name, "mono")
        for role in Role.allCases {
            XCTAssertEqual(mono[role].fg, .default, "\(role)")
            XCTAssertEqual(mono[role].bg, .default, "\(role)")
        }
        // A selected row is not reversed, so its sparkline is not drawn as a negative.
        XCTAssertFalse(mono[.selection].reverse)
        XCTAssertTrue(mono[.selection].underline)
        XCTAssertEqual(Set([Status.better, .within, .worse, .none].map { mono.status($0) }).count, 4)
    }

    func testRolesLeftOutFallBackToDefault() throws {
        let t = try Theme.parse("name: half\nroles:\n  worse: {fg: magenta}\n  muted: {fg: 3}\n", file: "half.yaml").get()
        XCTAssertEqual(t.name, "half")
        XCTAssertEqual(t[.worse], Style(fg: .indexed(5)))
        XCTAssertEqual(t[.muted], Style(fg: .indexed(3)), "the old role name 'muted' still works")
        XCTAssertEqual(t[.better], Theme.standard[.better])
        XCTAssertEqual(t[.selection], Theme.standard[.selection])
    }

    func testUnknownRoleIsAnErrorWithItsLine() {
        guard case let .failure(e) = Theme.parse("roles:\n  text: {}\n  wrose: {fg: 1}\n", file: "x.yaml") else { return XCTFail() }
        XCTAssertTrue(e.description.hasPrefix("x.yaml:3: error: unknown role 'wrose' (roles: text, dim-text, accent,"), e.description)
    }

    /// Status colours differ at every depth: as colours where there is colour, as attributes in mono.
    func testStatusColoursDistinctAtEveryDepth() throws {
        for name in Self.names {
            let theme = try shipped(name)
            for depth in ColorDepth.allCases {
                let styles = [Status.better, .within, .worse].map { depth.map(theme.status($0)) }
                if name == "mono" || depth == .mono {
                    let palette = depth == .mono ? Theme.monochrome : theme
                    let mono = [Status.better, .within, .worse].map { depth.map(palette.status($0)) }
                    XCTAssertEqual(Set(mono).count, 3, "\(name) at \(depth): \(mono)")
                } else {
                    XCTAssertEqual(Set(styles.map(\.fg)).count, 3, "\(name) at \(depth): \(styles)")
                    XCTAssertFalse(styles.contains { $0.fg == .default }, "\(name) at \(depth)")
                }
            }
        }
    }

    /// Under simulated deuteranopia and protanopia (Machado et al. 2009, full severity) the colour-blind
    /// theme's better, within and worse stay apart in colour and in lightness; the default theme's red and
    /// green do not (which is why the colour-blind theme exists, and shows the check can fail).
    func testColourBlindThemeSurvivesDeuteranopiaAndProtanopia() throws {
        let cb = try shipped("colour-blind"), std = try shipped("default")
        for (vision, m) in [("deuteranopia", Vision.deuteranopia), ("protanopia", Vision.protanopia), ("normal", Vision.normal)] {
            let labs = [Status.better, .within, .worse].map { Vision.lab(Vision.simulate(ColorDepth.rgb(of: cb.status($0).fg)!, m)) }
            for i in 0..<3 {
                for j in (i + 1)..<3 {
                    let de = Vision.deltaE(labs[i], labs[j])
                    XCTAssertGreaterThan(de, 20, "colour-blind \(vision): statuses \(i) and \(j) too close (ΔE \(de))")
                    XCTAssertGreaterThan(abs(labs[i].l - labs[j].l), 10, "colour-blind \(vision): statuses \(i) and \(j) same lightness")
                }
            }
        }
        let d = [Status.better, .worse].map { Vision.lab(Vision.simulate(ColorDepth.rgb(of: std.status($0).fg)!, Vision.deuteranopia)) }
        XCTAssertLessThan(Vision.deltaE(d[0], d[1]), 20, "default's green and red should look alike to a deuteranope")
    }

    func testCatalogUserFileOverridesAShippedTheme() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("csdash-cat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "name: light\nroles:\n  worse: {fg: \"#ff00ff\"}\n".write(to: dir.appendingPathComponent("light.yaml"), atomically: true, encoding: .utf8)
        try "roles:\n  text: {fg: 3}\n".write(to: dir.appendingPathComponent("paper.yaml"), atomically: true, encoding: .utf8)
        try "roles:\n  text: {fg: 300}\n".write(to: dir.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let cat = ThemeCatalog(folders: [dir.path])
        XCTAssertEqual(cat.names, ["default", "light", "high-contrast", "colour-blind", "mono", "broken", "paper"])
        XCTAssertEqual(try cat.theme("light").get()[.worse], Style(fg: .rgb(255, 0, 255)))
        XCTAssertEqual(try cat.theme("paper").get()[.text], Style(fg: .indexed(3)))
        XCTAssertEqual(try cat.theme("colour-blind").get(), try ThemeCatalog(folders: []).theme("colour-blind").get())
        guard case let .failure(.broken(e)) = cat.theme("broken") else { return XCTFail() }
        XCTAssertTrue(e.description.hasSuffix("broken.yaml:2: error: text.fg: bad colour '300' (use #RRGGBB, 0-255, an ANSI name such as red or bright-blue, or default)"), e.description)
        guard case let .failure(.unknown(name, available)) = cat.theme("nope") else { return XCTFail() }
        XCTAssertEqual(name, "nope")
        XCTAssertEqual(available.count, 7)
        XCTAssertEqual(try cat.theme(dir.appendingPathComponent("paper.yaml").path).get()[.text], Style(fg: .indexed(3)))
    }
}

/// Colour-vision simulation (Machado, Oliveira and Fernandes 2009, severity 1) and CIE L*a*b*.
enum Vision {
    typealias M = [[Double]]
    static let normal: M = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
    static let protanopia: M = [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
    static let deuteranopia: M = [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]

    static func linear(_ v: Int) -> Double {
        let c = Double(v) / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    /// Linear RGB as seen with the given vision.
    static func simulate(_ c: (r: Int, g: Int, b: Int), _ m: M) -> [Double] {
        let v = [linear(c.r), linear(c.g), linear(c.b)]
        return m.map { row in min(1, max(0, zip(row, v).map(*).reduce(0, +))) }
    }

    static func lab(_ rgb: [Double]) -> (l: Double, a: Double, b: Double) {
        let x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047
        let y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
        let z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883
        func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    static func deltaE(_ p: (l: Double, a: Double, b: Double), _ q: (l: Double, a: Double, b: Double)) -> Double {
        ((p.l - q.l) * (p.l - q.l) + (p.a - q.a) * (p.a - q.a) + (p.b - q.b) * (p.b - q.b)).squareRoot()
    }
}

final class ThemeKeyTests: XCTestCase {
    func testTCyclesThemesAndSaysWhich() throws {
        var s = try sampleState(width: 120, height: 40)
        s.themes = ["colour-blind", "default", "light"]
        s = update(s, .key(.char("t")))
        XCTAssertEqual(s.themeIndex, 1)
        XCTAssertEqual(s.notice, "theme: default (2 of 3; t for the next)")
        XCTAssertTrue(AppView.render(s, theme: .standard, glyphs: .unicode).text.contains(" theme: default (2 of 3; t for the next)"))
        s = update(s, .key(.char("t")))
        s = update(s, .key(.char("t")))
        XCTAssertEqual(s.themeIndex, 0, "wraps round")
        s = update(s, .key(.down))
        XCTAssertNil(s.notice, "any key clears the notice")
        XCTAssertEqual(s.themeIndex, 0)
        var none = try sampleState()
        none = update(none, .key(.char("t")))
        XCTAssertEqual(none.themeIndex, 0)
        XCTAssertEqual(none.notice, "no other themes")
    }

    func testTIsInTheKeyTableAndHelp() throws {
        XCTAssertEqual(KeyBindings.action(for: .char("t")), .cycleTheme)
        var s = try sampleState(width: 120, height: 40)
        try s.open(view: "help")
        XCTAssertTrue(AppView.render(s, theme: .monochrome, glyphs: .unicode).text.contains("t      next colour theme"))
    }
}

/// A theme keeps a style for each role by the role's index.
final class ThemeTableTests: XCTestCase {
    func testEachRoleHasItsOwnPlace() {
        XCTAssertEqual(Role.allCases.map(\.index), Array(0..<Role.allCases.count))
        var t = Theme(name: "x")
        XCTAssertEqual(t.styles.count, 0)
        for (k, role) in Role.allCases.enumerated() { t.set(role, Style(fg: .indexed(UInt8(k)))) }
        for (k, role) in Role.allCases.enumerated() { XCTAssertEqual(t[role], Style(fg: .indexed(UInt8(k))), "\(role)") }
        XCTAssertEqual(Theme(name: "x", styles: t.styles), t, "styles round-trips")
        XCTAssertEqual(Theme(name: "y", styles: [.worse: Style(bold: true)])[.better], .plain, "a role without a style is plain")
    }
}
