import Foundation

/// The lexicons compiled into the binary from lexicons/ by the EmbedLexicons plugin.
enum BuiltInLexicons {
    /// Sources for a language: language-independent files (common/) first, then the
    /// language's own, each directory in file-name order.
    static func sources(for language: Language) -> [LexiconSource] {
        let prefixes = ["common/", language.rawValue + "/"]
        return prefixes.flatMap { prefix in
            EmbeddedLexicons.files
                .filter { $0.path.hasPrefix(prefix) }
                .map { LexiconSource(name: $0.path, contents: Array(Data(base64Encoded: $0.base64) ?? Data()), language: language) }
        }
    }

    /// Whether any built-in lexicon is specific to `language`.
    static func has(_ language: Language) -> Bool {
        EmbeddedLexicons.files.contains { $0.path.hasPrefix(language.rawValue + "/") }
    }
}
