import Foundation
import SpikeCore
import Testing
@testable import Scenarios

/// Parameters changed while a scenario runs stay in their declared range (issue 12): NaN,
/// ±inf, 1e300 and values just outside the range are refused with the range named, and the
/// parameter keeps its value. Checked for every live parameter of every shipped scenario.
@Suite struct LiveParameterRangeTests {
    @Test(arguments: ShippedScenariosTests.scenarioFiles.map(\.lastPathComponent))
    func absurdLiveValuesAreRefused(_ fileName: String) throws {
        let url = ShippedScenariosTests.root.appendingPathComponent("scenarios/" + fileName)
        let scenario = try ScenarioParser.parse(try String(contentsOf: url, encoding: .utf8), file: fileName,
                                                name: String(fileName.dropLast(5)))
        let experiment = ExperimentBuilder.make(scenario)
        for p in experiment.parameters {
            let span = max(1, abs(p.range.upperBound - p.range.lowerBound))
            for bad in [Double.nan, .infinity, -.infinity, 1e300, -1e300, p.range.upperBound + span, p.range.lowerBound - span] {
                do {
                    try experiment.setParameter(p.key, to: bad)
                    Issue.record("\(fileName): \(p.key) accepted \(bad) outside \(p.range)")
                } catch {
                    if case .outOfRange(let key, _, let range) = error {
                        #expect(key == p.key && range == p.range, "\(fileName): \(error)")
                        #expect(error.description.contains("outside"), "\(error)")
                    } else {
                        Issue.record("\(fileName): \(p.key) = \(bad): \(error)")
                    }
                }
            }
            let now = experiment.parameters.first { $0.key == p.key }?.value
            #expect(now == p.value || (now?.isNaN == true && p.value.isNaN), "\(fileName): \(p.key) changed to \(now ?? .nan)")
        }
    }
}
