/* precis_eval.h: measuring summaries and key terms, apart from making
 * them. ROUGE exactly as the reference script computes it, the greedy
 * extractive oracle, keyphrase precision and recall, and bootstrap
 * confidence intervals: what `precis eval` and bench/quality report.
 *
 * Part of libprecis (same library, same conventions as precis.h: status
 * codes, caller-owned buffers, no global state); include it beside
 * precis.h only when you evaluate. */
#ifndef PRECIS_EVAL_H
#define PRECIS_EVAL_H

#include "precis.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Evaluation                                                                */
/* ------------------------------------------------------------------------ */

typedef struct precis_rouge_scorer precis_rouge_scorer;

/* The greedy extractive ORACLE, an upper bound for extractive methods
 * (Nallapati, Zhai and Zhou, 2017, "SummaRuNNer", section 4): starting
 * from nothing, repeatedly add the candidate sentence that most raises
 * ROUGE-1 F + ROUGE-2 F against the references, until no sentence raises
 * it or the budget of `options` (sentences, words or ratio, as for
 * precis_summarize) is spent. References are UTF-8 texts with one sentence
 * per line. Result, errors and ownership as for precis_summarize; the
 * sentences' scores are the objective's gain when each was added. */
PRECIS_API precis_status precis_summarize_oracle(precis_summarizer *summarizer,
                                                 const precis_rouge_scorer *scorer,
                                                 const char *text, size_t len,
                                                 const char *const *references,
                                                 const size_t *reference_lens,
                                                 size_t n_refs,
                                                 const precis_options *options,
                                                 precis_result **out,
                                                 precis_error *err);

/* Frozen layout (see precis.h, "ABI"): never extended. */
typedef struct precis_keyphrase_score {
    double precision, recall, f1;
    size_t matched; /* distinct gold keys found among the predictions */
} precis_keyphrase_score;

/* Score predicted key phrases (best first) against gold ones with the
 * usual convention for keyphrase benchmarks: both sides lower-cased, split
 * into runs of letters and digits (so "out-of-print" and "out of print"
 * agree), each word stemmed with Porter's 1980 stemmer (Snowball's
 * "porter"), duplicates removed; a prediction matches when its whole
 * stemmed phrase equals a gold one. Only the first k distinct predictions
 * count: precision = matched / min(k, distinct predictions), recall =
 * matched / distinct gold keys (keys absent from the text included), F1
 * their harmonic mean (0 when both are 0). NUL-terminated UTF-8 strings.
 * Thread-safe. */
PRECIS_API precis_status precis_keyphrase_evaluate(const char *const *predicted,
                                                   size_t n_predicted,
                                                   const char *const *gold,
                                                   size_t n_gold, size_t k,
                                                   precis_keyphrase_score *out,
                                                   precis_error *err);

/* Mean of values[0, n) and its percentile bootstrap confidence interval
 * (Efron and Tibshirani, 1993, ch. 13): `resamples` resamples with
 * replacement drawn from a generator seeded with `seed`, interval at
 * `confidence` (0.95 gives the 2.5th and 97.5th percentiles).
 * Deterministic for a given seed. Thread-safe. */
PRECIS_API precis_status precis_bootstrap_mean(const double *values, size_t n,
                                               size_t resamples, double confidence,
                                               uint64_t seed, double *mean,
                                               double *lo, double *hi);

/* ------------------------------------------------------------------------ */
/* ROUGE                                                                     */
/* ------------------------------------------------------------------------ */

/* ROUGE (Lin, 2004) exactly as the reference script ROUGE-1.5.5 computes it
 * when run with `-c 95 -m -n 2 -a`: Porter stemming with ROUGE's own
 * stemmer after WordNet's irregular forms, stopwords kept, no length
 * limit, summary-level ROUGE-L, several references pooled. */

/* Frozen layouts (see precis.h, "ABI"): never extended. */
typedef struct precis_rouge_score {
    double precision, recall, f; /* rounded to 5 decimals, as ROUGE prints */
} precis_rouge_score;

typedef struct precis_rouge {
    precis_rouge_score rouge1, rouge2, rougeL;
} precis_rouge;

/* Scoring resources: WordNet's irregular-forms lists. Immutable once
 * created: share one between threads. (Declared above.) */

/* Load WordNet's exception lists (adj.exc, adv.exc, noun.exc, verb.exc)
 * from wordnet_dir, or from /usr/share/wordnet (Debian's wordnet-base)
 * when NULL. Without them scores would silently differ from ROUGE-1.5.5,
 * so a missing or unreadable list fails with PRECIS_ERR_IO and a message
 * naming the file and the package. */
PRECIS_API precis_status precis_rouge_scorer_new(const char *wordnet_dir,
                                                 precis_rouge_scorer **out,
                                                 precis_error *err);
PRECIS_API void precis_rouge_scorer_free(precis_rouge_scorer *scorer);

/* Score a candidate summary against n_refs >= 1 references. Each text is
 * UTF-8 (need not be NUL-terminated) with one sentence per line. Fills
 * *out. Thread-safe for a shared scorer. */
PRECIS_API precis_status precis_rouge_evaluate(const precis_rouge_scorer *scorer,
                                               const char *candidate,
                                               size_t candidate_len,
                                               const char *const *references,
                                               const size_t *reference_lens,
                                               size_t n_refs, precis_rouge *out,
                                               precis_error *err);

#ifdef __cplusplus
}
#endif

#endif /* PRECIS_EVAL_H */
