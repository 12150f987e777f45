import Testing
@testable import SpikeCore

func figures(_ e: HighConductanceStateExperiment) -> [String: Double] {
    Dictionary(uniqueKeysWithValues: e.readout().figures.map { ($0.name, $0.value) })
}

/// Standard error of the time-average of a probe's total conductance over `windowMs`:
/// σ_g² = Σ_x w_x² ν_x τ_syn/2 (shot noise with exponential kernels), correlation time τ_syn,
/// so SE ≈ σ_g √(2 τ_syn/T).
func conductanceSE(_ bg: PoissonBackground, tauSyn: Double, windowMs: Double) -> Double {
    let variance = (bg.excWeight * bg.excWeight * bg.excRateHz + bg.inhWeight * bg.inhWeight * bg.inhRateHz) / 1000 * tauSyn / 2
    return (variance * 2 * tauSyn / windowMs).squareRoot()
}

@Suite("High-conductance-state experiment")
struct ExperimentTests {
    @Test func figuresFollowTheory() {
        let e = HighConductanceStateExperiment(config: HighConductanceStateConfig(seed: 3))
        e.advance(by: 4100)
        let f = figures(e)
        for name in ["membrane_mean_mv", "membrane_sd_mv", "membrane_mean_theory_mv", "membrane_sd_theory_mv",
                     "tau_eff_ms", "tau_eff_theory_ms", "rate_hz_mean"] {
            #expect(f[name] != nil && f[name]!.isFinite, "\(name)")
        }
        #expect(f["membrane_mean_theory_mv"] == e.theory.muV && f["membrane_sd_theory_mv"] == e.theory.sigmaV)
        #expect(abs(f["stat_window_ms"]! - 4000) < 0.02)
        // Tolerances: 5 SE (batch means over 100 ms batches) + the model allowances of FreeMembraneTests.
        #expect(abs(f["membrane_mean_mv"]! - f["membrane_mean_theory_mv"]!) < 5 * f["membrane_mean_se_mv"]! + 0.01)
        #expect(abs(f["membrane_sd_mv"]! - f["membrane_sd_theory_mv"]!) < 5 * f["membrane_sd_se_mv"]! + 0.01 * 1.015)
        let gTot = f["g_tot_us"]!, se = conductanceSE(.sbsDefault, tauSyn: 10, windowMs: 4000)
        #expect(abs(gTot - 0.26) < 5 * se + 1.2e-4 * 0.26)
        #expect(abs(f["tau_eff_ms"]! - 0.2 / gTot) < 1e-12)
        // Mean p_on at E_l = −50 mV: science.md 1.5 coarse scan 0.684 (dt 0.01 ms, T = 2e4 ms).
        // SE ≈ √(p(1−p)/(N·T/(2 τ_ref))) = √(0.216/(40·200)) = 0.0052 → 5 SE ≈ 0.026.
        #expect(abs(f["p_on_mean"]! - 0.684) < 0.03, "p_on \(f["p_on_mean"]!)")
        #expect(abs(f["rate_hz_mean"]! * 0.01 - f["p_on_mean"]!) < 1e-12)
    }

    @Test func readoutShapes() {
        let config = HighConductanceStateConfig(seed: 4)
        let e = HighConductanceStateExperiment(config: config)
        #expect(e.readout().figure("membrane_sd_mv")!.isNaN)  // nothing measured yet
        e.advance(by: 800)
        let r = e.readout()
        #expect(abs(r.timeMs - 800) < 1e-9)
        let raster = r.raster!
        #expect(raster.neuronCount == 40 && abs(raster.startMs - 300) < 1e-9 && abs(raster.endMs - 800) < 1e-9)
        #expect(!raster.spikeTimesMs.isEmpty && raster.spikeTimesMs.count == raster.spikeNeurons.count)
        #expect(raster.spikeTimesMs.allSatisfy { $0 > 300 && $0 <= 800 })
        #expect(raster.spikeNeurons.allSatisfy { $0 >= 0 && $0 < 40 })
        #expect(zip(raster.spikeTimesMs.dropFirst(), raster.spikeTimesMs).allSatisfy { $0 >= $1 })
        #expect(r.traces.map(\.label) == ["neuron 0", "neuron 1", "neuron 2", "free membrane"])
        for t in r.traces {
            #expect(t.reference == -50 && abs(t.intervalMs - 0.1) < 1e-12 && t.values.count == 2001)
            #expect(abs(t.startMs - 600) < 1e-9)
        }
        let h = r.histograms[0]
        #expect(h.counts.count == 60 && h.theoryDensity!.count == 60 && h.unit == "mV")
        #expect(abs(h.lowerEdge + h.binWidth * 30 - e.theory.muV) < 1e-9)
        let inRange = h.counts.reduce(0, +)
        #expect(inRange > 0.999 * 70_000 && inRange <= 70_000)  // 700 ms after burn-in, |V − μ| < 5σ
        let theoryMass = h.theoryDensity!.reduce(0, +) * h.binWidth
        #expect(abs(theoryMass - 1) < 1e-3)
        #expect(r.series.map(\.name) == ["membrane_sd_mv", "membrane_mean_mv"])
        #expect(r.series[0].points.count == 70)
    }

    @Test func deterministicForSeedAndChunking() {
        let a = HighConductanceStateExperiment(config: HighConductanceStateConfig(seed: 9))
        let b = HighConductanceStateExperiment(config: HighConductanceStateConfig(seed: 9))
        let c = HighConductanceStateExperiment(config: HighConductanceStateConfig(seed: 10))
        a.advance(by: 700)
        for _ in 0..<70 { b.advance(by: 10) }
        c.advance(by: 700)
        let ra = a.readout().raster!, rb = b.readout().raster!, rc = c.readout().raster!
        #expect(a.network.stepIndex == 70_000 && b.network.stepIndex == 70_000)
        #expect(ra.spikeTimesMs == rb.spikeTimesMs && ra.spikeNeurons == rb.spikeNeurons)
        #expect(a.network.spikeMonitor.all.steps == b.network.spikeMonitor.all.steps)
        #expect(a.network.population.v.map(\.bitPattern) == b.network.population.v.map(\.bitPattern))
        #expect(a.readout().figures == b.readout().figures)
        #expect(ra.spikeTimesMs != rc.spikeTimesMs)
        #expect(a.network.population.v != c.network.population.v)
    }

    @Test func advanceCarriesFractionalSteps() {
        let e = HighConductanceStateExperiment(config: HighConductanceStateConfig(populationSize: 2, tracedNeurons: 1))
        for _ in 0..<1000 { e.advance(by: 0.013) }
        #expect(e.network.stepIndex == 1300)
    }

    @Test func parameterChangesUpdateTheoryAndRestartStatistics() throws {
        let e = HighConductanceStateExperiment(config: HighConductanceStateConfig(seed: 6))
        #expect(e.parameters.map(\.key) == ["rate_hz", "weight_us", "v_rest_mv"])
        e.advance(by: 300)
        try e.setParameter("rate_hz", to: 1000)
        let bg = PoissonBackground(excRateHz: 1000, inhRateHz: 1000, excWeight: 0.001, inhWeight: 0.001)
        let theory = FreeMembraneTheory(parameters: .sbsDefault, background: bg)
        var f = figures(e)
        #expect(f["membrane_sd_theory_mv"] == theory.sigmaV && f["background_rate_hz"] == 1000)
        #expect(f["membrane_sd_mv"]!.isNaN && f["stat_window_ms"] == 0)
        #expect(e.parameters[0].value == 1000)
        e.advance(by: 3100)
        f = figures(e)
        #expect(abs(f["stat_window_ms"]! - 3000) < 0.02)
        #expect(abs(f["membrane_sd_mv"]! - theory.sigmaV) < 5 * f["membrane_sd_se_mv"]! + 0.01 * theory.sigmaV)
        #expect(abs(f["membrane_mean_mv"]! - theory.muV) < 5 * f["membrane_mean_se_mv"]! + 0.01)

        try e.setParameter("v_rest_mv", to: -52)
        #expect(abs(e.theory.muV - (-50 + (-2) * 0.2 / theory.gTot)) < 1e-12)
        #expect(e.network.population.vRest.allSatisfy { $0 == -52 })
        try e.setParameter("weight_us", to: 0.002)
        #expect(e.background.excWeight == 0.002 && e.background.inhWeight == 0.002)
        #expect(e.network.background.background(of: 40).inhWeight == 0.002)
    }

    @Test func parameterErrors() {
        let e = HighConductanceStateExperiment(config: HighConductanceStateConfig(populationSize: 2, tracedNeurons: 0))
        #expect(throws: ParameterError.unknown(key: "tau")) { try e.setParameter("tau", to: 1) }
        #expect(throws: ParameterError.outOfRange(key: "rate_hz", value: 5, range: 10...20000)) {
            try e.setParameter("rate_hz", to: 5)
        }
    }

    @Test func parameterInfoStepping() {
        let m = ParameterInfo(key: "rate_hz", label: "", value: 3000, range: 10...4000, stepFactor: 1.25)
        #expect(m.step == nil && m.stepped(by: 1) == 3750 && m.stepped(by: -1) == 2400 && m.stepped(by: 2) == 4000)
        let a = ParameterInfo(key: "v_rest_mv", label: "", value: -50, range: -51...(-20), step: 0.2)
        #expect(a.step == 0.2 && abs(a.stepped(by: 3) - (-49.4)) < 1e-12 && a.stepped(by: -10) == -51)
    }

    @Test func configValidation() {
        #expect(HighConductanceStateConfig().validate().isEmpty)
        var c = HighConductanceStateConfig()
        c.populationSize = 0
        c.stepMs = -1
        #expect(c.validate().count >= 2)
    }
}
