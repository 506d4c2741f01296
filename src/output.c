/* Stage 8, output: a result as JSON, schema "precis/1" (docs/json-schema.md).
 * Numbers are printed with a fixed format so that output is byte-for-byte
 * reproducible for golden tests. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
