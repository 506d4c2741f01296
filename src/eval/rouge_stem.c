/* What ROUGE-1.5.5 compares instead of a word when run with -m: WordNet's
 * irregular form base when there is one, otherwise the word stemmed by the
 * Porter stemmer that ships inside ROUGE-1.5.5.pl. Both differ from what
 * the rest of libprecis uses (Snowball), and every difference moves
 * scores, so they are reproduced here rule for rule. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rouge.h"

/* ------------------------------------------------------------------------ */
/* ROUGE-1.5.5's Porter stemmer                                              */
/* ------------------------------------------------------------------------ */

/* ROUGE-1.5.5 does not implement Porter (1980) as Porter wrote it nor as
 * Snowball's "porter" does: it tests each condition with a Perl regular
 * expression over the whole stem, where a consonant is [^aeiou] (so y,
 * digits and the upper-case Y standing for an initial y all count), and
 * Lin changed step 4 in 2004 so that -ment and -ent are tried again after
 * the main list. The result differs from Snowball on about 0.5% of words
 * (agreement -> agreem), so the conditions are evaluated the way Perl
 * evaluates those expressions: a small backtracking matcher over the same
 * pattern pieces, rather than Porter's m() arithmetic. */

static bool is_vowel5(char ch) /* [aeiou] */
{
    return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u';
}

/* One piece of ROUGE's patterns at w[pos]: which bytes it may consume. */
static bool piece_first(char piece, char ch)
{
    switch (piece) {
    case 'C': return !is_vowel5(ch);                 /* $c = [^aeiou] */
    case 'V':                                        /* $v = [aeiouy] */
    case 'v': return is_vowel5(ch) || ch == 'y';
    case 'x': return !is_vowel5(ch) && ch != 'w' && ch != 'x' && ch != 'y';
    default: return false;
    }
}

/* After its first byte, $C = ${c}[^aeiouy]* and $V = ${v}[aeiou]* may go
 * on; 'v' and 'x' are single bytes. */
static bool piece_more(char piece, char ch)
{
    if (piece == 'C')
        return !is_vowel5(ch) && ch != 'y';
    if (piece == 'V')
        return is_vowel5(ch);
    return false;
}

/* Does w[pos, len) match pat (anchored at pos, and at len when `whole`)?
 * pat is a string of pieces, each optionally followed by '?'. Patterns
 * have at most six pieces, so the search is tiny. */
static bool re_match(const char *pat, const char *w, size_t pos, size_t len,
                     bool whole)
{
    if (*pat == '\0')
        return !whole || pos == len;
    char piece = pat[0];
    bool optional = pat[1] == '?';
    const char *rest = pat + (optional ? 2 : 1);
    if (optional && re_match(rest, w, pos, len, whole))
        return true;
    if (pos >= len || !piece_first(piece, w[pos]))
        return false;
    size_t end = pos + 1;
    for (;;) {
        if (re_match(rest, w, end, len, whole))
            return true;
        if (end < len && piece_more(piece, w[end]))
            end++;
        else
            return false;
    }
}

/* ROUGE's $mgr0, $meq1, $mgr1, $_v and its "cvc" test, over w[0, len). */
static bool m_gt0(const char *w, size_t len)
{
    return re_match("C?VC", w, 0, len, false);
}
static bool m_eq1(const char *w, size_t len)
{
    return re_match("C?VCV?", w, 0, len, true);
}
static bool m_gt1(const char *w, size_t len)
{
    return re_match("C?VCVC", w, 0, len, false);
}
static bool has_vowel(const char *w, size_t len)
{
    return re_match("C?v", w, 0, len, false);
}
static bool cvc(const char *w, size_t len)
{
    return re_match("Cvx", w, 0, len, true);
}

static bool ends(const char *w, size_t len, const char *suffix, size_t *stem)
{
    size_t n = strlen(suffix);
    if (n > len || memcmp(w + len - n, suffix, n) != 0)
        return false;
    *stem = len - n;
    return true;
}

typedef struct suffix_rule {
    const char *suffix;
    const char *replace;
} suffix_rule;

static const suffix_rule step2_rules[] = {
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"},
    {"anci", "ance"},   {"izer", "ize"},    {"bli", "ble"},
    {"alli", "al"},     {"entli", "ent"},   {"eli", "e"},
    {"ousli", "ous"},   {"ization", "ize"}, {"ation", "ate"},
    {"ator", "ate"},    {"alism", "al"},    {"iveness", "ive"},
    {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},
    {"iviti", "ive"},   {"biliti", "ble"},  {"logi", "log"},
};

static const suffix_rule step3_rules[] = {
    {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"},
    {"ical", "ic"},  {"ful", ""},   {"ness", ""},
};

static const suffix_rule step4_rules[] = {
    {"al", ""},  {"ance", ""}, {"ence", ""}, {"er", ""},    {"ic", ""},
    {"able", ""}, {"ible", ""}, {"ant", ""}, {"ement", ""}, {"ou", ""},
    {"ism", ""}, {"ate", ""},  {"iti", ""},  {"ous", ""},   {"ive", ""},
    {"ize", ""},
};

/* Perl's /(a|b|...)$/ matches at the leftmost position, so of the listed
 * suffixes the word ends with, the longest one is taken, and a failing
 * condition on it does not fall back to a shorter one. */
static const suffix_rule *longest_suffix(const char *w, size_t len,
                                         const suffix_rule *rules, size_t n,
                                         size_t *stem)
{
    const suffix_rule *best = NULL;
    size_t best_stem = 0;
    for (size_t i = 0; i < n; i++) {
        size_t s;
        if (ends(w, len, rules[i].suffix, &s) && (!best || s < best_stem)) {
            best = &rules[i];
            best_stem = s;
        }
    }
    *stem = best_stem;
    return best;
}

/* Replace w[stem, len) by rule->replace when the stem has m > 0. */
static size_t replace_if_m_gt0(char *w, size_t len, const suffix_rule *rule,
                               size_t stem)
{
    if (!rule || !m_gt0(w, stem))
        return len;
    size_t n = strlen(rule->replace);
    memcpy(w + stem, rule->replace, n);
    return stem + n;
}

size_t pcs_rouge_porter(char *w, size_t len)
{
    size_t s;
    if (len < 3)
        return len;
    /* An initial y is a consonant: upper case keeps the patterns off it. */
    bool initial_y = w[0] == 'y';
    if (initial_y)
        w[0] = 'Y';

    /* Step 1a */
    if (ends(w, len, "sses", &s) || ends(w, len, "ies", &s))
        len -= 2;
    else if (len >= 2 && w[len - 1] == 's' && w[len - 2] != 's')
        len -= 1;

    /* Step 1b */
    if (ends(w, len, "eed", &s)) {
        if (m_gt0(w, s))
            len -= 1;
    } else if (ends(w, len, "ed", &s) || ends(w, len, "ing", &s)) {
        if (has_vowel(w, s)) {
            len = s;
            size_t t;
            if (ends(w, len, "at", &t) || ends(w, len, "bl", &t) ||
                ends(w, len, "iz", &t)) {
                w[len++] = 'e';
            } else if (len >= 2 && w[len - 1] == w[len - 2] &&
                       !memchr("aeiouylsz", w[len - 1], 9)) {
                len -= 1;
            } else if (cvc(w, len)) {
                w[len++] = 'e';
            }
        }
    }

    /* Step 1c */
    if (ends(w, len, "y", &s) && has_vowel(w, s))
        w[s] = 'i';

    /* Steps 2 and 3 */
    const suffix_rule *r;
    r = longest_suffix(w, len, step2_rules,
                       sizeof step2_rules / sizeof *step2_rules, &s);
    len = replace_if_m_gt0(w, len, r, s);
    r = longest_suffix(w, len, step3_rules,
                       sizeof step3_rules / sizeof *step3_rules, &s);
    len = replace_if_m_gt0(w, len, r, s);

    /* Step 4, as Lin modified it on 2004-02-14: -ment and then -ent are
     * tried on whatever the main list left, each on its own. */
    r = longest_suffix(w, len, step4_rules,
                       sizeof step4_rules / sizeof *step4_rules, &s);
    if (r && m_gt1(w, s))
        len = s;
    if (ends(w, len, "ment", &s) && m_gt1(w, s))
        len = s;
    if (ends(w, len, "ent", &s)) {
        if (m_gt1(w, s))
            len = s;
    } else if (ends(w, len, "sion", &s) || ends(w, len, "tion", &s)) {
        if (m_gt1(w, s + 1))
            len = s + 1;
    }

    /* Step 5 */
    if (ends(w, len, "e", &s) &&
        (m_gt1(w, s) || (m_eq1(w, s) && !cvc(w, s))))
        len = s;
    if (ends(w, len, "ll", &s) && m_gt1(w, len))
        len -= 1;

    if (initial_y)
        w[0] = 'y';
    return len;
}

/* ------------------------------------------------------------------------ */
/* WordNet's irregular forms                                                 */
/* ------------------------------------------------------------------------ */

/* ROUGE-1.5.5 looks words up in a database built from WordNet 2.0's
 * exception lists. Debian ships WordNet 3.0's, which hold every 2.0 entry
 * plus these, unknown to ROUGE. */
static const char *const unknown_to_rouge[] = {
    "ashes",  "cognosenti",   "gps",    "halfpence",  "houses_of_cards",
    "lisente", "loups-garous", "morses", "optic_axes", "staretsy",
};

/* Where a form is listed with several bases ROUGE's database holds one:
 * the first base of the first line listing the form, except for these. */
static const struct {
    const char *form, *base;
} rouge_choice[] = {
    {"better", "good"},   {"best", "good"},   {"is", "be"},
    {"testes", "testes"}, {"offer", "offer"}, {"aurar", "eyrir"},
    {"involucra", "involucrum"},
};

static const char *const exc_files[] = {"adj.exc", "adv.exc", "noun.exc",
                                        "verb.exc"};

static bool is_word_byte(char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
}

static bool is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' ||
           ch == '\f' || ch == '\v';
}

/* Append the whole file at path to *buf. */
static precis_status read_into(const char *path, char **buf, size_t *len,
                               size_t *cap, precis_error *err)
{
    static const char hint[] =
        "ROUGE needs WordNet's exception lists: apt-get install wordnet-base";
    FILE *f = fopen(path, "rb");
    if (!f) {
        char why[128];
        if (strerror_r(errno, why, sizeof why) != 0)
            snprintf(why, sizeof why, "error %d", errno);
        return pcs_fail(err, PRECIS_ERR_IO, SIZE_MAX, "cannot open %s: %s; %s",
                        path, why, hint);
    }
    size_t start = *len;
    for (;;) {
        if (!pcs_grow((void **)buf, cap, *len + 65536, 1)) {
            fclose(f);
            return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX,
                            "out of memory reading %s", path);
        }
        size_t got = fread(*buf + *len, 1, *cap - *len, f);
        *len += got;
        if (got == 0)
            break;
    }
    bool failed = ferror(f) != 0;
    fclose(f);
    if (failed)
        return pcs_fail(err, PRECIS_ERR_IO, SIZE_MAX, "cannot read %s; %s",
                        path, hint);
    if (*len == start)
        return pcs_fail(err, PRECIS_ERR_IO, SIZE_MAX, "%s is empty; %s", path,
                        hint);
    return PRECIS_OK;
}

/* Add or replace form -> base. false on allocation failure. */
static bool set_base(precis_rouge_scorer *sc, const char *form, size_t flen,
                     const char *base, size_t blen, bool replace)
{
    uint32_t h = pcs_hash(form, flen);
    pcs_map_slot *slot = pcs_map_find(&sc->forms, form, flen, h);
    if (slot && !replace)
        return true;
    if (!pcs_grow((void **)&sc->bases, &sc->bases_cap, sc->n_bases + 1,
                  sizeof *sc->bases))
        return false;
    sc->bases[sc->n_bases] = (pcs_rouge_base){base, (uint32_t)blen};
    if (slot) {
        slot->value = (uint32_t)sc->n_bases;
    } else if (!pcs_map_put(&sc->forms, form, flen, h,
                            (uint32_t)sc->n_bases)) {
        return false;
    }
    sc->n_bases++;
    return true;
}

/* One line of an .exc file: "form base1 base2 ...". */
static bool parse_line(precis_rouge_scorer *sc, const char *p, const char *end)
{
    const char *field[16];
    size_t flen[16];
    size_t n = 0;
    while (p < end && n < 16) {
        while (p < end && is_space(*p))
            p++;
        if (p == end)
            break;
        field[n] = p;
        while (p < end && !is_space(*p))
            p++;
        flen[n] = (size_t)(p - field[n]);
        n++;
    }
    if (n < 2)
        return true;
    /* ROUGE only looks up tokens of more than 3 letters and digits: other
     * entries (phrases, hyphenated forms) can never be reached. */
    if (flen[0] <= 3 || flen[0] > UINT32_MAX)
        return true;
    for (size_t i = 0; i < flen[0]; i++)
        if (!is_word_byte(field[0][i]))
            return true;
    for (size_t i = 0; i < sizeof unknown_to_rouge / sizeof *unknown_to_rouge;
         i++)
        if (strlen(unknown_to_rouge[i]) == flen[0] &&
            memcmp(unknown_to_rouge[i], field[0], flen[0]) == 0)
            return true;
    for (size_t i = 0; i < sizeof rouge_choice / sizeof *rouge_choice; i++) {
        if (strlen(rouge_choice[i].form) != flen[0] ||
            memcmp(rouge_choice[i].form, field[0], flen[0]) != 0)
            continue;
        size_t blen = strlen(rouge_choice[i].base);
        for (size_t b = 1; b < n; b++)
            if (flen[b] == blen && memcmp(field[b], rouge_choice[i].base,
                                          blen) == 0)
                return set_base(sc, field[0], flen[0], field[b], flen[b],
                                true);
        break;
    }
    return set_base(sc, field[0], flen[0], field[1], flen[1], false);
}

precis_status precis_rouge_scorer_new(const char *wordnet_dir,
                                      precis_rouge_scorer **out,
                                      precis_error *err)
{
    if (!out)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "precis_rouge_scorer_new: out is NULL");
    *out = NULL;
    const char *dir = wordnet_dir ? wordnet_dir : "/usr/share/wordnet";
    precis_rouge_scorer *sc = calloc(1, sizeof *sc);
    if (!sc)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    pcs_map_init(&sc->forms);

    precis_status st = PRECIS_OK;
    size_t len = 0, cap = 0;
    size_t ends_at[4];
    size_t dlen = strlen(dir);
    char *path = malloc(dlen + 16);
    if (!path) {
        st = pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
        goto fail;
    }
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, dlen + 16, "%s/%s", dir, exc_files[i]);
        st = read_into(path, &sc->buffer, &len, &cap, err);
        if (st != PRECIS_OK)
            goto fail;
        ends_at[i] = len;
    }
    /* Lines are parsed only once every file is in place: the buffer moves
     * while it grows, and the map keeps pointers into it. */
    for (size_t i = 0, start = 0; i < 4; start = ends_at[i], i++) {
        const char *p = sc->buffer + start, *end = sc->buffer + ends_at[i];
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *eol = nl ? nl : end;
            if (!parse_line(sc, p, eol)) {
                st = pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX,
                              "out of memory loading WordNet's exceptions");
                goto fail;
            }
            p = nl ? nl + 1 : end;
        }
    }
    free(path);
    *out = sc;
    return PRECIS_OK;

fail:
    free(path);
    precis_rouge_scorer_free(sc);
    return st;
}

void precis_rouge_scorer_free(precis_rouge_scorer *scorer)
{
    if (!scorer)
        return;
    pcs_map_free(&scorer->forms);
    free(scorer->bases);
    free(scorer->buffer);
    free(scorer);
}

const char *pcs_rouge_stem(const precis_rouge_scorer *scorer, const char *word,
                           size_t len, char *buf, size_t *out_len)
{
    /* ROUGE-1.5.5 leaves tokens of up to 3 bytes alone (createNGram). */
    if (len <= 3) {
        *out_len = len;
        return word;
    }
    const pcs_map_slot *slot =
        pcs_map_find(&scorer->forms, word, len, pcs_hash(word, len));
    if (slot) {
        const pcs_rouge_base *b = &scorer->bases[slot->value];
        *out_len = b->len;
        return b->text;
    }
    memcpy(buf, word, len);
    *out_len = pcs_rouge_porter(buf, len);
    return buf;
}
