// CSavyICU: word breaking, key normalisation and code point properties from ICU,
// behind a header that includes no ICU header (Foundation on Linux carries its own ICU,
// and a Swift module that can see both fails to compile).
#ifndef CSAVYICU_H
#define CSAVYICU_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Reusable ICU state: a word break iterator and UTF-16 buffers. Not thread-safe:
/// use one per thread (the kernel keeps one per scratch).
typedef struct CSavyICU_Context CSavyICU_Context;

/// Returns NULL when ICU cannot open its word break rules.
CSavyICU_Context *CSavyICU_Context_create(void);
void CSavyICU_Context_destroy(CSavyICU_Context *context);

/// A half-open byte range [start, end) in the UTF-8 text given to a call.
typedef struct CSavyICU_Span {
    uint32_t start;
    uint32_t end;
} CSavyICU_Span;

/// Splits `text[0, length)` at UAX #29 word boundaries (ICU root rules).
/// `spans` must have room for `length` entries (a segment is never empty).
/// Invalid UTF-8 is read as U+FFFD, one per maximal invalid subpart; their number is
/// added to `*invalid_count`. Returns the number of segments, or SIZE_MAX if ICU failed.
size_t CSavyICU_segment_words(CSavyICU_Context *context, const uint8_t *text, size_t length,
                              CSavyICU_Span *spans, size_t *invalid_count);

/// Writes the lookup key of `text[0, length)`: NFKC_Casefold, then U+2018/U+2019 mapped to
/// an ASCII apostrophe. Returns the key's byte length; when it exceeds `capacity` nothing
/// useful was written and the call must be repeated with more room. SIZE_MAX if ICU failed.
size_t CSavyICU_fold_key(CSavyICU_Context *context, const uint8_t *text, size_t length,
                         uint8_t *out, size_t capacity);

/// Code point properties used by the tokenizer.
enum {
    CSavyICU_ALPHABETIC = 1 << 0,
    CSavyICU_DIGIT = 1 << 1,          // general category Nd
    CSavyICU_UPPERCASE = 1 << 2,
    CSavyICU_LOWERCASE = 1 << 3,
    CSavyICU_PICTOGRAPHIC = 1 << 4,   // Extended_Pictographic or Regional_Indicator
    CSavyICU_WHITESPACE = 1 << 5,
    CSavyICU_EMOJI_MODIFIER = 1 << 6, // skin tones and U+FE0F, ignored in emoji keys
};

uint32_t CSavyICU_properties(uint32_t code_point);

/// Decodes one code point from UTF-8 at `text[0, length)` (length > 0). Invalid input
/// yields U+FFFD and consumes the maximal invalid subpart (at least one byte), as ICU does.
uint32_t CSavyICU_decode_utf8(const uint8_t *text, size_t length, size_t *consumed, int *invalid);

#ifdef __cplusplus
}
#endif

#endif
