/* fuzz-tok.c: sentences, tokens and the word iterator in process. Checks on
 * every input: sentences and tokens come in order inside the line, every
 * character outside them is white space, and the word iterator's spans
 * are in order with code-point spans that agree with their bytes. */
#include "arlib.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
is_ws(const char *s, size_t a, size_t b)
{
	return ar_tok_skipws(s, b, a) == b;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ar_buf line;
	static struct ar_abbrev *ab;
	struct ar_splitter sp = { 0 };

	if (!ab) {
		size_t len;
		const char *t;
		ar_init("fuzz-tok", "", "");
		ab = ar_abbrev_new();
		t = ar_data("abbrev.txt", &len);
		ar_abbrev_load(ab, t, len, "abbrev.txt");
	}
	if (size == 0)
		return 0;
	sp.abbrev = data[0] & 1 ? ab : NULL;
	sp.semicolon = data[0] & 2;
	line.len = 0;
	ar_u8repair((const char *)data + 1, size - 1, &line, NULL);
	const char *s = line.s ? line.s : "";
	size_t n = line.len, from = ar_tok_skipws(s, n, 0), last = 0;

	while (from < n) {
		size_t resume, e = ar_sent_next(&sp, s, n, from, &resume);
		if (e < from || e > n || resume < e || resume > n || resume <= from)
			abort();
		if (!is_ws(s, last, from))
			abort();                /* lost between sentences */
		size_t pos = from, a, b, tl = from;
		while (ar_tok_next(&sp, s, e, &pos, &a, &b) >= 0) {
			if (a < tl || b <= a || b > e || !is_ws(s, tl, a))
				abort();        /* lost between tokens */
			tl = b;
		}
		if (!is_ws(s, tl, e))
			abort();
		last = e;
		from = resume;
	}
	struct ar_words it;
	struct ar_word w;
	size_t prev = 0;
	ar_words_init(&it, s, n, data[0] & 4 ? AR_W_ALNUM : 0);
	while (ar_word_next(&it, &w)) {
		if (w.b0 < prev || w.b1 <= w.b0 || w.b1 > n
		    || w.c1 - w.c0 != ar_u8count(s + w.b0, w.b1 - w.b0))
			abort();
		prev = w.b1;
	}
	return 0;
}
