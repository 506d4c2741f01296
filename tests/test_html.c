/* The HTML view (precis_result_html): one self-contained page whose article
 * is the input, escaped, with every sentence in a span (the summary's
 * marked), key terms marked, and nothing fetched from elsewhere. The page
 * as a browser draws it is checked by tests/html/check_page.py. */
#include "support.h"

#include "precis.h"

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

static char *page_of(const char *text, size_t len, const char *source, precis_result **keep)
{
    precis_summarizer *s = NULL;
    precis_result *r = NULL;
    precis_error err = PRECIS_ERROR_INIT;
    precis_options o;
    precis_options_init(&o, sizeof o);
    o.sentences = 2;
    o.language = "english";
    o.repair_utf8 = 1;
    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    if (precis_summarize(s, text, len, &o, &r, &err) != PRECIS_OK)
        fail_msg("summarize: %s", err.message);
    precis_html_options ho;
    precis_html_options_init(&ho, sizeof ho);
    ho.source = source;
    char *page = NULL;
    size_t n = 0;
    assert_int_equal(precis_result_html(r, text, len, &ho, &page, &n), PRECIS_OK);
    assert_int_equal(strlen(page), n);
    precis_summarizer_free(s);
    if (keep)
        *keep = r;
    else
        precis_result_free(r);
    return page;
}

static void markup_in_the_text_is_escaped(void **state)
{
    (void)state;
    static const char text[] =
        "Engineers said <script>alert(1)</script> the bridge & the road would reopen. "
        "The \"flood\" closed the bridge over the river for a week. "
        "Children's schools near the river were shut on Monday. "
        "Bad bytes \xff\xfe here are shown, not passed through. "
        "Engineers said the bridge over the river would be repaired.";
    char *page = page_of(text, sizeof text - 1, "a<b>&\"c\".txt", NULL);
    assert_null(strstr(page, "<script"));
    assert_non_null(strstr(page, "said &lt;"));
    assert_non_null(strstr(page, "&gt; the "));
    assert_non_null(strstr(page, "</span> &amp; the "));
    assert_non_null(strstr(page, "The &quot;flood&quot;"));
    assert_non_null(strstr(page, "Children&#39;s"));
    assert_non_null(strstr(page, "<title>precis: a&lt;b&gt;&amp;&quot;c&quot;.txt</title>"));
    /* Invalid UTF-8 of the input: one U+FFFD per bad byte. */
    assert_non_null(strstr(page, " \xEF\xBF\xBD\xEF\xBF\xBD here"));
    assert_null(strstr(page, "\xff"));
    precis_free(page);
}

static void spans_follow_the_result(void **state)
{
    (void)state;
    const char *src = getenv("PRECIS_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/corpora/abe-putin-vladivostok-2016.txt", src ? src : ".");
    size_t len = 0;
    char *text = test_read_file(path, &len);
    assert_non_null(text);
    precis_result *r = NULL;
    char *page = page_of(text, len, NULL, &r);
    const precis_stats *st = precis_result_stats(r);
    /* Every sentence of the article is a span; the summary's carry class
     * "summary" and the id of their index. */
    const char *article = strstr(page, "<div class=\"article\">");
    assert_non_null(article);
    assert_int_equal(count(article, "<span class=\"s summary\""), precis_result_sentence_count(r));
    assert_int_equal(count(article, "<span class=\"s"), st->sentences);
    for (size_t i = 0; i < precis_result_sentence_count(r); i++) {
        char id[64];
        snprintf(id, sizeof id, "<span class=\"s summary\" id=\"s%zu\"",
                 precis_result_sentence(r, i)->index);
        assert_non_null(strstr(page, id));
    }
    /* Key terms: listed in the table, and marked in the article at least
     * once each (every one occurs in the text). */
    for (size_t k = 0; k < precis_result_keyword_count(r); k++) {
        char mark[64];
        snprintf(mark, sizeof mark, "<span class=\"kw\" data-term=\"%zu\">", k);
        assert_true(count(page, mark) >= 1);
    }
    /* Self-contained: nothing to fetch. */
    assert_null(strstr(page, "src="));
    assert_null(strstr(page, "<link"));
    assert_null(strstr(page, "<script"));
    assert_null(strstr(page, "url("));
    assert_null(strstr(page, "@import"));
    assert_null(strstr(page, "href=\"http"));
    /* The text must be the result's: a different length is refused. */
    char *out = NULL;
    assert_int_equal(precis_result_html(r, text, len - 1, NULL, &out, NULL), PRECIS_ERR_ARGUMENT);
    assert_null(out);
    /* The marks are found again from the text when the page is made: the
     * same page once the summarizer is gone. */
    size_t n = 0;
    assert_int_equal(precis_result_html(r, text, len, NULL, &out, &n), PRECIS_OK);
    assert_int_equal(n, strlen(page));
    assert_string_equal(out, page);
    precis_free(out);
    out = NULL;
    /* Bytes of the right length that no result can come from are refused. */
    memset(text, 0, len);
    assert_int_equal(precis_result_html(r, text, len, NULL, &out, NULL), PRECIS_ERR_ARGUMENT);
    assert_null(out);
    precis_free(page);
    precis_result_free(r);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(markup_in_the_text_is_escaped),
        cmocka_unit_test(spans_follow_the_result),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
