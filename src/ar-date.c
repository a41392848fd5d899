/* ar-date: find date and time expressions in Arabic news text and give each
 * its TIMEX3 / ISO 8601 value, resolving relative ones against the
 * document's reference date. The words come from share/ar-tools/months.tsv
 * and date-words.tsv; Hijri dates go through ummalqura.tsv. */
#include "lib/arlib.h"

#include <stdlib.h>

static const char usage[] =
    "[-Hh] [--ref=DATE] [--format=text|tsv|json|timeml] [FILE]...";
static const char help[] =
"Find the dates, times, durations and sets in Arabic (and English) news text\n"
"and write one row per expression with its value in TIMEX3 / ISO 8601 form.\n"
"Relative expressions (أمس الخميس, الأسبوع الماضي, 15 مايو الجاري) are resolved\n"
"against the reference date: --ref, else the document's publication line\n"
"(تاريخ النشر: ...) or crawl timestamp line (2025-05-14@15:13:12 GMT).\n"
"\n"
"  -r, --ref=DATE       reference date YYYY-MM-DD (a time after it is ignored)\n"
"  -f, --format=FMT     text (default: DOC:LINE: VALUE  TEXT), tsv, json, timeml\n"
"      --tsv            same as --format=tsv (doc line start end text value type tz hijri)\n"
"      --json           same as --format=json (JSON Lines)\n"
"  -l, --lookahead=N    hold up to N lines at a document's start waiting for its\n"
"                       publication line (default 16; 0 never waits)\n"
AR_HELP_HEADERS
AR_HELP_STRICT
"      --line-buffered  flush every line (and do not wait for a publication line)\n"
AR_HELP_TAIL
"\n"
"Offsets are 0-based code points, end exclusive. Unknown parts are X\n"
"(XXXX-09-20). Exit status: 0 found, 1 nothing found, 2 trouble.\n"
"See ar-date(1) and ar-tools(7).\n";

/* ------------------------------------------------------------------ */
/* the lexicon                                                          */

enum {
	L_MONTH = 1, L_REL, L_WDAY, L_WDAYBARE, L_UNIT, L_PERIOD, L_THIS, L_RMOD,
	L_PMOD, L_POD, L_SAA, L_HOUR, L_FRAC, L_ORD, L_TEEN, L_NUM, L_HALF,
	L_DECADE, L_CENTURY, L_YEARW, L_YPREP, L_MARKG, L_MARKH, L_MONTHW,
	L_BLESSED, L_YOM, L_JOIN, L_FROM, L_TO, L_ORDSUF, L_EVERY, L_SET,
	L_ZONEIN, L_ZONE, L_FUT, L_NOTFUT, L_NEGPREV, L_NEGTODAYPREV,
	L_NEGTODAYNEXT, L_NEGWDAYPREV, L_SEASON, L_NCLASS
};
static const char *const clsname[L_NCLASS] = {
	"", "month", "rel", "wday", "wdaybare", "unit", "period", "this", "rmod",
	"pmod", "pod", "saa", "hour", "frac", "ord", "teen", "num", "half",
	"decade", "century", "yearw", "yprep", "markg", "markh", "monthw",
	"blessed", "yom", "join", "from", "to", "ordsuf", "every", "set",
	"zonein", "zone", "fut", "notfut", "negprev", "negtodayprev",
	"negtodaynext", "negwdayprev", "season"
};

struct ent {
	struct ent *next;       /* same first word */
	unsigned char cls, nw, cal, amb;   /* cal: 'g' or 'h' for months */
	int val;
	const char *sval;       /* unit code, zone name, set value */
	char *w[6];             /* normalized words */
	size_t wl[6];
};
struct key { char *s; size_t n; struct ent *list; };
#define HBITS 13
static struct key htab[1 << HBITS];


static struct key *
hfind(const char *s, size_t n, int add)
{
	uint32_t h = ar_hash(s, n) & ((1u << HBITS) - 1);
	while (htab[h].s) {
		if (htab[h].n == n && !memcmp(htab[h].s, s, n))
			return &htab[h];
		h = (h + 1) & ((1u << HBITS) - 1);
	}
	if (!add)
		return NULL;
	htab[h].s = ar_alloc(n + 1);
	memcpy(htab[h].s, s, n);
	htab[h].s[n] = 0;
	htab[h].n = n;
	return &htab[h];
}

/* Fold one code point for matching: 0 drops it, else the code point. */
static inline int32_t
fold(int32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	switch (c) {
	case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
		return 0x0627;
	case 0x0629: return 0x0647;
	case 0x0649: case 0x06CC: return 0x064A;
	case 0x06A9: return 0x0643;
	case 0x0640: case 0x0670: return 0;
	}
	if (c >= 0x064B && c <= 0x065F)
		return 0;
	if (c >= 0x0660 && c <= 0x0669)
		return '0' + (c - 0x0660);
	if (c >= 0x06F0 && c <= 0x06F9)
		return '0' + (c - 0x06F0);
	return c;
}

static void
fold_str(const char *s, size_t n, struct ar_buf *out)
{
	for (size_t i = 0; i < n;) {
		int32_t c;
		i += ar_u8dec(s + i, &c);
		c = fold(c);
		if (c)
			ar_buf_addcp(out, c);
	}
}

static int nlex;

static void
lex_add(int cls, const char *words, size_t n, int val, const char *sval, int cal, int amb)
{
	struct ent *e = ar_alloc(sizeof *e);
	struct ar_buf b = { 0 };
	memset(e, 0, sizeof *e);
	e->cls = (unsigned char)cls;
	e->val = val;
	e->sval = sval;
	e->cal = (unsigned char)cal;
	e->amb = (unsigned char)amb;
	fold_str(words, n, &b);
	ar_buf_addc(&b, 0);
	char *p = b.s;
	while (*p && e->nw < 6) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		char *q = p;
		while (*q && *q != ' ')
			q++;
		e->w[e->nw] = p;
		e->wl[e->nw++] = (size_t)(q - p);
		if (*q)
			*q++ = 0;
		p = q;
	}
	if (!e->nw) {
		free(e);
		return;
	}
	struct key *k = hfind(e->w[0], e->wl[0], 1);
	e->next = k->list;
	k->list = e;
	nlex++;
}

static char *
field(char **p)
{
	char *s = *p, *t = strchr(s, '\t');
	if (t) {
		*t = 0;
		*p = t + 1;
	} else {
		*p = s + strlen(s);
	}
	return s;
}

static int
months_line(char *s, size_t n, unsigned long lineno, void *ctx)
{
	(void)n; (void)ctx;
	char *p = s;
	char *name = field(&p), *mo = field(&p), *cal = field(&p), *fl = field(&p);
	int m = atoi(mo);
	if (!*name || m < 0 || m > 12 || (*cal != 'g' && *cal != 'h')) {
		ar_warn("months.tsv:%lu: bad line", lineno);
		return 1;
	}
	lex_add(L_MONTH, name, strlen(name), m, NULL, *cal, strstr(fl, "amb") != NULL);
	return 0;
}

static int
words_line(char *s, size_t n, unsigned long lineno, void *ctx)
{
	(void)n; (void)ctx;
	char *p = s;
	char *cls = field(&p), *w = field(&p), *v = field(&p);
	int c;
	for (c = 1; c < L_NCLASS; c++)
		if (!strcmp(cls, clsname[c]))
			break;
	if (c == L_NCLASS || !*w) {
		ar_warn("date-words.tsv:%lu: bad line", lineno);
		return 1;
	}
	char *sv = NULL;
	int val = 0;
	if (*v == '-' || (*v >= '0' && *v <= '9'))
		val = atoi(v);
	else if (*v)
		val = -1000;
	if (*v) {
		sv = ar_alloc(strlen(v) + 1);
		strcpy(sv, v);
	}
	lex_add(c, w, strlen(w), val, sv, 0, 0);
	return 0;
}

static void
load_lexicon(const char *wordsfile, const char *monthsfile)
{
	size_t len;
	const char *t;
	t = monthsfile ? ar_slurp_keep(monthsfile, &len) : ar_data("months.tsv", &len);
	if (ar_each_line(t, len, months_line, NULL))
		ar_die("cannot load months.tsv");
	t = wordsfile ? ar_slurp_keep(wordsfile, &len) : ar_data("date-words.tsv", &len);
	if (ar_each_line(t, len, words_line, NULL))
		ar_die("cannot load date-words.tsv");
}

/* ------------------------------------------------------------------ */
/* tokens of one line                                                   */

enum { T_WORD = 1, T_NUM, T_PUNCT };
struct tok {
	uint32_t b0, b1, c0, c1;        /* byte and code-point offsets */
	uint32_t n0, nl;                /* folded text in nb */
	uint8_t type, nd, ascii;
	int32_t num;                    /* T_NUM: value (capped); T_PUNCT: the char */
	struct ent *e[3];               /* entries for whole / -conj / -conj-prep */
	uint8_t pfx[3];                 /* code points stripped for e[k] */
	uint8_t wa;                     /* began with و */
};
static struct tok *T;
static size_t ntok, captok;
static struct ar_buf nb;                /* folded words */
static const char *L;                   /* the line */

static struct tok *
newtok(void)
{
	if (ntok == captok) {
		captok = captok ? captok * 2 : 256;
		T = ar_realloc(T, captok * sizeof *T);
	}
	struct tok *t = &T[ntok++];
	memset(t, 0, sizeof *t);
	return t;
}

#define ALEF "\xd8\xa7"
#define LAM  "\xd9\x84"
static int
lookup_word(struct tok *t)
{
	const char *s = nb.s + t->n0;
	size_t n = t->nl;
	struct key *k;
	int any = 0;
	char tmp[128];

	if ((k = hfind(s, n, 0)))
		t->e[0] = k->list, any = 1;
	if (n < 6 || (unsigned char)s[0] != 0xd9)
		goto prep;
	/* و U+0648 = d9 88, ف U+0641 = d9 81 */
	if ((unsigned char)s[1] == 0x88 || (unsigned char)s[1] == 0x81) {
		if ((unsigned char)s[1] == 0x88)
			t->wa = 1;
		s += 2, n -= 2;
		if ((k = hfind(s, n, 0)))
			t->e[1] = k->list, t->pfx[1] = 1, any = 1;
		t->pfx[2] = 1;
	}
prep:
	if (n < 6)
		return any;
	/* ب d8 a8, ك d9 83, ل d9 84 */
	if (((unsigned char)s[0] == 0xd8 && (unsigned char)s[1] == 0xa8)
	    || ((unsigned char)s[0] == 0xd9 && ((unsigned char)s[1] == 0x83
	    || (unsigned char)s[1] == 0x84))) {
		if (!memcmp(s, LAM LAM, 4) && n + 2 <= sizeof tmp) {
			memcpy(tmp, ALEF, 2);
			memcpy(tmp + 2, s + 2, n - 2);
			k = hfind(tmp, n, 0);
		} else {
			k = hfind(s + 2, n - 2, 0);
		}
		if (k)
			t->e[2] = k->list, t->pfx[2] += 1, any = 1;
	}
	return any;
}

/* Split the line into tokens; returns the number of candidate tokens. */
static size_t
tokenize(const char *s, size_t n)
{
	size_t i = 0, cp = 0, cands = 0;

	ntok = 0;
	nb.len = 0;
	L = s;
	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		int32_t c;
		size_t l;
		if (b < 0x80) {
			if (b == ' ' || b == '\t' || b < 0x20) {
				i++, cp++;
				continue;
			}
			c = b, l = 1;
		} else {
			l = ar_u8dec(s + i, &c);
		}
		int cl = ar_cclass(c);
		int dv = ar_digit_value(c);
		if (dv >= 0 && (c < 0x80 || (c >= 0x0660 && c <= 0x0669)
		    || (c >= 0x06F0 && c <= 0x06F9))) {
			struct tok *t = newtok();
			t->type = T_NUM;
			t->b0 = (uint32_t)i, t->c0 = (uint32_t)cp;
			t->n0 = (uint32_t)nb.len;
			int64_t v = 0;
			for (;;) {
				if (v < 100000000)
					v = v * 10 + dv;
				t->nd < 255 ? t->nd++ : 0;
				ar_buf_addc(&nb, '0' + dv);
				i += l, cp++;
				if (i >= n)
					break;
				b = (unsigned char)s[i];
				if (b < 0x80) {
					if (b < '0' || b > '9')
						break;
					c = b, l = 1;
				} else {
					l = ar_u8dec(s + i, &c);
					if (!((c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)))
						break;
				}
				dv = ar_digit_value(c);
			}
			t->num = (int32_t)v;
			t->nl = (uint32_t)(nb.len - t->n0);
			t->b1 = (uint32_t)i, t->c1 = (uint32_t)cp;
			cands++;
			continue;
		}
		if (cl == AR_C_SPACE || cl == AR_C_CONTROL || cl == AR_C_FORMAT) {
			i += l, cp++;
			continue;
		}
		if (cl == AR_C_LETTER || cl == AR_C_MARK || c == 0x0640) {
			struct tok *t = newtok();
			int ascii = 1;
			t->type = T_WORD;
			t->b0 = (uint32_t)i, t->c0 = (uint32_t)cp;
			t->n0 = (uint32_t)nb.len;
			for (;;) {
				if (c >= 0x80)
					ascii = 0;
				int32_t f = fold(c);
				if (f) {
					if (f < 0x80)
						ar_buf_addc(&nb, f);
					else
						ar_buf_addcp(&nb, f);
				}
				i += l, cp++;
				if (i >= n)
					break;
				b = (unsigned char)s[i];
				if (b < 0x80) {
					if (!((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')))
						break;
					c = b, l = 1;
				} else {
					l = ar_u8dec(s + i, &c);
					cl = ar_cclass(c);
					if (!(cl == AR_C_LETTER || cl == AR_C_MARK || c == 0x0640))
						break;
				}
			}
			t->ascii = (uint8_t)ascii;
			t->nl = (uint32_t)(nb.len - t->n0);
			t->b1 = (uint32_t)i, t->c1 = (uint32_t)cp;
			if (t->nl && t->nl < 40 && lookup_word(t))
				cands++;
			continue;
		}
		struct tok *t = newtok();
		t->type = T_PUNCT;
		t->num = c;
		t->b0 = (uint32_t)i, t->c0 = (uint32_t)cp;
		t->n0 = (uint32_t)nb.len;
		i += l, cp++;
		t->b1 = (uint32_t)i, t->c1 = (uint32_t)cp;
	}
	return cands;
}

/* ------------------------------------------------------------------ */
/* matching helpers                                                     */

static struct ent *M;           /* the entry of the last successful match */
static int Mpfx;                /* prefix code points stripped from its first token */

static int
wordeq(size_t j, const char *w, size_t wl)
{
	return j < ntok && T[j].type != T_PUNCT && T[j].nl == wl
	    && !memcmp(nb.s + T[j].n0, w, wl);
}

/* Longest entry of class cls at token i: end index, or -1. Prefixes may be
 * stripped from the first word only if pfxok. */
static long
lx(size_t i, int cls, int pfxok)
{
	long best = -1;
	if (i >= ntok || T[i].type == T_PUNCT)
		return -1;
	if (T[i].type == T_NUM) {
		/* numbers appear inside multi-word names (كانون 2) only */
		return -1;
	}
	for (int k = 0; k < (pfxok ? 3 : 1); k++) {
		for (struct ent *e = T[i].e[k]; e; e = e->next) {
			if (e->cls != cls)
				continue;
			size_t j = i + 1;
			int w;
			for (w = 1; w < e->nw; w++, j++)
				if (!wordeq(j, e->w[w], e->wl[w]))
					break;
			if (w < e->nw)
				continue;
			if ((long)j > best) {
				best = (long)j;
				M = e;
				Mpfx = T[i].pfx[k];
			}
		}
	}
	return best;
}

static int
ispunct_at(size_t i, const char *set)
{
	if (i >= ntok || T[i].type != T_PUNCT)
		return 0;
	int32_t c = T[i].num;
	if (c == 0x060C)
		c = ',';
	else if (c == 0x2013 || c == 0x2014)
		c = '-';
	else if (c >= 0x80 || c == 0)
		return 0;
	return strchr(set, (int)c) != NULL;
}

static int
adj(size_t i)                   /* token i+1 touches token i */
{
	return i + 1 < ntok && T[i].b1 == T[i + 1].b0;
}

static int
isnum(size_t i, int mind, int maxd)
{
	return i < ntok && T[i].type == T_NUM && T[i].nd >= mind && T[i].nd <= maxd;
}

static int
prev_is(size_t i, int cls)
{
	if (i == 0 || T[i - 1].type != T_WORD)
		return 0;
	struct ent *m = M;
	int p = Mpfx;
	/* a one-word entry ending at i */
	long r = lx(i - 1, cls, 1);
	int ok = r == (long)i;
	if (!ok && i >= 2 && T[i - 2].type == T_WORD) {
		r = lx(i - 2, cls, 1);
		ok = r == (long)i;
	}
	M = m, Mpfx = p;
	return ok;
}

/* ------------------------------------------------------------------ */
/* the reference date                                                   */

static struct { int ok; long days; int y, m, d; } ref;
static long opt_ref_days;
static int opt_ref;

static void
set_ref(long days)
{
	ref.ok = 1;
	ref.days = days;
	ar_civil_from_days(days, &ref.y, &ref.m, &ref.d);
}

/* ------------------------------------------------------------------ */
/* the expression under construction                                    */

enum { G_NONE, G_CENT, G_DEC, G_YEAR, G_MONTH, G_WEEK, G_DAY };
struct st {
	int gran;
	int y, m, d, w;         /* -1 unknown (X) */
	int yexp;               /* the year was written */
	int hasdate, hasrel, hasclock, haszone, pod, wd, wdmod, ncomp;
	long wdtok;
	long days;              /* G_DAY with y known */
	int H, M;
	char tz[48];
	char hij[24];
	char ival[80];          /* a value that is not a plain date (intervals) */
	const char *type;
};

static void
st_init(struct st *s)
{
	memset(s, 0, sizeof *s);
	s->y = s->m = s->d = s->w = -1;
	s->H = s->M = -1;
	s->wdmod = 9;
}

static void
set_day(struct st *s, long days)
{
	s->gran = G_DAY;
	s->days = days;
	ar_civil_from_days(days, &s->y, &s->m, &s->d);
	s->hasdate = 1;
}

/* year for month m (and day d, 0 for none) by modifier mod (9 none) */
static int
pick_year(int m, int d, int mod)
{
	if (!ref.ok)
		return -1;
	int a = m * 32 + d, r = ref.m * 32 + (d ? ref.d : 0);
	switch (mod) {
	case 0: return ref.y;
	case -1: return a < r ? ref.y : ref.y - 1;
	case 1: return a > r ? ref.y : ref.y + 1;
	}
	/* nearest to ref */
	int best = ref.y;
	long bd = -1;
	for (int y = ref.y - 1; y <= ref.y + 1; y++) {
		long dd = ar_days_from_civil(y, m, d ? (d > ar_days_in_month(y, m) ? ar_days_in_month(y, m) : d) : 15) - ref.days;
		if (dd < 0)
			dd = -dd;
		if (bd < 0 || dd < bd)
			bd = dd, best = y;
	}
	return best;
}

static void
hijri_set(struct st *s, int hy, int hm, int hd)
{
	if (hd > 0) {
		snprintf(s->hij, sizeof s->hij, "%04d-%02d-%02d", hy, hm, hd);
		set_day(s, ar_hijri_days(hy, hm, hd));
		return;
	}
	int y1, m1, d1, y2, m2, d2;
	long a, b;
	if (hm > 0) {
		snprintf(s->hij, sizeof s->hij, "%04d-%02d", hy, hm);
		a = ar_hijri_days(hy, hm, 1);
		b = a + ar_hijri_month_len(hy, hm) - 1;
	} else {
		snprintf(s->hij, sizeof s->hij, "%04d", hy);
		a = ar_hijri_days(hy, 1, 1);
		b = ar_hijri_days(hy + 1, 1, 1) - 1;
	}
	ar_civil_from_days(a, &y1, &m1, &d1);
	ar_civil_from_days(b, &y2, &m2, &d2);
	snprintf(s->ival, sizeof s->ival, "%04d-%02d-%02d/%04d-%02d-%02d",
	    y1, m1, d1, y2, m2, d2);
	s->gran = G_MONTH;
	s->hasdate = 1;
}

/* ------------------------------------------------------------------ */
/* components                                                           */

static long
c_clocknum(size_t i, int *H, int *Mi)
{
	if (!isnum(i, 1, 2) || T[i].num > 24 || !adj(i) || !ispunct_at(i + 1, ":")
	    || !adj(i + 1) || !isnum(i + 2, 2, 2) || T[i + 2].num > 59)
		return -1;
	size_t j = i + 3;
	if (adj(i + 2) && ispunct_at(j, ":") && adj(j) && isnum(j + 1, 2, 2))
		j += 2;
	if (j < ntok && T[j - 1].b1 == T[j].b0 && (T[j].type == T_NUM
	    || ispunct_at(j, ":")))
		return -1;
	*H = T[i].num;
	*Mi = T[i + 2].num;
	return (long)j;
}

static int
apply_pod(int H, int pod)
{
	switch (pod) {
	case 'm': return H == 12 ? 0 : H;
	case 'n': return H < 6 ? H + 12 : H;
	case 'a': return H < 12 ? H + 12 : H;
	case 'e': return H < 12 && H >= 1 ? H + 12 : H;
	case 't': return H == 12 ? 0 : (H >= 6 && H < 12 ? H + 12 : H);
	}
	return H;
}

static long
c_clock(size_t i, struct st *s)
{
	size_t j = i;
	int saa = 0, H, Mi = 0, had = 0;
	long r;

	if ((r = lx(j, L_SAA, 1)) > 0)
		saa = 1, j = (size_t)r;
	if ((r = c_clocknum(j, &H, &Mi)) > 0) {
		j = (size_t)r;
		had = 1;
	} else if (isnum(j, 1, 2) && T[j].num <= 24) {
		/* the 1 of a score "3-1 مساء السبت" is no hour */
		if (!saa && j >= 2 && T[j - 1].type == T_PUNCT && T[j - 1].b1 == T[j].b0
		    && T[j - 2].type == T_NUM && T[j - 2].b1 == T[j - 1].b0)
			return -1;
		H = T[j].num;
		j++;
		if (!saa && lx(j, L_POD, 0) < 0)
			return -1;
		had = 1;
	} else if ((r = lx(j, L_HOUR, saa ? 0 : 1)) > 0) {
		H = M->val;
		j = (size_t)r;
		if ((r = lx(j, L_FRAC, 0)) > 0) {
			Mi = M->val;
			j = (size_t)r;
			if (Mi < 0) {
				Mi += 60;
				H = H == 0 ? 23 : H - 1;
			}
		} else if (!saa && lx(j, L_POD, 0) < 0) {
			return -1;
		}
		had = 1;
	}
	if (!had)
		return -1;
	if (j < ntok && T[j].type == T_WORD && T[j].ascii && T[j].nl == 1
	    && nb.s[T[j].n0] == 'z' && T[j - 1].b1 == T[j].b0) {
		strcpy(s->tz, "UTC");
		s->haszone = 1;
		j++;
	}
	s->H = H, s->M = Mi;
	s->hasclock = 1;
	return (long)j;
}

static long
c_zone(size_t i, struct st *s)
{
	long r;
	size_t j;
	if ((r = lx(i, L_ZONEIN, 1)) > 0) {
		j = (size_t)r;
		if ((r = lx(j, L_ZONE, 0)) > 0) {
			snprintf(s->tz, sizeof s->tz, "%s", M->sval);
			return r;
		}
		if (j < ntok && T[j].type == T_WORD) {
			size_t n = T[j].b1 - T[j].b0;
			if (n >= sizeof s->tz)
				n = sizeof s->tz - 1;
			memcpy(s->tz, L + T[j].b0, n);
			s->tz[n] = 0;
			/* do not cut a character */
			while (n && ((unsigned char)s->tz[n - 1] & 0xC0) == 0x80 && n == sizeof s->tz - 1)
				s->tz[--n] = 0;
			return (long)j + 1;
		}
		return -1;
	}
	if (T[i].type == T_WORD && T[i].ascii && (r = lx(i, L_ZONE, 0)) > 0) {
		snprintf(s->tz, sizeof s->tz, "%s", M->sval);
		return r;
	}
	return -1;
}

/* a month name with its partner (مايو/أيار, آذار (مارس), تشرين نوفمبر) */
static long
c_month(size_t i, int *mo, int *cal, int *amb, int *partner, int *ascii)
{
	long r = lx(i, L_MONTH, 1);
	if (r < 0)
		return -1;
	*mo = M->val, *cal = M->cal, *amb = M->amb, *partner = 0;
	*ascii = T[i].ascii;
	size_t j = (size_t)r;
	struct ent *m1 = M;
	long r2;
	if (ispunct_at(j, "/-") && (r2 = lx(j + 1, L_MONTH, 0)) > 0 && M->cal == m1->cal) {
		*partner = M->val ? M->val : 1;
		if (!*mo) *mo = M->val;
		j = (size_t)r2;
	} else if (ispunct_at(j, "(") && (r2 = lx(j + 1, L_MONTH, 0)) > 0
	    && M->cal == m1->cal && ispunct_at((size_t)r2, ")")) {
		*partner = M->val ? M->val : 1;
		if (!*mo) *mo = M->val;
		j = (size_t)r2 + 1;
	} else if ((r2 = lx(j, L_MONTH, 0)) > 0 && M->cal == m1->cal && M->val
	    && (!*mo || M->val == *mo || (m1->val == 0))) {
		*partner = M->val;
		if (!*mo) *mo = M->val;
		j = (size_t)r2;
	}
	M = m1;
	if (!*mo)
		return -1;
	return (long)j;
}

/* a year number, with its optional word before and marker after */
static long
c_yearnum(size_t j, int *y, int *hij)
{
	long r;
	*hij = 0;
	if (!isnum(j, 3, 4) || T[j].num < 600 || T[j].num > 2200)
		return -1;
	*y = T[j].num;
	j++;
	if ((r = lx(j, L_MARKG, 0)) > 0)
		j = (size_t)r;
	else if ((r = lx(j, L_MARKH, 0)) > 0)
		j = (size_t)r, *hij = 1;
	return (long)j;
}

static long
c_numdate(size_t i, struct st *s)
{
	if (!isnum(i, 1, 4) || i + 4 >= ntok || !adj(i) || !adj(i + 1) || !adj(i + 2)
	    || !adj(i + 3))
		return -1;
	if (!ispunct_at(i + 1, "/-.") || T[i + 3].type != T_PUNCT
	    || T[i + 3].num != T[i + 1].num || !isnum(i + 2, 1, 2))
		return -1;
	int y, m, d;
	if (T[i].nd == 4 && isnum(i + 4, 1, 2))
		y = T[i].num, m = T[i + 2].num, d = T[i + 4].num;
	else if (T[i].nd <= 2 && isnum(i + 4, 4, 4))
		d = T[i].num, m = T[i + 2].num, y = T[i + 4].num;
	else
		return -1;
	if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > ar_days_in_month(y, m))
		return -1;
	size_t j = i + 5;
	if (j < ntok && T[j - 1].b1 == T[j].b0 && (T[j].type == T_NUM
	    || (ispunct_at(j, "/-.") && isnum(j + 1, 1, 9) && adj(j))))
		return -1;
	set_day(s, ar_days_from_civil(y, m, d));
	s->yexp = 1;
	/* 2023-09-20T14:35:00Z, 2025-05-14@15:13:12 */
	if (j + 1 < ntok && T[j - 1].b1 == T[j].b0 && adj(j)
	    && ((T[j].type == T_WORD && T[j].ascii && T[j].nl == 1 && nb.s[T[j].n0] == 't')
	    || ispunct_at(j, "@"))) {
		long r = c_clock(j + 1, s);
		if (r > 0)
			j = (size_t)r;
	}
	return (long)j;
}

static int future_context(long wt);

/* the big one: day/month/year in words and numbers, years, periods */
static long
c_date(size_t i, struct st *s)
{
	size_t j = i, k;
	long r;
	int pm = 0, dd = 0, d2 = 0, shahr = 0, mod = 9;
	struct st t = *s;

	if ((r = lx(j, L_PMOD, 1)) > 0) {
		pm = 1;
		j = (size_t)r;
	}
	/* هذا العام, الأسبوع الماضي, مطلع العام الجاري */
	{
		int th = 0;
		size_t jj = j;
		if ((r = lx(jj, L_THIS, 1)) > 0)
			th = 1, jj = (size_t)r;
		if ((r = lx(jj, L_PERIOD, th || pm ? 0 : 1)) > 0) {
			int unit = M->sval[0];
			k = (size_t)r;
			if (lx(k, L_RMOD, 0) > 0)
				mod = M->val, k++;
			else if (th || (pm && unit == 'Y'))
				mod = 0;
			else
				goto notperiod;
			if (th && mod != 0)
				goto notperiod;
			if (unit == 'W') {
				t.gran = G_WEEK;
				if (ref.ok)
					ar_isoweek(ref.days + 7L * mod, &t.y, &t.w);
			} else if (unit == 'M') {
				t.gran = G_MONTH;
				if (ref.ok) {
					int mm = ref.m + mod, yy = ref.y;
					if (mm < 1) mm += 12, yy--;
					if (mm > 12) mm -= 12, yy++;
					t.y = yy, t.m = mm;
				}
			} else {
				t.gran = G_YEAR;
				if (ref.ok)
					t.y = ref.y + mod;
			}
			t.hasdate = 1;
			*s = t;
			return (long)k;
		}
	}
notperiod:
	/* decades */
	if ((r = lx(j, L_DECADE, 1)) > 0) {
		t.y = M->val;
		t.gran = G_DEC;
		k = (size_t)r;
		if ((r = lx(k, L_CENTURY, 0)) > 0)
			k = (size_t)r;
		t.hasdate = 1;
		*s = t;
		return (long)k;
	}
	/* عام 2020, سنة 1445 هـ, عامي 2020 و2022 */
	if ((r = lx(j, L_YEARW, 1)) > 0) {
		int dual = M->val == 2, y, h;
		k = (size_t)r;
		if ((r = c_yearnum(k, &y, &h)) > 0 && (h || (y >= 1000))) {
			k = (size_t)r;
			if (dual) {
				int y2, h2;
				size_t q = k;
				if (q < ntok && T[q].type == T_WORD && T[q].nl == 2
				    && !memcmp(nb.s + T[q].n0, "\xd9\x88", 2))
					q++;
				if ((r = c_yearnum(q, &y2, &h2)) > 0 && y2 > y) {
					snprintf(t.ival, sizeof t.ival, "%04d/%04d", y, y2);
					t.gran = G_YEAR, t.hasdate = 1, t.yexp = 1;
					*s = t;
					return r;
				}
				return -1;
			}
			if (h) {
				hijri_set(&t, y, 0, 0);
			} else {
				t.y = y, t.gran = G_YEAR, t.hasdate = 1;
			}
			t.yexp = 1;
			*s = t;
			return (long)k;
		}
		if (!pm)
			return -1;
	}
	/* 1445هـ, 2020م, في 2020, أواخر 2020 */
	if (isnum(j, 3, 4)) {
		int y, h;
		r = c_yearnum(j, &y, &h);
		if (r > 0 && (h || (size_t)r > j + 1 || ((pm || prev_is(j, L_YPREP))
		    && y >= 1800 && y <= 2100 && lx((size_t)r, L_MONTH, 1) < 0
		    && lx((size_t)r, L_UNIT, 1) < 0
		    && !((size_t)r < ntok && T[r - 1].b1 == T[r].b0)))) {
			if (h)
				hijri_set(&t, y, 0, 0);
			else
				t.y = y, t.gran = G_YEAR, t.hasdate = 1;
			t.yexp = 1;
			*s = t;
			return r;
		}
	}
	/* صيف 2021, شتاء هذا العام */
	if ((r = lx(j, L_SEASON, 1)) > 0) {
		const char *sv = M->sval;
		int y, h;
		k = (size_t)r;
		if ((r = lx(k, L_YEARW, 0)) > 0 && M->val == 0)
			k = (size_t)r;
		if ((r = c_yearnum(k, &y, &h)) > 0 && !h && T[k].nd == 4) {
			snprintf(t.ival, sizeof t.ival, "%04d-%s", y, sv);
			t.y = y, t.gran = G_YEAR, t.hasdate = 1, t.yexp = 1;
			*s = t;
			return r;
		}
		if ((r = lx(k, L_THIS, 0)) > 0 && (r = lx((size_t)r, L_PERIOD, 0)) > 0
		    && M->sval[0] == 'Y') {
			if (ref.ok)
				snprintf(t.ival, sizeof t.ival, "%04d-%s", ref.y, sv);
			else
				snprintf(t.ival, sizeof t.ival, "XXXX-%s", sv);
			t.gran = G_YEAR, t.hasdate = 1;
			*s = t;
			return r;
		}
	}
	/* the day: a number or an ordinal word */
	k = j;
	if ((r = lx(k, L_ORD, 1)) > 0) {
		int v = M->val, one = M->wl[0] == 12 && !memcmp(M->w[0], "الحادي", 12);
		k = (size_t)r;
		if (v < 10 && (r = lx(k, L_TEEN, 0)) > 0) {
			v += 10, k = (size_t)r;
		} else if (v < 10 && k < ntok && T[k].wa && T[k].e[1]) {
			long r2 = -1;
			for (struct ent *e = T[k].e[1]; e; e = e->next)
				if (e->cls == L_ORD && e->val >= 20)
					r2 = e->val;
			if (r2 > 0)
				v += (int)r2, k++;
			else if (one)
				return -1;
		} else if (one) {
			return -1;
		}
		if (v > 31 || lx(k, L_FROM, 0) < 0 || M->val != 0)
			return -1;
		k++;
		dd = v;
	} else if (isnum(k, 1, 2) && T[k].num >= 1 && T[k].num <= 31
	    && !(k > 0 && T[k - 1].b1 == T[k].b0 && T[k - 1].type == T_PUNCT
	    && (T[k - 1].num == '.' || T[k - 1].num == ',' || T[k - 1].num == ':'))) {
		dd = T[k].num;
		k++;
		if (ispunct_at(k, "-") && isnum(k + 1, 1, 2) && T[k + 1].num > dd
		    && T[k + 1].num <= 31) {
			d2 = T[k + 1].num;
			k += 2;
		}
		if (k < ntok && T[k - 1].b1 == T[k].b0 && (r = lx(k, L_ORDSUF, 0)) > 0)
			k = (size_t)r;
		if (ispunct_at(k, ","))
			k++;
		if (lx(k, L_FROM, 0) > 0 && M->val == 0)
			k++;
	}
	if (pm && dd)
		return -1;
	if (!dd) {
		if ((r = lx(k, L_MONTHW, 1)) > 0)
			shahr = 1, k = (size_t)r;
	}
	int mo, cal, amb, partner, ascii, y = -1;
	r = c_month(k, &mo, &cal, &amb, &partner, &ascii);
	if (r < 0) {
		/* العاشر من الشهر الجاري */
		if (dd && !d2 && (r = lx(k, L_PERIOD, 0)) > 0 && M->sval[0] == 'M'
		    && lx((size_t)r, L_RMOD, 0) > 0) {
			int md = M->val;
			if (!ref.ok) {
				t.gran = G_DAY, t.d = dd, t.hasdate = 1;
			} else {
				int mm = ref.m + md, yy = ref.y;
				if (mm < 1) mm += 12, yy--;
				if (mm > 12) mm -= 12, yy++;
				if (dd > ar_days_in_month(yy, mm))
					return -1;
				set_day(&t, ar_days_from_civil(yy, mm, dd));
			}
			*s = t;
			return r + 1;
		}
		return -1;
	}
	if (!dd && !shahr && !pm && k == j && i > 0 && (prev_is(i, L_NEGPREV)
	    || T[i - 1].type == T_NUM))
		return -1;
	if (dd && T[j].type == T_NUM && prev_is(j, L_NEGPREV))
		return -1;
	k = (size_t)r;
	/* September 29, 2023 */
	if (!dd && ascii && isnum(k, 1, 2) && T[k].num >= 1 && T[k].num <= 31) {
		dd = T[k].num;
		k++;
		if (k < ntok && T[k - 1].b1 == T[k].b0 && (r = lx(k, L_ORDSUF, 0)) > 0)
			k = (size_t)r;
		if (ispunct_at(k, ","))
			k++;
	}
	/* the year */
	{
		size_t q = k;
		int yy, hh;
		if (ispunct_at(q, ","))
			q++;
		if ((r = lx(q, L_YEARW, 0)) > 0 && M->val == 0)
			q = (size_t)r;
		if ((r = c_yearnum(q, &yy, &hh)) > 0 && (T[q].nd == 4 || hh)) {
			y = yy;
			(void)hh;
			k = (size_t)r;
		}
	}
	if (y < 0 && (r = lx(k, L_RMOD, 0)) > 0) {
		mod = M->val;
		k = (size_t)r;
	}
	if (cal == 'h' && (r = lx(k, L_BLESSED, 0)) > 0)
		k = (size_t)r;
	if (amb && !dd && y < 0 && mod == 9 && !shahr && !partner)
		return -1;
	if (cal == 'h' && !dd && y < 0 && !shahr && mod == 9)
		return -1;
	/* resolve */
	if (cal == 'h') {
		if (y < 0) {
			if (!ref.ok)
				return -1;
			int hy = ar_hijri_year_of(ref.days), best = hy;
			long bd = -1;
			for (int c = hy - 1; c <= hy + 1; c++) {
				long x = ar_hijri_days(c, mo, dd ? dd : 15) - ref.days;
				if (mod == -1 && x >= 0) continue;
				if (mod == 1 && x <= 0) continue;
				if (x < 0) x = -x;
				if (bd < 0 || x < bd) bd = x, best = c;
			}
			y = best;
		} else {
			t.yexp = 1;
		}
		if (dd > 30)
			return -1;
		hijri_set(&t, y, mo, dd);
		if (d2) {
			int a1, a2, a3, b1, b2, b3;
			ar_civil_from_days(t.days, &a1, &a2, &a3);
			ar_civil_from_days(ar_hijri_days(y, mo, d2), &b1, &b2, &b3);
			snprintf(t.ival, sizeof t.ival, "%04d-%02d-%02d/%04d-%02d-%02d",
			    a1, a2, a3, b1, b2, b3);
		}
		*s = t;
		return (long)k;
	}
	if (y >= 0)
		t.yexp = 1;
	else if (!dd && mod == 9 && ref.ok)
		y = mo == ref.m ? ref.y : pick_year(mo, 0, future_context((long)i) ? 1 : -1);
	else
		y = pick_year(mo, dd, mod);
	if (dd) {
		if (dd > ar_days_in_month(y < 0 ? 2000 : y, mo))
			return -1;
		if (y < 0) {
			t.gran = G_DAY, t.m = mo, t.d = dd, t.hasdate = 1;
		} else {
			set_day(&t, ar_days_from_civil(y, mo, dd));
		}
		if (d2) {
			char a[16];
			if (y < 0)
				snprintf(a, sizeof a, "XXXX");
			else
				snprintf(a, sizeof a, "%04d", y);
			snprintf(t.ival, sizeof t.ival, "%s-%02d-%02d/%s-%02d-%02d",
			    a, mo, dd, a, mo, d2);
		}
	} else {
		t.gran = G_MONTH, t.y = y, t.m = mo, t.hasdate = 1;
	}
	*s = t;
	return (long)k;
}

static long
c_rel(size_t i, struct st *s)
{
	long r = lx(i, L_REL, 1);
	if (r < 0)
		return -1;
	int v = M->val;
	if (v == 0 && M->nw == 1 && M->wl[0] == 10 && !memcmp(M->w[0], "اليوم", 10)) {
		struct ent *m = M;
		int wdnext = lx((size_t)r, L_WDAY, 0) > 0;
		if (!wdnext && lx((size_t)r, L_NEGTODAYNEXT, 0) > 0)
			return -1;
		if (!wdnext && prev_is(i, L_NEGTODAYPREV))
			return -1;
		M = m;
	}
	s->hasrel = 1;
	if (ref.ok)
		set_day(s, ref.days + v);
	else
		s->gran = G_DAY, s->hasdate = 1;
	return r;
}

static long
c_wday(size_t i, struct st *s)
{
	long r = lx(i, L_WDAY, 1);
	if (r < 0)
		return -1;
	int wd = M->val;
	if (prev_is(i, L_NEGWDAYPREV))
		return -1;
	s->wd = wd;
	s->wdtok = (long)i;
	if (lx((size_t)r, L_RMOD, 0) > 0) {
		s->wdmod = M->val;
		r++;
	}
	return r;
}

static long
c_pod(size_t i, struct st *s)
{
	long r = lx(i, L_POD, 1);
	if (r < 0)
		return -1;
	s->pod = M->sval[0];
	return r;
}

/* ------------------------------------------------------------------ */
/* whole expressions                                                    */

static int
future_context(long wt)
{
	int n = 0;
	for (long j = wt - 1; j >= 0 && n < 20; j--, n++) {
		struct tok *t = &T[j];
		if (t->type == T_PUNCT) {
			if (t->num == '.' || t->num == '!' || t->num == '?' || t->num == 0x061F)
				break;
			continue;
		}
		if (t->type != T_WORD)
			continue;
		if (lx((size_t)j, L_FUT, 1) > 0)
			return 1;
		/* سـ + a present-tense prefix: سيعقد, ستجري, سنبلغ */
		const unsigned char *w = (const unsigned char *)nb.s + t->n0;
		size_t l = t->nl;
		size_t o = (t->pfx[1] && l > 2) ? 2 : 0;
		if (l - o >= 8 && w[o] == 0xd8 && w[o + 1] == 0xb3 && (w[o + 2] == 0xd9
		    && (w[o + 3] == 0x8a || w[o + 3] == 0x86))) {
			if (lx((size_t)j, L_NOTFUT, 1) < 0)
				return 1;
		} else if (l - o >= 8 && w[o] == 0xd8 && w[o + 1] == 0xb3 && w[o + 2] == 0xd8
		    && (w[o + 3] == 0xaa || w[o + 3] == 0xa7)) {
			if (lx((size_t)j, L_NOTFUT, 1) < 0)
				return 1;
		}
	}
	return 0;
}

static long
chain(size_t i, struct st *s, size_t *first)
{
	size_t j = i;
	long r;
	int started = 0;

	st_init(s);
	*first = i;
	for (;;) {
		size_t jj = j;
		int joins = 0;
		while (jj < ntok && joins < 3) {
			if ((r = lx(jj, L_YOM, 1)) > 0 || (started && (r = lx(jj, L_JOIN, 1)) > 0)) {
				jj = (size_t)r, joins++;
				continue;
			}
			if (started && ispunct_at(jj, ",-")) {
				jj++, joins++;
				continue;
			}
			break;
		}
		struct st t = *s;
		int punct = jj > j && T[jj - 1].type == T_PUNCT;
		r = -1;
		int coarse = s->hasdate && s->gran != G_DAY;
		if (coarse)
			break;
		if (r < 0 && !s->hasdate && !s->hasrel && T[jj].type == T_NUM)
			r = c_numdate(jj, &t);
		if (r < 0 && !s->hasclock)
			r = c_clock(jj, &t);
		if (r < 0 && !s->hasdate && !s->hasrel) {
			r = c_date(jj, &t);
			if (r > 0 && t.gran != G_DAY && (s->hasclock || s->pod || s->wd))
				r = -1, t = *s;
		}
		if (r < 0 && !s->hasdate && !s->hasrel && !punct)
			r = c_rel(jj, &t);
		if (r < 0 && !s->wd && (!s->hasdate || s->hasrel) && !punct)
			r = c_wday(jj, &t);
		if (r < 0 && !s->pod && !punct)
			r = c_pod(jj, &t);
		if (r < 0 && !s->haszone && (s->hasclock || (s->hasdate && s->gran == G_DAY)))
			if ((r = c_zone(jj, &t)) > 0)
				t.haszone = 1;
		if (r < 0)
			break;
		if (!started && jj > i && lx(i, L_YOM, 1) > 0)
			*first = i;
		else if (!started)
			*first = jj;
		/* a component must not be the tail of a word (و, ب...) */
		*s = t;
		s->ncomp++;
		started = 1;
		j = (size_t)r;
	}
	if (!started)
		return -1;
	if (!s->hasdate && !s->hasrel && !s->hasclock && !s->wd)
		return -1;              /* a part of day alone */
	return (long)j;
}

struct expr {
	size_t t0, t1;
	int pfx;
	char value[96];
	const char *type;
	char tz[48];
	char hij[24];
};
static struct expr *X;
static size_t nx, capx;

static void
fmt_value(struct st *s, char *out, size_t cap)
{
	char d[64];
	if (s->ival[0]) {
		snprintf(out, cap, "%s", s->ival);
		return;
	}
	switch (s->gran) {
	case G_DEC:
		snprintf(d, sizeof d, "%d", s->y);
		break;
	case G_YEAR:
		if (s->y < 0) snprintf(d, sizeof d, "XXXX");
		else snprintf(d, sizeof d, "%04d", s->y);
		break;
	case G_MONTH:
		if (s->y < 0 && s->m < 0) snprintf(d, sizeof d, "XXXX-XX");
		else if (s->y < 0) snprintf(d, sizeof d, "XXXX-%02d", s->m);
		else snprintf(d, sizeof d, "%04d-%02d", s->y, s->m);
		break;
	case G_WEEK:
		if (s->y < 0) snprintf(d, sizeof d, "XXXX-WXX");
		else snprintf(d, sizeof d, "%04d-W%02d", s->y, s->w);
		break;
	default:
		if (s->y >= 0)
			snprintf(d, sizeof d, "%04d-%02d-%02d", s->y, s->m, s->d);
		else if (s->m > 0 && s->d > 0)
			snprintf(d, sizeof d, "XXXX-%02d-%02d", s->m, s->d);
		else if (s->wd && !s->hasrel)
			snprintf(d, sizeof d, "XXXX-WXX-%d", s->wd);
		else
			snprintf(d, sizeof d, "XXXX-XX-XX");
	}
	if (s->hasclock)
		snprintf(out, cap, "%sT%02d:%02d", d, s->H, s->M);
	else
		snprintf(out, cap, "%s", d);
}

static void
finish(struct st *s)
{
	if (s->wd && !s->hasdate && !s->hasrel) {
		if (ref.ok) {
			int wr = ar_weekday(ref.days), fut;
			fut = s->wdmod == 1 || (s->wdmod == 9 && future_context(s->wdtok));
			if (s->wdmod == 0) {
				long delta = s->wd - wr;
				set_day(s, ref.days + delta);
			} else if (fut) {
				int delta = (s->wd - wr + 7) % 7;
				set_day(s, ref.days + (delta ? delta : 7));
			} else {
				/* a bare weekday in a report is the latest such day,
				 * the publication day itself included ("أغلق مساء
				 * الأربعاء" in Wednesday's paper); الماضي is strictly
				 * before it */
				int delta = (wr - s->wd + 7) % 7;
				if (delta == 0 && s->wdmod != 9)
					delta = 7;
				set_day(s, ref.days - delta);
			}
		} else {
			s->gran = G_DAY;
		}
	}
	if (s->hasclock) {
		if (s->pod)
			s->H = apply_pod(s->H, s->pod);
		if (!s->hasdate && !s->hasrel) {
			if (ref.ok)
				set_day(s, ref.days);
			else
				s->gran = G_DAY;
		}
	}
	if (s->gran == G_NONE)
		s->gran = G_DAY;
	s->type = s->hasclock ? "time" : "date";
}

static struct expr *
newexpr(void)
{
	if (nx == capx) {
		capx = capx ? capx * 2 : 16;
		X = ar_realloc(X, capx * sizeof *X);
	}
	struct expr *e = &X[nx++];
	memset(e, 0, sizeof *e);
	return e;
}

static void
add_st(size_t t0, size_t t1, int pfx, struct st *s)
{
	struct expr *e = newexpr();
	e->t0 = t0, e->t1 = t1, e->pfx = pfx;
	fmt_value(s, e->value, sizeof e->value);
	e->type = s->type;
	snprintf(e->tz, sizeof e->tz, "%s", s->tz);
	snprintf(e->hij, sizeof e->hij, "%s", s->hij);
}

static void
add_val(size_t t0, size_t t1, int pfx, const char *type, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
#include <stdarg.h>
static void
add_val(size_t t0, size_t t1, int pfx, const char *type, const char *fmt, ...)
{
	struct expr *e = newexpr();
	va_list ap;
	e->t0 = t0, e->t1 = t1, e->pfx = pfx;
	e->type = type;
	va_start(ap, fmt);
	vsnprintf(e->value, sizeof e->value, fmt, ap);
	va_end(ap);
}

static void
unit_value(char *out, size_t cap, const char *u, int n)
{
	int t = (u[0] == 'H' || u[0] == 'S' || (u[0] == 'M' && u[1] == 'I'));
	char c = u[0] == 'D' && u[1] == 'E' ? 'Y' : u[0];
	if (u[0] == 'D' && u[1] == 'E' && n > 0)
		n *= 10;
	if (u[0] == 'M' && u[1] == 'I')
		c = 'M';
	if (n < 0)
		snprintf(out, cap, "P%sX%c", t ? "T" : "", c);
	else
		snprintf(out, cap, "P%s%d%c", t ? "T" : "", n, c);
}

static long
p_duration(size_t i)
{
	long r;
	int n = -2, half = 0;
	size_t j = i;
	if (isnum(i, 1, 6)) {
		n = T[i].num;
		j++;
	} else if ((r = lx(i, L_NUM, 1)) > 0) {
		n = M->val == -1000 ? -1 : M->val;
		j = (size_t)r;
	} else if ((r = lx(i, L_HALF, 1)) > 0) {
		half = 1;
		j = (size_t)r;
	}
	if ((r = lx(j, L_UNIT, j == i)) < 0)
		return -1;
	const char *u = M->sval;
	int dual = strchr(u, ':') != NULL;
	char unit[4] = { 0 };
	for (int q = 0; q < 3 && u[q] && u[q] != ':'; q++)
		unit[q] = u[q];
	if (dual && n != -2)
		return -1;
	if (dual)
		n = 2;
	if (n == -2 && !half)
		return -1;
	char v[32];
	if (half) {
		if (unit[0] == 'H') snprintf(v, sizeof v, "PT30M");
		else if (unit[0] == 'Y') snprintf(v, sizeof v, "P6M");
		else if (unit[0] == 'D') snprintf(v, sizeof v, "PT12H");
		else if (unit[0] == 'M' && !unit[1]) snprintf(v, sizeof v, "P15D");
		else return -1;
	} else {
		unit_value(v, sizeof v, unit, n);
	}
	add_val(i, (size_t)r, j == i ? Mpfx : 0, "duration", "%s", v);
	return r;
}

static long
p_set(size_t i)
{
	long r;
	if ((r = lx(i, L_SET, 1)) > 0) {
		add_val(i, (size_t)r, Mpfx, "set", "%s", M->sval);
		return r;
	}
	if ((r = lx(i, L_EVERY, 1)) < 0)
		return -1;
	int pfx = Mpfx;
	size_t j = (size_t)r, k = j;
	if ((r = lx(k, L_YOM, 0)) > 0)
		k = (size_t)r;
	if ((r = lx(k, L_WDAY, 0)) > 0 || (r = lx(k, L_WDAYBARE, 0)) > 0) {
		add_val(i, (size_t)r, pfx, "set", "XXXX-WXX-%d", M->val);
		return r;
	}
	int n = 1;
	if (isnum(j, 1, 4))
		n = T[j].num, j++;
	if ((r = lx(j, L_UNIT, 0)) > 0 && !strchr(M->sval, ':')) {
		char v[32], unit[4] = { 0 };
		for (int q = 0; q < 3 && M->sval[q]; q++)
			unit[q] = M->sval[q];
		unit_value(v, sizeof v, unit, n);
		add_val(i, (size_t)r, pfx, "set", "%s", v);
		return r;
	}
	return -1;
}

static long
p_range(size_t i)
{
	long r = lx(i, L_FROM, 1);
	if (r < 0)
		return -1;
	int pfx = Mpfx;
	size_t j = (size_t)r, f;
	struct st a, b;
	int bare = 0;
	long e1 = chain(j, &a, &f);
	if (e1 < 0 || f != j) {
		if (isnum(j, 1, 2) && T[j].num >= 1 && T[j].num <= 31)
			bare = 1;
		else if (isnum(j, 4, 4) && T[j].num >= 1000 && T[j].num <= 2200)
			bare = 4;
		else
			return -1;
		e1 = (long)j + 1;
	} else {
		finish(&a);
		if (a.ival[0] || a.hasclock)
			return -1;
	}
	size_t k = (size_t)e1;
	if ((r = lx(k, L_TO, 1)) > 0) {
		k = (size_t)r;
	} else if (k < ntok && T[k].type == T_WORD && T[k].nl == 2
	    && !memcmp(nb.s + T[k].n0, "\xd9\x88", 2)) {
		k++;
	} else {
		return -1;
	}
	long e2 = chain(k, &b, &f);
	if (e2 < 0 || f != k)
		return -1;
	finish(&b);
	if (b.ival[0] || b.hasclock)
		return -1;
	char v1[48], v2[48];
	if (bare == 1) {
		if (b.gran != G_DAY || T[j].num >= b.d || b.m < 0)
			return -1;
		a = b;
		a.d = T[j].num;
		a.hasrel = 0;
	} else if (bare == 4) {
		if (b.gran != G_YEAR || b.y <= T[j].num)
			return -1;
		a = b;
		a.y = T[j].num;
	} else {
		if (a.gran != b.gran)
			return -1;
		if (!a.yexp && b.yexp && b.y >= 0 && a.gran == G_DAY && a.m > 0
		    && a.d <= ar_days_in_month(b.y, a.m)) {
			a.y = b.y;
			if (a.m > b.m)
				a.y--;
		}
	}
	fmt_value(&a, v1, sizeof v1);
	fmt_value(&b, v2, sizeof v2);
	add_val(i, (size_t)e2, pfx, "date", "%s/%s", v1, v2);
	if (b.hij[0])
		snprintf(X[nx - 1].hij, sizeof X[nx - 1].hij, "%s", b.hij);
	return e2;
}

static int
first_pfx(size_t f)
{
	if (T[f].type != T_WORD || T[f].e[0])
		return 0;
	if (T[f].e[1])
		return T[f].pfx[1];
	if (T[f].e[2])
		return T[f].pfx[2];
	return 0;
}

static int
maybe_start(size_t i)
{
	struct tok *t = &T[i];
	return t->type == T_NUM || (t->type == T_WORD && (t->e[0] || t->e[1] || t->e[2]));
}

static void
parse_line(void)
{
	size_t last_end = 0;            /* token after the last full date, or 0 */
	long last_days = 0;

	nx = 0;
	for (size_t i = 0; i < ntok;) {
		if (!maybe_start(i)) {
			i++;
			continue;
		}
		long r;
		struct st s;
		size_t f;
		if ((r = p_range(i)) > 0 || (r = p_set(i)) > 0) {
			i = (size_t)r;
			continue;
		}
		r = chain(i, &s, &f);
		if (r > 0) {
			/* a clock time just after a full date in the same
			 * sentence ("يوم الجمعة 24 أبريل في الساعة الثامنة")
			 * belongs to that day, not to the reference date */
			if (s.hasclock && !s.hasdate && !s.hasrel && last_end
			    && f >= last_end && f - last_end <= 2)
				set_day(&s, last_days);
			finish(&s);
			if (s.hasdate && s.gran == G_DAY && s.y >= 0)
				last_days = ar_days_from_civil(s.y, s.m, s.d), last_end = (size_t)r;
			else
				last_end = 0;
			int pfx = first_pfx(f);
			add_st(f, (size_t)r, pfx, &s);
			i = (size_t)r;
			continue;
		}
		if ((r = p_duration(i)) > 0) {
			i = (size_t)r;
			continue;
		}
		i++;
	}
}

/* ------------------------------------------------------------------ */
/* output                                                               */

enum { F_TEXT, F_TSV, F_JSON, F_TIMEML };
static int fmt = F_TEXT;
static unsigned long found, tid;

static void
out_num(unsigned long v)
{
	char b[24];
	int n = snprintf(b, sizeof b, "%lu", v);
	ar_out_write(b, (size_t)n);
}

static void
out_xml(const char *s, size_t n)
{
	size_t a = 0;
	for (size_t i = 0; i < n; i++) {
		const char *r = s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;"
		    : s[i] == '&' ? "&amp;" : s[i] == '"' ? "&quot;" : NULL;
		if (r) {
			ar_out_write(s + a, i - a);
			ar_out_str(r);
			a = i + 1;
		}
	}
	ar_out_write(s + a, n - a);
}

static void
write_line(const char *s, size_t n, unsigned long lineno)
{
	if (fmt == F_TIMEML) {
		size_t at = 0;
		for (size_t k = 0; k < nx; k++) {
			struct expr *e = &X[k];
			size_t b0 = T[e->t0].b0 + 2 * (size_t)e->pfx, b1 = T[e->t1 - 1].b1;
			const char *ty = !strcmp(e->type, "date") ? "DATE" : !strcmp(e->type, "time")
			    ? "TIME" : !strcmp(e->type, "set") ? "SET" : "DURATION";
			out_xml(s + at, b0 - at);
			ar_out_str("<TIMEX3 tid=\"t");
			out_num(++tid);
			ar_out_str("\" type=\"");
			ar_out_str(ty);
			ar_out_str("\" value=\"");
			out_xml(e->value, strlen(e->value));
			ar_out_str("\">");
			out_xml(s + b0, b1 - b0);
			ar_out_str("</TIMEX3>");
			at = b1;
		}
		out_xml(s + at, n - at);
		ar_out_eol();
		found += nx;
		return;
	}
	for (size_t k = 0; k < nx; k++) {
		struct expr *e = &X[k];
		size_t b0 = T[e->t0].b0 + 2 * (size_t)e->pfx, b1 = T[e->t1 - 1].b1;
		size_t c0 = T[e->t0].c0 + (size_t)e->pfx, c1 = T[e->t1 - 1].c1;
		found++;
		switch (fmt) {
		case F_TEXT:
			ar_out_write(ar_doc.name, ar_doc.namelen);
			ar_out_putc(':');
			out_num(lineno);
			ar_out_str(": ");
			ar_out_str(e->value);
			ar_out_str("  ");
			ar_out_write(s + b0, b1 - b0);
			break;
		case F_TSV:
			ar_out_tsv_str(ar_doc.name, ar_doc.namelen);
			ar_out_putc('\t');
			out_num(lineno);
			ar_out_putc('\t');
			out_num(c0);
			ar_out_putc('\t');
			out_num(c1);
			ar_out_putc('\t');
			ar_out_tsv_str(s + b0, b1 - b0);
			ar_out_putc('\t');
			ar_out_str(e->value);
			ar_out_putc('\t');
			ar_out_str(e->type);
			ar_out_putc('\t');
			ar_out_tsv_str(e->tz, strlen(e->tz));
			ar_out_putc('\t');
			ar_out_str(e->hij);
			break;
		case F_JSON:
			ar_out_str("{\"doc\":");
			ar_out_json_str(ar_doc.name, ar_doc.namelen);
			ar_out_str(",\"line\":");
			out_num(lineno);
			ar_out_str(",\"start\":");
			out_num(c0);
			ar_out_str(",\"end\":");
			out_num(c1);
			ar_out_str(",\"text\":");
			ar_out_json_str(s + b0, b1 - b0);
			ar_out_str(",\"value\":");
			ar_out_json_str(e->value, strlen(e->value));
			ar_out_str(",\"type\":\"");
			ar_out_str(e->type);
			ar_out_putc('"');
			if (e->tz[0]) {
				ar_out_str(",\"tz\":");
				ar_out_json_str(e->tz, strlen(e->tz));
			}
			if (e->hij[0]) {
				ar_out_str(",\"hijri\":\"");
				ar_out_str(e->hij);
				ar_out_putc('"');
			}
			ar_out_putc('}');
			break;
		}
		ar_out_eol();
	}
}

/* ------------------------------------------------------------------ */
/* documents: the reference date and the look-ahead for it              */

static const char PUBLINE[] = "تاريخ النشر";
static int pub_seen;
static unsigned long lookahead = 16;

static const char *
skip_sp(const char *s, size_t *n)
{
	while (*n && (*s == ' ' || *s == '\t'))
		s++, (*n)--;
	return s;
}

static int
is_publine(const char *s, size_t n)
{
	s = skip_sp(s, &n);
	return n >= sizeof PUBLINE - 1 && !memcmp(s, PUBLINE, sizeof PUBLINE - 1);
}

static int
is_crawlline(const char *s, size_t n)
{
	s = skip_sp(s, &n);
	return n >= 11 && s[4] == '-' && s[7] == '-' && s[10] == '@'
	    && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9';
}

/* the first full date found on a line */
static int
line_date(const char *s, size_t n, long *days)
{
	if (!tokenize(s, n))
		return -1;
	parse_line();
	for (size_t k = 0; k < nx; k++) {
		int y, m, d;
		if (sscanf(X[k].value, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12
		    && d >= 1 && d <= ar_days_in_month(y, m)) {
			*days = ar_days_from_civil(y, m, d);
			return 0;
		}
	}
	return -1;
}

static void
process(const char *s, size_t n, unsigned long lineno)
{
	long dd;
	if (!opt_ref) {
		if (is_publine(s, n)) {
			if (line_date(s, n, &dd) == 0) {
				set_ref(dd);
				pub_seen = 1;
			}
		} else if (!pub_seen && is_crawlline(s, n) && line_date(s, n, &dd) == 0) {
			set_ref(dd);
		}
	}
	if (tokenize(s, n))
		parse_line();
	else
		nx = 0;
	if (nx || fmt == F_TIMEML)
		write_line(s, n, lineno);
}

/* lines held at a document's start until its publication line shows */
static struct ar_buf pend;              /* the lines' bytes */
static struct { size_t off, len; unsigned long lineno; } *pl;
static size_t npl, cappl;
static int holding;

static void
flush_pending(void)
{
	for (size_t k = 0; k < npl; k++)        /* empty lines leave pend.s NULL */
		process(pend.s ? pend.s + pl[k].off : "", pl[k].len, pl[k].lineno);
	npl = 0;
	pend.len = 0;
	holding = 0;
}

static int
date_line(const char *s, size_t n, void *ctx)
{
	(void)ctx;
	if (holding) {
		if (is_publine(s, n)) {
			long dd;
			if (line_date(s, n, &dd) == 0) {
				set_ref(dd);
				pub_seen = 1;
			}
			flush_pending();
			process(s, n, ar_doc.line);
			return 0;
		}
		if (npl == cappl) {
			cappl = cappl ? cappl * 2 : 16;
			pl = ar_realloc(pl, cappl * sizeof *pl);
		}
		pl[npl].off = pend.len;
		pl[npl].len = n;
		pl[npl].lineno = ar_doc.line;
		npl++;
		ar_buf_add(&pend, s, n);
		if (npl >= lookahead || pend.len > (1u << 20))
			flush_pending();
		return 0;
	}
	process(s, n, ar_doc.line);
	return 0;
}

static int
date_begin(void *ctx)
{
	(void)ctx;
	ref.ok = 0;
	if (opt_ref)
		set_ref(opt_ref_days);
	pub_seen = 0;
	tid = 0;
	npl = 0;
	pend.len = 0;
	holding = !opt_ref && lookahead > 0 && !ar_opts.line_buffered;
	return 0;
}

static int
date_end(void *ctx)
{
	(void)ctx;
	flush_pending();
	return 0;
}

/* ------------------------------------------------------------------ */

enum { OPT_WORDS = AR_OPT_TOOL, OPT_MONTHS };
static const struct option longopts[] = {
	{ "ref",       required_argument, NULL, 'r' },
	{ "lookahead", required_argument, NULL, 'l' },
	{ "words",     required_argument, NULL, OPT_WORDS },
	{ "months",    required_argument, NULL, OPT_MONTHS },
	AR_COMMON_LONGOPTS,
	AR_FORMAT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

static void
set_format(const char *name)
{
	if (!strcmp(name, "text")) fmt = F_TEXT;
	else if (!strcmp(name, "tsv")) fmt = F_TSV;
	else if (!strcmp(name, "json") || !strcmp(name, "jsonl")) fmt = F_JSON;
	else if (!strcmp(name, "timeml")) fmt = F_TIMEML;
	else {
		ar_warn("unknown format '%s' (text, tsv, json or timeml)", name);
		ar_usage();
	}
}

int
main(int argc, char *argv[])
{
	int c;
	const char *words = NULL, *months = NULL;
	char *end;

	ar_init(argv[0], usage, help);
	while ((c = getopt_long(argc, argv, "r:f:l:" AR_COMMON_SHORTOPTS,
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
			if (ar_parse_iso_day(optarg, strlen(optarg), &opt_ref_days) < 0) {
				ar_warn("bad --ref '%s' (want YYYY-MM-DD)", optarg);
				ar_usage();
			}
			opt_ref = 1;
			break;
		case 'f':
		case AR_OPT_FORMAT:
			set_format(optarg);
			break;
		case AR_OPT_TSV:  fmt = F_TSV; break;
		case AR_OPT_JSON: fmt = F_JSON; break;
		case 'l':
			lookahead = strtoul(optarg, &end, 10);
			if (*end || !*optarg) {
				ar_warn("bad --lookahead '%s'", optarg);
				ar_usage();
			}
			break;
		case OPT_WORDS:  words = optarg; break;
		case OPT_MONTHS: months = optarg; break;
		default:
			if (!ar_common_opt(c, optarg))
				ar_usage();
		}
	}
	argc -= optind;
	argv += optind;

	load_lexicon(words, months);
	ar_cal_init();
	if (fmt == F_TSV) {
		ar_out_str("doc\tline\tstart\tend\ttext\tvalue\ttype\ttz\thijri");
		ar_out_eol();
	}
	/* headers go with the text and TimeML outputs; TSV and JSON name the
	 * document in their doc field */
	struct ar_loop lp = { .line = date_line, .begin = date_begin, .end = date_end,
	    .echo_headers = fmt == F_TEXT || fmt == F_TIMEML };
	int st = ar_loop_run(&lp, argc, argv);
	if (st == 0 && !found)
		st = 1;
	return st;
}
