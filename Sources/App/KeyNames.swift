import Canvas

/// Names of keys for the session log's `key` lines (`space`, `t`, `right`, `F1`).
enum KeyNames {
    static func name(_ key: Key) -> String {
        switch key {
        case .character(" "): return "space"
        case .character(let c):
            return c.value < 0x21 || c.value == 0x7f ? "U+" + String(c.value, radix: 16, uppercase: true) : String(Character(c))
        case .escape: return "escape"
        case .enter: return "enter"
        case .tab: return "tab"
        case .backTab: return "backtab"
        case .backspace: return "backspace"
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .pageUp: return "pageup"
        case .pageDown: return "pagedown"
        case .home: return "home"
        case .end: return "end"
        case .function(let n): return "F\(n)"
        }
    }
}
