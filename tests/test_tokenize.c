/* Stage 3, tokens: word boundaries, case folding, stopwords, stems, bags of
 * terms and duplicate sentences. Expected stems are Snowball's published
 * outputs for these words, written out by hand. */
#include "stages.h"

typedef stage_fixture fixture;

static precis_status run(fixture *f, const char *text, const char *language)
{
    f->opt.language = language;
    return stage_tokens(f, text);
}

static const char *surface(const fixture *f, uint32_t k, char *buf, size_t cap)
{
    const pcs_token *t = &f->doc.toks[k];
    assert_true(t->len < cap);
    memcpy(buf, f->doc.text + t->start, t->len);
    buf[t->len] = '\0';
    return buf;
}

static const char *stem_of(const fixture *f, uint32_t k)
{
    uint32_t term = f->doc.toks[k].term;
    return term == UINT32_MAX ? NULL : f->doc.terms[term].stem;
}

static void words_and_stems(void **state)
{
    fixture *f = *state;
    const char *text = "Tokyo-Moscow relations don't fall; U.S. trade rose 6.4% to "
                       "$21.3 billion (1,000 firms) \xE2\x80\x94 Abe\xE2\x80\x99s plan.";
    assert_int_equal(run(f, text, "english"), PRECIS_OK);
    static const struct {
        const char *surface, *stem; /* stem NULL: a stopword */
    } want[] = {
        {"Tokyo-Moscow", "tokyo-moscow"}, {"relations", "relat"}, {"don't", NULL},
        {"fall", "fall"}, {"U.S.", "u.s."}, {"trade", "trade"}, {"rose", "rose"},
        {"6.4", "6.4"}, {"to", NULL}, {"21.3", "21.3"}, {"billion", "billion"},
        {"1,000", "1,000"}, {"firms", "firm"}, {"Abe\xE2\x80\x99s", "abe"},
        {"plan", "plan"},
    };
    size_t n = sizeof want / sizeof want[0];
    assert_int_equal(f->doc.n_toks, n);
    char buf[64];
    for (uint32_t k = 0; k < n; k++) {
        assert_string_equal(surface(f, k, buf, sizeof buf), want[k].surface);
        if (want[k].stem) {
            assert_non_null(stem_of(f, k));
            assert_string_equal(stem_of(f, k), want[k].stem);
        } else {
            assert_null(stem_of(f, k));
            assert_int_equal(f->doc.toks[k].term, UINT32_MAX);
        }
    }
    /* Flags: first token is initial and upper case; numbers hold no
     * letter. */
    assert_true(f->doc.toks[0].flags & PCS_TOK_INITIAL);
    assert_true(f->doc.toks[0].flags & PCS_TOK_UPPER);
    assert_false(f->doc.toks[1].flags & (PCS_TOK_INITIAL | PCS_TOK_UPPER));
    assert_false(f->doc.toks[7].flags & PCS_TOK_ALPHA);
    assert_true(f->doc.toks[1].flags & PCS_TOK_ALPHA);
    assert_int_equal(f->doc.n_words, n);
}

/* Where the one-pass ASCII reading (ascii_token) hands over to the general
 * one: every byte that may join two parts of a token, next to one that
 * does not, and words either side of the longest the fast path reads. */
static void token_boundaries(void **state)
{
    fixture *f = *state;
    char text[256];
    snprintf(text, sizeof text,
             "I. x- 3. 1,a a.1 A.B. ab-cd 12.5, e.g. O'Neil x'- "
             "%s %s.",
             "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuv",   /* 48 */
             "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvw"); /* 49 */
    assert_int_equal(run(f, text, "english"), PRECIS_OK);
    static const char *const want[] = {
        "I", "x", "3", "1", "a", "a", "1", "A.B.", "ab-cd", "12.5", "e.g.", "O'Neil", "x",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuv",
        "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvw",
    };
    size_t n = sizeof want / sizeof want[0];
    assert_int_equal(f->doc.n_toks, n);
    char buf[64];
    for (uint32_t k = 0; k < n; k++)
        assert_string_equal(surface(f, k, buf, sizeof buf), want[k]);
    /* Folded alike whichever path read them: the two long words differ
     * only in the case of their first letter and in the last letter. */
    const pcs_term *a = &f->doc.terms[f->doc.toks[n - 2].term];
    const pcs_term *b = &f->doc.terms[f->doc.toks[n - 1].term];
    assert_int_equal(b->stem_len, a->stem_len + 1);
    assert_memory_equal(a->stem, b->stem, a->stem_len);
    assert_true(f->doc.toks[n - 1].flags & PCS_TOK_UPPER);
    assert_false(f->doc.toks[n - 2].flags & PCS_TOK_UPPER);
}

/* A run of letters longer than a token may be (PCS_TOKEN_MAX_LEN, the
 * width of pcs_token.len) goes on as the next token: lengths are never cut
 * short, the tokens cover the run, and a cut never splits a character. */
static void overlong_run_is_several_tokens(void **state)
{
    fixture *f = *state;
    size_t letters = PCS_TOKEN_MAX_LEN / 2 + 10, len = 0; /* two-byte letters */
    char *text = malloc(2 * letters + 32);
    assert_non_null(text);
    memcpy(text, "Long ", 5);
    len = 5;
    for (size_t i = 0; i < letters; i++, len += 2)
        memcpy(text + len, "\xC3\xA9", 2);
    memcpy(text + len, " end.", 6);
    len += 5;
    f->opt.max_sentence_words = 10;
    assert_int_equal(run(f, text, "english"), PRECIS_OK);
    assert_int_equal(f->doc.n_toks, 4);
    uint32_t at = 5;
    for (uint32_t k = 1; k <= 2; k++) {
        const pcs_token *t = &f->doc.toks[k];
        assert_int_equal(t->start, at);
        assert_true(t->len > 0 && t->len <= PCS_TOKEN_MAX_LEN);
        assert_int_equal(t->len % 2, 0);
        at += t->len;
    }
    assert_int_equal(at, 5 + 2 * letters);
    assert_int_equal(f->doc.toks[3].start, at + 1);
    free(text);
}

static void case_folding_merges_terms(void **state)
{
    fixture *f = *state;
    /* Full case folding: STRASSE, Straße and strasse are one term; so are
     * the Greek forms with final and medial sigma. */
    assert_int_equal(run(f, "STRASSE Stra\xC3\x9F" "e strasse \xCE\xA3\xCE\x9F\xCE\xA6\xCE\x9F\xCE\xA3 "
                            "\xCF\x83\xCE\xBF\xCF\x86\xCE\xBF\xCF\x82.", "english"),
                     PRECIS_OK);
    assert_int_equal(f->doc.n_toks, 5);
    assert_int_equal(f->doc.toks[0].term, f->doc.toks[1].term);
    assert_int_equal(f->doc.toks[1].term, f->doc.toks[2].term);
    assert_int_equal(f->doc.toks[3].term, f->doc.toks[4].term);
    assert_int_equal(f->doc.n_terms, 2);
    assert_int_equal(f->doc.terms[f->doc.toks[0].term].count, 3);
}

static void french_elision_and_stems(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "L'avion d'Air France s'est \xC3\xA9" "cras\xC3\xA9 pr\xC3\xA8s de l'a\xC3\xA9roport.",
                         "french"),
                     PRECIS_OK);
    /* l'avion -> avion, d'Air -> air, s'est -> est (a stopword), écrasé ->
     * écras, près, de (stopword), l'aéroport -> aéroport. */
    assert_string_equal(stem_of(f, 0), "avion");
    assert_string_equal(stem_of(f, 1), "air");
    assert_string_equal(stem_of(f, 4), "\xC3\xA9" "cras");
    assert_string_equal(stem_of(f, 7), "a\xC3\xA9roport");
}

static void sentence_without_structure(void **state)
{
    fixture *f = *state;
    f->opt.max_sentence_words = 50;
    char text[1024] = "First sentence here. Then ";
    size_t n = strlen(text);
    for (int i = 0; i < 60; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "word%d ", i);
    assert_int_equal(run(f, text, "english"), PRECIS_ERR_NO_STRUCTURE);
    assert_int_equal(f->err.offset, 21);
    assert_non_null(strstr(f->err.message, "more than 50 words"));
}

static void bags_count_terms(void **state)
{
    fixture *f = *state;
    assert_int_equal(run(f, "Cats chase cats and dogs. Dogs sleep.", "english"), PRECIS_OK);
    assert_int_equal(f->doc.n_sents, 2);
    /* Sentence 0: cat x2, chase x1, dog x1; sentence 1: dog, sleep. */
    uint32_t b0 = f->doc.bag_ptr[0], b1 = f->doc.bag_ptr[1], b2 = f->doc.bag_ptr[2];
    assert_int_equal(b1 - b0, 3);
    assert_int_equal(b2 - b1, 2);
    assert_string_equal(f->doc.terms[f->doc.bag_term[b0]].stem, "cat");
    assert_int_equal(f->doc.bag_count[b0], 2);
    assert_string_equal(f->doc.terms[f->doc.bag_term[b1]].stem, "dog");
    assert_int_equal(f->doc.bag_term[b0 + 2], f->doc.bag_term[b1]);
}

static void repeated_sentences_are_duplicates(void **state)
{
    fixture *f = *state;
    const char *text =
        "Japanese Prime Minister Shinzo Abe is set to meet Russian President Vladimir "
        "Putin in Russia\xE2\x80\x99s far east today.\n"
        "Trade between the two countries fell by 31 percent last year.\n"
        "Japanese Prime Minister Shinzo Abe is set to meet Russian President Vladimir "
        "Putin in Russia's far east today.\n"
        "VLADIVOSTOK, Russia  Japanese Prime Minister Shinzo Abe is set to meet "
        "Russian President Vladimir Putin in Russia\xE2\x80\x99s far east today.\n"
        "Japanese Prime Minister Shinzo Abe is set to meet Russian President Vladimir "
        "Putin in Russia's far east today to discuss energy, fishing rights, "
        "investment, sanctions, visas, the islands and a peace treaty.\n";
    assert_int_equal(run(f, text, "english"), PRECIS_OK);
    uint32_t dups = 0, last_body = UINT32_MAX;
    for (uint32_t i = 0; i < f->doc.n_sents; i++) {
        const pcs_sentence *s = &f->doc.sents[i];
        if (s->kind == PCS_SENT_DUPLICATE) {
            dups++;
            assert_int_equal(s->duplicate_of, 0);
        }
        if (s->kind == PCS_SENT_BODY)
            last_body = i;
    }
    /* The straight-quote copy and the copy behind the dateline repeat the
     * first sentence; the last one says much more and is kept. */
    assert_int_equal(dups, 2);
    assert_int_equal(last_body, f->doc.n_sents - 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(words_and_stems, stage_setup, stage_teardown),
        cmocka_unit_test_setup_teardown(token_boundaries, stage_setup, stage_teardown),
        cmocka_unit_test_setup_teardown(overlong_run_is_several_tokens, stage_setup, stage_teardown),
        cmocka_unit_test_setup_teardown(case_folding_merges_terms, stage_setup, stage_teardown),
        cmocka_unit_test_setup_teardown(french_elision_and_stems, stage_setup, stage_teardown),
        cmocka_unit_test_setup_teardown(sentence_without_structure, stage_setup, stage_teardown),
        cmocka_unit_test_setup_teardown(bags_count_terms, stage_setup, stage_teardown),
        cmocka_unit_test_setup_teardown(repeated_sentences_are_duplicates, stage_setup, stage_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
