import Foundation
import Savy
import Testing

@Suite("savy score")
struct ScoreCommandTests {
    @Test func scoresEachArgumentAsOneJSONLine() throws {
        let run = try runSavy(["score", "--lang", "en", "good", "bad"])
        #expect(run.status == 0)
        let records = try run.records()
        #expect(records.map(\.id) == [1, 2])
        #expect(records.map(\.label) == [.positive, .negative])
        #expect(records.allSatisfy { $0.language == "en" && $0.error == nil && $0.evidence == nil })
    }

    @Test func languageIsDetectedUnlessGiven() throws {
        let run = try runSavy(["score", "The agent was really helpful with my order", "Tilaukseni ei ole vieläkään saapunut", "👍"])
        #expect(try run.records().map(\.language) == ["en", "fi", "und"])
        let fixed = try runSavy(["score", "--lang", "fi", "The agent was really helpful"])
        #expect(try fixed.records().map(\.language) == ["fi"])
    }

    @Test func scoreIsTheDefaultSubcommand() throws {
        let run = try runSavy(["good"])
        #expect(run.status == 0)
        #expect(try run.records().map(\.label) == [.positive])
    }

    @Test func emptyArgumentGivesAnErrorRecord() throws {
        let records = try runSavy(["score", "good", "", "bad"]).records()
        #expect(records.map(\.id) == [1, 2, 3])
        let error = try #require(records[1].error)
        #expect(error.message == "empty text")
        #expect(error.line == 2)
        #expect(error.file == nil)
        #expect(records[1].sentiment == nil)
        #expect(records[2].label == .negative)
    }

    /// Lines: scored, empty, CRLF, invalid UTF-8, NUL byte, too long, scored.
    static let mixedInput: [UInt8] = Array("good\n\nbad\r\ngood ".utf8) + [0xFF] + Array(" day\nnice".utf8) + [0x00]
        + Array("work\n".utf8) + Array(repeating: UInt8(ascii: "a"), count: 200) + Array("\nterrible\n".utf8)

    @Test func inputFileGivesOneRecordPerLineInOrder() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("chats.txt", Self.mixedInput)
        let run = try runSavy(["score", "--input", path, "--max-line-bytes", "100"])
        #expect(run.status == 0)
        let records = try run.records()
        try #require(records.count == 7)
        #expect(records.map(\.id) == Array(1...7))

        #expect(records[0].label == .positive)

        let empty = try #require(records[1].error)
        #expect(empty.message == "empty text")
        #expect(empty.line == 2)
        #expect(empty.file == path)

        #expect(records[2].label == .negative)  // "bad\r"
        #expect(records[2].warnings == nil)

        #expect(records[3].label == .positive)
        #expect(records[3].warnings == [.init(kind: "invalidUTF8", count: 1, byteOffset: 5, column: 6)])

        #expect(records[4].error == nil)
        #expect(records[4].label == .positive)  // "nice\0work"

        let tooLong = try #require(records[5].error)
        #expect(tooLong.line == 6)
        #expect(tooLong.message.contains("100"))
        #expect(records[5].sentiment == nil)

        #expect(records[6].label == .negative)
    }

    @Test func lineLongerThanTheReadBufferGivesAnErrorRecord() throws {
        let directory = try TemporaryDirectory()
        let long = Array(repeating: UInt8(ascii: "a"), count: 3 << 20)
        let path = try directory.file("long.txt", Array("good\n".utf8) + long + Array("\nbad\n".utf8))
        let records = try runSavy(["score", "--input", path, "--max-line-bytes", "100"]).records()
        try #require(records.count == 3)
        #expect(records.map(\.id) == [1, 2, 3])
        #expect(records[0].label == .positive)
        let error = try #require(records[1].error)
        #expect(error.line == 2)
        #expect(records[2].label == .negative)
    }

    @Test func lastLineWithoutNewlineIsScored() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("chats.txt", "good\nbad")
        #expect(try runSavy(["score", "--input", path]).records().map(\.label) == [.positive, .negative])
    }

    @Test func smallBatchesGiveTheSameOutput() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("chats.txt", Self.mixedInput)
        let whole = try runSavy(["score", "--input", path, "--explain"])
        let batched = try runSavy(["score", "--input", path, "--explain", "--batch-size", "2"])
        #expect(whole.status == 0)
        #expect(batched.stdout == whole.stdout)
    }

    /// Many small chunks over several workers: records must come out in input order and
    /// equal a single thread's, error records included.
    @Test func threadsKeepInputOrderAndOutput() throws {
        let directory = try TemporaryDirectory()
        var input: [UInt8] = []
        for i in 1...600 {
            switch i % 7 {
            case 0: input += Array("\n".utf8)  // empty: an error record in the middle of a chunk
            case 3: input += Array("line \(i) was terrible, nobody answered\n".utf8)
            case 5: input += Array("Kiitos \(i), tosi hyvää palvelua!\n".utf8)
            default: input += Array("thanks \(i), that fixed it :)\n".utf8)
            }
        }
        let path = try directory.file("chats.txt", input)
        let one = try runSavy(["score", "--input", path, "--threads", "1"])
        let many = try runSavy(["score", "--input", path, "--threads", "4", "--batch-size", "7"])
        #expect(one.status == 0 && many.status == 0)
        let records = try many.records()
        #expect(records.map(\.id) == Array(1...600))
        #expect(records.filter { $0.error != nil }.map(\.id) == (1...600).filter { $0 % 7 == 0 })
        #expect(many.stdout == one.stdout)
    }

    @Test func progressGoesToStandardErrorOnly() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("chats.txt", "good\n\nbad\n")
        let run = try runSavy(["score", "--input", path, "--progress", "always"])
        #expect(run.status == 0)
        #expect(try run.records().count == 3)
        #expect(run.stderr.contains("savy: 3 lines (1 errors)"))
        #expect(run.stderr.contains("MB/s"))
        let quiet = try runSavy(["score", "--input", path, "--progress", "never"])
        #expect(quiet.stderr.isEmpty)
        #expect(quiet.stdout == run.stdout)
    }

    @Test func zeroThreadsIsAUsageError() throws {
        let run = try runSavy(["score", "--input", "-", "--threads", "0"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--threads must be at least 1"))
    }

    @Test func jsonlRowsCarryIdsContextAndErrorsWithColumns() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("turns.jsonl", """
            {"id": "c1", "role": "customer", "text": "My invoice is wrong again"}
            {"id": "a1", "role": "agent", "text": "Thanks Maria, I will fix the invoice today.", "customerName": "Maria"}
            {"id": "a2", "text": "broken",}

            {"role": "robot", "text": "hello"}

            """)
        let run = try runSavy(["score", "--format", "jsonl", "--input", path])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
        try #require(lines.count == 5)
        #expect(lines[0].hasPrefix(#"{"id":"c1","#))
        #expect(lines[1].hasPrefix(#"{"id":"a1","#))
        #expect(lines[1].contains(#""personalisation":true"#))
        #expect(lines[0].contains(#""personalisation":false"#))
        let errors = try lines[2...].map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (id: object["id"] as? Int, error: try #require(object["error"] as? [String: Any]))
        }
        #expect(errors.map(\.id) == [3, 4, 5])
        #expect(errors[0].error["line"] as? Int == 3)
        #expect(errors[0].error["column"] as? Int == 31)  // the "}" after the trailing comma
        #expect((errors[0].error["message"] as? String)?.hasPrefix("invalid JSON") == true)
        #expect(errors[1].error["message"] as? String == "empty text")
        #expect(errors[2].error["message"] as? String == "role 'robot' is neither agent nor customer")
    }

    @Test func dashReadsStandardInput() throws {
        let run = try runSavy(["score", "--input", "-"], stdin: Array("good\n\nbad\n".utf8))
        #expect(run.status == 0)
        let records = try run.records()
        #expect(records.map(\.id) == [1, 2, 3])
        #expect(records[0].label == .positive)
        #expect(records[1].error?.message == "empty text")
        #expect(records[1].error?.file == nil)
        #expect(records[2].label == .negative)
    }

    @Test func explainAddsEvidence() throws {
        let explained = try runSavy(["score", "--explain", "not good"]).records()
        let evidence = try #require(explained.first?.evidence)
        #expect(evidence.map(\.kind).contains(.lexicon))
        let negation = evidence.filter { $0.kind == .negation }
        #expect(negation.map(\.text) == ["not"])
        #expect(negation.map(\.range) == [.init(start: 0, end: 3)])
        #expect(try runSavy(["score", "not good"]).records().first?.evidence == nil)
    }

    @Test func explainedScoresMatchTheLibrary() throws {
        let texts = ["The agent was very helpful, thanks!", "Still no reply :(", "NOT BAD AT ALL!!!"]
        let records = try runSavy(["score", "--explain"] + texts).records()
        let analyzer = try Analyzer()
        #expect(records.map(\.sentiment) == texts.map { analyzer.score($0).sentiment })
        #expect(records.map(\.evidence) == texts.map { analyzer.score($0, explain: true).evidence })
    }

    @Test func userLexiconChangesScores() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("mine.tsv", "term\tvalence\nzorgle\t3\ngood\t-2\n")
        let records = try runSavy(["score", "--lexicon", path, "zorgle", "good"]).records()
        #expect(records.map(\.label) == [.positive, .negative])
    }

    @Test func malformedLexiconFailsNamingFileAndLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("mine.tsv", "term\tvalence\nzorgle\t3\ngood\tgreat\n")
        let run = try runSavy(["score", "--lexicon", path, "good"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("\(path):3:"))
        #expect(run.stdout.isEmpty)
    }

    @Test func missingTextsAreAUsageError() throws {
        let run = try runSavy(["score"])
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        #expect(!run.stderr.isEmpty)
    }

    @Test func unreadableInputFails() throws {
        let run = try runSavy(["score", "--input", "/nonexistent/savy-input.txt"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("/nonexistent/savy-input.txt"))
    }
}
