import Canvas
import Foundation

/// The cells a pane's drawing wrote for some inputs, written again instead of drawing while the
/// inputs and the cells under the pane are the same as then (issue 13: the mixing screens'
/// sample streams and free energy change only when a sample arrives, every few frames).
///
/// Exact as long as the drawing is a function of `key` and of the cells under `area`, and writes
/// only inside `area`: a replay writes what the drawing wrote from the same inputs. Tests draw
/// with and without replays and compare every cell (MixingScreenReplayTests).
final class PaneReplay<Key: Equatable, Extra> {
    private var key: Key?
    private var area = Rect(x: 0, y: 0, width: 0, height: 0)
    private var below: [Cell] = []
    private var drawn: [Cell] = []
    private var extra: Extra?
    /// Frames drawn and frames replayed (for tests).
    private(set) var draws = 0, replays = 0

    /// Draws `area` with `body` or replays the cells it drew for the same key and cells below;
    /// returns what `body` returned (e.g. the inner rectangle, for the mouse).
    func draw(_ key: Key, area: Rect, into buffer: inout CellBuffer, _ body: (inout CellBuffer) -> Extra) -> Extra {
        let x0 = max(area.x, 0), y0 = max(area.y, 0)
        let clipped = Rect(x: x0, y: y0, width: max(0, min(area.maxX, buffer.width) - x0),
                           height: max(0, min(area.maxY, buffer.height) - y0))
        let now = Self.cells(clipped, of: buffer)
        if let extra, clipped == self.area, self.key == key, Self.same(now, below) {
            Self.write(drawn, to: clipped, in: &buffer)
            replays += 1
            return extra
        }
        let result = body(&buffer)
        self.key = key
        self.area = clipped
        below = now
        drawn = Self.cells(clipped, of: buffer)
        extra = result
        draws += 1
        return result
    }

    private static func cells(_ r: Rect, of buffer: CellBuffer) -> [Cell] {
        guard !r.isEmpty else { return [] }
        var out: [Cell] = []
        out.reserveCapacity(r.width * r.height)
        for y in r.y..<r.maxY { out.append(contentsOf: buffer.cells[(y * buffer.width + r.x)..<(y * buffer.width + r.maxX)]) }
        return out
    }

    private static func write(_ cells: [Cell], to r: Rect, in buffer: inout CellBuffer) {
        guard !r.isEmpty else { return }
        var i = 0
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
                buffer[x, y] = cells[i]
                i += 1
            }
        }
    }

    /// Equal cells: the same bytes (one memcmp; padding included, so a difference there only
    /// costs the cell-by-cell comparison) or equal cell by cell.
    private static func same(_ a: [Cell], _ b: [Cell]) -> Bool {
        guard a.count == b.count else { return false }
        let bytes = a.withUnsafeBytes { pa in b.withUnsafeBytes { pb in
            pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0
        } }
        return bytes || a == b
    }
}
