/* Fuzz target: the model loader, and everything that reads a loaded model
 * (term lookups while summarising, merging, writing it back).
 *
 * A model's payload carries an XXH64 checksum and its length in the
 * header: random mutations would almost never get past them and the
 * fuzzer would only ever test the checksum. So the harness writes the
 * true payload length and checksum into every input of at least a header's
 * size before loading it, unless byte 127 (reserved) is 0xFF, and the
 * fuzzer explores the tables behind them. The input goes through a pipe
 * (/dev/fd/N), which the loader reads into memory from malloc: a regular
 * file would be mapped, and ASan does not watch mapped memory, so a read
 * past a table would go unseen (a review found a lookup's bounds check
 * could be removed without this harness noticing). */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "precis.h"
#include "internal.h" /* pcs_model_checksum */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char text[] =
    "The council approved the new budget on Monday after a long debate. "
    "Members said the budget would fund schools, roads and the harbour. "
    "Critics argued that the harbour plan was too expensive for the town. "
    "The mayor promised a review of the harbour costs before the summer.";

static void put64(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64], out[72];
    if (!out[0])
        snprintf(out, sizeof out, "/tmp/precis-fuzz-model.%ld.out", (long)getpid());
    uint8_t *copy = malloc(size + 1);
    if (!copy)
        return 0;
    memcpy(copy, data, size);
    if (size >= 128 && copy[127] != 0xFF) {
        put64(copy + 96, size - 128);
        put64(copy + 104, pcs_model_checksum(copy + 128, size - 128));
    }
    /* The whole input fits the pipe (libFuzzer's -max_len is 64 KiB, the
     * pipe is grown past it); the write end does not block, so a larger
     * input is skipped rather than waited on. */
    int fds[2];
    if (pipe(fds) != 0) {
        free(copy);
        return 0;
    }
    fcntl(fds[1], F_SETPIPE_SZ, 1 << 20);
    fcntl(fds[1], F_SETFL, O_NONBLOCK);
    size_t done = 0;
    while (done < size) {
        ssize_t w = write(fds[1], copy + done, size - done);
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    close(fds[1]);
    free(copy);
    snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);

    precis_model *m = NULL;
    precis_status loaded = done == size ? precis_model_load(path, &m, NULL) : PRECIS_ERR_IO;
    close(fds[0]);
    if (loaded != PRECIS_OK)
        return 0;
    const char *language = precis_model_language(m);
    (void)precis_model_documents(m);
    (void)precis_model_terms(m);

    static precis_summarizer *sm;
    if (sm || precis_summarizer_new(&sm) == PRECIS_OK) {
        precis_options o;
        precis_options_init(&o, sizeof o);
        o.language = language;
        o.model = m;
        precis_result *res = NULL;
        if (precis_summarize(sm, text, sizeof text - 1, &o, &res, NULL) == PRECIS_OK)
            precis_result_free(res);
    }
    precis_model_builder *b = NULL;
    if (precis_model_builder_new(language, &b, NULL) == PRECIS_OK) {
        if (precis_model_builder_add_model(b, m, NULL) == PRECIS_OK &&
            precis_model_builder_add_text(b, text, sizeof text - 1, NULL) == PRECIS_OK &&
            precis_model_builder_write(b, out, 1, NULL) == PRECIS_OK) {
            precis_model *again = NULL;
            precis_model_load(out, &again, NULL);
            precis_model_free(again);
        }
        precis_model_builder_free(b);
    }
    precis_model_free(m);
    return 0;
}
