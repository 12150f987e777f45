import Testing
@testable import Scenarios

/// A minimal valid file; tests append or replace lines to break it in one place.
private let minimal = """
title = "t"
slide = "s"
kind = "high-conductance-state"
explanation = "e"

[neuron]
threshold_mV = -50.0
"""

private func parse(_ text: String) throws(ScenarioErrors) -> Scenario {
    try ScenarioParser.parse(text, file: "test.toml", name: "test")
}

private func errors(_ text: String) -> [ScenarioError] {
    do {
        _ = try parse(text)
        return []
    } catch {
        return error.errors
    }
}

@Suite struct ScenarioParserTests {
    @Test func minimalFileGetsSbsDefaults() throws {
        let s = try parse(minimal)
        #expect(s.kind == .highConductanceState)
        #expect(s.seed == 42)
        #expect(s.number("neuron", "capacitance_nF") == 0.2)
        #expect(s.number("neuron", "reset_mV") == -50.001)
        #expect(s.number("noise", "excitatoryRate_Hz") == 3000)
        #expect(s.integer("network", "neurons") == 40)
        #expect(s.text("noise", "kind") == "poisson")
    }

    @Test func integerAcceptedWhereNumberExpected() throws {
        let s = try parse(minimal.replacingOccurrences("threshold_mV = -50.0", "threshold_mV = -50"))
        #expect(s.number("neuron", "threshold_mV") == -50)
    }

    @Test func unknownKeyNamesLineAndSuggests() {
        let e = errors(minimal + "\ntauMembrane_sm = 2.0\n")
        #expect(e.count == 1)
        #expect(e.first?.line == 8)
        #expect(e.first?.key == "neuron.tauMembrane_sm")
        #expect(e.first?.description.contains("did you mean \"tauMembrane_ms\"") == true)
        #expect(e.first?.description.hasPrefix("test.toml:8: neuron.tauMembrane_sm: unknown key") == true)
    }

    @Test func unknownTableIsAnError() {
        let e = errors(minimal + "\n[nueron]\nx = 1\n")
        #expect(e.count == 1)
        #expect(e.first?.line == 8)
        #expect(e.first?.message.contains("did you mean [neuron]") == true)
    }

    @Test func wrongTypeSaysWhatWasExpected() {
        let e = errors(minimal + "\n[network]\nneurons = \"many\"\n")
        #expect(e.count == 1)
        #expect(e.first?.line == 9)
        #expect(e.first?.description == "test.toml:9: network.neurons: expected a whole number in 1...2000, got the string \"many\"")
    }

    @Test func outOfRangeValueIsRejected() {
        let e = errors(minimal + "\n[simulation]\nstep_ms = -0.1\n")
        #expect(e.count == 1)
        #expect(e.first?.description == "test.toml:9: simulation.step_ms: expected a number in 0.001...1, got -0.1")
    }

    @Test func allProblemsAreReportedTogether() {
        let e = errors(minimal + "\nbogus = 1\n[network]\nneurons = 0\n[display]\nspeed = \"fast\"\n")
        #expect(e.count == 3)
        #expect(Set(e.compactMap(\.key)) == ["neuron.bogus", "network.neurons", "display.speed"])
    }

    @Test func missingRequiredKeyIsNamed() {
        let e = errors(minimal.replacingOccurrences("slide = \"s\"\n", ""))
        #expect(e.map(\.key) == ["slide"])
        #expect(e.first?.message.contains("missing required key") == true)
    }

    @Test func unknownKindListsTheKnownOnes() {
        let e = errors(minimal.replacingOccurrences("high-conductance-state\"", "hcs\""))
        #expect(e.first?.key == "kind")
        #expect(e.first?.line == 3)
        #expect(e.first?.message.contains("\"high-conductance-state\"") == true)
    }

    @Test func syntaxErrorCarriesTheParserPosition() {
        let e = errors("title = \"t\"\nseed = 4x2\n")
        #expect(e.count == 1)
        #expect(e.first?.line == 2)
        #expect(e.first?.message.hasPrefix("not valid TOML") == true)
    }

    @Test func crossFieldCheckResetAboveThreshold() {
        let e = errors(minimal + "\nreset_mV = -40.0\n")
        #expect(e.first?.key == "neuron.reset_mV")
        #expect(e.first?.line == 8)
    }

    @Test func tableGivenAsValueIsRejected() {
        let e = errors(minimal.replacingOccurrences("[neuron]\nthreshold_mV = -50.0", "network = 3"))
        #expect(e.first?.key == "network")
        #expect(e.first?.message.contains("expected a table [network]") == true)
    }

    @Test func keyLocatorSkipsMultilineStrings() {
        let text = "a = \"\"\"\nb = 1\n\"\"\"\n[t]\nb = 2\n"
        let locator = KeyLocator(source: text)
        #expect(locator.line(ofKey: "a", inTable: "") == 1)
        #expect(locator.line(ofKey: "b", inTable: "") == nil)
        #expect(locator.line(ofKey: "b", inTable: "t") == 5)
        #expect(locator.line(ofTable: "t") == 4)
    }

    @Test func suggestionsOnlyForCloseNames() {
        #expect(suggestion(for: "neurns", among: ["neurons", "step_ms"]) == "neurons")
        #expect(suggestion(for: "zzzzzz", among: ["neurons", "step_ms"]) == nil)
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
