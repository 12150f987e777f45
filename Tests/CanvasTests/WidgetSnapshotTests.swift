import Canvas
import Testing

/// Test data shared by the widget snapshots (deterministic).
enum Fixtures {
    static let theme = Theme.defaultTheme

    /// Poisson-like spikes: `neurons` neurons, rates rising with the index, over 0...2 s.
    static func spikes(neurons: Int, seed: UInt64 = 7) -> (times: [Double], neurons: [Int]) {
        var rng = TestRandom(seed: seed)
        var times: [Double] = []
        var ids: [Int] = []
        for step in 0..<200 {
            let t = Double(step) * 0.01
            for n in 0..<neurons where rng.uniform() < 0.02 + 0.25 * Double(n) / Double(neurons) {
                times.append(t)
                ids.append(n)
            }
        }
        return (times, ids)
    }

    static let help: [(keys: String, description: String)] = [
        ("q, ctrl+c", "Quit"), ("?, F1, h", "Show this help"), ("space", "Pause or resume the simulation"),
        (". or n", "Single step while paused"), ("+ / -", "Speed ×1.5 / ÷1.5"), ("Tab", "Next pane"),
        ("1-4", "Jump to raster, dreams, energy, curves"), ("e", "Expand the focused pane"),
        ("t", "Cycle themes"), ("r", "Restart with the same seed"), ("s", "Snapshot the frame"),
    ]

    static let keys: [(key: String, label: String)] = [
        ("q", "Quit"), ("?", "Help"), ("space", "Pause"), ("+/-", "Speed"), ("Tab", "Pane"), ("t", "Theme"),
    ]
}

@Suite("Widget snapshots")
struct WidgetSnapshotTests {
    let theme = Fixtures.theme

    @Test func panel() {
        var buffer = CellBuffer(width: 30, height: 4)
        let inner = Panel(title: "raster", rightTitle: "12.3 Hz", hotkey: "r", role: .rasterBox)
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        #expect(inner == Rect(x: 1, y: 1, width: 28, height: 2))
        assertSnapshot(buffer, named: "panel", styles: true)
    }

    @Test func rasterOneRowPerNeuron() {
        let s = Fixtures.spikes(neurons: 20)
        var buffer = CellBuffer(width: 48, height: 9)
        SpikeRaster(neuronCount: 20, timeStart: 0, timeEnd: 2, spikeTimes: s.times, spikeNeurons: s.neurons,
                    timeAxisTitle: "time (s)")
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "raster_20_neurons")
    }

    @Test func rasterBinned() {
        let s = Fixtures.spikes(neurons: 200, seed: 3)
        var buffer = CellBuffer(width: 40, height: 6)
        SpikeRaster(neuronCount: 200, timeStart: 1, timeEnd: 2, spikeTimes: s.times, spikeNeurons: s.neurons)
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "raster_200_neurons_binned")
    }

    @Test func rasterColoursByDensity() {
        // Neuron 0..3 fire at every step in the last 0.1 s: the last cells are full and red.
        var times: [Double] = []
        var ids: [Int] = []
        for step in 0..<10 { for n in 0..<4 { times.append(0.9 + Double(step) * 0.01); ids.append(n) } }
        times.append(0.05); ids.append(5)
        var buffer = CellBuffer(width: 10, height: 2)
        SpikeRaster(neuronCount: 8, timeStart: 0, timeEnd: 1, spikeTimes: times, spikeNeurons: ids, showAxes: false)
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        #expect(buffer.lines == ["         ⣿", "⠐         "])  // empty cells stay transparent
        #expect(buffer[9, 0].style.foreground == theme.gradient(.spike).color(at: 1))
        #expect(buffer[0, 1].style.foreground == theme.gradient(.spike).color(at: 0))
    }

    @Test func linePlot() {
        let xs = (0...120).map { Double($0) / 10 }
        var buffer = CellBuffer(width: 60, height: 16)
        LinePlot(series: [
            .init(name: "membrane", xs: xs, ys: xs.map { -60 + 8 * sine($0) }, color: .gradient(.train, 0)),
            .init(name: "mean", points: [(0, -60), (12, -60)], color: .role(.dim)),
        ], xAxis: Axis("time (ms)"), yAxis: Axis("u (mV)"),
           references: [.init(y: -53, name: "threshold", color: .gradient(.train, 1))])
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "lineplot_linear")
    }

    @Test func linePlotLogLog() {
        let ts = (0...30).map { Numeric.pow10(2) * Numeric.exp(Double($0) * 0.23) }
        var buffer = CellBuffer(width: 50, height: 14)
        LinePlot(series: [
            .init(name: "DKL", xs: ts, ys: ts.map { 3 / $0.squareRoot() }, color: .gradient(.train, 0)),
            .init(name: "hardware", xs: ts, ys: ts.map { 3 / $0.squareRoot() + 0.02 }, color: .gradient(.train, 1), mode: .points),
        ], xAxis: Axis("time (ms)", scale: .log10), yAxis: Axis("DKL", scale: .log10))
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "lineplot_loglog")
    }

    @Test func barChartPairs() {
        let target = [0.30, 0.05, 0.10, 0.05, 0.20, 0.05, 0.05, 0.20]
        let sampled = [0.28, 0.06, 0.12, 0.04, 0.19, 0.07, 0.05, 0.19]
        let groups = (0..<8).map { i in
            BarChart.Group(label: String(String(i, radix: 2).leftPadded(toCells: 3).map { $0 == " " ? "0" : $0 }),
                           values: [target[i], sampled[i]])
        }
        var buffer = CellBuffer(width: 50, height: 12)
        BarChart(groups: groups, seriesNames: ["target", "sampled"], valueAxis: Axis("p(z)"), categoryTitle: "state z")
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "barchart_pairs")
    }

    @Test func barChartLogManyCategories() {
        let groups = (0..<32).map { i in
            BarChart.Group(label: "\(i)", values: [Numeric.pow10(-(i % 5)) * 0.5, Numeric.pow10(-(i % 4)) * 0.4])
        }
        var buffer = CellBuffer(width: 60, height: 10)
        BarChart(groups: groups, seriesNames: ["target", "sampled"], valueAxis: Axis("p", scale: .log10))
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "barchart_log_32")
    }

    @Test func histogramWithCurve() {
        // A Gaussian of mean -55 mV, sd 3 mV: noisy counts and the exact density.
        var rng = TestRandom(seed: 11)
        let lower = -70.0, width = 1.0
        let density = (0..<30).map { i -> Double in
            let x = lower + (Double(i) + 0.5) * width
            return Numeric.exp(-(x + 55) * (x + 55) / 18) / (3 * 2.506_628_274_631)
        }
        let counts = density.map { $0 * (0.8 + 0.4 * rng.uniform()) }
        var buffer = CellBuffer(width: 60, height: 14)
        HistogramPlot(lowerEdge: lower, binWidth: width, values: counts, curve: density,
                      barName: "sampled", curveName: "theory", xAxis: Axis("u (mV)"), yAxis: Axis("density"))
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "histogram_curve")
    }

    @Test func textPanel() {
        var buffer = CellBuffer(width: 32, height: 11)
        TextPanel(title: "about", text: "Each neuron samples a binary variable: z = 1 while it is refractory.",
                  rows: [("DKL", "0.0201"), ("rate (Hz)", "61.3"), ("τ_ref (ms)", "10")])
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "textpanel")
    }

    @Test func textPanelShortCutsTheParagraph() {
        var buffer = CellBuffer(width: 24, height: 6)
        TextPanel(title: "about", text: "Each neuron samples a binary variable: z = 1 while it is refractory.",
                  rows: [("DKL", "0.0201"), ("rate (Hz)", "61.3")])
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "textpanel_short")
    }

    @Test func bars() {
        var buffer = CellBuffer(width: 80, height: 3)
        TitleBar(left: "spiketty · high-conductance-state · slide 2/5", right: "t = 12.3 s  ×1.0  PAUSED")
            .render(into: &buffer, area: Rect(x: 0, y: 0, width: 80, height: 1), theme: theme)
        KeyBar(items: Fixtures.keys).render(into: &buffer, area: Rect(x: 0, y: 2, width: 80, height: 1), theme: theme)
        assertSnapshot(buffer, named: "title_and_key_bar", styles: true)
    }

    @Test func narrowBarsDropAndCut() {
        var buffer = CellBuffer(width: 30, height: 2)
        TitleBar(left: "spiketty · high-conductance-state · slide 2/5", right: "t = 12.3 s  PAUSED")
            .render(into: &buffer, area: Rect(x: 0, y: 0, width: 30, height: 1), theme: theme)
        KeyBar(items: Fixtures.keys).render(into: &buffer, area: Rect(x: 0, y: 1, width: 30, height: 1), theme: theme)
        #expect(buffer.lines == [" spikett…  t = 12.3 s  PAUSED ", "q Quit  ? Help  space Pause   "])
    }

    @Test func helpOverlay() {
        var buffer = CellBuffer(width: 70, height: 20, fill: Cell("·"))
        HelpOverlay(entries: Fixtures.help).render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "help_overlay")
    }

    @Test func helpOverlayPaginates() {
        let help = HelpOverlay(entries: Fixtures.help)
        let area = Rect(x: 0, y: 0, width: 44, height: 10)
        #expect(help.entriesPerPage(in: area) == 6)
        #expect(help.pageCount(in: area) == 2)
        var first = CellBuffer(width: 44, height: 10, fill: Cell("·"))
        help.render(into: &first, area: area, theme: theme)
        var second = CellBuffer(width: 44, height: 10, fill: Cell("·"))
        HelpOverlay(entries: Fixtures.help, page: 1).render(into: &second, area: area, theme: theme)
        assertSnapshot(first, named: "help_overlay_page1")
        assertSnapshot(second, named: "help_overlay_page2")
    }

    @Test func tooSmall() {
        var buffer = CellBuffer(width: 40, height: 7)
        TooSmallScreen(neededWidth: 80, neededHeight: 6).render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "too_small", styles: true)
    }

    @Test func sparkline() {
        var buffer = CellBuffer(width: 24, height: 2)
        Sparkline(values: (0..<30).map { 0.5 + 0.5 * sine(Double($0) / 3) }, maxValue: 1)
            .render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "sparkline")
    }

    @Test("a whole 80x24 screen: title bar, four panes, key bar")
    func screen80x24() {
        var buffer = CellBuffer(width: 80, height: 24, fill: Cell(" ", style: theme.style(.text)))
        let (top, rest) = buffer.bounds.splitTop(1)
        let (body, bottom) = rest.splitBottom(1)
        TitleBar(left: "spiketty · lif-sampling · slide 1/3", right: "t = 2.0 s  ×1.0").render(into: &buffer, area: top, theme: theme)
        KeyBar(items: Fixtures.keys).render(into: &buffer, area: bottom, theme: theme)
        let rows = body.rows([1, 1])
        let upper = rows[0].columns([3, 2])
        let lower = rows[1].columns([1, 1])
        let s = Fixtures.spikes(neurons: 30)
        let raster = Panel(title: "1 raster", hotkey: "1", role: .rasterBox).render(into: &buffer, area: upper[0], theme: theme)
        SpikeRaster(neuronCount: 30, timeStart: 0, timeEnd: 2, spikeTimes: s.times, spikeNeurons: s.neurons)
            .render(into: &buffer, area: raster, theme: theme)
        let about = upper[1]
        TextPanel(title: "2 about", text: "Spikes of 30 LIF neurons in a high-conductance state.",
                  rows: [("rate (Hz)", "12.5"), ("DKL", "0.031")])
            .render(into: &buffer, area: about, theme: theme)
        let curve = Panel(title: "3 curves", role: .curveBox).render(into: &buffer, area: lower[0], theme: theme)
        let ts = (1...40).map { Double($0) * 50 }
        LinePlot(series: [.init(name: "DKL", xs: ts, ys: ts.map { 2 / $0.squareRoot() }, color: .gradient(.train, 0))],
                 xAxis: Axis("t (ms)"), yAxis: Axis("DKL"))
            .render(into: &buffer, area: curve, theme: theme)
        let bars = Panel(title: "4 states", role: .energyBox).render(into: &buffer, area: lower[1], theme: theme)
        BarChart(groups: (0..<4).map { .init(label: ["00", "01", "10", "11"][$0], values: [[0.4, 0.1, 0.2, 0.3][$0], [0.38, 0.12, 0.2, 0.3][$0]]) },
                 seriesNames: ["target", "sampled"])
            .render(into: &buffer, area: bars, theme: theme)
        assertSnapshot(buffer, named: "screen_80x24")
    }
}

/// sin(x) by its Taylor series after range reduction (tests avoid Foundation maths).
func sine(_ x: Double) -> Double {
    let twoPi = 6.283_185_307_179_586
    var r = x - (x / twoPi).rounded() * twoPi
    if r > twoPi / 4 { r = twoPi / 2 - r } else if r < -twoPi / 4 { r = -twoPi / 2 - r }
    var term = r, sum = r
    for k in 1..<12 {
        term *= -r * r / Double((2 * k) * (2 * k + 1))
        sum += term
    }
    return sum
}
