/* Fuzz target: ROUGE-1, -2 and -L (src/rouge.c) through the public API.
 *
 * Input: a candidate and one to three references separated by NUL bytes
 * (any bytes at all in between: tokenisation must cope). The first byte
 * says how many references to cut out of the rest. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "precis.h"
#include "precis_eval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static precis_rouge_scorer *scorer;
    if (!scorer && precis_rouge_scorer_new(NULL, &scorer, NULL) != PRECIS_OK)
        return 0;
    if (size < 1)
        return 0;
    size_t want = 1 + data[0] % 3;
    const char *p = (const char *)data + 1, *end = (const char *)data + size;
    const char *parts[4];
    size_t lens[4], n = 0;
    while (n < want + 1) {
        const char *z = memchr(p, '\0', (size_t)(end - p));
        parts[n] = p;
        lens[n] = (size_t)((z ? z : end) - p);
        n++;
        if (!z)
            break;
        p = z + 1;
    }
    if (n < 2)
        return 0;
    precis_rouge r;
    precis_rouge_evaluate(scorer, parts[0], lens[0], parts + 1, lens + 1, n - 1, &r, NULL);
    return 0;
}
