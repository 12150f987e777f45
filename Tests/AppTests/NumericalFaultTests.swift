import Canvas
import Scenarios
import SpikeCore
import Testing
@testable import App

/// A real experiment whose state turns non-finite (a membrane potential of NaN) once
/// `poisonAfterMs` of biological time has passed, as an unstable integration would.
final class PoisonedExperiment: Experiment {
    let inner: any Experiment
    let poisonAfterMs: Double
    init(_ inner: any Experiment, poisonAfterMs: Double) {
        self.inner = inner
        self.poisonAfterMs = poisonAfterMs
    }
    var timeMs: Double { inner.timeMs }
    var stepMs: Double { inner.stepMs }
    private(set) var advances = 0
    func advance(by durationMs: Double) { advances += 1; inner.advance(by: durationMs) }
    func readout() -> Readout { inner.readout() }
    func nonFiniteState() -> (String, Double)? {
        timeMs >= poisonAfterMs ? ("membrane potential v (mV) of neuron[1]", .nan) : inner.nonFiniteState()
    }
    var parameters: [ParameterInfo] { inner.parameters }
    func setParameter(_ key: String, to value: Double) throws(ParameterError) { try inner.setParameter(key, to: value) }
    func stateChecksum() -> UInt64 { inner.stateChecksum() }
}

/// Numerical guards (issue 12): a non-finite state or readout stops the experiment with a
/// message naming the variable and the step; the screen never shows a silent NaN.
@Suite struct NumericalFaultTests {
    @Test func liveAppStopsAndShowsThePanel() throws {
        let scenario = try defaultScenario()
        let poisoned = PoisonedExperiment(ExperimentBuilder.make(scenario), poisonAfterMs: 50)
        let terminal = FakeTerminal(width: 100, height: 30)
        let app = SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault],
                              experiment: poisoned)
        for _ in 0..<40 { app.advanceAndDraw() }
        let fault = try #require(app.numericalFault, "no fault after \(poisoned.timeMs) ms")
        #expect(fault.variable == "membrane potential v (mV) of neuron[1]")
        #expect(fault.value.isNaN)
        #expect(fault.step == Int64((fault.timeMs / poisoned.stepMs).rounded()) && fault.step > 0)
        let stoppedAt = poisoned.timeMs, advances = poisoned.advances
        for _ in 0..<5 { app.advanceAndDraw() }
        #expect(poisoned.timeMs == stoppedAt && poisoned.advances == advances, "a stopped experiment was advanced")
        let screen = terminal.lastFrame
        #expect(screen.contains("experiment stopped"))
        #expect(screen.contains("membrane potential v (mV) of neuron[1]"))
        #expect(screen.contains("step \(fault.step)"))
        #expect(!screen.lowercased().contains("nan ") || screen.contains("became nan"), "a NaN drawn as a value:\n\(screen)")
    }

    @Test func restartClearsTheFault() throws {
        let scenario = try defaultScenario()
        let terminal = FakeTerminal(width: 100, height: 30)
        let app = SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault],
                              experiment: PoisonedExperiment(ExperimentBuilder.make(scenario), poisonAfterMs: 0))
        app.advanceAndDraw()
        #expect(app.numericalFault != nil)
        app.restartExperiment()
        app.advanceAndDraw()
        #expect(app.numericalFault == nil)
        #expect(!terminal.lastFrame.contains("experiment stopped"))
    }

    @Test func headlessReportCarriesTheFault() throws {
        let scenario = try defaultScenario()
        let healthy = HeadlessReport.run(scenario, durationMs: 20)
        #expect(healthy.fault == nil)
        let poisoned = PoisonedExperiment(ExperimentBuilder.make(scenario), poisonAfterMs: 10)
        poisoned.advance(by: 20)
        let fault = try #require(NumericalGuard.check(poisoned, readout: poisoned.readout()))
        #expect(fault.description.contains("membrane potential v (mV) of neuron[1]"))
        #expect(fault.description.contains("step \(fault.step)"))
    }
}
