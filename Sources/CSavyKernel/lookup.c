// Lookup: tokens -> items. An item is one token, or a phrase of several, with the lexicon
// entry that matched it.
#include "internal.h"

static bool is_clause_end(const uint8_t *key, size_t length, bool *sentence_end) {
    *sentence_end = false;
    if (length == 1) {
        switch (key[0]) {
            case '.': case '!': case '?': *sentence_end = true; return true;
            case ',': case ';': case ':': case '(': case ')': return true;
            default: return false;
        }
    }
    // … (U+2026), – (U+2013), — (U+2014)
    if (length == 3 && key[0] == 0xE2 && key[1] == 0x80) {
        if (key[2] == 0xA6) { *sentence_end = true; return true; }
        return key[2] == 0x93 || key[2] == 0x94;
    }
    return false;
}

// Finnish without Voikko, when Savy's suffix rules find nothing: the lemma whose Snowball
// stem is the word's, if the lemmas sharing that stem agree in sign.
static const Entry *stem_lemma(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, const uint8_t *key, size_t length) {
    if (!lexicon->stemmer || stemmer_skips(key, length)) return NULL;
    if (!s->stem_handle || s->stem_owner != lexicon->stemmer) {
        if (s->stem_handle) stemmer_close(s->stem_owner, s->stem_handle);
        s->stem_handle = stemmer_open(lexicon->stemmer);
        s->stem_owner = lexicon->stemmer;
        if (!s->stem_handle) return NULL;
    }
    const uint8_t *stem;
    size_t stem_length = stemmer_stem(lexicon->stemmer, s->stem_handle, key, length, &stem);
    if (stem_length < MIN_STEM) return NULL;
    const Entry *index = table_find(&lexicon->table, TERM_STEM, stem, stem_length);
    return index && index->stem_target ? &lexicon->table.entries[index->stem_target - 1] : NULL;
}

// The first candidate base forms with a valence and with cues, and with `phrase_words` the
// first that some phrase is written with.
static void learn_base_forms(const CSavyKernel_Lexicon *lexicon, const uint8_t *forms, const uint32_t *lengths,
                             size_t count, WordFacts *facts, bool phrase_words) {
    for (size_t k = 0, offset = 0; k < count; offset += lengths[k], k++) {
        const Entry *e = table_find(&lexicon->table, CSavyKernel_TermWord, forms + offset, lengths[k]);
        if (e && e->has_valence && !facts->base_valence) facts->base_valence = e;
        if (e && e->cue_index && !facts->base_cue) facts->base_cue = e;
        if (phrase_words && !facts->phrase_base) facts->phrase_base = table_find(&lexicon->table, TERM_PHRASE_WORD, forms + offset, lengths[k]);
        if (facts->base_valence && facts->base_cue && (!phrase_words || facts->phrase_base)) return;
    }
}

// learn_base_forms over the candidates of Savy's Finnish suffix rules (base_forms_fi.c).
static void learn_finnish_base_forms(const CSavyKernel_Lexicon *lexicon, const uint8_t *key, size_t length,
                                     WordFacts *facts, bool phrase_words) {
    uint8_t forms[2048];
    uint32_t lengths[64];
    learn_base_forms(lexicon, forms, lengths, finnish_base_forms(key, length, forms, sizeof forms, lengths, 64), facts, phrase_words);
}

// What `key` gives as a term of `lexicon`, whatever the text: its entry, or its spoken form's
// standard's ("mä" -> "minä"), and the base forms of an English word ("hates" -> "hate") or,
// with `finnish_bases`, of a Finnish word the lexicon lacks ("ihanaa" -> "ihana").
static WordFacts learn_word(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, const uint8_t *key,
                            size_t length, uint64_t hash, bool finnish_bases) {
    WordFacts facts = {0};
    facts.spoken = lexicon->has_normalisations ? table_find_hashed(&lexicon->table, TERM_NORMALISATION, hash, key, length) : NULL;
    if (facts.spoken) {
        key = lexicon->table.keys + facts.spoken->standard_offset;
        length = facts.spoken->standard_length;
        hash = hash_key(key, length);
    }
    facts.surface = table_find_hashed(&lexicon->table, CSavyKernel_TermWord, hash, key, length);
    if (length < 4 || length > 48) return facts;
    if (lexicon->language == CSavyKernel_LanguageEnglish) {
        uint8_t forms[256];
        uint32_t lengths[6];
        learn_base_forms(lexicon, forms, lengths, english_base_forms(key, length, forms, sizeof forms, lengths, 6), &facts, false);
    } else if (finnish_bases) {
        // A word the lexicon lacks takes its base form's entry; a word no phrase is written
        // with may still stand for one that is ("toimi" for "toimia" of "ei toimia").
        bool lacking = !(facts.surface && (facts.surface->has_valence || facts.surface->role));
        bool phrase_word = table_find_hashed(&lexicon->table, TERM_PHRASE_WORD, hash, key, length);
        if (!lacking && phrase_word) return facts;
        learn_finnish_base_forms(lexicon, key, length, &facts, !phrase_word);
        if (lacking && !facts.base_valence) facts.base_valence = stem_lemma(lexicon, s, key, length);
    }
    return facts;
}

struct TokenLookup *look_up_new_word(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, size_t i) {
    const CSavyKernel_Token *t = &s->tokens[i];
    const uint8_t *key = s->keys + t->key_offset;
    size_t length = t->key_length;
    uint64_t hash = s->key_hashes[i];
    // Finnish base forms are worked out only without Voikko; the facts learnt with them are
    // another owner's.
    bool finnish_bases = s->finnish_bases && lexicon->language == CSavyKernel_LanguageFinnish;
    uint64_t owner = lexicon->id ^ (finnish_bases ? 1ULL << 63 : 0);
    WordMemo *m = NULL;
    if (length <= MEMO_KEY) {
        if (!s->word_memo) s->word_memo = calloc(MEMO_SLOTS, sizeof *s->word_memo);  // without it, no memo
        // Salted by the lexicon, so that a word's English and Finnish facts keep their own slots.
        if (s->word_memo) m = &s->word_memo[(hash ^ owner * 0x9E3779B97F4A7C15ULL) & (MEMO_SLOTS - 1)];
    }
    WordFacts fresh;
    const WordFacts *facts = &fresh;
    if (m && memo_holds(&m->key, owner, key, length, hash)) {
        facts = &m->facts;
    } else {
        fresh = learn_word(lexicon, s, key, length, hash, finnish_bases);
        if (m) {
            m->facts = fresh;
            memo_keep(&m->key, owner, key, length, hash);
        }
    }
    struct TokenLookup *cache = &s->token_lookups[i];
    *cache = (struct TokenLookup){.surface = facts->surface, .base_valence = facts->base_valence, .base_cue = facts->base_cue,
                                  .phrase_base = facts->phrase_base,
                                  .key = facts->spoken ? lexicon->table.keys + facts->spoken->standard_offset : key,
                                  .key_length = facts->spoken ? facts->spoken->standard_length : (uint32_t)length,
                                  .state = LOOKED_SURFACE};
    return cache;
}

const Entry *look_up_lemma_head(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, size_t i) {
    struct TokenLookup *cache = look_up_word(lexicon, s, i);
    if (cache->state & LOOKED_HEAD) return cache->head;
    size_t length;
    const uint8_t *head = phrase_key(s, i, &length);
    // A word that is its own lemma ("kiitos") or an English word: the surface lookup holds it.
    bool own = head == s->keys + s->tokens[i].key_offset ||
               (length == cache->key_length && same_bytes(head, cache->key, length));
    cache->head = own ? cache->surface : table_find_hashed(&lexicon->table, CSavyKernel_TermWord, phrase_hash(s, i), head, length);
    cache->state |= LOOKED_HEAD;
    return cache->head;
}

static void take_entry(const CSavyKernel_Lexicon *lexicon, Item *item, const Entry *e, uint8_t evidence_kind);

// The item plays the part of `e`, named by the item's term.
static inline void take_role(Item *item, const Entry *e) {
    item->role = e->role;
    item->role_value = e->role_value;
    item->role_source = e->role_source;
    item->role_term = item->term;
    item->role_term_length = item->term_length;
}

// Takes only the valence of `e`, keeping the role the item already has.
static void take_valence(const CSavyKernel_Lexicon *lexicon, Item *item, const Entry *e) {
    Item before = *item;
    take_entry(lexicon, item, e, CSavyKernel_EvidenceLexicon);
    if (before.role) {
        item->role = before.role;
        item->role_value = before.role_value;
        item->role_source = before.role_source;
        item->role_term = before.role_term;
        item->role_term_length = before.role_term_length;
    }
}

static void take_entry(const CSavyKernel_Lexicon *lexicon, Item *item, const Entry *e, uint8_t evidence_kind) {
    item->entry = e;
    item->term = lexicon->table.keys + e->key_offset;
    item->term_length = e->key_length;
    if (e->has_valence) {
        item->valence = e->valence;
        item->source = e->valence_source;
        item->evidence_kind = evidence_kind;
    }
    take_role(item, e);
}

// Does token t let a clause go on past a reply (punctuation, an emoticon, an emoji), and
// does it end the clause there?
static bool clause_edge(const CSavyKernel_Scratch *s, const CSavyKernel_Token *t, bool *ends) {
    bool sentence_end;
    *ends = t->kind == CSavyKernel_TokenPunct && is_clause_end(s->keys + t->key_offset, t->key_length, &sentence_end);
    return t->kind == CSavyKernel_TokenPunct || t->kind == CSavyKernel_TokenEmoticon || t->kind == CSavyKernel_TokenEmoji;
}

// Do the `words` words from token i make up their clause? Only punctuation, emoticons and
// emoji may stand around them before the clause ends: "Ei kestä!", "Eipä kestä :)", but not
// "Akku ei kestä päivää".
static bool whole_clause(const CSavyKernel_Scratch *s, size_t i, size_t words) {
    bool ends;
    for (size_t k = i; k-- > 0;) {
        if (!clause_edge(s, &s->tokens[k], &ends)) return false;
        if (ends) break;
    }
    for (size_t k = i + words; k < s->token_count; k++) {
        if (!clause_edge(s, &s->tokens[k], &ends)) return false;
        if (ends) break;
    }
    return true;
}

const Entry *match_phrase_at(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s,
                             size_t i, size_t max_words, size_t *words, bool cues) {
    size_t available = 2;
    if (max_words > MAX_PHRASE_WORDS) max_words = MAX_PHRASE_WORDS;
    while (available < max_words && i + available < s->token_count &&
           s->tokens[i + available].kind == CSavyKernel_TokenWord) available++;
    // A longer phrase needs each further pair of its words in some phrase: "thank you so
    // much" is looked up only when "you so" and "so much" are pairs of a phrase.
    size_t reach = 2;
    while (reach < available && has_pair(lexicon->phrase_inner_pairs, phrase_hash(s, i + reach - 1), phrase_hash(s, i + reach))) reach++;
    // Each candidate's hash extends the shorter one's (see term_hash): no key is joined.
    const uint8_t *parts[MAX_PHRASE_WORDS];
    size_t part_lengths[MAX_PHRASE_WORDS], ends[MAX_PHRASE_WORDS + 1];
    uint64_t hashes[MAX_PHRASE_WORDS + 1];
    uint64_t h = phrase_hash(s, i);
    for (size_t k = 0; k < reach; k++) {
        parts[k] = phrase_key(s, i + k, &part_lengths[k]);
        if (k) h = phrase_hash_extend(h, phrase_hash(s, i + k));
        hashes[k + 1] = h;
        ends[k + 1] = (k ? ends[k] + 1 : 0) + part_lengths[k];  // the joined key's length
    }
    for (size_t n = reach; n >= 2; n--) {
        const Entry *e = table_find_phrase(&lexicon->table, hashes[n], parts, part_lengths, n, ends[n]);
        if (!e || !(cues ? e->cue_index != 0 : (e->has_valence || e->role))) continue;
        // A reply that is not its clause is its words, or a shorter phrase.
        if (!cues && e->role == CSavyKernel_RoleReply && !whole_clause(s, i, n)) continue;
        *words = n;
        return e;
    }
    return NULL;
}

// Scores an item by another term's valence (a hyphenated word's head, a base form), which its
// evidence names; the item's role, if any, stays.
static void take_fallback(const CSavyKernel_Lexicon *lexicon, Item *item, const Entry *e, uint8_t evidence_kind) {
    item->valence = e->valence;
    item->source = e->valence_source;
    item->evidence_kind = evidence_kind;
    item->entry = e;
    item->term = lexicon->table.keys + e->key_offset;
    item->term_length = e->key_length;
}

// Scores an item by its base form's entry, whose part it plays too when it has none of its
// own ("hermoile" is hermoilla's feeling).
static void take_base_form(const CSavyKernel_Lexicon *lexicon, Item *item, const Entry *e) {
    take_fallback(lexicon, item, e, CSavyKernel_EvidenceInflection);
    if (!item->role && e->role) take_role(item, e);
}

// A word the lexicon lacks: a hyphenated word by its last part ("super-friendly"), an
// inflected one by its base form ("hates" -> "hate").
static void fallback_lookup(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, size_t i, Item *item) {
    const CSavyKernel_Token *t = &s->tokens[i];
    const struct TokenLookup *word = look_up_word(lexicon, s, i);
    const uint8_t *key = word->key;
    size_t key_length = word->key_length;
    if (t->flags & CSavyKernel_TokenHyphenated) {
        size_t dash = key_length, dashes = 0;
        for (size_t k = 0; k < key_length; k++) dashes += key[k] == '-';
        while (dash > 0 && key[dash - 1] != '-') dash--;
        // Only two-part compounds have a head: "super-friendly" does, "tax-the-rich" does not.
        if (dash == 0 || dash == key_length || dashes != 1) return;
        const Entry *head = table_find(&lexicon->table, CSavyKernel_TermWord, key + dash, key_length - dash);
        if (head && head->has_valence) {
            take_fallback(lexicon, item, head, CSavyKernel_EvidenceHyphenHead);
            // "non-toxic", "ei-toivottu": a negator as the modifier negates the head.
            const Entry *modifier = table_find(&lexicon->table, CSavyKernel_TermWord, key, dash - 1);
            if (modifier && modifier->role == CSavyKernel_RoleNegator) {
                item->flags |= ITEM_NEGATED_HEAD;
                item->role_value = modifier->role_value;
            }
        }
        return;
    }
    const Entry *e = look_up_word(lexicon, s, i)->base_valence;
    if (e) take_base_form(lexicon, item, e);
}

// A word Voikko does not know (slang, loans, misspellings) read by Savy's suffix rules, as
// without Voikko: "luuserina" -> "luuseri", "skeidaa" -> "skeida". Such words are few, so
// their base forms are not memoised.
static void unknown_word_lookup(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, size_t i, Item *item) {
    const struct TokenLookup *word = look_up_word(lexicon, s, i);
    if (word->key_length < 4 || word->key_length > 48) return;  // as learn_word's
    WordFacts bases = {0};
    learn_finnish_base_forms(lexicon, word->key, word->key_length, &bases, false);
    if (bases.base_valence) take_base_form(lexicon, item, bases.base_valence);
}

// "toivoton", "epäkohtelias": lexical negation reverses the base's valence this much, as a
// negation verb would.
static const float LEXICAL_NEGATION_SCALAR = -0.74f;

// The word says "without" its entry: "epäystävällinen", "rahaton", "ongelmitta".
static void negate_lexically(Item *item) {
    item->flags |= ITEM_NEGATED_HEAD;
    item->role_value = LEXICAL_NEGATION_SCALAR;
}

// The negation verb's imperative ("älä", "älkää", "äläkä") is told by its surface: only it
// begins with "äl". (Its common forms are read as "ei" before Voikko sees them, so Voikko's
// mood cannot tell, and without Voikko there is none.)
static bool is_prohibitive_form(const CSavyKernel_Scratch *s, const CSavyKernel_Token *t) {
    const uint8_t *typed = s->keys + t->key_offset;
    return t->key_length >= 3 && typed[0] == 0xC3 && typed[1] == 0xA4 && typed[2] == 'l';
}

// Drops candidate c: "tapa" mid-clause is the noun "way", not "kill!", and gives no command.
__attribute__((cold, noinline)) static void drop_candidate(FinnishWord *w, size_t c) {
    size_t offset = 0;
    for (size_t k = 0; k < c; k++) offset += w->lengths[k];
    size_t length = w->lengths[c];
    memmove(w->bytes + offset, w->bytes + offset + length, w->used - offset - length);
    memmove(w->tags + c, w->tags + c + 1, (size_t)w->count - c - 1);
    memmove(w->lengths + c, w->lengths + c + 1, (size_t)w->count - c - 1);
    w->used -= (uint8_t)length;
    w->count--;
    // What the imperative reading told goes with it (a bare stem's other reading, a noun or an
    // adjective, has no person).
    w->flags &= ~(uint32_t)FI_IMPERATIVE_PERSON;
}

static bool is_conjunction(const uint8_t *key, size_t length) {
    return (length == 2 && memcmp(key, "ja", 2) == 0) || (length == 3 && memcmp(key, "tai", 3) == 0) ||
           (length == 5 && memcmp(key, "mutta", 5) == 0) || (length == 4 && memcmp(key, "vaan", 4) == 0);
}

__attribute__((noinline)) static bool is_pronoun(const FinnishWord *w) {
    static const char *const pronouns[] = {"min\xC3\xA4", "sin\xC3\xA4", "h\xC3\xA4n", "me", "te", "he", "se", "ne"};
    for (size_t c = 0, offset = 0; c < w->count; offset += w->lengths[c], c++) {
        if (w->tags[c] != FI_LEMMA) continue;
        for (size_t k = 0; k < sizeof pronouns / sizeof *pronouns; k++) {
            size_t n = strlen(pronouns[k]);
            if (w->lengths[c] == n && memcmp(w->bytes + offset, pronouns[k], n) == 0) return true;
        }
    }
    return false;
}

// Finnish pre-pass: each word's analysis and the key it contributes to phrases (the lemma,
// or a participle's verb: "ei toiminut" meets the phrase "ei toimia").
// A word Voikko also reads as an imperative ("tapa", "syytä") is one only where an imperative
// can stand: opening its clause ("Tapa hänet!", "Mene ja tapa") or, as the identical
// connegative, straight after the negation verb or its subject or an adverb ("älä tapa",
// "en minä halua", "en enää halua").
// Elsewhere its other reading is meant ("ainoa tapa", "ei ole syytä").
static void analyse_finnish(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Morphology *morphology, CSavyKernel_Scratch *s) {
    size_t n = s->token_count;
    if (!grow((void **)&s->phrase_keys, &s->phrase_key_capacity, n, sizeof *s->phrase_keys) ||
        !grow((void **)&s->words, &s->word_capacity, n, sizeof *s->words)) { s->failed = true; return; }
    s->lemma_length = 0;
    bool clause_opens = true;
    int connegative_next = 0;  // words after the negation verb where its connegative may stand
    bool prohibitive = false;  // that negation verb is "älä", "älkää"
    for (size_t i = 0; i < n; i++) {
        const CSavyKernel_Token *t = &s->tokens[i];
        s->phrase_keys[i].length = 0;
        FinnishWord *w = &s->words[i];
        memset(w, 0, offsetof(FinnishWord, bytes));
        if (t->kind != CSavyKernel_TokenWord) {
            bool sentence_end;
            if (morphology && t->kind == CSavyKernel_TokenPunct &&
                is_clause_end(s->keys + t->key_offset, t->key_length, &sentence_end)) {
                clause_opens = true;
                connegative_next = 0;
            }
            continue;
        }
        const struct TokenLookup *word = look_up_word(lexicon, s, i);
        const uint8_t *key = word->key;
        size_t length = word->key_length;
        const uint8_t *phrase = key;
        size_t phrase_length = length;
        if (!morphology && word->phrase_base) {  // without Voikko, the base form phrases are written with
            phrase = lexicon->table.keys + word->phrase_base->key_offset;
            phrase_length = word->phrase_base->key_length;
        }
        if (morphology && finnish_word(morphology, s, key, length, w)) {
            if (!clause_opens && !connegative_next) {
                if (w->imperative_reading) drop_candidate(w, w->imperative_reading - 1u);
                // "Lähetä viesti": a mid-clause word that need not be an imperative is none.
                if (w->flags & FI_NOT_ONLY_IMPERATIVE) w->flags &= ~(uint32_t)(FI_COMMAND | FI_SOFTENED);
            }
            // After "en", "ei" the bare stem is the connegative: no command and no person of its
            // own ("ei ole", "en halua"); after "älä" the prohibition is the command.
            if (connegative_next && !prohibitive) w->flags &= ~(uint32_t)FI_IMPERATIVE_PERSON;
            if (w->flags & FI_NEGATION_VERB) {
                prohibitive = is_prohibitive_form(s, t);
                connegative_next = 2;
            } else if (connegative_next && ((w->flags & FI_ADVERB) || is_pronoun(w))) {
                connegative_next--;
            } else {
                connegative_next = 0;
            }
            // Every form of the negation verb, fused with a conjunction too ("ettei", "jollen",
            // "miksei"), meets the phrases of "ei": "harmi, ettei se toimi" is "ei toimia".
            if (w->flags & FI_NEGATION_VERB) {
                phrase = (const uint8_t *)"ei";
                phrase_length = 2;
            } else {
                for (size_t c = 0, offset = 0; c < w->count; offset += w->lengths[c], c++) {
                    bool wanted = (w->flags & FI_PARTICIPLE) ? w->tags[c] == FI_DERIVED : w->tags[c] == FI_LEMMA;
                    if (wanted) { phrase = w->bytes + offset; phrase_length = w->lengths[c]; break; }
                }
            }
        }
        if (morphology) clause_opens = is_conjunction(key, length);
        if (!grow((void **)&s->lemmas, &s->lemma_capacity, s->lemma_length + phrase_length + 1, 1)) { s->failed = true; return; }
        memcpy(s->lemmas + s->lemma_length, phrase, phrase_length);
        s->phrase_keys[i].offset = (uint32_t)s->lemma_length;
        s->phrase_keys[i].length = (uint32_t)phrase_length;
        s->lemma_length += phrase_length;
    }
    if (s->lemma_length == 0) s->lemma_length = 1;  // marks the phrase keys as in use
}

static const Entry *find_scored(const CSavyKernel_Lexicon *lexicon, const uint8_t *key, size_t length) {
    const Entry *e = table_find(&lexicon->table, CSavyKernel_TermWord, key, length);
    return e && (e->has_valence || e->role) ? e : NULL;
}

// A Finnish word the lexicon lacks as it stands: its lemmas, a lexically negated base, a
// participle's verb, a compound's head and first part.
static void finnish_lookup(const CSavyKernel_Lexicon *lexicon, const FinnishWord *w, Item *item) {
    const uint8_t *bytes = w->bytes;
    for (int pass = FI_LEMMA; pass <= FI_HEAD; pass++) {
        for (size_t c = 0, offset = 0; c < w->count; offset += w->lengths[c], c++) {
            if (w->tags[c] != pass) continue;
            const Entry *e = find_scored(lexicon, bytes + offset, w->lengths[c]);
            if (!e || (pass != FI_LEMMA && !e->has_valence)) continue;
            switch (pass) {
                case FI_LEMMA:
                case FI_DERIVED:
                    if (!e->has_valence) {  // a role only ("hyvin"): keep looking for a valence ("hyvä")
                        if (!item->role) take_entry(lexicon, item, e, CSavyKernel_EvidenceLexicon);
                        continue;
                    }
                    take_valence(lexicon, item, e);
                    // The abessive negates like the caritive: "vaikeuksitta" (without difficulty).
                    // (A feeling's role is no obstacle: "huoletta", without worry.)
                    if ((w->flags & FI_ABESSIVE) && (!item->role || item->role == CSavyKernel_RoleFeeling)) negate_lexically(item);
                    return;
                case FI_NEGATED:
                    take_entry(lexicon, item, e, CSavyKernel_EvidenceLexicon);
                    item->role = CSavyKernel_RoleNone;
                    negate_lexically(item);
                    return;
                case FI_HEAD:
                    take_entry(lexicon, item, e, CSavyKernel_EvidenceCompoundHead);
                    item->role = CSavyKernel_RoleNone;
                    break;
            }
            break;
        }
        if (pass == FI_HEAD) break;
    }
    // The first part of a compound boosts the head ("huippuhyvä") or, when the head carries
    // nothing, scores the whole ("paskapalvelu", "murharyhmä"). A positive first part scores
    // the whole only when it judges it, as an adjective ("hyväpalkkainen") or an evaluative
    // prefix (a booster: "huippupaikka") does; a positive noun mostly names what the thing is
    // made of or for ("kultakala" goldfish, "turvavyö" seat belt, "luottokortti" credit card).
    bool first = true;
    for (size_t c = 0, offset = 0; c < w->count; offset += w->lengths[c], c++) {
        if (w->tags[c] != FI_MODIFIER) continue;
        bool adjective = first && (w->flags & FI_ADJECTIVE_MODIFIER);
        first = false;
        const Entry *m = find_scored(lexicon, bytes + offset, w->lengths[c]);
        if (!m) continue;
        bool boosts = m->role == CSavyKernel_RoleBooster || m->role == CSavyKernel_RoleDampener;
        bool judges = m->valence < 0 || boosts || adjective;
        if (item->valence != 0.0f && boosts) {
            item->modifier = m;
            item->modifier_term = lexicon->table.keys + m->key_offset;
            item->modifier_term_length = m->key_length;
        } else if (item->valence == 0.0f && m->has_valence && judges) {
            take_entry(lexicon, item, m, CSavyKernel_EvidenceCompoundModifier);
            item->role = CSavyKernel_RoleNone;
        }
        break;
    }
}

// A verb whose sense depends on an elative complement: "pidän tästä" (like) against "minun
// pitää mennä" (must) or "pidä kiinni" (hold), "välitän sinusta" (care) against "välitän
// viestin" (forward). The lexicon writes that sense as dictionaries do, "pitää jostakin";
// it is taken when an elative stands within two words before the verb or three after, in
// its clause, and no infinitive follows it, adverbs aside ("pitää päästä siitä" and "pitää
// aina päästä" are "must").
#define GOVERNED_BEFORE 2
#define GOVERNED_AFTER 3

static bool elative_near(const CSavyKernel_Scratch *s, size_t i) {
    // An infinitive after the verb, adverbs aside, makes it "must": "pitää aina päästä" (where
    // "päästä" could also be the elative of "pää").
    size_t next = i + 1;
    while (next < s->token_count && s->tokens[next].kind == CSavyKernel_TokenWord && (s->words[next].flags & FI_ADVERB)) next++;
    if (next < s->token_count && s->tokens[next].kind == CSavyKernel_TokenWord && (s->words[next].flags & FI_INFINITIVE)) return false;
    for (size_t j = i + 1; j < s->token_count && j <= i + GOVERNED_AFTER; j++) {
        if (s->tokens[j].kind != CSavyKernel_TokenWord) break;
        if (s->words[j].flags & FI_ELATIVE) return true;
    }
    for (size_t j = i; j-- > 0 && j + GOVERNED_BEFORE >= i;) {
        if (s->tokens[j].kind != CSavyKernel_TokenWord) break;
        if (s->words[j].flags & FI_ELATIVE) return true;
    }
    return false;
}

static void governed_lookup(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, size_t i, Item *item) {
    const Entry *verb = look_up_head(lexicon, s, i);
    if (!verb || !verb->governs || !elative_near(s, i)) return;
    size_t length;
    const uint8_t *lemma = phrase_key(s, i, &length);
    uint8_t key[256];
    if (length + sizeof GOVERNED_SLOT - 1 > sizeof key) return;
    memcpy(key, lemma, length);
    memcpy(key + length, GOVERNED_SLOT, sizeof GOVERNED_SLOT - 1);
    const Entry *e = table_find_term(&lexicon->table, CSavyKernel_TermWord, key, length + sizeof GOVERNED_SLOT - 1);
    if (e && e->has_valence) take_entry(lexicon, item, e, CSavyKernel_EvidenceLexicon);
}

void lookup_items(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Morphology *morphology,
                  CSavyKernel_Scratch *s, const uint8_t *text) {
    (void)text;
    s->item_count = 0;
    s->lemma_length = 0;
    if (!grow((void **)&s->token_lookups, &s->token_lookup_capacity, s->token_count + 1, sizeof *s->token_lookups)) {
        s->failed = true;
        return;
    }
    memset(s->token_lookups, 0, s->token_count * sizeof *s->token_lookups);
    // At most an item per token.
    if (!grow((void **)&s->items, &s->item_capacity, s->token_count + 1, sizeof *s->items)) {
        s->failed = true;
        return;
    }
    bool finnish = lexicon->language == CSavyKernel_LanguageFinnish;
    bool analysed = finnish && morphology;
    s->finnish_bases = finnish && !analysed;  // before any word is looked up, analyse_finnish's included
    if (finnish) analyse_finnish(lexicon, morphology, s);
    for (size_t i = 0; i < s->token_count && !s->failed;) {
        const CSavyKernel_Token *t = &s->tokens[i];
        const uint8_t *key = s->keys + t->key_offset;
        Item *item = &s->items[s->item_count];  // built in place: an item is larger than a cache line
        *item = (Item){.first = (uint32_t)i, .count = 1, .source = UINT32_MAX, .role_source = UINT32_MAX};
        if (t->flags & CSavyKernel_TokenAllCaps) item->flags |= ITEM_ALLCAPS;
        switch (t->kind) {
            case CSavyKernel_TokenWord: {
                item->flags |= ITEM_WORDLIKE;
                const struct TokenLookup *word = look_up_word(lexicon, s, i);
                if (analysed) item->fi_flags = s->words[i].flags;
                const Entry *surface = word->surface;
                const Entry *e = surface;
                if (finnish) {  // phrases start from the word's lemma
                    const Entry *h = look_up_head(lexicon, s, i);
                    if (h && h->phrase_max > (e ? e->phrase_max : 0)) e = h;
                }
                if (e && e->phrase_max >= 2) {
                    size_t words;
                    const Entry *phrase = match_phrase(lexicon, s, i, e->phrase_max, &words, false);
                    if (phrase) {
                        item->count = (uint32_t)words;
                        take_entry(lexicon, item, phrase, CSavyKernel_EvidencePhrase);
                        for (size_t k = 1; k < words; k++) {
                            if (!(s->tokens[i + k].flags & CSavyKernel_TokenAllCaps)) item->flags &= (uint8_t)~ITEM_ALLCAPS;
                        }
                        break;
                    }
                }
                e = surface;
                if (e && (e->has_valence || e->role)) take_entry(lexicon, item, e, CSavyKernel_EvidenceLexicon);
                if (analysed && (!e || !e->has_valence)) {
                    finnish_lookup(lexicon, &s->words[i], item);
                    if (!item->valence && !(s->words[i].flags & FI_KNOWN)) unknown_word_lookup(lexicon, s, i, item);
                } else if (!e || !(e->has_valence || e->role)) fallback_lookup(lexicon, s, i, item);
                if (analysed && !item->role) governed_lookup(lexicon, s, i, item);
                if (finnish && item->role == CSavyKernel_RoleNegator && is_prohibitive_form(s, t)) item->fi_flags |= FI_IMPERATIVE;
                break;
            }
            case CSavyKernel_TokenEmoticon: {
                item->flags = ITEM_WORDLIKE;  // no caps emphasis for ":D"
                const Entry *e = table_find(&lexicon->table, CSavyKernel_TermEmoticon, key, t->key_length);
                if (e) take_entry(lexicon, item, e, CSavyKernel_EvidenceEmoticon);
                break;
            }
            case CSavyKernel_TokenEmoji: {
                item->flags = ITEM_WORDLIKE;
                const Entry *e = table_find(&lexicon->table, CSavyKernel_TermEmoji, key, t->key_length);
                if (!e) {  // a ZWJ sequence falls back to its first emoji
                    size_t consumed;
                    int invalid;
                    CSavyICU_decode_utf8(key, t->key_length, &consumed, &invalid);
                    if (consumed < t->key_length) e = table_find(&lexicon->table, CSavyKernel_TermEmoji, key, consumed);
                }
                if (e) take_entry(lexicon, item, e, CSavyKernel_EvidenceEmoji);
                break;
            }
            case CSavyKernel_TokenPunct: {
                bool sentence_end;
                if (is_clause_end(key, t->key_length, &sentence_end)) {
                    item->flags |= ITEM_CLAUSE_END;
                    if (sentence_end) item->flags |= ITEM_SENTENCE_END;
                }
                break;
            }
            default:  // numbers, URLs, addresses and mentions carry no sentiment
                item->flags |= ITEM_WORDLIKE;
                break;
        }
        s->item_count++;
        i += item->count;
    }
}
