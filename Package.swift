// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "csdash",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "csdash", targets: ["csdash"]),
        .library(name: "CsdashCore", targets: ["CsdashCore"]),
    ],
    dependencies: [
        // Command line: subcommands, --help, --version.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // YAML files, composed into nodes with their lines and columns (YAML/YAMLTree.swift).
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Pure core: model, loading, evaluation, reports. No terminal code.
        .target(
            name: "CsdashCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // Pure UI: cell grid, widgets, views, app state and its update function. No ncurses.
        .target(
            name: "CsdashUI",
            dependencies: ["CsdashCore"]
        ),
        // ncursesw through a shim header (see docs/architecture.md).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The one place that talks to the terminal.
        .target(
            name: "CsdashTerminal",
            dependencies: ["CsdashCore", "CsdashUI", "CNcursesw"]
        ),
        .executableTarget(
            name: "csdash",
            dependencies: [
                "CsdashCore", "CsdashUI", "CsdashTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "csdash-bench",
            dependencies: ["CsdashCore", "CsdashUI"],
            exclude: ["pty_bytes.py"]
        ),
        // make themes: compiles Themes/*.yaml into CsdashUI (ShippedThemes.swift).
        .executableTarget(name: "csdash-themes", dependencies: ["CsdashUI"]),
        // make fuzz: one entry that drives every parser and what follows it (docs/fuzzing.md).
        .target(name: "CsdashFuzz", dependencies: ["CsdashCore", "CsdashUI"]),
        .executableTarget(name: "csdash-fuzz", dependencies: ["CsdashFuzz"]),
        .testTarget(
            name: "CsdashCoreTests",
            dependencies: ["CsdashCore", "CsdashFuzz"]
        ),
        .testTarget(
            name: "CsdashUITests",
            dependencies: ["CsdashUI", "CsdashCore", "CsdashTerminal", "CsdashFuzz"],
            exclude: ["Golden"]
        ),
    ]
)
