// Tone, politeness and empathy: tokens -> cue hits -> tones, politeness strategies and the
// EPITOME empathy mechanisms, with evidence. Runs after apply_rules, on the same tokens,
// items and Finnish analyses.
//
// - Tones are noisy-or combinations of cue weights: score = 1 - prod(1 - w). A tone counts
//   as present at 0.5 and strong at 0.75.
// - Politeness is tanh of the summed weights of the strategies present (each counted once per
//   text), after Danescu-Niculescu-Mizil et al. (ACL 2013): their Table 3 gives the mean
//   politeness (z-score) of requests with each strategy, and those means are the weights here.
// - Empathy follows EPITOME (Sharma et al., EMNLP 2020): emotional reaction, interpretation
//   and exploration at levels 0-2, plus the caring elements of service encounters.
#include "internal.h"

#include <math.h>

enum {
    MARK_SENTENCE_START = 1 << 0,  // the first word of its sentence
    MARK_NEGATED = 1 << 1,         // inside an open negation scope
    MARK_QUESTION = 1 << 2,        // its sentence ends with '?' or asks with -kO
    MARK_BOOSTED = 1 << 3,         // a booster precedes it ("so sorry", "todella pahoillani")
    MARK_NEGATIVE_SENTENCE = 1 << 4,  // its sentence holds a negative word ("how frustrating")
    MARK_EMPATHIC_SENTENCE = 1 << 5,  // its sentence reacts to or interprets the other's feelings
    MARK_IN_PHRASE = 1 << 6,          // inside a matched cue phrase ("ole hyvä ja": not a command)
    MARK_HEDGED = 1 << 7,             // after a hedge in its sentence ("Maybe I'm missing something")
};

// A negator reaches this many words, as in rules.c ("I'm not sorry", "en ole pahoillani").
#define NEGATION_SCOPE_WORDS 3
// An exploration cue of level 1 in a question this long is specific, so level 2:
// "What happened?" vs "What happened when you tried to log in yesterday?"
#define SPECIFIC_QUESTION_WORDS 8

// MARK: - Strategy weights

// Mean politeness (z-score) of Wikipedia requests with each strategy, from Table 3 of
// Danescu-Niculescu-Mizil et al. (2013); Savy's own values for strategies the paper lacks
// (marked "own"): Finnish forms set by analogy with their English counterparts.
static const float STRATEGY_WEIGHT[CSavyKernel_StrategyCount] = {
    [CSavyKernel_StrategyGratitude] = 0.87f,
    [CSavyKernel_StrategyApology] = 0.36f,
    [CSavyKernel_StrategyGreeting] = 0.43f,
    [CSavyKernel_StrategyPlease] = 0.49f,
    [CSavyKernel_StrategyPleaseStart] = -0.30f,
    [CSavyKernel_StrategyIndirectRequest] = 0.47f,   // counterfactual modal
    [CSavyKernel_StrategyDirectRequest] = 0.09f,     // indicative modal
    [CSavyKernel_StrategyHedge] = 0.14f,
    [CSavyKernel_StrategyDeference] = 0.78f,
    [CSavyKernel_StrategyFactuality] = -0.38f,
    [CSavyKernel_StrategyByTheWay] = 0.63f,
    [CSavyKernel_StrategyDirectQuestion] = -0.27f,
    [CSavyKernel_StrategyDirectStart] = -0.43f,
    [CSavyKernel_StrategyFirstPersonStart] = 0.12f,
    [CSavyKernel_StrategyFirstPerson] = 0.08f,
    [CSavyKernel_StrategyFirstPersonPlural] = 0.08f,
    [CSavyKernel_StrategySecondPerson] = 0.05f,
    [CSavyKernel_StrategySecondPersonStart] = -0.30f,
    [CSavyKernel_StrategyPositiveLexicon] = 0.12f,
    [CSavyKernel_StrategyNegativeLexicon] = -0.13f,
    [CSavyKernel_StrategySwearing] = -1.0f,          // own: swearing at someone is impolite whatever else is said
    [CSavyKernel_StrategyReassurance] = 0.40f,       // own: "no worries"
    [CSavyKernel_StrategyCommand] = -0.35f,          // own: between a direct start and a 2nd-person start
    [CSavyKernel_StrategySoftenedCommand] = 0.30f,   // own: "lähetäpä" softens "lähetä"
    [CSavyKernel_StrategyFormalAddress] = 0.35f,     // own: teitittely, about "please" in effect
    [CSavyKernel_StrategyShouting] = -0.60f,         // own
};

// Anger and frustration make a turn impolite beyond its markers: "This is a joke. Fix it."
static const float ANGER_POLITENESS = -0.8f;
static const float FRUSTRATION_POLITENESS = -0.4f;
// Blame and dismissal are face threats (Brown and Levinson): "You should have read the terms."
static const float UNCARING_POLITENESS = -0.5f;

// MARK: - Tones from other signals

// Shouting: a shouted word (ALL-CAPS, 4+ letters or in a run), a run of "!!" or "?!", a "??".
static const float SHOUT_WORD = 0.45f, SHOUT_EXCLAMATIONS = 0.5f, SHOUT_QUESTIONS = 0.35f;
// A shouted negative turn is frustrated and angry; a shouted happy one is only excited.
static const float SHOUT_FRUSTRATION = 0.45f, SHOUT_ANGER = 0.35f;
// Swearing in a negative turn is anger.
static const float PROFANITY_ANGER = 0.4f;
// Overall sentiment leans the tones a little: |compound| times these.
static const float NEGATIVE_FRUSTRATION = 0.35f, POSITIVE_SATISFACTION = 0.35f;
// A denied satisfaction ("not happy", "en ole tyytyväinen") is frustration at this share.
static const float NEGATED_SATISFACTION_FRUSTRATION = 0.6f;

// MARK: - Helpers

static inline void either(float *score, float weight) { *score = 1.0f - (1.0f - *score) * (1.0f - weight); }

typedef struct ToneContext {
    CSavyKernel_Scratch *s;
    CSavyKernel_EvidenceBuffer *evidence;
    CSavyKernel_Tone *tone;
    bool analysed;                 // Finnish words carry Voikko's analysis
} ToneContext;

static void note(ToneContext *c, uint8_t kind, uint8_t detail, size_t first, size_t count, float effect,
                 const uint8_t *term, uint32_t term_length) {
    CSavyKernel_EvidenceBuffer *b = c->evidence;
    if (!b) return;
    if (!grow((void **)&b->items, &b->capacity, b->count + 1, sizeof *b->items)) {
        c->s->failed = true;
        return;
    }
    uint32_t start = c->s->tokens[first].start, end = c->s->tokens[first + count - 1].end;
    b->items[b->count++] = (CSavyKernel_Evidence){
        .start = start, .end = end, .target_start = start, .target_end = end, .effect = effect,
        .source = UINT32_MAX, .term = term, .term_length = term_length, .kind = kind, .detail = detail};
}

static void use_strategy(ToneContext *c, CSavyKernel_Strategy strategy, size_t first, size_t count,
                         const uint8_t *term, uint32_t term_length) {
    note(c, CSavyKernel_EvidenceStrategy, (uint8_t)strategy, first, count, STRATEGY_WEIGHT[strategy], term, term_length);
    c->tone->strategies |= 1u << strategy;
}

static inline bool is_punct(const CSavyKernel_Scratch *s, size_t i, uint8_t ch) {
    const CSavyKernel_Token *t = &s->tokens[i];
    return t->kind == CSavyKernel_TokenPunct && t->key_length == 1 && s->keys[t->key_offset] == ch;
}

static inline bool is_sentence_end(const CSavyKernel_Scratch *s, size_t i) {
    const CSavyKernel_Token *t = &s->tokens[i];
    if (t->kind != CSavyKernel_TokenPunct) return false;
    const uint8_t *k = s->keys + t->key_offset;
    if (t->key_length == 1) return k[0] == '.' || k[0] == '!' || k[0] == '?';
    return t->key_length == 3 && k[0] == 0xE2 && k[1] == 0x80 && k[2] == 0xA6;  // …
}

// MARK: - Marks: sentences, questions, negation

static void close_sentence(CSavyKernel_Scratch *s, size_t start, size_t end, size_t first_word, bool question, bool negative) {
    if (first_word != SIZE_MAX) s->token_marks[first_word] |= MARK_SENTENCE_START;
    uint8_t sentence = (question ? MARK_QUESTION : 0) | (negative ? MARK_NEGATIVE_SENTENCE : 0);
    if (sentence) {
        for (size_t i = start; i < end; i++) s->token_marks[i] |= sentence;
    }
}

// One pass over the items, which cover the tokens in order: a sentence runs to its final
// punctuation ("?!" and "..." close it together); negation and boosters act as the rules saw
// them ("not" and "en" are negators there).
static void mark_tokens(CSavyKernel_Scratch *s, bool analysed) {
    memset(s->token_marks, 0, s->token_count);
    size_t start = 0, first_word = SIZE_MAX, left = 0;
    bool question = false, negative = false;
    for (size_t k = 0; k < s->item_count; k++) {
        const Item *it = &s->items[k];
        if (it->valence < 0) negative = true;
        if (it->flags & ITEM_SENTENCE_END) {
            if (is_punct(s, it->first, '?')) question = true;
            if (k + 1 < s->item_count && (s->items[k + 1].flags & ITEM_SENTENCE_END)) continue;
            close_sentence(s, start, it->first + 1, first_word, question, negative);
            start = it->first + 1;
            first_word = SIZE_MAX;
            question = negative = false;
        } else if (s->tokens[it->first].kind == CSavyKernel_TokenWord) {
            if (first_word == SIZE_MAX) first_word = it->first;
            for (uint32_t t = 0; analysed && t < it->count; t++) {
                uint32_t flags = s->words[it->first + t].flags;
                if ((flags & FI_QUESTION) && !(flags & FI_NEGATION_VERB)) question = true;
            }
        }
        if (it->flags & ITEM_CLAUSE_END) { left = 0; continue; }
        if (left && (it->flags & ITEM_WORDLIKE)) {
            for (uint32_t t = 0; t < it->count; t++) s->token_marks[it->first + t] |= MARK_NEGATED;
            left--;
        }
        if (it->role == CSavyKernel_RoleNegator && !(it->fi_flags & FI_QUESTION)) left = NEGATION_SCOPE_WORDS;
        if (it->role == CSavyKernel_RoleBooster && it->first + it->count < s->token_count) {
            s->token_marks[it->first + it->count] |= MARK_BOOSTED;
        }
    }
    if (start < s->token_count) close_sentence(s, start, s->token_count, first_word, question, negative);
}

// MARK: - Cue lookup

static const CueSet *cues_of(const CSavyKernel_Lexicon *lexicon, const Entry *e) {
    return e && e->cue_index ? &lexicon->table.cues[e->cue_index - 1] : NULL;
}

static bool push_hit(CSavyKernel_Scratch *s, size_t first, size_t count, const CSavyKernel_Lexicon *lexicon,
                     const Entry *e, uint32_t skip) {
    if (!grow((void **)&s->cue_hits, &s->cue_hit_capacity, s->cue_hit_count + 1, sizeof *s->cue_hits)) {
        s->failed = true;
        return false;
    }
    s->cue_hits[s->cue_hit_count++] = (struct CueHit){
        .first = (uint32_t)first, .count = (uint32_t)count, .cues = cues_of(lexicon, e),
        .term = lexicon->table.keys + e->key_offset, .term_length = e->key_length, .skip = skip};
    return true;
}

// word_cue for a Finnish word: by its surface, its lemma or another reading's lemma.
static const Entry *finnish_word_cue(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, size_t i, bool analysed,
                                     const struct TokenLookup *looked, size_t *max_words) {
    const Entry *surface = looked->surface;
    const Entry *lemma = look_up_head(lexicon, s, i);
    if (max_words) {
        *max_words = surface ? surface->cue_phrase_max : 0;
        if (lemma && lemma->cue_phrase_max > *max_words) *max_words = lemma->cue_phrase_max;
    }
    if (cues_of(lexicon, surface)) return surface;
    if (cues_of(lexicon, lemma)) return lemma;
    if (analysed) {  // another reading's lemma ("soita": suo, soittaa)
        const FinnishWord *w = &s->words[i];
        for (size_t c = 0, offset = 0; c < w->count; offset += w->lengths[c], c++) {
            if (w->tags[c] != FI_LEMMA) continue;
            const Entry *e = table_find(&lexicon->table, CSavyKernel_TermWord, w->bytes + offset, w->lengths[c]);
            if (cues_of(lexicon, e)) return e;
        }
    }
    return surface ? NULL : looked->base_cue;
}

// The entry for token i as a single word: by its surface (or spoken form's standard), its
// lemmas, or its uninflected English form ("apologised" -> "apologise"). `*max_words`: the
// longest cue phrase that can start at it.
static inline const Entry *word_cue(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, size_t i, bool analysed,
                                    size_t *max_words) {
    const struct TokenLookup *looked = look_up_word(lexicon, s, i);
    if (s->lemma_length) return finnish_word_cue(lexicon, s, i, analysed, looked, max_words);
    // English: a word is its own lemma, with no other readings.
    const Entry *surface = looked->surface;
    if (max_words) *max_words = surface ? surface->cue_phrase_max : 0;
    if (surface) return surface->cue_index ? surface : NULL;
    return looked->base_cue;
}

static const uint32_t INNER_CUES = 1u << CSavyKernel_CuePlease | 1u << CSavyKernel_CueQuestionWord |
    1u << CSavyKernel_CueConjunction | 1u << CSavyKernel_CueFirstPerson | 1u << CSavyKernel_CueFirstPersonPlural |
    1u << CSavyKernel_CueSecondPerson | 1u << CSavyKernel_CueCommand | 1u << CSavyKernel_CueGreeting;

// Phrases match longest first; the words inside a phrase keep their own cues, except the
// cues the phrase already gives ("thank you" is one gratitude cue, and still first person...).
static void find_cues(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, bool analysed) {
    s->cue_hit_count = 0;
    for (size_t i = 0; i < s->token_count && !s->failed;) {
        if (s->tokens[i].kind != CSavyKernel_TokenWord) { i++; continue; }
        size_t max_words = 0;
        const Entry *word = word_cue(lexicon, s, i, analysed, &max_words);
        size_t words = 1;
        const Entry *phrase = match_phrase(lexicon, s, i, max_words, &words, true);
        if (!phrase) {
            if (word) push_hit(s, i, 1, lexicon, word, 0);
            i++;
            continue;
        }
        push_hit(s, i, words, lexicon, phrase, 0);
        for (size_t k = 0; k < words; k++) s->token_marks[i + k] |= MARK_IN_PHRASE;
        // Inside a phrase only the words' grammar still counts (the person, a question word):
        // "ei hätää" is reassurance, not anxiety; "I'll make sure" still speaks in the 1st person.
        const CueSet *set = cues_of(lexicon, phrase);
        uint32_t skip = ~INNER_CUES;
        for (uint8_t k = 0; k < set->count; k++) skip |= 1u << set->cue[k];
        for (size_t k = 0; k < words; k++) {
            const Entry *inner = k == 0 ? word : word_cue(lexicon, s, i + k, analysed, NULL);
            if (inner) push_hit(s, i + k, 1, lexicon, inner, skip);
        }
        i += words;
    }
}

// MARK: - Applying cues

static bool is_tone(uint8_t cue) { return cue <= CSavyKernel_CueProfanity; }

// Cues a negation cancels: "not happy", "I'm not sorry", "en ymmärrä". Pronouns, question
// words and swearing are not negated; neither is a phrase that holds its own negation
// ("no worries", "ei hätää"), because its negator is inside the match.
static bool negatable(uint8_t cue) {
    return cue != CSavyKernel_CueProfanity && cue != CSavyKernel_CueQuestionWord &&
           cue != CSavyKernel_CueConjunction && cue != CSavyKernel_CueFirstPerson &&
           cue != CSavyKernel_CueFirstPersonPlural && cue != CSavyKernel_CueSecondPerson &&
           cue != CSavyKernel_CueCommand && cue != CSavyKernel_CuePlease && cue != CSavyKernel_CueGreeting;
}

static void raise_level(uint8_t *level, uint8_t value) { if (value > *level) *level = value; }

static size_t sentence_words(const CSavyKernel_Scratch *s, size_t i) {
    size_t a = i, b = i;
    while (a > 0 && !is_sentence_end(s, a - 1)) a--;
    while (b < s->token_count && !is_sentence_end(s, b)) b++;
    size_t words = 0;
    for (size_t k = a; k < b; k++) words += s->tokens[k].kind == CSavyKernel_TokenWord;
    return words;
}

static void mark_empathic_sentences(CSavyKernel_Scratch *s) {
    const uint32_t empathic = 1u << CSavyKernel_CueEmotionalReaction | 1u << CSavyKernel_CueInterpretation;
    for (size_t h = 0; h < s->cue_hit_count; h++) {
        const struct CueHit *hit = &s->cue_hits[h];
        if (!(hit->cues->mask & ~hit->skip & empathic) || (s->token_marks[hit->first] & MARK_NEGATED)) continue;
        size_t a = hit->first, b = hit->first;
        while (a > 0 && !is_sentence_end(s, a - 1)) a--;
        while (b < s->token_count && !is_sentence_end(s, b)) b++;
        for (size_t i = a; i < b; i++) s->token_marks[i] |= MARK_EMPATHIC_SENTENCE;
    }
}

static void apply_hit(ToneContext *c, const struct CueHit *h) {
    CSavyKernel_Scratch *s = c->s;
    CSavyKernel_Tone *tone = c->tone;
    uint8_t marks = s->token_marks[h->first];
    bool start = marks & MARK_SENTENCE_START, negated = marks & MARK_NEGATED, question = marks & MARK_QUESTION;
    for (uint8_t k = 0; k < h->cues->count; k++) {
        uint8_t cue = h->cues->cue[k];
        float w = h->cues->weight[k];
        if (h->skip & (1u << cue)) continue;
        if (negated && negatable(cue)) {
            if (cue == CSavyKernel_CueSatisfaction) {
                float d = w * NEGATED_SATISFACTION_FRUSTRATION;
                either(&tone->tones[CSavyKernel_CueFrustration], d);
                note(c, CSavyKernel_EvidenceTone, CSavyKernel_CueFrustration, h->first, h->count, d, h->term, h->term_length);
            }
            continue;
        }
        // "I can imagine how frustrating this is": the frustration is the customer's, named
        // by an agent who reacts to it, not the agent's own.
        if (is_tone(cue) && cue != CSavyKernel_CueProfanity && cue != CSavyKernel_CueGratitude &&
            cue != CSavyKernel_CueSatisfaction && (marks & MARK_EMPATHIC_SENTENCE)) continue;
        if (is_tone(cue)) {
            either(&tone->tones[cue], w);
            note(c, CSavyKernel_EvidenceTone, cue, h->first, h->count, w, h->term, h->term_length);
            if (cue == CSavyKernel_CueGratitude) use_strategy(c, CSavyKernel_StrategyGratitude, h->first, h->count, h->term, h->term_length);
            if (cue == CSavyKernel_CueProfanity) {
                use_strategy(c, CSavyKernel_StrategySwearing, h->first, h->count, h->term, h->term_length);
                if (tone->profanity_count < CSavyKernel_MaxProfanity) {
                    tone->profanity[tone->profanity_count][0] = s->tokens[h->first].start;
                    tone->profanity[tone->profanity_count][1] = s->tokens[h->first + h->count - 1].end;
                }
                if (tone->profanity_count < UINT8_MAX) tone->profanity_count++;
            }
            continue;
        }
        CSavyKernel_Strategy strategy = CSavyKernel_StrategyCount;
        uint8_t caring = 0;
        switch (cue) {
            case CSavyKernel_CueApology: strategy = CSavyKernel_StrategyApology; break;
            case CSavyKernel_CueGreeting: strategy = CSavyKernel_StrategyGreeting; break;
            // "Please do not ..." opens with a demand; Finnish "Ole hyvä ja ..." always opens.
            case CSavyKernel_CuePlease:
                strategy = start && !c->analysed ? CSavyKernel_StrategyPleaseStart : CSavyKernel_StrategyPlease;
                break;
            case CSavyKernel_CueIndirectRequest: strategy = CSavyKernel_StrategyIndirectRequest; break;
            case CSavyKernel_CueDirectRequest: strategy = CSavyKernel_StrategyDirectRequest; break;
            case CSavyKernel_CueHedge: {
                // A hedge softens what follows it in the sentence: its negative words are not a
                // face threat ("Maybe I'm missing something" is deference, not complaint).
                strategy = CSavyKernel_StrategyHedge;
                for (size_t i = h->first; i < s->token_count && !is_sentence_end(s, i); i++) s->token_marks[i] |= MARK_HEDGED;
                break;
            }
            case CSavyKernel_CueDeference:  // "Great work" opens; "you're right" anywhere
                if (start || h->count > 1) strategy = CSavyKernel_StrategyDeference;
                break;
            case CSavyKernel_CueFactuality: strategy = CSavyKernel_StrategyFactuality; break;
            case CSavyKernel_CueByTheWay: strategy = CSavyKernel_StrategyByTheWay; break;
            case CSavyKernel_CueQuestionWord: if (start && question) strategy = CSavyKernel_StrategyDirectQuestion; break;
            case CSavyKernel_CueConjunction: if (start) strategy = CSavyKernel_StrategyDirectStart; break;
            case CSavyKernel_CueFirstPerson:
                strategy = start ? CSavyKernel_StrategyFirstPersonStart : CSavyKernel_StrategyFirstPerson;
                break;
            case CSavyKernel_CueFirstPersonPlural: strategy = CSavyKernel_StrategyFirstPersonPlural; break;
            case CSavyKernel_CueSecondPerson:
                strategy = start ? CSavyKernel_StrategySecondPersonStart : CSavyKernel_StrategySecondPerson;
                break;
            case CSavyKernel_CueCommand: if (start && !question) strategy = CSavyKernel_StrategyCommand; break;
            case CSavyKernel_CueReassurance:
                strategy = CSavyKernel_StrategyReassurance;
                caring = CSavyKernel_CaringReassurance;
                break;
            case CSavyKernel_CueEmotionalReaction: {
                uint8_t level = (uint8_t)w;
                if (level == 1 && (marks & MARK_BOOSTED)) level = 2;  // "so sorry", "todella pahoillani"
                raise_level(&tone->emotional_reaction, level);
                note(c, CSavyKernel_EvidenceEmpathy, cue, h->first, h->count, level, h->term, h->term_length);
                break;
            }
            case CSavyKernel_CueInterpretation: {
                // "I understand" is generic; naming the feeling or the trouble makes it specific:
                // "I understand how frustrating this is", "ymmärrän, että odottaminen turhauttaa".
                uint8_t level = (uint8_t)w;
                if (level == 1 && (marks & MARK_NEGATIVE_SENTENCE)) level = 2;
                raise_level(&tone->interpretation, level);
                note(c, CSavyKernel_EvidenceEmpathy, cue, h->first, h->count, level, h->term, h->term_length);
                break;
            }
            case CSavyKernel_CueExploration: {
                // A single word explores only in a question; a phrase ("tell me more") anywhere.
                // Specific is long: "Tell me more" is generic, "Tell me more about the error
                // you see when you log in" is not.
                if (h->count == 1 && !question) break;
                uint8_t level = (uint8_t)w;
                if (level == 1 && sentence_words(s, h->first) >= SPECIFIC_QUESTION_WORDS) level = 2;
                raise_level(&tone->exploration, level);
                note(c, CSavyKernel_EvidenceEmpathy, cue, h->first, h->count, level, h->term, h->term_length);
                break;
            }
            case CSavyKernel_CueOwnership: {
                // Finnish ownership is the agent's own verb: "tarkistan", "hoidamme", not "tarkistakaa".
                bool own = !c->analysed;
                for (uint32_t t = 0; t < h->count && !own; t++) own = s->words[h->first + t].flags & FI_FIRST_PERSON;
                if (own) caring = CSavyKernel_CaringOwnership;
                break;
            }
            case CSavyKernel_CueBlame: caring = CSavyKernel_CaringBlame; break;
            case CSavyKernel_CueDismissal: caring = CSavyKernel_CaringDismissal; break;
            case CSavyKernel_CuePolicy: caring = CSavyKernel_CaringPolicy; break;
            case CSavyKernel_CueReference: caring = CSavyKernel_CaringPersonalisation; break;
            default: break;
        }
        if (strategy != CSavyKernel_StrategyCount) use_strategy(c, strategy, h->first, h->count, h->term, h->term_length);
        if (caring) {
            tone->caring |= caring;
            note(c, CSavyKernel_EvidenceEmpathy, cue, h->first, h->count, 1.0f, h->term, h->term_length);
        }
    }
}

// What the rules read as consoling is reassurance, as the lexicon's "don't worry" and "ei
// hätää" are: a feeling under a prohibition ("Don't be sad", "Älä ole huolissasi"), or a
// burden lifted ("You don't need to do anything else", "Sinun ei tarvitse tehdä muuta").
static void reassure(ToneContext *c) {
    CSavyKernel_Scratch *s = c->s;
    for (size_t k = 0; k < s->item_count; k++) {
        const Item *it = &s->items[k];
        if (!(it->flags & ITEM_CONSOLED)) continue;
        if (!(c->tone->strategies & (1u << CSavyKernel_StrategyReassurance)))
            use_strategy(c, CSavyKernel_StrategyReassurance, it->first, it->count, it->role_term, it->role_term_length);
        if (!(c->tone->caring & CSavyKernel_CaringReassurance)) {
            c->tone->caring |= CSavyKernel_CaringReassurance;
            note(c, CSavyKernel_EvidenceEmpathy, CSavyKernel_CueReassurance, it->first, it->count, 1.0f, it->role_term, it->role_term_length);
        }
    }
}

// Finnish strategies carried by morphology: "voisitteko" (conditional question, teitittely),
// "voitko" (indicative question), "lähetä" vs "lähetäpä" (bare vs softened command).
static void finnish_strategies(ToneContext *c) {
    CSavyKernel_Scratch *s = c->s;
    for (size_t i = 0; i < s->token_count; i++) {
        if (s->tokens[i].kind != CSavyKernel_TokenWord) continue;
        uint32_t f = s->words[i].flags;
        // No lexicon entry matched: the evidence names the word by its range only. (The scratch
        // keys are overwritten by the batch's next text, so they cannot be the term.)
        const uint8_t *term = NULL;
        uint32_t length = 0;
        // "voisitko", "olisiko", and "jos voisit" without the clitic.
        if ((f & FI_CONDITIONAL) && (f & (FI_QUESTION | FI_SECOND_PERSON))) use_strategy(c, CSavyKernel_StrategyIndirectRequest, i, 1, term, length);
        else if ((f & FI_QUESTION) && (f & FI_SECOND_PERSON) && !(f & FI_NEGATION_VERB))
            use_strategy(c, CSavyKernel_StrategyDirectRequest, i, 1, term, length);
        if (f & FI_FORMAL) use_strategy(c, CSavyKernel_StrategyFormalAddress, i, 1, term, length);
        if (s->token_marks[i] & MARK_IN_PHRASE) f &= ~(uint32_t)(FI_COMMAND | FI_SOFTENED);
        if (f & FI_SOFTENED) use_strategy(c, CSavyKernel_StrategySoftenedCommand, i, 1, term, length);
        else if (f & FI_COMMAND) use_strategy(c, CSavyKernel_StrategyCommand, i, 1, term, length);
        if ((f & FI_FIRST_PERSON) && !(c->tone->strategies & (1u << CSavyKernel_StrategyFirstPerson)))
            use_strategy(c, (s->token_marks[i] & MARK_SENTENCE_START) ? CSavyKernel_StrategyFirstPersonStart : CSavyKernel_StrategyFirstPerson, i, 1, term, length);
        // An imperative is a command, counted above, not also a "you" ("katsopa").
        if ((f & FI_SECOND_PERSON) && !(f & (FI_FORMAL | FI_COMMAND)))
            use_strategy(c, (s->token_marks[i] & MARK_SENTENCE_START) ? CSavyKernel_StrategySecondPersonStart : CSavyKernel_StrategySecondPerson, i, 1, term, length);
    }
}

// MARK: - Shouting

static float shouting(ToneContext *c) {
    CSavyKernel_Scratch *s = c->s;
    CSavyKernel_Tone *tone = c->tone;
    size_t n = s->token_count;
    unsigned caps = 0, exclamations = 0, questions = 0;
    for (size_t i = 0; i < n; i++) {
        const CSavyKernel_Token *t = &s->tokens[i];
        if (t->kind == CSavyKernel_TokenWord && (t->flags & CSavyKernel_TokenAllCaps)) {
            // Short capitals are mostly acronyms (PIN, SMS, ID) unless they come in a run.
            bool run = (i > 0 && (s->tokens[i - 1].flags & CSavyKernel_TokenAllCaps) && s->tokens[i - 1].kind == CSavyKernel_TokenWord) ||
                       (i + 1 < n && (s->tokens[i + 1].flags & CSavyKernel_TokenAllCaps) && s->tokens[i + 1].kind == CSavyKernel_TokenWord);
            if (t->end - t->start >= 4 || run) {
                caps++;
                note(c, CSavyKernel_EvidenceStrategy, CSavyKernel_StrategyShouting, i, 1, SHOUT_WORD, NULL, 0);
            }
            continue;
        }
        // A run of '!' and '?' written together: "!!", "?!", "??".
        if (t->kind != CSavyKernel_TokenPunct || t->key_length != 1) continue;
        uint8_t ch = s->keys[t->key_offset];
        if (ch != '!' && ch != '?') continue;
        size_t j = i + 1;
        bool bang = ch == '!';
        while (j < n && (is_punct(s, j, '!') || is_punct(s, j, '?')) && s->tokens[j].start == s->tokens[j - 1].end) {
            bang |= is_punct(s, j, '!');
            j++;
        }
        if (j - i >= 2) {
            if (bang) exclamations++;
            else questions++;
            note(c, CSavyKernel_EvidenceStrategy, CSavyKernel_StrategyShouting, i, j - i, bang ? SHOUT_EXCLAMATIONS : SHOUT_QUESTIONS, NULL, 0);
        }
        i = j - 1;
    }
    tone->caps_words = caps > UINT16_MAX ? UINT16_MAX : (uint16_t)caps;
    tone->exclamation_runs = exclamations > 255 ? 255 : (uint8_t)exclamations;
    tone->question_runs = questions > 255 ? 255 : (uint8_t)questions;
    if (caps == 0 && exclamations == 0 && questions == 0) return 0.0f;  // most texts: no powf
    float quiet = powf(1.0f - SHOUT_WORD, (float)caps) * powf(1.0f - SHOUT_EXCLAMATIONS, (float)exclamations) *
                  powf(1.0f - SHOUT_QUESTIONS, (float)questions);
    return 1.0f - quiet;
}

// MARK: - Entry points

float CSavyKernel_empathy_score(uint8_t emotional_reaction, uint8_t interpretation, uint8_t exploration, uint8_t caring) {
    // The three mechanisms carry most of it (EPITOME); caring elements add to it and their
    // opposites take from it.
    float score = 0.16f * emotional_reaction + 0.16f * interpretation + 0.12f * exploration;
    if (caring & CSavyKernel_CaringOwnership) score += 0.18f;
    if (caring & CSavyKernel_CaringReassurance) score += 0.12f;
    if (caring & CSavyKernel_CaringPersonalisation) score += 0.10f;
    if (caring & CSavyKernel_CaringBlame) score -= 0.35f;
    if (caring & CSavyKernel_CaringDismissal) score -= 0.35f;
    if (caring & CSavyKernel_CaringPolicy) score -= 0.2f;
    return score < 0.0f ? 0.0f : score > 1.0f ? 1.0f : score;
}

void apply_tone(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, bool analysed,
                CSavyKernel_Result *result, CSavyKernel_EvidenceBuffer *evidence) {
    CSavyKernel_Tone *tone = &result->tone;
    memset(tone, 0, sizeof *tone);
    if (!grow((void **)&s->token_marks, &s->mark_capacity, s->token_count + 1, 1)) { s->failed = true; return; }
    ToneContext c = {.s = s, .evidence = evidence, .tone = tone, .analysed = analysed};
    mark_tokens(s, analysed);
    find_cues(lexicon, s, analysed);
    mark_empathic_sentences(s);
    for (size_t h = 0; h < s->cue_hit_count && !s->failed; h++) apply_hit(&c, &s->cue_hits[h]);
    if (analysed) finnish_strategies(&c);
    if (s->consoled) reassure(&c);

    float positive = result->compound > 0 ? result->compound : 0.0f;
    float negative = result->compound < 0 ? -result->compound : 0.0f;
    const uint32_t lexical = 1u << CSavyKernel_StrategyPositiveLexicon | 1u << CSavyKernel_StrategyNegativeLexicon;
    for (size_t k = 0; k < s->item_count && (tone->strategies & lexical) != lexical; k++) {
        const Item *it = &s->items[k];
        if (it->flags & ITEM_CONSOLED) continue;  // "älä pelkää", "no need to" name no bad thing of their own
        // A negator's own "no" ("No.", "En ymmärrä") is no word of the opinion lexicon (Hu & Liu)
        // that the strategy counts.
        if (it->role == CSavyKernel_RoleNegator) continue;
        if (it->valence > 0 && !(tone->strategies & (1u << CSavyKernel_StrategyPositiveLexicon)))
            use_strategy(&c, CSavyKernel_StrategyPositiveLexicon, it->first, it->count, it->term, it->term_length);
        if (it->valence < 0 && !(s->token_marks[it->first] & MARK_HEDGED) &&
            !(tone->strategies & (1u << CSavyKernel_StrategyNegativeLexicon)))
            use_strategy(&c, CSavyKernel_StrategyNegativeLexicon, it->first, it->count, it->term, it->term_length);
    }

    float shout = shouting(&c);
    tone->shouting = shout;
    if (shout >= 0.5f) tone->strategies |= 1u << CSavyKernel_StrategyShouting;
    float *tones = tone->tones;
    if (negative > 0) {
        either(&tones[CSavyKernel_CueFrustration], NEGATIVE_FRUSTRATION * negative + SHOUT_FRUSTRATION * shout);
        either(&tones[CSavyKernel_CueAnger], SHOUT_ANGER * shout + PROFANITY_ANGER * tones[CSavyKernel_CueProfanity]);
    }
    if (positive > 0 && negative == 0) either(&tones[CSavyKernel_CueSatisfaction], POSITIVE_SATISFACTION * positive);

    float sum = 0.0f;
    for (uint32_t bits = tone->strategies; bits; bits &= bits - 1) sum += STRATEGY_WEIGHT[__builtin_ctz(bits)];  // in order
    sum += ANGER_POLITENESS * tones[CSavyKernel_CueAnger] + FRUSTRATION_POLITENESS * tones[CSavyKernel_CueFrustration];
    if (tone->caring & (CSavyKernel_CaringBlame | CSavyKernel_CaringDismissal)) sum += UNCARING_POLITENESS;
    tone->politeness_sum = sum;
    tone->politeness = tanhf(sum);
    tone->empathy = CSavyKernel_empathy_score(tone->emotional_reaction, tone->interpretation, tone->exploration, tone->caring);
}
