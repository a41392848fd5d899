/* fuzz-nav.c: a libFuzzer target for the page classifier (src/lib/nav.c),
 * in process. The classifier with the built-in rules is made once; each
 * input, repaired to valid UTF-8 as the line loop hands lines on, is a
 * stream of documents (a line starting with \f starts the next one), and
 * every line that comes back is explained and its parts read, so the
 * sanitizers see them. An input that starts with "rules:" carries its own
 * rules file first, up to a blank line: those get a classifier of their
 * own, so the pattern compiler and matcher are fuzzed too.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -Isrc/lib \
 *       test/fuzz/fuzz-nav.c src/lib/[a-z]*.c build/data_tab.c -lutf8proc -lm */
#define _GNU_SOURCE             /* memmem */
#include "arlib.h"

#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ar_nav *builtin;
static struct ar_buf why;
static size_t seen;             /* bytes read back, so nothing is optimized out */

static void
sink(const struct ar_nav_line *ln, void *ctx)
{
	(void)ctx;
	why.len = 0;
	ar_nav_explain(ln, &why);
	for (size_t i = 0; i < ln->keptlen; i++)
		seen += (unsigned char)ln->kept[i];
	for (size_t i = 0; i < ln->cutlen; i++)
		seen += (unsigned char)ln->cut[i];
	if (ln->source)
		seen += ln->sourcelen ? (unsigned char)ln->source[ln->sourcelen - 1] : 0;
	seen += ln->len + why.len + (size_t)ln->role + (size_t)ln->verdict;
	if (ln->verdict == AR_NAV_SPAN && ln->cutlen == 0)
		abort();                /* a span that cut nothing */
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	unsetenv("AR_DATADIR");         /* the copies compiled in: read once */
	ar_init("fuzz-nav", "", "");
	builtin = ar_nav_new(sink, NULL);
	ar_nav_ready(builtin);
	return 0;
}

/* feed text[0..n) as documents */
static void
feed(struct ar_nav *nav, const char *text, size_t n)
{
	unsigned long lineno = 0;
	size_t i = 0;

	ar_nav_doc_begin(nav);
	while (i < n) {
		const char *nl = memchr(text + i, '\n', n - i);
		size_t len = nl ? (size_t)(nl - (text + i)) : n - i;
		const char *s = text + i;
		i += len + 1;
		if (len && s[len - 1] == '\r')
			len--;
		if (ar_is_header(s, len)) {
			ar_nav_doc_end(nav);
			ar_nav_doc_begin(nav);
			lineno = 0;
			continue;
		}
		ar_nav_line(nav, s, len, ++lineno);
	}
	ar_nav_doc_end(nav);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ar_buf text = { 0 };
	struct ar_nav *nav = builtin;
	size_t first, from = 0;

	ar_u8repair((const char *)data, size, &text, &first);
	if (text.len > 6 && !memcmp(text.s, "rules:", 6)) {
		const char *end = memmem(text.s + 6, text.len - 6, "\n\n", 2);
		size_t rlen = end ? (size_t)(end - text.s) - 6 : text.len - 6;
		nav = ar_nav_new(sink, NULL);
		if (ar_nav_rules(nav, "fuzz.tsv", text.s + 6, rlen) < 0) {
			ar_nav_free(nav);
			ar_buf_free(&text);
			return 0;
		}
		ar_nav_keep(nav, "stat");
		ar_nav_ready(nav);
		from = 6 + rlen;
	}
	feed(nav, text.s ? text.s + from : "", text.len - from);
	if (nav != builtin)
		ar_nav_free(nav);
	ar_buf_free(&text);
	return 0;
}
