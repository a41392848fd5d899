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

/* the length of the valid prefix, one byte at a time (Unicode table 3-7) */
static size_t
ref_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char b = s[i], lo = 0x80, hi = 0xBF;
		size_t need;
		if (b < 0x80) {
			i++;
			continue;
		}
		if (b >= 0xC2 && b <= 0xDF)
			need = 1;
		else if (b >= 0xE0 && b <= 0xEF)
			need = 2, lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
		else if (b >= 0xF0 && b <= 0xF4)
			need = 3, lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
		else
			return i;
		for (size_t k = 1; k <= need; k++) {
			if (i + k >= n || s[i + k] < lo || s[i + k] > hi)
				return i;
			lo = 0x80, hi = 0xBF;
		}
		i += need + 1;
	}
	return n;
}

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
	/* random texts of every length up to 300 (the 16-, 32- and 64-byte
	 * passes, their tails and the lead that ends a block), against a
	 * plain bytewise check */
	{
		static const char *const parts[] = { "a", " ", "\xd8\xa9", "\xd9\x82",
		    "\xc2\xa0", "\xe2\x80\x9c", "\xf0\x9f\x98\x80", "\xff", "\xd8",
		    "\x80", "\xc0\xaf", "\xed\xa0\x80", "\xe2\x82" };
		unsigned long seed = 12345;
		size_t bad = 0;
		for (int round = 0; round < 4000; round++) {
			char t[320];
			size_t n = 0, want;
			size_t len = (size_t)round % 300;
			/* two texts in three have one bad part, somewhere */
			size_t badat = round % 3 ? (size_t)round * 7 % (len + 1) : (size_t)-1;
			while (n < len) {
				seed = seed * 6364136223846793005UL + 1442695040888963407UL;
				/* mostly Arabic letters, so blocks pass whole
				 * and a block may end inside one */
				size_t k = (seed >> 33) % 40;
				if (k >= 7)
					k = 2 + k % 2;
				if (n >= badat)
					k = 7 + (seed >> 40) % 6, badat = (size_t)-1;
				size_t l = strlen(parts[k]);
				if (n + l > sizeof t)
					break;
				memcpy(t + n, parts[k], l), n += l;
			}
			want = ref_valid((const unsigned char *)t, n);
			if (ar_u8valid(t, n) != want)
				bad++;
		}
		check(bad == 0, "random texts: %zu invalid sequences missed or misplaced", bad);
	}
	{
		/* ar_byteset: a group of one byte is exact; any group answers as
		 * its two nibble tables say, on every path and length */
		struct ar_byteset bs;
		ar_byteset_init(&bs);
		int top = bs.simd;
		ar_byteset_add(&bs, 'f', 0);
		ar_byteset_add(&bs, 0xB0, 1);           /* the second byte of ذ */
		ar_byteset_add(&bs, '!', 2);
		ar_byteset_add(&bs, '>', 2);
		const char *t1 = "اقرأ المزيد عن هذا الموضوع في الصفحة التالية من الموقع";
		check(ar_byteset_scan(&bs, t1, strlen(t1)) == 2, "ذ alone: group 1");
		const char *t2 = "share on facebook";
		check(ar_byteset_scan(&bs, t2, strlen(t2)) == 1, "f: group 0");
		check(ar_byteset_scan(&bs, "1.", 2) == 4, "'1' and '.' share the nibbles of '!' and '>'");
		check(ar_byteset_scan(&bs, "", 0) == 0, "nothing in nothing");
		unsigned char buf[200];
		uint64_t seed = 88172645463325252u;
		size_t bad = 0;
		for (int level = 0; level <= top; level++) {
			bs.simd = level;
			for (int round = 0; round < 3000; round++) {
				size_t n = (size_t)(round % 130);
				for (size_t i = 0; i < n; i++) {
					seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
					/* mostly Arabic letters and spaces, now and then anything */
					buf[i] = (unsigned char)(seed % 7 == 0 ? seed >> 20 : i % 2 ? 0x80 | (seed >> 8) % 0x3B : 0xD8);
				}
				unsigned want = 0;
				for (size_t i = 0; i < n; i++)
					want |= bs.lo[buf[i] & 0xF] & bs.hi[buf[i] >> 4];
				bad += ar_byteset_scan(&bs, (const char *)buf, n) != want;
			}
		}
		check(bad == 0, "ar_byteset_scan: %zu random texts answered unlike the tables", bad);
	}
	check(ar_cclass(0x0642) == AR_C_LETTER, "qaf is a letter");
	check(ar_cclass(0x064E) == AR_C_MARK, "fatha is a mark");
	check(ar_cclass(0x200C) == AR_C_FORMAT, "ZWNJ is a format character");
	check(ar_digit_value(0x0663) == 3, "Arabic-Indic three");
	check(ar_digit_value(0x06F7) == 7, "Persian seven");
	check(ar_cpwidth(0x064E) == 0, "a mark takes no column");
	return check_done("u8");
}
