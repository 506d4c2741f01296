/* Language resources: stemmers, stopwords and abbreviations per language.
 * Internal to libprecis. */
#ifndef PRECIS_LANGUAGE_H
#define PRECIS_LANGUAGE_H

#include <stddef.h>

/* Data compiled in from models/<code>/ (see cmake/EmbedLanguageData.cmake):
 * NULL-terminated arrays of entries, comments and blank lines removed. */
typedef struct pcs_language_data {
    const char *code;                       /* ISO 639-1 folder name, "en" */
    const char *const *stopwords;           /* NULL when the language has none */
    const char *const *abbreviations;       /* "word class"; NULL when none */
} pcs_language_data;

extern const pcs_language_data pcs_language_data_table[];
extern const size_t pcs_language_data_count;

#endif
