/* term.c: text for a terminal (src/lib/term.c): --visual's reordering and
 * shaping through FriBidi, and where a bidi terminal shows a keyword, the
 * shortcut for plain Arabic rows checked against the whole algorithm. */
#include "arlib.h"
#include "check.h"

#include <fribidi.h>

/* ar_term_visual: one part, right to left */
static const struct { const char *in, *out; size_t cols; } visual[] = {
	{ "قره", "ﻩﺮﻗ", 3 },                           /* joined: final, medial, initial */
	{ "لا", "ﻻ", 1 },                              /* lam-alef: one ligature */
	{ "في 2023", "2023 ﻲﻓ", 7 },                  /* digits read left to right */
	{ "(الجبلي)", "(ﻲﻠﺒﺠﻟﺍ)", 8 },                /* brackets mirrored */
	{ "قال BBC News", "BBC News ﻝﺎﻗ", 12 },       /* a Latin run in order */
	{ "قَرَه", "ﻩﺮَﻗَ", 3 },                        /* a mark follows its letter */
	{ "a\tb", "a b", 3 },                          /* a control is a space */
	{ "", "", 0 },
};

/* Where the whole algorithm (a left-to-right paragraph) shows [b, e). */
static size_t
reference(const char *s, size_t n, size_t b, size_t e, size_t *hi)
{
	FriBidiChar u[1200];
	FriBidiCharType t[1200];
	FriBidiBracketType br[1200];
	FriBidiLevel lv[1200];
	FriBidiStrIndex map[1200];
	size_t at[1200], len = 0, i = 0, col = 0, lo = (size_t)-1;
	FriBidiParType base = FRIBIDI_PAR_LTR;

	while (i < n) {
		int32_t cp;
		at[len] = i;
		i += ar_u8dec(s + i, &cp);
		u[len++] = (FriBidiChar)cp;
	}
	*hi = 0;
	if (!len)
		return 0;
	fribidi_get_bidi_types(u, (FriBidiStrIndex)len, t);
	fribidi_get_bracket_types(u, (FriBidiStrIndex)len, t, br);
	if (!fribidi_get_par_embedding_levels_ex(t, br, (FriBidiStrIndex)len, &base, lv))
		return 0;
	for (size_t k = 0; k < len; k++)
		map[k] = (FriBidiStrIndex)k;
	if (!fribidi_reorder_line(0, t, (FriBidiStrIndex)len, 0, base, lv, NULL, map))
		return 0;
	for (size_t v = 0; v < len; v++) {
		size_t k = (size_t)map[v], w = (size_t)ar_cpwidth((int32_t)u[k]);
		if (at[k] >= b && at[k] < e && w) {
			if (lo == (size_t)-1 || col < lo)
				lo = col;
			if (col + w > *hi)
				*hi = col + w;
		}
		col += w;
	}
	return lo == (size_t)-1 ? 0 : lo;
}

/* the pieces random rows are made of: Arabic words, spaces, punctuation,
 * brackets, digits of both kinds, Latin, marks, a joiner, a no-break
 * space (brackets twice over: pairs of them with Latin are
 * levels_simple's N0) */
static const char *const piece[] = {
	"قال", "الرئيس", "في", "قره", "لا", " ", " ", " ", "،", ".", "\"", "(", ")",
	"«", "»", "2023", "١٤", "-", "BBC", "U.S.", "َ", "\xe2\x80\x8c", "ــ", ":", "19",
	"[", "]", "(", ")", "Ab", "\xc2\xa0", "ّ",
};

/* and the pieces of plain rows: Arabic letters and punctuation, digits,
 * ASCII neutrals */
static const char *const plain_piece[] = {
	"قال", "الرئيس", "في", "قره", "لا", " ", " ", " ", "،", "؛", "؟", ".", "\"", "2023",
	"-", ":", "19", "%", "وزير", "تونس",
};

/* ar_term_bidi_cols on a row with the keyword at [b, e) against the
 * whole algorithm; the first five rows that differ are shown */
static void
check_row(const char *row, size_t n, size_t b, size_t e, const char *what, int *differ)
{
	size_t hi, rhi, tot, lo = ar_term_bidi_cols(row, n, b, e, &hi, &tot);
	size_t rlo = reference(row, n, b, e, &rhi);

	if ((lo != rlo || hi != rhi || tot != (size_t)ar_u8width(row, n)) && (*differ)++ < 5)
		check(0, "'%.*s' [%zu,%zu): columns %zu..%zu, the algorithm says %zu..%zu",
		    (int)n, row, b, e, lo, hi, rlo, rhi);
	else
		check(1, "%s", what);
}

int
main(void)
{
	ar_init("term", "", "");
	for (size_t i = 0; i < sizeof visual / sizeof visual[0]; i++) {
		struct ar_buf vis = { 0 };
		size_t cols;
		ar_term_visual(visual[i].in, strlen(visual[i].in), 1, NULL, 1, &vis, &cols);
		ar_buf_addc(&vis, 0);
		check_str(vis.s, visual[i].out, visual[i].in);
		check(cols == visual[i].cols, "%s: %zu columns, want %zu", visual[i].in, cols,
		    visual[i].cols);
		ar_buf_free(&vis);
	}

	/* three parts, each its own line; joining runs across their cuts */
	{
		const char *s = "أب قره جد";
		size_t cut[2] = { 5, 11 }, cols[3];
		struct ar_buf vis[3] = { { 0 }, { 0 }, { 0 } };
		ar_term_visual(s, strlen(s), 1, cut, 3, vis, cols);
		for (int k = 0; k < 3; k++)
			ar_buf_addc(&vis[k], 0);
		check_str(vis[0].s, " ﺏﺃ", "preceding");
		check_str(vis[1].s, "ﻩﺮﻗ", "keyword");
		check_str(vis[2].s, "ﺪﺟ ", "following");
		check(cols[0] == 3 && cols[1] == 3 && cols[2] == 3, "part columns");
		for (int k = 0; k < 3; k++)
			ar_buf_free(&vis[k]);
	}

	/* ar_term_bidi_cols against the whole algorithm on rows of random
	 * pieces, the keyword anywhere (a fixed seed: the same rows each run) */
	unsigned seed = 12345;
	int differ = 0;
	for (int r = 0; r < 20000; r++) {
		char row[400];
		size_t n = 0, b = 0, e = 0;
		int np = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 14;
		int kwat = (int)((seed = seed * 1103515245u + 12345u) >> 16) % np;
		for (int p = 0; p < np; p++) {
			const char *x = piece[((seed = seed * 1103515245u + 12345u) >> 16)
			    % (sizeof piece / sizeof piece[0])];
			if (p == kwat) {
				b = n;
				x = "قره";
			}
			memcpy(row + n, x, strlen(x));
			n += strlen(x);
			if (p == kwat)
				e = n;
		}
		check_row(row, n, b, e, "row", &differ);
	}

	/* and on long rows of mostly plain words, which the shortcut reads
	 * sixteen bytes at a time: the letters at the ends of its range and
	 * the characters just outside it (U+0620, a mark, U+0671) among them */
	static const char *const plain[] = {
		"والحكومة", "ءامنوا", "يي", "تونسية", " ", " ", "  ", "قره", "الرئيس",
		"استقلالية", "ؠ", "ًا", "ٱلله", "«", "،", "2023", "١٤", "BBC", "(", "_",
	};
	/* the keyword as a hit may stand: with punctuation, spaces */
	static const char *const kws[] = { "قره", "قره،", "«قره»", " قره ", "؟", "-" };
	for (int r = 0; r < 20000; r++) {
		char row[1200];
		size_t n = 0, b = 0, e = 0;
		int np = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 60;
		int kwat = (int)((seed = seed * 1103515245u + 12345u) >> 16) % np;
		for (int p = 0; p < np; p++) {
			unsigned x = (seed = seed * 1103515245u + 12345u) >> 16;
			/* nine in ten from the first ten: letters and spaces */
			const char *w = plain[x % 10 < 9 ? x / 10 % 10 : x / 10 % (sizeof plain / sizeof plain[0])];
			if (p == kwat) {
				b = n;
				w = kws[r % (sizeof kws / sizeof kws[0])];
			}
			memcpy(row + n, w, strlen(w));
			n += strlen(w);
			if (p == kwat)
				e = n;
		}
		check_row(row, n, b, e, "long row", &differ);
	}

	/* and rows of Latin, numbers of both kinds, separators, terminators
	 * and marks among the Arabic: the rules the shortcut for rows
	 * without brackets applies (W1-W7, N1-N2) against the whole
	 * algorithm */
	static const char *const mixed[] = {
		"BBC", "News", "U.S.", "2023", "١٤", "-", "19", ":", "%", "$", "+", ",",
		".", "/", "قال", "الرئيس", " ", " ", " ", "َ", "«", "»", "#", "1,5", "3.14",
		"Covid-19", "e-mail", "٣٫٥", "٪", "،", "؟", "قره", "\xe2\x80\x8f", "(", "ّ",
	};
	for (int r = 0; r < 40000; r++) {
		char row[600];
		size_t n = 0, b = 0, e = 0;
		int np = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 24;
		int kwat = (int)((seed = seed * 1103515245u + 12345u) >> 16) % np;
		for (int p = 0; p < np; p++) {
			const char *w = mixed[((seed = seed * 1103515245u + 12345u) >> 16)
			    % (sizeof mixed / sizeof mixed[0])];
			if (p == kwat) {
				b = n;
				w = r % 3 ? "قره" : "BBC";
			}
			memcpy(row + n, w, strlen(w));
			n += strlen(w);
			if (p == kwat)
				e = n;
		}
		check_row(row, n, b, e, "mixed row", &differ);
	}

	/* ar_term_kwic_logical given ar_kwic_context_plain's word that the
	 * contexts are plain (their columns then counted, not read) writes
	 * the row it writes without it: on lines of the pieces, a hit in
	 * each, contexts of 3 to 45 columns */
	{
		struct ar_buf a = { 0 }, c = { 0 };
		int bad = 0, plains = 0;
		for (int r = 0; r < 20000; r++) {
			char line[600];
			size_t n = 0, b = 0, e = 0, ls, re, rw, lw, kw1 = 10, kw2 = 10;
			int plain;
			int np = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 30;
			int kwat = (int)((seed = seed * 1103515245u + 12345u) >> 16) % np;
			int cols = 3 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 43;
			for (int p = 0; p < np; p++) {
				unsigned x = (seed = seed * 1103515245u + 12345u) >> 16;
				/* mostly plain pieces, so that most rows are */
				const char *w = x % 3 ? plain_piece[x % (sizeof plain_piece / sizeof plain_piece[0])]
				    : piece[x % (sizeof piece / sizeof piece[0])];
				if (p == kwat) {
					b = n;
					w = x % 5 ? "قره" : "الرئيس،";
				}
				memcpy(line + n, w, strlen(w));
				n += strlen(w);
				if (p == kwat)
					e = n;
			}
			ar_kwic_context_plain(line, n, b, e, cols, 0, &ls, &re, &rw, &lw, &plain);
			struct ar_term_kwic k = { line + ls, b - ls, line + b, e - b, line + e, re - e, rw,
			    "", "", plain, lw };
			a.len = c.len = 0;
			ar_out_capture(&a);
			size_t w1 = ar_term_kwic_logical(&k, (size_t)cols, &kw1);
			k.plain = 0, k.lwidth = 0;
			ar_out_capture(&c);
			size_t w2 = ar_term_kwic_logical(&k, (size_t)cols, &kw2);
			ar_out_capture(NULL);
			plains += plain;
			if ((w1 != w2 || kw1 != kw2 || a.len != c.len || memcmp(a.s, c.s, a.len)) && bad++ < 5)
				check(0, "'%.*s' [%zu,%zu) in %d columns: '%.*s' (%zu), without the word '%.*s' (%zu)",
				    (int)n, line, b, e, cols, (int)a.len, a.s, w1, (int)c.len, c.s, w2);
		}
		check(!bad, "rows with the contexts' word as without it");
		check(plains > 5000, "%d of the rows plain", plains);
		ar_buf_free(&a);
		ar_buf_free(&c);
	}
	return check_done("term");
}
