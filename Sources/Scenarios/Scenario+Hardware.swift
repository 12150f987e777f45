import SpikeCore

/// The hardware mode of a scenario (science.md 4): top-level keys `hardware`, `chipSeed`,
/// `spikeLoss`; the command line's `--hardware` and the live toggle replace `hardware`.
extension Scenario {
    /// The profile named by `hardware` (ideal when absent).
    public var hardwareProfile: HardwareProfile {
        guard case .text(let name)? = values[""]?["hardware"], var p = HardwareProfile.named(name) else { return .ideal }
        if p.name != "ideal", case .number(let loss)? = values[""]?["spikeLoss"] { p.spikeLoss = loss }
        return p
    }

    /// The chip to build on, or nil for the ideal model.
    public var hardware: HardwareRealisation? {
        let p = hardwareProfile
        guard p.name != "ideal" else { return nil }
        var chip: UInt64 = 1
        if case .integer(let c)? = values[""]?["chipSeed"] { chip = UInt64(c) }
        return HardwareRealisation(profile: p, chipSeed: chip)
    }

    /// Whether this scenario can run on a chip (its kind has a hardware mode for its configuration).
    public var supportsHardware: Bool { hardwareUnsupportedReason == nil }

    /// Why it cannot (nil if it can), e.g. "kind \"x\" has no hardware mode".
    public var hardwareUnsupportedReason: String? { kind.definition.hardwareUnsupportedReason(self) }

    /// The same scenario on another profile (`ideal`, `bss1`, `bss2`); nil for an unknown name
    /// or a kind without hardware mode (other than `ideal`).
    public func withHardware(_ name: String) -> Scenario? {
        guard HardwareProfile.named(name) != nil, name == "ideal" || supportsHardware,
              !(name == "ideal" && kind == .hardwareSampling) else { return nil }
        var s = self
        if s.values[""] == nil { s.values[""] = [:] }
        s.values[""]?["hardware"] = .text(name)
        return s
    }
}
