extension HeatMap {
    /// The heat map's cells for a `width × height` plot (nil where both samples are NaN) and,
    /// per cell, the background for overlays (the colour of the mean of the cell's two samples).
    /// (`indexingSamples: false` resamples every position through `value(fx:fy:)`, the definition
    /// the nearest-sample index follows; for tests.)
    /// With `wantsMean` false the backgrounds are not computed (`mean` holds the text
    /// background): maps with no overlays and no contours never read them, e.g. the four
    /// correlation maps the noise-sources screens resample every frame.
    func fieldCells(width w: Int, height h: Int, range: ClosedRange<Double>, gradient grad: Gradient,
                    theme: Theme, indexingSamples: Bool = true, wantsMean: Bool = true) -> (cells: [Cell?], mean: [Color]) {
        let background = theme.style(.text).background
        var mean = [Color](repeating: background, count: w * h)
        var cells = [Cell?](repeating: nil, count: w * h)
        let dotsX = Double(2 * w - 1), dotsY = Double(4 * h - 1)
        // Sample at the centre of the cell's dot columns and of each half's dot rows, the
        // same positions BrailleCanvas gives world points.
        let fxs = (0..<w).map { cx in dotsX > 0 ? min(1, (Double(2 * cx) + 0.5) / dotsX) : 0.5 }
        let fyTop = (0..<h).map { cy in min(1, (Double(4 * cy) + 1.5) / dotsY) }
        let fyBottom = (0..<h).map { cy in min(1, (Double(4 * cy) + 3.5) / dotsY) }
        // Nearest resampling picks one sample per position, and the column and row it picks
        // depend on x and y alone: index them once and colour each sample once (the maps whose
        // values change every frame, e.g. running correlations, are resampled every frame).
        let nearest = indexingSamples
            ? NearestSamples(self, range: range, gradient: grad, fxs: fxs, fyTop: fyTop, fyBottom: fyBottom) : nil
        // A cell from its two samples' normalised values (nil: both NaN) and its overlay background.
        func cell(top: Double, bottom: Double, ti: Int, bi: Int) -> (cell: Cell?, mean: Color) {
            // The mean of the finite ones, summed from 0 in order (no temporary array: this
            // runs for every cell of every map whose values changed).
            let m: Double
            switch (top.isFinite, bottom.isFinite) {
            case (true, true): m = (0 + top + bottom) / 2
            case (true, false): m = (0 + top) / 1
            case (false, true): m = (0 + bottom) / 1
            case (false, false): return (nil, background)
            }
            if theme.depth <= .ansi16 {
                let fg = theme.depth == .none ? Color.default : grad.color(at: m)
                return (Cell(Glyphs.shade(m), style: Style(foreground: fg, background: background)), background)
            }
            func meanColor(_ m: Double) -> Color { wantsMean ? grad.color(at: m) : background }
            // A sample's colour: indexed once per frame (nearest) or from the gradient.
            func color(_ index: Int, _ fraction: Double) -> Color {
                nearest?.sampleColors[index] ?? grad.color(at: fraction)
            }
            switch (top.isFinite, bottom.isFinite) {
            case (true, true):
                let (ct, cb) = (color(ti, top), color(bi, bottom))
                return (ct == cb ? Cell(Glyphs.fullBlock, style: Style(foreground: ct, background: background))
                            : Cell(Glyphs.upperHalf, style: Style(foreground: ct, background: cb)), meanColor(m))
            case (true, false):
                return (Cell(Glyphs.upperHalf, style: Style(foreground: color(ti, top), background: background)), meanColor(m))
            default:
                return (Cell(Glyphs.lowerHalf, style: Style(foreground: color(bi, bottom), background: background)), meanColor(m))
            }
        }
        // With nearest resampling a cell depends on its two samples' indices alone, and
        // neighbouring cells often read the same two (a 20-column map drawn 78 cells wide): the
        // previous cell is reused when the indices match (what computing it again would give).
        // (Written through the storage: these run for every cell of every changed map.)
        cells.withUnsafeMutableBufferPointer { cellsOut in
            mean.withUnsafeMutableBufferPointer { meanOut in
                var previous: (ti: Int, bi: Int, cell: Cell?, mean: Color)? = nil
                for cy in 0..<h {
                    for cx in 0..<w {
                        let i = cy * w + cx
                        if let nearest {
                            let (ti, bi) = nearest.indices(cx: cx, cy: cy)
                            if let p = previous, p.ti == ti, p.bi == bi {
                                (cellsOut[i], meanOut[i]) = (p.cell, p.mean)
                                continue
                            }
                            let made = cell(top: nearest.sampleFractions[ti], bottom: nearest.sampleFractions[bi], ti: ti, bi: bi)
                            (cellsOut[i], meanOut[i]) = made
                            previous = (ti, bi, made.cell, made.mean)
                        } else {
                            (cellsOut[i], meanOut[i]) = cell(top: fraction(value(fx: fxs[cx], fy: fyTop[cy]), range),
                                                             bottom: fraction(value(fx: fxs[cx], fy: fyBottom[cy]), range), ti: 0, bi: 0)
                        }
                    }
                }
            }
        }
        return (cells, mean)
    }
}

/// The samples nearest resampling reads for each cell's two halves, by column and row, and the
/// normalised value and colour of every sample: `sampleFractions[indices(cx:cy:)]` is exactly
/// `fraction(value(fx:fy:))` at the cell's two positions, without resampling per cell, and
/// `sampleColors` the gradient's colour of each.
struct NearestSamples {
    let columnIndex: [Int]
    let topRow: [Int]
    let bottomRow: [Int]
    let sampleFractions: [Double]
    let sampleColors: [Color]

    /// nil unless the map resamples nearest and has a full grid (else `value` decides per point).
    init?(_ map: HeatMap, range: ClosedRange<Double>, gradient: Gradient, fxs: [Double], fyTop: [Double], fyBottom: [Double]) {
        let columns = map.columns, rows = map.rows
        guard map.resampling == .nearest, columns > 0, rows > 0, map.values.count >= columns * rows,
              fxs.allSatisfy(\.isFinite), fyTop.allSatisfy(\.isFinite), fyBottom.allSatisfy(\.isFinite) else { return nil }
        // As `HeatMap.value(fx:fy:)`: clamp, scale to the grid, round to the nearest sample.
        columnIndex = fxs.map { Int((min(1, max(0, $0)) * Double(columns - 1)).rounded()) }
        topRow = fyTop.map { Int((min(1, max(0, $0)) * Double(rows - 1)).rounded()) * columns }
        bottomRow = fyBottom.map { Int((min(1, max(0, $0)) * Double(rows - 1)).rounded()) * columns }
        sampleFractions = map.values.prefix(columns * rows).map { map.fraction($0, range) }
        sampleColors = sampleFractions.map { gradient.color(at: $0) }
    }

    @inline(__always)
    func indices(cx: Int, cy: Int) -> (top: Int, bottom: Int) {
        let c = columnIndex[cx]
        return (topRow[cy] + c, bottomRow[cy] + c)
    }
}
