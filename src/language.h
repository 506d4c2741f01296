/* Language resources: stemmers, stopwords, abbreviations and words that are
 * never key terms, per language. Internal to libprecis. */
#ifndef PRECIS_LANGUAGE_H
#define PRECIS_LANGUAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Data compiled in from models/<code>/ (see cmake/EmbedLanguageData.cmake):
 * NULL-terminated arrays of entries, comments and blank lines removed. */
typedef struct pcs_language_data {
    const char *code;                       /* ISO 639-1 folder name, "en" */
    const char *const *stopwords;           /* NULL when the language has none */
    const char *const *abbreviations;       /* "word class"; NULL when none */
    const char *const *reporting;           /* words that attribute speech
                                             * ("said"); NULL when none */
    const char *const *evaluative;          /* adjectives left out when they
                                             * begin a key phrase ("novel");
                                             * NULL when none */
    /* Word forms that are never key terms (models/<code>/nonkey.txt): the
     * entries ("word\n", "word modifier\n" or "word date\n") sorted bytewise
     * (UTF-8, so unsigned), entry i at
     * nonkey + nonkey_at[i]; the entries whose first three bytes fall in
     * bucket b are i in [nonkey_bucket[b], nonkey_bucket[b + 1]) (see
     * cmake/EmbedLanguageData.cmake). All NULL when the language has
     * none. */
    const unsigned char *nonkey;
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
extern const uint32_t pcs_detect_bucket[];
extern const size_t pcs_detect_count;

/* The bucket of a word in the sorted word tables (nonkey, detect): its
 * first three bytes as digits in base 28, as cmake/EmbedLanguageData.cmake
 * numbers them: 0 for no byte or one below 'a', 1 to 26 for 'a' to 'z', 27
 * for one above, and 0 for every byte after one that is not 'a' to 'z'.
 * Those zeros keep the numbering in the sort order even where two bytes
 * share a digit ("àb" before "ác", 0xC3 0xA0 and 0xC3 0xA1), so the
 * entries of a bucket are a run, from table_bucket[b] to
 * table_bucket[b + 1]. */
#define PCS_WORD_BUCKETS (28 * 28 * 28)
static inline unsigned pcs_word_bucket(const unsigned char *w, size_t len)
{
    /* Most words start with three letters 'a' to 'z': their digits at
     * once, without the loop's tests (detection 84 to 78 thousand
     * instructions a news article, callgrind). */
    if (len >= 3 && (unsigned)(w[0] - 'a') < 26 && (unsigned)(w[1] - 'a') < 26 &&
        (unsigned)(w[2] - 'a') < 26)
        return ((unsigned)(w[0] - 'a' + 1) * 28 + (unsigned)(w[1] - 'a' + 1)) * 28 +
               (unsigned)(w[2] - 'a' + 1);
    unsigned b = 0;
    bool letters = true;
    for (size_t i = 0; i < 3; i++) {
        unsigned d = 0;
        if (letters && i < len && w[i] >= 'a')
            d = w[i] > 'z' ? 27 : (unsigned)(w[i] - 'a') + 1;
        letters = d >= 1 && d <= 26;
        b = b * 28 + d;
    }
    return b;
}

/* The languages whose stopword lists hold a case-folded word, a bit per
 * row of pcs_language_data_table (0: none). A binary search in the word's
 * bucket of the compiled-in table: no state, safe from any thread. */
uint32_t pcs_stopword_languages(const char *folded, size_t len);

/* The compiled-in data of a canonical language name ("english"), or NULL
 * when there is none. */
const pcs_language_data *pcs_language_data_for(const char *canonical);

/* What a language's nonkey list says of a word form. */
typedef enum pcs_word_class {
    PCS_WORD_OPEN = 0,  /* not listed: may be a key term or part of one */
    PCS_WORD_NONKEY,    /* never part of a key term (English: only ever a verb
                         * or an adverb) */
    PCS_WORD_MODIFIER,  /* may begin a key term, never end one (English: an
                         * adjective that is never a noun) */
    PCS_WORD_DATE,      /* names a day or a month: never part of a key term,
                         * nor of a name ("Thursday's", "January LME") */
    PCS_WORD_UNIT,      /* a unit of time ("year", "semaines"): may be part of
                         * a key term ("fiscal year"), never one alone */
    PCS_WORD_FRAME,     /* a noun of the fixed phrases that work as
                         * prepositions or adverbs ("in addition to", "at the
                         * end of", "au sein de"): after a stopword and before
                         * another (or a punctuation mark) it is no part of a
                         * key term */
    PCS_WORD_TITLE,     /* a title or role that precedes a person's name
                         * ("President", "minister", "goalie"): left out of
                         * a key term before a name ("Vladimir Putin") */
    PCS_WORD_SOURCE,    /* a noun that attributes speech ("spokesman",
                         * "officials"): may be part of a key term, never one
                         * alone, as a unit; before a name, a title */
    PCS_WORD_ADJECTIVE  /* mostly an adjective, rarely a noun ("common",
                         * "prior", "whole"): a modifier in lower case or
                         * first in its sentence; capitalised inside one, a
                         * name's word ("Gray", "Chemical Bank International") */
} pcs_word_class;

/* The class of a case-folded word form (data may be NULL). A binary search
 * in the compiled-in list: no state, safe from any thread. */
pcs_word_class pcs_language_word_class(const pcs_language_data *data,
                                       const char *folded, size_t len);

#endif
