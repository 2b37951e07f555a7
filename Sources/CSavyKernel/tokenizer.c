// Tokenizer: UTF-8 bytes -> tokens with byte ranges and folded keys.
//
// Both paths share the outer scan (whitespace, URLs, e-mail, @mentions, emoticons, hyphen
// joins); they differ only in how a run of non-space text is split into words:
// - the ICU path uses ICU's UAX #29 word break and NFKC_Casefold (the reference);
// - the fast path handles texts of ASCII, Latin-1 letters (U+00C0-U+00FF but × and ÷)
//   and U+2019, with a table-driven scanner proven equal to ICU on such text by the
//   differential tests (Tests/CSavyKernelTests).
#include "internal.h"

// MARK: - Byte classes

static inline bool is_ascii_alpha(uint8_t c) { return (uint8_t)((c | 0x20) - 'a') < 26; }
static inline bool is_ascii_digit(uint8_t c) { return (uint8_t)(c - '0') < 10; }
static inline bool is_ascii_alnum(uint8_t c) { return is_ascii_alpha(c) || is_ascii_digit(c); }

// What the outer scan needs to know of a byte, from one table lookup (ASCII letters and
// digits need no flag: a chunk of only those is the plain case).
enum {
    BYTE_SPACE = 1,   // separates chunks
    BYTE_HIGH = 2,    // part of a non-ASCII character
    BYTE_OTHER = 4,   // ASCII punctuation and symbols: where emoticons and joins happen
    BYTE_AT = 8,      // '@': a mention or an e-mail address
};
static const uint8_t byte_flags[256] = {
    [0] = BYTE_SPACE, ['\t'] = BYTE_SPACE, ['\n'] = BYTE_SPACE, ['\v'] = BYTE_SPACE, ['\f'] = BYTE_SPACE,
    ['\r'] = BYTE_SPACE, [' '] = BYTE_SPACE,
    [1 ... 8] = BYTE_OTHER, [14 ... 31] = BYTE_OTHER, ['!' ... '/'] = BYTE_OTHER, [':' ... '?'] = BYTE_OTHER,
    ['@'] = BYTE_OTHER | BYTE_AT, ['[' ... '`'] = BYTE_OTHER, ['{' ... 127] = BYTE_OTHER,
    [128 ... 255] = BYTE_HIGH,
};

// Is `text` entirely in the fast path's alphabet?
static bool fast_path_covers(const uint8_t *text, size_t length) {
    for (size_t i = 0; i < length;) {
        uint64_t eight;  // ASCII runs eight bytes at a time
        if (i + 8 <= length && (memcpy(&eight, text + i, 8), (eight & 0x8080808080808080ULL) == 0)) { i += 8; continue; }
        uint8_t c = text[i];
        if (c < 0x80) { i++; continue; }
        if (c == 0xC3 && i + 1 < length && text[i + 1] >= 0x80 && text[i + 1] <= 0xBF &&
            text[i + 1] != 0x97 && text[i + 1] != 0xB7) { i += 2; continue; }
        if (c == 0xE2 && i + 2 < length && text[i + 1] == 0x80 && text[i + 2] == 0x99) { i += 3; continue; }
        return false;
    }
    return true;
}

// MARK: - Emitting tokens

static bool push_token(CSavyKernel_Scratch *s, uint32_t start, uint32_t end, uint8_t kind, uint8_t flags,
                       size_t key_offset, size_t key_length) {
    if (!grow((void **)&s->tokens, &s->token_capacity, s->token_count + 1, sizeof *s->tokens)) {
        s->failed = true;
        return false;
    }
    s->tokens[s->token_count++] = (CSavyKernel_Token){
        .start = start, .end = end, .kind = kind, .flags = flags,
        .key_offset = (uint32_t)key_offset, .key_length = (uint32_t)key_length};
    return true;
}

static bool reserve_keys(CSavyKernel_Scratch *s, size_t more) {
    if (grow((void **)&s->keys, &s->key_capacity, s->key_length + more, 1)) return true;
    s->failed = true;
    return false;
}

// A token whose key is its bytes as they stand (punctuation, emoticons, URLs).
static void push_literal(CSavyKernel_Scratch *s, const uint8_t *text, size_t start, size_t end, uint8_t kind) {
    if (!reserve_keys(s, end - start)) return;
    size_t offset = s->key_length;
    if (end - start == 1) s->keys[offset] = text[start];  // most are one byte: no call to memcpy
    else memcpy(s->keys + offset, text + start, end - start);
    s->key_length += end - start;
    push_token(s, (uint32_t)start, (uint32_t)end, kind, 0, offset, end - start);
}

// Joins word - word (no spaces) into one hyphenated token, so that "ei-toivottu" reads
// as one word and its parts trigger no rule. Keys are contiguous, so "a" "-" "b" is "a-b".
static void join_hyphen(CSavyKernel_Scratch *s) {
    size_t n = s->token_count;
    // Most words follow no '-' at all: that test first.
    if (n < 3 || s->tokens[n - 2].end != s->tokens[n - 1].start || s->tokens[n - 2].key_length != 1) return;
    CSavyKernel_Token *a = &s->tokens[n - 3], *dash = &s->tokens[n - 2], *b = &s->tokens[n - 1];
    bool wordish_a = a->kind == CSavyKernel_TokenWord || a->kind == CSavyKernel_TokenNumber;
    bool wordish_b = b->kind == CSavyKernel_TokenWord || b->kind == CSavyKernel_TokenNumber;
    if (!wordish_a || !wordish_b || dash->kind != CSavyKernel_TokenPunct) return;
    if (dash->key_length != 1 || s->keys[dash->key_offset] != '-') return;
    if (a->end != dash->start || dash->end != b->start) return;
    if (a->key_offset + a->key_length != dash->key_offset || dash->key_offset + 1 != b->key_offset) return;
    bool caps = (a->flags & CSavyKernel_TokenAllCaps) && (b->flags & CSavyKernel_TokenAllCaps);
    a->end = b->end;
    a->key_length += 1 + b->key_length;
    a->kind = (a->kind == CSavyKernel_TokenWord || b->kind == CSavyKernel_TokenWord) ? CSavyKernel_TokenWord : CSavyKernel_TokenNumber;
    a->flags = (uint8_t)(((a->flags | b->flags) & CSavyKernel_TokenHasLower) | CSavyKernel_TokenHyphenated |
                         (caps ? CSavyKernel_TokenAllCaps : 0));
    s->token_count -= 2;
}

// "&gt;" "&amp;" ...: HTML entities in scraped text are one punctuation token, so "gt" and
// "amp" never reach the lexicon. Called, like join_hyphen, after each token.
static void join_entity(CSavyKernel_Scratch *s) {
    size_t n = s->token_count;
    if (n < 3) return;
    CSavyKernel_Token *amp = &s->tokens[n - 3], *name = &s->tokens[n - 2], *semi = &s->tokens[n - 1];
    if (semi->kind != CSavyKernel_TokenPunct || semi->key_length != 1 || s->keys[semi->key_offset] != ';') return;
    if (amp->kind != CSavyKernel_TokenPunct || amp->key_length != 1 || s->keys[amp->key_offset] != '&') return;
    if (name->kind != CSavyKernel_TokenWord || amp->end != name->start || name->end != semi->start) return;
    static const char *names[] = {"gt", "lt", "amp", "quot", "apos", "nbsp"};
    const uint8_t *key = s->keys + name->key_offset;
    bool known = false;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (strlen(names[i]) == name->key_length && memcmp(names[i], key, name->key_length) == 0) known = true;
    }
    if (!known || amp->key_offset + 1 != name->key_offset || name->key_offset + name->key_length != semi->key_offset) return;
    amp->end = semi->end;
    amp->key_length += name->key_length + 1;
    amp->flags = 0;
    s->token_count -= 2;
}

// After each token: only a word or number can end a hyphen join, only ';' an entity.
static inline __attribute__((always_inline)) void join_tokens(CSavyKernel_Scratch *s) {
    const CSavyKernel_Token *last = &s->tokens[s->token_count - 1];
    if (last->kind != CSavyKernel_TokenPunct) join_hyphen(s);
    else if (last->key_length == 1 && s->keys[last->key_offset] == ';') join_entity(s);
}

// MARK: - Fast path

enum { FAST_OTHER, FAST_LETTER, FAST_DIGIT, FAST_EXTEND_NUM_LET, FAST_MID_NUM_LET, FAST_SINGLE_QUOTE, FAST_MID_NUM };

// UAX #29 word-break classes of ASCII (FAST_OTHER = 0 for the rest).
static const uint8_t fast_ascii_class[128] = {
    ['a' ... 'z'] = FAST_LETTER, ['A' ... 'Z'] = FAST_LETTER,
    ['@'] = FAST_LETTER,  // ICU's word rules count '@' as ALetter
    ['0' ... '9'] = FAST_DIGIT, ['_'] = FAST_EXTEND_NUM_LET, ['.'] = FAST_MID_NUM_LET,
    ['\''] = FAST_SINGLE_QUOTE, [','] = FAST_MID_NUM, [';'] = FAST_MID_NUM,
};

// Class and width of the character at text[i] (the text is known to be in the fast alphabet).
static inline int fast_class(const uint8_t *text, size_t i, size_t *width) {
    uint8_t c = text[i];
    *width = 1;
    if (c < 0x80) return fast_ascii_class[c];
    if (c == 0xC3) { *width = 2; return FAST_LETTER; }
    *width = 3;  // U+2019
    return FAST_MID_NUM_LET;
}

static inline bool joins_word(int c) { return c == FAST_LETTER || c == FAST_DIGIT || c == FAST_EXTEND_NUM_LET; }

// Folds the character at text[i] into *out (lower case; ß -> ss; U+2019 -> ') and counts its
// case; returns its width. The text is known to be in the fast alphabet.
static inline size_t fast_fold_char(const uint8_t *text, size_t i, uint8_t **out, size_t *upper, size_t *lower,
                                    size_t *digits) {
    uint8_t c = text[i];
    uint8_t *o = *out;
    size_t width = 1;
    if (c < 0x80) {
        if ((uint8_t)(c - 'A') < 26) { *o++ = c | 0x20; ++*upper; }
        else { *o++ = c; if ((uint8_t)(c - 'a') < 26) ++*lower; else if (is_ascii_digit(c)) ++*digits; }
    } else if (c == 0xC3) {
        uint8_t d = text[i + 1];
        if (d <= 0x9E) { *o++ = 0xC3; *o++ = d + 0x20; ++*upper; }
        else if (d == 0x9F) { *o++ = 's'; *o++ = 's'; ++*lower; }
        else { *o++ = 0xC3; *o++ = d; ++*lower; }
        width = 2;
    } else {
        *o++ = '\'';
        width = 3;
    }
    *out = o;
    return width;
}

// Ends the word or number text[start, end) whose folded key was written from `key_offset` up
// to `out`, with its case counts; a run of neither letters nor digits ("_") is punctuation.
static inline void push_folded(CSavyKernel_Scratch *s, size_t start, size_t end, size_t key_offset, const uint8_t *out,
                               size_t upper, size_t lower, bool digits) {
    s->key_length = (size_t)(out - s->keys);
    uint8_t flags = 0;
    if (upper >= 2 && lower == 0) flags |= CSavyKernel_TokenAllCaps;
    if (lower) flags |= CSavyKernel_TokenHasLower;
    uint8_t kind = upper + lower ? CSavyKernel_TokenWord : digits ? CSavyKernel_TokenNumber : CSavyKernel_TokenPunct;
    s->tokens[s->token_count++] = (CSavyKernel_Token){
        .start = (uint32_t)start, .end = (uint32_t)end, .kind = kind, .flags = flags,
        .key_offset = (uint32_t)key_offset, .key_length = (uint32_t)(s->key_length - key_offset)};
    join_tokens(s);
}

// Splits a run of the fast alphabet into words and punctuation, folding each word's key in
// the same pass that finds its end.
static void fast_run(CSavyKernel_Scratch *s, const uint8_t *text, size_t start, size_t end) {
    // Room for the whole run up front: at most a token per byte, and keys at most twice the
    // bytes (ß -> ss).
    if (!grow((void **)&s->tokens, &s->token_capacity, s->token_count + (end - start), sizeof *s->tokens) ||
        !reserve_keys(s, 2 * (end - start))) {
        s->failed = true;
        return;
    }
    for (size_t i = start; i < end;) {
        size_t width;
        int c = fast_class(text, i, &width);
        size_t key_offset = s->key_length;
        uint8_t *out = s->keys + key_offset;
        if (!joins_word(c)) {
            for (size_t k = 0; k < width; k++) out[k] = text[i + k];
            s->key_length += width;
            s->tokens[s->token_count++] = (CSavyKernel_Token){
                .start = (uint32_t)i, .end = (uint32_t)(i + width), .kind = CSavyKernel_TokenPunct,
                .key_offset = (uint32_t)key_offset, .key_length = (uint32_t)width};
            join_tokens(s);
            i += width;
            continue;
        }
        size_t upper = 0, lower = 0, digits = 0;
        size_t j = i + fast_fold_char(text, i, &out, &upper, &lower, &digits);
        int last = c;
        while (j < end) {
            size_t w1;
            int d = fast_class(text, j, &w1);
            if (joins_word(d)) { j += fast_fold_char(text, j, &out, &upper, &lower, &digits); last = d; continue; }
            if (j + w1 >= end) break;
            size_t w2;
            int after = fast_class(text, j + w1, &w2);
            // UAX #29 WB6/7: letter (MidNumLet | Single_Quote) letter; WB11/12: digit (MidNum |
            // MidNumLet | Single_Quote) digit.
            bool letters = (d == FAST_MID_NUM_LET || d == FAST_SINGLE_QUOTE) && last == FAST_LETTER && after == FAST_LETTER;
            bool numbers = (d == FAST_MID_NUM || d == FAST_MID_NUM_LET || d == FAST_SINGLE_QUOTE) && last == FAST_DIGIT && after == FAST_DIGIT;
            if (!letters && !numbers) break;
            j += fast_fold_char(text, j, &out, &upper, &lower, &digits);
            j += fast_fold_char(text, j, &out, &upper, &lower, &digits);
            last = after;
        }
        push_folded(s, i, j, key_offset, out, upper, lower, digits > 0);
        i = j;
    }
}

// MARK: - ICU path

// Appends the key of an emoji: its code points without skin tones and variation selectors,
// so that "❤️" and "❤", "👍🏽" and "👍" meet.
static void emoji_key(CSavyKernel_Scratch *s, const uint8_t *text, size_t start, size_t end) {
    if (!reserve_keys(s, end - start)) return;
    for (size_t i = start; i < end;) {
        size_t consumed;
        int invalid;
        uint32_t cp = CSavyICU_decode_utf8(text + i, end - i, &consumed, &invalid);
        if (!(CSavyICU_properties(cp) & CSavyICU_EMOJI_MODIFIER)) {
            memcpy(s->keys + s->key_length, text + i, consumed);
            s->key_length += consumed;
        }
        i += consumed;
    }
}

static void icu_run(CSavyKernel_Scratch *s, const uint8_t *text, size_t start, size_t end) {
    if (!s->icu && !(s->icu = CSavyICU_Context_create())) { s->failed = true; return; }
    if (!grow((void **)&s->spans, &s->span_capacity, end - start, sizeof *s->spans)) { s->failed = true; return; }
    size_t invalid_before = s->invalid_count;
    size_t count = CSavyICU_segment_words(s->icu, text + start, end - start, s->spans, &s->invalid_count);
    if (count == SIZE_MAX) { s->failed = true; return; }
    if (s->invalid_count > invalid_before && s->first_invalid == SIZE_MAX) {
        for (size_t i = start; i < end;) {
            size_t consumed;
            int invalid;
            CSavyICU_decode_utf8(text + i, end - i, &consumed, &invalid);
            if (invalid) { s->first_invalid = i; break; }
            i += consumed;
        }
    }
    for (size_t k = 0; k < count && !s->failed; k++) {
        size_t a = start + s->spans[k].start, b = start + s->spans[k].end;
        size_t letters = 0, digits = 0, upper = 0, lower = 0, spaces = 0, chars = 0;
        uint32_t first_properties = 0;
        for (size_t i = a; i < b;) {
            size_t consumed;
            int invalid;
            uint32_t cp = CSavyICU_decode_utf8(text + i, b - i, &consumed, &invalid);
            uint32_t p = CSavyICU_properties(cp);
            if (i == a) first_properties = p;
            if (p & CSavyICU_ALPHABETIC) letters++;
            if (p & CSavyICU_DIGIT) digits++;
            if (p & CSavyICU_UPPERCASE) upper++;
            if (p & CSavyICU_LOWERCASE) lower++;
            if (p & CSavyICU_WHITESPACE) spaces++;
            chars++;
            i += consumed;
        }
        if (spaces == chars) continue;
        if (letters || digits) {
            if (!reserve_keys(s, 8 * (b - a) + 16)) return;
            size_t key_offset = s->key_length;
            size_t folded = CSavyICU_fold_key(s->icu, text + a, b - a, s->keys + key_offset, s->key_capacity - key_offset);
            if (folded == SIZE_MAX) { s->failed = true; return; }
            if (folded > s->key_capacity - key_offset) {
                if (!reserve_keys(s, folded)) return;
                folded = CSavyICU_fold_key(s->icu, text + a, b - a, s->keys + key_offset, s->key_capacity - key_offset);
            }
            s->key_length += folded;
            uint8_t flags = 0;
            if (upper >= 2 && lower == 0) flags |= CSavyKernel_TokenAllCaps;
            if (lower) flags |= CSavyKernel_TokenHasLower;
            push_token(s, (uint32_t)a, (uint32_t)b, letters ? CSavyKernel_TokenWord : CSavyKernel_TokenNumber,
                       flags, key_offset, folded);
        } else if (first_properties & CSavyICU_PICTOGRAPHIC) {
            size_t key_offset = s->key_length;
            emoji_key(s, text, a, b);
            push_token(s, (uint32_t)a, (uint32_t)b, CSavyKernel_TokenEmoji, 0, key_offset, s->key_length - key_offset);
        } else {
            push_literal(s, text, a, b, CSavyKernel_TokenPunct);
        }
        join_tokens(s);
    }
}

// MARK: - Specials: URLs, e-mail, @mentions

static bool starts_with_ci(const uint8_t *text, size_t length, const char *prefix) {
    size_t n = strlen(prefix);
    if (length < n) return false;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = text[i];
        if ((uint8_t)(c - 'A') < 26) c |= 0x20;
        if (c != (uint8_t)prefix[i]) return false;
    }
    return true;
}

// Trailing punctuation is not part of a URL or address: "see https://x.fi/a." ends at "a".
static size_t trim_trailing(const uint8_t *text, size_t start, size_t end) {
    while (end > start) {
        uint8_t c = text[end - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
            c == ']' || c == '}' || c == '"' || c == '\'' || c == '>') end--;
        else break;
    }
    return end;
}

static inline bool is_address_char(uint8_t c) {
    return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

// Recognises a URL, an e-mail address or an @mention at text[start, end). Returns its end
// (0 when none) and its kind. `has_at`: the chunk holds an '@' (no address or mention without).
static size_t match_special(const uint8_t *text, size_t start, size_t end, bool has_at, uint8_t *kind) {
    const uint8_t *p = text + start;
    size_t n = end - start;
    if (starts_with_ci(p, n, "http://") || starts_with_ci(p, n, "https://") || starts_with_ci(p, n, "www.")) {
        size_t stop = trim_trailing(text, start, end);
        if (stop > start + 4) { *kind = CSavyKernel_TokenURL; return stop; }
    }
    if (!has_at) return 0;
    if (p[0] == '@') {
        size_t i = start + 1;
        while (i < end && (is_ascii_alnum(text[i]) || text[i] == '_')) i++;
        if (i > start + 1) { *kind = CSavyKernel_TokenMention; return i; }
        return 0;
    }
    // local@domain.tld
    size_t i = start;
    while (i < end && is_address_char(text[i])) i++;
    if (i == start || i >= end || text[i] != '@') return 0;
    size_t domain = ++i;
    size_t last_dot = 0;
    while (i < end && (is_ascii_alnum(text[i]) || text[i] == '-' || text[i] == '.')) {
        if (text[i] == '.') last_dot = i;
        i++;
    }
    size_t stop = trim_trailing(text, domain, i);
    if (last_dot > domain && last_dot + 2 < stop + 1 && stop > last_dot + 2) {
        *kind = CSavyKernel_TokenEmail;
        return stop;
    }
    return 0;
}

// MARK: - Emoticons

// Longest emoticon of the lexicon at text[at, end), or 0. An emoticon must not run into a
// letter or digit (":Doh" is no ":D"), and one that starts with a letter or digit must not
// follow one ("taxD" holds no "xD"); none follows a digit ("3:30" holds no ":3").
static size_t match_emoticon(const CSavyKernel_Lexicon *lexicon, const uint8_t *text, size_t chunk_start,
                             size_t at, size_t end) {
    if (!lexicon || !lexicon->emoticon_start[text[at]] || at + 1 >= end) return 0;
    // Most words that start like an emoticon ("so", "do") go on unlike any: no lookups.
    size_t pair = (size_t)text[at] << 8 | text[at + 1];
    if (!(lexicon->emoticon_pairs[pair / 64] & (1ULL << (pair % 64)))) return 0;
    if (at > chunk_start) {
        uint8_t before = text[at - 1];
        if (is_ascii_digit(before)) return 0;
        if (is_ascii_alnum(text[at]) && (is_ascii_alpha(before) || before >= 0x80)) return 0;
        // "(yes):" holds no "):": an emoticon that starts with a bracket starts its chunk.
        uint8_t c = text[at];
        if (c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}') return 0;
    }
    size_t longest = end - at < lexicon->emoticon_max ? end - at : lexicon->emoticon_max;
    for (size_t n = longest; n >= 2; n--) {
        if (at + n < end && is_ascii_alnum(text[at + n - 1]) && is_ascii_alnum(text[at + n])) continue;
        if (table_find(&lexicon->table, CSavyKernel_TermEmoticon, text + at, n)) return n;
    }
    return 0;
}

static inline bool is_trailing_punct(uint8_t c) { return c == '.' || c == ',' || c == '!' || c == '?'; }

// Does text[at, end) consist of emoticons and trailing punctuation only, with at least one
// emoticon first? ("great:)!!" ends in ":)" "!" "!")
static bool emoticon_suffix(const CSavyKernel_Lexicon *lexicon, const uint8_t *text, size_t chunk_start,
                            size_t at, size_t end) {
    size_t n = match_emoticon(lexicon, text, chunk_start, at, end);
    if (!n) return false;
    for (size_t i = at + n; i < end;) {
        if (is_trailing_punct(text[i])) { i++; continue; }
        size_t m = match_emoticon(lexicon, text, chunk_start, i, end);
        if (!m) return false;
        i += m;
    }
    return true;
}

// MARK: - Outer scan

typedef void (*RunSplitter)(CSavyKernel_Scratch *, const uint8_t *, size_t, size_t);

// Emits the tail text[at, end) known to be emoticons and punctuation.
static void emit_emoticon_tail(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, const uint8_t *text,
                               size_t chunk_start, size_t at, size_t end) {
    for (size_t i = at; i < end && !s->failed;) {
        size_t m = match_emoticon(lexicon, text, chunk_start, i, end);
        if (m) { push_literal(s, text, i, i + m, CSavyKernel_TokenEmoticon); i += m; }
        else { push_literal(s, text, i, i + 1, CSavyKernel_TokenPunct); i++; }
    }
}

// `seen`: the BYTE_* flags of the chunk's bytes, or-ed; they rule out most of the work below.
static void scan_chunk(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, const uint8_t *text,
                       size_t start, size_t end, uint8_t seen, RunSplitter split) {
    // Opening brackets and quotes before a URL, address or mention.
    size_t p = start;
    while (p < end && (text[p] == '(' || text[p] == '[' || text[p] == '"' || text[p] == '\'')) p++;
    // A URL starts with h or w; a mention or an address holds an '@'.
    if (p < end && ((seen & BYTE_AT) || (text[p] | 0x20) == 'h' || (text[p] | 0x20) == 'w')) {
        uint8_t kind;
        size_t stop = match_special(text, p, end, seen & BYTE_AT, &kind);
        if (stop) {
            if (p > start) split(s, text, start, p);
            push_literal(s, text, p, stop, kind);
            if (stop < end) split(s, text, stop, end);
            return;
        }
    }
    // Emoticons at the start of the chunk.
    p = start;
    // (Most chunks start with no byte an emoticon can start with: no call for them.)
    for (size_t m; p < end && lexicon && lexicon->emoticon_start[text[p]] && (m = match_emoticon(lexicon, text, start, p, end)); p += m) {
        push_literal(s, text, p, p + m, CSavyKernel_TokenEmoticon);
    }
    // Emoticons that end the chunk: "thanks:)" or "great!!:D". None can in a chunk of letters
    // and digits only: an emoticon never starts after a digit, nor with a letter or digit
    // right after a letter.
    bool suffix_possible = (seen & BYTE_OTHER) || ((seen & BYTE_HIGH) && lexicon && lexicon->emoticon_high_start);
    if (lexicon && lexicon->emoticon_max && suffix_possible) {
        for (size_t at = p + 1; at < end; at++) {
            if (!lexicon->emoticon_start[text[at]]) continue;
            if (emoticon_suffix(lexicon, text, start, at, end)) {
                split(s, text, p, at);
                emit_emoticon_tail(lexicon, s, text, start, at, end);
                return;
            }
        }
    }
    if (p < end) split(s, text, p, end);
}

// Each word's key hashed once, after the hyphen joins: language cues, lexicon lookup and
// phrase filters all probe with the same hash.
static void hash_word_keys(CSavyKernel_Scratch *s) {
    if (!grow((void **)&s->key_hashes, &s->key_hash_capacity, s->token_count + 1, sizeof *s->key_hashes)) {
        s->failed = true;
        return;
    }
    for (size_t i = 0; i < s->token_count; i++) {
        const CSavyKernel_Token *t = &s->tokens[i];
        s->key_hashes[i] = t->kind == CSavyKernel_TokenWord ? hash_key(s->keys + t->key_offset, t->key_length) : 0;
    }
}

// Letters and digits, for the chunks made of them alone: an ASCII byte's case, or the lead byte
// of a Latin-1 letter (0 for every other byte).
enum { PLAIN_UPPER = 1, PLAIN_LOWER = 2, PLAIN_DIGIT = 4, PLAIN_LATIN = 8 };
static const uint8_t plain_class[256] = {
    ['A' ... 'Z'] = PLAIN_UPPER, ['a' ... 'z'] = PLAIN_LOWER, ['0' ... '9'] = PLAIN_DIGIT,
    [0xC3] = PLAIN_LATIN,  // a Latin-1 letter: the fast path admits no other U+00C0-U+00FF
};

// Bytes whose high bit is set in `mask` (each byte's bit 7 only), counted without popcnt.
static inline size_t count_high_bits(uint64_t mask) { return (size_t)(((mask >> 7) * 0x0101010101010101ULL) >> 56); }

// ASCII letters and digits from text[j], eight bytes at a time while eight remain: each
// capital folded (its 0x20 bit set) and counted, with the small letters. Stops at the first
// other byte (a Latin-1 letter, a space, punctuation), which the byte loop reads next; the
// key bytes are written eight at a time, so up to seven past `*out` are scratch (the keys
// have room for two per text byte, and eight text bytes remain).
static inline size_t ascii_alnum_run(const uint8_t *text, size_t j, size_t length, uint8_t **out,
                                     size_t *upper, size_t *lower) {
    const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    while (j + 8 <= length) {
        uint64_t x;
        memcpy(&x, text + j, 8);
        // With bit 7 off, each byte plus a constant below 0x81 stays in its byte, and its bit 7
        // says whether it reached the constant's bound: a range test per byte, all at once.
        uint64_t y = x & ~high;
        uint64_t up = (y + ones * (0x80 - 'A')) & ~(y + ones * (0x80 - 'Z' - 1)) & high;
        uint64_t low = (y + ones * (0x80 - 'a')) & ~(y + ones * (0x80 - 'z' - 1)) & high;
        uint64_t digit = (y + ones * (0x80 - '0')) & ~(y + ones * (0x80 - '9' - 1)) & high;
        uint64_t stop = ~((up | low | digit) & ~x) & high;  // and no byte of a non-ASCII character
        size_t n = stop ? (size_t)__builtin_ctzll(stop) >> 3 : 8;
        uint64_t folded = x | up >> 2;  // 0x80 >> 2 is the case bit
        memcpy(*out, &folded, 8);
        *out += n;
        uint64_t taken = n == 8 ? ~0ULL : (1ULL << (8 * n)) - 1;
        *upper += count_high_bits(up & taken);
        *lower += count_high_bits(low & taken);
        j += n;
        if (n < 8) break;
    }
    return j;
}

// The most common chunk, letters and digits between spaces ("thanks", "kiitoksia"), is one
// word or number, as fast_run would find it: folded while its end is found, with no chunk
// scan. Returns whether it made the chunk a token and sets `*run_end` to the end of the run of
// such bytes at `start`, and `*run_flags` to their byte_flags; nothing is emitted when the run
// ends in other bytes or the chunk is an emoticon ("XD"). `latin`: Latin-1 letters count (no
// emoticon starts with one, so none can end the chunk either).
static bool plain_chunk(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s, const uint8_t *text,
                        size_t start, size_t length, bool latin, size_t *run_end, uint8_t *run_flags) {
    uint8_t *out = s->keys + s->key_length;
    size_t upper = 0, lower = 0;
    size_t j = ascii_alnum_run(text, start, length, &out, &upper, &lower);
    *run_flags = 0;
    for (uint8_t c, k; j < length && (k = plain_class[c = text[j]]); j++) {
        if (k == PLAIN_LATIN) {
            if (!latin) break;
            *run_flags = BYTE_HIGH;
            j += fast_fold_char(text, j, &out, &upper, &lower, &(size_t){0}) - 1;  // ß folds to ss
            continue;
        }
        *out++ = k == PLAIN_UPPER ? c | 0x20 : c;
        upper += k & PLAIN_UPPER;
        lower += k >> 1 & 1;
    }
    *run_end = j;
    if (j == start) return false;
    // Trailing sentence punctuation, as in "thanks!" or "why??", is a token per byte, unless
    // it holds an emoticon that ends the chunk. (No emoticon can start inside the run: none
    // starts with a letter or digit after one, or after a Latin-1 letter.)
    size_t end = j;
    while (end < length && is_trailing_punct(text[end])) end++;
    if (end < length && !(byte_flags[text[end]] & BYTE_SPACE)) return false;
    if (lexicon && lexicon->emoticon_start[text[start]] && match_emoticon(lexicon, text, start, start, end)) return false;
    for (size_t at = j; lexicon && at < end; at++) {
        if (lexicon->emoticon_start[text[at]] && emoticon_suffix(lexicon, text, start, at, end)) return false;
    }
    push_folded(s, start, j, s->key_length, out, upper, lower, true);  // without letters, the run is digits
    for (; j < end; j++) push_literal(s, text, j, j + 1, CSavyKernel_TokenPunct);
    *run_end = end;
    return true;
}

size_t tokenize_text(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *s,
                     const uint8_t *text, size_t length, bool force_icu, bool *used_fast) {
    s->token_count = 0;
    s->key_length = 0;
    s->invalid_count = 0;
    s->first_invalid = SIZE_MAX;
    s->failed = false;
    *used_fast = !force_icu && fast_path_covers(text, length);
    RunSplitter split = *used_fast ? fast_run : icu_run;
    // Room for the plain chunks: a token per byte and two key bytes per byte (ß) at most.
    if (*used_fast && (!grow((void **)&s->tokens, &s->token_capacity, length + 1, sizeof *s->tokens) ||
                       !reserve_keys(s, 2 * length))) {
        s->failed = true;
        return SIZE_MAX;
    }
    bool latin = !lexicon || !lexicon->emoticon_start[0xC3];
    for (size_t i = 0; i < length && !s->failed;) {
        while (i < length && (byte_flags[text[i]] & BYTE_SPACE)) i++;
        size_t start = i;
        uint8_t seen = 0;
        if (*used_fast && i < length && plain_chunk(lexicon, s, text, start, length, latin, &i, &seen)) continue;
        for (uint8_t f; i < length && !((f = byte_flags[text[i]]) & BYTE_SPACE); i++) seen |= f;
        if (i > start) scan_chunk(lexicon, s, text, start, i, seen, split);
    }
    if (!s->failed) hash_word_keys(s);
    return s->failed ? SIZE_MAX : s->token_count;
}

size_t CSavyKernel_tokenize(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *scratch,
    const uint8_t *text, size_t length, CSavyKernel_Path path,
    const CSavyKernel_Token **tokens, const uint8_t **keys, int *used_fast_path) {
    bool fast;
    size_t count = tokenize_text(lexicon, scratch, text, length, path == CSavyKernel_PathICU, &fast);
    *tokens = scratch->tokens;
    *keys = scratch->keys;
    *used_fast_path = fast;
    return count;
}
