/* Stage 3, tokens: Unicode word tokens, case folding, stopwords and stems,
 * gathered into a per-document vocabulary of terms; then each sentence's
 * bag of terms, and repeated sentences marked as duplicates. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"
#include "language.h"

typedef enum { C_OTHER, C_LETTER, C_DIGIT, C_APOSTROPHE, C_HYPHEN, C_POINT } char_class;

static char_class classify_multibyte(uint32_t cp);

/* ASCII, nearly every character the tokenizer looks at, is classified
 * inline; the rest asks utf8proc. */
static inline char_class classify(uint32_t cp)
{
    if (cp < 0x80) {
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
            return C_LETTER;
        if (cp >= '0' && cp <= '9')
            return C_DIGIT;
        if (cp == '\'')
            return C_APOSTROPHE;
        if (cp == '-')
            return C_HYPHEN;
        if (cp == '.' || cp == ',')
            return C_POINT;
        return C_OTHER;
    }
    return classify_multibyte(cp);
}

static char_class classify_multibyte(uint32_t cp)
{
    if (pcs_is_apostrophe(cp))
        return C_APOSTROPHE;
    if (pcs_is_hyphen(cp))
        return C_HYPHEN;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return C_DIGIT;
    default:
        return C_OTHER;
    }
}


/* Languages that elide articles and particles with an apostrophe
 * ("l'avion", "dell'anno"): the particle is dropped before stemming. */
static bool elides(const char *canonical)
{
    return strcmp(canonical, "french") == 0 || strcmp(canonical, "italian") == 0 ||
           strcmp(canonical, "catalan") == 0;
}

typedef struct folder {
    char *buf;
    size_t cap;
} folder;

/* Case-fold text[a, b) into f's buffer (pcs_casefold). Returns the length
 * or SIZE_MAX when out of memory. */
static size_t fold(folder *f, const char *text, uint32_t a, uint32_t b)
{
    size_t need = PCS_CASEFOLD_BOUND(b - a);
    if (!pcs_grow((void **)&f->buf, &f->cap, need, 1))
        return SIZE_MAX;
    return pcs_casefold(text, a, b, f->buf, need);
}

typedef struct tok_state {
    pcs_doc *doc;
    pcs_arena *arena;
    pcs_language *lang;
    folder f;
    pcs_token *toks;
    size_t n_toks, cap_toks;
    pcs_term *terms;
    size_t n_terms, cap_terms;
    size_t n_occurrences; /* tokens that are a term's */
    bool elide;
    uint32_t document; /* this document's number for the word cache */
} tok_state;

/* Add the token text[a, b) whose case-folded form is w[0, n), of hash
 * pcs_hash(w, n). */
static precis_status add_folded(tok_state *st, uint32_t a, uint32_t b, const char *w, size_t n,
                                uint32_t hash, uint8_t flags)
{
    uint32_t term = UINT32_MAX;
    bool not_alone = false, frame = false, title = false;
    /* A word of letters: one lookup in the word cache gives stopword and
     * stem; anything else (numbers) is its own stem. The stem's entry
     * remembers its term in this document. */
    pcs_stem_entry *stem = NULL;
    if (flags & PCS_TOK_ALPHA) {
        pcs_word *word = pcs_word_lookup(st->lang, w, n, hash);
        if (!word)
            return PRECIS_ERR_NOMEM;
        if (word->reporting)
            flags |= PCS_TOK_REPORTING;
        static const uint8_t class_flags[] = {
            [PCS_WORD_OPEN] = 0,
            [PCS_WORD_NONKEY] = PCS_TOK_NONKEY,
            [PCS_WORD_MODIFIER] = PCS_TOK_MODIFIER,
            [PCS_WORD_DATE] = PCS_TOK_NONKEY | PCS_TOK_DATE,
            [PCS_WORD_UNIT] = 0,
            [PCS_WORD_FRAME] = 0,
            [PCS_WORD_TITLE] = 0,
            [PCS_WORD_SOURCE] = 0,
            [PCS_WORD_ADJECTIVE] = 0};
        flags |= class_flags[word->word_class];
        /* Capitalised inside a sentence, an adjective is a name's word
         * ("Gray", "Tokyo International"). */
        if (word->word_class == PCS_WORD_ADJECTIVE &&
            (!(flags & PCS_TOK_UPPER) || (flags & PCS_TOK_INITIAL)))
            flags |= PCS_TOK_MODIFIER;
        stem = word->stem;
        not_alone = word->word_class == PCS_WORD_UNIT || word->word_class == PCS_WORD_SOURCE;
        frame = word->word_class == PCS_WORD_FRAME;
        title = word->word_class == PCS_WORD_TITLE || word->word_class == PCS_WORD_SOURCE;
    } else if (!pcs_is_stopword(st->lang, w, n) && !(stem = pcs_stem_intern(st->lang, w, n))) {
        return PRECIS_ERR_NOMEM;
    }
    st->n_occurrences += stem != NULL;
    if (stem && stem->doc == st->document) {
        term = stem->term;
        st->terms[term].count++;
        st->terms[term].not_alone |= not_alone;
        st->terms[term].frame |= frame;
        st->terms[term].title |= title;
    } else if (stem) {
        if (st->n_terms >= UINT32_MAX - 1 ||
            !pcs_grow((void **)&st->terms, &st->cap_terms, st->n_terms + 1, sizeof *st->terms))
            return PRECIS_ERR_NOMEM;
        term = (uint32_t)st->n_terms++;
        st->terms[term] = (pcs_term){.stem = stem->stem,
                                     .stem_len = stem->stem_len,
                                     .count = 1,
                                     .last_sent = UINT32_MAX,
                                     .alpha = (flags & PCS_TOK_ALPHA) != 0,
                                     .not_alone = not_alone,
                                     .frame = frame,
                                     .title = title};
        stem->doc = st->document;
        stem->term = term;
    }
    if (!pcs_grow((void **)&st->toks, &st->cap_toks, st->n_toks + 1,
                  sizeof *st->toks))
        return PRECIS_ERR_NOMEM;
    st->toks[st->n_toks++] = (pcs_token){.start = a, .term = term, .len = b - a, .flags = flags};
    return PRECIS_OK;
}

/* Add the token text[a, b): case-folded, less an elided article or
 * particle in the languages that elide. */
static precis_status add_token(tok_state *st, uint32_t a, uint32_t b, uint8_t flags)
{
    size_t n = fold(&st->f, st->doc->text, a, b);
    if (n == SIZE_MAX)
        return PRECIS_ERR_NOMEM;
    const char *w = st->f.buf;
    if (st->elide) {
        const char *ap = memchr(w, '\'', n < 7 ? n : 7);
        if (ap && ap > w && (size_t)(ap - w) + 2 < n) {
            n -= (size_t)(ap - w) + 1;
            w = ap + 1;
        }
    }
    return add_folded(st, a, b, w, n, pcs_hash(w, n), flags);
}

/* The longest word ascii_token reads; longer ones take the general path. */
#define ASCII_TOKEN_MAX 48

static bool ascii_alnum(unsigned char c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
}

/* The common token, read in one pass: ASCII letters and digits up to a
 * byte that certainly ends it as token_end would (a space, or punctuation
 * that joins nothing here), case-folded into word[] and hashed on the way.
 * That saves the general path's decoding, classifying, folding and hashing
 * of the same bytes one after the other: most of a news article's tokens.
 * Returns the token's end, or 0 when the general path must read it: a
 * byte that may join (an apostrophe, a hyphen, a point or comma after a
 * digit or after a lone letter, as in "U.S.") or a non-ASCII one. */
static uint32_t ascii_token(const char *t, uint32_t a, uint32_t end, char *word,
                            uint32_t *hash, uint8_t *flags)
{
    uint32_t h = PCS_HASH_BASIS, i = a;
    uint8_t f = 0;
    bool digit = false;
    for (; i < end; i++) {
        unsigned char c = (unsigned char)t[i], l = c | 0x20;
        if (l >= 'a' && l <= 'z') {
            f |= PCS_TOK_ALPHA;
            digit = false;
        } else if (c >= '0' && c <= '9') {
            l = c;
            digit = true;
        } else {
            break;
        }
        if (i - a == ASCII_TOKEN_MAX)
            return 0;
        word[i - a] = (char)l;
        h = pcs_hash_byte(h, l);
    }
    if (i < end) {
        unsigned char c = (unsigned char)t[i];
        unsigned char next = i + 1 < end ? (unsigned char)t[i + 1] : ' ';
        if (c >= 0x80 || c == '\'')
            return 0;
        if (c == '-' && (next >= 0x80 || ascii_alnum(next)))
            return 0;
        if ((c == '.' || c == ',') && digit && (next >= 0x80 || (next >= '0' && next <= '9')))
            return 0;
        if (c == '.' && i - a == 1 && !digit)
            return 0;
    }
    unsigned char first = (unsigned char)t[a];
    *flags = f | (first >= 'A' && first <= 'Z' ? PCS_TOK_UPPER : 0);
    *hash = h;
    return i;
}

/* Where the token starting at t[a] (a letter or digit) ends, before
 * `end`. Tokens are runs of letters, marks and digits, joined by an
 * apostrophe or hyphen between two of them ("don't", "Tokyo-Moscow"), by a
 * point or comma between digits ("21.3", "1,000"); dotted acronyms ("U.S.",
 * "a.m.") are one token with their dots. */
static uint32_t token_end(const char *t, uint32_t a, uint32_t end, uint8_t *flags)
{
    /* A run longer than a token may be (PCS_TOKEN_MAX_LEN) goes on as the
     * next token; a code point that starts before the cut may end up to 3
     * bytes after it. */
    if (end - a > PCS_TOKEN_MAX_LEN - 3)
        end = a + PCS_TOKEN_MAX_LEN - 3;
    uint32_t cp, k = pcs_decode(t, a, &cp);
    char_class c = classify(cp);
    *flags = 0;
    if (c == C_LETTER) {
        *flags |= PCS_TOK_ALPHA;
        utf8proc_category_t cat = utf8proc_category((utf8proc_int32_t)cp);
        if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT)
            *flags |= PCS_TOK_UPPER;
        /* Letter, dot, letter, dot, ...: an acronym. */
        uint32_t d = a + k, last = a;
        while (d + 1 < end && t[d] == '.') {
            uint32_t cp2, k2 = pcs_decode(t, d + 1, &cp2);
            if (classify(cp2) != C_LETTER || d + 1 + k2 >= end || t[d + 1 + k2] != '.')
                break;
            d += 1 + k2 + 1;
            last = d;
        }
        if (last > a)
            return last;
    }
    char_class prev = c;
    uint32_t i = a + k;
    while (i < end) {
        uint32_t cp2, k2 = pcs_decode(t, i, &cp2);
        char_class c2 = classify(cp2);
        if (c2 == C_LETTER || c2 == C_DIGIT) {
            if (c2 == C_LETTER)
                *flags |= PCS_TOK_ALPHA;
            prev = c2;
            i += k2;
            continue;
        }
        if ((c2 != C_APOSTROPHE && c2 != C_HYPHEN && c2 != C_POINT) || i + k2 >= end)
            break;
        uint32_t cp3;
        pcs_decode(t, i + k2, &cp3);
        char_class c3 = classify(cp3);
        bool joins = c2 == C_POINT        ? (prev == C_DIGIT && c3 == C_DIGIT)
                     : c2 == C_APOSTROPHE ? (prev == C_LETTER && c3 == C_LETTER)
                                          : (c3 == C_LETTER || c3 == C_DIGIT);
        if (!joins)
            break;
        if (c2 == C_HYPHEN)
            *flags |= PCS_TOK_HYPHEN;
        i += k2;
    }
    return i;
}

static precis_status tokenize_sentence(tok_state *st, uint32_t si,
                                       size_t max_words, precis_error *err)
{
    pcs_sentence *s = &st->doc->sents[si];
    const char *t = st->doc->text;
    s->tok_first = (uint32_t)st->n_toks;
    uint32_t i = s->start, words = 0;
    char word[ASCII_TOKEN_MAX];
    while (i < s->end) {
        unsigned char b = (unsigned char)t[i];
        if (b < 0x80 && !ascii_alnum(b)) {
            i++;
            continue;
        }
        uint8_t flags;
        uint32_t hash = 0, e = b < 0x80 ? ascii_token(t, i, s->end, word, &hash, &flags) : 0;
        bool folded = e != 0;
        if (!folded) {
            uint32_t cp, k = pcs_decode(t, i, &cp);
            char_class c = classify(cp);
            if (c != C_LETTER && c != C_DIGIT) {
                i += k;
                continue;
            }
            e = token_end(t, i, s->end, &flags);
        }
        if (words == 0)
            flags |= PCS_TOK_INITIAL;
        if (++words > max_words) {
            size_t at = pcs_orig_offset(st->doc, s->start);
            return pcs_fail(err, PRECIS_ERR_NO_STRUCTURE, at,
                            "no sentence structure: more than %zu words "
                            "without a sentence end, from byte %zu",
                            max_words, at);
        }
        precis_status r = folded ? add_folded(st, i, e, word, e - i, hash, flags)
                                 : add_token(st, i, e, flags);
        if (r != PRECIS_OK)
            return pcs_fail(err, r, SIZE_MAX, "out of memory");
        i = e;
    }
    s->tok_count = (uint32_t)st->n_toks - s->tok_first;
    s->words = words;
    return PRECIS_OK;
}

/* Near-duplicate: two sentences sharing this share of the larger one's
 * distinct terms say the same thing (the sample article repeats its
 * standfirst three times, once behind a dateline). */
#define DUPLICATE_OVERLAP 0.8
/* Only the rarest few terms of a sentence are used to find earlier
 * sentences to compare with: near-duplicates share them, and their
 * postings are short. A sentence whose rarest term is common ("He said
 * so.") would walk a posting list as long as the document, so only the
 * most recent DUPLICATE_SCAN postings of a term are compared: the cost
 * stays linear in the document. */
#define DUPLICATE_PROBES 3
#define DUPLICATE_SCAN 64

/* Build each sentence's bag of terms and mark near-duplicate body
 * sentences. */
static precis_status bags_and_duplicates(pcs_doc *doc, pcs_arena *arena, size_t total,
                                         bool duplicates)
{
    uint32_t n = doc->n_sents, nt = doc->n_terms;
    uint32_t *slot = malloc((nt ? nt : 1) * sizeof *slot);
    uint32_t *stamp = malloc((nt ? nt : 1) * sizeof *stamp);
    uint32_t *df = calloc(nt ? nt : 1, sizeof *df);
    doc->bag_ptr = pcs_arena_alloc(arena, ((size_t)n + 1) * sizeof *doc->bag_ptr);
    if (!slot || !stamp || !df || !doc->bag_ptr) {
        free(slot), free(stamp), free(df);
        return PRECIS_ERR_NOMEM;
    }
    /* Distinct terms per sentence are at most its occurrences of terms
     * (about half its tokens: stopwords and punctuation have none). */
    doc->bag_term = pcs_arena_alloc(arena, (total ? total : 1) * sizeof(uint32_t));
    doc->bag_count = pcs_arena_alloc(arena, (total ? total : 1) * sizeof(uint32_t));
    if (!doc->bag_term || !doc->bag_count) {
        free(slot), free(stamp), free(df);
        return PRECIS_ERR_NOMEM;
    }
    memset(stamp, 0xFF, (nt ? nt : 1) * sizeof *stamp);
    uint32_t used = 0;
    for (uint32_t i = 0; i < n; i++) {
        doc->bag_ptr[i] = used;
        const pcs_sentence *s = &doc->sents[i];
        for (uint32_t k = 0; k < s->tok_count; k++) {
            uint32_t term = doc->toks[s->tok_first + k].term;
            if (term == UINT32_MAX)
                continue;
            if (stamp[term] != i) {
                stamp[term] = i;
                slot[term] = used;
                doc->bag_term[used] = term;
                doc->bag_count[used] = 0;
                used++;
                df[term]++;
            }
            doc->bag_count[slot[term]]++;
        }
    }
    doc->bag_ptr[n] = used;
    if (!duplicates) {
        free(slot), free(stamp), free(df);
        return PRECIS_OK;
    }

    /* Postings of earlier body sentences, built as we go, stored by term:
     * a term's postings lie side by side, in room for its document
     * frequency, newest last. A posting holds its sentence's bag size, so
     * the size test reads nothing else. A list linked through one array
     * made every step of the scan a dependent load from far back in the
     * text: on 10 MB those cache misses were a tenth of the run. */
    typedef struct {
        uint32_t sent, size;
    } posting;
    uint32_t *post_first = malloc((nt ? nt : 1) * sizeof *post_first);
    uint32_t *post_count = calloc(nt ? nt : 1, sizeof *post_count);
    posting *post = malloc((used ? used : 1) * sizeof *post);
    if (!post_first || !post_count || !post) {
        free(slot), free(stamp), free(df);
        free(post_first), free(post_count), free(post);
        return PRECIS_ERR_NOMEM;
    }
    for (uint32_t t = 0, at = 0; t < nt; t++) {
        post_first[t] = at;
        at += df[t];
    }
    memset(stamp, 0xFF, (nt ? nt : 1) * sizeof *stamp);
    for (uint32_t i = 0; i < n; i++) {
        pcs_sentence *s = &doc->sents[i];
        if (s->kind != PCS_SENT_BODY)
            continue;
        uint32_t b0 = doc->bag_ptr[i], b1 = doc->bag_ptr[i + 1], size = b1 - b0;
        if (size == 0)
            continue;
        for (uint32_t k = b0; k < b1; k++)
            stamp[doc->bag_term[k]] = i;
        /* The rarest terms, by document frequency then first occurrence. */
        uint32_t probe[DUPLICATE_PROBES], n_probe = 0;
        for (uint32_t k = b0; k < b1; k++) {
            uint32_t t = doc->bag_term[k], pos = n_probe;
            while (pos > 0 && df[probe[pos - 1]] > df[t])
                pos--;
            if (pos >= DUPLICATE_PROBES)
                continue;
            if (n_probe < DUPLICATE_PROBES)
                n_probe++;
            memmove(probe + pos + 1, probe + pos, (n_probe - 1 - pos) * sizeof *probe);
            probe[pos] = t;
        }
        for (uint32_t q = 0; q < n_probe && s->kind == PCS_SENT_BODY; q++) {
            const posting *list = post + post_first[probe[q]];
            uint32_t n_list = post_count[probe[q]];
            uint32_t oldest = n_list > DUPLICATE_SCAN ? n_list - DUPLICATE_SCAN : 0;
            for (uint32_t p = n_list; p-- > oldest;) {
                uint32_t j = list[p].sent, other = list[p].size;
                uint32_t larger = size > other ? size : other;
                uint32_t smaller = size + other - larger;
                /* The fewest shared terms that make a duplicate. */
                uint32_t needed = (uint32_t)(DUPLICATE_OVERLAP * larger);
                needed += (double)needed < DUPLICATE_OVERLAP * larger;
                if (smaller < needed)
                    continue; /* too different in size to share enough */
                uint32_t c0 = doc->bag_ptr[j], c1 = doc->bag_ptr[j + 1], shared = 0;
                for (uint32_t k = c0; k < c1; k++)
                    shared += stamp[doc->bag_term[k]] == i;
                if (shared >= needed) {
                    s->kind = PCS_SENT_DUPLICATE;
                    s->duplicate_of = j;
                    break;
                }
            }
        }
        if (s->kind != PCS_SENT_BODY)
            continue;
        for (uint32_t k = b0; k < b1; k++) {
            uint32_t t = doc->bag_term[k];
            post[post_first[t] + post_count[t]++] = (posting){.sent = i, .size = size};
        }
    }
    free(slot), free(stamp), free(df);
    free(post_first), free(post_count), free(post);
    return PRECIS_OK;
}

precis_status pcs_tokenize(pcs_doc *doc, pcs_arena *arena, pcs_language *lang,
                           const precis_options *options, pcs_token **toks, size_t *cap,
                           precis_error *err)
{
    tok_state st = {.doc = doc, .arena = arena, .lang = lang, .toks = *toks, .cap_toks = *cap,
                    .elide = elides(pcs_language_canonical(lang)),
                    .document = pcs_language_begin_document(lang)};
    precis_status r = PRECIS_OK;
    uint32_t words = 0;
    /* The page-hygiene ablation, all of it: page debris is read as running
     * text, and repeated sentences are kept. */
    bool hygiene = !(options->ablate & PRECIS_ABLATE_HYGIENE);
    for (uint32_t i = 0; i < doc->n_sents && r == PRECIS_OK; i++) {
        pcs_sentence *s = &doc->sents[i];
        if (s->kind == PCS_SENT_DEBRIS && !hygiene)
            s->kind = PCS_SENT_BODY;
        if (s->kind == PCS_SENT_DEBRIS) {
            s->tok_first = (uint32_t)st.n_toks;
            continue;
        }
        r = tokenize_sentence(&st, i, options->max_sentence_words, err);
        words += s->words;
    }
    free(st.f.buf);
    *toks = st.toks;
    *cap = st.cap_toks;
    if (r == PRECIS_OK && !st.toks &&
        !pcs_grow((void **)toks, cap, 1, sizeof **toks))
        r = pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    if (r == PRECIS_OK) {
        doc->toks = *toks;
        doc->terms = pcs_arena_alloc(arena, (st.n_terms ? st.n_terms : 1) * sizeof *st.terms);
        if (!doc->terms) {
            r = pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
        } else {
            if (st.n_terms)
                memcpy(doc->terms, st.terms, st.n_terms * sizeof *st.terms);
            doc->n_toks = (uint32_t)st.n_toks;
            doc->n_terms = (uint32_t)st.n_terms;
            doc->n_words = words;
        }
    }
    free(st.terms);
    if (r == PRECIS_OK && bags_and_duplicates(doc, arena, st.n_occurrences, hygiene) != PRECIS_OK)
        r = pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    return r;
}
