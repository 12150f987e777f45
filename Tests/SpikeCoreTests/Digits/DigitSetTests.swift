import Testing
@testable import SpikeCore

@Suite("Digit set")
struct DigitSetTests {
    @Test("the shipped optdigits set: 1797 images, about 180 per class, 8x8, values 0...16")
    func shippedSet() {
        let d = DigitTestData.optdigits
        #expect(d.count == 1797)
        #expect(d.width == 8 && d.height == 8 && d.levels == 16)
        #expect(d.classCounts.allSatisfy { (170...190).contains($0) })
        #expect(d.pixels.allSatisfy { $0 <= 16 })
        // First image of the scikit-learn CSV: a 0 starting 0,0,5,13,9,1,0,0.
        #expect(d.labels[0] == 0)
        #expect(Array(d.pixels[0..<8]) == [0, 0, 5, 13, 9, 1, 0, 0])
    }

    @Test("split: every 5th image held out, binarised at > 8")
    func splitAndBinarise() {
        let (training, heldOut) = DigitTestData.optdigits.split(heldOutPeriod: 5)
        #expect(training.count == 1438 && heldOut.count == 359)
        #expect(heldOut.labels[0] == DigitTestData.optdigits.labels[4])
        let grey = DigitTestData.optdigits.greyLevels(0), binary = DigitTestData.optdigits.binary(0)
        for (g, b) in zip(grey, binary) { #expect(b == (g * 16 > 8)) }
    }

    @Test("bad text names the line and what was expected")
    func badText() {
        let header = "images 1 width 2 height 1 levels 16\n"
        #expect(throws: DigitSet.TextError(line: 2, message: "expected 2 pixel characters, got 3")) {
            try DigitSet(text: header + "3 0a1\n")
        }
        #expect(throws: DigitSet.TextError.self) { try DigitSet(text: header + "3 0z\n") }
        #expect(throws: DigitSet.TextError(line: 2, message: "header promises 1 images, found 0")) { try DigitSet(text: header) }
        let ok = try? DigitSet(text: "# c\n" + header + "7 g0\n")
        #expect(ok?.pixels == [16, 0] && ok?.labels == [7])
    }
}
