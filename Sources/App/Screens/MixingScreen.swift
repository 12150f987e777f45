import Canvas
import Foundation
import SpikeCore

/// The screen of `stp-mixing` and `oscillations` (science.md 3.4 step 5, 3.6; slides "Superior
/// mixing in spiking networks", "Biological mechanisms for superior mixing"): one row per
/// sampler with its latest samples as 8×8 half-block images, under them a strip of the
/// classifier's labels (a switch in bold, samples not kept dimmed: tempering above β = 1,
/// oscillations outside the trough window) and the running counters; below, the free energy
/// F(v) of each stream's visible state over time (minima = modes the sampler sits in) and, for
/// oscillations, the background rate with the effective-temperature gauge.
///
/// Layouts: from 90x28 streams, free energy (or rate) and figures; from 60x16 streams and
/// figures; from 40x12 the streams.
struct MixingScreen: Screen {
    enum Pane: Int, CaseIterable { case streams, energy, figures }

    var paneCount: Int { Pane.allCases.count }
    var minimumSize: (width: Int, height: Int) { (40, 12) }
    var primary: [String]
    /// The streams' rows and the free-energy pane as last drawn, replayed while their inputs stay
    /// the same (they change only when a sample arrives; PaneReplay).
    let replays = MixingScreenReplays()

    func render(_ readout: Readout, context: ScreenContext, into buffer: inout CellBuffer, area: Rect) {
        let focused = Pane(rawValue: context.focusedPane) ?? .streams
        if context.zoomed {
            draw(focused, readout, context, &buffer, area)
            return
        }
        let streamRows = readout.sampleStreams.count * 6 + 2
        if area.width >= 90 && area.height >= 28 {
            let (top, bottom) = area.splitTop(min(streamRows, area.height - 10))
            draw(.streams, readout, context, &buffer, top)
            let cols = bottom.columns([3, 2])
            draw(.energy, readout, context, &buffer, cols[0])
            draw(.figures, readout, context, &buffer, cols[1])
        } else if area.width >= 60 && area.height >= 16 {
            let (top, bottom) = area.splitTop(min(streamRows, area.height - 6))
            draw(.streams, readout, context, &buffer, top)
            draw(.figures, readout, context, &buffer, bottom)
        } else {
            draw(.streams, readout, context, &buffer, area)
        }
    }

    private func panel(_ title: String, _ pane: Pane, _ context: ScreenContext, right: String = "",
                       role: Theme.Role = .box) -> Panel {
        Panel(title: title, rightTitle: right, role: context.focusedPane == pane.rawValue ? .hotkey : role)
    }

    private func draw(_ pane: Pane, _ readout: Readout, _ context: ScreenContext, _ buffer: inout CellBuffer, _ area: Rect) {
        context.hits.pane(pane.rawValue, area)
        let theme = context.theme
        switch pane {
        case .streams:
            let slots = readout.figure("slots").map { " \(Int($0)) sweeps (1 sweep = 10 ms) " } ?? ""
            let inner = panel("samples · class strip · switches · occupancy D_KL", pane, context, right: slots, role: .dreamBox)
                .render(into: &buffer, area: area, theme: theme)
            let key = MixingScreenReplays.StreamsKey(streams: readout.sampleStreams, theme: theme)
            replays.streams.draw(key, area: inner, into: &buffer) { buffer in
                let rowHeight = max(2, min(6, inner.height / max(1, readout.sampleStreams.count)))
                var painter = HalfBlockImagePainter(gradient: theme.gradient(.pixel), depth: theme.depth)
                for (i, s) in readout.sampleStreams.enumerated() {
                    let r = Rect(x: inner.x, y: inner.y + i * rowHeight, width: inner.width, height: rowHeight)
                    guard r.maxY <= inner.maxY else { break }
                    drawStream(s, theme: theme, painter: &painter, into: &buffer, area: r)
                }
            }
        case .energy:
            let oscillating = readout.series.first { $0.name == "background_rate_hz" }
            if let rate = oscillating, area.height >= 20 {
                let (top, bottom) = area.splitTop(area.height / 2)
                drawRate(rate, readout, context, &buffer, top)
                drawFreeEnergy(readout, context, &buffer, bottom)
            } else if let rate = oscillating, area.width >= 60, area.height >= 8 {
                // Too low to stack two plots with their axis titles and legends: side by side.
                let cols = area.columns([2, 3])
                drawRate(rate, readout, context, &buffer, cols[0])
                drawFreeEnergy(readout, context, &buffer, cols[1])
            } else {
                drawFreeEnergy(readout, context, &buffer, area)
            }
        case .figures:
            FiguresPane(primary: primary).render(readout, context: context, focused: context.focusedPane == pane.rawValue,
                                                  into: &buffer, area: area)
        }
    }

    /// One stream: header with counters, images, class strip. The images are drawn by
    /// `painter` (cells as a HalfBlockCanvas per image would draw them, without building one).
    private func drawStream(_ s: SampleStream, theme: Theme, painter: inout HalfBlockImagePainter,
                            into buffer: inout CellBuffer, area: Rect) {
        let rate = s.slots > 0 ? 1000 * Double(s.switches) / Double(s.slots) : 0
        let header = "\(s.label): \(s.switches) switches (\(FixedDecimal.format(rate, decimals: 1))/1000)  D_KL \(FixedDecimal.format(s.occupancyDivergence, decimals: 3))  kept \(s.keptSamples)"
        _ = buffer.put(header.truncated(toCells: area.width), x: area.x, y: area.y, style: theme.style(.title), clip: area)
        guard area.height >= 3 else { return }
        let imageRows = min(s.imageHeight / 2, area.height - 2)
        let cellWidth = s.imageWidth + 1
        let count = min(s.images.count, max(0, area.width / cellWidth))
        let first = s.images.count - count
        let dim = theme.style(.dim), text = theme.style(.text), train = theme.gradient(.train)
        let pad = String(repeating: " ", count: s.imageWidth / 2)
        for n in 0..<count {
            let x = area.x + n * cellWidth
            painter.draw(s.images[first + n], imageWidth: s.imageWidth, imageHeight: s.imageHeight, cellRows: imageRows,
                         into: &buffer, area: Rect(x: x, y: area.y + 1, width: s.imageWidth, height: imageRows))
            let label = s.classes[first + n].map { String($0) } ?? "·"
            var style = s.classes[first + n].map { classStyle($0, text: text, train: train) } ?? dim
            if s.switched[first + n] { style.attributes.insert(.bold); style.attributes.insert(.underline) }
            _ = buffer.put(pad + label, x: x, y: area.y + 1 + imageRows, style: style, clip: area)
        }
    }

    /// A colour per class from the theme's `train` gradient on the `text` style.
    private func classStyle(_ c: Int, text: Style, train: Gradient) -> Style {
        var style = text
        style.foreground = train.color(at: Double(c) / 9)
        return style
    }

    private func drawFreeEnergy(_ readout: Readout, _ context: ScreenContext, _ buffer: inout CellBuffer, _ area: Rect) {
        let streams = readout.series.filter { $0.name.hasPrefix("free_energy_") }
        let key = MixingScreenReplays.FreeEnergyKey(series: streams, theme: context.theme,
                                                    focused: context.focusedPane == Pane.energy.rawValue, timeZoom: context.timeZoom)
        let inner = replays.freeEnergy.draw(key, area: area, into: &buffer) { buffer in
            let inner = panel("free energy F(v) of each stream's visible state", .energy, context, role: .energyBox)
                .render(into: &buffer, area: area, theme: context.theme)
            let series = streams.enumerated().map { i, s in
                LinePlot.Series(name: String(s.name.dropFirst("free_energy_".count)), points: context.zoomedTime(PlotData.points(s)),
                                color: .gradient(.train, Double(i) / Double(max(1, streams.count - 1))))
            }
            LinePlot(series: series, xAxis: Axis("time (ms)"), yAxis: Axis("F (nats)"))
                .render(into: &buffer, area: inner, theme: context.theme)
            return inner
        }
        context.hits.timePlot(inner)
    }

    /// Background rate over the last periods and the effective-temperature gauge (science.md 3.6 table).
    private func drawRate(_ rate: Series, _ readout: Readout, _ context: ScreenContext, _ buffer: inout CellBuffer, _ area: Rect) {
        let t = readout.figure("effective_temperature") ?? .nan
        let gauge = " T_eff \(FixedDecimal.format(t, decimals: 2)) "
        let inner = panel(area.width >= 50 ? "background rate · samples kept at the troughs" : "rate", .energy, context, right: gauge)
            .render(into: &buffer, area: area, theme: context.theme)
        LinePlot(series: [LinePlot.Series(name: "rate", points: context.zoomedTime(PlotData.points(rate)), color: .gradient(.temp, 0.8))],
                 xAxis: Axis("time (ms)"), yAxis: Axis("rate (Hz)"))
            .render(into: &buffer, area: inner, theme: context.theme)
        context.hits.timePlot(inner)
    }
}
