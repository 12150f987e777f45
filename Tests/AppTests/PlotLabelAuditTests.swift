import Canvas
import Foundation
import Scenarios
import Testing
@testable import App

/// Every plot of every shipped scenario's screen says what it shows (issue 11): at 120x40 and
/// 200x60 each line plot, histogram, bar chart and raster shows both axis titles, with a unit
/// in parentheses unless the quantity is a pure number; each named curve has its legend entry
/// drawn; each line plot prints the current value of every curve at its end.
/// (Widgets report what they drew through `PlotAudit`; calibrations are given, not measured.)
@Suite struct PlotLabelAuditTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let names: [String] = ScenarioLocator(searchDirectories: [root.appendingPathComponent("scenarios").path])
        .available().map(\.name)

    /// Axis titles of pure numbers (probabilities, counts, indices), which have no unit.
    static let dimensionless: Set<String> = ["p_on", "Δp_on", "p", "fraction", "networks", "synapses", "iteration",
                                             "neuron", "unit", "class", "W"]

    static func hasUnit(_ title: String) -> Bool {
        dimensionless.contains(title) || title.hasPrefix("state ") || (title.contains("(") && title.hasSuffix(")"))
    }

    @Test(arguments: names)
    func everyPlotIsLabelled(_ name: String) throws {
        var text = try String(contentsOf: Self.root.appendingPathComponent("scenarios/\(name).toml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "source = \"measure\"", with: "source = \"given\"")
        let scenario = try ScenarioParser.parse(text, file: name, name: name)
        let terminal = FakeTerminal(width: 120, height: 40)
        let app = SpikettyApp(scenario: scenario, seed: nil, terminal: terminal, themes: [Theme.builtInDefault])
        for _ in 0..<8 { app.advanceAndDraw(draw: false) }
        var plotsSeen = 0
        for (width, height) in [(120, 40), (200, 60)] {
            terminal.size = (width, height)
            let audit = PlotAudit()
            let screen = PlotAudit.$current.withValue(audit) { app.render() }.text
            let at = "\(name) at \(width)x\(height)"
            for e in audit.entries {
                plotsSeen += 1
                #expect(e.yTitleShown && Self.hasUnit(e.yTitle), "\(at): \(e.widget) in \(e.area) y axis '\(e.yTitle)' not shown with a unit")
                if e.widget != "SpikeRaster" || !e.xTitle.isEmpty {
                    #expect(e.xTitleShown && Self.hasUnit(e.xTitle), "\(at): \(e.widget) in \(e.area) x axis '\(e.xTitle)' not shown with a unit")
                }
                for curve in e.curves {
                    #expect(!curve.isEmpty, "\(at): \(e.widget) in \(e.area) has an unnamed curve")
                    #expect(e.legendDrawn.contains(curve), "\(at): \(e.widget) in \(e.area): no legend entry for '\(curve)' (drawn: \(e.legendDrawn))")
                }
                #expect(e.endValuesDrawn == e.endValues, "\(at): \(e.widget) in \(e.area): end values \(e.endValues), drawn \(e.endValuesDrawn)")
                for value in e.endValuesDrawn { #expect(screen.contains(value), "\(at): end value \(value) not on screen") }
            }
        }
        #expect(plotsSeen > 0, "\(name): no plot reported")
    }

    /// The audit can fail: a plot without a y title, with an unnamed or unlisted curve, or
    /// too narrow for its end values is reported as such.
    @Test func theAuditSeesMissingLabels() {
        var buffer = CellBuffer(width: 60, height: 16)
        let audit = PlotAudit()
        PlotAudit.$current.withValue(audit) {
            LinePlot(series: [.init(name: "a", points: [(0, 1), (1, 2)]), .init(name: "b", points: [(0, 3), (1, 2.5)])],
                     xAxis: Axis("time (ms)"), yAxis: Axis(""), showLegend: false)
                .render(into: &buffer, area: buffer.bounds, theme: .builtInDefault)
            LinePlot(series: [.init(name: "a", points: [(0, 1), (1, 2)])], xAxis: Axis("time (ms)"), yAxis: Axis("V (mV)"))
                .render(into: &buffer, area: Rect(x: 0, y: 0, width: 14, height: 16), theme: .builtInDefault)
        }
        #expect(audit.entries.count == 2)
        let first = audit.entries[0], second = audit.entries[1]
        #expect(!first.yTitleShown && first.legendDrawn.isEmpty && first.curves == ["a", "b"])
        #expect(first.endValues == ["2.00", "2.50"] && first.endValuesDrawn == ["2.00", "2.50"])
        #expect(second.yTitleShown && second.legendDrawn == ["a"] && second.endValues == ["2.00"] && second.endValuesDrawn.isEmpty)
    }
}
