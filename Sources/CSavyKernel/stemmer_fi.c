// Finnish without Voikko: Snowball's Finnish stemmer (libstemmer, BSD), loaded at run time
// with dlopen. A Finnish lexicon indexes the stems of its lemmas when it is built; a word
// that misses as written is then looked up by its stem. Stems are coarse, so short words
// and a stop-list of frequent forms whose stems collide with sentiment words are never
// stem-matched ("on" is no "onni", "kun" no "kunnia").
#include "internal.h"

#include <dlfcn.h>

struct Stemmer {
    void *library;
    void *(*create)(const char *algorithm, const char *encoding);
    void (*destroy)(void *);
    const uint8_t *(*stem)(void *, const uint8_t *word, int length);
    int (*length)(void *);
};

// Below this many bytes, a word is never stem-matched.
#define MIN_STEMMED_BYTES 4

// Frequent words whose stems meet a sentiment word's stem ("voit", you can: "voittaa", win).
static const char *const stop_list[] = {
    "aikaa", "antaa", "ehkä", "että", "jotta", "koska", "kuin", "kuitenkin", "kunhan", "mutta", "niin",
    "oli", "olin", "olisi", "olit", "olla", "ollut", "olemme", "olen", "olet", "olette", "ovat", "sitten",
    "vaan", "vaikka", "voit", "voitko", "voitte", "voitteko", "yksi",
};

Stemmer *stemmer_load(void) {
    void *library = dlopen("libstemmer.so.0d", RTLD_NOW | RTLD_LOCAL);
    if (!library) library = dlopen("libstemmer.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!library) return NULL;
    Stemmer *s = calloc(1, sizeof *s);
    if (!s) { dlclose(library); return NULL; }
    s->library = library;
    *(void **)&s->create = dlsym(library, "sb_stemmer_new");
    *(void **)&s->destroy = dlsym(library, "sb_stemmer_delete");
    *(void **)&s->stem = dlsym(library, "sb_stemmer_stem");
    *(void **)&s->length = dlsym(library, "sb_stemmer_length");
    if (!s->create || !s->destroy || !s->stem || !s->length) {
        dlclose(library);
        free(s);
        return NULL;
    }
    return s;
}

void stemmer_unload(Stemmer *s) {
    if (!s) return;
    dlclose(s->library);
    free(s);
}

void *stemmer_open(const Stemmer *s) { return s->create("finnish", "UTF_8"); }
void stemmer_close(const Stemmer *s, void *handle) { if (handle) s->destroy(handle); }

bool stemmer_skips(const uint8_t *word, size_t length) {
    if (length < MIN_STEMMED_BYTES) return true;
    for (size_t i = 0; i < sizeof stop_list / sizeof *stop_list; i++) {
        if (strlen(stop_list[i]) == length && memcmp(stop_list[i], word, length) == 0) return true;
    }
    return false;
}

size_t stemmer_stem(const Stemmer *s, void *handle, const uint8_t *word, size_t length, const uint8_t **stem) {
    if (length > 200) return 0;
    *stem = s->stem(handle, word, (int)length);
    return *stem ? (size_t)s->length(handle) : 0;
}
