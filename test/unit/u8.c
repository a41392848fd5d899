/* u8.c: UTF-8 decoding, repair and character classes (src/lib/u8.c). */
#include "arlib.h"
#include <string.h>

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
	/* a long text with three-byte characters here and there (the block
	 * check resumes after each) and a bad byte at every position */
	{
		char t[300];
		size_t n = 0, bad = 0;
		const char *unit = "\xd9\x82\xd8\xb1\xd8\xa9 \xe2\x80\x9c" "ab\xe2\x80\x9d ";
		while (n + strlen(unit) < sizeof t)
			memcpy(t + n, unit, strlen(unit)), n += strlen(unit);
		check(ar_u8valid(t, n) == n, "long mixed text is valid");
		for (size_t at = 0; at < n; at++) {
			char c = t[at];
			size_t lead = at;       /* where the broken sequence starts */
			while (lead > 0 && ((unsigned char)t[lead] & 0xC0) == 0x80)
				lead--;
			t[at] = (char)0xFF;
			if (ar_u8valid(t, n) != lead)
				bad++;
			t[at] = c;
		}
		check(bad == 0, "a bad byte found at its place: %zu misses", bad);
		/* code points of every prefix, block path or not */
		size_t want = 0;
		bad = 0;
		for (size_t at = 0; at <= n; at++) {
			if (ar_u8count(t, at) != want)
				bad++;
			if (at < n && ((unsigned char)t[at] & 0xC0) != 0x80)
				want++;
		}
		check(bad == 0, "code points counted: %zu misses", bad);
		/* more than 255 blocks of sixteen (the bytewise sums' limit) */
		static char big[100001];
		for (size_t j = 0; j + 1 < sizeof big; j += 2)
			big[j] = (char)0xD9, big[j + 1] = (char)0x82;
		big[100000] = 'a';
		check(ar_u8count(big, sizeof big) == 50001, "a long text's code points");
	}
	check(ar_cclass(0x0642) == AR_C_LETTER, "qaf is a letter");
	check(ar_cclass(0x064E) == AR_C_MARK, "fatha is a mark");
	check(ar_cclass(0x200C) == AR_C_FORMAT, "ZWNJ is a format character");
	check(ar_digit_value(0x0663) == 3, "Arabic-Indic three");
	check(ar_digit_value(0x06F7) == 7, "Persian seven");
	check(ar_cpwidth(0x064E) == 0, "a mark takes no column");
	return check_done("u8");
}
