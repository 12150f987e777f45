import Testing
@testable import Canvas

/// HeatStrip writes its half-block cells straight into the buffer at 256 colours and more
/// (issue 13 fast path); they must be the cells of its `HalfBlockCanvas` path: random strips
/// (NaN holes, values outside the range, data ranges), more or fewer units than pixel rows,
/// labelled rows, more or fewer time steps than columns, coloured cells below and areas
/// reaching past the buffer's edges, at every colour depth.
@Suite struct HeatStripDirectTests {
    static func color(_ g: inout TestRandom) -> Color {
        switch g.next() % 4 {
        case 0: return .default
        case 1: return .indexed(UInt8(g.next() % 256))
        default: return .rgb(UInt8(g.next() % 256), UInt8(g.next() % 256), UInt8(g.next() % 256))
        }
    }

    @Test(arguments: ColorDepth.allCases)
    func directCellsEqualTheCanvasCells(depth: ColorDepth) {
        var g = TestRandom(seed: 0x57A1 &+ UInt64(depth.rawValue))
        let theme = Theme.builtInDefault.reduced(to: depth)
        let gradients: [GradientName] = [.energy, .pixel, .train, .spike]
        for trial in 0..<300 {
            let rows = 1 + Int(g.next() % 40), columns = 1 + Int(g.next() % 120)
            let values: [Double] = (0..<rows * columns).map { _ in
                switch g.next() % 12 {
                case 0: return .nan
                case 1: return [Double.infinity, -.infinity, 1e308, -1e308, 5, -3][Int(g.next() % 6)]
                default: return g.uniform() * 2.4 - 1.2
                }
            }
            let ranges: [ClosedRange<Double>?] = [-1...1, 0...1, nil, -1e308...1e308]
            let labels: [String]? = g.next() % 3 == 0 ? (0..<rows).map { "h\($0)" } : nil
            let strip = HeatStrip(rowCount: rows, columnCount: columns, values: values, gradient: gradients[Int(g.next() % 4)],
                                  valueRange: ranges[Int(g.next() % 4)], rowLabels: labels)
            var below = CellBuffer(width: 1 + Int(g.next() % 110), height: 1 + Int(g.next() % 50))
            let panel = Self.color(&g)
            for y in 0..<below.height {
                for x in 0..<below.width {
                    below[x, y] = Cell("·", style: Style(foreground: Self.color(&g), background: g.next() % 4 == 0 ? Self.color(&g) : panel))
                }
            }
            let area = Rect(x: Int(g.next() % 30) - 10, y: Int(g.next() % 20) - 6, width: Int(g.next() % 120), height: Int(g.next() % 50))
            var direct = below, canvas = below
            strip.render(into: &direct, area: area, theme: theme, direct: true)
            strip.render(into: &canvas, area: area, theme: theme, direct: false)
            #expect(direct == canvas, "trial \(trial): \(rows) units x \(columns) steps, labels \(labels != nil), area \(area), buffer \(below.width)x\(below.height)")
        }
    }
}
