/* u8.c: UTF-8 decoding, repair and character classes (src/lib/u8.c). */
#include "arlib.h"
#include "check.h"

static const struct { const char *in; const char *out; size_t bad; } repairs[] = {
	{ "abc", "abc", 0 },
	{ "a\xffz", "a\xef\xbf\xbdz", 1 },
	{ "\xe2\x82", "\xef\xbf\xbd", 1 },              /* truncated: one U+FFFD */
	{ "\xf0\x80\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", 4 },
	{ "\xd9\x82\xd8\xb1\xd9\x87", "\xd9\x82\xd8\xb1\xd9\x87", 0 },
};

int
main(void)
{
	ar_init("u8", "", "");
	for (size_t i = 0; i < sizeof repairs / sizeof repairs[0]; i++) {
		struct ar_buf out = { 0 };
		size_t n = strlen(repairs[i].in), first = 0;
		size_t bad = ar_u8repair(repairs[i].in, n, &out, &first);
		ar_buf_addc(&out, 0);
		check(bad == repairs[i].bad, "case %zu: %zu replacements, want %zu", i, bad, repairs[i].bad);
		check_str(out.s, repairs[i].out, "repair");
		check((ar_u8valid(repairs[i].in, n) == n) == (repairs[i].bad == 0), "case %zu: valid", i);
		ar_buf_free(&out);
	}
	check(ar_cclass(0x0642) == AR_C_LETTER, "qaf is a letter");
	check(ar_cclass(0x064E) == AR_C_MARK, "fatha is a mark");
	check(ar_cclass(0x200C) == AR_C_FORMAT, "ZWNJ is a format character");
	check(ar_digit_value(0x0663) == 3, "Arabic-Indic three");
	check(ar_digit_value(0x06F7) == 7, "Persian seven");
	check(ar_cpwidth(0x064E) == 0, "a mark takes no column");
	return check_done("u8");
}
