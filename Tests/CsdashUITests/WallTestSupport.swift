import CsdashCore
import CsdashUI
import Foundation

/// A fixed clock for the wall's tests: 15 Nov 2021 09:30 UTC, six weeks after the sample's Q2 21/22.
let wallEpoch: Date = {
    var c = Calendar(identifier: .gregorian)
    c.timeZone = TimeZone(identifier: "UTC")!
    return c.date(from: DateComponents(year: 2021, month: 11, day: 15, hour: 9, minute: 30))!
}()

let wallOptions = WallOptions(dwell: 15, staleAfterDays: 100, timeZone: TimeZone(identifier: "UTC")!)

func wallState(_ dataset: Dataset? = nil, width: Int = 160, height: Int = 48, options: WallOptions = wallOptions,
               now: Date = wallEpoch) throws -> WallState {
    let ds = try dataset ?? DataDirectory.load(sampleDir).dataset
    return WallState(dataset: ds, newestFile: wallEpoch.addingTimeInterval(-20 * 86_400), options: options, now: now,
                     width: width, height: height)
}

/// Runs an event through the wall's update function at `now`, dropping the effects.
func step(_ s: WallState, _ e: TerminalEvent, at now: Date) -> WallState { update(s, e, now: now).0 }
