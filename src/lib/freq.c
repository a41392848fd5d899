/* freq.c: a table of word frequencies: three counts under a string key and
 * a tag (ar-kwic -c counts each spelling per pattern; --collocates counts
 * words left and right of the hits and in the whole text), and the
 * statistics that rank collocates (log-likelihood, MI, t-score, Log Ratio)
 * and each collocate's commonest written form; --clusters counts the runs
 * of words that hold a hit. */
#include "arlib.h"

#include <math.h>
#include <stdlib.h>

static uint32_t
key_hash(const char *s, size_t n, int tag)
{
	uint32_t h = 2166136261u ^ (uint32_t)tag;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* Double the slots, which stay a power of two at most half full. */
static void
grow(struct ar_freq *t)
{
	size_t oc = t->cap;
	struct ar_freq_ent *old = t->slot;

	t->cap = t->cap ? t->cap * 2 : 1024;
	t->slot = ar_alloc(t->cap * sizeof *t->slot);
	memset(t->slot, 0, t->cap * sizeof *t->slot);
	for (size_t i = 0; i < oc; i++)
		if (old[i].used) {
			size_t j = old[i].h & (t->cap - 1);
			while (t->slot[j].used)
				j = (j + 1) & (t->cap - 1);
			t->slot[j] = old[i];
		}
	free(old);
}

struct ar_freq_ent *
ar_freq_get(struct ar_freq *t, const char *s, size_t n, int tag)
{
	uint32_t h = key_hash(s, n, tag);
	struct ar_freq_ent *e;
	size_t i;

	if (t->n * 2 >= t->cap)
		grow(t);
	for (i = h & (t->cap - 1); t->slot[i].used; i = (i + 1) & (t->cap - 1)) {
		e = &t->slot[i];
		if (e->h == h && e->len == n && e->tag == tag && !memcmp(t->keys.s + e->off, s, n))
			return e;
	}
	e = &t->slot[i];
	e->used = 1;
	e->h = h;
	e->off = t->keys.len;
	e->len = n;
	e->tag = tag;
	e->a = e->b = e->c = 0;
	e->aux = 0;
	ar_buf_add(&t->keys, s, n);
	t->n++;
	return e;
}

struct ar_freq_ent *
ar_freq_find(const struct ar_freq *t, const char *s, size_t n, int tag)
{
	uint32_t h = key_hash(s, n, tag);

	if (!t->cap)
		return NULL;
	for (size_t i = h & (t->cap - 1); t->slot[i].used; i = (i + 1) & (t->cap - 1)) {
		struct ar_freq_ent *e = &t->slot[i];
		if (e->h == h && e->len == n && e->tag == tag && !memcmp(t->keys.s + e->off, s, n))
			return e;
	}
	return NULL;
}

struct ar_freq_ent **
ar_freq_all(const struct ar_freq *t, size_t *n)
{
	struct ar_freq_ent **v = ar_alloc((t->n + 1) * sizeof *v);

	*n = 0;
	for (size_t i = 0; i < t->cap; i++)
		if (t->slot[i].used)
			v[(*n)++] = &t->slot[i];
	return v;
}

static const struct ar_freq *sort_table;

static int
cmp_sorted(const void *pa, const void *pb)
{
	const struct ar_freq_ent *a = *(struct ar_freq_ent *const *)pa;
	const struct ar_freq_ent *b = *(struct ar_freq_ent *const *)pb;
	const char *ka = ar_freq_key(sort_table, a), *kb = ar_freq_key(sort_table, b);
	if (a->tag != b->tag)
		return a->tag < b->tag ? -1 : 1;
	if (a->a != b->a)
		return a->a > b->a ? -1 : 1;
	int m = memcmp(ka, kb, a->len < b->len ? a->len : b->len);
	return m ? m : (a->len > b->len) - (a->len < b->len);
}

struct ar_freq_ent **
ar_freq_sorted(const struct ar_freq *t, size_t *n)
{
	struct ar_freq_ent **v = ar_freq_all(t, n);

	sort_table = t;
	qsort(v, *n, sizeof *v, cmp_sorted);
	return v;
}

static double
ll_term(double o, double e)
{
	return o > 0 && e > 0 ? o * log(o / e) : 0;
}

double
ar_freq_ll(double o11, double r1, double c1, double n)
{
	double o12 = r1 - o11, o21 = c1 - o11, o22 = n - r1 - c1 + o11;
	if (o12 < 0) o12 = 0;
	if (o21 < 0) o21 = 0;
	if (o22 < 0) o22 = 0;
	double r2 = o21 + o22, c2 = o12 + o22, tot = o11 + o12 + o21 + o22;
	double ll = 0;
	if (tot > 0) {
		ll = 2 * (ll_term(o11, r1 * c1 / tot) + ll_term(o12, r1 * c2 / tot)
		    + ll_term(o21, r2 * c1 / tot) + ll_term(o22, r2 * c2 / tot));
		/* a negative association is shown with a minus sign */
		if (o11 < r1 * c1 / tot)
			ll = -ll;
	}
	return ll;
}

static double
expected(double r1, double c1, double n)
{
	return n > 0 ? r1 * c1 / n : 0;
}

double
ar_freq_mi(double o11, double r1, double c1, double n)
{
	double e11 = expected(r1, c1, n);
	return o11 > 0 && e11 > 0 ? log2(o11 / e11) : 0;
}

double
ar_freq_t(double o11, double r1, double c1, double n)
{
	return o11 > 0 ? (o11 - expected(r1, c1, n)) / sqrt(o11) : 0;
}

double
ar_freq_logratio(double o11, double r1, double c1, double n)
{
	double o21 = c1 - o11, r2 = n - r1;
	if (r1 <= 0)
		return 0;
	if (o11 <= 0)
		o11 = 0.5;
	if (o21 <= 0)
		o21 = 0.5;
	if (r2 <= 0)
		r2 = 1;
	return log2((o11 / r1) / (o21 / r2));
}

/* ---- collocates ---- */
void
ar_colloc_line(struct ar_colloc *c, const char *s, size_t n)
{
	c->line = s;
	c->F.len = c->O.len = 0;
	ar_norm_apply(c->nm, s, n, &c->F, &c->O);
	const uint32_t *of = (const uint32_t *)c->O.s;
	size_t i = 0, fn = c->F.len;

	c->ntok = 0;
	while (i < fn) {
		int32_t cp;
		size_t k = ar_u8dec(c->F.s + i, &cp);
		if (!ar_is_wordchar(cp)) {
			i += k;
			continue;
		}
		size_t b = i;
		while (i < fn && (k = ar_u8dec(c->F.s + i, &cp), ar_is_wordchar(cp)))
			i += k;
		if (c->ntok == c->captok) {
			c->captok = c->captok ? c->captok * 2 : 256;
			c->tok = ar_realloc(c->tok, c->captok * sizeof *c->tok);
		}
		c->tok[c->ntok].fs = b, c->tok[c->ntok].fe = i;
		c->tok[c->ntok].rs = of[b];
		c->tok[c->ntok].re = i < fn ? of[i] : n;
		c->ntok++;
		ar_freq_get(&c->words, c->F.s + b, i - b, -1)->c++;
		c->corpus++;
	}
}

/* A word near a hit: left (a) or right (b), and its written form. */
static void
near(struct ar_colloc *c, const struct ar_colloc_tok *t, int right)
{
	struct ar_freq_ent *e = ar_freq_get(&c->words, c->F.s + t->fs, t->fe - t->fs, -1);
	struct ar_buf *k = &c->O;       /* the offsets are used up by now */

	if (right)
		e->b++;
	else
		e->a++;
	c->window++;
	k->len = 0;
	ar_buf_add(k, c->F.s + t->fs, t->fe - t->fs);
	ar_buf_addc(k, 0);
	ar_buf_add(k, c->line + t->rs, t->re - t->rs);
	ar_freq_get(&c->forms, k->s, k->len, -1)->a++;
}

void
ar_colloc_hit(struct ar_colloc *c, size_t rs, size_t re)
{
	const struct ar_colloc_tok *tok = c->tok;
	size_t first = c->ntok, last = 0, t;
	size_t left = (size_t)c->left, right = (size_t)c->right;

	for (t = 0; t < c->ntok; t++)
		if (tok[t].re > rs && tok[t].rs < re) {
			if (first == c->ntok)
				first = t;
			last = t;
		}
	if (first == c->ntok)
		return;
	for (t = first >= left ? first - left : 0; t < first; t++)
		near(c, &tok[t], 0);
	for (t = last + 1; t < c->ntok && t <= last + right; t++)
		near(c, &tok[t], 1);
}

static int rank_by;

static int
cmp_rows(const void *pa, const void *pb)
{
	const struct ar_colloc_row *a = pa, *b = pb;
	double x = a->stat[rank_by], y = b->stat[rank_by];

	if (x != y)
		return x > y ? -1 : 1;
	if (a->freq != b->freq)
		return a->freq > b->freq ? -1 : 1;
	int m = memcmp(a->word, b->word, a->len < b->len ? a->len : b->len);
	return m ? m : (a->len > b->len) - (a->len < b->len);
}

struct ar_colloc_row *
ar_colloc_rank(const struct ar_colloc *c, int stat, long min_freq, size_t *np)
{
	size_t nall, nf, n = 0;
	struct ar_freq_ent **all = ar_freq_all(&c->words, &nall);
	struct ar_freq_ent **forms = ar_freq_all(&c->forms, &nf);
	struct ar_colloc_row *v = ar_alloc((nall + 1) * sizeof *v);
	double r1 = (double)c->window, tot = (double)c->corpus;

	for (size_t i = 0; i < nall; i++) {
		struct ar_freq_ent *e = all[i];
		struct ar_colloc_row *r = &v[n];
		if (e->a + e->b == 0 || e->a + e->b < min_freq)
			continue;
		r->word = r->form = ar_freq_key(&c->words, e);
		r->len = r->formlen = e->len;
		r->freq = e->a + e->b, r->left = e->a, r->right = e->b, r->corpus = e->c;
		r->formfreq = 0;
		r->stat[AR_STAT_LL] = ar_freq_ll((double)r->freq, r1, (double)e->c, tot);
		r->stat[AR_STAT_MI] = ar_freq_mi((double)r->freq, r1, (double)e->c, tot);
		r->stat[AR_STAT_T] = ar_freq_t((double)r->freq, r1, (double)e->c, tot);
		r->stat[AR_STAT_LOGRATIO] = ar_freq_logratio((double)r->freq, r1, (double)e->c, tot);
		e->aux = ++n;
	}
	/* each folded word's commonest written form (ties: the first in byte order) */
	for (size_t i = 0; i < nf; i++) {
		const char *k = ar_freq_key(&c->forms, forms[i]);
		size_t wl = strlen(k), fl = forms[i]->len - wl - 1;
		struct ar_freq_ent *e = ar_freq_find(&c->words, k, wl, -1);
		if (!e || !e->aux)
			continue;
		struct ar_colloc_row *r = &v[e->aux - 1];
		int m = memcmp(k + wl + 1, r->form, fl < r->formlen ? fl : r->formlen);
		if (forms[i]->a > r->formfreq || (forms[i]->a == r->formfreq
		    && (m < 0 || (!m && fl < r->formlen))))
			r->form = k + wl + 1, r->formlen = fl, r->formfreq = forms[i]->a;
	}
	for (size_t i = 0; i < nall; i++)
		all[i]->aux = 0;
	rank_by = stat;
	qsort(v, n, sizeof *v, cmp_rows);
	free(all);
	free(forms);
	*np = n;
	return v;
}

/* ---- clusters ---- */
/* Whether the text between two words ends a sentence. */
static int
sentence_gap(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		int32_t cp;
		i += ar_u8dec(s + i, &cp);
		if (cp == '.' || cp == '!' || cp == '?' || cp == 0x061F || cp == 0x061B
		    || cp == 0x06D4 || cp == 0x2026)
			return 1;
	}
	return 0;
}

void
ar_cluster_hit(struct ar_colloc *c, size_t rs, size_t re, int n)
{
	const struct ar_colloc_tok *tok = c->tok;
	size_t first = c->ntok, last = 0, t, nn = (size_t)n;

	for (t = 0; t < c->ntok; t++)
		if (tok[t].re > rs && tok[t].rs < re) {
			if (first == c->ntok)
				first = t;
			last = t;
		}
	if (first == c->ntok || last - first + 1 > nn)
		return;
	/* the sentence around the hit: as far as no gap ends one */
	size_t lo = first, hi = last;
	for (t = first; t < last; t++)
		if (sentence_gap(c->line + tok[t].re, tok[t + 1].rs - tok[t].re))
			return;         /* the hit itself spans sentences */
	while (lo > 0 && first - lo < nn - 1
	    && !sentence_gap(c->line + tok[lo - 1].re, tok[lo].rs - tok[lo - 1].re))
		lo--;
	while (hi + 1 < c->ntok && hi - last < nn - 1
	    && !sentence_gap(c->line + tok[hi].re, tok[hi + 1].rs - tok[hi].re))
		hi++;
	/* every window of n words in [lo, hi] that holds [first, last] */
	for (size_t s = last + 1 >= nn ? last + 1 - nn : 0; s <= first; s++) {
		if (s < lo || s + nn - 1 > hi)
			continue;
		struct ar_buf *k = &c->K;
		k->len = 0;
		for (t = s; t < s + nn; t++) {
			if (t > s)
				ar_buf_addc(k, ' ');
			ar_buf_add(k, c->F.s + tok[t].fs, tok[t].fe - tok[t].fs);
		}
		size_t kl = k->len;
		ar_freq_get(&c->clusters, k->s, kl, -1)->a++;
		ar_buf_addc(k, 0);
		ar_buf_add(k, c->line + tok[s].rs, tok[s + nn - 1].re - tok[s].rs);
		ar_freq_get(&c->cforms, k->s, k->len, -1)->a++;
	}
}

static int
cmp_clusters(const void *pa, const void *pb)
{
	const struct ar_cluster_row *a = pa, *b = pb;

	if (a->freq != b->freq)
		return a->freq > b->freq ? -1 : 1;
	int m = memcmp(a->key, b->key, a->len < b->len ? a->len : b->len);
	return m ? m : (a->len > b->len) - (a->len < b->len);
}

struct ar_cluster_row *
ar_cluster_rank(const struct ar_colloc *c, long min_freq, size_t *np)
{
	size_t nall, nf, n = 0;
	struct ar_freq_ent **all = ar_freq_all(&c->clusters, &nall);
	struct ar_freq_ent **forms = ar_freq_all(&c->cforms, &nf);
	struct ar_cluster_row *v = ar_alloc((nall + 1) * sizeof *v);

	for (size_t i = 0; i < nall; i++) {
		struct ar_freq_ent *e = all[i];
		if (e->a < min_freq)
			continue;
		v[n].key = v[n].form = ar_freq_key(&c->clusters, e);
		v[n].len = v[n].formlen = e->len;
		v[n].freq = e->a;
		v[n].formfreq = 0;
		e->aux = ++n;
	}
	/* each cluster's commonest written form (ties: the first in byte order) */
	for (size_t i = 0; i < nf; i++) {
		const char *k = ar_freq_key(&c->cforms, forms[i]);
		size_t kl = strlen(k), fl = forms[i]->len - kl - 1;
		struct ar_freq_ent *e = ar_freq_find(&c->clusters, k, kl, -1);
		if (!e || !e->aux)
			continue;
		struct ar_cluster_row *r = &v[e->aux - 1];
		int m = memcmp(k + kl + 1, r->form, fl < r->formlen ? fl : r->formlen);
		if (forms[i]->a > r->formfreq || (forms[i]->a == r->formfreq
		    && (m < 0 || (!m && fl < r->formlen))))
			r->form = k + kl + 1, r->formlen = fl, r->formfreq = forms[i]->a;
	}
	for (size_t i = 0; i < nall; i++)
		all[i]->aux = 0;
	qsort(v, n, sizeof *v, cmp_clusters);
	free(all);
	free(forms);
	*np = n;
	return v;
}
