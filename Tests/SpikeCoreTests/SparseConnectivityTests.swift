import Testing
@testable import SpikeCore

@Suite("Sparse connectivity")
struct SparseConnectivityTests {
    @Test("fixed in-degree: exactly K distinct presynaptic neurons per neuron, never itself")
    func fixedInDegreeShape() {
        let n = 300, k = 40
        let w = FixedInDegree.weights(count: n, inDegree: k, weight: 0.002, excitatoryFraction: 0.5, seed: 7)
        var pres = Array(repeating: [Int](), count: n)
        var excitatory = 0
        for j in 0..<n {
            for i in w.excitatoryRowStart[j]..<w.excitatoryRowStart[j + 1] { pres[Int(w.excitatoryTargets[i])].append(j); excitatory += 1 }
            for i in w.inhibitoryRowStart[j]..<w.inhibitoryRowStart[j + 1] { pres[Int(w.inhibitoryTargets[i])].append(j) }
        }
        for post in 0..<n {
            #expect(pres[post].count == k)
            #expect(Set(pres[post]).count == k)
            #expect(!pres[post].contains(post))
        }
        // Excitatory fraction: binomial(n·k, 1/2); 5 standard deviations.
        let total = Double(n * k)
        #expect(abs(Double(excitatory) - total / 2) < 5 * (total / 4).squareRoot())
        #expect(w.synapseCount == n * k)
    }

    @Test("fixed in-degree is deterministic for a seed and differs between seeds")
    func fixedInDegreeSeed() {
        let a = FixedInDegree.weights(count: 100, inDegree: 10, weight: 0.001, seed: 3)
        let b = FixedInDegree.weights(count: 100, inDegree: 10, weight: 0.001, seed: 3)
        let c = FixedInDegree.weights(count: 100, inDegree: 10, weight: 0.001, seed: 4)
        #expect(a == b)
        #expect(a != c)
    }

    @Test("a sparse projection gives the same spikes, bit for bit, as the same weights stored densely")
    func sparseEqualsDense() {
        expectSameAsDense(FixedInDegree.weights(count: 60, inDegree: 12, weight: 0.003, seed: 11))
    }

    /// Runs one network with `sparse` and one with the same weights stored densely, 20 000 steps of
    /// 0.1 ms, and expects the same spikes and membrane potentials, bit for bit.
    private func expectSameAsDense(_ sparse: SparseWeights) {
        let n = sparse.preCount
        var dense = DenseWeights(preCount: n, postCount: n)
        for j in 0..<n { for k in 0..<n { dense[j, k] = sparse.weight(pre: j, post: k) } }
        var a = Network(parameters: .sbsDefault, count: n, stepMs: 0.1, seed: 5, background: .sbsDefault)
        var b = a
        a.addProjection(sparse: sparse, model: .static, delayMs: 0.1)
        b.addProjection(weights: dense, model: .static, delayMs: 0.1)
        var spikesA: [Int32] = [], spikesB: [Int32] = []
        for _ in 0..<20_000 {
            a.step()
            b.step()
            spikesA += a.lastStepSpikes
            spikesB += b.lastStepSpikes
        }
        #expect(spikesA.count > 1000)
        #expect(spikesA == spikesB)
        #expect(a.population.v == b.population.v)
    }

    @Test("homogeneous weights are found per receptor; different weights keep the per-synapse path")
    func homogeneousWeights() {
        let fixed = FixedInDegree.weights(count: 50, inDegree: 5, weight: 0.002, seed: 2)
        #expect(fixed.uniformExcitatoryWeight == 0.002)
        #expect(fixed.uniformInhibitoryWeight == 0.002)
        let mixed = SparseWeights(preCount: 3, postCount: 3, synapses: [(0, 1, 0.5), (1, 2, 0.25), (2, 0, -0.1)])
        #expect(mixed.uniformExcitatoryWeight == nil)
        #expect(mixed.uniformInhibitoryWeight == 0.1)
        let none = SparseWeights(preCount: 2, postCount: 2, synapses: [(0, 1, 0.5)])
        #expect(none.uniformInhibitoryWeight == nil)
    }

    @Test("sparse rows with different weights (per-synapse path) give the same spikes, bit for bit, as dense storage")
    func heterogeneousSparseEqualsDense() {
        let n = 60
        let shape = FixedInDegree.weights(count: n, inDegree: 12, weight: 0.003, seed: 11)
        var rng = Xoshiro256StarStar(seed: 8)
        var synapses: [(pre: Int, post: Int, weight: Double)] = []
        for j in 0..<n {
            for k in 0..<n where shape.weight(pre: j, post: k) != 0 {
                synapses.append((j, k, shape.weight(pre: j, post: k) * (0.5 + rng.nextUniform())))
            }
        }
        let sparse = SparseWeights(preCount: n, postCount: n, synapses: synapses)
        #expect(sparse.uniformExcitatoryWeight == nil && sparse.uniformInhibitoryWeight == nil)
        expectSameAsDense(sparse)
    }

    @Test("sparse rows keep signs, drop zeros and sum multapses")
    func sparseRows() {
        let w = SparseWeights(preCount: 3, postCount: 3, synapses: [(0, 1, 0.5), (0, 2, -0.25), (1, 0, 0), (2, 1, 0.1), (2, 1, 0.2)])
        #expect(w.synapseCount == 4)
        #expect(w.weight(pre: 0, post: 1) == 0.5)
        #expect(w.weight(pre: 0, post: 2) == -0.25)
        #expect(w.weight(pre: 1, post: 0) == 0)
        #expect(abs(w.weight(pre: 2, post: 1) - 0.3) < 1e-15)
    }
}
