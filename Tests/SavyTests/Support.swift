import Savy
import Testing

/// The analyzer with the built-in lexicons, built once for the whole suite.
private let builtInAnalyzer = Result { () throws(LexiconError) -> Analyzer in try Analyzer() }

/// The shared analyzer with the built-in lexicons.
func builtIn() throws -> Analyzer { try builtInAnalyzer.get() }

/// An analyzer with `lexicons` (name, contents) layered over the built-in ones (or alone).
/// The lexicons join every language's, so a test's words count whatever language its text
/// is detected as.
func analyzer(_ lexicons: [(name: String, text: String)], includeBuiltIns: Bool = true) throws -> Analyzer {
    try Analyzer(configuration: .init(
        lexicons: lexicons.map { LexiconSource(name: $0.name, text: $0.text, language: nil) },
        includeBuiltInLexicons: includeBuiltIns))
}

extension Analyzer {
    func compound(_ text: String) -> Double { score(text).sentiment.compound }

    /// The sentiment evidence of `text` (what moved the sentiment sum).
    func evidence(_ text: String) -> [Evidence] { score(text, explain: true).sentimentEvidence ?? [] }

    /// The tone, strategy and empathy evidence of `text`.
    func toneEvidence(_ text: String, context: TurnContext? = nil) -> [Evidence] {
        (score(text, context: context, explain: true).evidence ?? []).filter { !$0.kind.isSentiment }
    }

    /// Scores raw bytes, which need not be valid UTF-8.
    func score(bytes: [UInt8], explain: Bool = false) -> Analysis {
        bytes.withUnsafeBytes { score(utf8: $0, explain: explain) }
    }
}

extension Analysis {
    /// The evidence that moves the sentiment sum, when evidence was asked for.
    var sentimentEvidence: [Evidence]? { evidence?.filter(\.kind.isSentiment) }
}

extension Array where Element == Evidence {
    func of(_ kind: Evidence.Kind) -> [Evidence] { filter { $0.kind == kind } }
    var kinds: Set<Evidence.Kind> { Set(map(\.kind)) }
}

/// The UTF-8 byte range of the `occurrence`-th (0-based) `needle` in `text`.
func byteRange(of needle: String, in text: String, occurrence: Int = 0) -> Evidence.ByteRange? {
    let haystack = Array(text.utf8), target = Array(needle.utf8)
    guard !target.isEmpty, target.count <= haystack.count else { return nil }
    var seen = 0
    for start in 0...(haystack.count - target.count) where haystack[start..<start + target.count].elementsEqual(target) {
        if seen == occurrence { return .init(start: start, end: start + target.count) }
        seen += 1
    }
    return nil
}

/// Checks what must hold for every analysis: compound in [-1, 1] and derived from the evidence,
/// proportions summing to 1, the label following the threshold, and evidence ranges that slice
/// the text into the evidence's own text and target.
/// With `checkSum` false the evidence effects are not summed (for huge texts, where rounding each
/// effect to four decimals adds up).
func expectInvariants(_ analysis: Analysis, text: [UInt8], checkSum: Bool = true,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    let s = analysis.sentiment
    #expect((-1...1).contains(s.compound), "compound \(s.compound) outside [-1, 1]", sourceLocation: sourceLocation)
    for share in [s.positive, s.neutral, s.negative] {
        #expect((0...1).contains(share), "share \(share) outside [0, 1]", sourceLocation: sourceLocation)
    }
    #expect(abs(s.positive + s.neutral + s.negative - 1) < 1e-3, "proportions sum to \(s.positive + s.neutral + s.negative)",
            sourceLocation: sourceLocation)
    #expect(s.label == SentimentLabel(compound: s.compound), sourceLocation: sourceLocation)
    guard let evidence = analysis.sentimentEvidence else { return }
    if checkSum {
        let sum = evidence.map(\.effect).reduce(0, +)
        let expected = sum / (sum * sum + 15).squareRoot()
        #expect(abs(s.compound - expected) < 1e-3, "compound \(s.compound) but evidence sums to \(sum) (-> \(expected))",
                sourceLocation: sourceLocation)
    }
    for e in evidence {
        for (range, slice) in [(e.range, e.text), (e.targetRange, e.target)] {
            #expect(0 <= range.start && range.start <= range.end && range.end <= text.count,
                    "\(e.kind) range \(range) outside the text", sourceLocation: sourceLocation)
            guard 0 <= range.start, range.start <= range.end, range.end <= text.count else { continue }
            #expect(String(decoding: text[range.start..<range.end], as: UTF8.self) == slice,
                    "\(e.kind) range \(range) does not slice to '\(slice)'", sourceLocation: sourceLocation)
        }
    }
}

/// Sentences of many kinds, for invariants, batches and concurrency.
let varietyOfTexts: [String] = [
    "good",
    "The agent was very helpful, thanks!",
    "Still no reply :(",
    "not good at all",
    "I don't think it's good",
    "No, it is good",
    "No problem!",
    "The food is GREAT but the service was TERRIBLE!!!",
    "Although it was good, it was terrible.",
    "I love it. But the wait was terrible.",
    "the least helpful answer",
    "at least it works",
    "yeah right",
    "to die for",
    "thanks:) 👍🏽",
    "❤️❤️❤️",
    "Meeting at 3:30, see https://example.com/great or mail good@example.com @great",
    "super-helpful and kind of slow",
    "She scammed me and I hated it",
    "Really?? Why??",
    "What a terrible, horrible, no good, very bad day",
    "Hyvää päivää",
    "ei-toivottu",
    "NOT BAD",
    "somewhat okay, I guess",
    "",
    "   ",
    "😀😃😄 :D XD",
    "I was charged twice and still waiting for a refund",
    "It is not only fast but cheap",
    "Kind regards, Anna",
    "I can't say enough how awesome this is",
    "Never again. Worst support ever!!!!!!",
    "ok",
    "The agent — polite; the fix — useless…",
    "Works perfectly now, sorted!",
]
