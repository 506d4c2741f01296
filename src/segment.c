/* Stage 2, sentences: paragraphs from line breaks (or blank lines in
 * hard-wrapped text), sentence boundaries, and what each sentence is:
 * running text, a heading or dateline, or page debris.
 *
 * Boundary rules follow the orthographic heuristics of Punkt (Kiss and
 * Strunk, 2006, "Unsupervised Multilingual Sentence Boundary Detection"):
 * a full stop after a known abbreviation, an initial or a dotted acronym
 * ends a sentence only when the next word is a capitalised function word;
 * no terminator ends one before a lower-case word. The abbreviation list is
 * data (models/<lang>/abbreviations.txt), not code. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* ------------------------------------------------------------------------ */
/* Characters                                                                */
/* ------------------------------------------------------------------------ */

/* Decode the code point at text[i] (valid UTF-8 by stage 1's contract). */
static uint32_t decode(const char *text, uint32_t i, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)text + i;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(s, 4, &c);
    if (k <= 0) {
        *cp = s[0];
        return 1;
    }
    *cp = (uint32_t)c;
    return (uint32_t)k;
}

/* Start of the code point that ends just before text[i]. */
static uint32_t prev_start(const char *text, uint32_t i)
{
    do
        i--;
    while (i > 0 && ((unsigned char)text[i] & 0xC0) == 0x80);
    return i;
}

static bool is_alnum_cp(uint32_t cp)
{
    if (cp < 0x80)
        return isalnum((int)cp) != 0;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
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

/* Quotes and brackets that may close a sentence after its full stop. */
static bool is_closer(uint32_t cp)
{
    switch (cp) {
    case '"': case '\'': case ')': case ']': case '}':
    case 0xBB: case 0x2019: case 0x201D: case 0x203A: case 0x300D:
    case 0x300F: case 0xFF09:
        return true;
    default:
        return false;
    }
}

/* Quotes and brackets that may open a sentence. */
static bool is_opener(uint32_t cp)
{
    switch (cp) {
    case '"': case '\'': case '(': case '[': case '{':
    case 0xAB: case 0xBF: case 0xA1: case 0x2018: case 0x201C: case 0x201E:
    case 0x2039: case 0x300C: case 0x300E:
        return true;
    default:
        return false;
    }
}

typedef enum { T_NONE, T_STOP, T_STRONG, T_ELLIPSIS, T_IDEOGRAPHIC } term_kind;

/* Sentence terminators. Ideographic ones need no following space. */
static term_kind terminator(uint32_t cp)
{
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
}

static bool has_alnum(const char *text, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b;) {
        uint32_t cp;
        i += decode(text, i, &cp);
        if (is_alnum_cp(cp))
            return true;
    }
    return false;
}

/* Whitespace-separated chunks holding a letter or digit. */
static uint32_t count_words(const char *text, uint32_t a, uint32_t b)
{
    uint32_t n = 0;
    bool in_word = false, counted = false;
    for (uint32_t i = a; i < b;) {
        uint32_t cp;
        uint32_t k = decode(text, i, &cp);
        if (cp == ' ' || cp == '\n') {
            in_word = false;
        } else {
            if (!in_word)
                counted = false;
            in_word = true;
            if (!counted && is_alnum_cp(cp)) {
                n++;
                counted = true;
            }
        }
        i += k;
    }
    return n;
}

static uint32_t skip_spaces(const char *text, uint32_t i, uint32_t end)
{
    while (i < end && (text[i] == ' ' || text[i] == '\n'))
        i++;
    return i;
}

static uint32_t trim_end(const char *text, uint32_t start, uint32_t end)
{
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\n'))
        end--;
    return end;
}

/* ------------------------------------------------------------------------ */
/* Sentence boundaries                                                       */
/* ------------------------------------------------------------------------ */

typedef struct splitter {
    const char *text;
    const pcs_language *lang;
} splitter;

/* Lower-case ASCII copy of text[a, b) into buf (capacity n); false when it
 * does not fit. Non-ASCII bytes are copied unchanged. */
static bool fold_ascii(const char *text, uint32_t a, uint32_t b, char *buf,
                       size_t n)
{
    if (b - a >= n)
        return false;
    for (uint32_t i = a; i < b; i++)
        buf[i - a] = (char)tolower((unsigned char)text[i]);
    buf[b - a] = '\0';
    return true;
}

/* The word that starts at text[m]: skip openers, then take letters. */
static void next_word(const splitter *sp, uint32_t m, uint32_t end,
                      uint32_t *first_cp, uint32_t *w0, uint32_t *w1)
{
    uint32_t cp = 0;
    while (m < end) {
        uint32_t k = decode(sp->text, m, &cp);
        if (!is_opener(cp))
            break;
        m += k;
    }
    *first_cp = m < end ? cp : 0;
    *w0 = m;
    while (m < end) {
        uint32_t k = decode(sp->text, m, &cp);
        if (!is_alnum_cp(cp) && cp != '\'' && cp != 0x2019)
            break;
        m += k;
    }
    *w1 = m;
}

/* Is the word text[a, b) a dotted acronym like "U.S" or "a.m" (the final
 * dot excluded)? */
static bool dotted_acronym(const char *text, uint32_t a, uint32_t b)
{
    if (b - a < 3)
        return false;
    for (uint32_t i = a; i < b; i++) {
        bool letter_slot = ((i - a) % 2) == 0;
        if (letter_slot ? !isalpha((unsigned char)text[i]) : text[i] != '.')
            return false;
    }
    return true;
}

/* Does a full stop at text[dot] followed (after closers and spaces) by the
 * word at text[m] end a sentence? */
static bool stop_ends_sentence(const splitter *sp, uint32_t para_start,
                               uint32_t dot, uint32_t m, uint32_t end)
{
    const char *t = sp->text;
    uint32_t cp, w0, w1;
    next_word(sp, m, end, &cp, &w0, &w1);
    if (is_lower_cp(cp))
        return false;

    /* The word before the dot, without opening punctuation. */
    uint32_t a = dot;
    while (a > para_start && t[a - 1] != ' ' && t[a - 1] != '\n')
        a--;
    while (a < dot) {
        uint32_t k = decode(t, a, &cp);
        if (!is_opener(cp))
            break;
        a += k;
    }
    if (a == dot)
        return true;

    char word[32];
    bool generic = false; /* abbreviation that may also end a sentence */
    if (fold_ascii(t, a, dot, word, sizeof word)) {
        switch (pcs_abbreviation(sp->lang, word, dot - a)) {
        case PCS_ABBREV_TITLE:
            return false;
        case PCS_ABBREV_NUMBER:
            if (is_digit_cp(cp))
                return false;
            generic = true;
            break;
        case PCS_ABBREV_GENERAL:
            generic = true;
            break;
        case PCS_ABBREV_NONE:
            break;
        }
    }
    uint32_t first;
    uint32_t k = decode(t, a, &first);
    if (a + k == dot && is_upper_cp(first))
        generic = true; /* an initial: "John F. Kennedy" */
    if (dotted_acronym(t, a, dot))
        generic = true; /* "U.S.", "a.m." */
    if (!generic)
        return true;
    /* After an abbreviation, only a capitalised function word ("The",
     * "But", "He") shows that a new sentence has begun. */
    if (!is_upper_cp(cp))
        return !is_digit_cp(cp) && w1 == w0 && cp != 0;
    char next[32];
    return fold_ascii(t, w0, w1, next, sizeof next) &&
           pcs_is_stopword(sp->lang, next, w1 - w0);
}

/* Find the end of the sentence that starts at text[s] within [s, end).
 * *terminated says whether it ended with a terminator. */
static uint32_t sentence_end(const splitter *sp, uint32_t para_start,
                             uint32_t s, uint32_t end, bool *terminated)
{
    const char *t = sp->text;
    uint32_t i = s;
    while (i < end) {
        uint32_t cp;
        uint32_t k = decode(t, i, &cp);
        term_kind kind = terminator(cp);
        if (kind == T_NONE) {
            i += k;
            continue;
        }
        /* The run of terminators: "?!", "...", "!!". */
        uint32_t j = i + k;
        bool dots_only = kind == T_STOP;
        uint32_t n_stops = kind == T_STOP;
        while (j < end) {
            uint32_t c2, k2 = decode(t, j, &c2);
            term_kind k2kind = terminator(c2);
            if (k2kind == T_NONE)
                break;
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
            uint32_t c2, k2 = decode(t, close, &c2);
            if (!is_closer(c2))
                break;
            close += k2;
        }
        if (kind == T_IDEOGRAPHIC) {
            *terminated = true;
            return close;
        }
        if (close == end) {
            *terminated = true;
            return close;
        }
        if (t[close] != ' ' && t[close] != '\n') {
            /* "3.5", "U.S.A", "e.g.," : not a boundary. */
            i = j;
            continue;
        }
        uint32_t m = skip_spaces(t, close, end);
        bool ends;
        if (kind == T_STOP) {
            ends = stop_ends_sentence(sp, para_start, i, m, end);
        } else {
            uint32_t ncp, w0, w1;
            next_word(sp, m, end, &ncp, &w0, &w1);
            ends = !is_lower_cp(ncp);
        }
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
/* Datelines, captions, headings                                             */
/* ------------------------------------------------------------------------ */

/* Is text[a, b) a word in capitals ("VLADIVOSTOK", "ST.", "U.S.")? */
static bool all_caps_word(const char *t, uint32_t a, uint32_t b)
{
    uint32_t letters = 0;
    for (uint32_t i = a; i < b;) {
        uint32_t cp, k = decode(t, i, &cp);
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

/* A dateline opens a news story: "VLADIVOSTOK, Russia  Japanese ...",
 * "LONDON, England (CNN) -- A ...", "(CNN)Share ...", "WASHINGTON
 * (Reuters) - The ...". Returns where the story proper starts, or p when
 * there is no dateline. A place in capitals needs a separator after it
 * (dash, colon, agency in brackets, or the double space a lost dash
 * leaves) so that "NASA said" is not mistaken for one. */
static uint32_t dateline_end(const char *t, uint32_t p, uint32_t end)
{
    uint32_t i = p, words = 0;
    bool place = false, agency = false;
    /* Place in capitals, possibly several words. */
    while (i < end && words < 4) {
        uint32_t w = i;
        while (w < end && t[w] != ' ' && t[w] != ',' && t[w] != '(')
            w++;
        if (w == i || !all_caps_word(t, i, w))
            break;
        place = true;
        words++;
        i = w;
        if (i < end && t[i] == ' ' && i + 1 < end && t[i + 1] != ' ')
            i++;
        else
            break;
    }
    if (place && i < end && t[i] == ',') {
        /* ", Region": up to three capitalised words, single-spaced. */
        uint32_t j = skip_spaces(t, i + 1, end), n = 0;
        while (j < end && n < 3) {
            uint32_t cp;
            decode(t, j, &cp);
            if (!is_upper_cp(cp))
                break;
            uint32_t w = j;
            while (w < end && t[w] != ' ' && t[w] != '(')
                w++;
            n++;
            i = w;
            if (w + 1 < end && t[w] == ' ' && t[w + 1] != ' ' && t[w + 1] != '(')
                j = w + 1;
            else
                break;
        }
        if (n == 0)
            return p;
    }
    uint32_t j = place ? i : p;
    if (place && j + 1 < end && t[j] == ' ' && t[j + 1] == '(')
        j++;
    if (j < end && t[j] == '(') {
        uint32_t c = j + 1;
        while (c < end && c - j < 24 && t[c] != ')')
            c++;
        if (c < end && t[c] == ')' && c > j + 1) {
            uint32_t cp;
            decode(t, j + 1, &cp);
            if (is_upper_cp(cp)) {
                agency = true;
                j = c + 1;
            }
        }
    }
    if (!place && !agency)
        return p;
    /* Separator. */
    uint32_t s = j;
    while (s < end && t[s] == ' ')
        s++;
    uint32_t spaces = s - j;
    uint32_t after = s;
    if (s < end && (t[s] == '-' || t[s] == ':')) {
        while (after < end && (t[after] == '-' || t[after] == ':'))
            after++;
    } else if (s + 3 <= end && (memcmp(t + s, "\xE2\x80\x94", 3) == 0 ||
                                memcmp(t + s, "\xE2\x80\x93", 3) == 0)) {
        after = s + 3;
    } else if (!(spaces >= 2 || (agency && (spaces == 0 || !place)))) {
        return p;
    }
    if (after < end && t[after] != ' ' && after != s)
        return p; /* "-based", not a separator */
    after = skip_spaces(t, after, end);
    if (after >= end || after - p > 80)
        return p;
    uint32_t cp;
    decode(t, after, &cp);
    if (!is_upper_cp(cp) && !is_opener(cp) && !is_digit_cp(cp))
        return p;
    return after;
}

static bool contains_ci(const char *t, uint32_t a, uint32_t b, const char *needle)
{
    size_t n = strlen(needle);
    for (uint32_t i = a; i + n <= b; i++) {
        size_t k = 0;
        while (k < n && tolower((unsigned char)t[i + k]) == needle[k])
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* Photo captions: a picture position marker "(C)", "(L-R)", "(pictured)",
 * or a credit line "— AFP/VNA Photo", "Photo: Reuters". Checked per
 * paragraph; captions are short, so long paragraphs are never captions. */
static bool is_caption(const char *t, uint32_t a, uint32_t b, uint32_t words)
{
    if (words > 60)
        return false;
    static const char *const markers[] = {
        "(c)", "(l)", "(r)", "(l-r)", "(r-l)", "(centre)", "(center)",
        "(left)", "(right)", "(pictured)", "(file photo)", "photo:",
        "photo by", "photo credit", "picture:", "image:", "getty images",
        "photograph:", "(photo", "/ photo", "/photo"};
    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++)
        if (contains_ci(t, a, b, markers[i]))
            return true;
    /* "... this year. — AFP/VNA Photo": a credit ending the paragraph. */
    uint32_t tail = b > a + 40 ? b - 40 : a;
    return contains_ci(t, tail, b, " photo") && !contains_ci(t, tail, b, " photos of");
}

/* ------------------------------------------------------------------------ */
/* Paragraphs                                                                */
/* ------------------------------------------------------------------------ */

typedef struct builder {
    pcs_sentence *v;
    size_t n, cap;
} builder;

static bool push(builder *b, uint32_t start, uint32_t end, uint32_t para,
                 pcs_sentence_kind kind, bool terminated)
{
    if (!pcs_grow((void **)&b->v, &b->cap, b->n + 1, sizeof *b->v))
        return false;
    b->v[b->n++] = (pcs_sentence){.start = start, .end = end,
                                  .paragraph = para, .kind = (uint8_t)kind,
                                  .terminated = terminated};
    return true;
}

/* Unterminated lines of this many words or fewer are headings (headline,
 * section heading, byline, date); longer ones are text that lost its full
 * stop. */
#define HEADING_MAX_WORDS 20

static bool split_paragraph(builder *b, const splitter *sp, uint32_t a,
                            uint32_t e, uint32_t para)
{
    const char *t = sp->text;
    size_t first = b->n;
    if (!has_alnum(t, a, e))
        return push(b, a, e, para, PCS_SENT_DEBRIS, false);
    uint32_t s = a;
    /* Datelines only open stories, so look in the first paragraphs. */
    if (para < 8) {
        uint32_t body = dateline_end(t, a, e);
        if (body > a) {
            if (!push(b, a, trim_end(t, a, body), para, PCS_SENT_HEADING, false))
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
            if (!has_alnum(t, s, trimmed))
                kind = PCS_SENT_DEBRIS;
            else if (!terminated &&
                     count_words(t, s, trimmed) <= HEADING_MAX_WORDS)
                kind = PCS_SENT_HEADING;
            if (!push(b, s, trimmed, para, kind, terminated))
                return false;
        }
        s = skip_spaces(t, end, e);
    }
    if (is_caption(t, a, e, count_words(t, a, e)))
        for (size_t i = first; i < b->n; i++)
            b->v[i].kind = PCS_SENT_DEBRIS;
    return true;
}

/* Hard-wrapped text (e-mail, plain-text archives) breaks lines inside
 * sentences and separates paragraphs with blank lines. Call a text wrapped
 * when most lines that another line follows stop mid-sentence. */
static bool looks_wrapped(const char *t, uint32_t len)
{
    uint32_t followed = 0, mid_sentence = 0, blank = 0;
    uint32_t a = 0;
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
            mid_sentence += prev_mid;
        }
        if (nonblank) {
            uint32_t last;
            decode(t, prev_start(t, z), &last);
            prev_mid = z - s >= 30 && terminator(last) == T_NONE && !is_closer(last) &&
                       last != ':';
        }
        prev_nonblank = nonblank;
        a = e + 1;
    }
    return blank > 0 && mid_sentence >= 3 && mid_sentence * 2 >= followed;
}

precis_status pcs_segment(pcs_doc *doc, pcs_arena *arena,
                          const pcs_language *language, precis_error *err)
{
    const char *t = doc->text;
    uint32_t len = doc->len;
    splitter sp = {t, language};
    builder b = {0};
    bool wrapped = looks_wrapped(t, len);
    uint32_t para = 0;
    uint32_t a = 0;
    bool ok = true;
    while (ok && a < len) {
        /* A paragraph is one line, or in wrapped text a run of lines up to
         * a blank one; newlines inside it are spaces to later stages. */
        uint32_t e = a;
        for (;;) {
            const char *nl = memchr(t + e, '\n', len - e);
            e = nl ? (uint32_t)(nl - t) : len;
            if (!wrapped || e >= len)
                break;
            uint32_t next = e + 1;
            uint32_t ns = skip_spaces(t, next, len);
            const char *nl2 = memchr(t + next, '\n', len - next);
            uint32_t ne = nl2 ? (uint32_t)(nl2 - t) : len;
            if (ns >= ne || ns >= len)
                break; /* blank line ends the paragraph */
            e = next;
        }
        uint32_t s = skip_spaces(t, a, e), z = trim_end(t, s, e);
        if (z > s) {
            ok = split_paragraph(&b, &sp, s, z, para);
            para++;
        }
        a = e + 1;
    }
    if (!ok) {
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
