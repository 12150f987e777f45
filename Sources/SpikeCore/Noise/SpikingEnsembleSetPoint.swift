/// The operating point of a noise-free spiking ensemble ([Dold2019], science.md 2.3 steps 2–3).
///
/// Without an external noise source the ensemble is inhibition-dominated (g > 1, otherwise it
/// fires in volleys): when every network raises its resting potentials, the neurons fire more,
/// their spikes raise the inhibitory background of all the others, and the probes then find
/// v_p05 shifted by almost as much. Repeated probe calibrations therefore drift instead of
/// converging (seed 42, M = 50: the ensemble's rate 9 → 17 → 25 → 32 → 38 → 43 → 53 Hz over six
/// rounds), and the contrastive rule, which moves every network's biases on its own, moves the
/// ensemble's mean activity only slowly (150 iterations from 24 Hz: 0.22–0.44 nats left).
///
/// The set point fixes that one collective degree of freedom first: a secant search on the v_p05
/// of the translation (E_l,k = v_p05 + α b_k, science.md 1.6) for the value at which the copies'
/// mean activity ⟨z⟩ = rate · τ_ref equals the target's mean marginal (1/n) Σ_k p*(z_k = 1).
/// The per-network residuals (each neuron's own quenched background, the real slope of the
/// activation function) are left to in-the-loop training (science.md 2.4).
public struct SpikingEnsembleSetPoint: Sendable, Equatable {
    /// The v_p05 found, mV.
    public var vP05: Double
    /// ⟨z⟩ − target at that v_p05 (copies' mean activity minus the target's mean marginal).
    public var activityError: Double
    /// Search rounds used.
    public var rounds: Int

    /// First step of the search when no slope is known yet, mV.
    static let firstStepMv = 4.0
    /// Largest step per round, mV.
    static let maximumStepMv = 8.0
    /// Smallest slope d⟨z⟩/dv_p05 the secant trusts, 1/mV (a flatter estimate is noise).
    static let minimumSlope = 0.005
}

extension SpikingSamplingEnsemble {
    /// Mean state ⟨z⟩ of the copy neurons since the last reset: rate · τ_ref (science.md 1.5).
    public var meanCopyActivity: Double { meanCopyRateHz * Double(tauRefSteps) * network.stepMs / 1000 }

    /// Searches the set point (`SpikingEnsembleSetPoint`): up to `rounds` times, applies the
    /// translation with the trial v_p05 (α and background of `start`), runs `burnInSteps`, then
    /// measures the copies' mean activity over `steps`; stops once |⟨z⟩ − target| ≤ `tolerance`.
    /// Leaves the best trial's translation applied and the measurements reset.
    public mutating func findSetPoint(targetActivity: Double, start: LIFSamplingTranslation, rounds: Int, tolerance: Double,
                                      burnInSteps: Int, steps: Int) -> SpikingEnsembleSetPoint {
        precondition(rounds >= 1 && tolerance > 0 && steps > 0)
        let translation = { (v: Double) in
            LIFSamplingTranslation(neuron: start.neuron, background: start.background, vP05: v, alpha: start.alpha)
        }
        var best = SpikingEnsembleSetPoint(vP05: start.vP05, activityError: .infinity, rounds: 0)
        var previous: (v: Double, error: Double)?
        var v = start.vP05
        for round in 1...rounds {
            setTranslation(translation(v))
            run(steps: burnInSteps)
            resetMeasurements()
            run(steps: steps)
            let error = meanCopyActivity - targetActivity
            resetMeasurements()
            if abs(error) < abs(best.activityError) { best = SpikingEnsembleSetPoint(vP05: v, activityError: error, rounds: round) }
            best.rounds = round
            if abs(error) <= tolerance { break }
            var step: Double
            if let p = previous, p.v != v {
                step = -error / max((error - p.error) / (v - p.v), SpikingEnsembleSetPoint.minimumSlope)
            } else {
                step = error < 0 ? SpikingEnsembleSetPoint.firstStepMv : -SpikingEnsembleSetPoint.firstStepMv
            }
            step = min(max(step, -SpikingEnsembleSetPoint.maximumStepMv), SpikingEnsembleSetPoint.maximumStepMv)
            previous = (v, error)
            v += step
        }
        setTranslation(translation(best.vP05))
        return best
    }
}
