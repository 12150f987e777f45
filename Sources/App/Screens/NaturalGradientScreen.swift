import Canvas
import Foundation
import Scenarios
import SpikeCore

/// The screen of the natural-gradient scenario (science.md 5.4–5.6; slide "Synaptic
/// plasticity as natural gradient descent"): the N = 2 weight plane with the paths of the
/// Euclidean, natural and approximate rules and of the attenuated copies over the expected
/// cost; the rate RMSE of the N = 100 learners over learning time; the rules as equations;
/// the figures with the live attenuation α.
///
/// The attenuated natural learner's path and curve lie exactly under the natural ones (the
/// invariance); they are drawn first so the natural ones stay visible.
///
/// Layouts: from 90x24 plane, RMSE and figures (and the rules when tall); from 60x16 the
/// RMSE curves and figures; from 40x12 the RMSE curves alone.
struct NaturalGradientScreen: Screen {
    enum Pane: Int, CaseIterable { case rmse, plane, rules, figures }

    var paneCount: Int { Pane.allCases.count }
    var minimumSize: (width: Int, height: Int) { (40, 12) }

    static let primary = NaturalGradientKind.figureNames

    /// The rules pane as last drawn, replayed while its lines, frame colour and theme stay the
    /// same (PaneReplay; the equations change only when one of their three figures does).
    let rulesReplay = PaneReplay<RulesKey, Void>()

    struct RulesKey: Equatable {
        var lines: [String]
        var role: Theme.Role
        var theme: Theme
    }

    /// Learners in drawing order (attenuated copies first), with legend labels and colours.
    static let learners: [(name: String, label: String, color: SeriesColor)] = [
        ("natural_attenuated", "nat α", .role(.bad)),
        ("euclidean_attenuated", "Eu α", .role(.dim)),
        ("approximate", "approx", .gradient(.train, 0)),
        ("euclidean", "Euclid", .gradient(.train, 1)),
        ("natural", "natural", .role(.title)),
    ]

    func render(_ readout: Readout, context: ScreenContext, into buffer: inout CellBuffer, area: Rect) {
        if context.zoomed {
            draw(Pane(rawValue: context.focusedPane) ?? .rmse, readout, context, &buffer, area)
            return
        }
        if area.width >= 88 && area.height >= 22 {
            let cols = area.columns([1, 1])
            draw(.plane, readout, context, &buffer, cols[0])
            var right = cols[1]
            if area.height >= 34 {
                let (top, rest) = right.splitTop(8)
                draw(.rules, readout, context, &buffer, top)
                right = rest
            }
            let (middle, bottom) = right.splitTop(max(8, right.height / 2))
            draw(.rmse, readout, context, &buffer, middle)
            draw(.figures, readout, context, &buffer, bottom)
        } else if area.width >= 60 && area.height >= 14 {
            let cols = area.columns([3, 2])
            draw(.rmse, readout, context, &buffer, cols[0])
            draw(.figures, readout, context, &buffer, cols[1])
        } else {
            draw(.rmse, readout, context, &buffer, area)
        }
    }

    private func role(_ pane: Pane, _ context: ScreenContext) -> Theme.Role {
        context.focusedPane == pane.rawValue ? .hotkey : (pane == .plane ? .energyBox : (pane == .rmse ? .curveBox : .box))
    }

    private func draw(_ pane: Pane, _ readout: Readout, _ context: ScreenContext, _ buffer: inout CellBuffer, _ area: Rect) {
        context.hits.pane(pane.rawValue, area)
        let theme = context.theme
        switch pane {
        case .plane:
            let inner = Panel(title: "N = 2: paths · ↑ N·w2 (50 Hz), colour log10 cost", role: role(pane, context))
                .render(into: &buffer, area: area, theme: theme)
            guard let l = readout.landscapes.first else { return }
            var ordered = l
            let picked = Self.learners.compactMap { learner in
                let spaced = String(learner.name.map { $0 == "_" ? " " : $0 })
                return l.trails.firstIndex { $0.name == spaced }.map { (index: $0, name: learner.name) }
            }
            ordered.trails = picked.map { (name: $0.name, points: l.trails[$0.index].points) }
            ordered.trailGenerations = picked.compactMap { l.trailGeneration($0.index) }
            if ordered.trailGenerations.count != picked.count { ordered.trailGenerations = [] }
            let colors = Dictionary(uniqueKeysWithValues: Self.learners.map { ($0.name, $0.color) })
            let labels = Dictionary(uniqueKeysWithValues: Self.learners.map { ($0.name, $0.label) })
            var map = WeightPlane.heatMap(ordered, colors: { colors[$0] ?? .role(.text) }, labels: labels)
            map.yTitle = ""
            map.render(into: &buffer, area: inner, theme: theme)
        case .rmse:
            let alpha = readout.figure("attenuation").map { " α = " + String(format6: $0) + " " } ?? ""
            let inner = Panel(title: "N = 100: rate RMSE (Hz), test set", rightTitle: alpha, role: role(pane, context))
                .render(into: &buffer, area: area, theme: theme)
            let series = Self.learners.compactMap { learner in
                readout.series.first { $0.name == "rmse_\(learner.name)_hz" }.map {
                    LinePlot.Series(name: learner.label, points: context.zoomedTime(PlotData.points($0).map { (x: $0.x / 1000, y: $0.y) }), color: learner.color)
                }
            }
            LinePlot(series: series, xAxis: Axis("learning time (s)"), yAxis: Axis("RMSE (Hz)"))
                .render(into: &buffer, area: inner, theme: theme)
            context.hits.timePlot(inner)
        case .rules:
            let lines = [
                "Euclid:  Δw = η (1−φ)(y* − φ_max φ dt) xᵋ",
                "natural: Δw = η γ₀ (1−φ)(y* − φ_max φ dt)(xᵋ/(c_ε r) − γ_u + γ_w w)",
                "γ₀ = 1/I₁, γ_u, γ_w from g₁…g₄(m, v, q) by quadrature",
                "approx:  γ_u → 0.95/c_ε,  γ_w → 0.05 V",
                "c_ε = {\(String(format6: readout.figure("c_eps_per_s") ?? .nan))} /s   q = {\(String(format6: readout.figure("q") ?? .nan))}",
                "max |Δw| natural α vs natural = {\(SignificantDecimal.format(readout.figure("invariance_max_abs_diff") ?? .nan, digits: 2, style: .exponential))}",
            ]
            let role = role(pane, context)
            rulesReplay.draw(RulesKey(lines: lines, role: role, theme: theme), area: area, into: &buffer) { buffer in
                EquationPanel(title: "the rules (Kreutzer et al. 2022)", lines: lines, role: role)
                    .render(into: &buffer, area: area, theme: theme)
            }
        case .figures:
            FiguresPane(primary: Self.primary).render(readout, context: context, focused: context.focusedPane == pane.rawValue,
                                                      into: &buffer, area: area)
        }
    }
}
