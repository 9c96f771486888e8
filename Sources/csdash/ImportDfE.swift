import ArgumentParser
import CsdashCore
import Foundation

/// `csdash import`: the only command that writes a file, and only where --out (and --authorities) say.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import published benchmarks into a history CSV.",
        subcommands: [ImportDfE.self]
    )
}

struct ImportDfE: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dfe",
        abstract: "Write a history CSV of one authority's DfE figures with England, region, neighbours, rank and quartile.",
        discussion: """
            Reads DfE "underlying data" CSVs (explore-education-statistics) as the MAPPING file directs and writes \
            one row per indicator and year to --out: the authority's value, England, its region, the mean of its \
            statistical neighbours and the reserved columns neighbours_contributing, rank, rank_of, quartile, \
            neighbour_rank, neighbour_rank_of. --authorities also writes every authority's value (the strip on the \
            indicator page reads it from DIR/authorities/). With no DFE_FILE, the files are looked for beside the \
            mapping. It writes nothing else, and never over an input file; --out and --authorities are written \
            both or neither, and a file replaced keeps its permissions.
            """
    )

    @Option(name: .customLong("la"), help: ArgumentHelp("The local authority: old code (916), new code (E10000013) or name.", valueName: "CODE_OR_NAME"))
    var authority: String

    @Option(help: ArgumentHelp("The mapping file (YAML): which file, measure and filters give each indicator.", valueName: "MAPPING.yaml"))
    var map: String

    @Option(help: ArgumentHelp("The history CSV to write (e.g. DIR/history/dfe.csv).", valueName: "FILE.csv"))
    var out: String

    @Option(help: ArgumentHelp("Also write every authority's value per indicator and year (e.g. DIR/authorities/dfe.csv).", valueName: "FILE.csv"))
    var authorities: String?

    @Argument(help: ArgumentHelp("The DfE CSV files (default: every .csv beside the mapping file).", valueName: "DFE_FILE"))
    var files: [String] = []

    func run() throws {
        let mapText: String
        do { mapText = try String(contentsOfFile: map, encoding: .utf8) } catch {
            throw ExitCodes.fail(66, "\(map): error: cannot read the mapping file: \(error.localizedDescription)")
        }
        let parsed = ImportMapping.parse(mapText, file: map)
        for d in parsed.diagnostics { Stderr.print(d.description) }
        guard let mapping = parsed.mapping else {
            throw ExitCodes.fail(65, "csdash: the mapping file has errors; nothing written")
        }
        var inputs = files
        if inputs.isEmpty {
            let dir = URL(fileURLWithPath: map).deletingLastPathComponent()
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            inputs = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted().map {
                map.contains("/") ? dir.appendingPathComponent($0).relativePath : $0
            }
        }
        for f in inputs where !FileManager.default.fileExists(atPath: f) {
            throw ExitCodes.fail(66, "\(f): error: no such file")
        }
        let outputs = [out] + (authorities.map { [$0] } ?? [])
        for o in outputs {
            let target = URL(fileURLWithPath: o).standardizedFileURL.resolvingSymlinksInPath().path
            for i in inputs + [map] where URL(fileURLWithPath: i).standardizedFileURL.resolvingSymlinksInPath().path == target {
                throw ExitCodes.fail(64, "csdash: refusing to write \(o): it is one of the input files")
            }
        }
        if let a = authorities, a == out { throw ExitCodes.fail(64, "csdash: --out and --authorities must differ") }

        let result: DfEImport.Output
        do {
            result = try DfEImport.run(mapping: mapping, files: inputs.map { DfEImport.InputFile(path: $0, display: $0) },
                                       authority: authority)
        } catch {
            Stderr.print(error.description)
            throw ExitCodes.fail(65, "csdash: nothing written")
        }
        for w in result.warnings { Stderr.print(w.description) }
        // Both files or neither (OutputFiles): a failure leaves whatever was there before.
        do {
            try OutputFiles.write([(out, result.history)] + (authorities.map { [($0, result.authorities)] } ?? []))
        } catch {
            throw ExitCodes.fail(73, "\(error.path): error: \(error.reason)\ncsdash: nothing written")
        }
        Stderr.print("csdash: \(result.authority.label): \(result.historyRows) rows for \(mapping.entries.count) "
                     + "indicators written to \(out)" + (authorities.map { " and every authority's values to \($0)" } ?? ""))
    }
}
