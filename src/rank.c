/* Stage 5, ranking: PageRank by power iteration over a sparse matrix.
 *
 * PageRank (Page, Brin, Motwani and Winograd, 1998) with damping d:
 *   p' = (1 - d) v + d (W D^-1 p + (sum of p over dangling nodes) v)
 * where W is the symmetric weighted adjacency matrix, D the diagonal of its
 * row sums and v the teleport vector: uniform, or a personalisation
 * (Haveliwala, 2002, "Topic-sensitive PageRank") that favours some nodes. Nodes with no edges (an
 * isolated sentence, an all-zero row) are "dangling": their mass is spread
 * by v, the standard fix that keeps p a probability distribution (Langville
 * and Meyer, 2006, "Google's PageRank and Beyond", ch. 4). Iteration stops
 * when the L1 change ||p' - p||_1 falls below the tolerance. TextRank
 * (Mihalcea and Tarau, 2004) is this with sentences or words as nodes. */
#include <math.h>
#include <string.h>

#include "internal.h"

/* Row sums this small are rounding noise: the node has no edges. */
#define DANGLING_EPS 1e-12

/* y = W x for the graph being ranked. */
typedef struct graph_op {
    const pcs_csr *a;    /* X (similarity form) or W (explicit form) */
    const double *diag;  /* similarity form: x_i . x_i, removed from W */
    double *work;        /* similarity form: a column-space vector */
} graph_op;

/* y = A x and y = A^T x for A in compressed rows. These are the loops of
 * GSL's gsl_spblas_dgemv (alpha 1, beta 0) in the same order of
 * operations, so results are the same to the last bit; written here
 * because a call per product, with its vector views and checks, cost more
 * than the product for the small graphs of one article, and PageRank makes
 * about a hundred of them. */
static void csr_mul(const pcs_csr *a, const double *x, double *y)
{
    const int *ptr = a->row_ptr, *col = a->col;
    const double *val = a->val;
    for (uint32_t i = 0; i < a->rows; i++) {
        double sum = 0;
        for (int p = ptr[i]; p < ptr[i + 1]; p++)
            sum += val[p] * x[col[p]];
        y[i] = sum;
    }
}

static void csr_mul_transposed(const pcs_csr *a, const double *x, double *y)
{
    const int *ptr = a->row_ptr, *col = a->col;
    const double *val = a->val;
    memset(y, 0, a->cols * sizeof *y);
    for (uint32_t i = 0; i < a->rows; i++) {
        double xi = x[i];
        for (int p = ptr[i]; p < ptr[i + 1]; p++)
            y[col[p]] += val[p] * xi;
    }
}

static void apply(const graph_op *g, const double *x, double *y, size_t n)
{
    if (!g->diag) {
        csr_mul(g->a, x, y);
        return;
    }
    /* W x = X (X^T x) - diag(x_i . x_i) x: never forms the n x n matrix,
     * so cost and memory stay linear in the number of non-zeros (a dense
     * matrix for a 10 MB text would ask for ~59 GB). */
    csr_mul_transposed(g->a, x, g->work);
    csr_mul(g->a, g->work, y);
    for (size_t i = 0; i < n; i++) {
        y[i] -= g->diag[i] * x[i];
        if (y[i] < 0)
            y[i] = 0; /* cancellation noise around an isolated node */
    }
}

static precis_status power_iterate(const graph_op *g, size_t n,
                                   const pcs_rank_params *prm, pcs_arena *arena,
                                   double *p, pcs_rank_out *out, precis_error *err)
{
    out->iterations = 0;
    out->converged = true;
    if (n == 0)
        return PRECIS_OK;
    double *sum = pcs_arena_alloc(arena, n * sizeof *sum);
    double *y = pcs_arena_alloc(arena, n * sizeof *y);
    double *w = pcs_arena_alloc(arena, n * sizeof *w);
    double *v = pcs_arena_alloc(arena, n * sizeof *v);
    if (!sum || !y || !w || !v)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    for (size_t i = 0; i < n; i++)
        y[i] = 1.0;
    apply(g, y, sum, n);
    for (size_t i = 0; i < n; i++)
        v[i] = prm->teleport ? prm->teleport[i] : 1.0 / (double)n;
    memcpy(p, v, n * sizeof *p);
    double d = prm->damping;
    out->converged = false;
    while (out->iterations < prm->max_iterations) {
        double dangling = 0;
        for (size_t i = 0; i < n; i++) {
            if (sum[i] > DANGLING_EPS) {
                y[i] = p[i] / sum[i];
            } else {
                y[i] = 0;
                dangling += p[i];
            }
        }
        apply(g, y, w, n);
        double jump = (1.0 - d) + d * dangling;
        double change = 0;
        for (size_t i = 0; i < n; i++) {
            double next = jump * v[i] + d * w[i];
            change += fabs(next - p[i]);
            p[i] = next;
        }
        out->iterations++;
        if (change < prm->tolerance) {
            out->converged = true;
            break;
        }
    }
    return PRECIS_OK;
}

precis_status pcs_rank_similarity(const pcs_csr *x, const pcs_rank_params *prm,
                                  pcs_arena *arena, double *scores,
                                  pcs_rank_out *out, precis_error *err)
{
    size_t n = x->rows;
    graph_op g = {.a = x};
    double *diag = pcs_arena_alloc(arena, (n ? n : 1) * sizeof *diag);
    g.work = pcs_arena_alloc(arena, (x->cols ? x->cols : 1) * sizeof *g.work);
    if (!diag || !g.work)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    for (size_t i = 0; i < n; i++) {
        diag[i] = 0;
        for (int k = x->row_ptr[i]; k < x->row_ptr[i + 1]; k++)
            diag[i] += x->val[k] * x->val[k];
    }
    g.diag = diag;
    return power_iterate(&g, n, prm, arena, scores, out, err);
}

precis_status pcs_rank_graph(const pcs_csr *w, const pcs_rank_params *prm,
                             pcs_arena *arena, double *scores,
                             pcs_rank_out *out, precis_error *err)
{
    graph_op g = {.a = w};
    return power_iterate(&g, w->rows, prm, arena, scores, out, err);
}
