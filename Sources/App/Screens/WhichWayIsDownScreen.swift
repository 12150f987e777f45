import Canvas
import Foundation
import SpikeCore

/// The screen of the which-way-is-down scenario (science.md 5.1; slide "What's wrong with
/// Euclidean gradient descent?"): the expected cost over the weight plane as a heat map with
/// contours (log10 of the cost), the Euclidean and natural paths as two trails with their
/// current directions as arrows and the target as ◆, the slide's equations with live α, the
/// cost of both paths over learning time, and the figures with the live α.
///
/// Layouts: from 90x24 all four panes; from 60x16 landscape and figures; from 40x12 the
/// landscape alone.
struct WhichWayIsDownScreen: Screen {
    enum Pane: Int, CaseIterable { case landscape, equations, cost, figures }

    var paneCount: Int { Pane.allCases.count }
    var minimumSize: (width: Int, height: Int) { (40, 12) }

    static let primary = ["crossing_w2_natural", "crossing_w2_euclidean", "arrow_angle_deg", "attenuation", "flow_time_s"]

    /// Trail and arrow colours: natural bright, Euclidean the train gradient's far end, the
    /// previous Euclidean path dim.
    static let naturalColor = SeriesColor.role(.title)
    static let euclideanColor = SeriesColor.gradient(.train, 1)
    static let previousColor = SeriesColor.role(.dim)

    func render(_ readout: Readout, context: ScreenContext, into buffer: inout CellBuffer, area: Rect) {
        if context.zoomed {
            draw(Pane(rawValue: context.focusedPane) ?? .landscape, readout, context, &buffer, area)
            return
        }
        if area.width >= 88 && area.height >= 22 {
            let cols = area.columns([3, 2])
            draw(.landscape, readout, context, &buffer, cols[0])
            let equationsHeight = area.height >= 34 ? 9 : 7
            let (top, rest) = cols[1].splitTop(equationsHeight)
            draw(.equations, readout, context, &buffer, top)
            let (middle, bottom) = rest.splitTop(max(6, rest.height * 2 / 5))
            draw(.cost, readout, context, &buffer, middle)
            draw(.figures, readout, context, &buffer, bottom)
        } else if area.width >= 60 && area.height >= 14 {
            let cols = area.columns([3, 2])
            draw(.landscape, readout, context, &buffer, cols[0])
            draw(.figures, readout, context, &buffer, cols[1])
        } else {
            draw(.landscape, readout, context, &buffer, area)
        }
    }

    private func role(_ pane: Pane, _ context: ScreenContext) -> Theme.Role {
        context.focusedPane == pane.rawValue ? .hotkey : (pane == .landscape ? .energyBox : .box)
    }

    private func draw(_ pane: Pane, _ readout: Readout, _ context: ScreenContext, _ buffer: inout CellBuffer, _ area: Rect) {
        context.hits.pane(pane.rawValue, area)
        let theme = context.theme
        switch pane {
        case .landscape:
            let alpha = readout.figure("attenuation").map { " α = " + SignificantDecimal.format($0, digits: 3) + " " } ?? ""
            let inner = Panel(title: "expected cost · log10 nats/s", rightTitle: alpha, role: role(pane, context))
                .render(into: &buffer, area: area, theme: theme)
            guard let l = readout.landscapes.first else { return }
            WeightPlane.heatMap(l, colors: { name in
                switch name {
                case "natural": return Self.naturalColor
                case "euclidean": return Self.euclideanColor
                default: return Self.previousColor
                }
            }, labels: ["euclidean, previous α": "Euclid, old α", "euclidean": "Euclid", "natural": "natural"])
                .render(into: &buffer, area: inner, theme: theme)
        case .equations:
            EquationPanel(title: "downhill in which metric?", lines: equationLines(readout, rows: area.height - 2),
                          role: role(pane, context))
                .render(into: &buffer, area: area, theme: theme)
        case .cost:
            let inner = Panel(title: "cost along the paths", role: role(pane, context)).render(into: &buffer, area: area, theme: theme)
            let names: [(String, String, SeriesColor)] = [("cost_euclidean_nats_per_s", "Euclid", Self.euclideanColor),
                                                          ("cost_natural_nats_per_s", "natural", Self.naturalColor)]
            let series = names.compactMap { name, label, color in
                readout.series.first { $0.name == name }.map {
                    LinePlot.Series(name: label, points: context.zoomedTime(PlotData.points($0, positiveOnly: true).map { (x: $0.x / 1000, y: $0.y) }), color: color)
                }
            }
            LinePlot(series: series, xAxis: Axis("time (s)"), yAxis: Axis("KL (nats/s)", scale: .log10))
                .render(into: &buffer, area: inner, theme: theme)
            context.hits.timePlot(inner)
        case .figures:
            FiguresPane(primary: Self.primary).render(readout, context: context, focused: context.focusedPane == pane.rawValue,
                                                      into: &buffer, area: area)
        }
    }

    /// The slide's argument (science.md 5.1) with the live α and the angle between the arrows.
    private func equationLines(_ r: Readout, rows: Int) -> [String] {
        let alpha = "{" + SignificantDecimal.format(r.figure("attenuation") ?? .nan, digits: 3) + "}"
        let angle = "{" + FixedDecimal.format(r.figure("arrow_angle_deg") ?? .nan, decimals: 0) + "°}"
        var lines = [
            "Euclid:   Δw = −η ∇C(w)",
            "w = α·w_d ⇒ Δw = −η α² ∂C/∂w",
            "natural:  Δw = −η G(w)⁻¹ ∇C(w)",
            "G: Fisher metric, so invariant",
            "α = \(alpha)   arrows differ by \(angle)",
        ]
        if rows >= 7 {
            lines.insert("spiking: Δⁿw = ηγ₀[y*−φ]φ′/φ (xᵋ/r − γ₁ + γ₂w)", at: 3)
            lines.append("Kreutzer, Senn & Petrovici 2022")
        }
        return lines
    }
}

/// Drawing shared by the natural-gradient screens: a `Landscape` of expected cost over the
/// weight plane as a `HeatMap` of log10(cost) with contours, its trails and, for two-point
/// trails named `arrow …`, arrows.
enum WeightPlane {
    static func heatMap(_ l: Landscape, colors: (String) -> SeriesColor, labels: [String: String]) -> HeatMap {
        let values = LogCostMemo.shared.logs(of: l.values)
        var trails: [HeatMap.Trail] = []
        var arrows: [HeatMap.Arrow] = []
        for (k, trail) in l.trails.enumerated() {
            if trail.name.hasPrefix("arrow ") {
                let name = String(trail.name.dropFirst(6))
                guard trail.points.count == 2 else { continue }
                let (a, b) = (trail.points[0], trail.points[1])
                arrows.append(HeatMap.Arrow(x: a.x, y: a.y, dx: b.x - a.x, dy: b.y - a.y, color: colors(name)))
            } else {
                trails.append(HeatMap.Trail(name: labels[trail.name] ?? trail.name, points: trail.points, color: colors(trail.name),
                                            generation: l.trailGeneration(k)))
            }
        }
        return HeatMap(columns: l.columns, rows: l.rows, values: values, xRange: l.xRange, yRange: l.yRange,
                       xTitle: l.xLabel, yTitle: l.yLabel, contours: .count(6), contourColor: .role(.dim),
                       trails: trails, cursor: l.cursor, arrows: arrows, scale: .colorBar)
    }
}
