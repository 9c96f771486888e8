/// Where a comparator's figure comes from and for when, written in parentheses right after it wherever one is
/// shown, so two figures under the same name ("Statistical neighbours") cannot be taken for one another.
public enum ComparatorSource {
    /// `(local, Q2 21/22)`: typed into the authority's history file, for the period of its row.
    public static func local(_ p: Period) -> String { "(local, \(p.short))" }
    /// `(DfE, 2020/21)`: the DfE's published figure, for its year; `(DfE, 30 Sep 2021)` for a census series.
    public static func dfe(_ p: Period, _ series: Indicator) -> String { "(DfE, \(series.benchmarkYearShort(p)))" }
    /// The source of the comparators on one of `series`' rows: `(DfE, 2020/21)` for a row that `csdash import
    /// dfe` wrote (it carries the reserved position columns, which only the import writes), else `(local, ...)`.
    public static func of(_ o: Observation, _ series: Indicator, in d: Dataset) -> String {
        d.position(of: o).isEmpty ? local(o.period) : dfe(o.period, series)
    }
}
