/// Ordinal words for counts in prose: "second", "fifth", then "13th".
enum Ordinals {
    static let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                        "tenth", "eleventh", "twelfth"]

    static func word(_ n: Int) -> String {
        n >= 1 && n <= words.count ? words[n - 1] : Ranking.ordinal(n)
    }

    /// Cardinal words for small counts ("seven quarters"), digits from 13 on.
    static let cardinals = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                            "eleven", "twelve"]

    static func cardinal(_ n: Int) -> String { n >= 0 && n < cardinals.count ? cardinals[n] : String(n) }
}
