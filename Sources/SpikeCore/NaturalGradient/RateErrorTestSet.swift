/// The error measures of science.md 5.4 on a fixed test set of stationary filtered inputs
/// ([Kreutzer2022] code `Figure3/File05_main_simulation.py`): K input PSP vectors x^ε, each
/// taken after `settleSteps` steps of fresh Poisson input from rest.
///
/// - rate RMSE = φ_max √⟨(φ(w·x) − φ(w*·x))²⟩ in Hz,
/// - KL cost = ⟨KL(Bernoulli(φ_max φ(w*·x) dt) ‖ Bernoulli(φ_max φ(w·x) dt))⟩ per bin.
public struct RateErrorTestSet: Sendable {
    /// Row-major K × N filtered inputs (1/s).
    public let inputs: [Double]
    public let count: Int
    public let inputCount: Int
    /// Teacher potentials w*·x per test vector, mV.
    public let teacherPotentials: [Double]
    let transfer: SigmoidTransfer
    let stepSeconds: Double

    public init(setup: NaturalGradientTask, seed: UInt64) {
        var rows: [Double] = []
        rows.reserveCapacity(setup.testSetSize * setup.inputCount)
        var rng = Xoshiro256StarStar(seed: seed, stream: NaturalGradientStreams.testSet)
        for _ in 0..<setup.testSetSize {
            var afferents = PoissonAfferents(ratesHz: setup.ratesHz, stepSeconds: setup.stepSeconds, kernel: setup.kernel,
                                             rng: Xoshiro256StarStar(seed: rng.next()))
            for _ in 0..<setup.testSettleSteps { afferents.step() }
            rows += afferents.filtered
        }
        self.init(inputs: rows, inputCount: setup.inputCount, teacherWeights: setup.teacherWeights,
                  transfer: setup.transfer, stepSeconds: setup.stepSeconds)
    }

    /// A test set from given input rows (row-major, `inputCount` per row).
    public init(inputs: [Double], inputCount: Int, teacherWeights: [Double], transfer: SigmoidTransfer, stepSeconds: Double) {
        precondition(inputCount > 0 && inputs.count % inputCount == 0 && teacherWeights.count == inputCount)
        self.inputs = inputs
        self.inputCount = inputCount
        count = inputs.count / inputCount
        self.transfer = transfer
        self.stepSeconds = stepSeconds
        teacherPotentials = (0..<(inputs.count / inputCount)).map { k in
            (0..<inputCount).reduce(0.0) { $0 + teacherWeights[$1] * inputs[k * inputCount + $1] }
        }
    }

    /// Potential w·x of test vector k, mV.
    public func potential(_ k: Int, weights w: [Double]) -> Double {
        var v = 0.0
        let base = k * inputCount
        for i in 0..<inputCount { v += w[i] * inputs[base + i] }
        return v
    }

    /// Rate RMSE of somatic weights `w` against the teacher, Hz.
    public func rateRMSE(weights w: [Double]) -> Double {
        var sum = 0.0
        for k in 0..<count {
            let d = transfer.phi(potential(k, weights: w)) - transfer.phi(teacherPotentials[k])
            sum += d * d
        }
        return transfer.maxRateHz * (sum / Double(count)).squareRoot()
    }

    /// Mean KL cost per bin of somatic weights `w`.
    public func klCost(weights w: [Double]) -> Double {
        var sum = 0.0
        let scale = transfer.maxRateHz * stepSeconds
        for k in 0..<count {
            sum += bernoulliKL(teacher: scale * transfer.phi(teacherPotentials[k]),
                               student: scale * transfer.phi(potential(k, weights: w)))
        }
        return sum / Double(count)
    }
}
