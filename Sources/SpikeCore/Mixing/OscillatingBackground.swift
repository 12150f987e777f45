#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A sinusoidally modulated Poisson background (science.md 2.1: NEST
/// `sinusoidal_poisson_generator`, sbs `SinusPoissonSourceConfiguration`; science.md 3.6,
/// [KorcsakGorzo2022]): the excitatory and inhibitory rates of every sampler follow
///
///     ν(t) = max(0, ν_0 + A sin(2π f t + φ))        (t in s, f in Hz, φ in degrees)
///
/// simultaneously, with the weights of the base background. The background rate sets σ_V and
/// g_tot, hence α: an effective temperature T ∝ α_theo (science.md 3.6 table). Samples are read
/// near the troughs (low temperature); the peaks are where the network explores.
///
/// Demo choice [CHOICE, science.md 3.6]: ν_0 = 3000 Hz, A = 2000 Hz, f = 10 Hz, readout in the
/// 20 ms around each trough.
public struct OscillatingBackground: Sendable, Equatable {
    /// The background at the mean rate ν_0 (rates and weights; the rates are the ν_0 of both
    /// receptors).
    public var base: PoissonBackground
    /// Amplitude A, Hz (applied to both receptors).
    public var amplitudeHz: Double
    /// Frequency f, Hz.
    public var frequencyHz: Double
    /// Phase φ, degrees.
    public var phaseDegrees: Double

    public init(base: PoissonBackground = .sbsDefault, amplitudeHz: Double = 2000, frequencyHz: Double = 10,
                phaseDegrees: Double = 0) {
        self.base = base
        self.amplitudeHz = amplitudeHz
        self.frequencyHz = frequencyHz
        self.phaseDegrees = phaseDegrees
    }

    /// Phase argument 2π f t + φ (radians) at time `timeMs`.
    func argument(atMs timeMs: Double) -> Double {
        2 * Double.pi * frequencyHz * timeMs / 1000 + phaseDegrees * Double.pi / 180
    }

    /// Rate factor sin(2π f t + φ) ∈ [−1, 1].
    public func modulation(atMs timeMs: Double) -> Double { sin(argument(atMs: timeMs)) }

    /// Instantaneous excitatory rate, Hz.
    public func excitatoryRate(atMs timeMs: Double) -> Double {
        max(0, base.excRateHz + amplitudeHz * modulation(atMs: timeMs))
    }

    /// Instantaneous inhibitory rate, Hz.
    public func inhibitoryRate(atMs timeMs: Double) -> Double {
        max(0, base.inhRateHz + amplitudeHz * modulation(atMs: timeMs))
    }

    /// The background in force at `timeMs`.
    public func background(atMs timeMs: Double) -> PoissonBackground {
        PoissonBackground(excRateHz: excitatoryRate(atMs: timeMs), inhRateHz: inhibitoryRate(atMs: timeMs),
                          excWeight: base.excWeight, inhWeight: base.inhWeight)
    }

    /// Lowest and highest excitatory rate over a period, Hz.
    public var excitatoryRateRange: ClosedRange<Double> {
        max(0, base.excRateHz - amplitudeHz)...(base.excRateHz + amplitudeHz)
    }

    /// Oscillation period, ms.
    public var periodMs: Double { 1000 / frequencyHz }

    /// Distance (ms, ≥ 0) from `timeMs` to the nearest time at which the phase argument equals
    /// `targetRadians` modulo 2π (3π/2: trough, π/2: peak).
    func distanceMs(from timeMs: Double, toPhase targetRadians: Double) -> Double {
        let period = periodMs
        let phase = argument(atMs: timeMs) - targetRadians
        var offset = phase.truncatingRemainder(dividingBy: 2 * Double.pi)
        if offset < 0 { offset += 2 * Double.pi }
        let ms = offset / (2 * Double.pi) * period
        return min(ms, period - ms)
    }

    /// Whether `timeMs` lies in the readout window `window`.
    public func contains(_ timeMs: Double, window: PhaseWindow) -> Bool {
        switch window {
        case .always: return true
        case .trough(let width): return distanceMs(from: timeMs, toPhase: 1.5 * Double.pi) <= width / 2
        case .peak(let width): return distanceMs(from: timeMs, toPhase: 0.5 * Double.pi) <= width / 2
        }
    }

    /// Human-readable problems (empty when usable).
    public func validate() -> [String] {
        var problems = base.validate()
        if !(amplitudeHz >= 0 && amplitudeHz.isFinite) { problems.append("amplitude must be >= 0 Hz, is \(amplitudeHz)") }
        if !(frequencyHz > 0 && frequencyHz <= 1000) { problems.append("frequency must be in (0, 1000] Hz, is \(frequencyHz)") }
        if !phaseDegrees.isFinite { problems.append("phase must be a finite number of degrees") }
        return problems
    }
}

/// Which part of an oscillation period samples are read in (science.md 3.6: near the troughs).
public enum PhaseWindow: Sendable, Equatable {
    /// Every sample.
    case always
    /// Samples within ± width/2 ms of a trough (minimum rate, lowest temperature).
    case trough(widthMs: Double)
    /// Samples within ± width/2 ms of a peak (maximum rate, highest temperature).
    case peak(widthMs: Double)
}
