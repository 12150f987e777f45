/// Drawing of what lies on top of the heat map: trails, arrows, cursor, contours, the colour
/// bar and the legend (split from HeatMap.swift to keep each file readable in one sitting).
extension HeatMap {
    func trailColor(_ index: Int, _ theme: Theme) -> Color {
        theme.color(trails[index].color ?? Self.defaultTrailColors[index % Self.defaultTrailColors.count])
    }

    /// The field with its contour dots on top: what `render` caches (HeatMapFieldCache).
    func fieldLayer(width w: Int, height h: Int, range: ClosedRange<Double>, gradient grad: Gradient,
                    theme: Theme) -> HeatMapFieldCache.Layer {
        let levels = contourLevels
        var (cells, mean) = fieldCells(width: w, height: h, range: range, gradient: grad, theme: theme,
                                       wantsMean: hasOverlays || !levels.isEmpty)
        if !levels.isEmpty {
            let c = contourDots(width: w, height: h, levels: levels)
            let fixed = contourColor.map(theme.color)
            for cy in 0..<h {
                for cx in 0..<w {
                    let mask = c.mask(cellX: cx, cellY: cy)
                    guard mask != 0 else { continue }
                    let color = fixed ?? Self.darkened(mean[cy * w + cx], depth: theme.depth) ?? theme.style(.dim).foreground
                    cells[cy * w + cx] = Cell(Glyphs.braille(mask), style: Style(foreground: color, background: mean[cy * w + cx]))
                }
            }
        }
        return HeatMapFieldCache.Layer(width: w, height: h, cells: cells, mean: mean)
    }

    /// Everything the field layer depends on (the samples bit for bit, the plot size, the
    /// value range, the contour levels and every colour used).
    func fieldKey(plot: Rect, range: ClosedRange<Double>, gradient grad: Gradient, theme: Theme) -> HeatMapFieldCache.Key {
        let levels = contourLevels
        return HeatMapFieldCache.Key(values: values, columns: columns, rows: rows, resampling: resampling, width: plot.width,
                                     height: plot.height, range: range, levels: levels, gradient: grad, depth: theme.depth,
                                     background: theme.style(.text).background, contourColor: contourColor.map(theme.color),
                                     dim: theme.style(.dim).foreground, withMean: hasOverlays || !levels.isEmpty)
    }

    /// Whether trails, arrows or a cursor are drawn over the field (they, and contours, draw on
    /// the field's mean backgrounds).
    var hasOverlays: Bool { !trails.isEmpty || !arrows.isEmpty || cursor != nil }

    /// Trails, arrow shafts (one braille layer), then markers, over the field layer.
    /// With a `trailCache`, each trail's dots come from it (extended by the new points only).
    func drawOverlays(into buffer: inout CellBuffer, plot: Rect, mean: [Color], theme: Theme,
                      trailCache: HeatMapTrailCache? = nil) {
        // Nothing to draw over the field (e.g. the correlation maps): skip the empty dot layer
        // (without contours the layer has no mean backgrounds then).
        guard hasOverlays else { return }
        let w = plot.width, h = plot.height
        var top = BrailleCanvas(width: w, height: h, xBounds: xRange, yBounds: yRange)
        var markers: [(x: Int, y: Int, glyph: Unicode.Scalar, color: Color)] = []
        for (i, trail) in trails.enumerated() {
            let color = trailColor(i, theme)
            if let trailCache {
                top.merge(trailCache.canvas(slot: i, trail: trail, width: w, height: h, xBounds: xRange, yBounds: yRange),
                          color: color)
            } else {
                var previous: (x: Double, y: Double)?
                for p in trail.points {
                    guard p.x.isFinite, p.y.isFinite else { previous = nil; continue }
                    if trail.connected, let q = previous { top.line(from: q, to: p, color: color) } else { top.point(x: p.x, y: p.y, color: color) }
                    previous = p
                }
            }
            if trail.marksNewest, let last = trail.points.last, let d = top.dot(x: last.x, y: last.y) {
                markers.append((d.x / 2, d.y / 4, "●", color))
            }
        }
        for arrow in arrows {
            let color = theme.color(arrow.color)
            let tip = (x: arrow.x + arrow.dx, y: arrow.y + arrow.dy)
            top.line(from: (arrow.x, arrow.y), to: tip, color: color)
            if let a = top.unclampedDot(x: arrow.x, y: arrow.y), let b = top.unclampedDot(x: tip.x, y: tip.y),
               let d = top.dot(x: tip.x, y: tip.y) {
                markers.append((d.x / 2, d.y / 4, Self.arrowGlyph(dx: b.x - a.x, dy: a.y - b.y), color))
            }
        }
        if let cursor, let d = top.dot(x: cursor.x, y: cursor.y) {
            markers.append((d.x / 2, d.y / 4, cursorGlyph, theme.color(cursorColor)))
        }
        top.forEachDottedCell { i, mask, color in
            let cy = i / w, cx = i - cy * w
            buffer.put(Glyphs.braille(mask), x: plot.x + cx, y: plot.y + cy, style: Style(foreground: color, background: mean[i]),
                       clip: plot)
        }
        // Later markers win: trail heads, then arrow heads, then the cursor.
        for m in markers where m.x >= 0 && m.x < w && m.y >= 0 && m.y < h {
            let style = Style(foreground: m.color, background: mean[m.y * w + m.x], attributes: .bold)
            buffer.put(m.glyph, x: plot.x + m.x, y: plot.y + m.y, style: style, clip: plot)
        }
    }

    /// `color` at `factor` of its brightness, reduced to `depth` (nil for `.default`).
    static func darkened(_ color: Color, by factor: Double = 0.55, depth: ColorDepth) -> Color? {
        let rgb: (r: Int, g: Int, b: Int)
        switch color {
        case .default: return nil
        case .indexed(let i): rgb = ColorReduction.rgb(ofIndex: i)
        case .rgb(let r, let g, let b): rgb = (Int(r), Int(g), Int(b))
        }
        func scale(_ v: Int) -> UInt8 { UInt8(clamping: Int((Double(v) * factor).rounded())) }
        return ColorReduction.reduce(.rgb(scale(rgb.r), scale(rgb.g), scale(rgb.b)), to: depth)
    }

    func drawColorBar(into buffer: inout CellBuffer, x: Int, plot: Rect, clip: Rect, labels: (lo: String, hi: String),
                              gradient grad: Gradient, theme: Theme) {
        let h = plot.height
        let background = theme.style(.text).background
        let pixels = Double(max(1, 2 * h - 1))
        for cy in 0..<h {
            let tTop = 1 - Double(2 * cy) / pixels
            let tBottom = 1 - Double(2 * cy + 1) / pixels
            let cell: Cell
            if theme.depth <= .ansi16 {
                let m = (tTop + tBottom) / 2
                cell = Cell(Glyphs.shade(m), style: Style(foreground: theme.depth == .none ? .default : grad.color(at: m),
                                                          background: background))
            } else {
                cell = Cell(Glyphs.upperHalf, style: Style(foreground: grad.color(at: tTop), background: grad.color(at: tBottom)))
            }
            buffer.put(cell.character, x: x, y: plot.y + cy, style: cell.style, clip: clip)
        }
        let text = theme.style(.graphText)
        buffer.put(labels.hi, x: x + 2, y: plot.y, style: text, clip: clip)
        if h >= 2 { buffer.put(labels.lo, x: x + 2, y: plot.maxY - 1, style: text, clip: clip) }
    }

    func legendEntries(_ theme: Theme) -> [LegendEntry] {
        guard showLegend else { return [] }
        var out: [LegendEntry] = []
        for (i, t) in trails.enumerated() where !t.name.isEmpty {
            out.append(LegendEntry(marker: t.connected ? "⣀" : "⠂", name: t.name, color: trailColor(i, theme)))
        }
        for a in arrows where !a.name.isEmpty {
            let entry = LegendEntry(marker: "→", name: a.name, color: theme.color(a.color))
            if !out.contains(entry) { out.append(entry) }
        }
        return out
    }
}
