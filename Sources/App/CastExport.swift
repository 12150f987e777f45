import Canvas
import Recording

/// asciicast v2 export of a session log (shared/terminal.md 4.1, route 1): the log is replayed
/// offscreen at its recorded size and every `everyFrames`-th frame is written as an "o" event
/// at its recorded time (frame × frame period).
public enum CastExport {
    public static func cast(_ playback: SessionPlayback, terminal: OffscreenTerminal, framesPerSecond: Double) -> String {
        let header = playback.log.header
        let period = header.framePeriodMs
        let every = max(1, Int((1000 / framesPerSecond / period).rounded()))
        var writer = AsciicastWriter(width: terminal.size.width, height: terminal.size.height,
                                     title: "spiketty \(header.scenario) (seed \(header.seed))")
        var encoder = AnsiEncoder()
        var shownSize = terminal.size
        writer.output("\u{1b}[?25l", atSeconds: 0)
        terminal.onPresent = { [unowned playback] buffer in
            let t = Double(playback.frame) * period / 1000
            if (buffer.width, buffer.height) != shownSize {
                shownSize = (buffer.width, buffer.height)
                writer.resize(width: buffer.width, height: buffer.height, atSeconds: t)
            }
            writer.output(encoder.encode(buffer), atSeconds: t)
        }
        while !playback.finished {
            let last = playback.frame == playback.frameCount - 1
            playback.playFrame(draw: playback.frame % every == 0 || last)
        }
        terminal.onPresent = nil
        writer.output("\u{1b}[?25h", atSeconds: Double(playback.frameCount) * period / 1000)
        return writer.text
    }
}
