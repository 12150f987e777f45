import App
import ArgumentParser
import Canvas
import Scenarios
import SpikeCore
import Terminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `spiketty talk`: the shipped scenarios in the order of the talk's slides, full-screen.
struct TalkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "talk",
        abstract: "Present the scenarios in the order of the talk's slides.",
        discussion: """
            Shows every scenario whose file has a slidePosition above 0, in increasing order, with the slide title, \
            the key equation and the start of the explanation above its figures. Each slide starts warmed up: its \
            burn-in (at most --warm-up) is simulated before it is shown, and a slide you leave keeps running where \
            it stopped when you come back.
            Keys: n or PageDown next slide, p or PageUp previous, m pins the slide on screen (again: unpins), \
            g jumps to the pinned slide (again: back), . steps while paused; the other keys are those of `run` (? lists them).
            A talk is not recorded: use `spiketty run NAME --record FILE` for a session log.
            """)

    @Option(help: "Start at this slide: its number (1 = first) or its scenario name.", completion: Completions.scenarios)
    var start: String?

    @Option(help: "Colour theme: a name (see themes/) or a path to a btop-style .theme file.", completion: Completions.themes)
    var theme: String?

    @Option(help: "Colour output: auto (NO_COLOR and the terminal decide), always, never, 16, 256.")
    var color: RunCommand.ColorOption = .auto

    @Option(help: ArgumentHelp("Longest warm-up of a slide, in biological time (its burn-in, capped): 1s, 500ms, 10ms.",
                               valueName: "duration"))
    var warmUp = BiologicalDuration(milliseconds: TalkDeck.defaultWarmUpLimitMs)

    @Flag(help: "Build and warm up every slide before the screen opens (slower start, instant switching).")
    var prepareAll = false

    @Flag(help: "Print the slide order with titles and equations, and exit.")
    var list = false

    @OptionGroup var frameRate: FrameRateOption

    func run() throws {
        let deck = try loadDeck()
        if list {
            for (i, s) in deck.scenarios.enumerated() {
                print("\(i + 1). \(s.name)  \(s.slide) · \(s.title)")
                if !s.equation.isEmpty { print("     \(s.equation)") }
            }
            return
        }
        var first = 0
        if let start {
            guard let i = deck.index(of: start) else {
                printError("spiketty: --start: expected a slide number 1...\(deck.count) or one of "
                           + deck.scenarios.map(\.name).joined(separator: ", ") + ", got \"\(start)\"")
                throw ExitCode(2)
            }
            first = i
        }
        let themes: ThemeCatalog.Selection
        do {
            themes = try ThemeCatalog.standard().select(theme)
        } catch {
            printError("spiketty: " + error.description)
            throw ExitCode(2)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            printError("spiketty: the talk needs a terminal on stdin and stdout; `spiketty talk --list` prints the slide order")
            throw ExitCode(2)
        }
        let forced = forcedColorDepth(color)
        CalibrationCache.shared.setStore(CalibrationFiles.standard())
        // Build before taking the screen: some kinds measure a calibration first (seconds, once).
        let toPrepare = prepareAll ? Array(0..<deck.count) : [first]
        for i in toPrepare {
            printError("spiketty: preparing slide \(i + 1)/\(deck.count): \(deck.scenarios[i].name)…")
            _ = deck.experiment(at: i)
        }
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(forcedDepth: forced)
        } catch {
            printError("spiketty: cannot start the terminal: \(error)")
            throw ExitCode(2)
        }
        let app = SpikettyApp(talk: deck, start: first, terminal: terminal, themes: themes.themes, themeIndex: themes.index)
        app.framesPerSecond = Double(frameRate.framesPerSecond)
        let reason = app.run(clock: MonotonicClock())
        terminal.shutdown()
        for warning in themes.warnings { printError("spiketty: " + warning) }
        if case .signal(let signo) = reason {
            printError("spiketty: caught signal \(signo); terminal restored")
            throw ExitCode(128 + signo)
        }
    }

    /// Every valid scenario found, in slide order; invalid files are named and skipped.
    func loadDeck() throws -> TalkDeck {
        let locator = ScenarioLocator.standard()
        var scenarios: [Scenario] = []
        for (name, path) in locator.available() {
            do {
                scenarios.append(try ScenarioLocator.load(path: path))
            } catch {
                printError("spiketty: skipping \(name): run `spiketty check \(path)`")
            }
        }
        do {
            return try TalkDeck(scenarios: scenarios, warmUpLimitMs: warmUp.milliseconds)
        } catch {
            printError("spiketty: " + error.description + " (searched " + locator.searchDirectories.joined(separator: ", ") + ")")
            throw ExitCode(2)
        }
    }
}
