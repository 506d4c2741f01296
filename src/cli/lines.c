/* Reading a stream line by line with a bound on the line length: the
 * --files-from and --jsonl inputs of precis batch and the --jsonl input of
 * precis model build. A line longer than the bound is read past in pieces,
 * never held whole. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

size_t cli_jsonl_limit(size_t max_bytes)
{
    size_t extra = (size_t)1 << 20;
    return max_bytes > (SIZE_MAX - extra) / 6 ? SIZE_MAX - 1 : max_bytes * 6 + extra;
}

int cli_lines_open(cli_lines *r, const char *path, size_t limit, int wake,
                   atomic_uint_fast64_t *progress)
{
    *r = (cli_lines){.fd = STDIN_FILENO, .wake = wake, .limit = limit, .progress = progress,
                     .cap = 1 << 16};
    if (strcmp(path, "-") != 0 && (r->fd = open(path, O_RDONLY)) < 0)
        return errno ? errno : EIO;
    if (!(r->buf = malloc(r->cap))) {
        cli_lines_close(r);
        return ENOMEM;
    }
    return 0;
}

void cli_lines_close(cli_lines *r)
{
    if (r->fd != STDIN_FILENO && r->fd >= 0)
        close(r->fd);
    r->fd = -1;
    free(r->buf);
    r->buf = NULL;
}

static void consumed(const cli_lines *r, size_t n)
{
    if (r->progress)
        atomic_fetch_add(r->progress, n);
}

/* Block until fd has data or the wake pipe says stop. A stream from a
 * pipe can stay silent for ever; the wake pipe lets Ctrl-C through (poll
 * ignores a negative fd: no wake pipe). */
static bool wait_input(const cli_lines *r)
{
    struct pollfd p[2] = {{.fd = r->fd, .events = POLLIN}, {.fd = r->wake, .events = POLLIN}};
    for (;;) {
        int k = poll(p, 2, -1);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return true; /* let read() report it */
        return !(p[1].revents & POLLIN);
    }
}

int cli_lines_next(cli_lines *r, char **line, size_t *len)
{
    size_t scanned = 0;
    bool discarding = false;
    for (;;) {
        char *base = r->buf + r->start;
        char *nl = memchr(base + scanned, '\n', r->end - r->start - scanned);
        if (nl) {
            size_t n = (size_t)(nl - base);
            *nl = '\0';
            *line = base;
            *len = n;
            r->start += n + 1;
            consumed(r, n + 1);
            return discarding || n > r->limit ? CLI_LINES_LONG : CLI_LINES_LINE;
        }
        scanned = r->end - r->start;
        if (discarding || scanned > r->limit) {
            consumed(r, scanned);
            discarding = true;
            r->start = r->end;
            scanned = 0;
        }
        if (r->eof) {
            if (r->start == r->end)
                return discarding ? CLI_LINES_LONG : CLI_LINES_EOF;
            /* A last line without its newline. */
            size_t n = r->end - r->start;
            r->buf[r->end] = '\0'; /* there is always room: see below */
            *line = r->buf + r->start;
            *len = n;
            r->start = r->end;
            consumed(r, n);
            return n > r->limit ? CLI_LINES_LONG : CLI_LINES_LINE;
        }
        if (r->start > 0) {
            memmove(r->buf, r->buf + r->start, r->end - r->start);
            r->end -= r->start;
            r->start = 0;
        }
        if (r->end + 1 >= r->cap) {
            size_t nc = r->cap * 2;
            char *nb = realloc(r->buf, nc);
            if (!nb) {
                r->err = ENOMEM;
                return CLI_LINES_ERROR;
            }
            r->buf = nb;
            r->cap = nc;
        }
        if (!wait_input(r))
            return CLI_LINES_STOP;
        ssize_t k = read(r->fd, r->buf + r->end, r->cap - r->end - 1);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            r->err = errno;
            return CLI_LINES_ERROR;
        }
        if (k == 0)
            r->eof = true;
        r->end += (size_t)k;
    }
}
