/* Stage 6, selection: the best-ranked sentences that fit the budget,
 * returned in document order. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

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

void pcs_resolve_budget(pcs_doc *doc)
{
    const precis_options *o = doc->cfg.options;
    doc->cfg.word_budget = o->ratio > 0 ? (size_t)ceil(o->ratio * doc->n_words) : o->words;
}

/* Content-word trigrams of a sentence, for trigram blocking. */
typedef struct trigrams {
    pcs_map set;
    pcs_arena keys;
} trigrams;

/* Does sentence i share a content-word trigram with the set? With add,
 * put its trigrams in. false on allocation failure via *nomem. */
static bool shares_trigram(const pcs_doc *doc, uint32_t i, trigrams *tg, bool add, bool *nomem)
{
    const pcs_sentence *s = &doc->sents[i];
    uint32_t key[3], have = 0;
    bool shared = false;
    for (uint32_t k = 0; k < s->tok_count; k++) {
        uint32_t t = doc->toks[s->tok_first + k].term;
        if (t == UINT32_MAX)
            continue;
        key[0] = key[1], key[1] = key[2], key[2] = t;
        if (++have < 3)
            continue;
        uint32_t h = pcs_hash((const char *)key, sizeof key);
        if (pcs_map_find(&tg->set, (const char *)key, sizeof key, h)) {
            shared = true;
        } else if (add) {
            char *stored = pcs_arena_alloc(&tg->keys, sizeof key);
            if (!stored || !pcs_map_put(&tg->set, memcpy(stored, key, sizeof key), sizeof key, h, 0))
                *nomem = true;
        }
    }
    return shared;
}

/* Choose in rank order, optionally skipping sentences that repeat a
 * content-word trigram of a chosen one (trigram blocking), until the
 * budget is spent. Skipped sentences fill the budget only when nothing
 * else is left. */
precis_status pcs_select(const pcs_doc *doc, pcs_arena *arena, uint32_t **picked,
                         uint32_t *n_picked, bool *shortfall, precis_error *err)
{
    const pcs_scoring *mp = &doc->cfg.scoring;
    size_t sentences = doc->cfg.options->sentences;
    uint32_t *idx, m;
    precis_status st = pcs_candidates(doc, arena, &idx, &m, err);
    if (st != PRECIS_OK)
        return st;
    ranked *cand = pcs_arena_alloc(arena, m * sizeof *cand);
    uint32_t *out = pcs_arena_alloc(arena, m * sizeof *out);
    uint8_t *state = pcs_arena_calloc(arena, m, 1); /* 0 free, 1 chosen, 2 blocked */
    if (!cand || !out || !state)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    for (uint32_t k = 0; k < m; k++)
        cand[k] = (ranked){doc->scores[idx[k]], idx[k]};
    qsort(cand, m, sizeof *cand, by_score);

    trigrams tg;
    pcs_map_init(&tg.set);
    pcs_arena_init(&tg.keys);
    bool nomem = false;
    size_t budget = doc->cfg.word_budget, used = 0;
    size_t want = budget > 0 ? m : (sentences < m ? sentences : m);
    uint32_t n = 0;
    for (int pass = 0; pass < 2 && n < want && !nomem; pass++) {
        while (n < want && !nomem) {
            /* The next sentence: the best-ranked one still free. */
            uint32_t best = UINT32_MAX;
            for (uint32_t k = 0; k < m && best == UINT32_MAX; k++) {
                if (state[k] == 1 || (pass == 0 && state[k] == 2))
                    continue;
                if (pass == 0 && mp->trigram_block && n > 0 &&
                    shares_trigram(doc, cand[k].index, &tg, false, &nomem)) {
                    state[k] = 2;
                    continue;
                }
                best = k;
            }
            if (best == UINT32_MAX)
                break;
            uint32_t i = cand[best].index;
            size_t w = doc->sents[i].words;
            if (budget > 0 && n > 0 && used + w > budget) {
                /* The first sentence that would go over the budget stops
                 * the summary (which always has one sentence). */
                want = n;
                break;
            }
            state[best] = 1;
            out[n++] = i;
            used += w;
            if (mp->trigram_block)
                shares_trigram(doc, i, &tg, true, &nomem);
            if (budget > 0 && used >= budget)
                want = n;
        }
    }
    pcs_map_free(&tg.set);
    pcs_arena_free(&tg.keys);
    if (nomem)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    *shortfall = budget == 0 && sentences > m;
    qsort(out, n, sizeof *out, by_index);
    *picked = out;
    *n_picked = n;
    return PRECIS_OK;
}
