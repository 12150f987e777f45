/// An experiment whose raster rows are neurons with a membrane potential the app can show on
/// request (a click on a raster row): the clicked neuron gets a `MembraneRecorder` of its own,
/// sampled like the experiment's traces, unless the experiment already traces it.
///
/// Probing only records: it draws no random numbers and changes neither the dynamics nor
/// `readout()` (so a session log's checksums do not depend on what was clicked).
public protocol MembraneProbing: AnyObject {
    /// Starts showing neuron `neuron` (raster row numbering); replaces the previous probe.
    /// Neurons outside the raster are ignored.
    func probeMembrane(of neuron: Int)
    /// The probed neuron and its membrane-potential trace (mV over ms, threshold as the
    /// trace's reference), nil before any probe.
    func probedMembrane() -> (neuron: Int, trace: Trace)?
}

/// The probe recorder of one `Network`: which neuron it follows and where its recorder is.
public struct MembraneProbe: Sendable {
    public private(set) var neuron: Int?
    /// Index of the probe's own recorder in `Network.membraneRecorders` (nil: none added yet,
    /// or the neuron is read from an existing recorder).
    private var recorderIndex: Int?
    /// Recorder (index) and trace (index within it) the neuron is read from.
    private var source: (recorder: Int, trace: Int)?

    public init() {}

    /// Follows `neuron`: from `existing` (recorder index) when it already records the neuron,
    /// else from the probe's own recorder of one neuron sampled every `intervalSteps` steps,
    /// keeping `capacity` samples.
    public mutating func follow(_ neuron: Int, in network: inout Network, existing: Int?, intervalSteps: Int, capacity: Int) {
        guard neuron >= 0, neuron < network.neuronCount, neuron != self.neuron else { return }
        self.neuron = neuron
        if let e = existing, e < network.membraneRecorders.count,
           let i = network.membraneRecorders[e].neurons.firstIndex(of: neuron) {
            source = (e, i)
            return
        }
        let recorder = MembraneRecorder(neurons: [neuron], intervalSteps: intervalSteps, capacity: capacity)
        if let index = recorderIndex {
            network.replaceMembraneRecorder(index, with: recorder)
        } else {
            recorderIndex = network.addMembraneRecorder(neurons: [neuron], intervalSteps: intervalSteps, capacity: capacity)
        }
        source = (recorderIndex!, 0)
    }

    /// The followed neuron's trace over the last `windowSteps` steps.
    public func trace(in network: Network, stepMs: Double, windowSteps: Int64, threshold: Double) -> (neuron: Int, trace: Trace)? {
        guard let neuron, let source, source.recorder < network.membraneRecorders.count else { return nil }
        let trace = network.membraneRecorders[source.recorder].trace(source.trace, label: "neuron \(neuron)", stepMs: stepMs,
                                                                     windowSteps: windowSteps, reference: threshold)
        return (neuron, trace)
    }
}
