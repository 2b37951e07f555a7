// CSavyKernel: Savy's hot path. Bytes -> tokens -> lexicon hits -> rules -> scores.
//
// - A lexicon is built once (CSavyKernel_Builder), then immutable and shared by all threads.
// - A scratch holds every per-call buffer; one per thread. Its buffers grow geometrically
//   and are reused, so scoring allocates nothing per token or per text once warm.
// - CSavyKernel_score_batch scores N texts held in one contiguous UTF-8 buffer.
#ifndef CSAVYKERNEL_H
#define CSAVYKERNEL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// MARK: - Languages

typedef enum CSavyKernel_Language {
    CSavyKernel_LanguageUndetermined = 0,
    CSavyKernel_LanguageEnglish = 1,
    CSavyKernel_LanguageFinnish = 2,
} CSavyKernel_Language;

// MARK: - Lexicon

/// What a lexicon term is, which decides how text is matched against it.
typedef enum CSavyKernel_TermKind {
    CSavyKernel_TermWord = 0,      // a word or a phrase of words ("good", "kind of"), case-insensitive
    CSavyKernel_TermEmoticon = 1,  // a literal character sequence (":)", "xD"), case-sensitive
    CSavyKernel_TermEmoji = 2,     // an emoji; skin tones and variation selectors are ignored
    CSavyKernel_TermNormalisation = 3,  // a spoken form read as a standard one (removal only)
} CSavyKernel_TermKind;

/// Roles a word or phrase plays for the rules (a term can also carry a valence).
typedef enum CSavyKernel_Role {
    CSavyKernel_RoleNone = 0,
    CSavyKernel_RoleBooster = 1,      // value: increment added to a following sentiment word
    CSavyKernel_RoleDampener = 2,     // value: (negative) increment
    CSavyKernel_RoleNegator = 3,      // value: multiplier applied to sentiment words in its scope
    CSavyKernel_RoleNegatorNext = 4,  // value: multiplier applied to the next word only ("least")
    CSavyKernel_RoleContrast = 5,     // value: weight of what follows it in the sentence ("but")
    CSavyKernel_RoleConcession = 6,   // value: weight of its own clause ("although")
    CSavyKernel_RoleMask = 7,         // a phrase whose words carry no sentiment and no role ("at least")
    CSavyKernel_RoleDiscourse = 8,    // no sentiment when it opens a sentence before a comma ("Well, ...")
    CSavyKernel_RoleIrrealis = 9,     // value: weight of sentiment later in its clause ("would", "if")
    CSavyKernel_RoleNegRaising = 10,  // a negation before it reaches over its complement ("don't think")
    CSavyKernel_RoleSoftener = 11,    // value: added to a following positive word only ("ihan hyvä")
    CSavyKernel_RolePolarity = 12,    // negative polarity: an open negation reaches its clause end ("yhtään")
    // Polarity reversers: a verb or noun that takes its object away ("fixed the problem",
    // "lost my trust"); value: multiplier applied to the following words of that sign.
    CSavyKernel_RoleReversesNegative = 13,  // "fix", "solve", "korjata": a problem fixed is good
    CSavyKernel_RoleReversesPositive = 14,  // "lose", "ruin", "menettää": trust lost is bad
    CSavyKernel_RoleFeeling = 15,     // the hearer's own bad feeling, consoled by a prohibition ("don't worry", "älä pelkää"); value: the multiplier
    CSavyKernel_RoleReply = 16,       // a phrase that is a formula only as a whole clause ("Ei kestä!": you're welcome; "se ei kestä": it won't last)
    CSavyKernel_RoleCount = 17
} CSavyKernel_Role;

typedef struct CSavyKernel_Builder CSavyKernel_Builder;
typedef struct CSavyKernel_Lexicon CSavyKernel_Lexicon;

/// A builder for one language's lexicon; the language picks the rules and morphology used
/// with it.
CSavyKernel_Builder *CSavyKernel_Builder_create(CSavyKernel_Language language);
void CSavyKernel_Builder_destroy(CSavyKernel_Builder *builder);

/// Status of a builder call. On error, `message` names the problem.
typedef struct CSavyKernel_BuildStatus {
    int ok;
    int missing;        // a removal found no such entry
    char message[160];
} CSavyKernel_BuildStatus;

/// Sets the valence of a term (adding it, or overriding one from an earlier source). `source`
/// is an index the caller uses to name the file the entry came from; it is echoed in
/// evidence. Setting the same term twice from one source is an error: two lines of a file
/// that mean the same entry once folded ("❤" and "❤️", "Hyvä" and "hyvä").
CSavyKernel_BuildStatus CSavyKernel_Builder_set_valence(CSavyKernel_Builder *builder,
    const uint8_t *term, size_t length, CSavyKernel_TermKind kind, float valence, uint32_t source);

/// Sets the rule role of a word or phrase (the same rules for sources apply).
CSavyKernel_BuildStatus CSavyKernel_Builder_set_role(CSavyKernel_Builder *builder,
    const uint8_t *term, size_t length, CSavyKernel_Role role, float value, uint32_t source);

/// What a word or phrase signals for tone, politeness and empathy (a term can carry several
/// cues, up to CSavyKernel_MaxCuesPerTerm, besides its valence and role).
typedef enum CSavyKernel_Cue {
    // Tones; the weight is a noisy-or probability: score = 1 - prod(1 - weight).
    CSavyKernel_CueFrustration = 0,
    CSavyKernel_CueAnger = 1,
    CSavyKernel_CueSadness = 2,
    CSavyKernel_CueAnxiety = 3,
    CSavyKernel_CueSatisfaction = 4,
    CSavyKernel_CueGratitude = 5,
    CSavyKernel_CueProfanity = 6,
    // Politeness markers (Danescu-Niculescu-Mizil et al. 2013); the weight is unused (1).
    CSavyKernel_CueApology = 7,
    CSavyKernel_CueGreeting = 8,
    CSavyKernel_CuePlease = 9,            // "please": at a sentence's start it is a demand
    CSavyKernel_CueIndirectRequest = 10,  // "could you", "would you mind"
    CSavyKernel_CueDirectRequest = 11,    // "can you", "will you"
    CSavyKernel_CueHedge = 12,
    CSavyKernel_CueDeference = 13,        // phrases anywhere; single words only opening a sentence
    CSavyKernel_CueFactuality = 14,
    CSavyKernel_CueByTheWay = 15,
    CSavyKernel_CueQuestionWord = 16,     // opening a question: a direct question
    CSavyKernel_CueConjunction = 17,      // opening a sentence: a direct start ("So ...")
    CSavyKernel_CueFirstPerson = 18,
    CSavyKernel_CueFirstPersonPlural = 19,
    CSavyKernel_CueSecondPerson = 20,
    CSavyKernel_CueCommand = 21,          // an imperative verb opening a sentence ("Send ...")
    CSavyKernel_CueReassurance = 22,
    // Empathy (EPITOME) and caring; the weight of the three mechanisms is their level, 1 or 2.
    CSavyKernel_CueEmotionalReaction = 23,
    CSavyKernel_CueInterpretation = 24,
    CSavyKernel_CueExploration = 25,
    CSavyKernel_CueOwnership = 26,
    CSavyKernel_CueBlame = 27,
    CSavyKernel_CueDismissal = 28,
    CSavyKernel_CuePolicy = 29,           // refusing by citing rules ("per our policy")
    CSavyKernel_CueReference = 30,        // taking up the customer's words ("you mentioned", "kerroit")
    CSavyKernel_CueCount = 31
} CSavyKernel_Cue;

enum { CSavyKernel_MaxCuesPerTerm = 4 };

/// Sets a cue of a word or phrase (one line of a cue lexicon); the same rules for sources
/// apply. `weight` is in (0, 1] for tones, 1 or 2 for the empathy mechanisms.
CSavyKernel_BuildStatus CSavyKernel_Builder_set_cue(CSavyKernel_Builder *builder,
    const uint8_t *term, size_t length, CSavyKernel_Cue cue, float weight, uint32_t source);

/// Removes one cue of a term.
CSavyKernel_BuildStatus CSavyKernel_Builder_remove_cue(CSavyKernel_Builder *builder,
    const uint8_t *term, size_t length, CSavyKernel_Cue cue);

/// Reads the spoken form `form` (one word, folded like text) as `standard` before lookup
/// ("mä" -> "minä", "kiitti" -> "kiitos").
CSavyKernel_BuildStatus CSavyKernel_Builder_set_normalisation(CSavyKernel_Builder *builder,
    const uint8_t *form, size_t form_length, const uint8_t *standard, size_t standard_length, uint32_t source);

/// Removes a term's valence (`remove_role` = 0) or its role (`remove_role` = 1), or, for
/// CSavyKernel_TermNormalisation, a spoken form's reading.
CSavyKernel_BuildStatus CSavyKernel_Builder_remove(CSavyKernel_Builder *builder,
    const uint8_t *term, size_t length, CSavyKernel_TermKind kind, int remove_role);

/// Compiles the entries into an immutable lexicon. The builder stays usable.
CSavyKernel_Lexicon *CSavyKernel_Builder_finish(const CSavyKernel_Builder *builder);

void CSavyKernel_Lexicon_destroy(CSavyKernel_Lexicon *lexicon);

/// Number of sentiment entries (words, phrases, emoticons and emoji with a valence or a role)
/// in the lexicon; entries that only carry tone cues are not counted.
size_t CSavyKernel_Lexicon_count(const CSavyKernel_Lexicon *lexicon);

CSavyKernel_Language CSavyKernel_Lexicon_language(const CSavyKernel_Lexicon *lexicon);

// MARK: - Finnish morphology

/// Voikko, loaded at run time (dlopen of libvoikko.so.1), with a lemma cache shared by all
/// threads. Thread-safe; each scratch opens its own Voikko handle.
typedef struct CSavyKernel_Morphology CSavyKernel_Morphology;

/// NULL when Voikko or its Finnish dictionary is missing; `error` then says which.
CSavyKernel_Morphology *CSavyKernel_Morphology_create_finnish(char *error, size_t error_capacity);
void CSavyKernel_Morphology_destroy(CSavyKernel_Morphology *morphology);
/// Words analysed and cached so far.
size_t CSavyKernel_Morphology_cached_words(CSavyKernel_Morphology *morphology);

/// The lexicons a batch is scored with.
typedef struct CSavyKernel_Languages {
    const CSavyKernel_Lexicon *english;   // required
    const CSavyKernel_Lexicon *finnish;   // NULL: Finnish texts are scored as English
    CSavyKernel_Morphology *finnish_morphology;  // NULL: Finnish words are looked up by surface form
    CSavyKernel_Language fixed;           // Undetermined: detect each text's language
} CSavyKernel_Languages;

// MARK: - Scratch

typedef struct CSavyKernel_Scratch CSavyKernel_Scratch;

CSavyKernel_Scratch *CSavyKernel_Scratch_create(void);
void CSavyKernel_Scratch_destroy(CSavyKernel_Scratch *scratch);

// MARK: - Tokens (exposed for tests, tools and the differential check of the fast path)

typedef enum CSavyKernel_TokenKind {
    CSavyKernel_TokenWord = 0,
    CSavyKernel_TokenNumber = 1,
    CSavyKernel_TokenPunct = 2,
    CSavyKernel_TokenEmoticon = 3,
    CSavyKernel_TokenEmoji = 4,
    CSavyKernel_TokenURL = 5,
    CSavyKernel_TokenEmail = 6,
    CSavyKernel_TokenMention = 7,
} CSavyKernel_TokenKind;

enum {
    CSavyKernel_TokenAllCaps = 1 << 0,     // two or more letters, all upper case
    CSavyKernel_TokenHyphenated = 1 << 1,  // joined across '-' ("ei-toivottu", "well-known")
    CSavyKernel_TokenHasLower = 1 << 2,    // at least one lower-case letter
};

typedef struct CSavyKernel_Token {
    uint32_t start, end;       // byte range in the text
    uint32_t key_offset;       // into the scratch's key buffer
    uint32_t key_length;
    uint8_t kind;              // CSavyKernel_TokenKind
    uint8_t flags;
    uint16_t reserved;
} CSavyKernel_Token;

typedef enum CSavyKernel_Path {
    CSavyKernel_PathAuto = 0,  // the fast path when it covers the text, ICU otherwise
    CSavyKernel_PathICU = 1,   // always ICU (the reference)
} CSavyKernel_Path;

/// Tokenizes one text into the scratch. Returns the token count (SIZE_MAX on failure);
/// `*tokens` and `*keys` point into the scratch and stay valid until its next use.
/// `*used_fast_path` tells which path ran.
size_t CSavyKernel_tokenize(const CSavyKernel_Lexicon *lexicon, CSavyKernel_Scratch *scratch,
    const uint8_t *text, size_t length, CSavyKernel_Path path,
    const CSavyKernel_Token **tokens, const uint8_t **keys, int *used_fast_path);

/// The language of the text last tokenized into `scratch`, with a confidence in [0.5, 1]
/// (0 when undetermined: no words, or no evidence either way).
CSavyKernel_Language CSavyKernel_detect_language(const CSavyKernel_Scratch *scratch, float *confidence);

// MARK: - Scoring

/// Politeness strategies found in a text (bits of CSavyKernel_Tone.strategies).
typedef enum CSavyKernel_Strategy {
    CSavyKernel_StrategyGratitude = 0,
    CSavyKernel_StrategyApology = 1,
    CSavyKernel_StrategyGreeting = 2,
    CSavyKernel_StrategyPlease = 3,             // "please" inside a sentence
    CSavyKernel_StrategyPleaseStart = 4,        // "Please do not ..."
    CSavyKernel_StrategyIndirectRequest = 5,    // "could you", "voisitko", "olisiko mahdollista"
    CSavyKernel_StrategyDirectRequest = 6,      // "can you", "voitko"
    CSavyKernel_StrategyHedge = 7,
    CSavyKernel_StrategyDeference = 8,
    CSavyKernel_StrategyFactuality = 9,
    CSavyKernel_StrategyByTheWay = 10,
    CSavyKernel_StrategyDirectQuestion = 11,    // "Why did you ...?"
    CSavyKernel_StrategyDirectStart = 12,       // "So can you ..."
    CSavyKernel_StrategyFirstPersonStart = 13,
    CSavyKernel_StrategyFirstPerson = 14,
    CSavyKernel_StrategyFirstPersonPlural = 15,
    CSavyKernel_StrategySecondPerson = 16,
    CSavyKernel_StrategySecondPersonStart = 17,
    CSavyKernel_StrategySwearing = 18,
    CSavyKernel_StrategyReassurance = 19,
    CSavyKernel_StrategyCommand = 20,           // a bare imperative ("Send it.", "lähetä")
    CSavyKernel_StrategySoftenedCommand = 21,   // Finnish -pA / -hAn ("lähetäpä", "ilmoitathan")
    CSavyKernel_StrategyFormalAddress = 22,     // Finnish teitittely ("voisitteko", "teidän")
    CSavyKernel_StrategyPositiveLexicon = 23,
    CSavyKernel_StrategyNegativeLexicon = 24,
    CSavyKernel_StrategyShouting = 25,
    CSavyKernel_StrategyCount = 26
} CSavyKernel_Strategy;

/// Caring and uncaring elements of an agent turn (bits of CSavyKernel_Tone.caring).
enum {
    CSavyKernel_CaringOwnership = 1 << 0,
    CSavyKernel_CaringReassurance = 1 << 1,
    CSavyKernel_CaringBlame = 1 << 2,
    CSavyKernel_CaringDismissal = 1 << 3,
    CSavyKernel_CaringPolicy = 1 << 4,
    CSavyKernel_CaringPersonalisation = 1 << 5,  // set by the caller, which knows the customer
};

enum { CSavyKernel_MaxProfanity = 4 };

/// Tone, politeness and empathy of one text.
typedef struct CSavyKernel_Tone {
    float tones[7];            // CSavyKernel_Cue order, frustration ... profanity; each in [0, 1]
    float politeness;          // in [-1, 1]
    float politeness_sum;      // the strategies' summed weights before squashing
    float shouting;            // in [0, 1]
    float empathy;             // in [0, 1] (CSavyKernel_empathy_score)
    uint32_t strategies;       // bits of CSavyKernel_Strategy
    uint16_t caps_words;       // shouted words: ALL-CAPS words of 4+ letters, or in a run of 2+
    uint8_t exclamation_runs;  // "!!", "!!!", "?!" (saturating)
    uint8_t question_runs;     // "??" (saturating)
    uint8_t emotional_reaction, interpretation, exploration;  // 0, 1 or 2
    uint8_t caring;            // CSavyKernel_Caring* bits
    uint8_t profanity_count;   // swear words found (the first CSavyKernel_MaxProfanity are kept)
    uint8_t reserved[3];
    uint32_t profanity[CSavyKernel_MaxProfanity][2];  // their byte ranges, as written
} CSavyKernel_Tone;

/// The empathy score in [0, 1] from the mechanisms' levels and the caring bits.
float CSavyKernel_empathy_score(uint8_t emotional_reaction, uint8_t interpretation, uint8_t exploration, uint8_t caring);

/// One scored text.
typedef struct CSavyKernel_Result {
    CSavyKernel_Tone tone;
    float compound;            // in [-1, 1]
    float positive, neutral, negative;  // proportions, summing to 1 (neutral 1 for no words)
    float sum;                 // total valence before normalisation (= sum of evidence effects)
    uint32_t token_count;      // word-like tokens
    uint32_t hit_count;        // tokens or phrases with a lexicon valence
    uint32_t invalid_utf8;     // invalid UTF-8 sequences, each read as U+FFFD
    uint32_t first_invalid;    // byte offset of the first one (when invalid_utf8 > 0)
    uint32_t evidence_start;   // range in the evidence buffer (when evidence was asked for)
    uint32_t evidence_count;
    float language_confidence; // in [0.5, 1] for a detected language; 1 when fixed; 0 for und
    uint8_t used_fast_path;
    uint8_t status;            // 0 ok, 1 out of memory, 2 text longer than 4 GiB
    uint8_t language;          // CSavyKernel_Language the text was scored as (und: English rules)
    uint8_t reserved;
} CSavyKernel_Result;

/// What moved a score.
typedef enum CSavyKernel_EvidenceKind {
    CSavyKernel_EvidenceLexicon = 0,     // a word's valence (value: its valence)
    CSavyKernel_EvidencePhrase = 1,      // a multiword idiom's valence
    CSavyKernel_EvidenceEmoticon = 2,
    CSavyKernel_EvidenceEmoji = 3,
    CSavyKernel_EvidenceCaps = 4,        // ALL-CAPS emphasis in mixed-case text
    CSavyKernel_EvidenceBooster = 5,
    CSavyKernel_EvidenceDampener = 6,
    CSavyKernel_EvidenceNegation = 7,
    CSavyKernel_EvidenceLeast = 8,       // "least" before a word
    CSavyKernel_EvidenceContrast = 9,    // weighting around "but", "however"
    CSavyKernel_EvidenceConcession = 10, // weighting of an "although" clause
    CSavyKernel_EvidenceExclamation = 11,
    CSavyKernel_EvidenceQuestion = 12,
    CSavyKernel_EvidenceHyphenHead = 13, // a hyphenated word scored by its last part
    CSavyKernel_EvidenceInflection = 14, // a word scored through its uninflected form
    CSavyKernel_EvidenceIrrealis = 15,   // sentiment in a modal or conditional clause, not asserted
    CSavyKernel_EvidenceCompoundHead = 16,  // a compound scored by its last part ("asiakaspalvelu")
    CSavyKernel_EvidenceCompoundModifier = 17,  // a compound's first part boosting or scoring it ("huippuhyvä")
    CSavyKernel_EvidenceLexicalNegation = 18,   // "epä-" or "-ton/-tön" reversing a base ("toivoton")
    CSavyKernel_EvidenceReversal = 19,   // a reverser taking its object away ("fixed the problem")
    CSavyKernel_EvidenceProhibition = 20,  // a prohibition damping, not flipping, a negative word ("don't be rude")
    CSavyKernel_EvidenceReassurance = 21,  // a prohibition consoling a bad feeling ("don't be sad", "älä pelkää")
    // Tone, politeness and empathy: these do not move `sum`. `detail` says which.
    CSavyKernel_EvidenceTone = 22,       // a tone cue (detail: CSavyKernel_Cue; effect: its weight)
    CSavyKernel_EvidenceStrategy = 23,   // a politeness strategy (detail: CSavyKernel_Strategy; effect: its weight)
    CSavyKernel_EvidenceEmpathy = 24,    // an empathy or caring cue (detail: CSavyKernel_Cue; effect: level or 1)
    CSavyKernel_EvidenceKindCount = 25
} CSavyKernel_EvidenceKind;

typedef struct CSavyKernel_Evidence {
    uint32_t start, end;           // bytes of the word, phrase or punctuation that acted
    uint32_t target_start, target_end;  // bytes of the sentiment word it acted on
    float effect;                  // change to `sum`, in valence units
    uint32_t source;               // lexicon source index (lexicon evidence), else UINT32_MAX
    const uint8_t *term;           // the lexicon key that matched (a lemma; phrase words
    uint32_t term_length;          //   joined by 0x1F); NULL for rules without an entry
    uint8_t kind;                  // CSavyKernel_EvidenceKind
    uint8_t detail;                // for tone, strategy and empathy evidence: which one
    uint8_t reserved[2];
} CSavyKernel_Evidence;

/// Growable evidence storage owned by the caller (one per batch or per thread).
typedef struct CSavyKernel_EvidenceBuffer CSavyKernel_EvidenceBuffer;
CSavyKernel_EvidenceBuffer *CSavyKernel_EvidenceBuffer_create(void);
void CSavyKernel_EvidenceBuffer_destroy(CSavyKernel_EvidenceBuffer *buffer);
void CSavyKernel_EvidenceBuffer_clear(CSavyKernel_EvidenceBuffer *buffer);
const CSavyKernel_Evidence *CSavyKernel_EvidenceBuffer_data(const CSavyKernel_EvidenceBuffer *buffer);
size_t CSavyKernel_EvidenceBuffer_count(const CSavyKernel_EvidenceBuffer *buffer);

/// Scores `count` texts. Text i is `bytes[offsets[i], offsets[i + 1])`; `offsets` has
/// `count + 1` entries. Writes `results[0, count)`. When `evidence` is not NULL, the
/// evidence of every text is appended to it. Safe to call from many threads at once with
/// the same lexicon, as long as each thread has its own scratch and evidence buffer.
void CSavyKernel_score_batch(const CSavyKernel_Languages *languages, CSavyKernel_Scratch *scratch,
    const uint8_t *bytes, const uint64_t *offsets, size_t count,
    CSavyKernel_Result *results, CSavyKernel_EvidenceBuffer *evidence);

#ifdef __cplusplus
}
#endif

#endif
