import ArgumentParser
import CsdashCore
import Foundation

// A subcommand named first is parsed by its own parser. The library's parse from the root checks, for a
// named subcommand, whether it or the default one (the dashboard) captures everything after it, building
// their argument sets from their declarations six times over: 3.7 M instructions, a quarter of a millisecond
// and more, before the first frame. What the subcommand's parser cannot parse as it stands (help, errors,
// completion scripts, anything unusual) goes to the root as before, so every message stays the same.
if CommandLine.arguments.count >= 2, let command = CSDash.parseNamedSubcommand(Array(CommandLine.arguments.dropFirst())) {
    var command = command
    do {
        try command.run()
    } catch {
        type(of: command).exit(withError: error)
    }
    type(of: command).exit()
}
CSDash.main()
