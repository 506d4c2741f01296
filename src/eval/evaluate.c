/* Evaluation: the greedy ROUGE oracle, keyphrase precision/recall/F1 and
 * bootstrap confidence intervals. ROUGE itself is in rouge.c. */
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <utf8proc.h>

#include "internal.h"
#include "rouge.h"

/* ------------------------------------------------------------------------ */
/* Greedy oracle                                                             */
/* ------------------------------------------------------------------------ */

static int by_index(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return a < b ? -1 : a > b;
}

/* The greedy extractive oracle (Nallapati, Zhai and Zhou, 2017, section 4;
 * Kedzie et al., 2018): add the candidate that most raises ROUGE-1 F +
 * ROUGE-2 F over the summary so far, in document order, until nothing
 * raises it or the budget is spent. Under a word budget only sentences
 * that still fit are tried (the first sentence always fits). */
precis_status pcs_oracle(pcs_doc *doc, pcs_arena *arena, const precis_rouge_scorer *scorer,
                         const char *const *refs,
                         const size_t *ref_lens, size_t n_refs, uint32_t **picked,
                         uint32_t *n_picked, bool *shortfall, precis_error *err)
{
    uint32_t *cand, m;
    precis_status st = pcs_candidates(doc, arena, &cand, &m, err);
    if (st != PRECIS_OK)
        return st;
    /* Each candidate's printed text, tokenised once for ROUGE. */
    char **text = pcs_arena_alloc(arena, m * sizeof *text);
    size_t *tlen = pcs_arena_alloc(arena, m * sizeof *tlen);
    bool *used = pcs_arena_calloc(arena, m, sizeof *used);
    uint32_t *sel = pcs_arena_alloc(arena, m * sizeof *sel);
    uint32_t *trial = pcs_arena_alloc(arena, m * sizeof *trial);
    if (!text || !tlen || !used || !sel || !trial)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    for (uint32_t k = 0; k < m; k++) {
        const pcs_sentence *s = &doc->sents[cand[k]];
        text[k] = pcs_arena_alloc(arena, (size_t)(s->end - s->start) + 1);
        if (!text[k])
            return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
        tlen[k] = pcs_collapse_space(doc->text + s->start, s->end - s->start, text[k]);
    }
    pcs_rouge_units *units;
    st = pcs_rouge_units_new(scorer, (const char *const *)text, tlen, m, refs, ref_lens, n_refs,
                             &units, err);
    if (st != PRECIS_OK)
        return st;

    size_t budget = doc->cfg.word_budget, words = 0;
    size_t sentences = doc->cfg.options->sentences;
    size_t max_sentences = budget > 0 ? m : sentences;
    uint32_t n = 0;
    double best_total = 0;
    while (n < max_sentences && st == PRECIS_OK) {
        double best = best_total;
        uint32_t best_k = UINT32_MAX;
        for (uint32_t k = 0; k < m; k++) {
            if (used[k])
                continue;
            if (budget > 0 && n > 0 && words + doc->sents[cand[k]].words > budget)
                continue;
            /* The summary with k added, in document order. */
            uint32_t t = 0;
            for (uint32_t q = 0; q < m; q++)
                if (used[q] || q == k)
                    trial[t++] = q;
            precis_rouge_score r1, r2;
            st = pcs_rouge_units_score(units, trial, t, &r1, &r2);
            if (st != PRECIS_OK)
                break;
            double obj = r1.f + r2.f;
            if (obj > best) {
                best = obj;
                best_k = k;
            }
        }
        if (best_k == UINT32_MAX)
            break;
        used[best_k] = true;
        doc->scores[cand[best_k]] = best - best_total;
        best_total = best;
        words += doc->sents[cand[best_k]].words;
        sel[n++] = cand[best_k];
        if (budget > 0 && words >= budget)
            break;
    }
    pcs_rouge_units_free(units);
    if (st != PRECIS_OK)
        return pcs_fail(err, st, SIZE_MAX, "ROUGE scoring failed");
    qsort(sel, n, sizeof *sel, by_index);
    *picked = sel;
    *n_picked = n;
    *shortfall = budget == 0 && sentences > m;
    return PRECIS_OK;
}

/* ------------------------------------------------------------------------ */
/* Keyphrases                                                                */
/* ------------------------------------------------------------------------ */

typedef struct phrase_set {
    pcs_map map;
    pcs_arena arena;
    size_t n;
} phrase_set;

/* The comparison key of a phrase: lower-cased runs of letters and digits,
 * each Porter-stemmed, joined by single spaces. Empty when the phrase has
 * no word. */
static precis_status phrase_key(struct sb_stemmer *stemmer, const char *p, char **key,
                                size_t *key_len, pcs_arena *arena)
{
    size_t n = strlen(p);
    /* Lower-casing keeps a code point within 4 bytes; stems are never
     * longer than their words; separators add one byte per word. */
    char *word = malloc(n * 4 + 1);
    char *out = pcs_arena_alloc(arena, n * 4 + 2);
    if (!word || !out) {
        free(word);
        return PRECIS_ERR_NOMEM;
    }
    size_t o = 0, i = 0;
    while (i < n) {
        size_t w = 0;
        while (i < n) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p + i,
                                                  (utf8proc_ssize_t)(n - i), &cp);
            if (k <= 0) {
                i++;
                break;
            }
            utf8proc_category_t c = utf8proc_category(cp);
            bool alnum = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
                         (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO);
            i += (size_t)k;
            if (!alnum) {
                if (w > 0)
                    break;
                continue;
            }
            w += (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)word + w);
        }
        if (w == 0)
            continue;
        const sb_symbol *stem = sb_stemmer_stem(stemmer, (const sb_symbol *)word, (int)w);
        if (!stem) {
            free(word);
            return PRECIS_ERR_NOMEM;
        }
        size_t sl = (size_t)sb_stemmer_length(stemmer);
        if (o > 0)
            out[o++] = ' ';
        memcpy(out + o, stem, sl);
        o += sl;
    }
    free(word);
    out[o] = '\0';
    *key = out;
    *key_len = o;
    return PRECIS_OK;
}

/* Add a phrase's key to the set. *key is the key (empty when the phrase
 * has no word) and *added says whether it was new. */
static precis_status set_add(phrase_set *set, struct sb_stemmer *stemmer, const char *phrase,
                             char **key, size_t *len, bool *added)
{
    *added = false;
    precis_status st = phrase_key(stemmer, phrase, key, len, &set->arena);
    if (st != PRECIS_OK || *len == 0)
        return st;
    uint32_t h = pcs_hash(*key, *len);
    if (pcs_map_find(&set->map, *key, *len, h))
        return PRECIS_OK;
    if (!pcs_map_put(&set->map, *key, *len, h, (uint32_t)set->n))
        return PRECIS_ERR_NOMEM;
    set->n++;
    *added = true;
    return PRECIS_OK;
}

precis_status precis_keyphrase_evaluate(const char *const *predicted, size_t n_predicted,
                                        const char *const *gold, size_t n_gold, size_t k,
                                        precis_keyphrase_score *out, precis_error *err)
{
    if (!out || (n_predicted && !predicted) || (n_gold && !gold) || k == 0)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "predicted, gold and out must not be NULL and k must be positive");
    memset(out, 0, sizeof *out);
    struct sb_stemmer *stemmer = sb_stemmer_new("porter", NULL);
    if (!stemmer)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "cannot create Porter stemmer");
    phrase_set g = {0}, p = {0};
    pcs_arena_init(&g.arena);
    pcs_arena_init(&p.arena);
    precis_status st = PRECIS_OK;
    char *key;
    size_t len;
    bool added;
    for (size_t i = 0; st == PRECIS_OK && i < n_gold; i++)
        st = set_add(&g, stemmer, gold[i] ? gold[i] : "", &key, &len, &added);
    size_t considered = 0, matched = 0;
    for (size_t i = 0; st == PRECIS_OK && i < n_predicted && considered < k; i++) {
        st = set_add(&p, stemmer, predicted[i] ? predicted[i] : "", &key, &len, &added);
        if (st != PRECIS_OK || !added)
            continue;
        considered++;
        matched += pcs_map_find(&g.map, key, len, pcs_hash(key, len)) != NULL;
    }
    sb_stemmer_delete(stemmer);
    pcs_map_free(&g.map);
    pcs_map_free(&p.map);
    pcs_arena_free(&g.arena);
    pcs_arena_free(&p.arena);
    if (st != PRECIS_OK)
        return pcs_fail(err, st, SIZE_MAX, "out of memory");
    out->matched = matched;
    out->precision = considered ? (double)matched / (double)considered : 0.0;
    out->recall = g.n ? (double)matched / (double)g.n : 0.0;
    double sum = out->precision + out->recall;
    out->f1 = sum > 0 ? 2 * out->precision * out->recall / sum : 0.0;
    return PRECIS_OK;
}

/* ------------------------------------------------------------------------ */
/* Bootstrap                                                                 */
/* ------------------------------------------------------------------------ */

static uint64_t next_random(uint64_t *state)
{
    /* SplitMix64 (Steele, Lea and Flood, 2014). */
    uint64_t z = (*state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static int by_value(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : a > b;
}

/* Quantile q of sorted v[0, n) with linear interpolation between order
 * statistics (Hyndman and Fan, 1996, definition 7). */
static double quantile(const double *v, size_t n, double q)
{
    double h = (double)(n - 1) * q;
    size_t i = (size_t)h;
    if (i + 1 >= n)
        return v[n - 1];
    return v[i] + (h - (double)i) * (v[i + 1] - v[i]);
}

precis_status precis_bootstrap_mean(const double *values, size_t n, size_t resamples,
                                    double confidence, uint64_t seed, double *mean,
                                    double *lo, double *hi)
{
    if (!values || n == 0 || resamples == 0 || !(confidence > 0 && confidence < 1) || !mean ||
        !lo || !hi)
        return PRECIS_ERR_ARGUMENT;
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += values[i];
    *mean = sum / (double)n;
    double *means = malloc(resamples * sizeof *means);
    if (!means)
        return PRECIS_ERR_NOMEM;
    uint64_t state = seed;
    for (size_t r = 0; r < resamples; r++) {
        double s = 0;
        for (size_t i = 0; i < n; i++)
            s += values[next_random(&state) % n];
        means[r] = s / (double)n;
    }
    qsort(means, resamples, sizeof *means, by_value);
    double tail = (1 - confidence) / 2;
    *lo = quantile(means, resamples, tail);
    *hi = quantile(means, resamples, 1 - tail);
    free(means);
    return PRECIS_OK;
}
