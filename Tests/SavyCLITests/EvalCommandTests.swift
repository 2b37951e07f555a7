import Foundation
import Savy
@testable import SavyCLI
import Testing

@Suite("savy eval")
struct EvalCommandTests {
    /// Clear-cut texts, with one deliberately wrong gold label ("bad" as positive):
    /// predicted positive, positive, negative, negative, neutral, negative.
    static let labelled = """
        text\tlabel
        good\tpositive
        great\tpositive
        bad\tnegative
        terrible\tnegative
        the table\tneutral
        bad\tpositive

        """

    /// Gold numbers whose classes (neutral within ±0.2) agree with the predictions.
    static let numericTexts = ["good", "bad", "the table", "great", "terrible"]
    static let numericGold = [2.0, -2.5, 0.1, 3, -3]
    static var numeric: String {
        "text\tmean_rating\n" + zip(numericTexts, numericGold).map { "\($0)\t\($1)\n" }.joined()
    }

    func json(_ run: SavyRun) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout))
        return try #require(object as? [String: Any])
    }

    @Test func labelledFilePrintsMacroF1() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("labelled.tsv", Self.labelled)
        let run = try runSavy(["eval", path])
        #expect(run.status == 0)
        let text = String(decoding: run.stdout, as: UTF8.self)
        // Per class F1: positive 0.8, neutral 1, negative 0.8 -> macro 13/15; accuracy 5/6.
        #expect(text.contains("macro-F1: 0.867"))
        #expect(text.contains("accuracy: 0.833"))
        #expect(!text.contains("Pearson"))
    }

    @Test func labelledFileJSONHasTheFigures() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("labelled.tsv", Self.labelled)
        let run = try runSavy(["eval", path, "--json"])
        #expect(run.status == 0)
        let object = try json(run)
        for key in ["macroF1", "accuracy", "confusion", "perClass"] {
            #expect(object[key] != nil, "no \(key)")
        }
        #expect(object["pearson"] == nil)
        #expect(abs(try #require(object["macroF1"] as? Double) - 13.0 / 15.0) < 1e-9)
        #expect(abs(try #require(object["accuracy"] as? Double) - 5.0 / 6.0) < 1e-9)
        let confusion = try #require(object["confusion"] as? [String: [String: Int]])
        #expect(confusion["positive"] == ["positive": 2, "neutral": 0, "negative": 1])
        #expect(confusion["neutral"] == ["positive": 0, "neutral": 1, "negative": 0])
        #expect(confusion["negative"] == ["positive": 0, "neutral": 0, "negative": 2])
        let perClass = try #require(object["perClass"] as? [String: [String: Double]])
        #expect(perClass["positive"]?["precision"] == 1)
        #expect(abs((perClass["positive"]?["recall"] ?? 0) - 2.0 / 3.0) < 1e-9)
        #expect(abs((perClass["negative"]?["f1"] ?? 0) - 0.8) < 1e-9)
        #expect(object["rows"] as? Int == 6)
        #expect(object["goldColumn"] as? String == "label")
    }

    @Test func numericGoldPrintsPearson() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("rated.tsv", Self.numeric)
        let run = try runSavy(["eval", path])
        #expect(run.status == 0)
        let text = String(decoding: run.stdout, as: UTF8.self)
        #expect(text.contains("Pearson r"))
        #expect(text.contains("macro-F1: 1.000"))
    }

    @Test func numericGoldJSONHasPearsonOfTheLibrarysScores() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("rated.tsv", Self.numeric)
        let object = try json(try runSavy(["eval", path, "--json"]))
        for key in ["macroF1", "accuracy", "confusion", "perClass", "pearson"] {
            #expect(object[key] != nil, "no \(key)")
        }
        #expect(object["goldColumn"] as? String == "mean_rating")
        let compounds = try Analyzer().score(Self.numericTexts).map(\.sentiment.compound)
        let expected = try #require(Metrics.pearson(compounds, Self.numericGold))
        #expect(abs(try #require(object["pearson"] as? Double) - expected) < 1e-9)
        #expect(object["macroF1"] as? Double == 1)
    }

    @Test func goldColumnCanBeNamed() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("two.tsv", "text\tlabel\tother\ngood\tnegative\tpositive\nbad\tpositive\tnegative\n")
        let object = try json(try runSavy(["eval", path, "--gold-column", "other", "--json"]))
        #expect(object["goldColumn"] as? String == "other")
        #expect(object["accuracy"] as? Double == 1)
    }

    @Test func badGoldLabelFailsNamingTheLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.file("bad.tsv", "text\tlabel\ngood\tpositive\nbad\tawful\n")
        let run = try runSavy(["eval", path])
        #expect(run.status != 0)
        #expect(run.stderr.contains("\(path):3"))
    }
}
