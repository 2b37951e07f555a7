import Savy
import Testing

// Each rule is checked with a minimal pair (the text with and without what triggers it) and
// with the evidence record that names the rule, so that removing the rule fails the test.

@Suite("Negation")
struct NegationTests {
    @Test func notFlipsTheSignOfTheWordItNegates() throws {
        let a = try builtIn()
        #expect(a.compound("good") > 0)
        #expect(a.compound("not good") < 0)
        let negation = a.evidence("not good").of(.negation)
        try #require(negation.count == 1)
        #expect(negation[0].text == "not")
        #expect(negation[0].range == byteRange(of: "not", in: "not good"))
        #expect(negation[0].target == "good")
        #expect(negation[0].targetRange == byteRange(of: "good", in: "not good"))
        #expect(negation[0].effect < 0)
    }

    @Test func negationReachesAWordLaterInTheClause() throws {
        let a = try builtIn()
        let text = "I don't think it's good"
        #expect(a.compound("I think it's good") > 0)
        #expect(a.compound(text) < 0)
        let negation = a.evidence(text).of(.negation)
        try #require(negation.count == 1)
        #expect(negation[0].text == "don't")
        #expect(negation[0].range == byteRange(of: "don't", in: text))
        #expect(negation[0].target == "good")
    }

    @Test func aNegatedBadWordIsWeakenedNotTurnedIntoPraise() throws {
        let a = try builtIn()
        // "Not good" is bad, but "not bad" alone is not good: the bad word keeps its sign,
        // at less than when asserted. Under a flip these came out positive.
        #expect(a.compound("I feel scared") < a.compound("I don't feel scared"))
        #expect(a.compound("I don't feel scared") < 0)
        #expect(a.compound("The agent was not rude") < 0)
        let negation = a.evidence("I don't feel scared").of(.negation)
        try #require(negation.count == 1)
        #expect(negation[0].target == "scared")
        #expect(negation[0].effect > 0)
    }

    @Test func litotesAndReassuranceArePhrasesThatMeanWell() throws {
        let a = try builtIn()
        for text in ["not bad", "not too bad", "No problem!", "not a problem", "no worries"] {
            #expect(a.compound(text) > 0, "\(text)")
            #expect(a.evidence(text).of(.negation).isEmpty, "\(text)")
            #expect(!a.evidence(text).of(.phrase).isEmpty, "\(text)")
        }
    }

    @Test func negationScopeEndsAtAClauseBoundary() throws {
        let a = try builtIn()
        // Without the comma "No" negates "good"; with it, the scope closes before "good".
        #expect(a.compound("No it is good") < 0)
        #expect(!a.evidence("No it is good").of(.negation).isEmpty)
        #expect(a.compound("No, it is good") > 0)
        #expect(a.evidence("No, it is good").of(.negation).isEmpty)
    }

    @Test func noAloneIsNegative() throws {
        let a = try builtIn()
        let text = "No."
        #expect(a.compound(text) < 0)
        let evidence = a.evidence(text)
        #expect(evidence.of(.negation).isEmpty)
        #expect(evidence.of(.lexicon).map(\.text) == ["No"])
    }

    @Test func noSpentOnNegatingIsNotNegativeAsWell() throws {
        let a = try builtIn()
        let text = "no help"
        #expect(a.compound("help") > 0)
        #expect(a.compound(text) < 0)
        let evidence = a.evidence(text)
        // "no" spends itself negating "help"; its own valence does not count as well.
        #expect(!evidence.contains { $0.kind == .lexicon && $0.text == "no" })
        #expect(a.compound("no problems here") > a.compound("problems here"))
        let negation = evidence.of(.negation)
        try #require(negation.count == 1)
        #expect(negation[0].text == "no")
        #expect(negation[0].target == "help")
    }

    @Test func aProhibitionOfSomethingBadIsNoPraise() throws {
        let a = try builtIn()
        // "Don't be rude" reproaches: the rudeness keeps its sign, at less than "You are rude".
        #expect(a.compound("You are rude") < a.compound("Don't be rude"))
        #expect(a.compound("Don't be rude") < 0)
        let prohibition = a.evidence("Don't be rude").of(.prohibition)
        try #require(prohibition.count == 1)
        #expect(prohibition[0].text == "Don't")
        #expect(prohibition[0].target == "rude")
        #expect(a.evidence("Don't be rude").of(.negation).isEmpty)
        // Opening a clause after "please", a comma or "do".
        #expect(a.compound("Please don't be rude") < a.compound("Please"))
        #expect(a.evidence("No, do not be rude").of(.prohibition).map(\.text) == ["not"])
        // With a subject it is a statement or a question: plain negation, not a prohibition.
        #expect(a.evidence("I don't feel bad").of(.prohibition).isEmpty)
        #expect(a.evidence("I don't feel bad").of(.negation).count == 1)
        #expect(a.evidence("Don't you feel bad?").of(.prohibition).isEmpty)
        // A good thing prohibited is still denied.
        #expect(a.compound("Don't be happy") < 0)
    }

    @Test func reassuranceAndRemindersAreNoProhibitions() throws {
        let a = try builtIn()
        #expect(a.compound("Don't worry") > 0)
        #expect(a.evidence("Don't worry").of(.phrase).compactMap(\.term) == ["don't worry"])
        #expect(a.compound("Please do not hesitate to contact us") > 0)
        #expect(a.compound("Don't forget your receipt") == 0)
    }

    @Test func aProhibitionOfTheHearersBadFeelingConsoles() throws {
        let a = try builtIn()
        // "Don't be sad" comforts; "Don't be rude" (no feeling) and "I'm not sad" do not.
        #expect(a.compound("Don't be sad") > 0)
        #expect(a.compound("Don't be so nervous about it") > 0)
        let consoled = a.evidence("Don't be sad").of(.reassurance)
        try #require(consoled.count == 1)
        #expect(consoled[0].text == "Don't")
        #expect(consoled[0].target == "sad")
        #expect(a.score("Don't be sad").empathy.reassurance)
        #expect(a.compound("Don't be rude") < 0)
        #expect(a.compound("I'm not sad") < 0)
        #expect(a.evidence("I'm not sad").of(.reassurance).isEmpty)
        // "No need" consoles as a prohibition does, its scope counted from the verb's complement.
        #expect(a.compound("You don't need to worry about it") > 0)
        #expect(a.compound("No need to be sorry") > 0)
        #expect(a.compound("You mustn't worry") > 0)
    }

    @Test func liftingTheHearersBurdenReassures() throws {
        let a = try builtIn()
        #expect(a.score("You don't need to do anything else").empathy.reassurance)
        #expect(a.score("He doesn't need to come in").empathy.reassurance)
        #expect(a.score("You don't have to do anything").empathy.reassurance)
        #expect(a.compound("You don't have to worry about that") > 0)
        // The speaker's own need, a reproach, and a plain negation are not reassurance.
        #expect(!a.score("I don't need to do anything else").empathy.reassurance)
        #expect(!a.score("You don't need to be rude").empathy.reassurance)
        #expect(!a.score("You don't have an account").empathy.reassurance)
        // "No need" refuses nothing: it is not the negative "No."
        #expect(a.compound("No need") == 0)
        #expect(a.compound("No") < 0)
        // "No need for that" may rebuke: no reassurance, and its "no" counts.
        #expect(!a.score("There's no need for that.").empathy.reassurance)
        #expect(a.compound("There's no need for that.") < 0)
    }

    @Test func negationEvidenceNamesTheModifiersFileAsItsSource() throws {
        let a = try builtIn()
        #expect(a.evidence("not good").of(.negation).map(\.source) == ["en/modifiers.tsv"])
        // "no" is both a negator (modifiers.tsv) and a word with a valence (valence.tsv);
        // as a negator its evidence should name the file that makes it one.
        #expect(a.evidence("no help").of(.negation).map(\.source) == ["en/modifiers.tsv"])
    }
}

@Suite("Boosters and dampeners")
struct IntensityTests {
    @Test func boosterRaisesPositiveScore() throws {
        let a = try builtIn()
        #expect(a.compound("very good") > a.compound("good"))
        let booster = a.evidence("very good").of(.booster)
        try #require(booster.count == 1)
        #expect(booster[0].text == "very")
        #expect(booster[0].range == byteRange(of: "very", in: "very good"))
        #expect(booster[0].target == "good")
        #expect(booster[0].effect > 0)
    }

    @Test func boosterMakesNegativeScoreMoreNegative() throws {
        let a = try builtIn()
        #expect(a.compound("bad") < 0)
        #expect(a.compound("very bad") < a.compound("bad"))
        #expect(a.evidence("very bad").of(.booster).map(\.effect).allSatisfy { $0 < 0 })
    }

    @Test func boosterDoesNotReachAcrossAClauseBoundary() throws {
        let a = try builtIn()
        #expect(a.evidence("very, good").of(.booster).isEmpty)
        #expect(a.compound("very, good") == a.compound("good"))
    }

    @Test func dampenerLowersPositiveScore() throws {
        let a = try builtIn()
        #expect(a.compound("somewhat good") < a.compound("good"))
        #expect(a.compound("somewhat good") > 0)
        let dampener = a.evidence("somewhat good").of(.dampener)
        try #require(dampener.count == 1)
        #expect(dampener[0].text == "somewhat")
        #expect(dampener[0].target == "good")
    }

    @Test func dampenerMakesNegativeScoreLessNegative() throws {
        let a = try builtIn()
        #expect(a.compound("somewhat bad") > a.compound("bad"))
        #expect(a.compound("somewhat bad") < 0)
    }

    @Test func kindOfDampensAndKindCarriesNoValenceThere() throws {
        let a = try builtIn()
        let text = "kind of good"
        #expect(a.compound("kind") > 0)  // "kind" alone is a positive word
        #expect(a.compound(text) < a.compound("good"))
        let evidence = a.evidence(text)
        #expect(!evidence.contains { $0.kind == .lexicon && $0.text == "kind" })
        let dampener = evidence.of(.dampener)
        try #require(dampener.count == 1)
        #expect(dampener[0].text == "kind of")
        #expect(dampener[0].range == byteRange(of: "kind of", in: text))
    }
}

@Suite("Emphasis: capitals, exclamation and question marks")
struct EmphasisTests {
    @Test func allCapsWordInMixedCaseTextIsEmphasised() throws {
        let a = try builtIn()
        let text = "The food is GREAT"
        #expect(a.compound(text) > a.compound("The food is great"))
        let caps = a.evidence(text).of(.caps)
        try #require(caps.count == 1)
        #expect(caps[0].text == "GREAT")
        #expect(caps[0].range == byteRange(of: "GREAT", in: text))
        #expect(a.evidence("The food is great").of(.caps).isEmpty)
    }

    @Test func allCapsNegativeWordGetsMoreNegative() throws {
        let a = try builtIn()
        #expect(a.compound("The food is AWFUL") < a.compound("The food is awful"))
    }

    @Test func allCapsTextGetsNoCapsEmphasis() throws {
        let a = try builtIn()
        #expect(a.evidence("THE FOOD IS GREAT").of(.caps).isEmpty)
        #expect(a.compound("THE FOOD IS GREAT") == a.compound("The food is great"))
    }

    @Test func exclamationMarksAmplify() throws {
        let a = try builtIn()
        #expect(a.compound("Great!!!") > a.compound("Great"))
        #expect(a.compound("Great!!!") > a.compound("Great!"))
        #expect(a.compound("Awful!!!") < a.compound("Awful"))
        let exclamation = a.evidence("Great!!!").of(.exclamation)
        try #require(exclamation.count == 1)
        #expect(exclamation[0].target == "Great!!!")
        #expect(exclamation[0].effect > 0)
    }

    @Test func exclamationAmplificationIsCapped() throws {
        let a = try builtIn()
        #expect(a.compound("I love this!!!!!!!!") == a.compound("I love this!!!!"))
        #expect(a.compound("I love this!!!!") > a.compound("I love this!!!"))
    }

    @Test func exclamationMarksDoNotCreateSentiment() throws {
        let a = try builtIn()
        #expect(a.compound("The table!!!") == 0)
        #expect(a.evidence("The table!!!").of(.exclamation).isEmpty)
    }

    @Test func repeatedQuestionMarksAmplify() throws {
        let a = try builtIn()
        // All three are questions; only the repeated marks lean harder the way the text leans.
        #expect(a.compound("Bad?") < 0)
        #expect(a.compound("Bad??") < a.compound("Bad?"))
        #expect(a.compound("Bad???") < a.compound("Bad??"))
        #expect(a.compound("Good??") > a.compound("Good?"))
        let question = a.evidence("Bad??").of(.question)
        try #require(question.count == 1)
        #expect(question[0].effect < 0)
        #expect(question[0].target == "Bad??")
    }

    @Test func singleQuestionMarkDoesNotAmplify() throws {
        let a = try builtIn()
        #expect(a.evidence("Bad?").of(.question).isEmpty)
    }
}

@Suite("Contrast and concession")
struct ClauseWeightTests {
    @Test func contrastWeighsWhatFollowsButMore() throws {
        let a = try builtIn()
        let goodThenBad = a.compound("good, but terrible")
        let badThenGood = a.compound("terrible, but good")
        #expect(goodThenBad < 0)
        #expect(badThenGood > 0)
        #expect(goodThenBad < a.compound("good, terrible"))
        let contrast = a.evidence("good, but terrible").of(.contrast)
        #expect(Set(contrast.map(\.target)) == ["good", "terrible"])
        #expect(contrast.allSatisfy { $0.text == "but" && $0.range == byteRange(of: "but", in: "good, but terrible") })
    }

    @Test func sentenceOpeningButContrastsWithThePreviousSentence() throws {
        let a = try builtIn()
        let text = "I love it. But the wait was terrible."
        #expect(a.compound(text) < a.compound("I love it. The wait was terrible."))
        #expect(a.evidence(text).of(.contrast).contains { $0.target == "love" && $0.text == "But" })
    }

    @Test func concessionClauseCountsLess() throws {
        let a = try builtIn()
        let conceded = "Although it was good, it was terrible"
        #expect(a.compound(conceded) < a.compound("It was good, it was terrible"))
        let concession = a.evidence(conceded).of(.concession)
        try #require(concession.count == 1)
        #expect(concession[0].text == "Although")
        #expect(concession[0].target == "good")
    }
}

@Suite("least")
struct LeastTests {
    @Test func leastNegatesTheNextWord() throws {
        let a = try builtIn()
        #expect(a.compound("helpful") > 0)
        #expect(a.compound("the least helpful") < 0)
        let least = a.evidence("the least helpful").of(.least)
        try #require(least.count == 1)
        #expect(least[0].text == "least")
        #expect(least[0].range == byteRange(of: "least", in: "the least helpful"))
        #expect(least[0].target == "helpful")
    }

    @Test func atLeastIsNoNegation() throws {
        let a = try builtIn()
        for text in ["at least it works", "It was at least helpful"] {
            let evidence = a.evidence(text)
            #expect(evidence.of(.least).isEmpty, "\(text)")
            #expect(evidence.of(.negation).isEmpty, "\(text)")
        }
        #expect(a.compound("It was at least helpful") > 0)
    }
}

@Suite("Reversers")
struct ReversalTests {
    /// Only these words, so that the mechanism is tested apart from the built-in lists.
    private func controlled() throws -> Analyzer {
        try analyzer([
            (name: "words.tsv", text: "term\tvalence\nproblem\t-2\ntrust\t2\nperfectly\t2\n"),
            (name: "roles.tsv", text: "term\trole\tvalue\nfixed\treverses-negative\t-0.74\nlost\treverses-positive\t-0.74\nnot\tnegator\t-0.74\n"),
        ], includeBuiltIns: false)
    }

    @Test func aProblemFixedIsGood() throws {
        let a = try controlled()
        #expect(a.compound("they saw the problem") < 0)
        let text = "they fixed the problem"
        #expect(a.compound(text) > 0)
        let reversal = a.evidence(text).of(.reversal)
        try #require(reversal.count == 1)
        #expect(reversal[0].text == "fixed")
        #expect(reversal[0].range == byteRange(of: "fixed", in: text))
        #expect(reversal[0].target == "problem")
        #expect(reversal[0].effect > 0)
    }

    @Test func trustLostIsBad() throws {
        let a = try controlled()
        #expect(a.compound("I have my trust") > 0)
        #expect(a.compound("I lost my trust") < 0)
        #expect(a.evidence("I lost my trust").of(.reversal).map(\.target) == ["trust"])
    }

    @Test func aReverserActsOnItsOwnSignOnly() throws {
        let a = try controlled()
        // "fixed it perfectly" keeps its praise: a fix reverses bad things only.
        #expect(a.compound("fixed it perfectly") > 0)
        #expect(a.evidence("fixed it perfectly").of(.reversal).isEmpty)
        #expect(a.evidence("lost the problem").of(.reversal).isEmpty)
    }

    @Test func scopeEndsAtAClauseBoundaryAndAfterThreeWords() throws {
        let a = try controlled()
        #expect(a.evidence("fixed it, the problem stays").of(.reversal).isEmpty)
        #expect(a.compound("fixed it, the problem stays") < 0)
        #expect(a.evidence("fixed one two three problem").of(.reversal).isEmpty)
        #expect(a.evidence("fixed one two problem").of(.reversal).count == 1)
    }

    @Test func aNegationBeforeTheReverserAppliesAfterIt() throws {
        let a = try controlled()
        // "not fixed the problem": the fix is denied, so the problem stands.
        let text = "not fixed the problem"
        #expect(a.compound(text) < 0)
        let evidence = a.evidence(text)
        #expect(evidence.of(.reversal).map(\.target) == ["problem"])
        #expect(evidence.of(.negation).map(\.target) == ["problem"])
    }

    @Test func builtInCustomerServiceCases() throws {
        let a = try builtIn()
        #expect(a.compound("You fixed the problem") > 0)
        #expect(a.compound("They solved my issue and the error is gone") > a.compound("They saw my issue and the error is gone"))
        #expect(a.compound("I lost my trust in you") < 0)
        #expect(a.compound("This ruined my holiday") < a.compound("This was my holiday"))
        #expect(a.compound("They didn't fix the problem") < 0)
    }
}

@Suite("Idioms")
struct IdiomTests {
    @Test func yeahRightIsSarcastic() throws {
        let a = try builtIn()
        #expect(a.compound("yeah") > 0)
        #expect(a.compound("yeah right") < 0)
        let evidence = a.evidence("yeah right")
        #expect(evidence.of(.phrase).map(\.text) == ["yeah right"])
        #expect(evidence.of(.phrase).first?.range == byteRange(of: "yeah right", in: "yeah right"))
        #expect(evidence.of(.lexicon).isEmpty)
    }

    @Test func toDieForIsPositive() throws {
        let a = try builtIn()
        #expect(a.compound("die") < 0)
        #expect(a.compound("The cake was to die for") > 0)
        #expect(a.evidence("The cake was to die for").of(.phrase).map(\.text) == ["to die for"])
    }

    @Test func goodGodIsAnInterjectionNotPraise() throws {
        let a = try builtIn()
        #expect(a.compound("Good God, not again") == a.compound("not again"))
        #expect(a.evidence("Good grief!").of(.lexicon).isEmpty)
        #expect(a.compound("God is good") > 0)
    }
}

@Suite("Emoticons and emoji")
struct EmoticonAndEmojiTests {
    @Test func smileyIsPositiveAndFrownIsNegative() throws {
        let a = try builtIn()
        #expect(a.compound(":)") > 0)
        #expect(a.compound(":(") < 0)
        #expect(a.evidence(":)").of(.emoticon).map(\.text) == [":)"])
        #expect(a.evidence(":(").of(.emoticon).map(\.text) == [":("])
    }

    @Test func emoticonGluedToAWordIsFound() throws {
        let a = try builtIn()
        let evidence = a.evidence("thanks:)")
        #expect(evidence.of(.emoticon).map(\.range) == [byteRange(of: ":)", in: "thanks:)")])
        #expect(evidence.of(.lexicon).map(\.text) == ["thanks"])
        #expect(a.compound("thanks:)") > a.compound("thanks"))
    }

    @Test func clockTimeHoldsNoEmoticon() throws {
        let a = try builtIn()
        #expect(a.evidence(":3").of(.emoticon).count == 1)  // ":3" is an emoticon on its own
        #expect(a.evidence("3:30").isEmpty)
        #expect(a.compound("3:30") == 0)
    }

    @Test func scoreAfterADigitHoldsNoEmoticon() throws {
        let a = try builtIn()
        #expect(a.evidence("It ended 2:3").of(.emoticon).isEmpty)
        #expect(a.evidence("It ended 2 :3").of(.emoticon).map(\.text) == [":3"])
    }

    @Test func emoticonGetsNoCapsEmphasis() throws {
        let a = try builtIn()
        for (text, emoticon) in [("I LOVE it :D", ":D"), ("that was funny XD", "XD")] {
            let evidence = a.evidence(text)
            #expect(evidence.of(.emoticon).map(\.text) == [emoticon], "\(text)")
            #expect(!evidence.of(.caps).contains { $0.text == emoticon }, "\(text)")
        }
    }

    @Test func heartWithAndWithoutVariationSelectorScoreTheSame() throws {
        let a = try builtIn()
        let withSelector = "\u{2764}\u{FE0F}", bare = "\u{2764}"
        #expect(withSelector.utf8.count == 6)
        #expect(a.compound(bare) > 0)
        #expect(a.compound(withSelector) == a.compound(bare))
        #expect(a.evidence(withSelector).of(.emoji).map(\.range) == [.init(start: 0, end: 6)])
    }

    @Test func skinToneDoesNotChangeTheScore() throws {
        let a = try builtIn()
        #expect(a.compound("👍") > 0)
        #expect(a.compound("👍🏽") == a.compound("👍"))
        #expect(a.evidence("👍🏽").of(.emoji).map(\.range) == [.init(start: 0, end: 8)])
    }

    @Test func zwjSequenceWithVariationSelectorIsItsOwnEmoji() throws {
        let a = try builtIn()
        // "mending heart" (U+2764 U+200D U+1FA79) is rated apart from the red heart, with or
        // without U+FE0F after the heart.
        let bare = "\u{2764}\u{200D}\u{1FA79}", withSelector = "\u{2764}\u{FE0F}\u{200D}\u{1FA79}"
        #expect(a.compound(bare) < a.compound("\u{2764}"))
        #expect(a.compound(withSelector) == a.compound(bare))
        #expect(a.evidence(withSelector).of(.emoji).map(\.range) == [.init(start: 0, end: withSelector.utf8.count)])
    }

    @Test func thumbsDownIsNegative() throws {
        let a = try builtIn()
        #expect(a.compound("👎") < 0)
        #expect(a.evidence("👎").of(.emoji).count == 1)
    }
}

@Suite("Word forms")
struct WordFormTests {
    /// Finnish "ei" (not) as a negator and "toivottu" (wished-for) as a positive word.
    func finnish() throws -> Analyzer {
        try analyzer([
            ("fi-terms.tsv", "term\tvalence\ntoivottu\t2\n"),
            ("fi-modifiers.tsv", "term\trole\tvalue\nei\tnegator\t-0.74\n"),
        ])
    }

    @Test func hyphenatedWordIsOneWordForTheRules() throws {
        let a = try finnish()
        // Apart, "ei" negates "toivottu" as a word of its own.
        let apart = a.evidence("ei toivottu").of(.negation)
        #expect(apart.map(\.range) == [byteRange(of: "ei", in: "ei toivottu")])
        // Joined, the word is scored by its head and negated as a whole; "ei" never acts alone.
        let joined = a.score("ei-toivottu", explain: true)
        #expect(joined.sentiment.compound < 0)
        let evidence = joined.evidence ?? []
        #expect(evidence.of(.hyphenHead).map(\.range) == [.init(start: 0, end: 11)])
        #expect(!evidence.contains { $0.range == byteRange(of: "ei", in: "ei-toivottu") })
        #expect(evidence.of(.negation).map(\.range) == [.init(start: 0, end: 11)])
    }

    @Test func builtInFinnishHyphenWordYieldsNoNegationOfEi() throws {
        let a = try builtIn()
        #expect(!a.evidence("ei-toivottu").contains { $0.kind == .negation && $0.range == .init(start: 0, end: 2) })
    }

    @Test func hyphenatedWordIsScoredByItsHead() throws {
        let a = try builtIn()
        let evidence = a.evidence("super-helpful")
        #expect(evidence.map(\.kind) == [.hyphenHead])
        #expect(evidence.first?.range == .init(start: 0, end: 13))
        #expect(evidence.first?.source == "en/valence.tsv")
        #expect(a.compound("super-helpful") == a.compound("helpful"))
    }

    @Test func superAloneKeepsItsValenceAndBoostsBeforeAWord() throws {
        let a = try builtIn()
        #expect(a.compound("That's super!") > 0)
        #expect(a.evidence("super helpful").of(.booster).map(\.text) == ["super"])
        #expect(a.compound("super helpful") > a.compound("helpful"))
    }

    @Test func inflectedFormFallsBackToItsBaseForm() throws {
        // "scammed", "thanking" and "messes" are absent from the built-in lexicons (removing
        // them fails), while "scam", "thank" and "mess" are present.
        for word in ["scammed", "thanking", "messes"] {
            #expect(throws: LexiconError.self, "\(word) is in the built-in lexicons") {
                _ = try Analyzer(configuration: .init(lexicons: [
                    LexiconSource(name: "probe.tsv", text: "term\tvalence\n\(word)\tremove\n", language: .english)]))
            }
        }
        let a = try builtIn()
        for (word, base) in [("scammed", "scam"), ("thanking", "thank"), ("messes", "mess")] {
            let evidence = a.evidence(word)
            #expect(evidence.map(\.kind) == [.inflection], "\(word)")
            #expect(evidence.first?.range == byteRange(of: word, in: word))
            #expect(a.compound(word) == a.compound(base), "\(word) vs \(base)")
        }
        #expect(a.compound("scammed") < 0)
        #expect(a.compound("thanking") > 0)
    }

    @Test func formInTheLexiconIsNotAnInflection() throws {
        let a = try builtIn()
        #expect(a.evidence("hated").map(\.kind) == [.lexicon])
    }
}
