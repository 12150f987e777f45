/// The experiments built on one `Network` report its population's non-finite state
/// (membrane potential, conductances) by neuron, for `NumericalGuard`.
extension HighConductanceStateExperiment {
    public func nonFiniteState() -> (String, Double)? { network.nonFiniteState() }
}

extension LIFSamplingExperiment {
    public func nonFiniteState() -> (String, Double)? { network.nonFiniteState() }
}
