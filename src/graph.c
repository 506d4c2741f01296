/* Stage 5a, the similarity graph: an explicit sparse matrix of sentence
 * similarities, built through an inverted index so that only pairs sharing
 * a term are ever touched. Several similarity functions, because the
 * literature disagrees on the best one for TextRank:
 *
 *   cosine   TF-IDF cosine (Erkan and Radev, 2004, LexRank);
 *   overlap  shared words / (log |Si| + log |Sj|) (Mihalcea and Tarau,
 *            2004, TextRank, section 4.1);
 *   bm25     Okapi BM25 of one sentence as the query against the other
 *            (Barrios, Lopez, Argerich and Wachenchauzer, 2016, "Variations
 *            of the Similarity Function of TextRank", which measured +2.9%
 *            on DUC 2002), symmetrised by averaging both directions;
 *   bm25+    BM25 with Lv and Zhai's (2011) lower bound delta on the term
 *            frequency part, the best variant in Barrios et al.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* BM25's usual constants (Robertson and Zaragoza, 2009). */
#define BM25_K1 1.2
#define BM25_B 0.75
#define BM25_DELTA 1.0

/* Beyond PRECIS_GRAPH_MAX_SENTENCES nodes an explicit graph could hold too
 * many pairs (terms shared by thousands of sentences make it quadratic):
 * callers fall back to the factored cosine form, which is linear. */
bool pcs_graph_fits(const pcs_doc *doc)
{
    return doc->n_nodes <= PRECIS_GRAPH_MAX_SENTENCES;
}

/* Nor may it hold more edges than this: a few thousand short sentences
 * made of the same few words are a dense graph, millions of edges from a
 * 60 kB text (215 MB at its peak, issue 10). An edge costs 12 bytes, up
 * to three times over while the rows grow and are copied into the arena,
 * so the bound keeps the graph within about 9 bytes per byte of text plus
 * 9 MB; an ordinary article's graph (a few thousand edges) is far below
 * it. */
#define GRAPH_EDGES_BASE ((size_t)1 << 18)
#define GRAPH_TEXT_BYTES_PER_EDGE 4

static size_t edge_budget(const pcs_doc *doc)
{
    return GRAPH_EDGES_BASE + doc->len / GRAPH_TEXT_BYTES_PER_EDGE;
}

/* BM25's IDF as Lucene computes it, ln(1 + (N - df + 0.5) / (df + 0.5)),
 * with N and df those of the document's sentences or of a trained model
 * (pcs_doc.idf_n): unlike Robertson's original it never goes negative for
 * terms in more than half the sentences. */
static double bm25_idf(double n, uint32_t df)
{
    return log(1.0 + (n - df + 0.5) / (df + 0.5));
}

typedef struct posting {
    uint32_t node;
    float value; /* cosine: the TF-IDF weight; otherwise the term count */
} posting;

precis_status pcs_graph_build(const pcs_doc *doc, pcs_arena *arena, pcs_similarity kind,
                              pcs_csr *w, bool *dense, precis_error *err)
{
    *dense = false;
    size_t budget = edge_budget(doc);
    uint32_t n = doc->n_nodes, nt = doc->n_terms;
    const pcs_csr *x = &doc->vectors;
    size_t nnz = (size_t)x->row_ptr[n];
    /* Postings per term: counting sort of the vector entries by term. */
    uint32_t *post_ptr = pcs_arena_calloc(arena, (size_t)nt + 1, sizeof *post_ptr);
    posting *post = pcs_arena_alloc(arena, (nnz ? nnz : 1) * sizeof *post);
    double *len = pcs_arena_alloc(arena, (n ? n : 1) * sizeof *len);
    double *acc = pcs_arena_calloc(arena, n ? n : 1, sizeof *acc);
    uint32_t *touched = pcs_arena_alloc(arena, (n ? n : 1) * sizeof *touched);
    uint8_t *seen = pcs_arena_calloc(arena, n ? n : 1, 1);
    if (!post_ptr || !post || !len || !acc || !touched || !seen)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    for (size_t q = 0; q < nnz; q++)
        post_ptr[x->col[q] + 1]++;
    for (uint32_t t = 0; t < nt; t++)
        post_ptr[t + 1] += post_ptr[t];
    uint32_t *fill = pcs_arena_alloc(arena, ((size_t)nt + 1) * sizeof *fill);
    if (!fill)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    memcpy(fill, post_ptr, ((size_t)nt + 1) * sizeof *fill);
    /* Term counts of each node, in the same order as its vector. */
    double total_len = 0;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t s = doc->nodes[k];
        len[k] = 0;
        uint32_t b = doc->bag_ptr[s];
        for (int q = x->row_ptr[k]; q < x->row_ptr[k + 1]; q++, b++) {
            uint32_t count = doc->bag_count[b];
            float value = kind == PCS_SIM_COSINE ? (float)x->val[q] : (float)count;
            post[fill[x->col[q]]++] = (posting){k, value};
            len[k] += count;
        }
        total_len += len[k];
    }
    double avg_len = n ? total_len / n : 1;

    /* Row by row: accumulate the row's similarities to every node sharing
     * a term, then keep the non-zero ones. Both directions of a pair are
     * computed, so an asymmetric measure is averaged as it is stored. */
    size_t cap_col = 0, cap_val = 0, used = 0;
    int *col = NULL;
    double *val = NULL;
    w->rows = w->cols = n;
    w->row_ptr = pcs_arena_alloc(arena, ((size_t)n + 1) * sizeof *w->row_ptr);
    if (!w->row_ptr)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    double delta = kind == PCS_SIM_BM25PLUS ? BM25_DELTA : 0;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t n_touched = 0;
        uint32_t bag = doc->bag_ptr[doc->nodes[i]];
        for (int q = x->row_ptr[i]; q < x->row_ptr[i + 1]; q++) {
            uint32_t t = (uint32_t)x->col[q];
            /* The vector row follows the sentence's bag order. */
            double fi = doc->bag_count[bag + (uint32_t)(q - x->row_ptr[i])];
            double idf = bm25_idf(doc->idf_n, doc->terms[t].idf_df);
            double to_i = fi * (BM25_K1 + 1) /
                          (fi + BM25_K1 * (1 - BM25_B + BM25_B * len[i] / avg_len));
            for (uint32_t p = post_ptr[t]; p < post_ptr[t + 1]; p++) {
                uint32_t j = post[p].node;
                if (j == i)
                    continue;
                if (!seen[j]) {
                    seen[j] = 1;
                    touched[n_touched++] = j;
                }
                double f = post[p].value;
                switch (kind) {
                case PCS_SIM_COSINE:
                    acc[j] += x->val[q] * f;
                    break;
                case PCS_SIM_OVERLAP:
                    acc[j] += 1.0;
                    break;
                case PCS_SIM_BM25:
                case PCS_SIM_BM25PLUS: {
                    /* i as the query against j, and j against i. */
                    double to_j = f * (BM25_K1 + 1) /
                                  (f + BM25_K1 * (1 - BM25_B + BM25_B * len[j] / avg_len));
                    acc[j] += idf * ((to_j + delta) + (to_i + delta)) / 2;
                    break;
                }
                }
            }
        }
        w->row_ptr[i] = (int)used;
        if (used + n_touched > budget) {
            /* Too dense: the caller ranks in the factored form instead. */
            for (uint32_t k = 0; k < n_touched; k++)
                acc[touched[k]] = 0, seen[touched[k]] = 0;
            free(col), free(val);
            *dense = true;
            return PRECIS_OK;
        }
        if (!pcs_grow((void **)&col, &cap_col, used + n_touched, sizeof *col) ||
            !pcs_grow((void **)&val, &cap_val, used + n_touched, sizeof *val)) {
            free(col), free(val);
            return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
        }
        for (uint32_t k = 0; k < n_touched; k++) {
            uint32_t j = touched[k];
            double v = acc[j];
            if (kind == PCS_SIM_OVERLAP) {
                /* +1 keeps one-word sentences from dividing by log 1 = 0. */
                double denom = log(len[i] + 1) + log(len[j] + 1);
                v = denom > 0 ? v / denom : 0;
            }
            if (v > 0) {
                col[used] = (int)j;
                val[used] = v;
                used++;
            }
            acc[j] = 0;
            seen[j] = 0;
        }
        if (used > INT32_MAX) {
            free(col), free(val);
            return pcs_fail(err, PRECIS_ERR_TOO_LARGE, SIZE_MAX,
                            "too many sentence pairs to rank");
        }
    }
    w->row_ptr[n] = (int)used;
    w->col = pcs_arena_alloc(arena, (used ? used : 1) * sizeof *w->col);
    w->val = pcs_arena_alloc(arena, (used ? used : 1) * sizeof *w->val);
    if (!w->col || !w->val) {
        free(col), free(val);
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    }
    if (used) {
        memcpy(w->col, col, used * sizeof *col);
        memcpy(w->val, val, used * sizeof *val);
    }
    free(col);
    free(val);
    return PRECIS_OK;
}
