import Canvas
import Recording

extension SessionPlayback {
    /// Plays the log in the terminal: frames at the live pace, `speed` recorded frames per
    /// shown frame. Space pauses and resumes playback, `.` plays one frame while paused, `+`/`-`
    /// change the playback speed (×1.5), the view keys (help, panes, zoom, theme, log scale)
    /// work as in a live run, `q`/Esc quit. At the end the verdict stays on the message line.
    public func run(clock: any FrameClock, terminal: any TerminalIO, speed initialSpeed: Double = 1) -> ExitReason {
        var speed = min(max(initialSpeed, 1.0 / 64), 64)
        var paused = false, stepOnce = false
        var owed = 0.0
        var next = clock.nowMs()
        var announced = false
        while true {
            if !finished && (!paused || stepOnce) {
                owed += stepOnce ? 1 : speed
                stepOnce = false
                let frames = Int(owed.rounded(.down))
                owed -= Double(frames)
                for i in 0..<frames where !finished {
                    app.statusBadge = nil
                    let last = i == frames - 1 || frame == frameCount - 1
                    if last && frame < frameCount - 1 { app.statusBadge = badge(speed: speed, paused: false) }
                    playFrame(draw: last)
                }
            } else {
                if !finished { app.statusBadge = badge(speed: speed, paused: paused) }
                terminal.present(app.render())
            }
            if finished && !announced {
                announced = true
                app.setMessage(verdict + "  (q quits)")
                app.messageUntilFrame = Int.max
            }
            next += SpikettyApp.framePeriodMs
            let now = clock.nowMs()
            if next < now { next = now }
            repeat {
                let wait = Int(max(0, next - clock.nowMs()).rounded(.up))
                for event in terminal.pollEvents(timeoutMs: wait) {
                    guard case .key(let key) = event, !app.state.showHelp else {
                        if let reason = app.handle(event) { return reason }
                        continue
                    }
                    switch KeyMap.action(for: key) {
                    case .togglePause: paused.toggle()
                    case .step: if paused { stepOnce = true }
                    case .faster: speed = min(speed * AppState.speedFactor, 64)
                    case .slower: speed = max(speed / AppState.speedFactor, 1.0 / 64)
                    default:
                        if let reason = app.handle(event) { return reason }
                    }
                }
            } while clock.nowMs() < next
        }
    }

    private func badge(speed: Double, paused: Bool) -> String {
        let percent = frameCount > 0 ? 100 * frame / frameCount : 100
        return "REPLAY \(percent)% ×" + ScreenChrome.speedLabel(speed) + (paused ? " (paused)" : "")
    }

    /// What the replay found: checksums verified, or where it diverged, and whether the log was cut off.
    public var verdict: String {
        var text: String
        if let divergence {
            text = divergence.description
        } else {
            text = "replay matches: \(verifiedChecksums) checksum\(verifiedChecksums == 1 ? "" : "s") verified over \(frame) frames"
        }
        if let cut = log.truncatedLine {
            text += "; the log was cut off (line \(cut) unfinished): replayed up to line \(cut - 1)"
        } else if log.endReason == nil {
            text += "; the log has no end line (the recording was killed): replayed up to line \(log.completeLines)"
        }
        return text
    }
}
