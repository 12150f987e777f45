import Testing
@testable import SpikeCore
#if canImport(Glibc)
import Glibc
#endif

/// Exact enumeration, conditionals, validation and the canonical machine of science.md 1.12.
@Suite("Boltzmann machine (science.md 1.1, 1.12)")
struct BoltzmannMachineTests {
    @Test func canonicalMachineMatchesTheBrief() {
        let d = BoltzmannDistribution(.canonical)
        let expected = [0.8037, 0.6796, 0.3935, 0.7461, 0.1546]
        for (m, e) in zip(d.marginals, expected) { #expect(abs(m - e) < 5e-5, "marginal \(m) vs \(e)") }
        #expect(abs(d.entropy - 2.702) < 5e-4)
        #expect(abs(d.probabilities.max()! - 0.278) < 5e-4)
        #expect(abs(d.probabilities.min()! - 0.00199) < 5e-6)
        #expect(abs(d.probabilities.reduce(0, +) - 1) < 1e-12)
    }

    /// Index = Σ z_k 2^{N−1−k}: z_0 is the most significant bit.
    @Test func stateIndexConvention() {
        let m = BoltzmannMachine.canonical
        #expect(m.index(of: [true, false, false, false, false]) == 16)
        #expect(m.index(of: [false, false, false, false, true]) == 1)
        #expect(m.label(index: 0b10110) == "10110")
        for i in 0..<32 { #expect(m.index(of: m.state(index: i)) == i) }
        // E(z) = −(½ zᵀWz + bᵀz) for z = 11000: −(W01 + b0 + b1).
        #expect(abs(m.energy(index: 0b11000) + (0.335 + 1.578 + 0.322)) < 1e-12)
    }

    /// Log-sum-exp enumeration equals the direct formula where that does not overflow, and
    /// stays finite and normalised where it would.
    @Test func enumerationIsExact() {
        let m = BoltzmannMachine.random(units: 7, seed: 3)
        let d = BoltzmannDistribution(m)
        let unnormalised = (0..<m.stateCount).map { exp(-m.energy(index: $0)) }
        let z = unnormalised.reduce(0, +)
        for i in 0..<m.stateCount { #expect(abs(d.probabilities[i] - unnormalised[i] / z) < 1e-14) }
        #expect(abs(d.logPartition - log(z)) < 1e-12)

        let huge = BoltzmannMachine(weights: [[0, 800], [800, 0]], biases: [400, -300])
        let h = BoltzmannDistribution(huge)
        #expect(h.logPartition.isFinite && h.probabilities.allSatisfy(\.isFinite))
        #expect(abs(h.probabilities.reduce(0, +) - 1) < 1e-12)
        #expect(h.probabilities[3] > 0.999_999)  // z = 11: E = −900
    }

    /// p(z_k = 1 | z_\k) = σ(b_k + Σ W_kj z_j) equals the ratio of joint probabilities.
    @Test func conditionalsFollowFromTheJoint() {
        let m = BoltzmannMachine.canonical
        let p = BoltzmannDistribution(m).probabilities
        for i in 0..<m.stateCount {
            var z = m.state(index: i)
            for k in 0..<m.unitCount {
                z[k] = true
                let on = p[m.index(of: z)]
                z[k] = false
                let off = p[m.index(of: z)]
                #expect(abs(m.conditional(k, z) - on / (on + off)) < 1e-12)
                z = m.state(index: i)
            }
        }
    }

    @Test func validationNamesTheProblem() {
        #expect(BoltzmannMachine.problems(weights: [[0, 1], [0.5, 0]], biases: [0, 0]).first?.contains("symmetric") == true)
        #expect(BoltzmannMachine.problems(weights: [[1, 0], [0, 0]], biases: [0, 0]).first?.contains("diagonal") == true)
        #expect(BoltzmannMachine.problems(weights: [[0, 0], [0, 0]], biases: [0, 0, 0]).first?.contains("3 weight rows") == true)
        #expect(BoltzmannMachine.problems(weights: [[0, 0, 0], [0, 0]], biases: [0, 0]).count >= 1)
        #expect(BoltzmannMachine.problems(weights: [[0, .nan], [.nan, 0]], biases: [0, 0]).first?.contains("finite") == true)
        #expect(BoltzmannMachine.problems(weights: [[0, 1], [1, 0]], biases: [0, 0]).isEmpty)
    }

    @Test func randomMachineIsSeededSymmetricAndHasTheStatedSpread() {
        let a = BoltzmannMachine.random(units: 12, seed: 9), b = BoltzmannMachine.random(units: 12, seed: 9)
        #expect(a == b)
        #expect(a != BoltzmannMachine.random(units: 12, seed: 10))
        #expect(BoltzmannMachine.problems(weights: a.weightRows, biases: a.biases).isEmpty)
        // 66 off-diagonal pairs per machine, 40 machines: sd within ±10 % of 0.7 (SE ≈ 1.1 %).
        var sum2 = 0.0, count = 0.0
        for seed in 0..<40 {
            let m = BoltzmannMachine.random(units: 12, seed: UInt64(seed), weightSD: 0.7)
            for k in 0..<12 { for j in (k + 1)..<12 { sum2 += m.weight(k, j) * m.weight(k, j); count += 1 } }
        }
        #expect(abs((sum2 / count).squareRoot() - 0.7) < 0.07)
    }

    @Test func grayCodeGridNeighboursDifferInOneUnit() {
        for n in 2...12 {
            let g = GrayCodeGrid(unitCount: n)
            #expect(g.columns == 1 << ((n + 1) / 2) && g.rows == 1 << (n / 2))
            var seen = Set<Int>()
            for r in 0..<g.rows {
                for c in 0..<g.columns {
                    let s = g.state(column: c, row: r)
                    seen.insert(s)
                    #expect(g.cell(ofState: s) == (c, r))
                    if c + 1 < g.columns { #expect((s ^ g.state(column: c + 1, row: r)).nonzeroBitCount == 1) }
                    if r + 1 < g.rows { #expect((s ^ g.state(column: c, row: r + 1)).nonzeroBitCount == 1) }
                }
            }
            #expect(seen.count == 1 << n)
        }
        for i in 0..<1024 { #expect(GrayCodeGrid.inverseGray(GrayCodeGrid.gray(i)) == i) }
        let g = GrayCodeGrid(unitCount: 5)
        let values = (0..<32).map(Double.init)
        let laid = g.layout(values)
        #expect(laid[1 * g.columns + 2] == Double(g.state(column: 2, row: 1)))
    }
}
