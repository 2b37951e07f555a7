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

static bool push_item(CSavyKernel_Scratch *s, Item item) {
    if (!grow((void **)&s->items, &s->item_capacity, s->item_count + 1, sizeof *s->items)) {
        s->failed = true;
        return false;
    }
    s->items[s->item_count++] = item;
    return true;
}

static void take_entry(Item *item, const Entry *e, uint8_t evidence_kind) {
    item->entry = e;
    if (e->has_valence) {
        item->valence = e->valence;
        item->source = e->valence_source;
        item->evidence_kind = evidence_kind;
    }
    item->role = e->role;
    item->role_value = e->role_value;
    item->role_source = e->role_source;
}

// The longest phrase that starts at token i, or NULL.
static const Entry *match_phrase(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s,
                                 size_t i, size_t max_words, size_t *words) {
    size_t available = 1;
    while (available < max_words && i + available < s->token_count &&
           s->tokens[i + available].kind == CSavyKernel_TokenWord) available++;
    for (size_t n = available; n >= 2; n--) {
        size_t length = n - 1;
        for (size_t k = 0; k < n; k++) length += s->tokens[i + k].key_length;
        if (!grow((void **)&s->phrase, &s->phrase_capacity, length, 1)) { s->failed = true; return NULL; }
        size_t out = 0;
        for (size_t k = 0; k < n; k++) {
            const CSavyKernel_Token *t = &s->tokens[i + k];
            if (k) s->phrase[out++] = PHRASE_SEPARATOR;
            memcpy(s->phrase + out, s->keys + t->key_offset, t->key_length);
            out += t->key_length;
        }
        const Entry *e = table_find(&lexicon->table, CSavyKernel_TermWord, s->phrase, out);
        if (e && (e->has_valence || e->role)) { *words = n; return e; }
    }
    return NULL;
}

// A word the lexicon lacks: a hyphenated word by its last part ("super-friendly"), an
// inflected one by its base form ("hates" -> "hate").
static void fallback_lookup(const CSavyKernel_Lexicon *lexicon, const CSavyKernel_Token *t,
                            const uint8_t *key, size_t key_length, Item *item) {
    if (t->flags & CSavyKernel_TokenHyphenated) {
        size_t dash = key_length, dashes = 0;
        for (size_t i = 0; i < key_length; i++) dashes += key[i] == '-';
        while (dash > 0 && key[dash - 1] != '-') dash--;
        // Only two-part compounds have a head: "super-friendly" does, "tax-the-rich" does not.
        if (dash == 0 || dash == key_length || dashes != 1) return;
        const Entry *head = table_find(&lexicon->table, CSavyKernel_TermWord, key + dash, key_length - dash);
        if (head && head->has_valence) {
            item->valence = head->valence;
            item->source = head->valence_source;
            item->evidence_kind = CSavyKernel_EvidenceHyphenHead;
            item->entry = head;
            // "non-toxic", "ei-toivottu": a negator as the modifier negates the head.
            const Entry *modifier = table_find(&lexicon->table, CSavyKernel_TermWord, key, dash - 1);
            if (modifier && modifier->role == CSavyKernel_RoleNegator) {
                item->flags |= ITEM_NEGATED_HEAD;
                item->role_value = modifier->role_value;
            }
        }
        return;
    }
    if (lexicon->language != CSavyKernel_LanguageEnglish || key_length < 4 || key_length > 48) return;
    uint8_t forms[256];
    uint32_t lengths[6];
    size_t count = english_base_forms(key, key_length, forms, sizeof forms, lengths, 6);
    for (size_t k = 0, offset = 0; k < count; offset += lengths[k], k++) {
        const Entry *e = table_find(&lexicon->table, CSavyKernel_TermWord, forms + offset, lengths[k]);
        if (e && e->has_valence) {
            item->valence = e->valence;
            item->source = e->valence_source;
            item->evidence_kind = CSavyKernel_EvidenceInflection;
            item->entry = e;
            return;
        }
    }
}

void lookup_items(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, const uint8_t *text) {
    (void)text;
    s->item_count = 0;
    for (size_t i = 0; i < s->token_count && !s->failed;) {
        const CSavyKernel_Token *t = &s->tokens[i];
        const uint8_t *key = s->keys + t->key_offset;
        Item item = {.first = (uint32_t)i, .count = 1, .source = UINT32_MAX, .role_source = UINT32_MAX};
        if (t->flags & CSavyKernel_TokenAllCaps) item.flags |= ITEM_ALLCAPS;
        switch (t->kind) {
            case CSavyKernel_TokenWord: {
                item.flags |= ITEM_WORDLIKE;
                size_t key_length = t->key_length;
                // A spoken form is looked up as its standard form ("mä" -> "minä").
                const Entry *spoken = table_find(&lexicon->table, TERM_NORMALISATION, key, key_length);
                if (spoken) {
                    key = lexicon->table.keys + spoken->standard_offset;
                    key_length = spoken->standard_length;
                }
                const Entry *e = table_find(&lexicon->table, CSavyKernel_TermWord, key, key_length);
                if (e && e->phrase_max >= 2) {
                    size_t words;
                    const Entry *phrase = match_phrase(lexicon, s, i, e->phrase_max, &words);
                    if (phrase) {
                        item.count = (uint32_t)words;
                        take_entry(&item, phrase, CSavyKernel_EvidencePhrase);
                        for (size_t k = 1; k < words; k++) {
                            if (!(s->tokens[i + k].flags & CSavyKernel_TokenAllCaps)) item.flags &= (uint8_t)~ITEM_ALLCAPS;
                        }
                        break;
                    }
                }
                if (e && (e->has_valence || e->role)) take_entry(&item, e, CSavyKernel_EvidenceLexicon);
                else fallback_lookup(lexicon, t, key, key_length, &item);
                break;
            }
            case CSavyKernel_TokenEmoticon: {
                item.flags = ITEM_WORDLIKE;  // no caps emphasis for ":D"
                const Entry *e = table_find(&lexicon->table, CSavyKernel_TermEmoticon, key, t->key_length);
                if (e) take_entry(&item, e, CSavyKernel_EvidenceEmoticon);
                break;
            }
            case CSavyKernel_TokenEmoji: {
                item.flags = ITEM_WORDLIKE;
                const Entry *e = table_find(&lexicon->table, CSavyKernel_TermEmoji, key, t->key_length);
                if (!e) {  // a ZWJ sequence falls back to its first emoji
                    size_t consumed;
                    int invalid;
                    CSavyICU_decode_utf8(key, t->key_length, &consumed, &invalid);
                    if (consumed < t->key_length) e = table_find(&lexicon->table, CSavyKernel_TermEmoji, key, consumed);
                }
                if (e) take_entry(&item, e, CSavyKernel_EvidenceEmoji);
                break;
            }
            case CSavyKernel_TokenPunct: {
                bool sentence_end;
                if (is_clause_end(key, t->key_length, &sentence_end)) {
                    item.flags |= ITEM_CLAUSE_END;
                    if (sentence_end) item.flags |= ITEM_SENTENCE_END;
                }
                break;
            }
            default:  // numbers, URLs, addresses and mentions carry no sentiment
                item.flags |= ITEM_WORDLIKE;
                break;
        }
        push_item(s, item);
        i += item.count;
    }
}
