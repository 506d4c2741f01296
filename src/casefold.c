/* Case folding, the one way words are compared: the tokenizer's terms and
 * stopwords, the key-term word lists and language detection all look words
 * up in lists that were folded this way. */
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* Unicode full case folding (Unicode 15, CaseFolding.txt, statuses C and
 * F, as utf8proc applies it), so "Straße" and "STRASSE" are one word. */
size_t pcs_casefold(const char *text, uint32_t a, uint32_t b, char *buf, size_t cap)
{
    size_t n = 0;
    for (uint32_t i = a; i < b;) {
        uint32_t cp;
        i += pcs_decode(text, i, &cp);
        if (cp < 0x80) {
            if (n + 1 >= cap)
                return SIZE_MAX;
            buf[n++] = (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
            continue;
        }
        utf8proc_int32_t out[4];
        utf8proc_ssize_t m = 1;
        if (pcs_is_apostrophe(cp)) {
            out[0] = '\'';
        } else if (pcs_is_hyphen(cp)) {
            out[0] = '-';
        } else {
            int bc = 0;
            m = utf8proc_decompose_char((utf8proc_int32_t)cp, out, 4, UTF8PROC_CASEFOLD, &bc);
            if (m < 1 || m > 4) {
                out[0] = (utf8proc_int32_t)cp;
                m = 1;
            }
        }
        for (utf8proc_ssize_t k = 0; k < m; k++) {
            utf8proc_uint8_t enc[4];
            size_t e = (size_t)utf8proc_encode_char(out[k], enc);
            if (n + e >= cap)
                return SIZE_MAX;
            memcpy(buf + n, enc, e);
            n += e;
        }
    }
    buf[n] = '\0';
    return n;
}
