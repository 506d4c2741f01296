/* Fuzz target: summarise and extract key terms through the public API.
 *
 * Input: two option bytes, then the text. The first byte picks the method
 * and whether invalid UTF-8 is repaired, the second the language ("auto" or
 * one of a few) and the length budget, so the fuzzer explores every scoring
 * path on the same text; with bit 6 of the first byte set, the second also
 * switches off key-term signals (PRECIS_ABLATE_KEY_*). Every result is rendered to JSON, which walks all
 * of it. A crash, a sanitizer report or a hang is a bug; any status is
 * fine. */
#include <stddef.h>
#include <stdint.h>

#include "precis.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const languages[] = {"auto", "english", "german", "french", "russian",
                                        "greek", "arabic", "dutch"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static precis_summarizer *sm;
    if (!sm && precis_summarizer_new(&sm) != PRECIS_OK)
        return 0;
    if (size < 2)
        return 0;
    uint8_t a = data[0], b = data[1];
    const char *text = (const char *)data + 2;
    size_t len = size - 2;

    precis_options o;
    precis_options_init(&o, sizeof o);
    o.method = (precis_method)(a % precis_method_count());
    o.repair_utf8 = (a >> 4) & 1;
    o.ablate = (a >> 5) & 1 ? 63 : 0; /* the summary's priors */
    /* The key-term signals, PRECIS_ABLATE_KEY_IDF (64) to ..._SPEECH (16384):
     * b gives the first eight, a's top bit the last. */
    if ((a >> 6) & 1)
        o.ablate |= ((unsigned)b << 6) & 0x3FC0u;
    if ((a >> 7) & 1)
        o.ablate |= PRECIS_ABLATE_KEY_SPEECH;
    o.language = languages[b % (sizeof languages / sizeof *languages)];
    switch ((b >> 3) & 3) {
    case 0: o.sentences = 1 + (b >> 5); break;
    case 1: o.words = 5u + 10u * (b >> 5); break;
    case 2: o.ratio = 0.1 * (1 + (b >> 5)); break;
    default: o.keywords = 0; break;
    }
    precis_result *res = NULL;
    if (precis_summarize(sm, text, len, &o, &res, NULL) == PRECIS_OK) {
        precis_json_options jo;
        precis_json_options_init(&jo, sizeof jo);
        char *json = NULL;
        size_t n = 0;
        precis_result_json(res, &jo, &json, &n);
        precis_free(json);
        precis_result_free(res);
    }
    res = NULL;
    o.keywords = 1 + (a & 15);
    if (precis_extract_keywords(sm, text, len, &o, &res, NULL) == PRECIS_OK)
        precis_result_free(res);
    return 0;
}
