/* nav.c: the page classifier (ar-strip-nav's engine).
 *
 * Two layers. (1) Rules from share/ar-tools/nav-rules.tsv and the files
 * given to ar_nav_rules: a pattern and an action (drop the line, drop the
 * rest of the page, drop a span inside the line, keep the line, start a new
 * page). (2) For lines no rule decides, a jusText-like classifier: length,
 * share of stop words, sentence punctuation, link and Latin density give a
 * class (good, bad, short, near-good, headline-like); short lines then take
 * their fate from the nearest good or bad lines around them (the context
 * rules). Lines wait in a bounded queue until their neighbours are known,
 * so memory stays constant; they leave it in order through the callback.
 *
 * What happens to an arriving line is a table of steps (line_steps), and
 * what the context makes of an open class another (context_rules): a new
 * layer is a new entry, and names its reason in AR_NAV_REASONS. */
#define _GNU_SOURCE             /* memmem (POSIX 2024; glibc, musl, BSDs) */
#include "arlib.h"

#include <stdlib.h>

#define X_NAME(id, name) name,
static const char *const action_names[] = { AR_NAV_ACTIONS(X_NAME) NULL };
static const char *const class_names[] = { AR_NAV_CLASSES(X_NAME) NULL };
static const char *const reason_texts[] = { AR_NAV_REASONS(X_NAME) NULL };
static const char *const role_names[] = { AR_NAV_ROLES(X_NAME) NULL };
#undef X_NAME

const char *
ar_nav_action_name(int a)
{
	return a >= 0 && a < AR_NAV_A_COUNT ? action_names[a] : NULL;
}

const char *
ar_nav_class_name(int c)
{
	return c >= 0 && c < AR_NAV_C_COUNT ? class_names[c] : "";
}

const char *
ar_nav_reason_text(int r)
{
	return r >= 0 && r < AR_NAV_R_COUNT ? reason_texts[r] : "";
}

const char *
ar_nav_role_name(int r)
{
	return r >= 0 && r < AR_NAV_ROLE_COUNT ? role_names[r] : "";
}

/* ar_buf_add that never hands memcpy a null pointer (empty lines) */
static void
badd(struct ar_buf *b, const void *p, size_t n)
{
	if (b->cap == 0)
		ar_buf_grow(b, 64);
	if (n)
		ar_buf_add(b, p, n);
}

/* ---- the state ---- */
enum { T_LIT, T_STAR, T_DIGITS, T_SPACE };      /* pattern tokens */
struct tok { int type; char *s; size_t n, goff; };
struct rule {
	struct tok *t;
	int nt, bol, eol, back, act, kept;
	int cut;                /* drop-span: the span starts at this token */
	int req, reqtok;        /* the literal a match needs (index in lits) and
	                           the token that is it, or -1 */
	int attribution;        /* named "attribution": a role of its own */
	char *name, *pat;
	int next;               /* next rule in the same first-bytes bucket */
};

/* The literals unanchored rules need, each looked for at most once a line:
 * first a memchr for a rare byte of it, then memmem. */
struct lit { const char *s; size_t n, goff; unsigned long gen; long pos; };

#define SW_SLOTS 1024
struct stopwords {
	struct { const char *s; unsigned char n; } tab[SW_SLOTS];
	unsigned char bloom[8192];      /* length, second and last byte */
};

enum { X_NONE, X_GOOD, X_BAD };        /* context classes */
enum { F_PEND, F_K, F_D, F_S };        /* a line's fate: pending, K, D, S */

/* a line in the queue, waiting for its neighbours */
struct ent {
	struct ar_buf text;     /* the input line */
	struct ar_buf out;      /* the line after span removal (F_S) */
	struct ar_buf cut;      /* the runs the spans removed, each + '\n' */
	unsigned long lineno, nb;   /* line in document; index among nonblank lines */
	int cls, fin, rule, words;
	int tiny;               /* a short line of at most 3 words, no punctuation */
	unsigned long run, runlen, runsw;  /* its run of tiny lines; lines with stop words */
	int pcls, ncls;
	unsigned long pnb;      /* nb of the previous context line */
	unsigned long nnb;
	int body;               /* the page had a good line before this one */
	int newpage, source, titlecand, datelike, spanned;
	int reason, context;    /* AR_NAV_R_*: what decided, the context rule */
	unsigned cps, sw, nwords;   /* the features the class came from */
	int links, latin;
};
#define QMAX 64
#define QBYTES (16u << 20)      /* and at most this many bytes, but one line */

/* page state as lines arrive */
struct arrival {
	int rest, restrule;     /* a drop-rest section runs, from this rule */
	int body;
	int pcls;
	unsigned long pnb, nb;
	unsigned long pagenb;   /* nonblank lines before the current page */
	unsigned long run, runlen, runsw;       /* the current run of tiny lines */
	struct ar_buf title;
	int has_title;
};

/* page state as lines leave */
struct departure {
	unsigned long page;     /* page number within the document */
	int has_title, has_date, nbody;
};

struct ar_nav {
	ar_nav_fn fn;
	void *ctx;
	struct rule *rules;
	int nrules, caprules, nbuiltin;
	int bucket[65536];      /* first two bytes of a ^literal -> rule chain */
	int *other, nother;     /* rules not in a bucket, in order */
	int *spans, nspans;     /* drop-span rules, in order */
	struct lit *lits;
	int nlits;
	unsigned long lgen;     /* bumped for every input line */
	const char *lc_s;
	size_t lc_b, lc_e;      /* the region the literal cache is for */
	struct stopwords sw;
	int keep_blank, keep_dup, keep_head, keep_stat;
	struct ent q[QMAX];
	size_t qbytes;
	int qh, qn;
	struct arrival st;
	struct departure dep;
	struct ar_buf span_a, span_b;   /* spans_apply's two texts */
	int ready;
};

/* ---- characters ---- */
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

/* ---- the pattern matcher ---- */
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
lit_find(struct ar_nav *nv, int id, const char *s, size_t b, size_t e)
{
	struct lit *l = &nv->lits[id];

	if (l->gen != nv->lgen) {
		const char *f = tfind(s + b, e - b, l->s, l->n, l->goff);
		l->gen = nv->lgen;
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

/* one match attempt: where the span starts, what the stars may still scan */
struct scan {
	size_t cutpos;
	size_t scan_left;       /* bytes the stars of one match may scan */
	int budget;             /* positions and star steps it may try */
};

/* the star at token ti: try every place the rest can start from p */
static int seq(const struct rule *r, int ti, const char *s, size_t p, size_t e,
    size_t *end, struct scan *sc);

static int
star(const struct rule *r, int ti, const char *s, size_t p, size_t e,
    size_t *end, struct scan *sc)
{
	const struct tok *nx = &r->t[ti + 1];

	for (size_t q = p; q <= e; ) {
		if (--sc->budget < 0)
			return 0;
		if (nx->type == T_LIT) {
			const char *f = tfind(s + q, e - q, nx->s, nx->n, nx->goff);
			size_t used = f ? (size_t)(f - s) - q + nx->n : e - q;
			/* stars backtrack: bound the bytes scanned per line */
			if (used > sc->scan_left)
				return 0;
			sc->scan_left -= used;
			if (!f)
				return 0;
			q = (size_t)(f - s);
		}
		if (seq(r, ti + 1, s, q, e, end, sc))
			return 1;
		if (q == e)
			break;
		q += ar_u8len((unsigned char)s[q]);
	}
	return 0;
}

static int
seq(const struct rule *r, int ti, const char *s, size_t p, size_t e,
    size_t *end, struct scan *sc)
{
	for (; ti < r->nt; ti++) {
		const struct tok *t = &r->t[ti];
		size_t q;

		if (ti == r->cut)
			sc->cutpos = p;
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
			return star(r, ti, s, p, e, end, sc);
		}
	}
	if (r->eol && p != e)
		return 0;
	if (ti == r->cut)
		sc->cutpos = p;
	*end = p;
	return 1;
}

/* where a rule matched: [start, end) */
struct match { size_t start, end; };

/* Find rule r in s[b..e) (already trimmed). */
static int
rmatch(struct ar_nav *nv, const struct rule *r, const char *s, size_t b, size_t e,
    struct match *m)
{
	struct scan sc;

	sc.scan_left = 8 * (e - b) + 65536;
	sc.budget = 256;
	if (r->bol) {
		if (!seq(r, 0, s, b, e, &m->end, &sc))
			return 0;
		m->start = r->cut ? sc.cutpos : b;
		return 1;
	}
	if (r->eol && r->nt == 1 && r->t[0].type == T_LIT) {
		size_t n = r->t[0].n;
		if (e - b < n || memcmp(s + e - n, r->t[0].s, n))
			return 0;
		m->start = e - n;
		m->end = e;
		return 1;
	}
	size_t q = b;
	if (r->req >= 0 && s == nv->lc_s && b == nv->lc_b && e == nv->lc_e) {
		long at = lit_find(nv, r->req, s, b, e);
		if (at < 0)
			return 0;
		if (r->t[0].type == T_LIT && r->t[0].s == nv->lits[r->req].s)
			q = (size_t)at;
	}
	for (; q < e; ) {
		if (r->t[0].type == T_LIT) {
			const char *f = tfind(s + q, e - q, r->t[0].s, r->t[0].n, r->t[0].goff);
			if (!f)
				return 0;
			q = (size_t)(f - s);
		}
		if (seq(r, 0, s, q, e, &m->end, &sc)) {
			m->start = r->cut ? sc.cutpos : q;
			return 1;
		}
		if (--sc.budget < 0)
			return 0;
		q += ar_u8len((unsigned char)s[q]);
	}
	return 0;
}

/* ---- the rules: loading and indexing ---- */
static void
rule_free(struct rule *r)
{
	for (int j = 0; j < r->nt; j++)
		if (r->t[j].type == T_LIT && j != r->reqtok)
			free(r->t[j].s);
	free(r->t);
	free(r->name);
	free(r->pat);
}

/* Compile pattern p (its anchors already taken off) into r's tokens. */
static void
compile_pattern(struct rule *r, const char *p, size_t plen)
{
	struct ar_buf lit = { 0 };

	r->t = ar_alloc(sizeof *r->t * (plen + 1));
	for (size_t i = 0; i <= plen; i++) {
		int c = i < plen ? (unsigned char)p[i] : -1;
		int special = c == '*' || c == '#' || c == ' ' || c == -1
		    || (c == '|' && r->act == AR_NAV_A_DROP_SPAN);
		if (c == '\\' && i + 1 < plen) {
			ar_buf_addc(&lit, p[++i]);
			continue;
		}
		if (!special) {
			ar_buf_addc(&lit, c);
			continue;
		}
		if (lit.len) {
			struct tok *t = &r->t[r->nt++];
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
			r->cut = r->nt;
			continue;
		}
		if (c == ' ')
			while (i + 1 < plen && p[i + 1] == ' ')
				i++;
		if (c == '*' && r->nt && r->t[r->nt - 1].type == T_STAR)
			continue;
		if (c == '#' && r->nt && r->t[r->nt - 1].type == T_DIGITS)
			continue;
		r->t[r->nt++].type = c == '*' ? T_STAR : c == '#' ? T_DIGITS : T_SPACE;
	}
	ar_buf_free(&lit);
}

/* Every token is a star: the pattern matches the empty string. */
static int
matches_empty(const struct rule *r)
{
	for (int j = 0; j < r->nt; j++)
		if (r->t[j].type != T_STAR)
			return 0;
	return 1;
}

struct loading { struct ar_nav *nv; const char *file; };

static int
add_rule(char *line, size_t n, unsigned long lineno, void *ctx)
{
	struct loading *ld = ctx;
	struct ar_nav *nv = ld->nv;
	char *f[3];
	int nf = 0;
	struct rule r = { .req = -1, .reqtok = -1 };

	f[nf++] = line;
	for (size_t i = 0; i < n && nf < 3; i++)
		if (line[i] == '\t') {
			line[i] = 0;
			f[nf++] = line + i + 1;
		}
	if (nf < 3 || !*f[0] || !*f[2] || strchr(f[2], '\t')) {
		ar_warn("%s:%lu: want PATTERN<TAB>ACTION<TAB>NAME", ld->file, lineno);
		return -1;
	}
	for (r.act = 0; action_names[r.act] && strcmp(action_names[r.act], f[1]); r.act++)
		;
	if (!action_names[r.act]) {
		ar_warn("%s:%lu: unknown action '%s' (drop-line, drop-rest, drop-span, "
		    "keep-line, pub-date, start-page)", ld->file, lineno, f[1]);
		return -1;
	}
	r.pat = strdup(f[0]);
	r.name = strdup(f[2]);
	if (!r.pat || !r.name)
		ar_die("out of memory");

	char *p = f[0];
	size_t plen = strlen(p);
	if (*p == '<' && r.act == AR_NAV_A_DROP_SPAN)
		r.back = 1, p++, plen--;
	if (*p == '^')
		r.bol = 1, p++, plen--;
	if (plen && p[plen - 1] == '$' && (plen < 2 || p[plen - 2] != '\\'))
		r.eol = 1, p[--plen] = 0;
	compile_pattern(&r, p, plen);
	if (r.nt == 0 || (r.act == AR_NAV_A_DROP_SPAN && matches_empty(&r))) {
		/* an empty span is found again at the same place, forever */
		if (r.nt == 0)
			ar_warn("%s:%lu: empty pattern", ld->file, lineno);
		else
			ar_warn("%s:%lu: drop-span pattern '%s' can match the empty string "
			    "(give it text, # or a space)", ld->file, lineno, r.pat);
		rule_free(&r);
		return -1;
	}
	if (nv->nrules == nv->caprules) {
		nv->caprules = nv->caprules ? 2 * nv->caprules : 128;
		nv->rules = ar_realloc(nv->rules, sizeof *nv->rules * (size_t)nv->caprules);
	}
	nv->rules[nv->nrules++] = r;
	return 0;
}

int
ar_nav_rules(struct ar_nav *nv, const char *name, const char *text, size_t len)
{
	struct loading ld = { nv, name };

	return ar_each_line(text, len, add_rule, &ld) ? -1 : 0;
}

int
ar_nav_rules_file(struct ar_nav *nv, const char *path)
{
	size_t len;
	char *text = ar_slurp(path, &len);
	int rc = ar_nav_rules(nv, path, text, len);

	free(text);
	return rc;
}

/* The rule's token that best finds its candidates: the rarest literal,
 * the longest of equally rare ones; -1 if it has no literal. */
static int
required_token(const struct rule *r)
{
	int best = -1, bestrank = 1 << 20, rk;

	for (int j = 0; j < r->nt; j++) {
		if (r->t[j].type != T_LIT)
			continue;
		rare_byte_rank(r->t[j].s, r->t[j].n, &rk);
		if (best < 0 || rk < bestrank || (rk == bestrank && r->t[j].n > r->t[best].n))
			best = j, bestrank = rk;
	}
	return best;
}

/* Give every unanchored rule the literal it needs, one copy of each
 * literal for all the rules that need it (found through a hash table, so
 * 100,000 rules load in linear time). */
static void
index_literals(struct ar_nav *nv)
{
	size_t slots = 16;
	while (slots < 2 * (size_t)nv->nrules)
		slots *= 2;
	int *slot = ar_alloc(sizeof *slot * slots);
	memset(slot, -1, sizeof *slot * slots);

	nv->lits = ar_alloc(sizeof *nv->lits * (size_t)(nv->nrules + 1));
	for (int i = 0; i < nv->nrules; i++) {
		struct rule *r = &nv->rules[i];
		int best, j;
		r->req = r->reqtok = -1;
		if (r->bol || (best = required_token(r)) < 0)
			continue;
		struct tok *t = &r->t[best];
		size_t h = ar_hash(t->s, t->n) & (slots - 1);
		while ((j = slot[h]) >= 0
		    && !(nv->lits[j].n == t->n && !memcmp(nv->lits[j].s, t->s, t->n)))
			h = (h + 1) & (slots - 1);
		if (j < 0) {
			j = slot[h] = nv->nlits++;
			nv->lits[j] = (struct lit){ t->s, t->n, rare_byte(t->s, t->n), 0, 0 };
		}
		/* share the bytes, so rmatch can tell the first token is it */
		if (t->s != nv->lits[j].s)
			free(t->s);
		t->s = (char *)nv->lits[j].s;
		r->req = j;
		r->reqtok = best;
	}
	free(slot);
}

static int
in_bucket(const struct rule *r)
{
	return r->bol && r->t[0].type == T_LIT && r->t[0].n >= 2;
}

/* Rules given by the caller are tried first: the built-in ones, loaded
 * first, move behind them. */
static void
builtin_last(struct ar_nav *nv)
{
	size_t nb = (size_t)nv->nbuiltin, nu = (size_t)nv->nrules - nb;
	struct rule *tmp = ar_alloc(sizeof *tmp * (nb + 1));

	memcpy(tmp, nv->rules, sizeof *tmp * nb);
	memmove(nv->rules, nv->rules + nb, sizeof *tmp * nu);
	memcpy(nv->rules + nu, tmp, sizeof *tmp * nb);
	free(tmp);
	nv->nbuiltin = 0;
}

void
ar_nav_ready(struct ar_nav *nv)
{
	if (nv->ready)
		return;
	nv->ready = 1;
	builtin_last(nv);
	index_literals(nv);
	memset(nv->bucket, -1, sizeof nv->bucket);
	nv->other = ar_alloc(sizeof *nv->other * (size_t)(nv->nrules + 1));
	nv->spans = ar_alloc(sizeof *nv->spans * (size_t)(nv->nrules + 1));
	for (int i = nv->nrules - 1; i >= 0; i--) {
		struct rule *r = &nv->rules[i];
		r->attribution = !strcmp(r->name, "attribution");
		if (r->act != AR_NAV_A_DROP_SPAN && in_bucket(r)) {
			unsigned k = (unsigned char)r->t[0].s[0] << 8 | (unsigned char)r->t[0].s[1];
			r->next = nv->bucket[k];
			nv->bucket[k] = i;
		}
	}
	for (int i = 0; i < nv->nrules; i++) {
		struct rule *r = &nv->rules[i];
		if (r->act == AR_NAV_A_DROP_SPAN) {
			if (!r->kept)
				nv->spans[nv->nspans++] = i;
		} else if (!in_bucket(r)) {
			nv->other[nv->nother++] = i;
		}
	}
}

/* first line rule (not span) that matches, or -1 */
static int
find_rule(struct ar_nav *nv, const char *s, size_t b, size_t e)
{
	int best = -1;
	struct match m;

	if (e - b >= 2) {
		unsigned k = (unsigned char)s[b] << 8 | (unsigned char)s[b + 1];
		for (int i = nv->bucket[k]; i >= 0; i = nv->rules[i].next)
			if (rmatch(nv, &nv->rules[i], s, b, e, &m)) {
				best = i;
				break;
			}
	}
	for (int j = 0; j < nv->nother; j++) {
		int i = nv->other[j];
		if (best >= 0 && i > best)
			break;
		if (rmatch(nv, &nv->rules[i], s, b, e, &m)) {
			best = i;
			break;
		}
	}
	return best;
}

int
ar_nav_keep(struct ar_nav *nv, const char *kind)
{
	int found = 0;

	if (!strcmp(kind, "blank"))
		nv->keep_blank = found = 1;
	else if (!strcmp(kind, "dup"))
		nv->keep_dup = found = 1;
	else if (!strcmp(kind, "headline"))
		nv->keep_head = found = 1;
	else if (!strcmp(kind, "stat"))
		nv->keep_stat = found = 1;
	for (int i = 0; i < nv->nrules; i++)
		if (!strcmp(nv->rules[i].name, kind))
			nv->rules[i].kept = found = 1;
	return found ? 0 : -1;
}

int
ar_nav_nrules(const struct ar_nav *nv)
{
	return nv->nrules;
}

struct ar_nav_rule
ar_nav_rule(const struct ar_nav *nv, int i)
{
	const struct rule *r = &nv->rules[i];

	return (struct ar_nav_rule){ r->pat, r->name, r->act, r->kept };
}

/* ---- stop words ---- */
static unsigned
swkey(const char *s, size_t n)
{
	return (unsigned)(n & 15) << 12 | ((unsigned char)s[1] & 0x3F) << 6
	    | ((unsigned char)s[n - 1] & 0x3F);
}

static int
add_stop(char *line, size_t n, unsigned long lineno, void *ctx)
{
	struct stopwords *sw = ctx;
	(void)lineno;

	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	if (n == 0 || n > 32)
		return 0;
	if (n >= 2) {
		unsigned k = swkey(line, n);
		sw->bloom[k >> 3] |= (unsigned char)(1u << (k & 7));
	}
	uint32_t h = ar_hash(line, n) & (SW_SLOTS - 1);
	for (int tries = 0; tries < SW_SLOTS; tries++, h = (h + 1) & (SW_SLOTS - 1)) {
		if (!sw->tab[h].s) {
			char *c = ar_alloc(n);
			memcpy(c, line, n);
			sw->tab[h].s = c;
			sw->tab[h].n = (unsigned char)n;
			return 0;
		}
		if (sw->tab[h].n == n && !memcmp(sw->tab[h].s, line, n))
			return 0;
	}
	return 0;
}

static int
is_stop(const struct stopwords *sw, const char *s, size_t n)
{
	if (n < 2 || n > 32)
		return 0;
	unsigned k = swkey(s, n);
	if (!(sw->bloom[k >> 3] & (1u << (k & 7))))
		return 0;
	uint32_t h = ar_hash(s, n) & (SW_SLOTS - 1);
	for (; sw->tab[h].s; h = (h + 1) & (SW_SLOTS - 1))
		if (sw->tab[h].n == n && !memcmp(sw->tab[h].s, s, n))
			return 1;
	return 0;
}

/* ---- line features and classes ---- */
struct feat {
	unsigned cps, ar, lat, dig, words, sw, links;
	int term, waw, comma, paren;
	unsigned seps;          /* | and bullets between items */
};

static void
features(const struct stopwords *sw, const char *s, size_t b, size_t e, struct feat *f)
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
			f->sw += is_stop(sw, s + ws, i - ws);
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
		f->sw += is_stop(sw, s + ws, e - ws);
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
classify(const struct feat *f)
{
	unsigned letters = f->ar + f->lat;
	double d = f->words ? (double)f->sw / f->words : 0;

	if (letters + f->dig == 0)
		return AR_NAV_C_BLANK;
	if (f->links && (f->words <= 4 || f->lat > f->ar))
		return AR_NAV_C_BAD;
	if (f->lat > 2 * f->ar && f->lat >= 12)
		return AR_NAV_C_BAD;
	if (f->seps >= 2 && f->words <= 4 * (f->seps + 1))
		return AR_NAV_C_BAD;            /* items: a | b | c, • a • b */
	if (f->cps < 40 || f->words < 6)
		return AR_NAV_C_SHORT;
	if ((f->cps >= 100 && d >= 0.10) || (f->cps >= 50 && d >= 0.15 && f->term))
		return AR_NAV_C_GOOD;
	if (f->cps >= 160 && d < 0.04 && !f->term && !f->comma)
		return AR_NAV_C_BAD;
	if (!f->term && !f->waw && !f->comma && !f->paren && f->cps <= 160)
		return AR_NAV_C_HEAD;
	return AR_NAV_C_NEAR;
}

/* ---- the queue of lines waiting for their neighbours ---- */
static struct ent *
qat(struct ar_nav *nv, int i)
{
	return &nv->q[(nv->qh + i) % QMAX];
}

/* The context rules: what settles a line whose class leaves it open, from
 * the nearest context lines before (p, pd lines back) and after (n, nd). */
struct context { int p, n; unsigned long pd, nd; };
enum { KEEP, KEEP_IF_STAT, KEEP_IF_HEAD };

static int
in_menu_block(const struct ent *x, const struct context *c)
{
	(void)c;
	return x->tiny && x->runlen >= 3 && x->runsw * 3 <= x->runlen;
}

static int
headline_between(const struct ent *x, const struct context *c)
{
	return x->cls == AR_NAV_C_HEAD && x->body && c->p == X_GOOD && c->n == X_GOOD;
}

static int
between_good(const struct ent *x, const struct context *c)
{
	(void)x;
	return c->p == X_GOOD && c->n == X_GOOD;
}

static int
leads_into_good(const struct ent *x, const struct context *c)
{
	return c->n == X_GOOD && c->nd <= (x->cls == AR_NAV_C_NEAR ? 6u : 4u);
}

static int
follows_good(const struct ent *x, const struct context *c)
{
	return c->p == X_GOOD && c->pd <= (x->cls == AR_NAV_C_NEAR ? 4u : 2u);
}

static int
no_context(const struct ent *x, const struct context *c)
{
	(void)x;
	return c->p == X_NONE && c->n == X_NONE;
}

static int
text_outside_chrome(const struct ent *x, const struct context *c)
{
	return x->words >= 3 && !((c->p == X_BAD || c->p == X_NONE) && c->pd <= 2
	    && (c->n == X_BAD || c->n == X_NONE) && c->nd <= 2);
}

static int
between_bad(const struct ent *x, const struct context *c)
{
	(void)x;
	return c->p == X_BAD && c->n == X_BAD;
}

static int
always(const struct ent *x, const struct context *c)
{
	(void)x, (void)c;
	return 1;
}

static const struct context_rule {
	int (*holds)(const struct ent *, const struct context *);
	int keep;               /* KEEP, or only with --keep=stat (or headline) */
	int reason;
} context_rules[] = {
	{ in_menu_block,       KEEP_IF_STAT, AR_NAV_R_MENU_BLOCK },
	{ headline_between,    KEEP_IF_HEAD, AR_NAV_R_HEAD_BETWEEN },
	{ between_good,        KEEP,         AR_NAV_R_BETWEEN_GOOD },
	{ leads_into_good,     KEEP,         AR_NAV_R_LEADS_INTO },
	{ follows_good,        KEEP,         AR_NAV_R_FOLLOWS_GOOD },
	{ no_context,          KEEP,         AR_NAV_R_NO_CONTEXT },
	{ text_outside_chrome, KEEP,         AR_NAV_R_TEXT_OUTSIDE },
	{ between_bad,         KEEP_IF_STAT, AR_NAV_R_BETWEEN_BAD },
	{ always,              KEEP_IF_STAT, AR_NAV_R_FAR_FROM_GOOD },
};

/* settle a pending line by the first context rule that holds */
static void
decide(struct ar_nav *nv, struct ent *x)
{
	if (x->fin != F_PEND)
		return;
	struct context c = { x->pcls, x->ncls, x->nb - x->pnb, x->nnb - x->nb };
	const struct context_rule *cr = context_rules;

	if (x->tiny && x->run == nv->st.run)       /* its run is still going */
		x->runlen = nv->st.runlen, x->runsw = nv->st.runsw;
	while (!cr->holds(x, &c))
		cr++;
	int keep = cr->keep == KEEP ? 1 : cr->keep == KEEP_IF_HEAD
	    ? nv->keep_head || nv->keep_stat : nv->keep_stat;
	x->context = cr->reason;
	x->fin = keep ? (x->spanned ? F_S : F_K) : F_D;
}

/* settle a pending line with no context after it */
static void
decide_alone(struct ar_nav *nv, struct ent *x)
{
	if (x->fin == F_PEND) {
		x->ncls = X_NONE;
		x->nnb = x->nb + 1000;
		decide(nv, x);
	}
}

/* the part of its page a kept line is, as the lines leave in order */
static int
role(struct departure *d, const struct ar_nav *nv, const struct ent *x)
{
	int act = x->rule >= 0 ? nv->rules[x->rule].act : -1;

	if (!d->has_title && x->titlecand) {
		d->has_title = 1;
		return AR_NAV_ROLE_TITLE;
	}
	if (!d->has_date && (act == AR_NAV_A_PUB_DATE || (x->datelike && !d->nbody))) {
		d->has_date = 1;
		return AR_NAV_ROLE_DATE;
	}
	if (act == AR_NAV_A_KEEP_LINE && nv->rules[x->rule].attribution)
		return AR_NAV_ROLE_ATTRIBUTION;
	d->nbody++;
	return AR_NAV_ROLE_BODY;
}

static void
new_departure_page(struct departure *d)
{
	d->has_title = d->has_date = d->nbody = 0;
}

/* hand the decided line x to the callback (every field set: no memset) */
static void
emit(struct ar_nav *nv, struct ent *x)
{
	struct ar_nav_line ln;
	int kept = x->fin == F_K || x->fin == F_S;

	if (x->newpage) {
		nv->dep.page++;
		new_departure_page(&nv->dep);
	}
	ln.text = x->text.s ? x->text.s : "";
	ln.len = x->text.len;
	ln.kept = x->fin == F_S && x->out.s ? x->out.s : ln.text;
	ln.keptlen = x->fin == F_S ? x->out.len : x->text.len;
	ln.cut = x->cut.s ? x->cut.s : "";
	ln.cutlen = x->cut.len;
	ln.source = NULL;
	ln.sourcelen = 0;
	if (x->source && x->text.len) {
		size_t b = skip_space(x->text.s, 0, x->text.len);
		size_t e = trim_end(x->text.s, b, x->text.len);
		if (e > b && x->text.s[e - 1] == ':')
			e--;
		ln.source = x->text.s + b;
		ln.sourcelen = e - b;
	}
	ln.lineno = x->lineno;
	ln.page = nv->dep.page;
	ln.newpage = x->newpage;
	ln.verdict = x->fin == F_K ? AR_NAV_KEEP : x->fin == F_S ? AR_NAV_SPAN : AR_NAV_DROP;
	ln.role = kept ? role(&nv->dep, nv, x) : AR_NAV_ROLE_NONE;
	ln.rule = x->rule;
	ln.action = x->rule >= 0 ? nv->rules[x->rule].act : -1;
	ln.rule_name = x->rule >= 0 ? nv->rules[x->rule].name : NULL;
	ln.cls = x->cls;
	ln.reason = x->reason;
	ln.context = x->context;
	ln.cps = x->cps, ln.words = x->nwords, ln.stops = x->sw;
	ln.links = x->links, ln.latin = x->latin;
	nv->fn(&ln, nv->ctx);
}

/* Emit decided lines from the head, keeping the last nonblank line back (a
 * later line may still change it) unless flushing. */
static void
drain(struct ar_nav *nv, int flush)
{
	while (nv->qn > 0) {
		struct ent *x = qat(nv, 0);
		/* full: by count, or by bytes (a few huge lines) */
		int force = flush || nv->qn >= QMAX || nv->qbytes > QBYTES;
		if (x->fin == F_PEND) {
			if (!force)
				return;
			decide_alone(nv, x);
		}
		if (!force && x->nb == nv->st.nb && x->cls != AR_NAV_C_BLANK)
			return;
		if (!force) {
			/* hold blanks after the last nonblank line too */
			int later = 0;
			for (int i = 1; i < nv->qn; i++)
				if (qat(nv, i)->cls != AR_NAV_C_BLANK) {
					later = 1;
					break;
				}
			if (!later && x->cls == AR_NAV_C_BLANK && nv->qn > 1)
				return;
		}
		emit(nv, x);
		nv->qbytes -= x->text.len;
		if (x->text.cap > 1 << 20)
			ar_buf_free(&x->text);
		if (x->out.cap > 1 << 20)
			ar_buf_free(&x->out);
		if (x->cut.cap > 1 << 20)
			ar_buf_free(&x->cut);
		nv->qh = (nv->qh + 1) % QMAX;
		nv->qn--;
	}
}

/* a run of tiny lines ends: tell its lines how long it was */
static void
run_end(struct ar_nav *nv)
{
	struct arrival *st = &nv->st;

	for (int i = 0; i < nv->qn; i++) {
		struct ent *x = qat(nv, i);
		if (x->tiny && x->run == st->run)
			x->runlen = st->runlen, x->runsw = st->runsw;
	}
	st->run++;
	st->runlen = st->runsw = 0;
}

/* resolve pending lines with the next context class c */
static void
resolve(struct ar_nav *nv, int c)
{
	for (int i = 0; i < nv->qn; i++) {
		struct ent *x = qat(nv, i);
		if (x->fin == F_PEND) {
			x->ncls = c;
			x->nnb = nv->st.nb;
			decide(nv, x);
		}
	}
}

/* the last nonblank entry in the queue before the newest one, or NULL */
static struct ent *
prev_nonblank(struct ar_nav *nv)
{
	for (int i = nv->qn - 2; i >= 0; i--) {
		struct ent *x = qat(nv, i);
		if (x->cls != AR_NAV_C_BLANK)
			return x;
	}
	return NULL;
}

static void
new_page_state(struct arrival *st)
{
	st->rest = 0;
	st->body = 0;
	st->pcls = X_NONE;
	st->pnb = st->nb;
	st->has_title = 0;
}

/* A page starts at entry x (already queued). */
static void
split_at(struct ar_nav *nv, struct ent *x)
{
	run_end(nv);
	/* lines before x lose their next context */
	for (int i = 0; i < nv->qn; i++) {
		struct ent *y = qat(nv, i);
		if (y == x)
			break;
		decide_alone(nv, y);
	}
	x->newpage = 1;
	new_page_state(&nv->st);
}

/* the context class a decided line gives its neighbours */
static void
settle(struct ar_nav *nv, struct ent *x, int xc)
{
	run_end(nv);
	resolve(nv, xc);
	nv->st.pcls = xc;
	nv->st.pnb = x->nb;
	if (xc == X_GOOD && x->cls == AR_NAV_C_GOOD)
		nv->st.body = 1;
}

/* ---- drop-span: runs cut out of a line ---- */
/* A "<" rule's span: back to the start of the sentence before the match
 * [ms, me), on over every further match close behind it. 0 when the marker
 * ends a sentence, or a single match has text after it. */
static int
span_back(struct ar_nav *nv, const struct rule *r, const char *cur, size_t b, size_t e,
    const struct match *m, size_t *from, size_t *to)
{
	/* a run of headlines: not when the marker ends a sentence */
	size_t p = skip_space(cur, m->end, e);
	if (p < e && (cur[p] == '.' || cur[p] == ',' || (p + 1 < e
	    && (unsigned char)cur[p] == 0xD8 && (unsigned char)cur[p + 1] == 0x8C)))
		return 0;
	size_t k = m->start;
	while (k > b) {
		char c = cur[k - 1];
		if (c == '.' || c == '!' || c == '?' || (k >= b + 2
		    && (unsigned char)cur[k - 2] == 0xD8 && (unsigned char)c == 0x9F))
			break;
		k--;
	}
	*from = skip_space(cur, k, m->start);
	int more = 0;           /* a further match: a run of them */
	for (;;) {
		struct match next;
		size_t lim = *to + 400 < e ? *to + 400 : e;
		if (!rmatch(nv, r, cur, *to, lim, &next))
			break;
		if (memchr(cur + *to, '.', next.start - *to))
			break;
		*to = next.end; /* matches are never empty: this ends */
		more = 1;
	}
	return more || skip_space(cur, *to, e) == e;
}

/* Remove drop-span runs from s; 1 if anything went (the rest is in x->out,
 * what went in x->cut). */
static int
spans_apply(struct ar_nav *nv, struct ent *x, const char *s, size_t n)
{
	struct ar_buf *a = &nv->span_a, *bb = &nv->span_b;
	const char *cur = s;
	size_t len = n;
	int changed = 0;

	for (int j = 0; j < nv->nspans; j++) {
		const struct rule *r = &nv->rules[nv->spans[j]];
		for (int guard = 0; guard < 16; guard++) {
			size_t b = skip_space(cur, 0, len), e = trim_end(cur, b, len);
			struct match m;
			size_t from, to, l;
			if (!rmatch(nv, r, cur, b, e, &m))
				break;
			from = m.start, to = m.end;
			if (r->back && !span_back(nv, r, cur, b, e, &m, &from, &to))
				break;
			if (to == from)
				break;
			badd(&x->cut, cur + from, to - from);
			ar_buf_addc(&x->cut, '\n');
			/* cut [from, to) with the spaces after it */
			size_t rb = skip_space(cur, to, len);
			struct ar_buf *o = cur == a->s ? bb : a;
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
			x->rule = nv->spans[j];
		}
	}
	if (changed) {
		x->out.len = 0;
		badd(&x->out, cur, len);
	}
	return changed;
}

/* ---- the steps an arriving line goes through ---- */
struct arriving {
	const char *s;
	size_t n, b, e;         /* the line; its text is s[b..e) */
	int ri, act;            /* the first line rule that matches, or -1 */
	int datelike;           /* what the spans left looks like a date line */
};
enum { NEXT, DONE };

static void
set_title(struct arrival *st, const char *s, size_t n)
{
	st->has_title = 1;
	st->title.len = 0;
	badd(&st->title, s, n);
}

/* Before a page start: the crawler's source name ("NAME:") goes with it. */
static int
reach_back_source(struct ar_nav *nv, struct ent *pv, int ri)
{
	size_t pe = trim_end(pv->text.s, 0, pv->text.len);

	if (!(pe && pe < 300 && pv->text.s[pe - 1] == ':'))
		return 0;
	pv->fin = nv->rules[ri].kept ? F_K : F_D;
	pv->rule = ri;
	pv->source = 1;
	pv->titlecand = 0;
	pv->reason = AR_NAV_R_SOURCE_NAME;
	pv->context = AR_NAV_R_NONE;
	return 1;
}

/* Page starts: a start-page rule, or a publication line after a dropped
 * section (whose title, dropped with the section, is the line before it).
 * They may reach back to the line before. */
static int
step_page_start(struct ar_nav *nv, struct ent *x, struct arriving *a)
{
	struct arrival *st = &nv->st;

	if (!(a->act == AR_NAV_A_START_PAGE || (a->act == AR_NAV_A_PUB_DATE && st->rest)))
		return NEXT;
	struct ent *pv = prev_nonblank(nv), *at = x;
	if (a->act == AR_NAV_A_START_PAGE && pv && pv->nb == st->nb
	    && reach_back_source(nv, pv, a->ri))
		at = pv;
	if (a->act == AR_NAV_A_PUB_DATE && pv && pv->nb == st->nb && pv->fin == F_D) {
		pv->fin = F_K;
		pv->titlecand = 1;
		pv->reason = AR_NAV_R_TITLE_BEFORE;
		pv->context = AR_NAV_R_NONE;
		at = pv;
	}
	int before = at == x ? st->nb > 0 : at->nb > 1 && at->nb - 1 > st->pagenb;
	if (before)
		split_at(nv, at);
	else
		new_page_state(st);
	st->pagenb = at == x ? st->nb : at->nb - 1;
	if (at == pv && pv->titlecand)
		set_title(st, pv->text.s, pv->text.len);
	return NEXT;
}

/* a dropped section runs to the end of the page */
static int
step_rest_of_page(struct ar_nav *nv, struct ent *x, struct arriving *a)
{
	struct arrival *st = &nv->st;

	if (!st->rest || a->act == AR_NAV_A_PUB_DATE || a->act == AR_NAV_A_START_PAGE)
		return NEXT;
	x->fin = F_D;
	x->rule = st->restrule;
	x->reason = AR_NAV_R_REST_OF_PAGE;
	if (has_alnum(a->s + a->b, a->e - a->b))
		x->nb = ++st->nb;
	else
		x->cls = AR_NAV_C_BLANK, x->nb = st->nb;
	return DONE;
}

/* a line rule decides (a drop-rest only on a heading, not a paragraph) */
static int
step_rule(struct ar_nav *nv, struct ent *x, struct arriving *a)
{
	if (a->ri < 0 || (a->act == AR_NAV_A_DROP_REST && a->e - a->b >= 300))
		return NEXT;
	const struct rule *r = &nv->rules[a->ri];
	int xc = X_BAD;
	x->rule = a->ri;
	x->reason = AR_NAV_R_RULE;
	x->nb = ++nv->st.nb;
	if (a->act == AR_NAV_A_KEEP_LINE || a->act == AR_NAV_A_PUB_DATE) {
		x->fin = F_K;
		xc = X_GOOD;
		x->datelike = a->act == AR_NAV_A_PUB_DATE;
	} else {
		x->fin = r->kept ? F_K : F_D;
		if (a->act == AR_NAV_A_DROP_REST && !r->kept) {
			nv->st.rest = 1;
			nv->st.restrule = a->ri;
		}
	}
	settle(nv, x, xc);
	return DONE;
}

/* the statistical layer, on what the spans leave */
static int
step_classify(struct ar_nav *nv, struct ent *x, struct arriving *a)
{
	const char *ts = a->s;
	size_t tn = a->n;

	if (nv->nspans && spans_apply(nv, x, a->s, a->n)) {
		ts = x->out.s ? x->out.s : "";
		tn = x->out.len;
		x->spanned = 1;
	}
	size_t tb = skip_space(ts, 0, tn), te = trim_end(ts, tb, tn);
	struct feat f;
	features(&nv->sw, ts, tb, te, &f);
	x->cls = classify(&f);
	x->reason = AR_NAV_R_STAT;
	x->cps = f.cps, x->sw = f.sw, x->nwords = f.words;
	x->links = f.links != 0, x->latin = f.lat > f.ar;
	x->words = (int)f.words;
	x->tiny = x->cls == AR_NAV_C_SHORT && f.words <= 3 && !f.term && !x->spanned;
	a->datelike = f.dig >= 4 && f.cps < 80;
	return NEXT;
}

/* a blank line is settled at once; the others are numbered */
static int
step_blank(struct ar_nav *nv, struct ent *x, struct arriving *a)
{
	if (x->cls == AR_NAV_C_BLANK) {
		run_end(nv);    /* menu items stand on adjacent lines */
		x->fin = nv->keep_blank && !x->spanned ? F_K : F_D;
		x->nb = nv->st.nb;
		return DONE;
	}
	x->nb = ++nv->st.nb;
	x->datelike = a->datelike;
	return NEXT;
}

/* the title again, after the publication line */
static int
step_title_again(struct ar_nav *nv, struct ent *x, struct arriving *a)
{
	struct arrival *st = &nv->st;

	if (!(st->has_title && x->cls != AR_NAV_C_GOOD && st->title.len == a->n
	    && !memcmp(st->title.s, a->s, a->n)))
		return NEXT;
	x->fin = nv->keep_dup ? F_K : F_D;
	x->reason = AR_NAV_R_TITLE_AGAIN;
	return DONE;
}

/* the first line of a page that could be a headline is its title */
static int
step_title(struct ar_nav *nv, struct ent *x, struct arriving *a)
{
	if (!nv->st.has_title && x->cls != AR_NAV_C_BAD && !x->datelike && x->nwords >= 3) {
		x->titlecand = 1;
		set_title(&nv->st, a->s, a->n);
	}
	return NEXT;
}

/* good and bad lines are decided, and settle the lines waiting for them;
 * the others wait for their context */
static int
step_class(struct ar_nav *nv, struct ent *x, struct arriving *a)
{
	struct arrival *st = &nv->st;

	(void)a;

	if (x->cls == AR_NAV_C_GOOD || x->cls == AR_NAV_C_BAD) {
		int xc = x->cls == AR_NAV_C_GOOD ? X_GOOD : X_BAD;
		x->fin = xc == X_GOOD || nv->keep_stat ? (x->spanned ? F_S : F_K) : F_D;
		settle(nv, x, xc);
		return DONE;
	}
	x->pcls = st->pcls;
	x->pnb = st->pnb;
	x->body = st->body;
	if (x->tiny) {
		x->run = st->run;
		st->runlen++;
		st->runsw += x->sw > 0;
	} else {
		run_end(nv);
	}
	return DONE;
}

typedef int line_step(struct ar_nav *, struct ent *, struct arriving *);
static line_step *const line_steps[] = {
	step_page_start,        /* may start a page, then goes on */
	step_rest_of_page,
	step_rule,
	step_classify,
	step_blank,
	step_title_again,
	step_title,
	step_class,
};

/* queue the line, with nothing known of it yet */
static struct ent *
enqueue(struct ar_nav *nv, const char *s, size_t n, unsigned long lineno)
{
	if (nv->qn == QMAX)
		drain(nv, 0);
	struct ent *x = qat(nv, nv->qn++);
	x->text.len = x->out.len = x->cut.len = 0;
	badd(&x->text, s, n);
	nv->qbytes += n;
	x->lineno = lineno;
	x->fin = F_PEND;
	x->rule = -1;
	x->cls = AR_NAV_C_RULE;
	x->newpage = x->source = x->titlecand = x->datelike = x->spanned = 0;
	x->tiny = 0;
	x->runlen = 0;
	x->pcls = x->ncls = X_NONE;
	x->reason = x->context = AR_NAV_R_NONE;
	x->cps = x->sw = x->nwords = 0;
	x->links = x->latin = 0;
	return x;
}

void
ar_nav_line(struct ar_nav *nv, const char *s, size_t n, unsigned long lineno)
{
	struct ent *x;
	struct arriving a = { .s = s, .n = n, .act = -1 };

	ar_nav_ready(nv);
	x = enqueue(nv, s, n, lineno);
	a.b = skip_space(s, 0, n);
	a.e = trim_end(s, a.b, n);
	nv->lgen++;
	nv->lc_s = s, nv->lc_b = a.b, nv->lc_e = a.e;
	a.ri = find_rule(nv, s, a.b, a.e);
	if (a.ri >= 0)
		a.act = nv->rules[a.ri].act;
	for (size_t i = 0; i < sizeof line_steps / sizeof *line_steps; i++)
		if (line_steps[i](nv, x, &a) == DONE)
			break;
	drain(nv, 0);
}

void
ar_nav_doc_begin(struct ar_nav *nv)
{
	nv->dep.page = 1;
	new_departure_page(&nv->dep);
	nv->st.nb = 0;
	nv->st.pagenb = 0;
	new_page_state(&nv->st);
}

void
ar_nav_doc_end(struct ar_nav *nv)
{
	run_end(nv);
	for (int i = 0; i < nv->qn; i++)
		decide_alone(nv, qat(nv, i));
	drain(nv, 1);
}

/* ---- explaining ---- */
/* what decided ln, then its context rule: "stat:short len=12 sw=0.00; …" */
static int
why_text(const struct ar_nav_line *ln, char *buf, size_t n)
{
	int l;

	if (ln->reason == AR_NAV_R_STAT)
		l = snprintf(buf, n, "stat:%s len=%u sw=%.2f%s%s", ar_nav_class_name(ln->cls),
		    ln->cps, ln->words ? (double)ln->stops / ln->words : 0,
		    ln->links ? " links" : "", ln->latin ? " latin" : "");
	else
		l = snprintf(buf, n, "%s", ar_nav_reason_text(ln->reason));
	if (ln->context != AR_NAV_R_NONE && l >= 0 && (size_t)l < n)
		l += snprintf(buf + l, n - (size_t)l, "; %s", ar_nav_reason_text(ln->context));
	return l < 0 ? 0 : (size_t)l < n ? l : (int)n - 1;
}

void
ar_nav_explain(const struct ar_nav_line *ln, struct ar_buf *out)
{
	char why[256];
	int l = why_text(ln, why, sizeof why);

	if (ln->rule_name) {
		badd(out, ln->rule_name, strlen(ln->rule_name));
		if (l)
			ar_buf_addc(out, ' ');
	}
	badd(out, why, (size_t)l);
}

/* ---- making and freeing ---- */
struct ar_nav *
ar_nav_new(ar_nav_fn fn, void *ctx)
{
	struct ar_nav *nv = ar_alloc(sizeof *nv);
	const char *text;
	size_t len;

	memset(nv, 0, sizeof *nv);
	nv->fn = fn;
	nv->ctx = ctx;
	text = ar_data("nav-rules.tsv", &len);
	if (ar_nav_rules(nv, "nav-rules.tsv", text, len) < 0) {
		ar_nav_free(nv);
		return NULL;
	}
	nv->nbuiltin = nv->nrules;
	text = ar_data("stopwords.txt", &len);
	ar_each_line(text, len, add_stop, &nv->sw);
	ar_nav_doc_begin(nv);
	return nv;
}

void
ar_nav_free(struct ar_nav *nv)
{
	if (!nv)
		return;
	for (int i = 0; i < nv->nrules; i++)
		rule_free(&nv->rules[i]);
	free(nv->rules);
	for (int i = 0; i < nv->nlits; i++)
		free((char *)nv->lits[i].s);
	free(nv->lits);
	free(nv->other);
	free(nv->spans);
	for (int i = 0; i < SW_SLOTS; i++)
		free((char *)nv->sw.tab[i].s);
	for (int i = 0; i < QMAX; i++) {
		ar_buf_free(&nv->q[i].text);
		ar_buf_free(&nv->q[i].out);
		ar_buf_free(&nv->q[i].cut);
	}
	ar_buf_free(&nv->st.title);
	ar_buf_free(&nv->span_a);
	ar_buf_free(&nv->span_b);
	free(nv);
}
