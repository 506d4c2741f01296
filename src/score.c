/* Stage 5, scores: each method is a small set of parameters over the same
 * machinery (similarity graph, centrality, priors), so variants differ
 * only where they say they do. */
#include <math.h>
#include <stdlib.h>

#include "internal.h"

/* Parameters were chosen on the team's dev fixtures with two-fold
 * cross-validation, a handful per method (see bench/README.md): textrank
 * on bbc-news, the default's lede scoring on cnndm-val and its body
 * scoring on xsum. Published methods keep their published settings. */
static const pcs_method_params methods[] = {
    [PRECIS_METHOD_TEXTRANK] = {.body = {.centrality = PCS_CENTRALITY_PAGERANK,
                                         .similarity = PCS_SIM_OVERLAP,
                                         .length = 0.15}},
    [PRECIS_METHOD_LEAD] = {.body = {.centrality = PCS_CENTRALITY_LEAD}},
    [PRECIS_METHOD_RANDOM] = {.body = {.centrality = PCS_CENTRALITY_RANDOM}},
    [PRECIS_METHOD_NEWS] = {.body = {.centrality = PCS_CENTRALITY_PAGERANK,
                                     .similarity = PCS_SIM_OVERLAP,
                                     .length = 0.3,
                                     .quotation = 0.3},
                            .has_lede = true,
                            .lede = {.centrality = PCS_CENTRALITY_PAGERANK,
                                     .similarity = PCS_SIM_OVERLAP,
                                     .position = 1.0,
                                     .length = -0.3,
                                     .quotation = 0.6,
                                     .trigram_block = true}},
    [PRECIS_METHOD_TEXTRANK_CLASSIC] = {.body = {.centrality = PCS_CENTRALITY_PAGERANK,
                                                 .similarity = PCS_SIM_OVERLAP}},
    [PRECIS_METHOD_LEXRANK] = {.body = {.centrality = PCS_CENTRALITY_PAGERANK,
                                        .similarity = PCS_SIM_COSINE,
                                        .cutoff = 0.1}},
    [PRECIS_METHOD_BM25] = {.body = {.centrality = PCS_CENTRALITY_PAGERANK,
                                     .similarity = PCS_SIM_BM25PLUS}},
    /* Personalised PageRank with the jump favouring early and headline-like
     * sentences, for comparison (not tuned). */
    [PRECIS_METHOD_TEXTRANK_PERSONALISED] = {.body = {.centrality = PCS_CENTRALITY_PAGERANK,
                                                      .similarity = PCS_SIM_OVERLAP,
                                                      .teleport = 1,
                                                      .headline = 1}},
    /* lambda_1 = 0.6, lambda_2 = 0.4 (backward = -lambda_1 / lambda_2),
     * beta = 0, tuned as the paper does (its grid, on cnndm-val). */
    [PRECIS_METHOD_PACSUM] = {.body = {.centrality = PCS_CENTRALITY_PACSUM,
                                       .similarity = PCS_SIM_COSINE,
                                       .backward = -1.5}},
};

/* Every method of precis.h has its row (the last one is the highest). */
_Static_assert(sizeof methods / sizeof methods[0] == PRECIS_METHOD_TEXTRANK_PERSONALISED + 1,
               "a method of precis.h has no parameters in score.c");

/* SplitMix64 (Steele, Lea and Flood, 2014): a tiny, well-mixed generator
 * whose whole state is one local integer, so draws are reproducible and
 * nothing is shared between threads. */
static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* Drop edges below an absolute cutoff (LexRank), then those weaker than
 * min + threshold * (max - min) of the remaining weights, lowering the
 * rest by that floor (PacSum's e_ij); weights stay non-negative. */
static void cut_edges(pcs_csr *w, double cutoff, double threshold)
{
    int nnz = w->row_ptr[w->rows];
    if (nnz == 0)
        return;
    for (int q = 0; q < nnz && cutoff > 0; q++)
        if (w->val[q] < cutoff)
            w->val[q] = 0;
    if (threshold <= 0)
        return;
    double lo = w->val[0], hi = w->val[0];
    for (int q = 1; q < nnz; q++) {
        lo = fmin(lo, w->val[q]);
        hi = fmax(hi, w->val[q]);
    }
    double floor = lo + threshold * (hi - lo);
    for (int q = 0; q < nnz; q++)
        w->val[q] = w->val[q] > floor ? w->val[q] - floor : 0;
}

/* PacSum's directed centrality (Zheng and Lapata, 2019, "Sentence
 * Centrality Revisited for Unsupervised Summarization", eq. 6):
 * c_i = lambda_1 * sum_{j<i} e_ij + lambda_2 * sum_{j>i} e_ij with
 * lambda_2 = 1. A sentence gains from being echoed by what follows and
 * loses from echoing what came before; nodes are in document order. */
static void pacsum(const pcs_csr *w, double backward, double *c)
{
    for (uint32_t i = 0; i < w->rows; i++) {
        c[i] = 0;
        for (int q = w->row_ptr[i]; q < w->row_ptr[i + 1]; q++)
            c[i] += (uint32_t)w->col[q] < i ? backward * w->val[q] : w->val[q];
    }
}

/* The first j in [i, end) where t[j] is '"' or 0xE2 (the lead byte of
 * the curly quotes), or end. Eight bytes at a time, a block passed over
 * when neither byte is in it: the byte loop was a seventh of the ranking
 * stage. */
static uint32_t find_quote_mark(const unsigned char *t, uint32_t i, uint32_t end)
{
    for (; i < end && end - i >= 8; i += 8) {
        uint64_t x = pcs_load8(t + i);
        if (pcs_has_byte(x, '"') | pcs_has_byte(x, 0xE2))
            break;
    }
    while (i < end && t[i] != '"' && t[i] != 0xE2)
        i++;
    return i;
}

/* The share of a sentence's bytes inside double quotation marks (straight
 * or curly). Runs between candidate marks ('"' or a UTF-8 lead byte 0xE2)
 * are counted whole: a per-byte test was a fifth of this stage. */
static double quoted_share(const pcs_doc *doc, const pcs_sentence *s)
{
    const unsigned char *t = (const unsigned char *)doc->text;
    uint32_t inside = 0, end = s->end;
    bool open = false;
    for (uint32_t i = s->start; i < end;) {
        uint32_t j = find_quote_mark(t, i, end);
        if (open)
            inside += j - i;
        if (j == end)
            break;
        if (t[j] == '"') {
            open = !open;
            i = j + 1;
        } else if (j + 2 < end && t[j + 1] == 0x80 && (t[j + 2] == 0x9C || t[j + 2] == 0x9D)) {
            open = !open; /* U+201C or U+201D */
            i = j + 3;
        } else {
            inside += open; /* another character starting with 0xE2 */
            i = j + 1;
        }
    }
    return end > s->start ? (double)inside / (end - s->start) : 0;
}

/* The headline's node: a heading on a line of its own that opens the
 * document, or UINT32_MAX. */
static uint32_t headline_node(const pcs_doc *doc)
{
    if (doc->n_sents < 2 || doc->sents[0].kind != PCS_SENT_HEADING ||
        doc->sents[1].paragraph == doc->sents[0].paragraph)
        return UINT32_MAX;
    return doc->node_of[0];
}

/* Cosine of two nodes' TF-IDF vectors (rows are unit length). */
static double node_cosine(const pcs_doc *doc, uint32_t a, uint32_t b)
{
    const pcs_csr *x = &doc->vectors;
    double d = 0;
    for (int p = x->row_ptr[a]; p < x->row_ptr[a + 1]; p++)
        for (int q = x->row_ptr[b]; q < x->row_ptr[b + 1]; q++)
            if (x->col[p] == x->col[q])
                d += x->val[p] * x->val[q];
    return d;
}

/* The teleport distribution of personalised PageRank: early sentences and
 * sentences like the headline are where a reader's attention jumps. */
static void personalise(const pcs_doc *doc, const pcs_scoring *m, const double *pos, double *v)
{
    uint32_t head = m->headline > 0 ? headline_node(doc) : UINT32_MAX;
    double sum = 0;
    for (uint32_t k = 0; k < doc->n_nodes; k++) {
        v[k] = pow(1.0 + pos[k], -m->teleport);
        if (head != UINT32_MAX)
            v[k] *= 1 + m->headline * node_cosine(doc, k, head);
        sum += v[k];
    }
    for (uint32_t k = 0; k < doc->n_nodes; k++)
        v[k] /= sum;
}

/* Position of each node among the nodes of running text (headings get
 * the position of the next body sentence). */
static void positions(const pcs_doc *doc, double *pos)
{
    uint32_t body = 0;
    for (uint32_t k = 0; k < doc->n_nodes; k++) {
        pos[k] = body;
        body += doc->sents[doc->nodes[k]].kind == PCS_SENT_BODY;
    }
}

/* Is the story wire copy: does a dateline (a heading in the same
 * paragraph as running text, before it) open one of its first paragraphs?
 * Pages put teasers and standfirsts above the dateline, so it need not be
 * the very first line; segment.c only looks for datelines there. */
static bool has_dateline(const pcs_doc *doc)
{
    for (uint32_t i = 0; i + 1 < doc->n_sents; i++)
        if (doc->sents[i].kind == PCS_SENT_HEADING && doc->sents[i + 1].kind != PCS_SENT_HEADING &&
            doc->sents[i].paragraph == doc->sents[i + 1].paragraph &&
            doc->sents[i].start < doc->sents[i + 1].start && doc->sents[i].tok_count > 0)
            return true;
    return false;
}

/* The scoring o->method applies to this document, with the ablations of
 * o->ablate. */
static pcs_scoring scoring_for(const pcs_doc *doc, const precis_options *o)
{
    const pcs_method_params *m = &methods[o->method];
    pcs_scoring sc = m->has_lede && !(o->ablate & PRECIS_ABLATE_LEDE) && has_dateline(doc)
                         ? m->lede
                         : m->body;
    if (o->ablate & PRECIS_ABLATE_POSITION)
        sc.position = 0;
    if (o->ablate & PRECIS_ABLATE_LENGTH)
        sc.length = 0;
    if (o->ablate & PRECIS_ABLATE_QUOTATION)
        sc.quotation = 0;
    if (o->ablate & PRECIS_ABLATE_REDUNDANCY)
        sc.trigram_block = false;
    return sc;
}

precis_status pcs_score(pcs_doc *doc, pcs_arena *arena, precis_error *err)
{
    const precis_options *o = doc->cfg.options;
    doc->cfg.scoring = scoring_for(doc, o);
    const pcs_scoring *m = &doc->cfg.scoring;
    uint32_t n = doc->n_nodes;
    if (n == 0)
        return PRECIS_OK;
    double *c = pcs_arena_alloc(arena, n * sizeof *c);
    double *pos = pcs_arena_alloc(arena, n * sizeof *pos);
    if (!c || !pos)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    positions(doc, pos);
    precis_status st = PRECIS_OK;
    switch (m->centrality) {
    case PCS_CENTRALITY_LEAD:
        for (uint32_t k = 0; k < n; k++)
            c[k] = 1.0 / (1.0 + k);
        break;
    case PCS_CENTRALITY_RANDOM: {
        uint64_t state = o->seed ^ pcs_hash(doc->text, doc->len);
        for (uint32_t k = 0; k < n; k++)
            c[k] = (double)(splitmix64(&state) >> 11) * 0x1.0p-53;
        break;
    }
    case PCS_CENTRALITY_PAGERANK:
    case PCS_CENTRALITY_PACSUM: {
        double *teleport = NULL;
        if (m->teleport > 0 || m->headline > 0) {
            teleport = pcs_arena_alloc(arena, n * sizeof *teleport);
            if (!teleport)
                return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
            personalise(doc, m, pos, teleport);
        }
        pcs_rank_params prm = {o->damping, o->tolerance, o->max_iterations, teleport};
        pcs_rank_out ro = {0, true};
        pcs_csr w;
        bool dense = !pcs_graph_fits(doc);
        if (!dense)
            st = pcs_graph_build(doc, arena, m->similarity, &w, &dense, err);
        if (st == PRECIS_OK && dense) {
            /* Too many sentences, or too many pairs sharing words, for an
             * explicit graph: cosine TextRank in the factored form, linear
             * in the text. */
            st = pcs_rank_similarity(&doc->vectors, &prm, arena, c, &ro, err);
            doc->graph_fallback = true;
        } else if (st == PRECIS_OK) {
            cut_edges(&w, m->cutoff, m->threshold);
            if (m->centrality == PCS_CENTRALITY_PACSUM)
                pacsum(&w, m->backward, c);
            else
                st = pcs_rank_graph(&w, &prm, arena, c, &ro, err);
        }
        doc->iterations = ro.iterations;
        doc->converged = ro.converged;
        break;
    }
    }
    if (st != PRECIS_OK)
        return st;
    /* PacSum's centrality can be negative: shift it so that the priors,
     * which multiply, keep their meaning. */
    double lowest = c[0];
    for (uint32_t k = 1; k < n; k++)
        lowest = fmin(lowest, c[k]);
    if (lowest < 0)
        for (uint32_t k = 0; k < n; k++)
            c[k] -= lowest - 1e-9;
    /* Priors. */
    double mean_words = 0;
    for (uint32_t k = 0; k < n; k++)
        mean_words += doc->sents[doc->nodes[k]].words;
    mean_words = mean_words / n > 0 ? mean_words / n : 1;
    for (uint32_t k = 0; k < n; k++) {
        double s = c[k];
        if (m->position != 0)
            s *= pow(1.0 + pos[k], -m->position);
        if (m->length != 0)
            s *= pow((doc->sents[doc->nodes[k]].words + 1.0) / mean_words, m->length);
        if (m->quotation != 0 && quoted_share(doc, &doc->sents[doc->nodes[k]]) > 0.5)
            s *= 1 - m->quotation;
        doc->scores[doc->nodes[k]] = s;
    }
    return PRECIS_OK;
}
