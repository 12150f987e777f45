import Foundation
import Testing
@testable import Scenarios

/// Every file under scenarios/ must validate, and every key of the schema must be documented.
@Suite struct ShippedScenariosTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var scenarioFiles: [URL] {
        let dir = root.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".toml") }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test func thereAreScenarios() {
        #expect(Self.scenarioFiles.contains { $0.lastPathComponent == "high-conductance-state.toml" })
    }

    @Test func everyShippedScenarioValidates() throws {
        for url in Self.scenarioFiles {
            let text = try String(contentsOf: url, encoding: .utf8)
            do {
                let s = try ScenarioParser.parse(text, file: url.lastPathComponent, name: String(url.lastPathComponent.dropLast(5)))
                #expect(!s.explanation.isEmpty)
            } catch {
                Issue.record("\(error.description)")
            }
        }
    }

    @Test func everySchemaKeyIsDocumented() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/scenario-keys.md"), encoding: .utf8)
        var sections = [CommonSections.header]
        for kind in ScenarioKind.allCases { sections += kind.sections }
        for section in sections {
            for key in section.keys {
                #expect(doc.contains("`\(key.name)`"), "docs/scenario-keys.md lacks \(section.name).\(key.name)")
            }
        }
        for kind in ScenarioKind.allCases {
            for figure in kind.figureNames {
                #expect(doc.contains("`\(figure)`"), "docs/scenario-keys.md lacks figure \(figure)")
            }
        }
    }
}
