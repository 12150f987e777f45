import Canvas
import CNcursesw

/// What one `get_wch` result means to the app. Pure: no ncurses state involved.
enum DecodedInput: Equatable {
    case key(Key)
    /// KEY_RESIZE: ncurses has already updated LINES/COLS.
    case resize
    /// KEY_MOUSE: a mouse event is waiting for `getmouse`.
    case mouse
    /// Something the app has no use for (unknown function key, invalid scalar).
    case ignored
}

enum KeyDecoding {
    /// ncurses key codes (what `get_wch` returns with KEY_CODE_YES) the app understands.
    static let keyCodeTable: [Int32: Key] = {
        var table: [Int32: Key] = [
            KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
            KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown, KEY_HOME: .home, KEY_END: .end,
            KEY_BTAB: .backTab, KEY_BACKSPACE: .backspace, KEY_ENTER: .enter,
        ]
        for n in 1...12 { table[KEY_F0 + Int32(n)] = .function(n) }   // KEY_F(n) is a macro
        return table
    }()

    /// A function-key code (`get_wch` returned KEY_CODE_YES).
    static func decode(keyCode: Int32) -> DecodedInput {
        if keyCode == KEY_RESIZE { return .resize }
        if keyCode == KEY_MOUSE { return .mouse }
        return keyCodeTable[keyCode].map(DecodedInput.key) ?? .ignored
    }

    /// A character (`get_wch` returned OK). Control characters other than Esc, Enter,
    /// Tab and Backspace come through as `.character` (e.g. U+000C for Ctrl-L).
    static func decode(character value: UInt32) -> DecodedInput {
        switch value {
        case 27: return .key(.escape)
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 8, 127: return .key(.backspace)
        default:
            guard let scalar = Unicode.Scalar(value), value != 0 else { return .ignored }
            return .key(.character(scalar))
        }
    }

    /// One `get_wch` result: its return code (OK, KEY_CODE_YES or ERR) and value.
    static func decode(status: Int32, value: UInt32) -> DecodedInput? {
        switch status {
        case KEY_CODE_YES: return decode(keyCode: Int32(bitPattern: value))
        case OK: return decode(character: value)
        default: return nil   // ERR: nothing (more) to read
        }
    }
}

extension KeyDecoding {
    /// The app's mouse event for what `nc_get_mouse` returned (1: button-1 press, 4/5: wheel
    /// up/down; others are of no use to the app).
    static func mouse(code: Int32, x: Int32, y: Int32) -> MouseEvent? {
        switch code {
        case 1: return MouseEvent(.press, x: Int(x), y: Int(y))
        case 4: return MouseEvent(.wheelUp, x: Int(x), y: Int(y))
        case 5: return MouseEvent(.wheelDown, x: Int(x), y: Int(y))
        default: return nil
        }
    }
}
