/* Stage 2, sentences: paragraphs from line breaks (or blank lines in
 * hard-wrapped text), sentence boundaries, and what each sentence is:
 * running text, a heading or dateline, or page debris.
 *
 * Boundary rules follow the orthographic heuristics of Punkt (Kiss and
 * Strunk, 2006, "Unsupervised Multilingual Sentence Boundary Detection",
 * Computational Linguistics 32(4)): no terminator ends a sentence before a
 * lower-case word; a full stop after an ordinary word does before anything
 * else; after a known abbreviation, an initial or a dotted acronym it does
 * only when the next word is a capitalised function word ("U.S. The ...")
 * or, as Punkt's orthographic heuristic has it, a word that the document
 * writes in lower case elsewhere and never capitalises inside a sentence.
 * The abbreviation list and its classes are data
 * (models/<lang>/abbreviations.txt), not code.
 *
 * Everything here is linear in the length of the text: each scan either
 * moves forward for good or is bounded by a constant (datelines, captions
 * and headings are short by nature, so their checks look at a bounded
 * number of bytes). tests/test_segment.c runs 10 MB pathological inputs. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* ------------------------------------------------------------------------ */
/* Characters                                                                */
/* ------------------------------------------------------------------------ */


/* Start of the code point that ends just before text[i]. */
static uint32_t prev_start(const char *text, uint32_t i)
{
    do
        i--;
    while (i > 0 && ((unsigned char)text[i] & 0xC0) == 0x80);
    return i;
}

/* ASCII classes, whatever the caller's locale says (<ctype.h> asks it
 * on every call). */
static bool ascii_alpha(uint32_t c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static bool ascii_alnum(uint32_t c)
{
    return ascii_alpha(c) || (c >= '0' && c <= '9');
}

static unsigned char ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static bool is_alnum_cp(uint32_t cp)
{
    if (cp < 0x80)
        return ascii_alnum(cp);
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
}

static bool is_letter_cp(uint32_t cp)
{
    if (cp < 0x80)
        return ascii_alpha(cp);
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static bool is_upper_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static bool is_lower_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

static bool is_digit_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ND;
}

/* Quotes and brackets that close a sentence right after its terminator.
 * Every quotation mark counts: German closes with U+201C and U+2018
 * („…“, ‚…‘) and with U+00AB in »…«, which English uses to open, but
 * directly after a terminator nothing opens. */
static bool is_closer(uint32_t cp)
{
    /* clang-format off */
    switch (cp) {
    case '"': case '\'': case ')': case ']': case '}':
    case 0xAB: case 0xBB: case 0x2018: case 0x2019: case 0x201C: case 0x201D:
    case 0x2039: case 0x203A: case 0x300D: case 0x300F: case 0xFF09:
        return true;
    default:
        return false;
    }
    /* clang-format on */
}

/* French sets its closing guillemets off with a (no-break) space, which
 * stage 1 turns into ' ': « Nous partons. » Le ministre ... */
static bool is_spaced_closer(uint32_t cp)
{
    return cp == 0xBB || cp == 0x203A;
}

/* Quotes and brackets that may open a sentence. */
static bool is_opener(uint32_t cp)
{
    /* clang-format off */
    switch (cp) {
    case '"': case '\'': case '(': case '[': case '{':
    case 0xAB: case 0xBF: case 0xA1: case 0x2018: case 0x201C: case 0x201E:
    case 0x2039: case 0x300C: case 0x300E:
        return true;
    default:
        return false;
    }
    /* clang-format on */
}

typedef enum { T_NONE, T_STOP, T_STRONG, T_ELLIPSIS, T_IDEOGRAPHIC } term_kind;

/* Can the byte text[i] begin a terminator? Only three ASCII ones exist, so
 * the scans skip other ASCII without decoding it. */
static bool may_terminate(unsigned char c)
{
    return c >= 0x80 || c == '.' || c == '!' || c == '?';
}

/* The first i' in [i, end) where a terminator may begin (may_terminate),
 * or end. Eight bytes at a time: in English text one byte in a hundred
 * or so may, and scanning for them was a third of segmentation. A block
 * is passed over when no byte has its top bit set and none equals '.',
 * '!' or '?'. */
static uint32_t find_may_terminate(const char *t, uint32_t i, uint32_t end)
{
    for (; i < end && end - i >= 8; i += 8) {
        uint64_t x = pcs_load8(t + i);
        if ((x & 0x8080808080808080u) | pcs_has_byte(x, '.') | pcs_has_byte(x, '!') |
            pcs_has_byte(x, '?'))
            break;
    }
    while (i < end && !may_terminate((unsigned char)t[i]))
        i++;
    return i;
}

/* Sentence terminators. Ideographic ones need no following space. */
static term_kind terminator(uint32_t cp)
{
    /* clang-format off */
    switch (cp) {
    case '.':
        return T_STOP;
    case '!': case '?': case 0x203C: case 0x2047: case 0x2048: case 0x2049:
    case 0x061F: case 0x0964: case 0x0965: case 0x06D4:
        return T_STRONG;
    case 0x2026:
        return T_ELLIPSIS;
    case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E:
        return T_IDEOGRAPHIC;
    default:
        return T_NONE;
    }
    /* clang-format on */
}

static bool is_dash_cp(uint32_t cp)
{
    return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2015;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\n';
}

static bool has_alnum(const char *text, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b;) {
        uint32_t cp;
        i += pcs_decode(text, i, &cp);
        if (is_alnum_cp(cp))
            return true;
    }
    return false;
}

/* Does text[a, b) hold more than `limit` words (whitespace-separated
 * chunks holding a letter or digit)? Every paragraph of an article is
 * asked (is it page furniture?), so the count stops past the limit and
 * reads ASCII without decoding: it took 4% of a news article's time. */
static bool more_words_than(const char *text, uint32_t a, uint32_t b, uint32_t limit)
{
    uint32_t n = 0;
    bool in_word = false, counted = false;
    for (uint32_t i = a; i < b;) {
        uint32_t cp = (unsigned char)text[i], k = 1;
        if (cp >= 0x80)
            k = pcs_decode(text, i, &cp);
        if (cp == ' ' || cp == '\n') {
            in_word = false;
        } else {
            if (!in_word)
                counted = false;
            in_word = true;
            if (!counted && is_alnum_cp(cp)) {
                if (++n > limit)
                    return true;
                counted = true;
            }
        }
        i += k;
    }
    return false;
}

static uint32_t skip_spaces(const char *text, uint32_t i, uint32_t end)
{
    while (i < end && is_space(text[i]))
        i++;
    return i;
}

static uint32_t trim_end(const char *text, uint32_t start, uint32_t end)
{
    while (end > start && is_space(text[end - 1]))
        end--;
    return end;
}

/* Does text[a, b) end with a terminator, closing quotes and brackets
 * aside? This is what pcs_sentence.terminated records. */
static bool ends_with_terminator(const char *t, uint32_t a, uint32_t b)
{
    while (b > a) {
        uint32_t p = prev_start(t, b), cp;
        pcs_decode(t, p, &cp);
        if (terminator(cp) != T_NONE)
            return true;
        if (!is_closer(cp) && cp != ' ')
            return false;
        b = p;
    }
    return false;
}

/* ------------------------------------------------------------------------ */
/* Words                                                                     */
/* ------------------------------------------------------------------------ */

/* Longest word looked up in the abbreviation, stopword or orthography
 * tables; longer ones are in none of them. */
#define WORD_MAX 64

/* Lower-case text[a, b) into buf (WORD_MAX bytes) with utf8proc's simple
 * case mapping, and the typographic apostrophe U+2019 as ASCII ' (the
 * stopword list writes "it's"). Returns the length, or 0 when the word is
 * empty or does not fit. */
static size_t fold_word(const char *t, uint32_t a, uint32_t b, char *buf)
{
    size_t n = 0;
    for (uint32_t i = a; i < b;) {
        unsigned char c = (unsigned char)t[i];
        if (c < 0x80) { /* utf8proc's mapping, for ASCII without a call */
            if (n + 1 >= WORD_MAX)
                return 0;
            buf[n++] = (char)ascii_lower(c);
            i++;
            continue;
        }
        uint32_t cp;
        i += pcs_decode(t, i, &cp);
        utf8proc_int32_t lc = cp == 0x2019 ? '\'' : utf8proc_tolower((utf8proc_int32_t)cp);
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(lc, enc);
        if (k <= 0 || n + (size_t)k >= WORD_MAX)
            return 0;
        memcpy(buf + n, enc, (size_t)k);
        n += (size_t)k;
    }
    buf[n] = '\0';
    return n;
}

/* The word that starts at text[m]: skip openers, then take letters,
 * digits and apostrophes. *first_cp is the first code point after the
 * openers (0 at end). */
static void next_word(const char *t, uint32_t m, uint32_t end, uint32_t *first_cp, uint32_t *w0,
                      uint32_t *w1)
{
    uint32_t cp = 0;
    while (m < end) {
        uint32_t k = pcs_decode(t, m, &cp);
        if (!is_opener(cp))
            break;
        m += k;
    }
    *first_cp = m < end ? cp : 0;
    *w0 = m;
    while (m < end) {
        uint32_t k = pcs_decode(t, m, &cp);
        if (!is_alnum_cp(cp) && cp != '\'' && cp != 0x2019)
            break;
        m += k;
    }
    *w1 = m;
}

/* "iPhone", "eBay", "mRNA": a lower-case first letter with a capital
 * later. Such names start sentences as they are. */
static bool is_camel(const char *t, uint32_t w0, uint32_t w1)
{
    uint32_t cp, i = w0 + pcs_decode(t, w0, &cp);
    if (!is_lower_cp(cp))
        return false;
    while (i < w1) {
        i += pcs_decode(t, i, &cp);
        if (is_upper_cp(cp))
            return true;
    }
    return false;
}

/* Does the word at text[m] start in lower case (camel-case names aside)?
 * Then no terminator before it ends a sentence. */
static bool starts_lower(const char *t, uint32_t m, uint32_t end)
{
    uint32_t cp, w0, w1;
    next_word(t, m, end, &cp, &w0, &w1);
    return is_lower_cp(cp) && !is_camel(t, w0, w1);
}

/* Is the word text[a, b) a dotted acronym like "U.S" or "a.m" (the final
 * dot excluded)? */
static bool dotted_acronym(const char *text, uint32_t a, uint32_t b)
{
    if (b - a < 3)
        return false;
    for (uint32_t i = a; i < b; i++) {
        bool letter_slot = ((i - a) % 2) == 0;
        if (letter_slot ? !ascii_alpha((unsigned char)text[i]) : text[i] != '.')
            return false;
    }
    return true;
}

/* A list marker opening a sentence: "1.", "12.", "a.", "iv." (the dot
 * excluded). Four-digit numbers are years, not items. */
static bool list_marker(const char *t, uint32_t a, uint32_t b)
{
    uint32_t n = b - a;
    if (n == 0 || n > 4)
        return false;
    bool digits = true, roman = true;
    for (uint32_t i = a; i < b; i++) {
        char c = (char)ascii_lower((unsigned char)t[i]);
        digits &= c >= '0' && c <= '9';
        roman &= c == 'i' || c == 'v' || c == 'x';
    }
    return (digits && n <= 3) || roman || (n == 1 && ascii_alpha((unsigned char)t[a]));
}

/* ------------------------------------------------------------------------ */
/* Orthographic evidence (Punkt)                                             */
/* ------------------------------------------------------------------------ */

/* Per word type of the document: seen with a lower-case first letter; seen
 * capitalised where no sentence can have begun. Punkt's orthographic
 * heuristic (Kiss and Strunk 2006, token-based classification) decides an
 * abbreviation-final full stop with these: a capitalised word that the
 * text otherwise writes in lower case and never capitalises mid-sentence
 * must be capitalised because a sentence starts. Punkt collects them over
 * its training corpus; here the document itself is the corpus. */
enum { ORTHO_LOWER = 1, ORTHO_UPPER_MID = 2 };

/* A folded word of up to ORTHO_INLINE bytes (nearly every word) and its
 * flags, in one 16-byte slot of a pcs_inline_table: on 10 MB a general
 * map's slot and the key it pointed to were two cache misses for every
 * word of the text, a third of segmenting. */
#define ORTHO_INLINE 10
typedef struct ortho_slot {
    uint32_t hash;
    uint8_t len; /* 0: empty */
    uint8_t flags;
    char key[ORTHO_INLINE];
} ortho_slot;
_Static_assert(offsetof(ortho_slot, hash) == 0 && offsetof(ortho_slot, len) == sizeof(uint32_t),
               "a pcs_inline_table slot begins with its hash and length");

typedef struct splitter {
    const char *text;
    uint32_t len;
    const pcs_language *lang;
    pcs_arena *arena;
    /* Folded word -> ORTHO_* flags, built on first need: short words in
     * ortho (ortho_slot), longer ones in ortho_long. */
    pcs_inline_table ortho;
    pcs_map ortho_long;
    bool ortho_built;
    bool nomem;
} splitter;

/* The slot of key[0, n) (n <= ORTHO_INLINE), or the empty one where it
 * would go. */
static inline ortho_slot *ortho_slot_of(const splitter *sp, const char *key, size_t n,
                                        uint32_t hash)
{
    return (ortho_slot *)(void *)pcs_inline_slot(&sp->ortho, sizeof(ortho_slot),
                                                 offsetof(ortho_slot, key), key, n, hash);
}

/* Add flag to key[0, n)'s flags. false when out of memory. */
static bool ortho_mark(splitter *sp, const char *key, size_t n, uint32_t hash, uint32_t flag)
{
    if (n > ORTHO_INLINE) {
        pcs_map_slot *slot = pcs_map_find(&sp->ortho_long, key, n, hash);
        if (slot) {
            slot->value |= flag;
            return true;
        }
        char *copy = pcs_arena_strndup(sp->arena, key, n);
        return copy && pcs_map_put(&sp->ortho_long, copy, n, hash, flag);
    }
    if (!pcs_inline_room(&sp->ortho, sizeof(ortho_slot), offsetof(ortho_slot, key), 512))
        return false;
    ortho_slot *o = ortho_slot_of(sp, key, n, hash);
    if (o->len == 0) {
        *o = (ortho_slot){.hash = hash, .len = (uint8_t)n};
        memcpy(o->key, key, n);
        sp->ortho.count++;
    }
    o->flags |= (uint8_t)flag;
    return true;
}

static uint32_t ortho_get(const splitter *sp, const char *key, size_t n, uint32_t hash)
{
    if (n > ORTHO_INLINE) {
        const pcs_map_slot *slot = pcs_map_find(&sp->ortho_long, key, n, hash);
        return slot ? slot->value : 0;
    }
    return sp->ortho.cap ? ortho_slot_of(sp, key, n, hash)->flags : 0;
}

/* Does the chunk text[a, b) end a clause: a terminator or colon, closing
 * quotes and brackets aside? A capitalised word after it proves nothing. */
static bool chunk_ends_clause(const char *t, uint32_t a, uint32_t b)
{
    while (b > a) {
        uint32_t p = prev_start(t, b), cp;
        pcs_decode(t, p, &cp);
        if (terminator(cp) != T_NONE || cp == ':')
            return true;
        if (!is_closer(cp))
            return false;
        b = p;
    }
    return true;
}

/* The word of a chunk starting at text[a], as next_word and fold_word
 * would give it, in one pass, for the common case: an ASCII letter, then
 * ASCII letters, digits and apostrophes up to an ASCII byte that is none
 * of them (or the chunk's end b). Folded into key and hashed (*hash) on
 * the way; returns its length, or 0 when the general path must read the
 * chunk (an opener or digit first, a byte from 0x80 on, a word too long
 * for key). build_ortho reads every word of a text: on 10 MB the two
 * general functions were a third of segmenting it. */
static size_t ascii_word(const char *t, uint32_t a, uint32_t b, char *key, uint32_t *hash)
{
    if (!ascii_alpha((unsigned char)t[a]))
        return 0;
    uint32_t h = PCS_HASH_BASIS, m = a;
    for (; m < b && m - a < WORD_MAX - 1; m++) {
        unsigned char c = (unsigned char)t[m];
        if (!ascii_alnum(c) && c != '\'')
            break;
        key[m - a] = (char)ascii_lower(c);
        h = pcs_hash_byte(h, (unsigned char)key[m - a]);
    }
    if (m - a >= WORD_MAX - 1 || (m < b && (unsigned char)t[m] >= 0x80))
        return 0;
    key[m - a] = '\0';
    *hash = h;
    return m - a;
}

/* One pass over the whole text. Lines with no terminator at all
 * (headlines, often in title case) only count for lower-case use; the
 * first word of a line and quoted words prove nothing either. */
static bool build_ortho(splitter *sp)
{
    const char *t = sp->text;
    uint32_t len = sp->len;
    sp->ortho_built = true;
    for (uint32_t a = 0; a < len;) {
        const char *nl = memchr(t + a, '\n', len - a);
        uint32_t e = nl ? (uint32_t)(nl - t) : len;
        bool prose = false;
        for (uint32_t i = find_may_terminate(t, a, e); i < e && !prose;
             i = find_may_terminate(t, i, e)) {
            uint32_t cp;
            i += pcs_decode(t, i, &cp);
            prose = terminator(cp) != T_NONE;
        }
        bool mid = false; /* does the next chunk stand inside a sentence? */
        for (uint32_t i = skip_spaces(t, a, e); i < e; i = skip_spaces(t, i, e)) {
            uint32_t c1 = i;
            while (c1 < e && t[c1] != ' ')
                c1++;
            uint32_t cp, w0, w1, h = 0;
            char key[WORD_MAX];
            size_t n = ascii_word(t, i, c1, key, &h);
            if (n > 0) {
                cp = (unsigned char)t[i];
                w0 = i;
                w1 = i + (uint32_t)n;
            } else {
                next_word(t, i, c1, &cp, &w0, &w1);
            }
            uint32_t flag = is_lower_cp(cp)                              ? ORTHO_LOWER
                            : is_upper_cp(cp) && mid && prose && w0 == i ? ORTHO_UPPER_MID
                                                                         : 0;
            if (flag && n == 0 && (n = fold_word(t, w0, w1, key)) > 0)
                h = pcs_hash(key, n);
            if (flag && n > 0 && !ortho_mark(sp, key, n, h, flag)) {
                sp->nomem = true;
                return false;
            }
            mid = !chunk_ends_clause(t, i, c1);
            i = c1;
        }
        a = e + 1;
    }
    return true;
}

static uint32_t ortho_flags(splitter *sp, const char *t, uint32_t w0, uint32_t w1)
{
    if (!sp->ortho_built && !build_ortho(sp))
        return 0;
    char key[WORD_MAX];
    size_t n = fold_word(t, w0, w1, key);
    if (n == 0)
        return 0;
    return ortho_get(sp, key, n, pcs_hash(key, n));
}

/* ------------------------------------------------------------------------ */
/* Sentence boundaries                                                       */
/* ------------------------------------------------------------------------ */

/* Does a full stop at text[dot] followed (after closers and spaces) by the
 * word at text[m] end the sentence that began at text[sent]? */
static bool stop_ends_sentence(splitter *sp, uint32_t para_start, uint32_t sent, uint32_t dot,
                               uint32_t m, uint32_t end)
{
    const char *t = sp->text;
    uint32_t next_cp, w0, w1;
    next_word(t, m, end, &next_cp, &w0, &w1);
    if (is_lower_cp(next_cp) && !is_camel(t, w0, w1))
        return false;

    /* The word before the dot, without opening punctuation. */
    uint32_t a = dot;
    while (a > para_start && !is_space(t[a - 1]))
        a--;
    while (a < dot) {
        uint32_t cp, k = pcs_decode(t, a, &cp);
        if (!is_opener(cp))
            break;
        a += k;
    }
    if (a == dot)
        return true;
    if (a == sent && list_marker(t, a, dot))
        return false; /* "1. Growth will slow." */

    /* A single capital is an initial ("John F. Kennedy", "Henry V."),
     * whatever the table says about its lower-case twin ("Roe v. Wade"). */
    uint32_t first, k = pcs_decode(t, a, &first);
    bool initial = a + k == dot && is_upper_cp(first);
    bool acronym = dotted_acronym(t, a, dot); /* "U.S.", "a.m." */
    pcs_abbrev_class cls = PCS_ABBREV_NONE;
    char word[WORD_MAX];
    size_t wn;
    if (!initial && (wn = fold_word(t, a, dot, word)) > 0)
        cls = pcs_abbreviation(sp->lang, word, wn);
    switch (cls) {
    case PCS_ABBREV_TITLE:
        return false;
    case PCS_ABBREV_NUMBER:
        /* "No. 5", "Jan. 12"; before anything else these are words ("he
         * said no.", "modern art.") or a month that ends the sentence. */
        return !is_digit_cp(next_cp);
    case PCS_ABBREV_GENERAL:
    case PCS_ABBREV_NONE:
        break;
    }
    if (cls == PCS_ABBREV_NONE && !initial && !acronym)
        return true; /* an ordinary word */

    if (!is_upper_cp(next_cp))
        return false; /* "the U.S. 20 years ago", "U.S. $45 billion" */
    /* A capitalised function word ("The", "But", "He") shows that a new
     * sentence has begun (Punkt's frequent sentence starters). */
    char next[WORD_MAX];
    size_t nn = fold_word(t, w0, w1, next);
    if (nn && pcs_is_stopword(sp->lang, next, nn))
        return true;
    /* Orthographic evidence, but only after listed abbreviations and
     * lower-case acronyms ("Corp. Shares", "p.m. Firefighters"). After an
     * initial a capital is nearly always a surname, and one that is also
     * a common word ("N. Best", "Arthur D. Little") would be split; after
     * "U.S." or "U.N." it is mostly an institution ("U.S. Embassy", "U.S.
     * Constitution") that the text also writes in lower case. Measured on
     * the team's CNN and BBC fixtures, evidence there split wrongly every
     * time. */
    if (initial || (acronym && !is_lower_cp(first)))
        return false;
    /* A capitalised word followed by another ("Inc. Chief Executive Tim
     * Cook", "Co. Chairman Lee") is a title or a name far more often than
     * a sentence start. */
    uint32_t after = w1;
    while (after < end && !is_space(t[after]))
        after++;
    uint32_t cp2, v0, v1;
    next_word(t, skip_spaces(t, after, end), end, &cp2, &v0, &v1);
    if (is_upper_cp(cp2))
        return false;
    uint32_t flags = ortho_flags(sp, t, w0, w1);
    return (flags & ORTHO_LOWER) && !(flags & ORTHO_UPPER_MID);
}

/* A terminator glued to the next sentence, as scraped text often has it:
 * "on Friday.The ministers". Only between a word ending in two lower-case
 * letters and a capitalised function word, so "ASP.NET", "Node.js" and
 * "bbc.co.uk" stay whole. term is where the terminator run starts, m where
 * the text after it (and its closers) resumes. */
static bool glued_boundary(const splitter *sp, uint32_t start, uint32_t term, uint32_t m,
                           uint32_t end)
{
    const char *t = sp->text;
    if (term < start + 2)
        return false;
    uint32_t p1 = prev_start(t, term), c1, c2;
    pcs_decode(t, p1, &c1);
    if (p1 <= start || !is_lower_cp(c1))
        return false;
    pcs_decode(t, prev_start(t, p1), &c2);
    if (!is_lower_cp(c2))
        return false;
    uint32_t cp, w0, w1;
    next_word(t, m, end, &cp, &w0, &w1);
    if (w0 != m || !is_upper_cp(cp) || (w1 < end && !is_space(t[w1])))
        return false;
    char next[WORD_MAX];
    size_t nn = fold_word(t, w0, w1, next);
    return nn && pcs_is_stopword(sp->lang, next, nn);
}

/* Find the end of the sentence that starts at text[s] within [s, end).
 * *terminated says whether it ended with a terminator. */
static uint32_t sentence_end(splitter *sp, uint32_t para_start, uint32_t s, uint32_t end,
                             bool *terminated)
{
    const char *t = sp->text;
    uint32_t i = s;
    while ((i = find_may_terminate(t, i, end)) < end) {
        uint32_t cp;
        uint32_t k = pcs_decode(t, i, &cp);
        term_kind kind = terminator(cp);
        if (kind == T_NONE) {
            i += k;
            continue;
        }
        /* The run of terminators: "?!", "...", "!!", and the spaced
         * ellipsis ". . ." of AP style. */
        uint32_t j = i + k;
        bool dots_only = kind == T_STOP;
        uint32_t n_stops = kind == T_STOP;
        for (;;) {
            uint32_t c2;
            if (j >= end)
                break;
            uint32_t k2 = pcs_decode(t, j, &c2);
            term_kind k2kind = terminator(c2);
            if (k2kind == T_NONE) {
                if (dots_only && c2 == ' ' && j + 1 < end && t[j + 1] == '.' &&
                    (n_stops >= 2 || (j + 3 < end && t[j + 2] == ' ' && t[j + 3] == '.'))) {
                    j += 1; /* ". . .": the space belongs to the run */
                    continue;
                }
                break;
            }
            if (k2kind != T_STOP)
                dots_only = false;
            n_stops += k2kind == T_STOP;
            j += k2;
        }
        if (dots_only && n_stops >= 3)
            kind = T_ELLIPSIS;
        else if (!dots_only && kind == T_STOP)
            kind = T_STRONG;
        /* Closing quotes and brackets belong to the sentence. */
        uint32_t close = j;
        while (close < end) {
            uint32_t c2, k2 = pcs_decode(t, close, &c2);
            if (!is_closer(c2))
                break;
            close += k2;
        }
        if (kind == T_IDEOGRAPHIC || close == end) {
            *terminated = true;
            return close;
        }
        if (!is_space(t[close])) {
            /* "3.5", "U.S.A", "e.g.," are not boundaries; "Friday.The"
             * is. */
            if (glued_boundary(sp, s, i, close, end)) {
                *terminated = true;
                return close;
            }
            i = j;
            continue;
        }
        uint32_t m = skip_spaces(t, close, end);
        uint32_t c3;
        if (m < end && t[m - 1] == ' ' && (pcs_decode(t, m, &c3), is_spaced_closer(c3))) {
            uint32_t after = m;
            while (after < end) {
                uint32_t c4, k4 = pcs_decode(t, after, &c4);
                if (!is_closer(c4))
                    break;
                after += k4;
            }
            if (after == end || is_space(t[after])) {
                close = after; /* « Nous partons. » */
                if (close == end) {
                    *terminated = true;
                    return close;
                }
                m = skip_spaces(t, close, end);
            }
        }
        bool ends;
        if (kind == T_STOP)
            ends = stop_ends_sentence(sp, para_start, s, i, m, end);
        else
            ends = !starts_lower(t, m, end);
        if (ends) {
            *terminated = true;
            return close;
        }
        i = j;
    }
    *terminated = false;
    return end;
}

/* ------------------------------------------------------------------------ */
/* Datelines                                                                 */
/* ------------------------------------------------------------------------ */

/* Datelines are short; nothing longer is looked at. */
#define DATELINE_MAX 96

/* Is text[a, b) a word in capitals ("VLADIVOSTOK", "ST.", "U.S.")? */
static bool all_caps_word(const char *t, uint32_t a, uint32_t b)
{
    uint32_t letters = 0;
    for (uint32_t i = a; i < b;) {
        uint32_t cp, k = pcs_decode(t, i, &cp);
        if (is_lower_cp(cp))
            return false;
        if (is_upper_cp(cp))
            letters++;
        else if (cp != '.' && cp != '-' && cp != '\'' && cp != 0x2019)
            return false;
        i += k;
    }
    return letters >= 2;
}

/* A news agency in brackets: "(Reuters)", "(AP)", "(CNN)", "(Xinhua)".
 * Letters, spaces and dots only, so "(L-R)" and "(R-Ariz.)" are not. On
 * success *close is just past the ')'. */
static bool agency_at(const char *t, uint32_t j, uint32_t end, uint32_t *close)
{
    if (j >= end || t[j] != '(')
        return false;
    uint32_t cp;
    if (j + 1 >= end || (pcs_decode(t, j + 1, &cp), !is_upper_cp(cp)))
        return false;
    uint32_t c = j + 1, letters = 0;
    while (c < end && c - j <= 24 && t[c] != ')') {
        uint32_t k = pcs_decode(t, c, &cp);
        if (is_letter_cp(cp))
            letters++;
        else if (cp != ' ' && cp != '.' && cp != '&')
            return false;
        c += k;
    }
    if (c >= end || t[c] != ')' || letters < 2)
        return false;
    *close = c + 1;
    return true;
}

/* An em dash at byte i: it parts a dateline's place from the story even
 * without spaces ("ROME\xE2\x80\x94The Italian government"). Not an en
 * dash, which joins compounds ("US\xE2\x80\x93China talks", "AFL\xE2\x80\x93CIO",
 * "Winston\xE2\x80\x93Salem"). */
static bool em_dash_at(const char *t, uint32_t i, uint32_t end)
{
    return i + 2 < end && (unsigned char)t[i] == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
           (unsigned char)t[i + 2] == 0x94;
}

/* A dateline opens a news story: "VLADIVOSTOK, Russia  Japanese ...",
 * "LONDON, England (CNN) -- A ...", "(CNN)Share ...", "WASHINGTON
 * (Reuters) - The ...", "BEIJING, Jan. 5 (Xinhua) -- ...", "Washington
 * (CNN) -- ...". Returns where the story proper starts, or p when there is
 * no dateline; *head_end is where the dateline itself ends (the separator
 * belongs to neither). A place in capitals needs a separator after it
 * (dash, colon, agency in brackets, or the double space a lost dash
 * leaves) so that "NASA said" is not mistaken for one; a place in mixed
 * case needs an agency as well. */
static uint32_t dateline_end(const char *t, uint32_t p, uint32_t end, uint32_t *head_end)
{
    if (end - p > DATELINE_MAX + 64)
        end = p + DATELINE_MAX + 64; /* a dateline and its first word fit */
    uint32_t i = p, words = 0;
    bool caps = true;
    /* Place: up to four words in capitals, or capitalised. */
    while (i < end && words < 4) {
        uint32_t w = i;
        while (w < end && t[w] != ' ' && t[w] != ',' && t[w] != '(' && t[w] != ':' &&
               t[w] != '\n' && !em_dash_at(t, w, end))
            w++;
        uint32_t cp;
        if (w == i || (pcs_decode(t, i, &cp), !is_upper_cp(cp)))
            break;
        caps &= all_caps_word(t, i, w);
        words++;
        i = w;
        if (i + 1 < end && t[i] == ' ' && t[i + 1] != ' ' && t[i + 1] != '(')
            i++;
        else
            break;
    }
    bool place = words > 0;
    if (place && i < end && t[i] == ',') {
        /* ", Region" or ", Date": capitalised words and numbers, single
         * spaces, commas between ("Sept. 2, 2016"). */
        uint32_t j = skip_spaces(t, i + 1, end), n = 0;
        while (j < end && n < 5) {
            uint32_t cp;
            pcs_decode(t, j, &cp);
            if (!is_upper_cp(cp) && !is_digit_cp(cp))
                break;
            uint32_t w = j;
            while (w < end && t[w] != ' ' && t[w] != '(' && t[w] != ',')
                w++;
            n++;
            i = w;
            if (w < end && t[w] == ',')
                w++;
            if (w + 1 < end && t[w] == ' ' && t[w + 1] != ' ' && t[w + 1] != '(')
                j = w + 1;
            else
                break;
        }
        if (n == 0)
            return p;
    }
    uint32_t head = place ? i : p, j = head;
    bool agency = false;
    if (place && j + 1 < end && t[j] == ' ' && t[j + 1] == '(')
        j++;
    uint32_t c;
    if (agency_at(t, j, end, &c)) {
        agency = true;
        j = head = c;
    }
    if (!agency && (!place || !caps))
        return p;
    /* Separator. */
    uint32_t s = j;
    while (s < end && t[s] == ' ')
        s++;
    if (s >= end)
        return p;
    uint32_t spaces = s - j, after = s, cp;
    pcs_decode(t, s, &cp);
    if (t[s] == ':' || is_dash_cp(cp)) {
        while (after < end) {
            uint32_t c2, k2 = pcs_decode(t, after, &c2);
            if (c2 != ':' && !is_dash_cp(c2))
                break;
            after += k2;
        }
        /* "-based", "UPDATE:Shares" are no separators; an em dash before a
         * sentence's first word is ("ROME\xE2\x80\x94The"). */
        if (after < end && t[after] != ' ' &&
            !(em_dash_at(t, s, end) && after == s + 3 && after + 1 < end && t[after] >= 'A' &&
              t[after] <= 'Z' && t[after + 1] >= 'a' && t[after + 1] <= 'z'))
            return p;
    } else if (!(spaces >= 2 || (agency && spaces == 0))) {
        return p;
    }
    after = skip_spaces(t, after, end);
    if (after >= end || after - p > DATELINE_MAX)
        return p;
    pcs_decode(t, after, &cp);
    if (!is_upper_cp(cp) && !is_opener(cp) && !is_digit_cp(cp))
        return p;
    *head_end = trim_end(t, p, head);
    return after;
}

/* A byline before a dateline: "By Kerry Grens NEW YORK (Reuters Health) -
 * A new study ...", "BY CHRISTOPHER EMSDEN ROME\xE2\x80\x94The ...". The
 * reporter's name is furniture (no key term, no part of a summary's
 * sentence), the place a dateline. Where the name ends, in capitals too,
 * is guessed: after two words ("First Last", most bylines), one or three,
 * the place's first word in capitals first. Returns where the story
 * starts, or p; *name_end is where the name ends and *head_end where the
 * dateline does. */
static uint32_t byline_dateline_end(const char *t, uint32_t p, uint32_t end, uint32_t *name_end,
                                    uint32_t *head_end)
{
    if (end - p < 4 || (memcmp(t + p, "By ", 3) != 0 && memcmp(t + p, "BY ", 3) != 0))
        return p;
    uint32_t after[4] = {0}; /* after[k]: where the word after k name words starts */
    uint32_t i = p + 3;
    for (int k = 1; k <= 3; k++) {
        uint32_t cp, w = i;
        if (i >= end || (pcs_decode(t, i, &cp), !is_upper_cp(cp)))
            break;
        while (w < end && t[w] != ' ' && t[w] != ',' && t[w] != '(' && t[w] != '\n')
            w++;
        if (w + 1 >= end || t[w] != ' ')
            break;
        after[k] = i = w + 1;
    }
    static const int order[] = {2, 1, 3};
    for (int pass = 0; pass < 2; pass++)
        for (size_t q = 0; q < sizeof order / sizeof order[0]; q++) {
            uint32_t at = after[order[q]], w = at;
            if (!at)
                continue;
            while (w < end && t[w] != ' ' && t[w] != ',' && t[w] != '(' && !em_dash_at(t, w, end))
                w++;
            if (pass == 0 && !all_caps_word(t, at, w))
                continue;
            uint32_t body = dateline_end(t, at, end, head_end);
            if (body > at) {
                *name_end = trim_end(t, p, at);
                return body;
            }
        }
    return p;
}

/* ------------------------------------------------------------------------ */
/* Captions, credits, footers                                                */
/* ------------------------------------------------------------------------ */

/* Captions, credits and footers are short: longer paragraphs are text. */
#define FURNITURE_MAX_WORDS 60
#define FURNITURE_MAX_BYTES 1000
#define CREDIT_MAX_WORDS    12
#define CREDIT_MAX_BYTES    200

static bool starts_with_ci(const char *t, uint32_t i, uint32_t end, const char *s)
{
    size_t n = strlen(s);
    if (end - i < n)
        return false;
    for (size_t k = 0; k < n; k++)
        if (ascii_lower((unsigned char)t[i + k]) != (unsigned char)s[k])
            return false;
    return true;
}

/* needle is in lower case. */
static bool contains_ci(const char *t, uint32_t a, uint32_t b, const char *needle)
{
    size_t n = strlen(needle);
    for (uint32_t i = a; i < b && b - i >= n; i++)
        if (ascii_lower((unsigned char)t[i]) == (unsigned char)needle[0] &&
            starts_with_ci(t, i, b, needle))
            return true;
    return false;
}

/* A photo credit: "Photo: Reuters", "AFP/VNA Photo", "Photograph: Anthony
 * Kwan/Getty Images", "Picture by John Smith". The word must stand where a
 * credit puts it: before a colon; capitalised before "by"; capitalised
 * and last, with an agency slash or a dash in the fragment or other text
 * before it in the paragraph (trailing). So "the photo herself", "How to
 * make a gigapixel picture" and a "Getty Images" heading are not credits. */
static bool is_photo_credit(const char *t, uint32_t a, uint32_t b, bool trailing)
{
    static const char *const words[] = {"photo",    "photos", "photograph", "picture",
                                        "pictures", "pic",    "image",      "images"};
    if (b - a > CREDIT_MAX_BYTES || more_words_than(t, a, b, CREDIT_MAX_WORDS))
        return false;
    uint32_t first;
    pcs_decode(t, a, &first);
    bool marked = trailing || is_dash_cp(first) || memchr(t + a, '/', b - a) != NULL;
    for (uint32_t i = a; i < b;) {
        if (!ascii_alpha((unsigned char)t[i])) {
            i++;
            continue;
        }
        uint32_t w = i;
        while (w < b && ascii_alpha((unsigned char)t[w]))
            w++;
        char buf[16];
        if (w - i < sizeof buf) {
            for (uint32_t k = i; k < w; k++)
                buf[k - i] = (char)ascii_lower((unsigned char)t[k]);
            buf[w - i] = '\0';
            bool capital = t[i] >= 'A' && t[i] <= 'Z';
            for (size_t q = 0; q < sizeof words / sizeof words[0]; q++) {
                if (strcmp(buf, words[q]) != 0)
                    continue;
                uint32_t r = w;
                while (r < b && (t[r] == ')' || t[r] == ' '))
                    r++;
                if ((w < b && t[w] == ':') || (capital && starts_with_ci(t, w, b, " by ")) ||
                    (capital && r == b && marked))
                    return true;
            }
        }
        i = w;
    }
    return false;
}

/* An agency credit trailing a story: "— AFP", "-- Reuters", "(AP)". */
static bool is_agency_credit(const char *t, uint32_t a, uint32_t b)
{
    if (b - a > CREDIT_MAX_BYTES || more_words_than(t, a, b, 4))
        return false;
    uint32_t cp;
    pcs_decode(t, a, &cp);
    return is_dash_cp(cp) || (t[a] == '(' && t[b - 1] == ')');
}

/* Wire services credit their staff after a story: "(Reporting by Joseph
 * Nasr; Writing by Marie-Louise Gumuchian; Editing by Andrew Dobbie)".
 * Its names are no key terms and its roles no sentence. A role then a
 * capitalised name, in parentheses, or holding two roles, or short:
 * "Reporting by the Times found ..." and "Writing by hand is a dying art"
 * are sentences. */
static bool is_staff_credit(const char *t, uint32_t a, uint32_t b)
{
    static const char *const roles[] = {"reporting by ", "additional reporting by ",
                                        "writing by ",   "editing by ",
                                        "edited by ",    "compiled by "};
    bool paren = t[a] == '(';
    if (a + paren >= b)
        return false;
    switch (t[a + paren] | 0x20) { /* most sentences leave here */
    case 'r':
    case 'a':
    case 'w':
    case 'e':
    case 'c':
        break;
    default:
        return false;
    }
    for (size_t q = 0; q < sizeof roles / sizeof roles[0]; q++) {
        uint32_t name = a + paren + (uint32_t)strlen(roles[q]), cp;
        if (!starts_with_ci(t, a + paren, b, roles[q]) || name >= b ||
            (pcs_decode(t, name, &cp), !is_upper_cp(cp)))
            continue; /* a person is credited by name: not "Writing by hand" */
        return paren || contains_ci(t, a, b, "; editing by ") ||
               !more_words_than(t, a, b, CREDIT_MAX_WORDS);
    }
    return false;
}

/* A byline on its own: "By John Smith", "By Sarah Lyall and Alan Cowell,
 * Reuters", "BY ANNA MEHLER PAPERNY". It names the reporter, not what the
 * story is about, so its words are no key terms ("Smith" ranked first).
 * Every word after "By" capitalised but the few that join names. */
static bool is_byline(const char *t, uint32_t a, uint32_t b)
{
    static const char *const joins[] = {"and", "in", "for", "de", "da", "del", "van", "von"};
    if (b - a < 5 || (memcmp(t + a, "By ", 3) != 0 && memcmp(t + a, "BY ", 3) != 0) ||
        more_words_than(t, a, b, CREDIT_MAX_WORDS))
        return false;
    for (uint32_t i = a + 3; i < b;) {
        uint32_t w = i, cp;
        while (w < b && t[w] != ' ' && t[w] != ',')
            w++;
        pcs_decode(t, i, &cp);
        bool join = false;
        for (size_t q = 0; q < sizeof joins / sizeof joins[0] && !join; q++)
            join = w - i == strlen(joins[q]) && memcmp(t + i, joins[q], w - i) == 0;
        if (w > i && !is_upper_cp(cp) && !join && !(w - i == 1 && t[i] == '&'))
            return false;
        i = w;
        while (i < b && (t[i] == ' ' || t[i] == ','))
            i++;
    }
    return true;
}

/* Picture positions: "(C)", "(L)", "(R)", "(left)" ... on their own one
 * may be a party ("Smith (R) said"), so a caption needs two different
 * ones; "(L-R)" and its kin are enough alone. Only after a space or at the
 * start, so "section 5(c)" is not one. */
static bool has_position_markers(const char *t, uint32_t a, uint32_t b)
{
    static const char *const single[] = {"(c)",      "(l)",      "(r)",   "(left)",  "(right)",
                                         "(centre)", "(center)", "(top)", "(bottom)"};
    static const char *const strong[] = {"(l-r)",       "(r-l)",           "(l to r)",
                                         "(from left)", "(left to right)", "(clockwise from"};
    unsigned seen = 0;
    for (const char *p = t + a; (p = memchr(p, '(', (size_t)(t + b - p))) != NULL; p++) {
        uint32_t i = (uint32_t)(p - t);
        if (i > a && t[i - 1] != ' ')
            continue;
        for (size_t q = 0; q < sizeof strong / sizeof strong[0]; q++)
            if (starts_with_ci(t, i, b, strong[q]))
                return true;
        for (size_t q = 0; q < sizeof single / sizeof single[0]; q++)
            if (starts_with_ci(t, i, b, single[q]))
                seen |= 1u << q;
    }
    return (seen & (seen - 1)) != 0; /* two different ones */
}

/* Footers: copyright lines ("© Reuters 2016", "(c) 2016 Reuters",
 * "Copyright 2016 The Associated Press.") and the links pages end with
 * ("Follow Matt on Twitter", "Click here for more", "Media playback is not
 * supported on this device", "Read more: ...", "Related: ...",
 * "Advertisement"). Phrases that also occur in running text ("said on
 * Twitter", "copyright law") only count where a footer puts them; a
 * notice inside a paragraph ("... All rights reserved.") is
 * copyright_tail's, and "Copyright" opens a line as copyright_notice_at
 * reads one (not "Copyright (Amendment) Act ..."). */
static bool is_footer(const char *t, uint32_t a, uint32_t b)
{
    static const char *const links[] = {"click here", "media playback is", "read more:",
                                        "related:", "related articles",
                                        "share this", "sign up for", "subscribe to",
                                        "see also:", "watch:", "more:"};
    if (starts_with_ci(t, a, b, "\xC2\xA9"))
        return true;
    if ((b - a == 13 && starts_with_ci(t, a, b, "advertisement")) ||
        (b - a == 9 && starts_with_ci(t, a, b, "read more")))
        return true;
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++)
        if (starts_with_ci(t, a, b, links[i]))
            return true;
    if (starts_with_ci(t, a, b, "copyright ") || starts_with_ci(t, a, b, "(c) ")) {
        uint32_t i = a + (t[a] == '(' ? 4 : 10), cp;
        if (i < b && (pcs_decode(t, i, &cp),
                      is_digit_cp(cp) || cp == 0xA9 || starts_with_ci(t, i, b, "(c)")))
            return true;
    }
    return starts_with_ci(t, a, b, "follow ") &&
           (contains_ci(t, a, b, " on twitter") || contains_ci(t, a, b, " on facebook") ||
            contains_ci(t, a, b, " on instagram") || contains_ci(t, a, b, " on youtube"));
}

/* Where the first copyright notice in [a, b) begins, or b: "© 2011" or
 * "© Copyright", "All rights reserved", "Copyright 2011" ("Copyright ©",
 * "Copyright (c)") at a word's start; not "(photo © AP)" nor "the
 * Copyright (Amendment) Act", which a short paragraph may hold. Unlike
 * is_footer's tests these are looked for anywhere in a sentence: a
 * letter's signature and the notice often share one ("Jennifer Leiser Salt
 * Lake City Copyright 2011 The Salt Lake Tribune."). Every paragraph's end
 * is asked, so the bytes every notice holds ("\xC2" of the sign, the "g"
 * of "right") are found with memchr and the words checked around them. */
static uint32_t copyright_notice_at(const char *t, uint32_t a, uint32_t b)
{
    uint32_t at = b;
    const char *p = t + a;
    for (; (p = memchr(p, 0xC2, (size_t)(t + b - p))) != NULL; p++) {
        uint32_t i = (uint32_t)(p - t) + 2;
        if (i > b || (unsigned char)p[1] != 0xA9)
            continue;
        i += i < b && t[i] == ' ';
        if (i < b && ((t[i] >= '0' && t[i] <= '9') || starts_with_ci(t, i, b, "copyright"))) {
            at = (uint32_t)(p - t);
            break;
        }
    }
    for (int c = 0; c < 2; c++)
        for (p = t + a; (p = memchr(p, "gG"[c], (size_t)(t + at - p))) != NULL; p++) {
            uint32_t g = (uint32_t)(p - t), cp;
            if (g < a + 6 || !starts_with_ci(t, g - 1, b, "ight"))
                continue;
            if (starts_with_ci(t, g - 6, b, "all rights reserved") ||
                (starts_with_ci(t, g - 6, b, "copyright ") &&
                 (g == 6 || !ascii_alpha((unsigned char)t[g - 7])) && g + 4 < b &&
                 (pcs_decode(t, g + 4, &cp),
                  is_digit_cp(cp) || cp == 0xA9 || starts_with_ci(t, g + 4, b, "(c)")))) {
                at = g - 6;
                break;
            }
        }
    return at;
}

/* ------------------------------------------------------------------------ */
/* Paragraphs                                                                */
/* ------------------------------------------------------------------------ */

typedef struct builder {
    pcs_sentence *v;
    size_t n, cap;
} builder;

static bool push(builder *b, const char *t, uint32_t start, uint32_t end, uint32_t para,
                 pcs_sentence_kind kind)
{
    if (!pcs_grow((void **)&b->v, &b->cap, b->n + 1, sizeof *b->v))
        return false;
    b->v[b->n++] = (pcs_sentence){.start = start,
                                  .end = end,
                                  .paragraph = para,
                                  .kind = (uint8_t)kind,
                                  .terminated = ends_with_terminator(t, start, end)};
    return true;
}

/* The first of the paragraph's sentences [first, n) from which on it is a
 * copyright notice and what follows one ("All rights reserved. This
 * material may not be published, broadcast, rewritten or redistributed."),
 * or n. News feeds append the notice to a story's last paragraph: all of
 * it would otherwise be summarised and tagged ("Salt Lake Tribune",
 * "material"), or, in a short paragraph, taken for a footer whole with the
 * story's own sentences. A notice is short: one that runs on for more than
 * a footer's words is text about copyright. */
static size_t copyright_tail(const builder *b, const char *t, size_t first, uint32_t e)
{
    uint32_t a = b->v[first].start;
    if (e - a > FURNITURE_MAX_BYTES)
        a = e - FURNITURE_MAX_BYTES;
    uint32_t at = copyright_notice_at(t, a, e);
    if (at == e)
        return b->n;
    size_t i = b->n - 1;
    while (i > first && b->v[i].start > at)
        i--;
    return e - b->v[i].start <= FURNITURE_MAX_BYTES &&
                   !more_words_than(t, b->v[i].start, e, FURNITURE_MAX_WORDS)
               ? i
               : b->n;
}

/* An unterminated line of this many words and bytes or fewer is a heading
 * (headline, section heading, byline, date); a longer one is text that
 * lost its full stop. Bytes bound scripts written without spaces. The same
 * holds for the unterminated end of a longer paragraph: in articles whose
 * line breaks were lost that is mostly a heading or page furniture ("Follow
 * us on Twitter", "Media playback is not supported on this device"), in
 * others text that lost its stop; a heading is the safer call, as it keeps
 * furniture out of summaries. */
#define HEADING_MAX_WORDS 20
#define HEADING_MAX_BYTES 300

static bool split_paragraph(builder *b, splitter *sp, uint32_t a, uint32_t e, uint32_t para)
{
    const char *t = sp->text;
    size_t first = b->n;
    if (!has_alnum(t, a, e))
        return push(b, t, a, e, para, PCS_SENT_DEBRIS);
    uint32_t s = a;
    /* Datelines only open stories, so look in the first paragraphs. */
    if (para < 8) {
        uint32_t name = a, head = a, body = byline_dateline_end(t, a, e, &name, &head);
        if (body > a && !push(b, t, a, name, para, PCS_SENT_DEBRIS))
            return false;
        if (body == a)
            body = dateline_end(t, a, e, &head);
        if (body > a) {
            if (!push(b, t, skip_spaces(t, name, head), head, para, PCS_SENT_HEADING))
                return false;
            s = body;
        }
    }
    while (s < e) {
        bool terminated;
        uint32_t end = sentence_end(sp, a, s, e, &terminated);
        uint32_t trimmed = trim_end(t, s, end);
        if (trimmed > s) {
            pcs_sentence_kind kind = PCS_SENT_BODY;
            if (!has_alnum(t, s, trimmed) || is_staff_credit(t, s, trimmed) ||
                (!terminated && is_byline(t, s, trimmed)))
                kind = PCS_SENT_DEBRIS;
            else if (!terminated && b->n > first &&
                     (is_agency_credit(t, s, trimmed) ||
                      (trimmed - s <= CREDIT_MAX_BYTES && is_footer(t, s, trimmed))))
                kind = PCS_SENT_DEBRIS; /* "... production. — AFP" */
            else if (!terminated && trimmed - s <= HEADING_MAX_BYTES &&
                     !more_words_than(t, s, trimmed, HEADING_MAX_WORDS))
                kind = PCS_SENT_HEADING;
            if (!push(b, t, s, trimmed, para, kind))
                return false;
        }
        s = skip_spaces(t, end, e);
    }
    /* A copyright notice and what follows it are furniture; the sentences
     * before it are the paragraph, as below. */
    size_t tail = copyright_tail(b, t, first, e);
    for (size_t i = tail; i < b->n; i++)
        b->v[i].kind = PCS_SENT_DEBRIS;
    if (tail == first)
        return true;
    /* Photo captions end with a credit or mark who stands where; footers
     * claim copyright. Either way the whole paragraph is page furniture. */
    const pcs_sentence *last = &b->v[tail - 1];
    e = last->end;
    bool furniture =
        !last->terminated && is_photo_credit(t, last->start, last->end, last > b->v + first);
    /* The word count last: it reads every short paragraph, the two tests
     * find a '(' or a footer's opening words with little reading. */
    if (!furniture && e - a <= FURNITURE_MAX_BYTES)
        furniture = (is_footer(t, a, e) || has_position_markers(t, a, e)) &&
                    !more_words_than(t, a, e, FURNITURE_MAX_WORDS);
    if (furniture)
        for (size_t i = first; i < tail; i++)
            b->v[i].kind = PCS_SENT_DEBRIS;
    return true;
}

/* Hard-wrapped text (e-mail, plain-text archives) breaks lines inside
 * sentences and separates paragraphs with blank lines. Call a text wrapped
 * when most lines that another line follows stop mid-sentence. *width is
 * the median length of those mid-sentence lines: the wrap column. */
static bool looks_wrapped(const char *t, uint32_t len, uint32_t *width)
{
    enum { BUCKETS = 256 };
    uint32_t hist[BUCKETS] = {0};
    uint32_t followed = 0, mid_sentence = 0, blank = 0;
    uint32_t a = 0, prev_len = 0;
    bool prev_nonblank = false, prev_mid = false;
    while (a < len) {
        const char *nl = memchr(t + a, '\n', len - a);
        uint32_t e = nl ? (uint32_t)(nl - t) : len;
        uint32_t s = skip_spaces(t, a, e), z = trim_end(t, s, e);
        bool nonblank = z > s;
        if (!nonblank)
            blank++;
        if (nonblank && prev_nonblank) {
            followed++;
            if (prev_mid) {
                mid_sentence++;
                hist[prev_len < BUCKETS ? prev_len : BUCKETS - 1]++;
            }
        }
        if (nonblank) {
            uint32_t last;
            pcs_decode(t, prev_start(t, z), &last);
            prev_mid = z - s >= 30 && terminator(last) == T_NONE && !is_closer(last) && last != ':';
            prev_len = z - s;
        }
        prev_nonblank = nonblank;
        a = e + 1;
    }
    uint32_t half = (mid_sentence + 1) / 2, seen = 0;
    *width = 0;
    for (uint32_t w = 0; w < BUCKETS && seen < half; w++) {
        seen += hist[w];
        *width = w;
    }
    return blank > 0 && mid_sentence >= 3 && mid_sentence * 2 >= followed;
}

static uint32_t line_end(const char *t, uint32_t a, uint32_t len)
{
    const char *nl = memchr(t + a, '\n', len - a);
    return nl ? (uint32_t)(nl - t) : len;
}

/* Where the paragraph whose first line starts at text[a] ends. A
 * paragraph is one line, or in wrapped text a run of lines up to a blank
 * one or a short line (a heading, or the end of a paragraph set without a
 * blank line after it). Either way a line that stops mid-clause continues
 * on a next line that starts in lower case: that is a wrapped sentence. */
static uint32_t paragraph_end(const char *t, uint32_t len, uint32_t a, bool wrapped, uint32_t width)
{
    uint32_t e = line_end(t, a, len);
    for (;;) {
        if (e >= len)
            return e;
        uint32_t next = e + 1, ne = line_end(t, next, len);
        uint32_t ns = skip_spaces(t, next, ne);
        if (ns >= ne)
            return e; /* a blank line */
        uint32_t cs = skip_spaces(t, a, e), cz = trim_end(t, cs, e);
        uint32_t cp, w0, w1;
        next_word(t, ns, ne, &cp, &w0, &w1);
        bool lower_next = w0 == ns && is_lower_cp(cp) && !is_camel(t, w0, w1);
        bool join;
        if (wrapped) {
            join = lower_next || (cz - cs) * 2 >= width;
        } else {
            uint32_t last = 0;
            if (cz > cs)
                pcs_decode(t, prev_start(t, cz), &last);
            join = lower_next && (is_alnum_cp(last) || last == ',' || last == ';');
        }
        if (!join)
            return e;
        a = next;
        e = ne;
    }
}

precis_status pcs_segment(pcs_doc *doc, pcs_arena *arena, const pcs_language *language,
                          precis_error *err)
{
    const char *t = doc->text;
    uint32_t len = doc->len;
    splitter sp = {.text = t, .len = len, .lang = language, .arena = arena};
    pcs_map_init(&sp.ortho_long);
    builder b = {0};
    uint32_t width;
    bool wrapped = looks_wrapped(t, len, &width);
    uint32_t para = 0;
    uint32_t a = 0;
    bool ok = true;
    while (ok && a < len) {
        /* Newlines inside a paragraph are spaces to later stages. */
        uint32_t e = paragraph_end(t, len, a, wrapped, width);
        uint32_t s = skip_spaces(t, a, e), z = trim_end(t, s, e);
        if (z > s) {
            ok = split_paragraph(&b, &sp, s, z, para);
            para++;
        }
        a = e + 1;
    }
    free(sp.ortho.slots);
    pcs_map_free(&sp.ortho_long);
    if (!ok || sp.nomem) {
        free(b.v);
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    }
    doc->n_paragraphs = para;
    doc->n_sents = (uint32_t)b.n;
    doc->sents = pcs_arena_alloc(arena, (b.n ? b.n : 1) * sizeof *b.v);
    if (!doc->sents) {
        free(b.v);
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    }
    if (b.n)
        memcpy(doc->sents, b.v, b.n * sizeof *b.v);
    free(b.v);
    return PRECIS_OK;
}
