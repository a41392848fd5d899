/* navint.h: the parts of the page classifier that its three files share:
 * nav.c (the rules, the lines as they arrive, the page held, the lines
 * handed back), navpage.c (the page model and the layers that decide at
 * the page's end) and navlex.c (the vocabulary of interfaces, the site
 * templates and their --learn file). Not part of the library's API. */
#ifndef NAVINT_H
#define NAVINT_H

#include "arlib.h"

/* a line's fate: pending, kept, dropped, kept with spans cut out */
enum { F_PEND, F_K, F_D, F_S };

/* ---- rules (nav.c) ---- */
enum { T_LIT, T_STAR, T_DIGITS, T_SPACE };      /* pattern tokens */
struct tok { int type; char *s; size_t n, goff; };
struct rule {
	struct tok *t;
	int nt, bol, eol, back, act, kept;
	int cut;                /* drop-span: the span starts at this token */
	int req, reqtok;        /* the literal a match needs (index in lits) and
	                           the token that is it, or -1 */
	int attribution;        /* named "attribution": a role of its own */
	int tags;               /* named "tags": a line of them ends the article's body */
	char *name, *pat;
	int next;               /* next rule in the same first-bytes bucket */
};
/* The literals unanchored rules need, each looked for at most once a line:
 * first a memchr for a rare byte of it, then memmem. */
/* a literal a rule needs, the byte at goff its guard: gbit is the guard's
 * group in ar_nav's guards, so a line without any guard byte of that group
 * needs no search */
struct lit { const char *s; size_t n, goff; unsigned long gen; long pos; unsigned gbit; };

#define SW_SLOTS 1024
/* The stop words by their length and their first and last bytes (up to
 * eight each, overlapping): for a word of 16 bytes or fewer those say it
 * all, so a look-up is two loads and a probe, no byte compare. */
struct stopwords {
	struct swslot { uint64_t a, b; const char *s; unsigned char n; } tab[SW_SLOTS];
	unsigned char maxn;             /* the longest, in bytes (up to 32) */
	unsigned short count;           /* held: below SW_SLOTS, so probes end */
	unsigned short full;            /* words refused, the table full */
};
int nav_is_stop(const struct stopwords *sw, const char *s, size_t n);
/* the first and last bytes of s[0..n), n >= 2 */
static inline void
nav_swparts(const char *s, size_t n, uint64_t *a, uint64_t *b)
{
	if (n >= 8) {
		memcpy(a, s, 8), memcpy(b, s + n - 8, 8);
	} else if (n >= 4) {
		uint32_t x, y;
		memcpy(&x, s, 4), memcpy(&y, s + n - 4, 4);
		*a = x, *b = y;
	} else {
		uint16_t x, y;
		memcpy(&x, s, 2), memcpy(&y, s + n - 2, 2);
		*a = x, *b = y;
	}
}
static inline uint32_t
nav_swslot(uint64_t a, uint64_t b, size_t n)
{
	uint64_t h = (a ^ b * 0x9E3779B97F4A7C15u ^ n) * 0xC2B2AE3D27D4EB4Fu;
	return (uint32_t)(h >> 54) & (SW_SLOTS - 1);
}
/* s[0..n) is a stop word */
static inline int
nav_stop(const struct stopwords *sw, const char *s, size_t n)
{
	uint64_t a, b;

	if (n < 2 || n > sw->maxn)
		return 0;
	nav_swparts(s, n, &a, &b);
	for (uint32_t h = nav_swslot(a, b, n);; h = (h + 1) & (SW_SLOTS - 1)) {
		const struct swslot *t = &sw->tab[h];
		if (!t->n)
			return 0;
		if (t->n == n && t->a == a && t->b == b && (n <= 16 || !memcmp(t->s, s, n)))
			return 1;
	}
}

/* ---- content words (nav.c as a line arrives, navpage.c for the rest) ---- */
static inline int32_t
nav_fold_letter(int32_t c)
{
	if (c >= 0x0627 && c <= 0x0648 && c != 0x0629)
		return c;               /* most letters */
	switch (c) {
	case 0x0622: case 0x0623: case 0x0625: case 0x0671:
		return 0x0627;                  /* alef with hamza or madda */
	case 0x0629:
		return 0x0647;                  /* teh marbuta */
	case 0x0649: case 0x06CC: case 0x0626:
		return 0x064A;                  /* alef maksura, Persian yeh */
	case 0x0624:
		return 0x0648;
	case 0x06A9:
		return 0x0643;                  /* keheh */
	}
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* The stem of a word as a hash (0: no content word), from its letters
 * c[0..k) (folded; marks, format characters and tatweel left out): without
 * the article and a conjunction or preposition before it, without a
 * plural, dual or pronoun ending and a final teh marbuta or nisba yeh.
 * Light, and wrong for some words; it only has to make the words of a
 * headline meet those of its paragraphs. */
/* The letters nav_stem looks at, by class, for tables instead of
 * branches (a word's letters are as good as random to the branch
 * predictor): و, ف, ب ك, ل, ا, ت, ن, م, ه, ي. */
enum { SL_NONE, SL_WAW, SL_FEH, SL_BA, SL_LAM, SL_ALEF, SL_TEH, SL_NOON, SL_MEEM, SL_HEH,
	SL_YEH, SL_COUNT };
static const unsigned char nav_stem_class[128] = {
	[0x48] = SL_WAW, [0x41] = SL_FEH, [0x28] = SL_BA, [0x43] = SL_BA, [0x44] = SL_LAM,
	[0x27] = SL_ALEF, [0x2A] = SL_TEH, [0x46] = SL_NOON, [0x45] = SL_MEEM,
	[0x47] = SL_HEH, [0x4A] = SL_YEH,
};
static inline int
nav_stem_cls(int32_t c)
{
	return (uint32_t)(c - 0x600) < 128 ? nav_stem_class[c - 0x600] : SL_NONE;
}
/* The letters a stem starts after (nav.c fills it): [five letters or
 * more][the first letter's class << 3 | second is ا << 2 | second is ل << 1
 * | third is ل]; and the letters an ending takes off: [last][the one
 * before], 2 wanting five letters after the prefix, 1 four. */
extern unsigned char nav_stem_pre[2][SL_COUNT << 3];
extern unsigned char nav_stem_cut[SL_COUNT][16];     /* rows of 16: an index by shift */
/* For nav_stem_plain: the prefix table by the word's length (0 below four
 * letters, the table of five from five on); each letter's class, and for
 * the second and third letters their bits of the key. */
extern unsigned char nav_stem_prek[6][128];   /* rows of 128: an index by shift */
extern unsigned char nav_stem_cls680[0x680], nav_stem_k1[0x680], nav_stem_k2[0x680];
void nav_stem_init(void);

/* the stem's hash (never 0): FNV-1a over the letters c[b..e), of 32 bits
 * (wide) or 16; both stems give one value for the same letters */
static inline uint32_t
nav_stem_hash(const void *c, int wide, int b, int e)
{
	uint32_t h = 2166136261u;

	for (int i = b; i < e; i++)
		h = (h ^ (wide ? (uint32_t)((const int32_t *)c)[i] : ((const uint16_t *)c)[i]))
		    * 16777619u;
	return h ? h : 1;
}

static inline uint32_t
nav_stem(const int32_t *c, int k)
{
	int b = 0, e = k;

	if (k && ar_is_arabic(c[0])) {
		int32_t c1 = k > 1 ? c[1] : 0, c2 = k > 2 ? c[2] : 0;
		int key = nav_stem_cls(c[0]) << 3 | (c1 == 0x627) << 2 | (c1 == 0x644) << 1
		    | (c2 == 0x644);
		b = nav_stem_pre[e >= 5][key] & -(e >= 4);
		int z = nav_stem_cls(c[e - 1]), y = e >= 2 ? nav_stem_cls(c[e - 2]) : SL_NONE;
		int cut = nav_stem_cut[z][y];
		e -= e - b >= 3 + cut ? cut : 0;
	}
	return e - b < 2 ? 0 : nav_stem_hash(c, 1, b, e);
}

/* nav_stem for the letters features() stores, all below U+0680, with
 * c[k] and c[k + 1] set to 0 (so the second and third letters read as
 * none in a short word): the same value, by tables and few branches. */
static inline uint32_t
nav_stem_plain(const uint16_t *c, int k)
{
	int b = 0, e = k;

	if (k < 2)
		return 0;       /* nav_stem too: fewer than two letters stay */
	if (c[0] >= 0x600) {
		int key = nav_stem_cls680[c[0]] << 3 | nav_stem_k1[c[1]] | nav_stem_k2[c[2]];
		b = nav_stem_prek[k < 5 ? k : 5][key];
		int cut = nav_stem_cut[nav_stem_cls680[c[e - 1]]][nav_stem_cls680[c[e - 2]]];
		e -= e - b >= 3 + cut ? cut : 0;
	}
	return e - b < 2 ? 0 : nav_stem_hash(c, 0, b, e);
}

/* ---- what a line is (nav.c computes it as the line arrives) ---- */
struct feat {
	unsigned cps, ar, lat, dig, words, sw, links;
	unsigned seps;          /* | and bullets between items */
	unsigned char term;     /* ends as a sentence does */
	unsigned char waw, comma, paren;
	unsigned char colon;    /* ends with a colon */
	unsigned char bullet;   /* starts with a bullet, dash or star */
	unsigned char numbered; /* starts with a list number: "1 -", "2." */
	unsigned char symbol;   /* holds ©, ®, °, ™ or a pictograph */
};

/* a line's class (AR_NAV_C_...) by its features; latin: on a page in a
 * Latin script */
int nav_classify(const struct feat *f, int latin);

/* The vocabulary of interfaces (navlex.c): what the words of a short line
 * say of it. Categories are grouped as chrome (page furniture) or as the
 * article's own (a news agency, a byline's verb). */
#define NAV_VCATS(X) \
	X(NONE,      "",          0) \
	X(SHARE,     "share",     10) \
	X(FOLLOW,    "follow",    10) \
	X(NEWSLETTER,"newsletter",10) \
	X(LOGIN,     "login",     10) \
	X(COOKIE,    "cookie",    10) \
	X(LEGAL,     "legal",     10) \
	X(COPYRIGHT, "copyright", 10) \
	X(SKIP,      "skip",      10) \
	X(COMMENTS,  "comments",  10) \
	X(READTIME,  "readtime",  10) \
	X(APP,       "app",       10) \
	X(PAGINATION,"pagination",10) \
	X(VIEWS,     "views",     10) \
	X(RELATED,   "related",   8)  \
	X(MOSTREAD,  "mostread",  8)  \
	X(TAGS,      "tags",      8)  \
	X(AD,        "ad",        8)  \
	X(SEARCH,    "search",    8)  \
	X(HOME,      "home",      8)  \
	X(ABOUT,     "about",     8)  \
	X(AUTHOR,    "author",    8)  \
	X(LANG,      "lang",      8)  \
	X(POLL,      "poll",      8)  \
	X(PRAYER,    "prayer",    8)  \
	X(VIDEO,     "video",     6)  \
	X(LIVE,      "live",      6)  \
	X(EDITION,   "edition",   6)  \
	X(SECTION,   "section",   5)  \
	X(WEATHER,   "weather",   5)  \
	X(CURRENCY,  "currency",  4)  \
	X(PHOTO,     "photo",     4)  \
	X(CAPTION,   "caption",   0)  \
	X(TICKER,    "ticker",    0)  \
	X(AGENCY,    "agency",    0)  \
	X(BYLINE,    "byline",    0)
#define NAV_VC_ENUM(id, name, w) VC_##id,
enum { NAV_VCATS(NAV_VC_ENUM) VC_COUNT };
const char *nav_vcat_name(int cat);
struct nav_vocab;
/* the vocabulary of nav-words.tsv (from ar_data); dies naming the line
 * of a bad entry */
struct nav_vocab *nav_vocab_new(void);
void nav_vocab_free(struct nav_vocab *v);
struct vocab_res {
	unsigned short score;   /* weighted share of its content words that are
	                           interface words, in hundredths (0..100) */
	unsigned char cat;      /* the category that weighs most */
	unsigned char first;    /* the category of a phrase that opens the line */
	unsigned char agency;   /* words of news agencies */
	unsigned char byline;   /* a byline's word opens the line */
	unsigned char credit;   /* a photo or agency credit ends the line */
	unsigned char caption;  /* a caption's opening words open it (جانب من) */
	unsigned char ticker;   /* a ticker's cue opens it ("عاجل:", "الآن -"),
	                           2: the cue is all the line ("خبر عاجل") */
	unsigned char dateline; /* "CITY - AGENCY", "CITY (AGENCY) -": a wire's
	                           dateline opens it */
	unsigned char content;  /* its content words (not stop words) */
};
void nav_vocab_line(struct nav_vocab *v, const struct stopwords *sw, const char *s,
    size_t n, struct vocab_res *r);

/* ---- the site templates (navlex.c) ---- */
struct nav_tpl;
struct nav_tpl *nav_tpl_new(void);
void nav_tpl_free(struct nav_tpl *t);
/* the pages a line (by its key) has been seen on, this run and learnt */
unsigned nav_tpl_pages(const struct nav_tpl *t, uint32_t key);
/* a line of page sig was seen (once a page: the page signature says so) */
void nav_tpl_see(struct nav_tpl *t, uint32_t key, uint32_t sig, const char *s, size_t n);
/* the --learn file: read it (a missing file is an empty one), write it back */
int nav_tpl_load(struct nav_tpl *t, const char *path);
int nav_tpl_save(struct nav_tpl *t, const char *path);
size_t nav_tpl_size(const struct nav_tpl *t);          /* entries held */
#define NAV_TPL_KEYMAX 200      /* longer lines are no template candidates */
/* the key of line s[0..n) (blanks around it left out); 0: no candidate */
uint32_t nav_tpl_key(const char *s, size_t n);

/* ---- the page held (nav.c fills it, navpage.c decides it) ---- */
struct ent {
	size_t off, len;        /* the line in page.text (or page.ext) */
	size_t ooff, olen;      /* spanned: what the spans left, in page.outb */
	size_t coff, clen;      /* spanned: the runs they cut, in page.cutb */
	unsigned long lineno;
	int rule;               /* the rule that decided or cut it, or -1 */
	unsigned char fin, cls, layer, reason, role;
	unsigned char blank, newpage, source, pub, spanned, item, heading, rest;
	unsigned char datetime; /* a date or a time and little else */
	unsigned char cell;     /* a cell of the article's table, one a line */
	unsigned char ticker;   /* a line of a news ticker (its cue, or the
	                           headline right under a cue alone) */
	unsigned char chrome;   /* evidence of page furniture, 0..8 */
	unsigned char cv, ct, cs;   /* of it: vocabulary, template, shape */
	struct vocab_res v;
	unsigned short detail;  /* a figure for --explain (list length, share...) */
	unsigned tpl;           /* pages of the site it was seen on */
	uint32_t key;           /* template key of the line, or 0 */
	uint32_t woff, wn;      /* its content words, in page.w (wn == NOWORDS: not yet) */
	uint32_t nphys;         /* the input lines joined in it (navwrap.c), 1 mostly */
	struct feat f;
};
#define NOWORDS 0xFFFFFFFFu

struct pm;

struct nav_page {
	struct ent *e;
	size_t n, cap;
	struct ar_buf text, outb, cutb;
	uint32_t *w;            /* content words (hashed stems) of the lines */
	size_t nw, wcap;
	const char *ext;        /* a huge line, read where it lies */
	size_t bytes;
	int rest, restrule;     /* a drop-rest section runs, from this rule */
	int warned;             /* "decided in pieces" said for this document */
	unsigned long pageno;   /* page within the document */
	int started;            /* a line of this document was handed back */
	/* what the page model found, for ar_nav_page */
	long title, date, crawl;        /* entries, or -1 */
	struct ar_pub pubd, crawld;
	int haspub, hascrawl;
};

/* a page longer than this is decided in pieces, with a warning */
#define NAV_PAGE_LINES 20000
#define NAV_PAGE_BYTES ((size_t)4 << 20)
/* a line longer than this is decided alone, where the reader holds it */
#define NAV_HUGE_LINE ((size_t)1 << 20)

/* navwrap.c: the lines of a document cut to a fixed width, joined */
struct nav_wrap {
	int off;                /* never join (ar_nav_unwrap) */
	int mode;               /* deciding, off or on, for this document */
	int width;              /* the width it was cut to */
	struct ar_buf held;     /* its first lines, while deciding */
	struct { size_t off, len, cols, marks; unsigned long lineno; int filled, spaced; } *hl;
	size_t nh, caph, nonblank, toolong;
	struct ar_buf cur;      /* the lines being joined, a newline after each */
	size_t curn, lastcols, lastmarks, over;
	unsigned long curline;
	struct ar_buf joined;   /* them joined, for the page */
	struct ar_buf q;        /* the lines of joined entries not yet emitted */
	size_t qhead;
};
struct ar_nav;
void nav_line_in(struct ar_nav *nv, const char *s, size_t n, unsigned long lineno,
    uint32_t nphys);
void nav_wrap_line(struct ar_nav *nv, const char *s, size_t n, unsigned long lineno);
void nav_wrap_begin(struct ar_nav *nv);
void nav_wrap_end(struct ar_nav *nv);
size_t nav_wrap_pop(struct ar_nav *nv, const char **s);
void nav_wrap_drained(struct ar_nav *nv);
void nav_wrap_free(struct nav_wrap *w);

struct ar_nav {
	ar_nav_fn fn;
	void *ctx;
	struct rule *rules;
	int nrules, caprules, nbuiltin;
	int bucket[65536];      /* first two bytes of a ^literal -> rule chain */
	int *other, nother;     /* rules not in a bucket, in order */
	int *other_nd, nother_nd;       /* the same but those anchored on a figure */
	int *spans, nspans;     /* drop-span rules, in order */
	/* for each rule of other, other_nd and spans: the literal that
	 * lit_absent looks for on the line as it arrived, or -1 */
	int *other_req, *other_nd_req, *spans_req;
	/* for each rule of other and other_nd: the byte a ^literal needs
	 * the line to open with, or -1 */
	int *other_fb, *other_nd_fb;
	struct lit *lits;
	int nlits;
	unsigned long lgen;     /* bumped for every input line */
	const char *lc_s;
	size_t lc_b, lc_e;      /* the region the literal cache is for */
	struct ar_byteset guards;       /* the literals' guard bytes */
	unsigned long ggen;     /* the line whose guard groups are in gmask */
	unsigned gmask;
	struct stopwords sw;
	int keep_blank, keep_dup, keep_head;
	unsigned keep_layers;    /* bit per layer: --keep=LAYER, or stat for all */
	struct nav_page pg;
	struct nav_vocab *vocab;
	struct nav_tpl *tpl;
	const char *learn;      /* --learn FILE, written back by ar_nav_finish */
	struct ar_date *dt;     /* the date grammar, for date lines */
	struct pm *pm;          /* the page model's state, kept from page to page */
	struct ar_buf span_a, span_b;   /* spans_apply's two texts */
	struct ar_buf scratch;
	struct nav_wrap wrap;
	int ready;
};

static inline const char *
ent_text(const struct nav_page *pg, const struct ent *x)
{
	if (pg->ext)
		return pg->ext;
	return pg->text.s ? pg->text.s + x->off : "";
}

/* what the spans left of a line, or the line */
static inline const char *
ent_kept(const struct nav_page *pg, const struct ent *x, size_t *n)
{
	if (x->spanned) {
		*n = x->olen;
		return pg->outb.s ? pg->outb.s + x->ooff : "";
	}
	*n = x->len;
	return ent_text(pg, x);
}

/* ---- the page model (navpage.c) ---- */
/* Decide the pending lines of entries [0, n) of the page. */
void nav_page_decide(struct ar_nav *nv, size_t n);

#endif
