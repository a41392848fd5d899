/* date.c: the date grammar. A line is cut into tokens (words folded for
 * matching, looked up in the lexicon of months.tsv and date-words.tsv with
 * their proclitics; numbers; marks), then rules are tried at each token:
 * a range, a set, a chain of components (a date, a clock time, a relative
 * day, a weekday, a part of the day, a zone) and a duration. A component
 * that is a date is itself one of the date rules of date_rules[], tried in
 * order. Values are TIMEX3 / ISO 8601, resolved against the reference day.
 * Every piece of state is in struct ar_date. */
#include "arlib.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>

/* ---- the lexicon's classes: the enum and date-words.tsv's names ---- */

/* Each class says whether its words anchor an expression (A) or only
 * take part in one (W): every expression holds an anchor (a month, a
 * weekday, a unit...) or a number in a date's shape, so the scanner passes
 * over the text far from any anchor without cutting it into tokens. */
#define DATE_CLASSES(X) \
	X(MONTH, "month", 1, 1)            /* month names (months.tsv) */ \
	X(REL, "rel", 1, 1)                /* a day relative to the reference */ \
	X(WDAY, "wday", 1, 1)              /* weekday with the article */ \
	X(WDAYBARE, "wdaybare", 1, 1)      /* weekday without, after كل or يوم */ \
	X(UNIT, "unit", 1, 1)              /* duration units */ \
	X(PERIOD, "period", 1, 1)          /* week, month, year with the article */ \
	X(THIS, "this", 0, 1)              /* هذا/هذه before a period */ \
	X(RMOD, "rmod", 1, 0)              /* previous/current/next after a period */ \
	X(PMOD, "pmod", 0, 1)              /* a position inside a period */ \
	X(POD, "pod", 1, 1)                /* parts of the day */ \
	X(SAA, "saa", 1, 1)                /* the word before a clock time */ \
	X(HOUR, "hour", 0, 1)              /* hours in words */ \
	X(FRAC, "frac", 1, 0)              /* minutes after an hour word */ \
	X(ORD, "ord", 0, 1)                /* ordinal days */ \
	X(TEEN, "teen", 0, 0)              /* عشر after an ordinal */ \
	X(NUM, "num", 0, 1)                /* cardinals before a unit */ \
	X(HALF, "half", 0, 1)              /* نصف before a unit */ \
	X(DECADE, "decade", 1, 1) \
	X(CENTURY, "century", 0, 0)        /* words after a decade */ \
	X(YEARW, "yearw", 1, 1)            /* words before a year number */ \
	X(YPREP, "yprep", 0, 0)            /* prepositions that make a number a year */ \
	X(MARKG, "markg", 0, 0)            /* Gregorian marker after a year */ \
	X(MARKH, "markh", 0, 0)            /* Hijri marker after a year */ \
	X(MONTHW, "monthw", 1, 1)          /* the word month */ \
	X(BLESSED, "blessed", 0, 0)        /* after a Hijri month name */ \
	X(YOM, "yom", 1, 1)                /* يوم */ \
	X(JOIN, "join", 0, 0)              /* glue between a weekday and its date */ \
	X(FROM, "from", 0, 1) \
	X(TO, "to", 0, 0) \
	X(ORDSUF, "ordsuf", 0, 0)          /* English ordinal suffixes */ \
	X(EVERY, "every", 0, 1) \
	X(SET, "set", 1, 1)                /* one-word sets */ \
	X(ZONEIN, "zonein", 1, 0)          /* words before a time zone */ \
	X(ZONE, "zone", 0, 0) \
	X(FUT, "fut", 0, 0)                /* future markers before a weekday */ \
	X(NOTFUT, "notfut", 0, 0)          /* سـ words that are not future verbs */ \
	X(NEGPREV, "negprev", 0, 0)        /* before a day and month: a name */ \
	X(NEGTODAYPREV, "negtodayprev", 0, 0) /* before اليوم: an outlet's name */ \
	X(NEGTODAYNEXT, "negtodaynext", 0, 0) /* after اليوم: "the day" */ \
	X(NEGWDAYPREV, "negwdayprev", 0, 0) /* before الجمعة/الأحد: no date */ \
	X(SEASON, "season", 1, 1) \
	X(NUMPRE, "numpre", 0, 1)        /* numbers only before عشر or و + tens (أحد, اثنتا) */ \
	X(ORDPRE, "ordpre", 0, 1)        /* ordinals only before عشر or و + tens (الحادي) */ \
	X(ORDBARE, "ordbare", 0, 1)      /* ordinals without the article (أول, ثالث) */ \
	X(LASTW, "lastw", 0, 0)          /* the last (الأخير, الأخيرة) */ \
	X(OFFSET, "offset", 0, 1)        /* ago and in: قبل, منذ, بعد (VALUE -1 or 1) */ \
	X(STATE, "state", 0, 0)          /* a continuing state before منذ */ \
	X(CMP, "cmp", 0, 0)              /* before من: an amount compared (أكثر من) */ \
	X(DURW, "durw", 0, 1)            /* before an amount: a duration (لمدة) */ \
	X(VAGUE, "vague", 1, 1)          /* PRESENT_REF, PAST_REF, FUTURE_REF words */ \
	X(UNITDEF, "unitdef", 1, 1)      /* units with the article (made from unit) */ \
	X(NUMDEF, "numdef", 0, 1)        /* numbers with the article (made from num) */ \
	X(MINUS, "minus", 0, 0)          /* إلا: minutes before the hour */ \
	X(CLOCKJOIN, "clockjoin", 0, 0)  /* before the clock of a day: عند, في */ \
	X(DAYPART, "daypart", 1, 1)      /* parts of the day that name it (منتصف الليل) */ \
	X(PRAYPREP, "prayprep", 0, 1)    /* before a prayer: قبيل, بعد, عقب (1: alone enough) */ \
	X(SALAT, "salat", 0, 0)          /* صلاة */ \
	X(PRAYER, "prayer", 1, 0)        /* the prayers, as parts of the day */ \
	X(DATEW, "datew", 0, 0)          /* تاريخ, المؤرخ: before a numeric date */ \
	X(HOLIDAY, "holiday", 1, 1)      /* holidays (holidays.tsv) */ \
	X(CENTW, "centw", 1, 1)          /* القرن */ \
	X(MEDIA, "media", 0, 0)          /* outlets: a relative day after them is a name */ \
	X(NEGVPREV, "negvprev", 0, 0)    /* before a vague word: no time (في ذلك الحين) */ \
	X(SCHED, "sched", 0, 0)          /* verbs of scheduled events: a weekday after them is next */ \
	X(PASTV, "pastv", 0, 0)          /* verbs in the perfect: a month alone after them is the latest */ \
	X(AGE, "age", 0, 0)              /* before an amount of years: an age (عن عمر ناهز 75 عاما) */ \
	X(AGENEXT, "agenext", 0, 0)      /* right before one (منتخب تحت 23 عاما, صاحب الـ35 عاما) */ \
	X(MEASURE, "measure", 0, 0)      /* counted nouns not in the shape of one (دولار) */ \
	X(GREET, "greet", 0, 0)          /* after كل عام و: a greeting (كل عام وأنتم بخير), no set */ \
	X(THOUSAND, "thousand", 0, 0)    /* ألف, ألفين: a year in words after عام */ \
	X(APPROX, "approx", 0, 0)        /* about, between ago/in and the amount (قبل نحو عامين) */ \
	X(FEW, "few", 0, 0)              /* few, after a plural unit (الأيام القليلة المقبلة) */ \
	X(QCODE, "qcode", 0, 1)          /* Q and H before a number: a quarter or half (Q1 2024) */ \
	X(SAME, "same", 1, 1)            /* مثل هذا اليوم: the reference's day in another year */ \
	X(TIMEOF, "timeof", 0, 0)        /* after a unit, part of its amount (عقد من الزمن) */ \
	X(NUMNOUN, "numnoun", 0, 0)      /* before a number: a count, a level or a code (رقم, نحو) */ \
	X(FREQ, "freq", 0, 1)            /* times, before في + a period: a set (مرتين في الأسبوع) */

enum {
	L_NONE,
#define X(name, str, a, st) L_##name,
	DATE_CLASSES(X)
#undef X
	L_NCLASS
};
static const char *const class_name[L_NCLASS] = {
	"",
#define X(name, str, a, st) str,
	DATE_CLASSES(X)
#undef X
};
static const unsigned char class_anchor[L_NCLASS] = {
	0,
#define X(name, str, a, st) a,
	DATE_CLASSES(X)
#undef X
};
/* a set of classes: more than 64 of them */
typedef unsigned __int128 clsmask;
#define CLS(c) ((clsmask)1 << (c))
static const clsmask class_starts = 0
#define X(name, str, a, st) | ((clsmask)(st) << L_##name)
	DATE_CLASSES(X)
#undef X
	;

/* the letters the grammar looks at, by name (UTF-8) */
#define ALEF "\u0627"
#define BEH  "\u0628"
#define TEH  "\u062A"
#define SEEN "\u0633"
#define SAD  "\u0635"
#define QAF  "\u0642"
#define FEH  "\u0641"
#define KAF  "\u0643"
#define LAM  "\u0644"
#define MEEM "\u0645"
#define NOON "\u0646"
#define WAW  "\u0648"
#define YEH  "\u064A"
#define AR_LETTER_LEN 2         /* the bytes of each of them */

/* ---- tokens ---- */

enum { T_WORD = 1, T_NUM, T_PUNCT };
struct tok {
	size_t b0, b1, c0, c1;          /* byte and code-point offsets in the line */
	uint32_t n0, nl;                /* folded text in dt->folded */
	clsmask cls0, cls;              /* the classes of e[0], of every e[k] */
	uint8_t type, nd, ascii;
	int32_t num;                    /* T_NUM: value (capped); T_PUNCT: the mark */
	const struct ar_lexent *e[3];   /* entries for the word, without و/ف, without ب/ك/ل too */
	uint8_t pfx[3];                 /* letters stripped for e[k] */
	uint8_t wa;                     /* began with و */
	int8_t used;                    /* the letters the last entry matched here stripped, or -1 */
};

/* the reference as the rules use it: its day, and that day's date */
struct dref { int ok; long days; int y, m, d; int sec; };

/* The scanner's state over one line: the tokens it counted, the start of
 * the last few (where a window opens), and the window it is growing. */
#define ANCHOR_BITS 17           /* the anchors' Bloom filter: 16 KB */
#define LEAD_BITS 18             /* their first four codes: 32 KB */
#define WIN_BACK 10             /* tokens before an anchor a window holds */
#define WIN_RING 16             /* room for WIN_BACK of them, a power of 2 */
#define WIN_FWD 6               /* tokens after the last one */
struct scan {
	const char *s;
	size_t n, pos;                  /* the next byte */
	size_t cpos, cpv;               /* a byte whose code point is known, and it */
	size_t k;                       /* tokens counted */
	size_t rb[WIN_RING];            /* starts of the last tokens */
	int open;                       /* a window is open */
	size_t wb0;                     /* its start */
	size_t we;                      /* the end of the token WIN_FWD after its last anchor */
	size_t since;                   /* tokens since its last anchor */
	size_t prev_end;                /* where the last window ended */
	/* the window being parsed, a batch of tokens at a time */
	int batch;                      /* a window is waiting for its next batch */
	size_t bb, bc, be;              /* its next batch's start, the window's end */
	size_t bskip;                   /* context tokens at the batch's start */
	int done;                       /* the line is scanned */
};

struct ar_date {
	struct ar_lex *lex;
	struct fold1 { uint8_t n; char b[7]; } fold1[0x800];   /* ar_fold_cp below U+0800 */
	uint8_t cc[0x800];              /* the scanner's class of each code point below U+0800 */
	uint8_t code[0x800];            /* and its letter code (see scan_word) */
	uint8_t code2[1 << 16];         /* the code of two bytes (ld2) of a two-byte character, else CODE_END */
	uint32_t fold2[1 << 16];        /* by ld2, a two-byte letter folding to n <= 2 bytes: (n + 1) << 16 | them */
	uint64_t first[(1u << 16) / 64];        /* hashes of the lexicon's first words */
	const struct ar_lexent **direct;        /* by FIRST_DIRECT bits of them (lex_get) */
	uint32_t *direct_id;            /* by the same bits, where head_cls holds the slot's classes */
	clsmask *head_cls;
	uint64_t anchor[(1u << ANCHOR_BITS) / 64];      /* the anchors' two hash bits */
	uint64_t lead[(1u << LEAD_BITS) / 64];  /* the first codes a word that anchors may have */
	const struct ar_lexent **ents;  /* every entry, for the anchors */
	size_t nents, capents;
	struct tok *tok;
	size_t ntok, captok;
	struct ar_buf folded;           /* the folded words of the batch */
	const char *line;
	const struct ar_lexent *m;      /* the entry of lx's last match */
	int mpfx;                       /* letters stripped from its first token */
	struct dref ref;
	struct ar_date_ref ref_set;     /* as the caller gave it */
	struct ar_date_expr *x;         /* the batch's expressions */
	size_t nx, capx, xi;            /* their number, room, the next to hand out */
	/* where the batch's expressions came from: token spans and prefixes */
	struct xspan { size_t t0, t1; int pfx; } *xs;
	struct ar_date_expr *all;       /* ar_date_scan's: every expression of the line */
	size_t nall, capall;
	struct scan sc;
	int whole;                      /* tokenize whole lines (no windows) */
	int *usedp, used;               /* the rule being tried read the reference */
	size_t last_end_b;              /* the byte after the line's last full date, or 0 */
	long last_days;
	uint16_t rules_of[128];         /* by class, the date rules its words may begin (rules_init) */
	unsigned rules_any, rules_num;
	clsmask chain_any;              /* the classes a chain's steps begin with (chain_init) */
	uint16_t steps_of[128];         /* by class, the steps its words may begin */
	unsigned steps_num;             /* the steps a number may begin */
	uint16_t line_of[128];          /* by class, the line rules its words may begin */
	unsigned line_any, line_num;
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

/* the hash of those bits, from the first and the last bytes (two loads,
 * whatever the length: hashing every byte of three forms of every word
 * of the windows was the tokenizer's largest cost); words that share
 * both ends only cost a probe */
static inline uint32_t
first_hash(const char *w, size_t n)
{
	uint64_t a = 0, b = 0;

	if (n >= 8) {
		memcpy(&a, w, 8), memcpy(&b, w + n - 8, 8);
	} else if (n >= 4) {
		uint32_t x, y;
		memcpy(&x, w, 4), memcpy(&y, w + n - 4, 4);
		a = x, b = y;
	} else if (n) {
		a = (unsigned char)w[0] | (unsigned)(unsigned char)w[n / 2] << 8
		    | (unsigned)(unsigned char)w[n - 1] << 16;
	}
	uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ull) ^ n) * 0xC2B2AE3D27D4EB4Full;
	return (uint32_t)(h >> (64 - FIRST_BITS));
}

static void
lex_add(struct ar_date *dt, int cls, const char *words, size_t n, int val, const char *str)
{
	const struct ar_lexent *e = ar_lex_add(dt->lex, words, n, cls, val, str);

	if (e) {
		uint32_t h = first_hash(e->w[0], e->wl[0]);
		dt->first[h / 64] |= 1ull << (h % 64);
		if (dt->nents == dt->capents) {
			dt->capents = dt->capents ? dt->capents * 2 : 512;
			dt->ents = ar_realloc(dt->ents, dt->capents * sizeof *dt->ents);
		}
		dt->ents[dt->nents++] = e;
	}
}

/* Does some single-word entry of a class that does not anchor have the
 * words w[0..n)? Such a word (من, بعد, هذا) anchors no phrase it begins. */
static int
weak_word(const struct ar_date *dt, const char *w, size_t n)
{
	for (const struct ar_lexent *e = ar_lex_get(dt->lex, w, n); e; e = e->next)
		if (e->nw == 1 && !class_anchor[e->cls])
			return 1;
	return 0;
}

static void anchor_add(struct ar_date *dt, const char *w, size_t n);

/* The anchors: for each entry of an anchoring class, its first word that
 * is not a weak one (غد of بعد غد, الصباح of هذا الصباح); and the
 * fractions with the article, a quarter or half of a year alone (الربع
 * الأول, النصف الثاني). */
static void
anchors_init(struct ar_date *dt)
{
	memset(dt->anchor, 0, sizeof dt->anchor);
	memset(dt->lead, 0, sizeof dt->lead);
	for (size_t k = 0; k < dt->nents; k++) {
		const struct ar_lexent *e = dt->ents[k];
		if (!class_anchor[e->cls] && !(e->cls == L_HALF && e->wl[0] > 4
		    && !memcmp(e->w[0], ALEF LAM, 2 * AR_LETTER_LEN)))
			continue;
		int w = 0;
		while (w + 1 < e->nw && weak_word(dt, e->w[w], e->wl[w]))
			w++;
		anchor_add(dt, e->w[w], e->wl[w]);
	}
}

/* The flag of an entry whose VALUE is "N:flag" (منذ -1:since), or "". */
static const char *
entry_flag(const struct ar_lexent *e)
{
	const char *c = e->str ? strchr(e->str, ':') : NULL;

	return c ? c + 1 : "";
}

/* The entries of a first word, by the low bits of its hash: most words
 * listed have a slot of their own, checked with one compare instead of
 * the lexicon's hash; the slots of two words hold LEX_ASK. Made when the
 * lexicon is complete (the chains' heads change as entries are added). */
#define FIRST_DIRECT 14
static const struct ar_lexent lex_ask;
#define LEX_ASK (&lex_ask)

static clsmask classes_of(const struct ar_lexent *e);

static void
direct_init(struct ar_date *dt)
{
	size_t size = (size_t)1 << FIRST_DIRECT, nh = 0;

	if (!dt->direct) {
		dt->direct = ar_alloc(size * sizeof *dt->direct);
		dt->direct_id = ar_alloc(size * sizeof *dt->direct_id);
	}
	memset(dt->direct, 0, size * sizeof *dt->direct);
	for (size_t k = 0; k < dt->nents; k++) {
		const struct ar_lexent *e = dt->ents[k];
		const struct ar_lexent *head = ar_lex_get(dt->lex, e->w[0], e->wl[0]);
		const struct ar_lexent **d = &dt->direct[first_hash(e->w[0], e->wl[0]) & (size - 1)];
		if (!*d)
			*d = head;
		else if (*d != head)
			*d = LEX_ASK;
	}
	/* the classes of each slot's entries, made once (classes_of walked
	 * the chains of the commonest words at every look-up) */
	free(dt->head_cls);
	dt->head_cls = ar_alloc((dt->nents + 1) * sizeof *dt->head_cls);
	for (size_t h = 0; h < size; h++) {
		const struct ar_lexent *e = dt->direct[h];
		if (e && e != LEX_ASK) {
			dt->direct_id[h] = (uint32_t)nh;
			dt->head_cls[nh++] = classes_of(e);
		}
	}
}

static const struct ar_lexent *
lex_get(const struct ar_date *dt, const char *w, size_t n)
{
	uint32_t h = first_hash(w, n);

	if (!(dt->first[h / 64] & (1ull << (h % 64))))
		return NULL;
	const struct ar_lexent *e = dt->direct[h & ((1u << FIRST_DIRECT) - 1)];
	if (e == LEX_ASK)
		return ar_lex_get(dt->lex, w, n);
	return e && e->wl[0] == n && !memcmp(e->w[0], w, n) ? e : NULL;
}

/* lex_get, and the classes of the entries (classes_of) */
static inline const struct ar_lexent *
lex_get_cls(const struct ar_date *dt, const char *w, size_t n, clsmask *m)
{
	uint32_t h = first_hash(w, n);

	*m = 0;
	if (!(dt->first[h / 64] & (1ull << (h % 64))))
		return NULL;
	h &= (1u << FIRST_DIRECT) - 1;
	const struct ar_lexent *e = dt->direct[h];
	if (e == LEX_ASK) {
		e = ar_lex_get(dt->lex, w, n);
		*m = classes_of(e);
		return e;
	}
	if (!e || e->wl[0] != n || memcmp(e->w[0], w, n))
		return NULL;
	*m = dt->head_cls[dt->direct_id[h]];
	return e;
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
	/* the feminine duals of the modifiers are made from the feminine
	 * (الماضية: الماضيتين, الماضيتان) for the duals they follow
	 * (الساعتين المقبلتين) */
	if (c == L_RMOD && !strchr(w, ' ') && strlen(w) > 2 && !strcmp(w + strlen(w) - 2, "\u0629")) {
		static const char *const dual[] = { "%.*s\u062a\u064a\u0646", "%.*s\u062a\u0627\u0646" };
		for (size_t f = 0; f < 2; f++) {
			char du[128];
			snprintf(du, sizeof du, dual[f], (int)strlen(w) - 2, w);
			lex_add(ctx, L_RMOD, du, strlen(du), val, *v ? v : NULL);
		}
	}
	/* the decades are made from the tens: عشرين, ثمانين give العشرينيات,
	 * عشرينات, الثمانينيات... (VALUE 192, 198: of the 1900s unless a
	 * century follows) */
	size_t wl = strlen(w);
	if (c == L_NUM && val >= 20 && val <= 90 && val % 10 == 0 && wl > 4
	    && !strcmp(w + wl - 4, "\u064a\u0646")) {
		static const char *const form[] = { "%s\u064a\u0627\u062a", "%s\u0627\u062a",
		    "\u0627\u0644%s\u064a\u0627\u062a", "\u0627\u0644%s\u0627\u062a" };
		for (size_t f = 0; f < sizeof form / sizeof form[0]; f++) {
			char dec[128];
			snprintf(dec, sizeof dec, form[f], w);
			lex_add(ctx, L_DECADE, dec, strlen(dec), 190 + val / 10, NULL);
		}
	}
	/* the article forms of units and of the numbers that follow them
	 * (الأيام الثلاثة, اليومين) are words of their own classes */
	if ((c == L_UNIT || (c == L_NUM && val >= 3 && val <= 10)) && !strchr(w, ' ')) {
		char def[128];
		snprintf(def, sizeof def, "\u0627\u0644%s", w);
		lex_add(ctx, c == L_UNIT ? L_UNITDEF : L_NUMDEF, def, strlen(def), val,
		    *v ? v : NULL);
	}
	return 0;
}

/* holidays.tsv: NAME CALENDAR MONTH DAY [NOTE]; the entry's value is
 * MONTH * 100 + DAY, its string the calendar (g or h). */
static int
holidays_line(char *s, size_t n, unsigned long lineno, void *ctx)
{
	char *p = s;
	char *name = field(&p), *cal = field(&p), *mo = field(&p), *d = field(&p);
	int m = atoi(mo), dd = atoi(d);
	char str[2] = { *cal, 0 };

	(void)n;
	if (!*name || (*cal != 'g' && *cal != 'h') || cal[1] || m < 1 || m > 12 || dd < 1
	    || dd > (*cal == 'h' ? 30 : ar_days_in_month(2000, m))) {
		ar_warn("holidays.tsv:%lu: bad line", lineno);
		return 1;
	}
	lex_add(ctx, L_HOLIDAY, name, strlen(name), m * 100 + dd, str);
	return 0;
}

void
ar_date_add_holidays(struct ar_date *dt, const char *path)
{
	size_t len;
	const char *t = ar_slurp_keep(path, &len);

	if (ar_each_line(t, len, holidays_line, dt))
		ar_die("cannot load %s", path);
	anchors_init(dt);
	direct_init(dt);
}

static void scan_classes_init(struct ar_date *dt);
static void rules_init(struct ar_date *dt);
static void chain_init(struct ar_date *dt);
static void line_rules_init(struct ar_date *dt);

struct ar_date *
ar_date_new(const char *words_file, const char *months_file)
{
	struct ar_date *dt = ar_alloc(sizeof *dt);
	size_t len;
	const char *t;

	memset(dt, 0, sizeof *dt);
	dt->usedp = &dt->used;
	dt->lex = ar_lex_new(AR_LEX_FOLD | AR_LEX_CASE);
	fold_cache_init(dt);
	t = months_file ? ar_slurp_keep(months_file, &len) : ar_data("months.tsv", &len);
	if (ar_each_line(t, len, months_line, dt))
		ar_die("cannot load months.tsv");
	t = words_file ? ar_slurp_keep(words_file, &len) : ar_data("date-words.tsv", &len);
	if (ar_each_line(t, len, words_line, dt))
		ar_die("cannot load date-words.tsv");
	t = ar_data("holidays.tsv", &len);
	if (ar_each_line(t, len, holidays_line, dt))
		ar_die("cannot load holidays.tsv");
	ar_cal_init();
	scan_classes_init(dt);
	rules_init(dt);
	chain_init(dt);
	line_rules_init(dt);
	anchors_init(dt);
	direct_init(dt);
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
	free(dt->direct);
	free(dt->direct_id);
	free(dt->head_cls);
	free(dt->ents);
	free(dt->all);
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
	dt->ref.sec = ref->sec;
	ar_civil_from_days(ref->days, &dt->ref.y, &dt->ref.m, &dt->ref.d);
}

const struct ar_date_ref *
ar_date_get_ref(const struct ar_date *dt)
{
	return &dt->ref_set;
}

/* The reference as a rule reads it: the expression it reads is relative. */
#define REF(dt) (*(*(dt)->usedp = 1, &(dt)->ref))

/* ---- tokens of a window ---- */

static struct tok *
newtok(struct ar_date *dt)
{
	if (dt->ntok == dt->captok) {
		dt->captok = dt->captok ? dt->captok * 2 : 256;
		dt->tok = ar_realloc(dt->tok, dt->captok * sizeof *dt->tok);
	}
	struct tok *t = &dt->tok[dt->ntok++];
	/* the fields tokenize does not set, rather than a memset of the
	 * whole token */
	t->cls0 = t->cls = 0;
	t->nd = t->ascii = t->wa = 0;
	t->num = 0;
	t->e[0] = t->e[1] = t->e[2] = NULL;
	t->pfx[0] = t->pfx[1] = t->pfx[2] = 0;
	t->used = -1;
	return t;
}

static int
starts(const char *s, const char *letter)
{
	return !memcmp(s, letter, AR_LETTER_LEN);
}

/* The forms a folded word is looked up in: as it is, without a
 * conjunction و/ف, and without a preposition ب/ك/ل after that (لل read as
 * ال: للعام is ل + العام). Each strip leaves at least three letters; a form
 * not made has length 0. pfx: the letters stripped. */
struct forms {
	const char *w[3];
	size_t n[3];
	uint8_t pfx[3];
	uint8_t wa;             /* began with و */
	char tmp[128];
};

static void
word_forms(const char *s, size_t n, struct forms *f)
{
	size_t min = 3 * AR_LETTER_LEN;

	f->w[0] = s, f->n[0] = n;
	f->n[1] = f->n[2] = 0;
	f->pfx[0] = f->pfx[1] = f->pfx[2] = 0;
	f->wa = 0;
	if (n >= min && (starts(s, WAW) || starts(s, FEH))) {
		f->wa = starts(s, WAW);
		s += AR_LETTER_LEN, n -= AR_LETTER_LEN;
		f->w[1] = s, f->n[1] = n, f->pfx[1] = 1;
		f->pfx[2] = 1;
	}
	if (n >= min && (starts(s, BEH) || starts(s, KAF) || starts(s, LAM))) {
		if (starts(s, LAM) && starts(s + AR_LETTER_LEN, LAM) && n <= sizeof f->tmp) {
			memcpy(f->tmp, ALEF, AR_LETTER_LEN);
			memcpy(f->tmp + AR_LETTER_LEN, s + AR_LETTER_LEN, n - AR_LETTER_LEN);
			f->w[2] = f->tmp, f->n[2] = n;
		} else {
			f->w[2] = s + AR_LETTER_LEN, f->n[2] = n - AR_LETTER_LEN;
		}
		f->pfx[2] += 1;
	}
}

static clsmask
classes_of(const struct ar_lexent *e)
{
	clsmask m = 0;

	for (; e; e = e->next)
		m |= CLS(e->cls);
	return m;
}

/* The word's entries in each of its forms (word_forms' forms, made here
 * as they are looked up), and their classes; newtok left the entries,
 * classes and letters of the forms empty, as most words have no
 * proclitic and only their first form is made. */
static int
lookup_word(struct ar_date *dt, struct tok *t)
{
	const char *s = dt->folded.s + t->n0;
	size_t n = t->nl, min = 3 * AR_LETTER_LEN;
	clsmask m, f;
	const struct ar_lexent *e = lex_get_cls(dt, s, n, &m);

	t->e[0] = e;
	t->cls0 = m;
	if (n >= min && (starts(s, WAW) || starts(s, FEH))) {
		t->wa = starts(s, WAW);
		s += AR_LETTER_LEN, n -= AR_LETTER_LEN;
		if ((e = lex_get_cls(dt, s, n, &f)))
			t->e[1] = e, t->pfx[1] = 1, m |= f;
		t->pfx[2] = 1;
	}
	if (n >= min && (starts(s, BEH) || starts(s, KAF) || starts(s, LAM))) {
		char tmp[128];
		if (starts(s, LAM) && starts(s + AR_LETTER_LEN, LAM) && n <= sizeof tmp) {
			memcpy(tmp, ALEF, AR_LETTER_LEN);
			memcpy(tmp + AR_LETTER_LEN, s + AR_LETTER_LEN, n - AR_LETTER_LEN);
			e = lex_get_cls(dt, tmp, n, &f);
		} else {
			e = lex_get_cls(dt, s + AR_LETTER_LEN, n - AR_LETTER_LEN, &f);
		}
		t->e[2] = e, m |= f;
		t->pfx[2] += 1;
	}
	t->cls = m;
	return m != 0;
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

static inline int cc_of(const struct ar_date *dt, int32_t c);
/* Two bytes as one number, the index of dt->code2 and dt->fold2: what a
 * two-byte character is with one load, no decoding, no test of its lead. */
static inline unsigned
ld2(const unsigned char *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return v;
}

static inline size_t cp_at(const char *s, size_t i, int32_t *c);
static int format_inside(const struct ar_date *dt, const char *s, size_t i, size_t n);
enum { CC_SPACE, CC_LETTER, CC_FORMAT, CC_DIGIT, CC_OTHER };

/* The next token of s[0..n) from *pos, *cp its code point: the shared word
 * iterator's tokens (ar_word_next: a word is a run of letters, marks and
 * tatweel with the format characters inside it that a letter follows; a
 * number a run of digits of any script; any other visible character a
 * token of its own), read with the scanner's tables, and the word folded
 * into dt->folded as it goes. 0 at the end. */
static int
win_next(struct ar_date *dt, const char *s, size_t n, size_t *pos, size_t *cp,
    struct ar_word *w)
{
	size_t i = *pos, c0 = *cp, l;
	int32_t c;
	int k;

	for (;; i += l, c0++) {
		if (i >= n) {
			*pos = i, *cp = c0;
			return 0;
		}
		l = cp_at(s, i, &c);
		k = cc_of(dt, c);
		if (k != CC_SPACE && k != CC_FORMAT)
			break;
	}
	w->b0 = i, w->c0 = c0, w->cp = c, w->nd = 0, w->ascii = c < 0x80;
	size_t cc = c0;
	if (k == CC_DIGIT) {
		w->type = AR_W_NUM;
		do {
			w->nd++;
			i += l, cc++;
		} while (i < n && (l = cp_at(s, i, &c), cc_of(dt, c) == CC_DIGIT));
	} else if (k == CC_LETTER) {
		const unsigned char *u = (const unsigned char *)s;
		struct ar_buf *f = &dt->folded;
		w->type = AR_W_WORD;
		for (;;) {
			/* the two-byte letters that fold to at most two bytes
			 * (most of Arabic text): one table, no decoding; in
			 * locals, as the folded bytes may alias anything */
			size_t i0 = i;
			if (f->cap - f->len < 64)
				ar_buf_grow(f, 256);
			const uint32_t *f2 = dt->fold2;
			char *o = f->s + f->len;
			size_t room = (f->cap - f->len) / 2;
			size_t stop = i + 2 * (room < (n - i) / 2 ? room : (n - i) / 2);
			while (i < stop) {
				uint32_t x = f2[ld2(u + i)];
				if (!x)
					break;
				uint16_t b = (uint16_t)x;
				memcpy(o, &b, 2);
				o += (x >> 16) - 1;
				i += 2;
			}
			f->len = (size_t)(o - f->s);
			cc += (i - i0) / 2;
			if (i != i0) {
				w->ascii = 0;
				if (i >= n || u[i] == ' ')
					break;
				l = cp_at(s, i, &c);
				k = cc_of(dt, c);
				if (k == CC_FORMAT) {
					if (!format_inside(dt, s, i + l, n))
						break;
				} else if (k != CC_LETTER) {
					break;
				}
			}
			if (c >= 0x80)
				w->ascii = 0;
			if (c < 0x800 && dt->fold1[c].n != FOLD_ASK) {
				if (f->len + sizeof dt->fold1[c].b > f->cap)
					ar_buf_grow(f, sizeof dt->fold1[c].b);
				memcpy(f->s + f->len, dt->fold1[c].b, sizeof dt->fold1[c].b);
				f->len += dt->fold1[c].n;
			} else {
				fold_add(dt, c, &dt->folded);
			}
			i += l, cc++;
			if (i >= n)
				break;
			l = cp_at(s, i, &c);
			k = cc_of(dt, c);
			if (k == CC_FORMAT) {
				/* inside the word only if a letter follows the run */
				size_t j = i + l;
				int32_t c2;
				int k2 = CC_FORMAT;
				while (j < n) {
					j += cp_at(s, j, &c2);
					if ((k2 = cc_of(dt, c2)) != CC_FORMAT)
						break;
				}
				if (k2 != CC_LETTER)
					break;
			} else if (k != CC_LETTER) {
				break;
			}
		}
	} else {
		w->type = AR_W_PUNCT;
		i += l, cc++;
	}
	w->b1 = i, w->c1 = cc;
	*pos = i, *cp = cc;
	return w->type;
}

/* Cut s[b0..b1) of the line into tokens, b0 being code point c0, at most
 * max of them. Returns 1 if it reached b1. */
static int
tokenize(struct ar_date *dt, size_t b0, size_t c0, size_t b1, size_t max)
{
	struct ar_word w;
	size_t pos = b0, cp = c0;

	dt->ntok = 0;
	dt->folded.len = 0;
	while (dt->ntok < max) {
		struct tok *t = newtok(dt);
		t->n0 = (uint32_t)dt->folded.len;
		if (!win_next(dt, dt->line, b1, &pos, &cp, &w)) {
			dt->ntok--;
			return 1;
		}
		t->b0 = w.b0, t->c0 = w.c0;
		t->b1 = w.b1, t->c1 = w.c1;
		if (w.type == AR_W_NUM) {
			t->type = T_NUM;
			num_token(dt, t, &w);
		} else if (w.type == AR_W_WORD) {
			t->type = T_WORD;
			t->ascii = (uint8_t)w.ascii;
		} else {
			t->type = T_PUNCT;
			t->num = w.cp;
		}
		t->nl = (uint32_t)(dt->folded.len - t->n0);
		if (t->type == T_WORD && t->nl && t->nl < 40)
			lookup_word(dt, t);
	}
	/* at max: did the tokens reach b1, only blanks left? (win_next has
	 * one caller then, and is inlined in this loop) */
	for (size_t l; pos < b1; pos += l) {
		int32_t c;
		l = cp_at(dt->line, pos, &c);
		int k = cc_of(dt, c);
		if (k != CC_SPACE && k != CC_FORMAT)
			return 0;
	}
	return 1;
}

/* ---- the scanner: windows around the anchors ---- */

/* What the scanner makes of a code point (CC_ above): white space (and
 * controls), what carries on a word, an invisible format character, a
 * digit, or a mark of its own. The table holds those below U+0800. */

static int
cc_slow(int32_t c)
{
	if (c < 0x80) {
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			return CC_LETTER;
		if (c >= '0' && c <= '9')
			return CC_DIGIT;
		return c <= ' ' || c == 0x7F ? CC_SPACE : CC_OTHER;
	}
	if (ar_digit_value(c) >= 0)
		return CC_DIGIT;
	switch (ar_cclass(c)) {
	case AR_C_LETTER: case AR_C_MARK: return CC_LETTER;
	case AR_C_FORMAT: return CC_FORMAT;
	case AR_C_SPACE: case AR_C_CONTROL: return CC_SPACE;
	}
	return c == 0x0640 ? CC_LETTER : CC_OTHER;
}

static void code_table_init(struct ar_date *dt);

static void
scan_classes_init(struct ar_date *dt)
{
	memset(dt->fold2, 0, sizeof dt->fold2);
	for (int32_t c = 0; c < 0x800; c++) {
		dt->cc[c] = (uint8_t)cc_slow(c);
		if (c >= 0x80 && dt->cc[c] == CC_LETTER && dt->fold1[c].n <= 2) {
			unsigned char b[2] = { (unsigned char)(0xC0 | c >> 6), (unsigned char)(0x80 | (c & 0x3F)) };
			dt->fold2[ld2(b)] = (uint32_t)(dt->fold1[c].n + 1) << 16
			    | ld2((const unsigned char *)dt->fold1[c].b);
		}
	}
	code_table_init(dt);
}

static inline int
cc_of(const struct ar_date *dt, int32_t c)
{
	return c < 0x800 ? dt->cc[c] : cc_slow(c);
}

/* One code point at s[i]: its value and length. */
static inline size_t
cp_at(const char *s, size_t i, int32_t *c)
{
	unsigned char b = (unsigned char)s[i];

	if (b < 0x80) {
		*c = b;
		return 1;
	}
	return ar_u8dec(s + i, c);
}

/* Letter codes: the scanner reads a word as the codes of its folded
 * letters, one byte each (the Arabic letters 1-42, ASCII 43-68, any other
 * letter a code from its number), and the anchors as the same codes of
 * their folded words. Codes may collide: the scanner only asks whether a
 * word may anchor, the window's tokens decide. */
enum { CODE_END = 0xFF, CODE_SLOW = 0xFE, CODE_NONE = 0 };


static uint8_t
letter_code(int32_t f)
{
	if (f >= 0x0621 && f <= 0x064A)
		return (uint8_t)(f - 0x0620);
	if (f >= 'a' && f <= 'z')
		return (uint8_t)(43 + f - 'a');
	return (uint8_t)(69 + f % 177);
}

/* a word's codes, and the bytes of its folded letters (the forms strip
 * letters by bytes, as word_forms does) */
#define CODE_MAX 24
#define CODE_MASK 63            /* c[k & CODE_MASK]: longer words are never looked up */
struct codes { uint8_t c[CODE_MASK + 17]; size_t k, bytes; };

static void
codes_add(struct codes *w, int32_t f)
{
	w->c[w->k & CODE_MASK] = letter_code(f);
	w->k++;
	w->bytes += f < 0x80 ? 1 : f < 0x800 ? 2 : f < 0x10000 ? 3 : 4;
}

/* a hash of k codes (at most CODE_MAX) from their first eight, the last
 * and their number; c[k..k+8) must be readable. Its two halves are the
 * two bits of a Bloom filter: with one bit a word in thirty of running
 * text (الدولي, لكن, فيها) opened a window for nothing. */
static uint64_t
codes_hash(const uint8_t *c, size_t k)
{
	uint64_t x;

	memcpy(&x, c, 8);
	if (k < 8)
		x &= ((uint64_t)1 << (8 * k)) - 1;
	x ^= (uint64_t)k << 56 ^ (uint64_t)c[k - 1] << 48;
	x *= 0x9E3779B97F4A7C15ull;
	return x ^ x >> 29;
}
#define ANCHOR_H1(h) ((h) >> (64 - ANCHOR_BITS))
#define ANCHOR_H2(h) ((h) & ((1u << ANCHOR_BITS) - 1))

static inline int
codes_bit(const struct ar_date *dt, const uint8_t *c, size_t k)
{
	uint64_t h = codes_hash(c, k), a = ANCHOR_H1(h), b = ANCHOR_H2(h);

	return (dt->anchor[a / 64] >> (a % 64)) & (dt->anchor[b / 64] >> (b % 64)) & 1;
}

/* The forms of word_forms, on codes: does one of them anchor? */
static int
codes_anchor(const struct ar_date *dt, const struct codes *w)
{
	const uint8_t *c = w->c;
	size_t k = w->k, n = w->bytes, min = 3 * AR_LETTER_LEN;
	const uint8_t waw = letter_code(0x0648), feh = letter_code(0x0641);
	const uint8_t beh = letter_code(0x0628), kaf = letter_code(0x0643);
	const uint8_t lam = letter_code(0x0644), alef = letter_code(0x0627);

	if (!k || k > CODE_MAX || n >= 40)
		return 0;
	if (codes_bit(dt, c, k))
		return 1;
	if (n >= min && (c[0] == waw || c[0] == feh)) {
		c++, k--, n -= AR_LETTER_LEN;
		if (k && codes_bit(dt, c, k))
			return 1;
	}
	if (k >= 2 && n >= min && (c[0] == beh || c[0] == kaf || c[0] == lam)) {
		if (c[0] == lam && c[1] == lam) {
			uint8_t t[CODE_MASK + 17];
			memcpy(t, c, k + 8);
			t[0] = alef;
			return codes_bit(dt, t, k);
		}
		return codes_bit(dt, c + 1, k - 1);
	}
	return 0;
}

static inline unsigned
lead_hash(uint32_t x)
{
	return (uint32_t)(x * 0x9E3779B1u) >> (32 - LEAD_BITS);
}

/* codes c[0..4) begin a form that may anchor */
static void
lead_add(struct ar_date *dt, uint8_t c0, uint8_t c1, uint8_t c2, uint8_t c3)
{
	unsigned h = lead_hash((uint32_t)c0 | (uint32_t)c1 << 8 | (uint32_t)c2 << 16
	    | (uint32_t)c3 << 24);

	dt->lead[h / 64] |= 1ull << (h % 64);
}

static void
anchor_add(struct ar_date *dt, const char *w, size_t n)
{
	struct codes c;

	memset(&c, 0, sizeof c);
	for (size_t i = 0; i < n;) {
		int32_t f;
		i += ar_u8dec(w + i, &f);
		codes_add(&c, f);
	}
	if (c.k && c.k <= CODE_MAX) {
		uint64_t h = codes_hash(c.c, c.k), a = ANCHOR_H1(h), b = ANCHOR_H2(h);
		dt->anchor[a / 64] |= 1ull << (a % 64);
		dt->anchor[b / 64] |= 1ull << (b % 64);
		/* the first four codes of each word codes_anchor reads as
		 * this anchor: itself, after a proclitic (وأمس, بيوم), after
		 * two (وبعد), with لل for ال (للعام), after و and لل */
		const uint8_t *f = c.c;
		static const int32_t pfx[] = { 0x0648, 0x0641, 0x0628, 0x0643, 0x0644 };
		const uint8_t lam = letter_code(0x0644);
		lead_add(dt, f[0], f[1], f[2], f[3]);
		for (size_t p = 0; p < 5; p++) {
			uint8_t cp = letter_code(pfx[p]);
			lead_add(dt, cp, f[0], f[1], f[2]);
			if (p < 2)
				for (size_t q = 2; q < 5; q++)
					lead_add(dt, cp, letter_code(pfx[q]), f[0], f[1]);
		}
		if (f[0] == letter_code(0x0627)) {
			lead_add(dt, lam, f[1], f[2], f[3]);
			lead_add(dt, letter_code(0x0648), lam, f[1], f[2]);
			lead_add(dt, letter_code(0x0641), lam, f[1], f[2]);
		}
	}
}

/* the codes of cp: what it folds to */
static void
codes_of_cp(struct codes *w, int32_t c)
{
	char tmp[AR_FOLD_MAX];
	size_t fl = ar_fold_cp(c, tmp, AR_FOLD_CASE);

	for (size_t q = 0; q < fl;) {
		int32_t f;
		q += ar_u8dec(tmp + q, &f);
		codes_add(w, f);
	}
}

static void
code_table_init(struct ar_date *dt)
{
	for (int32_t c = 0; c < 0x800; c++) {
		int k = dt->cc[c];
		if (k != CC_LETTER && k != CC_FORMAT) {
			dt->code[c] = CODE_END;
			continue;
		}
		struct codes w;
		memset(&w, 0, sizeof w);
		codes_of_cp(&w, c);
		if (w.k == 0)
			dt->code[c] = CODE_NONE;
		else if (k == CC_FORMAT)
			dt->code[c] = CODE_SLOW;        /* in the word only before a letter */
		else if (w.k == 1 && w.bytes == (size_t)(c < 0x80 ? 1 : 2) && w.c[0] < CODE_SLOW)
			dt->code[c] = w.c[0];
		else
			dt->code[c] = CODE_SLOW;
	}
	memset(dt->code2, CODE_END, sizeof dt->code2);
	for (int32_t c = 0x80; c < 0x800; c++) {
		unsigned char b[2] = { (unsigned char)(0xC0 | c >> 6), (unsigned char)(0x80 | (c & 0x3F)) };
		dt->code2[ld2(b)] = dt->code[c];
	}
}

static int
is_sep(int32_t c)
{
	return c == '/' || c == '-' || c == '.' || c == ':' || c == '@';
}

/* The code point at byte b of the line, counted from the last one asked
 * (the scanner counts bytes only; code points are counted where a window
 * starts or ends). */
static size_t
cp_of(struct scan *sc, size_t b)
{
	size_t c = sc->cpv;

	if (b < sc->cpos) {
		sc->cpos = 0, c = 0;
	}
	c += ar_u8count(sc->s + sc->cpos, b - sc->cpos);        /* sixteen bytes a step */
	sc->cpos = b, sc->cpv = c;
	return c;
}

/* A number's digits from s[i] (its first digit, c of length l): its end,
 * its value (capped) and its digits. */
static size_t
scan_number(const struct ar_date *dt, const char *s, size_t i, size_t n, int32_t c,
    size_t l, long *v, int *nd)
{
	*v = 0, *nd = 0;
	for (;;) {
		if (*v < 100000)
			*v = *v * 10 + (c < 0x80 ? c - '0' : ar_digit_value(c));
		++*nd;
		i += l;
		if (i >= n)
			return i;
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			if (b < '0' || b > '9')
				return i;
			c = b, l = 1;
		} else {
			l = ar_u8dec(s + i, &c);
			if (cc_of(dt, c) != CC_DIGIT)
				return i;
		}
	}
}

/* The scanner's code of the character at s[i] (its length in *l): from
 * the table below U+0800, else CODE_SLOW for a letter or format character
 * (read by codes_of_cp), CODE_END for anything else. */
static inline unsigned
code_at(const uint8_t *table, const char *s, size_t i, size_t *l, int32_t *cp)
{
	*l = cp_at(s, i, cp);
	if (*cp < 0x800)
		return table[*cp];
	int cl = cc_slow(*cp);
	return cl == CC_LETTER || cl == CC_FORMAT ? CODE_SLOW : CODE_END;
}

/* Does a letter follow the format characters from s[i]? A word takes
 * them in only then, as win_next does. */
static int
format_inside(const struct ar_date *dt, const char *s, size_t i, size_t n)
{
	int32_t c;
	int k = CC_FORMAT;

	while (i < n && (i += cp_at(s, i, &c), k = cc_of(dt, c)) == CC_FORMAT)
		;
	return k == CC_LETTER;
}

/* A word from s[i]: its end, and its codes. The letters of Arabic text
 * take the fast way: two bytes, one table (kept in locals: the codes are
 * bytes, which may alias anything, so they are gathered in c first). */
static size_t
scan_word(const struct ar_date *dt, const char *s, size_t i, size_t n, struct codes *w)
{
	const unsigned char *u = (const unsigned char *)s;
	const uint8_t *table = dt->code;
	uint8_t c[CODE_MASK + 17];
	size_t k = 0, bytes = 0;

	memset(c, 0, 16);
	for (;;) {
		size_t k0 = k;
		while (i + 1 < n) {
			unsigned code = dt->code2[ld2(u + i)];
			if (code >= CODE_SLOW)
				break;
			c[k & CODE_MASK] = (uint8_t)code;
			k += code != CODE_NONE;
			i += 2;
		}
		bytes += 2 * (k - k0);
		if (i >= n || u[i] == ' ')
			break;
		int32_t cp;
		size_t l;
		unsigned code = code_at(table, s, i, &l, &cp);
		if (code == CODE_END)
			break;
		if (code == CODE_SLOW) {
			if (cc_of(dt, cp) == CC_FORMAT && !format_inside(dt, s, i + l, n))
				break;
			memcpy(w->c, c, sizeof c);
			w->k = k, w->bytes = bytes;
			codes_of_cp(w, cp);
			memcpy(c, w->c, sizeof c);
			k = w->k, bytes = w->bytes;
		} else if (code != CODE_NONE) {
			c[k & CODE_MASK] = (uint8_t)code;
			k++, bytes += l;
		}
		i += l;
	}
	/* what codes_anchor reads: c[0..k + 8), only if k <= CODE_MAX */
	memcpy(w->c, c, CODE_MAX + 8);
	w->k = k, w->bytes = bytes;
	return i;
}

/* The end of the word from s[i], as scan_word finds it, without its codes. */
static inline __attribute__((always_inline)) size_t
skip_word(const struct ar_date *dt, const char *s, size_t i, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	const uint8_t *table = dt->code;

	for (;;) {
		while (i + 1 < n && dt->code2[ld2(u + i)] < CODE_SLOW)
			i += 2;
		if (i >= n || u[i] == ' ')      /* the common end, undecoded */
			return i;
		int32_t cp;
		size_t l;
		unsigned code = code_at(table, s, i, &l, &cp);
		if (code == CODE_END || (code == CODE_SLOW && cc_of(dt, cp) == CC_FORMAT
		    && !format_inside(dt, s, i + l, n)))
			return i;
		i += l;
	}
}

/* Can the word from s[i] anchor, by its first four letters? 0 only when
 * they are two-byte letters of one code each (or the word ends before
 * four) and no form codes_anchor tries begins with them: most words of
 * running text, told without reading the rest of them. *e is where the
 * letters read end. */
static inline int
lead_may(const struct ar_date *dt, const unsigned char *u, size_t i, size_t n, size_t *e)
{
	uint32_t x = 0;

	if (i + 8 <= n) {       /* four Arabic letters, the common case */
		const unsigned char *p = u + i;
		const uint8_t *t2 = dt->code2;
		unsigned c0 = t2[ld2(p)], c1 = t2[ld2(p + 2)], c2 = t2[ld2(p + 4)], c3 = t2[ld2(p + 6)];
		if (((c0 - 1) | (c1 - 1) | (c2 - 1) | (c3 - 1)) < CODE_SLOW - 1) {
			*e = i + 8;
			unsigned h = lead_hash(c0 | c1 << 8 | c2 << 16 | c3 << 24);
			return (dt->lead[h / 64] >> (h % 64)) & 1;
		}
		/* one to three of them, then the word's end (في, من, على):
		 * the codes read already say it, as the loop below would */
		unsigned k = c0 - 1 >= CODE_SLOW - 1 ? 0 : c1 - 1 >= CODE_SLOW - 1 ? 1
		    : c2 - 1 >= CODE_SLOW - 1 ? 2 : 3;
		unsigned b = p[2 * k];
		if (k && (b < 0x80 ? dt->code[b] == CODE_END
		    : b - 0xC2 < 0x1E && t2[ld2(p + 2 * k)] == CODE_END)) {
			x = c0 | (k > 1 ? c1 << 8 : 0) | (k > 2 ? c2 << 16 : 0);
			*e = i + 2 * k;
			unsigned h = lead_hash(x);
			return (dt->lead[h / 64] >> (h % 64)) & 1;
		}
	}
	for (int j = 0; j < 4; j++, i += 2) {
		if (i >= n)
			break;
		if (u[i] < 0x80) {
			if (dt->code[u[i]] == CODE_END)
				break;
			return 1;
		}
		if (i + 1 >= n)
			return 1;
		unsigned c = dt->code2[ld2(u + i)];
		if (c - 1 >= CODE_SLOW - 1) {
			/* a two-byte mark ends the word; anything else is slow */
			if (c == CODE_END && (unsigned)(u[i] - 0xC2) < 0x1E)
				break;
			return 1;
		}
		x |= (uint32_t)c << (8 * j);
	}
	*e = i;
	unsigned h = lead_hash(x);
	return (dt->lead[h / 64] >> (h % 64)) & 1;
}

/* The scanner's next token from sc->pos: its start, and whether it
 * anchors. A number anchors when it may be a year (three or four digits,
 * 600 to 2200) or touches a date's separator with a digit beyond it
 * (14/03, 18:05, 2020-10-09). Returns 0 at the end of the line. */
static int
scan_token(const struct ar_date *dt, struct scan *sc, size_t *b0, int *anchor)
{
	const char *s = sc->s;
	size_t i = sc->pos, n = sc->n, l;
	int32_t c;
	int k;

	for (;; i += l) {               /* white space, stray format characters */
		if (i >= n) {
			sc->pos = i;
			return 0;
		}
		unsigned char b = (unsigned char)s[i];
		if (b == ' ') {
			l = 1;
			continue;
		}
		if (i + 1 < n && dt->code2[ld2((const unsigned char *)s + i)] - 1u < CODE_SLOW - 1) {
			k = CC_LETTER;  /* a letter of one code: no decoding */
			break;
		}
		l = cp_at(s, i, &c);
		k = cc_of(dt, c);
		if (k != CC_SPACE && k != CC_FORMAT)
			break;
	}
	*b0 = i;
	*anchor = 0;
	if (k == CC_DIGIT) {
		long v;
		int nd;
		i = scan_number(dt, s, i, n, c, l, &v, &nd);
		if (nd >= 3 && nd <= 4 && v >= 600 && v <= 2200)
			*anchor = 1;
		else if (i + 1 < n && is_sep((unsigned char)s[i]) && (cp_at(s, i + 1, &c),
		    cc_of(dt, c) == CC_DIGIT))
			*anchor = 1;
		else if (*b0 >= 2 && is_sep((unsigned char)s[*b0 - 1])) {
			size_t p = *b0 - 2;
			while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80)
				p--;
			cp_at(s, p, &c);
			*anchor = cc_of(dt, c) == CC_DIGIT;
		}
	} else if (k == CC_LETTER) {
		size_t e;
		if (lead_may(dt, (const unsigned char *)s, i, n, &e)) {
			struct codes w;
			i = scan_word(dt, s, i, n, &w);
			*anchor = codes_anchor(dt, &w);
		} else {
			i = skip_word(dt, s, e, n);
		}
	} else {
		i += l;
	}
	sc->pos = i;
	return 1;
}

/* Outside a window, the scanner's commonest tokens in a run, from the
 * space before each: a word of four or more letters of one code each
 * whose first four begin no anchor, or one of one to three such letters
 * and then a space, whose codes are no anchor's lead: what scan_token
 * and lead_may read first, and skip_word ends the word as they would.
 * Each token's start goes to the ring, as scan_window counts a token
 * outside a window; the first other token (or a word that may anchor)
 * is left to scan_token. Returns the byte after the last token read. */
static inline __attribute__((always_inline)) size_t
skip_plain(const struct ar_date *dt, size_t pos, size_t *rb, size_t *kp)
{
	const unsigned char *u = (const unsigned char *)dt->sc.s;
	const uint8_t *t2 = dt->code2;
	size_t n = dt->sc.n, k = *kp;

	while (pos + 9 <= n && u[pos] == ' ') {
		const unsigned char *p = u + pos + 1;
		unsigned c0 = t2[ld2(p)], c1 = t2[ld2(p + 2)], c2 = t2[ld2(p + 4)], c3 = t2[ld2(p + 6)];
		size_t end;
		unsigned h;
		if (((c0 - 1) | (c1 - 1) | (c2 - 1) | (c3 - 1)) < CODE_SLOW - 1) {
			h = lead_hash(c0 | c1 << 8 | c2 << 16 | c3 << 24);
			end = 0;
		} else {
			/* as lead_may: one to three letters, then the word's end
			 * (here a space) */
			unsigned m = c0 - 1 >= CODE_SLOW - 1 ? 0 : c1 - 1 >= CODE_SLOW - 1 ? 1
			    : c2 - 1 >= CODE_SLOW - 1 ? 2 : 3;
			if (!m || p[2 * m] != ' ')
				break;
			h = lead_hash(c0 | (m > 1 ? c1 << 8 : 0) | (m > 2 ? c2 << 16 : 0));
			end = pos + 1 + 2 * m;
		}
		if ((dt->lead[h / 64] >> (h % 64)) & 1)
			break;
		rb[k % WIN_RING] = pos + 1;
		k++;
		pos = end ? end : skip_word(dt, dt->sc.s, pos + 9, n);
	}
	*kp = k;
	return pos;
}

/* Run the scanner until a window closes, WIN_FWD + WIN_BACK tokens after
 * its last anchor, or the line ends: then the window is set up as the
 * batch to parse. Returns 0 when the line holds no more. */
static int
scan_window(struct ar_date *dt)
{
	struct scan *sc = &dt->sc;
	size_t b0;
	int anchor;

	if (sc->done)
		return 0;
	if (dt->whole) {
		sc->done = 1;
		sc->bb = 0, sc->bc = 0, sc->be = sc->n, sc->bskip = 0;
		sc->batch = 1;
		return 1;
	}
	for (;;) {
		if (!sc->open)
			sc->pos = skip_plain(dt, sc->pos, sc->rb, &sc->k);
		if (!scan_token(dt, sc, &b0, &anchor))
			break;
		size_t k = sc->k++;
		sc->rb[k % WIN_RING] = b0;
		if (anchor) {
			if (!sc->open) {
				size_t j = k + 1 >= WIN_BACK ? k + 1 - WIN_BACK : 0;
				sc->wb0 = sc->rb[j % WIN_RING];
				if (sc->wb0 < sc->prev_end)
					sc->wb0 = sc->prev_end;
				sc->open = 1;
			}
			sc->since = 0;
			sc->we = sc->pos;
		} else if (sc->open) {
			if (++sc->since <= WIN_FWD)
				sc->we = sc->pos;
			else if (sc->since >= WIN_FWD + WIN_BACK)
				break;
		}
	}
	if (!sc->open) {
		sc->done = 1;
		return 0;
	}
	if (sc->pos >= sc->n && sc->since < WIN_FWD + WIN_BACK)
		sc->done = 1;
	sc->open = 0;
	sc->bb = sc->wb0, sc->bc = cp_of(sc, sc->wb0), sc->be = sc->we, sc->bskip = 0;
	sc->prev_end = sc->we;
	sc->batch = 1;
	return 1;
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
static long lx_find(struct ar_date *dt, size_t i, int cls, int pfxok);

/* Most calls ask a token for a class it has no word of: that answer is
 * inline (the calls that said no were 7% of the instructions). */
static inline long
lx(struct ar_date *dt, size_t i, int cls, int pfxok)
{
	if (i >= dt->ntok || !(((pfxok ? dt->tok[i].cls : dt->tok[i].cls0) >> cls) & 1))
		return -1;
	return lx_find(dt, i, cls, pfxok);
}

static long
lx_find(struct ar_date *dt, size_t i, int cls, int pfxok)
{
	long best = -1;

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
	if (best > 0)
		dt->tok[i].used = (int8_t)dt->mpfx;
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
	int H, M, S;            /* the clock; S -1 when no seconds were written */
	int minus;              /* minutes before the hour (إلا ربع): M is 60 less */
	int part;               /* a part of the day that stands alone (قبيل المغرب) */
	int moment;             /* n noon, m midnight: a part of the day that is a time */
	long parttok;
	int bareday;            /* a day of the month after a weekday, no month */
	int wdonly;             /* its day is a bare weekday's */
	int holiday;            /* its day is a holiday's */
	char tz[48];
	char hij[24];
	char ival[80];          /* a value that is not a plain date (intervals) */
	const char *type;
	int dayref;             /* its day is the reference's, taken for a clock alone */
	int samemonth;          /* a day of الشهر with no modifier: of the month just named */
	int nightrel;           /* its day is الليلة, هذا المساء: a clock of 6-11 is p.m. */
};

static void
st_init(struct st *s)
{
	memset(s, 0, sizeof *s);
	s->y = s->m = s->d = s->w = -1;
	s->H = s->M = s->S = -1;
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
	const struct dref *ref = &REF(dt);

	if (!ref->ok)
		return -1;
	int a = m * 32 + d, r = ref->m * 32 + (d ? ref->d : 0);
	switch (mod) {
	case 0: return ref->y;
	case -1: return a < r ? ref->y : ref->y - 1;
	case 1: return a > r ? ref->y : ref->y + 1;
	}
	if (!d) {
		/* a month: by months, six either way the reference's year
		 * (مارس written in September is this year's) */
		int ahead = (m - ref->m + 12) % 12;
		if (ahead == 0 || ahead == 6)
			return ref->y;
		return ahead < 6 ? ref->y + (m < ref->m) : ref->y - (m > ref->m);
	}
	int best = ref->y;
	long bd = -1;
	for (int y = ref->y - 1; y <= ref->y + 1; y++) {
		int dd = d > ar_days_in_month(y, m) ? ar_days_in_month(y, m) : d;
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
	int mm = REF(dt).m + mod, yy = REF(dt).y;

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

/* A Hijri day whose weekday, written with it, is a day off the table's:
 * the month began a day earlier or later where the text was written (by
 * a sighting, not Umm al-Qura's reckoning); the weekday says which. */
static void
hijri_by_wday(struct st *s)
{
	if (!s->wd || s->gran != G_DAY)
		return;
	if (ar_weekday(s->days + 1) == s->wd)
		set_day(s, s->days + 1);
	else if (ar_weekday(s->days - 1) == s->wd)
		set_day(s, s->days - 1);
}

/* An amount: n of a unit (Y M W D H MI S DE CE), and twelfths of one more
 * (ونصف: 6, وربع: 3, نصف ساعة: n 0 and 6); n -1 is an unknown few. */
struct amount {
	int n, frac;
	char unit[3];
	int dual, plural;
	int acc;                /* an accusative singular: one of it alone (أسبوعا) */
	int idiom;              /* العشر الأواخر: ten nights, the unit left out */
};
static long g_amount(struct ar_date *dt, size_t i, int one, struct amount *a);
static char *put_num(char *p, int v, int width);
static char *put_str(char *p, const char *s);
static void unit_of(const char *sv, struct amount *a);
static int wa_value(const struct ar_date *dt, size_t j, int cls, int lo, int hi);
static long g_cardinal(struct ar_date *dt, size_t i, int pfxok, int *v);
static long g_ordinal(struct ar_date *dt, size_t i, int bare, int *v);
static long lx_def(struct ar_date *dt, size_t i, int cls);
static long c_date(struct ar_date *dt, size_t i, struct st *s);
static int is_word(const struct ar_date *dt, size_t k, const char *w);
static int def_number(const struct ar_date *dt, size_t k);

/* ---- components ---- */

/* HH:MM or HH:MM:SS */
static long
c_clocknum(const struct ar_date *dt, size_t i, int *H, int *Mi, int *S)
{
	const struct tok *T = dt->tok;

	if (!isnum(dt, i, 1, 2) || T[i].num > 24 || !adj(dt, i) || !ispunct_at(dt, i + 1, ":")
	    || !adj(dt, i + 1) || !isnum(dt, i + 2, 2, 2) || T[i + 2].num > 59)
		return -1;
	size_t j = i + 3;
	*S = -1;
	if (adj(dt, i + 2) && ispunct_at(dt, j, ":") && adj(dt, j) && isnum(dt, j + 1, 2, 2)
	    && T[j + 1].num <= 59)
		*S = T[j + 1].num, j += 2;
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
	case 'm': case 'x': return H == 12 ? 0 : H;
	case 'n': return H < 6 ? H + 12 : H;
	case 'a': return H < 12 ? H + 12 : H;
	case 'e': return H < 12 && H >= 1 ? H + 12 : H;
	case 't': case 'v': return H == 12 ? 0 : (H >= 6 && H < 12 ? H + 12 : H);
	}
	return H;
}

/* The minutes after an hour: والنصف / والربع / إلا ربع (frac), و + a
 * number of minutes (و20 دقيقة, وعشرين دقيقة), إلا + minutes (إلا خمس
 * دقائق). Returns the end, j when there are none; *mi the minutes,
 * negative before the hour. */
static size_t
c_minutes(struct ar_date *dt, size_t j, int *mi)
{
	struct amount a;
	size_t k = j;
	long r;
	int minus = 0;

	*mi = 0;
	if ((r = lx(dt, j, L_FRAC, 0)) > 0) {
		*mi = dt->m->val;
		return (size_t)r;
	}
	if (lx(dt, k, L_MINUS, 0) > 0)
		minus = 1, k++;
	else if (is_letter_word(dt, k, WAW))
		k++;
	else if (!(k < dt->ntok && dt->tok[k].wa))
		return j;
	long e = g_amount(dt, k, 0, &a);
	if (minus && e < 0 && k < dt->ntok) {
		/* spoken: التاسعة إلا عشرة, الساعة 9 إلا 10, the minutes
		 * unnamed; only the clock's fives, so إلا stays "but" */
		int v = -1;
		if (dt->tok[k].type == T_NUM && dt->tok[k].nd <= 2)
			v = dt->tok[k].num, e = (long)k + 1;
		else if ((e = lx(dt, k, L_NUM, 0)) == (long)k + 1)
			v = dt->m->val;
		if (v != 5 && v != 10 && v != 20 && v != 25)
			return j;
		*mi = -v;
		return (size_t)e;
	}
	if (e < 0 || strcmp(a.unit, "MI") || a.n < 1 || a.n > 59 || a.frac)
		return j;
	*mi = minus ? -a.n : a.n;
	return (size_t)e;
}

/* a.m., p.m. after a clock (7:30 p.m. in sports and business copy): the
 * end, with the part of the day in *pod; AM and PM are pod words of
 * date-words.tsv */
static long
latin_ampm(const struct ar_date *dt, size_t j, int *pod)
{
	const struct tok *T = dt->tok;

	if (j >= dt->ntok || T[j].type != T_WORD || !T[j].ascii)
		return -1;
	const char *w = dt->folded.s + T[j].n0;
	int c = w[0] | 0x20;
	if (c != 'a' && c != 'p')
		return -1;
	*pod = c == 'a' ? 'm' : 'e';
	/* the letters with their points, touching */
	if (T[j].nl == 1 && j + 2 < dt->ntok && ispunct_at(dt, j + 1, ".")
	    && T[j + 2].type == T_WORD && T[j + 2].nl == 1
	    && (dt->folded.s[T[j + 2].n0] | 0x20) == 'm'
	    && T[j + 1].b0 == T[j].b1 && T[j + 2].b0 == T[j + 1].b1) {
		j += 3;
		if (ispunct_at(dt, j, ".") && T[j].b0 == T[j - 1].b1)
			j++;
		return (long)j;
	}
	return -1;
}

/* Does what follows an hour word make it a clock (a part of the day, a
 * zone, من مساء)? */
static int
clock_follows(struct ar_date *dt, size_t j)
{
	int pod;

	return lx(dt, j, L_POD, 0) > 0 || lx(dt, j, L_ZONEIN, 1) > 0 || latin_ampm(dt, j, &pod) > 0
	    || (lx(dt, j, L_FROM, 0) > 0 && dt->m->val == 0 && lx(dt, j + 1, L_POD, 0) > 0);
}

/* a clock time: [الساعة] HH:MM[:SS], or a bare hour or an hour word, with
 * its minutes, and a part of the day, a zone or الساعة to make it one */
static long
c_clock(struct ar_date *dt, size_t i, struct st *s)
{
	const struct tok *T = dt->tok;
	size_t j = i;
	int saa = 0, written = 0, H, Mi = 0, S = -1, pod;
	long r;

	if ((r = lx(dt, j, L_SAA, 1)) > 0)
		saa = 1, j = (size_t)r;
	if (saa && def_number(dt, j))
		j++;                    /* الساعة الـ10 */
	if ((r = c_clocknum(dt, j, &H, &Mi, &S)) > 0) {
		j = (size_t)r;
		written = 1;
	} else if (isnum(dt, j, 1, 2) && T[j].num <= 24) {
		/* the 1 of a score "3-1 مساء السبت" is no hour */
		if (!saa && j >= 2 && T[j - 1].type == T_PUNCT && T[j - 1].b1 == T[j].b0
		    && T[j - 2].type == T_NUM && T[j - 2].b1 == T[j - 1].b0)
			return -1;
		H = T[j].num;
		j = c_minutes(dt, j + 1, &Mi);
		if (!saa && !Mi && !clock_follows(dt, j))
			return -1;
	} else if ((r = lx(dt, j, L_HOUR, saa ? 0 : 1)) > 0) {
		H = dt->m->val;
		j = c_minutes(dt, (size_t)r, &Mi);
		if (!saa && !Mi && !clock_follows(dt, j))
			return -1;
	} else if (saa && (r = g_cardinal(dt, j, 0, &H)) > 0 && H >= 1 && H <= 12
	    && !isnum(dt, j, 1, 6) && lx(dt, (size_t)r, L_UNIT, 1) < 0) {
		/* quoted speech counts the hours: الساعة ثلاثة ونص, الساعة سبعة */
		j = c_minutes(dt, (size_t)r, &Mi);
	} else {
		return -1;
	}
	if (Mi < 0) {                   /* إلا ربع: before the hour (after the part of day) */
		s->minus = -Mi;
		Mi = 0;
	}
	if (j < dt->ntok && T[j].type == T_WORD && T[j].ascii && T[j].nl == 1
	    && dt->folded.s[T[j].n0] == 'z' && T[j - 1].b1 == T[j].b0) {
		strcpy(s->tz, "UTC");
		s->haszone = 1;
		j++;
	}
	/* ص / م after a clock are a.m. and p.m. (10:30 ص, الساعة 4 م); alone
	 * they are other words' (م a metre, a year's mark) */
	if (j < dt->ntok && (saa || written) && T[j].type == T_WORD && T[j].nl == AR_LETTER_LEN
	    && (wordeq(dt, j, SAD, AR_LETTER_LEN) || wordeq(dt, j, MEEM, AR_LETTER_LEN))
	    && H >= 1 && H <= 12) {
		s->pod = wordeq(dt, j, SAD, AR_LETTER_LEN) ? 'm' : 'e';
		j++;
	} else if ((saa || written || T[j - 1].type == T_NUM) && H >= 1 && H <= 12
	    && (r = latin_ampm(dt, j, &pod)) > 0) {
		s->pod = pod;
		j = (size_t)r;
	}
	s->H = H, s->M = Mi, s->S = S;
	s->hasclock = 1;
	return (long)j;
}

/* A day of the month with no month after a weekday (الأربعاء 21, الأحد
 * العاشر, الخميس الموافق السادس عشر): the month, nearest the reference,
 * in which that day is that weekday (finish) */
static long
c_bareday(struct ar_date *dt, size_t i, struct st *s)
{
	const struct tok *T = dt->tok;
	long r;
	int v;

	if (isnum(dt, i, 1, 2) && !(i + 1 < dt->ntok && touches_prev(dt, i + 1)
	    && (T[i + 1].type == T_NUM || ispunct_at(dt, i + 1, "/-.:")))) {
		v = T[i].num;
		r = (long)i + 1;
	} else if ((r = g_ordinal(dt, i, 0, &v)) < 0) {
		return -1;
	}
	if (v < 1 || v > 31 || lx(dt, (size_t)r, L_MONTH, 1) > 0 || lx(dt, (size_t)r, L_MONTHW, 1) > 0
	    || lx(dt, (size_t)r, L_UNIT, 1) > 0 || lx(dt, (size_t)r, L_FROM, 0) > 0
	    || lx(dt, (size_t)r, L_RMOD, 0) > 0 || lx(dt, (size_t)r, L_PERIOD, 1) > 0)
		return -1;
	if ((is_letter_word(dt, (size_t)r, WAW) && isnum(dt, (size_t)r + 1, 1, 2))
	    || wa_value(dt, (size_t)r, L_ORD, 1, 31) > 0)
		return -1;              /* الأربعاء 14 و15 فيفري: a list */
	s->bareday = v;
	return r;
}

/* A part of the day that stands alone and names the day (قبيل المغرب,
 * بعد صلاة الجمعة, عقب صلاة العصر, منتصف الليل, ساعات الصباح الأولى): a
 * prayer after a word of time, صلاة before it if the prayer's name is
 * also another word's (المغرب), or a listed part. */
static long
c_part(struct ar_date *dt, size_t i, struct st *s)
{
	long r;

	if ((r = lx(dt, i, L_DAYPART, 1)) > 0) {
		const char *f = entry_flag(dt->m);
		s->pod = dt->m->str[0] == '-' ? 0 : dt->m->str[0];
		s->part = 1;
		s->moment = !strcmp(f, "noon") ? 'n' : !strcmp(f, "mid") ? 'm' : 0;
		s->parttok = (long)i;
		return r;
	}
	if ((r = lx(dt, i, L_PRAYPREP, 1)) < 0)
		return -1;
	int strong = dt->m->val;
	size_t j = (size_t)r;
	int salat = 0;
	if ((r = lx(dt, j, L_SALAT, 0)) > 0)
		salat = 1, j = (size_t)r;
	if ((r = lx(dt, j, L_PRAYER, 0)) < 0)
		return -1;
	const char *p = dt->m->str;
	if (p[1] == 'a' && !salat && !strong)
		return -1;              /* بعد المغرب: also "after Morocco" */
	if (p[0] == 'w') {              /* صلاة الجمعة: that Friday */
		if (!salat)
			return -1;
		s->wd = 5;
		s->wdtok = (long)i;
	} else {
		s->pod = p[0];
	}
	s->part = 1;
	return r;
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
/* bare: the month's word as written, with no proclitic (باب is no ب + آب)
 * and, for a name of two letters, with its madda (آب, not أب "a father") */
struct month { int mo, cal, amb, partner, ascii, bare; };

static long
c_month(struct ar_date *dt, size_t i, struct month *mn)
{
	long r = lx(dt, i, L_MONTH, 1), r2;

	if (r < 0)
		return -1;
	const struct ar_lexent *m1 = dt->m;
	mn->mo = m1->val, mn->cal = month_cal(m1), mn->amb = month_amb(m1), mn->partner = 0;
	mn->ascii = dt->tok[i].ascii;
	mn->bare = dt->mpfx == 0 && (m1->nw != 1 || m1->wl[0] > 2 * AR_LETTER_LEN
	    || !memcmp(dt->line + dt->tok[i].b0, "\u0622", 2));
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

/* شهر 5, شهر تسعة: a month by its number, as Gulf and Egyptian speech and
 * copy name them, only after the word month (the caller read it); not
 * before a unit (شهر 3 أيام) */
static long
month_num(struct ar_date *dt, size_t i, struct month *mn)
{
	long e = -1;
	int v = -1;

	if (i >= dt->ntok)
		return -1;
	if (dt->tok[i].type == T_NUM && dt->tok[i].nd <= 2)
		v = dt->tok[i].num, e = (long)i + 1;
	else if ((e = lx(dt, i, L_NUM, 0)) == (long)i + 1 && dt->m->val > 1)
		v = dt->m->val;         /* not شهر واحد: one month */
	if (v < 1 || v > 12 || lx(dt, (size_t)e, L_UNIT, 0) > 0 || ispunct_at(dt, (size_t)e, "/-.:"))
		return -1;
	mn->mo = v, mn->cal = 'g', mn->amb = 0, mn->partner = 0, mn->ascii = 0, mn->bare = 0;
	return e;
}

/* a year number (600..2200), with the Gregorian or Hijri marker after it */
/* The end of a year at j: past its marker م or هـ (*hij set), if any. */
static long
year_marker(struct ar_date *dt, size_t j, int *hij)
{
	long r;

	if ((r = lx(dt, j, L_MARKG, 0)) > 0)
		return r;
	if ((r = lx(dt, j, L_MARKH, 0)) > 0)
		*hij = 1;
	return r > 0 ? r : (long)j;
}

static long
c_yearnum(struct ar_date *dt, size_t j, int *y, int *hij)
{
	*hij = 0;
	if (!isnum(dt, j, 3, 4) || dt->tok[j].num < 600 || dt->tok[j].num > 2200)
		return -1;
	*y = dt->tok[j].num;
	return year_marker(dt, j + 1, hij);
}

/* A year in words at j, as it is spoken and quoted: ألفين وعشرين, ألف
 * وتسعمائة وثمانية وأربعين, with a marker after it as c_yearnum reads. */
static long
c_yearwords(struct ar_date *dt, size_t j, int *y, int *hij)
{
	long r = lx(dt, j, L_THOUSAND, 0), e;
	int rest = 0;

	*hij = 0;
	if (r < 0)
		return -1;
	*y = 1000 * dt->m->val;
	j = (size_t)r;
	if (j < dt->ntok && dt->tok[j].wa && (e = g_cardinal(dt, j, 1, &rest)) > 0
	    && rest > 0 && rest < 1000)
		*y += rest, j = (size_t)e;
	else if (is_letter_word(dt, j, WAW) && isnum(dt, j + 1, 1, 3))
		*y += dt->tok[j + 1].num, j += 2;       /* ألفين و24 */
	if (*y < 600 || *y > 2200)
		return -1;
	return year_marker(dt, j, hij);
}

/* Does a word before token i set a numeric day and month as a date (في
 * 14/03, يوم 14/03, الأحد 14/03, بتاريخ, الموافق), or a modifier after it
 * (5/6 الماضي)? A bare 14/03 may be a score or a fraction. */
/* Are tokens i to end - 1 the whole line, as a user types a date alone? */
static int
alone_on_line(const struct ar_date *dt, size_t i, size_t end)
{
	const char *l = dt->sc.s;
	size_t n = dt->sc.n;

	if (l != dt->line || end > dt->ntok || end <= i)
		return 0;
	for (size_t b = 0; b < dt->tok[i].b0; b++)
		if (l[b] != ' ' && l[b] != '\t')
			return 0;
	for (size_t b = dt->tok[end - 1].b1; b < n; b++)
		if (l[b] != ' ' && l[b] != '\t' && l[b] != '\r' && l[b] != '\n')
			return 0;
	return 1;
}

static int
numdate_context(struct ar_date *dt, size_t i, size_t end)
{
	return (i > 0 && (prev_is(dt, i, L_YPREP) || prev_is(dt, i, L_YOM) || prev_is(dt, i, L_WDAY)
	    || prev_is(dt, i, L_JOIN) || prev_is(dt, i, L_DATEW) || prev_is(dt, i, L_TO)
	    || prev_is(dt, i, L_FROM))) || lx(dt, end, L_RMOD, 0) > 0 || alone_on_line(dt, i, end);
}

/* D/M without a year (14/03: the year by the rules of a day and month),
 * M/YYYY (3/2024: a month), in a date's context */
static long
c_numdate2(struct ar_date *dt, size_t i, struct st *s)
{
	const struct tok *T = dt->tok;

	if (!isnum(dt, i, 1, 2) || !adj(dt, i) || !ispunct_at(dt, i + 1, "/") || !adj(dt, i + 1))
		return -1;
	size_t j = i + 3;
	if (touches_prev(dt, j) && (T[j].type == T_NUM || ispunct_at(dt, j, "/-.:")))
		return -1;
	if (!numdate_context(dt, i, j))
		return -1;
	int a = T[i].num, b = T[i + 2].num, mod = 9;
	long r;
	if (isnum(dt, i + 2, 4, 4) && b >= 1900 && b <= 2100 && a >= 1 && a <= 12) {
		s->gran = G_MONTH, s->y = b, s->m = a, s->hasdate = 1, s->yexp = 1;
		return (long)j;
	}
	if (!isnum(dt, i + 2, 1, 2) || b < 1 || b > 12 || a < 1 || a > ar_days_in_month(2000, b))
		return -1;
	if ((r = lx(dt, j, L_RMOD, 0)) > 0)
		mod = dt->m->val, j = (size_t)r;
	int y = pick_year(dt, b, a, mod);
	if (y < 0) {
		s->gran = G_DAY, s->m = b, s->d = a, s->hasdate = 1;
	} else {
		if (a > ar_days_in_month(y, b))
			return -1;
		set_day(s, ar_days_from_civil(y, b, a));
	}
	return (long)j;
}

static int future_context(struct ar_date *dt, size_t ti);
static int clause_has(struct ar_date *dt, size_t ti, int cls, int max);

/* a numeric date: Y-M-D or D/M/Y (one separator, / - or .), with the
 * clock of an ISO timestamp after it (T or @); a year of 1300 to 1500, or
 * هـ after it, makes it Hijri (1445/9/14 هـ, 14-9-1445هـ) */
static long
c_numdate(struct ar_date *dt, size_t i, struct st *s)
{
	const struct tok *T = dt->tok;

	/* written tight, or with one space around both separators (5 / 3 /
	 * 2024, a / or - only, and a year of four digits at one end) */
	int spaced = i + 4 < dt->ntok && isnum(dt, i, 1, 4) && isnum(dt, i + 2, 1, 2)
	    && (T[i].nd == 4 ? isnum(dt, i + 4, 1, 2) : isnum(dt, i + 4, 4, 4));
	for (size_t k = i; spaced && k < i + 4; k++)
		spaced = T[k + 1].b0 == T[k].b1 + 1 && dt->line[T[k].b1] == ' ';
	if (spaced && ispunct_at(dt, i + 1, "/-") && T[i + 3].type == T_PUNCT
	    && T[i + 3].num == T[i + 1].num)
		;
	else if (!isnum(dt, i, 1, 4) || i + 4 >= dt->ntok || !adj(dt, i) || !adj(dt, i + 1)
	    || !adj(dt, i + 2) || !adj(dt, i + 3))
		return c_numdate2(dt, i, s);
	else if (!ispunct_at(dt, i + 1, "/-.") || T[i + 3].type != T_PUNCT
	    || T[i + 3].num != T[i + 1].num || !isnum(dt, i + 2, 1, 2))
		return c_numdate2(dt, i, s);
	int y, m, d;
	if (T[i].nd == 4 && isnum(dt, i + 4, 1, 2))
		y = T[i].num, m = T[i + 2].num, d = T[i + 4].num;
	else if (T[i].nd <= 2 && isnum(dt, i + 4, 4, 4))
		d = T[i].num, m = T[i + 2].num, y = T[i + 4].num;
	else
		return -1;
	if (m > 12 && d >= 1 && d <= 12 && T[i + 1].num == '/')
		m = d, d = T[i + 2].num;        /* 2/15/2013: month first, as US copy writes it */
	size_t j = i + 5;
	if (touches_prev(dt, j) && (T[j].type == T_NUM
	    || (ispunct_at(dt, j, "/-.") && isnum(dt, j + 1, 1, 9) && adj(dt, j))))
		return -1;
	long r;
	int hij = (r = lx(dt, j, L_MARKH, 0)) > 0;
	if (hij)
		j = (size_t)r;
	if (hij || (y >= 1300 && y <= 1500)) {
		if (y < 1300 || y > 1500 || m < 1 || m > 12 || d < 1 || d > 30)
			return -1;
		hijri_set(s, y, m, d);
		hijri_by_wday(s);
		s->yexp = 1;
		return (long)j;
	}
	if (y < 1000 || y > 2999 || m < 1 || m > 12 || d < 1 || d > ar_days_in_month(y, m))
		return -1;
	set_day(s, ar_days_from_civil(y, m, d));
	s->yexp = 1;
	/* 2023-09-20T14:35:00Z, 2025-05-14@15:13:12 */
	if (j + 1 < dt->ntok && touches_prev(dt, j) && adj(dt, j)
	    && ((T[j].type == T_WORD && T[j].ascii && T[j].nl == 1
	    && dt->folded.s[T[j].n0] == 't') || ispunct_at(dt, j, "@"))) {
		long q = c_clock(dt, j + 1, s);
		if (q > 0)
			j = (size_t)q;
	}
	return (long)j;
}

static long g_cardinal(struct ar_date *dt, size_t i, int pfxok, int *v);
static long g_ordinal(struct ar_date *dt, size_t i, int bare, int *v);

/* ---- the date rules: one per form, tried in order by c_date ---- */

/* What the rules share: where the expression starts (i), where it goes
 * on after a position word (j: أواخر, مطلع...), and whether there was one;
 * the day read at j, once, for the rules that start with one. */
struct at {
	size_t i, j;
	int pm;                 /* the position word before: B, M or E, 0 none */
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
	int unit = dt->m->str[0], we = 0;
	if (!strcmp(entry_flag(dt->m), "this"))
		th = 1;                 /* هالأسبوع: ها- glued */
	if (unit == 'E')
		unit = 'W', we = 1;     /* الويكند: the weekend of a week */
	k = (size_t)r;
	long q, o;
	int y, h;
	if ((q = lx(dt, k, L_RMOD, 0)) > 0) {
		mod = dt->m->val, k = (size_t)q;
	} else if (unit == 'Y' && c_yearnum(dt, k, &y, &h) > 0) {
		return RULE_NEXT;       /* أواخر العام 2019: the year's */
	} else if ((o = lx(dt, k, L_OFFSET, 0)) > 0 && !*entry_flag(dt->m) && !th
	    && (mod = dt->m->val, (q = lx(dt, (size_t)o, L_RMOD, 0)) > 0) && dt->m->val == mod) {
		mod *= 2, k = (size_t)q;        /* العام قبل الماضي, الأسبوع بعد المقبل */
	} else if (th || a->pm)
		mod = 0;                /* نهاية الشهر, مطلع الأسبوع: the reference's */
	else
		return RULE_NEXT;
	if (th && mod != 0)
		return RULE_NEXT;
	if (unit == 'W') {
		t->gran = G_WEEK;
		if (REF(dt).ok)
			ar_isoweek(REF(dt).days + 7L * mod, &t->y, &t->w);
		if (a->pm == 'E' || we) {       /* نهاية الأسبوع: the weekend */
			if (REF(dt).ok)
				snprintf(t->ival, sizeof t->ival, "%04d-W%02d-WE", t->y, t->w);
			else
				snprintf(t->ival, sizeof t->ival, "XXXX-WXX-WE");
		}
	} else if (unit == 'M') {
		t->gran = G_MONTH;
		if (REF(dt).ok)
			ref_month(dt, mod, &t->y, &t->m);
	} else {
		t->gran = G_YEAR;
		if (REF(dt).ok)
			t->y = REF(dt).y + mod;
	}
	t->hasdate = 1;
	return (long)k;
}

static long century_at(struct ar_date *dt, size_t k, int *c);
static int def_word(const struct ar_date *dt, size_t k);

/* Is token k the start of an age: من عمره, من العمر (في الأربعينات من
 * عمره is a man's forties, not a decade)? */
static int
age_after(struct ar_date *dt, size_t k)
{
	const struct ar_lexent *m = dt->m;
	int p = dt->mpfx;
	long r = lx(dt, k, L_FROM, 0);
	int age = r > 0 && dt->m->val == 0 && lx(dt, (size_t)r, L_AGE, 1) > 0;

	dt->m = m, dt->mpfx = p;
	return age;
}

/* الثمانينيات, تسعينيات القرن الماضي, خمسينيات القرن التاسع عشر (185),
 * السبعينات من القرن العشرين: a decade (the words are made from the tens
 * of num), of the century written after it, else of the 1900s */
static long
r_decade(struct ar_date *dt, struct at *a, struct st *t)
{
	long r = lx(dt, a->j, L_DECADE, 1), q;
	int c;
	struct amount u;

	if (r < 0 && (r = lx(dt, a->j, L_UNITDEF, 1)) > 0
	    && (unit_of(dt->m->str, &u), !strcmp(u.unit, "DE") && !u.plural && !u.dual)
	    && (dt->mpfx == 0 || (dt->mpfx == 1 && (starts(dt->line + dt->tok[a->j].b0, WAW)
	    || starts(dt->line + dt->tok[a->j].b0, FEH))))
	    && (q = lx(dt, (size_t)r, L_RMOD, 0)) > 0) {
		/* العقد الماضي (201 in 2024), العقد المقبل; not بالعقد الحالي, a contract */
		if (REF(dt).ok)
			t->y = REF(dt).y / 10 + dt->m->val;
		else
			t->y = -1;
		t->gran = G_DEC, t->hasdate = 1;
		return q;
	}
	if (r < 0 || dt->m->cls != L_DECADE)
		return RULE_NEXT;
	t->y = dt->m->val;
	size_t k = (size_t)r;
	if (age_after(dt, k))
		return RULE_FAIL;
	long e = century_at(dt, k, &c);
	if (e < 0 && lx(dt, k, L_FROM, 0) > 0 && dt->m->val == 0)
		e = century_at(dt, k + 1, &c);
	if (e > 0) {
		if (c >= 0)             /* القرن الماضي with no reference: the 1900s */
			t->y = c * 10 + t->y % 10;
		k = (size_t)e;
	} else if ((r = lx(dt, k, L_CENTURY, 0)) > 0) {
		k = (size_t)r;
	}
	t->gran = G_DEC;
	t->hasdate = 1;
	return (long)k;
}

/* The year or month a part of it is taken from, at token k (after من /
 * في): a date, or the bare period word (من العام: the reference's year,
 * من الشهر its month). The end, or -1. */
static long
whole_after(struct ar_date *dt, size_t k, struct st *y)
{
	st_init(y);
	long e = c_date(dt, k, y);
	if (e < 0 && (e = lx(dt, k, L_PERIOD, 0)) > 0 && lx(dt, (size_t)e, L_RMOD, 0) < 0) {
		int u = dt->m->str[0];
		st_init(y);
		y->gran = u == 'Y' ? G_YEAR : u == 'M' ? G_MONTH : G_NONE;
		y->y = REF(dt).ok ? REF(dt).y : -1, y->m = REF(dt).ok ? REF(dt).m : -1;
		y->hasdate = 1;
	}
	return e;
}

/* الربع الأول من العام الجاري (2024-Q1), النصف الثاني من 2023
 * (2023-H2), الربع الأخير من عام 2022: quarters and halves of a year */
static long
r_quarter(struct ar_date *dt, struct at *a, struct st *t)
{
	size_t j = a->j;
	long r = a->pm ? -1 : lx(dt, j, L_THIS, 0), e;
	int n, cur = r > 0;

	if (cur)
		j = (size_t)r;          /* هذا الربع: the reference's quarter */
	r = lx_def(dt, j, L_HALF);
	if (r < 0 || a->pm || (dt->m->val != 3 && dt->m->val != 6))
		return RULE_NEXT;
	int q = dt->m->val == 3 ? 4 : 2;        /* quarters or halves in a year */
	size_t k = (size_t)r;
	/* الربع الماضي / المقبل / الحالي: the quarter before, after or of
	 * the reference's (a half is not said so) */
	if (q == 4 && (cur || lx(dt, k, L_RMOD, 0) > 0)) {
		int d = 0;
		e = (long)k;
		if (!cur)
			d = dt->m->val, e = lx(dt, k, L_RMOD, 0);
		if (lx(dt, (size_t)e, L_FROM, 0) > 0)
			return RULE_NEXT;       /* الربع الماضي من المباراة */
		if (!REF(dt).ok) {
			snprintf(t->ival, sizeof t->ival, "XXXX-QX");
		} else {
			int qq = (REF(dt).m - 1) / 3 + d, yy = REF(dt).y;
			if (qq < 0)
				qq += 4, yy--;
			else if (qq > 3)
				qq -= 4, yy++;
			snprintf(t->ival, sizeof t->ival, "%04d-Q%d", yy, qq + 1);
		}
		t->gran = G_YEAR, t->hasdate = 1;
		return e;
	}
	if (cur)
		return RULE_NEXT;
	if ((e = lx(dt, k, L_LASTW, 0)) > 0 && dt->m->val < 0)
		n = q;
	else if ((e = g_ordinal(dt, k, 0, &n)) < 0 || n < 1 || n > q)
		return RULE_NEXT;
	k = (size_t)e;
	struct st y;
	if (!(lx(dt, k, L_FROM, 0) > 0 && dt->m->val == 0) && !is_word(dt, k, "\u0641\u064a")) {
		if (def_word(dt, k) || (k < dt->ntok && dt->tok[k].type == T_WORD
		    && starts(dt->folded.s + dt->tok[k].n0, LAM)))
			return RULE_NEXT;       /* النصف الأول للقرن الثالث: of what follows */
		int yy, hh;
		long ye;
		st_init(&y);            /* الربع الأول alone: the reference year's */
		y.y = REF(dt).ok ? REF(dt).y : -1;
		if ((ye = c_yearnum(dt, k, &yy, &hh)) > 0 && dt->tok[k].nd == 4 && !hh)
			y.y = yy, e = ye;       /* الربع الأول 2024 */
	} else if ((e = whole_after(dt, k + 1, &y)) < 0 || y.gran != G_YEAR || y.ival[0] || y.hij[0])
		return RULE_NEXT;       /* النصف الثاني من المباراة */
	if (y.y < 0)
		snprintf(t->ival, sizeof t->ival, "XXXX-%c%d", q == 4 ? 'Q' : 'H', n);
	else
		snprintf(t->ival, sizeof t->ival, "%04d-%c%d", y.y, q == 4 ? 'Q' : 'H', n);
	t->gran = G_YEAR, t->hasdate = 1;
	return e;
}

/* Q1 2024, H2 2023: a quarter or a half in the code of business copy,
 * with its year */
static long
r_quarter_code(struct ar_date *dt, struct at *a, struct st *t)
{
	size_t k = a->j;
	int yy, hh;
	long e;

	if (a->pm || (e = lx(dt, k, L_QCODE, 0)) < 0 || (size_t)e != k + 1 || !isnum(dt, k + 1, 1, 1)
	    || !touches_prev(dt, k + 1))
		return RULE_NEXT;
	int q = dt->m->val, n = dt->tok[k + 1].num;
	if (n < 1 || n > q || (e = c_yearnum(dt, k + 2, &yy, &hh)) < 0 || dt->tok[k + 2].nd != 4 || hh)
		return RULE_NEXT;
	snprintf(t->ival, sizeof t->ival, "%04d-%c%d", yy, q == 4 ? 'Q' : 'H', n);
	t->gran = G_YEAR, t->hasdate = 1;
	return e;
}

static int def_number(const struct ar_date *dt, size_t k);

/* القرن التاسع عشر (18), القرن الحادي والعشرين (20), القرن 19, القرن
 * الماضي at token k: the end, *c the century's TIMEX3 value (the hundreds
 * of its years; -1 unknown without a reference); -1 if none, -2 for a
 * Hijri century */
static long
century_at(struct ar_date *dt, size_t k, int *c)
{
	long r = lx(dt, k, L_CENTW, 1), e;
	int n;

	if (r < 0)
		return -1;
	k = (size_t)r;
	if (def_number(dt, k))
		k++;                    /* القرن الـ21 */
	if ((e = g_ordinal(dt, k, 0, &n)) > 0 && n >= 1 && n <= 30) {
		*c = n - 1;
	} else if (isnum(dt, k, 1, 2) && dt->tok[k].num >= 1 && dt->tok[k].num <= 30) {
		*c = dt->tok[k].num - 1, e = (long)k + 1;
	} else if ((e = lx(dt, k, L_RMOD, 0)) > 0) {
		if (!REF(dt).ok)
			*c = -1;
		else
			*c = REF(dt).y / 100 + dt->m->val;
	} else {
		return -1;
	}
	k = (size_t)e;
	if ((r = lx(dt, k, L_MARKH, 0)) > 0)
		return -2;
	if ((r = lx(dt, k, L_MARKG, 0)) > 0)
		k = (size_t)r;
	return (long)k;
}

static long bc_marker(struct ar_date *dt, size_t k);

/* a century, its TIMEX3 value the hundreds of its years */
static long
r_century(struct ar_date *dt, struct at *a, struct st *t)
{
	int c;
	long e = century_at(dt, a->j, &c);

	if (e == -2)
		return RULE_FAIL;       /* a Hijri century: no TIMEX3 value */
	if (e < 0)
		return RULE_NEXT;
	t->y = c;
	t->gran = G_CENT, t->hasdate = 1;
	long b = c >= 0 ? bc_marker(dt, (size_t)e) : -1;
	if (b > 0) {            /* القرن الخامس قبل الميلاد: BC04 */
		snprintf(t->ival, sizeof t->ival, "BC%02d", c);
		e = b;
	}
	return e;
}

/* Token k is an adjective of relation with the article (المالي,
 * الدراسية): ال, three letters or more, ي or يه (ية folded) at the end. */
static int
nisba(const struct ar_date *dt, size_t k)
{
	const struct tok *t = &dt->tok[k];

	if (k >= dt->ntok || t->type != T_WORD || t->nl < 6 * AR_LETTER_LEN)
		return 0;
	const char *w = dt->folded.s + t->n0;
	size_t n = t->nl;
	if (memcmp(w, ALEF LAM, 2 * AR_LETTER_LEN))
		return 0;
	if (!memcmp(w + n - AR_LETTER_LEN, "\u0647", AR_LETTER_LEN))
		n -= AR_LETTER_LEN;
	return !memcmp(w + n - AR_LETTER_LEN, YEH, AR_LETTER_LEN);
}

/* Token j (a year word) follows an act's number: القانون رقم 10 لسنة
 * 2018, القرار رقم (5) لعام 2020 name a law, not a year. */
static int
act_number(const struct ar_date *dt, size_t j)
{
	size_t k = j;

	if (k && ispunct_at(dt, k - 1, ")"))
		k--;
	if (!k || !isnum(dt, k - 1, 1, 5))
		return 0;
	k--;
	if (k && ispunct_at(dt, k - 1, "("))
		k--;
	return k && is_word(dt, k - 1, "\u0631\u0642\u0645");       /* رقم */
}

/* عام 2020, سنة 1445 هـ, عامي 2020 و2022 */
static long
r_year_word(struct ar_date *dt, struct at *a, struct st *t)
{
	long r = lx(dt, a->j, L_YEARW, 1);
	int y, h;

	if (r < 0)
		return RULE_NEXT;
	if (act_number(dt, a->j))
		return RULE_FAIL;
	int dual = dt->m->val == 2, hword = dt->m->val == 3;
	size_t k = (size_t)r;
	if (!dual && nisba(dt, k) && isnum(dt, k + 1, 4, 4))
		k++;                    /* العام المالي 2024, السنة الدراسية 2024 */
	if ((r = c_yearnum(dt, k, &y, &h)) < 0 && (dual || (r = c_yearwords(dt, k, &y, &h)) < 0))
		return a->pm ? RULE_NEXT : RULE_FAIL;
	if (!(h || hword || y >= 1000))
		return a->pm ? RULE_NEXT : RULE_FAIL;
	if (!h && isnum(dt, k, 4, 4) && adj(dt, k) && ispunct_at(dt, k + 1, "-/") && adj(dt, k + 1)
	    && isnum(dt, k + 2, 2, 4))
		return RULE_FAIL;       /* العام الدراسي 2024/25: a span, p_years reads it */
	h |= hword;                     /* العام الهجري 1446 */
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
/* Is token q a counted noun after a number, as Arabic writes it: an
 * indefinite word in ة or in the accusative ا / اً (2024 حالة, 1500 مترا),
 * not a plural verb in وا, not a word with the article? */
static int
counted_noun(const struct ar_date *dt, size_t q)
{
	if (q >= dt->ntok)
		return 0;
	const struct tok *t = &dt->tok[q];
	const char *w = dt->line + t->b0;
	size_t n = t->b1 - t->b0;

	/* a preposition's noun after the number, no count of it (ارتفعت بين
	 * 2015 و2018 بنسبة 12): بنسبة, بقيمة, بمعدل, بمقدار, بزيادة */
	static const char *const prep_noun[] = { "\u0628\u0646\u0633\u0628\u0629",
	    "\u0628\u0642\u064a\u0645\u0629", "\u0628\u0645\u0639\u062f\u0644",
	    "\u0628\u0645\u0642\u062f\u0627\u0631", "\u0628\u0632\u064a\u0627\u062f\u0629" };

	if (t->type != T_WORD || t->ascii || n < 6
	    || !memcmp(w, "\u0627\u0644", 4))
		return 0;
	for (size_t k = 0; k < sizeof prep_noun / sizeof *prep_noun; k++)
		if (n == strlen(prep_noun[k]) && !memcmp(w, prep_noun[k], n))
			return 0;
	if (n >= 8 && !memcmp(w + n - 2, "\u064b", 2))
		n -= 2;                 /* اً */
	if (!memcmp(w + n - 2, "\u0629", 2))
		return 1;
	return !memcmp(w + n - 2, "\u0627", 2) && memcmp(w + n - 4, "\u0648", 2)
	    && memcmp(w + n - 4, "\u0645", 2);        /* عندما, بينما */
}

/* The number at j, after a preposition that also takes counts (إلى, من),
 * is one: a counted noun follows it at q, by its shape or in measure */
static int
count_after(struct ar_date *dt, size_t j, size_t q)
{
	const struct ar_lexent *m = dt->m;
	int p = dt->mpfx, c = 0;

	if (j > 0 && q < dt->ntok && lx(dt, j - 1, L_YPREP, 1) == (long)j && dt->m->val == 1)
		c = counted_noun(dt, q) || lx(dt, q, L_MEASURE, 1) > 0;
	dt->m = m, dt->mpfx = p;
	return c;
}

/* Token q is a counted noun in ما (درهما: counted_noun leaves such words
 * to the conjunctions, عندما, بينما): five letters or more, no article,
 * not one of those */
static int
counted_in_ma(const struct ar_date *dt, size_t q)
{
	static const char *const conj[] = { "\u0628\u064a\u0646\u0645\u0627",
	    "\u0639\u0646\u062f\u0645\u0627", "\u062d\u064a\u0646\u0645\u0627",
	    "\u0645\u062b\u0644\u0645\u0627", "\u0637\u0627\u0644\u0645\u0627",
	    "\u062d\u064a\u062b\u0645\u0627", "\u0623\u064a\u0646\u0645\u0627",
	    "\u0643\u064a\u0641\u0645\u0627", "\u0631\u064a\u062b\u0645\u0627" };
	if (q >= dt->ntok)
		return 0;
	const struct tok *t = &dt->tok[q];
	const char *w = dt->line + t->b0;
	size_t n = t->b1 - t->b0;

	if (t->type != T_WORD || t->ascii || n < 10 || !memcmp(w, "\u0627\u0644", 4)
	    || memcmp(w + n - 4, "\u0645\u0627", 4))
		return 0;
	for (size_t k = 0; k < sizeof conj / sizeof *conj; k++)
		if (n == strlen(conj[k]) && !memcmp(w, conj[k], n))
			return 0;
	return 1;
}

/* A year after a noun, as news names events by their year (موازنة 2024,
 * مونديال 2022, انتخابات 2018 البرلمانية, تعداد 2014): four digits, 1900
 * to 2100, after an Arabic word that takes no count (numnoun: رقم, نحو,
 * بلغ...) and not before what makes the number a count (a counted noun by
 * its shape or in measure, a unit, a month, another number). */
static int
year_of_noun(struct ar_date *dt, size_t j, size_t q, int y)
{
	const struct ar_lexent *m = dt->m;
	int p = dt->mpfx, ok;

	if (j == 0 || dt->tok[j].nd != 4 || y < 1900 || y > 2100 || dt->tok[j - 1].type != T_WORD
	    || dt->tok[j - 1].ascii || touches_prev(dt, j))
		return 0;
	ok = !prev_is(dt, j, L_NUMNOUN) && !prev_is(dt, j, L_MEASURE) && !prev_is(dt, j, L_NUM)
	    && !prev_is(dt, j, L_YEARW) && !is_word(dt, j - 1, "\u0628\u064a\u0646")
	    && !prev_is(dt, j, L_THOUSAND) && !counted_noun(dt, q) && !counted_in_ma(dt, q)
	    && lx(dt, q, L_MEASURE, 1) < 0 && lx(dt, q, L_UNIT, 1) < 0 && lx(dt, q, L_MONTH, 1) < 0
	    && lx(dt, q, L_THOUSAND, 1) < 0 && (q >= dt->ntok || dt->tok[q].type != T_NUM);
	dt->m = m, dt->mpfx = p;
	return ok;
}

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
	/* what touches the number after it makes it no year (2015-2016,
	 * 2015/16, 2015م is read above), but a mark of punctuation may */
	size_t q = (size_t)r;
	int touch = touches_prev(dt, q) && (dt->tok[q].type != T_PUNCT
	    || (q + 1 < dt->ntok && adj(dt, q) && dt->tok[q + 1].type == T_NUM));
	if (!(h || (size_t)r > j + 1 || ((a->pm || prev_is(dt, j, L_YPREP))
	    && y >= 1800 && y <= 2100 && lx(dt, q, L_MONTH, 1) < 0
	    && lx(dt, q, L_UNIT, 1) < 0 && !touch && !count_after(dt, j, q))
	    || (!touch && year_of_noun(dt, j, q, y))))
		return RULE_NEXT;
	if (h)
		hijri_set(t, y, 0, 0);
	else
		t->y = y, t->gran = G_YEAR, t->hasdate = 1;
	t->yexp = 1;
	return r;
}

/* the first month of a season (spring in March ... winter in December,
 * the winter of year y running into y + 1) */
static int
season_start(const char *season)
{
	return season[0] == 'S' ? (season[1] == 'P' ? 3 : 6) : season[0] == 'F' ? 9 : 12;
}

/* The year of a season by modifier mod: the next one to begin after the
 * reference (1), the last one to end before it (-1), the reference's (0) */
static int
season_year(const struct ar_date *dt, const char *season, int mod)
{
	int st = season_start(season), ry = REF(dt).y, rm = REF(dt).m;

	if (mod > 0)
		return rm < st ? ry : ry + 1;
	if (mod < 0) {
		int y = ry;
		while (y * 12L + st + 2 >= ry * 12L + rm)
			y--;            /* its last month is not yet over */
		return y;
	}
	return ry;
}

/* Token k is the folded word w, or w after the proclitics word_forms
 * strips (لموسم, وبموسم) */
static int
word_pfx(const struct ar_date *dt, size_t k, const char *w)
{
	const struct tok *t = &dt->tok[k];
	size_t wl = strlen(w);
	struct forms f;

	if (k >= dt->ntok || t->type == T_PUNCT)
		return 0;
	word_forms(dt->folded.s + t->n0, t->nl, &f);
	for (int q = 0; q < 3; q++)
		if (f.n[q] == wl && !memcmp(f.w[q], w, wl))
			return 1;
	return 0;
}

/* Is token k a word with the article (an adjective after a noun: الربيع
 * العربي is a name)? */
static int
def_word(const struct ar_date *dt, size_t k)
{
	const struct tok *t = &dt->tok[k];

	return k < dt->ntok && t->type == T_WORD && t->nl >= 6
	    && !memcmp(dt->folded.s + t->n0, ALEF LAM, 2 * AR_LETTER_LEN);
}

/* صيف 2021, شتاء هذا العام, خريف العام الماضي, الصيف المقبل, هذا
 * الصيف, and الصيف alone (the reference year's) */
static long
r_season(struct ar_date *dt, struct at *a, struct st *t)
{
	size_t j = a->j;
	int y, h, th = 0;
	long r;

	if (!a->pm && (r = lx(dt, j, L_THIS, 1)) > 0)
		th = 1, j = (size_t)r;
	if ((r = lx(dt, j, L_SEASON, th ? 0 : 1)) < 0)
		return RULE_NEXT;
	const char *season = dt->m->str;
	int def = !memcmp(dt->m->w[0], ALEF LAM, 2 * AR_LETTER_LEN);
	size_t k = (size_t)r;
	if (th || def) {
		int mod = 0;
		if (!th && (r = lx(dt, k, L_RMOD, 0)) > 0)
			mod = dt->m->val, k = (size_t)r;
		else if (!th && (def_word(dt, k) || lx(dt, k, L_MONTH, 0) > 0))
			return RULE_NEXT;       /* الربيع العربي */
		else if (!th && !a->pm && dt->tok[a->i].b0 > 0 && !prev_is(dt, a->i, L_YPREP)
		    && !(a->i > 0 && (word_pfx(dt, a->i - 1, "\u0641\u0635\u0644")
		    || word_pfx(dt, a->i - 1, "\u0645\u0648\u0633\u0645"))))
			return RULE_NEXT;       /* مهرجان الربيع; في الصيف, فصل الصيف */
		if (REF(dt).ok)
			snprintf(t->ival, sizeof t->ival, "%04d-%s", season_year(dt, season, mod), season);
		else
			snprintf(t->ival, sizeof t->ival, "XXXX-%s", season);
		t->gran = G_YEAR, t->hasdate = 1;
		return (long)k;
	}
	size_t yk = k;
	if ((r = lx(dt, k, L_YEARW, 0)) > 0 && dt->m->val == 0)
		yk = (size_t)r;
	if ((r = c_yearnum(dt, yk, &y, &h)) > 0 && !h && dt->tok[yk].nd == 4) {
		snprintf(t->ival, sizeof t->ival, "%04d-%s", y, season);
		t->y = y, t->gran = G_YEAR, t->hasdate = 1, t->yexp = 1;
		return r;
	}
	int mod = 0;
	long q;
	if ((((r = lx(dt, k, L_THIS, 0)) > 0 && (r = lx(dt, (size_t)r, L_PERIOD, 0)) > 0)
	    || ((q = lx(dt, k, L_PERIOD, 0)) > 0 && (r = lx(dt, (size_t)q, L_RMOD, 0)) > 0
	    && (mod = dt->m->val, lx(dt, k, L_PERIOD, 0) > 0)))
	    && dt->m->str[0] == 'Y') {
		if (REF(dt).ok)
			snprintf(t->ival, sizeof t->ival, "%04d-%s", REF(dt).y + mod, season);
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
	int v;
	/* أول نيسان, غرة شوال, غرة شهر محرم: the first, with no من */
	if ((r = lx(dt, k, L_ORDBARE, 1)) > 0 && dt->m->val == 1
	    && (lx(dt, (size_t)r, L_MONTH, 0) > 0 || lx(dt, (size_t)r, L_MONTHW, 0) > 0)) {
		*kp = (size_t)r;
		*dd = 1;
		return 0;
	}
	if ((r = g_ordinal(dt, k, 0, &v)) > 0) {
		k = (size_t)r;
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
	int hmark;              /* the year had a Hijri marker */
	int shahr;              /* شهر before the month */
	struct month mn;
	int y;                  /* the year written, or -1 */
	int mod;                /* -1 last, 0 this, 1 next, 9 none */
};

/* the year of a Hijri month written without one: the one holding the
 * reference, else the nearest; by mod the latest before or the next after */
static int
hijri_year_near(const struct ar_date *dt, int mo, int dd, int mod)
{
	long ref = REF(dt).days;
	int hy = ar_hijri_year_of(ref), best = hy;
	long bd = -1;

	for (int c = hy - 1; c <= hy + 1; c++) {
		long a = ar_hijri_days(c, mo, dd ? dd : 1);
		long b = dd ? a : a + ar_hijri_month_len(c, mo) - 1;
		long x = ref < a ? a - ref : ref > b ? ref - b : 0;
		if (mod == -1 && b >= ref) continue;
		if (mod == 1 && a <= ref) continue;
		if (bd < 0 || x < bd) bd = x, best = c;
	}
	return best;
}

/* the Hijri year whose month mo begins in Gregorian year gy (رمضان 2025) */
static int
hijri_year_in(int gy, int mo)
{
	int hy = ar_hijri_year_of(ar_days_from_civil(gy, 1, 1));
	long lo = ar_days_from_civil(gy, 1, 1), hi = ar_days_from_civil(gy + 1, 1, 1);

	for (int c = hy - 1; c <= hy + 2; c++) {
		long a = ar_hijri_days(c, mo, 1);
		if (a >= lo && a < hi)
			return c;
	}
	return hy;
}

/* The Hijri year, near the reference, in which day dd of month mo is
 * weekday wd (الأحد 14 رمضان); y if none within three years. */
static int
hijri_year_wday(const struct ar_date *dt, int mo, int dd, int wd, int y)
{
	long best = -1;
	int by = y;

	for (int c = y - 3; c <= y + 3; c++) {
		long d = ar_hijri_days(c, mo, dd);
		if (ar_weekday(d) != wd)
			continue;
		long x = d > REF(dt).days ? d - REF(dt).days : REF(dt).days - d;
		if (best < 0 || x < best)
			best = x, by = c;
	}
	return by;
}

static long
resolve_hijri(struct ar_date *dt, struct dmy *p, long k, struct st *t)
{
	int y = p->y, mo = p->mn.mo;

	if (y >= 1900 && !p->hmark) {
		y = hijri_year_in(y, mo);       /* a Gregorian year */
		t->yexp = 1;
	} else if (y < 0) {
		if (!REF(dt).ok) {      /* no reference: the Hijri date is known, the day X */
			if (p->dd > 30)
				return RULE_FAIL;
			t->gran = p->dd ? G_DAY : G_MONTH, t->hasdate = 1;
			char *q = put_str(t->hij, "XXXX-");
			q = put_num(q, mo, 2);
			if (p->dd)
				*q++ = '-', q = put_num(q, p->dd, 2);
			*q = 0;
			return k;
		}
		y = hijri_year_near(dt, mo, p->dd, p->mod);
		if (t->wd && p->dd && p->mod == 9)
			y = hijri_year_wday(dt, mo, p->dd, t->wd, y);
	} else {
		t->yexp = 1;
	}
	if (p->dd > 30)
		return RULE_FAIL;
	hijri_set(t, y, mo, p->dd);
	if (p->dd && !p->d2)
		hijri_by_wday(t);
	if (p->d2)
		ival_days(t, t->days, ar_hijri_days(y, mo, p->d2));
	return k;
}

/* The Gregorian year, near the reference, in which mo/dd is weekday wd
 * (الأربعاء 21 أغسطس); y if none within six years. */
static int
year_wday(const struct ar_date *dt, int mo, int dd, int wd, int y)
{
	long best = -1;
	int by = y;

	for (int c = y - 6; c <= y + 6; c++) {
		if (dd > ar_days_in_month(c, mo))
			continue;
		long d = ar_days_from_civil(c, mo, dd);
		if (ar_weekday(d) != wd)
			continue;
		long x = d > REF(dt).days ? d - REF(dt).days : REF(dt).days - d;
		if (best < 0 || x < best)
			best = x, by = c;
	}
	return by;
}

static int clause_has(struct ar_date *dt, size_t ti, int cls, int max);
#define BACK_MAX 20
/* How far back a scheduling verb reaches a bare weekday or month: its
 * clause, as far as the reader goes back (the verb, its subject and
 * object, a place: وتبدأ إذاعة القرآن الكريم بثها التجريبي على الموجة
 * 98.1 إف إم اعتبارا من منتصف ليل الخميس) */
#define SCHED_REACH BACK_MAX

/* A month alone is the next in a sentence about the future or after a
 * scheduling verb (يبدأ العام الدراسي في سبتمبر), the latest after a verb
 * in the perfect (بدأ العام الدراسي في سبتمبر), else the nearest (تصل
 * الحرارة في يوليو إلى 50 درجة); ti is where the expression starts. */
static int
month_alone_year(struct ar_date *dt, int mo, size_t ti)
{
	if (mo == REF(dt).m)
		return REF(dt).y;
	if (future_context(dt, ti) || clause_has(dt, ti, L_SCHED, SCHED_REACH))
		return pick_year(dt, mo, 0, 1);
	return pick_year(dt, mo, 0, clause_has(dt, ti, L_PASTV, SCHED_REACH) ? -1 : 9);
}

static long
resolve_gregorian(struct ar_date *dt, struct dmy *p, size_t i, long k, struct st *t)
{
	int y = p->y, mo = p->mn.mo, dd = p->dd;

	if (y >= 0)
		t->yexp = 1;
	else if (!dd && p->mod == 9 && REF(dt).ok)
		y = month_alone_year(dt, mo, i);
	else
		y = pick_year(dt, mo, dd, p->mod);
	if (!dd) {
		t->gran = G_MONTH, t->y = y, t->m = mo, t->hasdate = 1;
		return k;
	}
	if (p->y < 0 && y >= 0 && t->wd && p->mod == 9 && !p->d2)
		y = year_wday(dt, mo, dd, t->wd, y);
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

	const struct tok *T = dt->tok;
	if (!p->dd && isnum(dt, k, 1, 2) && T[k].num >= 1 && T[k].num <= 31 && ispunct_at(dt, k + 1, "-")
	    && isnum(dt, k + 2, 1, 2) && T[k + 2].num > T[k].num && T[k + 2].num <= 31) {
		p->dd = T[k].num, p->d2 = T[k + 2].num;     /* مايو 4-9 */
		k += 3;
	} else if (!p->dd && isnum(dt, k, 1, 2) && dt->tok[k].num >= 1 && dt->tok[k].num <= 31
	    && (p->mn.ascii || (p->mn.cal != 'h' && ispunct_at(dt, k + 1, ",") && isnum(dt, k + 2, 4, 4)))) {
		/* September 29, 2023; and in translated copy مارس 14، 2024 (with an
		 * Arabic name only before a comma and a year: مارس 14 قتيلا is none) */
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
	int yw = 0;
	if ((r = lx(dt, q, L_YEARW, 0)) > 0 && dt->m->val == 0)
		q = (size_t)r, yw = 1;
	if (((r = c_yearnum(dt, q, &yy, &hh)) > 0 && (dt->tok[q].nd == 4 || hh))
	    || (yw && (r = c_yearwords(dt, q, &yy, &hh)) > 0)) {
		p->y = yy, p->hmark = hh;
		k = (size_t)r;
	}
	if (p->y < 0 && (r = lx(dt, k, L_RMOD, 0)) > 0) {
		p->mod = dt->m->val;
		k = (size_t)r;
	}
	struct st w;
	if (p->y < 0 && p->mod == 9 && p->mn.cal != 'h' && lx(dt, k, L_FROM, 0) > 0
	    && dt->m->val == 0 && (r = whole_after(dt, k + 1, &w)) > 0 && w.gran == G_YEAR
	    && !w.ival[0] && !w.hij[0] && w.y >= 0 && !def_word(dt, (size_t)r)) {
		p->y = w.y;             /* ديسمبر من العام 2022, مارس من السنة الماضية */
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
	if ((r = lx(dt, k, L_MONTHW, p.dd ? 0 : 1)) > 0)
		p.shahr = 1, k = (size_t)r;
	if ((r = c_month(dt, k, &p.mn)) < 0 && !(p.shahr && (r = month_num(dt, k, &p.mn)) > 0))
		return RULE_NEXT;
	/* a month after a name word or a number is no date: شارع 26 يوليو */
	if (!p.dd && !p.shahr && !a->pm && k == a->j && a->i > 0
	    && (prev_is(dt, a->i, L_NEGPREV) || T[a->i - 1].type == T_NUM))
		return RULE_FAIL;
	if (p.dd && T[a->j].type == T_NUM && prev_is(dt, a->j, L_NEGPREV))
		return RULE_FAIL;
	k = after_month(dt, (size_t)r, &p);
	/* a word with another meaning (مارس a verb, رمضان a name) is a month
	 * alone only after a preposition no verb follows (في مارس); من and
	 * مع may take a verb or a person (من مارس العنف, مع رمضان صبحي) */
	int prep = a->pm || (!p.dd && p.mn.bare && k == a->j + 1 && a->i == a->j && a->i > 0
	    && prev_is(dt, a->i, L_YPREP) && !is_word(dt, a->i - 1, "\u0645\u0646")
	    && !is_word(dt, a->i - 1, "\u0645\u0639"));
	if (p.mn.amb && !p.dd && p.y < 0 && p.mod == 9 && !p.shahr && !p.mn.partner && !prep)
		return RULE_FAIL;
	if (p.mn.cal == 'h' && !p.dd && p.y < 0 && !p.shahr && p.mod == 9 && !prep)
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
	int dd = a->dd, bare = 0, mod;
	long e;
	if ((r = lx(dt, k, L_PERIOD, 0)) > 0 && dt->m->str[0] == 'M'
	    && (e = lx(dt, (size_t)r, L_RMOD, 0)) > 0) {
		r = e, mod = dt->m->val;
	} else if ((r = lx(dt, k, L_RMOD, 0)) > 0 && k == a->j + 1) {
		bare = 1, mod = dt->m->val;     /* 17 الجاري: the month understood */
	} else if ((r = lx(dt, k, L_PERIOD, 0)) > 0 && dt->m->str[0] == 'M'
	    && !dt->m->str[1] && k > a->j + 1 && lx(dt, (size_t)r, L_BLESSED, 0) < 0) {
		/* الثالث من الشهر: the month just named on the line (إلى 26
		 * من الشهر ذاته), else the reference's; not الشهر الكريم,
		 * Ramadan */
		mod = 0, t->samemonth = 1;
		if (is_word(dt, (size_t)r, "\u0646\u0641\u0633\u0647")
		    || is_word(dt, (size_t)r, "\u0630\u0627\u062a\u0647"))
			r++;            /* نفسه, ذاته */
		if (dt->last_end_b && dt->last_end_b <= dt->tok[a->i].b0) {
			int ly, lm, ld;
			ar_civil_from_days(dt->last_days, &ly, &lm, &ld);
			if (dd > ar_days_in_month(ly, lm))
				return RULE_FAIL;
			set_day(t, ar_days_from_civil(ly, lm, dd));
			return r;
		}
	} else {
		return RULE_FAIL;
	}
	int yy, mm;
	if (!REF(dt).ok) {
		t->gran = G_DAY, t->d = dd, t->hasdate = 1;
	} else {
		ref_month(dt, bare && mod ? 0 : mod, &yy, &mm);
		/* 17 الماضي: the latest 17th before the reference */
		if (bare && mod == -1 && dd >= REF(dt).d)
			ref_month(dt, -1, &yy, &mm);
		if (bare && mod == 1 && dd <= REF(dt).d)
			ref_month(dt, 1, &yy, &mm);
		if (dd > ar_days_in_month(yy, mm))
			return RULE_FAIL;
		set_day(t, ar_days_from_civil(yy, mm, dd));
	}
	return r;
}

/* Is token k the folded word w? */
static int
is_word(const struct ar_date *dt, size_t k, const char *w)
{
	return wordeq(dt, k, w, strlen(w));
}

/* A month after من / في (ثاني خميس من يونيو, آخر جمعة في رمضان,
 * الأسبوع الأخير من ديسمبر, أول اثنين من الشهر المقبل): its first day and
 * its length (*first LONG_MIN when it cannot be placed without a
 * reference; *gm the Gregorian month then, or 0). Returns the end, -1 if
 * there is none. */
static long month_at(struct ar_date *dt, size_t k, long *first, int *len, int *gm);
static long
month_spec(struct ar_date *dt, size_t k, long *first, int *len, int *gm)
{
	if (!(lx(dt, k, L_FROM, 0) > 0 && dt->m->val == 0) && !is_word(dt, k, "\u0641\u064a"))
		return -1;
	return month_at(dt, k + 1, first, len, gm);
}

/* the month at token k, as month_spec reads it after من / في; الشهر
 * alone is the reference's */
static long
month_at(struct ar_date *dt, size_t k, long *first, int *len, int *gm)
{
	size_t k0 = k;
	struct month mn;
	long r;
	int y, m;

	*gm = 0;
	if ((r = lx(dt, k, L_PERIOD, 0)) > 0 && dt->m->str[0] == 'M') {
		long e = lx(dt, (size_t)r, L_RMOD, 0);
		int mod = e > 0 ? dt->m->val : 0;
		if (e < 0)
			e = r;
		if (!REF(dt).ok) {
			*first = LONG_MIN;
			return e;
		}
		ref_month(dt, mod, &y, &m);
		*first = ar_days_from_civil(y, m, 1), *len = ar_days_in_month(y, m);
		return e;
	}
	long w;
	if ((w = lx(dt, k, L_MONTHW, 0)) > 0)
		k = (size_t)w;
	if ((r = c_month(dt, k, &mn)) < 0 && !(w > 0 && (r = month_num(dt, k, &mn)) > 0))
		return -1;
	struct dmy p = { .y = -1, .mod = 9, .mn = mn };
	k = after_month(dt, (size_t)r, &p);
	if (p.dd)
		return -1;
	if (mn.cal == 'h') {
		int hy = p.y >= 1900 && !p.hmark ? hijri_year_in(p.y, mn.mo) : p.y;
		if (hy < 0) {
			if (!REF(dt).ok) {
				*first = LONG_MIN;
				return (long)k;
			}
			hy = hijri_year_near(dt, mn.mo, 0, p.mod);
		}
		*first = ar_hijri_days(hy, mn.mo, 1), *len = ar_hijri_month_len(hy, mn.mo);
		return (long)k;
	}
	/* a month without a year: as a month alone (ثالث يوم من أكتوبر
	 * after تبدأ is the next October) */
	y = p.y >= 0 ? p.y : p.mod == 9 && REF(dt).ok ? month_alone_year(dt, mn.mo, k0)
	    : pick_year(dt, mn.mo, 0, p.mod);
	*gm = mn.mo;
	if (y < 0) {
		*first = LONG_MIN;
		return (long)k;
	}
	*first = ar_days_from_civil(y, mn.mo, 1), *len = ar_days_in_month(y, mn.mo);
	return (long)k;
}

/* ثاني خميس من يونيو, آخر جمعة في رمضان, أول اثنين من الشهر المقبل:
 * the nth (or the last) weekday of a month */
static long
r_nth_wday(struct ar_date *dt, struct at *a, struct st *t)
{
	long r = lx(dt, a->j, L_ORDBARE, 1), e;
	long first;
	int len;

	if (r < 0 || a->pm)
		return RULE_NEXT;
	int n = dt->m->val;
	if ((r = lx(dt, (size_t)r, L_WDAYBARE, 0)) < 0)
		return RULE_NEXT;
	int wd = dt->m->val, gm;
	if (n < -1 || n > 5 || (e = month_spec(dt, (size_t)r, &first, &len, &gm)) < 0)
		return RULE_NEXT;
	if (first == LONG_MIN) {
		t->gran = G_DAY, t->m = gm ? gm : -1, t->hasdate = 1;
		return e;
	}
	long d;
	if (n == -1) {
		long last = first + len - 1;
		d = last - ((ar_weekday(last) - wd + 7) % 7);
	} else {
		d = first + (wd - ar_weekday(first) + 7) % 7 + 7L * (n - 1);
		if (d >= first + len)
			return RULE_FAIL;
	}
	set_day(t, d);
	return e;
}

/* الأسبوع الأول من يناير, الأسبوع الأخير من ديسمبر: its first or last
 * seven days (the nth: days 7n-6 to 7n) */
static long
r_week_of_month(struct ar_date *dt, struct at *a, struct st *t)
{
	long r, e;
	long first;
	int len, n;
	struct amount u;

	if (a->pm)
		return RULE_NEXT;
	if ((r = lx(dt, a->j, L_ORDBARE, 1)) > 0) {
		/* آخر أسبوع من يونيو, أول أسبوع من العام: the ordinal first */
		n = dt->m->val;
		if ((r = lx(dt, (size_t)r, L_UNIT, 0)) < 0 || (unit_of(dt->m->str, &u), strcmp(u.unit, "W"))
		    || u.plural || u.dual || n == 0 || n > 4
		    || !(lx(dt, (size_t)r, L_FROM, 0) > 0 && dt->m->val == 0))
			return RULE_NEXT;
	} else {
		if ((r = lx(dt, a->j, L_PERIOD, 1)) < 0 || dt->m->str[0] != 'W')
			return RULE_NEXT;
		size_t k = (size_t)r;
		if ((r = lx(dt, k, L_LASTW, 0)) > 0 && dt->m->val < 0)
			n = -1;
		else if ((r = g_ordinal(dt, k, 0, &n)) < 0 || n > 4)
			return RULE_NEXT;
	}
	int gm;
	if ((e = month_spec(dt, (size_t)r, &first, &len, &gm)) < 0)
		return RULE_NEXT;
	if (first == LONG_MIN) {
		t->gran = G_DAY, t->m = gm ? gm : -1, t->hasdate = 1;
		return e;
	}
	long d0 = n == -1 ? first + len - 7 : first + 7L * (n - 1);
	ival_days(t, d0, d0 + 6);
	t->gran = G_DAY, t->hasdate = 1;
	return e;
}

/* سبت الأسبوع المقبل: the weekday in the ISO week named */
static long
r_wday_of_week(struct ar_date *dt, struct at *a, struct st *t)
{
	long r = lx(dt, a->j, L_WDAYBARE, 1), e;

	if (r < 0 || a->pm)
		return RULE_NEXT;
	int wd = dt->m->val;
	if ((r = lx(dt, (size_t)r, L_PERIOD, 0)) < 0 || dt->m->str[0] != 'W'
	    || (e = lx(dt, (size_t)r, L_RMOD, 0)) < 0)
		return RULE_NEXT;
	int mod = dt->m->val;
	if (!REF(dt).ok) {
		t->gran = G_DAY, t->wd = wd, t->hasdate = 1;
		return e;
	}
	long day = REF(dt).days + 7L * mod;
	set_day(t, day - (ar_weekday(day) - 1) + (wd - 1));
	return e;
}

/* The day of a holiday in Hijri year hy or Gregorian year gy (one of
 * them -1), or nearest the reference (both -1; by mod the latest before
 * or the next after). Returns the day, or LONG_MIN when it cannot be
 * placed. */
static long
holiday_day(struct ar_date *dt, const struct ar_lexent *e, int hy, int gy, int mod, int off)
{
	int mo = e->val / 100, d = e->val % 100;
	long best = -1, bd = 0;

	if (e->str[0] == 'h') {
		if (hy > 0)
			return ar_hijri_days(hy, mo, d) + off;
		if (gy > 0) {
			for (int c = ar_hijri_year_of(ar_days_from_civil(gy, 1, 1)); c <= ar_hijri_year_of(ar_days_from_civil(gy, 12, 31)); c++) {
				long x = ar_hijri_days(c, mo, d) + off;
				int y, m2, d2;
				ar_civil_from_days(x, &y, &m2, &d2);
				if (y == gy)
					return x;
			}
			return -1;
		}
		if (!REF(dt).ok)
			return -1;
		int h0 = ar_hijri_year_of(REF(dt).days);
		for (int c = h0 - 1; c <= h0 + 1; c++) {
			long x = ar_hijri_days(c, mo, d) + off, dist = x - REF(dt).days;
			if ((mod == -1 && dist >= 0) || (mod == 1 && dist <= 0))
				continue;
			if (dist < 0)
				dist = -dist;
			if (best < 0 || dist < bd)
				best = x, bd = dist;
		}
		return best;
	}
	if (gy < 0) {
		gy = pick_year(dt, mo, d, mod == 9 ? 9 : mod);
		if (gy < 0)
			return -1;
	}
	return ar_days_from_civil(gy, mo, d) + off;
}

/* عيد الفطر, عيد الأضحى الماضي, رأس السنة الميلادية 2020, عيد الأضحى عام
 * 1444, ثالث أيام عيد الفطر: the holidays of holidays.tsv, Islamic ones
 * by the Umm al-Qura table; the nth day of a holiday after أول/ثاني أيام */
static long
r_holiday(struct ar_date *dt, struct at *a, struct st *t)
{
	size_t k = a->j;
	long r;
	int off = 0;

	if ((r = lx(dt, k, L_ORDBARE, 1)) > 0 && dt->m->val >= 1) {
		int n = dt->m->val;
		struct amount u;
		long q = lx(dt, (size_t)r, L_UNIT, 0);
		if (q < 0 || (unit_of(dt->m->str, &u), strcmp(u.unit, "D") || !u.plural))
			return RULE_NEXT;
		off = n - 1, k = (size_t)q;
	}
	if ((r = lx(dt, k, L_HOLIDAY, off || k > a->j ? 0 : 1)) < 0)
		return RULE_NEXT;
	const struct ar_lexent *h = dt->m;
	k = (size_t)r;
	if ((r = lx(dt, k, L_BLESSED, 0)) > 0)
		k = (size_t)r;
	int y = -1, hy = -1, gy = -1, hmark, mod = 9;
	size_t q = k;
	if ((r = lx(dt, q, L_YEARW, 1)) > 0 && dt->m->val != 2)
		q = (size_t)r;
	if ((r = c_yearnum(dt, q, &y, &hmark)) > 0 && (dt->tok[q].nd == 4 || hmark)) {
		if (hmark || (h->str[0] == 'h' && y < 1600))
			hy = y;
		else
			gy = y;
		k = (size_t)r;
	} else if ((r = lx(dt, k, L_RMOD, 0)) > 0) {
		mod = dt->m->val;
		k = (size_t)r;
	}
	if (hy > 0 && h->str[0] != 'h')
		return RULE_FAIL;
	long d = holiday_day(dt, h, hy, gy, mod, off);
	if (d < 0) {
		t->gran = G_DAY, t->hasdate = 1;
		if (h->str[0] == 'g')
			t->m = h->val / 100, t->d = h->val % 100;
		return (long)k;
	}
	set_day(t, d);
	t->holiday = 1;
	if (h->str[0] == 'h') {
		char *p = put_num(t->hij, ar_hijri_year_of(d), 4);
		*p++ = '-', p = put_num(p, h->val / 100, 2);
		*p++ = '-', p = put_num(p, h->val % 100 + off, 2);
		*p = 0;
	}
	if (hy > 0 || gy > 0)
		t->yexp = 1;
	return (long)k;
}

/* ثالث يوم من أكتوبر, أول أيام الشهر المقبل, آخر يوم في الشهر, آخر
 * أيام رمضان, اليوم الأخير من العام: the nth (or the last) day of a month
 * or a year */
static long
r_nth_day(struct ar_date *dt, struct at *a, struct st *t)
{
	long r, e;
	int n;
	struct amount u;

	if (a->pm)
		return RULE_NEXT;
	if ((r = lx(dt, a->j, L_ORDBARE, 1)) > 0) {
		n = dt->m->val;
		if ((r = lx(dt, (size_t)r, L_UNIT, 0)) < 0)
			return RULE_NEXT;
		unit_of(dt->m->str, &u);
	} else if ((r = lx(dt, a->j, L_UNITDEF, 1)) > 0) {
		unit_of(dt->m->str, &u);
		if (u.plural || u.dual)
			return RULE_NEXT;
		if ((e = lx(dt, (size_t)r, L_LASTW, 0)) > 0 && dt->m->val < 0)
			n = -1;         /* اليوم الأخير */
		else if ((e = g_ordinal(dt, (size_t)r, 0, &n)) < 0)
			return RULE_NEXT;       /* اليوم الأول من العام; من a month
						 * or year follows (not اليوم العاشر
						 * من الحرب) */
		r = e;
	} else {
		return RULE_NEXT;
	}
	if (strcmp(u.unit, "D") || u.dual || n < -1 || n == 0 || n > 31)
		return RULE_NEXT;
	size_t k = (size_t)r;
	if ((lx(dt, k, L_FROM, 0) > 0 && dt->m->val == 0) || is_word(dt, k, "\u0641\u064a"))
		k++;
	else if (!u.plural)
		return RULE_NEXT;       /* أول يوم: من or في before the month */
	long first;
	int len, gm;
	if ((e = month_at(dt, k, &first, &len, &gm)) < 0) {
		struct st y;
		if ((e = whole_after(dt, k, &y)) < 0 || y.gran != G_YEAR || y.ival[0] || y.hij[0])
			return RULE_NEXT;
		if (nisba(dt, (size_t)e) && lx(dt, (size_t)e, L_MARKG, 0) < 0)
			return RULE_NEXT;       /* من العام الدراسي: not the calendar's */
		if (y.y < 0)
			first = LONG_MIN, gm = n == -1 ? 12 : 1;
		else
			first = ar_days_from_civil(y.y, 1, 1),
			    len = (int)(ar_days_from_civil(y.y + 1, 1, 1) - first);
	}
	if (first == LONG_MIN) {
		/* the year unknown: the day of a month still known
		 * (اليوم الأول من أفريل is XXXX-04-01) */
		t->gran = G_DAY, t->m = gm ? gm : -1, t->hasdate = 1;
		if (gm && n > 0)
			t->d = n;
		return e;
	}
	if (n > len)
		return RULE_FAIL;
	set_day(t, n == -1 ? first + len - 1 : first + n - 1);
	return e;
}

typedef long (*date_rule_fn)(struct ar_date *, struct at *, struct st *);
/* Each rule with the words it may begin with at a->j (begins, or a number
 * if num): at any other token its first test fails, before it reads
 * anything or matches a word, so it would return RULE_NEXT; c_date does
 * not call it there (most of c_date's calls were rules saying no). A
 * rule with ANY_WORD is always called (r_quarter reads the word without
 * its article, which the token's classes do not say). The last rule's
 * RULE_FAIL ends the search as its RULE_NEXT would. */
#define ANY_WORD (~(clsmask)0)
static const struct date_rule {
	const char *name;
	date_rule_fn fn;
	clsmask begins;
	int num;
} date_rules[] = {
	{ "holiday", r_holiday, CLS(L_ORDBARE) | CLS(L_HOLIDAY), 0 },
	{ "nth-day", r_nth_day, CLS(L_ORDBARE) | CLS(L_UNITDEF), 0 },
	{ "nth-weekday", r_nth_wday, CLS(L_ORDBARE), 0 },
	{ "week-of-month", r_week_of_month, CLS(L_PERIOD) | CLS(L_ORDBARE), 0 },
	{ "weekday-of-week", r_wday_of_week, CLS(L_WDAYBARE), 0 },
	{ "period", r_period, CLS(L_THIS) | CLS(L_PERIOD), 0 },
	{ "decade", r_decade, CLS(L_DECADE) | CLS(L_UNITDEF), 0 },
	{ "century", r_century, CLS(L_CENTW), 0 },
	{ "quarter", r_quarter, ANY_WORD, 0 },
	{ "quarter-code", r_quarter_code, CLS(L_QCODE), 0 },
	{ "year-word", r_year_word, CLS(L_YEARW), 0 },
	{ "bare-year", r_bare_year, 0, 1 },
	{ "season", r_season, CLS(L_THIS) | CLS(L_SEASON), 0 },
	{ "day-month", r_day_month, CLS(L_ORDBARE) | CLS(L_ORD) | CLS(L_ORDPRE)
	    | CLS(L_MONTHW) | CLS(L_MONTH), 1 },
	{ "day-of-month", r_day_of_month, CLS(L_ORDBARE) | CLS(L_ORD) | CLS(L_ORDPRE), 1 },
};

/* The tables of rules by class (date_rules, line_rules, chain_steps): of[c]
 * has the bit of each rule whose first word may be of class c. */
static void
bits_by_class(uint16_t of[128], clsmask begins, unsigned bit)
{
	for (int c = 0; c < L_NCLASS; c++)
		if ((begins >> c) & 1)
			of[c] |= (uint16_t)bit;
}

/* set, and the bits of of[] that a word of the classes cls may begin
 * (the few classes of a word: a bit each) */
static inline __attribute__((always_inline)) unsigned
bits_of_classes(const uint16_t of[128], clsmask cls, unsigned set)
{
	for (uint64_t lo = (uint64_t)cls; lo; lo &= lo - 1)
		set |= of[__builtin_ctzll(lo)];
	for (uint64_t hi = (uint64_t)(cls >> 64); hi; hi &= hi - 1)
		set |= of[64 + __builtin_ctzll(hi)];
	return set;
}

_Static_assert(sizeof date_rules / sizeof date_rules[0] <= 16, "rules_of holds 16 rules");
_Static_assert(L_NCLASS < 127, "a clsmask holds the classes and CHAIN_BEGINS");

/* By class, the rules of date_rules that may begin with its words; the
 * rules to call at a number, and at any token (ANY_WORD). */
static void
rules_init(struct ar_date *dt)
{
	size_t nr = sizeof date_rules / sizeof date_rules[0];

	memset(dt->rules_of, 0, sizeof dt->rules_of);
	dt->rules_any = dt->rules_num = 0;
	for (size_t k = 0; k < nr; k++) {
		unsigned bit = 1u << k;
		if (date_rules[k].begins == ANY_WORD) {
			dt->rules_any |= bit, dt->rules_num |= bit;
			continue;
		}
		if (date_rules[k].num)
			dt->rules_num |= bit;
		bits_by_class(dt->rules_of, date_rules[k].begins, bit);
	}
}

/* A date at token i: after an optional position word, the first rule that
 * reads one; RULE_FAIL from a rule ends the search. A rule writes into s
 * only when it reads a date (or just before it fails), so the rules share
 * s; on -1 the caller throws s away. */
static long
c_date(struct ar_date *dt, size_t i, struct st *s)
{
	struct at a = { .i = i, .j = i };
	long r;

	const char *pflag = "";
	if ((r = lx(dt, i, L_PMOD, 1)) > 0) {
		a.pm = dt->m->str[0], a.j = (size_t)r, pflag = entry_flag(dt->m);
		/* :p positions only a period (أول الشهر); before anything
		 * else it is the ordinal alone (أول نيسان is April 1) */
		if (strchr(pflag, 'p') && lx(dt, a.j, L_PERIOD, 1) < 0
		    && lx(dt, a.j, L_THIS, 1) < 0)
			a.pm = 0, a.j = i;
	}
	for (int pass = 0; pass < 2; pass++) {
		/* the rules to call, a bit each in the table's order: from the
		 * classes of the word, a few bits set (rules_init); past the
		 * last token every rule's first test fails */
		if (a.j < dt->ntok) {
			const struct tok *t = &dt->tok[a.j];
			unsigned set = t->type == T_NUM ? dt->rules_num
			    : bits_of_classes(dt->rules_of, t->cls, dt->rules_any);
			for (; set; set &= set - 1) {
				r = date_rules[__builtin_ctz(set)].fn(dt, &a, s);
				if (r > 0)
					return r;
				if (r == RULE_FAIL)
					break;
			}
		}
		/* a position word that positions nothing here may be the
		 * first word of the rest: آخر is the end of a period (آخر
		 * الشهر) but an ordinal too (آخر يوم من الشهر) */
		if (!a.pm || *pflag != 'o')
			return -1;
		a.pm = 0, a.j = i;
		st_init(s);
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
		int ord;
		if (!wdnext && (lx(dt, (size_t)r, L_NEGTODAYNEXT, 0) > 0
		    || g_ordinal(dt, (size_t)r, 0, &ord) > 0))
			return -1;      /* اليوم العالمي, اليوم العاشر من الحرب */
		if (!wdnext && prev_is(dt, i, L_NEGTODAYPREV))
			return -1;
		dt->m = m;
	}
	if (prev_is(dt, i, L_MEDIA))
		return -1;              /* صحيفة الغد, قناة اليوم: an outlet's name */
	if (!strcmp(entry_flag(dt->m), "b") && !prev_is(dt, i, L_YOM) && !prev_is(dt, i, L_POD)
	    && !prev_is(dt, i, L_OFFSET))
		return -1;              /* غد after يوم, صباح, بعد; alone it is "a tomorrow" */
	s->hasrel = 1;
	s->nightrel = !strcmp(entry_flag(dt->m), "n");
	if (REF(dt).ok)
		set_day(s, REF(dt).days + v);
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
	long q;
	long o;
	if ((q = lx(dt, (size_t)r, L_LASTW, 0)) > 0 && dt->m->val == -1) {
		/* الخميس الأخير من نوفمبر, الجمعة الأخيرة في رمضان: the last
		 * such weekday of the month, as آخر خميس من نوفمبر */
		long first, e;
		int len, gm;
		if ((e = month_spec(dt, (size_t)q, &first, &len, &gm)) > 0) {
			if (first == LONG_MIN) {
				s->gran = G_DAY, s->m = gm ? gm : -1, s->hasdate = 1;
			} else {
				long last = first + len - 1;
				set_day(s, last - ((ar_weekday(last) - wd + 7) % 7));
			}
			return e;
		}
	}
	int n;
	if ((q = lx(dt, (size_t)r, L_ORD, 0)) > 0 && (n = dt->m->val) >= 1 && n <= 5
	    && lx(dt, (size_t)q, L_TEEN, 0) < 0) {
		/* الأحد الأول من الشهر, الجمعة الثانية من رمضان: the nth such
		 * weekday of the month; but الخميس الأول من مايو where May 1
		 * is a Thursday is that date, as a dateline writes it */
		long first, e;
		int len, gm;
		if ((e = month_spec(dt, (size_t)q, &first, &len, &gm)) > 0) {
			if (first == LONG_MIN) {
				s->gran = G_DAY, s->m = gm ? gm : -1, s->hasdate = 1;
				return e;
			}
			long d = first + n - 1;
			if (ar_weekday(d) != wd)
				d = first + (wd - ar_weekday(first) + 7) % 7 + 7L * (n - 1);
			if (d < first + len) {
				set_day(s, d);
				return e;
			}
		}
	}
	if ((q = lx(dt, (size_t)r, L_RMOD, 0)) > 0) {
		s->wdmod = dt->m->val;
		r = q;
	} else if ((o = lx(dt, (size_t)r, L_OFFSET, 0)) > 0 && !*entry_flag(dt->m)) {
		int dir = dt->m->val;   /* الخميس بعد القادم, الأحد قبل الماضي */
		if ((q = lx(dt, (size_t)o, L_RMOD, 0)) > 0 && dt->m->val == dir && dir != 0)
			s->wdmod = 2 * dir, r = q;
	}
	return r;
}

static long
c_pod(struct ar_date *dt, size_t i, struct st *s)
{
	long r = lx(dt, i, L_POD, 1);

	if (r < 0)
		return -1;
	const struct ar_lexent *e = dt->m;
	s->pod = e->str[0];
	if (!s->hasclock && !strcmp(entry_flag(e), "noon"))
		s->moment = 'n';        /* ظهرا alone: T12:00 */
	/* بعد الظهر, بعد العصر alone name the day's afternoon as قبيل
	 * المغرب does its evening: the day's date */
	if (e->nw > 1 && e->str[0] == 'a' && lx(dt, i, L_PRAYPREP, 1) > 0
	    && !(lx(dt, i + 1, L_PRAYER, 0) > 0 && dt->m->str[1] == 'a'))
		s->part = 1, s->parttok = (long)i;      /* not بعد المغرب: Morocco */
	return r;
}

/* ---- whole expressions ---- */

/* The classes of the single-word entries of the folded word w[0..n), in
 * each of its forms. */
static clsmask
word_classes(const struct ar_date *dt, const char *w, size_t n)
{
	struct forms f;
	clsmask m = 0;

	word_forms(w, n, &f);
	for (int k = 0; k < 3; k++)
		if (f.n[k])
			for (const struct ar_lexent *e = lex_get(dt, f.w[k], f.n[k]); e; e = e->next)
				if (e->nw == 1)
					m |= CLS(e->cls);
	return m;
}

/* Does the folded word w[0..n), of single-word classes m, mark the
 * future: a future marker, or سـ + a present-tense prefix (سيعقد, ستجري,
 * سنبلغ, وسيصل), not a noun that only looks like one (سيارة, and the units
 * ساعة, ساعات: the fold makes سأ of سا)? */
static int
future_word(const char *w, size_t n, clsmask m)
{
	if (m & CLS(L_FUT))
		return 1;
	size_t o = n >= 5 * AR_LETTER_LEN && (starts(w, WAW) || starts(w, FEH)) ? AR_LETTER_LEN : 0;
	return n - o >= 4 * AR_LETTER_LEN && starts(w + o, SEEN)
	    && (starts(w + o + 2, YEH) || starts(w + o + 2, NOON)
	    || starts(w + o + 2, TEH) || starts(w + o + 2, ALEF))
	    && !(m & (CLS(L_NOTFUT) | CLS(L_UNIT) | CLS(L_UNITDEF) | CLS(L_SEASON)));
}

/* The tokens before token ti of the window, the last first, as the text
 * itself cuts them (the window may begin later): at most BACK_MAX, of the
 * last BACK_SPAN bytes from the first space in them. The window's tokens
 * are the text's, so they are handed out first, and the text before the
 * window is read only when a rule asks for more (most stop at the end of
 * a sentence or a clause before). */
#define BACK_SPAN 480
struct btok {
	int type;                       /* AR_W_ */
	int32_t cp;                     /* a mark: it */
	size_t n;                       /* a word: its folded length (0 if 40 or more) */
	const char *w;                  /* and its folded letters */
	const struct tok *t;            /* the window's token, or NULL */
	char buf[40];
};
struct back {
	size_t from;                    /* tokens start at or after this byte */
	size_t j;                       /* window tokens before ti left */
	size_t q;                       /* tokens handed out */
	int text;                       /* the text before the window is read */
	size_t nr, r;                   /* its tokens in ring, the next */
	struct { size_t b0, b1; int type; int32_t cp; } ring[BACK_MAX];
};

static void
back_begin(const struct ar_date *dt, size_t ti, struct back *bk)
{
	const char *s = dt->line;
	size_t b = dt->tok[ti].b0, from = b > BACK_SPAN ? b - BACK_SPAN : 0;

	while (from && from < b && s[from] != ' ')
		from++;
	bk->from = from, bk->j = ti, bk->q = 0, bk->text = 0;
}

/* The next token back into *t; 0 when there are no more. */
static int
back_next(const struct ar_date *dt, struct back *bk, struct btok *t)
{
	if (bk->q >= BACK_MAX)
		return 0;
	if (!bk->text && bk->j && dt->tok[bk->j - 1].b0 >= bk->from) {
		const struct tok *w = &dt->tok[--bk->j];
		t->type = w->type, t->cp = w->type == T_PUNCT ? w->num : 0;
		t->n = w->type == T_WORD && w->nl < sizeof t->buf ? w->nl : 0;
		t->w = dt->folded.s + w->n0, t->t = w;
		bk->q++;
		return 1;
	}
	if (!bk->text) {
		/* the window spent: the text from bk->from to its first token
		 * (none when the window reaches back past bk->from) */
		size_t end = bk->j ? bk->from : dt->tok[0].b0;
		struct ar_words it;
		struct ar_word w;
		size_t k = 0;
		bk->text = 1;
		if (end > bk->from) {
			ar_words_init(&it, dt->line + bk->from, end - bk->from, 0);
			while (ar_word_next(&it, &w)) {
				size_t r = k++ % BACK_MAX;
				bk->ring[r].b0 = bk->from + w.b0, bk->ring[r].b1 = bk->from + w.b1;
				bk->ring[r].type = w.type, bk->ring[r].cp = w.cp;
			}
		}
		bk->nr = k, bk->r = 0;
	}
	if (bk->r >= bk->nr || bk->r >= BACK_MAX)
		return 0;
	size_t r = (bk->nr - 1 - bk->r++) % BACK_MAX, fn = 0;
	t->type = bk->ring[r].type, t->cp = bk->ring[r].cp, t->t = NULL;
	for (size_t i = bk->ring[r].b0; t->type == AR_W_WORD && i < bk->ring[r].b1 && fn <= sizeof t->buf;) {
		int32_t c;
		i += ar_u8dec(dt->line + i, &c);
		if (c < 0x800 && dt->fold1[c].n != FOLD_ASK) {
			if (fn + dt->fold1[c].n <= sizeof t->buf)
				memcpy(t->buf + fn, dt->fold1[c].b, dt->fold1[c].n);
			fn += dt->fold1[c].n;
			continue;
		}
		struct ar_buf one = { 0 };
		fold_add(dt, c, &one);
		if (one.len && fn + one.len <= sizeof t->buf)   /* one.s is NULL when empty */
			memcpy(t->buf + fn, one.s, one.len);
		fn += one.len;
		ar_buf_free(&one);
	}
	t->n = fn < sizeof t->buf ? fn : 0;
	t->w = t->buf;
	bk->q++;
	return 1;
}

/* The classes of the single-word entries of a word back, in each of its
 * forms: from the window's look-ups when it is the window's. */
static clsmask
back_classes(const struct ar_date *dt, const struct btok *t)
{
	clsmask m = 0;

	if (!t->t)
		return word_classes(dt, t->w, t->n);
	for (int k = 0; k < 3; k++)
		for (const struct ar_lexent *e = t->t->e[k]; e; e = e->next)
			if (e->nw == 1)
				m |= CLS(e->cls);
	return m;
}

static int
sentence_end(int32_t c)
{
	return c == '.' || c == '!' || c == '?' || c == 0x061F;
}

/* Does the sentence before token ti speak of the future? Twenty tokens
 * back at most, to the sentence's start. */
static int
future_context(struct ar_date *dt, size_t ti)
{
	struct back bk;
	struct btok t;

	back_begin(dt, ti, &bk);
	while (back_next(dt, &bk, &t)) {
		if (t.type == AR_W_PUNCT && sentence_end(t.cp))
			break;
		if (t.type == AR_W_WORD && t.n && future_word(t.w, t.n, back_classes(dt, &t)))
			return 1;
	}
	return 0;
}


/* Is there a word of class cls among the max tokens before token ti, in
 * the same clause (no mark of punctuation between)? */
static int
clause_has(struct ar_date *dt, size_t ti, int cls, int max)
{
	struct back bk;
	struct btok t;

	back_begin(dt, ti, &bk);
	int after_num = 0, point = 0;
	for (int q = 0; q < max && back_next(dt, &bk, &t); q++) {
		/* the point of a decimal number (98.1) ends no clause */
		if (point && t.type != AR_W_NUM)
			break;
		point = 0;
		if (t.type == AR_W_PUNCT) {
			if (!after_num || (t.cp != '.' && t.cp != ','))
				break;
			point = 1;
		}
		after_num = t.type == AR_W_NUM;
		if (t.type == AR_W_WORD && t.n && (back_classes(dt, &t) & CLS(cls)))
			return 1;
	}
	return 0;
}

/* The components a chain is made of, tried in this order at each step;
 * each may be tried only when what the chain holds so far allows it (s is
 * the chain, punct: a mark joined this step). */
struct chain_step {
	const char *name;
	clsmask begins;         /* the classes of the words it may begin with */
	int num;                /* it may begin with a number */
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
may_bareday(const struct ar_date *dt, size_t j, const struct st *s, int punct)
{
	(void)dt, (void)j, (void)punct;
	return s->wd && !s->hasdate && !s->hasrel && !s->hasclock && !s->bareday;
}
static int
may_part(const struct ar_date *dt, size_t j, const struct st *s, int punct)
{
	(void)dt, (void)j, (void)punct;
	return !s->pod && !s->part && !s->hasclock;
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
	{ "numdate", 0, 1, may_numdate, c_numdate },
	{ "clock", CLS(L_SAA) | CLS(L_HOUR), 1, may_clock, c_clock },
	{ "date", CLS(L_PMOD) | CLS(L_THIS) | CLS(L_PERIOD) | CLS(L_DECADE) | CLS(L_YEARW)
	    | CLS(L_SEASON) | CLS(L_ORD) | CLS(L_ORDPRE) | CLS(L_ORDBARE) | CLS(L_MONTHW)
	    | CLS(L_MONTH) | CLS(L_HOLIDAY) | CLS(L_WDAYBARE) | CLS(L_CENTW) | CLS(L_HALF)
	    | CLS(L_UNITDEF) | CLS(L_QCODE), 1,
	    may_date, c_date_in_chain },
	{ "rel", CLS(L_REL), 0, may_rel, c_rel },
	{ "wday", CLS(L_WDAY), 0, may_wday, c_wday },
	{ "pod", CLS(L_POD), 0, may_pod, c_pod },
	{ "part", CLS(L_DAYPART) | CLS(L_PRAYPREP), 0, may_part, c_part },
	{ "bareday", CLS(L_ORD) | CLS(L_ORDPRE), 1, may_bareday, c_bareday },
	{ "zone", CLS(L_ZONEIN) | CLS(L_ZONE), 0, may_zone, c_zone_in_chain },
};

/* the classes any step may begin with */
static void
chain_init(struct ar_date *dt)
{
	dt->chain_any = 0;
	dt->steps_num = 0;
	memset(dt->steps_of, 0, sizeof dt->steps_of);
	for (size_t k = 0; k < sizeof chain_steps / sizeof chain_steps[0]; k++) {
		dt->chain_any |= chain_steps[k].begins;
		if (chain_steps[k].num)
			dt->steps_num |= 1u << k;
		bits_by_class(dt->steps_of, chain_steps[k].begins, 1u << k);
	}
}
_Static_assert(sizeof chain_steps / sizeof chain_steps[0] <= 16, "steps_of holds 16 steps");

/* the words and marks that may join two components: يوم, الموافق, , -;
 * من between a clock and its part of the day (الخامسة من مساء السبت); a
 * preposition before the clock of a day (يوم الأحد 14/03 عند الساعة 7:30) */
static size_t
chain_joins(struct ar_date *dt, size_t j, int started, const struct st *s)
{
	int joins = 0, H, M, S;
	long r;

	while (j < dt->ntok && joins < 3) {
		if (((r = lx(dt, j, L_YOM, 1)) > 0 && lx(dt, j, L_HOLIDAY, 1) < 0)
		    || (started && (r = lx(dt, j, L_JOIN, 1)) > 0)) {
			j = (size_t)r, joins++;
			continue;
		}
		if (started && ispunct_at(dt, j, ",-|")) {
			j++, joins++;
			continue;
		}
		if (started && s->hasclock && !s->pod && lx(dt, j, L_FROM, 0) > 0 && dt->m->val == 0
		    && lx(dt, j + 1, L_POD, 0) > 0) {
			j++, joins++;
			continue;
		}
		if (started && !s->hasclock && (s->hasdate || s->hasrel || s->wd)
		    && lx(dt, j, L_CLOCKJOIN, 1) > 0 && (lx(dt, j + 1, L_SAA, 0) > 0
		    || c_clocknum(dt, j + 1, &H, &M, &S) > 0 || lx(dt, j + 1, L_HOUR, 0) > 0)) {
			/* غدا في الثالثة عصرا: an hour word, a clock only if
			 * the clock step takes it (a part of the day after) */
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
		size_t jj = chain_joins(dt, j, started, s);
		int punct = jj > j && dt->tok[jj - 1].type == T_PUNCT;
		struct st t;
		long r = -1;
		/* most tokens begin no step; t is copied from s before the
		 * first step tried, which the next ones then get as before */
		if (jj < dt->ntok && (dt->tok[jj].type == T_NUM || (dt->tok[jj].cls & dt->chain_any))) {
			/* the steps that may begin there (their begins, num), a bit each
			 * in chain_steps' order, from the token's few classes */
			const struct tok *tj = &dt->tok[jj];
			unsigned set = tj->type == T_NUM ? dt->steps_num
			    : bits_of_classes(dt->steps_of, tj->cls, 0);
			int copied = 0;
			for (; r < 0 && set; set &= set - 1) {
				size_t k = (size_t)__builtin_ctz(set);
				if (chain_steps[k].may(dt, jj, s, punct)) {
					if (!copied)
						t = *s, copied = 1;
					r = chain_steps[k].fn(dt, jj, &t);
				}
			}
		}
		if (r < 0 && s->hasrel && s->gran == G_DAY && s->y >= 0 && !s->hasclock && jj < dt->ntok
		    && !punct) {
			/* أمس الأربعاء 13 مارس: the day written out again, if it is
			 * that day, is part of it */
			struct st u;
			st_init(&u);
			long e = c_date(dt, jj, &u);
			if (e > 0 && u.gran == G_DAY && u.m == s->m && u.d == s->d && (u.y < 0 || u.y == s->y)
			    && !u.hasclock)
				r = e, t = *s;
		}
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
	if (!s->hasdate && !s->hasrel && !s->hasclock && !s->wd && !s->part && !s->moment)
		return -1;              /* a part of day alone */
	return (long)j;
}

/* Values are written by hand, not by snprintf: a few digits each, and
 * a run prints many (out has room for the longest, 96 bytes). */
static char *
put_num(char *p, int v, int width)
{
	char d[12];
	int n = 0;

	if (v < 0)
		v = 0;
	do
		d[n++] = (char)('0' + v % 10), v /= 10;
	while (v && n < 11);
	while (n < width)
		d[n++] = '0';
	while (n)
		*p++ = d[--n];
	return p;
}

static char *
put_str(char *p, const char *s)
{
	size_t n = strlen(s);

	memcpy(p, s, n);
	return p + n;
}

static void
fmt_value(const struct st *s, char *out, size_t cap)
{
	char *p = out;

	if (s->ival[0]) {
		snprintf(out, cap, "%s", s->ival);
		return;
	}
	switch (s->gran) {
	case G_CENT:
		p = s->y < 0 ? put_str(p, "XX") : put_num(p, s->y, 2);
		break;
	case G_DEC:
		p = s->y < 0 ? put_str(p, "XXX") : put_num(p, s->y, 1);
		break;
	case G_YEAR:
		p = s->y < 0 ? put_str(p, "XXXX") : put_num(p, s->y, 4);
		break;
	case G_MONTH:
		p = s->y < 0 ? put_str(p, "XXXX") : put_num(p, s->y, 4);
		*p++ = '-';
		p = s->m < 0 ? put_str(p, "XX") : put_num(p, s->m, 2);
		break;
	case G_WEEK:
		p = s->y < 0 ? put_str(p, "XXXX-WXX") : put_num(put_str(put_num(p, s->y, 4), "-W"), s->w, 2);
		break;
	default:
		if (s->y < 0 && s->m > 0 && s->d <= 0) {
			p = put_num(put_str(p, "XXXX-"), s->m, 2);
			p = put_str(p, "-XX");
		} else if (s->y >= 0 || (s->m > 0 && s->d > 0)) {
			p = s->y < 0 ? put_str(p, "XXXX") : put_num(p, s->y, 4);
			*p++ = '-';
			p = put_num(p, s->m, 2);
			*p++ = '-';
			p = put_num(p, s->d, 2);
		} else if (s->wd && !s->hasrel) {
			p = put_num(put_str(p, "XXXX-WXX-"), s->wd, 1);
		} else {
			p = put_str(p, "XXXX-XX-XX");
		}
	}
	if (s->hasclock) {
		*p++ = 'T';
		p = put_num(p, s->H, 2);
		*p++ = ':';
		p = put_num(p, s->M, 2);
		if (s->S >= 0)
			*p++ = ':', p = put_num(p, s->S, 2);
	}
	*p = 0;
}

/* a bare weekday: this week's with الحالي, the next one in a sentence
 * about the future or with المقبل, else the latest one */
static void
resolve_weekday(struct ar_date *dt, struct st *s)
{
	s->wdonly = 1;
	if (!REF(dt).ok) {
		s->gran = G_DAY;
		return;
	}
	long ref = REF(dt).days;
	int wr = ar_weekday(ref);
	size_t ti = (size_t)s->wdtok;
	int fut = s->wdmod == 1 || s->wdmod == 2 || (s->wdmod == 9 && (future_context(dt, ti)
	    || clause_has(dt, ti, L_SCHED, SCHED_REACH)));
	if (s->wdmod == 0) {
		set_day(s, ref + (s->wd - wr));
	} else if (fut) {
		int delta = (s->wd - wr + 7) % 7;
		set_day(s, ref + (delta ? delta : 7) + (s->wdmod == 2 ? 7 : 0));
	} else {
		/* a bare weekday in a report is the latest such day, the
		 * publication day itself included ("أغلق مساء الأربعاء" in
		 * Wednesday's paper); الماضي is strictly before it */
		int delta = (wr - s->wd + 7) % 7;
		if (delta == 0 && s->wdmod != 9)
			delta = 7;
		set_day(s, ref - delta - (s->wdmod == -2 ? 7 : 0));
	}
}

/* the day bareday of the month nearest the reference in which it is
 * weekday wd */
static void
resolve_bareday(struct ar_date *dt, struct st *s)
{
	if (!REF(dt).ok) {
		s->gran = G_DAY, s->d = s->bareday, s->hasdate = 1;
		return;
	}
	long best = -1, bd = 0;
	for (int k = -6; k <= 6; k++) {
		int y, m;
		ref_month(dt, 0, &y, &m);
		long mm = y * 12L + m - 1 + k;
		y = (int)(mm / 12), m = (int)(mm % 12) + 1;
		if (s->bareday > ar_days_in_month(y, m))
			continue;
		long d = ar_days_from_civil(y, m, s->bareday);
		if (ar_weekday(d) != s->wd)
			continue;
		long x = d > REF(dt).days ? d - REF(dt).days : REF(dt).days - d;
		if (best < 0 || x < bd)
			best = d, bd = x;
	}
	if (best < 0)
		s->gran = G_DAY, s->d = s->bareday, s->hasdate = 1;
	else
		set_day(s, best);
}

/* Are there words before token ti in its sentence? */
static int
words_before(struct ar_date *dt, size_t ti)
{
	struct back bk;
	struct btok t;

	back_begin(dt, ti, &bk);
	for (int q = 0; q < 4 && back_next(dt, &bk, &t); q++) {
		if (t.type == AR_W_PUNCT && sentence_end(t.cp))
			return 0;
		if (t.type == AR_W_WORD)
			return 1;
	}
	return 0;
}

/* الظهيرة, منتصف النهار, ظهرا alone: T12:00 of the day; منتصف الليل:
 * T00:00 of the day after, or in a report (words before it and no sign
 * of the future) of the reference day; منتصف ليل الأحد: Monday's T00:00
 * (the day after the night, as for pod x) */
static void
moment_clock(struct ar_date *dt, struct st *s)
{
	s->hasclock = 1;
	s->H = s->moment == 'n' ? 12 : 0, s->M = 0;
	if (s->moment != 'm' || s->hasdate || s->hasrel || !REF(dt).ok)
		return;
	size_t ti = (size_t)s->parttok;
	int next = !words_before(dt, ti) || future_context(dt, ti) || clause_has(dt, ti, L_SCHED, SCHED_REACH);
	set_day(s, REF(dt).days + next);
}

static void
finish(struct ar_date *dt, struct st *s)
{
	if (s->bareday && !s->hasdate)
		resolve_bareday(dt, s);
	if (s->wd && !s->hasdate && !s->hasrel)
		resolve_weekday(dt, s);
	/* ليلة الجمعة, ليلة عيد الفطر: the eve, the night before the day */
	if (s->pod == 'v' && !s->hasclock && (s->wdonly || s->holiday) && s->gran == G_DAY
	    && s->y >= 0)
		set_day(s, s->days - 1);
	/* (الثانية) بعد منتصف ليل الخميس: the small hours after that night */
	if (s->pod == 'x' && (s->hasdate || s->hasrel) && s->gran == G_DAY
	    && s->y >= 0)
		set_day(s, s->days + 1);
	if (s->moment && !s->hasclock)
		moment_clock(dt, s);
	else if (s->hasclock) {
		if (s->pod)
			s->H = apply_pod(s->H, s->pod);
		else if (s->nightrel && s->H >= 6 && s->H < 12)
			s->H += 12;     /* الليلة الساعة 9: 21:00 */
		if (s->minus) {
			s->H = s->H == 0 ? 23 : s->H - 1;
			s->M = 60 - s->minus;
		}
	}
	if (s->hasclock || (s->part && !s->wd)) {
		if (!s->hasdate && !s->hasrel) {
			if (REF(dt).ok)
				set_day(s, REF(dt).days);
			else
				s->gran = G_DAY;
			s->dayref = 1;
		}
	}
	if (s->gran == G_NONE)
		s->gran = G_DAY;
	s->type = s->hasclock ? "time" : "date";
}

static struct ar_date_expr *
newexpr(struct ar_date *dt, size_t t0, size_t t1, int pfx, const char *type)
{
	if (dt->tok[t0].type == T_NUM && t0 > 0 && def_number(dt, t0 - 1))
		t0--, pfx = 0;          /* الـ15: the article is of the same word */
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
	e->relative = dt->used;
	return e;
}

static void
add_st(struct ar_date *dt, size_t t0, size_t t1, int pfx, const struct st *s)
{
	struct ar_date_expr *e = newexpr(dt, t0, t1, pfx, s->type);

	fmt_value(s, e->value, sizeof e->value);
	memcpy(e->tz, s->tz, sizeof e->tz);
	memcpy(e->hijri, s->hij, sizeof e->hijri);
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

static int first_pfx(const struct ar_date *dt, size_t f);

/* ---- amounts: numbers in words, units, durations and offsets ---- */

/* The number a word that starts with و stands for (والعشرين, وأربعين):
 * an entry of class cls for the word without its و, between lo and hi;
 * -1 if none. */
static int
wa_value(const struct ar_date *dt, size_t j, int cls, int lo, int hi)
{
	if (j >= dt->ntok || !dt->tok[j].wa)
		return -1;
	for (const struct ar_lexent *e = dt->tok[j].e[1]; e; e = e->next)
		if (e->cls == cls && e->nw == 1 && e->val >= lo && e->val <= hi)
			return e->val;
	return -1;
}

/* A cardinal number at token i: digits, or the number words of either
 * gender: a unit (ثلاثة, ثلاث), a teen (ثلاثة عشر, ثلاث عشرة, أحد عشر,
 * اثنتا عشرة), tens (عشرين), a unit and tens (خمسة وأربعين), hundreds
 * (مئة, مئتين, ثلاثمئة, ثلاث مئة) with what follows them after و.
 * *v is the value, -1 for an unknown few (عدة, بضعة). Returns the end. */
static long
g_cardinal(struct ar_date *dt, size_t i, int pfxok, int *v)
{
	long r;
	int pre = 0, val;

	if (isnum(dt, i, 1, 6)) {
		*v = dt->tok[i].num;
		return (long)i + 1;
	}
	if ((r = lx(dt, i, L_NUM, pfxok)) < 0) {
		if ((r = lx(dt, i, L_NUMPRE, pfxok)) < 0)
			return -1;
		pre = 1;
	}
	val = dt->m->val;
	size_t j = (size_t)r;
	if (val == -1000) {
		*v = -1;
		return (long)j;
	}
	if (val >= 1 && val <= 9) {
		if ((r = lx(dt, j, L_TEEN, 0)) > 0) {
			*v = val + 10;
			return r;
		}
		int tens = wa_value(dt, j, L_NUM, 20, 90);
		if (tens > 0) {
			*v = val + tens;
			return (long)j + 1;
		}
		if (!pre && lx(dt, j, L_NUM, 0) > 0 && dt->m->val == 100) {
			val *= 100;             /* ثلاث مئة */
			j++;
		}
	}
	if (pre)
		return -1;
	if (val >= 100 && val <= 900 && val % 100 == 0 && j < dt->ntok && dt->tok[j].wa) {
		int rest;
		long e = g_cardinal(dt, j, 1, &rest);
		if (e > 0 && rest > 0 && rest < 100) {
			*v = val + rest;
			return e;
		}
	}
	*v = val;
	return (long)j;
}

/* An ordinal at token i, of either gender: الثالث, الثالثة, الثالث عشر,
 * الحادي عشر, الحادي والعشرين, العشرين; bare ones (ثالث, أول) only if
 * bare. Returns the end; *v the value. */
static long
g_ordinal(struct ar_date *dt, size_t i, int bare, int *v)
{
	long r;
	int val, pre = 0;

	if ((r = lx(dt, i, L_ORD, 1)) > 0) {
		val = dt->m->val;
	} else if ((r = lx(dt, i, L_ORDPRE, 1)) > 0) {
		val = dt->m->val, pre = 1;
	} else if (bare && (r = lx(dt, i, L_ORDBARE, 1)) > 0) {
		*v = dt->m->val;
		return r;
	} else {
		return -1;
	}
	size_t j = (size_t)r;
	if (val >= 1 && val <= 9) {
		if ((r = lx(dt, j, L_TEEN, 0)) > 0) {
			*v = val + 10;
			return r;
		}
		int tens = wa_value(dt, j, L_ORD, 20, 90);
		if (tens > 0) {
			*v = val + tens;
			return (long)j + 1;
		}
	}
	if (pre)
		return -1;
	*v = val;
	return (long)j;
}

/* Token i is a word of class cls with the article: its form without ال
 * (الأيام, اليومين, بالساعات) has an entry of cls, which goes to dt->m. */
static long
lx_def(struct ar_date *dt, size_t i, int cls)
{
	static const char al[] = "\u0627\u0644";
	struct forms f;

	if (i >= dt->ntok || dt->tok[i].type != T_WORD)
		return -1;
	word_forms(dt->folded.s + dt->tok[i].n0, dt->tok[i].nl, &f);
	for (int k = 0; k < 3; k++) {
		if (!f.n[k] || f.n[k] <= 2 * AR_LETTER_LEN || memcmp(f.w[k], al, 2 * AR_LETTER_LEN))
			continue;
		for (const struct ar_lexent *e = lex_get(dt, f.w[k] + 4, f.n[k] - 4); e; e = e->next)
			if (e->cls == cls && e->nw == 1) {
				dt->m = e;
				dt->mpfx = f.pfx[k];
				return (long)i + 1;
			}
	}
	return -1;
}


/* the unit of an entry: "D", "MI", "W:2" a dual, "D:p" a plural */
static void
unit_of(const char *sv, struct amount *a)
{
	memset(a->unit, 0, sizeof a->unit);
	for (int q = 0; q < 2 && sv[q] && sv[q] != ':'; q++)
		a->unit[q] = sv[q];
	const char *c = strchr(sv, ':');
	a->dual = c && c[1] == '2';
	a->plural = c && c[1] == 'p';
	a->acc = c && c[1] == 'a';
	a->idiom = 0;
}

/* Does token k begin with the article (الصباح, والحرب)? */
static int
starts_al(const struct ar_date *dt, size_t k)
{
	static const char al[] = "\u0627\u0644";
	const struct tok *t;

	if (k >= dt->ntok || (t = &dt->tok[k])->type != T_WORD)
		return 0;
	const char *w = dt->folded.s + t->n0;
	size_t n = t->nl;
	if (n > 2 * AR_LETTER_LEN && !memcmp(w, "\u0648", AR_LETTER_LEN))
		w += AR_LETTER_LEN, n -= AR_LETTER_LEN;
	return n > 3 * AR_LETTER_LEN && !memcmp(w, al, 2 * AR_LETTER_LEN);
}

/* An amount at token i: [a cardinal | نصف / ربع] unit [ونصف / وربع
 * [الساعة]], or a dual (يومين, ساعتان); a unit alone is one of it if one
 * is allowed. Returns the end. */
static long
g_amount(struct ar_date *dt, size_t i, int one, struct amount *a)
{
	long r;
	int n = -2, frac = 0;
	size_t j = i;

	/* what an amount begins with (a number, or a word of these
	 * classes, which the tests below look up): most tokens are not */
	if (i >= dt->ntok || (dt->tok[i].type != T_NUM && !(dt->tok[i].cls & (CLS(L_NUM)
	    | CLS(L_NUMPRE) | CLS(L_HALF) | CLS(L_UNIT)))))
		return -1;
	long h = lx(dt, i, L_HALF, 1);
	int hv = h > 0 ? dt->m->val : 0;
	if (h > (long)i + 1) {          /* ثلاثة أرباع: the fraction, not three */
		frac = hv, n = 0;
		j = (size_t)h;
	} else if ((r = g_cardinal(dt, i, 1, &n)) > 0) {
		j = (size_t)r;
	} else if (h > 0) {
		frac = hv, n = 0;
		j = (size_t)h;
	}
	/* a fraction of the hour with its article: ربع الساعة, ثلاثة أرباع
	 * الساعة (نصف العام الدراسي, نصف الشهر are no amounts) */
	if ((r = lx(dt, j, L_UNIT, j == i)) < 0
	    && !(frac && (r = lx(dt, j, L_UNITDEF, 0)) > 0 && (unit_of(dt->m->str, a),
	    !strcmp(a->unit, "H") && !a->plural && !a->dual)))
		return -1;
	unit_of(dt->m->str, a);
	struct month mn;
	if (lx(dt, (size_t)r, L_MONTH, 0) > 0
	    || (!strcmp(a->unit, "M") && !a->plural && !a->dual && month_num(dt, (size_t)r, &mn) > 0))
		return -1;              /* 20 شهر أيار, طوال شهر رمضان, 15 شهر 5: a month */
	if (a->dual && n != -2)
		return -1;
	if (a->dual)
		n = 2;
	if (n == -2 && a->plural && one != 2)
		return -1;
	if (n == -2 && a->plural && starts_al(dt, (size_t)r))
		return -1;              /* منذ ساعات الصباح: a noun in construct */
	if (n == -2 && a->plural)
		n = -1;                 /* منذ ساعات: an unknown few */
	if (n == -2 && !one && !a->acc && lx(dt, (size_t)r, L_TIMEOF, 0) < 0)
		return -1;              /* عقدا: a contract, but عقدا من الزمن */
	if (n == -2 && (isnum(dt, (size_t)r, 1, 4) || lx(dt, (size_t)r, L_WDAY, 0) > 0
	    || lx(dt, (size_t)r, L_REL, 0) > 0 || lx(dt, (size_t)r, L_HOLIDAY, 0) > 0
	    || lx(dt, (size_t)r, L_THOUSAND, 0) > 0))
		return -1;              /* منذ عام 2020, منذ عام ألفين, منذ يوم الجمعة: a date */
	if (n == -2)
		n = 1;
	size_t k = (size_t)r;
	int f = wa_value(dt, k, L_HALF, 1, 11);
	if (f > 0 && !frac) {
		frac = f;
		k++;
		struct amount u;
		if (lx_def(dt, k, L_UNIT) > 0 && (unit_of(dt->m->str, &u), !strcmp(u.unit, a->unit)))
			k++;            /* ساعتين ونصف الساعة */
	}
	if ((r = lx(dt, k, L_TIMEOF, 0)) > 0)
		k = (size_t)r;          /* منذ عقد من الزمن: not من an event */
	else if (n >= 100 && (!strcmp(a->unit, "DE") || !strcmp(a->unit, "CE")))
		return -1;              /* 796 عقدا: contracts, not decades */
	a->n = n, a->frac = frac;
	return (long)k;
}

/* the parts of a duration, largest first */
enum { DP_Y, DP_MO, DP_W, DP_D, DP_H, DP_MI, DP_S, DP_N };

/* Add amount a (no unknown few) to the parts p; a week with a fraction
 * goes in days and hours. Returns the rank of a's unit. */
static int
dur_add(const struct amount *a, long p[DP_N])
{
	const char *u = a->unit;
	int n = a->n, f = a->frac;

	switch (u[0]) {
	case 'Y': p[DP_Y] += n, p[DP_MO] += f; return DP_Y;
	case 'M':
		if (u[1] == 'I') {
			p[DP_MI] += n, p[DP_S] += 5 * f;
			return DP_MI;
		}
		p[DP_MO] += n, p[DP_D] += f * 30 / 12;
		return DP_MO;
	case 'W':
		if (f)
			p[DP_D] += 7L * n + f * 7 / 12, p[DP_H] += (f * 7 % 12) * 2;
		else
			p[DP_W] += n;
		return DP_W;
	case 'D':
		if (u[1] == 'E') {
			p[DP_Y] += 10L * n;
			return DP_Y;
		}
		p[DP_D] += n, p[DP_H] += 2 * f;
		return DP_D;
	case 'C': p[DP_Y] += 100L * n + f * 100 / 12; return DP_Y;   /* a century */
	case 'H': p[DP_H] += n, p[DP_MI] += 5 * f; return DP_H;
	case 'S': p[DP_S] += n; return DP_S;
	}
	return DP_S;
}

/* The parts as a duration: P3D, PT2H30M, P1Y6M; weeks alone are P3W,
 * with days they are days (ثلاثة أسابيع ويومين: P23D) */
static void
dur_write(long p[DP_N], char *out)
{
	static const char letter[DP_N] = "YMWDHMS";
	char *q = out;
	int any = 0;

	for (int k = 0; k < DP_N; k++)
		if (k != DP_W && p[k])
			any = 1;
	if (p[DP_W] && any)
		p[DP_D] += 7 * p[DP_W], p[DP_W] = 0;
	*q++ = 'P';
	for (int k = 0; k < DP_N; k++) {
		if (!p[k])
			continue;
		if (k >= DP_H && q[-1] != 'T' && !memchr(out, 'T', (size_t)(q - out)))
			*q++ = 'T';
		q = put_num(q, (int)p[k], 1), *q++ = letter[k];
	}
	if (q == out + 1)
		q = put_str(q, "T0S");
	*q = 0;
}

/* the value of an amount as a duration: P3D, PT2H30M, P1Y6M, P20Y (a
 * decade is ten years), PXD for an unknown few */
static void
dur_value(const struct amount *a, char *out)
{
	const char *u = a->unit;
	char *p = out;

	if (a->n < 0) {
		*p++ = 'P';
		if (u[0] == 'H' || u[0] == 'S' || !strcmp(u, "MI"))
			*p++ = 'T';
		*p++ = 'X';
		*p++ = !strcmp(u, "MI") ? 'M' : !strcmp(u, "DE") || u[0] == 'C' ? 'Y' : u[0];
		*p = 0;
		return;
	}
	long parts[DP_N] = { 0 };
	dur_add(a, parts);
	dur_write(parts, out);
}

/* The parts as one amount in the smallest unit among them (ساعة وعشرين
 * دقيقة: 80 minutes), for ago and in; n -3 when a larger one is no whole
 * number of it (a month in days) */
static void
dur_sum(const long p[DP_N], struct amount *a)
{
	static const int per[DP_N] = { 12, 0, 7, 24, 60, 60, 0 };  /* of the next unit */
	static const char *const name[DP_N] = { "Y", "M", "W", "D", "H", "MI", "S" };
	int last = DP_N - 1;
	long n = 0;

	while (last > 0 && !p[last])
		last--;
	for (int k = 0; k <= last; k++) {
		if (k < last && p[k] && !per[k] && n == 0) {
			a->n = -3;
			return;
		}
		n = k ? (per[k - 1] ? n * per[k - 1] : (n ? -1 : 0)) + p[k] : p[k];
		if (n < 0 || n > 1000000) {
			a->n = -3;
			return;
		}
	}
	memset(a, 0, sizeof *a);
	strcpy(a->unit, name[last]);
	a->n = (int)n;
}

/* An amount and the smaller ones joined to it with و (ساعة وعشرين دقيقة,
 * ثلاث ساعات و15 دقيقة, سنتين وثلاثة أشهر): the sum as a duration in v.
 * Returns the end. */
static long
g_amounts(struct ar_date *dt, size_t i, int one, char *v, struct amount *sum)
{
	struct amount a;
	long e = g_amount(dt, i, one, &a);
	int alone = 0;          /* a unit alone (ساعة): only with a part after it */

	if (e < 0 && !one && (e = g_amount(dt, i, 1, &a)) > 0)
		alone = 1;
	if (e < 0 || (a.n < 0 && alone))
		return -1;
	if (a.frac && alone && a.n == 0)
		return -1;              /* نصف ساعة reads above, not here */
	*sum = a;
	if (a.n < 0 || a.frac) {
		dur_value(&a, v);
		return e;
	}
	long parts[DP_N] = { 0 };
	int rank = dur_add(&a, parts);
	for (;;) {
		size_t k = (size_t)e;
		if (k + 1 < dt->ntok && is_word(dt, k, "\u0648") && dt->tok[k + 1].type == T_NUM)
			k++;            /* و 15 دقيقة */
		else if (k >= dt->ntok || !dt->tok[k].wa)
			break;
		struct amount b;
		long r = g_amount(dt, k, 0, &b);
		if (r < 0 || b.n < 1)
			break;
		long tmp[DP_N] = { 0 };
		int rb = dur_add(&b, tmp);
		if (rb <= rank || (rank == DP_W && rb != DP_D))
			break;
		dur_add(&b, parts);
		rank = rb, e = r, alone = 0;
		if (b.frac)
			break;
	}
	if (alone)
		return -1;
	dur_sum(parts, sum);
	dur_write(parts, v);
	return e;
}

/* YYYY-MM-DD of a day */
static char *
put_day(char *p, long days)
{
	int y, m, d;

	ar_civil_from_days(days, &y, &m, &d);
	p = put_num(p, y, 4), *p++ = '-';
	p = put_num(p, m, 2), *p++ = '-';
	return put_num(p, d, 2);
}

/* The value of the reference moved by sign times the amount ("ago" and
 * "in": قبل ساعتين, بعد ثلاثة أيام), at the unit's grain: a time for hours
 * and minutes (its clock X when the reference has none), a day, an ISO
 * week, a month, a year. An unknown few is PAST_REF or FUTURE_REF.
 * Returns the type. */
static const char *
offset_value(const struct ar_date *dt, const struct amount *a, int sign, char *out)
{
	const struct dref *ref = &REF(dt);
	const char *u = a->unit;
	char *p = out;
	int n = a->n;

	if (n < 0) {
		strcpy(out, sign < 0 ? "PAST_REF" : "FUTURE_REF");
		return "date";
	}
	if (a->frac && u[0] != 'H' && u[0] != 'S' && strcmp(u, "MI")) {
		/* قبل سنة ونصف: a fraction moves the grain one unit down, the
		 * amount in that unit (18 months; a day and a half is 36 hours) */
		struct amount b = *a;
		b.frac = 0;
		if (u[0] == 'Y')
			strcpy(b.unit, "M"), b.n = 12 * n + a->frac;
		else if (!strcmp(u, "DE"))
			strcpy(b.unit, "Y"), b.n = 10 * n + a->frac * 10 / 12;
		else if (u[0] == 'C')
			strcpy(b.unit, "Y"), b.n = 100 * n + a->frac * 100 / 12;
		else if (u[0] == 'M')
			strcpy(b.unit, "D"), b.n = 30 * n + a->frac * 30 / 12;
		else if (u[0] == 'W')
			strcpy(b.unit, "D"), b.n = 7 * n + a->frac * 7 / 12;
		else
			strcpy(b.unit, "H"), b.n = 24 * n + 2 * a->frac;
		return offset_value(dt, &b, sign, out);
	}
	if (u[0] == 'H' || u[0] == 'S' || !strcmp(u, "MI")) {
		long secs = u[0] == 'H' ? 3600L * n + 300L * a->frac
		    : u[0] == 'S' ? n : 60L * n + 5L * a->frac;
		secs *= sign;
		if (!ref->ok) {
			strcpy(out, "XXXX-XX-XXTXX:XX");
		} else if (ref->sec < 0) {
			p = put_day(p, ref->days + secs / 86400);
			strcpy(p, "TXX:XX");
		} else {
			long t = ref->days * 86400 + ref->sec + secs;
			long day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
			long sec = t - day * 86400;
			p = put_day(p, day);
			*p++ = 'T';
			p = put_num(p, (int)(sec / 3600), 2), *p++ = ':';
			p = put_num(p, (int)(sec / 60 % 60), 2);
			if (u[0] == 'S')
				*p++ = ':', p = put_num(p, (int)(sec % 60), 2);
			*p = 0;
		}
		return "time";
	}
	if (!ref->ok) {
		strcpy(out, u[0] == 'D' && u[1] != 'E' ? "XXXX-XX-XX" : u[0] == 'W' ? "XXXX-WXX"
		    : u[0] == 'M' ? "XXXX-XX" : "XXXX");
		return "date";
	}
	switch (u[0]) {
	case 'D':
		if (u[1] != 'E') {
			*put_day(p, ref->days + (long)sign * n) = 0;
			break;
		}
		n *= 10;
		/* fall through */
	case 'C':
		if (u[0] == 'C')
			n *= 100;
		/* fall through */
	case 'Y':
		*put_num(p, ref->y + sign * n, 4) = 0;
		break;
	case 'W': {
		int wy, wk;
		ar_isoweek(ref->days + 7L * sign * n, &wy, &wk);
		p = put_str(put_num(p, wy, 4), "-W");
		*put_num(p, wk, 2) = 0;
		break;
	}
	case 'M': {
		long mm = ref->y * 12L + ref->m - 1 + (long)sign * n;
		p = put_num(p, (int)(mm / 12), 4), *p++ = '-';
		*put_num(p, (int)(mm % 12) + 1, 2) = 0;
		break;
	}
	}
	return "date";
}


/* من الآن, من اليوم at token k: the amount before it counts from the
 * reference, not from an event. The end, or -1. */
static long
from_now(struct ar_date *dt, size_t k)
{
	long r = lx(dt, k, L_FROM, 0), e;

	if (r < 0 || dt->m->val != 0)
		return -1;
	if ((e = lx(dt, (size_t)r, L_VAGUE, 0)) > 0 && !strncmp(dt->m->str, "PRESENT_REF", 11))
		return e;
	if ((e = lx(dt, (size_t)r, L_REL, 0)) > 0 && dt->m->val == 0 && !*entry_flag(dt->m))
		return e;
	return -1;
}

/* ago and in: قبل ساعتين, منذ يومين, بعد ثلاثة أيام, في غضون أسبوعين,
 * and Egyptian من يومين; منذ after a continuing state (مستمرة منذ 3
 * أعوام, لم يزر البلاد منذ) is a duration. The word is in the span. */
static long
p_offset(struct ar_date *dt, size_t i)
{
	struct amount a;
	long r = lx(dt, i, L_OFFSET, 1);

	if (r < 0)
		return -1;
	int sign = dt->m->val, pfx = dt->mpfx;
	const char *how = entry_flag(dt->m);
	long q0;
	if (strcmp(how, "from") && (q0 = lx(dt, (size_t)r, L_APPROX, 0)) > 0)
		r = q0;                 /* قبل نحو ثلاثة أسابيع: about the amount */
	long e = g_amount(dt, (size_t)r, 2, &a);
	if (e < 0)
		return -1;
	/* خلال أيام in a sentence of the future: FUTURE_REF (سيستأنف نشاطه خلال
	 * أيام); with a number there, or alone, it is "in", a point like بعد
	 * (سيخمد خلال 15 دقيقة), but in a report a duration (يعدم 2000 شخص
	 * خلال أسبوعين), and before الماضية too; من خلال is "through" */
	if (!strcmp(how, "within")) {
		int fut = future_context(dt, i) || clause_has(dt, i, L_SCHED, SCHED_REACH);
		if ((i > 0 && is_word(dt, i - 1, "\u0645\u0646")) || (a.n < 0 && !fut)
		    || (a.n >= 0 && (lx(dt, (size_t)e, L_RMOD, 0) > 0 || (!fut && words_before(dt, i)))))
			return -1;
	}
	char dv[48];            /* بعد ساعة وعشرين دقيقة: the sum, as a duration */
	struct amount sum;
	long e2 = g_amounts(dt, (size_t)r, 2, dv, &sum);
	int comp = e2 > e && sum.n >= 0;
	if (comp)
		a = sum, e = e2;
	if (!strcmp(how, "from")) {
		/* من يومين (Egyptian): at the clause's end, or before و; not
		 * أكثر من يومين, not من يوم, not ولاية من 5 سنوات لفترتين */
		const struct tok *T = dt->tok;
		size_t q = (size_t)e;
		if (a.n < 2 || a.n > 10 || (i > 0 && prev_is(dt, i, L_CMP))
		    || !(q >= dt->ntok || T[q].type == T_PUNCT || (T[q].type == T_WORD && T[q].wa
		    && !is_letter_word(dt, q, WAW))))
			return -1;
	}
	char v[96];
	const char *type;
	long now;
	if ((now = from_now(dt, (size_t)e)) > 0)
		e = now;                /* بعد عشرة أيام من الآن: from the reference */
	else if ((lx(dt, (size_t)e, L_FROM, 0) > 0 && dt->m->val == 0)
	    || (!strcmp(how, "pass") && is_word(dt, (size_t)e, "\u0639\u0644\u064a"))) {
		/* بعد يوم من توليه, بعد مرور عام على الحرب: after an event,
		 * not the reference: the amount is what is known */
		if (a.n < 0)
			return -1;
		add_val(dt, (size_t)r, (size_t)e, 0, "duration", "%s", comp ? dv : (dur_value(&a, v), v));
		return e;
	}
	int off = sign;
	if (!strcmp(how, "since") && clause_has(dt, i, L_STATE, 6)) {
		if (comp)
			strcpy(v, dv);
		else
			dur_value(&a, v);
		type = "duration";
		off = 2;
	} else {
		type = offset_value(dt, &a, sign, v);
	}
	struct ar_date_expr *x = add_val(dt, i, (size_t)e, pfx, type, "%s", v);
	x->offset = a.n < 0 ? 0 : off;
	if ((x->offset == 1 || x->offset == -1) && comp) {
		size_t dl = strlen(dv) < sizeof x->amount ? strlen(dv) : sizeof x->amount - 1;
		memcpy(x->amount, dv, dl), x->amount[dl] = 0;
	} else if (x->offset == 1 || x->offset == -1)
		dur_value(&a, x->amount);
	return e;
}

/* a duration: 3 أيام, ثلاثة أسابيع, يومين, نصف ساعة, لمدة أسبوع (the word
 * of a duration before it is in the span, and makes one unit enough) */
/* Is the word right before token ti (or before its الـ) one that makes
 * the years after it an age (تحت 23 عاما, صاحب الـ35 عاما)? */
static int
age_next(struct ar_date *dt, size_t ti)
{
	struct back bk;
	struct btok t0, t1, *t = &t0;

	back_begin(dt, ti, &bk);
	if (!back_next(dt, &bk, &t0))
		return 0;
	if (t0.type == AR_W_WORD && t0.n == 2 * AR_LETTER_LEN && !memcmp(t0.w, ALEF LAM, t0.n)) {
		if (!back_next(dt, &bk, &t1))
			return 0;
		t = &t1;
	}
	return t->type == AR_W_WORD && t->n && (back_classes(dt, t) & CLS(L_AGENEXT));
}

static long
p_duration(struct ar_date *dt, size_t i)
{
	long r = lx(dt, i, L_DURW, 1);
	int pfx = 0, one = 0;
	size_t j = i;

	if (r > 0)              /* a unit alone is one, not after آخر (آخر يوم) */
		pfx = dt->mpfx, j = (size_t)r, one = strcmp(entry_flag(dt->m), "num") != 0;
	char v[48];
	struct amount a;
	long e = g_amounts(dt, j, one, v, &a);
	if (e < 0)
		return -1;
	/* an age: years in brackets after a name (محمد (23 عاما)), or after
	 * عمر / ناهز / البالغ in the same clause */
	if (a.unit[0] == 'Y' && j == i && ((i > 0 && ispunct_at(dt, i - 1, "(")
	    && ispunct_at(dt, (size_t)e, ")")) || clause_has(dt, i, L_AGE, 4) || age_next(dt, i)))
		return -1;
	if (j == i)
		pfx = first_pfx(dt, i);
	add_val(dt, i, (size_t)e, pfx, "duration", "%s", v);
	return e;
}

/* The interval of the first (or last) n days of the month of len days
 * from day first, into v */
static void
days_of_month(char *v, size_t cap, long first, int len, int n, int last)
{
	long d1 = first + (last ? len - n : 0);
	int y1, m1, dd1, y2, m2, dd2;

	ar_civil_from_days(d1, &y1, &m1, &dd1);
	ar_civil_from_days(d1 + n - 1, &y2, &m2, &dd2);
	snprintf(v, cap, "%04d-%02d-%02d/%04d-%02d-%02d", y1, m1, dd1, y2, m2, dd2);
}

/* The first or last n months of a year, days of a month, after the
 * amount with the article at k: الأشهر الثلاثة الأولى من العام الجاري
 * (2024-01/2024-03), الأيام العشرة الأخيرة من مارس: the interval in
 * v; the end, or -1 */
static long
first_last(struct ar_date *dt, size_t k, const struct amount *a, char *v, size_t cap)
{
	long o;
	int ov, last;

	if (strcmp(a->unit, "M") && strcmp(a->unit, "D"))
		return -1;
	if ((o = g_ordinal(dt, k, 0, &ov)) > 0 && ov == 1)
		last = 0;
	else if ((o = lx(dt, k, L_LASTW, 0)) > 0)
		last = dt->m->val < 0;  /* الأخيرة, الأواخر; الأوائل */
	else
		return -1;
	k = (size_t)o;
	int n = a->n, len;
	long first, e;
	/* days of a month, Gregorian or Hijri (العشر الأواخر من رمضان) */
	if (a->unit[0] == 'D' && (e = month_spec(dt, k, &first, &len, &ov)) > 0) {
		if (first == LONG_MIN || n >= len)
			return -1;
		/* العشر الأواخر: the last ten days, of a month of 29 too (the
		 * 20th on), as readers count them */
		days_of_month(v, cap, first, len, n, last);
		return e;
	}
	if (!(lx(dt, k, L_FROM, 0) > 0 && dt->m->val == 0) && !is_word(dt, k, "\u0641\u064a"))
		return -1;
	struct st y;
	e = whole_after(dt, k + 1, &y);
	if (e < 0 || y.ival[0] || y.hij[0])
		return -1;
	if (a->unit[0] == 'M' && y.gran == G_YEAR && n <= 12) {
		int m1 = last ? 13 - n : 1, m2 = last ? 12 : n;
		if (y.y < 0)
			snprintf(v, cap, "XXXX-%02d/XXXX-%02d", m1, m2);
		else
			snprintf(v, cap, "%04d-%02d/%04d-%02d", y.y, m1, y.y, m2);
	} else if (a->unit[0] == 'D' && y.gran == G_MONTH && y.y >= 0 && y.m > 0) {
		int mlen = ar_days_in_month(y.y, y.m);
		if (n >= mlen)
			return -1;
		days_of_month(v, cap, ar_days_from_civil(y.y, y.m, 1), mlen, n, last);
	} else {
		return -1;
	}
	return e;
}

/* أول 3 أيام من مارس, آخر ثلاثة أيام من الشهر: the first or last n
 * days of a month, the ordinal first */
static long
p_first_n(struct ar_date *dt, size_t i)
{
	struct amount a;
	long r = lx(dt, i, L_ORDBARE, 1), e;
	int last, len, gm;
	long first;

	if (r < 0 || (dt->m->val != 1 && dt->m->val != -1))
		return -1;
	last = dt->m->val < 0;
	int pfx = dt->mpfx;
	if ((e = g_amount(dt, (size_t)r, 0, &a)) < 0 || strcmp(a.unit, "D") || a.n < 2 || a.frac
	    || (e = month_spec(dt, (size_t)e, &first, &len, &gm)) < 0 || first == LONG_MIN
	    || a.n >= len)
		return -1;
	char v[48];
	days_of_month(v, sizeof v, first, len, a.n, last);
	add_val(dt, i, (size_t)e, pfx, "date", "%s", v);
	return e;
}

/* An amount with the article, and the modifier that makes it the last or
 * the next ones: اليومين الماضيين, الأيام الثلاثة الماضية, الأسابيع
 * الأربعة المقبلة (durations); without a number, الساعات المقبلة is
 * FUTURE_REF, الأيام الأخيرة PAST_REF. */
/* Token k is a number written with the article, الـ24: the word ال (its
 * tatweel folded away) touching the number. */
static int
def_number(const struct ar_date *dt, size_t k)
{
	return k + 1 < dt->ntok && dt->tok[k + 1].type == T_NUM && touches_prev(dt, k + 1)
	    && wordeq(dt, k, ALEF LAM, 2 * AR_LETTER_LEN) && dt->tok[k + 1].nd <= 3;
}

static long
p_def_amount(struct ar_date *dt, size_t i)
{
	struct amount a;
	long r, u;
	size_t t0 = i;
	int npfx = -1;

	if (dt->tok[i].type == T_NUM && i > 0 && def_number(dt, i - 1)
	    && (r = lx(dt, i + 1, L_UNIT, 0)) > 0) {
		/* الـ24 ساعة الماضية: the number first, with the article */
		unit_of(dt->m->str, &a);
		a.n = dt->tok[i].num, a.frac = 0, t0 = i - 1;
	} else if ((r = lx(dt, i, L_NUMDEF, 1)) > 0) {
		int nv = dt->m->val;
		npfx = dt->mpfx;
		if ((u = lx(dt, (size_t)r, L_UNIT, 0)) > 0) {
			/* الثلاثة أيام القادمة, الثلاث ساعات الماضية: the number with
			 * the article before a plural unit, as speech and many papers
			 * write it */
			unit_of(dt->m->str, &a);
			if (!a.plural || nv < 3 || nv > 10)
				return -1;
			a.n = nv, a.frac = 0;
			r = u;
		} else {
			/* العشر الأواخر من رمضان, العشر الأوائل من ذي الحجة: ten
			 * days, the unit left out as the idiom does (only ten:
			 * الثلاثة الأوائل من الشهر are people) */
			memset(&a, 0, sizeof a);
			a.n = nv == 10 ? 10 : -1, a.unit[0] = 'D', a.idiom = 1;
			char fl[48];
			long e = a.n > 0 ? first_last(dt, (size_t)r, &a, fl, sizeof fl) : -1;
			if (e > 0)
				add_val(dt, i, (size_t)e, npfx, "date", "%s", fl);
			return e;
		}
	} else if ((r = lx(dt, i, L_UNITDEF, 1)) < 0) {
		return -1;
	} else {
		unit_of(dt->m->str, &a);
		if (!a.dual && !a.plural)
			return -1;
		a.n = a.dual ? 2 : -1, a.frac = 0;
	}
	int pfx = npfx >= 0 ? npfx : t0 < i ? first_pfx(dt, t0) : dt->mpfx;
	size_t k = (size_t)r;
	if (t0 < i || npfx >= 0) {
		/* read above */
	} else if (!a.dual && def_number(dt, k)) {
		a.n = dt->tok[k + 1].num, k += 2;       /* الساعات الـ24 الماضية */
	} else if (!a.dual && lx(dt, k, L_NUMDEF, 0) > 0) {
		a.n = dt->m->val, k++;
		/* الساعات الأربع والعشرين: the tens with the article are the
		 * ordinals' words (العشرين) */
		int tens = a.n < 10 ? wa_value(dt, k, L_ORD, 20, 90) : -1;
		if (tens > 0)
			a.n += tens, k++;
	}
	if (a.n < 0 && (r = lx(dt, k, L_FEW, 0)) > 0)
		k = (size_t)r;          /* الأيام القليلة الماضية: still no number */
	char fl[48];
	if (a.n > 0 && (r = first_last(dt, k, &a, fl, sizeof fl)) > 0) {
		add_val(dt, t0, (size_t)r, pfx, "date", "%s", fl);
		return r;
	}
	int sign;
	if ((r = lx(dt, k, L_RMOD, 0)) > 0 && dt->m->val)
		sign = dt->m->val;
	else if ((r = lx(dt, k, L_LASTW, 0)) > 0 && dt->m->val < 0)
		sign = -1;
	else
		return -1;
	char v[48];
	if (a.n > 0)
		dur_value(&a, v);
	else
		strcpy(v, sign < 0 ? "PAST_REF" : "FUTURE_REF");
	add_val(dt, t0, (size_t)r, pfx, a.n > 0 ? "duration" : "date", "%s", v);
	return r;
}

/* الآن, حاليا, في الوقت الراهن, مؤخرا, مستقبلا: PRESENT_REF, PAST_REF,
 * FUTURE_REF */
static long
p_vague(struct ar_date *dt, size_t i)
{
	long r = lx(dt, i, L_VAGUE, 1);

	if (r < 0 || (dt->mpfx == 0 && prev_is(dt, i, L_NEGVPREV)))
		return -1;              /* في ذلك الحين, بين الحين والآخر */
	if (!strcmp(entry_flag(dt->m), "n") && dt->mpfx == 0
	    && (!memcmp(dt->line + dt->tok[i].b0, "\u0623", 2)
	    || !memcmp(dt->line + dt->tok[i].b0, "\u0625", 2)))
		return -1;              /* ألان (Alain) folds to الآن: a name */
	*dt->usedp = 1;
	const char *v = dt->m->str, *c = strchr(v, ':');
	add_val(dt, i, (size_t)r, dt->mpfx, "date", "%.*s", (int)(c ? (size_t)(c - v) : strlen(v)), v);
	return r;
}

/* The clock of a set after its day, from token k (كل جمعة في الحادية
 * عشرة صباحا, كل يوم عند الساعة 8): its end, *H and *M; -1 if none. */
static long
set_clock(struct ar_date *dt, size_t k, int *H, int *M)
{
	struct st c;
	size_t f;
	long r;

	if ((r = lx(dt, k, L_CLOCKJOIN, 1)) > 0)
		k = (size_t)r;
	long e = chain(dt, k, &c, &f);
	if (e < 0 || f != k || !c.hasclock || c.hasdate || c.hasrel || c.wd || c.ival[0]
	    || c.moment || c.S >= 0)
		return -1;
	finish(dt, &c);
	*H = c.H, *M = c.M;
	return e;
}

/* a set: يوميا, كل جمعة, كل 3 أشهر, كل أربع سنوات; a day's with its clock
 * (كل جمعة في الحادية عشرة صباحا: XXXX-WXX-5T11:00), every part of a day
 * (كل صباح: XXXX-XX-XXTMO) */
static long
p_set(struct ar_date *dt, size_t i)
{
	struct amount a;
	long r;
	int H, M;

	if ((r = lx(dt, i, L_SET, 1)) > 0) {
		add_val(dt, i, (size_t)r, dt->mpfx, "set", "%s", dt->m->str);
		return r;
	}
	if ((r = lx(dt, i, L_EVERY, 1)) < 0)
		return -1;
	int pfx = dt->mpfx;
	size_t j = (size_t)r, k = j;
	const char *pod;
	if ((r = lx(dt, k, L_POD, 0)) > 0 && dt->m->nw == 1 && dt->m->str[0]
	    && (pod = strchr("maetv", dt->m->str[0]))) {
		static const char *const part[] = { "MO", "AF", "EV", "NI", "NI" };
		add_val(dt, i, (size_t)r, pfx, "set", "XXXX-XX-XXT%s", part[pod - "maetv"]);
		return r;
	}
	int yom = 0;
	if ((r = lx(dt, k, L_YOM, 0)) > 0)
		k = (size_t)r, yom = 1;
	if ((r = lx(dt, k, L_WDAY, 0)) > 0 || (r = lx(dt, k, L_WDAYBARE, 0)) > 0) {
		int wd = dt->m->val;
		long e = set_clock(dt, (size_t)r, &H, &M);
		if (e > 0) {
			add_val(dt, i, (size_t)e, pfx, "set", "XXXX-WXX-%dT%02d:%02d", wd, H, M);
			return e;
		}
		add_val(dt, i, (size_t)r, pfx, "set", "XXXX-WXX-%d", wd);
		return r;
	}
	long ce;
	if (yom && (ce = set_clock(dt, k, &H, &M)) > 0) {
		add_val(dt, i, (size_t)ce, pfx, "set", "XXXX-XX-XXT%02d:%02d", H, M);
		return ce;
	}
	long e = g_amount(dt, j, 1, &a);
	if (e < 0 || a.n < 1)
		return -1;
	if (a.unit[0] == 'Y' && lx(dt, (size_t)e, L_GREET, 1) > 0 && dt->mpfx)
		return -1;              /* كل عام وأنتم بخير: a greeting */
	char v[48];
	dur_value(&a, v);
	add_val(dt, i, (size_t)e, pfx, "set", "%s", v);
	return e;
}

/* Times in a period: مرتين في الأسبوع, ثلاث مرات في الشهر, مرة في السنة,
 * مرتين في اليوم: the set of the period (P1W; TimeML's freq, the count,
 * is not in the value). The number before مرات is in the span. */
static long
p_freq(struct ar_date *dt, size_t i)
{
	long r = lx(dt, i, L_FREQ, 1), q;

	if (r < 0)
		return -1;
	int pfx = dt->mpfx;
	size_t j = (size_t)r;
	if (!is_word(dt, j, "\u0641\u064a"))
		return -1;
	const char *v;
	if ((q = lx(dt, j + 1, L_PERIOD, 0)) > 0 && !*entry_flag(dt->m) && strchr("WMY", dt->m->str[0]))
		v = dt->m->str[0] == 'W' ? "P1W" : dt->m->str[0] == 'M' ? "P1M" : "P1Y";
	else if (is_word(dt, j + 1, "\u0627\u0644\u064a\u0648\u0645"))
		v = "P1D", q = (long)j + 2;     /* اليوم: the day, no "today" here */
	else
		return -1;
	size_t b = i;
	if (i > 0 && !touches_prev(dt, i) && (dt->tok[i - 1].type == T_NUM || prev_is(dt, i, L_NUM))
	    && dt->last_end_b <= dt->tok[i - 1].b0)
		b = i - 1, pfx = 0;     /* ثلاث مرات */
	add_val(dt, b, (size_t)q, pfx, "set", "%s", v);
	return q;
}

/* the end of a range's first side: a chain, or a bare day (1), hour (1,
 * or 2 for an hour word), year (4) or ordinal day (5, its day in a->d:
 * من الأول حتى العاشر من يونيو) that takes the rest from the second
 * side; -1 if none */
static long
range_side(struct ar_date *dt, size_t j, struct st *a, int *bare)
{
	size_t f;
	long e = chain(dt, j, a, &f);

	*bare = 0;
	if (e < 0 || f != j) {
		const struct tok *t = &dt->tok[j];
		long r;
		st_init(a);
		if (isnum(dt, j, 1, 2) && t->num >= 1 && t->num <= 31) {
			*bare = 1;
		} else if (isnum(dt, j, 4, 4) && t->num >= 1000 && t->num <= 2200) {
			*bare = 4;
		} else if ((r = lx(dt, j, L_HOUR, 0)) > 0) {
			*bare = 2;
			a->H = dt->m->val;
			return r;
		} else if ((r = g_ordinal(dt, j, 0, &a->d)) > 0 && a->d >= 1 && a->d <= 31) {
			*bare = 5;
			return r;
		} else {
			return -1;
		}
		return (long)j + 1;
	}
	finish(dt, a);
	if (a->ival[0])
		return -1;
	return e;
}

/* The second side of a range after its first: after إلى / حتى / و (the و
 * may be the second side's first letter: والعاشرة). */
static long
range_to(struct ar_date *dt, size_t k, struct st *b)
{
	size_t f;
	long r;

	if ((r = lx(dt, k, L_TO, 1)) > 0)
		k = (size_t)r;
	else if (is_letter_word(dt, k, WAW))
		k++;
	else if (!(k < dt->ntok && dt->tok[k].wa))
		return -1;
	long e = chain(dt, k, b, &f);
	if (e < 0 || f != k)
		return -1;
	finish(dt, b);
	if (b->ival[0])
		return -1;
	return e;
}

/* The second side of a range of clock times after a first with a clock,
 * an hour alone (بين الساعة 2 و4, من الساعة العاشرة حتى الثانية عشرة): on
 * the first's day, later than it */
static long
range_hour(struct ar_date *dt, size_t k, int between, const struct st *a, struct st *b)
{
	long r;
	int h;

	/* و after بين only (من ... إلى, بين ... و) */
	if ((r = lx(dt, k, L_TO, 1)) > 0 && (dt->m->val == 0 || between))
		k = (size_t)r;
	else if (between && is_letter_word(dt, k, WAW))
		k++;
	else if (!between || !(k < dt->ntok && dt->tok[k].wa))
		return -1;
	if (isnum(dt, k, 1, 2) && dt->tok[k].num <= 24)
		h = dt->tok[k].num, r = (long)k + 1;
	else if ((r = lx(dt, k, L_HOUR, 1)) > 0)
		h = dt->m->val;
	else
		return -1;
	/* an hour not after the first is after noon (من الساعة 9 صباحا حتى
	 * 3); after an evening one, in the evening too (بين 7 مساء و9) */
	if (h < 12 && h <= a->H && h + 12 > a->H)
		h += 12;
	if (h <= a->H || h > 24)
		return -1;
	size_t q = (size_t)r;   /* و3 لاعبين: a count */
	if (q < dt->ntok && (counted_noun(dt, q) || lx(dt, q, L_MEASURE, 1) > 0
	    || lx(dt, q, L_UNIT, 1) > 0))
		return -1;
	*b = *a;
	b->H = h, b->M = 0, b->S = -1;
	return r;
}

/* The second side of a range of bare years (بين 2014 و2016, ما بين 2010
 * و2015): after و / إلى / حتى a year number after the first, both of them
 * years of news (1000..2200, at most two centuries apart) and neither a
 * count (ما بين 1500 و2000 عائلة) */
static long
range_year(struct ar_date *dt, size_t j, size_t k, struct st *b)
{
	long r;
	int first = dt->tok[j].num;

	if ((r = lx(dt, k, L_TO, 1)) > 0)
		k = (size_t)r;
	else if (is_letter_word(dt, k, WAW))
		k++;
	else
		return -1;
	if (!isnum(dt, k, 4, 4) || dt->tok[k].num <= first || dt->tok[k].num > 2200
	    || dt->tok[k].num - first > 200 || first < 1000)
		return -1;
	size_t q = k + 1;
	int touch = q < dt->ntok && touches_prev(dt, q) && (dt->tok[q].type != T_PUNCT
	    || (q + 1 < dt->ntok && adj(dt, q) && dt->tok[q + 1].type == T_NUM));
	if (touch || counted_noun(dt, j + 1) || (q < dt->ntok && counted_noun(dt, q))
	    || lx(dt, q, L_MEASURE, 1) > 0
	    || lx(dt, q, L_UNIT, 1) > 0 || lx(dt, q, L_MONTH, 1) > 0)
		return -1;
	st_init(b);
	b->y = dt->tok[k].num, b->gran = G_YEAR, b->hasdate = 1, b->yexp = 1;
	return (long)q;
}

/* A time range's first side takes the second's day and part of the day
 * when it has none (بين الثامنة والعاشرة صباحا): 0, or -1 if the sides
 * are no clocks. */
static int
time_range(struct ar_date *dt, struct st *a, int bare, size_t j, const struct st *b)
{
	if (!b->hasclock)
		return -1;
	if (bare == 1 && dt->tok[j].num <= 24)
		a->H = dt->tok[j].num, a->M = 0;
	else if (bare != 2 && !a->hasclock)
		return -1;
	if (!a->pod && b->pod && !a->hasclock)
		a->H = apply_pod(a->H, b->pod);
	else if (!a->pod && b->pod && a->hasclock && a->H < 12 && b->H >= 12 && a->H + 12 <= b->H)
		a->H += 12;             /* من 8:00 إلى 5 مساء */
	if (a->M < 0)
		a->M = 0;
	a->hasclock = 1;
	/* the day written after the second side is the first's too (من
	 * 9:30 إلى 11:00 يوم الخميس) */
	if ((!a->hasdate && !a->hasrel) || (a->dayref && !b->dayref)) {
		a->gran = b->gran, a->y = b->y, a->m = b->m, a->d = b->d;
		a->days = b->days, a->hasdate = b->hasdate;
	}
	return 0;
}

/* A span of years written as one token pair: موسم 2023-2024, العام
 * الدراسي 2024/2025, الفترة 2018-2022, 2023-24 (the second year's last two
 * digits, above 12, so that 2010-11 stays a month). Not a date (2020-10-09
 * goes on with another separator), not a count (1500-2000 عائلة). */
static long
p_years(struct ar_date *dt, size_t i)
{
	if (!isnum(dt, i, 4, 4) || !adj(dt, i) || !adj(dt, i + 1) || i + 2 >= dt->ntok)
		return -1;
	const struct tok *t = &dt->tok[i + 1];
	int first = dt->tok[i].num, second;
	if (t->type != T_PUNCT || (t->num != '-' && t->num != '/') || first < 1000 || first > 2200)
		return -1;
	if (isnum(dt, i + 2, 4, 4))
		second = dt->tok[i + 2].num;
	else if (isnum(dt, i + 2, 2, 2) && dt->tok[i + 2].num > 12)
		second = first / 100 * 100 + dt->tok[i + 2].num;
	else
		return -1;
	if (second <= first || second - first > 200 || (first >= 1300 && first <= 1500))
		return -1;              /* 1445-1446 هـ: Hijri years, not read as a span */
	size_t q = i + 3;
	/* after موسم or عام the pair is years whatever follows (موسم
	 * 2023-2024 بمواجهة: no count) */
	int named = prev_is(dt, i, L_YEARW) || (i > 0 && (is_word(dt, i - 1, "\u0645\u0648\u0633\u0645")
	    || is_word(dt, i - 1, "\u0627\u0644\u0645\u0648\u0633\u0645")))
	    || (i > 1 && nisba(dt, i - 1) && prev_is(dt, i - 1, L_YEARW));  /* العام الدراسي */
	if ((adj(dt, i + 2) && q < dt->ntok && dt->tok[q].type == T_PUNCT && is_sep(dt->tok[q].num)
	    && adj(dt, q) && dt->tok[q + 1].type == T_NUM) || (!named && counted_noun(dt, q))
	    || lx(dt, q, L_MEASURE, 1) > 0 || lx(dt, q, L_UNIT, 1) > 0)
		return -1;
	add_val(dt, i, q, 0, "date", "%04d/%04d", first, second);
	return (long)q;
}

/* The end of قبل الميلاد, ق.م, ق. م at token k (before the common era), or -1 */
static long
bc_marker(struct ar_date *dt, size_t k)
{
	if (is_word(dt, k, "\u0642\u0628\u0644") && is_word(dt, k + 1, "\u0627\u0644\u0645\u064a\u0644\u0627\u062f"))
		return (long)k + 2;
	if (!is_letter_word(dt, k, QAF))
		return -1;
	size_t j = k + 1;
	if (ispunct_at(dt, j, "."))
		j++;
	if (!is_letter_word(dt, j, MEEM))
		return -1;
	j++;
	if (ispunct_at(dt, j, ".") && dt->tok[j].b0 == dt->tok[j - 1].b1)
		j++;
	return (long)j;
}

/* a year before the common era: سنة 814 قبل الميلاد, عام 300 ق.م, 44 ق. م
 * (TimeML's BC0814) */
static long
p_bc(struct ar_date *dt, size_t i)
{
	size_t j = i;
	long r, e;
	int pfx = 0;

	if ((r = lx(dt, j, L_YEARW, 1)) > 0 && dt->m->val == 0)
		pfx = dt->mpfx, j = (size_t)r;
	if (!isnum(dt, j, 1, 4) || dt->tok[j].num < 1 || (e = bc_marker(dt, j + 1)) < 0)
		return -1;
	add_val(dt, i, (size_t)e, pfx, "date", "BC%04d", dt->tok[j].num);
	return e;
}

/* a range: من 3 إلى 5 مايو, بين عامي 2020 و2022, من الساعة 10 حتى الساعة
 * 12 ظهرا, بين الثامنة والعاشرة صباحا */
static int after_last_date(const struct ar_date *dt, size_t f);

static long
p_range(struct ar_date *dt, size_t i)
{
	long r = lx(dt, i, L_FROM, 1);
	struct st a, b;
	int bare;

	if (r < 0)
		return -1;
	int pfx = dt->mpfx, between = dt->m->val == 1;
	size_t j = (size_t)r;
	long e1 = range_side(dt, j, &a, &bare);
	if (e1 < 0)
		return -1;
	long e2 = range_to(dt, (size_t)e1, &b);
	if (e2 < 0 && a.hasclock && !between && ispunct_at(dt, (size_t)e1, "-")) {
		/* من 9:30 - 11:00: a dash between two clocks */
		size_t k = (size_t)e1 + 1, f;
		long e = chain(dt, k, &b, &f);
		if (e > 0 && f == k && (finish(dt, &b), b.hasclock && !b.ival[0]))
			e2 = e;
	}
	if (e2 < 0 && a.hasclock)
		e2 = range_hour(dt, (size_t)e1, between, &a, &b);
	if (e2 < 0 && bare == 4)
		e2 = range_year(dt, j, (size_t)e1, &b);
	if (e2 < 0 || a.moment || b.moment)
		return -1;      /* إلى منتصف النهار: the clock keeps the day written before it */
	int first = bare == 5 ? a.d : dt->tok[j].num;
	if (bare == 5)
		bare = 1;               /* an ordinal day: as a day's number */
	if (a.wdonly && b.wdonly && !a.hasclock && !b.hasclock) {
		/* يومي الثلاثاء والأربعاء [14 و15 فيفري]: the days written after
		 * the weekdays, else the second weekday after the first */
		struct st c, d;
		int bd;
		long e3 = range_side(dt, (size_t)e2, &c, &bd), e4;
		if (e3 > 0 && bd == 1 && (e4 = range_to(dt, (size_t)e3, &d)) > 0 && d.gran == G_DAY
		    && d.m > 0 && d.d > dt->tok[e2].num) {
			a = d, a.d = dt->tok[e2].num, b = d, e2 = e4;
		} else if (REF(dt).ok && a.wd != b.wd && a.wdmod == 9 && b.wdmod != 9) {
			/* يومي الخميس والجمعة المقبلين: the dual's modifier
			 * places both; the first is the one before the second */
			set_day(&a, b.days - (b.wd - a.wd + 7) % 7);
		} else if (REF(dt).ok && a.wd != b.wd) {
			set_day(&b, a.days + (b.wd - a.wd + 7) % 7);
		}
	}
	if (a.hasclock || b.hasclock || bare == 2) {
		if (time_range(dt, &a, bare, j, &b) < 0)
			return -1;
		/* a second clock with no part of the day, not after the first,
		 * is after noon (من الساعة الثامنة صباحا إلى الساعة الثانية:
		 * office hours, 08:00 to 14:00); after an evening one it
		 * stays the small hours (من العاشرة مساء إلى الثانية) */
		if (!b.pod && b.H < 12 && b.H <= a.H && b.H + 12 > a.H)
			b.H += 12;
	} else if (bare == 1 && b.hij[0] && b.gran == G_DAY) {
		int hd = atoi(b.hij + 8);       /* من 12 إلى 19 شعبان: Hijri days */
		if (first >= hd)
			return -1;
		a = b;
		set_day(&a, b.days - (hd - first));
		a.hasrel = 0;
	} else if (bare == 1) {
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
		/* من 22 نوفمبر حتى 28 من الشهر: the first side's month */
		if (b.samemonth && a.gran == G_DAY && a.y >= 0 && a.m > 0) {
			if (b.d < a.d || b.d > ar_days_in_month(a.y, a.m))
				return -1;
			set_day(&b, ar_days_from_civil(a.y, a.m, b.d));
		}
		/* من 28 ديسمبر إلى 3 يناير 2024, من يناير إلى مارس 2023, من
		 * يناير إلى مارس المقبل: a first day or month with no year is
		 * the last one up to the second side, in its year or the one
		 * before */
		if (a.bareday && b.gran == G_DAY && b.m > 0 && a.d <= b.d && b.y >= 0) {
			/* يومي الثلاثاء 20 والأربعاء 21 ديسمبر: the month after */
			a.y = b.y, a.m = b.m;
		} else if (!a.yexp && !a.hasrel && !a.part && !a.pod && !a.wdonly && !a.holiday
		    && !a.bareday && b.y >= 0 && a.m > 0 && b.m > 0 && (a.gran == G_MONTH
		    || (a.gran == G_DAY && a.d <= ar_days_in_month(b.y, a.m)))) {
			a.y = b.y;
			if (a.m > b.m || (a.m == b.m && a.gran == G_DAY && a.d > b.d))
				a.y--;
		}
	}
	/* غدا من الساعة 9 حتى 11: clocks with no day of their own take the
	 * date just before them, as a clock alone does */
	if (a.hasclock && b.hasclock && a.dayref && b.dayref && after_last_date(dt, i))
		set_day(&a, dt->last_days), set_day(&b, dt->last_days);
	char v1[48], v2[48];
	fmt_value(&a, v1, sizeof v1);
	fmt_value(&b, v2, sizeof v2);
	/* days whose end is before their start (بين جانفي 2016 وموفى شهر
	 * اكتوبر المنقضي, the October read as the last one) are no range: the
	 * sides alone (clocks past midnight are left as they were) */
	if (v1[0] >= '0' && v1[0] <= '9' && v2[0] >= '0' && v2[0] <= '9'
	    && !strchr(v1, 'T') && !strchr(v2, 'T')
	    && strncmp(v2, v1, strlen(v2) < strlen(v1) ? strlen(v2) : strlen(v1)) < 0)
		return -1;
	struct ar_date_expr *x = add_val(dt, i, (size_t)e2, pfx, b.hasclock ? "time" : "date",
	    "%s/%s", v1, v2);
	if (b.hij[0])
		snprintf(x->hijri, sizeof x->hijri, "%s", b.hij);
	memcpy(x->tz, b.tz, sizeof x->tz);
	return e2;
}

/* the letters stripped from the first word of an expression that starts
 * with a component read without them (بالأمس, وفي) */
static int
first_pfx(const struct ar_date *dt, size_t f)
{
	const struct tok *t = &dt->tok[f];

	if (t->type != T_WORD)
		return 0;
	if (t->used >= 0)               /* the letters the last match stripped */
		return t->used;
	if (t->e[0])
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

	return t->type == T_NUM || (t->cls & class_starts);
}

/* What the line's rules remember from one expression to the next: the
 * last full date (dt->last_end_b, the end of its last token, and its day),
 * so that a clock time just after it in the same sentence ("يوم الجمعة 24
 * أبريل في الساعة الثامنة") belongs to that day, not to the reference. */
static int
after_last_date(const struct ar_date *dt, size_t f)
{
	if (!dt->last_end_b)
		return 0;
	for (size_t q = f; q + 2 >= f && q >= 1; q--)
		if (dt->tok[q - 1].b1 == dt->last_end_b)
			return 1;
	/* or a list of its clocks: غدا في الواحدة ظهرا، ثم في السابعة مساء */
	if (f >= 4 && dt->tok[f - 4].b1 == dt->last_end_b && ispunct_at(dt, f - 3, ",")
	    && (is_word(dt, f - 2, "\u062b\u0645") || is_letter_word(dt, f - 2, WAW))
	    && lx((struct ar_date *)dt, f - 1, L_CLOCKJOIN, 0) == (long)f)
		return 1;
	return 0;
}

/* The end of من كل عام / كل سنة at token k, or -1. */
static long
every_year(struct ar_date *dt, size_t k)
{
	long r;

	if ((r = lx(dt, k, L_FROM, 0)) > 0 && dt->m->val == 0)
		k = (size_t)r;
	if ((r = lx(dt, k, L_EVERY, 0)) < 0 || (r = lx(dt, (size_t)r, L_UNIT, 0)) < 0
	    || strcmp(dt->m->str, "Y"))
		return -1;
	return r;
}

/* a chain of components (chain), resolved */
/* ليل السبت - الأحد, ليلة الأحد إلى الاثنين, ليل الأحد الاثنين: the night
 * between a weekday and the next, one expression; its day is the first
 * (ليلة then is that day's evening, not the one before it). The end, or
 * -1. */
static long
night_between(struct ar_date *dt, size_t k, struct st *s)
{
	long r;

	if ((s->pod != 't' && s->pod != 'v') || !s->wd || s->hasclock || s->hasdate || s->ncomp > 2)
		return -1;
	if (ispunct_at(dt, k, "-/"))
		k++;
	else if (is_word(dt, k, "\u0627\u0644\u064a") || is_word(dt, k, "\u0639\u0644\u064a"))
		k++;                    /* إلى, على (folded) */
	if ((r = lx(dt, k, L_WDAY, 1)) < 0 && (r = lx(dt, k, L_WDAYBARE, 1)) < 0)
		return -1;
	if (dt->m->val != s->wd % 7 + 1)
		return -1;
	s->pod = 't';
	return r;
}

static long
p_chain(struct ar_date *dt, size_t i)
{
	struct st s;
	size_t f;
	long r = chain(dt, i, &s, &f), e;

	if (r < 0)
		return -1;
	if ((e = night_between(dt, (size_t)r, &s)) > 0)
		r = e;
	if (s.hasclock && !s.hasdate && !s.hasrel && after_last_date(dt, f))
		set_day(&s, dt->last_days);
	finish(dt, &s);
	/* a day and month of every year (5 يونيو من كل عام): a yearly set */
	if (s.gran == G_DAY && !s.yexp && !s.hasclock && !s.hasrel && !s.ival[0] && !s.hij[0]
	    && (e = every_year(dt, (size_t)r)) > 0) {
		s.y = -1, s.wd = 0, s.type = "set";
		dt->used = 0;           /* no year was taken from the reference */
		r = e;
	}
	if (s.hasdate && s.gran == G_DAY && s.y >= 0)
		dt->last_days = ar_days_from_civil(s.y, s.m, s.d),
		    dt->last_end_b = dt->tok[r - 1].b1;
	else
		dt->last_end_b = 0;
	add_st(dt, f, (size_t)r, first_pfx(dt, f), &s);
	return r;
}

/* في مثل هذا اليوم من عام 1948, مثل هذا الشهر من العام الماضي, مثل هذا
 * اليوم قبل عشر سنوات: the reference's day (VALUE 1) or month (2) in the
 * year that من or the amount names */
static long
p_same(struct ar_date *dt, size_t i)
{
	long r = lx(dt, i, L_SAME, 1);

	if (r < 0)
		return -1;
	int unit = dt->m->val, pfx = dt->mpfx;
	size_t j = (size_t)r, f;
	/* or the year an amount ago or on names (قبل عشر سنوات) */
	struct st s;
	long e, o;
	if (!is_word(dt, j, "\u0645\u0646") && (o = lx(dt, j, L_OFFSET, 0)) > 0
	    && !*entry_flag(dt->m) && dt->m->val && REF(dt).ok) {
		/* or the year an amount of years ago or on names (قبل عشر سنوات) */
		int sign = dt->m->val;
		struct amount a;
		if ((e = g_amount(dt, (size_t)o, 1, &a)) < 0 || a.n < 1 || a.frac || strcmp(a.unit, "Y"))
			return -1;
		st_init(&s);
		s.gran = G_YEAR, s.y = REF(dt).y + sign * a.n;
	} else {
		if (!is_word(dt, j, "\u0645\u0646"))
			return -1;
		if ((e = chain(dt, j + 1, &s, &f)) < 0)
			return -1;
		finish(dt, &s);
	}
	if (s.gran != G_YEAR || s.y < 0 || !REF(dt).ok)
		return -1;
	int y, m, d;
	ar_civil_from_days(REF(dt).days, &y, &m, &d);
	if (unit == 2) {
		add_val(dt, i, (size_t)e, pfx, "date", "%04d-%02d", s.y, m);
	} else {
		if (d > ar_days_in_month(s.y, m))
			d = ar_days_in_month(s.y, m);   /* 29 February */
		add_val(dt, i, (size_t)e, pfx, "date", "%04d-%02d-%02d", s.y, m, d);
	}
	return e;
}

/* The rules of a line, tried in this order at each token that may start
 * an expression; the first that reads one adds it and the scan goes on
 * after it. */
/* As date_rules, each with the words or numbers its first test needs
 * at token i (p_duration's: a duration word, or what g_amount begins
 * with); at any other token the rule returns -1 before it matches a word,
 * and parse_tokens does not call it. A chain begins with يوم (the only
 * join before a component) or a word one of its steps begins with
 * (CHAIN_BEGINS: dt->chain_any, made at load time). */
#define CHAIN_BEGINS ((clsmask)1 << 127)
static const struct line_rule {
	const char *name;
	long (*fn)(struct ar_date *dt, size_t i);
	clsmask begins;
	int num;
} line_rules[] = {
	{ "range", p_range, CLS(L_FROM), 0 },
	{ "same", p_same, CLS(L_SAME), 0 },
	{ "years", p_years, 0, 1 },
	{ "bc", p_bc, CLS(L_YEARW), 1 },
	{ "first-n", p_first_n, CLS(L_ORDBARE), 0 },
	{ "set", p_set, CLS(L_SET) | CLS(L_EVERY), 0 },
	{ "freq", p_freq, CLS(L_FREQ), 0 },
	{ "vague", p_vague, CLS(L_VAGUE), 0 },
	{ "offset", p_offset, CLS(L_OFFSET), 0 },
	{ "def-amount", p_def_amount, CLS(L_NUMDEF) | CLS(L_UNITDEF), 1 },
	{ "chain", p_chain, CHAIN_BEGINS, 1 },
	{ "duration", p_duration, CLS(L_DURW) | CLS(L_NUM) | CLS(L_NUMPRE) | CLS(L_HALF)
	    | CLS(L_UNIT), 1 },
};
_Static_assert(sizeof line_rules / sizeof line_rules[0] <= 16, "line_of holds 16 rules");

static void
line_rules_init(struct ar_date *dt)
{
	memset(dt->line_of, 0, sizeof dt->line_of);
	dt->line_any = dt->line_num = 0;
	for (size_t k = 0; k < sizeof line_rules / sizeof line_rules[0]; k++) {
		unsigned bit = 1u << k;
		clsmask begins = line_rules[k].begins;
		if (begins == ANY_WORD) {
			dt->line_any |= bit, dt->line_num |= bit;
			continue;
		}
		if (begins == CHAIN_BEGINS)
			begins = dt->chain_any | CLS(L_YOM);
		if (line_rules[k].num)
			dt->line_num |= bit;
		bits_by_class(dt->line_of, begins, bit);
	}
}

/* Parse the tokens from first while they start before limit; returns the
 * token where the next parse would start. */
static size_t
parse_tokens(struct ar_date *dt, size_t first, size_t limit)
{
	size_t i = first;

	while (i < limit) {
		long r = -1;
		dt->used = 0;
		if (maybe_start(dt, i)) {
			const struct tok *t = &dt->tok[i];
			unsigned set = t->type == T_NUM ? dt->line_num
			    : bits_of_classes(dt->line_of, t->cls, dt->line_any);
			for (; r < 0 && set; set &= set - 1)
				r = line_rules[__builtin_ctz(set)].fn(dt, i);
		}
		i = r > 0 ? (size_t)r : i + 1;
	}
	return i;
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

/* A window's tokens are parsed a batch at a time, so that memory stays
 * the same on a line of any length: a batch holds at most BATCH tokens, and
 * the parse stops BATCH_MARGIN before its end (no expression is longer),
 * to go on in the next batch, which starts WIN_BACK tokens earlier for
 * the rules that look back. */
#define BATCH 4096
#define BATCH_MARGIN 64

#ifdef DATE_STATS
static size_t st_batches, st_toks, st_bytes;
__attribute__((destructor)) static void st_print(void)
{
	fprintf(stderr, "batches %zu tokens %zu bytes %zu\n", st_batches, st_toks, st_bytes);
}
#endif

static void
run_batch(struct ar_date *dt)
{
	struct scan *sc = &dt->sc;
	int end = tokenize(dt, sc->bb, sc->bc, sc->be, BATCH);
#ifdef DATE_STATS
	st_batches++, st_toks += dt->ntok, st_bytes += sc->be - sc->bb;
#endif
	size_t limit = end ? dt->ntok : dt->ntok - BATCH_MARGIN;

	dt->nx = dt->xi = 0;
	size_t i = parse_tokens(dt, sc->bskip, limit);
	set_spans(dt);
	if (end || i >= dt->ntok) {
		sc->batch = 0;
		return;
	}
	size_t ctx = i - WIN_BACK;
	sc->bb = dt->tok[ctx].b0, sc->bc = dt->tok[ctx].c0;
	sc->bskip = WIN_BACK;
}

void
ar_date_begin(struct ar_date *dt, const char *s, size_t n)
{
	memset(&dt->sc, 0, sizeof dt->sc);
	dt->sc.s = s, dt->sc.n = n;
	dt->line = s;
	dt->nx = dt->xi = 0;
	dt->last_end_b = 0;
}

const struct ar_date_expr *
ar_date_next(struct ar_date *dt)
{
	while (dt->xi == dt->nx) {
		if (!dt->sc.batch && !scan_window(dt))
			return NULL;
		run_batch(dt);
	}
	return &dt->x[dt->xi++];
}

size_t
ar_date_scan(struct ar_date *dt, const char *s, size_t n)
{
	const struct ar_date_expr *e;

	dt->nall = 0;
	ar_date_begin(dt, s, n);
	while ((e = ar_date_next(dt))) {
		if (dt->nall == dt->capall) {
			dt->capall = dt->capall ? dt->capall * 2 : 16;
			dt->all = ar_realloc(dt->all, dt->capall * sizeof *dt->all);
		}
		dt->all[dt->nall++] = *e;
	}
	return dt->nall;
}

const struct ar_date_expr *
ar_date_get(const struct ar_date *dt, size_t k)
{
	return k < dt->nall ? &dt->all[k] : NULL;
}

void
ar_date_set_windows(struct ar_date *dt, int on)
{
	dt->whole = !on;
}
