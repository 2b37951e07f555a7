/// One thing that moved a score: a lexicon hit, or a rule acting on one.
///
/// The effects of a text's sentiment evidence add up to its raw sum, from which `compound`
/// follows: `compound = sum / sqrt(sum² + 15)`. Tone, strategy and empathy evidence
/// (``Kind/isSentiment`` false) explains the other scores and is not part of that sum.
public struct Evidence: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        /// A word's valence from a lexicon.
        case lexicon
        /// A multiword idiom's valence ("yeah right").
        case phrase
        case emoticon
        case emoji
        /// ALL-CAPS emphasis in mixed-case text.
        case caps
        /// An intensifier before a sentiment word ("very").
        case booster
        /// A softener before a sentiment word ("somewhat", "kind of").
        case dampener
        /// A negator whose scope covers the word ("not", "never", "don't").
        case negation
        /// "least" before a word.
        case least
        /// Weighting around "but" or "however".
        case contrast
        /// Weighting of an "although" clause.
        case concession
        /// Exclamation marks amplify the overall direction.
        case exclamation
        /// Repeated question marks amplify the overall direction.
        case question
        /// A hyphenated word scored by its last part ("super-friendly").
        case hyphenHead
        /// A word scored through its uninflected form ("hates" → "hate").
        case inflection
        /// Sentiment in a modal or conditional clause, which it does not assert
        /// ("It would be great if…").
        case irrealis
        /// A Finnish compound scored by its last part ("asiakaspalvelu" → "palvelu").
        case compoundHead
        /// A Finnish compound's first part boosting its head ("huippuhyvä") or scoring the
        /// whole ("paskapalvelu").
        case compoundModifier
        /// "epä-" or "-ton/-tön" reversing its base ("toivoton" ← "toivo").
        case lexicalNegation
        /// A reverser taking its object away: "fixed" on "the problem", "lost" on "my trust",
        /// "korjasi" on "vian".
        case reversal
        /// A prohibition over a negative word, which keeps its sign at a lower weight instead
        /// of flipping: "Don't be rude" and "Älä valehtele" reproach, they do not praise.
        case prohibition
        /// A prohibition, or "no need", over the hearer's own bad feeling, which consoles
        /// instead: "Don't be sad", "Älä ole huolissasi", "Ei tarvitse pelätä".
        case reassurance
        /// A tone cue (``Evidence/marker`` names the tone; the effect is its weight). Tone,
        /// strategy and empathy evidence does not move the sentiment sum.
        case tone
        /// A politeness strategy (``Evidence/marker`` names it; the effect is its weight in
        /// the politeness sum).
        case strategy
        /// An empathy mechanism or caring element (``Evidence/marker`` names it; the effect is
        /// its level, or 1).
        case empathy

        /// Whether the evidence moves the sentiment sum.
        public var isSentiment: Bool { self != .tone && self != .strategy && self != .empathy }
    }

    /// A half-open range of UTF-8 byte offsets into the text.
    public struct ByteRange: Codable, Sendable, Hashable {
        public var start: Int
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    public var kind: Kind
    /// The words that acted (the sentiment word itself, for a lexicon hit).
    public var text: String
    public var range: ByteRange
    /// The sentiment word acted on; for exclamation and question marks, the whole text.
    public var target: String
    public var targetRange: ByteRange
    /// Change to the raw sum, in valence units (-4...4 per word before rules).
    public var effect: Double
    /// The lexicon file the entry came from, for lexicon-based evidence.
    public var source: String?
    /// The lexicon entry that matched, as written in the lexicon: a lemma for Finnish
    /// ("hyvä" for "hyvää", "ei" for "en"), a phrase's words joined by spaces.
    public var term: String?
    /// For tone, strategy and empathy evidence: the tone, strategy or mechanism that fired
    /// ("frustration", "pleaseStart", "interpretation").
    public var marker: String?

    public init(kind: Kind, text: String, range: ByteRange, target: String, targetRange: ByteRange,
                effect: Double, source: String?, term: String? = nil, marker: String? = nil) {
        self.marker = marker
        self.kind = kind
        self.text = text
        self.range = range
        self.target = target
        self.targetRange = targetRange
        self.effect = effect
        self.source = source
        self.term = term
    }
}
