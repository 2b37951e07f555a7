// Rules: items -> per-item scores -> compound and proportions, with evidence.
//
// The rules are VADER's kind (Hutto & Gilbert, ICWSM 2014), reimplemented, with clause-bounded
// negation, sentence-scoped contrast and concession. Every constant is named, with an example.
#include "internal.h"

#include <math.h>

// "The food is GREAT" scores above "The food is great" when the text mixes cases.
static const float CAPS_INCREMENT = 0.733f;
// Boosters up to three words before a sentiment word count, fading with distance:
// "very good" > "very, very good"'s first "very".
#define BOOSTER_WINDOW 3
static const float BOOSTER_DECAY[BOOSTER_WINDOW] = {1.0f, 0.95f, 0.9f};
// A negator's scope ends at a clause boundary, an emoticon or emoji, or after this many
// words: "I don't think it's good" negates "good"; "No, this is good" and "can't say
// enough how awesome" do not. Emoticons and emoji are never negated ("still no reply :(").
#define NEGATION_SCOPE_WORDS 3
// A reverser ("fixed", "lost", "korjasi") acts on words of its sign among the next three
// words of its clause, its object and the object's modifiers: "fixed my annoying problem",
// "lost all my trust". A negation before it reaches over the same words and applies after
// it: "didn't fix the problem" is bad again.
#define REVERSAL_SCOPE_WORDS 3
// "The food was good, but the service was slow": what precedes "but" in its sentence counts
// half; what follows counts by the contrast word's value (1.5 for "but").
static const float CONTRAST_BEFORE_WEIGHT = 0.5f;
// "Great!!!" > "Great": each '!' adds this much, up to four of them.
static const float EXCLAMATION_INCREMENT = 0.292f;
#define EXCLAMATION_MAX 4
// "Really??" leans harder than "Really?": more than one '?' adds 0.18 each, 0.96 from four on.
static const float QUESTION_INCREMENT = 0.18f;
static const float QUESTION_MAX = 0.96f;
// "Are you happy?" asserts no happiness: sentiment in a question counts this much, like a
// modal clause's (SO-CAL treats questions as irrealis too).
static const float QUESTION_WEIGHT = 0.5f;
// Finnish marks irrealis on the verb: the conditional mood ("olisi hienoa", "rakastaisin")
// weighs its own clause from the verb on, as "would" does the words after it.
static const float CONDITIONAL_WEIGHT = 0.5f;
// "Not good" is bad, but "not bad" is not good (Colston 1999, on the asymmetry of negation):
// "I'm not scared", "en halua satuttaa sinua", "don't be rude" evoke the bad thing without
// asserting it, as a question does. So a negative word in a negation's scope keeps its sign at
// this weight, and only a positive one flips ("not helpful", "älä innostu liikaa"). What
// negation makes good is mostly lexicalised: litotes are phrases with their own valence
// ("not bad", "no problem"; "ei huono"). Reassurance is the one rule: a word for the hearer's
// own bad feeling (role "feeling") under a prohibition or a "no need" is consoled, not evoked
// ("Don't be sad", "Älä ole huolissasi siitä", "Ei tarvitse pelätä"), and turns positive at
// its role value (VADER's 0.74) whatever its sign ("Älä huolehdi": elsewhere huolehtia is
// "look after").
static const float NEGATED_NEGATIVE_WEIGHT = 0.5f;

// compound = sum / sqrt(sum^2 + ALPHA): about where VADER's ratings saturate.
static const float NORMALIZATION_ALPHA = 15.0f;

typedef struct Context {
    CSavyKernel_Scratch *s;
    const uint8_t *text;
    CSavyKernel_EvidenceBuffer *evidence;
    float *scores;
    bool mixed_case;
    // Open negation scope.
    long negator;
    size_t negation_left;
    bool negation_used;
    bool prohibition;      // the negator is imperative ("don't", "älä")
    bool consoling;        // ... or says there is no need ("ei tarvitse", "no need"): it consoles a feeling
    long relief;           // a no-need negator lifting the hearer's burden, until a reproach shows (-1: none)
    // Open reversal scope (reverser -1 when none).
    long reverser;
    size_t reversal_left;
} Context;

static inline uint32_t item_start(const CSavyKernel_Scratch *s, const Item *it) { return s->tokens[it->first].start; }
static inline uint32_t item_end(const CSavyKernel_Scratch *s, const Item *it) { return s->tokens[it->first + it->count - 1].end; }

static void note_term(Context *c, uint8_t kind, const Item *actor, const Item *target, float effect, uint32_t source,
                      const uint8_t *term, uint32_t term_length) {
    CSavyKernel_EvidenceBuffer *b = c->evidence;
    if (!b || effect == 0.0f) return;
    if (!grow((void **)&b->items, &b->capacity, b->count + 1, sizeof *b->items)) {
        c->s->failed = true;
        return;
    }
    b->items[b->count++] = (CSavyKernel_Evidence){
        .start = item_start(c->s, actor), .end = item_end(c->s, actor),
        .target_start = item_start(c->s, target), .target_end = item_end(c->s, target),
        .effect = effect, .source = source, .term = term, .term_length = term_length, .kind = kind};
}

// Evidence named by the actor's lexicon entry ("ei" for "en", "hyvä" for "hyvää"): the
// valence's entry for a lexicon hit, the role's entry for a rule.
static void note(Context *c, uint8_t kind, const Item *actor, const Item *target, float effect, uint32_t source) {
    bool rule = kind == CSavyKernel_EvidenceBooster || kind == CSavyKernel_EvidenceDampener ||
                kind == CSavyKernel_EvidenceNegation || kind == CSavyKernel_EvidenceLeast ||
                kind == CSavyKernel_EvidenceContrast || kind == CSavyKernel_EvidenceConcession ||
                kind == CSavyKernel_EvidenceIrrealis || kind == CSavyKernel_EvidenceReversal ||
                kind == CSavyKernel_EvidenceProhibition || kind == CSavyKernel_EvidenceReassurance;
    if (rule && actor->role_term) note_term(c, kind, actor, target, effect, source, actor->role_term, actor->role_term_length);
    else note_term(c, kind, actor, target, effect, source, actor->term, actor->term_length);
}

static inline float sign(float x) { return x < 0 ? -1.0f : 1.0f; }

// A negator that negated nothing counts with its own valence: "No." is negative,
// "No problem" is not.
static void close_negation(Context *c) {
    if (c->relief >= 0) {
        c->s->items[c->relief].flags |= ITEM_CONSOLED;
        c->s->consoled = true;
        c->relief = -1;
    }
    if (c->negator >= 0 && !c->negation_used) {
        Item *n = &c->s->items[c->negator];
        if (n->valence != 0.0f) {
            c->scores[c->negator] = n->valence;
            note(c, n->evidence_kind, n, n, n->valence, n->source);
        }
    }
    c->negator = -1;
    c->negation_left = 0;
}

// A clause boundary ends both scopes.
static void close_scopes(Context *c) {
    close_negation(c);
    c->reverser = -1;
}

// A word passes: an open negation or reversal scope has one word fewer to reach.
static inline void count_down_negation(Context *c) {
    if (c->negator >= 0 && c->negation_left > 0 && --c->negation_left == 0) close_negation(c);
}

static inline void count_down_reversal(Context *c) {
    if (c->reverser >= 0 && --c->reversal_left == 0) c->reverser = -1;
}

static inline bool is_reverser(const Item *it) {
    return it->role == CSavyKernel_RoleReversesNegative || it->role == CSavyKernel_RoleReversesPositive;
}

static bool is_booster(const Item *it) {
    return it->role == CSavyKernel_RoleBooster || it->role == CSavyKernel_RoleDampener ||
           it->role == CSavyKernel_RoleSoftener;
}

// A booster that carries a valence of its own ("super", "honestly") boosts when a sentiment
// word follows within its window, and otherwise is that sentiment word ("That's super!").
static bool boosts_next(const CSavyKernel_Scratch *s, size_t k) {
    // Finnish "hyvin" before an adjective is "very"; elsewhere it is "well".
    if (k + 1 < s->item_count && (s->items[k + 1].fi_flags & FI_ADJECTIVE)) return true;
    for (size_t j = 1; j <= BOOSTER_WINDOW && k + j < s->item_count; j++) {
        const Item *next = &s->items[k + j];
        if (next->flags & ITEM_CLAUSE_END) return false;
        if (next->valence != 0.0f) return true;
    }
    return false;
}

// "Well, I don't know" and "Yeah, right": a discourse marker that opens its sentence and is
// followed by a comma is an interjection, not an evaluation ("it went well" still counts).
static bool is_interjection(const CSavyKernel_Scratch *s, size_t k) {
    if (k + 1 >= s->item_count) return false;
    const CSavyKernel_Token *next = &s->tokens[s->items[k + 1].first];
    if (next->kind != CSavyKernel_TokenPunct || next->key_length != 1 || s->keys[next->key_offset] != ',') return false;
    for (size_t j = k; j-- > 0;) {
        const Item *before = &s->items[j];
        if (before->flags & ITEM_SENTENCE_END) return true;
        if (before->role == CSavyKernel_RoleDiscourse) continue;   // "Oh, well, ..."
        const CSavyKernel_Token *t = &s->tokens[before->first];
        // "@anna ok, ..." : leading addresses and punctuation do not count as words.
        if (t->kind == CSavyKernel_TokenPunct || t->kind == CSavyKernel_TokenMention) continue;
        return false;
    }
    return true;
}

static bool is_key(const CSavyKernel_Scratch *s, const Item *it, const char *word, size_t length) {
    const CSavyKernel_Token *t = &s->tokens[it->first];
    return it->count == 1 && t->key_length == length && memcmp(s->keys + t->key_offset, word, length) == 0;
}
#define IS_KEY(s, it, word) is_key(s, it, word, sizeof word - 1)

// Is negator k imperative? Finnish marks it by mood ("älä", "älkää"). English "don't" and
// "do not" are imperative when they open their clause ("Please don't close it", "No, don't")
// with no subject after them ("Don't you see?" asks).
static bool is_prohibition(const CSavyKernel_Scratch *s, size_t k) {
    const Item *it = &s->items[k];
    if (it->fi_flags & FI_IMPERATIVE) return true;
    size_t opening = k;
    if (IS_KEY(s, it, "not") && k > 0 && IS_KEY(s, &s->items[k - 1], "do")) opening = k - 1;
    else if (!IS_KEY(s, it, "don't") && !IS_KEY(s, it, "dont")) return false;
    for (size_t j = opening; j-- > 0;) {
        const Item *before = &s->items[j];
        if (before->flags & ITEM_CLAUSE_END) break;
        if (!(before->flags & ITEM_WORDLIKE) || before->role == CSavyKernel_RoleDiscourse) continue;
        if (IS_KEY(s, before, "please") || IS_KEY(s, before, "just") || IS_KEY(s, before, "so") ||
            IS_KEY(s, before, "and") || IS_KEY(s, before, "but")) continue;
        return false;
    }
    if (k + 1 < s->item_count) {
        const Item *next = &s->items[k + 1];
        if (IS_KEY(s, next, "you") || IS_KEY(s, next, "u") || IS_KEY(s, next, "i") || IS_KEY(s, next, "we") ||
            IS_KEY(s, next, "they") || IS_KEY(s, next, "he") || IS_KEY(s, next, "she") || IS_KEY(s, next, "it")) return false;
    }
    return true;
}

enum { NO_NEED_NONE, NO_NEED_FORBIDS, NO_NEED };

// Does negator k forbid outright ("mustn't"), or say there is no need ("needn't", "you don't
// need to", "you don't have to", "no need to", "ei tarvitse", "ei tarvinnut", "ei täydy", spoken "ei tarvii")?
// `*need_verb` says a need verb follows it, which the negation's scope then reaches over.
static int no_need(const CSavyKernel_Scratch *s, size_t k, bool *need_verb) {
    const Item *it = &s->items[k];
    *need_verb = false;
    if (IS_KEY(s, it, "mustn't") || IS_KEY(s, it, "mustnt")) return NO_NEED_FORBIDS;
    if (IS_KEY(s, it, "needn't") || IS_KEY(s, it, "neednt")) return NO_NEED;
    if (k + 1 >= s->item_count) return NO_NEED_NONE;
    const Item *next = &s->items[k + 1];
    // The noun: "No need." and "No need to call" lift a burden; "There's no need for that"
    // may rebuke, and its "no" keeps its own valence.
    if (IS_KEY(s, it, "no") && IS_KEY(s, next, "need") && k + 2 < s->item_count &&
        !(s->items[k + 2].flags & ITEM_CLAUSE_END) && !IS_KEY(s, &s->items[k + 2], "to")) return NO_NEED_NONE;
    bool have_to = (IS_KEY(s, next, "have") || IS_KEY(s, next, "has")) && k + 2 < s->item_count && IS_KEY(s, &s->items[k + 2], "to");
    *need_verb = have_to || IS_KEY(s, next, "need") || IS_KEY(s, next, "needs") || IS_KEY(s, next, "tarvitse") ||
                 IS_KEY(s, next, "tarvitsee") || IS_KEY(s, next, "tarvinnut") || IS_KEY(s, next, "tarvitsisi") ||
                 IS_KEY(s, next, "tarvii") || IS_KEY(s, next, "tartte") || IS_KEY(s, next, "täydy");
    return *need_verb ? NO_NEED : NO_NEED_NONE;
}

// Is the speaker the one with no need? "I don't need", "we don't need", "en tarvitse",
// "emme tarvitse", "minun ei tarvitse", "mun ei tarvii".
static bool speaker_needs(const CSavyKernel_Scratch *s, size_t k) {
    const Item *it = &s->items[k];
    if (IS_KEY(s, it, "en") || IS_KEY(s, it, "emme")) return true;
    if (k == 0) return false;
    const Item *b = &s->items[k - 1];
    return IS_KEY(s, b, "i") || IS_KEY(s, b, "we") || IS_KEY(s, b, "minun") || IS_KEY(s, b, "meidän") ||
           IS_KEY(s, b, "mun") || IS_KEY(s, b, "meiän");
}

static float score_item(Context *c, size_t k, long least_item) {
    CSavyKernel_Scratch *s = c->s;
    Item *it = &s->items[k];
    float v = it->valence;
    note(c, it->evidence_kind, it, it, v, it->source);
    if (c->mixed_case && (it->flags & ITEM_ALLCAPS)) {
        float d = sign(v) * CAPS_INCREMENT;
        note(c, CSavyKernel_EvidenceCaps, it, it, d, UINT32_MAX);
        v += d;
    }
    for (size_t j = 1; j <= BOOSTER_WINDOW && j <= k; j++) {
        const Item *b = &s->items[k - j];
        if (b->flags & ITEM_CLAUSE_END) break;
        if (!is_booster(b) || (b->valence != 0.0f && !boosts_next(s, k - j))) continue;
        if (b->role == CSavyKernel_RoleSoftener && v <= 0) continue;  // "ihan" softens praise only
        float d = b->role_value * BOOSTER_DECAY[j - 1];
        if (v < 0) d = -d;
        if (c->mixed_case && (b->flags & ITEM_ALLCAPS)) d += sign(v) * CAPS_INCREMENT;
        note(c, b->role == CSavyKernel_RoleBooster ? CSavyKernel_EvidenceBooster : CSavyKernel_EvidenceDampener, b, it, d, b->role_source);
        v += d;
    }
    if (it->modifier) {  // "huippuhyvä": a compound's first part boosts its head
        float d = it->modifier->role_value;
        if (v < 0) d = -d;
        note_term(c, CSavyKernel_EvidenceCompoundModifier, it, it, d, it->modifier->role_source,
                  it->modifier_term, it->modifier_term_length);
        v += d;
    }
    if (it->flags & ITEM_NEGATED_HEAD) {
        float d = v * it->role_value - v;
        note(c, it->fi_flags & (FI_EPA | FI_CARITIVE | FI_ABESSIVE) ? CSavyKernel_EvidenceLexicalNegation : CSavyKernel_EvidenceNegation,
             it, it, d, UINT32_MAX);
        v += d;
    }
    bool negatable = s->tokens[it->first].kind == CSavyKernel_TokenWord;
    if (negatable && c->reverser >= 0) {
        const Item *r = &s->items[c->reverser];
        if (r->role == CSavyKernel_RoleReversesNegative ? v < 0 : v > 0) {
            float d = v * r->role_value - v;
            note(c, CSavyKernel_EvidenceReversal, r, it, d, r->role_source);
            v += d;
        }
    }
    if (negatable && c->negator >= 0 && c->negation_left > 0 && c->consoling && it->role == CSavyKernel_RoleFeeling) {
        float d = fabsf(v) * it->role_value - v;
        note(c, CSavyKernel_EvidenceReassurance, &s->items[c->negator], it, d, it->role_source);
        v += d;
        c->negation_used = true;
        it->flags |= ITEM_CONSOLED;
        s->consoled = true;
    } else if (negatable && c->negator >= 0 && c->negation_left > 0) {
        const Item *n = &s->items[c->negator];
        if (v < 0) c->relief = -1;  // "You don't need to be rude" reproaches
        float d = v < 0 ? v * NEGATED_NEGATIVE_WEIGHT - v : v * n->role_value - v;
        bool prohibited = c->prohibition && v < 0;
        note(c, prohibited ? CSavyKernel_EvidenceProhibition : CSavyKernel_EvidenceNegation, n, it, d, n->role_source);
        v += d;
        c->negation_used = true;
    } else if (least_item >= 0) {
        const Item *n = &s->items[least_item];
        float d = v * n->role_value - v;
        note(c, CSavyKernel_EvidenceLeast, n, it, d, n->role_source);
        v += d;
    }
    return v;
}

static void weigh(Context *c, size_t from, size_t to, float weight, uint8_t kind, const Item *actor) {
    for (size_t k = from; k < to; k++) {
        if (c->scores[k] == 0.0f) continue;
        float d = c->scores[k] * weight - c->scores[k];
        note(c, kind, actor, &c->s->items[k], d, actor->role_source);
        c->scores[k] += d;
    }
}

// Contrast ("but", "however"), concession ("although") and irrealis ("would", "if": Taboada
// et al. 2011, "irrealis blocking") within each sentence. "It would be great if you fixed
// this" asserts nothing great.
static void weigh_clauses(Context *c) {
    CSavyKernel_Scratch *s = c->s;
    size_t n = s->item_count;
    size_t previous_start = 0, start = 0;
    while (start < n) {
        size_t end = start;
        while (end < n && !(s->items[end].flags & ITEM_SENTENCE_END)) end++;
        if (end < n) end++;  // the sentence includes its final punctuation
        long contrast = -1;
        for (size_t k = start; k < end; k++) {
            const Item *it = &s->items[k];
            if (it->role == CSavyKernel_RoleContrast) contrast = (long)k;
            bool conditional = it->fi_flags & FI_CONDITIONAL;
            if (it->role == CSavyKernel_RoleIrrealis || conditional) {
                size_t stop = k + 1;
                while (stop < end && !(s->items[stop].flags & ITEM_CLAUSE_END) &&
                       s->items[stop].role != CSavyKernel_RoleContrast) stop++;
                if (conditional) {
                    Item verb = *it;  // the verb weighs by its mood, not by a lexicon file
                    verb.role_source = UINT32_MAX;
                    weigh(c, k, stop, CONDITIONAL_WEIGHT, CSavyKernel_EvidenceIrrealis, &verb);
                } else {
                    weigh(c, k + 1, stop, it->role_value, CSavyKernel_EvidenceIrrealis, it);
                }
            }
            if (it->role == CSavyKernel_RoleConcession) {
                size_t stop = k + 1;
                while (stop < end && !(s->items[stop].flags & ITEM_CLAUSE_END)) stop++;
                weigh(c, k + 1, stop, it->role_value, CSavyKernel_EvidenceConcession, it);
            }
        }
        const Item *last = &s->items[end - 1];
        const CSavyKernel_Token *final = &s->tokens[last->first];
        if ((last->flags & ITEM_SENTENCE_END) && final->key_length == 1 && s->keys[final->key_offset] == '?') {
            Item question = *last;
            question.role_source = UINT32_MAX;
            weigh(c, start, end - 1, QUESTION_WEIGHT, CSavyKernel_EvidenceIrrealis, &question);
        }
        if (contrast >= 0) {
            const Item *marker = &s->items[contrast];
            bool opens_sentence = true;
            for (size_t k = start; k < (size_t)contrast; k++) {
                if (s->items[k].flags & ITEM_WORDLIKE) { opens_sentence = false; break; }
            }
            // "I like it. But it is slow." contrasts with the sentence before.
            size_t before = opens_sentence ? previous_start : start;
            weigh(c, before, (size_t)contrast, CONTRAST_BEFORE_WEIGHT, CSavyKernel_EvidenceContrast, marker);
            weigh(c, (size_t)contrast + 1, end, marker->role_value, CSavyKernel_EvidenceContrast, marker);
        }
        previous_start = start;
        start = end;
    }
}

void apply_rules(CSavyKernel_Scratch *s, const uint8_t *text, CSavyKernel_Result *result,
                 CSavyKernel_EvidenceBuffer *evidence) {
    size_t n = s->item_count;
    if (!grow((void **)&s->scores, &s->score_capacity, n + 1, sizeof *s->scores)) { s->failed = true; return; }
    Context c = {.s = s, .text = text, .evidence = evidence, .scores = s->scores, .negator = -1, .reverser = -1, .relief = -1};
    s->consoled = false;

    size_t caps = 0, words = 0;
    for (size_t k = 0; k < n; k++) {
        const CSavyKernel_Token *t = &s->tokens[s->items[k].first];
        if (t->kind != CSavyKernel_TokenWord) continue;
        words++;
        if (s->items[k].flags & ITEM_ALLCAPS) caps++;
    }
    c.mixed_case = caps > 0 && caps < words;

    size_t exclamations = 0, questions = 0;
    long last_exclamation = -1, last_question = -1, least_item = -1;
    bool clause_roles = false;  // any contrast, concession or irrealis for weigh_clauses
    for (size_t k = 0; k < n; k++) {
        Item *it = &s->items[k];
        c.scores[k] = 0.0f;
        // Most words carry nothing: they only count down the open scopes.
        if (it->flags == ITEM_WORDLIKE && it->role == CSavyKernel_RoleNone && it->valence == 0.0f &&
            !(it->fi_flags & (FI_KAAN | FI_CONDITIONAL)) && s->tokens[it->first].kind == CSavyKernel_TokenWord) {
            count_down_negation(&c);
            count_down_reversal(&c);
            continue;
        }
        if (it->fi_flags & FI_CONDITIONAL) clause_roles = true;  // weigh_clauses weighs from the verb on
        long least_here = (least_item >= 0 && (size_t)least_item + 1 == k) ? least_item : -1;
        if (it->flags & ITEM_CLAUSE_END) {
            const CSavyKernel_Token *t = &s->tokens[it->first];
            uint8_t ch = s->keys[t->key_offset];
            if (t->key_length == 1 && ch == '!') { exclamations++; last_exclamation = (long)k; }
            if (t->key_length == 1 && ch == '?') { questions++; last_question = (long)k; }
            close_scopes(&c);
            continue;
        }
        switch (it->role) {
            case CSavyKernel_RoleMask:
                continue;
            case CSavyKernel_RoleContrast:
            case CSavyKernel_RoleConcession:
                clause_roles = true;
                close_scopes(&c);
                continue;
            case CSavyKernel_RoleIrrealis:
                clause_roles = true;
                continue;
            case CSavyKernel_RoleNegRaising:
                // "I don't think it's good" means "I think it's not good": the window
                // restarts after the verb instead of running out on its complement.
                if (c.negator >= 0 && c.negation_left > 0) {
                    c.negation_left = NEGATION_SCOPE_WORDS;
                    continue;
                }
                break;
            case CSavyKernel_RoleNegator:
                // "Eikö olekin hienoa?" asks; it does not deny.
                if (it->fi_flags & FI_QUESTION) continue;
                close_negation(&c);
                c.negator = (long)k;
                c.negation_left = NEGATION_SCOPE_WORDS;
                c.negation_used = false;
                c.prohibition = is_prohibition(s, k);
                bool need_verb;
                int need = no_need(s, k, &need_verb);
                c.consoling = need != NO_NEED_NONE || c.prohibition;
                // "No need to be sorry": the scope counts from the verb's complement, and the
                // "no" refuses nothing.
                if (need_verb) {
                    c.negation_left++;
                    c.negation_used = true;
                }
                // "You don't need to do anything else": lifting the hearer's burden reassures.
                c.relief = need == NO_NEED && !speaker_needs(s, k) ? (long)k : -1;
                continue;
            case CSavyKernel_RoleNegatorNext:
                least_item = (long)k;
                continue;
            case CSavyKernel_RoleDiscourse:
                if (is_interjection(s, k)) continue;
                break;
            default:
                break;
        }
        // Negative polarity items (a -kAAn word, "yhtään", "ikinä", "ever", "any") say the
        // negation goes on: it reaches the end of the clause ("en ole ikinä saanut yhtään
        // hyvää palvelua", "I haven't ever had any good service"). A polarity item with a
        // valence of its own is still scored, inside the scope it opens ("he eivät tiedä
        // paskaakaan").
        if (((it->fi_flags & FI_KAAN) || it->role == CSavyKernel_RolePolarity) && c.negator >= 0 && c.negation_left > 0) {
            c.negation_left = SIZE_MAX / 2;
            if (it->valence == 0.0f) continue;
        }
        uint8_t kind = s->tokens[it->first].kind;
        if (kind == CSavyKernel_TokenEmoticon || kind == CSavyKernel_TokenEmoji) close_scopes(&c);
        bool acts_as_booster = is_booster(it) && (it->valence == 0.0f || boosts_next(s, k));
        if (it->valence != 0.0f && !acts_as_booster) c.scores[k] = score_item(&c, k, least_here);
        if (it->flags & ITEM_WORDLIKE) count_down_negation(&c);
        if (is_reverser(it)) {
            c.reverser = (long)k;
            c.reversal_left = REVERSAL_SCOPE_WORDS;
            if (c.negator >= 0 && c.negation_left > 0 && c.negation_left < REVERSAL_SCOPE_WORDS) c.negation_left = REVERSAL_SCOPE_WORDS;
        } else if (it->flags & ITEM_WORDLIKE) {
            count_down_reversal(&c);
        }
    }
    close_negation(&c);
    if (clause_roles || questions) weigh_clauses(&c);

    float sum = 0.0f, positive = 0.0f, negative = 0.0f, neutral = 0.0f;
    uint32_t hits = 0, wordlike = 0;
    for (size_t k = 0; k < n; k++) {
        const Item *it = &s->items[k];
        float v = c.scores[k];
        sum += v;
        if (it->valence != 0.0f) hits++;
        if (it->flags & ITEM_WORDLIKE) wordlike++;
        if (v > 0) positive += v + 1.0f;
        else if (v < 0) negative += v - 1.0f;
        else if (it->flags & ITEM_WORDLIKE) neutral += 1.0f;
    }

    // Punctuation emphasis leans the way the text already leans.
    float amplifier = 0.0f;
    size_t counted = exclamations < EXCLAMATION_MAX ? exclamations : EXCLAMATION_MAX;
    float exclaim = (float)counted * EXCLAMATION_INCREMENT;
    float question = questions > 1 ? (questions <= 3 ? (float)questions * QUESTION_INCREMENT : QUESTION_MAX) : 0.0f;
    if (sum != 0.0f) {
        Item whole = {.first = 0, .count = (uint32_t)s->token_count};
        if (exclaim > 0 && last_exclamation >= 0) note(&c, CSavyKernel_EvidenceExclamation, &s->items[last_exclamation], &whole, sign(sum) * exclaim, UINT32_MAX);
        if (question > 0 && last_question >= 0) note(&c, CSavyKernel_EvidenceQuestion, &s->items[last_question], &whole, sign(sum) * question, UINT32_MAX);
        amplifier = exclaim + question;
        sum += sign(sum) * amplifier;
        if (positive > -negative) positive += amplifier;
        else if (positive < -negative) negative -= amplifier;
    }

    float total = positive - negative + neutral;
    result->sum = sum;
    result->compound = sum / sqrtf(sum * sum + NORMALIZATION_ALPHA);
    if (result->compound > 1.0f) result->compound = 1.0f;
    if (result->compound < -1.0f) result->compound = -1.0f;
    if (total > 0) {
        result->positive = positive / total;
        result->negative = -negative / total;
        result->neutral = neutral / total;
    } else {
        result->positive = result->negative = 0.0f;
        result->neutral = 1.0f;
    }
    result->token_count = wordlike;
    result->hit_count = hits;
}
