/// A simulation state or shown value that stopped being a finite number (NaN or ±inf): the
/// experiment is stopped with this message instead of drawing or reporting NaN (issue 12).
public struct NumericalFault: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went non-finite, with its index and unit: `membrane potential v[12] (mV)`.
    public var variable: String
    /// The offending value (NaN, +inf or -inf).
    public var value: Double
    /// Integration step at which it was found (`timeMs / stepMs`).
    public var step: Int64
    /// Biological time at which it was found, ms.
    public var timeMs: Double

    public init(variable: String, value: Double, step: Int64, timeMs: Double) {
        self.variable = variable
        self.value = value
        self.step = step
        self.timeMs = timeMs
    }

    public var description: String {
        "numerical fault: \(variable) became \(value) at step \(step) (t = \(timeMs) ms); the experiment was stopped"
    }
}

/// Finds the first non-finite value of an experiment: its own state (`stateFault`, cheap:
/// one pass over the state vectors, once per frame, never inside the step loop) and then
/// everything its readout would show.
public enum NumericalGuard {
    public static func check(_ experiment: any Experiment, readout: Readout? = nil) -> NumericalFault? {
        if let found = experiment.nonFiniteState() { return fault(found, in: experiment) }
        return readout.flatMap { check(readout: $0, of: experiment) }
    }

    /// Only what `readout` would show (the app checks the state once after each advance and the
    /// readout when it draws it, so the state is not scanned twice per frame).
    public static func check(readout: Readout, of experiment: any Experiment) -> NumericalFault? {
        readout.firstNonFinite().map { fault($0, in: experiment) }
    }

    static func fault(_ found: (String, Double), in experiment: any Experiment) -> NumericalFault {
        let step = experiment.stepMs > 0 ? Int64((experiment.timeMs / experiment.stepMs).rounded()) : 0
        return NumericalFault(variable: found.0, value: found.1, step: step, timeMs: experiment.timeMs)
    }

    /// The first non-finite entry of `values` as (`name[i]`, value).
    @inlinable
    public static func firstNonFinite(_ values: [Double], name: String) -> (String, Double)? {
        for (i, v) in values.enumerated() where !v.isFinite { return ("\(name)[\(i)]", v) }
        return nil
    }
}

extension Experiment {
    /// The first state variable that is not finite, as (name with index and unit, value).
    /// Default: none known; experiments built on a `Network` report their population's state.
    public func nonFiniteState() -> (String, Double)? { nil }
}

extension Network {
    /// The first membrane potential or conductance that is not finite, named with its neuron.
    public func nonFiniteState() -> (String, Double)? {
        NumericalGuard.firstNonFinite(population.v, name: "membrane potential v (mV) of neuron")
            ?? NumericalGuard.firstNonFinite(population.gE, name: "excitatory conductance gE (µS) of neuron")
            ?? NumericalGuard.firstNonFinite(population.gI, name: "inhibitory conductance gI (µS) of neuron")
    }
}

extension Readout {
    /// The first non-finite value among those that never stand for "no data": the time, the
    /// raster's spike times and image pixels, as (what, value). Traces, series, histograms,
    /// distributions, landscapes and figures are left out: they use NaN on purpose for gaps and
    /// values not measured yet (a pre-scan point not reached, a figure shown as "—"), which the
    /// widgets draw as gaps. The engine state itself is checked by `Experiment.nonFiniteState`.
    public func firstNonFinite() -> (String, Double)? {
        if !timeMs.isFinite { return ("time (ms)", timeMs) }
        if let raster, raster.stackedStates?.spikeTimesAreFinite != true,
           let r = NumericalGuard.firstNonFinite(raster.spikeTimesMs, name: "spike time (ms)") { return r }
        for image in images {
            if let r = NumericalGuard.firstNonFinite(image.values, name: "image '\(image.label)'") { return r }
        }
        return nil
    }
}
