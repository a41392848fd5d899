/* date.c: the date grammar. A line is cut into tokens (words folded for
 * matching, looked up in the lexicon of months.tsv and date-words.tsv with
 * their proclitics; numbers; marks), then rules are tried at each token:
 * a range, a set, a chain of components (a date, a clock time, a relative
 * day, a weekday, a part of the day, a zone) and a duration. A component
 * that is a date is itself one of the date rules of date_rules[], tried in
 * order. Values are TIMEX3 / ISO 8601, resolved against the reference day.
 * Every piece of state is in struct ar_date. */
#include "arlib.h"

#include <stdarg.h>
#include <stdlib.h>

/* ---- the lexicon's classes: the enum and date-words.tsv's names ---- */

#define DATE_CLASSES(X) \
	X(MONTH, "month")               /* month names (months.tsv) */ \
	X(REL, "rel")                   /* a day relative to the reference */ \
	X(WDAY, "wday")                 /* weekday with the article */ \
	X(WDAYBARE, "wdaybare")         /* weekday without, after كل or يوم */ \
	X(UNIT, "unit")                 /* duration units */ \
	X(PERIOD, "period")             /* week, month, year with the article */ \
	X(THIS, "this")                 /* هذا/هذه before a period */ \
	X(RMOD, "rmod")                 /* previous/current/next after a period */ \
	X(PMOD, "pmod")                 /* a position inside a period */ \
	X(POD, "pod")                   /* parts of the day */ \
	X(SAA, "saa")                   /* the word before a clock time */ \
	X(HOUR, "hour")                 /* hours in words */ \
	X(FRAC, "frac")                 /* minutes after an hour word */ \
	X(ORD, "ord")                   /* ordinal days */ \
	X(TEEN, "teen")                 /* عشر after an ordinal */ \
	X(NUM, "num")                   /* cardinals before a unit */ \
	X(HALF, "half")                 /* نصف before a unit */ \
	X(DECADE, "decade") \
	X(CENTURY, "century")           /* words after a decade */ \
	X(YEARW, "yearw")               /* words before a year number */ \
	X(YPREP, "yprep")               /* prepositions that make a number a year */ \
	X(MARKG, "markg")               /* Gregorian marker after a year */ \
	X(MARKH, "markh")               /* Hijri marker after a year */ \
	X(MONTHW, "monthw")             /* the word month */ \
	X(BLESSED, "blessed")           /* after a Hijri month name */ \
	X(YOM, "yom")                   /* يوم */ \
	X(JOIN, "join")                 /* glue between a weekday and its date */ \
	X(FROM, "from") \
	X(TO, "to") \
	X(ORDSUF, "ordsuf")             /* English ordinal suffixes */ \
	X(EVERY, "every") \
	X(SET, "set")                   /* one-word sets */ \
	X(ZONEIN, "zonein")             /* words before a time zone */ \
	X(ZONE, "zone") \
	X(FUT, "fut")                   /* future markers before a weekday */ \
	X(NOTFUT, "notfut")             /* سـ words that are not future verbs */ \
	X(NEGPREV, "negprev")           /* before a day and month: a name */ \
	X(NEGTODAYPREV, "negtodayprev") /* before اليوم: an outlet's name */ \
	X(NEGTODAYNEXT, "negtodaynext") /* after اليوم: "the day" */ \
	X(NEGWDAYPREV, "negwdayprev")   /* before الجمعة/الأحد: no date */ \
	X(SEASON, "season")

enum {
	L_NONE,
#define X(name, str) L_##name,
	DATE_CLASSES(X)
#undef X
	L_NCLASS
};
static const char *const class_name[L_NCLASS] = {
	"",
#define X(name, str) str,
	DATE_CLASSES(X)
#undef X
};

/* the letters the grammar looks at, by name (UTF-8) */
#define ALEF "\u0627"
#define BEH  "\u0628"
#define TEH  "\u062A"
#define SEEN "\u0633"
#define FEH  "\u0641"
#define KAF  "\u0643"
#define LAM  "\u0644"
#define NOON "\u0646"
#define WAW  "\u0648"
#define YEH  "\u064A"
#define AR_LETTER_LEN 2         /* the bytes of each of them */

/* ---- tokens ---- */

enum { T_WORD = 1, T_NUM, T_PUNCT };
struct tok {
	uint32_t b0, b1, c0, c1;        /* byte and code-point offsets */
	uint32_t n0, nl;                /* folded text in dt->folded */
	uint8_t type, nd, ascii;
	int32_t num;                    /* T_NUM: value (capped); T_PUNCT: the mark */
	const struct ar_lexent *e[3];   /* entries for the word, without و/ف, without ب/ك/ل too */
	uint8_t pfx[3];                 /* letters stripped for e[k] */
	uint8_t wa;                     /* began with و */
};

/* the reference as the rules use it: its day, and that day's date */
struct dref { int ok; long days; int y, m, d; };

struct ar_date {
	struct ar_lex *lex;
	struct fold1 { uint8_t n; char b[7]; } fold1[0x800];   /* ar_fold_cp below U+0800 */
	uint64_t first[(1u << 16) / 64];        /* hashes of the lexicon's first words */
	struct tok *tok;
	size_t ntok, captok;
	struct ar_buf folded;           /* the folded words of the line */
	const char *line;
	const struct ar_lexent *m;      /* the entry of lx's last match */
	int mpfx;                       /* letters stripped from its first token */
	struct dref ref;
	struct ar_date_ref ref_set;     /* as the caller gave it */
	struct ar_date_expr *x;
	size_t nx, capx;
	/* where the line's expressions came from: token spans and prefixes */
	struct xspan { size_t t0, t1; int pfx; } *xs;
};

/* ---- loading the word lists ---- */

/* The matching fold (ar_fold_cp, as the lexicon folds), kept for the code
 * points below U+0800, the letters of Arabic text: one look-up a letter. */
#define FOLD_ASK 0xFF

static void
fold_cache_init(struct ar_date *dt)
{
	char out[AR_FOLD_MAX];

	for (int32_t cp = 0; cp < 0x800; cp++) {
		size_t n = ar_fold_cp(cp, out, AR_FOLD_CASE);
		dt->fold1[cp].n = n <= sizeof dt->fold1[cp].b ? (uint8_t)n : FOLD_ASK;
		if (n <= sizeof dt->fold1[cp].b)
			memcpy(dt->fold1[cp].b, out, n);
	}
}

static void
fold_add(const struct ar_date *dt, int32_t cp, struct ar_buf *out)
{
	char tmp[AR_FOLD_MAX];

	if (cp < 0x800 && dt->fold1[cp].n != FOLD_ASK) {
		ar_buf_add(out, dt->fold1[cp].b, dt->fold1[cp].n);
		return;
	}
	ar_buf_add(out, tmp, ar_fold_cp(cp, tmp, AR_FOLD_CASE));
}

/* Most words of a text are in no word list: a bit per hash of the first
 * words listed answers most look-ups without a probe of the lexicon. */
#define FIRST_BITS 16

static void
lex_add(struct ar_date *dt, int cls, const char *words, size_t n, int val, const char *str)
{
	const struct ar_lexent *e = ar_lex_add(dt->lex, words, n, cls, val, str);

	if (e) {
		uint32_t h = ar_hash(e->w[0], e->wl[0]) & ((1u << FIRST_BITS) - 1);
		dt->first[h / 64] |= 1ull << (h % 64);
	}
}

static const struct ar_lexent *
lex_get(const struct ar_date *dt, const char *w, size_t n)
{
	uint32_t h = ar_hash(w, n) & ((1u << FIRST_BITS) - 1);

	if (!(dt->first[h / 64] & (1ull << (h % 64))))
		return NULL;
	return ar_lex_get(dt->lex, w, n);
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

/* months.tsv: NAME MONTH CALENDAR [FLAGS]. The entry's string is the
 * calendar letter (g, h), then 'a' when the name is ambiguous. */
static int
months_line(char *s, size_t n, unsigned long lineno, void *ctx)
{
	char *p = s;
	char *name = field(&p), *mo = field(&p), *cal = field(&p), *fl = field(&p);
	int m = atoi(mo);
	char str[3] = { *cal, 0, 0 };

	(void)n;
	if (!*name || m < 0 || m > 12 || (*cal != 'g' && *cal != 'h')) {
		ar_warn("months.tsv:%lu: bad line", lineno);
		return 1;
	}
	if (strstr(fl, "amb"))
		str[1] = 'a';
	lex_add(ctx, L_MONTH, name, strlen(name), m, str);
	return 0;
}

/* the calendar and the ambiguity of a month entry (a "month" line of
 * date-words.tsv has no string: calendar 0, as before) */
static int month_cal(const struct ar_lexent *e) { return e->str ? e->str[0] : 0; }
static int month_amb(const struct ar_lexent *e) { return e->str && e->str[1] == 'a'; }

/* date-words.tsv: CLASS WORDS VALUE. The value is the entry's number when
 * it is one (-1000 when it is not), and its string when given. */
static int
words_line(char *s, size_t n, unsigned long lineno, void *ctx)
{
	char *p = s;
	char *cls = field(&p), *w = field(&p), *v = field(&p);
	int c, val = 0;

	(void)n;
	for (c = 1; c < L_NCLASS; c++)
		if (!strcmp(cls, class_name[c]))
			break;
	if (c == L_NCLASS || !*w) {
		ar_warn("date-words.tsv:%lu: bad line", lineno);
		return 1;
	}
	if (*v == '-' || (*v >= '0' && *v <= '9'))
		val = atoi(v);
	else if (*v)
		val = -1000;
	lex_add(ctx, c, w, strlen(w), val, *v && c != L_MONTH ? v : NULL);
	return 0;
}

struct ar_date *
ar_date_new(const char *words_file, const char *months_file)
{
	struct ar_date *dt = ar_alloc(sizeof *dt);
	size_t len;
	const char *t;

	memset(dt, 0, sizeof *dt);
	dt->lex = ar_lex_new(AR_LEX_FOLD | AR_LEX_CASE);
	fold_cache_init(dt);
	t = months_file ? ar_slurp_keep(months_file, &len) : ar_data("months.tsv", &len);
	if (ar_each_line(t, len, months_line, dt))
		ar_die("cannot load months.tsv");
	t = words_file ? ar_slurp_keep(words_file, &len) : ar_data("date-words.tsv", &len);
	if (ar_each_line(t, len, words_line, dt))
		ar_die("cannot load date-words.tsv");
	ar_cal_init();
	dt->ref_set.ok = 0;
	dt->ref_set.sec = -1;
	return dt;
}

void
ar_date_free(struct ar_date *dt)
{
	if (!dt)
		return;
	ar_lex_free(dt->lex);
	free(dt->tok);
	ar_buf_free(&dt->folded);
	free(dt->x);
	free(dt->xs);
	free(dt);
}

void
ar_date_set_ref(struct ar_date *dt, const struct ar_date_ref *ref)
{
	dt->ref.ok = 0;
	dt->ref_set.ok = 0;
	dt->ref_set.sec = -1;
	if (!ref || !ref->ok)
		return;
	dt->ref_set = *ref;
	dt->ref.ok = 1;
	dt->ref.days = ref->days;
	ar_civil_from_days(ref->days, &dt->ref.y, &dt->ref.m, &dt->ref.d);
}

const struct ar_date_ref *
ar_date_get_ref(const struct ar_date *dt)
{
	return &dt->ref_set;
}

/* ---- tokens of one line ---- */

static struct tok *
newtok(struct ar_date *dt)
{
	if (dt->ntok == dt->captok) {
		dt->captok = dt->captok ? dt->captok * 2 : 256;
		dt->tok = ar_realloc(dt->tok, dt->captok * sizeof *dt->tok);
	}
	struct tok *t = &dt->tok[dt->ntok++];
	memset(t, 0, sizeof *t);
	return t;
}

static int
starts(const char *s, const char *letter)
{
	return !memcmp(s, letter, AR_LETTER_LEN);
}

/* The word's entries: as it is, without a conjunction و/ف, and without a
 * preposition ب/ك/ل after that (لل read as ال: للعام is ل + العام). Each
 * strip leaves at least three letters. */
static int
lookup_word(struct ar_date *dt, struct tok *t)
{
	const char *s = dt->folded.s + t->n0;
	size_t n = t->nl, min = 3 * AR_LETTER_LEN;
	char tmp[128];
	int any = 0;

	if ((t->e[0] = lex_get(dt, s, n)))
		any = 1;
	if (n >= min && (starts(s, WAW) || starts(s, FEH))) {
		t->wa = starts(s, WAW);
		s += AR_LETTER_LEN, n -= AR_LETTER_LEN;
		if ((t->e[1] = lex_get(dt, s, n)))
			t->pfx[1] = 1, any = 1;
		t->pfx[2] = 1;
	}
	if (n >= min && (starts(s, BEH) || starts(s, KAF) || starts(s, LAM))) {
		const struct ar_lexent *e;
		if (starts(s, LAM) && starts(s + AR_LETTER_LEN, LAM) && n <= sizeof tmp) {
			memcpy(tmp, ALEF, AR_LETTER_LEN);
			memcpy(tmp + AR_LETTER_LEN, s + AR_LETTER_LEN, n - AR_LETTER_LEN);
			e = lex_get(dt, tmp, n);
		} else {
			e = lex_get(dt, s + AR_LETTER_LEN, n - AR_LETTER_LEN);
		}
		if ((t->e[2] = e))
			t->pfx[2] += 1, any = 1;
	}
	return any;
}

/* a number: its value (capped), its digits as ASCII in the folded text */
static void
num_token(struct ar_date *dt, struct tok *t, const struct ar_word *w)
{
	const char *s = dt->line;
	int64_t v = 0;

	for (size_t i = w->b0; i < w->b1;) {
		int32_t c;
		i += ar_u8dec(s + i, &c);
		int dv = ar_digit_value(c);
		if (v < 100000000)
			v = v * 10 + dv;
		ar_buf_addc(&dt->folded, '0' + dv);
	}
	t->nd = w->nd < 255 ? (uint8_t)w->nd : 255;
	t->num = (int32_t)v;
}

/* a word: folded for matching, without the invisible characters that end
 * it (an RLM after a word is not part of it); 0 if no letter is left */
static int
word_token(struct ar_date *dt, struct tok *t, const struct ar_word *w)
{
	const char *s = dt->line;
	size_t b1 = w->b1, c1 = w->c1;
	int ascii = 1;

	while (b1 > w->b0) {
		size_t b = b1 - 1;
		int32_t c;
		while (b > w->b0 && ((unsigned char)s[b] & 0xC0) == 0x80)
			b--;
		ar_u8dec(s + b, &c);
		if (ar_cclass(c) != AR_C_FORMAT)
			break;
		b1 = b, c1--;
	}
	t->b1 = (uint32_t)b1, t->c1 = (uint32_t)c1;
	for (size_t i = w->b0; i < b1;) {
		int32_t c;
		i += ar_u8dec(s + i, &c);
		ascii &= c < 0x80;
		fold_add(dt, c, &dt->folded);
	}
	t->ascii = (uint8_t)ascii;
	return b1 > w->b0;
}

/* Split the line into tokens (the shared word iterator: words, numbers of
 * any script, marks); returns the number of candidate tokens. */
static size_t
tokenize(struct ar_date *dt, const char *s, size_t n)
{
	struct ar_words it;
	struct ar_word w;
	size_t cands = 0;

	dt->ntok = 0;
	dt->folded.len = 0;
	dt->line = s;
	ar_words_init(&it, s, n, 0);
	while (ar_word_next(&it, &w)) {
		struct tok *t = newtok(dt);
		t->b0 = (uint32_t)w.b0, t->c0 = (uint32_t)w.c0;
		t->b1 = (uint32_t)w.b1, t->c1 = (uint32_t)w.c1;
		t->n0 = (uint32_t)dt->folded.len;
		if (w.type == AR_W_NUM) {
			t->type = T_NUM;
			num_token(dt, t, &w);
			cands++;
		} else if (w.type == AR_W_WORD) {
			t->type = T_WORD;
			word_token(dt, t, &w);
		} else {
			t->type = T_PUNCT;
			t->num = w.cp;
		}
		t->nl = (uint32_t)(dt->folded.len - t->n0);
		if (t->type == T_WORD && t->nl && t->nl < 40 && lookup_word(dt, t))
			cands++;
	}
	return cands;
}

/* ---- matching helpers ---- */

/* Token j is the folded word w[0..wl). */
static int
wordeq(const struct ar_date *dt, size_t j, const char *w, size_t wl)
{
	const struct tok *t = &dt->tok[j];

	return j < dt->ntok && t->type != T_PUNCT && t->nl == wl
	    && !memcmp(dt->folded.s + t->n0, w, wl);
}

/* Token i is the one-letter word of letter. */
static int
is_letter_word(const struct ar_date *dt, size_t i, const char *letter)
{
	return i < dt->ntok && dt->tok[i].type == T_WORD && dt->tok[i].nl == AR_LETTER_LEN
	    && starts(dt->folded.s + dt->tok[i].n0, letter);
}

/* The longest entry of class cls at token i: the token after it, or -1;
 * the entry goes to dt->m. Proclitics may be stripped from the first word
 * only if pfxok. Numbers start no entry (they appear inside names: كانون 2). */
static long
lx(struct ar_date *dt, size_t i, int cls, int pfxok)
{
	long best = -1;

	if (i >= dt->ntok || dt->tok[i].type != T_WORD)
		return -1;
	for (int k = 0; k < (pfxok ? 3 : 1); k++) {
		for (const struct ar_lexent *e = dt->tok[i].e[k]; e; e = e->next) {
			if (e->cls != cls)
				continue;
			size_t j = i + 1;
			int w;
			for (w = 1; w < e->nw; w++, j++)
				if (!wordeq(dt, j, e->w[w], e->wl[w]))
					break;
			if (w < e->nw)
				continue;
			if ((long)j > best) {
				best = (long)j;
				dt->m = e;
				dt->mpfx = dt->tok[i].pfx[k];
			}
		}
	}
	return best;
}

/* Token i is a mark of set (the Arabic comma counts as ',', dashes as '-'). */
static int
ispunct_at(const struct ar_date *dt, size_t i, const char *set)
{
	if (i >= dt->ntok || dt->tok[i].type != T_PUNCT)
		return 0;
	int32_t c = dt->tok[i].num;
	if (c == 0x060C)
		c = ',';
	else if (c == 0x2013 || c == 0x2014)
		c = '-';
	else if (c >= 0x80 || c == 0)
		return 0;
	return strchr(set, (int)c) != NULL;
}

static int
adj(const struct ar_date *dt, size_t i)        /* token i+1 touches token i */
{
	return i + 1 < dt->ntok && dt->tok[i].b1 == dt->tok[i + 1].b0;
}

static int
touches_prev(const struct ar_date *dt, size_t j)  /* token j touches token j-1 */
{
	return j < dt->ntok && dt->tok[j - 1].b1 == dt->tok[j].b0;
}

static int
isnum(const struct ar_date *dt, size_t i, int mind, int maxd)
{
	return i < dt->ntok && dt->tok[i].type == T_NUM && dt->tok[i].nd >= mind
	    && dt->tok[i].nd <= maxd;
}

/* An entry of class cls ends just before token i (one or two words). */
static int
prev_is(struct ar_date *dt, size_t i, int cls)
{
	if (i == 0 || dt->tok[i - 1].type != T_WORD)
		return 0;
	const struct ar_lexent *m = dt->m;
	int p = dt->mpfx;
	long r = lx(dt, i - 1, cls, 1);
	int ok = r == (long)i;
	if (!ok && i >= 2 && dt->tok[i - 2].type == T_WORD) {
		r = lx(dt, i - 2, cls, 1);
		ok = r == (long)i;
	}
	dt->m = m, dt->mpfx = p;
	return ok;
}

/* ---- the expression under construction ---- */

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

/* The year for month m (and day d, 0 for none) by modifier mod (-1 the
 * last, 0 this, 1 the next, 9 none: the nearest to the reference). */
static int
pick_year(const struct ar_date *dt, int m, int d, int mod)
{
	const struct dref *ref = &dt->ref;

	if (!ref->ok)
		return -1;
	int a = m * 32 + d, r = ref->m * 32 + (d ? ref->d : 0);
	switch (mod) {
	case 0: return ref->y;
	case -1: return a < r ? ref->y : ref->y - 1;
	case 1: return a > r ? ref->y : ref->y + 1;
	}
	int best = ref->y;
	long bd = -1;
	for (int y = ref->y - 1; y <= ref->y + 1; y++) {
		int dd = d ? (d > ar_days_in_month(y, m) ? ar_days_in_month(y, m) : d) : 15;
		long dist = ar_days_from_civil(y, m, dd) - ref->days;
		if (dist < 0)
			dist = -dist;
		if (bd < 0 || dist < bd)
			bd = dist, best = y;
	}
	return best;
}

/* the month mod months from the reference's */
static void
ref_month(const struct ar_date *dt, int mod, int *y, int *m)
{
	int mm = dt->ref.m + mod, yy = dt->ref.y;

	if (mm < 1)
		mm += 12, yy--;
	if (mm > 12)
		mm -= 12, yy++;
	*y = yy, *m = mm;
}

static void
ival_days(struct st *s, long a, long b)
{
	int y1, m1, d1, y2, m2, d2;

	ar_civil_from_days(a, &y1, &m1, &d1);
	ar_civil_from_days(b, &y2, &m2, &d2);
	snprintf(s->ival, sizeof s->ival, "%04d-%02d-%02d/%04d-%02d-%02d",
	    y1, m1, d1, y2, m2, d2);
}

/* a Hijri day, month (hd 0) or year (hm 0) */
static void
hijri_set(struct st *s, int hy, int hm, int hd)
{
	long a, b;

	if (hd > 0) {
		snprintf(s->hij, sizeof s->hij, "%04d-%02d-%02d", hy, hm, hd);
		set_day(s, ar_hijri_days(hy, hm, hd));
		return;
	}
	if (hm > 0) {
		snprintf(s->hij, sizeof s->hij, "%04d-%02d", hy, hm);
		a = ar_hijri_days(hy, hm, 1);
		b = a + ar_hijri_month_len(hy, hm) - 1;
	} else {
		snprintf(s->hij, sizeof s->hij, "%04d", hy);
		a = ar_hijri_days(hy, 1, 1);
		b = ar_hijri_days(hy + 1, 1, 1) - 1;
	}
	ival_days(s, a, b);
	s->gran = G_MONTH;
	s->hasdate = 1;
}

/* ---- components ---- */

/* HH:MM or HH:MM:SS (the seconds are read over) */
static long
c_clocknum(const struct ar_date *dt, size_t i, int *H, int *Mi)
{
	const struct tok *T = dt->tok;

	if (!isnum(dt, i, 1, 2) || T[i].num > 24 || !adj(dt, i) || !ispunct_at(dt, i + 1, ":")
	    || !adj(dt, i + 1) || !isnum(dt, i + 2, 2, 2) || T[i + 2].num > 59)
		return -1;
	size_t j = i + 3;
	if (adj(dt, i + 2) && ispunct_at(dt, j, ":") && adj(dt, j) && isnum(dt, j + 1, 2, 2))
		j += 2;
	if (touches_prev(dt, j) && (T[j].type == T_NUM || ispunct_at(dt, j, ":")))
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

/* a clock time: [الساعة] HH:MM, or a bare hour or an hour word with a part
 * of the day after it (or الساعة before it) */
static long
c_clock(struct ar_date *dt, size_t i, struct st *s)
{
	const struct tok *T = dt->tok;
	size_t j = i;
	int saa = 0, H, Mi = 0;
	long r;

	if ((r = lx(dt, j, L_SAA, 1)) > 0)
		saa = 1, j = (size_t)r;
	if ((r = c_clocknum(dt, j, &H, &Mi)) > 0) {
		j = (size_t)r;
	} else if (isnum(dt, j, 1, 2) && T[j].num <= 24) {
		/* the 1 of a score "3-1 مساء السبت" is no hour */
		if (!saa && j >= 2 && T[j - 1].type == T_PUNCT && T[j - 1].b1 == T[j].b0
		    && T[j - 2].type == T_NUM && T[j - 2].b1 == T[j - 1].b0)
			return -1;
		H = T[j].num;
		j++;
		if (!saa && lx(dt, j, L_POD, 0) < 0)
			return -1;
	} else if ((r = lx(dt, j, L_HOUR, saa ? 0 : 1)) > 0) {
		H = dt->m->val;
		j = (size_t)r;
		if ((r = lx(dt, j, L_FRAC, 0)) > 0) {
			Mi = dt->m->val;
			j = (size_t)r;
			if (Mi < 0) {           /* إلا ربع: before the hour */
				Mi += 60;
				H = H == 0 ? 23 : H - 1;
			}
		} else if (!saa && lx(dt, j, L_POD, 0) < 0) {
			return -1;
		}
	} else {
		return -1;
	}
	if (j < dt->ntok && T[j].type == T_WORD && T[j].ascii && T[j].nl == 1
	    && dt->folded.s[T[j].n0] == 'z' && T[j - 1].b1 == T[j].b0) {
		strcpy(s->tz, "UTC");
		s->haszone = 1;
		j++;
	}
	s->H = H, s->M = Mi;
	s->hasclock = 1;
	return (long)j;
}

/* a zone: بتوقيت X (a known zone, else the word as written), or a known
 * Latin zone name alone */
static long
c_zone(struct ar_date *dt, size_t i, struct st *s)
{
	const struct tok *T = dt->tok;
	long r;

	if ((r = lx(dt, i, L_ZONEIN, 1)) > 0) {
		size_t j = (size_t)r;
		if ((r = lx(dt, j, L_ZONE, 0)) > 0) {
			snprintf(s->tz, sizeof s->tz, "%s", dt->m->str);
			return r;
		}
		if (j < dt->ntok && T[j].type == T_WORD) {
			size_t n = T[j].b1 - T[j].b0;
			if (n >= sizeof s->tz)
				n = sizeof s->tz - 1;
			memcpy(s->tz, dt->line + T[j].b0, n);
			s->tz[n] = 0;
			/* do not cut a character */
			while (n && ((unsigned char)s->tz[n - 1] & 0xC0) == 0x80 && n == sizeof s->tz - 1)
				s->tz[--n] = 0;
			return (long)j + 1;
		}
		return -1;
	}
	if (T[i].type == T_WORD && T[i].ascii && (r = lx(dt, i, L_ZONE, 0)) > 0) {
		snprintf(s->tz, sizeof s->tz, "%s", dt->m->str);
		return r;
	}
	return -1;
}

/* a month name, with its partner (مايو/أيار, آذار (مارس), تشرين نوفمبر) */
struct month { int mo, cal, amb, partner, ascii; };

static long
c_month(struct ar_date *dt, size_t i, struct month *mn)
{
	long r = lx(dt, i, L_MONTH, 1), r2;

	if (r < 0)
		return -1;
	const struct ar_lexent *m1 = dt->m;
	mn->mo = m1->val, mn->cal = month_cal(m1), mn->amb = month_amb(m1), mn->partner = 0;
	mn->ascii = dt->tok[i].ascii;
	size_t j = (size_t)r;
	if (ispunct_at(dt, j, "/-") && (r2 = lx(dt, j + 1, L_MONTH, 0)) > 0
	    && month_cal(dt->m) == mn->cal) {
		j = (size_t)r2;
	} else if (ispunct_at(dt, j, "(") && (r2 = lx(dt, j + 1, L_MONTH, 0)) > 0
	    && month_cal(dt->m) == mn->cal && ispunct_at(dt, (size_t)r2, ")")) {
		j = (size_t)r2 + 1;
	} else if ((r2 = lx(dt, j, L_MONTH, 0)) > 0 && month_cal(dt->m) == mn->cal && dt->m->val
	    && (!mn->mo || dt->m->val == mn->mo || m1->val == 0)) {
		j = (size_t)r2;
	} else {
		r2 = -1;
	}
	if (r2 > 0) {
		mn->partner = dt->m->val ? dt->m->val : 1;
		if (!mn->mo)
			mn->mo = dt->m->val;
	}
	dt->m = m1;
	if (!mn->mo)
		return -1;
	return (long)j;
}

/* a year number (600..2200), with the Gregorian or Hijri marker after it */
static long
c_yearnum(struct ar_date *dt, size_t j, int *y, int *hij)
{
	long r;

	*hij = 0;
	if (!isnum(dt, j, 3, 4) || dt->tok[j].num < 600 || dt->tok[j].num > 2200)
		return -1;
	*y = dt->tok[j].num;
	j++;
	if ((r = lx(dt, j, L_MARKG, 0)) > 0)
		j = (size_t)r;
	else if ((r = lx(dt, j, L_MARKH, 0)) > 0)
		j = (size_t)r, *hij = 1;
	return (long)j;
}

/* a numeric date: Y-M-D or D/M/Y (one separator, / - or .), with the
 * clock of an ISO timestamp after it (T or @) */
static long
c_numdate(struct ar_date *dt, size_t i, struct st *s)
{
	const struct tok *T = dt->tok;

	if (!isnum(dt, i, 1, 4) || i + 4 >= dt->ntok || !adj(dt, i) || !adj(dt, i + 1)
	    || !adj(dt, i + 2) || !adj(dt, i + 3))
		return -1;
	if (!ispunct_at(dt, i + 1, "/-.") || T[i + 3].type != T_PUNCT
	    || T[i + 3].num != T[i + 1].num || !isnum(dt, i + 2, 1, 2))
		return -1;
	int y, m, d;
	if (T[i].nd == 4 && isnum(dt, i + 4, 1, 2))
		y = T[i].num, m = T[i + 2].num, d = T[i + 4].num;
	else if (T[i].nd <= 2 && isnum(dt, i + 4, 4, 4))
		d = T[i].num, m = T[i + 2].num, y = T[i + 4].num;
	else
		return -1;
	if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > ar_days_in_month(y, m))
		return -1;
	size_t j = i + 5;
	if (touches_prev(dt, j) && (T[j].type == T_NUM
	    || (ispunct_at(dt, j, "/-.") && isnum(dt, j + 1, 1, 9) && adj(dt, j))))
		return -1;
	set_day(s, ar_days_from_civil(y, m, d));
	s->yexp = 1;
	/* 2023-09-20T14:35:00Z, 2025-05-14@15:13:12 */
	if (j + 1 < dt->ntok && touches_prev(dt, j) && adj(dt, j)
	    && ((T[j].type == T_WORD && T[j].ascii && T[j].nl == 1
	    && dt->folded.s[T[j].n0] == 't') || ispunct_at(dt, j, "@"))) {
		long r = c_clock(dt, j + 1, s);
		if (r > 0)
			j = (size_t)r;
	}
	return (long)j;
}

static int future_context(struct ar_date *dt, long wt);

/* ---- the date rules: one per form, tried in order by c_date ---- */

/* What the rules share: where the expression starts (i), where it goes
 * on after a position word (j: أواخر, مطلع...), and whether there was one;
 * the day read at j, once, for the rules that start with one. */
struct at {
	size_t i, j;
	int pm;
	int day_read;           /* 0, or 1 + what day_of returned */
	size_t day_end;         /* the token after the day */
	int dd, d2;             /* the day and the end of a range of days, 0 none */
};
enum { RULE_NEXT = -1, RULE_FAIL = -2 };       /* try the next rule; no date here */

/* هذا العام, الأسبوع الماضي, مطلع العام الجاري */
static long
r_period(struct ar_date *dt, struct at *a, struct st *t)
{
	size_t j = a->j, k;
	long r;
	int th = 0, mod;

	if ((r = lx(dt, j, L_THIS, 1)) > 0)
		th = 1, j = (size_t)r;
	if ((r = lx(dt, j, L_PERIOD, th || a->pm ? 0 : 1)) < 0)
		return RULE_NEXT;
	int unit = dt->m->str[0];
	k = (size_t)r;
	if (lx(dt, k, L_RMOD, 0) > 0)
		mod = dt->m->val, k++;
	else if (th || (a->pm && unit == 'Y'))
		mod = 0;
	else
		return RULE_NEXT;
	if (th && mod != 0)
		return RULE_NEXT;
	if (unit == 'W') {
		t->gran = G_WEEK;
		if (dt->ref.ok)
			ar_isoweek(dt->ref.days + 7L * mod, &t->y, &t->w);
	} else if (unit == 'M') {
		t->gran = G_MONTH;
		if (dt->ref.ok)
			ref_month(dt, mod, &t->y, &t->m);
	} else {
		t->gran = G_YEAR;
		if (dt->ref.ok)
			t->y = dt->ref.y + mod;
	}
	t->hasdate = 1;
	return (long)k;
}

/* الثمانينيات, تسعينيات القرن الماضي */
static long
r_decade(struct ar_date *dt, struct at *a, struct st *t)
{
	long r = lx(dt, a->j, L_DECADE, 1);

	if (r < 0)
		return RULE_NEXT;
	t->y = dt->m->val;
	t->gran = G_DEC;
	size_t k = (size_t)r;
	if ((r = lx(dt, k, L_CENTURY, 0)) > 0)
		k = (size_t)r;
	t->hasdate = 1;
	return (long)k;
}

/* عام 2020, سنة 1445 هـ, عامي 2020 و2022 */
static long
r_year_word(struct ar_date *dt, struct at *a, struct st *t)
{
	long r = lx(dt, a->j, L_YEARW, 1);
	int y, h;

	if (r < 0)
		return RULE_NEXT;
	int dual = dt->m->val == 2;
	size_t k = (size_t)r;
	if ((r = c_yearnum(dt, k, &y, &h)) < 0 || !(h || y >= 1000))
		return a->pm ? RULE_NEXT : RULE_FAIL;
	k = (size_t)r;
	if (dual) {
		int y2, h2;
		size_t q = k;
		if (is_letter_word(dt, q, WAW))
			q++;
		if ((r = c_yearnum(dt, q, &y2, &h2)) > 0 && y2 > y) {
			snprintf(t->ival, sizeof t->ival, "%04d/%04d", y, y2);
			t->gran = G_YEAR, t->hasdate = 1, t->yexp = 1;
			return r;
		}
		return RULE_FAIL;
	}
	if (h)
		hijri_set(t, y, 0, 0);
	else
		t->y = y, t->gran = G_YEAR, t->hasdate = 1;
	t->yexp = 1;
	return (long)k;
}

/* 1445هـ, 2020م, في 2020, أواخر 2020: a bare number is a year only with
 * a marker, after a preposition or a position word, and not before a
 * month or a unit */
static long
r_bare_year(struct ar_date *dt, struct at *a, struct st *t)
{
	size_t j = a->j;
	int y, h;

	if (!isnum(dt, j, 3, 4))
		return RULE_NEXT;
	long r = c_yearnum(dt, j, &y, &h);
	if (r < 0)
		return RULE_NEXT;
	if (!(h || (size_t)r > j + 1 || ((a->pm || prev_is(dt, j, L_YPREP))
	    && y >= 1800 && y <= 2100 && lx(dt, (size_t)r, L_MONTH, 1) < 0
	    && lx(dt, (size_t)r, L_UNIT, 1) < 0 && !touches_prev(dt, (size_t)r))))
		return RULE_NEXT;
	if (h)
		hijri_set(t, y, 0, 0);
	else
		t->y = y, t->gran = G_YEAR, t->hasdate = 1;
	t->yexp = 1;
	return r;
}

/* صيف 2021, شتاء هذا العام */
static long
r_season(struct ar_date *dt, struct at *a, struct st *t)
{
	long r = lx(dt, a->j, L_SEASON, 1);
	int y, h;

	if (r < 0)
		return RULE_NEXT;
	const char *season = dt->m->str;
	size_t k = (size_t)r;
	if ((r = lx(dt, k, L_YEARW, 0)) > 0 && dt->m->val == 0)
		k = (size_t)r;
	if ((r = c_yearnum(dt, k, &y, &h)) > 0 && !h && dt->tok[k].nd == 4) {
		snprintf(t->ival, sizeof t->ival, "%04d-%s", y, season);
		t->y = y, t->gran = G_YEAR, t->hasdate = 1, t->yexp = 1;
		return r;
	}
	if ((r = lx(dt, k, L_THIS, 0)) > 0 && (r = lx(dt, (size_t)r, L_PERIOD, 0)) > 0
	    && dt->m->str[0] == 'Y') {
		if (dt->ref.ok)
			snprintf(t->ival, sizeof t->ival, "%04d-%s", dt->ref.y, season);
		else
			snprintf(t->ival, sizeof t->ival, "XXXX-%s", season);
		t->gran = G_YEAR, t->hasdate = 1;
		return r;
	}
	return RULE_NEXT;
}

/* The day of a date: an ordinal word (التاسع من, الحادي والعشرين من) or a
 * number (15, 4-6, 29th,) with من after it when written. Sets *k past it,
 * *dd (0: no day) and *d2 (the end of a range of days); RULE_FAIL when the
 * words can start no date. */
static int
day_of(struct ar_date *dt, size_t *kp, int *dd, int *d2)
{
	const struct tok *T = dt->tok;
	size_t k = *kp;
	long r;

	*dd = *d2 = 0;
	if ((r = lx(dt, k, L_ORD, 1)) > 0) {
		int v = dt->m->val;
		int one = dt->m->wl[0] == strlen("الحادي") && !memcmp(dt->m->w[0], "الحادي", dt->m->wl[0]);
		k = (size_t)r;
		if (v < 10 && (r = lx(dt, k, L_TEEN, 0)) > 0) {
			v += 10, k = (size_t)r;
		} else if (v < 10 && k < dt->ntok && T[k].wa && T[k].e[1]) {
			int tens = -1;          /* والعشرين: the tens after و */
			for (const struct ar_lexent *e = T[k].e[1]; e; e = e->next)
				if (e->cls == L_ORD && e->val >= 20)
					tens = e->val;
			if (tens > 0)
				v += tens, k++;
			else if (one)
				return RULE_FAIL;
		} else if (one) {
			return RULE_FAIL;       /* الحادي only in 11, 21, 31 */
		}
		if (v > 31 || lx(dt, k, L_FROM, 0) < 0 || dt->m->val != 0)
			return RULE_FAIL;
		*kp = k + 1;
		*dd = v;
		return 0;
	}
	if (isnum(dt, k, 1, 2) && T[k].num >= 1 && T[k].num <= 31
	    && !(k > 0 && T[k - 1].b1 == T[k].b0 && T[k - 1].type == T_PUNCT
	    && (T[k - 1].num == '.' || T[k - 1].num == ',' || T[k - 1].num == ':'))) {
		*dd = T[k].num;
		k++;
		if (ispunct_at(dt, k, "-") && isnum(dt, k + 1, 1, 2) && T[k + 1].num > *dd
		    && T[k + 1].num <= 31) {
			*d2 = T[k + 1].num;
			k += 2;
		}
		if (touches_prev(dt, k) && (r = lx(dt, k, L_ORDSUF, 0)) > 0)
			k = (size_t)r;
		if (ispunct_at(dt, k, ","))
			k++;
		if (lx(dt, k, L_FROM, 0) > 0 && dt->m->val == 0)
			k++;
	}
	*kp = k;
	return 0;
}

/* the day at a->j, read by the first rule that asks */
static int
day_at(struct ar_date *dt, struct at *a)
{
	if (!a->day_read) {
		a->day_end = a->j;
		a->day_read = 1 + day_of(dt, &a->day_end, &a->dd, &a->d2);
	}
	return a->day_read - 1;
}

/* a date with a month name, as read before it is resolved */
struct dmy {
	int dd, d2;             /* the day, the end of a range of days; 0 none */
	int shahr;              /* شهر before the month */
	struct month mn;
	int y;                  /* the year written, or -1 */
	int mod;                /* -1 last, 0 this, 1 next, 9 none */
};

/* the year of a Hijri month written without one: the nearest, or by mod */
static int
hijri_year_near(const struct ar_date *dt, int mo, int dd, int mod)
{
	int hy = ar_hijri_year_of(dt->ref.days), best = hy;
	long bd = -1;

	for (int c = hy - 1; c <= hy + 1; c++) {
		long x = ar_hijri_days(c, mo, dd ? dd : 15) - dt->ref.days;
		if (mod == -1 && x >= 0) continue;
		if (mod == 1 && x <= 0) continue;
		if (x < 0) x = -x;
		if (bd < 0 || x < bd) bd = x, best = c;
	}
	return best;
}

static long
resolve_hijri(struct ar_date *dt, struct dmy *p, long k, struct st *t)
{
	int y = p->y, mo = p->mn.mo;

	if (y < 0) {
		if (!dt->ref.ok)
			return RULE_FAIL;
		y = hijri_year_near(dt, mo, p->dd, p->mod);
	} else {
		t->yexp = 1;
	}
	if (p->dd > 30)
		return RULE_FAIL;
	hijri_set(t, y, mo, p->dd);
	if (p->d2)
		ival_days(t, t->days, ar_hijri_days(y, mo, p->d2));
	return k;
}

static long
resolve_gregorian(struct ar_date *dt, struct dmy *p, size_t i, long k, struct st *t)
{
	int y = p->y, mo = p->mn.mo, dd = p->dd;

	if (y >= 0)
		t->yexp = 1;
	else if (!dd && p->mod == 9 && dt->ref.ok)
		y = mo == dt->ref.m ? dt->ref.y
		    : pick_year(dt, mo, 0, future_context(dt, (long)i) ? 1 : -1);
	else
		y = pick_year(dt, mo, dd, p->mod);
	if (!dd) {
		t->gran = G_MONTH, t->y = y, t->m = mo, t->hasdate = 1;
		return k;
	}
	if (dd > ar_days_in_month(y < 0 ? 2000 : y, mo))
		return RULE_FAIL;
	if (y < 0)
		t->gran = G_DAY, t->m = mo, t->d = dd, t->hasdate = 1;
	else
		set_day(t, ar_days_from_civil(y, mo, dd));
	if (p->d2) {
		char ys[16];
		if (y < 0)
			snprintf(ys, sizeof ys, "XXXX");
		else
			snprintf(ys, sizeof ys, "%04d", y);
		snprintf(t->ival, sizeof t->ival, "%s-%02d-%02d/%s-%02d-%02d",
		    ys, mo, dd, ys, mo, p->d2);
	}
	return k;
}

/* What follows the month: the day of "September 29", the year, a
 * modifier (الماضي), the Hijri blessing (المبارك). Returns the end. */
static size_t
after_month(struct ar_date *dt, size_t k, struct dmy *p)
{
	long r;

	if (!p->dd && p->mn.ascii && isnum(dt, k, 1, 2) && dt->tok[k].num >= 1
	    && dt->tok[k].num <= 31) {
		p->dd = dt->tok[k].num;
		k++;
		if (touches_prev(dt, k) && (r = lx(dt, k, L_ORDSUF, 0)) > 0)
			k = (size_t)r;
		if (ispunct_at(dt, k, ","))
			k++;
	}
	size_t q = k;
	int yy, hh;
	if (ispunct_at(dt, q, ","))
		q++;
	if ((r = lx(dt, q, L_YEARW, 0)) > 0 && dt->m->val == 0)
		q = (size_t)r;
	if ((r = c_yearnum(dt, q, &yy, &hh)) > 0 && (dt->tok[q].nd == 4 || hh)) {
		p->y = yy;
		k = (size_t)r;
	}
	if (p->y < 0 && (r = lx(dt, k, L_RMOD, 0)) > 0) {
		p->mod = dt->m->val;
		k = (size_t)r;
	}
	if (p->mn.cal == 'h' && (r = lx(dt, k, L_BLESSED, 0)) > 0)
		k = (size_t)r;
	return k;
}

/* التاسع من أكتوبر, 15 مايو/أيار الجاري, شهر رمضان المبارك, 10 تشرين
 * نوفمبر 2020, September 29, 2023 */
static long
r_day_month(struct ar_date *dt, struct at *a, struct st *t)
{
	const struct tok *T = dt->tok;
	struct dmy p = { .y = -1, .mod = 9 };
	long r;

	if (day_at(dt, a) < 0)
		return RULE_FAIL;
	size_t k = a->day_end;
	p.dd = a->dd, p.d2 = a->d2;
	if (a->pm && p.dd)
		return RULE_FAIL;
	if (!p.dd && (r = lx(dt, k, L_MONTHW, 1)) > 0)
		p.shahr = 1, k = (size_t)r;
	if ((r = c_month(dt, k, &p.mn)) < 0)
		return RULE_NEXT;
	/* a month after a name word or a number is no date: شارع 26 يوليو */
	if (!p.dd && !p.shahr && !a->pm && k == a->j && a->i > 0
	    && (prev_is(dt, a->i, L_NEGPREV) || T[a->i - 1].type == T_NUM))
		return RULE_FAIL;
	if (p.dd && T[a->j].type == T_NUM && prev_is(dt, a->j, L_NEGPREV))
		return RULE_FAIL;
	k = after_month(dt, (size_t)r, &p);
	if (p.mn.amb && !p.dd && p.y < 0 && p.mod == 9 && !p.shahr && !p.mn.partner)
		return RULE_FAIL;
	if (p.mn.cal == 'h' && !p.dd && p.y < 0 && !p.shahr && p.mod == 9)
		return RULE_FAIL;
	if (p.mn.cal == 'h')
		return resolve_hijri(dt, &p, (long)k, t);
	return resolve_gregorian(dt, &p, a->i, (long)k, t);
}

/* العاشر من الشهر الجاري: a day of a month named by its modifier */
static long
r_day_of_month(struct ar_date *dt, struct at *a, struct st *t)
{
	long r;

	if (a->pm || day_at(dt, a) < 0 || !a->dd || a->d2)
		return RULE_FAIL;
	size_t k = a->day_end;
	int dd = a->dd;
	if ((r = lx(dt, k, L_PERIOD, 0)) < 0 || dt->m->str[0] != 'M'
	    || lx(dt, (size_t)r, L_RMOD, 0) < 0)
		return RULE_FAIL;
	int mod = dt->m->val, yy, mm;
	if (!dt->ref.ok) {
		t->gran = G_DAY, t->d = dd, t->hasdate = 1;
	} else {
		ref_month(dt, mod, &yy, &mm);
		if (dd > ar_days_in_month(yy, mm))
			return RULE_FAIL;
		set_day(t, ar_days_from_civil(yy, mm, dd));
	}
	return r + 1;
}

typedef long (*date_rule_fn)(struct ar_date *, struct at *, struct st *);
static const struct date_rule { const char *name; date_rule_fn fn; } date_rules[] = {
	{ "period", r_period },
	{ "decade", r_decade },
	{ "year-word", r_year_word },
	{ "bare-year", r_bare_year },
	{ "season", r_season },
	{ "day-month", r_day_month },
	{ "day-of-month", r_day_of_month },
};

/* A date at token i: after an optional position word, the first rule that
 * reads one; RULE_FAIL from a rule ends the search. A rule writes into s
 * only when it reads a date (or just before it fails), so the rules share
 * s; on -1 the caller throws s away. */
static long
c_date(struct ar_date *dt, size_t i, struct st *s)
{
	struct at a = { .i = i, .j = i };
	long r;

	if ((r = lx(dt, i, L_PMOD, 1)) > 0)
		a.pm = 1, a.j = (size_t)r;
	for (size_t k = 0; k < sizeof date_rules / sizeof date_rules[0]; k++) {
		r = date_rules[k].fn(dt, &a, s);
		if (r > 0)
			return r;
		if (r == RULE_FAIL)
			return -1;
	}
	return -1;
}

/* a relative day: أمس, اليوم (not روسيا اليوم, not اليوم العالمي), غدا */
static long
c_rel(struct ar_date *dt, size_t i, struct st *s)
{
	long r = lx(dt, i, L_REL, 1);

	if (r < 0)
		return -1;
	int v = dt->m->val;
	if (v == 0 && dt->m->nw == 1 && dt->m->wl[0] == strlen("اليوم")
	    && !memcmp(dt->m->w[0], "اليوم", dt->m->wl[0])) {
		const struct ar_lexent *m = dt->m;
		int wdnext = lx(dt, (size_t)r, L_WDAY, 0) > 0;
		if (!wdnext && lx(dt, (size_t)r, L_NEGTODAYNEXT, 0) > 0)
			return -1;
		if (!wdnext && prev_is(dt, i, L_NEGTODAYPREV))
			return -1;
		dt->m = m;
	}
	s->hasrel = 1;
	if (dt->ref.ok)
		set_day(s, dt->ref.days + v);
	else
		s->gran = G_DAY, s->hasdate = 1;
	return r;
}

/* a weekday, with its modifier (الخميس المقبل) */
static long
c_wday(struct ar_date *dt, size_t i, struct st *s)
{
	long r = lx(dt, i, L_WDAY, 1);

	if (r < 0)
		return -1;
	int wd = dt->m->val;
	if (prev_is(dt, i, L_NEGWDAYPREV))
		return -1;
	s->wd = wd;
	s->wdtok = (long)i;
	if (lx(dt, (size_t)r, L_RMOD, 0) > 0) {
		s->wdmod = dt->m->val;
		r++;
	}
	return r;
}

static long
c_pod(struct ar_date *dt, size_t i, struct st *s)
{
	long r = lx(dt, i, L_POD, 1);

	if (r < 0)
		return -1;
	s->pod = dt->m->str[0];
	return r;
}

/* ---- whole expressions ---- */

/* Does the sentence before token wt speak of the future (a future marker,
 * or سـ + a present-tense prefix: سيعقد, ستجري, سنبلغ)? */
static int
future_context(struct ar_date *dt, long wt)
{
	int n = 0;

	for (long j = wt - 1; j >= 0 && n < 20; j--, n++) {
		const struct tok *t = &dt->tok[j];
		if (t->type == T_PUNCT) {
			if (t->num == '.' || t->num == '!' || t->num == '?' || t->num == 0x061F)
				break;
			continue;
		}
		if (t->type != T_WORD)
			continue;
		if (lx(dt, (size_t)j, L_FUT, 1) > 0)
			return 1;
		const char *w = dt->folded.s + t->n0;
		size_t l = t->nl;
		size_t o = (t->pfx[1] && l > 2) ? AR_LETTER_LEN : 0;
		if (l - o >= 4 * AR_LETTER_LEN && starts(w + o, SEEN)
		    && (starts(w + o + 2, YEH) || starts(w + o + 2, NOON)
		    || starts(w + o + 2, TEH) || starts(w + o + 2, ALEF))
		    && lx(dt, (size_t)j, L_NOTFUT, 1) < 0)
			return 1;
	}
	return 0;
}

/* The components a chain is made of, tried in this order at each step;
 * each may be tried only when what the chain holds so far allows it (s is
 * the chain, punct: a mark joined this step). */
struct chain_step {
	const char *name;
	int (*may)(const struct ar_date *dt, size_t j, const struct st *s, int punct);
	long (*fn)(struct ar_date *dt, size_t j, struct st *t);
};

static int
may_numdate(const struct ar_date *dt, size_t j, const struct st *s, int punct)
{
	(void)punct;
	return !s->hasdate && !s->hasrel && dt->tok[j].type == T_NUM;
}
static int
may_clock(const struct ar_date *dt, size_t j, const struct st *s, int punct)
{
	(void)dt, (void)j, (void)punct;
	return !s->hasclock;
}
static int
may_date(const struct ar_date *dt, size_t j, const struct st *s, int punct)
{
	(void)dt, (void)j, (void)punct;
	return !s->hasdate && !s->hasrel;
}
static int
may_rel(const struct ar_date *dt, size_t j, const struct st *s, int punct)
{
	(void)dt, (void)j;
	return !s->hasdate && !s->hasrel && !punct;
}
static int
may_wday(const struct ar_date *dt, size_t j, const struct st *s, int punct)
{
	(void)dt, (void)j;
	return !s->wd && (!s->hasdate || s->hasrel) && !punct;
}
static int
may_pod(const struct ar_date *dt, size_t j, const struct st *s, int punct)
{
	(void)dt, (void)j;
	return !s->pod && !punct;
}
static int
may_zone(const struct ar_date *dt, size_t j, const struct st *s, int punct)
{
	(void)dt, (void)j, (void)punct;
	return !s->haszone && (s->hasclock || (s->hasdate && s->gran == G_DAY));
}

/* a date in a chain: a coarse one (a month, a year) does not join a time,
 * a part of the day or a weekday */
static long
c_date_in_chain(struct ar_date *dt, size_t j, struct st *t)
{
	struct st d = *t;
	long r = c_date(dt, j, &d);

	if (r < 0 || (d.gran != G_DAY && (t->hasclock || t->pod || t->wd)))
		return -1;
	*t = d;
	return r;
}

static long
c_zone_in_chain(struct ar_date *dt, size_t j, struct st *t)
{
	long r = c_zone(dt, j, t);

	if (r > 0)
		t->haszone = 1;
	return r;
}

static const struct chain_step chain_steps[] = {
	{ "numdate", may_numdate, c_numdate },
	{ "clock", may_clock, c_clock },
	{ "date", may_date, c_date_in_chain },
	{ "rel", may_rel, c_rel },
	{ "wday", may_wday, c_wday },
	{ "pod", may_pod, c_pod },
	{ "zone", may_zone, c_zone_in_chain },
};

/* the words and marks that may join two components: يوم, الموافق, , - */
static size_t
chain_joins(struct ar_date *dt, size_t j, int started)
{
	int joins = 0;
	long r;

	while (j < dt->ntok && joins < 3) {
		if ((r = lx(dt, j, L_YOM, 1)) > 0 || (started && (r = lx(dt, j, L_JOIN, 1)) > 0)) {
			j = (size_t)r, joins++;
			continue;
		}
		if (started && ispunct_at(dt, j, ",-")) {
			j++, joins++;
			continue;
		}
		break;
	}
	return j;
}

/* A chain of components from token i: يوم الخميس 15 مايو الجاري الساعة
 * 10 صباحا بتوقيت مكة. Returns its end, *first its first token. */
static long
chain(struct ar_date *dt, size_t i, struct st *s, size_t *first)
{
	size_t j = i;
	int started = 0;

	st_init(s);
	*first = i;
	for (;;) {
		if (s->hasdate && s->gran != G_DAY)
			break;          /* nothing joins a coarse date */
		size_t jj = chain_joins(dt, j, started);
		int punct = jj > j && dt->tok[jj - 1].type == T_PUNCT;
		struct st t = *s;
		long r = -1;
		for (size_t k = 0; r < 0 && k < sizeof chain_steps / sizeof chain_steps[0]; k++)
			if (jj < dt->ntok && chain_steps[k].may(dt, jj, s, punct))
				r = chain_steps[k].fn(dt, jj, &t);
		if (r < 0)
			break;
		if (!started && !(jj > i && lx(dt, i, L_YOM, 1) > 0))
			*first = jj;
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

static void
fmt_value(const struct st *s, char *out, size_t cap)
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

/* a bare weekday: this week's with الحالي, the next one in a sentence
 * about the future or with المقبل, else the latest one */
static void
resolve_weekday(struct ar_date *dt, struct st *s)
{
	if (!dt->ref.ok) {
		s->gran = G_DAY;
		return;
	}
	long ref = dt->ref.days;
	int wr = ar_weekday(ref);
	int fut = s->wdmod == 1 || (s->wdmod == 9 && future_context(dt, s->wdtok));
	if (s->wdmod == 0) {
		set_day(s, ref + (s->wd - wr));
	} else if (fut) {
		int delta = (s->wd - wr + 7) % 7;
		set_day(s, ref + (delta ? delta : 7));
	} else {
		/* a bare weekday in a report is the latest such day, the
		 * publication day itself included ("أغلق مساء الأربعاء" in
		 * Wednesday's paper); الماضي is strictly before it */
		int delta = (wr - s->wd + 7) % 7;
		if (delta == 0 && s->wdmod != 9)
			delta = 7;
		set_day(s, ref - delta);
	}
}

static void
finish(struct ar_date *dt, struct st *s)
{
	if (s->wd && !s->hasdate && !s->hasrel)
		resolve_weekday(dt, s);
	if (s->hasclock) {
		if (s->pod)
			s->H = apply_pod(s->H, s->pod);
		if (!s->hasdate && !s->hasrel) {
			if (dt->ref.ok)
				set_day(s, dt->ref.days);
			else
				s->gran = G_DAY;
		}
	}
	if (s->gran == G_NONE)
		s->gran = G_DAY;
	s->type = s->hasclock ? "time" : "date";
}

static struct ar_date_expr *
newexpr(struct ar_date *dt, size_t t0, size_t t1, int pfx, const char *type)
{
	if (dt->nx == dt->capx) {
		dt->capx = dt->capx ? dt->capx * 2 : 16;
		dt->x = ar_realloc(dt->x, dt->capx * sizeof *dt->x);
		dt->xs = ar_realloc(dt->xs, dt->capx * sizeof *dt->xs);
	}
	dt->xs[dt->nx].t0 = t0, dt->xs[dt->nx].t1 = t1, dt->xs[dt->nx].pfx = pfx;
	struct ar_date_expr *e = &dt->x[dt->nx++];
	memset(e, 0, sizeof *e);
	e->type = type;
	e->ref = dt->ref_set;
	return e;
}

static void
add_st(struct ar_date *dt, size_t t0, size_t t1, int pfx, const struct st *s)
{
	struct ar_date_expr *e = newexpr(dt, t0, t1, pfx, s->type);

	fmt_value(s, e->value, sizeof e->value);
	snprintf(e->tz, sizeof e->tz, "%s", s->tz);
	snprintf(e->hijri, sizeof e->hijri, "%s", s->hij);
}

static struct ar_date_expr *
add_val(struct ar_date *dt, size_t t0, size_t t1, int pfx, const char *type,
    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static struct ar_date_expr *
add_val(struct ar_date *dt, size_t t0, size_t t1, int pfx, const char *type,
    const char *fmt, ...)
{
	struct ar_date_expr *e = newexpr(dt, t0, t1, pfx, type);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e->value, sizeof e->value, fmt, ap);
	va_end(ap);
	return e;
}

/* P3D, PT2H, P20Y (a decade is ten years); n < 0: an unknown few */
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

/* the unit code of an entry ("D", "MI", "W:2" for a dual) */
static void
unit_code(const char *sv, char unit[4])
{
	memset(unit, 0, 4);
	for (int q = 0; q < 3 && sv[q] && sv[q] != ':'; q++)
		unit[q] = sv[q];
}

/* a duration: 3 أيام, ثلاثة أسابيع, يومين, نصف ساعة */
static long
p_duration(struct ar_date *dt, size_t i)
{
	long r;
	int n = -2, half = 0;
	size_t j = i;

	if (isnum(dt, i, 1, 6)) {
		n = dt->tok[i].num;
		j++;
	} else if ((r = lx(dt, i, L_NUM, 1)) > 0) {
		n = dt->m->val == -1000 ? -1 : dt->m->val;
		j = (size_t)r;
	} else if ((r = lx(dt, i, L_HALF, 1)) > 0) {
		half = 1;
		j = (size_t)r;
	}
	if ((r = lx(dt, j, L_UNIT, j == i)) < 0)
		return -1;
	const char *u = dt->m->str;
	int dual = strchr(u, ':') != NULL;
	char unit[4];
	unit_code(u, unit);
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
	add_val(dt, i, (size_t)r, j == i ? dt->mpfx : 0, "duration", "%s", v);
	return r;
}

/* a set: يوميا, كل جمعة, كل 3 أشهر */
static long
p_set(struct ar_date *dt, size_t i)
{
	long r;

	if ((r = lx(dt, i, L_SET, 1)) > 0) {
		add_val(dt, i, (size_t)r, dt->mpfx, "set", "%s", dt->m->str);
		return r;
	}
	if ((r = lx(dt, i, L_EVERY, 1)) < 0)
		return -1;
	int pfx = dt->mpfx;
	size_t j = (size_t)r, k = j;
	if ((r = lx(dt, k, L_YOM, 0)) > 0)
		k = (size_t)r;
	if ((r = lx(dt, k, L_WDAY, 0)) > 0 || (r = lx(dt, k, L_WDAYBARE, 0)) > 0) {
		add_val(dt, i, (size_t)r, pfx, "set", "XXXX-WXX-%d", dt->m->val);
		return r;
	}
	int n = 1;
	if (isnum(dt, j, 1, 4))
		n = dt->tok[j].num, j++;
	if ((r = lx(dt, j, L_UNIT, 0)) > 0 && !strchr(dt->m->str, ':')) {
		char v[32], unit[4];
		unit_code(dt->m->str, unit);
		unit_value(v, sizeof v, unit, n);
		add_val(dt, i, (size_t)r, pfx, "set", "%s", v);
		return r;
	}
	return -1;
}

/* the end of a range's first side: a chain, or a bare day (1) or year (4)
 * that takes the rest from the second side; -1 if none */
static long
range_side(struct ar_date *dt, size_t j, struct st *a, int *bare)
{
	size_t f;
	long e = chain(dt, j, a, &f);

	*bare = 0;
	if (e < 0 || f != j) {
		const struct tok *t = &dt->tok[j];
		if (isnum(dt, j, 1, 2) && t->num >= 1 && t->num <= 31)
			*bare = 1;
		else if (isnum(dt, j, 4, 4) && t->num >= 1000 && t->num <= 2200)
			*bare = 4;
		else
			return -1;
		return (long)j + 1;
	}
	finish(dt, a);
	if (a->ival[0] || a->hasclock)
		return -1;
	return e;
}

/* a range: من 3 إلى 5 مايو, بين عامي 2020 و2022 ... */
static long
p_range(struct ar_date *dt, size_t i)
{
	long r = lx(dt, i, L_FROM, 1);
	size_t f;
	struct st a, b;
	int bare;

	if (r < 0)
		return -1;
	int pfx = dt->mpfx;
	size_t j = (size_t)r;
	long e1 = range_side(dt, j, &a, &bare);
	if (e1 < 0)
		return -1;
	size_t k = (size_t)e1;
	if ((r = lx(dt, k, L_TO, 1)) > 0)
		k = (size_t)r;
	else if (is_letter_word(dt, k, WAW))
		k++;
	else
		return -1;
	long e2 = chain(dt, k, &b, &f);
	if (e2 < 0 || f != k)
		return -1;
	finish(dt, &b);
	if (b.ival[0] || b.hasclock)
		return -1;
	int first = dt->tok[j].num;
	if (bare == 1) {
		if (b.gran != G_DAY || first >= b.d || b.m < 0)
			return -1;
		a = b;
		a.d = first;
		a.hasrel = 0;
	} else if (bare == 4) {
		if (b.gran != G_YEAR || b.y <= first)
			return -1;
		a = b;
		a.y = first;
	} else {
		if (a.gran != b.gran)
			return -1;
		/* من 28 ديسمبر إلى 3 يناير 2024: the first day takes the year */
		if (!a.yexp && b.yexp && b.y >= 0 && a.gran == G_DAY && a.m > 0
		    && a.d <= ar_days_in_month(b.y, a.m)) {
			a.y = b.y;
			if (a.m > b.m)
				a.y--;
		}
	}
	char v1[48], v2[48];
	fmt_value(&a, v1, sizeof v1);
	fmt_value(&b, v2, sizeof v2);
	struct ar_date_expr *x = add_val(dt, i, (size_t)e2, pfx, "date", "%s/%s", v1, v2);
	if (b.hij[0])
		snprintf(x->hijri, sizeof x->hijri, "%s", b.hij);
	return e2;
}

/* the letters stripped from the first word of an expression that starts
 * with a component read without them (بالأمس, وفي) */
static int
first_pfx(const struct ar_date *dt, size_t f)
{
	const struct tok *t = &dt->tok[f];

	if (t->type != T_WORD || t->e[0])
		return 0;
	if (t->e[1])
		return t->pfx[1];
	if (t->e[2])
		return t->pfx[2];
	return 0;
}

static int
maybe_start(const struct ar_date *dt, size_t i)
{
	const struct tok *t = &dt->tok[i];

	return t->type == T_NUM || (t->type == T_WORD && (t->e[0] || t->e[1] || t->e[2]));
}

/* What the line's rules remember from one expression to the next: the
 * last full date, so that a clock time just after it in the same sentence
 * ("يوم الجمعة 24 أبريل في الساعة الثامنة") belongs to that day, not to
 * the reference. */
struct line_state {
	size_t last_end;        /* the token after the last full date, or 0 */
	long last_days;
};

/* a chain of components (chain), resolved */
static long
p_chain(struct ar_date *dt, size_t i, struct line_state *ls)
{
	struct st s;
	size_t f;
	long r = chain(dt, i, &s, &f);

	if (r < 0)
		return -1;
	if (s.hasclock && !s.hasdate && !s.hasrel && ls->last_end
	    && f >= ls->last_end && f - ls->last_end <= 2)
		set_day(&s, ls->last_days);
	finish(dt, &s);
	if (s.hasdate && s.gran == G_DAY && s.y >= 0)
		ls->last_days = ar_days_from_civil(s.y, s.m, s.d), ls->last_end = (size_t)r;
	else
		ls->last_end = 0;
	add_st(dt, f, (size_t)r, first_pfx(dt, f), &s);
	return r;
}

static long p_range_at(struct ar_date *dt, size_t i, struct line_state *ls) { (void)ls; return p_range(dt, i); }
static long p_set_at(struct ar_date *dt, size_t i, struct line_state *ls) { (void)ls; return p_set(dt, i); }
static long p_duration_at(struct ar_date *dt, size_t i, struct line_state *ls) { (void)ls; return p_duration(dt, i); }

/* The rules of a line, tried in this order at each token that may start
 * an expression; the first that reads one adds it and the scan goes on
 * after it. */
static const struct line_rule {
	const char *name;
	long (*fn)(struct ar_date *dt, size_t i, struct line_state *ls);
} line_rules[] = {
	{ "range", p_range_at },
	{ "set", p_set_at },
	{ "chain", p_chain },
	{ "duration", p_duration_at },
};

static void
parse_line(struct ar_date *dt)
{
	struct line_state ls = { 0, 0 };

	dt->nx = 0;
	for (size_t i = 0; i < dt->ntok;) {
		long r = -1;
		if (maybe_start(dt, i))
			for (size_t k = 0; r < 0 && k < sizeof line_rules / sizeof line_rules[0]; k++)
				r = line_rules[k].fn(dt, i, &ls);
		i = r > 0 ? (size_t)r : i + 1;
	}
}

/* The letters that code point cp folds to. */
static int
fold_letters(const struct ar_date *dt, int32_t cp)
{
	char tmp[AR_FOLD_MAX];
	size_t n = cp < 0x800 && dt->fold1[cp].n != FOLD_ASK ? dt->fold1[cp].n
	    : ar_fold_cp(cp, tmp, AR_FOLD_CASE);
	const char *b = cp < 0x800 && dt->fold1[cp].n != FOLD_ASK ? dt->fold1[cp].b : tmp;
	int letters = 0;

	for (size_t i = 0; i < n; i++)
		letters += ((unsigned char)b[i] & 0xC0) != 0x80;
	return letters;
}

/* The spans of the expressions, from their tokens. An expression that
 * starts inside a word (بالأمس) starts after the letters stripped: as many
 * code points, whatever their bytes (a presentation form is three), but
 * never inside a ligature that holds more than the prefix (ﻷ is ل + أ),
 * and after the invisible characters that follow them. */
static void
set_spans(struct ar_date *dt)
{
	for (size_t k = 0; k < dt->nx; k++) {
		const struct xspan *sp = &dt->xs[k];
		const struct tok *t0 = &dt->tok[sp->t0], *t1 = &dt->tok[sp->t1 - 1];
		struct ar_date_expr *e = &dt->x[k];
		e->b0 = t0->b0, e->c0 = t0->c0;
		for (int p = 0; p < sp->pfx && e->b0 < t0->b1; p++) {
			int32_t cp;
			size_t l = ar_u8dec(dt->line + e->b0, &cp);
			if (fold_letters(dt, cp) > sp->pfx - p)
				break;
			e->b0 += l, e->c0++;
		}
		while (sp->pfx && e->b0 < t0->b1) {     /* a ZWNJ after و */
			int32_t cp;
			size_t l = ar_u8dec(dt->line + e->b0, &cp);
			if (ar_cclass(cp) != AR_C_FORMAT)
				break;
			e->b0 += l, e->c0++;
		}
		e->b1 = t1->b1;
		e->c1 = t1->c1;
	}
}

size_t
ar_date_scan(struct ar_date *dt, const char *s, size_t n)
{
	dt->nx = 0;
	if (tokenize(dt, s, n)) {
		parse_line(dt);
		set_spans(dt);
	}
	return dt->nx;
}

const struct ar_date_expr *
ar_date_get(const struct ar_date *dt, size_t k)
{
	return k < dt->nx ? &dt->x[k] : NULL;
}
