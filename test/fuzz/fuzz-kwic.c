/* fuzz-kwic.c: a libFuzzer target for the concordance matcher
 * (src/lib/kwic.c), in process. The matchers are compiled once; the first
 * byte of each input picks one (one pattern, the 100 Syrian place names of
 * test/bench/places-sy-100.txt, the other modes) and whether invalid UTF-8
 * is refused, and the rest is one block of lines for it, padded as the
 * reader pads it. Every hit must lie inside its line, in order.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -Isrc/lib \
 *       test/fuzz/fuzz-kwic.c src/lib/\*.c build/data_tab.c -lutf8proc -lm
 * run from the top of the tree (FUZZ_KWIC_PATTERNS names another list). */
#include "arlib.h"

#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct {
	enum ar_kwic_mode mode;
	int exact, every_line;
	const char *pats;       /* one a line; NULL: the place names */
} conf[] = {
	{ AR_KWIC_WORD, 0, 0, "قره" },
	{ AR_KWIC_WORD, 0, 0, NULL },
	{ AR_KWIC_WORD, 0, 0, "قره باغ\nوز*\nBBC\n19" },
	{ AR_KWIC_PREFIX, 0, 0, "تونس\nقره" },
	{ AR_KWIC_SUBSTRING, 0, 0, "ونس\na-b" },
	{ AR_KWIC_WORD, 1, 0, "الحكومة\nقرة" },
	{ AR_KWIC_WORD, 0, 1, "قره\nتونس" },    /* every line, as --collocates */
	{ AR_KWIC_WORD, 0, 0, "*" },            /* no letter: every line whole */
	{ AR_KWIC_WORD, 0, 0, "كوفيد-19\nد.\nU.S.\n...\n11/8/2015" },  /* punctuation */
};
#define NCONF (sizeof conf / sizeof conf[0])
static struct ar_kwic *kw[NCONF];

static int
add_pat(char *line, size_t n, unsigned long lineno, void *ctx)
{
	(void)lineno;
	ar_kwic_add(ctx, line, n);
	return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *list = getenv("FUZZ_KWIC_PATTERNS");
	size_t len;
	char *places;

	(void)argc, (void)argv;
	ar_init("fuzz-kwic", "", "");
	places = ar_slurp(list ? list : "test/bench/places-sy-100.txt", &len);
	for (size_t i = 0; i < NCONF; i++) {
		struct ar_kwic_opts o = { .mode = conf[i].mode, .steps = ar_steps_default,
		    .exact = conf[i].exact, .every_line = conf[i].every_line };
		const char *p = conf[i].pats ? conf[i].pats : places;
		kw[i] = ar_kwic_new(&o);
		ar_each_line(p, conf[i].pats ? strlen(p) : len, add_pat, kw[i]);
		ar_kwic_ready(kw[i]);
	}
	free(places);
	return 0;
}

static int
on_line(const struct ar_kwic_line *l, void *ctx)
{
	size_t last = 0;

	(void)ctx;
	if (ar_u8valid(l->s, l->n) != l->n)
		abort();                /* the sink gets valid UTF-8 */
	for (size_t i = 0; i < l->nhits; i++) {
		const struct ar_kwic_hit *h = &l->hits[i];
		if (h->start >= h->end || h->end > l->n || h->start < last || h->pat < 0)
			abort();
		last = h->start;
	}
	return 0;
}

static int
on_invalid(unsigned long lineno, size_t off, void *ctx)
{
	(void)lineno, (void)off;
	return *(int *)ctx ? -1 : 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned long line = 0;
	char *buf;
	int refuse;

	if (size == 0)
		return 0;
	refuse = data[0] / NCONF & 1;
	struct ar_kwic_sink sink = { on_line, on_invalid, &refuse };
	/* exactly the block and its pad, so that reading past them is caught */
	if (!(buf = malloc(size - 1 + AR_BLOCK_PAD)))
		abort();
	memcpy(buf, data + 1, size - 1);
	memset(buf + size - 1, 0, AR_BLOCK_PAD);
	ar_kwic_block(kw[data[0] % NCONF], buf, size - 1, &line, &sink);
	free(buf);
	return 0;
}
