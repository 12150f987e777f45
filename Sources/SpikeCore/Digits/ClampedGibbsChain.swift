/// Block Gibbs sampling of a restricted Boltzmann machine with some visible units clamped, the
/// reference for spiking inference (science.md 1.11, 3.4 step 4: "block Gibbs (v|h, h|v
/// alternation)"): a sweep draws h ~ p(h | v), then every free visible unit from p(v_i | h).
public struct ClampedGibbsChain: Sendable {
    public let machine: RestrictedBoltzmannMachine
    /// Visible state (pixels, labels) and hidden state, as 0/1.
    public private(set) var visible: [Double]
    public private(set) var hidden: [Double]
    /// nil: free; true/false: clamped.
    public private(set) var clamps: [Bool?]
    private var rng: Xoshiro256StarStar
    private var scratchH: [Double], scratchV: [Double]

    public init(machine: RestrictedBoltzmannMachine, rng: Xoshiro256StarStar) {
        self.machine = machine
        self.rng = rng
        visible = Array(repeating: 0, count: machine.visibleCount)
        hidden = Array(repeating: 0, count: machine.hiddenCount)
        clamps = Array(repeating: nil, count: machine.visibleCount)
        scratchH = hidden
        scratchV = visible
    }

    /// Clamps visible unit i (nil frees it); a clamped unit takes its value at once.
    public mutating func clamp(_ i: Int, to value: Bool?) {
        clamps[i] = value
        if let value { visible[i] = value ? 1 : 0 }
    }

    /// One sweep: h ~ p(h | v), then the free visible units ~ p(v | h).
    public mutating func sweep() {
        machine.hiddenInput(visible, into: &scratchH)
        for j in 0..<machine.hiddenCount { hidden[j] = rng.nextUniform() < BoltzmannMachine.sigmoid(scratchH[j]) ? 1 : 0 }
        machine.visibleInput(hidden, into: &scratchV)
        for i in 0..<machine.visibleCount where clamps[i] == nil {
            visible[i] = rng.nextUniform() < BoltzmannMachine.sigmoid(scratchV[i]) ? 1 : 0
        }
    }
}
