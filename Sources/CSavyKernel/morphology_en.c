// English inflection fallback: candidate base forms of a word the lexicon lacks, most
// specific first. Only tried when the surface form misses, and only accepted when a
// candidate has a valence, so "hates" finds "hate" while "bus" never becomes "bu".
#include "internal.h"

typedef struct Writer {
    uint8_t *out;
    size_t capacity, used, count, max;
    uint32_t *lengths;
} Writer;

static void add(Writer *w, const uint8_t *stem, size_t length, const char *suffix) {
    size_t extra = strlen(suffix);
    if (w->count >= w->max || w->used + length + extra > w->capacity || length < 3) return;
    memcpy(w->out + w->used, stem, length);
    memcpy(w->out + w->used + length, suffix, extra);
    w->used += length + extra;
    w->lengths[w->count++] = (uint32_t)(length + extra);
}

static bool is_vowel(uint8_t c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

size_t english_base_forms(const uint8_t *word, size_t length, uint8_t *out, size_t capacity,
                          uint32_t *lengths, size_t max_candidates) {
    // Every rule below needs one of these last letters (-s, -ed, -ing, -ly); most words the
    // lexicon lacks have none of them.
    uint8_t last = length ? word[length - 1] : 0;
    if (last != 's' && last != 'd' && last != 'g' && last != 'y') return 0;
    for (size_t i = 0; i < length; i++) {
        if ((uint8_t)(word[i] - 'a') >= 26 && word[i] != '\'') return 0;
    }
    Writer w = {.out = out, .capacity = capacity, .max = max_candidates, .lengths = lengths};
    size_t n = length;
    if (ends_with(word, n, "'s")) { add(&w, word, n - 2, ""); return w.count; }
    if (ends_with(word, n, "ies")) add(&w, word, n - 3, "y");                 // worries -> worry
    else if (ends_with(word, n, "es")) {
        // "-es" is a suffix only after a sibilant: "fixes" -> "fix", but "hates" -> "hate".
        uint8_t before = word[n - 3];
        if (before == 's' || before == 'x' || before == 'z' || (n >= 5 && word[n - 3] == 'h' && (word[n - 4] == 'c' || word[n - 4] == 's')))
            add(&w, word, n - 2, "");
        add(&w, word, n - 1, "");
    }
    else if (ends_with(word, n, "s") && !ends_with(word, n, "ss") && !ends_with(word, n, "us") && !ends_with(word, n, "is"))
        add(&w, word, n - 1, "");                                               // thanks -> thank
    if (ends_with(word, n, "ied")) add(&w, word, n - 3, "y");                 // worried -> worry
    else if (ends_with(word, n, "ed")) {
        add(&w, word, n - 1, "");                                               // loved -> love
        add(&w, word, n - 2, "");                                               // helped -> help
        if (n >= 5 && word[n - 3] == word[n - 4] && !is_vowel(word[n - 3])) add(&w, word, n - 3, "");  // stopped
    }
    if (ends_with(word, n, "ing") && n >= 6) {
        add(&w, word, n - 3, "");                                               // helping -> help
        add(&w, word, n - 3, "e");                                              // loving -> love
        if (word[n - 4] == word[n - 5] && !is_vowel(word[n - 4])) add(&w, word, n - 4, "");  // upsetting
    }
    // Adverbs only where the base is unambiguous: plain "-ly" would read "likely" as "like"
    // and "lately" as "late".
    if (ends_with(word, n, "ily")) add(&w, word, n - 3, "y");                 // happily -> happy
    else if (ends_with(word, n, "bly")) add(&w, word, n - 1, "e");            // terribly -> terrible
    return w.count;
}
