@testable import SpikeCore

/// Statistics of the free membrane of `neurons` independent probes (threshold disabled),
/// sampled every step after `burnInMs`, with batch estimates for standard errors.
struct FreeMembraneSample {
    /// One entry per (neuron, batch): batch mean V, batch sd V, batch mean g_tot.
    var batchMean = RunningStatistics()
    var batchSD = RunningStatistics()
    var batchG = RunningStatistics()
    /// Over all samples.
    var overall = RunningStatistics()
    var overallG = RunningStatistics()

    var batches: Int { batchMean.count }
    var seMean: Double { batchMean.standardErrorOfMean }
    var seSD: Double { batchSD.standardErrorOfMean }
    /// Measured τ_eff = C_m/⟨g_tot⟩ and its SE (delta method).
    func tauEff(cm: Double) -> (value: Double, se: Double) {
        let g = overallG.mean
        return (cm / g, cm / g * batchG.standardErrorOfMean / g)
    }
}

func measureFreeMembrane(parameters: LIFParameters = .sbsDefault, background: PoissonBackground,
                         neurons: Int, durationMs: Double, batchMs: Double = 200, burnInMs: Double = 100,
                         stepMs: Double = 0.01, seed: UInt64) -> FreeMembraneSample {
    var net = Network(parameters: parameters, count: neurons, stepMs: stepMs, seed: seed, background: background)
    for k in 0..<neurons { net.setThresholdEnabled(false, neuron: k) }
    net.advance(steps: Int(burnInMs / stepMs))
    let batchSteps = Int(batchMs / stepMs)
    let batches = Int(durationMs / batchMs)
    var sample = FreeMembraneSample()
    var current = [RunningStatistics](repeating: RunningStatistics(), count: neurons)
    var currentG = [RunningStatistics](repeating: RunningStatistics(), count: neurons)
    for _ in 0..<batches {
        for _ in 0..<batchSteps {
            net.step()
            for k in 0..<neurons {
                current[k].add(net.population.v[k])
                currentG[k].add(net.population.totalConductance(k))
            }
        }
        for k in 0..<neurons {
            sample.batchMean.add(current[k].mean)
            sample.batchSD.add(current[k].standardDeviation)
            sample.batchG.add(currentG[k].mean)
            sample.overall.merge(current[k])
            sample.overallG.merge(currentG[k])
            current[k] = RunningStatistics()
            currentG[k] = RunningStatistics()
        }
    }
    return sample
}
