import Testing
import Foundation
@testable import SpikeCore

@Suite struct ZZProbe {
    @Test func probeTimings() {
        var t0 = Date()
        let cal = CalibrationSweep.run(.standard)!
        print("calibration standard: \(Date().timeIntervalSince(t0)) s vP05=\(cal.vP05) alpha=\(cal.alpha) theo=\(cal.alphaTheory) rms=\(cal.rmsResidual) conv=\(cal.converged) n=\(cal.vRest.count) range=\(cal.vRest.first!)...\(cal.vRest.last!)")
        let tr = LIFSamplingTranslation(neuron: .sbsDefault, background: .sbsDefault, vP05: -50.62, alpha: 0.791)
        print("factor -50 exc \(tr.weightFactor(postsynapticRestingPotential: -50, excitatory: true)) inh \(tr.weightFactor(postsynapticRestingPotential: -50, excitatory: false))")
        print("factor -49.375 \(tr.weightFactor(postsynapticRestingPotential: -49.375, excitatory: true)) \(tr.weightFactor(postsynapticRestingPotential: -49.375, excitatory: false))")
        print("factor -51.313 \(tr.weightFactor(postsynapticRestingPotential: -51.313, excitatory: true)) \(tr.weightFactor(postsynapticRestingPotential: -51.313, excitatory: false))")
        for renewing in [true, false] {
            t0 = Date()
            let e = LIFSamplingExperiment(config: LIFSamplingConfig(seed: 1, renewingSynapses: renewing, calibration: cal))
            e.advance(by: 100_500)
            let r = e.readout()
            print("renewing=\(renewing) 1e5 ms: \(Date().timeIntervalSince(t0)) s")
            for s in r.series where s.name != "dkl_reference" { print(s.name, s.points.map { String(format: "%.0f:%.4g", $0.timeMs, $0.value) }.joined(separator: " ")) }
            print(r.figures.filter { $0.name.hasPrefix("marginal") || $0.name.hasPrefix("rate") }.map { "\($0.name)=\(String(format: "%.4f", $0.value))" }.joined(separator: " "))
        }
    }
}
