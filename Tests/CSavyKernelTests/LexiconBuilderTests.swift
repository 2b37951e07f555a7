import CSavyKernel
import Testing

@Suite("Lexicon builder")
struct LexiconBuilderTests {
    func status(_ term: String, _ kind: CSavyKernel_TermKind) -> CSavyKernel_BuildStatus {
        let builder = CSavyKernel_Builder_create(CSavyKernel_LanguageEnglish)!
        defer { CSavyKernel_Builder_destroy(builder) }
        return Kernel.add(builder, term, kind, 1)
    }

    func message(_ s: CSavyKernel_BuildStatus) -> String {
        withUnsafeBytes(of: s.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    @Test func rejectsTermsThatCanNeverMatch() {
        #expect(status("", CSavyKernel_TermWord).ok == 0)
        #expect(status("a :) b", CSavyKernel_TermWord).ok == 0)
        #expect(message(status("a :) b", CSavyKernel_TermWord)).contains("emoticon"))
        #expect(status(":", CSavyKernel_TermEmoticon).ok == 0)
        #expect(status(": )", CSavyKernel_TermEmoticon).ok == 0)
        #expect(status("good", CSavyKernel_TermEmoji).ok == 0)
        #expect(status("one two three four five six seven", CSavyKernel_TermWord).ok == 0)
    }

    @Test func acceptsWordsPhrasesEmoticonsAndEmoji() {
        #expect(status("Good", CSavyKernel_TermWord).ok == 1)
        #expect(status("kind of", CSavyKernel_TermWord).ok == 1)
        #expect(status(":-)", CSavyKernel_TermEmoticon).ok == 1)
        #expect(status("👍🏽", CSavyKernel_TermEmoji).ok == 1)
    }

    @Test func termsAreFoldedLikeText() {
        let kernel = Kernel(valences: ["Hyvää": 2, "DON’T WORRY": 1.5])
        let results = kernel.score(["HYVÄÄ", "don't worry", "hyvaa"])
        #expect(results[0].hit_count == 1)
        #expect(results[1].hit_count == 1)
        #expect(results[2].hit_count == 0)
    }

    @Test func removingAValenceLeavesTheRole() {
        let builder = CSavyKernel_Builder_create(CSavyKernel_LanguageEnglish)!
        defer { CSavyKernel_Builder_destroy(builder) }
        #expect(Kernel.add(builder, "no", CSavyKernel_TermWord, -1.2).ok == 1)
        var term = "no"
        let role = term.withUTF8 { CSavyKernel_Builder_set_role(builder, $0.baseAddress, $0.count, CSavyKernel_RoleNegator, -0.74, 0) }
        #expect(role.ok == 1)
        let removed = term.withUTF8 { CSavyKernel_Builder_remove(builder, $0.baseAddress, $0.count, CSavyKernel_TermWord, 0) }
        #expect(removed.ok == 1)
        let lexicon = CSavyKernel_Builder_finish(builder)!
        defer { CSavyKernel_Lexicon_destroy(lexicon) }
        #expect(CSavyKernel_Lexicon_count(lexicon) == 1)
        let missing = "yes".withCString { CSavyKernel_Builder_remove(builder, UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), 3, CSavyKernel_TermWord, 0) }
        #expect(missing.ok == 0)
    }
}
