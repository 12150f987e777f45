/// The result of calibrating a LIF sampler's activation function (science.md 1.5): the
/// measured points (E_l, p_on), the fitted logistic (v_p05, α) and the theoretical width
///
///     α_theo = ¼ √(2π) σ_V · g_tot/g_l    (E_l units; sbs `samplers.py alpha_theo`)
///
/// with σ_V, g_tot of the free membrane (`FreeMembraneTheory`) at the E_l that puts μ_V on the
/// threshold. [OURS] anchor for the sbs defaults: v_p05 = −50.62 mV, α = 0.791 mV,
/// α_theo = 0.827 mV.
///
/// `text` / `init(text:)` convert to and from a small line-based text format (pure
/// functions; reading and writing the file is the app's job):
///
///     # spiketty activation-function calibration (science.md 1.5)
///     key = cm_nF=0.2 tauM_ms=1.0 …
///     v_p05_mv = -50.6213
///     alpha_mv = 0.7902
///     …
///     [points]            # E_l (mV)  p_on
///     -53.1 0.0412
public struct ActivationCalibration: Sendable, Equatable {
    /// `CalibrationSettings.key` of the computation.
    public var key: String
    public var vP05: Double
    public var alpha: Double
    public var alphaTheory: Double
    /// Residuals of the fit (p_on units) and its status.
    public var rmsResidual: Double
    public var maxResidual: Double
    public var converged: Bool
    /// The fine-calibration points, ascending in E_l.
    public var vRest: [Double]
    public var pOn: [Double]

    public init(key: String, vP05: Double, alpha: Double, alphaTheory: Double, rmsResidual: Double = .nan,
                maxResidual: Double = .nan, converged: Bool = true, vRest: [Double] = [], pOn: [Double] = []) {
        self.key = key
        self.vP05 = vP05
        self.alpha = alpha
        self.alphaTheory = alphaTheory
        self.rmsResidual = rmsResidual
        self.maxResidual = maxResidual
        self.converged = converged
        self.vRest = vRest
        self.pOn = pOn
    }

    /// The [OURS] anchor of science.md 1.5 for the sbs defaults at dt = 0.01 ms, for when a
    /// measured calibration is not wanted (documented as such wherever it is used).
    public static let sbsReference = ActivationCalibration(
        key: "science.md 1.5 [OURS] anchor", vP05: -50.62, alpha: 0.791, alphaTheory: 0.827)

    /// α_theo in E_l units (mV) for a neuron under a background.
    public static func theoreticalAlpha(neuron p: LIFParameters, background: PoissonBackground) -> Double {
        let at = FreeMembraneTheory(parameters: p, background: background)
        // E_l with μ_V = V_th: μ_V is linear in E_l with slope g_l/g_tot.
        let vRest = p.vRest + (p.vThresh - at.muV) * at.gTot / p.gLeak
        let t = FreeMembraneTheory(parameters: p, background: background, vRest: vRest)
        return 0.25 * (2 * Double.pi).squareRoot() * t.sigmaV * t.gTot / p.gLeak
    }

    // MARK: text format

    public enum TextError: Error, Equatable, CustomStringConvertible {
        case malformedLine(line: Int, text: String)
        case missing(String)
        public var description: String {
            switch self {
            case .malformedLine(let line, let text): return "line \(line): cannot read \"\(text)\""
            case .missing(let name): return "missing \(name)"
            }
        }
    }

    /// The calibration as text (round-trips exactly through `init(text:)`).
    public var text: String {
        var lines = ["# spiketty activation-function calibration (science.md 1.5)",
                     "# p_on(E_l) = 1/(1 + exp(-(E_l - v_p05)/alpha)); E_l in mV",
                     "key = \(key)",
                     "v_p05_mv = \(vP05)", "alpha_mv = \(alpha)", "alpha_theory_mv = \(alphaTheory)",
                     "rms_residual = \(rmsResidual)", "max_residual = \(maxResidual)",
                     "converged = \(converged)", "[points]  # E_l (mV)  p_on"]
        for (v, p) in zip(vRest, pOn) { lines.append("\(v) \(p)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads the text format (comments after `#`, blank lines ignored).
    public init(text: String) throws(TextError) {
        var fields: [String: String] = [:]
        var inPoints = false
        var vs: [Double] = [], ps: [Double] = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasPrefix("key") ? raw[...] : (raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("[points]") { inPoints = true; continue }
            if inPoints {
                let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count == 2, let v = Double(parts[0]), let p = Double(parts[1]) else {
                    throw .malformedLine(line: i + 1, text: trimmed)
                }
                vs.append(v)
                ps.append(p)
                continue
            }
            guard let eq = trimmed.firstIndex(of: "=") else { throw .malformedLine(line: i + 1, text: trimmed) }
            fields[trimmed[..<eq].trimmingSpaces] = trimmed[trimmed.index(after: eq)...].trimmingSpaces
        }
        func number(_ name: String) throws(TextError) -> Double {
            guard let s = fields[name] else { throw .missing(name) }
            guard let d = Double(s) else { throw .missing("a number for \(name)") }
            return d
        }
        guard let key = fields["key"] else { throw .missing("key") }
        // A hand-edited file must still describe a logistic: finite v_p05 and a positive width.
        let vP05 = try number("v_p05_mv"), alpha = try number("alpha_mv")
        guard vP05.isFinite, (-200...200).contains(vP05) else { throw .missing("a v_p05_mv in -200...200 mV") }
        guard alpha.isFinite, alpha > 0, alpha <= 100 else { throw .missing("an alpha_mv in (0, 100] mV") }
        self.init(key: key, vP05: vP05, alpha: alpha,
                  alphaTheory: try number("alpha_theory_mv"), rmsResidual: (try? number("rms_residual")) ?? .nan,
                  maxResidual: (try? number("max_residual")) ?? .nan, converged: fields["converged"] != "false",
                  vRest: vs, pOn: ps)
    }

    /// Equality that treats NaN fields as equal (for round-trip checks).
    public static func == (a: Self, b: Self) -> Bool {
        func same(_ x: Double, _ y: Double) -> Bool { x == y || (x.isNaN && y.isNaN) }
        return a.key == b.key && a.vP05 == b.vP05 && a.alpha == b.alpha && a.alphaTheory == b.alphaTheory
            && same(a.rmsResidual, b.rmsResidual) && same(a.maxResidual, b.maxResidual) && a.converged == b.converged
            && a.vRest == b.vRest && a.pOn == b.pOn
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs and carriage returns.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
