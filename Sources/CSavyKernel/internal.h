// Internal structures of the kernel. Nothing here is part of the public header.
#ifndef CSAVYKERNEL_INTERNAL_H
#define CSAVYKERNEL_INTERNAL_H

#pragma clang diagnostic warning "-Wall"
#pragma clang diagnostic warning "-Wextra"

#include "CSavyKernel.h"
#include "CSavyICU.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

// Joins the words of a phrase key ("kind" US "of"); never occurs in folded text.
#define PHRASE_SEPARATOR 0x1F
// The second word of a Finnish verb's governed sense, "pitää jostakin" (see governed_lookup).
#define GOVERNED_SLOT "\x1Fjostakin"
// Longest phrase, in words, the lexicon accepts.
#define MAX_PHRASE_WORDS 6
// Bits of the phrase-pair filter (a 4 KiB bit set, well under one bit per pair in use).
#define PHRASE_PAIR_LOG2 15
#define PHRASE_PAIR_BITS (1u << PHRASE_PAIR_LOG2)
// Longest emoticon, in bytes.
#define MAX_EMOTICON_BYTES 16

// MARK: - Growable buffers

// Grows `*buffer` to hold at least `needed` elements of `size` bytes. Returns false on OOM.
static inline bool grow(void **buffer, size_t *capacity, size_t needed, size_t size) {
    if (needed <= *capacity) return true;
    size_t next = *capacity ? *capacity : 64;
    while (next < needed) next *= 2;
    void *grown = realloc(*buffer, next * size);
    if (!grown) return false;
    *buffer = grown;
    *capacity = next;
    return true;
}

// MARK: - Hashing

// A hash of a short key, eight bytes at a time (keys average five bytes, so a byte-at-a-time
// hash cost more than the table probe). The length is mixed in first, which makes the
// overlapping reads of a tail of 1-7 bytes unambiguous.
static inline uint64_t hash_key(const uint8_t *bytes, size_t length) {
    uint64_t h = 0x9E3779B97F4A7C15ULL ^ (length * 0xFF51AFD7ED558CCDULL);
    size_t n = length;
    for (; n >= 8; n -= 8, bytes += 8) {
        uint64_t w;
        memcpy(&w, bytes, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
    }
    uint64_t w = 0;
    if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, bytes, 4);
        memcpy(&b, bytes + n - 4, 4);
        w = (uint64_t)a | (uint64_t)b << 32;
    } else if (n) {
        w = (uint64_t)bytes[0] | (uint64_t)bytes[n >> 1] << 8 | (uint64_t)bytes[n - 1] << 16;
    }
    h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 29;
    h *= 0x94D049BB133111EBULL;
    return h ^ (h >> 32);
}

// The slot hash of a key of a term kind: words, emoticons, spoken forms... share one table.
static inline uint64_t kind_hash(uint64_t key_hash, uint8_t kind) {
    return key_hash ^ ((uint64_t)kind * 0x9E3779B97F4A7C15ULL);
}

static inline uint64_t hash_bytes(uint8_t kind, const uint8_t *bytes, size_t length) {
    return kind_hash(hash_key(bytes, length), kind);
}

// A phrase's hash goes word by word from its words' hashes, so that text is probed for a
// phrase from the hashes its words already have, without joining their keys.
static inline uint64_t phrase_hash_extend(uint64_t hash, uint64_t next_word_hash) {
    uint64_t h = (hash * 0xC2B2AE3D27D4EB4FULL) ^ next_word_hash;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
}

// The table's hash of a term key: a word's hash_key; a phrase's, its words' hashes extended
// one by one.
static inline uint64_t term_hash(const uint8_t *key, size_t length) {
    const uint8_t *end = key + length, *separator = memchr(key, PHRASE_SEPARATOR, length);
    if (!separator) return hash_key(key, length);
    uint64_t h = hash_key(key, (size_t)(separator - key));
    while (separator) {
        const uint8_t *word = separator + 1;
        separator = memchr(word, PHRASE_SEPARATOR, (size_t)(end - word));
        h = phrase_hash_extend(h, hash_key(word, (size_t)((separator ? separator : end) - word)));
    }
    return h;
}

// Equal short byte strings: inline word compares beat a call to memcmp for keys this short,
// and a byte loop too. Like hash_key, a tail of 1-7 bytes is read as overlapping words (or
// its first, middle and last bytes), never past `length`.
static inline uint64_t load64(const uint8_t *p) { uint64_t w; memcpy(&w, p, 8); return w; }
static inline uint32_t load32(const uint8_t *p) { uint32_t w; memcpy(&w, p, 4); return w; }
static inline bool same_bytes(const uint8_t *a, const uint8_t *b, size_t length) {
    if (length >= 8) {
        for (size_t i = 0; i + 8 < length; i += 8) {
            if (load64(a + i) != load64(b + i)) return false;
        }
        return load64(a + length - 8) == load64(b + length - 8);
    }
    if (length >= 4) return (load32(a) ^ load32(b)) == 0 && load32(a + length - 4) == load32(b + length - 4);
    if (length == 0) return true;
    return a[0] == b[0] && a[length >> 1] == b[length >> 1] && a[length - 1] == b[length - 1];
}

// Does `word` end in `suffix`, with at least one byte before it? (English and Finnish endings.)
static inline bool ends_with(const uint8_t *word, size_t length, const char *suffix) {
    size_t n = strlen(suffix);
    return length > n && memcmp(word + length - n, suffix, n) == 0;
}

// MARK: - Lexicon

typedef struct Entry {
    uint32_t key_offset, key_length;   // into the key blob; phrase words joined by PHRASE_SEPARATOR
    float valence;
    float role_value;
    uint32_t valence_source, role_source;
    uint8_t kind;                      // CSavyKernel_TermKind
    uint8_t has_valence;
    uint8_t role;                      // CSavyKernel_Role
    uint8_t phrase_max;                // longest phrase (in words) starting with this word; 0 if none
    uint32_t standard_offset, standard_length;  // TERM_NORMALISATION: the standard form's key
    uint32_t standard_source;
    uint32_t stem_target;              // TERM_STEM: see below
    uint32_t cue_index;                // tone cues: index + 1 into Table.cues; 0 if none
    uint8_t cue_phrase_max;            // longest cue phrase (in words) starting with this word
    uint8_t governs;                   // a verb with a "<verb> jostakin" sense (see governed_lookup)
} Entry;

// The tone, politeness and empathy cues of one term.
typedef struct CueSet {
    uint32_t mask;                              // bit c: cue c is among them (set when the lexicon is finished)
    uint8_t count;
    uint8_t cue[CSavyKernel_MaxCuesPerTerm];    // CSavyKernel_Cue
    float weight[CSavyKernel_MaxCuesPerTerm];
    uint32_t source[CSavyKernel_MaxCuesPerTerm];
} CueSet;

_Static_assert(CSavyKernel_CueCount <= 32, "a CueSet's mask holds a bit per cue");

// A spoken form and the standard form it is read as.
#define TERM_NORMALISATION CSavyKernel_TermNormalisation
// A Snowball stem of a Finnish lemma; `stem_target` is the lemma's entry index + 1
// (0: lemmas of opposite sign share the stem, so it matches nothing).
#define TERM_STEM 4
// A word some Finnish phrase is written with ("toimia" of "ei toimia"): without Voikko, a word
// whose base form is one reads phrases by it ("ei toimi").
#define TERM_PHRASE_WORD 5

// Snowball's Finnish stemmer, when libstemmer is installed (stemmer_fi.c).
typedef struct Stemmer Stemmer;
Stemmer *stemmer_load(void);
void stemmer_unload(Stemmer *stemmer);
void *stemmer_open(const Stemmer *stemmer);
void stemmer_close(const Stemmer *stemmer, void *handle);
bool stemmer_skips(const uint8_t *word, size_t length);
// Shorter stems match nothing: three-letter stems met too many unrelated words (same F1
// without Voikko, a sixth fewer wrong readings in scripts/finnish_fallback_accuracy.py).
#define MIN_STEM 4
size_t stemmer_stem(const Stemmer *stemmer, void *handle, const uint8_t *word, size_t length, const uint8_t **stem);

// A hash slot: the entry's index + 1 (0 = empty) and the top half of its hash, so that a probe
// rejects other keys without touching their entries (most words of a text are not terms).
typedef struct Slot {
    uint32_t tag, index;
} Slot;

typedef struct Table {
    Entry *entries;
    size_t count, entry_capacity;
    uint8_t *keys;
    size_t key_length, key_capacity;
    Slot *slots;                       // capacity is a power of two
    size_t slot_count;
    CueSet *cues;
    size_t cue_count, cue_capacity;
} Table;

struct CSavyKernel_Lexicon {
    Table table;
    uint64_t id;                       // unique per lexicon built: tags its words in a scratch's memo
    CSavyKernel_Language language;
    Stemmer *stemmer;                  // Finnish: lemma stems are indexed (TERM_STEM entries)
    bool emoticon_start[256];          // bytes an emoticon can start with
    bool emoticon_high_start;          // any of them non-ASCII
    uint64_t emoticon_pairs[65536 / 64];  // the first two bytes of each emoticon, as bits
    size_t emoticon_max;               // longest emoticon in bytes
    bool has_normalisations;           // any spoken forms at all (English has none: skip the lookup)
    // The first two words of every phrase, as bits of a small filter: most words that can
    // start a phrase ("I", "you", "not") are not followed by one, and the filter says so
    // without building and looking up the candidate keys.
    uint64_t phrase_pairs[PHRASE_PAIR_BITS / 64];
    // The same for the later pairs of phrases of three words or more ("thank you so much":
    // "you so", "so much"): a longer candidate is only looked up while its pairs are there.
    uint64_t phrase_inner_pairs[PHRASE_PAIR_BITS / 64];
};

static inline size_t phrase_pair_bit(uint64_t first_hash, uint64_t second_hash) {
    return (size_t)(((first_hash ^ (second_hash * 0xC2B2AE3D27D4EB4FULL)) * 0x9E3779B97F4A7C15ULL) >> (64 - PHRASE_PAIR_LOG2));
}

static inline void add_pair(uint64_t *pairs, uint64_t first_hash, uint64_t second_hash) {
    size_t bit = phrase_pair_bit(first_hash, second_hash);
    pairs[bit / 64] |= 1ULL << (bit % 64);
}

static inline bool has_pair(const uint64_t *pairs, uint64_t first_hash, uint64_t second_hash) {
    size_t bit = phrase_pair_bit(first_hash, second_hash);
    return pairs[bit / 64] & (1ULL << (bit % 64));
}

struct CSavyKernel_Builder {
    Table table;
    CSavyKernel_Language language;
    CSavyKernel_Scratch *scratch;      // to tokenize terms exactly as text is tokenized
};

/// The entry of `key` as a term of `kind`, or NULL; `key_hash` is term_hash(key, length).
static inline const Entry *table_find_hashed(const Table *table, uint8_t kind, uint64_t key_hash,
                                             const uint8_t *key, size_t length) {
    if (!table->slot_count) return NULL;
    uint64_t h = kind_hash(key_hash, kind);
    size_t mask = table->slot_count - 1;
    uint32_t tag = (uint32_t)(h >> 32);
    for (size_t s = (size_t)h & mask; table->slots[s].index; s = (s + 1) & mask) {
        if (table->slots[s].tag != tag) continue;
        const Entry *e = &table->entries[table->slots[s].index - 1];
        if (e->kind == kind && e->key_length == length && same_bytes(table->keys + e->key_offset, key, length)) return e;
    }
    return NULL;
}

// Is `key` (of the joined length) these words joined by PHRASE_SEPARATOR?
static inline bool phrase_is(const uint8_t *key, const uint8_t *const *parts, const size_t *lengths, size_t words) {
    for (size_t k = 0; k < words; k++) {
        if (k && *key++ != PHRASE_SEPARATOR) return false;
        if (!same_bytes(key, parts[k], lengths[k])) return false;
        key += lengths[k];
    }
    return true;
}

/// The word-term entry of the phrase of `words` keys `parts`, whose term_hash is `hash` and
/// whose joined key is `length` bytes: table_find_hashed's probe, comparing part by part so
/// that the words need not be joined. (Written out twice on purpose: table_find_hashed built
/// on this probe cost the Finnish kernel 3% more instructions, 328M -> 338M.)
static inline const Entry *table_find_phrase(const Table *table, uint64_t hash, const uint8_t *const *parts,
                                             const size_t *lengths, size_t words, size_t length) {
    if (!table->slot_count) return NULL;
    uint64_t h = kind_hash(hash, CSavyKernel_TermWord);
    size_t mask = table->slot_count - 1;
    uint32_t tag = (uint32_t)(h >> 32);
    for (size_t s = (size_t)h & mask; table->slots[s].index; s = (s + 1) & mask) {
        if (table->slots[s].tag != tag) continue;
        const Entry *e = &table->entries[table->slots[s].index - 1];
        if (e->kind == CSavyKernel_TermWord && e->key_length == length && phrase_is(table->keys + e->key_offset, parts, lengths, words)) return e;
    }
    return NULL;
}

/// The entry of a one-word `key` (no PHRASE_SEPARATOR: most lookups, which skip the scan).
static inline const Entry *table_find(const Table *table, uint8_t kind, const uint8_t *key, size_t length) {
    return table_find_hashed(table, kind, hash_key(key, length), key, length);
}

/// The entry of any term key, a phrase's included.
static inline const Entry *table_find_term(const Table *table, uint8_t kind, const uint8_t *key, size_t length) {
    return table_find_hashed(table, kind, term_hash(key, length), key, length);
}

// MARK: - Finnish words

#define FI_MAX_CANDIDATES 8
// What a lookup candidate is.
enum { FI_LEMMA, FI_DERIVED, FI_NEGATED, FI_HEAD, FI_MODIFIER };
enum {
    FI_KNOWN = 1 << 0,           // Voikko analysed it
    FI_NEGATION_VERB = 1 << 1,   // en, et, ei, emme, ette, eivät, enkä, eikä, älä
    FI_IMPERATIVE = 1 << 2,      // älä, älkää: set by lookup from the surface (see lookup_items)
    FI_QUESTION = 1 << 3,        // the -kO clitic: eikö, onko
    FI_KAAN = 1 << 4,            // the -kAAn clitic: negative polarity
    FI_CONDITIONAL = 1 << 5,     // voisitko
    FI_ADJECTIVE = 1 << 6,
    FI_CARITIVE = 1 << 7,        // -ton/-tön
    FI_EPA = 1 << 8,             // epä-
    FI_PARTICIPLE = 1 << 9,      // toiminut: its verb is its phrase key
    FI_COMMAND = 1 << 10,        // an imperative other than the negation verb's: lähetä, katsokaa
    FI_SOFTENED = 1 << 11,       // -pA(s) on an imperative, -hAn on a 2nd-person verb: katsopa, ilmoitathan
    FI_FORMAL = 1 << 12,         // 2nd person plural (teitittely to one person): voisitteko, teidän, tilauksenne
    FI_SECOND_PERSON = 1 << 13,  // any 2nd person: sinä, voitko, sinun
    FI_FIRST_PERSON = 1 << 14,   // minä, voisin, tarkistan
    FI_ELATIVE = 1 << 15,        // tästä, sinusta: the case some verbs govern ("pidän tästä")
    FI_INFINITIVE = 1 << 16,     // mennä: after "pitää" it is "must", not "like"
    FI_NOT_ONLY_IMPERATIVE = 1 << 17,  // read as an imperative and also otherwise: viesti, tapa
    FI_ABESSIVE = 1 << 18,       // vaikeuksitta, rahatta: "without", in every reading
    FI_ADVERB = 1 << 19,         // enää, ehdottomasti: an adverb, never a verb
    FI_ADJECTIVE_MODIFIER = 1 << 20,  // a compound whose first part is an adjective: hyväpalkkainen
    // What an imperative reading tells beyond its lemma, dropped with it ("ainoa tapa") and
    // absent from the connegative ("ei ole").
    FI_IMPERATIVE_PERSON = FI_COMMAND | FI_SOFTENED | FI_SECOND_PERSON | FI_FORMAL,
};

/// A Finnish word reduced to what lookup and the rules need; plain data, cached as bytes.
typedef struct FinnishWord {
    uint32_t flags;
    uint8_t count, used;
    // 1 + the index of a lemma Voikko gives only as an imperative or connegative when the
    // word has another reading ("tapa": tappaa 'kill!' or tapa 'way'), else 0. Lookup drops it
    // where no imperative can stand (see analyse_finnish).
    uint8_t imperative_reading;
    uint8_t tags[FI_MAX_CANDIDATES];
    uint8_t lengths[FI_MAX_CANDIDATES];
    uint8_t bytes[160];          // candidates back to back, folded
} FinnishWord;

/// Analyses `key` (cached); false when Voikko could not be used.
bool finnish_word(CSavyKernel_Morphology *morphology, CSavyKernel_Scratch *scratch,
                  const uint8_t *key, size_t length, FinnishWord *out);
void morphology_close_handle(const CSavyKernel_Morphology *morphology, void *handle);

// MARK: - Word memos

// What a word's folded key gives whatever the text it is in, kept per thread across texts:
// chat repeats its words, so most words cost one probe here instead of the function-word
// probe and letter scan of language detection, or the lexicon probes and suffix stripping of
// lookup. Direct-mapped (a new word takes its slot); the key is compared, not trusted to
// the hash. Longer words are not kept.
#define MEMO_SLOTS 4096                // a power of two
#define MEMO_KEY 24

// The key every memo slot starts with. `owner` says whose facts the slot holds: a lexicon's
// or a morphology's id (0 for the language cue, which is no lexicon's).
typedef struct MemoKey {
    uint64_t hash, owner;              // hash_key of the key
    uint8_t length;                    // 0: empty
    uint8_t key[MEMO_KEY];
} MemoKey;

static inline bool memo_holds(const MemoKey *m, uint64_t owner, const uint8_t *key, size_t length, uint64_t hash) {
    return m->length == length && m->hash == hash && m->owner == owner && same_bytes(m->key, key, length);
}

static inline void memo_keep(MemoKey *m, uint64_t owner, const uint8_t *key, size_t length, uint64_t hash) {
    *m = (MemoKey){.hash = hash, .owner = owner, .length = (uint8_t)length};
    memcpy(m->key, key, length);
}

// A word's language cue (language.c).
typedef struct CueMemo {
    MemoKey key;
    float cue;
} CueMemo;

// A word as a term of one lexicon (lookup.c).
typedef struct WordFacts {
    const Entry *surface;              // the word (or its spoken form's standard) as a term
    const Entry *spoken;               // its spoken-form entry, whose standard was looked up
    const Entry *base_valence, *base_cue;  // base forms (English; Finnish without Voikko): see TokenLookup
    const Entry *phrase_base;          // Finnish without Voikko: see TokenLookup
} WordFacts;

typedef struct WordMemo {
    MemoKey key;                       // owner: the lexicon
    WordFacts facts;
} WordMemo;

// A word's analysis, kept per thread (finnish_word): the shared cache behind it takes a lock
// and a copy out of its records for every word.
#define FINNISH_MEMO_SLOTS 2048        // a power of two
typedef struct FinnishMemo {
    MemoKey key;                       // owner: the morphology
    FinnishWord word;
} FinnishMemo;

// MARK: - Scratch

// A lexicon match covering tokens [first, first + count).
typedef struct Item {
    const Entry *entry;                // NULL when no term matched
    uint32_t first, count;
    float valence;                     // the entry's valence after lookup (0 when none)
    uint8_t evidence_kind;             // how the valence was found (Lexicon, Phrase, Emoji, ...)
    uint8_t role;
    uint8_t flags;                     // ITEM_*
    uint8_t reserved;
    float role_value;
    uint32_t source;                   // lexicon file of the valence
    uint32_t role_source;              // lexicon file of the role
    uint32_t fi_flags;                 // FI_* of a Finnish word
    const Entry *modifier;             // a compound's first part, when it acts on the head
    const uint8_t *term;               // the lexicon key of the valence's entry (for evidence)
    uint32_t term_length;
    const uint8_t *role_term;          // the lexicon key of the role's entry ("hyvin" vs "hyvä")
    uint32_t role_term_length;
    const uint8_t *modifier_term;
    uint32_t modifier_term_length;
} Item;

enum {
    ITEM_WORDLIKE = 1 << 0,            // counts as a word for VADER's proportions
    ITEM_CLAUSE_END = 1 << 1,          // , ; : . ! ? and the like
    ITEM_SENTENCE_END = 1 << 2,        // . ! ? …
    ITEM_ALLCAPS = 1 << 3,
    ITEM_NEGATED_HEAD = 1 << 4,        // a hyphenated word whose modifier is a negator
    ITEM_CONSOLED = 1 << 5,            // set by the rules: a feeling consoled ("älä pelkää"), a burden lifted ("no need to")
};

struct CSavyKernel_Scratch {
    CSavyKernel_Token *tokens;
    size_t token_capacity, token_count;
    uint64_t *key_hashes;              // per token: hash_key of a word's folded key (0 for others)
    size_t key_hash_capacity;
    uint8_t *keys;
    size_t key_capacity, key_length;
    CSavyICU_Span *spans;
    size_t span_capacity;
    Item *items;
    size_t item_capacity, item_count;
    float *scores;                     // final valence of each item
    size_t score_capacity;
    uint8_t *phrase;                   // phrase key assembly
    size_t phrase_capacity;
    CSavyICU_Context *icu;             // created on first use of the ICU path
    void *stem_handle;                 // this thread's Snowball stemmer, opened on first use
    const Stemmer *stem_owner;
    void *voikko;                      // this thread's Voikko handle, opened on first use
    const CSavyKernel_Morphology *voikko_owner;
    size_t analysed_words;             // words this scratch sent to Voikko (cache misses)
    bool finnish_bases;                // this text is Finnish without Voikko: words take base forms (base_forms_fi.c)
    uint8_t *lemmas;                   // Finnish phrase keys, one per token
    size_t lemma_capacity, lemma_length;
    struct { uint32_t offset, length; } *phrase_keys;  // per token, into `lemmas`
    size_t phrase_key_capacity;
    FinnishWord *words;                // per token, for Finnish texts with Voikko
    size_t word_capacity;
    // Per token: what lookup found, so the tone pass does not look the same word up again.
    struct TokenLookup {
        const Entry *surface;          // the word (or its spoken form's standard) as a term
        const Entry *head;             // the word's phrase key (a Finnish lemma) as a term
        const Entry *base_valence;     // English: the first uninflected form with a valence
        const Entry *base_cue;         // English: the first uninflected form with cues
        const Entry *phrase_base;      // Finnish without Voikko: the base form that phrases are written with (TERM_PHRASE_WORD)
        const uint8_t *key;            // the key looked up (a spoken form's standard form)
        uint32_t key_length;
        uint8_t state;                 // LOOKED_*
        uint64_t phrase_hash;          // hash_key of the token's phrase key
    } *token_lookups;
    size_t token_lookup_capacity;
    uint8_t *token_marks;              // per token, for the tone pass (TOKEN_MARK_*)
    size_t mark_capacity;
    struct CueHit { uint32_t first, count; const CueSet *cues; const uint8_t *term; uint32_t term_length; uint32_t skip; } *cue_hits;
    size_t cue_hit_capacity, cue_hit_count;
    CueMemo *cue_memo;                 // MEMO_SLOTS each, allocated on first use (NULL: none)
    WordMemo *word_memo;
    FinnishMemo *finnish_memo;         // FINNISH_MEMO_SLOTS
    bool consoled;                     // the rules consoled a feeling (ITEM_CONSOLED): reassurance, for the tone pass
    size_t invalid_count;
    size_t first_invalid;
    bool failed;                       // out of memory somewhere in this call
};

struct CSavyKernel_EvidenceBuffer {
    CSavyKernel_Evidence *items;
    size_t count, capacity;
};

// MARK: - Stages

/// Tokenizes into scratch->tokens/keys. `lexicon` may be NULL (no emoticons are matched).
size_t tokenize_text(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *scratch,
                     const uint8_t *text, size_t length, bool force_icu, bool *used_fast);

// Language detection (language.c): the cue sum of the text's words (positive for Finnish);
// the cue of sentiment words only one language's lexicon knows, as much as a function word
// each; and the decision, with its confidence, from a sum.
float language_cue_sum(CSavyKernel_Scratch *scratch, size_t *words);
float language_lexicon_cue(long finnish_known, long english_known);
CSavyKernel_Language decide_language(float sum, size_t words, float *confidence);

/// Matches tokens against the lexicon into scratch->items (with Finnish morphology when given).
void lookup_items(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Morphology *morphology,
                  CSavyKernel_Scratch *scratch, const uint8_t *text);

/// Applies the rules to scratch->items and fills `result` (and `evidence` if not NULL).
void apply_rules(CSavyKernel_Scratch *scratch, const uint8_t *text,
                 CSavyKernel_Result *result, CSavyKernel_EvidenceBuffer *evidence);

enum { LOOKED_SURFACE = 1, LOOKED_PHRASE_HASH = 2, LOOKED_HEAD = 4 };

/// Token i (a word) as a term: its key (a spoken form's standard form) and entry, looked up
/// once per text and kept in scratch->token_lookups for every pass.
struct TokenLookup *look_up_new_word(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *scratch, size_t i);
static inline struct TokenLookup *look_up_word(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, size_t i) {
    struct TokenLookup *cache = &s->token_lookups[i];
    return (cache->state & LOOKED_SURFACE) ? cache : look_up_new_word(lexicon, s, i);
}

/// Token i's phrase key (its Finnish lemma, else its key) as a term: looked up once per
/// text, and not at all when it is the word's own key.
const Entry *look_up_lemma_head(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *scratch, size_t i);
static inline const Entry *look_up_head(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, size_t i) {
    // Without Finnish phrase keys (English) a word's phrase key is the word itself.
    const struct TokenLookup *cache = look_up_word(lexicon, s, i);
    if (!s->lemma_length) return cache->surface;
    return cache->state & LOOKED_HEAD ? cache->head : look_up_lemma_head(lexicon, s, i);
}

/// match_phrase past its pair filter (lookup.c): the caller has seen may_start_phrase.
const Entry *match_phrase_at(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *scratch,
                             size_t i, size_t max_words, size_t *words, bool cues);

/// Finds tone, politeness and empathy cues and fills `result->tone` (after apply_rules).
void apply_tone(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *scratch, bool analysed,
                CSavyKernel_Result *result, CSavyKernel_EvidenceBuffer *evidence);

/// The key a token contributes to a phrase: its Finnish phrase key when it has one
/// ("toiminut" -> "toimia"), else its folded surface.
static inline const uint8_t *phrase_key(const CSavyKernel_Scratch *s, size_t i, size_t *length) {
    if (s->lemma_length && s->phrase_keys[i].length) {
        *length = s->phrase_keys[i].length;
        return s->lemmas + s->phrase_keys[i].offset;
    }
    *length = s->tokens[i].key_length;
    return s->keys + s->tokens[i].key_offset;
}

/// hash_key of token i's phrase key, computed once per text.
static inline uint64_t phrase_hash(CSavyKernel_Scratch *s, size_t i) {
    if (!s->lemma_length) return s->key_hashes[i];  // English: the phrase key is the word's key
    struct TokenLookup *cache = &s->token_lookups[i];
    if (!(cache->state & LOOKED_PHRASE_HASH)) {
        size_t length;
        const uint8_t *key = phrase_key(s, i, &length);
        cache->phrase_hash = key == s->keys + s->tokens[i].key_offset ? s->key_hashes[i] : hash_key(key, length);
        cache->state |= LOOKED_PHRASE_HASH;
    }
    return cache->phrase_hash;
}

/// Can a phrase start at token i? Most words that can start one are not followed by one, and
/// the pair filter says so before match_phrase does any work.
static inline bool may_start_phrase(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, size_t i) {
    return i + 1 < s->token_count && s->tokens[i + 1].kind == CSavyKernel_TokenWord &&
           has_pair(lexicon->phrase_pairs, phrase_hash(s, i), phrase_hash(s, i + 1));
}

/// The longest phrase (of up to `max_words` words) starting at token i whose entry has a
/// valence or role, or with `cues`, has cues; NULL if none. `*words` is its length. The pair
/// filter runs inline, so most words cost no call.
static inline const Entry *match_phrase(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s,
                                        size_t i, size_t max_words, size_t *words, bool cues) {
    if (max_words < 2 || !may_start_phrase(lexicon, s, i)) return NULL;
    return match_phrase_at(lexicon, s, i, max_words, words, cues);
}

/// Finnish without Voikko: candidate base forms of an unknown word, closest first (base_forms_fi.c).
size_t finnish_base_forms(const uint8_t *word, size_t length, uint8_t *out, size_t capacity,
                          uint32_t *lengths, size_t max_candidates);

/// English inflection fallback: writes candidate base forms of an unknown word.
/// Returns how many candidates were written (each NUL-free, stored back to back in `out`).
size_t english_base_forms(const uint8_t *word, size_t length, uint8_t *out, size_t capacity,
                          uint32_t *lengths, size_t max_candidates);

#endif
