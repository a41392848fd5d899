/* sort.c: ar-kwic --sort (src/lib/sort.c): the keys it accepts, each key's
 * order, the fold the words are compared in, and ties kept in the order
 * the rows came. */
#include "arlib.h"
#include "check.h"

#include <stdlib.h>

/* key lists: taken or refused, and where the bad one starts */
static const struct { const char *keys; int ok; const char *bad; } keys[] = {
	{ "R1", 1, NULL }, { "l9", 1, NULL }, { "R1,L2,match,doc", 1, NULL },
	{ ",,R1,,", 1, NULL },                                  /* empty keys skipped */
	{ "R1,R2,R3,R4,R5,R6,R7,R8,R9,L1,L2,L3,L4,L5,L6,L7", 1, NULL },   /* 16 */
	{ "R1,R2,R3,R4,R5,R6,R7,R8,R9,L1,L2,L3,L4,L5,L6,L7,L8", 0, "L8" },
	{ "R0", 0, "R0" }, { "R10", 0, "R10" }, { "R", 0, "R" },
	{ "R1,x", 0, "x" }, { "match,Match", 0, "Match" }, { "matchx", 0, "matchx" },
	{ "doc,docs", 0, "docs" }, { "", 0, "" }, { ",", 0, "" },
};

/* rows: doc, line, start, left, match, right */
static const struct { const char *doc; unsigned long line; size_t start;
	const char *l, *m, *r; } rows[] = {
	{ "b", 2, 5, "قال وزير", "الخارجية", "في تونس" },         /* 0 */
	{ "a", 9, 0, "وقال", "الخارجية", "أمس في" },              /* 1 */
	{ "b", 2, 1, "قال رئيس", "الحكومة", "في صفاقس" },          /* 2 */
	{ "a", 9, 0, "ثم قال", "الخارجيه", "في تونس" },          /* 3: folds as 0's match */
	{ "b", 1, 7, "", "حكومة", "" },                            /* 4: no context */
};

static struct ar_kwic_sort *
sorted(const char *k)
{
	struct ar_kwic_sort *st = ar_kwic_sort_new(k, NULL);

	if (!st)
		return NULL;
	ar_kwic_sort_fold(st, ar_fold_norm());
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct ar_kwic_row w = { rows[i].doc, strlen(rows[i].doc), rows[i].line,
			rows[i].start, 0, rows[i].l, rows[i].m, rows[i].r, strlen(rows[i].l),
			strlen(rows[i].m), strlen(rows[i].r), 0, (int)i, NULL, 0, 0, 0 };
		ar_kwic_sort_add(st, &w);
	}
	ar_kwic_sort_run(st);
	return st;
}

/* the order the rows come out in, as their pattern indexes */
static const struct { const char *keys, *want; } orders[] = {
	{ "R1", "41023" },      /* "", امس (hamza folded), then في three times, in order */
	{ "R2", "40321" },      /* "", تونس (0 and 3), صفاقس, في */
	{ "L1", "42301" },      /* "", رئيس, قال, وزير, وقال: bytes, ز before ق */
	{ "L2", "14302" },      /* 1 and 4 have no L2 (in order), ثم, قال twice */
	{ "L2,L1", "41320" },   /* the next key breaks a tie */
	{ "match", "20134" },   /* الحكومة < الخارجية = الخارجيه (folded) < حكومة */
	{ "doc", "13420" },     /* a:9:0 twice (in order), b:1:7, b:2:1, b:2:5 */
	{ "match,doc", "21304" },
	{ "R1,match", "41203" },
};

int
main(void)
{
	ar_init("sort", "", "");
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const char *bad = "(unset)";
		struct ar_kwic_sort *st = ar_kwic_sort_new(keys[i].keys, &bad);
		check(!!st == keys[i].ok, "'%s': %s", keys[i].keys, st ? "taken" : "refused");
		if (!st && keys[i].bad)
			check(!strncmp(bad, keys[i].bad, strlen(keys[i].bad)),
			    "'%s': bad at '%s', want '%s'", keys[i].keys, bad, keys[i].bad);
		ar_kwic_sort_free(st);
	}
	for (size_t i = 0; i < sizeof orders / sizeof orders[0]; i++) {
		struct ar_kwic_sort *st = sorted(orders[i].keys);
		char got[16] = "";
		check(st != NULL, "'%s' refused", orders[i].keys);
		if (!st)
			continue;
		check(ar_kwic_sort_count(st) == 5, "'%s': %zu rows", orders[i].keys,
		    ar_kwic_sort_count(st));
		for (size_t k = 0; k < ar_kwic_sort_count(st) && k < 15; k++)
			got[k] = (char)('0' + ar_kwic_sort_row(st, k)->pat);
		check_str(got, orders[i].want, orders[i].keys);
		ar_kwic_sort_free(st);
	}
	/* a row is copied: its text outlives the caller's buffers */
	struct ar_kwic_sort *st = ar_kwic_sort_new("match", NULL);
	char l[] = "ab", m[] = "cd", r[] = "ef", d[] = "x", date[] = "2020-01-01";
	struct ar_kwic_row w = { d, 1, 3, 4, 5, l, m, r, 2, 2, 2, 2, 7, date, 10, 0, 0 };
	ar_kwic_sort_add(st, &w);
	l[0] = m[0] = r[0] = d[0] = date[0] = '?';
	ar_kwic_sort_run(st);
	const struct ar_kwic_row *g = ar_kwic_sort_row(st, 0);
	check(g && !memcmp(g->l, "ab", 2) && !memcmp(g->m, "cd", 2) && !memcmp(g->r, "ef", 2)
	    && !memcmp(g->doc, "x", 1) && !strcmp(g->date, "2020-01-01")
	    && g->line == 3 && g->startcp == 4 && g->endcp == 5 && g->rwidth == 2 && g->pat == 7,
	    "the row is kept as given");
	check(ar_kwic_sort_row(st, 1) == NULL, "no second row");
	ar_kwic_sort_free(st);
	/* no rows: sorting nothing is fine */
	st = ar_kwic_sort_new("R1", NULL);
	ar_kwic_sort_run(st);
	check(ar_kwic_sort_count(st) == 0, "no rows");
	ar_kwic_sort_free(st);
	return check_done("sort");
}
