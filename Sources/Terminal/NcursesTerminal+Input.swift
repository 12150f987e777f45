import Canvas
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

extension NcursesTerminal {
    /// Every event since the last call, waiting at most `timeoutMs` for the first one.
    ///
    /// Waits with poll(2) on stdin (interrupted at once by SIGINT/SIGTERM/SIGHUP, whose
    /// handlers are installed without SA_RESTART, and by SIGWINCH), then drains all keys with
    /// non-blocking `wget_wch`. A termination signal is reported once as `.signal(signo)`,
    /// first, and returned without waiting for keys.
    public func pollEvents(timeoutMs: Int) -> [InputEvent] {
        guard active else { return [] }
        var events: [InputEvent] = []
        takeSignal(into: &events)
        drainInput(into: &events)
        guard events.isEmpty, timeoutMs > 0 else { return events }

        let deadline = ContinuousClock.now.advanced(by: .milliseconds(timeoutMs))
        while events.isEmpty {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { break }
            let (seconds, attoseconds) = remaining.components
            // Wait in slices of at most 100 ms: a signal that lands between the flag check
            // and poll() is then noticed within a slice even though poll was not interrupted.
            let ms = min(100, max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)))
            var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            _ = poll(&fds, 1, Int32(ms))   // EINTR (signal, SIGWINCH) falls through to the checks
            takeSignal(into: &events)
            drainInput(into: &events)
        }
        return events
    }

    /// Reports a pending termination signal once.
    private func takeSignal(into events: inout [InputEvent]) {
        guard receivedSignal == nil else { return }
        let s = pendingSignal.load(ordering: .sequentiallyConsistent)
        guard s != 0 else { return }
        receivedSignal = s
        events.append(.signal(s))
    }

    /// Reads everything ncurses has for us without blocking.
    private func drainInput(into events: inout [InputEvent]) {
        var value: wint_t = 0
        // Bounded, in case a pasted flood keeps arriving: the rest waits for the next frame.
        for _ in 0..<4096 {
            let status = wget_wch(window, &value)
            guard let decoded = KeyDecoding.decode(status: status, value: UInt32(value)) else { return }
            switch decoded {
            case .key(let key):
                events.append(.key(key))
            case .resize:
                // ncurses has already resized its screen (LINES/COLS); redraw everything.
                needsFullRedraw = true
                let s = size
                let event = InputEvent.resize(width: s.width, height: s.height)
                if events.last != event { events.append(event) }
            case .mouse:
                var x: Int32 = 0, y: Int32 = 0
                let code = nc_get_mouse(&x, &y)
                if let event = KeyDecoding.mouse(code: code, x: x, y: y) { events.append(.mouse(event)) }
            case .ignored:
                continue
            }
        }
    }
}
