import Canvas
import Foundation
import SpikeCore

/// What every screen has around its body: the title bar, the key bar (or the message
/// line), the help overlay and the too-small screen.
enum ScreenChrome {
    /// The key-bar items, in the order they are dropped from the right when narrow.
    static let keyBarItems: [(key: String, label: String)] = [
        ("q", "quit"), ("?", "help"), ("space", "pause"), ("+/-", "speed"), ("↑↓←→", "parameter"),
        ("Tab", "pane"), ("e", "expand"), ("t", "theme"), ("r", "restart"), ("H", "chip"), ("s", "snapshot"),
    ]

    /// The key bar of `spiketty talk`: slide keys first.
    static let talkKeyBarItems: [(key: String, label: String)] = [
        ("q", "quit"), ("n/p", "slide"), ("m", "pin"), ("g", "pinned"), ("?", "help"), ("space", "pause"),
        ("+/-", "speed"), ("↑↓←→", "parameter"), ("Tab", "pane"), ("e", "expand"), ("r", "restart"),
    ]

    static func draw(app: SpikettyApp, into buffer: inout CellBuffer) {
        let theme = app.reducedTheme
        let minimum = app.screen.minimumSize
        buffer.fillAll(with: Cell(" ", style: theme.style(.text)))   // in place: the app reuses its frames
        guard buffer.width >= minimum.width, buffer.height >= minimum.height else {
            TooSmallScreen(neededWidth: minimum.width, neededHeight: minimum.height)
                .render(into: &buffer, area: buffer.bounds, theme: theme)
            return
        }
        let (titleRow, rest) = buffer.bounds.splitTop(1)
        var (body, keyRow) = rest.splitBottom(1)
        if app.talk != nil {
            body = TalkHeader.draw(app.scenario, into: &buffer, area: body, theme: theme,
                                   keepRows: minimum.height - 2)
        }
        TitleBar(left: titleText(app), right: statusText(app)).render(into: &buffer, area: titleRow, theme: theme)
        var context = ScreenContext(theme: theme, focusedPane: app.state.focusedPane, zoomed: app.state.zoomed,
                                    parameters: app.experiment.parameters, selectedParameter: app.state.selectedParameter,
                                    scenario: app.scenario, logScale: app.state.logScale, timeZoom: app.state.timeZoom)
        context.parameterEntry = app.state.parameterEntry
        context.fileParameterValues = app.fileParameterValues
        let readout = app.experiment.readout()
        // The state was checked after the advance (`advanceAndDraw`); here what is about to be shown.
        if app.numericalFault == nil, let fault = NumericalGuard.check(readout: readout, of: app.experiment) {
            app.stop(fault)
        }
        if let fault = app.numericalFault {
            // Never a silent NaN on screen: the stopped experiment's message instead of its plots.
            TextPanel(title: "experiment stopped", text: fault.description + ". Press r to restart or q to quit.", role: .bad)
                .render(into: &buffer, area: body, theme: theme)
        } else {
            app.screen.render(readout, context: context, into: &buffer, area: body)
            MembraneProbeOverlay.draw(app, context: context, into: &buffer, body: body)
        }
        app.hits = context.hits
        if let message = app.state.message {
            buffer.fill(keyRow, with: Cell(" ", style: theme.style(.text)))
            buffer.put(" " + message, x: keyRow.x, y: keyRow.y, style: theme.style(.title), maxWidth: keyRow.width)
        } else {
            KeyBar(items: app.talk == nil ? keyBarItems : talkKeyBarItems).render(into: &buffer, area: keyRow, theme: theme)
        }
        if app.state.showHelp {
            HelpOverlay(entries: (app.talk == nil ? KeyMap.helpRows : KeyMap.talkHelpRows).map { (keys: $0.0, description: $0.1) }
                        + MouseMap.helpRows + hardwareHelpRows(app))
                .render(into: &buffer, area: buffer.bounds, theme: theme)
        }
    }

    /// The emulated chip's numbers with their sources (science.md 4.1), for the help overlay.
    static func hardwareHelpRows(_ app: SpikettyApp) -> [(keys: String, description: String)] {
        guard app.scenario.supportsHardware else { return [] }
        let profile = app.scenario.hardwareProfile
        var rows: [(keys: String, description: String)] = [("", ""), ("chip", "H switches; now: \(profile.title)")]
        if let chip = app.scenario.hardware { rows.append(("chip seed", "\(chip.chipSeed)")) }
        if profile.name != "ideal" {
            rows += profile.facts.dropFirst().map { (keys: $0.quantity, description: "\($0.value)  [\($0.source)]") }
        }
        return rows
    }

    /// Biological time, and on an emulated chip its wall clock and how fast this emulation runs
    /// relative to the chip (science.md 4.2 derived timing).
    static func clockParts(_ app: SpikettyApp) -> [String] {
        let bio = app.experiment.timeMs
        var parts = ["t = " + FixedDecimal.format(bio / 1000, decimals: 2) + " s"]
        if let clock = app.scenario.hardwareProfile.clock {
            parts.append("chip " + chipTime(clock.chipWallMs(biologicalMs: bio)))
            if app.measuredSpeed > 0 {
                let relative = clock.emulationSpeedRelativeToChip(biologicalMsPerWallMs: app.measuredSpeed)
                parts.append("emulation " + SignificantDecimal.format(relative, digits: 2, style: .exponential) + "× chip")
            }
        }
        return parts
    }

    /// A chip wall-clock duration in ms with a readable unit.
    static func chipTime(_ ms: Double) -> String {
        ms >= 1000 ? FixedDecimal.format(ms / 1000, decimals: 2) + " s" : ms >= 1 ? FixedDecimal.format(ms, decimals: 2) + " ms"
            : FixedDecimal.format(ms * 1000, decimals: 1) + " µs"
    }

    static func titleText(_ app: SpikettyApp) -> String {
        if let talk = app.talk {
            let pin = talk.pinned == talk.current ? " (pinned)" : talk.pinned.map { " (pin: \($0 + 1))" } ?? ""
            return "slide \(talk.current + 1)/\(talk.count)\(pin) · \(app.scenario.slide) · \(app.scenario.title)"
        }
        return "spiketty · \(app.scenario.title) · slide: \(app.scenario.slide)"
    }

    static func statusText(_ app: SpikettyApp) -> String {
        var parts = clockParts(app) + ["×" + speedLabel(app.state.speed)]
        if app.measuredFramesPerSecond > 0 { parts.append(FixedDecimal.format(app.measuredFramesPerSecond, decimals: 0) + " fps") }
        parts.append("seed \(app.seed)")
        if app.state.paused { parts.append("PAUSED") }
        if let badge = app.statusBadge { parts.append(badge) }
        return parts.joined(separator: "  ")
    }

    static func speedLabel(_ speed: Double) -> String {
        FixedDecimal.format(speed, decimals: speed >= 10 ? 0 : speed >= 0.1 ? 2 : 3)
    }
}
