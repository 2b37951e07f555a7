/// The tone of a text: politeness and six emotional tones of customer-service chat.
///
/// Each tone is in 0...1: at 0.5 and above it is present, at 0.75 and above strong. Tones
/// combine their cues by noisy-or (`1 − Π(1 − weight)`), so one clear cue makes a tone
/// present and two make it strong.
public struct Tone: Codable, Sendable, Hashable {
    /// −1 (impolite) ... 1 (polite); 0 when no strategy is present.
    public var politeness: Double
    /// Exasperation at a blocked goal: waiting, repetition, nothing working.
    public var frustration: Double
    /// Hostility, outrage, threats to leave or complain.
    public var anger: Double
    /// Disappointment, hurt, loss.
    public var sadness: Double
    /// Worry, fear, urgency.
    public var anxiety: Double
    /// Contentment with the service or its outcome.
    public var satisfaction: Double
    /// Thanks and appreciation.
    public var gratitude: Double
    /// Swear words, as written in the text (the first four).
    public var profanity: [String]
    public var shouting: Shouting

    public init(politeness: Double = 0, frustration: Double = 0, anger: Double = 0, sadness: Double = 0,
                anxiety: Double = 0, satisfaction: Double = 0, gratitude: Double = 0, profanity: [String] = [],
                shouting: Shouting = Shouting()) {
        self.politeness = politeness
        self.frustration = frustration
        self.anger = anger
        self.sadness = sadness
        self.anxiety = anxiety
        self.satisfaction = satisfaction
        self.gratitude = gratitude
        self.profanity = profanity
        self.shouting = shouting
    }

    /// The threshold at which a tone counts as present.
    public static let present = 0.5
    /// The threshold at which a tone counts as strong.
    public static let strong = 0.75
}

/// Shouting: ALL-CAPS words and runs of `!!`, `?!` or `??`.
public struct Shouting: Codable, Sendable, Hashable {
    /// 0...1; present at 0.5 (two shouted words, or one `!!`).
    public var score: Double
    /// ALL-CAPS words of four or more letters, or in a run of two or more (short capitals
    /// alone are usually acronyms: PIN, SMS).
    public var capsWords: Int
    /// Runs such as `!!`, `!!!`, `?!`.
    public var exclamationRuns: Int
    /// Runs such as `??`.
    public var questionRuns: Int

    public init(score: Double = 0, capsWords: Int = 0, exclamationRuns: Int = 0, questionRuns: Int = 0) {
        self.score = score
        self.capsWords = capsWords
        self.exclamationRuns = exclamationRuns
        self.questionRuns = questionRuns
    }
}

/// The politeness strategies found in a text.
public struct Politeness: Codable, Sendable, Hashable {
    /// In the order of ``PolitenessStrategy``; each listed once.
    public var strategies: PolitenessStrategies

    public init(strategies: PolitenessStrategies = []) { self.strategies = strategies }
}

/// A set of politeness strategies, iterated in the order of ``PolitenessStrategy`` and
/// encoded as an array of names. One bit per strategy: an analysis holds no array of its own,
/// so scoring a text allocates nothing for it.
public struct PolitenessStrategies: SetAlgebra, Sequence, Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    public typealias Element = PolitenessStrategy

    /// Bit k is `PolitenessStrategy.allCases[k]`.
    public private(set) var rawValue: UInt32

    public init() { rawValue = 0 }
    public init(rawValue: UInt32) { self.rawValue = rawValue & (UInt32(1) << Self.order.count &- 1) }
    public init(arrayLiteral elements: PolitenessStrategy...) { self.init(elements) }

    /// Kernel order (CSavyKernel_Strategy), built once: `allCases` builds a new array at every use.
    static let order = PolitenessStrategy.allCases
    private static let bits = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, UInt32(1) << $0) })
    private static func bit(_ strategy: PolitenessStrategy) -> UInt32 { bits[strategy]! }

    public var count: Int { rawValue.nonzeroBitCount }
    public var isEmpty: Bool { rawValue == 0 }
    public func contains(_ member: PolitenessStrategy) -> Bool { rawValue & Self.bit(member) != 0 }

    @discardableResult
    public mutating func insert(_ newMember: PolitenessStrategy) -> (inserted: Bool, memberAfterInsert: PolitenessStrategy) {
        let had = contains(newMember)
        rawValue |= Self.bit(newMember)
        return (!had, newMember)
    }

    @discardableResult
    public mutating func remove(_ member: PolitenessStrategy) -> PolitenessStrategy? {
        defer { rawValue &= ~Self.bit(member) }
        return contains(member) ? member : nil
    }

    @discardableResult
    public mutating func update(with newMember: PolitenessStrategy) -> PolitenessStrategy? {
        insert(newMember).inserted ? nil : newMember
    }

    public func union(_ other: Self) -> Self { Self(rawValue: rawValue | other.rawValue) }
    public func intersection(_ other: Self) -> Self { Self(rawValue: rawValue & other.rawValue) }
    public func symmetricDifference(_ other: Self) -> Self { Self(rawValue: rawValue ^ other.rawValue) }
    public mutating func formUnion(_ other: Self) { rawValue |= other.rawValue }
    public mutating func formIntersection(_ other: Self) { rawValue &= other.rawValue }
    public mutating func formSymmetricDifference(_ other: Self) { rawValue ^= other.rawValue }

    public struct Iterator: IteratorProtocol {
        var remaining: UInt32
        public mutating func next() -> PolitenessStrategy? {
            guard remaining != 0 else { return nil }
            defer { remaining &= remaining - 1 }
            return PolitenessStrategies.order[remaining.trailingZeroBitCount]
        }
    }

    public func makeIterator() -> Iterator { Iterator(remaining: rawValue) }

    public init(from decoder: any Decoder) throws {
        self.init(try [PolitenessStrategy](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try Array(self).encode(to: encoder)
    }
}

/// Politeness strategies: the Stanford set (Danescu-Niculescu-Mizil et al., ACL 2013) and
/// their Finnish counterparts. The raw value is the name in JSON output and evidence.
public enum PolitenessStrategy: String, Codable, Sendable, Hashable, CaseIterable {
    case gratitude, apology, greeting
    /// "please" inside a sentence ("Could you please …").
    case please
    /// "please" opening a sentence ("Please do not …"), which reads as a demand.
    case pleaseStart
    /// A conditional request: "could you", "would you mind", "voisitko", "olisiko mahdollista".
    case indirectRequest
    /// An indicative request: "can you", "will you", "voitko".
    case directRequest
    case hedge, deference, factuality
    /// "by the way", "btw", "muuten".
    case byTheWay
    /// A question opened by a question word ("Why did you …?").
    case directQuestion
    /// A sentence opened by a conjunction ("So can you …").
    case directStart
    case firstPersonStart, firstPerson, firstPersonPlural, secondPerson, secondPersonStart
    case swearing
    /// "no worries", "don't worry", "ei hätää".
    case reassurance
    /// A bare imperative: "Send it.", "lähetä".
    case command
    /// A Finnish imperative softened with -pA, or a -hAn request: "lähetäpä", "ilmoitathan".
    case softenedCommand
    /// Finnish teitittely, the polite plural: "voisitteko", "teidän tilauksenne".
    case formalAddress
    /// A positive word from the sentiment lexicon.
    case positiveLexicon
    /// A negative word from the sentiment lexicon.
    case negativeLexicon
    /// ALL-CAPS words, "!!", "??" (shouting at 0.5 or more).
    case shouting
}

/// Empathy of an agent turn: the three EPITOME mechanisms (Sharma et al., EMNLP 2020), each
/// at level 0 (none), 1 (weak, generic) or 2 (strong, specific), and the caring elements of
/// chat service encounters.
public struct Empathy: Codable, Sendable, Hashable {
    /// 0...1: the mechanisms and caring elements together, less blame, dismissal and
    /// policy-only refusals.
    public var score: Double
    /// Concern and warmth: "sorry about that" (1), "I'm so sorry to hear that" (2).
    public var emotionalReaction: Int
    /// Showing understanding: "I understand" (1), "that must be frustrating" (2).
    public var interpretation: Int
    /// Asking about the customer's situation: "what happened?" (1), a specific question (2).
    public var exploration: Int
    /// The customer's name, or the customer's own words, taken up (needs a ``TurnContext``).
    public var personalisation: Bool
    /// Taking responsibility and acting: "I'll check this and get back to you".
    public var ownership: Bool
    /// "Don't worry, your money is safe."
    public var reassurance: Bool
    /// Blaming the customer: "you should have read the terms".
    public var blame: Bool
    /// Dismissing the concern: "that's not our problem".
    public var dismissal: Bool
    /// Refusing by citing policy alone: "per our policy we can't".
    public var policyRefusal: Bool

    public init(score: Double = 0, emotionalReaction: Int = 0, interpretation: Int = 0, exploration: Int = 0,
                personalisation: Bool = false, ownership: Bool = false, reassurance: Bool = false,
                blame: Bool = false, dismissal: Bool = false, policyRefusal: Bool = false) {
        self.score = score
        self.emotionalReaction = emotionalReaction
        self.interpretation = interpretation
        self.exploration = exploration
        self.personalisation = personalisation
        self.ownership = ownership
        self.reassurance = reassurance
        self.blame = blame
        self.dismissal = dismissal
        self.policyRefusal = policyRefusal
    }
}

/// Who wrote a turn.
public enum Speaker: String, Codable, Sendable, Hashable, CaseIterable {
    case agent, customer
}

/// What an analyzer may know about a chat turn beyond its text.
public struct TurnContext: Sendable, Hashable {
    public var speaker: Speaker?
    /// The customer's name, for personalisation ("Thanks, Maria").
    public var customerName: String?
    /// The customer's previous turn, for personalisation by taking up their words.
    public var previousCustomerTurn: String?

    public init(speaker: Speaker? = nil, customerName: String? = nil, previousCustomerTurn: String? = nil) {
        self.speaker = speaker
        self.customerName = customerName
        self.previousCustomerTurn = previousCustomerTurn
    }
}
