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
static struct FunctionWord { const char *word; uint8_t length; int8_t sign; } function_slots[FUNCTION_SLOTS];
static pthread_once_t function_once = PTHREAD_ONCE_INIT;

static void add_function_words(const char *const *list, size_t count, int8_t sign) {
    for (size_t i = 0; i < count; i++) {
        size_t n = strlen(list[i]);
        size_t s = (size_t)hash_bytes(0, (const uint8_t *)list[i], n) & (FUNCTION_SLOTS - 1);
        while (function_slots[s].word) s = (s + 1) & (FUNCTION_SLOTS - 1);
        function_slots[s] = (struct FunctionWord){list[i], (uint8_t)n, sign};
    }
}

static void build_function_words(void) {
    add_function_words(finnish_words, sizeof finnish_words / sizeof *finnish_words, 1);
    add_function_words(english_words, sizeof english_words / sizeof *english_words, -1);
}

// +1 for a Finnish function word, -1 for an English one, 0 otherwise.
static int function_word(const uint8_t *key, size_t length) {
    if (length > LONGEST_FUNCTION_WORD) return 0;
    pthread_once(&function_once, build_function_words);
    size_t s = (size_t)hash_bytes(0, key, length) & (FUNCTION_SLOTS - 1);
    for (; function_slots[s].word; s = (s + 1) & (FUNCTION_SLOTS - 1)) {
        if (function_slots[s].length == length && memcmp(function_slots[s].word, key, length) == 0) return function_slots[s].sign;
    }
    return 0;
}

static bool contains(const uint8_t *key, size_t length, const char *needle) {
    size_t n = needle[1] == 0 ? 1 : needle[2] == 0 ? 2 : strlen(needle);
    for (size_t i = 0; i + n <= length; i++) {
        if (memcmp(key + i, needle, n) == 0) return true;
    }
    return false;
}

static bool ends_with(const uint8_t *key, size_t length, const char *suffix) {
    size_t n = strlen(suffix);
    return length >= n + 2 && memcmp(key + length - n, suffix, n) == 0;
}

static float word_cue(const uint8_t *key, size_t length) {
    int function = function_word(key, length);
    if (function) return (float)function * FUNCTION_WORD;
    for (size_t i = 2; i < length; i++) {
        if (key[i] == key[i - 1] && key[i] == key[i - 2] && (uint8_t)(key[i] - 'a') < 26) return -LENGTHENING;
    }
    float cue = 0.0f;
    if (contains(key, length, "\xC3\xA4") || contains(key, length, "\xC3\xB6")) cue += FINNISH_LETTER;
    bool english = false;
    for (size_t i = 0; i < length; i++) {
        uint8_t c = key[i];
        if (c == 'b' || c == 'c' || c == 'f' || c == 'q' || c == 'w' || c == 'x' || c == 'z') english = true;
    }
    if (english || contains(key, length, "th") || contains(key, length, "sh") || contains(key, length, "wh")) cue -= ENGLISH_LETTERS;
    if (contains(key, length, "aa") || contains(key, length, "ii") || contains(key, length, "uu") ||
        contains(key, length, "yy") || contains(key, length, "\xC3\xA4\xC3\xA4") || contains(key, length, "\xC3\xB6\xC3\xB6") ||
        contains(key, length, "uo") || contains(key, length, "y\xC3\xB6") || contains(key, length, "\xC3\xA4y") ||
        contains(key, length, "\xC3\xB6y"))
        cue += LONG_VOWEL;
    static const char *const endings[] = {"ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi",
                                          "kin", "kaan", "kään", "ko", "kö", "nsa", "nsä", "mme", "tte", "vat", "vät"};
    for (size_t i = 0; i < sizeof endings / sizeof *endings; i++) {
        if (ends_with(key, length, endings[i])) { cue += FINNISH_ENDING; break; }
    }
    if (contains(key, length, "'")) cue -= CONTRACTION;
    uint8_t last = key[length - 1];
    if (length >= 3 && (uint8_t)(last - 'a') < 26 && !strchr("aeiouynstlr", last)) cue -= FOREIGN_FINAL;
    return cue;
}

CSavyKernel_Language CSavyKernel_detect_language(const CSavyKernel_Scratch *s, float *confidence) {
    float sum = 0.0f;
    size_t words = 0;
    for (size_t i = 0; i < s->token_count; i++) {
        const CSavyKernel_Token *t = &s->tokens[i];
        if (t->kind != CSavyKernel_TokenWord || t->key_length == 0) continue;
        words++;
        sum += word_cue(s->keys + t->key_offset, t->key_length);
    }
    if (words == 0 || fabsf(sum) < DECISION_MARGIN) {
        *confidence = 0.0f;
        return CSavyKernel_LanguageUndetermined;
    }
    float p = 1.0f / (1.0f + expf(-fabsf(sum)));
    *confidence = p;
    return sum > 0 ? CSavyKernel_LanguageFinnish : CSavyKernel_LanguageEnglish;
}
