/* Stage 8, output: the JSON rendering of a result built by hand, compared
 * byte for byte with the documented schema. */
#include "support.h"

#include "internal.h"

static precis_result *make(void)
{
    static precis_sentence sents[2];
    static precis_keyword keys[1];
    static precis_result r;
    sents[0] = (precis_sentence){.index = 0, .start = 0, .end = 10, .score = 0.125,
                                 .text = "He said \"hi\\\".", .text_len = 14};
    sents[1] = (precis_sentence){.index = 4, .start = 30, .end = 42, .score = 1.0 / 3.0,
                                 .text = "Tab\tand \x01 control; caf\xC3\xA9.", .text_len = 25};
    keys[0] = (precis_keyword){.term = "Kuril islands", .term_len = 13, .score = 0.5, .count = 2};
    r = (precis_result){.sentences = sents, .n_sentences = 2, .keywords = keys, .n_keywords = 1};
    r.stats = (precis_stats){.bytes = 100, .paragraphs = 3, .sentences = 6, .candidates = 5,
                             .words = 40, .terms = 30, .iterations = 12, .converged = 1,
                             .language = "english", .method = "textrank"};
    return &r;
}

static void compact_json(void **state)
{
    (void)state;
    precis_json_options o;
    precis_json_options_init(&o, sizeof o);
    o.compact = 1;
    o.source = "dir/a \"b\".txt";
    char *out = NULL;
    size_t len = 0;
    assert_int_equal(precis_result_json(make(), &o, &out, &len), PRECIS_OK);
    const char *want =
        "{\"schema\":\"precis/1\",\"source\":\"dir/a \\\"b\\\".txt\",\"language\":\"english\","
        "\"method\":\"textrank\",\"summary\":["
        "{\"index\":0,\"start\":0,\"end\":10,\"score\":0.125,\"text\":\"He said \\\"hi\\\\\\\".\"},"
        "{\"index\":4,\"start\":30,\"end\":42,\"score\":0.333333,"
        "\"text\":\"Tab\\tand \\u0001 control; caf\xC3\xA9.\"}],"
        "\"keywords\":[{\"term\":\"Kuril islands\",\"score\":0.5,\"count\":2}],"
        "\"stats\":{\"bytes\":100,\"paragraphs\":3,\"sentences\":6,\"candidates\":5,"
        "\"words\":40,\"terms\":30,\"iterations\":12,\"converged\":true,"
        "\"shortfall\":false,\"repaired\":false,\"language_detected\":false,"
        "\"language_unsure\":false,\"model_used\":false}}";
    assert_string_equal(out, want);
    assert_int_equal(len, strlen(want));
    precis_free(out);
}

static void pretty_json(void **state)
{
    (void)state;
    precis_result *r = make();
    r->n_sentences = 0;
    r->n_keywords = 0;
    char *out = NULL;
    assert_int_equal(precis_result_json(r, NULL, &out, NULL), PRECIS_OK);
    const char *want = "{\n"
                       "  \"schema\": \"precis/1\",\n"
                       "  \"language\": \"english\",\n"
                       "  \"method\": \"textrank\",\n"
                       "  \"summary\": [],\n"
                       "  \"keywords\": [],\n"
                       "  \"stats\": {\n"
                       "    \"bytes\": 100,\n"
                       "    \"paragraphs\": 3,\n"
                       "    \"sentences\": 6,\n"
                       "    \"candidates\": 5,\n"
                       "    \"words\": 40,\n"
                       "    \"terms\": 30,\n"
                       "    \"iterations\": 12,\n"
                       "    \"converged\": true,\n"
                       "    \"shortfall\": false,\n"
                       "    \"repaired\": false,\n"
                       "    \"language_detected\": false,\n"
                       "    \"language_unsure\": false,\n"
                       "    \"model_used\": false\n"
                       "  }\n"
                       "}\n";
    assert_string_equal(out, want);
    precis_free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(compact_json),
        cmocka_unit_test(pretty_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
