import Canvas
import Scenarios
import SpikeCore

/// `spiketty talk`: the app walks through the deck's slides, each with its own scenario, seed,
/// experiment (kept while the talk runs) and screen.
extension SpikettyApp {
    /// An app that presents `talk`, starting at slide `start` (its experiment warmed up first).
    public convenience init(talk: TalkDeck, start: Int = 0, terminal: any TerminalIO, themes: [Theme], themeIndex: Int = 0) {
        let first = min(max(0, start), talk.count - 1)
        talk.current = first
        let scenario = talk.scenarios[first]
        self.init(scenario: scenario, seed: scenario.seed, terminal: terminal, themes: themes, themeIndex: themeIndex,
                  experiment: talk.experiment(at: first))
        self.talk = talk
    }

    /// Carries out a talk key (nothing outside a talk).
    func performTalk(_ action: Action) {
        guard let talk else { return }
        switch action {
        case .nextSlide:
            if talk.current + 1 < talk.count { showSlide(talk.current + 1) } else { setMessage("last slide (\(talk.count) of \(talk.count))") }
        case .previousSlide:
            if talk.current > 0 { showSlide(talk.current - 1) } else { setMessage("first slide") }
        case .pinSlide:
            if talk.pinned == talk.current {
                talk.pinned = nil
                talk.returnSlide = nil
                setMessage("slide \(talk.current + 1) unpinned")
            } else {
                talk.pinned = talk.current
                talk.returnSlide = nil
                setMessage("pinned slide \(talk.current + 1): g comes back here")
            }
        case .goToPinned:
            guard let pinned = talk.pinned else {
                setMessage("no slide pinned: m pins the one on screen")
                return
            }
            if talk.current == pinned {
                guard let back = talk.returnSlide else {
                    setMessage("this is the pinned slide")
                    return
                }
                talk.returnSlide = nil
                showSlide(back)
            } else {
                talk.returnSlide = talk.current
                showSlide(pinned)
            }
        default:
            break
        }
    }

    /// Puts slide `index` on screen: its scenario, seed, experiment (built and warmed up on the
    /// first visit, resumed afterwards), screen and initial speed; the view state starts afresh.
    func showSlide(_ index: Int) {
        guard let talk, talk.scenarios.indices.contains(index) else { return }
        talk.current = index
        let scenario = talk.scenarios[index]
        replaceScenario(scenario, experiment: talk.experiment(at: index))
        setMessage("slide \(index + 1)/\(talk.count): \(scenario.slide)")
    }
}
