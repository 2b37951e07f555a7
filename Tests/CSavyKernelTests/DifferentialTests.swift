import CSavyKernel
import Testing

/// The fast path must give exactly ICU's tokens on every text it covers.
@Suite("Fast path equals ICU")
struct DifferentialTests {
    let kernel = Kernel(emoticons: [":)": 2, ":(": -2, ":D": 2, "xD": 2, "<3": 2, ";)": 1])

    func mismatches(_ texts: some Sequence<[UInt8]>) -> (compared: Int, failures: [String]) {
        var compared = 0
        var failures: [String] = []
        for text in texts {
            let fast = kernel.tokens(text)
            guard fast.fast else { continue }
            compared += 1
            let icu = kernel.tokens(text, path: CSavyKernel_PathICU)
            if fast.tokens != icu.tokens, failures.count < 5 {
                failures.append("\(String(decoding: text, as: UTF8.self))\n fast \(fast.tokens)\n icu  \(icu.tokens)")
            }
        }
        return (compared, failures)
    }

    @Test func generatedTexts() {
        // Seeded: the same texts every run.
        var state: UInt64 = 0x5EED_5A7E
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let pieces = ["a", "Z", "ä", "Ö", "ß", "é", "0", "9", ".", ",", ";", ":", "'", "’", "_", "-", "@", "!", "?",
                      " ", "\r\n", "(", ")", "<", "x", "D", "good", "NOT", "don't", ":)", "3:30", "e.g.", "1,000.5",
                      "ei-toivottu", "http://x.fi/a", "a@b.fi", "@user", "xD", "<3", "#tag"]
        let texts = (0..<20_000).map { _ in
            Array((0..<(1 + next(10))).map { _ in pieces[next(pieces.count)] }.joined().utf8)
        }
        let result = mismatches(texts)
        #expect(result.compared == texts.count)
        #expect(result.failures.isEmpty, "\(result.failures.joined(separator: "\n"))")
    }

    @Test(arguments: ["en/vader_tweets.tsv", "en/xed_en_dev.tsv", "fi/xed_fi_dev.tsv", "politeness/wikipedia.csv"])
    func realCorpus(_ file: String) throws {
        guard let lines = evalTexts(file) else { return }  // ../shared/eval is optional
        let result = mismatches(lines)
        #expect(result.compared > lines.count / 2, "the fast path should cover most real lines")
        #expect(result.failures.isEmpty, "\(result.failures.joined(separator: "\n"))")
    }
}
