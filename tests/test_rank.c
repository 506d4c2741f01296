/* Stage 5, ranking: PageRank results against stationary distributions
 * derived by hand and computed independently with GSL's eigen solver. */
#include "support.h"

#include <math.h>

#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>

#include "internal.h"

static pcs_rank_params tight(void)
{
    pcs_rank_params p = {0.85, 1e-13, 10000, NULL};
    return p;
}

/* Dense symmetric matrix (row-major n x n) to CSR, dropping zeros. */
static pcs_csr to_csr(pcs_arena *a, const double *m, uint32_t n)
{
    pcs_csr c = {n, n, NULL, NULL, NULL};
    c.row_ptr = pcs_arena_calloc(a, n + 1, sizeof *c.row_ptr);
    c.col = pcs_arena_alloc(a, (size_t)n * n * sizeof *c.col);
    c.val = pcs_arena_alloc(a, (size_t)n * n * sizeof *c.val);
    int at = 0;
    for (uint32_t i = 0; i < n; i++) {
        c.row_ptr[i] = at;
        for (uint32_t j = 0; j < n; j++) {
            if (m[i * n + j] != 0) {
                c.col[at] = (int)j;
                c.val[at] = m[i * n + j];
                at++;
            }
        }
    }
    c.row_ptr[n] = at;
    return c;
}

/* The stationary distribution of the Google matrix of W (dense, n x n):
 * G = d M + (1 - d)/n, with M column-stochastic (column j = W's row j
 * normalised; a dangling node's column is uniform). The eigenvector of G
 * for eigenvalue 1, found with gsl_eigen_nonsymmv, normalised to sum 1. */
static void eigen_pagerank(const double *w, size_t n, double d, double *p)
{
    gsl_matrix *g = gsl_matrix_alloc(n, n);
    for (size_t j = 0; j < n; j++) {
        double s = 0;
        for (size_t i = 0; i < n; i++)
            s += w[j * n + i];
        for (size_t i = 0; i < n; i++) {
            double m = s > 0 ? w[j * n + i] / s : 1.0 / (double)n;
            gsl_matrix_set(g, i, j, d * m + (1 - d) / (double)n);
        }
    }
    gsl_vector_complex *eval = gsl_vector_complex_alloc(n);
    gsl_matrix_complex *evec = gsl_matrix_complex_alloc(n, n);
    gsl_eigen_nonsymmv_workspace *ws = gsl_eigen_nonsymmv_alloc(n);
    assert_int_equal(gsl_eigen_nonsymmv(g, eval, evec, ws), GSL_SUCCESS);
    size_t best = 0;
    for (size_t k = 1; k < n; k++)
        if (GSL_REAL(gsl_vector_complex_get(eval, k)) >
            GSL_REAL(gsl_vector_complex_get(eval, best)))
            best = k;
    assert_true(fabs(GSL_REAL(gsl_vector_complex_get(eval, best)) - 1.0) < 1e-9);
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += GSL_REAL(gsl_matrix_complex_get(evec, i, best));
    for (size_t i = 0; i < n; i++)
        p[i] = GSL_REAL(gsl_matrix_complex_get(evec, i, best)) / sum;
    gsl_eigen_nonsymmv_free(ws);
    gsl_matrix_complex_free(evec);
    gsl_vector_complex_free(eval);
    gsl_matrix_free(g);
}

/* Star: centre c joined to leaves a and b with weight 1, d = 0.85. By
 * symmetry p_a = p_b = x and p_c = y with y = 0.05 + 1.7 x and
 * x = 0.05 + 0.425 y, so y = 0.135 / 0.2775 and x = 0.05 + 0.425 y. */
static void star_by_hand(void **state)
{
    (void)state;
    pcs_arena a;
    pcs_arena_init(&a);
    const double w[9] = {0, 1, 1, 1, 0, 0, 1, 0, 0};
    pcs_csr c = to_csr(&a, w, 3);
    double p[3];
    pcs_rank_params prm = tight();
    pcs_rank_out out;
    assert_int_equal(pcs_rank_graph(&c, &prm, &a, p, &out, NULL), PRECIS_OK);
    assert_true(out.converged);
    double y = 0.135 / 0.2775, x = 0.05 + 0.425 * y;
    assert_near(p[0], y, 1e-10);
    assert_near(p[1], x, 1e-10);
    assert_near(p[2], x, 1e-10);
    pcs_arena_free(&a);
}

/* A weighted graph with an isolated node (all-zero row) against the eigen
 * solver. */
static void weighted_graph_matches_eigenvector(void **state)
{
    (void)state;
    pcs_arena a;
    pcs_arena_init(&a);
    enum { N = 7 };
    double w[N * N] = {0};
    static const struct {
        int i, j;
        double v;
    } edges[] = {{0, 1, 0.5}, {0, 2, 0.2}, {1, 2, 0.9}, {2, 3, 0.3}, {3, 4, 1.0},
                 {4, 5, 0.05}, {1, 5, 0.7}, {0, 5, 0.1}};
    for (size_t k = 0; k < sizeof edges / sizeof edges[0]; k++) {
        w[edges[k].i * N + edges[k].j] = edges[k].v;
        w[edges[k].j * N + edges[k].i] = edges[k].v;
    }
    /* node 6 has no edges */
    pcs_csr c = to_csr(&a, w, N);
    double p[N], want[N];
    pcs_rank_params prm = tight();
    pcs_rank_out out;
    assert_int_equal(pcs_rank_graph(&c, &prm, &a, p, &out, NULL), PRECIS_OK);
    assert_true(out.converged);
    eigen_pagerank(w, N, 0.85, want);
    double sum = 0;
    for (int i = 0; i < N; i++) {
        assert_near(p[i], want[i], 1e-9);
        sum += p[i];
    }
    assert_near(sum, 1.0, 1e-12);
    /* The isolated node gets exactly the teleport share: (1 - d)/n plus
     * d/n of the mass it holds itself. */
    assert_near(p[6], (0.15 + 0.85 * p[6]) / N, 1e-12);
    pcs_arena_free(&a);
}

/* The similarity form ranks W = X X^T without the diagonal, never built;
 * the test builds it densely and asks the eigen solver. Row 3 is all zero
 * (a sentence with no terms) and row 4 shares no term with the others. */
static void similarity_form_matches_dense(void **state)
{
    (void)state;
    pcs_arena a;
    pcs_arena_init(&a);
    enum { N = 6, V = 5 };
    double x[N][V] = {
        {1, 2, 0, 0, 0}, {0, 1, 1, 0, 0}, {2, 0, 1, 0, 0},
        {0, 0, 0, 0, 0}, {0, 0, 0, 0, 3}, {1, 1, 1, 0, 0},
    };
    for (int i = 0; i < N; i++) {
        double s = 0;
        for (int t = 0; t < V; t++)
            s += x[i][t] * x[i][t];
        for (int t = 0; t < V && s > 0; t++)
            x[i][t] /= sqrt(s);
    }
    pcs_csr c = {N, V, NULL, NULL, NULL};
    c.row_ptr = pcs_arena_calloc(&a, N + 1, sizeof *c.row_ptr);
    c.col = pcs_arena_alloc(&a, N * V * sizeof *c.col);
    c.val = pcs_arena_alloc(&a, N * V * sizeof *c.val);
    int at = 0;
    for (int i = 0; i < N; i++) {
        c.row_ptr[i] = at;
        for (int t = 0; t < V; t++)
            if (x[i][t] != 0) {
                c.col[at] = t;
                c.val[at++] = x[i][t];
            }
    }
    c.row_ptr[N] = at;
    double w[N * N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double dot = 0;
            for (int t = 0; t < V; t++)
                dot += x[i][t] * x[j][t];
            w[i * N + j] = i == j ? 0 : dot;
        }
    double p[N], want[N];
    pcs_rank_params prm = tight();
    pcs_rank_out out;
    assert_int_equal(pcs_rank_similarity(&c, &prm, &a, p, &out, NULL), PRECIS_OK);
    eigen_pagerank(w, N, 0.85, want);
    for (int i = 0; i < N; i++)
        assert_near(p[i], want[i], 1e-9);
    /* Both isolated rows get the same, lowest score. */
    assert_near(p[3], p[4], 1e-15);
    for (int i = 0; i < N; i++)
        assert_true(p[i] >= p[3] - 1e-15);
    pcs_arena_free(&a);
}

static void stops_at_max_iterations(void **state)
{
    (void)state;
    pcs_arena a;
    pcs_arena_init(&a);
    const double w[9] = {0, 1, 0, 1, 0, 1, 0, 1, 0};
    pcs_csr c = to_csr(&a, w, 3);
    double p[3];
    pcs_rank_params prm = {0.85, 1e-15, 1, NULL};
    pcs_rank_out out;
    assert_int_equal(pcs_rank_graph(&c, &prm, &a, p, &out, NULL), PRECIS_OK);
    assert_false(out.converged);
    assert_int_equal(out.iterations, 1);
    /* One step from uniform: the middle node gains. */
    assert_true(p[1] > p[0]);
    assert_near(p[0] + p[1] + p[2], 1.0, 1e-12);
    pcs_arena_free(&a);
}

static void empty_graph(void **state)
{
    (void)state;
    pcs_arena a;
    pcs_arena_init(&a);
    pcs_csr c = {0, 0, NULL, NULL, NULL};
    c.row_ptr = pcs_arena_calloc(&a, 1, sizeof *c.row_ptr);
    pcs_rank_params prm = tight();
    pcs_rank_out out;
    double p[1];
    assert_int_equal(pcs_rank_graph(&c, &prm, &a, p, &out, NULL), PRECIS_OK);
    assert_int_equal(out.iterations, 0);
    pcs_arena_free(&a);
}

int main(void)
{
    gsl_set_error_handler_off();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(star_by_hand),
        cmocka_unit_test(weighted_graph_matches_eigenvector),
        cmocka_unit_test(similarity_form_matches_dense),
        cmocka_unit_test(stops_at_max_iterations),
        cmocka_unit_test(empty_graph),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
