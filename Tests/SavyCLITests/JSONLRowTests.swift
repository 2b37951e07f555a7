import Savy
@testable import SavyCLI
import Testing

@Suite("JSONL rows")
struct JSONLRowTests {
    func parse(_ line: String) -> Result<JSONLRow, JSONLRow.Problem> { JSONLRow.parse(Array(line.utf8)) }

    func problem(_ line: String) -> JSONLRow.Problem? {
        if case .failure(let problem) = parse(line) { return problem }
        return nil
    }

    @Test func readsTheFieldsSavyUsesAndSkipsTheRest() throws {
        let line = #"{"meta": {"a": [1, -2.5e3, true, null, {"b": "c"}]}, "id": 42, "role": "Agent", "text": "Hei Maria", "customerName": "Maria Virtanen", "previousCustomerTurn": "laturi ei toimi"}"#
        let row = try parse(line).get()
        #expect(row.text == "Hei Maria")
        guard case .number(42) = row.id else { Issue.record("id \(String(describing: row.id))"); return }
        #expect(row.context?.speaker == .agent)
        #expect(row.context?.customerName == "Maria Virtanen")
        #expect(row.context?.previousCustomerTurn == "laturi ei toimi")
    }

    @Test func unescapesStrings() throws {
        let row = try parse(#"{"text": "say \"hi\"\n\u00e4 \ud83d\ude00 \/ \\"}"#).get()
        #expect(row.text == "say \"hi\"\nä 😀 / \\")
    }

    @Test func idIsAnIntegerOrAStringElseAbsent() throws {
        guard case .text("r-7") = try parse(#"{"id": "r-7", "text": "x"}"#).get().id else { Issue.record("string id"); return }
        #expect(try parse(#"{"id": 1.5, "text": "x"}"#).get().id == nil)
        #expect(try parse(#"{"id": null, "text": "x"}"#).get().id == nil)
        #expect(try parse(#"{"text": "x"}"#).get().context == nil)
    }

    @Test func problemsNameTheirColumn() {
        #expect(problem(#"{"text": "a",}"#)?.column == 14)
        #expect(problem(#"{"text": "abc""#)?.message == "invalid JSON: expected ',' or '}', found the end of the line")
        #expect(problem(#"{"text": "abc""#)?.column == 15)
        #expect(problem(#"{"text": "a"} x"#)?.column == 15)
        #expect(problem(#"{"text": "a", "n": 01}"#)?.column == 21)
        #expect(problem(#"{"text": "a", "n": tru}"#)?.column == 20)
        #expect(problem(#"{"text" "a"}"#)?.message == "invalid JSON: expected ':' after the field name, found '\"'")
        #expect(problem(#"{"text": "\q"}"#)?.column == 11)
        #expect(problem(#"{"text": "\ud83d"}"#)?.message.contains("lone surrogate") == true)
        #expect(problem(#"{"text": "a"#)?.column == 10)  // the unclosed string's quote
        #expect(problem("")?.message == "invalid JSON: the line holds no JSON value")
    }

    @Test func rowsThatAreNotUsableSaySo() {
        #expect(problem("[1, 2]") == JSONLRow.Problem(message: "a JSONL row must be a JSON object", column: 1))
        #expect(problem(#"{"text": 5}"#)?.message == "no \"text\" string in the row")
        #expect(problem(#"{"text": "  "}"#)?.message == "empty text")
        #expect(problem(#"{"text": "x", "role": "bot"}"#)?.message == "role 'bot' is neither agent nor customer")
    }

    @Test func rawControlCharactersAndBadUTF8AreErrors() {
        let tab = problem("{\"text\": \"a\tb\"}")
        #expect(tab?.message == "invalid JSON: a control character must be escaped in a string")
        #expect(tab?.column == 12)
        let bytes: [UInt8] = Array(#"{"text": "ok "#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        guard case .failure(let bad) = JSONLRow.parse(bytes) else { Issue.record("invalid UTF-8 accepted"); return }
        #expect(bad.message == "invalid JSON: invalid UTF-8 in a string")
        #expect(bad.column == 14)
    }
}
