#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-neuron part of one integration step (science.md 1.9 steps 1–5) over contiguous
/// buffers bound once per `Network.advance` call (no allocation, no dynamic dispatch):
///
/// 1. g_x ← g_x·e^{−dt/τ_syn,x}
/// 2. g_x ← g_x + w_x·n_x, n_x ~ Poisson(ν_x dt) (`BackgroundInput`)
/// 3. g_x ← g_x + recurrent increments arriving now (delay-ring slot; zeroed after use)
/// 4. refractory: V = V_reset, counter − 1; else exponential Euler with frozen conductances
///    (`ExponentialEuler`)
/// 5. V ≥ V_th (threshold enabled): spike, V ← V_reset, counter ← round(τ_ref/dt).
///
/// Organised as separate passes so that the arithmetic ones (1 + 2 + 3, and 4) are branch-free
/// loops the compiler vectorises; the membrane pass computes the free update for every neuron
/// and the last pass overwrites refractory neurons with V_reset — the same numbers as a
/// per-neuron branch, computed faster. The background increments of step 2 are drawn ahead for
/// a block of steps (`drawBackground`), neuron by neuron with each neuron's own generators in
/// step order: the same draws as one step at a time, with the generator state in registers.
struct StepKernel {
    let n: Int
    let decayE: Double, decayI: Double
    let eE: Double, eI: Double, iOffset: Double
    let dtOverC: Double, minusDtOverC: Double
    /// Per-neuron intrinsic parameters (fixed-pattern noise, science.md 4.3): g_l, V_th,
    /// V_reset, refractory steps.
    let gl: UnsafeBufferPointer<Double>, vth: UnsafeBufferPointer<Double>, vres: UnsafeBufferPointer<Double>
    let refN: UnsafeBufferPointer<Int32>
    let v: UnsafeMutableBufferPointer<Double>, ge: UnsafeMutableBufferPointer<Double>, gi: UnsafeMutableBufferPointer<Double>
    let ref: UnsafeMutableBufferPointer<Int32>
    let el: UnsafeBufferPointer<Double>
    let thr: UnsafeBufferPointer<Bool>
    let lamE: UnsafeBufferPointer<Double>, lamI: UnsafeBufferPointer<Double>
    let wE: UnsafeBufferPointer<Double>, wI: UnsafeBufferPointer<Double>
    let cdfE: UnsafeBufferPointer<Double>, cdfI: UnsafeBufferPointer<Double>
    let resE: UnsafeMutableBufferPointer<Double>, resI: UnsafeMutableBufferPointer<Double>
    let rngE: UnsafeMutableBufferPointer<Xoshiro256StarStar>, rngI: UnsafeMutableBufferPointer<Xoshiro256StarStar>

    /// Binds the kernel to a population's parameters and to the state buffers (valid for as
    /// long as the kernel is used).
    init(population: LIFPopulation, v: UnsafeMutableBufferPointer<Double>, ge: UnsafeMutableBufferPointer<Double>,
         gi: UnsafeMutableBufferPointer<Double>, ref: UnsafeMutableBufferPointer<Int32>, el: UnsafeBufferPointer<Double>,
         thr: UnsafeBufferPointer<Bool>, gl: UnsafeBufferPointer<Double>, vth: UnsafeBufferPointer<Double>,
         vres: UnsafeBufferPointer<Double>, refN: UnsafeBufferPointer<Int32>, lamE: UnsafeBufferPointer<Double>, lamI: UnsafeBufferPointer<Double>,
         wE: UnsafeBufferPointer<Double>, wI: UnsafeBufferPointer<Double>,
         cdfE: UnsafeBufferPointer<Double>, cdfI: UnsafeBufferPointer<Double>, resE: UnsafeMutableBufferPointer<Double>,
         resI: UnsafeMutableBufferPointer<Double>, rngE: UnsafeMutableBufferPointer<Xoshiro256StarStar>,
         rngI: UnsafeMutableBufferPointer<Xoshiro256StarStar>) {
        let p = population.parameters
        n = v.count
        decayE = population.decayE
        decayI = population.decayI
        eE = p.eRevE
        eI = p.eRevI
        iOffset = p.iOffset
        dtOverC = population.stepMs / p.cm
        minusDtOverC = -population.stepMs / p.cm
        self.gl = gl
        self.vth = vth
        self.vres = vres
        self.refN = refN
        self.v = v
        self.ge = ge
        self.gi = gi
        self.ref = ref
        self.el = el
        self.thr = thr
        self.lamE = lamE
        self.lamI = lamI
        self.wE = wE
        self.wI = wI
        self.cdfE = cdfE
        self.cdfI = cdfI
        self.resE = resE
        self.resI = resI
        self.rngE = rngE
        self.rngI = rngI
    }

    /// Step 2 for the next `rows` steps: writes w_x·n_x (µS) of step t for neuron k to
    /// `incE/incI[t·n + k]`. Each neuron's events come from its own generators in step order
    /// (`BackgroundInput.events`: hazard residual for small λ, inversion for larger λ), so the
    /// numbers are those of drawing one step at a time.
    func drawBackground(rows: Int, incE: UnsafeMutablePointer<Double>, incI: UnsafeMutablePointer<Double>) {
        for k in 0..<n {
            Self.draw(rows: rows, stride: n, into: incE + k, lambda: lamE[k], weight: wE[k], cdf: cdfE.baseAddress! + 4 * k,
                      residual: &resE[k], rng: &rngE[k])
            Self.draw(rows: rows, stride: n, into: incI + k, lambda: lamI[k], weight: wI[k], cdf: cdfI.baseAddress! + 4 * k,
                      residual: &resI[k], rng: &rngI[k])
        }
    }

    /// One source's increments for `rows` steps, `stride` apart, with its state in locals.
    @inline(__always)
    static func draw(rows: Int, stride: Int, into out: UnsafeMutablePointer<Double>, lambda: Double, weight: Double,
                     cdf: UnsafePointer<Double>, residual: inout Double, rng: inout Xoshiro256StarStar) {
        var r = residual, g = rng
        if lambda >= BackgroundInput.inversionThreshold {
            // `BackgroundInput.events`' inversion with the table in registers (a store to `out`
            // could alias `cdf`, which would reload it every step).
            let f0 = cdf[0], f1 = cdf[1], f2 = cdf[2], f3 = cdf[3]
            for t in 0..<rows {
                let u = g.nextUniform()
                let count = (u >= f0 ? 1 : 0) + (u >= f1 ? 1 : 0) + (u >= f2 ? 1 : 0) + (u >= f3 ? 1 : 0)
                let events = count < 4 ? count : BackgroundInput.tailEvents(u: u, lambda: lambda, cdf3: f3)
                out[t * stride] = weight * Double(events)
            }
        } else {
            for t in 0..<rows {
                out[t * stride] = weight * Double(BackgroundInput.events(lambda: lambda, residual: &r, rng: &g))
            }
        }
        residual = r
        rng = g
    }

    /// Runs steps 1–5 for every neuron with the background increments of one step (`incE`,
    /// `incI`: n values each, from `drawBackground`); consumes and zeroes the arriving
    /// increments (n values each; nil for an empty population), writes the indices of neurons
    /// that spiked to `spiked` and returns how many.
    @inline(__always)
    func run(arrivingE: UnsafeMutablePointer<Double>?, arrivingI: UnsafeMutablePointer<Double>?,
             incE: UnsafePointer<Double>, incI: UnsafePointer<Double>,
             spiked: UnsafeMutableBufferPointer<Int32>) -> Int {
        guard n > 0, let arrivingE, let arrivingI else { return 0 }
        var spikeCount = 0
        // Steps 1 + 3 + 2: decay, recurrent arrivals, then the background increment (in this
        // order, as (g·decay + arriving) + w·n; vectorisable). The background is added without a
        // branch: with no event the sum is g + 0.0, which is g exactly (conductances are never −0.0).
        for k in 0..<n {
            ge[k] = (ge[k] * decayE + arrivingE[k]) + incE[k]
            gi[k] = (gi[k] * decayI + arrivingI[k]) + incI[k]
            arrivingE[k] = 0
            arrivingI[k] = 0
        }
        // Step 4: membrane of every neuron as if free (vectorisable in the series case).
        var maxX = 0.0
        for k in 0..<n { maxX = max(maxX, dtOverC * (gl[k] + ge[k] + gi[k])) }
        if maxX <= ExponentialEuler.seriesLimit {
            for k in 0..<n {
                let g = gl[k] + ge[k] + gi[k]
                let drive = gl[k] * el[k] + ge[k] * eE + gi[k] * eI + iOffset
                v[k] = ExponentialEuler.seriesStep(v: v[k], drive: drive, conductance: g, dtOverC: dtOverC)
            }
        } else if maxX <= ExponentialEuler.wideSeriesLimit {
            for k in 0..<n {
                let g = gl[k] + ge[k] + gi[k]
                let drive = gl[k] * el[k] + ge[k] * eE + gi[k] * eI + iOffset
                v[k] = ExponentialEuler.wideSeriesStep(v: v[k], drive: drive, conductance: g, dtOverC: dtOverC)
            }
        } else {
            for k in 0..<n {
                let g = gl[k] + ge[k] + gi[k]
                let drive = gl[k] * el[k] + ge[k] * eE + gi[k] * eI + iOffset
                v[k] = ExponentialEuler.step(v: v[k], drive: drive, conductance: g,
                                             dtOverC: dtOverC, minusDtOverC: minusDtOverC)
            }
        }
        // Steps 4 (refractory clamp) and 5 (threshold).
        for k in 0..<n {
            if ref[k] > 0 {
                v[k] = vres[k]
                ref[k] -= 1
            } else if v[k] >= vth[k] && thr[k] {
                v[k] = vres[k]
                ref[k] = refN[k]
                spiked[spikeCount] = Int32(truncatingIfNeeded: k)
                spikeCount += 1
            }
        }
        return spikeCount
    }
}

extension LIFPopulation {
    /// Mutable buffers of v, g_e, g_i, refractory counters and read-only E_l, threshold flags.
    mutating func withBuffers<R>(_ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
                                          UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Int32>,
                                          UnsafeBufferPointer<Double>, UnsafeBufferPointer<Bool>) -> R) -> R {
        v.withUnsafeMutableBufferPointer { v in
            gE.withUnsafeMutableBufferPointer { ge in
                gI.withUnsafeMutableBufferPointer { gi in
                    refractorySteps.withUnsafeMutableBufferPointer { ref in
                        vRest.withUnsafeBufferPointer { el in
                            thresholdEnabled.withUnsafeBufferPointer { thr in
                                body(v, ge, gi, ref, el, thr)
                            }
                        }
                    }
                }
            }
        }
    }
}

extension LIFPopulation {
    /// Read-only buffers of per-neuron g_l, V_th, V_reset and refractory step counts
    /// (fixed-pattern noise).
    func withIntrinsicBuffers<R>(_ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                                          UnsafeBufferPointer<Double>, UnsafeBufferPointer<Int32>) -> R) -> R {
        gLeak.withUnsafeBufferPointer { gl in
            vThreshold.withUnsafeBufferPointer { vth in
                vResetLevel.withUnsafeBufferPointer { vres in
                    refractoryStepCounts.withUnsafeBufferPointer { refN in body(gl, vth, vres, refN) }
                }
            }
        }
    }
}

extension BackgroundInput {
    /// λ_e, λ_i, w_e, w_i, Poisson CDF tables (read-only), hazard residuals and generators (mutable).
    mutating func withBuffers<R>(_ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                                          UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                                          UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                                          UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
                                          UnsafeMutableBufferPointer<Xoshiro256StarStar>,
                                          UnsafeMutableBufferPointer<Xoshiro256StarStar>) -> R) -> R {
        lambdaE.withUnsafeBufferPointer { lamE in
            lambdaI.withUnsafeBufferPointer { lamI in
                excWeight.withUnsafeBufferPointer { wE in
                    inhWeight.withUnsafeBufferPointer { wI in
                      cdfE.withUnsafeBufferPointer { cdfE in
                        cdfI.withUnsafeBufferPointer { cdfI in
                        residualE.withUnsafeMutableBufferPointer { resE in
                            residualI.withUnsafeMutableBufferPointer { resI in
                                rngE.withUnsafeMutableBufferPointer { rngE in
                                    rngI.withUnsafeMutableBufferPointer { rngI in
                                        body(lamE, lamI, wE, wI, cdfE, cdfI, resE, resI, rngE, rngI)
                                    }
                                }
                            }
                        }
                        }
                      }
                    }
                }
            }
        }
    }
}

extension LIFPopulation {
    /// An empty population with the same parameters (holds the place of a population whose
    /// arrays are being stepped outside the struct; allocates nothing).
    static func placeholder(like p: LIFPopulation) -> LIFPopulation {
        LIFPopulation(emptyLike: p)
    }
}

extension BackgroundInput {
    /// An empty background (allocates nothing).
    static func placeholder(stepMs: Double) -> BackgroundInput {
        BackgroundInput(count: 0, background: .none, stepMs: stepMs, seed: 0)
    }
}
