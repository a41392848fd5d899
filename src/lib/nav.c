/* nav.c: the page classifier (ar-strip-nav's engine): the rules, the lines
 * as they arrive, the page held until its end, the lines handed back.
 *
 * As a line arrives, the rules of share/ar-tools/nav-rules.tsv and of the
 * files given to ar_nav_rules decide it or not (drop the line, drop the
 * rest of the page, cut a span out of it, keep it, start a new page), and
 * what it is is measured: its statistical class (length, share of stop
 * words, sentence punctuation, links, Latin), the interface words in it
 * (navlex.c), the pages of the site it was seen on. The page is held whole
 * (bounded: NAV_PAGE_LINES, NAV_PAGE_BYTES) and, when it ends, the page
 * model (navpage.c) decides the lines no rule did; then they leave, in
 * order, through the callback.
 *
 * What happens to an arriving line is a sequence of steps (arrive): a new
 * layer is a new step or a new pass of the page model, and names its
 * reason in AR_NAV_REASONS. */
#define _GNU_SOURCE             /* memmem (POSIX 2024; glibc, musl, BSDs) */
#include "navint.h"

#include <stdlib.h>

#define X_NAME(id, name) name,
static const char *const action_names[] = { AR_NAV_ACTIONS(X_NAME) NULL };
static const char *const class_names[] = { AR_NAV_CLASSES(X_NAME) NULL };
static const char *const layer_names[] = { AR_NAV_LAYERS(X_NAME) NULL };
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
ar_nav_layer_name(int l)
{
	return l >= 0 && l < AR_NAV_L_COUNT ? layer_names[l] : "";
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

/* where a rule matched: [start, end) */
struct match { size_t start, end; };

/* ---- characters ---- */
static int is_space_wide(const char *s, size_t p, size_t e, size_t *len);

/* ASCII and two-byte Arabic inline, the rest out of line */
static inline int
is_space_at(const char *s, size_t p, size_t e, size_t *len)
{
	unsigned char c = (unsigned char)s[p];

	if (c < 0x80) {
		*len = 1;
		return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
	}
	if ((c | 1) == 0xD9 && p + 1 < e && ((unsigned char)s[p + 1] & 0xC0) == 0x80) {
		*len = 2;       /* U+0600..U+067F, most of the text */
		int k = ar_cclass(0x600 | (c & 1) << 6 | ((unsigned char)s[p + 1] & 0x3F));
		return k == AR_C_SPACE || k == AR_C_FORMAT;
	}
	return is_space_wide(s, p, e, len);
}

static __attribute__((noinline)) int
is_space_wide(const char *s, size_t p, size_t e, size_t *len)
{
	unsigned char c = (unsigned char)s[p];
	int32_t cp;

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

static size_t skip_digits_at(const char *s, size_t p, size_t e);

/* most lines and tokens open with no digit, an Arabic letter mostly:
 * told inline (in U+0600..U+067F only U+0660..U+0669 are digits) */
static inline size_t
skip_digits(const char *s, size_t p, size_t e)
{
	if (p < e) {
		unsigned char c = (unsigned char)s[p];
		if (c < 0x80 ? c < '0' || c > '9'
		    : (c | 1) == 0xD9 && p + 1 < e && ((unsigned char)s[p + 1] & 0xC0) == 0x80
		    && !(c == 0xD9 && ((unsigned char)s[p + 1] & 0xF0) == 0xA0
		    && ((unsigned char)s[p + 1] & 0x0F) <= 9))
			return p;
	}
	return skip_digits_at(s, p, e);
}

static __attribute__((noinline)) size_t
skip_digits_at(const char *s, size_t p, size_t e)
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

/* lit_find's search, once a line for each literal */
static __attribute__((noinline)) long
lit_search(struct ar_nav *nv, struct lit *l, const char *s, size_t b, size_t e)
{
	/* one pass over the line tells which guard bytes it may hold
	 * (most lines hold no literal at all, and a search for each
	 * went over the whole line) */
	if (nv->ggen != nv->lgen) {
		nv->gmask = ar_byteset_scan(&nv->guards, s + b, e - b);
		nv->ggen = nv->lgen;
	}
	const char *f = nv->gmask & l->gbit ? tfind(s + b, e - b, l->s, l->n, l->goff) : NULL;
	l->gen = nv->lgen;
	l->pos = f ? (long)(f - s) : -1;
	return l->pos;
}

/* where literal id is in s[b..e), or -1; inline for the answers known
 * (the literal looked for already, or its guard group absent) */
static inline long
lit_find(struct ar_nav *nv, int id, const char *s, size_t b, size_t e)
{
	struct lit *l = &nv->lits[id];

	if (l->gen == nv->lgen)
		return l->pos;
	if (nv->ggen == nv->lgen && !(nv->gmask & l->gbit)) {
		l->gen = nv->lgen;
		return l->pos = -1;
	}
	return lit_search(nv, l, s, b, e);
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

/* Rule r cannot match s[b..e): the literal it needs is not in the line
 * (looked for once a line). Most tries end so, without entering rmatch;
 * a rule of one literal at the end is left to rmatch, which compares the
 * end without a search. */
static inline int
lit_absent(struct ar_nav *nv, const struct rule *r, const char *s, size_t b, size_t e)
{
	if (r->req < 0 || s != nv->lc_s || b != nv->lc_b || e != nv->lc_e
	    || (r->eol && r->nt == 1))
		return 0;
	return lit_find(nv, r->req, s, b, e) < 0;
}

/* Rule r is anchored at the start on a literal that s[b..e) does not open
 * with: rmatch would fail on its first token. Its third byte is compared
 * before the call (the bucket has said the first two). */
static inline int
head_differs(const struct rule *r, const char *s, size_t b, size_t e)
{
	const struct tok *t = &r->t[0];

	if (!r->bol || t->type != T_LIT)
		return 0;
	if (e - b < t->n)
		return 1;
	return t->n > 2 && (s[b + 2] != t->s[2] || memcmp(s + b, t->s, t->n));
}

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
	/* lines are valid UTF-8: a pattern that is not could never match */
	for (int k = 0; k < 3; k += 2) {
		size_t l = strlen(f[k]), bad = ar_u8valid(f[k], l);
		if (bad < l) {
			ar_warn("%s:%lu: the %s is not valid UTF-8 (byte %zu)", ld->file, lineno,
			    k ? "name" : "pattern", bad + 1);
			return -1;
		}
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
			nv->lits[j] = (struct lit){ t->s, t->n, rare_byte(t->s, t->n), 0, 0, 0 };
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
	/* the guard bytes in eight groups, as they come */
	ar_byteset_init(&nv->guards);
	unsigned char group_of[256];
	int ngroups = 0;
	memset(group_of, 0xFF, sizeof group_of);
	for (int j = 0; j < nv->nlits; j++) {
		struct lit *l = &nv->lits[j];
		unsigned char g = (unsigned char)l->s[l->goff];
		if (group_of[g] == 0xFF) {
			group_of[g] = (unsigned char)(ngroups++ & 7);
			ar_byteset_add(&nv->guards, g, group_of[g]);
		}
		l->gbit = 1u << group_of[g];
	}
	nv->ggen = 0;
	memset(nv->bucket, -1, sizeof nv->bucket);
	nv->other = ar_alloc(sizeof *nv->other * (size_t)(nv->nrules + 1));
	nv->other_nd = ar_alloc(sizeof *nv->other_nd * (size_t)(nv->nrules + 1));
	nv->spans = ar_alloc(sizeof *nv->spans * (size_t)(nv->nrules + 1));
	for (int i = nv->nrules - 1; i >= 0; i--) {
		struct rule *r = &nv->rules[i];
		r->attribution = !strcmp(r->name, "attribution");
		r->tags = !strcmp(r->name, "tags");
		if (r->act != AR_NAV_A_DROP_SPAN && in_bucket(r)) {
			unsigned k = (unsigned char)r->t[0].s[0] << 8 | (unsigned char)r->t[0].s[1];
			r->next = nv->bucket[k];
			nv->bucket[k] = i;
		}
	}
	nv->other_req = ar_alloc(sizeof *nv->other_req * (size_t)(nv->nrules + 1));
	nv->other_nd_req = ar_alloc(sizeof *nv->other_nd_req * (size_t)(nv->nrules + 1));
	nv->spans_req = ar_alloc(sizeof *nv->spans_req * (size_t)(nv->nrules + 1));
	nv->other_fb = ar_alloc(sizeof *nv->other_fb * (size_t)(nv->nrules + 1));
	nv->other_nd_fb = ar_alloc(sizeof *nv->other_nd_fb * (size_t)(nv->nrules + 1));
	for (int i = 0; i < nv->nrules; i++) {
		struct rule *r = &nv->rules[i];
		int q = r->req >= 0 && !(r->eol && r->nt == 1) ? r->req : -1;
		/* seq's first step fails on any other first byte */
		int fb = r->bol && r->nt > 0 && r->t[0].type == T_LIT && r->t[0].n > 0
		    ? (unsigned char)r->t[0].s[0] : -1;
		if (r->act == AR_NAV_A_DROP_SPAN) {
			if (!r->kept)
				nv->spans_req[nv->nspans] = q, nv->spans[nv->nspans++] = i;
		} else if (!in_bucket(r)) {
			nv->other_req[nv->nother] = q, nv->other_fb[nv->nother] = fb;
			nv->other[nv->nother++] = i;
			if (!(r->bol && r->t[0].type == T_DIGITS)) {
				nv->other_nd_req[nv->nother_nd] = q, nv->other_nd_fb[nv->nother_nd] = fb;
				nv->other_nd[nv->nother_nd++] = i;
			}
		}
	}
}

/* first line rule (not span) that matches, or -1; *m where it did */
static int
find_rule(struct ar_nav *nv, const char *s, size_t b, size_t e, struct match *bm)
{
	int best = -1;
	struct match m;

	if (e - b >= 2) {
		unsigned k = (unsigned char)s[b] << 8 | (unsigned char)s[b + 1];
		for (int i = nv->bucket[k]; i >= 0; i = nv->rules[i].next)
			if (!head_differs(&nv->rules[i], s, b, e) && rmatch(nv, &nv->rules[i], s, b, e, &m)) {
				best = i;
				*bm = m;
				break;
			}
	}
	/* the rules anchored on a figure ("^####-##-##") need one first */
	int nodig = skip_digits(s, b, e) == b;
	const int *list = nodig ? nv->other_nd : nv->other;
	const int *req = nodig ? nv->other_nd_req : nv->other_req;
	const int *fb = nodig ? nv->other_nd_fb : nv->other_fb;
	int nlist = nodig ? nv->nother_nd : nv->nother;
	int first = b < e ? (unsigned char)s[b] : -2;
	for (int j = 0; j < nlist; j++) {
		/* lit_absent, on the line as it arrived (the cache's) */
		if (req[j] >= 0 && lit_find(nv, req[j], s, b, e) < 0)
			continue;
		if (fb[j] >= 0 && fb[j] != first)
			continue;
		int i = list[j];
		if (best >= 0 && i > best)
			break;
		if (rmatch(nv, &nv->rules[i], s, b, e, &m)) {
			best = i;
			*bm = m;
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
		nv->keep_layers = ~(1u << AR_NAV_L_RULE), found = 1;
	for (int l = AR_NAV_L_PAGE; l < AR_NAV_L_COUNT; l++)
		if (!strcmp(kind, ar_nav_layer_name(l)))
			nv->keep_layers |= 1u << l, found = 1;
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

static int
add_stop(char *line, size_t n, unsigned long lineno, void *ctx)
{
	struct stopwords *sw = ctx;

	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	if (n == 0 || n > 32)
		return 0;
	if (n > sw->maxn)
		sw->maxn = (unsigned char)n;
	if (n < 2 || nav_stop(sw, line, n))
		return 0;       /* nav_stop never asks for shorter words */
	if (sw->count == SW_SLOTS - 1) {        /* a slot stays free: probes end */
		if (!sw->full++)
			ar_warn("stopwords.txt:%lu: more than %d stop words: the rest are not read",
			    lineno, SW_SLOTS - 1);
		return 0;
	}
	uint64_t a, b;
	nav_swparts(line, n, &a, &b);
	uint32_t h = nav_swslot(a, b, n);
	for (int tries = 0; tries < SW_SLOTS; tries++, h = (h + 1) & (SW_SLOTS - 1))
		if (!sw->tab[h].n) {
			char *c = ar_alloc(n);
			memcpy(c, line, n);
			sw->tab[h] = (struct swslot){ a, b, c, (unsigned char)n };
			sw->count++;
			return 0;
		}
	return 0;
}

int
nav_is_stop(const struct stopwords *sw, const char *s, size_t n)
{
	return nav_stop(sw, s, n);
}

/* ---- line features and classes ---- */
/* separators between the items of a menu or a ticker */
static int
is_sep(int32_t cp)
{
	switch (cp) {
	case '|': case 0x2022: case 0x00B7: case 0x203A: case 0x2039: case 0x25C4:
	case 0x25BA: case 0x25AA: case 0x25A0: case 0x25CF: case 0x2023: case 0x2219:
	case 0x25C0: case 0x25B6: case 0x276F: case 0x276E:
		return 1;
	}
	return 0;
}

/* bullets that open an item */
static int
is_bullet(int32_t cp)
{
	return cp == '-' || cp == '*' || cp == 0x2013 || cp == 0x2014 || cp == 0x25E6
	    || (is_sep(cp) && cp != '|');
}

/* ©, ®, ™, °, arrows, shapes, dingbats and pictographs: a widget's signs */
static int
is_symbol(int32_t cp)
{
	return cp == 0xA9 || cp == 0xAE || cp == 0x2122 || cp == 0xB0
	    || (cp >= 0x2190 && cp <= 0x2BFF && !is_sep(cp)) || (cp >= 0x1F000 && cp < 0x1FB00);
}

/* "1 -", "2.", "3)" or "4 " before a word: a numbered item */
static int
numbered(const char *s, size_t b, size_t e)
{
	size_t p = skip_digits(s, b, e), q;

	if (p == b || p - b > 4)
		return 0;
	q = skip_space(s, p, e);
	if (q < e && (s[q] == '-' || s[q] == '.' || s[q] == ')'))
		q = skip_space(s, q + 1, e);
	else if (q == p)
		return 0;
	return q < e && (unsigned char)s[q] >= 0xD8 && q > p;
}

/* The content words of the line, in the same pass (struct words): what
 * navpage.c's line_words makes of them, while the line is of the text
 * both read alike (ASCII, Arabic letters, marks and tatweel inside words,
 * the common punctuation). Digits end a content word, as they do there
 * ("كورونا19" holds one). On anything else (format characters, marks
 * outside words, Arabic-Indic digits, other punctuation) the pass gives
 * up and the page model reads the line itself when it asks. */
struct words {
	struct nav_page *pg;
	size_t start;           /* the line's first word in pg->w */
	int ok;                 /* still read alike */
	uint16_t f[50];         /* the content word's letters, folded (48), and
				 * two for stem_of */
	int k;
	unsigned ncp;
	size_t cws;             /* where the content word began */
	unsigned char num, let; /* in a run of digits; the content word holds letters */
};

/* nav_stem_plain out of line: inline, it makes word_end too big for the
 * compiler to inline that into features, which costs more. The two
 * letters after the word read as none. */
static __attribute__((noinline)) uint32_t
stem_of(uint16_t *c, int k)
{
	c[k] = c[k + 1] = 0;
	return nav_stem_plain(c, k);
}

/* The content word [cws, i) ends; stop says if it is a stop word, or is
 * -1 to look it up. */
static inline void
word_end(struct words *wd, const struct stopwords *sw, const char *s, size_t i, int stop)
{
	if (wd->let && wd->ncp >= 3
	    && !(stop >= 0 ? stop : nav_stop(sw, s + wd->cws, i - wd->cws))) {
		uint32_t h = stem_of(wd->f, wd->k);
		struct nav_page *pg = wd->pg;
		if (h) {
			if (pg->nw == pg->wcap) {
				pg->wcap = pg->wcap ? 2 * pg->wcap : 4096;
				pg->w = ar_realloc(pg->w, pg->wcap * sizeof *pg->w);
			}
			pg->w[pg->nw++] = h;
		}
	}
	wd->k = 0, wd->ncp = 0, wd->let = 0;
}

/* punctuation outside the fast paths that both passes skip */
static inline int
plain_punct(int32_t cp)
{
	switch (cp) {
	case 0xA0: case 0xAB: case 0xBB: case 0xB7: case 0x2013: case 0x2014:
	case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2026: case 0x2022:
	case 0x060C: case 0x061B: case 0x061F:
		return 1;
	}
	return 0;
}

/* Each byte of ASCII as features() reads it: the letters, digits and
 * blanks by a table lookup, the few signs it counts by a switch. */
enum { A_OTHER, A_LOWER, A_UPPER, A_DIGIT, A_BLANK, A_SIGN };
static const unsigned char ascii_kind[128] = {
	['\t'] = A_BLANK, [' '] = A_BLANK,
	['0'] = A_DIGIT, ['1'] = A_DIGIT, ['2'] = A_DIGIT, ['3'] = A_DIGIT, ['4'] = A_DIGIT,
	['5'] = A_DIGIT, ['6'] = A_DIGIT, ['7'] = A_DIGIT, ['8'] = A_DIGIT, ['9'] = A_DIGIT,
	['@'] = A_SIGN, ['#'] = A_SIGN, ['/'] = A_SIGN, [','] = A_SIGN, ['('] = A_SIGN,
	[')'] = A_SIGN, ['|'] = A_SIGN, ['>'] = A_SIGN,
#define L2(a, b) [a] = A_UPPER, [b] = A_LOWER
	L2('A','a'), L2('B','b'), L2('C','c'), L2('D','d'), L2('E','e'), L2('F','f'),
	L2('G','g'), L2('H','h'), L2('I','i'), L2('J','j'), L2('K','k'), L2('L','l'),
	L2('M','m'), L2('N','n'), L2('O','o'), L2('P','p'), L2('Q','q'), L2('R','r'),
	L2('S','s'), L2('T','t'), L2('U','u'), L2('V','v'), L2('W','w'), L2('X','x'),
	L2('Y','y'), L2('Z','z'),
#undef L2
};

/* The Arabic letters by their two bytes (the lead, then the second in the
 * high byte), read as one 16-bit index: AR2_LETTER for a letter, with
 * AR2_STORE and the folded letter in the low bits unless it is tatweel,
 * and AR2_BAD when the second byte is no continuation byte (the letter
 * counts, the line's words are left to the page model). 0: no letter,
 * which ends a run, as does any other lead byte. Most of a line is made
 * of them. */
#define AR2_FOLD 0xFFFFu          /* the low half: stored as it is */
#define AR2_LETTER 0x10000u
#define AR2_BAD 0x20000u
#define AR2_STORE 0x80000000u       /* the top bit: added to the count */
#define AR2_FAST 0x40000000u        /* stored and not bad */
static uint32_t ar2_letter[65536];

static void
ar2_init(void)
{
	ar_cclass_init();
	for (unsigned lead = 0xD8; lead <= 0xD9; lead++)
		for (unsigned c1 = 0; c1 < 256; c1++) {
			int32_t cp = (int32_t)(((lead & 0x1F) << 6) | (c1 & 0x3F));
			uint32_t t = 0;
			if (ar_cclass_bmp[cp] == AR_C_LETTER) {
				t = AR2_LETTER;
				if (cp != 0x0640)
					t |= AR2_STORE | (uint32_t)nav_fold_letter(cp);
				if ((c1 & 0xC0) != 0x80)
					t |= AR2_BAD;
				else if (t & AR2_STORE)
					t |= AR2_FAST;
			}
			unsigned char two[2] = { (unsigned char)lead, (unsigned char)c1 };
			uint16_t at;
			memcpy(&at, two, 2);
			ar2_letter[at] = t;
		}
}

/* the table's entry for the two bytes at s + i, read as one word in the
 * machine's order (as ar2_init wrote them) */
static inline unsigned
ar2_at(const char *s, size_t i)
{
	uint16_t at;
	memcpy(&at, s + i, 2);
	return ar2_letter[at];
}

/* nav_stem's tables, from its rules: وال فال بال كال before two letters
 * or more; لل and ال before two; else و or ف before three. Endings: ات
 * ون ين ان ها هم when three letters stay, else a final teh marbuta or yeh
 * (folded to ه, ي) when three stay. */
unsigned char nav_stem_pre[2][SL_COUNT << 3];
unsigned char nav_stem_cut[SL_COUNT][16];     /* rows of 16: an index by shift */
unsigned char nav_stem_prek[6][128];   /* rows of 128: an index by shift */
unsigned char nav_stem_cls680[0x680], nav_stem_k1[0x680], nav_stem_k2[0x680];

void
nav_stem_init(void)
{
	for (int five = 0; five < 2; five++)
		for (int key = 0; key < SL_COUNT << 3; key++) {
			int c0 = key >> 3, alef2 = key >> 2 & 1, lam2 = key >> 1 & 1, lam3 = key & 1;
			int wa = c0 == SL_WAW || c0 == SL_FEH, b = 0;
			if (five && (wa || c0 == SL_BA) && alef2 && lam3)
				b = 3;
			else if ((c0 == SL_LAM || c0 == SL_ALEF) && lam2)
				b = 2;
			else if (wa)
				b = 1;
			nav_stem_pre[five][key] = (unsigned char)b;
		}
	for (int k = 4; k < 6; k++)
		memcpy(nav_stem_prek[k], nav_stem_pre[k >= 5], sizeof nav_stem_pre[0]);
	for (int32_t c = 0; c < 0x680; c++) {
		nav_stem_cls680[c] = (unsigned char)nav_stem_cls(c);
		nav_stem_k1[c] = (unsigned char)((c == 0x627) << 2 | (c == 0x644) << 1);
		nav_stem_k2[c] = c == 0x644;
	}
	for (int z = 0; z < SL_COUNT; z++)
		for (int y = 0; y < SL_COUNT; y++)
			nav_stem_cut[z][y] = (z == SL_TEH && y == SL_ALEF)
			    || (z == SL_NOON && (y == SL_WAW || y == SL_YEH || y == SL_ALEF))
			    || ((z == SL_ALEF || z == SL_MEEM) && y == SL_HEH) ? 2
			    : z == SL_HEH || z == SL_YEH ? 1 : 0;
}

/* the word s[ws..i) ends: counted, and its stem kept */
static inline void
close_word(const struct stopwords *sw, const char *s, size_t ws, size_t i, struct feat *f,
    struct words *wd)
{
	int stop = nav_stop(sw, s + ws, i - ws);

	f->words++;
	f->sw += stop;
	if (wd->ok)
		word_end(wd, sw, s, i, wd->cws == ws ? stop : -1);
	wd->num = 0;
}

/* Plain words from s[i], where no word is open: each of sound letters
 * that are kept (no tatweel, no bad byte, 48 at most), ended by one space
 * or by the line's end. What the steps of features() would do for each,
 * with the counts in registers. A word whose letters go on into anything
 * else is left open (*ows its start), as a run of letters leaves it; on a
 * line whose words are not kept, it is left to features() whole. */
static inline size_t
plain_words(const struct stopwords *sw, const char *s, size_t i, size_t e, struct feat *f,
    struct words *wd, int32_t *last, int32_t *prev, int32_t *first, size_t *ows)
{
	unsigned words = 0, stops = 0, nsp = 0;
	int32_t la = *last, pr = *prev;
	uint16_t *fk = wd->f;
	unsigned t;
	size_t i0 = i, e1 = e - 1;      /* i < e1: two bytes left */

	while (i < e1 && ((t = ar2_at(s, i)) & AR2_FAST)) {
		size_t j = i, lim1 = i + 96 < e1 ? i + 96 : e1;
		for (;;) {
			/* two bytes a letter in s as in fk: j - i places both */
			uint16_t c16 = (uint16_t)t;
			memcpy((char *)fk + (j - i), &c16, 2);
			j += 2;
			if (j >= lim1 || !((t = ar2_at(s, j)) & AR2_FAST))
				break;
		}
		size_t k = (j - i) / 2;
		size_t sp = j < e;
		int open = sp && s[j] != ' ';
		if (open && !wd->ok)
			break;
		if (!words && (f->words == 0 || !*first)) {    /* the first word only */
			int32_t cp = 0x600 | ((s[i] & 1) << 6) | ((unsigned char)s[i + 1] & 0x3F);
			if (f->words == 0 && (cp == 0x0648 || cp == 0x0641))
				f->waw = 1;
			if (!*first)
				*first = cp;
		}
		if (open) {
			/* the word goes on (punctuation, a mark, a digit...): as
			 * the general steps leave a run of letters */
			wd->k = (int)k, wd->ncp = (unsigned)k, wd->let = 1;
			*ows = i;
			pr = k >= 2 ? 0x0627 : la;
			la = 0x0627;
			i = j;
			break;
		}
		nsp += (unsigned)sp, words++;
		int stop = nav_stop(sw, s + i, j - i);
		stops += (unsigned)stop;
		if (!stop && k >= 3 && wd->ok) {
			uint32_t h = stem_of(fk, (int)k);
			struct nav_page *pg = wd->pg;
			if (h) {
				if (pg->nw == pg->wcap) {
					pg->wcap = pg->wcap ? 2 * pg->wcap : 4096;
					pg->w = ar_realloc(pg->w, pg->wcap * sizeof *pg->w);
				}
				pg->w[pg->nw++] = h;
			}
		}
		pr = k >= 2 ? 0x0627 : la;
		la = 0x0627;
		i = j + sp;
	}
	/* the bytes taken are two a letter and one a space */
	unsigned letters = (unsigned)(i - i0 - nsp) / 2;
	f->ar += letters, f->cps += letters + nsp, f->words += words, f->sw += stops;
	*last = la, *prev = pr;
	return i;
}

static void
features(const struct stopwords *sw, const char *s, size_t b, size_t e, struct feat *f,
    struct words *wd)
{
	size_t i = b, ws = 0;
	int inw = 0;
	int32_t cp, last = 0, prev = 0, first = 0;

	memset(f, 0, sizeof *f);
	while (i < e) {
		unsigned char c = (unsigned char)s[i];
		int word;
		size_t l;
		unsigned t;

		if (i + 2 <= e && (t = ar2_at(s, i))) {
			if (!inw && (t & AR2_FAST)) {
				size_t ows = e;
				size_t j = plain_words(sw, s, i, e, f, wd, &last, &prev, &first, &ows);
				if (ows < e) {
					ws = wd->cws = ows;
					inw = 1;
				}
				if (j != i) {
					i = j;
					continue;
				}
			}
			/* a run of Arabic letters, most of the text: what the
			 * general steps below would count for each of them */
			if (!inw) {
				ws = wd->cws = i;
				inw = 1;
				cp = 0x600 | ((c & 1) << 6) | ((unsigned char)s[i + 1] & 0x3F);
				if (f->words == 0 && (cp == 0x0648 || cp == 0x0641))
					f->waw = 1;
			} else if (wd->num) {
				wd->num = 0;
				wd->cws = i;
			}
			if (!first)
				first = 0x600 | ((c & 1) << 6) | ((unsigned char)s[i + 1] & 0x3F);
			size_t j = i, lim = e - 1;      /* j < lim: two bytes left */
			size_t k = (size_t)wd->k, room = 48 - k;
			uint16_t *fk = wd->f;
			unsigned all = 0;
			/* while the word cannot reach 48 letters, a letter goes
			 * to fk[k] with no test of k (tatweel too, not kept) */
			int more = !room;
			if (room) {
				size_t lim1 = lim - j > 2 * room ? j + 2 * room : lim;
				/* the letters kept, sound: one test each */
				if (t & AR2_FAST) {
					all = AR2_STORE;
					for (;;) {
						fk[k++] = (uint16_t)t;
						j += 2;
						if (j >= lim1 || !((t = ar2_at(s, j)) & AR2_FAST))
							break;
					}
				}
				if (j < lim1 && t)
					for (;;) {      /* tatweel or a bad byte: all of them */
						all |= t;
						fk[k] = (uint16_t)t;
						k += t >> 31;
						j += 2;
						if (j >= lim1 || !(t = ar2_at(s, j)))
							break;
					}
				more = j >= lim1 && j < lim && (t = ar2_at(s, j));
			}
			if (more)
				for (;;) {      /* a long word's rest */
					all |= t;
					if (k < 48) {
						fk[k] = (uint16_t)t;
						k += t >> 31;
					}
					j += 2;
					if (j >= lim || !(t = ar2_at(s, j)))
						break;
				}
			unsigned run = (unsigned)(j - i) / 2;
			wd->k = (int)k;
			if (all & AR2_BAD)
				wd->ok = 0;
			if (all & AR2_STORE)
				wd->let = 1;
			wd->ncp += run;
			f->ar += run, f->cps += run;
			/* which letter it was does not matter: the line's last two
			 * signs are asked for punctuation only */
			prev = run >= 2 ? 0x0627 : last;
			last = 0x0627;
			i = j;
			continue;
		}
		if (c == ' ') {         /* most of what is no letter */
			if (inw) {
				close_word(sw, s, ws, i, f, wd);
				inw = 0;
			}
			f->cps++;
			i++;
			continue;
		}
		if (c < 0x80) {
			l = 1;
			cp = c;
			switch (ascii_kind[c]) {
			case A_UPPER:
			case A_LOWER:
				if (wd->num)
					wd->num = 0, wd->cws = i;
				f->lat++;
				word = 1;
				wd->let = 1, wd->ncp++;
				if (wd->k < 48)
					wd->f[wd->k++] = c | 0x20;
				break;
			case A_DIGIT:
				f->dig++;
				word = 1;
				if (inw && !wd->num && wd->ok)
					word_end(wd, sw, s, i, -1);
				wd->num = 1;
				break;
			case A_SIGN:
				word = 0;
				/* a handle or a hashtag; not markdown's "## " heading */
				if (c == '@' || (c == '#' && i + 1 < e && s[i + 1] != ' ' && s[i + 1] != '#'))
					f->links++;
				else if (c == '/' && i >= 1 && s[i - 1] == ':' && i + 1 < e && s[i + 1] == '/')
					f->links++;
				else if (c == ',')
					f->comma = 1;
				else if (c == '(' || c == ')')
					f->paren = 1;
				else if (c == '|')
					f->seps++;
				else if ((c == '>' || c == '/') && i > b && s[i - 1] == ' '
				    && i + 1 < e && s[i + 1] == ' ')
					f->seps++;         /* a > b, a / b: a breadcrumb */
				break;
			default:
				word = 0;
			}
		} else {
			l = ar_u8len(c);
			if (i + l > e) {
				wd->ok = 0;
				break;
			}
			ar_u8dec(s + i, &cp);
			int k = ar_cclass(cp);
			/* a mark or tatweel inside a word counts in it, no letter;
			 * after digits it opens a content word, as a letter does */
			if ((k == AR_C_LETTER || ((k == AR_C_MARK || cp == 0x0640) && inw)) && wd->num)
				wd->num = 0, wd->cws = i;
			if ((k == AR_C_MARK || cp == 0x0640) && inw)
				wd->ncp++;
			else if (!plain_punct(cp))
				wd->ok = 0;
			switch (k) {
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
				word = inw;
				break;
			case AR_C_FORMAT:
				f->cps--;
				word = inw;
				break;
			case AR_C_DIGIT:
				f->dig++;
				word = 1;
				break;
			default:
				if (cp == 0x060C)
					f->comma = 1;
				else if (is_sep(cp))
					f->seps++;
				else if (is_symbol(cp))
					f->symbol = 1;
				word = cp == 0x0640 ? inw : 0;
			}
		}
		if (word && !inw) {
			ws = wd->cws = i;
			inw = 1;
			if (f->words == 0 && (cp == 0x0648 || cp == 0x0641))
				f->waw = 1;
		} else if (!word && inw) {
			close_word(sw, s, ws, i, f, wd);
			inw = 0;
		}
		if (!(c == ' ' || c == '\t')) {
			if (!first)
				first = cp;
			prev = last;
			last = cp;
		}
		f->cps++;
		i += l;
	}
	if (inw)
		close_word(sw, s, ws, e, f, wd);
	switch (last) {
	case '.': case '!': case '?': case 0x061F: case 0x2026: case ':': case 0x061B:
		f->term = 1;
		break;
	case '"': case 0x00BB: case 0x201D: case ')':
		f->term = prev == '.' || prev == '!' || prev == '?' || prev == 0x061F;
		break;
	}
	f->colon = last == ':';
	f->bullet = first && is_bullet(first) && f->words > 0;
	f->numbered = numbered(s, b, e);
}

/* The class of a line by its features. On a page in Arabic a line mostly
 * in Latin letters is furniture (a share bar, a cookie notice, code); on a
 * page in a Latin script (latin set: an edition in English) it is read as
 * an Arabic line is, by its stop words and its shape. */
int
nav_classify(const struct feat *f, int latin)
{
	unsigned letters = f->ar + f->lat;
	double d = f->words ? (double)f->sw / f->words : 0;

	if (letters + f->dig == 0)
		return AR_NAV_C_BLANK;
	if (f->links && (f->words <= 4 || (!latin && f->lat > f->ar)))
		return AR_NAV_C_BAD;
	if (!latin && f->lat > 2 * f->ar && f->lat >= 12)
		return AR_NAV_C_BAD;
	if (f->seps >= 2 && f->words <= 4 * (f->seps + 1))
		return AR_NAV_C_BAD;            /* items: a | b | c, • a • b */
	if (f->cps < 40 || f->words < 6)
		return AR_NAV_C_SHORT;
	/* news prose is dense: a long sentence that ends as one does needs
	 * fewer function words (افتتح وزير الثقافة ... في دورته الجديدة،) */
	if ((f->cps >= 100 && d >= 0.10) || (f->cps >= 50 && d >= 0.15 && f->term)
	    || (f->cps >= 120 && d >= 0.05 && f->term && f->words >= 12))
		return AR_NAV_C_GOOD;
	if (f->cps >= 160 && d < 0.04 && !f->term && !f->comma)
		return AR_NAV_C_BAD;
	if (!f->term && !f->waw && !f->comma && !f->paren && f->cps <= 160)
		return AR_NAV_C_HEAD;
	return AR_NAV_C_NEAR;
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

/* Remove drop-span runs from s; 1 if anything went (the rest goes to the
 * page's outb, what went to its cutb). */
static int
spans_apply(struct ar_nav *nv, struct ent *x, const char *s, size_t n, size_t b, size_t e)
{
	struct ar_buf *a = &nv->span_a, *bb = &nv->span_b;
	struct nav_page *pg = &nv->pg;
	const char *cur = s;
	size_t len = n;
	int changed = 0;

	x->coff = pg->cutb.len;

	/* s[b..e) trimmed, as arrive found it; the bounds change only when a
	 * span is cut */
	for (int j = 0; j < nv->nspans; j++) {
		/* lit_absent while the line is as it arrived (the cache's) */
		int q = nv->spans_req[j];
		if (q >= 0 && cur == nv->lc_s && b == nv->lc_b && e == nv->lc_e
		    && lit_find(nv, q, cur, b, e) < 0)
			continue;
		const struct rule *r = &nv->rules[nv->spans[j]];
		for (int guard = 0; guard < 16; guard++) {
			struct match m;
			size_t from, to, l;
			if (lit_absent(nv, r, cur, b, e) || head_differs(r, cur, b, e)
			    || !rmatch(nv, r, cur, b, e, &m))
				break;
			from = m.start, to = m.end;
			if (r->back && !span_back(nv, r, cur, b, e, &m, &from, &to))
				break;
			if (to == from)
				break;
			badd(&pg->cutb, cur + from, to - from);
			ar_buf_addc(&pg->cutb, '\n');
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
			b = skip_space(cur, 0, len), e = trim_end(cur, b, len);
			changed = 1;
			x->rule = nv->spans[j];
		}
	}
	x->clen = pg->cutb.len - x->coff;
	if (changed) {
		x->ooff = pg->outb.len;
		badd(&pg->outb, cur, len);
		x->olen = len;
	}
	return changed;
}

/* ---- the page held ---- */
static void
page_reset(struct nav_page *pg)
{
	pg->n = 0;
	pg->text.len = pg->outb.len = pg->cutb.len = 0;
	pg->nw = 0;
	pg->bytes = 0;
	pg->rest = 0;
}

/* a new entry for line s[0..n), copied unless it is the huge line */
static size_t
page_add(struct nav_page *pg, const char *s, size_t n, unsigned long lineno, uint32_t nphys)
{
	if (pg->n == pg->cap) {
		pg->cap = pg->cap ? 2 * pg->cap : 256;
		pg->e = ar_realloc(pg->e, pg->cap * sizeof *pg->e);
	}
	struct ent *x = &pg->e[pg->n];
	memset(x, 0, sizeof *x);
	x->lineno = lineno;
	x->rule = -1;
	x->cls = AR_NAV_C_RULE;
	x->wn = NOWORDS;
	x->len = n;
	x->nphys = nphys;
	if (!pg->ext) {
		x->off = pg->text.len;
		badd(&pg->text, s, n);
	}
	pg->bytes += n;
	return pg->n++;
}

/* the page's line i, as the callback sees it */
static void
emit(struct ar_nav *nv, size_t i, const struct ar_nav_page *info)
{
	struct nav_page *pg = &nv->pg;
	struct ent *x = &pg->e[i];
	struct ar_nav_line ln;
	char detail[64];

	if (x->newpage)
		pg->pageno++;
	ln.text = ent_text(pg, x);
	ln.len = x->len;
	ln.kept = ent_kept(pg, x, &ln.keptlen);
	if (x->fin != F_S)
		ln.kept = ln.text, ln.keptlen = ln.len;
	ln.cut = x->spanned && pg->cutb.s ? pg->cutb.s + x->coff : "";
	ln.cutlen = x->spanned ? x->clen : 0;
	ln.source = NULL;
	ln.sourcelen = 0;
	if (x->source && x->len) {
		size_t b = skip_space(ln.text, 0, x->len), e = trim_end(ln.text, b, x->len);
		if (e > b && ln.text[e - 1] == ':')
			e--;
		ln.source = ln.text + b;
		ln.sourcelen = e - b;
	}
	ln.pg = info;
	ln.lineno = x->lineno;
	ln.page = pg->pageno;
	ln.newpage = x->newpage;
	ln.first = i == 0;
	pg->started = 1;
	ln.verdict = x->fin == F_K ? AR_NAV_KEEP : x->fin == F_S ? AR_NAV_SPAN : AR_NAV_DROP;
	ln.role = ln.verdict == AR_NAV_DROP ? AR_NAV_ROLE_NONE : x->role ? x->role
	    : AR_NAV_ROLE_BODY;
	ln.rule = x->rule;
	ln.action = x->rule >= 0 ? nv->rules[x->rule].act : -1;
	ln.rule_name = x->rule >= 0 ? nv->rules[x->rule].name : NULL;
	ln.cls = x->cls;
	ln.layer = x->layer;
	ln.reason = x->reason;
	detail[0] = 0;
	if (x->layer == AR_NAV_L_VOCAB && x->v.cat)
		snprintf(detail, sizeof detail, "%s", nav_vcat_name(x->v.cat));
	else if (x->layer == AR_NAV_L_LIST && x->detail)
		snprintf(detail, sizeof detail, "%u lines", x->detail);
	else if (x->layer == AR_NAV_L_COHESION)
		snprintf(detail, sizeof detail, "shares %.2f", x->detail / 100.0);
	else if (x->layer == AR_NAV_L_TEMPLATE)
		snprintf(detail, sizeof detail, "seen on %u earlier pages", x->tpl);
	ln.detail = detail;
	ln.cps = x->f.cps, ln.words = x->f.words, ln.stops = x->f.sw;
	ln.links = x->f.links != 0, ln.latin = x->f.lat > x->f.ar;
	if (x->nphys <= 1) {
		nv->fn(&ln, nv->ctx);
		return;
	}
	/* a line joined from a wrapped document's lines: each goes back as
	 * it was read, with its verdict (what spans cut stays: they cut
	 * the joined text, not its lines) */
	if (ln.verdict == AR_NAV_SPAN)
		ln.verdict = AR_NAV_KEEP;
	ln.cut = "", ln.cutlen = 0;
	for (uint32_t j = 0; j < x->nphys; j++) {
		ln.len = nav_wrap_pop(nv, &ln.text);
		ln.kept = ln.text, ln.keptlen = ln.len;
		ln.lineno = x->lineno + j;
		if (j)
			ln.first = 0, ln.newpage = 0, ln.source = NULL, ln.sourcelen = 0;
		nv->fn(&ln, nv->ctx);
	}
}

/* what the page model found, for the lines of the page */
static void
page_info(struct ar_nav *nv, struct ar_nav_page *info)
{
	struct nav_page *pg = &nv->pg;

	memset(info, 0, sizeof *info);
	info->page = pg->pageno + (pg->n && pg->e[0].newpage);
	if (pg->title >= 0) {
		const struct ent *t = &pg->e[pg->title];
		info->title = ent_kept(pg, t, &info->titlelen);
	}
	if (pg->haspub) {
		info->date = pg->pubd.iso;
		info->date_line = ent_text(pg, &pg->e[pg->date]);
		info->date_linelen = pg->e[pg->date].len;
	}
	if (pg->hascrawl) {
		info->crawled = pg->crawld.iso;
		if (!info->date) {
			info->date = pg->crawld.iso;
			info->date_line = ent_text(pg, &pg->e[pg->crawl]);
			info->date_linelen = pg->e[pg->crawl].len;
		}
	}
}

/* Decide entries [0, k) of the page, hand them back, and move the rest
 * (lines of the next page, already read) to the front. */
static void
page_flush(struct ar_nav *nv, size_t k)
{
	struct nav_page *pg = &nv->pg;
	struct ar_nav_page info;

	if (k > pg->n)
		k = pg->n;
	if (k) {
		nav_page_decide(nv, k);
		page_info(nv, &info);
		for (size_t i = 0; i < k; i++)
			emit(nv, i, &info);
		nav_wrap_drained(nv);
	}
	size_t rest = pg->n - k;
	if (rest == 0 || pg->ext) {
		page_reset(pg);
		return;
	}
	/* the lines left: their texts are the tails of the buffers */
	struct ent *f = &pg->e[k];
	size_t toff = f->off, ooff = pg->outb.len, coff = pg->cutb.len;
	for (size_t i = k; i < pg->n; i++)
		if (pg->e[i].spanned) {
			ooff = pg->e[i].ooff, coff = pg->e[i].coff;
			break;
		}
	memmove(pg->e, f, rest * sizeof *pg->e);
	pg->n = rest;
	memmove(pg->text.s, pg->text.s + toff, pg->text.len - toff);
	pg->text.len -= toff;
	if (pg->outb.len > ooff)
		memmove(pg->outb.s, pg->outb.s + ooff, pg->outb.len - ooff);
	pg->outb.len -= ooff;
	if (pg->cutb.len > coff)
		memmove(pg->cutb.s, pg->cutb.s + coff, pg->cutb.len - coff);
	pg->cutb.len -= coff;
	pg->bytes = 0;
	for (size_t i = 0; i < rest; i++) {
		struct ent *x = &pg->e[i];
		x->off -= toff;
		if (x->spanned)
			x->ooff -= ooff, x->coff -= coff;
		x->wn = NOWORDS;
		pg->bytes += x->len;
	}
	pg->nw = 0;
}

/* ---- the steps an arriving line goes through ---- */
struct arriving {
	const char *s;
	size_t n, b, e;         /* the line; its text is s[b..e) */
	int ri, act;            /* the first line rule that matches, or -1 */
	struct match m;         /* where it did */
};

/* the last nonblank entry before i, or -1 */
static long
prev_nonblank(const struct nav_page *pg, size_t i)
{
	while (i-- > 0)
		if (!pg->e[i].blank)
			return (long)i;
	return -1;
}

/* Before a page start: the crawler's source name ("NAME:") goes with it. */
static int
reach_back_source(struct ar_nav *nv, struct ent *pv, int ri)
{
	const char *t = ent_text(&nv->pg, pv);
	size_t pe = trim_end(t, 0, pv->len);

	if (!(pe && pe < 300 && t[pe - 1] == ':'))
		return 0;
	pv->fin = nv->rules[ri].kept ? F_K : F_D;
	pv->rule = ri;
	pv->source = 1;
	pv->layer = AR_NAV_L_RULE;
	pv->reason = AR_NAV_R_SOURCE_NAME;
	pv->cls = AR_NAV_C_RULE;
	pv->role = 0;
	return 1;
}

/* Page starts: a start-page rule, or a publication line after a dropped
 * section (whose title, dropped with the section, is the line before it).
 * They may reach back to the line before. Returns where line i is now. */
static size_t
step_page_start(struct ar_nav *nv, size_t i, struct arriving *a)
{
	struct nav_page *pg = &nv->pg;

	if (!(a->act == AR_NAV_A_START_PAGE || (a->act == AR_NAV_A_PUB_DATE && pg->rest)))
		return i;
	long pv = prev_nonblank(pg, i);
	size_t at = i;
	if (a->act == AR_NAV_A_START_PAGE && pv >= 0
	    && reach_back_source(nv, &pg->e[pv], a->ri))
		at = (size_t)pv;
	if (a->act == AR_NAV_A_PUB_DATE && pv >= 0 && pg->e[pv].fin == F_D) {
		struct ent *t = &pg->e[pv];
		t->fin = F_K;
		t->layer = AR_NAV_L_RULE;
		t->reason = AR_NAV_R_TITLE_BEFORE;
		t->role = AR_NAV_ROLE_TITLE;
		at = (size_t)pv;
	}
	pg->rest = 0;
	for (size_t j = 0; j < at; j++)
		if (!pg->e[j].blank) {
			page_flush(nv, at);
			pg->e[0].newpage = 1;
			return i - at;
		}
	return i;
}

static void step_classify(struct ar_nav *nv, struct ent *x, struct arriving *a);

/* A dropped section runs to the end of the page (its lines are measured
 * all the same: the page model may find the body resuming after it). */
static int
step_rest_of_page(struct ar_nav *nv, struct ent *x, struct arriving *a)
{
	struct nav_page *pg = &nv->pg;

	if (!pg->rest || a->act == AR_NAV_A_PUB_DATE || a->act == AR_NAV_A_START_PAGE)
		return 0;
	step_classify(nv, x, a);
	x->fin = F_D;
	x->rule = pg->restrule;
	x->layer = AR_NAV_L_RULE;
	x->reason = AR_NAV_R_REST_OF_PAGE;
	x->rest = 1;
	return 1;
}

/* A drop-rest rule names a section: the line is its heading alone (the
 * match, then at most a few words, under 300 bytes). On a longer line
 * ("read also: a headline") it drops that line only. */
static int
section_heading(const struct arriving *a)
{
	int words = 0, inw = 0;

	if (a->e - a->b >= 300)
		return 0;
	for (size_t p = a->m.end; p < a->e; p++) {
		int w = (unsigned char)a->s[p] >= 0x80 || ((a->s[p] | 0x20) >= 'a'
		    && (a->s[p] | 0x20) <= 'z') || (a->s[p] >= '0' && a->s[p] <= '9');
		if (w && !inw)
			words++;
		inw = w;
	}
	return words <= 4;
}

/* a line rule decides */
static int
step_rule(struct ar_nav *nv, struct ent *x, struct arriving *a)
{
	if (a->ri < 0 || (a->act == AR_NAV_A_DROP_REST && a->e - a->b >= 300))
		return 0;
	const struct rule *r = &nv->rules[a->ri];
	x->rule = a->ri;
	x->layer = AR_NAV_L_RULE;
	x->reason = AR_NAV_R_RULE;
	if (a->act == AR_NAV_A_KEEP_LINE || a->act == AR_NAV_A_PUB_DATE) {
		x->fin = F_K;
		x->pub = a->act == AR_NAV_A_PUB_DATE;
		if (r->attribution)
			x->role = AR_NAV_ROLE_ATTRIBUTION;
	} else {
		x->fin = r->kept ? F_K : F_D;
		if (a->act == AR_NAV_A_DROP_REST && !r->kept && section_heading(a)) {
			nv->pg.rest = 1;
			nv->pg.restrule = a->ri;
		}
	}
	return 1;
}

/* a date or a time, and little else: the grammar covers most of it */
static int
is_datetime(struct ar_nav *nv, const char *s, size_t b, size_t e, const struct feat *f)
{
	if (f->words > 10 || e - b > 160 || (f->dig == 0 && f->words > 4))
		return 0;
	size_t nx = ar_date_scan(nv->dt, s + b, e - b), cov = 0;
	for (size_t k = 0; k < nx; k++) {
		const struct ar_date_expr *x = ar_date_get(nv->dt, k);
		if (strcmp(x->type, "duration"))
			cov += x->c1 - x->c0;
	}
	return nx && 10 * cov >= 5 * f->cps;
}

/* the statistics, the vocabulary and the template count, on what the spans leave */
static void
step_classify(struct ar_nav *nv, struct ent *x, struct arriving *a)
{
	const char *ts = a->s;
	size_t tn = a->n;

	size_t tb = a->b, te = a->e;    /* the line trimmed, as arrive found it */
	if (nv->nspans && spans_apply(nv, x, a->s, a->n, a->b, a->e)) {
		ts = nv->pg.outb.s + x->ooff;
		tn = x->olen;
		x->spanned = 1;
		tb = skip_space(ts, 0, tn), te = trim_end(ts, tb, tn);
	}
	struct words wd;        /* its letters unset: zeroing them cost more */
	wd.pg = &nv->pg, wd.start = nv->pg.nw, wd.ok = te - tb <= 65536;
	wd.k = 0, wd.ncp = 0, wd.cws = 0, wd.num = wd.let = 0;
	features(&nv->sw, ts, tb, te, &x->f, &wd);
	if (wd.ok) {
		x->woff = (uint32_t)wd.start;
		x->wn = (uint32_t)(nv->pg.nw - wd.start);
	} else {
		nv->pg.nw = wd.start;   /* the page model reads the line itself */
	}
	x->cls = (unsigned char)nav_classify(&x->f, 0);
	if (x->cls == AR_NAV_C_BLANK) {
		x->blank = 1;
		x->fin = nv->keep_blank && !x->spanned ? F_K : F_D;
		x->layer = AR_NAV_L_STAT;
		x->reason = AR_NAV_R_BLANK;
		if (x->spanned) {       /* the spans took it all: the rule decided */
			x->layer = AR_NAV_L_RULE;
			x->reason = AR_NAV_R_RULE;
			x->cls = AR_NAV_C_RULE;
		}
		return;
	}
	if (x->f.words <= 24 && te - tb <= 400)
		nav_vocab_line(nv->vocab, &nv->sw, ts + tb, te - tb, &x->v);
	x->datetime = (unsigned char)is_datetime(nv, ts, tb, te, &x->f);
	x->key = nav_tpl_key(ts + tb, te - tb);
	x->tpl = x->key ? nav_tpl_pages(nv->tpl, x->key) : 0;
}

static void
arrive(struct ar_nav *nv, size_t i, const char *s, size_t n)
{
	struct arriving a = { .s = s, .n = n, .act = -1 };

	a.b = skip_space(s, 0, n);
	a.e = trim_end(s, a.b, n);
	nv->lgen++;
	nv->lc_s = s, nv->lc_b = a.b, nv->lc_e = a.e;
	a.ri = find_rule(nv, s, a.b, a.e, &a.m);
	if (a.ri >= 0)
		a.act = nv->rules[a.ri].act;
	i = step_page_start(nv, i, &a);
	struct ent *x = &nv->pg.e[i];
	if (step_rest_of_page(nv, x, &a))
		return;
	if (step_rule(nv, x, &a)) {
		if (x->fin == F_D)
			x->cls = AR_NAV_C_RULE;
		return;
	}
	step_classify(nv, x, &a);
}

void
ar_nav_line(struct ar_nav *nv, const char *s, size_t n, unsigned long lineno)
{
	ar_nav_ready(nv);
	nav_wrap_line(nv, s, n, lineno);
}

/* a line as the page reads it: an input line, or (nphys > 1) the lines
 * of a wrapped paragraph joined */
void
nav_line_in(struct ar_nav *nv, const char *s, size_t n, unsigned long lineno, uint32_t nphys)
{
	struct nav_page *pg = &nv->pg;

	if (n > NAV_HUGE_LINE) {
		/* decided alone, where the reader holds it */
		page_flush(nv, pg->n);
		pg->ext = s;
		arrive(nv, page_add(pg, s, n, lineno, 1), s, n);
		page_flush(nv, pg->n);
		pg->ext = NULL;
		return;
	}
	if (pg->n >= NAV_PAGE_LINES || pg->bytes + n > NAV_PAGE_BYTES) {
		if (!pg->warned++)
			ar_warn("%s: a page of more than %d lines or %zu MB: decided in pieces",
			    ar_doc.name ? ar_doc.name : "-", NAV_PAGE_LINES,
			    NAV_PAGE_BYTES >> 20);
		page_flush(nv, pg->n);
	}
	arrive(nv, page_add(pg, s, n, lineno, nphys), s, n);
}

void
ar_nav_doc_begin(struct ar_nav *nv)
{
	page_reset(&nv->pg);
	nv->pg.pageno = 1;
	nv->pg.warned = 0;
	nv->pg.started = 0;
	nav_wrap_begin(nv);
}

void
ar_nav_doc_end(struct ar_nav *nv)
{
	nav_wrap_end(nv);
	page_flush(nv, nv->pg.n);
}

void
ar_nav_unwrap(struct ar_nav *nv, int on)
{
	nv->wrap.off = !on;
	nav_wrap_begin(nv);
}

int
ar_nav_learn(struct ar_nav *nv, const char *path)
{
	nv->learn = path;
	return nav_tpl_load(nv->tpl, path);
}

int
ar_nav_finish(struct ar_nav *nv)
{
	if (!nv->learn)
		return 0;
	return nav_tpl_save(nv->tpl, nv->learn);
}

/* ---- explaining ---- */
void
ar_nav_explain(const struct ar_nav_line *ln, struct ar_buf *out)
{
	char buf[256];
	int l;

	if (ln->layer == AR_NAV_L_RULE) {
		l = snprintf(buf, sizeof buf, "rule:%s%s%s", ln->rule_name ? ln->rule_name : "",
		    ln->reason != AR_NAV_R_RULE ? " " : "", ar_nav_reason_text(ln->reason));
	} else {
		l = snprintf(buf, sizeof buf, "%s:%s%s%s%s", ar_nav_layer_name(ln->layer),
		    ar_nav_reason_text(ln->reason), *ln->detail ? " (" : "", ln->detail,
		    *ln->detail ? ")" : "");
		if (ln->rule_name && l >= 0 && (size_t)l < sizeof buf)
			l += snprintf(buf + l, sizeof buf - (size_t)l, ", cut by rule:%s",
			    ln->rule_name);
	}
	if (ln->cls != AR_NAV_C_RULE && ln->cls != AR_NAV_C_BLANK && l >= 0
	    && (size_t)l < sizeof buf)
		l += snprintf(buf + l, sizeof buf - (size_t)l, "; %s len=%u sw=%.2f%s%s",
		    ar_nav_class_name(ln->cls), ln->cps,
		    ln->words ? (double)ln->stops / ln->words : 0,
		    ln->links ? " links" : "", ln->latin ? " latin" : "");
	if (l < 0)
		l = 0;
	if ((size_t)l >= sizeof buf)
		l = (int)sizeof buf - 1;
	badd(out, buf, (size_t)l);
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
	nv->vocab = nav_vocab_new();
	nv->tpl = nav_tpl_new();
	nv->dt = ar_date_new(NULL, NULL);
	ar2_init();
	nav_stem_init();
	ar_nav_doc_begin(nv);
	return nv;
}

void
ar_nav_free(struct ar_nav *nv)
{
	if (!nv)
		return;
	nav_wrap_free(&nv->wrap);
	for (int i = 0; i < nv->nrules; i++)
		rule_free(&nv->rules[i]);
	free(nv->rules);
	for (int i = 0; i < nv->nlits; i++)
		free((char *)nv->lits[i].s);
	free(nv->lits);
	free(nv->other);
	free(nv->other_nd);
	free(nv->spans);
	free(nv->other_req);
	free(nv->other_nd_req);
	free(nv->spans_req);
	free(nv->other_fb);
	free(nv->other_nd_fb);
	for (int i = 0; i < SW_SLOTS; i++)
		free((char *)nv->sw.tab[i].s);
	free(nv->pg.e);
	free(nv->pg.w);
	free(nv->pm);
	ar_buf_free(&nv->pg.text);
	ar_buf_free(&nv->pg.outb);
	ar_buf_free(&nv->pg.cutb);
	nav_vocab_free(nv->vocab);
	nav_tpl_free(nv->tpl);
	if (nv->dt)
		ar_date_free(nv->dt);
	ar_buf_free(&nv->span_a);
	ar_buf_free(&nv->span_b);
	ar_buf_free(&nv->scratch);
	free(nv);
}
