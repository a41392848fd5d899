/* ar-kwic: keyword in context for Arabic text, orthography-insensitive.
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
 * is printed. Lines are found only for candidates (newlines are counted
 * with memchr). */
#include "lib/arlib.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <utf8proc.h>

static const char usage[] =
"[OPTION]... PATTERN [FILE]...\n"
"       ar-kwic [OPTION]... -e PATTERN... [FILE]...\n"
"       ar-kwic [OPTION]... -f PATFILE [FILE]...";
static const char help[] =
"Keyword in context: every hit of PATTERN with its left and right context.\n"
"Text and pattern are folded as ar-norm folds them (so قره finds قرة, قَرَه,\n"
"قـره); the original text is printed. A hit is a whole word that may carry\n"
"proclitics (و ف ب ك ل ال لل and combinations); '*' matches any letters\n"
"within a word; words separated by spaces form a phrase.\n"
"\n"
"Matching:\n"
"  -e, --regexp=PATTERN  a pattern (repeatable)\n"
"  -f, --file=FILE       patterns from FILE, one a line\n"
"      --exact           match code points as written (no folding)\n"
"      --fold=LIST       fold with these ar-norm steps (see ar-norm -l)\n"
"      --prefix          a word may also have any ending\n"
"      --substring       plain substring search, no word boundaries\n"
"Output:\n"
"  -C, --context=N       N characters of context each side (default 40)\n"
"      --words=N         N words of context each side instead\n"
"      --format=FMT      text (default), tsv or json; --tsv, --json\n"
"      --sort=KEYS       sort by R1,R2..,L1,L2..,match,doc (folded)\n"
"  -c, --count           hits per matched spelling, with totals\n"
"      --collocates[=N]  words within N (default 5) of the hits, with\n"
"                        frequency, left/right split and log-likelihood\n"
"      --visual          reorder right-to-left text for terminals without bidi\n"
"      --color[=WHEN]    highlight hits: auto (default), always, never\n"
"  -H, --with-filename   prefix rows with doc:line (the default)\n"
"  -h, --no-filename     prefix rows with the line number only\n"
"      --strict          invalid UTF-8 is an error (default: U+FFFD, warning)\n"
"      --line-buffered   flush every row\n"
"      --progress        show a progress bar on a terminal\n"
"      --help            show this help and exit\n"
"      --version         show the version and exit\n"
"\n"
"With no FILE, or when FILE is -, read standard input. Exit status: 0 a hit,\n"
"1 no hit, 2 trouble. See ar-kwic(1) and ar-tools(7).\n";

/* ---- options ---- */
enum { M_WORD, M_PREFIX, M_SUBSTRING };
static int mode = M_WORD;
static int exact, visual, color = -1, count_mode, colloc_win, words_ctx;
static int context = 40;
static char sort_keys[16][8];
static int nsort;

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
};
static struct pat *pats;
static int npats, cappats;
static int maxwords = 1;
static size_t maxpatbytes = 1;
static int scan_all;            /* a pattern without any letter: look at every line */

static struct ar_norm *nm;
static char **procl;            /* folded proclitics */
static size_t *procll;
static int nprocl;

/* pattern buckets by first code point */
#define NBK 1024
static int *bk[NBK], nbk[NBK], *bkwild, nbkwild;
static int *bk2[NBK], nbk2[NBK];        /* by the first two code points */
static inline unsigned bk2hash(int32_t a, int32_t b) { return ((unsigned)a * 31u + (unsigned)b) % NBK; }

/* ---- the scanner's tables ---- */
#define F_DEL 0xFFFFFFFFu
#define F_WILD 0xFFFFFFFEu
#define F_RARE 0x40000000u      /* values from here on leave the fast path */
#define F_UNI 0x40000000u       /* flag: this folded letter is an anchor alone */
#define F_KEY 0x10000u          /* flag: this folds to a key letter (see plain) */
static uint32_t *ftab;          /* 65536: folded code point, F_DEL or F_WILD */
/* Anchor letters get small numbers (1..63; 0 is every other character),
 * so three adjacent characters index one bit of a 32 KB table that fits
 * the cache: an anchor trigram sets its bit, an anchor bigram the bits of
 * every character before it. */
#define ID_SLOW 0xFF
static unsigned char letter_id[65536];  /* folded code point -> 0..63 */
/* a character's first two bytes (as a 16-bit load reads them) -> the id of an
 * ASCII character (whatever follows) or a valid two-byte one; ID_SLOW for
 * the rest, and for characters the scanner must look at closer */
static unsigned char pair_id[65536];
/* the first of two bytes read as one uint16_t (kept in a register: where
 * the next character starts must not wait for another load) */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define FIRST_OF(v) ((uint32_t)(v) >> 8)
#else
#define FIRST_OF(v) ((uint32_t)(v) & 0xFF)
#endif
static int nids;
static uint64_t tribits[4096];
static int probing;             /* counting candidates per trigram (end_probe) */
static uint32_t *probe_count;   /* 1 << 18 of them */
static size_t probe_bytes;
static int32_t *unis;          /* anchor letters of patterns without a bigram */
static int nunis;
static int32_t *keys;           /* each pattern's rarest letter (folded) */
static int nkeys, keys_freq;    /* and their summed frequency, per mille */
static struct ar_plain plain;   /* what the scanner may pass over unread */

/* ---- small helpers ---- */
static int
is_space_cp(int32_t cp)
{
	return cp == ' ' || cp == '\t' || (cp > 0x7F && ar_cclass(cp) == AR_C_SPACE);
}

static void
fold(const char *s, size_t n, struct ar_buf *out, struct ar_buf *offs)
{
	out->len = 0;
	if (offs)
		offs->len = 0;
	ar_norm_apply(nm, s, n, out, offs);
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

static void
add_pattern(const char *src, size_t n)
{
	static struct ar_buf f;
	struct pat *p;
	size_t i, ws;

	if (ar_u8valid(src, n) != n)
		ar_die("pattern is not valid UTF-8");
	if (npats == cappats) {
		cappats = cappats ? cappats * 2 : 16;
		pats = ar_realloc(pats, (size_t)cappats * sizeof *pats);
	}
	p = &pats[npats];
	memset(p, 0, sizeof *p);
	p->src = strndup(src, n);
	fold(src, n, &f, NULL);
	/* split into words on spaces */
	for (i = 0; i < f.len;) {
		int32_t cp;
		size_t k = ar_u8dec(f.s + i, &cp);
		if (is_space_cp(cp)) {
			i += k;
			continue;
		}
		ws = i;
		while (i < f.len) {
			k = ar_u8dec(f.s + i, &cp);
			if (is_space_cp(cp))
				break;
			i += k;
		}
		p->w = ar_realloc(p->w, (size_t)(p->nw + 1) * sizeof *p->w);
		p->wl = ar_realloc(p->wl, (size_t)(p->nw + 1) * sizeof *p->wl);
		p->w[p->nw] = strndup(f.s + ws, i - ws);
		p->wl[p->nw] = i - ws;
		p->nw++;
	}
	if (p->nw == 0)
		return;                 /* an empty pattern: ignore it */
	if (p->nw > maxwords)
		maxwords = p->nw;
	if (f.len > maxpatbytes)
		maxpatbytes = f.len;
	p->width = (size_t)ar_u8width(f.s, f.len);

	/* anchor: the rarest trigram of adjacent letters, else the rarest
	 * bigram, else the rarest letter; key: the anchor's rarest letter. The
	 * scanner passes over text without a key letter. */
	long best1 = -1, best2 = -1, best3 = -1, altsc[4];
	uint32_t ba = 0, bb = 0, ta = 0, tb = 0, tc = 0;
	int32_t key = -1;
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
		unis = ar_realloc(unis, (size_t)(nunis + 1) * sizeof *unis);
		unis[nunis++] = key;
	} else {
		scan_all = 1;
	}
	if (key >= 0) {
		int k;
		for (k = 0; k < nkeys && keys[k] != key; k++)
			;
		if (k == nkeys) {
			keys = ar_realloc(keys, (size_t)(nkeys + 1) * sizeof *keys);
			keys[nkeys++] = key;
			keys_freq += keyf;
		}
	}
	if (p->w[0][0] == '*') {
		p->first = 0;
		add_bucket(&bkwild, &nbkwild, npats);
	} else {
		size_t k1 = ar_u8dec(p->w[0], &p->first);
		if (k1 < p->wl[0] && p->w[0][k1] != '*') {
			ar_u8dec(p->w[0] + k1, &p->second);
			unsigned h2 = bk2hash(p->first, p->second);
			add_bucket(&bk2[h2], &nbk2[h2], npats);
		} else {
			add_bucket(&bk[p->first % NBK], &nbk[p->first % NBK], npats);
		}
	}
	npats++;
}

static int
pattern_line(char *line, size_t n, unsigned long lineno, void *ctx)
{
	(void)lineno, (void)ctx;
	add_pattern(line, n);
	return 0;
}

static int
procl_line(char *line, size_t n, unsigned long lineno, void *ctx)
{
	static struct ar_buf f;
	(void)lineno, (void)ctx;
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	if (!n || ar_u8valid(line, n) != n)
		return 0;
	fold(line, n, &f, NULL);
	if (!f.len)
		return 0;
	procl = ar_realloc(procl, (size_t)(nprocl + 1) * sizeof *procl);
	procll = ar_realloc(procll, (size_t)(nprocl + 1) * sizeof *procll);
	procl[nprocl] = strndup(f.s, f.len);
	procll[nprocl++] = f.len;
	return 0;
}

/* The scanner's bitmap: each pattern's anchor, or while probing every
 * trigram it may be anchored on. */
static void
set_anchor_bits(void)
{
	memset(tribits, 0, sizeof tribits);
	for (int k = 0; k < npats; k++) {
		const struct pat *pt = &pats[k];
		if (pt->nanchor == 3) {
			for (int a = 0; a < (probing ? pt->nalt : 1); a++) {
				const int32_t *t = probing ? pt->alt[a] : pt->anchor;
				uint32_t x = (uint32_t)letter_id[t[0]] << 12
				    | (uint32_t)letter_id[t[1]] << 6 | letter_id[t[2]];
				tribits[x >> 6] |= 1ull << (x & 63);
			}
		} else if (pt->nanchor == 2) {
			uint32_t x = (uint32_t)letter_id[pt->anchor[0]] << 6 | letter_id[pt->anchor[1]];
			for (uint32_t before = 0; before < 64; before++)
				tribits[before << 6 | x >> 6] |= 1ull << (x & 63);
		}
	}
}

/* Letter frequencies say little about a trigram (دين is common, in
 * المدينة and الدين): over the first megabytes every trigram a pattern may
 * be anchored on counts its candidates, and then each pattern keeps its
 * quietest one. Any of them finds every hit. */
#define PROBE_BYTES (2u << 20)
static void
end_probe(void)
{
	for (int k = 0; k < npats; k++) {
		struct pat *pt = &pats[k];
		uint32_t best = UINT32_MAX;
		for (int a = 0; a < pt->nalt; a++) {
			const int32_t *t = pt->alt[a];
			uint32_t x = (uint32_t)letter_id[t[0]] << 12
			    | (uint32_t)letter_id[t[1]] << 6 | letter_id[t[2]];
			if (probe_count[x] < best) {
				best = probe_count[x];
				memcpy(pt->anchor, t, sizeof pt->anchor);
			}
		}
	}
	probing = 0;
	free(probe_count);
	probe_count = NULL;
	set_anchor_bits();
}

/* What the fold makes of each code point alone, for the scanner. */
static void
build_ftab(uint32_t mask)
{
	struct ar_buf out = { 0 };
	int composing = !exact && (mask & (AR_STEP(AR_S_NFC) | AR_STEP(AR_S_DIACRITICS)
	    | AR_STEP(AR_S_NFKC)));

	ftab = ar_alloc(65536 * sizeof *ftab);
	for (int32_t cp = 0; cp < 0x10000; cp++) {
		char b[4];
		size_t k;
		int32_t c2;

		if (cp >= 0xD800 && cp <= 0xDFFF) {
			ftab[cp] = (uint32_t)cp;
			continue;
		}
		k = ar_u8enc(cp, b);
		fold(b, k, &out, NULL);
		if (out.len == 0)
			ftab[cp] = F_DEL;
		else if (ar_u8dec(out.s, &c2) == out.len && c2 < 0x10000)
			ftab[cp] = (uint32_t)c2;
		else
			ftab[cp] = F_WILD;
	}
	if (composing) {
		/* marks that compose with the letter before them change it */
		for (int32_t cp = 0xC0; cp < 0x10000; cp++) {
			utf8proc_int32_t d[8];
			utf8proc_ssize_t k = utf8proc_decompose_char(cp, d, 8,
			    UTF8PROC_DECOMPOSE, NULL);
			if (k > 1 && k <= 8 && !(k == 1 && d[0] == cp))
				for (utf8proc_ssize_t j = 1; j < k; j++)
					if (d[j] < 0x10000)
						ftab[d[j]] = F_WILD;
		}
		for (int32_t cp = 0x1161; cp <= 0x11C2; cp++)
			ftab[cp] = F_WILD;
	}
	/* number the anchor letters; past 63 of them, a pattern falls back
	 * to its key letter alone */
	for (int k = 0; k < npats; k++) {
		struct pat *pt = &pats[k];
		int j;
		for (j = 0; j < pt->nanchor; j++) {
			int32_t a = pt->anchor[j];
			if (!letter_id[a] && nids == 63)
				break;
			if (!letter_id[a])
				letter_id[a] = (unsigned char)++nids;
		}
		if (j < pt->nanchor) {
			int32_t key = pt->anchor[0];
			for (j = 1; j < pt->nanchor; j++)
				if (freq(pt->anchor[j]) < freq(key))
					key = pt->anchor[j];
			unis = ar_realloc(unis, (size_t)(nunis + 1) * sizeof *unis);
			unis[nunis++] = key;
			pt->nanchor = 0;
		}
	}
	/* the other trigrams a pattern may be anchored on, while ids last */
	for (int k = 0; k < npats; k++) {
		struct pat *pt = &pats[k];
		int keep = pt->nanchor == 3 ? 1 : 0;
		for (int a = 1; keep && a < pt->nalt; a++) {
			int j;
			for (j = 0; j < 3; j++) {
				int32_t c = pt->alt[a][j];
				if (!letter_id[c] && nids == 63)
					break;
				if (!letter_id[c])
					letter_id[c] = (unsigned char)++nids;
			}
			if (j == 3)
				memcpy(pt->alt[keep++], pt->alt[a], sizeof pt->alt[a]);
		}
		pt->nalt = keep;
		if (keep > 1)
			probing = 1;
	}
	set_anchor_bits();
	for (int32_t cp = 0; cp < 0x10000; cp++)
		for (int u = 0; u < nunis; u++)
			if (ftab[cp] == (uint32_t)unis[u])
				ftab[cp] |= F_UNI;
	ar_buf_free(&out);

	/* the scanner passes over plain characters: ASCII and U+0600..U+067F
	 * that fold to one character which is no key letter. Worth it only
	 * while key letters are rare (one in ten letters: a block of sixteen
	 * bytes then holds one about half the time). */
	ar_plain_init(&plain);
	if (keys_freq > 100)
		plain.simd = 0;
	if (plain.simd && probing) {
		/* the keys come from the anchors as chosen: keep them */
		probing = 0;
		set_anchor_bits();
	}
	if (probing) {
		probe_count = ar_alloc((1u << 18) * sizeof *probe_count);
		memset(probe_count, 0, (1u << 18) * sizeof *probe_count);
	}
	for (int32_t cp = 0; cp < 0x10000; cp++) {
		int k;
		if (ftab[cp] >= F_RARE)
			continue;
		for (k = 0; k < nkeys && (uint32_t)keys[k] != ftab[cp]; k++)
			;
		if (k < nkeys)
			ftab[cp] |= F_KEY;
		else
			ar_plain_set(&plain, cp);
	}
	/* the scanner's fast path: what it must look at closer goes slow */
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
		pair_id[v] = f >= F_RARE || ((f & F_KEY) && plain.simd)
		    ? ID_SLOW : letter_id[f & 0xFFFF];
	}
}

/* Shifts a character's id into prev (the last two); 1 when the three
 * complete an anchor, which the probe then counts. */
static inline int
completes_anchor(uint32_t *prev, uint32_t id)
{
	uint32_t x = *prev << 6 | id;

	*prev = x & 0xFFF;
	if (!(tribits[x >> 6] >> (x & 63) & 1))
		return 0;
	if (probing)
		probe_count[x]++;
	return 1;
}

/* The ids of the two characters before q, after passing over plain text
 * from i to q: prev as scan keeps it (the older one in bits 6..11). */
static uint32_t
prev_before(const unsigned char *p, size_t i, size_t q, uint32_t prev)
{
	for (int k = 0; k < 2 && q > i; k++) {
		uint32_t cp;
		if (p[q - 1] >= 0x80 && q - i >= 2 && (p[q - 2] == 0xD8 || p[q - 2] == 0xD9))
			cp = (uint32_t)(p[q - 2] & 0x1F) << 6 | (p[q - 1] & 0x3F), q -= 2;
		else if (p[q - 1] < 0x80)
			cp = p[--q];
		else
			cp = 0xFFFD, q--;       /* invalid UTF-8 passed over */
		uint32_t id = letter_id[ftab[cp] & 0xFFFF];
		if (k == 0)
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
};

static size_t
scan(const unsigned char *p, size_t n, struct scanpos *sp)
{
	size_t i = sp->pos, until = sp->until;
	uint32_t prev = sp->prev & 0xFFF, id;

	while (i < n) {
		if (i >= until) {
			unsigned other;
			size_t q = ar_plain_skip(&plain, p, i, n, &other);
			/* read the block that stops it and the two characters
			 * after, where an anchor with a key letter may end */
			until = other ? q + 16 + 4 : n;
			if (q > i && q < n && (p[q] & 0xC0) == 0x80)
				q--;       /* back to the lead of a two-byte letter */
			if (q > i) {
				prev = prev_before(p, i, q, prev);
				i = q;
			}
		}
		/* ASCII and two bytes (all of Arabic): one look-up of the first
		 * two bytes gives the id, and the first byte alone where the
		 * next character starts */
		size_t lim = until < n ? until : n;
		while (i < lim) {
			uint16_t v;
			memcpy(&v, p + i, 2);
			id = pair_id[v];
			if (__builtin_expect(id == ID_SLOW, 0))
				break;
			size_t s = i;
			i += 1 + (FIRST_OF(v) >> 7);
			if (completes_anchor(&prev, id)) {
				sp->pos = i, sp->prev = prev, sp->until = until;
				return s;
			}
		}
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
			if (!exact && (cl == AR_C_DIGIT || cl == AR_C_MARK
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
		if (completes_anchor(&prev, letter_id[f & 0xFFFF])) {
			sp->pos = i, sp->prev = prev, sp->until = until;
			return s;
		}
	}
	sp->pos = n, sp->prev = prev, sp->until = until;
	return n;
}

/* ---- matching on folded text ---- */
struct hit { size_t rs, re; int pat; };
static struct hit *hits;
static size_t nhits, caphits;

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

/* Match one pattern word pw[0..pn) at F[fi..fn); returns the end or -1. */
static long
match_word(const char *pw, size_t pn, const char *F, size_t fi, size_t fn)
{
	size_t k = 0;

	while (k < pn && pw[k] != '*')
		k++;
	if (fi + k > fn || memcmp(F + fi, pw, k))
		return -1;
	fi += k;
	if (k == pn) {
		if (mode == M_SUBSTRING)
			return (long)fi;
		if (mode == M_PREFIX) {
			while (wordchar_at(F, fi, fn))
				fi += ar_u8len((unsigned char)F[fi]);
			return (long)fi;
		}
		return wordchar_at(F, fi, fn) ? -1 : (long)fi;
	}
	pw += k + 1;
	pn -= k + 1;
	for (size_t j = fi;;) {
		long r = match_word(pw, pn, F, j, fn);
		if (r >= 0)
			return r;
		if (!wordchar_at(F, j, fn))
			return -1;
		j += ar_u8len((unsigned char)F[j]);
	}
}

/* Words w.. of pattern p from F[fi..): end or -1. Later words follow one
 * or more spaces and may carry a proclitic of their own. */
static long
match_words(const struct pat *p, int w, const char *F, size_t fi, size_t fn)
{
	long e = match_word(p->w[w], p->wl[w], F, fi, fn);
	size_t j;

	if (e < 0 || w + 1 == p->nw)
		return e;
	j = (size_t)e;
	while (j < fn) {
		int32_t cp;
		size_t k = ar_u8dec(F + j, &cp);
		if (!is_space_cp(cp))
			break;
		j += k;
	}
	if (j == (size_t)e || j >= fn)
		return -1;
	long r = match_words(p, w + 1, F, j, fn);
	if (r >= 0 || mode == M_SUBSTRING)
		return r;
	for (int c = 0; c < nprocl; c++)
		if (j + procll[c] < fn && F[j + procll[c] - 1] == procl[c][procll[c] - 1] && !memcmp(F + j, procl[c], procll[c])
		    && (r = match_words(p, w + 1, F, j + procll[c], fn)) >= 0)
			return r;
	return -1;
}

static void
add_hit(size_t rs, size_t re, int pat)
{
	if (nhits == caphits) {
		caphits = caphits ? caphits * 2 : 64;
		hits = ar_realloc(hits, caphits * sizeof *hits);
	}
	hits[nhits].rs = rs, hits[nhits].re = re, hits[nhits].pat = pat;
	nhits++;
}

/* Try every pattern whose first word may begin at core position c; the hit
 * (including a proclitic) begins at q. */
static void
try_at(const char *F, size_t fn, size_t q, size_t c, struct ar_buf *ends)
{
	int32_t cp, cp2 = -1;
	int *list[3], nlist[3];

	if (c >= fn)
		return;
	size_t k1 = ar_u8dec(F + c, &cp);
	if (c + k1 < fn)
		ar_u8dec(F + c + k1, &cp2);
	list[0] = bk[cp % NBK], nlist[0] = nbk[cp % NBK];
	list[1] = bkwild, nlist[1] = nbkwild;
	if (cp2 >= 0) {
		unsigned h2 = bk2hash(cp, cp2);
		list[2] = bk2[h2], nlist[2] = nbk2[h2];
	} else {
		list[2] = NULL, nlist[2] = 0;
	}
	for (int l = 0; l < 3; l++)
		for (int k = 0; k < nlist[l]; k++) {
			const struct pat *p = &pats[list[l][k]];
			if (l != 1 && p->first != cp)
				continue;
			if (l == 2 && p->second != cp2)
				continue;
			long e = match_words(p, 0, F, c, fn);
			if (e > (long)q) {
				long rec[2] = { e, list[l][k] };
				(void)q;
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
match_segment(const char *r, size_t rn, size_t base)
{
	static struct ar_buf F, offs, ends;
	size_t i, fn;
	const uint32_t *of;

	fold(r, rn, &F, &offs);
	fn = F.len;
	of = (const uint32_t *)offs.s;
	for (i = 0; i < fn; i += ar_u8len((unsigned char)F.s[i])) {
		if (mode != M_SUBSTRING) {
			if (!wordchar_at(F.s, i, fn) || wordchar_before(F.s, i))
				continue;
		}
		ends.len = 0;
		try_at(F.s, fn, i, i, &ends);
		if (mode != M_SUBSTRING)
			for (int c = 0; c < nprocl; c++)
				if (i + procll[c] < fn && F.s[i + procll[c] - 1] == procl[c][procll[c] - 1] && !memcmp(F.s + i, procl[c], procll[c]))
					try_at(F.s, fn, i, i + procll[c], &ends);
		if (!ends.len)
			continue;
		size_t ne = ends.len / (2 * sizeof(long));
		long *e = (long *)ends.s;
		qsort(e, ne, 2 * sizeof(long), cmp_ends);
		for (size_t k = 0; k < ne; k++) {
			if (k && e[2 * k] == e[2 * k - 2])
				continue;
			size_t fe = (size_t)e[2 * k], rs = of[i], re;
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
			add_hit(base + rs, base + re, (int)e[2 * k + 1]);
		}
	}
}

/* ---- documents, lines, output ---- */
static char *docname;
static size_t docnamelen;
static struct ar_buf docbuf;            /* docname's storage */
static unsigned long lineno;            /* of the line at cnt_pos */
static int doc_warned;
static int nerrors;
static unsigned long long total_hits;
static int show_doc = 1;
static size_t prefix_width = 0, kw_width = 10;

static size_t docwidth;

static void
set_doc(const char *s, size_t n)
{
	docbuf.len = 0;
	ar_buf_add(&docbuf, s, n);
	ar_buf_addc(&docbuf, 0);
	docname = docbuf.s;
	docnamelen = n;
	docwidth = ar_term_columns(docname, n);
	lineno = 1;
	doc_warned = 0;
}

struct row {
	const char *doc; size_t docl;
	unsigned long line;
	size_t startcp, endcp;
	const char *l, *m, *r;
	size_t ll, ml, rl;
	size_t rwidth;          /* display width of r */
	int pat;
};

static void
spaces(size_t n)
{
	while (n--)
		ar_out_putc(' ');
}

static void
print_row(const struct row *w)
{
	if (ar_opts.format == AR_FMT_TSV) {
		ar_out_tsv_str(w->doc, w->docl);
		ar_out_printf("\t%lu\t%zu\t%zu\t", w->line, w->startcp, w->endcp);
		ar_out_tsv_str(w->l, w->ll);
		ar_out_putc('\t');
		ar_out_tsv_str(w->m, w->ml);
		ar_out_putc('\t');
		ar_out_tsv_str(w->r, w->rl);
		ar_out_eol();
		return;
	}
	if (ar_opts.format == AR_FMT_JSON) {
		ar_out_str("{\"doc\":");
		ar_out_json_str(w->doc, w->docl);
		ar_out_printf(",\"line\":%lu,\"start\":%zu,\"end\":%zu,\"left\":", w->line,
		    w->startcp, w->endcp);
		ar_out_json_str(w->l, w->ll);
		ar_out_str(",\"match\":");
		ar_out_json_str(w->m, w->ml);
		ar_out_str(",\"right\":");
		ar_out_json_str(w->r, w->rl);
		ar_out_str(",\"pattern\":");
		ar_out_json_str(pats[w->pat].src, strlen(pats[w->pat].src));
		ar_out_str("}");
		ar_out_eol();
		return;
	}
	/* text: prefix, then a layout whose keyword column lines up when the
	 * terminal displays right-to-left runs (bidi), or, with --visual, when
	 * it displays bytes left to right */
	char pre[64];
	size_t pw;
	if (show_doc) {
		ar_out_write(w->doc, w->docl);
		pw = w->doc == docname ? docwidth : ar_term_columns(w->doc, w->docl);
	} else {
		pw = 0;
	}
	/* ":LINE:" without printf: this runs for every row */
	size_t k = sizeof pre;
	unsigned long ln = w->line;
	pre[--k] = ':';
	do
		pre[--k] = (char)('0' + ln % 10);
	while ((ln /= 10));
	if (show_doc)
		pre[--k] = ':';
	ar_out_write(pre + k, sizeof pre - k);
	pw += sizeof pre - k;
	if (pw > prefix_width)
		prefix_width = pw;
	spaces(prefix_width - pw + 1);

	size_t cw = words_ctx ? (size_t)words_ctx * 8 : (size_t)context;
	size_t wr = w->rwidth, wm = ar_term_columns(w->m, w->ml);
	size_t padm = kw_width > wm ? kw_width - wm : 0;
	size_t a = padm / 2, b = padm - a;      /* visual: a before the keyword, b after */
	const char *on = color ? "\033[1;31m" : "", *off = color ? "\033[0m" : "";
	static struct ar_buf scratch;

	if (visual) {
		/* left to right on screen: following context, keyword, preceding */
		spaces(cw > wr ? cw - wr : 0);
		ar_term_visual(w->r, w->rl, &scratch);
		spaces(1 + a);
		ar_out_str(on);
		ar_term_visual(w->m, w->ml, &scratch);
		ar_out_str(off);
		spaces(b + 1);
		ar_term_visual(w->l, w->ll, &scratch);
	} else {
		/* logical order; a bidi terminal reverses the Arabic run, so the
		 * padding that lines the keyword up depends on the right context */
		spaces(cw > wr ? cw - wr : 0);
		ar_term_write(w->l, w->ll);
		spaces(1 + b);
		ar_out_str(on);
		ar_term_write(w->m, w->ml);
		ar_out_str(off);
		if (w->rl) {
			spaces(a + 1);
			ar_term_write(w->r, w->rl);
		}
	}
	ar_out_eol();
}

/* ---- --sort: rows kept in memory ---- */
struct srow { struct row r; size_t off; size_t seq; char *fl, *fr, *fm; };
static struct srow *srows;
static size_t nsrows, capsrows;

static char *
fold_dup(const char *s, size_t n)
{
	static struct ar_buf f;
	fold(s, n, &f, NULL);
	return strndup(f.s ? f.s : "", f.len);
}

static void
keep_row(const struct row *w)
{
	struct srow *s;
	char *mem;

	if (nsrows == capsrows) {
		capsrows = capsrows ? capsrows * 2 : 256;
		srows = ar_realloc(srows, capsrows * sizeof *srows);
	}
	s = &srows[nsrows];
	s->r = *w;
	s->seq = nsrows++;
	mem = ar_alloc(w->docl + w->ll + w->ml + w->rl + 1);
	memcpy(mem, w->doc, w->docl);
	memcpy(mem + w->docl, w->l, w->ll);
	memcpy(mem + w->docl + w->ll, w->m, w->ml);
	memcpy(mem + w->docl + w->ll + w->ml, w->r, w->rl);
	s->r.doc = mem;
	s->r.l = mem + w->docl;
	s->r.m = s->r.l + w->ll;
	s->r.r = s->r.m + w->ml;
	s->fl = fold_dup(w->l, w->ll);
	s->fr = fold_dup(w->r, w->rl);
	s->fm = fold_dup(w->m, w->ml);
}

/* k-th word (1-based) of s from the start, or from the end if back */
static void
nth_word(const char *s, int k, int back, const char **wp, size_t *wn)
{
	size_t n = strlen(s), i, b, e;
	int32_t cp;

	*wp = "", *wn = 0;
	if (!back) {
		i = 0;
		for (;;) {
			while (i < n && (ar_u8dec(s + i, &cp), !ar_is_wordchar(cp)))
				i += ar_u8len((unsigned char)s[i]);
			if (i >= n)
				return;
			b = i;
			while (i < n && (ar_u8dec(s + i, &cp), ar_is_wordchar(cp)))
				i += ar_u8len((unsigned char)s[i]);
			if (--k == 0) {
				*wp = s + b, *wn = i - b;
				return;
			}
		}
	}
	i = n;
	for (;;) {
		/* back over non-word characters */
		while (i > 0) {
			size_t j = i - 1;
			while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
				j--;
			ar_u8dec(s + j, &cp);
			if (ar_is_wordchar(cp))
				break;
			i = j;
		}
		if (i == 0)
			return;
		e = i;
		while (i > 0) {
			size_t j = i - 1;
			while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
				j--;
			ar_u8dec(s + j, &cp);
			if (!ar_is_wordchar(cp))
				break;
			i = j;
		}
		if (--k == 0) {
			*wp = s + i, *wn = e - i;
			return;
		}
	}
}

static int
cmp_bytes(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	return c ? c : (an > bn) - (an < bn);
}

static int
cmp_srow(const void *pa, const void *pb)
{
	const struct srow *a = pa, *b = pb;

	for (int k = 0; k < nsort; k++) {
		const char *key = sort_keys[k];
		int c = 0;
		if (key[0] == 'R' || key[0] == 'L') {
			const char *x, *y;
			size_t xn, yn;
			int idx = atoi(key + 1), back = key[0] == 'L';
			nth_word(back ? a->fl : a->fr, idx, back, &x, &xn);
			nth_word(back ? b->fl : b->fr, idx, back, &y, &yn);
			c = cmp_bytes(x, xn, y, yn);
		} else if (!strcmp(key, "match")) {
			c = strcmp(a->fm, b->fm);
		} else {        /* doc: name, then position */
			c = cmp_bytes(a->r.doc, a->r.docl, b->r.doc, b->r.docl);
			if (!c)
				c = (a->r.line > b->r.line) - (a->r.line < b->r.line);
			if (!c)
				c = (a->r.startcp > b->r.startcp) - (a->r.startcp < b->r.startcp);
		}
		if (c)
			return c;
	}
	return (a->seq > b->seq) - (a->seq < b->seq);
}

/* ---- -c and --collocates: counts ---- */
static struct ar_freq counts;   /* -c: a, hits per spelling and pattern */
static struct ar_colloc colloc;

/* ---- per line: contexts and rows ---- */
static size_t cur_cp_byte, cur_cp_count;        /* code point cursor in the line */

static size_t
cp_offset(const char *line, size_t at)
{
	if (at < cur_cp_byte) {
		cur_cp_byte = 0;
		cur_cp_count = 0;
	}
	cur_cp_count += ar_u8count(line + cur_cp_byte, at - cur_cp_byte);
	cur_cp_byte = at;
	return cur_cp_count;
}

static size_t
left_context(const char *s, size_t at)
{
	size_t i = at, w = 0;
	int32_t cp;

	if (words_ctx) {
		for (int k = 0; k < words_ctx && i > 0; k++) {
			while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
				i--;
			while (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\t')
				i--;
		}
		return i;
	}
	while (i > 0) {
		size_t j = i - 1;
		while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
			j--;
		ar_u8dec(s + j, &cp);
		size_t cw = cp < 0x20 ? 1 : (size_t)ar_cpwidth(cp);
		if (w + cw > (size_t)context)
			break;
		w += cw;
		i = j;
	}
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
right_context(const char *s, size_t n, size_t at, size_t *widthp)
{
	size_t i = at, w = 0;
	int32_t cp;

	if (words_ctx) {
		for (int k = 0; k < words_ctx && i < n; k++) {
			while (i < n && (s[i] == ' ' || s[i] == '\t'))
				i++;
			while (i < n && s[i] != ' ' && s[i] != '\t')
				i++;
		}
		*widthp = ar_term_columns(s + at, i - at);
		return i;
	}
	while (i < n) {
		size_t k = ar_u8dec(s + i, &cp);
		size_t cw = cp < 0x20 ? 1 : (size_t)ar_cpwidth(cp);
		if (w + cw > (size_t)context) {
			if (cw == 0)
				i += k;
			else
				break;
			continue;
		}
		w += cw;
		i += k;
	}
	*widthp = w;
	return i;
}

static void
emit_line_hits(const char *s, size_t n, unsigned long ln)
{
	cur_cp_byte = cur_cp_count = 0;
	for (size_t k = 0; k < nhits; k++) {
		const struct hit *h = &hits[k];
		struct row w;

		total_hits++;
		if (count_mode)
			ar_freq_get(&counts, s + h->rs, h->re - h->rs, h->pat)->a++;
		if (colloc_win)
			ar_colloc_hit(&colloc, h->rs, h->re);
		if (count_mode || colloc_win)
			continue;
		size_t ls = left_context(s, h->rs), re = right_context(s, n, h->re, &w.rwidth);
		w.doc = docname, w.docl = docnamelen;
		w.line = ln;
		w.startcp = w.endcp = 0;        /* only tsv and json print them */
		if (ar_opts.format != AR_FMT_TEXT) {
			w.startcp = cp_offset(s, h->rs);
			w.endcp = w.startcp + ar_u8count(s + h->rs, h->re - h->rs);
		}
		w.l = s + ls, w.ll = h->rs - ls;
		w.m = s + h->rs, w.ml = h->re - h->rs;
		w.r = s + h->re, w.rl = re - h->re;
		w.pat = h->pat;
		if (nsort)
			keep_row(&w);
		else
			print_row(&w);
	}
	nhits = 0;
}

/* ---- reading ---- */
static inline int
is_sep(unsigned char c)
{
	return c < 0x80 && !((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
	    || c == '*');
}

/* A line that must be folded whole (invalid UTF-8 repaired, or every line). */
static void
whole_line(const char *s, size_t n, unsigned long ln)
{
	if (colloc_win)
		ar_colloc_line(&colloc, s, n);
	match_segment(s, n, 0);
	emit_line_hits(s, n, ln);
}

/* ---- the word check: most candidates are other words that hold an
 * anchor (التونسية for تونس). In word mode a hit's word is a pattern word,
 * maybe after one proclitic, so a candidate whose folded word is none of
 * those is dropped before any window is folded. */
static int word_check;
static struct wslot { const char *s; size_t n; int phrase; } *wset;
static size_t wmask;

static struct wslot *
wset_get(const char *s, size_t n)
{
	for (size_t h = ar_hash(s, n) & wmask;; h = (h + 1) & wmask) {
		if (!wset[h].s)
			return NULL;
		if (wset[h].n == n && !memcmp(wset[h].s, s, n))
			return &wset[h];
	}
}

static void
build_word_set(void)
{
	size_t nw = 0, cap = 16;

	if (mode != M_WORD || scan_all || colloc_win)
		return;
	for (int k = 0; k < npats; k++)
		for (int w = 0; w < pats[k].nw; w++) {
			const char *t = pats[k].w[w];
			for (size_t i = 0; i < pats[k].wl[w];) {
				int32_t cp;
				i += ar_u8dec(t + i, &cp);
				if (!ar_is_wordchar(cp))
					return;         /* '*', '-': no word check */
			}
			nw++;
		}
	while (cap < 2 * nw)
		cap *= 2;
	wset = ar_alloc(cap * sizeof *wset);
	memset(wset, 0, cap * sizeof *wset);
	wmask = cap - 1;
	for (int k = 0; k < npats; k++)
		for (int w = 0; w < pats[k].nw; w++) {
			const char *t = pats[k].w[w];
			size_t n = pats[k].wl[w];
			struct wslot *ws = wset_get(t, n);
			if (!ws) {
				size_t h = ar_hash(t, n) & wmask;
				while (wset[h].s)
					h = (h + 1) & wmask;
				ws = &wset[h];
				ws->s = t, ws->n = n;
			}
			ws->phrase |= pats[k].nw > 1;
		}
	word_check = 1;
}

/* Can the candidate at s[c] be part of a hit? Folds its word with the
 * scanner's table: 0 no; 1 as a word of its own; 2 maybe in a phrase, or
 * whenever the table cannot say. */
static int
word_may_hit(const char *s, size_t n, size_t c)
{
	char w[512];
	size_t wb = c, we = c, len = 0, i;
	int seen = 0;

	/* a word longer than this cannot be checked here (nor walked over
	 * for every candidate in it) */
	size_t lo = c > 120 ? c - 120 : 0, hi = n - c > 120 ? c + 120 : n;
	while (wb > lo && !is_sep((unsigned char)s[wb - 1]))
		wb--;
	while (we < hi && !is_sep((unsigned char)s[we]))
		we++;
	if ((wb > 0 && !is_sep((unsigned char)s[wb - 1])) || (we < n && !is_sep((unsigned char)s[we]))
	    || we - wb > 120 || ar_u8valid(s + wb, we - wb) != we - wb)
		return 2;
	for (i = wb; i < we;) {
		int32_t cp;
		size_t k = ar_u8dec(s + i, &cp);
		uint32_t f = cp < 0x10000 ? ftab[cp] : F_WILD;
		if (i == c)
			seen = 1;
		i += k;
		if (f == F_DEL)
			continue;
		if (f == F_WILD)
			return 2;
		f &= 0xFFFF;
		if (!ar_is_wordchar((int32_t)f)) {
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
	int r = 0;
	const struct wslot *ws = wset_get(w, len);
	if (ws)
		r = 1 + ws->phrase;
	for (int k = 0; k < nprocl && r < 2; k++)
		if (procll[k] < len && w[procll[k] - 1] == procl[k][procll[k] - 1]
		    && !memcmp(w, procl[k], procll[k])
		    && (ws = wset_get(w + procll[k], len - procll[k])))
			r = 1 + ws->phrase;
	return r;
}

/* A line s[0..n) with its first candidate at c; sp continues the scan.
 * fit is what word_may_hit said of c, or -1 when it has not been asked. */
static void
do_line(const char *s, size_t n, unsigned long ln, size_t c, struct scanpos sp, int fit)
{
	static struct ar_buf fixed;
	size_t cap = 256 + 8 * maxpatbytes, bad = ar_u8valid(s, n);
	size_t segb = 0, sege = 0;
	int have = 0;

	if ((scan_all || colloc_win) && bad == n) {
		whole_line(s, n, ln);
		return;
	}
	if (bad != n) {
		if (ar_opts.strict) {
			ar_warn("%s:%lu: invalid UTF-8 at byte %zu", docname, ln, bad);
			nerrors++;
			return;
		}
		if (!doc_warned++)
			ar_warn("%s:%lu: invalid UTF-8 at byte %zu, replaced by U+FFFD"
			    " (further warnings for this document suppressed)",
			    docname, ln, bad);
		fixed.len = 0;
		ar_u8repair(s, n, &fixed, NULL);
		whole_line(fixed.s, fixed.len, ln);
		return;
	}
	for (;;) {
		/* window: maxwords words either side of the candidate, or
		 * only its own when no phrase can hold it */
		int words = maxwords;
		if (word_check) {
			int r = fit >= 0 ? fit : word_may_hit(s, n, c);
			fit = -1;
			if (!r) {
				c = scan((const unsigned char *)s, n, &sp);
				if (c >= n)
					break;
				continue;
			}
			if (r == 1)
				words = 1;
		}
		size_t wb = c, we = c, lim;
		int k;
		lim = c > cap ? c - cap : 0;
		for (k = words;;) {
			while (wb > lim && !is_sep((unsigned char)s[wb - 1]))
				wb--;
			if (--k == 0)
				break;
			while (wb > lim && is_sep((unsigned char)s[wb - 1]))
				wb--;
			if (wb <= lim)
				break;
		}
		while (wb < c && ((unsigned char)s[wb] & 0xC0) == 0x80)
			wb++;
		lim = n - c > cap ? c + cap : n;
		for (k = words;;) {
			while (we < lim && !is_sep((unsigned char)s[we]))
				we++;
			if (--k == 0)
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
				match_segment(s + segb, sege - segb, segb);
			segb = wb, sege = we, have = 1;
		}
		c = scan((const unsigned char *)s, n, &sp);
		if (c >= n)
			break;
	}
	if (have)
		match_segment(s + segb, sege - segb, segb);
	emit_line_hits(s, n, ln);
}

/* Lines in p[0..n) of the current document (no header among them). */
static void
do_text(const char *p, size_t n)
{
	size_t pos = 0;         /* lines before pos are counted */

	if (scan_all || colloc_win) {
		while (pos < n) {
			const char *nl = memchr(p + pos, '\n', n - pos);
			size_t e = nl ? (size_t)(nl - p) : n, le = e;
			if (le > pos && p[le - 1] == '\r')
				le--;
			struct scanpos none = { le - pos, 0, le - pos };
			do_line(p + pos, le - pos, lineno, 0, none, -1);
			lineno++;
			pos = e + 1;
		}
		return;
	}
	struct scanpos sp = { 0, 0, 0 };
	while (sp.pos < n) {
		size_t c = scan((const unsigned char *)p, n, &sp);
		if (c >= n)
			break;
		/* most candidates are other words: drop them before finding,
		 * counting and checking their line */
		int fit = word_check ? word_may_hit(p, n, c) : -1;
		if (!fit)
			continue;
		/* count the lines up to the candidate */
		size_t ls = pos;
		for (;;) {
			const char *nl = memchr(p + ls, '\n', c - ls);
			if (!nl)
				break;
			lineno++;
			ls = (size_t)(nl - p) + 1;
		}
		const char *nl = memchr(p + c, '\n', n - c);
		size_t e = nl ? (size_t)(nl - p) : n, le = e;
		if (le > ls && p[le - 1] == '\r')
			le--;
		if (c >= le) {  /* only a CR: nothing in this line */
			lineno++;
			pos = e + 1;
			sp = (struct scanpos){ pos, 0, 0 };
			continue;
		}
		struct scanpos in_line = { (sp.pos > le ? le : sp.pos) - ls, sp.prev,
		    sp.until > ls ? sp.until - ls : 0 };
		do_line(p + ls, le - ls, lineno, c - ls, in_line, fit);
		lineno++;
		pos = e + 1;
		sp = (struct scanpos){ pos, 0, 0 };
		if (pos > n)
			pos = n;
	}
	if (probing && (probe_bytes += n) >= PROBE_BYTES)
		end_probe();
	/* count the rest */
	while (pos < n) {
		const char *nl = memchr(p + pos, '\n', n - pos);
		if (!nl)
			break;
		lineno++;
		pos = (size_t)(nl - p) + 1;
	}
}

/* Complete lines p[0..n): split at header lines. */
static void
do_region(const char *p, size_t n, int ends_line)
{
	size_t pos = 0;

	(void)ends_line;
	while (pos < n) {
		size_t h = pos;
		const char *f;
		/* next "\f" at the start of a line */
		for (;;) {
			f = memchr(p + h, '\f', n - h);
			if (!f || f == p || f[-1] == '\n' || (size_t)(f - p) == pos)
				break;
			h = (size_t)(f - p) + 1;
		}
		size_t he = f ? (size_t)(f - p) : n;
		if (he > pos)
			do_text(p + pos, he - pos);
		if (!f)
			break;
		const char *nl = memchr(f, '\n', n - he);
		size_t e = nl ? (size_t)(nl - p) : n, le = e;
		if (le > he && p[le - 1] == '\r')
			le--;
		static struct ar_buf name;
		name.len = 0;
		ar_u8repair(p + he + 1, le - he - 1, &name, NULL);
		set_doc(name.s ? name.s : "", name.len);
		pos = e + 1;
	}
}

#define PAD 8

static void
do_file(const char *name)
{
	static char *buf;
	static size_t cap;
	size_t len = 0;
	int fd, eof = 0;

	if (!strcmp(name, "-")) {
		fd = 0;
	} else if ((fd = open(name, O_RDONLY)) < 0) {
		ar_warn("%s: %s", name, strerror(errno));
		nerrors++;
		return;
	}
	if (!cap) {
		cap = 1 << 20;
		buf = ar_alloc(cap + PAD);
	}
	set_doc(name, strlen(name));
	while (!eof) {
		if (cap - len < 64 * 1024) {
			cap *= 2;
			buf = ar_realloc(buf, cap + PAD);
		}
		ssize_t got = read(fd, buf + len, cap - len);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			ar_warn("%s: read error: %s", name, strerror(errno));
			nerrors++;
			break;
		}
		if (got == 0)
			eof = 1;
		ar_progress_add((size_t)got);
		size_t old = len;
		len += (size_t)got;
		size_t upto;
		if (eof) {
			upto = len;
		} else {
			/* the remainder before old holds no newline */
			upto = len;
			while (upto > old && buf[upto - 1] != '\n')
				upto--;
			if (upto == old)
				continue;
		}
		if (eof)
			memset(buf + len, 0, PAD);
		do_region(buf, upto, 1);
		memmove(buf, buf + upto, len - upto);
		len -= upto;
	}
	if (fd != 0)
		close(fd);
}

/* ---- summaries at the end ---- */
static int
cmp_count(const void *pa, const void *pb)
{
	const struct ar_freq_ent *a = *(struct ar_freq_ent *const *)pa;
	const struct ar_freq_ent *b = *(struct ar_freq_ent *const *)pb;
	if (a->tag != b->tag)
		return a->tag - b->tag;
	if (a->a != b->a)
		return a->a > b->a ? -1 : 1;
	return cmp_bytes(ar_freq_key(&counts, a), a->len, ar_freq_key(&counts, b), b->len);
}

/* One spelling's count, or with f NULL the pattern's total. */
static void
print_count(const char *ps, const char *f, size_t fl, long n)
{
	if (ar_opts.format == AR_FMT_TSV) {
		ar_out_tsv_str(ps, strlen(ps));
		ar_out_putc('\t');
		if (f)
			ar_out_tsv_str(f, fl);
		ar_out_printf("\t%ld", n);
	} else if (ar_opts.format == AR_FMT_JSON) {
		ar_out_str("{\"pattern\":");
		ar_out_json_str(ps, strlen(ps));
		if (f) {
			ar_out_str(",\"form\":");
			ar_out_json_str(f, fl);
		}
		ar_out_printf(f ? ",\"count\":%ld}" : ",\"total\":%ld}", n);
	} else if (f) {
		ar_out_printf("%8ld  ", n);
		ar_term_write(f, fl);
	} else {
		return;         /* text has its totals first */
	}
	ar_out_eol();
}

static void
print_counts(void)
{
	size_t n, i, j;
	struct ar_freq_ent **v = ar_freq_all(&counts, &n);

	qsort(v, n, sizeof *v, cmp_count);
	if (ar_opts.format == AR_FMT_TSV)
		ar_out_str("pattern\tform\tcount\n");
	for (i = 0; i < n; i = j) {
		const char *ps = pats[v[i]->tag].src;
		long tot = 0;
		for (j = i; j < n && v[j]->tag == v[i]->tag; j++)
			tot += v[j]->a;
		if (ar_opts.format == AR_FMT_TEXT)
			ar_out_printf("%s\t(%zu forms, %ld hits)\n", ps, j - i, tot);
		for (size_t k = i; k < j; k++)
			print_count(ps, ar_freq_key(&counts, v[k]), v[k]->len, v[k]->a);
		print_count(ps, NULL, 0, tot);
	}
	if (ar_opts.format == AR_FMT_TEXT)
		ar_out_printf("total: %llu hits\n", total_hits);
	else if (ar_opts.format == AR_FMT_TSV)
		ar_out_printf("\t\t%llu\n", total_hits);
	else
		ar_out_printf("{\"total\":%llu}\n", total_hits);
	free(v);
}

struct coll { struct ar_freq_ent *e; double ll; };

static int
cmp_coll(const void *pa, const void *pb)
{
	const struct coll *a = pa, *b = pb;
	if (a->ll != b->ll)
		return a->ll > b->ll ? -1 : 1;
	long fa = a->e->a + a->e->b, fb = b->e->a + b->e->b;
	if (fa != fb)
		return fa > fb ? -1 : 1;
	return cmp_bytes(ar_freq_key(&colloc.words, a->e), a->e->len, ar_freq_key(&colloc.words, b->e), b->e->len);
}

static void
print_collocates(void)
{
	size_t n = 0, nall, i;
	struct ar_freq_ent **all = ar_freq_all(&colloc.words, &nall);
	struct coll *v = ar_alloc((nall + 1) * sizeof *v);

	for (i = 0; i < nall; i++)
		if (all[i]->a + all[i]->b != 0) {
			v[n].e = all[i];
			v[n++].ll = ar_freq_ll((double)(all[i]->a + all[i]->b),
			    (double)colloc.window, (double)all[i]->c, (double)colloc.corpus);
		}
	qsort(v, n, sizeof *v, cmp_coll);
	if (ar_opts.format == AR_FMT_TSV)
		ar_out_str("collocate\tfreq\tleft\tright\tcorpus\tll\n");
	else if (ar_opts.format == AR_FMT_TEXT)
		ar_out_printf("%-20s %7s %7s %7s %9s %10s\n", "collocate", "freq", "left", "right",
		    "corpus", "ll");
	for (i = 0; i < n; i++) {
		const struct ar_freq_ent *e = v[i].e;
		const char *w = ar_freq_key(&colloc.words, e);
		if (ar_opts.format == AR_FMT_TSV) {
			ar_out_tsv_str(w, e->len);
			ar_out_printf("\t%ld\t%ld\t%ld\t%ld\t%.2f", e->a + e->b, e->a, e->b, e->c, v[i].ll);
		} else if (ar_opts.format == AR_FMT_JSON) {
			ar_out_str("{\"collocate\":");
			ar_out_json_str(w, e->len);
			ar_out_printf(",\"freq\":%ld,\"left\":%ld,\"right\":%ld,\"corpus\":%ld,\"ll\":%.2f}",
			    e->a + e->b, e->a, e->b, e->c, v[i].ll);
		} else {
			ar_term_write(w, e->len);
			size_t ww = ar_term_columns(w, e->len);
			spaces(ww < 20 ? 20 - ww : 0);
			ar_out_printf(" %7ld %7ld %7ld %9ld %10.2f", e->a + e->b, e->a, e->b, e->c, v[i].ll);
		}
		ar_out_eol();
	}
	free(v);
	free(all);
}

static const struct option longopts[] = {
	{ "regexp",     required_argument, NULL, 'e' },
	{ "file",       required_argument, NULL, 'f' },
	{ "exact",      no_argument,       NULL, AR_OPT_TOOL + 0 },
	{ "fold",       required_argument, NULL, AR_OPT_TOOL + 1 },
	{ "prefix",     no_argument,       NULL, AR_OPT_TOOL + 2 },
	{ "substring",  no_argument,       NULL, AR_OPT_TOOL + 3 },
	{ "context",    required_argument, NULL, 'C' },
	{ "words",      required_argument, NULL, AR_OPT_TOOL + 4 },
	{ "sort",       required_argument, NULL, AR_OPT_TOOL + 5 },
	{ "count",      no_argument,       NULL, 'c' },
	{ "collocates", optional_argument, NULL, AR_OPT_TOOL + 6 },
	{ "visual",     no_argument,       NULL, AR_OPT_TOOL + 7 },
	{ "color",      optional_argument, NULL, AR_OPT_TOOL + 8 },
	{ "colour",     optional_argument, NULL, AR_OPT_TOOL + 8 },
	AR_COMMON_LONGOPTS,
	AR_FORMAT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

static int
number(const char *s, const char *what)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (!*s || *end || v < 0 || v > 100000) {
		ar_warn("%s: not a number: '%s'", what, s);
		ar_usage();
	}
	return (int)v;
}

static void
parse_sort(const char *s)
{
	nsort = 0;
	while (*s) {
		size_t n = strcspn(s, ",");
		char k[8];
		if (n == 0) {
			s++;
			continue;
		}
		if (n >= sizeof k || nsort == 16)
			goto bad;
		memcpy(k, s, n);
		k[n] = 0;
		if (k[0] == 'r' || k[0] == 'l')
			k[0] = (char)(k[0] - 'a' + 'A');
		if ((k[0] == 'R' || k[0] == 'L') && k[1] >= '1' && k[1] <= '9' && !k[2])
			;
		else if (strcmp(k, "match") && strcmp(k, "doc"))
			goto bad;
		strcpy(sort_keys[nsort++], k);
		s += n;
	}
	if (nsort)
		return;
bad:
	ar_warn("bad sort key in '%s' (R1..R9, L1..L9, match, doc)", s);
	ar_usage();
}

int
main(int argc, char *argv[])
{
	const char *pe[256], *pf[16];
	int c, npe = 0, npf = 0;
	uint32_t mask = ar_steps_default;

	ar_init(argv[0], usage, help);
	while ((c = getopt_long(argc, argv, "e:f:C:c" AR_COMMON_SHORTOPTS,
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			if (npe == 256)
				ar_die("too many -e patterns (use -f FILE)");
			pe[npe++] = optarg;
			break;
		case 'f':
			if (npf == 16)
				ar_die("too many -f files");
			pf[npf++] = optarg;
			break;
		case AR_OPT_TOOL + 0: exact = 1; break;
		case AR_OPT_TOOL + 1:
			if (ar_steps_parse(optarg, &mask) < 0)
				ar_usage();
			break;
		case AR_OPT_TOOL + 2: mode = M_PREFIX; break;
		case AR_OPT_TOOL + 3: mode = M_SUBSTRING; break;
		case 'C': context = number(optarg, "--context"); words_ctx = 0; break;
		case AR_OPT_TOOL + 4: words_ctx = number(optarg, "--words"); break;
		case AR_OPT_TOOL + 5: parse_sort(optarg); break;
		case 'c': count_mode = 1; break;
		case AR_OPT_TOOL + 6:
			colloc_win = optarg ? number(optarg, "--collocates") : 5;
			if (!colloc_win)
				colloc_win = 1;
			break;
		case AR_OPT_TOOL + 7: visual = 1; break;
		case AR_OPT_TOOL + 8:
			if (!optarg || !strcmp(optarg, "always") || !strcmp(optarg, "yes"))
				color = 1;
			else if (!strcmp(optarg, "never") || !strcmp(optarg, "no"))
				color = 0;
			else if (!strcmp(optarg, "auto"))
				color = -1;
			else
				ar_usage();
			break;
		default:
			if (!ar_common_opt(c, optarg))
				ar_usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (npe == 0 && npf == 0) {
		if (argc == 0)
			ar_usage();
		pe[npe++] = argv[0];
		argc--, argv++;
	}
	if (exact)
		mask = 0;
	if (color < 0)
		color = ar_opts.format == AR_FMT_TEXT && isatty(1);
	if (ar_opts.headers == 0)
		show_doc = 0;

	nm = ar_norm_new(mask);
	ar_norm_ready(nm);
	colloc.win = colloc_win;
	colloc.nm = nm;
	{
		size_t len;
		const char *t = ar_data("proclitics.txt", &len);
		ar_each_line(t, len, procl_line, NULL);
	}
	for (c = 0; c < npe; c++)
		add_pattern(pe[c], strlen(pe[c]));
	for (c = 0; c < npf; c++) {
		size_t len;
		char *t = ar_slurp(pf[c], &len);
		ar_each_line(t, len, pattern_line, NULL);
		free(t);
	}
	if (npats == 0)
		ar_die("no pattern");
	for (c = 0; c < npats; c++)
		if (pats[c].width + 2 > kw_width)
			kw_width = pats[c].width + 2;
	if (kw_width > 30)
		kw_width = 30;
	build_ftab(mask);
	build_word_set();

	if (ar_opts.format == AR_FMT_TSV && !count_mode && !colloc_win)
		ar_out_str("doc\tline\tstart\tend\tleft\tmatch\tright\n");
	ar_progress_start(argc, argv);
	if (argc == 0)
		do_file("-");
	for (c = 0; c < argc; c++)
		do_file(argv[c]);
	ar_progress_end();

	if (nsort) {
		qsort(srows, nsrows, sizeof *srows, cmp_srow);
		for (size_t i = 0; i < nsrows; i++)
			print_row(&srows[i].r);
	}
	if (count_mode)
		print_counts();
	if (colloc_win)
		print_collocates();
	int st = ar_out_close();
	if (nerrors || st)
		return 2;
	return total_hits ? 0 : 1;
}
