import ArgumentParser
import Savy

/// Options shared by the commands that build an analyzer.
struct LexiconOptions: ParsableArguments {
    @Option(name: .customLong("lexicon"), help: ArgumentHelp(
        "A lexicon file layered over the built-in ones (repeatable; later files win). Prefix fi: for Finnish, all: for every language; en: is the default.",
        valueName: "[en:|fi:|all:]path"))
    var lexicons: [String] = []

    @Option(name: .customLong("lang"), help: "The language of the texts: auto (detect each text's), en or fi.")
    var language: LanguageOption = .auto

    @Flag(help: "Read Finnish words by Savy's suffix rules and Snowball stems instead of lemmatising them with Voikko.")
    var noVoikko = false

    enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
        case auto, en, fi
        var language: Language? {
            switch self {
            case .auto: nil
            case .en: .english
            case .fi: .finnish
            }
        }
    }

    func makeAnalyzer() throws -> Analyzer {
        do {
            let sources = try lexicons.map { argument throws(LexiconError) -> LexiconSource in
                for (prefix, language) in [("en:", Language.english), ("fi:", .finnish)] where argument.hasPrefix(prefix) {
                    return try LexiconSource.file(String(argument.dropFirst(prefix.count)), language: language)
                }
                if argument.hasPrefix("all:") { return try LexiconSource.file(String(argument.dropFirst(4)), language: nil) }
                return try LexiconSource.file(argument, language: .english)
            }
            return try Analyzer(configuration: .init(lexicons: sources, language: language.language, useVoikko: !noVoikko))
        } catch {
            throw ValidationError(error.description)
        }
    }
}
