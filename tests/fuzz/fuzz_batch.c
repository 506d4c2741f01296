/* Fuzz target: `precis batch --jsonl` records and the --resume scanner
 * (src/cli/batch_record.c, src/cli/batch_output.c).
 *
 * The input is JSON Lines. Each non-blank line goes through the worker's
 * path (parse, pick the id and text, summarise, render one record) exactly
 * as `precis batch --jsonl` sends it; the records are written to a file as
 * the batch writer does, and that file is scanned as --resume scans it.
 * Two properties are checked, beyond memory safety: the scanner accepts
 * every file precis writes, and on resume every input so recorded counts
 * as done, so no record is lost or doubled. Inputs of odd length take the
 * --unordered path (records that carry their input's position), where kill
 * -9 can leave any subset of the records: every third one is left out, and
 * resume must redo exactly those. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void process_all(const batch_run *run, precis_summarizer *sm, batch_job *jobs, size_t n,
                        batch_record *recs)
{
    for (size_t i = 0; i < n; i++)
        batch_process(run, sm, &jobs[i], &recs[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static precis_summarizer *sm;
    static char path[64];
    if (!sm && precis_summarizer_new(&sm) != PRECIS_OK)
        return 0;
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/precis-fuzz-batch.%ld", (long)getpid());

    batch_config cfg = {.id_field = "id", .text_field = "text", .jobs = 1};
    precis_options_init(&cfg.opt, sizeof cfg.opt);
    cfg.opt.keywords = 3;
    batch_run run = {.cfg = &cfg, .positional = size & 1};

    /* Lines as read_jsonl cuts them: blank ones carry no document. */
    size_t cap = 1 + size / 2, n = 0;
    batch_job *jobs = calloc(cap, sizeof *jobs);
    batch_record *recs = calloc(cap, sizeof *recs);
    if (!jobs || !recs)
        goto out;
    const char *p = (const char *)data, *end = p + size;
    for (uint64_t line_no = 1; p < end && n < cap; line_no++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = (size_t)((nl ? nl : end) - p);
        char *line = malloc(len + 1);
        if (!line)
            goto out;
        memcpy(line, p, len);
        line[len] = '\0';
        p += len + (nl != NULL);
        if (strspn(line, " \t\r") == len) {
            free(line);
            continue;
        }
        jobs[n] = (batch_job){.seq = n, .kind = BATCH_JOB_LINE, .data = line, .len = len,
                              .line_no = line_no};
        n++;
    }
    process_all(&run, sm, jobs, n, recs);

    FILE *f = fopen(path, "wb");
    if (!f)
        goto out;
    size_t written = 0;
    for (size_t i = 0; i < n; i++)
        if (recs[i].line && !(run.positional && i % 3 == 1)) {
            fwrite(recs[i].line, 1, recs[i].len, f);
            written++;
        }
    fclose(f);

    batch_idset *set = batch_idset_new();
    uint64_t have = 0, positional = 0;
    if (!set)
        goto out;
    if (batch_resume_scan(path, set, &have, &positional) != EXIT_OK || have != written ||
        positional != (run.positional ? written : 0)) {
        fprintf(stderr, "resume refused or miscounted a file precis wrote\n");
        abort();
    }
    cfg.resume = true;
    cfg.output = path;
    run.done = set;
    run.done_records = have - positional;
    for (size_t i = 0; i < n; i++) {
        if (!recs[i].line)
            continue;
        bool left_out = run.positional && i % 3 == 1;
        batch_record again;
        batch_process(&run, sm, &jobs[i], &again);
        if ((again.outcome == BATCH_RESUMED) == left_out) {
            fprintf(stderr, "input %zu: resume would %s it\n", i,
                    left_out ? "lose the record of" : "redo");
            abort();
        }
        free(again.line);
        free(again.mirror);
    }
    batch_idset_free(set);
out:
    for (size_t i = 0; jobs && recs && i < n; i++) {
        free(jobs[i].data);
        free(recs[i].line);
        free(recs[i].mirror);
    }
    free(jobs);
    free(recs);
    return 0;
}
