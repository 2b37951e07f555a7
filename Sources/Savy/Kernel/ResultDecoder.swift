import CSavyKernel

/// Turns kernel results and evidence records into public value types.
struct ResultDecoder {
    let analyzer: Analyzer
    let evidence: OpaquePointer?

    func analysis(_ result: CSavyKernel_Result, text: UnsafeRawBufferPointer) -> Analysis {
        let sentiment = Sentiment(
            compound: Self.rounded(result.compound),
            positive: Self.rounded(result.positive),
            neutral: Self.rounded(result.neutral),
            negative: Self.rounded(result.negative))
        var analysis = Analysis(language: Language(kernel: result.language), sentiment: sentiment)
        analysis.languageConfidence = Self.rounded(result.language_confidence)
        let lexicon = analysis.language == .finnish ? (analyzer.finnish ?? analyzer.english) : analyzer.english
        if result.invalid_utf8 > 0 {
            analysis.warnings = [TextWarning(kind: .invalidUTF8, count: Int(result.invalid_utf8), byteOffset: Int(result.first_invalid))]
        }
        if let evidence {
            let records = UnsafeBufferPointer(start: CSavyKernel_EvidenceBuffer_data(evidence), count: CSavyKernel_EvidenceBuffer_count(evidence))
            let mine = records[Int(result.evidence_start)..<Int(result.evidence_start + result.evidence_count)]
            analysis.evidence = mine.map { decode($0, text: text, lexicon: lexicon) }
        }
        return analysis
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
            })
    }

    /// In kernel order (CSavyKernel_EvidenceKind).
    static let kinds: [Evidence.Kind] = [
        .lexicon, .phrase, .emoticon, .emoji, .caps, .booster, .dampener, .negation, .least,
        .contrast, .concession, .exclamation, .question, .hyphenHead, .inflection, .irrealis,
        .compoundHead, .compoundModifier, .lexicalNegation,
    ]

    /// Scores are single precision in the kernel; four decimals is what they carry.
    static func rounded(_ value: Float) -> Double {
        (Double(value) * 10_000).rounded() / 10_000
    }
}
