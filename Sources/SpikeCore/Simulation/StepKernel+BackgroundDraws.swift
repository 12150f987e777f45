/// Step 2 of `StepKernel` (science.md 1.9): the Poisson background increments w_x·n_x of a
/// block of steps, drawn ahead neuron by neuron with each source's own generator in step order
/// (the same draws as `BackgroundInput.events` one step at a time; `BackgroundBlockTests`).
extension StepKernel {
    /// Step 2 for the next `rows` steps: writes w_x·n_x (µS) of step t for neuron k to
    /// `incE/incI[t·n + k]`. Each neuron's events come from its own generators in step order
    /// (`BackgroundInput.events`: hazard residual for small λ, inversion for larger λ), so the
    /// numbers are those of drawing one step at a time.
    func drawBackground(rows: Int, incE: UnsafeMutablePointer<Double>, incI: UnsafeMutablePointer<Double>) {
        drawBackground(neurons: 0..<n, rows: rows, incE: incE, incI: incI)
    }

    /// `drawBackground` for the neurons of `neurons` only (their columns of the rows).
    func drawBackground(neurons: Range<Int>, rows: Int, incE: UnsafeMutablePointer<Double>, incI: UnsafeMutablePointer<Double>) {
        let inversion = BackgroundInput.inversionThreshold
        let paired = n > Self.pairedDrawMinimumNeurons
        for k in neurons {
            if paired && lamE[k] >= inversion && lamI[k] >= inversion {
                Self.drawInversionPair(rows: rows, stride: n, intoE: incE + k, intoI: incI + k,
                                       lambdaE: lamE[k], lambdaI: lamI[k], weightE: wE[k], weightI: wI[k],
                                       cdfE: cdfE.baseAddress! + 4 * k, cdfI: cdfI.baseAddress! + 4 * k,
                                       rngE: &rngE[k], rngI: &rngI[k])
                continue
            }
            Self.draw(rows: rows, stride: n, into: incE + k, lambda: lamE[k], weight: wE[k], cdf: cdfE.baseAddress! + 4 * k,
                      residual: &resE[k], rng: &rngE[k])
            Self.draw(rows: rows, stride: n, into: incI + k, lambda: lamI[k], weight: wI[k], cdf: cdfI.baseAddress! + 4 * k,
                      residual: &resI[k], rng: &rngI[k])
        }
    }

    /// Populations above this size draw a neuron's two inversion sources interleaved
    /// (`drawInversionPair`); smaller ones one source at a time (`draw`). Measured with a
    /// micro-benchmark of both loops: for a few neurons (sampling-5, 512-step blocks) the single
    /// loop with integer thresholds keeps everything in registers and is ≈ 20 % faster per draw;
    /// for 10⁴ neurons (12-step blocks, strided stores) the paired loop is as fast or faster.
    static let pairedDrawMinimumNeurons = 512

    /// Both sources of one neuron by inversion, their steps interleaved: two independent
    /// generator chains per iteration for the processor to overlap. Each stream still gives its
    /// draws in step order, so the numbers are those of `draw` (which leaves the residual alone
    /// on this branch too).
    @inline(__always)
    static func drawInversionPair(rows: Int, stride: Int, intoE outE: UnsafeMutablePointer<Double>,
                                  intoI outI: UnsafeMutablePointer<Double>, lambdaE: Double, lambdaI: Double,
                                  weightE: Double, weightI: Double, cdfE: UnsafePointer<Double>, cdfI: UnsafePointer<Double>,
                                  rngE: inout Xoshiro256StarStar, rngI: inout Xoshiro256StarStar) {
        var gE = rngE, gI = rngI
        let e0 = cdfE[0], e1 = cdfE[1], e2 = cdfE[2], e3 = cdfE[3]
        let i0 = cdfI[0], i1 = cdfI[1], i2 = cdfI[2], i3 = cdfI[3]
        // Running output pointers (no multiply-with-overflow-check per row).
        var outE = outE, outI = outI
        for _ in 0..<rows {
            let uE = gE.nextUniform(), uI = gI.nextUniform()
            let countE = (uE >= e0 ? 1 : 0) + (uE >= e1 ? 1 : 0) + (uE >= e2 ? 1 : 0) + (uE >= e3 ? 1 : 0)
            let countI = (uI >= i0 ? 1 : 0) + (uI >= i1 ? 1 : 0) + (uI >= i2 ? 1 : 0) + (uI >= i3 ? 1 : 0)
            let eventsE = countE < 4 ? countE : BackgroundInput.tailEvents(u: uE, lambda: lambdaE, cdf3: e3)
            let eventsI = countI < 4 ? countI : BackgroundInput.tailEvents(u: uI, lambda: lambdaI, cdf3: i3)
            outE.pointee = weightE * Double(eventsE)
            outI.pointee = weightI * Double(eventsI)
            outE += stride
            outI += stride
        }
        rngE = gE
        rngI = gI
    }

    /// One source's increments for `rows` steps, `stride` apart, with its state in locals.
    @inline(__always)
    static func draw(rows: Int, stride: Int, into out: UnsafeMutablePointer<Double>, lambda: Double, weight: Double,
                     cdf: UnsafePointer<Double>, residual: inout Double, rng: inout Xoshiro256StarStar) {
        var r = residual, g = rng
        if lambda == 0 && r > 0 {
            // No events and no draws (the hazard loop would subtract 0 from a positive residual):
            // only w·0, as that loop writes it (e.g. samplers driven by external sources).
            let nothing = weight * 0
            var out = out
            for _ in 0..<rows {
                out.pointee = nothing
                out += stride
            }
            return
        }
        if lambda >= BackgroundInput.inversionThreshold {
            // `BackgroundInput.events`' inversion with the table in registers (a store to `out`
            // could alias `cdf`, which would reload it every step), compared as integers: the
            // uniform is u = m·2⁻⁵³ with m = next() >> 11, and u ≥ F ⟺ m ≥ ⌈F·2⁵³⌉ exactly
            // (`BackgroundInput.uniformThreshold`), so the counts are those of the Double
            // comparison without converting every draw.
            let f0 = BackgroundInput.uniformThreshold(cdf[0]), f1 = BackgroundInput.uniformThreshold(cdf[1])
            let f2 = BackgroundInput.uniformThreshold(cdf[2]), f3 = BackgroundInput.uniformThreshold(cdf[3])
            let cdf3 = cdf[3]
            var out = out
            for _ in 0..<rows {
                let m = g.next() >> 11
                let count = (m >= f0 ? 1 : 0) + (m >= f1 ? 1 : 0) + (m >= f2 ? 1 : 0) + (m >= f3 ? 1 : 0)
                let events = count < 4
                    ? count : BackgroundInput.tailEvents(u: Double(m) * 0x1.0p-53, lambda: lambda, cdf3: cdf3)
                out.pointee = weight * Double(events)
                out += stride
            }
        } else {
            var out = out
            for _ in 0..<rows {
                out.pointee = weight * Double(BackgroundInput.events(lambda: lambda, residual: &r, rng: &g))
                out += stride
            }
        }
        residual = r
        rng = g
    }
}
