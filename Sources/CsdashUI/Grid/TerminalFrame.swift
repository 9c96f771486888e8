/// A frame as the terminal layer sends it: the same picture for fewer bytes.
///
/// A space shows only its background (unless it is reversed or underlined), so its foreground, bold and dim
/// are free. Each run of such blanks takes the style of the text just left of it when that text has the same
/// background (and is neither reversed nor underlined), so the row goes out with no change of colour there.
/// Blanks at the start of a row, after a different background, or reaching the row's end take the plain
/// style on their background, which ncurses can erase (ECH/EL) instead of writing spaces in a colour.
extension Buffer {
    public func joiningBlanks() -> Buffer {
        var out = self
        guard width > 0 else { return out }
        cells.withUnsafeBufferPointer { src in
            out.cells.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    let row = y * width
                    var x = 0
                    while x < width {
                        let c = src[row + x]
                        guard Self.isFreeBlank(c) else {
                            x += 1
                            continue
                        }
                        var end = x + 1
                        while end < width, Self.isFreeBlank(src[row + end]), src[row + end].style.bg == c.style.bg {
                            end += 1
                        }
                        var style = Style(fg: .default, bg: c.style.bg)
                        if x > 0, end < width {
                            let left = src[row + x - 1].style
                            if left.bg == c.style.bg, !left.reverse, !left.underline { style = left }
                        }
                        for k in x..<end { dst[row + k].style = style }
                        x = end
                    }
                }
            }
        }
        return out
    }

    private static func isFreeBlank(_ c: Cell) -> Bool {
        c.isSpace && !c.style.reverse && !c.style.underline
    }
}
