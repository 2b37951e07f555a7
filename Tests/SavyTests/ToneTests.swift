import CSavyKernel
import Foundation
import Savy
import SavyLexiconFormat
import Testing

private let english = Result { () throws(LexiconError) -> Analyzer in try Analyzer(configuration: .init(language: .english)) }

private func score(_ text: String, _ context: TurnContext? = nil) throws -> Analysis {
    try english.get().score(text, context: context)
}

@Suite("Tone")
struct ToneTests {
    @Test func cueOrderMatchesTheKernel() {
        #expect(LexiconFile.Cue.allCases.count == Int(CSavyKernel_CueCount.rawValue))
        #expect(PolitenessStrategy.allCases.count == Int(CSavyKernel_StrategyCount.rawValue))
    }

    @Test func pleaseOpeningASentenceIsADemand() throws {
        let middle = try score("Could you please check my order?")
        let start = try score("Please check my order.")
        #expect(middle.politeness.strategies.contains(.please))
        #expect(start.politeness.strategies.contains(.pleaseStart))
        #expect(!start.politeness.strategies.contains(.please))
    }

    @Test func indirectRequestIsPoliterThanACommand() throws {
        #expect(try score("Could you send me the invoice?").tone.politeness > score("Send me the invoice.").tone.politeness)
        #expect(try score("Send me the invoice.").politeness.strategies.contains(.command))
    }

    @Test func negationCancelsAnApologyAndSatisfaction() throws {
        #expect(try score("I'm sorry for the delay.").politeness.strategies.contains(.apology))
        #expect(try !score("I'm not sorry for the delay.").politeness.strategies.contains(.apology))
        let unhappy = try score("I am not happy with this service.")
        #expect(unhappy.tone.satisfaction < Tone.present)
        #expect(unhappy.tone.frustration > 0)
    }

    @Test func namedFeelingsInAnEmpathicSentenceAreTheCustomers() throws {
        let agent = try score("I can imagine how frustrating this must be.")
        #expect(agent.empathy.interpretation == 2)
        #expect(agent.tone.frustration < Tone.present)
        #expect(try score("This is so frustrating, nothing works.").tone.frustration >= Tone.present)
    }

    @Test func shoutingCountsRunsNotAcronyms() throws {
        let acronym = try score("My PIN and SMS code do not arrive.")
        #expect(acronym.tone.shouting.capsWords == 0)
        let shout = try score("WHERE IS MY ORDER?? I paid!!")
        #expect(shout.tone.shouting.capsWords == 4)
        #expect(shout.tone.shouting.questionRuns == 1)
        #expect(shout.tone.shouting.exclamationRuns == 1)
        #expect(shout.tone.shouting.score >= Tone.present)
        #expect(shout.politeness.strategies.contains(.shouting))
    }

    @Test func profanityListsTheWordsAsWritten() throws {
        let a = try score("This damn app is shit.")
        #expect(a.tone.profanity == ["damn", "shit"])
        #expect(a.politeness.strategies.contains(.swearing))
        #expect(a.tone.anger > 0)
    }

    @Test func empathyMechanismsHaveLevels() throws {
        #expect(try score("Sorry about that.").empathy.emotionalReaction == 1)
        #expect(try score("I'm so sorry to hear that.").empathy.emotionalReaction == 2)
        #expect(try score("I understand.").empathy.interpretation == 1)
        #expect(try score("What happened?").empathy.exploration == 1)
        #expect(try score("What happened when you tried to log in this morning?").empathy.exploration == 2)
        #expect(try score("Here is what we did.").empathy.exploration == 0)  // a single word explores only in a question
    }

    @Test func caringAndUncaring() throws {
        let caring = try score("I'll make sure this gets fixed today. Don't worry, your money is safe.")
        #expect(caring.empathy.ownership && caring.empathy.reassurance)
        let uncaring = try score("You should have read the terms. Per our policy that's not our problem.")
        #expect(uncaring.empathy.blame && uncaring.empathy.policyRefusal && uncaring.empathy.dismissal)
        #expect(caring.empathy.score > uncaring.empathy.score)
        #expect(uncaring.empathy.score == 0)
    }

    @Test func personalisationNeedsTheNameOrTheCustomersWords() throws {
        let text = "Thanks Maria, I have refunded the duplicate charge."
        #expect(try !score(text).empathy.personalisation)
        #expect(try score(text, TurnContext(speaker: .agent, customerName: "Maria Virtanen")).empathy.personalisation)
        let previous = "I was charged twice for the same subscription renewal"
        let echo = "I see the subscription renewal was charged twice; I have refunded it."
        #expect(try score(echo, TurnContext(previousCustomerTurn: previous)).empathy.personalisation)
        let topicOnly = "Your subscription is active."
        #expect(try !score(topicOnly, TurnContext(previousCustomerTurn: previous)).empathy.personalisation)
        #expect(try score("You mentioned the renewal date; it is the 5th.").empathy.personalisation)
    }

    @Test func toneEvidenceNamesTheMarker() throws {
        let evidence = try english.get().score("Thanks, could you check it?", explain: true).evidence ?? []
        let gratitude = evidence.first { $0.kind == .tone && $0.marker == "gratitude" }
        #expect(gratitude?.text == "Thanks")
        #expect(evidence.contains { $0.kind == .strategy && $0.marker == "indirectRequest" && $0.text == "could you" })
        #expect(!evidence.filter { !$0.kind.isSentiment }.isEmpty)
    }
}

@Suite("Tone lexicons")
struct ToneLexiconTests {
    @Test func userCueLexiconAddsAndRemovesCues() throws {
        let text = "term\tcue\tweight\nzorgle\tanger\t0.9\nthanks\tgratitude\tremove\n"
        let a = try Analyzer(configuration: .init(lexicons: [LexiconSource(name: "mine.tsv", text: text)], language: .english))
        #expect(a.score("zorgle").tone.anger >= 0.9 - 1e-4)
        #expect(a.score("thanks").tone.gratitude == 0)
    }

    @Test func badCueLinesNameTheirPlace() throws {
        let unknown = try #require(loadError("term\tcue\tweight\nzorgle\tjoy\t0.5\n"))
        #expect(unknown.line == 2 && unknown.column == 8)
        let range = try #require(loadError("term\tcue\tweight\nzorgle\tanger\t1.5\n"))
        #expect(range.line == 2 && range.column == 14 && range.message.contains("(0, 1]"))
        let level = try #require(loadError("term\tcue\tweight\nzorgle\tinterpretation\t3\n"))
        #expect(level.message.contains("1 or 2"))
        let duplicate = try #require(loadError("term\tcue\tweight\nzorgle\tanger\t0.5\nZorgle\tanger\t0.6\n"))
        #expect(duplicate.line == 3)
    }
}

private let finnishAnalyzer = Result { () throws(LexiconError) -> Analyzer in try Analyzer(configuration: .init(language: .finnish)) }

@Suite("Tone, Finnish morphology", .enabled(if: (try? finnishAnalyzer.get())?.usesVoikko ?? false, "needs Voikko"))
struct FinnishToneTests {
    @Test func morphologyStrategiesSurviveABatch() throws {
        // Evidence of a strategy read from morphology must not point into per-text buffers,
        // which the batch's next text overwrites.
        let texts = ["Lähettäkää kuitti.", "Katsopa sähköpostisi, ja ilmoita jos linkki ei toimi."]
        let analyses = try finnishAnalyzer.get().score(TextBatch(texts), explain: true)
        let first = analyses[0].evidence ?? []
        let command = try #require(first.first { $0.marker == "command" })
        #expect(command.text == "Lähettäkää")
        #expect(command.term == nil)
        #expect(first.contains { $0.marker == "formalAddress" })
        #expect(analyses[1].politeness.strategies.contains(.softenedCommand))
        for evidence in analyses.flatMap({ $0.evidence ?? [] }) {
            #expect(!(evidence.term ?? "").contains("\u{FFFD}"), "\(evidence)")
        }
    }
}

@Suite("Politeness strategies as a set")
struct PolitenessStrategiesTests {
    @Test func iteratesInDeclarationOrderWithoutDuplicates() {
        var set: PolitenessStrategies = [.shouting, .gratitude, .shouting]
        #expect(Array(set) == [.gratitude, .shouting])
        #expect(set.count == 2)
        #expect(set.insert(.gratitude).inserted == false)
        #expect(set.insert(.apology).inserted == true)
        #expect(Array(set) == [.gratitude, .apology, .shouting])
        #expect(set.remove(.gratitude) == .gratitude)
        #expect(set.remove(.gratitude) == nil)
        #expect(!set.contains(.gratitude) && set.contains(.apology))
        #expect(PolitenessStrategies(PolitenessStrategy.allCases).count == PolitenessStrategy.allCases.count)
    }

    @Test func encodesAsAnArrayOfNames() throws {
        let politeness = Politeness(strategies: [.please, .apology])
        let json = try JSONEncoder().encode(politeness)
        #expect(String(decoding: json, as: UTF8.self) == #"{"strategies":["apology","please"]}"#)
        #expect(try JSONDecoder().decode(Politeness.self, from: json) == politeness)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Politeness.self, from: Data(#"{"strategies":["notAStrategy"]}"#.utf8))
        }
    }

    @Test func kernelBitsMapToTheSameStrategies() throws {
        // The kernel's bit k is PolitenessStrategy.allCases[k]: "please" inside a request.
        let analysis = try score("Could you please check my order?")
        #expect(analysis.politeness.strategies.contains(.please))
        #expect(PolitenessStrategies(rawValue: 1 << UInt32(CSavyKernel_StrategyPlease.rawValue)) == [.please])
    }
}
