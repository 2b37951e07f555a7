import Savy
import SavyLexiconFormat
import Testing

@Suite("Built-in lexicons")
struct BuiltInLexiconTests {
    @Test func builtInLexiconsLoad() throws {
        let a = try Analyzer()
        #expect(a.lexiconEntryCount() > 7000)
    }

    @Test func evidenceNamesTheBuiltInFile() throws {
        let a = try builtIn()
        #expect(a.evidence("good").map(\.source) == ["en/valence.tsv"])
        #expect(a.evidence(":)").map(\.source) == ["common/emoticons.tsv"])
        #expect(a.evidence("👍").map(\.source) == ["common/emoji.tsv"])
        #expect(a.evidence("yeah right").map(\.source) == ["en/idioms.tsv"])
    }

    @Test func withoutBuiltInsNothingScores() throws {
        let a = try Analyzer(configuration: .init(includeBuiltInLexicons: false))
        #expect(a.lexiconEntryCount() == 0)
        for text in ["good", "not bad", ":)", "👍"] {
            #expect(a.compound(text) == 0, "\(text)")
            #expect(a.evidence(text).isEmpty, "\(text)")
        }
    }

    @Test func userLexiconAloneHasOnlyItsEntries() throws {
        let a = try analyzer([("user.tsv", "term\tvalence\nzorgle\t2\nblarf\t-2\n")], includeBuiltIns: false)
        #expect(a.lexiconEntryCount() == 2)
        #expect(a.compound("good") == 0)
        #expect(a.compound("zorgle") > 0)
    }
}

@Suite("User lexicons")
struct UserLexiconTests {
    @Test func newWordGetsItsValence() throws {
        let a = try analyzer([("shop.tsv", "term\tvalence\nrestock\t1.5\n")])
        #expect(try builtIn().compound("restock") == 0)
        #expect(a.compound("restock") > 0)
        #expect(a.evidence("restock").map(\.source) == ["shop.tsv"])
        #expect(a.lexiconEntryCount() == (try builtIn().lexiconEntryCount()) + 1)
    }

    @Test func overridingAValenceChangesItsSign() throws {
        let a = try analyzer([("shop.tsv", "term\tvalence\ngood\t-2\n")])
        #expect(try builtIn().compound("good") > 0)
        #expect(a.compound("good") < 0)
        #expect(a.evidence("good").map(\.source) == ["shop.tsv"])
    }

    @Test func laterLexiconWins() throws {
        let a = try analyzer([("a.tsv", "term\tvalence\nzorgle\t3\n"), ("b.tsv", "term\tvalence\nzorgle\t-3\n")])
        #expect(a.compound("zorgle") < 0)
        #expect(a.evidence("zorgle").map(\.source) == ["b.tsv"])
    }

    @Test func removeDeletesAnEntry() throws {
        let a = try analyzer([("shop.tsv", "term\tvalence\ngood\tremove\n")])
        #expect(a.compound("good") == 0)
        #expect(a.evidence("good").isEmpty)
        #expect(a.lexiconEntryCount() == (try builtIn().lexiconEntryCount()) - 1)
    }

    @Test func removingAnUnknownEntryFails() throws {
        let error = try #require(loadError("term\tvalence\nzorgle\tremove\n"))
        #expect(error.file == "user.tsv")
        #expect(error.line == 2)
    }

    @Test func caseVariantsAreOneTerm() throws {
        let a = try analyzer([("shop.tsv", "term\tvalence\nZorgle\t2\n")])
        #expect(a.compound("zorgle") == a.compound("ZORGLE"))
        #expect(a.compound("zorgle") > 0)
    }

    @Test func userPhraseReplacesItsWords() throws {
        let a = try analyzer([("shop.tsv", "term\tvalence\ngood grief\t-1.5\n")])
        #expect(a.compound("good grief") < 0)
        #expect(a.evidence("good grief").map(\.kind) == [.phrase])
    }

    @Test func aLaterMaskSilencesARatedPhrase() throws {
        #expect(try builtIn().compound("The cake was to die for") > 0)
        let a = try analyzer([("mods.tsv", "term\trole\tvalue\nto die for\tmask\t0\n")])
        #expect(a.compound("The cake was to die for") == 0)
    }

    @Test func aReplyCountsOnlyAsAClauseOfItsOwn() throws {
        let a = try analyzer([("replies.tsv", "term\tvalence\nmy bad\t1\n"), ("roles.tsv", "term\trole\tvalue\nmy bad\treply\t0\n")])
        #expect(a.evidence("My bad!").of(.phrase).map(\.text) == ["My bad"])
        #expect(a.evidence("Sorry, my bad :)").of(.phrase).map(\.text) == ["my bad"])
        // Inside a longer clause the words are read one by one: "bad" is bad again.
        #expect(a.evidence("It was my bad luck").of(.phrase).isEmpty)
        #expect(a.compound("It was my bad luck") < 0)
    }

    @Test func aReplyThatIsNotItsClauseLeavesAShorterPhrase() throws {
        let a = try analyzer([("phrases.tsv", "term\tvalence\nsee you\t1\nsee you later\t2\n"),
                              ("roles.tsv", "term\trole\tvalue\nsee you later\treply\t0\n")])
        #expect(a.evidence("See you later!").of(.phrase).compactMap(\.term) == ["see you later"])
        #expect(a.evidence("I will see you later today").of(.phrase).compactMap(\.term) == ["see you"])
    }

    @Test func aReplyOfOneWordIsReported() throws {
        let error = try #require(loadError("term\trole\tvalue\nwelcome\treply\t0\n"))
        #expect(error.line == 2)
        #expect(error.message.contains("phrase"))
    }

    @Test func addedBoosterBoosts() throws {
        let a = try analyzer([("mods.tsv", "term\trole\tvalue\nmega\tbooster\t0.5\n")])
        #expect(try builtIn().compound("mega good") == builtIn().compound("good"))
        #expect(a.compound("mega good") > a.compound("good"))
        let booster = a.evidence("mega good").of(.booster)
        #expect(booster.map(\.text) == ["mega"])
        #expect(booster.map(\.source) == ["mods.tsv"])
    }

    @Test func addedNegatorNegates() throws {
        let a = try analyzer([("mods.tsv", "term\trole\tvalue\nnah\tnegator\t-0.74\n")])
        #expect(a.compound("nah good") < 0)
        #expect(a.evidence("nah good").of(.negation).map(\.text) == ["nah"])
    }

    @Test func removedBoosterNoLongerBoosts() throws {
        let a = try analyzer([("mods.tsv", "term\trole\tvalue\nvery\tremove\t0\n")])
        #expect(a.evidence("very good").of(.booster).isEmpty)
        #expect(a.compound("very good") == a.compound("good"))
    }

    @Test func userEmoticonAndEmojiFilesWork() throws {
        let a = try analyzer([
            ("emoticons.tsv", "emoticon\tvalence\n:-/\t-1\n"),
            ("emoji.tsv", "emoji\tvalence\n🥲\t-0.5\n"),
        ], includeBuiltIns: false)
        #expect(a.evidence("meh :-/").of(.emoticon).map(\.source) == ["emoticons.tsv"])
        #expect(a.compound("🥲") < 0)
    }

    @Test func fileSourceReadsAFileAndNamesIt() throws {
        let missing = "/nonexistent/savy-\(UInt64.random(in: 0...UInt64.max)).tsv"
        #expect(throws: LexiconError.self) { _ = try LexiconSource.file(missing) }
        do throws(LexiconError) {
            _ = try LexiconSource.file(missing)
        } catch {
            #expect(error.file == missing)
        }
    }
}

/// The error from loading `text` (or `bytes`) as a user lexicon named `name`, or nil if it loads.
func loadError(_ text: String, name: String = "user.tsv") -> LexiconError? {
    loadError(bytes: Array(text.utf8), name: name)
}

func loadError(bytes: [UInt8], name: String = "user.tsv") -> LexiconError? {
    loadError(sources: [LexiconSource(name: name, contents: bytes)])
}

func loadError(sources: [LexiconSource]) -> LexiconError? {
    do throws(LexiconError) {
        _ = try Analyzer(configuration: .init(lexicons: sources))
        return nil
    } catch {
        return error
    }
}

@Suite("Lexicon errors")
struct LexiconErrorTests {
    @Test func badNumberIsReportedAtItsColumn() throws {
        let error = try #require(loadError("term\tvalence\ngood\tabc\n", name: "mine.tsv"))
        #expect(error.file == "mine.tsv")
        #expect(error.line == 2)
        #expect(error.column == 6)
        #expect(error.message.contains("abc"))
        #expect(error.description.hasPrefix("mine.tsv:2:6: error:"))
    }

    @Test func badRoleValueIsReportedAtItsColumn() throws {
        let error = try #require(loadError("term\trole\tvalue\nmega\tbooster\tlots\n"))
        #expect(error.line == 2)
        #expect(error.column == 14)
    }

    @Test func unknownRoleIsReportedAtItsColumn() throws {
        let error = try #require(loadError("term\trole\tvalue\nmega\tzoom\t0.5\n"))
        #expect(error.file == "user.tsv")
        #expect(error.line == 2)
        #expect(error.column == 6)
        #expect(error.message.contains("zoom"))
    }

    @Test(arguments: ["term\tvalence\ngood\n", "term\tvalence\ngood\t1\tnote\textra\n", "term\trole\tvalue\nvery\tbooster\n"])
    func wrongFieldCountIsReported(text: String) throws {
        let error = try #require(loadError(text))
        #expect(error.line == 2)
        #expect(error.column == 1)
        #expect(error.message.contains("field"))
    }

    @Test func missingHeaderIsReportedOnTheFirstEntry() throws {
        let error = try #require(loadError("# my words\n\ngood\t2\n"))
        #expect(error.line == 3)
        #expect(error.column == 1)
        #expect(error.message.contains("header"))
    }

    @Test func fileWithoutAnyHeaderIsReported() throws {
        let error = try #require(loadError("# only a comment\n"))
        #expect(error.file == "user.tsv")
        #expect(error.message.contains("header"))
        let empty = try #require(loadError(""))
        #expect(empty.message.contains("header"))
    }

    @Test func duplicateTermIsReportedWithTheFirstLine() throws {
        let error = try #require(loadError("term\tvalence\ngood\t1\n# again\nGood\t2\n"))
        #expect(error.line == 4)
        #expect(error.message.contains("line 2"))
    }

    @Test func emojiDuplicateThatDiffersOnlyByVariationSelectorIsReported() throws {
        // U+FE0F is ignored when matching, so both lines define the same entry.
        let error = try #require(loadError("emoji\tvalence\n\u{2764}\t1\n\u{2764}\u{FE0F}\t-1\n"))
        #expect(error.line == 3)
    }

    @Test(arguments: ["4.5", "-4.01", "100"])
    func valenceOutsideTheScaleIsReported(valence: String) throws {
        let error = try #require(loadError("term\tvalence\ngood\t\(valence)\n"))
        #expect(error.line == 2)
        #expect(error.column == 6)
        #expect(error.message.contains("-4...4"))
    }

    @Test func valencesAtTheEndsOfTheScaleLoad() throws {
        #expect(loadError("term\tvalence\nzorgle\t4\nblarf\t-4\n") == nil)
    }

    @Test func invalidUTF8IsReportedAtTheBadByte() throws {
        let bytes = Array("term\tvalence\n".utf8) + [0x67, 0x6F, 0xFF, 0x64] + Array("\t1\n".utf8)
        let error = try #require(loadError(bytes: bytes))
        #expect(error.line == 2)
        #expect(error.column == 3)
        #expect(error.message.contains("UTF-8"))
    }

    @Test func nulByteIsReportedAtItsColumn() throws {
        let error = try #require(loadError("term\tvalence\ngood\t1\nba\u{0}d\t-1\n"))
        #expect(error.line == 3)
        #expect(error.column == 3)
        #expect(error.message.contains("NUL"))
    }

    @Test func lineNumbersCountCommentsBlankLinesAndCRLF() throws {
        let error = try #require(loadError("# words\r\n\r\nterm\tvalence\r\n# more\r\nzorgle\t1\r\nblarf\tnope\r\n"))
        #expect(error.line == 6)
        #expect(error.column == 7)
    }

    @Test func termTheKernelRejectsIsReportedOnItsLine() throws {
        let error = try #require(loadError("emoji\tvalence\n👍\t1\nabc\t1\n", name: "faces.tsv"))
        #expect(error.file == "faces.tsv")
        #expect(error.line == 3)
    }

    @Test func errorNamesTheFileItIsIn() throws {
        let sources = [
            LexiconSource(name: "first.tsv", text: "term\tvalence\nzorgle\t1\n"),
            LexiconSource(name: "second.tsv", text: "term\tvalence\nblarf\tx\n"),
        ]
        let error = try #require(loadError(sources: sources))
        #expect(error.file == "second.tsv")
        #expect(error.line == 2)
        #expect(error.column == 7)
    }
}

@Suite("Lexicon file reading")
struct LexiconFileReadingTests {
    /// Values are read exactly as `Double(String)` reads them, whether by the plain-decimal
    /// path or the general one: digits at and past the fast path's limits, signs, exponents.
    @Test func numbersReadAsDoubleReadsThem() throws {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "+1", "4", "-4", "1.", ".5", "-.25", "0.1", "0.3", "3.999999999999999", "1.23456789012345",
                     "-1.234567890123456", "0.000000000000001", "1e0", "-2.5e-1", "0001.5000"]
        for _ in 0..<2000 {
            let digits = Int.random(in: 1...17, using: &generator)
            var text = Bool.random(using: &generator) ? "-" : ""
            let point = Int.random(in: 0...digits, using: &generator)
            for i in 0..<digits {
                if i == point && i > 0 { text += "." }
                text += String(Int.random(in: 0...9, using: &generator))
            }
            texts.append(text)
        }
        // A modifier's value may be any finite number.
        let file = "term\trole\tvalue\n" + texts.enumerated().map { "w\($0.offset)\tbooster\t\($0.element)" }.joined(separator: "\n")
        let parsed = try LexiconFile(path: "numbers.tsv", bytes: Array(file.utf8))
        for (text, entry) in zip(texts, parsed.entries) {
            let expected = try #require(Double(text))
            guard case .role(_, let value) = entry.value else { Issue.record("\(text)"); continue }
            #expect(value.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    /// A key is lowercased only when it may have a capital; every case that does is still
    /// caught as a duplicate of its lowercase form.
    @Test(arguments: [("good", "GOOD"), ("hyvä", "HYVÄ"), ("älykäs", "Älykäs"), ("αβ", "ΑΒ"), ("кот", "КОТ")])
    func capitalsInAnyScriptAreFolded(lower: String, upper: String) throws {
        let error = try #require(loadError("term\tvalence\n\(lower)\t1\n\(upper)\t2\n"))
        #expect(error.line == 3)
    }
}
