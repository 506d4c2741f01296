/* Where the key terms occur: the token runs of the document that spell each
 * key term, as byte ranges of the caller's input, for renderings that mark
 * them in the text (the HTML view, output.c).
 *
 * A key term is a run of consecutive tokens (a phrase of keywords.c) printed
 * in one of its spellings. Its tokens are found where the text spells it
 * that way (ignoring case, white-space runs and a trailing possessive), and
 * then every run of tokens with the same terms (stems) in the same order is
 * an occurrence: "Kuril Islands" also marks "Kuril islands" and "Kuril
 * island". A token belongs to at most one mark: longer key terms claim
 * theirs first, so "Kremlin aide Yury Ushakov" is marked whole even when
 * "Ushakov" alone ranks higher.
 *
 * Only the HTML view shows marks, so a summary does not look for them (it
 * cost 16% of a call): the view tokenises the text again, under the options
 * and language the result records, which gives the document's tokens. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* Does the normalised text from `at` spell `s` (len bytes), ignoring case
 * and reading any white-space run of the text as the one space of s?
 * Returns the text position after the match, or 0 when it does not. */
static uint32_t spells(const pcs_doc *doc, uint32_t at, const char *s, size_t len)
{
    uint32_t i = at;
    size_t k = 0;
    while (k < len) {
        if (i >= doc->len)
            return 0;
        if (s[k] == ' ') {
            if (doc->text[i] != ' ' && doc->text[i] != '\n')
                return 0;
            while (i < doc->len && (doc->text[i] == ' ' || doc->text[i] == '\n'))
                i++;
            k++;
            continue;
        }
        uint32_t a, b;
        i += pcs_decode(doc->text, i, &a);
        utf8proc_int32_t cb;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + k,
                                              (utf8proc_ssize_t)(len - k), &cb);
        if (n <= 0)
            return 0;
        b = (uint32_t)cb;
        k += (size_t)n;
        if (a != b && utf8proc_tolower((utf8proc_int32_t)a) != utf8proc_tolower((utf8proc_int32_t)b))
            return 0;
    }
    return i;
}

/* Is text[at, end) nothing or a possessive ending ('s, ’s, ' or ’)? */
static bool possessive_or_nothing(const pcs_doc *doc, uint32_t at, uint32_t end)
{
    const char *p = doc->text + at;
    uint32_t n = end - at;
    if (n == 0)
        return true;
    if (p[0] == '\'')
        p += 1, n -= 1;
    else if (n >= 3 && memcmp(p, "\xE2\x80\x99", 3) == 0)
        p += 3, n -= 3;
    else
        return false;
    return n == 0 || (n == 1 && (p[0] == 's' || p[0] == 'S'));
}

/* The first token run spelling the key term: its first token and length,
 * or false when the text has no such run. */
static bool find_spelling(const pcs_doc *doc, const char *s, size_t len, uint32_t *first,
                          uint32_t *count)
{
    for (uint32_t si = 0; si < doc->n_sents; si++) {
        uint32_t sent_end = doc->sents[si].tok_first + doc->sents[si].tok_count;
        for (uint32_t t = doc->sents[si].tok_first; t < sent_end; t++) {
            uint32_t end = spells(doc, doc->toks[t].start, s, len);
            if (!end)
                continue;
            /* The run must end where a token of the same sentence ends,
             * or before its possessive ending: "Russia" is not "Russian". */
            for (uint32_t u = t; u < sent_end; u++) {
                uint32_t tok_end = doc->toks[u].start + doc->toks[u].len;
                if (tok_end >= end) {
                    if (end > doc->toks[u].start && possessive_or_nothing(doc, end, tok_end)) {
                        *first = t;
                        *count = u - t + 1;
                        return true;
                    }
                    break;
                }
            }
        }
    }
    return false;
}

/* Do the cnt tokens from t, none taken yet, spell the key term whose
 * first spelling is `want`: the same terms, and stopwords byte for byte? */
static bool spelled_at(const pcs_doc *doc, const bool *taken, const pcs_token *want,
                       uint32_t cnt, uint32_t t)
{
    for (uint32_t j = 0; j < cnt; j++) {
        const pcs_token *a = &doc->toks[t + j];
        bool same = !taken[t + j] &&
                    (a->term == UINT32_MAX
                         ? a->len == want[j].len &&
                               memcmp(doc->text + a->start, doc->text + want[j].start, a->len) == 0
                         : a->term == want[j].term);
        if (!same)
            return false;
    }
    return true;
}

static int by_start(const void *a, const void *b)
{
    const pcs_mark *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

precis_status pcs_keyword_marks(const pcs_doc *doc, pcs_arena *arena, const pcs_keyterm *kt,
                                uint32_t n_kt, pcs_mark **out, uint32_t *n_out,
                                precis_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (n_kt == 0 || doc->n_toks == 0)
        return PRECIS_OK;
    bool *taken = pcs_arena_calloc(arena, doc->n_toks, sizeof *taken);
    if (!taken)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    /* Each key term's spelling in the text, then the order they claim
     * tokens in: most tokens first, by rank among equals. */
    uint32_t *first = pcs_arena_alloc(arena, 3 * (size_t)n_kt * sizeof *first);
    if (!first)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    uint32_t *count = first + n_kt, *order = count + n_kt;
    for (uint32_t k = 0; k < n_kt; k++) {
        if (!find_spelling(doc, kt[k].surface, kt[k].surface_len, &first[k], &count[k]))
            count[k] = 0;
        uint32_t j = k;
        for (; j > 0 && count[order[j - 1]] < count[k]; j--)
            order[j] = order[j - 1];
        order[j] = k;
    }
    pcs_mark *marks = NULL;
    size_t n = 0, cap = 0;
    for (uint32_t o = 0; o < n_kt && count[order[o]] > 0; o++) {
        uint32_t k = order[o], cnt = count[k];
        const pcs_token *want = &doc->toks[first[k]];
        /* Every run of cnt tokens within one sentence. */
        for (uint32_t si = 0; si < doc->n_sents; si++) {
            const pcs_sentence *sent = &doc->sents[si];
            for (uint32_t t = sent->tok_first; t + cnt <= sent->tok_first + sent->tok_count; t++) {
                if (!spelled_at(doc, taken, want, cnt, t))
                    continue;
                if (!pcs_grow((void **)&marks, &cap, n + 1, sizeof *marks)) {
                    free(marks);
                    return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
                }
                const pcs_token *last = &doc->toks[t + cnt - 1];
                marks[n++] = (pcs_mark){.start = pcs_orig_offset(doc, doc->toks[t].start),
                                        .end = pcs_orig_offset(doc, last->start + last->len),
                                        .keyword = k};
                for (uint32_t j = 0; j < cnt; j++)
                    taken[t + j] = true;
                t += cnt - 1;
            }
        }
    }
    if (n) {
        qsort(marks, n, sizeof *marks, by_start);
        pcs_mark *copy = pcs_arena_alloc(arena, n * sizeof *copy);
        if (copy)
            memcpy(copy, marks, n * sizeof *copy);
        free(marks);
        if (!copy)
            return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
        *out = copy;
        *n_out = (uint32_t)n;
    }
    return PRECIS_OK;
}

precis_status pcs_result_marks(const precis_result *r, const char *text, size_t len,
                               pcs_mark **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    if (r->n_keywords == 0)
        return PRECIS_OK;
    precis_options o;
    precis_options_init(&o, sizeof o);
    o.language = r->stats.language;
    o.max_bytes = len ? len : 1;
    o.repair_utf8 = r->repair_utf8;
    o.ablate = r->ablate;
    o.max_sentence_words = r->max_sentence_words;
    precis_summarizer *s = NULL;
    precis_status st = precis_summarizer_new(&s);
    if (st != PRECIS_OK)
        return st;
    pcs_doc doc;
    precis_error err = PRECIS_ERROR_INIT;
    st = pcs_prepare_tokens(s, text, len, &o, &doc, NULL, &err);
    pcs_keyterm *kt = NULL;
    if (st == PRECIS_OK) {
        kt = pcs_arena_alloc(&s->arena, r->n_keywords * sizeof *kt);
        if (!kt)
            st = PRECIS_ERR_NOMEM;
    }
    pcs_mark *marks = NULL;
    uint32_t n = 0;
    if (st == PRECIS_OK) {
        for (size_t k = 0; k < r->n_keywords; k++)
            kt[k] = (pcs_keyterm){.surface = r->keywords[k].term,
                                  .surface_len = (uint32_t)r->keywords[k].term_len};
        st = pcs_keyword_marks(&doc, &s->arena, kt, (uint32_t)r->n_keywords, &marks, &n, &err);
    }
    if (st == PRECIS_OK && n) {
        *out = malloc(n * sizeof **out);
        if (*out) {
            memcpy(*out, marks, n * sizeof **out);
            *n_out = n;
        } else {
            st = PRECIS_ERR_NOMEM;
        }
    }
    precis_summarizer_free(s);
    /* The result's own text always tokenises again; any other failure
     * than memory means the caller passed other bytes. */
    return st == PRECIS_OK || st == PRECIS_ERR_NOMEM ? st : PRECIS_ERR_ARGUMENT;
}
