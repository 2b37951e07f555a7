import ArgumentParser
import Savy

/// Options shared by the commands that build an analyzer.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: ArgumentHelp(
        "A lexicon file layered over the built-in ones (repeatable; later files win).",
        valueName: "path"))
    var lexicons: [String] = []

    func makeAnalyzer() throws -> Analyzer {
        do {
            let sources = try lexicons.map { path throws(LexiconError) in try LexiconSource.file(path) }
            return try Analyzer(configuration: .init(lexicons: sources))
        } catch {
            throw ValidationError(error.description)
        }
    }
}
