// Kernel harness, built outside SwiftPM with warnings as errors and ASan + UBSan
// (.ci/sanitize). It loads the real lexicons, then:
//  1. scores every line of the corpora given on the command line, with evidence;
//  2. scores random byte strings, random UTF-8 and random emoticon soup;
//  3. differential check: on every text the fast path covers, its tokens (ranges, kinds,
//     flags, keys) must equal the ICU path's.
// Exit status 1 on any mismatch or broken invariant.
#include "CSavyKernel.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long rng_state = 0x9E3779B97F4A7C15ULL;
static unsigned rnd(unsigned n) {
    rng_state ^= rng_state << 13; rng_state ^= rng_state >> 7; rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % n);
}

static long failures = 0, compared = 0, covered = 0;

static void load_lexicon(CSavyKernel_Builder *b, const char *path, int kind) {
    static uint32_t source = 0;  // one index per file, as the Swift loader does
    source++;
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(stderr, "cannot open %s\n", path); exit(2); }
    char line[4096];
    int header_seen = 0;
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "\r\n");
        line[n] = 0;
        if (!n || line[0] == '#') continue;
        if (!header_seen) { header_seen = 1; continue; }
        char *term = line, *second = strchr(line, '\t');
        if (!second) continue;
        *second++ = 0;
        char *third = strchr(second, '\t');
        if (third) *third++ = 0;
        CSavyKernel_BuildStatus status;
        if (kind == 4) {  // spoken forms
            status = CSavyKernel_Builder_set_normalisation(b, (const uint8_t *)term, strlen(term), (const uint8_t *)second, strlen(second), source);
        } else if (kind == 3) {  // modifiers
            static const char *roles[] = {"", "booster", "dampener", "negator", "negator-next", "contrast", "concession", "mask", "discourse", "irrealis", "neg-raising", "softener", "negative-polarity", "reverses-negative", "reverses-positive", "feeling", "reply"};
            _Static_assert(sizeof roles / sizeof *roles == CSavyKernel_RoleCount, "a name for every role");
            int role = 0;
            for (int r = 1; r < CSavyKernel_RoleCount; r++) if (strcmp(second, roles[r]) == 0) role = r;
            status = CSavyKernel_Builder_set_role(b, (const uint8_t *)term, strlen(term), (CSavyKernel_Role)role, third ? strtof(third, NULL) : 0, source);
        } else {
            status = CSavyKernel_Builder_set_valence(b, (const uint8_t *)term, strlen(term), (CSavyKernel_TermKind)kind, strtof(second, NULL), source);
        }
        if (!status.ok) { fprintf(stderr, "%s: '%s': %s\n", path, term, status.message); failures++; }
    }
    fclose(f);
}

static void check_result(const CSavyKernel_Result *r, const CSavyKernel_EvidenceBuffer *ev, const char *what) {
    if (r->status) return;
    if (!(r->compound >= -1.0f && r->compound <= 1.0f) || isnan(r->compound)) {
        fprintf(stderr, "compound out of range for %s\n", what); failures++;
    }
    float sum = r->positive + r->neutral + r->negative;
    if (fabsf(sum - 1.0f) > 1e-3f) { fprintf(stderr, "proportions sum to %f for %s\n", sum, what); failures++; }
    float effects = 0;
    const CSavyKernel_Evidence *e = CSavyKernel_EvidenceBuffer_data(ev) + r->evidence_start;
    // Tone, strategy and empathy evidence explains the other scores, not the sum.
    for (uint32_t i = 0; i < r->evidence_count; i++) {
        if (e[i].kind < CSavyKernel_EvidenceTone) effects += e[i].effect;
    }
    if (fabsf(effects - r->sum) > 1e-3f * (1.0f + fabsf(r->sum))) {
        fprintf(stderr, "evidence effects %f != sum %f for %s\n", effects, r->sum, what); failures++;
    }
}

static void differential(const CSavyKernel_Lexicon *lex, CSavyKernel_Scratch *a, CSavyKernel_Scratch *b,
                         const uint8_t *text, size_t length) {
    const CSavyKernel_Token *ta, *tb;
    const uint8_t *ka, *kb;
    int fast_a, fast_b;
    size_t na = CSavyKernel_tokenize(lex, a, text, length, CSavyKernel_PathAuto, &ta, &ka, &fast_a);
    if (!fast_a) return;
    covered++;
    size_t nb = CSavyKernel_tokenize(lex, b, text, length, CSavyKernel_PathICU, &tb, &kb, &fast_b);
    compared++;
    int same = na == nb;
    for (size_t i = 0; same && i < na; i++) {
        same = ta[i].start == tb[i].start && ta[i].end == tb[i].end && ta[i].kind == tb[i].kind &&
               ta[i].flags == tb[i].flags && ta[i].key_length == tb[i].key_length &&
               memcmp(ka + ta[i].key_offset, kb + tb[i].key_offset, ta[i].key_length) == 0;
    }
    if (!same) {
        failures++;
        if (failures < 20) {
            fprintf(stderr, "fast path differs from ICU on: %.*s\n", (int)length, (const char *)text);
            for (size_t i = 0; i < (na > nb ? na : nb); i++) {
                if (i < na) fprintf(stderr, "  fast [%u,%u) k%d f%d '%.*s'", ta[i].start, ta[i].end, ta[i].kind, ta[i].flags, (int)ta[i].key_length, ka + ta[i].key_offset);
                if (i < nb) fprintf(stderr, "  icu [%u,%u) k%d f%d '%.*s'", tb[i].start, tb[i].end, tb[i].kind, tb[i].flags, (int)tb[i].key_length, kb + tb[i].key_offset);
                fprintf(stderr, "\n");
            }
        }
    }
}

// Finnish lexicon and Voikko, when the harness could build them (else the English one).
static const CSavyKernel_Lexicon *finnish_lexicon;
static CSavyKernel_Morphology *finnish_morphology;

static void score(const CSavyKernel_Lexicon *lex, CSavyKernel_Scratch *s, CSavyKernel_EvidenceBuffer *ev,
                  const uint8_t *text, size_t length) {
    uint64_t offsets[2] = {0, length};
    CSavyKernel_Result r;
    CSavyKernel_Languages languages = {.english = lex, .finnish = finnish_lexicon ? finnish_lexicon : lex,
                                       .finnish_morphology = finnish_morphology, .fixed = CSavyKernel_LanguageUndetermined};
    CSavyKernel_EvidenceBuffer_clear(ev);
    CSavyKernel_score_batch(&languages, s, text, offsets, 1, &r, ev);
    check_result(&r, ev, "text");
}

// Pieces that stress the tokenizer's joins: letters, digits, MidLetter/MidNum punctuation,
// emoticon characters, hyphens, Latin-1 letters, U+2019, URLs and addresses.
static const char *pieces[] = {
    "a", "B", "z", "Q", "ä", "Ö", "å", "é", "ß", "ÿ", "Þ", "0", "7", ".", ",", ";", ":", "'", "’", "_", "-",
    "!", "?", "(", ")", "<", "3", "D", "x", "X", "P", "p", " ", "  ", "\t", "\r\n", "\n", "\"", "#", "@", "/",
    "good", "GOOD", "not", "but", "very", "kind of", "don't", "don’t", ":)", ":-(", ":D", "xD", "<3", ";)",
    "http://x.fi/a", "www.example.com", "a@b.fi", "@user", "3:30", "1,000.5", "e.g.", "U.S.A.", "ei-toivottu",
    "well-known", "ok", "OK", "ok.", "yeah right", "at least", "least", "SO", "never", "no", "No.",
};

static void random_text(uint8_t *out, size_t *length, size_t cap) {
    size_t n = 0, parts = 1 + rnd(12);
    for (size_t i = 0; i < parts; i++) {
        const char *p = pieces[rnd(sizeof pieces / sizeof *pieces)];
        size_t m = strlen(p);
        if (n + m >= cap) break;
        memcpy(out + n, p, m);
        n += m;
    }
    *length = n;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: harness <lexicons-dir> [corpus ...]\n"); return 2; }
    char path[1024];
    CSavyKernel_Builder *b = CSavyKernel_Builder_create(CSavyKernel_LanguageEnglish);
    snprintf(path, sizeof path, "%s/en/valence.tsv", argv[1]); load_lexicon(b, path, 0);
    snprintf(path, sizeof path, "%s/en/idioms.tsv", argv[1]); load_lexicon(b, path, 0);
    snprintf(path, sizeof path, "%s/en/service.tsv", argv[1]); load_lexicon(b, path, 0);
    snprintf(path, sizeof path, "%s/common/emoticons.tsv", argv[1]); load_lexicon(b, path, 1);
    snprintf(path, sizeof path, "%s/common/emoji.tsv", argv[1]); load_lexicon(b, path, 2);
    snprintf(path, sizeof path, "%s/en/modifiers.tsv", argv[1]); load_lexicon(b, path, 3);
    CSavyKernel_Lexicon *lex = CSavyKernel_Builder_finish(b);
    CSavyKernel_Builder_destroy(b);

    // Finnish: its lexicons, Voikko if installed, and the Snowball index (built on finish).
    CSavyKernel_Builder *fb = CSavyKernel_Builder_create(CSavyKernel_LanguageFinnish);
    const char *finnish_files[][2] = {{"fi/10-afinn.tsv", "0"}, {"fi/20-translated.tsv", "0"}, {"fi/30-service.tsv", "0"},
                                      {"fi/40-phrases.tsv", "0"}, {"fi/modifiers.tsv", "3"}, {"fi/colloquial.tsv", "4"},
                                      {"common/emoticons.tsv", "1"}, {"common/emoji.tsv", "2"}};
    for (size_t i = 0; i < sizeof finnish_files / sizeof *finnish_files; i++) {
        snprintf(path, sizeof path, "%s/%s", argv[1], finnish_files[i][0]);
        FILE *probe = fopen(path, "r");
        if (!probe) continue;
        fclose(probe);
        load_lexicon(fb, path, finnish_files[i][1][0] - '0');
    }
    CSavyKernel_Lexicon *finnish = CSavyKernel_Builder_finish(fb);
    CSavyKernel_Builder_destroy(fb);
    char error[256];
    CSavyKernel_Morphology *morphology = CSavyKernel_Morphology_create_finnish(error, sizeof error);
    if (!morphology) printf("harness: no Voikko (%s); Finnish is read with stems\n", error);
    CSavyKernel_Scratch *s1 = CSavyKernel_Scratch_create(), *s2 = CSavyKernel_Scratch_create();
    CSavyKernel_EvidenceBuffer *ev = CSavyKernel_EvidenceBuffer_create();

    long lines = 0;
    // Every corpus twice for Finnish text: with Voikko, then with the Snowball fallback.
    for (int pass = 0; pass < 2; pass++) {
    finnish_lexicon = finnish;
    finnish_morphology = pass == 0 ? morphology : NULL;
    for (int i = 2; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) { fprintf(stderr, "cannot open %s\n", argv[i]); return 2; }
        char *line = NULL;
        size_t cap = 0;
        ssize_t n;
        while ((n = getline(&line, &cap, f)) > 0) {
            if (line[n - 1] == '\n') n--;
            score(lex, s1, ev, (const uint8_t *)line, (size_t)n);
            differential(lex, s1, s2, (const uint8_t *)line, (size_t)n);
            lines++;
        }
        free(line);
        fclose(f);
    }
    }

    uint8_t text[512];
    size_t length;
    for (int i = 0; i < 200000; i++) {  // generated, mostly inside the fast path's alphabet
        random_text(text, &length, sizeof text);
        differential(lex, s1, s2, text, length);
        score(lex, s1, ev, text, length);
    }
    for (int i = 0; i < 50000; i++) {  // raw bytes: invalid UTF-8, NULs, anything
        length = rnd(64);
        for (size_t k = 0; k < length; k++) text[k] = (uint8_t)rnd(256);
        score(lex, s1, ev, text, length);
        differential(lex, s1, s2, text, length);
    }
    // Batch call over many texts at once, with empty ones in between.
    {
        uint8_t bytes[4096];
        uint64_t offsets[65];
        CSavyKernel_Result results[64];
        size_t used = 0;
        offsets[0] = 0;
        for (int i = 0; i < 64; i++) {
            if (i % 5) { random_text(bytes + used, &length, 60); used += length; }
            offsets[i + 1] = used;
        }
        CSavyKernel_Languages languages = {.english = lex, .fixed = CSavyKernel_LanguageUndetermined};
        CSavyKernel_EvidenceBuffer_clear(ev);
        CSavyKernel_score_batch(&languages, s1, bytes, offsets, 64, results, ev);
        for (int i = 0; i < 64; i++) check_result(&results[i], ev, "batch text");
    }

    printf("harness: %ld corpus lines, %ld differential comparisons (%ld texts on the fast path)\n", lines, compared, covered);
    CSavyKernel_Scratch_destroy(s1);
    CSavyKernel_Scratch_destroy(s2);
    CSavyKernel_EvidenceBuffer_destroy(ev);
    CSavyKernel_Lexicon_destroy(lex);
    CSavyKernel_Lexicon_destroy(finnish);
    CSavyKernel_Morphology_destroy(morphology);
    printf("%ld passed, %ld failed\n", failures ? 0L : 1L, failures);
    return failures ? 1 : 0;
}
