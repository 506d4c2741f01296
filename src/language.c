/* Languages: names and codes, Snowball stemmers, stopwords, abbreviations,
 * words that are never key terms and the per-summarizer word cache. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "internal.h"
#include "language.h"

/* ISO 639-1 and 639-2 codes for Snowball's languages. Snowball itself
 * accepts most of these, but we need the mapping both ways: codes name the
 * models/<code>/ folders and users type either. */
static const struct {
    const char *name, *code1, *code2, *code2b;
} iso_codes[] = {
    {"arabic", "ar", "ara", NULL},     {"armenian", "hy", "hye", "arm"},
    {"basque", "eu", "eus", "baq"},    {"catalan", "ca", "cat", NULL},
    {"danish", "da", "dan", NULL},     {"dutch", "nl", "nld", "dut"},
    {"english", "en", "eng", NULL},    {"finnish", "fi", "fin", NULL},
    {"french", "fr", "fra", "fre"},    {"german", "de", "deu", "ger"},
    {"greek", "el", "ell", "gre"},     {"hindi", "hi", "hin", NULL},
    {"hungarian", "hu", "hun", NULL},  {"indonesian", "id", "ind", NULL},
    {"irish", "ga", "gle", NULL},      {"italian", "it", "ita", NULL},
    {"lithuanian", "lt", "lit", NULL}, {"nepali", "ne", "nep", NULL},
    {"norwegian", "no", "nor", "nb"},  {"portuguese", "pt", "por", NULL},
    {"romanian", "ro", "ron", "rum"},  {"russian", "ru", "rus", NULL},
    {"serbian", "sr", "srp", NULL},    {"spanish", "es", "spa", NULL},
    {"swedish", "sv", "swe", NULL},    {"tamil", "ta", "tam", NULL},
    {"turkish", "tr", "tur", NULL},    {"yiddish", "yi", "yid", NULL},
};
#define N_ISO (sizeof iso_codes / sizeof iso_codes[0])

/* Porter's original algorithm is in Snowball's list as a stemmer, not a
 * language: leave it out of what users pick from. */
static bool is_language(const char *algorithm)
{
    return strcmp(algorithm, "porter") != 0;
}

size_t precis_language_count(void)
{
    size_t n = 0;
    for (const char **l = sb_stemmer_list(); *l; l++)
        n += is_language(*l);
    return n;
}

const char *precis_language_name(size_t i)
{
    for (const char **l = sb_stemmer_list(); *l; l++) {
        if (!is_language(*l))
            continue;
        if (i-- == 0)
            return *l;
    }
    return NULL;
}

const char *precis_language_code(const char *canonical)
{
    for (size_t i = 0; canonical && i < N_ISO; i++)
        if (strcmp(iso_codes[i].name, canonical) == 0)
            return iso_codes[i].code1;
    return NULL;
}

const char *pcs_language_from_code(const char *code)
{
    /* As precis_language_resolve would answer for the code's name: the
     * linked Snowball's own string, if it has the language; without that
     * function's search of every name and alias, once per detection. */
    for (size_t i = 0; i < N_ISO; i++) {
        if (strcmp(iso_codes[i].code1, code) != 0)
            continue;
        for (const char **l = sb_stemmer_list(); *l; l++)
            if (is_language(*l) && strcmp(*l, iso_codes[i].name) == 0)
                return *l;
        return NULL;
    }
    return NULL;
}

static const char *iso_code(const char *canonical)
{
    for (size_t i = 0; i < N_ISO; i++)
        if (strcmp(iso_codes[i].name, canonical) == 0)
            return iso_codes[i].code1;
    return canonical;
}

precis_status precis_language_resolve(const char *name, const char **canonical,
                                      precis_error *err)
{
    if (name && strcmp(name, "auto") == 0) {
        *canonical = "auto";
        return PRECIS_OK;
    }
    char lower[32];
    size_t n = name ? strlen(name) : 0;
    if (n > 0 && n < sizeof lower) {
        for (size_t i = 0; i <= n; i++)
            lower[i] = (char)tolower((unsigned char)name[i]);
        for (size_t i = 0; i < N_ISO; i++) {
            if (strcmp(lower, iso_codes[i].name) == 0 ||
                strcmp(lower, iso_codes[i].code1) == 0 ||
                strcmp(lower, iso_codes[i].code2) == 0 ||
                (iso_codes[i].code2b && strcmp(lower, iso_codes[i].code2b) == 0))
                lower[0] = '\0', name = iso_codes[i].name;
        }
        /* Only languages the linked Snowball really has count. */
        const char *match = lower[0] == '\0' ? name : lower;
        for (const char **l = sb_stemmer_list(); *l; l++) {
            if (is_language(*l) && strcmp(*l, match) == 0) {
                *canonical = *l;
                return PRECIS_OK;
            }
        }
    }
    char known[512];
    size_t used = 0;
    known[0] = '\0';
    for (size_t i = 0; i < precis_language_count() && used < sizeof known; i++) {
        int w = snprintf(known + used, sizeof known - used, "%s%s",
                         i ? ", " : "", precis_language_name(i));
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return pcs_fail(err, PRECIS_ERR_LANGUAGE, SIZE_MAX,
                    "unknown language '%s'; known: auto, %s", name ? name : "(null)", known);
}

/* ------------------------------------------------------------------------ */

/* Beyond this many cached words and stems the cache starts afresh: a
 * corpus of millions of documents must not grow it without bound. */
#define WORD_CACHE_MAX 262144
/* Longer tokens (URLs, junk) are not stemmed. */
#define STEM_MAX_BYTES 64

struct pcs_language {
    const char *canonical;
    struct sb_stemmer *stemmer;
    pcs_map stopwords;     /* keys point into the compiled-in data */
    pcs_map abbreviations; /* value: pcs_abbrev_class */
    pcs_map reporting;     /* words that attribute speech; keys as above */
    pcs_map evaluative;    /* adjectives no key phrase begins with; keys as above */
    /* Folded words of letters: up to PCS_WORD_INLINE bytes in `words`,
     * open addressing with linear probing over a power-of-two capacity;
     * longer ones in long_words, -> pcs_word in store. */
    pcs_inline_table words;
    pcs_map long_words;
    pcs_map stems;         /* stem -> pcs_stem_entry in store */
    const pcs_language_data *data; /* compiled-in lists; NULL if none */
    pcs_arena store;       /* entries, each followed by its NUL-terminated key */
    uint32_t document;     /* the last number pcs_language_begin_document gave */
    /* The model the stem entries' IDF values were last taken from. */
    const precis_model *idf_model;
    uint64_t idf_identity, idf_generation;
};

const char *pcs_language_canonical(const pcs_language *language)
{
    return language->canonical;
}

static const pcs_language_data *find_data(const char *canonical)
{
    const char *code = iso_code(canonical);
    for (size_t i = 0; i < pcs_language_data_count; i++)
        if (strcmp(pcs_language_data_table[i].code, code) == 0)
            return &pcs_language_data_table[i];
    return NULL;
}

const pcs_language_data *pcs_language_data_for(const char *canonical)
{
    return find_data(canonical);
}

pcs_word_class pcs_language_word_class(const pcs_language_data *data,
                                       const char *folded, size_t len)
{
    if (!data || !data->nonkey || len == 0)
        return PCS_WORD_OPEN;
    const unsigned char *w = (const unsigned char *)folded;
    unsigned b = pcs_word_bucket(w, len);
    uint32_t lo = data->nonkey_bucket[b], hi = data->nonkey_bucket[b + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        /* Bytewise, as the list was sorted. An entry's word ends at ' ' or
         * '\n', which sort before any byte of a word. */
        const unsigned char *e = data->nonkey + data->nonkey_at[mid];
        size_t i = 0;
        while (i < len && e[i] == w[i])
            i++;
        bool entry_ended = e[i] == ' ' || e[i] == '\n';
        if (i == len && entry_ended)
            return e[i] == '\n'       ? PCS_WORD_NONKEY
                   : e[i + 1] == 'd' ? PCS_WORD_DATE /* "WORD date" */
                   : e[i + 1] == 'u' ? PCS_WORD_UNIT /* "WORD unit" */
                   : e[i + 1] == 'f' ? PCS_WORD_FRAME /* "WORD frame" */
                   : e[i + 1] == 't' ? PCS_WORD_TITLE /* "WORD title" */
                   : e[i + 1] == 's' ? PCS_WORD_SOURCE /* "WORD source" */
                   : e[i + 1] == 'a' ? PCS_WORD_ADJECTIVE /* "WORD adjective" */
                                     : PCS_WORD_MODIFIER;
        if (entry_ended || (i < len && e[i] < w[i]))
            lo = mid + 1; /* the entry sorts before the word */
        else
            hi = mid;
    }
    return PCS_WORD_OPEN;
}

/* Walk the entries: the first word of each, and the rest of the entry. */
typedef bool (*entry_fn)(pcs_map *map, const char *word, size_t len,
                         const char *rest, size_t rest_len);

static bool each_entry(const char *const *entries, pcs_map *map, entry_fn fn)
{
    for (; *entries; entries++) {
        const char *e = *entries;
        size_t n = strcspn(e, " \t");
        const char *rest = e + n + strspn(e + n, " \t");
        if (n > 0 && !fn(map, e, n, rest, strlen(rest)))
            return false;
    }
    return true;
}

static bool add_stopword(pcs_map *map, const char *w, size_t len,
                         const char *rest, size_t rest_len)
{
    (void)rest, (void)rest_len;
    uint32_t h = pcs_hash(w, len);
    return pcs_map_find(map, w, len, h) || pcs_map_put(map, w, len, h, 1);
}

static bool add_abbreviation(pcs_map *map, const char *w, size_t len,
                             const char *rest, size_t rest_len)
{
    uint32_t cls = PCS_ABBREV_GENERAL;
    if (rest_len == 5 && memcmp(rest, "title", 5) == 0)
        cls = PCS_ABBREV_TITLE;
    else if (rest_len == 6 && memcmp(rest, "number", 6) == 0)
        cls = PCS_ABBREV_NUMBER;
    uint32_t h = pcs_hash(w, len);
    pcs_map_slot *slot = pcs_map_find(map, w, len, h);
    if (slot) {
        slot->value = cls;
        return true;
    }
    return pcs_map_put(map, w, len, h, cls);
}

void pcs_language_free(pcs_language *language)
{
    if (!language)
        return;
    sb_stemmer_delete(language->stemmer);
    pcs_map_free(&language->stopwords);
    pcs_map_free(&language->abbreviations);
    pcs_map_free(&language->reporting);
    pcs_map_free(&language->evaluative);
    free(language->words.slots);
    pcs_map_free(&language->long_words);
    pcs_map_free(&language->stems);
    pcs_arena_free(&language->store);
    free(language);
}

static pcs_language *language_new(const char *canonical, precis_error *err)
{
    pcs_language *l = calloc(1, sizeof *l);
    if (!l) {
        pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
        return NULL;
    }
    l->canonical = canonical;
    pcs_arena_init(&l->store);
    l->stemmer = sb_stemmer_new(canonical, NULL);
    const pcs_language_data *data = find_data(canonical);
    l->data = data;
    bool ok = l->stemmer != NULL;
    if (ok && data && data->stopwords)
        ok = each_entry(data->stopwords, &l->stopwords, add_stopword);
    if (ok && data && data->abbreviations)
        ok = each_entry(data->abbreviations, &l->abbreviations, add_abbreviation);
    if (ok && data && data->reporting)
        ok = each_entry(data->reporting, &l->reporting, add_stopword);
    if (ok && data && data->evaluative)
        ok = each_entry(data->evaluative, &l->evaluative, add_stopword);
    if (!ok) {
        pcs_language_free(l);
        pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX,
                 "out of memory loading language '%s'", canonical);
        return NULL;
    }
    return l;
}

pcs_language *pcs_language_get(precis_summarizer *s, const char *canonical,
                               precis_error *err)
{
    for (size_t i = 0; i < s->n_languages; i++)
        if (s->languages[i]->canonical == canonical ||
            strcmp(s->languages[i]->canonical, canonical) == 0)
            return s->languages[i];
    if (s->n_languages == PCS_MAX_LANGUAGES) {
        pcs_fail(err, PRECIS_ERR_LANGUAGE, SIZE_MAX, "too many languages");
        return NULL;
    }
    pcs_language *l = language_new(canonical, err);
    if (l)
        s->languages[s->n_languages++] = l;
    return l;
}

bool pcs_is_stopword(const pcs_language *language, const char *folded,
                     size_t len)
{
    return pcs_map_find(&language->stopwords, folded, len,
                        pcs_hash(folded, len)) != NULL;
}

bool pcs_is_evaluative(const pcs_language *language, const char *folded, size_t len)
{
    return language->evaluative.count &&
           pcs_map_find(&language->evaluative, folded, len, pcs_hash(folded, len)) != NULL;
}

pcs_abbrev_class pcs_abbreviation(const pcs_language *language,
                                  const char *folded, size_t len)
{
    const pcs_map_slot *slot = pcs_map_find(&language->abbreviations, folded,
                                            len, pcs_hash(folded, len));
    return slot ? (pcs_abbrev_class)slot->value : PCS_ABBREV_NONE;
}

uint32_t pcs_language_begin_document(pcs_language *l)
{
    /* Start afresh between documents, never within one, so that a long
     * run over millions of documents stays bounded. */
    if (l->words.count + l->long_words.count + l->stems.count >= WORD_CACHE_MAX) {
        if (l->words.slots)
            memset(l->words.slots, 0, l->words.cap * sizeof(pcs_word));
        l->words.count = 0;
        pcs_map_clear(&l->long_words);
        pcs_map_clear(&l->stems);
        pcs_arena_reset(&l->store);
    }
    if (++l->document == 0)
        l->document = 1;
    return l->document;
}

uint64_t pcs_language_idf_generation(pcs_language *l, const precis_model *model)
{
    uint64_t identity = pcs_model_identity(model);
    if (model != l->idf_model || identity != l->idf_identity) {
        l->idf_model = model;
        l->idf_identity = identity;
        l->idf_generation++;
    }
    return l->idf_generation;
}

/* An entry of `size` bytes followed by a copy of key, NUL-terminated, in
 * the store: the entry is found again from the key, which the maps hold.
 * (Entry sizes are multiples of their alignment.) */
static void *store_entry(pcs_language *l, size_t size, const char *key, size_t len)
{
    char *mem = pcs_arena_alloc(&l->store, size + len + 1);
    if (!mem)
        return NULL;
    memcpy(mem + size, key, len);
    mem[size + len] = '\0';
    return mem;
}

pcs_stem_entry *pcs_stem_entry_of(const char *stem)
{
    return (pcs_stem_entry *)(void *)(stem - sizeof(pcs_stem_entry));
}

pcs_stem_entry *pcs_stem_intern(pcs_language *l, const char *stem, size_t len)
{
    if (len > UINT32_MAX)
        return NULL;
    uint32_t h = pcs_hash(stem, len);
    const pcs_map_slot *hit = pcs_map_find(&l->stems, stem, len, h);
    if (hit)
        return pcs_stem_entry_of(hit->key);
    pcs_stem_entry *e = store_entry(l, sizeof *e, stem, len);
    if (!e)
        return NULL;
    const char *key = (const char *)(e + 1);
    *e = (pcs_stem_entry){.stem = key, .stem_len = (uint32_t)len};
    return pcs_map_put(&l->stems, key, len, h, 0) ? e : NULL;
}

/* The slot of folded[0, len) (len <= PCS_WORD_INLINE) in the word table,
 * or the empty one where it would go. */
static inline pcs_word *word_slot(const pcs_language *l, const char *folded, size_t len,
                                  uint32_t h)
{
    return (pcs_word *)(void *)pcs_inline_slot(&l->words, sizeof(pcs_word),
                                               offsetof(pcs_word, key), folded, len, h);
}

/* The word cache saves tokenize two of its three hash lookups per token
 * (stopword, stem, then the document's vocabulary): one lookup answers
 * the first two, and the stem's entry remembers its term id in the
 * document. It also keeps the word's class for the key-term stage, whose
 * search of the nonkey list for every candidate token waited on memory
 * (an eighth of a news article's time). Words longer than STEM_MAX_BYTES
 * (URLs, junk) are not stemmed. */
pcs_word *pcs_word_lookup(pcs_language *l, const char *folded, size_t len, uint32_t h)
{
    bool inline_key = len <= PCS_WORD_INLINE;
    if (inline_key && l->words.cap) {
        pcs_word *hit = word_slot(l, folded, len, h);
        if (hit->len)
            return hit;
    } else if (!inline_key) {
        const pcs_map_slot *hit = pcs_map_find(&l->long_words, folded, len, h);
        if (hit)
            return (pcs_word *)(void *)(hit->key - sizeof(pcs_word));
    }
    bool stop = pcs_is_stopword(l, folded, len);
    pcs_stem_entry *stem = NULL;
    if (!stop && len > STEM_MAX_BYTES) {
        stem = pcs_stem_intern(l, folded, len);
    } else if (!stop) {
        const sb_symbol *r = sb_stemmer_stem(l->stemmer, (const sb_symbol *)folded, (int)len);
        stem = r ? pcs_stem_intern(l, (const char *)r, (size_t)sb_stemmer_length(l->stemmer))
                 : NULL;
    }
    if (!stop && !stem)
        return NULL;
    /* A possessive has its word's class: "Corp's" is a company form and
     * "today's" an adverb of time, as "Corp" and "today" are. */
    size_t bare = len > 2 && folded[len - 2] == '\'' && folded[len - 1] == 's' ? len - 2 : len;
    pcs_word word = {.stem = stem,
                     .stop = stop,
                     .reporting = pcs_map_find(&l->reporting, folded, len, h) != NULL,
                     .word_class = stop ? PCS_WORD_OPEN
                                        : (uint8_t)pcs_language_word_class(l->data, folded, bare)};
    if (inline_key) {
        if (!pcs_inline_room(&l->words, sizeof(pcs_word), offsetof(pcs_word, key), 1024))
            return NULL;
        pcs_word *w = word_slot(l, folded, len, h);
        *w = word;
        w->len = (uint8_t)len;
        w->hash = h;
        memcpy(w->key, folded, len);
        l->words.count++;
        return w;
    }
    pcs_word *w = store_entry(l, sizeof *w, folded, len);
    if (!w)
        return NULL;
    *w = word;
    return pcs_map_put(&l->long_words, (const char *)(w + 1), len, h, 0) ? w : NULL;
}
