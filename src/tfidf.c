/* Stage 4, TF-IDF: pick the sentences that take part in the ranking (the
 * graph nodes) and give each a sparse, L2-normalised TF-IDF vector. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Inverse document frequency (Sparck Jones, 1972, "A statistical
 * interpretation of term specificity"), smoothed as idf = ln((1 + N) /
 * (1 + df)) + 1 (the smooth IDF of scikit-learn's TfidfTransformer). By
 * default the "documents" are the document's own sentences; with a trained
 * model they are the model's corpus, and a stem it never saw gets df 0,
 * the highest IDF. Why smoothed: with a few dozen sentences, the plain
 * ln(N / df) drops a term found in every sentence to zero and lets a term
 * found in one sentence dominate; the +1 keeps every shared term
 * contributing to similarity, while rare terms still weigh more. */
static double smooth_idf(double n, uint32_t df)
{
    return log((1.0 + n) / (1.0 + df)) + 1.0;
}

/* Computed once per term by pcs_tfidf, not once per occurrence: a log per
 * sentence word was a fifth of this stage. */
double pcs_idf(const pcs_doc *doc, uint32_t t)
{
    return doc->terms[t].idf;
}

precis_status pcs_tfidf(pcs_doc *doc, pcs_arena *arena, precis_error *err)
{
    uint32_t n = doc->n_sents;
    doc->nodes = pcs_arena_alloc(arena, (n ? n : 1) * sizeof *doc->nodes);
    doc->node_of = pcs_arena_alloc(arena, (n ? n : 1) * sizeof *doc->node_of);
    doc->scores = pcs_arena_calloc(arena, n ? n : 1, sizeof *doc->scores);
    if (!doc->nodes || !doc->node_of || !doc->scores)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    /* Headings join the graph (a headline is strong evidence of what is
     * central) but are never selected; debris and repeats stay out so they
     * cannot skew it. */
    uint32_t m = 0;
    size_t nnz = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t kind = doc->sents[i].kind;
        uint32_t bag = doc->bag_ptr[i + 1] - doc->bag_ptr[i];
        doc->node_of[i] = UINT32_MAX;
        if ((kind == PCS_SENT_BODY || kind == PCS_SENT_HEADING) && bag > 0) {
            doc->node_of[i] = m;
            doc->nodes[m++] = i;
            nnz += bag;
        }
    }
    doc->n_nodes = m;
    if (nnz > INT32_MAX)
        return pcs_fail(err, PRECIS_ERR_TOO_LARGE, SIZE_MAX,
                        "too many distinct words per sentence to rank");
    for (uint32_t t = 0; t < doc->n_terms; t++)
        doc->terms[t].sent_df = 0;
    for (uint32_t k = 0; k < m; k++) {
        uint32_t i = doc->nodes[k];
        for (uint32_t b = doc->bag_ptr[i]; b < doc->bag_ptr[i + 1]; b++)
            doc->terms[doc->bag_term[b]].sent_df++;
    }
    /* A model of the document's language gives corpus statistics. */
    const precis_model *model = doc->cfg.options->model;
    doc->model_used = model && strcmp(precis_model_language(model), doc->cfg.language) == 0;
    doc->idf_n = doc->model_used ? (double)precis_model_documents(model) : m;
    /* A model's values depend on the stem alone: the word cache keeps
     * them from one document to the next. */
    uint64_t generation = doc->model_used ? pcs_language_idf_generation(doc->lang, model) : 0;
    for (uint32_t t = 0; t < doc->n_terms; t++) {
        pcs_term *term = &doc->terms[t];
        if (!doc->model_used) {
            term->idf_df = term->sent_df;
            term->idf = smooth_idf(doc->idf_n, term->idf_df);
            continue;
        }
        pcs_stem_entry *e = pcs_stem_entry_of(term->stem);
        if (e->idf_generation != generation) {
            e->idf_df = pcs_model_df(model, term->stem, term->stem_len);
            e->idf = smooth_idf(doc->idf_n, e->idf_df);
            e->idf_generation = generation;
        }
        term->idf_df = e->idf_df;
        term->idf = e->idf;
    }

    pcs_csr *x = &doc->vectors;
    x->rows = m;
    x->cols = doc->n_terms;
    x->row_ptr = pcs_arena_alloc(arena, ((size_t)m + 1) * sizeof *x->row_ptr);
    x->col = pcs_arena_alloc(arena, (nnz ? nnz : 1) * sizeof *x->col);
    x->val = pcs_arena_alloc(arena, (nnz ? nnz : 1) * sizeof *x->val);
    if (!x->row_ptr || !x->col || !x->val)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    size_t at = 0;
    for (uint32_t k = 0; k < m; k++) {
        uint32_t i = doc->nodes[k];
        x->row_ptr[k] = (int)at;
        double norm = 0;
        size_t row = at;
        for (uint32_t b = doc->bag_ptr[i]; b < doc->bag_ptr[i + 1]; b++) {
            uint32_t t = doc->bag_term[b];
            double w = doc->bag_count[b] * pcs_idf(doc, t);
            x->col[at] = (int)t;
            x->val[at] = w;
            norm += w * w;
            at++;
        }
        norm = sqrt(norm);
        for (size_t q = row; q < at; q++)
            x->val[q] /= norm;
    }
    x->row_ptr[m] = (int)at;
    return PRECIS_OK;
}
