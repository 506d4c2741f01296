/* Stage 7, key terms: phrases, surface forms, limits and order, and the
 * nonkey word list that stands in for a part-of-speech tagger. */
#include "stages.h"
#include "language.h"

#include <strings.h>

typedef struct fixture {
    stage_fixture stage;
    pcs_keyterm *kt;
    uint32_t n;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    *state = f;
    return f ? stage_init(&f->stage) : -1;
}

static int teardown(void **state)
{
    fixture *f = *state;
    stage_fini(&f->stage);
    free(f);
    return 0;
}

static void run(fixture *f, const char *text)
{
    assert_int_equal(stage_tokens(&f->stage, text), PRECIS_OK);
    assert_int_equal(pcs_keywords(&f->stage.doc, &f->stage.s->arena, &f->stage.opt, &f->kt,
                                  &f->n, NULL),
                     PRECIS_OK);
}

static int find(const fixture *f, const char *term)
{
    for (uint32_t i = 0; i < f->n; i++)
        if (strcmp(f->kt[i].surface, term) == 0)
            return (int)i;
    return -1;
}

static const char *text =
    "Machine learning models need data. Researchers train machine learning "
    "models on large data sets. Neural networks are machine learning models "
    "too. Data quality limits what neural networks learn. Good data beats "
    "clever models.";

/* Does any key term end with the word w (or is it)? */
static bool any_ends_with(const fixture *f, const char *w)
{
    size_t n = strlen(w);
    for (uint32_t i = 0; i < f->n; i++) {
        const char *s = f->kt[i].surface;
        size_t len = f->kt[i].surface_len;
        if (len >= n && strcmp(s + len - n, w) == 0 && (len == n || s[len - n - 1] == ' '))
            return true;
    }
    return false;
}

/* find, ignoring ASCII case: -1 when no key term is `term` in any case. */
static int find_any_case(const fixture *f, const char *term)
{
    for (uint32_t i = 0; i < f->n; i++)
        if (strcasecmp(f->kt[i].surface, term) == 0)
            return (int)i;
    return -1;
}

static bool any_contains(const fixture *f, const char *w)
{
    for (uint32_t i = 0; i < f->n; i++)
        if (strstr(f->kt[i].surface, w))
            return true;
    return false;
}

static void multi_word_phrases(void **state)
{
    fixture *f = *state;
    run(f, text);
    assert_true(f->n > 0 && f->n <= 10);
    assert_true(find(f, "machine learning models") >= 0);
    /* "learn" is only ever a verb: it ends the phrase before it. */
    assert_true(find(f, "neural networks") >= 0);
    assert_int_equal(find(f, "neural networks learn"), -1);
    assert_int_equal(find(f, "Neural networks"), -1);
    /* One term per topic: "data" is said by the phrases that hold it. */
    assert_int_equal(find(f, "data"), -1);
    /* Best first. */
    for (uint32_t i = 1; i < f->n; i++)
        assert_true(f->kt[i - 1].score >= f->kt[i].score);
    /* Stopwords never stand alone as key terms. */
    assert_int_equal(find(f, "are"), -1);
    assert_int_equal(find(f, "on"), -1);
}

static void counts_occurrences(void **state)
{
    fixture *f = *state;
    /* Three runs of exactly these words: a comma, the stopword "we" and
     * "ever" (only ever an adverb) end them. */
    run(f, "Of machine learning models, few are small. The machine learning models we "
           "trained were slow and costly. Are machine learning models ever fair?");
    int i = find(f, "machine learning models");
    assert_true(i >= 0);
    assert_int_equal(f->kt[i].count, 3);
}

/* A text longer than the room reserved for a news article's phrases and
 * occurrences (INITIAL_PHRASES, 16,384): the arrays grow, and lose
 * nothing. Each of the 9,000 sentences holds a name of made-up words of its
 * own (ending in "um", so that no two stem alike and make near-duplicate
 * sentences); the phrase first comes once some 9,000 phrases are in, so
 * that its entry is moved with the upper half of the room. */
static void long_texts_grow_their_phrases(void **state)
{
    fixture *f = *state;
    enum { SENTENCES = 9000, BEFORE = 3000 };
    size_t cap = (size_t)SENTENCES * 64, at = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    for (unsigned i = 0; i < SENTENCES; i++)
        at += (size_t)snprintf(t + at, cap - at, "%s Zo%c%c%cum Vu%c%c%cum.%s",
                               i < BEFORE ? "Rivals praised" : "Machine learning models beat",
                               'a' + i % 26, 'a' + i / 26 % 26, 'a' + i / 676 % 26, 'a' + i % 26,
                               'a' + i / 26 % 26, 'a' + i / 676 % 26, i % 10 == 9 ? "\n\n" : " ");
    run(f, t);
    free(t);
    int i = find_any_case(f, "machine learning models");
    assert_true(i >= 0);
    assert_int_equal(f->kt[i].count, SENTENCES - BEFORE);
}

static void most_frequent_spelling(void **state)
{
    fixture *f = *state;
    /* "Kuril islands" twice mid-sentence, "Kuril Islands" once, and once
     * at the start of a sentence: the plain mid-sentence form wins. */
    run(f, "Japan claims the Kuril islands. Russia holds the Kuril islands. "
           "Talks on the Kuril Islands stalled. Kuril Islands fishermen wait. "
           "Japan and Russia still claim them.");
    assert_true(find(f, "Kuril islands") >= 0);
    assert_int_equal(find(f, "Kuril Islands"), -1);
}

/* A headline word in capitals keeps its capitals: lowering only its first
 * letter, as for a sentence-start capital, gave "cURRENCY". */
static void headline_capitals_are_not_half_lowered(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "CURRENCY LOSS PUSHES OPEC DEBT UP\nThe currency fell again. Its loss worried "
           "OPEC, whose debt grew. The currency loss was large. OPEC met on debt.");
    assert_false(any_contains(f, "cURRENCY"));
    assert_true(any_contains(f, "OPEC"));
    /* A hyphenated word in capitals too. */
    run(f, "TRIPLE-EXPIRATION NEARS\nTRIPLE-EXPIRATION worries traders. Brokers fear "
           "triple-expiration days. Traders hedge before each triple-expiration.");
    assert_false(any_contains(f, "tRIPLE"));
}

static void possessive_is_not_preferred(void **state)
{
    fixture *f = *state;
    run(f, "Putin\xE2\x80\x99s visit to Tokyo was short. Putin met the emperor. "
           "Putin\xE2\x80\x99s aides said Putin would return. Tokyo was calm.");
    assert_true(find(f, "Putin") >= 0);
    assert_int_equal(find(f, "Putin\xE2\x80\x99s"), -1);
    /* In a headline in capitals too. */
    run(f, "CANADA'S WILSON SEEKS BORROWING POWER\nFinance Minister Michael Wilson asked "
           "Parliament for borrowing power. Wilson said Canada needs the borrowing power.");
    assert_false(any_contains(f, "CANADA'S"));
    /* A name's possessive is the name, though its last word alone is a
     * verb ("express", "united") or an adjective ("continental"). */
    f->stage.opt.keywords = 20;
    run(f, "Analysts expect American Express's card profit to grow. The Fed's policy, "
           "United's fares and Continental's routes matter less to card profit. "
           "Analysts like American Express's card business.");
    assert_true(find(f, "American Express") >= 0);
    assert_true(find(f, "Fed") >= 0);
    assert_true(find(f, "United") >= 0);
    assert_true(find(f, "Continental") >= 0);
    /* Straight before a reporting verb an 's is the name's ("Moody's
     * said"), not a possessive: the name prints with it. */
    run(f, "Moody's said on Tuesday it cut the rating of Spain. The rating cut by Moody's hit "
           "Spanish banks. Standard & Poor's said it would follow Moody's. Putin's aides met.");
    assert_true(find(f, "Moody's") >= 0);
    assert_true(find(f, "Standard & Poor's") >= 0);
    assert_int_equal(find(f, "Moody"), -1);
    assert_int_equal(find(f, "Putin's"), -1);
}

static void limit_and_none(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 2;
    run(f, text);
    assert_int_equal(f->n, 2);
    f->stage.opt.keywords = 0;
    run(f, text);
    assert_int_equal(f->n, 0);
    assert_null(f->kt);
}

static void numbers_are_not_key_terms(void **state)
{
    fixture *f = *state;
    run(f, "Sales rose 31 percent to 2005 units. In 2005 sales of units rose again. "
           "Units sold in 2005 were 31 more.");
    assert_int_equal(find(f, "2005"), -1);
    assert_int_equal(find(f, "31"), -1);
}

/* A run of letters longer than any word (an encoded blob, a pasted
 * address) is no key term however often it comes, and the words around
 * it still are; a long real word still is one. */
static void junk_runs_are_not_key_terms(void **state)
{
    fixture *f = *state;
    char junk[160], story[1024];
    memset(junk, 'q', sizeof junk - 1);
    junk[sizeof junk - 1] = '\0';
    snprintf(story, sizeof story,
             "The %s reactor failed. Engineers studied the %s reactor. The %s "
             "reactor was shut. Rindfleischetikettierungsueberwachungsaufgabenuebertragungsgesetz "
             "tests reactor rules.",
             junk, junk, junk);
    run(f, story);
    assert_false(any_contains(f, "qqqq"));
    assert_true(any_contains(f, "reactor"));
    assert_true(any_contains(f, "Rindfleischetikettierungsueberwachungsaufgabenuebertragungsgesetz"));
}

static void word_classes(void **state)
{
    (void)state;
    const pcs_language_data *en = pcs_language_data_for("english");
    assert_non_null(en);
    /* WordNet has these only as an adverb, or as verb forms that are not
     * noun forms ("boost" is a noun, "boosted" is not). */
    assert_int_equal(pcs_language_word_class(en, "sharply", 7), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(en, "boosted", 7), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(en, "went", 4), PCS_WORD_NONKEY);
    /* Reporting verbs, units and past tenses of news copy that WordNet
     * also knows as adjectives or nouns (listed by hand). */
    assert_int_equal(pcs_language_word_class(en, "said", 4), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(en, "told", 4), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(en, "pct", 3), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(en, "mln", 3), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(en, "rose", 4), PCS_WORD_NONKEY);
    /* Adjectives that point or count, as determiners do (listed by hand);
     * those that also name a concept are not listed bare ("specific heat":
     * "specific" is mostly an adjective, so it may begin a term). */
    assert_int_equal(pcs_language_word_class(en, "various", 7), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(en, "so-called", 9), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(en, "given", 5), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(en, "specific", 8), PCS_WORD_ADJECTIVE);
    /* Noun forms that SemCor tags mostly as verbs, and "using"; not
     * -ing forms (gerunds head terms), nor plurals WordNet lists as
     * nouns of their own ("talks", "remains"). */
    assert_int_equal(pcs_language_word_class(en, "presents", 8), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(en, "show", 4), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(en, "take", 4), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(en, "using", 5), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(en, "computing", 9), PCS_WORD_OPEN);
    assert_int_equal(pcs_language_word_class(en, "talks", 5), PCS_WORD_OPEN);
    assert_int_equal(pcs_language_word_class(en, "results", 7), PCS_WORD_OPEN);
    /* Adjectives that are never nouns. */
    assert_int_equal(pcs_language_word_class(en, "agreed", 6), PCS_WORD_MODIFIER);
    assert_int_equal(pcs_language_word_class(en, "economic", 8), PCS_WORD_MODIFIER);
    /* Nouns, and near misses of listed words. */
    assert_int_equal(pcs_language_word_class(en, "islands", 7), PCS_WORD_OPEN);
    assert_int_equal(pcs_language_word_class(en, "boost", 5), PCS_WORD_OPEN);
    assert_int_equal(pcs_language_word_class(en, "sharpl", 6), PCS_WORD_OPEN);
    assert_int_equal(pcs_language_word_class(en, "sharplyx", 8), PCS_WORD_OPEN);
    assert_int_equal(pcs_language_word_class(en, "agreedx", 7), PCS_WORD_OPEN);
    assert_int_equal(pcs_language_word_class(en, "\xC3\xA9t\xC3\xA9", 5), PCS_WORD_OPEN);
    /* Only the first len bytes count. */
    assert_int_equal(pcs_language_word_class(en, "agreedx", 6), PCS_WORD_MODIFIER);
    /* Days and months (listed by hand), in French too; "mars" is also
     * the planet. */
    assert_int_equal(pcs_language_word_class(en, "thursday", 8), PCS_WORD_DATE);
    assert_int_equal(pcs_language_word_class(en, "sept", 4), PCS_WORD_DATE);
    assert_int_equal(pcs_language_word_class(en, "thursdays", 9), PCS_WORD_OPEN);
    /* Units of time and ordinals (listed by hand). */
    assert_int_equal(pcs_language_word_class(en, "year", 4), PCS_WORD_UNIT);
    assert_int_equal(pcs_language_word_class(en, "weeks", 5), PCS_WORD_UNIT);
    assert_int_equal(pcs_language_word_class(en, "morning", 7), PCS_WORD_UNIT);
    assert_int_equal(pcs_language_word_class(en, "ab", 2), PCS_WORD_MODIFIER);
    assert_int_equal(pcs_language_word_class(en, "flanker", 7), PCS_WORD_TITLE);
    assert_int_equal(pcs_language_word_class(en, "hooker", 6), PCS_WORD_OPEN);
    assert_int_equal(pcs_language_word_class(en, "first", 5), PCS_WORD_MODIFIER);
    assert_int_equal(pcs_language_word_class(en, "ninth", 5), PCS_WORD_MODIFIER);
    assert_int_equal(pcs_language_word_class(en, "net", 3), PCS_WORD_MODIFIER);
    assert_int_equal(pcs_language_word_class(en, "behalf", 6), PCS_WORD_FRAME);
    assert_int_equal(pcs_language_word_class(en, "minister", 8), PCS_WORD_TITLE);
    assert_int_equal(pcs_language_word_class(en, "spokesman", 9), PCS_WORD_SOURCE);
    assert_int_equal(pcs_language_word_class(en, "regard", 6), PCS_WORD_NONKEY);
    /* Mostly adjectives in SemCor, though nouns too; "high" stays open. */
    assert_int_equal(pcs_language_word_class(en, "common", 6), PCS_WORD_ADJECTIVE);
    assert_int_equal(pcs_language_word_class(en, "prior", 5), PCS_WORD_ADJECTIVE);
    assert_int_equal(pcs_language_word_class(en, "high", 4), PCS_WORD_OPEN);
    assert_int_equal(pcs_language_word_class(en, "former", 6), PCS_WORD_MODIFIER);
    const pcs_language_data *fr = pcs_language_data_for("french");
    assert_int_equal(pcs_language_word_class(fr, "juillet", 7), PCS_WORD_DATE);
    assert_int_equal(pcs_language_word_class(fr, "ao\xC3\xBBt", 5), PCS_WORD_DATE);
    assert_int_equal(pcs_language_word_class(fr, "d\xC3\xA9" "c", 4), PCS_WORD_DATE);
    assert_int_equal(pcs_language_word_class(fr, "mars", 4), PCS_WORD_OPEN);
    assert_int_equal(pcs_language_word_class(fr, "ans", 3), PCS_WORD_UNIT);
    assert_int_equal(pcs_language_word_class(fr, "sein", 4), PCS_WORD_FRAME);
    assert_int_equal(pcs_language_word_class(fr, "ann\xC3\xA9" "es", 7), PCS_WORD_UNIT);
    /* French verb forms and adverbs from Dicollecte; not those that are
     * also nouns or adjectives. Adjectives and past participles that are
     * never nouns are modifiers. */
    assert_int_equal(pcs_language_word_class(fr, "estiment", 8), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(fr, "cessera", 7), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(fr, "rapidement", 10), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(fr, "trentaine", 9), PCS_WORD_NONKEY);
    assert_int_equal(pcs_language_word_class(fr, "analyse", 7), PCS_WORD_OPEN);
    assert_int_equal(pcs_language_word_class(fr, "restaurant", 10), PCS_WORD_OPEN);
    assert_int_equal(pcs_language_word_class(fr, "form\xC3\xA9" "e", 7), PCS_WORD_MODIFIER);
    assert_int_equal(pcs_language_word_class(fr, "bancaire", 8), PCS_WORD_MODIFIER);
    assert_int_equal(pcs_language_word_class(fr, "fran\xC3\xA7" "ais", 8), PCS_WORD_OPEN);
    /* A language without a list: every word is open. */
    const pcs_language_data *de = pcs_language_data_for("german");
    assert_int_equal(pcs_language_word_class(de, "montag", 6), PCS_WORD_OPEN);
    assert_int_equal(pcs_language_word_class(NULL, "sharply", 7), PCS_WORD_OPEN);
}

static void verbs_and_adverbs_are_not_key_terms(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 50;
    run(f, "Coffee prices rose sharply in Paris. Coffee prices went up sharply in Lyon. "
           "Coffee growers boosted exports. Exports boosted coffee prices.");
    assert_true(f->n > 0);
    assert_false(any_contains(f, "sharply"));
    assert_false(any_contains(f, "went"));
    assert_false(any_contains(f, "boosted"));
    /* They break phrases: "exports" and "coffee prices" stand apart. */
    assert_true(find(f, "exports") >= 0);
    assert_true(find(f, "coffee prices") >= 0);
}

/* Prepositions and conjunctions that the stopword list lacks are no
 * terms and no part of one ("positions amidst uncertainty", "versus"). */
static void function_words_are_not_key_terms(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 50;
    run(f, "Cattle prices were steady amid moderate demand. Hog prices fell versus last week "
           "amid moderate demand. Traders kept positions amidst uncertainty. Cattle demand "
           "rose whilst hog demand fell, whereby traders gained.");
    assert_true(f->n > 0);
    static const char *const words[] = {"amid", "versus", "whilst", "whereby"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        assert_false(any_contains(f, words[i]));
    assert_true(find(f, "moderate demand") >= 0);
}

/* Forms that are nouns too but mostly verbs ("show", "presents") glue no
 * clause into a term. */
static void mostly_verbs_break_phrases(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 50;
    run(f, "This paper presents adaptive algorithms for mutual exclusion. Experimental results "
           "show that the adaptive algorithms are fast. We solve mutual exclusion using read "
           "operations.");
    assert_true(f->n > 0);
    assert_false(any_contains(f, "presents"));
    assert_false(any_contains(f, "show"));
    assert_false(any_contains(f, "using"));
    assert_true(find(f, "adaptive algorithms") >= 0);
    assert_true(find(f, "mutual exclusion") >= 0);
    assert_true(find(f, "Experimental results") >= 0 || find(f, "experimental results") >= 0);
}

/* A mostly-verb form capitalised inside a name is the name's word; the
 * same form in lower case, or as the verb of a headline quoted in a
 * sentence, still breaks the phrase. */
static void capitalised_verbs_inside_names(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 50;
    run(f, "Farmers in Lower Saxony want lower prices for feed. The Finance Ministry "
           "in Bonn will finance the new dairy subsidies. Dairy subsidies in Lower Saxony "
           "rose last year, the Finance Ministry noted.");
    assert_true(find(f, "Lower Saxony") >= 0);
    assert_true(find(f, "Finance Ministry") >= 0);
    assert_int_equal(find(f, "Saxony"), -1);
    assert_false(any_contains(f, "lower prices"));
    assert_false(any_contains(f, "finance the"));
    /* A short sentence with two names is no headline in title case. */
    run(f, "Farmers in Lower Saxony protested.");
    assert_true(find(f, "Lower Saxony") >= 0);
    assert_int_equal(find(f, "Saxony"), -1);
    /* In lower case the verb breaks the phrase, before a name too. */
    run(f, "Banks finance Bonn projects. Bonn projects need banks that finance Bonn.");
    assert_true(find(f, "Bonn projects") >= 0);
    assert_false(any_contains(f, "finance Bonn"));
    run(f, "Moody's upgraded the airline. The item headlined Moody's Cuts Texas Air was "
           "wrong about Texas Air debt, and Texas Air bonds rallied.");
    assert_true(f->n > 0);
    assert_false(any_contains(f, "Cuts"));
    /* After a name's word it ends the name; not after capitals or as an
     * -ed form. */
    run(f, "Merrill Lynch said profits rose. Analysts at Merrill Lynch expect growth. Smith "
           "told Merrill Lynch clients to buy U.S. Dlr bonds. The item said Taiwan Widened "
           "its surplus, and Taiwan exports rose.");
    assert_true(find(f, "Merrill Lynch") >= 0);
    assert_int_equal(find(f, "Merrill"), -1);
    assert_false(any_contains(f, "Dlr"));
    assert_false(any_contains(f, "Widened"));
}

static bool equal_ignoring_case(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if ((*a | 0x20) != (*b | 0x20))
            return false;
    return *a == *b;
}

/* Scraped pages keep entities and addresses: neither is a word. */
static void markup_and_addresses_are_not_key_terms(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "The tour starts in May, Morrison told fans at http://www.matthewmorrison.com/tour "
           "and WWW.GLEE.COM. &quot;The tour is for the fans,&quot; Morrison said. Fans "
           "wrote to tour@glee.example.org and Glee &amp; Morrison answered the fans.");
    assert_true(find(f, "Morrison") >= 0);
    assert_true(find(f, "tour") >= 0);
    static const char *const junk[] = {"http", "www", "com", "quot", "amp", "org",
                                       "glee.example", "matthewmorrison", NULL};
    for (const char *const *w = junk; *w; w++)
        for (uint32_t i = 0; i < f->n; i++)
            if (equal_ignoring_case(f->kt[i].surface, *w))
                fail_msg("'%s' is a key term", f->kt[i].surface);
    /* A full stop or a slash between words is no address. */
    run(f, "Sales of U.S. cars rose. Ford/Chrysler sales rose too. Chrysler sales rose most.");
    assert_true(find(f, "Chrysler sales") >= 0);
    assert_true(find(f, "U.S. cars") >= 0);
}

/* A lower-case participle before a name is the verb acting on it. */
static void participles_before_names_are_verbs(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "Regulators closed Equitable Savings on Friday. The board elected Howard Baker "
           "as chairman, and depositors of Equitable Savings were paid. Howard Baker "
           "praised the speed Ford showed.");
    assert_true(find(f, "Equitable Savings") >= 0);
    assert_true(find(f, "Howard Baker") >= 0);
    assert_false(any_contains(f, "closed"));
    assert_false(any_contains(f, "elected"));
    /* Not a word that only ends in -eed. (Before a name of two words,
     * "speed Ford Motor", any lower-case word is left out as a role:
     * titles_before_names_are_left_out.) */
    assert_true(find(f, "speed Ford") >= 0);
    /* So is an -ing form, but a noun's before a day or a month. */
    run(f, "Rovers signed Smith after beating Tranmere, and fans cheered the striker joining "
           "Tranmere Rovers. Rovers said the annual meeting Tuesday would approve the fiscal year "
           "ending March 31.");
    assert_false(any_contains(f, "beating"));
    assert_false(any_contains(f, "joining"));
    assert_true(find(f, "annual meeting") >= 0);
    assert_true(find(f, "fiscal year ending") >= 0);
}

/* A short text that reports speech twice is a story: tagged by its names
 * and topic words, not by its phrases; one "said" does not make an
 * abstract a story. */
static void reported_speech_tags_by_words(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 6;
    const char *story = "Budget talks collapse in Springfield\nMayor Quimby said the budget talks "
                        "collapsed on Monday. The city council blamed the mayor for the budget "
                        "deficit. \"We will not raise taxes,\" Quimby told reporters.";
    run(f, story);
    assert_true(find(f, "Quimby") >= 0);
    assert_int_equal(find(f, "budget talks collapse"), -1);
    run(f, "Budget talks collapse in Springfield\nMayor Quimby said the budget talks "
           "collapsed on Monday. The city council blamed the mayor for the budget deficit.");
    assert_true(find(f, "budget talks collapse") >= 0);
    /* French, with its own list. */
    f->stage.opt.language = "french";
    run(f, "Les négociations budgétaires échouent\nLe maire Dupont a déclaré que les "
           "négociations budgétaires avaient échoué lundi. Selon le conseil municipal, le "
           "déficit budgétaire est grave. Les négociations reprendront en mai. Les "
           "négociations dureront.");
    assert_true(find(f, "négociations") >= 0);
    assert_int_equal(find(f, "négociations budgétaires"), -1);
    /* Words of attribution are never key terms. */
    assert_false(any_contains(f, "déclaré"));
    run(f, "Les négociations budgétaires échouent\nLe maire Dupont a confirmé que les "
           "négociations budgétaires avaient échoué lundi. Pour le conseil municipal, le "
           "déficit budgétaire est grave. Les négociations reprendront en mai. Les "
           "négociations dureront.");
    assert_int_equal(find(f, "négociations budgétaires"), 0);
}

/* The abstract of undated_abstract_with_names_tags_by_phrases, its seventh
 * sentence beginning with `experiments`. */
#define INDEX_ABSTRACT(experiments)                                                         \
    "Search engine index compression for the Web\n"                                           \
    "We study search engine index compression for large collections of Web pages. The "    \
    "search engine index stores posting lists of document identifiers. Posting lists are "  \
    "compressed with variable byte codes and Boolean query operators read them. Our search " \
    "engine index answers Boolean queries over the Internet faster than earlier designs. "  \
    "Compression ratios improve with document reordering by URL similarity. Query latency " \
    "falls because fewer disk blocks are read for each posting list. " experiments          \
    " a crawl of four million Web pages and ten thousand queries. The search engine index "  \
    "fits in main memory for most query workloads."

/* Capitalised words make a story only with a date, length or many of
 * them: an abstract of eight sentences that says "Web", "Boolean" and
 * "Internet" is tagged by its phrases; name a day in it and it reads as a
 * story, tagged by words. */
static void undated_abstract_with_names_tags_by_phrases(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 6;
    run(f, INDEX_ABSTRACT("Experiments use"));
    assert_int_equal(find(f, "search engine index compression"), 0);
    assert_int_equal(find(f, "compression"), -1);
    run(f, INDEX_ABSTRACT("Experiments on Tuesday used"));
    assert_int_equal(find(f, "compression"), 0);
    assert_int_equal(find(f, "search engine index compression"), -1);
}

static void modifiers_never_end_a_key_term(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 50;
    /* "agreed" is an adjective that is never a noun: it may modify a
     * noun, but "Russia agreed" is "Russia"; "said" is never part of a
     * term. */
    run(f, "Foreign minister Lavrov said the talks went well. Lavrov hoped that Japan and "
           "Russia agreed. The agreed plan is good for Russia.");
    assert_true(f->n > 0);
    assert_false(any_ends_with(f, "said"));
    assert_false(any_ends_with(f, "agreed"));
    assert_true(find(f, "Lavrov") >= 0); /* the title left out before a name */
    assert_true(find(f, "agreed plan") >= 0);
}

static void determiner_like_adjectives_start_no_key_term(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 50;
    run(f, "The tool reads various file formats. Such file formats are common. The so-called "
           "causality constraint is strict for the given adjacency matrix. The adjacency matrix "
           "is sparse.");
    assert_true(f->n > 0);
    assert_false(any_contains(f, "various"));
    assert_false(any_contains(f, "so-called"));
    assert_false(any_contains(f, "given"));
    assert_true(find(f, "file formats") >= 0);
    assert_true(find(f, "causality constraint") >= 0);
    assert_true(find(f, "adjacency matrix") >= 0);
}

/* An evaluative adjective (models/en/evaluative.txt) leads no phrase:
 * "novel bitline sensing scheme" is "bitline sensing scheme". In a name it
 * stays: a capital before another capital, at the start of a sentence or
 * in it. */
static void evaluative_adjectives_lead_no_phrase(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 50;
    run(f, "A novel bitline sensing scheme is proposed for low-voltage memories. The bitline "
           "sensing scheme is fast, and each sense amplifier is small. Unlike the conventional "
           "sense amplifier, the novel bitline sensing scheme needs a low supply voltage. Major "
           "League Baseball teams use the memories, and the Major League Baseball office "
           "too.");
    assert_true(f->n > 0);
    for (uint32_t i = 0; i < f->n; i++)
        if (strncmp(f->kt[i].surface, "novel", 5) == 0 ||
            strncmp(f->kt[i].surface, "conventional", 12) == 0)
            fail_msg("term '%s' begins with an evaluative adjective", f->kt[i].surface);
    assert_true(find(f, "bitline sensing scheme") >= 0);
    assert_true(find(f, "sense amplifier") >= 0);
    assert_true(find(f, "Major League Baseball teams") >= 0);
    assert_true(find(f, "Major League Baseball office") >= 0);
}

static void single_word_inside_a_better_phrase(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 50;
    /* "Kuril islands" three times scores 3 x (s(Kuril) + s(island)), far
     * above "Kuril" alone once, 1 x s(Kuril); "Kuril" then adds nothing. */
    run(f, "Japan claims the Kuril islands. Russia holds the Kuril islands. "
           "Fishermen love the Kuril islands. Kuril is a name.");
    assert_true(find(f, "Kuril islands") >= 0);
    assert_int_equal(find(f, "Kuril"), -1);
    assert_true(find(f, "name") >= 0);
    int ki = find(f, "Kuril islands");
    assert_int_equal(f->kt[ki].count, 3);
}


/* In a story (tagged by words) a word prints as the phrase holding it when
 * that phrase is three fifths of its occurrences: "Vegas" is "Las Vegas" two
 * times in three, "rates" "interest rates"; "resorts", one time in two in
 * "casino resorts", stays alone. */
static void story_word_prints_as_its_name(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 10;
    run(f, "Casino owners expand\nCasino owners said on Monday that Las Vegas will get "
           "three casino resorts. Visitors spent more in Las Vegas last year, the owners "
           "said. \"Vegas is back,\" one owner told reporters. Room rates rose. Interest "
           "rates helped the resorts, and interest rates may stay low.");
    assert_true(find(f, "Las Vegas") >= 0);
    assert_int_equal(find(f, "Vegas"), -1);
    assert_true(find(f, "interest rates") >= 0);
    assert_int_equal(find(f, "rates"), -1);
    assert_true(find(f, "resorts") >= 0);
    assert_int_equal(find(f, "casino resorts"), -1);
}

/* ------------------------------------------------------------------------ */
/* What an editor would refuse as tags, checked on real stories with the    */
/* default a user gets (the English news model).                            */
/* ------------------------------------------------------------------------ */

/* Words a key term never begins or ends with: determiners, reporting verbs
 * and the units and magnitudes of wire copy. */
static const char *const never_at_edges[] = {
    "the", "a", "an", "this", "that", "these", "those", "said", "says", "told", "tells",
    "according", "pct", "percent", "mln", "bln", "billion", "million", "dlrs", "dlr", "cts",
    "stg", "tonnes", "shr", "shrs", "avg", "revs", "rev", "mths", "mth", "qtr", "qtrly",
    "oper", "due", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "hrs", "edt", "gmt", NULL};

/* Company forms may sit inside a term, never end one ("Marriott Corp" is
 * tagged "Marriott") or stand alone. */
static const char *const never_last[] = {"inc", "corp", "ltd", "plc", "co", "ab", "sa", "bv",
                                         "kk", NULL};

/* A date is no tag and no part of one ("Dec", "quarter ended Jan"). */
static const char *const dates[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "feb", "apr", "jul", "aug", "today", "tomorrow",
    "sep", "sept", "oct", "nov", "dec", "tue", "tues", "thu", "thur", "thurs", "fri", NULL};

/* A unit of time or a part of a day, an ordinal, a noun that attributes
 * speech or the "net" of earnings tables is no tag alone ("year",
 * "morning", "first", "spokesman"), though a term may hold one ("fiscal
 * year", "first quarter", "net profit"). */
static const char *const never_alone[] = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week",
    "weeks", "month", "months", "quarter", "quarters", "year", "years", "decade", "decades",
    "morning", "afternoon", "evening", "night", "nights", "weekend", "first", "third",
    "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "spokesman",
    "spokeswoman", "official", "officials", "net", NULL};

/* Digits and an ordinal ending ("4th") or a unit ("6p", "5bn"): a number.
 * (term_words splits "6.5p" into "6" and "5p".) */
static bool ordinal_word(const char *w)
{
    size_t d = strspn(w, "0123456789");
    return d > 0 && (strcmp(w + d, "st") == 0 || strcmp(w + d, "nd") == 0 ||
                     strcmp(w + d, "rd") == 0 || strcmp(w + d, "th") == 0 ||
                     strcmp(w + d, "p") == 0 || strcmp(w + d, "bn") == 0);
}

/* The words of a term, lower-cased ASCII runs of letters and digits (the
 * stories are ASCII), at most 16. */
static size_t term_words(const char *term, char words[16][64])
{
    size_t n = 0, len = 0;
    for (const char *c = term;; c++) {
        bool alnum = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                     (*c >= '0' && *c <= '9') || (unsigned char)*c >= 0x80;
        if (alnum && len < 63 && n < 16) {
            words[n][len++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
            continue;
        }
        if (len > 0) {
            words[n++][len] = '\0';
            len = 0;
        }
        if (!*c)
            return n;
    }
}

/* Do two words have the same Porter stem? Scored with the library's own
 * keyphrase matcher, which stems both sides. */
static bool same_stem(const char *a, const char *b)
{
    precis_keyphrase_score sc;
    assert_int_equal(precis_keyphrase_evaluate(&a, 1, &b, 1, 1, &sc, NULL), PRECIS_OK);
    return sc.matched == 1;
}

/* Does every word of a have the stem of some word of b? */
static bool words_within(char a[16][64], size_t na, char b[16][64], size_t nb)
{
    for (size_t i = 0; i < na; i++) {
        bool found = false;
        for (size_t j = 0; j < nb && !found; j++)
            found = same_stem(a[i], b[j]);
        if (!found)
            return false;
    }
    return true;
}

/* Key terms of an article in English with the shipped news model; the result
 * owns its strings, so the model and summarizer are freed here. */
static precis_result *english_key_terms(const char *article, size_t len)
{
    const char *src = getenv("PRECIS_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/models/en/news.model", src ? src : ".");
    precis_model *model = NULL;
    assert_int_equal(precis_model_load(path, &model, NULL), PRECIS_OK);
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    precis_options o;
    precis_options_init(&o, sizeof o);
    o.language = "english";
    o.model = model;
    precis_result *r = NULL;
    assert_int_equal(precis_extract_keywords(s, article, len, &o, &r, NULL), PRECIS_OK);
    precis_summarizer_free(s);
    precis_model_free(model);
    return r;
}

/* The index of the first of r's key terms that is `term` (or, with
 * `part`, holds it), or -1. */
static int result_find(const precis_result *r, const char *term, bool part)
{
    for (size_t i = 0; i < precis_result_keyword_count(r); i++) {
        const char *t = precis_result_keyword(r, i)->term;
        if (part ? strstr(t, term) != NULL : strcmp(t, term) == 0)
            return (int)i;
    }
    return -1;
}

/* A text and what its key terms (English model) must hold and must not:
 * whole terms (has, lacks) and parts of terms (has_part, lacks_part). */
typedef struct key_case {
    const char *text;
    const char *has[3], *has_part[1], *lacks[3], *lacks_part[2];
} key_case;

/* The first of terms[0, n) (up to a NULL) that r holds, whole or as a
 * part of a term, where want is false, or lacks where it is true; NULL
 * when there is none. */
static const char *first_wrong(const precis_result *r, const char *const *terms, size_t n,
                               bool part, bool want)
{
    for (size_t i = 0; i < n && terms[i]; i++)
        if ((result_find(r, terms[i], part) >= 0) != want)
            return terms[i];
    return NULL;
}

/* Each case's key terms against its lists; a failure names the case and
 * the term, and prints the case's terms. */
static void check_key_cases(const key_case *cases, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        const key_case *k = &cases[c];
        precis_result *r = english_key_terms(k->text, strlen(k->text));
        const char *why = "no term is", *wrong = first_wrong(r, k->has, 3, false, true);
        if (!wrong)
            why = "no term holds", wrong = first_wrong(r, k->has_part, 1, true, true);
        if (!wrong)
            why = "a term is", wrong = first_wrong(r, k->lacks, 3, false, false);
        if (!wrong)
            why = "a term holds", wrong = first_wrong(r, k->lacks_part, 2, true, false);
        for (size_t i = 0; wrong && i < precis_result_keyword_count(r); i++)
            print_message("  term %zu: %s\n", i + 1, precis_result_keyword(r, i)->term);
        precis_result_free(r);
        if (wrong)
            fail_msg("case %zu: %s \"%s\"", c, why, wrong);
    }
}

/* The top 10 key terms of text, with the English model, pass an editor:
 * no number-only term, none beginning or ending with a determiner,
 * reporting verb or unit, none holding a date, and no two of one topic (one holding every word
 * of the other, stemmed: "Ushakov" and "Kremlin aide Yury Ushakov",
 * "computer" and "computer systems"). */
static void assert_editor_accepts(const char *what, const char *story, size_t len)
{
    precis_result *r = english_key_terms(story, len);
    size_t n = precis_result_keyword_count(r);
    if (n < 5)
        fail_msg("%s: only %zu key terms", what, n);
    static char words[10][16][64];
    size_t nw[10];
    for (size_t i = 0; i < n && i < 10; i++) {
        const char *term = precis_result_keyword(r, i)->term;
        nw[i] = term_words(term, words[i]);
        bool letter = false;
        for (const char *c = term; *c; c++)
            letter = letter || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                     (unsigned char)*c >= 0x80;
        if (!letter || nw[i] == 0)
            fail_msg("%s: term %zu '%s' has no word", what, i + 1, term);
        for (const char *const *w = never_at_edges; *w; w++)
            if (strcmp(words[i][0], *w) == 0 || strcmp(words[i][nw[i] - 1], *w) == 0)
                fail_msg("%s: term %zu '%s' begins or ends with '%s'", what, i + 1, term, *w);
        for (const char *const *w = never_last; *w; w++)
            if (strcmp(words[i][nw[i] - 1], *w) == 0)
                fail_msg("%s: term %zu '%s' ends with '%s'", what, i + 1, term, *w);
        for (size_t k = 0; k < nw[i]; k++)
            for (const char *const *w = dates; *w; w++)
                if (strcmp(words[i][k], *w) == 0)
                    fail_msg("%s: term %zu '%s' holds the date '%s'", what, i + 1, term, *w);
        for (const char *const *w = never_alone; *w && nw[i] == 1; w++)
            if (strcmp(words[i][0], *w) == 0)
                fail_msg("%s: term %zu '%s' is a unit or an ordinal alone", what, i + 1, term);
        if (ordinal_word(words[i][0]) || ordinal_word(words[i][nw[i] - 1]))
            fail_msg("%s: term %zu '%s' begins or ends with a number", what, i + 1, term);
        for (size_t j = 0; j < i; j++)
            if (words_within(words[i], nw[i], words[j], nw[j]) ||
                words_within(words[j], nw[j], words[i], nw[i]))
                fail_msg("%s: terms '%s' and '%s' are one topic", what,
                         precis_result_keyword(r, j)->term, term);
    }
    precis_result_free(r);
}

/* The earnings tables of wire copy: their abbreviations, ordinals and
 * company forms are no key terms. */
static void earnings_report_passes_an_editor(void **state)
{
    (void)state;
    static const char story[] =
        "COBANCO INC <CBCO> 4TH QTR NET\n"
        "Shr 18 cts vs 31 cts. Net 1,234,000 vs 2,345,000. Revs 45.6 mln vs 41.2 mln. "
        "Avg shrs 6,789,000 vs 6,543,000.\n"
        "Oper net 1,100,000 vs 2,200,000. Oper net excludes its debentures due 1992.\n"
        "Cobanco Inc said its 4th qtr net fell on higher loan loss provisions at "
        "Cobanco Bank. Marriott Corp's hotel unit and Cobanco Inc's mortgage unit "
        "share a data center.\n"
        "Nine mths shr 1.10 dlrs vs 1.25 dlrs. Cobanco said loan loss provisions "
        "will ease in the 1st qtr. It had profit three mln dlrs in band two and "
        "band three branches, and five branches had a loss.";
    assert_editor_accepts("an earnings report", story, sizeof story - 1);
    /* A British one: amounts in pence, and tickers in angle brackets. */
    static const char british[] =
        "HANBURY FOODS <HNBF.L> YEAR TO MARCH 31\n"
        "Shr 27.47p vs 24.24p. Final div 6.5p making 10.1p. Pretax profit 31.2 mln stg vs "
        "26.5 mln. Turnover 402.3 mln stg vs 371.9 mln.\n"
        "Hanbury Foods <HNBF.L> said bakery sales rose and its Leeds bakery reopened. "
        "Hanbury Foods said the final div 6.5p is payable in July, and bakery margins "
        "in Leeds improved. Costs of the Leeds bakery fell 1.5p a loaf.";
    assert_editor_accepts("a British earnings report", british, sizeof british - 1);
    precis_result *r = english_key_terms(british, sizeof british - 1);
    assert_int_equal(result_find(r, "HNBF", true), -1);
    precis_result_free(r);
    /* Both parts of a ticker; a number with an s or a k is a name's part
     * unless it is a decade or has decimals. */
    static const char paris[] =
        "Peugeot <PEUP.PA> said its Boeing 747s were old in the 1990s. Its 401k plans were "
        "generous. Peugeot <PEUP.PA> retired the Boeing 747s. The 401k plans of Peugeot grew "
        "8.35s a share.";
    r = english_key_terms(paris, sizeof paris - 1);
    assert_int_equal(result_find(r, "PA", false), -1);
    assert_int_equal(result_find(r, "PEUP", false), -1);
    assert_int_equal(result_find(r, "1990s", true), -1);
    assert_int_equal(result_find(r, "8.35s", true), -1);
    assert_true(result_find(r, "Boeing 747s", false) >= 0);
    assert_true(result_find(r, "401k plans", false) >= 0);
    precis_result_free(r);
    /* A measure with its unit written on is a number as well. */
    static const char measures[] =
        "STRONGMAN\nThe strongman lifted a 440kg stone and a 254kg log in Ipswich. The 6ft 9ins "
        "athlete said the 440kg stone was his best lift, and he will try a 254kg log again at "
        "10am on Sunday, when the wind may reach 40mph.";
    r = english_key_terms(measures, sizeof measures - 1);
    static const char *const units[] = {"kg", "6ft", "9ins", "10am", "40mph"};
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (result_find(r, units[i], true) >= 0)
            fail_msg("\"%s\" is a measure, not a term", units[i]);
    assert_true(result_find(r, "stone", true) >= 0);
    precis_result_free(r);
    /* An age is a number too ("a 29-year-old man" is "man"); a span of
     * time is no age ("10-year notes"). */
    static const char court[] =
        "A 29-year-old man was charged on Monday with the murder of his partner in Croydon. "
        "The 29-year-old man appeared before Croydon magistrates, and police said the "
        "29-year-old had lived with his partner for two years. Neighbours said seven-year-olds "
        "on the street saw him. The city council sold 10-year notes to pay for the inquiry.";
    r = english_key_terms(court, sizeof court - 1);
    assert_int_equal(result_find(r, "-old", true), -1);
    assert_true(result_find(r, "man", false) >= 0);
    assert_true(result_find(r, "10-year notes", true) >= 0);
    precis_result_free(r);
}

/* A crop report dated week by week, and a market story whose names sit
 * next to dates: no day or month is a term or a term's word. */
static void dated_reports_pass_an_editor(void **state)
{
    (void)state;
    static const char crop[] =
        "Rain fell on the Ilheus cocoa zone this week, easing the drought that began "
        "in early January, exporter Cacau Norte said in its weekly review. Arrivals in the "
        "week to February 22 were 120,000 bags, against 98,000 a year earlier. Shippers "
        "sold Dec, March and May cocoa to Europe, and some Sept shipments to the U.S. "
        "Farmers expect the Ilheus harvest to start in April or May. Cocoa butter sales "
        "for July, Aug and Oct shipment were slow. On Thursday's close, Cacau Norte quoted "
        "cocoa at 1,900 dlrs a tonne for June shipment. Loading at Ilheus ends at 1500 hrs "
        "EDT, and cocoa loading resumes Monday at 0800 hrs EDT.";
    assert_editor_accepts("a crop report", crop, sizeof crop - 1);
    static const char metals[] =
        "Copper stocks held in London Metal Exchange warehouses fell on Monday. January "
        "LME stocks were the lowest in a year, and traders expect February LME stocks to "
        "fall again. Thursday Reuters reported that Chilean copper output fell. Copper "
        "prices rose on the LME as warehouse stocks fell. The Chilean copper mines expect "
        "higher output in March. Traders said Monday's fall in stocks and Monday's "
        "copper auction moved prices. Why Today's copper stocks matter: Tomorrow's "
        "output and Today's prices.";
    assert_editor_accepts("a metals report", metals, sizeof metals - 1);
    static const char envoy[] =
        "United Nations envoy Jan Egeland met aid agencies in Khartoum on Jan 15. Egeland "
        "said the aid agencies need access. Aid agencies in Khartoum welcomed Jan Egeland.";
    precis_result *r = english_key_terms(envoy, sizeof envoy - 1);
    assert_true(result_find(r, "Jan Egeland", true) >= 0);
    precis_result_free(r);
}

/* A spelling from running text beats one from a headline in capitals; a
 * word in capitals after an elided article keeps them. */
static void running_text_spelling_is_printed(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "CHOCK FULL O'NUTS OFFERS DEBENTURES\nChock Full O'Nuts Corp said it "
           "offered debentures. Chock Full O'Nuts will use the proceeds for coffee "
           "plants. The debentures are convertible.");
    assert_true(find(f, "Chock Full O'Nuts") >= 0);
    assert_int_equal(find(f, "CHOCK FULL O'NUTS"), -1);
    /* An acronym in running text is no headline's shouting. */
    run(f, "NASA said the probe works. The probe, NASA said, flew past Mars. Engineers "
           "at Nasa cheered the probe.");
    assert_true(find(f, "NASA") >= 0);
    assert_int_equal(find(f, "Nasa"), -1);
    /* A spelling among capitals (inside a headline in capitals) gives way
     * to one of running text, and so does a lead word in capitals. */
    run(f, "OIL PRICES RISE AS OPEC MINISTERS MEET\nSaudi officials met Opec ministers. Output "
           "rose.");
    assert_true(find(f, "Opec ministers") >= 0);
    assert_false(any_contains(f, "OPEC"));
    run(f, "RADIOACTIVITY from the reactor reached Moscow. Officials found radioactivity "
           "in Moscow.");
    assert_true(find(f, "radioactivity") >= 0);
    assert_int_equal(find(f, "RADIOACTIVITY"), -1);
    f->stage.opt.language = "french";
    run(f, "L'OTAN, réunie à Bruxelles, prépare un sommet. Les pays de l'OTAN, dont la "
           "France, discutent de défense. Pour l'OTAN, la défense compte.");
    assert_true(find(f, "OTAN") >= 0);
    assert_int_equal(find(f, "oTAN"), -1);
    /* Also where the word is written in lower case elsewhere, which would
     * lower the capital of a sentence's first word. */
    run(f, "L'OTAN MOBILISATION G\xC3\x89N\xC3\x89RALE\nPour l'otan, la mobilisation des "
           "troupes compte. Les troupes de l'otan partent.");
    assert_true(any_contains(f, "MOBILISATION"));
    assert_false(any_contains(f, "oTAN"));
}

/* French verbs break phrases as English ones do: "impôts augmenteront",
 * "militants autonomistes demandent" were terms. */
static void french_verbs_are_not_key_terms(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    f->stage.opt.language = "french";
    run(f, "Les militants autonomistes demandent un nouveau vote. Selon le gouvernement, les "
           "imp\xC3\xB4ts augmenteront en 2013. Les militants autonomistes contestent le vote "
           "et le gouvernement maintient les imp\xC3\xB4ts.");
    assert_true(find(f, "militants autonomistes") >= 0);
    static const char *const verbs[] = {"demandent", "augmenteront", "contestent", "maintient",
                                        NULL};
    for (const char *const *w = verbs; *w; w++)
        assert_false(any_contains(f, *w));
    /* French adjectives follow their noun or come before it: a phrase may
     * end in one ("zone protégée"), but one alone is no term. */
    run(f, "Le parc a cr\xC3\xA9\xC3\xA9 une zone prot\xC3\xA9g\xC3\xA9" "e. La zone "
           "prot\xC3\xA9g\xC3\xA9" "e abrite des oiseaux. Le secteur bancaire est inquiet, "
           "et le parc reste ferm\xC3\xA9.");
    assert_true(find(f, "zone prot\xC3\xA9g\xC3\xA9" "e") >= 0);
    assert_true(find(f, "secteur bancaire") >= 0);
    assert_int_equal(find(f, "ferm\xC3\xA9"), -1);
    assert_int_equal(find(f, "bancaire"), -1);
    /* Mid-sentence, French capitalises names only: a listed word with a
     * capital is a name or an acronym. */
    run(f, "Le skipper Kito de Pavant a abandonn\xC3\xA9 la course. Selon Kito de Pavant, le "
           "bateau a heurt\xC3\xA9 un chalutier. Le Parlement rejette ACTA. Les opposants "
           "\xC3\xA0 ACTA manifestent.");
    assert_true(any_contains(f, "Pavant"));
    assert_true(find(f, "ACTA") >= 0);
}

/* A French ordinal is a number too: "3è langue" is "langue". */
static void french_ordinals_are_numbers(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    f->stage.opt.language = "french";
    run(f, "Le français est la 3\xC3\xA8 langue d'usage au Canada. Le 1er juillet, la "
           "17\xC3\xA8me fête de la langue a réuni le pays. La langue d'usage recule.");
    assert_true(f->n > 0);
    assert_false(any_contains(f, "3\xC3\xA8"));
    assert_false(any_contains(f, "1er"));
    assert_false(any_contains(f, "17\xC3\xA8me"));
    run(f, "LA 5\xC3\x88ME R\xC3\x89PUBLIQUE F\xC3\x8ATE SES 60 ANS\nLa 5\xC3\x88ME "
           "R\xC3\xA9publique est n\xC3\xA9" "e en 1958. La R\xC3\xA9publique dure.");
    assert_true(f->n > 0);
    assert_false(any_contains(f, "5\xC3\x88ME"));
}

/* A word and a hyphenated word holding it are one topic: "GM" and
 * "Chevrolet-Pontiac-GM group" are not both printed, whichever comes
 * first (the second story ranks the hyphenated word first, so the word
 * is found under the key of the taken word's part). */
static void hyphen_parts_are_one_topic(void **state)
{
    (void)state;
    static const char *const stories[] = {
        "GM IDLES PLANTS\nChevrolet-Pontiac-GM of Canada will idle two plants. GM said the "
        "Chevrolet-Pontiac-GM group has too many cars. GM workers fear layoffs at "
        "Chevrolet-Pontiac-GM plants in Ontario. The union said GM must protect workers.",
        "GM IDLES PLANTS\nChevrolet-Pontiac-GM of Canada will idle two plants. "
        "Chevrolet-Pontiac-GM said the group has too many cars. Chevrolet-Pontiac-GM workers "
        "fear layoffs at plants in Ontario. Chevrolet-Pontiac-GM sales fell in Toronto. The "
        "union said GM must protect workers."};
    for (size_t s = 0; s < sizeof stories / sizeof *stories; s++) {
        precis_result *r = english_key_terms(stories[s], strlen(stories[s]));
        bool gm = false, hyphenated = false;
        for (size_t i = 0; i < precis_result_keyword_count(r); i++) {
            const char *term = precis_result_keyword(r, i)->term;
            gm = gm || strcmp(term, "GM") == 0;
            hyphenated = hyphenated || strstr(term, "Chevrolet-Pontiac-GM") != NULL;
        }
        assert_true(gm || hyphenated);
        assert_false(gm && hyphenated);
        precis_result_free(r);
    }
}

/* A word and one extending it ("Japan" and "Japanese", stems "japan" and
 * "japanes") are one topic, whichever is taken first: the first story
 * ranks "Japan" first, the second "Japanese exporters". */
static void stem_extensions_are_one_topic(void **state)
{
    (void)state;
    static const char *const stories[] = {
        "JAPAN TRADE SURPLUS GROWS\nJapan said its trade surplus with the United States grew in "
        "March. Japanese exporters sold more cars, and Japanese officials said the yen was "
        "weak. Japan will hold talks with Washington. The Japanese government expects exports "
        "to slow. Tokyo traders said Japan may cut tariffs.",
        "JAPANESE EXPORTERS GAIN\nThe Japanese exporters sold more cars in March. Japanese "
        "officials said the yen was weak, and Japanese banks lent more. Analysts said Japanese "
        "demand for steel rose. The Japanese government expects exports to slow. Traders in "
        "Japan said tariffs may fall."};
    for (size_t s = 0; s < sizeof stories / sizeof *stories; s++) {
        precis_result *r = english_key_terms(stories[s], strlen(stories[s]));
        size_t japan = 0;
        for (size_t i = 0; i < precis_result_keyword_count(r); i++)
            japan += strstr(precis_result_keyword(r, i)->term, "Japan") != NULL;
        assert_int_equal(japan, 1);
        precis_result_free(r);
    }
}

/* A general word ("new", in more than a fifth of the model's documents)
 * leads no phrase ("new DSP chips"), and is no term alone. */
static void general_words_lead_no_phrase(void **state)
{
    (void)state;
    static const char abstract[] =
        "Wavelet coders compress images. We describe a fast SPIHT image algorithm for new DSP "
        "chips. Wavelet coders need memory, and new DSP chips have little.";
    precis_result *r = english_key_terms(abstract, sizeof abstract - 1);
    bool chips = false;
    for (size_t i = 0; i < precis_result_keyword_count(r); i++) {
        const char *term = precis_result_keyword(r, i)->term;
        chips = chips || strcmp(term, "DSP chips") == 0;
        if (strncmp(term, "new", 3) == 0)
            fail_msg("term '%s' begins with a general word", term);
    }
    assert_true(chips);
    precis_result_free(r);
}

/* What a text does not tell names no topic: "undisclosed terms", "an
 * undisclosed amount", and the amount or sum alone. */
static void untold_quantities_are_no_terms(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "Acme bought Beta Corp for an undisclosed sum. The undisclosed sum was paid in "
           "cash, and Acme will pay an undisclosed amount for the Beta plant on undisclosed "
           "terms. Beta makes valves, and the amount covers the valves plant. Terms were "
           "not disclosed, and Beta said terms of the sale were fair.");
    assert_true(find(f, "Acme") >= 0);
    assert_false(any_contains(f, "undisclosed"));
    static const char *const alone[] = {"sum", "amount", "terms"};
    for (size_t i = 0; i < sizeof alone / sizeof *alone; i++)
        assert_int_equal(find_any_case(f, alone[i]), -1);
}

/* A unit of time is no key term alone, though it may end one: "fiscal
 * year" is a term, "year" and "weeks" are not; nor is an ordinal alone, nor
 * the "net" of an earnings table. */
static void units_of_time_stand_in_no_term_alone(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "Acme results\nAcme said profit rose in the fiscal year. Sales rose every year "
           "and every week, the company said, for years and weeks. The first shipment came "
           "in the year's first weeks, Acme told reporters. Acme expects a year of growth. "
           "Net 1,234,000 vs 987,000. Net sales 5,600,000 vs 4,100,000. Net rose.");
    assert_true(find(f, "Acme") >= 0);
    assert_true(find(f, "fiscal year") >= 0);
    for (const char *const *w = never_alone; *w; w++)
        if (find_any_case(f, *w) >= 0)
            fail_msg("'%s' is a key term alone", *w);
}

/* The noun of a fixed prepositional phrase ("in addition to", "at the end
 * of", "in part") is no term there; where it names a topic, it is one. */
static void nouns_of_fixed_phrases_are_no_terms_inside_them(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "In addition to the merger, Acme sold a plant at the end of the year, in part "
           "to pay debt. In addition, Acme cut jobs at the end of March, and debt fell in "
           "part.");
    assert_true(find(f, "Acme") >= 0);
    assert_int_equal(find(f, "addition"), -1);
    assert_int_equal(find(f, "end"), -1);
    assert_int_equal(find(f, "part"), -1);
    run(f, "The court heard the Marines spy case on Monday. The Marines spy case turns on "
           "a witness. Lawyers in the Marines spy case said so.");
    assert_true(find(f, "Marines spy case") >= 0);
    /* After a number it is the topic: "the 1998 case". */
    run(f, "The court reopened the 1998 case. Lawyers said the 1998 case was weak, and "
           "the court heard the 1998 case again.");
    assert_true(find(f, "case") >= 0);
}

/* An -ing form with a direct object, after a plural before a stopword, or
 * before a number, is a verb, no term nor part of one ("registration
 * statement covering the shares", "issuing the bonds", "loans totaling 50
 * mln"); the same word as a noun stays ("the meeting", "Tuesday morning
 * the"). */
static void ing_verbs_with_objects_are_no_terms(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "Acme filed a registration statement covering the shares. Acme is issuing the "
           "bonds through Morgan Stanley, and exporters seeking a rebate are issuing their "
           "own bonds. Acme said the registration statement covering its bonds was filed "
           "after the meeting. On Tuesday morning the meeting approved the bonds.");
    assert_true(find(f, "registration statement") >= 0);
    assert_true(find(f, "meeting") >= 0);
    assert_true(find(f, "exporters") >= 0);
    assert_false(any_contains(f, "covering"));
    assert_false(any_contains(f, "issuing"));
    assert_false(any_contains(f, "seeking"));
    /* After a plural and before a stopword or a number, a reduced
     * relative clause: "loans totaling 50 mln dlrs". */
    run(f, "Acme has bank loans totaling 50 mln dlrs. Its bank loans totaling 20 mln dlrs "
           "fall due in 1988, and exporters looking for credit want bank loans. Exporters "
           "looking for credit met Acme.");
    assert_true(find(f, "bank loans") >= 0);
    assert_false(any_contains(f, "totaling"));
    assert_false(any_contains(f, "looking"));
    /* Before a number, whatever precedes: "an order totaling 50 mln". */
    run(f, "Acme won an order totaling 50 mln dlrs from Boeing. The order totaling 50 mln "
           "dlrs is its largest, and Acme shares were rising 5 pct on the Boeing order.");
    assert_true(any_contains(f, "order"));
    assert_false(any_contains(f, "totaling"));
    assert_false(any_contains(f, "rising"));
    /* Before an adjective, beginning a run: "maximizing long-term
     * stockholder value". */
    run(f, "The board is maximizing long-term stockholder value. Maximizing long-term "
           "stockholder value is its aim, the board said at the annual meeting held in May.");
    assert_true(find(f, "long-term stockholder value") >= 0);
    assert_false(any_contains(f, "aximizing"));
    assert_true(any_contains(f, "annual meeting"));
    /* A noun after a determiner ("the banking regulatory reform"), before an
     * -ed form ("spending increased") or hyphenated ("front-running"): each
     * case holds the -ing form only where that guard keeps it. */
    static const struct {
        const char *text, *kept;
    } nouns[] = {
        {"Lawmakers debated the banking regulatory reform. The banking regulatory reform "
         "passed, and lawmakers praised the banking regulatory reform.",
         "banking"},
        {"Officials said spending increased in May, and analysts said spending increased "
         "again in June as officials expected.",
         "spending"},
        {"Regulators said front-running illegal trades hurt investors, and investors said "
         "front-running illegal trades cost them.",
         "front-running"},
    };
    for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++) {
        run(f, nouns[i].text);
        if (!any_contains(f, nouns[i].kept))
            fail_msg("'%s' left out of every term", nouns[i].kept);
    }
}

/* A name whose other word is a term alone already is that term's topic
 * and replaces it: "American" and "Airlines" of "American Airlines" are
 * one term, "American Airlines", in the place of the first; so are "Tim"
 * and "Henman" of "Tim Henman". */
static void words_of_a_name_make_one_term(void **state)
{
    fixture *f = *state;
    /* Each text's term `first` is at rank `at` (-1: anywhere), and none of
     * `absent` is a term. */
    static const struct {
        const char *text, *first;
        int at;
        const char *absent[2];
    } cases[] = {
        {"AMR Corp's American Airlines said it will buy 40 jet aircraft to support its "
         "expansion in the Caribbean. Under one agreement, American will acquire 15 Boeing "
         "planes, the airline said. American will lease the other planes from Airbus, a "
         "European consortium. The engines are worth five mln dlrs each, American Airlines "
         "said. American said the planes will fly routes to Europe and the Caribbean from "
         "1988.",
         "American Airlines",
         0,
         {"American", "Airlines"}},
        /* A given name said alone is its bearer's, though the whole name is
         * written once ... */
        {"Britain's Tim Henman reached the final in Rotterdam on Sunday. In two sets Henman "
         "beat Ancic, and afterwards Henman said the win pleased him. His coach praised Tim "
         "on Monday. On Tuesday Henman meets Ljubicic, who said Henman was the favourite. "
         "The coach said Tim was fit. In London Henman trains, officials said.",
         "Tim Henman",
         0,
         {"Tim", "Henman"}},
        /* ... also where the name's words mostly open sentences and quotes,
         * never written in lower case ... */
        {"The club will never sell Steven Gerrard, its chief said on Monday. \"Steven can "
         "win everything here,\" the manager said. Gerrard scored twice on Saturday. Gerrard "
         "said he was happy. Critics said Gerrard was tired. The manager said Steven would "
         "stay. Gerrard trains on Tuesday.",
         "Steven Gerrard",
         0,
         {"Steven"}},
        /* ... but a word several names hold is no given name ... */
        {"Fans cheered Michael Jordan in Chicago on Sunday. On the court Jordan scored 40 "
         "points, and later Jordan said the team was ready. Fans said Jordan was the best. "
         "The coach praised Michael Owen too. Reporters said Michael was tired, and the coach "
         "said Michael would rest. Next week Jordan plays in Boston, officials said.",
         "Jordan",
         -1,
         {"Michael Jordan"}},
        /* ... nor takes a given name a surname two names share ... */
        {"Governor Haley Barbour spoke in Jackson on Monday. His wife Marsha Barbour spoke "
         "too. Reporters said Barbour was ready, and aides said Barbour would run. Critics "
         "said Haley was late. Friends said Marsha was calm. Voters said Barbour was "
         "popular. In Memphis Barbour rested.",
         "Barbour",
         0,
         {"Haley Barbour", "Marsha Barbour"}},
        /* ... nor is a word also written in lower case one: "the bill" is
         * the story's topic, not Bill Frist's ... */
        {"Senate leader Bill Frist said the vote would come in June. Frist told reporters "
         "the bill had support from both parties. Critics said the bill was rushed, but "
         "Frist said the Senate was ready. Aides said Bill was confident. Frist spoke in "
         "Washington on Monday, and Frist said the vote was close.",
         "Frist",
         0,
         {"Bill Frist"}},
        /* ... nor the first word of a longer name ... */
        {"CSR Ltd said it would sell its gas interests in Australia to the Delhi Australia "
         "Fund for 120 mln dlrs. Delhi will pay in cash, CSR said. Australia is the group's "
         "largest market, and CSR said its sales in Australia rose. Delhi said the deal "
         "would close in May.",
         "Australia",
         0,
         {"Delhi Australia Fund"}},
        /* ... but a given name that opens every sentence it is in is one,
         * and so are initials ... */
        {"Tiger Woods won the Masters in Augusta on Sunday. Woods finished two shots ahead "
         "of Phil Mickelson, and fans said Woods played his best golf in years. Tiger said "
         "he was thrilled. Mickelson praised Woods after the round. Woods now leads the "
         "rankings, officials said.",
         "Tiger Woods",
         0,
         {"Tiger", "Woods"}},
        {"J.C. Penney said on Tuesday its sales rose 4 pct in May. The retailer said Penney "
         "stores in Texas did best, and analysts said Penney had gained from lower prices. "
         "Penney shares rose 50 cts. Analysts said Penney would raise prices in June.",
         "J.C. Penney",
         0,
         {"Penney"}},
        /* ... where a word in capitals or a hyphenated one that only opens
         * sentences is not. */
        {"HP France said it would cut 600 jobs. Unions in France said the cuts were too "
         "deep, and the government said France would help the workers. Officials in France "
         "said talks would start on Monday. France wants the plant kept open, unions said.",
         "France",
         0,
         {"HP France"}},
        {"Houston-based Panhandle said it would sell its pipeline unit. Analysts said "
         "Panhandle needed cash, and Panhandle said the sale would close in June. Panhandle "
         "shares rose, dealers said. Panhandle will use the money to cut debt, it said.",
         "Panhandle",
         0,
         {"Houston-based Panhandle"}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        run(f, cases[c].text);
        if (cases[c].at < 0)
            assert_true(find(f, cases[c].first) >= 0);
        else
            assert_int_equal(find(f, cases[c].first), cases[c].at);
        for (size_t k = 0; k < 2; k++)
            if (cases[c].absent[k])
                assert_int_equal(find(f, cases[c].absent[k]), -1);
    }
    /* Until its surname is taken, a word is no given name: a name written
     * once prints in the place of its first word where that word ranks
     * first ("Apple" above "ship", "Computer" below it, with the news
     * model), not at its last word's turn. */
    static const char story[] =
        "Borland International said on Monday it would ship a new database, named Paradox, "
        "for the Macintosh made by Apple Computer. Borland said Paradox would reach stores in "
        "the summer. Borland said Paradox would sell for 695 dlrs, and dealers said demand was "
        "strong.";
    precis_result *r = english_key_terms(story, sizeof story - 1);
    int name = result_find(r, "Apple Computer", false), ship = result_find(r, "ship", false);
    if (name < 0 || ship < 0 || name > ship)
        fail_msg("'Apple Computer' at %d, 'ship' at %d", name, ship);
    precis_result_free(r);
}

/* A name said inside longer phrases is counted with them: "El Paso" of
 * "El Paso police" and "El Paso County" prints for "Paso", which printed
 * alone while no single phrase held most of its occurrences. (Common
 * phrases are not: the no-model-keywords CLI case keeps "peace treaty"
 * where "territorial dispute", said three times in "lingering territorial
 * dispute", would take its place.) */
static void phrases_said_inside_longer_ones_print_whole(void **state)
{
    fixture *f = *state;
    run(f, "Police in El Paso said on Monday they had arrested two men after a shooting at a "
           "mall. An El Paso police spokesman said officers found a gun in a car near the mall. "
           "Witnesses told reporters the men ran from the car, and officials said the men would "
           "appear before an El Paso County judge. The mall in El Paso reopened on Tuesday, "
           "police said.");
    int at = find(f, "El Paso");
    assert_int_equal(at, 0);
    assert_int_equal(f->kt[at].count, 4);
    assert_int_equal(find(f, "Paso"), -1);
    /* The rest of a name whose first words are a term already is none
     * alone: "Credit" of "Ford Motor Credit" once "Ford Motor" is. */
    static const char story[] =
        "On Monday Ford Motor Co said its finance arm, Ford Motor Credit, would redeem all of "
        "its 9.25 pct debentures due 1997 on April 1. The debentures will be redeemed at par "
        "plus accrued interest, Ford said. Holders of the debentures will receive the "
        "redemption proceeds on a pro rata basis, dealers said.";
    precis_result *r = english_key_terms(story, sizeof story - 1);
    assert_true(result_find(r, "Ford Motor", false) >= 0);
    assert_int_equal(result_find(r, "Credit", false), -1);
    precis_result_free(r);
}

/* A title before a name is left out of the term ("Margaret Thatcher", not
 * "Prime Minister Margaret Thatcher"). */
static void titles_before_names_are_left_out(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "Prime Minister Margaret Thatcher met car makers in London on Monday, officials "
           "said. Thatcher told the makers that Britain wanted the plant. Prime Minister "
           "Margaret Thatcher said the minister for trade, Finance Minister Nigel Lawson, "
           "would visit. Prime Minister Margaret Thatcher also met the minister.");
    assert_true(find(f, "Margaret Thatcher") >= 0);
    assert_true(find(f, "Nigel Lawson") >= 0);
    assert_false(any_contains(f, "Minister "));
    /* So is a role in lower case that the list does not hold, before a
     * name of two words or more; one capitalised word may be a term's. */
    run(f, "The studio hired director Zack Snyder, and critic David Edelstein praised the "
           "film. Zack Snyder said the film would open in June, and director Zack Snyder "
           "thanked critic David Edelstein. The studio sells mobile Internet access.");
    assert_true(find(f, "Zack Snyder") >= 0);
    assert_true(find(f, "David Edelstein") >= 0);
    assert_false(any_contains(f, "director "));
    assert_false(any_contains(f, "critic "));
    assert_true(any_contains(f, "mobile Internet"));
    /* Titles the list holds, roles cut with a long run's last words
     * ("Rugby Football Union chief executive Mark Arthur"), roles after a
     * capitalised word ("Labour candidate Deirdre Wood") and before a name
     * with a particle: each case's names print without the words before
     * them. */
    static const struct {
        const char *text, *names[2], *left_out[2];
    } cases[] = {
        {"Lawmakers questioned Chief Executive Officer Barry Rand on Friday. Chief Executive "
         "Officer Barry Rand defended the group, and Chief Financial Officer Jane Doyle backed "
         "him. Barry Rand said the group would answer.",
         {"Barry Rand"},
         {"Officer "}},
        {"Goldman Sachs CEO Lloyd Blankfein spoke to lawmakers. Blankfein said the bank had "
         "changed. CEO Lloyd Blankfein then left, and Blankfein's deputy stayed.",
         {"Lloyd Blankfein"},
         {"CEO "}},
        {"Det Sgt Tim Powell said the van was found in Leeds. Det Sgt Tim Powell asked for "
         "witnesses, and Prof Alan Reddy studied the van's engine. Powell thanked Prof Alan "
         "Reddy.",
         {"Tim Powell", "Alan Reddy"},
         {"Sgt ", "Prof "}},
        {"Rugby Football Union chief executive Mark Arthur met the players on Monday. Boston "
         "Red Sox shortstop Nomar Garciaparra spoke too. Arthur said the union would pay, and "
         "Garciaparra agreed with Arthur.",
         {"Mark Arthur", "Nomar Garciaparra"},
         {"executive ", "shortstop "}},
        {"Frenchman Gilles Simon beat Briton Andy Murray in Paris on Tuesday. Frenchman Gilles "
         "Simon will meet the winner on Friday, and Briton Andy Murray said Simon was the "
         "better player.",
         {"Gilles Simon", "Andy Murray"},
         {"Frenchman ", "Briton "}},
        {"Saudi businessman Adnan Khashoggi met Labour candidate Deirdre Wood in London on "
         "Monday. Saudi businessman Adnan Khashoggi praised the city, and Labour candidate "
         "Deirdre Wood thanked him.",
         {"Adnan Khashoggi", "Deirdre Wood"},
         {"businessman ", "candidate "}},
        {"Rusedski will play qualifier Sebastien de Chaunac on Tuesday, and qualifier "
         "Sebastien de Chaunac is ready. Rusedski beat Coria.",
         {"Sebastien de Chaunac"},
         {"qualifier "}},
        {"U.S. Trade Representative Clayton Yeutter met Japan's trade minister. Yeutter "
         "said tariffs would rise, and Representative Clayton Yeutter left Tokyo.",
         {"Clayton Yeutter"},
         {"Representative "}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        run(f, cases[c].text);
        for (size_t k = 0; k < 2; k++) {
            if (cases[c].names[k])
                assert_true(find(f, cases[c].names[k]) >= 0);
            if (cases[c].left_out[k])
                assert_false(any_contains(f, cases[c].left_out[k]));
        }
    }
}

/* An adjective that is mostly one is no term alone in lower case
 * ("common", "prior to"), but capitalised inside a sentence it is a name's
 * word and may end a term ("Chemical Bank International", "Gray"). */
static void adjectives_stand_alone_only_in_names(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "Acme proposed a split of its common prior to the meeting. Holders of the common "
           "voted for the split prior to the sale of its stake in Chemical Bank International. "
           "Chemical Bank International said the common would rise, said Tom Gray. Gray "
           "said the split was common, and Gray voted for it.");
    assert_int_equal(find_any_case(f, "common"), -1);
    assert_int_equal(find_any_case(f, "prior"), -1);
    assert_true(find(f, "Chemical Bank International") >= 0);
    assert_true(find(f, "Gray") >= 0 || find(f, "Tom Gray") >= 0);
}

/* A middle initial keeps a name whole ("William H. Saltzman", not
 * "William" and "Saltzman"); an initial that is a stopword ("A.") leaves
 * the name in two, and must not read a term it does not have. */
static void middle_initials_stay_in_names(void **state)
{
    fixture *f = *state;
    run(f, "Chairman William H. Saltzman said the board elected Kent O. Olin as president. The "
           "board said Kent O. Olin will run the bank, and William H. Saltzman will stay on the "
           "board. Directors named John A. Smith, too. Saltzman said the bank is sound.");
    assert_true(find(f, "William H. Saltzman") >= 0);
    assert_true(find(f, "Kent O. Olin") >= 0);
    assert_int_equal(find(f, "William"), -1);
    assert_int_equal(find(f, "Kent"), -1);
}

/* A word of two letters before a name's next word is the name's: a family
 * name ("Hu Jintao"), a place's article ("El Paso"), a particle ("Rio de
 * Janeiro"); not a title ("Mr Greenspan" gives "Greenspan"), and not where
 * the name would grow too long to stay one phrase ("Banque Francaise du
 * Commerce Exterieur" stays "Banque Francaise", "Commerce Exterieur"). */
static void short_name_words_stay_in_names(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "Chinese President Hu Jintao met Premier Li Peng in Beijing. Hu Jintao said the "
           "talks with Li Peng went well. Officials from El Paso flew to Rio de Janeiro, and "
           "Mr Greenspan said El Paso and Rio de Janeiro would sign. Mr Greenspan spoke to Hu "
           "Jintao about the Banque Francaise du Commerce Exterieur.");
    assert_true(find(f, "Hu Jintao") >= 0);
    assert_true(find(f, "Li Peng") >= 0);
    assert_true(find(f, "El Paso") >= 0);
    assert_true(find(f, "Rio de Janeiro") >= 0);
    assert_true(find(f, "Greenspan") >= 0);
    assert_int_equal(find(f, "Jintao"), -1);
    assert_int_equal(find(f, "Mr Greenspan"), -1);
    assert_int_equal(find(f, "du Commerce Exterieur"), -1);
    /* "de" begins a surname even with no first name before it. */
    run(f, "Trade talks stalled, de Clercq said on Monday. The talks resume in June, de Clercq "
           "told reporters, and de Clercq will lead them.");
    assert_true(find(f, "de Clercq") >= 0);
    assert_int_equal(find(f, "Clercq"), -1);
}

/* A name whose capitalised words an ampersand joins is one term
 * ("Procter & Gamble", not "Procter" and "Gamble"); words in capitals so
 * joined are a list ("DVD & Blu-ray"), not a name. */
static void ampersands_join_names(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "Procter & Gamble will buy the razor maker. Procter & Gamble expects the razor deal "
           "to close in May. Ernst & Young audited the razor maker, and the film comes out on "
           "DVD & Blu-ray in June. The DVD sold well.");
    assert_true(find(f, "Procter & Gamble") >= 0);
    assert_true(find(f, "Ernst & Young") >= 0);
    assert_int_equal(find(f, "Procter"), -1);
    assert_int_equal(find(f, "Gamble"), -1);
    assert_int_equal(find(f, "DVD & Blu-ray"), -1);
}

/* An abbreviation that begins a place's or saint's name stays in it: "St.
 * Louis", "Mt. Everest", not "Louis", "Everest". */
static void abbreviations_begin_names(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "The team played in St. Louis on Sunday. Fans in St. Louis cheered the team. "
           "Climbers on Mt. Everest waited, and the climbers left Mt. Everest in May.");
    assert_true(find(f, "St. Louis") >= 0);
    assert_true(find(f, "Mt. Everest") >= 0);
    assert_int_equal(find(f, "Louis"), -1);
    assert_int_equal(find(f, "Everest"), -1);
}

/* Abbreviations in lower case ("e.g.", "i.e.", "a.k.a.", "p.m.") are no
 * terms and no part of one ("e.g. dust", "p.m. daily" printed); dotted
 * capitals are names ("U.S. troops"). */
static void lower_case_abbreviations_are_no_terms(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "The air pollution in Iraq is particulate matter a.k.a. fine particles. U.S. troops "
           "breathe the particulate matter at 9 p.m. every day. The particulate matter, e.g. "
           "dust, hurts U.S. troops, i.e. soldiers. Particulate matter in Iraq is worst at 5 "
           "a.m. and 9 p.m. daily.");
    assert_true(find(f, "particulate matter") >= 0);
    bool dotted_capitals = false;
    for (uint32_t i = 0; i < f->n; i++)
        dotted_capitals |= strstr(f->kt[i].surface, "U.S. troops") != NULL;
    assert_true(dotted_capitals);
    for (uint32_t i = 0; i < f->n; i++) {
        const char *t = f->kt[i].surface;
        assert_null(strstr(t, "e.g"));
        assert_null(strstr(t, "i.e"));
        assert_null(strstr(t, "a.m"));
        assert_null(strstr(t, "p.m"));
        assert_null(strstr(t, "a.k"));
    }
}

/* The quote box of Reuters' web pages after a ticker is no text:
 * "Morgan Stanley (MS.N: Quote, Profile, Research, Stock Buzz)". */
static void quote_boxes_are_no_terms(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "Bank of America (BAC.N: Quote, Profile, Research, Stock Buzz) was the top "
           "underwriter. JPMorgan Chase (JPM.N: Quote, Profile, Research, Stock Buzz) came "
           "second. Morgan Stanley (MS.N: Quote, Profile, Research, Stock Buzz) and Deutsche "
           "Bank AG (DBKGn.DE: Quote, Profile, Research, Stock Buzz) tied among underwriters "
           "of bonds.");
    assert_true(find(f, "JPMorgan Chase") >= 0);
    assert_int_equal(find(f, "Stock Buzz"), -1);
    assert_int_equal(find(f, "Profile"), -1);
    assert_int_equal(find(f, "Research"), -1);
    assert_int_equal(find(f, "BAC"), -1);
    assert_int_equal(find(f, "DBKGn"), -1);
}

/* A title abbreviated before a full stop is no term: the stop parts it
 * from the name, which stays ("Sen. Barbara Boxer" gives "Barbara Boxer",
 * not "Sen"); nor is the "former" of "former Rep." alone, nor the state
 * abbreviated after a place ("Dearborn, Mich."). */
static void abbreviated_titles_are_no_terms(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "Sen. Barbara Boxer and Sen. Dianne Feinstein asked the agency for the report. "
           "The report was wrong, said former Rep. Dick Armey, and former Rep. Tom DeLay "
           "agreed. Sen. Dianne Feinstein said the agency would publish the report, former "
           "Rep. Armey said.");
    assert_true(find(f, "Barbara Boxer") >= 0);
    assert_true(find(f, "Dianne Feinstein") >= 0);
    assert_int_equal(find_any_case(f, "Sen"), -1);
    assert_int_equal(find_any_case(f, "Rep"), -1);
    assert_int_equal(find_any_case(f, "former"), -1);
    /* The state after a place and a comma names where, not what. */
    run(f, "Acme Corp of Dearborn, Mich., said it will build a plant in Winnemucca, Nev. The "
           "Winnemucca plant will make parts for Ford. Acme said the plant in Winnemucca, Nev., "
           "will open in 1988, and its plant in Dearborn, Mich., will close.");
    assert_true(find(f, "Winnemucca") >= 0);
    assert_int_equal(find_any_case(f, "Mich"), -1);
    assert_int_equal(find_any_case(f, "Nev"), -1);
}

/* A noun that attributes speech is no term alone ("a spokesman said",
 * "officials said"), and before a name it is a title. */
static void sources_of_speech_are_no_terms_alone(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "Spokesman Marlin Fitzwater said the talks failed. A spokesman said the White "
           "House was worried, and officials agreed. Officials said the talks would resume, "
           "a spokesman told reporters.");
    assert_true(find(f, "White House") >= 0);
    assert_int_equal(find_any_case(f, "spokesman"), -1);
    assert_int_equal(find_any_case(f, "officials"), -1);
    assert_false(any_contains(f, "Spokesman "));
}

/* A word in capitals and a colon opening a sentence labels the line
 * ("NOTE: ..."); it is no key term. */
static void labels_are_no_terms(void **state)
{
    fixture *f = *state;
    f->stage.opt.keywords = 20;
    run(f, "Acme Corp said net profit rose. NOTE: Net includes a tax credit. NOTE: Acme "
           "sold its mill. VOLUME: Acme shipped more steel.");
    assert_true(find(f, "Acme") >= 0);
    assert_int_equal(find(f, "NOTE"), -1);
    assert_int_equal(find(f, "VOLUME"), -1);
}

/* With a model, a capitalised common word before a colon that begins a
 * sentence is a label too ("Note: 1986 net includes ..."), and a name
 * there is not ("BendWizard: a tool for ..." is about BendWizard). A
 * stopword there ("Also:") is neither, and no term. */
static void capitalised_labels_with_a_model(void **state)
{
    (void)state;
    static const char report[] =
        "Acme Steel Corp said its mills shipped more steel in 1986 and net profit rose.\n"
        "Note: 1986 net includes a tax credit of two mln dlrs.\n"
        "Note: Acme Steel sold its Gary mill in 1985.\n"
        "Also: Acme Steel raised its dividend.";
    precis_result *r = english_key_terms(report, sizeof report - 1);
    assert_true(result_find(r, "Acme Steel", false) >= 0);
    assert_int_equal(result_find(r, "Note", false), -1);
    assert_int_equal(result_find(r, "Also", false), -1);
    precis_result_free(r);
    static const char abstract[] =
        "Shaping the future. BendWizard: a tool for off-line programming of robotic "
        "bending cells. BendWizard plans the robot's moves from the CAD model of the part, "
        "so that a bending cell is programmed in minutes.";
    r = english_key_terms(abstract, sizeof abstract - 1);
    assert_true(result_find(r, "BendWizard", true) >= 0);
    precis_result_free(r);
}

/* A table's row labels ("Record April 15", "Sales 7.9 mln vs 9.4 mln")
 * name its rows, not what the text is about, on the first line too when
 * two rows follow it; a line that is a headline, a sentence, a name with a
 * number or a title in capitals is no row. */
static void table_row_labels_are_no_terms(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {.text = "Acme Steel Corp said it raised its quarterly dividend.\n"
                 "Qtly div 15 cts vs 12 cts prior\n"
                 "Pay April 30\n"
                 "Record April 15\n"
                 "Acme Steel said its mills shipped more steel.\n"
                 "Shr 45 cts vs 58 cts\n"
                 "Net 1.1 mln vs 829,000\n"
                 "Sales......7.9 mln vs 9.4 mln\n"
                 "Operating revenues 4.42 billion vs 3.3 billion",
         .has = {"Acme Steel"},
         .lacks = {"Record", "Sales", "Operating revenues"},
         .lacks_part = {"revenues"}},
        /* A day spelled out: the row's date ends its label. A date that
         * ends the line ends no label. */
        {.text = "Acme Steel Corp said it raised its quarterly dividend.\n"
                 "Qtly div 15 cts vs 12 cts prior\n"
                 "Pay March Two\n"
                 "Record March Two\n"
                 "Wage talks resume Monday",
         .has = {"Acme Steel", "Wage talks"},
         .lacks = {"Record"}},
        /* With one line after it, the first line is no row: a headline
         * and its dateline. (The look-ahead stays in the text: ASan.) */
        {.text = "Oil prices jump 5 pct\n"
                 "Updated 12 March 2024",
         .has = {"Oil prices"}},
        {.text = "Qtr ends March 31\n"
                 "Shr 45 cts vs 58 cts\n"
                 "Net 1.1 mln vs 829,000\n"
                 "Acme Steel said its mills shipped more steel abroad.",
         .has = {"Acme Steel"},
         .lacks = {"Qtr", "ends"}},
        {.text = "Oil prices jump 5 pct\n"
                 "Updated 12 March 2024\n"
                 "Brent crude rose on Tuesday after OPEC agreed to cut output, traders said.\n"
                 "OPEC ministers met in Vienna. Brent crude rose to 80 dlrs a barrel.",
         .has = {"Oil prices"}},
        {.text = "Trade talks 1986\n"
                 "Steel makers shipped more steel abroad, the ministry said.\n"
                 "Sales in 1986 were 12 mln tonnes.\n"
                 "Pemex 40 vs 30",
         .has = {"Trade talks", "Sales", "Pemex"}},
        {.text = "Trade talks 1986\n"
                 "Steel makers shipped more steel abroad, the ministry said.\n"
                 "Bank loans, oil output 12 pct\n"
                 "Farm income: 12 pct\n"
                 "Wage talks for steel workers 1986\n",
         .has = {"oil output", "Farm income", "steel workers"}},
        {.text = "Trade talks 1986\n"
                 "Steel makers shipped more steel abroad, the ministry said.\n"
                 "Copper prices fell. Gold exports 12 pct\n"
                 "Oil stocks 40 pct above forecasts\n"
                 "STEEL QUOTAS 12 pct",
         .has = {"Gold exports", "Oil stocks"},
         .has_part = {"QUOTAS"}},
    };
    check_key_cases(cases, sizeof cases / sizeof *cases);
}

/* A possessive after "by" that stands alone is the agent, a name ("rated
 * A-2 by Moody's and AA by ..."), printed with its 's; before a noun or a
 * ticker it is an owner ("by Japan's exporters", "by Japan's <Fujitsu
 * Ltd>", "by Germany's and France's ministers", "by Japan's, South
 * Korea's and ..."), and in lower case a word's ("by women's and
 * children's charities"). A name's 's goes on into the name that follows it ("Moody's
 * Investors Service"), so no fragment of it is a term. */
static void agents_and_names_keep_their_s(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {.text = "The Phelps Dodge bonds are rated A-2 by Moody's and AA by S/P. A takeover by "
                 "Japan's <Fujitsu Ltd> of Fairchild worried Baldrige. Fairchild chips are "
                 "praised by Japan's engineers. Fairchild chips beat Japan's chips.",
         .has = {"Moody's", "Japan"},
         .lacks = {"Moody", "Japan's"}},
        {.text = "Traders said the bonds of Phelps Dodge were upgraded by Moody's. Phelps Dodge "
                 "sold copper to Moody's clients.",
         .has = {"Moody's"},
         .lacks = {"Moody"}},
        {.text = "The plan was backed by Germany's and France's finance ministers on Monday. "
                 "Germany's Angela Merkel said the euro zone needed the fund. Chips were cut by "
                 "Japan's, South Korea's and Taiwan's makers.",
         .has = {"Germany", "Japan"},
         .lacks = {"Germany's", "Japan's"}},
        {.text = "The shelter is run by women's and children's charities. The charities help "
                 "women and children, and the city pays them.",
         .has = {"women"},
         .lacks = {"women's"}},
        {.text = "The Phelps Dodge bonds are rated Ba-1 (by Moody's) and B by S/P.",
         .has = {"Moody's"},
         .lacks = {"Moody"}},
        {.text = "Moody's Investors Service Inc said it may upgrade the ratings of Phelps Dodge. "
                 "Moody's said it will study the company's prospects. Phelps Dodge has 400 mln "
                 "dlrs of debt. Rating agencies like Moody's Investors Service watch copper.",
         .has = {"Moody's Investors Service"},
         .lacks = {"Investors Service", "Moody's", "Moody"}},
    };
    check_key_cases(cases, sizeof cases / sizeof *cases);
}

/* A name said inside a longer one counts there too, though the story
 * opens with it: "Carolina Power" (of "Carolina Power and Light Co said
 * ...") prints whole, not "Power"; and such a name is the name of its
 * first word taken alone ("Occidental Petroleum", not "Occidental" and
 * "Petroleum"). */
static void opening_names_count_inside_longer_ones(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {.text = "Carolina Power and Light Co said it will redeem preferred shares. The "
                 "redemption, Carolina Power said, will reduce its operating costs.",
         .has = {"Carolina Power"},
         .lacks = {"Power"}},
        {.text = "General Motors Corp said it would close three plants. The plants, General "
                 "Motors said, make trucks. General Motors Acceptance Corp will lend to buyers.",
         .has = {"General Motors"},
         .lacks = {"Motors"}},
        /* The name's first word opens every sentence it is in, and is
         * taken alone first: the name takes its place. */
        {.text = "Occidental Petroleum Corp said it would sell its chemical unit. Occidental said "
                 "the sale would cut debt. Occidental expects to close the sale in May, and "
                 "analysts said Occidental needs cash.",
         .has = {"Occidental Petroleum"},
         .lacks = {"Occidental", "Petroleum"}},
    };
    check_key_cases(cases, sizeof cases / sizeof *cases);
}

/* An acronym and the name it abbreviates are one topic: the list holds
 * one of them ("GM" or "General Motors", "SEC" or "Securities and
 * Exchange Commission"), and a longer name ("General Motors Acceptance")
 * or a longer acronym ("GMAC") is another. */
static void acronyms_are_their_names(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {.text = "General Motors Corp said it would close three plants. GM said the plants make "
                 "trucks, and GM will cut 3,000 jobs. General Motors shares fell. The "
                 "Securities and Exchange Commission is reviewing the sale. The SEC said the "
                 "SEC review would take weeks.",
         .has = {"GM", "SEC"},
         .lacks = {"General Motors", "Securities and Exchange Commission"}},
        {.text = "GM said its plants make trucks, and GM will cut 3,000 jobs. GM shares fell. "
                 "General Motors Acceptance Corp will lend to buyers. General Motors Acceptance "
                 "said loans rose.",
         .has = {"GM", "General Motors Acceptance"}},
        {.text = "GMAC said its loans rose. GMAC lends to buyers, and GMAC shares fell. General "
                 "Motors said its plants make trucks. General Motors will cut jobs.",
         .has = {"GMAC", "General Motors"}},
    };
    check_key_cases(cases, sizeof cases / sizeof *cases);
}

/* An -ed form after a name is the name's verb ("Commerce Department
 * published revisions", "Senate approved legislation"), and after "had"
 * or "has" a perfect's ("had expected orders"), and before an object
 * a verb taking it ("co-managed the offering"); after an owner or a
 * hyphenated rating, or hyphenated itself, it is an adjective. */
static void verbs_after_names_are_no_terms(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {.text = "The Commerce Department published revisions of durable goods orders on "
                 "Monday. The Commerce Department said orders fell 2 pct in January. Economists "
                 "had expected orders to fall. The Senate approved legislation on orders.",
         .has = {"Commerce Department", "Senate"},
         .lacks_part = {"published", "expected"}},
        /* Before a determiner or an object pronoun it is a verb taking an
         * object. */
        {.text = "Salomon Brothers co-managed the offering of Acme bonds. Acme said the bank "
                 "trimmed the rates it pays. Salomon Brothers and Acme declined comment.",
         .has = {"Salomon Brothers"},
         .lacks_part = {"co-managed", "trimmed"}},
        /* After "has", an -ed form the text writes after a determiner
         * too is an adjective ("has preferred stock"); a noun ending in
         * -ed is none ("bloodshed"). */
        {.text = "Acme Corp said it has preferred stock outstanding of 40 mln dlrs. Acme has "
                 "preferred stock in two series. The preferred issue pays a dividend of 9 pct. "
                 "The Gaza bloodshed has killed 12 people. Egypt called for an end to the Gaza "
                 "bloodshed.",
         .has = {"preferred stock", "Gaza bloodshed"}},
        {.text = "Marathon's posted price for crude fell. Marathon's posted price had risen in "
                 "May. The A-plus preferred stock of Acme rose. Japan customs-cleared trade "
                 "surplus grew.",
         .has = {"A-plus preferred stock", "Japan customs-cleared trade surplus"},
         .has_part = {"posted price"}},
    };
    check_key_cases(cases, sizeof cases / sizeof *cases);
}

/* English names hold "of" ("Bank of England", "Gulf of Mexico"), printed
 * whole and with their capitals even first in a sentence; a person "of" a
 * place or firm is not one name ("Lars Thuesen of Privatbanken"), nor is a
 * title's "of" kept before a name ("Secretary of State George Shultz"). */
static void names_hold_of(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {.text = "Bank of England officials said on Monday that rates would stay on hold. The "
                 "Bank of England said inflation was falling, and traders expect the Bank of "
                 "England to cut rates in May. Oil output in the Gulf of Mexico fell, said Lars "
                 "Thuesen of Privatbanken. Lars Thuesen said the Gulf of Mexico would recover. "
                 "Secretary of State George Shultz said George Shultz would visit London.",
         .has = {"Bank of England", "Gulf of Mexico", "George Shultz"},
         .lacks = {"bank of England"},
         .lacks_part = {" of Privatbanken", "of State"}},
    };
    check_key_cases(cases, sizeof cases / sizeof *cases);
}

/* English names hold "and" too when an institution's noun ends them
 * ("Securities and Exchange Commission", not "Exchange Commission" and
 * "Securities"); two names joined by "and" stay two ("Citibank" and "Chase
 * Manhattan Bank", "Commission" and "Justice Department"), and a name too
 * long for a phrase is not joined. */
static void names_hold_and(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {.text = "ACME FILES WITH SEC\nAcme Corp said it filed with the Securities and Exchange "
                 "Commission to sell two mln shares. The Securities and Exchange Commission must "
                 "clear the offering before Acme can sell. Acme said Merrill Lynch and Co would "
                 "manage the sale, and that Citibank and Chase Manhattan Bank would lend it "
                 "money. Citibank declined to comment, and Chase Manhattan Bank said the loan "
                 "was routine.",
         .has = {"Securities and Exchange Commission", "Chase Manhattan Bank"},
         .lacks = {"Exchange Commission", "Securities"},
         .lacks_part = {"Citibank and"}},
        /* The noun may be a possessive ("Administration's"), printed bare. */
        {.text = "FOOD SAFETY\nThe company said the Food and Drug Administration's review of the "
                 "drug would end in May. Analysts expect the Food and Drug Administration's "
                 "panel to approve it. The drug treats asthma.",
         .has = {"Food and Drug Administration"},
         .lacks = {"Drug Administration"}},
        /* An institution's noun before "and" ends a name already. */
        {.text = "Acme said the Commission and Justice Department would review the deal. Acme "
                 "said the Commission and Justice Department must agree.",
         .has = {"Justice Department"},
         .lacks_part = {"Commission and"}},
        /* A name longer than a phrase may be is not joined: cut to its last
         * words it would lose the ones that tell the lender ("Savings and Loan
         * Association" for "Valley Federal Savings and Loan Association"). */
        {.text = "LENDER SOLD\nAcme said it bought Valley Federal Savings and Loan Association "
                 "for 20 mln dlrs. Valley Federal Savings and Loan Association has ten branches. "
                 "Acme said Valley Federal Savings and Loan Association would keep its name.",
         .has_part = {"Valley"}},
        /* The company's suffix may be in capitals. */
        {.text = "SWEETENER\nAcme said it developed the sweetener with Tate and Lyle PLC. Acme "
                 "said Tate and Lyle PLC would sell it in Europe, where Tate and Lyle PLC is "
                 "seeking approval.",
         .has = {"Tate and Lyle"},
         .lacks = {"Lyle"}},
        /* "Co", two letters, is no candidate, but ends such a name. */
        {.text = "TIRES\nShares of Goodyear Tire and Rubber Co rose 2 dlrs. Acme said Goodyear "
                 "Tire and Rubber Co would buy its plant. Analysts expect Goodyear Tire and Rubber "
                 "Co to close the deal.",
         .has = {"Goodyear Tire and Rubber"},
         .lacks = {"Rubber"}},
    };
    check_key_cases(cases, sizeof cases / sizeof *cases);
}

/* A name's 's is the name's where a company's suffix follows it ("Standard
 * and Poor's Corp"), and a name first in its sentence holds "and" when the
 * text never writes its first word in lower case. A possessor stays apart
 * ("Japan's Canon Inc"), as do a common word opening a sentence ("Traders
 * and Internal Trade Department officials", "traders" elsewhere) and an
 * adjective in lower case after a possessive ("Council's limited"). */
static void names_hold_their_s(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {.text = "RATING CUT\nStandard and Poor's Corp said it cut the debt rating of Acme Inc. "
                 "Standard and Poor's said the cut reflects weaker earnings at Acme. Acme said "
                 "it would ask Standard and Poor's to review the rating.",
         .has = {"Standard and Poor's"},
         .lacks = {"Standard", "Poor's", "Poor"}},
        /* Never before a reporting verb, the 's is the name's before "Corp". */
        {.text = "RATING CUT\nThe debt of Acme Inc was cut to junk by Standard and Poor's Corp "
                 "on Monday. Acme said it would ask Standard and Poor's Corp to review the "
                 "rating. Acme said its earnings would recover.",
         .has = {"Standard and Poor's"},
         .lacks = {"Standard and Poor"}},
        {.text = "RATING CUT\nStandard and Poor's Corp cut the debt of Acme Inc to junk on "
                 "Monday, citing weak earnings at Acme. Acme said it would appeal.",
         .has = {"Standard and Poor's"},
         .lacks = {"Standard"}},
        {.text = "CAMERA DEAL\nAcme said Japan's Canon Inc would buy a stake in it. The stake "
                 "would let Japan's Canon Inc sell its cameras in Europe. Canon declined to say "
                 "what it paid.",
         .has = {"Canon"},
         .lacks_part = {"Japan's"}},
        {.text = "GRAIN TALKS\nTraders and the Internal Trade Department met on Monday to "
                 "discuss maize prices. Traders and Internal Trade Department met again on "
                 "Tuesday. The traders said prices would rise. Maize prices fell last week.",
         .has_part = {"Internal Trade Department"},
         .lacks_part = {"Traders and"}},
        {.text = "SKILLS\nThe committee said the Economic and Social Research Council's limited "
                 "resources were stretched. The Economic and Social Research Council said it "
                 "would ask for more money. The committee agreed.",
         .has = {"Economic and Social Research Council"},
         .lacks_part = {"limited"}},
        /* A title or a preposition after the suffix begins no name. */
        {.text = "FAST FOOD\nAnalysts said McDonald's Corp Chairman Fred Turner would retire. "
                 "McDonald's Corp for its part said sales rose, and analysts said McDonald's "
                 "Corp would gain.",
         .has = {"McDonald's"},
         .lacks = {"McDonald"}},
        /* Nor a possessor before a suffix that begins the next name. */
        {.text = "BANK LOAN\nAcme said India's Corporation Bank agreed to lend it 20 mln dlrs. "
                 "Acme said India's Corporation Bank would also arrange a bond issue. Analysts "
                 "said India was a growing market for Acme.",
         .lacks_part = {"India's"}},
        /* A sentence's first word joins only a name that ends its run: here
         * "and" joins farmers and officials. */
        {.text = "DROUGHT AID\nFarmers and Agriculture Ministry officials met on Monday to "
                 "discuss drought aid. The ministry said aid would be paid in May. Growers said "
                 "the aid came too late.",
         .lacks_part = {"Farmers and"}},
    };
    check_key_cases(cases, sizeof cases / sizeof *cases);
}

/* A name's word whose name shares a word with another topic's term prints
 * as that name ("Dome Mines" beside "Dome Petroleum", not "Mines"), unless
 * the word itself is the other term's topic ("North Koreans" beside "North
 * Korea"); so does a body's noun said alone ("the Department"). */
static void names_print_whole_beside_namesakes(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {.text = "STAKE SOLD\nThe company said Dome Mines Ltd sold its stake in Encor Energy to "
                 "Dome Petroleum Ltd. Analysts said Dome Mines would use the money to cut its "
                 "debt. They said Dome Petroleum would pay 100 mln dlrs for the stake. Shares of "
                 "Dome Mines rose on the news, and analysts said Dome Petroleum would negotiate "
                 "with its banks.",
         .has = {"Dome Petroleum", "Dome Mines"},
         .lacks = {"Mines"}},
        {.text = "BREAD ABROAD\nRich North Koreans love baguettes, and the country sends bakers "
                 "abroad to learn how to make them, a paper close to North Korea said. The paper "
                 "said bakers from North Korea trained in France. Food remains scarce for most "
                 "North Koreans, aid groups said. The paper said North Korea would open more "
                 "bakeries for North Koreans.",
         .has = {"North Korea"},
         .lacks_part = {"Koreans"}},
        /* A body's noun alone ("the Department") prints as the name it ends. */
        {.text = "POLICE\nResidents said the Ferguson Police Department had ignored their "
                 "complaints. The Department said it would review its policies. Critics said the "
                 "Department had failed them, and the mayor said the Department would get a new "
                 "chief.",
         .has = {"Ferguson Police Department"},
         .lacks = {"Department", "Police"}},
        /* ... though it is written in lower case as often as not ... */
        {.text = "FARM EXPORTS\nThe Agriculture Department said farm exports rose in March. "
                 "The department said soybean sales led the rise. Analysts said the report was "
                 "strong, and farmers said prices would rise.",
         .has = {"Agriculture Department"},
         .lacks = {"Department", "department"}},
        /* ... even where another word of the name is another term's. */
        {.text = "SEC PROBE\nOfficials at the Securities and Exchange Commission said they "
                 "opened a probe of Acme. Acme shares fell on the New York Stock Exchange. The "
                 "Commission said Acme misled investors. The Stock Exchange halted trading in "
                 "Acme. Staff at the Securities and Exchange Commission said the Commission "
                 "would fine Acme. Stock Exchange officials said trading would resume.",
         .has = {"Securities and Exchange Commission"},
         .lacks = {"Commission"}},
    };
    check_key_cases(cases, sizeof cases / sizeof *cases);
}

/* A player's or an organiser's role is no part of the name after it,
 * first in its sentence and capitalised ("Organiser Iona Malcolm"), or
 * before a surname alone ("defender Dawson"). */
static void sport_and_event_roles_before_names(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {.text = "FESTIVAL RETURNS\nOrganiser Iona Malcolm said the festival would return to "
                 "Oban in June. The festival drew 5,000 people last year, and the town expects "
                 "more visitors. Oban council backed the festival.",
         .has = {"Iona Malcolm"},
         .lacks_part = {"Organiser"}},
        {.text = "SPURS WIN\nTottenham beat Everton 2-1 on Saturday. The winner came from "
                 "defender Dawson in the last minute, after Everton had levelled. Spurs moved up "
                 "to fifth place. Everton stay ninth.",
         .has = {"Dawson"},
         .lacks_part = {"defender"}},
    };
    check_key_cases(cases, sizeof cases / sizeof *cases);
}

/* A name first in its sentences keeps its capital though its first word
 * is also written in lower case ("New Zealand", and "the new figures");
 * a particle before a name is lowered as before ("de Keersmaeker"). */
static void names_first_in_sentences_keep_their_capital(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {.text = "DAIRY EXPORTS RISE\nNew Zealand dairy exports rose 8 pct in March, the "
                 "statistics office said. The new figures showed strong demand from China for "
                 "milk powder. New Zealand farmers expect prices to stay high. Milk powder "
                 "prices rose for a third month.",
         .has_part = {"New Zealand"},
         .lacks_part = {"new Zealand"}},
        {.text = "BELGIAN BUDGET\nDe Keersmaeker said the budget deficit would shrink this year. "
                 "Analysts said de Keersmaeker would resign soon. De Keersmaeker denied that the "
                 "deficit was a problem.",
         .has = {"de Keersmaeker"}},
    };
    check_key_cases(cases, sizeof cases / sizeof *cases);
}

/* A general word that begins a name stays in it: "New York Times", not
 * "York Times". */
static void general_words_stay_in_names(void **state)
{
    (void)state;
    static const key_case cases[] = {
        {.text = "Markets fell on Monday, the New York Times reported. Stocks dropped as the New "
                 "York Times said investors were worried. Analysts at banks said the Times was "
                 "right.",
         .has = {"New York Times"},
         .lacks = {"York Times"}},
    };
    check_key_cases(cases, sizeof cases / sizeof *cases);
}

static void sample_passes_an_editor(void **state)
{
    (void)state;
    const char *src = getenv("PRECIS_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/corpora/abe-putin-vladivostok-2016.txt", src ? src : ".");
    size_t len = 0;
    char *story = test_read_file(path, &len);
    assert_non_null(story);
    assert_editor_accepts("the sample article", story, len);
    free(story);
}

/* The "text" string of a docs.jsonl line, unescaped into a malloc'd
 * buffer (\uXXXX of the BMP as UTF-8); NULL when the line has none. */
static char *json_text(const char *line, size_t *len)
{
    const char *p = strstr(line, "\"text\": \"");
    if (!p)
        return NULL;
    p += 9;
    char *out = malloc(strlen(p) + 1), *o = out;
    assert_non_null(out);
    while (*p && *p != '"') {
        if (*p != '\\') {
            *o++ = *p++;
            continue;
        }
        p++;
        char c = *p++;
        if (c == 'n' || c == 't' || c == 'r') {
            *o++ = c == 'n' ? '\n' : c == 't' ? '\t' : '\r';
        } else if (c == 'u') {
            unsigned cp = (unsigned)strtoul((char[5]){p[0], p[1], p[2], p[3], 0}, NULL, 16);
            p += 4;
            if (cp < 0x80) {
                *o++ = (char)cp;
            } else if (cp < 0x800) {
                *o++ = (char)(0xC0 | cp >> 6);
                *o++ = (char)(0x80 | (cp & 0x3F));
            } else {
                *o++ = (char)(0xE0 | cp >> 12);
                *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
                *o++ = (char)(0x80 | (cp & 0x3F));
            }
        } else {
            *o++ = c;
        }
    }
    *o = '\0';
    *len = (size_t)(o - out);
    return out;
}

/* Twenty Reuters-21578 stories of 250 words or more (ids 3 mod 97), read
 * from ../shared: the corpus the issue's complaints came from. */
static void reuters_stories_pass_an_editor(void **state)
{
    (void)state;
    const char *shared = test_shared_dir();
    if (!shared) {
        printf("SKIP part: reuters_stories_pass_an_editor needs ../shared (PRECIS_SHARED)\n");
        skip();
    }
    static const char *const ids[] = {"2428",  "4174",  "5241",  "5726",  "6793",
                                      "6890",  "7375",  "8054",  "8151",  "10091",
                                      "10382", "11352", "14068", "15620", "16784",
                                      "17075", "17366", "17657", "18433", "18530"};
    enum { N_IDS = sizeof ids / sizeof ids[0] };
    char path[4096];
    snprintf(path, sizeof path, "%s/corpora/reuters21578/docs.jsonl", shared);
    char *corpus = test_read_file(path, NULL);
    if (!corpus) {
        printf("SKIP part: %s is not there\n", path);
        skip();
    }
    size_t found = 0;
    for (char *line = corpus; line && *line;) {
        char *next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        for (size_t i = 0; i < N_IDS; i++) {
            char key[32];
            snprintf(key, sizeof key, "{\"id\": \"%s\",", ids[i]);
            if (strncmp(line, key, strlen(key)) != 0)
                continue;
            size_t len = 0;
            char *story = json_text(line, &len);
            assert_non_null(story);
            char what[64];
            snprintf(what, sizeof what, "Reuters story %s", ids[i]);
            assert_editor_accepts(what, story, len);
            free(story);
            found++;
        }
        line = next;
    }
    free(corpus);
    assert_int_equal(found, N_IDS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(multi_word_phrases, setup, teardown),
        cmocka_unit_test_setup_teardown(counts_occurrences, setup, teardown),
        cmocka_unit_test_setup_teardown(long_texts_grow_their_phrases, setup, teardown),
        cmocka_unit_test_setup_teardown(most_frequent_spelling, setup, teardown),
        cmocka_unit_test_setup_teardown(headline_capitals_are_not_half_lowered, setup, teardown),
        cmocka_unit_test_setup_teardown(possessive_is_not_preferred, setup, teardown),
        cmocka_unit_test_setup_teardown(limit_and_none, setup, teardown),
        cmocka_unit_test_setup_teardown(junk_runs_are_not_key_terms, setup, teardown),
        cmocka_unit_test_setup_teardown(numbers_are_not_key_terms, setup, teardown),
        cmocka_unit_test(word_classes),
        cmocka_unit_test_setup_teardown(verbs_and_adverbs_are_not_key_terms, setup, teardown),
        cmocka_unit_test_setup_teardown(function_words_are_not_key_terms, setup, teardown),
        cmocka_unit_test_setup_teardown(mostly_verbs_break_phrases, setup, teardown),
        cmocka_unit_test_setup_teardown(capitalised_verbs_inside_names, setup, teardown),
        cmocka_unit_test_setup_teardown(participles_before_names_are_verbs, setup, teardown),
        cmocka_unit_test_setup_teardown(markup_and_addresses_are_not_key_terms, setup, teardown),
        cmocka_unit_test_setup_teardown(reported_speech_tags_by_words, setup, teardown),
        cmocka_unit_test_setup_teardown(undated_abstract_with_names_tags_by_phrases, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(modifiers_never_end_a_key_term, setup, teardown),
        cmocka_unit_test_setup_teardown(evaluative_adjectives_lead_no_phrase, setup, teardown),
        cmocka_unit_test_setup_teardown(determiner_like_adjectives_start_no_key_term, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(single_word_inside_a_better_phrase, setup, teardown),
        cmocka_unit_test_setup_teardown(story_word_prints_as_its_name, setup, teardown),
        cmocka_unit_test(general_words_lead_no_phrase),
        cmocka_unit_test(general_words_stay_in_names),
        cmocka_unit_test(names_hold_of),
        cmocka_unit_test(names_hold_and),
        cmocka_unit_test(names_hold_their_s),
        cmocka_unit_test(names_print_whole_beside_namesakes),
        cmocka_unit_test(names_first_in_sentences_keep_their_capital),
        cmocka_unit_test(sport_and_event_roles_before_names),
        cmocka_unit_test_setup_teardown(units_of_time_stand_in_no_term_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(untold_quantities_are_no_terms, setup, teardown),
        cmocka_unit_test_setup_teardown(titles_before_names_are_left_out, setup, teardown),
        cmocka_unit_test_setup_teardown(labels_are_no_terms, setup, teardown),
        cmocka_unit_test(capitalised_labels_with_a_model),
        cmocka_unit_test(table_row_labels_are_no_terms),
        cmocka_unit_test(agents_and_names_keep_their_s),
        cmocka_unit_test(verbs_after_names_are_no_terms),
        cmocka_unit_test(acronyms_are_their_names),
        cmocka_unit_test(opening_names_count_inside_longer_ones),
        cmocka_unit_test_setup_teardown(sources_of_speech_are_no_terms_alone, setup, teardown),
        cmocka_unit_test_setup_teardown(nouns_of_fixed_phrases_are_no_terms_inside_them, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(ing_verbs_with_objects_are_no_terms, setup, teardown),
        cmocka_unit_test_setup_teardown(words_of_a_name_make_one_term, setup, teardown),
        cmocka_unit_test_setup_teardown(phrases_said_inside_longer_ones_print_whole, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(middle_initials_stay_in_names, setup, teardown),
        cmocka_unit_test_setup_teardown(ampersands_join_names, setup, teardown),
        cmocka_unit_test_setup_teardown(abbreviations_begin_names, setup, teardown),
        cmocka_unit_test_setup_teardown(abbreviated_titles_are_no_terms, setup, teardown),
        cmocka_unit_test_setup_teardown(short_name_words_stay_in_names, setup, teardown),
        cmocka_unit_test_setup_teardown(lower_case_abbreviations_are_no_terms, setup, teardown),
        cmocka_unit_test_setup_teardown(quote_boxes_are_no_terms, setup, teardown),
        cmocka_unit_test_setup_teardown(adjectives_stand_alone_only_in_names, setup, teardown),
        cmocka_unit_test(earnings_report_passes_an_editor),
        cmocka_unit_test(dated_reports_pass_an_editor),
        cmocka_unit_test(hyphen_parts_are_one_topic),
        cmocka_unit_test(stem_extensions_are_one_topic),
        cmocka_unit_test_setup_teardown(running_text_spelling_is_printed, setup, teardown),
        cmocka_unit_test_setup_teardown(french_ordinals_are_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(french_verbs_are_not_key_terms, setup, teardown),
        cmocka_unit_test(sample_passes_an_editor),
        cmocka_unit_test(reuters_stories_pass_an_editor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
