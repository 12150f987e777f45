// swift-tools-version:6.0
// spiketty: a terminal lab for sampling-based computation with spiking neurons.
// Targets and their one-way dependencies follow shared/DESIGN.md ("Targets").
import PackageDescription

let package = Package(
    name: "spiketty",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "spiketty", targets: ["spiketty"]),
        .executable(name: "spiketty-fuzz", targets: ["spiketty-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Pure simulation engine: no terminal, no files, no clocks.
        .target(name: "SpikeCore"),
        // Terminal-independent cell buffer, widgets, themes, the TerminalIO protocol.
        .target(name: "Canvas"),
        // ncursesw as a system library; shim.h switches on the wide API (terminal.md 1.2).
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        // The only code that talks to ncurses.
        .target(name: "Terminal", dependencies: ["CNcursesw", "Canvas"]),
        // Scenario files: parse, validate, build experiments.
        .target(
            name: "Scenarios",
            dependencies: ["SpikeCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // Session logs (write, read, replay checks), spike/state/asciicast/NEST exports; text in, text out.
        .target(name: "Recording", dependencies: ["SpikeCore", "Scenarios"]),
        // App state machine, key map, frame loop, one screen per scenario kind.
        .target(name: "App", dependencies: ["SpikeCore", "Scenarios", "Canvas", "Recording"]),
        // Benchmark workloads (issue 13), their timing, and the peer simulators' runner.
        .target(name: "Bench", dependencies: ["SpikeCore", "App", "Scenarios", "Canvas", "Terminal"]),
        // The command line: builds the terminal (real or headless) and hands it to the app.
        .executableTarget(
            name: "spiketty",
            dependencies: [
                "App", "Terminal", "Scenarios", "SpikeCore", "Canvas", "Recording", "Bench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Seeded mutation fuzzing of the scenario, theme and session-log readers (issue 12).
        .target(name: "Fuzz", dependencies: ["Scenarios", "Canvas", "Recording"]),
        .executableTarget(name: "spiketty-fuzz", dependencies: ["Fuzz"]),
        .testTarget(name: "SpikeCoreTests", dependencies: ["SpikeCore"]),
        .testTarget(name: "CanvasTests", dependencies: ["Canvas"], exclude: ["Snapshots"]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Canvas"], exclude: ["determinism-checksums.txt"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "SpikeCore"]),
        .testTarget(name: "BenchTests", dependencies: ["Bench", "SpikeCore", "App", "Scenarios"]),
        .testTarget(name: "AppTests", dependencies: ["App", "Scenarios", "SpikeCore", "Canvas"]),
        .testTarget(name: "RecordingTests", dependencies: ["Recording", "App", "Scenarios", "SpikeCore", "Canvas"]),
        .testTarget(name: "FuzzTests", dependencies: ["Fuzz", "Scenarios", "Canvas", "Recording"], exclude: ["Corpus"]),
    ]
)
