/* Stage 5, ranking: PageRank by power iteration with GSL's sparse BLAS.
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

#include <gsl/gsl_spblas.h>
#include <gsl/gsl_spmatrix.h>

#include "internal.h"

/* Row sums this small are rounding noise: the node has no edges. */
#define DANGLING_EPS 1e-12

/* A gsl_spmatrix in CSR form over memory we own: GSL's own allocators call
 * its process-wide error handler (abort by default) when memory runs out,
 * which a library must not risk; the fields are those GSL documents for
 * compressed row storage. */
static gsl_spmatrix csr_view(const pcs_csr *m)
{
    gsl_spmatrix a;
    memset(&a, 0, sizeof a);
    a.size1 = m->rows;
    a.size2 = m->cols;
    a.i = m->col;
    a.p = m->row_ptr;
    a.data = m->val;
    a.nz = (size_t)m->row_ptr[m->rows];
    a.nzmax = a.nz ? a.nz : 1;
    a.sptype = GSL_SPMATRIX_CSR;
    return a;
}

/* y = W x for the graph being ranked. The matrix and vector views are made
 * once per ranking, not per product: PageRank makes about a hundred
 * products of a few hundred non-zeros for one article, and rebuilding the
 * views each time cost more than the arithmetic. */
typedef struct graph_op {
    gsl_spmatrix a;      /* X (similarity form) or W (explicit form) */
    const double *diag;  /* similarity form: x_i . x_i, removed from W */
    gsl_vector work;     /* similarity form: a column-space vector */
} graph_op;

/* Dimensions are checked here, before GSL sees them: gsl_spblas_dgemv
 * reports a mismatch through GSL's process-wide error handler, which aborts
 * by default, and a library may neither abort nor change that handler. */
static int apply(graph_op *g, const gsl_vector *x, gsl_vector *y)
{
    size_t rows = g->a.size1, cols = g->a.size2;
    bool square = !g->diag;
    if (x->size != (square ? cols : rows) || y->size != rows
        || (square && rows != cols) || (!square && g->work.size != cols))
        return GSL_EBADLEN;
    if (!g->diag)
        return gsl_spblas_dgemv(CblasNoTrans, 1.0, &g->a, x, 0.0, y);
    /* W x = X (X^T x) - diag(x_i . x_i) x: never forms the n x n matrix,
     * so cost and memory stay linear in the number of non-zeros (a dense
     * matrix for a 10 MB text would ask for ~59 GB). */
    gsl_vector *z = &g->work;
    int s = gsl_spblas_dgemv(CblasTrans, 1.0, &g->a, x, 0.0, z);
    if (s == GSL_SUCCESS)
        s = gsl_spblas_dgemv(CblasNoTrans, 1.0, &g->a, z, 0.0, y);
    for (size_t i = 0; s == GSL_SUCCESS && i < y->size; i++) {
        y->data[i] -= g->diag[i] * x->data[i];
        if (y->data[i] < 0)
            y->data[i] = 0; /* cancellation noise around an isolated node */
    }
    return s;
}

static precis_status power_iterate(graph_op *g, size_t n,
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
    gsl_vector_view yv = gsl_vector_view_array(y, n);
    gsl_vector_view sumv = gsl_vector_view_array(sum, n);
    gsl_vector_view wv = gsl_vector_view_array(w, n);
    for (size_t i = 0; i < n; i++)
        y[i] = 1.0;
    if (apply(g, &yv.vector, &sumv.vector) != GSL_SUCCESS)
        return pcs_fail(err, PRECIS_ERR_NUMERIC, SIZE_MAX, "sparse product failed");
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
        if (apply(g, &yv.vector, &wv.vector) != GSL_SUCCESS)
            return pcs_fail(err, PRECIS_ERR_NUMERIC, SIZE_MAX, "sparse product failed");
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
    graph_op g = {.a = csr_view(x)};
    double *diag = pcs_arena_alloc(arena, (n ? n : 1) * sizeof *diag);
    double *work = pcs_arena_alloc(arena, (x->cols ? x->cols : 1) * sizeof *work);
    if (!diag || !work)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    g.work = gsl_vector_view_array(work, x->cols ? x->cols : 1).vector;
    g.work.size = x->cols;
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
    graph_op g = {.a = csr_view(w)};
    return power_iterate(&g, w->rows, prm, arena, scores, out, err);
}
