/* Stage 7, key terms: TextRank over a word co-occurrence graph (Mihalcea
 * and Tarau, 2004, "TextRank: Bringing Order into Texts", section 3), with
 * candidate phrases and their scores as in SingleRank and pke's TextRank
 * (Wan and Xiao, 2008; Boudin, 2016).
 *
 * 1. Candidate words: content words (not stopwords, holding a letter) of
 *    body and heading sentences that the language's nonkey list does not
 *    rule out. TextRank keeps nouns and adjectives with a part-of-speech
 *    tagger; we have none, and the list stands in for one: for English it
 *    holds the forms WordNet knows only as verbs or adverbs ("sharply",
 *    "boosted"), never candidates, and the adjectives that are never nouns
 *    ("economic", "said"), which may begin a key term but not end one,
 *    since an English noun phrase ends in its noun (models/en/
 *    README-nonkey.md).
 * 2. Vertices are the candidates' stems; an edge joins two that occur
 *    within WINDOW tokens of each other in a sentence, weighted by how often
 *    they do. PageRank over this graph scores each word (rank.c).
 * 3. Candidate phrases are the maximal runs of adjacent candidate words (no
 *    punctuation between them, a possessor ends one), less their trailing
 *    modifiers, of at most MAX_PHRASE words.
 * 4. A phrase scores the sum of its words' weights at each of its
 *    occurrences: count x sum over its words of PageRank x term weight (see
 *    phrase_score for why). Best first; a single word that a better phrase
 *    already holds is skipped. Each phrase is printed in its most frequent
 *    surface form. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"
#include "language.h"

/* Co-occurrence window in tokens (the paper found 2 best on abstracts; 3
 * gives denser graphs without a tagger's filter. Measured: 2 helps Inspec
 * and hurts news, 4 the reverse). */
#define WINDOW 3
/* Longer runs are lists or headlines, not phrases: their words count one
 * by one. */
#define MAX_PHRASE 4
/* Longest word form looked up in the nonkey list; longer ones are in none
 * (the English list's longest entry has 26 bytes). */
#define WORD_MAX 64

/* What a token is to key terms (per token, in cand[]). */
enum { NOT_CANDIDATE = 0, CANDIDATE, CANDIDATE_MODIFIER };

static bool content_sentence(const pcs_sentence *s)
{
    return s->kind == PCS_SENT_BODY || s->kind == PCS_SENT_HEADING;
}

/* Case-fold text[a, b) as the tokenizer does before its stopword lookup
 * (Unicode full case folding, apostrophes as ', hyphens as -) into buf of
 * WORD_MAX bytes. Returns the length, or 0 when it does not fit. */
static size_t fold_word(const char *t, uint32_t a, uint32_t b, char *buf)
{
    size_t n = 0;
    for (uint32_t i = a; i < b;) {
        unsigned char c = (unsigned char)t[i];
        if (c < 0x80) {
            if (n + 1 >= WORD_MAX)
                return 0;
            buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)t + i, b - i, &cp);
        if (k <= 0)
            return 0;
        i += (uint32_t)k;
        utf8proc_int32_t out[4];
        utf8proc_ssize_t m = 1;
        if (cp == 0x2019 || cp == 0x02BC) {
            out[0] = '\'';
        } else if (cp == 0x2010 || cp == 0x2011) {
            out[0] = '-';
        } else {
            int bc = 0;
            m = utf8proc_decompose_char(cp, out, 4, UTF8PROC_CASEFOLD, &bc);
            if (m < 1 || m > 4) {
                out[0] = cp;
                m = 1;
            }
        }
        for (utf8proc_ssize_t q = 0; q < m; q++) {
            if (n + 4 >= WORD_MAX)
                return 0;
            n += (size_t)utf8proc_encode_char(out[q], (utf8proc_uint8_t *)buf + n);
        }
    }
    buf[n] = '\0';
    return n;
}

/* Mark each token NOT_CANDIDATE, CANDIDATE or CANDIDATE_MODIFIER. A term
 * has few spellings in a document, so the list is searched once per term
 * and spelling: a later token spelled byte for byte as the one last looked
 * up for its term takes that answer. */
static bool classify_tokens(const pcs_doc *doc, const pcs_language_data *ld, pcs_arena *arena,
                            uint8_t *cand)
{
    size_t nt = doc->n_terms ? doc->n_terms : 1;
    uint32_t *seen = pcs_arena_alloc(arena, nt * sizeof *seen); /* token looked up */
    uint8_t *answer = pcs_arena_alloc(arena, nt);
    if (!seen || !answer)
        return false;
    memset(seen, 0xFF, nt * sizeof *seen);
    char word[WORD_MAX];
    for (uint32_t k = 0; k < doc->n_toks; k++) {
        const pcs_token *t = &doc->toks[k];
        cand[k] = NOT_CANDIDATE;
        if (t->term == UINT32_MAX || !content_sentence(&doc->sents[t->sentence]))
            continue;
        const pcs_term *term = &doc->terms[t->term];
        if (!term->alpha || term->stem_len < 2)
            continue;
        if (!ld) {
            cand[k] = CANDIDATE;
            continue;
        }
        uint32_t prev = seen[t->term];
        if (prev != UINT32_MAX && doc->toks[prev].len == t->len &&
            memcmp(doc->text + doc->toks[prev].start, doc->text + t->start, t->len) == 0) {
            cand[k] = answer[t->term];
            continue;
        }
        size_t n = fold_word(doc->text, t->start, t->start + t->len, word);
        pcs_word_class c = n ? pcs_language_word_class(ld, word, n) : PCS_WORD_OPEN;
        cand[k] = c == PCS_WORD_NONKEY     ? NOT_CANDIDATE
                  : c == PCS_WORD_MODIFIER ? CANDIDATE_MODIFIER
                                           : CANDIDATE;
        seen[t->term] = k;
        answer[t->term] = cand[k];
    }
    return true;
}

/* Build the symmetric co-occurrence matrix over vertex ids in time linear
 * in the number of co-occurrences: count each row's entries, place them,
 * then merge a row's repeats with a per-column marker (no sort). */
static bool build_graph(const pcs_doc *doc, const uint8_t *cand, const uint32_t *vertex,
                        uint32_t nv, uint32_t window, pcs_arena *arena, pcs_csr *w)
{
    w->rows = w->cols = nv;
    w->row_ptr = pcs_arena_calloc(arena, (size_t)nv + 1, sizeof *w->row_ptr);
    uint32_t *mark = pcs_arena_alloc(arena, (size_t)nv * sizeof *mark);
    uint32_t *at = pcs_arena_alloc(arena, (size_t)nv * sizeof *at);
    if (!w->row_ptr || !mark || !at)
        return false;
    size_t raw = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t s = 0; s < doc->n_sents; s++) {
            const pcs_sentence *sent = &doc->sents[s];
            const pcs_token *t = doc->toks + sent->tok_first;
            const uint8_t *c = cand + sent->tok_first;
            for (uint32_t i = 0; i < sent->tok_count; i++) {
                if (!c[i])
                    continue;
                for (uint32_t j = i + 1; j < sent->tok_count && j < i + window; j++) {
                    if (!c[j] || t[i].term == t[j].term)
                        continue;
                    uint32_t a = vertex[t[i].term], b = vertex[t[j].term];
                    if (pass == 0) {
                        w->row_ptr[a + 1]++;
                        w->row_ptr[b + 1]++;
                        raw += 2;
                    } else {
                        w->col[at[a]++] = (int)b;
                        w->col[at[b]++] = (int)a;
                    }
                }
            }
        }
        if (pass == 1)
            break;
        if (raw > INT32_MAX)
            return false;
        for (uint32_t v = 0; v < nv; v++) {
            w->row_ptr[v + 1] += w->row_ptr[v];
            at[v] = (uint32_t)w->row_ptr[v];
        }
        w->col = pcs_arena_alloc(arena, (raw ? raw : 1) * sizeof *w->col);
        w->val = pcs_arena_alloc(arena, (raw ? raw : 1) * sizeof *w->val);
        if (!w->col || !w->val)
            return false;
    }
    /* Merge repeats in place; at[] now says where column b sits in the
     * row being merged. */
    memset(mark, 0xFF, (size_t)nv * sizeof *mark);
    int out = 0;
    for (uint32_t v = 0; v < nv; v++) {
        int from = w->row_ptr[v], to = w->row_ptr[v + 1];
        w->row_ptr[v] = out;
        for (int k = from; k < to; k++) {
            uint32_t b = (uint32_t)w->col[k];
            if (mark[b] == v) {
                w->val[at[b]] += 1.0;
                continue;
            }
            mark[b] = v;
            at[b] = (uint32_t)out;
            w->col[out] = (int)b;
            w->val[out] = 1.0;
            out++;
        }
    }
    w->row_ptr[nv] = out;
    return true;
}

/* The weight of term t beside its PageRank score: every per-term weight
 * flows through here. With a trained model (precis_options.model) it is
 * the corpus IDF, which pushes down words central in every document
 * ("year", "talks"); in-document IDF would punish the article's own
 * topic words, so without a model it is 1 (measured on inspec: F1@10
 * 32.4 without a model, 34.4 with the English news model). */
static double term_weight(const pcs_doc *doc, uint32_t t)
{
    return doc->model_used ? pcs_idf(doc, t) : 1.0;
}

typedef struct phrase {
    uint32_t terms[MAX_PHRASE];
    uint32_t n_terms;
    double score;
    uint32_t count;
    int32_t best_surface; /* index into surfaces, -1 none */
    double best_weight;
} phrase;

typedef struct surface {
    const char *text;
    uint32_t len;
    uint32_t phrase;
    double weight;
} surface;

typedef struct kw_state {
    const pcs_doc *doc;
    pcs_arena *arena;
    pcs_map phrase_map;  /* key: the phrase's term ids as bytes */
    pcs_map surface_map; /* key: surface text */
    phrase *phrases;
    size_t n_phrases, cap_phrases;
    surface *surfaces;
    size_t n_surfaces, cap_surfaces;
    char *buf;
    size_t cap_buf;
} kw_state;

/* Does the token end in a possessive 's? A possessor ends its phrase
 * ("Putin's aides" is two terms) and is printed without the 's (Snowball
 * stems both forms alike). */
static bool possessive(const pcs_doc *doc, const pcs_token *t)
{
    const char *end = doc->text + t->start + t->len;
    if (t->len < 3 || end[-1] != 's')
        return false;
    return end[-2] == '\'' || (t->len > 4 && memcmp(end - 4, "\xE2\x80\x99", 3) == 0);
}

/* How much one occurrence's spelling counts when choosing how to print the
 * phrase: a capital that only marks a sentence start is less typical of the
 * term than a mid-sentence form. */
static double spelling_weight(const pcs_token *first, bool lowered)
{
    if (!lowered && (first->flags & PCS_TOK_INITIAL) && (first->flags & PCS_TOK_UPPER))
        return 0.4;
    return 1.0;
}

/* Lower-case the first letter of buf[0, len) in place; returns the new
 * length (a few letters change their UTF-8 length when lowered). */
static size_t lower_first(char *buf, size_t len, size_t cap)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)len, &cp);
    if (k <= 0)
        return len;
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
    if (m <= 0 || len - (size_t)k + (size_t)m + 1 > cap)
        return len;
    memmove(buf + m, buf + k, len - (size_t)k + 1);
    memcpy(buf, enc, (size_t)m);
    return len - (size_t)k + (size_t)m;
}

static bool add_occurrence(kw_state *st, const pcs_token *t, uint32_t n, const bool *lower_mid)
{
    const pcs_doc *doc = st->doc;
    uint32_t key[MAX_PHRASE];
    for (uint32_t i = 0; i < n; i++)
        key[i] = t[i].term;
    size_t klen = n * sizeof *key;
    uint32_t h = pcs_hash((const char *)key, klen);
    pcs_map_slot *slot = pcs_map_find(&st->phrase_map, (const char *)key, klen, h);
    uint32_t pi;
    if (slot) {
        pi = slot->value;
    } else {
        if (!pcs_grow((void **)&st->phrases, &st->cap_phrases, st->n_phrases + 1,
                      sizeof *st->phrases))
            return false;
        pi = (uint32_t)st->n_phrases++;
        phrase *p = &st->phrases[pi];
        memset(p, 0, sizeof *p);
        p->n_terms = n;
        p->best_surface = -1;
        memcpy(p->terms, key, klen);
        char *stored = pcs_arena_alloc(st->arena, klen);
        if (!stored)
            return false;
        memcpy(stored, key, klen);
        if (!pcs_map_put(&st->phrase_map, stored, klen, h, pi))
            return false;
    }
    phrase *p = &st->phrases[pi];
    p->count++;

    uint32_t a = t[0].start, b = t[n - 1].start + t[n - 1].len;
    if (possessive(doc, &t[n - 1]))
        b -= doc->text[b - 2] == '\'' ? 2 : 4; /* print the possessor bare */
    if (!pcs_grow((void **)&st->buf, &st->cap_buf, (size_t)(b - a) + 8, 1))
        return false;
    size_t len = pcs_collapse_space(doc->text + a, b - a, st->buf);
    /* A capital that only marks the sentence start goes when the word also
     * appears in lower case mid-sentence: "Neural networks are ..." and
     * "... what neural networks learn" are one spelling. */
    bool lowered = (t[0].flags & PCS_TOK_INITIAL) && (t[0].flags & PCS_TOK_UPPER) &&
                   lower_mid[t[0].term];
    if (lowered)
        len = lower_first(st->buf, len, st->cap_buf);
    uint32_t sh = pcs_hash(st->buf, len);
    pcs_map_slot *ss = pcs_map_find(&st->surface_map, st->buf, len, sh);
    uint32_t si;
    if (ss) {
        si = ss->value;
    } else {
        char *copy = pcs_arena_strndup(st->arena, st->buf, len);
        if (!copy || !pcs_grow((void **)&st->surfaces, &st->cap_surfaces,
                               st->n_surfaces + 1, sizeof *st->surfaces))
            return false;
        si = (uint32_t)st->n_surfaces++;
        st->surfaces[si] = (surface){copy, (uint32_t)len, pi, 0};
        if (!pcs_map_put(&st->surface_map, copy, len, sh, si))
            return false;
    }
    surface *sf = &st->surfaces[si];
    sf->weight += spelling_weight(&t[0], lowered);
    if (p->best_surface < 0 || sf->weight > p->best_weight) {
        p->best_surface = (int32_t)si;
        p->best_weight = sf->weight;
    }
    return true;
}

/* Are two consecutive tokens adjacent in the text, with only spaces between
 * them (no punctuation that would split a phrase)? */
static bool adjacent(const pcs_doc *doc, const pcs_token *a, const pcs_token *b)
{
    for (uint32_t i = a->start + a->len; i < b->start; i++)
        if (doc->text[i] != ' ')
            return false;
    return true;
}

/* Collect the candidate phrases of every content sentence. */
static bool collect_phrases(kw_state *st, const uint8_t *cand, const bool *lower_mid)
{
    const pcs_doc *doc = st->doc;
    for (uint32_t s = 0; s < doc->n_sents; s++) {
        const pcs_sentence *sent = &doc->sents[s];
        const pcs_token *t = doc->toks + sent->tok_first;
        const uint8_t *c = cand + sent->tok_first;
        uint32_t i = 0;
        while (i < sent->tok_count) {
            if (!c[i]) {
                i++;
                continue;
            }
            uint32_t end = i + 1;
            while (end < sent->tok_count && c[end] && adjacent(doc, &t[end - 1], &t[end]) &&
                   !possessive(doc, &t[end - 1]))
                end++;
            /* A phrase ends in its head, never in a modifier: "Lavrov
             * said" is "Lavrov"; a lone modifier is no phrase. */
            uint32_t j = end;
            while (j > i && c[j - 1] == CANDIDATE_MODIFIER)
                j--;
            if (j - i <= MAX_PHRASE) {
                if (j > i && !add_occurrence(st, &t[i], j - i, lower_mid))
                    return false;
            } else {
                for (uint32_t q = i; q < j; q++)
                    if (c[q] == CANDIDATE && !add_occurrence(st, &t[q], 1, lower_mid))
                        return false;
            }
            i = end;
        }
    }
    return true;
}

/* A phrase's score: the sum of its words' weights at each occurrence,
 * count x sum over its words of PageRank x term_weight. Summing over the
 * words (as SingleRank and pke's TextRank do) prefers the specific
 * "linear Diophantine equations" to "equations"; multiplying by the count
 * prefers what the text keeps coming back to, which a word's PageRank
 * already reflects but a phrase's sum does not: without it, a name said
 * once with its title ("trade minister Denis Manturov") outranks the
 * country the story is about. */
static double phrase_score(const phrase *p, const double *weight, const uint32_t *vertex)
{
    double sum = 0;
    for (uint32_t i = 0; i < p->n_terms; i++)
        sum += weight[vertex[p->terms[i]]];
    return (double)p->count * sum;
}

typedef struct scored {
    double score;
    uint32_t index;
} scored;

static int by_score(const void *pa, const void *pb)
{
    const scored *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static void free_state(kw_state *st)
{
    pcs_map_free(&st->phrase_map);
    pcs_map_free(&st->surface_map);
    free(st->phrases);
    free(st->surfaces);
    free(st->buf);
}

precis_status pcs_keywords(const pcs_doc *doc, pcs_arena *arena,
                           const precis_options *o, pcs_keyterm **out,
                           uint32_t *n_out, precis_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (o->keywords == 0)
        return PRECIS_OK;
    /* The document's language (detected or given), else the options'. */
    const char *canonical = doc->language;
    if (!canonical && precis_language_resolve(o->language, &canonical, NULL) != PRECIS_OK)
        canonical = NULL;
    const pcs_language_data *ld = canonical ? pcs_language_data_for(canonical) : NULL;
    if (ld && !ld->nonkey)
        ld = NULL;

    size_t nt = doc->n_terms ? doc->n_terms : 1;
    uint8_t *cand = pcs_arena_alloc(arena, doc->n_toks ? doc->n_toks : 1);
    uint32_t *vertex = pcs_arena_alloc(arena, nt * sizeof *vertex);
    if (!cand || !vertex || !classify_tokens(doc, ld, arena, cand))
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    /* Vertex ids for the candidate terms, in order of first occurrence. */
    memset(vertex, 0xFF, nt * sizeof *vertex);
    uint32_t nv = 0;
    for (uint32_t k = 0; k < doc->n_toks; k++)
        if (cand[k] && vertex[doc->toks[k].term] == UINT32_MAX)
            vertex[doc->toks[k].term] = nv++;
    if (nv == 0)
        return PRECIS_OK;
    pcs_csr w;
    if (!build_graph(doc, cand, vertex, nv, WINDOW, arena, &w))
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    double *weight = pcs_arena_alloc(arena, nv * sizeof *weight);
    if (!weight)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    pcs_rank_params prm = {o->damping, o->tolerance, o->max_iterations, NULL};
    pcs_rank_out ro;
    precis_status r = pcs_rank_graph(&w, &prm, arena, weight, &ro, err);
    if (r != PRECIS_OK)
        return r;
    for (uint32_t t = 0; t < doc->n_terms; t++)
        if (vertex[t] != UINT32_MAX)
            weight[vertex[t]] *= term_weight(doc, t);

    bool *lower_mid = pcs_arena_calloc(arena, nt, sizeof *lower_mid);
    if (!lower_mid)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    for (uint32_t k = 0; k < doc->n_toks; k++) {
        const pcs_token *t = &doc->toks[k];
        if (t->term != UINT32_MAX && !(t->flags & (PCS_TOK_INITIAL | PCS_TOK_UPPER)))
            lower_mid[t->term] = true;
    }

    kw_state st = {.doc = doc, .arena = arena};
    if (!collect_phrases(&st, cand, lower_mid)) {
        free_state(&st);
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    }
    scored *rank = pcs_arena_alloc(arena, (st.n_phrases ? st.n_phrases : 1) * sizeof *rank);
    pcs_keyterm *kt = pcs_arena_alloc(arena, o->keywords * sizeof *kt);
    bool *taken = pcs_arena_calloc(arena, nt, sizeof *taken);
    if (!rank || !kt || !taken) {
        free_state(&st);
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    }
    for (size_t p = 0; p < st.n_phrases; p++) {
        st.phrases[p].score = phrase_score(&st.phrases[p], weight, vertex);
        rank[p] = (scored){st.phrases[p].score, (uint32_t)p};
    }
    qsort(rank, st.n_phrases, sizeof *rank, by_score);
    uint32_t n = 0;
    for (size_t k = 0; k < st.n_phrases && n < o->keywords; k++) {
        const phrase *p = &st.phrases[rank[k].index];
        /* "Kuril" after "Kuril islands" says nothing new. */
        if (p->n_terms == 1 && taken[p->terms[0]])
            continue;
        for (uint32_t i = 0; i < p->n_terms; i++)
            taken[p->terms[i]] = true;
        const surface *sf = &st.surfaces[p->best_surface];
        kt[n++] = (pcs_keyterm){sf->text, sf->len, p->score, p->count};
    }
    free_state(&st);
    *out = kt;
    *n_out = n;
    return PRECIS_OK;
}
