import Scenarios
import SpikeCore

/// The scenarios of `spiketty talk` in slide order, with the experiment of every slide shown so
/// far (so coming back to a slide resumes it) and the slide the presenter pinned.
///
/// Each experiment is built with its scenario's own seed and warmed up before it is first shown:
/// its `[simulation] burnIn_ms` is simulated, at most `warmUpLimitMs`, so the audience sees the
/// point at once and switching stays quick. The deck is deterministic: same files, same slides.
public final class TalkDeck {
    /// The talk's scenarios, in increasing `slidePosition`.
    public private(set) var scenarios: [Scenario]
    /// Index of the slide on screen.
    public internal(set) var current = 0
    /// Index of the pinned slide, if any (`m` pins, `g` jumps to it and back).
    public internal(set) var pinned: Int?
    /// The slide `g` left to visit the pinned one (a second `g` returns there).
    var returnSlide: Int?
    private var experiments: [Int: any Experiment] = [:]
    /// Each built slide's live parameters as its scenario file set them (what `R` resets to).
    private var fileValues: [Int: [String: Double]] = [:]
    /// Upper bound of the warm-up per slide (biological ms).
    public let warmUpLimitMs: Double

    /// Default bound of the warm-up: one biological second.
    public static let defaultWarmUpLimitMs = 1000.0

    /// Orders `scenarios` by `slidePosition`, leaving out those at position 0.
    /// Throws a message when no scenario is part of the talk.
    public init(scenarios: [Scenario], warmUpLimitMs: Double = TalkDeck.defaultWarmUpLimitMs) throws(TalkDeckError) {
        let inTalk = scenarios.filter { $0.slidePosition > 0 }
            .sorted { ($0.slidePosition, $0.name) < ($1.slidePosition, $1.name) }
        guard !inTalk.isEmpty else { throw TalkDeckError(message: "no scenario has a slidePosition above 0, so the talk is empty") }
        self.scenarios = inTalk
        self.warmUpLimitMs = max(0, warmUpLimitMs)
    }

    public var count: Int { scenarios.count }

    /// Whether slide `index`'s experiment has been built (and warmed up).
    public func isPrepared(_ index: Int) -> Bool { experiments[index] != nil }

    /// The experiment of slide `index`, built and warmed up on first use.
    public func experiment(at index: Int) -> any Experiment {
        if let e = experiments[index] { return e }
        let scenario = scenarios[index]
        let e = ExperimentBuilder.make(scenario, seed: scenario.seed)
        fileValues[index] = SpikettyApp.values(of: e)
        let warmUp = scenario.warmUpMs(limitMs: warmUpLimitMs)
        if warmUp > 0 { e.advance(by: warmUp) }
        experiments[index] = e
        return e
    }

    /// Keeps a rebuilt slide (the live hardware toggle changes the scenario and its experiment).
    func replace(_ index: Int, scenario: Scenario, experiment: any Experiment) {
        scenarios[index] = scenario
        experiments[index] = experiment
        fileValues[index] = SpikettyApp.values(of: experiment)
    }

    /// Slide `index`'s parameters as its file set them (empty before the slide is built).
    func fileParameterValues(at index: Int) -> [String: Double] { fileValues[index] ?? [:] }

    /// Forgets slide `index`'s experiment (a restart builds it afresh).
    func discard(_ index: Int) { experiments[index] = nil }

    /// Index of the slide at `name` (scenario name) or 1-based position number, if any.
    public func index(of nameOrNumber: String) -> Int? {
        if let i = scenarios.firstIndex(where: { $0.name == nameOrNumber }) { return i }
        if let n = Int(nameOrNumber), (1...count).contains(n) { return n - 1 }
        return nil
    }
}

/// Why a talk cannot be given.
public struct TalkDeckError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
