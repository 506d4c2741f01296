/* Language detection (--lang auto): texts written for this test in
 * fourteen languages, every French fixture document, and a French summary
 * that must use French stopwords and stemming. */
#include "support.h"

#include <dirent.h>

#include "internal.h"
#include "language.h"

static const struct {
    const char *language, *text;
} samples[] = {
    {"english",
     "The city council voted on Tuesday to close the old bridge for repairs. Drivers will "
     "have to take the ring road for at least six months, and the mayor said that the work "
     "could not wait any longer because of the damage found in the spring."},
    {"french",
     "Le conseil municipal a voté mardi la fermeture du vieux pont pour des travaux. Les "
     "automobilistes devront emprunter le périphérique pendant au moins six mois, et le maire "
     "a déclaré que les réparations ne pouvaient plus attendre."},
    {"german",
     "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke für Reparaturen zu sperren. "
     "Autofahrer müssen mindestens sechs Monate lang die Umgehungsstraße nehmen, und der "
     "Bürgermeister sagte, dass die Arbeiten nicht länger warten können."},
    {"spanish",
     "El ayuntamiento votó el martes el cierre del viejo puente para hacer reparaciones. Los "
     "conductores tendrán que usar la circunvalación durante al menos seis meses, y el alcalde "
     "dijo que las obras no podían esperar más."},
    {"italian",
     "Il consiglio comunale ha votato martedì la chiusura del vecchio ponte per lavori di "
     "riparazione. Gli automobilisti dovranno prendere la tangenziale per almeno sei mesi, e il "
     "sindaco ha detto che i lavori non potevano più aspettare."},
    {"portuguese",
     "A câmara municipal votou na terça-feira o encerramento da velha ponte para obras. Os "
     "condutores terão de usar a circular durante pelo menos seis meses, e o presidente da "
     "câmara disse que as reparações não podiam esperar mais."},
    {"dutch",
     "De gemeenteraad heeft dinsdag besloten de oude brug te sluiten voor herstelwerkzaamheden. "
     "Automobilisten moeten minstens zes maanden de ringweg nemen, en de burgemeester zei dat "
     "het werk niet langer kon wachten."},
    {"swedish",
     "Kommunfullmäktige röstade på tisdagen för att stänga den gamla bron för reparationer. "
     "Bilister måste ta ringleden i minst sex månader, och borgmästaren sade att arbetet inte "
     "kunde vänta längre på grund av skadorna som upptäcktes i våras."},
    {"danish",
     "Byrådet stemte tirsdag for at lukke den gamle bro af hensyn til reparationer. Bilister "
     "skal køre ad ringvejen i mindst seks måneder, og borgmesteren sagde, at arbejdet ikke "
     "kunne vente længere på grund af de skader, der blev fundet i foråret."},
    {"finnish",
     "Kaupunginvaltuusto päätti tiistaina sulkea vanhan sillan korjausten ajaksi. Autoilijoiden "
     "on käytettävä kehätietä vähintään kuuden kuukauden ajan, ja pormestari sanoi, että työt "
     "eivät voi enää odottaa, koska keväällä löydettiin vaurioita."},
    {"russian",
     "Городской совет во вторник проголосовал за закрытие старого моста на ремонт. Водителям "
     "придётся ездить по кольцевой дороге не менее шести месяцев, а мэр заявил, что работы "
     "больше не могут ждать из-за повреждений, найденных весной."},
    {"greek",
     "Το δημοτικό συμβούλιο ψήφισε την Τρίτη να κλείσει η παλιά γέφυρα για επισκευές. Οι "
     "οδηγοί θα πρέπει να χρησιμοποιούν τον περιφερειακό δρόμο για τουλάχιστον έξι μήνες, και "
     "ο δήμαρχος είπε ότι τα έργα δεν μπορούν να περιμένουν άλλο."},
    {"turkish",
     "Belediye meclisi salı günü eski köprünün onarım için kapatılmasına karar verdi. "
     "Sürücüler en az altı ay boyunca çevre yolunu kullanmak zorunda kalacak ve belediye "
     "başkanı çalışmaların daha fazla bekleyemeyeceğini söyledi, çünkü bu hasar çok ciddi."},
    {"hungarian",
     "A városi közgyűlés kedden megszavazta, hogy a régi hidat lezárják a javítások idejére. "
     "Az autósoknak legalább hat hónapig a körgyűrűt kell használniuk, és a polgármester azt "
     "mondta, hogy a munkák nem várhatnak tovább, mert tavasszal sérüléseket találtak."},
};

static precis_summarizer *summarizer;

static int setup(void **state)
{
    (void)state;
    return precis_summarizer_new(&summarizer) == PRECIS_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    precis_summarizer_free(summarizer);
    return 0;
}

static const char *detect(const char *text, size_t len, bool *confident)
{
    pcs_arena arena;
    pcs_arena_init(&arena);
    pcs_doc doc;
    precis_options o;
    precis_options_init(&o, sizeof o);
    memset(&doc, 0, sizeof doc);
    assert_int_equal(pcs_text_prepare(&doc, &arena, text, len, &o, NULL), PRECIS_OK);
    pcs_detection d = pcs_detect_language(doc.text, doc.len);
    pcs_arena_free(&arena);
    *confident = d.confident;
    return d.language ? d.language : "(none)";
}

static void own_texts(void **state)
{
    (void)state;
    int wrong = 0;
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        bool confident;
        const char *got = detect(samples[i].text, strlen(samples[i].text), &confident);
        if (strcmp(got, samples[i].language) != 0 || !confident) {
            printf("%s text: detected %s%s\n", samples[i].language, got,
                   confident ? "" : " (unsure)");
            wrong++;
        }
    }
    assert_int_equal(wrong, 0);
}

/* Each text repeated past the 300 words detection reads: the check after
 * 100 words settles most of them early, and must settle on the same
 * language as reading them all. */
static void long_texts_settle_on_their_language(void **state)
{
    (void)state;
    int wrong = 0;
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        size_t n = strlen(samples[i].text);
        char *text = malloc(8 * (n + 1));
        assert_non_null(text);
        for (int k = 0; k < 8; k++) {
            memcpy(text + k * (n + 1), samples[i].text, n);
            text[k * (n + 1) + n] = '\n';
        }
        bool confident;
        const char *got = detect(text, 8 * (n + 1), &confident);
        if (strcmp(got, samples[i].language) != 0 || !confident) {
            printf("%s text x8: detected %s%s\n", samples[i].language, got,
                   confident ? "" : " (unsure)");
            wrong++;
        }
        free(text);
    }
    assert_int_equal(wrong, 0);
}

/* A text whose first 100 words plainly read as one language settles
 * there only if its middle reads so too: an English lede of 130 words over
 * a Danish story is read on, to the 300 words detection always read
 * (English, but unsure). Settling on the lede alone made it surely
 * English. */
static void lede_in_another_language_reads_on(void **state)
{
    (void)state;
    const char *en = samples[0].text, *da = NULL;
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
        if (strcmp(samples[i].language, "danish") == 0)
            da = samples[i].text;
    assert_non_null(da);
    char text[8192] = "";
    for (int k = 0; k < 3; k++)
        strcat(strcat(text, en), "\n");
    for (int k = 0; k < 6; k++)
        strcat(strcat(text, da), "\n");
    bool confident;
    assert_string_equal(detect(text, strlen(text), &confident), "english");
    assert_false(confident);
}

static void unsure_on_too_little_text(void **state)
{
    (void)state;
    bool confident;
    detect("Sixers 115, Nets 90", 19, &confident);
    assert_false(confident);
    /* Through the API: english is used and the stats say it was a guess. */
    precis_result *r = NULL;
    const char *text = "Sixers 115, Nets 90.";
    assert_int_equal(precis_extract_keywords(summarizer, text, strlen(text), NULL, &r, NULL),
                     PRECIS_OK);
    assert_string_equal(precis_result_stats(r)->language, "english");
    assert_true(precis_result_stats(r)->language_detected);
    assert_true(precis_result_stats(r)->language_unsure);
    precis_result_free(r);
}

static void every_french_fixture(void **state)
{
    (void)state;
    const char *shared = test_shared_dir();
    if (!shared) {
        printf("SKIP part: every_french_fixture needs ../shared (PRECIS_SHARED)\n");
        skip();
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/fixtures/keys/wikinews-fr/docs", shared);
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int n = 0, wrong = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char path[4600];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len = 0;
        char *text = test_read_file(path, &len);
        assert_non_null(text);
        bool confident;
        const char *got = detect(text, len, &confident);
        if (strcmp(got, "french") != 0 || !confident) {
            printf("%s: detected %s%s\n", e->d_name, got, confident ? "" : " (unsure)");
            wrong++;
        }
        n++;
        free(text);
    }
    closedir(d);
    assert_true(n >= 40);
    assert_int_equal(wrong, 0);
}

/* A French summary uses French stopwords and the French stemmer: "les"
 * and "des" are stopwords and never key terms, and "réparation" and
 * "réparations" are one term. */
static void french_summary_is_french(void **state)
{
    (void)state;
    const char *text =
        "Le conseil municipal a voté mardi la fermeture du vieux pont pour des réparations. "
        "Les réparations dureront au moins six mois selon le maire de la ville. "
        "Les automobilistes devront emprunter le périphérique pendant les réparations. "
        "Le maire a déclaré que la réparation du pont ne pouvait plus attendre. "
        "Les commerçants du quartier craignent une baisse de leur chiffre d'affaires.";
    precis_options o;
    precis_options_init(&o, sizeof o);
    pcs_doc doc;
    assert_int_equal(pcs_prepare_tokens(summarizer, text, strlen(text), &o, &doc, NULL, NULL),
                     PRECIS_OK);
    assert_string_equal(doc.cfg.language, "french");
    uint32_t plural = UINT32_MAX, singular = UINT32_MAX, stops = 0;
    for (uint32_t k = 0; k < doc.n_toks; k++) {
        const pcs_token *t = &doc.toks[k];
        const char *w = doc.text + t->start;
        if (t->len == strlen("réparations") && memcmp(w, "réparations", t->len) == 0)
            plural = t->term;
        if (t->len == strlen("réparation") && memcmp(w, "réparation", t->len) == 0)
            singular = t->term;
        if ((t->len == 3 && (memcmp(w, "les", 3) == 0 || memcmp(w, "des", 3) == 0 ||
                             memcmp(w, "Les", 3) == 0)))
            stops += t->term == UINT32_MAX;
    }
    assert_true(plural != UINT32_MAX);
    assert_int_equal(plural, singular);
    assert_int_equal(stops, 5);

    precis_result *r = NULL;
    assert_int_equal(precis_summarize(summarizer, text, strlen(text), NULL, &r, NULL), PRECIS_OK);
    const precis_stats *st = precis_result_stats(r);
    assert_string_equal(st->language, "french");
    assert_true(st->language_detected);
    assert_false(st->language_unsure);
    for (size_t i = 0; i < precis_result_keyword_count(r); i++) {
        const char *term = precis_result_keyword(r, i)->term;
        assert_true(strcmp(term, "les") != 0 && strcmp(term, "des") != 0 &&
                    strcmp(term, "pendant") != 0);
    }
    precis_result_free(r);
}

/* The generated detection table answers, for every stopword of every
 * language, exactly the set of languages whose list holds it (counted
 * here the slow way, over the lists themselves), and nothing for words in
 * no list or for a stopword's prefixes and extensions. */
static void stopword_table_matches_the_lists(void **state)
{
    (void)state;
    size_t checked = 0;
    for (size_t l = 0; l < pcs_language_data_count; l++) {
        const char *const *list = pcs_language_data_table[l].stopwords;
        for (size_t i = 0; list && list[i]; i++) {
            size_t n = strcspn(list[i], " \t");
            uint32_t want = 0;
            for (size_t m = 0; m < pcs_language_data_count; m++) {
                const char *const *other = pcs_language_data_table[m].stopwords;
                for (size_t k = 0; other && other[k]; k++)
                    if (strcspn(other[k], " \t") == n && memcmp(other[k], list[i], n) == 0)
                        want |= 1u << m;
            }
            assert_int_equal(pcs_stopword_languages(list[i], n), want);
            assert_true(want & 1u << l);
            checked++;
        }
    }
    assert_true(checked > 5000);
    assert_true(pcs_detect_count > 5000 && pcs_detect_count <= checked);
    /* The buckets cover the table, in order. */
    assert_int_equal(pcs_detect_bucket[0], 0);
    assert_int_equal(pcs_detect_bucket[PCS_WORD_BUCKETS], pcs_detect_count);
    for (unsigned b = 0; b < PCS_WORD_BUCKETS; b++)
        assert_true(pcs_detect_bucket[b] <= pcs_detect_bucket[b + 1]);
    assert_int_not_equal(pcs_stopword_languages("the", 3), 0);
    assert_int_equal(pcs_stopword_languages("th", 2), 0);
    assert_int_equal(pcs_stopword_languages("thex", 4), 0);
    assert_int_equal(pcs_stopword_languages("bridge", 6), 0);
    assert_int_equal(pcs_stopword_languages("", 0), 0);
    assert_int_equal(pcs_stopword_languages("\xff\xff", 2), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(own_texts),
        cmocka_unit_test(long_texts_settle_on_their_language),
        cmocka_unit_test(lede_in_another_language_reads_on),
        cmocka_unit_test(unsure_on_too_little_text),
        cmocka_unit_test(french_summary_is_french),
        cmocka_unit_test(every_french_fixture),
        cmocka_unit_test(stopword_table_matches_the_lists),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
