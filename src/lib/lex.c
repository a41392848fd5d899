/* lex.c: the word lists of share/ar-tools as one type. A list maps phrases
 * of one or more words to what the list says of them (a class, a number, a
 * string); the words are folded as the lexicon was asked to (the matching
 * fold, ASCII case), so a look-up finds every spelling ar-norm would
 * unify. Entries are found by their first word; the caller matches the
 * rest against its tokens. */
#include "arlib.h"

#include <stdlib.h>

struct slot { const char *w; size_t n; struct ar_lexent *list; };

struct ar_lex {
	int flags;
	struct slot *tab;               /* open addressing, by first word */
	size_t cap, used, nent;
	struct ar_buf fold;             /* scratch for folding */
};

struct ar_lex *
ar_lex_new(int flags)
{
	struct ar_lex *lx = ar_alloc(sizeof *lx);

	memset(lx, 0, sizeof *lx);
	lx->flags = flags;
	lx->cap = 64;
	lx->tab = ar_alloc(lx->cap * sizeof *lx->tab);
	memset(lx->tab, 0, lx->cap * sizeof *lx->tab);
	return lx;
}

void
ar_lex_fold(const struct ar_lex *lx, const char *s, size_t n, struct ar_buf *out)
{
	if (lx->flags & AR_LEX_FOLD) {
		ar_fold(s, n, out, lx->flags & AR_LEX_CASE ? AR_FOLD_CASE : 0);
		return;
	}
	size_t at = out->len;
	ar_buf_add(out, s, n);
	if (lx->flags & AR_LEX_CASE)
		for (size_t i = at; i < out->len; i++)
			if (out->s[i] >= 'A' && out->s[i] <= 'Z')
				out->s[i] += 'a' - 'A';
}

/* A word's slot: four bytes a step, as every word of a text may be looked
 * up (the order of the slots is seen nowhere: any hash would do). */
static inline size_t
word_hash(const char *w, size_t n)
{
	uint32_t h = (uint32_t)n * 0x9E3779B1u, x;
	size_t i = 0;

	for (; i + 4 <= n; i += 4) {
		memcpy(&x, w + i, 4);
		h = (h ^ x) * 0x85EBCA77u;
		h ^= h >> 15;
	}
	for (; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 0xC2B2AE3Du;
	return h ^ h >> 16;
}

static struct slot *
find_slot(const struct ar_lex *lx, const char *w, size_t n)
{
	size_t mask = lx->cap - 1;

	for (size_t h = word_hash(w, n) & mask;; h = (h + 1) & mask) {
		struct slot *sl = &lx->tab[h];
		if (!sl->w || (sl->n == n && !memcmp(sl->w, w, n)))
			return sl;
	}
}

static void
grow(struct ar_lex *lx)
{
	struct slot *old = lx->tab;
	size_t oldcap = lx->cap;

	lx->cap *= 2;
	lx->tab = ar_alloc(lx->cap * sizeof *lx->tab);
	memset(lx->tab, 0, lx->cap * sizeof *lx->tab);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].w)
			*find_slot(lx, old[i].w, old[i].n) = old[i];
	free(old);
}

static char *
keep(const char *s, size_t n)
{
	char *c = ar_alloc(n + 1);

	memcpy(c, s, n);
	c[n] = 0;
	return c;
}

const struct ar_lexent *
ar_lex_add(struct ar_lex *lx, const char *phrase, size_t n, int cls, int val,
    const char *str)
{
	struct ar_lexent *e = ar_alloc(sizeof *e);
	char *words;
	size_t i = 0, len;

	memset(e, 0, sizeof *e);
	e->cls = cls, e->val = val;
	e->str = str ? keep(str, strlen(str)) : NULL;
	lx->fold.len = 0;
	ar_lex_fold(lx, phrase, n, &lx->fold);
	len = lx->fold.len;
	words = keep(lx->fold.s ? lx->fold.s : "", len);
	/* words are separated by spaces (the fold keeps them) */
	while (i < len && e->nw < AR_LEX_MAXW) {
		while (i < len && words[i] == ' ')
			i++;
		if (i == len)
			break;
		size_t b = i;
		while (i < len && words[i] != ' ')
			i++;
		e->w[e->nw] = words + b;
		e->wl[e->nw++] = i - b;
		words[i < len ? i++ : i] = 0;
	}
	if (!e->nw) {
		free(words);
		free((char *)e->str);
		free(e);
		return NULL;
	}
	if ((lx->used + 1) * 2 > lx->cap)
		grow(lx);
	struct slot *sl = find_slot(lx, e->w[0], e->wl[0]);
	if (!sl->w) {
		sl->w = e->w[0], sl->n = e->wl[0];
		lx->used++;
	}
	e->next = sl->list;             /* the latest added comes first */
	sl->list = e;
	lx->nent++;
	return e;
}

const struct ar_lexent *
ar_lex_get(const struct ar_lex *lx, const char *w, size_t n)
{
	if (!n)
		return NULL;
	return find_slot(lx, w, n)->list;
}

const struct ar_lexent *
ar_lex_get_clitic(const struct ar_lex *lx, const struct ar_clitics *cl,
    const char *w, size_t n, size_t min, size_t *pfx)
{
	const struct ar_lexent *e = ar_lex_get(lx, w, n);

	*pfx = 0;
	if (e || !cl)
		return e;
	for (int k = 0; k < cl->count; k++) {
		size_t pl = cl->n[k];
		if (pl < n && n - pl >= min && !memcmp(w, cl->p[k], pl)
		    && (e = ar_lex_get(lx, w + pl, n - pl))) {
			*pfx = pl;
			return e;
		}
	}
	return NULL;
}

size_t
ar_lex_size(const struct ar_lex *lx)
{
	return lx->nent;
}

void
ar_lex_free(struct ar_lex *lx)
{
	if (!lx)
		return;
	for (size_t i = 0; i < lx->cap; i++) {
		struct ar_lexent *e = lx->tab[i].list, *nx;
		for (; e; e = nx) {
			nx = (struct ar_lexent *)e->next;
			free((char *)e->w[0]);
			free((char *)e->str);
			free(e);
		}
	}
	free(lx->tab);
	ar_buf_free(&lx->fold);
	free(lx);
}

/* ---- proclitics: the prefixes a word may carry (proclitics.txt) ---- */

static int
clitic_line(char *line, size_t n, unsigned long lineno, void *ctx)
{
	struct ar_clitics *cl = ctx;
	struct ar_buf f = { 0 };

	(void)lineno;
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
		n--;
	ar_fold(line, n, &f, AR_FOLD_CASE);
	if (!f.len)
		return 0;
	cl->p = ar_realloc(cl->p, (size_t)(cl->count + 1) * sizeof *cl->p);
	cl->n = ar_realloc(cl->n, (size_t)(cl->count + 1) * sizeof *cl->n);
	cl->p[cl->count] = keep(f.s, f.len);
	cl->n[cl->count++] = f.len;
	ar_buf_free(&f);
	return 0;
}

void
ar_clitics_load(struct ar_clitics *cl, const char *text, size_t len)
{
	ar_each_line(text, len, clitic_line, cl);
	/* longest first, then in file order (a stable insertion sort) */
	for (int i = 1; i < cl->count; i++)
		for (int j = i; j > 0 && cl->n[j] > cl->n[j - 1]; j--) {
			const char *p = cl->p[j];
			size_t n = cl->n[j];
			cl->p[j] = cl->p[j - 1], cl->n[j] = cl->n[j - 1];
			cl->p[j - 1] = p, cl->n[j - 1] = n;
		}
}

void
ar_clitics_free(struct ar_clitics *cl)
{
	for (int i = 0; i < cl->count; i++)
		free((char *)cl->p[i]);
	free(cl->p);
	free(cl->n);
	memset(cl, 0, sizeof *cl);
}
