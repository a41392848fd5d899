/* lex.c: the word-list type and the matching fold (src/lib/lex.c, norm.c). */
#include "arlib.h"
#include "check.h"

static const struct { const char *in, *out; int flags; } folds[] = {
	{ "قرة", "قره", 0 },
	{ "إلى", "الي", 0 },
	{ "أم\xe2\x80\x8cس", "امس", 0 },                    /* ZWNJ inside */
	{ "الجمعۀ", "الجمعه", 0 },                         /* Persian heh with yeh */
	{ "مَدْرَسَةٌ", "مدرسه", 0 },
	{ "قـــره", "قره", 0 },
	{ "٢٠٢٤", "2024", 0 },
	{ "GMT", "GMT", 0 },
	{ "GMT", "gmt", AR_FOLD_CASE },
	/* the capitals eight bytes at a time: either side of A and Z, across
	 * the blocks' edges, between Arabic letters */
	{ "@AZ[`az{", "@az[`az{", AR_FOLD_CASE },
	{ "Breaking NEWS: قرة ABC xyZ", "breaking news: قره abc xyz", AR_FOLD_CASE },
	{ "قرةQUICK BROWN FOX", "قرهquick brown fox", AR_FOLD_CASE },
};

int
main(void)
{
	ar_init("lex", "", "");
	for (size_t i = 0; i < sizeof folds / sizeof folds[0]; i++) {
		struct ar_buf b = { 0 };
		ar_fold(folds[i].in, strlen(folds[i].in), &b, folds[i].flags);
		ar_buf_addc(&b, 0);
		check_str(b.s, folds[i].out, folds[i].in);
		ar_buf_free(&b);
	}
	/* every printable ASCII byte, at every offset in an 8-byte block */
	for (int off = 0; off < 8; off++) {
		char in[128], want[128];
		size_t n = 0;
		for (int k = 0; k < off; k++)
			in[n] = want[n] = '.', n++;
		for (int c = 0x20; c < 0x7F; c++, n++)
			in[n] = (char)c, want[n] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		struct ar_buf b = { 0 };
		ar_fold(in, n, &b, AR_FOLD_CASE);
		check(b.len == n && !memcmp(b.s, want, n), "ASCII lower case at offset %d", off);
		ar_buf_free(&b);
	}
	char cp[AR_FOLD_MAX];
	check(ar_fold_cp(0x0629, cp, 0) == 2 && !memcmp(cp, "ه", 2), "teh marbuta folds to heh");
	check(ar_fold_cp(0x064E, cp, 0) == 0, "fatha is deleted");
	check(ar_fold_cp('Q', cp, AR_FOLD_CASE) == 1 && cp[0] == 'q', "ASCII lower case");

	struct ar_lex *lx = ar_lex_new(AR_LEX_FOLD | AR_LEX_CASE);
	check(ar_lex_add(lx, "كانون الثاني", strlen("كانون الثاني"), 1, 1, NULL) != NULL, "add phrase");
	ar_lex_add(lx, "كانون الأول", strlen("كانون الأول"), 1, 12, "dec");
	ar_lex_add(lx, "أمس", strlen("أمس"), 2, -1, NULL);
	check(ar_lex_add(lx, "   ", 3, 9, 9, NULL) == NULL, "a phrase without a word is no entry");
	check(ar_lex_size(lx) == 3, "three entries");
	const struct ar_lexent *e = ar_lex_get(lx, "كانون", strlen("كانون"));
	check(e && e->val == 12 && e->nw == 2 && e->str && !strcmp(e->str, "dec"),
	    "latest added first");
	check(e && e->next && e->next->val == 1 && !strcmp(e->next->w[1], "الثاني"), "chain");
	check(e && !strcmp(e->w[1], "الاول"), "words are folded");
	check(ar_lex_get(lx, "امس", 6) && !ar_lex_get(lx, "أمس", 6), "look-ups take folded words");

	struct ar_clitics cl = { 0 };
	const char *pro = "# c\nو\nال\nوال\nب\n";
	ar_clitics_load(&cl, pro, strlen(pro));
	check(cl.count == 4 && cl.n[0] == 6, "longest proclitic first");
	size_t pfx;
	e = ar_lex_get_clitic(lx, &cl, "وامس", strlen("وامس"), 4, &pfx);
	check(e && e->cls == 2 && pfx == 2, "و + امس");
	e = ar_lex_get_clitic(lx, &cl, "وامس", strlen("وامس"), 8, &pfx);
	check(!e, "what is left is too short");
	ar_lex_free(lx);
	ar_clitics_free(&cl);
	return check_done("lex");
}
