import Foundation
import Savy
@testable import SavyCLI
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
    func written(_ analysis: Analysis, id: RowID = .number(1)) -> [UInt8] {
        var writer = JSONWriter()
        writer.analysis(analysis, id: id)
        return writer.bytes
    }

    @Test func analysisDecodesBackToAnEqualAnalysis() throws {
        let analyzer = try Analyzer()
        var analyses = [
            "The agent was very helpful, thanks! :) 👍🏽",
            "I don't think it's good, but at least it's CHEAP!!!",
            "",
            "Hyvää päivää",
        ].flatMap { [analyzer.score($0, explain: true), analyzer.score($0)] }
        let invalid: [UInt8] = [0x67, 0x6F, 0x6F, 0x64, 0x20, 0xFF, 0x22, 0x0A]
        analyses.append(invalid.withUnsafeBytes { analyzer.score(utf8: $0, explain: true) })
        #expect(analyses.contains { $0.warnings != nil })
        #expect(analyses.contains { ($0.evidence?.count ?? 0) > 2 })
        for analysis in analyses {
            let bytes = written(analysis)
            #expect(bytes.last == 0x0A)
            #expect(bytes.dropLast().allSatisfy { $0 != 0x0A }, "one record per line")
            #expect(try JSONDecoder().decode(Analysis.self, from: Data(bytes)) == analysis)
        }
    }

    @Test func stringsWithQuotesNewlinesAndControlCharactersAreEscaped() throws {
        let nasty = "say \"hi\" \\ back\nline\r\ttab \u{0}\u{1}\u{1B}\u{1F}\u{7F} ä 👍🏽"
        let analysis = Analysis(
            language: .english,
            sentiment: Sentiment(compound: -0.0001, positive: 0.25, neutral: 0.5, negative: 0.25),
            evidence: [Evidence(kind: .phrase, text: nasty, range: .init(start: 0, end: 3), target: "\"",
                                targetRange: .init(start: 1, end: 2), effect: -1.2345, source: nasty)],
            warnings: [TextWarning(kind: .invalidUTF8, count: 2, byteOffset: 7)])
        let bytes = written(analysis)
        #expect(bytes.dropLast().allSatisfy { $0 >= 0x20 }, "raw control byte in the output")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#"\u0000\u0001\u001b\u001f"#))
        #expect(text.contains(#"say \"hi\" \\ back\nline\r\ttab"#))
        #expect(try JSONDecoder().decode(Analysis.self, from: Data(bytes)) == analysis)
    }

    /// The writer stores through a pointer with no check per field: a record far larger than
    /// the buffer, in long strings and in many short records, must grow it, not overrun it.
    @Test func recordsLargerThanTheBufferGrowIt() throws {
        let long = String(repeating: "\"quoted\" \u{1} ", count: 3_000)
        let evidence = (0..<400).map { (i: Int) -> Evidence in
            let text: String = i % 100 == 0 ? long : "w\(i)"
            let range = Evidence.ByteRange(start: i, end: i + 1)
            return Evidence(kind: .lexicon, text: text, range: range, target: "t", targetRange: range,
                            effect: Double(i) / 10_000, source: "s", term: "t", marker: nil)
        }
        let warnings = (0..<2_000).map { TextWarning(kind: .invalidUTF8, count: $0, byteOffset: $0) }
        let analysis = Analysis(language: .finnish, sentiment: Sentiment(compound: 0.5, positive: 1, neutral: 0, negative: 0),
                                evidence: evidence, warnings: warnings)
        var writer = JSONWriter(buffer: ByteBuffer(capacity: 64))
        writer.analysis(analysis, id: .text(long))
        writer.analysis(analysis, id: .number(2))
        let lines = writer.bytes.split(separator: 0x0A)
        #expect(lines.count == 2)
        for line in lines {
            #expect(try JSONDecoder().decode(Analysis.self, from: Data(line)) == analysis)
        }
    }

    @Test func warningsCarryAOneBasedColumn() throws {
        let analysis = Analysis(language: .english, sentiment: Sentiment(compound: 0, positive: 0, neutral: 1, negative: 0),
                                warnings: [TextWarning(kind: .invalidUTF8, count: 1, byteOffset: 5)])
        let object = try JSONSerialization.jsonObject(with: Data(written(analysis, id: .number(9)))) as? [String: Any]
        #expect(object?["id"] as? Int == 9)
        let warnings = try #require(object?["warnings"] as? [[String: Any]])
        #expect(warnings.first?["byteOffset"] as? Int == 5)
        #expect(warnings.first?["column"] as? Int == 6)
    }

    @Test func errorRecordHasMessageAndPlace() throws {
        var writer = JSONWriter()
        writer.error("line is \"long\"\n", id: .text("row\t7"), file: "in\\put.txt", line: 7, column: 1)
        writer.error("empty text", id: .number(8), file: nil, line: 8, column: 1)
        let lines = writer.bytes.split(separator: 0x0A)
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0])) as? [String: Any])
        #expect(first["id"] as? String == "row\t7")
        let error = try #require(first["error"] as? [String: Any])
        #expect(error["message"] as? String == "line is \"long\"\n")
        #expect(error["file"] as? String == "in\\put.txt")
        #expect(error["line"] as? Int == 7)
        #expect(error["column"] as? Int == 1)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1])) as? [String: Any])
        #expect((second["error"] as? [String: Any])?["file"] == nil)
    }

    /// Scores are rounded to four decimals and printed from integers: the text must be what
    /// Swift's own shortest form gives, for every such value in [-2, 2].
    @Test func fourDecimalNumbersPrintAsSwiftPrintsThem() {
        var mismatches: [String] = []
        for k in -20_000...20_000 {
            let value = Double(k) / 10_000
            var writer = JSONWriter()
            writer.number(value)
            let expected = value == value.rounded() ? String(Int(value)) : value.description
            let written = String(decoding: writer.bytes, as: UTF8.self)
            if written != expected { mismatches.append("\(k): \(written) vs \(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test(arguments: [0.0, 1, -1, 0.4404, -0.0001, 0.1 + 0.2, 12345.6789, 1e-7])
    func numbersRoundTrip(value: Double) throws {
        var writer = JSONWriter()
        writer.raw("[")
        writer.number(value)
        writer.raw("]")
        let decoded = try JSONDecoder().decode([Double].self, from: Data(writer.bytes))
        #expect(decoded == [value])
    }
}
