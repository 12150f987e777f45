import SpikeCore

extension SpikettyApp {
    /// The fault that stopped the current experiment (its state or readout went non-finite),
    /// or nil while it runs. A stopped experiment is no longer advanced; its screen shows the
    /// message (ScreenChrome) until `r` restarts it.
    public var numericalFault: NumericalFault? {
        guard let record = faultRecord, record.experiment == ObjectIdentifier(experiment) else { return nil }
        return record.fault
    }

    /// Stops the current experiment with `fault` (logged as a message line too).
    func stop(_ fault: NumericalFault) {
        faultRecord = (fault, ObjectIdentifier(experiment))
        setMessage("experiment stopped: \(fault.variable) is \(fault.value) at step \(fault.step)")
    }
}
