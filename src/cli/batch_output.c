/* `precis batch` output: the JSON Lines file, the --output-dir mirror, and
 * what --resume needs (the ids already written). See batch.h. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "batch.h"

/* ------------------------------------------------------------------------ */
/* Fingerprints                                                              */

/* SplitMix64's finaliser: a bijection that spreads every input bit. */
static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= UINT64_C(0xbf58476d1ce4e5b9);
    x ^= x >> 27;
    x *= UINT64_C(0x94d049bb133111eb);
    x ^= x >> 31;
    return x;
}

static uint64_t hash64(const char *s, size_t n, uint64_t seed)
{
    uint64_t h = mix64(seed ^ ((uint64_t)n * UINT64_C(0x9e3779b97f4a7c15)));
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = mix64(h ^ w) + UINT64_C(0x9e3779b97f4a7c15);
        s += 8;
        n -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, s, n);
    return mix64(h ^ w ^ ((uint64_t)n << 59));
}

/* --resume remembers every id of the output. Strings would cost their
 * length plus allocator overhead each (about 70 bytes for a path); two
 * independent 64-bit hashes cost 16 bytes, 32 at the table's load, and two
 * different ids share them with probability about n^2 / 2^129: for a
 * billion ids, below 10^-20. */
typedef struct fp {
    uint64_t a, b;
} fp;

struct batch_idset {
    fp *slots; /* a == 0 && b == 0: empty */
    size_t cap, n; /* cap a power of two */
};

static fp fingerprint(const char *key, size_t len)
{
    fp f = {hash64(key, len, UINT64_C(0x243f6a8885a308d3)),
            hash64(key, len, UINT64_C(0x13198a2e03707344))};
    if (f.a == 0 && f.b == 0)
        f.b = 1;
    return f;
}

batch_idset *batch_idset_new(void)
{
    batch_idset *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->cap = 1024;
    s->slots = calloc(s->cap, sizeof *s->slots);
    if (!s->slots) {
        free(s);
        return NULL;
    }
    return s;
}

void batch_idset_free(batch_idset *s)
{
    if (s)
        free(s->slots);
    free(s);
}

static fp *find_slot(fp *slots, size_t cap, fp f)
{
    size_t i = (size_t)f.a & (cap - 1);
    while ((slots[i].a || slots[i].b) && (slots[i].a != f.a || slots[i].b != f.b))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

bool batch_idset_add(batch_idset *s, const char *key, size_t len)
{
    if ((s->n + 1) * 2 > s->cap) {
        size_t cap = s->cap * 2;
        fp *slots = calloc(cap, sizeof *slots);
        if (!slots)
            return false;
        for (size_t i = 0; i < s->cap; i++)
            if (s->slots[i].a || s->slots[i].b)
                *find_slot(slots, cap, s->slots[i]) = s->slots[i];
        free(s->slots);
        s->slots = slots;
        s->cap = cap;
    }
    fp f = fingerprint(key, len);
    fp *slot = find_slot(s->slots, s->cap, f);
    if (!slot->a && !slot->b) {
        *slot = f;
        s->n++;
    }
    return true;
}

bool batch_idset_has(const batch_idset *s, const char *key, size_t len)
{
    fp *slot = find_slot(s->slots, s->cap, fingerprint(key, len));
    return slot->a || slot->b;
}

size_t batch_idset_count(const batch_idset *s)
{
    return s->n;
}

static bool make_key(char tag, const char *s, size_t n, char **key, size_t *len)
{
    char *k = malloc(n + 2);
    if (!k)
        return false;
    k[0] = tag;
    memcpy(k + 1, s, n);
    k[n + 1] = '\0';
    *key = k;
    *len = n + 1;
    return true;
}

bool batch_key_string(const char *id, size_t n, char **key, size_t *len)
{
    return make_key('s', id, n, key, len);
}

bool batch_key_integer(long long id, char **key, size_t *len)
{
    char num[32];
    int n = snprintf(num, sizeof num, "%lld", id);
    return make_key('i', num, (size_t)n, key, len);
}

bool batch_key_line(uint64_t line_no, char **key, size_t *len)
{
    char num[32];
    int n = snprintf(num, sizeof num, "%" PRIu64, line_no);
    return make_key('l', num, (size_t)n, key, len);
}

bool batch_key_input(uint64_t input, char **key, size_t *len)
{
    char num[32];
    int n = snprintf(num, sizeof num, "%" PRIu64, input);
    return make_key('n', num, (size_t)n, key, len);
}

/* ------------------------------------------------------------------------ */
/* The JSON Lines output                                                     */

int batch_sink_open(batch_sink *sink, const char *path, bool append)
{
    *sink = (batch_sink){.fd = STDOUT_FILENO, .name = "standard output"};
    if (path) {
        int flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC);
        sink->fd = open(path, flags, 0666);
        if (sink->fd < 0) {
            cli_complain("cannot open %s for writing: %s", path, strerror(errno));
            return EXIT_IO;
        }
        sink->own = true;
        sink->name = path;
    }
    struct stat st;
    if (fstat(sink->fd, &st) == 0 && S_ISREG(st.st_mode)) {
        /* Where the next record will land: the end for O_APPEND (the
         * offset of an append descriptor says nothing), else the offset. */
        int fl = fcntl(sink->fd, F_GETFL);
        off_t at = fl >= 0 && (fl & O_APPEND) ? st.st_size : lseek(sink->fd, 0, SEEK_CUR);
        if (at >= 0) {
            sink->regular = true;
            sink->good = at;
        }
    }
    return EXIT_OK;
}

/* A write that failed part way through a record leaves a torn line; on a
 * regular file cut it off again. Only when the file is exactly as long as
 * our own writes make it: if something else writes to it too (2>&1), a
 * cut could remove its text. */
static void undo_partial(batch_sink *sink, size_t done)
{
    struct stat st;
    if (!sink->regular || done == 0 || fstat(sink->fd, &st) != 0 ||
        st.st_size != sink->good + (off_t)done)
        return;
    if (ftruncate(sink->fd, sink->good) == 0)
        (void)lseek(sink->fd, sink->good, SEEK_SET);
}

int batch_sink_write(batch_sink *sink, const char *s, size_t n)
{
    size_t done = 0;
    while (done < n) {
        ssize_t w = write(sink->fd, s + done, n - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            undo_partial(sink, done);
            return e;
        }
        done += (size_t)w;
    }
    sink->good += (off_t)n;
    return 0;
}

int batch_sink_close(batch_sink *sink)
{
    if (!sink->own)
        return EXIT_OK;
    if (close(sink->fd) != 0) {
        cli_complain("cannot write %s: %s", sink->name, strerror(errno));
        return EXIT_IO;
    }
    return EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* --resume                                                                  */

/* The "input" member of a record, after its id: ,"status":"...","input":N
 * (batch_record.c writes it there), or 0 when there is none. */
static uint64_t record_input(const char *p, const char *end)
{
    static const char status[] = ",\"status\":\"", input[] = "\",\"input\":";
    size_t ns = sizeof status - 1, ni = sizeof input - 1;
    if ((size_t)(end - p) < ns || memcmp(p, status, ns) != 0)
        return 0;
    p += ns;
    while (p < end && *p >= 'a' && *p <= 'z')
        p++;
    if ((size_t)(end - p) < ni || memcmp(p, input, ni) != 0)
        return 0;
    p += ni;
    uint64_t v = 0;
    for (; p < end && *p >= '0' && *p <= '9'; p++) {
        if (v > (UINT64_MAX - 9) / 10)
            return 0;
        v = v * 10 + (uint64_t)(*p - '0');
    }
    return v;
}

/* The key of one record line (without its newline). Records are written by
 * batch_record.c and always start with the id: {"id":"...", {"id":123, or
 * {"id":null,"line":N. A line that is not shaped so is not ours. A record
 * with an "input" member is known by that (batch_key_input), and counted in
 * *positional. */
static int record_key(const char *line, size_t n, char **key, size_t *klen,
                      uint64_t *positional)
{
    static const char head[] = "{\"id\":";
    size_t h = sizeof head - 1;
    if (n < h + 2 || memcmp(line, head, h) != 0 || line[n - 1] != '}')
        return EXIT_USAGE;
    const char *p = line + h, *end = line + n;
    if (*p == '"') {
        const char *q = p + 1;
        while (q < end && *q != '"')
            q += *q == '\\' ? 2 : 1;
        if (q >= end)
            return EXIT_USAGE;
        json_error_t jerr;
        json_t *v = json_loadb(p, (size_t)(q + 1 - p), JSON_DECODE_ANY | JSON_ALLOW_NUL, &jerr);
        if (!v || !json_is_string(v)) {
            json_decref(v);
            return EXIT_USAGE;
        }
        uint64_t input = record_input(q + 1, end);
        bool ok = input ? batch_key_input(input, key, klen)
                        : batch_key_string(json_string_value(v), json_string_length(v), key, klen);
        json_decref(v);
        *positional += input != 0;
        return ok ? EXIT_OK : EXIT_INTERNAL;
    }
    static const char null_line[] = "null,\"line\":";
    size_t nl = sizeof null_line - 1;
    bool by_line = (size_t)(end - p) > nl && memcmp(p, null_line, nl) == 0;
    if (by_line)
        p += nl;
    char num[24];
    size_t k = 0;
    while (p + k < end && k < sizeof num - 1 && (p[k] == '-' || (p[k] >= '0' && p[k] <= '9'))) {
        num[k] = p[k];
        k++;
    }
    num[k] = '\0';
    if (k == 0 || p + k >= end || p[k] != ',')
        return EXIT_USAGE;
    uint64_t input = record_input(p + k, end);
    if (input) {
        (*positional)++;
        return batch_key_input(input, key, klen) ? EXIT_OK : EXIT_INTERNAL;
    }
    char *e;
    errno = 0;
    if (by_line) {
        unsigned long long v = strtoull(num, &e, 10);
        if (errno || *e || num[0] == '-')
            return EXIT_USAGE;
        return batch_key_line(v, key, klen) ? EXIT_OK : EXIT_INTERNAL;
    }
    long long v = strtoll(num, &e, 10);
    if (errno || *e)
        return EXIT_USAGE;
    return batch_key_integer(v, key, klen) ? EXIT_OK : EXIT_INTERNAL;
}

int batch_resume_scan(const char *path, batch_idset *set, uint64_t *records,
                      uint64_t *positional)
{
    *records = *positional = 0;
    int fd = open(path, O_RDWR);
    if (fd < 0) {
        if (errno == ENOENT)
            return EXIT_OK; /* nothing to resume: a first run */
        cli_complain("--resume: cannot open %s: %s", path, strerror(errno));
        return EXIT_IO;
    }
    /* Stream through the file: it may be far larger than memory needs to
     * be; only one record at a time is held. */
    size_t cap = 1 << 16, have = 0;
    char *buf = malloc(cap);
    off_t base = 0; /* file offset of buf[0] */
    uint64_t line_no = 0;
    int code = buf ? EXIT_OK : EXIT_INTERNAL;
    bool eof = false;
    while (code == EXIT_OK && !eof) {
        if (have == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                code = EXIT_INTERNAL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, buf + have, cap - have);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            cli_complain("--resume: cannot read %s: %s", path, strerror(errno));
            code = EXIT_IO;
            break;
        }
        eof = r == 0;
        have += (size_t)r;
        size_t start = 0;
        for (char *nl; code == EXIT_OK && (nl = memchr(buf + start, '\n', have - start));) {
            size_t end = (size_t)(nl - buf);
            line_no++;
            char *key = NULL;
            size_t klen = 0;
            code = record_key(buf + start, end - start, &key, &klen, positional);
            if (code == EXIT_USAGE)
                cli_complain("--resume: line %" PRIu64 " of %s is not a precis batch record; "
                             "refusing to append to it", line_no, path);
            else if (code == EXIT_OK && !batch_idset_add(set, key, klen))
                code = EXIT_INTERNAL;
            free(key);
            start = end + 1;
            if (code == EXIT_OK)
                (*records)++;
        }
        memmove(buf, buf + start, have - start);
        have -= start;
        base += (off_t)start;
    }
    if (code == EXIT_OK && have > 0) {
        /* Bytes after the last newline: a record torn by a crash or a kill
         * -9 (precis itself never leaves one). Cut it: its input will be
         * summarised again. */
        if (ftruncate(fd, base) != 0) {
            cli_complain("--resume: cannot cut the incomplete last line of %s: %s", path,
                         strerror(errno));
            code = EXIT_IO;
        } else {
            cli_complain("%s: removed an incomplete last line (%zu bytes)", path, have);
        }
    }
    if (code == EXIT_INTERNAL)
        cli_complain("--resume: out of memory");
    free(buf);
    close(fd);
    return code;
}

/* ------------------------------------------------------------------------ */
/* --output-dir                                                              */

/* Does id[0, n) read as a decimal integer, the name an integer id gets? */
static bool integer_like(const char *id, size_t n)
{
    size_t i = n && id[0] == '-';
    if (i == n)
        return false;
    for (; i < n; i++)
        if (id[i] < '0' || id[i] > '9')
            return false;
    return true;
}

char *batch_safe_name(const char *id, size_t n, bool integer)
{
    enum { LIMIT = 200, KEEP = 180 }; /* NAME_MAX is 255 with ".json" and a temp suffix */
    static const char hex[] = "0123456789ABCDEF";
    char *out = malloc(3 * n + 1);
    if (!out)
        return NULL;
    size_t k = 0, cut = 0; /* cut: the last whole-character end within KEEP */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)id[i];
        /* A string id that reads as an integer has its first byte
         * encoded, so the string "1" (%31) and the integer 1 differ. */
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     (c >= '0' && c <= '9') || c == '-' || c == '_' || (c == '.' && i > 0);
        if (i == 0 && !integer && integer_like(id, n))
            plain = false;
        if (plain) {
            out[k++] = (char)c;
        } else {
            out[k++] = '%';
            out[k++] = hex[c >> 4];
            out[k++] = hex[c & 15];
        }
        if (k <= KEEP)
            cut = k;
    }
    if (k > LIMIT) {
        /* Too long for a file name: a prefix to recognise it by, and a hash
         * of the whole id to keep names distinct. */
        k = cut + (size_t)snprintf(out + cut, 3 * n + 1 - cut, "~%016" PRIx64,
                                   hash64(id, n, UINT64_C(0xa4093822299f31d0)));
    }
    out[k] = '\0';
    return out;
}

static char *mirror_path(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 8;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s.json", dir, name);
    return p;
}

/* Only a regular file, never through a link: precis writes no links, so
 * one there was planted, and must not pass for a record (the rename that
 * writes the record replaces the link, never its target). */
bool batch_mirror_exists(const char *dir, const char *name)
{
    char *p = mirror_path(dir, name);
    struct stat st;
    bool yes = p && lstat(p, &st) == 0 && S_ISREG(st.st_mode);
    free(p);
    return yes;
}

/* mkdir -p of path's parent. Workers race to create the same folders:
 * EEXIST is success. */
static int make_parents(char *path)
{
    for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        int e = mkdir(path, 0777) == 0 || errno == EEXIST ? 0 : errno;
        *s = '/';
        if (e)
            return e;
    }
    return 0;
}

/* 64 bits no one else can guess: from /dev/urandom, or where there is
 * none (a bare chroot) from the clock, the process and a counter, which
 * differ between threads and runs but can be guessed. */
static uint64_t temp_bits(void)
{
    static atomic_uint_fast64_t counter;
    uint64_t r = 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        bool ok = read(fd, &r, sizeof r) == (ssize_t)sizeof r;
        close(fd);
        if (ok)
            return r;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return mix64((uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 30) ^ ((uint64_t)getpid() << 48) ^
                 mix64((uint64_t)atomic_fetch_add(&counter, 1)));
}

/* Create a new temporary file beside path, as mkstemp does but with the
 * mode open() gives (0666 less the umask; mkstemp's is 0600): a name no
 * one can guess, created with O_EXCL | O_NOFOLLOW so that nothing planted
 * there (a symlink to a file of ours) is ever followed or reused; a name
 * taken is skipped. The name goes to tmp (room for path + 24). A
 * descriptor, or -1 with errno set. */
static int create_temp(const char *path, char *tmp, size_t tn)
{
    enum { TRIES = 100 };
    int fd = -1;
    for (int i = 0; i < TRIES; i++) {
        snprintf(tmp, tn, "%s.%016" PRIx64 ".tmp", path, temp_bits());
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            break;
    }
    return fd;
}

int batch_mirror_write(const char *dir, const char *name, const char *s, size_t n)
{
    char *path = mirror_path(dir, name);
    size_t tn = path ? strlen(path) + 24 : 0;
    char *tmp = path ? malloc(tn) : NULL;
    if (!tmp) {
        free(path);
        return ENOMEM;
    }
    int fd = create_temp(path, tmp, tn);
    if (fd < 0 && errno == ENOENT) {
        int e = make_parents(tmp);
        if (e) {
            free(path);
            free(tmp);
            return e;
        }
        fd = create_temp(path, tmp, tn);
    }
    int e = fd < 0 ? errno : 0;
    for (size_t done = 0; !e && done < n;) {
        ssize_t w = write(fd, s + done, n - done);
        if (w < 0 && errno != EINTR)
            e = errno;
        else if (w > 0)
            done += (size_t)w;
    }
    if (fd >= 0 && close(fd) != 0 && !e)
        e = errno;
    /* rename is atomic: a reader, or a later --resume, sees the whole
     * record or no file, never half of one. */
    if (!e && rename(tmp, path) != 0)
        e = errno;
    if (e && fd >= 0)
        unlink(tmp);
    free(path);
    free(tmp);
    return e;
}
