extension Buffer {
    /// Replaces every character above ASCII with its nearest ASCII one (`Glyphs.asciiCharacter`). The app view
    /// calls it last under `--ascii`, so text from the data files (accents, curly quotes, `±`) cannot put a byte
    /// above 127 on a terminal that cannot show it.
    public mutating func foldToASCII() {
        for y in 0..<height {
            for x in 0..<width where !self[x, y].char.isASCII {
                var c = self[x, y]
                c.char = Glyphs.asciiCharacter(c.char)
                self[x, y] = c
            }
        }
    }
}
