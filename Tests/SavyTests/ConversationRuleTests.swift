import Savy
import Testing

// Rules aimed at conversation, each with a minimal pair and the evidence that names it.

@Suite("Conversation rules")
struct ConversationRuleTests {
    @Test func interjectionOpeningASentenceCarriesNoSentiment() throws {
        let a = try builtIn()
        #expect(a.compound("It went well") > 0)
        #expect(a.evidence("Well, I don't know").of(.lexicon).isEmpty)
        #expect(a.compound("Well, I don't know") == 0)
        // Not an interjection without the comma, or in the middle of a sentence.
        #expect(a.compound("Well done") > 0)
        #expect(a.compound("You did it, well, mostly") > 0)
        // Leading addresses and earlier markers do not stop it: "@anna ok, ...", "Oh, well, ...".
        #expect(a.evidence("@anna ok, let me see").of(.lexicon).isEmpty)
        #expect(a.evidence("Oh, well, let me see").of(.lexicon).isEmpty)
    }

    @Test func modalAndConditionalClausesCountLess() throws {
        let a = try builtIn()
        let asserted = a.compound("it is great")
        let modal = "it would be great"
        #expect(a.compound(modal) > 0)
        #expect(a.compound(modal) < asserted)
        let irrealis = a.evidence(modal).of(.irrealis)
        try #require(irrealis.count == 1)
        #expect(irrealis[0].text == "would")
        #expect(irrealis[0].target == "great")
        // The clause ends at a comma: what follows it is asserted again.
        #expect(a.evidence("if it works, great").of(.irrealis).isEmpty)
    }

    @Test func questionsCountLessThanStatements() throws {
        let a = try builtIn()
        #expect(a.compound("You are happy?") < a.compound("You are happy."))
        #expect(a.compound("You are happy?") > 0)
        let evidence = a.evidence("You are happy?").of(.irrealis)
        #expect(evidence.map(\.text) == ["?"])
    }

    @Test func negationReachesOverANegRaisingVerb() throws {
        let a = try builtIn()
        // "don't" + 3 words would run out before "fair"; after "think" the window restarts.
        #expect(a.compound("I don't think that is fair") < 0)
        #expect(a.compound("I don't say that is fair") > 0)
        #expect(a.evidence("I don't think that is fair").of(.negation).map(\.target) == ["fair"])
    }

    @Test func stanceAdverbIntensifiesWhatFollowsInsteadOfPraising() throws {
        let a = try builtIn()
        #expect(a.compound("honestly the worst") < a.compound("the worst"))
        #expect(a.evidence("honestly the worst").of(.booster).map(\.text) == ["honestly"])
        // With nothing to intensify, it keeps its own valence.
        #expect(a.compound("honestly") > 0)
    }

    @Test func htmlEntitiesAreNotWords() throws {
        let a = try analyzer([("gt.tsv", "term\tvalence\ngt\t2\namp\t2\n")], includeBuiltIns: false)
        #expect(a.compound("gt") > 0)
        #expect(a.evidence("a &gt; b &amp;&amp; c").isEmpty)
        #expect(a.evidence("AT&amp;T").isEmpty)
    }

    @Test func serviceComplaintPhrasesAreNegative() throws {
        let a = try builtIn()
        for text in ["my order hasn't arrived", "nobody answers my emails", "I have been on hold for an hour",
                     "the app is not working", "I was overcharged"] {
            #expect(a.compound(text) < 0, "\(text)")
        }
        #expect(a.evidence("my order hasn't arrived").of(.phrase).map(\.text) == ["hasn't arrived"])
    }
}
