/* Memory helpers: the per-document arena, growable arrays and the error
 * formatter. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Blocks start at 64 KiB and double, so a 10 MB document needs a few dozen
 * blocks, not thousands. */
#define PCS_ARENA_MIN_BLOCK ((size_t)64 * 1024)
#define PCS_ALIGN _Alignof(max_align_t)

struct pcs_arena_block {
    pcs_arena_block *next;
    size_t size; /* usable bytes after the header */
    size_t used;
    _Alignas(max_align_t) unsigned char data[];
};

void pcs_arena_init(pcs_arena *arena)
{
    memset(arena, 0, sizeof *arena);
}

static pcs_arena_block *take_block(pcs_arena *arena, size_t need)
{
    /* Reuse a kept block that is large enough. */
    for (pcs_arena_block **link = &arena->free; *link; link = &(*link)->next) {
        if ((*link)->size >= need) {
            pcs_arena_block *b = *link;
            *link = b->next;
            b->used = 0;
            return b;
        }
    }
    size_t size = arena->head ? arena->head->size * 2 : PCS_ARENA_MIN_BLOCK;
    if (size < need)
        size = need;
    if (size > SIZE_MAX - sizeof(pcs_arena_block))
        return NULL;
    pcs_arena_block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->size = size;
    b->used = 0;
    return b;
}

void *pcs_arena_alloc(pcs_arena *arena, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - PCS_ALIGN)
        return NULL;
    size = (size + PCS_ALIGN - 1) & ~(PCS_ALIGN - 1);
    pcs_arena_block *b = arena->head;
    if (!b || b->size - b->used < size) {
        b = take_block(arena, size);
        if (!b)
            return NULL;
        b->next = arena->head;
        arena->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    arena->used_total += size;
    return p;
}

void pcs_arena_trim(pcs_arena *arena, void *p, size_t size, size_t keep)
{
    pcs_arena_block *b = arena->head;
    size = (size + PCS_ALIGN - 1) & ~(PCS_ALIGN - 1);
    keep = (keep + PCS_ALIGN - 1) & ~(PCS_ALIGN - 1);
    if (!b || keep >= size || (unsigned char *)p + size != b->data + b->used)
        return;
    b->used -= size - keep;
    arena->used_total -= size - keep;
}

void *pcs_arena_calloc(pcs_arena *arena, size_t count, size_t size)
{
    size_t bytes;
    if (!pcs_mul_ok(count, size, &bytes))
        return NULL;
    void *p = pcs_arena_alloc(arena, bytes);
    if (p)
        memset(p, 0, bytes);
    return p;
}

char *pcs_arena_strndup(pcs_arena *arena, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = pcs_arena_alloc(arena, len + 1);
    if (p) {
        memcpy(p, s, len);
        p[len] = '\0';
    }
    return p;
}

void pcs_arena_reset(pcs_arena *arena)
{
    /* Keep the blocks, but give back any that grew past 64 MiB so one huge
     * document does not pin its memory for the rest of a batch. */
    pcs_arena_block *b = arena->head;
    while (b) {
        pcs_arena_block *next = b->next;
        if (b->size > ((size_t)64 << 20)) {
            free(b);
        } else {
            b->next = arena->free;
            arena->free = b;
        }
        b = next;
    }
    arena->head = NULL;
    arena->used_total = 0;
}

void pcs_arena_free(pcs_arena *arena)
{
    pcs_arena_reset(arena);
    pcs_arena_block *b = arena->free;
    while (b) {
        pcs_arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena->free = NULL;
}

bool pcs_grow_to(void **items, size_t *cap, size_t need, size_t elem)
{
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return false;
        n *= 2;
    }
    size_t bytes;
    if (!pcs_mul_ok(n, elem, &bytes))
        return false;
    void *p = realloc(*items, bytes);
    if (!p)
        return false;
    *items = p;
    *cap = n;
    return true;
}

/* Does a caller's precis_error of err->size bytes hold the whole member?
 * (precis.h, "ABI": the library writes only within size.) */
#define ERROR_HOLDS(err, member)                                                  \
    ((err)->size >= offsetof(precis_error, member) + sizeof(err)->member)

precis_status pcs_fail(precis_error *err, precis_status status, size_t offset,
                       const char *fmt, ...)
{
    if (!err)
        return status;
    if (ERROR_HOLDS(err, status))
        err->status = status;
    if (ERROR_HOLDS(err, offset))
        err->offset = offset;
    size_t at = offsetof(precis_error, message);
    if (err->size > at) {
        size_t cap = err->size - at < sizeof err->message ? err->size - at
                                                          : sizeof err->message;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, cap, fmt, ap);
        va_end(ap);
    }
    return status;
}

void pcs_error_clear(precis_error *err)
{
    if (!err)
        return;
    if (ERROR_HOLDS(err, status))
        err->status = PRECIS_OK;
    if (ERROR_HOLDS(err, offset))
        err->offset = SIZE_MAX;
    if (err->size > offsetof(precis_error, message))
        err->message[0] = '\0';
}

void precis_error_init(precis_error *err, size_t size)
{
    if (!err || size < sizeof err->size)
        return;
    err->size = size < sizeof *err ? size : sizeof *err;
    pcs_error_clear(err);
    err->size = size;
}
