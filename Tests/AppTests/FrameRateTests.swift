import Canvas
import Testing
@testable import App

/// The live frame rate (`spiketty run --fps`, issue 13): frames are paced at the asked rate,
/// each simulates speed × its period, and messages stay up for the same wall time at any rate.
@Suite struct FrameRateTests {
    /// About 2 s of polls on the stepping clock, then q.
    static func run(fps: Double) throws -> (app: SpikettyApp, frames: Int, seconds: Double) {
        let (app, terminal) = try makeApp(script: Array(repeating: [], count: 119) + [[.key(.character("q"))]])
        app.framesPerSecond = fps
        #expect(app.run(clock: terminal.clock) == .quit)
        return (app, terminal.frames.count, terminal.clock.now / 1000)
    }

    @Test func framesArePacedAtTheAskedRate() throws {
        for fps in [30.0, 60, 120] {
            let (app, frames, seconds) = try Self.run(fps: fps)
            // The fake terminal's polls wait whole ms (ceil of the period), so the rate reached
            // lies between 1000/ceil(1000/fps) and fps.
            let reached = Double(frames) / seconds
            #expect(reached <= fps + 0.5 && reached >= 1000 / (1000 / fps).rounded(.up) - 0.5, "\(fps) fps: reached \(reached)")
            #expect(app.frameBiologicalMs == app.state.speed * 1000 / fps)
            #expect(abs(app.experiment.timeMs - Double(frames) * app.frameBiologicalMs) <= Double(frames) * app.experiment.stepMs)
        }
    }

    @Test func messagesLastThreeSecondsAtAnyRate() throws {
        for fps in [30.0, 60] {
            let (app, _) = try makeApp()
            app.framesPerSecond = fps
            app.setMessage("hello")
            // Frames drawn with the message up.
            var frames = 0
            while frames < 1000 {
                app.advanceAndDraw(draw: false)
                guard app.state.message != nil else { break }
                frames += 1
            }
            #expect(Double(frames) / fps == 3, "\(fps) fps: \(frames) frames")
        }
    }

}
