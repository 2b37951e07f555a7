// Finnish morphology through Voikko (libvoikko + voikko-fi), loaded at run time with dlopen
// so that Savy builds and runs without it. libvoikko is MPL/LGPL/GPL tri-licensed and
// linked dynamically; no dictionary data is embedded or derived.
//
// A word's analysis is reduced to what lookup and the rules need (FinnishWord) and cached
// for all threads (read-write lock); Voikko handles are not thread-safe, so each scratch
// opens its own.
#include "internal.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

typedef struct VoikkoHandle VoikkoHandle;
typedef struct voikko_mor_analysis voikko_mor_analysis;

struct CSavyKernel_Morphology {
    void *library;
    VoikkoHandle *(*init)(const char **error, const char *language, const char *path);
    void (*terminate)(VoikkoHandle *);
    voikko_mor_analysis **(*analyze)(VoikkoHandle *, const char *word);
    char *(*value)(const voikko_mor_analysis *, const char *key);
    void (*free_value)(char *);
    void (*free_analysis)(voikko_mor_analysis **);
    uint64_t id;                   // unique per morphology created: tags its words in a scratch's memo
    // Shared cache: surface key -> serialised FinnishWord.
    pthread_rwlock_t lock;
    uint32_t *slots;               // record offset + 1
    size_t slot_count, used;
    uint8_t *records;
    size_t record_length, record_capacity;
};

CSavyKernel_Morphology *CSavyKernel_Morphology_create_finnish(char *error, size_t error_capacity) {
    void *library = dlopen("libvoikko.so.1", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(error, error_capacity, "libvoikko.so.1 not found (Debian: apt-get install libvoikko1 voikko-fi)");
        return NULL;
    }
    static _Atomic uint64_t created;
    CSavyKernel_Morphology *m = calloc(1, sizeof *m);
    if (!m) { dlclose(library); return NULL; }
    m->id = atomic_fetch_add(&created, 1) + 1;
    m->library = library;
    *(void **)&m->init = dlsym(library, "voikkoInit");
    *(void **)&m->terminate = dlsym(library, "voikkoTerminate");
    *(void **)&m->analyze = dlsym(library, "voikkoAnalyzeWordCstr");
    *(void **)&m->value = dlsym(library, "voikko_mor_analysis_value_cstr");
    *(void **)&m->free_value = dlsym(library, "voikko_free_mor_analysis_value_cstr");
    *(void **)&m->free_analysis = dlsym(library, "voikko_free_mor_analysis");
    if (!m->init || !m->terminate || !m->analyze || !m->value || !m->free_value || !m->free_analysis) {
        snprintf(error, error_capacity, "libvoikko.so.1 lacks the analysis API");
        dlclose(library);
        free(m);
        return NULL;
    }
    // Open one handle now to learn whether the Finnish dictionary is installed.
    const char *message = NULL;
    VoikkoHandle *probe = m->init(&message, "fi", NULL);
    if (!probe) {
        snprintf(error, error_capacity, "Voikko has no Finnish dictionary (Debian: apt-get install voikko-fi): %s", message ? message : "");
        dlclose(library);
        free(m);
        return NULL;
    }
    m->terminate(probe);
    pthread_rwlock_init(&m->lock, NULL);
    return m;
}

void CSavyKernel_Morphology_destroy(CSavyKernel_Morphology *m) {
    if (!m) return;
    pthread_rwlock_destroy(&m->lock);
    free(m->slots);
    free(m->records);
    dlclose(m->library);
    free(m);
}

void *morphology_open_handle(const CSavyKernel_Morphology *m) {
    const char *message = NULL;
    return m->init(&message, "fi", NULL);
}

void morphology_close_handle(const CSavyKernel_Morphology *m, void *handle) {
    if (handle) m->terminate(handle);
}

// MARK: - Reading Voikko's attributes

static void fold_ascii_latin1(uint8_t *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if ((uint8_t)(s[i] - 'A') < 26) s[i] |= 0x20;
        else if (s[i] == 0xC3 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9E && s[i + 1] != 0x97) s[i + 1] += 0x20;
    }
}

// Returns the candidate's index (a repeat's earlier one), or -1 when there is no room.
static int add_candidate(FinnishWord *w, uint8_t tag, const char *text, size_t length) {
    if (length == 0) return -1;
    for (size_t i = 0, offset = 0; i < w->count; offset += w->lengths[i], i++) {  // no repeats
        if (w->tags[i] == tag && w->lengths[i] == length && memcmp(w->bytes + offset, text, length) == 0) return (int)i;
    }
    if (w->count >= FI_MAX_CANDIDATES || w->used + length > sizeof w->bytes) return -1;
    memcpy(w->bytes + w->used, text, length);
    fold_ascii_latin1(w->bytes + w->used, length);
    w->tags[w->count] = tag;
    w->lengths[w->count] = (uint8_t)length;
    w->used += length;
    return w->count++;
}

// WORDBASES: "+paska(paska)+palvel(palvella)+u(+u)", "+epä+kohtelias(kohtelias)",
// "+raha(raha)+ton(+ton)", "+toimi(toimia)+n+ut(+ut)", "+ahdist(ahdistaa)u(+ua)+n+ut(+ut)".
// A part starts at '+' or straight after a base's ')'.
static void read_wordbases(FinnishWord *w, const char *bases) {
    const char *roots[8];
    size_t root_lengths[8], roots_count = 0;
    bool epa = false, caritive = false, derived = false, participle = false;
    size_t suffixes = 0;
    // The surface read so far, and the stem the first suffix derives: "+ahdist(ahdistaa)u(+ua)"
    // derives "ahdistua", the surface before the suffix and the suffix's base.
    char surface[64], derived_stem[64];
    size_t surface_length = 0, derived_length = 0;
    bool spelled = true;  // the surface so far fits its buffer
    for (const char *p = bases; *p;) {
        if (*p == '+') p++;
        const char *part = p;
        while (*p && *p != '+' && *p != '(') p++;
        size_t part_length = (size_t)(p - part);
        size_t before_part = surface_length;
        if (spelled && surface_length + part_length <= sizeof surface) {
            memcpy(surface + surface_length, part, part_length);
            surface_length += part_length;
        } else {
            spelled = false;  // too long to spell: no derived stem from here on
        }
        if (*p == '(') {
            const char *base = ++p;
            while (*p && *p != ')') p++;
            size_t base_length = (size_t)(p - base);
            if (*p) p++;
            if (base_length && base[0] == '+') {  // a derivational suffix
                if ((base_length == 4 && memcmp(base, "+ton", 4) == 0) || (base_length == 5 && memcmp(base, "+t\xC3\xB6n", 5) == 0))
                    caritive = true;
                else derived = true;
                if (suffixes == 0 && spelled && before_part + base_length - 1 <= sizeof derived_stem) {
                    memcpy(derived_stem, surface, before_part);
                    memcpy(derived_stem + before_part, base + 1, base_length - 1);
                    derived_length = before_part + base_length - 1;
                }
                suffixes++;
                static const char *const participles[] = {"+ut", "+yt", "+nut", "+nyt", "+tu", "+ty", "+ttu", "+tty", "+va", "+v\xC3\xA4"};
                for (size_t k = 0; k < sizeof participles / sizeof *participles; k++) {
                    size_t n = strlen(participles[k]);
                    if (n == base_length && memcmp(base, participles[k], n) == 0) participle = true;
                }
            } else if (roots_count < 8) {
                roots[roots_count] = base;
                root_lengths[roots_count++] = base_length;
            }
        } else if (roots_count == 0 && part_length == 4 && memcmp(part, "ep\xC3\xA4", 4) == 0) {
            epa = true;
        } else if (part_length && roots_count == 0) {
            // A bound prefix Voikko gives no base for: "+huippu+hyvä(hyvä)". After a root, a
            // part without a base is a piece of a suffix: the "n" of "+toimi(toimia)+n+ut(+ut)".
            roots[roots_count] = part;
            root_lengths[roots_count++] = part_length;
        }
    }
    if (roots_count == 0) return;
    if (caritive) { add_candidate(w, FI_NEGATED, roots[roots_count - 1], root_lengths[roots_count - 1]); w->flags |= FI_CARITIVE; }
    if (epa) w->flags |= FI_EPA;  // the negated base is the word without "epä": see analyse()
    if (roots_count >= 2) {
        for (size_t i = 0; i + 1 < roots_count; i++) add_candidate(w, FI_MODIFIER, roots[i], root_lengths[i]);
    } else if (derived && !caritive) {
        // A participle stands for its verb: "+toimi(toimia)+n+ut(+ut)" for "toimia". Made from a
        // derived verb, it stands for that verb, which Voikko does not name but the surface
        // and the suffix's base spell: "+paran(parata)tu(+tua)+n+ut(+ut)" is "parantua"
        // (improve), not "parata" (get well).
        if (participle && suffixes == 2 && derived_length) {
            add_candidate(w, FI_DERIVED, derived_stem, derived_length);
            w->flags |= FI_PARTICIPLE;
        }
        add_candidate(w, FI_DERIVED, roots[0], root_lengths[0]);
        if (participle && suffixes == 1) w->flags |= FI_PARTICIPLE;
    }
}

// The surface of a compound's last part, from STRUCTURE ("=ppppp=pppppppp": '=' starts a part,
// every other character stands for one character of the word).
static size_t head_offset(const char *structure, const uint8_t *word, size_t length) {
    size_t chars_before = 0, counted = 0;
    for (const char *p = structure; *p; p++) {
        if (*p == '=') chars_before = counted;
        else counted++;
    }
    if (chars_before == 0) return 0;
    size_t offset = 0;
    for (size_t c = 0; c < chars_before && offset < length; c++) {
        offset++;
        while (offset < length && (word[offset] & 0xC0) == 0x80) offset++;  // UTF-8 continuation
    }
    return offset < length ? offset : 0;
}

// Person, address and mood for the politeness strategies: teitittely ("voisitteko",
// "teidän", "tilauksenne"), commands ("lähetä") and their softened forms ("lähetäpä",
// "ilmoitathan"). Voikko reads the -pA and -hAn clitics without naming them, so the surface
// tells.
static void read_person(FinnishWord *w, const char *base, const char *mood, const char *person,
                        const char *number, const char *possessive, const uint8_t *word, size_t length) {
    bool second = person && strcmp(person, "2") == 0;
    bool plural = number && strcmp(number, "plural") == 0;
    if (base && (strcmp(base, "te") == 0 || (possessive && strcmp(possessive, "2p") == 0) || (second && plural))) {
        w->flags |= FI_FORMAL | FI_SECOND_PERSON;
    }
    if (base && (strcmp(base, "sin\xC3\xA4") == 0 || (possessive && strcmp(possessive, "2s") == 0) || second)) {
        w->flags |= FI_SECOND_PERSON;
    }
    if (base && (strcmp(base, "min\xC3\xA4") == 0 || (person && strcmp(person, "1") == 0))) w->flags |= FI_FIRST_PERSON;
    // The clitic follows a whole imperative ("katso-pa", "tee-pä"), so a stem of three letters
    // or more is left before it: "tapa" (kill!) and "napa" are no "-pa" forms.
    size_t clitic = ends_with(word, length, "pa") ? 2 : ends_with(word, length, "p\xC3\xA4") ? 3
                  : ends_with(word, length, "pas") ? 3 : ends_with(word, length, "p\xC3\xA4s") ? 4 : 0;
    bool softened = clitic && length >= clitic + 3;
    if (mood && strcmp(mood, "imperative") == 0 && second && !(w->flags & FI_NEGATION_VERB)) {
        w->flags |= FI_COMMAND;
        if (softened) w->flags |= FI_SOFTENED;
    }
    if (mood && strcmp(mood, "indicative") == 0 && second &&
        (ends_with(word, length, "han") || ends_with(word, length, "h\xC3\xA4n"))) w->flags |= FI_SOFTENED;
}

static void analyse(const CSavyKernel_Morphology *m, void *handle, const uint8_t *word, size_t length, FinnishWord *w, int depth);

// Is the word an adjective in some reading?
static bool is_adjective(const CSavyKernel_Morphology *m, void *handle, const uint8_t *word, size_t length) {
    FinnishWord part = {0};
    analyse(m, handle, word, length, &part, 1);
    return part.flags & FI_ADJECTIVE;
}

static void analyse(const CSavyKernel_Morphology *m, void *handle, const uint8_t *word, size_t length, FinnishWord *w, int depth) {
    char buffer[256];
    if (length == 0 || length >= sizeof buffer) return;
    memcpy(buffer, word, length);
    buffer[length] = 0;
    voikko_mor_analysis **analyses = m->analyze(handle, buffer);
    if (!analyses) return;
    if (!analyses[0] && depth == 0) {
        // Unknown to Voikko: a free prefix on a known word ("sikahyvä", "megahyvä")? Take the
        // shortest prefix of at least three letters whose remainder Voikko knows.
        m->free_analysis(analyses);
        for (size_t split = 3; split + 3 <= length; split++) {
            if ((word[split] & 0xC0) == 0x80) continue;
            FinnishWord part = {0};
            analyse(m, handle, word + split, length - split, &part, 1);
            if (!(part.flags & FI_KNOWN)) continue;
            add_candidate(w, FI_MODIFIER, (const char *)word, split);
            if (is_adjective(m, handle, word, split)) w->flags |= FI_ADJECTIVE_MODIFIER;
            for (size_t i = 0, offset = 0; i < part.count; offset += part.lengths[i], i++) {
                if (part.tags[i] == FI_LEMMA) add_candidate(w, FI_HEAD, (const char *)part.bytes + offset, part.lengths[i]);
            }
            w->flags |= part.flags & FI_ADJECTIVE;
            break;
        }
        return;
    }
    size_t head = 0;
    uint8_t imperative = 0, other = 0;  // candidate bits: read as an imperative, read otherwise
    bool infinitive = false, pronoun_elative = false;
    bool simple = false;  // a later reading that is not a compound
    size_t readings = 0, abessive = 0;
    bool adverb = false, verb = false;
    for (size_t i = 0; analyses[i] && i < 4; i++) {
        w->flags |= FI_KNOWN;
        char *base = m->value(analyses[i], "BASEFORM");
        char *cls = m->value(analyses[i], "CLASS");
        char *mood = m->value(analyses[i], "MOOD");
        char *question = m->value(analyses[i], "KYSYMYSLIITE");
        char *focus = m->value(analyses[i], "FOCUS");
        char *bases = m->value(analyses[i], "WORDBASES");
        char *structure = m->value(analyses[i], "STRUCTURE");
        char *person = m->value(analyses[i], "PERSON");
        char *number = m->value(analyses[i], "NUMBER");
        char *possessive = m->value(analyses[i], "POSSESSIVE");
        char *grammatical_case = m->value(analyses[i], "SIJAMUOTO");
        int lemma = base ? add_candidate(w, FI_LEMMA, base, strlen(base)) : -1;
        if (lemma >= 0) {
            if (mood && strcmp(mood, "imperative") == 0) imperative |= (uint8_t)(1u << lemma);
            else other |= (uint8_t)(1u << lemma);
        }
        read_person(w, base, mood, person, number, possessive, word, length);
        if (cls) {
            if (strcmp(cls, "kieltosana") == 0) w->flags |= FI_NEGATION_VERB;
            if (strcmp(cls, "seikkasana") == 0) adverb = true;
            if (strcmp(cls, "teonsana") == 0) verb = true;
            if (strcmp(cls, "laatusana") == 0 || strcmp(cls, "nimisana_laatusana") == 0) w->flags |= FI_ADJECTIVE;
        }
        if (mood && strcmp(mood, "conditional") == 0) w->flags |= FI_CONDITIONAL;
        if (mood && strcmp(mood, "A-infinitive") == 0) infinitive = true;
        readings++;
        if (grammatical_case && strcmp(grammatical_case, "kerrontosti") == 0) adverb = true;  // "ehdottomasti"
        if (grammatical_case && strcmp(grammatical_case, "vajanto") == 0) abessive++;
        if (grammatical_case && strcmp(grammatical_case, "sisaeronto") == 0) {
            w->flags |= FI_ELATIVE;
            if (cls && strcmp(cls, "asemosana") == 0) pronoun_elative = true;
        }
        if (question && strcmp(question, "true") == 0) w->flags |= FI_QUESTION;
        if (focus && (strcmp(focus, "kaan") == 0 || strcmp(focus, "k\xC3\xA4\xC3\xA4n") == 0)) w->flags |= FI_KAAN;
        if (bases && i == 0) read_wordbases(w, bases);
        if (structure && i == 0) head = head_offset(structure, word, length);
        else if (structure && head_offset(structure, word, length) == 0) simple = true;
        m->free_value(base);
        m->free_value(cls);
        m->free_value(mood);
        m->free_value(question);
        m->free_value(focus);
        m->free_value(bases);
        m->free_value(structure);
        m->free_value(grammatical_case);
        m->free_value(person);
        m->free_value(number);
        m->free_value(possessive);
    }
    m->free_analysis(analyses);
    // "siitä" is the pronoun's elative far more often than the rare verb "siitä" (breed):
    // "pidän siitä" is "I like it", not "I must breed".
    if (infinitive && !pronoun_elative) w->flags |= FI_INFINITIVE;
    // Voikko may offer a compound first where a plain word fits: "luukulta" is luu+kulta
    // ("bone gold") before it is luukku ("hatch", ablative). The plain reading is the likely
    // one, so the compound's head is not looked up.
    if (simple) head = 0;
    if (abessive && abessive == readings) w->flags |= FI_ABESSIVE;
    if (adverb && !verb) w->flags |= FI_ADVERB;
    if (imperative && other) w->flags |= FI_NOT_ONLY_IMPERATIVE;
    uint8_t only_imperative = imperative & (uint8_t)~other;
    if (only_imperative && other && depth == 0) w->imperative_reading = (uint8_t)(__builtin_ctz(only_imperative) + 1);
    // "epäystävällinen" negates "ystävällinen": the word without its prefix, analysed.
    if ((w->flags & FI_EPA) && depth == 0 && length > 4) {
        FinnishWord rest = {0};
        analyse(m, handle, word + 4, length - 4, &rest, 1);
        for (size_t i = 0, offset = 0; i < rest.count; offset += rest.lengths[i], i++) {
            if (rest.tags[i] == FI_LEMMA) add_candidate(w, FI_NEGATED, (const char *)rest.bytes + offset, rest.lengths[i]);
        }
    }
    // A compound's first part: an adjective judges the whole ("hyväpalkkainen"), a noun
    // mostly says what it is made of or for ("kultakala"); see finnish_lookup.
    if (depth == 0) {
        for (size_t i = 0, offset = 0; i < w->count; offset += w->lengths[i], i++) {
            if (w->tags[i] != FI_MODIFIER) continue;
            if (is_adjective(m, handle, w->bytes + offset, w->lengths[i])) w->flags |= FI_ADJECTIVE_MODIFIER;
            break;
        }
    }
    // A compound's head: analysed on its own, its lemma is looked up when the whole is not.
    if (head && depth == 0) {
        FinnishWord part = {0};
        analyse(m, handle, word + head, length - head, &part, 1);
        for (size_t i = 0, offset = 0; i < part.count; offset += part.lengths[i], i++) {
            if (part.tags[i] == FI_LEMMA) add_candidate(w, FI_HEAD, (const char *)part.bytes + offset, part.lengths[i]);
        }
    }
}

// MARK: - Cache

static const size_t CACHE_MAX_RECORDS = 1u << 21;  // then words are analysed but not kept

static bool cache_find(CSavyKernel_Morphology *m, const uint8_t *key, size_t length, FinnishWord *out) {
    bool found = false;
    pthread_rwlock_rdlock(&m->lock);
    if (m->slot_count) {
        size_t mask = m->slot_count - 1;
        for (size_t s = (size_t)hash_bytes(0, key, length) & mask; m->slots[s]; s = (s + 1) & mask) {
            const uint8_t *record = m->records + m->slots[s] - 1;
            if (record[0] == length && memcmp(record + 1, key, length) == 0) {
                memcpy(out, record + 1 + length, sizeof *out);
                found = true;
                break;
            }
        }
    }
    pthread_rwlock_unlock(&m->lock);
    return found;
}

static void cache_insert(CSavyKernel_Morphology *m, const uint8_t *key, size_t length, const FinnishWord *w) {
    size_t size = 1 + length + sizeof *w;
    pthread_rwlock_wrlock(&m->lock);
    if (m->used >= CACHE_MAX_RECORDS) goto done;
    if ((m->used + 1) * 2 > m->slot_count) {
        size_t count = m->slot_count ? m->slot_count * 2 : 4096;
        uint32_t *slots = calloc(count, sizeof *slots);
        if (!slots) goto done;
        for (size_t i = 0; i < m->slot_count; i++) {
            if (!m->slots[i]) continue;
            const uint8_t *record = m->records + m->slots[i] - 1;
            size_t s = (size_t)hash_bytes(0, record + 1, record[0]) & (count - 1);
            while (slots[s]) s = (s + 1) & (count - 1);
            slots[s] = m->slots[i];
        }
        free(m->slots);
        m->slots = slots;
        m->slot_count = count;
    }
    if (m->record_length + size >= UINT32_MAX) goto done;
    if (!grow((void **)&m->records, &m->record_capacity, m->record_length + size, 1)) goto done;
    size_t mask = m->slot_count - 1;
    size_t s = (size_t)hash_bytes(0, key, length) & mask;
    for (; m->slots[s]; s = (s + 1) & mask) {
        const uint8_t *record = m->records + m->slots[s] - 1;
        if (record[0] == length && memcmp(record + 1, key, length) == 0) goto done;  // another thread won
    }
    uint8_t *record = m->records + m->record_length;
    record[0] = (uint8_t)length;
    memcpy(record + 1, key, length);
    memcpy(record + 1 + length, w, sizeof *w);
    m->slots[s] = (uint32_t)m->record_length + 1;
    m->record_length += size;
    m->used++;
done:
    pthread_rwlock_unlock(&m->lock);
}

bool finnish_word(CSavyKernel_Morphology *m, CSavyKernel_Scratch *s, const uint8_t *key, size_t length, FinnishWord *out) {
    if (length == 0 || length > 200) {
        memset(out, 0, sizeof *out);
        return false;
    }
    FinnishMemo *memo = NULL;
    uint64_t hash = 0;
    if (length <= MEMO_KEY) {
        if (!s->finnish_memo) s->finnish_memo = calloc(FINNISH_MEMO_SLOTS, sizeof *s->finnish_memo);  // without it, no memo
        if (s->finnish_memo) {
            hash = hash_key(key, length);
            memo = &s->finnish_memo[hash & (FINNISH_MEMO_SLOTS - 1)];
            if (memo_holds(&memo->key, m->id, key, length, hash)) {
                // Only the candidates' bytes in use: most words fill a fifth of the buffer.
                memcpy(out, &memo->word, offsetof(FinnishWord, bytes) + memo->word.used);
                return true;
            }
        }
    }
    memset(out, 0, sizeof *out);
    if (!cache_find(m, key, length, out)) {
        if (!s->voikko || s->voikko_owner != m) {
            if (s->voikko) morphology_close_handle(s->voikko_owner, s->voikko);
            s->voikko = morphology_open_handle(m);
            s->voikko_owner = m;
            if (!s->voikko) return false;
        }
        analyse(m, s->voikko, key, length, out, 0);
        cache_insert(m, key, length, out);
        s->analysed_words++;
    }
    if (memo) {
        memo->word = *out;
        memo_keep(&memo->key, m->id, key, length, hash);
    }
    return true;
}

size_t CSavyKernel_Morphology_cached_words(CSavyKernel_Morphology *m) {
    pthread_rwlock_rdlock(&m->lock);
    size_t n = m->used;
    pthread_rwlock_unlock(&m->lock);
    return n;
}
