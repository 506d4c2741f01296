/* Stage 1, text: validation, NFC, white space, offsets. Expected values are
 * written out by hand or computed with utf8proc's own NFC (utf8proc_NFC),
 * never with the code under test. */
#include "support.h"

#include <utf8proc.h>

#include "internal.h"

typedef struct fixture {
    pcs_arena arena;
    pcs_doc doc;
    precis_options opt;
    precis_error err;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    pcs_arena_init(&f->arena);
    precis_options_init(&f->opt, sizeof f->opt);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    pcs_arena_free(&f->arena);
    free(f);
    return 0;
}

static precis_status prepare(fixture *f, const char *in, size_t len)
{
    pcs_arena_reset(&f->arena);
    memset(&f->doc, 0, sizeof f->doc);
    precis_error_init(&f->err, sizeof f->err);
    return pcs_text_prepare(&f->doc, &f->arena, in, len, &f->opt, &f->err);
}

static void ascii_passes_through(void **state)
{
    fixture *f = *state;
    const char *in = "Hello, world.\nSecond line!";
    assert_int_equal(prepare(f, in, strlen(in)), PRECIS_OK);
    assert_string_equal(f->doc.text, in);
    for (uint32_t i = 0; i <= f->doc.len; i++)
        assert_int_equal(pcs_orig_offset(&f->doc, i), i);
}

/* ASCII runs are copied eight bytes at a time (copy_ascii_run): a byte
 * that is not plain, at any offset of a block or in the bytes after the
 * last whole block, is still seen and handled; a combining mark after a
 * run still composes with the run's last letter; and white space alone is
 * still no content, however long. */
static void every_offset_of_a_block(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"\t", " "}, {"\x7f", " "}, {"\x01", " "}, {"\r", "\n"}, {"\n", "\n"},
        {"\xC3\xA9", "\xC3\xA9"}, {"e\xCC\x81", "\xC3\xA9"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        for (int pad = 0; pad < 20; pad++) {
            char in[64], want[64];
            snprintf(in, sizeof in, "z%.*s%sbbbbbbbbbbbbbbbbbbbb", pad, "aaaaaaaaaaaaaaaaaaaa",
                     cases[c].in);
            snprintf(want, sizeof want, "z%.*s%sbbbbbbbbbbbbbbbbbbbb", pad,
                     "aaaaaaaaaaaaaaaaaaaa", cases[c].out);
            assert_int_equal(prepare(f, in, strlen(in)), PRECIS_OK);
            assert_string_equal(f->doc.text, want);
        }
    }
    const char *blank = "                \n                \n ";
    assert_int_equal(prepare(f, blank, strlen(blank)), PRECIS_ERR_EMPTY);
    const char *one = "                \n       x        \n ";
    assert_int_equal(prepare(f, one, strlen(one)), PRECIS_OK);
}

static void line_endings_and_controls(void **state)
{
    fixture *f = *state;
    /* CR LF and lone CR become LF; tab, VT, FF and DEL become spaces. */
    const char *in = "a\r\nb\rc\td\ve\ff\x7fg";
    assert_int_equal(prepare(f, in, strlen(in)), PRECIS_OK);
    assert_string_equal(f->doc.text, "a\nb\nc d e f g");
    /* 'b' is at 3 in the input, 2 in the output; 'g' at 13 and 12. */
    assert_int_equal(pcs_orig_offset(&f->doc, 2), 3);
    assert_int_equal(pcs_orig_offset(&f->doc, 12), 13);
}

static void unicode_white_space(void **state)
{
    fixture *f = *state;
    /* NBSP, EM SPACE, NARROW NBSP -> ' '; LINE SEPARATOR, NEL -> '\n';
     * soft hyphen and a BOM inside the text disappear. */
    const char *in = "a\xC2\xA0" "b\xE2\x80\x83" "c\xE2\x80\xAF" "d\xE2\x80\xA8"
                     "e\xC2\x85" "f in\xC2\xAD" "for\xEF\xBB\xBFmation";
    assert_int_equal(prepare(f, in, strlen(in)), PRECIS_OK);
    assert_string_equal(f->doc.text, "a b c d\ne\nf information");
    /* "mation" starts at byte 30 of the input. */
    const char *m = strstr(f->doc.text, "mation");
    assert_int_equal(pcs_orig_offset(&f->doc, (uint32_t)(m - f->doc.text)), 30);
}

static void leading_bom_is_dropped(void **state)
{
    fixture *f = *state;
    const char *in = "\xEF\xBB\xBFText here.";
    assert_int_equal(prepare(f, in, strlen(in)), PRECIS_OK);
    assert_string_equal(f->doc.text, "Text here.");
    assert_int_equal(pcs_orig_offset(&f->doc, 0), 3);
}

static void double_spaces_survive(void **state)
{
    fixture *f = *state;
    const char *in = "VLADIVOSTOK, Russia  Japanese";
    assert_int_equal(prepare(f, in, strlen(in)), PRECIS_OK);
    assert_string_equal(f->doc.text, in);
}

static void nul_is_binary(void **state)
{
    fixture *f = *state;
    const char in[] = "abc\0def";
    assert_int_equal(prepare(f, in, sizeof in - 1), PRECIS_ERR_BINARY);
    assert_int_equal(f->err.status, PRECIS_ERR_BINARY);
    assert_int_equal(f->err.offset, 3);
    assert_non_null(strstr(f->err.message, "byte 3"));
}

static void invalid_utf8_names_offset(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *bytes;
        size_t offset;
    } cases[] = {
        {"ok \x80 bad", 3},           /* lone continuation byte */
        {"ok \xC3", 3},               /* truncated two-byte sequence */
        {"ab \xC0\x80", 3},           /* overlong NUL */
        {"ab \xE0\x80\xAF", 3},       /* overlong '/' */
        {"x \xED\xA0\x80 y", 2},      /* UTF-16 surrogate */
        {"x \xF4\x90\x80\x80", 2},    /* above U+10FFFF */
        {"caf\xC3\xA9 \xFF", 6},      /* 0xFF never appears in UTF-8 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(prepare(f, cases[i].bytes, strlen(cases[i].bytes)),
                         PRECIS_ERR_UTF8);
        assert_int_equal(f->err.offset, cases[i].offset);
    }
    /* The message shows the byte, a hint at the encoding it came from. */
    assert_int_equal(prepare(f, "caf\xE9 au lait", 12), PRECIS_ERR_UTF8);
    assert_non_null(strstr(f->err.message, "at byte 3 (0xE9)"));
}

/* A file of a known format, or text in UTF-16 or UTF-32, is named as what
 * it is, whether --repair-utf8 is given or not. */
static void known_formats_are_named(void **state)
{
    fixture *f = *state;
    static const struct {
        const char *bytes;
        size_t len;
        const char *says;
    } cases[] = {
        {"\xFF\xFEH\0i\0.\0", 8, "UTF-16 text"},
        {"\xFE\xFF\0H\0i\0.", 8, "UTF-16 text"},
        {"H\0e\0l\0l\0o\0.\0", 12, "UTF-16 text"}, /* no byte-order mark */
        {"\0H\0e\0l\0l\0o\0.", 12, "UTF-16 text"},
        {"\xFF\xFE\0\0H\0\0\0", 8, "UTF-32 text"},
        {"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", 15, "a PDF document"},
        {"PK\x03\x04\x14\0\x06\0", 8, "a ZIP archive"},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0", 9, "an OLE2 document"},
        {"\x1F\x8B\x08\0", 4, "gzip"},
        {"\x89PNG\r\n\x1A\n", 8, "a PNG image"},
        {"\xFF\xD8\xFF\xE0", 4, "a JPEG image"},
        {"GIF89a\x01\0", 8, "a GIF image"},
        {"<!DOCTYPE html>\n<html><body><p>Hi.</p>", 38, "an HTML page"},
        {"\xEF\xBB\xBF\n  <html lang=\"en\"><p>Hi.</p>", 32, "an HTML page"},
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC>", 44, "an HTML page"},
        {"<!-- saved from url -->\n<!-- x --><HTML>", 40, "an HTML page"},
    };
    for (int repair = 0; repair <= 1; repair++) {
        f->opt.repair_utf8 = repair;
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            assert_int_equal(prepare(f, cases[i].bytes, cases[i].len), PRECIS_ERR_BINARY);
            assert_non_null(strstr(f->err.message, cases[i].says));
        }
    }
    /* Text that merely mentions a format is text; a NUL in text is binary
     * data, not UTF-16. */
    f->opt.repair_utf8 = 0;
    const char *pdf = "%PDF- files are everywhere. Most readers open them.";
    assert_int_equal(prepare(f, pdf, strlen(pdf)), PRECIS_OK);
    const char *wire = "<Royal Bank of Canada> said profit rose. <html5> is a tag.";
    assert_int_equal(prepare(f, wire, strlen(wire)), PRECIS_OK);
    const char *html = "<htmlx> is no page.";
    assert_int_equal(prepare(f, html, strlen(html)), PRECIS_OK);
    const char *comment = "<!-- a comment never closed. <html> is a tag.";
    assert_int_equal(prepare(f, comment, strlen(comment)), PRECIS_OK);
    const char nul[] = "Hello\0world";
    assert_int_equal(prepare(f, nul, sizeof nul - 1), PRECIS_ERR_BINARY);
    assert_non_null(strstr(f->err.message, "a NUL byte at byte 5"));
}

static void repair_replaces_with_fffd(void **state)
{
    fixture *f = *state;
    f->opt.repair_utf8 = 1;
    const char *in = "ok \x80 then";
    assert_int_equal(prepare(f, in, strlen(in)), PRECIS_OK);
    assert_string_equal(f->doc.text, "ok \xEF\xBF\xBD then");
    assert_true(f->doc.repaired);
    /* "then" is at 5 in the input, 7 in the output. */
    assert_int_equal(pcs_orig_offset(&f->doc, 7), 5);
}

static void empty_and_blank(void **state)
{
    fixture *f = *state;
    assert_int_equal(prepare(f, "", 0), PRECIS_ERR_EMPTY);
    assert_int_equal(prepare(f, " \n\t\r\n \xC2\xA0 ", 9), PRECIS_ERR_EMPTY);
}

static void too_large(void **state)
{
    fixture *f = *state;
    f->opt.max_bytes = 4;
    assert_int_equal(prepare(f, "12345", 5), PRECIS_ERR_TOO_LARGE);
    assert_int_equal(prepare(f, "1234", 4), PRECIS_OK);
}

static void nfc_composes(void **state)
{
    fixture *f = *state;
    /* e + COMBINING ACUTE -> é; A + RING ABOVE -> Å; ANGSTROM SIGN -> Å;
     * Hangul L V T jamo -> one syllable. */
    const char *in = "Cafe\xCC\x81 A\xCC\x8A \xE2\x84\xAB \xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8 end";
    assert_int_equal(prepare(f, in, strlen(in)), PRECIS_OK);
    assert_string_equal(f->doc.text, "Caf\xC3\xA9 \xC3\x85 \xC3\x85 \xEA\xB0\x81 end");
    /* "end" starts at byte 25 of the input. */
    const char *e = strstr(f->doc.text, "end");
    assert_int_equal(pcs_orig_offset(&f->doc, (uint32_t)(e - f->doc.text)), 25);
}

static void nfc_reorders_marks(void **state)
{
    fixture *f = *state;
    /* a + dot below (ccc 220) + acute... written acute first: NFC orders by
     * combining class and composes what it can. Compare with utf8proc. */
    const char *in = "xa\xCC\x81\xCC\xA3y q\xCC\x87\xCC\xA3 z";
    utf8proc_uint8_t *want = utf8proc_NFC((const utf8proc_uint8_t *)in);
    assert_int_equal(prepare(f, in, strlen(in)), PRECIS_OK);
    assert_string_equal(f->doc.text, (const char *)want);
    free(want);
}

/* For every assigned code point c of the BMP and the supplementary planes
 * in use, and a few bases it might compose with, the stage's output must
 * equal utf8proc's full NFC. This proves the quick check that skips NFC
 * misses nothing. */
static void nfc_quick_check_is_exact(void **state)
{
    fixture *f = *state;
    static const char *const bases[] = {"a", "\xE1\x84\x80" /* U+1100 */,
                                        "\xEA\xB0\x80" /* U+AC00 */,
                                        "\xE0\xAD\x87" /* U+0B47 */,
                                        "\xE0\xB7\x99" /* U+0DD9 */};
    char in[32];
    size_t checked = 0;
    for (utf8proc_int32_t cp = 0xA0; cp < 0x30000; cp++) {
        if (!utf8proc_codepoint_valid(cp) ||
            utf8proc_category(cp) == UTF8PROC_CATEGORY_CN ||
            utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS ||
            utf8proc_category(cp) == UTF8PROC_CATEGORY_ZL ||
            utf8proc_category(cp) == UTF8PROC_CATEGORY_ZP ||
            cp == 0xAD || cp == 0xFEFF || cp == 0x200B)
            continue;
        for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
            size_t n = strlen(bases[b]);
            memcpy(in, bases[b], n);
            n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)in + n);
            in[n++] = 'z';
            in[n] = '\0';
            utf8proc_uint8_t *want = utf8proc_NFC((const utf8proc_uint8_t *)in);
            assert_int_equal(prepare(f, in, n), PRECIS_OK);
            if (strcmp(f->doc.text, (const char *)want) != 0)
                fail_msg("U+%04X after base %zu: got %s, want %s", (unsigned)cp, b,
                         f->doc.text, want);
            free(want);
            checked++;
        }
    }
    assert_true(checked > 500000);
}

static void collapse_space(void **state)
{
    (void)state;
    char out[64];
    const char *in = "  a  b\n\nc   ";
    size_t n = pcs_collapse_space(in, strlen(in), out);
    assert_string_equal(out, "a b c");
    assert_int_equal(n, 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(ascii_passes_through, setup, teardown),
        cmocka_unit_test_setup_teardown(every_offset_of_a_block, setup, teardown),
        cmocka_unit_test_setup_teardown(line_endings_and_controls, setup, teardown),
        cmocka_unit_test_setup_teardown(unicode_white_space, setup, teardown),
        cmocka_unit_test_setup_teardown(leading_bom_is_dropped, setup, teardown),
        cmocka_unit_test_setup_teardown(double_spaces_survive, setup, teardown),
        cmocka_unit_test_setup_teardown(nul_is_binary, setup, teardown),
        cmocka_unit_test_setup_teardown(known_formats_are_named, setup, teardown),
        cmocka_unit_test_setup_teardown(invalid_utf8_names_offset, setup, teardown),
        cmocka_unit_test_setup_teardown(repair_replaces_with_fffd, setup, teardown),
        cmocka_unit_test_setup_teardown(empty_and_blank, setup, teardown),
        cmocka_unit_test_setup_teardown(too_large, setup, teardown),
        cmocka_unit_test_setup_teardown(nfc_composes, setup, teardown),
        cmocka_unit_test_setup_teardown(nfc_reorders_marks, setup, teardown),
        cmocka_unit_test_setup_teardown(nfc_quick_check_is_exact, setup, teardown),
        cmocka_unit_test(collapse_space),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
