import Savy
import Testing

// The tokenizer seen through the public API: what becomes a word, what carries no sentiment,
// and how odd input (decomposed letters, CRLF, invalid UTF-8, huge texts) is handled.

@Suite("Tokenizer")
struct TokenizerTests {
    /// Only the user lexicon, so that nothing but "good" (and "hyvää") can score.
    func userOnly() throws -> Analyzer {
        try analyzer([("user.tsv", "term\tvalence\ngood\t2\nhyvää\t2\n")], includeBuiltIns: false)
    }

    @Test func finnishLettersAreScoredWithoutTrouble() throws {
        let a = try builtIn()
        let text = "Hyvää päivää"
        let analysis = a.score(text, explain: true)
        expectInvariants(analysis, text: Array(text.utf8))
    }

    @Test func decomposedAndPrecomposedLettersMeet() throws {
        let a = try userOnly()
        let precomposed = "hyv\u{E4}\u{E4}", decomposed = "hyva\u{308}a\u{308}"
        #expect(Array(precomposed.utf8) != Array(decomposed.utf8))
        let p = a.score(precomposed, explain: true), d = a.score(decomposed, explain: true)
        #expect(p.sentiment.compound > 0)
        #expect(p.sentiment == d.sentiment)
        #expect(p.sentimentEvidence?.map(\.kind) == [.lexicon])
        #expect(d.sentimentEvidence?.map(\.kind) == [.lexicon])
        #expect(d.sentimentEvidence?.first?.range == .init(start: 0, end: decomposed.utf8.count))
    }

    @Test func decomposedLexiconTermMatchesPrecomposedText() throws {
        let a = try analyzer([("nfd.tsv", "term\tvalence\nhyva\u{308}a\u{308}\t2\n")], includeBuiltIns: false)
        #expect(a.compound("Hyv\u{E4}\u{E4} p\u{E4}iv\u{E4}\u{E4}") > 0)
        #expect(a.compound("HYV\u{C4}\u{C4}") == a.compound("hyv\u{E4}\u{E4}"))
    }

    @Test func userLexiconWordFiresAsAPlainWord() throws {
        // The control for the tests below: "good" does score when it is a word.
        let a = try userOnly()
        #expect(a.compound("good") > 0)
        #expect(a.evidence("see good").map(\.range) == [.init(start: 4, end: 8)])
    }

    @Test(arguments: [
        "https://good.example.com/good",
        "http://example.com/good?good=good",
        "www.good.com",
        "good@example.com",
        "(good.person@good.example.org)",
        "@good",
    ])
    func urlsAddressesAndMentionsCarryNoSentiment(text: String) throws {
        let a = try userOnly()
        let analysis = a.score(text, explain: true)
        #expect(analysis.sentimentEvidence == [])
        #expect(analysis.sentiment.compound == 0)
    }

    @Test func wordBesideAURLStillScores() throws {
        let a = try userOnly()
        let text = "good https://good.example.com/good."
        #expect(a.evidence(text).map(\.range) == [.init(start: 0, end: 4)])
    }

    @Test func numbersCarryNoSentiment() throws {
        // VADER rates "143" and "187"; Savy drops them, and refuses number entries outright.
        let a = try builtIn()
        for text in ["143", "187", "42.0", "it is 1,000", "3:30"] {
            #expect(a.score(text, explain: true).sentimentEvidence == [], "\(text)")
        }
        let error = try #require(loadError("term\tvalence\n42\t3\n"))
        #expect(error.line == 2)
        #expect(error.message.contains("number"))
    }

    @Test func crlfTextScoresLikeTheBareText() throws {
        let a = try builtIn()
        let crlf = a.score("good\r\n", explain: true), bare = a.score("good", explain: true)
        #expect(crlf == bare)
        #expect(bare.sentiment.compound > 0)
    }

    @Test func nulByteSeparatesWords() throws {
        let a = try builtIn()
        #expect(a.evidence("good\u{0}bad").of(.lexicon).map(\.text) == ["good", "bad"])
    }

    @Test func invalidUTF8IsReportedAndTheRestStillScores() throws {
        let a = try builtIn()
        let bytes: [UInt8] = [0x67, 0x6F, 0x6F, 0x64, 0x20, 0xFF]
        let analysis = a.score(bytes: bytes, explain: true)
        let warnings = try #require(analysis.warnings)
        #expect(warnings.map(\.kind) == [.invalidUTF8])
        #expect(warnings.first?.byteOffset == 5)
        #expect(warnings.first?.count == 1)
        #expect(analysis.sentiment.compound > 0)
        #expect(analysis.sentimentEvidence?.of(.lexicon).map(\.range) == [.init(start: 0, end: 4)])
        expectInvariants(analysis, text: bytes)
    }

    @Test func invalidUTF8OffsetIsTheFirstBadByte() throws {
        let a = try builtIn()
        // A truncated two-byte sequence after a Finnish letter, then a stray continuation byte.
        let bytes: [UInt8] = Array("päivä ".utf8) + [0xC3] + Array(" good ".utf8) + [0x80]
        let warnings = try #require(a.score(bytes: bytes).warnings)
        #expect(warnings.map(\.kind) == [.invalidUTF8])
        #expect(warnings.first?.byteOffset == "päivä ".utf8.count)
        #expect(warnings.first?.count == 2)
        // Detected as Finnish ("päivä"); read as English, "good" still counts.
        let english = try Analyzer(configuration: .init(language: .english))
        #expect(english.score(bytes: bytes).sentiment.compound > 0)
    }

    @Test func validTextHasNoWarnings() throws {
        let a = try builtIn()
        #expect(a.score("Hyvää päivää 👍🏽 good").warnings == nil)
    }

    @Test func emptyTextIsNeutral() throws {
        let a = try builtIn()
        for analysis in [a.score("", explain: true), a.score(bytes: [], explain: true), a.score("  \t\r\n", explain: true)] {
            #expect(analysis.sentiment.compound == 0)
            #expect(analysis.sentiment.neutral == 1)
            #expect(analysis.sentiment.positive == 0)
            #expect(analysis.sentiment.negative == 0)
            #expect(analysis.sentiment.label == .neutral)
            #expect(analysis.sentimentEvidence == [])
            #expect(analysis.warnings == nil)
        }
    }

    @Test func veryLongTextIsScored() throws {
        let a = try builtIn()
        let words = ["good", "bad", "the", "very", "not", "great!", "terrible,", "👍", ":)", "päivää"]
        let text = (0..<100_000).map { words[$0 % words.count] }.joined(separator: " ")
        let analysis = a.score(text, explain: true)
        expectInvariants(analysis, text: Array(text.utf8), checkSum: false)
        #expect((analysis.sentimentEvidence?.count ?? 0) > 10_000)
    }
}
