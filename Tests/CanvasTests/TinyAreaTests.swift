import Canvas
import Testing

/// Every widget, as a closure, for the robustness tests.
let allWidgets: [(name: String, render: @Sendable (inout CellBuffer, Rect, Theme) -> Void)] = [
    ("Panel", { Panel(title: "raster", rightTitle: "1 Hz", hotkey: "r").render(into: &$0, area: $1, theme: $2) }),
    ("SpikeRaster", {
        SpikeRaster(neuronCount: 50, timeStart: 0, timeEnd: 1, spikeTimes: [0, 0.5, 1, 2, -1, .nan], spikeNeurons: [0, 49, 25, 3, 3, 3],
                    timeAxisTitle: "t (s)").render(into: &$0, area: $1, theme: $2)
    }),
    ("LinePlot", {
        LinePlot(series: [.init(name: "a", points: [(0, 0), (1, 1), (.nan, 2), (2, 1e300)])], xAxis: Axis("x"), yAxis: Axis("y"),
                 references: [.init(y: 0.5, name: "ref")]).render(into: &$0, area: $1, theme: $2)
    }),
    ("LinePlotLog", {
        LinePlot(series: [.init(name: "a", points: [(0, 0), (10, 1), (100, -1), (1e4, 1e-3)])],
                 xAxis: Axis("x", scale: .log10), yAxis: Axis("y", scale: .log10)).render(into: &$0, area: $1, theme: $2)
    }),
    ("LinePlotEmpty", { LinePlot(series: []).render(into: &$0, area: $1, theme: $2) }),
    ("BarChart", {
        BarChart(groups: [.init(label: "a", values: [1, 2]), .init(label: "bbbbbb", values: [0, .nan])],
                 seriesNames: ["x", "y"], valueAxis: Axis("p"), categoryTitle: "cat").render(into: &$0, area: $1, theme: $2)
    }),
    ("BarChartLog", {
        BarChart(groups: [.init(label: "a", values: [1e-3, 0]), .init(label: "b", values: [])], valueAxis: Axis("p", scale: .log10))
            .render(into: &$0, area: $1, theme: $2)
    }),
    ("HistogramPlot", {
        HistogramPlot(lowerEdge: -1, binWidth: 0.5, values: [1, 3, 2, .infinity], curve: [1, 2, .nan, 1], barName: "h", curveName: "c",
                      xAxis: Axis("x"), yAxis: Axis("y")).render(into: &$0, area: $1, theme: $2)
    }),
    ("HistogramEmpty", { HistogramPlot(lowerEdge: 0, binWidth: 0, values: []).render(into: &$0, area: $1, theme: $2) }),
    ("TextPanel", { TextPanel(title: "t", text: "some words here", rows: [("k", "1.0")]).render(into: &$0, area: $1, theme: $2) }),
    ("TextPanelBare", { TextPanel(text: "some words here", rows: [("k", "1.0")], framed: false).render(into: &$0, area: $1, theme: $2) }),
    ("TitleBar", { TitleBar(left: "left text", right: "right").render(into: &$0, area: $1, theme: $2) }),
    ("KeyBar", { KeyBar(items: [("q", "Quit"), ("?", "Help")]).render(into: &$0, area: $1, theme: $2) }),
    ("HelpOverlay", { HelpOverlay(entries: [("q", "Quit"), ("?", "Help")], page: 5).render(into: &$0, area: $1, theme: $2) }),
    ("TooSmallScreen", { TooSmallScreen(neededWidth: 80, neededHeight: 24).render(into: &$0, area: $1, theme: $2) }),
    ("Sparkline", { Sparkline(values: [0, 1, .nan, -1, 5]).render(into: &$0, area: $1, theme: $2) }),
    ("BrailleCanvas", { buffer, area, _ in
        var c = BrailleCanvas(width: 20, height: 20)
        c.line(fromDot: (0, 0), toDot: (39, 79))
        c.render(into: &buffer, area: area)
    }),
    ("HalfBlockCanvas", { buffer, area, theme in
        var c = HalfBlockCanvas(width: 20, height: 20)
        for i in 0..<40 { c.set(x: i / 2, y: i, color: .rgb(200, 10, 10)) }
        c.render(into: &buffer, area: area, depth: theme.depth)
    }),
]

/// Small and awkward areas: empty, 1x1, 3x2, 5x3, partly outside the buffer, fully outside.
let awkwardAreas: [Rect] = [
    Rect(x: 4, y: 3, width: 0, height: 0), Rect(x: 4, y: 3, width: 1, height: 1), Rect(x: 4, y: 3, width: 3, height: 2),
    Rect(x: 3, y: 2, width: 5, height: 3), Rect(x: 9, y: 5, width: 6, height: 4), Rect(x: -3, y: -2, width: 6, height: 4),
    Rect(x: 20, y: 20, width: 5, height: 5), Rect(x: 1, y: 1, width: 12, height: 1), Rect(x: 1, y: 0, width: 1, height: 8),
]

@Suite("Tiny areas")
struct TinyAreaTests {
    @Test("never crash, never write outside the area", arguments: allWidgets.indices, awkwardAreas)
    func staysInside(widget: Int, area: Rect) {
        for theme in [Theme.defaultTheme, Theme.defaultTheme.reduced(to: .none)] {
            let sentinel = Cell("x", style: Style(foreground: .indexed(5)))
            var buffer = CellBuffer(width: 12, height: 8, fill: sentinel)
            allWidgets[widget].render(&buffer, area, theme)
            for y in 0..<buffer.height {
                for x in 0..<buffer.width where !area.contains(x: x, y: y) {
                    #expect(buffer[x, y] == sentinel, "\(allWidgets[widget].name) wrote (\(x), \(y)) outside \(area)")
                }
            }
        }
    }

    @Test("a large area also stays inside", arguments: allWidgets.indices)
    func largeArea(widget: Int) {
        let area = Rect(x: 2, y: 1, width: 70, height: 20)
        var buffer = CellBuffer(width: 80, height: 24, fill: Cell("x"))
        allWidgets[widget].render(&buffer, area, .defaultTheme)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where !area.contains(x: x, y: y) {
                #expect(buffer[x, y] == Cell("x"), "\(allWidgets[widget].name) wrote (\(x), \(y))")
            }
        }
    }
}
