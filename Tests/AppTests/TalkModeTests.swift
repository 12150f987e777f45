import Canvas
import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// Every shipped scenario file, parsed (not built).
func shippedScenarios() throws -> [Scenario] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let dir = root.appendingPathComponent("scenarios")
    return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".toml") }.sorted()
        .map { try ScenarioLocator.load(path: dir.appendingPathComponent($0).path) }
}

/// A talk of three quick slides (high-conductance state, which way is down, least action), in
/// the order their files give, with a short warm-up so the tests stay fast.
func smallTalk(warmUpLimitMs: Double = 50) throws -> TalkDeck {
    let quick: Set = ["high-conductance-state", "which-way-is-down", "least-action"]
    return try TalkDeck(scenarios: try shippedScenarios().filter { quick.contains($0.name) }, warmUpLimitMs: warmUpLimitMs)
}

func makeTalkApp(width: Int = 110, height: Int = 36) throws -> (SpikettyApp, FakeTerminal) {
    let terminal = FakeTerminal(width: width, height: height)
    let app = SpikettyApp(talk: try smallTalk(), terminal: terminal, themes: [Theme.builtInDefault])
    return (app, terminal)
}

@Suite struct TalkModeTests {
    @Test func theDeckFollowsSlidePositionAndLeavesOutPositionZero() throws {
        let deck = try TalkDeck(scenarios: try shippedScenarios())
        let names = deck.scenarios.map(\.name)
        #expect(names.first == "high-conductance-state")
        #expect(names.last == "teacher-student")
        #expect(!names.contains("user-boltzmann"))
        #expect(deck.scenarios.map(\.slidePosition) == deck.scenarios.map(\.slidePosition).sorted())
    }

    @Test func aTalkWithoutSlidesIsRefused() throws {
        let own = try shippedScenarios().filter { $0.name == "user-boltzmann" }
        #expect(throws: TalkDeckError.self) { try TalkDeck(scenarios: own) }
    }

    @Test func eachSlideStartsWarmedUpByItsBoundedBurnIn() throws {
        let deck = try smallTalk(warmUpLimitMs: 50)
        let hcs = deck.experiment(at: 0)
        // [simulation] burnIn_ms of high-conductance-state is above 50 ms: the bound applies.
        #expect(deck.scenarios[0].number("simulation", "burnIn_ms") > 50)
        #expect(abs(hcs.timeMs - 50) < hcs.stepMs)
        // A kind without a burn-in starts at t = 0.
        #expect(deck.experiment(at: 1).timeMs == 0)
    }

    @Test func theWarmUpIsDeterministic() throws {
        let a = try smallTalk().experiment(at: 0), b = try smallTalk().experiment(at: 0)
        #expect(a.stateChecksum() == b.stateChecksum())
    }

    @Test func nAndPageDownMoveOnAndTheScreenShowsTitleEquationAndExplanation() throws {
        let (app, terminal) = try makeTalkApp()
        app.advanceAndDraw()
        #expect(terminal.lastFrame.contains("slide 1/3"))
        #expect(terminal.lastFrame.contains("tau_eff = C_m / g_tot"))
        #expect(terminal.lastFrame.contains("n/p slide"))
        app.handle(.key(.character("n")))
        app.advanceAndDraw()
        #expect(app.scenario.name == "which-way-is-down")
        #expect(terminal.lastFrame.contains("slide 2/3"))
        #expect(terminal.lastFrame.contains(app.scenario.equation))
        #expect(terminal.lastFrame.contains(String(app.scenario.explanation.prefix(20))))
        app.handle(.key(.pageDown))
        #expect(app.scenario.name == "least-action")
        app.handle(.key(.pageDown))
        #expect(app.scenario.name == "least-action")
        #expect(app.state.message?.contains("last slide") == true)
        app.handle(.key(.pageUp))
        app.handle(.key(.character("p")))
        #expect(app.scenario.name == "high-conductance-state")
        app.handle(.key(.character("p")))
        #expect(app.state.message == "first slide")
    }

    @Test func eachSlideUsesItsOwnSeedSpeedAndScreen() throws {
        let (app, _) = try makeTalkApp()
        app.handle(.key(.character("+")))
        app.handle(.key(.character("n")))
        #expect(app.seed == app.scenario.seed)
        #expect(app.state.speed == app.scenario.number("display", "speed"))
        #expect(app.screen is WhichWayIsDownScreen)
    }

    @Test func aSlideLeftAndVisitedAgainResumesWhereItStopped() throws {
        let (app, _) = try makeTalkApp()
        for _ in 0..<3 { app.advanceAndDraw(draw: false) }
        let first = app.experiment, time = first.timeMs
        app.handle(.key(.character("n")))
        app.advanceAndDraw(draw: false)
        app.handle(.key(.character("p")))
        #expect(app.experiment === first)
        #expect(app.experiment.timeMs == time)
    }

    @Test func pinnedSlideIsOneKeyAwayAndTheSameKeyComesBack() throws {
        let (app, terminal) = try makeTalkApp()
        app.handle(.key(.character("g")))
        #expect(app.state.message?.contains("no slide pinned") == true)
        app.handle(.key(.character("m")))
        #expect(app.talk?.pinned == 0)
        app.advanceAndDraw()
        #expect(terminal.lastFrame.contains("pinned"))
        app.handle(.key(.character("n")))
        app.handle(.key(.character("n")))
        app.advanceAndDraw()
        #expect(terminal.lastFrame.contains("pin: 1"))
        app.handle(.key(.character("g")))
        #expect(app.talk?.current == 0)
        app.handle(.key(.character("g")))
        #expect(app.talk?.current == 2)
        app.handle(.key(.character("g")))
        app.handle(.key(.character("m")))
        #expect(app.talk?.pinned == nil)
    }

    @Test func restartInATalkRebuildsTheSlideWarmedUp() throws {
        let (app, _) = try makeTalkApp()
        let before = app.experiment
        for _ in 0..<5 { app.advanceAndDraw(draw: false) }
        app.handle(.key(.character("r")))
        #expect(app.experiment !== before)
        #expect(abs(app.experiment.timeMs - 50) < app.experiment.stepMs)
        #expect(app.experiment.stateChecksum() == (try smallTalk().experiment(at: 0).stateChecksum()))
    }

    @Test func talkKeysAreListedInHelpAndLeaveTheRunKeysAlone() throws {
        #expect(KeyMap.action(for: .character("n"), talk: false) == .step)
        #expect(KeyMap.action(for: .character("n"), talk: true) == .nextSlide)
        #expect(KeyMap.action(for: .character("."), talk: true) == .step)
        #expect(KeyMap.action(for: .character("m"), talk: false) == nil)
        let (app, terminal) = try makeTalkApp()
        app.handle(.key(.character("?")))
        app.advanceAndDraw()
        #expect(terminal.lastFrame.contains("pin this slide"))
        #expect(terminal.lastFrame.contains("go to the pinned slide"))
    }

    @Test func theHeaderGivesWayOnASmallTerminal() throws {
        let (app, terminal) = try makeTalkApp(width: 60, height: 16)
        app.advanceAndDraw()
        #expect(!terminal.lastFrame.contains("too small"))
        #expect(terminal.lastFrame.contains("slide 1/3"))
    }
}
