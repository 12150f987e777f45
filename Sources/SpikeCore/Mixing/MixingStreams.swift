extension MixingStreamSpec {
    /// The stp-mixing comparison (science.md 3.4 step 4, 3.5): block Gibbs, LIF renewing, LIF
    /// depressing, adaptive simulated tempering.
    public static func stpComparison(depressing: MixingSynapses = .depressing(), tauSyn: Double = 10) -> [MixingStreamSpec] {
        [MixingStreamSpec(name: "gibbs", label: "block Gibbs", kind: .gibbs),
         MixingStreamSpec(name: "renewing", label: "LIF renewing", kind: .spiking(.renewing(tauSyn: tauSyn), oscillating: false)),
         MixingStreamSpec(name: "depressing", label: "LIF depressing", kind: .spiking(depressing, oscillating: false)),
         MixingStreamSpec(name: "tempering", label: "tempering (AST)", kind: .tempering)]
    }

    /// The oscillations comparison (science.md 3.6): block Gibbs, LIF renewing with a steady
    /// background, the same with the oscillating background (trough readout), tempering.
    public static func oscillationComparison(tauSyn: Double = 10) -> [MixingStreamSpec] {
        [MixingStreamSpec(name: "gibbs", label: "block Gibbs", kind: .gibbs),
         MixingStreamSpec(name: "renewing", label: "LIF steady background", kind: .spiking(.renewing(tauSyn: tauSyn), oscillating: false)),
         MixingStreamSpec(name: "oscillating", label: "LIF oscillating background", kind: .spiking(.renewing(tauSyn: tauSyn), oscillating: true)),
         MixingStreamSpec(name: "tempering", label: "tempering (AST)", kind: .tempering)]
    }
}
