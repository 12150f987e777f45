import Canvas
import Testing

@Suite("GreyImage and FilmStrip")
struct GreyImageTests {
    /// A 4x4 diagonal image: intensity 1 on the diagonal, 0.5 at (3, 0), 0 elsewhere.
    static let diagonal: [Double] = (0..<16).map { i in i % 5 == 0 ? 1 : (i == 3 ? 0.5 : 0) }

    @Test("scaled image with caption, monochrome shades")
    func imageSnapshot() {
        var buffer = CellBuffer(width: 12, height: 5)
        let theme = Theme.builtInDefault.reduced(to: .none)
        GreyImage(width: 4, height: 4, values: Self.diagonal, caption: "3 90%").render(into: &buffer, area: buffer.bounds, theme: theme)
        #expect(GreyImage(width: 4, height: 4, values: Self.diagonal, caption: "x").scale(for: buffer.bounds) == 2)
        assertSnapshot(buffer, named: "grey_image_diagonal")
    }

    @Test("film strip keeps the newest images that fit, newest on the right")
    func filmStripSnapshot() {
        var buffer = CellBuffer(width: 16, height: 3)
        let theme = Theme.builtInDefault.reduced(to: .none)
        let images = (0..<5).map { k in
            GreyImage(width: 4, height: 4, values: Self.diagonal.map { $0 * Double(k) / 4 }, caption: "\(k)")
        }
        FilmStrip(images: images).render(into: &buffer, area: buffer.bounds, theme: theme)
        assertSnapshot(buffer, named: "film_strip")
        #expect(buffer.lines[2].contains("2") && buffer.lines[2].contains("4") && !buffer.lines[2].contains("1"))
    }
}
