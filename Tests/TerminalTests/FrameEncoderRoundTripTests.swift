// The frame writer's output replayed on a minimal ECMA-48 screen model (CUP, CUF, ED,
// SGR, UTF-8 text): after every frame of a random sequence (sparse and dense changes,
// style changes, full repaints after a resize) the model shows exactly the next buffer.
import Canvas
import Testing
@testable import Terminal

/// The screen a terminal would show after our bytes: one scalar and one pen per cell.
struct ScreenModel {
    var width: Int, height: Int
    var glyphs: [Unicode.Scalar]
    var pens: [Pen]
    var row = 0, col = 0
    var pen = Pen.normal
    var errors: [String] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        glyphs = Array(repeating: " ", count: width * height)
        pens = Array(repeating: .normal, count: width * height)
    }

    mutating func feed(_ bytes: [UInt8]) {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x1b {
                if i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "("), bytes[i + 2] == UInt8(ascii: "B") { i += 3; continue }
                guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") else { errors.append("bare ESC at \(i)"); return }
                var j = i + 2
                var params: [Int] = [], current: Int? = nil
                while j < bytes.count, (0x30...0x3b).contains(bytes[j]) {
                    if bytes[j] == 0x3b { params.append(current ?? 0); current = nil } else { current = (current ?? 0) * 10 + Int(bytes[j] - 0x30) }
                    j += 1
                }
                if let current { params.append(current) }
                guard j < bytes.count else { errors.append("unterminated CSI"); return }
                csi(final: bytes[j], params)
                i = j + 1
                continue
            }
            // UTF-8 text.
            let length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            let scalar = String(decoding: bytes[i..<min(i + length, bytes.count)], as: UTF8.self).unicodeScalars.first!
            if row >= height || col >= width { errors.append("text outside the screen at \(row),\(col)"); return }
            glyphs[row * width + col] = scalar
            pens[row * width + col] = pen
            col += 1
            i += length
        }
    }

    mutating func csi(final: UInt8, _ p: [Int]) {
        switch final {
        case UInt8(ascii: "H"): row = max(1, p.first ?? 1) - 1; col = max(1, p.count > 1 ? p[1] : 1) - 1
        case UInt8(ascii: "C"): col += max(1, p.first ?? 1)
        case UInt8(ascii: "J"):
            if p.first == 2 { glyphs = glyphs.map { _ in " " }; pens = pens.map { _ in Pen.normal } } else { errors.append("ED \(p)") }
        case UInt8(ascii: "m"):
            var k = 0
            let q = p.isEmpty ? [0] : p
            while k < q.count {
                switch q[k] {
                case 0: pen = .normal
                case 1: pen.attributes |= Attributes.bold.rawValue
                case 2: pen.attributes |= Attributes.dim.rawValue
                case 4: pen.attributes |= Attributes.underline.rawValue
                case 7: pen.attributes |= Attributes.reverse.rawValue
                case 30...37: pen.foreground = Int16(q[k] - 30)
                case 90...97: pen.foreground = Int16(q[k] - 90 + 8)
                case 40...47: pen.background = Int16(q[k] - 40)
                case 100...107: pen.background = Int16(q[k] - 100 + 8)
                case 38: pen.foreground = Int16(q[k + 2]); k += 2
                case 48: pen.background = Int16(q[k + 2]); k += 2
                case 39: pen.foreground = -1
                case 49: pen.background = -1
                default: errors.append("SGR \(q[k])")
                }
                k += 1
            }
        default: errors.append("CSI final \(final)")
        }
    }
}

@Suite struct FrameEncoderRoundTripTests {
    @Test func randomFramesReplayToTheNextBuffer() {
        let caps = xtermCapabilities()
        let encoder = FrameEncoder(capabilities: caps, scalarWidth: testWidth)
        let glyphs: [Unicode.Scalar] = [" ", " ", "a", "b", ".", "|", "\u{2801}", "\u{28FF}", "\u{2580}", "é", "\u{1F600}"]
        let styles: [Style] = [
            .plain, Style(foreground: .indexed(1)), Style(foreground: .indexed(200), background: .indexed(17)),
            Style(background: .indexed(9)), Style(attributes: .bold), Style(foreground: .indexed(4), attributes: [.reverse, .dim]),
            Style(foreground: .rgb(10, 200, 30), attributes: .underline),
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var width = 23, height = 7
        var screen = ScreenModel(width: width, height: height)
        var previous: CellBuffer? = nil
        var pen = Pen.unknown
        var current = CellBuffer(width: width, height: height)
        for frame in 0..<300 {
            if frame % 97 == 50 {   // resize: a buffer of another size means a full repaint
                width = 15 + random(20); height = 4 + random(6)
                screen = ScreenModel(width: width, height: height)
                current = CellBuffer(width: width, height: height)
            }
            let changes = frame % 10 == 0 ? width * height : random(12)
            for _ in 0..<changes {
                current[random(width), random(height)] = Cell(glyphs[random(glyphs.count)], style: styles[random(styles.count)])
            }
            var out: [UInt8] = []
            encoder.encode(previous: previous, next: current, screenWidth: width, screenHeight: height, pen: &pen, into: &out)
            screen.feed(out)
            #expect(screen.errors.isEmpty, "frame \(frame): \(screen.errors)")
            #expect(screen.pen == Pen(attributes: pen.attributes, foreground: pen.foreground, background: pen.background, known: true),
                    "frame \(frame): the encoder's pen is not the terminal's")
            var mismatches = 0
            for y in 0..<height {
                for x in 0..<width {
                    let cell = current[x, y]
                    let wantGlyph = CellDiff.displayScalar(cell.character, width: testWidth)
                    let wantPen = encoder.resolve(cell.style)
                    if screen.glyphs[y * width + x] != wantGlyph || screen.pens[y * width + x] != wantPen { mismatches += 1 }
                }
            }
            #expect(mismatches == 0, "frame \(frame): \(mismatches) cells differ from the buffer")
            if mismatches > 0 || !screen.errors.isEmpty { return }
            previous = current
        }
    }
}
