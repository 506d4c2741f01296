/* ROUGE: small cases worked out by hand from ROUGE-1.5.5's rules, then the
 * team's fixtures (stems.tsv, expected.tsv, expected-mean.tsv), which
 * ROUGE-1.5.5.pl itself produced. */
#define _POSIX_C_SOURCE 200809L

#include "support.h"

#include <unistd.h>

#include "eval/rouge.h"

static precis_rouge_scorer *scorer; /* from /usr/share/wordnet */

static int make_scorer(void **state)
{
    (void)state;
    precis_error err = PRECIS_ERROR_INIT;
    if (precis_rouge_scorer_new(NULL, &scorer, &err) != PRECIS_OK) {
        printf("cannot create the ROUGE scorer: %s\n", err.message);
        return -1;
    }
    return 0;
}

static int free_scorer(void **state)
{
    (void)state;
    precis_rouge_scorer_free(scorer);
    scorer = NULL;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Hand-computed cases                                                       */
/* ------------------------------------------------------------------------ */

static void check_score(const precis_rouge_score *s, double p, double r,
                        double f)
{
    char got[64], want[64];
    snprintf(got, sizeof got, "%.5f %.5f %.5f", s->precision, s->recall, s->f);
    snprintf(want, sizeof want, "%.5f %.5f %.5f", p, r, f);
    assert_string_equal(got, want);
}

/* Score cand against up to two NUL-terminated references. */
static precis_rouge eval2(const char *cand, const char *ref_a,
                          const char *ref_b)
{
    const char *refs[2] = {ref_a, ref_b};
    size_t lens[2] = {strlen(ref_a), ref_b ? strlen(ref_b) : 0};
    precis_rouge out;
    precis_error err = PRECIS_ERROR_INIT;
    precis_status st = precis_rouge_evaluate(scorer, cand, strlen(cand), refs,
                                             lens, ref_b ? 2 : 1, &out, &err);
    if (st != PRECIS_OK)
        fail_msg("precis_rouge_evaluate: %s", err.message);
    return out;
}

static void check_stem(const char *word, const char *want)
{
    char buf[64];
    size_t len;
    const char *s = pcs_rouge_stem(scorer, word, strlen(word), buf, &len);
    char got[64];
    snprintf(got, sizeof got, "%.*s", (int)len, s);
    assert_string_equal(got, want);
}

static void test_stem_rules(void **state)
{
    (void)state;
    /* ROUGE's Porter, where it parts from Snowball's. */
    check_stem("agreement", "agreem");
    check_stem("apology", "apolog");
    check_stem("accidental", "accid");
    check_stem("hopping", "hop");
    check_stem("hoping", "hope");
    /* Irregular forms, and the base ROUGE keeps where there are several:
     * the first one listed ("comics comic_strip comic"), or its choice. */
    check_stem("children", "child");
    check_stem("went", "go");
    check_stem("running", "run");
    check_stem("comics", "comic_strip");
    check_stem("better", "good");
    check_stem("best", "good");
    check_stem("testes", "testes");
    check_stem("offer", "offer");
    check_stem("aurar", "eyrir");
    check_stem("involucra", "involucrum");
    /* WordNet 3.0 lists "morses morse mors", WordNet 2.0 did not: Porter
     * then gives mors (morse -> step 5 drops the e). */
    check_stem("morses", "mors");
    /* Three bytes or fewer: never stemmed, never looked up. */
    check_stem("was", "was");
    check_stem("its", "its");
    check_stem("men", "men");
}

static void test_lcs_tie(void **state)
{
    (void)state;
    /* Reference sentence "cat dog" against candidate sentence "dog cat":
     * both words are an LCS. On the tie at the end ROUGE drops the
     * reference's "dog", so the LCS it marks is "cat"; the second candidate
     * sentence "cat" marks "cat" again, so the union is {cat}: 1 hit. The
     * other tie rule would mark dog then cat: 2 hits.
     * L: R = 1/2, P = 1/3 -> 0.33333, F = .33333*.5/(.166665+.25) = 0.40000.
     * 1: hits cat + dog = 2: R = 1, P = 2/3 -> 0.66667, F = 0.80000.
     * 2: candidate bigrams "dog cat", "cat cat" (across the line), none
     * in the reference. */
    precis_rouge r = eval2("dog cat\ncat", "cat dog", NULL);
    check_score(&r.rougeL, 0.33333, 0.5, 0.4);
    check_score(&r.rouge1, 0.66667, 1.0, 0.8);
    check_score(&r.rouge2, 0, 0, 0);
}

/* Issue 10, defect 9: texts without a single token (empty, or only
 * punctuation) made ROUGE offset a NULL pointer (undefined behaviour, an
 * abort under UBSan). They score zero. */
static void test_tokenless(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {{"", ""}, {"", "a cat"}, {"a cat", ""},
                                           {"!!! ...", "??? ,,,"}, {"\n\n", "--"}};
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        precis_rouge r = eval2(pairs[i][0], pairs[i][1], NULL);
        check_score(&r.rouge1, 0, 0, 0);
        check_score(&r.rougeL, 0, 0, 0);
    }
}

/* The trace-back ROUGE-1.5.5 uses, on the whole table: what lcs_mark
 * computes from checkpoints must mark the same positions. */
static void full_table_mark(const int *a, size_t m, const int *b, size_t n, uint8_t *hit)
{
    uint32_t *dp = calloc((m + 1) * (n + 1), sizeof *dp);
    assert_non_null(dp);
    for (size_t i = 1; i <= m; i++)
        for (size_t j = 1; j <= n; j++) {
            uint32_t up = dp[(i - 1) * (n + 1) + j], left = dp[i * (n + 1) + j - 1];
            dp[i * (n + 1) + j] =
                a[i - 1] == b[j - 1] ? dp[(i - 1) * (n + 1) + j - 1] + 1 : up >= left ? up : left;
        }
    for (size_t i = m, j = n; i > 0 && j > 0;) {
        if (a[i - 1] == b[j - 1])
            hit[--i] = 1, j--;
        else if (dp[(i - 1) * (n + 1) + j] >= dp[i * (n + 1) + j - 1])
            i--;
        else
            j--;
    }
    free(dp);
}

/* Issue 10, defect 5: ROUGE-L kept the whole LCS table (1.6 GB for one
 * long line); it now keeps checkpoint rows and recomputes blocks. Random
 * sentences over a few words (ties everywhere), one reference sentence
 * against several candidate lines, must give the union-LCS hits of the
 * full table. */
static void test_lcs_blocks(void **state)
{
    (void)state;
    uint64_t x = 12345;
    for (int round = 0; round < 200; round++) {
        int ref[160], cand[3][120];
        size_t m = 1, n[3], total = 0;
        x = x * 6364136223846793005u + 1442695040888963407u;
        m = 1 + (x >> 33) % 160;
        char rtext[1024], ctext[2048];
        size_t rl = 0, cl = 0;
        for (size_t i = 0; i < m; i++) {
            x = x * 6364136223846793005u + 1442695040888963407u;
            ref[i] = (int)((x >> 40) % 5);
            rl += (size_t)snprintf(rtext + rl, sizeof rtext - rl, "w%d ", ref[i]);
        }
        uint8_t hit[160] = {0};
        int ref_count[5] = {0}, cand_count[5] = {0};
        for (size_t i = 0; i < m; i++)
            ref_count[ref[i]]++;
        for (int c = 0; c < 3; c++) {
            x = x * 6364136223846793005u + 1442695040888963407u;
            n[c] = 1 + (x >> 35) % 120;
            for (size_t j = 0; j < n[c]; j++) {
                x = x * 6364136223846793005u + 1442695040888963407u;
                cand[c][j] = (int)((x >> 41) % 5);
                cand_count[cand[c][j]]++;
                cl += (size_t)snprintf(ctext + cl, sizeof ctext - cl, "w%d ", cand[c][j]);
            }
            ctext[cl++] = '\n';
            ctext[cl] = '\0';
            total += n[c];
            full_table_mark(ref, m, cand[c], n[c], hit);
        }
        uint64_t hits = 0;
        for (size_t i = 0; i < m; i++)
            if (hit[i] && ref_count[ref[i]] > 0 && cand_count[ref[i]] > 0) {
                hits++;
                ref_count[ref[i]]--;
                cand_count[ref[i]]--;
            }
        precis_rouge r = eval2(ctext, rtext, NULL);
        assert_true(r.rougeL.recall == pcs_rouge_round5((double)hits / (double)m));
        assert_true(r.rougeL.precision == pcs_rouge_round5((double)hits / (double)total));
    }
}

static void test_lcs_clipping(void **state)
{
    (void)state;
    /* Two reference sentences "cat" both get their LCS with the candidate
     * "cat", but the candidate has one cat: the second hit is clipped.
     * L = 1 hit of 2 reference tokens, P = 1/1. */
    precis_rouge r = eval2("cat", "cat\ncat", NULL);
    check_score(&r.rougeL, 1.0, 0.5, 0.66667);
    check_score(&r.rouge1, 1.0, 0.5, 0.66667);
    /* The union LCS over candidate sentences: "cat" and "dog" come from
     * different candidate sentences and both count. Empty lines are no
     * sentences and n-grams run across lines: "cat dog" is a bigram. */
    r = eval2("cat\n\n\ndog", "cat dog", NULL);
    check_score(&r.rougeL, 1.0, 1.0, 1.0);
    check_score(&r.rouge2, 1.0, 1.0, 1.0);
}

static void test_pooling(void **state)
{
    (void)state;
    /* Hits and counts add up over references; the candidate's count is
     * added once per reference.
     * 1: hits 2 (the, cat) + 1 (sat) = 3; R = 3/5, P = 3/6, F = 0.54545.
     * 2: "the cat" hits in A; R = 1/(1+2) = 0.33333, P = 1/(2+2) = 0.25,
     *    F = .0833325/.291665 = 0.28571.
     * L: LCS "the cat" with A, "sat" with B: as ROUGE-1. */
    precis_rouge r = eval2("the cat sat", "the cat", "a dog sat");
    check_score(&r.rouge1, 0.5, 0.6, 0.54545);
    check_score(&r.rouge2, 0.25, 0.33333, 0.28571);
    check_score(&r.rougeL, 0.5, 0.6, 0.54545);
    /* The candidate's single "cat" matches each reference's: clipping is
     * per reference. */
    r = eval2("cat", "cat", "cat");
    check_score(&r.rouge1, 1.0, 1.0, 1.0);
    check_score(&r.rougeL, 1.0, 1.0, 1.0);
}

static void test_rounding(void **state)
{
    (void)state;
    /* 7 hits, 10 candidate and 11 reference tokens: P 0.70000, R 0.63636,
     * and F from those rounded figures is 0.666664 -> 0.66666 (from the
     * exact ones it would be 0.66667). */
    precis_rouge r = eval2("a b c d e f g x y z", "a b c d e f g p q r s", NULL);
    check_score(&r.rouge1, 0.7, 0.63636, 0.66666);

    /* pcs_rouge_round5 against the C library's printf on every fraction
     * ROUGE could form with small counts, exact ties (k/64) included. */
    char want[32], got[32];
    for (unsigned den = 1; den <= 700; den++) {
        for (unsigned num = 0; num <= den; num++) {
            double x = (double)num / (double)den;
            snprintf(want, sizeof want, "%.5f", x);
            snprintf(got, sizeof got, "%.5f", pcs_rouge_round5(x));
            if (strcmp(want, got) != 0)
                fail_msg("%u/%u: printf %s, round5 %s", num, den, want, got);
            /* The stored value must be the one Perl reads back. */
            assert_true(pcs_rouge_round5(x) == strtod(want, NULL));
        }
    }
    assert_true(pcs_rouge_round5(1.0 / 64) == 0.01562);
    assert_true(pcs_rouge_round5(3.0 / 64) == 0.04688);
}

static void test_tokens(void **state)
{
    (void)state;
    /* "its" has 3 letters and stays; "cats" is stemmed to "cat". */
    precis_rouge r = eval2("its cats", "it cat", NULL);
    check_score(&r.rouge1, 0.5, 0.5, 0.5);
    /* '-' separates words and is no token itself; neither are a lone "-",
     * "--" or a leading '-'. */
    r = eval2("state-of-the-art -- -x", "state of the art x", NULL);
    check_score(&r.rouge1, 1.0, 1.0, 1.0);
    check_score(&r.rouge2, 1.0, 1.0, 1.0);
    /* Every byte of a non-ASCII character separates: "Café" is "caf",
     * "naïve" is "na ve". */
    r = eval2("Caf\xc3\xa9 na\xc3\xafve", "caf na ve", NULL);
    check_score(&r.rouge1, 1.0, 1.0, 1.0);
    check_score(&r.rouge2, 1.0, 1.0, 1.0);
    check_score(&r.rougeL, 1.0, 1.0, 1.0);
    /* Only A-Z is lower-cased; stems are compared. */
    r = eval2("The Children WENT Running", "the child go run", NULL);
    check_score(&r.rouge1, 1.0, 1.0, 1.0);
    /* No tokens at all: zeros, not an error. */
    r = eval2("-- !! \xe2\x80\x94", "cat", NULL);
    check_score(&r.rouge1, 0, 0, 0);
    check_score(&r.rougeL, 0, 0, 0);
    r = eval2("", "", NULL);
    check_score(&r.rouge2, 0, 0, 0);
}

static void test_errors(void **state)
{
    (void)state;
    precis_rouge_scorer *sc = (precis_rouge_scorer *)1;
    precis_error err = PRECIS_ERROR_INIT;
    assert_int_equal(precis_rouge_scorer_new("/nonexistent/precis-wordnet",
                                             &sc, &err),
                     PRECIS_ERR_IO);
    assert_null(sc);
    assert_int_equal(err.status, PRECIS_ERR_IO);
    assert_non_null(strstr(err.message, "/nonexistent/precis-wordnet/adj.exc"));
    assert_non_null(strstr(err.message, "apt-get install wordnet-base"));

    /* One list present, the next missing: the message names that one. */
    char dir[] = "/tmp/precis-rouge-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/adj.exc", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("worse bad\n", f);
    fclose(f);
    assert_int_equal(precis_rouge_scorer_new(dir, &sc, &err), PRECIS_ERR_IO);
    assert_non_null(strstr(err.message, "adv.exc"));
    assert_non_null(strstr(err.message, "apt-get install wordnet-base"));
    unlink(path);
    rmdir(dir);

    assert_int_equal(precis_rouge_scorer_new(NULL, NULL, NULL),
                     PRECIS_ERR_ARGUMENT);
    precis_rouge_scorer_free(NULL);

    const char *refs[1] = {"cat"};
    size_t lens[1] = {3};
    precis_rouge out;
    assert_int_equal(precis_rouge_evaluate(scorer, "cat", 3, refs, lens, 0,
                                           &out, &err),
                     PRECIS_ERR_ARGUMENT);
    assert_int_equal(precis_rouge_evaluate(NULL, "cat", 3, refs, lens, 1, &out,
                                           &err),
                     PRECIS_ERR_ARGUMENT);
    assert_int_equal(precis_rouge_evaluate(scorer, "cat", 3, NULL, lens, 1,
                                           &out, &err),
                     PRECIS_ERR_ARGUMENT);
    assert_int_equal(precis_rouge_evaluate(scorer, NULL, 3, refs, lens, 1,
                                           &out, &err),
                     PRECIS_ERR_ARGUMENT);
    assert_int_equal(precis_rouge_evaluate(scorer, "cat", 3, refs, lens, 1,
                                           NULL, NULL),
                     PRECIS_ERR_ARGUMENT);
}

/* ------------------------------------------------------------------------ */
/* Fixtures                                                                  */
/* ------------------------------------------------------------------------ */

static char fixtures[1024]; /* <shared>/fixtures/rouge */

static char *read_fixture(const char *name, size_t *len)
{
    char path[1400];
    snprintf(path, sizeof path, "%s/%s", fixtures, name);
    return test_read_file(path, len);
}

/* Next tab- or newline-ended field of *p; NULL at the end of the line. */
static char *field(char **p)
{
    char *s = *p;
    if (*s == '\0' || *s == '\n')
        return NULL;
    char *e = s + strcspn(s, "\t\n");
    *p = *e == '\t' ? e + 1 : e;
    *e = '\0';
    return s;
}

static char *next_line(char *p)
{
    char *nl = strchr(p, '\n');
    return nl ? nl + 1 : p + strlen(p);
}

static void test_fixture_stems(void **state)
{
    (void)state;
    char *data = read_fixture("stems.tsv", NULL);
    assert_non_null(data);
    size_t lines = 0, bad = 0;
    char buf[256];
    for (char *p = data; *p;) {
        char *line = p;
        p = next_line(p);
        char *word = field(&line), *want = field(&line);
        if (!word || !want)
            continue;
        lines++;
        size_t wlen = strlen(word), len;
        assert_true(wlen <= sizeof buf);
        const char *got = pcs_rouge_stem(scorer, word, wlen, buf, &len);
        if (len != strlen(want) || memcmp(got, want, len) != 0) {
            if (bad++ < 20)
                printf("stem %s: got %.*s, ROUGE %s\n", word, (int)len, got,
                       want);
        }
    }
    free(data);
    printf("stems.tsv: %zu of %zu words match\n", lines - bad, lines);
    assert_int_equal(lines, 34583);
    assert_int_equal(bad, 0);
}

static const char *const figure_names[9] = {
    "R1 P", "R1 R", "R1 F", "R2 P", "R2 R", "R2 F", "RL P", "RL R", "RL F"};

static void figures_of(const precis_rouge *r, double v[9])
{
    const precis_rouge_score *s[3] = {&r->rouge1, &r->rouge2, &r->rougeL};
    for (int m = 0; m < 3; m++) {
        v[3 * m] = s[m]->precision;
        v[3 * m + 1] = s[m]->recall;
        v[3 * m + 2] = s[m]->f;
    }
}

static void test_fixture_scores(void **state)
{
    (void)state;
    char *data = read_fixture("expected.tsv", NULL);
    assert_non_null(data);
    double sum[9] = {0};
    size_t pairs = 0, figures = 0, bad = 0;
    char *p = next_line(data); /* header */
    while (*p) {
        char *line = p;
        p = next_line(p);
        char *id = field(&line);
        if (!id)
            continue;
        char name[512];
        size_t lens[2];
        char *texts[3];
        snprintf(name, sizeof name, "cand/%s.txt", id);
        size_t cand_len;
        texts[0] = read_fixture(name, &cand_len);
        snprintf(name, sizeof name, "ref/%s.A.txt", id);
        texts[1] = read_fixture(name, &lens[0]);
        snprintf(name, sizeof name, "ref/%s.B.txt", id);
        texts[2] = read_fixture(name, &lens[1]);
        assert_non_null(texts[0]);
        assert_non_null(texts[1]);
        const char *refs[2] = {texts[1], texts[2]};
        precis_rouge r;
        precis_error err = PRECIS_ERROR_INIT;
        precis_status st = precis_rouge_evaluate(
            scorer, texts[0], cand_len, refs, lens, texts[2] ? 2 : 1, &r, &err);
        if (st != PRECIS_OK)
            fail_msg("%s: %s", id, err.message);
        double v[9];
        figures_of(&r, v);
        pairs++;
        for (int i = 0; i < 9; i++) {
            char *want = field(&line);
            assert_non_null(want);
            char got[32];
            snprintf(got, sizeof got, "%.5f", v[i]);
            figures++;
            if (strcmp(got, want) != 0 && bad++ < 20)
                printf("%s %s: got %s, ROUGE-1.5.5 %s\n", id, figure_names[i],
                       got, want);
            sum[i] += v[i];
        }
        for (int i = 0; i < 3; i++)
            free(texts[i]);
    }
    free(data);
    printf("expected.tsv: %zu of %zu figures match (%zu pairs)\n",
           figures - bad, figures, pairs);
    assert_int_equal(pairs, 328);
    assert_int_equal(bad, 0);

    /* The plain mean of the per-pair figures. */
    data = read_fixture("expected-mean.tsv", NULL);
    assert_non_null(data);
    size_t rows = 0;
    for (p = next_line(data); *p;) {
        char *line = p;
        p = next_line(p);
        char *metric = field(&line), *kind = field(&line);
        if (!metric || !kind || strcmp(kind, "mean-of-pairs") != 0)
            continue;
        int m = strcmp(metric, "ROUGE-1") == 0   ? 0
                : strcmp(metric, "ROUGE-2") == 0 ? 1
                : strcmp(metric, "ROUGE-L") == 0 ? 2
                                                 : -1;
        assert_true(m >= 0);
        for (int i = 0; i < 3; i++) {
            char *want = field(&line), got[32];
            assert_non_null(want);
            snprintf(got, sizeof got, "%.5f", sum[3 * m + i] / (double)pairs);
            if (strcmp(got, want) != 0)
                fail_msg("mean %s %s: got %s, expected %s", metric,
                         figure_names[3 * m + i] + 3, got, want);
        }
        rows++;
    }
    free(data);
    printf("expected-mean.tsv: %zu mean-of-pairs rows match\n", rows);
    assert_int_equal(rows, 3);
}

/* Scoring prepared units must equal scoring the same units joined by
 * newlines, for every subset in document order (units 2 and 6 hold no
 * token; bigrams run across the joins). */
static void test_units_match_evaluate(void **state)
{
    (void)state;
    static const char *const units[] = {"The cat sat down.", "On the mat, quietly!",
                                        "-- ...", "The dog ran away from the cats.",
                                        "Cats and dogs: running.", "sat on the mat", ""};
    enum { N = sizeof units / sizeof units[0] };
    size_t lens[N];
    for (size_t i = 0; i < N; i++)
        lens[i] = strlen(units[i]);
    const char *refs[2] = {"The cat sat on the mat.\nThe dog ran.", "A cat and a dog ran."};
    size_t ref_lens[2] = {strlen(refs[0]), strlen(refs[1])};
    for (size_t n_refs = 1; n_refs <= 2; n_refs++) {
        pcs_rouge_units *u = NULL;
        assert_int_equal(pcs_rouge_units_new(scorer, units, lens, N, refs, ref_lens, n_refs, &u,
                                             NULL),
                         PRECIS_OK);
        for (unsigned mask = 0; mask < (1u << N); mask++) {
            uint32_t chosen[N];
            size_t n = 0;
            char joined[512] = "";
            for (uint32_t i = 0; i < N; i++) {
                if (!(mask & (1u << i)))
                    continue;
                chosen[n++] = i;
                strcat(joined, units[i]);
                strcat(joined, "\n");
            }
            precis_rouge_score r1, r2;
            assert_int_equal(pcs_rouge_units_score(u, chosen, n, &r1, &r2), PRECIS_OK);
            precis_rouge want;
            assert_int_equal(precis_rouge_evaluate(scorer, joined, strlen(joined), refs,
                                                   ref_lens, n_refs, &want, NULL),
                             PRECIS_OK);
            assert_true(r1.precision == want.rouge1.precision && r1.recall == want.rouge1.recall &&
                        r1.f == want.rouge1.f);
            assert_true(r2.precision == want.rouge2.precision && r2.recall == want.rouge2.recall &&
                        r2.f == want.rouge2.f);
        }
        pcs_rouge_units_free(u);
    }
}

int main(void)
{
    const struct CMUnitTest hand[] = {
        cmocka_unit_test(test_stem_rules), cmocka_unit_test(test_lcs_tie),
        cmocka_unit_test(test_lcs_clipping), cmocka_unit_test(test_pooling),
        cmocka_unit_test(test_rounding), cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_errors), cmocka_unit_test(test_units_match_evaluate),
        cmocka_unit_test(test_tokenless), cmocka_unit_test(test_lcs_blocks),
    };
    int failed = cmocka_run_group_tests_name("rouge", hand, make_scorer,
                                             free_scorer);
    if (failed)
        return failed;

    const char *shared = test_require_shared("the ROUGE-1.5.5 fixtures");
    snprintf(fixtures, sizeof fixtures, "%s/fixtures/rouge", shared);
    const struct CMUnitTest data[] = {
        cmocka_unit_test(test_fixture_stems),
        cmocka_unit_test(test_fixture_scores),
    };
    return cmocka_run_group_tests_name("rouge fixtures", data, make_scorer,
                                       free_scorer);
}
