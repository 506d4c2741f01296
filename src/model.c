/* Trained models: document frequencies of stems counted over a corpus,
 * written in a fixed binary format and loaded with no parsing: a regular
 * file is mapped, a pipe read into memory.
 *
 * File format, version 3 (all integers little-endian, fixed width):
 *
 *   offset size  field
 *        0    8  magic "PRECISMD"
 *        8    4  format version (3; version 2 also counted each stem's
 *                surface forms, which nothing read, and version 1 had an
 *                FNV-1a checksum)
 *       12    4  header size (128)
 *       16    8  documents counted
 *       24    4  terms
 *       28    4  reserved (0)
 *       32    4  hash slots (a power of two >= 2 x terms)
 *       36    4  minimum document frequency kept
 *       40    4  bytes of the string pool
 *       44    4  reserved (0)
 *       48   16  language, canonical name, NUL-padded
 *       64   16  tokenizer identity, NUL-padded
 *       80   16  stemmer identity, NUL-padded
 *       96    8  payload bytes (file size - header size)
 *      104    8  XXH64 checksum of the payload (seed 0)
 *      112   16  reserved (0)
 *      128       terms:    per term {u32 stem offset, u32 stem length,
 *                          u32 df}, sorted by stem bytes
 *                hash:     u32 slots, each 0 (empty) or term index + 1;
 *                          FNV-1a 32 of the stem, linear probing
 *                strings:  the bytes of the stems
 *
 * Everything is sorted, so the same documents give the same bytes in any
 * order, and merging counts gives exactly the model of the union. */
#define _DEFAULT_SOURCE /* MAP_POPULATE, with POSIX 2008 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#define MODEL_MAGIC "PRECISMD"
#define MODEL_VERSION 3u
#define HEADER_SIZE 128u
#define TERM_SIZE 12u
#define NAME_SIZE 16u

/* What a stem means depends on the tokenizer and stemmer: a model made by
 * another tokenizer must not be mixed with this one's stems. Bump when
 * tokenization changes. */
#define TOKENIZER_ID "precis-tok/1"

struct precis_model {
    unsigned char *data; /* the whole file */
    size_t size;
    bool mapped;         /* data is a read-only mapping of the file */
    uint64_t documents;
    uint32_t n_terms, hash_slots, min_df;
    const unsigned char *terms, *hash, *strings;
    uint32_t strings_size;
    char language[NAME_SIZE + 1];
};

static inline uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t rd64(const unsigned char *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static void wr32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16), p[3] = (unsigned char)(v >> 24);
}

static void wr64(unsigned char *p, uint64_t v)
{
    wr32(p, (uint32_t)v);
    wr32(p + 4, (uint32_t)(v >> 32));
}

/* XXH64 with seed 0 (Yann Collet, xxHash, doc/xxhash_spec.md in
 * github.com/Cyan4973/xxHash; `xxhsum -H1` of the payload gives the same):
 * a checksum against truncation and corruption, not an authenticity check.
 * Format version 1 used FNV-1a 64, whose one multiply per byte in a single
 * dependency chain took about 1 ms for the English model, a quarter of a
 * command; XXH64 reads 8-byte words into four independent lanes. */
#define XXH_P1 0x9E3779B185EBCA87u
#define XXH_P2 0xC2B2AE3D27D4EB4Fu
#define XXH_P3 0x165667B19E3779F9u
#define XXH_P4 0x85EBCA77C2B2AE63u
#define XXH_P5 0x27D4EB2F165667C5u

static inline uint64_t rotl64(uint64_t x, unsigned r)
{
    return x << r | x >> (64 - r);
}

static inline uint64_t xxh_round(uint64_t acc, uint64_t input)
{
    return rotl64(acc + input * XXH_P2, 31) * XXH_P1;
}

static uint64_t xxh_merge(uint64_t h, uint64_t v)
{
    return (h ^ xxh_round(0, v)) * XXH_P1 + XXH_P4;
}

uint64_t pcs_model_checksum(const unsigned char *p, size_t n)
{
    const unsigned char *end = p + n;
    uint64_t h;
    if (n >= 32) {
        uint64_t v1 = XXH_P1 + XXH_P2, v2 = XXH_P2, v3 = 0, v4 = 0 - XXH_P1;
        for (; end - p >= 32; p += 32) {
            v1 = xxh_round(v1, rd64(p));
            v2 = xxh_round(v2, rd64(p + 8));
            v3 = xxh_round(v3, rd64(p + 16));
            v4 = xxh_round(v4, rd64(p + 24));
        }
        h = rotl64(v1, 1) + rotl64(v2, 7) + rotl64(v3, 12) + rotl64(v4, 18);
        h = xxh_merge(xxh_merge(xxh_merge(xxh_merge(h, v1), v2), v3), v4);
    } else {
        h = XXH_P5;
    }
    h += (uint64_t)n;
    for (; end - p >= 8; p += 8)
        h = rotl64(h ^ xxh_round(0, rd64(p)), 27) * XXH_P1 + XXH_P4;
    if (end - p >= 4) {
        h = rotl64(h ^ (uint64_t)rd32(p) * XXH_P1, 23) * XXH_P2 + XXH_P3;
        p += 4;
    }
    for (; p < end; p++)
        h = rotl64(h ^ *p * XXH_P5, 11) * XXH_P1;
    h ^= h >> 33;
    h *= XXH_P2;
    h ^= h >> 29;
    h *= XXH_P3;
    return h ^ h >> 32;
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */
/* ------------------------------------------------------------------------ */

static precis_status bad(precis_error *err, const char *path, const char *why)
{
    return pcs_fail(err, PRECIS_ERR_MODEL, SIZE_MAX, "%s: not a usable precis model: %s", path,
                    why);
}

/* Is a NUL-padded name field a C string of known characters? */
static bool name_ok(const unsigned char *p)
{
    size_t n = 0;
    while (n < NAME_SIZE && p[n])
        n++;
    for (size_t i = n; i < NAME_SIZE; i++)
        if (p[i])
            return false;
    return n > 0;
}

/* Read up to n bytes (fewer only at end of file). -1 with errno on error. */
static ssize_t read_full(int fd, unsigned char *p, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, p + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

/* The payload after the header: exactly `payload` bytes. Nothing is
 * allocated on the header's word alone: a regular file's size is checked
 * first, and a pipe's bytes are taken in growing steps as they arrive, so
 * a 128-byte file that claims 4 GiB costs nothing. NULL with *why set (or
 * with *why NULL and errno set when reading failed, or out of memory). */
static unsigned char *read_payload(int fd, const struct stat *st, uint64_t payload,
                                   const char **why)
{
    *why = NULL;
    if (S_ISREG(st->st_mode)) {
        if ((uint64_t)st->st_size < HEADER_SIZE + payload) {
            *why = "truncated (shorter than its header says)";
            return NULL;
        }
        if ((uint64_t)st->st_size > HEADER_SIZE + payload) {
            *why = "longer than its header says";
            return NULL;
        }
    }
    /* A regular file of the right size is read in one go; a pipe's size is
     * unknown, so its buffer grows only as bytes arrive. */
    size_t cap = S_ISREG(st->st_mode) || payload < (1u << 16) ? (size_t)payload : (size_t)1 << 16;
    size_t have = 0;
    unsigned char *data = malloc(HEADER_SIZE + cap + 1);
    for (;;) {
        if (!data) {
            errno = ENOMEM;
            return NULL;
        }
        /* One byte more than the payload: a file that grew is not ours. */
        ssize_t r = read_full(fd, data + HEADER_SIZE + have, cap + 1 - have);
        if (r < 0) {
            free(data);
            return NULL;
        }
        have += (size_t)r;
        if (have > payload) {
            *why = "longer than its header says";
            break;
        }
        if (have <= cap) {
            if (have < payload)
                *why = "truncated (shorter than its header says)";
            else
                return data;
            break;
        }
        /* The buffer filled: a pipe with more to come. Grow and go on. */
        cap = cap * 2 < payload ? cap * 2 : (size_t)payload;
        unsigned char *nd = realloc(data, HEADER_SIZE + cap + 1);
        if (!nd)
            free(data);
        data = nd;
    }
    free(data);
    return NULL;
}

precis_status precis_model_load(const char *path, precis_model **out, precis_error *err)
{
    if (!path || !out)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX, "path and out must not be NULL");
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return pcs_fail(err, PRECIS_ERR_IO, SIZE_MAX, "%s: cannot open: %s", path, strerror(e));
    }
    if (S_ISDIR(st.st_mode)) {
        close(fd);
        return bad(err, path, "it is a directory, not a model file");
    }
    unsigned char header[HEADER_SIZE];
    ssize_t got = read_full(fd, header, HEADER_SIZE);
    const char *why = NULL;
    if (got < 0) {
        int e = errno;
        close(fd);
        return pcs_fail(err, PRECIS_ERR_IO, SIZE_MAX, "%s: cannot read: %s", path, strerror(e));
    }
    size_t magic_seen = (size_t)got < 8 ? (size_t)got : 8;
    if (got == 0)
        why = "the file is empty";
    else if (memcmp(header, MODEL_MAGIC, magic_seen) != 0)
        why = "wrong magic number (not a model file)";
    else if ((size_t)got < HEADER_SIZE)
        why = "truncated (shorter than a model header)";
    if (why) {
        close(fd);
        return bad(err, path, why);
    }
    if (rd32(header + 8) != MODEL_VERSION) {
        close(fd);
        char version[96];
        snprintf(version, sizeof version, "format version %u, this precis reads version %u",
                 rd32(header + 8), MODEL_VERSION);
        return bad(err, path, version);
    }
    uint64_t payload = rd64(header + 96);
    if (rd32(header + 12) != HEADER_SIZE || payload > ((uint64_t)1 << 32)) {
        close(fd);
        return bad(err, path, "corrupt header");
    }
    /* A regular file of the right size is mapped, not read: no copy and,
     * with the pages populated in one call, no page fault per 4 kB, which
     * is most of a command's start-up on some machines. */
    unsigned char *data = NULL;
    bool mapped = false;
    if (S_ISREG(st.st_mode) && (uint64_t)st.st_size == HEADER_SIZE + payload) {
        void *map = mmap(NULL, HEADER_SIZE + (size_t)payload, PROT_READ, MAP_PRIVATE | MAP_POPULATE,
                         fd, 0);
        if (map != MAP_FAILED) {
            data = map;
            mapped = true;
        }
    }
    if (!mapped)
        data = read_payload(fd, &st, payload, &why);
    int e = errno;
    close(fd);
    if (!data && why)
        return bad(err, path, why);
    if (!data && e == ENOMEM)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory loading %s", path);
    if (!data)
        return pcs_fail(err, PRECIS_ERR_IO, SIZE_MAX, "%s: cannot read: %s", path, strerror(e));
    precis_model *m = calloc(1, sizeof *m);
    if (!m) {
        if (mapped)
            munmap(data, HEADER_SIZE + (size_t)payload);
        else
            free(data);
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory loading %s", path);
    }
    if (!mapped)
        memcpy(data, header, HEADER_SIZE);
    else if (memcmp(data, header, HEADER_SIZE) != 0)
        why = "changed while it was read";
    m->data = data;
    m->size = HEADER_SIZE + (size_t)payload;
    m->mapped = mapped;
    if (!why && pcs_model_checksum(data + HEADER_SIZE, (size_t)payload) != rd64(header + 104))
        why = "checksum mismatch (the file is corrupt)";
    if (!why && (!name_ok(header + 48) || !name_ok(header + 64) || !name_ok(header + 80)))
        why = "corrupt header";
    if (!why && memcmp(header + 64, TOKENIZER_ID, sizeof TOKENIZER_ID) != 0)
        why = "made by another tokenizer (rebuild it with this precis)";
    if (!why) {
        m->documents = rd64(header + 16);
        m->n_terms = rd32(header + 24);
        m->hash_slots = rd32(header + 32);
        m->min_df = rd32(header + 36);
        m->strings_size = rd32(header + 40);
        memcpy(m->language, header + 48, NAME_SIZE);
        uint64_t need = (uint64_t)m->n_terms * TERM_SIZE + (uint64_t)m->hash_slots * 4 +
                        m->strings_size;
        const char *canonical;
        if (need != payload || rd32(header + 28) != 0 || m->hash_slots < 2 * (uint64_t)m->n_terms ||
            (m->hash_slots & (m->hash_slots - 1)) != 0)
            why = "corrupt tables";
        else if (precis_language_resolve(m->language, &canonical, NULL) != PRECIS_OK ||
                 memcmp(header + 80, canonical, strlen(canonical) + 1) != 0)
            why = "unknown language or stemmer";
    }
    if (!why) {
        m->terms = data + HEADER_SIZE;
        m->hash = m->terms + (size_t)m->n_terms * TERM_SIZE;
        m->strings = m->hash + (size_t)m->hash_slots * 4;
        /* Each term fills one slot, so the table keeps at least half its
         * slots empty (slots >= 2 x terms) and every probe ends. The
         * term table's references are checked where they are followed
         * (find_term, precis_model_builder_add_model): checking all of
         * them here took a fifth of a command's instructions, for a
         * summary that looks up a few hundred stems. */
        uint32_t used = 0;
        for (uint32_t h = 0; h < m->hash_slots; h++)
            used += rd32(m->hash + (size_t)h * 4) != 0;
        if (used != m->n_terms)
            why = "corrupt hash table";
    }
    if (why) {
        precis_model_free(m);
        return bad(err, path, why);
    }
    *out = m;
    return PRECIS_OK;
}

void precis_model_free(precis_model *m)
{
    if (!m)
        return;
    if (m->mapped)
        munmap(m->data, m->size);
    else
        free(m->data);
    free(m);
}

const char *precis_model_language(const precis_model *m)
{
    const char *canonical = NULL;
    if (m)
        precis_language_resolve(m->language, &canonical, NULL);
    return canonical;
}

uint64_t precis_model_documents(const precis_model *m)
{
    return m ? m->documents : 0;
}

size_t precis_model_terms(const precis_model *m)
{
    return m ? m->n_terms : 0;
}

uint64_t pcs_model_identity(const precis_model *m)
{
    return rd64(m->data + 104) ^ m->documents;
}

/* Index of the stem's term, or UINT32_MAX. */
static uint32_t find_term(const precis_model *m, const char *stem, size_t len)
{
    if (m->n_terms == 0)
        return UINT32_MAX;
    uint32_t mask = m->hash_slots - 1;
    /* The loader leaves empty slots, so a probe ends; counting the probes
     * keeps a lookup bounded whatever the table holds. */
    uint32_t i = pcs_hash(stem, len) & mask;
    for (uint32_t probes = 0; probes < m->hash_slots; probes++, i = (i + 1) & mask) {
        uint32_t v = rd32(m->hash + (size_t)i * 4);
        if (v == 0 || v > m->n_terms)
            return UINT32_MAX; /* empty, or a corrupt slot */
        /* Each field read once: the bounds checked are the bounds used. */
        const unsigned char *r = m->terms + (size_t)(v - 1) * TERM_SIZE;
        uint32_t off = rd32(r), n = rd32(r + 4);
        if (n == len && (uint64_t)off + n <= m->strings_size &&
            memcmp(m->strings + off, stem, len) == 0)
            return v - 1;
    }
    return UINT32_MAX;
}

uint32_t pcs_model_df(const precis_model *m, const char *stem, size_t len)
{
    uint32_t t = find_term(m, stem, len);
    return t == UINT32_MAX ? 0 : rd32(m->terms + (size_t)t * TERM_SIZE + 8);
}

/* ------------------------------------------------------------------------ */
/* Building                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct build_term {
    const char *stem;
    uint32_t len;
    uint32_t df;
    uint64_t last_doc; /* the document that last counted it, plus one */
} build_term;

struct precis_model_builder {
    const char *language;
    precis_summarizer *summarizer; /* tokenizer, stemmer, word cache */
    pcs_arena strings;
    pcs_map terms_map;
    build_term *terms;
    size_t n_terms, cap_terms;
    uint64_t documents;
};

precis_status precis_model_builder_new(const char *language, precis_model_builder **out,
                                       precis_error *err)
{
    if (!out)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX, "out must not be NULL");
    *out = NULL;
    const char *canonical;
    precis_status st = precis_language_resolve(language, &canonical, err);
    if (st != PRECIS_OK)
        return st;
    precis_model_builder *b = calloc(1, sizeof *b);
    if (!b || precis_summarizer_new(&b->summarizer) != PRECIS_OK) {
        free(b);
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    }
    b->language = canonical;
    pcs_arena_init(&b->strings);
    *out = b;
    return PRECIS_OK;
}

void precis_model_builder_free(precis_model_builder *b)
{
    if (!b)
        return;
    precis_summarizer_free(b->summarizer);
    pcs_arena_free(&b->strings);
    pcs_map_free(&b->terms_map);
    free(b->terms);
    free(b);
}

/* The index of a stem's term, added when new; UINT32_MAX when out of
 * memory. */
static uint32_t term_index(precis_model_builder *b, const char *stem, size_t len)
{
    uint32_t h = pcs_hash(stem, len);
    const pcs_map_slot *slot = pcs_map_find(&b->terms_map, stem, len, h);
    if (slot)
        return slot->value;
    char *copy = pcs_arena_strndup(&b->strings, stem, len);
    if (!copy || b->n_terms >= UINT32_MAX - 1 ||
        !pcs_grow((void **)&b->terms, &b->cap_terms, b->n_terms + 1, sizeof *b->terms))
        return UINT32_MAX;
    uint32_t t = (uint32_t)b->n_terms;
    if (!pcs_map_put(&b->terms_map, copy, len, h, t))
        return UINT32_MAX;
    b->terms[b->n_terms++] = (build_term){copy, (uint32_t)len, 0, 0};
    return t;
}

precis_status precis_model_builder_add_text(precis_model_builder *b, const char *text,
                                            size_t len, precis_error *err)
{
    if (!b || (!text && len))
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX, "builder and text must not be NULL");
    precis_options o;
    precis_options_init(&o, sizeof o);
    o.language = b->language;
    o.max_bytes = (size_t)1 << 30;
    pcs_doc doc;
    precis_status st = pcs_prepare_tokens(b->summarizer, text ? text : "", len, &o, &doc, NULL, err);
    if (st != PRECIS_OK)
        return st;
    /* Document frequency: each stem counts once per document. */
    uint64_t stamp = b->documents + 1;
    for (uint32_t k = 0; k < doc.n_toks; k++) {
        const pcs_token *tok = &doc.toks[k];
        if (tok->term == UINT32_MAX)
            continue;
        const pcs_term *term = &doc.terms[tok->term];
        uint32_t t = term_index(b, term->stem, term->stem_len);
        if (t == UINT32_MAX)
            return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
        if (b->terms[t].last_doc != stamp) {
            b->terms[t].last_doc = stamp;
            b->terms[t].df++;
        }
    }
    b->documents++;
    return PRECIS_OK;
}

/* Do the term table's stems lie inside the string pool? The loader
 * checks only what every lookup relies on (the hash table); a merge reads
 * every entry, so it checks them all first and merges nothing from a
 * model that fails. */
static bool terms_ok(const precis_model *m)
{
    for (uint32_t t = 0; t < m->n_terms; t++) {
        const unsigned char *r = m->terms + (size_t)t * TERM_SIZE;
        if ((uint64_t)rd32(r) + rd32(r + 4) > m->strings_size || rd32(r + 4) == 0)
            return false;
    }
    return true;
}

precis_status precis_model_builder_add_model(precis_model_builder *b, const precis_model *m,
                                             precis_error *err)
{
    if (!b || !m)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX, "builder and model must not be NULL");
    if (strcmp(precis_model_language(m), b->language) != 0)
        return pcs_fail(err, PRECIS_ERR_MODEL, SIZE_MAX,
                        "cannot merge a model for %s into one for %s", precis_model_language(m),
                        b->language);
    if (!terms_ok(m))
        return pcs_fail(err, PRECIS_ERR_MODEL, SIZE_MAX,
                        "cannot merge a model: corrupt term table");
    for (uint32_t i = 0; i < m->n_terms; i++) {
        const unsigned char *r = m->terms + (size_t)i * TERM_SIZE;
        uint32_t t = term_index(b, (const char *)m->strings + rd32(r), rd32(r + 4));
        if (t == UINT32_MAX)
            return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
        b->terms[t].df += rd32(r + 8);
    }
    b->documents += m->documents;
    return PRECIS_OK;
}

static int by_bytes(const char *a, uint32_t al, const char *b, uint32_t bl)
{
    int c = memcmp(a, b, al < bl ? al : bl);
    return c ? c : (al > bl) - (al < bl);
}

static int by_stem(const void *pa, const void *pb)
{
    const build_term *a = *(const build_term *const *)pa, *b = *(const build_term *const *)pb;
    return by_bytes(a->stem, a->len, b->stem, b->len);
}

/* Create a new file beside path under an unpredictable name, as mkstemp
 * does (O_EXCL, never following a link planted there), but with mode 0666
 * less the umask like any other file the user writes. -1 with errno. */
static int create_beside(const char *path, char *tmp, size_t cap)
{
    const char *slash = strrchr(path, '/');
    int dir_len = slash ? (int)(slash - path + 1) : 0;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    uint64_t x = (uint64_t)now.tv_nsec ^ (uint64_t)now.tv_sec << 30 ^ (uint64_t)getpid() << 12 ^
                 (uint64_t)(uintptr_t)tmp;
    for (int attempt = 0; attempt < 100; attempt++) {
        x = x * 6364136223846793005u + 1442695040888963407u; /* Knuth's MMIX LCG */
        int w = snprintf(tmp, cap, "%.*s.%s.%016llx.tmp", dir_len, path,
                         slash ? slash + 1 : path, (unsigned long long)(x ^ x >> 29));
        if (w < 0 || (size_t)w >= cap) {
            errno = ENAMETOOLONG;
            return -1;
        }
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

/* Write buf to path whole or not at all: a new temporary file in the same
 * folder, synced, then renamed over path, so a reader sees the old model
 * or the new one, never half of one. path itself must be a regular file
 * or absent: a FIFO, device, folder or link there is refused, not
 * replaced. (Someone able to swap path between the check and the rename
 * can write that folder anyway.) */
static precis_status write_whole(const char *path, const unsigned char *buf, size_t n,
                                 precis_error *err)
{
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode))
        return pcs_fail(err, PRECIS_ERR_IO, SIZE_MAX,
                        "%s: cannot write: not a regular file (a folder, link, FIFO or device); "
                        "refusing to replace it", path);
    char tmp[4096];
    int fd = create_beside(path, tmp, sizeof tmp);
    if (fd < 0)
        return pcs_fail(err, PRECIS_ERR_IO, SIZE_MAX, "%s: cannot write: %s", path,
                        strerror(errno));
    int e = 0;
    for (size_t done = 0; !e && done < n;) {
        ssize_t w = write(fd, buf + done, n - done);
        if (w < 0 && errno != EINTR)
            e = errno;
        else if (w > 0)
            done += (size_t)w;
    }
    if (!e && fsync(fd) != 0)
        e = errno;
    if (close(fd) != 0 && !e)
        e = errno;
    if (!e && rename(tmp, path) != 0)
        e = errno;
    if (e) {
        unlink(tmp);
        return pcs_fail(err, PRECIS_ERR_IO, SIZE_MAX, "%s: cannot write: %s", path, strerror(e));
    }
    return PRECIS_OK;
}

precis_status precis_model_builder_write(precis_model_builder *b, const char *path,
                                         uint32_t min_df, precis_error *err)
{
    if (!b || !path)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX, "builder and path must not be NULL");
    /* Terms kept, in stem order. */
    const build_term **order = malloc((b->n_terms + 1) * sizeof *order);
    if (!order)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    uint32_t n = 0;
    for (uint32_t t = 0; t < b->n_terms; t++)
        if (b->terms[t].df >= min_df)
            order[n++] = &b->terms[t];
    qsort(order, n, sizeof *order, by_stem);
    uint64_t strings = 0;
    for (uint32_t i = 0; i < n; i++)
        strings += order[i]->len;
    uint32_t slots = 16;
    while (slots < 2 * (uint64_t)n)
        slots *= 2;
    uint64_t payload = (uint64_t)n * TERM_SIZE + (uint64_t)slots * 4 + strings;
    unsigned char *buf = payload + HEADER_SIZE < ((uint64_t)1 << 32)
                             ? calloc(1, HEADER_SIZE + (size_t)payload)
                             : NULL;
    if (!buf) {
        free(order);
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory (or model over 4 GiB)");
    }
    unsigned char *terms = buf + HEADER_SIZE, *hash = terms + (size_t)n * TERM_SIZE;
    unsigned char *pool = hash + (size_t)slots * 4;
    uint32_t at = 0;
    for (uint32_t i = 0; i < n; i++) {
        const build_term *t = order[i];
        unsigned char *r = terms + (size_t)i * TERM_SIZE;
        memcpy(pool + at, t->stem, t->len);
        wr32(r, at), wr32(r + 4, t->len), wr32(r + 8, t->df);
        at += t->len;
        uint32_t mask = slots - 1, h = pcs_hash(t->stem, t->len) & mask;
        while (rd32(hash + (size_t)h * 4))
            h = (h + 1) & mask;
        wr32(hash + (size_t)h * 4, i + 1);
    }
    memcpy(buf, MODEL_MAGIC, 8);
    wr32(buf + 8, MODEL_VERSION);
    wr32(buf + 12, HEADER_SIZE);
    wr64(buf + 16, b->documents);
    wr32(buf + 24, n);
    wr32(buf + 32, slots);
    wr32(buf + 36, min_df);
    wr32(buf + 40, at);
    memcpy(buf + 48, b->language, strlen(b->language));
    memcpy(buf + 64, TOKENIZER_ID, sizeof TOKENIZER_ID - 1);
    memcpy(buf + 80, b->language, strlen(b->language));
    wr64(buf + 96, payload);
    wr64(buf + 104, pcs_model_checksum(buf + HEADER_SIZE, (size_t)payload));
    free(order);

    precis_status st = write_whole(path, buf, HEADER_SIZE + (size_t)payload, err);
    free(buf);
    return st;
}

uint64_t precis_model_builder_documents(const precis_model_builder *b)
{
    return b ? b->documents : 0;
}
