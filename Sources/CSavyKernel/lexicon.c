// The lexicon: an open-addressing hash over (term kind, normalised key), built once and
// then read by all threads without locks.
#include "internal.h"

#include <math.h>
#include <stdatomic.h>
#include <stdio.h>

// A term's slot hash: its kind mixed into its term_hash (what table_find_hashed probes).
static uint64_t slot_hash(uint8_t kind, const uint8_t *key, size_t length) {
    return kind_hash(term_hash(key, length), kind);
}

static void table_place(Slot *slots, size_t slot_count, uint64_t h, uint32_t index) {
    size_t s = (size_t)h & (slot_count - 1);
    while (slots[s].index) s = (s + 1) & (slot_count - 1);
    slots[s] = (Slot){.tag = (uint32_t)(h >> 32), .index = index + 1};
}

static bool table_reserve_slots(Table *table, size_t entries_wanted) {
    if (table->slot_count >= entries_wanted * 2 && table->slot_count) return true;
    size_t slot_count = table->slot_count ? table->slot_count : 64;
    while (slot_count < entries_wanted * 2) slot_count *= 2;
    Slot *slots = calloc(slot_count, sizeof *slots);
    if (!slots) return false;
    for (size_t i = 0; i < table->count; i++) {
        const Entry *e = &table->entries[i];
        table_place(slots, slot_count, slot_hash(e->kind, table->keys + e->key_offset, e->key_length), (uint32_t)i);
    }
    free(table->slots);
    table->slots = slots;
    table->slot_count = slot_count;
    return true;
}

static Entry *table_find_or_add(Table *table, uint8_t kind, const uint8_t *key, size_t length) {
    Entry *found = (Entry *)table_find_term(table, kind, key, length);
    if (found) return found;
    if (!table_reserve_slots(table, table->count + 1)) return NULL;
    if (!grow((void **)&table->entries, &table->entry_capacity, table->count + 1, sizeof(Entry))) return NULL;
    if (!grow((void **)&table->keys, &table->key_capacity, table->key_length + length, 1)) return NULL;
    memcpy(table->keys + table->key_length, key, length);
    Entry *e = &table->entries[table->count];
    memset(e, 0, sizeof *e);
    e->key_offset = (uint32_t)table->key_length;
    e->key_length = (uint32_t)length;
    e->kind = kind;
    table->key_length += length;
    table_place(table->slots, table->slot_count, slot_hash(kind, key, length), (uint32_t)table->count);
    table->count++;
    return e;
}

static void table_free(Table *table) {
    free(table->cues);
    free(table->entries);
    free(table->keys);
    free(table->slots);
    memset(table, 0, sizeof *table);
}

// MARK: - Builder

CSavyKernel_Builder *CSavyKernel_Builder_create(CSavyKernel_Language language) {
    CSavyKernel_Builder *builder = calloc(1, sizeof *builder);
    if (!builder) return NULL;
    builder->language = language;
    builder->scratch = CSavyKernel_Scratch_create();
    if (!builder->scratch) {
        free(builder);
        return NULL;
    }
    return builder;
}

void CSavyKernel_Builder_destroy(CSavyKernel_Builder *builder) {
    if (!builder) return;
    table_free(&builder->table);
    CSavyKernel_Scratch_destroy(builder->scratch);
    free(builder);
}

static CSavyKernel_BuildStatus failure(const char *format, const char *detail) {
    CSavyKernel_BuildStatus status = {0};
    snprintf(status.message, sizeof status.message, format, detail);
    return status;
}

static const CSavyKernel_BuildStatus success = {.ok = 1};

// Turns a term into its lookup key, the same way text is tokenized and folded.
// Word terms may be phrases: their words' keys are joined by PHRASE_SEPARATOR.
static CSavyKernel_BuildStatus normalise_term(CSavyKernel_Builder *builder, const uint8_t *term,
    size_t length, CSavyKernel_TermKind kind, const uint8_t **key, size_t *key_length, size_t *words) {
    CSavyKernel_Scratch *scratch = builder->scratch;
    *words = 1;
    if (length == 0) return failure("%s", "empty term");
    if (kind == CSavyKernel_TermEmoticon) {
        if (length > MAX_EMOTICON_BYTES) return failure("%s", "emoticon longer than 16 bytes");
        if (length < 2) return failure("%s", "emoticon shorter than 2 characters");
        for (size_t i = 0; i < length; i++) {
            if (term[i] <= ' ' || term[i] >= 0x80) return failure("%s", "an emoticon is printable ASCII without spaces");
        }
        *key = term;
        *key_length = length;
        return success;
    }
    bool used_fast;
    size_t count = tokenize_text(NULL, scratch, term, length, false, &used_fast);
    if (count == SIZE_MAX) return failure("%s", "out of memory");
    if (scratch->invalid_count) return failure("%s", "invalid UTF-8");
    if (count == 0) return failure("%s", "term has no characters that can be matched");
    if (kind == CSavyKernel_TermEmoji) {
        if (count != 1 || scratch->tokens[0].kind != CSavyKernel_TokenEmoji)
            return failure("%s", "not a single emoji");
        *key = scratch->keys + scratch->tokens[0].key_offset;
        *key_length = scratch->tokens[0].key_length;
        return success;
    }
    if (count > MAX_PHRASE_WORDS) return failure("%s", "phrase longer than 6 words");
    if (count == 1 && scratch->tokens[0].kind == CSavyKernel_TokenNumber)
        return failure("%s", "a number never matches: Savy gives numbers no sentiment");
    if (!grow((void **)&scratch->phrase, &scratch->phrase_capacity, scratch->key_length + count, 1))
        return failure("%s", "out of memory");
    size_t out = 0;
    for (size_t i = 0; i < count; i++) {
        const CSavyKernel_Token *t = &scratch->tokens[i];
        if (t->kind != CSavyKernel_TokenWord && t->kind != CSavyKernel_TokenNumber)
            return failure("%s", "a word term must be letters, digits, apostrophes and hyphens; put symbols in an emoticon lexicon");
        if (i) scratch->phrase[out++] = PHRASE_SEPARATOR;
        memcpy(scratch->phrase + out, scratch->keys + t->key_offset, t->key_length);
        out += t->key_length;
    }
    *key = scratch->phrase;
    *key_length = out;
    *words = count;
    return success;
}

CSavyKernel_BuildStatus CSavyKernel_Builder_set_valence(CSavyKernel_Builder *builder,
    const uint8_t *term, size_t length, CSavyKernel_TermKind kind, float valence, uint32_t source) {
    if (!isfinite(valence)) return failure("%s", "valence is not a finite number");
    const uint8_t *key;
    size_t key_length, words;
    CSavyKernel_BuildStatus status = normalise_term(builder, term, length, kind, &key, &key_length, &words);
    if (!status.ok) return status;
    Entry *e = table_find_or_add(&builder->table, (uint8_t)kind, key, key_length);
    if (!e) return failure("%s", "out of memory");
    if (e->has_valence && e->valence_source == source)
        return failure("%s", "the same entry as an earlier line of this file, once case, normalisation and emoji modifiers are folded");
    // A mask says the phrase carries nothing; a rating from a later file says it does. The later
    // file wins either way ("good grief" is masked built in, and a user may rate it).
    if (e->role == CSavyKernel_RoleMask && e->role_source != source) e->role = CSavyKernel_RoleNone;
    e->has_valence = 1;
    e->valence = valence;
    e->valence_source = source;
    return success;
}

CSavyKernel_BuildStatus CSavyKernel_Builder_set_role(CSavyKernel_Builder *builder,
    const uint8_t *term, size_t length, CSavyKernel_Role role, float value, uint32_t source) {
    if (role <= CSavyKernel_RoleNone || role >= CSavyKernel_RoleCount) return failure("%s", "unknown role");
    if (!isfinite(value)) return failure("%s", "value is not a finite number");
    const uint8_t *key;
    size_t key_length, words;
    CSavyKernel_BuildStatus status = normalise_term(builder, term, length, CSavyKernel_TermWord, &key, &key_length, &words);
    if (!status.ok) return status;
    if (role == CSavyKernel_RoleMask && words < 2) return failure("%s", "a mask is a phrase of two or more words");
    if (role == CSavyKernel_RoleReply && words < 2) return failure("%s", "a reply is a phrase of two or more words");
    Entry *e = table_find_or_add(&builder->table, CSavyKernel_TermWord, key, key_length);
    if (!e) return failure("%s", "out of memory");
    if (e->role && e->role_source == source)
        return failure("%s", "the same entry as an earlier line of this file, once case and normalisation are folded");
    if (role == CSavyKernel_RoleMask && e->has_valence && e->valence_source != source) e->has_valence = 0;
    e->role = (uint8_t)role;
    e->role_value = value;
    e->role_source = source;
    return success;
}

CSavyKernel_BuildStatus CSavyKernel_Builder_set_cue(CSavyKernel_Builder *builder,
    const uint8_t *term, size_t length, CSavyKernel_Cue cue, float weight, uint32_t source) {
    if ((unsigned)cue >= CSavyKernel_CueCount) return failure("%s", "unknown cue");
    if (!isfinite(weight) || weight <= 0.0f) return failure("%s", "a cue's weight must be a positive number");
    bool level = cue == CSavyKernel_CueEmotionalReaction || cue == CSavyKernel_CueInterpretation ||
                 cue == CSavyKernel_CueExploration;
    if (level ? (weight != 1.0f && weight != 2.0f) : weight > 1.0f)
        return failure("%s", level ? "an empathy mechanism's weight is its level, 1 or 2" : "a cue's weight is in (0, 1]");
    const uint8_t *key;
    size_t key_length, words;
    CSavyKernel_BuildStatus status = normalise_term(builder, term, length, CSavyKernel_TermWord, &key, &key_length, &words);
    if (!status.ok) return status;
    Table *table = &builder->table;
    Entry *e = table_find_or_add(table, CSavyKernel_TermWord, key, key_length);
    if (!e) return failure("%s", "out of memory");
    if (!e->cue_index) {
        if (!grow((void **)&table->cues, &table->cue_capacity, table->cue_count + 1, sizeof *table->cues))
            return failure("%s", "out of memory");
        memset(&table->cues[table->cue_count], 0, sizeof *table->cues);
        e->cue_index = (uint32_t)++table->cue_count;
    }
    CueSet *set = &table->cues[e->cue_index - 1];
    for (uint8_t i = 0; i < set->count; i++) {
        if (set->cue[i] != cue) continue;
        if (set->source[i] == source)
            return failure("%s", "the same term and cue as an earlier line of this file, once case and normalisation are folded");
        set->weight[i] = weight;
        set->source[i] = source;
        return success;
    }
    if (set->count == CSavyKernel_MaxCuesPerTerm) return failure("%s", "a term carries at most 4 cues");
    set->cue[set->count] = (uint8_t)cue;
    set->weight[set->count] = weight;
    set->source[set->count] = source;
    set->count++;
    return success;
}

CSavyKernel_BuildStatus CSavyKernel_Builder_remove_cue(CSavyKernel_Builder *builder,
    const uint8_t *term, size_t length, CSavyKernel_Cue cue) {
    const uint8_t *key;
    size_t key_length, words;
    CSavyKernel_BuildStatus status = normalise_term(builder, term, length, CSavyKernel_TermWord, &key, &key_length, &words);
    if (!status.ok) return status;
    const Entry *e = table_find_term(&builder->table, CSavyKernel_TermWord, key, key_length);
    CueSet *set = e && e->cue_index ? &builder->table.cues[e->cue_index - 1] : NULL;
    for (uint8_t i = 0; set && i < set->count; i++) {
        if (set->cue[i] != cue) continue;
        set->count--;
        for (uint8_t k = i; k < set->count; k++) {
            set->cue[k] = set->cue[k + 1];
            set->weight[k] = set->weight[k + 1];
            set->source[k] = set->source[k + 1];
        }
        return success;
    }
    CSavyKernel_BuildStatus missing = failure("%s", "no such cue to remove");
    missing.missing = 1;
    return missing;
}

CSavyKernel_BuildStatus CSavyKernel_Builder_remove(CSavyKernel_Builder *builder,
    const uint8_t *term, size_t length, CSavyKernel_TermKind kind, int remove_role) {
    const uint8_t *key;
    size_t key_length, words;
    CSavyKernel_BuildStatus status = normalise_term(builder, term, length, kind, &key, &key_length, &words);
    if (!status.ok) return status;
    Entry *e = (Entry *)table_find_term(&builder->table, (uint8_t)kind, key, key_length);
    // An entry that only carries cues (or only a role) has no valence to remove, and so on.
    bool present = e && (kind == CSavyKernel_TermNormalisation ? e->standard_length != 0
                         : remove_role ? e->role != CSavyKernel_RoleNone : e->has_valence);
    if (!present) {
        CSavyKernel_BuildStatus missing = failure("%s", "no such entry to remove");
        missing.missing = 1;
        return missing;
    }
    if (kind == CSavyKernel_TermNormalisation) e->standard_length = 0;
    else if (remove_role) e->role = CSavyKernel_RoleNone;
    else e->has_valence = 0;
    return success;
}

CSavyKernel_BuildStatus CSavyKernel_Builder_set_normalisation(CSavyKernel_Builder *builder,
    const uint8_t *form, size_t form_length, const uint8_t *standard, size_t standard_length, uint32_t source) {
    const uint8_t *key;
    size_t key_length, words;
    CSavyKernel_BuildStatus status = normalise_term(builder, standard, standard_length, CSavyKernel_TermWord, &key, &key_length, &words);
    if (!status.ok) return status;
    if (words != 1) return failure("%s", "the standard form must be one word");
    // Keep the standard key while the form is folded into the same scratch.
    uint8_t standard_key[256];
    if (key_length > sizeof standard_key) return failure("%s", "standard form longer than 256 bytes");
    memcpy(standard_key, key, key_length);
    size_t standard_key_length = key_length;
    status = normalise_term(builder, form, form_length, CSavyKernel_TermWord, &key, &key_length, &words);
    if (!status.ok) return status;
    if (words != 1) return failure("%s", "a spoken form must be one word");
    Entry *e = table_find_or_add(&builder->table, TERM_NORMALISATION, key, key_length);
    if (!e) return failure("%s", "out of memory");
    if (e->standard_length && e->standard_source == source)
        return failure("%s", "the same form as an earlier line of this file, once folded");
    // The standard form lives in the key blob too.
    if (!grow((void **)&builder->table.keys, &builder->table.key_capacity, builder->table.key_length + standard_key_length, 1))
        return failure("%s", "out of memory");
    e = (Entry *)table_find_term(&builder->table, TERM_NORMALISATION, key, key_length);
    memcpy(builder->table.keys + builder->table.key_length, standard_key, standard_key_length);
    e->standard_offset = (uint32_t)builder->table.key_length;
    e->standard_length = (uint32_t)standard_key_length;
    e->standard_source = source;
    builder->table.key_length += standard_key_length;
    return success;
}

static size_t phrase_words(const uint8_t *key, size_t length, size_t *head_length) {
    size_t words = 1;
    *head_length = length;
    for (size_t i = 0; i < length; i++) {
        if (key[i] == PHRASE_SEPARATOR) {
            if (words == 1) *head_length = i;
            words++;
        }
    }
    return words;
}

// Indexes each word of phrase entry i as a TERM_PHRASE_WORD. False when out of memory.
static bool add_phrase_words(Table *table, size_t i) {
    uint8_t key[256];  // the key blob may move as words are added: copy the phrase out
    size_t length = table->entries[i].key_length;
    if (length > sizeof key) return true;
    memcpy(key, table->keys + table->entries[i].key_offset, length);
    for (size_t start = 0; start < length;) {
        const uint8_t *after = memchr(key + start, PHRASE_SEPARATOR, length - start);
        size_t end = after ? (size_t)(after - key) : length;
        if (!table_find_or_add(table, TERM_PHRASE_WORD, key + start, end - start)) return false;
        start = end + 1;
    }
    return true;
}

CSavyKernel_Lexicon *CSavyKernel_Builder_finish(const CSavyKernel_Builder *builder) {
    static _Atomic uint64_t built;
    CSavyKernel_Lexicon *lexicon = calloc(1, sizeof *lexicon);
    if (!lexicon) return NULL;
    lexicon->id = atomic_fetch_add(&built, 1) + 1;  // not its address: a freed lexicon's can be reused
    lexicon->language = builder->language;
    Table *table = &lexicon->table;
    const Table *source = &builder->table;
    // Copy live entries; then mark phrase heads so lookup knows when to look further.
    for (size_t i = 0; i < source->count; i++) {
        const Entry *e = &source->entries[i];
        bool cues = e->cue_index && source->cues[e->cue_index - 1].count;
        if (!e->has_valence && e->role == CSavyKernel_RoleNone && !e->standard_length && !cues) continue;
        Entry *copy = table_find_or_add(table, e->kind, source->keys + e->key_offset, e->key_length);
        if (!copy) goto fail;
        uint32_t offset = copy->key_offset, key_length = copy->key_length;
        uint8_t phrase_max = copy->phrase_max, cue_phrase_max = copy->cue_phrase_max;
        *copy = *e;
        copy->key_offset = offset;
        copy->key_length = key_length;
        copy->phrase_max = phrase_max;
        copy->cue_phrase_max = cue_phrase_max;
        copy->cue_index = 0;
        if (cues) {
            if (!grow((void **)&table->cues, &table->cue_capacity, table->cue_count + 1, sizeof *table->cues)) goto fail;
            CueSet *set = &table->cues[table->cue_count];
            *set = source->cues[e->cue_index - 1];
            set->mask = 0;
            for (uint8_t k = 0; k < set->count; k++) set->mask |= 1u << set->cue[k];
            copy->cue_index = (uint32_t)++table->cue_count;
        }
        if (e->standard_length) {
            if (!grow((void **)&table->keys, &table->key_capacity, table->key_length + e->standard_length, 1)) goto fail;
            copy = (Entry *)table_find_term(table, e->kind, source->keys + e->key_offset, e->key_length);
            memcpy(table->keys + table->key_length, source->keys + e->standard_offset, e->standard_length);
            copy->standard_offset = (uint32_t)table->key_length;
            table->key_length += e->standard_length;
        }
        if (e->kind == TERM_NORMALISATION && e->standard_length) lexicon->has_normalisations = true;
        if (e->kind == CSavyKernel_TermEmoticon) {
            lexicon->emoticon_start[source->keys[e->key_offset]] = true;
            if (source->keys[e->key_offset] >= 0x80) lexicon->emoticon_high_start = true;
            if (e->key_length >= 2) {
                size_t pair = (size_t)source->keys[e->key_offset] << 8 | source->keys[e->key_offset + 1];
                lexicon->emoticon_pairs[pair / 64] |= 1ULL << (pair % 64);
            }
            if (e->key_length > lexicon->emoticon_max) lexicon->emoticon_max = e->key_length;
        }
    }
    size_t live = table->count;
    if (lexicon->language == CSavyKernel_LanguageFinnish && (lexicon->stemmer = stemmer_load())) {
        // Index the stems of single-word lemmas with a valence, for texts read without Voikko.
        void *handle = stemmer_open(lexicon->stemmer);
        for (size_t i = 0; handle && i < live; i++) {
            const Entry *e = &table->entries[i];
            if (e->kind != CSavyKernel_TermWord || !e->has_valence || e->valence == 0.0f) continue;
            uint8_t key[256];
            if (e->key_length > sizeof key || memchr(table->keys + e->key_offset, PHRASE_SEPARATOR, e->key_length)) continue;
            memcpy(key, table->keys + e->key_offset, e->key_length);
            const uint8_t *stem;
            size_t stem_length = stemmer_stem(lexicon->stemmer, handle, key, e->key_length, &stem);
            if (stem_length < MIN_STEM) continue;
            // A frequentative verb stems to its noun ("lupailla", "aikailla" to "lupa", "aika"):
            // its stem would read the noun's every form as the verb.
            if (ends_with(key, e->key_length, "illa") || ends_with(key, e->key_length, "ill\xC3\xA4")) continue;
            float valence = e->valence;
            Entry *s_entry = table_find_or_add(table, TERM_STEM, stem, stem_length);
            if (!s_entry) { stemmer_close(lexicon->stemmer, handle); goto fail; }
            if (!s_entry->has_valence) {
                s_entry->has_valence = 1;
                s_entry->stem_target = (uint32_t)i + 1;
                s_entry->valence = valence;
            } else if ((s_entry->valence > 0) != (valence > 0)) {
                s_entry->stem_target = 0;  // lemmas of both signs share it
            }
        }
        stemmer_close(lexicon->stemmer, handle);
        live = table->count;
    }
    for (size_t i = 0; i < live; i++) {
        if (table->entries[i].kind != CSavyKernel_TermWord) continue;
        size_t head_length;
        size_t words = phrase_words(table->keys + table->entries[i].key_offset, table->entries[i].key_length, &head_length);
        if (words < 2) continue;
        bool scored = table->entries[i].has_valence || table->entries[i].role;
        bool cued = table->entries[i].cue_index != 0;
        // The key blob may move when a head is added: copy the head out first.
        uint8_t head[256];
        if (head_length > sizeof head) continue;
        memcpy(head, table->keys + table->entries[i].key_offset, head_length);
        Entry *h = table_find_or_add(table, CSavyKernel_TermWord, head, head_length);
        if (!h) goto fail;
        if (scored && words > h->phrase_max) h->phrase_max = (uint8_t)words;
        if (cued && words > h->cue_phrase_max) h->cue_phrase_max = (uint8_t)words;
        if (scored && words == 2 && ends_with(table->keys + table->entries[i].key_offset, table->entries[i].key_length, GOVERNED_SLOT)) {
            h->governs = 1;
        }
        if (lexicon->language == CSavyKernel_LanguageFinnish && !add_phrase_words(table, i)) goto fail;
        // Each pair of neighbouring words: the first into the start filter, the rest into the inner one.
        const uint8_t *key = table->keys + table->entries[i].key_offset, *end = key + table->entries[i].key_length;
        uint64_t previous = hash_key(head, head_length);
        for (const uint8_t *word = key + head_length + 1; word < end;) {
            const uint8_t *after = memchr(word, PHRASE_SEPARATOR, (size_t)(end - word));
            size_t length = (size_t)((after ? after : end) - word);
            uint64_t hash = hash_key(word, length);
            add_pair(word == key + head_length + 1 ? lexicon->phrase_pairs : lexicon->phrase_inner_pairs, previous, hash);
            previous = hash;
            word += length + 1;
        }
    }
    return lexicon;
fail:
    CSavyKernel_Lexicon_destroy(lexicon);
    return NULL;
}

void CSavyKernel_Lexicon_destroy(CSavyKernel_Lexicon *lexicon) {
    if (!lexicon) return;
    stemmer_unload(lexicon->stemmer);
    table_free(&lexicon->table);
    free(lexicon);
}

CSavyKernel_Language CSavyKernel_Lexicon_language(const CSavyKernel_Lexicon *lexicon) { return lexicon->language; }

size_t CSavyKernel_Lexicon_count(const CSavyKernel_Lexicon *lexicon) {
    size_t count = 0;
    for (size_t i = 0; i < lexicon->table.count; i++) {
        const Entry *e = &lexicon->table.entries[i];
        if (e->kind != TERM_STEM && (e->has_valence || e->role != CSavyKernel_RoleNone)) count++;
    }
    return count;
}
