import Foundation
import Testing
@testable import Recording

@Suite struct ExportTests {
    static let spikes: [(neuron: Int, timeMs: Double)] = [(0, 5.0), (2, 7.25), (0, 18.0), (1, 31.5)]

    @Test func nestLayoutIsWhatNESTWrites() {
        let lines = SpikeExport.nestASCII(Self.spikes, source: "run.stlog").split(separator: "\n")
        #expect(lines[0].hasPrefix("# "))
        #expect(lines[1] == "# RecordingBackendASCII version: 2")
        #expect(lines[2] == "sender\ttime_ms")
        #expect(lines[3] == "1\t5.000")
        #expect(lines[4] == "3\t7.250")
        #expect(lines.count == 3 + Self.spikes.count)
    }

    @Test func csvAndNeoLines() {
        #expect(SpikeExport.csv(Self.spikes).split(separator: "\n").prefix(2) == ["neuron,time_ms", "0,5.000"])
        #expect(SpikeExport.neoLines(Self.spikes, neurons: 4) == "5.000\t18.000\n31.500\n7.250\n\n")
    }

    /// z_k = 1 during (t_spike, t_spike + τ_on]: neuron 0 spikes at 5 and 18 (on until 15 and 28).
    @Test func statesFollowTheOnWindow() {
        let csv = StateExport.statesCSV(Self.spikes, neurons: 3, onWindowMs: 10, intervalMs: 5, endMs: 30)
        let rows = csv.split(separator: "\n").map(String.init)
        #expect(rows[0] == "t_ms,z0,z1,z2,state")
        #expect(rows[1] == "5.000,0,0,0,000")     // a spike at exactly t is not yet "on"
        #expect(rows[2] == "10.000,1,0,1,101")
        #expect(rows[3] == "15.000,1,0,1,101")
        #expect(rows[4] == "20.000,1,0,0,100")
        #expect(rows[6] == "30.000,0,0,0,000")
        #expect(rows.count == 7)
    }

    @Test func asciicastLinesAreJSON() throws {
        var w = AsciicastWriter(width: 80, height: 24, title: "t \"q\"")
        w.output("\u{1b}[1;1H⠿ é\n", atSeconds: 0.1)
        w.resize(width: 90, height: 30, atSeconds: 0.05)   // times never go back
        let lines = w.text.split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 80)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [Any])
        #expect(first[1] as? String == "o")
        #expect(first[2] as? String == "\u{1b}[1;1H⠿ é\n")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[2].utf8)) as? [Any])
        #expect((second[0] as? Double ?? 0) >= (first[0] as? Double ?? 1))
    }
}
