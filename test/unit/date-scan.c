/* date-scan.c: the date grammar's scanner (src/lib/date.c, included here
 * to reach its static parts): its tokenizer cuts text exactly as the shared
 * word iterator does (ar_word_next), and parsing windows around the anchors
 * finds exactly what parsing whole lines finds, on random text made of the
 * grammar's own words, numbers, marks and filler, and on the fixtures. */
#include "../../src/lib/date.c"
#include "check.h"

#include <stdlib.h>

/* a small deterministic generator */
static uint64_t rng = 0x9E3779B97F4A7C15ull;
static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* pieces of text: characters that test the word rules */
static const char *const chars[] = {
	"\u0628", "\u0627", "\u0644", "\u0645", "\u0650", "\u064E", "\u0640", "\u200C",
	"\u200D", "\u200F", "\u202B", "\uFEFF", "\u0661", "\u06F5", "\uFF12", "7", "a", "Z",
	" ", "\t", "\x01", ".", "/", "-", ":", "\u060C", "\u061F", "\u00A0", "\uFEFB",
	"\u4E2D", "\U0001F600", "\u0301", "\u06D4", "\u066B", "\u2013",
};

/* pieces of text for the windows: the grammar's words, numbers, marks */
static const char *const words[] = {
	"من", "إلى", "في", "يوم", "الساعة", "الثالثة", "والنصف", "مساء", "أمس", "الخميس",
	"الماضي", "المقبل", "الجاري", "15", "2020", "3", "مايو", "أيار", "رمضان", "1445",
	"هـ", "عام", "الأسبوع", "الشهر", "بعد", "قبل", "منذ", "ثلاثة", "أيام", "يومين",
	"الحادي", "والعشرين", "عشر", "التاسع", "كل", "جمعة", "بين", "و", "حتى", "/", "-",
	":", ",", ".", "قال", "الوزير", "إن", "الحكومة", "مدينة", "سيعقد", "بتوقيت",
	"غرينتش", "12:30", "09/10/2020", "منتصف", "مطلع", "هذا", "العام", "المبارك",
	"صباحا", "غدا", "اليوم", "روسيا", "التسعينيات", "صيف", "ساعتين", "نصف", "ساعة",
};

static void
gen(struct ar_buf *b, const char *const *set, size_t nset, size_t count, const char *sep)
{
	b->len = 0;
	for (size_t i = 0; i < count; i++) {
		const char *p = set[rnd((unsigned)nset)];
		ar_buf_add(b, p, strlen(p));
		if (sep && rnd(4))
			ar_buf_add(b, sep, strlen(sep));
	}
}

/* the window tokenizer against ar_word_next */
static void
same_tokens(struct ar_date *dt, const char *s, size_t n)
{
	struct ar_words it;
	struct ar_word a, b;
	size_t pos = 0, cp = 0;
	int ta, tb;

	ar_words_init(&it, s, n, 0);
	dt->folded.len = 0;
	do {
		ta = ar_word_next(&it, &a);
		tb = win_next(dt, s, n, &pos, &cp, &b);
		check(ta == tb && (!ta || (a.b0 == b.b0 && a.b1 == b.b1 && a.c0 == b.c0
		    && a.c1 == b.c1 && a.nd == b.nd && a.cp == b.cp && a.ascii == b.ascii)),
		    "token at byte %zu of '%.*s'", b.b0, (int)n, s);
	} while (ta && ta == tb && a.b1 == b.b1);
}

/* windows against whole lines */
static void
same_expressions(struct ar_date *win, struct ar_date *whole, const char *s, size_t n)
{
	size_t na = ar_date_scan(win, s, n), nb = ar_date_scan(whole, s, n);
	int same = na == nb;

	for (size_t k = 0; same && k < na; k++) {
		const struct ar_date_expr *x = ar_date_get(win, k), *y = ar_date_get(whole, k);
		same = x->b0 == y->b0 && x->b1 == y->b1 && x->c0 == y->c0 && x->c1 == y->c1
		    && !strcmp(x->value, y->value);
	}
	check(same, "windows and whole lines differ on '%.*s'", (int)n, s);
}

int
main(void)
{
	ar_init("date-scan", "", "");
	struct ar_date *win = ar_date_new(NULL, NULL), *whole = ar_date_new(NULL, NULL);
	struct ar_date_ref ref = { 1, 19700, -1 };
	struct ar_buf b = { 0 };

	ar_date_set_windows(whole, 0);
	ar_date_set_ref(win, &ref);
	ar_date_set_ref(whole, &ref);
	for (int i = 0; i < 20000; i++) {
		gen(&b, chars, sizeof chars / sizeof chars[0], 1 + rnd(24), NULL);
		same_tokens(win, b.s, b.len);
	}
	for (int i = 0; i < 20000; i++) {
		gen(&b, words, sizeof words / sizeof words[0], 1 + rnd(60), " ");
		same_tokens(win, b.s, b.len);
		same_expressions(win, whole, b.s, b.len);
	}
	/* a long line: many windows and batches */
	gen(&b, words, sizeof words / sizeof words[0], 40000, " ");
	same_expressions(win, whole, b.s, b.len);
	/* the streaming reader hands out what ar_date_scan holds */
	size_t nx = ar_date_scan(win, b.s, b.len), k = 0;
	const struct ar_date_expr *e;
	ar_date_begin(whole, b.s, b.len);
	while ((e = ar_date_next(whole)))
		k++;
	check(k == nx && nx > 1000, "ar_date_next gives %zu of %zu", k, nx);
	ar_buf_free(&b);
	ar_date_free(win);
	ar_date_free(whole);
	return check_done("date-scan");
}
