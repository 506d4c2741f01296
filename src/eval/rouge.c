/* ROUGE-1, ROUGE-2 and summary-level ROUGE-L (Lin, 2004, "ROUGE: A Package
 * for Automatic Evaluation of Summaries") with the exact behaviour of the
 * reference script ROUGE-1.5.5.pl run as `-c 95 -m -n 2 -a`. Published
 * figures come from that script, so ours are only comparable if every
 * quirk is reproduced: its tokeniser, its stemmer (rouge_stem.c), its
 * clipping, its LCS tie rule and its rounding.
 *
 * One call works on its own scratch memory, freed before returning, so a
 * scorer can be shared between threads. Words become dense term ids first;
 * everything after that is array indexing, linear in the tokens except the
 * LCS tables themselves. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rouge.h"

/* ROUGE's alpha for F: -p is not given, so 0.5 (harmonic mean). */
#define PCS_ROUGE_ALPHA 0.5

typedef struct rouge_sent {
    uint32_t start, end; /* token range in work.toks */
} rouge_sent;

typedef struct rouge_work {
    const precis_rouge_scorer *scorer;
    pcs_arena arena;  /* map keys and the per-term arrays */
    pcs_map surfaces; /* lower-cased token -> term id */
    pcs_map stems;    /* compared form -> term id */
    uint32_t n_terms;
    pcs_map bigrams; /* 8 bytes of two adjacent term ids -> bigram id */
    uint32_t n_bigrams;

    char *word, *stem; /* scratch for one token */
    size_t word_cap, stem_cap;

    /* Every text's tokens, the candidate's first. Text k has tokens
     * [tok_first[k], tok_first[k + 1]) and sentences [sent_first[k],
     * sent_first[k + 1]). */
    uint32_t *toks;
    size_t n_toks, toks_cap;
    rouge_sent *sents;
    size_t n_sents, sents_cap;
    size_t *tok_first, *sent_first;
} rouge_work;

static bool is_word_byte(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (ch >= '0' && ch <= '9');
}

static precis_status nomem(precis_error *err)
{
    return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX,
                    "out of memory while scoring ROUGE");
}

/* The term id of one token (raw bytes, any case). */
static bool term_of(rouge_work *w, const char *raw, size_t len, uint32_t *id)
{
    if (!pcs_grow((void **)&w->word, &w->word_cap, len, 1) ||
        !pcs_grow((void **)&w->stem, &w->stem_cap, len, 1))
        return false;
    for (size_t i = 0; i < len; i++) {
        char ch = raw[i];
        w->word[i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
    }
    uint32_t h = pcs_hash(w->word, len);
    const pcs_map_slot *slot = pcs_map_find(&w->surfaces, w->word, len, h);
    if (slot) {
        *id = slot->value;
        return true;
    }
    size_t slen;
    const char *stem = pcs_rouge_stem(w->scorer, w->word, len, w->stem, &slen);
    uint32_t sh = pcs_hash(stem, slen);
    slot = pcs_map_find(&w->stems, stem, slen, sh);
    if (slot) {
        *id = slot->value;
    } else {
        char *key = pcs_arena_strndup(&w->arena, stem, slen);
        if (!key || !pcs_map_put(&w->stems, key, slen, sh, w->n_terms))
            return false;
        *id = w->n_terms++;
    }
    char *key = pcs_arena_strndup(&w->arena, w->word, len);
    return key && pcs_map_put(&w->surfaces, key, len, h, *id);
}

static bool end_sentence(rouge_work *w, size_t *start)
{
    if (w->n_toks == *start)
        return true; /* an empty line: nothing for the LCS to match */
    if (!pcs_grow((void **)&w->sents, &w->sents_cap, w->n_sents + 1,
                  sizeof *w->sents))
        return false;
    w->sents[w->n_sents++] = (rouge_sent){(uint32_t)*start,
                                          (uint32_t)w->n_toks};
    *start = w->n_toks;
    return true;
}

/* ROUGE-1.5.5's readText/tokenizeText with -m: it lower-cases A-Z, sets
 * each '-' apart, turns every byte other than an ASCII letter, digit or
 * '-' into a space and keeps the tokens that begin with a letter or digit.
 * The '-' tokens it creates are all dropped, so '-' simply separates, and
 * so does every byte of a non-ASCII character ("Café" gives "caf"). Lines
 * are its sentences (for ROUGE-L only; n-grams run across them). */
static bool tokenize(rouge_work *w, const char *text, size_t len)
{
    size_t start = w->n_toks;
    size_t i = 0;
    while (i < len) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '\n') {
            if (!end_sentence(w, &start))
                return false;
            i++;
            continue;
        }
        if (!is_word_byte(ch)) {
            i++;
            continue;
        }
        size_t s = i;
        while (i < len && is_word_byte((unsigned char)text[i]))
            i++;
        uint32_t id;
        if (!pcs_grow((void **)&w->toks, &w->toks_cap, w->n_toks + 1,
                      sizeof *w->toks) ||
            !term_of(w, text + s, i - s, &id))
            return false;
        w->toks[w->n_toks++] = id;
    }
    return end_sentence(w, &start);
}

/* Bigram ids for tokens [first, last) of one text: big[i] is the id of
 * (toks[i], toks[i + 1]). Keys point into w->toks, which no longer moves. */
static bool bigram_ids(rouge_work *w, size_t first, size_t last, uint32_t *big)
{
    for (size_t i = first; i + 1 < last; i++) {
        const char *key = (const char *)&w->toks[i];
        size_t klen = 2 * sizeof *w->toks;
        uint32_t h = pcs_hash(key, klen);
        const pcs_map_slot *slot = pcs_map_find(&w->bigrams, key, klen, h);
        if (slot) {
            big[i] = slot->value;
        } else {
            if (!pcs_map_put(&w->bigrams, key, klen, h, w->n_bigrams))
                return false;
            big[i] = w->n_bigrams++;
        }
    }
    return true;
}

/* Clipped matches of one reference against the candidate (ROUGE-1.5.5's
 * ngramScore): each reference n-gram is a hit while the candidate still
 * has an unused copy of it, i.e. the sum over n-grams of min(counts). */
static uint64_t clipped_hits(const uint32_t *ref, size_t n,
                             const uint32_t *cand_count, uint32_t *used)
{
    uint64_t hits = 0;
    for (size_t i = 0; i < n; i++)
        used[ref[i]] = 0;
    for (size_t i = 0; i < n; i++) {
        if (used[ref[i]] < cand_count[ref[i]]) {
            used[ref[i]]++;
            hits++;
        }
    }
    return hits;
}

/* Rows of the LCS table kept by lcs_mark for a reference sentence of m
 * tokens: every k-th row as a checkpoint, and one block of k + 1 rows
 * recomputed from a checkpoint during the trace-back, k = ceil(sqrt(m)). */
static size_t lcs_block(size_t m)
{
    size_t k = (size_t)sqrt((double)m);
    while (k * k < m)
        k++;
    return k ? k : 1;
}

static size_t lcs_rows(size_t m)
{
    size_t k = lcs_block(m);
    return m / k + 1 + k + 1;
}

/* Row i of the table from row i - 1 (prev), over b[0, n). */
static void lcs_row(uint32_t ai, const uint32_t *b, size_t n, const uint32_t *prev,
                    uint32_t *row)
{
    row[0] = 0;
    for (size_t j = 1; j <= n; j++) {
        if (ai == b[j - 1]) {
            row[j] = prev[j - 1] + 1;
        } else {
            uint32_t up = prev[j], left = row[j - 1];
            row[j] = up >= left ? up : left;
        }
    }
}

/* One longest common subsequence of a reference sentence a and a candidate
 * sentence b by the usual dynamic programme (Lin, 2004, section 3.1),
 * traced back from the end, marking in hit the positions of a it uses.
 * Which LCS is found matters for summary-level ROUGE-L, so ROUGE-1.5.5's
 * lcs_inner/markLCS choice is kept: a match is always taken, and on a tie
 * between dropping a's token and dropping b's, a's is dropped.
 *
 * That choice needs the table's values along the whole path, not just its
 * last row, so two rows do not suffice; the whole table (m + 1) x (n + 1)
 * took 1.6 GB for one long line. Instead every k-th row is kept
 * (k = ceil(sqrt(m))) and the trace-back recomputes k rows at a time from
 * the checkpoint above them: the same path, for about twice the time and
 * 2 sqrt(m) (n + 1) cells (lcs_rows(m) rows of n + 1 in dp). */
static void lcs_mark(const uint32_t *a, size_t m, const uint32_t *b, size_t n,
                     uint32_t *dp, uint8_t *hit)
{
    size_t stride = n + 1, k = lcs_block(m);
    uint32_t *check = dp;                        /* rows 0, k, 2k, ... */
    uint32_t *block = dp + (m / k + 1) * stride; /* k + 1 rows */
    memset(check, 0, stride * sizeof *dp);
    uint32_t *prev = check;
    for (size_t i = 1; i <= m; i++) {
        uint32_t *row = i % k == 0 ? check + (i / k) * stride : block + (i % 2) * stride;
        lcs_row(a[i - 1], b, n, prev, row);
        prev = row;
    }
    size_t i = m, j = n;
    while (i > 0 && j > 0) {
        /* Rows s..i of the table into block, s the checkpoint above i. */
        size_t s = (i - 1) / k * k;
        memcpy(block, check + (s / k) * stride, stride * sizeof *dp);
        for (size_t r = s + 1; r <= i; r++)
            lcs_row(a[r - 1], b, n, block + (r - s - 1) * stride, block + (r - s) * stride);
        while (i > s && j > 0) {
            const uint32_t *row = block + (i - s) * stride, *up = row - stride;
            if (a[i - 1] == b[j - 1]) {
                i--;
                j--;
                hit[i] = 1;
            } else if (up[j] >= row[j - 1]) {
                i--;
            } else {
                j--;
            }
        }
    }
}

double pcs_rouge_round5(double x)
{
    if (!isfinite(x))
        return x;
    if (x < 0)
        return -pcs_rouge_round5(-x);
    /* sprintf rounds the exact binary value of x, not x * 1e5 as rounded
     * by the multiplication: y + e is that exact product (fma gives the
     * multiplication's error), and frac = y - floor(y) is exact. Only when
     * frac is exactly one half can e, which is smaller than half an ulp of
     * y, decide; when e is 0 too the tie goes to even, as in glibc. */
    double y = x * 100000.0;
    double e = fma(x, 100000.0, -y);
    double k = floor(y);
    double frac = y - k;
    if (frac > 0.5 ||
        (frac == 0.5 && (e > 0 || (e == 0 && fmod(k, 2.0) != 0))))
        k += 1;
    return k / 100000.0;
}

/* ROUGE-1.5.5 prints P and R with "%7.5f" and computes F from those
 * printed figures, then prints F the same way, so F is taken from the
 * rounded P and R (P 0.70000, R 0.63636 give F 0.66666, not 0.66667).
 * Counts are summed over references first (-a, model average). */
static precis_rouge_score make_score(uint64_t hits, uint64_t ref_count,
                                     uint64_t cand_count)
{
    precis_rouge_score s = {0, 0, 0};
    if (ref_count)
        s.recall = pcs_rouge_round5((double)hits / (double)ref_count);
    if (cand_count)
        s.precision = pcs_rouge_round5((double)hits / (double)cand_count);
    double denom = (1 - PCS_ROUGE_ALPHA) * s.precision +
                   PCS_ROUGE_ALPHA * s.recall;
    if (denom > 0)
        s.f = pcs_rouge_round5((s.precision * s.recall) / denom);
    return s;
}

static void work_free(rouge_work *w)
{
    pcs_arena_free(&w->arena);
    pcs_map_free(&w->surfaces);
    pcs_map_free(&w->stems);
    pcs_map_free(&w->bigrams);
    free(w->word);
    free(w->stem);
    free(w->toks);
    free(w->sents);
    free(w->tok_first);
    free(w->sent_first);
}

/* Everything after tokenisation: counts, clipping, LCS, scores. */
static precis_status score_all(rouge_work *w, size_t n_refs, precis_rouge *out,
                               precis_error *err)
{
    pcs_arena *a = &w->arena;
    size_t cand_n = w->tok_first[1];
    uint32_t *big = pcs_arena_calloc(a, w->n_toks + 1, sizeof *big);
    if (!big)
        return nomem(err);
    for (size_t k = 0; k <= n_refs; k++)
        if (!bigram_ids(w, w->tok_first[k], w->tok_first[k + 1], big))
            return nomem(err);

    /* Per term: the candidate's count, scratch for clipping, and what the
     * ROUGE-L clipping has left of the reference's and candidate's counts. */
    uint32_t *cand_count = pcs_arena_calloc(a, w->n_terms + 1, sizeof(uint32_t));
    uint32_t *used = pcs_arena_calloc(a, w->n_terms + 1, sizeof(uint32_t));
    uint32_t *ref_left = pcs_arena_calloc(a, w->n_terms + 1, sizeof(uint32_t));
    uint32_t *cand_left = pcs_arena_calloc(a, w->n_terms + 1, sizeof(uint32_t));
    uint32_t *cand_bcount =
        pcs_arena_calloc(a, w->n_bigrams + 1, sizeof(uint32_t));
    uint32_t *bused = pcs_arena_calloc(a, w->n_bigrams + 1, sizeof(uint32_t));
    if (!cand_count || !used || !ref_left || !cand_left || !cand_bcount ||
        !bused)
        return nomem(err);
    for (size_t i = 0; i < cand_n; i++)
        cand_count[w->toks[i]]++;
    for (size_t i = 0; i + 1 < cand_n; i++)
        cand_bcount[big[i]]++;

    /* One LCS table serves every sentence pair: size it for the longest. */
    size_t max_cand = 0, max_ref = 0;
    for (size_t s = 0; s < w->n_sents; s++) {
        size_t len = w->sents[s].end - w->sents[s].start;
        size_t *m = s < w->sent_first[1] ? &max_cand : &max_ref;
        if (len > *m)
            *m = len;
    }
    size_t cells, bytes;
    if (!pcs_mul_ok(lcs_rows(max_ref), max_cand + 1, &cells) ||
        !pcs_mul_ok(cells, sizeof(uint32_t), &bytes))
        return nomem(err);
    uint32_t *dp = pcs_arena_alloc(a, bytes); /* lcs_mark sets what it reads */
    uint8_t *hit = pcs_arena_calloc(a, max_ref + 1, 1);
    if (!dp || !hit)
        return nomem(err);

    uint64_t hits1 = 0, hits2 = 0, hitsl = 0;
    uint64_t ref1 = 0, ref2 = 0, cand1 = 0, cand2 = 0;
    for (size_t k = 1; k <= n_refs; k++) {
        size_t first = w->tok_first[k], n = w->tok_first[k + 1] - first;
        const uint32_t *ref = w->toks + first;

        hits1 += clipped_hits(ref, n, cand_count, used);
        ref1 += n;
        cand1 += cand_n;
        if (n > 1)
            hits2 += clipped_hits(big + first, n - 1, cand_bcount, bused);
        ref2 += n > 1 ? n - 1 : 0;
        cand2 += cand_n > 1 ? cand_n - 1 : 0;

        /* Summary-level ROUGE-L (Lin, 2004, section 3.2) as ROUGE-1.5.5
         * 1.4.1+ clips it: the union LCS of a reference sentence with
         * every candidate sentence marks its hits, and a hit counts only
         * while both the reference and the candidate have a unigram of it
         * left (the candidate's counts restart for every reference), so
         * ROUGE-L never exceeds ROUGE-1. */
        for (size_t i = 0; i < n; i++)
            ref_left[ref[i]] = 0;
        for (size_t i = 0; i < n; i++) {
            ref_left[ref[i]]++;
            cand_left[ref[i]] = cand_count[ref[i]];
        }
        for (size_t rs = w->sent_first[k]; rs < w->sent_first[k + 1]; rs++) {
            const uint32_t *rt = w->toks + w->sents[rs].start;
            size_t m = w->sents[rs].end - w->sents[rs].start;
            memset(hit, 0, m);
            for (size_t cs = 0; cs < w->sent_first[1]; cs++)
                lcs_mark(rt, m, w->toks + w->sents[cs].start,
                         w->sents[cs].end - w->sents[cs].start, dp, hit);
            for (size_t i = 0; i < m; i++) {
                if (hit[i] && ref_left[rt[i]] > 0 && cand_left[rt[i]] > 0) {
                    hitsl++;
                    ref_left[rt[i]]--;
                    cand_left[rt[i]]--;
                }
            }
        }
    }
    out->rouge1 = make_score(hits1, ref1, cand1);
    out->rouge2 = make_score(hits2, ref2, cand2);
    /* ROUGE-L's counts are ROUGE-1's: all reference and candidate tokens. */
    out->rougeL = make_score(hitsl, ref1, cand1);
    return PRECIS_OK;
}

precis_status precis_rouge_evaluate(const precis_rouge_scorer *scorer,
                                    const char *candidate,
                                    size_t candidate_len,
                                    const char *const *references,
                                    const size_t *reference_lens,
                                    size_t n_refs, precis_rouge *out,
                                    precis_error *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (!scorer || !out)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "precis_rouge_evaluate: %s is NULL",
                        scorer ? "out" : "scorer");
    if (!candidate && candidate_len > 0)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "precis_rouge_evaluate: candidate is NULL");
    if (n_refs == 0 || !references || !reference_lens)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "precis_rouge_evaluate: at least one reference is "
                        "needed (n_refs, references, reference_lens)");
    if (n_refs > SIZE_MAX / sizeof(size_t) - 2)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "precis_rouge_evaluate: too many references");
    /* Token and term ids are 32-bit. */
    size_t total = candidate_len;
    for (size_t k = 0; k < n_refs; k++) {
        if (!references[k] && reference_lens[k] > 0)
            return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                            "precis_rouge_evaluate: references[%zu] is NULL",
                            k);
        if (reference_lens[k] > UINT32_MAX - total)
            return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                            "precis_rouge_evaluate: the texts total more "
                            "than 4 GiB");
        total += reference_lens[k];
    }

    rouge_work w;
    memset(&w, 0, sizeof w);
    w.scorer = scorer;
    pcs_arena_init(&w.arena);
    pcs_map_init(&w.surfaces);
    pcs_map_init(&w.stems);
    pcs_map_init(&w.bigrams);
    precis_status st = PRECIS_OK;
    w.tok_first = calloc(n_refs + 2, sizeof *w.tok_first);
    w.sent_first = calloc(n_refs + 2, sizeof *w.sent_first);
    if (!w.tok_first || !w.sent_first) {
        st = nomem(err);
        goto done;
    }
    for (size_t k = 0; k <= n_refs; k++) {
        w.tok_first[k] = w.n_toks;
        w.sent_first[k] = w.n_sents;
        const char *text = k == 0 ? candidate : references[k - 1];
        size_t len = k == 0 ? candidate_len : reference_lens[k - 1];
        if (len > 0 && !tokenize(&w, text, len)) {
            st = nomem(err);
            goto done;
        }
    }
    w.tok_first[n_refs + 1] = w.n_toks;
    w.sent_first[n_refs + 1] = w.n_sents;
    /* Texts without a token leave toks NULL; offsets into it (even of 0)
     * are then undefined behaviour: give it room for one. */
    if (!w.toks && !pcs_grow((void **)&w.toks, &w.toks_cap, 1, sizeof *w.toks)) {
        st = nomem(err);
        goto done;
    }
    st = score_all(&w, n_refs, out, err);
    if (st != PRECIS_OK)
        memset(out, 0, sizeof *out);
done:
    work_free(&w);
    return st;
}

/* ------------------------------------------------------------------------ */
/* Many candidates from the same units                                       */
/* ------------------------------------------------------------------------ */

struct pcs_rouge_units {
    rouge_work w;        /* tokens of units then references, shared term ids */
    size_t n_units, n_refs;
    uint32_t *ref_big;   /* per token: id of the bigram it starts, if a
                          * reference has it, else UINT32_MAX */
    uint32_t n_ref_bigrams;
    pcs_map ref_bigrams; /* 8 bytes of two term ids -> reference bigram id */
    /* Per reference k, its distinct terms and bigrams with their counts:
     * [ref_term_first[k], ref_term_first[k + 1]) into ref_terms and
     * ref_term_count (likewise for bigrams). */
    uint32_t *ref_terms, *ref_term_count, *ref_bigs, *ref_big_count;
    size_t *ref_term_first, *ref_big_first;
    uint64_t *ref_tokens; /* per reference: tokens (unigram count) */
    uint32_t *cand1, *cand2; /* scratch counts, zero between calls */
};

void pcs_rouge_units_free(pcs_rouge_units *u)
{
    if (!u)
        return;
    work_free(&u->w);
    pcs_map_free(&u->ref_bigrams);
    free(u->ref_big);
    free(u->ref_terms);
    free(u->ref_term_count);
    free(u->ref_bigs);
    free(u->ref_big_count);
    free(u->ref_term_first);
    free(u->ref_big_first);
    free(u->ref_tokens);
    free(u->cand1);
    free(u->cand2);
    free(u);
}

/* Reference bigram id of the pair (a, b), or UINT32_MAX. */
static uint32_t ref_bigram(const pcs_rouge_units *u, uint32_t a, uint32_t b)
{
    uint32_t key[2] = {a, b};
    const pcs_map_slot *slot =
        pcs_map_find(&u->ref_bigrams, (const char *)key, sizeof key, pcs_hash((const char *)key, sizeof key));
    return slot ? slot->value : UINT32_MAX;
}

/* Tokenise every text, the units then the references, into u->w. */
static bool tokenize_texts(pcs_rouge_units *u, const char *const *units,
                           const size_t *unit_lens, const char *const *refs,
                           const size_t *ref_lens)
{
    rouge_work *w = &u->w;
    size_t n_units = u->n_units, texts = n_units + u->n_refs;
    w->tok_first = calloc(texts + 1, sizeof *w->tok_first);
    w->sent_first = calloc(texts + 1, sizeof *w->sent_first);
    if (!w->tok_first || !w->sent_first)
        return false;
    for (size_t k = 0; k < texts; k++) {
        w->tok_first[k] = w->n_toks;
        w->sent_first[k] = w->n_sents;
        const char *t = k < n_units ? units[k] : refs[k - n_units];
        size_t len = k < n_units ? unit_lens[k] : ref_lens[k - n_units];
        if (len > 0 && !tokenize(w, t, len))
            return false;
    }
    w->tok_first[texts] = w->n_toks;
    w->sent_first[texts] = w->n_sents;
    /* see precis_rouge_evaluate */
    return w->toks || pcs_grow((void **)&w->toks, &w->toks_cap, 1, sizeof *w->toks);
}

/* Dense ids for the references' bigrams, and the bigram id each token of
 * every text starts (n-grams run across a text's lines, not across
 * texts), or UINT32_MAX. */
static bool index_ref_bigrams(pcs_rouge_units *u)
{
    rouge_work *w = &u->w;
    size_t texts = u->n_units + u->n_refs;
    for (size_t i = w->tok_first[u->n_units]; i + 1 < w->n_toks; i++) {
        uint32_t key[2] = {w->toks[i], w->toks[i + 1]};
        uint32_t h = pcs_hash((const char *)key, sizeof key);
        if (pcs_map_find(&u->ref_bigrams, (const char *)key, sizeof key, h))
            continue;
        char *stored = pcs_arena_alloc(&w->arena, sizeof key);
        if (!stored)
            return false;
        memcpy(stored, key, sizeof key);
        if (!pcs_map_put(&u->ref_bigrams, stored, sizeof key, h, u->n_ref_bigrams++))
            return false;
    }
    for (size_t k = 0; k < texts; k++)
        for (size_t i = w->tok_first[k]; i < w->tok_first[k + 1]; i++)
            u->ref_big[i] = i + 1 < w->tok_first[k + 1]
                                ? ref_bigram(u, w->toks[i], w->toks[i + 1])
                                : UINT32_MAX;
    return true;
}

/* Reference r's distinct terms and bigrams, appended at *nt and *nb, with
 * their counts. term_seen and big_seen are all zero on entry and on
 * return: first stamps (r + 1) that mark what is already listed, then
 * positions in the lists for the counting pass. */
static void count_reference(pcs_rouge_units *u, size_t r, uint32_t *term_seen,
                            uint32_t *big_seen, size_t *nt, size_t *nb)
{
    const rouge_work *w = &u->w;
    size_t a = w->tok_first[u->n_units + r], b = w->tok_first[u->n_units + r + 1];
    u->ref_term_first[r] = *nt;
    u->ref_big_first[r] = *nb;
    u->ref_tokens[r] = b - a;
    uint32_t stamp = (uint32_t)r + 1;
    for (size_t i = a; i < b; i++) {
        uint32_t t = w->toks[i];
        if (term_seen[t] != stamp) {
            term_seen[t] = stamp;
            u->ref_terms[*nt] = t;
            u->ref_term_count[(*nt)++] = 0;
        }
        uint32_t g = u->ref_big[i];
        if (g != UINT32_MAX && big_seen[g] != stamp) {
            big_seen[g] = stamp;
            u->ref_bigs[*nb] = g;
            u->ref_big_count[(*nb)++] = 0;
        }
    }
    for (size_t q = u->ref_term_first[r]; q < *nt; q++)
        term_seen[u->ref_terms[q]] = (uint32_t)q;
    for (size_t q = u->ref_big_first[r]; q < *nb; q++)
        big_seen[u->ref_bigs[q]] = (uint32_t)q;
    for (size_t i = a; i < b; i++) {
        u->ref_term_count[term_seen[w->toks[i]]]++;
        if (u->ref_big[i] != UINT32_MAX)
            u->ref_big_count[big_seen[u->ref_big[i]]]++;
    }
    for (size_t q = u->ref_term_first[r]; q < *nt; q++)
        term_seen[u->ref_terms[q]] = 0;
    for (size_t q = u->ref_big_first[r]; q < *nb; q++)
        big_seen[u->ref_bigs[q]] = 0;
}

/* Per reference, its distinct terms and bigrams with their counts; and
 * the candidate count arrays. */
static bool count_references(pcs_rouge_units *u)
{
    const rouge_work *w = &u->w;
    size_t n_refs = u->n_refs, ref_toks = w->n_toks - w->tok_first[u->n_units];
    u->ref_terms = malloc((ref_toks + 1) * sizeof *u->ref_terms);
    u->ref_term_count = malloc((ref_toks + 1) * sizeof *u->ref_term_count);
    u->ref_bigs = malloc((ref_toks + 1) * sizeof *u->ref_bigs);
    u->ref_big_count = malloc((ref_toks + 1) * sizeof *u->ref_big_count);
    u->ref_term_first = calloc(n_refs + 1, sizeof *u->ref_term_first);
    u->ref_big_first = calloc(n_refs + 1, sizeof *u->ref_big_first);
    u->ref_tokens = calloc(n_refs, sizeof *u->ref_tokens);
    u->cand1 = calloc(w->n_terms + 1, sizeof *u->cand1);
    u->cand2 = calloc(u->n_ref_bigrams + 1, sizeof *u->cand2);
    uint32_t *term_seen = calloc(w->n_terms + 1, sizeof *term_seen);
    uint32_t *big_seen = calloc(u->n_ref_bigrams + 1, sizeof *big_seen);
    bool ok = u->ref_terms && u->ref_term_count && u->ref_bigs && u->ref_big_count &&
              u->ref_term_first && u->ref_big_first && u->ref_tokens && u->cand1 && u->cand2 &&
              term_seen && big_seen;
    size_t nt = 0, nb = 0;
    for (size_t r = 0; ok && r < n_refs; r++)
        count_reference(u, r, term_seen, big_seen, &nt, &nb);
    if (ok) {
        u->ref_term_first[n_refs] = nt;
        u->ref_big_first[n_refs] = nb;
    }
    free(term_seen);
    free(big_seen);
    return ok;
}

precis_status pcs_rouge_units_new(const precis_rouge_scorer *scorer, const char *const *units,
                                  const size_t *unit_lens, size_t n_units,
                                  const char *const *refs, const size_t *ref_lens,
                                  size_t n_refs, pcs_rouge_units **out, precis_error *err)
{
    *out = NULL;
    if (!scorer || n_refs == 0 || !refs || !ref_lens || (n_units && (!units || !unit_lens)))
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "pcs_rouge_units_new: scorer, units and references are needed");
    pcs_rouge_units *u = calloc(1, sizeof *u);
    if (!u)
        return nomem(err);
    u->n_units = n_units;
    u->n_refs = n_refs;
    u->w.scorer = scorer;
    pcs_arena_init(&u->w.arena);
    bool ok = tokenize_texts(u, units, unit_lens, refs, ref_lens);
    if (ok)
        ok = (u->ref_big = malloc((u->w.n_toks + 1) * sizeof *u->ref_big)) &&
             index_ref_bigrams(u) && count_references(u);
    if (!ok) {
        pcs_rouge_units_free(u);
        return nomem(err);
    }
    *out = u;
    return PRECIS_OK;
}

precis_status pcs_rouge_units_score(pcs_rouge_units *u, const uint32_t *chosen, size_t n,
                                    precis_rouge_score *rouge1, precis_rouge_score *rouge2)
{
    const rouge_work *w = &u->w;
    uint64_t cand_toks = 0, cand_bigs = 0;
    uint32_t last = UINT32_MAX; /* the previous unit's last token, for the
                                 * bigram that joins two lines */
    for (size_t c = 0; c < n; c++) {
        if (chosen[c] >= u->n_units)
            return PRECIS_ERR_ARGUMENT;
        size_t a = w->tok_first[chosen[c]], b = w->tok_first[chosen[c] + 1];
        if (a == b)
            continue;
        if (last != UINT32_MAX) {
            cand_bigs++;
            uint32_t g = ref_bigram(u, last, w->toks[a]);
            if (g != UINT32_MAX)
                u->cand2[g]++;
        }
        for (size_t i = a; i < b; i++) {
            u->cand1[w->toks[i]]++;
            if (u->ref_big[i] != UINT32_MAX)
                u->cand2[u->ref_big[i]]++;
        }
        cand_toks += b - a;
        cand_bigs += b - a - 1;
        last = w->toks[b - 1];
    }
    uint64_t hits1 = 0, hits2 = 0, ref1 = 0, ref2 = 0;
    for (size_t r = 0; r < u->n_refs; r++) {
        for (size_t q = u->ref_term_first[r]; q < u->ref_term_first[r + 1]; q++) {
            uint32_t have = u->cand1[u->ref_terms[q]], want = u->ref_term_count[q];
            hits1 += have < want ? have : want;
        }
        for (size_t q = u->ref_big_first[r]; q < u->ref_big_first[r + 1]; q++) {
            uint32_t have = u->cand2[u->ref_bigs[q]], want = u->ref_big_count[q];
            hits2 += have < want ? have : want;
        }
        ref1 += u->ref_tokens[r];
        ref2 += u->ref_tokens[r] > 1 ? u->ref_tokens[r] - 1 : 0;
    }
    *rouge1 = make_score(hits1, ref1, cand_toks * u->n_refs);
    *rouge2 = make_score(hits2, ref2, cand_bigs * u->n_refs);
    /* Back to zero for the next call: touch only what was counted. */
    last = UINT32_MAX;
    for (size_t c = 0; c < n; c++) {
        size_t a = w->tok_first[chosen[c]], b = w->tok_first[chosen[c] + 1];
        if (a == b)
            continue;
        if (last != UINT32_MAX) {
            uint32_t g = ref_bigram(u, last, w->toks[a]);
            if (g != UINT32_MAX)
                u->cand2[g] = 0;
        }
        for (size_t i = a; i < b; i++) {
            u->cand1[w->toks[i]] = 0;
            if (u->ref_big[i] != UINT32_MAX)
                u->cand2[u->ref_big[i]] = 0;
        }
        last = w->toks[b - 1];
    }
    return PRECIS_OK;
}
