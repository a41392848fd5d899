/* navlex.c: what the page classifier knows of sites beyond one line's
 * shape: the vocabulary of interfaces (share/ar-tools/nav-words.tsv: the
 * words of page furniture in Arabic and English, by category) and the site
 * templates (lines seen on many pages of a run, and with --learn of
 * earlier runs, in a bounded table that forgets). */
#include "navint.h"

#include <errno.h>
#include <stdlib.h>

/* ---- the vocabulary of interfaces ---- */
#define X_NAME(id, name, w) name,
static const char *const vcat_names[] = { NAV_VCATS(X_NAME) NULL };
#undef X_NAME
#define X_W(id, name, w) w,
static const unsigned char vcat_weight[] = { NAV_VCATS(X_W) 0 };
#undef X_W

const char *
nav_vcat_name(int c)
{
	return c >= 0 && c < VC_COUNT ? vcat_names[c] : "";
}

/* The first words of a lexicon's entries, as a stop word table: exact
 * for words of two bytes or more (a look-up by two loads and a probe),
 * so most words need no ar_lex_get; "exact" is 0 when a word did not fit
 * (too long, too many), and every word is asked of the lexicon then. */
struct wset {
	struct stopwords sw;
	int exact, short1;              /* short1: a first word of one byte */
};

static void
wset_add(struct wset *ws, const char *w, size_t n)
{
	if (n < 2) {
		ws->short1 = 1;
		return;
	}
	if (n > 255 || ws->sw.count == SW_SLOTS - 1) {
		ws->exact = 0;
		return;
	}
	if (n > ws->sw.maxn)
		ws->sw.maxn = (unsigned char)n;
	if (nav_stop(&ws->sw, w, n))
		return;
	uint64_t a, b;
	nav_swparts(w, n, &a, &b);
	uint32_t h = nav_swslot(a, b, n);
	while (ws->sw.tab[h].n)
		h = (h + 1) & (SW_SLOTS - 1);
	/* the lexicon keeps the words as long as the set lives */
	ws->sw.tab[h] = (struct swslot){ a, b, w, (unsigned char)n };
	ws->sw.count++;
}

/* 0: no entry of the lexicon opens with s[0..n); 1: one may */
static inline int
wset_may(const struct wset *ws, const char *s, size_t n)
{
	if (!ws->exact)
		return 1;
	if (n < 2)
		return ws->short1;
	return nav_stop(&ws->sw, s, n);
}

struct nav_vocab {
	struct ar_lex *lx;              /* phrase -> category */
	struct wset lxfirst, stopfirst; /* their first words */
	struct ar_lex *stops;           /* the stop words, folded */
	struct ar_clitics cl;
	struct ar_buf fold;
	/* the endings of the entries' first words, their last 4 and 6 bytes
	 * hashed to a bit: a word whose ending has no bit, with or without a
	 * proclitic, is no first word of an entry */
	unsigned char end4[8192], end6[8192];
	size_t maxcl;                   /* the longest proclitic, in bytes */
	/* the proclitics' first two bytes (as one word, in the machine's
	 * order), each and as a set: most words open with none of them */
	uint16_t *cl2;
	unsigned char open2[8192];
	/* the proclitics by their first two bytes, in the order tried: the
	 * distinct first two bytes, the first proclitic of each, and for
	 * each proclitic the next one of the same two bytes (-1: none) */
	uint16_t cl2v[8];
	int cl2first[8], ncl2, *clnext;
	int clshort;                    /* a proclitic of one byte: no filter */
};

static inline uint16_t
two_bytes(const char *s)
{
	uint16_t w;
	memcpy(&w, s, 2);
	return w;
}

static inline unsigned
end_key(const char *s, size_t n, size_t k)
{
	uint32_t h = 2166136261u;
	for (size_t i = n - k; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return (h ^ (h >> 16)) & 0xFFFF;
}

static void
end_add(unsigned char *bits, const char *s, size_t n, size_t k)
{
	if (n >= k) {
		unsigned b = end_key(s, n, k);
		bits[b >> 3] |= (unsigned char)(1u << (b & 7));
	}
}

static int
end_has(const unsigned char *bits, const char *s, size_t n, size_t k)
{
	unsigned b = end_key(s, n, k);
	return bits[b >> 3] & (1u << (b & 7));
}

/* what a proclitic of the word leaves, looked up (ar_lex_get_clitic with
 * min 2), a proclitic's last byte compared before the rest: most words
 * open with none of them */
static const struct ar_lexent *
vocab_get_bare(const struct nav_vocab *v, const char *s, size_t n)
{
	const struct ar_lexent *e;

	if (!v->clshort) {
		/* every proclitic is of two bytes or more, and leaves two */
		if (n < 4)
			return NULL;
		uint16_t w = two_bytes(s);
		if (!(v->open2[w >> 3] & (1u << (w & 7))))
			return NULL;
		int k = -1;
		for (int d = 0; d < v->ncl2; d++)
			if (v->cl2v[d] == w) {
				k = v->cl2first[d];
				break;
			}
		for (; k >= 0; k = v->clnext[k]) {
			size_t pl = v->cl.n[k];
			if (pl < n && n - pl >= 2 && !memcmp(s, v->cl.p[k], pl)
			    && wset_may(&v->lxfirst, s + pl, n - pl)
			    && (e = ar_lex_get(v->lx, s + pl, n - pl)))
				return e;
		}
		return NULL;
	}
	for (int k = 0; k < v->cl.count; k++) {
		size_t pl = v->cl.n[k];
		if (pl && pl < n && n - pl >= 2 && s[pl - 1] == v->cl.p[k][pl - 1]
		    && !memcmp(s, v->cl.p[k], pl) && (e = ar_lex_get(v->lx, s + pl, n - pl)))
			return e;
	}
	return NULL;
}

struct vload { struct nav_vocab *v; const char *file; };

static int
vocab_entry(char *line, size_t n, unsigned long lineno, void *ctx)
{
	struct vload *ld = ctx;
	char *tab = memchr(line, '\t', n);
	int c;

	if (!tab) {
		ar_warn("%s:%lu: want PHRASE<TAB>CATEGORY", ld->file, lineno);
		return -1;
	}
	*tab = 0;
	size_t cn = n - (size_t)(tab + 1 - line);
	for (c = 1; c < VC_COUNT; c++)
		if (strlen(vcat_names[c]) == cn && !memcmp(vcat_names[c], tab + 1, cn))
			break;
	if (c == VC_COUNT) {
		ar_warn("%s:%lu: unknown category '%.*s'", ld->file, lineno, (int)cn, tab + 1);
		return -1;
	}
	if (ar_u8valid(line, (size_t)(tab - line)) < (size_t)(tab - line)) {
		ar_warn("%s:%lu: the phrase is not valid UTF-8", ld->file, lineno);
		return -1;
	}
	const struct ar_lexent *e = ar_lex_add(ld->v->lx, line, (size_t)(tab - line), c, 0, NULL);
	if (e) {
		wset_add(&ld->v->lxfirst, e->w[0], e->wl[0]);
		end_add(ld->v->end4, e->w[0], e->wl[0], 4);
		end_add(ld->v->end6, e->w[0], e->wl[0], 6);
	}
	return 0;
}

static int
stop_entry(char *line, size_t n, unsigned long lineno, void *ctx)
{
	struct nav_vocab *v = ctx;
	(void)lineno;
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	const struct ar_lexent *e = n ? ar_lex_add(v->stops, line, n, 1, 0, NULL) : NULL;
	if (e)
		wset_add(&v->stopfirst, e->w[0], e->wl[0]);
	return 0;
}

static void plain_init(void);

struct nav_vocab *
nav_vocab_new(void)
{
	struct nav_vocab *v = ar_alloc(sizeof *v);
	struct vload ld = { v, "nav-words.tsv" };
	const char *text;
	size_t len;

	memset(v, 0, sizeof *v);
	v->lxfirst.exact = v->stopfirst.exact = 1;
	plain_init();
	v->lx = ar_lex_new(AR_LEX_FOLD | AR_LEX_CASE);
	v->stops = ar_lex_new(AR_LEX_FOLD | AR_LEX_CASE);
	text = ar_data("nav-words.tsv", &len);
	if (ar_each_line(text, len, vocab_entry, &ld))
		ar_die("nav-words.tsv: bad entry");
	text = ar_data("stopwords.txt", &len);
	ar_each_line(text, len, stop_entry, v);
	text = ar_data("proclitics.txt", &len);
	ar_clitics_load(&v->cl, text, len);
	v->cl2 = ar_alloc(sizeof *v->cl2 * (size_t)(v->cl.count + 1));
	v->clnext = ar_alloc(sizeof *v->clnext * (size_t)(v->cl.count + 1));
	int last[8];
	for (int k = 0; k < v->cl.count; k++) {
		v->clnext[k] = -1;
		if (v->cl.n[k] > v->maxcl)
			v->maxcl = v->cl.n[k];
		if (v->cl.n[k] < 2) {
			v->clshort = 1;
			continue;
		}
		uint16_t w = v->cl2[k] = two_bytes(v->cl.p[k]);
		v->open2[w >> 3] |= (unsigned char)(1u << (w & 7));
		int d = 0;
		while (d < v->ncl2 && v->cl2v[d] != w)
			d++;
		if (d == 8) {
			v->clshort = 1;         /* too many kinds: vocab_get_bare's general loop */
			continue;
		}
		if (d == v->ncl2) {
			v->cl2v[d] = w, v->cl2first[d] = k;
			v->ncl2++;
		} else {
			v->clnext[last[d]] = k;
		}
		last[d] = k;
	}
	return v;
}

void
nav_vocab_free(struct nav_vocab *v)
{
	if (!v)
		return;
	ar_lex_free(v->lx);
	ar_lex_free(v->stops);
	ar_clitics_free(&v->cl);
	free(v->cl2);
	free(v->clnext);
	ar_buf_free(&v->fold);
	free(v);
}

#define VW 48                   /* words of a line looked at */
struct vwords {
	const char *s;
	size_t len;
	size_t b[VW], e[VW];
	int n;
	unsigned char stop[VW], cat[VW];
	size_t open, close;         /* the last "(...)" or " - ..." at the end */
};

/* a folded word opens a stop word's line: ar_lex_get(v->stops) != NULL */
static inline int
is_stop(const struct nav_vocab *v, const char *s, size_t n)
{
	if (v->stopfirst.exact && n >= 2)
		return nav_stop(&v->stopfirst.sw, s, n);
	return ar_lex_get(v->stops, s, n) != NULL;
}

/* the entry that matches longest at word i, or NULL; *len its words */
static const struct ar_lexent *
longest(const struct nav_vocab *v, const struct vwords *w, int i, int *len)
{
	size_t n = w->e[i] - w->b[i];
	const char *s = w->s + w->b[i];

	*len = 0;
	/* every look-up, of the word or of what a proclitic leaves, is of
	 * at least n - maxcl bytes that end as the word does */
	if (n >= v->maxcl + 4 && !end_has(v->end4, s, n, 4))
		return NULL;
	if (n >= v->maxcl + 6 && !end_has(v->end6, s, n, 6))
		return NULL;
	const struct ar_lexent *best = NULL;

	/* the word as written, then what its proclitic leaves: an entry
	 * that opens with the word (المقالات المنشورة) hides no entry of
	 * its stem (مقالات) when its other words are not there */
	for (int bare = 0; bare < 2 && !best; bare++) {
		const struct ar_lexent *e = bare ? vocab_get_bare(v, s, n)
		    : wset_may(&v->lxfirst, s, n) ? ar_lex_get(v->lx, s, n) : NULL;
		for (; e; e = e->next) {
			if (e->nw <= *len || i + e->nw > w->n)
				continue;
			int k;
			for (k = 1; k < e->nw; k++)
				if (e->wl[k] != w->e[i + k] - w->b[i + k]
				    || memcmp(e->w[k], w->s + w->b[i + k], e->wl[k]))
					break;
			if (k == e->nw)
				best = e, *len = e->nw;
		}
	}
	return best;
}

/* word i is followed by a separator: "الوسوم:", "شاهد |", "فيديو -" */
static int
separated(const struct vwords *w, int i)
{
	size_t p = w->e[i], end = i + 1 < w->n ? w->b[i + 1] : w->len;

	for (; p < end; p++) {
		unsigned char c = (unsigned char)w->s[p];
		if (c == ':' || c == '|' || c == '-')
			return 1;
		if (c == 0xE2 || c == 0xC2)     /* › « » – — and the like */
			return 1;
		if (c != ' ' && c != '\t')
			return 0;
	}
	return 0;
}

/* word i is followed by a colon: "الصورة:" */
static int
colon_after(const struct vwords *w, int i)
{
	size_t p = w->e[i];

	while (p < w->len && w->s[p] == ' ')
		p++;
	return p < w->len && w->s[p] == ':';
}

/* the agency's words [i, i + len) stand as a dateline's: the words
 * before them are no stop words, a dash or an opening parenthesis is right
 * before them, and after a closing parenthesis comes a dash, a colon or a
 * figure */
static int
dateline_at(const struct vwords *w, int i, int len)
{
	for (int k = 0; k < i; k++)
		if (w->stop[k] || w->cat[k])
			return 0;
	size_t p = w->b[i];
	while (p > w->e[i - 1] && w->s[p - 1] == ' ')
		p--;
	if (p <= w->e[i - 1])
		return 0;
	char c = w->s[p - 1];
	if (c == '-')
		return 1;
	if (c != '(')
		return 0;
	size_t q = w->e[i + len - 1];
	while (q < w->len && w->s[q] == ' ')
		q++;
	if (q >= w->len || w->s[q] != ')')
		return 0;
	while (++q < w->len && w->s[q] == ' ')
		;
	return q < w->len && (w->s[q] == '-' || w->s[q] == ':'
	    || (w->s[q] >= '0' && w->s[q] <= '9'));
}

/* How split_words' fast pass reads a character at s[i] (ASCII or two
 * bytes of U+0600..U+067F): 1 if it carries a word on (what ar_word_next
 * takes into a word: a letter, a mark, tatweel), 0 if not, -1 if the fast
 * pass cannot say (format characters, which a word takes only before a
 * letter, and everything else). *l is its length. */
static signed char plain_ascii[128], plain_ar[128];     /* by the rules above */
/* by two bytes read as one word in the machine's order: 1 for the Arabic
 * ones plain_word_char reads as 1 (length 2), else 0 (ask it) */
static unsigned char plain_w2[65536];

static void
plain_init(void)
{
	ar_cclass_init();
	for (int c = 0; c < 128; c++) {
		plain_ascii[c] = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
		int k = ar_cclass(0x600 + c);
		plain_ar[c] = (signed char)(k == AR_C_FORMAT || k == AR_C_SPACE || k == AR_C_CONTROL ? -1
		    : k == AR_C_LETTER || k == AR_C_MARK || c == 0x40);
	}
	for (int c = 0; c < 128; c++) {
		unsigned char two[2] = { (unsigned char)(0xD8 | c >> 6), (unsigned char)(0x80 | (c & 0x3F)) };
		uint16_t at;
		memcpy(&at, two, 2);
		plain_w2[at] = plain_ar[c] == 1;
	}
}

static inline int
plain_word_char(const char *s, size_t i, size_t n, size_t *l)
{
	unsigned char b = (unsigned char)s[i];

	if (b < 0x80) {
		*l = 1;
		return plain_ascii[b];
	}
	if ((b | 1) != 0xD9 || i + 1 >= n || ((unsigned char)s[i + 1] & 0xC0) != 0x80)
		return -1;
	*l = 2;
	return plain_ar[(b & 1) << 6 | ((unsigned char)s[i + 1] & 0x3F)];
}

/* The words of a folded line of ASCII and two-byte Arabic, as
 * ar_word_next finds them (the runs of word characters: digits and
 * punctuation are tokens of their own, white space none) without its
 * general steps; 0 if the line holds anything else. */
static int
plain_words(const struct nav_vocab *v, const char *s, size_t n, struct vwords *w)
{
	size_t i = 0, l;

	while (i < n && w->n < VW) {
		int c = plain_word_char(s, i, n, &l);
		if (c < 0)
			return 0;
		if (!c) {
			i += l;
			continue;
		}
		size_t b0 = i;
		for (i += l;; i += l) {
			while (i + 1 < n && plain_w2[two_bytes(s + i)])
				i += 2;         /* most of a word: Arabic letters */
			if (i >= n || (c = plain_word_char(s, i, n, &l)) <= 0)
				break;
		}
		if (c < 0 && i < n)
			return 0;
		w->b[w->n] = b0, w->e[w->n] = i;
		w->stop[w->n] = is_stop(v, s + b0, i - b0);
		w->cat[w->n++] = 0;
	}
	return 1;
}

/* the words of the folded line, and where its trailing credit starts */
static void
split_words(const struct nav_vocab *v, const char *s, size_t n, struct vwords *w)
{
	struct ar_words it;
	struct ar_word t;
	size_t e = n;

	w->s = s, w->len = n, w->n = 0;
	if (!plain_words(v, s, n, w)) {
		w->n = 0;
		ar_words_init(&it, s, n, 0);
		while (w->n < VW && ar_word_next(&it, &t))
			if (t.type == AR_W_WORD) {
				w->b[w->n] = t.b0, w->e[w->n] = t.b1;
				w->stop[w->n] = is_stop(v, s + t.b0, t.b1 - t.b0);
				w->cat[w->n++] = 0;
			}
	}
	while (e && (s[e - 1] == ' ' || s[e - 1] == '.'))
		e--;
	w->open = w->close = n;
	if (e && s[e - 1] == ')') {
		for (size_t p = e - 1; p-- > 0; )
			if (s[p] == '(') {
				w->open = p, w->close = e;
				break;
			}
	} else if (e >= 3) {
		/* the last " - " ending by e: the dashes found by memchr, as
		 * most lines hold none */
		const char *d = s + 1, *dend = s + e - 1;
		while (d < dend && (d = memchr(d, '-', (size_t)(dend - d)))) {
			if (d[-1] == ' ' && d[1] == ' ')
				w->open = (size_t)(d - s) + 2, w->close = e;
			d++;
		}
	}
}

void
nav_vocab_line(struct nav_vocab *v, const struct stopwords *sw, const char *s,
    size_t n, struct vocab_res *r)
{
	struct vwords w;
	unsigned weight[VC_COUNT], covered = 0;       /* weight: zeroed at the first entry */
	int found = 0;
	int content = 0, credit_words = 0, credit_all = 1, photo_opens = 0;

	(void)sw;
	memset(r, 0, sizeof *r);
	v->fold.len = 0;
	ar_fold(s, n, &v->fold, AR_FOLD_CASE);
	if (!v->fold.len)
		return;
	split_words(v, v->fold.s, v->fold.len, &w);
	for (int i = 0; i < w.n; i++)
		content += !w.stop[i];
	for (int i = 0; i < w.n; ) {
		int len;
		const struct ar_lexent *e = longest(v, &w, i, &len);
		if (!e) {
			i++;
			continue;
		}
		if (!found) {
			memset(weight, 0, sizeof weight);
			found = 1;
		}
		for (int k = i; k < i + len; k++) {
			w.cat[k] = (unsigned char)e->cls;
			if (!w.stop[k])
				weight[e->cls] += vcat_weight[e->cls], covered++;
		}
		if (e->cls == VC_AGENCY)
			r->agency += (unsigned char)len;
		if (i == 0 && e->cls == VC_BYLINE)
			r->byline = 1;
		if (i == 0 && (e->cls == VC_LIVE || e->cls == VC_TICKER))
			r->ticker = len == w.n ? 2 : separated(&w, len - 1);
		/* the dateline: one or two words (the city), then " - " or "("
		 * and the agency; in parentheses, something after them */
		if (i >= 1 && i <= 2 && e->cls == VC_AGENCY && r->agency == len && dateline_at(&w, i, len))
			r->dateline = 1;
		if (i == 0 && vcat_weight[e->cls] >= 8 && separated(&w, len - 1))
			r->first = (unsigned char)e->cls;
		if (i == 0 && e->cls == VC_PHOTO && (len > 1 || colon_after(&w, 0)) && len < w.n)
			photo_opens = 1;
		if (i == 0 && e->cls == VC_CAPTION && len < w.n)
			r->caption = 1;
		i += len;
	}
	unsigned tot = 0;
	for (int c = 1; covered && c < VC_COUNT; c++) {    /* none covered: all 0 */
		tot += weight[c];
		if (weight[c] > weight[r->cat])
			r->cat = (unsigned char)c;
	}
	r->content = (unsigned char)(content > 255 ? 255 : content);
	if (content)
		r->score = (unsigned short)(10 * tot / (unsigned)content > 100 ? 100
		    : 10 * tot / (unsigned)content);
	/* a credit: the words in the last parentheses, or after the last
	 * " - ", open with a photo's or an agency's, or are all of them; or the
	 * line opens with a photo's */
	int credit_first = 0;
	for (int i = 0; i < w.n; i++)
		if (w.b[i] >= w.open && w.e[i] <= w.close) {
			int c = w.cat[i] == VC_PHOTO || w.cat[i] == VC_AGENCY;
			if (!credit_words++)
				credit_first = c;
			credit_all &= c;
		}
	r->credit = (credit_words && (credit_all || credit_first) && credit_words < w.n)
	    || photo_opens;
}

/* ---- site templates ---- */
/* A line is known by a hash of its text; for each, the pages it was seen
 * on (counted once a page: a page is known by its signature, so the same
 * page read twice counts once), how many runs ago it was last seen, and
 * its text (for the --learn file). The table is bounded: when it fills,
 * the lines seen on one page only go first, then those seen least. */
#define TPL_SLOTS (1u << 15)
#define TPL_FILE_MAX 4096       /* lines in the --learn file */
#define TPL_AGE_MAX 30          /* runs a learnt line survives unseen */

struct tslot {
	uint32_t key, sig;
	unsigned short pages, age;
	unsigned char seen;         /* this run */
	unsigned char tlen;         /* its text, once seen on two pages */
	uint32_t toff;
};

struct nav_tpl {
	struct tslot *t;
	size_t used;
	struct ar_buf text;
};

uint32_t
nav_tpl_key(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n > NAV_TPL_KEYMAX)
		return 0;
	uint32_t h = ar_hash(s, n);
	return h ? h : 1;
}

struct nav_tpl *
nav_tpl_new(void)
{
	struct nav_tpl *t = ar_alloc(sizeof *t);

	memset(t, 0, sizeof *t);
	/* calloc: a table this big comes zeroed from the system, no memset */
	t->t = calloc(TPL_SLOTS, sizeof *t->t);
	if (!t->t)
		ar_die("out of memory (%zu bytes)", TPL_SLOTS * sizeof *t->t);
	return t;
}

void
nav_tpl_free(struct nav_tpl *t)
{
	if (!t)
		return;
	free(t->t);
	ar_buf_free(&t->text);
	free(t);
}

size_t
nav_tpl_size(const struct nav_tpl *t)
{
	return t->used;
}

static struct tslot *
tpl_find(const struct nav_tpl *t, uint32_t key)
{
	size_t p = key & (TPL_SLOTS - 1);

	while (t->t[p].key && t->t[p].key != key)
		p = (p + 1) & (TPL_SLOTS - 1);
	return &t->t[p];
}

unsigned
nav_tpl_pages(const struct nav_tpl *t, uint32_t key)
{
	const struct tslot *s = tpl_find(t, key);

	return s->key ? s->pages : 0;
}

/* the table is three quarters full: keep the lines seen on most pages */
static void
tpl_prune(struct nav_tpl *t)
{
	struct tslot *old = t->t;
	struct ar_buf text = t->text;
	unsigned floor = 1;

	for (;;) {
		size_t keep = 0;
		for (size_t i = 0; i < TPL_SLOTS; i++)
			keep += old[i].key && old[i].pages > floor;
		if (keep <= TPL_SLOTS / 2 || floor >= 0xFFFE)
			break;
		floor *= 2;
	}
	/* calloc: a table this big comes zeroed from the system, no memset */
	t->t = calloc(TPL_SLOTS, sizeof *t->t);
	if (!t->t)
		ar_die("out of memory (%zu bytes)", TPL_SLOTS * sizeof *t->t);
	t->used = 0;
	memset(&t->text, 0, sizeof t->text);
	for (size_t i = 0; i < TPL_SLOTS; i++)
		if (old[i].key && old[i].pages > floor) {
			struct tslot *sl = tpl_find(t, old[i].key);
			*sl = old[i];
			sl->toff = (uint32_t)t->text.len;
			ar_buf_add(&t->text, text.s + old[i].toff, old[i].tlen);
			t->used++;
		}
	free(old);
	ar_buf_free(&text);
}

/* keep the text of a line that is a template candidate: seen twice */
static void
tpl_text(struct nav_tpl *t, struct tslot *sl, const char *s, size_t n)
{
	if (sl->tlen || !n)
		return;
	sl->tlen = (unsigned char)(n > NAV_TPL_KEYMAX ? NAV_TPL_KEYMAX : n);
	sl->toff = (uint32_t)t->text.len;
	ar_buf_add(&t->text, s, sl->tlen);
}

static void
tpl_put(struct nav_tpl *t, uint32_t key, uint32_t sig, const char *s, size_t n,
    unsigned pages, unsigned age, int seen)
{
	struct tslot *sl = tpl_find(t, key);

	if (!sl->key) {
		if (t->used + 1 > TPL_SLOTS * 3 / 4) {
			tpl_prune(t);
			sl = tpl_find(t, key);
		}
		memset(sl, 0, sizeof *sl);
		sl->key = key;
		sl->sig = sig;
		sl->pages = (unsigned short)pages;
		sl->age = (unsigned short)age;
		t->used++;
	} else if (sl->sig != sig) {
		sl->sig = sig;
		if (sl->pages < 0xFFFF)
			sl->pages++;
	}
	if (sl->pages >= 2)
		tpl_text(t, sl, s, n);
	if (seen)
		sl->seen = 1, sl->age = 0;
}

void
nav_tpl_see(struct nav_tpl *t, uint32_t key, uint32_t sig, const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	tpl_put(t, key, sig, s, n, 1, 0, 1);
}

/* The --learn file: a comment, then a line per template line,
 * "PAGES<TAB>AGE<TAB>SIGNATURE<TAB>TEXT". */
static int
learn_line(char *line, size_t n, unsigned long lineno, void *ctx)
{
	struct nav_tpl *t = ctx;
	char *f[4], *end = line;
	int nf = 0;
	unsigned long pages = 0;

	f[nf++] = line;
	for (size_t i = 0; i < n && nf < 4; i++)
		if (line[i] == '\t')
			line[i] = 0, f[nf++] = line + i + 1;
	if (nf == 4)
		pages = strtoul(f[0], &end, 10);
	if (nf < 4 || *end || pages == 0) {
		ar_warn("--learn file, line %lu: want PAGES<TAB>AGE<TAB>SIGNATURE<TAB>TEXT", lineno);
		return -1;
	}
	unsigned long age = strtoul(f[1], &end, 10);
	unsigned long sig = strtoul(f[2], &end, 16);
	size_t tn = n - (size_t)(f[3] - line);
	uint32_t key = nav_tpl_key(f[3], tn);
	if (key && ar_u8valid(f[3], tn) == tn)
		tpl_put(t, key, (uint32_t)sig, f[3], tn, pages > 0xFFFF ? 0xFFFF : (unsigned)pages,
		    age > TPL_AGE_MAX ? TPL_AGE_MAX : (unsigned)age, 0);
	return 0;
}

int
nav_tpl_load(struct nav_tpl *t, const char *path)
{
	FILE *f = fopen(path, "r");

	if (!f) {
		if (errno == ENOENT)
			return 0;       /* the first run makes it */
		ar_warn("%s: %s", path, strerror(errno));
		return -1;
	}
	fclose(f);
	size_t len;
	char *text = ar_slurp(path, &len);
	int rc = ar_each_line(text, len, learn_line, t);
	free(text);
	if (rc)
		ar_warn("%s: not a --learn file", path);
	return rc ? -1 : 0;
}

static int
by_pages(const void *a, const void *b)
{
	const struct tslot *x = *(const struct tslot *const *)a, *y = *(const struct tslot *const *)b;

	if (x->pages != y->pages)
		return x->pages < y->pages ? 1 : -1;
	if (x->age != y->age)
		return x->age < y->age ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* Write the lines seen on two pages or more, most first, at most
 * TPL_FILE_MAX; a line not seen in this run ages by one, and one older
 * than TPL_AGE_MAX runs is forgotten. The file is replaced whole. */
int
nav_tpl_save(struct nav_tpl *t, const char *path)
{
	struct tslot **v = ar_alloc((t->used + 1) * sizeof *v);
	size_t n = 0;
	struct ar_buf tmp = { 0 };
	FILE *f;

	for (size_t i = 0; i < TPL_SLOTS; i++) {
		struct tslot *s = &t->t[i];
		if (!s->key || s->pages < 2 || !s->tlen)
			continue;
		if (!s->seen)
			s->age++;
		if (s->age <= TPL_AGE_MAX)
			v[n++] = s;
	}
	qsort(v, n, sizeof *v, by_pages);
	if (n > TPL_FILE_MAX)
		n = TPL_FILE_MAX;
	ar_buf_add(&tmp, path, strlen(path));
	ar_buf_add(&tmp, ".tmp", 5);
	if (!(f = fopen(tmp.s, "w"))) {
		ar_warn("%s: %s", tmp.s, strerror(errno));
		free(v);
		ar_buf_free(&tmp);
		return -1;
	}
	fprintf(f, "# ar-strip-nav --learn: lines seen on many pages of a site "
	    "(PAGES AGE SIGNATURE TEXT; see ar-strip-nav(1))\n");
	for (size_t i = 0; i < n; i++)
		fprintf(f, "%u\t%u\t%08x\t%.*s\n", v[i]->pages, v[i]->age, (unsigned)v[i]->sig,
		    (int)v[i]->tlen, t->text.s + v[i]->toff);
	int bad = ferror(f) | fclose(f);
	if (bad || rename(tmp.s, path) < 0) {
		ar_warn("%s: %s", path, strerror(errno));
		remove(tmp.s);
		bad = 1;
	}
	free(v);
	ar_buf_free(&tmp);
	return bad ? -1 : 0;
}
