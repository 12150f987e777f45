import Testing
@testable import SpikeCore

/// Noise sources in the binary formulation of [Jordan2019] (science.md 2.2, 2.5 tests 1–3).
///
/// Sample sizes: the input of one unit is sampled once per cycle; consecutive samples are
/// correlated (a source is redrawn with probability ≈ 1 − e^{−1} per cycle), and units share
/// sources (ρ ≈ 0.1 in the pool), so n_eff ≈ (units · cycles)/(1.3 · (1 + F ρ²)). With 100 units and
/// 4000 cycles n_eff ≈ 1.6e5: the relative SE of a variance is √(2/n_eff) ≈ 0.35%, of the mean
/// ≈ σ/(|μ|√n_eff) ≈ 0.25%; the 2% tolerance of science.md 2.5 is > 5 SE.
@Suite("Noise sources (science.md 2.2)")
struct NoiseSourceTests {
    static let noise = BinaryNoiseParameters.jordanReference

    static func run(_ kind: NoiseSourceKind, networks: Int = 20, cycles: Int = 4000, seed: UInt64 = 4242) -> BinarySamplingEnsemble {
        var e = BinarySamplingEnsemble(kind: kind, target: .canonical, networkCount: networks, noise: noise, seed: seed)
        e.applyTranslation(beta: 1, offset: -noise.inputMean(activity: 0.5))
        e.run(cycles: 100)
        e.resetMeasurements()
        e.run(cycles: cycles)
        return e
    }

    @Test func referenceWeightGivesUnitBeta() {
        // σ_in² = (K_E + K_I g²) w² μ(1−μ) = 100 w² at N = 500, K = 50, g = 6; β_eff = 1 ⇔ σ_in = √(8/π).
        let n = Self.noise
        #expect(n.excitatoryInDegree == 40 && n.inhibitoryInDegree == 10)
        #expect(abs(n.inputVariance(activity: 0.5) - 8 / Double.pi) < 1e-12)
        #expect(abs(BinaryNoiseParameters.effectiveBeta(inputVariance: n.inputVariance(activity: 0.5)) - 1) < 1e-12)
        #expect(abs(n.inputMean(activity: 0.5) - (-10 * n.weight)) < 1e-12)
    }

    @Test(arguments: [NoiseSourceKind.privateNoise, .sharedPool])
    func independentSourcesMatchTheInputFormulas(kind: NoiseSourceKind) {
        let e = Self.run(kind)
        let mu = Self.noise.inputMean(activity: 0.5), v = Self.noise.inputVariance(activity: 0.5)
        print("\(kind.label): mean input \(e.inputs.meanInput) (theory \(mu)), variance \(e.inputs.meanVariance) (theory \(v))")
        #expect(abs(e.inputs.meanInput / mu - 1) < 0.02)
        #expect(abs(e.inputs.meanVariance / v - 1) < 0.02)
    }

    @Test func backgroundNetworkHoldsItsTargetActivityAndMeanInput() {
        let e = Self.run(.backgroundNetwork)
        let activity = e.sourceActivity.mean
        let mu = Self.noise.inputMean(activity: activity)
        print("background network: activity \(activity) (target 0.5); mean input \(e.inputs.meanInput) (theory at measured activity \(mu)); variance \(e.inputs.meanVariance) (independent-source theory \(Self.noise.inputVariance(activity: activity)))")
        #expect(abs(activity - Self.noise.targetActivity) < 0.05)
        #expect(abs(e.inputs.meanInput / mu - 1) < 0.02)
    }

    /// science.md 2.5 test 3 (reference 0.09 vs 0.04 at N = 500, K = 50, binary formulation). The
    /// pool's correlation is also checked against its wiring: ρ_kl = Σ_shared w_j² / Σ w_j² for
    /// independent sources of equal activity.
    @Test func sharedPoolInputsAreMoreCorrelatedThanBackgroundNetworkInputs() {
        let pool = Self.run(.sharedPool), brn = Self.run(.backgroundNetwork)
        let rPool = pool.inputs.meanPairwiseCorrelation(), rBRN = brn.inputs.meanPairwiseCorrelation()
        let w = pool.functionalWiring
        var theory = 0.0, pairs = 0
        let m = pool.inputs.matrixUnits
        for k in 0..<m { for l in (k + 1)..<m {
            let rowK = Dictionary(uniqueKeysWithValues: zip(w.source[w.start[k]..<w.start[k + 1]], w.weight[w.start[k]..<w.start[k + 1]]))
            var shared = 0.0, total = 0.0
            for e in w.start[l]..<w.start[l + 1] {
                total += w.weight[e] * w.weight[e]
                if let wk = rowK[w.source[e]] { shared += wk * w.weight[e] }
            }
            theory += shared / total; pairs += 1
        } }
        theory /= Double(pairs)
        print("mean pairwise input correlation: pool \(rPool) (wiring theory \(theory)), background network \(rBRN)")
        // SE of a correlation estimate ≈ 1/√n_eff per pair (n_eff ≈ 3000), averaged over 780 pairs.
        #expect(abs(rPool - theory) < 0.01)
        #expect(rPool > rBRN + 0.02)
        #expect(rPool > 0.06 && rPool < 0.13)
    }
}

/// The `noise-sources` experiment end to end (small): every lane calibrated, D_KL finite and
/// falling, live size change rebuilds.
@Suite("Noise-sources experiment")
struct NoiseSourcesExperimentTests {
    @Test func lanesCalibrateSampleAndRespondToSize() throws {
        var c = NoiseSourcesConfig()
        c.networks = 10
        c.calibrationCycles = 500
        let e = NoiseSourcesExperiment(config: c)
        for lane in e.lanes {
            // Gaussian theory β_eff = 1 for independent sources of activity ½; the fit lands near it.
            print("\(lane.ensemble.kind.label): β_eff \(lane.calibration.beta), h₀ \(lane.calibration.offset) (theory \(lane.calibration.theoryBeta), \(lane.calibration.theoryOffset))")
            #expect(lane.calibration.fit != nil)
        }
        #expect(abs(e.lanes[0].calibration.beta - 1) < 0.15)
        e.advance(by: 20_000)
        let r = e.readout()
        for kind in NoiseSourcesConfig.kinds {
            let d = r.figure("dkl_target_sampled_\(kind.figureSuffix)")!
            print("\(kind.label): D_KL \(d) after 2000 cycles, pooled \(r.figure("dkl_pooled_\(kind.figureSuffix)")!)")
            #expect(d.isFinite && d > 0, "\(kind.label) D_KL \(d)")
            // Noise populations (not the noise-free ensemble, see DeterministicEnsembleTests): calibrated
            // samplers; 2000 cycles give a finite-sample level of a few 1e-2 with the one-count prior.
            if kind != .ensemble { #expect(d < 0.2, "\(kind.label) D_KL \(d)") }
        }
        #expect(r.landscapes.count == 4 && r.raster != nil)
        try e.setParameter("pool_size", to: 200)
        #expect(e.config.noise.sourceCount == 200 && e.timeMs == 0)
        #expect(e.lanes[3].ensemble.networkCount == 40)
    }
}

/// Intrinsically stochastic logistic units (`Fsigma`): asynchronous Glauber dynamics sample the
/// target exactly. 20 networks × 3000 cycles pooled give n_eff ≈ 2e4 samples, finite-sample
/// D_KL ≈ 31/(2 n_eff) ≈ 1e-3; the bound 5e-3 is several times that.
@Suite("Intrinsic stochastic units")
struct IntrinsicUnitsTests {
    @Test func logisticUnitsSampleTheTarget() {
        var e = BinarySamplingEnsemble(kind: .intrinsic, target: .canonical, networkCount: 20,
                                       noise: .jordanReference, seed: 5)
        let c = e.calibrate(cycles: 10, seed: 5)
        #expect(abs(c.beta - 1) < 1e-6 && abs(c.offset) < 1e-6)
        e.run(cycles: 3000)
        var counts = Array(repeating: 0.0, count: 32)
        for h in e.histograms { for (i, x) in h.counts.enumerated() { counts[i] += x } }
        let d = KullbackLeibler.targetToSampled(target: BoltzmannDistribution(.canonical).probabilities, counts: counts)
        print("intrinsic logistic units: pooled D_KL \(d)")
        #expect(d < 5e-3)
    }
}
