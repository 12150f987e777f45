/// The names and labels of one noise-source lane's figures in the `noise-sources` readout
/// (`NoiseSourcesExperiment.readout`), built once per kind: the live app reads the readout every
/// frame, and interpolating some sixty names each time cost more than the figures (issue 13).
struct NoiseSourcesFigureNames: Sendable {
    let divergence: (name: String, label: String)
    let inputCorrelation: (name: String, label: String)
    let beta: (name: String, label: String)
    let offset: (name: String, label: String)
    /// One per `NoiseSourcesExperiment.tableTimes` entry.
    let divergenceAt: [(name: String, label: String)]
    let pooled: (name: String, label: String)
    let correlationMap: String

    init(_ kind: NoiseSourceKind) {
        let s = kind.figureSuffix, label = kind.label
        divergence = ("dkl_target_sampled_\(s)", "D_KL(p*‖p) \(label)")
        inputCorrelation = ("input_corr_mean_\(s)", "input corr. \(label)")
        beta = ("beta_eff_\(s)", "β_eff \(label)")
        offset = ("offset_\(s)", "h₀ \(label)")
        divergenceAt = NoiseSourcesExperiment.tableTimes.map { t in
            ("dkl_target_sampled_\(s)_\(t.label)", "D_KL \(label) at \(t.label) ms")
        }
        pooled = ("dkl_pooled_\(s)", "D_KL pooled over networks, \(label)")
        correlationMap = "input correlation · \(label)"
    }

    /// Every kind's names.
    static let byKind: [NoiseSourceKind: NoiseSourcesFigureNames] =
        Dictionary(uniqueKeysWithValues: NoiseSourceKind.allCases.map { ($0, NoiseSourcesFigureNames($0)) })
}
