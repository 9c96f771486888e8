extension Buffer {
    /// A theme whose `text` role sets a background (the light theme: dark text on white) paints it under every
    /// cell left in the terminal's own background, and its text colour over every cell left in the terminal's
    /// own foreground: on a terminal whose own colours are light on dark, its dark text would otherwise vanish.
    mutating func paintBackground(_ theme: Theme) {
        let text = theme[.text]
        guard text.bg != .default else { return }
        for y in 0..<height {
            for x in 0..<width {
                var c = self[x, y]
                guard c.style.bg == .default || c.style.fg == .default else { continue }
                if c.style.bg == .default { c.style.bg = text.bg }
                if c.style.fg == .default { c.style.fg = text.fg }
                self[x, y] = c
            }
        }
    }
}
