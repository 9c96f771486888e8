import Foundation

/// Python's readers of the same CSV, each printing its own in-process time (interpreter start and imports
/// excluded).
enum Python {
    static let available = spawn(["python3", "-c", "pass"]).status == 0
    static let hasPandas = available && has("pandas")
    static let hasDuckDB = available && has("duckdb")

    static func has(_ module: String) -> Bool { spawn(["python3", "-c", "import \(module)"]).status == 0 }

    /// Prints wall seconds, rows and CPU seconds.
    static let csvModule = """
    import csv, sys, time
    t = time.perf_counter(); c = time.process_time(); n = 0
    with open(sys.argv[1], newline='') as f:
        for row in csv.reader(f): n += 1
    print(time.perf_counter() - t, n, time.process_time() - c)
    """
    static let pandas = """
    import sys, time, pandas
    t = time.perf_counter(); df = pandas.read_csv(sys.argv[1])
    print(time.perf_counter() - t, len(df))
    """
    static let duckDB = """
    import sys, time, duckdb
    con = duckdb.connect()
    t = time.perf_counter(); con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?)", [sys.argv[1]])
    n = con.execute("SELECT count(*) FROM t").fetchone()[0]
    print(time.perf_counter() - t, n)
    """

    /// (in-process seconds, whole-process seconds, in-process CPU seconds when the program prints them)
    static func run(_ program: String, _ csv: String) -> (Double, Double, Double) {
        let r = spawn(["python3", "-c", program, csv], captureOutput: true)
        let parts = r.output.split(whereSeparator: { $0 == " " || $0 == "\n" })
        let inProcess = Double(parts.first ?? "") ?? .nan
        let cpu = parts.count > 2 ? Double(parts[2]) ?? .nan : .nan
        return (r.status == 0 ? inProcess : .nan, r.seconds, cpu)
    }
}
