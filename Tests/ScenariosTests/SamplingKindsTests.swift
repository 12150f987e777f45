import Foundation
import Testing
@testable import Scenarios
@testable import SpikeCore

/// The `lif-sampling` and `activation-function` kinds: shipped files, the Boltzmann-machine
/// text, and errors that name file, line and key.
@Suite struct SamplingKindsTests {
    static func file(_ name: String) throws -> String {
        try String(contentsOf: ShippedScenariosTests.root.appendingPathComponent("scenarios/\(name).toml"), encoding: .utf8)
    }

    static func parse(_ text: String, file: String = "test.toml") throws(ScenarioErrors) -> Scenario {
        try ScenarioParser.parse(text, file: file, name: "test")
    }

    static let header = """
        title = "t"
        slide = "s"
        kind = "lif-sampling"
        explanation = "e"
        [calibration]
        source = "given"

        """

    @Test func shippedFilesDescribeTheExpectedMachines() throws {
        let canonical = try Self.parse(try Self.file("lif-sampling"), file: "lif-sampling.toml")
        #expect(canonical.kind == .lifSampling)
        #expect(try LIFSamplingKind.machine(canonical).get() == .canonical)
        let user = try Self.parse(try Self.file("user-boltzmann"), file: "user-boltzmann.toml")
        #expect(try LIFSamplingKind.machine(user).get().unitCount == 4)
        let af = try Self.parse(try Self.file("activation-function"), file: "activation-function.toml")
        #expect(ActivationFunctionKind.settings(af, seed: 42).pointsPerBatch == 15)
    }

    /// The user example is the machine the engine tests sample (LIFSamplingTests.userMachine).
    @Test func userBoltzmannFileMatchesTheEngineTest() throws {
        let m = try LIFSamplingKind.machine(try Self.parse(try Self.file("user-boltzmann"))).get()
        #expect(m.weightRows == [[0.0, 0.8, -0.6, 0.0], [0.8, 0.0, 0.4, -0.9], [-0.6, 0.4, 0.0, 0.7], [0.0, -0.9, 0.7, 0.0]])
        #expect(m.biases == [-0.3, 0.2, -0.5, 0.6])
    }

    @Test func arraysWithWrongEntriesNameRowAndEntry() {
        for (weights, biases, needle) in [("[[0, 1], [\"x\", 0]]", "[0, 0]", "in row 1: entry 0 as the string \"x\""),
                                          ("[[0, 1], [1, 0]]", "[0, 99]", "entry 1 = 99"),
                                          ("[0, 1]", "[0, 0]", "row 0 as the integer 0"),
                                          ("\"[[0, 1], [1, 0]]\"", "[0, 0]", "got the string")] {
            let text = Self.header + "[boltzmann]\nnetwork = \"file\"\nweights = \(weights)\nbiases = \(biases)\n"
            do { _ = try Self.parse(text); Issue.record("expected an error for \(weights) / \(biases)") } catch {
                #expect(error.description.contains(needle), "\(error.description)")
                #expect(error.description.contains("test.toml:"), "\(error.description)")
            }
        }
    }

    @Test func asymmetricWeightsAreAnErrorAtTheirLine() {
        let text = Self.header + """
            [boltzmann]
            network = "file"
            weights = [[0, 0.5], [0.4, 0]]
            biases = [0, 0]
            """
        #expect {
            _ = try Self.parse(text)
        } throws: { error in
            let e = (error as! ScenarioErrors).description
            return e.contains("test.toml:9") && e.contains("boltzmann.weights") && e.contains("symmetric")
        }
    }

    @Test func sizeAndDiagonalProblemsAreReported() {
        for (weights, biases, needle) in [("[[0, 1], [1, 0]]", "[0, 0, 0]", "3 weight rows"),
                                          ("[[1, 0], [0, 0]]", "[0, 0]", "diagonal"),
                                          ("[[0]]", "[0]", "2 to 12"),
                                          ("[[0, 1, 2], [1, 0]]", "[0, 0]", "row")] {
            let text = Self.header + "[boltzmann]\nnetwork = \"file\"\nweights = \(weights)\nbiases = \(biases)\n"
            #expect(throws: ScenarioErrors.self, "\(weights)") { _ = try Self.parse(text) }
            do { _ = try Self.parse(text) } catch { #expect(error.description.contains(needle), "\(error.description)") }
        }
        let stray = Self.header + "[boltzmann]\nnetwork = \"canonical\"\nbiases = [0, 0]\n"
        do { _ = try Self.parse(stray); Issue.record("expected an error") } catch {
            #expect(error.description.contains("boltzmann.biases") && error.description.contains("only used with"))
        }
    }

    @Test func randomMachineIsBuiltFromTheFile() throws {
        let s = try Self.parse(Self.header + "[boltzmann]\nnetwork = \"random\"\nunits = 7\nrandomSeed = 3\n[display]\ntracedNeurons = 3\n")
        let m = try LIFSamplingKind.machine(s).get()
        #expect(m == BoltzmannMachine.random(units: 7, seed: 3))
        let c = LIFSamplingKind.config(s, seed: 9)
        #expect(c.machine.unitCount == 7 && c.seed == 9 && c.calibration?.vP05 == -50.62 && c.tracedNeurons == 3)
    }

    @Test func givenCalibrationBuildsWithoutMeasuring() throws {
        let s = try Self.parse(Self.header + "[simulation]\nburnIn_ms = 10\n")
        let e = ExperimentBuilder.make(s, seed: 1)
        e.advance(by: 50)
        #expect(e.readout().figure("v_p05_mv") == -50.62)
        #expect(e.readout().figure("marginal_target_0") != nil)
    }
}
