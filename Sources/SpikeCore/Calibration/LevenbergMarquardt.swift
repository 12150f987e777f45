/// Nonlinear least squares min_θ ½ Σ r_i(θ)² for a few parameters by the Levenberg–Marquardt
/// method (K. Levenberg 1944; D. W. Marquardt 1963, SIAM J. Appl. Math. 11:431, with his
/// scaling of the damping by diag(JᵀJ)), written out here: the calibration fit of science.md
/// 1.5 needs no external library.
///
/// Each iteration solves (JᵀJ + λ·diag(JᵀJ)) δ = −Jᵀr by Cholesky. A step that lowers the
/// cost is accepted and λ ← λ/10; otherwise it is rejected and λ ← 10λ. Convergence
/// (`Outcome.status`):
/// - `.gradient`: ‖Jᵀr‖_∞ ≤ gradientTolerance (first-order optimality),
/// - `.step`: an accepted step with ‖δ‖ ≤ stepTolerance·(‖θ‖ + stepTolerance) (relative step),
/// - `.cost`: an accepted step that lowered the cost by less than costTolerance relatively,
/// and non-convergence is reported, not hidden: `.iterationLimit` after `maxIterations`,
/// `.dampingLimit` when λ exceeds 1e16 without an accepted step, `.invalid` for non-finite
/// residuals at the start.
public struct LevenbergMarquardt: Sendable {
    public enum Status: String, Sendable, Equatable {
        case gradient, step, cost, iterationLimit, dampingLimit, invalid
        public var converged: Bool { self == .gradient || self == .step || self == .cost }
    }

    public struct Outcome: Sendable, Equatable {
        public var parameters: [Double]
        /// ½ Σ r² at `parameters`.
        public var cost: Double
        public var iterations: Int
        public var status: Status
        /// (JᵀJ)⁻¹ at the solution (for standard errors: multiply by the residual variance).
        public var inverseNormalMatrix: [[Double]]?
    }

    public var maxIterations = 200
    public var gradientTolerance = 1e-12
    public var stepTolerance = 1e-10
    public var costTolerance = 1e-14
    public var initialDamping = 1e-3

    public init() {}

    /// Minimises ½‖r(θ)‖². `residuals(θ)` returns r (m values), `jacobian(θ)` the m×n matrix
    /// ∂r_i/∂θ_j as rows.
    public func minimise(start: [Double], residuals: ([Double]) -> [Double],
                         jacobian: ([Double]) -> [[Double]]) -> Outcome {
        let n = start.count
        var theta = start
        var r = residuals(theta)
        var cost = Self.halfSquaredNorm(r)
        guard cost.isFinite else {
            return Outcome(parameters: theta, cost: cost, iterations: 0, status: .invalid, inverseNormalMatrix: nil)
        }
        var lambda = initialDamping
        var iteration = 0
        var status = Status.iterationLimit
        outer: while iteration < maxIterations {
            iteration += 1
            let j = jacobian(theta)
            var jtj = Array(repeating: Array(repeating: 0.0, count: n), count: n)
            var jtr = Array(repeating: 0.0, count: n)
            for (row, ri) in zip(j, r) {
                for a in 0..<n {
                    jtr[a] += row[a] * ri
                    for b in 0..<n { jtj[a][b] += row[a] * row[b] }
                }
            }
            if jtr.map({ abs($0) }).max() ?? 0 <= gradientTolerance { status = .gradient; break }
            while true {
                var m = jtj
                for a in 0..<n { m[a][a] += lambda * max(jtj[a][a], 1e-300) }
                guard let delta = Self.solveCholesky(m, jtr.map { -$0 }) else {
                    lambda *= 10
                    if lambda > 1e16 { status = .dampingLimit; break outer }
                    continue
                }
                let candidate = zip(theta, delta).map { $0 + $1 }
                let rc = residuals(candidate)
                let cc = Self.halfSquaredNorm(rc)
                if cc.isFinite && cc <= cost {
                    let stepNorm = Self.norm(delta), thetaNorm = Self.norm(theta)
                    let relativeDrop = (cost - cc) / max(cost, 1e-300)
                    theta = candidate
                    r = rc
                    cost = cc
                    lambda = max(lambda / 10, 1e-15)
                    if stepNorm <= stepTolerance * (thetaNorm + stepTolerance) { status = .step; break outer }
                    if relativeDrop < costTolerance { status = .cost; break outer }
                    break
                }
                lambda *= 10
                if lambda > 1e16 { status = .dampingLimit; break outer }
            }
        }
        // Inverse of JᵀJ at the solution (columns solved one by one).
        let j = jacobian(theta)
        var jtj = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for row in j { for a in 0..<n { for b in 0..<n { jtj[a][b] += row[a] * row[b] } } }
        var inverse: [[Double]]? = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for c in 0..<n {
            var e = Array(repeating: 0.0, count: n)
            e[c] = 1
            guard let col = Self.solveCholesky(jtj, e) else { inverse = nil; break }
            for a in 0..<n { inverse?[a][c] = col[a] }
        }
        return Outcome(parameters: theta, cost: cost, iterations: iteration, status: status, inverseNormalMatrix: inverse)
    }

    static func halfSquaredNorm(_ r: [Double]) -> Double { 0.5 * r.reduce(0) { $0 + $1 * $1 } }
    static func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// Solves A x = b for symmetric positive definite A (nil if not positive definite).
    static func solveCholesky(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var l = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for k in 0...i {
                var s = a[i][k]
                for p in 0..<k { s -= l[i][p] * l[k][p] }
                if i == k {
                    guard s > 0, s.isFinite else { return nil }
                    l[i][i] = s.squareRoot()
                } else {
                    l[i][k] = s / l[k][k]
                }
            }
        }
        var y = b
        for i in 0..<n {
            for p in 0..<i { y[i] -= l[i][p] * y[p] }
            y[i] /= l[i][i]
        }
        var x = y
        for i in stride(from: n - 1, through: 0, by: -1) {
            for p in (i + 1)..<max(i + 1, n) { x[i] -= l[p][i] * x[p] }
            x[i] /= l[i][i]
        }
        return x
    }
}
