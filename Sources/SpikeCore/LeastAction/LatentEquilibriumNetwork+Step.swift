extension LatentEquilibriumNetwork {
    /// One step of science.md 6.2 (see the type's documentation): dynamics of every layer
    /// top-down, errors from the top, energy, plasticity. `input` has `sizes[0]` values (the
    /// input rates at the new time); `target` has `sizes[N]` values, or is nil (no nudging).
    public mutating func step(input: [Double], target: [Double]?) {
        precondition(input.count == sizes[0])
        precondition(target == nil || target!.count == sizes[depth])
        let n = depth, tau = tauMs, dt = stepMs, prospective = self.prospective
        let sizes = self.sizes, neuronOffsets = self.neuronOffsets, weightOffsets = self.weightOffsets
        let presynapticOffsets = self.presynapticOffsets, functions = rateFunctions
        weights.withUnsafeMutableBufferPointer { w in
        biases.withUnsafeMutableBufferPointer { b in
        u.withUnsafeMutableBufferPointer { u in
        uDot.withUnsafeMutableBufferPointer { uDot in
        uHat.withUnsafeMutableBufferPointer { uHat in
        drive.withUnsafeMutableBufferPointer { drive in
        rate.withUnsafeMutableBufferPointer { rate in
        ratePrime.withUnsafeMutableBufferPointer { ratePrime in
        error.withUnsafeMutableBufferPointer { e in
        presynaptic.withUnsafeMutableBufferPointer { pre in
            // 1-5: dynamics, top-down so that layer i reads layer i−1's rates of the last step.
            for layer in stride(from: n, through: 1, by: -1) {
                let nIn = sizes[layer - 1], w0 = weightOffsets[layer - 1], n0 = neuronOffsets[layer - 1]
                let p0 = presynapticOffsets[layer - 1]
                if layer == 1 {
                    for k in 0..<nIn { pre[p0 + k] = input[k] }
                } else {
                    let below = neuronOffsets[layer - 2]
                    for k in 0..<nIn { pre[p0 + k] = rate[below + k] }
                }
                let phi = functions[layer - 1]
                for j in 0..<sizes[layer] {
                    let row = w0 + j * nIn
                    let s = b[n0 + j] + dot(w.baseAddress! + row, pre.baseAddress! + p0, nIn)
                    let idx = n0 + j
                    drive[idx] = s
                    let du = (s - u[idx] + e[idx]) / tau
                    uDot[idx] = du
                    let v = prospective ? u[idx] + tau * du : u[idx]
                    uHat[idx] = v
                    u[idx] += dt * du
                    let (r, slope) = phi.valueAndDerivative(v)
                    rate[idx] = r
                    ratePrime[idx] = slope
                }
            }
        }}}}}}}}}}
        computeErrorsAndEnergy(target: target)
        if plasticity && learningRatePerMs != 0 { applyPlasticity() }
    }

    /// Step 6 of science.md 6.2 and the energy E.
    mutating func computeErrorsAndEnergy(target: [Double]?) {
        let n = depth
        let top = neurons(ofLayer: n)
        var energy = 0.0
        for (k, idx) in top.enumerated() {
            let tgt = target?[k]
            error[idx] = (tgt != nil && beta != 0) ? beta * (tgt! - uHat[idx]) : 0
            backpropagated[idx] = 0
            if let tgt { let d = uHat[idx] - tgt; energy += 0.5 * beta * d * d }
        }
        for layer in stride(from: n - 1, through: 1, by: -1) {
            let above = neurons(ofLayer: layer + 1), nIn = sizes[layer], w0 = weightOffsets[layer]
            let mine = neurons(ofLayer: layer)
            for j in mine { backpropagated[j] = 0 }
            for (l, idx) in above.enumerated() {
                let mismatch = uHat[idx] - drive[idx]
                if mismatch == 0 { continue }
                let row = w0 + l * nIn
                for (k, j) in mine.enumerated() { backpropagated[j] += weights[row + k] * mismatch }
            }
            for j in mine { error[j] = ratePrime[j] * backpropagated[j] }
        }
        for idx in 0..<u.count {
            let d = uHat[idx] - drive[idx]
            energy += 0.5 * d * d
        }
        self.energy = energy
    }

    /// Step 7 of science.md 6.2: W_i += η dt e_i r_{i−1}ᵀ, b_i += η dt e_i (the
    /// Urbanczik–Senn form: postsynaptic error times presynaptic rate).
    mutating func applyPlasticity() {
        let scale = learningRatePerMs * stepMs
        let sizes = self.sizes, neuronOffsets = self.neuronOffsets, weightOffsets = self.weightOffsets
        let presynapticOffsets = self.presynapticOffsets
        weights.withUnsafeMutableBufferPointer { w in
        biases.withUnsafeMutableBufferPointer { b in
        error.withUnsafeBufferPointer { e in
        presynaptic.withUnsafeBufferPointer { pre in
            for layer in 1...sizes.count - 1 {
                let nIn = sizes[layer - 1], w0 = weightOffsets[layer - 1], n0 = neuronOffsets[layer - 1]
                let p0 = presynapticOffsets[layer - 1]
                for j in 0..<sizes[layer] {
                    let g = scale * e[n0 + j]
                    if g == 0 { continue }
                    b[n0 + j] += g
                    let row = w0 + j * nIn
                    for k in 0..<nIn { w[row + k] += g * pre[p0 + k] }
                }
            }
        }}}}
    }
}

/// Σ_k a[k] b[k] with four partial sums (so the compiler can vectorise it; the order of the
/// additions is fixed, so results stay deterministic).
@inline(__always)
private func dot(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ n: Int) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var k = 0
    while k + 4 <= n {
        s0 += a[k] * b[k]
        s1 += a[k + 1] * b[k + 1]
        s2 += a[k + 2] * b[k + 2]
        s3 += a[k + 3] * b[k + 3]
        k += 4
    }
    while k < n { s0 += a[k] * b[k]; k += 1 }
    return (s0 + s1) + (s2 + s3)
}
