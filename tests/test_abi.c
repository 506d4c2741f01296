/* ABI: a program compiled against an older precis.h, whose structs have
 * fewer fields, must keep working with this library (precis.h, "ABI").
 * The older layouts below are precis_options, precis_json_options and
 * precis_error as a header would declare them before their last fields
 * were appended; each sits in a buffer followed by a canary that the
 * library must leave alone. Only precis.h is used, as by a user. */
#include "support.h"

#include "precis.h"

/* precis_options before `seed` and `ablate` were appended. */
typedef struct options_v1 {
    size_t size;
    const char *language;
    precis_method method;
    size_t sentences;
    size_t words;
    double ratio;
    size_t keywords;
    double damping;
    double tolerance;
    size_t max_iterations;
    int repair_utf8;
    size_t max_bytes;
    size_t max_sentence_words;
    const precis_model *model;
} options_v1;

#define SAME_FIELD(old, new, f) \
    _Static_assert(offsetof(old, f) == offsetof(new, f), #f " moved: fields are append-only")
SAME_FIELD(options_v1, precis_options, size);
SAME_FIELD(options_v1, precis_options, language);
SAME_FIELD(options_v1, precis_options, method);
SAME_FIELD(options_v1, precis_options, sentences);
SAME_FIELD(options_v1, precis_options, words);
SAME_FIELD(options_v1, precis_options, ratio);
SAME_FIELD(options_v1, precis_options, keywords);
SAME_FIELD(options_v1, precis_options, damping);
SAME_FIELD(options_v1, precis_options, tolerance);
SAME_FIELD(options_v1, precis_options, max_iterations);
SAME_FIELD(options_v1, precis_options, repair_utf8);
SAME_FIELD(options_v1, precis_options, max_bytes);
SAME_FIELD(options_v1, precis_options, max_sentence_words);
SAME_FIELD(options_v1, precis_options, model);
_Static_assert(sizeof(options_v1) < sizeof(precis_options), "the old layout must be smaller");

/* precis_json_options before `compact`, precis_error with a shorter
 * message. */
typedef struct json_options_v1 {
    size_t size;
    const char *source;
} json_options_v1;
SAME_FIELD(json_options_v1, precis_json_options, source);

typedef struct error_v1 {
    size_t size;
    precis_status status;
    size_t offset;
    char message[40];
} error_v1;
SAME_FIELD(error_v1, precis_error, status);
SAME_FIELD(error_v1, precis_error, offset);
SAME_FIELD(error_v1, precis_error, message);

#if PRECIS_VERSION_NUMBER < 200
#error "PRECIS_VERSION_NUMBER must be MAJOR * 10000 + MINOR * 100 + PATCH"
#endif

#define CANARY 0xA5
static void assert_canary(const unsigned char *c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (c[i] != CANARY)
            fail_msg("the library wrote byte %zu past the caller's struct", i);
}

static const char text[] =
    "The river flooded the old town after three days of rain. "
    "The flood closed the bridge over the river for a week. "
    "Children in the town were sent home from school. "
    "Engineers said the bridge over the river would be repaired. "
    "Shops near the river stayed shut until the water went down.";

static char *render(const precis_options *o, const precis_json_options *jo)
{
    precis_summarizer *s = NULL;
    precis_result *r = NULL;
    precis_error err = PRECIS_ERROR_INIT;
    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    if (precis_summarize(s, text, strlen(text), o, &r, &err) != PRECIS_OK)
        fail_msg("summarize: %s", err.message);
    char *json = NULL;
    assert_int_equal(precis_result_json(r, jo, &json, NULL), PRECIS_OK);
    precis_result_free(r);
    precis_summarizer_free(s);
    return json;
}

static void older_options_work(void **state)
{
    (void)state;
    struct {
        options_v1 o;
        unsigned char canary[64];
    } box;
    memset(&box, CANARY, sizeof box);
    precis_options *as_new = (precis_options *)(void *)&box.o;
    assert_int_equal(precis_options_init(as_new, sizeof box.o), PRECIS_OK);
    assert_canary(box.canary, sizeof box.canary);
    assert_int_equal(box.o.size, sizeof box.o);
    assert_string_equal(box.o.language, "auto");
    assert_int_equal(box.o.sentences, 3);
    box.o.sentences = 2;
    box.o.method = PRECIS_METHOD_RANDOM; /* so the missing seed matters */
    assert_int_equal(precis_options_validate(as_new, NULL), PRECIS_OK);

    /* The same request through today's struct, the appended fields at
     * their defaults: the old program must get exactly this. */
    precis_options now;
    precis_options_init(&now, sizeof now);
    now.sentences = 2;
    now.method = PRECIS_METHOD_RANDOM;
    char *want = render(&now, NULL);
    char *got = render(as_new, NULL);
    assert_string_equal(got, want);
    assert_canary(box.canary, sizeof box.canary);
    precis_free(got);
    precis_free(want);
}

static void older_json_options_work(void **state)
{
    (void)state;
    struct {
        json_options_v1 o;
        unsigned char canary[32];
    } box;
    memset(&box, CANARY, sizeof box);
    precis_json_options *as_new = (precis_json_options *)(void *)&box.o;
    assert_int_equal(precis_json_options_init(as_new, sizeof box.o), PRECIS_OK);
    assert_canary(box.canary, sizeof box.canary);
    box.o.source = "old.txt";
    precis_json_options now;
    precis_json_options_init(&now, sizeof now);
    now.source = "old.txt";
    char *want = render(NULL, &now);
    char *got = render(NULL, as_new);
    assert_string_equal(got, want);
    assert_non_null(strstr(got, "\"source\": \"old.txt\""));
    precis_free(got);
    precis_free(want);
}

static void older_error_is_not_overrun(void **state)
{
    (void)state;
    struct {
        error_v1 e;
        unsigned char canary[64];
    } box;
    memset(&box, CANARY, sizeof box);
    precis_error_init((precis_error *)(void *)&box.e, sizeof box.e);
    assert_canary(box.canary, sizeof box.canary);
    assert_int_equal(box.e.status, PRECIS_OK);
    assert_int_equal(box.e.message[0], '\0');
    /* An unknown language's message lists every language: far longer than
     * 40 bytes. */
    const char *c;
    assert_int_equal(precis_language_resolve("xx", &c, (precis_error *)(void *)&box.e),
                     PRECIS_ERR_LANGUAGE);
    assert_canary(box.canary, sizeof box.canary);
    assert_int_equal(box.e.status, PRECIS_ERR_LANGUAGE);
    assert_int_equal(strlen(box.e.message), sizeof box.e.message - 1);

    /* A whole failed summary through the same small error. */
    precis_summarizer *s = NULL;
    precis_result *r = NULL;
    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    assert_int_equal(
        precis_summarize(s, "\x80\xfe not text", 11, NULL, &r, (precis_error *)(void *)&box.e),
        PRECIS_ERR_UTF8);
    assert_null(r);
    assert_int_equal(box.e.status, PRECIS_ERR_UTF8);
    assert_int_equal(box.e.offset, 0);
    assert_canary(box.canary, sizeof box.canary);
    precis_summarizer_free(s);
}

static void uninitialised_structs_are_refused(void **state)
{
    (void)state;
    /* An error of size 0 is never written. */
    precis_error e;
    memset(&e, CANARY, sizeof e);
    e.size = 0;
    const char *c;
    assert_int_equal(precis_language_resolve("xx", &c, &e), PRECIS_ERR_LANGUAGE);
    assert_canary((const unsigned char *)&e + sizeof e.size, sizeof e - sizeof e.size);

    /* Options of size 0 (zeroed, never initialised) are refused. */
    precis_options zero;
    memset(&zero, 0, sizeof zero);
    precis_summarizer *s = NULL;
    precis_result *r = NULL;
    precis_error err = PRECIS_ERROR_INIT;
    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    assert_int_equal(precis_summarize(s, text, strlen(text), &zero, &r, &err),
                     PRECIS_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "precis_options_init"));
    precis_summarizer_free(s);
}

static void newer_structs_are_refused(void **state)
{
    (void)state;
    /* A program built against a newer header: its struct is larger than
     * this library's. Init sets what it knows and says no; summarize
     * refuses rather than ignore fields it cannot read. */
    struct {
        precis_options o;
        unsigned char newer_fields[16];
    } box;
    memset(&box, CANARY, sizeof box);
    assert_int_equal(precis_options_init(&box.o, sizeof box), PRECIS_ERR_ARGUMENT);
    assert_int_equal(box.o.size, sizeof box);
    assert_canary(box.newer_fields, sizeof box.newer_fields);
    precis_summarizer *s = NULL;
    precis_result *r = NULL;
    precis_error err = PRECIS_ERROR_INIT;
    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    assert_int_equal(precis_summarize(s, text, strlen(text), &box.o, &r, &err),
                     PRECIS_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "newer precis"));
    assert_null(r);
    assert_int_equal(precis_options_validate(&box.o, NULL), PRECIS_ERR_ARGUMENT);
    precis_summarizer_free(s);
}

static void version_macros(void **state)
{
    (void)state;
    assert_int_equal(precis_version_number(), PRECIS_VERSION_NUMBER);
    assert_int_equal(PRECIS_VERSION_NUMBER, PRECIS_VERSION_MAJOR * 10000 +
                                                PRECIS_VERSION_MINOR * 100 +
                                                PRECIS_VERSION_PATCH);
    assert_string_equal(precis_version(), PRECIS_VERSION_STRING);
    char want[32];
    snprintf(want, sizeof want, "%d.%d.%d", PRECIS_VERSION_MAJOR, PRECIS_VERSION_MINOR,
             PRECIS_VERSION_PATCH);
    assert_string_equal(PRECIS_VERSION_STRING, want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(older_options_work),
        cmocka_unit_test(older_json_options_work),
        cmocka_unit_test(older_error_is_not_overrun),
        cmocka_unit_test(uninitialised_structs_are_refused),
        cmocka_unit_test(newer_structs_are_refused),
        cmocka_unit_test(version_macros),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
