/* Stage 7, key terms: TextRank over a word co-occurrence graph (Mihalcea
 * and Tarau, 2004, "TextRank: Bringing Order into Texts", section 3).
 *
 * Vertices are the stems of content words (not stopwords, holding a
 * letter); an edge joins two that occur within WINDOW tokens of each other
 * in a sentence, weighted by how often they do. After ranking, the top
 * third of the vertices are keywords, and runs of adjacent keywords in the
 * text are collapsed into multi-word phrases scored by the sum of their
 * words' scores (as pke's TextRank does). Each phrase is printed in its
 * most frequent surface form. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* Co-occurrence window in tokens (the paper found 2 best on abstracts; 3
 * gives denser graphs without a part-of-speech filter). */
#define WINDOW 3
#define MAX_PHRASE 4

static bool content_sentence(const pcs_sentence *s)
{
    return s->kind == PCS_SENT_BODY || s->kind == PCS_SENT_HEADING;
}

static bool is_candidate(const pcs_doc *doc, const pcs_token *t)
{
    if (t->term == UINT32_MAX)
        return false;
    const pcs_term *term = &doc->terms[t->term];
    return term->alpha && term->stem_len >= 2;
}

typedef struct edge {
    uint32_t a, b;
} edge;

static int by_edge(const void *pa, const void *pb)
{
    const edge *a = pa, *b = pb;
    if (a->a != b->a)
        return a->a < b->a ? -1 : 1;
    return a->b < b->b ? -1 : a->b > b->b;
}

/* Build the symmetric co-occurrence matrix over vertex ids. */
static bool build_graph(const pcs_doc *doc, const uint32_t *vertex,
                        uint32_t n_vertices, pcs_arena *arena, pcs_csr *w)
{
    edge *e = NULL;
    size_t n = 0, cap = 0;
    for (uint32_t s = 0; s < doc->n_sents; s++) {
        const pcs_sentence *sent = &doc->sents[s];
        if (!content_sentence(sent))
            continue;
        const pcs_token *t = doc->toks + sent->tok_first;
        for (uint32_t i = 0; i < sent->tok_count; i++) {
            if (!is_candidate(doc, &t[i]))
                continue;
            for (uint32_t j = i + 1; j < sent->tok_count && j < i + WINDOW; j++) {
                if (!is_candidate(doc, &t[j]) || t[i].term == t[j].term)
                    continue;
                if (!pcs_grow((void **)&e, &cap, n + 2, sizeof *e)) {
                    free(e);
                    return false;
                }
                uint32_t a = vertex[t[i].term], b = vertex[t[j].term];
                e[n++] = (edge){a, b};
                e[n++] = (edge){b, a};
            }
        }
    }
    qsort(e, n, sizeof *e, by_edge);
    size_t distinct = 0;
    for (size_t k = 0; k < n; k++)
        distinct += k == 0 || by_edge(&e[k], &e[k - 1]) != 0;
    w->rows = w->cols = n_vertices;
    w->row_ptr = pcs_arena_calloc(arena, (size_t)n_vertices + 1, sizeof *w->row_ptr);
    w->col = pcs_arena_alloc(arena, (distinct ? distinct : 1) * sizeof *w->col);
    w->val = pcs_arena_alloc(arena, (distinct ? distinct : 1) * sizeof *w->val);
    if (!w->row_ptr || !w->col || !w->val || distinct > INT32_MAX) {
        free(e);
        return false;
    }
    size_t at = 0;
    for (size_t k = 0; k < n; k++) {
        if (k > 0 && by_edge(&e[k], &e[k - 1]) == 0) {
            w->val[at - 1] += 1.0;
            continue;
        }
        w->col[at] = (int)e[k].b;
        w->val[at] = 1.0;
        w->row_ptr[e[k].a + 1]++;
        at++;
    }
    for (uint32_t v = 0; v < n_vertices; v++)
        w->row_ptr[v + 1] += w->row_ptr[v];
    free(e);
    return true;
}

typedef struct phrase {
    uint32_t terms[MAX_PHRASE];
    uint32_t n_terms;
    double score;
    uint32_t count;
    int32_t best_surface; /* index into surfaces, -1 none */
    double best_weight;
} phrase;

typedef struct surface {
    const char *text;
    uint32_t len;
    uint32_t phrase;
    double weight;
} surface;

typedef struct kw_state {
    const pcs_doc *doc;
    pcs_arena *arena;
    pcs_map phrase_map;  /* key: the phrase's term ids as bytes */
    pcs_map surface_map; /* key: surface text */
    phrase *phrases;
    size_t n_phrases, cap_phrases;
    surface *surfaces;
    size_t n_surfaces, cap_surfaces;
    char *buf;
    size_t cap_buf;
} kw_state;

/* Does the token end in a possessive 's? A possessor ends its phrase
 * ("Putin's aides" is two terms) and is printed without the 's (Snowball
 * stems both forms alike). */
static bool possessive(const pcs_doc *doc, const pcs_token *t)
{
    const char *end = doc->text + t->start + t->len;
    if (t->len < 3 || end[-1] != 's')
        return false;
    return end[-2] == '\'' || (t->len > 4 && memcmp(end - 4, "\xE2\x80\x99", 3) == 0);
}

/* How much one occurrence's spelling counts when choosing how to print the
 * phrase: a capital that only marks a sentence start is less typical of the
 * term than a mid-sentence form. */
static double spelling_weight(const pcs_token *first, bool lowered)
{
    if (!lowered && (first->flags & PCS_TOK_INITIAL) && (first->flags & PCS_TOK_UPPER))
        return 0.4;
    return 1.0;
}

/* Lower-case the first letter of buf[0, len) in place; returns the new
 * length (a few letters change their UTF-8 length when lowered). */
static size_t lower_first(char *buf, size_t len, size_t cap)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)len, &cp);
    if (k <= 0)
        return len;
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
    if (m <= 0 || len - (size_t)k + (size_t)m + 1 > cap)
        return len;
    memmove(buf + m, buf + k, len - (size_t)k + 1);
    memcpy(buf, enc, (size_t)m);
    return len - (size_t)k + (size_t)m;
}

static bool add_occurrence(kw_state *st, const pcs_token *t, uint32_t n,
                           const double *word_score, const uint32_t *vertex,
                           const bool *lower_mid)
{
    const pcs_doc *doc = st->doc;
    uint32_t key[MAX_PHRASE];
    for (uint32_t i = 0; i < n; i++)
        key[i] = t[i].term;
    size_t klen = n * sizeof *key;
    uint32_t h = pcs_hash((const char *)key, klen);
    pcs_map_slot *slot = pcs_map_find(&st->phrase_map, (const char *)key, klen, h);
    uint32_t pi;
    if (slot) {
        pi = slot->value;
    } else {
        if (!pcs_grow((void **)&st->phrases, &st->cap_phrases, st->n_phrases + 1,
                      sizeof *st->phrases))
            return false;
        pi = (uint32_t)st->n_phrases++;
        phrase *p = &st->phrases[pi];
        memset(p, 0, sizeof *p);
        p->n_terms = n;
        p->best_surface = -1;
        for (uint32_t i = 0; i < n; i++) {
            p->terms[i] = key[i];
            p->score += word_score[vertex[key[i]]];
        }
        char *stored = pcs_arena_alloc(st->arena, klen);
        if (!stored)
            return false;
        memcpy(stored, key, klen);
        if (!pcs_map_put(&st->phrase_map, stored, klen, h, pi))
            return false;
    }
    phrase *p = &st->phrases[pi];
    p->count++;

    uint32_t a = t[0].start, b = t[n - 1].start + t[n - 1].len;
    if (possessive(doc, &t[n - 1]))
        b -= doc->text[b - 2] == '\'' ? 2 : 4; /* print the possessor bare */
    if (!pcs_grow((void **)&st->buf, &st->cap_buf, (size_t)(b - a) + 8, 1))
        return false;
    size_t len = pcs_collapse_space(doc->text + a, b - a, st->buf);
    /* A capital that only marks the sentence start goes when the word also
     * appears in lower case mid-sentence: "Neural networks are ..." and
     * "... what neural networks learn" are one spelling. */
    bool lowered = (t[0].flags & PCS_TOK_INITIAL) && (t[0].flags & PCS_TOK_UPPER) &&
                   lower_mid[t[0].term];
    if (lowered)
        len = lower_first(st->buf, len, st->cap_buf);
    uint32_t sh = pcs_hash(st->buf, len);
    pcs_map_slot *ss = pcs_map_find(&st->surface_map, st->buf, len, sh);
    uint32_t si;
    if (ss) {
        si = ss->value;
    } else {
        char *copy = pcs_arena_strndup(st->arena, st->buf, len);
        if (!copy || !pcs_grow((void **)&st->surfaces, &st->cap_surfaces,
                               st->n_surfaces + 1, sizeof *st->surfaces))
            return false;
        si = (uint32_t)st->n_surfaces++;
        st->surfaces[si] = (surface){copy, (uint32_t)len, pi, 0};
        if (!pcs_map_put(&st->surface_map, copy, len, sh, si))
            return false;
    }
    surface *sf = &st->surfaces[si];
    sf->weight += spelling_weight(&t[0], lowered);
    if (p->best_surface < 0 || sf->weight > p->best_weight) {
        p->best_surface = (int32_t)si;
        p->best_weight = sf->weight;
    }
    return true;
}

/* Are two consecutive tokens adjacent in the text, with only spaces between
 * them (no punctuation that would split a phrase)? */
static bool adjacent(const pcs_doc *doc, const pcs_token *a, const pcs_token *b)
{
    for (uint32_t i = a->start + a->len; i < b->start; i++)
        if (doc->text[i] != ' ')
            return false;
    return true;
}

typedef struct scored {
    double score;
    uint32_t index;
} scored;

static int by_score(const void *pa, const void *pb)
{
    const scored *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static void free_state(kw_state *st)
{
    pcs_map_free(&st->phrase_map);
    pcs_map_free(&st->surface_map);
    free(st->phrases);
    free(st->surfaces);
    free(st->buf);
}

precis_status pcs_keywords(const pcs_doc *doc, pcs_arena *arena,
                           const precis_options *o, pcs_keyterm **out,
                           uint32_t *n_out, precis_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (o->keywords == 0)
        return PRECIS_OK;
    /* Vertex ids for the candidate terms, in order of first occurrence. */
    uint32_t *vertex = pcs_arena_alloc(arena, (doc->n_terms ? doc->n_terms : 1) * sizeof *vertex);
    if (!vertex)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    memset(vertex, 0xFF, (doc->n_terms ? doc->n_terms : 1) * sizeof *vertex);
    uint32_t nv = 0;
    for (uint32_t k = 0; k < doc->n_toks; k++) {
        const pcs_token *t = &doc->toks[k];
        if (content_sentence(&doc->sents[t->sentence]) && is_candidate(doc, t) &&
            vertex[t->term] == UINT32_MAX)
            vertex[t->term] = nv++;
    }
    if (nv == 0)
        return PRECIS_OK;
    pcs_csr w;
    if (!build_graph(doc, vertex, nv, arena, &w))
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    double *score = pcs_arena_alloc(arena, nv * sizeof *score);
    if (!score)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    pcs_rank_params prm = {o->damping, o->tolerance, o->max_iterations};
    pcs_rank_out ro;
    precis_status r = pcs_rank_graph(&w, &prm, arena, score, &ro, err);
    if (r != PRECIS_OK)
        return r;

    /* Keywords: the top third of the vertices (the paper's T = |V| / 3),
     * and never fewer than asked for. */
    scored *order = pcs_arena_alloc(arena, nv * sizeof *order);
    bool *keep = pcs_arena_calloc(arena, nv, sizeof *keep);
    if (!order || !keep)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    for (uint32_t v = 0; v < nv; v++)
        order[v] = (scored){score[v], v};
    qsort(order, nv, sizeof *order, by_score);
    size_t top = nv / 3 > o->keywords ? nv / 3 : o->keywords;
    for (size_t k = 0; k < top && k < nv; k++)
        keep[order[k].index] = true;

    bool *lower_mid = pcs_arena_calloc(arena, doc->n_terms ? doc->n_terms : 1, sizeof *lower_mid);
    if (!lower_mid)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    for (uint32_t k = 0; k < doc->n_toks; k++) {
        const pcs_token *t = &doc->toks[k];
        if (t->term != UINT32_MAX && !(t->flags & (PCS_TOK_INITIAL | PCS_TOK_UPPER)))
            lower_mid[t->term] = true;
    }

    kw_state st = {.doc = doc, .arena = arena};
    bool ok = true;
    for (uint32_t s = 0; s < doc->n_sents && ok; s++) {
        const pcs_sentence *sent = &doc->sents[s];
        if (!content_sentence(sent))
            continue;
        const pcs_token *t = doc->toks + sent->tok_first;
        uint32_t i = 0;
        while (i < sent->tok_count && ok) {
            if (!is_candidate(doc, &t[i]) || !keep[vertex[t[i].term]]) {
                i++;
                continue;
            }
            uint32_t j = i + 1;
            while (j < sent->tok_count && is_candidate(doc, &t[j]) &&
                   keep[vertex[t[j].term]] && adjacent(doc, &t[j - 1], &t[j]) &&
                   !possessive(doc, &t[j - 1]))
                j++;
            /* Longer runs are lists, not phrases: keep their words. */
            if (j - i <= MAX_PHRASE) {
                ok = add_occurrence(&st, &t[i], j - i, score, vertex, lower_mid);
            } else {
                for (uint32_t q = i; q < j && ok; q++)
                    ok = add_occurrence(&st, &t[q], 1, score, vertex, lower_mid);
            }
            i = j;
        }
    }
    if (!ok) {
        free_state(&st);
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    }
    scored *rank = pcs_arena_alloc(arena, (st.n_phrases ? st.n_phrases : 1) * sizeof *rank);
    pcs_keyterm *kt = pcs_arena_alloc(arena, o->keywords * sizeof *kt);
    if (!rank || !kt) {
        free_state(&st);
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    }
    for (size_t p = 0; p < st.n_phrases; p++)
        rank[p] = (scored){st.phrases[p].score, (uint32_t)p};
    qsort(rank, st.n_phrases, sizeof *rank, by_score);
    uint32_t n = 0;
    for (size_t k = 0; k < st.n_phrases && n < o->keywords; k++) {
        const phrase *p = &st.phrases[rank[k].index];
        const surface *sf = &st.surfaces[p->best_surface];
        kt[n++] = (pcs_keyterm){sf->text, sf->len, p->score, p->count};
    }
    free_state(&st);
    *out = kt;
    *n_out = n;
    return PRECIS_OK;
}
