import CsdashCore

/// Word wrapping for commentary and descriptions: the core's `WordWrap`, under the name the views use.
public enum TextWrap {
    /// Splits `text` into lines of at most `width` columns, breaking at spaces (a long word is split, not cut).
    public static func lines(_ text: String, width: Int) -> [String] { WordWrap.lines(text, width: width) }
}
