/* navwrap.c: pages cut to a fixed width. A text browser's dump (lynx
 * -dump, w3m -dump, html2text, links) or a mail reader breaks every
 * paragraph into screen lines of 70 to 80 columns, and to the page model
 * a paragraph cut so looks like a run of headlines: it drops the article
 * as a list. So the first lines of each document are held until they
 * say whether it is wrapped, and at what width: most of its longer lines
 * (over half the width) end within a few columns of one width that none
 * passes, and most of them end inside a sentence. In a wrapped document a line is joined with the
 * next one when the next one's first word would not have fitted on it;
 * the page model reads the joined line, and each line of it is handed
 * back, as it was, with the joined line's verdict. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arlib.h"
#include "navint.h"

#define WRAP_SAMPLE 48          /* nonblank lines that decide */
#define WRAP_SAMPLE_BYTES 65536
#define WRAP_MIN_LINES 12       /* fewer: too little to tell, not wrapped */
#define WRAP_MIN_WIDTH 40
#define WRAP_MAX_WIDTH 160
#define WRAP_SLACK 15           /* a full line ends this close to the width */
#define WRAP_JOIN_BYTES 65536   /* a joined line is handed on at this size */
#define WRAP_JOIN_LINES 256

enum { WRAP_DECIDING, WRAP_OFF, WRAP_ON };

static void
wadd(struct ar_buf *b, const void *p, size_t n)
{
	if (b->len + n + 1 > b->cap)
		ar_buf_grow(b, n + 1);
	memcpy(b->s + b->len, p, n);
	b->len += n;
}

/* Are there more than max code points in s[0..n)? Eight bytes at a time. */
static int
code_points_over(const char *str, size_t n, size_t max)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t lead = 0, i = 0;

	for (; i + 8 <= n && lead <= max; i += 8) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		uint64_t cont = (x & ~(x << 1) & 0x8080808080808080ull) >> 7;
		lead += 8 - (size_t)((cont * 0x0101010101010101ull) >> 56);
	}
	for (; i < n && lead <= max; i++)
		lead += (s[i] & 0xC0) != 0x80;
	return lead > max;
}

/* Screen columns of s[0..n): code points less the combining marks and
 * invisible format characters, which take none; counted only up to
 * WRAP_COLS_MAX, all a line past any width is worth (the paragraphs of an
 * unwrapped page are not read to their ends). A mark is told by its
 * first two or three bytes. */
#define WRAP_COLS_MAX (WRAP_MAX_WIDTH + 2 * WRAP_SLACK)
static size_t
columns_marks(const char *str, size_t n, size_t *marks)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t c = 0, m = 0;

	*marks = 0;
	if (n > 4 * WRAP_COLS_MAX)
		return WRAP_COLS_MAX + 1;
	/* most such lines pass it by far: their code points say so when
	 * there are more than 64 over WRAP_COLS_MAX of them (a vocalized
	 * verse cut to the width has fewer marks a line) */
	if (n > WRAP_COLS_MAX + 64 && code_points_over(str, n, WRAP_COLS_MAX + 64))
		return WRAP_COLS_MAX + 1;
	for (size_t i = 0; i < n && c <= WRAP_COLS_MAX;) {
		unsigned b = s[i];
		if (b < 0xC0) {         /* ASCII, or a stray continuation byte */
			c += b < 0x80;
			i++;
			continue;
		}
		size_t l = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
		if (i + l > n)
			break;
		unsigned t = s[i + 1], u = l > 2 ? s[i + 2] : 0;
		i += l;
		c++;
		m += ((b == 0xCC) || (b == 0xCD && t <= 0xAF)     /* U+0300-036F */
		    || (b == 0xD9 && ((t >= 0x8B && t <= 0x9F) || t == 0xB0))      /* U+064B-065F, U+0670 */
		    || (b == 0xDB && t >= 0x96 && t <= 0xAD)       /* U+06D6-06ED */
		    || (b == 0xE2 && t == 0x80 && ((u >= 0x8B && u <= 0x8F) || (u >= 0xAA && u <= 0xAE)))
		    || (b == 0xE2 && t == 0x81 && u >= 0xA0 && u <= 0xA9)  /* U+2060-2069 */
		    || (b == 0xEF && t == 0xBB && u == 0xBF));     /* U+FEFF */
	}
	*marks = m;
	c -= m;
	return c > WRAP_COLS_MAX ? WRAP_COLS_MAX + 1 : c;
}

static size_t
rtrim(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return n;
}

static size_t
ltrim(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* columns of the line's first word, its marks with them (see continues) */
static size_t
first_word(const char *s, size_t n)
{
	size_t b = ltrim(s, n), e = b, m;

	while (e < n && s[e] != ' ' && s[e] != '\t')
		e++;
	size_t c = columns_marks(s + b, e - b, &m);
	return c + m;
}

/* does the line end a sentence? (its last visible character) */
static int
ends_sentence(const char *s, size_t n)
{
	static const char *const fin[] = { ".", "!", "?", ":", "\"", ")",
		"\xD8\x9F" /* ؟ */, "\xE2\x80\xA6" /* … */, "\xC2\xBB" /* » */,
		"\xE2\x80\x9D" /* ” */, "\xC2\xAB" /* « */ };

	n = rtrim(s, n);
	for (size_t k = 0; k < sizeof fin / sizeof *fin; k++) {
		size_t l = strlen(fin[k]);
		if (n >= l && !memcmp(s + n - l, fin[k], l))
			return 1;
	}
	return 0;
}

/* a line the next one continues: it is no longer than the width, and the
 * next one's first word would not have fitted after it. Its marks may
 * count: some tools (html2text, Python's textwrap) cut at code points. */
static int
continues(const struct nav_wrap *w, size_t cols, size_t marks, const char *next, size_t nn)
{
	return cols && cols <= (size_t)w->width && cols + marks + 1 + first_word(next, nn)
	    > (size_t)w->width;
}

/* a space inside the line (a URL or a long word alone may pass the width) */
static int
has_space(const char *s, size_t n)
{
	size_t e = rtrim(s, n), b = ltrim(s, e);

	return b < e && memchr(s + b, ' ', e - b) != NULL;
}

/* The width the held lines were cut to, or 0 if they were not. */
static int
decide(struct nav_wrap *w)
{
	size_t n = w->nh, nb = 0;
	size_t *sorted = ar_alloc((n ? n : 1) * sizeof *sorted);
	int width = 0;

	for (size_t i = 0; i < n; i++)
		nb += w->hl[i].spaced;
	if (nb < WRAP_MIN_LINES)
		goto out;
	nb = 0;
	for (size_t i = 0; i < n; i++) {
		if (!w->hl[i].filled)
			continue;
		const char *s = w->held.s + w->hl[i].off;
		w->hl[i].cols = columns_marks(s, rtrim(s, w->hl[i].len), &w->hl[i].marks);
		if (w->hl[i].spaced)
			sorted[nb++] = w->hl[i].cols;
	}
	/* insertion sort: at most WRAP_SAMPLE of them */
	for (size_t i = 1; i < nb; i++)
		for (size_t j = i; j > 0 && sorted[j - 1] > sorted[j]; j--) {
			size_t t = sorted[j];
			sorted[j] = sorted[j - 1], sorted[j - 1] = t;
		}
	/* the width: the longest line, or one of the next longest when a
	 * few lines pass it (one, or up to an eighth: a ticker, a menu or a
	 * URL a converter left whole) */
	for (size_t k = nb >= 25; k < nb && (k <= 1 || 8 * k <= nb) && !width; k++) {
		size_t wd = sorted[nb - 1 - k];
		if (wd < WRAP_MIN_WIDTH)
			break;
		if (wd > WRAP_MAX_WIDTH)
			continue;
		size_t full = 0, longer = 0, pairs = 0, inside = 0;
		for (size_t i = 0; i < nb; i++) {
			full += sorted[i] + WRAP_SLACK >= wd && sorted[i] <= wd;
			longer += 2 * sorted[i] > wd;
		}
		w->width = (int)wd;
		for (size_t i = 0; i + 1 < n; i++) {
			const char *s = w->held.s + w->hl[i].off, *t = w->held.s + w->hl[i + 1].off;
			size_t c = w->hl[i].cols;
			if (!c || !w->hl[i + 1].cols || c + WRAP_SLACK < wd || c > wd
			    || !continues(w, c, w->hl[i].marks, t, w->hl[i + 1].len))
				continue;
			pairs++;
			inside += !ends_sentence(s, w->hl[i].len);
		}
		/* past the first two, the pairs must say it louder: six, nine in
		 * ten of them cut inside a sentence (verse padded to a measure
		 * ends its halves without a stop less often) */
		if (k >= 2 && (pairs < 6 || 10 * inside < 9 * pairs))
			continue;
		/* half the longer lines full, or a third when ten pairs or more
		 * say so (tables and menus drawn with spaces are long too) */
		if (full >= 6 && (2 * full >= longer || (pairs >= 10 && 3 * full >= longer))
		    && pairs >= 3 && 10 * inside >= 6 * pairs)
			width = (int)wd;
	}
out:
	free(sorted);
	return width;
}

/* hand the joined line on: one line as it is, or several as one */
static void
flush_cur(struct ar_nav *nv)
{
	struct nav_wrap *w = &nv->wrap;

	if (!w->curn)
		return;
	if (w->curn == 1) {
		nav_line_in(nv, w->cur.s, w->cur.len - 1, w->curline, 1);
	} else {
		/* the lines, each with its newline, wait in the queue for
		 * emit; the page reads them joined by single spaces */
		w->joined.len = 0;
		const char *p = w->cur.s, *end = w->cur.s + w->cur.len;
		for (size_t k = 0; p < end; k++) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));
			size_t l = (size_t)(nl - p), b = k ? ltrim(p, l) : 0, e = rtrim(p, l);
			if (k)
				wadd(&w->joined, " ", 1);
			if (e > b)
				wadd(&w->joined, p + b, e - b);
			p = nl + 1;
		}
		wadd(&w->q, w->cur.s, w->cur.len);
		nav_line_in(nv, w->joined.s ? w->joined.s : "", w->joined.len, w->curline,
		    (uint32_t)w->curn);
	}
	w->cur.len = 0;
	w->curn = 0;
}

/* a line of a wrapped document */
static void
join_line(struct ar_nav *nv, const char *s, size_t n, unsigned long lineno)
{
	struct nav_wrap *w = &nv->wrap;
	size_t e = rtrim(s, n);
	int blank = ltrim(s, e) == e;

	if (!blank && w->curn && w->cur.len + n < WRAP_JOIN_BYTES && w->curn < WRAP_JOIN_LINES
	    && continues(w, w->lastcols, w->lastmarks, s, n)) {
		wadd(&w->cur, s, n);
		wadd(&w->cur, "\n", 1);
		w->curn++;
		w->lastcols = columns_marks(s, e, &w->lastmarks);
		return;
	}
	flush_cur(nv);
	if (blank || n >= WRAP_JOIN_BYTES) {
		nav_line_in(nv, s, n, lineno, 1);
		return;
	}
	w->lastcols = columns_marks(s, e, &w->lastmarks);
	/* prose past the width: the document is not wrapped after all
	 * (a long URL, a word with no space, may pass it) */
	if (w->lastcols > (size_t)w->width + WRAP_SLACK && has_space(s, n) && ++w->over > 4) {
		w->mode = WRAP_OFF;
		nav_line_in(nv, s, n, lineno, 1);
		return;
	}
	wadd(&w->cur, s, n);
	wadd(&w->cur, "\n", 1);
	w->curn = 1;
	w->curline = lineno;
}

/* the held lines decided: hand them on */
static void
release(struct ar_nav *nv, int judge)
{
	struct nav_wrap *w = &nv->wrap;

	w->width = judge ? decide(w) : 0;
	w->mode = w->width ? WRAP_ON : WRAP_OFF;
	for (size_t i = 0; i < w->nh; i++) {
		const char *s = w->held.s + w->hl[i].off;
		if (w->mode == WRAP_ON)
			join_line(nv, s, w->hl[i].len, w->hl[i].lineno);
		else
			nav_line_in(nv, s, w->hl[i].len, w->hl[i].lineno, 1);
	}
	w->nh = 0;
	w->held.len = 0;
	w->nonblank = 0;
	w->toolong = 0;
}

void
nav_wrap_line(struct ar_nav *nv, const char *s, size_t n, unsigned long lineno)
{
	struct nav_wrap *w = &nv->wrap;

	if (w->mode == WRAP_OFF) {
		nav_line_in(nv, s, n, lineno, 1);
		return;
	}
	if (w->mode == WRAP_ON) {
		join_line(nv, s, n, lineno);
		return;
	}
	if (n > WRAP_SAMPLE_BYTES) {    /* no screen line: not wrapped */
		release(nv, 0);
		nav_line_in(nv, s, n, lineno, 1);
		return;
	}
	if (w->nh == w->caph) {
		w->caph = w->caph ? 2 * w->caph : 64;
		w->hl = ar_realloc(w->hl, w->caph * sizeof *w->hl);
	}
	w->hl[w->nh].off = w->held.len;
	w->hl[w->nh].len = n;
	w->hl[w->nh].lineno = lineno;
	/* the columns wait for decide: most documents are told apart
	 * without them, by their length or by two lines of prose past any
	 * width (code points, eight bytes at a time) */
	size_t e = rtrim(s, n);
	int filled = ltrim(s, e) < e, spaced = filled && has_space(s, n);
	w->hl[w->nh].cols = w->hl[w->nh].marks = 0;
	w->hl[w->nh].filled = filled;
	w->hl[w->nh].spaced = spaced;
	w->nh++;
	wadd(&w->held, s, n);
	w->nonblank += filled;
	w->toolong += spaced && e > WRAP_MAX_WIDTH + 64 && code_points_over(s, e, WRAP_MAX_WIDTH + 64);
	if (w->toolong > 1)
		release(nv, 0);
	else if (w->nonblank >= WRAP_SAMPLE || w->held.len >= WRAP_SAMPLE_BYTES)
		release(nv, 1);
}

void
nav_wrap_begin(struct ar_nav *nv)
{
	struct nav_wrap *w = &nv->wrap;

	w->mode = w->off ? WRAP_OFF : WRAP_DECIDING;
	w->width = 0;
	w->nh = 0, w->held.len = 0, w->nonblank = 0, w->toolong = 0;
	w->cur.len = 0, w->curn = 0;
	w->over = 0;
	w->q.len = 0, w->qhead = 0;
}

/* the document ends: what is held goes on */
void
nav_wrap_end(struct ar_nav *nv)
{
	struct nav_wrap *w = &nv->wrap;

	if (w->mode == WRAP_DECIDING)
		release(nv, 1);
	flush_cur(nv);
}

/* the next line of the queue, for emit */
size_t
nav_wrap_pop(struct ar_nav *nv, const char **s)
{
	struct nav_wrap *w = &nv->wrap;
	const char *p = w->q.s + w->qhead;
	const char *nl = memchr(p, '\n', w->q.len - w->qhead);
	size_t l = (size_t)(nl - p);

	*s = p;
	w->qhead += l + 1;
	return l;
}

/* emit is done with the queue up to here: room for more */
void
nav_wrap_drained(struct ar_nav *nv)
{
	struct nav_wrap *w = &nv->wrap;

	if (w->qhead == w->q.len) {
		w->qhead = w->q.len = 0;
	} else if (w->qhead > (1u << 16) && 2 * w->qhead > w->q.len) {
		memmove(w->q.s, w->q.s + w->qhead, w->q.len - w->qhead);
		w->q.len -= w->qhead;
		w->qhead = 0;
	}
}

void
nav_wrap_free(struct nav_wrap *w)
{
	free(w->held.s);
	free(w->hl);
	free(w->cur.s);
	free(w->joined.s);
	free(w->q.s);
}
