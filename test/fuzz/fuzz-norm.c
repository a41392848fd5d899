/* fuzz-norm.c: the normalization engine in process. The first byte picks a
 * set of steps; the rest is one line (repaired to valid UTF-8, as the reader
 * hands lines out). Checks the engine's promise on every input: a second
 * run changes nothing (norm(norm(x)) == norm(x)), and the byte offsets it
 * reports point inside the input. */
#include "arlib.h"

#include <stdlib.h>

static struct ar_norm *nm[8];
static int trims[8];            /* the set holds the whitespace step */
static const char *sets[8] = {
	"default", "all", "nfc", "nfkc", "presentation-forms,nfc",
	"default,whitespace,punctuation,entities", "diacritics,zero-width,bidi-controls", "entities,hamza,alef,yeh",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ar_buf line, a, b, offs;
	uint32_t mask;

	if (!nm[0]) {
		ar_init("fuzz-norm", "", "");
		for (int i = 0; i < 8; i++) {
			if (ar_steps_parse(sets[i], &mask) < 0)
				abort();
			nm[i] = ar_norm_new(mask);
			ar_norm_ready(nm[i]);
			trims[i] = (mask & AR_STEP(AR_S_WHITESPACE)) != 0;
		}
	}
	if (size == 0)
		return 0;
	const struct ar_norm *n = nm[data[0] & 7];
	int trim = trims[data[0] & 7];
	line.len = a.len = b.len = offs.len = 0;
	/* one line: what the reader gives (no newline, no CR before it) */
	size_t len = size - 1;
	const char *s = (const char *)data + 1;
	const char *nl = memchr(s, '\n', len);
	if (nl)
		len = (size_t)(nl - s);
	while (len && s[len - 1] == '\r')
		len--;
	ar_u8repair(s, len, &line, NULL);
	ar_norm_apply(n, line.s ? line.s : "", line.len, &a, &offs);
	for (size_t k = 0; k < offs.len / 4; k++) {
		uint32_t o;
		memcpy(&o, offs.s + 4 * k, 4);
		if (o > line.len)
			abort();                /* an offset outside the input */
	}
	/* as ar-norm writes lines: a CR the steps leave last goes, and with
	 * the whitespace step the spaces before it (x SPACE CR U+0670) */
	if (a.len && a.s[a.len - 1] == '\r')
		while (a.len && (a.s[a.len - 1] == '\r' || (trim && a.s[a.len - 1] == ' ')))
			a.len--;
	ar_norm_apply(n, a.s ? a.s : "", a.len, &b, NULL);
	if (b.len && b.s[b.len - 1] == '\r')
		while (b.len && (b.s[b.len - 1] == '\r' || (trim && b.s[b.len - 1] == ' ')))
			b.len--;
	if (a.len != b.len || (a.len && memcmp(a.s, b.s, a.len)))
		abort();                        /* not idempotent */
	return 0;
}
