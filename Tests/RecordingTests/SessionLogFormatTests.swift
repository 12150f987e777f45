import Testing
@testable import Recording

@Suite struct SessionLogFormatTests {
    @Test func exactNumbersReadBackBitForBit() {
        for v in [0.1, 1.0 / 3, -52.123456789012345, 1e-300, 3000.0] {
            #expect(SessionLogFormat.parseExact(Substring(SessionLogFormat.exact(v))) == v)
        }
        #expect(SessionLogFormat.milliseconds(12.3456) == "12.346")
        #expect(SessionLogFormat.milliseconds(-0.5) == "-0.500")
    }
}
