/* Stage 8, output: a result as JSON, schema "precis/1" (docs/json-schema.md),
 * or as one self-contained HTML page. Numbers are printed with a fixed
 * format so that output is byte-for-byte reproducible for golden tests. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

typedef struct sbuf {
    char *s;
    size_t n, cap;
    bool nomem;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    if (b->nomem || !pcs_grow((void **)&b->s, &b->cap, b->n + n + 1, 1)) {
        b->nomem = true;
        return;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void puts_(sbuf *b, const char *s)
{
    put(b, s, strlen(s));
}

static void printf_(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void printf_(sbuf *b, const char *fmt, ...)
{
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp)
        b->nomem = true;
    else
        put(b, tmp, (size_t)n);
}

/* A JSON string (RFC 8259, section 7): quote, backslash and control
 * characters escaped; everything else is UTF-8 as it is. */
static void string_(sbuf *b, const char *s, size_t n)
{
    put(b, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': put(b, "\\\"", 2); break;
        case '\\': put(b, "\\\\", 2); break;
        case '\n': put(b, "\\n", 2); break;
        case '\t': put(b, "\\t", 2); break;
        case '\r': put(b, "\\r", 2); break;
        default: printf_(b, "\\u%04x", c); break;
        }
    }
    put(b, s + run, n - run);
    put(b, "\"", 1);
}

typedef struct json {
    sbuf b;
    bool compact;
    int depth;
} json;

static void newline(json *j)
{
    if (j->compact)
        return;
    put(&j->b, "\n", 1);
    for (int i = 0; i < j->depth; i++)
        put(&j->b, "  ", 2);
}

static void key(json *j, const char *k, bool first)
{
    if (!first)
        put(&j->b, ",", 1);
    newline(j);
    string_(&j->b, k, strlen(k));
    puts_(&j->b, j->compact ? ":" : ": ");
}

static void open_(json *j, const char *bracket)
{
    puts_(&j->b, bracket);
    j->depth++;
}

static void close_(json *j, const char *bracket, bool empty)
{
    j->depth--;
    if (!empty)
        newline(j);
    puts_(&j->b, bracket);
}

/* Scores: six significant digits, enough to order and compare them. JSON
 * has no infinities or NaN; the library never produces them, and output
 * must stay parseable even if it did. */
static void number(json *j, double v)
{
    printf_(&j->b, "%.6g", isfinite(v) ? v : 0.0);
}

precis_status pcs_result_json(const precis_result *r, const precis_json_options *o,
                              char **out, size_t *len)
{
    json j = {.compact = o->compact};
    const precis_stats *st = &r->stats;
    open_(&j, "{");
    key(&j, "schema", true);
    puts_(&j.b, "\"precis/1\"");
    if (o->source) {
        key(&j, "source", false);
        string_(&j.b, o->source, strlen(o->source));
    }
    key(&j, "language", false);
    string_(&j.b, st->language, strlen(st->language));
    key(&j, "method", false);
    string_(&j.b, st->method, strlen(st->method));

    key(&j, "summary", false);
    open_(&j, "[");
    for (size_t i = 0; i < r->n_sentences; i++) {
        const precis_sentence *s = &r->sentences[i];
        if (i)
            put(&j.b, ",", 1);
        newline(&j);
        open_(&j, "{");
        key(&j, "index", true);
        printf_(&j.b, "%zu", s->index);
        key(&j, "start", false);
        printf_(&j.b, "%zu", s->start);
        key(&j, "end", false);
        printf_(&j.b, "%zu", s->end);
        key(&j, "score", false);
        number(&j, s->score);
        key(&j, "text", false);
        string_(&j.b, s->text, s->text_len);
        close_(&j, "}", false);
    }
    close_(&j, "]", r->n_sentences == 0);

    key(&j, "keywords", false);
    open_(&j, "[");
    for (size_t i = 0; i < r->n_keywords; i++) {
        const precis_keyword *k = &r->keywords[i];
        if (i)
            put(&j.b, ",", 1);
        newline(&j);
        open_(&j, "{");
        key(&j, "term", true);
        string_(&j.b, k->term, k->term_len);
        key(&j, "score", false);
        number(&j, k->score);
        key(&j, "count", false);
        printf_(&j.b, "%zu", k->count);
        close_(&j, "}", false);
    }
    close_(&j, "]", r->n_keywords == 0);

    key(&j, "stats", false);
    open_(&j, "{");
    key(&j, "bytes", true);
    printf_(&j.b, "%zu", st->bytes);
    key(&j, "paragraphs", false);
    printf_(&j.b, "%zu", st->paragraphs);
    key(&j, "sentences", false);
    printf_(&j.b, "%zu", st->sentences);
    key(&j, "candidates", false);
    printf_(&j.b, "%zu", st->candidates);
    key(&j, "words", false);
    printf_(&j.b, "%zu", st->words);
    key(&j, "terms", false);
    printf_(&j.b, "%zu", st->terms);
    key(&j, "iterations", false);
    printf_(&j.b, "%zu", st->iterations);
    key(&j, "converged", false);
    puts_(&j.b, st->converged ? "true" : "false");
    key(&j, "shortfall", false);
    puts_(&j.b, st->shortfall ? "true" : "false");
    key(&j, "repaired", false);
    puts_(&j.b, st->repaired ? "true" : "false");
    key(&j, "language_detected", false);
    puts_(&j.b, st->language_detected ? "true" : "false");
    key(&j, "language_unsure", false);
    puts_(&j.b, st->language_unsure ? "true" : "false");
    key(&j, "model_used", false);
    puts_(&j.b, st->model_used ? "true" : "false");
    /* Only when it happened: outputs of documents it never touches stay
     * as they were. */
    if (st->graph_fallback) {
        key(&j, "graph_fallback", false);
        puts_(&j.b, "true");
    }
    close_(&j, "}", false);
    close_(&j, "}", false);
    if (!j.compact)
        put(&j.b, "\n", 1);
    if (j.b.nomem) {
        free(j.b.s);
        return PRECIS_ERR_NOMEM;
    }
    *out = j.b.s;
    if (len)
        *len = j.b.n;
    return PRECIS_OK;
}

/* ------------------------------------------------------------------------ */
/* HTML                                                                      */
/* ------------------------------------------------------------------------ */

/* Text as HTML (the HTML5 specification's escaping of text and attribute
 * values: & < > " ' as character references). Bytes that are not UTF-8
 * (an input precis repaired) and control characters HTML forbids become
 * U+FFFD, so the page is always valid UTF-8. */
static void html_text(sbuf *b, const char *s, size_t n)
{
    size_t run = 0, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        size_t step = 1; /* bytes of the character at i */
        if (c == '&')
            rep = "&amp;";
        else if (c == '<')
            rep = "&lt;";
        else if (c == '>')
            rep = "&gt;";
        else if (c == '"')
            rep = "&quot;";
        else if (c == '\'')
            rep = "&#39;";
        else if (c < 0x20 && c != '\n' && c != '\t' && c != '\r')
            rep = "\xEF\xBF\xBD";
        else if (c >= 0x80) {
            utf8proc_int32_t cp;
            utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                  (utf8proc_ssize_t)(n - i), &cp);
            if (m > 0)
                step = (size_t)m;
            if (m <= 0 || (cp >= 0x80 && cp < 0xA0))
                rep = "\xEF\xBF\xBD";
        }
        if (rep) {
            put(b, s + run, i - run);
            puts_(b, rep);
            run = i + step;
        }
        i += step;
    }
    put(b, s + run, n - run);
}

static const char html_style[] =
    "body{font:17px/1.6 Georgia,'DejaVu Serif',serif;color:#1d1d1f;background:#fff;"
    "max-width:48em;margin:2em auto;padding:0 1.2em}"
    "h1,h2,.meta,table,.legend{font-family:system-ui,'DejaVu Sans',sans-serif}"
    "h1{font-size:1.45em;margin:0 0 .2em}h2{font-size:1.1em;margin:1.6em 0 .5em;"
    "border-bottom:1px solid #ddd;padding-bottom:.2em}"
    ".meta{color:#666;font-size:.85em}"
    "ol.summary-list li{margin:.35em 0}ol.summary-list a{color:inherit;text-decoration:none}"
    "table.terms{border-collapse:collapse;font-size:.9em}"
    "table.terms td,table.terms th{padding:.15em .8em .15em 0;text-align:left}"
    "table.terms td.num{text-align:right;font-variant-numeric:tabular-nums}"
    ".bar{display:inline-block;height:.6em;background:#1565c0;border-radius:2px}"
    ".article{white-space:pre-wrap}"
    ".s{border-radius:3px;padding:.05em 0}"
    ".s.summary{outline:2px solid #c62828;outline-offset:1px}"
    ".kw{font-weight:700;color:#0d47a1;border-bottom:2px solid #90caf9}"
    ".legend{font-size:.8em;color:#555;margin:.4em 0 1em}"
    ".legend span{padding:0 .4em;border-radius:3px}";

/* Sentence shading: its score over the best score, as the opacity of an
 * amber background (0 when the sentence was not ranked). */
static void shade(sbuf *b, double score, double best)
{
    double a = best > 0 && isfinite(score) && score > 0 ? 0.6 * score / best : 0;
    if (a > 0.005)
        printf_(b, " style=\"background-color:rgba(255,179,0,%.3f)\"", a);
}

precis_status pcs_result_html(const precis_result *r, const char *text, size_t len,
                              const precis_html_options *o, char **out, size_t *out_len)
{
    pcs_mark *marks;
    size_t n_marks;
    precis_status found = pcs_result_marks(r, text, len, &marks, &n_marks);
    if (found != PRECIS_OK)
        return found;
    sbuf b = {0};
    const precis_stats *st = &r->stats;
    puts_(&b, "<!DOCTYPE html>\n<html lang=\"");
    const char *code = st->language ? precis_language_code(st->language) : NULL;
    puts_(&b, code ? code : "und");
    puts_(&b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              "<meta name=\"generator\" content=\"precis " PRECIS_VERSION_STRING "\">\n<title>");
    puts_(&b, "precis");
    if (o->source) {
        puts_(&b, ": ");
        html_text(&b, o->source, strlen(o->source));
    }
    puts_(&b, "</title>\n<style>");
    puts_(&b, html_style);
    puts_(&b, "</style>\n</head>\n<body>\n<h1>");
    if (o->source)
        html_text(&b, o->source, strlen(o->source));
    else
        puts_(&b, "Summary");
    puts_(&b, "</h1>\n<p class=\"meta\">");
    printf_(&b, "%zu of %zu sentences", r->n_sentences, st->sentences);
    printf_(&b, " &middot; %zu key terms &middot; ", r->n_keywords);
    html_text(&b, st->language ? st->language : "", st->language ? strlen(st->language) : 0);
    puts_(&b, " &middot; method ");
    html_text(&b, st->method ? st->method : "", st->method ? strlen(st->method) : 0);
    puts_(&b, "</p>\n");

    if (r->n_sentences) {
        puts_(&b, "<h2>Summary</h2>\n<ol class=\"summary-list\">\n");
        for (size_t i = 0; i < r->n_sentences; i++) {
            const precis_sentence *s = &r->sentences[i];
            printf_(&b, "<li><a href=\"#s%zu\">", s->index);
            html_text(&b, s->text, s->text_len);
            puts_(&b, "</a></li>\n");
        }
        puts_(&b, "</ol>\n");
    }
    if (r->n_keywords) {
        double top = r->keywords[0].score > 0 ? r->keywords[0].score : 1;
        puts_(&b, "<h2>Key terms</h2>\n<table class=\"terms\">\n"
                  "<tr><th>#</th><th>term</th><th>score</th><th>count</th><th></th></tr>\n");
        for (size_t i = 0; i < r->n_keywords; i++) {
            const precis_keyword *k = &r->keywords[i];
            printf_(&b, "<tr><td class=\"num\">%zu</td><td><span class=\"kw\">", i + 1);
            html_text(&b, k->term, k->term_len);
            printf_(&b, "</span></td><td class=\"num\">%.4f</td>", isfinite(k->score) ? k->score : 0);
            printf_(&b, "<td class=\"num\">%zu</td>", k->count);
            double w = isfinite(k->score) && k->score > 0 ? 8 * k->score / top : 0;
            printf_(&b, "<td><span class=\"bar\" style=\"width:%.2fem\"></span></td></tr>\n", w);
        }
        puts_(&b, "</table>\n");
    }

    double best = 0;
    for (size_t i = 0; i < r->n_spans; i++)
        if (isfinite(r->spans[i].score) && r->spans[i].score > best)
            best = r->spans[i].score;
    puts_(&b, "<h2>Article</h2>\n<p class=\"legend\">Each sentence is shaded by its score "
              "(<span style=\"background-color:rgba(255,179,0,0.6)\">highest</span> "
              "<span style=\"background-color:rgba(255,179,0,0.2)\">lower</span> unshaded: not "
              "ranked); <span class=\"s summary\">the summary</span> is outlined; "
              "<span class=\"kw\">key terms</span> are marked.</p>\n<div class=\"article\">");
    size_t at = 0, m = 0;
    for (size_t i = 0; i < r->n_spans; i++) {
        const pcs_span *sp = &r->spans[i];
        if (sp->start < at || sp->end > len || sp->end < sp->start)
            continue; /* never happens for a result of this text */
        html_text(&b, text + at, sp->start - at);
        puts_(&b, sp->summary ? "<span class=\"s summary\"" : "<span class=\"s\"");
        printf_(&b, " id=\"s%zu\"", i);
        printf_(&b, " data-score=\"%.6g\"", isfinite(sp->score) ? sp->score : 0);
        shade(&b, sp->score, best);
        puts_(&b, ">");
        at = sp->start;
        for (; m < n_marks && marks[m].start < sp->end; m++) {
            const pcs_mark *mk = &marks[m];
            if (mk->start < at || mk->end > sp->end)
                continue;
            html_text(&b, text + at, mk->start - at);
            printf_(&b, "<span class=\"kw\" data-term=\"%u\">", mk->keyword);
            html_text(&b, text + mk->start, mk->end - mk->start);
            puts_(&b, "</span>");
            at = mk->end;
        }
        html_text(&b, text + at, sp->end - at);
        puts_(&b, "</span>");
        at = sp->end;
    }
    html_text(&b, text + at, len - at);
    puts_(&b, "</div>\n</body>\n</html>\n");
    free(marks);
    if (b.nomem) {
        free(b.s);
        return PRECIS_ERR_NOMEM;
    }
    *out = b.s;
    if (out_len)
        *out_len = b.n;
    return PRECIS_OK;
}
