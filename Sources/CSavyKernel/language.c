// Language detection: Finnish, English or undetermined, from the tokens of one text.
//
// A sum of log-odds cues, positive for Finnish, over the text's words. The cues are facts of
// the two languages, not weights fitted to a data set:
// - function words, the strongest cue in short texts ("ja", "ei", "että" / "the", "and");
// - letters: ä and ö are Finnish; b c f q w x z and th/sh/ch/wh/ck are English;
// - Finnish long vowels (aa, ii, uu, yy, ää, öö) and case endings and clitics (-ssa, -lla,
//   -kin, -ko); English contractions (n't, 's) and word-final consonants Finnish lacks.
// Words seen once count once; the probability is the logistic of the sum.
#include "internal.h"

#include <math.h>
#include <pthread.h>

// Function words of one language and not the other ("on", "no", "me", "he" are both).
static const char *const finnish_words[] = {
    "aina", "aivan", "ehkä", "ei", "eikä", "eivät", "eli", "emme", "en", "enkä", "ennen", "enää",
    "erittäin", "et", "ette", "että", "hei", "heille", "heippa", "heitä", "heti", "hyvin", "hän",
    "hänelle", "hänellä", "hänen", "häntä", "ihan", "ilman", "itse", "ja", "jo", "johon", "joiden",
    "joita", "joka", "jokin", "joku", "jonka", "joo", "jos", "jossa", "josta", "jota", "jotain",
    "joten", "jotta", "juu", "juuri", "jälkeen", "kaikki", "kanssa", "kenen", "ketä", "kiitos",
    "kiitti", "koska", "koskaan", "kuin", "kuka", "kukaan", "kun", "kuten", "kyllä", "liian",
    "meidän", "meille", "meitä", "melko", "miksi", "mikä", "mikään", "milloin", "minne", "minua",
    "minulla", "minulle", "minun", "minä", "missä", "mistä", "miten", "mitä", "mitään", "moi",
    "moikka", "mukaan", "mun", "mut", "mutta", "myös", "mä", "ne", "niin", "niitä", "noi",
    "nopeasti", "nuo", "nyt", "nähdään", "nämä", "nää", "oikein", "okei", "ole", "olemme", "olen",
    "olenko", "olet", "oletko", "olette", "oli", "olimme", "olin", "olisi", "olit", "olitte",
    "olivat", "olla", "ollut", "onko", "oon", "ovat", "paljon", "pian", "pitää", "se", "sekä",
    "sen", "siellä", "sieltä", "siis", "siitä", "siksi", "sinne", "sinua", "sinulla", "sinulle",
    "sinun", "sinä", "sitten", "sitä", "sun", "sä", "taas", "tai", "te", "teidän", "teille",
    "teitä", "todella", "toi", "tosi", "tuo", "tuota", "tämä", "tänne", "tässä", "tätä", "tää",
    "täällä", "täältä", "vaan", "vai", "vaikka", "vain", "vasta", "vielä", "voi", "voit", "vähän",
    "yksi",
};
static const char *const english_words[] = {
    "a", "about", "after", "again", "all", "also", "always", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "but", "by", "can", "can't", "come", "could", "did",
    "didn't", "do", "does", "don't", "even", "for", "from", "get", "give", "go", "going", "gonna",
    "got", "had", "has", "have", "he's", "hello", "her", "here", "hey", "hi", "him", "his", "how",
    "i", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't", "it", "it's", "just", "know",
    "let", "let's", "like", "look", "make", "man", "more", "most", "much", "my", "need", "never",
    "not", "now", "of", "off", "one", "only", "or", "our", "out", "over", "please", "really",
    "right", "said", "say", "see", "she", "she's", "should", "so", "some", "sorry", "still", "sure",
    "take", "tell", "than", "thank", "thanks", "that", "that's", "the", "their", "them", "then",
    "there", "there's", "they", "they're", "think", "this", "to", "two", "up", "upon", "very",
    "wanna", "want", "was", "we", "we're", "well", "were", "what", "what's", "when", "where",
    "which", "while", "who", "why", "will", "with", "won't", "would", "yeah", "yes", "you",
    "you're", "your",
};

static const float FUNCTION_WORD = 2.5f;
static const float FINNISH_LETTER = 2.0f;       // ä, ö
static const float ENGLISH_LETTERS = 1.0f;      // b c f q w x z, th sh ch wh ck
static const float LONG_VOWEL = 1.0f;           // aa ii uu yy ää öö; diphthongs uo yö äy öy
static const float FINNISH_ENDING = 1.0f;       // -ssa -sta -lla -lta -lle -ksi -kin -kaan -ko
static const float CONTRACTION = 1.5f;          // don't, it's
static const float FOREIGN_FINAL = 0.7f;        // a final consonant Finnish words do not end in
// "Yaaaay", "soooo": Finnish spelling never triples a letter, so a run of three is expressive
// lengthening, and its doubled vowels are no Finnish cue.
static const float LENGTHENING = 1.0f;
// Below this total either way, the text is undetermined ("ok", "😀").
static const float DECISION_MARGIN = 1.0f;

// Longest function word, in bytes ("erittäin", "nähdään"): longer keys skip the lookup.
#define LONGEST_FUNCTION_WORD 10
#define FUNCTION_SLOTS 1024  // a power of two, over three times the words

// Both lists in one open-addressing set, built once: a word costs one hash and at most a few
// short compares (a binary search over both lists cost a fifth of the kernel's time).
// The words are held in their slots: one cache line per probe, no pointer to follow.
static struct FunctionWord { uint8_t word[LONGEST_FUNCTION_WORD]; uint8_t length; int8_t sign; } function_slots[FUNCTION_SLOTS];
static pthread_once_t function_once = PTHREAD_ONCE_INIT;

static void add_function_words(const char *const *list, size_t count, int8_t sign) {
    for (size_t i = 0; i < count; i++) {
        size_t n = strlen(list[i]);
        size_t s = (size_t)hash_key((const uint8_t *)list[i], n) & (FUNCTION_SLOTS - 1);
        while (function_slots[s].length) s = (s + 1) & (FUNCTION_SLOTS - 1);
        memcpy(function_slots[s].word, list[i], n);
        function_slots[s].length = (uint8_t)n;
        function_slots[s].sign = sign;
    }
}

static void build_function_words(void) {
    add_function_words(finnish_words, sizeof finnish_words / sizeof *finnish_words, 1);
    add_function_words(english_words, sizeof english_words / sizeof *english_words, -1);
}

// +1 for a Finnish function word, -1 for an English one, 0 otherwise.
static int function_word(const uint8_t *key, size_t length, uint64_t hash) {
    if (length > LONGEST_FUNCTION_WORD) return 0;
    size_t s = (size_t)hash & (FUNCTION_SLOTS - 1);
    for (; function_slots[s].length; s = (s + 1) & (FUNCTION_SLOTS - 1)) {
        if (function_slots[s].length == length && same_bytes(function_slots[s].word, key, length)) return function_slots[s].sign;
    }
    return 0;
}

// Does the word end in `suffix` (n bytes) with at least two bytes before it?
static inline bool ends_in(const uint8_t *key, size_t length, const char *suffix, size_t n) {
    return length >= n + 2 && same_bytes(key + length - n, (const uint8_t *)suffix, n);
}

// Finnish case endings and clitics: -ssa -sta -lla -lta -lle -ksi -kin -kaan -ko -nsa -mme
// -tte -vat (and their front-vowel forms), by the word's last byte.
static bool has_finnish_ending(const uint8_t *key, size_t length) {
    switch (key[length - 1]) {
        case 'a':
            return ends_in(key, length, "ssa", 3) || ends_in(key, length, "sta", 3) || ends_in(key, length, "lla", 3) ||
                   ends_in(key, length, "lta", 3) || ends_in(key, length, "nsa", 3);
        case 0xA4:  // ä
            return ends_in(key, length, "ss\xC3\xA4", 4) || ends_in(key, length, "st\xC3\xA4", 4) ||
                   ends_in(key, length, "ll\xC3\xA4", 4) || ends_in(key, length, "lt\xC3\xA4", 4) ||
                   ends_in(key, length, "ns\xC3\xA4", 4);
        case 'e': return ends_in(key, length, "lle", 3) || ends_in(key, length, "mme", 3) || ends_in(key, length, "tte", 3);
        case 'i': return ends_in(key, length, "ksi", 3);
        case 'n':
            return ends_in(key, length, "kin", 3) || ends_in(key, length, "kaan", 4) ||
                   ends_in(key, length, "k\xC3\xA4\xC3\xA4n", 6);
        case 'o': return ends_in(key, length, "ko", 2);
        case 0xB6: return ends_in(key, length, "k\xC3\xB6", 3);  // kö
        case 't': return ends_in(key, length, "vat", 3) || ends_in(key, length, "v\xC3\xA4t", 4);
        default: return false;
    }
}

// The cues of one word, found in one pass over its bytes (a search per cue cost a tenth of
// the kernel's time).
static float word_cue(const uint8_t *key, size_t length, uint64_t hash) {
    int function = function_word(key, length, hash);
    if (function) return (float)function * FUNCTION_WORD;
    bool finnish_letter = false, english_letters = false, long_vowel = false, apostrophe = false;
    for (size_t i = 0; i < length; i++) {
        uint8_t c = key[i], p = i ? key[i - 1] : 0, q = i >= 2 ? key[i - 2] : 0;
        if (q == c && p == c && (uint8_t)(c - 'a') < 26) return -LENGTHENING;
        switch (c) {
            case 'b': case 'c': case 'f': case 'q': case 'w': case 'x': case 'z': english_letters = true; break;
            case 'h': if (p == 't' || p == 's' || p == 'w') english_letters = true; break;       // th sh wh
            case 'a': case 'i': case 'u': if (p == c) long_vowel = true; break;                  // aa ii uu
            case 'o': if (p == 'u') long_vowel = true; break;                                   // uo
            case 'y': if (p == 'y' || (q == 0xC3 && (p == 0xA4 || p == 0xB6))) long_vowel = true; break;  // yy äy öy
            case 0xA4: case 0xB6:                                                                // ä ö
                if (p != 0xC3) break;
                finnish_letter = true;
                if ((i >= 3 && q == c && key[i - 3] == 0xC3) || (c == 0xB6 && q == 'y')) long_vowel = true;  // ää öö yö
                break;
            case '\'': apostrophe = true; break;
            default: break;
        }
    }
    float cue = 0.0f;
    if (finnish_letter) cue += FINNISH_LETTER;
    if (english_letters) cue -= ENGLISH_LETTERS;
    if (long_vowel) cue += LONG_VOWEL;
    if (has_finnish_ending(key, length)) cue += FINNISH_ENDING;
    if (apostrophe) cue -= CONTRACTION;
    switch (key[length - 1]) {
        case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 'n': case 's': case 't': case 'l': case 'r': break;
        default: if (length >= 3 && (uint8_t)(key[length - 1] - 'a') < 26) cue -= FOREIGN_FINAL;
    }
    return cue;
}

// The cue of a word, from the scratch's memo when it was seen before (`memo` may be NULL).
static float remembered_cue(CueMemo *memo, const uint8_t *key, size_t length, uint64_t hash) {
    if (!memo || length > MEMO_KEY) return word_cue(key, length, hash);
    CueMemo *m = &memo[hash & (MEMO_SLOTS - 1)];
    if (!memo_holds(&m->key, 0, key, length, hash)) {
        m->cue = word_cue(key, length, hash);
        memo_keep(&m->key, 0, key, length, hash);
    }
    return m->cue;
}

static float cue_sum(const CSavyKernel_Scratch *s, CueMemo *memo, size_t *words) {
    pthread_once(&function_once, build_function_words);
    float sum = 0.0f;
    *words = 0;
    for (size_t i = 0; i < s->token_count; i++) {
        const CSavyKernel_Token *t = &s->tokens[i];
        if (t->kind != CSavyKernel_TokenWord || t->key_length == 0) continue;
        (*words)++;
        sum += remembered_cue(memo, s->keys + t->key_offset, t->key_length, s->key_hashes[i]);
    }
    return sum;
}

float language_cue_sum(CSavyKernel_Scratch *s, size_t *words) {
    if (!s->cue_memo) s->cue_memo = calloc(MEMO_SLOTS, sizeof *s->cue_memo);  // without it, no memo
    return cue_sum(s, s->cue_memo, words);
}

float language_lexicon_cue(long finnish_known, long english_known) {
    return FUNCTION_WORD * (float)(finnish_known - english_known);
}

CSavyKernel_Language decide_language(float sum, size_t words, float *confidence) {
    if (words == 0 || fabsf(sum) < DECISION_MARGIN) {
        *confidence = 0.0f;
        return CSavyKernel_LanguageUndetermined;
    }
    *confidence = 1.0f / (1.0f + expf(-fabsf(sum)));
    return sum > 0 ? CSavyKernel_LanguageFinnish : CSavyKernel_LanguageEnglish;
}

CSavyKernel_Language CSavyKernel_detect_language(const CSavyKernel_Scratch *s, float *confidence) {
    size_t words;
    float sum = cue_sum(s, NULL, &words);
    return decide_language(sum, words, confidence);
}
