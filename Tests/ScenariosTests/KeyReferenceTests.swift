import Foundation
import Testing
@testable import Scenarios

/// docs/scenario-keys.md's key tables are generated from the schema: the page on disk must be
/// what `KeyReference.update` makes of it. After changing a KeySpec, regenerate with
/// `UPDATE_KEY_REFERENCE=1 swift test -c release -Xswiftc -enable-testing --filter KeyReference`.
@Suite struct KeyReferenceTests {
    static let page = ShippedScenariosTests.root.appendingPathComponent("docs/scenario-keys.md")

    @Test func referencePageIsCurrent() throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        let updated = try KeyReference.update(text)
        if ProcessInfo.processInfo.environment["UPDATE_KEY_REFERENCE"] == "1", updated != text {
            try updated.write(to: Self.page, atomically: true, encoding: .utf8)
            return
        }
        let old = text.split(separator: "\n", omittingEmptySubsequences: false)
        let new = updated.split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(updated == text, """
            docs/scenario-keys.md is stale (first difference at line \((firstDifference?.offset ?? min(old.count, new.count)) + 1)): \
            run UPDATE_KEY_REFERENCE=1 swift test -c release -Xswiftc -enable-testing --filter KeyReference
            """)
    }

    @Test func everyTableOfEveryKindHasABlock() throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        #expect(KeyReference.undocumentedTables(in: text) == [])
    }

    @Test func generatedRowsCarryRangeDefaultAndHelp() throws {
        let page = "x\n<!-- keys high-conductance-state neuron -->\nstale\n<!-- end keys -->\ny"
        let out = try KeyReference.update(page)
        #expect(out.hasPrefix("x\n<!-- keys high-conductance-state neuron -->\n| key | range | default | meaning |"))
        #expect(out.contains("| `capacitance_nF` | 0.001–100 | 0.2 | membrane capacitance C_m (nF) |"))
        #expect(out.contains("| `reversalInhibitory_mV` | −200–200 | −100 |"))
        #expect(!out.contains("stale"))
        #expect(out.hasSuffix("<!-- end keys -->\ny"))
        // Updating twice changes nothing.
        #expect(try KeyReference.update(out) == out)
    }

    @Test func cellsOfEveryValueKind() {
        #expect(KeyReference.range(.integer(0...Int(Int64.max))) == "integer ≥ 0")
        #expect(KeyReference.range(.integer(2...100)) == "integer 2–100")
        #expect(KeyReference.range(.number(0...1_000_000)) == "0–1e6")
        #expect(KeyReference.range(.number(-20...2.5e5)) == "−20–2.5e5")
        #expect(KeyReference.range(.choice(["a", "b"])) == "`\"a\"`, `\"b\"`")
        #expect(KeyReference.range(.numbers(count: 3...3, element: 0...1)) == "array of 3 numbers in 0–1")
        #expect(KeyReference.defaultText(KeySpec("k", .text, default: nil, "")) == "required")
        #expect(KeyReference.defaultText(KeySpec("k", .text, default: .text(""), "")) == "none")
        #expect(KeyReference.defaultText(KeySpec("k", .matrix(rows: 1...2, element: 0...1), default: .matrix([]), "")) == "—")
        #expect(KeyReference.escaped("a | b") == "a \\| b")
    }

    @Test func sameAsBlocksAreCheckedAgainstTheSchema() throws {
        let same = "<!-- keys activation-function neuron same-as high-conductance-state -->\n<!-- end keys -->"
        #expect(try KeyReference.update(same).contains("Same keys as `[neuron]` of `kind = \"high-conductance-state\"`."))
        // lif-sampling's [simulation] is not high-conductance-state's one.
        let differs = "a\n<!-- keys lif-sampling simulation same-as high-conductance-state -->\n<!-- end keys -->"
        #expect(throws: KeyReference.Problem.self) { try KeyReference.update(differs) }
    }

    @Test func badMarkersNameTheLine() {
        func problem(_ page: String) -> KeyReference.Problem? {
            do { _ = try KeyReference.update(page); return nil } catch { return error }
        }
        let unknownKind = problem("one\ntwo\n<!-- keys no-such-kind neuron -->\n<!-- end keys -->")
        #expect(unknownKind?.line == 3)
        #expect(unknownKind?.message.contains("unknown kind \"no-such-kind\"") == true)
        let unknownTable = problem("<!-- keys lif-sampling nope -->\n<!-- end keys -->")
        #expect(unknownTable?.description.hasPrefix("docs/scenario-keys.md:1: kind \"lif-sampling\" has no table [nope]") == true)
        let unclosed = problem("x\n<!-- keys top-level -->\n| old |")
        #expect(unclosed?.line == 2)
        #expect(unclosed?.message.contains("no closing") == true)
        let nested = problem("<!-- keys top-level -->\n<!-- keys lif-sampling neuron -->\n<!-- end keys -->")
        #expect(nested?.line == 2)
    }
}
