import Savy
import Testing

/// Finnish texts, scored as Finnish, with Voikko when it is installed (CI installs it).
private let finnish: Analyzer? = try? Analyzer(configuration: .init(language: .finnish))
private let voikko = finnish?.usesVoikko ?? false

private func fi() throws -> Analyzer { try #require(finnish) }

/// Only base words, so that a test of a mechanism (epä-, compounds) cannot be passed by an
/// entry for the whole word in the built-in lexicons.
private func controlled() throws -> Analyzer {
    try Analyzer(configuration: .init(lexicons: [
        LexiconSource(name: "base.tsv", text: "term\tvalence\nystävällinen\t2\nhyvä\t2\npaska\t-2.5\npalvelu\t0\n", language: .finnish),
        LexiconSource(name: "roles.tsv", text: "term\trole\tvalue\nhuippu\tbooster\t0.293\nsika\tbooster\t0.293\n", language: .finnish),
    ], includeBuiltInLexicons: false, language: .finnish))
}

/// Only the given Finnish valences ("term\tvalence" lines), no built-in lexicon.
private func valencesOnly(_ lines: String) throws -> Analyzer {
    try Analyzer(configuration: .init(lexicons: [
        LexiconSource(name: "valences.tsv", text: "term\tvalence\n" + lines, language: .finnish),
    ], includeBuiltInLexicons: false, language: .finnish))
}

@Suite("Finnish rules", .enabled(if: voikko, "needs Voikko (apt-get install libvoikko1 voikko-fi)"))
struct FinnishRuleTests {
    @Test func inflectedFormsFindTheirLemma() throws {
        let a = try fi()
        #expect(a.compound("Palvelu oli hyvää") > 0)
        #expect(a.evidence("Palvelu oli hyvää").of(.lexicon).compactMap(\.term) == ["hyvä"])
        #expect(a.compound("Kiitoksia paljon") > 0)
        // Voikko reads "parasta" as parka's elative (poor thing): it is keyed as written.
        #expect(a.compound("Parasta ikinä!") > 0)
        #expect(a.compound("Toimii parhaiten.") > 0)
    }

    @Test func askingToWaitIsNoComplaintOfWaiting() throws {
        let a = try fi()
        // An agent's "Odota hetki" masks odottaa (-0.4); the customer's waiting still counts.
        #expect(a.compound("Odota hetki, tarkistan asian.") == 0)
        #expect(a.compound("Odottakaa hetki.") == 0)
        #expect(a.compound("Olen odottanut kaksi viikkoa.") < 0)
        #expect(a.compound("Odotan vastausta.") < 0)
    }

    @Test func aWordVoikkoDoesNotKnowIsReadBySuffixRules() throws {
        let a = try fi()
        // Slang Voikko lacks, inflected: its lexicon entry is found as it would be without Voikko.
        #expect(a.compound("Senkin tampiot!") < 0)
        #expect(a.evidence("Senkin tampiot!").of(.inflection).compactMap(\.term) == ["tampio"])
        #expect(a.evidence("Tuo on täyttä kusetusta").of(.inflection).compactMap(\.term) == ["kusetus"])
    }

    @Test func withoutVoikkoSuffixRulesAndSnowballStemsStandIn() throws {
        let plain = try Analyzer(configuration: .init(language: .finnish, useVoikko: false))
        #expect(!plain.usesVoikko)
        // "hyvää" is not in the lexicon as written; its stem meets the stem of "hyvä".
        #expect(plain.compound("hyvää") > 0)
        #expect(plain.evidence("hyvää").map(\.kind) == [.inflection])
        // Savy's own suffix rules find base forms Snowball's stems miss ("ihana" stems to
        // "iha", "ihanaa" to "ihan"): cases, the plural, possessives, -sti, verb endings,
        // and the strong grade where the ending took it away.
        let bases = ["Tämä on ihanaa": "ihana", "hyviä uutisia": "hyvä", "Olen huolissani": "huoli",
                     "onnellisia asiakkaita": "onnellinen", "varmasti": "varma", "Odotan": "odottaa",
                     "sodassa": "sota", "Se sopii": "sopia"]
        for (text, base) in bases {
            #expect(plain.evidence(text).filter { $0.kind == .inflection }.compactMap(\.term).contains(base), "\(text)")
        }
        // The bare stem, the connegative and imperative, comes last ("ei onnistu"; "kaunista" is
        // kaunis), and an inflected form plays its base's part ("älä hermoile" consoles).
        #expect(plain.compound("Maksu ei onnistu.") < 0)
        #expect(plain.evidence("Kaunista.").compactMap(\.term) == ["kaunis"])
        #expect(plain.compound("Älä hermoile.") > 0)
        // Phrases are read by the base forms they are written with: "ei toimi" is "ei toimia".
        #expect(plain.evidence("Tämä ei toimi.").of(.phrase).compactMap(\.term) == ["ei toimia"])
        #expect(plain.compound("Sovellus ei toiminut.") < 0)
        #expect(plain.compound("Kiitoksia paljon!") > 0)
        // A conjunction is not read as a noun it could be an inflected form of ("kuten" is not "kusi").
        #expect(plain.evidence("kuten sanoin").isEmpty)
        // The stop-list: "on" and "kun" share stems with "onni" and "kunnia", and never match.
        #expect(plain.compound("onni") > 0)
        #expect(plain.evidence("Se on niin kun se on").isEmpty)
        // "voit" (you can) is no "voittaa" (win), "kunhan" (as long as) no "kunnia" (honour).
        #expect(plain.evidence("Voit soittaa kunhan ehdit").isEmpty)
        // A frequentative verb's stem is its noun's: "pakko" (must) is no "pakoilla" (evade).
        #expect(plain.evidence("Minun on pakko lähteä.").isEmpty)
        // "halua" and "halusi" are the neutral verb haluta, as with Voikko, not the noun halu.
        #expect(plain.evidence("Hän halusi lähteä.").isEmpty)
        // Three-letter stems meet too much: "pelissä" (in the game) is no "pelle" (clown).
        #expect(plain.evidence("Olimme pelissä.").isEmpty)
        // The negation verb's forms are listed, so negation works without Voikko too.
        #expect(plain.compound("En ole tyytyväinen") < 0)
    }

    @Test(arguments: ["En ole tyytyväinen", "Et ole tyytyväinen", "Hän ei ole tyytyväinen",
                      "Emme ole tyytyväisiä", "He eivät ole tyytyväisiä", "Enkä ole tyytyväinen"])
    func everyFormOfTheNegationVerbNegates(_ text: String) throws {
        let a = try fi()
        #expect(a.compound("Olen tyytyväinen") > 0)
        #expect(a.compound(text) < 0, "\(text)")
        #expect(a.evidence(text).of(.negation).compactMap(\.term) == ["ei"])
    }

    @Test func pastAndImperativeNegation() throws {
        let a = try fi()
        #expect(a.compound("Palvelu ei ollut hyvää") < 0)
        // A bad word denied keeps its sign, weakened: "en halua satuttaa" is no praise.
        #expect(a.compound("Haluan satuttaa sinua") < a.compound("En halua satuttaa sinua"))
        #expect(a.compound("En halua satuttaa sinua") < 0)
        #expect(a.compound("Ei hätää") > 0)
        #expect(a.compound("Sovellus ei toiminut") < 0)
        #expect(a.compound("Älä ole huono") > a.compound("Ole huono"))
    }

    @Test func aNegationThatNegatesNothingSaysNo() throws {
        let a = try fi()
        // Finnish has one word for "no" and "not": unused, the negation verb counts as "no" does.
        #expect(a.compound("Ei.") < 0)
        #expect(a.evidence("En ymmärrä.").of(.lexicon).compactMap(\.term) == ["ei"])
        #expect(a.compound("Tilaus ei ole vielä tullut.") < 0)
        // A negation that negates something is only that negation.
        #expect(a.evidence("Ei ole hienoa.").of(.lexicon).compactMap(\.term) == ["hieno"])
        // A question asks; "no need" lifts a burden; a phrase takes the verb in.
        #expect(a.compound("Eikö?") == 0)
        #expect(a.compound("Sinun ei tarvitse tehdä mitään.") >= 0)
        #expect(a.compound("Älä unohda kuittia.") == 0)
        let plain = try Analyzer(configuration: .init(language: .finnish, useVoikko: false))
        #expect(plain.evidence("Emme ymmärrä.").of(.lexicon).compactMap(\.term) == ["ei"])
    }

    @Test func theNegationVerbFusedWithAConjunctionNegates() throws {
        let a = try fi()
        #expect(a.compound("Sanoin, ettei se ole hyvä.") < 0)
        #expect(a.evidence("Sanoin, ettei se ole hyvä.").of(.negation).compactMap(\.term) == ["ettei"])
        // Its person forms meet the phrases of "ei".
        #expect(a.evidence("Pelkään, etten jaksa.").of(.phrase).compactMap(\.term) == ["ei jaksaa"])
        // "Unless" asserts no lack.
        #expect(a.evidence("Ellei muuta, kiitos.").compactMap(\.term) == ["kiitos"])
    }

    @Test func aConditionAssertsLess() throws {
        let a = try fi()
        // The conditional mood weighs its clause from the verb on, as "would" does.
        #expect(a.compound("Olisi hienoa.") > 0)
        #expect(a.compound("Olisi hienoa.") < a.compound("On hienoa."))
        #expect(a.evidence("Olisi hienoa.").of(.irrealis).map(\.text) == ["Olisi"])
        #expect(a.compound("Rakastaisin sitä.") < a.compound("Rakastan sitä."))
        // "jos" (if) weighs the rest of its clause.
        #expect(a.compound("Jos palvelu on hyvä, tulen.") < a.compound("Palvelu on hyvä, tulen."))
        #expect(a.evidence("Jos palvelu on hyvä, tulen.").of(.irrealis).compactMap(\.term) == ["jos"])
    }

    @Test func aReplyFormulaCountsOnlyAsAClauseOfItsOwn() throws {
        let a = try fi()
        #expect(a.compound("Ei kestä!") > 0)
        #expect(a.compound("Eipä kestä :)") > 0)
        #expect(a.compound("Akku ei kestä päivääkään.") < 0)
        #expect(a.compound("Ei se mitään.") > 0)
        #expect(a.compound("Ei se mitään auttanut.") < 0)
    }

    @Test func aProhibitionOfSomethingBadIsNoPraise() throws {
        let a = try fi()
        // "Älä valehtele" reproaches the lying; "En valehtele" denies it.
        #expect(a.compound("Älä valehtele minulle") < 0)
        #expect(a.compound("Valehtelet minulle") < a.compound("Älä valehtele minulle"))
        #expect(a.evidence("Älä valehtele minulle").of(.prohibition).compactMap(\.term) == ["ei"])
        #expect(a.evidence("Älkää olko ilkeitä").of(.prohibition).count == 1)
        #expect(a.evidence("En valehtele").of(.prohibition).isEmpty)
        #expect(a.evidence("En valehtele").of(.negation).count == 1)
        // A good thing prohibited is still denied; reassurance is a phrase of its own.
        #expect(a.compound("Älä innostu liikaa") < 0)
        #expect(a.compound("Älä huoli") > 0)
        #expect(a.evidence("Älä huoli").of(.phrase).compactMap(\.term) == ["ei huolia"])
    }

    @Test func aProhibitionOfTheHearersBadFeelingConsoles() throws {
        let a = try fi()
        // The feeling consoled, with words between and in any form ("huolissasi" is "huoli").
        #expect(a.compound("Älä ole huolissasi siitä") > 0)
        #expect(a.compound("Älä minusta huoli") > 0)
        #expect(a.compound("Älkää hermostuko") > 0)
        #expect(a.evidence("Älä pelkää").of(.reassurance).compactMap(\.term) == ["ei"])
        #expect(a.score("Älä ole surullinen").empathy.reassurance)
        // "Ei tarvitse" consoles too; a statement does not ("En pelkää"), nor a reproach.
        #expect(a.compound("Ei tarvitse pelätä") > 0)
        #expect(a.compound("Sinun ei tarvitse olla huolissasi") > 0)
        #expect(a.compound("En pelkää") < 0)
        #expect(a.compound("Älä valehtele") < 0)
        // A feeling's role keeps its other rules: the abessive still negates it ("without worry").
        #expect(a.compound("Voit nukkua huoletta.") > 0)
    }

    @Test func liftingTheHearersBurdenReassures() throws {
        let a = try fi()
        #expect(a.score("Sinun ei tarvitse tehdä muuta.").empathy.reassurance)
        #expect(a.score("Siitä ei tarvitse huolehtia.").empathy.reassurance)
        #expect(!a.score("Minun ei tarvitse tehdä muuta.").empathy.reassurance)
        #expect(!a.score("En tarvitse apua.").empathy.reassurance)
        #expect(!a.score("Teidän ei tarvitse olla töykeä.").empathy.reassurance)
    }

    @Test func aVerbsSenseFollowsTheCaseItGoverns() throws {
        let a = try fi()
        // "pitää" with an elative is "like"; with an infinitive "must", alone "keep" or "hold".
        #expect(a.compound("Pidän tästä palvelusta") > a.compound("Tämä palvelu"))
        #expect(a.evidence("Pidän tästä").of(.lexicon).compactMap(\.term) == ["pitää jostakin"])
        #expect(a.compound("En pidä tästä") < 0)
        #expect(a.compound("Tästä en pidä") < 0)  // the complement before the verb
        // "siitä" also reads as the infinitive of a rare verb; the pronoun wins.
        #expect(a.evidence("Pidän siitä").of(.lexicon).compactMap(\.term) == ["pitää jostakin"])
        #expect(a.compound("En pidä siitä") < 0)
        #expect(a.evidence("Minun pitää päästä siitä eroon").filter { $0.term == "pitää jostakin" }.isEmpty)
        // An adverb may stand between: "päästä" is the infinitive here, not the elative of "pää".
        #expect(a.evidence("Hänen pitää aina päästä vessaan").filter { $0.term == "pitää jostakin" }.isEmpty)
        #expect(a.evidence("Pidän siitä aina").of(.lexicon).compactMap(\.term) == ["pitää jostakin"])
        #expect(a.evidence("Pidä kiinni").isEmpty)
        // A clause boundary ends the window: "siitä" belongs to the next clause.
        #expect(a.evidence("Pidän, siitä puhuttiin").isEmpty)
        #expect(a.compound("Välitän sinusta") > 0)
        #expect(a.compound("En välitä") < 0)
    }

    @Test func theProhibitiveIsReadWithoutVoikkoToo() throws {
        let plain = try Analyzer(configuration: .init(language: .finnish, useVoikko: false))
        #expect(plain.compound("Älä ole huono") < 0)
        #expect(plain.evidence("Älä ole huono").of(.prohibition).count == 1)
        #expect(plain.evidence("Et ole huono").of(.prohibition).isEmpty)
    }

    @Test func reversersTakeTheirObjectAway() throws {
        let a = try fi()
        #expect(a.compound("Näin ongelman") < 0)
        #expect(a.compound("Korjasitte ongelman") > 0)
        #expect(a.evidence("Korjasitte ongelman").of(.reversal).compactMap(\.term) == ["korjata"])
        #expect(a.compound("Menetin luottamukseni") < 0)
        #expect(a.evidence("Menetin luottamukseni").of(.reversal).compactMap(\.term) == ["menettää"])
        // A negated fix: the problem stands.
        #expect(a.compound("Ette korjanneet ongelmaa") < 0)
    }

    @Test func aPastParticipleStandsForItsVerbInPhrases() throws {
        // One phrase, "ei toimia", covers "ei toimi" and "ei toiminut".
        let a = try valencesOnly("ei toimia\t-1.6\n")
        for text in ["Sovellus ei toimi", "Sovellus ei toiminut", "Sovellukset eivät toimineet"] {
            #expect(a.evidence(text).of(.phrase).compactMap(\.term) == ["ei toimia"], "\(text)")
        }
        // A participle of a derived verb stands for that verb, which Voikko does not name:
        // "kohentunut" is "kohentua" (improve), made from "koheta".
        let verbs = try valencesOnly("kohentua\t1.5\nkoheta\t-1\n")
        #expect(verbs.evidence("Tilanne on kohentunut").of(.lexicon).compactMap(\.term) == ["kohentua"])
    }

    @Test func questionWithKoIsNotNegation() throws {
        let a = try fi()
        let question = "Eikö olekin hienoa?"
        #expect(a.compound(question) > 0)
        #expect(a.evidence(question).of(.negation).isEmpty)
        #expect(a.compound("Ei ole hienoa.") < 0)
    }

    @Test func negativePolarityCarriesTheNegationToTheClauseEnd() throws {
        let a = try fi()
        let text = "En ole ikinä saanut yhtään hyvää palvelua"
        #expect(a.compound(text) < 0)
        #expect(a.evidence(text).of(.negation).map(\.target) == ["hyvää"])
        // Without the polarity items, "hyvää" is past the negation's three-word window.
        #expect(a.compound("En ole tänään saanut täältä hyvää palvelua") > 0)
        // A polarity item with a valence of its own still counts.
        #expect(a.compound("He eivät tiedä paskaakaan") < 0)
        #expect(a.evidence("He eivät tiedä paskaakaan").of(.negation).map(\.target) == ["paskaakaan"])
    }

    @Test func fixedPhrases() throws {
        let a = try fi()
        #expect(a.compound("ei huono") > 0)
        #expect(a.compound("ei huono") < a.compound("hyvä"))
        #expect(a.evidence("ei huono").of(.phrase).compactMap(\.term) == ["ei huono"])
        #expect(a.compound("Ei kiitos") <= 0)
        #expect(a.compound("Ei mitään hätää.") > 0)
        #expect(a.compound("Tietosi ovat turvassa.") > 0)  // turva (safety), not turpa (snout)
        #expect(a.compound("Ei kovin hyvä") < 0)
        #expect(a.evidence("Ei kovin hyvä").of(.phrase).count == 1)
        // Emotion carried by the phrase, not by its words: sarcastic thanks, "fed up", "spot on".
        #expect(a.compound("Kiitos tyhjästä") < 0)
        #expect(a.compound("Olen saanut tarpeekseni") < 0)
        #expect(a.compound("Meni nappiin") > 0)
    }

    @Test func lexicalNegation() throws {
        let a = try fi()
        // Only "ystävällinen" is in the lexicon; epä- reverses it.
        let base = try controlled()
        #expect(base.compound("ystävällinen") > 0)
        #expect(base.compound("epäystävällinen") < 0)
        #expect(base.evidence("epäystävällinen").of(.lexicalNegation).compactMap(\.term) == ["ystävällinen"])
        #expect(a.compound("ilman ongelmia") > 0)
        #expect(a.compound("ongelmia") < 0)
        // The abessive is "without" in one word: "ongelmitta" (without problems).
        #expect(a.compound("Se meni ongelmitta") > 0)
        #expect(a.evidence("Se meni ongelmitta").of(.lexicalNegation).compactMap(\.term) == ["ongelma"])
    }

    @Test func boostersAndHyvinBeforeAnAdjective() throws {
        let a = try fi()
        #expect(a.compound("todella hyvä") > a.compound("hyvä"))
        #expect(a.evidence("todella hyvä").of(.booster).compactMap(\.term) == ["tosi"])
        #expect(a.evidence("hyvin hyvä").of(.booster).map(\.text) == ["hyvin"])
        // "toimii hyvin": "well", a sentiment word of its own.
        #expect(a.evidence("Se toimii hyvin").of(.lexicon).map(\.text) == ["hyvin"])
    }

    @Test func onlyTheGenitiveOfACurseOrAnAwfulWordIntensifies() throws {
        let a = try fi()
        // "helvetin hyvä" is "damn good"; "helvettiin" (to hell) boosts nothing.
        #expect(a.evidence("Se oli helvetin hyvä").of(.booster).compactMap(\.term) == ["helvetin"])
        #expect(a.evidence("Häivy helvettiin ja ole hyvä").of(.booster).isEmpty)
        // "kamalaa" keeps its own valence even with a sentiment word close after it.
        let text = "Ruoka oli kamalaa ja palvelu huonoa"
        #expect(a.evidence(text).of(.lexicon).compactMap(\.term) == ["kamala", "huono"])
        #expect(a.evidence(text).of(.booster).isEmpty)
    }

    @Test func dampenersAndIhanBeforeAPositiveWord() throws {
        let a = try fi()
        #expect(a.compound("melko hyvä") < a.compound("hyvä"))
        #expect(a.compound("ihan hyvä") < a.compound("hyvä"))
        #expect(a.compound("ihan huono") == a.compound("huono"))
    }

    @Test func contrast() throws {
        let a = try fi()
        let text = "Hinta oli hyvä, mutta palvelu oli huono"
        #expect(a.compound(text) < 0)
        #expect(a.evidence(text).of(.contrast).map(\.text) == ["mutta", "mutta"])
    }

    @Test func lettersFormulasAreMasked() throws {
        let a = try fi()
        #expect(a.evidence("Hyvä asiakas, tilauksenne on lähetetty.").isEmpty)
        #expect(a.evidence("Ystävällisin terveisin, Asiakaspalvelu").isEmpty)
        #expect(a.evidence("Hyvää päivänjatkoa!").isEmpty)
        #expect(a.compound("Hyvä palvelu") > 0)
        // Interjections of shock: "Hyvä Jumala!" is no praise.
        #expect(a.evidence("Voi hyvä Jumala, miksi nyt?").of(.lexicon).isEmpty)
        #expect(a.evidence("Hyvä luoja!").of(.lexicon).isEmpty)
    }

    @Test func compounds() throws {
        let a = try controlled()  // knows "hyvä" and "paska", not the compounds
        #expect(a.compound("huippuhyvä") > a.compound("hyvä"))
        #expect(a.evidence("huippuhyvä").of(.compoundHead).compactMap(\.term) == ["hyvä"])
        #expect(a.evidence("huippuhyvä").of(.compoundModifier).compactMap(\.term) == ["huippu"])
        // Unknown to Voikko as a whole: split where the rest is a known word.
        #expect(a.compound("sikahyvä") > a.compound("hyvä"))
        #expect(a.compound("paskapalvelua") < 0)
        #expect(a.evidence("paskapalvelua").of(.compoundModifier).compactMap(\.term) == ["paska"])
        #expect(a.compound("hyväpalvelu") > 0)  // a modifier with a valence scores a neutral head
        // ... when it judges the whole: a negative word, an adjective or a booster does; a
        // positive noun names what the thing is for ("turvavyö", seat belt).
        let topics = try valencesOnly("turva\t1.7\nmurha\t-3\n")
        #expect(topics.evidence("turvavyö").isEmpty)
        #expect(topics.compound("murharyhmä") < 0)
        #expect(topics.evidence("murharyhmä").of(.compoundModifier).compactMap(\.term) == ["murha"])
        // Voikko reads "luukulta" as luu+kulta ("bone gold") before luukku ("hatch", ablative):
        // where a plain reading exists, the compound's head is not looked up.
        let gold = try valencesOnly("kulta\t1.6\n")
        #expect(gold.evidence("valkokullasta").of(.compoundHead).compactMap(\.term) == ["kulta"])
        #expect(gold.evidence("luukulta luukulle").isEmpty)
    }

    @Test func colloquialFormsAndEmoticons() throws {
        let a = try fi()
        #expect(a.evidence("kiitti").first?.term == "kiitos")
        #expect(a.compound("mä oon tosi tyytyväinen") > a.compound("tyytyväinen"))
        #expect(a.compound("Kiitos :)") > a.compound("Kiitos"))
    }

    @Test func aBareStemIsAnImperativeOnlyWhereOneCanStand() throws {
        let a = try fi()
        let terms = { (text: String) in a.evidence(text).of(.lexicon).compactMap(\.term) }
        // "tapa" is the noun "way" or "kill!"; "syytä" is "reason" (partitive) or "blame!".
        #expect(terms("Ainoa tapa saada hänet kiinni") == [])
        #expect(terms("Tapa hänet!") == ["tappaa"])
        #expect(terms("Mene ja tapa se") == ["tappaa"])
        #expect(terms("Älä tapa minua") == ["tappaa"])  // the connegative after "älä"
        #expect(!terms("Ei ole syytä huoleen").contains("syyttää"))
        #expect(terms("Älä syytä minua") == ["syyttää"])
        // Commands: the connegative after "ei" is none, nor a mid-clause word that need not be one.
        let commands = { (text: String) in
            a.toneEvidence(text).filter { $0.kind == .strategy && $0.marker == "command" }.map(\.text)
        }
        #expect(commands("Lähetä viesti") == ["Lähetä"])
        #expect(commands("Ei ole syytä huoleen") == [])
        #expect(commands("Tapa hänet!") == ["Tapa"])
        // An adverb may stand between the negation verb and its connegative.
        #expect(commands("Tämä ei totisesti tule toimimaan") == [])
        // haluta (0), not halu (desire): the negation negates nothing, and says "no".
        #expect(terms("En ehdottomasti halua kuulla siitä") == ["ei"])
        #expect(terms("En enää tapa ketään") == ["tappaa"])
        // The -pA clitic leaves a whole imperative before it: "tapa" is not "ta-pa".
        #expect(a.score("Katsopa tätä").politeness.strategies.contains(.softenedCommand))
        #expect(!a.score("Tapa hänet!").politeness.strategies.contains(.softenedCommand))
    }

    @Test func imSorryIsSorryNotBadAndItApologises() throws {
        let a = try fi()
        // "Olen pahoillani" is "I'm sorry": rated like 'sorry' (-0.3), not like paha (bad), which
        // Voikko reads it as; it is an apology and an emotional reaction, boosted by "todella".
        #expect(a.evidence("Olen pahoillani").of(.lexicon).compactMap(\.term) == ["pahoillani"])
        #expect(a.compound("Olen pahoillani") > a.compound("Olen paha"))
        #expect(a.compound("Olen pahoillani") < 0)
        #expect(a.score("Olemme pahoillamme").politeness.strategies.contains(.apology))
        #expect(a.score("Olen todella pahoillani").empathy.emotionalReaction == 2)
        #expect(a.score("Olen pahoillani").empathy.emotionalReaction == 1)
        // Apology verbs in any form: pahoittelen, pahoittelemme, pahoittelut.
        for text in ["Pahoittelen viivettä", "Pahoittelemme viivettä", "Pahoittelut viiveestä"] {
            #expect(a.score(text).politeness.strategies.contains(.apology), "\(text)")
            #expect(a.score(text).empathy.emotionalReaction == 1, "\(text)")
        }
        // "tosi paha" said of someone is no warmth.
        #expect(a.score("Hän on tosi paha").empathy.emotionalReaction == 0)
    }
}
