import CsdashFuzz
import Foundation

// Two ways to run the same target (FuzzTarget.run):
//
// - libFuzzer (`make fuzz`): built with -sanitize=fuzzer,address and -DFUZZING, libFuzzer supplies main and
//   calls LLVMFuzzerTestOneInput with inputs it mutates, guided by coverage; it stops at the first crash and
//   saves the input.
// - a seeded property test (`csdash-fuzz --random SECONDS [SEED]`), for a toolchain without libFuzzer: the
//   seeds mutated at random from a fixed seed, so a run can be repeated. `csdash-fuzz FILE...` replays inputs.

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    FuzzTarget.run(UnsafeBufferPointer(start: data, count: size))
    return 0
}

// libFuzzer's driver, entered from this executable's own main: SwiftPM links an executable's main as
// `<module>_main`, so libFuzzer's main() is not the one that runs.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("csdash_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector, fuzzOne)
}
#else
@main
struct FuzzMain {
    static func main() {
        var args = Array(CommandLine.arguments.dropFirst())
        if args.first == "--random" {
            args.removeFirst()
            let seconds = Double(args.first ?? "") ?? 10
            let seed = UInt64(args.dropFirst().first ?? "") ?? 1
            random(seconds: seconds, seed: seed, seedsDir: args.dropFirst(2).first ?? "Tests/Fuzz/seeds")
            return
        }
        for path in args {
            guard let d = FileManager.default.contents(atPath: path) else { continue }
            FuzzTarget.run([UInt8](d))
            print("ok \(path)")
        }
    }


    static func random(seconds: Double, seed: UInt64, seedsDir: String) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: seedsDir)) ?? []).sorted()
        let seeds = names.compactMap { FileManager.default.contents(atPath: seedsDir + "/" + $0).map { [UInt8]($0) } }
        var rng = SplitMix64(seed: seed)
        let tokens: [[UInt8]] = ["\"", ",", "\n", "\r\n", ": ", "- ", "&a ", "*a", "[", "]", "{", "}", "1e308", "-1e308",
                                 "NaN", "inf", "%", "Q5", "2021/22 Q2", "2021-13", "\u{1B}[2J", "\u{202E}", "儿童", "👨‍👩‍👧",
                                 "\0", "\t", "#", "'", "9999999999999999999999", "0.000000001"].map { Array($0.utf8) }
        let end = Date().addingTimeInterval(seconds)
        var runs = 0
        while Date() < end {
            var input = seeds.isEmpty ? [UInt8(rng.below(7))] : seeds[rng.below(seeds.count)]
            for _ in 0..<(1 + rng.below(8)) {
                let at = input.count <= 1 ? input.count : 1 + rng.below(input.count - 1)
                switch rng.below(5) {
                case 0: input.insert(contentsOf: tokens[rng.below(tokens.count)], at: at)
                case 1: if at < input.count { input[at] = UInt8(truncatingIfNeeded: rng.next()) }
                case 2: if at < input.count { input.removeSubrange(at..<min(input.count, at + 1 + rng.below(16))) }
                case 3: if at < input.count { input.insert(contentsOf: input[at..<min(input.count, at + rng.below(64))], at: at) }
                default: input.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
                }
            }
            FuzzTarget.run(input)
            runs += 1
        }
        print("csdash-fuzz: \(runs) random inputs in \(Int(seconds)) s from seed \(seed), no crash")
    }
}
#endif
