import Canvas
import Testing

/// Energies of a 4-unit Boltzmann machine, E(s) = −Σ b_k s_k − Σ W_kl s_k s_l (deterministic).
enum StateFixtures {
    static let bias: [Double] = [0.4, -0.6, 0.2, -0.3]
    static let weights: [[Double]] = [[0, 1.2, -0.8, 0.3], [1.2, 0, 0.5, -1.0], [-0.8, 0.5, 0, 0.9], [0.3, -1.0, 0.9, 0]]

    static func energy(_ s: Int, bits: Int = 4) -> Double {
        var e = 0.0
        for k in 0..<bits where s >> k & 1 == 1 {
            e -= bias[k % 4]
            for l in (k + 1)..<max(k + 1, bits) where s >> l & 1 == 1 { e -= weights[k % 4][l % 4] }
        }
        return e
    }

    static func energies(bits: Int) -> [Double] { (0..<(1 << bits)).map { energy($0, bits: bits) } }
}

@Suite("State grid")
struct StateGridTests {
    let theme = Theme.defaultTheme

    @Test("N = 4 with labels, headers, cursor and trail")
    func fourUnits() {
        let grid = StateGrid(bitCount: 4, energies: StateFixtures.energies(bits: 4), cursor: 0b0111,
                             trail: [0b0000, 0b0001, 0b0011, 0b0111, 0b0101])
        var buffer = CellBuffer(width: 32, height: 9)
        grid.render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "stategrid_4")
        assertSnapshot(buffer, named: "stategrid_4_styles", styles: true)
    }

    @Test("exact small buffer: N = 2, cells 4 wide, no headers")
    func exactSmall() {
        let grid = StateGrid(bitCount: 2, energies: [0, 1, 2, 3], valueRange: 0...3, cursor: 3, showHeaders: false)
        var buffer = CellBuffer(width: 8, height: 2)
        grid.render(into: &buffer, area: buffer.bounds, theme: theme)
        // Row 0 = high bit 0: states 00, 01; row 1 = high bit 1: states 10, 11 (Gray order of the low bit: 0, 1).
        #expect(buffer.lines == [" 00  01 ", " 10  11 "])
        let g = theme.gradient(.energy)
        #expect(buffer[0, 0].style.background == g.color(at: 0))
        #expect(buffer[4, 0].style.background == g.color(at: 1.0 / 3))
        #expect(buffer[0, 1].style.background == g.color(at: 2.0 / 3))
        #expect(buffer[5, 1].style.attributes == [.reverse, .bold])  // the cursor, state 11
        #expect(buffer[1, 0].style.attributes == [])
    }

    @Test("N = 3 lays out 2 rows × 4 columns in Gray order")
    func threeUnitsOrder() {
        let grid = StateGrid(bitCount: 3, energies: [Double](repeating: 0, count: 8), showHeaders: false)
        var buffer = CellBuffer(width: 20, height: 2)
        grid.render(into: &buffer, area: buffer.bounds, theme: theme)
        #expect(buffer.lines == [" 000  001  011  010 ", " 100  101  111  110 "])
    }

    @Test("no room for labels: trail dots and the cursor diamond; no colours: shades")
    func narrowAndNoColor() {
        let grid = StateGrid(bitCount: 4, energies: StateFixtures.energies(bits: 4), cursor: 5, trail: [0, 1, 5, 7])
        var buffer = CellBuffer(width: 14, height: 5)
        grid.render(into: &buffer, area: buffer.bounds, theme: theme.reduced(to: .none))
        assertSnapshot(buffer, named: "stategrid_4_narrow_no_color", styles: true)
        #expect(buffer.text.contains("◆") && buffer.text.contains("•"))
    }

    @Test("N = 8 in a short pane falls back to half blocks")
    func halfBlocks() {
        let grid = StateGrid(bitCount: 8, energies: StateFixtures.energies(bits: 8), cursor: 0b1010_0101, trail: [1, 3, 7])
        let area = Rect(x: 0, y: 0, width: 34, height: 9)
        let g = grid.geometry(in: area)
        #expect(g?.halfBlocks == true && g?.cellWidth == 2)
        var buffer = CellBuffer(width: 34, height: 9)
        grid.render(into: &buffer, area: area, theme: theme)
        assertSnapshot(buffer, named: "stategrid_8_halfblocks", styles: true)
        #expect(buffer.text.contains("◆"))
        // Too small for anything: nothing drawn.
        #expect(grid.geometry(in: Rect(x: 0, y: 0, width: 10, height: 9)) == nil)
    }
}

@Suite("Raster on-windows")
struct RasterOnWindowTests {
    let theme = Theme.defaultTheme

    @Test("bars [t, t + window) at dot resolution, spikes on top")
    func exactBars() {
        // 10 cells = 20 dot columns over 0...1 s: a dot column is 0.05 s.
        var buffer = CellBuffer(width: 10, height: 2)
        SpikeRaster(neuronCount: 2, timeStart: 0, timeEnd: 1, spikeTimes: [0.1, 0.5, -0.1], spikeNeurons: [0, 1, 1],
                    showAxes: false, onWindow: 0.2)
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        // Neuron 0: spike at column 2 (cell 1, left), bar over columns 2...5. Neuron 1: a spike before
        // the window whose bar reaches columns 0...1, and a spike at column 10 with bar 10...13.
        #expect(buffer.lines == ["⠀⣥⣤⠀⠀⠀⠀⠀⠀⠀".replacingBlank(), "⣤⠀⠀⠀⠀⣥⣤⠀⠀⠀".replacingBlank()])
        #expect(buffer[2, 0].style.foreground != buffer[1, 0].style.foreground)  // bar vs spike colour
    }

    @Test("ignored when the neurons don't fit one cell row each")
    func ignoredWhenCrowded() {
        let s = Fixtures.spikes(neurons: 20)
        var with = CellBuffer(width: 30, height: 6)
        var without = CellBuffer(width: 30, height: 6)
        SpikeRaster(neuronCount: 20, timeStart: 0, timeEnd: 2, spikeTimes: s.times, spikeNeurons: s.neurons, onWindow: 0.05)
            .render(into: &with, area: with.bounds, theme: theme)
        SpikeRaster(neuronCount: 20, timeStart: 0, timeEnd: 2, spikeTimes: s.times, spikeNeurons: s.neurons)
            .render(into: &without, area: without.bounds, theme: theme)
        #expect(with == without)
    }

    @Test func snapshot() {
        let s = Fixtures.spikes(neurons: 5, seed: 4)
        var buffer = CellBuffer(width: 50, height: 9)
        SpikeRaster(neuronCount: 5, timeStart: 1, timeEnd: 2, spikeTimes: s.times, spikeNeurons: s.neurons,
                    timeAxisTitle: "time (s)", onWindow: 0.04)
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "raster_on_windows")
        assertSnapshot(buffer, named: "raster_on_windows_styles", styles: true)
    }
}

@Suite("Heat strip")
struct HeatStripTests {
    let theme = Theme.defaultTheme

    @Test("newest column at the right, two units per cell row")
    func exact() {
        // 2 units x 3 steps in a 5x1 area: right-aligned, unit 0 on top, unit 1 below.
        let strip = HeatStrip(columns: [[0, 1], [1, 0], [1, 1]])
        var buffer = CellBuffer(width: 5, height: 1)
        strip.render(into: &buffer, area: buffer.bounds, theme: theme)
        #expect(buffer.lines == ["  ▀▀█"])
        let g = theme.gradient(.pixel)
        #expect(buffer[2, 0].style.foreground == g.color(at: 0) && buffer[2, 0].style.background == g.color(at: 1))
        #expect(buffer[3, 0].style.foreground == g.color(at: 1) && buffer[3, 0].style.background == g.color(at: 0))
        // More steps than cells: the oldest are dropped.
        let long = HeatStrip(columns: (0..<8).map { [Double($0) / 7] })
        var b2 = CellBuffer(width: 3, height: 1)
        long.render(into: &b2, area: b2.bounds, theme: theme)
        #expect(b2[2, 0].style.foreground == g.color(at: 1))
        #expect(b2[0, 0].style.foreground == g.color(at: 5.0 / 7))
    }

    @Test func labelledSnapshot() {
        var rng = TestRandom(seed: 5)
        let columns = (0..<60).map { t in (0..<6).map { u in 0.5 + 0.5 * sine(Double(t) / 6 + Double(u)) > rng.uniform() ? 1.0 : 0.1 } }
        var buffer = CellBuffer(width: 40, height: 6)
        HeatStrip(columns: columns, gradient: .spike, rowLabels: (0..<6).map { "h\($0)" })
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "heatstrip_labelled", styles: true)
        var packed = CellBuffer(width: 40, height: 3)
        HeatStrip(columns: columns, gradient: .spike, rowLabels: (0..<6).map { "h\($0)" })
            .render(into: &packed, area: packed.bounds, theme: theme)
        #expect(!packed.text.contains("h"))  // 6 units in 3 rows: packed two per row, no labels
        #expect(packed.lines[2].hasSuffix("▀") || packed.lines[2].hasSuffix("█") || packed.lines[2].hasSuffix("▄"))
    }
}

@Suite("Equation panel")
struct EquationPanelTests {
    let theme = Theme.defaultTheme

    @Test func spans() {
        let s = EquationPanel.spans("e = {0.013} and {x}{y} {open")
        #expect(s.map(\.text) == ["e = ", "0.013", " and ", "x", "y", " {open"])
        #expect(s.map(\.highlighted) == [false, true, false, true, true, false])
    }

    @Test func snapshot() {
        var buffer = CellBuffer(width: 36, height: 5)
        EquationPanel(title: "dynamics", lines: [
            "τ du/dt = −u + W r(ū) + e",
            "e = {0.013}   ‖W‖ = {1.84}",
            "a line far too long for the panel: {12345}",
            "dropped",
        ]).render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "equation_panel", styles: true)
        #expect(buffer.lines[3].hasSuffix("…│"))
    }
}

/// Every new widget, for the robustness tests.
let landscapeWidgets: [(name: String, render: @Sendable (inout CellBuffer, Rect, Theme) -> Void)] = [
    ("HeatMap", {
        HeatMap(columns: 41, rows: 21, values: LandscapeFixtures.values, xRange: -2...2, yRange: -1.5...1.5, xTitle: "x", yTitle: "y",
                contours: .count(4), trails: [.init(name: "a", points: [(-9, -9), (0, 0), (.nan, 1), (1e300, 2), (1, 1)])],
                cursor: (0.5, 0.5), arrows: [.init(x: 0, y: 0, dx: 5, dy: -7, name: "g")]).render(into: &$0, area: $1, theme: $2)
    }),
    ("HeatMapMinMax", {
        HeatMap(columns: 3, rows: 2, values: [1, .nan, 3, .infinity, 0, -1], xRange: 0...0, yRange: 1...1, scale: .minMax)
            .render(into: &$0, area: $1, theme: $2)
    }),
    ("HeatMapEmpty", { HeatMap(columns: 0, rows: 0, values: [], xRange: 0...1, yRange: 0...1).render(into: &$0, area: $1, theme: $2) }),
    ("HeatMapShortValues", {
        HeatMap(columns: 5, rows: 5, values: [1, 2], xRange: 0...1, yRange: 0...1, contours: .count(2)).render(into: &$0, area: $1, theme: $2)
    }),
    ("StateGrid", {
        StateGrid(bitCount: 4, energies: StateFixtures.energies(bits: 4), cursor: 3, trail: [0, 1, 99, -1])
            .render(into: &$0, area: $1, theme: $2)
    }),
    ("StateGridHalf", {
        StateGrid(bitCount: 6, energies: [1, .nan], cursor: 70, trail: [1, 2]).render(into: &$0, area: $1, theme: $2)
    }),
    ("StateGridZero", { StateGrid(bitCount: 0, energies: [0]).render(into: &$0, area: $1, theme: $2) }),
    ("StateGridHuge", { StateGrid(bitCount: 40, energies: []).render(into: &$0, area: $1, theme: $2) }),
    ("RasterOnWindow", {
        SpikeRaster(neuronCount: 3, timeStart: 0, timeEnd: 1, spikeTimes: [0, 0.5, 1, -0.5, .nan], spikeNeurons: [0, 2, 1, 1, 0],
                    timeAxisTitle: "t", onWindow: 0.3).render(into: &$0, area: $1, theme: $2)
    }),
    ("HeatStrip", {
        HeatStrip(columns: [[0, 1, 0.5], [1], [.nan, 2]], rowLabels: ["a", "b", "c"]).render(into: &$0, area: $1, theme: $2)
    }),
    ("HeatStripEmpty", { HeatStrip(columns: []).render(into: &$0, area: $1, theme: $2) }),
    ("EquationPanel", { EquationPanel(title: "eq", lines: ["x = {1}", "{", "}"]).render(into: &$0, area: $1, theme: $2) }),
    ("EquationBare", { EquationPanel(lines: ["x = {1}"], framed: false).render(into: &$0, area: $1, theme: $2) }),
]

@Suite("Tiny areas: landscape widgets")
struct LandscapeTinyAreaTests {
    @Test("never crash, never write outside the area", arguments: landscapeWidgets.indices, awkwardAreas)
    func staysInside(widget: Int, area: Rect) {
        for theme in [Theme.defaultTheme, Theme.defaultTheme.reduced(to: .none), Theme.defaultTheme.reduced(to: .ansi16)] {
            let sentinel = Cell("x", style: Style(foreground: .indexed(5)))
            var buffer = CellBuffer(width: 12, height: 8, fill: sentinel)
            landscapeWidgets[widget].render(&buffer, area, theme)
            for y in 0..<buffer.height {
                for x in 0..<buffer.width where !area.contains(x: x, y: y) {
                    #expect(buffer[x, y] == sentinel, "\(landscapeWidgets[widget].name) wrote (\(x), \(y)) outside \(area)")
                }
            }
        }
    }

    @Test("a large area also stays inside", arguments: landscapeWidgets.indices)
    func largeArea(widget: Int) {
        let area = Rect(x: 2, y: 1, width: 70, height: 20)
        var buffer = CellBuffer(width: 80, height: 24, fill: Cell("x"))
        landscapeWidgets[widget].render(&buffer, area, .defaultTheme)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where !area.contains(x: x, y: y) {
                #expect(buffer[x, y] == Cell("x"), "\(landscapeWidgets[widget].name) wrote (\(x), \(y))")
            }
        }
    }
}

extension String {
    /// Braille blanks (U+2800) as spaces: widgets leave empty braille cells untouched.
    fileprivate func replacingBlank() -> String { String(map { $0 == "⠀" ? " " : $0 }) }
}
