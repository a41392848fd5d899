/* freq.c: a table of word frequencies: three counts under a string key and
 * a tag (ar-kwic -c counts each spelling per pattern; --collocates counts
 * words left and right of the hits and in the whole text), and the
 * log-likelihood that ranks collocates. */
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
	ar_buf_add(&t->keys, s, n);
	t->n++;
	return e;
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

/* ---- collocates ---- */
void
ar_colloc_line(struct ar_colloc *c, const char *s, size_t n)
{
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

void
ar_colloc_hit(struct ar_colloc *c, size_t rs, size_t re)
{
	const struct ar_colloc_tok *tok = c->tok;
	size_t first = c->ntok, last = 0, t, win = (size_t)c->win;

	for (t = 0; t < c->ntok; t++)
		if (tok[t].re > rs && tok[t].rs < re) {
			if (first == c->ntok)
				first = t;
			last = t;
		}
	if (first == c->ntok)
		return;
	for (t = first >= win ? first - win : 0; t < first; t++) {
		ar_freq_get(&c->words, c->F.s + tok[t].fs, tok[t].fe - tok[t].fs, -1)->a++;
		c->window++;
	}
	for (t = last + 1; t < c->ntok && t <= last + win; t++) {
		ar_freq_get(&c->words, c->F.s + tok[t].fs, tok[t].fe - tok[t].fs, -1)->b++;
		c->window++;
	}
}
