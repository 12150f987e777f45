import Foundation
import Scenarios
import SpikeCore

/// The figures of a headless run, as a readable table or as the one JSON object that
/// shared/DESIGN.md ("Headless output") specifies.
public struct HeadlessReport: Sendable {
    public var scenario: String
    public var seed: UInt64
    public var durationMs: Double
    public var hardware: String
    /// Wall-clock the emulated chip needs for `durationMs` (nil for the ideal model), ms.
    public var chipWallMs: Double?
    public var readout: Readout
    /// Set when the run ended with a non-finite state or readout (the figures are not to be trusted).
    public var fault: NumericalFault? = nil

    public init(scenario: String, seed: UInt64, durationMs: Double, hardware: String = "ideal", chipWallMs: Double? = nil,
                readout: Readout) {
        self.scenario = scenario
        self.seed = seed
        self.durationMs = durationMs
        self.hardware = hardware
        self.chipWallMs = chipWallMs
        self.readout = readout
    }

    /// Runs `experiment` for `durationMs` of biological time without a terminal and reports.
    public static func run(_ scenario: Scenario, seed: UInt64? = nil, durationMs: Double) -> HeadlessReport {
        let experiment = ExperimentBuilder.make(scenario, seed: seed)
        experiment.advance(by: durationMs)
        let profile = scenario.hardwareProfile
        let readout = experiment.readout()
        var report = HeadlessReport(scenario: scenario.name, seed: seed ?? scenario.seed, durationMs: experiment.timeMs,
                                    hardware: profile.name, chipWallMs: profile.clock?.chipWallMs(biologicalMs: experiment.timeMs),
                                    readout: readout)
        report.fault = NumericalGuard.check(experiment, readout: readout)
        return report
    }

    /// A two-column table: figure name and value, then each series' last point.
    public var table: String {
        var lines = ["scenario  \(scenario)", "seed      \(seed)", "duration  \(JSONText.number(durationMs)) ms",
                     "hardware  \(hardware)" + (chipWallMs.map { " (chip wall clock \(JSONText.number($0)) ms)" } ?? ""), ""]
        let width = max(6, readout.figures.map(\.name.count).max() ?? 0)
        let values = readout.figures.map { String(format6: $0.value) }
        let valueWidth = max(5, values.map(\.count).max() ?? 0)
        func rightAligned(_ s: String) -> String { String(repeating: " ", count: max(0, valueWidth - s.count)) + s }
        lines.append("figure".padding(to: width) + "  " + rightAligned("value") + "  meaning")
        for (f, value) in zip(readout.figures, values) {
            lines.append(f.name.padding(to: width) + "  " + rightAligned(value) + "  " + f.label)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One JSON object: scenario, seed, duration_ms, hardware, figures (name → number, in the
    /// scenario's documented order) and series (name → [[t_ms, value], ...]).
    public var json: String {
        let figures = readout.figures.map { "\(JSONText.string($0.name)): \(JSONText.number($0.value))" }
        let series = readout.series.map { s in
            JSONText.string(s.name) + ": [" + s.points.map { "[\(JSONText.number($0.timeMs)), \(JSONText.number($0.value))]" }
                .joined(separator: ", ") + "]"
        }
        return "{\"scenario\": \(JSONText.string(scenario)), \"seed\": \(seed), \"duration_ms\": \(JSONText.number(durationMs)), "
            + "\"hardware\": \(JSONText.string(hardware)),\n \"figures\": {" + figures.joined(separator: ", ") + "},\n"
            + " \"series\": {" + series.joined(separator: ", ") + "}}\n"
    }
}

/// Minimal JSON text for the headless report. Written by hand rather than with
/// Foundation's JSONEncoder because the figures must keep their documented order (a
/// dictionary would not) and non-finite numbers must become `null` instead of an error.
enum JSONText {
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// A number with four significant digits (scientific below 1e-3 and from 1e6), for tables and panels.
    init(format6 d: Double) {
        guard d.isFinite else { self = d.isNaN ? "—" : (d > 0 ? "∞" : "-∞"); return }
        let a = abs(d)
        if a != 0 && (a < 1e-3 || a >= 1e6) {
            self = SignificantDecimal.format(d, digits: 4, style: .exponential)
        } else {
            self = FixedDecimal.format(d, decimals: a >= 1000 ? 1 : a >= 100 ? 2 : a >= 10 ? 3 : 4)
        }
    }
}
