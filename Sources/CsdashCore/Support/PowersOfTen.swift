/// The powers of ten that are exact as doubles, 10^0 to 10^22: one table for the number readers and rounding.
enum PowersOfTen {
    static let values: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
                                   1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]

    /// The same table for the row loops (no bounds or uniqueness checks): made once, kept for the process.
    nonisolated(unsafe) static let pointer: UnsafePointer<Double> = {
        let p = UnsafeMutablePointer<Double>.allocate(capacity: values.count)
        p.initialize(from: values, count: values.count)
        return UnsafePointer(p)
    }()
}
