/* Trained models: counts worked out by hand, merge equal to a single build,
 * and every way a model file can be unusable. */
#define _DEFAULT_SOURCE

#include "support.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

static const char *const docs[] = {
    "Cats chase mice in the barn. The farmer watches.",
    "Dogs chase cats. Cats run away from the dogs.",
    "Mice fear dogs and cats. The barn is quiet at night.",
};

static char dir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/precis-test-model-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *path_of(const char *name)
{
    static char p[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

/* Build a model of docs[order[0..n)] into file name. */
static void build(const char *name, const int *order, int n, uint32_t min_df)
{
    precis_model_builder *b = NULL;
    assert_int_equal(precis_model_builder_new("en", &b, NULL), PRECIS_OK);
    for (int i = 0; i < n; i++)
        assert_int_equal(precis_model_builder_add_text(b, docs[order[i]], strlen(docs[order[i]]),
                                                       NULL),
                         PRECIS_OK);
    assert_int_equal(precis_model_builder_documents(b), (uint64_t)n);
    assert_int_equal(precis_model_builder_write(b, path_of(name), min_df, NULL), PRECIS_OK);
    precis_model_builder_free(b);
}

static char *slurp(const char *name, size_t *len)
{
    char *s = test_read_file(path_of(name), len);
    assert_non_null(s);
    return s;
}

static void counts_by_hand(void **state)
{
    (void)state;
    build("all.model", (const int[]){0, 1, 2}, 3, 1);
    precis_model *m = NULL;
    assert_int_equal(precis_model_load(path_of("all.model"), &m, NULL), PRECIS_OK);
    assert_string_equal(precis_model_language(m), "english");
    assert_int_equal(precis_model_documents(m), 3);
    /* Stems (Snowball English) and the documents holding them: cat 3,
     * chase 2, mice 2, barn 2, dog 2, farmer 1, watch 1, run 1, away 1,
     * fear 1, quiet 1, night 1. */
    static const struct {
        const char *stem;
        uint32_t df;
    } want[] = {{"cat", 3},   {"chase", 2}, {"mice", 2}, {"barn", 2}, {"dog", 2},
                {"farmer", 1}, {"watch", 1}, {"run", 1},  {"away", 1}, {"fear", 1},
                {"quiet", 1}, {"night", 1}, {"cow", 0}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        assert_int_equal(pcs_model_df(m, want[i].stem, strlen(want[i].stem)), want[i].df);
    assert_int_equal(precis_model_terms(m), 12);
    precis_model_free(m);

    /* min_df 2 keeps the five stems found twice or more. */
    build("min2.model", (const int[]){0, 1, 2}, 3, 2);
    assert_int_equal(precis_model_load(path_of("min2.model"), &m, NULL), PRECIS_OK);
    assert_int_equal(precis_model_terms(m), 5);
    assert_int_equal(pcs_model_df(m, "farmer", 6), 0);
    assert_int_equal(pcs_model_df(m, "cat", 3), 3);
    precis_model_free(m);
}

static void order_and_merge_give_the_same_bytes(void **state)
{
    (void)state;
    build("abc.model", (const int[]){0, 1, 2}, 3, 1);
    build("cab.model", (const int[]){2, 0, 1}, 3, 1);
    build("shard1.model", (const int[]){1}, 1, 1);
    build("shard2.model", (const int[]){2, 0}, 2, 1);
    precis_model_builder *b = NULL;
    assert_int_equal(precis_model_builder_new("english", &b, NULL), PRECIS_OK);
    for (int i = 1; i <= 2; i++) {
        precis_model *m = NULL;
        assert_int_equal(precis_model_load(path_of(i == 1 ? "shard1.model" : "shard2.model"), &m,
                                           NULL),
                         PRECIS_OK);
        assert_int_equal(precis_model_builder_add_model(b, m, NULL), PRECIS_OK);
        precis_model_free(m);
    }
    assert_int_equal(precis_model_builder_write(b, path_of("merged.model"), 1, NULL), PRECIS_OK);
    precis_model_builder_free(b);
    size_t la, lb, lm;
    char *a = slurp("abc.model", &la), *c = slurp("cab.model", &lb), *m = slurp("merged.model", &lm);
    assert_int_equal(la, lb);
    assert_memory_equal(a, c, la);
    assert_int_equal(la, lm);
    assert_memory_equal(a, m, la);
    free(a), free(c), free(m);
}

/* Write bytes to a file of the test folder. */
static void put(const char *name, const char *bytes, size_t n)
{
    FILE *f = fopen(path_of(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, n, f), n);
    fclose(f);
}

static void expect_refused(const char *name, precis_status status, const char *words)
{
    precis_model *m = (precis_model *)1;
    precis_error err = PRECIS_ERROR_INIT;
    assert_int_equal(precis_model_load(path_of(name), &m, &err), status);
    assert_null(m);
    if (!strstr(err.message, words) || !strstr(err.message, name))
        fail_msg("%s: message '%s' lacks '%s' or the file name", name, err.message, words);
}

static void unusable_files(void **state)
{
    (void)state;
    build("good.model", (const int[]){0, 1, 2}, 3, 1);
    size_t n;
    char *good = slurp("good.model", &n);
    char *bad = malloc(n);

    expect_refused("missing.model", PRECIS_ERR_IO, "cannot open");
    put("empty.model", "", 0);
    expect_refused("empty.model", PRECIS_ERR_MODEL, "is empty");
    put("text.model", "This is not a model at all, just some text.\n", 44);
    expect_refused("text.model", PRECIS_ERR_MODEL, "magic");
    put("truncated.model", good, n - 7);
    expect_refused("truncated.model", PRECIS_ERR_MODEL, "truncated");
    put("header-only.model", good, 128);
    expect_refused("header-only.model", PRECIS_ERR_MODEL, "truncated");
    memcpy(bad, good, n);
    bad[n - 3] ^= 0x20; /* one bit in the string pool */
    put("flipped.model", bad, n);
    expect_refused("flipped.model", PRECIS_ERR_MODEL, "checksum");
    memcpy(bad, good, n);
    bad[8] = 2; /* version 2, which counted surface forms too */
    put("version.model", bad, n);
    expect_refused("version.model", PRECIS_ERR_MODEL, "version 2, this precis reads version 3");
    memcpy(bad, good, n);
    memcpy(bad + 64, "other-tok/9", 12); /* another tokenizer */
    put("tokenizer.model", bad, n);
    expect_refused("tokenizer.model", PRECIS_ERR_MODEL, "tokenizer");
    char longer[8192];
    assert_true(n + 5 < sizeof longer);
    memcpy(longer, good, n);
    memcpy(longer + n, "extra", 5);
    put("longer.model", longer, n + 5);
    expect_refused("longer.model", PRECIS_ERR_MODEL, "longer");
    free(good);
    free(bad);
}

/* Tests that corrupt the tables must get past the checksum to reach
 * them (the checksum itself: checksum_is_xxh64). */
static void reseal(unsigned char *m, size_t n)
{
    uint64_t h = pcs_model_checksum(m + 128, n - 128);
    for (int i = 0; i < 8; i++)
        m[104 + i] = (unsigned char)(h >> (8 * i));
}

/* The checksum is XXH64 with seed 0: values from the reference
 * implementation (`printf %s TEXT | xxhsum -H1`, xxHash 0.8.1), for
 * lengths that reach each of its paths (empty; bytes only; 32-byte
 * stripes, then 8-byte words, a 4-byte word and bytes). */
static void checksum_is_xxh64(void **state)
{
    (void)state;
    static const char s[] = "Models are counted over a corpus of news, then checked on load: 71b";
    const unsigned char *u = (const unsigned char *)s;
    assert_true(pcs_model_checksum(u, 0) == 0xEF46DB3751D8E999u);
    assert_true(pcs_model_checksum((const unsigned char *)"abc", 3) == 0x44BC2CF5AD770999u);
    assert_true(pcs_model_checksum(u, 47) == 0x70B349AF7A945FC9u);
    assert_true(pcs_model_checksum(u, 67) == 0x9193D56C5E593DAFu);
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Issue 10, defect 1: a hash table with no empty slot passed the loader,
 * and then every lookup of a stem not in it probed for ever. Defect 10: a
 * file cut inside the header said "wrong magic number", a directory "too
 * short". */
static void hostile_files(void **state)
{
    (void)state;
    build("good.model", (const int[]){0, 1, 2}, 3, 1);
    size_t n;
    unsigned char *m = (unsigned char *)slurp("good.model", &n);
    uint32_t terms = le32(m + 24), slots = le32(m + 32);
    unsigned char *hash = m + 128 + (size_t)terms * 12;
    for (uint32_t i = 0; i < slots; i++)
        if (le32(hash + 4 * i) == 0)
            hash[4 * i] = 1; /* every empty slot now names term 0 */
    reseal(m, n);
    put("full-hash.model", (const char *)m, n);
    expect_refused("full-hash.model", PRECIS_ERR_MODEL, "hash table");
    free(m);

    /* A term whose stem lies past the string pool, by a little: the
     * loader checks only the hash table, so the model loads; every lookup
     * stays inside it, the broken term is not found, and a merge, which
     * reads every entry, refuses it and adds nothing. Loaded through a
     * pipe, so that it sits in memory from malloc, which ASan watches (a
     * mapped file it does not). */
    m = (unsigned char *)slurp("good.model", &n);
    uint32_t pool = le32(m + 40);
    for (int i = 0; i < 4; i++)
        m[128 + i] = (unsigned char)((pool - 2) >> (8 * i)); /* the first term's stem */
    reseal(m, n);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(write(fds[1], m, n), (ssize_t)n);
    close(fds[1]);
    free(m);
    char fd_path[32];
    snprintf(fd_path, sizeof fd_path, "/dev/fd/%d", fds[0]);
    precis_model *model = NULL;
    assert_int_equal(precis_model_load(fd_path, &model, NULL), PRECIS_OK);
    close(fds[0]);
    assert_int_equal(pcs_model_df(model, "away", 4), 0); /* the first by bytes */
    assert_int_equal(pcs_model_df(model, "cat", 3), 3);
    precis_model_builder *b = NULL;
    assert_int_equal(precis_model_builder_new("english", &b, NULL), PRECIS_OK);
    precis_error err = PRECIS_ERROR_INIT;
    assert_int_equal(precis_model_builder_add_model(b, model, &err), PRECIS_ERR_MODEL);
    assert_non_null(strstr(err.message, "term table"));
    assert_int_equal(precis_model_builder_documents(b), 0);
    precis_model_free(model);
    precis_model_builder_free(b);

    /* The field that counted surface forms in version 2 is reserved. */
    m = (unsigned char *)slurp("good.model", &n);
    m[28] = 1;
    put("reserved.model", (const char *)m, n);
    expect_refused("reserved.model", PRECIS_ERR_MODEL, "corrupt tables");
    free(m);

    m = (unsigned char *)slurp("good.model", &n);
    put("cut-header.model", (const char *)m, 60);
    expect_refused("cut-header.model", PRECIS_ERR_MODEL, "truncated");
    put("magic-only.model", (const char *)m, 8);
    expect_refused("magic-only.model", PRECIS_ERR_MODEL, "truncated");
    free(m);

    assert_int_equal(mkdir(path_of("dir.model"), 0700), 0);
    expect_refused("dir.model", PRECIS_ERR_MODEL, "directory");
    rmdir(path_of("dir.model"));
}

/* Names in the test folder that are not the given ones: temporary files
 * left behind. */
static int strays(const char *const *keep, size_t n_keep)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int found = 0;
    for (struct dirent *e; (e = readdir(d));) {
        bool known = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
        for (size_t i = 0; i < n_keep; i++)
            known |= !strcmp(e->d_name, keep[i]);
        if (!known) {
            printf("stray file: %s\n", e->d_name);
            found++;
        }
    }
    closedir(d);
    return found;
}

/* Issue 10, defect 2: writing followed a symbolic link planted at the
 * fixed name PATH.tmp, and renamed over whatever PATH was (a FIFO became
 * a file). */
static void writing_is_safe(void **state)
{
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'/*", dir);
    assert_int_equal(system(cmd), 0);
    put("victim", "precious", 8);
    assert_int_equal(symlink(path_of("victim"), path_of("out.model.tmp")), 0);
    build("out.model", (const int[]){0}, 1, 1);
    size_t n;
    char *v = slurp("victim", &n);
    assert_int_equal(n, 8);
    assert_memory_equal(v, "precious", 8);
    free(v);
    struct stat st;
    assert_int_equal(lstat(path_of("out.model"), &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(lstat(path_of("out.model.tmp"), &st), 0);
    assert_true(S_ISLNK(st.st_mode));

    /* A FIFO (or a device) at PATH is refused and left as it is. */
    assert_int_equal(mkfifo(path_of("fifo.model"), 0600), 0);
    precis_model_builder *b = NULL;
    assert_int_equal(precis_model_builder_new("en", &b, NULL), PRECIS_OK);
    assert_int_equal(precis_model_builder_add_text(b, docs[0], strlen(docs[0]), NULL), PRECIS_OK);
    precis_error err = PRECIS_ERROR_INIT;
    assert_int_equal(precis_model_builder_write(b, path_of("fifo.model"), 1, &err), PRECIS_ERR_IO);
    assert_non_null(strstr(err.message, "fifo.model"));
    assert_non_null(strstr(err.message, "not a regular file"));
    assert_int_equal(lstat(path_of("fifo.model"), &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    /* A regular file is replaced, and no temporary file stays behind. */
    assert_int_equal(precis_model_builder_write(b, path_of("out.model"), 1, NULL), PRECIS_OK);
    precis_model_builder_free(b);
    static const char *const keep[] = {"victim", "out.model", "out.model.tmp", "fifo.model"};
    assert_int_equal(strays(keep, 4), 0);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'/*", dir);
    assert_int_equal(system(cmd), 0);
}

static void used_for_its_language_only(void **state)
{
    (void)state;
    build("en.model", (const int[]){0, 1, 2}, 3, 1);
    precis_model *m = NULL;
    assert_int_equal(precis_model_load(path_of("en.model"), &m, NULL), PRECIS_OK);
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    precis_options o;
    precis_options_init(&o, sizeof o);
    o.model = m;
    const char *en = "Cats chase mice in the barn every night. The farmer watches the cats. "
                     "Dogs bark at the cats from the yard.";
    precis_result *r = NULL;
    assert_int_equal(precis_summarize(s, en, strlen(en), &o, &r, NULL), PRECIS_OK);
    assert_true(precis_result_stats(r)->model_used);
    precis_result_free(r);
    /* Detected French: the English model is not used. */
    const char *fr = "Les chats chassent les souris dans la grange chaque nuit. Le fermier "
                     "regarde les chats. Les chiens aboient contre les chats depuis la cour.";
    assert_int_equal(precis_summarize(s, fr, strlen(fr), &o, &r, NULL), PRECIS_OK);
    assert_string_equal(precis_result_stats(r)->language, "french");
    assert_false(precis_result_stats(r)->model_used);
    precis_result_free(r);
    /* Explicitly French with an English model: refused, with a reason. */
    o.language = "fr";
    precis_error err = PRECIS_ERROR_INIT;
    assert_int_equal(precis_summarize(s, fr, strlen(fr), &o, &r, &err), PRECIS_ERR_MODEL);
    assert_non_null(strstr(err.message, "english"));
    /* A French builder cannot take the English model. */
    precis_model_builder *b = NULL;
    assert_int_equal(precis_model_builder_new("french", &b, NULL), PRECIS_OK);
    assert_int_equal(precis_model_builder_add_model(b, m, &err), PRECIS_ERR_MODEL);
    precis_model_builder_free(b);
    precis_summarizer_free(s);
    precis_model_free(m);
}

/* What a summary and its key terms show of the IDF: every score, in
 * order, written out exactly. */
static void fingerprint(precis_summarizer *s, const precis_model *m, char *out, size_t cap)
{
    const char *text = "Cats chase mice in the barn every night. The farmer watches the "
                       "cats and the dogs. Dogs bark at the cats from the yard at night. "
                       "Mice run away from the barn.";
    precis_options o;
    precis_options_init(&o, sizeof o);
    o.model = m;
    o.language = "english";
    o.sentences = 2;
    precis_result *r = NULL;
    assert_int_equal(precis_summarize(s, text, strlen(text), &o, &r, NULL), PRECIS_OK);
    size_t n = 0;
    for (size_t i = 0; i < precis_result_sentence_count(r); i++)
        n += (size_t)snprintf(out + n, cap - n, "s%zu %a ", precis_result_sentence(r, i)->index,
                              precis_result_sentence(r, i)->score);
    for (size_t i = 0; i < precis_result_keyword_count(r); i++)
        n += (size_t)snprintf(out + n, cap - n, "%s %a ", precis_result_keyword(r, i)->term,
                              precis_result_keyword(r, i)->score);
    assert_true(n < cap);
    precis_result_free(r);
}

/* The word cache keeps each stem's model IDF between documents: it must
 * follow the model in use. One summarizer going from model to model (and
 * to none) gives what a new summarizer gives with each, also when a model
 * is freed and another loaded in its place. (Whether the allocator hands
 * the new model the old one's address is its own affair; the cache
 * compares the payload checksum and document count too, for that case.) */
static void idf_follows_the_model(void **state)
{
    (void)state;
    build("a.model", (const int[]){0, 1, 2}, 3, 1);
    build("b.model", (const int[]){1}, 1, 1);
    precis_model *a = NULL, *b = NULL;
    assert_int_equal(precis_model_load(path_of("a.model"), &a, NULL), PRECIS_OK);
    assert_int_equal(precis_model_load(path_of("b.model"), &b, NULL), PRECIS_OK);
    char want_a[2048], want_b[2048], want_none[2048], got[2048];
    precis_summarizer *fresh = NULL, *s = NULL;
    assert_int_equal(precis_summarizer_new(&fresh), PRECIS_OK);
    fingerprint(fresh, a, want_a, sizeof want_a);
    precis_summarizer_free(fresh);
    assert_int_equal(precis_summarizer_new(&fresh), PRECIS_OK);
    fingerprint(fresh, b, want_b, sizeof want_b);
    precis_summarizer_free(fresh);
    assert_int_equal(precis_summarizer_new(&fresh), PRECIS_OK);
    fingerprint(fresh, NULL, want_none, sizeof want_none);
    precis_summarizer_free(fresh);
    assert_string_not_equal(want_a, want_b);

    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    const precis_model *order[] = {a, b, NULL, a, a, b};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        fingerprint(s, order[i], got, sizeof got);
        assert_string_equal(got, order[i] == a ? want_a : order[i] == b ? want_b : want_none);
    }
    /* Model a freed and model b's file loaded in its place. */
    precis_model_free(a);
    assert_int_equal(precis_model_load(path_of("b.model"), &a, NULL), PRECIS_OK);
    fingerprint(s, a, got, sizeof got);
    assert_string_equal(got, want_b);
    precis_summarizer_free(s);
    precis_model_free(a);
    precis_model_free(b);
}

static void bad_documents_count_nothing(void **state)
{
    (void)state;
    precis_model_builder *b = NULL;
    assert_int_equal(precis_model_builder_new("english", &b, NULL), PRECIS_OK);
    assert_int_equal(precis_model_builder_add_text(b, "", 0, NULL), PRECIS_ERR_EMPTY);
    assert_int_equal(precis_model_builder_add_text(b, "a\0b", 3, NULL), PRECIS_ERR_BINARY);
    assert_int_equal(precis_model_builder_add_text(b, "caf\xC3", 4, NULL), PRECIS_ERR_UTF8);
    assert_int_equal(precis_model_builder_documents(b), 0);
    precis_error err = PRECIS_ERROR_INIT;
    assert_int_equal(precis_model_builder_write(b, "/nonexistent-dir/x.model", 1, &err),
                     PRECIS_ERR_IO);
    assert_non_null(strstr(err.message, "/nonexistent-dir/x.model"));
    precis_model_builder_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(counts_by_hand),
        cmocka_unit_test(order_and_merge_give_the_same_bytes),
        cmocka_unit_test(unusable_files),
        cmocka_unit_test(checksum_is_xxh64),
        cmocka_unit_test(hostile_files),
        cmocka_unit_test(writing_is_safe),
        cmocka_unit_test(used_for_its_language_only),
        cmocka_unit_test(idf_follows_the_model),
        cmocka_unit_test(bad_documents_count_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
