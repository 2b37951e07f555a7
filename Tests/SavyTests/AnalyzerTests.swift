import Foundation
import Savy
import Testing

@Suite("Analyzer API")
struct AnalyzerTests {
    @Test func analysisSurvivesAJSONRoundTrip() throws {
        let a = try builtIn()
        var analyses = varietyOfTexts.map { a.score($0, explain: true) } + varietyOfTexts.map { a.score($0) }
        analyses.append(a.score(bytes: [0x67, 0x6F, 0x6F, 0x64, 0x20, 0xFF], explain: true))
        #expect(analyses.contains { $0.warnings != nil })
        for analysis in analyses {
            let data = try JSONEncoder().encode(analysis)
            #expect(try JSONDecoder().decode(Analysis.self, from: data) == analysis)
        }
    }

    /// Texts for the batch tests: strings, empty strings and invalid UTF-8.
    static let batchInput: [[UInt8]] = varietyOfTexts.map { Array($0.utf8) } + [
        [0x67, 0x6F, 0x6F, 0x64, 0x20, 0xFF],
        [],
        [0xFF, 0xFE],
        Array("bad".utf8),
        [0xC3],
        [],
    ]

    @Test func batchScoresEqualSingleScores() throws {
        let a = try builtIn()
        var batch = TextBatch()
        for text in Self.batchInput { batch.append(utf8: text) }
        #expect(batch.count == Self.batchInput.count)
        for explain in [false, true] {
            let single = Self.batchInput.map { a.score(bytes: $0, explain: explain) }
            #expect(a.score(batch, explain: explain) == single)
        }
    }

    @Test func stringSequenceScoresEqualSingleScores() throws {
        let a = try builtIn()
        let texts = varietyOfTexts + ["", "good", ""]
        #expect(a.score(texts, explain: true) == texts.map { a.score($0, explain: true) })
    }

    @Test func emptyBatchGivesNoAnalyses() throws {
        let a = try builtIn()
        #expect(a.score(TextBatch()).isEmpty)
        #expect(a.score([String]()).isEmpty)
    }

    @Test func batchOfOnlyEmptyTextsIsNeutral() throws {
        let a = try builtIn()
        let analyses = a.score(["", "", ""], explain: true)
        #expect(analyses.count == 3)
        #expect(analyses.allSatisfy { $0.sentiment.compound == 0 && $0.sentiment.label == .neutral && $0.sentimentEvidence == [] })
    }

    @Test func textBatchKeepsEachTextsBytes() {
        var batch = TextBatch()
        batch.append("good")
        batch.append(utf8: [0xFF, 0x00])
        batch.append("")
        #expect(batch.count == 3)
        #expect(batch.byteCount == 6)
        #expect(Array(batch[0]) == Array("good".utf8))
        #expect(Array(batch[1]) == [0xFF, 0x00])
        #expect(batch[2].isEmpty)
        batch.removeAll()
        #expect(batch.isEmpty)
        #expect(batch.byteCount == 0)
    }

    @Test func concurrentScoringMatchesSerialScoring() async throws {
        let a = try builtIn()
        let texts = varietyOfTexts
        let serial = texts.map { a.score($0, explain: true) }
        let results = await withTaskGroup(of: [Analysis].self) { group in
            for task in 0..<8 {
                group.addTask {
                    var out: [Analysis] = []
                    for _ in 0..<20 {
                        out = task.isMultiple(of: 2)
                            ? texts.map { a.score($0, explain: true) }
                            : a.score(texts, explain: true)
                    }
                    return out
                }
            }
            var all: [[Analysis]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 8)
        for result in results { #expect(result == serial) }
    }

    @Test(arguments: [
        (0.05, SentimentLabel.positive), (0.0499, .neutral), (0, .neutral), (-0.0499, .neutral),
        (-0.05, .negative), (1, .positive), (-1, .negative),
    ])
    func labelFollowsTheThreshold(compound: Double, label: SentimentLabel) {
        #expect(SentimentLabel(compound: compound) == label)
        #expect(Sentiment(compound: compound, positive: 0, neutral: 1, negative: 0).label == label)
    }

    @Test func everyAnalysisHasTheLabelOfItsCompound() throws {
        let a = try builtIn()
        for text in varietyOfTexts {
            let s = a.score(text).sentiment
            #expect(s.label == SentimentLabel(compound: s.compound), "\(text)")
        }
        #expect(SentimentLabel.threshold == 0.05)
    }

    @Test func invariantsHoldForAVarietyOfTexts() throws {
        let a = try builtIn()
        for text in varietyOfTexts {
            expectInvariants(a.score(text, explain: true), text: Array(text.utf8))
            expectInvariants(a.score(text), text: Array(text.utf8))
        }
    }

    @Test func scoresDoNotDependOnExplain() throws {
        let a = try builtIn()
        for text in varietyOfTexts {
            #expect(a.score(text).sentiment == a.score(text, explain: true).sentiment, "\(text)")
            #expect(a.score(text).sentimentEvidence == nil)
        }
    }

    @Test func proportionsFollowTheWords() throws {
        let a = try builtIn()
        let positive = a.score("good").sentiment
        #expect(positive.positive == 1 && positive.negative == 0 && positive.neutral == 0)
        let mixed = a.score("the good and the bad").sentiment
        #expect(mixed.positive > 0 && mixed.negative > 0 && mixed.neutral > 0)
        #expect(a.score("the table").sentiment.neutral == 1)
    }

    @Test func languageIsDetectedPerText() throws {
        let a = try builtIn()
        let english = a.score("The agent was really helpful with my order")
        #expect(english.language == .english)
        #expect(english.languageConfidence > 0.9)
        let finnish = a.score("Tilaukseni ei ole vieläkään saapunut ja odotan vastausta")
        #expect(finnish.language == .finnish)
        #expect(finnish.languageConfidence > 0.9)
        // No words, or no evidence either way: undetermined, scored with English rules.
        let emoji = a.score("👍")
        #expect(emoji.language == .undetermined)
        #expect(emoji.languageConfidence == 0)
        #expect(emoji.sentiment.compound > 0)
    }

    /// Letters and function words say nothing about "Hienoa." or "Sad.": the sentiment word
    /// that only one language's lexicon knows decides, and the text is scored in that language.
    @Test func theLexiconsSettleATextTheCuesLeaveOpen() throws {
        let a = try builtIn()
        for text in ["Hienoa.", "Kiva nimi.", "Onnea."] {
            let analysis = a.score(text)
            #expect(analysis.language == .finnish, "\(text)")
            #expect(analysis.languageConfidence > 0.5 && analysis.languageConfidence < 1, "\(text)")
            #expect(analysis.sentiment.compound > 0, "\(text)")
        }
        let sad = a.score("Sad.")
        #expect(sad.language == .english)
        #expect(sad.sentiment.compound < 0)
        // No sentiment word either way: still undetermined.
        #expect(a.score("Sama juttu.").language == .undetermined)
    }

    @Test func aFixedLanguageIsUsedForEveryText() throws {
        let a = try Analyzer(configuration: .init(language: .english))
        for text in ["good", "Tilaukseni ei ole saapunut", "👍"] {
            let analysis = a.score(text)
            #expect(analysis.language == .english)
            #expect(analysis.languageConfidence == 1)
        }
        // Nothing Finnish is loaded for it: start-up builds English alone.
        #expect(a.lexiconEntryCount(for: .finnish) == 0)
        #expect(!a.usesVoikko)
        #expect(try Analyzer().lexiconEntryCount(for: .finnish) > 4000)
    }
}
