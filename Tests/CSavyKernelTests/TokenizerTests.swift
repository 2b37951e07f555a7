import CSavyKernel
import Testing

@Suite("Tokenizer")
struct TokenizerTests {
    let kernel = Kernel(emoticons: [":)": 2, ":-(": -2, ":D": 2.3, "xD": 2, "<3": 1.9, "):": -1.8, ":3": 2])

    @Test func wordsCarryByteRangesAndFoldedKeys() {
        let result = kernel.tokens("Hyvää Päivää, WORLD!")
        #expect(result.fast)
        #expect(result.tokens.map(\.key) == ["hyvää", "päivää", ",", "world", "!"])
        #expect(result.tokens[1].start == 8 && result.tokens[1].end == 17)  // "Hyvää " is 8 bytes, "Päivää" 9
        #expect(result.tokens[3].flags & Int(CSavyKernel_TokenAllCaps) != 0)
        #expect(result.tokens[0].flags & Int(CSavyKernel_TokenAllCaps) == 0)
    }

    @Test func decomposedAndPrecomposedLettersGiveOneKey() {
        let precomposed = kernel.tokens("hyv\u{E4}\u{E4}")
        let decomposed = kernel.tokens("hyva\u{308}a\u{308}")
        #expect(!decomposed.fast)  // combining marks take the ICU path
        #expect(precomposed.tokens.map(\.key) == decomposed.tokens.map(\.key))
        #expect(decomposed.tokens.count == 1 && decomposed.tokens[0].end == 9)  // "hyv" + 2 × (a + U+0308)
    }

    @Test func apostrophesJoinAndFoldToASCII() {
        #expect(kernel.keys("don’t DON'T") == ["don't", "don't"])
    }

    @Test func hyphenatedWordsStayOneToken() {
        let result = kernel.tokens("ei-toivottu well-known - x")
        #expect(result.tokens.map(\.key) == ["ei-toivottu", "well-known", "-", "x"])
        #expect(result.tokens[0].flags & Int(CSavyKernel_TokenHyphenated) != 0)
    }

    @Test func emoticonsSurviveWhereICUWouldSplitThem() {
        let result = kernel.tokens(":) thanks:D great!!:-( xD <3")
        let emoticons = result.tokens.filter { $0.kind == CSavyKernel_TokenEmoticon }.map(\.key)
        #expect(emoticons == [":)", ":D", ":-(", "xD", "<3"])
        #expect(result.tokens.filter { $0.key == "!" }.count == 2)
    }

    @Test func emoticonLookalikesInsideWordsAndTimesAreNotEmoticons() {
        for text in ["at 3:30", "taxD", ":Doh", "(yes):", "re:)x"] {
            let kinds = kernel.tokens(text).tokens.map(\.kind)
            #expect(!kinds.contains(CSavyKernel_TokenEmoticon), "\(text)")
        }
    }

    @Test func emojiSequencesAreOneTokenKeyedWithoutModifiers() {
        let result = kernel.tokens("❤️ 👍🏽 😂😂 🇫🇮")
        #expect(!result.fast)
        #expect(result.tokens.allSatisfy { $0.kind == CSavyKernel_TokenEmoji })
        #expect(result.tokens.map(\.key) == ["❤", "👍", "😂", "😂", "🇫🇮"])
    }

    @Test func urlsAddressesMentionsAndNumbersAreRecognised() {
        let result = kernel.tokens("see https://good.example.com/a?b=1. mail good@example.fi or @good_bot, 1,000.50 (www.x.fi)")
        let kinds = result.tokens.map(\.kind)
        #expect(kinds.contains(CSavyKernel_TokenURL))
        #expect(kinds.contains(CSavyKernel_TokenEmail))
        #expect(kinds.contains(CSavyKernel_TokenMention))
        #expect(kinds.contains(CSavyKernel_TokenNumber))
        #expect(result.tokens.filter { $0.kind == CSavyKernel_TokenURL }.map(\.key) == ["https://good.example.com/a?b=1", "www.x.fi"])
        #expect(!result.tokens.contains { $0.kind == CSavyKernel_TokenWord && $0.key == "good" })
    }

    @Test func crlfAndNulAreSpace() {
        #expect(kernel.keys("good\r\nbad") == ["good", "bad"])
        #expect(kernel.tokens([0x67, 0x00, 0x68]).tokens.map(\.key) == ["g", "h"])
    }

    @Test func invalidUTF8IsReplacedAndCounted() {
        let bytes: [UInt8] = Array("good ".utf8) + [0xFF, 0xC3] + Array(" bad".utf8)
        let result = kernel.score([String(decoding: bytes, as: UTF8.self)])
        #expect(result[0].invalid_utf8 == 0)  // String(decoding:) already repaired it
        let raw = bytes.withUnsafeBufferPointer { buffer -> CSavyKernel_Result in
            var offsets: [UInt64] = [0, UInt64(buffer.count)]
            var r = CSavyKernel_Result()
            var languages = CSavyKernel_Languages(english: kernel.lexicon, finnish: nil, finnish_morphology: nil, fixed: CSavyKernel_LanguageEnglish)
            CSavyKernel_score_batch(&languages, kernel.scratch, buffer.baseAddress, &offsets, 1, &r, nil)
            return r
        }
        #expect(raw.invalid_utf8 == 2)
        #expect(raw.first_invalid == 5)
        #expect(raw.status == 0)
    }
}
