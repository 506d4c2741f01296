/* Pathological inputs: time and memory must grow about linearly with the
 * input, whatever its shape (issue 10). Each shape is summarised at 1x and
 * 8x its size, each in a child process so that its peak memory is its own;
 * the checks are ratios with generous bounds (a quadratic stage grows 64
 * times where a linear one grows 8), not absolute timings. Labelled slow:
 * the sanitizer run skips it. */
#define _DEFAULT_SOURCE
#include "support.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "precis.h"

/* n sentences, each `words` words drawn from a vocabulary of 20 (short
 * sentences) or of 400 made-up words (long ones, which would otherwise all
 * repeat each other): every sentence shares words with most others, so the
 * similarity graph is as dense as it can be. Paragraphs of ten
 * sentences. */
static char *similar_sentences(size_t n, size_t words, size_t *len)
{
    char made_up[4] = "xyz";
    static const char *const vocab[] = {"cat", "dog", "mat", "rug", "sun", "sky", "sea",
                                        "red", "blue", "big", "old", "new", "run", "see",
                                        "fly", "sit", "eat", "hot", "wet", "dry"};
    size_t cap = n * (words * 6 + 4) + 1, at = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    uint64_t x = 88172645463325252u; /* xorshift64 (Marsaglia, 2003) */
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < words; k++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            const char *w = vocab[x % 20];
            if (words > 20) {
                unsigned v = (unsigned)(x % 400);
                made_up[0] = (char)('b' + v % 20), made_up[1] = 'o';
                made_up[2] = (char)('c' + v / 20);
                w = made_up;
            }
            size_t wl = strlen(w);
            memcpy(t + at, w, wl);
            if (k == 0)
                t[at] = (char)(t[at] - 'a' + 'A');
            at += wl;
            t[at++] = k + 1 < words ? ' ' : '.';
        }
        t[at++] = i % 10 == 9 ? '\n' : ' ';
    }
    t[at] = '\0';
    *len = at;
    return t;
}

typedef struct growth {
    double seconds; /* best of two */
    long peak_kb;   /* peak RSS while summarising, beyond what came before */
    int status;
} growth;

static growth measure(size_t n, size_t words)
{
    growth g = {.status = -1};
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(fd[0]);
        size_t len;
        char *text = similar_sentences(n, words, &len);
        growth q = {.seconds = 1e9};
        precis_summarizer *s = NULL;
        precis_options o;
        precis_options_init(&o, sizeof o);
        o.language = "english";
        precis_result *r = NULL;
        /* Warm up on a small text, so that the baseline holds the
         * summarizer's own state. */
        size_t small_len;
        char *small = similar_sentences(20, words, &small_len);
        q.status = (int)precis_summarizer_new(&s);
        if (q.status == PRECIS_OK)
            q.status = (int)precis_summarize(s, small, small_len, &o, &r, NULL);
        precis_result_free(r);
        struct rusage before, after;
        getrusage(RUSAGE_SELF, &before);
        for (int k = 0; k < 2 && q.status == PRECIS_OK; k++) {
            struct timespec a, b;
            clock_gettime(CLOCK_MONOTONIC, &a);
            q.status = (int)precis_summarize(s, text, len, &o, &r, NULL);
            clock_gettime(CLOCK_MONOTONIC, &b);
            precis_result_free(r);
            double sec = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) * 1e-9;
            q.seconds = sec < q.seconds ? sec : q.seconds;
        }
        getrusage(RUSAGE_SELF, &after);
        q.peak_kb = after.ru_maxrss - before.ru_maxrss;
        precis_summarizer_free(s);
        free(text);
        free(small);
        _exit(write(fd[1], &q, sizeof q) == (ssize_t)sizeof q ? 0 : 1);
    }
    close(fd[1]);
    ssize_t got = read(fd[0], &g, sizeof g);
    close(fd[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_int_equal(got, (ssize_t)sizeof g);
    assert_int_equal(g.status, PRECIS_OK);
    return g;
}

static void check_linear(size_t n, size_t words)
{
    size_t len1, len8;
    free(similar_sentences(n, words, &len1));
    free(similar_sentences(8 * n, words, &len8));
    growth a = measure(n, words), b = measure(8 * n, words);
    print_message("%zu sentences of %zu words: %zu bytes in %.4f s, +%ld kB; "
                  "%zu bytes in %.4f s, +%ld kB\n",
                  n, words, len1, a.seconds, a.peak_kb, len8, b.seconds, b.peak_kb);
    /* Time: 8 times the input may take at most 32 times as long (linear
     * is 8, quadratic 64); a floor of 50 ms keeps timer and scheduler noise
     * on tiny inputs out of it. */
    double base = a.seconds > 0.05 / 32 ? a.seconds : 0.05 / 32;
    if (b.seconds > 32 * base)
        fail_msg("time grew %.1f times for 8 times the input", b.seconds / a.seconds);
    /* Memory: at most about 20 times the document plus a constant, and
     * growing no faster than 4 times linearly. */
    long limit = (long)(20 * len8 / 1024) + 16 * 1024;
    if (b.peak_kb > limit)
        fail_msg("%zu bytes peaked %ld kB beyond the baseline (limit %ld kB)", len8,
                 b.peak_kb, limit);
    if (b.peak_kb > 32 * (a.peak_kb > 0 ? a.peak_kb : 1) + 8 * 1024)
        fail_msg("memory grew from %ld kB to %ld kB for 8 times the input", a.peak_kb,
                 b.peak_kb);
}

/* 375 and 3,000 short sentences of four words: the dense sentence graph
 * (a 60 kB file of 3,000 such sentences once peaked at 215 MB). */
static void short_similar_sentences(void **state)
{
    (void)state;
    check_linear(375, 4);
}

/* 300 and 2,400 sentences of 100 words from 400: tokens, key-term graph
 * and sentence graph all large (the larger past the graph's node limit). */
static void long_similar_sentences(void **state)
{
    (void)state;
    check_linear(300, 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(short_similar_sentences),
        cmocka_unit_test(long_similar_sentences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
