import CSavyKernel
import Testing

// A scratch keeps what words gave across texts (the word memos in internal.h): these check that
// what it keeps never outlives or crosses its lexicon, and that a word pushed out of its slot
// is found again.
@Suite("Word memos")
struct WordMemoTests {
    @Test func aScratchSharedByTwoLexiconsGivesEachItsOwnValence() {
        let praise = Kernel(valences: ["brilliant": 3])
        let irony = Kernel(valences: ["brilliant": -3])
        let shared = CSavyKernel_Scratch_create()!
        defer { CSavyKernel_Scratch_destroy(shared) }
        for _ in 0..<3 {
            #expect(praise.score(["brilliant"], on: shared)[0].compound > 0)
            #expect(irony.score(["brilliant"], on: shared)[0].compound < 0)
        }
    }

    @Test func aLexiconBuiltAfterAnotherIsFreedIsNotMistakenForIt() {
        let shared = CSavyKernel_Scratch_create()!
        defer { CSavyKernel_Scratch_destroy(shared) }
        // The allocator may give the second lexicon the first one's address.
        for round in 0..<4 {
            let value: Float = round % 2 == 0 ? 2 : -2
            let kernel = Kernel(valences: ["splendid": value])
            #expect(kernel.score(["splendid"], on: shared)[0].compound * value > 0)
        }
    }

    @Test func wordsPushedOutOfTheirSlotsScoreAsOnAFreshScratch() {
        let kernel = Kernel(valences: ["good": 2, "awful": -2.5, "w123": 1])
        let texts = ["good awful", "so good", "w123 w123"]
        let fresh = kernel.score(texts)
        // Far more distinct words than the memos have slots, through the same scratch.
        let filler = (0..<20_000).map { "word\($0) other\($0 * 7)" }
        _ = kernel.score(filler)
        let again = kernel.score(texts)
        for (a, b) in zip(fresh, again) {
            #expect(a.compound == b.compound)
            #expect(a.hit_count == b.hit_count)
        }
    }
}
