/* kwic.c: the concordance matcher (src/lib/kwic.c): patterns against
 * blocks of lines, each hit written "LINE:START-END:PATTERN" (bytes). */
#include "arlib.h"
#include "check.h"

#include <math.h>
#include <stdlib.h>

static const struct kcase {
	const char *what;
	enum ar_kwic_mode mode;
	int exact;
	const char *pats;       /* one a line */
	const char *text;
	const char *want;       /* the hits, each followed by a space */
} cases[] = {
	{ "the fold: teh marbuta, diacritics, tatweel", AR_KWIC_WORD, 0, "قره",
	  "قرة باغ\nقَرَه و قـره\n", "1:0-6:0 2:0-10:0 2:14-22:0 " },
	{ "a proclitic belongs to the hit", AR_KWIC_WORD, 0, "قره",
	  "وقره\nبالقرة\n", "1:0-8:0 2:0-12:0 " },
	{ "a whole word, not a part", AR_KWIC_WORD, 0, "قره", "قرهباغ تقره\n", "" },
	{ "--prefix: any ending", AR_KWIC_PREFIX, 0, "قره", "قرهباغ\n", "1:0-12:0 " },
	{ "--substring: anywhere", AR_KWIC_SUBSTRING, 0, "ونس", "تونس\n", "1:2-8:0 " },
	{ "--exact: no fold", AR_KWIC_WORD, 1, "قره", "قرة قره\n", "1:7-13:0 " },
	{ "a phrase across spaces; a wildcard", AR_KWIC_WORD, 0, "رئيس الحكومة\nوز*",
	  "رئيس  الحكومة وزير\n", "1:0-24:0 1:25-33:1 " },
	{ "line numbers: empty lines, CRLF, no final newline", AR_KWIC_WORD, 0, "قره",
	  "x\n\r\nقره\r\n\nقره", "3:0-6:0 5:0-6:0 " },
	{ "no letter at all: every line is read", AR_KWIC_WORD, 0, "*",
	  "ab\n\ncd\n", "1:0-2:0 3:0-2:0 " },
	{ "Latin and digits", AR_KWIC_WORD, 0, "BBC\n19", "the BBC said 19 x19\n",
	  "1:4-7:0 1:13-15:1 " },
	{ "an empty pattern is ignored", AR_KWIC_WORD, 0, "  \nقره", "قره\n", "1:0-6:0 " },
	{ "several patterns, several per line", AR_KWIC_WORD, 0, "تونس\nصفاقس\nقره",
	  "من تونس إلى صفاقس\nلا\nقرة\n", "1:5-13:0 1:21-31:1 3:0-6:2 " },
	{ "punctuation is text: a dash, a dot (after a proclitic), slashes", AR_KWIC_WORD, 0,
	  "كوفيد-19\nد.\nU.S.\n11/8/2015\na-b",
	  "قال كوفيد-19 ود. محمد U.S. في 11/8/2015 xa-bx\n",
	  "1:7-20:0 1:21-26:1 1:36-40:2 1:46-55:3 " },
	{ "a pattern of punctuation alone; word bounds only at letters", AR_KWIC_WORD, 0,
	  "...\nد.", "قال... ثم عبد. د.x\n", "1:6-9:0 1:23-26:1 " },
	{ "--substring with a dash", AR_KWIC_SUBSTRING, 0, "a-b", "xa-bx\n", "1:1-4:0 " },
};

struct got { struct ar_buf s; int invalid, refuse; size_t lines; };

static int
on_line(const struct ar_kwic_line *l, void *ctx)
{
	struct got *g = ctx;
	char tmp[96];

	g->lines++;
	check(ar_u8valid(l->s, l->n) == l->n, "line %lu is valid UTF-8", l->lineno);
	for (size_t i = 0; i < l->nhits; i++) {
		const struct ar_kwic_hit *h = &l->hits[i];
		check(h->start < h->end && h->end <= l->n, "hit %zu-%zu in a line of %zu",
		    h->start, h->end, l->n);
		snprintf(tmp, sizeof tmp, "%lu:%zu-%zu:%d ", l->lineno, h->start, h->end, h->pat);
		ar_buf_add(&g->s, tmp, strlen(tmp));
	}
	return 0;
}

static int
on_invalid(unsigned long lineno, size_t off, void *ctx)
{
	struct got *g = ctx;
	(void)lineno, (void)off;
	g->invalid++;
	return g->refuse ? -1 : 0;
}

static int
add_pat(char *line, size_t n, unsigned long lineno, void *ctx)
{
	(void)lineno;
	ar_kwic_add(ctx, line, n);
	return 0;
}

static struct ar_kwic *
compile(enum ar_kwic_mode mode, int exact, int every_line, const char *pats)
{
	struct ar_kwic_opts o = { .mode = mode, .steps = ar_steps_default, .exact = exact,
	    .every_line = every_line };
	struct ar_kwic *k = ar_kwic_new(&o);
	ar_each_line(pats, strlen(pats), add_pat, k);
	ar_kwic_ready(k);
	return k;
}

/* Scan text as one block, padded as the reader pads it. */
static int
scan(struct ar_kwic *k, const char *text, struct got *g, unsigned long *line)
{
	size_t n = strlen(text);
	char *p = calloc(n + AR_BLOCK_PAD, 1);
	struct ar_kwic_sink sink = { on_line, on_invalid, g };
	int r;

	memcpy(p, text, n);
	r = ar_kwic_block(k, p, n, line, &sink);
	free(p);
	ar_buf_addc(&g->s, 0);
	return r;
}

static void
run_cases(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct kcase *c = &cases[i];
		struct ar_kwic *k = compile(c->mode, c->exact, 0, c->pats);
		struct got g = { 0 };
		unsigned long line = 0;

		check(scan(k, c->text, &g, &line) == 0, "%s: status", c->what);
		check(!strcmp(g.s.s, c->want), "%s: got '%s', want '%s'", c->what, g.s.s, c->want);
		ar_buf_free(&g.s);
		ar_kwic_free(k);
	}
}

/* -i: Latin letters in either case, whatever path the scanner takes (one
 * pattern with a rare key, or many). */
static void
icase(void)
{
	for (int many = 0; many < 2; many++) {
		struct ar_kwic_opts o = { .mode = AR_KWIC_WORD, .steps = ar_steps_default, .icase = 1 };
		struct ar_kwic *k = ar_kwic_new(&o);
		struct got g = { 0 };
		unsigned long line = 0;
		const char *more[] = { "الحكومة", "في", "من", "على", "الى" };

		ar_kwic_add(k, "bBc", 3);
		for (int i = 0; many && i < 5; i++)
			ar_kwic_add(k, more[i], strlen(more[i]));
		ar_kwic_ready(k);
		scan(k, "the BBC said bbc, Bbc\n", &g, &line);
		check(!strcmp(g.s.s, "1:4-7:0 1:13-16:0 1:18-21:0 "), "-i (%d patterns): got '%s'",
		    many ? 6 : 1, g.s.s);
		ar_buf_free(&g.s);
		ar_kwic_free(k);
	}
}

/* The collocation statistics (freq.c) against values worked by hand from
 * their definitions: a collocate seen 10 times among the 100 words near
 * the hits and 20 times in a text of 1000 words. E11 = 100*20/1000 = 2;
 * MI = log2(10/2); t = (10-2)/sqrt(10); Log Ratio = log2((10/100) /
 * (10/900)) = log2(9); G2 over the table 10 90 / 10 890 with expected
 * 2 98 / 18 882 is 21.177 (2 * sum of o ln(o/e)). */
static void
stats(void)
{
	check(fabs(ar_freq_mi(10, 100, 20, 1000) - 2.321928) < 1e-5, "MI %f", ar_freq_mi(10, 100, 20, 1000));
	check(fabs(ar_freq_t(10, 100, 20, 1000) - 2.529822) < 1e-5, "t %f", ar_freq_t(10, 100, 20, 1000));
	check(fabs(ar_freq_logratio(10, 100, 20, 1000) - 3.169925) < 1e-5, "Log Ratio %f",
	    ar_freq_logratio(10, 100, 20, 1000));
	check(fabs(ar_freq_ll(10, 100, 20, 1000) - 21.176963) < 1e-4, "LL %f", ar_freq_ll(10, 100, 20, 1000));
	/* rarer near the hits than elsewhere: negative MI, t, Log Ratio and LL */
	check(ar_freq_mi(1, 100, 100, 1000) < 0 && ar_freq_t(1, 100, 100, 1000) < 0
	    && ar_freq_logratio(1, 100, 100, 1000) < 0 && ar_freq_ll(1, 100, 100, 1000) < 0,
	    "negative association");
	/* never seen elsewhere: Log Ratio takes 0.5 for the zero, stays finite */
	check(fabs(ar_freq_logratio(2, 7, 2, 17) - log2((2.0 / 7) / (0.5 / 10))) < 1e-9, "zero o21");
}

/* The same text in two blocks gives the same hits, numbered on. */
static void
two_blocks(void)
{
	struct ar_kwic *k = compile(AR_KWIC_WORD, 0, 0, "قره");
	struct got g = { 0 };
	unsigned long line = 0;

	scan(k, "قره\nلا\n", &g, &line);
	check(line == 2, "two lines counted, got %lu", line);
	g.s.len--;
	scan(k, "x\nوقره\n", &g, &line);
	check_str(g.s.s, "1:0-6:0 4:0-8:0 ", "two blocks");
	check(line == 4, "four lines counted, got %lu", line);
	ar_buf_free(&g.s);
	ar_kwic_free(k);
}

/* Invalid UTF-8: the sink hears of it; the line is matched repaired, or
 * dropped when the sink refuses it (--strict). */
static void
invalid(void)
{
	struct ar_kwic *k = compile(AR_KWIC_WORD, 0, 0, "قره");
	struct got g = { 0 };
	unsigned long line = 0;

	check(scan(k, "قره \xff\nok\n\xd9\n", &g, &line) == 0, "repaired: status 0");
	check_str(g.s.s, "1:0-6:0 ", "repaired");
	check(g.invalid == 2, "two invalid lines, got %d", g.invalid);
	ar_buf_free(&g.s);
	g = (struct got){ .refuse = 1 };
	line = 0;
	check(scan(k, "قره \xff\nقره\n", &g, &line) == -1, "refused: status -1");
	check_str(g.s.s, "2:0-6:0 ", "refused");
	ar_buf_free(&g.s);
	ar_kwic_free(k);
}

/* every_line: the sink gets each line, hits or not (collocates). */
static void
every_line(void)
{
	struct ar_kwic *k = compile(AR_KWIC_WORD, 0, 1, "قره");
	struct got g = { 0 };
	unsigned long line = 0;

	scan(k, "a\nقره\n\nb", &g, &line);
	check(g.lines == 4, "every line: got %zu", g.lines);
	check_str(g.s.s, "2:0-6:0 ", "every line");
	ar_buf_free(&g.s);
	ar_kwic_free(k);
}

static void
patterns(void)
{
	struct ar_kwic_opts o = { .mode = AR_KWIC_WORD, .steps = ar_steps_default,
	    .proclitics = "", .proclitics_len = 0 };
	struct ar_kwic *k = ar_kwic_new(&o);
	struct got g = { 0 };
	unsigned long line = 0;

	check(ar_kwic_add(k, " ", 1) == -1, "an empty pattern");
	check(ar_kwic_add(k, "قَرَه", strlen("قَرَه")) == 0, "the first pattern");
	check(ar_kwic_count(k) == 1, "one pattern");
	check_str(ar_kwic_pattern(k, 0), "قَرَه", "as given");
	check(ar_kwic_width(k, 0) == 3, "folded width 3, got %zu", ar_kwic_width(k, 0));
	ar_kwic_ready(k);
	scan(k, "وقره قره\n", &g, &line);
	check_str(g.s.s, "1:9-15:0 ", "no proclitics");
	ar_buf_free(&g.s);
	ar_kwic_free(k);
}

static void
context(void)
{
	const char *s = "one two three four five";
	size_t ls, re, rw;
	const char *w;
	size_t wn;

	ar_kwic_context(s, strlen(s), 8, 13, 5, 0, &ls, &re, &rw);
	check(ls == 3 && re == 18 && rw == 5, "5 columns: %zu %zu %zu", ls, re, rw);
	ar_kwic_context(s, strlen(s), 8, 13, 0, 1, &ls, &re, &rw);
	check(ls == 4 && re == 18 && rw == 5, "1 word: %zu %zu %zu", ls, re, rw);
	ar_kwic_context_word("a, bb ccc", 2, 0, &w, &wn);
	check(wn == 2 && !memcmp(w, "bb", 2), "R2");
	ar_kwic_context_word("a, bb ccc.", 1, 1, &w, &wn);
	check(wn == 3 && !memcmp(w, "ccc", 3), "L1");
	ar_kwic_context_word("a", 3, 0, &w, &wn);
	check(wn == 0, "no R3");
}

int
main(void)
{
	ar_init("kwic", "", "");
	run_cases();
	icase();
	stats();
	two_blocks();
	invalid();
	every_line();
	patterns();
	context();
	return check_done("kwic");
}
