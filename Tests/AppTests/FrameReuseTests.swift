import Canvas
import Foundation
import Scenarios
import SpikeCore
import Testing
@testable import App

/// Drawing shortcuts of the app's frame (issue 13, the live-app frame target) give exactly what
/// the straightforward drawing gives.
@Suite struct FrameReuseTests {
    /// `render()` draws over the frame before last in place: every frame equals the chrome drawn
    /// into a fresh buffer, frames handed out earlier never change afterwards, and a resize
    /// starts from a fresh buffer of the new size.
    @Test func reusedFramesEqualFreshOnesAndHandedOutFramesStayPut() throws {
        let (app, terminal) = try makeApp(width: 100, height: 30)
        var handedOut: [(CellBuffer, String)] = []
        for frame in 0..<8 {
            if frame == 5 { terminal.size = (90, 28) }
            app.experiment.advance(by: app.frameBiologicalMs)
            let reused = app.render()
            var fresh = CellBuffer(width: terminal.size.width, height: terminal.size.height)
            ScreenChrome.draw(app: app, into: &fresh)
            #expect(reused == fresh, "frame \(frame)")
            #expect(reused.width == terminal.size.width && reused.height == terminal.size.height)
            handedOut.append((reused, reused.text + reused.styleDump))
        }
        for (i, (buffer, snapshot)) in handedOut.enumerated() {
            #expect(buffer.text + buffer.styleDump == snapshot, "frame \(i) changed after it was handed out")
        }
        #expect(Set(handedOut.map(\.1)).count > 1, "the frames show time passing")
    }

    /// The figures pane's order (first figure of each primary name in primary order, then the
    /// others in readout order) equals the dictionary definition whether it comes from the kept
    /// answer or is computed: same names again, same count with other names, duplicates, and a
    /// different primary list.
    @Test func figureOrderEqualsItsDefinitionAcrossFrames() {
        func figures(_ names: [String]) -> [Figure] { names.enumerated().map { Figure(name: $1, value: Double($0), label: $1) } }
        let cases: [(names: [String], primary: [String])] = [
            (["a", "b", "c", "b", "d"], ["b", "d", "x"]),
            (["a", "b", "c", "b", "d"], ["b", "d", "x"]),           // the kept answer
            (["a", "b", "e", "b", "d"], ["b", "d", "x"]),           // same count, one name changed
            (["a", "b", "e", "b", "d"], ["d", "a"]),                // other primary names
            (["d", "d", "a"], ["d", "a"]),
            ([], ["d"]),
            (["a", "b", "c", "b", "d"], ["b", "d", "x"]),
        ]
        for (i, c) in cases.enumerated() {
            let got = FigureOrder.of(figures(c.names), primary: c.primary)
            let first = c.primary.compactMap { p in c.names.firstIndex(of: p) }
            let extras = c.names.indices.filter { !c.primary.contains(c.names[$0]) }
            #expect(got == FigureOrder(primary: first, extras: extras), "case \(i)")
            #expect(got == FigureOrder.computed(c.names, primary: c.primary), "case \(i)")
        }
    }
}
