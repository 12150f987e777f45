/// Fixed in-degree noise connectivity in compressed-row form: unit r reads sources
/// `source[start[r]..<start[r+1]]` (absolute indices into the state vector) with weights
/// `weight[...]` (science.md 2.2, `create_noise_weight_matrix_fixed_indegree`,
/// `create_BRN_weight_matrix_fixed_indegree`: K_E distinct excitatory sources with +w and K_I
/// distinct inhibitory sources with −g·w per unit, drawn without replacement).
public struct NoiseWiring: Sendable, Equatable {
    public private(set) var start: [Int] = [0]
    public private(set) var source: [Int32] = []
    public private(set) var weight: [Double] = []

    public init() {}

    /// Number of rows (reading units).
    public var rowCount: Int { start.count - 1 }

    /// Appends a row reading `kE` of `excitatory` and `kI` of `inhibitory` candidates.
    public mutating func appendRow(excitatory: [Int], inhibitory: [Int], kE: Int, kI: Int,
                                   weight w: Double, inhibition g: Double, rng: inout Xoshiro256StarStar) {
        precondition(kE <= excitatory.count && kI <= inhibitory.count, "not enough noise sources for the in-degree")
        for j in Self.choose(kE, from: excitatory, rng: &rng) { source.append(Int32(j)); weight.append(w) }
        for j in Self.choose(kI, from: inhibitory, rng: &rng) { source.append(Int32(j)); weight.append(-g * w) }
        start.append(source.count)
    }

    /// k distinct elements of `pool` (partial Fisher–Yates).
    static func choose(_ k: Int, from pool: [Int], rng: inout Xoshiro256StarStar) -> [Int] {
        var a = pool
        for i in 0..<k {
            let j = i + Int(rng.nextUniform() * Double(a.count - i))
            a.swapAt(i, j)
        }
        return Array(a[0..<k])
    }

    /// Σ_e w_e s_src(e) for row r.
    @inline(__always)
    func input(row r: Int, states s: [UInt8]) -> Double {
        var x = 0.0
        for e in start[r]..<start[r + 1] where s[Int(source[e])] != 0 { x += weight[e] }
        return x
    }

    /// Number of sources rows r and q share.
    public func sharedSources(_ r: Int, _ q: Int) -> Int {
        Set(source[start[r]..<start[r + 1]]).intersection(source[start[q]..<start[q + 1]]).count
    }
}
