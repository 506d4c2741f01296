/* Language resources: stemmers, stopwords, abbreviations and words that are
 * never key terms, per language. Internal to libprecis. */
#ifndef PRECIS_LANGUAGE_H
#define PRECIS_LANGUAGE_H

#include <stddef.h>
#include <stdint.h>

/* Data compiled in from models/<code>/ (see cmake/EmbedLanguageData.cmake):
 * NULL-terminated arrays of entries, comments and blank lines removed. */
typedef struct pcs_language_data {
    const char *code;                       /* ISO 639-1 folder name, "en" */
    const char *const *stopwords;           /* NULL when the language has none */
    const char *const *abbreviations;       /* "word class"; NULL when none */
    /* Word forms that are never key terms (models/<code>/nonkey.txt): the
     * entries ("word\n" or "word modifier\n") sorted bytewise, entry i at
     * nonkey + nonkey_at[i]; the entries whose first three bytes fall in
     * bucket b are i in [nonkey_bucket[b], nonkey_bucket[b + 1]) (see
     * cmake/EmbedLanguageData.cmake). All NULL when the language has
     * none. */
    const char *nonkey;
    const uint32_t *nonkey_at;
    const uint32_t *nonkey_bucket;
} pcs_language_data;

/* At most this many languages: language detection holds a set of them in
 * one 32-bit mask. The generated table checks its size against it. */
#define PCS_DETECT_MAX_LANGUAGES 32
extern const pcs_language_data pcs_language_data_table[];
extern const size_t pcs_language_data_count;

/* Every language's stopwords in one sorted table, for language detection
 * (generated with the data above): entry i is the word at
 * pcs_detect_words + pcs_detect_entries[i].at, ended by '\n', and the set
 * of languages whose list holds it, a bit per row of
 * pcs_language_data_table. */
typedef struct pcs_detect_entry {
    uint32_t at, languages;
} pcs_detect_entry;
extern const unsigned char pcs_detect_words[];
extern const pcs_detect_entry pcs_detect_entries[];
extern const size_t pcs_detect_count;

/* The languages whose stopword lists hold a case-folded word, a bit per
 * row of pcs_language_data_table (0: none). A binary search in the
 * compiled-in table: no state, safe from any thread. */
uint32_t pcs_stopword_languages(const char *folded, size_t len);

/* The compiled-in data of a canonical language name ("english"), or NULL
 * when there is none. */
const pcs_language_data *pcs_language_data_for(const char *canonical);

/* What a language's nonkey list says of a word form. */
typedef enum pcs_word_class {
    PCS_WORD_OPEN = 0,  /* not listed: may be a key term or part of one */
    PCS_WORD_NONKEY,    /* never part of a key term (English: only ever a verb
                         * or an adverb) */
    PCS_WORD_MODIFIER   /* may begin a key term, never end one (English: an
                         * adjective that is never a noun) */
} pcs_word_class;

/* The class of a case-folded word form (data may be NULL). A binary search
 * in the compiled-in list: no state, safe from any thread. */
pcs_word_class pcs_language_word_class(const pcs_language_data *data,
                                       const char *folded, size_t len);

#endif
