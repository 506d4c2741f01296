/* Internal interfaces of libprecis: memory helpers, the document model
 * that flows through the pipeline, and one entry point per stage.
 *
 * Data flow (one pass, no back and forth; summarize.c runs it, after
 * resolving the options once into the document's pcs_config):
 *   bytes -> 1 text.c (validated, NFC, offsets; langdetect.c names the
 *   language when asked to) -> 2 segment.c (sentences) -> 3 tokenize.c
 *   (tokens as term ids) -> 4 tfidf.c (sentence vectors) -> 5 score.c
 *   (graph.c's similarity graph ranked by rank.c, or a baseline) ->
 *   6 select.c (summary) ; 7 keywords.c reads the same tokens (highlight.c
 *   finds them in the text) ; 8 output.c renders a result.
 * Evaluation (ROUGE, the oracle, keyphrase scores) lives apart in eval/;
 * see docs/architecture.md.
 *
 * Every internal symbol carries the pcs_ prefix: the static library exports
 * them, so they must not collide with anything the caller links. */
#ifndef PRECIS_INTERNAL_H
#define PRECIS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "precis.h"
#include "precis_eval.h"

/* ------------------------------------------------------------------------ */
/* Errors                                                                    */
/* ------------------------------------------------------------------------ */

/* Fill err (if not NULL) and return status. printf-style message. */
precis_status pcs_fail(precis_error *err, precis_status status, size_t offset,
                       const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Set err (if not NULL) to success, within its size. */
void pcs_error_clear(precis_error *err);
/* Copy a caller's options of any supported size over the defaults into
 * *full (precis.h, "ABI"). PRECIS_ERR_ARGUMENT for a size the library
 * cannot serve. */
precis_status pcs_options_import(const precis_options *options, precis_options *full,
                                 precis_error *err);

/* ------------------------------------------------------------------------ */
/* Memory                                                                    */
/* ------------------------------------------------------------------------ */

/* Bump allocator: everything belonging to one document comes from here and
 * is released in one reset. Blocks are kept across resets so a summarizer
 * that processes many documents stops calling malloc once warm. */
typedef struct pcs_arena_block pcs_arena_block;
typedef struct pcs_arena {
    pcs_arena_block *head; /* block being filled */
    pcs_arena_block *free; /* blocks kept for reuse after a reset */
    size_t used_total;     /* bytes handed out since the last reset */
} pcs_arena;

void pcs_arena_init(pcs_arena *arena);
/* NULL on allocation failure. Memory is aligned for any object. */
void *pcs_arena_alloc(pcs_arena *arena, size_t size);
void *pcs_arena_calloc(pcs_arena *arena, size_t count, size_t size);
char *pcs_arena_strndup(pcs_arena *arena, const char *s, size_t len);
/* Give back all but the first keep bytes of p, the arena's last allocation
 * (of size bytes), for the allocations that follow: for a buffer sized for
 * the worst case. Does nothing if p is not the last allocation. */
void pcs_arena_trim(pcs_arena *arena, void *p, size_t size, size_t keep);
void pcs_arena_reset(pcs_arena *arena);
void pcs_arena_free(pcs_arena *arena);

/* Grow *items (of elem bytes each, capacity *cap) to hold at least need.
 * Returns false on overflow or allocation failure (then *items is
 * unchanged). Inline where there is room already, as there almost always
 * is: tokenize asks once per token. */
bool pcs_grow_to(void **items, size_t *cap, size_t need, size_t elem);
static inline bool pcs_grow(void **items, size_t *cap, size_t need, size_t elem)
{
    return need <= *cap || pcs_grow_to(items, cap, need, elem);
}

/* Multiply with overflow check: false on overflow. */
static inline bool pcs_mul_ok(size_t a, size_t b, size_t *out)
{
    return !__builtin_mul_overflow(a, b, out);
}

/* ------------------------------------------------------------------------ */
/* String hash map (open addressing, linear probing)                         */
/* ------------------------------------------------------------------------ */

typedef struct pcs_map_slot {
    const char *key; /* NULL: empty slot; storage owned by the caller */
    uint32_t len;
    uint32_t hash;
    uint32_t value;
} pcs_map_slot;

typedef struct pcs_map {
    pcs_map_slot *slots;
    size_t cap; /* power of two, or 0 */
    size_t count;
} pcs_map;

/* Scanning eight bytes at a time: the 8 bytes at p as one word, and
 * whether that word holds a byte equal to c (non-zero if so; a verdict on
 * the word, not on which byte). x ^ c..c has a zero byte exactly when
 * (v - 0x01..01) & ~v & 0x80..80 is not zero (Mycroft, 1987, in Anderson's
 * "Bit Twiddling Hacks"). */
static inline uint64_t pcs_load8(const void *p)
{
    uint64_t x;
    memcpy(&x, p, sizeof x);
    return x;
}
static inline uint64_t pcs_has_byte(uint64_t x, unsigned char c)
{
    uint64_t v = x ^ (0x0101010101010101u * c);
    return (v - 0x0101010101010101u) & ~v & 0x8080808080808080u;
}

/* FNV-1a, 32 bit: PCS_HASH_BASIS, then pcs_hash_byte for each byte, which
 * lets the tokenizer hash a word while it reads it. */
#define PCS_HASH_BASIS 2166136261u
static inline uint32_t pcs_hash_byte(uint32_t h, unsigned char c)
{
    return (h ^ c) * 16777619u;
}
uint32_t pcs_hash(const char *s, size_t len);
void pcs_map_init(pcs_map *map);
/* Where key is in slots[0, cap), or the empty slot where it would go.
 * Inline, with the key compared in a loop rather than by a call to
 * memcmp: a word is a few bytes, and the tokenizer looks up every one. */
static inline size_t pcs_map_slot_of(const pcs_map_slot *slots, size_t cap, const char *key,
                                     size_t len, uint32_t hash)
{
    size_t mask = cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const pcs_map_slot *s = &slots[i];
        if (!s->key)
            return i;
        if (s->hash != hash || s->len != len)
            continue;
        size_t k = 0;
        while (k < len && s->key[k] == key[k])
            k++;
        if (k == len)
            return i;
    }
}

/* The slot holding key, or NULL. Valid until the next put or clear. */
static inline pcs_map_slot *pcs_map_find(const pcs_map *map, const char *key, size_t len,
                                         uint32_t hash)
{
    if (map->cap == 0)
        return NULL;
    size_t i = pcs_map_slot_of(map->slots, map->cap, key, len, hash);
    return map->slots[i].key ? &map->slots[i] : NULL;
}
/* Insert key (not present yet) with value. The key's bytes must stay valid
 * as long as the map holds them. false on allocation failure. */
bool pcs_map_put(pcs_map *map, const char *key, size_t len, uint32_t hash,
                 uint32_t value);
void pcs_map_clear(pcs_map *map);
void pcs_map_free(pcs_map *map);

/* A table whose slots hold their short keys: a probe reads one slot, not
 * a slot and then a key elsewhere (on long texts the second read was a
 * cache miss per word). Slots of `size` bytes begin with the key's hash
 * (uint32_t) and length (uint8_t, 0 for an empty slot); the key's bytes
 * sit at offset `key_at`. Open addressing, linear probing over a
 * power-of-two capacity, at most three quarters full. Used for the word
 * cache (pcs_word) and the segmenter's orthographic flags. */
typedef struct pcs_inline_table {
    char *slots;
    size_t cap, count;
} pcs_inline_table;

static inline uint32_t pcs_inline_hash(const char *slot)
{
    uint32_t h;
    memcpy(&h, slot, sizeof h);
    return h;
}

/* The slot of key[0, len) (0 < len, fitting the slots), or the empty one
 * where it would go; the table has slots (cap > 0). The bytes are compared
 * in a loop, not by a call: a key is a few bytes. Inlined: callers look up
 * every word. */
static inline __attribute__((always_inline)) char *
pcs_inline_slot(const pcs_inline_table *t, size_t size, size_t key_at, const char *key,
                size_t len, uint32_t hash)
{
    size_t mask = t->cap - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        char *s = t->slots + i * size;
        uint8_t n = (uint8_t)s[sizeof(uint32_t)];
        if (n == 0)
            return s;
        if (n != len || pcs_inline_hash(s) != hash)
            continue;
        size_t k = 0;
        while (k < len && s[key_at + k] == key[k])
            k++;
        if (k == len)
            return s;
    }
}

/* Room for one more key, growing the table (first to `first` slots) when
 * it would be more than three quarters full. false when out of memory. */
bool pcs_inline_room(pcs_inline_table *t, size_t size, size_t key_at, size_t first);

/* ------------------------------------------------------------------------ */
/* Languages                                                                 */
/* ------------------------------------------------------------------------ */

/* How an abbreviation behaves before a full stop (models/<code>/
 * abbreviations.txt). */
typedef enum pcs_abbrev_class {
    PCS_ABBREV_NONE = 0,
    PCS_ABBREV_TITLE,   /* Mr. Dr. Gov.: never ends a sentence */
    PCS_ABBREV_NUMBER,  /* No. Vol. Jan.: not before a number */
    PCS_ABBREV_GENERAL  /* Inc. etc. U.S.: ends one before a function word */
} pcs_abbrev_class;

/* One language's resources inside a summarizer: a Snowball stemmer (not
 * thread-safe, hence per summarizer), stopwords, abbreviations and a
 * word cache (stopword or stem of each word seen), which roughly doubles
 * pipeline speed. */
typedef struct pcs_language pcs_language;

/* The language of `canonical` name for this summarizer, created on first
 * use. NULL with err filled on failure. */
pcs_language *pcs_language_get(precis_summarizer *summarizer,
                               const char *canonical, precis_error *err);
void pcs_language_free(pcs_language *language);
const char *pcs_language_canonical(const pcs_language *language);

bool pcs_is_stopword(const pcs_language *language, const char *folded,
                     size_t len);
/* Is the case-folded word one the language leaves out when it begins a key
 * phrase (models/<code>/evaluative.txt: "novel", "proposed")? */
bool pcs_is_evaluative(const pcs_language *language, const char *folded, size_t len);
pcs_abbrev_class pcs_abbreviation(const pcs_language *language,
                                  const char *folded, size_t len);
/* The canonical name of the language whose models/ folder is `code`, or
 * NULL. */
const char *pcs_language_from_code(const char *code);

/* Language detection (langdetect.c). */

typedef struct pcs_detection {
    const char *language; /* canonical name; NULL when nothing matched */
    double share;         /* share of words that are its function words */
    bool confident;       /* enough words and a clear winner */
} pcs_detection;

/* Guess the language of normalised text from its script and function
 * words. It reads only constant data, so it needs no state and cannot
 * fail. */
pcs_detection pcs_detect_language(const char *text, size_t len);

/* A stem (or a token that is not stemmed, like a number) as the word
 * cache interns it, with a memo of its term id in the document being
 * tokenized: terms are found without a per-document vocabulary. */
typedef struct pcs_stem_entry {
    const char *stem; /* NUL-terminated */
    uint32_t stem_len;
    uint32_t doc;  /* the document `term` belongs to (pcs_language_begin_document) */
    uint32_t term;
    /* The trained model's document frequency and IDF of the stem, valid
     * when idf_generation is pcs_language_idf_generation's answer for the
     * model in use (0: never set): a model lookup and a log per distinct
     * stem per document were a twentieth of an article's time. */
    uint32_t idf_df;
    uint64_t idf_generation;
    double idf;
} pcs_stem_entry;

/* The longest word the word cache holds in its table's slot. */
#define PCS_WORD_INLINE 16

/* A folded word of letters in the word cache: a stopword, or its stem and
 * its class in the language's list of words that are never key terms;
 * and whether it attributes speech. A word of up to PCS_WORD_INLINE bytes
 * is its own slot of the cache's table, bytes and all (32 bytes), so a
 * lookup reads one slot, not a slot and then the entry it points to. */
typedef struct pcs_word {
    uint32_t hash;      /* in the table (pcs_inline_table): pcs_hash of the word */
    uint8_t len;        /* in the table: the word's length, 0 for an empty slot */
    bool stop;
    bool reporting;     /* in the language's reporting list */
    uint8_t word_class; /* pcs_word_class (language.h); 0 for stopwords */
    pcs_stem_entry *stem; /* NULL for stopwords */
    char key[PCS_WORD_INLINE];
} pcs_word;
_Static_assert(sizeof(pcs_word) == 32, "a word cache slot is 32 bytes");
_Static_assert(offsetof(pcs_word, hash) == 0 && offsetof(pcs_word, len) == sizeof(uint32_t),
               "a pcs_inline_table slot begins with its hash and length");

/* A number for the next document, never 0: a stem entry whose doc is not
 * it has no term in this document yet. The word cache only starts afresh
 * here, between documents, so entries stay valid for a whole document. */
uint32_t pcs_language_begin_document(pcs_language *language);

/* The generation of the IDF values cached in stem entries for this model:
 * the same while the same model (the same object, payload checksum and
 * document count) is used with the language, a new one when another is. */
uint64_t pcs_language_idf_generation(pcs_language *language, const precis_model *model);

/* The cache entry of a folded word of letters (stopword test and stem in
 * one lookup), or NULL when out of memory; hash is pcs_hash(folded, len).
 * Valid until the next lookup, which may move the table. */
pcs_word *pcs_word_lookup(pcs_language *language, const char *folded, size_t len,
                          uint32_t hash);

/* The entry of a stem the word cache interned, from its text (a term's
 * stem is the entry's own copy, which the cache keeps right after it). */
pcs_stem_entry *pcs_stem_entry_of(const char *stem);

/* The interned entry of a stem, or of a token kept as it is; NULL when out
 * of memory. */
pcs_stem_entry *pcs_stem_intern(pcs_language *language, const char *stem, size_t len);

/* ------------------------------------------------------------------------ */
/* The document model                                                        */
/* ------------------------------------------------------------------------ */

/* Where normalised text and the caller's bytes line up: from norm onwards
 * both advance together until the next anchor. */
typedef struct pcs_anchor {
    uint32_t norm;
    uint32_t orig;
} pcs_anchor;

typedef enum pcs_sentence_kind {
    PCS_SENT_BODY = 0, /* a sentence of running text: may be selected */
    PCS_SENT_HEADING,  /* headline, section heading, dateline, byline */
    PCS_SENT_DEBRIS,   /* page furniture: markup, captions, footers */
    PCS_SENT_DUPLICATE /* repeats an earlier sentence */
} pcs_sentence_kind;

typedef struct pcs_sentence {
    uint32_t start, end;   /* [start, end) in the normalised text */
    uint32_t paragraph;    /* index of its paragraph */
    uint32_t tok_first;    /* its tokens: toks[tok_first, +tok_count) */
    uint32_t tok_count;
    uint32_t words;        /* word tokens, stopwords included */
    uint32_t duplicate_of; /* for PCS_SENT_DUPLICATE */
    uint8_t kind;          /* pcs_sentence_kind */
    bool terminated;       /* ends with . ! ? or an ellipsis */
} pcs_sentence;

enum {
    /* Its word names a day or a month (pcs_word_class); NONKEY is set too.
     * (A stopword is a token without a term.) */
    PCS_TOK_DATE = 1,
    PCS_TOK_ALPHA = 2,   /* holds at least one letter */
    PCS_TOK_UPPER = 4,   /* begins with an upper-case letter */
    PCS_TOK_INITIAL = 8, /* first token of its sentence */
    /* Its word is listed as never a key term, or as one that may begin a
     * key term but never end one (pcs_word_class). */
    PCS_TOK_NONKEY = 16,
    PCS_TOK_MODIFIER = 32,
    /* Its word attributes speech ("said", "selon": the language's
     * reporting list). */
    PCS_TOK_REPORTING = 64,
    /* A hyphen joins two of its parts ("Owens-Illinois"). */
    PCS_TOK_HYPHEN = 128
};

/* The longest token: a longer run of letters or digits is cut into tokens
 * of at most this many bytes (see pcs_token). */
#define PCS_TOKEN_MAX_LEN ((1u << 24) - 1)

/* A token of the document, 12 bytes: tokens are a 10 MB text's largest
 * array (1.7 million of them). Its sentence is the one whose token range
 * (pcs_sentence.tok_first, tok_count) holds it, so it is not stored; its
 * length fits 24 bits because no word is 16 MB long (PCS_TOKEN_MAX_LEN). */
typedef struct pcs_token {
    uint32_t start;       /* surface form in the normalised text: start, */
    uint32_t term;        /* term id, or UINT32_MAX for stopwords */
    unsigned len : 24;    /* ... and length in bytes */
    unsigned flags : 8;   /* PCS_TOK_* */
} pcs_token;

/* A distinct stem of the document. */
typedef struct pcs_term {
    /* The word cache's copy, NUL-terminated: valid for the whole document,
     * as the cache starts afresh only between documents. */
    const char *stem;
    uint32_t stem_len;
    uint32_t count;      /* occurrences */
    uint32_t sent_df;    /* sentences (graph nodes) holding it */
    /* Document frequency behind its IDF: sent_df over doc->idf_n nodes, or
     * the trained model's df over its documents. */
    uint32_t idf_df;
    double idf;          /* pcs_idf's value, set with idf_df by pcs_tfidf */
    uint32_t last_sent;  /* scratch: last sentence counted in sent_df */
    bool alpha;          /* holds a letter (numbers are not key terms) */
    bool not_alone;      /* a form of it is a unit of time or a noun that
                          * attributes speech (PCS_WORD_UNIT, _SOURCE): part
                          * of a key term, never one alone */
    bool frame;          /* a form of it is a noun of fixed prepositional
                          * phrases (PCS_WORD_FRAME) */
    bool title;          /* a form of it is a title before names
                          * (PCS_WORD_TITLE, _SOURCE) */
} pcs_term;

/* A sparse matrix in compressed-row form, rows = sentences. */
typedef struct pcs_csr {
    uint32_t rows, cols;
    int *row_ptr; /* rows + 1 entries; int because GSL indexes with int */
    int *col;
    double *val;
} pcs_csr;

/* How a method scores sentences (score.c holds the named methods). */
typedef enum pcs_similarity {
    PCS_SIM_COSINE,   /* TF-IDF cosine */
    PCS_SIM_OVERLAP,  /* Mihalcea and Tarau's normalised word overlap */
    PCS_SIM_BM25,     /* Okapi BM25, symmetrised */
    PCS_SIM_BM25PLUS  /* BM25+ */
} pcs_similarity;

typedef enum pcs_centrality {
    PCS_CENTRALITY_PAGERANK, /* TextRank / LexRank: PageRank on the graph */
    PCS_CENTRALITY_PACSUM,   /* directed degree, Zheng and Lapata (2019) */
    PCS_CENTRALITY_LEAD,     /* earlier is better */
    PCS_CENTRALITY_RANDOM    /* seeded draw */
} pcs_centrality;

typedef struct pcs_scoring {
    pcs_centrality centrality;
    pcs_similarity similarity;
    /* Edges weaker than this similarity are dropped (LexRank's cosine
     * threshold, Erkan and Radev, 2004); 0 keeps every edge. */
    double cutoff;
    /* PacSum's beta: edges weaker than min + threshold * (max - min) of all
     * weights are dropped and the rest lowered by that floor. */
    double threshold;
    /* PacSum's lambda_1: weight of edges to earlier sentences; edges to
     * later ones weigh 1. */
    double backward;
    /* Personalised PageRank (Haveliwala, 2002): the random surfer jumps to
     * a sentence with probability proportional to 1 / (1 + position)^
     * teleport x (1 + headline x cosine with the headline); both 0 is the
     * uniform jump of plain PageRank. */
    double teleport;
    double headline;
    /* Priors multiplied into the final score: 1 / (1 + position)^position
     * (position among the sentences of running text) and
     * ((words + 1) / mean words)^length. */
    double position;
    double length;
    /* Sentences that are mostly direct quotation are multiplied by
     * (1 - quotation): summaries report, they rarely quote. */
    double quotation;
    /* Skip a sentence that shares a content-word trigram with one already
     * chosen (Paulus, Xiong and Socher, 2018). */
    bool trigram_block;
} pcs_scoring;

typedef struct pcs_method_params {
    pcs_scoring body;
    /* Wire copy: a story that opens with a dateline (a place or agency
     * before its first sentence) is written as an inverted pyramid, lede
     * first, and is scored with `lede` instead of `body`. */
    bool has_lede;
    pcs_scoring lede;
} pcs_method_params;

/* What a call's options mean, resolved once per call (summarize.c) and
 * held by the document, so that no stage derives them again. Stages read
 * the rest of the caller's options (limits, ranking parameters) from
 * `options`. */
typedef struct pcs_config {
    const precis_options *options; /* validated, of the library's size */
    /* Canonical language name; "auto" until stage 1 detects the language
     * (then detected is true). Static storage. */
    const char *language;
    bool detected;
    /* The summary's budget in words (-w, or -r of the document's words),
     * or 0 when it is options->sentences sentences: set after stage 3
     * (pcs_resolve_budget). */
    size_t word_budget;
    /* How this document is scored: its method's body or lede parameters
     * with the ablations applied, chosen by stage 5 (score.c) and obeyed
     * by stage 6. */
    pcs_scoring scoring;
} pcs_config;

/* One document on its way through the pipeline. All memory comes from the
 * summarizer's arena and is released with it. */
typedef struct pcs_doc {
    size_t input_len; /* the caller's bytes */
    pcs_config cfg;
    bool language_unsure;  /* detected, without a clear winner */
    pcs_language *lang;    /* the language's word cache, for the whole call */

    char *text; /* normalised text, NUL-terminated */
    uint32_t len;
    pcs_anchor *anchors;
    uint32_t n_anchors;
    bool repaired;

    pcs_sentence *sents;
    uint32_t n_sents;
    uint32_t n_paragraphs;

    pcs_token *toks;
    uint32_t n_toks;
    uint32_t n_words;

    pcs_term *terms;
    uint32_t n_terms;

    /* Bag of terms per sentence: bag_term/bag_count[bag_ptr[i],
     * bag_ptr[i+1]) for sentence i, in first-occurrence order. */
    uint32_t *bag_ptr;
    uint32_t *bag_term;
    uint32_t *bag_count;

    /* Graph nodes: the sentences that take part in the ranking. */
    uint32_t *nodes;
    uint32_t n_nodes;
    uint32_t *node_of; /* per sentence: its node, or UINT32_MAX */
    pcs_csr vectors; /* TF-IDF row per node, L2-normalised */
    /* IDF's "number of documents": the graph nodes, or the trained
     * model's corpus (then model_used). idf(t) = ln((1 + idf_n) /
     * (1 + terms[t].idf_df)) + 1. */
    double idf_n;
    bool model_used;
    double *scores;  /* per sentence; 0 for sentences outside the graph */
    size_t iterations;
    bool converged;
    /* The method's similarity graph would have had more nodes than
     * PRECIS_GRAPH_MAX_SENTENCES, or too many edges: ranked by cosine
     * PageRank instead. */
    bool graph_fallback;
} pcs_doc;

/* Decode the code point at text[i] of normalised text (valid UTF-8 by
 * stage 1's contract) into *cp; returns its length in bytes. ASCII, most
 * of any text, never leaves this inline function. */
uint32_t pcs_decode_multibyte(const char *text, uint32_t i, uint32_t *cp);
static inline uint32_t pcs_decode(const char *text, uint32_t i, uint32_t *cp)
{
    unsigned char b = (unsigned char)text[i];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    return pcs_decode_multibyte(text, i, cp);
}

/* The characters that join the parts of a word: apostrophes (', U+2019
 * right single quotation mark, U+02BC modifier letter apostrophe) and
 * hyphens (-, U+2010, U+2011 non-breaking). */
static inline bool pcs_is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}
static inline bool pcs_is_hyphen(uint32_t cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

/* casefold.c: case-fold text[a, b) of normalised text, writing every
 * apostrophe as ' and every hyphen as -, into buf of cap >= 1 bytes,
 * NUL-terminated. Returns the length, or SIZE_MAX when the folded word and
 * its NUL do not fit in cap; PCS_CASEFOLD_BOUND(b - a) bytes always do
 * (full folding writes at most three times the bytes it reads). */
#define PCS_CASEFOLD_BOUND(len) ((size_t)(len) * 3 + 1)
size_t pcs_casefold(const char *text, uint32_t a, uint32_t b, char *buf, size_t cap);

/* Map a normalised-text offset back to the caller's bytes. */
size_t pcs_orig_offset(const pcs_doc *doc, uint32_t norm);

/* ------------------------------------------------------------------------ */
/* Pipeline stages                                                           */
/* ------------------------------------------------------------------------ */

/* 1. text.c: validate, NFC-normalise and tidy white space. */
precis_status pcs_text_prepare(pcs_doc *doc, pcs_arena *arena,
                               const char *input, size_t len,
                               const precis_options *options,
                               precis_error *err);

/* 2. segment.c: paragraphs and sentences, with headings, datelines and
 * page debris marked. */
precis_status pcs_segment(pcs_doc *doc, pcs_arena *arena,
                          const pcs_language *language, precis_error *err);

/* 3. tokenize.c: word tokens, case folding, stopwords, stems, terms; marks
 * duplicate sentences. The tokens are written into *toks (malloc, capacity
 * *cap, grown as needed), which the caller keeps across documents, so
 * that doc->toks is never copied: a long document's tokens are its
 * largest array. */
precis_status pcs_tokenize(pcs_doc *doc, pcs_arena *arena,
                           pcs_language *language,
                           const precis_options *options, pcs_token **toks,
                           size_t *cap, precis_error *err);

/* 4. tfidf.c: choose graph nodes and build their TF-IDF vectors (IDF
 * from the options' model when it is for the document's language). */
precis_status pcs_tfidf(pcs_doc *doc, pcs_arena *arena, precis_error *err);

/* 5a. graph.c: the explicit similarity graph over the nodes (symmetric,
 * no diagonal). Only for documents where pcs_graph_fits() (at most
 * PRECIS_GRAPH_MAX_SENTENCES nodes) and whose graph is not too dense;
 * others are ranked in the factored cosine form, which stays linear. */
bool pcs_graph_fits(const pcs_doc *doc);
/* *dense: the graph would hold more edges than memory bounded by the text
 * allows (then w is not built and the caller ranks in the factored
 * form). */
precis_status pcs_graph_build(const pcs_doc *doc, pcs_arena *arena, pcs_similarity kind,
                              pcs_csr *w, bool *dense, precis_error *err);

/* 5b. score.c: chooses doc->cfg.scoring for the options' method, then a
 * score per sentence (doc->scores); sets doc->graph_fallback when the
 * method's graph is too large or too dense. */
precis_status pcs_score(pcs_doc *doc, pcs_arena *arena, precis_error *err);

/* 5c. rank.c: PageRank (Page et al., 1998) over a weighted graph given as an
 * operator. Two forms: the sentence similarity graph W = X X^T - diag,
 * never materialised (linear in non-zeros), and an explicit symmetric
 * sparse matrix (the key-term co-occurrence graph). */
typedef struct pcs_rank_params {
    double damping;
    double tolerance;
    size_t max_iterations;
    const double *teleport; /* the jump distribution (sums to 1); NULL: uniform */
} pcs_rank_params;

typedef struct pcs_rank_out {
    size_t iterations;
    bool converged;
} pcs_rank_out;

/* Scores over the rows of x: graph weights are cosine similarities
 * x_i . x_j for i != j (rows of x are L2-normalised or zero). */
precis_status pcs_rank_similarity(const pcs_csr *x, const pcs_rank_params *p,
                                  pcs_arena *arena, double *scores,
                                  pcs_rank_out *out, precis_error *err);
/* Scores over an explicit symmetric weighted adjacency matrix. */
precis_status pcs_rank_graph(const pcs_csr *w, const pcs_rank_params *p,
                             pcs_arena *arena, double *scores,
                             pcs_rank_out *out, precis_error *err);

/* 6. select.c: pick summary sentences within doc->cfg's budget, with
 * doc->cfg.scoring's redundancy rule; returns sentence indices in document
 * order. */
precis_status pcs_select(const pcs_doc *doc, pcs_arena *arena, uint32_t **picked,
                         uint32_t *n_picked, bool *shortfall, precis_error *err);

/* The sentences a summary may hold, in document order: running text, or
 * for a document of nothing but headings, its headings. Fails with
 * PRECIS_ERR_ONE_SENTENCE when fewer than two. */
precis_status pcs_candidates(const pcs_doc *doc, pcs_arena *arena, uint32_t **out,
                             uint32_t *n_out, precis_error *err);

/* Set doc->cfg.word_budget from the options (ratio or words) and the
 * document's words, once stage 3 has counted them. */
void pcs_resolve_budget(pcs_doc *doc);

/* eval/evaluate.c: the greedy ROUGE oracle (precis_summarize_oracle), in
 * place of stages 5 and 6. */
precis_status pcs_oracle(pcs_doc *doc, pcs_arena *arena, const precis_rouge_scorer *scorer,
                         const char *const *refs, const size_t *ref_lens, size_t n_refs, uint32_t **picked,
                         uint32_t *n_picked, bool *shortfall, precis_error *err);

/* 7. keywords.c: TextRank key terms, multi-word phrases. */
typedef struct pcs_keyterm {
    const char *surface; /* arena, NUL-terminated */
    uint32_t surface_len;
    double score;
    uint32_t count;
} pcs_keyterm;

precis_status pcs_keywords(const pcs_doc *doc, pcs_arena *arena,
                           const precis_options *options, pcs_keyterm **out,
                           uint32_t *n_out, precis_error *err);

/* Every sentence of the document as the caller's bytes, for renderings of
 * the whole text (the HTML view). */
typedef struct pcs_span {
    size_t start, end; /* [start, end) of the caller's input */
    double score;      /* the ranking's score; 0 outside the graph */
    bool summary;      /* one of the summary's sentences */
} pcs_span;

/* One occurrence of a key term in the caller's bytes. */
typedef struct pcs_mark {
    size_t start, end;
    uint32_t keyword; /* index into the result's key terms */
} pcs_mark;

/* highlight.c: where the key terms occur, in document order, never
 * overlapping; *out is arena memory. */
precis_status pcs_keyword_marks(const pcs_doc *doc, pcs_arena *arena, const pcs_keyterm *kt,
                                uint32_t n_kt, pcs_mark **out, uint32_t *n_out,
                                precis_error *err);
/* The same for a result and the text it was made from (the HTML view):
 * *out (malloc, the caller frees) holds *n_out marks. PRECIS_ERR_ARGUMENT
 * when the text is not one the result can have come from. */
precis_status pcs_result_marks(const precis_result *result, const char *text, size_t len,
                               pcs_mark **out, size_t *n_out);

/* 8. output.c: render a result as JSON (schema precis/1), or as one HTML
 * page with the text it was made from. */
precis_status pcs_result_json(const precis_result *result,
                              const precis_json_options *options, char **out,
                              size_t *len);
precis_status pcs_result_html(const precis_result *result, const char *text, size_t len,
                              const precis_html_options *options, char **out,
                              size_t *out_len);

/* Write the sentence's text with white-space runs collapsed into dst
 * (capacity >= span length + 1). Returns the length written. */
size_t pcs_collapse_space(const char *src, size_t len, char *dst);

/* ------------------------------------------------------------------------ */
/* Summarizer internals shared by the stages                                 */
/* ------------------------------------------------------------------------ */

#define PCS_MAX_LANGUAGES 32

/* A result lives in one allocation: the struct, then its arrays, then its
 * strings. */
struct precis_result {
    precis_sentence *sentences;
    size_t n_sentences;
    precis_keyword *keywords;
    size_t n_keywords;
    pcs_span *spans; /* every sentence of the document */
    size_t n_spans;
    precis_stats stats;
    /* The options that shape the document's tokens (with stats.language),
     * so the HTML view can find the key terms in the text again
     * (pcs_result_marks) instead of every call paying for it. */
    int repair_utf8;
    unsigned ablate;
    size_t max_sentence_words;
};

struct precis_summarizer {
    pcs_arena arena; /* per-document memory, reset per call */
    pcs_language *languages[PCS_MAX_LANGUAGES];
    size_t n_languages;
    pcs_token *toks;        /* the last document's tokens (pcs_tokenize) */
    size_t toks_cap;
};

/* Validate options (of the library's size) and resolve them into *cfg: the
 * one place a call's language is resolved. */
precis_status pcs_config_resolve(pcs_config *cfg, const precis_options *options,
                                 precis_error *err);

/* Stages 1 to 3 for a text (language chosen or detected as options say):
 * used by model training and tests (summaries resolve their options
 * first). doc's memory is the summarizer's arena, valid until its next
 * use. */
precis_status pcs_prepare_tokens(precis_summarizer *summarizer, const char *text, size_t len,
                                 const precis_options *options, pcs_doc *doc,
                                 precis_timing *timing, precis_error *err);

/* model.c */
uint32_t pcs_model_df(const precis_model *model, const char *stem, size_t len);
/* What tells two models apart: the payload checksum and the document
 * count of the header. */
uint64_t pcs_model_identity(const precis_model *model);
/* The checksum a model file carries of its payload: XXH64, seed 0. */
uint64_t pcs_model_checksum(const unsigned char *payload, size_t len);

/* IDF of term t (see pcs_doc.idf_n). */
double pcs_idf(const pcs_doc *doc, uint32_t t);

#endif
