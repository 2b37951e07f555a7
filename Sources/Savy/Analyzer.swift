import CSavyKernel

/// Scores the sentiment of text.
///
/// Build one at start-up and share it: it is immutable and `Sendable`, and every method is
/// safe to call from many threads at once.
///
/// ```swift
/// let analyzer = try Analyzer()
/// let analysis = analyzer.score("The agent was very helpful, thanks!")
/// print(analysis.sentiment.compound, analysis.sentiment.label)
/// ```
public struct Analyzer: Sendable {
    /// How an analyzer is built.
    public struct Configuration: Sendable {
        /// Lexicons layered over the built-in ones, in order; each joins the lexicon of its
        /// ``LexiconSource/language`` (or of every language).
        public var lexicons: [LexiconSource]
        /// Whether to start from the built-in lexicons (normally yes).
        public var includeBuiltInLexicons: Bool
        /// The language to score every text as; `nil` detects each text's language. With
        /// English, the Finnish lexicon and Voikko are not loaded.
        public var language: Language?
        /// Whether to lemmatise Finnish with Voikko when it is installed (libvoikko1 and
        /// voikko-fi). Without it, a Finnish word the lexicon lacks as written is read by
        /// Savy's own suffix rules ("ihanaa" as "ihana"), then by its Snowball stem.
        public var useVoikko: Bool

        public init(lexicons: [LexiconSource] = [], includeBuiltInLexicons: Bool = true, language: Language? = nil,
                    useVoikko: Bool = true) {
            self.lexicons = lexicons
            self.includeBuiltInLexicons = includeBuiltInLexicons
            self.language = language == .undetermined ? nil : language
            self.useVoikko = useVoikko
        }
    }

    let english: KernelLexicon
    let finnish: KernelLexicon?
    let morphology: FinnishMorphology?
    let language: Language?
    let workers: WorkerPool

    /// Why Finnish is matched as written rather than lemmatised, when it is; nil when Voikko
    /// is in use, and when Finnish is not loaded at all (``Configuration/language`` English).
    public let finnishMorphologyProblem: String?

    /// Builds an analyzer with the built-in lexicons and any user lexicons layered on top.
    /// - Throws: ``LexiconError`` naming the file, line and column of a bad entry.
    public init(configuration: Configuration = Configuration()) throws(LexiconError) {
        @Sendable func sources(_ language: Language) -> [LexiconSource] {
            (configuration.includeBuiltInLexicons ? BuiltInLexicons.sources(for: language) : [])
                + configuration.lexicons.filter { $0.language == nil || $0.language == language }
        }
        // Texts fixed to English never reach the Finnish lexicon or Voikko.
        let wantsFinnish = configuration.language != .english
            && (BuiltInLexicons.has(.finnish) || configuration.lexicons.contains { $0.language == .finnish })
        // The Finnish lexicon and Voikko load on a second thread while English builds here:
        // start-up is most of a short run's time, and the two share nothing.
        let finnishPart = Concurrently(enabled: wantsFinnish) { () throws(LexiconError) -> (KernelLexicon, (FinnishMorphology?, String?)) in
            (try KernelLexicon(language: .finnish, sources: sources(.finnish)),
             configuration.useVoikko ? FinnishMorphology.load() : (nil, nil))
        }
        english = try KernelLexicon(language: .english, sources: sources(.english))
        let finnishLoaded = try finnishPart.value()
        finnish = finnishLoaded?.0
        let (morphology, loadProblem) = finnishLoaded?.1 ?? (nil, nil)
        self.morphology = morphology
        finnishMorphologyProblem = configuration.useVoikko ? loadProblem : "Voikko is turned off"
        language = configuration.language
        workers = WorkerPool(owners: [english, finnish as AnyObject?, morphology as AnyObject?].compactMap { $0 })
    }

    /// Whether Finnish words are lemmatised with Voikko.
    public var usesVoikko: Bool { morphology != nil }

    /// The number of words, phrases, emoticons and emoji the analyzer knows in `language`.
    public func lexiconEntryCount(for language: Language = .english) -> Int {
        (language == .finnish ? finnish : english)?.count ?? 0
    }

    /// The lexicons and language choice, as the kernel takes them.
    func withLanguages<R>(_ body: (UnsafePointer<CSavyKernel_Languages>) -> R) -> R {
        var languages = CSavyKernel_Languages(
            english: english.pointer, finnish: finnish?.pointer, finnish_morphology: morphology?.pointer,
            fixed: language?.kernelLanguage ?? CSavyKernel_LanguageUndetermined)
        return withUnsafePointer(to: &languages) { body($0) }
    }

    /// Scores one text. With `explain`, the result lists what moved the score. A `context`
    /// (the customer's name, their previous turn) lets empathy see personalisation.
    public func score(_ text: String, context: TurnContext? = nil, explain: Bool = false) -> Analysis {
        var text = text
        return text.withUTF8 { utf8 in
            score(utf8: UnsafeRawBufferPointer(utf8), context: context, explain: explain)
        }
    }

    /// Scores one text given as UTF-8 bytes, which may be invalid (they are then repaired
    /// and reported in ``Analysis/warnings``).
    public func score(utf8 text: UnsafeRawBufferPointer, context: TurnContext? = nil, explain: Bool = false) -> Analysis {
        workers.withWorker { worker in
            var offsets: (UInt64, UInt64) = (0, UInt64(text.count))
            var result = CSavyKernel_Result()
            let evidence = explain ? worker.evidence : nil
            if let evidence { CSavyKernel_EvidenceBuffer_clear(evidence) }
            var empty: UInt8 = 0  // a valid address for empty input
            withUnsafePointer(to: &offsets) { offsetsPointer in
                offsetsPointer.withMemoryRebound(to: UInt64.self, capacity: 2) { offsets in
                    withLanguages { languages in
                        if let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self) {
                            CSavyKernel_score_batch(languages, worker.scratch, base, offsets, 1, &result, evidence)
                        } else {
                            CSavyKernel_score_batch(languages, worker.scratch, &empty, offsets, 1, &result, evidence)
                        }
                    }
                }
            }
            return ResultDecoder(analyzer: self, evidence: evidence).analysis(result, text: text, context: context)
        }
    }

    /// Scores many texts, in order.
    public func score(_ texts: some Sequence<String>, explain: Bool = false) -> [Analysis] {
        score(TextBatch(texts), explain: explain)
    }

    /// Scores a batch in one kernel call: the fastest way to score many texts. `contexts`,
    /// when given, has one entry per text.
    public func score(_ batch: TextBatch, contexts: [TurnContext?]? = nil, explain: Bool = false) -> [Analysis] {
        precondition(contexts == nil || contexts!.count == batch.count, "one context per text")
        if batch.isEmpty { return [] }
        return workers.withWorker { worker in
            let evidence = explain ? worker.evidence : nil
            if let evidence { CSavyKernel_EvidenceBuffer_clear(evidence) }
            var results = [CSavyKernel_Result](repeating: CSavyKernel_Result(), count: batch.count)
            // Never empty: ContiguousArray storage gives a real address even for zero bytes.
            var bytes = batch.bytes
            if bytes.isEmpty { bytes.reserveCapacity(1) }
            bytes.withUnsafeBufferPointer { bytes in
                batch.offsets.withUnsafeBufferPointer { offsets in
                    withLanguages { languages in
                        CSavyKernel_score_batch(languages, worker.scratch, bytes.baseAddress,
                                                offsets.baseAddress, batch.count, &results, evidence)
                    }
                }
            }
            let decoder = ResultDecoder(analyzer: self, evidence: evidence)
            return batch.bytes.withUnsafeBytes { all in
                results.indices.map { index in
                    let text = UnsafeRawBufferPointer(rebasing: all[Int(batch.offsets[index])..<Int(batch.offsets[index + 1])])
                    return decoder.analysis(results[index], text: text, context: contexts?[index])
                }
            }
        }
    }
}
