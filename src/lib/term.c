/* term.c: text for a terminal: control characters shown as spaces, display
 * columns counted the same way, and right-to-left text in visual order for
 * terminals without bidi (ar-kwic --visual), reordered and shaped by GNU
 * FriBidi. */
#include "arlib.h"

#include <fribidi.h>

void
ar_term_write(const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		if (i + 8 <= n) {
			/* eight bytes at once: none below 0x20, 0x7f or 0xc2
			 * (printable ASCII and Arabic, most rows) */
			const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
			uint64_t v, d, c2;
			memcpy(&v, s + i, 8);
			d = v ^ (ones * 0x7f), c2 = v ^ (ones * 0xc2);
			if (!((((v - ones * 0x20) & ~v) | ((d - ones) & ~d) | ((c2 - ones) & ~c2)) & high)) {
				i += 7;
				continue;
			}
		}
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

/* ---- --visual: GNU FriBidi ---- */
/* Per-row arrays, grown as a row needs and kept for the next. */
static struct {
	FriBidiChar *u;
	FriBidiCharType *types;
	FriBidiBracketType *brackets;
	FriBidiLevel *levels;
	FriBidiArabicProp *joining;
	FriBidiStrIndex *map;
	size_t *at;             /* each code point's byte offset */
	size_t cap;
} fb;

static void
fb_grow(size_t n)
{
	if (n <= fb.cap)
		return;
	fb.cap = n < 256 ? 256 : n * 2;
	fb.u = ar_realloc(fb.u, fb.cap * sizeof *fb.u);
	fb.types = ar_realloc(fb.types, fb.cap * sizeof *fb.types);
	fb.brackets = ar_realloc(fb.brackets, fb.cap * sizeof *fb.brackets);
	fb.levels = ar_realloc(fb.levels, fb.cap * sizeof *fb.levels);
	fb.joining = ar_realloc(fb.joining, fb.cap * sizeof *fb.joining);
	fb.map = ar_realloc(fb.map, fb.cap * sizeof *fb.map);
	fb.at = ar_realloc(fb.at, fb.cap * sizeof *fb.at);
}

/* Bidi types, widths and bracket flags of U+0000..U+06FF (ASCII and
 * Arabic), looked up once: a row is mostly these. */
static FriBidiCharType low_type[0x700];
static unsigned char low_width[0x700], low_bracket[0x700];

static void
low_init(void)
{
	for (int32_t cp = 0; cp < 0x700; cp++) {
		low_type[cp] = fribidi_get_bidi_type((FriBidiChar)cp);
		low_width[cp] = (unsigned char)ar_cpwidth(cp);
		low_bracket[cp] = fribidi_get_bracket((FriBidiChar)cp) != FRIBIDI_NO_BRACKET;
	}
}

/* Most Arabic rows need no bidi algorithm to say where each code point
 * lands: with no left-to-right letter, no explicit control, and no
 * bracket at the ends, everything from the first right-to-left letter or
 * Arabic number to the last is one right-to-left run, shown reversed, and
 * what comes before and after it (spaces, punctuation, digits before any
 * Arabic) stays in place. Digits after an Arabic letter are Arabic
 * numbers; neutrals, brackets and joiners between Arabic stay in the run.
 * The unit test holds this against the whole algorithm. */
/* The shortcut in one pass, no arrays: the columns before the run (pre),
 * before b and e, and after the run's last code point. 0 if it does not
 * apply (or [b, e) is not inside the run). */
static int
bidi_simple(const char *s, size_t n, size_t b, size_t e, size_t *lo, size_t *hi,
    size_t *total)
{
	FriBidiCharType strong = FRIBIDI_TYPE_LTR;      /* sos */
	size_t i = 0, col = 0, pre = 0, cb = 0, ce = 0, end = 0;
	size_t first = (size_t)-1, last_end = 0, bracket_end = 0;

	while (i < n) {
		/* Arabic letters and spaces, up to the next of b and e: no
		 * decoding, no look-up */
		size_t stop = b > i ? b : e > i ? e : n;
		if (i == b)
			cb = col;
		if (i == e)
			ce = col;
		if (stop > n)
			stop = n;
		while (i + 1 < stop) {
			unsigned char c0 = (unsigned char)s[i], c1 = (unsigned char)s[i + 1];
			if ((c0 == 0xD8 && c1 >= 0xA1 && c1 <= 0xBF) || (c0 == 0xD9 && c1 >= 0x80 && c1 <= 0x8A)) {
				if (first == (size_t)-1)
					first = i, pre = col;
				strong = FRIBIDI_TYPE_AL;
				i += 2;
				last_end = i, end = ++col;
			} else if (c0 == ' ') {
				i++, col++;     /* a neutral, one column */
			} else {
				break;
			}
		}
		if (i >= n)
			break;
		int32_t cp;
		FriBidiCharType t;
		size_t at = i, w;
		if (at == b)
			cb = col;
		if (at == e)
			ce = col;
		if ((unsigned char)s[i] < 0x80)
			cp = (unsigned char)s[i++];
		else
			i += ar_u8dec(s + i, &cp);
		if (cp >= 0x0621 && cp <= 0x064A) {     /* an Arabic letter: most */
			if (first == (size_t)-1)
				first = at, pre = col;
			strong = FRIBIDI_TYPE_AL;
			last_end = i, end = ++col;
			continue;
		}
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			cp = ' ';
		if (cp < 0x700) {
			t = low_type[cp], w = low_width[cp];
			if (low_bracket[cp]) {
				if (first == (size_t)-1)
					return 0;       /* may pair with one in the run */
				bracket_end = i;
			}
		} else {
			t = fribidi_get_bidi_type((FriBidiChar)cp), w = (size_t)ar_cpwidth(cp);
			if (fribidi_get_bracket((FriBidiChar)cp) != FRIBIDI_NO_BRACKET) {
				if (first == (size_t)-1)
					return 0;
				bracket_end = i;
			}
		}
		if (t == FRIBIDI_TYPE_LTR || FRIBIDI_IS_EXPLICIT(t) || FRIBIDI_IS_ISOLATE(t))
			return 0;
		if (t == FRIBIDI_TYPE_EN && strong != FRIBIDI_TYPE_AL) {
			if (first != (size_t)-1)
				return 0;               /* European after Hebrew: ask */
		} else if (FRIBIDI_IS_LETTER(t) || FRIBIDI_IS_NUMBER(t)) {
			if (first == (size_t)-1)
				first = at, pre = col;
			last_end = i, end = col + w;
			if (FRIBIDI_IS_STRONG(t))
				strong = t;
		}
		col += w;
	}
	if (e >= n)
		ce = col;
	*total = col;
	if (first == (size_t)-1 || bracket_end > last_end || first > b || last_end < e)
		return 0;
	/* in the run a code point's column is pre + end - (its end column) */
	*lo = pre + end - ce;
	*hi = pre + end - cb;
	return 1;
}

size_t
ar_term_bidi_cols(const char *s, size_t n, size_t b, size_t e, size_t *hi, size_t *total)
{
	FriBidiParType base = FRIBIDI_PAR_LTR;
	size_t len = 0, i = 0, col = 0, lo = (size_t)-1;
	static int ready;

	if (!ready++)
		low_init();
	*hi = 0;
	if (bidi_simple(s, n, b, e, &lo, hi, total))
		return lo;
	fb_grow(n + 1);
	while (i < n) {         /* code points (controls as spaces), types, widths */
		int32_t cp;
		fb.at[len] = i;
		i += ar_u8dec(s + i, &cp);
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
			cp = ' ';
		fb.u[len] = (FriBidiChar)cp;
		fb.joining[len] = (FriBidiArabicProp)ar_cpwidth(cp);   /* the widths, here */
		col += fb.joining[len++];
	}
	*total = col;
	*hi = 0;
	lo = (size_t)-1;
	if (!len)
		return 0;
	fribidi_get_bidi_types(fb.u, (FriBidiStrIndex)len, fb.types);
	fribidi_get_bracket_types(fb.u, (FriBidiStrIndex)len, fb.types, fb.brackets);
	if (!fribidi_get_par_embedding_levels_ex(fb.types, fb.brackets,
	    (FriBidiStrIndex)len, &base, fb.levels))
		ar_die("fribidi: out of memory");
	for (size_t k = 0; k < len; k++)
		fb.map[k] = (FriBidiStrIndex)k;
	/* no shaping, no mirroring: only where each code point lands */
	if (!fribidi_reorder_line(FRIBIDI_FLAG_REORDER_NSM, fb.types, (FriBidiStrIndex)len, 0,
	    base, fb.levels, NULL, fb.map))
		ar_die("fribidi: out of memory");
	col = 0;
	for (size_t v = 0; v < len; v++) {
		size_t k = (size_t)fb.map[v], w = fb.joining[k];
		if (fb.at[k] >= b && fb.at[k] < e && w) {
			if (lo == (size_t)-1 || col < lo)
				lo = col;
			if (col + w > *hi)
				*hi = col + w;
		}
		col += w;
	}
	return lo == (size_t)-1 ? 0 : lo;
}

void
ar_term_visual(const char *s, size_t n, int rtl, const size_t *cut, int nparts,
    struct ar_buf *vis, size_t *cols)
{
	const FriBidiFlags flags = FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC;
	FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	size_t len = 0, i = 0, part = 0;
	FriBidiStrIndex start[AR_TERM_MAXPARTS + 1];

	/* code points, controls as spaces (as ar_term_write shows them);
	 * start[k]: where part k begins */
	fb_grow(n + 1);
	start[0] = 0;
	while (i < n) {
		int32_t cp;
		while (part + 1 < (size_t)nparts && i >= cut[part])
			start[++part] = (FriBidiStrIndex)len;
		i += ar_u8dec(s + i, &cp);
		fb.u[len++] = cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ? ' ' : (FriBidiChar)cp;
	}
	while (part + 1 < (size_t)nparts)
		start[++part] = (FriBidiStrIndex)len;
	start[nparts] = (FriBidiStrIndex)len;

	/* one paragraph: levels, then Arabic joining and shaping over all of
	 * it (a word cut by a part boundary stays joined), mirrored brackets */
	if (len) {
		fribidi_get_bidi_types(fb.u, (FriBidiStrIndex)len, fb.types);
		fribidi_get_bracket_types(fb.u, (FriBidiStrIndex)len, fb.types, fb.brackets);
		if (!fribidi_get_par_embedding_levels_ex(fb.types, fb.brackets,
		    (FriBidiStrIndex)len, &base, fb.levels))
			ar_die("fribidi: out of memory");
		fribidi_get_joining_types(fb.u, (FriBidiStrIndex)len, fb.joining);
		fribidi_join_arabic(fb.types, (FriBidiStrIndex)len, fb.levels, fb.joining);
		fribidi_shape(flags, fb.levels, (FriBidiStrIndex)len, fb.joining, fb.u);
	}
	/* each part reordered as a line of its own */
	for (int k = 0; k < nparts; k++) {
		FriBidiStrIndex off = start[k], pl = start[k + 1] - start[k];
		vis[k].len = 0;
		cols[k] = 0;
		if (pl && !fribidi_reorder_line(flags, fb.types, pl, off, base, fb.levels,
		    fb.u, NULL))
			ar_die("fribidi: out of memory");
		for (FriBidiStrIndex j = off; j < off + pl; j++) {
			char b[4];
			if (fb.u[j] == FRIBIDI_CHAR_FILL)
				continue;       /* what a lam-alef ligature leaves */
			ar_buf_add(&vis[k], b, ar_u8enc((int32_t)fb.u[j], b));
			cols[k] += (size_t)ar_cpwidth((int32_t)fb.u[j]);
		}
	}
}
