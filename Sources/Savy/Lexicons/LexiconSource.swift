import Foundation
import SavyLexiconFormat

/// A lexicon layered over the built-in ones: its entries add, override or (with the value
/// `remove`) delete entries, in the order the sources are given.
public struct LexiconSource: Sendable, Hashable {
    /// A name for errors and evidence, usually the file's path.
    public var name: String
    public var contents: [UInt8]
    /// The language whose lexicon it joins; `nil` joins every language's (emoji, emoticons).
    public var language: Language?

    public init(name: String, contents: [UInt8], language: Language? = .english) {
        self.name = name
        self.contents = contents
        self.language = language
    }

    public init(name: String, text: String, language: Language? = .english) {
        self.init(name: name, contents: Array(text.utf8), language: language)
    }

    /// Reads a lexicon file.
    public static func file(_ path: String, language: Language? = .english) throws(LexiconError) -> LexiconSource {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LexiconError(file: path, line: 0, column: 0, message: "cannot read the file")
        }
        return LexiconSource(name: path, contents: Array(data), language: language)
    }
}

/// A lexicon that could not be loaded, with the place of the problem.
public struct LexiconError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem is the file as a whole.
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    init(_ error: LexiconFormatError) {
        self.init(file: error.path, line: error.line, column: error.column, message: error.message)
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
    }
}
