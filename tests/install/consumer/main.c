/* A program that uses libprecis the way a user's would: through the
 * installed header and library only. Prints the library's version, then a
 * one-sentence summary of the file it is given; tests/install/run.sh checks
 * both. */
#include <stdio.h>
#include <string.h>

#include <precis.h>

int main(int argc, char **argv)
{
    static char text[1 << 16];
    FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
    size_t len = f ? fread(text, 1, sizeof text, f) : 0;
    if (f)
        fclose(f);
    precis_summarizer *s = NULL;
    precis_result *r = NULL;
    precis_options o;
    precis_options_init(&o, sizeof o);
    o.sentences = 1;
    precis_error err = PRECIS_ERROR_INIT;
    if (precis_summarizer_new(&s) != PRECIS_OK ||
        precis_summarize(s, text, len, &o, &r, &err) != PRECIS_OK) {
        fprintf(stderr, "consumer: %s\n", err.message);
        return 1;
    }
    printf("precis %s (header %s)\n", precis_version(), PRECIS_VERSION_STRING);
    printf("%s\n", precis_result_sentence(r, 0)->text);
    precis_result_free(r);
    precis_summarizer_free(s);
    return strcmp(precis_version(), PRECIS_VERSION_STRING) == 0 ? 0 : 1;
}
