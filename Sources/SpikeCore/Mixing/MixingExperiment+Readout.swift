extension MixingExperiment {
    /// Mixing figures of stream `name` (nil before it exists).
    public func switchesPer1000(_ name: String) -> Double? { stream(name)?.switches.switchesPer1000 }

    /// The switch counter of stream `name` (rate, batch-means standard error).
    public func switchCounter(_ name: String) -> ClassSwitchCounter? { stream(name)?.switches }

    /// Class occupancy of stream `name`.
    public func occupancy(_ name: String) -> ClassOccupancy? { stream(name)?.occupancy }

    /// Image autocorrelation of stream `name`.
    public func autocorrelation(_ name: String) -> ImageAutocorrelation? { stream(name)?.autocorrelation }

    /// Tempering visits per level (empty without a tempering stream).
    public var temperingVisits: [Int64] {
        for s in streams { if case .tempering(let t) = s.sampler { return t.visits } }
        return []
    }

    func stream(_ name: String) -> MixingStream? { streams.first { $0.spec.name == name } }

    /// The figures, free-energy series and sample streams now. Memoizes each stream's
    /// autocorrelation time (recomputed only after a new kept sample; same value).
    public func readout() -> Readout {
        let c = config
        var figures: [Figure] = []
        var series: [Series] = []
        var out: [SampleStream] = []
        for i in streams.indices {
            let tau = streams[i].autocorrelation.memoizedIntegratedTime()
            let s = streams[i]
            let name = s.spec.name
            let dkl = s.occupancy.divergence(from: c.dataClassFrequencies)
            figures.append(Figure(name: "switches_per_1000_\(name)", value: s.switches.switchesPer1000,
                                  label: "\(s.spec.label): class switches per 1000 sweeps (10 ms)"))
            figures.append(Figure(name: "occupancy_dkl_\(name)", value: dkl,
                                  label: "\(s.spec.label): D_KL(data classes ‖ sampled classes)"))
            figures.append(Figure(name: "autocorr_time_\(name)", value: tau ?? .nan,
                                  label: "\(s.spec.label): integrated autocorrelation time (samples)"))
            series.append(Series(name: "free_energy_\(name)", points: s.freeEnergy))
            out.append(SampleStream(name: name, label: s.spec.label, imageWidth: c.imageWidth, imageHeight: c.imageHeight,
                                    images: s.recentIntensities, classes: s.recentClasses,
                                    switched: s.recentSwitched, switches: s.switches.switches,
                                    keptSamples: s.switches.keptSamples, slots: s.switches.slots,
                                    occupancyDivergence: dkl, occupancy: s.occupancy.frequencies))
        }
        let slots = streams.first?.switches.slots ?? 0
        figures.append(Figure(name: "slots", value: Double(slots), label: "sweeps per sampler (1 sweep = 10 ms)"))
        if streams.contains(where: { if case .spiking(_, true) = $0.sampler { return true } else { return false } }) {
            let rate = oscillation.excitatoryRate(atMs: timeMs)
            figures.append(Figure(name: "background_rate_hz", value: rate, label: "background rate now (Hz)"))
            figures.append(Figure(name: "effective_temperature",
                                  value: EffectiveTemperature.relative(neuron: c.neuron, background: oscillation.background(atMs: timeMs),
                                                                       reference: oscillationTranslation.background),
                                  label: "effective temperature now (α_theo(ν)/α_theo(ν_calibrated))"))
            let span = 3 * oscillation.periodMs
            let points = stride(from: max(0, timeMs - span), through: timeMs, by: max(c.stepMs, span / 300)).map {
                (timeMs: $0, value: oscillation.excitatoryRate(atMs: $0))
            }
            series.append(Series(name: "background_rate_hz", points: points))
        }
        var r = Readout(timeMs: timeMs, figures: figures, series: series)
        r.sampleStreams = out
        return r
    }
}
