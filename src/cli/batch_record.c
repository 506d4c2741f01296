/* `precis batch`: one input to one JSON Lines record (schema in
 * docs/batch.md). Runs on the worker threads: it touches nothing shared
 * but the read-only configuration and --resume set. */
#define _POSIX_C_SOURCE 200809L

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "batch.h"

double batch_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void batch_job_free(batch_job *job)
{
    if (!job)
        return;
    free(job->id);
    free(job->path);
    free(job->mirror);
    free(job->data);
    free(job->message);
    free(job);
}

/* ------------------------------------------------------------------------ */
/* UTF-8 and JSON strings                                                    */

/* Length of the valid UTF-8 sequence at s[0, n) (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or 0 when invalid. */
static size_t utf8_valid(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

char *batch_utf8_copy(const char *s, size_t n)
{
    cli_out o = {0};
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0, i = 0;
    while (i < n) {
        size_t k = utf8_valid(u + i, n - i);
        if (k) {
            i += k;
            continue;
        }
        cli_append(&o, s + run, i - run);
        cli_append(&o, replacement, 3);
        run = ++i;
    }
    cli_append(&o, s + run, n - run);
    if (!o.s && !o.nomem)
        cli_append(&o, "", 0);
    if (o.nomem) {
        free(o.s);
        return NULL;
    }
    return o.s;
}

void batch_json_string(cli_out *o, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    cli_append(o, "\"", 1);
    size_t run = 0, i = 0;
    while (i < n) {
        unsigned char c = u[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            i++;
            continue;
        }
        size_t k = c >= 0x80 ? utf8_valid(u + i, n - i) : 0;
        if (k) {
            i += k;
            continue;
        }
        cli_append(o, s + run, i - run);
        switch (c) {
        case '"': cli_append(o, "\\\"", 2); break;
        case '\\': cli_append(o, "\\\\", 2); break;
        case '\n': cli_append(o, "\\n", 2); break;
        case '\t': cli_append(o, "\\t", 2); break;
        case '\r': cli_append(o, "\\r", 2); break;
        default:
            if (c < 0x20)
                cli_printf(o, "\\u%04x", c);
            else
                cli_append(o, replacement, 3);
            break;
        }
        run = ++i;
    }
    cli_append(o, s + run, n - run);
    cli_append(o, "\"", 1);
}

/* ------------------------------------------------------------------------ */
/* Records                                                                   */

/* Who a record is about. */
typedef struct rid {
    enum { RID_NONE, RID_STRING, RID_INTEGER } kind;
    const char *s; /* RID_STRING: the id; RID_INTEGER: its decimal form */
    size_t n;
    long long i;
    uint64_t line_no; /* RID_NONE: the JSONL line */
    uint64_t input;   /* the "input" member (position from 1), or 0: none */
} rid;

static void put_head(cli_out *o, const rid *id, const char *status)
{
    cli_append(o, "{\"id\":", 6);
    if (id->kind == RID_STRING)
        batch_json_string(o, id->s, id->n);
    else if (id->kind == RID_INTEGER)
        cli_printf(o, "%lld", id->i);
    else
        cli_printf(o, "null,\"line\":%" PRIu64, id->line_no);
    cli_printf(o, ",\"status\":\"%s\"", status);
    if (id->input)
        cli_printf(o, ",\"input\":%" PRIu64, id->input);
}

static void finish(cli_out *o, double t0, batch_outcome outcome, batch_record *rec)
{
    cli_printf(o, ",\"elapsed_ms\":%.3f}\n", (batch_now() - t0) * 1e3);
    if (o->nomem) {
        /* Not even room for the record: count the document as failed, and
         * say so on standard error since the record cannot. */
        free(o->s);
        cli_complain("out of memory writing a record");
        rec->outcome = BATCH_FAILED;
        rec->line = NULL;
        rec->len = 0;
        return;
    }
    rec->outcome = outcome;
    rec->line = o->s;
    rec->len = o->n;
}

static void error_record(const rid *id, int code, const char *reason, const char *message,
                         double t0, batch_record *rec)
{
    cli_out o = {0};
    put_head(&o, id, "error");
    cli_printf(&o, ",\"error\":{\"code\":%d,\"reason\":\"%s\",\"message\":", code, reason);
    batch_json_string(&o, message, strlen(message));
    cli_append(&o, "}", 1);
    finish(&o, t0, BATCH_FAILED, rec);
}

static const char *reason_for(precis_status s)
{
    switch (s) {
    case PRECIS_ERR_EMPTY: return "empty";
    case PRECIS_ERR_BINARY: return "binary";
    case PRECIS_ERR_UTF8: return "invalid-utf8";
    case PRECIS_ERR_TOO_LARGE: return "too-large";
    case PRECIS_ERR_ONE_SENTENCE: return "one-sentence";
    case PRECIS_ERR_NO_STRUCTURE: return "no-structure";
    default: return "internal";
    }
}

static void summarise(const batch_run *run, precis_summarizer *sm, const rid *id,
                      const char *text, size_t len, double t0, batch_record *rec)
{
    precis_result *res = NULL;
    precis_error err = PRECIS_ERROR_INIT;
    precis_status s = run->cfg->only_keywords
                          ? precis_extract_keywords(sm, text, len, &run->cfg->opt, &res, &err)
                          : precis_summarize(sm, text, len, &run->cfg->opt, &res, &err);
    if (s != PRECIS_OK) {
        error_record(id, cli_exit_for(s), reason_for(s), err.message, t0, rec);
        return;
    }
    precis_json_options jo;
    precis_json_options_init(&jo, sizeof jo);
    jo.compact = 1;
    jo.source = id->s;
    char *json = NULL;
    size_t n = 0;
    s = precis_result_json(res, &jo, &json, &n);
    precis_result_free(res);
    /* The library's object opens with '{' and closes with '}': splice the
     * batch members in front and behind, keeping one object per line. */
    if (s != PRECIS_OK || n < 2 || json[0] != '{' || json[n - 1] != '}') {
        precis_free(json);
        error_record(id, EXIT_INTERNAL, "internal", "cannot render the result as JSON", t0,
                     rec);
        return;
    }
    cli_out o = {0};
    put_head(&o, id, "ok");
    cli_append(&o, ",", 1);
    cli_append(&o, json + 1, n - 2);
    precis_free(json);
    finish(&o, t0, BATCH_OK, rec);
}

/* --resume: is this input's record already in the output? An ordered run
 * leaves the records of a prefix of its inputs, in order: input seq is
 * done when it lies within the first N and its key is among them (the key
 * alone is not enough: two inputs can share one, a repeated id or file
 * names that differ only in invalid UTF-8, and the second would be lost).
 * --unordered gives no prefix: kill -9 can leave later inputs' records
 * without that of an earlier one still in a worker. So its records carry
 * their input's position, and every later run appending to such a file
 * does the same: the records without one then come from ordered runs
 * before it, still a prefix (done_records of them). Inputs that changed
 * between runs can give a record twice, never lose one. */
static bool already_done(const batch_run *run, uint64_t seq, const rid *id, const char *mirror)
{
    if (run->cfg->resume && run->cfg->output_dir)
        return mirror && batch_mirror_exists(run->cfg->output_dir, mirror);
    if (!run->done)
        return false;
    char *key = NULL;
    size_t klen = 0;
    /* Out of memory here only means the document is summarised again. */
    if (run->positional && batch_key_input(seq + 1, &key, &klen)) {
        bool yes = batch_idset_has(run->done, key, klen);
        free(key);
        if (yes)
            return true;
    }
    if (seq >= run->done_records)
        return false;
    bool ok = id->kind == RID_STRING    ? batch_key_string(id->s, id->n, &key, &klen)
              : id->kind == RID_INTEGER ? batch_key_integer(id->i, &key, &klen)
                                        : batch_key_line(id->line_no, &key, &klen);
    bool yes = ok && batch_idset_has(run->done, key, klen);
    free(key);
    return yes;
}

static void process_line(const batch_run *run, precis_summarizer *sm, const batch_job *job,
                         double t0, batch_record *rec)
{
    const batch_config *cfg = run->cfg;
    rid id = {.kind = RID_NONE, .line_no = job->line_no,
              .input = run->positional ? job->seq + 1 : 0};
    char num[32], why[600];
    json_error_t jerr;
    json_t *root = json_loadb(job->data, job->len, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &jerr);
    json_t *idv = root && json_is_object(root) ? json_object_get(root, cfg->id_field) : NULL;
    const char *problem = NULL;
    if (!root) {
        snprintf(why, sizeof why, "line %" PRIu64 ": not valid JSON: %s (column %d)",
                 job->line_no, jerr.text, jerr.column);
        problem = "bad-json";
    } else if (!json_is_object(root)) {
        snprintf(why, sizeof why, "line %" PRIu64 ": not a JSON object", job->line_no);
        problem = "bad-json";
    } else if (json_is_string(idv) && json_string_length(idv) > 0 &&
               strlen(json_string_value(idv)) == json_string_length(idv)) {
        id.kind = RID_STRING;
        id.s = json_string_value(idv);
        id.n = json_string_length(idv);
    } else if (json_is_integer(idv)) {
        id.kind = RID_INTEGER;
        id.i = (long long)json_integer_value(idv);
        id.n = (size_t)snprintf(num, sizeof num, "%lld", id.i);
        id.s = num;
    } else {
        snprintf(why, sizeof why, "line %" PRIu64 ": member \"%s\" %s", job->line_no,
                 cfg->id_field,
                 !idv ? "is missing"
                 : json_is_string(idv) ? "is empty or holds a NUL character"
                                       : "must be a string or an integer");
        problem = "bad-field";
    }
    /* The name under --output-dir: from the id, or for a line without
     * one from its number ('@' is never in a safe name: no clash). */
    char *mirror = NULL;
    if (id.kind != RID_NONE)
        mirror = batch_safe_name(id.s, id.n, id.kind == RID_INTEGER);
    else if ((mirror = malloc(32)))
        snprintf(mirror, 32, "@line-%" PRIu64, job->line_no);
    if (already_done(run, job->seq, &id, mirror)) {
        rec->outcome = BATCH_RESUMED;
    } else if (problem) {
        error_record(&id, EXIT_NOT_TEXT, problem, why, t0, rec);
    } else {
        json_t *tv = json_object_get(root, cfg->text_field);
        if (!json_is_string(tv)) {
            snprintf(why, sizeof why, "line %" PRIu64 ": member \"%s\" %s", job->line_no,
                     cfg->text_field, tv ? "must be a string" : "is missing");
            error_record(&id, EXIT_NOT_TEXT, "bad-field", why, t0, rec);
        } else {
            /* json_string_length, not strlen: a \u0000 in the text must
             * reach the library, which reports it as binary data. */
            summarise(run, sm, &id, json_string_value(tv), json_string_length(tv), t0, rec);
        }
    }
    rec->mirror = mirror;
    json_decref(root);
}

void batch_process(const batch_run *run, precis_summarizer *sm, const batch_job *job,
                   batch_record *rec)
{
    double t0 = batch_now();
    *rec = (batch_record){.outcome = BATCH_FAILED};
    if (job->kind == BATCH_JOB_LINE) {
        process_line(run, sm, job, t0, rec);
        return;
    }
    rid id = {.kind = RID_NONE, .line_no = job->line_no,
              .input = run->positional ? job->seq + 1 : 0};
    if (job->id) {
        id.kind = RID_STRING;
        id.s = job->id;
        id.n = strlen(job->id);
    }
    if (job->mirror && !(rec->mirror = strdup(job->mirror))) {
        error_record(&id, EXIT_INTERNAL, "internal", "out of memory", t0, rec);
        return;
    }
    if (already_done(run, job->seq, &id, job->mirror)) {
        rec->outcome = BATCH_RESUMED;
        return;
    }
    switch (job->kind) {
    case BATCH_JOB_FILE: {
        char *text = NULL, why[300];
        size_t len = 0;
        int code = cli_read_input(job->path, run->cfg->opt.max_bytes, &text, &len, why,
                                  sizeof why);
        if (code != EXIT_OK) {
            error_record(&id, code,
                         code == EXIT_NOT_TEXT ? "too-large"
                         : code == EXIT_IO     ? "unreadable"
                                               : "internal",
                         why, t0, rec);
            return;
        }
        summarise(run, sm, &id, text, len, t0, rec);
        free(text);
        return;
    }
    case BATCH_JOB_ERROR:
        error_record(&id, job->code, job->reason, job->message, t0, rec);
        return;
    case BATCH_JOB_SKIP: {
        cli_out o = {0};
        put_head(&o, &id, "skipped");
        cli_append(&o, ",\"message\":", 11);
        batch_json_string(&o, job->message, strlen(job->message));
        finish(&o, t0, BATCH_SKIPPED, rec);
        return;
    }
    case BATCH_JOB_LINE:
        break;
    }
}
