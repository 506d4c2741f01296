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

/* One build: the inverted index, the scratch of the row being computed,
 * and the rows so far (malloc'd, copied into the arena at the end). */
typedef struct graph_build {
    const pcs_doc *doc;
    pcs_similarity kind;
    uint32_t *post_ptr;  /* term t's postings are post[post_ptr[t], post_ptr[t + 1]) */
    posting *post;
    double *len;         /* term count of each node */
    double *log_len;     /* overlap: ln(len + 1) of each node */
    double avg_len;
    double delta;        /* BM25+'s lower bound, 0 for the others */
    double *acc;         /* the row's similarity to each node so far */
    uint32_t *touched;   /* the nodes with acc set, n_touched of them */
    uint8_t *seen;       /* whether a node is in touched */
    uint32_t n_touched;
    int *col;
    double *val;
    size_t cap_col, cap_val, used;
} graph_build;

/* Postings per term (a counting sort of the vector entries by term), each
 * node's term count, and the scratch arrays. */
static precis_status index_postings(graph_build *g, pcs_arena *arena, precis_error *err)
{
    const pcs_doc *doc = g->doc;
    uint32_t n = doc->n_nodes, nt = doc->n_terms;
    const pcs_csr *x = &doc->vectors;
    size_t nnz = (size_t)x->row_ptr[n];
    g->post_ptr = pcs_arena_calloc(arena, (size_t)nt + 1, sizeof *g->post_ptr);
    g->post = pcs_arena_alloc(arena, (nnz ? nnz : 1) * sizeof *g->post);
    g->len = pcs_arena_alloc(arena, (n ? n : 1) * sizeof *g->len);
    g->log_len = pcs_arena_alloc(arena, (n ? n : 1) * sizeof *g->log_len);
    g->acc = pcs_arena_calloc(arena, n ? n : 1, sizeof *g->acc);
    g->touched = pcs_arena_alloc(arena, (n ? n : 1) * sizeof *g->touched);
    g->seen = pcs_arena_calloc(arena, n ? n : 1, 1);
    uint32_t *fill = pcs_arena_alloc(arena, ((size_t)nt + 1) * sizeof *fill);
    if (!g->post_ptr || !g->post || !g->len || !g->log_len || !g->acc || !g->touched ||
        !g->seen || !fill)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    for (size_t q = 0; q < nnz; q++)
        g->post_ptr[x->col[q] + 1]++;
    for (uint32_t t = 0; t < nt; t++)
        g->post_ptr[t + 1] += g->post_ptr[t];
    memcpy(fill, g->post_ptr, ((size_t)nt + 1) * sizeof *fill);
    /* Term counts of each node, in the same order as its vector. */
    double total_len = 0;
    for (uint32_t k = 0; k < n; k++) {
        g->len[k] = 0;
        uint32_t b = doc->bag_ptr[doc->nodes[k]];
        for (int q = x->row_ptr[k]; q < x->row_ptr[k + 1]; q++, b++) {
            uint32_t count = doc->bag_count[b];
            float value = g->kind == PCS_SIM_COSINE ? (float)x->val[q] : (float)count;
            g->post[fill[x->col[q]]++] = (posting){k, value};
            g->len[k] += count;
        }
        total_len += g->len[k];
        /* Once per node rather than twice per edge. */
        g->log_len[k] = log(g->len[k] + 1);
    }
    g->avg_len = n ? total_len / n : 1;
    return PRECIS_OK;
}

/* BM25's term-frequency part for a term f times in node k's sentence. */
static double bm25_tf(const graph_build *g, double f, uint32_t k)
{
    return f * (BM25_K1 + 1) / (f + BM25_K1 * (1 - BM25_B + BM25_B * g->len[k] / g->avg_len));
}

/* What one shared term adds to the similarity of node i (weight xi: its
 * TF-IDF weight; to_i: its BM25 term-frequency part) and posting p's node:
 * for BM25, i as the query against that node and the node against i,
 * averaged. */
static double shared_term(const graph_build *g, double xi, double idf, double to_i,
                          const posting *p)
{
    double f = (double)p->value;
    switch (g->kind) {
    case PCS_SIM_COSINE:
        return xi * f;
    case PCS_SIM_OVERLAP:
        return 1.0;
    case PCS_SIM_BM25:
    case PCS_SIM_BM25PLUS:
        break;
    }
    double to_j = bm25_tf(g, f, p->node);
    return idf * ((to_j + g->delta) + (to_i + g->delta)) / 2;
}

/* Node i's similarities to every node sharing a term with it, into acc
 * (the nodes in touched). */
static void accumulate_row(graph_build *g, uint32_t i)
{
    const pcs_doc *doc = g->doc;
    const pcs_csr *x = &doc->vectors;
    uint32_t bag = doc->bag_ptr[doc->nodes[i]];
    g->n_touched = 0;
    for (int q = x->row_ptr[i]; q < x->row_ptr[i + 1]; q++) {
        uint32_t t = (uint32_t)x->col[q];
        /* The vector row follows the sentence's bag order. */
        double idf = 0, to_i = 0;
        if (g->kind == PCS_SIM_BM25 || g->kind == PCS_SIM_BM25PLUS) {
            double fi = doc->bag_count[bag + (uint32_t)(q - x->row_ptr[i])];
            idf = bm25_idf(doc->idf_n, doc->terms[t].idf_df);
            to_i = bm25_tf(g, fi, i);
        }
        for (uint32_t p = g->post_ptr[t]; p < g->post_ptr[t + 1]; p++) {
            uint32_t j = g->post[p].node;
            if (j == i)
                continue;
            if (!g->seen[j]) {
                g->seen[j] = 1;
                g->touched[g->n_touched++] = j;
            }
            g->acc[j] += shared_term(g, x->val[q], idf, to_i, &g->post[p]);
        }
    }
}

/* Append row i's non-zero similarities to the rows, and clear the
 * scratch for the next row. */
static precis_status keep_row(graph_build *g, uint32_t i, precis_error *err)
{
    size_t need = g->used + g->n_touched;
    if (!pcs_grow((void **)&g->col, &g->cap_col, need, sizeof *g->col) ||
        !pcs_grow((void **)&g->val, &g->cap_val, need, sizeof *g->val))
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    for (uint32_t k = 0; k < g->n_touched; k++) {
        uint32_t j = g->touched[k];
        double v = g->acc[j];
        if (g->kind == PCS_SIM_OVERLAP) {
            /* +1 keeps one-word sentences from dividing by log 1 = 0. */
            double denom = g->log_len[i] + g->log_len[j];
            v = denom > 0 ? v / denom : 0;
        }
        if (v > 0) {
            g->col[g->used] = (int)j;
            g->val[g->used] = v;
            g->used++;
        }
        g->acc[j] = 0;
        g->seen[j] = 0;
    }
    if (g->used > INT32_MAX)
        return pcs_fail(err, PRECIS_ERR_TOO_LARGE, SIZE_MAX, "too many sentence pairs to rank");
    return PRECIS_OK;
}

/* The rows into the arena, as w's columns and values. */
static precis_status copy_rows(const graph_build *g, pcs_arena *arena, pcs_csr *w,
                               precis_error *err)
{
    size_t used = g->used;
    w->row_ptr[w->rows] = (int)used;
    w->col = pcs_arena_alloc(arena, (used ? used : 1) * sizeof *w->col);
    w->val = pcs_arena_alloc(arena, (used ? used : 1) * sizeof *w->val);
    if (!w->col || !w->val)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    if (used) {
        memcpy(w->col, g->col, used * sizeof *g->col);
        memcpy(w->val, g->val, used * sizeof *g->val);
    }
    return PRECIS_OK;
}

/* Row by row: accumulate the row's similarities to every node sharing a
 * term, then keep the non-zero ones. Both directions of a pair are
 * computed, so an asymmetric measure is averaged as it is stored. A graph
 * denser than the edge budget is not built: *dense, and the caller ranks
 * in the factored form instead. */
precis_status pcs_graph_build(const pcs_doc *doc, pcs_arena *arena, pcs_similarity kind,
                              pcs_csr *w, bool *dense, precis_error *err)
{
    *dense = false;
    graph_build g = {.doc = doc, .kind = kind,
                     .delta = kind == PCS_SIM_BM25PLUS ? BM25_DELTA : 0};
    precis_status st = index_postings(&g, arena, err);
    if (st != PRECIS_OK)
        return st;
    uint32_t n = doc->n_nodes;
    w->rows = w->cols = n;
    w->row_ptr = pcs_arena_alloc(arena, ((size_t)n + 1) * sizeof *w->row_ptr);
    if (!w->row_ptr)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    size_t budget = edge_budget(doc);
    for (uint32_t i = 0; st == PRECIS_OK && !*dense && i < n; i++) {
        accumulate_row(&g, i);
        w->row_ptr[i] = (int)g.used;
        if (g.used + g.n_touched > budget)
            *dense = true;
        else
            st = keep_row(&g, i, err);
    }
    if (st == PRECIS_OK && !*dense)
        st = copy_rows(&g, arena, w, err);
    free(g.col);
    free(g.val);
    return st;
}
