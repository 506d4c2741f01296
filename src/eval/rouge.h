/* Internal interface of the ROUGE scorer, shared by rouge.c (tokens,
 * counting, LCS, scores), rouge_stem.c (ROUGE-1.5.5's stemming) and the
 * unit test. */
#ifndef PRECIS_ROUGE_H
#define PRECIS_ROUGE_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"
#include "precis_eval.h"

/* One irregular form's base, as WordNet's exception list spells it. */
typedef struct pcs_rouge_base {
    const char *text; /* in the scorer's buffer, not NUL-terminated */
    uint32_t len;
} pcs_rouge_base;

struct precis_rouge_scorer {
    char *buffer;          /* the four .exc files, concatenated; owned */
    pcs_map forms;         /* inflected form -> index into bases */
    pcs_rouge_base *bases; /* owned */
    size_t n_bases, bases_cap;
};

/* The form ROUGE-1.5.5 compares for one token: `word` is a token as
 * ROUGE's tokeniser leaves it (lower-case ASCII letters and digits).
 * Tokens of 3 bytes or fewer are returned unchanged, longer ones are looked
 * up in WordNet's irregular forms and otherwise stemmed with ROUGE's
 * Porter variant. buf must hold at least len bytes; the result is word,
 * buf, or a base owned by the scorer, not NUL-terminated, of *out_len
 * bytes. */
const char *pcs_rouge_stem(const precis_rouge_scorer *scorer, const char *word,
                           size_t len, char *buf, size_t *out_len);

/* ROUGE-1.5.5's Porter stemmer alone (no irregular forms, no length
 * rule): stems w[0, len) in place and returns the new length, which is
 * never larger than len. */
size_t pcs_rouge_porter(char *w, size_t len);

/* Round to 5 decimals exactly as C's and Perl's sprintf("%.5f") do with
 * the default rounding mode: on the exact binary value, ties to even. */
double pcs_rouge_round5(double x);

/* ROUGE-1 and ROUGE-2 of many candidates built from the same units (the
 * sentences of one document) against fixed references, without
 * re-tokenising: the greedy oracle scores hundreds of such candidates per
 * document. Scores equal precis_rouge_evaluate's on the chosen units
 * joined by newlines, in the order given. */
typedef struct pcs_rouge_units pcs_rouge_units;

precis_status pcs_rouge_units_new(const precis_rouge_scorer *scorer,
                                  const char *const *units, const size_t *unit_lens,
                                  size_t n_units, const char *const *references,
                                  const size_t *reference_lens, size_t n_refs,
                                  pcs_rouge_units **out, precis_error *err);
/* Score the candidate made of units chosen[0..n) in that order. Not
 * thread-safe: the object keeps scratch counts. */
precis_status pcs_rouge_units_score(pcs_rouge_units *u, const uint32_t *chosen, size_t n,
                                    precis_rouge_score *rouge1, precis_rouge_score *rouge2);
void pcs_rouge_units_free(pcs_rouge_units *u);

#endif
