// The only file of Savy that includes ICU headers.
#include "CSavyICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#pragma clang diagnostic warning "-Wall"
#pragma clang diagnostic warning "-Wextra"

struct CSavyICU_Context {
    UBreakIterator *breaker;
    const UNormalizer2 *fold;  // NFKC_Casefold, owned by ICU
    UChar *utf16;              // text converted to UTF-16
    uint32_t *utf16_to_byte;   // byte offset of each UTF-16 unit, plus one past the end
    UChar *folded;
    size_t capacity;           // units in utf16 / utf16_to_byte
    size_t folded_capacity;
};

CSavyICU_Context *CSavyICU_Context_create(void) {
    CSavyICU_Context *context = calloc(1, sizeof *context);
    if (!context) return NULL;
    UErrorCode status = U_ZERO_ERROR;
    context->breaker = ubrk_open(UBRK_WORD, "", NULL, 0, &status);
    context->fold = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) {
        CSavyICU_Context_destroy(context);
        return NULL;
    }
    return context;
}

void CSavyICU_Context_destroy(CSavyICU_Context *context) {
    if (!context) return;
    if (context->breaker) ubrk_close(context->breaker);
    free(context->utf16);
    free(context->utf16_to_byte);
    free(context->folded);
    free(context);
}

// Buffers grow geometrically and are kept: no allocation per text once warm.
static int reserve(CSavyICU_Context *context, size_t units) {
    if (units <= context->capacity) return 1;
    size_t capacity = context->capacity ? context->capacity : 256;
    while (capacity < units) capacity *= 2;
    UChar *utf16 = realloc(context->utf16, capacity * sizeof *utf16);
    if (!utf16) return 0;
    context->utf16 = utf16;
    uint32_t *map = realloc(context->utf16_to_byte, (capacity + 1) * sizeof *map);
    if (!map) return 0;
    context->utf16_to_byte = map;
    context->capacity = capacity;
    return 1;
}

uint32_t CSavyICU_decode_utf8(const uint8_t *s, size_t length, size_t *consumed, int *invalid) {
    uint8_t b0 = s[0];
    *invalid = 0;
    if (b0 < 0x80) {
        *consumed = 1;
        return b0;
    }
    uint32_t cp;
    size_t need;
    uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1; cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2; cp = b0 & 0x0F;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;  // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3; cp = b0 & 0x07;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        *consumed = 1;
        *invalid = 1;
        return 0xFFFD;
    }
    size_t i = 1;
    for (; i <= need; i++) {
        if (i >= length) break;
        uint8_t b = s[i];
        uint8_t low = (i == 1) ? lo : 0x80, high = (i == 1) ? hi : 0xBF;
        if (b < low || b > high) break;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (i <= need) {  // truncated or bad continuation: the maximal subpart is s[0, i)
        *consumed = i;
        *invalid = 1;
        return 0xFFFD;
    }
    *consumed = need + 1;
    return cp;
}

// Converts to UTF-16 with a map back to byte offsets. Returns the number of UTF-16 units.
static size_t to_utf16(CSavyICU_Context *context, const uint8_t *text, size_t length,
                       size_t *invalid_count) {
    size_t units = 0;
    for (size_t i = 0; i < length;) {
        size_t consumed;
        int invalid;
        uint32_t cp = CSavyICU_decode_utf8(text + i, length - i, &consumed, &invalid);
        if (invalid && invalid_count) (*invalid_count)++;
        if (cp >= 0x10000) {
            context->utf16[units] = (UChar)(0xD800 + ((cp - 0x10000) >> 10));
            context->utf16_to_byte[units++] = (uint32_t)i;
            context->utf16[units] = (UChar)(0xDC00 + ((cp - 0x10000) & 0x3FF));
            context->utf16_to_byte[units++] = (uint32_t)i;
        } else {
            context->utf16[units] = (UChar)cp;
            context->utf16_to_byte[units++] = (uint32_t)i;
        }
        i += consumed;
    }
    context->utf16_to_byte[units] = (uint32_t)length;
    return units;
}

size_t CSavyICU_segment_words(CSavyICU_Context *context, const uint8_t *text, size_t length,
                              CSavyICU_Span *spans, size_t *invalid_count) {
    if (length == 0) return 0;
    // A UTF-8 sequence of n bytes never needs more than n UTF-16 units.
    if (!reserve(context, length)) return SIZE_MAX;
    size_t units = to_utf16(context, text, length, invalid_count);
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(context->breaker, context->utf16, (int32_t)units, &status);
    if (U_FAILURE(status)) return SIZE_MAX;
    size_t count = 0;
    int32_t start = ubrk_first(context->breaker);
    for (int32_t end = ubrk_next(context->breaker); end != UBRK_DONE;
         start = end, end = ubrk_next(context->breaker)) {
        spans[count].start = context->utf16_to_byte[start];
        spans[count].end = context->utf16_to_byte[end];
        count++;
    }
    // Leave no pointer to our buffer inside the iterator.
    ubrk_setText(context->breaker, NULL, 0, &status);
    return count;
}

size_t CSavyICU_fold_key(CSavyICU_Context *context, const uint8_t *text, size_t length,
                         uint8_t *out, size_t capacity) {
    if (length == 0) return 0;
    if (!reserve(context, length)) return SIZE_MAX;
    size_t units = to_utf16(context, text, length, NULL);
    UErrorCode status = U_ZERO_ERROR;
    for (;;) {
        status = U_ZERO_ERROR;
        int32_t folded = unorm2_normalize(context->fold, context->utf16, (int32_t)units,
                                          context->folded, (int32_t)context->folded_capacity,
                                          &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            size_t capacity16 = (size_t)folded + 16;
            UChar *grown = realloc(context->folded, capacity16 * sizeof *grown);
            if (!grown) return SIZE_MAX;
            context->folded = grown;
            context->folded_capacity = capacity16;
            continue;
        }
        if (U_FAILURE(status)) return SIZE_MAX;
        // Typographic apostrophes fold to the ASCII one, so "don’t" and "don't" meet.
        for (int32_t i = 0; i < folded; i++) {
            if (context->folded[i] == 0x2019 || context->folded[i] == 0x2018) context->folded[i] = '\'';
        }
        int32_t written = 0;
        status = U_ZERO_ERROR;
        u_strToUTF8((char *)out, (int32_t)capacity, &written, context->folded, folded, &status);
        if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) return SIZE_MAX;
        return (size_t)written;
    }
}

uint32_t CSavyICU_properties(uint32_t cp) {
    UChar32 c = (UChar32)cp;
    uint32_t p = 0;
    if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) p |= CSavyICU_ALPHABETIC;
    if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER) p |= CSavyICU_DIGIT;
    if (u_hasBinaryProperty(c, UCHAR_UPPERCASE)) p |= CSavyICU_UPPERCASE;
    if (u_hasBinaryProperty(c, UCHAR_LOWERCASE)) p |= CSavyICU_LOWERCASE;
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
        u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR)) p |= CSavyICU_PICTOGRAPHIC;
    if (u_isUWhiteSpace(c)) p |= CSavyICU_WHITESPACE;
    if (u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER) || c == 0xFE0F || c == 0xFE0E) p |= CSavyICU_EMOJI_MODIFIER;
    return p;
}
