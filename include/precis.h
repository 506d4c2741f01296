/*
 * precis.h - extractive summaries and key terms for articles.
 *
 * This is the whole public interface of libprecis.
 *
 * Ownership, stated once for the whole API:
 *   - Every object you get from a precis_*_new / _load / _summarize call is
 *     yours; free it with the matching precis_*_free, which accepts NULL.
 *   - Every `const` pointer you get from an accessor belongs to the object
 *     it came from and stays valid until that object is freed.
 *   - Every `char **` output buffer is allocated by the library and yours;
 *     release it with precis_free().
 *   - Input pointers are only read during the call; the library keeps no
 *     reference to them, except the precis_model passed in precis_options,
 *     which must outlive every summarize call that uses it.
 *
 * Errors: every fallible function returns a precis_status. PRECIS_OK is 0;
 * everything else is a failure the caller can act on. The library never
 * prints, exits or aborts. Functions that take a `precis_error *err` fill it
 * with the status, a byte offset where one applies, and a one-line message;
 * pass NULL when you only need the status.
 *
 * ABI: the structs you allocate and the library reads or writes
 * (precis_options, precis_json_options, precis_html_options, precis_error)
 * begin with `size`, the struct's size as your program was compiled. Set
 * it with the matching _init function (or PRECIS_ERROR_INIT). New fields
 * are only ever appended, so a program built against an older header keeps
 * working with a newer library: the library reads and writes only the
 * first `size` bytes and gives the fields you do not have their defaults.
 * A struct larger than the library knows (a program built against a newer
 * header) is refused with PRECIS_ERR_ARGUMENT rather than half-read.
 * The structs the library returns by pointer (precis_sentence,
 * precis_keyword, precis_stats) live in the library's memory, so fields
 * appended to them cost an older program nothing. The few small result
 * structs that precis_eval.h fills in your memory (precis_keyphrase_score,
 * precis_rouge, precis_rouge_score) are frozen instead: they never grow,
 * and a new measure arrives through a new function.
 *
 * Threads: the library keeps no global mutable state. A precis_model is
 * immutable once built and may be shared by any number of threads. A
 * precis_summarizer holds per-thread state (stemmers, caches, scratch
 * memory): use one per thread. A precis_result is immutable and may be
 * read from any thread.
 *
 * GSL: libprecis ranks with GSL. It allocates every GSL object's memory
 * itself and checks every GSL status, so GSL's error handler is never
 * reached on valid internal states. Programs that also call GSL themselves
 * should still switch GSL's process-wide abort handler off
 * (gsl_set_error_handler_off()), as the precis CLI does.
 */
#ifndef PRECIS_H
#define PRECIS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(PRECIS_STATIC_DEFINE)
#define PRECIS_API
#elif defined(_WIN32)
#ifdef PRECIS_BUILDING
#define PRECIS_API __declspec(dllexport)
#else
#define PRECIS_API __declspec(dllimport)
#endif
#else
#define PRECIS_API __attribute__((visibility("default")))
#endif

/* The version of this header; CMake reads it from these three lines. */
#define PRECIS_VERSION_MAJOR 0
#define PRECIS_VERSION_MINOR 2
#define PRECIS_VERSION_PATCH 0
/* One number for comparisons in #if: MAJOR * 10000 + MINOR * 100 + PATCH. */
#define PRECIS_VERSION_NUMBER \
    (PRECIS_VERSION_MAJOR * 10000 + PRECIS_VERSION_MINOR * 100 + PRECIS_VERSION_PATCH)
#define PRECIS_STRINGIFY_(x) #x
#define PRECIS_STRINGIFY(x) PRECIS_STRINGIFY_(x)
#define PRECIS_VERSION_STRING                                                 \
    PRECIS_STRINGIFY(PRECIS_VERSION_MAJOR) "." PRECIS_STRINGIFY(PRECIS_VERSION_MINOR) "." \
        PRECIS_STRINGIFY(PRECIS_VERSION_PATCH)

/* The version of the library linked at run time, "MAJOR.MINOR.PATCH"
 * (which may be newer than PRECIS_VERSION_STRING). Static storage. */
PRECIS_API const char *precis_version(void);
/* The same as a number (PRECIS_VERSION_NUMBER of the library's build). */
PRECIS_API unsigned precis_version_number(void);

/* ------------------------------------------------------------------------ */
/* Status codes                                                              */
/* ------------------------------------------------------------------------ */

typedef enum precis_status {
    PRECIS_OK = 0,
    /* An allocation failed. Nothing was leaked; the call can be retried. */
    PRECIS_ERR_NOMEM = 1,
    /* An argument or option value is out of range (message names it). */
    PRECIS_ERR_ARGUMENT = 2,
    /* The text is empty or holds only white space. */
    PRECIS_ERR_EMPTY = 3,
    /* Not text: the text holds a NUL byte (offset = the NUL), or its first
     * bytes show a file of another kind, which the message names: PDF, ZIP,
     * OLE2, gzip, PNG, JPEG, GIF, UTF-16 or UTF-32 text, an HTML page
     * (offset = 0). */
    PRECIS_ERR_BINARY = 4,
    /* The text is not valid UTF-8. offset = first bad byte. */
    PRECIS_ERR_UTF8 = 5,
    /* The text is larger than precis_options.max_bytes. */
    PRECIS_ERR_TOO_LARGE = 6,
    /* The text has a single sentence: there is nothing to summarise. */
    PRECIS_ERR_ONE_SENTENCE = 7,
    /* A sentence is longer than precis_options.max_sentence_words: the text
     * has no usable sentence structure. offset = where that sentence
     * starts. */
    PRECIS_ERR_NO_STRUCTURE = 8,
    /* The language is not known to the stemmer library. */
    PRECIS_ERR_LANGUAGE = 9,
    /* A numerical step failed (GSL reported an error). */
    PRECIS_ERR_NUMERIC = 10,
    /* A model file is unreadable, corrupt, truncated or mismatched. */
    PRECIS_ERR_MODEL = 11,
    /* A file could not be read or written (message names it). */
    PRECIS_ERR_IO = 12
} precis_status;

/* A short English description of a status ("invalid UTF-8"). Static
 * storage; never NULL, also for unknown values. */
PRECIS_API const char *precis_status_string(precis_status status);

/* Details of a failure. Initialise it before use, with PRECIS_ERROR_INIT or
 * precis_error_init(): the library writes no byte beyond `size`, and nothing
 * at all into an error whose size is 0. */
typedef struct precis_error {
    /* sizeof(precis_error) as the caller was compiled. */
    size_t size;
    precis_status status;
    /* Byte offset into the caller's input the failure refers to, or
     * SIZE_MAX when none applies. */
    size_t offset;
    /* One line, no trailing newline, NUL-terminated. */
    char message[512];
} precis_error;

#define PRECIS_ERROR_INIT {sizeof(precis_error), PRECIS_OK, SIZE_MAX, {0}}

/* Set `size`, PRECIS_OK, no offset and an empty message. */
PRECIS_API void precis_error_init(precis_error *err, size_t size);

/* Release a buffer the library allocated for you. Accepts NULL. */
PRECIS_API void precis_free(void *buffer);

/* ------------------------------------------------------------------------ */
/* Languages                                                                 */
/* ------------------------------------------------------------------------ */

/* Number of languages precis can stem (those of the Snowball library it
 * was linked with, "porter" excluded), and the i-th one's canonical
 * English name ("english", "french", ...). Names are static storage; an
 * out-of-range i returns NULL. */
PRECIS_API size_t precis_language_count(void);
PRECIS_API const char *precis_language_name(size_t i);

/* The ISO 639-1 code of a canonical language name ("english" -> "en"),
 * static storage; NULL when unknown. Models ship in models/<code>/. */
PRECIS_API const char *precis_language_code(const char *canonical);

/* Resolve a language name or ISO 639 code ("en", "eng", "English") to its
 * canonical name; "auto" resolves to "auto" (detect per document).
 * Returns PRECIS_ERR_LANGUAGE (with a message listing the known languages)
 * when it is not known. */
PRECIS_API precis_status precis_language_resolve(const char *name,
                                                 const char **canonical,
                                                 precis_error *err);

/* ------------------------------------------------------------------------ */
/* Options                                                                   */
/* ------------------------------------------------------------------------ */

/* How sentences are scored. Measured quality of each on news fixtures is
 * in bench/results/quality.md. */
typedef enum precis_method {
    /* TextRank (Mihalcea and Tarau, 2004) as good as we could make it on
     * extractive references: PageRank over their word-overlap similarity
     * with a mild preference for longer sentences ("textrank"). */
    PRECIS_METHOD_TEXTRANK = 0,
    /* Baseline: the first sentences of running text ("lead"; headlines,
     * datelines and page debris are skipped). */
    PRECIS_METHOD_LEAD = 1,
    /* Baseline: sentences drawn at random ("random"), reproducibly: the
     * draw depends only on precis_options.seed and the text. */
    PRECIS_METHOD_RANDOM = 2,
    /* The default, for news read by people ("news"): TextRank centrality
     * with length and quotation priors; a story that opens with a dateline
     * is treated as wire copy written lede first, and scored with position
     * and brevity priors and trigram blocking instead. */
    PRECIS_METHOD_NEWS = 3,
    /* TextRank exactly as published, no priors ("textrank-classic"). */
    PRECIS_METHOD_TEXTRANK_CLASSIC = 4,
    /* LexRank (Erkan and Radev, 2004): PageRank over TF-IDF cosine
     * similarity, edges below 0.1 dropped ("lexrank"). */
    PRECIS_METHOD_LEXRANK = 5,
    /* TextRank with BM25+ similarity (Barrios et al., 2016) ("bm25"). */
    PRECIS_METHOD_BM25 = 6,
    /* PacSum's directed centrality over TF-IDF cosine (Zheng and Lapata,
     * 2019) ("pacsum"). */
    PRECIS_METHOD_PACSUM = 7,
    /* TextRank whose random surfer jumps preferably to early sentences and
     * to sentences like the headline: personalised PageRank (Haveliwala,
     * 2002) ("textrank-personalised"). */
    PRECIS_METHOD_TEXTRANK_PERSONALISED = 8
} precis_method;

/* The methods that rank a similarity graph (all but lead and random) build
 * it explicitly, which can cost time quadratic in the sentences. A document
 * with more sentences taking part in the ranking (running text and
 * headings, repeats and debris excepted) than this, or whose graph would
 * hold more edges than memory bounded by the text's size allows, is ranked
 * by PageRank over TF-IDF cosine in a form linear in the text instead,
 * whatever the method's own similarity, cutoff or centrality (personalised
 * jumps are kept); precis_stats.graph_fallback then says so. */
#define PRECIS_GRAPH_MAX_SENTENCES 3000

/* Parts of the default method that can be switched off one by one, for
 * ablation studies (precis_options.ablate, a bitwise or). */
enum {
    PRECIS_ABLATE_LEDE = 1,       /* score datelined stories like any other */
    PRECIS_ABLATE_POSITION = 2,   /* no position prior */
    PRECIS_ABLATE_LENGTH = 4,     /* no length prior */
    PRECIS_ABLATE_QUOTATION = 8,  /* no quotation prior */
    PRECIS_ABLATE_REDUNDANCY = 16, /* no trigram blocking */
    PRECIS_ABLATE_HYGIENE = 32,   /* page debris (captions, footers, markup)
                                   * and repeated sentences are ranked and
                                   * may be selected like any sentence */
    /* Key terms (the same for every method): */
    PRECIS_ABLATE_KEY_IDF = 64,         /* no corpus IDF from the model */
    PRECIS_ABLATE_KEY_CENTRALITY = 128, /* words weigh their count, not their
                                         * PageRank on the co-occurrence graph */
    PRECIS_ABLATE_KEY_POSITION = 256,   /* no weight for the first sentence's
                                         * (title's) words */
    PRECIS_ABLATE_KEY_WORDS = 512,      /* every text tagged by phrases, none by
                                         * its names and topic words */
    PRECIS_ABLATE_KEY_TOPICS = 1024,    /* no grouping of terms by topic: a
                                         * term may repeat another's words */
    PRECIS_ABLATE_KEY_GENERAL = 2048,   /* keep a phrase's leading words that are
                                         * common in the model's corpus ("new",
                                         * "two") */
    PRECIS_ABLATE_KEY_SCORES = 4096,    /* no scores at all: candidates in order
                                         * of first occurrence (the first-k
                                         * baseline) */
    PRECIS_ABLATE_KEY_SINGLE = 8192,    /* in texts tagged by phrases, a single
                                         * word weighs as much as a phrase's */
    PRECIS_ABLATE_KEY_SPEECH = 16384    /* reporting speech ("said", "selon")
                                         * does not make a text a story tagged
                                         * by its words */
};

/* Number of methods; valid values are 0 .. precis_method_count() - 1. */
PRECIS_API size_t precis_method_count(void);
/* Parse a method name ("textrank"); PRECIS_ERR_ARGUMENT when unknown. */
PRECIS_API precis_status precis_method_parse(const char *name,
                                             precis_method *method);
/* The name of a method; static storage; NULL when out of range. */
PRECIS_API const char *precis_method_name(precis_method method);

/* ------------------------------------------------------------------------ */
/* Models                                                                    */
/* ------------------------------------------------------------------------ */

/* A trained model: how many documents of a corpus hold each stem (and each
 * surface form of it), for one language. Term weights then come from the
 * corpus rather than from the document alone, so a word common in news in
 * general ("said") stops driving summaries and key terms. Immutable once
 * loaded: share one between threads. The file format is fixed-width and
 * little-endian (see src/model.c), checksummed, and versioned. */
typedef struct precis_model precis_model;

/* Load a model file with one read; nothing is parsed beyond checks. Fails
 * with PRECIS_ERR_IO (cannot read) or PRECIS_ERR_MODEL (not a model, wrong
 * version, truncated, corrupt, made by another tokenizer), the message
 * naming the file and the reason. On success *out is yours
 * (precis_model_free). */
PRECIS_API precis_status precis_model_load(const char *path, precis_model **out,
                                           precis_error *err);
PRECIS_API void precis_model_free(precis_model *model);

/* The model's language (canonical name, static storage), the documents
 * it counted and its distinct stems. */
PRECIS_API const char *precis_model_language(const precis_model *model);
PRECIS_API uint64_t precis_model_documents(const precis_model *model);
PRECIS_API size_t precis_model_terms(const precis_model *model);

/* Training. A builder counts document frequencies; builders of different
 * shards can be merged through their written models
 * (precis_model_builder_add_model), and the merge of shards is byte for
 * byte the model of the whole corpus. Not thread-safe: one per thread. */
typedef struct precis_model_builder precis_model_builder;

PRECIS_API precis_status precis_model_builder_new(const char *language,
                                                  precis_model_builder **out,
                                                  precis_error *err);
/* Count one document. Fails (and counts nothing) on text precis_summarize
 * would refuse: empty, binary, invalid UTF-8, no sentence structure. */
PRECIS_API precis_status precis_model_builder_add_text(precis_model_builder *builder,
                                                       const char *text, size_t len,
                                                       precis_error *err);
/* Add the counts of a model of the same language. */
PRECIS_API precis_status precis_model_builder_add_model(precis_model_builder *builder,
                                                        const precis_model *model,
                                                        precis_error *err);
/* Documents counted so far. */
PRECIS_API uint64_t precis_model_builder_documents(const precis_model_builder *builder);
/* Write the model, keeping stems and spellings found in at least min_df
 * documents (1 keeps all). The file appears whole or not at all: written to
 * a new file of unpredictable name beside it (created exclusively, never
 * through a link) and renamed. A path that exists and is not a regular file
 * (a folder, link, FIFO or device) is refused, not replaced.
 * PRECIS_ERR_IO names the file on failure. */
PRECIS_API precis_status precis_model_builder_write(precis_model_builder *builder,
                                                    const char *path, uint32_t min_df,
                                                    precis_error *err);
PRECIS_API void precis_model_builder_free(precis_model_builder *builder);

/* Everything that decides what a summary is. Fill it with
 * precis_options_init(&o, sizeof o) first, then change what you need:
 * fields may be appended in later versions, and init sets them to their
 * defaults. */
typedef struct precis_options {
    /* sizeof(precis_options) as the caller was compiled; set by init. */
    size_t size;
    /* Canonical name or ISO code, or "auto" (the default): detect the
     * language of each document from its script and function words
     * (stats.language says which; stats.language_unsure when no language
     * stood out, and then english is used). */
    const char *language;
    /* Scoring method; default PRECIS_METHOD_NEWS. */
    precis_method method;

    /* Summary length budget. Exactly one of these applies, checked in this
     * order: ratio > 0 (that fraction of the document's words), words > 0
     * (whole sentences in rank order until the next would exceed it; at
     * least one sentence), otherwise sentences (default 3). */
    size_t sentences;
    size_t words;
    double ratio;

    /* Number of key terms; default 10; 0 skips key-term extraction. */
    size_t keywords;

    /* PageRank damping factor in (0, 1); default 0.85. */
    double damping;
    /* Power iteration stops when the L1 change falls below this; default
     * 1e-6. */
    double tolerance;
    /* ... or after this many iterations (default 100); the result then
     * reports converged = 0 and holds the last iterate. */
    size_t max_iterations;

    /* Non-zero: replace invalid UTF-8 sequences with U+FFFD instead of
     * failing with PRECIS_ERR_UTF8. Default 0. */
    int repair_utf8;
    /* Texts larger than this fail with PRECIS_ERR_TOO_LARGE; default
     * 64 MiB; at most 1 GiB. */
    size_t max_bytes;
    /* A sentence of more words than this means the text has no sentence
     * structure (PRECIS_ERR_NO_STRUCTURE); default 2000. */
    size_t max_sentence_words;

    /* Optional trained model (immutable, shared, not owned): IDF from its
     * corpus counts, ln((N + 1) / (df + 1)) + 1 with N its documents and
     * df 0 for a stem it never saw, replaces the document's own sentence
     * IDF in sentence vectors, BM25 and key terms. Used only for text of
     * the model's language; with an explicit language that differs,
     * precis_summarize fails with PRECIS_ERR_MODEL. NULL: in-document IDF. */
    const precis_model *model;

    /* Seed of PRECIS_METHOD_RANDOM; default 1. */
    uint64_t seed;

    /* PRECIS_ABLATE_* flags; default 0 (the method as designed). */
    unsigned ablate;
} precis_options;

/* Set `size` and every field to its default. Pass sizeof *options.
 * PRECIS_ERR_ARGUMENT when options is NULL or size is not one the library
 * can serve (smaller than the first version's struct, or larger than this
 * library's); size is then still set, so that later calls refuse the
 * struct too. */
PRECIS_API precis_status precis_options_init(precis_options *options, size_t size);

/* The largest values precis_options_validate accepts (the smallest is 1,
 * or 0 for keywords, words and ratio): limits that keep absurd requests
 * from turning into huge allocations. Programs that check options
 * themselves use these rather than copies of the numbers. */
#define PRECIS_MAX_SENTENCES 1000000
#define PRECIS_MAX_WORDS 100000000
#define PRECIS_MAX_KEYWORDS 10000
#define PRECIS_MAX_ITERATIONS 1000000
#define PRECIS_MAX_SENTENCE_WORDS 1000000
#define PRECIS_MAX_BYTES_LIMIT ((size_t)1 << 30)

/* Check options without summarising: PRECIS_ERR_ARGUMENT or
 * PRECIS_ERR_LANGUAGE with a message naming the bad field. */
PRECIS_API precis_status precis_options_validate(const precis_options *options,
                                                 precis_error *err);

/* ------------------------------------------------------------------------ */
/* Summarizer                                                                */
/* ------------------------------------------------------------------------ */

/* Per-thread summarising state: stemmers, a word-to-stem cache and
 * scratch memory reused between documents. Not thread-safe: one per
 * thread. */
typedef struct precis_summarizer precis_summarizer;

/* Create a summarizer. On success *out is yours (precis_summarizer_free).
 * Fails only with PRECIS_ERR_NOMEM or PRECIS_ERR_ARGUMENT (out NULL). */
PRECIS_API precis_status precis_summarizer_new(precis_summarizer **out);
PRECIS_API void precis_summarizer_free(precis_summarizer *summarizer);

typedef struct precis_result precis_result;

/* Summarise `len` bytes of UTF-8 `text` (need not be NUL-terminated).
 * options NULL means defaults. On success *out is a new result that is
 * yours (precis_result_free). On failure *out is NULL, the status says
 * why and err (if not NULL) says where.
 *
 * A document with fewer summary-worthy sentences than the budget asks for
 * is not an error: the result holds all of them and its stats say
 * shortfall = 1. */
PRECIS_API precis_status precis_summarize(precis_summarizer *summarizer,
                                          const char *text, size_t len,
                                          const precis_options *options,
                                          precis_result **out,
                                          precis_error *err);

/* Key terms only: the same as precis_summarize with no summary, so it also
 * works on a text of a single sentence (an abstract, a headline). The
 * result has no sentences. Fails with PRECIS_ERR_EMPTY, _BINARY, _UTF8,
 * _TOO_LARGE or _NO_STRUCTURE as precis_summarize does, never with
 * PRECIS_ERR_ONE_SENTENCE. */
PRECIS_API precis_status precis_extract_keywords(precis_summarizer *summarizer,
                                                 const char *text, size_t len,
                                                 const precis_options *options,
                                                 precis_result **out,
                                                 precis_error *err);

/* ------------------------------------------------------------------------ */
/* Results                                                                   */
/* ------------------------------------------------------------------------ */

/* One summary sentence. Fields are appended only, never reordered. */
typedef struct precis_sentence {
    /* Position among all sentences of the document, from 0. */
    size_t index;
    /* Byte range [start, end) of the sentence in the caller's input. */
    size_t start;
    size_t end;
    /* Centrality score (the ranking's stationary probability). */
    double score;
    /* The sentence as it stands in the article, NFC, white space runs
     * collapsed to one space; NUL-terminated; owned by the result. */
    const char *text;
    size_t text_len;
} precis_sentence;

/* One key term. */
typedef struct precis_keyword {
    /* Its most frequent surface form in the article ("Kuril islands");
     * NUL-terminated; owned by the result. */
    const char *term;
    size_t term_len;
    /* Relative to the best term's, which is 1: larger is more central. */
    double score;
    /* Occurrences of the term in the article. */
    size_t count;
} precis_keyword;

/* Time spent in each stage of the pipeline, in nanoseconds (monotonic
 * clock). Stages that did not run are 0. */
typedef struct precis_timing {
    uint64_t text;     /* validation, NFC, white space */
    uint64_t segment;  /* paragraphs and sentences */
    uint64_t tokenize; /* tokens, stems, duplicates */
    uint64_t vectors;  /* TF-IDF sentence vectors */
    uint64_t rank;     /* sentence scores (TextRank, or a baseline) */
    uint64_t select;   /* choosing the summary */
    uint64_t keywords; /* key terms */
    uint64_t total;    /* the whole call */
} precis_timing;

/* Facts about the document and the run. */
typedef struct precis_stats {
    size_t bytes;        /* input bytes */
    size_t paragraphs;   /* non-empty paragraphs */
    size_t sentences;    /* all sentences, headings and debris included */
    size_t candidates;   /* sentences eligible for the summary */
    size_t words;        /* word tokens */
    size_t terms;        /* distinct stems */
    size_t iterations;   /* power iterations used by the ranking */
    int converged;       /* 1 when the ranking met its tolerance */
    int shortfall;       /* 1 when fewer sentences than asked were found */
    int repaired;        /* 1 when invalid UTF-8 was replaced */
    const char *language; /* canonical language name, static storage */
    int language_detected; /* 1 when "auto" chose it */
    int language_unsure;   /* 1 when detection had no clear winner */
    int model_used;        /* 1 when a trained model gave the IDF */
    const char *method;   /* method name, static storage */
    precis_timing timing; /* where the time went */
    /* 1 when the method's graph was replaced by cosine PageRank (more
     * than PRECIS_GRAPH_MAX_SENTENCES ranked sentences, or too dense a
     * graph); 0 otherwise (and for lead and random). */
    int graph_fallback;
} precis_stats;

/* Summary sentences, in document order. */
PRECIS_API size_t precis_result_sentence_count(const precis_result *result);
/* NULL when i is out of range. */
PRECIS_API const precis_sentence *precis_result_sentence(
    const precis_result *result, size_t i);

/* Key terms, best first. */
PRECIS_API size_t precis_result_keyword_count(const precis_result *result);
PRECIS_API const precis_keyword *precis_result_keyword(
    const precis_result *result, size_t i);

PRECIS_API const precis_stats *precis_result_stats(const precis_result *result);

/* What to put in a JSON rendering. Init with
 * precis_json_options_init(&o, sizeof o). */
typedef struct precis_json_options {
    /* sizeof(precis_json_options) as the caller was compiled. */
    size_t size;
    /* A "source" member (file name or document ID); NULL omits it. */
    const char *source;
    /* Non-zero: one line, no insignificant white space (JSON Lines). */
    int compact;
} precis_json_options;

/* Defaults (no source, indented) and size; errors as precis_options_init. */
PRECIS_API precis_status precis_json_options_init(precis_json_options *options,
                                                  size_t size);

/* Render a result as JSON (schema "precis/1", documented in
 * docs/json-schema.md) into a new NUL-terminated buffer *out of *len bytes
 * (NUL excluded) that is yours (precis_free). options NULL: defaults. */
PRECIS_API precis_status precis_result_json(const precis_result *result,
                                            const precis_json_options *options,
                                            char **out, size_t *len);

/* What to put in an HTML rendering. Init with
 * precis_html_options_init(&o, sizeof o). */
typedef struct precis_html_options {
    /* sizeof(precis_html_options) as the caller was compiled. */
    size_t size;
    /* Named in the page's title and heading (a file name); NULL: none. */
    const char *source;
} precis_html_options;

/* Defaults and size; errors as precis_options_init. */
PRECIS_API precis_status precis_html_options_init(precis_html_options *options,
                                                  size_t size);

/* Render a result as one self-contained HTML5 page (inline CSS, no script,
 * no external resource) into a new NUL-terminated buffer *out of *out_len
 * bytes (NUL excluded) that is yours (precis_free). The page shows the
 * summary, the key terms with their scores, and the whole article with
 * every sentence shaded by its score, the summary's sentences outlined
 * (class "summary") and the key terms marked where they occur (class
 * "kw"). `text` and `len` must be the bytes the result was made from
 * (PRECIS_ERR_ARGUMENT when len differs, or when the text cannot be
 * tokenised as the result's was: the key terms are found by reading the
 * text again, which costs about what tokenising it did, so summaries never
 * pay for marks they do not show); all text is HTML-escaped, and bytes
 * that are not UTF-8 show as U+FFFD. PRECIS_ERR_NOMEM: out of memory.
 * options NULL: defaults. */
PRECIS_API precis_status precis_result_html(const precis_result *result, const char *text,
                                            size_t len, const precis_html_options *options,
                                            char **out, size_t *out_len);

PRECIS_API void precis_result_free(precis_result *result);

#ifdef __cplusplus
}
#endif

#endif /* PRECIS_H */
