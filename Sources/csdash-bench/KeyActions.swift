import CsdashCore
import CsdashUI
import Foundation

struct ActionTiming {
    var name: String
    var mean: Double
    var max: Double
    /// Mean CPU time of the thread: what the action costs, without the waits of a shared machine.
    var cpuMean: Double
}

/// Times update + render at 200x60 for each kind of key action, `rounds` times each, in a fixed cycle. `only`
/// picks kinds by their letters in "tjeb[]".
func keyActions(_ dataset: Dataset, rounds: Int, only: String? = nil) -> [ActionTiming] {
    let all: [(String, Key)] = [("next panel (Tab)", .tab), ("selection move (j)", .char("j")),
                                ("drill in (Enter)", .enter), ("back (Esc)", .escape),
                                ("previous quarter ([)", .char("[")), ("next quarter (])", .char("]"))]
    let letters = Array("tjeb[]")
    let kinds = only.map { o in all.indices.filter { o.contains(letters[$0]) }.map { all[$0] } } ?? all
    var state = AppState(dataset: dataset, asAt: dataset.latestQuarter!, width: 200, height: 60)
    _ = AppView.render(state, theme: .standard, glyphs: .unicode)
    var total = Array(repeating: 0.0, count: kinds.count), worst = total, cpu = total
    for _ in 0..<rounds {
        for (k, kind) in kinds.enumerated() {
            let c0 = threadCPU()
            let t0 = now()
            state = update(state, .key(kind.1))
            let frame = AppView.render(state, theme: .standard, glyphs: .unicode)
            let dt = seconds(since: t0)
            cpu[k] += threadCPU() - c0
            precondition(frame.width == 200)
            total[k] += dt
            worst[k] = max(worst[k], dt)
        }
    }
    return kinds.indices.map {
        ActionTiming(name: kinds[$0].0, mean: total[$0] / Double(rounds), max: worst[$0], cpuMean: cpu[$0] / Double(rounds))
    }
}

/// What `pty_bytes.py` counts: bytes written to a 200x60 pseudo-terminal after each key.
struct PtyBytes: Decodable {
    var first_frame: Int
    var moves: [Int]
    var open: Int
    var back: Int

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("pty_bytes.py").path

    static func measure(_ csdash: String, _ dir: String) -> PtyBytes? {
        guard Python.available else { return nil }
        let r = spawn(["python3", script, csdash, dir, "200", "60"], captureOutput: true)
        return try? JSONDecoder().decode(PtyBytes.self, from: Data(r.output.utf8))
    }
}
