import Canvas
import Testing

@Suite("Gray code")
struct GrayCodeTests {
    @Test func sequenceIsTheReflectedBinaryCode() {
        #expect(GrayCode.sequence(bits: 0) == [0])
        #expect(GrayCode.sequence(bits: 1) == [0, 1])
        #expect(GrayCode.sequence(bits: 2) == [0b00, 0b01, 0b11, 0b10])
        #expect(GrayCode.sequence(bits: 3) == [0b000, 0b001, 0b011, 0b010, 0b110, 0b111, 0b101, 0b100])
        #expect(GrayCode.sequence(bits: -1).isEmpty)
    }

    @Test func neighboursDifferInOneBitAndInverseRoundTrips() {
        for bits in 1...10 {
            let seq = GrayCode.sequence(bits: bits)
            #expect(Set(seq).count == seq.count)
            for i in seq.indices {
                let next = seq[(i + 1) % seq.count]  // cyclic: the last wraps to the first
                #expect((seq[i] ^ next).nonzeroBitCount == 1)
                #expect(GrayCode.index(ofGray: seq[i]) == i)
            }
        }
    }

    @Test func binaryStrings() {
        #expect(GrayCode.binary(5, bits: 4) == "0101")
        #expect(GrayCode.binary(3, bits: 1) == "1")
        #expect(GrayCode.binary(3, bits: 0) == "")
    }

    @Test("N = 4: the Karnaugh map, exactly")
    func layoutFourBits() {
        let layout = GrayCode.Layout(bitCount: 4)
        #expect(layout.rowBits == 2 && layout.columnBits == 2 && layout.rows == 4 && layout.columns == 4)
        let text = layout.grid.map { $0.map { GrayCode.binary($0, bits: 4) }.joined(separator: " ") }
        #expect(text == [
            "0000 0001 0011 0010",
            "0100 0101 0111 0110",
            "1100 1101 1111 1110",
            "1000 1001 1011 1010",
        ])
        #expect((0..<4).map(layout.rowLabel) == ["00", "01", "11", "10"])
        #expect((0..<4).map(layout.columnLabel) == ["00", "01", "11", "10"])
    }

    @Test("N = 3 and N = 5: more columns than rows")
    func layoutOddBits() {
        let three = GrayCode.Layout(bitCount: 3)
        #expect(three.rows == 2 && three.columns == 4)
        #expect(three.grid == [[0b000, 0b001, 0b011, 0b010], [0b100, 0b101, 0b111, 0b110]])
        let five = GrayCode.Layout(bitCount: 5)
        #expect(five.rows == 4 && five.columns == 8)
        #expect(five.state(row: 2, column: 5) == (0b11 << 3 | 0b111))
        #expect(five.state(row: 4, column: 0) == nil)
        #expect(five.position(of: 32) == nil && five.position(of: -1) == nil)
        let one = GrayCode.Layout(bitCount: 1)
        #expect(one.grid == [[0, 1]])
    }

    @Test func everyStateOnceAndGridNeighboursDifferInOneUnit() {
        for bits in 0...8 {
            let layout = GrayCode.Layout(bitCount: bits)
            var seen = Set<Int>()
            for r in 0..<layout.rows {
                for c in 0..<layout.columns {
                    let s = layout.state(row: r, column: c)!
                    seen.insert(s)
                    #expect(layout.position(of: s)! == (r, c))
                    if c + 1 < layout.columns { #expect((s ^ layout.state(row: r, column: c + 1)!).nonzeroBitCount == 1) }
                    if r + 1 < layout.rows { #expect((s ^ layout.state(row: r + 1, column: c)!).nonzeroBitCount == 1) }
                }
            }
            #expect(seen == Set(0..<layout.stateCount))
        }
    }
}
