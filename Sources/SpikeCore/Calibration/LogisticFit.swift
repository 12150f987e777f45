#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Least-squares fit of the LIF activation function (science.md 1.5; sbs `utils.sigmoid_trans`,
/// `fit.py`):
///
///     p_on(E_l) = 1 / (1 + exp(−(E_l − v_p05)/α))
///
/// to measured points (E_l in mV, p_on), with `LevenbergMarquardt`. As in sbs only points with
/// p_on strictly inside (0.05, 0.95) enter the fit; the initial guess is v_p05 = midpoint of
/// the E_l range and α = a quarter of its width (sbs starts at α = V_max − V_min; a closer
/// start converges in fewer iterations to the same minimum).
public struct LogisticFit: Sendable, Equatable {
    /// E_l at which p_on = ½, mV.
    public var vP05: Double
    /// Width in E_l units, mV.
    public var alpha: Double
    /// Root-mean-square and largest absolute residual over the fitted points.
    public var rmsResidual: Double
    public var maxResidual: Double
    /// Points used.
    public var pointCount: Int
    /// Standard errors from the residual variance and (JᵀJ)⁻¹ (NaN if not available).
    public var vP05Error: Double
    public var alphaError: Double
    public var iterations: Int
    public var status: LevenbergMarquardt.Status

    public var converged: Bool { status.converged }

    /// The logistic with these parameters at E_l.
    public func pOn(_ vRest: Double) -> Double { Self.model(vRest, vP05: vP05, alpha: alpha) }

    public static func model(_ v: Double, vP05: Double, alpha: Double) -> Double {
        BoltzmannMachine.sigmoid((v - vP05) / alpha)
    }

    /// Fits the points; nil if fewer than 3 points lie inside (lower, upper).
    public static func fit(vRest: [Double], pOn: [Double], inside bounds: ClosedRange<Double> = 0.05...0.95,
                           solver: LevenbergMarquardt = LevenbergMarquardt()) -> LogisticFit? {
        precondition(vRest.count == pOn.count)
        let used = vRest.indices.filter { pOn[$0] > bounds.lowerBound && pOn[$0] < bounds.upperBound }
        guard used.count >= 3 else { return nil }
        let x = used.map { vRest[$0] }, y = used.map { pOn[$0] }
        let lo = x.min()!, hi = x.max()!
        let start = [(lo + hi) / 2, max((hi - lo) / 4, 1e-3)]
        let outcome = solver.minimise(
            start: start,
            residuals: { t in zip(x, y).map { model($0, vP05: t[0], alpha: t[1]) - $1 } },
            jacobian: { t in
                x.map { v in
                    let f = model(v, vP05: t[0], alpha: t[1])
                    let s = f * (1 - f)
                    return [-s / t[1], -s * (v - t[0]) / (t[1] * t[1])]
                }
            })
        let p = outcome.parameters
        let residuals = zip(x, y).map { model($0, vP05: p[0], alpha: p[1]) - $1 }
        let m = Double(residuals.count)
        let rms = (residuals.reduce(0) { $0 + $1 * $1 } / m).squareRoot()
        let dof = max(1.0, m - 2)
        let s2 = 2 * outcome.cost / dof
        let inv = outcome.inverseNormalMatrix
        return LogisticFit(vP05: p[0], alpha: p[1], rmsResidual: rms,
                           maxResidual: residuals.map { abs($0) }.max() ?? 0, pointCount: used.count,
                           vP05Error: inv.map { ($0[0][0] * s2).squareRoot() } ?? .nan,
                           alphaError: inv.map { ($0[1][1] * s2).squareRoot() } ?? .nan,
                           iterations: outcome.iterations, status: outcome.status)
    }
}
