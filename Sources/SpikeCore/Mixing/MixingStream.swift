/// The sampler and the statistics of one image stream of `MixingExperiment`.
struct MixingStream: Sendable {
    enum Sampler: Sendable {
        case gibbs(BlockGibbsSampler)
        case tempering(AdaptiveSimulatedTempering)
        case spiking(SpikingImageSampler, oscillating: Bool)
    }

    let spec: MixingStreamSpec
    var sampler: Sampler
    var switches: ClassSwitchCounter
    var occupancy: ClassOccupancy
    var autocorrelation: ImageAutocorrelation
    /// Recent samples (pixels), classes, switch flags.
    var recentImages: [[Bool]] = []
    /// `recentImages` as intensities (1 = on, 0 = off), as the readout hands them to the screen:
    /// converted once per sample instead of at every frame's readout.
    var recentIntensities: [[Double]] = []
    var recentClasses: [Int?] = []
    var recentSwitched: [Bool] = []
    /// (time ms, F(v)) of the current visible state at every slot.
    var freeEnergy: [(timeMs: Double, value: Double)] = []

    init(spec: MixingStreamSpec, sampler: Sampler, classCount: Int, pixelCount: Int, batchSlots: Int, maxLag: Int) {
        self.spec = spec
        self.sampler = sampler
        switches = ClassSwitchCounter(batchSlots: batchSlots)
        occupancy = ClassOccupancy(classCount: classCount)
        autocorrelation = ImageAutocorrelation(pixelCount: pixelCount, maxLag: maxLag)
    }

    /// Clears the statistics (not the sampler state).
    mutating func resetStatistics(classCount: Int, pixelCount: Int, batchSlots: Int, maxLag: Int) {
        switches = ClassSwitchCounter(batchSlots: batchSlots)
        occupancy = ClassOccupancy(classCount: classCount)
        autocorrelation = ImageAutocorrelation(pixelCount: pixelCount, maxLag: maxLag)
        recentImages = []
        recentIntensities = []
        recentClasses = []
        recentSwitched = []
        freeEnergy = []
    }

    /// Records one slot's sample `z` (kept or not) at `timeMs`.
    mutating func record(_ z: [Bool], kept: Bool, timeMs: Double, config c: MixingConfig) {
        let pixels = Array(z.prefix(c.pixelCount))
        freeEnergy.append((timeMs: timeMs, value: c.machine.visibleFreeEnergy(z, visibleCount: c.visibleCount)))
        if freeEnergy.count > c.freeEnergyPoints { freeEnergy.removeFirst(freeEnergy.count - c.freeEnergyPoints) }
        var label: Int?
        var switched = false
        if kept {
            let l = c.classify(pixels.map { $0 ? 1 : 0 })
            label = l
            occupancy.add(l)
            autocorrelation.add(pixels)
            switched = switches.record(l)
        } else {
            switches.record(nil)
        }
        recentImages.append(pixels)
        recentIntensities.append(pixels.map { $0 ? 1 : 0 })
        recentClasses.append(label)
        recentSwitched.append(switched)
        if recentImages.count > c.stripLength {
            let extra = recentImages.count - c.stripLength
            recentImages.removeFirst(extra)
            recentIntensities.removeFirst(extra)
            recentClasses.removeFirst(extra)
            recentSwitched.removeFirst(extra)
        }
    }
}
