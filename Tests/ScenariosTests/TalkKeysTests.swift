import Foundation
import Testing
@testable import Scenarios

/// The talk-mode keys of the shipped files: a gap-free slide order and an equation for every slide.
@Suite struct TalkKeysTests {
    static func shipped() throws -> [Scenario] {
        try ShippedScenariosTests.scenarioFiles.map { url in
            try ScenarioParser.parse(try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent,
                                     name: String(url.lastPathComponent.dropLast(5)))
        }
    }

    @Test func talkPositionsAreOneToNWithoutGapsOrTies() throws {
        let positions = try Self.shipped().map(\.slidePosition).filter { $0 > 0 }.sorted()
        #expect(positions.count >= 10)
        #expect(positions == Array(1...positions.count))
    }

    @Test func everyTalkSlideHasAnEquation() throws {
        for s in try Self.shipped() where s.slidePosition > 0 {
            #expect(!s.equation.isEmpty, "\(s.name) is in the talk but has no equation")
        }
    }

    @Test func omittedKeysLeaveTheScenarioOutOfTheTalk() throws {
        let text = "title = \"t\"\nslide = \"s\"\nkind = \"least-action\"\nexplanation = \"e\"\n"
        let s = try ScenarioParser.parse(text, file: "t.toml", name: "t")
        #expect(s.slidePosition == 0)
        #expect(s.equation == "")
    }

    @Test func aNegativePositionIsRejectedWithTheKeyNamed() {
        let text = "title = \"t\"\nslide = \"s\"\nslidePosition = -1\nkind = \"least-action\"\nexplanation = \"e\"\n"
        #expect(throws: ScenarioErrors.self) { try ScenarioParser.parse(text, file: "t.toml", name: "t") }
        do {
            _ = try ScenarioParser.parse(text, file: "t.toml", name: "t")
        } catch {
            #expect(error.description.contains("slidePosition"))
            #expect(error.description.contains("t.toml:3"))
        }
    }

    @Test func warmUpIsTheBurnInCappedByTheLimit() throws {
        let base = "title = \"t\"\nslide = \"s\"\nkind = \"high-conductance-state\"\nexplanation = \"e\"\n"
        let s = try ScenarioParser.parse(base + "[simulation]\nburnIn_ms = 300\n", file: "t.toml", name: "t")
        #expect(s.warmUpMs(limitMs: 1000) == 300)
        #expect(s.warmUpMs(limitMs: 100) == 100)
        let noBurnIn = try ScenarioParser.parse("title = \"t\"\nslide = \"s\"\nkind = \"least-action\"\nexplanation = \"e\"\n",
                                                file: "t.toml", name: "t")
        #expect(noBurnIn.warmUpMs(limitMs: 1000) == 0)
    }
}
