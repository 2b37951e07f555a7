import CSavyKernel

/// Turns kernel results and evidence records into public value types.
struct ResultDecoder {
    let analyzer: Analyzer
    let evidence: OpaquePointer?

    func analysis(_ result: CSavyKernel_Result, text: UnsafeRawBufferPointer, context: TurnContext? = nil) -> Analysis {
        let sentiment = Sentiment(
            compound: Self.rounded(result.compound),
            positive: Self.rounded(result.positive),
            neutral: Self.rounded(result.neutral),
            negative: Self.rounded(result.negative))
        let language = Language(kernel: result.language)
        var warnings: [TextWarning]?
        if result.invalid_utf8 > 0 {
            warnings = [TextWarning(kind: .invalidUTF8, count: Int(result.invalid_utf8), byteOffset: Int(result.first_invalid))]
        }
        var found: [Evidence]?
        if let evidence {
            let lexicon = language == .finnish ? (analyzer.finnish ?? analyzer.english) : analyzer.english
            let records = UnsafeBufferPointer(start: CSavyKernel_EvidenceBuffer_data(evidence), count: CSavyKernel_EvidenceBuffer_count(evidence))
            let mine = records[Int(result.evidence_start)..<Int(result.evidence_start + result.evidence_count)]
            found = mine.map { decode($0, text: text, lexicon: lexicon) }
        }
        // Built in one piece: filling a default Analysis field by field copied it twice a row.
        return Analysis(language: language, languageConfidence: Self.rounded(result.language_confidence), sentiment: sentiment,
                        tone: tone(result.tone, text: text), politeness: Politeness(strategies: PolitenessStrategies(rawValue: result.tone.strategies)),
                        empathy: empathy(result.tone, text: text, context: context), evidence: found, warnings: warnings)
    }

    private func tone(_ t: CSavyKernel_Tone, text: UnsafeRawBufferPointer) -> Tone {
        let tones = t.tones  // in CSavyKernel_Cue order: frustration, anger, sadness, anxiety, satisfaction, gratitude
        var ranges = t.profanity
        let count = min(Int(t.profanity_count), Int(CSavyKernel_MaxProfanity))
        let profanity: [String] = count == 0 ? [] : withUnsafeBytes(of: &ranges) { raw in
            let pairs = raw.bindMemory(to: UInt32.self)
            return (0..<count).map { i in
                String(decoding: UnsafeRawBufferPointer(rebasing: text[Int(pairs[2 * i])..<Int(pairs[2 * i + 1])]), as: UTF8.self)
            }
        }
        return Tone(
            politeness: Self.rounded(t.politeness),
            frustration: Self.rounded(tones.0),
            anger: Self.rounded(tones.1),
            sadness: Self.rounded(tones.2),
            anxiety: Self.rounded(tones.3),
            satisfaction: Self.rounded(tones.4),
            gratitude: Self.rounded(tones.5),
            profanity: profanity,
            shouting: Shouting(score: Self.rounded(t.shouting), capsWords: Int(t.caps_words),
                               exclamationRuns: Int(t.exclamation_runs), questionRuns: Int(t.question_runs)))
    }

    // Bit k of `strategies` is PolitenessStrategy.allCases[k] in the kernel too (CSavyKernel_Strategy).
    private func empathy(_ t: CSavyKernel_Tone, text: UnsafeRawBufferPointer, context: TurnContext?) -> Empathy {
        var caring = t.caring
        if let context, Personalisation.detect(in: text, context: context) {
            caring |= UInt8(CSavyKernel_CaringPersonalisation)
        }
        func has(_ bit: Int) -> Bool { caring & UInt8(bit) != 0 }
        return Empathy(
            score: Self.rounded(CSavyKernel_empathy_score(t.emotional_reaction, t.interpretation, t.exploration, caring)),
            emotionalReaction: Int(t.emotional_reaction),
            interpretation: Int(t.interpretation),
            exploration: Int(t.exploration),
            personalisation: has(CSavyKernel_CaringPersonalisation),
            ownership: has(CSavyKernel_CaringOwnership),
            reassurance: has(CSavyKernel_CaringReassurance),
            blame: has(CSavyKernel_CaringBlame),
            dismissal: has(CSavyKernel_CaringDismissal),
            policyRefusal: has(CSavyKernel_CaringPolicy))
    }

    private func decode(_ record: CSavyKernel_Evidence, text: UnsafeRawBufferPointer, lexicon: KernelLexicon) -> Evidence {
        func slice(_ start: UInt32, _ end: UInt32) -> String {
            String(decoding: UnsafeRawBufferPointer(rebasing: text[Int(start)..<Int(end)]), as: UTF8.self)
        }
        let source = record.source == UInt32.max ? nil : lexicon.sourceNames[Int(record.source)]
        return Evidence(
            kind: Self.kinds[Int(record.kind)],
            text: slice(record.start, record.end),
            range: .init(start: Int(record.start), end: Int(record.end)),
            target: slice(record.target_start, record.target_end),
            targetRange: .init(start: Int(record.target_start), end: Int(record.target_end)),
            effect: Self.rounded(record.effect),
            source: source,
            term: record.term.map { term in
                String(decoding: UnsafeBufferPointer(start: term, count: Int(record.term_length)).map { $0 == 0x1F ? 0x20 : $0 }, as: UTF8.self)
            },
            marker: Self.marker(record))
    }

    /// In kernel order (CSavyKernel_EvidenceKind).
    static let kinds: [Evidence.Kind] = [
        .lexicon, .phrase, .emoticon, .emoji, .caps, .booster, .dampener, .negation, .least,
        .contrast, .concession, .exclamation, .question, .hyphenHead, .inflection, .irrealis,
        .compoundHead, .compoundModifier, .lexicalNegation, .reversal, .prohibition, .reassurance, .tone, .strategy, .empathy,
    ]

    /// Kernel cue names as Swift spells them (CSavyKernel_Cue order).
    static let cueNames: [String] = [
        "frustration", "anger", "sadness", "anxiety", "satisfaction", "gratitude", "profanity",
        "apology", "greeting", "please", "indirectRequest", "directRequest", "hedge", "deference",
        "factuality", "byTheWay", "questionWord", "conjunction", "firstPerson", "firstPersonPlural",
        "secondPerson", "command", "reassurance", "emotionalReaction", "interpretation", "exploration",
        "ownership", "blame", "dismissal", "policyRefusal", "personalisation",
    ]

    private static func marker(_ record: CSavyKernel_Evidence) -> String? {
        switch UInt32(record.kind) {
        case CSavyKernel_EvidenceTone.rawValue, CSavyKernel_EvidenceEmpathy.rawValue:
            Int(record.detail) < cueNames.count ? cueNames[Int(record.detail)] : nil
        case CSavyKernel_EvidenceStrategy.rawValue:
            Int(record.detail) < PolitenessStrategies.order.count ? PolitenessStrategies.order[Int(record.detail)].rawValue : nil
        default:
            nil
        }
    }

    /// Scores are single precision in the kernel; four decimals is what they carry.
    static func rounded(_ value: Float) -> Double {
        if value == 0 { return Double(value) }  // most tones and strategies: no multiply, divide or conversions
        let scaled = Double(value) * 10_000
        // Half away from zero, as `rounded()`, without its call into libm (a tenth of the
        // decoder's time): below 2^52 the truncation and the remainder are exact.
        guard abs(scaled) < 0x1p52 else { return scaled.rounded() / 10_000 }
        var whole = Double(Int64(scaled))
        let rest = scaled - whole
        if rest >= 0.5 { whole += 1 } else if rest <= -0.5 { whole -= 1 }
        if whole == 0 { whole = scaled.sign == .minus ? -0.0 : 0.0 }  // as rounded() keeps it
        return whole / 10_000
    }
}
