// The batch entry point and the per-thread scratch.
#include "internal.h"

CSavyKernel_Scratch *CSavyKernel_Scratch_create(void) {
    return calloc(1, sizeof(CSavyKernel_Scratch));
}

void CSavyKernel_Scratch_destroy(CSavyKernel_Scratch *s) {
    if (!s) return;
    free(s->tokens);
    free(s->key_hashes);
    free(s->keys);
    free(s->spans);
    free(s->items);
    free(s->scores);
    free(s->phrase);
    free(s->lemmas);
    free(s->phrase_keys);
    free(s->words);
    free(s->token_marks);
    free(s->token_lookups);
    free(s->cue_hits);
    free(s->cue_memo);
    free(s->word_memo);
    free(s->finnish_memo);
    if (s->voikko) morphology_close_handle(s->voikko_owner, s->voikko);
    if (s->stem_handle) stemmer_close(s->stem_owner, s->stem_handle);
    CSavyICU_Context_destroy(s->icu);
    free(s);
}

CSavyKernel_EvidenceBuffer *CSavyKernel_EvidenceBuffer_create(void) {
    return calloc(1, sizeof(CSavyKernel_EvidenceBuffer));
}

void CSavyKernel_EvidenceBuffer_destroy(CSavyKernel_EvidenceBuffer *b) {
    if (!b) return;
    free(b->items);
    free(b);
}

void CSavyKernel_EvidenceBuffer_clear(CSavyKernel_EvidenceBuffer *b) { b->count = 0; }
const CSavyKernel_Evidence *CSavyKernel_EvidenceBuffer_data(const CSavyKernel_EvidenceBuffer *b) { return b->items; }
size_t CSavyKernel_EvidenceBuffer_count(const CSavyKernel_EvidenceBuffer *b) { return b->count; }

static CSavyKernel_Morphology *morphology_for(const CSavyKernel_Languages *languages, const CSavyKernel_Lexicon *lexicon) {
    return lexicon->language == CSavyKernel_LanguageFinnish ? languages->finnish_morphology : NULL;
}

static size_t sentiment_words(const CSavyKernel_Scratch *s) {
    size_t n = 0;
    for (size_t k = 0; k < s->item_count; k++) n += s->items[k].valence != 0.0f;
    return n;
}

// Looks the text's words up in the lexicon of its language: the given one, or the detected
// one. When the letter and function-word cues leave a text undetermined ("Hienoa.", "Kiva
// nimi.", "Sad."), its sentiment words decide: each one that one language's lexicon
// knows counts like a function word of that language. Such texts are short, so looking them
// up in both lexicons costs little.
static const CSavyKernel_Lexicon *look_up_items(const CSavyKernel_Languages *languages, CSavyKernel_Scratch *s,
                                                const uint8_t *text, CSavyKernel_Language *language, float *confidence) {
    if (languages->fixed != CSavyKernel_LanguageUndetermined) {
        *language = languages->fixed;
        *confidence = 1.0f;
        const CSavyKernel_Lexicon *lexicon = *language == CSavyKernel_LanguageFinnish && languages->finnish ? languages->finnish : languages->english;
        lookup_items(lexicon, morphology_for(languages, lexicon), s, text);
        return lexicon;
    }
    size_t words;
    float sum = language_cue_sum(s, &words);
    *language = decide_language(sum, words, confidence);
    if (*language == CSavyKernel_LanguageFinnish && languages->finnish) {
        lookup_items(languages->finnish, languages->finnish_morphology, s, text);
        return languages->finnish;
    }
    lookup_items(languages->english, NULL, s, text);
    if (*language != CSavyKernel_LanguageUndetermined || !languages->finnish || words == 0 || s->failed) return languages->english;
    size_t english = sentiment_words(s);
    lookup_items(languages->finnish, languages->finnish_morphology, s, text);
    size_t finnish = sentiment_words(s);
    *language = decide_language(sum + language_lexicon_cue((long)finnish, (long)english), words, confidence);
    if (*language == CSavyKernel_LanguageFinnish) return languages->finnish;
    lookup_items(languages->english, NULL, s, text);
    return languages->english;
}

static void score_one(const CSavyKernel_Languages *languages, CSavyKernel_Scratch *s, const uint8_t *text,
                      size_t length, CSavyKernel_Result *result, CSavyKernel_EvidenceBuffer *evidence) {
    memset(result, 0, sizeof *result);
    result->neutral = 1.0f;
    if (evidence) result->evidence_start = (uint32_t)evidence->count;
    if (length > UINT32_MAX) { result->status = 2; return; }
    bool fast;
    // Emoticons are language-independent: the English lexicon's serve both.
    size_t tokens = tokenize_text(languages->english, s, text, length, false, &fast);
    result->used_fast_path = fast;
    result->invalid_utf8 = (uint32_t)s->invalid_count;
    result->first_invalid = s->invalid_count ? (uint32_t)s->first_invalid : 0;
    if (tokens == SIZE_MAX) { result->status = 1; return; }
    CSavyKernel_Language language;
    float confidence;
    const CSavyKernel_Lexicon *lexicon = look_up_items(languages, s, text, &language, &confidence);
    if (!s->failed) apply_rules(s, text, result, evidence);
    if (!s->failed) apply_tone(lexicon, s, morphology_for(languages, lexicon) != NULL, result, evidence);
    if (s->failed) {
        memset(result, 0, sizeof *result);
        result->neutral = 1.0f;
        result->status = 1;
        return;
    }
    if (evidence) result->evidence_count = (uint32_t)(evidence->count - result->evidence_start);
    result->language = (uint8_t)language;
    result->language_confidence = confidence;
}

void CSavyKernel_score_batch(const CSavyKernel_Languages *languages, CSavyKernel_Scratch *scratch,
    const uint8_t *bytes, const uint64_t *offsets, size_t count,
    CSavyKernel_Result *results, CSavyKernel_EvidenceBuffer *evidence) {
    static const uint8_t empty = 0;
    if (!bytes) bytes = &empty;  // a batch of empty texts may come with no buffer
    for (size_t i = 0; i < count; i++) {
        score_one(languages, scratch, bytes + offsets[i], (size_t)(offsets[i + 1] - offsets[i]), &results[i], evidence);
    }
}
