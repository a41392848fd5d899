/* sort.c: ar-kwic --sort, concordance rows kept in memory and sorted on
 * keys: R1..R9 (the k-th word after the hit), L1..L9 (before it), match,
 * doc (name, then line, then position), each compared folded, bytewise;
 * rows equal on every key keep the order they came in. */
#include "arlib.h"

#include <stdlib.h>

#define SORT_MAXKEYS 16

/* A row with its own copy of the text, and its context folded. */
struct srow {
	struct ar_kwic_row r;
	size_t seq;
	char *fl, *fr, *fm;
};

struct ar_kwic_sort {
	char keys[SORT_MAXKEYS][8];
	int nkeys;
	const struct ar_norm *nm;
	struct srow *rows;
	size_t n, cap;
	struct ar_buf f;
};

struct ar_kwic_sort *
ar_kwic_sort_new(const char *s, const char **bad)
{
	struct ar_kwic_sort *st = ar_alloc(sizeof *st);

	memset(st, 0, sizeof *st);
	while (*s) {
		size_t n = strcspn(s, ",");
		char k[8];
		if (n == 0) {
			s++;
			continue;
		}
		if (n >= sizeof k || st->nkeys == SORT_MAXKEYS)
			goto bad;
		memcpy(k, s, n);
		k[n] = 0;
		if (k[0] == 'r' || k[0] == 'l')
			k[0] = (char)(k[0] - 'a' + 'A');
		if ((k[0] == 'R' || k[0] == 'L') && k[1] >= '1' && k[1] <= '9' && !k[2])
			;
		else if (strcmp(k, "match") && strcmp(k, "doc"))
			goto bad;
		strcpy(st->keys[st->nkeys++], k);
		s += n;
	}
	if (st->nkeys)
		return st;
bad:
	if (bad)
		*bad = s;
	free(st);
	return NULL;
}

void
ar_kwic_sort_fold(struct ar_kwic_sort *st, const struct ar_norm *nm)
{
	st->nm = nm;
}

static char *
fold_dup(struct ar_kwic_sort *st, const char *s, size_t n)
{
	st->f.len = 0;
	if (st->nm)
		ar_norm_apply(st->nm, s, n, &st->f, NULL);
	else
		ar_buf_add(&st->f, s, n);
	return strndup(st->f.s ? st->f.s : "", st->f.len);
}

void
ar_kwic_sort_add(struct ar_kwic_sort *st, const struct ar_kwic_row *w)
{
	struct srow *s;
	char *mem;

	if (st->n == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 256;
		st->rows = ar_realloc(st->rows, st->cap * sizeof *st->rows);
	}
	s = &st->rows[st->n];
	s->r = *w;
	s->seq = st->n++;
	mem = ar_alloc(w->docl + w->ll + w->ml + w->rl + 1);
	memcpy(mem, w->doc, w->docl);
	memcpy(mem + w->docl, w->l, w->ll);
	memcpy(mem + w->docl + w->ll, w->m, w->ml);
	memcpy(mem + w->docl + w->ll + w->ml, w->r, w->rl);
	s->r.doc = mem;
	s->r.l = mem + w->docl;
	s->r.m = s->r.l + w->ll;
	s->r.r = s->r.m + w->ml;
	s->fl = fold_dup(st, w->l, w->ll);
	s->fr = fold_dup(st, w->r, w->rl);
	s->fm = fold_dup(st, w->m, w->ml);
	s->r.date = w->date ? strndup(w->date, w->datel) : NULL;
}

static int
cmp_bytes(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);
	return c ? c : (an > bn) - (an < bn);
}

static int
cmp_key(const char *key, const struct srow *a, const struct srow *b)
{
	if (key[0] == 'R' || key[0] == 'L') {
		const char *x, *y;
		size_t xn, yn;
		int idx = key[1] - '0', back = key[0] == 'L';
		ar_kwic_context_word(back ? a->fl : a->fr, idx, back, &x, &xn);
		ar_kwic_context_word(back ? b->fl : b->fr, idx, back, &y, &yn);
		return cmp_bytes(x, xn, y, yn);
	}
	if (!strcmp(key, "match"))
		return strcmp(a->fm, b->fm);
	int c = cmp_bytes(a->r.doc, a->r.docl, b->r.doc, b->r.docl);   /* doc */
	if (!c)
		c = (a->r.line > b->r.line) - (a->r.line < b->r.line);
	if (!c)
		c = (a->r.startcp > b->r.startcp) - (a->r.startcp < b->r.startcp);
	return c;
}

/* qsort's comparison has no context argument: the sorter being run */
static const struct ar_kwic_sort *cur;

static int
cmp_srow(const void *pa, const void *pb)
{
	const struct srow *a = pa, *b = pb;

	for (int k = 0; k < cur->nkeys; k++) {
		int c = cmp_key(cur->keys[k], a, b);
		if (c)
			return c;
	}
	return (a->seq > b->seq) - (a->seq < b->seq);
}

void
ar_kwic_sort_run(struct ar_kwic_sort *st)
{
	if (!st->n)             /* qsort may not be handed NULL */
		return;
	cur = st;
	qsort(st->rows, st->n, sizeof *st->rows, cmp_srow);
	cur = NULL;
}

size_t
ar_kwic_sort_count(const struct ar_kwic_sort *st)
{
	return st->n;
}

const struct ar_kwic_row *
ar_kwic_sort_row(const struct ar_kwic_sort *st, size_t i)
{
	return i < st->n ? &st->rows[i].r : NULL;
}

void
ar_kwic_sort_free(struct ar_kwic_sort *st)
{
	if (!st)
		return;
	for (size_t i = 0; i < st->n; i++) {
		struct srow *s = &st->rows[i];
		free((char *)s->r.doc);
		free((char *)s->r.date);
		free(s->fl);
		free(s->fr);
		free(s->fm);
	}
	free(st->rows);
	ar_buf_free(&st->f);
	free(st);
}
