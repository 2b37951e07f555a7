/// The language a text was scored as.
public enum Language: String, Codable, Sendable, Hashable, CaseIterable {
    case english = "en"
    case finnish = "fi"
    /// Undetermined.
    case undetermined = "und"
}

/// Everything Savy says about one text: its language, sentiment, tone, politeness and
/// empathy, and on request the evidence behind them.
public struct Analysis: Codable, Sendable, Hashable {
    /// The language the text was scored as: detected, or the one the analyzer was told.
    /// Undetermined texts (no words, or no evidence either way) are scored with English rules.
    public var language: Language
    /// How sure the detection is, in 0.5...1 (1 when the language was given, 0 when undetermined).
    public var languageConfidence: Double = 1
    public var sentiment: Sentiment
    /// Politeness, emotional tones, profanity and shouting.
    public var tone: Tone = Tone()
    /// The politeness strategies behind ``Tone/politeness``.
    public var politeness: Politeness = Politeness()
    /// Empathy and caring, meant for agent turns.
    public var empathy: Empathy = Empathy()
    /// What moved the score, when asked for (`explain: true`); `nil` otherwise.
    public var evidence: [Evidence]?
    /// Problems found in the input that were repaired, such as invalid UTF-8.
    public var warnings: [TextWarning]?

    public init(language: Language, sentiment: Sentiment, evidence: [Evidence]? = nil, warnings: [TextWarning]? = nil) {
        self.language = language
        self.sentiment = sentiment
        self.evidence = evidence
        self.warnings = warnings
    }

    /// Every field at once, as the kernel's results are decoded.
    init(language: Language, languageConfidence: Double, sentiment: Sentiment, tone: Tone, politeness: Politeness,
         empathy: Empathy, evidence: [Evidence]?, warnings: [TextWarning]?) {
        self.language = language
        self.languageConfidence = languageConfidence
        self.sentiment = sentiment
        self.tone = tone
        self.politeness = politeness
        self.empathy = empathy
        self.evidence = evidence
        self.warnings = warnings
    }
}

/// Sentiment on VADER's scales.
public struct Sentiment: Codable, Sendable, Hashable {
    /// The normalised total, in -1...1: `sum / sqrt(sum² + 15)`.
    public var compound: Double
    /// Shares of positive, neutral and negative weight among the words; they sum to 1.
    public var positive: Double
    public var neutral: Double
    public var negative: Double
    public var label: SentimentLabel

    public init(compound: Double, positive: Double, neutral: Double, negative: Double) {
        self.compound = compound
        self.positive = positive
        self.neutral = neutral
        self.negative = negative
        self.label = SentimentLabel(compound: compound)
    }
}

public enum SentimentLabel: String, Codable, Sendable, Hashable, CaseIterable {
    case positive, neutral, negative

    /// The usual cut-off: |compound| below this is neutral.
    public static let threshold = 0.05

    public init(compound: Double) {
        if compound >= Self.threshold { self = .positive }
        else if compound <= -Self.threshold { self = .negative }
        else { self = .neutral }
    }
}

/// A repaired problem in the input text.
public struct TextWarning: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable {
        /// Invalid UTF-8 sequences were read as U+FFFD.
        case invalidUTF8
    }

    public var kind: Kind
    /// How many times it occurred.
    public var count: Int
    /// UTF-8 byte offset of the first occurrence (0-based).
    public var byteOffset: Int

    public init(kind: Kind, count: Int, byteOffset: Int) {
        self.kind = kind
        self.count = count
        self.byteOffset = byteOffset
    }
}
