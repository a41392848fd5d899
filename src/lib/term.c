/* term.c: text for a terminal: control characters shown as spaces, display
 * columns counted the same way, and right-to-left text in visual order for
 * terminals without bidi (ar-kwic --visual). */
#include "arlib.h"

void
ar_term_write(const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		/* C0, DEL and C1 (U+0080..U+009F: 8-bit CSI and OSC) drive a
		 * terminal: each becomes one space */
		size_t l = c < 0x20 || c == 0x7f ? 1
		    : c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80
		      && (unsigned char)s[i + 1] <= 0x9f ? 2 : 0;
		if (l) {
			ar_out_write(s + run, i - run);
			ar_out_putc(' ');
			run = i + l;
			i += l - 1;
		}
	}
	ar_out_write(s + run, n - run);
}

size_t
ar_term_columns(const char *s, size_t n)
{
	size_t i = 0, w = 0;
	while (i < n) {
		int32_t cp;
		i += ar_u8dec(s + i, &cp);
		w += cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? 1 : (size_t)ar_cpwidth(cp);
	}
	return w;
}

static int
is_ltr(int32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
	if (ar_is_arabic(cp) || (cp >= 0x0590 && cp <= 0x05FF))
		return 0;
	int c = ar_cclass(cp);
	return c == AR_C_LETTER || c == AR_C_DIGIT;
}

static int32_t
mirror(int32_t cp)
{
	switch (cp) {
	case '(': return ')'; case ')': return '(';
	case '[': return ']'; case ']': return '[';
	case '{': return '}'; case '}': return '{';
	case '<': return '>'; case '>': return '<';
	case 0xAB: return 0xBB; case 0xBB: return 0xAB;
	}
	return cp;
}

/* Where the left-to-right run that ends with cluster e - 1 begins: back
 * over LTR clusters, and over a joiner (".,:/-_") between two of them. */
static size_t
ltr_run_start(const char *s, const size_t *cl, size_t e)
{
	size_t b = e - 1;

	while (b > 0) {
		int32_t c2, c3;
		ar_u8dec(s + cl[b - 1], &c2);
		if (is_ltr(c2)) {
			b--;
			continue;
		}
		if (b > 1 && c2 > 0 && c2 < 0x80 && strchr(".,:/-_", (int)c2)) {
			ar_u8dec(s + cl[b - 2], &c3);
			if (is_ltr(c3)) {
				b -= 2;
				continue;
			}
		}
		break;
	}
	return b;
}

void
ar_term_visual(const char *s, size_t n, struct ar_buf *scratch)
{
	size_t ncl = 0, i = 0, *cl;

	/* cluster starts: a character and the marks after it */
	scratch->len = 0;
	while (i < n) {
		int32_t cp;
		ar_buf_add(scratch, &i, sizeof i);
		ncl++;
		i += ar_u8dec(s + i, &cp);
		while (i < n) {
			int32_t c2;
			size_t k = ar_u8dec(s + i, &c2);
			if (ar_cpwidth(c2) != 0 || c2 < 0x20)
				break;
			i += k;
		}
	}
	ar_buf_add(scratch, &n, sizeof n);
	cl = (size_t *)scratch->s;
	/* walk clusters from the end; an LTR run is written forwards */
	for (size_t k = ncl; k > 0;) {
		int32_t cp, m;
		ar_u8dec(s + cl[k - 1], &cp);
		if (is_ltr(cp)) {
			size_t b = ltr_run_start(s, cl, k);
			ar_term_write(s + cl[b], cl[k] - cl[b]);
			k = b;
			continue;
		}
		if ((m = mirror(cp)) != cp) {
			char tmp[4];
			ar_out_write(tmp, ar_u8enc(m, tmp));
		} else {
			ar_term_write(s + cl[k - 1], cl[k] - cl[k - 1]);
		}
		k--;
	}
}
