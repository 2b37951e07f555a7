// Finnish without Voikko: candidate base forms of a word the lexicon lacks, by Savy's own
// suffix rules (no dictionary). Clitics and possessives come off, then one case ending or one
// verb ending, and the base is rebuilt as its ending implies: "ihanaa" -> "ihana", "hyviä" ->
// "hyvä", "onnellisia" -> "onnellinen", "huolissani" -> "huoli", "varmasti" -> "varma",
// "sopii" -> "sopia", "kuolen" -> "kuolla", "haluan" -> "haluta", "tarvitsen" -> "tarvita".
// Consonant gradation is undone where the ending calls for the weak grade: "sodassa" ->
// "sota", "odotan" -> "odottaa". A candidate counts only when the lexicon has it, so most
// nonsense candidates cost a probe and nothing else; rules that mostly produced wrong words
// ("asia" -> "ase", "kuten" -> "kusi") were left out. The closest candidate to the word wins
// (the longest common beginning).
//
// The rules work on Latin-1 (ä, ö, å as one byte each); a word with other letters has none.
#include "internal.h"

#define MAX_WORD 48                     // longer words are compounds or noise: no candidates
#define MAX_CANDIDATES 96

enum { AE = 0xE4, OE = 0xF6 };          // ä, ö in Latin-1

typedef struct Candidates {
    uint8_t bytes[MAX_CANDIDATES][MAX_WORD + 8];
    uint8_t lengths[MAX_CANDIDATES];
    size_t count;
    bool front;                         // vowel harmony: ä, ö, y rather than a, o, u
} Candidates;

static bool is_vowel(uint8_t c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == AE || c == OE;
}

// Endings are written with A, O, U for the harmonic vowels: "ssA" is "ssa" or "ssä".
static inline uint8_t harmonic(const Candidates *c, uint8_t ch) {
    if (ch == 'A') return c->front ? AE : 'a';
    if (ch == 'O') return c->front ? OE : 'o';
    if (ch == 'U') return c->front ? 'y' : 'u';
    return ch;
}

static size_t ending(const Candidates *c, const char *pattern, uint8_t *out) {
    size_t n = 0;
    for (const char *p = pattern; *p; p++) out[n++] = harmonic(c, (uint8_t)*p);
    return n;
}

// An ending and its length: tables of them are scanned for every new word.
typedef struct Pattern {
    const char *text;
    size_t length;
} Pattern;
#define P(literal) {literal, sizeof literal - 1}

// Does word[0, length) end in `pattern`, leaving at least `keep` bytes? Returns its length, or 0.
static size_t ends_in(const Candidates *c, const uint8_t *word, size_t length, Pattern pattern, size_t keep) {
    size_t n = pattern.length;
    if (length < n + keep) return 0;
    for (size_t k = n; k-- > 0;) {  // from the end: most endings differ in their last letter
        if (word[length - n + k] != harmonic(c, (uint8_t)pattern.text[k])) return 0;
    }
    return n;
}

// Adds stem[0, length) followed by the bytes `suffix`, if three letters or more (duplicates
// go after sorting).
static void add_bytes(Candidates *c, const uint8_t *stem, size_t length, const uint8_t *suffix, size_t n) {
    if (length + n < 3 || length + n > MAX_WORD || c->count >= MAX_CANDIDATES) return;
    uint8_t *to = c->bytes[c->count];
    memcpy(to, stem, length);
    memcpy(to + length, suffix, n);
    c->lengths[c->count++] = (uint8_t)(length + n);
}

// Adds stem[0, length) followed by `suffix` (A/O/U harmonic).
static void add(Candidates *c, const uint8_t *stem, size_t length, const char *suffix) {
    uint8_t e[16];
    add_bytes(c, stem, length, e, ending(c, suffix, e));
}

// A nominal stem left by a case ending: the base forms it can come from.
static void nominal(Candidates *c, const uint8_t *st, size_t n, bool plural_ok, bool partitive_ta) {
    if (n < 2) return;
    add(c, st, n, "");
    uint8_t last = st[n - 1];
    if (!is_vowel(last)) {
        add(c, st, n, "A");                                   // hyv-ää -> hyvä
        if (partitive_ta) add(c, st, n, "i");                 // huol-ta -> huoli
    }
    if (last == 'e' && n >= 4 && !partitive_ta) add(c, st, n - 1, "i");  // huole-n -> huoli
    if (plural_ok && last == 'i' && n >= 4) {                 // the plural's i: hyvi-ssä -> hyvä
        add(c, st, n - 1, "A");
        if (st[n - 2] == 'e') add(c, st, n - 1, "");          // asei-ta -> ase
        if (st[n - 2] == 's') add(c, st, n - 2, "nen");       // onnellisi-a -> onnellinen
        if (n >= 5 && st[n - 2] == 'i' && st[n - 3] == 'i') add(c, st, n - 2, "s");
        if (n >= 5 && st[n - 2] == 's' && st[n - 3] == 'k') add(c, st, n - 3, "s");  // kiitoksi-a -> kiitos
    }
    if (plural_ok && last == 'j') add(c, st, n - 1, "");      // talo-j-a -> talo
    static const struct { Pattern tail; const char *base; } rewrites[] = {
        {P("se"), "nen"}, {P("s"), "nen"}, {P("kse"), "s"}, {P("ii"), "is"}, {P("ee"), "e"}, {P("de"), "si"},
        {P("ttomA"), "tOn"}, {P("mpA"), "mpi"}, {P("mmA"), "mpi"},
    };
    for (size_t r = 0; r < sizeof rewrites / sizeof *rewrites; r++) {
        size_t t = ends_in(c, st, n, rewrites[r].tail, 2);
        if (t) add(c, st, n - t, rewrites[r].base);
    }
}

// A verb stem left by a personal, tense or participle ending, or `bare` (the imperative and
// the connegative: "ei onnistu", "älä hermoile"): the infinitives it can come from.
static void verbal(Candidates *c, const uint8_t *st, size_t n, bool bare) {
    if (n < 2) return;
    uint8_t last = st[n - 1], before = st[n - 2];
    if (is_vowel(last)) {
        add(c, st, n, "A");                                   // sopi-n -> sopia
        if (n >= 4 && last == before) add(c, st, n - 1, "A");  // sopii -> sopia
        uint8_t a = c->front ? AE : 'a';
        if (last == a && is_vowel(before)) add(c, st, n - 1, "tA");  // halua-n -> haluta
        // (A bare -ne or -re is mostly a noun: "kone" is no "konna".)
        if (last == 'e' && (before == 'l' || (!bare && (before == 'n' || before == 'r')))) {
            uint8_t tail[2] = {before, a};
            add_bytes(c, st, n - 1, tail, 2);                 // kuole-n -> kuolla
        }
        if (last == 'e' && before == 's') add(c, st, n - 1, "tA");          // nouse-n -> nousta
        if (n >= 4 && memcmp(st + n - 4, "itse", 4) == 0) add(c, st, n - 4, "itA");  // tarvitse-n -> tarvita
        if (is_vowel(before) && (last == before || last == 'i' || (before == 'u' && last == 'o') ||
                                 (before == 'y' && last == OE) || (before == 'i' && last == 'e')))
            add(c, st, n, "dA");                              // saa-n -> saada, juo-n -> juoda
    } else if (last == 'l' || last == 'n' || last == 'r') {
        uint8_t tail[2] = {last, c->front ? AE : 'a'};
        add_bytes(c, st, n, tail, 2);                         // kuol-i -> kuolla
    }
}

// The stem with its last weak consonant in the strong grade, in its last syllable: soda ->
// sota, odota -> odotta, ammu -> ampu.
typedef struct Graded {
    uint8_t bytes[MAX_WORD + 2];
    size_t length;
} Graded;

static size_t strong_grades(const uint8_t *st, size_t n, Graded *out, size_t max) {
    static const struct { Pattern weak, strong; } pairs[] = {
        {P("k"), P("kk")}, {P("p"), P("pp")}, {P("t"), P("tt")}, {P("ng"), P("nk")}, {P("mm"), P("mp")},
        {P("ll"), P("lt")}, {P("nn"), P("nt")}, {P("rr"), P("rt")}, {P("v"), P("p")}, {P("d"), P("t")},
    };
    size_t count = 0;
    for (size_t p = 0; p < sizeof pairs / sizeof *pairs && count < max; p++) {
        size_t wl = pairs[p].weak.length, sl = pairs[p].strong.length;
        if (n < wl + 2 || n - wl + sl > MAX_WORD) continue;
        // The last occurrence, between vowels, with at most two letters after it.
        size_t i = n - wl, lowest = n >= wl + 2 ? n - wl - 2 : 0;
        while (i > lowest && memcmp(st + i, pairs[p].weak.text, wl) != 0) i--;
        if (i == 0 || memcmp(st + i, pairs[p].weak.text, wl) != 0 || !is_vowel(st[i - 1]) || i + wl >= n || !is_vowel(st[i + wl])) continue;
        Graded *g = &out[count++];
        memcpy(g->bytes, st, i);
        memcpy(g->bytes + i, pairs[p].strong.text, sl);
        memcpy(g->bytes + i + sl, st + i + wl, n - i - wl);
        g->length = n - wl + sl;
    }
    return count;
}

static const Pattern CLITICS[] = {P("kin"), P("kAAn"), P("hAn"), P("pA"), P("kO")};
static const Pattern POSSESSIVES[] = {P("ni"), P("si"), P("mme"), P("nne"), P("nsA")};
static const Pattern ADVERB = P("sti");
// Case endings; whether the plural's i may stand before them (not before the singular's
// genitive -n or the plural nominative -t); whether the singular takes the weak grade before
// them; and the partitive -tA, after which a consonant stem is an i-noun's ("huol-ta").
static const struct { Pattern ending; bool plural, weak, partitive_ta; } CASES[] = {
    {P("ssA"), true, true, false}, {P("stA"), true, true, false}, {P("llA"), true, true, false},
    {P("ltA"), true, true, false}, {P("lle"), true, true, false}, {P("nA"), true, false, false},
    {P("ksi"), true, true, false}, {P("ttA"), true, true, false}, {P("ne"), true, false, false},
    {P("n"), false, true, false}, {P("t"), false, true, false}, {P("tA"), true, false, true},
    {P("A"), true, false, false}, {P("seen"), false, false, false}, {P("siin"), false, false, false},
    {P("en"), true, false, false}, {P("den"), true, false, false}, {P("tten"), true, false, false},
    {P("hin"), true, false, false}, {P("in"), true, false, false},
};
// Verb endings; whether they are personal endings, before which a strong-grade stem is weak.
static const struct { Pattern ending; bool personal; } VERB_ENDINGS[] = {
    {P("n"), true}, {P("t"), true}, {P("mme"), true}, {P("tte"), true}, {P("vAt"), false}, {P("isi"), false},
    {P("isin"), false}, {P("isit"), false}, {P("isimme"), false}, {P("isitte"), false}, {P("isivAt"), false},
    {P("kAA"), false}, {P("tAAn"), false}, {P("ttiin"), false}, {P("nUt"), false}, {P("neet"), false},
    {P("ttU"), false}, {P("tUt"), false}, {P("mAAn"), false}, {P("in"), false}, {P("it"), false},
    {P("imme"), false}, {P("itte"), false}, {P("ivAt"), false}, {P("i"), false}, {P("nee"), false},
};

static void nominal_with_grades(Candidates *c, const uint8_t *st, size_t n, bool plural, bool partitive_ta, bool weak) {
    nominal(c, st, n, plural, partitive_ta);
    // Singular oblique cases take the weak grade: soda-ssa -> sota, avu-ksi -> apu.
    if (!weak || n < 3 || !is_vowel(st[n - 1]) || is_vowel(st[n - 2])) return;
    Graded strong[4];
    size_t count = strong_grades(st, n, strong, 4);
    for (size_t k = 0; k < count; k++) nominal(c, strong[k].bytes, strong[k].length, plural, partitive_ta);
}

// The candidates of Latin-1 `word`, in no order.
static void generate(Candidates *c, const uint8_t *word, size_t length) {
    // Clitics, up to two ("-kin", "-hAn", ...).
    uint8_t forms[4][MAX_WORD];
    size_t form_lengths[4], form_count = 0;
    memcpy(forms[0], word, length);
    form_lengths[form_count++] = length;
    for (size_t f = 0; f < form_count && form_count < 3; f++) {
        for (size_t k = 0; k < sizeof CLITICS / sizeof *CLITICS && form_count < 3; k++) {
            size_t e = ends_in(c, forms[f], form_lengths[f], CLITICS[k], 3);
            if (!e) continue;
            memcpy(forms[form_count], forms[f], form_lengths[f] - e);
            form_lengths[form_count++] = form_lengths[f] - e;
        }
    }
    for (size_t f = 0; f < form_count; f++) {
        const uint8_t *g0 = forms[f];
        size_t n0 = form_lengths[f];
        // Possessives ("-ni", "-nsA"), and the 3rd person's long vowel + n ("talossaan").
        size_t stems[8], stem_count = 0;
        stems[stem_count++] = n0;
        for (size_t k = 0; k < sizeof POSSESSIVES / sizeof *POSSESSIVES; k++) {
            size_t e = ends_in(c, g0, n0, POSSESSIVES[k], 3);
            if (e) stems[stem_count++] = n0 - e;
        }
        if (n0 >= 5 && g0[n0 - 1] == 'n' && is_vowel(g0[n0 - 2]) && g0[n0 - 3] == g0[n0 - 2]) stems[stem_count++] = n0 - 2;
        for (size_t s = 0; s < stem_count; s++) {
            size_t n = stems[s];
            for (size_t k = 0; k < sizeof CASES / sizeof *CASES; k++) {
                size_t e = ends_in(c, g0, n, CASES[k].ending, 2);
                if (e) nominal_with_grades(c, g0, n - e, CASES[k].plural, CASES[k].partitive_ta, CASES[k].weak);
            }
            // Illative: a long vowel and n ("taloon" -> "talo").
            if (n >= 5 && g0[n - 1] == 'n' && is_vowel(g0[n - 2]) && g0[n - 3] == g0[n - 2]) nominal(c, g0, n - 2, false, false);
        }
        if (n0 >= 6 && ends_in(c, g0, n0, ADVERB, 3)) nominal(c, g0, n0 - 3, false, false);  // varma-sti
        for (size_t k = 0; k < sizeof VERB_ENDINGS / sizeof *VERB_ENDINGS; k++) {
            size_t e = ends_in(c, g0, n0, VERB_ENDINGS[k].ending, 3);
            if (!e) continue;
            size_t n = n0 - e;
            verbal(c, g0, n, false);
            // The personal forms of a strong-grade infinitive take the weak grade: odota-n -> odottaa.
            if (!VERB_ENDINGS[k].personal || !is_vowel(g0[n - 1]) || is_vowel(g0[n - 2])) continue;
            Graded strong[4];
            size_t count = strong_grades(g0, n, strong, 4);
            for (size_t j = 0; j < count; j++) verbal(c, strong[j].bytes, strong[j].length, false);
        }
    }
}

// Common beginning of a and b, in bytes.
static size_t common_prefix(const uint8_t *a, size_t an, const uint8_t *b, size_t bn) {
    size_t k = 0;
    while (k < an && k < bn && a[k] == b[k]) k++;
    return k;
}

// Appends the candidates to `out` as UTF-8, closest first: the longest common beginning with
// the word, then the order the rules wrote them in (a counting sort: the beginnings are at
// most MAX_WORD long). Returns how many were written.
static size_t emit(const Candidates *c, const uint8_t *latin, size_t n, uint8_t *out, size_t capacity, size_t *used,
                   uint32_t *lengths, size_t max_candidates) {
    size_t shared[MAX_CANDIDATES], starts[MAX_WORD + 2] = {0}, order[MAX_CANDIDATES];
    for (size_t k = 0; k < c->count; k++) {
        shared[k] = common_prefix(c->bytes[k], c->lengths[k], latin, n);
        starts[MAX_WORD - shared[k] + 1]++;
    }
    for (size_t k = 1; k <= MAX_WORD + 1; k++) starts[k] += starts[k - 1];
    for (size_t k = 0; k < c->count; k++) order[starts[MAX_WORD - shared[k]]++] = k;
    size_t count = 0;
    for (size_t a = 0; a < c->count && count < max_candidates; a++) {
        const uint8_t *cand = c->bytes[order[a]];
        size_t m = c->lengths[order[a]];
        if (m == n && memcmp(cand, latin, n) == 0) continue;  // the word itself was looked up already
        size_t bytes = 0;
        for (size_t k = 0; k < m; k++) bytes += cand[k] >= 0x80 ? 2 : 1;
        if (*used + bytes > capacity) break;
        for (size_t k = 0; k < m; k++) {
            if (cand[k] >= 0x80) { out[(*used)++] = 0xC3; out[(*used)++] = (uint8_t)(cand[k] - 0x40); }
            else out[(*used)++] = cand[k];
        }
        lengths[count++] = (uint32_t)bytes;
    }
    return count;
}

size_t finnish_base_forms(const uint8_t *word, size_t length, uint8_t *out, size_t capacity,
                          uint32_t *lengths, size_t max_candidates) {
    // To Latin-1: ä, ö, å (and the rest of U+00C0-U+00FF) are one byte each.
    uint8_t latin[MAX_WORD];
    size_t n = 0;
    for (size_t i = 0; i < length; i++) {
        if (n == MAX_WORD) return 0;
        uint8_t b = word[i];
        if (b < 0x80) {
            if ((uint8_t)(b - 'a') >= 26) return 0;         // letters only: no digits, hyphens, apostrophes
            latin[n++] = b;
        } else if (b == 0xC3 && i + 1 < length && word[i + 1] >= 0x80 && word[i + 1] < 0xC0) {
            latin[n++] = (uint8_t)(word[++i] + 0x40);
        } else {
            return 0;
        }
    }
    if (n < 4) return 0;
    static _Thread_local Candidates c;  // 5 KiB: kept off the stack
    c.count = 0;
    c.front = false;
    bool back = false;
    for (size_t i = 0; i < n; i++) {
        if (latin[i] == AE || latin[i] == OE || latin[i] == 'y') c.front = true;
        if (latin[i] == 'a' || latin[i] == 'o' || latin[i] == 'u') back = true;
    }
    if (back) c.front = false;
    generate(&c, latin, n);
    size_t used = 0;
    size_t count = emit(&c, latin, n, out, capacity, &used, lengths, max_candidates);
    // Last, the word as a bare verb stem: behind the rest, since most such words are nouns
    // ("kaunista" is kaunis, not kaunistaa).
    c.count = 0;
    verbal(&c, latin, n, true);
    return count + emit(&c, latin, n, out, capacity, &used, lengths + count, max_candidates - count);
}
