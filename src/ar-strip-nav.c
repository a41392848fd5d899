/* ar-strip-nav: keep the article, drop the page chrome.
 *
 * Two layers. (1) Rules from share/ar-tools/nav-rules.tsv (and --rules=FILE):
 * a pattern and an action (drop the line, drop the rest of the page, drop a
 * span inside the line, keep the line, start a new page). (2) For lines no
 * rule decides, a jusText-like classifier: length, share of Arabic stop
 * words, sentence punctuation, link and Latin density give a class (good,
 * bad, short, near-good, headline-like); short lines then take their fate
 * from the nearest good or bad lines around them. Lines wait in a bounded
 * queue until their neighbours are known, so memory stays constant. */
#define _GNU_SOURCE             /* memmem (POSIX 2024; glibc, musl, BSDs) */
#include "lib/arlib.h"

#include <stdlib.h>

static const char usage[] =
"[-Hh] [-e] [-k LIST] [-r FILE] [--format=text|tsv|json] [FILE]...";
static const char help[] =
"Reduce scraped news pages to the article: title, publication line, byline,\n"
"body paragraphs and attribution. Menus, share bars, tickers, tag lines,\n"
"\"read also\" sections, tweets, widgets and site trailers are dropped.\n"
"\n"
"  -e, --explain        write every line with its decision, TSV:\n"
"                       doc line action rule text (action K, D, or S for a\n"
"                       line with a span removed); doc is the page name\n"
"  -k, --keep=LIST      keep these kinds after all (comma-separated rule names\n"
"                       such as tweets,tags,source, or blank, dup, headline, stat)\n"
"  -r, --rules=FILE     also apply the rules in FILE (tried first); repeatable\n"
"  -l, --list-rules     list the rules in use and exit\n"
"      --format=FMT     text (default), tsv (--explain with a header line) or\n"
"                       json: one object per page (name, title, date,\n"
"                       source, attribution, body, dropped)\n"
"      --tsv, --json    short for --format=tsv, --format=json\n"
AR_HELP_HEADERS
AR_HELP_STRICT
"      --line-buffered  flush every line\n"
AR_HELP_TAIL
"\n"
"A page starts at each file, \\f header, crawler header (source: and a\n"
"timestamp line) or publication line after a dropped section.\n"
"With no FILE, or when FILE is -, read standard input. Exit status: 0 ok,\n"
"2 trouble. See ar-strip-nav(1) and ar-tools(7).\n";

/* ar_buf_add that never hands memcpy a null pointer (empty lines) */
static void
badd(struct ar_buf *b, const void *p, size_t n)
{
	if (b->cap == 0)
		ar_buf_grow(b, 64);
	if (n)
		ar_buf_add(b, p, n);
}

/* ---- rules ---- */
enum { T_LIT, T_STAR, T_DIGITS, T_SPACE };
enum { A_DROP_LINE, A_DROP_REST, A_DROP_SPAN, A_KEEP_LINE, A_PUB_DATE, A_START_PAGE };
static const char *const actnames[] = {
	"drop-line", "drop-rest", "drop-span", "keep-line", "pub-date", "start-page", NULL
};

struct tok { int type; char *s; size_t n, goff; };
struct rule {
	struct tok *t;
	int nt, bol, eol, back, act, kept, idx;
	int cut;                /* drop-span: the span starts at this token */
	int req;                /* the literal a match needs (index in lits), or -1 */
	char *name, *pat;
	int next;               /* next rule in the same first-bytes bucket */
};
static struct rule *rules;
static int nrules, caprules;
static int bucket[65536];       /* first two bytes of a ^literal -> rule chain */
static int *other;              /* rules not in a bucket, in order */
static int nother;
static int *spans;              /* drop-span rules, in order */
static int nspans;

static int
is_space_at(const char *s, size_t p, size_t e, size_t *len)
{
	unsigned char c = (unsigned char)s[p];
	int32_t cp;

	if (c < 0x80) {
		*len = 1;
		return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
	}
	*len = ar_u8len(c);
	if (p + *len > e)
		return 0;
	ar_u8dec(s + p, &cp);
	int k = ar_cclass(cp);
	return k == AR_C_SPACE || k == AR_C_FORMAT;
}

static size_t
skip_space(const char *s, size_t p, size_t e)
{
	size_t l;

	while (p < e && is_space_at(s, p, e, &l))
		p += l;
	return p;
}

static size_t
skip_digits(const char *s, size_t p, size_t e)
{
	int32_t cp;

	while (p < e) {
		unsigned char c = (unsigned char)s[p];
		if (c >= '0' && c <= '9') {
			p++;
			continue;
		}
		if (c < 0x80 || p + ar_u8len(c) > e)
			break;
		size_t l = ar_u8dec(s + p, &cp);
		if (ar_digit_value(cp) < 0)
			break;
		p += l;
	}
	return p;
}

/* trailing spaces and bidi marks */
static size_t
trim_end(const char *s, size_t b, size_t e)
{
	while (e > b) {
		size_t p = e - 1, l;
		while (p > b && ((unsigned char)s[p] & 0xC0) == 0x80)
			p--;
		if (!is_space_at(s, p, e, &l))
			break;
		e = p;
	}
	return e;
}

static size_t cutpos;
static size_t scan_left;                /* bytes the stars of one match may scan */

/* The literals unanchored rules need, each looked for at most once a line:
 * first a memchr for a rare byte of it, then memmem. */
struct lit { const char *s; size_t n, goff; unsigned long gen; long pos; };
static struct lit *lits;
static int nlits;
static unsigned long lgen;              /* bumped for every input line */
static const char *lc_s;
static size_t lc_b, lc_e;               /* the region the cache is for */

/* memmem, by memchr for the byte of the needle at goff (a rare one) */
static const char *
tfind(const char *h, size_t hn, const char *s, size_t n, size_t goff)
{
	if (hn < n)
		return NULL;
	const char *p = h + goff, *end = h + (hn - n) + goff + 1;
	unsigned char g = (unsigned char)s[goff];

	while (p < end && (p = memchr(p, g, (size_t)(end - p)))) {
		const char *c = p - goff;
		if (c[0] == s[0] && c[n - 1] == s[n - 1] && !memcmp(c, s, n))
			return c;
		p++;
	}
	return NULL;
}

static long
lit_find(int id, const char *s, size_t b, size_t e)
{
	struct lit *l = &lits[id];

	if (l->gen != lgen) {
		const char *f = tfind(s + b, e - b, l->s, l->n, l->goff);
		l->gen = lgen;
		l->pos = f ? (long)(f - s) : -1;
	}
	return l->pos;
}

/* Offset of a rare byte in s[0..n): ASCII, else the last byte of the
 * rarest Arabic letter; *rank says how rare (lower is rarer). */
static size_t
rare_byte_rank(const char *s, size_t n, int *rank)
{
	/* Arabic letters from rare to common, as counted in scraped news */
	static const char order[] = "آؤظغءئثذزضىإخصطشجحكأقسهفةدعبترنوميلا";
	size_t best = (size_t)-1, g = n - 1;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && c != ' ' && c != '.' && c != ',') {
			*rank = -1;
			return i;
		}
	}
	for (size_t i = 0; i + 1 < n; i++) {
		const char *o = memmem(order, sizeof order - 1, s + i, 2);
		if (o && ((unsigned char)s[i] & 0xC0) == 0xC0 && (size_t)(o - order) < best) {
			best = (size_t)(o - order);
			g = i + 1;
		}
	}
	*rank = best == (size_t)-1 ? 1000 : (int)best;
	return g;
}

static size_t
rare_byte(const char *s, size_t n)
{
	int r;
	return rare_byte_rank(s, n, &r);
}

static int
seq(const struct rule *r, int ti, const char *s, size_t p, size_t e,
    size_t *end, int *budget)
{
	for (; ti < r->nt; ti++) {
		const struct tok *t = &r->t[ti];
		size_t q;

		if (ti == r->cut)
			cutpos = p;
		switch (t->type) {
		case T_LIT:
			if (e - p < t->n || memcmp(s + p, t->s, t->n))
				return 0;
			p += t->n;
			break;
		case T_DIGITS:
			if ((q = skip_digits(s, p, e)) == p)
				return 0;
			p = q;
			break;
		case T_SPACE:
			if ((q = skip_space(s, p, e)) == p)
				return 0;
			p = q;
			break;
		case T_STAR:
			if (ti + 1 == r->nt) {
				if (r->eol)
					p = e;
				break;
			}
			for (q = p; q <= e; ) {
				const struct tok *nx = &r->t[ti + 1];
				if (--*budget < 0)
					return 0;
				if (nx->type == T_LIT) {
					const char *f = tfind(s + q, e - q, nx->s, nx->n, nx->goff);
					size_t used = f ? (size_t)(f - s) - q + nx->n : e - q;
					/* stars backtrack: bound the bytes scanned per line */
					if (used > scan_left)
						return 0;
					scan_left -= used;
					if (!f)
						return 0;
					q = (size_t)(f - s);
				}
				if (seq(r, ti + 1, s, q, e, end, budget))
					return 1;
				if (q == e)
					break;
				q += ar_u8len((unsigned char)s[q]);
			}
			return 0;
		}
	}
	if (r->eol && p != e)
		return 0;
	if (ti == r->cut)
		cutpos = p;
	*end = p;
	return 1;
}

/* Find rule r in s[b..e) (already trimmed); match is [*ms, *me). */
static int
rmatch(const struct rule *r, const char *s, size_t b, size_t e, size_t *ms, size_t *me)
{
	int budget = 256;

	scan_left = 8 * (e - b) + 65536;
	if (r->bol) {
		if (!seq(r, 0, s, b, e, me, &budget))
			return 0;
		*ms = r->cut ? cutpos : b;
		return 1;
	}
	if (r->eol && r->nt == 1 && r->t[0].type == T_LIT) {
		size_t n = r->t[0].n;
		if (e - b < n || memcmp(s + e - n, r->t[0].s, n))
			return 0;
		*ms = e - n;
		*me = e;
		return 1;
	}
	size_t q = b;
	if (r->req >= 0 && s == lc_s && b == lc_b && e == lc_e) {
		long at = lit_find(r->req, s, b, e);
		if (at < 0)
			return 0;
		if (r->t[0].type == T_LIT && r->t[0].s == lits[r->req].s)
			q = (size_t)at;
	}
	for (; q < e; ) {
		if (r->t[0].type == T_LIT) {
			const char *f = tfind(s + q, e - q, r->t[0].s, r->t[0].n, r->t[0].goff);
			if (!f)
				return 0;
			q = (size_t)(f - s);
		}
		if (seq(r, 0, s, q, e, me, &budget)) {
			*ms = r->cut ? cutpos : q;
			return 1;
		}
		if (--budget < 0)
			return 0;
		q += ar_u8len((unsigned char)s[q]);
	}
	return 0;
}

static const char *rules_file;

static int
add_rule(char *line, size_t n, unsigned long lineno, void *ctx)
{
	char *f[3];
	int nf = 0;
	struct rule r = { 0 };
	(void)ctx;

	f[nf++] = line;
	for (size_t i = 0; i < n && nf < 3; i++)
		if (line[i] == '\t') {
			line[i] = 0;
			f[nf++] = line + i + 1;
		}
	if (nf < 3 || !*f[0] || !*f[2] || strchr(f[2], '\t'))
		ar_die("%s:%lu: want PATTERN<TAB>ACTION<TAB>NAME", rules_file, lineno);
	for (r.act = 0; actnames[r.act] && strcmp(actnames[r.act], f[1]); r.act++)
		;
	if (!actnames[r.act])
		ar_die("%s:%lu: unknown action '%s' (drop-line, drop-rest, drop-span, "
		    "keep-line, pub-date, start-page)", rules_file, lineno, f[1]);
	r.pat = strdup(f[0]);
	r.name = strdup(f[2]);
	if (!r.pat || !r.name)
		ar_die("out of memory");

	/* compile */
	char *p = f[0];
	size_t plen = strlen(p);
	if (*p == '<' && r.act == A_DROP_SPAN)
		r.back = 1, p++, plen--;
	if (*p == '^')
		r.bol = 1, p++, plen--;
	if (plen && p[plen - 1] == '$' && (plen < 2 || p[plen - 2] != '\\'))
		r.eol = 1, p[--plen] = 0;
	r.t = ar_alloc(sizeof *r.t * (plen + 1));
	struct ar_buf lit = { 0 };
	for (size_t i = 0; i <= plen; i++) {
		int c = i < plen ? (unsigned char)p[i] : -1;
		int special = c == '*' || c == '#' || c == ' ' || c == -1
		    || (c == '|' && r.act == A_DROP_SPAN);
		if (c == '\\' && i + 1 < plen) {
			ar_buf_addc(&lit, p[++i]);
			continue;
		}
		if (!special) {
			ar_buf_addc(&lit, c);
			continue;
		}
		if (lit.len) {
			struct tok *t = &r.t[r.nt++];
			t->type = T_LIT;
			t->s = ar_alloc(lit.len);
			memcpy(t->s, lit.s, lit.len);
			t->n = lit.len;
			t->goff = rare_byte(t->s, t->n);
			lit.len = 0;
		}
		if (c == -1)
			break;
		if (c == '|') {
			r.cut = r.nt;
			continue;
		}
		if (c == ' ')
			while (i + 1 < plen && p[i + 1] == ' ')
				i++;
		if (c == '*' && r.nt && r.t[r.nt - 1].type == T_STAR)
			continue;
		if (c == '#' && r.nt && r.t[r.nt - 1].type == T_DIGITS)
			continue;
		r.t[r.nt++].type = c == '*' ? T_STAR : c == '#' ? T_DIGITS : T_SPACE;
	}
	ar_buf_free(&lit);
	if (r.nt == 0)
		ar_die("%s:%lu: empty pattern", rules_file, lineno);
	if (nrules == caprules) {
		caprules = caprules ? 2 * caprules : 128;
		rules = ar_realloc(rules, sizeof *rules * (size_t)caprules);
	}
	r.idx = nrules;
	rules[nrules++] = r;
	return 0;
}

static void
load_rules(const char *name, const char *text, size_t len)
{
	rules_file = name;
	ar_each_line(text, len, add_rule, NULL);
}

static void
index_rules(void)
{
	lits = ar_alloc(sizeof *lits * (size_t)(nrules + 1));
	for (int i = 0; i < nrules; i++) {
		struct rule *r = &rules[i];
		int best = -1, j;
		r->req = -1;
		if (r->bol)
			continue;
		int bestrank = 1 << 20, rk;
		for (j = 0; j < r->nt; j++) {
			if (r->t[j].type != T_LIT)
				continue;
			rare_byte_rank(r->t[j].s, r->t[j].n, &rk);
			if (best < 0 || rk < bestrank || (rk == bestrank && r->t[j].n > r->t[best].n))
				best = j, bestrank = rk;
		}
		if (best < 0)
			continue;
		for (j = 0; j < nlits; j++)
			if (lits[j].n == r->t[best].n && !memcmp(lits[j].s, r->t[best].s, lits[j].n))
				break;
		if (j == nlits) {
			lits[j].s = r->t[best].s;
			lits[j].n = r->t[best].n;
			lits[j].goff = rare_byte(lits[j].s, lits[j].n);
			lits[j].gen = 0;
			nlits++;
		}
		/* share the bytes, so rmatch can tell the first token is it */
		if (r->t[best].s != lits[j].s)
			free(r->t[best].s);
		r->t[best].s = (char *)lits[j].s;
		r->req = j;
	}
	memset(bucket, -1, sizeof bucket);
	other = ar_alloc(sizeof *other * (size_t)(nrules + 1));
	spans = ar_alloc(sizeof *spans * (size_t)(nrules + 1));
	for (int i = nrules - 1; i >= 0; i--) {
		struct rule *r = &rules[i];
		if (r->act == A_DROP_SPAN)
			continue;
		if (r->bol && r->t[0].type == T_LIT && r->t[0].n >= 2) {
			unsigned k = (unsigned char)r->t[0].s[0] << 8 | (unsigned char)r->t[0].s[1];
			r->next = bucket[k];
			bucket[k] = i;
		}
	}
	for (int i = 0; i < nrules; i++) {
		struct rule *r = &rules[i];
		if (r->act == A_DROP_SPAN) {
			if (!r->kept)
				spans[nspans++] = i;
		} else if (!(r->bol && r->t[0].type == T_LIT && r->t[0].n >= 2)) {
			other[nother++] = i;
		}
	}
}

/* first line rule (not span) that matches, or -1 */
static int
find_rule(const char *s, size_t b, size_t e)
{
	int best = -1;
	size_t ms, me;

	if (e - b >= 2) {
		unsigned k = (unsigned char)s[b] << 8 | (unsigned char)s[b + 1];
		for (int i = bucket[k]; i >= 0; i = rules[i].next)
			if (rmatch(&rules[i], s, b, e, &ms, &me)) {
				best = i;
				break;
			}
	}
	for (int j = 0; j < nother; j++) {
		int i = other[j];
		if (best >= 0 && i > best)
			break;
		if (rmatch(&rules[i], s, b, e, &ms, &me)) {
			best = i;
			break;
		}
	}
	return best;
}

static int explain;

/* ---- stop words ---- */
#define SW_SLOTS 1024
static struct { const char *s; unsigned char n; } swtab[SW_SLOTS];
static unsigned char swbloom[8192];     /* length, second and last byte */

static unsigned
swkey(const char *s, size_t n)
{
	return (unsigned)(n & 15) << 12 | ((unsigned char)s[1] & 0x3F) << 6
	    | ((unsigned char)s[n - 1] & 0x3F);
}


static int
add_stop(char *line, size_t n, unsigned long lineno, void *ctx)
{
	(void)lineno, (void)ctx;
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	if (n == 0 || n > 32)
		return 0;
	if (n >= 2) {
		unsigned k = swkey(line, n);
		swbloom[k >> 3] |= (unsigned char)(1u << (k & 7));
	}
	uint32_t h = ar_hash(line, n) & (SW_SLOTS - 1);
	for (int tries = 0; tries < SW_SLOTS; tries++, h = (h + 1) & (SW_SLOTS - 1)) {
		if (!swtab[h].s) {
			char *c = ar_alloc(n);
			memcpy(c, line, n);
			swtab[h].s = c;
			swtab[h].n = (unsigned char)n;
			return 0;
		}
		if (swtab[h].n == n && !memcmp(swtab[h].s, line, n))
			return 0;
	}
	return 0;
}

static int
is_stop(const char *s, size_t n)
{
	if (n < 2 || n > 32)
		return 0;
	unsigned k = swkey(s, n);
	if (!(swbloom[k >> 3] & (1u << (k & 7))))
		return 0;
	uint32_t h = ar_hash(s, n) & (SW_SLOTS - 1);
	for (; swtab[h].s; h = (h + 1) & (SW_SLOTS - 1))
		if (swtab[h].n == n && !memcmp(swtab[h].s, s, n))
			return 1;
	return 0;
}

/* ---- line features and classes ---- */
enum { C_BLANK, C_GOOD, C_BAD, C_SHORT, C_NEAR, C_HEAD, C_RULE };
enum { X_NONE, X_GOOD, X_BAD };        /* context classes */
static const char *const clsname[] = { "blank", "good", "bad", "short", "near", "headline", "rule" };

struct feat {
	unsigned cps, ar, lat, dig, words, sw, links;
	int term, waw, comma, paren;
	unsigned seps;          /* | and bullets between items */
};

static void
features(const char *s, size_t b, size_t e, struct feat *f)
{
	size_t i = b, ws = 0;
	int inw = 0;
	int32_t cp, last = 0, prev = 0;

	memset(f, 0, sizeof *f);
	while (i < e) {
		unsigned char c = (unsigned char)s[i];
		int word;
		size_t l;

		if (c < 0x80) {
			l = 1;
			cp = c;
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
				f->lat++;
				word = 1;
			} else if (c >= '0' && c <= '9') {
				f->dig++;
				word = 1;
			} else {
				word = 0;
				if (c == '@' || c == '#')
					f->links++;
				else if (c == '/' && i >= 1 && s[i - 1] == ':' && i + 1 < e && s[i + 1] == '/')
					f->links++;
				else if (c == ',')
					f->comma = 1;
				else if (c == '(' || c == ')')
					f->paren = 1;
				else if (c == '|')
					f->seps++;
			}
		} else {
			l = ar_u8len(c);
			if (i + l > e)
				break;
			ar_u8dec(s + i, &cp);
			switch (ar_cclass(cp)) {
			case AR_C_LETTER:
				if (ar_is_arabic(cp))
					f->ar++;
				else if (cp < 0x250)
					f->lat++;
				else
					f->ar++;        /* other scripts count as prose */
				word = 1;
				break;
			case AR_C_MARK:
			case AR_C_FORMAT:
				word = inw;
				if (ar_cclass(cp) == AR_C_FORMAT) {
					f->cps--;
					word = inw;
				}
				break;
			case AR_C_DIGIT:
				f->dig++;
				word = 1;
				break;
			default:
				if (cp == 0x060C)
					f->comma = 1;
				else if (cp == 0x2022 || cp == 0x00B7)
					f->seps++;
				word = cp == 0x0640 ? inw : 0;
			}
		}
		if (word && !inw) {
			ws = i;
			inw = 1;
		} else if (!word && inw) {
			f->words++;
			f->sw += is_stop(s + ws, i - ws);
			inw = 0;
		}
		if (!(c == ' ' || c == '\t')) {
			prev = last;
			last = cp;
		}
		if (f->words == 0 && inw && i == ws && (cp == 0x0648 || cp == 0x0641))
			f->waw = 1;
		f->cps++;
		i += l;
	}
	if (inw) {
		f->words++;
		f->sw += is_stop(s + ws, e - ws);
	}
	switch (last) {
	case '.': case '!': case '?': case 0x061F: case 0x2026: case ':': case 0x061B:
		f->term = 1;
		break;
	case '"': case 0x00BB: case 0x201D: case ')':
		f->term = prev == '.' || prev == '!' || prev == '?' || prev == 0x061F;
		break;
	}
}

static int
classify(const struct feat *f, char *why, size_t whyn)
{
	unsigned letters = f->ar + f->lat;
	double d = f->words ? (double)f->sw / f->words : 0;
	int c;

	if (letters + f->dig == 0)
		c = C_BLANK;
	else if (f->links && (f->words <= 4 || f->lat > f->ar))
		c = C_BAD;
	else if (f->lat > 2 * f->ar && f->lat >= 12)
		c = C_BAD;
	else if (f->seps >= 2 && f->words <= 4 * (f->seps + 1))
		c = C_BAD;              /* items: a | b | c, • a • b */
	else if (f->cps < 40 || f->words < 6)
		c = C_SHORT;
	else if ((f->cps >= 100 && d >= 0.10) || (f->cps >= 50 && d >= 0.15 && f->term))
		c = C_GOOD;
	else if (f->cps >= 160 && d < 0.04 && !f->term && !f->comma)
		c = C_BAD;
	else if (!f->term && !f->waw && !f->comma && !f->paren && f->cps <= 160)
		c = C_HEAD;
	else
		c = C_NEAR;
	if (!explain)
		return c;
	snprintf(why, whyn, "stat:%s len=%u sw=%.2f%s%s", clsname[c], f->cps, d,
	    f->links ? " links" : "", f->lat > f->ar ? " latin" : "");
	return c;
}

/* ---- the queue of lines waiting for their neighbours ---- */
enum { F_PEND, F_K, F_D, F_S };
struct ent {
	struct ar_buf text;     /* the input line */
	struct ar_buf out;      /* the line after span removal (F_S) */
	unsigned long lineno, nb;   /* line in document; index among nonblank lines */
	int cls, fin, rule, words;
	int tiny;               /* a short line of at most 3 words, no punctuation */
	unsigned long run, runlen, runsw;  /* its run of tiny lines; lines with stop words */
	int hassw;
	int pcls, ncls;
	unsigned long pnb;      /* nb of the previous context line */
	unsigned long nnb;
	int body;               /* the page had a good line before this one */
	int newpage, source, titlecand, datelike, spanned;
	char why[96];
};
#define QMAX 64
#define QBYTES (16u << 20)      /* and at most this many bytes, but one line */
static struct ent q[QMAX];
static size_t qbytes;
static int qh, qn;

/* page state at arrival */
static struct {
	int rest, restrule;
	int body;
	int pcls;
	unsigned long pnb, nb;
	unsigned long npage;    /* page number within the document */
	unsigned long pagenb;   /* nonblank lines before the current page */
	unsigned long run, runlen, runsw;       /* the current run of tiny lines */
	struct ar_buf title;
	int has_title;
} st;

/* page state at emission */
static struct {
	unsigned long doc;      /* pages so far, over all input */
	struct ar_buf name, title, date, source, attr, body;
	int has_title, has_date, nbody;
	unsigned long dropped;
	int open;
} pg;

static int headers_on;
static const char *keep_list;
static int keep_blank, keep_dup, keep_head, keep_stat;

static struct ent *
qat(int i)
{
	return &q[(qh + i) % QMAX];
}

static void
decide(struct ent *x)
{
	if (x->fin != F_PEND)
		return;
	int p = x->pcls, n = x->ncls;
	unsigned long pd = x->nb - x->pnb, nd = x->nnb - x->nb;
	const char *how;
	int keep;

	if (x->tiny && x->run == st.run)       /* its run is still going */
		x->runlen = st.runlen, x->runsw = st.runsw;
	if (x->tiny && x->runlen >= 3 && x->runsw * 3 <= x->runlen) {
		keep = keep_stat;
		how = "in a block of menu items";
	} else if (x->cls == C_HEAD && x->body && p == X_GOOD && n == X_GOOD) {
		keep = keep_head || keep_stat;
		how = "headline between paragraphs";
	} else if (p == X_GOOD && n == X_GOOD) {
		keep = 1, how = "between good lines";
	} else if (n == X_GOOD && nd <= (x->cls == C_NEAR ? 6u : 4u)) {
		keep = 1, how = "leads into good lines";
	} else if (p == X_GOOD && pd <= (x->cls == C_NEAR ? 4u : 2u)) {
		keep = 1, how = "follows good lines";
	} else if (p == X_NONE && n == X_NONE) {
		keep = 1, how = "no context";
	} else if (x->words >= 3 && !((p == X_BAD || p == X_NONE) && pd <= 2
	    && (n == X_BAD || n == X_NONE) && nd <= 2)) {
		keep = 1, how = "text, not inside a block of chrome";
	} else {
		keep = keep_stat;
		how = p == X_BAD && n == X_BAD ? "between bad lines" : "far from good lines";
	}
	if (explain) {
		size_t l = strlen(x->why);
		snprintf(x->why + l, sizeof x->why - l, "; %s", how);
	}
	x->fin = keep ? (x->spanned ? F_S : F_K) : F_D;
}

static void page_end(void);
static void page_begin(void);

static void
emit(struct ent *x)
{
	const char *s;
	size_t n;
	int k = x->fin == F_K || x->fin == F_S;

	if (x->newpage) {
		page_end();
		st.npage++;
		page_begin();
	}
	if (x->source && x->text.len) {
		size_t b = skip_space(x->text.s, 0, x->text.len);
		size_t e = trim_end(x->text.s, b, x->text.len);
		if (e > b && x->text.s[e - 1] == ':')
			e--;
		pg.source.len = 0;
		badd(&pg.source, x->text.s + b, e - b);
	}
	s = x->fin == F_S ? x->out.s : x->text.s;
	n = x->fin == F_S ? x->out.len : x->text.len;
	if (!s)
		s = "", n = 0;
	if (explain) {
		ar_out_tsv_str(pg.name.s ? pg.name.s : "", pg.name.len);
		ar_out_printf("\t%lu\t%c\t", x->lineno,
		    x->fin == F_K ? 'K' : x->fin == F_S ? 'S' : 'D');
		if (x->rule >= 0) {
			ar_out_str(rules[x->rule].name);
			if (x->why[0]) {
				ar_out_putc(' ');
				ar_out_str(x->why);
			}
		} else {
			ar_out_str(x->why);
		}
		ar_out_putc('\t');
		ar_out_tsv_str(x->text.s ? x->text.s : "", x->text.len);
		ar_out_eol();
		return;
	}
	if (!k) {
		pg.dropped++;
		return;
	}
	if (ar_opts.format == AR_FMT_JSON) {
		int r = x->rule >= 0 ? rules[x->rule].act : -1;
		if (!pg.has_title && x->titlecand) {
			badd(&pg.title, s, n);
			pg.has_title = 1;
		} else if (!pg.has_date && (r == A_PUB_DATE || (x->datelike && !pg.nbody))) {
			badd(&pg.date, s, n);
			pg.has_date = 1;
		} else if (r == A_KEEP_LINE && !strcmp(rules[x->rule].name, "attribution")) {
			if (pg.attr.len)
				badd(&pg.attr, " | ", 3);
			badd(&pg.attr, s, n);
		} else {
			/* length, then the bytes; written out at the page end */
			badd(&pg.body, &n, sizeof n);
			badd(&pg.body, s, n);
			pg.nbody++;
		}
		return;
	}
	ar_out_write(s, n);
	ar_out_eol();
}

static void
json_field(const char *key, const struct ar_buf *b, int present)
{
	ar_out_printf(",\"%s\":", key);
	if (present)
		ar_out_json_str(b->s ? b->s : "", b->len);
	else
		ar_out_str("null");
}

static void
page_begin(void)
{
	pg.doc++;
	pg.name.len = pg.title.len = pg.date.len = pg.source.len = pg.attr.len = 0;
	pg.body.len = 0;
	pg.has_title = pg.has_date = pg.nbody = 0;
	pg.dropped = 0;
	pg.open = 1;
	badd(&pg.name, ar_doc.name, ar_doc.namelen);
	if (st.npage > 1) {
		char num[32];
		int l = snprintf(num, sizeof num, "#%lu", st.npage);
		badd(&pg.name, num, (size_t)l);
		if (headers_on && !explain && ar_opts.format == AR_FMT_TEXT)
			ar_out_header(pg.name.s, pg.name.len);
	}
}

static void
page_end(void)
{
	if (!pg.open)
		return;
	pg.open = 0;
	if (ar_opts.format != AR_FMT_JSON || explain)
		return;
	ar_out_str("{\"name\":");
	ar_out_json_str(pg.name.s ? pg.name.s : "", pg.name.len);
	json_field("title", &pg.title, pg.has_title);
	json_field("date", &pg.date, pg.has_date);
	json_field("source", &pg.source, pg.source.len > 0);
	json_field("attribution", &pg.attr, pg.attr.len > 0);
	ar_out_str(",\"body\":[");
	for (size_t i = 0, k = 0; i < pg.body.len; k++) {
		size_t n;
		memcpy(&n, pg.body.s + i, sizeof n);
		i += sizeof n;
		if (k)
			ar_out_putc(',');
		ar_out_json_str(pg.body.s + i, n);
		i += n;
	}
	ar_out_printf("],\"dropped\":%lu}", pg.dropped);
	ar_out_eol();
}

/* Emit decided lines from the head, keeping the last nonblank line back (a
 * later line may still change it) unless flushing. */
static void
drain(int flush)
{
	while (qn > 0) {
		struct ent *x = qat(0);
		/* full: by count, or by bytes (a few huge lines) */
		int force = flush || qn >= QMAX || qbytes > QBYTES;
		if (x->fin == F_PEND) {
			if (!force)
				return;
			x->ncls = X_NONE;
			x->nnb = x->nb + 1000;
			decide(x);
		}
		if (!force && x->nb == st.nb && x->cls != C_BLANK)
			return;
		if (!force) {
			/* hold blanks after the last nonblank line too */
			int later = 0;
			for (int i = 1; i < qn; i++)
				if (qat(i)->cls != C_BLANK) {
					later = 1;
					break;
				}
			if (!later && x->cls == C_BLANK && qn > 1)
				return;
		}
		emit(x);
		qbytes -= x->text.len;
		if (x->text.cap > 1 << 20)
			ar_buf_free(&x->text);
		if (x->out.cap > 1 << 20)
			ar_buf_free(&x->out);
		qh = (qh + 1) % QMAX;
		qn--;
	}
}

/* a run of tiny lines ends: tell its lines how long it was */
static void
run_end(void)
{
	for (int i = 0; i < qn; i++) {
		struct ent *x = qat(i);
		if (x->tiny && x->run == st.run)
			x->runlen = st.runlen, x->runsw = st.runsw;
	}
	st.run++;
	st.runlen = st.runsw = 0;
}

/* resolve pending lines with the next context class c */
static void
resolve(int c)
{
	for (int i = 0; i < qn; i++) {
		struct ent *x = qat(i);
		if (x->fin == F_PEND) {
			x->ncls = c;
			x->nnb = st.nb;
			decide(x);
		}
	}
}

/* the last nonblank entry in the queue before the newest one, or NULL */
static struct ent *
prev_nonblank(void)
{
	for (int i = qn - 2; i >= 0; i--) {
		struct ent *x = qat(i);
		if (x->cls != C_BLANK)
			return x;
	}
	return NULL;
}

static void
new_page_state(void)
{
	st.rest = 0;
	st.body = 0;
	st.pcls = X_NONE;
	st.pnb = st.nb;
	st.has_title = 0;
}

/* A page starts at entry x (already queued). */
static void
split_at(struct ent *x)
{
	run_end();
	/* lines before x lose their next context */
	for (int i = 0; i < qn; i++) {
		struct ent *y = qat(i);
		if (y == x)
			break;
		if (y->fin == F_PEND) {
			y->ncls = X_NONE;
			y->nnb = y->nb + 1000;
			decide(y);
		}
	}
	x->newpage = 1;
	new_page_state();
}

/* Remove drop-span runs from s; 1 if anything went (the rest is in x->out). */
static int
spans_apply(struct ent *x, const char *s, size_t n)
{
	static struct ar_buf a, bb;
	const char *cur = s;
	size_t len = n;
	int changed = 0;

	for (int j = 0; j < nspans; j++) {
		const struct rule *r = &rules[spans[j]];
		for (int guard = 0; guard < 16; guard++) {
			size_t b = skip_space(cur, 0, len), e = trim_end(cur, b, len);
			size_t ms, me, from, to, l;
			if (!rmatch(r, cur, b, e, &ms, &me))
				break;
			from = ms, to = me;
			if (r->back) {
				/* a run of headlines: not when the marker ends a sentence */
				size_t p = skip_space(cur, me, e);
				if (p < e && (cur[p] == '.' || cur[p] == ',' || (p + 1 < e
				    && (unsigned char)cur[p] == 0xD8 && (unsigned char)cur[p + 1] == 0x8C)))
					break;
				size_t k = ms;
				while (k > b) {
					char c = cur[k - 1];
					if (c == '.' || c == '!' || c == '?' || (k >= b + 2
					    && (unsigned char)cur[k - 2] == 0xD8 && (unsigned char)c == 0x9F))
						break;
					k--;
				}
				from = skip_space(cur, k, ms);
				int count = 1;
				for (;;) {
					size_t ms2, me2, lim = to + 400 < e ? to + 400 : e;
					if (!rmatch(r, cur, to, lim, &ms2, &me2))
						break;
					if (memchr(cur + to, '.', ms2 - to))
						break;
					to = me2;
					count++;
				}
				if (count < 2 && skip_space(cur, to, e) != e)
					break;
			}
			if (to == from)
				break;
			/* cut [from, to) with the spaces after it */
			size_t rb = skip_space(cur, to, len);
			struct ar_buf *o = cur == a.s ? &bb : &a;
			o->len = 0;
			if (rb == len)          /* to the end: no trailing spaces */
				from = trim_end(cur, 0, from);
			badd(o, cur, from);
			if (from > 0 && rb < len && !is_space_at(cur, from - 1, len, &l))
				ar_buf_addc(o, ' ');
			badd(o, cur + rb, len - rb);
			cur = o->s ? o->s : "";
			len = o->len;
			changed = 1;
			x->rule = spans[j];
		}
	}
	if (changed) {
		x->out.len = 0;
		badd(&x->out, cur, len);
	}
	return changed;
}

static int
has_alnum(const char *s, size_t n)
{
	int32_t cp;

	for (size_t i = 0; i < n; ) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9'))
				return 1;
			i++;
			continue;
		}
		if (i + ar_u8len(c) > n)
			break;
		i += ar_u8dec(s + i, &cp);
		int k = ar_cclass(cp);
		if (k == AR_C_LETTER || k == AR_C_DIGIT)
			return 1;
	}
	return 0;
}

/* the context class a decided line gives its neighbours */
static void
settle(struct ent *x, int xc)
{
	run_end();
	resolve(xc);
	st.pcls = xc;
	st.pnb = x->nb;
	if (xc == X_GOOD && x->cls == C_GOOD)
		st.body = 1;
}

static int
strip_line(const char *s, size_t n, void *ctx)
{
	struct ent *x;
	int ri, act = -1;
	struct feat f;
	(void)ctx;

	if (qn == QMAX)
		drain(0);
	x = qat(qn++);
	x->text.len = 0;
	badd(&x->text, s, n);
	qbytes += n;
	x->out.len = 0;
	x->lineno = ar_doc.line;
	x->fin = F_PEND;
	x->rule = -1;
	x->cls = C_RULE;
	x->newpage = x->source = x->titlecand = x->datelike = x->spanned = 0;
	x->tiny = 0;
	x->runlen = 0;
	x->pcls = x->ncls = X_NONE;
	x->why[0] = 0;

	size_t b = skip_space(s, 0, n), e = trim_end(s, b, n);
	lgen++;
	lc_s = s, lc_b = b, lc_e = e;
	ri = find_rule(s, b, e);
	if (ri >= 0)
		act = rules[ri].act;

	/* page starts; they may reach back to the line before */
	if (act == A_START_PAGE || (act == A_PUB_DATE && st.rest)) {
		struct ent *pv = prev_nonblank(), *at = x;
		if (act == A_START_PAGE && pv && pv->nb == st.nb) {
			size_t pe = trim_end(pv->text.s, 0, pv->text.len);
			if (pe && pe < 300 && pv->text.s[pe - 1] == ':') {
				pv->fin = rules[ri].kept ? F_K : F_D;
				pv->rule = ri;
				pv->source = 1;
				pv->titlecand = 0;
				snprintf(pv->why, sizeof pv->why, "(the source name before it)");
				at = pv;
			}
		}
		if (act == A_PUB_DATE && pv && pv->nb == st.nb && pv->fin == F_D) {
			pv->fin = F_K;
			pv->titlecand = 1;
			snprintf(pv->why, sizeof pv->why, "(title: before the publication line)");
			at = pv;
		}
		int before = at == x ? st.nb > 0 : at->nb > 1 && at->nb - 1 > st.pagenb;
		if (before)
			split_at(at);
		else
			new_page_state();
		st.pagenb = at == x ? st.nb : at->nb - 1;
		if (at == pv && pv->titlecand) {
			st.has_title = 1;
			st.title.len = 0;
			badd(&st.title, pv->text.s, pv->text.len);
		}
	}

	if (st.rest && act != A_PUB_DATE && act != A_START_PAGE) {
		/* a dropped section runs to the end of the page */
		x->fin = F_D;
		x->rule = st.restrule;
		snprintf(x->why, sizeof x->why, "(rest of the page)");
		if (has_alnum(s + b, e - b))
			x->nb = ++st.nb;
		else
			x->cls = C_BLANK, x->nb = st.nb;
		drain(0);
		return 0;
	}

	if (ri >= 0 && act != A_DROP_SPAN && !(act == A_DROP_REST && e - b >= 300)) {
		const struct rule *r = &rules[ri];
		int xc = X_BAD;
		x->rule = ri;
		x->nb = ++st.nb;
		if (act == A_KEEP_LINE || act == A_PUB_DATE) {
			x->fin = F_K;
			xc = X_GOOD;
			if (act == A_PUB_DATE)
				x->datelike = 1;
		} else {
			x->fin = r->kept ? F_K : F_D;
			if (act == A_DROP_REST && !r->kept) {
				st.rest = 1;
				st.restrule = ri;
			}
		}
		settle(x, xc);
		drain(0);
		return 0;
	}

	/* the statistical layer, on what the spans leave */
	const char *ts = s;
	size_t tn = n;
	if (nspans && spans_apply(x, s, n)) {
		ts = x->out.s ? x->out.s : "";
		tn = x->out.len;
		x->spanned = 1;
	}
	size_t tb = skip_space(ts, 0, tn), te = trim_end(ts, tb, tn);
	features(ts, tb, te, &f);
	x->cls = classify(&f, x->why, sizeof x->why);
	x->words = (int)f.words;
	x->tiny = x->cls == C_SHORT && f.words <= 3 && !f.term && !x->spanned;

	if (x->cls == C_BLANK) {
		run_end();      /* menu items stand on adjacent lines */
		x->fin = keep_blank && !x->spanned ? F_K : F_D;
		x->nb = st.nb;
		drain(0);
		return 0;
	}
	x->nb = ++st.nb;
	x->datelike = f.dig >= 4 && f.cps < 80;

	/* the title again, after the publication line */
	if (st.has_title && x->cls != C_GOOD && st.title.len == n && !memcmp(st.title.s, s, n)) {
		x->fin = keep_dup ? F_K : F_D;
		snprintf(x->why, sizeof x->why, "dup: the title again");
		drain(0);
		return 0;
	}
	if (!st.has_title && x->cls != C_BAD && !x->datelike && f.words >= 3) {
		x->titlecand = 1;
		st.has_title = 1;
		st.title.len = 0;
		badd(&st.title, s, n);
	}
	if (x->cls == C_GOOD || x->cls == C_BAD) {
		int xc = x->cls == C_GOOD ? X_GOOD : X_BAD;
		x->fin = xc == X_GOOD || keep_stat ? (x->spanned ? F_S : F_K) : F_D;
		settle(x, xc);
	} else {
		x->pcls = st.pcls;
		x->pnb = st.pnb;
		x->body = st.body;
		if (x->tiny) {
			x->run = st.run;
			st.runlen++;
			st.runsw += f.sw > 0;
		} else {
			run_end();
		}
	}
	drain(0);
	return 0;
}

static int
doc_begin(void *ctx)
{
	(void)ctx;
	st.npage = 1;
	st.nb = 0;
	st.pagenb = 0;
	new_page_state();
	page_begin();
	return 0;
}

static int
doc_end(void *ctx)
{
	(void)ctx;
	run_end();
	for (int i = 0; i < qn; i++) {
		struct ent *x = qat(i);
		if (x->fin == F_PEND) {
			x->ncls = X_NONE;
			x->nnb = x->nb + 1000;
			decide(x);
		}
	}
	drain(1);
	page_end();
	return 0;
}

static void
apply_keep(const char *list)
{
	char *l = strdup(list), *tok, *save = NULL;

	if (!l)
		ar_die("out of memory");
	for (tok = strtok_r(l, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		int found = 0;
		if (!strcmp(tok, "blank"))
			keep_blank = found = 1;
		else if (!strcmp(tok, "dup"))
			keep_dup = found = 1;
		else if (!strcmp(tok, "headline"))
			keep_head = found = 1;
		else if (!strcmp(tok, "stat"))
			keep_stat = found = 1;
		for (int i = 0; i < nrules; i++)
			if (!strcmp(rules[i].name, tok))
				rules[i].kept = found = 1;
		if (!found) {
			ar_warn("unknown kind '%s' for --keep (rule names from --list-rules, "
			    "or blank, dup, headline, stat)", tok);
			ar_usage();
		}
	}
	free(l);
}

static const struct option longopts[] = {
	{ "explain",    no_argument,       NULL, 'e' },
	{ "keep",       required_argument, NULL, 'k' },
	{ "rules",      required_argument, NULL, 'r' },
	{ "list-rules", no_argument,       NULL, 'l' },
	AR_COMMON_LONGOPTS,
	AR_FORMAT_LONGOPTS,
	{ NULL, 0, NULL, 0 }
};

int
main(int argc, char *argv[])
{
	const char *user[64];
	int c, nuser = 0, list = 0;
	size_t len;
	const char *text;

	ar_init(argv[0], usage, help);
	while ((c = getopt_long(argc, argv, "ek:r:l" AR_COMMON_SHORTOPTS,
	    longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			explain = 1;
			break;
		case 'k':
			keep_list = optarg;
			break;
		case 'r':
			if (nuser == 64)
				ar_die("too many --rules files");
			user[nuser++] = optarg;
			break;
		case 'l':
			list = 1;
			break;
		default:
			if (!ar_common_opt(c, optarg))
				ar_usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (ar_opts.format == AR_FMT_TSV)
		explain = 1;

	for (c = 0; c < nuser; c++) {
		char *t = ar_slurp(user[c], &len);
		load_rules(user[c], t, len);
		free(t);
	}
	text = ar_data("nav-rules.tsv", &len);
	load_rules("nav-rules.tsv", text, len);
	text = ar_data("stopwords.txt", &len);
	ar_each_line(text, len, add_stop, NULL);
	if (keep_list)
		apply_keep(keep_list);
	index_rules();

	if (list) {
		for (int i = 0; i < nrules; i++)
			ar_out_printf("%s\t%s\t%s%s\n", rules[i].pat, actnames[rules[i].act],
			    rules[i].name, rules[i].kept ? "\tkept" : "");
		return ar_out_close();
	}
	headers_on = ar_opts.headers < 0 ? argc > 0 : ar_opts.headers;
	if (ar_opts.format == AR_FMT_TSV)
		ar_out_str("doc\tline\taction\trule\ttext\n");

	struct ar_loop lp = {
		.line = strip_line, .begin = doc_begin, .end = doc_end,
		.echo_headers = !explain && ar_opts.format == AR_FMT_TEXT,
	};
	return ar_loop_run(&lp, argc, argv);
}
