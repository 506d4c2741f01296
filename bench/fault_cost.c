/* bench/fault-cost: what a page of fresh memory costs on this machine,
 * the bound on large documents (bench/README.md, "Issue 11, fourth pass"):
 * the first write to each of N anonymous pages one by one (a page fault
 * each), against populating them in one call (MADV_POPULATE_WRITE, Linux
 * 5.14) and then writing them. Best of five rounds, microseconds a page.
 *
 *   build/bench/fault-cost [PAGES]      (default 4000) */
#define _DEFAULT_SOURCE /* madvise and MADV_POPULATE_WRITE */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static double now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static void touch(volatile char *p, size_t pages, size_t page)
{
    for (size_t i = 0; i < pages; i++)
        p[i * page] = 1;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 4000;
    long ps = sysconf(_SC_PAGESIZE);
    if (n < 1 || n > 1000000 || ps <= 0) {
        fprintf(stderr, "usage: fault-cost [PAGES], 1 to 1000000\n");
        return 2;
    }
    size_t pages = (size_t)n, page = (size_t)ps, bytes = pages * page;
    double fault = 1e30, populate = 1e30, after = 1e30;
    for (int round = 0; round < 5; round++) {
        char *a = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        char *b = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (a == MAP_FAILED || b == MAP_FAILED) {
            perror("fault-cost: mmap");
            return 1;
        }
        double t0 = now_us();
        touch(a, pages, page);
        double t1 = now_us();
#ifdef MADV_POPULATE_WRITE
        int populated = madvise(b, bytes, MADV_POPULATE_WRITE) == 0;
#else
        int populated = 0;
#endif
        double t2 = now_us();
        touch(b, pages, page);
        double t3 = now_us();
        if ((t1 - t0) / (double)pages < fault)
            fault = (t1 - t0) / (double)pages;
        if (populated && (t2 - t1) / (double)pages < populate)
            populate = (t2 - t1) / (double)pages;
        if (populated && (t3 - t2) / (double)pages < after)
            after = (t3 - t2) / (double)pages;
        munmap(a, bytes);
        munmap(b, bytes);
    }
    printf("%zu pages of %zu bytes, best of 5 rounds, microseconds a page:\n", pages, page);
    printf("  first write, one fault each:   %.2f\n", fault);
    if (populate < 1e30)
        printf("  populated at once:             %.2f, then first write %.2f\n", populate, after);
    else
        printf("  populated at once:             not available (MADV_POPULATE_WRITE)\n");
    return 0;
}
