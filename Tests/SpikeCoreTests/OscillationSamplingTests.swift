import Testing
@testable import SpikeCore

@Suite("Oscillating background as tempering (science.md 3.6)")
struct OscillationSamplingTests {
    /// A unit with b = 1 (E_l = v_p05 + α from the calibration at ν_0 = 3000 Hz) under a
    /// background oscillating between ν_min = 1000 Hz and ν_max = 5000 Hz: its p_on at the
    /// troughs and peaks equals σ((E_l − v_p05(ν))/α(ν)) of the activation function calibrated at
    /// ν_min and ν_max. f = 2 Hz so that the ±25 ms windows are quasi-static (the rate moves by
    /// < 100 Hz inside them). 200 independent units × 10 s: ≈ 2e4 effective samples per window,
    /// SE ≈ 0.003; the standard calibrations (T = 10 s per point, 150 points) add ≈ 0.004 →
    /// tolerance 0.012 (≈ 2.4 combined SE).
    ///
    /// With the sbs parameters the swing of a b = 1 unit is small (≈ 0.02): v_p05 moves up with
    /// α as the rate falls, so (E_l − v_p05)/α changes little; the test checks that the measured
    /// p_on follows both calibrated values and that the trough is above the peak.
    @Test func pOnSwingsBetweenCalibratedValues() {
        let dt = 0.1
        func calibration(_ rate: Double) -> ActivationCalibration {
            var bg = PoissonBackground.sbsDefault
            bg.excRateHz = rate
            bg.inhRateHz = rate
            let s = CalibrationSettings.standard.with(neuron: .sbsDefault, background: bg, stepMs: dt)
            return CalibrationSweep.run(s)!
        }
        let c0 = calibration(3000), cMin = calibration(1000), cMax = calibration(5000)
        #expect(cMin.alpha < c0.alpha && c0.alpha < cMax.alpha)  // higher rate, higher temperature
        let vRest = c0.vP05 + c0.alpha
        func predicted(_ c: ActivationCalibration) -> Double { BoltzmannMachine.sigmoid((vRest - c.vP05) / c.alpha) }

        let n = 200
        let machine = BoltzmannMachine(weights: Array(repeating: Array(repeating: 0, count: n), count: n),
                                       biases: Array(repeating: 1, count: n))
        let translation = LIFSamplingTranslation(neuron: .sbsDefault, background: .sbsDefault, calibration: c0)
        let osc = OscillatingBackground(amplitudeHz: 2000, frequencyHz: 2)
        var sampler = SpikingImageSampler(machine: machine, visibleCount: 1, translation: translation,
                                          synapses: .renewing(), oscillation: osc, stepMs: dt, seed: 11)
        var trough = RunningStatistics(), peak = RunningStatistics()
        for _ in 0..<Int(10_000 / dt) {
            sampler.step()
            let t = sampler.timeMs
            guard t > 500 else { continue }
            let inTrough = osc.contains(t, window: .trough(widthMs: 50))
            let inPeak = osc.contains(t, window: .peak(widthMs: 50))
            guard inTrough || inPeak else { continue }
            let on = Double(sampler.network.population.refractorySteps.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }) / Double(n)
            if inTrough { trough.add(on) } else { peak.add(on) }
        }
        let pMin = predicted(cMin), pMax = predicted(cMax)
        #expect(pMin > pMax, "predicted trough \(pMin) vs peak \(pMax)")
        #expect(abs(trough.mean - pMin) < 0.012, "trough p_on \(trough.mean) vs predicted \(pMin)")
        #expect(abs(peak.mean - pMax) < 0.012, "peak p_on \(peak.mean) vs predicted \(pMax)")
        #expect(trough.mean > peak.mean, "trough p_on \(trough.mean) vs peak \(peak.mean)")
        print("p_on b=1: trough \(trough.mean) (predicted \(pMin)), peak \(peak.mean) (predicted \(pMax)); alpha \(cMin.alpha) \(c0.alpha) \(cMax.alpha), vP05 \(cMin.vP05) \(c0.vP05) \(cMax.vP05)")
    }
}
