/// A rectangle of cells.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// Shrunk by `n` cells on every side.
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }

    /// The top `n` rows, and the rest.
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let n = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }

    /// `count` columns of near-equal width separated by `gap` cells.
    public func columns(_ count: Int, gap: Int = 0) -> [Rect] {
        Self.shares(of: width, count, gap: gap, from: x).map { Rect(x: $0.start, y: y, width: $0.size, height: height) }
    }

    /// `count` rows of near-equal height separated by `gap` rows.
    public func rows(_ count: Int, gap: Int = 0) -> [Rect] {
        Self.shares(of: height, count, gap: gap, from: y).map { Rect(x: x, y: $0.start, width: width, height: $0.size) }
    }

    /// `length` cells from `start` cut into `count` near-equal shares with `gap` cells between them; the first
    /// shares take one cell more when the cells do not divide evenly.
    static func shares(of length: Int, _ count: Int, gap: Int, from start: Int) -> [(start: Int, size: Int)] {
        guard count > 0 else { return [] }
        let usable = length - gap * (count - 1)
        var out: [(start: Int, size: Int)] = []
        var at = start
        for i in 0..<count {
            let size = usable / count + (i < usable % count ? 1 : 0)
            out.append((at, size))
            at += size + gap
        }
        return out
    }
}
