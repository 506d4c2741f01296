/* Helpers shared by the unit tests. */
#ifndef PRECIS_TEST_SUPPORT_H
#define PRECIS_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>
#include <math.h>

/* |a - b| <= eps, with both values in the failure message (cmocka 1.1 has
 * no double assertion). */
#define assert_near(a, b, eps)                                                 \
    do {                                                                       \
        double a_ = (a), b_ = (b);                                             \
        if (!(fabs(a_ - b_) <= (eps)))                                         \
            fail_msg("%s = %.17g, expected %.17g (within %g)", #a, a_, b_,     \
                     (double)(eps));                                           \
    } while (0)

/* ctest reads this exit code as "skipped". */
#define TEST_SKIP_CODE 77

/* The team's read-only fixtures folder (PRECIS_SHARED, set by ctest), or
 * NULL when it is not there. */
static inline const char *test_shared_dir(void)
{
    const char *d = getenv("PRECIS_SHARED");
    struct stat st;
    if (!d || stat(d, &st) != 0 || !S_ISDIR(st.st_mode))
        return NULL;
    return d;
}

/* Exit with "skipped" and a clear message when the fixtures are absent. */
static inline const char *test_require_shared(const char *what)
{
    const char *d = test_shared_dir();
    if (!d) {
        printf("SKIP: %s needs the fixtures folder ../shared (set PRECIS_SHARED "
               "to point elsewhere); it is not there\n", what);
        exit(TEST_SKIP_CODE);
    }
    return d;
}

/* Whole file into a NUL-terminated malloc'd buffer; NULL on failure. */
static inline char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        if (len)
            *len = n;
    }
    return buf;
}

#endif
