/// The window search of a probe calibration (science.md 1.5) whose E_l window may miss the
/// activation function (an ensemble background moves v_p05 by several mV, issue 4): measure the
/// probes over `centre ± halfWidth`; when the logistic fit fails, all probes mostly off → shift the
/// window up by its width, mostly on → down, otherwise widen it ×2; at most `windows` windows.
public enum ProbeWindowSearch {
    /// - Parameter measure: runs the probes over (centre, halfWidth) and returns the fit (nil when
    ///   it failed) and each probe's p_on.
    public static func search(centre: Double, halfWidth: Double, windows: Int = 5,
                              measure: (_ centre: Double, _ halfWidth: Double) -> (fit: LogisticFit?, pOn: [Double])) -> LogisticFit? {
        var c = centre, h = halfWidth
        for _ in 0..<windows {
            let (fit, p) = measure(c, h)
            if let fit { return fit }
            if p.allSatisfy({ $0 < 0.5 }) { c += 2 * h } else if p.allSatisfy({ $0 > 0.5 }) { c -= 2 * h } else { h *= 2 }
        }
        return nil
    }
}
