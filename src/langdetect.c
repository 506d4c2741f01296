/* Language detection for --lang auto: the script of the letters, then the
 * share of words that are function words of each language.
 *
 * Function words are the most frequent words of every language and differ
 * between languages, so the share of a text's words found in each
 * language's stopword list identifies the language well from a few dozen
 * words (the "short words" method, Grefenstette, 1995, "Comparing two
 * language identification schemes"; Cavnar and Trenkle, 1994, for the
 * n-gram alternative). Scripts settle what stopwords cannot compare:
 * Cyrillic, Greek, Arabic, Hebrew, Devanagari, Tamil and Armenian text can
 * only be one of the few languages written that way. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"
#include "language.h"

/* Words read: enough for a stable share, cheap on long documents. */
#define DETECT_WORDS 300
/* Below this share of function words, or this margin over the runner-up,
 * the guess is reported as unsure. */
#define MIN_SHARE 0.12
#define MIN_MARGIN 0.04
#define MIN_WORDS 12

typedef enum script {
    SCRIPT_LATIN, SCRIPT_CYRILLIC, SCRIPT_GREEK, SCRIPT_ARABIC, SCRIPT_HEBREW,
    SCRIPT_DEVANAGARI, SCRIPT_TAMIL, SCRIPT_ARMENIAN, SCRIPT_OTHER, N_SCRIPTS
} script;

static script script_of(uint32_t cp)
{
    if (cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00))
        return SCRIPT_LATIN;
    if (cp >= 0x400 && cp < 0x530)
        return SCRIPT_CYRILLIC;
    if ((cp >= 0x370 && cp < 0x400) || (cp >= 0x1F00 && cp < 0x2000))
        return SCRIPT_GREEK;
    if (cp >= 0x530 && cp < 0x590)
        return SCRIPT_ARMENIAN;
    if (cp >= 0x590 && cp < 0x600)
        return SCRIPT_HEBREW;
    if ((cp >= 0x600 && cp < 0x700) || (cp >= 0x750 && cp < 0x780))
        return SCRIPT_ARABIC;
    if (cp >= 0x900 && cp < 0x980)
        return SCRIPT_DEVANAGARI;
    if (cp >= 0xB80 && cp < 0xC00)
        return SCRIPT_TAMIL;
    return SCRIPT_OTHER;
}

/* The script each language is written in (Serbian: both Cyrillic and
 * Latin). */
static bool written_in(const char *code, script sc)
{
    static const struct {
        const char *code;
        script sc;
    } scripts[] = {{"ru", SCRIPT_CYRILLIC}, {"sr", SCRIPT_CYRILLIC}, {"el", SCRIPT_GREEK},
                   {"ar", SCRIPT_ARABIC},   {"yi", SCRIPT_HEBREW},   {"hi", SCRIPT_DEVANAGARI},
                   {"ne", SCRIPT_DEVANAGARI}, {"ta", SCRIPT_TAMIL}, {"hy", SCRIPT_ARMENIAN}};
    bool other_script = false;
    for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
        if (strcmp(scripts[i].code, code) == 0) {
            if (scripts[i].sc == sc)
                return true;
            other_script = strcmp(code, "sr") != 0;
        }
    }
    return sc == SCRIPT_LATIN && !other_script;
}

/* One table from every stopword of every language to the set of languages
 * it belongs to (a bit per row of the language data table: the generated
 * table asserts at build time that it has at most PCS_DETECT_MAX_LANGUAGES
 * rows). Open addressing with linear probing over 12-byte slots that name
 * the word by its row and place in the data table, allocated once at its
 * final size: a general string map grown by doubling cost a command's first
 * detection about 300 page faults and 2.7 million instructions. */
_Static_assert(PCS_DETECT_MAX_LANGUAGES <= 32, "a language set is a uint32_t bit mask");
#define WORD_ROW_SHIFT 24 /* a slot's word: row << 24 | (place + 1); 0: empty */

typedef struct detect_slot {
    uint32_t hash, word, languages;
} detect_slot;

struct pcs_detector {
    detect_slot *slots;
    uint32_t mask; /* slots - 1, a power of two minus one */
};

void pcs_detector_free(pcs_detector *d)
{
    if (!d)
        return;
    free(d->slots);
    free(d);
}

/* A stopword entry is the word, then optionally white space and a note. */
static size_t entry_length(const char *w)
{
    size_t n = 0;
    while (w[n] && w[n] != ' ' && w[n] != '\t')
        n++;
    return n;
}

static const char *slot_word(uint32_t word)
{
    return pcs_language_data_table[word >> WORD_ROW_SHIFT]
        .stopwords[(word & ((1u << WORD_ROW_SHIFT) - 1)) - 1];
}

/* The slot holding the word of n bytes, or the empty slot where it goes. */
static detect_slot *find(const pcs_detector *d, const char *w, size_t n, uint32_t h)
{
    for (uint32_t i = h & d->mask;; i = (i + 1) & d->mask) {
        detect_slot *s = &d->slots[i];
        if (!s->word)
            return s;
        if (s->hash == h) {
            const char *k = slot_word(s->word);
            if (entry_length(k) == n && memcmp(k, w, n) == 0)
                return s;
        }
    }
}

static pcs_detector *detector_new(void)
{
    size_t entries = 0;
    for (size_t l = 0; l < pcs_language_data_count; l++)
        for (const char *const *w = pcs_language_data_table[l].stopwords; w && *w; w++)
            entries++;
    /* Load under 2/3 even if no two languages shared a word; the table
     * never fills, so a probe always ends. */
    size_t cap = 64;
    while (cap < entries + entries / 2)
        cap *= 2;
    pcs_detector *d = calloc(1, sizeof *d);
    if (!d || cap > UINT32_MAX || !(d->slots = calloc(cap, sizeof *d->slots)))
        goto fail;
    d->mask = (uint32_t)(cap - 1);
    for (size_t l = 0; l < pcs_language_data_count; l++) {
        const char *const *list = pcs_language_data_table[l].stopwords;
        for (size_t i = 0; list && list[i]; i++) {
            if (i + 1 >= (size_t)1 << WORD_ROW_SHIFT)
                goto fail;
            size_t n = entry_length(list[i]);
            uint32_t h = pcs_hash(list[i], n);
            detect_slot *s = find(d, list[i], n, h);
            if (!s->word)
                *s = (detect_slot){h, (uint32_t)(l << WORD_ROW_SHIFT | (i + 1)), 0};
            s->languages |= 1u << l;
        }
    }
    return d;
fail:
    pcs_detector_free(d);
    return NULL;
}

precis_status pcs_detect_language(precis_summarizer *s, const char *text, size_t len,
                                  pcs_detection *out, precis_error *err)
{
    if (!s->detector && !(s->detector = detector_new()))
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    const pcs_detector *d = s->detector;
    uint32_t hits[PCS_DETECT_MAX_LANGUAGES] = {0}, letters[N_SCRIPTS] = {0}, words = 0;
    char word[256];
    size_t i = 0;
    while (i < len && words < DETECT_WORDS) {
        /* One word: a run of letters and marks, with apostrophes inside. */
        size_t start = i;
        while (i < len) {
            unsigned char b = (unsigned char)text[i];
            if (b < 0x80) {
                /* ASCII, most text: no Unicode tables needed. */
                bool letter = (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
                if (!letter && !(b == '\'' && i > start))
                    break;
                i++;
                letters[SCRIPT_LATIN] += letter;
                continue;
            }
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                                  (utf8proc_ssize_t)(len - i), &cp);
            if (k <= 0)
                break;
            utf8proc_category_t c = utf8proc_category(cp);
            bool letter = c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
            if (!letter && !(pcs_is_apostrophe((uint32_t)cp) && i > start))
                break;
            i += (size_t)k;
            if (letter)
                letters[script_of((uint32_t)cp)]++;
        }
        if (i == start) {
            /* Not a letter: skip one code point. */
            i++;
            while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
                i++;
            continue;
        }
        words++;
        /* A word too long for word[] is in no stopword list. */
        size_t n = pcs_casefold(text, (uint32_t)start, (uint32_t)i, word, sizeof word);
        if (n == SIZE_MAX)
            continue;
        for (uint32_t set = find(d, word, n, pcs_hash(word, n))->languages, l = 0; set;
             set >>= 1, l++)
            hits[l] += set & 1;
    }
    script main = SCRIPT_LATIN;
    for (int sc = 0; sc < N_SCRIPTS; sc++)
        if (letters[sc] > letters[main])
            main = (script)sc;
    double best = -1, second = -1;
    size_t best_l = SIZE_MAX;
    for (size_t l = 0; l < pcs_language_data_count; l++) {
        if (!written_in(pcs_language_data_table[l].code, main))
            continue;
        double share = words ? (double)hits[l] / words : 0;
        if (share > best) {
            second = best;
            best = share;
            best_l = l;
        } else if (share > second) {
            second = share;
        }
    }
    out->language = NULL;
    out->share = best > 0 ? best : 0;
    out->confident = false;
    if (best_l != SIZE_MAX) {
        out->language = pcs_language_from_code(pcs_language_data_table[best_l].code);
        /* A script only one language is written in settles it. */
        bool only = second < 0;
        out->confident = out->language && words >= MIN_WORDS &&
                         (only || (best >= MIN_SHARE && best - second >= MIN_MARGIN));
    }
    return PRECIS_OK;
}
