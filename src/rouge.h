/* Internal interface of the ROUGE scorer, shared by rouge.c (tokens,
 * counting, LCS, scores), rouge_stem.c (ROUGE-1.5.5's stemming) and the
 * unit test. */
#ifndef PRECIS_ROUGE_H
#define PRECIS_ROUGE_H

#include <stddef.h>
#include <stdint.h>

#include "internal.h"

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

#endif
