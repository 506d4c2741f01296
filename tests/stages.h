/* A fixture for the unit tests of pipeline stages: a summarizer and the
 * document its stages 1 to 3 (or 4) leave for the stage under test. */
#ifndef PRECIS_TEST_STAGES_H
#define PRECIS_TEST_STAGES_H

#include "support.h"

#include "internal.h"

typedef struct stage_fixture {
    precis_summarizer *s;
    pcs_doc doc;
    precis_options opt;
    precis_error err;
} stage_fixture;

static inline int stage_init(stage_fixture *f)
{
    memset(f, 0, sizeof *f);
    precis_options_init(&f->opt, sizeof f->opt);
    precis_error_init(&f->err, sizeof f->err);
    f->opt.language = "english";
    return precis_summarizer_new(&f->s) == PRECIS_OK ? 0 : -1;
}

static inline void stage_fini(stage_fixture *f)
{
    precis_summarizer_free(f->s);
}

static inline int stage_setup(void **state)
{
    stage_fixture *f = malloc(sizeof *f);
    *state = f;
    return f ? stage_init(f) : -1;
}

static inline int stage_teardown(void **state)
{
    stage_fini(*state);
    free(*state);
    return 0;
}

/* Text, sentences and tokens of text in f->opt.language; the status. */
static inline precis_status stage_tokens(stage_fixture *f, const char *text)
{
    precis_error_init(&f->err, sizeof f->err);
    return pcs_prepare_tokens(f->s, text, strlen(text), &f->opt, &f->doc, NULL, &f->err);
}

/* The same, then TF-IDF vectors (stage 4), which must succeed. */
static inline void stage_vectors(stage_fixture *f, const char *text)
{
    assert_int_equal(stage_tokens(f, text), PRECIS_OK);
    assert_int_equal(pcs_tfidf(&f->doc, &f->s->arena, NULL), PRECIS_OK);
}

#endif
