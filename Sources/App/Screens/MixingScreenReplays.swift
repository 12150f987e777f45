import Canvas
import SpikeCore

/// What MixingScreen replays (PaneReplay) and the inputs each replay depends on.
final class MixingScreenReplays {
    /// Everything the stream rows are drawn from (besides their rectangle and the cells below).
    struct StreamsKey: Equatable {
        var streams: [SampleStream]
        var theme: Theme
    }

    /// Everything the free-energy pane is drawn from: the free-energy series, the theme, whether
    /// the pane has the focus (its frame colour) and the time zoom.
    struct FreeEnergyKey: Equatable {
        var series: [Series]
        var theme: Theme
        var focused: Bool
        var timeZoom: Double

        static func == (a: Self, b: Self) -> Bool {
            a.focused == b.focused && a.timeZoom == b.timeZoom && a.theme == b.theme && a.series.count == b.series.count
                && zip(a.series, b.series).allSatisfy { s, t in
                    s.name == t.name && s.points.elementsEqual(t.points) { $0.timeMs == $1.timeMs && $0.value == $1.value }
                }
        }
    }

    let streams = PaneReplay<StreamsKey, Void>()
    let freeEnergy = PaneReplay<FreeEnergyKey, Rect>()
}
