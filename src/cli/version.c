/* precis --version: the versions of the command, the library it runs, the
 * libraries under it, and the trained model a summary would use with the
 * same options (which file, its language and size), so that a bug report
 * says everything that decides the output. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_version.h>
#include <jansson.h>
#include <utf8proc.h>

#include "cli.h"

/* Snowball's libstemmer has no version call; CMake records the installed
 * Debian package's version when there is one. */
#ifdef PRECIS_STEMMER_DEBIAN_VERSION
#define PRECIS_STEMMER_VERSION PRECIS_STEMMER_DEBIAN_VERSION " (Debian package libstemmer0d)"
#else
#define PRECIS_STEMMER_VERSION "(the library reports no version)"
#endif

int cli_print_version(const cli_summary_options *so)
{
    cli_out o = {0};
    cli_printf(&o, "precis %s (libprecis %s)\n", PRECIS_VERSION_STRING, precis_version());
    cli_printf(&o, "  utf8proc %s (Unicode %s)\n", utf8proc_version(),
               utf8proc_unicode_version());
    cli_printf(&o, "  GSL %s\n", gsl_version);
    cli_printf(&o, "  Snowball libstemmer %s, %zu languages\n", PRECIS_STEMMER_VERSION,
               precis_language_count());
    cli_printf(&o, "  jansson %s\n", jansson_version_str());

    const char *lang = so->opt.language;
    const char *canonical = NULL;
    if (precis_language_resolve(lang, &canonical, NULL) != PRECIS_OK)
        canonical = "english";
    if (strcmp(canonical, "auto") == 0)
        canonical = "english";
    int code = EXIT_OK;
    if (so->no_model) {
        cli_printf(&o, "model: none (--no-model): IDF from each document's sentences\n");
    } else {
        char *found = so->model_path ? NULL : cli_default_model_path(canonical);
        const char *path = so->model_path ? so->model_path : found;
        precis_model *m = NULL;
        precis_error err = PRECIS_ERROR_INIT;
        if (!path) {
            cli_printf(&o, "model: none found for %s (looked in $PRECIS_MODEL_DIR, the "
                           "source tree's models/, share/precis/models): IDF from each "
                           "document's sentences\n", canonical);
        } else if (precis_model_load(path, &m, &err) != PRECIS_OK) {
            cli_printf(&o, "model: %s: %s\n", path, err.message);
            code = err.status == PRECIS_ERR_IO ? EXIT_IO : EXIT_USAGE;
        } else {
            char real[PATH_MAX];
            cli_printf(&o, "model: %s\n  %s, %llu documents, %zu terms%s\n",
                       realpath(path, real) ? real : path,
                       precis_model_language(m),
                       (unsigned long long)precis_model_documents(m), precis_model_terms(m),
                       so->model_path ? "" : " (the default for this language)");
        }
        precis_model_free(m);
        free(found);
    }
    if (o.nomem) {
        free(o.s);
        return EXIT_INTERNAL;
    }
    int w = cli_write_stdout(o.s, o.n);
    free(o.s);
    return w != EXIT_OK ? w : code;
}
