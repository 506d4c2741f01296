/* Stage 6, selection: the best-ranked sentences that fit the budget,
 * returned in document order. */
#include <math.h>
#include <stdlib.h>

#include "internal.h"

typedef struct ranked {
    double score;
    uint32_t index;
} ranked;

/* Best score first; equal scores (within rounding) keep document order, so
 * the output never depends on the sort algorithm or on noise in the last
 * bits of a score. */
static int by_score(const void *pa, const void *pb)
{
    const ranked *a = pa, *b = pb;
    double scale = fmax(fabs(a->score), fabs(b->score));
    if (fabs(a->score - b->score) > 1e-12 * scale)
        return a->score > b->score ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static int by_index(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return a < b ? -1 : a > b;
}

precis_status pcs_candidates(const pcs_doc *doc, pcs_arena *arena, uint32_t **out,
                             uint32_t *n_out, precis_error *err)
{
    /* Candidates are the ranked sentences of running text; a document of
     * nothing but unpunctuated lines (a list, a poem) offers its lines. */
    uint8_t want = PCS_SENT_BODY;
    uint32_t n = 0;
    for (uint32_t k = 0; k < doc->n_nodes; k++)
        n += doc->sents[doc->nodes[k]].kind == PCS_SENT_BODY;
    if (n == 0) {
        want = PCS_SENT_HEADING;
        n = doc->n_nodes;
    }
    if (n < 2)
        return pcs_fail(err, PRECIS_ERR_ONE_SENTENCE, SIZE_MAX,
                        "only one sentence with content words: nothing to summarise");
    uint32_t *c = pcs_arena_alloc(arena, n * sizeof *c);
    if (!c)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    uint32_t m = 0;
    for (uint32_t k = 0; k < doc->n_nodes; k++)
        if (doc->sents[doc->nodes[k]].kind == want)
            c[m++] = doc->nodes[k];
    *out = c;
    *n_out = m;
    return PRECIS_OK;
}

size_t pcs_word_budget(const pcs_doc *doc, const precis_options *o)
{
    if (o->ratio > 0)
        return (size_t)ceil(o->ratio * doc->n_words);
    return o->words;
}

precis_status pcs_select(const pcs_doc *doc, pcs_arena *arena, const precis_options *o,
                         uint32_t **picked, uint32_t *n_picked, bool *shortfall,
                         precis_error *err)
{
    uint32_t *idx, m;
    precis_status st = pcs_candidates(doc, arena, &idx, &m, err);
    if (st != PRECIS_OK)
        return st;
    ranked *cand = pcs_arena_alloc(arena, m * sizeof *cand);
    uint32_t *out = pcs_arena_alloc(arena, m * sizeof *out);
    if (!cand || !out)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    for (uint32_t k = 0; k < m; k++)
        cand[k] = (ranked){doc->scores[idx[k]], idx[k]};
    qsort(cand, m, sizeof *cand, by_score);

    uint32_t n = 0;
    *shortfall = false;
    size_t budget = pcs_word_budget(doc, o);
    if (budget > 0) {
        /* Whole sentences in rank order; the first that would go over the
         * budget stops the summary, which always has one sentence. */
        size_t used = 0;
        for (uint32_t k = 0; k < m; k++) {
            size_t w = doc->sents[cand[k].index].words;
            if (n > 0 && used + w > budget)
                break;
            out[n++] = cand[k].index;
            used += w;
            if (used >= budget)
                break;
        }
    } else {
        n = o->sentences < m ? (uint32_t)o->sentences : m;
        *shortfall = o->sentences > m;
        for (uint32_t k = 0; k < n; k++)
            out[k] = cand[k].index;
    }
    qsort(out, n, sizeof *out, by_index);
    *picked = out;
    *n_picked = n;
    return PRECIS_OK;
}
