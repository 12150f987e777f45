import Canvas
import SpikeCore

/// The screen of `dreaming` (science.md 2.3, slide "Bayesian inference & dreaming"): a film
/// strip of the latest images of the network on display (dreamed, or completed with the left
/// half clamped), the current image big with the classifier's label and confidence, the raster
/// of visible (bottom rows: pixels, labels) and hidden neurons, the class occupancy of the dream
/// against the data, and the figures. The show_completion parameter switches networks, the noise
/// parameter Poisson vs ensemble noise (named in the film strip's and the raster's titles).
///
/// Layouts: from 90x28 five panes; from 60x16 film strip, current image and figures; from
/// 30x10 the current image.
struct DreamingScreen: Screen {
    enum Pane: Int, CaseIterable { case film, image, raster, occupancy, figures }

    var paneCount: Int { Pane.allCases.count }
    var minimumSize: (width: Int, height: Int) { (30, 10) }
    var primary: [String]

    func render(_ readout: Readout, context: ScreenContext, into buffer: inout CellBuffer, area: Rect) {
        let focused = Pane(rawValue: context.focusedPane) ?? .film
        if context.zoomed {
            draw(focused, readout, context, &buffer, area)
            return
        }
        if area.width >= 90 && area.height >= 28 {
            let film = Rect(x: area.x, y: area.y, width: area.width, height: 7)
            let rest = Rect(x: area.x, y: area.y + 7, width: area.width, height: area.height - 7)
            let rows = rest.rows([3, 2])
            let middle = rows[0].columns([3, 5, 4])
            let bottom = rows[1]
            draw(.film, readout, context, &buffer, film)
            draw(.image, readout, context, &buffer, middle[0])
            draw(.raster, readout, context, &buffer, middle[1])
            draw(.occupancy, readout, context, &buffer, middle[2])
            draw(.figures, readout, context, &buffer, bottom)
        } else if area.width >= 60 && area.height >= 16 {
            let film = Rect(x: area.x, y: area.y, width: area.width, height: 7)
            let rest = Rect(x: area.x, y: area.y + 7, width: area.width, height: area.height - 7).columns([1, 2])
            draw(.film, readout, context, &buffer, film)
            draw(.image, readout, context, &buffer, rest[0])
            draw(.figures, readout, context, &buffer, rest[1])
        } else {
            draw(.image, readout, context, &buffer, area)
        }
    }

    private func panel(_ title: String, _ pane: Pane, _ context: ScreenContext, right: String = "",
                       role: Theme.Role = .box) -> Panel {
        Panel(title: title, rightTitle: right, role: context.focusedPane == pane.rawValue ? .hotkey : role)
    }

    private var showsCompletion: (ScreenContext) -> Bool {
        { context in context.parameters.first { $0.key == "show_completion" }.map { $0.value >= 0.5 } ?? false }
    }

    /// Which noise the networks receive, from the readout's `noise_ensemble` / `ensemble_copies`.
    static func noiseName(_ readout: Readout) -> String {
        guard (readout.figure("noise_ensemble") ?? 0) >= 0.5 else { return "Poisson noise" }
        let copies = readout.figure("ensemble_copies").map { " of \(Int($0))" } ?? ""
        return "ensemble noise (1\(copies) networks, no Poisson)"
    }

    private func draw(_ pane: Pane, _ readout: Readout, _ context: ScreenContext, _ buffer: inout CellBuffer, _ area: Rect) {
        context.hits.pane(pane.rawValue, area)
        let theme = context.theme
        let completion = showsCompletion(context)
        let what = completion ? "completions (left half clamped)" : "dreams"
        let noise = Self.noiseName(readout)
        switch pane {
        case .film:
            let window = context.parameters.first { $0.key == "window_ms" }.map { " \(Int($0.value.rounded())) ms windows, \(noise) " } ?? ""
            let inner = panel("film strip: latest \(what)", pane, context, right: window, role: .dreamBox)
                .render(into: &buffer, area: area, theme: theme)
            FilmStrip(images: readout.images.map { GreyImage(width: $0.width, height: $0.height, values: $0.values, caption: $0.caption) })
                .render(into: &buffer, area: inner, theme: theme)
        case .image:
            let inner = panel(completion ? "completed image" : "current dream", pane, context, role: .dreamBox)
                .render(into: &buffer, area: area, theme: theme)
            guard let last = readout.images.last else {
                _ = buffer.put("waiting for the first window", x: inner.x, y: inner.y, style: theme.style(.dim), clip: inner)
                return
            }
            GreyImage(width: last.width, height: last.height, values: last.values, caption: "classified " + last.caption)
                .render(into: &buffer, area: inner, theme: theme)
        case .raster:
            let short = (readout.figure("noise_ensemble") ?? 0) >= 0.5 ? "ensemble" : "Poisson"
            let inner = panel((completion ? "inference network" : "dreaming network") + ", \(short): visible ↓ hidden ↑",
                              pane, context, role: .rasterBox).render(into: &buffer, area: area, theme: theme)
            guard let r = readout.raster else { return }
            let raster = r.widget(context, timeAxisTitle: "time (ms)", neuronAxisTitle: "unit")
            raster.render(into: &buffer, area: inner, theme: theme)
            context.hits.raster(raster, area: inner)
        case .occupancy:
            let inner = panel("classes dreamed vs data", pane, context).render(into: &buffer, area: area, theme: theme)
            guard let d = readout.distributions.first, d.values.count >= 2 else { return }
            let groups = d.categories.enumerated().map { i, label in
                BarChart.Group(label: label, values: d.values.map { i < $0.count ? $0[i] : .nan })
            }
            BarChart(groups: groups, seriesNames: d.seriesNames, valueAxis: Axis("fraction"), categoryTitle: "class")
                .render(into: &buffer, area: inner, theme: theme)
        case .figures:
            FiguresPane(primary: primary).render(readout, context: context, focused: context.focusedPane == pane.rawValue,
                                                 into: &buffer, area: area)
        }
    }
}
