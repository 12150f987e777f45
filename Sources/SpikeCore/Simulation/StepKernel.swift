#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-neuron part of one integration step (science.md 1.9 steps 1–5) over contiguous
/// arrays (no allocation, no dynamic dispatch):
///
/// 1. g_x ← g_x·e^{−dt/τ_syn,x}
/// 2. g_x ← g_x + w_x·n_x, n_x ~ Poisson(ν_x dt) (`BackgroundInput`)
/// 3. g_x ← g_x + recurrent increments arriving now (delay-ring slot; zeroed after use)
/// 4. refractory: V = V_reset, counter − 1; else exponential Euler with frozen conductances
///    (`ExponentialEuler`)
/// 5. V ≥ V_th (threshold enabled): spike, V ← V_reset, counter ← round(τ_ref/dt).
///
/// Organised as separate passes so that the arithmetic ones (1 + 3, and 4) are branch-free
/// loops the compiler vectorises; the membrane pass computes the free update for every neuron
/// and the last pass overwrites refractory neurons with V_reset — the same numbers as a
/// per-neuron branch, computed faster.
enum StepKernel {
    /// Runs steps 1–5 for every neuron; writes the indices of neurons that spiked to `spiked`
    /// and returns how many.
    static func run(population: inout LIFPopulation, background: inout BackgroundInput,
                    arrivingE: UnsafeMutableBufferPointer<Double>, arrivingI: UnsafeMutableBufferPointer<Double>,
                    spiked: UnsafeMutableBufferPointer<Int32>) -> Int {
        let p = population.parameters
        let n = population.count
        let decayE = population.decayE, decayI = population.decayI
        let eE = p.eRevE, eI = p.eRevI, iOffset = p.iOffset
        let minusDtOverC = -population.stepMs / p.cm
        let dtOverC = population.stepMs / p.cm
        // Local references (no copy) so that reading them does not overlap the mutable access below.
        let gLeak = population.gLeak, vThreshold = population.vThreshold, refractoryCounts = population.refractoryStepCounts
        let vResetLevel = population.vResetLevel
        var spikeCount = 0
        background.withBuffers { lamE, lamI, wE, wI, resE, resI, rngE, rngI in
            population.withBuffers { v, ge, gi, ref, el, thr in
              LIFPopulation.withIntrinsicBuffers(gLeak, vThreshold, vResetLevel, refractoryCounts) { gl, vth, vres, refN in
                // Steps 1 + 3: decay and recurrent arrivals (vectorisable).
                for k in 0..<n {
                    ge[k] = ge[k] * decayE + arrivingE[k]
                    gi[k] = gi[k] * decayI + arrivingI[k]
                    arrivingE[k] = 0
                    arrivingI[k] = 0
                }
                // Step 2: background events (rare at λ ≈ 0.03: mostly one compare per source).
                for k in 0..<n {
                    let cE = BackgroundInput.events(lambda: lamE[k], residual: &resE[k], rng: &rngE[k])
                    if cE > 0 { ge[k] += wE[k] * Double(cE) }
                    let cI = BackgroundInput.events(lambda: lamI[k], residual: &resI[k], rng: &rngI[k])
                    if cI > 0 { gi[k] += wI[k] * Double(cI) }
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
              }
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
    static func withIntrinsicBuffers<R>(_ gLeak: [Double], _ vThreshold: [Double], _ vReset: [Double],
                                        _ refractoryStepCounts: [Int32],
                                        _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                                                 UnsafeBufferPointer<Double>, UnsafeBufferPointer<Int32>) -> R) -> R {
        gLeak.withUnsafeBufferPointer { gl in
            vThreshold.withUnsafeBufferPointer { vth in
                vReset.withUnsafeBufferPointer { vres in
                    refractoryStepCounts.withUnsafeBufferPointer { refN in body(gl, vth, vres, refN) }
                }
            }
        }
    }
}

extension BackgroundInput {
    /// λ_e, λ_i, w_e, w_i (read-only), hazard residuals and generators (mutable).
    mutating func withBuffers<R>(_ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                                          UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>,
                                          UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
                                          UnsafeMutableBufferPointer<Xoshiro256StarStar>,
                                          UnsafeMutableBufferPointer<Xoshiro256StarStar>) -> R) -> R {
        lambdaE.withUnsafeBufferPointer { lamE in
            lambdaI.withUnsafeBufferPointer { lamI in
                excWeight.withUnsafeBufferPointer { wE in
                    inhWeight.withUnsafeBufferPointer { wI in
                        residualE.withUnsafeMutableBufferPointer { resE in
                            residualI.withUnsafeMutableBufferPointer { resI in
                                rngE.withUnsafeMutableBufferPointer { rngE in
                                    rngI.withUnsafeMutableBufferPointer { rngI in
                                        body(lamE, lamI, wE, wI, resE, resI, rngE, rngI)
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
