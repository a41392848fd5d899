/* kwic.c: the concordance matcher: a set of patterns, compiled once, and a
 * scanner that finds their hits in blocks of lines.
 *
 * How it stays fast: the text is never folded as a whole. Each pattern is
 * anchored on its rarest three adjacent letters and keyed on the rarest of
 * those. Where keys are rare (one pattern, a few), ar_plain_skip passes
 * sixteen bytes at a time over text without a key letter. Elsewhere a
 * scanner maps each code point through a table built from the
 * normalization engine (what does the fold make of this one character?),
 * skips the characters the fold deletes, and tests each three folded
 * letters against a bitmap of the anchors. A candidate whose folded word
 * is no pattern word (after one proclitic) is dropped; around the others a
 * window of whole words is folded with ar_norm_apply and matched exactly;
 * the byte offsets it returns map hits back to the raw text, which is what
 * the sink gets. Lines are found only for candidates (newlines are counted
 * with memchr). With many patterns of whole words (a hundred frequent
 * ones), whose key letters are everywhere, scan_words goes word by word
 * instead: each word folded once by a table of two-byte characters and
 * looked up in the set of pattern words with their proclitics. */
#include "arlib.h"

#include <stdlib.h>
#include <utf8proc.h>
#if (defined(__x86_64__) || defined(__i386__)) && (defined(__GNUC__) || defined(__clang__)) \
    && !defined(AR_NO_SIMD)
#include <immintrin.h>
#define KWIC_AVX2 1
#endif

/* ---- patterns ---- */
struct pat {
	const char *src;        /* as given */
	char **w;               /* folded words, '*' kept */
	size_t *wl;
	int nw;
	int32_t first;          /* first code point of word 0; 0 if it starts with '*' */
	int32_t second;         /* the next one, or 0 (then bucketed by first alone) */
	size_t width;           /* display width of the folded pattern */
	int32_t anchor[3];      /* adjacent letters the scanner looks for */
	int nanchor;            /* 3, 2, or 0 (the key alone, or no letter) */
	int32_t alt[4][3];      /* the best trigrams by letter frequency, */
	int nalt;               /* which the first megabytes choose among */
	size_t memo;            /* --substring: its words' star pieces' memos */
};

/* --substring tries a pattern at every character, and a piece after a
 * star is looked for from where the pieces before end: on one word of a
 * million letters, a million searches of the word, quadratic. The places
 * asked for only move on (start by start, each piece's by the one before
 * it), so each piece remembers its last answer: the first place at or
 * after q where it is found, with word characters only before it (ans),
 * or that there is none before the character at fail. An answer holds
 * for any later place up to it, and a new search starts after it: each
 * piece walks the segment once. */
struct star_memo { unsigned gen; size_t q, fail; long ans; };

/* pattern buckets by first code point */
#define NBK 1024
static inline unsigned bk2hash(int32_t a, int32_t b) { return ((unsigned)a * 31u + (unsigned)b) % NBK; }

/* ---- the scanner's tables ---- */
#define F_DEL 0xFFFFFFFFu
#define F_WILD 0xFFFFFFFEu
#define F_RARE 0x40000000u      /* values from here on leave the fast path */
#define F_UNI 0x40000000u       /* flag: this folded letter is an anchor alone */
#define F_KEY 0x10000u          /* flag: this folds to a key letter (see plain) */
/* Anchor letters get small numbers (1..63; 0 is every other character),
 * so three adjacent characters index one bit of a 32 KB table that fits
 * the cache: an anchor trigram sets its bit, an anchor bigram the bits of
 * every character before it. */
#define ID_SLOW 0xFF
/* the first of two bytes read as one uint16_t (kept in a register: where
 * the next character starts must not wait for another load) */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define FIRST_OF(v) ((uint32_t)(v) >> 8)
#else
#define FIRST_OF(v) ((uint32_t)(v) & 0xFF)
#endif
#define PROBE_BYTES (2u << 20)

/* scan_words' table of a character's first two bytes (as a 16-bit load
 * reads them): the folded code point of a two-byte character that folds
 * to a word character below U+0800, WF_ASCII with it for an ASCII one, or
 * what else it is. Where the next character starts comes from the table,
 * a branch the CPU predicts, not from the load (a chain of loads) */
enum {
	WF_ASCII = 0x1000,
	WF_DEL = 0x2000,        /* the fold deletes it */
	WF_OTHER,               /* no word character: a word in the run ends */
	WF_END,                 /* a separator: the run ends */
	WF_SLOW,                /* the fold may make anything of it */
	WF_LONG                 /* three bytes or more, or invalid */
};
/* scan_words' hash of a word's folded code points: a rotation and an xor
 * a character (two cycles on the chain), mixed once into a slot */
#define CH_STEP(h, c) (((h) << 5 | (h) >> 27) ^ (c))
#define CH_SLOT(h, shift) (((h) * 0x9E3779B1u) >> (shift))
#define CH_TAG(h) ((uint16_t)((h) ^ (h) >> 16) | 1u)    /* never 0 */

/* try_at's patterns by their first word, where every word is letters */
struct fwslot { const char *s; size_t n; int *pats, npats; };

/* scan_words' set: the word set's words as folded code points */
struct cslot { const uint16_t *s; uint32_t n; };

/* the word check's set of pattern words */
struct wslot { const char *s; size_t n; int phrase; };

struct ar_kwic {
	uint64_t tribits[4096];         /* anchor trigrams, by letter ids */
	unsigned char letter_id[65536]; /* folded code point -> 0..63 */
	/* a character's first two bytes (as a 16-bit load reads them) -> the id
	 * of an ASCII character (whatever follows) or a valid two-byte one;
	 * ID_SLOW for the rest, and for characters the scanner must look at
	 * closer */
	unsigned char pair_id[65536];
	uint32_t *ftab;                 /* 65536: folded code point, F_DEL or F_WILD */
	int nids;
	int probing;                    /* counting candidates per trigram (end_probe) */
	uint32_t *probe_count;          /* 1 << 18 of them */
	size_t probe_bytes;
	int32_t *unis;                  /* anchor letters of patterns without a bigram */
	int nunis;
	int32_t *keys;                  /* each pattern's rarest letter (folded) */
	int nkeys, keys_freq;           /* and their summed frequency, per mille */
	struct ar_plain plain;          /* what the scanner may pass over unread */

	enum ar_kwic_mode mode;
	int exact, every_line, icase;
	uint32_t steps;
	struct ar_norm *nm;
	char **procl;                   /* folded proclitics */
	size_t *procll;
	int nprocl;

	struct pat *pats;
	int npats, cappats;
	int maxwords;
	size_t maxpatbytes;
	int scan_all;                   /* a pattern without any letter: look at every line */
	int *bk[NBK], nbk[NBK], *bkwild, nbkwild;
	int *bk2[NBK], nbk2[NBK];       /* by the first two code points */

	int word_check;
	struct fwslot *fwset;           /* try_at's patterns by first word */
	size_t fwmask;
	int word_scan;                  /* candidates word by word (scan_words) */
	uint16_t *wfold;                /* and its table, 65536 */
	struct cslot *cset;             /* and set */
	uint32_t cmask, cshift;
	uint16_t *ckeys;
	uint16_t *ctag;                 /* a tag of each slot's hash, 0 if empty:
	                                   the slots a word looks at stay in L1 */
	int *cpat;                      /* each slot's first pattern, as
	                                   match_segment would report it */
	int direct;                     /* scan_words' last candidate is that
	                                   hit, its whole run (or -1) */
	/* scan_words' sieve (sieve32): a run of plain letters is one word
	 * that folds to as many bytes, and a form is one of these lengths,
	 * its bytes and last three letters one of these bits; 2 where it
	 * takes its sixty-four bytes with AVX-512BW */
	int sieve;
	size_t sieve_min, sieve_max;
	size_t sieve_lo, sieve_span;    /* the lengths it tests: lo to lo + span */
	int sieve_noascii;              /* no form has an ASCII character */
	int sieve_punct;                /* ، ؛ ؟ end a word, as WF_OTHER */
	uint64_t *sieve_bits;           /* 65536 */
	struct wslot *wset;
	size_t wmask;
	char *wkeys;                    /* the set's proclitic + word keys, */
	int wexpanded;                  /* when it holds them */
	const char *wc_at;              /* the word the check saw last, */
	size_t wc_len;                  /* in the block being scanned, */
	int wc_r;                       /* and what it said */
	/* the proclitics by their first two bytes (PBK buckets), and those
	 * shorter than two bytes, for the word check */
	int *pbk[64], npbk[64], *pshort, npshort;

	/* while a block is scanned */
	const struct ar_kwic_sink *sink;
	unsigned long lineno;           /* of the line at the position counted to */
	int refused;                    /* the sink refused a line */
	struct ar_kwic_hit *hits;
	size_t nhits, caphits;
	struct ar_buf fbuf, F, offs, ends, fixed;

	struct star_memo *memo;         /* --substring, by pattern's memo */
	size_t nmemo;
	unsigned memo_gen;              /* a memo is good in its segment only */

	/* a line that comes in pieces (ar_kwic_piece): a window of it */
	struct ar_buf win;              /* the line from byte base on */
	size_t base, cpbase;            /* bytes and code points before win */
	size_t report_from, report_to;  /* hits starting here (in the line) go out */
	size_t rawin;                   /* bytes of the line received, as read */
	int windowed;                   /* emit_line filters by those */
};

/* ---- small helpers ---- */
/* Bytes that end a word for the scanner's windows (ASCII but letters,
 * digits and '*') */
/* the proclitic bucket of a word's first two bytes */
static inline int
pbk_of(const char *w)
{
	return ((unsigned char)w[0] * 7 + (unsigned char)w[1]) & 63;
}

static inline int
is_sep(unsigned char c)
{
	return c < 0x80 && !((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
	    || c == '*');
}

/* The windows around a candidate count words as runs of bytes that are no
 * separators: a pattern with punctuation ('كوفيد-19', 'U.S.') spans as many
 * runs, of separators and of the rest, as it has, and one more (a
 * candidate may stand in a run of separators, where a window's edge does
 * not move). 0 if its only separators are spaces (its words count). */
static int
sep_pieces(const char *f, size_t n)
{
	int pieces = 0, punct = 0;

	for (size_t i = 0; i < n; i++) {
		int sep = is_sep((unsigned char)f[i]);
		if (sep && f[i] != ' ')
			punct = 1;
		if (i == 0 || sep != is_sep((unsigned char)f[i - 1]))
			pieces++;
	}
	return punct ? pieces + 1 : 0;
}
static int
is_space_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || (cp > 0x7F && ar_cclass(cp) == AR_C_SPACE);
}

static void
fold(const struct ar_kwic *k, const char *s, size_t n, struct ar_buf *out, struct ar_buf *offs)
{
	out->len = 0;
	if (offs)
		offs->len = 0;
	ar_norm_apply(k->nm, s, n, out, offs);
	if (k->icase)           /* -i: Latin letters in one case; offsets hold */
		for (size_t i = 0; i < out->len; i++)
			if (out->s[i] >= 'A' && out->s[i] <= 'Z')
				out->s[i] = (char)(out->s[i] - 'A' + 'a');
}

/* How often each letter appears in folded Arabic news, per mille of letters
 * (measured on the ANT corpus): anchors prefer rare letters. */
static const char letter_freq_order[] = "اليمهونتربعدسفقحجكصطشخضزذثئغءظؤ";
static const unsigned char letter_freq[] = {
	179, 115, 82, 64, 61, 53, 50, 48, 46, 37, 31, 30, 26, 25, 22, 19,
	16, 15, 11, 11, 10, 8, 7, 7, 5, 5, 5, 4, 4, 2, 1
};

static int
freq(int32_t cp)
{
	const char *p = letter_freq_order;
	int i = 0;

	if (cp < 0x80)
		return 5;       /* Latin letters and digits in Arabic text */
	while (*p) {
		int32_t c;
		p += ar_u8dec(p, &c);
		if (c == cp)
			return letter_freq[i];
		i++;
	}
	return 1;
}

static void
add_bucket(int **list, int *n, int idx)
{
	*list = ar_realloc(*list, (size_t)(*n + 1) * sizeof **list);
	(*list)[(*n)++] = idx;
}

/* Keep the four best-scored distinct trigrams of a pattern, best first. */
static void
add_alt(struct pat *p, long sc, int32_t a, int32_t b, int32_t c, long *altsc)
{
	int k, j;

	for (k = 0; k < p->nalt; k++)
		if (p->alt[k][0] == a && p->alt[k][1] == b && p->alt[k][2] == c)
			return;
	for (k = 0; k < p->nalt && altsc[k] >= sc; k++)
		;
	if (k == 4)
		return;
	for (j = p->nalt < 4 ? p->nalt : 3; j > k; j--) {
		memcpy(p->alt[j], p->alt[j - 1], sizeof p->alt[j]);
		altsc[j] = altsc[j - 1];
	}
	p->alt[k][0] = a, p->alt[k][1] = b, p->alt[k][2] = c;
	altsc[k] = sc;
	if (p->nalt < 4)
		p->nalt++;
}

/* The folded pattern f[0..n) split into words on spaces. */
static void
split_words(struct pat *p, const char *f, size_t n)
{
	size_t i, ws;

	for (i = 0; i < n;) {
		int32_t cp;
		size_t k = ar_u8dec(f + i, &cp);
		if (is_space_cp(cp)) {
			i += k;
			continue;
		}
		ws = i;
		while (i < n) {
			k = ar_u8dec(f + i, &cp);
			if (is_space_cp(cp))
				break;
			i += k;
		}
		p->w = ar_realloc(p->w, (size_t)(p->nw + 1) * sizeof *p->w);
		p->wl = ar_realloc(p->wl, (size_t)(p->nw + 1) * sizeof *p->wl);
		p->w[p->nw] = strndup(f + ws, i - ws);
		p->wl[p->nw] = i - ws;
		p->nw++;
	}
}

/* The anchor: the rarest trigram of adjacent letters, else the rarest
 * bigram, else the rarest letter; key: the anchor's rarest letter. The
 * scanner passes over text without a key letter. */
static void
choose_anchor(struct ar_kwic *k, struct pat *p)
{
	long best1 = -1, best2 = -1, best3 = -1, altsc[4];
	uint32_t ba = 0, bb = 0, ta = 0, tb = 0, tc = 0;
	int32_t key = -1;
	size_t i;

	for (int w = 0; w < p->nw; w++) {
		int32_t prev = -1, prev2 = -1;
		for (i = 0; i < p->wl[w];) {
			int32_t cp;
			i += ar_u8dec(p->w[w] + i, &cp);
			if (cp == '*' || cp >= 0x10000) {
				prev = prev2 = -1;
				continue;
			}
			/* rarer is better: the score falls with the product */
			if (1000 / freq(cp) > best1)
				best1 = 1000 / freq(cp), key = cp;
			if (prev >= 0 && 1000000L / (freq(prev) * freq(cp)) > best2)
				best2 = 1000000L / (freq(prev) * freq(cp)), ba = (uint32_t)prev, bb = (uint32_t)cp;
			if (prev2 >= 0) {
				long sc = 1000000000L / ((long)freq(prev2) * freq(prev) * freq(cp));
				if (sc > best3)
					best3 = sc, ta = (uint32_t)prev2, tb = (uint32_t)prev, tc = (uint32_t)cp;
				add_alt(p, sc, prev2, prev, cp, altsc);
			}
			prev2 = prev;
			prev = cp;
		}
	}
	if (best3 >= 0)
		key = freq((int32_t)ta) <= freq((int32_t)tb) && freq((int32_t)ta) <= freq((int32_t)tc)
		    ? (int32_t)ta : freq((int32_t)tb) <= freq((int32_t)tc) ? (int32_t)tb : (int32_t)tc;
	else if (best2 >= 0)
		key = freq((int32_t)ba) <= freq((int32_t)bb) ? (int32_t)ba : (int32_t)bb;
	int keyf = key >= 0 ? freq(key) : 0;
	if (best3 >= 0) {
		p->anchor[0] = (int32_t)ta, p->anchor[1] = (int32_t)tb, p->anchor[2] = (int32_t)tc;
		p->nanchor = 3;
	} else if (best2 >= 0) {
		p->anchor[0] = (int32_t)ba, p->anchor[1] = (int32_t)bb;
		p->nanchor = 2;
	} else if (key >= 0) {
		k->unis = ar_realloc(k->unis, (size_t)(k->nunis + 1) * sizeof *k->unis);
		k->unis[k->nunis++] = key;
	} else {
		k->scan_all = 1;
	}
	if (key >= 0) {
		int j;
		for (j = 0; j < k->nkeys && k->keys[j] != key; j++)
			;
		if (j == k->nkeys) {
			k->keys = ar_realloc(k->keys, (size_t)(k->nkeys + 1) * sizeof *k->keys);
			k->keys[k->nkeys++] = key;
			k->keys_freq += keyf;
		}
	}
}

int
ar_kwic_add(struct ar_kwic *k, const char *src, size_t n)
{
	struct pat *p;

	if (ar_u8valid(src, n) != n)
		ar_die("pattern is not valid UTF-8");
	if (k->npats == k->cappats) {
		k->cappats = k->cappats ? k->cappats * 2 : 16;
		k->pats = ar_realloc(k->pats, (size_t)k->cappats * sizeof *k->pats);
	}
	p = &k->pats[k->npats];
	memset(p, 0, sizeof *p);
	p->src = strndup(src, n);
	fold(k, src, n, &k->fbuf, NULL);
	split_words(p, k->fbuf.s, k->fbuf.len);
	if (p->nw == 0) {
		free((char *)p->src);   /* an empty pattern: ignore it */
		return -1;
	}
	if (p->nw > k->maxwords)
		k->maxwords = p->nw;
	if (sep_pieces(k->fbuf.s, k->fbuf.len) > k->maxwords)
		k->maxwords = sep_pieces(k->fbuf.s, k->fbuf.len);
	if (k->fbuf.len > k->maxpatbytes)
		k->maxpatbytes = k->fbuf.len;
	p->width = (size_t)ar_u8width(k->fbuf.s, k->fbuf.len);
	choose_anchor(k, p);
	if (p->w[0][0] == '*') {
		p->first = 0;
		add_bucket(&k->bkwild, &k->nbkwild, k->npats);
	} else {
		size_t k1 = ar_u8dec(p->w[0], &p->first);
		if (k1 < p->wl[0] && p->w[0][k1] != '*') {
			ar_u8dec(p->w[0] + k1, &p->second);
			unsigned h2 = bk2hash(p->first, p->second);
			add_bucket(&k->bk2[h2], &k->nbk2[h2], k->npats);
		} else {
			add_bucket(&k->bk[p->first % NBK], &k->nbk[p->first % NBK], k->npats);
		}
	}
	return k->npats++;
}

static int
procl_line(char *line, size_t n, unsigned long lineno, void *ctx)
{
	struct ar_kwic *k = ctx;
	(void)lineno;
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	if (!n || ar_u8valid(line, n) != n)
		return 0;
	fold(k, line, n, &k->fbuf, NULL);
	if (!k->fbuf.len)
		return 0;
	k->procl = ar_realloc(k->procl, (size_t)(k->nprocl + 1) * sizeof *k->procl);
	k->procll = ar_realloc(k->procll, (size_t)(k->nprocl + 1) * sizeof *k->procll);
	k->procl[k->nprocl] = strndup(k->fbuf.s, k->fbuf.len);
	k->procll[k->nprocl++] = k->fbuf.len;
	return 0;
}

struct ar_kwic *
ar_kwic_new(const struct ar_kwic_opts *o)
{
	struct ar_kwic *k = ar_alloc(sizeof *k);
	const char *text = o->proclitics;
	size_t len = o->proclitics_len;

	memset(k, 0, sizeof *k);
	k->mode = o->mode;
	k->exact = o->exact;
	k->every_line = o->every_line;
	k->icase = o->icase;
	k->steps = o->exact ? 0 : o->steps;
	k->maxwords = 1;
	k->maxpatbytes = 1;
	k->direct = -1;
	k->nm = ar_norm_new(k->steps);
	ar_norm_ready(k->nm);
	if (!text)
		text = ar_data("proclitics.txt", &len);
	ar_each_line(text, len, procl_line, k);
	return k;
}

/* The scanner's bitmap: each pattern's anchor, or while probing every
 * trigram it may be anchored on. */
static void
set_anchor_bits(struct ar_kwic *k)
{
	memset(k->tribits, 0, sizeof k->tribits);
	for (int j = 0; j < k->npats; j++) {
		const struct pat *pt = &k->pats[j];
		if (pt->nanchor == 3) {
			for (int a = 0; a < (k->probing ? pt->nalt : 1); a++) {
				const int32_t *t = k->probing ? pt->alt[a] : pt->anchor;
				uint32_t x = (uint32_t)k->letter_id[t[0]] << 12
				    | (uint32_t)k->letter_id[t[1]] << 6 | k->letter_id[t[2]];
				k->tribits[x >> 6] |= 1ull << (x & 63);
			}
		} else if (pt->nanchor == 2) {
			uint32_t x = (uint32_t)k->letter_id[pt->anchor[0]] << 6 | k->letter_id[pt->anchor[1]];
			for (uint32_t before = 0; before < 64; before++)
				k->tribits[before << 6 | x >> 6] |= 1ull << (x & 63);
		}
	}
}

/* Letter frequencies say little about a trigram (دين is common, in
 * المدينة and الدين): over the first megabytes every trigram a pattern may
 * be anchored on counts its candidates, and then each pattern keeps its
 * quietest one. Any of them finds every hit. */
static void
end_probe(struct ar_kwic *k)
{
	for (int j = 0; j < k->npats; j++) {
		struct pat *pt = &k->pats[j];
		uint32_t best = UINT32_MAX;
		for (int a = 0; a < pt->nalt; a++) {
			const int32_t *t = pt->alt[a];
			uint32_t x = (uint32_t)k->letter_id[t[0]] << 12
			    | (uint32_t)k->letter_id[t[1]] << 6 | k->letter_id[t[2]];
			if (k->probe_count[x] < best) {
				best = k->probe_count[x];
				memcpy(pt->anchor, t, sizeof pt->anchor);
			}
		}
	}
	k->probing = 0;
	free(k->probe_count);
	k->probe_count = NULL;
	set_anchor_bits(k);
}

/* What the fold makes of each code point alone, for the scanner. */
static void
build_ftab(struct ar_kwic *k)
{
	struct ar_buf out = { 0 };
	uint32_t *ftab;
	int composing = !k->exact && (k->steps & (AR_STEP(AR_S_NFC) | AR_STEP(AR_S_DIACRITICS)
	    | AR_STEP(AR_S_NFKC)));

	ftab = k->ftab = ar_alloc(65536 * sizeof *ftab);
	for (int32_t cp = 0; cp < 0x10000; cp++) {
		char b[4];
		size_t n;
		int32_t c2;

		if (cp >= 0xD800 && cp <= 0xDFFF) {
			ftab[cp] = (uint32_t)cp;
			continue;
		}
		n = ar_u8enc(cp, b);
		fold(k, b, n, &out, NULL);
		if (out.len == 0)
			ftab[cp] = F_DEL;
		else if (ar_u8dec(out.s, &c2) == out.len && c2 < 0x10000)
			ftab[cp] = (uint32_t)c2;
		else
			ftab[cp] = F_WILD;
	}
	ar_buf_free(&out);
	if (composing) {
		/* marks that compose with the letter before them change it */
		for (int32_t cp = 0xC0; cp < 0x10000; cp++) {
			utf8proc_int32_t d[8];
			utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 8,
			    UTF8PROC_DECOMPOSE, NULL);
			if (n > 1 && n <= 8 && !(n == 1 && d[0] == cp))
				for (utf8proc_ssize_t j = 1; j < n; j++)
					if (d[j] < 0x10000)
						ftab[d[j]] = F_WILD;
		}
		for (int32_t cp = 0x1161; cp <= 0x11C2; cp++)
			ftab[cp] = F_WILD;
	}
}

/* Number the anchor letters; past 63 of them, a pattern falls back to its
 * key letter alone. Then the other trigrams a pattern may be anchored on,
 * while ids last: with more than one, the first megabytes choose. */
static void
number_letters(struct ar_kwic *k)
{
	for (int i = 0; i < k->npats; i++) {
		struct pat *pt = &k->pats[i];
		int j;
		for (j = 0; j < pt->nanchor; j++) {
			int32_t a = pt->anchor[j];
			if (!k->letter_id[a] && k->nids == 63)
				break;
			if (!k->letter_id[a])
				k->letter_id[a] = (unsigned char)++k->nids;
		}
		if (j < pt->nanchor) {
			int32_t key = pt->anchor[0];
			for (j = 1; j < pt->nanchor; j++)
				if (freq(pt->anchor[j]) < freq(key))
					key = pt->anchor[j];
			k->unis = ar_realloc(k->unis, (size_t)(k->nunis + 1) * sizeof *k->unis);
			k->unis[k->nunis++] = key;
			pt->nanchor = 0;
		}
	}
	for (int i = 0; i < k->npats; i++) {
		struct pat *pt = &k->pats[i];
		int keep = pt->nanchor == 3 ? 1 : 0;
		for (int a = 1; keep && a < pt->nalt; a++) {
			int j;
			for (j = 0; j < 3; j++) {
				int32_t c = pt->alt[a][j];
				if (!k->letter_id[c] && k->nids == 63)
					break;
				if (!k->letter_id[c])
					k->letter_id[c] = (unsigned char)++k->nids;
			}
			if (j == 3)
				memcpy(pt->alt[keep++], pt->alt[a], sizeof pt->alt[a]);
		}
		pt->nalt = keep;
		if (keep > 1)
			k->probing = 1;
	}
}

/* The scanner passes over plain characters: ASCII and U+0600..U+067F that
 * fold to one character which is no key letter. Worth it only while key
 * letters are rare (one in ten letters: a block of sixteen bytes then
 * holds one about half the time). Then the fast path's table of the first
 * two bytes: what the scanner must look at closer goes slow. */
static void
build_plain(struct ar_kwic *k)
{
	uint32_t *ftab = k->ftab;

	ar_plain_init(&k->plain);
	if (k->keys_freq > 100)
		k->plain.simd = 0;
	if (k->plain.simd && k->probing) {
		/* the keys come from the anchors as chosen: keep them */
		k->probing = 0;
		set_anchor_bits(k);
	}
	if (k->probing) {
		k->probe_count = ar_alloc((1u << 18) * sizeof *k->probe_count);
		memset(k->probe_count, 0, (1u << 18) * sizeof *k->probe_count);
	}
	/* the keys of the BMP as bits: a hundred patterns have as many keys,
	 * each looked for for 65536 characters */
	uint64_t keybits[0x10000 / 64] = { 0 };
	for (int j = 0; j < k->nkeys; j++)
		if ((uint32_t)k->keys[j] < 0x10000)
			keybits[k->keys[j] >> 6] |= 1ull << (k->keys[j] & 63);
	for (int32_t cp = 0; cp < 0x10000; cp++) {
		int j = 0;
		uint32_t f = ftab[cp];
		if (f >= F_RARE)
			continue;
		if (f < 0x10000)
			j = keybits[f >> 6] >> (f & 63) & 1 ? 0 : k->nkeys;
		else
			for (; j < k->nkeys && (uint32_t)k->keys[j] != f; j++)
				;
		if (j < k->nkeys)
			ftab[cp] |= F_KEY;
		else
			ar_plain_set(&k->plain, cp);
	}
	for (uint32_t b = 0; b < 256; b++)
	for (uint32_t c = 0; c < 256; c++) {
		const unsigned char two[2] = { (unsigned char)b, (unsigned char)c };
		uint16_t v;
		uint32_t f;
		memcpy(&v, two, 2);
		if (b < 0x80)
			f = ftab[b];
		else if (b >= 0xC2 && b < 0xE0 && (c & 0xC0) == 0x80)
			f = ftab[(b & 0x1F) << 6 | (c & 0x3F)];
		else
			f = F_WILD;
		k->pair_id[v] = f >= F_RARE || ((f & F_KEY) && k->plain.simd)
		    ? ID_SLOW : k->letter_id[f & 0xFFFF];
	}
}

/* Shifts a character's id into prev (the last two); 1 when the three
 * complete an anchor, which the probe then counts. */
static inline int
completes_anchor(struct ar_kwic *k, uint32_t *prev, uint32_t id)
{
	uint32_t x = *prev << 6 | id;

	*prev = x & 0xFFF;
	if (!(k->tribits[x >> 6] >> (x & 63) & 1))
		return 0;
	if (k->probing)
		k->probe_count[x]++;
	return 1;
}

/* The ids of the two characters before q, after passing over plain text
 * from i to q: prev as scan keeps it (the older one in bits 6..11). */
static uint32_t
prev_before(const struct ar_kwic *k, const unsigned char *p, size_t i, size_t q, uint32_t prev)
{
	for (int j = 0; j < 2 && q > i; j++) {
		uint32_t cp;
		if (p[q - 1] >= 0x80 && q - i >= 2 && (p[q - 2] == 0xD8 || p[q - 2] == 0xD9))
			cp = (uint32_t)(p[q - 2] & 0x1F) << 6 | (p[q - 1] & 0x3F), q -= 2;
		else if (p[q - 1] < 0x80)
			cp = p[--q];
		else
			cp = 0xFFFD, q--;       /* invalid UTF-8 passed over */
		uint32_t id = k->letter_id[k->ftab[cp] & 0xFFFF];
		if (j == 0)
			prev = (prev & 63) << 6 | id;
		else
			prev = (prev & 63) | id << 6;
	}
	return prev;
}

/* Next candidate in p[0..n) from sp->pos: returns its offset or n. A
 * candidate is a character that completes an anchor (adjacent letters, the
 * deleted characters between them skipped), or is an anchor letter alone,
 * or may fold to anything. The bytes after p[n] are readable (a newline,
 * or zero padding). */
struct scanpos {
	size_t pos;             /* where to go on */
	uint32_t prev;          /* ids of the two characters before pos */
	size_t until;           /* read every character up to here */
	size_t wend;            /* scan_words: the anchor scan goes to here */
};

static size_t
scan(struct ar_kwic *k, const unsigned char *p, size_t n, struct scanpos *sp)
{
	const unsigned char *pair_id = k->pair_id, *letter_id = k->letter_id;
	const uint32_t *ftab = k->ftab;
	size_t i = sp->pos, until = sp->until;
	uint32_t prev = sp->prev & 0xFFF, id;

	while (i < n) {
		if (i >= until) {
			unsigned other;
			size_t q = ar_plain_skip(&k->plain, p, i, n, &other);
			/* read the block that stops it and the two characters
			 * after, where an anchor with a key letter may end */
			until = other ? q + 16 + 4 : n;
			if (q > i && q < n && (p[q] & 0xC0) == 0x80)
				q--;       /* back to the lead of a two-byte letter */
			if (q > i) {
				prev = prev_before(k, p, i, q, prev);
				i = q;
			}
		}
		/* ASCII and two bytes (all of Arabic): one look-up of the first
		 * two bytes gives the id, and the first byte alone where the
		 * next character starts. That load is the loop's critical path:
		 * through a pointer it has the simplest address whatever
		 * registers the compiler picks (as p + i, with the tables in a
		 * struct, it took a base that needs a displacement byte, and
		 * the scan ran 5-10% slower) */
		size_t lim = until < n ? until : n;
		const unsigned char *q = p + i, *end = p + lim;
		while (q < end) {
			uint16_t v;
			memcpy(&v, q, 2);
			id = pair_id[v];
			if (__builtin_expect(id == ID_SLOW, 0))
				break;
			const unsigned char *at = q;
			q += 1 + (FIRST_OF(v) >> 7);
			if (completes_anchor(k, &prev, id)) {
				sp->pos = (size_t)(q - p), sp->prev = prev, sp->until = until;
				return (size_t)(at - p);
			}
		}
		i = (size_t)(q - p);
		if (i >= lim)
			continue;

		/* one character the slow way: deleted, wild, a key or unigram
		 * letter, longer than two bytes, or invalid */
		uint32_t b = p[i], c = p[i + 1], cp, f;
		size_t s = i;

		if (b < 0x80 || (b < 0xE0 && b >= 0xC2 && (c & 0xC0) == 0x80)) {
			cp = b < 0x80 ? b : ((b & 0x1F) << 6) | (c & 0x3F);
			i += 1 + (b >= 0x80);
		} else if (b >= 0xE0 && b < 0xF0 && (c & 0xC0) == 0x80
		    && (p[i + 2] & 0xC0) == 0x80) {
			cp = ((b & 0x0F) << 12) | ((c & 0x3F) << 6) | (p[i + 2] & 0x3F);
			i += 3;
		} else if (b >= 0xF0 && b < 0xF5 && (c & 0xC0) == 0x80
		    && (p[i + 2] & 0xC0) == 0x80 && (p[i + 3] & 0xC0) == 0x80) {
			/* outside the BMP: digits and marks may fold, so look */
			cp = ((b & 0x07) << 18) | ((c & 0x3F) << 12)
			    | ((uint32_t)(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
			i += 4;
			int cl = ar_cclass((int32_t)cp);
			if (!k->exact && (cl == AR_C_DIGIT || cl == AR_C_MARK
			    || (cp >= 0x1EE00 && cp <= 0x1EEFF) || cl == AR_C_FORMAT)) {
				sp->pos = i, sp->prev = 0, sp->until = until;
				return s;
			}
			prev = (prev & 63) << 6;
			continue;
		} else {
			/* invalid UTF-8: a candidate too, so that its line is
			 * checked, warned about (and an error with --strict) */
			sp->pos = i + 1, sp->prev = 0, sp->until = until;
			return s;
		}
		f = ftab[cp];
		/* after a key letter, or a character the fold deletes, read on
		 * where an anchor may still end */
		if (f >= F_KEY && until < i + 8)
			until = i + 8;
		if (f >= F_RARE) {
			if (f == F_DEL)
				continue;
			if (f == F_WILD) {
				sp->pos = i, sp->prev = 0, sp->until = until;
				return s;
			}
			/* an anchor letter on its own */
			sp->pos = i, sp->prev = (prev & 63) << 6 | letter_id[f & 0xFFFF];
			sp->until = until;
			return s;
		}
		if (completes_anchor(k, &prev, letter_id[f & 0xFFFF])) {
			sp->pos = i, sp->prev = prev, sp->until = until;
			return s;
		}
	}
	sp->pos = n, sp->prev = prev, sp->until = until;
	return n;
}

/* ---- matching on folded text ---- */
static inline int
wordchar_at(const char *F, size_t i, size_t n)
{
	int32_t cp;
	if (i >= n)
		return 0;
	ar_u8dec(F + i, &cp);
	return ar_is_wordchar(cp);
}

static inline int
wordchar_before(const char *F, size_t i)
{
	int32_t cp;
	size_t j = i;
	if (i == 0)
		return 0;
	do
		j--;
	while (j > 0 && ((unsigned char)F[j] & 0xC0) == 0x80);
	ar_u8dec(F + j, &cp);
	return ar_is_wordchar(cp);
}

/* Where a pattern word's last piece ends at fi (k its length): the end of
 * the match as the mode wants it, or -1. */
static long
word_end(enum ar_kwic_mode mode, const char *F, size_t fi, size_t fn, size_t k)
{
	if (mode == AR_KWIC_SUBSTRING)
		return (long)fi;
	if (mode == AR_KWIC_PREFIX) {
		while (wordchar_at(F, fi, fn))
			fi += ar_u8len((unsigned char)F[fi]);
		return (long)fi;
	}
	/* a word bound where the pattern ends in a letter or digit */
	return wordchar_at(F, fi, fn) && (k ? wordchar_before(F, fi) : 1) ? -1 : (long)fi;
}

static size_t
star_count(const char *pw, size_t pn)
{
	size_t n = 0;
	for (size_t i = 0; i < pn; i++)
		n += pw[i] == '*';
	return n;
}

static size_t
piece_len(const char *pw, size_t pn)
{
	const char *star = memchr(pw, '*', pn);
	return star ? (size_t)(star - pw) : pn;
}

/* Match one pattern word pw[0..pn) at F[fi..fn); returns the end or -1.
 * A '*' matches word characters only, so each piece after one lies in the
 * run of word characters the star reaches, and its leftmost place there
 * leaves every later choice open: one pass, no backtracking, linear in the
 * word for any number of stars. */
/* --substring: the first place from fi where piece pw[0..k) is, with
 * word characters only before it; -1 if none (see struct star_memo) */
static long
star_next(struct star_memo *m, unsigned gen, const char *pw, size_t k,
    const char *F, size_t fi, size_t fn)
{
	size_t j;
	long ans;

	if (m->gen == gen && fi >= m->q) {
		if (m->ans >= 0 && fi <= (size_t)m->ans)
			return m->ans;
		if (m->ans < 0 && fi <= m->fail)
			return -1;
	}
	for (j = fi;; j += ar_u8len((unsigned char)F[j])) {
		if (j + k <= fn && !memcmp(F + j, pw, k)) {
			ans = (long)j;
			break;
		}
		if (!wordchar_at(F, j, fn)) {
			ans = -1;
			break;
		}
	}
	m->gen = gen, m->q = fi, m->ans = ans, m->fail = j;
	return ans;
}

static long
match_word(enum ar_kwic_mode mode, const char *pw, size_t pn, const char *F, size_t fi, size_t fn,
    struct star_memo *memo, unsigned gen)
{
	size_t k = piece_len(pw, pn), j;

	if (fi + k > fn || (k && F[fi] != pw[0]) || memcmp(F + fi, pw, k))
		return -1;
	if (k == pn)
		return word_end(mode, F, fi + k, fn, k);
	fi += k, pw += k + 1, pn -= k + 1;
	for (;;) {
		k = piece_len(pw, pn);
		if (memo) {             /* --substring: the end is where the last piece is */
			long at = star_next(memo++, gen, pw, k, F, fi, fn);
			if (at < 0)
				return -1;
			if (k == pn)
				return at + (long)k;
			fi = (size_t)at + k, pw += k + 1, pn -= k + 1;
			continue;
		}
		for (j = fi;; j += ar_u8len((unsigned char)F[j])) {
			if (j + k <= fn && !memcmp(F + j, pw, k)) {
				if (k < pn)
					break;          /* a middle piece: its first place */
				long r = word_end(mode, F, j + k, fn, k);
				if (r >= 0)
					return r;       /* the last piece: the first place that ends well */
			}
			if (!wordchar_at(F, j, fn))
				return -1;
		}
		fi = j + k, pw += k + 1, pn -= k + 1;
	}
}

/* Words w.. of pattern p from F[fi..): end or -1. Later words follow one
 * or more spaces and may carry a proclitic of their own. */
static long
match_words(const struct ar_kwic *k, const struct pat *p, int w, const char *F, size_t fi, size_t fn)
{
	struct star_memo *memo = NULL;
	if (k->memo) {
		size_t at = p->memo;
		for (int v = 0; v < w; v++)
			at += star_count(p->w[v], p->wl[v]);
		memo = k->memo + at;
	}
	long e = match_word(k->mode, p->w[w], p->wl[w], F, fi, fn, memo, k->memo_gen);
	size_t j;

	if (e < 0 || w + 1 == p->nw)
		return e;
	j = (size_t)e;
	while (j < fn) {
		int32_t cp;
		size_t n = ar_u8dec(F + j, &cp);
		if (!is_space_cp(cp))
			break;
		j += n;
	}
	if (j == (size_t)e || j >= fn)
		return -1;
	long r = match_words(k, p, w + 1, F, j, fn);
	if (r >= 0 || k->mode == AR_KWIC_SUBSTRING)
		return r;
	const char *const *procl = (const char *const *)k->procl;
	const size_t *procll = k->procll;
	for (int c = 0; c < k->nprocl; c++)
		if (j + procll[c] < fn && F[j + procll[c] - 1] == procl[c][procll[c] - 1] && !memcmp(F + j, procl[c], procll[c])
		    && (r = match_words(k, p, w + 1, F, j + procll[c], fn)) >= 0)
			return r;
	return -1;
}

static void
add_hit(struct ar_kwic *k, size_t rs, size_t re, int pat)
{
	if (k->nhits == k->caphits) {
		k->caphits = k->caphits ? k->caphits * 2 : 64;
		k->hits = ar_realloc(k->hits, k->caphits * sizeof *k->hits);
	}
	k->hits[k->nhits].start = rs, k->hits[k->nhits].end = re, k->hits[k->nhits].pat = pat;
	k->nhits++;
}

/* Try every pattern whose first word may begin at core position c; the hit
 * (including a proclitic) begins at q. */
static void
try_at(const struct ar_kwic *k, const char *F, size_t fn, size_t q, size_t c, struct ar_buf *ends)
{
	int32_t cp, cp2 = -1;
	int *list[3], nlist[3];

	if (c >= fn)
		return;
	size_t k1 = ar_u8dec(F + c, &cp);
	if (c + k1 < fn)
		ar_u8dec(F + c + k1, &cp2);
	list[0] = k->bk[cp % NBK], nlist[0] = k->nbk[cp % NBK];
	list[1] = k->bkwild, nlist[1] = k->nbkwild;
	if (cp2 >= 0) {
		unsigned h2 = bk2hash(cp, cp2);
		list[2] = k->bk2[h2], nlist[2] = k->nbk2[h2];
	} else {
		list[2] = NULL, nlist[2] = 0;
	}
	if (k->fwset) {
		/* every pattern word is letters: the first one is the word at c */
		size_t we = c + k1;
		if (!ar_is_wordchar(cp))
			return;
		while (wordchar_at(F, we, fn))
			we += ar_u8len((unsigned char)F[we]);
		for (size_t h = ar_hash(F + c, we - c) & k->fwmask;; h = (h + 1) & k->fwmask) {
			const struct fwslot *fs = &k->fwset[h];
			if (!fs->s)
				return;
			if (fs->n != we - c || memcmp(fs->s, F + c, we - c))
				continue;
			for (int j = 0; j < fs->npats; j++) {
				long e = match_words(k, &k->pats[fs->pats[j]], 0, F, c, fn);
				if (e > (long)q) {
					long rec[2] = { e, fs->pats[j] };
					ar_buf_add(ends, rec, sizeof rec);
				}
			}
			return;
		}
	}
	for (int l = 0; l < 3; l++)
		for (int j = 0; j < nlist[l]; j++) {
			const struct pat *p = &k->pats[list[l][j]];
			if (l != 1 && p->first != cp)
				continue;
			if (l == 2 && p->second != cp2)
				continue;
			long e = match_words(k, p, 0, F, c, fn);
			if (e > (long)q) {
				long rec[2] = { e, list[l][j] };
				ar_buf_add(ends, rec, sizeof rec);
			}
		}
}

static int
cmp_ends(const void *a, const void *b)
{
	const long *x = a, *y = b;
	return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : (x[1] > y[1]) - (x[1] < y[1]);
}

/* Find all hits in the raw text r[0..rn), which begins and ends at word
 * boundaries; base is its offset in the line. */
static void
match_segment(struct ar_kwic *k, const char *r, size_t rn, size_t base)
{
	struct ar_buf *ends = &k->ends;
	const char *const *procl = (const char *const *)k->procl;
	const size_t *procll = k->procll;
	size_t i, fn;
	const uint32_t *of;
	const char *F;

	fold(k, r, rn, &k->F, &k->offs);
	F = k->F.s;
	fn = k->F.len;
	k->memo_gen++;          /* the memos of the last segment are void */
	if (k->memo_gen == 0) {
		for (size_t m = 0; m < k->nmemo; m++)
			k->memo[m].gen = 0;
		k->memo_gen = 1;
	}
	of = (const uint32_t *)k->offs.s;
	for (i = 0; i < fn; i += ar_u8len((unsigned char)F[i])) {
		/* a word starts here, or a pattern may start with punctuation */
		int word = wordchar_at(F, i, fn);
		if (k->mode != AR_KWIC_SUBSTRING && word && wordchar_before(F, i))
			continue;
		ends->len = 0;
		try_at(k, F, fn, i, i, ends);
		if (k->mode != AR_KWIC_SUBSTRING && word)
			for (int c = 0; c < k->nprocl; c++)
				if (i + procll[c] < fn && F[i + procll[c] - 1] == procl[c][procll[c] - 1] && !memcmp(F + i, procl[c], procll[c]))
					try_at(k, F, fn, i, i + procll[c], ends);
		if (!ends->len)
			continue;
		size_t ne = ends->len / (2 * sizeof(long));
		long *e = (long *)ends->s;
		qsort(e, ne, 2 * sizeof(long), cmp_ends);
		for (size_t j = 0; j < ne; j++) {
			if (j && e[2 * j] == e[2 * j - 2])
				continue;
			size_t fe = (size_t)e[2 * j], rs = of[i], re;
			if (fe < fn && of[fe] > of[fe - 1])
				re = of[fe];
			else if (fe < fn)
				re = of[fe - 1] + ar_u8len((unsigned char)r[of[fe - 1]]);
			else
				re = rn;
			/* trailing characters the fold deleted belong to the word,
			 * but not trailing spaces */
			while (re > rs && (r[re - 1] == ' ' || r[re - 1] == '\t'))
				re--;
			add_hit(k, base + rs, base + re, (int)e[2 * j + 1]);
		}
	}
}

/* ---- lines ---- */

/* The line's hits to the sink (every line, hits or not, with every_line). */
static void
emit_line(struct ar_kwic *k, const char *s, size_t n, unsigned long ln)
{
	struct ar_kwic_line l = { s, n, ln, k->hits, k->nhits, 0, 0 };
	if (k->windowed) {
		/* a window: the hits it is the one to report, by where they
		 * start in the line (the ones before went out with the window
		 * before, the ones after wait for the next) */
		size_t j = 0;
		for (size_t i = 0; i < k->nhits; i++) {
			size_t at = k->base + k->hits[i].start;
			if (at >= k->report_from && at < k->report_to)
				k->hits[j++] = k->hits[i];
		}
		l.nhits = j;
		l.base = k->base, l.cpbase = k->cpbase;
	}
	if (l.nhits || k->every_line) {
		if (k->sink->line(&l, k->sink->ctx) < 0)
			k->refused = 1;
	}
	k->nhits = 0;
}

/* A line that must be folded whole (invalid UTF-8 repaired, or every line). */
static void
whole_line(struct ar_kwic *k, const char *s, size_t n, unsigned long ln)
{
	match_segment(k, s, n, 0);
	emit_line(k, s, n, ln);
}

/* ---- the word check: most candidates are other words that hold an
 * anchor (التونسية for تونس). In word mode a hit's word is a pattern word,
 * maybe after one proclitic, so a candidate whose folded word is none of
 * those is dropped before any window is folded. */
static struct wslot *
wset_get(const struct ar_kwic *k, const char *s, size_t n)
{
	struct wslot *wset = k->wset;

	for (size_t h = ar_hash(s, n) & k->wmask;; h = (h + 1) & k->wmask) {
		if (!wset[h].s)
			return NULL;
		if (wset[h].n == n && !memcmp(wset[h].s, s, n))
			return &wset[h];
	}
}

/* Into the word set: s[0..n) (kept), as a word of a phrase or not. */
static void
wset_put(struct ar_kwic *k, const char *s, size_t n, int phrase)
{
	struct wslot *ws = wset_get(k, s, n);
	if (!ws) {
		size_t h = ar_hash(s, n) & k->wmask;
		while (k->wset[h].s)
			h = (h + 1) & k->wmask;
		ws = &k->wset[h];
		ws->s = s, ws->n = n;
	}
	ws->phrase |= phrase;
}

/* Up to this many words and proclitic + word forms, the set holds them all
 * and a candidate's word is looked up once (with a hundred words and two
 * dozen proclitics, a few thousand) */
#define WSET_EXPAND 32768

static void
build_word_set(struct ar_kwic *k)
{
	size_t nw = 0, cap = 16, keybytes = 0;

	if (k->mode != AR_KWIC_WORD || k->scan_all || k->every_line)
		return;
	for (int i = 0; i < k->npats; i++)
		for (int w = 0; w < k->pats[i].nw; w++) {
			const char *t = k->pats[i].w[w];
			for (size_t j = 0; j < k->pats[i].wl[w];) {
				int32_t cp;
				j += ar_u8dec(t + j, &cp);
				if (!ar_is_wordchar(cp))
					return;         /* '*', '-': no word check */
			}
			nw++;
			for (int j = 0; j < k->nprocl; j++)
				keybytes += k->procll[j] + k->pats[i].wl[w];
		}
	k->wexpanded = nw * (size_t)(k->nprocl + 1) <= WSET_EXPAND;
	if (k->wexpanded)
		nw *= (size_t)(k->nprocl + 1);
	while (cap < 2 * nw)
		cap *= 2;
	for (int j = 0; j < k->nprocl; j++) {
		if (k->procll[j] < 2) {
			add_bucket(&k->pshort, &k->npshort, j);
			continue;
		}
		int b = pbk_of(k->procl[j]);
		add_bucket(&k->pbk[b], &k->npbk[b], j);
	}
	k->wset = ar_alloc(cap * sizeof *k->wset);
	memset(k->wset, 0, cap * sizeof *k->wset);
	k->wmask = cap - 1;
	for (int i = 0; i < k->npats; i++)
		for (int w = 0; w < k->pats[i].nw; w++)
			wset_put(k, k->pats[i].w[w], k->pats[i].wl[w], k->pats[i].nw > 1);
	if (k->wexpanded) {
		/* each proclitic before each word: what the check would try
		 * one by one */
		char *d = k->wkeys = ar_alloc(keybytes + 1);
		for (int i = 0; i < k->npats; i++)
			for (int w = 0; w < k->pats[i].nw; w++)
				for (int j = 0; j < k->nprocl; j++) {
					size_t pl = k->procll[j], wl = k->pats[i].wl[w];
					memcpy(d, k->procl[j], pl);
					memcpy(d + pl, k->pats[i].w[w], wl);
					wset_put(k, d, pl + wl, k->pats[i].nw > 1);
					d += pl + wl;
				}
	}
	k->word_check = 1;
	/* and try_at's patterns by their first word */
	for (cap = 16; cap < 2 * (size_t)k->npats; cap *= 2)
		;
	k->fwset = ar_alloc(cap * sizeof *k->fwset);
	memset(k->fwset, 0, cap * sizeof *k->fwset);
	k->fwmask = cap - 1;
	for (int i = 0; i < k->npats; i++) {
		const char *w0 = k->pats[i].w[0];
		size_t n0 = k->pats[i].wl[0], h = ar_hash(w0, n0) & k->fwmask;
		while (k->fwset[h].s && (k->fwset[h].n != n0 || memcmp(k->fwset[h].s, w0, n0)))
			h = (h + 1) & k->fwmask;
		k->fwset[h].s = w0, k->fwset[h].n = n0;
		add_bucket(&k->fwset[h].pats, &k->fwset[h].npats, i);
	}
}

/* A short word's bytes are valid UTF-8: ASCII and two-byte sequences
 * here, the rest as ar_u8valid says. */
static inline int
short_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
		} else if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
			i += 2;
		} else {
			return ar_u8valid((const char *)s + i, n - i) == n - i;
		}
	}
	return 1;
}

/* Is the folded word w[0..len) (two bytes or more) a pattern word, maybe
 * after a proclitic: 0 no, 1 as a word of its own, 2 maybe in a phrase. */
static int
word_in_set(const struct ar_kwic *k, const char *w, size_t len)
{
	int r = 0;
	const struct wslot *ws = wset_get(k, w, len);
	if (ws)
		r = 1 + ws->phrase;
	const char *const *procl = (const char *const *)k->procl;
	const size_t *procll = k->procll;
	/* only the proclitics that begin as the word does (an expanded set
	 * has the word after each of them) */
	int b = pbk_of(w), nb = k->wexpanded ? 0 : k->npbk[b], *bk = k->pbk[b];
	int np = k->wexpanded ? 0 : k->npshort;
	for (int t = 0; t < nb + np && r < 2; t++) {
		int j = t < nb ? bk[t] : k->pshort[t - nb];
		if (procll[j] < len && w[procll[j] - 1] == procl[j][procll[j] - 1]
		    && !memcmp(w, procl[j], procll[j])
		    && (ws = wset_get(k, w + procll[j], len - procll[j])))
			r = 1 + ws->phrase;
	}
	return r;
}

/* Can the candidate at s[c] be part of a hit? Folds its word with the
 * scanner's table: 0 no; 1 as a word of its own; 2 maybe in a phrase, or
 * whenever the table cannot say. */
static int
word_may_hit(struct ar_kwic *k, const char *s, size_t n, size_t c)
{
	const uint32_t *ftab = k->ftab;
	char w[512];
	size_t wb = c, we = c, len = 0, i;
	int seen = 0;

	/* another candidate in the word just checked (the scanner finds a
	 * frequent word's letters once for each pattern that has them): a
	 * word the memo holds has no separator in it and at most 120 bytes,
	 * so from any of its characters the walks below find it again */
	if ((uintptr_t)(s + c) - (uintptr_t)k->wc_at < k->wc_len)
		return k->wc_r;
	/* a word longer than this cannot be checked here (nor walked over
	 * for every candidate in it) */
	size_t lo = c > 120 ? c - 120 : 0, hi = n - c > 120 ? c + 120 : n;
	while (wb > lo && !is_sep((unsigned char)s[wb - 1]))
		wb--;
	while (we < hi && !is_sep((unsigned char)s[we]))
		we++;
	if ((wb > 0 && !is_sep((unsigned char)s[wb - 1])) || (we < n && !is_sep((unsigned char)s[we]))
	    || we - wb > 120 || !short_valid((const unsigned char *)s + wb, we - wb))
		return 2;
	int split = 0;          /* a character in it ends a word: no memo */
	for (i = wb; i < we;) {
		int32_t cp;
		size_t m = ar_u8dec(s + i, &cp);
		uint32_t f = cp < 0x10000 ? ftab[cp] : F_WILD;
		if (i == c)
			seen = 1;
		i += m;
		if (f == F_DEL)
			continue;
		if (f == F_WILD)
			return 2;
		f &= 0xFFFF;
		if (!ar_is_wordchar((int32_t)f)) {
			split = 1;
			if (seen)
				break;          /* the end of the candidate's word */
			len = 0;                /* a word before it */
			continue;
		}
		if (f < 0x80)
			w[len++] = (char)f;
		else if (f < 0x800)
			w[len++] = (char)(0xC0 | f >> 6), w[len++] = (char)(0x80 | (f & 0x3F));
		else
			len += ar_u8enc((int32_t)f, w + len);
	}
	if (!seen)
		return 2;
	if (len < 2) {
		const struct wslot *ws = wset_get(k, w, len);
		return ws ? 1 + ws->phrase : 0;         /* (not kept: rare) */
	}
	int r = word_in_set(k, w, len);
	if (!split)
		k->wc_at = s + wb, k->wc_len = we - wb, k->wc_r = r;
	return r;
}

#ifdef KWIC_AVX2
/* A sieve in front of scan_words' walk: sixty-four bytes from p[i] (a
 * separator or a run's first byte) classified by their two halves
 * (vpshufb), thirty-two at a time. In *sep the separators (is_sep); in
 * *odd the bytes of anything but ASCII letters and digits and the letters
 * D8 A1..D8 BF, D9 81..D9 8A (their table fold is one word character of
 * as many bytes: build_sieve checks it), in *asc the ASCII letters and
 * digits. The first table: bit 7 a second byte, bits 0..2 an ASCII letter
 * or digit (3: 0-9; 4, 6: but @ `; 5, 7: to Z z), bit 3 D8 or D9. The
 * second: bits 0..1 a second byte after D8 (A1..AF; B0..BF), bit 7 one
 * after D9 (81..8A). */
#define LUT(f) f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7), f(8), f(9), \
	f(10), f(11), f(12), f(13), f(14), f(15)
/* the sieve's hash of a form's last three folded letters and its bytes:
 * its top ten bits pick a word of the table, the next twelve two bits in
 * it (both set for a form: a wrong word passes one time in a few hundred) */
#define SIEVE_HASH(a, b, c, n) (((a) * 0x9E3779B1u) ^ ((b) * 0x85EBCA6Bu) \
	^ ((c) * 0xC2B2AE35u) ^ ((uint32_t)(n) * 0x27D4EB2Fu))
#define SIEVE_MASK(h) (1ull << ((h) >> 16 & 63) | 1ull << ((h) >> 10 & 63))
#define S1LO(l) (char)(0x80 | ((l) <= 9 ? 1 : 0) | ((l) >= 1 ? 2 : 0) | ((l) <= 10 ? 4 : 0) \
	| ((l) == 8 || (l) == 9 ? 8 : 0))
#define S1HI(h) (char)((h) == 3 ? 1 : (h) == 4 || (h) == 6 ? 2 : (h) == 5 || (h) == 7 ? 4 \
	: (h) >= 8 && (h) <= 11 ? 0x80 : (h) == 13 ? 8 : 0)
#define S2LO(l) (char)(((l) >= 1 ? 1 : 0) | 2 | ((l) >= 1 && (l) <= 10 ? 0x80 : 0))
#define S2HI(h) (char)((h) == 10 ? 1 : (h) == 11 ? 2 : (h) == 8 ? 0x80 : 0)

/* thirty-two of them; *carry: bit 0 the byte before is D8 as a first
 * byte, bit 1 D9; set for the next thirty-two */
__attribute__((target("avx2"))) static inline void
sieve32(const unsigned char *p, uint32_t *carry, uint32_t *sep, uint32_t *odd, uint32_t *asc)
{
	const __m256i s1lo = _mm256_setr_epi8(LUT(S1LO), LUT(S1LO));
	const __m256i s1hi = _mm256_setr_epi8(LUT(S1HI), LUT(S1HI));
	const __m256i s2lo = _mm256_setr_epi8(LUT(S2LO), LUT(S2LO));
	const __m256i s2hi = _mm256_setr_epi8(LUT(S2HI), LUT(S2HI));
	const __m256i low = _mm256_set1_epi8(0x0F), zero = _mm256_setzero_si256();
	__m256i v = _mm256_loadu_si256((const __m256i *)p);
	__m256i lo = _mm256_and_si256(v, low), hi = _mm256_and_si256(_mm256_srli_epi16(v, 4), low);
	__m256i c1 = _mm256_and_si256(_mm256_shuffle_epi8(s1lo, lo), _mm256_shuffle_epi8(s1hi, hi));
	__m256i c2 = _mm256_and_si256(_mm256_shuffle_epi8(s2lo, lo), _mm256_shuffle_epi8(s2hi, hi));
	uint32_t ascii = ~(uint32_t)_mm256_movemask_epi8(v);
	uint32_t cont = (uint32_t)_mm256_movemask_epi8(c1);
	uint32_t alnum = ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
	    _mm256_and_si256(c1, _mm256_set1_epi8(7)), zero));
	uint32_t lead = ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
	    _mm256_and_si256(c1, _mm256_set1_epi8(8)), zero));
	uint32_t d8 = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xD8)));
	uint32_t v8 = ~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(
	    _mm256_and_si256(c2, _mm256_set1_epi8(3)), zero));
	uint32_t v9 = (uint32_t)_mm256_movemask_epi8(c2);
	uint32_t star = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('*')));
	/* the byte before is a first byte (D8, D9) or not */
	uint32_t l8 = d8 & lead, l9 = ~d8 & lead;
	uint32_t p8 = l8 << 1 | (*carry & 1), p9 = l9 << 1 | (*carry >> 1);
	uint32_t good = ((alnum | lead) & ~(p8 | p9)) | (cont & ((p8 & v8) | (p9 & v9)));
	*carry = l8 >> 31 | (l9 >> 31) << 1;
	*sep = ascii & ~alnum & ~star;
	*odd = ~good & ~*sep;
	*asc = alnum;
}

__attribute__((target("avx2"))) static inline void
sieve64(const unsigned char *p, uint64_t *sep, uint64_t *odd, uint64_t *asc)
{
	uint32_t carry = 0, s0, o0, a0, s1, o1, a1;
	sieve32(p, &carry, &s0, &o0, &a0);
	sieve32(p + 32, &carry, &s1, &o1, &a1);
	*sep = (uint64_t)s1 << 32 | s0;
	*odd = (uint64_t)o1 << 32 | o0;
	*asc = (uint64_t)a1 << 32 | a0;
}

/* From p[i] (a separator or a run's first byte) on, the first run the
 * sieve lets through, or n: runs of Arabic letters (D8 A1..D9 8A but
 * tatweel) no form can be, by their length or last three letters, and
 * separators are passed over; any other run is for scan_words to walk,
 * but a run of ASCII letters and digits where no form has them, and one
 * of those letters with an Arabic comma, semicolon or question mark
 * after them (that ends the word there: build_sieve checks it), which
 * the sieve tests as the letters. */
/* the body of sieve_skip, once for each width of SIEVE64 */
#define SIEVE_SKIP_BODY(SIEVE64) \
{ \
	const uint16_t *wf = k->wfold; \
	const uint64_t *bits = k->sieve_bits; \
	const size_t lo = k->sieve_lo, span = k->sieve_span; \
 \
	while (i < n) { \
		uint64_t sep, odd, asc; \
		if (n - i >= 64) { \
			SIEVE64(p + i, &sep, &odd, &asc); \
		} else {                /* the end: zeros are separators */ \
			unsigned char tail[64] = { 0 }; \
			memcpy(tail, p + i, n - i); \
			SIEVE64(tail, &sep, &odd, &asc); \
		} \
		uint64_t word = ~sep, other = odd | asc; \
		if (word == ~0ull) \
			return i;       /* a run of 64 bytes or more */ \
		/* each run's first and last byte: the runs come from two \
		 * masks that each lose a bit a run, no chain from one to the \
		 * next through its length */ \
		uint64_t starts = word & ~(word << 1), ends = word & ~(word >> 1); \
		size_t next = i + 64; \
		if (word >> 63) {       /* it may go on: look again from it */ \
			unsigned ls = 63u - (unsigned)__builtin_clzll(starts); \
			starts &= ~(1ull << ls), ends &= ~(1ull << 63); \
			next = i + ls; \
		} \
		while (starts) { \
			unsigned at = (unsigned)__builtin_ctzll(starts), last = (unsigned)__builtin_ctzll(ends); \
			starts &= starts - 1, ends &= ends - 1; \
			unsigned len = last + 1 - at; \
			uint64_t run = (2ull << last) - (1ull << at); \
			const unsigned char *e = p + i + last + 1; \
			if (!(other & run)) { \
				if ((size_t)len - lo > span) \
					continue;       /* no form is as long */ \
				uint16_t v0, v1, v2; \
				memcpy(&v0, e - 6, 2), memcpy(&v1, e - 4, 2), memcpy(&v2, e - 2, 2); \
				uint32_t h = SIEVE_HASH(wf[v0], wf[v1], wf[v2], len); \
				uint64_t m = SIEVE_MASK(h); \
				if ((bits[h >> 22] & m) == m) \
					return i + at; \
				continue; \
			} \
			if (!(run & ~asc)) { \
				if (!k->sieve_noascii) \
					return i + at; \
			} else if (len >= 2 && (odd & run) == 1ull << last && !(asc & run) \
			    && k->sieve_punct && e[-2] == 0xD8 \
			    && (e[-1] == 0x8C || e[-1] == 0x9B || e[-1] == 0x9F)) { \
				/* the letters before the mark, as a run */ \
				unsigned l2 = len - 2; \
				if ((size_t)l2 - lo <= span) { \
					uint16_t v0, v1, v2; \
					memcpy(&v0, e - 8, 2), memcpy(&v1, e - 6, 2), memcpy(&v2, e - 4, 2); \
					uint32_t h = SIEVE_HASH(wf[v0], wf[v1], wf[v2], l2); \
					uint64_t m = SIEVE_MASK(h); \
					if ((bits[h >> 22] & m) == m) \
						return i + at; \
				} \
			} else { \
				return i + at; \
			} \
		} \
		i = next; \
	} \
	return n; \
}

__attribute__((target("avx2"))) static size_t
sieve_skip2(const struct ar_kwic *k, const unsigned char *p, size_t i, size_t n)
SIEVE_SKIP_BODY(sieve64)

/* sieve64 with AVX-512BW: the sixty-four bytes at once, the masks
 * straight from the compares */
__attribute__((target("avx2,avx512f,avx512bw"))) static inline void
sieve64z(const unsigned char *p, uint64_t *sep, uint64_t *odd, uint64_t *asc)
{
	const __m512i s1lo = _mm512_broadcast_i32x4(_mm_setr_epi8(LUT(S1LO)));
	const __m512i s1hi = _mm512_broadcast_i32x4(_mm_setr_epi8(LUT(S1HI)));
	const __m512i s2lo = _mm512_broadcast_i32x4(_mm_setr_epi8(LUT(S2LO)));
	const __m512i s2hi = _mm512_broadcast_i32x4(_mm_setr_epi8(LUT(S2HI)));
	const __m512i low = _mm512_set1_epi8(0x0F);
	__m512i v = _mm512_loadu_si512((const void *)p);
	__m512i lo = _mm512_and_si512(v, low), hi = _mm512_and_si512(_mm512_srli_epi16(v, 4), low);
	__m512i c1 = _mm512_and_si512(_mm512_shuffle_epi8(s1lo, lo), _mm512_shuffle_epi8(s1hi, hi));
	__m512i c2 = _mm512_and_si512(_mm512_shuffle_epi8(s2lo, lo), _mm512_shuffle_epi8(s2hi, hi));
	uint64_t ascii = ~(uint64_t)_mm512_movepi8_mask(v);
	uint64_t cont = (uint64_t)_mm512_movepi8_mask(c1);
	uint64_t alnum = (uint64_t)_mm512_test_epi8_mask(c1, _mm512_set1_epi8(7));
	uint64_t lead = (uint64_t)_mm512_test_epi8_mask(c1, _mm512_set1_epi8(8));
	uint64_t d8 = (uint64_t)_mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8((char)0xD8));
	uint64_t v8 = (uint64_t)_mm512_test_epi8_mask(c2, _mm512_set1_epi8(3));
	uint64_t v9 = (uint64_t)_mm512_movepi8_mask(c2);
	uint64_t star = (uint64_t)_mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('*'));
	uint64_t p8 = (d8 & lead) << 1, p9 = (~d8 & lead) << 1;
	uint64_t good = ((alnum | lead) & ~(p8 | p9)) | (cont & ((p8 & v8) | (p9 & v9)));
	*sep = ascii & ~alnum & ~star;
	*odd = ~good & ~*sep;
	*asc = alnum;
}

__attribute__((target("avx2,avx512f,avx512bw"))) static size_t
sieve_skip5(const struct ar_kwic *k, const unsigned char *p, size_t i, size_t n)
SIEVE_SKIP_BODY(sieve64z)

static inline size_t
sieve_skip(const struct ar_kwic *k, const unsigned char *p, size_t i, size_t n)
{
	return k->sieve == 2 ? sieve_skip5(k, p, i, n) : sieve_skip2(k, p, i, n);
}
#undef SIEVE_SKIP_BODY
#undef LUT
#undef S1LO
#undef S1HI
#undef S2LO
#undef S2HI
#endif

/* Word mode without phrases, where key letters are frequent (a hundred
 * frequent words): each word of p[0..n) from sp->pos is folded once with
 * the scanner's table and looked up in the word set, and a word that is
 * a pattern word (after proclitics) is the candidate, at its start, with
 * *fit 1. A word the table cannot say all of (one of more than 120 bytes,
 * invalid UTF-8, a character that may fold to anything) goes to the
 * anchor scan (scan), candidate by candidate, with *fit -1: each of its
 * candidates is what scan would give, and word_may_hit checks it. A word
 * here is a run of bytes that are no separators, as word_may_hit walks
 * them: do_line's window for a fit of 1 is that run, wherever in it the
 * candidate stands. */
static size_t
scan_words(struct ar_kwic *k, const unsigned char *p, size_t n, struct scanpos *sp, int *fit)
{
	const uint16_t *wf = k->wfold;
	const struct cslot *cset = k->cset;
	const uint16_t *ctag = k->ctag;
	const uint32_t cmask = k->cmask, cshift = k->cshift;
	size_t i = sp->pos;
	uint16_t w[128];

	*fit = -1;
	k->direct = -1;
	if (i < sp->wend) {
		size_t c = scan(k, p, sp->wend, sp);
		if (c < sp->wend)
			return c;
		i = sp->wend;
	}
	while (i < n) {
#ifdef KWIC_AVX2
		if (k->sieve && (i = sieve_skip(k, p, i, n)) >= n)
			break;
#endif
		if (is_sep(p[i])) {
			i++;
			continue;
		}
		size_t wb = i, len = 0;
		uint32_t h = 0;
		int hit = 0, slow = 0, one = 1;        /* one: a word, nothing deleted */
		long slot = -1;
		for (;;) {
			uint16_t v;
			uint32_t e;
			memcpy(&v, p + i, 2);
			e = wf[v];
			if (e < 0x800) {        /* a two-byte word character, folded */
				i += 2;
				w[len & 127] = (uint16_t)e;
				len++;
				h = CH_STEP(h, e);
				continue;
			}
			if (e < WF_DEL) {       /* an ASCII one */
				e &= 0x7FF;
				i++;
				w[len & 127] = (uint16_t)e;
				len++;
				h = CH_STEP(h, e);
				continue;
			}
			if (e == WF_END) {
				;               /* a separator: the commonest, first */
			} else if (e == WF_OTHER) {
				i += 1 + (FIRST_OF(v) >> 7);
				one = 0;
			} else if (e == WF_DEL) {
				i += 1 + (FIRST_OF(v) >> 7);
				one = 0;
				continue;
			} else if (e == WF_LONG) {     /* three bytes or more, or invalid */
				uint32_t b = p[i];
				one = 0;
				if (b >= 0xE0 && b < 0xF0 && ar_u8valid((const char *)p + i, 3) == 3) {
					uint32_t f = k->ftab[(b & 0x0F) << 12 | (p[i + 1] & 0x3F) << 6
					    | (p[i + 2] & 0x3F)];
					i += 3;
					if (f == F_DEL)
						continue;
					/* a word character here is rare: the anchor scan says */
					if (f == F_WILD || ar_is_wordchar((int32_t)(f & 0xFFFF)))
						slow = 1;
				} else {
					slow = 1;
				}
			} else {
				slow = 1;       /* WF_SLOW */
			}
			if (i >= n)
				e = WF_END, i = n;
			if (slow || i - wb > 120) {
				slow = 1;
				while (i < n && !is_sep(p[i]))
					i++;
				break;
			}
			/* a word of the run ends (or the run does) */
			if (len && !hit) {
				uint16_t tag = CH_TAG(h);
				for (uint32_t x = CH_SLOT(h, cshift);; x = (x + 1) & cmask) {
					if (!ctag[x])
						break;
					if (ctag[x] == tag && cset[x].n == len
					    && !memcmp(cset[x].s, w, len * sizeof *w)) {
						hit = 1, slot = x;
						break;
					}
				}
			}
			len = 0, h = 0;
			if (e == WF_END)
				break;
		}
		if (slow) {
			size_t we = i;
			struct scanpos in = { wb, 0, 0, we };
			size_t c = scan(k, p, we, &in);
			if (c < we) {
				in.wend = we;
				*sp = in;
				return c;
			}
			continue;
		}
		if (hit) {
			sp->pos = i, sp->prev = 0, sp->until = 0, sp->wend = 0;
			*fit = 1;
			/* a run that is one word, each character folded by the
			 * table alone (none deleted, where the fold may see a
			 * space): its hit is the run, what match_segment
			 * would find in it */
			k->direct = one ? k->cpat[slot] : -1;
			return wb;
		}
	}
	sp->pos = n, sp->prev = 0, sp->until = 0, sp->wend = 0;
	return n;
}

static uint32_t
chash(const uint16_t *w, size_t n)
{
	uint32_t h = 0;
	for (size_t i = 0; i < n; i++)
		h = CH_STEP(h, w[i]);
	return h;
}

/* run_sieve's lengths and last letters, from the set; off where a form
 * is one character, or the table does not fold each letter the sieve
 * passes to one word character of as many bytes */
static void
build_sieve(struct ar_kwic *k)
{
	k->sieve = 0;
#ifdef KWIC_AVX2
	if (!__builtin_cpu_supports("avx2") || getenv("AR_NO_AVX2") || getenv("AR_NO_SIMD"))
		return;
	for (uint32_t c = 0; c < 0x80; c++)
		if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
			uint16_t v = (uint16_t)c, e = k->wfold[v];
			if (e < WF_ASCII || (e & 0x7FF) >= 0x80)
				return;
		}
	for (uint32_t c = 0x621; c <= 0x64A; c++) {
		const unsigned char two[2] = { (unsigned char)(0xC0 | c >> 6), (unsigned char)(0x80 | (c & 0x3F)) };
		uint16_t v;
		memcpy(&v, two, 2);
		if (c != 0x640 && (k->wfold[v] < 0x80 || k->wfold[v] >= 0x800))
			return;
	}
	k->sieve_min = (size_t)-1, k->sieve_max = 0;
	for (size_t x = 0; x <= k->cmask; x++)
		if (k->cset[x].s && k->cset[x].n < 3)
			return;
	k->sieve_bits = ar_alloc(1024 * sizeof *k->sieve_bits);
	memset(k->sieve_bits, 0, 1024 * sizeof *k->sieve_bits);
	k->sieve_noascii = 1;
	for (size_t x = 0; x <= k->cmask; x++) {
		const struct cslot *cs = &k->cset[x];
		size_t bytes = 0;
		if (!cs->s)
			continue;
		for (uint32_t j = 0; j < cs->n; j++)
			bytes += cs->s[j] < 0x80 ? 1 : 2;
		if (bytes < k->sieve_min)
			k->sieve_min = bytes;
		if (bytes > k->sieve_max)
			k->sieve_max = bytes;
		uint32_t h = SIEVE_HASH(cs->s[cs->n - 3], cs->s[cs->n - 2], cs->s[cs->n - 1], (uint32_t)bytes);
		k->sieve_bits[h >> 22] |= SIEVE_MASK(h);
		for (uint32_t j = 0; j < cs->n; j++)
			if (cs->s[j] < 0x80)
				k->sieve_noascii = 0;
	}
	/* a plain run of fewer than six bytes (three letters) is no form */
	k->sieve_lo = k->sieve_min < 6 ? 6 : k->sieve_min;
	if (k->sieve_max < k->sieve_lo)
		k->sieve_lo = 64, k->sieve_span = 0;    /* none: no length passes */
	else
		k->sieve_span = k->sieve_max - k->sieve_lo;
	k->sieve_punct = 1;
	for (int j = 0; j < 3; j++) {
		static const unsigned char marks[3][2] = { { 0xD8, 0x8C }, { 0xD8, 0x9B }, { 0xD8, 0x9F } };
		uint16_t v;
		memcpy(&v, marks[j], 2);
		if (k->wfold[v] != WF_OTHER)
			k->sieve_punct = 0;
	}
	k->sieve = k->sieve_max > 0;
	/* 2: sieve_skip takes its sixty-four bytes with AVX-512BW */
	if (k->sieve && __builtin_cpu_supports("avx512bw") && !getenv("AR_NO_AVX512"))
		k->sieve = 2;
#endif
}

/* scan_words' table and set, from the scanner's table and the word set */
static void
build_word_scan(struct ar_kwic *k)
{
	size_t nw = 0, cap = 16, nk = 0;

	k->wfold = ar_alloc(65536 * sizeof *k->wfold);
	for (uint32_t b = 0; b < 256; b++)
	for (uint32_t c = 0; c < 256; c++) {
		const unsigned char two[2] = { (unsigned char)b, (unsigned char)c };
		uint16_t v, e;
		uint32_t f;
		memcpy(&v, two, 2);
		if (b < 0x80 && is_sep((unsigned char)b))
			e = WF_END;
		else if (b < 0x80)
			f = k->ftab[b], e = 0;
		else if (b >= 0xC2 && b < 0xE0 && (c & 0xC0) == 0x80)
			f = k->ftab[(b & 0x1F) << 6 | (c & 0x3F)], e = 0;
		else
			e = WF_LONG;
		if (!e) {
			uint32_t fc = f & 0xFFFF;
			e = f == F_DEL ? WF_DEL : f == F_WILD || fc >= 0x800 ? WF_SLOW
			    : !ar_is_wordchar((int32_t)fc) ? WF_OTHER
			    : b < 0x80 ? (uint16_t)(WF_ASCII | fc) : (uint16_t)fc;
		}
		k->wfold[v] = e;
	}
	for (size_t x = 0; x <= k->wmask; x++)
		if (k->wset[x].s)
			nw++, nk += k->wset[x].n;
	while (cap < 2 * nw)
		cap *= 2;
	k->cset = ar_alloc(cap * sizeof *k->cset);
	memset(k->cset, 0, cap * sizeof *k->cset);
	k->cmask = (uint32_t)cap - 1;
	for (k->cshift = 32; (1u << (32 - k->cshift)) < cap; k->cshift--)
		;
	uint16_t *d = k->ckeys = ar_alloc((nk + 1) * sizeof *k->ckeys);
	k->ctag = ar_alloc(cap * sizeof *k->ctag);
	memset(k->ctag, 0, cap * sizeof *k->ctag);
	for (size_t x = 0; x <= k->wmask; x++) {
		const struct wslot *ws = &k->wset[x];
		size_t len = 0, j = 0;
		int ok = ws->s != NULL;
		while (ok && j < ws->n) {
			int32_t cp;
			j += ar_u8dec(ws->s + j, &cp);
			if (cp >= 0x800 || len == 127)
				ok = 0;         /* no text word folds to it by the table */
			else
				d[len++] = (uint16_t)cp;
		}
		if (!ok)
			continue;
		uint32_t hh = chash(d, len), h = CH_SLOT(hh, k->cshift);
		while (k->cset[h].s)
			h = (h + 1) & k->cmask;
		k->cset[h].s = d, k->cset[h].n = (uint32_t)len;
		k->ctag[h] = CH_TAG(hh);
		d += len;
	}
	/* each form's first pattern: as the pattern word itself, or after a
	 * proclitic (match_segment keeps the first of the hits that end
	 * together) */
	k->cpat = ar_alloc(cap * sizeof *k->cpat);
	for (size_t x = 0; x < cap; x++)
		k->cpat[x] = -1;
	for (int i = 0; i < k->npats; i++)
		for (int j = -1; j < k->nprocl; j++) {
			uint16_t f[128];
			size_t len = 0, at = 0;
			int ok = 1;
			const char *parts[2] = { j >= 0 ? k->procl[j] : "", k->pats[i].w[0] };
			size_t plen[2] = { j >= 0 ? k->procll[j] : 0, k->pats[i].wl[0] };
			for (int q = 0; q < 2; q++)
				for (at = 0; ok && at < plen[q];) {
					int32_t cp;
					at += ar_u8dec(parts[q] + at, &cp);
					if (cp >= 0x800 || len == 127)
						ok = 0;
					else
						f[len++] = (uint16_t)cp;
				}
			if (!ok)
				continue;
			uint32_t hh = chash(f, len);
			for (uint32_t x = CH_SLOT(hh, k->cshift); k->cset[x].s; x = (x + 1) & k->cmask)
				if (k->cset[x].n == len && !memcmp(k->cset[x].s, f, len * sizeof *f)) {
					if (k->cpat[x] < 0)
						k->cpat[x] = i;
					break;
				}
		}
	build_sieve(k);
}

/* The next candidate in p[0..n), as the scanner chosen finds them; *fit
 * as word_may_hit says, or -1 when it is still to be asked. */
static size_t
next_cand(struct ar_kwic *k, const unsigned char *p, size_t n, struct scanpos *sp, int *fit)
{
	if (k->word_scan)
		return scan_words(k, p, n, sp, fit);
	*fit = -1;
	k->direct = -1;
	return scan(k, p, n, sp);
}

/* A line s[0..n) with its first candidate at c; sp continues the scan.
 * fit is what word_may_hit said of c, or -1 when it has not been asked. */
static void
do_line(struct ar_kwic *k, const char *s, size_t n, unsigned long ln, size_t c, struct scanpos sp, int fit)
{
	size_t cap = 256 + 8 * k->maxpatbytes, bad = ar_u8valid(s, n);
	size_t segb = 0, sege = 0;
	int have = 0;

	if ((k->scan_all || k->every_line) && bad == n) {
		whole_line(k, s, n, ln);
		return;
	}
	if (bad != n) {
		if (k->sink->invalid && k->sink->invalid(ln, bad + (k->windowed ? k->base : 0), k->sink->ctx) < 0) {
			k->refused = 1;
			return;
		}
		k->fixed.len = 0;
		ar_u8repair(s, n, &k->fixed, NULL);
		whole_line(k, k->fixed.s, k->fixed.len, ln);
		return;
	}
	for (;;) {
		/* window: maxwords words either side of the candidate, or
		 * only its own when no phrase can hold it */
		int words = k->maxwords;
		if (k->word_check) {
			int r = fit >= 0 ? fit : word_may_hit(k, s, n, c);
			if (!r) {
				c = next_cand(k, (const unsigned char *)s, n, &sp, &fit);
				if (c >= n)
					break;
				continue;
			}
			if (r == 1)
				words = 1;
		}
		if (fit == 1 && k->direct >= 0 && !(have && c <= sege)) {
			/* scan_words' whole hit: no window to fold */
			if (have)
				match_segment(k, s + segb, sege - segb, segb);
			have = 0;
			add_hit(k, c, sp.pos, k->direct);
			c = next_cand(k, (const unsigned char *)s, n, &sp, &fit);
			if (c >= n)
				break;
			continue;
		}
		size_t wb = c, we = c, lim;
		int j;
		lim = c > cap ? c - cap : 0;
		for (j = words;;) {
			while (wb > lim && !is_sep((unsigned char)s[wb - 1]))
				wb--;
			if (--j == 0)
				break;
			while (wb > lim && is_sep((unsigned char)s[wb - 1]))
				wb--;
			if (wb <= lim)
				break;
		}
		while (wb < c && ((unsigned char)s[wb] & 0xC0) == 0x80)
			wb++;
		lim = n - c > cap ? c + cap : n;
		for (j = words;;) {
			while (we < lim && !is_sep((unsigned char)s[we]))
				we++;
			if (--j == 0)
				break;
			while (we < lim && is_sep((unsigned char)s[we]))
				we++;
			if (we >= lim)
				break;
		}
		while (we > c && we < n && ((unsigned char)s[we] & 0xC0) == 0x80)
			we--;
		if (have && wb <= sege) {
			if (we > sege)
				sege = we;
		} else {
			if (have)
				match_segment(k, s + segb, sege - segb, segb);
			segb = wb, sege = we, have = 1;
		}
		c = next_cand(k, (const unsigned char *)s, n, &sp, &fit);
		if (c >= n)
			break;
	}
	if (have)
		match_segment(k, s + segb, sege - segb, segb);
	emit_line(k, s, n, ln);
}

/* Every line of p[0..n) on its own: a pattern without a letter, or
 * every_line. */
static void
each_line(struct ar_kwic *k, const char *p, size_t n)
{
	size_t pos = 0;

	while (pos < n) {
		const char *nl = memchr(p + pos, '\n', n - pos);
		size_t e = nl ? (size_t)(nl - p) : n, le = e;
		if (le > pos && p[le - 1] == '\r')
			le--;
		struct scanpos none = { le - pos, 0, le - pos, 0 };
		do_line(k, p + pos, le - pos, k->lineno, 0, none, -1);
		k->lineno++;
		pos = e + 1;
	}
}

/* Lines in p[0..n) of the current document (no header among them). */
static void
do_text(struct ar_kwic *k, const char *p, size_t n)
{
	size_t pos = 0;         /* lines before pos are counted */

	if (k->scan_all || k->every_line) {
		each_line(k, p, n);
		return;
	}
	struct scanpos sp = { 0, 0, 0, 0 };
	while (sp.pos < n) {
		int fit;
		size_t c = next_cand(k, (const unsigned char *)p, n, &sp, &fit);
		if (c >= n)
			break;
		/* most candidates are other words: drop them before finding,
		 * counting and checking their line */
		if (k->word_check && fit < 0)
			fit = word_may_hit(k, p, n, c);
		if (!fit)
			continue;
		/* count the lines up to the candidate */
		size_t ls = pos;
		for (;;) {
			const char *nl = memchr(p + ls, '\n', c - ls);
			if (!nl)
				break;
			k->lineno++;
			ls = (size_t)(nl - p) + 1;
		}
		const char *nl = memchr(p + c, '\n', n - c);
		size_t e = nl ? (size_t)(nl - p) : n, le = e;
		if (le > ls && p[le - 1] == '\r')
			le--;
		if (c >= le) {  /* only a CR: nothing in this line */
			k->lineno++;
			pos = e + 1;
			sp = (struct scanpos){ pos, 0, 0, 0 };
			continue;
		}
		struct scanpos in_line = { (sp.pos > le ? le : sp.pos) - ls, sp.prev,
		    sp.until > ls ? sp.until - ls : 0, sp.wend > ls ? sp.wend - ls : 0 };
		do_line(k, p + ls, le - ls, k->lineno, c - ls, in_line, fit);
		k->lineno++;
		pos = e + 1;
		sp = (struct scanpos){ pos, 0, 0, 0 };
		if (pos > n)
			pos = n;
	}
	if (k->probing && (k->probe_bytes += n) >= PROBE_BYTES)
		end_probe(k);
	/* count the rest */
	while (pos < n) {
		const char *nl = memchr(p + pos, '\n', n - pos);
		if (!nl)
			break;
		k->lineno++;
		pos = (size_t)(nl - p) + 1;
	}
}

/* ---- a hit's context ---- */
#ifdef KWIC_AVX2
static int ctx_avx2 = -1;       /* the walks below may take 32 bytes at once */

/* Of the 32 bytes at s, those of printable ASCII characters and letters
 * U+0621..U+064A (D8 A1..D9 8A) that lie wholly in them, a column each;
 * in *starts the first byte of each */
__attribute__((target("avx2"))) static inline uint32_t
ctx_plain32(const char *s, uint32_t *starts)
{
	__m256i v = _mm256_loadu_si256((const __m256i *)s);
	/* the byte after each (none after the last) */
	__m256i nx = _mm256_alignr_epi8(_mm256_permute2x128_si256(v, v, 0x81), v, 1);
	uint32_t pr = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(
	    _mm256_cmpgt_epi8(v, _mm256_set1_epi8(0x1F)), _mm256_cmpgt_epi8(_mm256_set1_epi8(0x7F), v)));
	uint32_t d8 = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xD8)));
	uint32_t d9 = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)0xD9)));
	/* A1..BF after D8, 80..8A after D9 */
	__m256i cont = _mm256_cmpgt_epi8(_mm256_set1_epi8((char)0xC0), nx);
	uint32_t a8 = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(cont,
	    _mm256_cmpeq_epi8(_mm256_max_epu8(nx, _mm256_set1_epi8((char)0xA1)), nx)));
	uint32_t a9 = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(cont,
	    _mm256_cmpeq_epi8(_mm256_min_epu8(nx, _mm256_set1_epi8((char)0x8A)), nx)));
	uint32_t lead = ((d8 & a8) | (d9 & a9)) & 0x7FFFFFFFu;
	*starts = pr | lead;
	return pr | lead | lead << 1;
}

/* The run of those characters from s (forward) or back from s + 32: its
 * bytes in *len, its characters returned, their first bytes in *st */
__attribute__((target("avx2,popcnt"))) static unsigned
ctx_ahead(const char *s, unsigned *len, uint32_t *st)
{
	uint32_t good = ctx_plain32(s, st);
	*len = (unsigned)__builtin_ctzll(~(uint64_t)good);
	*st &= (uint32_t)((1ull << *len) - 1);
	return (unsigned)__builtin_popcount(*st);
}

__attribute__((target("avx2,popcnt"))) static unsigned
ctx_behind(const char *s, unsigned *len, uint32_t *st)
{
	uint32_t good = ctx_plain32(s, st);
	*len = (unsigned)__builtin_clzll(~((uint64_t)good << 32));
	*st &= (uint32_t)~((1ull << (32 - *len)) - 1);
	return (unsigned)__builtin_popcount(*st);
}

/* bit k of x set: which set bit of x is the n-th (from 1) from the low end */
static inline unsigned
nth_low(uint32_t x, unsigned n)
{
	while (--n)
		x &= x - 1;
	return (unsigned)__builtin_ctz(x);
}

static inline unsigned
nth_high(uint32_t x, unsigned n)
{
	unsigned b;
	for (;;) {
		b = 31u - (unsigned)__builtin_clz(x);
		if (!--n)
			return b;
		x &= ~(1u << b);
	}
}
#endif

/* A character the walks decode that is not plain (ar_kwic_context_plain):
 * all but the Arabic comma, semicolon and question mark */
static inline int
ctx_other_cp(int32_t cp)
{
	return cp != 0x060C && cp != 0x061B && cp != 0x061F;
}

/* The walks: *np set where a character walked over is no plain one (one
 * they decode but the three), *wp the columns. */
static size_t
left_context(const char *s, size_t at, int columns, int words, size_t *wp, int *np)
{
	size_t i = at, w = 0;
	int32_t cp;
	int other = 0;

	if (words) {
		for (int k = 0; k < words && i > 0; k++) {
			while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
				i--;
			while (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\t')
				i--;
		}
		*np = 1;
		return i;
	}
	while (i > 0) {
#ifdef KWIC_AVX2
		/* the run below, 32 bytes at a time: the same characters */
		while (ctx_avx2 && w < (size_t)columns && i >= 32) {
			uint32_t st;
			unsigned len, chars = ctx_behind(s + i - 32, &len, &st);
			if (len == 0)
				break;
			if (w + chars > (size_t)columns) {
				i = i - 32 + nth_high(st, (unsigned)((size_t)columns - w));
				w = (size_t)columns;
				break;
			}
			i -= len, w += chars;
			/* 31: the window may have cut a letter in two (its
			 * first byte a second one): look again from it */
			if (len < 31)
				break;
		}
#endif
		/* a run of printable ASCII and Arabic letters, a column each */
		while (w < (size_t)columns && i > 1) {
			unsigned char c1 = (unsigned char)s[i - 1];
			if (c1 - 0x20u < 0x5F)
				i--, w++;
			else if (((unsigned)(unsigned char)s[i - 2] << 8 | c1) - 0xD8A1u <= 0xD98Au - 0xD8A1u)
				i -= 2, w++;
			else
				break;
		}
		if (i == 0)
			break;
		size_t j = i - 1, cw;
		int no;
		unsigned char b1 = (unsigned char)s[j], b0 = i > 1 ? (unsigned char)s[j - 1] : 0;
		if (b1 >= 0x20 && b1 < 0x7F) {
			cw = 1;         /* printable ASCII, then Arabic letters */
			no = 0;
		} else if (((unsigned)b0 << 8 | b1) - 0xD8A1u <= 0xD98Au - 0xD8A1u) {
			cw = 1, j--;    /* U+0621..U+064A (valid UTF-8: D8 A1 to D9 8A) */
			no = 0;
		} else {
			while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
				j--;
			ar_u8dec(s + j, &cp);
			cw = cp < 0x20 ? 1 : (size_t)ar_cpwidth(cp);
			no = ctx_other_cp(cp);
		}
		if (w + cw > (size_t)columns)
			break;
		other |= no;
		w += cw;
		i = j;
	}
	*wp = w;
	*np = other != 0;
	/* do not begin with a mark whose letter was cut off */
	while (i < at) {
		size_t k = ar_u8dec(s + i, &cp);
		if (cp < 0x20 || ar_cpwidth(cp) != 0)
			break;
		i += k;
	}
	return i;
}

static size_t
right_context(const char *s, size_t n, size_t at, int columns, int words, size_t *widthp, int *np)
{
	size_t i = at, w = 0;
	int32_t cp;
	int other = 0;

	if (words) {
		for (int k = 0; k < words && i < n; k++) {
			while (i < n && (s[i] == ' ' || s[i] == '\t'))
				i++;
			while (i < n && s[i] != ' ' && s[i] != '\t')
				i++;
		}
		*widthp = ar_term_columns(s + at, i - at);
		*np = 1;
		return i;
	}
	while (i < n) {
#ifdef KWIC_AVX2
		/* the run ahead, 32 bytes at a time: the same characters */
		while (ctx_avx2 && w < (size_t)columns && n - i >= 32) {
			uint32_t st;
			unsigned len, chars = ctx_ahead(s + i, &len, &st);
			if (len == 0)
				break;
			if (w + chars > (size_t)columns) {
				i += nth_low(st, (unsigned)((size_t)columns - w) + 1);
				w = (size_t)columns;
				break;
			}
			i += len, w += chars;
			/* 31: the window may have cut a letter in two (its
			 * last byte a first one): look again from it */
			if (len < 31)
				break;
		}
#endif
		/* a run of printable ASCII and Arabic letters, a column each */
		while (w < (size_t)columns && i + 1 < n) {
			unsigned char c0 = (unsigned char)s[i];
			if (c0 - 0x20u < 0x5F)
				i++, w++;
			else if (((unsigned)c0 << 8 | (unsigned char)s[i + 1]) - 0xD8A1u <= 0xD98Au - 0xD8A1u)
				i += 2, w++;
			else
				break;
		}
		if (i >= n)
			break;
		size_t k, cw;
		int no;
		unsigned char b0 = (unsigned char)s[i], b1 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
		if (b0 >= 0x20 && b0 < 0x7F) {
			k = 1, cw = 1;  /* printable ASCII, then Arabic letters */
			no = 0;
		} else if (((unsigned)b0 << 8 | b1) - 0xD8A1u <= 0xD98Au - 0xD8A1u) {
			k = 2, cw = 1;
			no = 0;
		} else {
			k = ar_u8dec(s + i, &cp);
			cw = cp < 0x20 ? 1 : (size_t)ar_cpwidth(cp);
			no = ctx_other_cp(cp);
		}
		if (w + cw > (size_t)columns) {
			if (cw == 0)
				i += k, other |= no;
			else
				break;
			continue;
		}
		other |= no;
		w += cw;
		i += k;
	}
	*widthp = w;
	*np = other != 0;
	return i;
}

void
ar_kwic_context(const char *s, size_t n, size_t start, size_t end,
    int columns, int words, size_t *ls, size_t *re, size_t *rwidth)
{
	size_t lw;
	int plain;
	ar_kwic_context_plain(s, n, start, end, columns, words, ls, re, rwidth, &lw, &plain);
}

void
ar_kwic_context_plain(const char *s, size_t n, size_t start, size_t end,
    int columns, int words, size_t *ls, size_t *re, size_t *rwidth, size_t *lwidth, int *plain)
{
	int nl, nr;

#ifdef KWIC_AVX2
	if (ctx_avx2 < 0)
		ctx_avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt")
		    && !getenv("AR_NO_AVX2") && !getenv("AR_NO_SIMD");
#endif
	*lwidth = 0;
	*ls = left_context(s, start, columns, words, lwidth, &nl);
	*re = right_context(s, n, end, columns, words, rwidth, &nr);
	*plain = !nl && !nr;
}

static size_t
char_before(const char *s, size_t i)
{
	size_t j = i - 1;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	return j;
}

static int
wordchar_in(const char *s, size_t i)
{
	int32_t cp;
	ar_u8dec(s + i, &cp);
	return ar_is_wordchar(cp);
}

void
ar_kwic_context_word(const char *s, int k, int back, const char **wp, size_t *wn)
{
	size_t n = strlen(s), i, b, e;

	*wp = "", *wn = 0;
	if (!back) {
		for (i = 0;;) {
			while (i < n && !wordchar_in(s, i))
				i += ar_u8len((unsigned char)s[i]);
			if (i >= n)
				return;
			for (b = i; i < n && wordchar_in(s, i);)
				i += ar_u8len((unsigned char)s[i]);
			if (--k == 0) {
				*wp = s + b, *wn = i - b;
				return;
			}
		}
	}
	for (i = n;;) {
		/* back over non-word characters, then over the word */
		while (i > 0 && !wordchar_in(s, char_before(s, i)))
			i = char_before(s, i);
		if (i == 0)
			return;
		for (e = i; i > 0 && wordchar_in(s, char_before(s, i));)
			i = char_before(s, i);
		if (--k == 0) {
			*wp = s + i, *wn = e - i;
			return;
		}
	}
}

/* ---- the API ---- */
void
ar_kwic_ready(struct ar_kwic *k)
{
	if (k->mode == AR_KWIC_SUBSTRING) {
		for (int i = 0; i < k->npats; i++) {
			k->pats[i].memo = k->nmemo;
			for (int w = 0; w < k->pats[i].nw; w++)
				k->nmemo += star_count(k->pats[i].w[w], k->pats[i].wl[w]);
		}
		if (k->nmemo) {
			k->memo = ar_alloc(k->nmemo * sizeof *k->memo);
			memset(k->memo, 0, k->nmemo * sizeof *k->memo);
			k->memo_gen = 1;
		}
	}
	build_ftab(k);
	number_letters(k);
	set_anchor_bits(k);
	for (int32_t cp = 0; cp < 0x10000; cp++)
		for (int u = 0; u < k->nunis; u++)
			if (k->ftab[cp] == (uint32_t)k->unis[u])
				k->ftab[cp] |= F_UNI;
	build_plain(k);
	build_word_set(k);
	/* AR_KWIC_SCAN=anchors or words: one scanner or the other, to test */
	const char *force = getenv("AR_KWIC_SCAN");
	k->word_scan = k->word_check && k->wexpanded && k->maxwords == 1
	    && (force ? !strcmp(force, "words") : !k->plain.simd);
	if (k->word_scan)
		build_word_scan(k);
}

int
ar_kwic_block(struct ar_kwic *k, const char *p, size_t n, unsigned long *line,
    const struct ar_kwic_sink *sink)
{
	k->sink = sink;
	k->lineno = *line + 1;
	k->refused = 0;
	k->wc_at = NULL, k->wc_len = 0;        /* a new block may reuse the old one's memory */
	do_text(k, p, n);
	*line = k->lineno - 1;
	k->sink = NULL;
	return k->refused ? -1 : 0;
}

/* What a window keeps of the line on each side of what it reports: a
 * hit's words (do_line's window around a candidate) and its context. A
 * hit that starts in the window but runs more than this past its end (a
 * star over a word of megabytes) ends at the window. */
static size_t
window_margin(const struct ar_kwic *k)
{
	return 65536 + 2 * (256 + 8 * k->maxpatbytes);
}

int
ar_kwic_piece(struct ar_kwic *k, const char *p, size_t n, int last,
    unsigned long line, const struct ar_kwic_sink *sink)
{
	size_t margin = window_margin(k);
	struct ar_buf *w = &k->win;
	size_t bad = ar_u8valid(p, n);

	/* the window holds the line repaired, so every place in it (the
	 * reporting bounds, the hits) counts the same bytes; the warning
	 * gives the place as read */
	if (bad < n) {
		if (sink->invalid && sink->invalid(line, k->rawin + bad, sink->ctx) < 0) {
			w->len = 0;
			k->base = k->cpbase = k->report_from = k->rawin = 0;
			return -1;
		}
		ar_u8repair(p, n, w, NULL);
	} else {
		ar_buf_add(w, p, n);
	}
	k->rawin += n;
	if (!last && w->len < 3 * margin)
		return 0;               /* too little to report any of it yet */
	size_t limit = w->len;
	if (!last) {
		limit -= margin;
		while (limit > 0 && ((unsigned char)w->s[limit] & 0xC0) == 0x80)
			limit--;
	}
	ar_buf_grow(w, AR_BLOCK_PAD);
	memset(w->s + w->len, 0, AR_BLOCK_PAD);
	k->sink = sink;
	k->refused = 0;
	k->lineno = line;
	k->windowed = 1;
	k->wc_at = NULL, k->wc_len = 0;
	k->report_to = k->base + limit;
	do_text(k, w->s, w->len);
	k->windowed = 0;
	k->sink = NULL;
	if (last) {
		w->len = 0;
		k->base = k->cpbase = k->report_from = k->rawin = 0;
	} else {
		/* keep the margin before what is reported next, and that */
		size_t cut = limit > margin ? limit - margin : 0;
		while (cut > 0 && ((unsigned char)w->s[cut] & 0xC0) == 0x80)
			cut--;
		k->cpbase += ar_u8count(w->s, cut);
		k->base += cut;
		k->report_from = k->report_to;
		memmove(w->s, w->s + cut, w->len - cut);
		w->len -= cut;
	}
	return k->refused ? -1 : 0;
}

int
ar_kwic_count(const struct ar_kwic *k)
{
	return k->npats;
}

const char *
ar_kwic_pattern(const struct ar_kwic *k, int i)
{
	return k->pats[i].src;
}

size_t
ar_kwic_width(const struct ar_kwic *k, int i)
{
	return k->pats[i].width;
}

const struct ar_norm *
ar_kwic_norm(const struct ar_kwic *k)
{
	return k->nm;
}

void
ar_kwic_free(struct ar_kwic *k)
{
	if (!k)
		return;
	for (int i = 0; i < k->npats; i++) {
		for (int w = 0; w < k->pats[i].nw; w++)
			free(k->pats[i].w[w]);
		free(k->pats[i].w);
		free(k->pats[i].wl);
		free((char *)k->pats[i].src);
	}
	free(k->pats);
	for (int i = 0; i < k->nprocl; i++)
		free(k->procl[i]);
	free(k->procl);
	free(k->procll);
	for (int i = 0; i < 64; i++)
		free(k->pbk[i]);
	free(k->pshort);
	for (int i = 0; i < NBK; i++)
		free(k->bk[i]), free(k->bk2[i]);
	free(k->bkwild);
	free(k->ftab);
	free(k->probe_count);
	free(k->unis);
	free(k->keys);
	free(k->wset);
	free(k->wkeys);
	free(k->wfold);
	for (size_t h = 0; k->fwset && h <= k->fwmask; h++)
		free(k->fwset[h].pats);
	free(k->fwset);
	free(k->cset);
	free(k->ckeys);
	free(k->ctag);
	free(k->cpat);
	free(k->sieve_bits);
	free(k->hits);
	ar_buf_free(&k->fbuf);
	ar_buf_free(&k->F);
	ar_buf_free(&k->offs);
	ar_buf_free(&k->ends);
	ar_buf_free(&k->fixed);
	ar_buf_free(&k->win);
	free(k->memo);
	ar_norm_free(k->nm);
	free(k);
}
