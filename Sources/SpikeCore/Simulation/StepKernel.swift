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

    /// Steps 1 + 3 + 2 for the neurons of `neurons` (see `run`; `arrivingE/I`, `incE/I` point at
    /// neuron 0's entry); zeroes their arriving increments and returns their largest
    /// g_l + g_e + g_i (µS; 0 for none).
    @inline(__always)
    func conductancePass(neurons: Range<Int>, arrivingE: UnsafeMutablePointer<Double>, arrivingI: UnsafeMutablePointer<Double>,
                         incE: UnsafePointer<Double>, incI: UnsafePointer<Double>) -> Double {
        let geP = ge.baseAddress!, giP = gi.baseAddress!, glP = gl.baseAddress!
        let dE = SIMD2(repeating: decayE), dI = SIMD2(repeating: decayI)
        var maxPair = SIMD2<Double>(repeating: 0)
        var k = neurons.lowerBound
        let end = neurons.upperBound
        while k + 2 <= end {
            let e = (Self.load(geP + k) * dE + Self.load(arrivingE + k)) + Self.load(incE + k)
            let i = (Self.load(giP + k) * dI + Self.load(arrivingI + k)) + Self.load(incI + k)
            Self.store(e, geP + k)
            Self.store(i, giP + k)
            Self.store(.zero, arrivingE + k)
            Self.store(.zero, arrivingI + k)
            let g = Self.load(glP + k) + e + i
            maxPair.replace(with: g, where: g .> maxPair)
            k += 2
        }
        var maxG = maxPair[1] > maxPair[0] ? maxPair[1] : maxPair[0]
        while k < end {
            let e = (geP[k] * decayE + arrivingE[k]) + incE[k]
            let i = (giP[k] * decayI + arrivingI[k]) + incI[k]
            geP[k] = e
            giP[k] = i
            arrivingE[k] = 0
            arrivingI[k] = 0
            let g = glP[k] + e + i
            maxG = g > maxG ? g : maxG
            k += 1
        }
        return maxG
    }

    @inline(__always)
    private static func load(_ p: UnsafePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD2<Double>.self)
    }

    @inline(__always)
    private static func load(_ p: UnsafeMutablePointer<Double>) -> SIMD2<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD2<Double>.self)
    }

    @inline(__always)
    private static func store(_ value: SIMD2<Double>, _ p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: value, as: SIMD2<Double>.self)
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
        // Steps 1 + 3 + 2: decay, recurrent arrivals, then the background increment (in this
        // order, as (g·decay + arriving) + w·n; vectorised by hand, two neurons per lane pair). The
        // background is added without a branch: with no event the sum is g + 0.0, which is g
        // exactly (conductances are never −0.0). The same pass finds the largest total conductance
        // g_l + g_e + g_i, whose x = dt·g/C_m picks the membrane formula: rounding is monotone,
        // so dt/C_m·max g equals the largest dt/C_m·g (NaN is skipped, as `max` does).
        let maxG = conductancePass(neurons: 0..<n, arrivingE: arrivingE, arrivingI: arrivingI, incE: incE, incI: incI)
        membranePass(neurons: 0..<n, maxConductance: maxG)
        return thresholdPass(neurons: 0..<n, spiked: spiked.baseAddress!)
    }

    /// Step 4 for the neurons of `neurons`: the membrane of each as if free (vectorisable in the
    /// series case), by the formula the largest conductance of the *whole* population
    /// (`maxConductance`, µS) allows, so that a part computes what the whole would.
    @inline(__always)
    func membranePass(neurons: Range<Int>, maxConductance maxG: Double) {
        let maxX = dtOverC * maxG
        if maxX <= ExponentialEuler.seriesLimit {
            for k in neurons {
                let g = gl[k] + ge[k] + gi[k]
                let drive = gl[k] * el[k] + ge[k] * eE + gi[k] * eI + iOffset
                v[k] = ExponentialEuler.seriesStep(v: v[k], drive: drive, conductance: g, dtOverC: dtOverC)
            }
        } else if maxX <= ExponentialEuler.midSeriesLimit {
            for k in neurons {
                let g = gl[k] + ge[k] + gi[k]
                let drive = gl[k] * el[k] + ge[k] * eE + gi[k] * eI + iOffset
                v[k] = ExponentialEuler.midSeriesStep(v: v[k], drive: drive, conductance: g, dtOverC: dtOverC)
            }
        } else if maxX <= ExponentialEuler.wideSeriesLimit {
            for k in neurons {
                let g = gl[k] + ge[k] + gi[k]
                let drive = gl[k] * el[k] + ge[k] * eE + gi[k] * eI + iOffset
                v[k] = ExponentialEuler.wideSeriesStep(v: v[k], drive: drive, conductance: g, dtOverC: dtOverC)
            }
        } else {
            for k in neurons {
                let g = gl[k] + ge[k] + gi[k]
                let drive = gl[k] * el[k] + ge[k] * eE + gi[k] * eI + iOffset
                v[k] = ExponentialEuler.step(v: v[k], drive: drive, conductance: g,
                                             dtOverC: dtOverC, minusDtOverC: minusDtOverC)
            }
        }
    }

    /// Steps 4 (refractory clamp) and 5 (threshold) for the neurons of `neurons`, without
    /// branches (a neuron is refractory at random, so a branch on it is mispredicted often):
    /// every neuron's index is written at the end of the spike list (`spiked`, room for
    /// `neurons.count`) and the list grows only when it fired. Returns the spike count; the
    /// indices are in increasing order.
    @inline(__always)
    func thresholdPass(neurons: Range<Int>, spiked: UnsafeMutablePointer<Int32>) -> Int {
        var spikeCount = 0
        for k in neurons {
            let counter = ref[k], potential = v[k]
            let refractory = counter > 0
            let fires = !refractory && potential >= vth[k] && thr[k]
            v[k] = refractory || fires ? vres[k] : potential
            ref[k] = refractory ? counter &- 1 : (fires ? refN[k] : counter)
            spiked[spikeCount] = Int32(truncatingIfNeeded: k)
            spikeCount &+= fires ? 1 : 0
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
