import CNcursesw

/// Setting a terminal's window size (TIOCSWINSZ), e.g. of a pseudo-terminal.
public enum TerminalSize {
    /// Sets the size of the terminal open on `fd`; returns whether the kernel accepted it.
    public static func set(fd: Int32, width: Int, height: Int) -> Bool {
        guard (1...Int(UInt16.max)).contains(width), (1...Int(UInt16.max)).contains(height) else { return false }
        return nc_set_winsize(fd, UInt16(height), UInt16(width)) == 0
    }
}

/// A pseudo-terminal pair: (master, slave) file descriptors, or nil with errno set.
public enum PseudoTerminalPair {
    public static func open() -> (master: Int32, slave: Int32)? {
        var slave: Int32 = -1
        let master = nc_open_pty(&slave)
        return master >= 0 ? (master, slave) : nil
    }
}
