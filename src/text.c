/* Stage 1, text: validate UTF-8, NFC-normalise, tidy white space, and keep
 * the way back to the caller's byte offsets.
 *
 * Output invariants, relied on by every later stage: valid UTF-8 in NFC; no
 * NUL; line breaks are "\n"; every other white space or control character
 * is " " (runs are kept: segment.c reads a double space after a dateline);
 * soft hyphens and byte-order marks are gone. */
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* Might this code point change under NFC, alone or with what precedes it?
 * A conservative form of Unicode's NFC_Quick_Check (UAX #15, section 9):
 * combining marks, characters with a canonical decomposition, and
 * characters that compose with a preceding starter (utf8proc marks those
 * with comb_index >= 0x8000). Text with none of them is already NFC, so
 * the ~40 us utf8proc_map costs per article is only paid where needed. */
static bool may_change_under_nfc(utf8proc_int32_t cp)
{
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class != 0)
        return true;
    if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0)
        return true;
    if (p->comb_index != UINT16_MAX && p->comb_index >= 0x8000)
        return true;
    /* Hangul vowel and trailing jamo compose algorithmically (utf8proc also
     * folds U+11A7, TBase itself, into a preceding LV syllable). */
    return (cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A7 && cp <= 0x11C2);
}

typedef struct writer {
    char *out;
    size_t n;
    pcs_anchor *anchors;
    size_t n_anchors, cap_anchors;
    bool nomem;
} writer;

/* Record that output offset `out` corresponds to input offset `in`, if the
 * two no longer advance together. */
static void anchor(writer *w, size_t out, size_t in)
{
    if (w->n_anchors > 0) {
        const pcs_anchor *last = &w->anchors[w->n_anchors - 1];
        if (out - last->norm == in - last->orig)
            return;
        if (last->norm == out) {
            w->anchors[w->n_anchors - 1].orig = (uint32_t)in;
            return;
        }
    }
    if (!pcs_grow((void **)&w->anchors, &w->cap_anchors, w->n_anchors + 1,
                  sizeof *w->anchors)) {
        w->nomem = true;
        return;
    }
    w->anchors[w->n_anchors++] = (pcs_anchor){(uint32_t)out, (uint32_t)in};
}

static void put(writer *w, const char *s, size_t n)
{
    memcpy(w->out + w->n, s, n);
    w->n += n;
}

/* What a white space or control code point becomes: ' ', '\n', "" (drop)
 * or 0 (keep as it is). */
static int space_class(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x85: case 0x2028: case 0x2029:
        return '\n';
    case 0xAD: case 0xFEFF:
        return -1; /* soft hyphen, BOM inside text: drop */
    case 0x200B:
        return ' ';
    default:
        break;
    }
    if (cp < 0xA0)
        return cp >= 0x80 ? ' ' : 0; /* C1 controls */
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS ? ' ' : 0;
}

/* White space between and after HTML tags. */
static bool blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* White space from in[i]; where it ends. */
static size_t skip_blank(const unsigned char *in, size_t len, size_t i)
{
    while (i < len && blank(in[i]))
        i++;
    return i;
}

/* Does in[i, len) open with `tag` (lower case), in any case, followed by
 * '>' or white space? */
static bool opens_with(const unsigned char *in, size_t len, size_t i, const char *tag)
{
    size_t n = strlen(tag), j = 0;
    while (j < n && i + j < len && (in[i + j] | (in[i + j] >= 'A' ? 0x20 : 0)) == tag[j])
        j++;
    return j == n && i + n < len && (in[i + n] == '>' || blank(in[i + n]));
}

/* Does the text open, after white space and a byte-order mark, with an
 * HTML page's "<!DOCTYPE html" or "<html" tag (an XML declaration and
 * comments may come first, as XHTML and saved pages have them)? Its
 * summary would be tags and scripts. Only a whole page: wire copy writes
 * companies in angle brackets ("<Royal Bank of Canada> said"), and a text
 * may quote a tag. Reads at most the first 4 kB. */
static bool html_page(const unsigned char *in, size_t len)
{
    if (len > 4096)
        len = 4096;
    size_t i = skip_blank(in, len, len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0);
    for (;;) {
        const char *close = len - i >= 5 && memcmp(in + i, "<?xml", 5) == 0  ? "?>"
                            : len - i >= 4 && memcmp(in + i, "<!--", 4) == 0 ? "-->"
                                                                             : NULL;
        if (!close)
            break;
        size_t n = strlen(close), j = i + 2;
        while (j + n <= len && memcmp(in + j, close, n) != 0)
            j++;
        if (j + n > len)
            return false;
        i = skip_blank(in, len, j + n);
    }
    return opens_with(in, len, i, "<!doctype html") || opens_with(in, len, i, "<html");
}

/* What a file that is not text is, from its first bytes (the signatures
 * of file(1)'s magic database), for a message a reader can act on:
 * "binary data" alone leaves them guessing what went wrong with a saved
 * PDF or a Word file, and a UTF-16 file from a Windows editor is text in
 * the wrong encoding, not binary; a saved web page is markup, not the
 * article. NULL for anything else. */
static const char utf16_kind[] = "UTF-16 text, not UTF-8: convert it to UTF-8 first";
static const char utf32_kind[] = "UTF-32 text, not UTF-8: convert it to UTF-8 first";
static const char *not_text_kind(const unsigned char *in, size_t len)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *kind;
    } kinds[] = {
        {"\xFF\xFE\0\0", 4, utf32_kind},
        {"\0\0\xFE\xFF", 4, utf32_kind},
        {"\xFF\xFE", 2, utf16_kind},
        {"\xFE\xFF", 2, utf16_kind},
        {"%PDF-1.", 7, "a PDF document, not plain text: extract its text first"},
        {"PK\x03\x04", 4, "a ZIP archive (such as .docx, .odt or .epub), not plain text"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8,
         "an OLE2 document (such as .doc or .xls), not plain text"},
        {"\x1F\x8B", 2, "gzip-compressed data: decompress it first"},
        {"\x89PNG", 4, "a PNG image, not text"},
        {"\xFF\xD8\xFF", 3, "a JPEG image, not text"},
        {"GIF87a", 6, "a GIF image, not text"},
        {"GIF89a", 6, "a GIF image, not text"},
    };
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        if (len >= kinds[k].len && memcmp(in, kinds[k].magic, kinds[k].len) == 0)
            return kinds[k].kind;
    return html_page(in, len) ? "an HTML page, not plain text: extract its text first" : NULL;
}

/* Is text with a NUL byte UTF-16 without a byte-order mark? In text of
 * Latin letters every other byte is 0, from the first pair on. */
static bool utf16_without_bom(const unsigned char *in, size_t len)
{
    size_t n = (len < 64 ? len : 64) & ~(size_t)1, zero[2] = {0, 0};
    for (size_t i = 0; i < n; i++)
        zero[i & 1] += in[i] == 0;
    return n >= 4 && ((zero[0] == 0 && zero[1] == n / 2) || (zero[1] == 0 && zero[0] == n / 2));
}

/* Refuse what cannot be text before any work: over the size limit, a
 * known binary format or a NUL byte. *ascii tells whether every byte is
 * below 0x80. */
static precis_status check_input(const unsigned char *in, size_t len,
                                 const precis_options *options, bool *ascii,
                                 precis_error *err)
{
    if (len > options->max_bytes)
        return pcs_fail(err, PRECIS_ERR_TOO_LARGE, SIZE_MAX,
                        "%zu bytes is more than the limit of %zu", len,
                        options->max_bytes);
    const char *kind = not_text_kind(in, len);
    if (kind)
        return pcs_fail(err, PRECIS_ERR_BINARY, 0, "%s", kind);
    const unsigned char *nul = len ? memchr(in, 0, len) : NULL;
    if (nul && utf16_without_bom(in, len))
        return pcs_fail(err, PRECIS_ERR_BINARY, 0, "%s", utf16_kind);
    if (nul) {
        size_t at = (size_t)(nul - in);
        return pcs_fail(err, PRECIS_ERR_BINARY, at, "binary data (a NUL byte at byte %zu)", at);
    }
    /* Eight bytes at a time, without a branch per byte. */
    uint64_t high = 0;
    size_t i = 0;
    for (; len - i >= 8; i += 8)
        high |= pcs_load8(in + i);
    for (; i < len; i++)
        high |= in[i];
    *ascii = (high & 0x8080808080808080u) == 0;
    return PRECIS_OK;
}

/* The one pass over the input: where it is, and what it has seen. */
typedef struct scan {
    writer w;
    const unsigned char *in;
    size_t len, i;
    /* Where the last starter that NFC could compose with began, in input
     * and output, or SIZE_MAX. */
    size_t starter_in, starter_out;
    bool content;  /* a character other than white space was seen */
    bool repaired; /* invalid UTF-8 was replaced by U+FFFD */
} scan;

static void forget_starter(scan *s)
{
    s->starter_in = s->starter_out = SIZE_MAX;
}

static bool plain_ascii(unsigned char b)
{
    return (b >= 0x20 && b < 0x7F) || b == '\n';
}

/* Per byte of x, the top bit set where the byte is not plain_ascii, else
 * 0; *visible is set when a byte above ' ' is seen. Each test is exact per
 * byte (no carry crosses a byte: every sum stays below 0x100): a byte b
 * below 0x80 is below 0x20 when b + 0x60 has no top bit, above ' ' when
 * b + 0x5F has it, 0x7F when b + 0x01 has it; a line feed is the zero
 * byte of x ^ 0x0A.. (zero when its low seven bits and its top bit are). */
static uint64_t not_plain(uint64_t x, bool *visible)
{
    const uint64_t low7 = 0x7F7F7F7F7F7F7F7Fu, top = 0x8080808080808080u,
                   ones = 0x0101010101010101u;
    uint64_t l = x & low7;
    uint64_t control = ~(l + ones * 0x60) & ~x & top;
    uint64_t nl = x ^ (ones * '\n');
    uint64_t newline = ~(((nl & low7) + low7) | nl) & top;
    uint64_t del_or_high = ((l + ones) | x) & top;
    *visible |= ((l + ones * 0x5F) & ~x & top) != 0;
    return (control & ~newline) | del_or_high;
}

/* A run of printable ASCII and line feeds, most of any text, is copied as
 * it is (found eight bytes at a time: it was a third of this stage);
 * afterwards the last starter is its last byte unless that is white
 * space. */
static void copy_ascii_run(scan *s)
{
    size_t i = s->i, j = i;
    bool visible = false;
    for (; s->len - j >= 8; j += 8) {
        uint64_t x = pcs_load8(s->in + j);
        bool seen = false;
        if (not_plain(x, &seen))
            break;
        visible |= seen;
    }
    while (j < s->len && plain_ascii(s->in[j])) {
        visible |= s->in[j] > ' ';
        j++;
    }
    put(&s->w, (const char *)s->in + i, j - i);
    s->content |= visible;
    if (s->in[j - 1] > ' ')
        s->starter_in = j - 1, s->starter_out = s->w.n - 1;
    else
        forget_starter(s);
    s->i = j;
}

/* An ASCII control other than a line feed (the printable bytes are copied
 * in runs): CR and CR LF become "\n", the others and DEL " ". */
static void put_ascii(scan *s)
{
    unsigned char b = s->in[s->i];
    forget_starter(s);
    if (b == '\r') {
        s->w.out[s->w.n++] = '\n';
        s->i += (s->i + 1 < s->len && s->in[s->i + 1] == '\n') ? 2 : 1;
        anchor(&s->w, s->w.n, s->i);
        return;
    }
    if (b < 0x20 || b == 0x7F)
        b = ' ';
    s->w.out[s->w.n++] = (char)b;
    s->i++;
}

/* Normalise the smallest stretch NFC can touch: from the last starter
 * through every following code point that may change (the first one, k
 * bytes at s->i, does). */
static precis_status normalise_stretch(scan *s, size_t k, precis_error *err)
{
    size_t from_in = s->starter_in != SIZE_MAX ? s->starter_in : s->i;
    size_t from_out = s->starter_in != SIZE_MAX ? s->starter_out : s->w.n;
    size_t j = s->i + k;
    while (j < s->len && s->in[j] >= 0x80) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t m = utf8proc_iterate(s->in + j, (utf8proc_ssize_t)(s->len - j), &cp);
        if (m <= 0 || space_class(cp) != 0 || !may_change_under_nfc(cp))
            break;
        j += (size_t)m;
    }
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t r = utf8proc_map(s->in + from_in, (utf8proc_ssize_t)(j - from_in), &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (r < 0) {
        free(nfc);
        return pcs_fail(err, r == UTF8PROC_ERROR_NOMEM ? PRECIS_ERR_NOMEM : PRECIS_ERR_UTF8,
                        s->i, "cannot normalise the text at byte %zu", s->i);
    }
    s->w.n = from_out;
    put(&s->w, (const char *)nfc, (size_t)r);
    free(nfc);
    s->i = j;
    anchor(&s->w, s->w.n, s->i);
    forget_starter(s);
    return PRECIS_OK;
}

/* The character whose first byte, at s->i, is 0x80 or above: invalid
 * UTF-8 (refused, or replaced by U+FFFD with repair), white space, or a
 * code point copied or normalised. */
static precis_status put_multibyte(scan *s, bool repair, precis_error *err)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate(s->in + s->i, (utf8proc_ssize_t)(s->len - s->i), &cp);
    if (k <= 0) {
        if (!repair)
            return pcs_fail(err, PRECIS_ERR_UTF8, s->i, "invalid UTF-8 at byte %zu (0x%02X)", s->i,
                            s->in[s->i]);
        put(&s->w, "\xEF\xBF\xBD", 3);
        s->repaired = s->content = true;
        s->i++;
        anchor(&s->w, s->w.n, s->i);
        forget_starter(s);
        return PRECIS_OK;
    }
    int sc = space_class(cp);
    if (sc != 0) {
        if (sc > 0)
            s->w.out[s->w.n++] = (char)sc;
        s->i += (size_t)k;
        anchor(&s->w, s->w.n, s->i);
        forget_starter(s);
        return PRECIS_OK;
    }
    s->content = true;
    if (may_change_under_nfc(cp))
        return normalise_stretch(s, (size_t)k, err);
    s->starter_in = s->i, s->starter_out = s->w.n;
    put(&s->w, (const char *)s->in + s->i, (size_t)k);
    s->i += (size_t)k;
    return PRECIS_OK;
}

/* The whole input into s->w. */
static precis_status scan_text(scan *s, bool repair, precis_error *err)
{
    if (s->len >= 3 && s->in[0] == 0xEF && s->in[1] == 0xBB && s->in[2] == 0xBF)
        s->i = 3; /* a leading byte-order mark carries no text */
    anchor(&s->w, 0, s->i);
    forget_starter(s);
    while (s->i < s->len) {
        unsigned char b = s->in[s->i];
        if (plain_ascii(b)) {
            copy_ascii_run(s);
        } else if (b < 0x80) {
            put_ascii(s);
        } else {
            precis_status st = put_multibyte(s, repair, err);
            if (st != PRECIS_OK)
                return st;
        }
    }
    if (s->w.nomem)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    return PRECIS_OK;
}

/* The text and its anchors into the document (the anchors into arena). */
static precis_status keep_text(pcs_doc *doc, pcs_arena *arena, const scan *s,
                               precis_error *err)
{
    s->w.out[s->w.n] = '\0';
    doc->input_len = s->len;
    doc->text = s->w.out;
    doc->len = (uint32_t)s->w.n;
    doc->anchors = pcs_arena_alloc(arena, s->w.n_anchors * sizeof *s->w.anchors);
    if (!doc->anchors)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    memcpy(doc->anchors, s->w.anchors, s->w.n_anchors * sizeof *s->w.anchors);
    doc->n_anchors = (uint32_t)s->w.n_anchors;
    return PRECIS_OK;
}

precis_status pcs_text_prepare(pcs_doc *doc, pcs_arena *arena,
                               const char *input, size_t len,
                               const precis_options *options, precis_error *err)
{
    const unsigned char *in = (const unsigned char *)input;
    bool ascii = true;
    precis_status st = check_input(in, len, options, &ascii, err);
    if (st != PRECIS_OK)
        return st;
    /* UTF-8 output of NFC or of U+FFFD repair is at most three times the
     * input (UAX #15, section 13: NFC expands by at most 3x); what the
     * text did not use goes back to the arena. */
    size_t cap = ascii ? len + 1 : len * 3 + 1;
    scan s = {.w = {.out = pcs_arena_alloc(arena, cap)}, .in = in, .len = len};
    if (!s.w.out)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    st = scan_text(&s, options->repair_utf8, err);
    pcs_arena_trim(arena, s.w.out, cap, s.w.n + 1);
    doc->repaired = s.repaired;
    if (st == PRECIS_OK)
        st = keep_text(doc, arena, &s, err);
    free(s.w.anchors);
    if (st == PRECIS_OK && !s.content)
        st = pcs_fail(err, PRECIS_ERR_EMPTY, SIZE_MAX,
                      len ? "only white space, no text" : "empty, no text");
    return st;
}

uint32_t pcs_decode_multibyte(const char *text, uint32_t i, uint32_t *cp)
{
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i, 4, &c);
    if (k <= 0) {
        *cp = 0xFFFD; /* cannot happen after stage 1; keep going safely */
        return 1;
    }
    *cp = (uint32_t)c;
    return (uint32_t)k;
}

size_t pcs_orig_offset(const pcs_doc *doc, uint32_t norm)
{
    /* Last anchor at or before norm (anchors[0].norm is 0). */
    uint32_t lo = 0, hi = doc->n_anchors;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (doc->anchors[mid].norm <= norm)
            lo = mid;
        else
            hi = mid;
    }
    const pcs_anchor *a = &doc->anchors[lo];
    size_t orig = (size_t)a->orig + (norm - a->norm);
    return orig > doc->input_len ? doc->input_len : orig;
}

size_t pcs_collapse_space(const char *src, size_t len, char *dst)
{
    size_t n = 0;
    bool space = false;
    for (size_t i = 0; i < len; i++) {
        char c = src[i];
        if (c == ' ' || c == '\n') {
            space = n > 0;
            continue;
        }
        if (space)
            dst[n++] = ' ';
        space = false;
        dst[n++] = c;
    }
    dst[n] = '\0';
    return n;
}
