import Canvas
import Testing

/// Landscapes shared by the heat-map tests.
enum LandscapeFixtures {
    /// A tilted double well: minima near (±1, 0), the left one deeper; E in about -0.3...6.
    static func doubleWell(_ x: Double, _ y: Double) -> Double {
        (x * x - 1) * (x * x - 1) + 0.8 * y * y + 0.25 * x
    }

    static let values = HeatMap.grid(columns: 41, rows: 21, xRange: -2...2, yRange: -1.5...1.5, doubleWell)

    /// Gradient descent on the double well from (1.8, 1.2): the Euclidean trail.
    static func descent(from start: (x: Double, y: Double), rate: Double, steps: Int, natural: Bool) -> [(x: Double, y: Double)] {
        var p = start
        var out = [p]
        for _ in 0..<steps {
            var gx = 4 * p.x * (p.x * p.x - 1) + 0.25
            var gy = 1.6 * p.y
            if natural {  // a diagonal preconditioner: divide by the curvature (clamped)
                gx /= max(0.5, abs(12 * p.x * p.x - 4))
                gy /= 1.6
            }
            p = (p.x - rate * gx, p.y - rate * gy)
            out.append(p)
        }
        return out
    }
}

@Suite("Heat map")
struct HeatMapTests {
    let theme = Theme.defaultTheme

    @Test func gridLayoutIsRowMajorTopIsYMax() {
        let g = HeatMap.grid(columns: 3, rows: 2, xRange: 0...2, yRange: 0...1) { x, y in 10 * y + x }
        #expect(g == [10, 11, 12, 0, 1, 2])
        #expect(HeatMap.grid(columns: 0, rows: 2, xRange: 0...1, yRange: 0...1) { _, _ in 1 }.isEmpty)
    }

    @Test func resamplingNearestAndBilinear() {
        var map = HeatMap(columns: 2, rows: 2, values: [0, 1, 2, 3], xRange: 0...1, yRange: 0...1, resampling: .bilinear)
        #expect(map.value(fx: 0, fy: 0) == 0)
        #expect(map.value(fx: 1, fy: 1) == 3)
        #expect(map.value(fx: 0.5, fy: 0.5) == 1.5)
        #expect(map.value(fx: 0.5, fy: 0) == 0.5)
        map.resampling = .nearest
        #expect(map.value(fx: 0.4, fy: 0.6) == 2)
        // NaN corners only matter where they carry weight.
        let holed = HeatMap(columns: 2, rows: 1, values: [1, .nan], xRange: 0...1, yRange: 0...1)
        #expect(holed.value(fx: 0, fy: 0) == 1)
        #expect(holed.value(fx: 0.5, fy: 0).isNaN)
        // Missing values never crash.
        #expect(HeatMap(columns: 3, rows: 3, values: [1], xRange: 0...1, yRange: 0...1).value(fx: 0, fy: 0).isNaN)
    }

    @Test func valueRangeAndLevels() {
        var map = HeatMap(columns: 2, rows: 1, values: [2, 6], xRange: 0...1, yRange: 0...1, contours: .count(3))
        #expect(map.effectiveValueRange == 2...6)
        #expect(map.contourLevels == [3, 4, 5])
        map.valueRange = 0...8
        #expect(map.contourLevels == [2, 4, 6])
        map.values = [4, 4]
        map.valueRange = nil
        #expect(map.effectiveValueRange == 3.5...4.5)
        map.values = [.nan]
        #expect(map.effectiveValueRange == 0...1)
        map.contours = .levels([1, .nan, 2])
        #expect(map.contourLevels == [1, 2])
    }

    @Test("contour dots: a sign change between a dot and its right or lower neighbour")
    func contourOnTinyField() {
        // A 2x1-cell canvas is 4 x 4 dots; a vertical step between dot columns 1 and 2.
        let step = HeatMap(columns: 4, rows: 2, values: [0, 0, 1, 1, 0, 0, 1, 1], xRange: 0...1, yRange: 0...1, resampling: .nearest)
        let c = step.contourDots(width: 2, height: 1, levels: [0.5])
        #expect(c.lines == ["⢸⠀"])  // the dots left of the step, every row
        // A horizontal step: rows above 0.5 vs below; level at 0.5 lights the upper side's last row.
        let flat = HeatMap(columns: 1, rows: 2, values: [1, 0], xRange: 0...1, yRange: 0...1, resampling: .nearest)
        let d = flat.contourDots(width: 1, height: 1, levels: [0.5])
        #expect(d.lines == ["⠒"])  // dot rows 0-1 are 1, rows 2-3 are 0: row 1 changes sign below it
        #expect(flat.contourDots(width: 1, height: 1, levels: [2]).lines == ["⠀"])
        #expect(flat.contourDots(width: 1, height: 1, levels: []).lines == ["⠀"])
        // A circle gives a closed ring of dots.
        let bowl = HeatMap(columns: 21, rows: 21, values: HeatMap.grid(columns: 21, rows: 21, xRange: -1...1, yRange: -1...1) { x, y in
            x * x + y * y
        }, xRange: -1...1, yRange: -1...1)
        #expect(bowl.contourDots(width: 8, height: 4, levels: [0.5]).lines == [
            "⠀⠀⡠⠤⠤⣄⠀⠀",
            "⠀⡎⠀⠀⠀⠈⡇⠀",
            "⠀⢧⡀⠀⠀⢀⠇⠀",
            "⠀⠀⠉⠉⠉⠁⠀⠀",
        ])
    }

    @Test("arrow heads by angle (x right, y up)")
    func arrowGlyphs() {
        let cases: [(Double, Double, Unicode.Scalar)] = [
            (1, 0, "→"), (0.94, 0.34, "→"),  // 20°
            (0.91, 0.42, "↗"),  // 25°
            (1, 1, "↗"), (0.34, 0.94, "↑"),  // 70°
            (0, 1, "↑"), (-1, 1, "↖"), (-1, 0, "←"), (-1, -1, "↙"), (0, -1, "↓"), (1, -1, "↘"),
            (-0.94, -0.34, "←"), (0.34, -0.94, "↓"), (0.5, -0.6, "↘"),
            (0, 0, "·"), (.nan, 1, "·"),
        ]
        for (dx, dy, glyph) in cases { #expect(HeatMap.arrowGlyph(dx: dx, dy: dy) == glyph, "(\(dx), \(dy))") }
    }

    @Test("trails are clipped to the plot; the newest point is only marked when inside")
    func trailsClip() {
        let map = HeatMap(columns: 2, rows: 2, values: [0, 0, 0, 0], xRange: 0...1, yRange: 0...1, valueRange: 0...1,
                          trails: [.init(name: "t", points: [(-5, 0.5), (0.5, 0.5), (5, 0.5)], color: .fixed(.indexed(1)))],
                          scale: .none, showAxes: false, showLegend: false)
        var buffer = CellBuffer(width: 8, height: 3, fill: Cell("x"))
        let area = Rect(x: 1, y: 0, width: 6, height: 2)
        map.render(into: &buffer, area: area, theme: theme)
        // The line crosses the whole plot at mid height; the newest point (5, 0.5) is outside: no ●.
        // (y = 0.5 is dot row round(3.5) = 4 of 0...7: the top dots of the second row.)
        #expect(buffer.lines == ["x██████x", "x⠉⠉⠉⠉⠉⠉x", "xxxxxxxx"])
        #expect(!buffer.text.contains("●"))
        #expect(buffer[1, 1].style.foreground == .indexed(1))
        // Overlay cells keep the mean map colour as background.
        #expect(buffer[1, 1].style.background == theme.gradient(.energy).color(at: 0))
        var inside = map
        inside.trails[0].points = [(0, 0), (0.5, 1)]
        var b2 = CellBuffer(width: 8, height: 3)
        inside.render(into: &b2, area: area, theme: theme)
        #expect(b2.text.contains("●"))
    }

    @Test func doubleWellLandscape() {
        let map = HeatMap(columns: 41, rows: 21, values: LandscapeFixtures.values, xRange: -2...2, yRange: -1.5...1.5,
                          xTitle: "w₁", yTitle: "w₂", valueRange: -0.5...6, contours: .count(5),
                          trails: [
                              .init(name: "euclid", points: LandscapeFixtures.descent(from: (1.8, 1.2), rate: 0.05, steps: 30, natural: false)),
                              .init(name: "natural", points: LandscapeFixtures.descent(from: (-1.8, 1.2), rate: 0.3, steps: 12, natural: true)),
                          ],
                          cursor: (0, 0), arrows: [.init(x: 0.5, y: -1, dx: 0.5, dy: 0.4, name: "−∇E")])
        var buffer = CellBuffer(width: 64, height: 20)
        map.render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "heatmap_double_well")
        assertSnapshot(buffer, named: "heatmap_double_well_styles", styles: true)
    }

    @Test func plainMapWithoutOverlays() {
        let map = HeatMap(columns: 41, rows: 21, values: LandscapeFixtures.values, xRange: -2...2, yRange: -1.5...1.5,
                          xTitle: "x", yTitle: "y", valueRange: -0.5...6)
        var buffer = CellBuffer(width: 40, height: 12)
        map.render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "heatmap_plain_styles", styles: true)
        // Two different samples per cell: the top one is the fg of ▀, the bottom one the bg.
        let cell = buffer.cells.first { $0.character == "▀" }
        #expect(cell != nil && cell!.style.foreground != cell!.style.background)
    }

    @Test("no colours: shade glyphs by value, trails and markers still visible")
    func shadeFallback() {
        let map = HeatMap(columns: 41, rows: 21, values: LandscapeFixtures.values, xRange: -2...2, yRange: -1.5...1.5,
                          xTitle: "w₁", yTitle: "w₂", valueRange: -0.5...6,
                          trails: [.init(name: "euclid", points: LandscapeFixtures.descent(from: (1.8, 1.2), rate: 0.05, steps: 30, natural: false))],
                          scale: .minMax)
        var buffer = CellBuffer(width: 48, height: 14)
        map.render(into: &buffer, area: buffer.bounds, theme: theme.reduced(to: .none))
        assertSnapshot(buffer, named: "heatmap_no_color")
        #expect(buffer.text.contains("░") && buffer.text.contains("▓") && buffer.text.contains("●"))
        var b16 = CellBuffer(width: 48, height: 14)
        map.render(into: &b16, area: b16.bounds, theme: theme.reduced(to: .ansi16))
        #expect(b16.text == buffer.text)
        #expect(b16.cells.allSatisfy { if case .rgb = $0.style.foreground { return false } else { return true } })
    }

    @Test func palette256UsesIndexedColours() {
        let map = HeatMap(columns: 41, rows: 21, values: LandscapeFixtures.values, xRange: -2...2, yRange: -1.5...1.5)
        var buffer = CellBuffer(width: 30, height: 10)
        map.render(into: &buffer, area: buffer.bounds, theme: theme.reduced(to: .palette256))
        #expect(buffer.text.contains("▀"))
        #expect(buffer.cells.allSatisfy { if case .rgb = $0.style.background { return false } else { return true } })
    }

    @Test("fixed value range: the same value keeps its colour when the rest of the field changes")
    func fixedRangeIsStable() {
        func render(_ values: [Double]) -> CellBuffer {
            var b = CellBuffer(width: 4, height: 1)
            HeatMap(columns: 2, rows: 1, values: values, xRange: 0...1, yRange: 0...1, valueRange: 0...10, resampling: .nearest,
                    scale: .none, showAxes: false).render(into: &b, area: b.bounds, theme: theme)
            return b
        }
        #expect(render([5, 0])[0, 0] == render([5, 10])[0, 0])
    }
}

