import Testing
@testable import SpikeCore

/// The weight quantiser of the emulated chips (science.md 4.3 step 1, 4.4 test 1).
@Suite("Weight quantiser (science.md 4.3)")
struct WeightQuantiserTests {
    /// Every weight in a fine sweep of [−w_max, w_max].
    static let sweep = (-2000...2000).map { Double($0) / 2000 * 0.0123 }

    @Test("4 bits give 16 levels, 6 bits 64 (magnitudes, including 0)", arguments: [(4, 16), (6, 64)])
    func levelCount(bits: Int, levels: Int) {
        let q = WeightQuantiser(bits: bits)
        #expect(q.levels == levels)
        let magnitudes = Set(Self.sweep.map { abs(q.quantise($0, maximum: 0.0123)) })
        #expect(magnitudes.count == levels)
        #expect(magnitudes.contains(0) && magnitudes.contains(0.0123))
        let indices = Set(Self.sweep.compactMap { q.level($0, maximum: 0.0123) })
        #expect(indices == Set(0..<levels))
    }

    @Test("Idempotent, sign kept, nearest level, clipped at w_max", arguments: [4, 6])
    func idempotentAndSigned(bits: Int) {
        let q = WeightQuantiser(bits: bits), wMax = 0.0123
        let step = wMax / Double((1 << bits) - 1)
        for w in Self.sweep {
            let once = q.quantise(w, maximum: wMax)
            #expect(q.quantise(once, maximum: wMax) == once)
            #expect(abs(once - w) <= step / 2 + 1e-15)
            if once != 0 { #expect((once > 0) == (w > 0)) }
        }
        #expect(q.quantise(-0.05, maximum: wMax) == -wMax)
        #expect(q.quantise(0.05, maximum: wMax) == wMax)
    }

    @Test("Unlimited bits change nothing")
    func unlimited() {
        let q = WeightQuantiser(bits: nil)
        for w in Self.sweep { #expect(q.quantise(w, maximum: 0.0123) == w) }
    }

    @Test("Per-row scales: one w_max per presynaptic neuron and receptor; global: one for all")
    func scales() {
        let w: [[Double]] = [[0, 0.004, -0.002], [0.001, 0, 0.0005], [-0.006, 0.003, 0]]
        let perRow = WeightScales(weights: w, mode: .perRow)
        #expect(perRow.excitatory == [0.004, 0.001, 0.003])
        #expect(perRow.inhibitory == [0.002, 0, 0.006])
        let global = WeightScales(weights: w, mode: .global)
        #expect(global.excitatory == [0.006, 0.006, 0.006] && global.inhibitory == global.excitatory)
        // The largest weight of each row is a level; with per-row scales small rows keep precision.
        let q = perRow.quantise(w, with: WeightQuantiser(bits: 4))
        #expect(abs(q[1][2] - 0.0005) <= 0.001 / 30 + 1e-15)
        #expect(q[0][1] == 0.004 && q[2][0] == -0.006)
        let qGlobal = global.quantise(w, with: WeightQuantiser(bits: 4))
        #expect(abs(qGlobal[1][2] - 0.0005) > abs(q[1][2] - 0.0005))
    }
}
