/* navpage.c: the page model. When a page has been read whole, the lines no
 * rule decided are decided here, by layers that each name themselves in
 * --explain:
 *
 *   evidence   what marks a line as page furniture: the interface words
 *              in it (vocab), the pages of the site it was seen on
 *              (template), its shape (stat: links, separators, symbols)
 *   lists      runs of short headline-like lines (bullets, numbers, dates
 *              between them, interface words) are lists of links, dropped
 *              as a block with the heading that introduces them (list)
 *   body       the densest run of prose is the article's body: the run of
 *              lines whose prose outweighs the furniture in it most
 *              (Readability's idea, on lines)
 *   cohesion   a block of prose cut off from the body by furniture that
 *              shares few content words with the article is another
 *              article; so is a headline spliced between paragraphs that
 *              shares none with the paragraphs around it
 *   title      the headline-like line before the body that shares most
 *              content words with its first paragraphs
 *   regions    before the title only its date line belongs to the article;
 *              between the title and the body its meta lines (byline,
 *              date, subtitle); after the body what continues it up to the
 *              first furniture, and the attribution (page)
 *
 * Content words are compared as light stems (the article and a clitic
 * before it, a few endings taken off), computed only for the lines that
 * are compared. */
#define _GNU_SOURCE             /* memmem */
#include "navint.h"

#include <stddef.h>
#include <stdlib.h>

#define TPL_MIN 2               /* earlier pages a line was seen on: template */
#define GAP_MIN 4               /* furniture lines that part blocks of the body */
#define GAP_CUT 10              /* and that the body does not go on after */
#define COHERE 12               /* share of words (in hundredths) that cohere */
#define INSERT_MAX 8            /* lines of an insert the body goes on after */
#define COHERE_INSERT 12        /* and the share of words the paragraphs after it need */
#define SET_CAP 4096            /* the article's words: a hash set */

/* a set of word hashes, cleared by the slots it filled */
struct wset {
	uint32_t h[SET_CAP];
	uint16_t at[SET_CAP / 2];
	size_t n;
};

struct pm {
	struct ar_nav *nv;
	struct nav_page *pg;
	struct ent *e;
	long n;
	long b0, b1;            /* the body: its first and last entries, or -1 */
	long title;             /* the title, or -1 */
	int arabic;             /* the page is written in Arabic */
	int stream;             /* a stream of articles, not a page */
	/* (the sets last: a page clears the rest, and the sets by the slots
	 * they filled) */
	struct wset set;        /* the article's words */
	struct wset tmp;        /* another line's words */
};

/* ---- content words ---- */
/* the code point at s[i] (i < n), its length in *l and its class in *cl */
static inline int32_t
cp_at(const char *s, size_t i, size_t *l, int *cl)
{
	unsigned char b = (unsigned char)s[i];
	int32_t c;

	if (b < 0x80) {
		*l = 1;
		*cl = ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ? AR_C_LETTER
		    : b >= '0' && b <= '9' ? AR_C_DIGIT : AR_C_OTHER;
		return b;
	}
	*l = ar_u8dec(s + i, &c);
	*cl = ar_cclass(c);
	return c;
}

/* continues a word (ar_word_next's words, no flags): a letter, a mark, a
 * format character, tatweel */
static inline int
cont_class(int32_t c, int cl)
{
	return cl == AR_C_LETTER || (c >= 0x80 && (cl == AR_C_MARK || cl == AR_C_FORMAT
	    || c == 0x0640));
}

/* The words of s[0..n) as ar_word_next (no flags) finds them, in one pass:
 * for each word of three code points or more that is no stop word, its
 * stem (nav_stem) goes into pg->w. */
static void
line_words(struct pm *m, const char *s, size_t n)
{
	struct nav_page *pg = m->pg;
	size_t i = 0, l;
	int cl;
	/* U+0600..U+067F in a word: a letter (folded), -1 a mark or tatweel
	 * (left out), -2 anything else (the general path) */
	static int16_t ar2[128];
	static int ready;

	if (!ready) {
		for (int32_t c = 0x600; c < 0x680; c++) {
			int k = ar_cclass(c);
			ar2[c - 0x600] = (int16_t)(k == AR_C_LETTER && c != 0x0640 ? nav_fold_letter(c)
			    : k == AR_C_MARK || c == 0x0640 ? -1 : -2);
		}
		ready = 1;
	}

	while (i < n) {
		int32_t c = cp_at(s, i, &l, &cl);
		if (c <= ' ' || c == 0x7F || cl == AR_C_SPACE || cl == AR_C_CONTROL
		    || (c >= 0x80 && cl == AR_C_FORMAT)) {
			i += l;         /* white space, controls, stray format */
			continue;
		}
		if (cl == AR_C_DIGIT && ar_digit_value(c) >= 0) {
			do {            /* a number */
				i += l;
				if (i >= n)
					break;
				c = cp_at(s, i, &l, &cl);
			} while (cl == AR_C_DIGIT && ar_digit_value(c) >= 0);
			continue;
		}
		if (!cont_class(c, cl)) {
			i += l;         /* punctuation, a symbol */
			continue;
		}
		/* a word: its letters folded (the first 48), marks, format
		 * and tatweel left out; a run of format characters belongs to
		 * it only if a letter follows */
		size_t b0 = i, ncp = 0;
		int32_t f[48];
		int k = 0;
		for (;;) {
			if (cl == AR_C_LETTER && c != 0x0640 && k < 48)
				f[k++] = nav_fold_letter(c);
			i += l, ncp++;
			/* a run of Arabic letters and marks: two bytes each */
			while (i + 1 < n && ((unsigned char)s[i] | 1) == 0xD9) {
				int v = ar2[((s[i] & 1) << 6) | (s[i + 1] & 0x3F)];
				if (v < -1)
					break;
				if (v > 0 && k < 48)
					f[k++] = v;
				i += 2, ncp++;
			}
			if (i >= n)
				break;
			c = cp_at(s, i, &l, &cl);
			if (!cont_class(c, cl))
				break;
			if (cl == AR_C_FORMAT) {
				size_t j = i + l, l2;
				int cl2 = AR_C_FORMAT;
				int32_t c2 = 0;
				while (j < n) {
					c2 = cp_at(s, j, &l2, &cl2);
					j += l2;
					if (cl2 != AR_C_FORMAT)
						break;
				}
				if (j >= n && cl2 == AR_C_FORMAT)
					break;
				if (!cont_class(c2, cl2))
					break;
			}
		}
		if (ncp < 3 || nav_stop(&m->nv->sw, s + b0, i - b0))
			continue;
		uint32_t h = nav_stem(f, k);
		if (!h)
			continue;
		if (pg->nw == pg->wcap) {
			pg->wcap = pg->wcap ? 2 * pg->wcap : 4096;
			pg->w = ar_realloc(pg->w, pg->wcap * sizeof *pg->w);
		}
		pg->w[pg->nw++] = h;
	}
}

/* the content words of line i (computed once) */
static const uint32_t *
words(struct pm *m, long i, size_t *nw)
{
	struct nav_page *pg = m->pg;
	struct ent *x = &m->e[i];

	if (x->wn == NOWORDS) {
		size_t n;
		const char *s = ent_kept(pg, x, &n);
		x->woff = (uint32_t)pg->nw;
		line_words(m, s, n);
		x->wn = (uint32_t)(pg->nw - x->woff);
	}
	*nw = x->wn;
	return pg->w + x->woff;
}

static void
set_add(struct wset *set, uint32_t h)
{
	size_t p = h & (SET_CAP - 1);

	if (set->n >= SET_CAP / 2)
		return;
	while (set->h[p] && set->h[p] != h)
		p = (p + 1) & (SET_CAP - 1);
	if (!set->h[p])
		set->h[p] = h, set->at[set->n++] = (uint16_t)p;
}

static int
set_has(const struct wset *set, uint32_t h)
{
	size_t p = h & (SET_CAP - 1);

	while (set->h[p] && set->h[p] != h)
		p = (p + 1) & (SET_CAP - 1);
	return set->h[p] == h;
}

static void
set_clear(struct wset *set)
{
	for (size_t k = 0; k < set->n; k++)
		set->h[set->at[k]] = 0;
	set->n = 0;
}

static void
set_line(struct pm *m, struct wset *set, long i)
{
	size_t nw;
	const uint32_t *w = words(m, i, &nw);

	for (size_t k = 0; k < nw; k++)
		set_add(set, w[k]);
}

/* the share of line i's content words that are in set, in hundredths; -1
 * if it has none */
static int
share_in(struct pm *m, long i, const struct wset *set)
{
	size_t nw, in = 0;
	const uint32_t *w = words(m, i, &nw);

	if (!nw)
		return -1;
	for (size_t k = 0; k < nw; k++)
		in += set_has(set, w[k]);
	return (int)(100 * in / nw);
}

/* the same, smoothed for short lines (two words more that are not in set) */
static int
share_smooth(struct pm *m, long i, const struct wset *set)
{
	size_t nw, in = 0;
	const uint32_t *w = words(m, i, &nw);

	for (size_t k = 0; k < nw; k++)
		in += set_has(set, w[k]);
	return (int)(100 * in / (nw + 2));
}

/* the share of line i's words in line j's */
static int
share_with(struct pm *m, long i, long j)
{
	set_clear(&m->tmp);
	set_line(m, &m->tmp, j);
	return share_in(m, i, &m->tmp);
}

/* ---- what a line is to the page ---- */
static int
pending(const struct ent *x)
{
	return x->fin == F_PEND;
}

static int
by_rule(const struct ent *x)
{
	return x->layer == AR_NAV_L_RULE && !x->blank;
}

static int
good(const struct ent *x)
{
	return pending(x) && x->cls == AR_NAV_C_GOOD && x->chrome < 4;
}

/* a paragraph, or nearly one (not dropped yet) */
static int
prose(const struct ent *x)
{
	return x->fin != F_D && !by_rule(x) && x->chrome < 4 && (x->cls == AR_NAV_C_GOOD
	    || (x->cls == AR_NAV_C_NEAR && x->f.cps >= 80));
}

/* a long line of names or figures: data of the article, not furniture */
static int
long_data(const struct ent *x)
{
	return x->cls == AR_NAV_C_BAD && x->f.cps >= 160 && !x->f.links;
}

/* Evidence of furniture, 0..8 (4 and more: furniture, unless prose says
 * otherwise): the interface words of a line, the pages it was seen on,
 * its shape. */
static void
evidence(struct pm *m)
{
	unsigned ar = 0, lat = 0;

	for (long i = 0; i < m->n; i++)
		ar += m->e[i].f.ar, lat += m->e[i].f.lat;
	m->arabic = ar > lat;
	/* a page in English: its Latin lines are classed again as prose
	 * would be, not as the furniture they are on an Arabic page */
	if (lat > 4 * ar && lat >= 400)
		for (long i = 0; i < m->n; i++) {
			struct ent *x = &m->e[i];
			if (pending(x) && !x->blank && x->cls == AR_NAV_C_BAD)
				x->cls = (unsigned char)nav_classify(&x->f, 1);
		}
	for (long i = 0; i < m->n; i++) {
		struct ent *x = &m->e[i];
		if (x->blank || !pending(x)) {
			x->chrome = by_rule(x) && x->fin == F_D ? 8 : 0;
			continue;
		}
		int prose = x->cls == AR_NAV_C_GOOD, s = x->v.score, c;
		int cv = prose ? (s >= 50 ? 4 : 0) : s >= 50 ? 6 : s >= 34 ? 4 : s >= 25 ? 2 : 0;
		if (!prose && x->v.first && cv < 4)
			cv = 4;         /* a line that opens with an interface phrase */
		int ct = x->tpl >= TPL_MIN ? 3 : 0;     /* alone, not enough */
		int cs = 0;
		/* a date in Latin letters (Published: Tue 10 Jun 2025) is a
		 * date line first, as an Arabic one is: the page model places it */
		if (x->cls == AR_NAV_C_BAD && !long_data(x) && !x->datetime)
			cs = 6;
		if (x->f.symbol)
			cs += 3;
		/* its signs with figures, no sentence: a ticker of markets,
		 * the weather (سوق دبي 4,512.33 ▲ 0.45%) */
		if (x->f.symbol && x->f.dig >= 2 && !x->f.term && x->f.words <= 10)
			cs += 2;
		if (m->arabic && x->f.lat > x->f.ar && x->f.words <= 8 && !x->datetime)
			cs += 2;
		if (x->f.seps == 1 && x->f.words <= 5)
			cs += 2;
		c = cv + ct + cs;
		x->chrome = (unsigned char)(c > 8 ? 8 : c);
		x->cv = (unsigned char)cv, x->ct = (unsigned char)ct, x->cs = (unsigned char)cs;
	}
}

/* the layer that the evidence of furniture on x came from */
static int
evidence_layer(const struct ent *x)
{
	if (x->cs >= x->cv && x->cs >= x->ct)
		return AR_NAV_L_STAT;
	return x->cv >= x->ct ? AR_NAV_L_VOCAB : AR_NAV_L_TEMPLATE;
}

static void
set_fate(struct ent *x, int fin, int layer, int reason)
{
	x->fin = (unsigned char)fin;
	x->layer = (unsigned char)layer;
	x->reason = (unsigned char)reason;
}

/* drop x for its evidence of furniture */
static void
drop_furniture(struct ent *x)
{
	int l = evidence_layer(x);

	set_fate(x, F_D, l, l == AR_NAV_L_VOCAB ? AR_NAV_R_VOCAB : l == AR_NAV_L_TEMPLATE
	    ? AR_NAV_R_TEMPLATE : AR_NAV_R_CHROME);
}

/* ---- lists of links ---- */
static int
item_like(const struct ent *x)
{
	if (x->blank || !pending(x) || x->f.words == 0 || x->f.words > 18)
		return 0;
	if (x->cls == AR_NAV_C_GOOD && x->f.cps >= 90)
		return 0;
	return !x->f.term || x->f.bullet || x->f.numbered;
}

/* a date, a time, a source and a time: what stands between list items */
static int
aux_line(const struct ent *x)
{
	return x->datetime || (x->f.words <= 6 && x->f.dig && !x->f.term);
}

/* a line that introduces a list: short, not prose, not itself items */
static int
heading_like(const struct ent *x)
{
	return pending(x) && !x->blank && x->f.words && x->f.words <= 6
	    && x->cls != AR_NAV_C_GOOD && x->cls != AR_NAV_C_BAD && !x->f.seps
	    && !x->datetime && !x->v.byline && (!x->f.term || x->f.colon);
}

/* a heading in the words of the headings of lists: related, most read,
 * tags, comments, videos */
static int
list_heading(const struct ent *x)
{
	switch (x->v.cat) {
	case VC_RELATED: case VC_MOSTREAD: case VC_TAGS: case VC_COMMENTS: case VC_VIDEO:
	case VC_PAGINATION: case VC_AUTHOR:
		return x->v.score >= 25;
	}
	return 0;
}

/* two items of one list: of a length, both marked or neither */
static int
similar(const struct ent *p, const struct ent *x)
{
	unsigned a = p->f.words, b = x->f.words;
	unsigned lo = a < b ? a : b, hi = a < b ? b : a;

	return hi <= 2 * lo + 1
	    && (p->f.bullet || p->f.numbered) == (x->f.bullet || x->f.numbered);
}

struct run {
	long first, last, prev;         /* its lines; its last item */
	long paux;                      /* its last line between items */
	int items, aux, marked, tiny, tinysw, vocab;
};

/* Is the run of item lines r (with the heading h before it, or -1) a list of
 * links? A heading of interface words; or three items or more with
 * bullets or numbers, with dates between them, short ones without function
 * words (a menu, tags), ones most of which are interface words, or four
 * headlines or more. */
static int
is_list(const struct pm *m, const struct run *r, long h)
{
	int hv = h >= 0 && list_heading(&m->e[h]);

	if (r->items < 1)
		return 0;
	if (hv && r->items + r->aux >= 2)
		return 1;
	if (r->items >= 2 && r->aux >= 2)
		return 1;
	if (r->items == 1 && r->aux >= 3 && r->first >= 0 && !m->e[r->first].f.dig
	    && m->e[r->first].f.words <= 4)
		return 1;       /* a heading over rows of figures: a table (1 الوحدة 22) */
	if (r->items < 3)
		return 0;
	return r->marked >= 2
	    || (r->tiny >= 3 && r->tiny * 4 >= r->items * 3 && r->tinysw * 3 <= r->tiny)
	    || r->vocab * 3 >= r->items * 2;
}

/* the lines of r are items (2: of a list with interface words), h its heading */
static void
mark_list(struct pm *m, const struct run *r, long h)
{
	unsigned len = 0;

	for (long i = r->first; i <= r->last; i++)
		len += !m->e[i].blank;
	int v = r->vocab * 2 >= r->items || (h >= 0 && list_heading(&m->e[h]));

	for (long i = r->first; i <= r->last; i++)
		if (!m->e[i].blank) {
			m->e[i].item = (unsigned char)(1 + v);
			m->e[i].detail = (unsigned short)len;
		}
	if (h >= 0)
		m->e[h].heading = 1, m->e[h].detail = (unsigned short)len;
}

static int signoff(const struct pm *m, const struct ent *x);

static const char *trimmed(const struct pm *m, const struct ent *x, size_t *n);

/* a poll's question: a short line that ends with a question mark */
static int
poll_question(const struct pm *m, const struct ent *x)
{
	size_t n;
	const char *s = trimmed(m, x, &n);

	return x->f.words >= 3 && x->f.words <= 20 && n && (s[n - 1] == '?'
	    || (n >= 2 && (unsigned char)s[n - 2] == 0xD8 && (unsigned char)s[n - 1] == 0x9F));
}

/* the line next to line i in direction dir is a poll's (استطلاع رأي over
 * the question, صوت الآن under the options): a symptom list under ما
 * الأعراض؟ is the article's */
static int
poll_word(const struct pm *m, long i, int dir)
{
	do
		i += dir;
	while (i >= 0 && i < m->n && m->e[i].blank);
	return i >= 0 && i < m->n && m->e[i].v.cat == VC_POLL && m->e[i].f.words <= 5;
}

/* the nearest nonblank line before (dir -1) or after (1) i on the page */
static long
line_near(const struct pm *m, long i, int dir)
{
	for (i += dir; i >= 0 && i < m->n; i += dir)
		if (!m->e[i].blank)
			return i;
	return -1;
}

/* a figure alone: 14.8, 6%, 1,200 (a sign among its digits; a bare
 * count or rank is no cell) */
static int
figure_cell(const struct ent *x)
{
	return x->f.dig && x->f.cps > x->f.dig && x->f.cps <= 12 && !x->f.ar && !x->f.lat;
}

/* The run r under line q is a table a cell a line, as innerText gives a
 * table: six cells or more under a sentence that ends with a colon, a
 * third of them or more figures with a sign, and prose right after. */
static int
cell_table(const struct pm *m, const struct run *r, long q)
{
	int cells = 0, figs = 0;

	if (q < 0 || r->items + r->aux < 6)
		return 0;
	const struct ent *y = &m->e[q];
	if (!y->f.colon || y->f.words < 5 || by_rule(y) || y->cv >= 4)
		return 0;
	for (long i = r->first; i <= r->last; i++)
		if (!m->e[i].blank)
			cells++, figs += figure_cell(&m->e[i]);
	if (figs < 2 || 3 * figs < cells)
		return 0;
	long k = r->last;
	for (int seen = 0; seen < 2 && (k = line_near(m, k, 1)) >= 0; seen++)
		if (m->e[k].cls == AR_NAV_C_GOOD && !by_rule(&m->e[k]))
			return 1;
	return 0;
}

/* the run r ends: a list? */
static void
run_end(struct pm *m, struct run *r)
{
	if (r->first >= 0) {
		long h = r->first - 1;
		while (h >= 0 && m->e[h].blank)
			h--;
		long q = h;
		if (h >= 0 && (!heading_like(&m->e[h]) || signoff(m, &m->e[h])))
			h = -1;         /* a wire's sign-off heads no list under it */
		if (cell_table(m, r, q)) {
			for (long i = r->first; i <= r->last; i++)
				m->e[i].cell = !m->e[i].blank;
		} else if (is_list(m, r, h))
			mark_list(m, r, h);
		else if (q >= 0 && r->items >= 2 && r->items <= 6 && r->tiny == r->items && !r->aux
		    && poll_question(m, &m->e[q]) && (poll_word(m, q, -1) || poll_word(m, r->last, 1)))
			mark_list(m, r, q);     /* a poll: its question over its options (نعم, لا) */
	}
	memset(r, 0, sizeof *r);
	r->first = r->last = r->prev = r->paux = -1;
}

/* Under a heading known by its words (أسئلة ذات صلة, قد يهمك), items
 * may be sentences: short lines with a stop (questions, teasers) */
static int
item_under_heading(const struct ent *x)
{
	return !x->blank && pending(x) && x->f.words && x->f.words <= 14 && x->f.cps < 100;
}

static int
known_heading(const struct ent *x)
{
	return !x->blank && x->f.words && x->f.words <= 6 && (!x->f.term || x->f.colon)
	    && (list_heading(x) || x->v.cat == VC_POLL) && x->v.score >= 50;     /* pending or dropped for its words */
}

static void
find_lists(struct pm *m)
{
	struct run r;
	long lastnb = -1;       /* the nonblank line before */
	int headed = 0;         /* the run is under a known heading */

	memset(&r, 0, sizeof r);
	r.first = r.last = r.prev = r.paux = -1;
	for (long i = 0; i < m->n; i++) {
		const struct ent *x = &m->e[i];
		if (x->blank)
			continue;
		long before = lastnb;
		lastnb = i;
		if (known_heading(x) && !item_like(&m->e[before >= 0 ? before : i])) {
			/* a list's heading under prose opens a run of its own */
			run_end(m, &r);
			headed = 1;
			continue;
		}
		if (r.first < 0)
			headed = before >= 0 && known_heading(&m->e[before]);
		int loose = headed && !item_like(x) && item_under_heading(x);
		if (!item_like(x) && !loose) {
			run_end(m, &r);
			headed = known_heading(x);
			continue;
		}
		if (loose) {
			/* as an item, whatever its stop; similar() asks no more */
			if (r.first < 0)
				r.first = i;
			r.last = r.prev = i;
			r.items++;
			r.vocab += x->cv >= 2;
			continue;
		}
		if (r.items && aux_line(x)) {
			r.aux++;
			r.last = r.paux = i;
			continue;
		}
		/* like the item before it, or like the line of figures before
		 * it (results, prices: a ticker) */
		if (r.prev >= 0 && !similar(&m->e[r.prev], x)
		    && !(x->f.dig && r.paux > r.prev && similar(&m->e[r.paux], x)))
			run_end(m, &r);
		if (r.first < 0)
			r.first = i;
		r.last = r.prev = i;
		r.items++;
		r.marked += x->f.bullet || x->f.numbered;
		if (x->f.words <= 3)
			r.tiny++, r.tinysw += x->f.sw > 0;
		r.vocab += x->cv >= 2;
	}
	run_end(m, &r);
}

/* ---- the body: the densest run of prose ---- */
static double
score(const struct ent *x)
{
	if (x->blank)
		return 0;
	if (by_rule(x))
		return x->fin == F_D ? -1 : 0;
	if (x->item == 1 && x->chrome < 4)
		return -0.5;            /* a list, maybe the article's */
	if (x->item || x->heading || x->chrome >= 4)
		return -1;
	switch (x->cls) {
	case AR_NAV_C_GOOD:
		return 2 + (x->f.cps < 800 ? x->f.cps : 800) / 200.0;
	case AR_NAV_C_NEAR:
		return x->f.term ? 1 : 0.5;
	case AR_NAV_C_BAD:
		return long_data(x) ? 0 : -2;
	}
	return -0.25;
}

static int points_under_colon(const struct pm *m, long i);

/* the run of lines with the greatest score (Kadane): m->b0, m->b1; -1
 * when the page has no prose */
static void
find_body(struct pm *m)
{
	double best = 0, cur = 0;
	long start = -1;

	m->b0 = m->b1 = -1;
	for (long i = 0; i < m->n; i++) {
		if (m->e[i].blank)
			continue;
		/* the article's points or table under its colon weigh a
		 * little for it, as short prose does */
		double s = points_under_colon(m, i) ? 0.25 : score(&m->e[i]);
		if (start < 0 || cur <= 0) {
			if (s <= 0)
				continue;
			start = i, cur = 0;
		}
		cur += s;
		if (cur > best)
			best = cur, m->b0 = start, m->b1 = i;
	}
	/* the body begins and ends with prose (a headline before it, scoring
	 * a little, is its title) */
	while (m->b0 >= 0 && m->b0 < m->b1 && !prose(&m->e[m->b0]))
		m->b0++;
	while (m->b1 > m->b0 && !prose(&m->e[m->b1]))
		m->b1--;
	/* nor with a notice that opens with an interface phrase
	 * ("disclaimer: ...", "note: ...") */
	while (m->b1 > m->b0 && (m->e[m->b1].blank || !prose(&m->e[m->b1])
	    || m->e[m->b1].v.first))
		m->b1--;
	if (m->b0 >= 0 && !prose(&m->e[m->b0]))
		m->b0 = m->b1 = -1;
}

/* the words of the article: the prose lines of the body from b (at most 20) */
static void
article_words(struct pm *m, long b, long e)
{
	int k = 0;

	set_clear(&m->set);
	for (long i = b; i <= e && k < 20; i++) {
		if (prose(&m->e[i]))
			set_line(m, &m->set, i), k++;
	}
}

/* the share of the first prose lines of [b, e] in the article's words */
static int
block_share(struct pm *m, long b, long e)
{
	int k = 0, sum = 0, n = 0;

	for (long i = b; i <= e && k < 3; i++)
		if (good(&m->e[i])) {
			int s = share_in(m, i, &m->set);
			k++;
			if (s >= 0)
				sum += s, n++;
		}
	return n ? sum / n : 0;
}

/* The heading of a section of furniture (comments, related, most read,
 * tags, about the writer): the body does not go on after it, unless it
 * stands right after a paragraph (an insert in the body; never the
 * writer's box nor the comments). */
static int
section_heading(const struct pm *m, long i)
{
	const struct ent *x = &m->e[i];
	long p = i;

	if (!(x->f.words <= 5 && x->v.score >= 50 && list_heading(x)))
		return 0;
	if (x->v.cat == VC_AUTHOR || x->v.cat == VC_COMMENTS)
		return 1;       /* "about the writer", the comments: never an insert */
	while (--p >= 0 && m->e[p].blank)
		;
	return p < 0 || !good(&m->e[p]);
}

/* how much furniture stands between lines a and b (exclusive): 0 if none
 * of it is more than statistics (a rule, a list, interface words, a
 * template: *strongp says if some is); a section heading weighs GAP_CUT */
static long neighbour(const struct pm *m, long i, int dir);

/* x is an item of the list right under a paragraph that ends with a
 * colon (اتخذ المجلس القرارات التالية:), numbered or bulleted points of
 * three words or more, a table's rows (items or not) or its cells: the
 * article's own */
static int
points_under_colon(const struct pm *m, long i)
{
	const struct ent *x = &m->e[i];
	long p = i;
	/* or the rows of a table (المرشح | الأصوات | النسبة), whatever
	 * their shape says, if no interface word or template knows them */
	int row = x->f.seps && x->cv < 2 && x->ct < 3;

	if (x->cell)
		return 1;
	if ((!row && x->item != 1) || (!row && x->chrome >= 2)
	    || !(x->f.numbered || x->f.bullet || row) || x->f.words < (row ? 2u : 3u))
		return 0;
	while ((p = line_near(m, p, -1)) >= 0 && (m->e[p].item || (row && m->e[p].f.seps)))
		;
	if (p < 0)
		return 0;
	const struct ent *y = &m->e[p];     /* a short sentence will do */
	return (prose(y) || (y->cls == AR_NAV_C_NEAR && y->f.words >= 5 && y->chrome < 4 && !by_rule(y)))
	    && y->f.colon && y->cv < 4;     /* على النحو التالي: "next", weakly */
}

/* Line i is of the article's own points or table: one of them, the line
 * with the colon over them, a table's head row, or their source line */
static int
own_point(const struct pm *m, long i)
{
	const struct ent *x = &m->e[i];
	long k = line_near(m, i, 1), k2 = k >= 0 ? line_near(m, k, 1) : -1;

	if (points_under_colon(m, i))
		return 1;
	if (x->f.colon && ((k >= 0 && points_under_colon(m, k))
	    || (k2 >= 0 && m->e[k].f.seps && points_under_colon(m, k2))))
		return 1;
	if (x->f.seps && k >= 0 && points_under_colon(m, k))
		return 1;       /* the head row: القائمة | الأصوات | النسبة */
	long p = line_near(m, i, -1);
	return by_rule(x) && x->fin == F_K && x->rule >= 0 && m->nv->rules[x->rule].attribution
	    && p >= 0 && points_under_colon(m, p);
}

static int
gap_weight(const struct pm *m, long a, long b, int *strongp)
{
	int w = 0, strong = 0, tags = 0, kept = 0;

	for (long i = a + 1; i < b; i++) {
		const struct ent *x = &m->e[i];
		if (x->blank)
			continue;
		/* the article's own list (points under a paragraph that ends
		 * with a colon) parts nothing */
		int own = own_point(m, i);
		int f = !own && (x->item || x->heading || x->chrome >= 4 || (by_rule(x) && x->fin == F_D));
		/* the article's tags (الوسوم: ...) close it: what comes after
		 * them is the page's */
		tags |= by_rule(x) && x->fin == F_D && x->rule >= 0 && m->nv->rules[x->rule].tags
		    && m->nv->rules[x->rule].act == AR_NAV_A_DROP_LINE;
		kept |= by_rule(x) && x->fin == F_K && x->rule >= 0 && !m->nv->rules[x->rule].attribution;
		w += section_heading(m, i) ? GAP_CUT : f;
		strong |= !own && (x->item || x->heading || by_rule(x) || x->cv >= 4 || x->ct >= 3);
	}
	if (tags && !kept)
		w += GAP_CUT;   /* unless --keep keeps a section there */
	if (strongp)
		*strongp = strong;
	return strong ? w : 0;
}

/* mark the prose of [b, e] as another article, sharing sh with this one */
static void
other_article(struct pm *m, long b, long e, int sh)
{
	for (long i = b; i <= e; i++)
		if (good(&m->e[i])) {
			set_fate(&m->e[i], F_D, AR_NAV_L_COHESION, AR_NAV_R_OTHER_ARTICLE);
			m->e[i].detail = (unsigned short)sh;
		}
}

static int article_start(struct pm *m, long i);
static int headline_meta(struct pm *m, long i);

/* Is there furniture between lines a and b (exclusive) that ends an
 * article: a section heading, a rule's drop of the rest or of tags, the
 * words of a list's heading, a template line? (A table one cell a line is
 * many items; a picture, its caption and an ad are an insert.) */
static int
gap_hard(const struct pm *m, long a, long b)
{
	for (long i = a + 1; i < b; i++) {
		const struct ent *x = &m->e[i];
		if (x->blank)
			continue;
		if (section_heading(m, i) || (by_rule(x) && x->fin == F_D && x->rule >= 0
		    && (m->nv->rules[x->rule].act == AR_NAV_A_DROP_REST || m->nv->rules[x->rule].tags))
		    || (list_heading(x) && x->v.score >= 50) || x->ct >= 3)
			return 1;       /* (a picture, its caption, an ad are inserts) */
	}
	return 0;
}

/* Blocks of the body parted by furniture: the main block (the first with
 * half the greatest score) keeps the blocks around it across a little
 * furniture (an insert), across more, or a headline with its paragraph
 * (an article starts), if they cohere with it, never across a section
 * heading or GAP_CUT lines of it; the first it does not keep is another
 * article (or the trailer), and the body ends before it. */
static void
split_blocks(struct pm *m)
{
	long bs[64], be[64], headed[64];
	int nb = 0, main = 0, gap[64];
	double bsc[64], top = 0;
	long last = -1;

	for (long i = m->b0; i <= m->b1; i++) {
		if (!good(&m->e[i]))
			continue;
		int strong = 0, g = last < 0 ? 0 : gap_weight(m, last, i, &strong);
		long hd = -1;
		/* a headline and its paragraph after the article's end (an
		 * attribution, furniture) */
		for (long h = last + 1; strong && h < i && hd < 0; h++)
			if (headline_meta(m, h) && !own_point(m, h))
				hd = h;
		/* a section a rule found and --keep keeps is not parted */
		for (long h = last + 1; hd >= 0 && h < i; h++)
			if (by_rule(&m->e[h]) && m->e[h].fin == F_K && m->e[h].rule >= 0
			    && !m->nv->rules[m->e[h].rule].attribution)
				hd = -1;
		if (last < 0 || ((g >= 1 || hd >= 0) && nb < 64)) {
			gap[nb] = g, bs[nb] = i, bsc[nb] = 0, headed[nb] = hd;
			nb++;
		}
		be[nb - 1] = last = i;
	}
	if (nb < 2)
		return;
	for (int k = 0; k < nb; k++) {
		for (long i = bs[k]; i <= be[k]; i++)
			bsc[k] += score(&m->e[i]);
		if (bsc[k] > top)
			top = bsc[k];
	}
	/* the article comes first: the first block of half the best score */
	while (main < nb - 1 && bsc[main] * 2 < top)
		main++;
	int lo = main, hi = main;
	for (; hi + 1 < nb; hi++) {
		int g = gap[hi + 1], sh = 100;
		if (g >= GAP_MIN || headed[hi + 1] >= 0) {
			article_words(m, bs[lo], be[hi]);
			sh = g >= GAP_CUT ? 0 : block_share(m, bs[hi + 1], be[hi + 1]);
		}
		/* a paragraph that opens with و or ف goes on with the text above
		 * it, whatever its words (وفي وادي موسى, after a picture and an
		 * ad under a subhead); another article's lead does not open so */
		if (sh < COHERE && m->e[bs[hi + 1]].f.waw && !m->stream && !gap_hard(m, be[hi], bs[hi + 1]))
			sh = COHERE;
		if (sh < COHERE) {
			long h = headed[hi + 1];
			if (h >= 0 && pending(&m->e[h])) {
				set_fate(&m->e[h], F_D, AR_NAV_L_COHESION, AR_NAV_R_OTHER_ARTICLE);
				m->e[h].detail = (unsigned short)sh;
			}
			other_article(m, bs[hi + 1], be[nb - 1], sh);
			break;
		}
	}
	for (; lo > 0; lo--) {
		int g = gap[lo], sh = 100;
		if (g >= GAP_MIN) {
			article_words(m, bs[lo], be[hi]);
			sh = g >= GAP_CUT ? 0 : block_share(m, bs[lo - 1], be[lo - 1]);
		}
		if (sh < COHERE) {
			other_article(m, bs[0], be[lo - 1], sh);
			break;
		}
	}
	m->b0 = bs[lo];
	m->b1 = be[hi];
}

/* A section heading the body does not go on after; right under prose
 * (section_heading asks for a paragraph, a shorter one will do here) it
 * heads an insert. */
static int
insert_cut(const struct pm *m, long i)
{
	long p = i;

	if (!section_heading(m, i))
		return 0;
	while (--p >= 0 && m->e[p].blank)
		;
	return p < 0 || !prose(&m->e[p]);
}

/* line j of an insert: counted; whether it cuts the body (a section
 * heading) and whether a rule or its interface words know it as furniture
 * (a list alone is no evidence: the article has lists of its own) */
static void
insert_line(const struct pm *m, long j, int *lines, int *known, int *heading)
{
	const struct ent *x = &m->e[j];

	++*lines;
	*heading |= insert_cut(m, j);
	*known |= x->cv >= 4 || (by_rule(x) && x->fin == F_D);
}

/* The body goes on after an insert: a few lines of furniture (at most
 * INSERT_MAX, one of them known as furniture by a rule or its interface
 * words, not by being a list: the article has lists of its own; no
 * section heading) and then paragraphs again, the
 * first opening with و or ف, that take up the article's words (a poll, a
 * box of links between two parts of the article). The insert goes, the
 * paragraphs join the body. */
static void
body_after_insert(struct pm *m)
{
	while (m->b1 >= 0) {
		long j = m->b1 + 1;
		int lines = 0, known = 0, heading = 0, listed = 1;
		for (; j < m->n && !good(&m->e[j]) && lines <= INSERT_MAX; j++) {
			const struct ent *x = &m->e[j];
			if (x->blank)
				continue;
			/* or the article's own list, under a line of its that ends
			 * with a colon (وأبرز ما تضمنته الحزمة:), no interface words */
			int mine = own_point(m, j);
			listed &= mine || (x->cv < 2 && !by_rule(x) && (lines ? x->item != 0
			    : x->f.colon && x->chrome < 4 && x->f.words <= 12));
			insert_line(m, j, &lines, &known, &heading);
		}
		listed &= lines >= 3;
		/* the paragraph after it goes on as one of the body does, with
		 * و or ف (a writer's box, a notice, another article does not) */
		if (j >= m->n || !good(&m->e[j]) || lines > INSERT_MAX || heading || !(known || listed)
		    || !m->e[j].f.waw)
			return;
		long k = j;
		while (k + 1 < m->n && (good(&m->e[k + 1]) || m->e[k + 1].blank))
			k++;
		while (k > j && m->e[k].blank)
			k--;
		int sh = block_share(m, j, k);
		if (sh < COHERE_INSERT)
			return;
		for (long i = m->b1 + 1; i < j && !listed; i++)
			if (pending(&m->e[i]) && !m->e[i].blank)
				set_fate(&m->e[i], F_D, AR_NAV_L_PAGE, AR_NAV_R_INSERT);
		m->b1 = k;
		article_words(m, m->b0, m->b1);
	}
}

static int headline_of(struct pm *m, long i, int near);

/* The same before the body: when its first paragraph goes on with و or
 * ف below an insert, the prose above the insert (the best run of it,
 * ending at its last paragraph) is the body's beginning if it takes up
 * the article's words or a headline's just above it; the insert goes. */
static void
body_before_insert(struct pm *m)
{
	while (m->b0 > 0 && m->e[m->b0].f.waw) {
		long j = m->b0 - 1;
		int lines = 0, known = 0, heading = 0;
		for (; j >= 0 && !good(&m->e[j]) && !prose(&m->e[j]) && lines <= INSERT_MAX; j--) {
			const struct ent *x = &m->e[j];
			if (!x->blank)
				insert_line(m, j, &lines, &known, &heading);
		}
		if (j < 0 || !prose(&m->e[j]) || lines > INSERT_MAX || heading || !known)
			return;
		/* the best run of lines ending at j (Kadane backwards) */
		double cur = 0, best = 0;
		long start = -1;
		for (long i = j; i >= 0; i--) {
			if (m->e[i].blank)
				continue;
			cur += score(&m->e[i]);
			if (cur > best)
				best = cur, start = i;
			if (cur < 0)
				break;
		}
		while (start >= 0 && start < j && !prose(&m->e[start]))
			start++;
		if (start < 0 || !prose(&m->e[start]))
			return;
		/* it takes up the article's words, or a headline just above it
		 * takes up its own (the body's few lines may share few words
		 * with a lead) */
		int headed = 0;
		for (long h = start - 1, seen = 0; h >= 0 && seen < 3 && !headed; h--)
			if (!m->e[h].blank)
				seen++, headed = headline_of(m, h, 3);
		if (!headed && block_share(m, start, j) < COHERE_INSERT)
			return;
		/* the article's own points or table under its colon, and
		 * their source, are no insert: they join the body */
		int mine = 1;
		for (long i = j + 1; i < m->b0 && mine; i++) {
			mine = m->e[i].blank || own_point(m, i);
		}
		for (long i = j + 1; i < m->b0 && !mine; i++)
			if (pending(&m->e[i]) && !m->e[i].blank)
				set_fate(&m->e[i], F_D, AR_NAV_L_PAGE, AR_NAV_R_INSERT);
		m->b0 = start;
		article_words(m, m->b0, m->b1);
	}
}

/* A headline followed (within near lines: its meta lines between) by a
 * paragraph that takes up its words: an article starts here. */
static int
headline_of(struct pm *m, long i, int near)
{
	const struct ent *x = &m->e[i];
	long q = i;

	if (!pending(x) || x->blank || x->cls == AR_NAV_C_GOOD || x->f.term || x->item
	    || x->ticker || x->f.words < 3 || x->f.words > 25 || x->chrome >= 4)
		return 0;
	for (int k = 0; k < near; k++) {
		while (++q < m->n && m->e[q].blank)
			;
		if (q >= m->n)
			return 0;
		if (good(&m->e[q]))
			return share_with(m, i, q) >= 25;
	}
	return 0;
}

static int
article_start(struct pm *m, long i)
{
	return headline_of(m, i, 1);
}

static int meta_shape(const struct ent *x);

/* A headline, then its meta lines (a date, a byline, "SITE - CITY": at
 * most three short lines that are no prose), then a paragraph that takes
 * up its words: the next article a page runs on into. */
static int
headline_meta(struct pm *m, long i)
{
	long q = i;
	int skipped = 0;

	if (headline_of(m, i, 1))
		return 1;
	for (;;) {
		while (++q < m->n && m->e[q].blank)
			;
		if (q >= m->n)
			return 0;
		const struct ent *y = &m->e[q];
		if (good(y))
			return skipped && headline_of(m, i, skipped + 1);
		if (++skipped > 3 || y->cls == AR_NAV_C_GOOD || y->f.term || y->item
		    || !(meta_shape(y) || (by_rule(y) && y->fin == F_D) || (y->f.words <= 4 && !y->heading)))
			return 0;
	}
}

static int place_byline(const struct pm *m, const struct ent *x);
static const char *trimmed(const struct pm *m, const struct ent *x, size_t *n);
static long neighbour(const struct pm *m, long i, int dir);

/* The body's first line is a headline (short, no comma, not closed by a
 * full stop: a question will do) with one to four short lines under it
 * before the next paragraph, a date or byline among them, and that
 * paragraph takes up its words: the title with its meta lines, which
 * prose-like wording put in the body. The body starts at the paragraph. */
static void
title_atop(struct pm *m)
{
	const struct ent *x = &m->e[m->b0];
	size_t n;
	const char *s = trimmed(m, x, &n);
	long q = m->b0;
	int lines = 0, meta = 0;

	if (x->f.cps > 120 || x->f.words < 4 || x->f.words > 18 || x->f.comma || x->item
	    || x->heading || x->chrome || x->ticker || x->datetime || x->f.colon || !n
	    || s[n - 1] == '.')
		return;
	while ((q = neighbour(m, q, 1)) >= 0 && !good(&m->e[q])) {
		const struct ent *y = &m->e[q];
		if (++lines > 4 || y->item || y->heading || y->f.words > 20 || y->cls == AR_NAV_C_GOOD)
			return;
		meta |= meta_shape(y) || place_byline(m, y);
	}
	if (q < 0 || !meta || share_with(m, m->b0, q) < 25)
		return;
	m->b0 = q;
}

/* Three articles or more, one after the other, in the body: not a page
 * but a stream of clean articles (a corpus, a feed), which keeps them all. */
static int
is_stream(struct pm *m)
{
	int starts = 0;

	/* numbered headlines (1. ..., 2. ...) are the sections of one
	 * article: steps, points */
	for (long i = m->b0; i <= m->b1 && starts < 3; i++)
		starts += !m->e[i].f.numbered && article_start(m, i);
	return starts >= 3;
}

/* ---- the title ---- */

static int meta_shape(const struct ent *x);

/* Meta lines follow line i: the next nonblank line is one (a date, a
 * byline, a dateline), or a short line (a name) and then one. */
static int
meta_follows(const struct pm *m, long i)
{
	for (long j = i + 1, k = 0; j < m->n && k < 2; j++) {
		const struct ent *x = &m->e[j];
		if (x->blank)
			continue;
		if (meta_shape(x))
			return 1;
		if (k++ || x->f.words > 5 || x->f.term)
			return 0;
	}
	return 0;
}

/* The lines of a news ticker: a short line that a ticker's cue opens
 * ("عاجل: ...", "الآن - ..."), and the headline right under a cue that
 * stands alone ("خبر عاجل"). They are no title, and no meta lines of it. */
static void
mark_tickers(struct pm *m)
{
	int under = 0;          /* in the headlines under a cue alone */

	for (long i = 0; i < m->n; i++) {
		struct ent *x = &m->e[i];
		int cue = under;
		under = 0;
		if (x->blank || x->f.words > 25 || x->f.term)
			continue;
		if (x->v.ticker == 2)
			under = 1;
		if (x->v.ticker && !(x->v.ticker == 1 && x->f.words >= 6 && meta_follows(m, i)))
			x->ticker = 1;  /* (a live blog's title opens with مباشر: too) */
		else if (cue && x->f.words >= 3 && !x->datetime && !x->v.byline
		    && !(i + 1 < m->n && meta_shape(&m->e[i + 1])))
			x->ticker = 1, under = 1;       /* the title is the headline its date follows */
	}
}

static int
title_shape(const struct ent *x)
{
	return pending(x) && !x->blank && x->chrome < 4 && !x->ct && !x->ticker && x->f.words >= 2
	    && x->f.words <= 30 && !x->datetime && !x->f.colon && x->cls != AR_NAV_C_BAD
	    && (x->cls != AR_NAV_C_GOOD || x->f.cps <= 160) && !x->v.credit;
}

static int
title_like(const struct ent *x)
{
	return title_shape(x) && !x->item;
}

/* A result at most six words long, two sides and their figures across a
 * dash or colon (الهلال 2 - 1 النصر, 3:0): a score widget, no title */
static int
score_line(const struct pm *m, const struct ent *x)
{
	if (!x->f.dig || x->f.words > 8)
		return 0;
	const char *s = ent_text(m->pg, x);
	for (size_t i = 0; i < x->len; i++) {
		if (s[i] != '-' && s[i] != ':')
			continue;
		size_t a = i, b = i + 1;
		while (a > 0 && s[a - 1] == ' ')
			a--;
		while (b < x->len && s[b] == ' ')
			b++;
		if (a > 0 && s[a - 1] >= '0' && s[a - 1] <= '9' && b < x->len && s[b] >= '0' && s[b] <= '9')
			return 1;
	}
	return 0;
}

/* No title above the body: the body may have begun with prose of the
 * header (a ticker, a notice). A headline among its first lines whose
 * paragraph takes up its words, when the prose above it does not cohere
 * with the prose below, is the title, and the body starts after it. */
static int
title_in_body(struct pm *m)
{
	int seen = 0, found = 0;

	if (m->stream)
		return 0;
	for (long i = m->b0 + 1; i <= m->b1 && seen < 8; i++) {
		if (m->e[i].blank)
			continue;
		seen++;
		if (!title_like(&m->e[i]) || !headline_of(m, i, 4))
			continue;
		long b = i;
		while (++b <= m->b1 && !good(&m->e[b]))
			;
		article_words(m, b, m->b1);
		if (block_share(m, m->b0, i - 1) < COHERE) {
			m->title = i;
			m->b0 = b;
			found = 1;
		}
		break;
	}
	article_words(m, m->b0, m->b1);
	return found;
}

/* The head of the article taken for the tail of a list: a list run on
 * (across a blank line) into the title and its meta lines, or the byline,
 * date and captions between the title and the body read as a list. Among
 * the lines just above the body (at most HEAD_LOOK, none of them decided by
 * a rule), the headline-like line that takes up the body's words most is
 * the title; it and the lines after it are no items of a list of links
 * (unless interface words made the list). */
#define HEAD_LOOK 8
static const char *trimmed(const struct pm *m, const struct ent *x, size_t *n);

/* "PLACE: NAME" or "PLACE - NAME" under a title (ود مدني: عوض الكريم
 * محمد, الرياض - خالد العتيبي, عربي21- أحمد سعيد): one or two words (a
 * site's name may hold digits), a colon or a dash, two to four words; no
 * digits, links or lists after it. A byline with its dateline. */
static int
place_byline(const struct pm *m, const struct ent *x)
{
	size_t n, c;
	const char *s;

	if (x->f.links || x->f.comma || x->f.words < 3 || x->f.words > 7 || x->f.lat)
		return 0;
	s = trimmed(m, x, &n);
	const char *col = memchr(s, ':', n);
	if (!col)
		col = memchr(s, '-', n);
	if (!col || col == s)
		return 0;
	c = (size_t)(col - s);
	int before = 1, after = 0;
	for (size_t p = 0; p < c; p++)
		before += s[p] == ' ' && p + 1 < c && s[p + 1] != ' ';
	for (size_t p = c + 1; p < n; p++) {
		if (s[p] >= '0' && s[p] <= '9')
			return 0;
		after += s[p] != ' ' && (p == c + 1 || s[p - 1] == ' ');
	}
	if (*col == ':' && s[c - 1] == ' ')
		return 0;
	return before <= 2 && after >= 2 && after <= 4
	    && !memchr(col + 1, ':', n - c - 1) && !memchr(col + 1, '-', n - c - 1);
}

/* line i is two or three words and no more (a name), and the next line
 * is a date */
static int
name_over_date(struct pm *m, long i)
{
	const struct ent *x = &m->e[i];
	long q = i;

	if (x->f.words < 2 || x->f.words > 3 || x->f.dig || x->f.term || x->f.comma || x->f.sw
	    || x->f.lat || x->f.seps)
		return 0;
	while (++q < m->n && m->e[q].blank)
		;
	return q < m->n && m->e[q].datetime;
}

/* A dateline right on the body's first paragraph (no blank line between):
 * a place and a source joined by a dash or a colon (الحسكة-سانا, عدن -
 * خاص), four words at most, no digits, no stop */
static int
dateline_on_body(const struct pm *m, long i)
{
	const struct ent *x = &m->e[i];
	size_t n;
	const char *s;

	if (i + 1 != m->b0 || x->blank || !pending(x) || !x->f.words || x->f.words > 4
	    || x->f.dig || x->f.term || x->f.links || x->cv >= 2)
		return 0;
	s = trimmed(m, x, &n);
	return n > 2 && (memchr(s + 1, '-', n - 2) || memchr(s + 1, ':', n - 2)
	    || memmem(s, n, "\u2013", 3));
}

static void
unlist_head(struct pm *m)
{
	long t = -1;
	int bsh = 0, k = 0;

	if (m->b0 > 0 && m->e[m->b0 - 1].item && dateline_on_body(m, m->b0 - 1))
		m->e[m->b0 - 1].item = 0;

	for (long i = m->b0 - 1; i >= 0 && k < HEAD_LOOK; i--) {
		struct ent *x = &m->e[i];
		if (x->blank || x->reason == AR_NAV_R_CONTENTS)
			continue;
		/* a summary's heading (أبرز ما جاء فيه:) is no list's */
		if (!pending(x) || (x->heading && !(x->f.colon && x->cv < 4 && !by_rule(x))))
			break;
		k++;
		if ((x->item > 1 && x->cv >= 2) || !title_shape(x) || x->f.words < 3)
			continue;
		/* a line of figures with more like it under it is a result of a
		 * ticker (الهلال 3 - 0 الفتح), not the title */
		if (x->item && x->f.dig) {
			long q = i;
			while (++q < m->b0 && m->e[q].blank)
				;
			const struct ent *y = &m->e[q];
			if (q < m->b0 && y->item && y->f.dig && !y->datetime && similar(x, y))
				continue;
		}
		int sh = share_smooth(m, i, &m->set);
		if (sh >= 20 && sh >= bsh)
			bsh = sh, t = i;
	}
	if (t < 0)
		return;
	m->e[t].item = 0;
	long prev = t;
	for (long i = t; i < m->b0; i++) {
		struct ent *x = &m->e[i];
		if (x->blank)
			continue;
		/* a date or byline has no interface words of its own; nor has
		 * a writer's name alone under the title with the date under it */
		if (x->item == 1 || (x->item && x->cv < 2 && (x->datetime || x->v.byline
		    || place_byline(m, x) || (prev == t && name_over_date(m, i)))))
			x->item = 0;
		/* so is the heading of the article's summary, a line that ends
		 * with a colon, not known as furniture (أبرز ما جاء في القانون:) */
		if (x->heading && x->f.colon && x->cv < 4 && !by_rule(x))
			x->heading = 0;
		prev = i;
	}
}

/* Share and follow buttons, reading time and views: the tools a site
 * shows between an article's title and its text, no header. */
static int
article_tool(const struct ent *x)
{
	return x->v.cat == VC_SHARE || x->v.cat == VC_FOLLOW || x->v.cat == VC_READTIME
	    || x->v.cat == VC_VIEWS;
}

/* A page-turn control: a page number, next or previous, a pager's line
 * (الصفحة 2 من 3). A page after the first shows them between its title
 * and its text: no header the title would be above. */
static int
page_turn(const struct pm *m, const struct ent *x)
{
	if (x->v.cat == VC_PAGINATION
	    || (by_rule(x) && !strcmp(m->nv->rules[x->rule].name, "pagination")))
		return 1;
	return x->f.words <= 2 && x->f.cps <= 12 && !x->f.term
	    && (x->f.dig == x->f.cps - (x->f.words - 1) || x->v.cat == VC_RELATED);
}

/* line i ends a breadcrumb trail: right under a short item, as in
 * الرئيسية / محليات / the title */
static int
trail_end(const struct pm *m, long i)
{
	const struct ent *up = i > 0 ? &m->e[i - 1] : NULL;

	return up && !up->blank && up->f.words <= 3 && !up->f.term && !up->f.dig;
}

/* The title taken is a breadcrumb trail that ends with the title
 * (الرئيسية > موسيقى > TITLE): the line under it (before the body) that
 * is that end is the title. */
static void
trail_to_title(struct pm *m)
{
	size_t tn, n;
	const char *ts = trimmed(m, &m->e[m->title], &tn);
	int marks = 0;

	for (size_t p = 0; p + 2 < tn; p++) {        /* > / | › » */
		unsigned char c = (unsigned char)ts[p], d = (unsigned char)ts[p + 1];
		marks += c == '>' || c == '/' || c == '|' || (c == 0xC2 && d == 0xBB)
		    || (c == 0xE2 && d == 0x80 && (unsigned char)ts[p + 2] == 0xBA);
	}
	if (marks < 2)
		return;
	for (long i = m->title + 1; i < m->b0; i++) {
		const struct ent *x = &m->e[i];
		if (x->blank || !pending(x) || x->f.words < 3)
			continue;
		const char *s = trimmed(m, x, &n);
		if (n + 4 < tn && !memcmp(ts + tn - n, s, n)) {
			m->title = i;
			return;
		}
	}
}

/* The title written twice: the first is the title, unless it ends a
 * breadcrumb trail, which copies the h1 that follows it. */
static void
first_of_twins(struct pm *m)
{
	size_t tn, n;
	const char *ts = ent_kept(m->pg, &m->e[m->title], &tn);

	for (long i = 0; i < m->title; i++) {
		const char *s = ent_kept(m->pg, &m->e[i], &n);
		if (pending(&m->e[i]) && n == tn && !memcmp(s, ts, n) && !trail_end(m, i)) {
			m->title = i;
			return;
		}
	}
	if (!trail_end(m, m->title))
		return;
	for (long i = m->title + 1; i < m->b0; i++) {
		const char *s = ent_kept(m->pg, &m->e[i], &n);
		if (pending(&m->e[i]) && n == tn && !memcmp(s, ts, n) && !trail_end(m, i)) {
			m->title = i;
			return;
		}
	}
}

/* Before the body (and below the last header of furniture), the first
 * headline-like line that shares many words with its paragraphs (at least
 * half as many as the line that shares most: the title comes before its
 * subtitle, byline and caption; shares are smoothed, so that one word in
 * common does not make a two-word line the title; the last item of a list
 * just above the body may be it); failing that, a headline in the body's
 * first lines, or the nearest headline-like line above the body. */
#define TITLE_LOOK 40           /* candidates looked at */
static void
find_title(struct pm *m)
{
	long best = -1, near = -1, at[TITLE_LOOK];
	int bsh = 0, bk = 0, k = 0, run = 0, seen = 0, walls = 0, near_open = 1, furn = 0;
	int sh[TITLE_LOOK], wall[TITLE_LOOK], furn_at[TITLE_LOOK];

	m->title = -1;
	for (long i = 0; i < m->b0; i++)
		if (m->e[i].reason == AR_NAV_R_TITLE_BEFORE)
			m->title = i;
	if (m->title >= 0)
		return;
	for (long i = m->b0 - 1; i >= 0 && k < TITLE_LOOK; i--) {
		struct ent *x = &m->e[i];
		if (x->blank || x->reason == AR_NAV_R_CONTENTS)
			continue;
		int item_title = x->item && k == 0 && ++seen <= 3 && title_shape(x)
		    && share_smooth(m, i, &m->set) >= 20;
		/* a menu or a header of furniture: the title is not above it */
		if (!item_title && (x->item || x->heading || x->chrome >= 4
		    || (by_rule(x) && x->fin == F_D))) {
			if (page_turn(m, x))
				continue;
			near_open = near < 0;
			furn += !by_rule(x) && !article_tool(x);
			if (++run >= 6 && k > 0)
				break;
			if (run > walls)
				walls = run;
			continue;
		}
		if (x->cls == AR_NAV_C_GOOD && near >= 0)
			near_open = 0;
		run = 0;
		if (!item_title && !title_like(x) && !(pending(x) && !x->item && article_start(m, i)))
			continue;
		if (score_line(m, x))
			continue;
		/* the top of the block of headline-like lines just above the body */
		if (near_open && !x->f.term && x->f.words >= 3 && x->chrome == 0 && !x->item)
			near = i;
		at[k] = i;
		wall[k] = walls;
		furn_at[k] = furn;
		sh[k] = share_smooth(m, i, &m->set);
		if (sh[k] > bsh)
			bsh = sh[k], best = i, bk = k;
		k++;
	}
	/* a title above a header of furniture (six lines or more: a menu,
	 * a ticker) gives way to a headline at the top of the body that
	 * takes up its words */
	/* a line of three words or less above furniture (a masthead: the
	 * site's name, which the body names too) gives way to a headline of
	 * four words or more nearer the body that shares two thirds as much */
	if (best >= 0 && furn_at[bk] > 0 && m->e[best].f.words <= 3) {
		int nb = -1;
		for (int j = 0; j < k; j++)
			if (furn_at[j] < furn_at[bk] && m->e[at[j]].f.words >= 4 && !m->e[at[j]].item
			    && sh[j] >= 20 && sh[j] * 3 >= bsh * 2 && (nb < 0 || sh[j] > sh[nb]))
				nb = j;
		if (nb >= 0)
			best = at[nb], bsh = sh[nb], bk = nb;
	}
	if (best >= 0 && bsh >= 12 && wall[bk] >= 6 && title_in_body(m))
		best = -1;
	else if (best >= 0 && bsh >= 12) {
		/* an earlier line goes first (not an item of a list, nor above
		 * furniture other than share buttons: a menu has the body's words
		 * too) */
		/* a line of one or two words (a writer's name, whose box the
		 * body may hold) gives way to a headline above it too; a line of
		 * three words or less above (a masthead) takes over only if it
		 * shares as much */
		int named = m->e[best].f.words < 3;
		for (int j = 0; j < k; j++)
			if (at[j] < best && !m->e[at[j]].item && sh[j] >= 12
			    && ((sh[j] * 2 >= bsh && (m->e[at[j]].f.words > 3 || sh[j] >= bsh))
			    || (named && m->e[at[j]].f.words >= 3))
			    && furn_at[j] == furn_at[bk])
				best = at[j];
		m->title = best;
	} else if (!title_in_body(m)) {
		m->title = near;
	}
	if (m->title >= 0)
		first_of_twins(m);
	if (m->title >= 0)
		trail_to_title(m);
}

/* the title written again, anywhere on the page */
static void
title_again(struct pm *m)
{
	const struct ent *t = &m->e[m->title];
	size_t tn, n;
	const char *ts = ent_kept(m->pg, t, &tn);

	for (long i = 0; i < m->n; i++) {
		struct ent *x = &m->e[i];
		if (i == m->title || !pending(x) || x->blank)
			continue;
		const char *s = ent_kept(m->pg, x, &n);
		if (n == tn && !memcmp(s, ts, n)) {
			set_fate(x, m->nv->keep_dup ? F_K : F_D, AR_NAV_L_PAGE, AR_NAV_R_TITLE_AGAIN);
		}
	}
}

/* A caption under the image line that holds it as its text (markdown's
 * ![CAPTION](URL), a lynx [IMG] CAPTION): the line goes with the image,
 * and is never the title; in the body too. */
static void
drop_alt_captions(struct pm *m)
{
	for (long i = 1; i < m->n; i++) {
		struct ent *x = &m->e[i];
		long p = line_near(m, i, -1);
		if (x->blank || !pending(x) || p < 0 || !m->e[p].f.links || x->f.words > 20
		    || x->f.words < 2)
			continue;
		size_t n, pn;
		const char *s = trimmed(m, x, &n), *ps = trimmed(m, &m->e[p], &pn);
		const char *alt = pn > 4 && ps[0] == '!' && ps[1] == '[' ? ps + 2 : NULL;
		const char *ae = alt ? memchr(alt, ']', pn - 2) : NULL;
		size_t al = ae ? (size_t)(ae - alt) : 0;
		/* the image's text, or the caption that begins with it and adds
		 * a credit */
		if ((n >= 8 && pn > n && memmem(ps, pn, s, n)) || (al >= 8 && n >= al && !memcmp(s, alt, al)))
			set_fate(x, F_D, AR_NAV_L_PAGE, AR_NAV_R_CAPTION);
	}
}

/* ---- a table of contents ---- */
#define TOC_LOOK 40             /* lines above the body it may stand in */
#define TOC_WORDS 12            /* words of an entry at most */

/* line x is written again as a line of the body (its subhead) */
static int
in_body(const struct pm *m, const struct ent *x)
{
	size_t n, k;
	const char *s = trimmed(m, x, &n);

	for (long i = m->b0; i <= m->b1; i++) {
		const struct ent *y = &m->e[i];
		if (y->blank || y->f.words != x->f.words)
			continue;
		const char *t = trimmed(m, y, &k);
		if (k == n && !memcmp(s, t, n))
			return 1;
	}
	return 0;
}

/* The subheads of the body listed above it (محتويات المقال, a guide's
 * "in this article"): two or more short lines before the body, each
 * written again as a line of it, are a table of contents, dropped with
 * the heading over them. Found before the title, so that an entry (which
 * shares the lead's words) is never taken for it. */
static void
drop_contents(struct pm *m)
{
	long lo = m->b0 > TOC_LOOK ? m->b0 - TOC_LOOK : 0, first = -1;
	int found = 0;

	for (long i = lo; i < m->b0; i++) {
		const struct ent *x = &m->e[i];
		if (!x->blank && pending(x) && x->f.words && x->f.words <= TOC_WORDS && in_body(m, x)) {
			found++;
			if (first < 0)
				first = i;
		}
	}
	if (found < 2)
		return;
	for (long i = first; i < m->b0; i++) {
		struct ent *x = &m->e[i];
		if (!x->blank && pending(x) && x->f.words <= TOC_WORDS && in_body(m, x))
			set_fate(x, F_D, AR_NAV_L_PAGE, AR_NAV_R_CONTENTS);
	}
	long h = first;
	while (--h >= 0 && m->e[h].blank)
		;
	if (h >= 0 && heading_like(&m->e[h]) && !in_body(m, &m->e[h]))
		set_fate(&m->e[h], F_D, AR_NAV_L_PAGE, AR_NAV_R_CONTENTS);
}

/* the nearest nonblank line before (dir -1) or after (1) i, within the body */
static long
neighbour(const struct pm *m, long i, int dir)
{
	for (i += dir; i >= m->b0 && i <= m->b1; i += dir)
		if (!m->e[i].blank)
			return i;
	return -1;
}

/* ---- captions ---- */
/* the text of x without the blanks around it */
static const char *
trimmed(const struct pm *m, const struct ent *x, size_t *n)
{
	size_t k;
	const char *s = ent_kept(m->pg, x, &k);

	while (k && (*s == ' ' || *s == '\t'))
		s++, k--;
	while (k && (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\r'))
		k--;
	*n = k;
	return s;
}

/* a gallery's counter: "3 / 8" and nothing else */
static int
counter_line(const struct pm *m, const struct ent *x)
{
	size_t n, i = 0, a = 0, b = 0;
	const char *s = trimmed(m, x, &n);

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++, a++;
	while (i < n && s[i] == ' ')
		i++;
	if (i >= n || s[i++] != '/')
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++, b++;
	return i == n && a && b && a <= 3 && b <= 3;
}

/* A picture's credit standing alone: a photographer or an agency named
 * ("تصوير: ...", "Photo: ...", "(وام)"), a short line, not a sentence. */
static int
credit_line(const struct pm *m, const struct ent *x)
{
	if (x->blank || x->f.words == 0 || x->f.words > 8 || x->f.term
	    || x->cls == AR_NAV_C_GOOD || x->v.dateline)
		return 0;
	if (x->v.credit || (x->v.agency && x->f.paren && x->f.words <= 4
	    && x->v.agency >= x->f.words))
		return 1;
	/* "(وكالة الأنباء / أرشيف)": all in parentheses, an agency's or a
	 * photo's words in it */
	size_t n;
	const char *s = trimmed(m, x, &n);
	return n >= 4 && s[0] == '(' && s[n - 1] == ')' && x->f.words <= 6
	    && (x->v.agency || x->v.cat == VC_PHOTO);
}

/* ends with a short group in parentheses, as a caption's credit does:
 * "... (المركز الإعلامي)"; the words before it are not a sentence */
static int
paren_credit(const struct pm *m, const struct ent *x)
{
	size_t n, w = 1;
	int letter = 0;
	const char *s = trimmed(m, x, &n);

	if (n < 4 || s[n - 1] != ')')
		return 0;
	for (size_t p = n - 1; p-- > 0; ) {
		if (s[p] == '(') {
			if (!letter)
				return 0;       /* "( 2 )": a verse's number */
			while (p && s[p - 1] == ' ')
				p--;
			if (!p)
				return 0;
			unsigned char c = (unsigned char)s[p - 1];
			/* a sentence before it ends with its stop */
			if (c == '.' || c == ':' || c == '!' || c == '?')
				return 0;
			return w <= 4;
		}
		if (s[p] == ' ' && s[p + 1] != ' ')
			w++;
		letter |= (unsigned char)s[p] >= 0xD8 || ((s[p] | 0x20) >= 'a' && (s[p] | 0x20) <= 'z');
		if (s[p] == ')' || n - p > 80)
			return 0;
	}
	return 0;
}

/* "PLACE (SOURCE)": one word, then a short name in parentheses that ends
 * the line (أربيل (هولير نيوز), Beirut (NNA)): a dateline, whatever the
 * source is called; a caption describes in more words than one */
static int
place_source(const struct pm *m, const struct ent *x)
{
	size_t n, p = 0;
	const char *s = trimmed(m, x, &n);

	if (x->f.words < 2 || x->f.words > 5 || x->f.dig || x->f.term || n < 6 || s[n - 1] != ')')
		return 0;
	while (p < n && s[p] != ' ' && s[p] != '(')
		p++;
	while (p < n && s[p] == ' ')
		p++;
	if (p == 0 || p >= n || s[p] != '(')
		return 0;
	return !memchr(s + p + 1, '(', n - p - 1) && memchr(s + p, ')', n - p) == s + n - 1;
}

/* The words t[0..tn) stand as words in y[0..yn): between spaces or the
 * ends, and with dash after " - " (a dateline's source) */
static int
words_in(const char *y, size_t yn, const char *t, size_t tn, int dash)
{
	const char *q = y, *end = y + yn;

	while ((q = memmem(q, (size_t)(end - q), t, tn)) != NULL) {
		int before = dash ? q >= y + 2 && q[-1] == ' ' && q[-2] == '-' : q == y || q[-1] == ' ';
		if (before && (q + tn == end || q[tn] == ' '))
			return 1;
		q++;
	}
	return 0;
}

static int site_credit(const struct pm *m, long i);

/* the words t[0..tn) stand, as words, on the site's own lines: its
 * masthead (the page's first three lines) or its copyright line */
static int
named_elsewhere(const struct pm *m, const char *t, size_t tn)
{
	for (long j = 0, seen = 0; j < m->n; j++) {
		const struct ent *y = &m->e[j];
		if (y->blank)
			continue;
		if (++seen > 3 && !(y->f.symbol || y->v.cat == VC_COPYRIGHT))
			continue;
		if ((j >= m->title && j <= m->b1) || y->f.words > 8 || y->len < tn)
			continue;
		if (words_in(ent_text(m->pg, y), y->len, t, tn, 0))
			return 1;
	}
	return 0;
}

/* A caption by its credit: a descriptive phrase (four words or more, no
 * sentence, no byline, no dateline) that ends with a credit in
 * parentheses, an agency's or a photo's words or the site's name,
 * "محافظ ... خلال افتتاح المشروع (سبأ)"; an attribution is the name
 * alone. */
/* A sentence ends before the line's closing parentheses: the last
 * paragraph with the wire's name after it (... المتوسطة. (د ب أ)), no
 * caption. */
static int
sentence_credit(const struct pm *m, const struct ent *x)
{
	size_t n, z;
	const char *s = trimmed(m, x, &n);

	if (!n || s[n - 1] != ')')
		return 0;
	for (z = n - 1; z > 0 && s[z - 1] != '('; z--)
		;
	if (!z--)
		return 0;
	while (z > 0 && s[z - 1] == ' ')
		z--;
	return z > 0 && (s[z - 1] == '.' || s[z - 1] == '!' || s[z - 1] == '?'
	    || (z >= 2 && (unsigned char)s[z - 2] == 0xD8 && (unsigned char)s[z - 1] == 0x9F));
}

static int
credited_caption(const struct pm *m, long i)
{
	const struct ent *x = &m->e[i];
	size_t n, inner = 0, p;
	const char *s = trimmed(m, x, &n);

	if (x->v.byline || x->v.dateline || x->f.term || x->f.words < 6
	    || x->f.words > 30 || x->f.cps > 240 || x->cls == AR_NAV_C_BAD || !paren_credit(m, x))
		return 0;
	for (p = n - 1; p-- > 0 && s[p] != '('; )
		inner += s[p] == ' ' && s[p + 1] != ' ' && s[p + 1] != ')';
	if (x->f.words < inner + 1 + 4)
		return 0;
	if (sentence_credit(m, x))
		return 0;
	if (x->v.credit)
		return 1;
	/* "(NAME)", NAME the site's */
	size_t b = p + 1, e = n - 1;
	while (b < e && s[b] == ' ')
		b++;
	while (e > b && s[e - 1] == ' ')
		e--;
	return e - b >= 4 && named_elsewhere(m, s + b, e - b);
}

/* A photo caption where the article's head or body holds one: a line
 * before its credit standing alone, after a gallery's counter, or ending
 * with a credit in parentheses; the credits and counters themselves. Not a
 * paragraph that ends as a sentence, not the title, a date or a byline. */
static int
caption_at(const struct pm *m, long i, int head)
{
	const struct ent *x = &m->e[i];
	long p = i, q = i;

	if (!pending(x) || x->blank || i == m->title)
		return 0;
	if (counter_line(m, x) || credit_line(m, x))
		return 1;
	if (x->datetime || x->v.byline || x->v.dateline || x->f.words < 2 || x->f.words > 30
	    || (x->cls == AR_NAV_C_GOOD && x->f.term) || x->f.cps > 240 || sentence_credit(m, x))
		return 0;
	while (--p >= 0 && m->e[p].blank)
		;
	while (++q < m->n && m->e[q].blank)
		;
	if (x->v.credit && !x->f.term)
		return 1;       /* "... (تصوير: ...)" */
	if (x->v.caption && !x->f.term && x->f.words <= 20)
		return 1;       /* "جانب من الاجتماع" */
	if (credited_caption(m, i))
		return 1;       /* "... خلال افتتاح المشروع (سبأ)" */
	if (!x->f.term && x->cls != AR_NAV_C_GOOD && site_credit(m, i))
		return 1;       /* "... - SiteName" */
	if (q < m->n && credit_line(m, &m->e[q]) && !m->e[q].v.agency)
		return 1;       /* "تصوير: ..." under it */
	if (q < m->n && credit_line(m, &m->e[q]) && q == i + 1)
		return 1;       /* "(وام)" right under it */
	if (p >= 0 && counter_line(m, &m->e[p]))
		return 1;
	if (head && p == i - 1 && credit_line(m, &m->e[p]) && !m->e[p].v.agency)
		return 1;       /* under "Photo: ..." */
	return head && paren_credit(m, x) && !x->v.agency && x->f.dig < 4 && !place_source(m, x);
}

/* a meta line of the title that a subtitle does not follow: a date, a
 * byline's verb */
static int
meta_shape(const struct ent *x)
{
	return x->datetime || x->v.byline || x->v.dateline;
}

/* The head's last line before the body, below the title's byline or date
 * (a subtitle comes above them): a headline-like line there, not a date,
 * not "label: value", is the caption of the picture that opens the
 * article. */
static void
last_caption(struct pm *m)
{
	long c = -1;
	int meta = 0;

	for (long i = m->title + 1; i < m->b0; i++) {
		const struct ent *x = &m->e[i];
		if (x->blank || !pending(x) || x->chrome >= 4 || x->item || x->heading)
			continue;
		if (c >= 0)
			meta |= meta_shape(&m->e[c]);
		c = i;
	}
	if (c < 0 || !meta)
		return;
	struct ent *x = &m->e[c];
	size_t n;
	const char *s = trimmed(m, x, &n), *colon = memchr(s, ':', n < 40 ? n : 40);
	/* right under the share bar, a shorter one (وزارة التموين والتجارة
	 * الداخلية: the picture of its building) */
	long up = c - 1;
	while (up > m->title && m->e[up].blank)
		up--;
	int under_tools = up > m->title && (article_tool(&m->e[up])
	    || (by_rule(&m->e[up]) && m->e[up].fin == F_D));
	if (x->datetime || x->v.byline || x->v.dateline || x->f.words < (under_tools ? 3 : 5)
	    || x->f.words > 30
	    || x->f.dig >= 4 || x->f.bullet || x->f.numbered     /* an item of a summary */
	    || x->f.term || x->f.cps > 160 || colon
	    || x->cls == AR_NAV_C_BAD)
		return;
	set_fate(x, F_D, AR_NAV_L_PAGE, AR_NAV_R_CAPTION);
}

/* the captions of the head (between the title and the body) and the body */
static void
drop_captions(struct pm *m, long from, long to, int head)
{
	for (long i = from; i <= to; i++)
		if (caption_at(m, i, head)) {
			m->e[i].detail = 0;
			set_fate(&m->e[i], F_D, AR_NAV_L_PAGE, AR_NAV_R_CAPTION);
		}
}

/* ---- the regions of the page ---- */
/* a wire's name or a byline's verb, short, not a copyright line (©) nor
 * an address to write to */
static int
attribution_like(const struct ent *x)
{
	return pending(x) && !x->blank && x->f.words <= 12 && x->cls != AR_NAV_C_GOOD
	    && (x->v.agency || x->v.byline) && !x->f.symbol && !x->f.links
	    && x->v.cat != VC_FOLLOW && x->v.cat != VC_SHARE && x->v.cat != VC_NEWSLETTER
	    && x->v.cat != VC_APP && x->v.cat != VC_COPYRIGHT;  /* تابعوا أخبار سانا على تلغرام */
}

/* a line above the title that goes with it: a date, a kicker, a byline */
static int
above_title(const struct ent *x)
{
	return pending(x) && !x->item && !x->heading && !x->ticker && x->cls != AR_NAV_C_BAD
	    && !x->f.seps && x->f.words <= 15 && (x->datetime || (x->chrome == 0 && !x->v.score));
}

/* The last two words of line i (of two to four words, no figures) stand
 * as words on a line of [from, to) after a dash (a dateline's source). */
static int
named_below(const struct pm *m, long i, long from, long to)
{
	const struct ent *x = &m->e[i];
	size_t n;

	if (x->f.words < 2 || x->f.words > 4 || x->f.dig)
		return 0;
	const char *s = trimmed(m, x, &n), *t = s + n;
	for (int sp = 0; t > s; t--)
		if (t[-1] == ' ' && ++sp == 2)
			break;
	size_t tn = (size_t)(s + n - t);
	for (long j = from; j < to && j < m->n; j++) {
		const struct ent *y = &m->e[j];
		if (y->blank || y->len < tn + 2 || y->f.words > 8)
			continue;
		if (words_in(ent_text(m->pg, y), y->len, t, tn, 1))
			return 1;
	}
	return 0;
}

/* Line i is one word, and a menu above it (a line of items between
 * separators, or a list's item) holds it as a word: the section's name
 * over the title, a breadcrumb. */
static int
menu_word(const struct pm *m, long i)
{
	const struct ent *x = &m->e[i];
	size_t n;
	const char *s = trimmed(m, x, &n);

	if (x->f.words != 1 || x->datetime || x->f.dig || x->v.byline || n < 2)
		return 0;
	for (long j = 0; j < i; j++) {
		const struct ent *y = &m->e[j];
		if (!y->blank && (y->f.seps || y->item) && y->len >= n
		    && words_in(ent_text(m->pg, y), y->len, s, n, 0))
			return 1;
	}
	return 0;
}

/* before the title: nothing of the article but the lines just above it
 * that go with it */
static void
decide_before(struct pm *m, long upto)
{
	long i = upto - 1, lines[3];
	int above = 0, dated = 0;

	for (; i >= 0 && above < 3; i--) {
		struct ent *x = &m->e[i];
		if (x->blank)
			continue;
		if (!above_title(x) || (score_line(m, x) && !x->datetime))
			break;  /* a score widget (الوحدة 2 - 1 الاتحاد) is no kicker */
		if (menu_word(m, i))
			break;  /* nor is the section's name the menu gave (مصارف) */
		dated |= x->datetime || x->v.byline;
		lines[above++] = i;
	}
	/* three headlines and no date or byline among them: the tail of a
	 * list (most read, latest) that runs into the title, no kicker */
	if (above == 3 && !dated)
		above = 0;
	/* a date across a blank line above a title that has its own date
	 * below it is the site's date of the day, a widget */
	int dated_below = 0;
	for (long q = upto + 1; upto == m->title && q < m->b0 && q <= upto + 4; q++)
		dated_below |= m->e[q].datetime;
	for (int k = 0; dated_below && k < above; k++) {
		const struct ent *x = &m->e[lines[k]];
		if (x->datetime && !x->v.byline && lines[k] + 1 < upto && m->e[lines[k] + 1].blank)
			above = k;      /* it and what is above it go */
	}
	/* the site's name over the title, as the dateline under it names it
	 * (موقع الخليج اليوم over دبي - الخليج اليوم): no kicker */
	for (int k = 0; upto == m->title && k < above; k++)
		if (named_below(m, lines[k], upto + 1, m->b0)) {
			above = k;
			break;
		}
	for (int k = 0; k < above; k++)
		set_fate(&m->e[lines[k]], F_K, AR_NAV_L_PAGE, AR_NAV_R_META);
	for (i = 0; i < upto; i++) {
		struct ent *x = &m->e[i];
		if (!pending(x) || x->blank)
			continue;
		if (x->item || x->heading)
			set_fate(x, F_D, AR_NAV_L_LIST, x->item ? AR_NAV_R_LIST : AR_NAV_R_LIST_HEAD);
		else
			set_fate(x, F_D, AR_NAV_L_PAGE, AR_NAV_R_BEFORE_TITLE);
	}
}

/* a line that is neither list nor furniture nor caption is kept (reason);
 * the others go, named by what found them */
static void
keep_unless_furniture(struct ent *x, int reason)
{
	if (x->item || x->heading)
		set_fate(x, F_D, AR_NAV_L_LIST, x->item ? AR_NAV_R_LIST : AR_NAV_R_LIST_HEAD);
	else if (x->v.credit && !x->v.dateline && !(x->cls == AR_NAV_C_GOOD && x->f.term))
		set_fate(x, F_D, AR_NAV_L_VOCAB, AR_NAV_R_CAPTION);
	else if (x->chrome >= 4)
		drop_furniture(x);
	else
		set_fate(x, F_K, AR_NAV_L_PAGE, reason);
}

static int full_date(struct pm *m, long i, struct ar_pub *p);

/* A line that spans took whole and that reads "منذ ..." in a few words
 * (منذ 6 ساعات, منذ ساعتين): a relative time of publication */
static int
time_ago(const struct pm *m, const struct ent *x)
{
	static const char mundhu[] = "\u0645\u0646\u0630 ";
	const char *s = ent_text(m->pg, x);
	size_t n = x->len, w = 1;

	if (!x->blank || !x->spanned || x->layer != AR_NAV_L_RULE || n > 40
	    || n < sizeof mundhu || memcmp(s, mundhu, sizeof mundhu - 1))
		return 0;
	for (size_t i = 0; i < n; i++)
		w += s[i] == ' ';
	return w <= 4;
}

/* between the title and the body: its meta lines; the publication line
 * stays with the counters on it ("2025/03/11 09:42 | views: 3417") */
static void
decide_meta(struct pm *m, long from, long to)
{
	struct ar_pub p;

	for (long i = from; i < to; i++) {
		struct ent *x = &m->e[i];
		if (time_ago(m, x)) {
			/* under the title, "منذ 6 ساعات" is when the article
			 * went out, not a widget's stamp: the line, whole */
			x->blank = 0, x->spanned = 0, x->rule = -1;
			set_fate(x, F_K, AR_NAV_L_PAGE, AR_NAV_R_META);
			continue;
		}
		if (!pending(x) || x->blank)
			continue;
		if (!x->item && !x->heading && x->chrome >= 4 && x->cv >= x->cs && x->f.dig >= 4
		    && x->f.words <= 10 && full_date(m, i, &p))
			set_fate(x, F_K, AR_NAV_L_PAGE, AR_NAV_R_META);

		else
			keep_unless_furniture(x, AR_NAV_R_META);
	}
}

/* x's text carries the short vowels of verse or scripture (five harakat
 * or more), as headlines never do */
static int
vocalized(const struct pm *m, const struct ent *x)
{
	size_t n;
	const unsigned char *s = (const unsigned char *)trimmed(m, x, &n);
	unsigned h = 0;

	for (size_t k = 0; k + 1 < n; k++)
		h += s[k] == 0xD9 && s[k + 1] >= 0x8B && s[k + 1] <= 0x92;
	return h >= 5;
}

/* a headline between paragraphs that shares no words with either: a link
 * to another article. The time a rule dropped under it (منذ ساعتين) stands
 * between it and the next paragraph; a headline of a word in و (وزارة)
 * has the class near, not headline. */
static int
spliced(struct pm *m, long i)
{
	const struct ent *x = &m->e[i];
	long p = neighbour(m, i, -1), q = neighbour(m, i, 1);

	/* two or three of them in a row: each between the paragraphs
	 * around the run */
	for (int k = 0; k < 2 && p >= 0 && m->e[p].cls == AR_NAV_C_HEAD && !m->e[p].f.term; k++)
		p = neighbour(m, p, -1);
	for (int k = 0; k < 3 && q >= 0 && ((m->e[q].cls == AR_NAV_C_HEAD && !m->e[q].f.term && k < 2)
	    || (by_rule(&m->e[q]) && m->e[q].fin == F_D && m->e[q].f.words <= 4)); k++)
		q = neighbour(m, q, 1);
	/* or the body's last line, furniture under it: a link after the end */
	int last = i == m->b1 && (q < 0 || q > m->b1);
	if (!(x->cls == AR_NAV_C_HEAD || (x->cls == AR_NAV_C_NEAR && x->f.waw && !x->f.term
	    && !x->f.comma && x->f.cps <= 120)) || x->f.words < 6 || p < 0 || (q < 0 && !last)
	    || !prose(&m->e[p]) || (!last && !prose(&m->e[q])))
		return 0;
	if (last)
		q = p;
	if (vocalized(m, x))
		return 0;       /* a line of verse, voweled as poetry is; no headline */
	int a = share_with(m, i, q), b = share_with(m, i, p);
	m->e[i].detail = (unsigned short)(a > b ? a : b);
	return a < 15 && b < 15;
}

/* a headline inside the body with its date alone on the line under it
 * (وزير المالية يعد بصرف الرواتب / 06-04-2025): a teaser of another
 * article, whatever words it shares; the article's subheads carry no
 * date. *dq is the date's line. */
static int
teaser_with_date(struct pm *m, long i, long *dq)
{
	const struct ent *x = &m->e[i];
	long p = neighbour(m, i, -1), q = neighbour(m, i, 1);

	if (x->f.term || x->f.words < 4 || x->f.colon || x->datetime || x->item
	    || !(x->cls == AR_NAV_C_HEAD || x->cls == AR_NAV_C_NEAR) || p < 0 || q < 0
	    || !prose(&m->e[p]) || !m->e[q].datetime || m->e[q].f.words > 4 || !pending(&m->e[q]))
		return 0;
	*dq = q;
	return neighbour(m, q, 1) >= 0;
}

/* the first code point of x's text, 0 for none */
static int32_t
first_cp(const struct pm *m, const struct ent *x)
{
	size_t n;
	const char *s = trimmed(m, x, &n);
	int32_t c = 0;

	if (n)
		ar_u8dec(s, &c);
	return c;
}

/* the items under heading h, up to the body's end, are sentences (each
 * ends with its stop) that open with one bullet: points the article makes
 * (a box of links lists headlines) */
static int
marked_sentences(struct pm *m, long h)
{
	int32_t mark = 0;
	int n = 0;

	for (long i = neighbour(m, h, 1); i >= 0; i = neighbour(m, i, 1), n++) {
		const struct ent *x = &m->e[i];
		if (!x->item || !x->f.bullet || !x->f.term || x->cv >= 2)
			return 0;
		if (!n)
			mark = first_cp(m, x);
		else if (first_cp(m, x) != mark)
			return 0;
	}
	return n >= 1;
}

/* the items around i (within the body) are the article's points: two or
 * more, each numbered or bulleted, a sentence with its stop (four words or
 * more), no interface words; headlines in a box of links end with none */
static int
point_sentences(struct pm *m, long i)
{
	long p = i, q = i;
	int n = 0;

	while ((p = neighbour(m, p, -1)) >= 0 && m->e[p].item)
		;
	for (q = p < 0 ? m->b0 : neighbour(m, p, 1); q >= 0 && m->e[q].item; q = neighbour(m, q, 1), n++) {
		const struct ent *x = &m->e[q];
		if (!(x->f.numbered || x->f.bullet) || !x->f.term || x->f.words < 4 || x->cv >= 2)
			return 0;
	}
	return n >= 2;
}

/* a row of a table drawn with spaces (w3m: المركز  الفريق  لعب  فاز):
 * two gaps of two spaces or more between its words, no interface words */
static int
space_row(const struct pm *m, long i)
{
	if (i < 0)
		return 0;
	const struct ent *x = &m->e[i];
	size_t n;
	const char *s = trimmed(m, x, &n);
	int gaps = 0;

	if (x->blank || x->cv >= 2 || x->f.words < 3)
		return 0;
	for (size_t k = 0; k + 1 < n; k++)
		if (s[k] == ' ' && s[k + 1] == ' ') {
			gaps++;
			while (k < n && s[k] == ' ')
				k++;
		}
	return gaps >= 2;
}

/* A list inside the body without interface words is the article's when
 * it stands between paragraphs, when a line ending with a colon introduces
 * it, when its items are sentences (point_sentences), or in a stream of
 * articles. */
static int
list_of_article(struct pm *m, long i)
{
	const struct ent *x = &m->e[i];
	long p = i, q = i;

	if (own_point(m, i))
		return 1;       /* with the head row of its table */
	if (space_row(m, i) && (space_row(m, neighbour(m, i, -1)) || space_row(m, neighbour(m, i, 1))))
		return 1;       /* a table drawn with spaces, in the body */
	if (x->item != 1 || x->chrome >= 2)
		return 0;
	if (point_sentences(m, i))
		return 1;
	while ((p = neighbour(m, p, -1)) >= 0 && m->e[p].item)
		;
	while ((q = neighbour(m, q, 1)) >= 0 && m->e[q].item)
		;
	if (m->stream || (p >= 0 && m->e[p].heading && m->e[p].f.colon && !m->e[p].v.score))
		return 1;
	/* under a subhead of its own (no interface words, no stop) that a
	 * paragraph stands above: a section of the article that lists */
	if (p >= 0 && m->e[p].heading && !m->e[p].v.score && !m->e[p].f.term) {
		long pp = neighbour(m, p, -1);
		/* and a paragraph after the list, or the list ends the body
		 * with the article's points */
		if (pp >= 0 && prose(&m->e[pp]) && (q >= 0 ? prose(&m->e[q]) : marked_sentences(m, p)))
			return 1;
	}
	return p >= 0 && q >= 0 && prose(&m->e[p]) && prose(&m->e[q]);
}

/* A line in quotation marks right under a paragraph that ends with a
 * colon (وعلقت قائلة:), no interface words of its own: the words quoted,
 * though a list took it in with the embed's lines under it. */
static int
quote_after_colon(struct pm *m, long i)
{
	const struct ent *x = &m->e[i];
	long p = neighbour(m, i, -1);
	int32_t c = first_cp(m, x);

	if (p < 0 || !prose(&m->e[p]) || !m->e[p].f.colon || x->cv >= 2 || x->chrome >= 4
	    || x->f.words < 3 || by_rule(x))
		return 0;
	return c == '"' || c == 0xAB || c == 0x201C || c == 0x201D;
}

static int hashtag_line(const struct pm *m, const struct ent *x);
static int32_t first_cp(const struct pm *m, const struct ent *x);

static void
decide_body(struct pm *m)
{
	long dq;

	for (long i = m->b0; i <= m->b1; i++) {
		struct ent *x = &m->e[i];
		if (!pending(x) || x->blank)
			continue;
		if (hashtag_line(m, x))
			set_fate(x, F_D, AR_NAV_L_LIST, AR_NAV_R_LIST);
		else if ((x->v.first == VC_VIDEO || (x->v.cat == VC_VIDEO && first_cp(m, x) >= 0x2000))
		    && !x->f.term && x->cls != AR_NAV_C_GOOD
		    && x->f.words <= 15 && neighbour(m, i, -1) >= 0)
			set_fate(x, F_D, AR_NAV_L_PAGE, AR_NAV_R_PLAYER);  /* ▶ شاهد: ..., between paragraphs */
		else if (x->cls == AR_NAV_C_GOOD && x->chrome < 4 && !x->item)
			set_fate(x, F_K, AR_NAV_L_PAGE, AR_NAV_R_BODY);
		else if (quote_after_colon(m, i))
			set_fate(x, F_K, AR_NAV_L_PAGE, AR_NAV_R_BODY);
		else if (list_of_article(m, i) || (x->heading && list_of_article(m,
		    neighbour(m, i, 1) < 0 ? i : neighbour(m, i, 1))))
			set_fate(x, F_K, AR_NAV_L_PAGE, AR_NAV_R_BODY);
		else if (!x->item && article_start(m, i))
			set_fate(x, F_K, AR_NAV_L_PAGE, AR_NAV_R_BODY);   /* a title */
		else if (!m->stream && !x->heading && x->chrome < 4 && teaser_with_date(m, i, &dq)) {
			set_fate(x, m->nv->keep_head ? F_K : F_D, AR_NAV_L_COHESION, AR_NAV_R_SPLICED);
			set_fate(&m->e[dq], m->nv->keep_head ? F_K : F_D, AR_NAV_L_COHESION,
			    AR_NAV_R_SPLICED);
		} else if (!m->stream && !x->item && !x->heading && x->chrome < 4 && spliced(m, i))
			set_fate(x, m->nv->keep_head ? F_K : F_D, AR_NAV_L_COHESION,
			    AR_NAV_R_SPLICED);
		else
			keep_unless_furniture(x, AR_NAV_R_BODY);
	}
}

/* ---- posts embedded in the body ---- */
/* the line that marks a post copied from a social network: a picture or
 * short link (the tweets rule), or share words with a date ("posted on
 * Facebook · 19 May") */
static int
post_mark(const struct pm *m, const struct ent *x)
{
	if (x->fin != F_D || x->blank)
		return 0;
	if (x->layer == AR_NAV_L_RULE && x->rule >= 0)
		return !strcmp(m->nv->rules[x->rule].name, "tweets");
	return x->v.cat == VC_SHARE && x->f.dig && x->f.words <= 10;
}

/* the account's name that heads a post: a short line, not a sentence,
 * kept so far or dropped for its handle */
static int
post_name(const struct ent *x)
{
	if (x->fin == F_D)
		return x->f.links && x->f.words <= 6;
	return x->fin == F_K && x->f.words && x->f.words <= 6 && !x->f.term
	    && x->cls != AR_NAV_C_GOOD && !x->datetime;
}

/* A post embedded in the body: its mark, the post's text before it (one
 * line, shorter than a paragraph) and the account's name heading it, after
 * a paragraph; then the dash and date that close it. They go together. */
static void
drop_posts(struct pm *m)
{
	for (long i = m->b0; i <= m->b1; i++) {
		/* an embedded post's closing line ("— NAME (@handle) DATE"), a
		 * rule dropped it: the line above it is the post's text */
		const struct ent *x = &m->e[i];
		size_t n;
		const char *s = by_rule(x) && x->fin == F_D ? ent_text(m->pg, x) : NULL;
		n = s ? x->len : 0;
		while (n && *s == ' ')
			s++, n--;
		if (n > 4 && (!memcmp(s, "\u2014", 3) || *s == '-') && memchr(s, '@', n)) {
			long t = neighbour(m, i, -1);
			if (t > m->b0 && m->e[t].fin == F_K && m->e[t].f.cps < 280 && !m->e[t].f.colon)
				set_fate(&m->e[t], F_D, AR_NAV_L_PAGE, AR_NAV_R_POST);
			continue;
		}
		if (!post_mark(m, &m->e[i]))
			continue;
		long t = neighbour(m, i, -1), h = t >= 0 ? neighbour(m, t, -1) : -1;
		long p = h >= 0 ? neighbour(m, h, -1) : -1;
		if (p < 0 || m->e[t].fin != F_K || !prose(&m->e[p]) || m->e[t].f.cps >= 160
		    || !post_name(&m->e[h]))
			continue;
		if (m->e[h].fin == F_K)
			set_fate(&m->e[h], F_D, AR_NAV_L_PAGE, AR_NAV_R_POST);
		set_fate(&m->e[t], F_D, AR_NAV_L_PAGE, AR_NAV_R_POST);
		long q = neighbour(m, i, 1);
		if (q >= 0 && m->e[q].fin == F_K && m->e[q].f.bullet && m->e[q].f.dig
		    && m->e[q].f.words <= 8 && !m->e[q].f.term)
			set_fate(&m->e[q], F_D, AR_NAV_L_PAGE, AR_NAV_R_POST);
	}
}

/* ---- media players ---- */
/* a clock: "02:35", or a player's "00:00 / 02:14", or a duration after
 * its label ("المدة 02:47", "مدة الفيديو: 02:47") */
static int
clock_line(const struct pm *m, const struct ent *x, int *pair)
{
	size_t n, i, colons = 0, slash = 0, digits = 0;
	const char *s = ent_kept(m->pg, x, &n);
	static const char *const label[] = { "\u0627\u0644\u0645\u062f\u0629",
	    "\u0645\u062f\u0629 \u0627\u0644\u0641\u064a\u062f\u064a\u0648",
	    "\u0627\u0644\u0645\u062f\u0629 \u0627\u0644\u0632\u0645\u0646\u064a\u0629",
	    "Duration" };

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	for (size_t k = 0; k < sizeof label / sizeof *label; k++) {
		size_t l = strlen(label[k]);
		if (n > l && !memcmp(s, label[k], l) && (s[l] == ' ' || s[l] == ':')) {
			s += l + 1, n -= l + 1;
			break;
		}
	}
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (c == ':')
			colons++;
		else if (c == '/')
			slash++;
		else if (c != ' ' && c != '\t')
			return 0;
	}
	*pair = colons == 2 && slash == 1;
	return digits >= 3 && colons >= 1 && colons <= 2 && slash <= 1 && (slash == 0 || *pair);
}

static int
player_word(const struct ent *x)
{
	return x->fin == F_D && (x->v.cat == VC_VIDEO || x->v.cat == VC_VIEWS
	    || x->v.cat == VC_LIVE);
}

/* a video's teaser kept so far: a short line, no sentence, that opens with
 * a video's words or weighs most as them ("شاهد: ...", "فيديو | ...") */
static int
video_teaser(const struct ent *x)
{
	return x->fin == F_K && !x->f.term && x->cls != AR_NAV_C_GOOD && x->f.words <= 15
	    && (x->v.first == VC_VIDEO || x->v.cat == VC_VIDEO);
}

/* A player's clock ("00:00 / 02:14"; a lone duration next to the words of
 * a player: play, views) goes, and the headline-like line just above a
 * player's clock, its video's title. A time among the paragraphs of a live
 * blog stays. */
static void
drop_players(struct pm *m)
{
	for (long i = 0; i < m->n; i++) {
		struct ent *x = &m->e[i];
		int pair;
		if (x->fin != F_K || x->blank || i == m->title || !clock_line(m, x, &pair))
			continue;
		long p = i, q = i;
		while (--p >= 0 && m->e[p].blank)
			;
		while (++q < m->n && m->e[q].blank)
			;
		if (!pair && !(p >= 0 && (player_word(&m->e[p]) || (p != m->title
		    && video_teaser(&m->e[p])))) && !(q < m->n && player_word(&m->e[q])))
			continue;
		set_fate(x, F_D, AR_NAV_L_PAGE, AR_NAV_R_PLAYER);
		struct ent *t = p >= 0 ? &m->e[p] : NULL;
		/* its video's title: above a player's "00:00 / 02:14", or
		 * naming a video ("watch the summary") above a duration */
		if ((pair || (t && video_teaser(t))) && t && p != m->title && t->fin == F_K
		    && !t->f.term && t->cls != AR_NAV_C_GOOD && t->f.words <= 15)
			set_fate(t, F_D, AR_NAV_L_PAGE, AR_NAV_R_PLAYER);
	}
}

/* nothing of the article follows line i: the page ends, or furniture
 * comes next */
static int
ends_article(const struct pm *m, long i)
{
	long q = i;

	while (++q < m->n && m->e[q].blank)
		;
	if (q >= m->n)
		return 1;
	const struct ent *y = &m->e[q];
	return y->fin == F_D || y->item || y->heading || y->chrome >= 3;
}

/* a line of hashtags alone (#القمح #رغيف_الخبز): the article's tags */
static int
hashtag_line(const struct pm *m, const struct ent *x)
{
	size_t n;
	const char *s = trimmed(m, x, &n);
	int tags = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ')
			continue;
		if (s[i] != '#')
			return 0;
		tags++;
		while (i < n && s[i] != ' ')
			i++;
	}
	return tags >= 2;
}

/* "LABEL: item، item، item": a label of one to four words and a colon,
 * then two items or more of at most four words each, parted by commas, no
 * sentence: the tags or categories of the article on one line, whatever
 * the label says. Not a byline's, a dateline's or a source's line. */
static int
tag_line(const struct pm *m, const struct ent *x)
{
	size_t n, p, w = 0;
	const char *s = trimmed(m, x, &n);

	if (x->blank || x->f.term || !x->f.comma || x->f.words < 3 || x->f.words > 24
	    || x->v.byline || x->v.agency || x->v.dateline || x->f.links || x->f.dig > 4
	    || x->cls == AR_NAV_C_GOOD)
		return 0;
	for (p = 0; p < n && p < 60 && s[p] != ':'; p++)
		w += p > 0 && s[p] == ' ' && s[p - 1] != ' ';
	if (p >= n || p >= 60 || p == 0 || w > 3)
		return 0;
	int items = 1, iw = 0, inword = 0;
	for (p++; p < n; p++) {
		int comma = s[p] == ',' || (s[p] == '\xD8' && p + 1 < n && s[p + 1] == '\x8C');
		if (comma) {
			if (!iw)
				return 0;
			items++, iw = 0, inword = 0;
			p += s[p] != ',';
			continue;
		}
		if (s[p] == ' ')
			inword = 0;
		else if (!inword)
			inword = 1, iw++;
		if (iw > 4 || s[p] == ':' || s[p] == '.')
			return 0;
	}
	return items >= 2 && iw > 0;
}

/* a line that is a short name in parentheses and nothing else */
static int
paren_source(const struct pm *m, const struct ent *x)
{
	size_t n;
	const char *s = trimmed(m, x, &n);

	if (n < 4 || s[0] != '(' || s[n - 1] != ')' || x->f.words == 0 || x->f.words > 4
	    || x->f.dig || x->f.links || x->v.score >= 50)
		return 0;
	for (size_t k = 1; k + 1 < n; k++)
		if (s[k] == '(' || s[k] == ')')
			return 0;
	return 1;
}

/* Four words or more, then " - NAME" (three words at most), where NAME
 * stands on another line of the page too (the site's name in its header,
 * footer or copyright): a picture credited to the site. */
static int
site_credit(const struct pm *m, long i)
{
	const struct ent *x = &m->e[i];
	size_t n, t = 0;
	const char *s = trimmed(m, x, &n);

	for (size_t p = n; p >= 4 && n - p <= 40; p--)
		if (s[p - 1] == ' ' && s[p - 2] == '-' && s[p - 3] == ' ') {
			t = p;
			break;
		}
	if (!t || n - t < 3)
		return 0;
	int w = 1, before = 1;
	for (size_t p = t; p < n; p++)
		w += s[p] == ' ';
	for (size_t p = 1; p + 3 < t; p++)
		before += s[p] == ' ' && s[p - 1] != ' ';
	if (w > 3 || before < 4)
		return 0;       /* "PLACE - SITE" is a byline */
	for (long j = 0; j < m->n; j++) {
		const struct ent *y = &m->e[j];
		size_t yn;
		if (j == i || y->blank || y->f.words > 8)
			continue;
		const char *ys = ent_text(m->pg, y);
		yn = y->len;
		if (yn >= n - t && memmem(ys, yn, s + t, n - t))
			return 1;
	}
	return 0;
}

/* the words of the title's meta lines (its byline, also one that opens
 * with a byline's verb among the body's first lines), into m->tmp */
static void
byline_words(struct pm *m)
{
	set_clear(&m->tmp);
	for (long i = 0, seen = 0; i <= m->b1 && seen < 12; i++) {
		const struct ent *x = &m->e[i];
		/* above the body, the title's byline with its date too (بقلم:
		 * فلان | 02/12/2026) */
		if (x->blank || (i < m->b0 ? (x->datetime && !x->v.byline) || x->f.words > 8
		    : x->datetime || x->f.words > 6))
			continue;
		if (i >= m->b0)
			seen++;         /* a byline among the body's first lines */
		if ((x->fin == F_K && x->reason == AR_NAV_R_META)
		    || (x->fin != F_D && x->v.byline && i > m->title))
			set_line(m, &m->tmp, i);
	}
}

static long box_end(const struct pm *m, long i);

/* After the body, a heading that ends with a colon ("للاستفسارات
 * الإعلامية:") over a few short lines one of which is an address, a
 * handle or a phone number: a block of contacts, to its last line. */
#define CONTACT_LINES 6
static long
contact_block(const struct pm *m, long i)
{
	const struct ent *x = &m->e[i];

	if (!x->f.colon || x->f.words > 6 || x->cls == AR_NAV_C_GOOD)
		return -1;
	for (long j = i + 1; j < m->n && j - i <= CONTACT_LINES; j++) {
		const struct ent *y = &m->e[j];
		if (y->blank || y->f.words > 12 || y->cls == AR_NAV_C_GOOD)
			return -1;
		if (y->f.links || (y->f.dig >= 6 && y->v.cat == VC_ABOUT))
			return box_end(m, j);
	}
	return -1;
}

/* "NAME: a writer and researcher...": a short paragraph that opens with
 * the byline's name (two or three words) and a colon or comma */
static int
named_bio(struct pm *m, long i, const char *s, size_t n)
{
	const struct ent *x = &m->e[i];
	size_t p = 0, sp = 0;

	if (x->f.cps > 300 || x->f.words < 4)
		return 0;
	while (p < n && p < 80 && s[p] != ':' && !(s[p] == '\xD8' && p + 1 < n
	    && s[p + 1] == '\x8C'))
		sp += s[p++] == ' ';
	if (p >= n || p >= 80 || sp > 2) {
		/* no colon or comma after the name: it opens the sentence
		 * (فلان كاتب وباحث ...), its first two words */
		for (p = 0, sp = 0; p < n && sp < 2; p++)
			sp += s[p] == ' ';
		if (sp < 2)
			return 0;
		p--;
		sp = 1;
	}
	if (sp < 1 || sp > 2)
		return 0;
	struct ar_words it;
	struct ar_word w;
	int k = 0;
	ar_words_init(&it, s, p, 0);
	while (ar_word_next(&it, &w))
		if (w.type == AR_W_WORD) {
			int32_t f[48];
			int fk = 0;
			for (size_t q = w.b0; q < w.b1 && fk < 48; ) {
				int32_t c;
				q += ar_u8dec(s + q, &c);
				if (ar_cclass(c) == AR_C_LETTER && c != 0x0640)
					f[fk++] = nav_fold_letter(c);
			}
			uint32_t h = nav_stem(f, fk);
			if (!h || !set_has(&m->tmp, h))
				return 0;
			k++;
		}
	return k >= 2;
}

/* After the body, the byline's name again on a line of its own, with a
 * short line under it (what the writer does): the author's box. Its lines go up
 * to the next blank line (at most AUTHOR_LINES). A name the head did not
 * give is the article's own signature, and stays. */
#define AUTHOR_LINES 4
static long
author_box(struct pm *m, long i)
{
	const struct ent *x = &m->e[i];
	size_t nw;

	size_t n;
	const char *s = trimmed(m, x, &n);

	if (m->tmp.n && named_bio(m, i, s, n))
		return box_end(m, i);
	if (!m->tmp.n || x->f.words < 2 || x->f.words > 5 || x->f.term || x->f.dig
	    || x->f.paren || memchr(s, ':', n) || x->cls == AR_NAV_C_GOOD || i + 1 >= m->n
	    || m->e[i + 1].blank || m->e[i + 1].f.cps > 240)
		return -1;
	const uint32_t *w = words(m, i, &nw);
	if (nw < 2)
		return -1;
	for (size_t k = 0; k < nw; k++)
		if (!set_has(&m->tmp, w[k]))
			return -1;
	return box_end(m, i);
}

/* the lines of a box from line i: up to the next blank line */
static long
box_end(const struct pm *m, long i)
{
	long e = i;
	while (e + 1 < m->n && !m->e[e + 1].blank && e - i < AUTHOR_LINES
	    && m->e[e + 1].f.cps <= 240)
		e++;
	return e;
}

/* the body ends above the writer's box */
static void
body_before_box(struct pm *m)
{
	byline_words(m);
	for (long i = m->b0 + 1; i <= m->b1; i++)
		if (!m->e[i].blank && pending(&m->e[i]) && author_box(m, i) >= 0) {
			long p = neighbour(m, i, -1);
			while (p > m->b0 && !prose(&m->e[p]))
				p = neighbour(m, p, -1);
			if (p >= m->b0)
				m->b1 = p;
			return;
		}
}

/* A wire's sign-off under the last paragraph: the editors' initials
 * (ع.ص / س.م, /ع.ف, (ي.ط)), single letters between dots, slashes and
 * spaces, after the agency's code in slashes or not (/وأع/ ر.م), or an
 * editor's letter and a colon (ت: م ع), or a rule of tatweel or dashes
 * (ـــــ). */
static int
signoff(const struct pm *m, const struct ent *x)
{
	size_t n, i = 0;
	const char *s;
	int letters = 0, run = 0, rule = 0, other = 0, code = 0;

	if (x->f.words > 4 || x->f.cps > 16 || x->f.dig || x->f.lat)
		return 0;
	s = ent_kept(m->pg, x, &n);
	if (n > 2 && s[0] == '/') {     /* the agency's code: two to four letters */
		const char *c = memchr(s + 1, '/', n - 1);
		size_t k = c ? (size_t)(c - s) - 1 : 0, l = ar_u8count(s + 1, k);
		if (c && l >= 2 && l <= 4 && !memchr(s + 1, ' ', k))
			i = k + 2, code = 1;
	}
	if (code && i >= n)
		return 1;
	for (; i < n;) {
		int32_t c;
		i += ar_u8dec(s + i, &c);
		if (c >= 0x0621 && c <= 0x064A && c != 0x0640) {
			if (++run > 1)
				return 0;       /* a word, not an initial */
			letters++;
		} else {
			run = 0;
			if (c == 0x0640 || c == '-' || c == '_' || c == '*')
				rule++;
			else if (c != '.' && c != '/' && c != ' ' && c != '(' && c != ')' && c != ':')
				other++;
		}
	}
	return !other && ((letters >= 2 && !rule) || (!letters && rule >= 3));
}

/* Tags with no label, right under the last paragraph: a short line of
 * nouns (no function word, no punctuation, no figures) whose words the
 * article holds, with furniture (or the page's end) right under it. */
static int
bare_tags(struct pm *m, long i)
{
	const struct ent *x = &m->e[i];
	long q = i;

	if (x->f.words < 3 || x->f.words > 8 || x->f.sw || x->f.term || x->f.dig || x->f.seps
	    || x->f.comma || x->f.colon || x->f.paren || x->cls == AR_NAV_C_GOOD || x->v.byline
	    || x->v.agency || x->datetime)
		return 0;
	size_t n;
	const char *s = trimmed(m, x, &n);
	if (memchr(s, ':', n) || memchr(s, '-', n) || memchr(s, '.', n))
		return 0;
	while (++q < m->n && m->e[q].blank)
		;
	if (q < m->n) {
		const struct ent *y = &m->e[q];
		if (!(y->item || y->heading || y->chrome >= 3 || (by_rule(y) && y->fin == F_D)))
			return 0;
	}
	return share_in(m, i, &m->set) >= 50;
}

/* A short line after the body in the words of the page's first line
 * (الخبر اليوم 2026 under the masthead الخبر اليوم): the site's name
 * again, in its footer */
static int
masthead_again(struct pm *m, long i)
{
	long f = 0;
	const struct ent *x = &m->e[i];

	while (f < i && m->e[f].blank)
		f++;
	/* not the article's attribution, which may name the site too */
	if (f >= i || x->f.words > 6 || x->f.term || m->e[f].f.words > 6 || x->v.agency
	    || x->v.byline || x->v.dateline || x->f.colon || x->f.paren || x->f.words < 2)
		return 0;
	size_t na, nb;
	uint32_t a[8];
	const uint32_t *w = words(m, f, &na);
	if (na == 0 || na > 8)
		return 0;
	memcpy(a, w, na * sizeof *a);   /* words() may move the store */
	w = words(m, i, &nb);
	if (nb == 0)
		return 0;
	for (size_t k = 0; k < nb; k++) {
		size_t q = 0;
		while (q < na && a[q] != w[k])
			q++;
		if (q == na)
			return 0;
	}
	return 1;
}

/* the items under heading h are of a list of no interface words, marked
 * (bullets or numbers) */
static int
own_items(const struct pm *m, long h)
{
	int n = 0;

	for (long i = h + 1; i < m->n && !m->e[i].blank && m->e[i].item; i++) {
		const struct ent *x = &m->e[i];
		if (x->item != 1 || !(x->f.bullet || x->f.numbered) || by_rule(x))
			return 0;
		n++;
	}
	return n > 0;
}


/* Line i, right under the body, is a headline (six words or more, no
 * stop, no date or byline) that shares almost no words with the article,
 * and nothing of the article follows it: a related link after the end. */
static int
linked_after(struct pm *m, long i)
{
	const struct ent *x = &m->e[i];

	if (x->cls != AR_NAV_C_HEAD || x->f.words < 6 || x->f.term || x->v.byline || x->datetime
	    || x->v.dateline || x->v.agency || line_near(m, i, -1) != m->b1)
		return 0;
	long q = line_near(m, i, 1);
	if (q >= 0 && prose(&m->e[q]))
		return 0;
	int sh = share_in(m, i, &m->set);
	m->e[i].detail = (unsigned short)(sh < 0 ? 0 : sh);
	return sh >= 0 && sh < COHERE / 2;
}

/* after the body: what continues it up to the first furniture, and the
 * attribution; the rest of the page goes */
static void
decide_after(struct pm *m)
{
	int cont = 1, near = 0;
	/* under a line of the article that ends with a colon ("المصادر:",
	 * "وأبرز بنود الاتفاق:"), its own bulleted list */
	int listing = 0;
	const struct ent *prev = m->b1 >= 0 ? &m->e[m->b1] : NULL;
	/* or the article's list the body ends in, kept, goes on under it in
	 * items of its bullet */
	int32_t mark = prev && prev->fin == F_K && prev->item && prev->f.bullet
	    ? first_cp(m, prev) : 0;

	byline_words(m);
	for (long i = m->b1 + 1; i < m->n; i++) {
		struct ent *x = &m->e[i];
		if (x->blank)
			continue;
		listing = prev && prev->fin == F_K && (prev->f.colon
		    || ((listing || mark) && (prev->f.bullet || prev->f.numbered)));
		if (mark && listing && x->f.bullet && first_cp(m, x) != mark)
			listing = 0;    /* another bullet: a note, not its item */
		const struct ent *above = prev;
		prev = x;
		/* the article's own list goes on from the body under a heading
		 * that does ("وتشمل المرحلة الأولى:"), no interface words */
		if (cont && !near && x->heading && x->f.colon && x->f.waw && x->cv < 2 && !by_rule(x)
		    && own_items(m, i)) {
			set_fate(x, F_K, AR_NAV_L_PAGE, AR_NAV_R_BODY);
			continue;
		}
		if (listing && cont && pending(x) && (x->f.bullet || x->f.numbered) && x->cv <= 4
		    && x->f.words >= 3
		    && x->f.words <= 24) {
			set_fate(x, F_K, AR_NAV_L_PAGE, AR_NAV_R_BODY);
			continue;
		}
		/* the list ends the article, unless a paragraph goes on (و، ف) */
		if (listing && above && (above->f.bullet || above->f.numbered) && !(good(x) && x->f.waw))
			cont = 0;
		if (!pending(x)) {
			/* furniture, or the article's attribution: what follows
			 * does not continue the body */
			if (by_rule(x) && (x->fin == F_D || (x->rule >= 0
			    && m->nv->rules[x->rule].attribution)))
				cont = 0;
			continue;
		}
		/* the source in parentheses right under the last paragraph,
		 * furniture under it: "(إعلام القضاء)", a name no lexicon
		 * knows */
		if (cont && !near && paren_source(m, x) && ends_article(m, i)) {
			set_fate(x, F_K, AR_NAV_L_PAGE, AR_NAV_R_ATTRIBUTION);
			x->role = AR_NAV_ROLE_ATTRIBUTION;
			continue;
		}
		if (cont && !near && signoff(m, x)) {
			set_fate(x, F_K, AR_NAV_L_PAGE, AR_NAV_R_ATTRIBUTION);
			x->role = AR_NAV_ROLE_ATTRIBUTION;
			continue;
		}
		int why = AR_NAV_R_AUTHOR_BOX;
		long box = author_box(m, i);
		if (box < 0 && (box = contact_block(m, i)) >= 0)
			why = AR_NAV_R_CONTACT;
		if (box >= 0) {
			for (; i <= box; i++)
				if (pending(&m->e[i]))
					set_fate(&m->e[i], F_D, AR_NAV_L_PAGE, why);
			i--;
			cont = 0;
			continue;
		}
		if (masthead_again(m, i)) {
			set_fate(x, F_D, AR_NAV_L_PAGE, AR_NAV_R_CHROME);
			cont = 0;
			continue;
		}
		/* a ticker's line (• عاجل: ...) after the body: furniture, and
		 * the body does not go on after it */
		if (x->ticker) {
			set_fate(x, F_D, AR_NAV_L_VOCAB, AR_NAV_R_VOCAB);
			cont = 0;
			near++;
			continue;
		}
		/* a line that opens with an interface phrase ("disclaimer:",
		 * "share:") does not continue the body */
		if (cont && (x->item || x->heading || x->chrome >= 3 || x->cls == AR_NAV_C_GOOD
		    || x->v.first || (x->v.cat == VC_VIDEO && x->f.seps && !x->f.term)))
			cont = 0;       /* and a media teaser: "فيديو | ..." */
		long up = line_near(m, i, -1);
		int under_tags = up >= 0 && m->e[up].v.cat == VC_TAGS && m->e[up].f.words <= 3
		    && m->e[up].fin == F_D && x->f.words <= 12 && !x->f.term;
		if (tag_line(m, x) || hashtag_line(m, x) || under_tags || (cont && !near && bare_tags(m, i))) {
			set_fate(x, F_D, AR_NAV_L_LIST, AR_NAV_R_LIST);
			cont = 0;
		} else if (credited_caption(m, i) || counter_line(m, x)) {
			set_fate(x, F_D, AR_NAV_L_PAGE, AR_NAV_R_CAPTION);   /* a gallery's counter too */
		} else if (attribution_like(x) && (cont || near < 3) && x->item != 2) {
			set_fate(x, F_K, AR_NAV_L_PAGE, AR_NAV_R_ATTRIBUTION);
			x->role = AR_NAV_ROLE_ATTRIBUTION;
		} else if (cont && !m->stream && linked_after(m, i)) {
			/* a headline under the last paragraph that shares
			 * nothing with the article: a link to another */
			set_fate(x, m->nv->keep_head ? F_K : F_D, AR_NAV_L_COHESION, AR_NAV_R_SPLICED);
			cont = 0;
		} else if (cont) {
			set_fate(x, F_K, AR_NAV_L_PAGE, AR_NAV_R_BODY);
		} else if (x->item || x->heading) {
			set_fate(x, F_D, AR_NAV_L_LIST, x->item ? AR_NAV_R_LIST : AR_NAV_R_LIST_HEAD);
		} else if (x->cls == AR_NAV_C_GOOD) {
			int sh = share_in(m, i, &m->set);
			if (sh >= 0 && sh < COHERE) {
				set_fate(x, F_D, AR_NAV_L_COHESION, AR_NAV_R_OTHER_ARTICLE);
				x->detail = (unsigned short)sh;
			} else {
				set_fate(x, F_D, AR_NAV_L_PAGE, AR_NAV_R_AFTER_BODY);
			}
		} else if (x->chrome >= 3) {
			drop_furniture(x);
		} else {
			set_fate(x, F_D, AR_NAV_L_PAGE, AR_NAV_R_AFTER_BODY);
		}
		if (!cont)
			near++;
	}
}

/* no prose at all: keep what is not furniture */
static void
decide_no_body(struct pm *m)
{
	for (long i = 0; i < m->n; i++) {
		struct ent *x = &m->e[i];
		if (pending(x) && !x->blank)
			keep_unless_furniture(x, AR_NAV_R_NO_BODY);
		if (x->fin == F_K && x->reason == AR_NAV_R_NO_BODY && m->title < 0
		    && x->f.words >= 2 && !x->f.term)
			m->title = i;
	}
}

/* ---- the page's date ---- */
/* the first full date of line i (the date grammar), into p */
static int
full_date(struct pm *m, long i, struct ar_pub *p)
{
	size_t n;
	const char *s = ent_kept(m->pg, &m->e[i], &n);
	size_t nx = ar_date_scan(m->nv->dt, s, n);

	for (size_t k = 0; k < nx; k++) {
		const char *v = ar_date_get(m->nv->dt, k)->value;
		int y, mo, d, H = -1, M = -1;
		const char *t = ar_scan_ymd(v, &y, &mo, &d);
		if (!t || mo < 1 || mo > 12 || d < 1 || d > ar_days_in_month(y, mo))
			continue;
		memset(p, 0, sizeof *p);
		p->kind = AR_PUB_PUBLISHED;
		p->ok = 1;
		p->y = y, p->m = mo, p->d = d;
		p->days = ar_days_from_civil(y, mo, d);
		p->S = -1;
		if (ar_scan_hm(t, &H, &M) == 0 && H >= 0 && H < 24
		    && M >= 0 && M < 60)
			snprintf(p->iso, sizeof p->iso, "%.16s", v);
		else
			snprintf(p->iso, sizeof p->iso, "%.10s", v);
		p->H = H, p->M = M;
		return 1;
	}
	return 0;
}

/* The publication line (a rule's, else a meta line of the title with a
 * full date) and the crawl line. */
static void
find_date(struct pm *m)
{
	struct nav_page *pg = m->pg;
	struct ar_pub p;

	pg->haspub = pg->hascrawl = 0;
	pg->date = pg->crawl = -1;
	for (long i = 0; i < m->n; i++) {
		struct ent *x = &m->e[i];
		size_t n;
		const char *s = ent_text(pg, x);
		n = x->len;
		if (!pg->hascrawl && x->rule >= 0
		    && m->nv->rules[x->rule].act == AR_NAV_A_START_PAGE
		    && ar_pub_line(m->nv->dt, s, n, &p) == AR_PUB_CRAWLED && p.ok) {
			pg->crawld = p, pg->crawl = i, pg->hascrawl = 1;
			continue;
		}
		if (pg->haspub || x->fin != F_K)
			continue;
		if (x->pub && ar_pub_line(m->nv->dt, s, n, &p) && p.ok) {
			pg->pubd = p, pg->date = i, pg->haspub = 1;
		} else if (x->pub && full_date(m, i, &p)) {
			pg->pubd = p, pg->date = i, pg->haspub = 1;
		} else if (x->reason == AR_NAV_R_META && (x->f.dig || x->datetime)
		    && full_date(m, i, &p)) {
			pg->pubd = p, pg->date = i, pg->haspub = 1;
		}
	}
	if (pg->haspub)
		m->e[pg->date].role = AR_NAV_ROLE_DATE;
}

/* ---- sections that the body resumes after ---- */
/* A drop-rest rule's heading ("read also") drops the rest of the page; but
 * when it stands between paragraphs (the article has not ended: no
 * attribution, tags or share bar before it) and the first paragraph after
 * its few lines coheres with the paragraphs before it, the section was an
 * insert and the body goes on: from that paragraph (and the subhead just
 * before it) the lines are the page model's again. */
static void
resume_after(struct pm *m, long h)
{
	long i, seen = 0, prev = -1, before = h - 1;
	int k = 0;

	/* the paragraph above it, or above the article's table or list
	 * that ends just over it (no rule's furniture between) */
	for (int up = 0; before >= 0 && up < 16; before--) {
		const struct ent *y = &m->e[before];
		if (y->blank)
			continue;
		if (good(y) || (by_rule(y) && y->fin == F_D))
			break;
		up++;
	}
	if (before < 0 || !good(&m->e[before]))
		return;
	for (i = h + 1; i < m->n && m->e[i].rest; i++) {
		if (m->e[i].blank)
			continue;
		if (m->e[i].cls == AR_NAV_C_GOOD)
			break;
		if (++seen > 4)
			return;
		prev = i;
	}
	if (i >= m->n || !m->e[i].rest || seen == 0)
		return;
	set_clear(&m->set);
	for (long j = h - 1; j >= 0 && k < 10; j--)
		if (good(&m->e[j]))
			set_line(m, &m->set, j), k++;
	int sh = share_in(m, i, &m->set);
	/* a paragraph in و after a card of one or two lines goes on with
	 * the story, whatever its words (a sports page's names) */
	if (k == 0 || (sh < COHERE && !(m->e[i].f.waw && seen <= 2)))
		return;
	if (prev >= 0 && seen >= 2 && m->e[prev].f.words <= 8)
		i = prev;
	for (; i < m->n && m->e[i].rest; i++) {
		struct ent *x = &m->e[i];
		x->rest = 0;
		if (x->blank && x->spanned)
			continue;       /* a span rule took it all: its decision */
		x->rule = -1;
		if (!x->blank)
			set_fate(x, F_PEND, AR_NAV_L_NONE, AR_NAV_R_NONE);
		else
			set_fate(x, F_D, AR_NAV_L_STAT, AR_NAV_R_BLANK);
	}
}

/* A drop-rest heading above every paragraph of the page (الأكثر قراءة in
 * the header, a sidebar before the article) heads a list, not the rest:
 * when paragraphs follow it, the lines after it are the page model's
 * again, and the list layer takes its items. */
static int
head_sidebar(struct pm *m, long h)
{
	long i;

	for (i = 0; i < h; i++)
		if (m->e[i].cls == AR_NAV_C_GOOD)
			return 0;
	for (i = h + 1; i < m->n && m->e[i].rest; i++)
		if (m->e[i].cls == AR_NAV_C_GOOD)
			break;
	if (i >= m->n || !m->e[i].rest)
		return 0;
	/* its items: the block under it, up to a blank line before any
	 * paragraph (a block that runs on into the article is left to the
	 * page model) */
	long items = 0;
	for (i = h + 1; i < m->n && m->e[i].rest && !m->e[i].blank; i++)
		if (m->e[i].cls == AR_NAV_C_GOOD)
			break;
	if (i < m->n && m->e[i].blank && i > h + 1)
		items = i;
	for (i = h + 1; i < m->n && m->e[i].rest; i++) {
		struct ent *x = &m->e[i];
		x->rest = 0;
		if (x->blank && x->spanned)
			continue;       /* a span rule took it all: its decision */
		x->rule = -1;
		if (x->blank)
			set_fate(x, F_D, AR_NAV_L_STAT, AR_NAV_R_BLANK);
		else if (i < items)
			set_fate(x, F_D, AR_NAV_L_LIST, AR_NAV_R_LIST);
		else
			set_fate(x, F_PEND, AR_NAV_L_NONE, AR_NAV_R_NONE);
	}
	return 1;
}

static void
resume_sections(struct pm *m)
{
	for (long i = 0; i + 1 < m->n; i++)
		if (m->e[i].rule >= 0 && !m->e[i].rest && m->e[i].fin == F_D
		    && m->nv->rules[m->e[i].rule].act == AR_NAV_A_DROP_REST && m->e[i + 1].rest
		    && !head_sidebar(m, i))
			resume_after(m, i);
}

/* ---- the page ---- */
/* --keep: what a layer dropped is kept after all */
static void
finish(struct pm *m)
{
	for (long i = 0; i < m->n; i++) {
		struct ent *x = &m->e[i];
		if (x->fin == F_PEND)
			set_fate(x, F_K, AR_NAV_L_PAGE, AR_NAV_R_BODY);
		if (x->fin == F_D && !x->blank && x->layer != AR_NAV_L_RULE
		    && (m->nv->keep_layers & (1u << x->layer)))
			x->fin = F_K;
		if (x->fin == F_K && x->spanned)
			x->fin = F_S;
		if (x->fin == F_D)
			x->role = 0;
	}
	if (m->title >= 0 && m->e[m->title].fin != F_D)
		m->e[m->title].role = AR_NAV_ROLE_TITLE;
}

/* a signature of the page: its title, else its longest line */
static uint32_t
signature(const struct pm *m)
{
	long best = m->title;
	size_t n;

	for (long i = 0; best < 0 && i < m->n; i++)
		if (m->e[i].len > (best < 0 ? 0 : m->e[best].len))
			best = i;
	if (best < 0)
		return 0;
	const char *s = ent_kept(m->pg, &m->e[best], &n);
	return ar_hash(s, n < 200 ? n : 200);
}

void
nav_page_decide(struct ar_nav *nv, size_t n)
{
	struct pm *m = nv->pm;

	if (!m) {               /* once: its sets are cleared as they are used */
		m = nv->pm = ar_alloc(sizeof *m);
		memset(m, 0, sizeof *m);
	}
	memset(m, 0, offsetof(struct pm, set));
	set_clear(&m->set);
	set_clear(&m->tmp);
	m->nv = nv;
	m->pg = &nv->pg;
	m->e = nv->pg.e;
	m->n = (long)n;
	resume_sections(m);
	evidence(m);
	mark_tickers(m);
	find_lists(m);
	find_body(m);
	if (m->b0 >= 0) {
		m->stream = is_stream(m);
		if (!m->stream) {
			split_blocks(m);
			title_atop(m);
		}
		article_words(m, m->b0, m->b1);
		if (!m->stream) {
			body_after_insert(m);
			body_before_insert(m);
		}
		drop_contents(m);
		drop_alt_captions(m);
		unlist_head(m);
		find_title(m);
		if (m->title >= 0) {
			if (pending(&m->e[m->title]))
				set_fate(&m->e[m->title], F_K, AR_NAV_L_PAGE, AR_NAV_R_TITLE);
			title_again(m);
			decide_before(m, m->title);
			drop_captions(m, m->title + 1, m->b0 - 1, 1);
			last_caption(m);
			decide_meta(m, m->title + 1, m->b0);
		} else {
			decide_before(m, m->b0);
		}
		if (!m->stream) {
			body_before_box(m);
			drop_captions(m, m->b0, m->b1, 0);
		}
		decide_body(m);
		drop_posts(m);
		decide_after(m);
		drop_players(m);
	} else {
		m->title = -1;
		decide_no_body(m);
	}
	finish(m);
	m->pg->title = m->title;
	find_date(m);
	uint32_t sig = signature(m);
	for (long i = 0; i < m->n; i++)
		if (m->e[i].key) {
			size_t tn;
			const char *ts = ent_kept(m->pg, &m->e[i], &tn);
			nav_tpl_see(nv->tpl, m->e[i].key, sig, ts, tn);
		}
}
