/// The slowly varying coefficients of the natural-gradient rule (science.md 5.3;
/// [Kreutzer2022] code `Figure3/File04_create_lt.py`, function `g(m, v, q)`), computed by
/// quadrature instead of the code's lookup table over m ∈ [−15, 15], v ∈ [10, 410].
///
/// They depend only on the mean m = ∫ε·Σ w_i r_i (mV) and the variance v = c_ε Σ w_i² r_i
/// (mV²) of the somatic potential and on q = Σ r_i / c_ε:
///
///     I_k = β² ∫ du φ_max φ(u)(1 − φ(u))² u^{k−1} 𝒩(u; m, v)        (k = 1, 2, 3)
///     c_2 = (I_2 − I_1 m)/v,   c_3 = (I_3 − I_1(m² + v) − 2 c_2 m v)/v²
///     K_1 = 1/(I_1(q+1) + c_2 m)
///     K_2 = 1/(I_1 + c_2 m + c_3 v − K_1 (I_1 m + c_2 v)(c_2 q + c_3 m))
///     g_1 … g_4 as in science.md 5.3.
public struct NaturalGradientCoefficients: Sendable, Equatable {
    /// The Gaussian-weighted Fisher integrals I_1, I_2, I_3 (Hz/mV², ·mV, ·mV²).
    public var i1: Double, i2: Double, i3: Double
    public var c2: Double, c3: Double
    public var k1: Double, k2: Double
    public var g1: Double, g2: Double, g3: Double, g4: Double

    /// γ_0 = 1/I_1.
    public var gamma0: Double { 1 / i1 }

    /// Smallest variance used (mV²): at v → 0 (all weights zero) c_2 and c_3 are 0/0.
    public static let minimumVariance = 1e-3

    /// The coefficients at mean `m` (mV), variance `v` (mV²) and `q` = Σ r_i / c_ε, with
    /// I_1…I_3 by Simpson quadrature over m ± 10√v (`intervals` sub-intervals).
    public init(mean m: Double, variance vIn: Double, q: Double, transfer: SigmoidTransfer = .kreutzer2022,
                intervals: Int = 400) {
        let v = max(vIn, Self.minimumVariance)
        let moments = Quadrature.gaussianMoments(mean: m, variance: v, intervals: intervals) { transfer.fisherDensity($0) }
        let i1 = moments.m0, i2 = moments.m1, i3 = moments.m2
        let c2 = (i2 - i1 * m) / v
        let c3 = (i3 - i1 * (m * m + v) - 2 * c2 * m * v) / (v * v)
        let k1 = 1 / (i1 * (q + 1) + c2 * m)
        let k2 = 1 / (i1 + c2 * m + c3 * v - k1 * (i1 * m + c2 * v) * (c2 * q + c3 * m))
        let a = i1 * c2 * m + c2 * c2 * v          // (I_1 c_2 m + c_2² v)
        let b = i1 * c3 * m + c2 * c3 * v          // (I_1 c_3 m + c_2 c_3 v)
        self.i1 = i1; self.i2 = i2; self.i3 = i3
        self.c2 = c2; self.c3 = c3; self.k1 = k1; self.k2 = k2
        g1 = k1 * k2 * (-i1 / k2 + a - k1 * i1 * (a * q + b * m))
        g2 = k1 * k2 * (-c2 / k2 + b * (1 - k1 * m * c2) - k1 * c2 * a * q)
        g3 = k1 * k2 * ((i1 * c2 * q + i1 * c3 * m) - c2 / k1)
        g4 = k1 * k2 * ((c2 * c2 * q + c2 * c3 * m) - c3 / k1)
    }

    /// Whether every coefficient is a finite number.
    public var isFinite: Bool {
        [i1, i2, i3, c2, c3, k1, k2, g1, g2, g3, g4].allSatisfy(\.isFinite)
    }

    /// γ_u = −(1/c_ε)·((1/c_ε) Σ_j x^ε_j · g_1 + V·g_3) for the current filtered input sum
    /// Σ_j x^ε_j (1/s) and somatic potential V (mV); `cEps` = c_ε in 1/s.
    @inline(__always)
    public func gammaU(inputSum: Double, potential v: Double, cEps: Double) -> Double {
        -(inputSum * g1 / cEps + v * g3) / cEps
    }

    /// γ_w = (1/c_ε) Σ_j x^ε_j · g_2 + V·g_4.
    @inline(__always)
    public func gammaW(inputSum: Double, potential v: Double, cEps: Double) -> Double {
        inputSum * g2 / cEps + v * g4
    }
}
