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
/* Read so far, a text whose function words already point to one language
 * by this margin (and this share), in one script alone, is settled unless
 * it changes language further on: SAMPLE_WORDS read from its middle must
 * lead to the same language (an abstract or a lede in one language before
 * an article in another reads on, as it always did). A news article's 300
 * words cost a tenth of its time (perf, bbc-news). Checked on every
 * fixture and Reuters story: the same language and confidence as reading
 * 300 words (bench/README, "Issue 11, ninth pass"). */
#define EARLY_WORDS  100
#define EARLY_MARGIN 0.15
#define EARLY_SHARE  0.25
#define SAMPLE_WORDS 50

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

/* Is the language of this ISO 639-1 code written in script sc? Latin
 * unless listed; Serbian in both Cyrillic and Latin. The two letters are
 * compared as one number: this runs for every language at every
 * detection, where string compares cost more than the counting. */
static bool written_in(const char *code, script sc)
{
    unsigned c = code[0] && code[1] && !code[2]
                     ? (unsigned)(unsigned char)code[0] << 8 | (unsigned char)code[1]
                     : 0;
    switch (c) {
    case 'r' << 8 | 'u':
        return sc == SCRIPT_CYRILLIC;
    case 's' << 8 | 'r':
        return sc == SCRIPT_CYRILLIC || sc == SCRIPT_LATIN;
    case 'e' << 8 | 'l':
        return sc == SCRIPT_GREEK;
    case 'a' << 8 | 'r':
        return sc == SCRIPT_ARABIC;
    case 'y' << 8 | 'i':
        return sc == SCRIPT_HEBREW;
    case 'h' << 8 | 'i':
    case 'n' << 8 | 'e':
        return sc == SCRIPT_DEVANAGARI;
    case 't' << 8 | 'a':
        return sc == SCRIPT_TAMIL;
    case 'h' << 8 | 'y':
        return sc == SCRIPT_ARMENIAN;
    default:
        return sc == SCRIPT_LATIN;
    }
}

/* The set of languages of each stopword is looked up in one table built
 * with the library (cmake/EmbedLanguageData.cmake): constant data mapped
 * from the binary, where a hash table built on the heap at the first
 * detection cost a command about 100 page faults and a million
 * instructions. Words sorted bytewise and indexed by their first three
 * bytes, so a lookup binary-searches the few words of one bucket (two
 * steps for an English stopword): a search of all 7,500 words took 13
 * steps, most of them mispredicted branches, and doubled the time of
 * detection. */
_Static_assert(PCS_DETECT_MAX_LANGUAGES <= 32, "a language set is a uint32_t bit mask");

uint32_t pcs_stopword_languages(const char *folded, size_t len)
{
    const unsigned char *w = (const unsigned char *)folded;
    unsigned b = pcs_word_bucket(w, len);
    uint32_t lo = pcs_detect_bucket[b], hi = pcs_detect_bucket[b + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        /* An entry ends at '\n', which sorts before any byte of a word. */
        const unsigned char *e = pcs_detect_words + pcs_detect_entries[mid].at;
        size_t i = 0;
        while (i < len && e[i] == w[i])
            i++;
        if (i == len && e[i] == '\n')
            return pcs_detect_entries[mid].languages;
        if (e[i] == '\n' || (i < len && e[i] < w[i]))
            lo = mid + 1; /* the entry sorts before the word */
        else
            hi = mid;
    }
    return 0;
}

/* The index of the lowest set bit of v, not 0 (de Bruijn multiplication:
 * Leiserson, Prokop and Randall, 1998): a stopword's languages are
 * counted one set bit at a time, not one bit position at a time. */
static unsigned lowest_bit(uint32_t v)
{
    static const unsigned char position[32] = {0,  1,  28, 2,  29, 14, 24, 3,  30, 22, 20,
                                               15, 25, 17, 4,  8,  31, 27, 13, 23, 21, 19,
                                               16, 7,  26, 12, 18, 6,  11, 5,  10, 9};
    return position[((v & (0u - v)) * 0x077CB531u) >> 27];
}

/* What the words read so far hold: function words of each language,
 * letters of each script, and words. */
typedef struct counts {
    uint32_t hits[PCS_DETECT_MAX_LANGUAGES];
    uint32_t letters[N_SCRIPTS];
    uint32_t words;
} counts;

/* Are all the letters read so far of one script? */
static bool one_script(const uint32_t *letters)
{
    int scripts = 0;
    for (int sc = 0; sc < N_SCRIPTS; sc++)
        scripts += letters[sc] > 0;
    return scripts == 1;
}

/* The language the counts so far point to: the main script's languages,
 * the one whose function words are the largest share of the words read.
 * *margin (when not NULL) gets its lead over the runner-up (1 when no
 * other language is written in the script). */
static pcs_detection decide(const counts *c, double *margin)
{
    const uint32_t *hits = c->hits, *letters = c->letters, words = c->words;
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
    pcs_detection out = {NULL, best > 0 ? best : 0, false};
    if (best_l != SIZE_MAX) {
        out.language = pcs_language_from_code(pcs_language_data_table[best_l].code);
        /* A script only one language is written in settles it. */
        bool only = second < 0;
        out.confident = out.language && words >= MIN_WORDS &&
                        (only || (best >= MIN_SHARE && best - second >= MIN_MARGIN));
    }
    if (margin)
        *margin = best_l != SIZE_MAX && second >= 0 ? best - second : 1.0;
    return out;
}

/* Count words of text from byte i until c holds `limit` words or the text
 * ends; the byte where reading stopped. */
static size_t read_words(const char *text, size_t len, size_t i, uint32_t limit, counts *c)
{
    char word[256];
    while (i < len && c->words < limit) {
        /* One word: a run of letters and marks, with apostrophes inside. */
        size_t start = i;
        bool ascii = true;
        while (i < len) {
            unsigned char b = (unsigned char)text[i];
            if (b < 0x80) {
                /* ASCII, most text: no Unicode tables needed, and folded
                 * as it is read, as pcs_casefold folds it: setting bit
                 * 0x20 lowers a letter and leaves the apostrophe (0x27). */
                bool letter = (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
                if (!letter && !(b == '\'' && i > start))
                    break;
                if (i - start < sizeof word)
                    word[i - start] = (char)(b | 0x20);
                i++;
                c->letters[SCRIPT_LATIN] += letter;
                continue;
            }
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                                  (utf8proc_ssize_t)(len - i), &cp);
            if (k <= 0)
                break;
            ascii = false;
            utf8proc_category_t cat = utf8proc_category(cp);
            bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
            if (!letter && !(pcs_is_apostrophe((uint32_t)cp) && i > start))
                break;
            i += (size_t)k;
            if (letter)
                c->letters[script_of((uint32_t)cp)]++;
        }
        if (i == start) {
            /* Not a letter: skip one code point. */
            i++;
            while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
                i++;
            continue;
        }
        c->words++;
        /* A word too long for word[] is in no stopword list. An ASCII
         * word is in word[] already; others are folded by pcs_casefold. */
        size_t n = i - start;
        if (!(ascii && n + 1 < sizeof word) &&
            (n = pcs_casefold(text, (uint32_t)start, (uint32_t)i, word, sizeof word)) == SIZE_MAX)
            continue;
        for (uint32_t set = pcs_stopword_languages(word, n); set; set &= set - 1)
            c->hits[lowest_bit(set)]++;
    }
    return i;
}

/* Where to sample the rest of the text: from its middle (or from i, if the
 * words read reach past it), at the start of a line or after a space. */
static size_t sample_start(const char *text, size_t len, size_t i)
{
    size_t at = len / 2 > i ? len / 2 : i;
    while (at < len && text[at] != ' ' && text[at] != '\n')
        at++;
    return at;
}

pcs_detection pcs_detect_language(const char *text, size_t len)
{
    counts c = {{0}, {0}, 0};
    size_t i = read_words(text, len, 0, EARLY_WORDS, &c);
    if (c.words == EARLY_WORDS && one_script(c.letters)) {
        double margin;
        pcs_detection d = decide(&c, &margin);
        if (d.confident && d.share >= EARLY_SHARE && margin >= EARLY_MARGIN) {
            counts rest = {{0}, {0}, 0};
            read_words(text, len, sample_start(text, len, i), SAMPLE_WORDS, &rest);
            if (rest.words == 0 || decide(&rest, NULL).language == d.language)
                return d;
        }
    }
    read_words(text, len, i, DETECT_WORDS, &c);
    return decide(&c, NULL);
}
