/* tok.c: the word iterator (src/lib/tok.c). */
#include "arlib.h"
#include "check.h"

/* each case: text, flags, then the tokens as "type:text" joined by '|' */
static const struct { const char *in; int flags; const char *want; } cases[] = {
	{ "قال أمس", 0, "w:قال|w:أمس" },
	{ "أم\xe2\x80\x8cس الخميس", 0, "w:أم\xe2\x80\x8cس|w:الخميس" },   /* ZWNJ inside */
	{ "\xe2\x80\x8f" "قره", 0, "w:قره" },                              /* RLM before */
	{ "قال\xe2\x80\x8f أمس\xe2\x80\x8f", 0, "w:قال|w:أمس" },            /* and after */
	{ "قال\xe2\x80\x8f\xe2\x80\x8cأمس", 0, "w:قال\xe2\x80\x8f\xe2\x80\x8cأمس" },
	{ "الساعة 13:30 GMT", 0, "w:الساعة|n:13|p::|n:30|w:GMT" },
	{ "٢٠٢٤/٠٣/١٠", 0, "n:٢٠٢٤|p:/|n:٠٣|p:/|n:١٠" },
	{ "كوفيد-19", 0, "w:كوفيد|p:-|n:19" },
	{ "كوفيد-19", AR_W_ALNUM, "w:كوفيد|p:-|w:19" },
	{ "covid19 x", AR_W_ALNUM, "w:covid19|w:x" },
	{ "قـــره، و\"لا\"", 0, "w:قـــره|p:،|w:و|p:\"|w:لا|p:\"" },
	{ "a\tb\x01" "c", 0, "w:a|w:b|w:c" },
	{ "", 0, "" },
	{ "  ", 0, "" },
};

int
main(void)
{
	ar_init("tok", "", "");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct ar_words it;
		struct ar_word w;
		struct ar_buf got = { 0 };
		size_t n = strlen(cases[i].in), cps = 0;
		int t;
		ar_words_init(&it, cases[i].in, n, cases[i].flags);
		while ((t = ar_word_next(&it, &w))) {
			if (got.len)
				ar_buf_addc(&got, '|');
			ar_buf_addc(&got, t == AR_W_WORD ? 'w' : t == AR_W_NUM ? 'n' : 'p');
			ar_buf_addc(&got, ':');
			ar_buf_add(&got, cases[i].in + w.b0, w.b1 - w.b0);
			check(w.c1 - w.c0 == ar_u8count(cases[i].in + w.b0, w.b1 - w.b0),
			    "case %zu: code-point span", i);
			check(w.c0 >= cps, "case %zu: spans in order", i);
			cps = w.c1;
		}
		ar_buf_addc(&got, 0);
		check_str(got.s, cases[i].want, cases[i].in);
		ar_buf_free(&got);
	}
	return check_done("tok");
}
