/* Out of memory: make the library's Nth allocation fail, for every N that
 * training a model, a summary (with the model, key terms, language
 * detection) and key terms alone make, and check
 * that each call fails cleanly with PRECIS_ERR_NOMEM and leaks nothing
 * (the sanitizer build's leak checker watches). malloc, calloc and realloc
 * are wrapped at link time (-Wl,--wrap, see tests/CMakeLists.txt), so only
 * allocations made by precis itself fail, not those inside utf8proc,
 * Snowball or GSL. */
#define _DEFAULT_SOURCE

#include "support.h"

#include <stdbool.h>
#include <unistd.h>

#include "precis.h"
#include "precis_eval.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

static long countdown = -1; /* allocations left before one fails; -1: never */
static long failures;

static size_t largest; /* the largest single request seen */

static bool fail_now(size_t n)
{
    if (n > largest)
        largest = n;
    if (countdown < 0)
        return false;
    if (countdown-- == 0) {
        failures++;
        return true;
    }
    return false;
}

void *__wrap_malloc(size_t n)
{
    return fail_now(n) ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return fail_now(size && n > SIZE_MAX / size ? SIZE_MAX : n * size) ? NULL
                                                                        : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    return fail_now(n) ? NULL : __real_realloc(p, n);
}

static const char *text =
    "Storm batters coast\n"
    "A powerful storm hit the northern coast on Monday, cutting power to thousands.\n"
    "Emergency crews worked through the night to restore electricity, officials said.\n"
    "Schools in the region stayed closed as roads flooded and trees fell.\n"
    "Forecasters expect calmer weather by the weekend, but warn of more rain.\n"
    "Insurers said claims could reach record levels after the storm.\n";

static char model_path[64];

/* One whole job: count a document into a model and write it; summarise
 * with the model and render JSON; extract key terms alone; free it all. */
static precis_status job(const precis_model *model)
{
    precis_model_builder *b = NULL;
    precis_status bs = precis_model_builder_new("english", &b, NULL);
    if (bs == PRECIS_OK)
        bs = precis_model_builder_add_text(b, text, strlen(text), NULL);
    if (bs == PRECIS_OK)
        bs = precis_model_builder_write(b, model_path, 1, NULL);
    precis_model_builder_free(b);
    if (bs != PRECIS_OK)
        return bs;
    precis_summarizer *s = NULL;
    precis_status st = precis_summarizer_new(&s);
    if (st != PRECIS_OK)
        return st;
    precis_options o;
    precis_options_init(&o, sizeof o);
    o.model = model;
    precis_result *r = NULL;
    st = precis_summarize(s, text, strlen(text), &o, &r, NULL);
    char *json = NULL;
    if (st == PRECIS_OK)
        st = precis_result_json(r, NULL, &json, NULL);
    precis_free(json);
    precis_result_free(r);
    r = NULL;
    if (st == PRECIS_OK)
        st = precis_extract_keywords(s, text, strlen(text), &o, &r, NULL);
    precis_result_free(r);
    precis_summarizer_free(s);
    return st;
}

static void every_allocation_can_fail(void **state)
{
    (void)state;
    /* A model built in memory and written to a temporary file, so the
     * model path is covered too. */
    char path[] = "/tmp/precis-test-alloc-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    snprintf(model_path, sizeof model_path, "%s.job", path);
    precis_model_builder *b = NULL;
    assert_int_equal(precis_model_builder_new("english", &b, NULL), PRECIS_OK);
    assert_int_equal(precis_model_builder_add_text(b, text, strlen(text), NULL), PRECIS_OK);
    assert_int_equal(precis_model_builder_write(b, path, 1, NULL), PRECIS_OK);
    precis_model_builder_free(b);
    precis_model *model = NULL;
    assert_int_equal(precis_model_load(path, &model, NULL), PRECIS_OK);
    unlink(path);

    long n;
    for (n = 0; n < 100000; n++) {
        countdown = n;
        failures = 0;
        precis_status st = job(model);
        countdown = -1;
        if (failures == 0) {
            /* The job needed fewer than n + 1 allocations: all covered. */
            assert_int_equal(st, PRECIS_OK);
            break;
        }
        if (st != PRECIS_ERR_NOMEM)
            fail_msg("allocation %ld failed but the job returned %s", n,
                     precis_status_string(st));
    }
    assert_true(n > 20 && n < 100000);
    printf("each of the %ld allocations of the job failed in turn, cleanly\n", n);
    precis_model_free(model);
    unlink(model_path);
}

/* Issue 10, defect 8: the loader allocated the payload size its header
 * claims before reading anything: a 128-byte file asked for 4 GiB. */
static void a_header_alone_allocates_nothing_big(void **state)
{
    (void)state;
    unsigned char h[128] = "PRECISMD";
    h[8] = 3;          /* version */
    h[12] = 128;       /* header size */
    h[96 + 4] = 1;     /* payload: 4 GiB */
    char path[] = "/tmp/precis-test-alloc-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, h, sizeof h), (ssize_t)sizeof h);
    close(fd);
    largest = 0;
    precis_model *m = NULL;
    precis_error err = PRECIS_ERROR_INIT;
    assert_int_equal(precis_model_load(path, &m, &err), PRECIS_ERR_MODEL);
    unlink(path);
    assert_non_null(strstr(err.message, "truncated"));
    if (largest > 65536)
        fail_msg("loading a 128-byte file asked for %zu bytes at once", largest);

    /* The same from a pipe, whose size is not known beforehand. */
    int p[2];
    assert_int_equal(pipe(p), 0);
    assert_int_equal(write(p[1], h, sizeof h), (ssize_t)sizeof h);
    close(p[1]);
    char dev[64];
    snprintf(dev, sizeof dev, "/dev/fd/%d", p[0]);
    largest = 0;
    assert_int_equal(precis_model_load(dev, &m, &err), PRECIS_ERR_MODEL);
    close(p[0]);
    assert_non_null(strstr(err.message, "truncated"));
    if (largest > 65536 + 256)
        fail_msg("loading a 128-byte pipe asked for %zu bytes at once", largest);
}

/* Issue 10, defect 5: ROUGE-L allocated its whole LCS table, (m + 1) x
 * (n + 1) cells for sentences of m and n tokens: 1.6 GB for one 138 kB line
 * scored against itself. A 5,000-token line asked for 100 MB; the
 * checkpointed table needs about 2 sqrt(m) (n + 1) cells, under 3 MB. */
static void rouge_memory_grows_slowly(void **state)
{
    (void)state;
    precis_rouge_scorer *scorer = NULL;
    if (precis_rouge_scorer_new(NULL, &scorer, NULL) != PRECIS_OK)
        skip(); /* no WordNet lists: test_rouge says so */
    enum { WORDS = 5000 };
    static char line[WORDS * 8];
    size_t n = 0;
    for (int i = 0; i < WORDS; i++)
        n += (size_t)snprintf(line + n, sizeof line - n, "w%d ", (i * 7919) % 613);
    const char *refs[1] = {line};
    size_t lens[1] = {n};
    precis_rouge r;
    largest = 0;
    assert_int_equal(precis_rouge_evaluate(scorer, line, n, refs, lens, 1, &r, NULL), PRECIS_OK);
    precis_rouge_scorer_free(scorer);
    assert_true(r.rougeL.recall == 1.0);
    if (largest > (size_t)16 << 20)
        fail_msg("ROUGE of a %d-token line asked for %zu bytes at once", WORDS, largest);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(every_allocation_can_fail),
                                       cmocka_unit_test(a_header_alone_allocates_nothing_big),
                                       cmocka_unit_test(rouge_memory_grows_slowly)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
