import Foundation
import Testing
@testable import SpikeCore

/// The two least-action experiments against the anchors of science.md 6.4 and 6.6.
@Suite struct LeastActionExperimentTests {
    /// Fourier synthesis with the science.md 6.3 parameters: 400 ms nudged, 200 ms free.
    @Test func fourierSynthesisNeedsProspectiveCoding() {
        let experiment = LeastActionExperiment(config: LeastActionConfig())
        experiment.advance(by: 600)
        let r = experiment.readout()
        let with = r.figure("mse_free_prospective") ?? .nan
        let without = r.figure("mse_free_no_prospective") ?? .nan
        print("Fourier synthesis (seed 1234): free-phase MSE \(with) with prospective coding, \(without) without; "
              + "first 100 ms \(r.figure("mse_first_100ms") ?? .nan) vs \(r.figure("mse_first_100ms_no_prospective") ?? .nan); "
              + "free phase \(r.figure("free_phase_ms") ?? .nan) ms")
        #expect(with < 0.03)
        #expect(with < 0.1 * without)
        #expect(abs((r.figure("free_phase_ms") ?? 0) - 200) < 0.01)
        // The readout the screen draws: oscilloscope, heat strip (30 hidden units), energy and error series.
        #expect(r.traces.count == 3 && r.traces[0].values.count == 1001)
        #expect(r.landscapes.first?.rows == 30 && r.landscapes.first?.columns == 200)
        #expect(r.series.first { $0.name == "energy" }?.points.count == 600)
    }

    @Test func teacherStudentLearnsWithoutPhases() {
        let experiment = TeacherStudentExperiment(config: TeacherStudentConfig())
        experiment.advance(by: TeacherStudentTiming.durationMs)
        let r = experiment.readout()
        let ratio = r.figure("teacher_error_ratio") ?? .nan
        let ff = r.figure("feedforward_max_abs_diff") ?? .nan
        let lagged = r.figure("feedforward_max_abs_diff_no_prospective") ?? .nan
        let energy = try! #require(r.series.first { $0.name == "energy" }).points.map(\.value)
        let quarter = energy.count / 4
        let firstQuarter = energy.prefix(quarter).reduce(0, +) / Double(quarter)
        let lastQuarter = energy.suffix(quarter).reduce(0, +) / Double(quarter)
        print("teacher-student \(TeacherStudentTiming.durationMs) ms: error ratio \(ratio), MSE \(r.figure("mse_initial") ?? .nan) → "
              + "\(r.figure("mse_running") ?? .nan), energy \(r.figure("energy_initial") ?? .nan) → \(r.figure("energy_running_avg") ?? .nan) "
              + "(quarters \(firstQuarter) → \(lastQuarter)), weight distance \(r.figure("weight_distance") ?? .nan), "
              + "ff diff \(ff), lagged \(lagged)")
        #expect(ratio >= 10)
        #expect(ff < 1e-9)
        #expect(lagged > 0.01)
        #expect(lastQuarter < firstQuarter)
        #expect((r.figure("energy_running_avg") ?? .nan) < (r.figure("energy_initial") ?? .nan))
    }

    @Test func sameSeedSameRunBitForBit() {
        func figures(_ seed: UInt64) -> [UInt64] {
            var c = LeastActionConfig()
            c.seed = seed
            let e = LeastActionExperiment(config: c)
            e.advance(by: 20)
            try? e.setParameter("prospective", to: 0)
            e.advance(by: 5)
            let t = TeacherStudentExperiment(config: TeacherStudentConfig(seed: seed))
            t.advance(by: 300)
            return (e.readout().figures + t.readout().figures).map(\.value.bitPattern)
        }
        #expect(figures(1) == figures(1))
        #expect(figures(1) != figures(2))
    }

    @Test func switchesAreLiveParameters() throws {
        let e = LeastActionExperiment(config: LeastActionConfig())
        #expect(e.parameters.map(\.key) == ["prospective", "nudging", "plasticity"])
        try e.setParameter("plasticity", to: 0)
        let w = e.network.weights
        e.advance(by: 1)
        #expect(e.network.weights == w)
        try e.setParameter("nudging", to: 0)
        e.advance(by: 1)
        #expect(e.readout().figure("beta") == 0)
        #expect(throws: ParameterError.self) { try e.setParameter("nudging", to: 0.5) }
        #expect(throws: ParameterError.self) { try e.setParameter("eta", to: 1) }
        // The schedule switches nudging off at the end of the nudged phase.
        var c = LeastActionConfig()
        c.nudgedPhaseMs = 2
        let s = LeastActionExperiment(config: c)
        s.advance(by: 1)
        #expect(s.parameters[1].value == 1)
        s.advance(by: 2)
        #expect(s.parameters[1].value == 0)
    }
}

enum TeacherStudentTiming {
    static let durationMs = 20_000.0
}
