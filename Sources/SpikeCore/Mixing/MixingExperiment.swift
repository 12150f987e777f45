/// Superior mixing (science.md 3; [Leng2018], [KorcsakGorzo2022]): several samplers of the
/// same trained RBM run side by side from the same start image at the same budget (one slot =
/// one sweep = `sampleIntervalMs` of LIF time, science.md 1.11): block Gibbs, adaptive simulated
/// tempering, and LIF networks with renewing or depressing synapses, with or without an
/// oscillating background. Each slot's sample is classified; the mixing metrics of science.md
/// 3.4 (class-switch rate, class-occupancy D_KL, image autocorrelation time) are accumulated per
/// stream and reported as `switches_per_1000_<name>`, `occupancy_dkl_<name>`,
/// `autocorr_time_<name>`.
public final class MixingExperiment: Experiment {
    public let config: MixingConfig
    public let calibration: ActivationCalibration
    /// Whether `calibration` was measured (false: the sbs reference values were used because
    /// the calibration failed).
    public let calibrationMeasured: Bool
    public let translation: LIFSamplingTranslation
    /// Translation of the oscillating streams: calibrated at the trough rate when
    /// `config.calibrateOscillationAtTrough` (the troughs are then at temperature 1 and the peaks
    /// hotter, science.md 3.6), else the same as `translation`.
    public let oscillationTranslation: LIFSamplingTranslation
    /// The same two translations onto the emulated chip (nil for the ideal model).
    public let hardwareTranslation: HardwareTranslation?
    public let oscillationHardwareTranslation: HardwareTranslation?
    /// Index of the current start image.
    public private(set) var startIndex = 0
    /// Synapses of the depressing streams (live U, τ_rec).
    public private(set) var depressing: MixingSynapses
    public private(set) var oscillation: OscillatingBackground
    var streams: [MixingStream] = []
    private var stepIndex: Int64 = 0
    private var budget = StepBudget()
    private var restarts: UInt64 = 0

    public init(config: MixingConfig) {
        let problems = config.validate()
        precondition(problems.isEmpty, "invalid MixingConfig: \(problems.joined(separator: "; "))")
        self.config = config
        (calibration, calibrationMeasured) = CalibrationCache.shared.resolve(config.calibration,
                                                                            settings: config.effectiveCalibrationSettings)
        translation = LIFSamplingTranslation(neuron: config.neuron, background: config.background, calibration: calibration)
        let troughBackground = config.oscillation.background(atMs: 0.75 * config.oscillation.periodMs
                                                             - config.oscillation.phaseDegrees / 360 * config.oscillation.periodMs)
        let anyOscillating = config.streams.contains { if case .spiking(_, true) = $0.kind { return true } else { return false } }
        if anyOscillating, config.calibrateOscillationAtTrough,
           let c = CalibrationCache.shared.calibration(for: config.calibrationSettings.with(
               neuron: config.neuron, background: troughBackground, stepMs: config.stepMs)) {
            oscillationTranslation = LIFSamplingTranslation(neuron: config.neuron, background: troughBackground, calibration: c)
        } else {
            oscillationTranslation = translation
        }
        let shared = calibration, oscillationShared = ActivationCalibration(
            key: "oscillation trough", vP05: oscillationTranslation.vP05, alpha: oscillationTranslation.alpha, alphaTheory: .nan)
        func chip(_ t: LIFSamplingTranslation, _ c: ActivationCalibration) -> HardwareTranslation? {
            config.hardware.map {
                HardwareTranslation(realisation: $0, neuron: config.neuron, background: t.background, count: config.machine.unitCount,
                                    shared: c, settings: HardwareTranslation.perNeuronSettings(
                                        config.calibrationSettings.with(neuron: config.neuron, background: t.background,
                                                                        stepMs: config.stepMs), around: c),
                                    method: config.neuronCalibration)
            }
        }
        hardwareTranslation = chip(translation, shared)
        oscillationHardwareTranslation = anyOscillating ? chip(oscillationTranslation, oscillationShared) : nil
        depressing = config.streams.compactMap { spec -> MixingSynapses? in
            if case .spiking(let s, _) = spec.kind, s.U < 1 { return s }
            return nil
        }.first ?? .depressing()
        oscillation = config.oscillation
        for (i, spec) in config.streams.enumerated() {
            streams.append(MixingStream(spec: spec, sampler: makeSampler(spec.kind, index: i), classCount: config.classCount,
                                        pixelCount: config.pixelCount, batchSlots: config.batchSlots, maxLag: config.maxLag))
        }
        start(image: config.startImages[0])
    }

    public var timeMs: Double { Double(stepIndex) * config.stepMs }
    public var stepMs: Double { config.stepMs }

    /// Seed of stream `index` after `restarts` restarts (each stream its own generator streams).
    private func streamSeed(_ index: Int) -> UInt64 {
        SplitMix64.mix(config.seed ^ SplitMix64.mix(UInt64(index) &+ 0x5EED_0000 &+ (restarts << 20)))
    }

    private func makeSampler(_ kind: MixingSamplerKind, index: Int) -> MixingStream.Sampler {
        let c = config
        let rng = Xoshiro256StarStar(seed: c.seed, stream: RandomStream.experiment(0x6000 + index + Int(restarts) << 8))
        switch kind {
        case .gibbs:
            return .gibbs(BlockGibbsSampler(machine: c.machine, visibleCount: c.visibleCount, rng: rng))
        case .tempering:
            return .tempering(AdaptiveSimulatedTempering(machine: c.machine, visibleCount: c.visibleCount,
                                                         levels: c.temperingLevels, minimumBeta: c.temperingMinimumBeta,
                                                         gamma0: c.temperingGamma0, gammaDecaySweeps: c.temperingDecaySweeps,
                                                         rng: rng))
        case .spiking(let synapses, let oscillating):
            return .spiking(SpikingImageSampler(machine: c.machine, visibleCount: c.visibleCount,
                                                translation: oscillating ? oscillationTranslation : translation,
                                                synapses: synapses, oscillation: oscillating ? oscillation : nil,
                                                stepMs: c.stepMs, seed: streamSeed(index), delayMs: c.delayMs,
                                                hardware: oscillating ? oscillationHardwareTranslation : hardwareTranslation),
                            oscillating: oscillating)
        }
    }

    /// Puts every stream at `image` (pixels; labels and hidden units off): Gibbs and tempering
    /// start from that state, the LIF networks get their visible units clamped for `clampMs`.
    private func start(image: [Bool]) {
        var z = Array(repeating: false, count: config.machine.unitCount)
        for (i, on) in image.enumerated() { z[i] = on }
        let clampSteps = Int((config.clampMs / config.stepMs).rounded())
        for i in streams.indices {
            switch streams[i].sampler {
            case .gibbs:
                let rng = Xoshiro256StarStar(seed: config.seed, stream: RandomStream.experiment(0x6000 + i + Int(restarts) << 8))
                streams[i].sampler = .gibbs(BlockGibbsSampler(machine: config.machine, visibleCount: config.visibleCount,
                                                              rng: rng, initial: z))
            case .tempering(var t):
                t.setState(z)
                streams[i].sampler = .tempering(t)
            case .spiking(var s, let osc):
                s.clampVisible(image, steps: clampSteps)
                streams[i].sampler = .spiking(s, oscillating: osc)
            }
            streams[i].resetStatistics(classCount: config.classCount, pixelCount: config.pixelCount,
                                       batchSlots: config.batchSlots, maxLag: config.maxLag)
        }
    }

    public func advance(by durationMs: Double) {
        guard durationMs > 0 else { return }
        advance(steps: budget.steps(for: durationMs, stepMs: config.stepMs))
    }

    /// Simulates `steps` LIF steps; every `sampleSteps` steps is one slot for every stream.
    public func advance(steps: Int) {
        let slotSteps = Int64(config.sampleSteps)
        var remaining = max(0, steps)
        while remaining > 0 {
            let toSlot = Int(slotSteps - stepIndex % slotSteps)
            let n = min(remaining, toSlot)
            for i in streams.indices {
                guard case .spiking(var s, let osc) = streams[i].sampler else { continue }
                for _ in 0..<n { s.step() }
                streams[i].sampler = .spiking(s, oscillating: osc)
            }
            stepIndex += Int64(n)
            remaining -= n
            if stepIndex % slotSteps == 0 { slot() }
        }
    }

    /// One budget slot: a sweep for the non-spiking samplers, a sample from every stream.
    private func slot() {
        let t = timeMs
        for i in streams.indices {
            switch streams[i].sampler {
            case .gibbs(var g):
                g.sweep()
                streams[i].sampler = .gibbs(g)
                streams[i].record(g.z, kept: true, timeMs: t, config: config)
            case .tempering(var a):
                a.sweep()
                streams[i].sampler = .tempering(a)
                streams[i].record(a.z, kept: a.atTargetTemperature, timeMs: t, config: config)
            case .spiking(let s, let osc):
                let clamped = s.clampStepsLeft > 0
                let inWindow = !osc || oscillation.contains(t, window: config.readoutWindow)
                streams[i].record(s.state, kept: inWindow && !clamped, timeMs: t, config: config)
            }
        }
    }

    // MARK: parameters

    public var parameters: [ParameterInfo] {
        var p = [ParameterInfo(key: "start_image", label: "start image (restart)", value: Double(startIndex),
                               range: 0...Double(config.startImages.count - 1), step: 1)]
        if hasDepressing {
            p.append(ParameterInfo(key: "u", label: "depressing U", value: depressing.U, range: 0.05...1, step: 0.01))
            p.append(ParameterInfo(key: "tau_rec_ms", label: "depressing τ_rec (ms)", value: depressing.tauRec,
                                   range: 5...1000, stepFactor: 1.25))
        }
        if hasOscillating {
            p.append(ParameterInfo(key: "frequency_hz", label: "oscillation frequency (Hz)", value: oscillation.frequencyHz,
                                   range: 0.5...100, stepFactor: 1.25))
            p.append(ParameterInfo(key: "amplitude_hz", label: "oscillation amplitude (Hz)", value: oscillation.amplitudeHz,
                                   range: 0...oscillation.base.excRateHz, step: 250))
        }
        return p
    }

    private var hasDepressing: Bool {
        config.streams.contains { if case .spiking(let s, _) = $0.kind { return s.U < 1 } else { return false } }
    }

    private var hasOscillating: Bool {
        config.streams.contains { if case .spiking(_, let o) = $0.kind { return o } else { return false } }
    }

    public func setParameter(_ key: String, to value: Double) throws(ParameterError) {
        guard let info = parameters.first(where: { $0.key == key }) else { throw .unknown(key: key) }
        guard info.range.contains(value) else { throw .outOfRange(key: key, value: value, range: info.range) }
        switch key {
        case "start_image":
            restart(imageIndex: Int(value.rounded()))
        case "u":
            depressing = MixingSynapses.depressing(U: value, tauRec: depressing.tauRec)
            applyDepressing()
        case "tau_rec_ms":
            depressing = MixingSynapses.depressing(U: depressing.U, tauRec: value)
            applyDepressing()
        case "frequency_hz":
            oscillation.frequencyHz = value
            applyOscillation()
        default:
            oscillation.amplitudeHz = value
            applyOscillation()
        }
    }

    /// Restarts every stream from start image `imageIndex` (new random streams, statistics cleared).
    public func restart(imageIndex: Int) {
        startIndex = min(max(0, imageIndex), config.startImages.count - 1)
        restarts += 1
        start(image: config.startImages[startIndex])
    }

    private func applyDepressing() {
        for i in streams.indices {
            guard case .spiking(var s, let osc) = streams[i].sampler, s.synapses.U < 1 else { continue }
            s.setSynapses(depressing)
            streams[i].sampler = .spiking(s, oscillating: osc)
            streams[i].resetStatistics(classCount: config.classCount, pixelCount: config.pixelCount,
                                       batchSlots: config.batchSlots, maxLag: config.maxLag)
        }
    }

    private func applyOscillation() {
        for i in streams.indices {
            guard case .spiking(var s, let osc) = streams[i].sampler, osc else { continue }
            s.setOscillation(oscillation)
            streams[i].sampler = .spiking(s, oscillating: osc)
            streams[i].resetStatistics(classCount: config.classCount, pixelCount: config.pixelCount,
                                       batchSlots: config.batchSlots, maxLag: config.maxLag)
        }
    }
}
