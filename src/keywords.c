/* Stage 7, key terms: noun-phrase candidates scored by what the keyphrase
 * literature found to work, one term per topic. Every signal below can be
 * switched off (PRECIS_ABLATE_KEY_*); bench/results/keywords.md measures
 * each.
 *
 * 1. Candidate words: content words (not stopwords, holding a letter, no
 *    longer than any word: KEY_WORD_MAX_BYTES) of body and heading
 *    sentences that the language's nonkey list does not rule out, nor its
 *    reporting list ("said", "selon"). Without a part-of-speech tagger the
 *    nonkey list stands in for one: for English it holds the forms WordNet
 *    knows only as verbs or adverbs, or that SemCor tags mostly as verbs
 *    ("show", "presents"), and the reporting verbs, units and magnitudes
 *    of news copy ("said", "pct", "mln"), never candidates, and the
 *    adjectives that are never nouns ("economic") or mostly not ("common"),
 *    which may begin a key term but not end one (models/en/README-nonkey.md).
 *    In English an -ing form that acts as a verb (an object, a clause or a
 *    number after it) is no candidate where it does. A word of two letters
 *    is a candidate only inside a name ("Hu Jintao", "Rio de Janeiro"). A
 *    language without a list falls back to runs between stopwords (Rose et
 *    al., 2010, RAKE).
 * 2. Candidate phrases are the maximal runs of adjacent candidate words (no
 *    punctuation between them, a possessor ends one), less their trailing
 *    modifiers and their leading general words: with a model, words common
 *    in its corpus ("new", "two": GENERAL_SHARE), and the evaluative
 *    adjectives of models/<code>/evaluative.txt ("novel", "proposed");
 *    of at most MAX_PHRASE words; longer
 *    runs are lists or headlines and count word by word.
 * 3. What a reader tags depends on the text (tag_by_words): an abstract or
 *    a short, name-poor text is tagged with its noun phrases, which it
 *    seldom repeats; a story with a cast of people and organisations, or
 *    one that reports what people said, with the names and topic words it
 *    keeps coming back to. Phrases are scored as SingleRank (Wan and Xiao,
 *    2008): the sum of their words' PageRank on a co-occurrence graph
 *    (Mihalcea and Tarau, 2004) times the corpus IDF, the title's words
 *    doubled (PositionRank's position signal, Florescu and Caragea, 2017),
 *    times the phrase's count; a single word weighs half
 *    (SINGLE_WORD_WEIGHT). Words are scored by TF-IDF (Salton and Buckley,
 *    1988) against the background model, every occurrence of a noun
 *    counting, inside a phrase or not.
 * 4. Best first, one term per topic: a term sharing a noun with one already
 *    taken is the same topic (TopicRank's stem overlap, Bougouin et al.,
 *    2013); a word is printed as the phrase that holds most of its
 *    occurrences ("Deutsche Boerse"), a name replaces its words taken
 *    alone ("American Airlines"), and every term is in its most frequent
 *    surface form. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "internal.h"

/* Co-occurrence window in tokens (the paper found 2 best on abstracts; 3
 * gives denser graphs without a tagger's filter. Measured: 2 helps Inspec
 * and hurts news, 4 the reverse). */
#define WINDOW 3
/* Longer runs are lists, headlines or a verb taken for a noun: see
 * collect_phrases. */
#define MAX_PHRASE 4
/* Slots the phrase table starts with: room at half load for the 200 to 400
 * distinct phrases of a news article, so most never grow it. */
#define INITIAL_PHRASE_SLOTS 1024
/* Room for phrases and occurrences reserved in the arena at most: two of
 * each per token of a long news article (8,000 tokens). Reserved for every
 * token, a 10 MB text asked for 190 MB of them and wrote 15. */
#define INITIAL_PHRASES 16384
/* Texts of at least this many sentences in which at least this share of
 * the distinct candidate words are names (mostly capitalised mid-sentence,
 * not all capitals: "OFDM" in an abstract is a term, not a name) are
 * tagged by words: a story with a cast of people, places and
 * organisations, long enough for its names and topic words to recur.
 * Distinct words, not occurrences: an abstract that keeps saying
 * "Bayesian" has one name. Measured on the fixtures: abstracts have a
 * median of 1.8% such words and 6 sentences, news stories 10% to 19% and
 * 12 to 15 sentences. Chosen on the two folds of the news and abstract
 * sets (every fold of every set at least as good as with the former rule,
 * 200 words and 5% of occurrences). */
#define WORDS_MIN_SENTENCES 8
#define WORDS_MIN_NAMES 0.05
/* A cast of names makes a story only if the text also reads as one: it
 * names a day or a month (news says when), or is long, or is dense with
 * names. An abstract's capitalised words ("Internet", "Boolean",
 * "Brownian", the authors it cites) come without a date in 8 to 13
 * sentences: 25 abstracts were tagged by words and every one scored better
 * by phrases. Measured on the fixtures, F1@10: abstracts 37.13 -> 38.38
 * (folds +0.75, +1.75), news and French unchanged; a date alone as the
 * test cost news 0.64 (long, undated features), and from 12 to 16
 * sentences and 12% to 15% of names every choice gave the abstracts +1.1
 * to +1.25 with news unchanged. */
#define STORY_MIN_SENTENCES 14
#define STORY_MIN_NAMES 0.15
/* A text that attributes speech this many times ("said", "according",
 * "selon": models/<code>/reporting.txt) quotes or reports people: a story,
 * tagged by words however short or name-poor (a brief of three sentences).
 * Abstracts say "according to" or "is said to" at most once. Measured on
 * the fixtures: no abstract reaches two; 6 news stories and 2 French
 * stories do that the rule above tags by phrases, and tagged by words they
 * gain F1@10 on every fold. */
#define REPORTED_SPEECH_MIN 2
/* In a text tagged by phrases, a single word weighs this much of what it
 * would as a phrase: measured on the abstracts, the single words precis
 * picked were gold keys 13% of the time, its phrases 40% (Hulth, 2003:
 * most keys annotators give abstracts are two or three words long).
 * Chosen on both folds with the rule above. */
#define SINGLE_WORD_WEIGHT 0.5
/* A word is printed as a phrase holding it when that phrase accounts for
 * this share of the word's occurrences: "Boerse" always comes as "Deutsche
 * Boerse", "rates" mostly as "interest rates", "scandal" mostly alone. A
 * name's word alone is a fragment ("Vegas", "Coast", "Apparel"): names
 * took 0.6 first (0.55 to 0.6 gave the same scores on every fold, 0.5
 * cost kpcrowd 0.18), then every phrase (from 0.7: French F1@10 +1.8 on
 * both folds, kpcrowd -0.07, whose crowd tags single words; bench/README,
 * eighth pass). */
#define PHRASE_SHARE 0.6

/* A capitalised word before a colon that begins a sentence is a label
 * when found in this share of the model's documents (label): "note" is in
 * 4% of the English model's, "volume" in 0.6%, a product's name in none. */
#define LABEL_SHARE 0.005

/* A phrase's leading word found in more than this share of the model's
 * documents is general ("new algorithm", "two methods", "using DSP chips")
 * and is left out of the phrase: it adds no specificity, and annotators
 * leave it out (Hulth, 2003, found such "stop-modifiers" the main source of
 * too-long candidates). Chosen on both folds of the abstract fixtures: a
 * share of about one document in five was best on each half. */
#define GENERAL_SHARE 0.2

/* A longer word is no key term. No word of the languages precis stems is
 * this long (German's longest dictionary compounds are about 65 bytes);
 * such runs are pasted addresses, hashes, encoded data or junk, and a 16
 * MB run of letters would otherwise be printed as the first key term. */
#define KEY_WORD_MAX_BYTES 100

/* What a token is to key terms (per token, in cand[]). */
enum { NOT_CANDIDATE = 0, CANDIDATE, CANDIDATE_MODIFIER };

static bool content_sentence(const pcs_sentence *s)
{
    return s->kind == PCS_SENT_BODY || s->kind == PCS_SENT_HEADING;
}

static bool all_capitals(const char *s, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++)
        if (!(s[i] >= 'A' && s[i] <= 'Z'))
            return false;
    return true;
}

/* An age: a compound ending in "-old" or "-olds" ("21-year-old",
 * "seven-year-olds", "centuries-old"). It describes ("a 29-year-old
 * partner", "the 62-year-old") and is no term, as a number is none; it
 * stood alone in the top 10 of 30 of 2,106 summary fixtures. */
static bool age(const char *s, uint32_t len)
{
    return (len > 4 && memcmp(s + len - 4, "-old", 4) == 0) ||
           (len > 5 && memcmp(s + len - 5, "-olds", 5) == 0);
}

/* Digits and an ordinal ending, English or French, in either case: "1st",
 * "4TH", "1er", "3è", "17ème", "5ÈME". */
static bool ordinal(const char *s, uint32_t len)
{
    static const char *const endings[] = {"st", "nd", "rd", "th", "e", "\xC3\xA8", "er",
                                          "re", "\xC3\xA8re", "\xC3\xA8me", "eme", "nde"};
    uint32_t i = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 || len - i > 5)
        return false;
    char end[6];
    for (uint32_t k = i; k < len; k++)
        end[k - i] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] | 0x20 : s[k]);
    for (uint32_t k = 0; k + 1 < len - i; k++) /* "5ÈME": È (C3 88) to è (C3 A8) */
        if (end[k] == '\xC3' && end[k + 1] == '\x88')
            end[k + 1] = '\xA8';
    for (size_t e = 0; e < sizeof endings / sizeof *endings; e++)
        if (strlen(endings[e]) == len - i && memcmp(end, endings[e], len - i) == 0)
            return true;
    return false;
}

/* Are two consecutive tokens adjacent in the text, with only spaces between
 * them (no punctuation that would split a phrase)? */
static bool adjacent(const pcs_doc *doc, const pcs_token *a, const pcs_token *b)
{
    for (uint32_t i = a->start + a->len; i < b->start; i++)
        if (doc->text[i] != ' ')
            return false;
    return true;
}

/* Capitalised, not in capitals, first in its sentence or not: "Merrill"
 * of "Merrill Lynch said", not "U.S.". */
static bool lower_after_capital(const pcs_doc *doc, const pcs_token *t)
{
    unsigned char second = t->len > 1 ? (unsigned char)doc->text[t->start + 1] : 'A';
    return (t->flags & PCS_TOK_UPPER) && ((second >= 'a' && second <= 'z') || second >= 0x80);
}

/* Capitals each followed by a full stop: "J.C." of "J.C. Penney", "U.S.". */
static bool initials(const pcs_doc *doc, const pcs_token *t)
{
    const char *s = doc->text + t->start;
    bool all = t->len >= 2 && t->len % 2 == 0;
    for (uint32_t i = 0; i + 1 < t->len && all; i += 2)
        all = s[i] >= 'A' && s[i] <= 'Z' && s[i + 1] == '.';
    return all;
}

/* Capitalised mid-sentence, not in capitals: "Saxony", not "EC". */
static bool name_capital(const pcs_doc *doc, const pcs_token *t)
{
    return !(t->flags & PCS_TOK_INITIAL) && lower_after_capital(doc, t);
}

/* Are two consecutive tokens the capitalised words of a name joined by
 * an ampersand, " & " ("Procter & Gamble", "Dolce & Gabbana", "Ernst &
 * Young"), not words in capitals ("DVD & Blu-ray")? The name is one term,
 * as a reader writes it; without this its parts printed as two
 * ("Procter", "Gamble"). */
static bool ampersand_joined(const pcs_doc *doc, const pcs_token *a, const pcs_token *b)
{
    const char *s = doc->text + a->start + a->len;
    return b->start == a->start + a->len + 3 && s[0] == ' ' && s[1] == '&' && s[2] == ' ' &&
           lower_after_capital(doc, a) && lower_after_capital(doc, b);
}

/* Does the token end in a possessive 's (or 'S in a headline in capitals:
 * "CANADA'S WILSON")? A possessor ends its phrase ("Putin's aides" is two
 * terms) and is printed without the 's (Snowball stems both forms alike). */
static bool possessive(const pcs_doc *doc, const pcs_token *t)
{
    const char *end = doc->text + t->start + t->len;
    if (t->len < 3 || (end[-1] != 's' && end[-1] != 'S'))
        return false;
    return end[-2] == '\'' || (t->len > 4 && memcmp(end - 4, "\xE2\x80\x99", 3) == 0);
}

/* Token t's length without a possessive's 's ("Corp's" is "Corp"). */
static uint32_t bare_len(const pcs_doc *doc, const pcs_token *t)
{
    if (!possessive(doc, t))
        return t->len;
    return t->len - (doc->text[t->start + t->len - 2] == '\'' ? 2 : 4);
}

/* Is token t a middle initial: one capital letter, a full stop and a
 * space between two capitalised words ("Carl C. Icahn", "Marvin W.
 * Griffin"), the first a name's (capitalised mid-sentence, not in
 * capitals: not "Archivist L. Henry" opening a sentence, nor "S. DAKOTA N.
 * DAKOTA" of a table)? Such an initial, between two candidates, sits
 * inside their phrase as a modifier: the stop does not end the name (the
 * sentence splitter reads a capital and a stop as an initial). Without it
 * the name printed as two terms, "Carl" and "Icahn" (31 of 1,692 Reuters
 * top 10s). */
static bool middle_initial(const pcs_doc *doc, const pcs_token *t)
{
    const char *s = doc->text + t[0].start;
    return t[0].len == 1 && s[0] >= 'A' && s[0] <= 'Z' && t[0].term != UINT32_MAX &&
           name_capital(doc, &t[-1]) && (t[1].flags & PCS_TOK_UPPER) &&
           t[1].start == t[0].start + 3 && s[1] == '.' && s[2] == ' ' &&
           !all_capitals(doc->text + t[1].start, t[1].len);
}

/* Reuters' web pages (2010 to 2012) follow a company's name with its
 * ticker and the links of a quote box: "Goldman Sachs (GS.N: Quote,
 * Profile, Research, Stock Buzz)". Its words are no terms ("Stock Buzz",
 * "Profile", "Research" and "BAC" were in kpcrowd top 10s). Is token t
 * the box's first link? *open is then where its parenthesis opens. */
#define QUOTE_WIDGET "Quote, Profile, Research, Stock Buzz)"
#define TICKER_MAX   16
static bool quote_widget(const pcs_doc *doc, const pcs_token *t, uint32_t *open)
{
    const char *s = doc->text + t->start;
    size_t n = strlen(QUOTE_WIDGET);
    if (s[0] != 'Q' || t->start < 3 || s[-1] != ' ' || s[-2] != ':' || doc->len - t->start < n ||
        memcmp(s, QUOTE_WIDGET, n) != 0)
        return false;
    for (uint32_t i = t->start - 2; i-- > 0 && t->start - i <= TICKER_MAX;)
        if (doc->text[i] == '(') {
            *open = i;
            return true;
        }
    return false;
}

/* Leave the words of the sentence's quote boxes (quote_widget) out. Asked
 * only of sentences with a word that begins with 'Q'. */
static void leave_out_quote_boxes(const pcs_doc *doc, const pcs_sentence *sent, uint8_t *cand)
{
    uint32_t end = sent->tok_first + sent->tok_count, open;
    for (uint32_t k = sent->tok_first; k < end; k++) {
        if (doc->toks[k].len != 5 || !quote_widget(doc, &doc->toks[k], &open))
            continue;
        uint32_t close = doc->toks[k].start + (uint32_t)strlen(QUOTE_WIDGET);
        for (uint32_t j = k; j > sent->tok_first && doc->toks[j - 1].start >= open; j--)
            cand[j - 1] = NOT_CANDIDATE; /* the ticker */
        for (; k < end && doc->toks[k].start < close; k++)
            cand[k] = NOT_CANDIDATE;
        k--;
    }
}

/* Is the token text s of len bytes lower-case letters parted by stops
 * ("e.g", "a.k.a", "p.m")? */
static bool dotted_lower(const char *s, uint32_t len)
{
    for (uint32_t i = 0; i < len; i++)
        if (i % 2 ? s[i] != '.' : !(s[i] >= 'a' && s[i] <= 'z'))
            return false;
    return true;
}

/* A word of two letters is no candidate alone (classify_token), but
 * directly before a name's next word it is the name's: a family name
 * ("Hu Jintao", "Xi Jinping", "Li Peng", "Ciriaco De Mita"), an article of
 * a place or a title ("El Paso", "La Tribune", "Le Monde"), or, in lower
 * case after a name's word, its particle ("Charles de Gaulle", "Lula da
 * Silva"). Without this they printed as "Jintao", "Paso police", "Gaulle
 * airport". Not a stopword ("In", "He"), nor a listed word ("Mr Smith",
 * "Dr Jones", "Co"), nor in capitals (a candidate already). Is token t,
 * before the candidate t[1] and after a candidate or not (after_cand),
 * such a word? */
static bool name_particle(const pcs_doc *doc, const pcs_token *t, bool after_cand)
{
    const char *s = doc->text + t[0].start;
    if (t[0].len != 2 || t[0].term == UINT32_MAX ||
        (t[0].flags & (PCS_TOK_NONKEY | PCS_TOK_MODIFIER | PCS_TOK_REPORTING | PCS_TOK_DATE)) ||
        doc->terms[t[0].term].title || !(t[1].flags & PCS_TOK_UPPER) ||
        all_capitals(doc->text + t[1].start, t[1].len) || !adjacent(doc, &t[0], &t[1]) ||
        !(s[1] >= 'a' && s[1] <= 'z'))
        return false;
    /* "de", "da", "di", "du" are no English words: before a name's word
     * they are its particle even where no first name comes before ("de
     * Clercq said", "de Castro"). */
    bool particle = s[0] == 'd' && (s[1] == 'e' || s[1] == 'a' || s[1] == 'i' || s[1] == 'u');
    return (s[0] >= 'A' && s[0] <= 'Z') ||
           (s[0] >= 'a' && s[0] <= 'z' &&
            ((after_cand && name_capital(doc, &t[-1]) && adjacent(doc, &t[-1], &t[0])) ||
             (particle && !(t[0].flags & PCS_TOK_INITIAL) && name_capital(doc, &t[1]))));
}

/* How many words the run of adjacent candidates through token k (a
 * candidate or not) of the sentence [first, end) would hold: a particle
 * joins a name only where the name stays one phrase (MAX_PHRASE), or
 * "Banque Francaise du Commerce Exterieur", too long, would be cut to
 * "du Commerce Exterieur" where it was "Banque Francaise" and "Commerce
 * Exterieur". */
static uint32_t run_length(const pcs_doc *doc, const uint8_t *cand, uint32_t first, uint32_t end,
                           uint32_t k)
{
    uint32_t a = k, b = k + 1;
    while (a > first && cand[a - 1] && adjacent(doc, &doc->toks[a - 1], &doc->toks[a]))
        a--;
    while (b < end && cand[b] && adjacent(doc, &doc->toks[b - 1], &doc->toks[b]))
        b++;
    return b - a;
}

static bool address_byte(char c)
{
    return c == '.' || c == '/' || c == ':' || c == '@';
}

/* The last run of non-blank bytes markup_or_address read, and what it
 * held: a run's tokens are classified in order, so each byte is read
 * about once however long the run ("a:b:c:..." of 10 MB). */
typedef struct address_run {
    uint32_t lo, hi;
    bool address;
} address_run;

/* Is the token a stock ticker in angle brackets, wire copy's "<MGCR>" or
 * either part of "<PARI.PA>"? Capitals, digits and points back to the '<'
 * (not a company's name: "<Aerospatiale>"). */
static bool ticker(const char *s, uint32_t a, uint32_t b)
{
    if ((s[b] != '>' && s[b] != '.') || !all_capitals(s + a, b - a))
        return false;
    for (uint32_t i = a; i > 0 && a - i < 16; i--) {
        char c = s[i - 1];
        if (c == '<')
            return true;
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'))
            return false;
    }
    return false;
}

/* Is the token markup or an address rather than a word: the name of an
 * HTML entity left in scraped text ("&quot;", "&amp;"), a ticker, or a
 * piece of a web or mail address ("http", "www", "com" of
 * "http://www.fox.com/x", "jane@example.org")? Only a token touching '&',
 * '<', '.', '/', ':' or '@' is looked at; its whole run of non-blank bytes
 * is read, once per run (`run`). */
static bool markup_or_address(const pcs_doc *doc, const pcs_token *t, address_run *run)
{
    const char *s = doc->text;
    uint32_t a = t->start, b = t->start + t->len;
    char before = a > 0 ? s[a - 1] : ' ', after = s[b];
    if (before == ' ' && (after == ' ' || after == ',')) /* most tokens */
        return false;
    if ((before == '&' && after == ';') || ((before == '<' || before == '.') && ticker(s, a, b)))
        return true;
    if (!address_byte(before) && !address_byte(after))
        return false;
    if (a >= run->lo && b <= run->hi)
        return run->address;
    uint32_t lo = a, hi = b;
    while (lo > 0 && (unsigned char)s[lo - 1] > ' ')
        lo--;
    while ((unsigned char)s[hi] > ' ')
        hi++;
    *run = (address_run){lo, hi, false};
    for (uint32_t i = lo; i < hi && !run->address; i++)
        run->address = (s[i] == '@' && i > lo && i + 1 < hi) ||
                       (i + 3 <= hi && memcmp(s + i, "://", 3) == 0) ||
                       (i + 4 <= hi && (i == lo || !(s[i - 1] >= 'a' && s[i - 1] <= 'z')) &&
                        (memcmp(s + i, "www.", 4) == 0 || memcmp(s + i, "WWW.", 4) == 0));
    return run->address;
}

/* A number with its unit written onto it in lower case: "20.1p" (pence),
 * "1.5bn", "5m", "10pc", "8.35s", a measure ("440kg", "6ft", "9ins",
 * "70mph", "10am"), a decade ("1980s", "90s"; not "Boeing 747s"), a
 * thousand with its decimals ("1.5k"; not "401k plans"). In capitals it is
 * rather a name or a code ("3D", "4G", "1552H"), and letters first make a
 * name ("G7"). */
static bool amount(const char *s, uint32_t len)
{
    static const char *const units[] = {
        "p",  "c",  "m",   "bn",  "mn",  "pc",  "tr",  "g",   "mg",  "kg",  "t",   "km",
        "cm", "mm", "mi",  "ft",  "in",  "ins", "yd",  "yds", "lb",  "lbs", "oz",  "st",
        "ml", "l",  "ha",  "mph", "kph", "kmh", "kw",  "kwh", "mw",  "gw",  "h",   "hr",
        "hrs", "min", "mins", "sec", "secs", "am", "pm"};
    uint32_t i = 0;
    bool point = false;
    while (i < len && ((s[i] >= '0' && s[i] <= '9') || (i > 0 && (s[i] == '.' || s[i] == ',')))) {
        point = point || s[i] == '.';
        i++;
    }
    if (i == 0 || len - i > 4)
        return false;
    if (len - i == 1 && s[i] == 's')
        return s[i - 1] == '0' || point;
    if (len - i == 1 && s[i] == 'k')
        return point;
    for (size_t u = 0; u < sizeof units / sizeof *units; u++)
        if (strlen(units[u]) == len - i && memcmp(s + i, units[u], len - i) == 0)
            return true;
    return false;
}

/* Letters, all in capitals ("CHOCK FULL O'NUTS", "OPEC"). */
static bool shouted(const char *s, size_t len)
{
    bool upper = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] >= 'a' && s[i] <= 'z')
            return false;
        upper = upper || (s[i] >= 'A' && s[i] <= 'Z');
    }
    return upper;
}

/* Does a phrase's occurrence stand among words in capitals (a headline:
 * "OPEC MEETS IN VIENNA") rather than in running text, where capitals
 * are an acronym's ("NASA said on Monday")? Judged by up to three words
 * on each side within its sentence. */
static bool among_capitals(const pcs_doc *doc, uint32_t first, uint32_t n)
{
    uint32_t words = 0, capitals = 0, lo = first, hi = first + n;
    while (lo > 0 && first - lo < 3 && !(doc->toks[lo].flags & PCS_TOK_INITIAL))
        lo--;
    while (hi < doc->n_toks && hi - (first + n) < 3 && !(doc->toks[hi].flags & PCS_TOK_INITIAL))
        hi++;
    for (uint32_t k = lo; k < hi; k++) {
        const pcs_token *t = &doc->toks[k];
        if ((k < first || k >= first + n) && (t->flags & PCS_TOK_ALPHA)) {
            words++;
            capitals += shouted(doc->text + t->start, t->len);
        }
    }
    return 2 * capitals >= words;
}

/* A token of a content sentence: NOT_CANDIDATE, CANDIDATE or
 * CANDIDATE_MODIFIER, by the class of its word in the language's nonkey
 * list, which the tokenizer copied from its word cache into the token's
 * flags. Meant to be inlined in the loop over every token: GCC stopped
 * inlining it three times as the file grew, at 9 to 26 thousand
 * instructions an article each time (bench/README, Issue 11, seventh and
 * eighth passes; see collect_phrases). */
static uint8_t classify_token(const pcs_doc *doc, const pcs_token *t, bool capitals_are_names,
                              address_run *run, bool *two_letters)
{
    if (t->term == UINT32_MAX || t->len > KEY_WORD_MAX_BYTES)
        return NOT_CANDIDATE;
    const pcs_term *term = &doc->terms[t->term];
    if (!term->alpha || term->stem_len < 2)
        return NOT_CANDIDATE;
    /* Words of one or two letters that are not stopwords are particles
     * of names ("de Clercq", "De Mita") unless in capitals ("EC"). */
    if (t->len <= 2 && !all_capitals(doc->text + t->start, t->len)) {
        *two_letters |= t->len == 2; /* may join a name: join_name_particles */
        return NOT_CANDIDATE;
    }
    /* Abbreviations in lower case, letters and stops, are Latin or the
     * clock ("e.g.", "i.e.", "a.k.a.", "p.m."), never terms: "e.g. dust",
     * "p.m. daily" printed. In capitals they are names ("U.S.", "U.N."). */
    if (t->len >= 3 && doc->text[t->start + 1] == '.' && dotted_lower(doc->text + t->start, t->len))
        return NOT_CANDIDATE;
    /* Words of attribution are never key terms, in languages without a
     * nonkey list too ("déclaré"). */
    if (t->flags & PCS_TOK_REPORTING)
        return NOT_CANDIDATE;
    uint8_t kind = t->flags & PCS_TOK_NONKEY     ? NOT_CANDIDATE
                   : t->flags & PCS_TOK_MODIFIER ? CANDIDATE_MODIFIER
                                                 : CANDIDATE;
    /* A possessive has its bare word's class ("today's" is an adverb of
     * time, "Corp's" a company form), but capitalised mid-sentence it is
     * mostly a name's last word: "American Express's", "United's",
     * "Continental's", "the Fed's" (a date's is a date's: "Thursday's").
     * A modifier stays one after the capitalised word it completes:
     * "Marriott Corp's" is Marriott's. */
    if (kind != CANDIDATE && possessive(doc, t) && !(t->flags & PCS_TOK_DATE) &&
        name_capital(doc, t) &&
        (kind == NOT_CANDIDATE || !(t[-1].flags & PCS_TOK_UPPER) || !adjacent(doc, t - 1, t)))
        kind = CANDIDATE;
    /* Where only names take a capital mid-sentence (French), a listed
     * word with one is a name or an acronym that spells it: "Kito de
     * Pavant", "ACTA"; not in a headline in capitals. */
    if (kind == NOT_CANDIDATE && capitals_are_names && (t->flags & PCS_TOK_UPPER) &&
        !(t->flags & (PCS_TOK_INITIAL | PCS_TOK_DATE)) &&
        !among_capitals(doc, (uint32_t)(t - doc->toks), 1))
        kind = CANDIDATE;
    /* Markup and addresses are no words, and an ordinal, an amount or an
     * age is a number: "&quot;", "www", "4th qtr net", "Div 5.0p",
     * "21-year-old" are no terms. */
    if (kind != NOT_CANDIDATE &&
        (markup_or_address(doc, t, run) || ordinal(doc->text + t->start, t->len) ||
         amount(doc->text + t->start, t->len) || age(doc->text + t->start, t->len)))
        kind = NOT_CANDIDATE;
    return kind;
}

/* The nonkey list holds forms that are mostly verbs ("lower", "finance",
 * "lynch", "offered"), but inside a name in running text they are the
 * name's words: "Lower Saxony", "Finance Minister Edouard Balladur", "Merrill
 * Lynch Capital Markets", "London Interbank Offered Rate". Such a word,
 * capitalised mid-sentence and followed by a capitalised candidate, may
 * begin or sit inside a term (never end one); directly after a name's
 * word (not in capitals: "U.S. Dlr", "U.K. Fell") it ends the name, but
 * for an -ed form ("Taiwan Widened", in a quoted headline): "Merrill
 * Lynch said" was "Merrill" (6 of 2,477 top 10s), now "Dillon Read",
 * "Coca-Cola Bottling", "Final Four" are whole. Not a date ("January LME
 * stocks"); not in a sentence that capitalises more than two thirds of
 * its words after the first (a headline in title case: "Tea Party Express
 * Opens Office"; a short sentence about a name is none: "Farmers in Lower
 * Saxony protested"); and not an -s form after a capitalised word, the
 * verb of a headline quoted in a sentence ("Moody's Cuts Texas Air") or a
 * unit ("U.S. Dlrs CAF"). */
__attribute__((noinline)) static void
keep_capitalised_verbs_in_names(const pcs_doc *doc, const pcs_sentence *sent, uint8_t *cand)
{
    const pcs_token *t = doc->toks + sent->tok_first;
    uint8_t *c = cand + sent->tok_first;
    if (sent->tok_count < 2)
        return;
    uint32_t words = 0, capitalised = 0;
    for (uint32_t i = 1; i < sent->tok_count; i++) {
        words += (t[i].flags & PCS_TOK_ALPHA) != 0;
        capitalised += (t[i].flags & PCS_TOK_UPPER) != 0;
    }
    if (3 * capitalised > 2 * words)
        return;
    for (uint32_t i = sent->tok_count; i-- > 0;) {
        if (c[i] || !(t[i].flags & PCS_TOK_NONKEY) ||
            (t[i].flags & (PCS_TOK_REPORTING | PCS_TOK_DATE)) || t[i].len <= 2 ||
            t[i].len > KEY_WORD_MAX_BYTES || !name_capital(doc, &t[i]))
            continue;
        bool after_name =
            i > 0 && (t[i - 1].flags & PCS_TOK_UPPER) && adjacent(doc, &t[i - 1], &t[i]);
        if (after_name && doc->text[t[i].start + t[i].len - 1] == 's')
            continue;
        if (i + 1 < sent->tok_count && c[i + 1] && (t[i + 1].flags & PCS_TOK_UPPER) &&
            adjacent(doc, &t[i], &t[i + 1]))
            c[i] = CANDIDATE_MODIFIER;
        else if (after_name && c[i - 1] && lower_after_capital(doc, &t[i - 1]) &&
                 memcmp(doc->text + t[i].start + t[i].len - 2, "ed", 2) != 0)
            c[i] = CANDIDATE; /* the name's last word: "Merrill Lynch said" */
    }
}

/* Is the n bytes at s the lower-case ASCII word w in any case? */
static bool any_case_is(const char *s, size_t n, const char *w)
{
    size_t i = 0;
    while (i < n && w[i] && w[i] == (s[i] | 0x20))
        i++;
    return i == n && w[i] == '\0';
}

/* Does the possessive t, one of the n tokens left in its sentence, stand
 * alone: last, before a full stop, a semicolon, a colon or a closing
 * parenthesis, or before "and" or "or" and no other possessive? After
 * "by" it is then the agent, a name ("by Moody's.", "by Moody's and AA
 * by ..."), not an owner ("by Japan's exporters", "by Japan's <Fujitsu
 * Ltd>", "by Germany's and France's ministers"; after a comma a list of
 * owners may go on: "by Japan's, South Korea's and Taiwan's makers"). */
static bool agent_ends(const pcs_doc *doc, const pcs_token *t, uint32_t n)
{
    if (n == 1)
        return true;
    if (adjacent(doc, t, t + 1))
        return (any_case_is(doc->text + t[1].start, t[1].len, "and") ||
                any_case_is(doc->text + t[1].start, t[1].len, "or")) &&
               (n == 2 || !possessive(doc, t + 2));
    const char *p = doc->text + t->start + t->len;
    while (*p == ' ')
        p++;
    return *p && strchr(".;:)", *p) != NULL;
}

/* Is token t an English -ing form of five letters or more, in lower case
 * or first in its sentence ("Reading" mid-sentence is a name)? */
static bool ing_form(const pcs_doc *doc, const pcs_token *t)
{
    return (!(t->flags & PCS_TOK_UPPER) || (t->flags & PCS_TOK_INITIAL)) && t->len >= 5 &&
           memcmp(doc->text + t->start + t->len - 3, "ing", 3) == 0;
}

/* Is token t an English -ed form: five letters or more ending in "ed",
 * not in "eed" ("speed", "greed"), and none of the nouns so spelt? The
 * lexicon cannot tell such a noun ("bloodshed") from an -ed form it lacks
 * ("co-managed", a misspelt "devloped"): neither is listed. Their endings
 * do not either ("bloodshed" and "published", "hotbed" and "described"),
 * so the nouns news writes are listed here. */
static bool ed_form(const pcs_doc *doc, const pcs_token *t)
{
    static const char *const nouns[] = {"bloodshed", "watershed", "seabed", "hotbed", "riverbed",
                                        "deathbed", "sickbed", "testbed", "hundred", "infrared"};
    const char *s = doc->text + t->start, *end = s + t->len;
    if (t->len < 5 || end[-1] != 'd' || end[-2] != 'e' || end[-3] == 'e')
        return false;
    for (size_t i = 0; i < sizeof nouns / sizeof *nouns && strchr("hbr", end[-3]); i++)
        if (any_case_is(s, t->len, nouns[i]))
            return false;
    return true;
}

/* A lower-case participle before a capitalised word is mostly a verb
 * whose object is a name, not the name's modifier: "closed Equitable
 * Savings", "police described Thomas", "ruling affirmed Coastal",
 * "succeeding Albert B. Hunt", "joining Tranmere", "approaching Salez
 * station". English -ed forms (ed_form) and -ing forms (ing_form) but
 * before a day or a month, where the -ing form is as often a noun
 * ("annual meeting Tuesday") as a verb ("fiscal year ending March 31"). The modifiers lost with them
 * ("the crippled Japan plant", "the ruling Conservatives") leave the
 * name, a tag still; in abstracts ("embedded Web server") the -ed rule
 * cost a few terms and still gained (issue 9 note), and the -ing rule
 * lost nothing on any set or fold. English only. Is token t such a verb
 * before the next token, which the caller has seen capitalised? */
static bool participle_before_name(const pcs_doc *doc, const pcs_token *t)
{
    if ((t[0].flags & PCS_TOK_UPPER) || !adjacent(doc, &t[0], &t[1]))
        return false;
    if (ing_form(doc, &t[0]))
        return !(t[1].flags & PCS_TOK_DATE);
    return ed_form(doc, t);
}

/* An English -ed form in lower case straight after a capitalised noun is
 * the name's verb, with the name its subject: "Westinghouse recorded net
 * income", "Senate approved legislation", "DIW disputed arguments" (82 of
 * the Reuters and fixture lists held such a phrase). After a hyphenated
 * rating ("A-plus preferred stock") or an owner ("Marathon's posted
 * price", "USX's unsecured creditors"), or hyphenated itself ("Japan
 * customs-cleared trade surplus"), it is an adjective. English only. Is
 * token t, an -ed form in lower case (ed_form) whose previous token is a
 * candidate, such a verb? */
static bool verb_after_name(const pcs_doc *doc, const pcs_token *t)
{
    return !(t[0].flags & PCS_TOK_HYPHEN) && (t[-1].flags & PCS_TOK_UPPER) &&
           !(t[-1].flags & PCS_TOK_HYPHEN) && adjacent(doc, &t[-1], &t[0]) &&
           !possessive(doc, &t[-1]);
}

/* An English -ed form after "has", "had", "have" or "having" is a perfect
 * tense's verb ("economists had expected orders to fall", "the company has
 * increased sales"), not a modifier of the noun after it. Is token t, an
 * -ed form (ed_form), such a verb? */
static bool verb_after_have(const pcs_doc *doc, const pcs_token *t)
{
    static const char *const have[] = {"has", "had", "have", "having"};
    if (t[-1].term != UINT32_MAX || !adjacent(doc, &t[-1], &t[0]))
        return false;
    for (size_t i = 0; i < sizeof have / sizeof *have; i++)
        if (any_case_is(doc->text + t[-1].start, t[-1].len, have[i]))
            return true;
    return false;
}

/* Does a determiner or an object pronoun directly follow token t? The
 * determiners of determiner() but the demonstratives, which after an -ing
 * form mostly begin a time ("profit-taking this week"): taken as objects
 * they cost inspec 0.02 and lost "profit-taking". */
static bool object_follows(const pcs_doc *doc, const pcs_token *t)
{
    static const char *const objects[] = {"the", "a", "an", "its", "their", "his", "her",
                                          "our", "my", "your", "it", "them", "him", "us", "me"};
    /* (Their first letters: most stopwords begin otherwise.) */
    if (t[1].term != UINT32_MAX || !memchr("taiohmyu", doc->text[t[1].start] | 0x20, 8) ||
        !adjacent(doc, &t[0], &t[1]))
        return false;
    for (size_t i = 0; i < sizeof objects / sizeof *objects; i++)
        if (any_case_is(doc->text + t[1].start, t[1].len, objects[i]))
            return true;
    return false;
}

/* An English -ing form directly followed by a determiner or an object
 * pronoun is a verb taking an object ("making the chips", "issuing its
 * bonds", "exporters seeking a rebate"), not the gerund noun it is
 * elsewhere ("the meeting", "trading was thin"): the direct object is what
 * tells the verbal -ing form from the deverbal noun (Quirk et al., A
 * Comprehensive Grammar of the English Language, 1985). Only that
 * occurrence is left out. "morning" and "evening" are nouns whatever
 * follows ("Tuesday morning the dollar ..."). Is token t, an -ing form
 * (ing_form), such a verb before the next token? */
static bool ing_verb_with_object(const pcs_doc *doc, const pcs_token *t)
{
    const char *w = doc->text + t[0].start;
    return !any_case_is(w, t[0].len, "morning") && !any_case_is(w, t[0].len, "evening") &&
           object_follows(doc, t);
}

/* A noun of the fixed phrases that work as prepositions or adverbs ("in
 * addition to", "at the end of", "in part", "au sein de": `frame` entries
 * of the nonkey list) is no part of a key term where those phrases put it:
 * first in a sentence, after a stopword or a reporting verb, or after a
 * stopword and a listed word ("In addition, ...", "Terms were not
 * disclosed.", "said terms of", "on undisclosed terms."), and before a
 * stopword, a punctuation mark or the sentence's end. Elsewhere it is a
 * noun like any other: "the Marines spy case", and after a number, "the
 * 1998 case", "a 500 mln dlr case". Quirk et al. (A Comprehensive Grammar
 * of the English Language, 1985) call such phrases complex prepositions. */
static void leave_out_frames(const pcs_doc *doc, const pcs_sentence *sent, uint8_t *cand)
{
    uint32_t end = sent->tok_first + sent->tok_count;
    for (uint32_t k = sent->tok_first; k < end; k++) {
        const pcs_token *t = &doc->toks[k];
        if (cand[k] && doc->terms[t->term].frame &&
            (k == sent->tok_first || t[-1].term == UINT32_MAX ||
             (t[-1].flags & PCS_TOK_REPORTING) ||
             (k > sent->tok_first + 1 && (t[-1].flags & PCS_TOK_NONKEY) &&
              doc->terms[t[-1].term].alpha && t[-2].term == UINT32_MAX)) &&
            (k + 1 == end || t[1].term == UINT32_MAX || !adjacent(doc, &t[0], &t[1])))
            cand[k] = NOT_CANDIDATE;
    }
}

/* Is token t, a sentence's first, a label: a word in capitals and a colon
 * ("NOTE: Per shr calculated after ...", the last line of 1,097 Reuters
 * earnings reports; "VOLUME:"), or a capitalised common word and a colon
 * ("Note: 1986 net includes ...", "Age: 35")? It names the line, not what
 * it is about: "NOTE" was in the top 10 of 78 of 1,692 Reuters stories,
 * "Note" of 23. Common means in LABEL_SHARE of the model's documents: the
 * name before a title's colon ("BendWizard: a tool for ...", "BioOne: ...")
 * is its topic. */
static bool label(const pcs_doc *doc, const pcs_token *t)
{
    const char *s = doc->text + t->start;
    return t->len >= 2 && s[t->len] == ':' &&
           (all_capitals(s, t->len) ||
            ((t->flags & PCS_TOK_UPPER) && doc->model_used && t->term != UINT32_MAX &&
             (double)doc->terms[t->term].idf_df >= LABEL_SHARE * doc->idf_n));
}

/* Do only spaces or a leader of dots ("Net free reserves.......644") stand
 * between tokens a and b? */
static bool leader_dots(const pcs_doc *doc, const pcs_token *a, const pcs_token *b)
{
    for (uint32_t i = a->start + a->len; i < b->start; i++)
        if (doc->text[i] != ' ' && doc->text[i] != '.')
            return false;
    return true;
}

/* The shape of a table's row, sentence s: a line that begins its
 * paragraph, unterminated, opening with a label of at most MAX_PHRASE
 * words written together ("Bank loans, oil output 12 pct" is a list), not
 * in capitals ("STEEL QUOTAS 12 pct" is a heading), then only spaces or a
 * leader of dots before its first number ("Net free reserves.......644")
 * or a date that more follows ("Record March Two", a day spelled out).
 * Returns the label's end (its tokens are [tok_first, end)), or tok_first
 * when s has no such shape. */
static uint32_t row_shape(const pcs_doc *doc, uint32_t s)
{
    const pcs_sentence *sent = &doc->sents[s];
    uint32_t first = sent->tok_first, end = first + sent->tok_count, k = first;
    if (sent->terminated || (s > 0 && doc->sents[s - 1].paragraph == sent->paragraph))
        return first;
    for (; k < end && (doc->toks[k].term == UINT32_MAX || doc->terms[doc->toks[k].term].alpha) &&
           !(k + 1 < end && (doc->toks[k].flags & PCS_TOK_DATE));
         k++) {
        const pcs_token *t = &doc->toks[k];
        if ((k > first && !adjacent(doc, &t[-1], t)) ||
            (t->len > 1 && all_capitals(doc->text + t->start, t->len)))
            return first;
    }
    if (k == first || k - first > MAX_PHRASE || k == end ||
        !leader_dots(doc, &doc->toks[k - 1], &doc->toks[k]))
        return first;
    return k;
}

/* Is sentence s, its tokens classified in cand, a row of a table?
 * Reuters' earnings and dividend reports are tables, a row a line:
 * "Record March 13", "Sales 7.9 mln vs 9.4 mln". The label names the row,
 * not what the text is about: "Record" was in the top 10 of 647 of the
 * 19,779 Reuters stories' lists, "Sales" of 456, "Assets" of 86. A row has
 * a row's shape (row_shape), no candidate after its label (units, dates,
 * "vs"; "Oil stocks 40 pct above forecasts" is a clause), and its label's
 * candidates are common words (LABEL_SHARE): "Pemex 40 vs 30" is about
 * Pemex. The text's first line is a row only when two lines of a row's
 * shape follow: a headline may end in a number ("Ban on forced retirement
 * under 65") and a dateline follow it ("Updated 12 March 2024").
 * Returns the label's end, or tok_first when s is no row. */
static uint32_t row_label_end(const pcs_doc *doc, uint32_t s, const uint8_t *cand)
{
    uint32_t first = doc->sents[s].tok_first, end = first + doc->sents[s].tok_count;
    uint32_t k = doc->model_used ? row_shape(doc, s) : first;
    if (k == first ||
        (s == 0 && (doc->n_sents < 3 || row_shape(doc, 1) == doc->sents[1].tok_first ||
                    row_shape(doc, 2) == doc->sents[2].tok_first)))
        return first;
    for (uint32_t j = first; j < end; j++)
        if (cand[j] &&
            (j >= k || (double)doc->terms[doc->toks[j].term].idf_df < LABEL_SHARE * doc->idf_n))
            return first;
    return k;
}

/* An English -ing form after a plural noun and before a stopword opens a
 * reduced relative clause, a verb there: "exporters making the chips",
 * "tax reasons beginning in 1988", "people looking for work" ("systems
 * engineering" and "sales forecasting" before a noun or a stop stay
 * terms). Plural: a word in lower case (or first in its sentence) ending
 * in s but not in ss, us or is ("process", "focus", "analysis"). Is token
 * t, an -ing form whose previous token is a candidate, such a verb? */
static bool ing_after_plural(const pcs_doc *doc, const pcs_token *t)
{
    const char *p = doc->text + t[-1].start;
    size_t n = t[-1].len;
    return !(t[0].flags & PCS_TOK_INITIAL) && n >= 3 &&
           (!(t[-1].flags & PCS_TOK_UPPER) || (t[-1].flags & PCS_TOK_INITIAL)) &&
           p[n - 1] == 's' && p[n - 2] != 's' && p[n - 2] != 'u' && p[n - 2] != 'i' &&
           adjacent(doc, &t[-1], &t[0]) && adjacent(doc, &t[0], &t[1]) &&
           t[1].term == UINT32_MAX;
}

/* An English -ing form directly before a number is a verb too, whatever
 * precedes it: "an order totaling 50 mln dlrs", "rising 5 pct", "yielding
 * 7.85 pct", "selling 2 mln shares" ("Boeing 747" is capitalised). Is
 * token t, an -ing form, such a verb before the next token? */
static bool ing_before_number(const pcs_doc *doc, const pcs_token *t)
{
    return adjacent(doc, &t[0], &t[1]) && t[1].term != UINT32_MAX &&
           !doc->terms[t[1].term].alpha;
}

/* Is token t a determiner (an article, a possessive or a demonstrative)? */
static bool determiner(const pcs_doc *doc, const pcs_token *t)
{
    static const char *const words[] = {"the", "a",  "an",   "its",  "their", "his",  "her",
                                        "our", "my", "your", "this", "these", "those"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (any_case_is(doc->text + t->start, t->len, words[i]))
            return true;
    return false;
}

/* An English -ing form that begins a run of words, directly before an
 * adjective in lower case, is a verb whose object the adjective begins:
 * "reducing transaction related expenditures", "maximizing long-term
 * stockholder value", "reading relevant literature". A gerund that
 * modifies a noun stands before the noun ("manufacturing process",
 * "rising interest rates"); one after a word of the run or after a
 * determiner is a noun, and an -ed form after it mostly a participle of
 * its own ("annual meeting expected", "panic buying", "the unveiling
 * attended by"): the caller tests what precedes. Hyphenated, it is a
 * compound adjective or noun ("front-running", "fast-changing economic
 * climate"). Is token t, an -ing form, such a verb before the next token? */
static bool ing_before_adjective(const pcs_doc *doc, const pcs_token *t)
{
    const char *next_end = doc->text + t[1].start + t[1].len;
    return !(t[0].flags & PCS_TOK_HYPHEN) &&
           (t[1].flags & (PCS_TOK_MODIFIER | PCS_TOK_UPPER)) == PCS_TOK_MODIFIER &&
           !(t[1].len > 2 && next_end[-2] == 'e' && next_end[-1] == 'd') &&
           adjacent(doc, &t[0], &t[1]);
}

/* Token t case-folded into buf[0, cap), for the short lists looked up by
 * their folded words; its length, or SIZE_MAX when it does not fit. ASCII,
 * nearly every word, is lowered here: the general case fold cost the
 * evaluative check twice its lookup. */
static size_t fold_token(const pcs_doc *doc, const pcs_token *t, char *buf, size_t cap)
{
    if (t->len >= cap)
        return SIZE_MAX;
    const char *s = doc->text + t->start;
    for (size_t k = 0; k < t->len; k++) {
        unsigned char c = (unsigned char)s[k];
        if (c >= 0x80)
            return pcs_casefold(doc->text, t->start, t->start + t->len, buf, cap);
        buf[k] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
    return t->len;
}

/* The class in the language's abbreviations of token t, a word directly
 * before a full stop (PCS_ABBREV_NONE otherwise). */
static pcs_abbrev_class abbreviation_class(const pcs_doc *doc, const pcs_token *t)
{
    char folded[8];
    if (doc->text[t->start + t->len] != '.')
        return PCS_ABBREV_NONE;
    size_t n = fold_token(doc, t, folded, sizeof folded);
    return n == SIZE_MAX ? PCS_ABBREV_NONE : pcs_abbreviation(doc->lang, folded, n);
}

/* Is token t a title abbreviated before a full stop ("Sen. Boxer", "Rep.
 * Dick Armey", "Prof. Smith": `title` entries of models/<code>/
 * abbreviations.txt)? The full stop parts it from the name, so it would
 * stand alone as a term ("Sen" was in 4 of 1,692 Reuters top 10s). */
static bool title_abbreviation(const pcs_doc *doc, const pcs_token *t)
{
    return abbreviation_class(doc, t) == PCS_ABBREV_TITLE;
}

/* Is token t, capitalised, an abbreviation before a full stop that follows
 * a capitalised word and a comma: the state or country of a place
 * ("Winnemucca, Nev.", "Dearborn, Mich.", "Acme, Inc.")? It names where
 * (or what kind), not what the text is about: "Mich", "Calif", "Fla" stood
 * alone in 37 of 2,477 top 10s. Abbreviations: `general` entries of
 * models/<code>/abbreviations.txt. */
static bool abbreviation_after_place(const pcs_doc *doc, const pcs_token *t)
{
    const char *s = doc->text + t->start;
    return t->start >= 2 && s[-1] == ' ' && s[-2] == ',' && (t[-1].flags & PCS_TOK_UPPER) &&
           t[-1].start + t[-1].len + 2 == t->start &&
           abbreviation_class(doc, t) == PCS_ABBREV_GENERAL;
}

/* Is token t a two-letter abbreviation of a place's or saint's name, its
 * stop and a space before the name's next word ("St. Louis", "St.
 * Petersburg", "Mt. Everest", "Ft. Lauderdale": `general` entries of
 * models/<code>/abbreviations.txt)? It begins the name as a middle initial
 * sits inside one; without it the name printed cut ("Louis Cardinals",
 * "Petersburg"). Asked only of two-letter words (join_name_particles). */
static bool name_abbreviation(const pcs_doc *doc, const pcs_token *t)
{
    const char *s = doc->text + t[0].start;
    /* (The next token's start bounds the bytes read after this one.) */
    return t[0].len == 2 && t[1].start == t[0].start + 4 && s[0] >= 'A' && s[0] <= 'Z' &&
           s[1] >= 'a' && s[1] <= 'z' && s[2] == '.' && s[3] == ' ' && t[0].term != UINT32_MAX &&
           name_capital(doc, &t[1]) && abbreviation_class(doc, t) == PCS_ABBREV_GENERAL;
}

/* Make the name particles of a sentence (name_particle) and the
 * abbreviations that begin names (name_abbreviation) candidates that may
 * begin a term but not end one. */
static void join_name_particles(const pcs_doc *doc, const pcs_sentence *sent, uint8_t *cand)
{
    uint32_t end = sent->tok_first + sent->tok_count;
    for (uint32_t k = sent->tok_first; k + 1 < end; k++)
        if (doc->toks[k].len == 2 && !cand[k] && cand[k + 1] &&
            ((name_particle(doc, &doc->toks[k], k > sent->tok_first && cand[k - 1]) &&
              run_length(doc, cand, sent->tok_first, end, k) <= MAX_PHRASE) ||
             name_abbreviation(doc, &doc->toks[k])))
            cand[k] = CANDIDATE_MODIFIER;
}

/* What the rules need to know of how the language is written, looked up
 * once per document. Each holds for the languages whose nonkey list makes
 * it matter (models/<code>/nonkey.txt). */
typedef struct kw_language {
    bool participles;        /* English -ed and -ing forms (participle_before_name,
                              * ing_verb_with_object, ing_after_plural,
                              * ing_before_number) */
    bool capitals_are_names; /* only names take a capital mid-sentence */
    bool adjectives_follow;  /* adjectives mostly follow the noun, so a
                              * modifier may end a phrase */
    bool of_names;           /* names hold "of" (name_of) */
} kw_language;

static kw_language language_of(const pcs_doc *doc)
{
    const char *name = pcs_language_canonical(doc->lang);
    bool english = strcmp(name, "english") == 0, french = strcmp(name, "french") == 0;
    return (kw_language){.participles = english,
                         .capitals_are_names = french,
                         .adjectives_follow = french,
                         .of_names = english};
}

/* Per term of an -ed form (ed_form): is it written straight after a
 * determiner somewhere in the text ("the preferred stock", "an unsecured
 * loan")? Then it is an adjective there, and after "has" too ("Acme has
 * preferred stock"), where verb_after_have would take it for a perfect's
 * verb. Built when first needed, in one pass; NULL when out of memory. */
static const bool *written_after_determiner(const pcs_doc *doc, pcs_arena *arena)
{
    bool *after = pcs_arena_calloc(arena, doc->n_terms ? doc->n_terms : 1, sizeof *after);
    for (uint32_t k = 1; after && k < doc->n_toks; k++) {
        const pcs_token *t = &doc->toks[k];
        if (t[-1].term == UINT32_MAX && t->term != UINT32_MAX && !after[t->term] &&
            ed_form(doc, t) && determiner(doc, &t[-1]) && adjacent(doc, &t[-1], t))
            after[t->term] = true;
    }
    return after;
}

/* Mark each token, those outside content sentences NOT_CANDIDATE, and
 * give the candidate terms vertex ids in order of first occurrence (the
 * others UINT32_MAX), their number in *nv_out. False when out of memory. */
static bool classify_tokens(const pcs_doc *doc, const kw_language *lang, pcs_arena *arena,
                            uint8_t *cand, uint32_t *vertex, uint32_t *nv_out)
{
    const bool *det = NULL; /* written_after_determiner, when first needed */
    memset(cand, NOT_CANDIDATE, doc->n_toks);
    memset(vertex, 0xFF, (doc->n_terms ? doc->n_terms : 1) * sizeof *vertex);
    uint32_t nv = 0;
    address_run run = {0, 0, false};
    for (uint32_t s = 0; s < doc->n_sents; s++) {
        const pcs_sentence *sent = &doc->sents[s];
        if (!content_sentence(sent))
            continue;
        uint32_t end = sent->tok_first + sent->tok_count;
        bool name_verb = false, two_letters = false, capital_q = false;
        for (uint32_t k = sent->tok_first; k < end; k++) {
            cand[k] =
                classify_token(doc, &doc->toks[k], lang->capitals_are_names, &run, &two_letters);
            name_verb |= (doc->toks[k].flags & (PCS_TOK_NONKEY | PCS_TOK_UPPER | PCS_TOK_INITIAL)) ==
                         (PCS_TOK_NONKEY | PCS_TOK_UPPER);
            capital_q |= doc->text[doc->toks[k].start] == 'Q';
            if (lang->participles && (doc->toks[k].flags & PCS_TOK_UPPER) && k > sent->tok_first &&
                cand[k - 1] && participle_before_name(doc, &doc->toks[k - 1]))
                cand[k - 1] = NOT_CANDIDATE;
            /* An -ed form in lower case is a verb after a name or after
             * "has", "had" or "have" (verb_after_name, verb_after_have),
             * or before an object, as an -ing form is
             * (ing_verb_with_object): "Salomon Brothers co-managed the
             * offering", "the bank trimmed the rates". */
            if (lang->participles && cand[k] && !(doc->toks[k].flags & PCS_TOK_UPPER) &&
                ed_form(doc, &doc->toks[k])) {
                const pcs_token *t = &doc->toks[k];
                bool verb = (k > sent->tok_first && cand[k - 1] && verb_after_name(doc, t)) ||
                            (k + 1 < end && object_follows(doc, t));
                if (!verb && k > sent->tok_first && verb_after_have(doc, t)) {
                    if (!det && !(det = written_after_determiner(doc, arena)))
                        return false;
                    verb = !det[t->term];
                }
                if (verb)
                    cand[k] = NOT_CANDIDATE;
            }
            if (lang->participles && cand[k] && k + 1 < end && ing_form(doc, &doc->toks[k]) &&
                (ing_verb_with_object(doc, &doc->toks[k]) ||
                 (k > sent->tok_first && cand[k - 1] && ing_after_plural(doc, &doc->toks[k])) ||
                 ing_before_number(doc, &doc->toks[k]) ||
                 (ing_before_adjective(doc, &doc->toks[k]) &&
                  (k == sent->tok_first ||
                   (!determiner(doc, &doc->toks[k - 1]) &&
                    (!cand[k - 1] || !adjacent(doc, &doc->toks[k - 1], &doc->toks[k])))))))
                cand[k] = NOT_CANDIDATE;
            if (cand[k] && (doc->toks[k].flags & PCS_TOK_UPPER) &&
                (title_abbreviation(doc, &doc->toks[k]) ||
                 (k > sent->tok_first && abbreviation_after_place(doc, &doc->toks[k]))))
                cand[k] = NOT_CANDIDATE;
        }
        if (capital_q)
            leave_out_quote_boxes(doc, sent, cand);
        if (name_verb && sent->kind == PCS_SENT_BODY)
            keep_capitalised_verbs_in_names(doc, sent, cand);
        leave_out_frames(doc, sent, cand);
        for (uint32_t k = sent->tok_first + 1; k + 1 < end; k++)
            if (!cand[k] && cand[k - 1] && cand[k + 1] && middle_initial(doc, &doc->toks[k]))
                cand[k] = CANDIDATE_MODIFIER;
        if (two_letters)
            join_name_particles(doc, sent, cand);
        if (sent->tok_count && label(doc, &doc->toks[sent->tok_first]))
            cand[sent->tok_first] = NOT_CANDIDATE;
        for (uint32_t k = sent->tok_first, e = row_label_end(doc, s, cand); k < e; k++)
            cand[k] = NOT_CANDIDATE;
        for (uint32_t k = sent->tok_first; k < end; k++)
            if (cand[k] && vertex[doc->toks[k].term] == UINT32_MAX)
                vertex[doc->toks[k].term] = nv++;
    }
    *nv_out = nv;
    return true;
}

/* Build the symmetric co-occurrence matrix over vertex ids in time linear
 * in the number of co-occurrences: count each row's entries, place them,
 * then merge a row's repeats with a per-column marker (no sort). */
static bool build_graph(const pcs_doc *doc, const uint8_t *cand, const uint32_t *vertex,
                        uint32_t nv, pcs_arena *arena, pcs_csr *w)
{
    w->rows = w->cols = nv;
    w->row_ptr = pcs_arena_calloc(arena, (size_t)nv + 1, sizeof *w->row_ptr);
    uint32_t *mark = pcs_arena_alloc(arena, (size_t)nv * sizeof *mark);
    uint32_t *at = pcs_arena_alloc(arena, (size_t)nv * sizeof *at);
    if (!w->row_ptr || !mark || !at)
        return false;
    size_t raw = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t s = 0; s < doc->n_sents; s++) {
            const pcs_sentence *sent = &doc->sents[s];
            const pcs_token *t = doc->toks + sent->tok_first;
            const uint8_t *c = cand + sent->tok_first;
            for (uint32_t i = 0; i < sent->tok_count; i++) {
                if (!c[i])
                    continue;
                for (uint32_t j = i + 1; j < sent->tok_count && j < i + WINDOW; j++) {
                    if (!c[j] || t[i].term == t[j].term)
                        continue;
                    uint32_t a = vertex[t[i].term], b = vertex[t[j].term];
                    if (pass == 0) {
                        w->row_ptr[a + 1]++;
                        w->row_ptr[b + 1]++;
                        raw += 2;
                    } else {
                        w->col[at[a]++] = (int)b;
                        w->col[at[b]++] = (int)a;
                    }
                }
            }
        }
        if (pass == 1)
            break;
        if (raw > INT32_MAX)
            return false;
        for (uint32_t v = 0; v < nv; v++) {
            w->row_ptr[v + 1] += w->row_ptr[v];
            at[v] = (uint32_t)w->row_ptr[v];
        }
        w->col = pcs_arena_alloc(arena, (raw ? raw : 1) * sizeof *w->col);
        w->val = pcs_arena_alloc(arena, (raw ? raw : 1) * sizeof *w->val);
        if (!w->col || !w->val)
            return false;
    }
    /* Merge repeats in place; at[] now says where column b sits in the
     * row being merged. */
    memset(mark, 0xFF, (size_t)nv * sizeof *mark);
    int out = 0;
    for (uint32_t v = 0; v < nv; v++) {
        int from = w->row_ptr[v], to = w->row_ptr[v + 1];
        w->row_ptr[v] = out;
        for (int k = from; k < to; k++) {
            uint32_t b = (uint32_t)w->col[k];
            if (mark[b] == v) {
                w->val[at[b]] += 1.0;
                continue;
            }
            mark[b] = v;
            at[b] = (uint32_t)out;
            w->col[out] = (int)b;
            w->val[out] = 1.0;
            out++;
        }
    }
    w->row_ptr[nv] = out;
    return true;
}

/* What is known of a candidate word (a vertex). */
typedef struct word_stats {
    uint32_t term;
    uint32_t count; /* occurrences as a candidate */
    uint32_t names; /* capitalised mid-sentence, not all capitals */
    uint32_t first_sent; /* sentence of its first occurrence */
    bool noun;           /* seen where it may end a term */
    bool hyphenated;     /* a hyphen joins its parts ("owens-illinoi") */
    bool odd_shape;      /* written somewhere with a capital but neither
                            as a name's word nor as initials: "HP" */
    bool named_s;        /* its 's is its name's: "Moody's said" */
} word_stats;

/* A candidate phrase: its words (vertex ids) and its occurrences, a list
 * threaded through kw_state.occ_next. */
typedef struct phrase {
    uint32_t v[MAX_PHRASE];
    uint32_t n;
    uint32_t count;
    uint32_t first_occ;
    double score;
} phrase;

typedef struct kw_state {
    const pcs_doc *doc;
    const uint32_t *vertex;
    const word_stats *ws;
    const bool *lower_mid; /* per term: written in lower case mid-sentence */
    pcs_arena *arena;
    /* Phrases and their occurrences: in the arena, with room for a news
     * article's; moved to malloc'd arrays when a longer text outgrows them
     * (*_moved), and grown there. */
    phrase *phrases;
    uint32_t n_phrases, phrase_cap;
    uint32_t *table, mask; /* open addressing: phrase index + 1, 0 empty */
    uint32_t *occ_tok, *occ_next;
    uint8_t *occ_span; /* tokens an occurrence spans: its words and any "of" */
    uint32_t n_occ, occ_cap;
    bool phrases_moved, occ_moved;
    uint32_t *heads; /* per vertex: occurrences that end a phrase */
    bool adjectives_follow, of_names; /* kw_language */
} kw_state;

static uint32_t hash_words(const uint32_t *v, uint32_t n)
{
    uint32_t h = 2166136261u ^ n;
    for (uint32_t i = 0; i < n; i++) {
        h = (h ^ v[i]) * 16777619u;
        h ^= h >> 15;
    }
    return h;
}

/* Give the phrase table `size` slots (a power of two) and place the
 * phrases found so far in it again. The table grows by doubling once half
 * full: sized for the worst case, two phrases per token, it was 8 million
 * slots and 32 MB written for a 10 MB text of some 90,000 phrases. */
static bool table_resize(kw_state *st, uint32_t size)
{
    uint32_t *table = pcs_arena_calloc(st->arena, size, sizeof *table);
    if (!table)
        return false;
    st->table = table;
    st->mask = size - 1;
    for (uint32_t i = 0; i < st->n_phrases; i++) {
        const phrase *p = &st->phrases[i];
        uint32_t h = hash_words(p->v, p->n) & st->mask;
        while (table[h])
            h = (h + 1) & st->mask;
        table[h] = i + 1;
    }
    return true;
}

/* A malloc'd copy of the array of n elements of elem bytes at old, with
 * room for twice as many; old is freed if it was malloc'd too. */
static void *double_array(void *old, bool old_malloced, uint32_t n, size_t elem)
{
    size_t bytes;
    if (n > UINT32_MAX / 2 || !pcs_mul_ok((size_t)n * 2, elem, &bytes))
        return NULL;
    void *p = malloc(bytes);
    if (!p)
        return NULL;
    memcpy(p, old, (size_t)n * elem);
    if (old_malloced)
        free(old);
    return p;
}

__attribute__((cold)) static bool grow_phrases(kw_state *st)
{
    phrase *p = double_array(st->phrases, st->phrases_moved, st->phrase_cap, sizeof *p);
    if (!p)
        return false;
    st->phrases = p;
    st->phrases_moved = true;
    st->phrase_cap *= 2;
    return true;
}

/* The three arrays of occurrences grow together, or none does. */
__attribute__((cold)) static bool grow_occurrences(kw_state *st)
{
    uint32_t n = st->occ_cap;
    uint32_t *tok = double_array(st->occ_tok, false, n, sizeof *tok);
    uint32_t *next = double_array(st->occ_next, false, n, sizeof *next);
    uint8_t *span = double_array(st->occ_span, false, n, 1);
    if (!tok || !next || !span) {
        free(tok), free(next), free(span);
        return false;
    }
    if (st->occ_moved)
        free(st->occ_tok), free(st->occ_next), free(st->occ_span);
    st->occ_tok = tok;
    st->occ_next = next;
    st->occ_span = span;
    st->occ_moved = true;
    st->occ_cap = 2 * n;
    return true;
}

/* The slot of the phrase of words key[0, n) in the table, or the empty
 * slot where it would go. */
static uint32_t probe(const kw_state *st, const uint32_t *key, uint32_t n, uint32_t hash)
{
    uint32_t h = hash & st->mask;
    while (st->table[h]) {
        const phrase *p = &st->phrases[st->table[h] - 1];
        uint32_t same = 0;
        if (p->n == n)
            while (same < n && p->v[same] == key[same])
                same++;
        if (same == n)
            break;
        h = (h + 1) & st->mask;
    }
    return h;
}

/* Count one occurrence of the phrase of tokens t[0, span), the first
 * being doc->toks[tok]: its words, and the "of" of a name (name_of),
 * which is a stopword and no word of the phrase. The phrases, their
 * occurrences and the table grow as they fill. */
static bool add_occurrence(kw_state *st, const pcs_token *t, uint32_t span, uint32_t tok)
{
    uint32_t key[MAX_PHRASE], n = 0;
    for (uint32_t i = 0; i < span && n < MAX_PHRASE; i++)
        if (t[i].term != UINT32_MAX)
            key[n++] = st->vertex[t[i].term];
    uint32_t hash = hash_words(key, n), h = probe(st, key, n, hash);
    if (st->n_occ == st->occ_cap && !grow_occurrences(st))
        return false;
    if (!st->table[h]) {
        if (st->n_phrases == st->phrase_cap && !grow_phrases(st))
            return false;
        if (st->n_phrases >= st->mask / 2) {
            if (st->mask >= UINT32_MAX / 2 || !table_resize(st, (st->mask + 1) * 2))
                return false;
            for (h = hash & st->mask; st->table[h];)
                h = (h + 1) & st->mask;
        }
        phrase *p = &st->phrases[st->n_phrases];
        memset(p, 0, sizeof *p);
        memcpy(p->v, key, n * sizeof *key);
        p->n = n;
        p->first_occ = UINT32_MAX;
        st->table[h] = ++st->n_phrases;
    }
    phrase *p = &st->phrases[st->table[h] - 1];
    p->count++;
    st->occ_tok[st->n_occ] = tok;
    st->occ_span[st->n_occ] = (uint8_t)span;
    st->occ_next[st->n_occ] = p->first_occ;
    p->first_occ = st->n_occ++;
    return true;
}

/* Is the term common in the model's corpus (see GENERAL_SHARE)? Without a
 * model nothing is: in-document frequencies say what the text is about,
 * not what is general. */
static bool general_word(const pcs_doc *doc, uint32_t term)
{
    return doc->model_used && (double)doc->terms[term].idf_df > GENERAL_SHARE * doc->idf_n;
}

/* The longest evaluative adjective looked up, in bytes. */
#define EVALUATIVE_MAX_BYTES 32

/* Is token t, which begins a phrase whose next word is token next, left
 * out of it: general (above), or an evaluative adjective of the language
 * (models/<code>/evaluative.txt), which annotators leave out: "novel
 * bitline sensing scheme" is tagged "bitline sensing scheme". Measured on
 * the abstracts, F1@10 +0.9 on each fold, and either half of the list
 * alone gave half of that. A capital mid-sentence, or one before another
 * capital, begins a name, which keeps even a general word ("Major League",
 * "Best Buy", "New York Times", "World Wide Web"). */
static bool leading_general(const pcs_doc *doc, const pcs_token *t, const pcs_token *next)
{
    if ((t->flags & PCS_TOK_UPPER) &&
        (!(t->flags & PCS_TOK_INITIAL) || (next->flags & PCS_TOK_UPPER)))
        return false;
    if (general_word(doc, t->term))
        return true;
    char folded[EVALUATIVE_MAX_BYTES];
    size_t n = fold_token(doc, t, folded, sizeof folded);
    return n != SIZE_MAX && pcs_is_evaluative(doc->lang, folded, n);
}

/* Is token t, in lower case, a particle of a name ("Charles de Gaulle",
 * "Confederation des Caisses Populaires", "Ludwig van Beethoven")? */
static bool lower_particle(const pcs_doc *doc, const pcs_token *t)
{
    static const char *const words[] = {"de",  "da",  "di",  "du",  "des", "del", "della",
                                        "der", "den", "van", "von", "la",  "le",  "el",
                                        "al",  "bin", "ibn", "dos", "das", "ter", "ten"};
    if (t->len > 5)
        return false;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (any_case_is(doc->text + t->start, t->len, words[i]))
            return true;
    return false;
}

/* Where the name of two words or more that ends the phrase t[lead, j)
 * begins, when a word in lower case comes right before it: a role or a
 * description in apposition ("director Zack Snyder", "critic David
 * Edelstein", "film Superman Returns", "Labour candidate Deirdre Wood",
 * "Saudi businessman Adnan Khashoggi", "Croatian duo Ivan Ljubicic"),
 * which the nonkey list's titles do not all hold; or lead. One
 * capitalised word after lower-case ones may be a term's ("mobile
 * Internet"); a name's particle is the name's ("Confederation des Caisses
 * Populaires"). */
static uint32_t after_role(const pcs_doc *doc, const pcs_token *t, uint32_t lead, uint32_t j)
{
    uint32_t m = j;
    while (m > lead && (t[m - 1].term == UINT32_MAX || (t[m - 1].flags & PCS_TOK_UPPER) ||
                        lower_particle(doc, &t[m - 1])))
        m--;
    if (m == lead || j - m < 2)
        return lead;
    for (uint32_t q = m; q < j; q++)
        if (t[q].term != UINT32_MAX && !name_capital(doc, &t[q]) &&
            !lower_particle(doc, &t[q])) /* (a name's "of" aside) */
            return lead;
    return m;
}

/* Where the phrase t[lead, j) begins once a title before a name is left
 * out: past the last `title` word of the nonkey list that only capitalised
 * words, the first a name's, follow ("Prime Minister Margaret Thatcher",
 * "Finance Minister Gustavo Petricioli", "goalie Ilya Bryzgalov" are
 * "Margaret Thatcher", "Gustavo Petricioli", "Ilya Bryzgalov"; the issue
 * asks for "Vladimir Putin"). A title before no name stays ("Minister",
 * "the president's plan"). Always inlined: called from two places in
 * collect_phrases, GCC stopped inlining it, at 1,500 instructions an
 * article (bench/README, Issue 11, tenth pass). */
static inline __attribute__((always_inline)) uint32_t
after_title(const pcs_doc *doc, const pcs_token *t, uint32_t lead, uint32_t j)
{
    uint32_t name = lead;
    for (uint32_t q = lead; q + 1 < j; q++)
        if (t[q].term != UINT32_MAX && doc->terms[t[q].term].title)
            /* A title's "of" and the word after it are the title's
             * ("Secretary of State George Shultz"). */
            name = q + 1 + (t[q + 1].term == UINT32_MAX && q + 3 < j ? 2 : 0);
    if (name == lead && j - lead > 2 && (t[j - 1].flags & PCS_TOK_UPPER))
        name = after_role(doc, t, lead, j);
    if (name == lead || !name_capital(doc, &t[name]))
        return lead;
    for (uint32_t q = name; q < j; q++)
        if (t[q].term != UINT32_MAX && !(t[q].flags & PCS_TOK_UPPER) &&
            !lower_particle(doc, &t[q])) /* (a name's "of" and "de" aside) */
            return lead;
    return name;
}

/* English names hold "of": "Bank of England", "University of Michigan",
 * "Gulf of Mexico", "Organization of Petroleum Exporting Countries".
 * Is token k of the sentence's n tokens t, between two candidates c, such
 * an "of": spaces alone around it; before it a noun, capitalised (mid-
 * sentence or first), that the model's corpus holds in at least
 * OF_NAME_MIN_DF documents, as an institution's noun or a title is
 * ("Bank", "Board", "University", "Secretary": after_title leaves
 * "Secretary of State" out before "George Shultz") and a surname mostly
 * is not ("Lars Thuesen of Privatbanken", "Zhao Ziyang of China" are a
 * person and a place); after
 * it a word capitalised mid-sentence, not in capitals? Without a model no
 * "of" joins. Without this such names printed as their parts ("Bank",
 * "England"). */
#define OF_NAME_MIN_DF 5
static bool name_of(const pcs_doc *doc, const uint8_t *c, const pcs_token *t, uint32_t k,
                    uint32_t n)
{
    const char *s = doc->text + t[k].start;
    if (k == 0 || k + 1 >= n || t[k].len != 2 || s[0] != 'o' || s[1] != 'f' ||
        t[k].term != UINT32_MAX || c[k - 1] != CANDIDATE || !c[k + 1] || !doc->model_used)
        return false;
    const pcs_term *before = &doc->terms[t[k - 1].term];
    return before->idf_df >= OF_NAME_MIN_DF && lower_after_capital(doc, &t[k - 1]) &&
           name_capital(doc, &t[k + 1]) && adjacent(doc, &t[k - 1], &t[k]) &&
           adjacent(doc, &t[k], &t[k + 1]);
}

/* The words of the phrase tokens t[a, b): its candidates, not a name's
 * "of". */
static uint32_t words_in(const uint8_t *c, uint32_t a, uint32_t b)
{
    uint32_t n = 0;
    for (uint32_t q = a; q < b; q++)
        n += c[q] != NOT_CANDIDATE;
    return n;
}

/* Is the token at s, n bytes, a company's legal form in any case ("Corp",
 * "Inc", "Ltd", "Corporation")? The short ones (up to
 * SUFFIX_ABBREVIATION_MAX bytes) are abbreviations. */
#define SUFFIX_ABBREVIATION_MAX 4
static bool company_form(const char *s, uint32_t n)
{
    static const char *const forms[] = {"co",  "company", "corp", "corporation", "inc",
                                        "incorporated", "limited", "llc", "ltd", "plc"};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
        if (any_case_is(s, n, forms[i]))
            return true;
    return false;
}

/* Is token t a company's suffix, capitalised ("Corp", "Co", "Inc", "Ltd",
 * "Plc"; not the adjective of "limited resources")? */
static bool company_suffix(const pcs_doc *doc, const pcs_token *t)
{
    return (t->flags & PCS_TOK_UPPER) && company_form(doc->text + t->start, t->len);
}

/* Is token t the noun that ends an institution's or a company's name
 * ("Commission", "Administration", "Co", "Plc": company_form), a
 * possessive's 's aside? Not "Bank", "Fund", "Group", "Union" or
 * "Exchange": after "and" those mostly end a second name ("Citibank and
 * Chase Manhattan Bank", "United States and Soviet Union", "Odyssey
 * Partners and Dover Fund"; the Reuters stories). */
static bool institution_noun(const pcs_doc *doc, const pcs_token *t)
{
    static const char *const nouns[] = {
        "administration", "agency",     "association", "authority",  "board",
        "bureau",         "commission", "committee",   "council",    "department",
        "federation",     "foundation", "institute",   "ministry",   "organisation",
        "organization",   "service",    "services",    "society",    "trust",
        "university"};
    char first = (char)((unsigned char)doc->text[t->start] | 0x20);
    uint32_t len = bare_len(doc, t);
    for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++)
        if (nouns[i][0] == first && any_case_is(doc->text + t->start, len, nouns[i]))
            return true;
    return company_form(doc->text + t->start, len);
}

/* The most capitalised words after a name's "and" that may hold the
 * institution's noun ending it (name_and). */
#define AND_NAME_WORDS 3

/* Does the company suffix t, written out ("Corporation", "Company", not
 * "Corp"), begin a name rather than end one: a capitalised word next, or
 * "of" or "for" and one ("Corporation Bank", "Corporation for Public
 * Broadcasting"; not "Corp Chairman Fred Turner", "Corp for its part")?
 * end is past the last token to look at. */
static bool suffix_begins_name(const pcs_doc *doc, const pcs_token *t, const pcs_token *end)
{
    if (t->len <= SUFFIX_ABBREVIATION_MAX || t + 1 >= end ||
        !adjacent(doc, &t[0], &t[1]))
        return false;
    const char *s = doc->text + t[1].start;
    bool joins = (t[1].len == 2 && memcmp(s, "of", 2) == 0) ||
                 (t[1].len == 3 && memcmp(s, "for", 3) == 0);
    return name_capital(doc, &t[1]) ||
           (joins && t + 2 < end && adjacent(doc, &t[1], &t[2]) && name_capital(doc, &t[2]));
}

/* Does the 's of token t, a possessive, belong to a name? So it does
 * where the text writes it before a reporting verb ("Moody's said":
 * word_stats.named_s), or where t is capitalised mid-sentence and a
 * company's suffix follows that ends the name ("Standard and Poor's
 * Corp", "McDonald's Corp"; end is past the last token that may follow).
 * A possessor's does not: "Japan's Canon Inc", "India's Corporation
 * Bank". Cut at the 's, the Reuters stories' lists held "Standard",
 * "Poor" or "Poor's" 80 times. */
static bool names_s(const kw_state *st, const pcs_token *t, const pcs_token *end)
{
    const pcs_doc *doc = st->doc;
    return st->ws[st->vertex[t->term]].named_s ||
           (t + 1 < end && name_capital(doc, t) && adjacent(doc, &t[0], &t[1]) &&
            company_suffix(doc, &t[1]) && !suffix_begins_name(doc, &t[1], end));
}

/* Is token k of a sentence's tokens t its first, capitalised, and never
 * written in lower case mid-sentence: a name's first word there as far as
 * the text tells ("Standard and Poor's Corp said", but not "Traders and
 * Internal Trade Department officials" where "traders" comes later)? */
static bool first_name_word(const kw_state *st, const pcs_token *t, uint32_t k)
{
    return k == 0 && (t[0].flags & PCS_TOK_UPPER) && !st->lower_mid[t[0].term];
}

/* Does the name ending at token q of the sentence's n tokens t end the
 * run of candidates c, but for the company's suffixes after it ("Standard
 * and Poor's Corp said", "Gulf and Western Inc's unit"; not "Farmers and
 * Agriculture Ministry officials met")? */
static bool ends_run(const pcs_doc *doc, const uint8_t *c, const pcs_token *t, uint32_t q,
                     uint32_t n)
{
    while (q + 1 < n && c[q + 1] && adjacent(doc, &t[q], &t[q + 1]) &&
           company_suffix(doc, &t[q + 1]) && !possessive(doc, &t[q]))
        q++;
    return q + 1 == n || !c[q + 1] || !adjacent(doc, &t[q], &t[q + 1]) || possessive(doc, &t[q]);
}

/* English names hold "and" as well: "Securities and Exchange
 * Commission", "Food and Drug Administration", "Merrill Lynch and Co",
 * "Ways and Means Committee". Without this the first printed "Exchange
 * Commission", in 273 of the Reuters stories' lists. Is token k of the
 * sentence's n tokens t, between two candidates c, such an "and": spaces
 * alone around it, a word capitalised mid-sentence before it (or opening
 * the sentence: first_name_word) and up to AND_NAME_WORDS after it, the
 * last of those an institution's or a company's noun or a name's 's, and
 * the name no longer than a phrase may be (from the run's first token; a
 * longer one would be cut to its last words, "Savings and Loan
 * Association" of "Valley Federal Savings and Loan Association")? Where
 * the word before is such a noun itself, or the run before it is long,
 * the "and" joins two names ("Citicorp Inc and Swiss Bank Corp", "Merrill
 * Lynch Capital Markets and Salomon Brothers Inc"). A sentence's first
 * word joins only a name that ends the run: before "officials" ("Farmers
 * and Agriculture Ministry officials met") the "and" joins two groups of
 * people. Two firms joined so ("Texaco and Pennzoil Co" mid-sentence)
 * still print as one: over the Reuters stories such phrases name one body
 * about twenty times as often. */
static bool name_and(const kw_state *st, const uint8_t *c, const pcs_token *t, uint32_t from,
                     uint32_t k, uint32_t n)
{
    const pcs_doc *doc = st->doc;
    const char *s = doc->text + t[k].start;
    if (k == 0 || k + 1 >= n || t[k].len != 3 || memcmp(s, "and", 3) != 0 ||
        t[k].term != UINT32_MAX || !c[k - 1] ||
        !adjacent(doc, &t[k - 1], &t[k])) /* (collect_phrases ends a run at a possessive) */
        return false;
    bool opening = !name_capital(doc, &t[k - 1]);
    if (opening && !first_name_word(st, t, k - 1))
        return false;
    for (uint32_t q = k + 1; q < n && q <= k + AND_NAME_WORDS; q++) {
        /* (A company's suffix may be in capitals, "Tate and Lyle PLC", and
         * "Co", two letters, is no candidate: "Goodyear Tire and Rubber
         * Co", which printed "Goodyear Tire" and "Rubber".) */
        if (!(c[q] || company_suffix(doc, &t[q])) ||
            !(name_capital(doc, &t[q]) || company_suffix(doc, &t[q])) ||
            !adjacent(doc, &t[q - 1], &t[q]))
            return false;
        /* A name's 's ends it too: "Standard and Poor's said", "Standard
         * and Poor's Corp" (the suffix, a modifier, ends no phrase). */
        if (institution_noun(doc, &t[q]) ||
            (possessive(doc, &t[q]) && names_s(st, &t[q], &t[n])))
            return words_in(c, from, k) + (q - k) <= MAX_PHRASE &&
                   !institution_noun(doc, &t[k - 1]) && (!opening || ends_run(doc, c, t, q, n));
        if (possessive(doc, &t[q]))
            return false;
    }
    return false;
}

/* Does the name of possessive t go on after its 's: is its 's the name's
 * (word_stats.named_s) and the next word a name's? "Moody's Investors
 * Service" is one name, where a possessor's 's ends its phrase ("Putin's
 * aides"); cut there, it printed "Investors Service" beside "Moody's". */
static bool name_goes_on_s(const kw_state *st, const pcs_token *t)
{
    return st->of_names && st->ws[st->vertex[t->term]].named_s && adjacent(st->doc, t, t + 1) &&
           name_capital(st->doc, t + 1);
}

/* Collect the candidate phrases of every content sentence; with `words`,
 * each noun inside a phrase is also counted as a word of its own; with
 * `trim`, general leading words (leading_general) are left out of
 * phrases. Never inlined: inlined, it grew pcs_keywords until GCC stopped
 * inlining classify_token into the loop over every token (26 thousand
 * instructions an article more; bench/README, Issue 11, eighth pass). */
__attribute__((noinline)) static bool collect_phrases(kw_state *st, const uint8_t *cand, bool words,
                                                      bool trim)
{
    const pcs_doc *doc = st->doc;
    for (uint32_t s = 0; s < doc->n_sents; s++) {
        const pcs_sentence *sent = &doc->sents[s];
        const pcs_token *t = doc->toks + sent->tok_first;
        const uint8_t *c = cand + sent->tok_first;
        uint32_t base = sent->tok_first, i = 0;
        while (i < sent->tok_count) {
            if (!c[i]) {
                i++;
                continue;
            }
            uint32_t end = i + 1;
            while (end < sent->tok_count &&
                   (c[end] ? adjacent(doc, &t[end - 1], &t[end]) ||
                                 (end - 1 > i && middle_initial(doc, &t[end - 1])) ||
                                 name_abbreviation(doc, &t[end - 1]) ||
                                 ampersand_joined(doc, &t[end - 1], &t[end])
                           : st->of_names && (name_of(doc, c, t, end, sent->tok_count) ||
                                              name_and(st, c, t, i, end, sent->tok_count))) &&
                   (!possessive(doc, &t[end - 1]) || name_goes_on_s(st, &t[end - 1])))
                end++;
            /* A phrase ends in its head, never in a modifier: "Lavrov
             * said" is "Lavrov"; a lone modifier is no phrase. Where
             * adjectives also follow the noun ("langue française", "zone
             * protégée", but "premier semestre"), only phrases of
             * modifiers alone go ("écrasé", "bancaire"). */
            uint32_t j = end;
            if (st->adjectives_follow) {
                bool noun = false;
                for (uint32_t q = i; q < end && !noun; q++)
                    noun = c[q] == CANDIDATE;
                j = noun ? end : i;
            } else {
                while (j > i && c[j - 1] != CANDIDATE) /* (and an "of" they leave last) */
                    j--;
            }
            uint32_t lead = i; /* (a name's "of" goes with the word before it) */
            while (trim && j - lead > 1 &&
                   (!c[lead] || leading_general(doc, &t[lead], &t[lead + 1])))
                lead++;
            lead = after_title(doc, t, lead, j);
            bool whole = words_in(c, lead, j) <= MAX_PHRASE;
            if (j > i)
                st->heads[st->vertex[t[j - 1].term]]++;
            /* A longer run is a list, a headline or a verb taken for a
             * noun ("researchers train machine learning models"): its
             * head and the words before it make the phrase, the others
             * count alone. */
            uint32_t from = whole ? lead : j;
            for (uint32_t w = 0; !whole && w < MAX_PHRASE - 1;)
                w += c[--from] != NOT_CANDIDATE; /* back to a word, not an "of" */
            while (!whole && trim && j - from > 1 && leading_general(doc, &t[from], &t[from + 1]))
                from++; /* (a whole phrase's lead was trimmed above) */
            /* The cut phrase may begin with a role before a name, as a whole
             * one may: "Rugby Football Union chief executive Mark Arthur"
             * keeps "executive Mark Arthur", that is "Mark Arthur". */
            if (!whole)
                from = after_title(doc, t, from, j);
            if (j > i && !add_occurrence(st, &t[from], j - from, base + from))
                return false;
            /* In texts tagged by phrases a general word is no term alone
             * either. */
            if (j - i > 1 && (words || !whole))
                for (uint32_t q = i; q < (words ? j : from); q++)
                    if (c[q] == CANDIDATE && !(trim && !words && general_word(doc, t[q].term)) &&
                        !add_occurrence(st, &t[q], 1, base + q))
                        return false;
            i = end;
        }
    }
    return true;
}

typedef struct scored {
    double score;
    uint32_t index;
} scored;

static int by_score(const void *pa, const void *pb)
{
    const scored *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Restore the heap order below i of h[0, n), best (by_score) at the root
 * (Williams, 1964, heapsort; built bottom-up as Floyd, 1964, in linear
 * time). */
static void sift_down(scored *h, uint32_t n, uint32_t i)
{
    for (;;) {
        uint32_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && by_score(&h[l], &h[m]) < 0)
            m = l;
        if (r < n && by_score(&h[r], &h[m]) < 0)
            m = r;
        if (m == i)
            return;
        scored t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

/* Lower-case the first letter of buf[0, len) in place; returns the new
 * length (a few letters change their UTF-8 length when lowered). */
static size_t lower_first(char *buf, size_t len, size_t cap)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)len, &cp);
    if (k <= 0)
        return len;
    utf8proc_uint8_t enc[4];
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
    if (m <= 0 || len - (size_t)k + (size_t)m + 1 > cap)
        return len;
    memmove(buf + m, buf + k, len - (size_t)k + 1);
    memcpy(buf, enc, (size_t)m);
    return len - (size_t)k + (size_t)m;
}

/* Bytes of an elided article or particle at the start of token t ("l'" of
 * "l'Europe"): the tokenizer dropped it before stemming, so the stem has
 * no apostrophe while the token has one near its start ("O'Brien" keeps
 * its apostrophe in the stem). */
static uint32_t elided_prefix(const pcs_doc *doc, const pcs_token *t)
{
    const pcs_term *term = &doc->terms[t->term];
    if (memchr(term->stem, '\'', term->stem_len))
        return 0;
    const char *s = doc->text + t->start;
    uint32_t lim = t->len < 8 ? t->len : 8;
    /* As the tokenizer elides: at least two more bytes after it, so a
     * possessive "Abe's" is no elision. */
    for (uint32_t i = 1; i + 1 < lim; i++) {
        if (s[i] == '\'')
            return i + 2 < t->len ? i + 1 : 0;
        if (i + 3 < t->len && memcmp(s + i, "\xE2\x80\x99", 3) == 0)
            return i + 4 < t->len ? i + 3 : 0;
    }
    return 0;
}

/* The spellings compared when printing a term: its first occurrences. */
#define SPELLINGS 32

/* The surface a reader wants for phrase p: its most frequent spelling,
 * where a capital that only marks a sentence start is lowered when the
 * word also appears in lower case mid-sentence ("Neural networks are" and
 * "what neural networks learn" are one spelling), and otherwise counts
 * less than a mid-sentence capital, as a spelling in capitals does. NULL
 * when out of memory. */
static const char *best_surface(const kw_state *st, const phrase *p, pcs_arena *arena,
                                uint32_t *len_out)
{
    const pcs_doc *doc = st->doc;
    const bool *lower_mid = st->lower_mid;
    const char *text[SPELLINGS];
    uint32_t len[SPELLINGS];
    double weight[SPELLINGS];
    uint32_t n = 0;
    for (uint32_t o = p->first_occ; o != UINT32_MAX && n < SPELLINGS; o = st->occ_next[o]) {
        const pcs_token *t = &doc->toks[st->occ_tok[o]];
        uint32_t span = st->occ_span[o];
        uint32_t a = t[0].start + elided_prefix(doc, &t[0]);
        uint32_t b = t[span - 1].start + t[span - 1].len;
        if (possessive(doc, &t[span - 1]) &&
            !names_s(st, &t[span - 1], doc->toks + doc->n_toks))
            b = t[span - 1].start + bare_len(doc, &t[span - 1]); /* the possessor bare */
        size_t cap = (size_t)(b - a) + 8;
        char *buf = pcs_arena_alloc(arena, cap);
        if (!buf)
            return NULL;
        size_t l = pcs_collapse_space(doc->text + a, b - a, buf);
        bool initial = (t[0].flags & PCS_TOK_INITIAL) && (t[0].flags & PCS_TOK_UPPER);
        /* A word in capitals ("CURRENCY" in a headline, "OTAN" after "L'",
         * "TRIPLE-EXPIRATION") keeps them: lowering its first letter alone
         * gave "cURRENCY". */
        /* Nor does a name's first word when a capitalised word follows
         * ("First Bank System", "Photon Technology International": "first"
         * and "photonic" are written in lower case elsewhere), but for a
         * particle ("de Keersmaeker"). */
        uint32_t first_len = t[0].start + t[0].len - a;
        if (initial && lower_mid[t[0].term] && span == p->n /* no name's "of" or "and" */ &&
            !(first_len >= 2 && shouted(doc->text + a, first_len)) &&
            !(span > 1 && lower_after_capital(doc, &t[1]) && !lower_particle(doc, &t[0])))
            l = lower_first(buf, l, cap);
        text[n] = buf;
        len[n] = (uint32_t)l;
        /* A spelling from a headline in capitals, or with a capital that
         * only starts its sentence, gives way to one from running text:
         * "Chock Full O'Nuts", not "CHOCK FULL O'NUTS", and so does a
         * lead word in capitals ("RADIOACTIVITY from Japan's reactor");
         * an acronym in running text does not ("NASA", not "Nasa"). */
        bool capitals = shouted(buf, l);
        weight[n++] = (initial && (!lower_mid[t[0].term] || capitals)) ||
                              (capitals && among_capitals(doc, st->occ_tok[o], span))
                          ? 0.4
                          : 1.0;
    }
    /* Tally the weights by distinct spelling (a term has one to three):
     * per spelling its total and its last-listed occurrence. */
    uint32_t last[SPELLINGS], n_distinct = 0;
    double total[SPELLINGS];
    for (uint32_t i = 0; i < n; i++) {
        uint32_t c = 0;
        while (c < n_distinct && !(len[last[c]] == len[i] &&
                                   memcmp(text[last[c]], text[i], len[i]) == 0))
            c++;
        if (c == n_distinct)
            total[n_distinct++] = 0;
        total[c] += weight[i];
        last[c] = i;
    }
    /* Occurrences are listed last first: on a tie the spelling whose
     * earliest occurrence comes first wins. */
    uint32_t best = 0;
    for (uint32_t c = 1; c < n_distinct; c++)
        if (total[c] > total[best] || (total[c] == total[best] && last[c] > last[best]))
            best = c;
    *len_out = len[last[best]];
    return text[last[best]];
}

/* Over the content sentences: per candidate word, its occurrences, first
 * sentence, whether it may end a term and how often it is capitalised
 * mid-sentence (a name); per term, whether it is ever written in lower
 * case mid-sentence. */
static void gather_word_stats(const pcs_doc *doc, const uint8_t *cand, const uint32_t *vertex,
                              word_stats *ws, bool *lower_mid)
{
    for (uint32_t si = 0; si < doc->n_sents; si++) {
        const pcs_sentence *sent = &doc->sents[si];
        if (!content_sentence(sent))
            continue;
        for (uint32_t k = sent->tok_first; k < sent->tok_first + sent->tok_count; k++) {
            const pcs_token *t = &doc->toks[k];
            if (t->term != UINT32_MAX && !(t->flags & (PCS_TOK_INITIAL | PCS_TOK_UPPER)))
                lower_mid[t->term] = true;
            if (!cand[k])
                continue;
            word_stats *s = &ws[vertex[t->term]];
            if (s->count == 0)
                s->first_sent = si;
            s->hyphenated = s->hyphenated || (t->flags & PCS_TOK_HYPHEN);
            s->term = t->term;
            s->count++;
            s->noun = s->noun || cand[k] == CANDIDATE;
            /* (Lower case mid-sentence is in lower_mid.) */
            if (t->flags & PCS_TOK_UPPER) {
                bool titled = lower_after_capital(doc, t);
                s->names += titled && !(t->flags & PCS_TOK_INITIAL);
                s->odd_shape = s->odd_shape || !(titled || initials(doc, t));
            }
            /* A possessive never comes straight before a reporting verb:
             * there the 's is the name's ("Moody's said", "McDonald's
             * reported", "Standard & Poor's said"), which prints with it,
             * where "Putin's aides" prints "Putin". */
            uint32_t left = sent->tok_first + sent->tok_count - k;
            if (left > 1 && (doc->toks[k + 1].flags & PCS_TOK_REPORTING) && possessive(doc, t) &&
                adjacent(doc, t, t + 1))
                s->named_s = true;
            /* Nor does one stand for its owner after "by" ("rated A-2 by
             * Moody's and AA by Standard and Poor's"): that is the name. */
            else if (k > sent->tok_first && (t->flags & PCS_TOK_UPPER) &&
                     any_case_is(doc->text + t[-1].start, t[-1].len, "by") &&
                     adjacent(doc, t - 1, t) && possessive(doc, t) && agent_ends(doc, t, left))
                s->named_s = true;
        }
    }
}

/* Do at least `min` tokens of the content sentences carry `flag`? The
 * text attributes speech ("said", "selon": PCS_TOK_REPORTING,
 * REPORTED_SPEECH_MIN times) or names a day or a month ("Tuesday",
 * "March": PCS_TOK_DATE, `date` entries of the nonkey list). */
static bool has_flagged_tokens(const pcs_doc *doc, uint8_t flag, uint32_t min)
{
    uint32_t seen = 0;
    for (uint32_t si = 0; si < doc->n_sents; si++) {
        const pcs_sentence *sent = &doc->sents[si];
        if (!content_sentence(sent))
            continue;
        for (uint32_t k = sent->tok_first; k < sent->tok_first + sent->tok_count; k++)
            if ((doc->toks[k].flags & flag) && ++seen >= min)
                return true;
    }
    return false;
}

/* Is the text tagged by its words (a story about people and organisations)
 * rather than by its phrases? See WORDS_MIN_SENTENCES, STORY_MIN_SENTENCES
 * and, with `speech`, REPORTED_SPEECH_MIN. The date is looked for last:
 * most texts are settled before it. */
static bool tag_by_words(const pcs_doc *doc, const word_stats *ws, uint32_t nv, bool speech)
{
    uint32_t names = 0;
    for (uint32_t v = 0; v < nv; v++)
        names += 2 * ws[v].names > ws[v].count;
    bool cast = doc->n_sents >= WORDS_MIN_SENTENCES &&
                (double)names >= WORDS_MIN_NAMES * (double)nv;
    bool story = (double)names >= STORY_MIN_NAMES * (double)nv ||
                 doc->n_sents >= STORY_MIN_SENTENCES ||
                 has_flagged_tokens(doc, PCS_TOK_DATE, 1);
    return (cast && story) ||
           (speech && has_flagged_tokens(doc, PCS_TOK_REPORTING, REPORTED_SPEECH_MIN));
}

/* The weight of each candidate word. Phrases: PageRank on the
 * co-occurrence graph (TextRank), doubled for the words of the first
 * sentence, the title or headline (the position signal of PositionRank,
 * Florescu and Caragea, 2017, reduced to the one position that helped on
 * both folds of every set). Words: their count. Both times the corpus IDF
 * when a model is loaded (in-document IDF would punish the article's own
 * topic words). */
static precis_status word_weights(const pcs_doc *doc, const uint8_t *cand,
                                  const uint32_t *vertex, const word_stats *ws, uint32_t nv,
                                  bool words, const precis_options *o, pcs_arena *arena,
                                  double *weight, precis_error *err)
{
    if (words || (o->ablate & PRECIS_ABLATE_KEY_CENTRALITY)) {
        for (uint32_t v = 0; v < nv; v++)
            weight[v] = (double)ws[v].count;
    } else {
        pcs_csr w;
        if (!build_graph(doc, cand, vertex, nv, arena, &w))
            return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
        pcs_rank_params prm = {o->damping, o->tolerance, o->max_iterations, NULL};
        pcs_rank_out ro;
        precis_status r = pcs_rank_graph(&w, &prm, arena, weight, &ro, err);
        if (r != PRECIS_OK)
            return r;
    }
    if (!words && !(o->ablate & PRECIS_ABLATE_KEY_POSITION)) {
        uint32_t first = UINT32_MAX;
        for (uint32_t v = 0; v < nv; v++)
            if (ws[v].first_sent < first)
                first = ws[v].first_sent;
        for (uint32_t v = 0; v < nv; v++)
            if (ws[v].first_sent == first)
                weight[v] *= 2;
    }
    if (doc->model_used && !(o->ablate & PRECIS_ABLATE_KEY_IDF))
        for (uint32_t v = 0; v < nv; v++)
            weight[v] *= pcs_idf(doc, ws[v].term);
    return PRECIS_OK;
}

/* A phrase's score. Phrases: count x the sum of its words' weights, which
 * (as SingleRank and pke's TextRank do) prefers the specific "linear
 * Diophantine equations" to "equations", while the count prefers what the
 * text keeps coming back to over a name said once with its title. Words:
 * count x the mean weight of its words, so a phrase never outranks its
 * best word and a word stands for its topic. `single` scales a lone word
 * in texts tagged by phrases (SINGLE_WORD_WEIGHT). */
static double phrase_score(const phrase *p, const double *weight, bool words, double single)
{
    double sum = 0;
    for (uint32_t i = 0; i < p->n; i++)
        sum += weight[p->v[i]];
    if (words)
        return (double)p->count * sum / p->n;
    return (double)p->count * sum * (p->n == 1 ? single : 1.0);
}

/* The first-k baseline's score (PRECIS_ABLATE_KEY_SCORES): earlier first
 * occurrences first, as the LEAD baseline of summarisation, positive so
 * that the best term's score can be 1. */
static double first_k_score(const kw_state *st, const phrase *p)
{
    uint32_t first = UINT32_MAX;
    for (uint32_t o = p->first_occ; o != UINT32_MAX; o = st->occ_next[o])
        first = st->occ_tok[o];
    return 1.0 / (1.0 + (double)first);
}

/* The words of the terms taken so far, to tell a new term's topic. */
typedef struct taken_words {
    const pcs_doc *doc;
    const word_stats *ws;
    bool merge;   /* words of one family are one word */
    bool *listed; /* per vertex: taken */
    /* When merging, sets of strings (keys into the stems): the taken
     * words' stems, the prefixes those stems extend, and the same for the
     * hyphen parts of the hyphenated ones (see taken). */
    pcs_map stems, stem_prefixes, parts, part_prefixes;
} taken_words;

/* A stem extends another by at most this many bytes, and only one of at
 * least FAMILY_STEM_MIN bytes. */
#define FAMILY_SUFFIX_MAX 3
#define FAMILY_STEM_MIN 4

/* Does stem y extend stem x by a suffix the stemmer leaves ("russia" and
 * "russian", "japan" and "japanes")? */
static bool extends(const char *x, uint32_t nx, const char *y, uint32_t ny)
{
    return nx >= FAMILY_STEM_MIN && ny > nx && ny <= nx + FAMILY_SUFFIX_MAX &&
           memcmp(x, y, nx) == 0;
}

/* Do two stems name one word: the same, or one extending the other? */
static bool stems_of_one_family(const char *x, uint32_t nx, const char *y, uint32_t ny)
{
    return (nx == ny && memcmp(x, y, nx) == 0) || extends(x, nx, y, ny) ||
           extends(y, ny, x, nx);
}

/* The next hyphen-separated part of stem[0, len) of two bytes or more,
 * from *at on: its start in *part and length in *part_len. false when none
 * is left. */
static bool next_hyphen_part(const char *stem, uint32_t len, uint32_t *at, uint32_t *part,
                             uint32_t *part_len)
{
    while (*at < len) {
        const char *dash = memchr(stem + *at, '-', len - *at);
        uint32_t end = dash ? (uint32_t)(dash - stem) : len;
        *part = *at;
        *part_len = end - *at;
        *at = end + 1;
        if (*part_len >= 2)
            return true;
    }
    return false;
}

/* Is a hyphen-separated part of stem[0, len), of two bytes or more, of one
 * family with other[0, n) ("gm" of "chevrolet-pontiac-gm", "januari" of
 * "end-januari", "quart" of "first-quart" and "quarter")? */
static bool in_hyphen_part(const char *stem, uint32_t len, const char *other, uint32_t n)
{
    for (uint32_t at = 0, part, part_len; next_hyphen_part(stem, len, &at, &part, &part_len);)
        if (stems_of_one_family(stem + part, part_len, other, n))
            return true;
    return false;
}

/* Are vertices a and b words of one family? When merging: one stem
 * extending the other, or a word and a part of a hyphenated one ("Owens" and
 * "Owens-Illinois", "GM" and "Chevrolet-Pontiac-GM": an editor sees one
 * topic). Compared pair by pair, only for the few words of the best
 * candidates: no sort of the whole vocabulary. */
static bool same_family(const taken_words *tw, uint32_t a, uint32_t b)
{
    if (a == b)
        return true;
    if (!tw->merge)
        return false;
    const pcs_term *x = &tw->doc->terms[tw->ws[a].term], *y = &tw->doc->terms[tw->ws[b].term];
    return extends(x->stem, x->stem_len, y->stem, y->stem_len) ||
           extends(y->stem, y->stem_len, x->stem, x->stem_len) ||
           (tw->ws[a].hyphenated && in_hyphen_part(x->stem, x->stem_len, y->stem, y->stem_len)) ||
           (tw->ws[b].hyphenated && in_hyphen_part(y->stem, y->stem_len, x->stem, x->stem_len));
}

static bool in_set(const pcs_map *set, const char *key, uint32_t len)
{
    return pcs_map_find(set, key, len, pcs_hash(key, len)) != NULL;
}

/* Is s[0, n) of one family with a string of `whole`: one it extends, one
 * extending it (s is then in `prefixes`), or, when `equal`, the same? The
 * prefixes' hashes are taken on the way to the whole string's. */
static bool family_in(const pcs_map *whole, const pcs_map *prefixes, const char *s, uint32_t n,
                      bool equal)
{
    if (whole->count == 0)
        return false;
    uint32_t h = PCS_HASH_BASIS;
    uint32_t shortest = n > FAMILY_STEM_MIN + FAMILY_SUFFIX_MAX ? n - FAMILY_SUFFIX_MAX
                                                               : FAMILY_STEM_MIN;
    for (uint32_t i = 0; i < n; h = pcs_hash_byte(h, (unsigned char)s[i++]))
        if (i >= shortest && pcs_map_find(whole, s, i, h))
            return true;
    return pcs_map_find(prefixes, s, n, h) || (equal && pcs_map_find(whole, s, n, h));
}

/* Is a word of v's family among the words taken (same_family with one of
 * them)? Answered from the sets, by a few lookups: the taken list grows
 * with -k, and comparing every candidate with every taken word made -k
 * 10000 on 10 MB take 3.7 s. Every case of same_family has its lookup:
 * v's stem against the taken stems (one extending the other; equal stems
 * are one vertex, listed) and against the taken words' hyphen parts
 * (equal too), and each hyphen part of v against the taken stems. */
static bool taken(const taken_words *tw, uint32_t v)
{
    if (tw->listed[v])
        return true;
    if (!tw->merge)
        return false;
    const pcs_term *t = &tw->doc->terms[tw->ws[v].term];
    if (family_in(&tw->stems, &tw->stem_prefixes, t->stem, t->stem_len, false) ||
        family_in(&tw->parts, &tw->part_prefixes, t->stem, t->stem_len, true))
        return true;
    for (uint32_t at = 0, part, n; tw->ws[v].hyphenated &&
                                   next_hyphen_part(t->stem, t->stem_len, &at, &part, &n);)
        if (family_in(&tw->stems, &tw->stem_prefixes, t->stem + part, n, true))
            return true;
    return false;
}

/* Add s[0, n) to `whole` and the prefixes it extends to `prefixes`.
 * false when out of memory. */
static bool add_family(pcs_map *whole, pcs_map *prefixes, const char *s, uint32_t n)
{
    for (uint32_t d = 1; d <= FAMILY_SUFFIX_MAX && n >= FAMILY_STEM_MIN + d; d++)
        if (!in_set(prefixes, s, n - d) && !pcs_map_put(prefixes, s, n - d, pcs_hash(s, n - d), 0))
            return false;
    return in_set(whole, s, n) || pcs_map_put(whole, s, n, pcs_hash(s, n), 0);
}

static void free_taken(taken_words *tw)
{
    pcs_map_free(&tw->stems);
    pcs_map_free(&tw->stem_prefixes);
    pcs_map_free(&tw->parts);
    pcs_map_free(&tw->part_prefixes);
}

/* Add v to the words taken. false when out of memory. */
static bool take(taken_words *tw, uint32_t v)
{
    if (tw->listed[v])
        return true;
    tw->listed[v] = true;
    if (!tw->merge)
        return true;
    const pcs_term *t = &tw->doc->terms[tw->ws[v].term];
    if (!add_family(&tw->stems, &tw->stem_prefixes, t->stem, t->stem_len))
        return false;
    for (uint32_t at = 0, part, n; tw->ws[v].hyphenated &&
                                   next_hyphen_part(t->stem, t->stem_len, &at, &part, &n);)
        if (!add_family(&tw->parts, &tw->part_prefixes, t->stem + part, n))
            return false;
    return true;
}

/* Does phrase a hold every word of phrase b (words of one family alike)? */
static bool contains(const phrase *a, const phrase *b, const taken_words *tw)
{
    for (uint32_t i = 0; i < b->n; i++) {
        bool found = false;
        for (uint32_t j = 0; j < a->n && !found; j++)
            found = same_family(tw, a->v[j], b->v[i]);
        if (!found)
            return false;
    }
    return true;
}

/* The multi-word phrases holding each vertex, as compressed rows. */
typedef struct holders {
    uint32_t *ptr, *phrase;
} holders;

static bool index_holders(const kw_state *st, uint32_t nv, pcs_arena *arena, holders *h)
{
    h->ptr = pcs_arena_calloc(arena, (size_t)nv + 1, sizeof *h->ptr);
    uint32_t *at = pcs_arena_alloc(arena, (size_t)nv * sizeof *at);
    if (!h->ptr || !at)
        return false;
    size_t total = 0;
    for (uint32_t p = 0; p < st->n_phrases; p++)
        if (st->phrases[p].n > 1)
            for (uint32_t i = 0; i < st->phrases[p].n; i++, total++)
                h->ptr[st->phrases[p].v[i] + 1]++;
    for (uint32_t v = 0; v < nv; v++) {
        h->ptr[v + 1] += h->ptr[v];
        at[v] = h->ptr[v];
    }
    h->phrase = pcs_arena_alloc(arena, (total ? total : 1) * sizeof *h->phrase);
    if (!h->phrase)
        return false;
    for (uint32_t p = 0; p < st->n_phrases; p++)
        if (st->phrases[p].n > 1)
            for (uint32_t i = 0; i < st->phrases[p].n; i++)
                h->phrase[at[st->phrases[p].v[i]]++] = p;
    return true;
}

/* Is q a name: two or more words, each capitalised mid-sentence in most
 * of its occurrences ("Las Vegas", "Ivory Coast"; not "singer Bruno
 * Mars")? */
static bool name_phrase(const phrase *q, const word_stats *ws)
{
    bool name = q->n > 1;
    for (uint32_t i = 0; i < q->n && name; i++)
        name = 2 * ws[q->v[i]].names > ws[q->v[i]].count;
    return name;
}

/* Are all the words of q capitalised wherever they are written, each
 * mid-sentence at least once or else shaped as a name's word is? A name
 * whose words often open a sentence or a quote ("Steven can win all he
 * wants", "Gerrard scored") is one though name_phrase does not count
 * those; so is one whose first word opens every sentence it is in ("Tiger
 * Woods said") or is initials ("J.C. Penney"), which name_phrase never
 * counts. Not a word in capitals ("HP France", "NH Senate") or hyphenated
 * ("Houston-based Panhandle") that only opens sentences. */
static bool never_lower(const phrase *q, const word_stats *ws, const bool *lower_mid)
{
    for (uint32_t i = 0; i < q->n; i++) {
        const word_stats *w = &ws[q->v[i]];
        if (lower_mid[w->term] || (w->names == 0 && (w->odd_shape || w->hyphenated)))
            return false;
    }
    return true;
}

/* Is v the only word that comes right before w where a name ends in w?
 * Where two names end in one surname ("Marsha Barbour", "Haley Barbour";
 * "Robert Dole", "Elizabeth Dole") or one word ("British Airways", "Cathay
 * Pacific Airways"), the surname alone may be either: no given name takes
 * it. */
static bool only_name_ending(const kw_state *st, const holders *h, uint32_t w, uint32_t v)
{
    const word_stats *ws = st->ws;
    const bool *lower_mid = st->lower_mid;
    for (uint32_t j = h->ptr[w]; j < h->ptr[w + 1]; j++) {
        const phrase *r = &st->phrases[h->phrase[j]];
        if (r->v[r->n - 1] == w && r->v[r->n - 2] != v &&
            (name_phrase(r, ws) || never_lower(r, ws, lower_mid)))
            return false;
    }
    return true;
}

/* Is q a run of words of the longer phrase r ("World Cup" of "World Cup
 * winner")? */
static bool holds_whole(const phrase *r, const phrase *q)
{
    bool holds = false;
    for (uint32_t o = 0; r->n > q->n && o + q->n <= r->n && !holds; o++)
        holds = memcmp(r->v + o, q->v, q->n * sizeof *q->v) == 0;
    return holds;
}

/* The occurrences of each phrase inside longer ones: "El Paso" is said
 * in "El Paso police" and "El Paso County" too. Phrases are counted where
 * they are maximal, so without this no phrase held most of "Paso"'s
 * mentions and the word printed alone. One pass over the phrases of three
 * words or more, each shorter run of their words looked up in the phrase
 * table; a run said twice in one phrase counts it once. NULL when out of
 * memory. */
static uint32_t *count_inside(const kw_state *st, pcs_arena *arena)
{
    uint32_t *inside = pcs_arena_calloc(arena, st->n_phrases ? st->n_phrases : 1, sizeof *inside);
    for (uint32_t r = 0; inside && r < st->n_phrases; r++) {
        const phrase *q = &st->phrases[r];
        uint32_t seen[MAX_PHRASE * MAX_PHRASE], n_seen = 0;
        for (uint32_t len = 2; len < q->n; len++)
            for (uint32_t o = 0; o + len <= q->n; o++) {
                uint32_t slot = st->table[probe(st, q->v + o, len, hash_words(q->v + o, len))];
                bool again = !slot;
                for (uint32_t i = 0; i < n_seen && !again; i++)
                    again = seen[i] == slot;
                if (!again) {
                    seen[n_seen++] = slot;
                    inside[slot - 1] += q->count;
                }
            }
    }
    return inside;
}

/* Does name hold one of the chosen phrases of several words whole? */
static bool holds_a_chosen_phrase(const kw_state *st, const phrase *name, const uint32_t *chosen,
                                  uint32_t n)
{
    for (uint32_t c = 0; c < n; c++)
        if (st->phrases[chosen[c]].n > 1 && holds_whole(name, &st->phrases[chosen[c]]))
            return true;
    return false;
}

/* The phrase that prints word p (a one-word phrase): the most frequent
 * phrase holding it that accounts for PHRASE_SHARE of its occurrences (a
 * name with those inside longer phrases) and shares no noun with a term
 * already taken; p
 * itself when there is none. *name gets the most frequent name that would
 * print p but for a word already taken (UINT32_MAX when none): "American
 * Airlines" for "Airlines" once "American" is a term, and "Tim Henman" for
 * "Tim" once "Henman" is, even where "Tim Henman" is written once. */
static uint32_t representative(const kw_state *st, uint32_t p, const holders *h,
                               const uint32_t *inside, const taken_words *tw, uint32_t *name)
{
    const word_stats *ws = st->ws;
    const bool *lower_mid = st->lower_mid;
    const phrase *word = &st->phrases[p];
    uint32_t v = word->v[0], best = p;
    *name = UINT32_MAX;
    for (uint32_t j = h->ptr[v]; j < h->ptr[v + 1]; j++) {
        const phrase *q = &st->phrases[h->phrase[j]];
        /* A given name ("Tim", "Arjen", "Dilson") is its bearer's, whose
         * surname is taken already, however seldom the whole name is
         * written: the first word of the one name that holds it, so that
         * "Henman" and "Tim" print as "Tim Henman", and "Funaro" as
         * "Dilson Funaro" once "Dilson" comes up. A word that several
         * names hold ("France" of "France Culture" and "France 5") is no
         * given name. */
        bool given = h->ptr[v + 1] - h->ptr[v] == 1 && q->n == 2 && q->v[0] == v &&
                     taken(tw, q->v[1]) && ws[q->v[1]].noun &&
                     (name_phrase(q, ws) || never_lower(q, ws, lower_mid)) &&
                     only_name_ending(st, h, q->v[1], v);
        /* A name counts its mentions inside longer phrases (count_inside):
         * a name's word alone is a fragment ("Paso", "Bowl", "Dems"),
         * where a common word alone is a tag the news crowd picks as often
         * as the phrase holding it ("killer" and "serial killer", "sector"
         * and "banking sector": counted for every phrase, kpcrowd F1@10
         * fell 0.13 on both folds). A name is name_phrase's or
         * never_lower's: a company first named as a story's first words
         * ("General Motors Corp said ...", then "General Motors") is
         * capitalised mid-sentence in half its mentions only, and
         * printed "Motors" in 240 of the Reuters stories' lists. */
        double share = PHRASE_SHARE * (double)word->count;
        if ((double)q->count < share && !given &&
            (!(name_phrase(q, ws) || never_lower(q, ws, lower_mid)) ||
             (double)(q->count + inside[h->phrase[j]]) < share))
            continue;
        bool clash = given;
        for (uint32_t i = 0; i < q->n && !clash; i++)
            clash = q->v[i] != v && taken(tw, q->v[i]) && ws[q->v[i]].noun;
        const phrase *b = &st->phrases[best];
        if (!clash && (best == p || q->count > b->count ||
                       (q->count == b->count && q->score > b->score)))
            best = h->phrase[j];
        /* never_lower's names too where the word taken is the name's
         * first ("Occidental Petroleum Corp said ..." then "Occidental
         * said" printed "Occidental" and "Petroleum" in 639 of the
         * Reuters stories' lists), and only that word: not a place
         * before a surname taken ("In Memphis Barbour rested") nor a name
         * around a word taken ("Delhi Australia Fund" for "Australia",
         * once "Delhi" is taken too). */
        bool opens = never_lower(q, ws, lower_mid) && q->v[0] != v && taken(tw, q->v[0]);
        for (uint32_t i = 1; i < q->n && opens; i++)
            opens = q->v[i] == v || !taken(tw, q->v[i]);
        if (clash && (given || name_phrase(q, ws) || opens) &&
            (*name == UINT32_MAX || q->count > st->phrases[*name].count))
            *name = h->phrase[j];
    }
    return best;
}

/* Is the word of one-word phrase p a body's noun ("Bank", "Commission",
 * "Department"), capitalised in at least half its mentions? Half, not
 * most as for other names' words: news names a body once and then often
 * writes its noun in lower case ("the Agriculture Department said ...
 * the department said"); asking for most changed 594 Reuters lists,
 * mostly back to the noun alone ("Department" for "Agriculture
 * Department"). */
static bool body_word(const kw_state *st, const phrase *p)
{
    static const char *const shared[] = {"bank", "exchange", "fund", "group", "office", "union"};
    const pcs_doc *doc = st->doc;
    const pcs_token *t = &doc->toks[st->occ_tok[p->first_occ]];
    const word_stats *w = &st->ws[p->v[0]];
    if (2 * w->names < w->count)
        return false;
    if (institution_noun(doc, t))
        return true;
    for (size_t i = 0; i < sizeof shared / sizeof *shared; i++)
        if (any_case_is(doc->text + t->start, t->len, shared[i]))
            return true;
    return false;
}

/* Is phrase r written as a name, every word capitalised ("Law
 * Commission", "Bank of England": its "of" aside), in most of its
 * occurrences? */
static bool written_as_name(const kw_state *st, const phrase *r)
{
    uint32_t capitalised = 0, all = 0;
    for (uint32_t o = r->first_occ; o != UINT32_MAX; o = st->occ_next[o], all++) {
        const pcs_token *t = &st->doc->toks[st->occ_tok[o]];
        uint32_t k = 0;
        while (k < st->occ_span[o] && (t[k].term == UINT32_MAX || (t[k].flags & PCS_TOK_UPPER)))
            k++;
        capitalised += k == st->occ_span[o];
    }
    return 2 * capitalised > all;
}

/* The name that ends in word v and is written more often than every
 * other such name together ("Export-Import Bank" for "the Bank"), or
 * UINT32_MAX when there is none ("Midland Bank" and "Trustee Savings
 * Bank" once each). */
static uint32_t only_name_headed_by(const kw_state *st, const holders *h, uint32_t v)
{
    uint32_t best = UINT32_MAX, total = 0;
    for (uint32_t j = h->ptr[v]; j < h->ptr[v + 1]; j++) {
        const phrase *r = &st->phrases[h->phrase[j]];
        if (r->n < 2 || r->v[r->n - 1] != v || !written_as_name(st, r))
            continue;
        total += r->count;
        if (best == UINT32_MAX || r->count > st->phrases[best].count)
            best = h->phrase[j];
    }
    return best != UINT32_MAX && 2 * st->phrases[best].count > total ? best : UINT32_MAX;
}

/* A name whose other words are terms already, each alone, is their topic
 * and the word's: "American" and then "Airlines" of "American Airlines",
 * "Occidental" and "Petroleum", "Daniel" and "Craig". It replaces them, in
 * the place of the first, as a phrase holding words taken alone does in
 * phrase mode. The slot of the first, or UINT32_MAX when some other word
 * of the name was taken otherwise (inside a phrase, or as a word of its
 * family); the others' slots are marked in drop. */
static uint32_t name_slot(const kw_state *st, uint32_t name, uint32_t v, const uint32_t *chosen,
                          uint32_t n, const word_stats *ws, const taken_words *tw, bool *drop)
{
    const phrase *q = &st->phrases[name];
    uint32_t slot = UINT32_MAX;
    for (uint32_t c = 0; c < n; c++)
        drop[c] = false;
    for (uint32_t i = 0; i < q->n; i++) {
        if (q->v[i] == v || !taken(tw, q->v[i]) || !ws[q->v[i]].noun)
            continue;
        uint32_t c = 0;
        while (c < n && !(st->phrases[chosen[c]].n == 1 && st->phrases[chosen[c]].v[0] == q->v[i]))
            c++;
        if (c == n)
            return UINT32_MAX;
        drop[c] = true;
        slot = slot < c ? slot : c;
    }
    if (slot != UINT32_MAX)
        drop[slot] = false;
    return slot;
}

/* Is name written at least half as often as each chosen word it would
 * replace (chosen[slot] and those marked in drop, name_slot)? */
static bool holds_their_mentions(const kw_state *st, const phrase *name, const uint32_t *chosen,
                                 uint32_t n, uint32_t slot, const bool *drop)
{
    for (uint32_t c = 0; c < n; c++)
        if ((c == slot || drop[c]) && 2 * name->count < st->phrases[chosen[c]].count)
            return false;
    return true;
}

/* Is one of phrases a and b an acronym of the other: one word in capitals
 * spelling the initials of the other's capitalised words ("GM" and
 * "General Motors", "SEC" and "Securities and Exchange Commission", "RTZ"
 * and "Rio Tinto-Zinc")? They are one topic, which 370 of the Reuters and
 * fixture lists held twice. */
static bool acronym_pair(const kw_state *st, const phrase *a, const phrase *b)
{
    if (a->n != 1) {
        const phrase *swap = a;
        a = b;
        b = swap;
    }
    if (a->n != 1 || b->n < 2)
        return false;
    const pcs_doc *doc = st->doc;
    const pcs_token *t = &doc->toks[st->occ_tok[a->first_occ]];
    const char *s = doc->text + t->start;
    uint32_t len = bare_len(doc, t), i = 0;
    if (len < 2 || len > 2 * MAX_PHRASE || !all_capitals(s, len))
        return false;
    const pcs_token *u = &doc->toks[st->occ_tok[b->first_occ]];
    for (uint32_t k = 0; k < st->occ_span[b->first_occ]; k++) {
        const char *w = doc->text + u[k].start;
        for (uint32_t j = 0; j < u[k].len; j++)
            if ((j == 0 || w[j - 1] == '-') && w[j] >= 'A' && w[j] <= 'Z' &&
                (i == len || w[j] != s[i++]))
                return false;
    }
    return i == len;
}

/* Rank the phrases collected in st and choose the top o->keywords, one
 * per topic, into *out (in the arena). Not inlined: inlined into
 * pcs_keywords, it cost 1,200 instructions an article more (bench/README,
 * tenth pass). */
__attribute__((noinline)) static precis_status
choose_terms(kw_state *st, const precis_options *o, const double *weight, uint32_t nv,
             bool by_words, pcs_keyterm **out, uint32_t *n_out, precis_error *err)
{
    const word_stats *ws = st->ws;
    const pcs_doc *doc = st->doc;
    pcs_arena *arena = st->arena;
    scored *rank = pcs_arena_alloc(arena, (st->n_phrases ? st->n_phrases : 1) * sizeof *rank);
    pcs_keyterm *kt = pcs_arena_alloc(arena, o->keywords * sizeof *kt);
    holders h = {0};
    uint32_t *chosen = pcs_arena_alloc(arena, o->keywords * sizeof *chosen);
    /* Per phrase: among chosen[0, n). A search of chosen for every
     * candidate grew with -k (a fifth of -k 10000 on 10 MB). */
    bool *is_chosen = pcs_arena_calloc(arena, st->n_phrases ? st->n_phrases : 1, sizeof *is_chosen);
    bool topics = !(o->ablate & PRECIS_ABLATE_KEY_TOPICS);
    taken_words tw = {.doc = doc, .ws = ws, .merge = topics,
                      .listed = pcs_arena_calloc(arena, nv, sizeof *tw.listed)};
    bool *drop = pcs_arena_alloc(arena, o->keywords * sizeof *drop);
    uint32_t *inside = count_inside(st, arena);
    if (!rank || !kt || !tw.listed || !chosen || !is_chosen || !drop || !inside ||
        (by_words && !index_holders(st, nv, arena, &h)))
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    double single = o->ablate & PRECIS_ABLATE_KEY_SINGLE ? 1.0 : SINGLE_WORD_WEIGHT;
    for (uint32_t p = 0; p < st->n_phrases; p++) {
        st->phrases[p].score = (o->ablate & PRECIS_ABLATE_KEY_SCORES)
                                   ? first_k_score(st, &st->phrases[p])
                                   : phrase_score(&st->phrases[p], weight, by_words, single);
        rank[p] = (scored){st->phrases[p].score, p};
    }
    /* Best first from a heap: only the few best candidates are ever
     * looked at, so no full sort. */
    for (uint32_t i = st->n_phrases / 2; i-- > 0;)
        sift_down(rank, st->n_phrases, i);
    uint32_t n = 0;
    for (uint32_t left = st->n_phrases; left > 0 && n < o->keywords;) {
        scored best = rank[0];
        rank[0] = rank[--left];
        sift_down(rank, left, 0);
        uint32_t pi = best.index, merge_at = UINT32_MAX;
        bool whole_name = false; /* pi prints word best.index's name */
        if (by_words && st->phrases[pi].n == 1) {
            uint32_t word = pi, name;
            pi = representative(st, pi, &h, inside, &tw, &name);
            /* A body's noun alone ("the Bank said", "the Commission")
             * stands for the name it ends ("Export-Import Bank", "Bank of
             * England", "Electoral Commission"), a name as any other
             * below. Where no name ends it, or several do about as often
             * ("Midland Bank", "Barclays Bank"), it is no tag. Over the
             * Reuters stories' lists such nouns alone fell from 1,263 to
             * 271. */
            bool body = pi == word && name == UINT32_MAX && topics &&
                        body_word(st, &st->phrases[word]);
            if (body && (name = only_name_headed_by(st, &h, st->phrases[word].v[0])) == UINT32_MAX)
                continue;
            if (pi == word && name != UINT32_MAX && topics)
                merge_at = name_slot(st, name, st->phrases[word].v[0], chosen, n, ws, &tw, drop);
            /* A body's name is the topic of a word taken alone that it
             * holds only where it holds half that word's mentions or more:
             * "Hanson Trust" for "Hanson", "Commerce Department" for
             * "Commerce", but not "Delhi Australia Fund" for "Australia". */
            if (body && merge_at != UINT32_MAX &&
                !holds_their_mentions(st, &st->phrases[name], chosen, n, merge_at, drop))
                continue;
            if (merge_at != UINT32_MAX)
                pi = name;
            /* The rest of a name whose first words are a term already
             * ("Credit" of "Ford Motor Credit" once "Ford Motor" is) is
             * no term alone. */
            else if (pi == word && name != UINT32_MAX && topics &&
                     holds_a_chosen_phrase(st, &st->phrases[name], chosen, n))
                continue;
            else if (pi == word && 2 * st->heads[st->phrases[pi].v[0]] < st->phrases[pi].count)
                continue;
            /* A name's word whose name shares another word with a term
             * of another topic prints as that name: "Dome Petroleum"
             * beside "Dome Mines", "Bank of England" beside "Bank of
             * Tokyo", "Robert Byrd" beside "Robert Dole". Alone it was a
             * fragment ("Petroleum", "England", "Byrd") in 208 of the
             * Reuters stories' lists. The name is the word's topic, not
             * the other term's (whole_name). */
            else if (pi == word && name != UINT32_MAX && topics &&
                     (body || 2 * ws[st->phrases[pi].v[0]].names > ws[st->phrases[pi].v[0]].count)) {
                pi = name;
                whole_name = true;
            }
        }
        const phrase *p = &st->phrases[pi];
        /* A unit of time or a noun that attributes speech is no tag alone
         * ("year", "week", "ans", "spokesman", "officials"), though it may
         * end one ("fiscal year"). */
        if (p->n == 1 && doc->terms[ws[p->v[0]].term].not_alone)
            continue;
        /* One term per topic. Words: a term sharing a noun (or a word of
         * its family) with one taken is the same topic; a whole name
         * only when its word is (the others are another topic's).
         * Phrases, whose topics are finer: one holding all the words of
         * another ("Kuril" and "Kuril islands", "computers" and "computer
         * systems"). */
        bool same_topic = is_chosen[pi];
        for (uint32_t i = 0;
             i < p->n && !same_topic && topics && by_words && merge_at == UINT32_MAX; i++)
            same_topic = (!whole_name || p->v[i] == st->phrases[best.index].v[0]) &&
                         taken(&tw, p->v[i]) && ws[p->v[i]].noun;
        /* A phrase holding words already taken alone replaces them, in
         * the place of the first ("machine learning models" for "models"
         * and "machine"): the words ranked high on their own, the phrase
         * says what they are. */
        uint32_t slot = merge_at < n ? merge_at : n, held = 0;
        for (uint32_t c = 0; c < n && !same_topic && topics && !by_words; c++) {
            const phrase *q = &st->phrases[chosen[c]];
            if (contains(q, p, &tw) || (q->n > 1 && contains(p, q, &tw)))
                same_topic = true;
            else if (contains(p, q, &tw) && p->count < q->count)
                same_topic = true; /* the word stands alone more often */
            else if (contains(p, q, &tw))
                slot = held++ ? slot : c;
        }
        for (uint32_t c = 0; c < n && !same_topic && topics; c++)
            same_topic = acronym_pair(st, p, &st->phrases[chosen[c]]);
        if (same_topic)
            continue;
        bool stored = true;
        for (uint32_t i = 0; i < p->n && stored; i++)
            stored = take(&tw, p->v[i]);
        uint32_t len;
        const char *surface = stored ? best_surface(st, p, arena, &len) : NULL;
        if (!surface) {
            free_taken(&tw);
            return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
        }
        double score = slot < n ? kt[slot].score : best.score;
        if (merge_at < n || held > 1) {
            /* Drop the other words it holds, taken alone after its slot
             * (a name's are marked in drop). */
            uint32_t m = 0;
            for (uint32_t c = 0; c < n; c++)
                if (merge_at < n ? !drop[c]
                                 : c <= slot || !contains(p, &st->phrases[chosen[c]], &tw)) {
                    chosen[m] = chosen[c];
                    kt[m++] = kt[c];
                } else {
                    is_chosen[chosen[c]] = false;
                }
            n = m;
        }
        if (slot < n)
            is_chosen[chosen[slot]] = false;
        chosen[slot] = pi;
        is_chosen[pi] = true;
        kt[slot] = (pcs_keyterm){surface, len, score, p->count + inside[pi]};
        if (slot == n)
            n++;
    }
    free_taken(&tw);
    /* Scores on one scale whatever the text and mode: the best term's is
     * 1. */
    double top = n ? kt[0].score : 0;
    for (uint32_t i = 0; i < n && top > 0; i++)
        kt[i].score /= top;
    *out = kt;
    *n_out = n;
    return PRECIS_OK;
}

precis_status pcs_keywords(const pcs_doc *doc, pcs_arena *arena, const precis_options *o,
                           pcs_keyterm **out, uint32_t *n_out, precis_error *err)
{
    *out = NULL;
    *n_out = 0;
    if (o->keywords == 0)
        return PRECIS_OK;

    size_t nt = doc->n_terms ? doc->n_terms : 1;
    uint8_t *cand = pcs_arena_alloc(arena, doc->n_toks ? doc->n_toks : 1);
    uint32_t *vertex = pcs_arena_alloc(arena, nt * sizeof *vertex);
    bool *lower_mid = pcs_arena_calloc(arena, nt, sizeof *lower_mid);
    if (!cand || !vertex || !lower_mid)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    kw_language lang = language_of(doc);
    uint32_t nv;
    if (!classify_tokens(doc, &lang, arena, cand, vertex, &nv))
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    if (nv == 0)
        return PRECIS_OK;
    word_stats *ws = pcs_arena_calloc(arena, nv, sizeof *ws);
    double *weight = pcs_arena_alloc(arena, nv * sizeof *weight);
    if (!ws || !weight)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    gather_word_stats(doc, cand, vertex, ws, lower_mid);
    bool by_words = !(o->ablate & PRECIS_ABLATE_KEY_WORDS) &&
                    tag_by_words(doc, ws, nv, !(o->ablate & PRECIS_ABLATE_KEY_SPEECH));
    precis_status r = word_weights(doc, cand, vertex, ws, nv, by_words, o, arena, weight, err);
    if (r != PRECIS_OK)
        return r;

    /* One phrase and one occurrence per token at most, twice with words:
     * that much room for a news article's (up to INITIAL_PHRASES); longer
     * texts, whose phrases repeat, grow the arrays. The table starts large
     * enough for a news article's phrases (a few hundred). */
    uint32_t room = doc->n_toks < INITIAL_PHRASES / 2 ? doc->n_toks * 2 + 1 : INITIAL_PHRASES;
    uint32_t size = 16;
    while (size < 2 * room && size < INITIAL_PHRASE_SLOTS)
        size <<= 1;
    kw_state st = {.doc = doc,
                   .vertex = vertex,
                   .ws = ws,
                   .lower_mid = lower_mid,
                   .arena = arena,
                   .phrase_cap = room,
                   .occ_cap = room,
                   .adjectives_follow = lang.adjectives_follow,
                   .of_names = lang.of_names};
    st.phrases = pcs_arena_alloc(arena, (size_t)room * sizeof *st.phrases);
    st.occ_tok = pcs_arena_alloc(arena, (size_t)room * sizeof *st.occ_tok);
    st.occ_next = pcs_arena_alloc(arena, (size_t)room * sizeof *st.occ_next);
    st.occ_span = pcs_arena_alloc(arena, room);
    st.heads = pcs_arena_calloc(arena, nv, sizeof *st.heads);
    if (!st.phrases || !st.occ_tok || !st.occ_next || !st.occ_span || !st.heads ||
        !table_resize(&st, size) ||
        !collect_phrases(&st, cand, by_words, !(o->ablate & PRECIS_ABLATE_KEY_GENERAL)))
        r = pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    else
        r = choose_terms(&st, o, weight, nv, by_words, out, n_out, err);
    if (st.phrases_moved)
        free(st.phrases);
    if (st.occ_moved)
        free(st.occ_tok), free(st.occ_next), free(st.occ_span);
    return r;
}
