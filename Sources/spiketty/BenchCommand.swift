import App
import ArgumentParser
import Bench
import Foundation
import Scenarios

/// `spiketty bench`: the benchmark workloads of issue 13 (network simulation against the
/// reference table, and frame rendering of every screen), optionally side by side with NEST and
/// Brian2 running the same networks (`--compare`).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the engine and the screens (optionally against NEST and Brian2).",
        discussion: """
        Workloads: \(BenchCatalog.names.joined(separator: ", ")).
        Network workloads time the simulate call only (set-up excluded), as the peers' scripts do.
        'frames' runs every shipped scenario's screen at --sizes: simulation, drawing into the cell buffer, and
        the present of the changed cells to a pseudo-terminal (TERM=xterm-256color; our escape writer, ncurses with
        SPIKETTY_WRITER=ncurses), counting the bytes sent.
        --compare runs the same networks in NEST and Brian2 (C++ standalone) through the scripts in
        Benchmarks/peers/ when they are installed (pip install nest-simulator brian2 "numpy<2.4").
        """)

    @Argument(help: "Workloads to run (default: all).", completion: .list(BenchCatalog.names))
    var workloads: [String] = []

    @Option(help: "Repetitions per workload (median, min and max are reported).")
    var repetitions: Int = 3

    @Option(help: "Multiply every network workload's biological duration by this factor (e.g. 0.1 for a quick look).")
    var durationScale: Double = 1

    @Option(help: "Terminal sizes for 'frames', e.g. 80x24,200x60.")
    var sizes: String = "80x24,200x60"

    @Option(help: "Frames per scenario and size for 'frames'.")
    var frames: Int = 200

    @Option(name: .customLong("fps"), help: ArgumentHelp(
        "Frame rate 'frames' measures at: each frame simulates speed × 1000/N ms, as 'spiketty run --fps N' does, and the core share is the cost of N such frames per second.",
        valueName: "n"))
    var framesPerSecond = 60

    @Option(help: ArgumentHelp("Only these scenarios for 'frames' (comma-separated names; default: all).", valueName: "names"))
    var scenarios: String?

    @Flag(help: "Also run the network workloads in NEST and Brian2 and print the ratios.")
    var compare = false

    @Option(help: "Threads for our step loop (networks of at least 800 neurons are split; the spikes are the same for every count).")
    var threads: Int = 1

    @Option(help: "Threads for the peers in --compare.")
    var peerThreads: Int = 1

    @Option(help: "Folder with the peer scripts (default: Benchmarks/peers of this checkout).")
    var peers: String?

    @Option(help: "Write each network workload's definition as JSON into this folder (for running the peer scripts by hand).")
    var writeSpecs: String?

    @Flag(help: "Print machine-readable JSON instead of tables.")
    var json = false

    func validate() throws {
        guard (1...1000).contains(repetitions) else { throw ValidationError("--repetitions must be in 1...1000, got \(repetitions)") }
        guard durationScale > 0, durationScale <= 100 else { throw ValidationError("--duration-scale must be in (0, 100], got \(durationScale)") }
        guard (1...100_000).contains(frames) else { throw ValidationError("--frames must be in 1...100000, got \(frames)") }
        guard SpikettyApp.framesPerSecondRange.contains(framesPerSecond) else {
            let range = SpikettyApp.framesPerSecondRange
            throw ValidationError("--fps: expected a whole number of frames per second from \(range.lowerBound) to \(range.upperBound), got \(framesPerSecond)")
        }
        if let scenarios {
            let locator = ScenarioLocator.standard()
            let known = Set(locator.available().map(\.name))
            for name in scenarios.split(separator: ",").map(String.init) where !known.contains(name) {
                throw ValidationError("--scenarios: no scenario named '\(name)' in \(locator.searchDirectories.joined(separator: ", "))"
                                      + (known.isEmpty ? "" : "; available: \(known.sorted().joined(separator: ", "))"))
            }
        }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be in 1...64, got \(threads)") }
        guard (1...64).contains(peerThreads) else { throw ValidationError("--peer-threads must be in 1...64, got \(peerThreads)") }
        for w in workloads where !BenchCatalog.names.contains(w) {
            throw ValidationError("unknown workload '\(w)'; expected one of \(BenchCatalog.names.joined(separator: ", "))")
        }
        _ = try parsedSizes()
    }

    func parsedSizes() throws -> [(Int, Int)] {
        try sizes.split(separator: ",").map { item in
            let parts = item.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2, (10...1000).contains(parts[0]), (5...1000).contains(parts[1]) else {
                throw ValidationError("--sizes expects WIDTHxHEIGHT[,WIDTHxHEIGHT...] (10...1000 x 5...1000), got '\(item)'")
            }
            return (parts[0], parts[1])
        }
    }

    func run() throws {
        let chosen = workloads.isEmpty ? BenchCatalog.names : workloads
        var report = BenchReport(loadAverageBefore: BenchReport.loadAverage())
        report.threads = threads
        for name in chosen {
            if name == BenchCatalog.framesName {
                report.frames += try frameResults()
                continue
            }
            let built: BenchWorkload?
            do { built = try BenchCatalog.network(name, durationScale: durationScale, threads: threads) } catch {
                printError("spiketty: bench \(name): \(error)")
                throw ExitCode(1)
            }
            guard let workload = built else { continue }
            if let dir = writeSpecs, let spec = workload.peerSpec {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                let path = dir + "/" + name + ".json"
                do { try encoder.encode(spec).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                    printError("spiketty: cannot write \(path): \(error.localizedDescription)")
                    throw ExitCode(1)
                }
            }
            if !json { FileHandle.standardError.write(Data("running \(name) ...\n".utf8)) }
            let result = BenchRunner.run(workload, repetitions: repetitions)
            report.results.append(result)
            if compare, let spec = workload.peerSpec {
                report.comparisons.append(comparePeers(spec: spec, ours: result))
            }
        }
        report.loadAverageAfter = BenchReport.loadAverage()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.table())
        }
    }

    private func frameResults() throws -> [BenchReport.FrameResult] {
        var out: [BenchReport.FrameResult] = []
        let locator = ScenarioLocator.standard()
        let only = scenarios.map { Set($0.split(separator: ",").map(String.init)) }
        for (name, path) in locator.available() where only?.contains(name) ?? true {
            let scenario = try loadScenarioOrExit(path)
            for (w, h) in try parsedSizes() {
                if !json { FileHandle.standardError.write(Data("drawing \(name) at \(w)x\(h) to a pseudo-terminal ...\n".utf8)) }
                do {
                    let r = try TerminalFrameBenchmark.run(scenario, name: name, width: w, height: h, frames: frames,
                                                               framesPerSecond: framesPerSecond)
                    out.append(.init(scenario: name, size: r.size, frames: frames, framesPerSecond: framesPerSecond, simulateMs: r.simulateMs, drawMs: r.drawMs,
                                     presentMs: r.presentMs, drawCpuMs: r.drawCpuMs, presentCpuMs: r.presentCpuMs,
                                     firstFrameBytes: r.firstFrameBytes, bytesPerFrame: r.bytesPerFrame))
                } catch {
                    printError("spiketty: \(error)")
                    throw ExitCode(1)
                }
            }
        }
        return out
    }

    private func comparePeers(spec: PeerSpec, ours: BenchRunner.Result) -> BenchReport.Comparison {
        let directory = peers ?? (ResourceRoot.checkoutRoot().map { $0 + "/Benchmarks/peers" } ?? "Benchmarks/peers")
        let runner = PeerRunner(scriptsDirectory: directory)
        var comparison = BenchReport.Comparison(workload: spec.name, oursS: ours.wallMedianS, oursSpikes: ours.spikes)
        for peer in PeerRunner.peers {
            if !json { FileHandle.standardError.write(Data("running \(spec.name) in \(peer.name) ...\n".utf8)) }
            switch runner.run(script: peer.script, spec: spec, threads: peerThreads) {
            case .measured(let m):
                comparison.peers.append(.init(simulator: m.simulator, version: m.version, seconds: m.simulate_s, spikes: m.spikes,
                                              note: nil))
            case .unavailable(let why):
                comparison.peers.append(.init(simulator: peer.name, version: nil, seconds: nil, spikes: nil, note: why))
            case .failed(let why):
                comparison.peers.append(.init(simulator: peer.name, version: nil, seconds: nil, spikes: nil, note: "failed: \(why)"))
            }
        }
        return comparison
    }
}
